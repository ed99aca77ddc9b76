"""title-tag: every page has a unique, descriptive <title> of sensible length."""

from __future__ import annotations

from collections import Counter

from scoring.core.messages import join
from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.registry import Check, register
from scoring.site import SiteData, is_indexable

MIN_CHARS, MAX_CHARS = 15, 65  # below: not descriptive; above: cut off in result lists


@register
class TitleTag(Check):
    id = "title-tag"
    title = "Pages have unique, descriptive titles"
    failure_title = "Pages lack a unique, descriptive title"
    description = (
        "The title is the first thing search results and AI answers show of a page, and the "
        "label answer engines use when they cite it. Keep it unique per page and between "
        f"{MIN_CHARS} and {MAX_CHARS} characters. Source: Google Search Central, "
        "'Influencing your title links in search results'."
    )
    category = "technical"
    weight = 1
    effort = "low"
    remedy = "Give each listed page a unique, descriptive title of 30–60 characters."
    rule = (
        "indexable pages (a noindex page shows in no result). missing title: fail; shared with another "
        "page: fail; shorter than 15 or longer than 65 characters: warn."
    )
    scope = "page"
    requires = ("html",)
    messages = {
        "missing": "no <title>",
        "note-missing": "missing",
        "too-short": "too short ({chars} characters)",
        "too-long": "too long ({chars} characters)",
        "shared": "shared with {others} other page(s)",
    }

    def applies_to(self, page: PageRecord, site: SiteData) -> bool:
        """Indexable pages: a noindex page shows no title or snippet in any result."""
        return page.ok and is_indexable(page)

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        title = (page.title or "").strip()
        if not title:
            return PageOutcome(
                url=page.url,
                state="fail",
                reason=self.msg("missing"),
                evidence=[Evidence(url=page.url, element="title", note=self.msg("note-missing"))],
            )
        duplicates = _title_counts(site)[title.casefold()]
        problems = []
        if len(title) < MIN_CHARS:
            problems.append(self.msg("too-short", chars=len(title)))
        elif len(title) > MAX_CHARS:
            problems.append(self.msg("too-long", chars=len(title)))
        if duplicates > 1:
            problems.append(self.msg("shared", others=duplicates - 1))
        if not problems:
            return PageOutcome(url=page.url, state="pass")
        return PageOutcome(
            url=page.url,
            state="warn" if duplicates <= 1 else "fail",
            reason=join(problems),
            evidence=[Evidence(url=page.url, element="title", excerpt=title)],
        )


def _title_counts(site: SiteData) -> Counter:
    return site.memo(
        "title_counts",
        lambda: Counter((p.title or "").strip().casefold() for p in site.html_pages if is_indexable(p)),
    )
