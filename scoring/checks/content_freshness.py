"""content-freshness: articles show a visible, consistent date, and are not left to go stale."""

from __future__ import annotations

from datetime import date

from scoring.checks.content_dates import publication_date
from scoring.core.messages import Message, join, listing
from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.pagetypes import classify
from scoring.registry import ArticleCheck, register
from scoring.site import SiteData, is_indexable

CURRENT_DAYS = 365  # updated or published within a year: current
STALE_DAYS = 730  # older than two years without an update: stale (prices, subsidies, rules change)
TOLERANCE_DAYS = 2  # time zones and publishing delays: dates this close agree


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def reference_day(site: SiteData) -> date | None:
    """The day of the crawl (pure: read from the crawl stats, never the clock); None when unknown."""
    stats = site.artifacts.crawl_stats
    return _day(stats.started) or _day(stats.finished)


def sitemap_lastmod(site: SiteData, page: PageRecord) -> str | None:
    def build() -> dict[str, str]:
        return {e.url: e.lastmod for e in site.artifacts.sitemap_entries if e.lastmod}

    index = site.memo("sitemap_lastmod", build)
    return index.get(page.url) or (index.get(page.final_url) if page.final_url else None)


def age_band(days: int) -> str:
    """How old content of this age is: "current", "ageing" or "stale" (its message in the check)."""
    if days <= CURRENT_DAYS:
        return "current"
    if days <= STALE_DAYS:
        return "ageing"
    return "stale"


@register
class ContentFreshness(ArticleCheck):
    id = "content-freshness"
    title = "Articles show a visible, consistent and recent date"
    failure_title = "Article dates are hidden, contradictory or old"
    description = (
        "Answer engines prefer current information; rules mined from their answers ask for visible "
        "dates, and metadata and freshness were among the page features most associated with being "
        "cited. A date only in the markup is invisible to readers, dates that disagree (page, "
        "structured data, sitemap) confuse crawlers, and advice older than two years without an "
        "update loses trust. Sources: AutoGEO (ICLR 2026); GEO-16 (arXiv 2509.10762)."
    )
    category = "evidence"
    weight = 1
    effort = "medium"
    remedy = "Review the old articles, update facts and show a correct, consistent update date."
    rule = (
        "dates from JSON-LD/meta/`<time>`, the date printed near the H1 (\"Stand:\", \"Veröffentlicht am 3. "
        "März 2025\", \"March 12, 2025\"), dateModified and the sitemap lastmod. warn when: no date is "
        "visible near the title (markup only); the visible date differs from datePublished by > 2 days "
        "(and is not the dateModified); the sitemap lastmod is older than the page's newest date; or the "
        "newest date is > 2 years before the crawl (age bands: current < 1 year, ageing 1–2, stale > 2; "
        "reference = crawl start, never the clock)."
    )

    messages = {
        "current": "current (under 1 year)",
        "ageing": "ageing (1–2 years)",
        "stale": "stale (over 2 years)",
        "newest": "newest date {date}",
        "markup-only": "date only in the markup: show it under the title",
        "mismatch": "the page shows a different date than its structured data",
        "lastmod-older": "sitemap lastmod is older than the page's own date",
        "review": "{band}: review the facts and show an update date",
        "shown": "date shown to readers",
        "element-near-title": "date near the title",
        "element-vs-published": "visible date vs datePublished",
        "element-lastmod": "sitemap lastmod",
        "element-date": "date",
        "element-visible": "visible date",
    }

    def applies_to(self, page: PageRecord, site: SiteData) -> bool:
        # pages without any date are content-dates' finding; this check judges the dates that exist, on
        # pages the site wants in search (no advice to update a noindex archive or post)
        return (
            page.ok and is_indexable(page) and classify(page).kind == "article" and publication_date(page) is not None
        )

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        published = _day(page.dates.published if page.dates.published_source != "htmldate" else None)
        modified = _day(page.dates.modified)
        visible = _day(page.extras.visible_date)
        lastmod = _day(sitemap_lastmod(site, page))
        newest = max(d for d in (published, modified, visible, _day(publication_date(page))) if d)
        problems: list[Evidence] = []
        notes: list[Message] = []  # the problems' notes, for the reason

        def problem(element: Message, excerpt: str, note: Message) -> None:
            problems.append(Evidence(url=page.url, element=element, excerpt=excerpt, note=note))
            notes.append(note)

        if visible is None:
            problem(self.msg("element-near-title"), str(newest), self.msg("markup-only"))
        elif (
            published
            and abs((visible - published).days) > TOLERANCE_DAYS
            and not (modified and abs((visible - modified).days) <= TOLERANCE_DAYS)
        ):
            mismatch = f"{page.extras.visible_date_text} ≠ {published}"
            problem(self.msg("element-vs-published"), mismatch, self.msg("mismatch"))
        if lastmod and (lastmod - newest).days < -TOLERANCE_DAYS:
            problem(self.msg("element-lastmod"), f"{lastmod} < {newest}", self.msg("lastmod-older"))
        today = reference_day(site)
        band = None
        if today is not None:
            days = (today - newest).days
            band = self.msg(age_band(days))
            if days > STALE_DAYS:
                problem(self.msg("element-date"), str(newest), self.msg("review", band=band))
        summary = listing([self.msg("newest", date=str(newest))] + ([band] if band else []))
        if not problems:
            visible_note = page.extras.visible_date_text or str(visible)
            return PageOutcome(
                url=page.url,
                state="pass",
                reason=summary,
                evidence=[
                    Evidence(
                        url=page.url,
                        element=self.msg("element-visible"),
                        excerpt=visible_note,
                        note=join([self.msg("shown"), band]) if band else self.msg("shown"),
                    )
                ],
            )
        return PageOutcome(url=page.url, state="warn", reason=join([summary, *notes]), evidence=problems)
