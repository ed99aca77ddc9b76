"""Every regular expression of the product runs in linear time on adversarial input.

Crawled text is hostile: one 100 KB word or a few hundred spaces must not send a pattern into
backtracking that costs seconds per page (an Impressum's e-mail pattern once took 256 s on 13 pages).
The patterns are collected, not listed: every compiled pattern a module holds (also inside tuples,
lists and dicts; searched, the strictest use) and every literal pattern passed to `re.*` in a function
(applied as the call applies it: `re.match` anchored, the rest searched). Each is run on
adversarial texts — long runs of spaces, newlines, quotes, digits, capitalised words, repeated tokens,
100 KB words — under a time budget that a linear scan meets by orders of magnitude and a quadratic one
misses by orders of magnitude. A first pass on short texts catches the worst offenders before they
could hang the long pass.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("spiders", "scoring", "reports", "auditor")
RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split"}


def _flags(node: ast.AST | None) -> int:
    if node is None:
        return 0
    try:
        return int(eval(compile(ast.Expression(node), "<flags>", "eval"), {"re": re}))  # noqa: S307
    except Exception:  # flags held in a variable: the pattern is still tested without them
        return 0


ANCHORED = {"match", "fullmatch"}


def literal_patterns() -> dict[str, tuple[re.Pattern, str]]:
    """Patterns written as literals in calls such as `re.search(r"…", text)` inside functions, with
    the `re` function that applies them."""
    found: dict[str, tuple[re.Pattern, str]] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in RE_FUNCTIONS
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "re"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, (str, bytes))
                ):
                    continue
                flags = next((kw.value for kw in node.keywords if kw.arg == "flags"), None)
                if flags is None and node.func.attr == "compile" and len(node.args) > 1:
                    flags = node.args[1]
                method = node.func.attr if node.func.attr in ANCHORED else "search"
                found[f"{path.relative_to(ROOT)}:{node.lineno}"] = (
                    re.compile(node.args[0].value, _flags(flags)),
                    method,
                )
    return found


def _held(value: object) -> list[re.Pattern]:
    if isinstance(value, re.Pattern):
        return [value]
    if isinstance(value, (tuple, list)):
        return [p for item in value for p in _held(item)]
    if isinstance(value, dict):
        return [p for item in value.values() for p in _held(item)]
    return []


def module_patterns() -> dict[str, tuple[re.Pattern, str]]:
    """Compiled patterns held by the modules, including the ones built from lexicons at import."""
    found: dict[str, tuple[re.Pattern, str]] = {}
    for package in PACKAGES:
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, f"{package}."):
            try:
                module = importlib.import_module(info.name)
            except ImportError:  # an optional dependency; its patterns are collected as literals
                continue
            for name, value in vars(module).items():
                for i, pattern in enumerate(_held(value)):
                    found.setdefault(f"{info.name}.{name}[{i}]", (pattern, "search"))
    return found


def all_patterns() -> dict[str, tuple[re.Pattern, str]]:
    unique: dict[tuple, tuple[str, tuple[re.Pattern, str]]] = {}
    for where, (pattern, method) in {**module_patterns(), **literal_patterns()}.items():
        unique.setdefault((pattern.pattern, pattern.flags, method), (where, (pattern, method)))
    return dict(unique.values())


def adversarial_texts(n: int) -> dict[str, str]:
    return {
        "word": "a" * n,
        "capitalised word": "A" + "a" * n,
        "capitals": "A" * n,
        "spaces": " " * n + "x",
        "newlines": "\n" * n,
        "tabs and spaces": " \t" * (n // 2),
        "digits": "1" * n,
        "digit tokens": "1 " * (n // 2),
        "dotted numbers": "1." * (n // 2),
        "comma numbers": "1," * (n // 2),
        "percentages": "1 % " * (n // 4),
        "double quotes": '"' * n,
        "apostrophes": "'" * n,
        "dashes": "-" * n,
        "slashes": "/" * n,
        "colons": ":" * n,
        "less-than": "<" * n,
        "at signs": "a@" * (n // 2),
        "dotted word": "a." * (n // 2),
        "articles": "der " * (n // 4),
        "names": "Anna " * (n // 5),
        "short names": "Aa " * (n // 3),
        "speech": "Dr. Max Muster sagt: „" * (n // 22),
        "refresh": "0; url=" + " " * n + "''x",
    }


PATTERNS = all_patterns()
SHORT, LONG, WORD = 4_000, 30_000, 100_000
SHORT_BUDGET_S, LONG_BUDGET_S = 0.5, 1.5  # linear: milliseconds; quadratic: seconds and minutes


def _seconds(pattern: re.Pattern, texts: dict[str, str], method: str = "search") -> tuple[float, str]:
    """The slowest text for this pattern: (seconds, text name); searched means search + findall."""
    worst = (0.0, "")
    for name, text in texts.items():
        subject = text.encode() if isinstance(pattern.pattern, bytes) else text
        start = time.perf_counter()
        if method in ANCHORED:
            getattr(pattern, method)(subject)
        else:
            pattern.search(subject)
            pattern.findall(subject)
        worst = max(worst, (time.perf_counter() - start, name))
    return worst


def test_the_collector_finds_the_patterns_of_every_layer():
    modules = {where.split(".")[0].split("/")[0] for where in PATTERNS}
    assert {"spiders", "scoring", "reports", "auditor"} <= modules
    assert len(PATTERNS) > 200
    assert any("EMAIL_RE" in where for where in PATTERNS)  # the Impressum pattern of the issue


def test_a_quadratic_pattern_is_caught():
    seconds, _ = _seconds(re.compile(r"[\w.+-]+@example\.org"), adversarial_texts(SHORT))
    assert seconds > SHORT_BUDGET_S / 10  # the old e-mail pattern's shape: seconds at 100 KB


@pytest.mark.parametrize("where", sorted(PATTERNS))
def test_pattern_runs_in_linear_time(where):
    pattern, method = PATTERNS[where]
    seconds, text = _seconds(pattern, adversarial_texts(SHORT), method)
    assert seconds < SHORT_BUDGET_S, f"{where}: {seconds:.2f}s on {SHORT} chars of {text!r}: {pattern.pattern[:120]!r}"
    long_texts = {**adversarial_texts(LONG), "100 KB word": "a" * WORD, "100 KB capitalised word": "A" + "a" * WORD}
    seconds, text = _seconds(pattern, long_texts, method)
    assert seconds < LONG_BUDGET_S, f"{where}: {seconds:.2f}s on {text!r}: {pattern.pattern[:120]!r}"
