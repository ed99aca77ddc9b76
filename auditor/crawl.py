"""The only module that touches Scrapy's process API: run one crawl in this process.

The Twisted reactor cannot be restarted, so a process runs one crawl (the CLI does; tests run
the CLI in a subprocess). The asyncio reactor is installed by `CrawlerProcess` from settings.

`HardDeadline`: the time limit that always ends an audit's process tree, whatever hangs (a page
that never finishes downloading, an extractor stuck in C code holding the GIL, a scoring step).
`--timeout` stops the crawl gracefully (CLOSESPIDER_TIMEOUT); the hard deadline comes
GEO_HARD_TIMEOUT_GRACE seconds later, in two stages:

1. a timer thread in the audit process: keeps what was crawled (the runner's callback flushes the
   store sink and marks the audit), kills the extraction workers, prints one line, exits 1;
2. a small helper process (auditor.hard_stop), HARD_STOP_MARGIN_S later, for a process whose
   threads cannot run (one stuck in C code holding the GIL): SIGKILL to the audit process and its
   descendants, the audit marked in the store, the same line. It dies with the audit process
   (PR_SET_PDEATHSIG, and its stdin closing), and is told to exit when the audit ends in time.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from auditor.hard_stop import BOOTSTRAP, say
from auditor.processes import descendants, kill_processes
from auditor.reaudit import adopt_depths, extraction_key, reuse_index
from auditor.store import StoreSink
from scoring.core.records import PageRecord
from spiders import settings as default_settings
from spiders.pipelines import RecordSink
from spiders.site_spider import ResumeState, SiteSpider


@dataclass(frozen=True)
class CrawlOptions:
    max_pages: int = 500
    max_depth: int = 10
    timeout_s: int = 0  # 0 = no time limit
    delay_s: float | None = None  # None = settings default (AutoThrottle adapts from there)
    concurrency: int | None = None  # per domain
    overrides: dict[str, Any] = field(default_factory=dict)  # raw Scrapy settings
    include: tuple[str, ...] = ()  # regular expressions: only matching URLs are crawled
    exclude: tuple[str, ...] = ()  # regular expressions: matching URLs are skipped
    strip_params: tuple[str, ...] | None = None  # None = settings default (utm_*, fbclid, session ids ...)
    subdomains: bool = False  # other subdomains of the site's domain count as the same site
    follow_nofollow: bool = False  # follow links of pages marked nofollow (a staging build marked so everywhere)
    as_host: str | None = None  # production origin mapped onto the crawled host
    render: str | None = None  # `--render`: "sample" (one page per template + a seeded share) | "all"
    # re-audits (auditor.reaudit): reuse an earlier audit's unchanged pages and scores; False: `--fresh`
    reuse: bool = True
    # Failures end up in the records; Scrapy's own log (with tracebacks) only on request.
    log_level: str = field(default_factory=lambda: os.environ.get("GEO_AUDIT_LOG_LEVEL", "CRITICAL"))


def crawl_settings(options: CrawlOptions) -> Settings:
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.set("GEO_MAX_PAGES", options.max_pages)
    settings.set("GEO_MAX_DEPTH", options.max_depth)
    settings.set("LOG_LEVEL", options.log_level)
    if options.timeout_s:
        settings.set("CLOSESPIDER_TIMEOUT", options.timeout_s)
    if options.delay_s is not None:
        settings.set("DOWNLOAD_DELAY", options.delay_s)
        settings.set("AUTOTHROTTLE_START_DELAY", max(options.delay_s, 0.01))
    if options.concurrency:
        settings.set("CONCURRENT_REQUESTS_PER_DOMAIN", options.concurrency)
    if options.include:
        settings.set("GEO_INCLUDE", list(options.include))
    if options.exclude:
        settings.set("GEO_EXCLUDE", list(options.exclude))
    if options.strip_params is not None:
        settings.set("GEO_STRIP_PARAMS", list(options.strip_params))
    if options.subdomains:
        settings.set("GEO_SUBDOMAINS", True)
    if options.as_host:
        settings.set("GEO_AS_HOST", options.as_host)
    if options.follow_nofollow:
        settings.set("GEO_FOLLOW_NOFOLLOW", True)
    for key, value in options.overrides.items():
        settings.set(key, value)
    return settings


def run_crawl(
    url: str,
    sink: RecordSink,
    options: CrawlOptions,
    on_page: Callable[[PageRecord], None] | None = None,
    resume: ResumeState | None = None,
) -> None:
    """Crawl `url` into `sink`; blocks until the crawl ends.

    Ctrl-C or SIGTERM ends it gracefully (Scrapy's shutdown handlers): the spider closes with
    reason "shutdown", every record fetched so far reaches the sink. `resume` continues a crawl.
    Pages an earlier audit of the site stored unchanged are reused (auditor.reaudit) unless
    `options.reuse` is off.
    """
    settings = crawl_settings(options)
    settings.set("GEO_EXTRACTION_KEY", extraction_key(settings))
    reuse = None
    if options.reuse and isinstance(sink, StoreSink):
        reuse = reuse_index(sink.store, sink.audit_id, settings.get("GEO_EXTRACTION_KEY"))
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(SiteSpider)
    if on_page is not None:

        def item_scraped(item: Any, **_: Any) -> None:
            if isinstance(item, PageRecord):
                on_page(item)

        crawler.signals.connect(item_scraped, signal=signals.item_scraped, weak=False)
    process.crawl(crawler, url=url, record_sink=sink, resume=resume, reuse=reuse)
    process.start()
    stats = sink.artifacts.crawl_stats if reuse is not None and sink.artifacts is not None else None
    if stats is not None and stats.complete and stats.reused_pages and not stats.extracted_pages and resume is None:
        adopt_depths(sink.store, sink.audit_id, reuse.audit_id)  # an unchanged site: the earlier depths


def run_render_crawl(urls: list[str], options: CrawlOptions, on_item: Callable[[Any], None]) -> None:
    """Render `urls` in headless Chromium (spiders.render_spider) with the crawl's politeness settings;
    `on_item(RenderedPage)` for each. Blocks; one crawl per process, like `run_crawl`."""
    from spiders.render_spider import RenderSpider, playwright_settings

    settings = crawl_settings(options)
    polite = playwright_settings(settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"), settings.get("USER_AGENT"))
    for key, value in polite.items():
        settings.set(key, value)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(RenderSpider)
    crawler.signals.connect(lambda item, **_: on_item(item), signal=signals.item_scraped, weak=False)
    process.crawl(crawler, urls=urls)
    process.start()


HARD_STOP_MARGIN_S = 5.0  # the helper's SIGKILL comes this long after the in-process stop
HARD_STOP_EXIT = 1


class HardDeadline:
    """Ends this process and its descendants `seconds` after `start()` unless `cancel()`ed first.

    `on_expiry()` runs in the timer thread (stage 1) and returns the line to print; it should keep
    what was crawled. `helper` configures stage 2: {"db": store URL, "error": text for the store,
    "messages": {"partial": ..., "other": ..., "unknown": ...}} (formatted with id= and pages=).
    `target(audit_id)` tells the helper which audit to mark."""

    def __init__(self, seconds: float, on_expiry: Callable[[], str], helper: dict[str, Any]) -> None:
        self.seconds = seconds
        self.on_expiry = on_expiry
        self.helper_config = helper
        self._timer: threading.Timer | None = None
        self._helper: subprocess.Popen | None = None
        self._cancelled = threading.Event()

    def start(self) -> HardDeadline:
        self._timer = threading.Timer(self.seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        config = {**self.helper_config, "parent": os.getpid(), "seconds": self.seconds + HARD_STOP_MARGIN_S}
        try:
            self._helper = subprocess.Popen(
                [sys.executable, "-c", BOOTSTRAP, root],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                close_fds=True,
            )
            self._send(config)
        except OSError:  # no helper: stage 1 alone
            self._helper = None
        return self

    def _send(self, message: dict[str, Any]) -> None:
        if self._helper is None or self._helper.stdin is None:
            return
        with contextlib.suppress(OSError, ValueError):
            self._helper.stdin.write((json.dumps(message) + "\n").encode())
            self._helper.stdin.flush()

    def target(self, audit_id: int) -> None:
        self._send({"audit_id": audit_id})

    def cancel(self) -> None:
        """The audit ended in time: stop the timer and the helper."""
        self._cancelled.set()
        if self._timer is not None:
            self._timer.cancel()
        if self._helper is not None:
            # Forked extraction workers hold copies of the pipe: say so, do not rely on EOF.
            self._send({"cancel": True})
            with contextlib.suppress(OSError, ValueError):
                self._helper.stdin.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._helper.wait(timeout=2)
            if self._helper.poll() is None:
                self._helper.kill()
                self._helper.wait()
            self._helper = None

    def _expire(self) -> None:
        if self._cancelled.is_set():
            return
        try:
            line = self.on_expiry()
        except Exception as exc:  # whatever fails here, the process still ends
            line = f"{self.helper_config['messages']['unknown']} ({type(exc).__name__} while storing: {exc})"
        kill_processes(descendants(os.getpid()))  # extraction workers, the helper
        say(line)
        os._exit(HARD_STOP_EXIT)
