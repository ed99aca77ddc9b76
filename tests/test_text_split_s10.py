"""The sentence splitter's cheaper order of tests (issue 19, tenth stop) and readability's label guard split and
count as before: against the previous splitter and the bare label pattern, on random paragraphs made of the
characters and words the tests look at."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from scoring import readability
from scoring.core import text
from scoring.core.records import WORD_RE
from scoring.core.text import _CANDIDATE_END, _MONTH_AFTER, _ORDINAL_BEFORE, split_sentences
from scoring.readability import _LABEL, _VALUE_END, LABEL_WORDS, VALUE_WORDS, _labels, words

PIECES = [
    *"aZäß1 9.!?…\"'”«»):;|-\t",
    "\u00b2",  # a superscript two: a digit to `isdigit`, not a decimal (`\\d`)
    "\u0663",  # an Arabic-Indic three: a decimal
    "z. B.",
    "u.a.",
    "Dr.",
    "M.",
    "3.",
    "12.",
    "1234.",
    " Oktober",
    " märz",
    " Jan",
    "Wort",
    "wort",
    "  ",
    ". ",
    "! ",
    ": ",
    "Gewicht: 12 kg",
]


def _paragraphs(seed: int, n: int = 3000) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 60))) for _ in range(n)]


def _previous_split(text_: str) -> list[str]:
    """`split_sentences` before the reordering (every test on every candidate end)."""
    sentences: list[str] = []
    for paragraph in text_.split("\n"):
        start = 0
        for match in _CANDIDATE_END.finditer(paragraph):
            end = match.end()
            stop = match.start() + len(match.group(0).rstrip())
            cut = max(start, stop - text._TAIL_CHARS)
            tail = ("#" if cut > start else "") + paragraph[cut:stop]
            rest = paragraph[end : end + text._REST_CHARS]
            if match.group(0).startswith(".") and match.group(0).strip() == ".":
                if _previous_abbreviation(tail):
                    continue
                if _ORDINAL_BEFORE.search(tail) and (_MONTH_AFTER.match(rest) or rest[:1].isdigit()):
                    continue
            if rest[:1].islower():
                continue
            sentence = paragraph[start:stop].strip()
            if sentence:
                sentences.append(sentence)
            start = end
        tail = paragraph[start:].strip()
        if tail:
            sentences.append(tail)
    return sentences


def _previous_abbreviation(chunk: str) -> bool:
    if chunk.endswith("\n"):
        chunk = chunk[:-1]
    if not chunk or chunk[-1].isspace():
        return False
    token = chunk.rsplit(None, 1)[-1].lower().rstrip(".").lstrip("(\"'„“")
    if token in text.ABBREVIATIONS:
        return True
    return len(token) == 1 and token.isalpha() or bool(text._DOTTED_CHAIN.fullmatch(token))


@pytest.mark.parametrize("seed", range(5))
def test_sentences_are_split_as_before(seed: int) -> None:
    paragraphs = _paragraphs(seed)
    for paragraph in paragraphs:
        assert split_sentences(paragraph) == _previous_split(paragraph), paragraph
    joined = "\n".join(paragraphs[:200])
    assert split_sentences(joined) == _previous_split(joined)


@pytest.mark.parametrize("seed", range(3))
def test_abbreviations_as_before(seed: int) -> None:
    for chunk in _paragraphs(seed + 10):
        for cut in (chunk, "#" + chunk[-40:], chunk + "."):
            assert text._is_abbreviation(cut) == _previous_abbreviation(cut), cut


@pytest.mark.parametrize("seed", range(3))
def test_labels_counted_as_before(seed: int) -> None:
    for line in _paragraphs(seed + 20):
        previous = 0
        for match in _LABEL.finditer(line):
            value = _VALUE_END.split(line[match.end() :], maxsplit=1)[0]
            previous += len(words(match.group(1))) <= LABEL_WORDS and len(words(value)) < VALUE_WORDS
        assert _labels(line) == previous, line


WORD_PIECES = [*"aZäß1 9_'’-.\t", "\u00b2", "\u0663", "\u0301", "ǅ", "ﬁ", "--", "a-", "-a", "_a", "1a", "a1", "’s"]


@pytest.mark.parametrize("seed", range(5))
def test_words_are_word_re_tokens(seed: int) -> None:
    """`words` finds `WORD_RE`'s tokens with a look-behind instead of an optional group: the same on random texts."""
    rng = random.Random(seed)
    for _ in range(4000):
        line = "".join(rng.choice(WORD_PIECES) for _ in range(rng.randint(0, 40)))
        assert words(line) == WORD_RE.findall(line), line


def _previous_stats(text_: str, lang: str) -> readability.TextStats:
    """`text_stats` before its tokens were counted at once (a Counter update per sentence)."""
    n_sentences = n_words = n_syllables = poly = mono = long_words = 0
    longest, longest_words = "", 0
    counts: Counter[str] = Counter()
    for sentence in split_sentences(text_):
        tokens = words(sentence)
        if not tokens:
            continue
        n_sentences += 1
        n_words += len(tokens)
        if len(tokens) > longest_words:
            longest, longest_words = sentence, len(tokens)
        counts.update(tokens)
    for token, n in counts.items():
        count = readability.syllables(token, lang)
        n_syllables += n * count
        poly += n * (count >= 3)
        mono += n * (count == 1)
        long_words += n * (readability.letters(token) > readability.LONG_WORD_LETTERS)
    found = (n_sentences, n_words, n_syllables, poly, mono, long_words)
    return readability.TextStats(lang, *found, longest, longest_words)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_text_stats_as_before(lang: str) -> None:
    paragraphs = _paragraphs(30)
    for i in range(0, len(paragraphs), 7):
        text_ = "\n".join(paragraphs[i : i + 7])
        assert readability.text_stats(text_, lang) == _previous_stats(text_, lang), text_
