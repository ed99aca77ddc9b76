"""Re-audit building blocks on a real SQLite store, without a crawl: validators, reused records, the
score digest, which earlier audit a crawl may reuse, and old stores and records staying readable."""

from __future__ import annotations

import re
from pathlib import Path

from scrapy.http import Request, Response
from sqlalchemy import inspect, text

from auditor.reaudit import UNSCORED_FIELDS, adopt_depths, reuse_index, reuse_line, score_digest
from auditor.store import Store
from scoring.config import ScoringConfig
from scoring.core.records import CrawlStats, Link, PageRecord, RenderedView, SiteArtifacts
from spiders.reuse import (
    ReuseIndex,
    ReusingSpider,
    Validators,
    conditional_headers,
    content_hash,
    repeatable,
    reused_record,
)

ROOT = Path(__file__).resolve().parent.parent
SITE = "https://www.example.de/"


def _page(url: str, **extra) -> PageRecord:
    values = {
        "url": SITE + url,
        "final_url": SITE + url,
        "status": 200,
        "content_type": "text/html; charset=utf-8",
        "depth": 1,
        "title": f"Page {url}",
        "main_text": "Unser Betrieb baut Wärmepumpen seit 1998.",
        "word_count": 6,
        "links": [Link(url=SITE, internal=True)],
        "etag": '"abc"',
        "last_modified": "Sat, 05 Dec 2026 10:00:00 GMT",
        "content_hash": "0" * 64,
        "fetch_ms": 12.5,
        "discovered_from": SITE,
    }
    return PageRecord(**{**values, **extra})


def _crawl(store: Store, pages: list[PageRecord], *, key: str = "k1", status: str = "complete") -> int:
    audit_id = store.create_audit(SITE, {"url": SITE, "crawl": {"max_pages": 10, "reuse": True}})
    store.add_pages(audit_id, pages, 0)
    stats = CrawlStats(pages=len(pages), extraction_key=key, started="2026-12-06T08:00:00+00:00")
    store.finish_crawl(audit_id, SiteArtifacts(root_url=SITE, crawl_stats=stats), status)
    return audit_id


def test_no_check_or_report_reads_the_fields_the_digest_leaves_out():
    """The score digest ignores UNSCORED_FIELDS because nothing in scoring/ or reports/ reads them;
    this fails the day something does (then the field belongs in the digest)."""
    pattern = re.compile(r"\b(" + "|".join(UNSCORED_FIELDS) + r")\b")
    readers = [
        f"{path.relative_to(ROOT)}:{pattern.search(path.read_text(encoding='utf-8')).group(1)}"
        for folder in ("scoring", "reports")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in (".py", ".html", ".j2", ".jinja", ".js")
        and path.name != "records.py"
        and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert readers == []


def test_records_of_schema_2_stay_readable():
    old = '{"schema_version": 2, "url": "https://www.example.de/", "status": 200, "content_type": "text/html"}'
    record = PageRecord.model_validate_json(old)
    assert record.schema_version == 2
    assert record.etag is None and record.content_hash is None and record.pagination == []


def test_a_store_from_before_score_inputs_gets_the_table_and_keeps_its_audits(tmp_path):
    db = tmp_path / "audits.db"
    with Store(db) as store:
        audit_id = _crawl(store, [_page("a/")])
        with store.engine.begin() as conn:
            conn.execute(text("DROP TABLE score_inputs"))
    with Store(db) as store:
        assert "score_inputs" in inspect(store.engine).get_table_names()
        assert [r.url for r in store.iter_pages(audit_id)] == [SITE + "a/"]
        assert store.scored_with_digest(SITE, "x" * 64, audit_id + 1) is None


def test_conditional_headers_and_content_hash():
    assert conditional_headers(None) == {}
    assert conditional_headers(Validators('"v1"', "Sat, 05 Dec 2026 10:00:00 GMT", "h")) == {
        "If-None-Match": '"v1"',
        "If-Modified-Since": "Sat, 05 Dec 2026 10:00:00 GMT",
    }
    assert conditional_headers(Validators(None, None, "h")) == {}
    body = "<html><body>Wärme</body></html>".encode()
    base = content_hash(body, "text/html; charset=utf-8", [None, None])
    assert base == content_hash(body, "text/html; charset=utf-8", [None, None])
    assert base != content_hash(body, "text/html; charset=latin-1", [None, None])  # decodes otherwise
    assert base != content_hash(body, "text/html; charset=utf-8", ["noindex", None])  # X-Robots-Tag
    assert base != content_hash(body + b" ", "text/html; charset=utf-8", [None, None])
    assert repeatable(None) and repeatable("binary content served as text/html; not parsed")
    assert not repeatable("analysis stopped after the 30 s page budget: only links read")


def test_a_reused_record_keeps_extraction_and_takes_this_crawls_facts():
    stored = _page("a/", rendered=RenderedView(title="rendered"), bytes=5000)
    fields = {
        "redirect_chain": [],
        "depth": 3,
        "discovered_from": SITE + "b/",
        "fetch_ms": 1.0,
        "status": 200,
        "bytes": 5001,
        "etag": '"new"',
        "last_modified": None,
    }
    fresh = reused_record(stored, fields, not_modified=False)
    assert (fresh.depth, fresh.discovered_from, fresh.fetch_ms, fresh.bytes) == (3, SITE + "b/", 1.0, 5001)
    assert fresh.etag == '"new"' and fresh.last_modified == stored.last_modified
    assert fresh.rendered is None  # the render stage decides anew
    assert (fresh.title, fresh.main_text, fresh.links) == (stored.title, stored.main_text, stored.links)
    not_modified = reused_record(stored, {**fields, "status": 304, "bytes": 0}, not_modified=True)
    assert (not_modified.status, not_modified.bytes) == (200, 5000)  # a 304 has no body of its own


def test_score_digest_follows_what_scoring_reads(tmp_path):
    with Store(tmp_path / "audits.db") as store:
        first = _crawl(store, [_page("a/"), _page("b/")])
        # the same pages in another order, fetched at another speed from other referrers
        again = _crawl(store, [_page("b/", fetch_ms=99.0), _page("a/", discovered_from="sitemap")])
        edited = _crawl(store, [_page("a/"), _page("b/", title="Another title")])
        deeper = _crawl(store, [_page("a/"), _page("b/", depth=2)])
        digest = score_digest(store, first, None)
        assert digest is not None and len(digest) == 64
        assert score_digest(store, again, None) == digest
        assert score_digest(store, edited, None) != digest
        assert score_digest(store, deeper, None) != digest
        assert score_digest(store, first, ScoringConfig(weights={"llms-txt": 0.0})) == digest  # its default
        assert score_digest(store, first, ScoringConfig(weights={"impressum": 1.0})) != digest
        assert score_digest(store, first, ScoringConfig(disabled=frozenset({"impressum"}))) != digest


def test_reuse_index_only_from_a_finished_crawl_with_the_same_extraction_key(tmp_path):
    with Store(tmp_path / "audits.db") as store:
        old = _crawl(store, [_page("a/"), _page("b/", content_hash=None)], key="k1")
        _crawl(store, [_page("a/")], key="k2")  # another extraction code: never reused by k1
        store.mark(_crawl(store, [_page("a/")], key="k1"), "failed", "start URL gave no page")
        current = store.create_audit(SITE, {})
        index = reuse_index(store, current, "k1")
        assert index is not None and index.audit_id == old
        assert set(index.validators) == {SITE + "a/"}  # no content hash: never reused
        assert index.record(SITE + "a/").title == "Page a/"
        assert index.record(SITE + "gone/") is None and index.get(SITE + "gone/") is None
        assert reuse_index(store, current, "k3") is None
        assert reuse_index(store, old, "k1") is None  # nothing earlier than the first


def test_an_unchanged_crawl_adopts_the_earlier_depths(tmp_path):
    with Store(tmp_path / "audits.db") as store:
        earlier = _crawl(store, [_page("a/", depth=1), _page("b/", depth=2)])
        now = _crawl(store, [_page("a/", depth=1), _page("b/", depth=1, discovered_from=SITE + "a/")])
        assert adopt_depths(store, now, earlier) == 1
        assert store.page(now, SITE + "b/").depth == 2
        assert score_digest(store, now, None) == score_digest(store, earlier, None)
        other = _crawl(store, [_page("a/", depth=0)])  # other URLs: nothing adopted
        assert adopt_depths(store, other, earlier) == 0
        assert store.page(other, SITE + "a/").depth == 0


def test_reuse_line():
    assert reuse_line(5, 0, None) is None
    assert reuse_line(5, 1, 3) == "Re-audit of audit 3: 5 unchanged pages reused, 1 extracted anew"
    assert reuse_line(6, 0, 3, scores_reused=True).endswith("; scores reused (same inputs)")


class _Spider(ReusingSpider):
    """The re-audit half of SiteSpider on its own; `_discover` records what it was asked to follow."""

    def __init__(self, reuse: ReuseIndex) -> None:
        self.reuse = reuse
        self.discovered: list[str] = []

    def _discover(self, record, fields):
        self.discovered.append(record.url)
        return iter(())


def _not_modified(spider: _Spider, url: str, headers: dict[str, str]) -> list:
    request = Request(url, headers=headers, meta={"page_url": url})
    response = Response(url, status=304, headers={"ETag": '"abc"'}, request=request)
    fields = {"url": url, "redirect_chain": [], "depth": 2, "discovered_from": SITE, "fetch_ms": 3.0}
    return list(spider._not_modified(response, {**fields, "status": 304, "bytes": 0}))


def test_a_304_reuses_the_stored_record_and_follows_its_links():
    stored = _page("a/")
    spider = _Spider(ReuseIndex(1, {stored.url: Validators('"abc"', None, "h")}, {stored.url: stored}.get))
    [record] = _not_modified(spider, stored.url, {"If-None-Match": '"abc"'})
    assert isinstance(record, PageRecord)
    assert (record.status, record.depth, record.title) == (200, 2, stored.title)
    assert spider.reused_pages == 1 and spider.discovered == [stored.url]


def test_a_304_without_a_readable_record_asks_once_more_unconditionally():
    url = SITE + "a/"
    spider = _Spider(ReuseIndex(1, {url: Validators('"abc"', None, "h")}, lambda _: None))
    [again] = _not_modified(spider, url, {"If-None-Match": '"abc"', "User-Agent": "geo"})
    assert isinstance(again, Request)
    assert again.headers.get("If-None-Match") is None and again.headers.get("User-Agent") == b"geo"
    assert spider.reuse.get(url) is None  # the next response is extracted
    [record] = _not_modified(spider, url, {})  # a server answering 304 regardless: no loop
    assert isinstance(record, PageRecord) and record.error == "304 Not Modified to an unconditional request"
    assert spider.reused_pages == 0
