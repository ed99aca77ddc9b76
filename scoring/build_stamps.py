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


def build_stamps(site: SiteData) -> frozenset[str]:
    """Declared dates that are stamps: the one on at least MIN_STAMPED_PAGES pages and a third of those that declare
    one; and any time written to the second on MIN_STAMPED_PAGES pages (a theme's demo pages copied with their front
    matter: "2019-04-10T09:51:57+06:00" on the contact, search and four industry pages), which no author writes."""

    def compute() -> frozenset[str]:
        declared = Counter(
            _declared_as_written(page) for page in site.pages if page.ok and _unrevised_declaration(page)
        )
        if not declared:
            return frozenset()
        total = sum(declared.values())
        return frozenset(
            written
            for written, count in declared.items()
            if count >= MIN_STAMPED_PAGES and (count >= MIN_STAMPED_SHARE * total or _TO_THE_SECOND.search(written))
        )

    return site.memo("build-stamps", compute)


# A time of day to the second ("T09:51:57"): two pages written apart do not share it; midnight is a date written
# without a time (pages created on one day share it).
_TO_THE_SECOND = re.compile(r"[T ](?!00:00:00)\d\d:\d\d:\d\d")


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
    if _declared_as_written(page) not in build_stamps(site) or page.extras.visible_date == date:
        return False
    return not _day_in_url(page.url, date)
