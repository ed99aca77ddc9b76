"""The text of byline lines (used by spiders.extract_byline): the items of a meta line, dates in it, a plain
line of a name and a date under the title ("Dr. Priya Natarajan, BDS · 9 January 2025"), and the co-authors
of a byline listed with commas alone ("By Jo Roe, Ann Muster, Lea Teich in Public health")."""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from scoring.core.lexicons import CAP_WORD, ENGLISH_MONTH_STEMS, NAME, ROLE_WORD, TITLE, is_person_name
from scoring.core.lexicons.given_names import GIVEN_NAMES

# the items of a line: "Marieke | 12.10.2020", "Andy Garner · 5 min read", "Jo Roe / Autorin"
SEGMENT_SPLIT = re.compile(r"(?<!\s)\s*(?:[|·•,;/]|\s[–—-]\s|\n)\s*")
# an item that dates the line or times the reading, not a name
DATEISH = re.compile(r"\d|\b(?:min(?:utes?)?|read|lesezeit|uhr|am|on|updated|aktualisiert)\b", re.IGNORECASE)
DATE_ITEM = re.compile(
    r"\b\d{1,2}\.\s?(?:\d{1,2}\.\s?|[A-ZÄÖÜa-zäöü]+\.?\s+)\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|"
    r"\b\d{1,2}/(?:\d{1,2}/)?\d{4}\b|"  # 11/09/2018, 01/2018
    rf"\b(?:{ENGLISH_MONTH_STEMS})[a-z]*\.?\s+\d{{1,2}},?\s+\d{{4}}\b|"
    rf"\b\d{{1,2}}\s+(?:{ENGLISH_MONTH_STEMS})[a-z]*\.?\s+\d{{4}}\b",
    re.IGNORECASE,
)
# A plain line of name and date under the title, without markup or "von": "Dr. Priya Natarajan, BDS · 9
# January 2025", "Tierärztin Dr. Anna Schulze · 22.03.2024". The name may follow a role word and stand
# with credentials after it (all-capital letters: "BDS", "MSc", "PhD").
MAX_NAME_DATE_LINE = 100
_ROLE_THEN_NAME = re.compile(rf"^(?:{ROLE_WORD}\s+)?(?P<name>{NAME})$")
_TITLED = re.compile(rf"^{TITLE}\s")
_HANDLE_AFTER = re.compile(r"\s\(@[\w.]{1,30}\)$")
_TITLE_PARTS = re.compile(r"(?<=\.)\s?(?:med|dent|vet|rer|nat|phil|jur|oec)\.(?=\s)")
# a credential after the name: "BDS", "MSc", "PhD", "M.Sc.", "FRCS" (two capitals or more, short)
_CREDENTIAL_ITEM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z.]{1,5}$")


# "Jo Roe on August 26, 2014", "Jo Roe am 3. Mai 2024": the name, then "on"/"am" and the date
_NAME_ON_DATE = re.compile(rf"^(?P<name>{NAME})\s++(?:on|am)\s++(?P<date>[^|·•;/]{{6,30}})$")


def name_date_line(text: str, avatars: frozenset[str] = frozenset()) -> str | None:
    """The name in a plain line of a name and a date, every other item a date, a reading time or a
    credential: "Dr. med. dent. Katrin Weber, 02.05.2024" -> "Dr. med. dent. Katrin Weber". `avatars`: the
    alt texts of the line's images; an avatar carrying the name vouches for a person as a title does
    ("<img alt='Jo Roe'> Jo Roe on August 26, 2014")."""
    if len(text) > MAX_NAME_DATE_LINE or not DATE_ITEM.search(text):
        return None
    on_date = _NAME_ON_DATE.match(text.strip())
    if on_date and DATE_ITEM.fullmatch(on_date.group("date").strip(" .")) and on_date.group("name") in avatars:
        return on_date.group("name")
    name, vouched = None, False  # vouched: a title, role word or credential says it is a person
    for position, segment in enumerate(SEGMENT_SPLIT.split(text)):
        segment = segment.strip() if _TITLED.match(segment.strip()) else segment.strip(" .")
        if not segment or DATE_ITEM.fullmatch(segment) or DATEISH.search(segment):
            continue  # the date, a reading time
        if name is not None:
            if not _CREDENTIAL_ITEM.match(segment):
                return None  # a sentence or a place after the name: not a byline line
            vouched = True
            continue
        handle = _HANDLE_AFTER.search(segment)  # "Fabian Dinklage (@fdnklg)": a social handle vouches for a person
        matched = _ROLE_THEN_NAME.match(segment[: handle.start()] if handle else segment)
        if matched is None:
            return None
        name = matched.group("name")
        vouched = (
            handle is not None
            or matched.group("name") != segment
            or _TITLED.match(name) is not None
            or name in avatars
            # a known given name opening the line: "Stefan Brackmann, 10. Oktober 2022", not "New York, 12. März"
            or position == 0
            and name.split()[0].lower() in GIVEN_NAMES
        )
    if name is None or not vouched:
        return None  # "Press Release · 3 May 2025", "New York, 12. März": two capitalised words are no name
    # "Dr. med. dent." reads "Dr.": the lower-case parts of a title are no words of the name
    return _TITLE_PARTS.sub("", name)


# a place and its state or country code, as an event's or an office's card gives it: "Santa Clara, CA",
# "Folsom, CA", "Basel, CH" (a byline names a person, never a place)
PLACE_ITEM = re.compile(r"[^,]{2,40},\s?[A-Z]{2}$")
ABBREVIATION = re.compile(r"[A-ZÄÖÜ]{2,5}")

# Co-authors listed with commas, maybe closed by "and" ("Jo Roe, Ann K. Muster, Lea Teich"), and the section
# the post is filed in after them ("... in Public health", "... in Allgemein"): every item a full name
LIST_SPLIT = re.compile(r",\s*+(?:(?:and|und|&)\s+)?|\s(?:and|und|&)\s+")
_FULL_WORD = re.compile(CAP_WORD)
_INITIAL = re.compile(r"[A-ZÄÖÜ]\.(?:-?[A-ZÄÖÜ]\.)?")  # "J.", "H.-P."
_PARTICLES = frozenset({"von", "van", "de", "der", "den", "zu", "vom", "di", "da", "del", "le", "la", "ter", "ten"})
MAX_NAME_WORDS = 5
MIN_BARE_LIST = 3  # full names listed with commas alone, no section after them ("Helmut Sauer, Hochschule ...")


def full_name(text: str) -> bool:
    """A person's full name, middle initials allowed: "Seth J. Prins", "Jessica Z. Ho", "Anna von Berg"."""
    words = text.split()
    if not 2 <= len(words) <= MAX_NAME_WORDS or not is_person_name(text):
        return False
    if not (_FULL_WORD.fullmatch(words[0]) and _FULL_WORD.fullmatch(words[-1])):
        return False
    return all(_FULL_WORD.fullmatch(w) or _INITIAL.fullmatch(w) or w in _PARTICLES for w in words[1:-1])


def listed_names(rest: str) -> list[str]:
    """The co-authors of a byline's names ("By" cut off) listed with commas: "Seth J. Prins, Sandhya Kajeepeta,
    Brad Mauer in Decarceral public health" -> the three names. Without a section after them, three names
    or more: "Helmut Sauer, Karl Berg" may be a name and a place."""
    head, section, _ = " ".join(rest.split()).partition(" in ")
    names = [n for n in (part.strip(" .") for part in LIST_SPLIT.split(head)) if n]
    if len(names) < (2 if section else MIN_BARE_LIST):
        return []
    return names if all(full_name(n) for n in names) else []


# what a template sets before or after a name as decoration: an arrow or icon glyph ("↪︎ Jo Roe"), a
# variation selector, a bullet, spaces (also no-break ones)
_GLYPH_CATEGORIES = frozenset({"So", "Sm", "Sk", "Mn", "Me", "Cf", "Zs"})
_BULLETS = frozenset("•‣·*~")
# ... but an arrow pointing back or on ("← Jo Roe", "Ann Muster →", "« Older") marks a link to the previous
# or next page: the name is that page's title (a neighbouring profile, post), never this page's writer
_NAVIGATION = frozenset("←→⟵⟶⇐⇒⇦⇨«»‹›")


def _glyph(char: str) -> bool:
    return char.isspace() or char in _BULLETS or unicodedata.category(char) in _GLYPH_CATEGORIES


def strip_glyphs(name: str) -> str:
    """The name without the decoration a template sets around it: "\\xa0\\xa0↪︎ Jo Roe" -> "Jo Roe"; a name
    behind a previous/next arrow is kept as it is (and so is no name)."""
    start, end = 0, len(name)
    while start < end and _glyph(name[start]) and name[start] not in _NAVIGATION:
        start += 1
    while end > start and _glyph(name[end - 1]) and name[end - 1] not in _NAVIGATION:
        end -= 1
    if start < end and (name[start] in _NAVIGATION or name[end - 1] in _NAVIGATION):
        return name
    return name[start:end]


# the label of several authors, German gendered forms too: "Authors", "Autoren", "Autor:innen", "Autor*innen",
# "AutorInnen", "Autorinnen und Autoren"
PLURAL_AUTHOR_LABEL = (
    r"authors|author\(s\)|autor(?:en|innen|[:*_/·]innen)|autorinnen\s+und\s+autoren|autoren\s+und\s+autorinnen|"
    r"verfasser(?:innen|[:*_/·]innen)"
)
_PLURAL_LABEL_LINE = re.compile(rf"^\W*(?:{PLURAL_AUTHOR_LABEL})\s*:\s*(?P<rest>\S.*)$", re.IGNORECASE | re.DOTALL)


def plural_label_names(text: str) -> list[str]:
    """The names after a label of several authors: "Autor:innen: Jo Roe und Ann Muster" -> both (after "By"
    a second name may be a place or an employer; after "Authors:" every item is a name). Full names only."""
    labelled = _PLURAL_LABEL_LINE.match(" ".join(text.split()))
    if not labelled:
        return []
    names = [n for n in (part.strip(" .") for part in LIST_SPLIT.split(labelled.group("rest"))) if n]
    return names if len(names) >= 2 and all(full_name(n) for n in names) else []


def with_line_breaks(element: etree._Element) -> str:
    """The element's text with " / " where a <br> breaks it: "<strong>Jo Roe<br>Ann Muster</strong>" reads
    "Jo Roe / Ann Muster" (text_content() glues the two names)."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.tag == "br":
            parts.append(" / ")
        elif isinstance(node.tag, str):  # a comment's text is not shown
            parts.append(node.text or "")
            for child in node:
                walk(child)
                parts.append(child.tail or "")

    walk(element)
    return " ".join("".join(parts).split())
