"""Extraction in worker processes: the per-response work of the crawl (decode, parse once, extract;
feeds and binary bodies recognised) and the pool of worker processes that runs it beside the reactor.
"""

from __future__ import annotations

import asyncio
import ctypes
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from spiders.document import (
    MAX_ANALYSED_ELEMENTS,
    absolute_http_url,
    base_url,
    count_elements,
    decode_html,
    looks_binary,
    parse_html,
)
from spiders.extract import extract_head_and_links, extract_page
from spiders.extract_head import extract_meta_refresh, extract_rel_links
from spiders.extract_script_links import extract_script_links
from spiders.url_scope import UrlScope

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_FEED_NAMES = {b"rss": "RSS", b"feed": "Atom", b"rdf:rdf": "RSS"}


def feed_type(body: bytes) -> str | None:
    """ "RSS" or "Atom" when the body is a news feed (whatever its Content-Type says), else None."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<?xml") and not head.lower().startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        return None
    match = _FEED_ROOT.search(head)
    return _FEED_NAMES.get(match.group(1).lower()) if match else None


def feed_mime(feed: str) -> str:
    return "application/atom+xml" if feed == "Atom" else "application/rss+xml"


def extract_response(
    body: bytes, content_type: str | None, page_url: str, scope: UrlScope, *, ok: bool, follow_refresh: bool
) -> dict[str, Any]:
    """Decode, parse once and extract one HTML response: the per-page work, run in a worker
    process when the crawl has one. Returns fields for the PageRecord plus discovery extras."""
    if looks_binary(body):
        return {"error": f"binary content served as {content_type or 'HTML'}; not parsed"}
    feed = feed_type(body)
    if feed:  # WordPress exports save /feed/ as index.html: a feed, not a page to audit
        return {"error": f"{feed} feed served as {content_type or 'HTML'}; not a page", "content_type": feed_mime(feed)}
    tree = parse_html(decode_html(body, content_type)) if body.strip() else None
    if tree is None:
        return {"error": "empty or unparsable HTML"}
    refresh = extract_meta_refresh(tree, page_url) if ok and follow_refresh else None
    pagination = extract_rel_links(tree, page_url) if ok else []
    if count_elements(tree, MAX_ANALYSED_ELEMENTS) > MAX_ANALYSED_ELEMENTS:
        fields = extract_head_and_links(tree, page_url, scope.is_internal, scope.normalise)
        fields["error"] = (
            f"page too large to analyse (more than {MAX_ANALYSED_ELEMENTS:,} HTML elements): "
            "only title, meta tags and links read"
        )
    else:
        fields = extract_page(tree, page_url, scope.is_internal, scope.normalise)
        fields["script_links"] = extract_script_links(
            tree, base_url(tree, page_url), absolute_http_url, scope.is_internal, scope.normalise
        )
    return {"fields": fields, "refresh": scope.normalise(refresh) if refresh else None, "pagination": pagination}


def extract_links_only(
    body: bytes, content_type: str | None, page_url: str, scope: UrlScope, error: str
) -> dict[str, Any]:
    """Title, meta tags and links of a page whose analysis was given up (`error` says why): the
    crawl still follows its links. Parsing and reading links is linear, unlike the analysis."""
    tree = parse_html(decode_html(body, content_type)) if body.strip() else None
    if tree is None:
        return {"error": error}
    fields = extract_head_and_links(tree, page_url, scope.is_internal, scope.normalise)
    fields["error"] = error
    return {"fields": fields, "refresh": None, "pagination": extract_rel_links(tree, page_url)}


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int, exit_code: int = 0) -> None:
    """End this process when `parent` dies, however it dies (kill -9 included): the kernel sends
    SIGKILL (Linux PR_SET_PDEATHSIG; works even while this process is stuck in C code holding the
    GIL), and a watchdog thread exits when the parent pid changes (other systems, and a parent that
    died before the prctl took effect)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # orphaned already
        os._exit(exit_code)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(exit_code)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _worker_init(parent: int) -> None:
    # Ctrl-C goes to the whole process group: the crawl process stops gracefully and still needs
    # its workers for the pages in flight.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # kill -9 of the crawl process: no orphan worker (they would wait for work forever).
    die_with_parent(parent)


def _warm() -> int:
    return os.getpid()


def default_extract_workers() -> int:
    """One per core up to 4 (the default crawl has 8 requests in flight), none on one core."""
    cores = os.cpu_count() or 1
    return min(cores, 4) if cores > 1 else 0


def start_pool(workers: int) -> ProcessPoolExecutor | None:
    """Extraction workers (-1 = one per core when there are two or more, 0 = none). Forked before
    the reactor runs (started here and waited for), so no reactor thread is copied mid-work. One per
    core, not one fewer: the crawl process needs about half of what a worker does per page (5.5 vs
    10.5 CPU ms), and on 2 cores two workers took an unthrottled crawl from 73 to 105 pages/s."""
    if workers < 0:
        workers = default_extract_workers()
    if workers == 0:
        return None
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_worker_init,
        initargs=(os.getpid(),),
    )
    for future in [pool.submit(_warm) for _ in range(workers)]:
        future.result()
    return pool


class ExtractionPool:
    """Runs `extract_response` for the spider: in the worker processes (`start_pool`) within the page
    budget, or in the crawl process when there are none or they died. A page over budget has its
    worker replaced and keeps only its head fields and links (`extract_links_only`)."""

    def __init__(self, workers: int, page_budget_s: float, logger: Any) -> None:
        self.workers = workers
        self.page_budget_s = page_budget_s
        self.logger = logger
        self.pool = start_pool(workers)

    async def extract(
        self, body: bytes, content_type: str | None, page_url: str, scope: UrlScope, *, ok: bool, follow_refresh: bool
    ) -> dict[str, Any]:
        args = (body, content_type, page_url, scope)
        kwargs = {"ok": ok, "follow_refresh": follow_refresh}
        while self.pool is not None:
            pool = self.pool
            try:
                future = asyncio.wrap_future(pool.submit(extract_response, *args, **kwargs))
                return await asyncio.wait_for(future, self.page_budget_s or None)
            except TimeoutError:
                self.logger.warning(
                    "analysis of %s took over %g s; its worker is replaced", page_url, self.page_budget_s
                )
                self._replace_pool(pool)
                error = (
                    f"analysis stopped after the {self.page_budget_s:g} s page budget: "
                    "only title, meta tags and links read"
                )
                return extract_links_only(body, content_type, page_url, scope, error)
            except BrokenProcessPool:
                if self.pool is not pool:  # replaced meanwhile (another page over budget): run it in the new one
                    continue
                self.logger.warning("extraction worker died; extracting in the crawl process from now on")
                self.pool = None
            except Exception as exc:  # a bug in an extractor must not end the crawl
                return {"error": f"extraction failed: {type(exc).__name__}: {exc}"[:500]}
        try:
            return extract_response(*args, **kwargs)
        except Exception as exc:
            return {"error": f"extraction failed: {type(exc).__name__}: {exc}"[:500]}

    def _replace_pool(self, pool: ProcessPoolExecutor) -> None:
        """Kill the workers of `pool` (one is stuck on a page over budget) and start new ones; pages
        in flight in the old pool are submitted again by `extract`."""
        if self.pool is not pool:
            return
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        self.pool = start_pool(self.workers)

    def shutdown(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
