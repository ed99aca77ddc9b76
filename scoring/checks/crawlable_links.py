"""crawlable-links: internal pages are reachable through <a href> links, not only through scripts."""

from __future__ import annotations

from scoring.audit import WARN_SHARE
from scoring.core.results import Evidence
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData

MAX_ROWS = 200


@register
class CrawlableLinks(Check):
    id = "crawlable-links"
    title = "Pages are linked with <a href>"
    failure_title = "Some pages are linked only through scripts"
    description = (
        "Links in custom elements (<x-link href>), data-href attributes or onclick handlers work "
        "for a browser that runs scripts. The crawlers behind ChatGPT, Claude and Perplexity read the "
        "HTML as sent and run no JavaScript, and Google follows only <a> elements with an href: a page "
        "reached only that way may never be found or cited. Lists every internal target that no <a "
        "href> on the crawled pages points to, with the element that links it; the score is the share "
        "of such script-linked targets that are also linked properly. Sources: Google Search Central, "
        "'Make your links crawlable'; Vercel and MERJ, 'The rise of the AI crawler' (December 2024)."
    )
    category = "technical"
    weight = 1
    effort = "low"
    remedy = "Render the listed links as <a href> elements (a custom element may wrap one)."
    rule = (
        "internal targets linked only by custom elements (`<x-link href>`), `data-href`/`data-url` or "
        "`onclick` location handlers and by no `<a href>` on the crawled pages "
        "(spiders/extract_script_links.py); score = share of script-linked targets also linked with `<a "
        "href>`. Their targets are fetched, so broken ones count in broken-internal-links."
    )
    scope = "site"
    requires = ("html",)
    columns = {"url": "url", "target": "url", "element": "code", "anchor": "text"}
    messages = {
        "none": "No page links internal pages only through scripts.",
        "also-linked": "{pages} page(s) linked by script elements are also linked with <a href>.",
        "hidden": (
            "{pages} internal page(s) are linked only through custom elements, data-href or onclick (no <a href> "
            "anywhere on the crawled pages): AI crawlers that run no JavaScript do not find them. Make these links "
            "<a href> elements (a custom element may wrap one)."
        ),
        "note-script-only": "only a script can follow it",
    }

    def evaluate(self, site: SiteData) -> Outcome:
        linked = {site.resolve(link.url) for page in site.linking_pages for link in page.links if link.internal}
        rows: list[dict] = []
        targets: dict[str, bool] = {}  # script-linked internal target -> also linked with <a href>
        for page in site.linking_pages:
            source = page.final_url or page.url
            for link in page.script_links:
                if not link.internal:
                    continue
                target = site.resolve(link.url)
                reachable = target in linked
                targets.setdefault(target, reachable)
                if not reachable and len(rows) < MAX_ROWS:
                    rows.append({"url": source, "target": link.url, "element": link.element, "anchor": link.anchor})
        if not targets:
            return Outcome("pass", 1.0, self.msg("none"))
        hidden = sorted(t for t, ok in targets.items() if not ok)
        if not hidden:
            return Outcome("pass", 1.0, self.msg("also-linked", pages=len(targets)))
        score = round(1 - len(hidden) / len(targets), 4)
        evidence = [
            Evidence(url=row["url"], element=row["element"], excerpt=row["target"], note=self.msg("note-script-only"))
            for row in rows[:50]
        ]
        return Outcome(
            "warn" if score >= WARN_SHARE else "fail",
            score,
            self.msg("hidden", pages=len(hidden)),
            rows,
            evidence,
            hidden,
        )
