"""redirecting-internal-links: internal links point at the final URL, not at a redirect."""

from __future__ import annotations

from scoring.core.results import Evidence
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData

MAX_ROWS = 500


@register
class RedirectingInternalLinks(Check):
    id = "redirecting-internal-links"
    title = "Internal links point at final URLs"
    failure_title = "Internal links go through redirects"
    description = (
        "Each redirect hop costs crawlers a request and, in long chains, some link equity; "
        "search engines recommend linking to the final URL. Every internal link whose target "
        "answered with a 3xx redirect in this crawl is listed with the URL it ends at. Score = "
        "share of linking pages without such links. Sources: Google Search Central, 'Redirects "
        "and Google Search'; Screaming Frog 'Internal redirects' report."
    )
    category = "links"
    weight = 1
    effort = "low"
    remedy = "Point internal links straight at the final URL instead of a redirect."
    rule = (
        "internal links whose target answered 3xx, with the URL they end at. Score = 1 − linking pages "
        "with such links / linking pages; warn from 0.8."
    )
    scope = "site"
    requires = ("html",)
    columns = {
        "url": "url",
        "link": "url",
        "ends_at": "url",
        "status": "code",
        "anchor": "text",
        "position": "message",
    }
    messages = {
        "no-links": "No internal links were found.",
        "none": "No internal link on {pages} pages goes through a redirect.",
        "found": (
            "{links} internal link(s) on {pages} page(s) point at {targets} redirecting URL(s); link to the final "
            "URL instead."
        ),
        "note-redirect": "HTTP {status} → {target}",
        # where on the page the link sits (scoring.core.records.LinkPosition)
        "position-content": "content",
        "position-aside": "aside",
        "position-nav": "nav",
        "position-header": "header",
        "position-footer": "footer",
    }

    def evaluate(self, site: SiteData) -> Outcome:
        rows: list[dict] = []
        sources_with, sources = set(), set()
        for page in site.html_pages:
            source = page.final_url or page.url
            for link in page.links:
                if not link.internal:
                    continue
                sources.add(source)
                record = site.by_url.get(link.url)
                if record is not None and record.redirect_target:
                    sources_with.add(source)
                    rows.append(
                        {
                            "url": source,
                            "link": link.url,
                            "ends_at": site.resolve(link.url),
                            "status": record.status,
                            "anchor": link.anchor,
                            "position": self.msg(f"position-{link.position}"),
                        }
                    )
        if not sources:
            return Outcome("not_applicable", explanation=self.msg("no-links"))
        if not rows:
            return Outcome("pass", 1.0, self.msg("none", pages=len(sources)))
        score = round(1 - len(sources_with) / len(sources), 4)
        evidence = [
            Evidence(
                url=r["url"],
                element=f"a[href={r['link']}]",
                excerpt=r["anchor"] or None,
                note=self.msg("note-redirect", status=str(r["status"]), target=r["ends_at"]),
            )
            for r in rows[:50]
        ]
        targets = sorted({r["link"] for r in rows})
        return Outcome(
            "warn" if score >= 0.8 else "fail",
            score,
            self.msg("found", links=len(rows), pages=len(sources_with), targets=len(targets)),
            rows[:MAX_ROWS],
            evidence,
            sorted(sources_with) + targets,
        )
