"""Figures that are part of a name, not a measured fact: a German compound built on the figure ("die 1,5 °C-Grenze",
"das 2°-Ziel", "ein 10-Punkte-Plan"), a work-time policy ("our 30% time") and a short quoted title after the
noun it names ("das EU-Programm „100 klimaneutrale Städte bis 2030“", 'the campaign "1 Million Trees"'). Read by
`scoring.checks.statistics`."""

from __future__ import annotations

import re

from scoring.core import lexicons as lx

# the figure, its unit glued on or not, then a hyphen into a capitalised German noun
# (or a suspended hyphen before "und": "für das 1,5°- und das 2°-Ziel")
_COMPOUND_AFTER_RE = re.compile(
    rf"^(?:[ \u00a0]?(?:°C?|Grad|%|Prozent))?-(?:[ \u00a0]?[{lx.UPPER}]|[ \u00a0]+(?:und|oder|bzw\.)[ \u00a0])"
)
_FIGURE_END_RE = re.compile(r"(?:\d|°C?|%|Grad|Prozent)$")
_QUOTE_OPEN = '„“"«»‚‘'
_QUOTE_CLOSE = '“”"«»‘’'
TITLE_WORDS = 8
# English nouns that introduce a title; a German noun is told by its capital letter
_TITLE_NOUN_EN_RE = re.compile(
    r"(?:program(?:me)?|campaign|project|initiative|motto|slogan|title|called|named|entitled|dubbed|label|"
    r"series|challenge|pledge)[ \t]*$",
    re.IGNORECASE,
)
_NOUN_BEFORE_DE_RE = re.compile(rf"(?<![\w-])(?:[\w]+-)?[{lx.UPPER}][{lx.LOWER}][\w-]*[ \t]*$")


def _quoted_title(sentence: str, start: int, end: int) -> bool:
    opening = max(sentence.rfind(mark, 0, start) for mark in _QUOTE_OPEN)
    if opening < 0:
        return False
    closing = min((i for i in (sentence.find(mark, end) for mark in _QUOTE_CLOSE) if i >= 0), default=-1)
    if closing < 0 or any(mark in sentence[opening + 1 : start] for mark in _QUOTE_CLOSE):
        return False
    inner = sentence[opening + 1 : closing]
    if len(inner.split()) > TITLE_WORDS or inner.rstrip().endswith((".", "!", "?", ",")):
        return False
    before = sentence[max(0, opening - 40) : opening]
    return bool(_NOUN_BEFORE_DE_RE.search(before) or _TITLE_NOUN_EN_RE.search(before))


# A work-time policy named by its share: "our 30% time", "Google's 20 % time".
_POLICY_AFTER_RE = re.compile(r"^[ \u00a0]?(?:%|percent|Prozent)?[ \u00a0]time\b")
_POSSESSOR_BEFORE_RE = re.compile(r"(?:\b(?:our|their|its|the|his|her)|['’]s)[ \t]+$", re.IGNORECASE)


# A ranking or a stock index named by its size: "Fortune 100 data pipelines", "S&P 500 companies", "DAX 40"
_INDEX_BEFORE_RE = re.compile(r"(?<![\w&-])(?:Fortune|Global|Inc\.|S&P|DAX|MDAX|SDAX|TecDAX|FTSE|Russell|Nasdaq)[ \t]$")


def figure_in_name(sentence: str, start: int, end: int) -> bool:
    """The figure at sentence[start:end] names something: a compound noun built on it, a quoted title, a
    ranking or index ("Fortune 100") or a work-time policy."""
    if _INDEX_BEFORE_RE.search(sentence[max(0, start - 10) : start]):
        return True
    after = sentence[end : end + 12]
    if _POLICY_AFTER_RE.match(after) and _POSSESSOR_BEFORE_RE.search(sentence[max(0, start - 12) : start]):
        return True
    # the compound starts at the figure or its sign ("1,5 °C-Grenze"), not at a counted noun ("100.000 Personen-…")
    compound = _FIGURE_END_RE.search(sentence[max(start, end - 8) : end]) and _COMPOUND_AFTER_RE.match(after)
    return bool(compound) or _quoted_title(sentence, start, end)
