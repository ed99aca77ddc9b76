"""Near-duplicate text: word shingles, Jaccard similarity and an all-pairs search. Pure.

A shingle is a run of `SHINGLE_WORDS` consecutive words (lower-cased `scoring.core.text.words`),
hashed to an int. Two texts are near-duplicates when the Jaccard similarity of their shingle
sets, |A ∩ B| / |A ∪ B|, reaches the threshold.

The pair search is exact, not sampled (no MinHash): candidate pairs come from prefix filtering
(Bayardo et al., "Scaling up all pairs similarity search", WWW 2007). Shingles are ordered by
how many texts contain them, rarest first; two sets with Jaccard ≥ t must share a shingle among
the first |A| − ⌈t·|A|⌉ + 1 of each, so only texts sharing a rare shingle are compared. Pairs
whose sizes alone rule out the threshold (|B| < t·|A|) are skipped before the intersection.
The worst case is still quadratic: many templated pages that all match each other (300 pages of
800 words that differ by a town name: 44,850 real pairs, about 2.5 s).

Hashes are stable 64-bit values (`shingle_hashes`: each word's BLAKE2b code, the five codes
combined as a polynomial and mixed), the same in every run and process: the capped search in
`scoring.shingle_arrays` samples shingles by their hash (MinHash), so its candidates must not depend
on PYTHONHASHSEED. A collision that changes a reported similarity is vanishingly unlikely.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from scoring.core.text import words

SHINGLE_WORDS = 5
THRESHOLD = 0.8
_EPSILON = 1e-9


_STEP = np.uint64(0x9E3779B97F4A7C15)  # odd: the polynomial's base
_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)


@lru_cache(maxsize=1 << 16)
def _word_code(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


@lru_cache(maxsize=1 << 17)
def _token_code(token: str) -> int:
    """`_word_code` of the lower-cased token, looked up by the token as written: a page's tokens map to their
    codes in one `map` over a cache, without a lower-casing per token (issue 19)."""
    return _word_code(token.lower())


# `_token_code` as a plain dict: a page's tokens are looked up with `dict.__getitem__` (~half an LRU lookup's
# cost, issue 19); a page with a token not in it adds its missing tokens and is looked up again. Emptied when
# it outgrows the LRU's size, so it holds no more.
_TOKEN_CODES: dict[str, int] = {}
_TOKEN_CODES_MAX = 1 << 17


def _token_codes(tokens: Sequence[str]) -> np.ndarray:
    """`[_token_code(t) for t in tokens]` as a uint64 array."""
    codes = _TOKEN_CODES
    try:
        return np.fromiter(map(codes.__getitem__, tokens), dtype=np.uint64, count=len(tokens))
    except KeyError:
        missing = set(tokens).difference(codes)
        if len(codes) + len(missing) > _TOKEN_CODES_MAX:
            codes.clear()
            missing = set(tokens)
        for token in missing:
            codes[token] = _token_code(token)
        return np.fromiter(map(codes.__getitem__, tokens), dtype=np.uint64, count=len(tokens))


def mix64(values: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser on uint64 values (wrapping arithmetic): a fixed bijection that spreads bits."""
    x = values ^ (values >> np.uint64(30))
    x = x * _M1
    x ^= x >> np.uint64(27)
    x = x * _M2
    return x ^ (x >> np.uint64(31))


def shingle_hashes(text_or_words: str | Sequence[str], size: int = SHINGLE_WORDS) -> np.ndarray:
    """Stable int64 hashes of the `size`-word shingles of a text (or of a word list), one per
    window, repeats kept; lower-cased. Texts shorter than `size` words give one hash of the whole
    text, empty texts none."""
    tokens = words(text_or_words) if isinstance(text_or_words, str) else list(text_or_words)
    codes = _token_codes(tokens)
    if not len(codes):
        return np.zeros(0, dtype=np.int64)
    span = min(size, len(codes))
    count = len(codes) - span + 1
    combined = codes[:count].copy()
    for i in range(1, span):
        combined = combined * _STEP + codes[i : i + count]
    if span < size:  # a short text: its own length marks it apart from a window of `size` words
        combined = combined + np.uint64(span)
    return mix64(combined).view(np.int64)


def run_starts(ordered: np.ndarray) -> np.ndarray:
    """Where each run of equal values of a sorted array starts (a mask)."""
    first = np.empty(len(ordered), dtype=bool)
    if len(ordered):
        first[0] = True
        np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return first


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """`np.unique(values)` by a sort (numpy 2's `np.unique` hashes first: ~4x slower on 5,000 shingles)."""
    ordered = np.sort(values, axis=None)
    return ordered[run_starts(ordered)]


def shingles(text_or_words: str | Sequence[str], size: int = SHINGLE_WORDS) -> frozenset[int]:
    """Hashed `size`-word shingles of a text (or of a word list); texts shorter than `size`
    words give one shingle of the whole text, empty texts none."""
    return frozenset(shingle_hashes(text_or_words, size).tolist())


def jaccard(a: frozenset[int] | set[int], b: frozenset[int] | set[int]) -> float:
    """|A ∩ B| / |A ∪ B|; two empty sets are not similar (0.0)."""
    if not a and not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


@dataclass(frozen=True)
class Pair:
    a: Hashable
    b: Hashable
    similarity: float  # Jaccard, 0..1
    shared: int  # shingles in common


def _prefix_length(size: int, threshold: float) -> int:
    return size - math.ceil(threshold * size - _EPSILON) + 1


def near_duplicate_pairs(sets: Mapping[Hashable, frozenset[int]], threshold: float = THRESHOLD) -> list[Pair]:
    """All pairs of keys whose shingle sets have Jaccard ≥ threshold, most similar first.

    Keys keep the mapping's order inside a pair (a before b). Empty sets are ignored. The checks use
    `scoring.shingle_arrays.near_duplicate_pairs` (the same search on sorted arrays, 1/17 of the memory);
    this set version is the plain statement of the algorithm that the array version is tested against.
    """
    if not 0 < threshold <= 1:
        raise ValueError("threshold must be in (0, 1]")
    keys = [k for k, s in sets.items() if s]
    order = {k: i for i, k in enumerate(keys)}
    # Shingles in two or more sets (set operations run in C; most shingles are in one set).
    seen: set[int] = set()
    repeated: set[int] = set()
    for key in keys:
        repeated |= sets[key] & seen
        seen |= sets[key]
    del seen
    frequency: Counter[int] = Counter()
    for key in keys:
        frequency.update(sets[key] & repeated)
    # Each set's prefix, rarest shingles first (ties broken by the hash: one total order).
    # Shingles no other set contains cannot pair it with anything: when they alone fill the
    # prefix, the set has no partner at threshold and is left out; otherwise only its shared
    # shingles within the prefix are indexed and probed.
    probes: dict[Hashable, list[int]] = {}
    for key in keys:
        shared = list(sets[key] & repeated)
        room = _prefix_length(len(sets[key]), threshold) - (len(sets[key]) - len(shared))
        if room > 0:
            shared.sort(key=lambda h: (frequency[h], h))
            probes[key] = shared[:room]
    # Smallest sets first, so every candidate found in the index is no larger than the probe.
    index: dict[int, list[Hashable]] = defaultdict(list)
    pairs: list[Pair] = []
    indexed = 0
    for key in sorted(probes, key=lambda k: (len(sets[k]), order[k])):
        mine = sets[key]
        size = len(mine)
        min_size = threshold * size - _EPSILON  # a smaller partner must be at least this large
        prefix = probes[key]
        candidates: set[Hashable] = set()
        for h in prefix:
            if h in index:
                candidates.update(index[h])
                if len(candidates) == indexed:  # every earlier set is a candidate already
                    break
        for other in sorted(candidates, key=order.__getitem__):
            theirs = sets[other]
            if len(theirs) < min_size:
                continue
            common = len(mine & theirs)
            union = size + len(theirs) - common
            if common >= threshold * union - _EPSILON:
                first, second = (key, other) if order[key] < order[other] else (other, key)
                pairs.append(Pair(first, second, common / union, common))
        for h in prefix:
            index[h].append(key)
        indexed += 1
    pairs.sort(key=lambda p: (-p.similarity, order[p.a], order[p.b]))
    return pairs
