"""author-byline: articles show readers who wrote them."""

from __future__ import annotations

import re

from scoring.checks.person_schema import jsonld_authors
from scoring.lexicons import NAME
from scoring.records import AuthorSignal, PageRecord
from scoring.registry import ArticleCheck, register
from scoring.results import Evidence, PageOutcome
from scoring.site import SiteData
from scoring.text import excerpt

# "Von Jana Albrecht | 3. März 2025", "By Dr. Tom Baker, energy consultant", "Autorin: Jana Albrecht"
BYLINE_RE = re.compile(
    rf"^\s*(?:(?i:von|by|written by|geschrieben von|text|autor(?:in)?|author)\s*:?)\s+(?P<name>{NAME})"
    r"(?=\s*(?:$|[,|·•–—(/&]|-\s|\d|am\b|on\b|und\b|and\b|(?i:veröffentlicht|published|aktualisiert|updated)))",
    re.MULTILINE,
)
BYLINE_SEARCH_CHARS = 400  # "near the top": the first lines of the main text

ELEMENT = {
    "rel-author": "a[rel=author]",
    "itemprop": "[itemprop=author]",
    "byline-class": ".byline / .author",
    "byline-text": "byline text",
    "json-ld": "json-ld author",
    "meta": "meta[name=author]",
}


def visible_byline(text: str) -> str | None:
    """The author named in a "Von NAME" / "By NAME" line at the top of the text, if any."""
    match = BYLINE_RE.search(text[:BYLINE_SEARCH_CHARS])
    return match.group("name") if match else None


def _evidence(page: PageRecord, signal: AuthorSignal, note: str) -> Evidence:
    return Evidence(url=page.url, element=ELEMENT.get(signal.source, signal.source),
                    excerpt=signal.name or signal.url, note=note)


@register
class AuthorByline(ArticleCheck):
    id = "author-byline"
    title = "Articles show a visible author"
    failure_title = "Articles do not show who wrote them"
    description = (
        "Readers, quality raters and answer engines first ask who created the content. A visible "
        "byline (ideally linked to an author page with credentials) is the most direct E-E-A-T "
        "signal; an author hidden in JSON-LD or a meta tag is invisible to readers. Sources: "
        "Google Search Quality Rater Guidelines (who created the main content); Google Search "
        "Central, 'Creating helpful, reliable, people-first content' (Who, How, Why)."
    )
    category = "expertise"

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        visible = [s for s in page.author_signals if s.visible]
        if visible:
            names = sorted({s.name for s in visible if s.name})
            reason = f"visible author: {', '.join(names)}" if names else "visible author markup"
            return PageOutcome(url=page.url, state="pass", reason=reason,
                               evidence=[_evidence(page, visible[0], "visible byline")])
        name = visible_byline(page.main_text)
        if name:
            line = next(ln for ln in page.main_text.split("\n") if name in ln)
            return PageOutcome(
                url=page.url, state="pass", reason=f"visible author: {name}",
                evidence=[Evidence(url=page.url, element="byline text", excerpt=excerpt(line),
                                   note="byline at the top of the text")],
            )
        hidden = [s for s in page.author_signals if not s.visible]
        if hidden:
            names = sorted({s.name for s in hidden if s.name}) or ["(unnamed)"]
            return PageOutcome(
                url=page.url, state="warn",
                reason=f"author {', '.join(names)} only in {hidden[0].source} markup, not visible to readers",
                evidence=[_evidence(page, hidden[0], "invisible to readers: show it as a byline")],
            )
        in_jsonld = [a for a in jsonld_authors(page, site) if a.name and a.kind != "unresolved"]
        if in_jsonld:
            return PageOutcome(
                url=page.url, state="warn",
                reason=f"author {in_jsonld[0].name} only in JSON-LD, not visible to readers",
                evidence=[Evidence(url=page.url, element=in_jsonld[0].element, excerpt=in_jsonld[0].name,
                                   note="invisible to readers: show it as a byline")],
            )
        return PageOutcome(
            url=page.url, state="fail", reason="no author named on the page",
            evidence=[Evidence(url=page.url, element="byline",
                               note="no rel=author, itemprop=author, byline, 'Von/By NAME' or JSON-LD author")],
        )
