"""orphan-pages: pages listed in the sitemap are linked from the site itself."""

from __future__ import annotations

from scoring.audit import WARN_SHARE
from scoring.core.messages import element
from scoring.core.results import Evidence
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData

MAX_EVIDENCE = 50


@register
class OrphanPages(Check):
    id = "orphan-pages"
    title = "Sitemap pages are linked from the site"
    failure_title = "Sitemap pages are orphaned"
    description = (
        "A page only the sitemap knows has no internal link pointing at it: readers cannot reach "
        "it, crawlers of search and answer engines treat it as unimportant, and it receives no "
        "link equity (the lowest internal PageRank). Every successful page listed in a sitemap "
        "should be linked from at least one other crawled page; the home page never counts as "
        "orphaned. Only measured on a complete crawl — when the crawl was cut short, the "
        "missing links may sit on pages never fetched. Sources: Google Search Central, 'Build "
        "and submit a sitemap' (a sitemap is a hint that guarantees no crawling) and 'SEO "
        "Starter Guide' (links are how Google finds pages)."
    )
    category = "links"
    weight = 1
    effort = "low"
    remedy = "Link the orphan pages from related pages or a hub — or drop them from the sitemap."
    rule = (
        "sitemap URLs (after redirects, successful HTML pages only) no other crawled page links to; the "
        "home page never counts. Score = 1 − orphans / listed pages; warn from 0.8, fail below. "
        "Inconclusive (not applicable) when the crawl was cut short."
    )
    scope = "site"
    requires = ("sitemaps", "complete_crawl")
    columns = {"url": "url", "lastmod": "date", "sitemap": "url"}
    messages = {
        "none-listed": "No sitemap URL was crawled as a successful page.",
        "all-linked": "All {pages} sitemap pages are linked from another page.",
        "orphans": (
            "{orphans} of {pages} sitemap pages have no internal link pointing at them. Link them from related "
            "pages or a hub page — or drop them from the sitemap if they are obsolete."
        ),
        "note-orphan": "listed in the sitemap, linked from no crawled page",
        "note-orphan-lastmod": "listed in the sitemap, linked from no crawled page (lastmod {lastmod})",
    }

    def evaluate(self, site: SiteData) -> Outcome:
        home = site.home
        home_url = (home.final_url or home.url) if home is not None else None
        listed: dict[str, dict] = {}
        for entry in site.artifacts.sitemap_entries:
            url = site.resolve(entry.url)
            record = site.by_url.get(url)
            if record is None or not record.ok or url in listed:
                continue
            listed[url] = {"url": url, "lastmod": entry.lastmod, "sitemap": entry.sitemap}
        if not listed:
            return Outcome("not_applicable", explanation=self.msg("none-listed"))
        orphans = [
            row
            for url, row in listed.items()
            if url != home_url and not any(inlink.source != url for inlink in site.inlinks.get(url, []))
        ]
        if not orphans:
            return Outcome("pass", 1.0, self.msg("all-linked", pages=len(listed)))
        score = round(1 - len(orphans) / len(listed), 4)
        evidence = [
            Evidence(
                url=row["url"],
                element=element("sitemap"),
                excerpt=row["sitemap"],
                note=(
                    self.msg("note-orphan-lastmod", lastmod=str(row["lastmod"]))
                    if row["lastmod"]
                    else self.msg("note-orphan")
                ),
            )
            for row in orphans[:MAX_EVIDENCE]
        ]
        return Outcome(
            "warn" if score >= WARN_SHARE else "fail",
            score,
            self.msg("orphans", orphans=len(orphans), pages=len(listed)),
            orphans,
            evidence,
            [row["url"] for row in orphans],
        )
