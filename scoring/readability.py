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

The formulas were built for running prose; `prose()` picks it from a page's main text (one block per
line, as spiders/main_content.py writes it), so lists, tables, card grids, navigation and spec lists
are never rated — a product name of three compounds is no 3-word sentence of 4-syllable words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
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


# Two vowels in a row. Without them every vowel group is one letter (each of `_DE_VOWEL_GROUP`'s two-letter
# groups and of `_EN_HIATUS`'s pairs is two vowels in a row), so where Pyphen breaks the word cannot change a
# count: a German word has as many syllables as vowels, an English one no more by Pyphen's segments than by
# its vowel groups (unless a silent ending took one off). Pyphen's dictionaries here have no nonstandard
# hyphenation, so its segments are the word's letters in order (issue 19: ~40 µs a new word, the
# readability check's largest cost on a real site's vocabulary).
_DE_VOWEL_PAIR = re.compile(r"[aeiouyäöü]{2}")
_EN_VOWEL_PAIR = re.compile(r"[aeiouy]{2}")


@lru_cache(maxsize=65536)
def _part_syllables(part: str, lang: str) -> int:
    """Syllables of one lower-cased word without hyphens."""
    if lang == "de":
        if not _DE_VOWEL_PAIR.search(part):  # one vowel, one syllable, wherever Pyphen breaks
            return max(1, len(_DE_VOWEL_GROUP.findall(part)))
        segments = _hyphenator(lang).inserted(part, hyphen="\x00").split("\x00")
        count = sum(len(_DE_VOWEL_GROUP.findall(segment)) for segment in segments)
        return max(1, count)
    groups = len(_EN_VOWEL_GROUP.findall(part))
    silent = groups > 1 and bool(
        (_EN_SILENT_E.search(part) and not _EN_SYLLABIC_LE.search(part))
        or _EN_SILENT_ED.search(part)
        or _EN_SILENT_ES.search(part)
    )
    if not silent and not _EN_VOWEL_PAIR.search(part):  # Pyphen's segments hold no more vowels than the word
        return max(1, groups)
    segments = _hyphenator(lang).inserted(part, hyphen="\x00").split("\x00")
    from_pyphen = sum(1 for segment in segments if _EN_VOWEL_GROUP.search(segment))
    groups -= silent
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


Sentences = list[tuple[str, list[str]]]  # a text's sentences, each with its words

# The sentences of the last text `prose` returned, with their words: `prose` split its lines so already, and
# `text_stats` is next asked for that text (the readability check). One entry; any other text is split anew.
_SPLIT: list = [None, None]  # [text, Sentences]


def _sentences(text: str) -> Sentences:
    if text is _SPLIT[0] or text == _SPLIT[0]:
        return _SPLIT[1]
    return [(sentence, words(sentence)) for sentence in split_sentences(text)]


def text_stats(text: str, lang: str) -> TextStats:
    """Sentence, word and syllable counts; sentences without a word (a lone "2025.") are skipped."""
    language = _language(lang)
    n_sentences = n_words = n_syllables = poly = mono = long_words = 0
    longest, longest_words = "", 0
    every: list[str] = []  # counted once at the end: a Counter update per sentence cost more than the counting
    for sentence, tokens in _sentences(text):
        if not tokens:
            continue
        n_sentences += 1
        n_words += len(tokens)
        if len(tokens) > longest_words:
            longest, longest_words = sentence, len(tokens)
        every += tokens
    for token, n in Counter(every).items():  # each distinct word once (a page repeats most of its words)
        count = _word_syllables(token, language)
        n_syllables += n * count
        poly += n * (count >= 3)
        mono += n * (count == 1)
        long_words += n * ((len(token) if token.isalpha() else letters(token)) > LONG_WORD_LETTERS)
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


# -- running prose ------------------------------------------------------------------------------

PROSE_WORDS = 25  # a paragraph this long that ends like a sentence is prose even as one sentence
PROSE_SENTENCES = 2  # …or this many sentences of SENTENCE_WORDS words, together PROSE_SHORT_WORDS long
PROSE_SHORT_WORDS = 15
SENTENCE_WORDS = 3
LINE_WORDS = 4  # a one-sentence line shorter than this ("Mehr erfahren.") is a button, not a sentence
RUN_LINES = 3  # consecutive sentence lines are running text even without a long paragraph among them
MAX_NUMBER_SHARE = 0.2  # numbers per word: more, and it is a table row, a price list or a spec line
LABEL_WORDS = 3  # "Gewicht:", "Material und Pflege:" — a label before a colon is this short
VALUE_WORDS = 8  # …and its value shorter than this: longer, it is a sentence after a colon
LEAD_LABEL_WORDS = 5  # the label leading a list item: "Mehrfamilienhaus in der Wiehre: …"

# a sentence end, perhaps with a closing quote and a footnote number ("… Arteriosklerose.4")
_SENTENCE_END = re.compile(r"(?:[.!?…][\"'’”“«»)\]]*|(?<=[^\W\d_])[.!?]\d{1,3})$")
# web and mail addresses are no words a reader reads; the full stop after one still ends the sentence
_URL = re.compile(r"(?:https?://|www\.)\S*[^\s.,;:!?)\]\"'’”»]|[^\s@(]{1,64}@[^\s@]{1,253}\.\w+", re.IGNORECASE)
# a numbered reference with its source: "2 F Watanabe, H Katsura: Pseudovitamin B12 … (1999). URL: https://…"
_FOOTNOTE = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}[.)]?)\s")
_SOURCE_MARK = re.compile(r"https?://|www\.|\bdoi:|\(\D{0,30}\d{4}\)", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![^\W\d_])\d+(?:[.,:/–-]\d+)*")  # "2025", "12,5", "3-5"; not the 2 of "CO2"
_DIGIT = re.compile(r"\d")  # a line without one holds no _NUMBER
# a short label and a colon, at the start of the line or after a sentence, "; " or " | "
_LABEL = re.compile(r"(?:^|[.;!?|]\s+)([^\s:.;!?|][^:.;!?|]{0,40}?):\s")
_VALUE_END = re.compile(r"[.;!?|](?:\s|$)|:\s")
_LEAD_LABEL = re.compile(r"([^\s:.;!?|][^:.;!?|]{0,60}?)(?::|\s[–—-])\s")  # "Zweck: …", "Haltung — …"
_LEAD_LABEL_CHARS = 64  # a `_LEAD_LABEL` match is at most 61 + 2 + 1 characters: its colon or dash lies in these

# what a line of main text is (`_line_kind`)
PARAGRAPH = "paragraph"  # several sentences
LONG_SENTENCE = "long sentence"  # one sentence of PROSE_WORDS words or more
SENTENCE = "sentence"  # one shorter sentence
OTHER = "other"  # heading, list item, table cell, card title, button, navigation, label: value


@dataclass(frozen=True)
class Prose:
    """The running prose of a main text, and how much of the text it is."""

    text: str  # the prose paragraphs, one per line
    paragraphs: int
    words: int
    total_words: int  # every word of the main text


def _labels(line: str) -> int:
    """Label: value pairs — a short label and a short value ("Gewicht: 12 kg", "Material: Eiche"); a
    colon before a sentence ("Der Vorteil: Die Daten lassen sich … übernehmen.") is prose. A line without
    a colon has none (`_LABEL` ends in one)."""
    if ":" not in line:
        return 0
    count = 0
    for match in _LABEL.finditer(line):
        value = _VALUE_END.split(line[match.end() :], maxsplit=1)[0]
        count += len(words(match.group(1))) <= LABEL_WORDS and len(words(value)) < VALUE_WORDS
    return count


def _line_kind(line: str) -> str:
    """PARAGRAPH, LONG_SENTENCE, SENTENCE or OTHER. A line that does not end like a sentence is no
    prose (a paragraph may end with the colon that opens a list or a code block)."""
    return _line_split(line)[0]


def _line_split(line: str) -> tuple[str, str, Sentences | None]:
    """`_line_kind`, the line without web addresses and, when it was split (every line not OTHER), its
    sentences with their words."""
    return _line_split_counted(line)[:3]


_CLOSERS = "\"'’”“«»)]"  # what may follow a sentence's end mark (_SENTENCE_END)


def _ends_like_sentence(line: str) -> bool:
    """`_SENTENCE_END.search(line)`, looked for only where a match can start: the end mark before the closing
    quotes at the end, or a footnote number's mark at most four characters from the end."""
    return bool(_SENTENCE_END.search(line, max(0, len(line.rstrip(_CLOSERS)) - 5)))


def _without_urls(line: str) -> str:
    """The line without web and mail addresses; a line without '://', 'www.' or '@' holds none (_URL)."""
    if "@" in line or "://" in line or "www." in line.lower():
        return _URL.sub("", line).strip()
    return line.strip()


def _line_split_counted(line: str) -> tuple[str, str, Sentences | None, int | None]:
    """`_line_split` and the words of the line without web addresses when it was split (None otherwise).
    A line is tokenised once, sentence by sentence: a word never spans two sentences (the splitter cuts at
    white space), so the line's words are its sentences' words."""
    if _FOOTNOTE.match(line) and _SOURCE_MARK.search(line):
        return OTHER, line, None, None
    line = _without_urls(line)
    ends = _ends_like_sentence(line)
    if not (ends or line.endswith(":")):
        return OTHER, line, None, None
    split = [(sentence, words(sentence)) for sentence in split_sentences(line)]
    n_tokens = sum(len(tokens) for _, tokens in split)
    if n_tokens < LINE_WORDS:
        return OTHER, line, None, None
    if _DIGIT.search(line) and len(_NUMBER.findall(line)) > MAX_NUMBER_SHARE * n_tokens:
        return OTHER, line, None, None
    sentences = [s for s, w in split if len(w) >= SENTENCE_WORDS]
    labels = _labels(line)
    if labels and labels * 2 >= max(1, len(sentences)):  # "Material: Edelstahl. Gewicht: 12 kg."
        return OTHER, line, split, n_tokens
    if len(sentences) >= PROSE_SENTENCES and n_tokens >= PROSE_SHORT_WORDS:
        return PARAGRAPH, line, split, n_tokens
    if n_tokens >= PROSE_WORDS:
        return LONG_SENTENCE, line, split, n_tokens
    return SENTENCE if sentences and ends else OTHER, line, split, n_tokens


def _led(line: str) -> bool:
    """The line is led by a short label (`_LEAD_LABEL`); a line without a colon or a dash where the label's end
    can be is none, and the pattern is not tried on it (it tries every length of label up to the limit)."""
    head = line[:_LEAD_LABEL_CHARS]
    if ":" not in head and "-" not in head and "–" not in head and "—" not in head:
        return False
    return bool((m := _LEAD_LABEL.match(line)) and len(words(m.group(1))) <= LEAD_LABEL_WORDS)


def _line_kinds(
    lines: list[str],
    headings: set[str],
    splits: dict[int, tuple[str, Sentences]] | None = None,
    counts: dict[int, int] | None = None,
) -> list[str]:
    """The kind of every line. Headings are no prose; list items are none either: the lines after a
    colon ("Wir fordern:", "Ihre Vorteile:") up to the next heading or paragraph of several sentences,
    and one-sentence lines led by a label when the line before or after has one too ("Weingut am
    Kaiserstuhl: 86 kWp auf der Kelterhalle, Eigenverbrauch für die Kühlung."). `splits` gets each split
    line's text without web addresses and its sentences, by line number; `counts` the words of each split line
    that held no web address (those of the line as it came)."""
    kinds: list[str] = []
    in_list = False
    for i, line in enumerate(lines):
        if line in headings:
            kind = OTHER
        else:
            kind, clean, split, n_tokens = _line_split_counted(line)
            if splits is not None and split is not None:
                splits[i] = (clean, split)
            if counts is not None and n_tokens is not None and clean == line:
                counts[i] = n_tokens
        if line in headings or kind == PARAGRAPH:
            in_list = False
        elif in_list:
            kind = OTHER
        kinds.append(kind)
        in_list = in_list or line.endswith(":")
    led = [_led(line) for line in lines]
    for i, kind in enumerate(kinds):
        if kind != PARAGRAPH and led[i] and ((i > 0 and led[i - 1]) or (i + 1 < len(led) and led[i + 1])):
            kinds[i] = OTHER
    return kinds


# every character `str.split()` splits at (`str.isspace`) but the space and the line break
# (tests/test_score_speed_s11.py checks the list against every code point)
_OTHER_SPACES = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)


def _even_lines(text: str) -> list[str]:
    """`[" ".join(line.split()) for line in text.split("\n")]`. In a text without two spaces in a row and without
    any other white space than spaces and line breaks (a main text as the extractor writes it), a line is even
    as it is unless it starts or ends with a space: the others are not split and joined again (issue 19)."""
    lines = text.split("\n")
    if "  " in text or any(space in text for space in _OTHER_SPACES):
        return [" ".join(line.split()) for line in lines]
    return [line if line[:1] != " " and line[-1:] != " " else " ".join(line.split()) for line in lines]


def prose(main_text: str, headings: Iterable[str] = ()) -> Prose:
    """The running text of a page's main text (one block per line): a paragraph of several sentences
    or one long sentence, with the one-sentence lines in the same run of sentence lines (a short
    paragraph in an article); a run of RUN_LINES one-sentence lines counts as well. Left out: headings
    and every line that does not end like a sentence (list items, table cells, card titles,
    navigation, buttons), list items after a colon or led by a label, lines of numbers (table rows,
    prices, specs), label: value lines and numbered references. Web addresses are dropped from the
    lines kept."""
    lines = _even_lines(main_text)
    splits: dict[int, tuple[str, Sentences]] = {}
    counts: dict[int, int] = {}  # the words of the lines already tokenised
    kinds = _line_kinds(lines, {" ".join(h.split()) for h in headings}, splits, counts)
    kept: list[str] = []
    sentences: Sentences = []  # the kept lines' sentences: the text's, as split_sentences splits line by line
    run: list[int] = []
    for i, kind in enumerate([*kinds, OTHER]):
        if kind != OTHER:
            run.append(i)
            continue
        if len(run) >= RUN_LINES or any(kinds[j] in (PARAGRAPH, LONG_SENTENCE) for j in run):
            for j in run:
                clean, split = splits.get(j) or (_URL.sub("", lines[j]), None)
                # a line split as it came is even already (`lines`): `_without_urls` returned it as it was
                line = clean if clean is lines[j] else " ".join(clean.split())
                kept.append(line)
                sentences += split if split is not None and clean == line else _sentences(line)
        run = []
    text = "\n".join(kept)
    _SPLIT[:] = [text, sentences]
    # a word never spans two sentences, nor two lines: the text's words are its sentences' words, and the main
    # text's those of its lines (white space evened out: a word holds none)
    total = sum(counts[i] if i in counts else len(words(line)) for i, line in enumerate(lines))
    return Prose(text, len(kept), sum(len(tokens) for _, tokens in sentences), total)
