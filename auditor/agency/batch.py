"""Agency batch runs (docs/batch.md): every client of a batch file audited in its own supervised
child process (auditor.agency.supervisor), at most `jobs` at once, then the portfolio.

The child writes its own batch item (running -> done/error) into the store, so a batch killed
midway keeps every finished domain and `--resume` skips them.

Ctrl-C (SIGINT) only sets a flag (`_StopFlag`) that the supervising loop reads between two steps.
It used to raise KeyboardInterrupt wherever the main thread was, and there it could be lost: an
exception raised while Python runs a finaliser (a weakref callback of the connection pool, a
`__del__`) is printed as "Exception ignored" and dropped, so the batch ran on to the end and exited
0; and one raised inside `Process.start()` left a child running that the supervisor did not know.
"""

from __future__ import annotations

import multiprocessing
import queue
import resource
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from auditor.agency.batch_file import BatchFile
from auditor.agency.supervisor import POLL_S, Supervisor
from auditor.processes import peak_rss_mb
from auditor.store import FINAL_ITEM_STATUSES, BatchItemRow, Store


@dataclass
class ClientState:
    name: str
    url: str
    status: str = "pending"
    pages: int | None = None
    score: float | None = None
    error: str | None = None
    started: float | None = None
    ended: float | None = None
    skipped: bool = False  # finished in an earlier run of this batch (--resume)


@dataclass
class BatchOutcome:
    batch_id: int
    name: str
    out: str
    items: list[BatchItemRow]
    interrupted: bool
    wall_s: float
    resumed_skipped: list[str]
    peak_child_mb: float


def open_batch(store: Store, batch: BatchFile, resume: bool, retry_errors: bool = False) -> tuple[int, set[str]]:
    """The batch row (the latest one of this name with --resume, else a new one) and its finished
    clients (done or error; done only with `retry_errors`)."""
    existing = store.latest_batch(batch.name) if resume else None
    batch_id = existing.id if existing else store.create_batch(batch.name, batch.source)
    store.add_batch_items(batch_id, [(c.name, c.url, c.out) for c in batch.clients])
    if existing:  # its items keep their state
        store.reopen_batch(batch_id)
    final = ("done",) if retry_errors else FINAL_ITEM_STATUSES
    done = {i.client for i in store.batch_items(batch_id) if i.status in final}
    for item in store.batch_items(batch_id):
        if item.status == "error" and item.client not in done:  # retried: no longer final
            store.update_item(batch_id, item.client, status="pending")
    return batch_id, done


def run_batch(
    batch: BatchFile,
    *,
    db: str,
    jobs: int = 2,
    resume: bool = False,
    retry_errors: bool = False,
    on_change: Callable[[dict[str, ClientState]], None] | None = None,
) -> BatchOutcome:
    """Run every client of the batch, at most `jobs` at once. Ctrl-C stops the children cleanly
    (BatchOutcome.interrupted) and re-raises nothing: the caller decides the exit code."""
    started = time.monotonic()
    with Store(db) as store:
        batch_id, finished = open_batch(store, batch, resume, retry_errors)
        interrupted = _supervise(store, batch, db, batch_id, finished, jobs, on_change)
        return BatchOutcome(
            batch_id,
            batch.name,
            batch.out,
            store.batch_items(batch_id),
            interrupted,
            time.monotonic() - started,
            sorted(finished),
            peak_rss_mb(resource.RUSAGE_CHILDREN),
        )


class _StopFlag:
    """SIGINT as a flag while a batch runs (module docstring); the previous handler comes back on
    exit. Installed only from the main thread and only over Python's default handler: a SIGINT the
    caller ignores (nohup, a background job) stays ignored, a caller's own handler stays in place."""

    def __init__(self) -> None:
        self.set = False
        self._previous: Any = None

    def _handle(self, _signum: int, _frame: Any) -> None:
        self.set = True

    def __enter__(self) -> _StopFlag:
        if threading.current_thread() is threading.main_thread():
            current = signal.getsignal(signal.SIGINT)
            if current is signal.default_int_handler:
                self._previous = current
                signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def _supervise(
    store: Store,
    batch: BatchFile,
    db: str,
    batch_id: int,
    finished: set[str],
    jobs: int,
    on_change: Callable[[dict[str, ClientState]], None] | None,
) -> bool:
    """Run the unfinished clients under one supervisor; whether Ctrl-C interrupted the batch."""
    states = {c.name: ClientState(c.name, c.url) for c in batch.clients}
    for item in store.batch_items(batch_id):
        if item.client in finished and item.client in states:
            states[item.client] = ClientState(
                item.client, item.url, item.status, item.pages, item.site_score, item.error, skipped=True
            )
    todo = [c for c in batch.clients if c.name not in finished]
    ctx = multiprocessing.get_context("spawn")
    events = ctx.Queue()
    supervisor = Supervisor(store, db, batch_id, events)
    interrupted = False

    def drain() -> None:
        while True:
            try:
                name, kind, value = events.get_nowait()
            except (queue.Empty, OSError, EOFError):
                return
            state = states.get(name)
            if state is None:
                continue
            if kind == "pages":
                state.pages = value
            else:
                state.status = kind
                if value is not None:
                    state.pages = value

    def refresh() -> None:
        drain()
        for item in store.batch_items(batch_id):
            state = states.get(item.client)
            if state and not state.skipped and item.status in FINAL_ITEM_STATUSES + ("interrupted",):
                state.status, state.score, state.error = item.status, item.site_score, item.error
                state.pages = item.pages if item.pages is not None else state.pages
                state.ended = state.ended or time.monotonic()
        if on_change:
            on_change(states)

    with _StopFlag() as stop:
        try:
            pending = list(todo)
            while (pending or supervisor.running) and not stop.set:
                while pending and len(supervisor.running) < max(1, jobs) and not stop.set:
                    spec = pending.pop(0)
                    supervisor.start(spec)
                    states[spec.name].status, states[spec.name].started = "running", time.monotonic()
                if supervisor.poll():
                    refresh()
                else:
                    drain()
                    if on_change:
                        on_change(states)
                time.sleep(POLL_S)
            interrupted = stop.set
        except KeyboardInterrupt:  # the flag could not be installed (not the main thread)
            interrupted = True
        if interrupted:
            supervisor.interrupt_all()
        refresh()
    store.finish_batch(batch_id, "interrupted" if interrupted else "complete")
    events.close()
    return interrupted
