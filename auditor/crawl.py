"""The only module that touches Scrapy's process API: run one crawl in this process.

The Twisted reactor cannot be restarted, so a process runs one crawl (the CLI does; tests run
the CLI in a subprocess). The asyncio reactor is installed by `CrawlerProcess` from settings.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from scoring.records import PageRecord
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
    as_host: str | None = None  # production origin mapped onto the crawled host
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
    """
    process = CrawlerProcess(crawl_settings(options))
    crawler = process.create_crawler(SiteSpider)
    if on_page is not None:

        def item_scraped(item: Any, **_: Any) -> None:
            if isinstance(item, PageRecord):
                on_page(item)

        crawler.signals.connect(item_scraped, signal=signals.item_scraped, weak=False)
    process.crawl(crawler, url=url, record_sink=sink, resume=resume)
    process.start()
