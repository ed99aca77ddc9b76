"""Pipelines: validate and dedupe what the spider yields, stream it to a record sink.

The sink is handed to the spider as its `record_sink` argument (the auditor passes its SQLite/
SQLAlchemy store; settings are deep-copied by Scrapy, so they cannot carry it); without one,
records go to a JSON Lines file (`GEO_JSONL_PATH`), so `scrapy crawl site -a url=...` works on
its own.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from scrapy import signals

from scoring.core.records import CrawlStats, PageRecord, SiteArtifacts, SitemapEntry
from spiders.items import SitemapArtifact, TextArtifact
from spiders.resume import is_connection_failure


class RecordSink(Protocol):
    def add_page(self, record: PageRecord) -> None: ...

    def finish(self, artifacts: SiteArtifacts) -> None: ...


class JsonLinesSink:
    """Default sink: one JSON object per line, artifacts as the last line."""

    def __init__(self, path: str | Path) -> None:
        self.file = Path(path).open("w", encoding="utf-8")  # noqa: SIM115  (closed in finish)

    def add_page(self, record: PageRecord) -> None:
        self.file.write(record.model_dump_json() + "\n")
        self.file.flush()

    def finish(self, artifacts: SiteArtifacts) -> None:
        self.file.write(json.dumps({"artifacts": artifacts.model_dump(mode="json")}) + "\n")
        self.file.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class RecordPipeline:
    """Dedupes page records by URL, streams them to the sink, assembles the site artifacts."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.sink: RecordSink | None = None
        self.urls: set[str] = set()
        self.status_counts: Counter[str] = Counter()
        self.connection_failures = 0  # URLs whose server could not be reached (it went down?)
        self.text_artifacts: dict[str, TextArtifact] = {}
        self.sitemaps: list[str] = []
        self.sitemap_entries: dict[str, SitemapEntry] = {}
        self.started = _now()
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Any) -> RecordPipeline:
        return cls(crawler)

    def open_spider(self, spider: Any = None) -> None:
        spider = spider or self.crawler.spider
        resume = getattr(spider, "resume", None)
        if resume is not None:  # a continued crawl: what is stored counts, and is never written twice
            self.urls |= resume.seen
            self.status_counts.update(resume.status_counts)
            self.connection_failures += resume.connection_failures
        sink = getattr(spider, "record_sink", None)
        if sink is None:
            sink = JsonLinesSink(self.crawler.settings.get("GEO_JSONL_PATH", "geo-audit-records.jsonl"))
        self.sink = sink

    def process_item(self, item: Any, spider: Any = None) -> Any:
        if isinstance(item, PageRecord):
            if item.url in self.urls:  # the same URL reached twice (e.g. a start URL seed)
                return item
            self.urls.add(item.url)
            self.status_counts[str(item.status) if item.status is not None else "error"] += 1
            self.connection_failures += is_connection_failure(item)
            self.sink.add_page(item)
        elif isinstance(item, TextArtifact):
            self.text_artifacts[item.name] = item
        elif isinstance(item, SitemapArtifact):
            self.sitemaps.append(item.url)
            for entry in item.entries:
                self.sitemap_entries.setdefault(entry.url, entry)
        return item

    def spider_closed(self, spider: Any, reason: str) -> None:
        limits = sorted(getattr(spider, "limits_hit", set()))
        if reason == "closespider_timeout":
            limits.append("timeout")
        robots = self.text_artifacts.get("robots_txt")
        llms = self.text_artifacts.get("llms_txt")
        finished = _now()
        started_at = getattr(spider, "started_at", None)
        stats = CrawlStats(
            finish_reason=reason,
            limits_hit=limits,
            # A server that could not be reached for some URLs (it died mid-crawl) leaves the crawl
            # incomplete, though no limit was hit: auditor.runner warns with the share of them.
            complete=reason == "finished" and not limits and not self.connection_failures,
            pages=len(self.urls),
            status_counts=dict(self.status_counts),
            started=self.started,
            finished=finished,
            duration_s=round(datetime.now(UTC).timestamp() - started_at, 2) if started_at else None,
            reused_pages=getattr(spider, "reused_pages", 0),
            extracted_pages=getattr(spider, "extracted_pages", 0),
            reused_from=reuse.audit_id if (reuse := getattr(spider, "reuse", None)) is not None else None,
            extraction_key=self.crawler.settings.get("GEO_EXTRACTION_KEY"),
        )
        artifacts = SiteArtifacts(
            root_url=spider.start_url,
            host_aliases=sorted(spider.hosts | getattr(spider, "alias_hosts", set())),
            user_agent=self.crawler.settings.get("USER_AGENT"),
            robots_txt=robots.body if robots else None,
            robots_status=robots.status if robots else None,
            sitemaps=self.sitemaps,
            sitemap_entries=list(self.sitemap_entries.values()),
            llms_txt=llms.body if llms else None,
            llms_txt_status=llms.status if llms else None,
            crawl_stats=stats,
        )
        self.sink.finish(artifacts)
