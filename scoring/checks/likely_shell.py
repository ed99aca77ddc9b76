"""likely-shell: without `--render`, a page that looks like a client-rendered shell is named as such.

A framework root element (<div id="app">, <div id="root">, __next …) or many scripts, with next to no
text in the HTML: the page is probably written by JavaScript. The audit cannot rate its content from
the HTML it has, so it says so and recommends `--render` instead of rating an empty page as thin.
"""

from __future__ import annotations

from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.registry import Check, register
from scoring.rendering import MANY_SCRIPTS, SHELL_WORDS, looks_like_app
from scoring.site import SiteData


@register
class LikelyShell(Check):
    id = "likely-shell"
    title = "Framework pages carry their text in the HTML"
    failure_title = "Pages look like empty JavaScript shells"
    description = (
        "A page with a JavaScript framework's root element or many scripts and next to no text in its HTML "
        "is probably written in the browser. AI crawlers that run no JavaScript (GPTBot, ClaudeBot, "
        "PerplexityBot) then read an empty page, and the audit cannot rate content it does not see: run it "
        "with `--render` to compare with the rendered page. Sources: Vercel and MERJ, 'The rise of the AI "
        "crawler' (December 2024); Google Search Central, 'Understand the JavaScript SEO basics'."
    )
    category = "technical"
    weight = 1
    effort = "high"
    remedy = (
        "Check the pages with `geo-audit audit URL --render`; deliver their text in the HTML (server-side "
        "rendering or static generation)."
    )
    rule = (
        "analysed pages not rendered (without `--render`, or outside its sample) that have a framework root "
        f"element (id app, root, __next, __nuxt, ___gatsby; ng-version, data-reactroot) or {MANY_SCRIPTS}+ scripts; "
        f"other pages: not applicable. Warn: fewer than {SHELL_WORDS} main-text words (a likely shell; "
        "recommends --render); pass: the framework page carries its text (server-rendered)."
    )
    scope = "page"
    requires = ("html",)
    messages = {
        "server-rendered": "a framework page with {words} words in the HTML as sent (server-rendered)",
        "shell": (
            "likely an empty JavaScript shell: {words} words in the HTML, {scripts} "
            "{scripts:plural:script:scripts}{root}; run the audit with --render to see what a browser shows"
        ),
        "root": ", root element {element}",
        "note-shell": "AI crawlers without JavaScript read {words} words here",
    }

    def applies_to(self, page: PageRecord, site: SiteData) -> bool:
        rendered = page.rendered is not None and page.rendered.error is None
        return page.ok and not rendered and looks_like_app(page)

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        if page.word_count >= SHELL_WORDS:
            return PageOutcome(url=page.url, state="pass", reason=self.msg("server-rendered", words=page.word_count))
        root = self.msg("root", element=page.app_root) if page.app_root else ""
        reason = self.msg("shell", words=page.word_count, scripts=page.scripts, root=root)
        evidence = Evidence(
            url=page.url,
            element=page.app_root or "script",
            excerpt=page.title,
            note=self.msg("note-shell", words=page.word_count),
        )
        return PageOutcome(url=page.url, state="warn", reason=reason, evidence=[evidence])
