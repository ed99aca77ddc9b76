"""Audit the fault-injection site (tests/fault_server.py) through the CLI: every fault ends up in
the records with its reason, the crawl stays within its limits and the CLI exits cleanly."""

from __future__ import annotations

import json
import time

import pytest

from auditor.store import Store
from scoring.site import SiteData
from tests.conftest import run_cli
from tests.fault_server import CHAIN_HOPS, LATIN1_TEXT, SLOW_S, FaultSite

MAX_QUERY_VARIANTS = 6
TIME_LIMIT_S = 90


@pytest.fixture(scope="module")
def fault_audit(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("faults")
    db = tmp / "audits.db"
    with FaultSite() as site:
        started = time.monotonic()
        run = run_cli(
            "audit",
            site.origin + "/",
            "--db",
            str(db),
            "--out",
            str(tmp / "out"),
            "--json",
            "--max-pages",
            "150",
            "--timeout",
            str(TIME_LIMIT_S),
            "--delay",
            "0",
            "-s",
            "DOWNLOAD_TIMEOUT=2",
            "-s",
            f"GEO_MAX_QUERY_VARIANTS={MAX_QUERY_VARIANTS}",
            "-s",
            "AUTOTHROTTLE_ENABLED=false",
            "-s",
            "GEO_RETRY_BACKOFF=0.1",
            "--crawl-only",
            timeout=TIME_LIMIT_S + 60,
        )
        elapsed = time.monotonic() - started
        hits = {path: list(times) for path, times in site.hits.items()}
        origin = site.origin
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    store = Store(db)
    audit_id = json.loads(run.stdout)["audit_id"]
    records = {r.url.removeprefix(origin): r for r in store.iter_pages(audit_id)}
    yield {"records": records, "store": store, "id": audit_id, "hits": hits, "elapsed": elapsed, "origin": origin}
    store.close()


def test_finishes_within_its_limits(fault_audit):
    assert fault_audit["elapsed"] < TIME_LIMIT_S
    stats = fault_audit["store"].artifacts(fault_audit["id"]).crawl_stats
    assert stats.finish_reason == "finished"
    assert "max_query_variants" in stats.limits_hit and not stats.complete
    assert stats.pages == len(fault_audit["records"])
    assert fault_audit["store"].audit(fault_audit["id"]).status == "complete"


def test_server_errors_are_retried_and_recorded(fault_audit):
    records, hits = fault_audit["records"], fault_audit["hits"]
    assert records["/error/500"].status == 500 and records["/error/503"].status == 503
    assert len(hits["/error/500"]) == 3  # RETRY_TIMES = 2: the first try and two retries


def test_slow_and_hanging_pages(fault_audit):
    records = fault_audit["records"]
    assert records["/slow"].status == 200 and records["/slow"].fetch_ms >= SLOW_S * 1000 * 0.9
    assert records["/hang"].status is None
    assert records["/hang"].error.startswith("timeout: no complete response within 2 s")


def test_redirect_loop_chain_and_off_host(fault_audit):
    records, origin = fault_audit["records"], fault_audit["origin"]
    assert records["/loop/a"].redirect_target == origin + "/loop/b"
    assert records["/loop/b"].error == "redirect loop"
    assert [hop.url for hop in records["/loop/b"].redirect_chain] == [origin + "/loop/a"]
    chain = [records[f"/chain/{i}"] for i in range(11)]
    assert all(r.status == 302 for r in chain)
    assert chain[-1].error == "redirect chain longer than 10 hops" and len(chain[-1].redirect_chain) == 10
    assert f"/chain/{CHAIN_HOPS}" not in records and "/chain/11" not in records
    assert records["/offhost"].redirect_target == "http://elsewhere.invalid/landing"
    assert not any("elsewhere" in url for url in records)


def test_meta_refresh_is_a_recorded_hop(fault_audit):
    records, origin = fault_audit["records"], fault_audit["origin"]
    assert records["/refresh"].status == 200 and records["/refresh"].meta_refresh == origin + "/refreshed"
    hop = records["/refreshed"].redirect_chain
    assert [(h.url, h.meta_refresh) for h in hop] == [(origin + "/refresh", True)]


def test_calendar_trap_is_bounded(fault_audit):
    calendar = [url for url in fault_audit["records"] if url.startswith("/calendar")]
    assert len(calendar) == MAX_QUERY_VARIANTS


def test_session_ids_and_tracking_parameters_are_stripped(fault_audit):
    records = fault_audit["records"]
    shop = [url for url in records if url.startswith("/shop")]
    assert sorted(shop) == ["/shop", "/shop/item"]
    assert len(fault_audit["hits"]["/shop"]) == 1


def test_size_limits_and_compression_bomb(fault_audit):
    records = fault_audit["records"]
    assert records["/huge"].status is None
    assert "size limit (DOWNLOAD_MAXSIZE)" in records["/huge"].error
    assert records["/bomb"].status is None
    assert "while decompressing" in records["/bomb"].error


def test_latin1_without_charset_is_decoded(fault_audit):
    record = fault_audit["records"]["/latin1"]
    assert record.title == LATIN1_TEXT
    assert record.headings[0].text == LATIN1_TEXT


def test_malformed_html_is_parsed(fault_audit):
    records = fault_audit["records"]
    assert records["/malformed"].title == "Broken" and records["/malformed"].error is None
    assert records["/malformed-target"].status == 200  # its link was still found


def test_binary_served_as_html_is_not_parsed(fault_audit):
    record = fault_audit["records"]["/binary"]
    assert record.status == 200 and record.error == "binary content served as text/html; not parsed"
    assert record.title is None and record.links == []


def test_page_with_too_many_elements_is_not_analysed_but_followed(fault_audit):
    # Full analysis of such a page took minutes and gigabytes; it gets head fields and links only.
    record = fault_audit["records"]["/sprawl"]
    assert record.status == 200 and record.title == "Sprawl" and not record.ok
    assert record.error.startswith("page too large to analyse (more than 150,000 HTML elements)")
    assert record.main_text == "" and record.headings == []
    assert fault_audit["records"]["/sprawl-target"].status == 200  # its link was still followed
    # ... and still counts in the link graph: the page behind it is reachable, not an orphan
    store, origin = fault_audit["store"], fault_audit["origin"]
    site = SiteData(fault_audit["records"].values(), store.artifacts(fault_audit["id"]))
    target = origin + "/sprawl-target"
    assert [i.source for i in site.inlinks[target]] == [origin + "/sprawl"]
    assert site.click_depth[target] == 2 and site.link_graph.has_edge(origin + "/sprawl", target)
    assert all(p.url != origin + "/sprawl" for p in site.html_pages)  # no content check judges it


def test_retry_after_is_honoured(fault_audit):
    records, hits = fault_audit["records"], fault_audit["hits"]
    assert records["/busy"].status == 200
    first, second = hits["/busy"]
    assert second - first >= 1.9  # Retry-After: 2
    assert records["/busy-long"].status == 429 and len(hits["/busy-long"]) == 1
    assert "Retry-After 3600 s" in records["/busy-long"].error


def test_robots_disallow(fault_audit):
    assert fault_audit["records"]["/private/secret"].error == "blocked by robots.txt"
    assert "/private/secret" not in fault_audit["hits"]
