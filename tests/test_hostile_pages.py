"""One site built from every hostile page at once (issue 18): the full audit — crawl, scoring, report —
finishes within its --timeout with every page recorded.

The pages are generated here: a meta refresh that once sent a regex into catastrophic backtracking,
an Impressum that is one 100 KB word, long runs of spaces, newlines, quotes, digits and capitalised
words in the running text, in titles, headings, attributes and class names, script and markup
injection. Each pattern of the product is fuzzed on its own in tests/test_regex_linear.py; this is
the same input going through the whole pipeline, checks and report included.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from auditor.serve import StaticSite
from auditor.store import Store
from tests.conftest import run_cli

WORD = "a" * 100_000
HOSTILE = {
    "refresh": '<meta http-equiv="refresh" content="' + " " * 400 + "''x\">",
    "impressum": f"<h1>Impressum</h1><p>{WORD}</p><p>E-Mail: {'x.' * 50_000}@</p><p>Telefon: {'1 ' * 20_000}</p>",
    "words": f"<h1>{'A' + 'a' * 50_000}</h1><p>{WORD}</p><p>{WORD.upper()}</p>",
    "spaces": f"<h1>Spaces</h1><p>Von {' ' * 50_000} Anna</p><p>{chr(10) * 50_000}x</p><p>{'  – ' * 10_000}</p>",
    "quotes": f"<h1>Quotes</h1><p>{'„' * 30_000}</p><p>{'“Zitat” ' * 5_000}</p><p>{chr(39) * 50_000}</p>",
    "names": f"<h1>Names</h1><p>{'Anna Beispiel sagt ' * 5_000}</p><p>{'Dr. Max Muster, ' * 5_000}</p>",
    "numbers": f"<h1>Numbers</h1><p>{'1 % ' * 20_000}</p><p>{'1.' * 40_000}</p><p>{'1,' * 40_000}</p>",
    "attributes": f'<h1 class="{"side-" * 20_000}x">Attributes</h1><p title="{WORD}">x</p>'
    f'<a href="/{WORD}">{"click " * 5_000}</a><img alt="{WORD}" src="/x.png">',
    "script": '<h1>Script</h1><p><script>alert(1)</script><img src=x onerror="alert(2)">'
    f"{'<b>' * 5_000}text{'</b>' * 5_000}</p>",
}


def _site(root: Path) -> None:
    links = "".join(f'<li><a href="/{name}/">{name}</a></li>' for name in HOSTILE)
    (root / "index.html").write_text(
        f"<!doctype html><html lang=de><head><title>Hostile</title></head><body><main><h1>Start</h1><ul>{links}</ul>"
        "</main></body></html>",
        encoding="utf-8",
    )
    for name, body in HOSTILE.items():
        head = body if name == "refresh" else ""
        content = "" if name == "refresh" else body
        (root / name).mkdir()
        (root / name / "index.html").write_text(
            f"<!doctype html><html lang=de><head><title>{name}</title>{head}</head><body><main>{content}"
            '<p><a href="/">Start</a></p></main></body></html>',
            encoding="utf-8",
        )


def test_an_audit_of_every_hostile_page_finishes_within_its_timeout(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    _site(root)
    db, out = tmp_path / "audits.db", tmp_path / "out"
    with StaticSite(root) as site:
        started = time.monotonic()
        run = run_cli(
            "audit",
            site.origin + "/",
            "--db",
            str(db),
            "--out",
            str(out),
            "--timeout",
            "240",
            "--delay",
            "0",
            timeout=400,
        )
        elapsed = time.monotonic() - started
        origin = site.origin
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr + run.stdout
    assert elapsed < 240, elapsed
    store = Store(db)
    paths = {r.url.removeprefix(origin) for r in store.iter_pages(1)}
    store.close()
    assert {"/"} | {f"/{name}/" for name in HOSTILE} <= paths
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["checks"] and all(c["state"] != "error" for c in results["checks"]), [
        (c["id"], c.get("reason")) for c in results["checks"] if c["state"] == "error"
    ]
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in report and 'onerror="alert(2)"' not in report
