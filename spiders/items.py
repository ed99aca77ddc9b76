"""Items the spider yields besides `PageRecord`: what it learned about the site as a whole."""

from __future__ import annotations

from dataclasses import dataclass, field

from scoring.core.records import SitemapEntry


@dataclass(frozen=True)
class TextArtifact:
    """robots.txt or llms.txt as fetched (body None when missing or not text)."""

    name: str  # "robots_txt" | "llms_txt"
    status: int | None
    body: str | None


@dataclass(frozen=True)
class SitemapArtifact:
    url: str
    entries: list[SitemapEntry] = field(default_factory=list)


@dataclass(frozen=True)
class LimitHit:
    """The crawl skipped URLs because a limit was reached."""

    limit: str  # "max_pages" | "max_depth" | "max_url_length" | "timeout"
