"""Which language a text is in, German or English, from its function words."""

from __future__ import annotations

import re

from scoring.core.lexicons.people import LOWER, UPPER

# Articles, prepositions, conjunctions and auxiliaries of both languages: words that name nothing themselves
# (an adjective run before a unit, a capitalised sentence opener taken for a surname: "Als Ergebnis …").
FUNCTION_WORDS = frozenset(
    """der die das den dem des und oder in im an am auf aus bei mit nach von vom zu zum zur für über unter vor
    bis ab je pro als wie the a an and or of in on at to for by with from per than as is are was were be
    been it its this that these those which who oder sowie sind ist war waren wird werden hat haben after
    before into over under about around up down out off through during since until more less than then
    also just only even still very so too not no all any each every other such same own few many much
    durch gegen ohne um trotz wegen während seit""".split()
)
_GERMAN_WORDS = frozenset(
    ("und", "der", "die", "das", "ist", "nicht", "mit", "für", "auf", "sich", "von", "ein", "eine", "wir", "auch")
)
_ENGLISH_WORDS = frozenset(
    ("the", "and", "is", "are", "not", "with", "for", "on", "of", "a", "an", "we", "you", "also", "this", "that")
)


def guess_language(text: str) -> str | None:
    """ "de" or "en" from function-word counts, None when the text is too short to tell."""
    tokens = re.findall(rf"[{LOWER}{UPPER}]+", text.lower())
    german = sum(t in _GERMAN_WORDS for t in tokens)
    english = sum(t in _ENGLISH_WORDS for t in tokens)
    if german + english < 5:
        return None
    return "de" if german > english else "en"
