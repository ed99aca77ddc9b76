"""generic-anchors: internal links say where they lead ("Förderung für Wärmepumpen", not "hier")."""

from __future__ import annotations

import re

from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.registry import Check, register
from scoring.site import SiteData

GENERIC = frozenset(
    """
    hier | mehr | klicken sie hier | hier klicken | hier klicken! | weiterlesen | weiter lesen | mehr lesen
    | mehr erfahren | mehr dazu | mehr infos | mehr informationen | details | zum artikel | link
    | diese seite | dieser link | siehe hier | read more | more | click here | here | learn more
    | continue reading | this page | this link | details | more info | go
    """.replace("\n", " ").split("|")
)
GENERIC = frozenset(g.strip() for g in GENERIC if g.strip())
_CLEAN = re.compile(r"(?<![\s»›→>….:!])[\s»›→>….:!]+$|^[\s»›→>]+")


def normalise(anchor: str) -> str:
    return _CLEAN.sub("", " ".join(anchor.lower().split()))


@register
class GenericAnchors(Check):
    id = "generic-anchors"
    title = "Link texts describe their target"
    failure_title = "Links use generic texts like 'hier' or 'read more'"
    description = (
        "Crawlers and answer engines read the anchor text as a description of the linked page; "
        "'hier', 'mehr', 'klicken Sie hier' or 'read more' say nothing about it and are useless "
        "out of context (screen readers list links by text, WCAG 2.4.4). Every internal link in "
        "the running text whose visible text is one of a German/English list of generic phrases "
        "is reported. Sources: Google Search Central, 'Link best practices' (anchor text); W3C "
        "WCAG 2.2 SC 2.4.4 Link Purpose."
    )
    category = "links"
    weight = 1
    effort = "low"
    remedy = (
        "Replace link texts like “click here” or “more” with words that say what the target is about."
    )
    rule = (
        "fail when an internal link in the content/aside has a generic text: hier, mehr, klicken Sie "
        "hier, weiterlesen, mehr erfahren, read more, click here, learn more, … (list in the check; "
        "trailing »/→/… ignored)."
    )
    scope = "page"
    requires = ("html",)
    messages = {
        "descriptive": "All content links have descriptive texts.",
        "generic": "{count} link(s) with generic text: {anchors}",
        "note-generic": "generic link text",
    }

    def applies_to(self, page: PageRecord, site: SiteData) -> bool:
        return page.ok and any(link.internal and link.position in ("content", "aside") for link in page.links)

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        generic = [
            link
            for link in page.links
            if link.internal and link.position in ("content", "aside") and normalise(link.anchor) in GENERIC
        ]
        if not generic:
            return PageOutcome(url=page.url, state="pass", reason=self.msg("descriptive"))
        evidence = [
            Evidence(url=page.url, element=f"a[href={link.url}]", excerpt=link.anchor, note=self.msg("note-generic"))
            for link in generic[:10]
        ]
        anchors = ", ".join(sorted({f"'{link.anchor.strip()}'" for link in generic})[:5])  # crawled text
        return PageOutcome(
            url=page.url,
            state="fail",
            reason=self.msg("generic", count=len(generic), anchors=anchors),
            evidence=evidence,
        )
