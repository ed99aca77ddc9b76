"""Readability's line split tokenises each line once (issue 19, ninth stop, second step): the shortcuts of
`scoring.readability` give what the patterns and the tokeniser they stand for give, on random lines."""

from __future__ import annotations

import random
import re

import pytest

from scoring.core import text
from scoring.core.text import split_sentences, words
from scoring.readability import _DIGIT, _NUMBER, _SENTENCE_END, _URL, _ends_like_sentence, _without_urls, prose

# characters the patterns care about: end marks, closing quotes, digits, address parts, white space, letters
ALPHABET = list("aZäß1 2.!?…\"'’”“«»)]([:;@/-_wW") + ["www.", "WWW.", "http://", "HTTPS://", "ſ", "\u00a0", " ", " "]


def _lines(seed: int, n: int = 4000) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40))) for _ in range(n)]


@pytest.mark.parametrize("seed", range(5))
def test_shortcuts_equal_the_patterns(seed: int) -> None:
    for line in _lines(seed):
        assert _ends_like_sentence(line) == bool(_SENTENCE_END.search(line)), line
        assert _without_urls(line) == _URL.sub("", line).strip(), line


@pytest.mark.parametrize("seed", range(5))
def test_a_lines_words_are_its_sentences_words(seed: int) -> None:
    for line in _lines(seed):
        assert words(line) == [w for sentence in split_sentences(line) for w in words(sentence)], line


TEXTS = [
    "Wärmepumpen im Altbau\nEine Wärmepumpe entzieht der Umgebung Wärme. Sie hebt sie auf ein höheres Niveau, "
    "z. B. für Heizung.\nMehr unter https://www.beispiel.example/ratgeber und im Merkblatt. Der Rest folgt bald.\n"
    "Ihre Vorteile:\nWeniger Kosten.\n  Gewicht:   12 kg. Material: Edelstahl.\n"
    "1 Watanabe: Vitamin B12 (1999). URL: https://example.org/x\nMail an info@example.org. Wir antworten schnell.",
    "Heat pumps\r\nA heat pump moves heat. It doesn't burn anything, e.g. gas.\n\n\u00a0Price: 12,500 USD\n"
    "Read www.example.org/guide now. We answer quickly and well.",
]


@pytest.mark.parametrize("text", TEXTS + _lines(7, 50))
def test_total_words_are_the_main_texts(text: str) -> None:
    assert prose(text, ["Wärmepumpen im Altbau"]).total_words == len(words(text))


def _abbreviation_by_pattern(chunk: str) -> bool:
    """`scoring.core.text._is_abbreviation` as it was: the last token found by `_TOKEN_BEFORE`."""
    match = text._TOKEN_BEFORE.search(chunk)
    if not match:
        return False
    token = match.group(1).lower().rstrip(".").lstrip("(\"'„“")
    if token in text.ABBREVIATIONS:
        return True
    return len(token) == 1 and token.isalpha() or bool(re.fullmatch(r"(?:\w\.)+\w", token))


@pytest.mark.parametrize("seed", range(5))
def test_abbreviation_and_number_shortcuts(seed: int) -> None:
    rng = random.Random(seed)
    pieces = [*ALPHABET, "z.", "B.", "u.a.", "Dr.", "ca.", "\n", "\t", "(", "„", "3."]
    for line in _lines(seed):
        chunk = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert text._is_abbreviation(chunk) == _abbreviation_by_pattern(chunk), chunk
        if not _DIGIT.search(line):
            assert not _NUMBER.findall(line)
