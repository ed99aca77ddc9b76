"""The audit store: SQLite by default (WAL), any SQLAlchemy URL (PostgreSQL for agencies).

Tables: `audits` (one row per audit: site, status, settings, artifacts, result) and `pages`
(one row per crawled URL, the full PageRecord as JSON plus the columns lists and filters need).
Pages stream in during the crawl in small committed batches, so an interrupted crawl keeps what
it fetched; the audit is then `partial`.

`audit_locks`: the process crawling an audit holds its lock (one row: host, pid, heartbeat), so a
second `resume` of the same audit is refused instead of fetching and storing every page twice.
A lock whose process is gone (killed with SIGKILL, a crashed machine) is stale and taken over:
on the same host when its pid no longer runs (or runs another program), from another host when
its heartbeat is older than LOCK_STALE_S.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

from scoring.core.records import PageRecord, SiteArtifacts
from scoring.core.results import AuditResult

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

# Page vectors by model and hash of the embedded text: re-audits skip unchanged pages.
embeddings = Table(
    "embeddings",
    metadata,
    Column("model", String(256), primary_key=True),
    Column("text_hash", String(64), primary_key=True),
    Column("dim", Integer, nullable=False),
    Column("vector", LargeBinary, nullable=False),  # float32, little endian
)


# Agency batches (auditor/batch.py): one row per run of a batch file, one item per client.
# An item is final once `done` or `error`; `--resume` skips final items of the same batch.
batches = Table(
    "batches",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(256), nullable=False),
    Column("source", Text),  # the batch file
    Column("status", String(16), nullable=False, default="running"),  # running, complete, interrupted
    Column("created", String(40), nullable=False),
    Column("finished", String(40)),
)

batch_items = Table(
    "batch_items",
    metadata,
    Column("batch_id", Integer, ForeignKey("batches.id", ondelete="CASCADE"), primary_key=True),
    Column("client", String(256), primary_key=True),
    Column("url", String(2048), nullable=False),
    Column("seq", Integer, nullable=False, default=0),  # order in the batch file
    Column("status", String(16), nullable=False, default="pending"),  # pending running done error interrupted
    Column("audit_id", Integer),
    Column("site_score", Float),
    Column("pages", Integer),
    Column("error", Text),
    Column("out_dir", Text),
    Column("report", Text),
    Column("started", String(40)),
    Column("finished", String(40)),
    Column("peak_mb", Float),  # peak resident memory of the child process
    Column("worker", String(256)),  # host:pid that ran it
)


# LLM replies by sha256 of (prompt version, model, mode, messages): a re-run makes no request.
llm_cache = Table(
    "llm_cache",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("model", String(512), nullable=False),
    Column("content", Text, nullable=False),
    Column("prompt_tokens", Integer, nullable=False, default=0),
    Column("completion_tokens", Integer, nullable=False, default=0),
    Column("created", String(40), nullable=False),
)

# One row per suggest run of an audit: backend, model, tokens, cost (never keys or endpoints).
llm_usage = Table(
    "llm_usage",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("audit_id", Integer, ForeignKey("audits.id", ondelete="CASCADE"), nullable=False),
    Column("created", String(40), nullable=False),
    Column("usage", Text, nullable=False),
)


# The process crawling an audit (auditor.runner): one row per locked audit.
audit_locks = Table(
    "audit_locks",
    metadata,
    Column("audit_id", Integer, ForeignKey("audits.id", ondelete="CASCADE"), primary_key=True),
    Column("host", String(256), nullable=False),
    Column("pid", Integer, nullable=False),
    Column("pid_start", BigInteger),  # the process's start time (clock ticks since boot): tells a reused pid
    Column("acquired", Float, nullable=False),  # seconds since the epoch
    Column("heartbeat", Float, nullable=False),
)

LOCK_HEARTBEAT_S = 10.0  # the holder refreshes its heartbeat this often
LOCK_STALE_S = 120.0  # a lock of another host whose heartbeat is older than this is stale


def _process_start(pid: int) -> int | None:
    """Start time of a process in clock ticks since boot (Linux), None when unknown or gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return int(handle.read().rsplit(b")", 1)[1].split()[19])
    except (OSError, ValueError, IndexError):
        return None


def _process_alive(pid: int, start: int | None) -> bool:
    """Whether `pid` still runs the process that took the lock (not a zombie, not a reuse)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields_ = handle.read().rsplit(b")", 1)[1].split()
        if fields_[0] in (b"Z", b"X"):  # zombie: dead, not yet reaped by its parent
            return False
        return start is None or int(fields_[19]) == start
    except FileNotFoundError:
        return False
    except (OSError, ValueError, IndexError):  # no /proc: ask the kernel whether the pid exists
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True


@dataclass(frozen=True)
class AuditLock:
    audit_id: int
    host: str
    pid: int
    pid_start: int | None
    acquired: float
    heartbeat: float

    def mine(self) -> bool:
        return self.host == socket.gethostname() and self.pid == os.getpid()

    def stale(self, now: float | None = None) -> bool:
        """The holder is gone: its process no longer runs (same host), or its heartbeat stopped."""
        if self.host == socket.gethostname():
            return not _process_alive(self.pid, self.pid_start)
        return (time.time() if now is None else now) - self.heartbeat > LOCK_STALE_S

    def describe(self) -> str:
        since = datetime.fromtimestamp(self.acquired, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        return f"process {self.pid} on {self.host} since {since}"


class AuditLocked(Exception):
    """Another live process holds the audit's lock; the message is one line."""

    def __init__(self, audit_id: int, holder: AuditLock) -> None:
        self.audit_id = audit_id
        self.holder = holder
        super().__init__(
            f"audit {audit_id} is still being crawled by {holder.describe()}; "
            f"it can be resumed once that process has ended"
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


def _create_schema(engine: Engine, attempts: int = 5) -> None:
    """Create missing tables; tolerate another process creating them at the same moment.

    create_all checks then creates, so two processes opening a fresh store (a crawl worker and
    the parent, batch children) can both decide a table is missing; the loser's CREATE fails
    with "already exists" and a second pass finds the table.
    """
    for attempt in range(attempts):
        try:
            metadata.create_all(engine)
            return
        except DBAPIError as exc:
            if "exist" not in str(exc).lower() and "duplicate" not in str(exc).lower() or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


class Store:
    def __init__(self, db: str | Path | None = None) -> None:
        self.url = db_url(db)
        self.engine: Engine = create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        _create_schema(self.engine)
        self._held: set[int] = set()  # audits this process has locked
        self._held_guard = threading.Lock()
        self._heartbeat_stop = threading.Event()
        self._heartbeat: threading.Thread | None = None

    def close(self) -> None:
        self._heartbeat_stop.set()
        self.engine.dispose()

    # -- audits ------------------------------------------------------------------------------
    def create_audit(self, site: str, settings: dict[str, Any], *, lock: bool = False) -> int:
        """A new `running` audit; with `lock`, locked by this process in the same transaction."""
        with self.engine.begin() as conn:
            result = conn.execute(
                insert(audits).values(site=site, status="running", started=_now(), settings=json.dumps(settings))
            )
            audit_id = int(result.inserted_primary_key[0])
            if lock:
                conn.execute(insert(audit_locks).values(**self._lock_values(audit_id)))
        if lock:
            self._hold(audit_id)
        return audit_id

    # -- audit locks -------------------------------------------------------------------------
    @staticmethod
    def _lock_values(audit_id: int) -> dict[str, Any]:
        now = time.time()
        pid = os.getpid()
        return {
            "audit_id": audit_id,
            "host": socket.gethostname(),
            "pid": pid,
            "pid_start": _process_start(pid),
            "acquired": now,
            "heartbeat": now,
        }

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
                    conn.execute(insert(audit_locks).values(**self._lock_values(audit_id)))
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

    def finish_crawl(self, audit_id: int, artifacts: SiteArtifacts, status: str) -> None:
        if status not in STATUSES:
            raise ValueError(status)
        with self.engine.begin() as conn:
            count = conn.execute(select(func.count()).select_from(pages).where(pages.c.audit_id == audit_id))
            conn.execute(
                update(audits)
                .where(audits.c.id == audit_id)
                .values(artifacts=artifacts.model_dump_json(), status=status, pages=count.scalar_one(), finished=_now())
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

    # -- LLM cache and usage (auditor.llm) ----------------------------------------------------
    def llm_cache_get(self, key: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(llm_cache.c.content, llm_cache.c.prompt_tokens, llm_cache.c.completion_tokens).where(
                    llm_cache.c.key == key
                )
            ).first()
        return {"content": row[0], "prompt_tokens": row[1], "completion_tokens": row[2]} if row else None

    def llm_cache_put(self, key: str, model: str, content: str, prompt_tokens: int, completion_tokens: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(llm_cache.delete().where(llm_cache.c.key == key))
            conn.execute(
                insert(llm_cache).values(
                    key=key,
                    model=model,
                    content=content,
                    prompt_tokens=prompt_tokens,
                    completion_tokens=completion_tokens,
                    created=_now(),
                )
            )

    def add_llm_usage(self, audit_id: int, usage: dict[str, Any]) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(llm_usage).values(audit_id=audit_id, created=_now(), usage=json.dumps(usage)))

    def llm_usage(self, audit_id: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(llm_usage.c.usage).where(llm_usage.c.audit_id == audit_id).order_by(llm_usage.c.id)
            ).all()
        return [json.loads(raw) for (raw,) in rows]

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

    # -- embeddings cache --------------------------------------------------------------------
    def cached_vectors(self, model: str, hashes: list[str]) -> dict[str, bytes]:
        """Stored vectors (raw float32 bytes) of these text hashes for this model."""
        found: dict[str, bytes] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(hashes), 500):
                chunk = hashes[start : start + 500]
                rows = conn.execute(
                    select(embeddings.c.text_hash, embeddings.c.vector).where(
                        embeddings.c.model == model, embeddings.c.text_hash.in_(chunk)
                    )
                )
                found.update({h: bytes(v) for h, v in rows})
        return found

    def store_vectors(self, model: str, vectors: dict[str, bytes], dim: int) -> None:
        if not vectors:
            return
        existing = set(self.cached_vectors(model, list(vectors)))
        rows = [
            {"model": model, "text_hash": h, "dim": dim, "vector": v} for h, v in vectors.items() if h not in existing
        ]
        if rows:
            with self.engine.begin() as conn:
                conn.execute(_insert_ignoring_duplicates(self.engine, embeddings), rows)

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

    # -- batches -----------------------------------------------------------------------------
    def create_batch(self, name: str, source: str | None = None) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(insert(batches).values(name=name, source=source, status="running", created=_now()))
            return int(result.inserted_primary_key[0])

    def batch(self, batch_id: int) -> BatchRow | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(*_BATCH_COLUMNS).where(batches.c.id == batch_id)).first()
        return BatchRow(*row) if row else None

    def latest_batch(self, name: str) -> BatchRow | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(*_BATCH_COLUMNS).where(batches.c.name == name).order_by(batches.c.id.desc()).limit(1)
            ).first()
        return BatchRow(*row) if row else None

    def list_batches(self, limit: int = 50) -> list[BatchRow]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(*_BATCH_COLUMNS).order_by(batches.c.id.desc()).limit(limit)).all()
        return [BatchRow(*row) for row in rows]

    def finish_batch(self, batch_id: int, status: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(batches).where(batches.c.id == batch_id).values(status=status, finished=_now()))

    def reopen_batch(self, batch_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(batches).where(batches.c.id == batch_id).values(status="running", finished=None))

    def add_batch_items(self, batch_id: int, items: list[tuple[str, str, str]]) -> None:
        """(client, url, out_dir) rows; clients already in the batch keep their row (resume)."""
        with self.engine.begin() as conn:
            have = set(conn.execute(select(batch_items.c.client).where(batch_items.c.batch_id == batch_id)).scalars())
            rows = [
                {"batch_id": batch_id, "client": c, "url": u, "out_dir": o, "seq": i, "status": "pending"}
                for i, (c, u, o) in enumerate(items)
                if c not in have
            ]
            if rows:
                conn.execute(insert(batch_items), rows)

    def update_item(self, batch_id: int, client: str, *, only_unfinished: bool = False, **values: Any) -> bool:
        """Set columns of one batch item; with `only_unfinished`, leave done/error items alone.
        Returns whether a row changed."""
        query = update(batch_items).where(batch_items.c.batch_id == batch_id, batch_items.c.client == client)
        if only_unfinished:
            query = query.where(batch_items.c.status.not_in(FINAL_ITEM_STATUSES))
        with self.engine.begin() as conn:
            return conn.execute(query.values(**values)).rowcount > 0

    def batch_items(self, batch_id: int) -> list[BatchItemRow]:
        columns = [getattr(batch_items.c, f.name) for f in fields(BatchItemRow)]
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(*columns).where(batch_items.c.batch_id == batch_id).order_by(batch_items.c.seq)
            ).all()
        return [BatchItemRow(*row) for row in rows]


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


FINAL_ITEM_STATUSES = ("done", "error")


@dataclass(frozen=True)
class BatchRow:
    id: int
    name: str
    source: str | None
    status: str
    created: str
    finished: str | None


_BATCH_COLUMNS = (
    batches.c.id,
    batches.c.name,
    batches.c.source,
    batches.c.status,
    batches.c.created,
    batches.c.finished,
)


@dataclass(frozen=True)
class BatchItemRow:
    batch_id: int
    client: str
    url: str
    seq: int
    status: str
    audit_id: int | None
    site_score: float | None
    pages: int | None
    error: str | None
    out_dir: str | None
    report: str | None
    started: str | None
    finished: str | None
    peak_mb: float | None
    worker: str | None


def _insert_ignoring_duplicates(engine: Engine, table: Table) -> Any:
    """INSERT that skips rows whose key exists: parallel batch children (or workers on several
    machines) may cache the vector of the same text at the same moment."""
    if engine.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    elif engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        return insert(table)
    return dialect_insert(table).on_conflict_do_nothing()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class StoreSink:
    """Record sink for the crawl pipeline: batches pages into the store as they arrive."""

    def __init__(
        self, store: Store, audit_id: int, *, batch_size: int = 25, max_wait_s: float = 2.0, first_seq: int = 0
    ) -> None:
        self.store = store
        self.audit_id = audit_id
        self.batch_size = batch_size
        self.max_wait_s = max_wait_s
        self.buffer: list[PageRecord] = []
        self.written = first_seq  # a resumed crawl continues the crawl order
        self.last_flush = time.monotonic()
        self.artifacts: SiteArtifacts | None = None
        # The crawl adds pages; the hard --timeout (auditor.runner) flushes from another thread.
        self.lock = threading.RLock()

    def add_page(self, record: PageRecord) -> None:
        with self.lock:
            self.buffer.append(record)
            if len(self.buffer) >= self.batch_size or time.monotonic() - self.last_flush > self.max_wait_s:
                self.flush()

    def flush(self) -> None:
        with self.lock:
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
