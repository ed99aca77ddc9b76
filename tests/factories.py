"""Literal records for check tests: `page()` builds a successful HTML page record."""

from __future__ import annotations

from typing import Any

from scoring.core.records import CrawlStats, PageRecord, SiteArtifacts
from scoring.site import SiteData

ROOT = "https://www.beispiel-handwerk.example/"


def page(path: str = "", **fields: Any) -> PageRecord:
    """A fetched 200 HTML page at ROOT + path; any PageRecord field can be overridden."""
    defaults: dict[str, Any] = {
        "url": ROOT + path.lstrip("/"),
        "status": 200,
        "content_type": "text/html; charset=utf-8",
        "lang": "de",
    }
    defaults.update(fields)
    return PageRecord(**defaults)


def artifacts(**fields: Any) -> SiteArtifacts:
    defaults: dict[str, Any] = {"root_url": ROOT, "crawl_stats": CrawlStats(complete=True)}
    defaults.update(fields)
    return SiteArtifacts(**defaults)


def site(*pages: PageRecord, **artifact_fields: Any) -> SiteData:
    return SiteData(list(pages), artifacts(**artifact_fields))
