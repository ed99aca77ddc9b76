"""The audit store on a real SQLite file."""

from __future__ import annotations

import sqlite3

from auditor.errors import AuditError
from auditor.store import Store, StoreSink
from scoring.core.records import CrawlStats, SiteArtifacts
from tests.factories import ROOT, page


def test_pages_stream_in_batches_and_survive_without_finish(tmp_path):
    db = tmp_path / "audits.db"
    store = Store(db)
    audit_id = store.create_audit(ROOT, {"max_pages": 10})
    sink = StoreSink(store, audit_id, batch_size=2)
    for i in range(5):
        sink.add_page(page(f"seite-{i}/", word_count=i))
    # two full batches are committed; a second connection sees them while the crawl "runs"
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from pages where audit_id = ?", (audit_id,)).fetchone()[0] == 4
        assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    sink.flush()
    assert store.page_count(audit_id) == 5
    assert [p.url for p in store.iter_pages(audit_id)] == [f"{ROOT}seite-{i}/" for i in range(5)]
    assert store.audit(audit_id).status == "running"
    store.close()


def test_finish_sets_status_from_finish_reason(tmp_path):
    store = Store(tmp_path / "a.db")
    complete = store.create_audit(ROOT, {})
    StoreSink(store, complete).finish(SiteArtifacts(root_url=ROOT, crawl_stats=CrawlStats(finish_reason="finished")))
    interrupted = store.create_audit(ROOT, {})
    sink = StoreSink(store, interrupted)
    sink.add_page(page(""))
    sink.finish(SiteArtifacts(root_url=ROOT, crawl_stats=CrawlStats(finish_reason="shutdown", complete=False)))
    rows = {row.id: row for row in store.list_audits()}
    assert rows[complete].status == "complete"
    assert rows[interrupted].status == "partial" and rows[interrupted].pages == 1
    assert store.artifacts(interrupted).crawl_stats.finish_reason == "shutdown"
    assert store.page(interrupted, ROOT).url == ROOT
    assert store.page(interrupted, ROOT + "missing/") is None
    store.close()


def test_default_location_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    store = Store()
    assert store.url == f"sqlite:///{tmp_path}/geo-auditor/audits.db"
    store.close()
    assert (tmp_path / "geo-auditor" / "audits.db").exists()


def test_a_record_of_a_newer_schema_is_refused_with_one_line(tmp_path):
    """SCHEMA_VERSION is read back: a store written by a newer geo-auditor is not misread."""
    from tests.conftest import run_cli

    db = tmp_path / "a.db"
    with Store(db) as store:
        audit_id = store.create_audit(ROOT, {})
        sink = StoreSink(store, audit_id)
        sink.add_page(page(""))
        sink.finish(SiteArtifacts(root_url=ROOT, crawl_stats=CrawlStats(finish_reason="finished")))
    with sqlite3.connect(db) as conn:
        conn.execute("update pages set record = json_set(record, '$.schema_version', 99)")
    with Store(db) as store:
        try:
            list(store.iter_pages(audit_id))
        except AuditError as exc:
            assert "newer geo-auditor (schema 99" in str(exc)
        else:
            raise AssertionError("a page of schema 99 was read")
    run = run_cli("rescore", str(audit_id), "--db", str(db), "--out", str(tmp_path / "out"))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "newer geo-auditor" in run.stderr and len(run.stderr.strip().splitlines()) == 1
