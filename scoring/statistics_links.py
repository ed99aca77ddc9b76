"""Links and written pointers in a sentence with figures: which name the figures' source (an address written out,
"die Rohdaten finden sich hier") and which do not (the writer's own thing, one item of a list of names, the term a
dash describes); footnote markers into the page's reference list. Used by
`scoring.statistics_sources.named_source`."""

from __future__ import annotations

import re

from scoring.core import lexicons as lx
from scoring.statistics_rules import PageContext

U, L = lx.UPPER, lx.LOWER

# An address written out in the sentence, with a path: a document cited, not a home page.
BARE_URL_RE = re.compile(r"(?<![\w/])https?://[\w.-]+\.[a-z]{2,}/[^\s\])>\"]{3,}", re.IGNORECASE)
# "die Rohdaten finden sich hier", "the raw data is available here": a pointer to the figures' source.
POINTER_ANCHORS = frozenset({"hier", "here"})
DATA_POINTER_RE = re.compile(
    r"(?<![\w-])(?:(?:Roh)?[Dd]aten(?:satz|sätze)?|Quelle|Studie|Statistik|(?:raw[ \t]+)?data(?:[ \t]?set)?|"
    r"source|study|report)(?![\w-])[^.!?;]{0,50}?(?<![\w-])(?:hier|here)(?![\w-])",
)
# A list of names: a link between separators with more of them around ("A, B, <a>C</a>, D und E") is one item.
_ITEM_BEFORE_RE = re.compile(r"(?:,|(?<![\w-])(?:and|und|or|oder|&))[ \t]++(?:the[ \t]++)?$")
_ITEM_AFTER_RE = re.compile(r"^(?:[ \t]*+\([^()]{1,20}\))?(?:,|[ \t]++(?:and|und|or|oder|&)(?![\w-]))")
SERIES_WINDOW = 120  # characters each side of the link
SERIES_COMMAS = 2  # commas in that window besides the ones around the link: three items at least


# "<a>Adobe Connect</a> – auch für größere Gruppen geeignet (500+ Leute)": a list item's term and its description
_DASH_BEFORE_RE = re.compile(r"(?:^|[ \t][-–—])[ \t]*+$")
_DASH_AFTER_RE = re.compile(r"^[ \t]++[-–—][ \t]")


def described_item(sentence: str, start: int, end: int) -> bool:
    """The link is the term a dash describes, at the start of the sentence or between dashes."""
    return bool(_DASH_BEFORE_RE.search(sentence[max(0, start - 60) : start]) and _DASH_AFTER_RE.match(sentence[end:]))


def in_series(sentence: str, start: int, end: int) -> bool:
    """The name at start:end (capitalised, no figure in it) is one item of a list of three or more, with
    separators on both sides."""
    name = sentence[start:end]
    if not name[:1].isupper() or any(c.isdigit() for c in name):
        return False
    before, after = sentence[max(0, start - SERIES_WINDOW) : start], sentence[end : end + SERIES_WINDOW]
    if not (_ITEM_BEFORE_RE.search(before) and (_ITEM_AFTER_RE.match(after) or not after.strip(" .;:"))):
        return False
    return before.count(",") + after.count(",") >= SERIES_COMMAS


def names_no_source(sentence: str, start: int, end: int) -> bool:
    """The link at start:end is the writer's own thing, an item of a list or a described term: no source."""
    own = lx.OWN_BEFORE_RE.search(sentence[:start]) is not None
    return own or in_series(sentence, start, end) or described_item(sentence, start, end)


def written_source(sentence: str, markers: frozenset[str]) -> str | None:
    """An address written out in the sentence ("… https://trac.example.org/ticket/6443"), or a pointer to the data
    ("die Rohdaten finden sich hier") on a page with such a "hier" link (`markers`: its generic link anchors)."""
    url = BARE_URL_RE.search(sentence)
    if url:
        return url.group(0)
    pointer = DATA_POINTER_RE.search(sentence) if markers & POINTER_ANCHORS else None
    return pointer.group(0) if pointer else None


FOOTNOTE_TRAILING_RE = re.compile(rf"(?:[{L}{U}%)\]”\"][.!?;:,]|[)\]”\"])(\d{{1,3}})(?=\s+[{U}\d„“\"]|\s*$)")
FOOTNOTE_BRACKET_RE = re.compile(r"\[(\d{1,3})(?:\s*[,–-]\s*\d{1,3})*\]")
SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
FOOTNOTE_SUPER_RE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def footnote_source(sentence: str, ctx: PageContext, following: str = "") -> str | None:
    """A footnote marker ("[3]", "¹", "per day.2") that points into the page's reference list; a
    bracketed marker may stand right after the sentence's full stop ("… 14 %. [1] Growth …")."""
    if not ctx.references:
        return None
    lead = FOOTNOTE_BRACKET_RE.match(following.lstrip())
    for match in [*FOOTNOTE_BRACKET_RE.finditer(sentence), *([lead] if lead else [])]:
        if int(match.group(1)) in ctx.references:
            return f"footnote [{match.group(1)}]"
    for match in FOOTNOTE_SUPER_RE.finditer(sentence):
        number = match.group(0).translate(SUPERSCRIPT)
        if int(number) in ctx.references or any(int(d) in ctx.references for d in number):
            return f"footnote {number}"
    for match in FOOTNOTE_TRAILING_RE.finditer(sentence):
        number = match.group(1)
        if int(number) in ctx.references or (len(number) > 1 and all(int(d) in ctx.references for d in number)):
            return f"footnote {number}"
    return None
