"""The import direction of DESIGN.md §2, enforced on the source tree."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OURS = ("auditor", "spiders", "scoring", "reports")

# package -> modules of ours it may import (prefix match on dotted names)
ALLOWED = {
    "auditor": ("auditor", "spiders", "scoring", "reports"),
    # scoring.lexicons is shared knowledge that imports nothing of ours (DESIGN.md §2: scoring.core holds
    # "the contracts … and shared knowledge such as lexicons"): a byline is an organisation by the same rule
    # in the spider and in the checks
    "spiders": ("spiders", "scoring.records", "scoring.lexicons"),
    "reports": ("reports", "scoring.results"),
    "scoring": ("scoring",),
}


def test_lexicons_import_nothing_of_ours():
    """What spiders may share with scoring must stay neutral."""
    assert not [n for n in imports_of(ROOT / "scoring" / "lexicons.py") if n.split(".")[0] in OURS]


def imports_of(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def modules(package: str) -> list[Path]:
    return sorted(p for p in (ROOT / package).rglob("*.py") if "demo/site" not in p.as_posix())


@pytest.mark.parametrize("package", OURS)
def test_import_direction(package):
    files = modules(package)
    assert files, f"no modules in {package}"
    violations = []
    for path in files:
        for name in imports_of(path):
            top = name.split(".")[0]
            if top not in OURS or top == package:
                continue
            if not any(name == a or name.startswith(a + ".") for a in ALLOWED[package]):
                # "from scoring import records" is fine for spiders: check the full name too
                violations.append(f"{path.relative_to(ROOT)} imports {name}")
    # `from scoring.records import X` yields both "scoring.records" and "scoring.records.X": both allowed.
    assert not violations, "\n".join(violations)


def test_only_one_module_touches_scrapys_process_api():
    users = [
        str(path.relative_to(ROOT))
        for package in OURS
        for path in modules(package)
        if any(name.startswith("scrapy.crawler") for name in imports_of(path))
    ]
    assert users == ["auditor/crawl.py"]


def test_scoring_does_no_io():
    """Checks are pure: no network, files, subprocesses or LLM clients in scoring/."""
    forbidden = ("requests", "urllib.request", "http.client", "socket", "subprocess", "openai", "scrapy", "sqlalchemy")
    found = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in modules("scoring")
        for name in imports_of(path)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]
    assert not found, found
