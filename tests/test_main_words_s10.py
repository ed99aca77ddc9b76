"""signals.main_words counts all whitespace tokens less those of marks only (issue 19, tenth stop): the same count
as testing each token for a letter or a digit, on random texts of letters, digits, marks and kinds of space."""

from __future__ import annotations

import random
import re

from scoring.signals import main_words

_WORD = re.compile(r"\w")
ALPHABET = "ab Ä1 -–—.,;:!?\n\t\u00a0\u2003\u202f_ß€%/\x1c…"


def _per_token(text: str) -> int:
    return sum(1 for token in text.split() if _WORD.search(token))


def test_main_words_counts_as_the_per_token_test():
    rng = random.Random(10)
    for _ in range(20000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 80)))
        assert main_words(text) == _per_token(text), repr(text)


def test_main_words_on_a_page():
    assert main_words("Ein Satz – mit 3 Wörtern … und mehr: ja!") == 8
