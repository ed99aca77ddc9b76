"""The near-duplicate search on shingle arrays (scoring.shingle_arrays) finds exactly the pairs of
the set version (scoring.shingles) in a fraction of its memory (issue 19)."""

from __future__ import annotations

import random
import tracemalloc

from scoring import shingle_arrays, shingles

VOCABULARY = [f"wort{i}" for i in range(300)] + ["the", "und", "heat", "Pumpe", "a", "of"]


def _texts(seed: int) -> dict[str, str]:
    """Unique pages, templated families (a few words changed) and short ones, in one mapping."""
    rng = random.Random(seed)
    texts = {}
    for i in range(40):
        texts[f"/unique/{i}"] = " ".join(rng.choices(VOCABULARY, k=rng.randint(50, 400)))
    for family in range(6):
        base = rng.choices(VOCABULARY, k=rng.randint(100, 300))
        for member in range(rng.randint(2, 8)):
            copy = list(base)
            for _ in range(rng.randint(0, 12)):
                copy[rng.randrange(len(copy))] = rng.choice(VOCABULARY)
            texts[f"/family/{family}/{member}"] = " ".join(copy[: len(copy) - rng.randint(0, 20)])
    texts["/short"] = "two words"
    texts["/short-too"] = "two words"
    texts["/empty"] = ""
    return texts


def test_the_array_search_finds_the_same_pairs_as_the_set_search() -> None:
    for seed in range(4):
        texts = _texts(seed)
        for threshold in (0.5, 0.8, 0.95, 1.0):
            by_set = shingles.near_duplicate_pairs({k: shingles.shingles(t) for k, t in texts.items()}, threshold)
            arrays = {k: shingle_arrays.shingle_array(t) for k, t in texts.items()}
            assert shingle_arrays.near_duplicate_pairs(arrays, threshold) == by_set
            assert by_set or threshold == 1.0  # the fixture has pairs to find


def test_an_array_holds_the_same_hashes_and_counts_as_the_set() -> None:
    texts = list(_texts(9).values())
    for a, b in zip(texts, texts[1:], strict=False):
        x, y = shingles.shingles(a), shingles.shingles(b)
        assert set(shingle_arrays.shingle_array(a).tolist()) == x
        assert shingle_arrays.common_count(shingle_arrays.shingle_array(a), shingle_arrays.shingle_array(b)) == len(
            x & y
        )


def test_arrays_take_a_fraction_of_the_sets_memory() -> None:
    rng = random.Random(3)
    text = " ".join(rng.choices(VOCABULARY, k=5000))
    tracemalloc.start()
    try:
        as_set = shingles.shingles(text)
        set_bytes = tracemalloc.get_traced_memory()[0]
        del as_set
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        as_array = shingle_arrays.shingle_array(text)
        array_bytes = tracemalloc.get_traced_memory()[0] - base
    finally:
        tracemalloc.stop()
    assert len(as_array) > 4900
    assert array_bytes < set_bytes / 10
