"""Names read from a byline's text: the line after its opener ("Von NAME", "By NAME, NAME and NAME"), and
the bare names of a meta row beside a date ("Diana/Rocco · 12.01.2010"). Used by spiders.extract_byline,
which decides where on the page such a line stands with the content."""

from __future__ import annotations

import re

import lxml.html

from scoring.core.lexicons import BYLINE_OPENERS, NAME, NOT_A_NAME, ORGANISATION_WORD_RE, is_acronym, is_person_name
from scoring.core.lexicons import letters_key as _key
from scoring.core.lexicons.given_names import GIVEN_NAMES
from spiders.byline_lines import (
    ABBREVIATION,
    DATE_ITEM,
    DATEISH,
    PLACE_ITEM,
    PLURAL_AUTHOR_LABEL,
    SEGMENT_SPLIT,
    listed_names,
    plural_label_names,
    with_line_breaks,
)
from spiders.byline_text import ROLE_LABEL_RE, cut_at_boundary

HtmlTree = lxml.html.HtmlElement

# The kind of text a line names before its writer: "Notizen und Gedanken von", "Ein Bericht von", "A report
# by", "Text and photos by". Only nouns for a text the person wrote (not "Gedichte", "Bilder": works shown).
_WRITING_NOUNS = (
    r"bericht|text|notiz(?:en)?|gedanken|essay|artikel|kommentar|reportage|rezension|betrachtung(?:en)?|"
    r"aufzeichnung(?:en)?|beobachtungen|eindrücke|kolumne|report|notes|thoughts|article|review|reflections|"
    r"commentary|column|story"
)
_WRITING_OPENER = (
    rf"(?:(?:ein|eine|an?)\s+)?(?:{_WRITING_NOUNS})"
    rf"(?:(?:\s*,\s*|\s+(?:und|and|&)\s+)(?:fotos|bilder|photos|pictures|{_WRITING_NOUNS})){{0,2}}\s+(?:von|by)"
    # ... followed by the writers' names, and then the line ends or goes on with what or where the text is from
    # ("… aus dem Gespräch am", "… über die Arbeit", "Notes by X from the talk"); "An article by X and myself
    # has been published" is a sentence about another text
    rf"(?=\s+(?-i:{NAME}(?:\s*(?:,|\bund\b|\band\b|&)\s*{NAME}){{0,3}})"
    r"(?:\s*$|\s*[.,;:·|/(–—-]|\s+(?:aus|über|zu|zum|zur|vom|am|im|in|from|on|about|at|for|für)\b))"
)
# the openers of every byline line (lexicons.BYLINE_OPENERS), and those of author rows in templates
BYLINE_PREFIX_RE = re.compile(
    rf"^\W*(?:{BYLINE_OPENERS}|{_WRITING_OPENER}|posted\s+by|published\s+by|veröffentlicht\s+von|"
    # "By: Jo Roe", "Written by: Jo Roe"
    r"gepost(?:et|ed)\s+von|(?:(?:written|geschrieben|verfasst|posted)\s+)?(?:by|von)\s*:|"
    rf"(?:{PLURAL_AUTHOR_LABEL})\s*:)"
    r"\s+(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
_NAME_AT_START = re.compile(rf"^(?P<name>{NAME})")
CO_AUTHOR_SPLIT = re.compile(r"(?<!\s)\s*+(?:,|&|/|\bund\b|\band\b)\s*")
# the last item of a list joined by "and": ", and Noel Welsh", " und Anna Muster", " & Jo Roe"
# (tried after a comma or at the start of a whitespace run only: linear on long runs of spaces)
_LIST_END_RE = re.compile(r"(?:,|(?<!\s))\s+(?:and|und|&)\s+[^,&]+$", re.IGNORECASE)
_BARE_NAMES = re.compile(
    r"^(?:[A-ZÄÖÜ][\w'’.-]+(?:\s+[A-ZÄÖÜ][\w'’.-]+){0,3})(?:\s*(?:/|&|,|\bund\b|\band\b)\s*"
    r"[A-ZÄÖÜ][\w'’.-]+(?:\s+[A-ZÄÖÜ][\w'’.-]+){0,3})*$"
)
MAX_META_ITEM = 40
_LABEL_WORD_RE = re.compile(r"[^\W\d_][\w-]*")  # one word, no name beside it
# a meta item that files the page under a category, tag or topic: "Releases", "Lectures" are no names
_TAXONOMY_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(?:categor(?:y|ies)|cats?|tags?|tag-?list|labels?|topics?|kategorien?|schlagw(?:ort|oerter)|"
    r"rubri[ck]|section|keywords?|post-?type)(?:$|[\s_-])",
    re.IGNORECASE,
)
MAX_LOOSE_WORDS = 2  # words between the items of a meta row ("von", "am", "Published")
# the label of an author box: "Über den Autor: Markus Feld ist Elektromeister ...", "About the author"
_ABOUT_AUTHOR_RE = re.compile(
    r"^\W*(?:über\s+(?:den|die)\s+autor(?:in)?|zum\s+autor|zur\s+autorin|about\s+the\s+author)\s*:?\s*",
    re.IGNORECASE,
)


def _text(element: HtmlTree) -> str:
    return " ".join(element.text_content().split())


class _Texts(dict):
    """`_text` of each element, read once per page: the passes below read the same elements again
    (the tree is not changed meanwhile, and the keys keep lxml's element proxies, so their identity)."""

    def __missing__(self, element: HtmlTree) -> str:
        text = self[element] = _text(element)
        return text


def names_in(text: str) -> list[str]:
    """Names in the text of a byline element: after a "von/by" prefix, else the segment that reads
    like a name ("Marieke | 12.10.2020", "Andy Garner · 5 min read")."""
    text = _ABOUT_AUTHOR_RE.sub("", " ".join(text.split()))
    if listed := plural_label_names(text):  # "Autor:innen: Jo Roe, Ann Muster": every item a name
        return listed
    prefixed = BYLINE_PREFIX_RE.match(text)
    if prefixed:
        text = prefixed.group("rest")
        dated = DATE_ITEM.search(text)
        if dated and dated.start() > 0 and not SEGMENT_SPLIT.search(text, 0, dated.start()):
            text = text[: dated.start()].strip(" ,")  # "By Jo Roe September 20, 2022": no separator before the date
        if listed := listed_names(text):  # "By Jo Roe, Ann Muster, Lea Teich in Public health"
            return listed
    elif re.search(r"\b(?:von|by)\s+[A-ZÄÖÜ]", text):  # "Posted on 3 May 2024 by Jane Doe"
        text = re.split(r"\b(?:von|by)\s+(?=[A-ZÄÖÜ])", text, maxsplit=1)[1]
    # "Richard Dallaway, Dave Gurnell, and Noel Welsh": a list of full names closed by "and" is every
    # co-author; without the "and" a comma parts the name from an affiliation ("Helmut Sauer, Hochschule
    # Karlsruhe"), which the segments below leave out
    names = [re.sub(r"^(?:and|und)\s+", "", p.strip(" .")) for p in CO_AUTHOR_SPLIT.split(text.strip(" ."))]
    names = [n for n in names if n]
    if (
        len(names) > 2
        and _LIST_END_RE.search(text.strip(" ."))
        and all(_NAME_AT_START.fullmatch(n) and is_person_name(n) for n in names)
    ):
        return names
    for segment in SEGMENT_SPLIT.split(text):
        segment = segment.strip(" .")
        if not segment or DATEISH.search(segment) and not _NAME_AT_START.match(segment):
            continue
        named = _NAME_AT_START.match(segment)
        if named and not ORGANISATION_WORD_RE.match(segment[named.end() :].lstrip()):
            segment = named.group("name")  # a name followed by "GmbH" is the company's: kept whole, rejected
        parts = [p for p in CO_AUTHOR_SPLIT.split(segment) if p]
        if len(parts) > 1 and all(_NAME_AT_START.fullmatch(p) for p in parts):
            return parts
        return [segment]
    return []


def is_author_handle(name: str, site_names: set[str]) -> bool:
    """A nickname or lower-case name on an author link: one or two tokens, not a label or the site."""
    words = name.split()
    return (
        1 <= len(words) <= 2
        and len(name) <= 30
        and name.casefold() not in NOT_A_NAME
        and _key(name) not in site_names
        and not ORGANISATION_WORD_RE.search(name)
        and not name.isdigit()
        and not is_acronym(name)
    )


def meta_row_names(row: HtmlTree, read: dict[HtmlTree, str] | None = None) -> list[str]:
    """Bare names in a meta row of short items next to a date ("Diana/Rocco · 12.01.2010 · 01 min").
    Links (categories, tags) are not names here; author links are found as author markup."""
    if _TAXONOMY_CLASS_RE.search(f"{row.get('class') or ''} {row.get('id') or ''}"):
        return []  # "<div class=tags><span>Schufa</span> … <span>28.01.2014</span>": the post's tags, one a date
    items = [child for child in row if isinstance(child.tag, str)]
    read = _Texts() if read is None else read
    # names set on lines of their own read apart ("<strong>Jo Roe<br>Ann Muster</strong>"); tags are no items
    texts = [read[child] for child in items]
    texts = [
        with_line_breaks(c) if len(t) <= MAX_META_ITEM and c.find(".//br") is not None else t
        for c, t in zip(items, texts, strict=True)
    ]
    kept = [t for c, t in zip(items, texts, strict=True) if c.tag not in ("ul", "ol") or not _taxonomy(c)]
    if not kept or any(len(t) > MAX_META_ITEM for t in kept) or not any(DATE_ITEM.search(t) for t in kept):
        return []
    loose = " ".join([row.text or "", *(child.tail or "" for child in items)])
    if len(re.findall(r"[^\W\d_]{3,}", loose)) > MAX_LOOSE_WORDS:
        return []  # a sentence with a date and a bold phrase in it, not a row of meta items
    names = []
    for child, text in zip(items, texts, strict=True):
        if not text or child.tag == "a" or child.xpath(".//a") or DATEISH.search(text) or _taxonomy(child):
            continue
        if ROLE_LABEL_RE.match(text) and len(text.split()) <= 2:
            continue  # "AUTHOR", "Autorin": the label of the name beside it
        prefixed = BYLINE_PREFIX_RE.match(text)  # "2. April 2025 • Von Linda"
        text = prefixed.group("rest") if prefixed else text
        lone_word = _LABEL_WORD_RE.fullmatch(text) and text.casefold() not in GIVEN_NAMES
        if not prefixed and lone_word and child.get("class"):
            continue  # "Update", "Projekt" in a styled pill by the date: a label ("<strong>Franzi</strong>": a name)
        if _BARE_NAMES.match(text) and (prefixed or not PLACE_ITEM.match(text)):
            # an abbreviation ("OKF", "TI", "CA") names an organisation or a place, never a person
            names.extend(
                cut_at_boundary(child, p) for p in CO_AUTHOR_SPLIT.split(text) if p and not ABBREVIATION.fullmatch(p)
            )
    return names


def _taxonomy(item: HtmlTree) -> bool:
    """A meta item that is (or holds) a category, tag or topic label, by its class, id or role."""
    for element in (item, *item.iterdescendants()):
        if isinstance(element.tag, str) and (
            _TAXONOMY_CLASS_RE.search(f"{element.get('class') or ''} {element.get('id') or ''}")
            or element.get("role") == "navigation"
        ):
            return True
    return False
