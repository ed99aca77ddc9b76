"""Agency batches in the store (auditor/agency/batch.py): one row per run of a batch file, one item
per client. An item is final once `done` or `error`; `--resume` skips final items of the same batch."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine

from auditor.store.schema import FINAL_ITEM_STATUSES, batch_items, batches, now


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


class BatchTables:
    """The batch methods of Store."""

    engine: Engine

    def create_batch(self, name: str, source: str | None = None) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(insert(batches).values(name=name, source=source, status="running", created=now()))
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
            conn.execute(update(batches).where(batches.c.id == batch_id).values(status=status, finished=now()))

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
