"""shell-page: no page is an empty shell whose text only JavaScript writes (`--render`)."""

from __future__ import annotations

from scoring.core.records import PageRecord, RenderedView
from scoring.core.results import Evidence
from scoring.registry import Outcome, register
from scoring.rendering import SHELL_WORDS, RenderedCheck, excerpt, is_shell
from scoring.site import SiteData


@register
class ShellPage(RenderedCheck):
    id = "shell-page"
    title = "No page is an empty shell without JavaScript"
    failure_title = "Pages are empty shells without JavaScript"
    description = (
        "A client-rendered page (a single-page app, a site-builder page) sends an almost empty HTML "
        "document and writes its text with JavaScript. Google renders it; the AI crawlers behind "
        "ChatGPT, Claude and Perplexity, which run no JavaScript, receive nothing to read, quote or "
        "cite. Compares the raw HTML with the page rendered in headless Chromium (`--render`). Sources: "
        "Vercel and MERJ, 'The rise of the AI crawler' (December 2024); Google Search Central, "
        "'Understand the JavaScript SEO basics'."
    )
    category = "technical"
    weight = 2  # a shell is invisible to AI answer engines as a whole
    effort = "high"
    remedy = (
        "Render these pages on the server or generate them statically (SSR/SSG: Next.js, Nuxt, Astro, "
        "prerendering) so that the HTML carries the text."
    )
    rule = (
        f"rendered pages (`--render`; not applicable without). Fail: a page with fewer than {SHELL_WORDS} "
        f"main-text words in the raw HTML and at least {SHELL_WORDS} (and three times as many) after "
        "JavaScript. Score (AI crawlers) = the share of rendered pages that are no shell; Google's rendering "
        "crawlers read them all."
    )
    columns = {"url": "url", "words_raw": "number", "words_rendered": "number", "app_root": "code"}
    messages = {
        "ok": "None of {pages} rendered {pages:plural:page is:pages is} an empty shell without JavaScript.",
        "shells": (
            "{count} of {pages} rendered pages {count:plural:is:are} empty without JavaScript: AI crawlers "
            "read {raw} words where a browser shows {rendered} (Google's rendering crawlers see the text)."
        ),
        "note-shell": "{raw} words in the HTML as sent, {rendered} after JavaScript",
    }

    def compare(self, site: SiteData, pairs: list[tuple[PageRecord, RenderedView]]) -> Outcome:
        shells = [(page, view) for page, view in pairs if is_shell(page, view)]
        score = round(1 - len(shells) / len(pairs), 4)
        if not shells:
            return Outcome("pass", score, self.msg("ok", pages=len(pairs)))
        rows = [
            {"url": p.url, "words_raw": p.word_count, "words_rendered": v.word_count, "app_root": p.app_root or ""}
            for p, v in shells
        ]
        evidence = [
            Evidence(
                url=p.url,
                element=p.app_root or "body",
                excerpt=excerpt(v.main_text, 200),
                note=self.msg("note-shell", raw=p.word_count, rendered=v.word_count),
            )
            for p, v in shells[:50]
        ]
        raw, rendered = sum(p.word_count for p, _ in shells), sum(v.word_count for _, v in shells)
        explanation = self.msg("shells", count=len(shells), pages=len(pairs), raw=raw, rendered=rendered)
        return Outcome("fail", score, explanation, rows, evidence, [p.url for p, _ in shells])
