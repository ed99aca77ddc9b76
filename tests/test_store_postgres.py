"""The store on SQLite and on a real PostgreSQL server: audits, pages, results, history, batches."""

from __future__ import annotations

import itertools

import pytest

from auditor.store import Store, StoreSink
from scoring.core.records import CrawlStats, SiteArtifacts
from scoring.core.results import AuditResult, CategoryResult
from tests.factories import ROOT, page

_names = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        url = str(tmp_path / "audits.db")
    else:
        url = request.getfixturevalue("postgres_server").create_database(f"store_{next(_names)}")
    store = Store(url)
    assert store.engine.dialect.name == request.param
    yield store
    store.close()


def _audit(store: Store, score: float, urls: list[str], site: str = ROOT) -> int:
    audit_id = store.create_audit(site, {"max_pages": 10})
    sink = StoreSink(store, audit_id, batch_size=2)
    for url in urls:
        sink.add_page(page(url, word_count=len(url)))
    sink.finish(SiteArtifacts(root_url=site, crawl_stats=CrawlStats(finish_reason="finished")))
    result = AuditResult(
        site=site,
        site_score=score,
        categories=[CategoryResult(id="evidence", title="Evidence", description="", weight=1, score=score)],
    )
    store.save_result(audit_id, result)
    return audit_id


def test_audits_pages_and_results_round_trip(store):
    audit_id = _audit(store, 61.5, ["", "über-uns/", "blog/a/"])
    row = store.audit(audit_id)
    assert (row.status, row.pages, row.site_score) == ("complete", 3, 61.5)
    assert [p.url for p in store.iter_pages(audit_id)] == [ROOT, ROOT + "über-uns/", ROOT + "blog/a/"]
    assert store.page(audit_id, ROOT + "über-uns/").word_count == len("über-uns/")
    assert store.result(audit_id).categories[0].score == 61.5
    assert store.artifacts(audit_id).crawl_stats.finish_reason == "finished"
    assert store.settings(audit_id) == {"max_pages": 10}
    store.mark(audit_id, "failed", "boom")
    assert store.audit(audit_id).error == "boom"


def test_history_newest_first_per_site(store):
    first = _audit(store, 50, [""])
    other = _audit(store, 90, [""], site="https://www.other.example/")
    unscored = store.create_audit(ROOT, {})  # a crawl without scores is not history
    second = _audit(store, 58, ["", "neu/"])
    assert [r.id for r in store.site_history(ROOT)] == [second, first]
    assert store.previous_audit(second).id == first
    assert store.previous_audit(first) is None
    assert store.previous_audit(other) is None
    assert store.audit(unscored).status == "running"


def test_batch_items_keep_final_states(store):
    batch_id = store.create_batch("agentur-nord", "/tmp/clients.toml")
    store.add_batch_items(
        batch_id, [("Bäckerei", "https://a.example/", "/out/a"), ("Kanzlei", "https://b.example/", "/out/b")]
    )
    store.add_batch_items(batch_id, [("Bäckerei", "https://a.example/", "/out/a")])  # resume: no duplicate
    assert [i.client for i in store.batch_items(batch_id)] == ["Bäckerei", "Kanzlei"]
    assert store.update_item(batch_id, "Bäckerei", status="done", site_score=70.0, audit_id=3)
    # the parent's crash entry must not overwrite what the child recorded
    assert not store.update_item(batch_id, "Bäckerei", only_unfinished=True, status="error", error="crash")
    assert store.update_item(batch_id, "Kanzlei", only_unfinished=True, status="error", error="crash")
    items = {i.client: i for i in store.batch_items(batch_id)}
    assert (items["Bäckerei"].status, items["Bäckerei"].site_score) == ("done", 70.0)
    assert (items["Kanzlei"].status, items["Kanzlei"].error) == ("error", "crash")
    later = store.create_batch("agentur-nord")
    assert store.latest_batch("agentur-nord").id == later
    store.finish_batch(later, "complete")
    assert store.batch(later).status == "complete"
    store.reopen_batch(later)
    assert store.batch(later).status == "running" and store.batch(later).finished is None
    assert [b.id for b in store.list_batches()] == [later, batch_id]


def test_embedding_cache(store):
    store.store_vectors("m", {"h1": b"\x00\x00\x80?", "h2": b"\x00\x00\x00@"}, 1)
    store.store_vectors("m", {"h1": b"\x00\x00\x80?"}, 1)  # already there: no duplicate key error
    assert store.cached_vectors("m", ["h1", "h3"]) == {"h1": b"\x00\x00\x80?"}


def test_concurrent_vector_caching_is_no_error(store):
    # another process cached the same text between our lookup and our insert
    other = Store(store.url)
    other.store_vectors("m", {"h9": b"\x00\x00\x80?"}, 1)
    other.close()
    from auditor.store.schema import embeddings, insert_ignoring_duplicates

    with store.engine.begin() as conn:
        conn.execute(
            insert_ignoring_duplicates(store.engine, embeddings),
            [{"model": "m", "text_hash": "h9", "dim": 1, "vector": b"\x00\x00\x00@"}],
        )
    assert store.cached_vectors("m", ["h9"]) == {"h9": b"\x00\x00\x80?"}
