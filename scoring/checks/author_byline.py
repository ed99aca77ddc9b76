"""author-byline: articles show readers who wrote them."""

from __future__ import annotations

import re

from scoring.checks.person_schema import jsonld_authors
from scoring.core.lexicons import (
    AUTHOR_LABEL,
    BYLINE_OPENERS,
    MONTHS,
    NAME,
    NAME_RE,
    ROLE_NOUN_ENDINGS,
    ROLE_WORD,
    TITLE,
    clean_name,
    is_person_name,
    letters_key,
)
from scoring.core.memo import last_page
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
    if match is None:
        return None
    name = match.group("name").partition("\n")[0]  # a byline is one line: the heading under it names no one
    return unglued(without_date_month(name, text[match.start("name") + len(name) :]))


# "by Elio Qoshi Jul 2, 2018": a month written before the day ends the name ("Brian May" keeps his name
# when no day follows)
def without_date_month(name: str, after: str) -> str:
    """The name without a month that opens the date right after it."""
    words = name.split()
    if len(words) > 2 and words[-1].lower().rstrip(".") in MONTHS and after.lstrip()[:1].isdigit():
        return " ".join(words[:-1])
    return name


# A role or author label glued to the surname where the text runs two elements together ("Von <b>Jana
# Albrecht</b><i>Inhaberin</i>" reads "Jana AlbrechtInhaberin"): the name ends before it.
_GLUED_ROLE_RE = re.compile(rf"^(?:{ROLE_WORD}|(?i:{'|'.join(ROLE_NOUN_ENDINGS)}|{AUTHOR_LABEL}))$")


def unglued(name: str) -> str:
    """The name without a role glued to its last word: "Jana AlbrechtInhaberin" -> "Jana Albrecht"
    ("McDonald" stays: "Donald" is no role)."""
    words = name.split()
    if len(words) < 2:
        return name
    last = words[-1]
    for at in range(1, len(last)):
        if last[at].isupper() and last[at - 1].islower() and _GLUED_ROLE_RE.match(last[at:]):
            return " ".join([*words[:-1], last[:at]])
    return name


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


# The items of a meta line under the title: a date or a reading time ("18. März 2025 · 2 Minuten · NAME",
# "July 23, 2022", "5 min read"). Four-digit years only: a phone number's groups are no date.
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"  # a day or a month number ("12-34-2025" is a phone number's groups)
_META_ITEM_RE = re.compile(
    rf"\b{_DAY}\.\s?{_DAY}\.\s?(?:19|20)\d{{2}}\b|\b{_DAY}[/-]{_DAY}[/-](?:19|20)\d{{2}}\b|\b(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}\b"
    rf"|\b\d{{1,2}}\.?\s(?:{_MONTH_WORDS})\b\.?\s(?:19|20)\d{{2}}\b"
    rf"|\b(?:{_MONTH_WORDS})\b\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?\s(?:19|20)\d{{2}}\b"
    r"|\b\d{1,3}\s?(?:min|mins|minute|minutes|minuten)\b|\b(?:lesezeit|read(?:ing)?\s+time)\b",
    re.IGNORECASE,
)
MAX_META_LINE = 80  # a line that dates the name next to it is short; a date in a paragraph dates an event
# a line that only labels the name next to it as the author's ("AUTHOR", "Autorin:", "Von", "by")
_AUTHOR_LABEL_RE = re.compile(
    r"^\W*(?:author|autor(?:in)?|verfasser(?:in)?|written\s+by|geschrieben\s+von|von|by)\W*$", re.IGNORECASE
)
# what may stand before the name in the byline slot: a byline opener ("Von", "Written by", "Autorin:")
_OPENER_BEFORE_RE = re.compile(rf"^\W*(?i:{BYLINE_OPENERS})\s*$")
# ... or a publication line that ends in one ("Posted on 3 May 2024 by", "Veröffentlicht am 3. Mai 2024 von")
_DATED_OPENER_RE = re.compile(r"(?:^|\s)(?i:von|by)\s*$")
_ITEM_SPLIT_RE = re.compile(r"[|·•,;/]|\s[–—-]\s")
META_CONTEXT_LINES = 2  # lines before and after the name's line that may hold its date or its label


def _title_lines(lines: list[str], page: PageRecord) -> set[int]:
    """Indexes of the header lines that together spell one of the page's H1s (a name in the title is
    the page's subject, not its byline: "Attila Krick - IT-Experte für ...")."""
    keys = [letters_key(line) for line in lines]
    marked: set[int] = set()
    for heading in page.headings:
        target = letters_key(heading.text) if heading.level == 1 else ""
        if not target:
            continue
        for start, key in enumerate(keys):
            if not key or not target.startswith(key):
                continue
            joined, end = "", start
            while end < len(keys) and target.startswith(joined + keys[end]):
                joined, end = joined + keys[end], end + 1
                if joined == target:
                    marked.update(range(start, end))
                    break
    return marked


def _meta_line(line: str) -> bool:
    return len(line) <= MAX_META_LINE and _META_ITEM_RE.search(line) is not None


def _bare_item(item: str, key: str) -> bool:
    """The item is the name, maybe after titles or a byline opener ("Dr. Jana Albrecht", "Von Jana Albrecht")."""
    item = _LEADING_TITLES.sub("", _strip_prefix(item.strip(" .:"))).strip(" .:")
    return item.casefold() == key


def printed_as_byline(name: str, page: PageRecord) -> bool:
    """A JSON-LD/meta author's name printed near the title as a byline presents it: opening its line
    after "Von/By" (or after a dated "Posted on ... by"), or as an item of its own with a date, a reading
    time or an author label in its line or next to it ("18. März 2025 · 2 Minuten · NAME", "NAME / AUTHOR /
    July 23, 2022"). Not a byline: the name in the H1 (the person the page is about), inside a sentence
    ("Impressum von NAME - Kontaktinformationen ...", "Nimm Kontakt auf mit NAME"), or alone in an
    address block without a date."""
    key = _LEADING_TITLES.sub("", name.strip()).casefold()
    lines = [line.strip() for line in page.extras.header_text.split("\n")]
    in_title = _title_lines(lines, page)
    for index, line in enumerate(lines):
        at = line.casefold().find(key)
        if at < 0 or index in in_title:
            continue
        before = line[:at]
        if _OPENER_BEFORE_RE.match(before) or _DATED_OPENER_RE.search(before) and _META_ITEM_RE.search(before):
            return True
        items = _ITEM_SPLIT_RE.split(line)
        if not any(_bare_item(item, key) for item in items):
            continue  # the name inside a phrase or a sentence
        if any(_META_ITEM_RE.search(item) for item in items):
            return True
        near = lines[max(0, index - META_CONTEXT_LINES) : index] + lines[index + 1 : index + 1 + META_CONTEXT_LINES]
        if any(_meta_line(other) or _AUTHOR_LABEL_RE.match(other) for other in near):
            return True
    return False


@last_page  # the byline check, then the page's signals: read once per page
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
            name = without_date_month(match.group("name"), line[match.end() :])
            names.append(person_name(name) or name)
            line = line[match.end() :]
            match = _CO_AUTHOR.match(line)
    for signal in page.author_signals:
        if not signal.visible and is_person_name(signal.name) and printed_as_byline(signal.name, page):
            name = person_name(signal.name)
            if name:
                names.append(name)
    unique: dict[str, str] = {}
    for name in names:
        name = unglued(name) if name not in vetted else name
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
        'pass: a visible author signal (`rel=author`, `itemprop=author`, byline/author class, "Von NAME" '
        '/ "By NAME" near the top). warn: author only in JSON-LD/meta (invisible to readers). fail: '
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
