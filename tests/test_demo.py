"""End to end: `geo-audit demo` crawls the bundled site on 127.0.0.1 and reports what the
manifest says was planted — and nothing on its "must not report" list."""

from __future__ import annotations

import json
import tomllib
from importlib import resources
from urllib.parse import urlsplit

import lxml.html
import pytest

from auditor.store import Store
from tests.conftest import run_cli

MANIFEST = tomllib.loads((resources.files("auditor") / "demo" / "manifest.toml").read_text(encoding="utf-8"))


def path_of(url: str) -> str:
    return urlsplit(url).path or "/"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("demo")
    run = run_cli("demo", "--db", str(tmp / "audits.db"), "--out", str(tmp / "out"), "--json", timeout=600)
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout)
    store = Store(tmp / "audits.db")
    result = store.result(summary["audit_id"])
    store.close()
    return {"summary": summary, "result": result, "out": tmp / "out"}


def _id(entry: dict) -> str:
    return f"{entry['check']}: {entry.get('property') or entry.get('reason')}"


@pytest.mark.parametrize("entry", MANIFEST["planted"], ids=_id)
def test_planted_property_is_reported(demo, entry):
    check = demo["result"].check(entry["check"])
    assert check.state in entry["states"], f"{check.state}: {check.explanation}"
    affected = {path_of(url) for url in check.affected_urls}
    missing = [url for url in entry.get("urls", []) if url not in affected]
    assert not missing, f"{entry['check']} does not list {missing}; it lists {sorted(affected)}"
    if "page_state" in entry:
        states = {path_of(o.url): o.state for o in check.pages}
        wrong = {url: states.get(url) for url in entry["urls"] if states.get(url) != entry["page_state"]}
        assert not wrong, f"page states {wrong}, expected {entry['page_state']}"
    if "evidence" in entry:
        haystack = (
            check.explanation
            + json.dumps(check.details, ensure_ascii=False)
            + json.dumps([e.model_dump() for e in check.evidence], ensure_ascii=False)
        )
        absent = [text for text in entry["evidence"] if text not in haystack]
        assert not absent, f"{entry['check']} evidence lacks {absent}"


@pytest.mark.parametrize("entry", MANIFEST["must_not_report"], ids=_id)
def test_must_not_report(demo, entry):
    check = demo["result"].check(entry["check"])
    affected = {path_of(url) for url in check.affected_urls}
    wrongly = sorted(set(entry["urls"]) & affected)
    assert not wrongly, f"{entry['check']} wrongly lists {wrongly} ({entry['reason']})"


def test_demo_site_size_and_completeness(demo):
    result = demo["result"]
    assert 40 <= result.coverage.html_pages <= 90
    assert result.coverage.complete
    assert result.site_score is not None and 0 < result.site_score < 100
    assert all(c.score is not None for c in result.categories)
    assert not [c.id for c in result.checks if c.state == "error"]


def test_demo_report_files(demo):
    out = demo["out"]
    html = (out / "report.html").read_text(encoding="utf-8")
    tree = lxml.html.document_fromstring(html)
    text = tree.text_content()
    for check in demo["result"].checks:
        assert check.id in html
    assert "Sonnenwerk" in text
    assert json.loads((out / "results.json").read_text(encoding="utf-8"))["site_score"] == demo["result"].site_score
