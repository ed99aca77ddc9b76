"""The hard time limit of an audit with a `--timeout`: `with hard_timeout(options, store):` around
the whole audit (crawl, scores, briefs, report) arms auditor.crawl.HardDeadline, which ends the
audit's process tree GEO_HARD_TIMEOUT_GRACE seconds after the crawl's own graceful stop, keeping
what was crawled and saying what is left (`resume` or `rescore`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from auditor.crawl import CrawlOptions, HardDeadline, crawl_settings
from auditor.store import Store, StoreSink


@dataclass
class _DeadlineState:
    deadline: HardDeadline
    seconds: float
    timeout_s: float
    store: Store | None = None
    audit_id: int | None = None
    sink: StoreSink | None = None
    depth: int = 0


_deadline: _DeadlineState | None = None  # one audit per process (the reactor cannot restart)


def _stopped_lines(timeout_s: float, seconds: float) -> dict[str, str]:
    said = f"did not finish within --timeout {timeout_s:g} s (+{seconds - timeout_s:g} s to close) and was stopped"
    return {
        "partial": f"error: audit {{id}} {said}; its {{pages}} URLs are kept (partial): "
        "`geo-audit resume {id}` continues it",
        "other": f"error: audit {{id}} {said} after its crawl ({{pages}} URLs, stored): "
        "`geo-audit rescore {id}` scores it",
        "unknown": f"error: the audit {said}",
    }


def _on_hard_deadline() -> str:
    """Stage 1 of the hard deadline (a timer thread): keep what was crawled, say what is left."""
    state = _deadline
    assert state is not None
    lines = _stopped_lines(state.timeout_s, state.seconds)
    if state.store is None or state.audit_id is None:
        return lines["unknown"]
    store, audit_id = state.store, state.audit_id
    if state.sink is not None and state.sink.artifacts is None:
        state.sink.flush()
    status = store.mark_stopped(audit_id, f"stopped at the hard time limit ({state.seconds:g} s)")
    store.unlock_audit(audit_id)
    line = lines["partial" if status == "partial" else "other"]
    return line.format(id=audit_id, pages=store.page_count(audit_id))


@contextmanager
def hard_timeout(options: CrawlOptions, store: Store) -> Iterator[None]:
    """The outermost `with` of an audit with a --timeout arms its hard deadline (nested ones of
    the same audit share it) and disarms it when the audit ends in time."""
    global _deadline
    state = _deadline
    settings = crawl_settings(options) if state is None and options.timeout_s and options.timeout_s > 0 else None
    if settings is not None and settings.getbool("GEO_HARD_TIMEOUT"):
        grace = max(0.0, settings.getfloat("GEO_HARD_TIMEOUT_GRACE"))
        seconds = options.timeout_s + grace
        helper = {
            "db": store.url,
            "error": f"stopped at the hard time limit ({seconds:g} s)",
            "messages": _stopped_lines(options.timeout_s, seconds),
        }
        state = _DeadlineState(HardDeadline(seconds, _on_hard_deadline, helper), seconds, options.timeout_s)
        _deadline = state
        state.deadline.start()
    if state is None:
        yield
        return
    state.depth += 1
    try:
        yield
    finally:
        state.depth -= 1
        if state.depth == 0:
            state.deadline.cancel()
            _deadline = None


def deadline_target(store: Store, audit_id: int, sink: StoreSink | None) -> None:
    """Tell the hard deadline (if one is armed) which audit and sink to keep when it fires."""
    state = _deadline
    if state is None:
        return
    state.store, state.audit_id, state.sink = store, audit_id, sink
    state.deadline.target(audit_id)
