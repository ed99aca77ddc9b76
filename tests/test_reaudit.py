"""Re-audits that skip what did not change (docs/reaudit.md), through the CLI against a real loopback
server that answers conditional requests (tests/conditional_site.py) and a real SQLite store.

One site, four audits in order: the first; an unchanged re-audit (every page a 304, the stored
records and scores reused); one page's file edited (exactly that page extracted again, its finding
changes); `--fresh` (nothing reused, every page extracted). A fifth audit on a server without
validators shows the content hash alone deciding.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from auditor.store import Store
from tests.conditional_site import ConditionalSite
from tests.conftest import SITES, run_cli

ALIAS = "https://www.mini-workshop.example"
EDITED = "/blog/first-post/"
DESCRIPTION = (
    '<meta name="description" content="Why our oak boards dry outdoors for two winters before they reach the '
    'bench, and what that means for your table.">'
)


def _audit(origin: str, db: Path, out: Path, *extra: str) -> dict:
    run = run_cli("audit", origin + "/", "--db", str(db), "--out", str(out), "--delay", "0", *extra)
    assert run.returncode == 0, run.stderr
    result = json.loads((out / "results.json").read_text(encoding="utf-8"))
    return {"stdout": run.stdout, "result": result, "timing": result["timing"]}


def _scores(result: dict) -> dict:
    return {
        "site": result["site_score"],
        "categories": {c["id"]: c["score"] for c in result["categories"]},
        "checks": {c["id"]: (c["state"], c["score"]) for c in result["checks"]},
    }


@pytest.fixture(scope="module")
def reaudits(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("reaudit")
    site_dir = tmp / "site"
    shutil.copytree(SITES / "mini", site_dir)
    db = tmp / "audits.db"
    runs: dict[str, dict] = {}
    with ConditionalSite(site_dir, origin_alias=ALIAS) as site:
        runs["first"] = _audit(site.origin, db, tmp / "first")
        runs["first"]["statuses"] = dict(site.statuses)
        site.statuses.clear()
        runs["again"] = _audit(site.origin, db, tmp / "again")
        runs["again"]["statuses"] = dict(site.statuses)
        page = site_dir / EDITED.strip("/") / "index.html"
        html = page.read_text(encoding="utf-8")
        assert DESCRIPTION in html
        page.write_text(html.replace(DESCRIPTION, ""), encoding="utf-8")
        site.statuses.clear()
        runs["edited"] = _audit(site.origin, db, tmp / "edited", "--json")
        runs["edited"]["statuses"] = dict(site.statuses)
        site.statuses.clear()
        runs["fresh"] = _audit(site.origin, db, tmp / "fresh", "--fresh")
        runs["fresh"]["statuses"] = dict(site.statuses)
        origin = site.origin
    yield {"runs": runs, "db": db, "origin": origin}


def test_first_audit_extracts_every_page_and_stores_validators(reaudits):
    timing = reaudits["runs"]["first"]["timing"]
    assert timing["pages_reused"] == 0
    assert timing["pages_extracted"] >= 5  # every HTML page of the site
    assert timing["scores_reused"] == 0
    assert 304 not in reaudits["runs"]["first"]["statuses"]
    with Store(reaudits["db"]) as store:
        first = {r.url: r for r in store.iter_pages(1)}
    page = first[reaudits["origin"] + EDITED]
    assert page.etag and page.etag.startswith('"')
    assert page.last_modified and page.last_modified.endswith("GMT")
    assert page.content_hash and len(page.content_hash) == 64


def test_unchanged_site_reuses_every_page_and_the_scores(reaudits):
    first, again = reaudits["runs"]["first"], reaudits["runs"]["again"]
    assert again["timing"]["pages_extracted"] == 0  # no extraction ran
    assert again["timing"]["pages_reused"] == first["timing"]["pages_extracted"]
    assert again["timing"]["pages_reused_from"] == 1
    assert again["statuses"].get(304, 0) >= 5  # the server was asked conditionally and said so
    assert again["timing"]["scores_reused"] == 1
    assert _scores(again["result"]) == _scores(first["result"])
    assert again["timing"]["briefs_reused"] == 1  # deterministic briefs of the same inputs
    assert again["result"]["briefs"] == first["result"]["briefs"]
    assert "Re-audit of audit 1:" in again["stdout"]
    assert "scores reused" in again["stdout"]


def test_reused_records_are_the_stored_ones_with_this_crawls_facts(reaudits):
    with Store(reaudits["db"]) as store:
        first = {r.url: r for r in store.iter_pages(1)}
        again = {r.url: r for r in store.iter_pages(2)}
        assert store.artifacts(2).crawl_stats.reused_from == 1
    assert set(again) == set(first)  # the links of reused records were followed: the same URLs
    for url, record in again.items():
        before = first[url]
        assert record.model_dump(exclude={"fetch_ms", "discovered_from"}) == before.model_dump(
            exclude={"fetch_ms", "discovered_from"}
        ), url


def test_one_edited_page_is_extracted_again_and_its_finding_changes(reaudits):
    again, edited = reaudits["runs"]["again"], reaudits["runs"]["edited"]
    assert edited["timing"]["pages_extracted"] == 1
    assert edited["timing"]["pages_reused"] == again["timing"]["pages_reused"] - 1
    assert edited["timing"]["scores_reused"] == 0  # the inputs changed: the score stage ran
    summary = json.loads(edited["stdout"])  # --json: the reuse counts for scripts
    assert (summary["pages_reused"], summary["pages_extracted"]) == (edited["timing"]["pages_reused"], 1)
    assert summary["scores_reused"] is False
    url = reaudits["origin"] + EDITED
    before = again["result"]
    after = edited["result"]
    check = {c["id"]: c for c in before["checks"]}["meta-description"]
    changed = {c["id"]: c for c in after["checks"]}["meta-description"]
    assert url not in check["affected_urls"]
    assert url in changed["affected_urls"]
    assert changed["score"] < check["score"]
    with Store(reaudits["db"]) as store:
        assert store.page(3, url).meta_description is None
        assert store.page(2, url).meta_description


def test_fresh_reuses_nothing(reaudits):
    fresh, edited = reaudits["runs"]["fresh"], reaudits["runs"]["edited"]
    assert fresh["timing"]["pages_reused"] == 0
    assert fresh["timing"]["scores_reused"] == 0
    assert fresh["timing"]["pages_extracted"] == edited["timing"]["pages_extracted"] + edited["timing"]["pages_reused"]
    assert 304 not in fresh["statuses"]  # no conditional request was sent
    assert _scores(fresh["result"]) == _scores(edited["result"])
    assert "Re-audit" not in fresh["stdout"]


def test_content_hash_decides_without_validators(tmp_path):
    """A server that sends no ETag or Last-Modified (our StaticSite): a 200 with the stored body is reused."""
    from auditor.serve import StaticSite

    db = tmp_path / "audits.db"
    with StaticSite(SITES / "mini", origin_alias=ALIAS) as site:
        first = _audit(site.origin, db, tmp_path / "one")
        second = _audit(site.origin, db, tmp_path / "two")
    assert first["timing"]["pages_extracted"] >= 5
    assert second["timing"]["pages_extracted"] == 0
    assert second["timing"]["pages_reused"] == first["timing"]["pages_extracted"]
    assert _scores(second["result"]) == _scores(first["result"])
