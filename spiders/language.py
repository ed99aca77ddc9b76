"""The language of a page, read from its text: py3langid (the langid.py model that trafilatura uses,
97 languages, shipped inside its PyPI package: no download, no network) over a sample of the main text.

The declared language (`<html lang>`, the Content-Language meta) is what the page *says*; this is what
it *is*. A text too short to tell keeps its declared language unless it leans to another one, with a
low confidence that no check judges (`declared_reading`); a short page declaring nothing, or a longer
text too mixed to tell, gives None (not measured), never a guess.

The model takes about a second to load: `load_model()` loads it once per process, and a process about
to fork a multiprocessing worker (the crawl's extraction pool, spiders.extract_workers) loads it just
before, so the workers share that copy instead of each spending a second of its first page's budget.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from scoring.core.records import count_words
from scoring.core.text import PLACEHOLDER_TEXT
from spiders.document import HtmlTree
from spiders.extract_head import meta_content

# Below MIN_WORDS words no language is told; from there on only when the model is MIN_CONFIDENCE sure
# (its probabilities are calibrated over the text's length, so a short text needs a clear one). On the
# real corpus no page was told wrong at these values (bench/realworld.py reports the accuracy).
MIN_WORDS = 10
MIN_CONFIDENCE = 0.8
PROSE_WORDS = 6  # a line of at least this many words is prose; shorter ones are labels, names, buttons
WINDOW_CHARS = 1000  # the sample: up to three windows of this size, from the start, middle and end
# A text too short to tell (under SHORT_WORDS words with its title and description; a longer one the
# model is unsure of is mixed, and stays unmeasured) keeps the language it declares when the text fits
# it: the declared language is among the model's TOP_RANKS likeliest for it, and no other language
# reaches CONTRADICTS. "Kontakt / Telefon 07661 12345" under lang="en" ranks English 61st: not taken
# (German words under a wrong English template); "Page has moved / Click here" under lang="en" ranks
# it first. Such a reading is stored with the model's probability of the declared language, capped
# at DECLARED_CONFIDENCE: below what any check judges (declared-language needs 0.9).
SHORT_WORDS = 40
MIN_DISTINCT = 3  # different words (of letters) the text itself needs: "blah blah blah" tells nothing
TOP_RANKS = 10
CONTRADICTS = 0.3
DECLARED_CONFIDENCE = 0.5
MIN_SHARE = 0.1  # a language on less of the prose is noise in `language_shares` (a quoted line, a name)
# "zxx": the model's label for no linguistic content (code, numbers)
NOT_A_LANGUAGE = {"zxx"}
# Languages the model takes a short text of a close neighbour for: a short German list of titles reads
# as Luxembourgish ("lb" 0.54, "de" 0.29), a short English one as Nigerian Pidgin. Such a reading
# does not contradict the declared neighbour (declared_reading); it never makes a language by itself.
NEAR_VARIANTS = {"de": {"lb"}, "en": {"pcm"}, "nl": {"af"}, "no": {"nn", "da"}, "nn": {"no", "da"}, "da": {"no", "nn"}}
# Placeholder text of unfinished templates ("Lorem ipsum dolor sit amet …") is no language of the page:
# its lines are left out of the sample when the text carries the placeholder's opening words.
PLACEHOLDER_LANGUAGE = "la"

_model: Any = None
_lock = threading.Lock()


def load_model() -> Any:
    """py3langid's identifier with probabilities calibrated over text length (loaded once), its byte walk
    vectorised (`_vectorised_identifier`)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                import numpy as np
                from py3langid.langid import MODEL_DIR, MODEL_FILE

                ptc, pc, classes, nextmove, row, output = model_parts(MODEL_DIR / MODEL_FILE)
                # as py3langid's LanguageIdentifier.from_model_file makes it
                identifier = _vectorised_identifier()
                _model = identifier(
                    np.asarray(ptc), np.asarray(pc), classes, nextmove, output, norm_probs=True, tk_row=row
                )
    return _model


def model_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "geo-auditor" / "models"


def model_parts(source: Path) -> tuple[Any, ...]:
    """What py3langid's loader returns for its model file `source`, read from an uncompressed copy in
    the user's cache when there is one. The model ships LZMA-compressed: decompressing it costs every
    process that extracts pages 0.35 s of CPU (0.6 s with its loading); the copy (68 MB, written on
    first use, named by the file's size and time) reads in a tenth of that. A cache that cannot be read
    or written is passed over."""
    import numpy as np
    from py3langid import modelio

    try:
        stat = source.stat()
        cached = model_cache_dir() / f"py3langid-{stat.st_size}-{stat.st_mtime_ns}.npz"
    except (OSError, RuntimeError):  # no home directory to find a cache in
        return modelio.load_model(source)
    with contextlib.suppress(Exception), np.load(cached, allow_pickle=False) as data:  # missing or broken
        return (
            data["ptc"],
            data["pc"],
            data["classes"].tolist(),
            modelio._to_array(data["nextmove"]),
            modelio._to_array(data["nextmove_row"]),
            data["out_feat"].tolist(),
        )
    parts = modelio.load_model(source)
    ptc, pc, classes, nextmove, row, output = parts
    partial = cached.with_name(f"{cached.name}.{os.getpid()}.part")
    with contextlib.suppress(OSError):
        cached.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as handle:
            np.savez(
                handle,
                ptc=ptc,
                pc=pc,
                classes=np.array(classes),
                nextmove=np.asarray(nextmove),
                nextmove_row=np.asarray(row),
                out_feat=np.asarray(output, dtype=np.int32),
            )
        os.replace(partial, cached)  # whole or not at all: another process may read it meanwhile
    with contextlib.suppress(OSError):
        partial.unlink(missing_ok=True)
    return parts


# py3langid counts the model's features in a text with a DFA (an Aho-Corasick automaton over byte
# n-grams), walked byte by byte in Python: 0.4 us a byte, most of the time of a page's language. That
# automaton is *definite*: after any DEFINITE_ORDER bytes it is in the same state whatever state it
# started in (tests/test_language_vectorised.py proves it for the shipped model by partition refinement).
# So the state after byte i is the walk from the start state over bytes i-5..i alone (0..i near the
# start), and numpy finds all of them at once: DEFINITE_ORDER array lookups over the whole text instead
# of a Python step per byte. The features are then counted in the order they first occur, as the
# Counter of the byte walk has them, so the scores are the same floats, summed in the same order.
DEFINITE_ORDER = 6
# The shipped model (py3langid 0.4.0: DFA states, distinct transition rows): another model is walked
# the Python way, unless a test proves its order.
_MODEL_SHAPE = (104_583, 38_346)
# Below this many bytes the Python walk is faster (numpy's per-call cost): short lines.
VECTOR_MIN_BYTES = 120


def _vectorised_identifier() -> type:
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    class VectorisedIdentifier(LanguageIdentifier):
        """LanguageIdentifier whose feature counts come from `visit_counts_vectorised` and whose scores
        from `_score`: the same floats as py3langid's."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            shape = (len(self.tk_row), len(self.tk_nextmove) // 256)
            self.vectorised = shape == _MODEL_SHAPE
            if self.vectorised:
                self.next_state = np.frombuffer(self.tk_nextmove, dtype=f"u{self.tk_nextmove.itemsize}")
                self.row_start = np.asarray(self.tk_row, dtype=np.intp) << 8
                self.feature_of = np.asarray(self.tk_output, dtype=np.intp)

        def _raw_score(self, text: bytes) -> Any:
            if not self.vectorised or len(text) < VECTOR_MIN_BYTES:
                return super()._raw_score(text)
            features, counts = self.visit_counts_vectorised(text)
            if not len(features):
                return super()._raw_score(b"")  # no features: py3langid's own answer for that
            return self._score(features, counts.astype(np.float32))

        def _sparse_score(self, visits: Any, table: Any) -> Any:
            if not self.vectorised or table is not self.nb_ptc:
                return super()._sparse_score(visits, table)
            features = np.fromiter(visits.keys(), dtype=np.intp, count=len(visits))
            return self._score(features, np.fromiter(visits.values(), dtype=np.float32, count=len(visits)))

        def _score(self, features: Any, counts: Any) -> Any:
            """py3langid's _sparse_score, on the same arrays in the same order. Its float16 weights are cast
            to float32 for the product, by numpy at 3 ns a value (most of the language's time). Every
            weight of the shipped model is a negative normal float16 (tests/test_language_vectorised.py),
            so its float32 is its bits shifted into place, the exponent rebased and the sign set: the
            same values, in a few vector operations."""
            rows = self.nb_ptc.view(np.uint16)[features].astype(np.uint32)
            rows <<= 13
            rows &= 0x0FFFE000
            rows += 0xB8000000
            return np.log1p(counts) @ rows.view(np.float32) + self.nb_pc

        def visit_counts_vectorised(self, text: bytes) -> tuple[Any, Any]:
            """(feature ids, counts) of `text`, in the order of their first occurrence: the keys and
            values of py3langid's `visit_counts` Counter."""
            size = len(text)
            data = np.frombuffer(text, dtype=np.uint8)
            states = np.zeros(size, dtype=np.intp)
            for step in range(DEFINITE_ORDER):
                lag = DEFINITE_ORDER - 1 - step  # this step reads byte i - lag into states[i]
                if lag < size:
                    states[lag:] = self.next_state[self.row_start[states[lag:]] + data[: size - lag]]
            features = self.feature_of[states]
            features = features[features >= 0]
            unique, first, counts = np.unique(features, return_index=True, return_counts=True)
            order = np.argsort(first, kind="stable")
            return unique[order], counts[order]

    return VectorisedIdentifier


def _load_before_fork() -> None:
    """Load the model in the parent when multiprocessing forks a worker (the extraction pool); a plain
    os.fork (a helper process, a test) does not pay a second for a model it will not use."""
    caller = sys._getframe(1)
    if not caller.f_code.co_filename.endswith(os.path.join("multiprocessing", "popen_fork.py")):
        return
    with contextlib.suppress(Exception):  # a broken install shows on the first page, as an extraction error
        load_model()


# Run by os.fork() only (subprocess does not fork through it); registered once, at import, in every
# process that can extract a page.
os.register_at_fork(before=_load_before_fork)


def _windows(lines: list[str]) -> str:
    """Up to three windows of whole lines (start, middle, end): a long page is judged over its
    length, not by its first paragraph, in a bounded time (the model walks the text byte by byte)."""
    text = "\n".join(lines)
    if len(text) <= 3 * WINDOW_CHARS:
        return text
    picked: list[str] = []
    for start in (0, (len(text) - WINDOW_CHARS) // 2, len(text) - WINDOW_CHARS):
        begin = text.rfind("\n", 0, start) + 1 if start else 0
        if start - begin > WINDOW_CHARS // 2:  # inside a long line: the window starts mid-line
            begin = start
        end = text.find("\n", begin + WINDOW_CHARS, begin + 2 * WINDOW_CHARS)
        picked.append(text[begin : end if end >= 0 else begin + 2 * WINDOW_CHARS])
    return "\n".join(picked)


# Words of a line: the sample and the language shares count the same lines, and sites repeat lines
_line_words = lru_cache(maxsize=32768)(count_words)


# The sample of a page's text is taken twice (its language, then its shares): the last few memoised.
@lru_cache(maxsize=4)
def language_sample(text: str) -> str:
    """The part of a main text that tells its language: its prose lines (labels, product names and
    buttons are often in another language than the text), or all of it when it has too little prose."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if PLACEHOLDER_TEXT.search(text):
        lines = [line for line in lines if not _placeholder_line(line)] or lines
    counted = [(line, words) for line in lines if (words := _line_words(line)) >= PROSE_WORDS]
    chosen = [line for line, _ in counted] if sum(words for _, words in counted) >= MIN_WORDS else lines
    return _windows(chosen)


def _placeholder_line(line: str) -> bool:
    """A line of placeholder Latin: it carries the placeholder's words, or the model reads it as Latin."""
    return bool(PLACEHOLDER_TEXT.search(line)) or (
        _line_words(line) >= PROSE_WORDS and _line_classify(line)[0] == PLACEHOLDER_LANGUAGE
    )


# The model walks a text byte by byte in Python (py3langid's visit_counts: most of its time). Sites repeat
# text across pages — a translation left in the source language under /de/, /fr/, /it/, a boilerplate
# intro, a quoted changelog — so results are memoised by text: a pure function, so the same answers.
# Bounded: a few MB of samples and lines per extraction process.
@lru_cache(maxsize=2048)
def _model_classify(text: str) -> tuple[str, float]:
    language, confidence = load_model().classify(text)
    return language, confidence


@lru_cache(maxsize=16384)
def _line_classify(line: str) -> tuple[str, float]:
    language, confidence = load_model().classify(line)
    return language, confidence


def _classify(text: str) -> tuple[str, float] | None:
    sample = language_sample(text)
    if count_words(sample) < MIN_WORDS:
        return None
    language, confidence = _model_classify(sample)
    if language in NOT_A_LANGUAGE or confidence < MIN_CONFIDENCE:
        return None
    return language, round(float(confidence), 3)


def detect_language(text: str, context: str = "") -> tuple[str | None, float | None]:
    """(language, confidence) of a page's main text: the primary subtag ("de") and the model's
    probability. When the text alone cannot tell (too short, too mixed), `context` is added: the
    page's own title and description (never its navigation or footer, which are the template's).
    (None, None) when even then fewer than MIN_WORDS words remain or no language wins MIN_CONFIDENCE."""
    language, confidence, _ = read_language(text, context)
    return language, confidence


def read_language(
    text: str, context: str = "", declared: str | None = None
) -> tuple[str | None, float | None, dict[str, float]]:
    """`detect_language` plus the text's language shares (`language_shares`, of the same sample), which
    are read only where they matter — when the text's language is not the `declared` one — since telling
    each line on its own costs as much again as the whole sample."""
    found, sample = _classify(text), text
    if found is None and context.strip():
        own = declared_reading(text, declared) if distinct_words(text) >= MIN_DISTINCT else (None, None)
        if own[0] is not None:  # a short text that fits its declared language: a title in another one does not decide
            return (*own, {})
        sample = f"{context}\n{text}"
        found = _classify(sample)
    if found is None:
        return (*declared_reading(sample, declared), {}) if distinct_words(text) >= MIN_DISTINCT else (None, None, {})
    shares = language_shares(sample) if found[0] != declared else {}
    if declared and shares and max(shares, key=shares.__getitem__) == declared:
        # most prose words are in the declared language; the sample's windows met a block of translations
        return declared, round(shares[declared], 3), shares
    return found[0], found[1], shares


def distinct_words(text: str) -> int:
    """How many different words of two or more letters a text has (case folded)."""
    return len({word.casefold() for word in re.findall(r"[^\W\d_]{2,}", text)})


def declared_reading(sample: str, declared: str | None) -> tuple[str | None, float | None]:
    """The declared language of a page whose text is too short to tell (SHORT_WORDS), when that text fits
    it (TOP_RANKS) and does not lean to another language (CONTRADICTS), with a low confidence (at most
    DECLARED_CONFIDENCE); else (None, None). A page declaring nothing, without text, or with a longer
    text too mixed to tell, stays unmeasured."""
    if not declared or not sample.strip() or count_words(sample) >= SHORT_WORDS:
        return None, None
    ranked = load_model().rank(sample)
    top, top_probability = ranked[0]
    near = NEAR_VARIANTS.get(declared, set())
    if top != declared and top not in NOT_A_LANGUAGE and top not in near and top_probability >= CONTRADICTS:
        return None, None
    likeliest = dict(ranked[:TOP_RANKS])
    if declared not in likeliest:
        return None, None
    return declared, round(min(float(likeliest[declared]), DECLARED_CONFIDENCE), 3)


def language_shares(text: str) -> dict[str, float]:
    """Share of the sample's prose words in each language, each prose line told on its own (lines the
    model is MIN_CONFIDENCE sure of; shares under MIN_SHARE left out), largest first: a German article
    quoting a long English changelog is {"en": 0.6, "de": 0.4} where the whole sample reads as "en".
    Empty when no prose line can be told."""
    words: dict[str, int] = {}
    for line in language_sample(text).splitlines():
        count = _line_words(line)
        if count < PROSE_WORDS:
            continue
        language, confidence = _line_classify(line)
        if confidence >= MIN_CONFIDENCE and language not in NOT_A_LANGUAGE:
            words[language] = words.get(language, 0) + count
    total = sum(words.values())
    shares = {code: round(n / total, 2) for code, n in words.items()} if total else {}
    return dict(sorted(((c, v) for c, v in shares.items() if v >= MIN_SHARE), key=lambda item: (-item[1], item[0])))


def declaration_markup(tree: HtmlTree) -> str | None:
    """The markup that declares the page's language, as written (the evidence of a wrong declaration):
    the `lang` (or `xml:lang`) attribute of <html>, else the Content-Language meta; the precedence
    of `spiders.extract_head.extract_lang`."""
    for attribute in ("lang", "{http://www.w3.org/XML/1998/namespace}lang"):
        value = (tree.get(attribute) or "").strip()
        if value:
            name = "lang" if attribute == "lang" else "xml:lang"
            return f'<html {name}="{value[:40]}">'
    value = meta_content(tree, "http-equiv", "content-language")
    return f'<meta http-equiv="content-language" content="{value[:40]}">' if value else None
