"""The store's tables (SQLAlchemy Core), created on first use, and the timestamps written into them.

Pages stream in during the crawl in small committed batches, so an interrupted crawl keeps what it
fetched. Every process opening a store creates the tables it misses (`create_schema`).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
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
    insert,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

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


# Re-audits (auditor.reaudit): a digest of everything the score stage read for an audit (records,
# artifacts, settings, config, code). An audit whose digest equals an earlier audit's may take over that
# audit's scores. A table of its own, so that stores written before it stay readable as they are.
score_inputs = Table(
    "score_inputs",
    metadata,
    Column("audit_id", Integer, ForeignKey("audits.id", ondelete="CASCADE"), primary_key=True),
    Column("digest", String(64), nullable=False),
)


# Agency batches (auditor/agency/batch.py): one row per run of a batch file, one item per client.
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


# The process crawling an audit (auditor.runner; auditor.store.locks): one row per locked audit.
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

FINAL_ITEM_STATUSES = ("done", "error")  # a batch item in one of these is not run again by --resume


def now() -> str:
    """The time as every table stores it: ISO 8601, UTC, seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def create_schema(engine: Engine, attempts: int = 5) -> None:
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


def insert_ignoring_duplicates(engine: Engine, table: Table) -> Any:
    """INSERT that skips rows whose key exists: parallel batch children (or workers on several
    machines) may cache the vector of the same text at the same moment."""
    if engine.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    elif engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        return insert(table)
    return dialect_insert(table).on_conflict_do_nothing()


def sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
