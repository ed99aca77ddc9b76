"""Shingle hashes take each token's code from a cache keyed by the token as written (issue 19, tenth stop): the
same hashes as coding each lower-cased token, on random word lists with mixed case and special lower-casing; and
the sort-based distinct values and runs give what `np.unique` gives (numpy 2 hashes there: ~4x slower)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from scoring.shingles import _STEP, SHINGLE_WORDS, _word_code, mix64, run_starts, shingle_hashes, sorted_unique

WORDS = ["Wort", "wort", "WORT", "Straße", "STRASSE", "İstanbul", "ΣΊΣΥΦΟΣ", "ǅemal", "Ǆ", "a", "É", "é", "ﬁx"]


def _previous(tokens: list[str], size: int = SHINGLE_WORDS) -> np.ndarray:
    codes = np.fromiter((_word_code(t.lower()) for t in tokens), dtype=np.uint64, count=len(tokens))
    if not len(codes):
        return np.zeros(0, dtype=np.int64)
    span = min(size, len(codes))
    count = len(codes) - span + 1
    combined = codes[:count].copy()
    for i in range(1, span):
        combined = combined * _STEP + codes[i : i + count]
    if span < size:
        combined = combined + np.uint64(span)
    return mix64(combined).view(np.int64)


@pytest.mark.parametrize("seed", range(4))
def test_hashes_as_coding_each_lower_cased_token(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        tokens = [rng.choice(WORDS) + rng.choice(["", "s", "X", "ß"]) for _ in range(rng.randint(0, 30))]
        assert np.array_equal(shingle_hashes(tokens), _previous(tokens)), tokens
        text = " ".join(tokens)
        assert np.array_equal(shingle_hashes(text), shingle_hashes(tokens))


@pytest.mark.parametrize("seed", range(4))
def test_sorted_unique_and_runs_as_np_unique(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for size in [0, 1, 2, 3, 17, 500, 5000]:
        values = rng.integers(-50 if seed % 2 else -(2**62), 50 if seed % 2 else 2**62, size=size, dtype=np.int64)
        assert np.array_equal(sorted_unique(values), np.unique(values))
        ordered = np.sort(values)
        starts = np.flatnonzero(run_starts(ordered))
        present, first, counts = np.unique(ordered, return_index=True, return_counts=True)
        assert np.array_equal(ordered[starts], present) and np.array_equal(starts, first)
        assert np.array_equal(np.diff(starts, append=len(ordered)), counts)
