"""The audit store: SQLite by default (WAL), any SQLAlchemy URL (PostgreSQL for agencies).

`with Store(db) as store:` opens it (creating missing tables) and closes it again.

Tables (auditor.store.schema): `audits` (one row per audit: site, status, settings, artifacts,
result) and `pages` (one row per crawled URL, the full PageRecord as JSON plus the columns lists and
filters need). Pages stream in during the crawl in small committed batches (auditor.store.sink), so
an interrupted crawl keeps what it fetched; the audit is then `partial`.

`audit_locks`: the process crawling an audit holds its lock (auditor.store.locks), so a second
`resume` of the same audit is refused; a lock whose process is gone is stale and taken over.
Batches (auditor.store.batches), the LLM and embedding caches (auditor.store.caches) and the digests
of re-audits (auditor.store.reuse) are the other tables.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy import bindparam, create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from auditor.errors import AuditError
from auditor.store.batches import BatchItemRow, BatchRow, BatchTables
from auditor.store.caches import CacheTables
from auditor.store.locks import LOCK_HEARTBEAT_S, LOCK_STALE_S, AuditLock, AuditLocked, lock_row
from auditor.store.result_text import stream_result
from auditor.store.reuse import ReuseTables
from auditor.store.schema import (
    FINAL_ITEM_STATUSES,
    STATUSES,
    audit_locks,
    audits,
    create_schema,
    embeddings,
    now,
    pages,
    sqlite_pragmas,
)
from auditor.store.sink import StoreSink
from scoring.core.records import SCHEMA_VERSION, PageRecord, SiteArtifacts
from scoring.core.results import RESULT_SCHEMA_VERSION, AuditResult

T = TypeVar("T", bound=BaseModel)

__all__ = [
    "FINAL_ITEM_STATUSES",
    "LOCK_HEARTBEAT_S",
    "LOCK_STALE_S",
    "AuditLock",
    "AuditLocked",
    "AuditRow",
    "BatchItemRow",
    "BatchRow",
    "Store",
    "StoreSink",
    "audit_locks",
    "audits",
    "db_url",
    "embeddings",
]


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


# The large JSON texts are bound at execution, not written into the statement: SQLAlchemy keeps the first
# statement of each shape in its compiled cache, and with it a value written in (a whole result's JSON:
# ~24 KB a page, alive until the process ends).
_SAVE_RESULT = (
    update(audits)
    .where(audits.c.id == bindparam("audit"))
    .values(result=bindparam("result_json"), site_score=bindparam("score"))
)
_SAVE_ARTIFACTS = (
    update(audits)
    .where(audits.c.id == bindparam("audit"))
    .values(
        artifacts=bindparam("artifacts_json"),
        status=bindparam("new_status"),
        pages=bindparam("page_count"),
        finished=bindparam("finished_at"),
    )
)


class Store(BatchTables, CacheTables, ReuseTables):
    """The audit store; a context manager (`with Store(db) as store:`) that closes itself."""

    def __init__(self, db: str | Path | None = None) -> None:
        self.url = db_url(db)
        self.engine: Engine = create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", sqlite_pragmas)
        create_schema(self.engine)
        self._held: set[int] = set()  # audits this process has locked
        self._held_guard = threading.Lock()
        self._heartbeat_stop = threading.Event()
        self._heartbeat: threading.Thread | None = None

    def close(self) -> None:
        self._heartbeat_stop.set()
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- audits ------------------------------------------------------------------------------
    def create_audit(self, site: str, settings: dict[str, Any], *, lock: bool = False) -> int:
        """A new `running` audit; with `lock`, locked by this process in the same transaction."""
        with self.engine.begin() as conn:
            result = conn.execute(
                insert(audits).values(site=site, status="running", started=now(), settings=json.dumps(settings))
            )
            audit_id = int(result.inserted_primary_key[0])
            if lock:
                conn.execute(insert(audit_locks).values(**lock_row(audit_id)))
        if lock:
            self._hold(audit_id)
        return audit_id

    def finish_crawl(self, audit_id: int, artifacts: SiteArtifacts, status: str) -> None:
        if status not in STATUSES:
            raise ValueError(status)
        with self.engine.begin() as conn:
            count = conn.execute(select(func.count()).select_from(pages).where(pages.c.audit_id == audit_id))
            conn.execute(
                _SAVE_ARTIFACTS,
                {
                    "audit": audit_id,
                    "artifacts_json": artifacts.model_dump_json(),
                    "new_status": status,
                    "page_count": count.scalar_one(),
                    "finished_at": now(),
                },
            )

    def mark(self, audit_id: int, status: str, error: str | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(audits).where(audits.c.id == audit_id).values(status=status, error=error))

    def mark_stopped(self, audit_id: int, error: str) -> str | None:
        """An audit whose process is being ended: a crawl still running becomes `partial`, a
        finished one keeps its status; both get the error. Returns the status now stored."""
        with self.engine.begin() as conn:
            conn.execute(
                update(audits).where(audits.c.id == audit_id, audits.c.status == "running").values(status="partial")
            )
            count = conn.execute(select(func.count()).select_from(pages).where(pages.c.audit_id == audit_id))
            conn.execute(update(audits).where(audits.c.id == audit_id).values(error=error, pages=count.scalar_one()))
            return conn.execute(select(audits.c.status).where(audits.c.id == audit_id)).scalar_one_or_none()

    def save_result(self, audit_id: int, result: AuditResult) -> None:
        """Store the result as its JSON text; into SQLite in pieces, as its UTF-8 bytes (auditor.store.result_text:
        the text of a large audit is never whole in memory), into other databases as one bound text."""
        with self.engine.begin() as conn:
            if self.engine.dialect.name == "sqlite" and stream_result(conn, audit_id, result):
                return
            values = {"audit": audit_id, "result_json": result.model_dump_json(), "score": result.site_score}
            conn.execute(_SAVE_RESULT, values)

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
        return _load(SiteArtifacts, raw, f"the crawl of audit {audit_id}", SCHEMA_VERSION) if raw else None

    def result(self, audit_id: int) -> AuditResult | None:
        with self.engine.connect() as conn:
            raw = conn.execute(select(audits.c.result).where(audits.c.id == audit_id)).scalar_one_or_none()
        return _load(AuditResult, raw, f"the result of audit {audit_id}", RESULT_SCHEMA_VERSION) if raw else None

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

    def update_page(self, audit_id: int, record: PageRecord) -> None:
        """Replace a stored page's record (the render stage adds the rendered view)."""
        with self.engine.begin() as conn:
            conn.execute(
                update(pages)
                .where(pages.c.audit_id == audit_id, pages.c.url == record.url)
                .values(record=record.model_dump_json(), word_count=record.word_count)
            )

    def iter_pages(self, audit_id: int) -> Iterator[PageRecord]:
        """Stored records in crawl order, read in chunks (never all rows at once)."""
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=200).execute(
                select(pages.c.record).where(pages.c.audit_id == audit_id).order_by(pages.c.seq)
            )
            for (raw,) in result:
                yield _load(PageRecord, raw, f"a page of audit {audit_id}", SCHEMA_VERSION)

    def page(self, audit_id: int, url: str) -> PageRecord | None:
        with self.engine.connect() as conn:
            raw = conn.execute(
                select(pages.c.record).where(pages.c.audit_id == audit_id, pages.c.url == url)
            ).scalar_one_or_none()
        return _load(PageRecord, raw, f"page {url} of audit {audit_id}", SCHEMA_VERSION) if raw else None

    def page_count(self, audit_id: int) -> int:
        with self.engine.connect() as conn:
            return conn.execute(
                select(func.count()).select_from(pages).where(pages.c.audit_id == audit_id)
            ).scalar_one()

    # -- history -----------------------------------------------------------------------------
    def site_history(self, site: str, limit: int = 20) -> list[AuditRow]:
        """Scored audits of `site` (the normalised start URL), newest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(*_ROW_COLUMNS)
                .where(audits.c.site == site, audits.c.result.is_not(None))
                .order_by(audits.c.id.desc())
                .limit(limit)
            ).all()
        return [AuditRow(*row) for row in rows]

    def previous_audit(self, audit_id: int) -> AuditRow | None:
        """The scored audit of the same site just before `audit_id`, or None."""
        current = self.audit(audit_id)
        if current is None:
            return None
        with self.engine.connect() as conn:
            row = conn.execute(
                select(*_ROW_COLUMNS)
                .where(audits.c.site == current.site, audits.c.id < audit_id, audits.c.result.is_not(None))
                .order_by(audits.c.id.desc())
                .limit(1)
            ).first()
        return AuditRow(*row) if row else None

    # -- audit locks -------------------------------------------------------------------------
    def audit_lock(self, audit_id: int) -> AuditLock | None:
        columns = [getattr(audit_locks.c, f.name) for f in fields(AuditLock)]
        with self.engine.connect() as conn:
            row = conn.execute(select(*columns).where(audit_locks.c.audit_id == audit_id)).first()
        return AuditLock(*row) if row else None

    def lock_audit(self, audit_id: int) -> None:
        """Lock an existing audit for this process; AuditLocked when a live process holds it.
        A stale lock (its process gone) is taken over."""
        for _ in range(5):
            try:
                with self.engine.begin() as conn:
                    conn.execute(insert(audit_locks).values(**lock_row(audit_id)))
            except IntegrityError:
                holder = self.audit_lock(audit_id)
                if holder is None:
                    if self.audit(audit_id) is None:
                        raise KeyError(audit_id) from None
                    continue  # released in between: try again
                if holder.mine() or not holder.stale():
                    raise AuditLocked(audit_id, holder) from None
                with self.engine.begin() as conn:  # only that holder's row: a racing taker-over may be newer
                    conn.execute(
                        delete(audit_locks).where(
                            audit_locks.c.audit_id == audit_id,
                            audit_locks.c.pid == holder.pid,
                            audit_locks.c.host == holder.host,
                            audit_locks.c.acquired == holder.acquired,
                        )
                    )
                continue
            self._hold(audit_id)
            return
        holder = self.audit_lock(audit_id)
        if holder is None:
            raise RuntimeError(f"audit {audit_id}: its lock changed hands five times in a row")
        raise AuditLocked(audit_id, holder)

    def unlock_audit(self, audit_id: int) -> None:
        """Release this process's lock of the audit (another process's lock stays)."""
        with self._held_guard:
            self._held.discard(audit_id)
        with self.engine.begin() as conn:
            conn.execute(
                delete(audit_locks).where(
                    audit_locks.c.audit_id == audit_id,
                    audit_locks.c.host == socket.gethostname(),
                    audit_locks.c.pid == os.getpid(),
                )
            )

    def _hold(self, audit_id: int) -> None:
        """Keep the heartbeat of a lock this process holds (a daemon thread, LOCK_HEARTBEAT_S)."""
        with self._held_guard:
            self._held.add(audit_id)
            if self._heartbeat is None or not self._heartbeat.is_alive():
                self._heartbeat = threading.Thread(target=self._beat, name="audit-lock-heartbeat", daemon=True)
                self._heartbeat.start()

    def _beat(self) -> None:
        pid, host = os.getpid(), socket.gethostname()
        while not self._heartbeat_stop.wait(LOCK_HEARTBEAT_S):
            if os.getpid() != pid:  # a forked child: not the holder
                return
            with self._held_guard:
                held = list(self._held)
            if not held:
                continue
            try:
                with self.engine.begin() as conn:
                    conn.execute(
                        update(audit_locks)
                        .where(audit_locks.c.audit_id.in_(held), audit_locks.c.host == host, audit_locks.c.pid == pid)
                        .values(heartbeat=time.time())
                    )
            except Exception:  # a busy database: the next beat will do (LOCK_STALE_S is generous)
                continue


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


def _load(model: type[T], raw: str | bytes, what: str, readable: int) -> T:
    """A stored record, result or artifact set; a clear AuditError when this version cannot read it
    (written by a newer geo-auditor: its `schema_version` is above what this one reads)."""
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        try:
            version = json.loads(raw).get("schema_version")
        except (ValueError, AttributeError):
            version = None
        if isinstance(version, int) and version > readable:
            raise AuditError(
                f"{what} was written by a newer geo-auditor (schema {version}; this version reads up to "
                f"{readable}): update geo-auditor"
            ) from None
        raise AuditError(f"{what} in the store is unreadable ({exc.error_count()} invalid fields)") from None
