"""The import direction, enforced on the source tree (docs/architecture.md).

scoring.core is the neutral core every layer may import; spiders and reports import nothing else of
scoring, scoring imports nothing above it, no module imports itself back through a circle, and no
module of the product grows past 500 lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OURS = ("auditor", "spiders", "scoring", "reports")

# package -> modules of ours it may import (prefix match on dotted names)
CORE = "scoring.core"
ALLOWED = {
    "auditor": ("auditor", "spiders", "scoring", "reports"),
    "spiders": ("spiders", CORE),
    "reports": ("reports", CORE),
    "scoring": ("scoring",),
}
MAX_MODULE_LINES = 500


def test_core_imports_nothing_above_it():
    """What every layer shares must stay neutral: scoring.core imports only scoring.core."""
    leaks = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / "scoring" / "core").rglob("*.py")
        for name in imports_of(path)
        if name.split(".")[0] in OURS and not (name == CORE or name.startswith(CORE + "."))
    ]
    assert not leaks, "\n".join(leaks)


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
                violations.append(f"{path.relative_to(ROOT)} imports {name}")
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


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph() -> dict[str, set[str]]:
    """module -> modules of ours it imports at load time (function-local imports included: a
    function-local import that works around a circle is still a circle)."""
    paths = {_module_name(p): p for package in OURS for p in modules(package)}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        targets = set()
        for imported in imports_of(path):
            # "from a.b import c" names a.b.c: the module a.b.c if it exists, else the module a.b
            while imported and imported not in paths:
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                targets.add(imported)
        graph[name] = targets
    return graph


def test_no_import_circle():
    graph = _import_graph()
    # package __init__ modules re-exporting their children are not circles of their own
    edges = {m: {t for t in ts if not m.startswith(t + ".") and not t.startswith(m + ".")} for m, ts in graph.items()}
    state: dict[str, int] = {}
    circles: list[str] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                circles.append(" -> ".join(stack[stack.index(target):] + [target]))
            elif target not in state:
                visit(target, stack)
        stack.pop()
        state[node] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [])
    assert not circles, "\n".join(circles)


def test_no_module_over_500_lines():
    long = [
        f"{path.relative_to(ROOT)}: {n} lines"
        for package in OURS
        for path in modules(package)
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert not long, "\n".join(long)
