"""Quotation marks: where the quotations of a text stand (German, English and French pairs, mixed pairs of
hand-edited text, a quotation over several paragraphs). Who said them: scoring.checks.attributed_quotes."""

from __future__ import annotations

import re

from scoring.core import lexicons as lx

MAX_QUOTE_CHARS = 2000  # within one paragraph: a declaration quoted at length (~1,800 characters)


def _pairs_for(text: str) -> list[tuple[str, str]]:
    """Quote pairs, keeping only the guillemet direction the text opens with (»…« or «…»)."""
    first = min((i for i in (text.find("»"), text.find("«")) if i >= 0), default=-1)
    german_guillemets = first < 0 or text[first] == "»"
    return [
        (o, c) for o, c in lx.QUOTE_PAIRS if not (o == "»" and not german_guillemets or o == "«" and german_guillemets)
    ]


def quotation_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, inner text) of every quotation; German pairs first, each match masked.

    A German opening mark closed by a straight one („…") is a quotation too once the proper pairs
    are taken, and so is ‘…’ (its closing mark followed by no letter: not an apostrophe)."""
    masked = text
    found = []
    pairs = _pairs_for(text)
    german = [p for p in pairs if p[0] in "„‚»«"]
    pairs = german + [("„", '"')] + [p for p in pairs if p not in german] + [("‘", "’")]
    for opening, closings in pairs:
        marks = re.escape('„“”"') if (opening, closings) == ("„", '"') else re.escape(opening + closings)
        before = r"(?<![\w])" if opening == "‘" else ""
        after = r"(?![\w])" if opening == "‘" else ""
        pattern = re.compile(
            rf"{before}{re.escape(opening)}([^{marks}\n]{{2,{MAX_QUOTE_CHARS}}}?)[{re.escape(closings)}]{after}"
        )
        for match in pattern.finditer(masked):
            found.append((match.start(), match.end(), match.group(1)))
        masked = pattern.sub(lambda m: " " * len(m.group(0)), masked)
    # Marks left over once the pairs are taken: an English opening closed the German way (“…“), and a
    # quotation that quotes a term („Dies wird als „burglar alarm“ Hypothese diskutiert“): the inner pair
    # is masked by now, so the outer one matches; its words are read from the text itself.
    for pattern in _LEFTOVER_PAIRS:
        for match in pattern.finditer(masked):
            found.append((match.start(), match.end(), text[match.start() + 1 : match.end() - 1]))
        masked = pattern.sub(lambda m: " " * len(m.group(0)), masked)
    paragraphs = _open_paragraphs(text, masked)
    for start, end, _ in paragraphs:
        masked = masked[:start] + " " * (end - start) + masked[end:]
    return sorted(found + paragraphs + _announced_blocks(text, masked))


_PARAGRAPH_OPENING = re.compile(r"^[ \t]*+([“„\"])", re.MULTILINE)
_ANY_MARK = re.compile(r"[„“”\"«»]")


def _open_paragraphs(text: str, masked: str) -> list[tuple[int, int, str]]:
    """Paragraphs of a quotation that runs over several: each opens with the mark and only the last closes it
    (“… ¶ “… ¶ “…”). A paragraph that opens a mark it never closes, followed by one that opens the same mark, is
    a quotation up to its end."""
    found = []
    for match in _PARAGRAPH_OPENING.finditer(masked):
        end = masked.find("\n", match.end())
        if end < 0 or _ANY_MARK.search(masked, match.end(), end):
            continue
        # the next paragraph opens the same mark (read in the text: its own pair may be masked already)
        following = _PARAGRAPH_OPENING.match(text, end + 1)
        if following is not None and following.group(1) == match.group(1):
            found.append((match.start(1), end, text[match.end() : end]))
    return found


# A quotation over several paragraphs whose first paragraph does not close its mark: one announced by a colon
# ("… führt wie folgt aus:", "the notice reads:") runs to its closing mark (a list quoted from a notice), or, when
# the writer never closes it, to the end of its paragraph; a testimonial opening a paragraph runs to the mark that
# ends a later paragraph (“… ¶ … ¶ …” over a signature line).
_BLOCK_OPENING = re.compile(r"(:[ \t]*+\n?[ \t]*+)?([“„»])")
_CLOSING_OF = {"“": "”", "„": "“”", "»": "«"}
MAX_BLOCK_CHARS = 2 * MAX_QUOTE_CHARS


def _announced_blocks(text: str, masked: str) -> list[tuple[int, int, str]]:
    found = []
    for match in _BLOCK_OPENING.finditer(masked):
        announced = match.group(1) is not None
        start = match.start(2)
        if not announced and masked[masked.rfind("\n", 0, start) + 1 : start].strip(" \t"):
            continue  # a mark inside a line that no colon announces
        line_end = masked.find("\n", start)
        line_end = len(masked) if line_end < 0 else line_end
        if _ANY_MARK.search(masked, start + 1, line_end):
            continue
        following = _ANY_MARK.search(masked, line_end, start + MAX_BLOCK_CHARS)
        closes = following is not None and following.group(0) in _CLOSING_OF[match.group(2)]
        # unannounced, the closing mark ends its paragraph ("…”\nJo P., Co-Founder")
        if closes and (announced or masked[following.end() : following.end() + 1] in ("", "\n")):
            found.append((start, following.end(), text[start + 1 : following.start()]))
        elif announced and following is None and not text[start:line_end].rstrip().endswith(("...", "…")):
            found.append((start, line_end, text[start + 1 : line_end]))  # never closed (a teaser's cut one is no quote)
    return found


_LEFTOVER_PAIRS = (
    re.compile(rf"„([^„“”\"\n]{{2,{MAX_QUOTE_CHARS}}}?)[“”](?![\w])"),
    re.compile(rf"(?<![\w])“([^„“”\"\n]{{2,{MAX_QUOTE_CHARS}}}?)“(?![\w])"),
    # a straight opening closed by a typographic mark ("eine Plattform … können.“): hand-edited text
    re.compile(rf"(?<![\w])\"([^„“”\"\n]{{2,{MAX_QUOTE_CHARS}}}?)[“”](?![\w])"),
)
