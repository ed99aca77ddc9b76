"""`split_sentences` after the issue 19 speed-ups splits exactly as before.

Three changes, each a pure shortcut: the candidate-end pattern opens with a character set (so the regex engine skips
to the next mark instead of trying a match at every character), a line without any mark is a sentence as it stands,
and a last token that `_is_abbreviation` and the ordinal test could only call a sentence end is accepted without them.
The splitter as it was is kept below as the reference and both are run on random and real-like German and English
texts; a store of real audits, when present, is compared page by page.
"""

from __future__ import annotations

import os
import random
import re
import sys

import pytest

from scoring.core import text
from scoring.core.text import split_sentences

# --- the splitter before the speed-ups (scoring/core/text.py at 1d0f41f), the reference ---------------------------

_OLD_CANDIDATE_END = re.compile(r"[.!?…]+[\"'”“«»)]*\s+")
_OLD_ORDINAL_BEFORE = re.compile(r"(?:^|\s)\d{1,3}\.$")
_OLD_MONTH_AFTER = re.compile(rf"(?:{text.MONTHS})\b", re.IGNORECASE)
_OLD_DOTTED_CHAIN = re.compile(r"(?:\w\.)+\w")
_OLD_TAIL_CHARS = 40
_OLD_REST_CHARS = 20


def _old_is_abbreviation(chunk: str) -> bool:
    if chunk.endswith("\n"):
        chunk = chunk[:-1]
    if not chunk or chunk[-1].isspace():
        return False
    token = chunk.rsplit(None, 1)[-1].lower().rstrip(".").lstrip("(\"'„“")
    if token in text.ABBREVIATIONS:
        return True
    return len(token) == 1 and token.isalpha() or ("." in token and bool(_OLD_DOTTED_CHAIN.fullmatch(token)))


def _old_split_sentences(text_: str) -> list[str]:
    sentences: list[str] = []
    for paragraph in text_.split("\n"):
        start = 0
        for match in _OLD_CANDIDATE_END.finditer(paragraph):
            end = match.end()
            if paragraph[end : end + 1].islower():
                continue
            mark = match.group(0)
            stop = match.start() + len(mark.rstrip())
            if mark[0] == "." and mark.strip() == ".":
                cut = max(start, stop - _OLD_TAIL_CHARS)
                tail = ("#" if cut > start else "") + paragraph[cut:stop]
                if _old_is_abbreviation(tail):
                    continue
                if tail[-2:-1].isdecimal() and _OLD_ORDINAL_BEFORE.search(tail):
                    rest = paragraph[end : end + _OLD_REST_CHARS]
                    if _OLD_MONTH_AFTER.match(rest) or rest[:1].isdigit():
                        continue
            sentence = paragraph[start:stop].strip()
            if sentence:
                sentences.append(sentence)
            start = end
        tail = paragraph[start:].strip()
        if tail:
            sentences.append(tail)
    return sentences


# --- texts ------------------------------------------------------------------------------------------------------------

SENTENCES = (
    "Das ist z. B. ein Test.",
    "Das gilt z.B. auch hier.",
    "Wir treffen Dr. Müller und Prof. Dr. Schmidt am 3. Oktober 2024.",
    "Am 1. Januar beginnt es, am 24. Dez. endet es.",
    "Hausnr. 12, Nr. 5, Str. 7, Tel. 030 1234567.",
    "Äpfel, Birnen usw. Dann kam der Rest.",
    "Das gilt u.a. für Kinder, d.h. für alle.",
    "Preise inkl. MwSt. zzgl. Versand.",
    "Die Firma ABC GmbH. Sie sitzt in Berlin.",
    "Der 2. Weltkrieg endete 1945. Danach kam der Wiederaufbau.",
    "Es kostet 3.5 Mio. Euro. Das ist viel.",
    "Er sagte: „Nein.“ Dann ging er.",
    "Was nun? Keine Ahnung! Vielleicht morgen…",
    "Warte... Noch nicht. Jetzt!",
    "Siehe www.example.de. Oder https://example.com/a.b?c=d. Dann weiter.",
    "Vgl. S. 12 ff. und Abs. 3.",
    "Mio. Menschen leben hier. Ca. 20 % davon.",
    "Das ist (ca. 5 km) weit. (Siehe oben.) Ende.",
    "This is e.g. a test. It works, i.e. mostly.",
    "Mr. Smith met Mrs. Jones at Acme Inc. on Jan. 5. They talked.",
    "J. R. R. Tolkien wrote books. C. S. Lewis did too.",
    "The U.S.A. is large. The U.K. is not.",
    "Approx. 3.14 units. Fig. 2 shows it.",
    "It was No. 1. Then No. 2 came.",
    "Version 2.0. Released in 2023. Next is v3.",
    "He paid $4.99. She paid €5,00. They left.",
    "Wait… what? Really?! Yes.",
    "\"Quoted.\" Then 'single.' Then «Guillemets.» Done.",
    "A sentence ending in a number 42. Next sentence.",
    "Ein Satz mit einem sehr langen Wort: Donaudampfschifffahrtsgesellschaft. Danach.",
    "Kurz. Lang. Ja. Nein. Ok. Gut. Alles. Bestens. Wunderbar.",
    "Am 3. Mai. Am 12. 12. 2020. Am 100. Tag. Am 1000. Tag.",
    "ΑΣ. Σ. İstanbul. İİİİİİ. Straße. STRASSE.",
    "٣. Oktober. ١٢٣. Tag. 12. März.",
    "Bzw. etc. Usw. Sept. Okt. Dec. St. Hr. Fr. Inh.",
    "...",
    ". . .",
    "Ende.",
)

# fmt: off
PIECES = (
    *SENTENCES,
    " ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2028", "\x1c", "\r", "\x85", "\u3000",
    ".", ". ", "! ", "? ", "… ", ".. ", "... ", ".\" ", ".) ", ".” ", "!» ",
    "z. ", "B. ", "Dr. ", "dr. ", "Nr. ", "usw. ", "e.g. ", "Inc. ", "Approx. ", "approx. ", "Approxi. ",
    "3. ", "12. ", "123. ", "1234. ", "Oktober ", "oktober ", "März ", "2024 ", "5 ",
    "J. ", "R. ", "a.b.c. ", "u.v.m. ", "i.d.R. ", "www.x.de. ", "3.5. ", "(", "„", "“", "\"", "'", "#",
    "Wort ", "wort ", "Worte. ", "Wörter. ", "Satzende. ", "abcdef. ", "abcdefg. ", "Ab. ", "AB. ", "ab. ",
    "İ. ", "İİİ. ", "ΑΣ. ", "ς. ", "٣. ", "x" * 45 + ". ", "y" * 39 + ". ", "." * 42 + " ",
)
# fmt: on

ALPHABET = ".!?…\"'”“«»)(„#  \t\u00a0\u2028\x1c\n\raAbBzZ19٣İΣß-/:"


def _pieces_text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 80)))


def _char_text(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 120)))


def _word_text(rng: random.Random) -> str:
    """Words of random lengths around the longest abbreviation, with and without inner dots, then a mark."""
    out = []
    for _ in range(rng.randint(0, 40)):
        size = rng.randint(0, 9)
        word = "".join(rng.choice('abcdefzAZ.1٣İ"(„') for _ in range(size))
        out.append(word + rng.choice(("", ".", ". ", "..", "! ", " ", "  ", "\u00a0")))
    return "".join(out)


# --- tests ------------------------------------------------------------------------------------------------------------


def test_fixed_sentences_as_before() -> None:
    for sentence in SENTENCES:
        assert split_sentences(sentence) == _old_split_sentences(sentence), sentence
    joined = " ".join(SENTENCES)
    assert split_sentences(joined) == _old_split_sentences(joined)
    assert split_sentences("\n".join(SENTENCES)) == _old_split_sentences("\n".join(SENTENCES))


@pytest.mark.parametrize("seed", range(6))
def test_random_texts_as_before(seed: int) -> None:
    rng = random.Random(seed)
    for make in (_pieces_text, _char_text, _word_text):
        for _ in range(1500):
            sample = make(rng)
            assert split_sentences(sample) == _old_split_sentences(sample), repr(sample)


@pytest.mark.parametrize("seed", range(3))
def test_candidate_ends_as_before(seed: int) -> None:
    rng = random.Random(seed + 100)
    for _ in range(3000):
        sample = _char_text(rng) + _pieces_text(rng)
        old = [m.span() for m in _OLD_CANDIDATE_END.finditer(sample)]
        assert [m.span() for m in text._CANDIDATE_END.finditer(sample)] == old, repr(sample)


@pytest.mark.parametrize("seed", range(3))
def test_is_abbreviation_as_before(seed: int) -> None:
    rng = random.Random(seed + 200)
    for _ in range(2000):
        chunk = _word_text(rng)
        for cut in (chunk, "#" + chunk[-40:], chunk + ".", chunk + "\n"):
            assert text._is_abbreviation(cut) == _old_is_abbreviation(cut), repr(cut)


def test_lower_case_never_shortens_nor_makes_a_dot_or_quote() -> None:
    """What the token shortcut relies on: a token's lower-cased form is at least as long, and lower-casing makes no
    dot or opening quote, so stripping before or after lower-casing leaves the same token; and the length bound."""
    marks = set("." + text._OPENING_QUOTES)
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        lowered = char.lower()
        assert len(lowered) >= 1
        assert char in marks or not marks & set(lowered), hex(point)
    assert max(len(a) for a in text.ABBREVIATIONS) == text._LONGEST_ABBREVIATION


STORE = "/tmp/s11/i19b/base.db"


@pytest.mark.skipif(not os.path.exists(STORE), reason="the store of real audits is not on this machine")
def test_real_pages_as_before() -> None:
    from auditor.store import Store

    store = Store(STORE)
    pages = 0
    for row in store.list_audits(500):
        for page in store.iter_pages(row.id):
            main_text = page.main_text or ""
            assert split_sentences(main_text) == _old_split_sentences(main_text), (row.id, page.url)
            pages += 1
    assert pages > 0
