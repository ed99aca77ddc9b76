"""content-dates: articles say when they were published or last updated."""

from __future__ import annotations

import re

from scoring.checks.person_schema import text_value
from scoring.core.jsonld import jsonld_nodes
from scoring.core.lexicons import PUBLICATION_CUE_RE
from scoring.core.lexicons.dates import PERIOD_RE
from scoring.core.memo import last_page
from scoring.core.messages import join, term
from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.pagetypes import classify
from scoring.registry import ArticleCheck, register
from scoring.site import SiteData


def page_date(page: PageRecord) -> tuple[str, str, str] | None:
    """(kind, date, source) of the publication date, else the modification date, else None."""
    dates = page.dates
    home = classify(page).kind == "home"
    if dates.published and _own_source(dates.published_source, home):
        return "published", dates.published, dates.published_source or "unknown"
    if dates.modified and not (home and dates.modified_source == "time-element"):
        return "modified", dates.modified, dates.modified_source or "unknown"
    # The crawler fills `dates`; read JSON-LD directly in case an older record lacks them.
    for prop, kind in (("datePublished", "published"), ("dateModified", "modified")):
        for node in jsonld_nodes(page.structured_data):
            value = text_value(node.get(prop))
            if value:
                return kind, value, "json-ld"
    # "Veröffentlicht am 14. März 2025" under the title: a reader sees it
    if _shown_date(page) and not home:
        return "published", page.extras.visible_date, "visible"
    return None


def _own_source(source: str | None, home: bool) -> bool:
    """Whether a date from `source` is the page's own: a date the theme's CSS hides ("hidden-meta") is
    shown to no one; a <time> on a home page is a teaser's (the latest posts'), not the home page's."""
    return source != HIDDEN_SOURCE and not (home and source == "time-element")


def _shown_date(page: PageRecord) -> str | None:
    """The date printed near the title, unless it states a period ("Zeitraum: 4. Juli – 20. August
    2023"): that is when an event or project ran, not when the page was published."""
    text = page.extras.visible_date_text or ""
    if page.extras.visible_date and (PUBLICATION_CUE_RE.search(text) or not PERIOD_RE.search(text)):
        return page.extras.visible_date
    return None


MARKUP_SOURCES = ("json-ld", "meta", "time-element")
DECLARED_SOURCES = MARKUP_SOURCES[:2]  # in the head: no <time> of the body
HIDDEN_SOURCE = "hidden-meta"  # spiders.visible_dates.hidden_meta_date
_URL_DATE = re.compile(r"/(?:19|20)\d{2}/\d{1,2}/(?:\d{1,2}/)?")


def declared_date(page: PageRecord) -> str | None:
    """The date a profile page declares for itself in its head (JSON-LD, article:published_time, else the
    modification date there); the dates shown on it, <time> elements included, are its posts' (docs/labelling.md
    counts JSON-LD and meta dates as the page's own)."""
    dates = page.dates
    if dates.published and dates.published_source in DECLARED_SOURCES:
        return dates.published
    if dates.modified and dates.modified_source in DECLARED_SOURCES:
        return dates.modified
    return None


def publication_date(page: PageRecord) -> str | None:
    """The date an editorial page shows as published (else updated): markup first, then the date
    printed near the title, then the modification date, then htmldate's guess. None off articles."""
    if classify(page).kind != "article":
        return None
    return own_date(page)


@last_page  # the check, then the page's signals: found once per page
def own_date(page: PageRecord) -> str | None:
    """When any page's own content was published: markup (JSON-LD, article:published_time, a <time>
    of the content), else the date printed near the title, else the modification date. htmldate's
    guess only on articles, where a date is expected (on other pages it picks up event dates)."""
    dates = page.dates
    kind = classify(page).kind
    source = dates.published_source
    if dates.published and source in MARKUP_SOURCES and _own_source(source, kind == "home"):
        return dates.published
    article = kind == "article"
    # Off articles a bare date near the title is mostly an event (a course, an offer's deadline); only
    # a labelled one ("Stand:", "Veröffentlicht am") dates the page itself. A legal text announces no
    # events: a bare date over its title is the version of the policy ("August 12, 2020" / "Privacy Policy").
    shown = _shown_date(page)
    if shown and (article or kind == "legal" or PUBLICATION_CUE_RE.search(page.extras.visible_date_text or "")):
        return shown
    if dates.modified:
        return dates.modified
    # htmldate's guess only where the URL itself is dated (/2023/02/08/…): elsewhere it picked dates
    # out of image paths and teasers on real sites
    if article and dates.published and source != HIDDEN_SOURCE and (source != "htmldate" or _URL_DATE.search(page.url)):
        return dates.published
    return None


@register
class ContentDates(ArticleCheck):
    id = "content-dates"
    title = "Articles carry a publication date"
    failure_title = "Articles carry no publication date"
    description = (
        "Answer engines prefer current information and show it with its date; rules mined from "
        "their answers ask for visible dates, and metadata and freshness were among the page "
        "features most associated with being cited. A date also tells readers whether advice on "
        "prices, subsidies or rules still holds. Sources: AutoGEO (ICLR 2026); GEO-16 (arXiv "
        "2509.10762)."
    )
    category = "evidence"
    weight = 1
    effort = "low"
    remedy = "Show a publication date (and an update date) on every article, also as datePublished in JSON-LD."
    rule = "pass: a published date (JSON-LD, meta, `<time>`, the date printed near the title, or htmldate); fail: none."

    messages = {
        "none": "no publication or update date",
        "missing": "missing",
        "published": "published {date} ({source})",
        "modified": "modified {date} ({source})",
        "modified-only": "no publication date, only the last update",
        "published-from": "published date from {source}",
        "modified-from": "modified date from {source}",
        # where the date was read (Dates.published_source / modified_source)
        "source-json-ld": "json-ld",
        "source-meta": "meta",
        "source-time-element": "time-element",
        "source-htmldate": "htmldate",
        "source-unknown": "unknown",
        "source-visible": "the date printed near the title",
    }

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        found = page_date(page)
        if found is None:
            return PageOutcome(
                url=page.url,
                state="fail",
                reason=self.msg("none"),
                evidence=[Evidence(url=page.url, element="datePublished / <time>", note=self.msg("missing"))],
            )
        kind, date, source = found
        named = self.msg(f"source-{source}") if f"source-{source}" in self.messages else term(source)
        reason = self.msg(kind, date=date, source=named)
        return PageOutcome(
            url=page.url,
            state="pass",
            reason=join([reason, self.msg("modified-only")]) if kind == "modified" else reason,
            evidence=[
                Evidence(
                    url=page.url,
                    element=f"{source} date{kind.capitalize()}",
                    excerpt=date,
                    note=self.msg(f"{kind}-from", source=named),
                )
            ],
        )
