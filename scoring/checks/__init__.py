"""One module per check. Importing this package registers every check.

Find a check by its id: `scoring/checks/<id with - replaced by _>.py`.
"""

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
