"""js-only-structured-data: JSON-LD is in the HTML as sent, not injected by JavaScript (`--render`)."""

from __future__ import annotations

from scoring.audit import WARN_SHARE
from scoring.core.records import PageRecord, RenderedView
from scoring.core.results import Evidence
from scoring.registry import Outcome, register
from scoring.rendering import RenderedCheck, jsonld_types
from scoring.site import SiteData


@register
class JsOnlyStructuredData(RenderedCheck):
    id = "js-only-structured-data"
    title = "Structured data is in the HTML as sent"
    failure_title = "Structured data is injected by JavaScript"
    description = (
        "JSON-LD that a tag manager or script injects after load is read by Google, which renders pages, "
        "but not by the AI crawlers that run no JavaScript: the organisation, reviews, products or articles "
        "it describes are missing for them. Compares the JSON-LD types of the raw HTML with those of the "
        "page rendered in headless Chromium (`--render`). Sources: Vercel and MERJ, 'The rise of the AI "
        "crawler' (December 2024); Google Search Central, 'Generate structured data with JavaScript'."
    )
    category = "technical"
    weight = 1
    effort = "medium"
    remedy = "Print the JSON-LD into the page template on the server instead of injecting it with a tag manager."
    rule = (
        "rendered pages (`--render`; not applicable without). A page fails when its rendered DOM has JSON-LD "
        "@types (top level and @graph) that its raw HTML lacks. Score (AI crawlers) = the share of rendered "
        "pages without such types; warn from 80 %, fail below. Google's rendering crawlers read them all."
    )
    columns = {"url": "url", "types_raw": "code", "types_rendered": "code", "only_after_js": "code"}
    messages = {
        "ok": (
            "No rendered page gains structured data from JavaScript (AI crawlers without JavaScript: {ai} %; "
            "Google's rendering crawlers: {google} %)."
        ),
        "injected": (
            "On {count} of {pages} rendered {pages:plural:page:pages} JSON-LD appears only after JavaScript "
            "(AI crawlers without JavaScript: {ai} %; Google's rendering crawlers: {google} %)."
        ),
        "note-injected": "JSON-LD {types} only after JavaScript",
    }

    def compare(self, site: SiteData, pairs: list[tuple[PageRecord, RenderedView]]) -> Outcome:
        rows, evidence, affected = [], [], []
        for page, view in pairs:
            raw, rendered = jsonld_types(page.structured_data), jsonld_types(view.structured_data)
            added = sorted(rendered - raw)
            if not added:
                continue
            affected.append(page.url)
            types = ", ".join(added)
            rows.append(
                {
                    "url": page.url,
                    "types_raw": ", ".join(sorted(raw)),
                    "types_rendered": ", ".join(sorted(rendered)),
                    "only_after_js": types,
                }
            )
            evidence.append(
                Evidence(
                    url=page.url,
                    element="script[type=application/ld+json]",
                    excerpt=types,
                    note=self.msg("note-injected", types=types),
                )
            )
        score = round(1 - len(affected) / len(pairs), 4)
        params = {"pages": len(pairs), "ai": round(100 * score), "google": 100}
        if not affected:
            return Outcome("pass", score, self.msg("ok", **params))
        state = "warn" if score >= WARN_SHARE else "fail"
        return Outcome(state, score, self.msg("injected", count=len(affected), **params), rows, evidence, affected)
