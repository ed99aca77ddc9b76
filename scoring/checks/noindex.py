"""noindex: no page keeps itself out of search and AI answers with robots directives.

Reads the meta robots tag and the X-Robots-Tag header. `noindex`/`none` fail; `nosnippet` and
`max-snippet:0` warn (the page stays indexed but no text of it may be shown or quoted). A
directive scoped to one crawler ("googlebot: noindex") counts when that crawler is a search/answer
or user-fetch agent of `scoring.core.ai_agents`; scoped to a training crawler or an unknown bot, it does
not affect answers and is ignored.
"""

from __future__ import annotations

from collections.abc import Sequence

from scoring.core.messages import Message, join
from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.registry import Check, Outcome, register
from scoring.robots_directives import Directive, counts, parse_directives
from scoring.site import SiteData

# (record field, evidence element, message key naming where the directive was found)
_SOURCES = (
    ("robots_meta", 'meta[name="robots"]', "source-meta"),
    ("x_robots_tag", "X-Robots-Tag", "source-header"),
)


def _label(directive: Directive) -> str:
    text = directive.name + (f":{directive.value}" if directive.value is not None else "")
    return f"{directive.scope}: {text}" if directive.scope else text


@register
class Noindex(Check):
    id = "noindex"
    title = "Pages may be indexed and quoted"
    failure_title = "Pages block indexing or snippets"
    description = (
        "A page with noindex (or none) in its meta robots tag or X-Robots-Tag header is dropped "
        "from the search index, and with it from AI Overviews, Copilot and the answer engines "
        "that build on search indexes. nosnippet and max-snippet:0 keep the page indexed but "
        "forbid showing or quoting its text, which also excludes it from Google's AI features. "
        "Sources: Google Search Central, 'Block Search indexing with noindex' and 'Robots meta "
        "tag, data-nosnippet, and X-Robots-Tag specifications'; 'AI features and your website'."
    )
    category = "technical"
    weight = 2
    effort = "low"
    remedy = "Remove noindex from pages that should appear in search and AI answers."
    rule = "`noindex` (meta robots or X-Robots-Tag) on a page: fail; `nosnippet`/`max-snippet:0`: warn."
    scope = "page"
    requires = ("html",)
    messages = {
        "found-in": "{directive} in {source}",
        "source-meta": "meta robots",
        "source-header": "X-Robots-Tag header",
        "note-noindex": "{directive}: the page is kept out of the search index and AI answers",
        "note-nosnippet": "{directive}: no text of the page may be shown or quoted in results and AI answers",
        # blockers (CheckResult.blocker)
        "blocker-home": (
            "The home page is set to noindex ({reason}): search engines and the answer engines built on them "
            "drop the site's most important page."
        ),
        "blocker-most": (
            "{noindex} of {rated} pages are set to noindex: most of the site is kept out of search and AI answers."
        ),
    }

    def blocker(self, outcome: Outcome, site: SiteData, pages: Sequence[PageOutcome] = ()) -> Message | None:
        """A blocker for site-wide noindex: on the home page, or on more than half of the pages
        rated (nosnippet, a warning, is no blocker)."""
        rated = [p for p in pages if p.score is not None]
        noindex = [p for p in rated if p.state == "fail"]
        home = site.home
        at_home = next((p for p in noindex if home is not None and p.url == home.url), None)
        if at_home is not None:
            return self.msg("blocker-home", reason=at_home.reason_message or at_home.reason)
        if len(noindex) * 2 > len(rated):
            return self.msg("blocker-most", noindex=len(noindex), rated=len(rated))
        return None

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        blocking: list[Directive] = []
        snippet: list[Directive] = []
        for field_name, _element, _where in _SOURCES:
            raw = getattr(page, field_name)
            if not raw:
                continue
            for directive in parse_directives(raw, field_name):
                if not counts(directive):
                    continue
                if directive.name in ("noindex", "none"):
                    blocking.append(directive)
                elif directive.name == "nosnippet" or (
                    directive.name == "max-snippet" and (directive.value or "").strip() == "0"
                ):
                    snippet.append(directive)
        if not blocking and not snippet:
            return PageOutcome(url=page.url, state="pass")
        findings = blocking or snippet
        note = "note-noindex" if blocking else "note-nosnippet"
        where = {f: (element, label) for f, element, label in _SOURCES}
        evidence = [
            Evidence(
                url=page.url,
                element=where[d.source][0],
                excerpt=d.raw,
                note=self.msg(note, directive=_label(d)),
            )
            for d in findings
        ]
        reason = join(
            [self.msg("found-in", directive=_label(d), source=self.msg(where[d.source][1])) for d in findings]
        )
        return PageOutcome(url=page.url, state="fail" if blocking else "warn", reason=reason, evidence=evidence)
