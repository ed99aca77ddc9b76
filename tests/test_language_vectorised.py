"""spiders.language walks py3langid's automaton with numpy instead of byte by byte: the same feature
counts, in the same order, so the same scores, languages and probabilities as py3langid itself."""

from __future__ import annotations

import numpy as np
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier, visit_counts

from spiders import language
from spiders.language import DEFINITE_ORDER, VECTOR_MIN_BYTES, load_model

# Our own texts: prose in both languages, a mixed line, markup-like and numeric noise, accents, emoji,
# text shorter than the automaton's order, and lengths around the vectorised threshold.
TEXTS = [
    "Die Gemeinde hat am Dienstag beschlossen, die Brücke über den Fluss bis zum Herbst zu erneuern.",
    "The council decided on Tuesday to repair the bridge over the river before the autumn rains begin.",
    "Unser Team misst jede Änderung zweimal; the release notes are written in English only.",
    "Öffnungszeiten: Mo–Fr 08:00–17:00 Uhr · Tel. +49 761 000000 · info@example.org",
    '{ "@type": "Article", "datePublished": "2024-05-01" } <div class="x">',
    "1234567890 0987654321 42 42 42",
    "Straße",
    "ab",
    "",
    "Größenordnung 🚀 Überblick — naïve café résumé",
    "ZWEI WÖRTER IN GROSSBUCHSTABEN UND NOCH VIELE MEHR, DAMIT DER TEXT LANG GENUG WIRD FÜR DEN VEKTOR",
    "x" * (VECTOR_MIN_BYTES - 1),
    "y" * VECTOR_MIN_BYTES,
    " ".join(["Wir schreiben Berichte über Wasser, Wald und Wetter in der Region."] * 40),
    " ".join(["We write reports on water, woods and weather in the region; numbers follow: 3.14."] * 40),
]


@pytest.fixture(scope="module")
def plain() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def test_the_shipped_automaton_is_definite_of_the_order_used() -> None:
    """Partition refinement: two states are k-equivalent when every word of k bytes takes them to the
    same state. All states are DEFINITE_ORDER-equivalent: the state after a byte depends only on the
    last DEFINITE_ORDER bytes, which is what the vectorised walk relies on."""
    model = load_model()
    assert model.vectorised
    rows = np.frombuffer(model.tk_nextmove, dtype=f"u{model.tk_nextmove.itemsize}").reshape(-1, 256)
    row_of = np.asarray(model.tk_row, dtype=np.intp)
    classes = np.arange(len(row_of))
    for _ in range(DEFINITE_ORDER):
        successors = np.ascontiguousarray(classes[rows])  # one row of 256 successor classes per DFA row
        keys = successors.view(np.dtype((np.void, successors.dtype.itemsize * 256))).reshape(-1)
        _, row_class = np.unique(keys, return_inverse=True)
        classes = row_class.reshape(-1)[row_of]
    assert len(np.unique(classes)) == 1


def test_every_weight_is_a_negative_normal_half() -> None:
    """What `_score`'s float16 -> float32 conversion by bits relies on; and it gives numpy's values."""
    model = load_model()
    bits = model.nb_ptc.view(np.uint16)
    exponent = (bits >> 10) & 0x1F
    assert ((bits & 0x8000) != 0).all() and (exponent > 0).all() and (exponent < 31).all()
    rows = bits.astype(np.uint32)
    rows <<= 13
    rows &= 0x0FFFE000
    rows += 0xB8000000
    assert np.array_equal(rows.view(np.float32), model.nb_ptc.astype(np.float32))


@pytest.mark.parametrize("text", TEXTS)
def test_counts_match_the_byte_walk(text: str) -> None:
    model = load_model()
    data = model._encode(text)
    walked = visit_counts(model.tk_nextmove, model._rowbase, model.tk_output, data) or {}
    features, counts = model.visit_counts_vectorised(data)
    assert features.tolist() == list(walked.keys())
    assert counts.tolist() == list(walked.values())


@pytest.mark.parametrize("text", TEXTS)
def test_scores_match_py3langid(text: str, plain: LanguageIdentifier) -> None:
    model = load_model()
    assert model.classify(text) == plain.classify(text)
    assert model.rank(text) == plain.rank(text)


def test_another_model_is_walked_the_python_way(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_MODEL_SHAPE", (1, 1))
    other = language._vectorised_identifier().from_model_file(MODEL_FILE, norm_probs=True)
    assert not other.vectorised
    assert other.classify(TEXTS[0]) == load_model().classify(TEXTS[0])


def test_the_cached_model_is_the_shipped_one(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The uncompressed copy in the user's cache gives what py3langid's own loader gives, type for type."""
    from py3langid import modelio
    from py3langid.langid import MODEL_DIR

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    source = MODEL_DIR / MODEL_FILE
    shipped = modelio.load_model(source)
    first = language.model_parts(source)  # decompressed, and the copy written
    assert [p.name for p in (tmp_path / "geo-auditor" / "models").iterdir()] == [
        f"py3langid-{source.stat().st_size}-{source.stat().st_mtime_ns}.npz"
    ]
    cached = language.model_parts(source)  # read from the copy
    for parts in (first, cached):
        ptc, pc, classes, nextmove, row, output = parts
        assert ptc.dtype == shipped[0].dtype and np.array_equal(ptc, shipped[0])
        assert pc.dtype == shipped[1].dtype and np.array_equal(pc, shipped[1])
        assert classes == shipped[2] and all(type(c) is str for c in classes)
        assert nextmove.typecode == shipped[3].typecode and nextmove == shipped[3]
        assert row.typecode == shipped[4].typecode and row == shipped[4]
        assert output == shipped[5] and all(type(o) is int for o in output)


def test_a_broken_cache_is_passed_over(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from py3langid.langid import MODEL_DIR

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    source = MODEL_DIR / MODEL_FILE
    folder = tmp_path / "geo-auditor" / "models"
    folder.mkdir(parents=True)
    (folder / f"py3langid-{source.stat().st_size}-{source.stat().st_mtime_ns}.npz").write_bytes(b"not a zip")
    ptc = language.model_parts(source)[0]
    assert ptc.shape == load_model().nb_ptc.shape
    assert language.model_parts(source)[0].shape == ptc.shape  # rewritten whole


def test_no_home_directory_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    from py3langid.langid import MODEL_DIR

    def no_home() -> None:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(language.Path, "home", staticmethod(no_home))
    assert language.model_parts(MODEL_DIR / MODEL_FILE)[0].shape == load_model().nb_ptc.shape
