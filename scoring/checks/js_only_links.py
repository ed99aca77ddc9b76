"""js-only-links: internal links exist as <a href> in the HTML as sent, not only after JavaScript."""

from __future__ import annotations

from scoring.core.records import PageRecord, RenderedView
from scoring.core.results import Evidence
from scoring.registry import Outcome, register
from scoring.rendering import RenderedCheck, internal_targets
from scoring.site import SiteData

MAX_ROWS = 200


@register
class JsOnlyLinks(RenderedCheck):
    id = "js-only-links"
    title = "Internal links are in the HTML as sent"
    failure_title = "Some internal links exist only after JavaScript"
    description = (
        "A link that a script inserts is followed by Google's rendering crawlers but not by the AI crawlers "
        "that run no JavaScript (GPTBot, ClaudeBot, PerplexityBot): pages reached only that way stay unknown "
        "to them. Compares the internal <a href> links of the raw HTML with those of the page rendered in "
        "headless Chromium (`--render`). Links in custom elements, data-href or onclick (followed by no "
        "crawler) are the crawlable-links check's. Sources: Vercel and MERJ, 'The rise of the AI crawler' "
        "(December 2024); Google Search Central, 'Make your links crawlable'."
    )
    category = "technical"
    weight = 1
    effort = "medium"
    remedy = "Write navigation and related links into the HTML the server sends, not with scripts after load."
    rule = (
        "rendered pages (`--render`; not applicable without). Internal <a href> targets in the rendered DOM "
        "that the page's raw HTML does not link. Fail: such a target is linked by no raw <a href> anywhere on "
        "the crawled site (AI crawlers cannot reach it); warn: script-inserted links whose targets are linked "
        "elsewhere. Score (AI crawlers) = the share of rendered internal link targets in the raw HTML; "
        "Google's rendering crawlers follow them all."
    )
    columns = {"url": "url", "target": "url", "anchor": "text", "linked_elsewhere": "message"}
    messages = {
        "ok": (
            "The rendered {pages:plural:page has:pages have} no internal links the HTML lacks (AI crawlers "
            "without JavaScript: {ai} %; Google's rendering crawlers: {google} %)."
        ),
        "hidden": (
            "{links} internal {links:plural:link appears:links appear} only after JavaScript on {count} "
            "{count:plural:page:pages}; {unreachable} {unreachable:plural:target is:targets are} linked nowhere "
            "in the HTML as sent (AI crawlers without JavaScript: {ai} %; Google's rendering crawlers: {google} %)."
        ),
        "note-js-link": "<a href> inserted by JavaScript",
        "yes": "yes",
        "no": "no",
    }

    def compare(self, site: SiteData, pairs: list[tuple[PageRecord, RenderedView]]) -> Outcome:
        raw_anywhere = {site.resolve(link.url) for p in site.linking_pages for link in p.links if link.internal}
        rows, evidence, affected = [], [], []
        total = seen_raw = 0
        unreachable: set[str] = set()
        for page, view in pairs:
            raw = internal_targets(page.links)
            rendered = internal_targets(view.links)
            total += len(rendered)
            seen_raw += len(rendered & raw)
            added = [link for link in view.links if link.internal and link.url not in raw]
            if added:
                affected.append(page.url)
            for link in {link.url: link for link in added}.values():
                elsewhere = site.resolve(link.url) in raw_anywhere
                if not elsewhere:
                    unreachable.add(link.url)
                if len(rows) < MAX_ROWS:
                    rows.append(
                        {
                            "url": page.url,
                            "target": link.url,
                            "anchor": link.anchor,
                            "linked_elsewhere": self.msg("yes" if elsewhere else "no"),
                        }
                    )
                    evidence.append(
                        Evidence(
                            url=page.url,
                            element=f'a[href="{link.url}"]',
                            excerpt=link.anchor or link.url,
                            note=self.msg("note-js-link"),
                        )
                    )
        ai = seen_raw / total if total else 1.0
        params = {"pages": len(pairs), "ai": round(100 * ai), "google": 100}
        if not affected:
            return Outcome("pass", round(ai, 4), self.msg("ok", **params), rows)
        explanation = self.msg("hidden", links=len(rows), count=len(affected), unreachable=len(unreachable), **params)
        return Outcome("fail" if unreachable else "warn", round(ai, 4), explanation, rows, evidence[:50], affected)
