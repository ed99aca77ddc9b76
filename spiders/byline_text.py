"""Where a name read from markup ends: at a block element's edge or where an inline element with a
role or author label starts ("<h5>Owen Petchey</h5><h6>Professor</h6>" -> "Owen Petchey"). Shared by the
byline extraction (spiders.extract_byline) and the byline lines (spiders.extract_evidence)."""

from __future__ import annotations

import re

import lxml.html

from scoring.core.lexicons import AUTHOR_LABEL, ENGLISH_MONTH_STEMS, ROLE_NOUN_ENDINGS, ROLE_WORD

HtmlTree = lxml.html.HtmlElement


def element_text(element: HtmlTree) -> str:
    return " ".join(element.text_content().split())


# Where a name ends: a block element's start or end (a heading, a paragraph, a line break), or an inline
# element holding a role, title or author label ("<h5>Owen Petchey</h5><h6>Professor</h6>", "<span>Jane
# Doe</span><small>AUTHOR</small>", "<b>Jana Albrecht</b> <i>Geschäftsführerin</i>").
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd td th tr table br hr address blockquote section article "
    "header footer aside figure figcaption".split()
)
ROLE_LABEL_RE = re.compile(rf"^\W*(?i:{AUTHOR_LABEL})\b")
# a role noun ("Geschäftsführer", "Inhaberin", "Founder") may also be a surname ("Tom <b>Baker</b>"):
# it ends only a name of two words or more
_ROLE_NOUN_RE = re.compile(rf"^\W*(?:{ROLE_WORD}|(?i:{'|'.join(ROLE_NOUN_ENDINGS)}))\b")
# an inline element opening with a date ("<a>Elio Qoshi</a> <time>Jul 2, 2018</time>", "<span>12.03.2024</span>")
# ends the name before it: "Jul" is no surname
_DATE_START_RE = re.compile(rf"^\W*(?:\d|(?i:{ENGLISH_MONTH_STEMS})[a-z]*\.?\s+\d)")


def boundaries(element: HtmlTree) -> list[tuple[int, int, bool]]:
    """Offsets in `element_text(element)` where a name ends, with the words the name must keep before it and
    whether a role follows: block elements' edges (1), the start of an inline element opening with a
    role or author label (1) or a role noun (2)."""
    cuts: list[tuple[int, int, bool]] = []
    raw: list[str] = []

    def mark(role: str | None) -> None:
        before = " ".join("".join(raw).split())
        if before and role is None:
            cuts.append((len(before), 1, False))
        elif before and ROLE_LABEL_RE.match(role):
            cuts.append((len(before), 1, True))
        elif before and _DATE_START_RE.match(role):
            cuts.append((len(before), 1, False))
        elif before and _ROLE_NOUN_RE.match(role):
            cuts.append((len(before), 2, True))

    def walk(node: HtmlTree) -> None:
        raw.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str):
                block = child.tag in _BLOCK_TAGS
                mark(None if block else element_text(child))
                walk(child)
                if block:
                    mark(None)
            raw.append(child.tail or "")

    walk(element)
    return cuts


def cut_at_boundary(element: HtmlTree, name: str) -> str:
    """The name as far as the element it starts in reaches: "Owen Petchey Professor" (a heading, then a
    role in the next) -> "Owen Petchey"; "Jane DoeAUTHOR" -> "Jane Doe"."""
    if len(element) == 0:
        return name
    at = element_text(element).find(name)
    if at < 0:
        return name
    for cut, words, _ in boundaries(element):
        if at < cut < at + len(name) and len(name[: cut - at].split()) >= words:
            return name[: cut - at].strip(" ,")
    return name
