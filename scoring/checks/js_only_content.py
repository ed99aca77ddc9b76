"""js-only-content: the main content is in the HTML as sent, not built by JavaScript (`--render`).

Per rendered page, the share of the rendered main text's words that the raw HTML lacks (what an AI
crawler that runs no JavaScript cannot read). Its details carry the per-template comparison the
report's "What AI crawlers see" section shows: words and text excerpts of both views and a screenshot
of the rendered page (one per template).
"""

from __future__ import annotations

from scoring.core.records import PageRecord, RenderedView
from scoring.core.results import Evidence
from scoring.registry import Outcome, register
from scoring.rendering import RenderedCheck, excerpt, hidden_lines, hidden_share, template_key
from scoring.site import SiteData

FAIL_SHARE = 0.5  # half the content or more appears only after JavaScript
WARN_SHARE = 0.2
MIN_HIDDEN_WORDS = 20  # a changed date or a cookie banner line is no hidden content
MAX_ROWS = 100


def percent(value: float) -> int:
    return round(100 * value)


@register
class JsOnlyContent(RenderedCheck):
    id = "js-only-content"
    title = "The main content is in the HTML as sent"
    failure_title = "Content appears only after JavaScript"
    description = (
        "The crawlers behind ChatGPT, Claude and Perplexity read the HTML the server sends and run no "
        "JavaScript: Vercel and MERJ found GPTBot and ClaudeBot fetching JavaScript files but never "
        "executing them. Google's crawlers (Search, Gemini, AI Overviews) render pages with a browser. "
        "Text that a script builds is therefore invisible to most AI answer engines even when Google "
        "indexes it. Compares the main text of the raw HTML with the page rendered in headless "
        "Chromium (`--render`). Sources: Vercel and MERJ, 'The rise of the AI crawler' (December 2024); "
        "Google Search Central, 'Understand the JavaScript SEO basics'."
    )
    category = "technical"
    weight = 2  # what AI crawlers cannot read they cannot cite: the core of what --render measures
    effort = "high"
    remedy = (
        "Deliver the main content in the HTML: server-side rendering or static generation (Next.js, Nuxt, "
        "Astro, the CMS's own templates) instead of building the text in the browser."
    )
    rule = (
        "rendered pages (`--render`; not applicable without). Per page: the share of the rendered main "
        "text's words missing from the raw HTML's main text (word multiset difference). Fail: a page with "
        "50 % or more hidden (and at least 20 hidden words); warn: 20 % or more. Score (AI crawlers without "
        "JavaScript) = the mean visible share over rendered pages; Google's rendering crawlers see 100 %."
    )
    columns = {
        "template": "code",
        "url": "url",
        "words_raw": "number",
        "words_rendered": "number",
        "hidden_percent": "number",
        "raw_text": "text",
        "rendered_text": "text",
        "screenshot": "message",  # the data: URI rides in the message's parameters: the card shows a word
    }
    messages = {
        "ok": (
            "On {pages} rendered {pages:plural:page:pages} the main content is in the HTML as sent "
            "(AI crawlers without JavaScript: {ai} %; Google's rendering crawlers: {google} %)."
        ),
        "hidden": (
            "On {count} of {pages} rendered {pages:plural:page:pages} part of the main content appears only "
            "after JavaScript (AI crawlers without JavaScript see {ai} % of the content; Google's rendering "
            "crawlers: {google} %)."
        ),
        "note-hidden": "{percent} % of the main text ({words} words) only after JavaScript",
        "screenshot": "screenshot in the section 'What AI crawlers see'",
    }

    def compare(self, site: SiteData, pairs: list[tuple[PageRecord, RenderedView]]) -> Outcome:
        rows, evidence, affected = [], [], []
        shares, shown_templates = [], set()
        worst = 0
        for page, view in pairs:
            share = hidden_share(page.main_text, view.main_text)
            hidden_words = round(share * view.word_count)
            counts = hidden_words >= MIN_HIDDEN_WORDS
            shares.append(share)
            template = template_key(page)
            if counts and share >= WARN_SHARE:
                worst = max(worst, 2 if share >= FAIL_SHARE else 1)
                affected.append(page.url)
                lines = hidden_lines(page.main_text, view.main_text)
                note = self.msg("note-hidden", percent=percent(share), words=hidden_words)
                evidence.append(Evidence(url=page.url, element="main", excerpt=" / ".join(lines)[:300], note=note))
            if len(rows) < MAX_ROWS:
                rows.append(
                    {
                        "template": template,
                        "url": page.url,
                        "words_raw": page.word_count,
                        "words_rendered": view.word_count,
                        "hidden_percent": percent(share),
                        "raw_text": excerpt(page.main_text),
                        "rendered_text": excerpt(view.main_text),
                        # one screenshot per template: the report shows templates, not every page
                        "screenshot": self.msg("screenshot", uri=view.screenshot)
                        if view.screenshot and template not in shown_templates
                        else None,
                    }
                )
            shown_templates.add(template)
        ai = 1 - sum(shares) / len(shares)
        params = {"pages": len(pairs), "ai": percent(ai), "google": 100}
        if not worst:
            return Outcome("pass", round(ai, 4), self.msg("ok", **params), rows)
        state = "fail" if worst == 2 else "warn"
        return Outcome(state, round(ai, 4), self.msg("hidden", count=len(affected), **params), rows, evidence, affected)
