"""Readability formulas for German and English, fed with our own sentence and word counts.

Pure functions. Sentences come from `scoring.core.text.split_sentences` (abbreviation-aware) and words
from `scoring.core.text.words` (the word definition every word count uses), so the averages agree
with the word counts shown elsewhere in the report.

Syllables are counted with Pyphen's hyphenation dictionaries (the ones textstat uses), with two
corrections measured against hand counts:

* Pyphen is asked for breaks one letter from the word start ("a-ber", "o-der", "ü-ber"); textstat
  keeps its default of two and counts "aber" as one syllable.
* Inside each hyphenation segment, vowel groups are counted too ("Ener-gie" is E-ner-gie, three
  syllables; Pyphen never breaks after a single letter, so "Ener" would count as one).

For English, textstat 0.7.x counts syllables with the CMU dictionary, which NLTK downloads on first
use — network I/O inside scoring, which we do not allow. We take the larger of Pyphen's segment
count and a vowel-group rule with the usual English corrections (silent final e, "-ed", "-es").
Both estimates miss a syllable here and there; over a page of text the average syllables per
word is within a few percent of a hand count, which moves a Flesch score by a point or two.

Formulas (docs/sources.md §5):

* Flesch-Amstad (German): 180 − ASL − 58.5 × ASW
* Flesch Reading Ease (English): 206.835 − 1.015 × ASL − 84.6 × ASW
* Wiener Sachtextformel, variant 1 (German, school grade 4…15):
  0.1935 × MS + 0.1672 × SL + 0.1297 × IW − 0.0327 × ES − 0.875
* LIX (any language): ASL + 100 × long words / words

ASL: words per sentence; ASW: syllables per word; MS: % words with ≥ 3 syllables; SL: ASL;
IW: % words with more than 6 letters; ES: % words with one syllable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen

from scoring.core.text import split_sentences, words

SUPPORTED = ("de", "en")
PYPHEN_DICTIONARY = {"de": "de_DE", "en": "en_US"}
LONG_WORD_LETTERS = 6  # LIX / Wiener Sachtextformel: words with more than 6 letters are long

_DE_VOWEL_GROUP = re.compile(r"äu|eu|ei|ey|ai|ay|au|ie|aa|ee|oo|[aeiouyäöü]")
_EN_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# Adjacent vowels English pronounces as two syllables: "vi-de-o", "ra-di-a-tor", "an-nu-al".
_EN_HIATUS = re.compile(r"(?<![tcsg])i[ao]|(?<!p)eo|(?<!q)ua|(?<!q)uo|ea$|iu")
_EN_SILENT_E = re.compile(r"[^aeiouy]e$")
_EN_SYLLABIC_LE = re.compile(r"[^aeiouy]le$")
_EN_SILENT_ED = re.compile(r"[^aeiouytd]ed$")
_EN_SILENT_ES = re.compile(r"[^aeiouyszxgc]es$|[^aeiouysc]hes$")
_SPLIT_PARTS = re.compile(r"[-'’]+")
_NON_LETTERS = re.compile(r"[\W\d_]+")
_CONTRACTION = re.compile(r"['’](?:s|t|re|ve|ll|d|m)$")


@lru_cache(maxsize=4)
def _hyphenator(lang: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=PYPHEN_DICTIONARY[lang], left=1, right=2)


def _language(lang: str | None) -> str:
    primary = (lang or "").split("-")[0].split("_")[0].lower()
    if primary not in SUPPORTED:
        raise ValueError(f"no readability formula for language {lang!r}")
    return primary


@lru_cache(maxsize=65536)
def _part_syllables(part: str, lang: str) -> int:
    """Syllables of one lower-cased word without hyphens."""
    segments = _hyphenator(lang).inserted(part, hyphen="\x00").split("\x00")
    if lang == "de":
        count = sum(len(_DE_VOWEL_GROUP.findall(segment)) for segment in segments)
        return max(1, count)
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


def syllables(word: str, lang: str) -> int:
    """Syllables of one word token; compounds with hyphens ("E-Mail-Adresse") count per part."""
    return _word_syllables(word, _language(lang))


@lru_cache(maxsize=131072)
def _word_syllables(word: str, language: str) -> int:
    # "don't", "we're", "geht's": the contracted ending adds no syllable of its own.
    stem = _CONTRACTION.sub("", word.lower())
    vowels = _DE_VOWEL_GROUP if language == "de" else _EN_VOWEL_GROUP
    parts = [p for p in _SPLIT_PARTS.split(stem) if vowels.search(p)]
    return max(1, sum(_part_syllables(p, language) for p in parts))


def letters(word: str) -> int:
    return len(_NON_LETTERS.sub("", word))


@dataclass(frozen=True)
class TextStats:
    """Counts every formula is computed from."""

    lang: str
    sentences: int
    words: int
    syllables: int
    polysyllables: int  # words with 3 or more syllables
    monosyllables: int  # words with 1 syllable
    long_words: int  # words with more than 6 letters
    longest_sentence: str = ""
    longest_sentence_words: int = 0

    @property
    def asl(self) -> float:
        """Average sentence length in words."""
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def asw(self) -> float:
        """Average syllables per word."""
        return self.syllables / self.words if self.words else 0.0


def text_stats(text: str, lang: str) -> TextStats:
    """Sentence, word and syllable counts; sentences without a word (a lone "2025.") are skipped."""
    language = _language(lang)
    n_sentences = n_words = n_syllables = poly = mono = long_words = 0
    longest, longest_words = "", 0
    for sentence in split_sentences(text):
        tokens = words(sentence)
        if not tokens:
            continue
        n_sentences += 1
        n_words += len(tokens)
        if len(tokens) > longest_words:
            longest, longest_words = sentence, len(tokens)
        for token in tokens:
            count = _word_syllables(token, language)
            n_syllables += count
            poly += count >= 3
            mono += count == 1
            long_words += letters(token) > LONG_WORD_LETTERS
    return TextStats(language, n_sentences, n_words, n_syllables, poly, mono, long_words, longest, longest_words)


def flesch_amstad(stats: TextStats) -> float:
    """German Flesch Reading Ease after Amstad (1978): 180 − ASL − 58.5 × ASW."""
    return 180 - stats.asl - 58.5 * stats.asw


def flesch_reading_ease(stats: TextStats) -> float:
    """English Flesch Reading Ease (Flesch 1948): 206.835 − 1.015 × ASL − 84.6 × ASW."""
    return 206.835 - 1.015 * stats.asl - 84.6 * stats.asw


def wiener_sachtextformel(stats: TextStats) -> float:
    """First Wiener Sachtextformel (Bamberger & Vanecek 1984): a school grade, 4 easy … 15 hard."""
    if not stats.words:
        return 0.0
    ms = 100 * stats.polysyllables / stats.words
    iw = 100 * stats.long_words / stats.words
    es = 100 * stats.monosyllables / stats.words
    return 0.1935 * ms + 0.1672 * stats.asl + 0.1297 * iw - 0.0327 * es - 0.875


def lix(stats: TextStats) -> float:
    """Läsbarhetsindex (Björnsson 1968): ASL + percentage of words longer than 6 letters."""
    if not stats.words:
        return 0.0
    return stats.asl + 100 * stats.long_words / stats.words


def reading_ease(stats: TextStats) -> float:
    """The Flesch variant for the text's language: Amstad for German, Flesch for English."""
    return flesch_amstad(stats) if stats.lang == "de" else flesch_reading_ease(stats)


def ease_label(score: float) -> str:
    """Flesch's own bands (shared by Amstad's German adaptation)."""
    for bound, label in (
        (90, "very easy"),
        (80, "easy"),
        (70, "fairly easy"),
        (60, "standard"),
        (50, "fairly difficult"),
        (30, "difficult"),
    ):
        if score >= bound:
            return label
    return "very difficult"
