"""A build stamp: the date a static-site generator writes into the head of every page it builds ("datePublished"
and "dateModified" of jekyll-seo-tag's WebPage are the build time), not when any of them was written. A declared
date with no other modification date, shared by many of a site's pages, is such a stamp; a page whose address or
visible date says that day keeps it."""

from __future__ import annotations

import re
from collections import Counter

from scoring.checks.content_dates import DECLARED_SOURCES
from scoring.core.jsonld import jsonld_nodes
from scoring.core.records import PageRecord
from scoring.site import SiteData

MIN_STAMPED_PAGES = 5
MIN_STAMPED_SHARE = 1 / 3  # of the pages that declare a date at all


def build_stamp(site: SiteData) -> str | None:
    """The declared date that stands on at least MIN_STAMPED_PAGES pages and a third of those that declare one."""

    def compute() -> str | None:
        declared = Counter(
            _declared_as_written(page) for page in site.pages if page.ok and _unrevised_declaration(page)
        )
        if not declared:
            return None
        written, count = declared.most_common(1)[0]
        return written if count >= MIN_STAMPED_PAGES and count >= MIN_STAMPED_SHARE * sum(declared.values()) else None

    return site.memo("build-stamp", compute)


def _declared_as_written(page: PageRecord) -> str:
    """The declared publication time as the head writes it ("2026-05-18T10:23:45+02:00"): one build writes the same
    second on every page; pages created on one day carry their own times ("11:02:05", "18:45:20")."""
    written = next(
        (node.get("datePublished") for node in jsonld_nodes(page.structured_data) if node.get("datePublished")), None
    )
    return str(written) if written else str(page.dates.published)


def _unrevised_declaration(page: PageRecord) -> bool:
    """A date declared in the head with no other modification date: what a generator stamps on each build (a CMS
    that publishes pages on one day keeps each page's own later modifications beside it)."""
    dates = page.dates
    return (
        bool(dates.published)
        and dates.published_source in DECLARED_SOURCES
        and dates.modified in (None, dates.published)
    )


def _day_in_url(url: str, date: str) -> bool:
    year, month, day = date[:10].split("-")
    return re.search(rf"/{year}[/-]0?{int(month)}[/-]0?{int(day)}(?!\d)", url) is not None


def stamped(page: PageRecord, date: str | None, site: SiteData | None) -> bool:
    """The page's date is only its site's build stamp: declared in the head, the same day on many pages, and
    neither its address (/2026/05/18/) nor the date shown on it says that day."""
    if not date or site is None or not _unrevised_declaration(page):
        return False
    stamp = build_stamp(site)
    if stamp is None or _declared_as_written(page) != stamp or page.extras.visible_date == date:
        return False
    return not _day_in_url(page.url, date)
