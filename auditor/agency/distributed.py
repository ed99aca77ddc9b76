"""Beyond one machine: batch clients as RQ jobs on Redis, every worker writing to one PostgreSQL
store (docs/scaling.md). RQ is the scheduler; nothing here schedules on its own.

`geo-audit batch clients.toml --queue redis://host:6379/0 --db postgresql+psycopg://...` opens the
batch in the store, enqueues one job per unfinished client and follows the items in the store.
`geo-audit worker --redis redis://host:6379/0` on each machine runs the jobs: every job audits its
client in a supervised spawn child (the same code, limits and error entries as a local batch).
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from collections.abc import Callable
from typing import Any

from redis import Redis
from rq import Queue, Worker
from rq.job import Job, JobStatus

from auditor.agency.batch import BatchOutcome, ClientState, open_batch
from auditor.agency.batch_file import BatchFile, spec_from_dict, spec_to_dict
from auditor.agency.supervisor import run_client_supervised
from auditor.errors import AuditError
from auditor.store import FINAL_ITEM_STATUSES, Store

QUEUE_NAME = "geo-audit"
JOB_SLACK_S = 120  # RQ's own job timeout: the child's time limit plus this (the child is killed first)


def _redis(url: str) -> Redis:
    try:
        connection = Redis.from_url(url)
        connection.ping()
    except Exception as exc:
        raise AuditError(f"cannot reach Redis at {url}: {exc}") from exc
    return connection


def audit_job(spec: dict[str, Any], db: str, batch_id: int) -> str:
    """The RQ job: one client. It runs in the worker's forked work horse, whose parent is the worker."""
    worker = f"{socket.gethostname()}:{os.getppid()}"
    return run_client_supervised(spec_from_dict(spec), db, batch_id, worker=worker)


def enqueue_batch(
    batch: BatchFile, *, db: str, redis_url: str, resume: bool = False, retry_errors: bool = False
) -> tuple[int, set[str], dict[str, Job]]:
    """Open the batch in the store and enqueue its unfinished clients; (batch id, finished, jobs)."""
    if db.startswith("sqlite"):
        raise AuditError("workers on several machines need one shared store: give --db a PostgreSQL URL")
    queue = Queue(QUEUE_NAME, connection=_redis(redis_url))
    with Store(db) as store:
        batch_id, finished = open_batch(store, batch, resume, retry_errors)
        jobs = {}
        for index, spec in enumerate(batch.clients):
            if spec.name in finished:
                continue
            timeout = spec.time_limit + JOB_SLACK_S if spec.time_limit else -1
            jobs[spec.name] = queue.enqueue_call(
                audit_job,
                args=(spec_to_dict(spec), db, batch_id),
                timeout=timeout,
                result_ttl=7 * 86400,
                failure_ttl=7 * 86400,
                job_id=f"geo-audit-{batch_id}-{index}-{uuid.uuid4().hex[:8]}",
                description=f"geo-audit {batch.name}: {spec.name}",
            )
        return batch_id, finished, jobs


def run_distributed(
    batch: BatchFile,
    *,
    db: str,
    redis_url: str,
    resume: bool = False,
    retry_errors: bool = False,
    on_change: Callable[[dict[str, ClientState]], None] | None = None,
    poll_s: float = 0.5,
) -> BatchOutcome:
    """Enqueue the batch and follow it in the store until every client is finished.

    A job that fails outside the child (a worker killed, RQ's timeout) becomes the client's error
    entry. Ctrl-C cancels the jobs still queued; jobs already running finish on their workers."""
    started = time.monotonic()
    batch_id, finished, jobs = enqueue_batch(
        batch, db=db, redis_url=redis_url, resume=resume, retry_errors=retry_errors
    )
    states = {c.name: ClientState(c.name, c.url, skipped=c.name in finished) for c in batch.clients}
    with Store(db) as store:
        interrupted = _follow(store, batch, batch_id, jobs, states, on_change, poll_s)
        store.finish_batch(batch_id, "interrupted" if interrupted else "complete")
        items = store.batch_items(batch_id)
    peak = max((i.peak_mb or 0.0 for i in items), default=0.0)  # the children ran on the workers
    return BatchOutcome(
        batch_id, batch.name, batch.out, items, interrupted, time.monotonic() - started, sorted(finished), peak
    )


def _follow(
    store: Store,
    batch: BatchFile,
    batch_id: int,
    jobs: dict[str, Job],
    states: dict[str, ClientState],
    on_change: Callable[[dict[str, ClientState]], None] | None,
    poll_s: float,
) -> bool:
    """Follow the items in the store until every client is finished; whether Ctrl-C interrupted."""
    try:
        while True:
            items = {i.client: i for i in store.batch_items(batch_id)}
            _fail_lost_jobs(store, batch_id, jobs)
            for name, state in states.items():
                item = items.get(name)
                if item is None:
                    continue
                state.status, state.pages, state.score, state.error = (
                    item.status,
                    item.pages,
                    item.site_score,
                    item.error,
                )
                if item.status == "running" and state.started is None:
                    state.started = time.monotonic()
                if item.status in FINAL_ITEM_STATUSES and state.started is not None and state.ended is None:
                    state.ended = time.monotonic()
            if on_change:
                on_change(states)
            items = {i.client: i for i in store.batch_items(batch_id)}
            if all(items[c.name].status in FINAL_ITEM_STATUSES for c in batch.clients if c.name in items):
                return False
            time.sleep(poll_s)
    except KeyboardInterrupt:
        for name, job in jobs.items():
            if job.get_status(refresh=True) == JobStatus.QUEUED:
                job.cancel()
                store.update_item(batch_id, name, only_unfinished=True, status="interrupted", error="cancelled")
        return True


def _fail_lost_jobs(store: Store, batch_id: int, jobs: dict[str, Job]) -> None:
    """A job that failed outside the child (a worker killed, RQ's timeout): the client's error entry."""
    for name, job in jobs.items():
        status = job.get_status(refresh=True)
        if status in (JobStatus.FAILED, JobStatus.STOPPED, JobStatus.CANCELED):
            reason = (job.latest_result().exc_string if job.latest_result() else None) or str(status)
            store.update_item(
                batch_id,
                name,
                only_unfinished=True,
                status="error",
                error=f"job {status}: {reason.strip().splitlines()[-1][:300]}",
            )


def work(redis_url: str, *, burst: bool = False) -> None:
    """Run an RQ worker on the geo-audit queue (forks a work horse per job, as RQ does)."""
    connection = _redis(redis_url)
    Worker([Queue(QUEUE_NAME, connection=connection)], connection=connection).work(burst=burst, logging_level="WARNING")
