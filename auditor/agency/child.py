"""One client of a batch, audited in its own spawn child process (the crawl starts the Twisted
reactor, which cannot restart): the pipeline with the client's limits, scoring overrides and
branding, its batch item written running -> done/error/interrupted.

The child ignores Ctrl-C (the supervisor, its parent, handles it and sends SIGTERM, which Scrapy
turns into a graceful close), exits when its parent dies, and limits its address space as the
backstop of the supervisor's memory watch.
"""

from __future__ import annotations

import os
import resource
import signal
import socket
import threading
import time
from pathlib import Path
from typing import Any

from auditor.agency.batch_file import ClientSpec
from auditor.crawl import CrawlOptions
from auditor.errors import AuditError, AuditInterrupted
from auditor.pipeline import ReportTarget, run_audit
from auditor.processes import descendants, kill_processes, peak_rss_mb
from auditor.store import Store
from auditor.store.schema import now
from scoring.config import ScoringConfig
from spiders.site_spider import default_extract_workers

ADDRESS_SPACE_SLACK_MB = 2048  # RLIMIT_AS = memory_mb + this: address space is not memory in use
PROGRESS_EVERY_S = 0.3  # the child reports its page count to the parent at most this often


def child_main(spec: ClientSpec, db: str, batch_id: int, events: Any, worker: str | None) -> None:
    """The spawn child's target (auditor.agency.supervisor)."""
    # Ctrl-C goes to the whole terminal process group: only the parent handles it (and then sends
    # SIGTERM, which Scrapy turns into a graceful close). Scrapy keeps an ignored SIGINT ignored.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _watch_parent()
    limit_address_space(spec.memory_mb)
    run_client(spec, db, batch_id, events, worker)


def _watch_parent() -> None:
    """Exit when the parent dies (killed with SIGKILL), taking the crawl's extraction worker along:
    no orphan crawls; the item stays unfinished."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                kill_processes(descendants(os.getpid()))  # the crawl's extraction worker too
                os._exit(75)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def limit_address_space(memory_mb: int) -> None:
    """A backstop for one huge allocation between two checks of the parent's watchdog: the address
    space (RLIMIT_AS, inherited by the crawl's extraction worker) gets memory_mb plus a slack, since
    a child reserves far more address space than it uses (thread stacks, malloc arenas, mapped
    libraries: about 760 MB reserved for 170 MB in use by a small audit)."""
    if memory_mb > 0:
        limit = (memory_mb + ADDRESS_SPACE_SLACK_MB) * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def report_branding(branding: dict[str, str] | None) -> dict[str, str] | None:
    """The batch file's branding in the keys reports.writers takes (agency -> name, colour -> color)."""
    if not branding:
        return None
    keys = {"agency": "name", "logo": "logo", "colour": "color", "footer": "footer", "contact": "contact"}
    return {keys[k]: v for k, v in branding.items() if k in keys}


def client_options(spec: ClientSpec) -> CrawlOptions:
    """The client's crawl: 80 % of its time limit, after which it stops itself (a partial result);
    the supervisor kills the child at 100 %."""
    return CrawlOptions(
        max_pages=spec.max_pages,
        max_depth=spec.max_depth,
        timeout_s=max(1, int(spec.time_limit * 0.8)) if spec.time_limit else 0,
        delay_s=spec.delay,
        concurrency=spec.concurrency,
        # One extraction worker per client (none on one core): parallelism across clients is --jobs.
        # No hard deadline of its own (auditor.crawl.HardDeadline): the supervisor kills at the time limit.
        overrides={"GEO_EXTRACT_WORKERS": min(1, default_extract_workers()), "GEO_HARD_TIMEOUT": False},
    )


def run_client(spec: ClientSpec, db: str, batch_id: int, events: Any | None = None, worker: str | None = None) -> str:
    """Audit one client in this process and record the batch item; returns the item status."""
    with Store(db) as store:
        store.update_item(
            batch_id,
            spec.name,
            status="running",
            started=now(),
            finished=None,
            error=None,
            worker=worker or f"{socket.gethostname()}:{os.getpid()}",
        )
        pages = 0
        last_sent = 0.0

        def on_page(_record: Any) -> None:
            nonlocal pages, last_sent
            pages += 1
            if events is not None and time.monotonic() - last_sent > PROGRESS_EVERY_S:
                last_sent = time.monotonic()
                events.put((spec.name, "pages", pages))

        config = ScoringConfig(
            weights=dict(spec.weights), disabled=frozenset(spec.disabled), source_domains=spec.source_domains
        )
        report = ReportTarget(Path(spec.out), spec.lang, branding=report_branding(spec.branding))
        values: dict[str, Any]
        try:
            outcome = run_audit(
                spec.url,
                store=store,
                options=client_options(spec),
                report=report,
                config=config,
                on_page=on_page,
                strict=True,
            )
            values = {
                "status": "done",
                "audit_id": outcome.audit_id,
                "site_score": outcome.result.site_score,
                "pages": outcome.result.coverage.urls_crawled,
                "report": str(outcome.files["html"]),
            }
        except AuditInterrupted as exc:
            values = {"status": "interrupted", "error": str(exc)}
        except AuditError as exc:
            values = {"status": "error", "error": str(exc)}
        except MemoryError:
            values = {
                "status": "error",
                "error": f"memory limit of {spec.memory_mb} MB exceeded (an allocation failed)",
            }
        except Exception as exc:  # any failure of one client is its error entry, never the batch's
            values = {"status": "error", "error": f"{type(exc).__name__}: {exc}".splitlines()[0][:500]}
        values.update(finished=now(), peak_mb=peak_rss_mb())
        if values["status"] == "interrupted":
            values.pop("finished")
        store.update_item(batch_id, spec.name, **values)
    if events is not None:
        events.put((spec.name, values["status"], pages))
    return values["status"]
