"""js-changed-head: title, meta description, canonical and robots directives are not changed by JavaScript."""

from __future__ import annotations

from scoring.core.records import PageRecord, RenderedView
from scoring.core.results import Evidence
from scoring.registry import Outcome, register
from scoring.rendering import RenderedCheck, head_changes
from scoring.site import SiteData

SEVERE = ("canonical", "robots")  # what decides indexing: two crawler classes read two different answers
ELEMENTS = {
    "title": "title",
    "meta_description": 'meta[name="description"]',
    "canonical": 'link[rel="canonical"]',
    "robots": 'meta[name="robots"]',
}


@register
class JsChangedHead(RenderedCheck):
    id = "js-changed-head"
    title = "Scripts leave title, canonical and robots directives as sent"
    failure_title = "JavaScript changes title, canonical or robots directives"
    description = (
        "When a script rewrites the title, meta description, canonical URL or robots meta tag, crawlers that "
        "run no JavaScript (the AI crawlers) and Google, which renders, read different pages: Google may "
        "index a canonical or noindex the AI crawlers never see, or the reverse. Google advises against "
        "changing the canonical with JavaScript and keeps a noindex from the raw HTML even when a script "
        "removes it. Sources: Google Search Central, 'Understand the JavaScript SEO basics' (canonical, "
        "robots meta tags); Vercel and MERJ, 'The rise of the AI crawler' (December 2024)."
    )
    category = "technical"
    weight = 1
    effort = "low"
    remedy = (
        "Set title, description, canonical and robots directives in the HTML the server sends; let scripts leave them."
    )
    rule = (
        "rendered pages (`--render`; not applicable without). Compares title, meta description, canonical and "
        "meta robots of the raw HTML and the rendered DOM (whitespace and case ignored). Fail: canonical or "
        "robots changed on a page; warn: only title or description changed. Score = the share of rendered "
        "pages without changes (for both crawler classes: each reads its own, conflicting version)."
    )
    columns = {"url": "url", "field": "code", "raw": "text", "rendered": "text"}
    messages = {
        "ok": (
            "Scripts change no title, description, canonical or robots directive on {pages} rendered "
            "{pages:plural:page:pages}."
        ),
        "changed": (
            "JavaScript changes the head of {count} of {pages} rendered {pages:plural:page:pages}: AI crawlers "
            "without JavaScript read the HTML as sent, Google's rendering crawlers the changed version."
        ),
        "note-changed": "{field}: '{raw}' in the HTML, '{rendered}' after JavaScript",
        "none": "(none)",
    }

    def compare(self, site: SiteData, pairs: list[tuple[PageRecord, RenderedView]]) -> Outcome:
        rows, evidence, affected = [], [], []
        severe = False
        for page, view in pairs:
            changes = head_changes(page, view)
            if not changes:
                continue
            affected.append(page.url)
            for change in changes:
                severe = severe or change.field in SEVERE
                raw, new = change.raw or "", change.rendered or ""
                rows.append({"url": page.url, "field": change.field, "raw": raw, "rendered": new})
                note = self.msg("note-changed", field=change.field, raw=raw or "-", rendered=new or "-")
                evidence.append(Evidence(url=page.url, element=ELEMENTS[change.field], excerpt=new, note=note))
        score = round(1 - len(affected) / len(pairs), 4)
        if not affected:
            return Outcome("pass", score, self.msg("ok", pages=len(pairs)))
        explanation = self.msg("changed", count=len(affected), pages=len(pairs))
        return Outcome("fail" if severe else "warn", score, explanation, rows, evidence[:50], affected)
