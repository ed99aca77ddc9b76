"""Language-aware text helpers shared by the checks: words and sentences.

The sentence splitter knows German and English abbreviations and ordinal dates, because
textstat's naive splitter counts "z. B." or "3. Oktober" as sentence ends and skews every
readability formula (docs/sources.md §5).
"""

from __future__ import annotations

import re

from scoring.core.lexicons import GERMAN_MONTH_WORDS

# Lower-cased abbreviations that end with a dot but not a sentence.
ABBREVIATIONS = frozenset(
    """
    z.b zb d.h u.a o.ä u.ä usw bzw ca dr prof dipl ing nr str tel vgl ggf evtl inkl zzgl
    gem abs jh jhd mio mrd bzw etc sog s.o s.u i.d.r u.v.m max min mind st hr fr inh gmbh
    mr mrs ms jr sr vs e.g i.e no fig approx dept est inc ltd co corp gov sen rep lt gen
    jan feb mär apr jun jul aug sep sept okt oct nov dez dec
    """.split()
)

MONTHS = GERMAN_MONTH_WORDS  # a German month after an ordinal ("3. Oktober") does not end a sentence

# `[.!?…]+` written as one mark and then more: the same matches, but a pattern that opens with a character set is
# searched by skipping to the next mark, one that opens with a repeat is tried at every character (~2x; issue 19)
_CANDIDATE_END = re.compile(r"[.!?…][.!?…]*[\"'”“«»)]*\s+")
_ORDINAL_BEFORE = re.compile(r"(?:^|\s)\d{1,3}\.$")
_MONTH_AFTER = re.compile(rf"(?:{MONTHS})\b", re.IGNORECASE)
_TOKEN_BEFORE = re.compile(r"(\S+)$")


# `WORD_RE` as a run that may end only after a word character (a look-behind): the same longest match from the
# same start, found ~15 % faster than by the optional group's backtracking (issue 19; tested on random texts)
_WORD = re.compile(r"[^\W\d_][\w'’-]*(?<=\w)", re.UNICODE)


def words(text: str) -> list[str]:
    """Word tokens (letters first; numbers are not words for length or readability): `WORD_RE`'s."""
    return _WORD.findall(text)


_DOTTED_CHAIN = re.compile(r"(?:\w\.)+\w")
_OPENING_QUOTES = "(\"'„“"


def _is_abbreviation(chunk: str) -> bool:
    # the chunk's last run of non-space characters (`_TOKEN_BEFORE`, without scanning the chunk for it)
    if chunk.endswith("\n"):  # `$` matches before a last line break
        chunk = chunk[:-1]
    if not chunk or chunk[-1].isspace():
        return False
    token = chunk.rsplit(None, 1)[-1].lower().rstrip(".").lstrip(_OPENING_QUOTES)
    if token in ABBREVIATIONS:
        return True
    # Single letters ("z." of "z. B.", initials "M.") and dotted chains ("u.a.") are no ends; a chain has a dot.
    return len(token) == 1 and token.isalpha() or ("." in token and bool(_DOTTED_CHAIN.fullmatch(token)))


_LONGEST_ABBREVIATION = max(map(len, ABBREVIATIONS))
_TAIL_CHARS = 40  # what the end of a sentence candidate is judged by: an abbreviation is shorter
_REST_CHARS = 20


def split_sentences(text: str) -> list[str]:
    """Split text into sentences, keeping abbreviations and ordinal dates intact. Each candidate end
    is judged by the few characters around it, so a paragraph of thousands of "1." stays linear.
    Every test that keeps a sentence going leads to the next candidate alone, so the cheapest runs
    first (a lower-case letter after the end), and the ordinal pattern only after a digit (issue 19). A line
    without a mark is a sentence as it stands, and a token that can be no abbreviation nor ordinal ends the
    sentence without the tests (same split, tests/test_text_speed_s11.py)."""
    sentences: list[str] = []
    for paragraph in text.split("\n"):
        if "." not in paragraph and "!" not in paragraph and "?" not in paragraph and "…" not in paragraph:
            paragraph = paragraph.strip()  # no candidate end (most lines: headings, menus): the line is a sentence
            if paragraph:
                sentences.append(paragraph)
            continue
        start = 0
        for match in _CANDIDATE_END.finditer(paragraph):
            end = match.end()
            if paragraph[end : end + 1].islower():  # "… ca. 20 % der …" style false ends
                continue
            mark = match.group(0)
            stop = match.start() + len(mark.rstrip())
            if mark[0] == "." and mark.strip() == ".":
                cut = max(start, stop - _TAIL_CHARS)
                # The last token ends the sentence straight away when `_is_abbreviation` and the ordinal test can only
                # say so (issue 19): no inner dot (no dotted chain), longer than every abbreviation or at least two
                # characters, not a listed one and not all digits (an ordinal's token is 1-3 digits and the dot).
                # Lower-casing never shortens a token nor makes a dot or quote, so its length is judged as it stands;
                # a token cut from a window without a space is never an abbreviation nor an ordinal either.
                token = paragraph[cut:stop].rsplit(None, 1)[-1].rstrip(".").lstrip(_OPENING_QUOTES)
                if "." in token or not (
                    len(token) > _LONGEST_ABBREVIATION
                    or len(token) > 1
                    and not token.isdecimal()
                    and token.lower() not in ABBREVIATIONS
                ):
                    tail = ("#" if cut > start else "") + paragraph[cut:stop]  # "#": no line start where it was cut
                    if _is_abbreviation(tail):
                        continue
                    # `_ORDINAL_BEFORE` ends in a digit (`\d`: a decimal character) and the final dot
                    if tail[-2:-1].isdecimal() and _ORDINAL_BEFORE.search(tail):
                        rest = paragraph[end : end + _REST_CHARS]
                        if _MONTH_AFTER.match(rest) or rest[:1].isdigit():
                            continue
            sentence = paragraph[start:stop].strip()
            if sentence:
                sentences.append(sentence)
            start = end
        tail = paragraph[start:].strip()
        if tail:
            sentences.append(tail)
    return sentences


# Placeholder Latin of unfinished templates ("Lorem ipsum dolor sit amet, consectetur …"): its opening
# words, as page builders and themes ship them. Read by spiders.language (no language of the page) and
# by the placeholder-text check (a page published with it).
PLACEHOLDER_TEXT = re.compile(r"\blorem ipsum\b|\bdolor sit amet\b", re.IGNORECASE)


def excerpt(text: str, limit: int = 160) -> str:
    """A one-line excerpt no longer than `limit` characters. Only a prefix of the text is flattened (a page's
    main text runs to 50,000 characters; issue 19): a prefix's flattened form is a prefix of the whole
    text's, so once it is longer than `limit` the excerpt is known."""
    size = 2 * limit + 64
    while limit > 0 and size < len(text):
        flat = " ".join(text[:size].split())
        if len(flat) > limit:
            return flat[: limit - 1].rstrip() + "…"
        size *= 4
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
