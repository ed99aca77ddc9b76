"""The batch supervisor: starts one spawn child per client (auditor.agency.child), enforces its time
and memory limits and turns every death into the client's error entry (docs/batch.md).

Why a supervised `multiprocessing` spawn child per domain instead of a ProcessPoolExecutor: the
Twisted reactor runs once per process, so every domain needs a fresh process anyway (one task per
child), and a pool cannot isolate a crash — ProcessPoolExecutor marks the whole pool broken and
terminates the siblings when one child dies (OOM kill, a segfault in a C parser), and Pool never
delivers the result of a dead worker. Owning the `Process` gives the exit code, a hard wall-clock
kill and a clean Ctrl-C.

The child writes its own batch item (running -> done/error); the supervisor writes the entries the
child could not: crash, time limit, memory limit, interruption.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing import resource_tracker
from typing import Any

from auditor.agency.batch_file import ClientSpec
from auditor.agency.child import child_main
from auditor.processes import kill_processes, process_tree, start_time, tree_memory_mb
from auditor.store import Store
from auditor.store.schema import now

GRACE_S = 5.0  # after SIGTERM (time limit, Ctrl-C) a child gets this long before SIGKILL
MEMORY_POLL_S = 0.2  # how often the parent measures each child's process tree against memory_mb
POLL_S = 0.2  # how often a supervising loop polls its children


@dataclass
class _Running:
    spec: ClientSpec
    process: Any
    started: float
    terminated: float | None = None
    reason: str | None = None  # why the parent stopped it
    memory_checked: float = 0.0
    peak_mb: float | None = None  # the largest process-tree memory the watchdog saw
    descendants: dict[int, int | None] = field(default_factory=dict)  # pid -> start time, as last seen


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """SIGINT blocked in this thread while a child is spawned: the child inherits the mask, so a
    terminal Ctrl-C (sent to the whole process group) cannot kill it in Python's start-up, before
    child_main ignores SIGINT — it would end as a crash ("exit code 1"), an error entry that
    `--resume` skips, instead of an interrupted client. A SIGINT meanwhile stays pending here and
    reaches the parent's handler afterwards (or at once through another thread: Python runs
    handlers in the main thread either way)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    # The first spawn starts multiprocessing's resource tracker, which unblocks SIGINT when done.
    resource_tracker.ensure_running()
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _exit_reason(spec: ClientSpec, code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"child process killed by {name}"
    return f"child process crashed (exit code {code})"


class Supervisor:
    """Starts spawn children, enforces time and memory limits, turns deaths into error entries.

    The memory limit is watched here, in the parent, every MEMORY_POLL_S: the PSS of the child and
    its descendants (the crawl's extraction worker). A child over its limit is killed at once with
    its whole tree (SIGKILL: a graceful close would only allocate more). RLIMIT_AS in the child is
    the backstop for a single huge allocation between two checks. Descendants seen while a child
    ran are killed when it ends, so a crashed child leaves no orphan worker behind."""

    def __init__(self, store: Store, db: str, batch_id: int, events: Any, worker: str | None = None) -> None:
        self.store = store
        self.db = db
        self.batch_id = batch_id
        self.events = events
        self.worker = worker
        self.ctx = multiprocessing.get_context("spawn")
        self.running: dict[str, _Running] = {}

    def start(self, spec: ClientSpec) -> None:
        process = self.ctx.Process(
            target=child_main,
            name=f"geo-audit {spec.name}",
            args=(spec, self.db, self.batch_id, self.events, self.worker),
            daemon=False,
        )
        self.store.update_item(self.batch_id, spec.name, status="running", started=now(), error=None)
        with _sigint_blocked():  # the child is born deaf to Ctrl-C (child_main then ignores it)
            process.start()
        self.running[spec.name] = _Running(spec, process, time.monotonic())

    def stop(self, name: str, reason: str) -> None:
        run = self.running[name]
        if run.terminated is None and run.process.is_alive():
            run.terminated, run.reason = time.monotonic(), reason
            run.process.terminate()  # SIGTERM: Scrapy closes the crawl gracefully

    def poll(self) -> list[str]:
        """Enforce limits and reap ended children; returns the names that ended."""
        ended = []
        for name, run in list(self.running.items()):
            limit = run.spec.time_limit
            if limit and run.terminated is None and time.monotonic() - run.started > limit:
                self.stop(name, f"time limit of {limit} s exceeded")
            self._watch_memory(run)
            if run.terminated is not None and run.process.is_alive() and time.monotonic() - run.terminated > GRACE_S:
                kill_processes(process_tree(run.process.pid) or [run.process.pid])
            if run.process.is_alive():
                continue
            run.process.join()
            self._kill_orphans(run)
            reason = run.reason or _exit_reason(run.spec, run.process.exitcode)
            status = "interrupted" if reason == "interrupted" else "error"
            values: dict[str, Any] = {"status": status, "error": reason}
            if status == "error":
                values["finished"] = now()
                if run.peak_mb is not None:
                    values["peak_mb"] = run.peak_mb
            # only when the child did not record its own final state
            if self.store.update_item(self.batch_id, name, only_unfinished=True, **values) and self.events:
                self.events.put((name, status, None))
            del self.running[name]
            ended.append(name)
        return ended

    def _watch_memory(self, run: _Running) -> None:
        """Every MEMORY_POLL_S: note the child's descendants and check its memory limit."""
        limit = run.spec.memory_mb
        now = time.monotonic()
        if run.terminated is not None or now - run.memory_checked < MEMORY_POLL_S:
            return
        run.memory_checked = now
        used, pids = tree_memory_mb(run.process.pid, limit) if limit else (None, process_tree(run.process.pid))
        for pid in pids[1:]:
            if pid not in run.descendants:  # read /proc once per new process, not on every poll
                run.descendants[pid] = start_time(pid)
        if used is None:
            return
        run.peak_mb = max(run.peak_mb or 0.0, used)
        if used > limit and run.process.is_alive():
            run.terminated, run.reason = now, f"memory limit of {limit} MB exceeded ({used:.0f} MB in use)"
            kill_processes(pids)

    @staticmethod
    def _kill_orphans(run: _Running) -> None:
        """A child that died without stopping its extraction worker (a crash, the OOM killer)
        leaves it to init: kill the descendants seen while it ran, if they are still the same
        processes."""
        alive = [pid for pid, started in run.descendants.items() if started and start_time(pid) == started]
        kill_processes(alive)

    def interrupt_all(self) -> None:
        for name in list(self.running):
            self.stop(name, "interrupted")
        deadline = time.monotonic() + GRACE_S + 2
        while self.running and time.monotonic() < deadline:
            self.poll()
            time.sleep(0.1)
        for run in self.running.values():
            if run.process.is_alive():
                kill_processes(process_tree(run.process.pid) or [run.process.pid])
        while self.running:
            self.poll()
            time.sleep(0.05)


def run_client_supervised(spec: ClientSpec, db: str, batch_id: int, worker: str | None = None) -> str:
    """One client in a supervised spawn child (the distributed workers use this); returns its status."""
    with Store(db) as store:
        supervisor = Supervisor(store, db, batch_id, None, worker)
        supervisor.start(spec)
        try:
            while supervisor.running:
                supervisor.poll()
                time.sleep(POLL_S)
        except BaseException:
            supervisor.interrupt_all()
            raise
        item = next(i for i in store.batch_items(batch_id) if i.client == spec.name)
        return item.status
