"""Score-stage shortcuts of issue 19's eleventh stop, each against the straightforward form it replaces, on
random and varied German and English inputs: readability's line split without evening lines that are even
already, and syllables counted without Pyphen where its breaks cannot change the count."""

from __future__ import annotations

import random
import re
import sys

import numpy as np
import pytest

from scoring import readability, shingles
from scoring.readability import (
    _DE_VOWEL_GROUP,
    _EN_HIATUS,
    _EN_SILENT_E,
    _EN_SILENT_ED,
    _EN_SILENT_ES,
    _EN_SYLLABIC_LE,
    _EN_VOWEL_GROUP,
    _OTHER_SPACES,
    _even_lines,
    _hyphenator,
    _without_urls,
    prose,
    text_stats,
)

GERMAN = (
    "Die Wärmepumpe entzieht der Umgebung Wärme und hebt sie auf ein höheres Niveau. Beeinflussen, beinhalten, "
    "Ener­gie, Bauaufsicht, Feuerwehr, Eigentümer, Äußerung, Gebäudeenergiegesetz, Koordination, Zoo, Meer, "
    "Aal, Haus, Häuser, Leute, Mayer, Bayern, Kiefer, Vieh, Idee, Poesie, Situation, Museum, Studie, Ruine. "
    "Z. B. am 3. Oktober, ca. 20 % der Fläche; Dr. Eva Maier berät Sie unter www.beispiel.de oder WWW.Beispiel.DE "
    "und info@beispiel.de. Geht's? Grüße, Straße, Öl, Übung, Qualität, Quellen, Bioethik, Geoinformation."
)
ENGLISH = (
    "A heat pump moves heat from the air into your home. Video, radiator, annual, create, idea, science, "
    "poem, quiet, quality, queue, area, ocean, violin, piano, geometry, stadium, museum, named, makes, "
    "boxes, wanted, little, table, people, beautiful, don't, we're, they'll, e.g. gas; mail info@example.org "
    "or read https://example.org/guide and www.Example.org now. Through, rhythm, myth, eye, eyes, toy, "
    "buoy, cooperate, reelect, naive, being, doing, seeing, trial, dual, fluid, genuine, biology, theory."
)
VOCABULARY = sorted({w.lower() for w in readability.words(GERMAN + " " + ENGLISH)})
LETTERS = "aeiouyäöübcdfghklmnprstwzßqjxv"
SPACES = [" ", "  ", "\t", "\u00a0", "\u2009", "\u3000", "\r", "\x0b"]
ALPHABET = list("aZäß1 2.!?…\"'’”“«»)]([:;@/-_wW") + ["www.", "WWW.", "wWw.", "ww.", "http://", "İ", "ẞ", "Ｗ"]


def _line(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET + SPACES) for _ in range(rng.randint(0, 50)))


def _text(rng: random.Random) -> str:
    """Lines of German and English sentences with random white space, addresses and punctuation."""
    pool = readability.words(GERMAN) + readability.words(ENGLISH) + [".", "!", "?", ":", "3.", "z. B.", "(1999)"]
    lines = []
    for _ in range(rng.randint(0, 12)):
        if rng.random() < 0.2:
            lines.append(_line(rng))
            continue
        n = rng.randint(0, 40)
        parts = [rng.choice(pool) + (rng.choice(".!?:,") if rng.random() < 0.2 else "") for _ in range(n)]
        glue = [" "] * 12 + SPACES
        line = "".join(p + rng.choice(glue) for p in parts)
        lines.append((rng.choice(["", " ", "\t"]) if rng.random() < 0.1 else "") + line.rstrip(" ") + ".")
    return "\n".join(lines)


# -- lines evened only where they are not even


def test_other_spaces_are_every_space_but_blank_and_line_break() -> None:
    expected = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()} - {" ", "\n"}
    assert set(_OTHER_SPACES) == expected and len(_OTHER_SPACES) == len(expected)


@pytest.mark.parametrize("seed", range(5))
def test_even_lines_equal_evening_every_line(seed: int) -> None:
    rng = random.Random(seed)
    texts = [_text(rng) for _ in range(400)]
    texts += ["", " ", "\n", "a\n", "\na", "a ", " a", "a  b", "a \nb", "a\n b", "a\tb", "a\u00a0b", GERMAN, ENGLISH]
    texts += ["\n".join(" ".join(t.split()) for t in text.split("\n")) for text in texts]  # even ones
    for text in texts:
        assert _even_lines(text) == [" ".join(line.split()) for line in text.split("\n")], repr(text)


@pytest.mark.parametrize("seed", range(5))
def test_a_kept_line_returned_as_it_came_is_even(seed: int) -> None:
    """`prose` takes a split line as kept when `_without_urls` returned the very line: it is even already."""
    rng = random.Random(seed)
    for _ in range(300):
        for line in _even_lines(_text(rng)):
            if _without_urls(line) is line:
                assert " ".join(line.split()) == line


@pytest.mark.parametrize("seed", range(3))
def test_prose_and_counts_of_uneven_texts_are_those_of_even_ones(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(200):
        text = _text(rng)
        even = "\n".join(" ".join(line.split()) for line in text.split("\n"))
        a, b = prose(text), prose(even)
        assert a == b
        for lang in ("de", "en"):
            assert text_stats(a.text, lang) == text_stats(b.text, lang)


# -- syllables without Pyphen where its breaks cannot change the count


def _part_syllables_by_pyphen(part: str, lang: str) -> int:
    """`scoring.readability._part_syllables` before this stop: every word through Pyphen."""
    segments = _hyphenator(lang).inserted(part, hyphen="\x00").split("\x00")
    if lang == "de":
        return max(1, sum(len(_DE_VOWEL_GROUP.findall(segment)) for segment in segments))
    from_pyphen = sum(1 for segment in segments if _EN_VOWEL_GROUP.search(segment))
    groups = len(_EN_VOWEL_GROUP.findall(part))
    if groups > 1 and (
        (_EN_SILENT_E.search(part) and not _EN_SYLLABIC_LE.search(part))
        or _EN_SILENT_ED.search(part)
        or _EN_SILENT_ES.search(part)
    ):
        groups -= 1
    groups += len(_EN_HIATUS.findall(part))
    return max(1, from_pyphen, groups)


def test_pyphen_dictionaries_have_no_nonstandard_hyphenation() -> None:
    """The premise: Pyphen inserts breaks and changes no letter ("Zuk-ker" for "Zucker" would)."""
    for lang in ("de", "en"):
        patterns = _hyphenator(lang).hd.patterns
        assert not any(getattr(v, "data", None) for _, values in patterns.values() for v in values)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_syllables_of_real_words_equal_pyphens(lang: str) -> None:
    fast = readability._part_syllables.__wrapped__
    for word in VOCABULARY:
        for part in re.split(r"[-'’]+", word):
            if part:
                assert fast(part, lang) == _part_syllables_by_pyphen(part, lang), (part, lang)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("lang", ["de", "en"])
def test_syllables_of_random_words_equal_pyphens(seed: int, lang: str) -> None:
    rng = random.Random(seed)
    fast = readability._part_syllables.__wrapped__
    for _ in range(1500):
        word = "".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 14)))
        for ending in ("", "e", "le", "ed", "es", "hes", "ea", "ion"):
            assert fast(word + ending, lang) == _part_syllables_by_pyphen(word + ending, lang), (word + ending, lang)


# -- the lead-label pattern tried only where its colon or dash can be


def _led_by_pattern(line: str) -> bool:
    m = readability._LEAD_LABEL.match(line)
    return bool(m and len(readability.words(m.group(1))) <= readability.LEAD_LABEL_WORDS)


@pytest.mark.parametrize("seed", range(5))
def test_led_equals_the_pattern(seed: int) -> None:
    rng = random.Random(seed)
    label_chars = list("abcäß XY1.;!?|") + [":", " :", " - ", " – ", " — ", "-", "\t", " "]
    for _ in range(4000):
        line = "".join(rng.choice(label_chars) for _ in range(rng.randint(0, 80)))
        assert readability._led(line) == _led_by_pattern(line), line
    for n in range(55, 70):  # the colon or dash around the limit
        for mark in (": ", " - ", " – ", " — "):
            line = "W" * n + mark + "Wert"
            assert readability._led(line) == _led_by_pattern(line), line
    for text in (GERMAN, ENGLISH, _text(rng)):
        for line in text.split("\n") + ["Zweck: Beratung", "Haltung — klar", "Preis: 12 Euro pro Monat und mehr"]:
            assert readability._led(line) == _led_by_pattern(line), line


# -- shingle word codes from a plain dict


@pytest.mark.parametrize("limit", [1 << 17, 50, 3])
def test_token_codes_equal_each_words_code(monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    """Whatever the dict holds, fills or empties, each token's code is its lower-cased word's BLAKE2b code."""
    monkeypatch.setattr(shingles, "_TOKEN_CODES", {})
    monkeypatch.setattr(shingles, "_TOKEN_CODES_MAX", limit)
    rng = random.Random(limit)
    pool = readability.words(GERMAN) + readability.words(ENGLISH) + ["WÄRME", "Wärme", "wärme", "İstanbul", "ẞ"]
    largest = 0  # the dict holds at most `limit` tokens, or one page's when a page has more
    for _ in range(300):
        tokens = [rng.choice(pool) for _ in range(rng.randint(0, 60))]
        largest = max(largest, len(set(tokens)))
        expected = np.array([shingles._word_code(t.lower()) for t in tokens], dtype=np.uint64)
        assert np.array_equal(shingles._token_codes(tokens), expected), tokens
        assert len(shingles._TOKEN_CODES) <= max(limit, largest)
    text = GERMAN + "\n" + ENGLISH
    assert np.array_equal(shingles.shingle_hashes(text), shingles.shingle_hashes(readability.words(text)))
