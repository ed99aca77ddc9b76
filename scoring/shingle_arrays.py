"""Near-duplicate search on shingle arrays: `scoring.shingles` in ~1/17 of the memory (issue 19).

`scoring.shingles.near_duplicate_pairs` takes a frozenset of hashed shingles per page: ~140 bytes a
shingle (a set slot, an int object), ~700 KB for a 5,000-word page, 1.4 GB for 2,000 such pages —
the score stage's peak on a generated site (bench/score_profile.py). Here each page is a sorted
numpy int64 array of the same hashes (8 bytes a shingle), and `near_duplicate_pairs` runs the same
prefix-filtered search (same candidate rule, same threshold arithmetic, same order of the result):
the pairs, similarities and shared counts are equal to the set version's (tests/test_scale_shingles.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence

import numpy as np

from scoring.shingles import _EPSILON, SHINGLE_WORDS, THRESHOLD, Pair, _prefix_length, shingles


def shingle_array(text_or_words: str | Sequence[str], size: int = SHINGLE_WORDS) -> np.ndarray:
    """`shingles` of a text as a sorted array of distinct int64 hashes (Python's hash is 64-bit)."""
    found = shingles(text_or_words, size)
    array = np.fromiter(found, dtype=np.int64, count=len(found))
    array.sort()
    return array


def common_count(a: np.ndarray, b: np.ndarray) -> int:
    """|A ∩ B| of two sorted arrays of distinct values."""
    if len(a) > len(b):
        a, b = b, a
    if not len(a):
        return 0
    at = np.searchsorted(b, a)
    at[at == len(b)] = 0
    return int(np.count_nonzero(b[at] == a))


def near_duplicate_pairs(sets: Mapping[Hashable, np.ndarray], threshold: float = THRESHOLD) -> list[Pair]:
    """`scoring.shingles.near_duplicate_pairs` on `shingle_array`s: the same pairs in the same order."""
    if not 0 < threshold <= 1:
        raise ValueError("threshold must be in (0, 1]")
    keys = [k for k, s in sets.items() if len(s)]
    order = {k: i for i, k in enumerate(keys)}
    if not keys:
        return []
    # how many sets contain each shingle (each set's values are distinct): 8 bytes a shingle, once
    values, counts = np.unique(np.concatenate([sets[k] for k in keys]), return_counts=True)
    repeated, frequency = values[counts > 1], counts[counts > 1]
    del values, counts
    probes: dict[Hashable, list[int]] = {}
    for key in keys:
        mine = sets[key]
        at = np.searchsorted(repeated, mine)
        at[at == len(repeated)] = 0
        shared_mask = repeated[at] == mine if len(repeated) else np.zeros(len(mine), dtype=bool)
        shared, often = mine[shared_mask], frequency[at[shared_mask]]
        room = _prefix_length(len(mine), threshold) - (len(mine) - len(shared))
        if room > 0:
            rarest = np.lexsort((shared, often))[:room]  # by frequency, then by hash: one total order
            probes[key] = shared[rarest].tolist()
    index: dict[int, list[Hashable]] = defaultdict(list)
    pairs: list[Pair] = []
    indexed = 0
    for key in sorted(probes, key=lambda k: (len(sets[k]), order[k])):
        mine = sets[key]
        size = len(mine)
        min_size = threshold * size - _EPSILON
        prefix = probes[key]
        candidates: set[Hashable] = set()
        for h in prefix:
            if h in index:
                candidates.update(index[h])
                if len(candidates) == indexed:
                    break
        for other in sorted(candidates, key=order.__getitem__):
            theirs = sets[other]
            if len(theirs) < min_size:
                continue
            common = common_count(mine, theirs)
            union = size + len(theirs) - common
            if common >= threshold * union - _EPSILON:
                first, second = (key, other) if order[key] < order[other] else (other, key)
                pairs.append(Pair(first, second, common / union, common))
        for h in prefix:
            index[h].append(key)
        indexed += 1
    pairs.sort(key=lambda p: (-p.similarity, order[p.a], order[p.b]))
    return pairs
