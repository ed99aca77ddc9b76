"""author-byline: articles show readers who wrote them."""

from __future__ import annotations

import re

from scoring.checks.person_schema import jsonld_authors
from scoring.core.lexicons import BYLINE_OPENERS, NAME, NAME_RE, ROLE_NOUN_ENDINGS, TITLE, clean_name, is_person_name
from scoring.core.messages import Message, element
from scoring.core.records import AuthorSignal, PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.core.text import excerpt
from scoring.registry import ArticleCheck, register
from scoring.site import SiteData

# "Von Jana Albrecht | 3. März 2025", "By Dr. Tom Baker, energy consultant", "Autorin: Jana Albrecht"
BYLINE_RE = re.compile(
    rf"^[ \t]*+(?:(?i:von|by|written by|geschrieben von|text|autor(?:in)?|author)\s*:?)\s+(?P<name>{NAME})"
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


# "Ein Gastbeitrag von", "Written by", "Words and photos:" — bylines anywhere (extras.byline_lines)
BYLINE_LINE_RE = re.compile(
    rf"^\W*(?i:{BYLINE_OPENERS})\s+(?P<name>{NAME})(?=\s*(?:$|[,.|·•–—(/&]|\d|am\b|on\b|und\b|and\b))"
)
# Titles before a name, stripped to compare names ("Dr.-Ing. Markus Feld" is "Markus Feld").
_LEADING_TITLES = re.compile(
    r"^(?:(?:Dr\.-Ing|Dr|Prof|med|dent|vet|rer|nat|phil|jur|Dipl\.-\w+|Ing|StB|RA|Mag)\.?\s+)+"
)
# German nouns are capitalised: "Leiter Speichertechnik" looks like a name. A first word ending like a
# role or an abstract noun is not a first name.
_NOT_FIRST_NAME = tuple(lx_end for lx_end in ROLE_NOUN_ENDINGS) + (
    "ung",
    "heit",
    "keit",
    "schaft",
    "technik",
    "tion",
    "team",
    "redaktion",
    "abteilung",
    "service",
)


def looks_like_person(name: str) -> bool:
    first = _LEADING_TITLES.sub("", name).split()[0].lower() if name.split() else ""
    return bool(first) and not first.endswith(_NOT_FIRST_NAME)


def name_key(name: str) -> str:
    """Titles stripped, case folded: "Dr.-Ing. Markus Feld" and "Markus Feld" are one person."""
    return _LEADING_TITLES.sub("", name).casefold()


_AFTER_BY = re.compile(r"(?:\b(?i:von|by)|:)\s+(?P<rest>.*)$")


def person_name(text: str) -> str | None:
    """The person's name in a byline text ("StB Andrea Lang", "Hörakustikmeisterin Nina Engel"), else None."""
    text = _strip_prefix(text)
    after = _AFTER_BY.search(text)  # "Ein Beitrag von NAME", "Geschrieben von StB NAME am ..."
    if after:
        named = NAME_RE.match(_LEADING_TITLES.sub("", after.group("rest")))
        if named:
            text = after.group("rest")
    match = NAME_RE.search(_LEADING_TITLES.sub("", text))
    if not match:
        return None
    name = clean_name(match.group(0))
    parts = name.split()
    while len(parts) > 2 and parts[0].lower().endswith(("meister", "meisterin", "berater", "beraterin")):
        parts.pop(0)  # "Hörakustikmeisterin Nina Engel": a role word, not a first name
    return " ".join(parts)


def _strip_prefix(text: str) -> str:
    text = re.sub(r"^\W*(?:über (?:den|die) autor(?:in)?|about the author)\s*:?\s*", "", text.strip(), flags=re.I)
    return re.sub(r"^\W*(?:von|by|autor(?:in)?:|author:)\s+", "", text, flags=re.I)


_CO_AUTHOR = re.compile(rf"^\s*(?:(?i:and|und)|&)\s+(?:{TITLE}\s+)*(?P<name>{NAME})")


def visible_authors(page: PageRecord) -> list[str]:
    """Every author name a reader sees on the page: author markup, bylines, names next to the date,
    and JSON-LD/meta authors whose name is printed near the title. Pure; German and English."""
    names: list[str] = []
    vetted: set[str] = set()  # spiders.extract_byline: placed with the content, a person's name or handle
    for signal in page.author_signals:
        if signal.source == "byline":
            names.append(person_name(signal.name) or signal.name)
            vetted.add(names[-1])
        elif signal.visible:
            name = person_name(signal.name)
            if name:
                names.append(name)
    top = visible_byline(page.main_text)
    if top:
        names.append(person_name(top) or top)
    for line in page.extras.byline_lines:
        match = BYLINE_LINE_RE.match(line)
        while match:  # "By Dr. Alan Fischer and Dr. Maria Lopez"
            names.append(person_name(match.group("name")) or match.group("name"))
            line = line[match.end() :]
            match = _CO_AUTHOR.match(line)
    header = page.extras.header_text.casefold()
    for signal in page.author_signals:
        if not signal.visible and is_person_name(signal.name) and signal.name.casefold() in header:
            name = person_name(signal.name)
            if name:
                names.append(name)
    unique: dict[str, str] = {}
    for name in names:
        if name in vetted or is_person_name(name):  # not "von ESPORTS NETWORK", "Produkt von Firma GmbH"
            unique.setdefault(name_key(name), name)
    return list(unique.values())


def _evidence(page: PageRecord, signal: AuthorSignal, note: Message) -> Evidence:
    return Evidence(
        url=page.url, element=ELEMENT.get(signal.source, signal.source), excerpt=signal.name or signal.url, note=note
    )


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
    weight = 3
    effort = "medium"
    remedy = "Show the author's name on every article, linked to an author page with qualifications."
    rule = (
        "pass: a visible author signal (`rel=author`, `itemprop=author`, byline/author class, \"Von NAME\" "
        "/ \"By NAME\" near the top). warn: author only in JSON-LD/meta (invisible to readers). fail: "
        "none."
    )
    messages = {
        "visible-author": "visible author: {names}",
        "visible-markup": "visible author markup",
        "visible-byline": "visible byline",
        "byline-at-top": "byline at the top of the text",
        "name-shown": "name shown to readers near the title or in a byline",
        "hidden-markup": "author {names} only in {source} markup, not visible to readers",
        "source-json-ld": "json-ld",
        "source-meta": "meta",
        "unnamed": "(unnamed)",
        "json-ld-only": "author {name} only in JSON-LD, not visible to readers",
        "show-as-byline": "invisible to readers: show it as a byline",
        "no-author": "no author named on the page",
        "no-author-signal": "no rel=author, itemprop=author, byline, 'Von/By NAME' or JSON-LD author",
    }

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        visible = [s for s in page.author_signals if s.visible]
        if visible:
            names = sorted({s.name for s in visible if s.name})
            reason = self.msg("visible-author", names=", ".join(names)) if names else self.msg("visible-markup")
            return PageOutcome(
                url=page.url,
                state="pass",
                reason=reason,
                evidence=[_evidence(page, visible[0], self.msg("visible-byline"))],
            )
        name = visible_byline(page.main_text)
        if name:
            line = next(ln for ln in page.main_text.split("\n") if name in ln)
            return PageOutcome(
                url=page.url,
                state="pass",
                reason=self.msg("visible-author", names=name),
                evidence=[
                    Evidence(
                        url=page.url,
                        element=element("byline-text"),
                        excerpt=excerpt(line),
                        note=self.msg("byline-at-top"),
                    )
                ],
            )
        seen = visible_authors(page)  # bylines elsewhere, names next to the date, schema names printed on the page
        if seen:
            line = next(
                (ln for ln in [*page.extras.byline_lines, *page.extras.header_text.split("\n")] if seen[0] in ln),
                seen[0],
            )
            return PageOutcome(
                url=page.url,
                state="pass",
                reason=self.msg("visible-author", names=", ".join(seen)),
                evidence=[
                    Evidence(
                        url=page.url,
                        element=element("byline-text"),
                        excerpt=excerpt(line),
                        note=self.msg("name-shown"),
                    )
                ],
            )
        hidden = [s for s in page.author_signals if not s.visible]
        if hidden:
            named = sorted({s.name for s in hidden if s.name})
            source = hidden[0].source
            return PageOutcome(
                url=page.url,
                state="warn",
                reason=self.msg(
                    "hidden-markup",
                    names=", ".join(named) if named else self.msg("unnamed"),
                    source=self.msg(f"source-{source}") if f"source-{source}" in self.messages else source,
                ),
                evidence=[_evidence(page, hidden[0], self.msg("show-as-byline"))],
            )
        in_jsonld = [a for a in jsonld_authors(page, site) if a.name and a.kind != "unresolved"]
        if in_jsonld:
            return PageOutcome(
                url=page.url,
                state="warn",
                reason=self.msg("json-ld-only", name=in_jsonld[0].name),
                evidence=[
                    Evidence(
                        url=page.url,
                        element=in_jsonld[0].element,
                        excerpt=in_jsonld[0].name,
                        note=self.msg("show-as-byline"),
                    )
                ],
            )
        return PageOutcome(
            url=page.url,
            state="fail",
            reason=self.msg("no-author"),
            evidence=[Evidence(url=page.url, element=element("byline"), note=self.msg("no-author-signal"))],
        )
