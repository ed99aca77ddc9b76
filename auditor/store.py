"""The audit store: SQLite by default (WAL), any SQLAlchemy URL (PostgreSQL for agencies).

Tables: `audits` (one row per audit: site, status, settings, artifacts, result) and `pages`
(one row per crawled URL, the full PageRecord as JSON plus the columns lists and filters need).
Pages stream in during the crawl in small committed batches, so an interrupted crawl keeps what
it fetched; the audit is then `partial`.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Engine

from scoring.records import PageRecord, SiteArtifacts
from scoring.results import AuditResult

STATUSES = ("running", "complete", "partial", "failed")

metadata = MetaData()

audits = Table(
    "audits",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("site", String(2048), nullable=False),
    Column("status", String(16), nullable=False, default="running"),
    Column("started", String(40), nullable=False),
    Column("finished", String(40)),
    Column("settings", Text, nullable=False, default="{}"),
    Column("artifacts", Text),
    Column("result", Text),
    Column("site_score", Float),
    Column("pages", Integer, nullable=False, default=0),
    Column("error", Text),
)

pages = Table(
    "pages",
    metadata,
    Column("audit_id", Integer, ForeignKey("audits.id", ondelete="CASCADE"), primary_key=True),
    Column("url", String(4096), primary_key=True),
    Column("seq", Integer, nullable=False),  # crawl order
    Column("status", Integer),
    Column("depth", Integer),
    Column("word_count", Integer, nullable=False, default=0),
    Column("record", Text, nullable=False),
)


def default_db_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "geo-auditor" / "audits.db"


def db_url(db: str | Path | None) -> str:
    """A SQLAlchemy URL from --db: a URL as is, otherwise a SQLite file path."""
    if db is None:
        db = default_db_path()
    text = str(db)
    if "://" in text:
        return text
    path = Path(text).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class AuditRow:
    id: int
    site: str
    status: str
    started: str
    finished: str | None
    site_score: float | None
    pages: int
    error: str | None


class Store:
    def __init__(self, db: str | Path | None = None) -> None:
        self.url = db_url(db)
        self.engine: Engine = create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        metadata.create_all(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- audits ------------------------------------------------------------------------------
    def create_audit(self, site: str, settings: dict[str, Any]) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(
                insert(audits).values(site=site, status="running", started=_now(), settings=json.dumps(settings))
            )
            return int(result.inserted_primary_key[0])

    def finish_crawl(self, audit_id: int, artifacts: SiteArtifacts, status: str) -> None:
        if status not in STATUSES:
            raise ValueError(status)
        with self.engine.begin() as conn:
            count = conn.execute(select(func.count()).select_from(pages).where(pages.c.audit_id == audit_id))
            conn.execute(
                update(audits)
                .where(audits.c.id == audit_id)
                .values(artifacts=artifacts.model_dump_json(), status=status, pages=count.scalar_one(),
                        finished=_now())
            )

    def mark(self, audit_id: int, status: str, error: str | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(audits).where(audits.c.id == audit_id).values(status=status, error=error))

    def save_result(self, audit_id: int, result: AuditResult) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(audits)
                .where(audits.c.id == audit_id)
                .values(result=result.model_dump_json(), site_score=result.site_score)
            )

    def audit(self, audit_id: int) -> AuditRow | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(*_ROW_COLUMNS).where(audits.c.id == audit_id)).first()
        return AuditRow(*row) if row else None

    def list_audits(self, limit: int = 50) -> list[AuditRow]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(*_ROW_COLUMNS).order_by(audits.c.id.desc()).limit(limit)).all()
        return [AuditRow(*row) for row in rows]

    def artifacts(self, audit_id: int) -> SiteArtifacts | None:
        with self.engine.connect() as conn:
            raw = conn.execute(select(audits.c.artifacts).where(audits.c.id == audit_id)).scalar_one_or_none()
        return SiteArtifacts.model_validate_json(raw) if raw else None

    def result(self, audit_id: int) -> AuditResult | None:
        with self.engine.connect() as conn:
            raw = conn.execute(select(audits.c.result).where(audits.c.id == audit_id)).scalar_one_or_none()
        return AuditResult.model_validate_json(raw) if raw else None

    def settings(self, audit_id: int) -> dict[str, Any]:
        with self.engine.connect() as conn:
            raw = conn.execute(select(audits.c.settings).where(audits.c.id == audit_id)).scalar_one_or_none()
        return json.loads(raw) if raw else {}

    # -- pages -------------------------------------------------------------------------------
    def add_pages(self, audit_id: int, records: list[PageRecord], first_seq: int) -> None:
        if not records:
            return
        rows = [
            {
                "audit_id": audit_id,
                "url": r.url,
                "seq": first_seq + i,
                "status": r.status,
                "depth": r.depth,
                "word_count": r.word_count,
                "record": r.model_dump_json(),
            }
            for i, r in enumerate(records)
        ]
        with self.engine.begin() as conn:
            conn.execute(insert(pages), rows)

    def iter_pages(self, audit_id: int) -> Iterator[PageRecord]:
        """Stored records in crawl order, read in chunks (never all rows at once)."""
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=200).execute(
                select(pages.c.record).where(pages.c.audit_id == audit_id).order_by(pages.c.seq)
            )
            for (raw,) in result:
                yield PageRecord.model_validate_json(raw)

    def page(self, audit_id: int, url: str) -> PageRecord | None:
        with self.engine.connect() as conn:
            raw = conn.execute(
                select(pages.c.record).where(pages.c.audit_id == audit_id, pages.c.url == url)
            ).scalar_one_or_none()
        return PageRecord.model_validate_json(raw) if raw else None

    def page_count(self, audit_id: int) -> int:
        with self.engine.connect() as conn:
            return conn.execute(
                select(func.count()).select_from(pages).where(pages.c.audit_id == audit_id)
            ).scalar_one()


_ROW_COLUMNS = (
    audits.c.id,
    audits.c.site,
    audits.c.status,
    audits.c.started,
    audits.c.finished,
    audits.c.site_score,
    audits.c.pages,
    audits.c.error,
)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class StoreSink:
    """Record sink for the crawl pipeline: batches pages into the store as they arrive."""

    def __init__(self, store: Store, audit_id: int, *, batch_size: int = 25, max_wait_s: float = 2.0) -> None:
        self.store = store
        self.audit_id = audit_id
        self.batch_size = batch_size
        self.max_wait_s = max_wait_s
        self.buffer: list[PageRecord] = []
        self.written = 0
        self.last_flush = time.monotonic()
        self.artifacts: SiteArtifacts | None = None

    def add_page(self, record: PageRecord) -> None:
        self.buffer.append(record)
        if len(self.buffer) >= self.batch_size or time.monotonic() - self.last_flush > self.max_wait_s:
            self.flush()

    def flush(self) -> None:
        self.store.add_pages(self.audit_id, self.buffer, self.written)
        self.written += len(self.buffer)
        self.buffer = []
        self.last_flush = time.monotonic()

    def finish(self, artifacts: SiteArtifacts) -> None:
        self.flush()
        # A crawl that ended on its own (limits included) is complete; an interrupted one partial.
        reason = artifacts.crawl_stats.finish_reason
        status = "complete" if reason == "finished" or reason.startswith("closespider") else "partial"
        self.store.finish_crawl(self.audit_id, artifacts, status)
        self.artifacts = artifacts
