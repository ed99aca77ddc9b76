"""meta-description: every page has its own meta description of sensible length."""

from __future__ import annotations

from collections import Counter

from scoring.core.messages import join
from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.registry import Check, register
from scoring.site import SiteData, is_indexable

MIN_CHARS, MAX_CHARS = 50, 160  # below: says little; above: cut off in result snippets


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


@register
class MetaDescription(Check):
    id = "meta-description"
    title = "Pages have unique meta descriptions"
    failure_title = "Meta descriptions are missing, duplicated or of poor length"
    description = (
        "The meta description is the summary search engines often show under the title and a "
        "ready-made abstract of the page for crawlers; a unique, specific one per page tells "
        "engines what this page answers. Google sets no fixed length, but snippets are cut at "
        f"about {MAX_CHARS} characters and texts under {MIN_CHARS} say little. Source: Google "
        "Search Central, 'Control your snippets in search results' (meta description best "
        "practices)."
    )
    category = "technical"
    weight = 1
    effort = "low"
    remedy = "Write a unique meta description (about 120–160 characters) for each listed page."
    rule = (
        "indexable pages (a noindex page shows in no result). missing: fail; shorter than 50 or longer than "
        "160 characters, or shared: warn."
    )
    scope = "page"
    requires = ("html",)
    messages = {
        "missing": "no meta description",
        "note-missing": "missing",
        "too-short": "too short ({chars} characters)",
        "too-long": "too long ({chars} characters)",
        "shared": "shared with {others} other page(s)",
    }

    def applies_to(self, page: PageRecord, site: SiteData) -> bool:
        """Indexable pages: a noindex page shows no title or snippet in any result."""
        return page.ok and is_indexable(page)

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        text = _clean(page.meta_description)
        element = 'meta[name="description"]'
        if not text:
            return PageOutcome(
                url=page.url,
                state="fail",
                reason=self.msg("missing"),
                evidence=[Evidence(url=page.url, element=element, note=self.msg("note-missing"))],
            )
        problems = []
        if len(text) < MIN_CHARS:
            problems.append(self.msg("too-short", chars=len(text)))
        elif len(text) > MAX_CHARS:
            problems.append(self.msg("too-long", chars=len(text)))
        shared = _description_counts(site)[text.casefold()]
        if shared > 1:
            problems.append(self.msg("shared", others=shared - 1))
        if not problems:
            return PageOutcome(url=page.url, state="pass")
        return PageOutcome(
            url=page.url,
            state="warn",
            reason=join(problems),
            evidence=[Evidence(url=page.url, element=element, excerpt=text)],
        )


def _description_counts(site: SiteData) -> Counter:
    return site.memo(
        "meta_description_counts",
        lambda: Counter(
            _clean(p.meta_description).casefold()
            for p in site.html_pages
            if is_indexable(p) and _clean(p.meta_description)
        ),
    )
