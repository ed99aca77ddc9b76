"""The stored result's JSON in pieces (issue 19, eighth stop): the same bytes as `result.model_dump_json()`
encoded as UTF-8, without the whole text in memory.

`model_dump_json()` of a 10,000-page audit is an 83 MB text, built by pydantic as one buffer, copied into a
Python string (two bytes a character as soon as one character is outside Latin-1), encoded again to UTF-8
when SQLite binds it and copied once more by SQLite: ~320 MB for the moment of the save, twice per audit
(the high-water of the run). Here each field of the result is serialised on its own, and the page outcomes
and page summaries in batches, by the same pydantic serialisers (compact JSON: a model is `{"name":value,...}`
in field order, a list `[item,...]`), so the pieces joined are that text byte for byte
(tests/test_store_stream.py). `Store.save_result` writes them into SQLite through its incremental BLOB I/O:
the value is that text's UTF-8 bytes, stored as a BLOB (SQL reads it as text with `CAST(result AS TEXT)`;
`Store.result` reads either). What SQLite still holds for a moment: the row it rewrites with the room for
the text (a zeroblob is made in memory unless it is a row's last value, and `result` is not: ~2× the text,
+128 MB at 10,000 generated pages — a table with the text as its last column would take that too).
Making the value TEXT afterwards would cost as much again (SQLite reads and rewrites the whole row).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import Any

from pydantic import BaseModel, TypeAdapter
from sqlalchemy import bindparam, func, update
from sqlalchemy.engine import Connection

from auditor.store.schema import audits
from scoring.core.results import AuditResult, CheckResult, PageOutcome, PageSummary

BATCH = 500  # page outcomes or page summaries serialised at once
SPOOL_BYTES = 4 << 20  # a larger text waits in a temporary file until its length is known
PIECE_BYTES = 1 << 20  # written into the store at once

_Writer = Callable[[Any], Iterator[bytes]]


@cache
def _list_adapter(item: type[BaseModel]) -> TypeAdapter:
    return TypeAdapter(list[item])


def _batched(item: type[BaseModel]) -> _Writer:
    """A list of `item` models as its compact JSON, BATCH items serialised at a time."""
    adapter = _list_adapter(item)

    def write(items: Sequence[Any]) -> Iterator[bytes]:
        yield b"["
        for start in range(0, len(items), BATCH):
            if start:
                yield b","
            yield adapter.dump_json(list(items[start : start + BATCH]))[1:-1]
        yield b"]"

    return write


def _model(model: BaseModel, streamed: dict[str, _Writer]) -> Iterator[bytes]:
    """A model's compact JSON field by field; the `streamed` fields written in pieces by their writer."""
    serializer = model.__pydantic_serializer__
    yield b"{"
    for i, name in enumerate(type(model).model_fields):
        if i:
            yield b","
        if name in streamed:
            yield json.dumps(name).encode() + b":"
            yield from streamed[name](getattr(model, name))
        else:
            yield serializer.to_json(model, include={name})[1:-1]  # '"name":value'
    yield b"}"


_outcomes = _batched(PageOutcome)
_summaries = _batched(PageSummary)


def _check(check: CheckResult) -> Iterator[bytes]:
    return _model(check, {"pages": _outcomes})


def _checks(checks: list[CheckResult]) -> Iterator[bytes]:
    yield b"["
    for i, check in enumerate(checks):
        if i:
            yield b","
        yield from _check(check)
    yield b"]"


def result_json_pieces(result: AuditResult) -> Iterator[bytes]:
    """`result.model_dump_json().encode()` in pieces (the largest: one check's fields but its pages, or
    BATCH page outcomes)."""
    return _model(result, {"checks": _checks, "pages": _summaries})


# the text's room, as zeros (the value replaced is not read), then filled in place
_ROOM = (
    update(audits)
    .where(audits.c.id == bindparam("audit"))
    .values(result=func.zeroblob(bindparam("size")), site_score=bindparam("score"))
)


def stream_result(conn: Connection, audit_id: int, result: AuditResult) -> bool:
    """Write the result's JSON into the audit's row of a SQLite store piece by piece (sqlite3's BLOB I/O,
    in the caller's transaction): the stored value is the UTF-8 of `model_dump_json()`. False (nothing
    written) when the driver has no BLOB I/O (another database: the caller binds the text)."""
    blobopen = getattr(conn.connection.driver_connection, "blobopen", None)
    if blobopen is None:
        return False
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
        size = 0
        for piece in result_json_pieces(result):
            spool.write(piece)
            size += len(piece)
        done = conn.execute(_ROOM, {"audit": audit_id, "size": size, "score": result.site_score})
        if not done.rowcount:
            return True  # no such audit: as the UPDATE of the text, nothing is written
        spool.seek(0)
        with blobopen("audits", "result", audit_id) as blob:
            while piece := spool.read(PIECE_BYTES):
                blob.write(piece)
    return True
