"""Crawl a small English fixture site on a real loopback server through the CLI."""

from __future__ import annotations

import json

import pytest

from auditor.store import Store
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def mini_audit(tmp_path_factory):
    from auditor.serve import StaticSite
    from tests.conftest import SITES

    tmp = tmp_path_factory.mktemp("mini")
    db = tmp / "audits.db"
    with StaticSite(SITES / "mini", origin_alias="https://www.mini-workshop.example") as site:
        run = run_cli("audit", site.origin + "/", "--db", str(db), "--out", str(tmp / "out"), "--json")
        origin = site.origin
    assert run.returncode == 0, run.stderr
    store = Store(db)
    audit_id = json.loads(run.stdout)["audit_id"]
    records = {r.url.removeprefix(origin): r for r in store.iter_pages(audit_id)}
    yield {"run": run, "store": store, "id": audit_id, "records": records, "origin": origin, "out": tmp / "out"}
    store.close()


def test_every_touched_url_is_a_record(mini_audit):
    records = mini_audit["records"]
    assert set(records) == {
        "/",
        "/about",  # the 301 hop
        "/about/",
        "/blog/first-post/",
        "/blog/second-post/",
        "/workshop-tour/",  # 404
        "/docs/care-guide.pdf",  # non-HTML
        "/private/prices/",  # blocked by robots.txt
        "/orphan/",  # only in the sitemap
    }
    assert records["/about"].status == 301
    assert records["/about"].final_url == mini_audit["origin"] + "/about/"
    assert records["/workshop-tour/"].status == 404
    assert records["/docs/care-guide.pdf"].content_type == "application/pdf"
    assert records["/docs/care-guide.pdf"].main_text == ""
    assert records["/private/prices/"].status is None
    assert records["/private/prices/"].error == "blocked by robots.txt"


def test_depth_and_discovery(mini_audit):
    records = mini_audit["records"]
    assert records["/"].depth == 0
    assert records["/blog/first-post/"].depth == 1
    assert records["/blog/second-post/"].depth == 2
    assert records["/orphan/"].depth is None
    assert records["/orphan/"].discovered_from == "sitemap"
    # meta robots nofollow on /blog/second-post/: its link was not followed
    assert "/blog/never-crawled/" not in records


def test_artifacts_and_stats(mini_audit):
    artifacts = mini_audit["store"].artifacts(mini_audit["id"])
    assert artifacts.robots_status == 200 and "Disallow: /private/" in artifacts.robots_txt
    assert artifacts.sitemaps == [mini_audit["origin"] + "/sitemap.xml"]
    assert len(artifacts.sitemap_entries) == 4
    assert artifacts.llms_txt is None and artifacts.llms_txt_status == 404
    stats = artifacts.crawl_stats
    assert stats.finish_reason == "finished" and stats.complete
    assert stats.pages == 9
    assert stats.status_counts == {"200": 6, "301": 1, "404": 1, "error": 1}


def test_outputs_written(mini_audit):
    out = mini_audit["out"]
    assert {p.name for p in out.iterdir()} >= {"report.html", "results.json", "pages.csv"}
    lines = (out / "pages.csv").read_text(encoding="utf-8").strip().splitlines()
    assert len(lines) == 1 + 9
    rows = mini_audit["store"].list_audits()
    assert rows[0].status == "complete" and rows[0].site_score is not None


def test_page_limit_marks_the_crawl_incomplete(mini_site, tmp_path):
    run = run_cli(
        "audit",
        mini_site.origin + "/",
        "--max-pages",
        "3",
        "--db",
        str(tmp_path / "a.db"),
        "--out",
        str(tmp_path / "out"),
        "--json",
    )
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout)
    assert summary["pages"] == 3 and summary["complete"] is False
    store = Store(tmp_path / "a.db")
    stats = store.artifacts(summary["audit_id"]).crawl_stats
    assert stats.limits_hit == ["max_pages"]
    result = store.result(summary["audit_id"])
    assert result.check("orphan-pages").state == "not_applicable"  # inconclusive on a cut crawl
    store.close()
