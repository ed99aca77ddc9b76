"""Which language a text is in, German or English, from its function words."""

from __future__ import annotations

import re

from scoring.core.lexicons.people import LOWER, UPPER

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
