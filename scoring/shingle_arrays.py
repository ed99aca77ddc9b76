"""Near-duplicate search on shingle arrays, sub-quadratic on templated sites (issue 19).

Each page is a sorted numpy int64 array of its distinct shingle hashes (8 bytes a shingle; a
frozenset took ~140). `near_duplicate_pairs` runs `scoring.shingles`' prefix-filtered search
(Bayardo et al., WWW 2007: same candidate rule, same threshold arithmetic, every candidate verified
by its exact Jaccard) with three changes that bound the work when many pages share text:

1. **Copies once.** Pages with the same shingle set are grouped; one of them is searched, and the
   group's pairs (similarity 1.0) and the pairs of the one page are written out for every copy.
   Shingle frequencies count distinct texts, so 500 copies of a page do not make its text common.
2. **Common shingles are not looked up.** A shingle in more than `max_pages` distinct texts (template
   text: a footer, a disclaimer, paragraphs every page repeats) is still counted in every Jaccard but
   is not used to find candidates: a posting list of thousands of pages is what made the search
   quadratic (every page a candidate of every other). A pair is then missed by this step only if
   every shingle the two pages share is common (the prefix rule: the rarest shared shingle lies in
   both prefixes) — a page whose prefix reaches a common shingle is marked.
3. **Marked pages meet through MinHash.** Between marked pages (a cluster of near-copies of one
   template: 500 town pages that differ by the town's name share only common shingles) candidates
   come from locality-sensitive hashing: a one-permutation MinHash of 512 bins under a fixed hash,
   64 bands of 8; a pair at Jaccard 0.8 shares a band with probability ≥ 1 − 8·10⁻⁶ (0.9: 1 − 10⁻¹⁵),
   a pair at 0.2 (pages sharing a template and a few paragraphs) with ~2·10⁻⁴, and every
   candidate is verified exactly. Fixed seeds and stable shingle hashes: same pairs in
   every run.

With `max_pages=None` the search is the exhaustive one of `scoring.shingles` (tests/test_scale_shingles.py
compares both). Pairs are returned in the set version's order: most similar first, then by key order.
"""

from __future__ import annotations

import hashlib
import math
import os
import tempfile
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence

import numpy as np

from scoring import shingles as _shingles
from scoring.shingles import _EPSILON, _STEP, SHINGLE_WORDS, THRESHOLD, Pair, _prefix_length, mix64, shingle_hashes

# A shingle in more distinct texts than this is template text for the candidate search (it still
# counts in every similarity). Each page then meets at most this many pages per shingle it looks up.
MAX_SHINGLE_PAGES = 64
BANDS, ROWS = 64, 8  # LSH for pages whose shared text is all template text: 512 bins
# A group of pages met in bulk (copies of one text, pages in one MinHash bucket) up to this size has every
# pair compared; a larger one (a cluster of near-copies) each page with its first page and its neighbours.
MAX_GROUP_PAGES = 500
NEIGHBOURS = 8
_BIN_BITS = 9
_COUNT_BITS = 27  # the frequency table: 2^27 one-byte slots at most
_SEED = np.uint64(0x5EED_0F_1A_0019)
_EMPTY = np.uint64(0xFFFF_FFFF_FFFF_FFFF)


def shingle_array(text_or_words: str | Sequence[str], size: int = SHINGLE_WORDS) -> np.ndarray:
    """`shingles` of a text as a sorted array of distinct int64 hashes."""
    return _shingles.sorted_unique(shingle_hashes(text_or_words, size))


class ArrayStore(Mapping[Hashable, np.ndarray]):
    """Shingle arrays kept in an unlinked temporary file and read back on access (`os.pread`), so that
    a site's shingles (8 bytes each: 800 MB for 20,000 pages of 5,000 words) are not held in memory;
    in memory where no temporary file can be written. `view(keys)`: the same arrays for some keys."""

    def __init__(self) -> None:
        self._where: dict[Hashable, tuple[int, int]] = {}
        self._end = 0
        self._memory: dict[Hashable, np.ndarray] | None = None
        try:
            self._file = tempfile.TemporaryFile(prefix="geo-shingles-")  # noqa: SIM115 - closed by close()
        except OSError:
            self._file, self._memory = None, {}

    def add(self, key: Hashable, array: np.ndarray) -> None:
        array = np.ascontiguousarray(array, dtype=np.int64)
        if self._memory is not None or self._file is None:
            self._memory[key] = array  # type: ignore[index]
            return
        data = array.tobytes()
        os.pwrite(self._file.fileno(), data, self._end)
        self._where[key] = (self._end, len(array))
        self._end += len(data)

    def __getitem__(self, key: Hashable) -> np.ndarray:
        if self._memory is not None:
            return self._memory[key]
        offset, count = self._where[key]
        data = os.pread(self._file.fileno(), count * 8, offset) if count else b""  # type: ignore[union-attr]
        return np.frombuffer(data, dtype=np.int64)

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self._memory if self._memory is not None else self._where)

    def __len__(self) -> int:
        return len(self._memory if self._memory is not None else self._where)

    def view(self, keys: Iterable[Hashable]) -> Mapping[Hashable, np.ndarray]:
        return _View(self, list(keys))

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


class _View(Mapping[Hashable, np.ndarray]):
    def __init__(self, store: ArrayStore, keys: list[Hashable]) -> None:
        self._store, self._keys = store, keys

    def __getitem__(self, key: Hashable) -> np.ndarray:
        return self._store[key]

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def common_count(a: np.ndarray, b: np.ndarray) -> int:
    """|A ∩ B| of two sorted arrays of distinct values."""
    if len(a) > len(b):
        a, b = b, a
    if not len(a):
        return 0
    at = np.searchsorted(b, a)
    at[at == len(b)] = 0
    return int(np.count_nonzero(b[at] == a))


def _copies(keys: list[Hashable], sets: Mapping[Hashable, np.ndarray]) -> dict[Hashable, list[Hashable]]:
    """First key of each distinct shingle set -> the later keys with the same set (in key order)."""
    seen: dict[tuple[int, bytes], list[Hashable]] = {}
    groups: dict[Hashable, list[Hashable]] = {}
    for key in keys:
        mine = sets[key]
        digest = (len(mine), hashlib.blake2b(mine.tobytes(), digest_size=16).digest())
        for first in seen.get(digest, ()):
            if np.array_equal(sets[first], mine):
                groups[first].append(key)
                break
        else:
            seen.setdefault(digest, []).append(key)
            groups[key] = []
    return groups


def _frequencies(arrays: Iterable[np.ndarray], total: int) -> tuple[np.ndarray, int]:
    """In how many of the arrays each value occurs, counted in a table of hash slots (uint8, saturating):
    fixed memory (at most 128 MB) instead of every value once more. A slot shared by several values
    over-counts them; that is harmless: 1 still means in one text only, a count only orders the
    prefix (any one global order keeps the prefix rule exact) and decides above `max_pages` (where a
    page is then also searched through MinHash). Returns the table and its bits."""
    bits = min(_COUNT_BITS, max(16, int(total * 4).bit_length()))
    table = np.zeros(1 << bits, dtype=np.uint8)
    for array in arrays:
        ordered = np.sort(_slots(array, bits))
        starts = np.flatnonzero(_shingles.run_starts(ordered))
        slots, counts = ordered[starts], np.diff(starts, append=len(ordered))  # np.unique(..., return_counts)
        table[slots] = np.minimum(table[slots].astype(np.int64) + counts, 255)
    return table, bits


def _slots(array: np.ndarray, bits: int) -> np.ndarray:
    return (array.view(np.uint64) >> np.uint64(64 - bits)).astype(np.intp)


def _gather(starts: np.ndarray, ends: np.ndarray, values: np.ndarray) -> np.ndarray:
    """values[starts[0]:ends[0]], values[starts[1]:ends[1]], ... in one array."""
    lengths = ends - starts
    total = int(lengths.sum())
    if not total:
        return values[:0]
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
    return values[offsets]


def _signature(array: np.ndarray) -> np.ndarray:
    """One-permutation MinHash: the least mixed hash in each of 2^_BIN_BITS bins (by its top bits);
    an empty bin takes the value of the next filled bin to its right, marked by the distance
    (rotation densification, Shrivastava & Li 2014): two sets agree in a bin with probability ≥ their
    Jaccard, small pages included."""
    bins_total = 1 << _BIN_BITS
    mixed = np.sort(mix64(array.view(np.uint64) ^ _SEED))
    bins = (mixed >> np.uint64(64 - _BIN_BITS)).astype(np.intp)
    first = np.flatnonzero(_shingles.run_starts(bins))  # bins are sorted: a bin's first value is its least
    present = bins[first]
    signature = np.full(bins_total, _EMPTY, dtype=np.uint64)
    signature[present] = mixed[first]
    if len(present) < bins_total:
        positions = np.arange(bins_total)
        source = present[np.searchsorted(present, positions) % len(present)]
        empty = signature == _EMPTY
        distance = ((source - positions) % bins_total).astype(np.uint64)
        signature[empty] = mix64(signature[source[empty]] ^ (distance[empty] * _STEP))
    return signature


def _band_keys(signature: np.ndarray) -> np.ndarray:
    rows = signature[: BANDS * ROWS].reshape(BANDS, ROWS)
    key = rows[:, 0].copy()
    for r in range(1, ROWS):
        key = mix64(key ^ rows[:, r])
    return key


_HIGH = np.uint64(32)
_LOW = np.uint64(0xFFFF_FFFF)


def _index_length(size: int, threshold: float) -> int:
    """The indexing prefix (Xiao et al., PPJoin, WWW 2008): a set indexed before every set at least as
    large as itself shares a pair at Jaccard ≥ t within its first |x| − ⌈2t/(1+t)·|x|⌉ + 1 shingles."""
    return size - math.ceil(2 * threshold / (1 + threshold) * size - _EPSILON) + 1


def _prefixes(
    mine: np.ndarray, table: np.ndarray, bits: int, threshold: float, max_pages: int | None
) -> tuple[np.ndarray, np.ndarray, bool]:
    """A set's probing and indexing prefixes, the shingles of each that are looked up, and whether the
    probing prefix reaches template text (a shingle in more than `max_pages` texts)."""
    often = table[_slots(mine, bits)]
    shared_mask = often > 1  # a count of 1: in this text only, it pairs with nothing
    shared, often = mine[shared_mask], often[shared_mask]
    unique = len(mine) - len(shared)  # first in the global order (count 1): they fill the prefix first
    room = _prefix_length(len(mine), threshold) - unique
    if room <= 0:
        return shared[:0], shared[:0], False
    rarest = np.lexsort((shared, often))[:room]  # by frequency, then by hash: one total order
    prefix, prefix_often = shared[rarest], often[rarest]
    room = max(0, _index_length(len(mine), threshold) - unique)
    indexed, indexed_often = prefix[:room], prefix_often[:room]
    if max_pages is None or not len(prefix_often) or prefix_often[-1] <= max_pages:
        return prefix, indexed, False
    return prefix[prefix_often <= max_pages], indexed[indexed_often <= max_pages], True


class _Spool:
    """uint64 arrays appended to an unlinked temporary file and read back as one array (in memory where
    no temporary file can be written): the array is held once, not as parts and their concatenation."""

    def __init__(self) -> None:
        self._parts: list[np.ndarray] | None = None
        try:
            self._file = tempfile.TemporaryFile(prefix="geo-shingle-index-")  # noqa: SIM115 - closed by close()
        except OSError:
            self._file, self._parts = None, []

    def write(self, array: np.ndarray) -> None:
        if self._parts is not None:
            self._parts.append(array)
        elif len(array):
            self._file.write(np.ascontiguousarray(array, dtype=np.uint64).tobytes())  # type: ignore[union-attr]

    def read(self) -> np.ndarray:
        if self._parts is not None:
            return np.concatenate(self._parts) if self._parts else np.zeros(0, dtype=np.uint64)
        self._file.flush()  # type: ignore[union-attr]
        self._file.seek(0)  # type: ignore[union-attr]
        return np.fromfile(self._file, dtype=np.uint64)  # type: ignore[arg-type]

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def _group_pairs(n: int, max_group: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) compared within a group of n pages in key order: every pair up to `max_group`
    pages; above, each page with the group's first page and with its next `NEIGHBOURS` pages (at most
    n·(NEIGHBOURS + 1) pairs, lexicographic order; every page in two pairs or more)."""
    if max_group is None or n <= max_group:
        first, second = np.triu_indices(n, 1)
        return first.astype(np.int64), second.astype(np.int64)
    firsts, seconds = [np.zeros(n - 1, dtype=np.int64)], [np.arange(1, n, dtype=np.int64)]
    for step in range(1, NEIGHBOURS + 1):
        i = np.arange(1, n - step, dtype=np.int64)  # (0, step) is the first page's pair already
        firsts.append(i)
        seconds.append(i + step)
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    at = np.lexsort((second, first))
    return first[at], second[at]


def _union(parent: np.ndarray, members: np.ndarray) -> None:
    """Join the members' sets in a union-find forest (`parent`, roots point at themselves)."""
    roots = {_find(parent, int(m)) for m in members.tolist()}
    first = min(roots)
    for root in roots:
        parent[root] = first


def _find(parent: np.ndarray, at: int) -> int:
    root = at
    while parent[root] != root:
        root = int(parent[root])
    while parent[at] != root:  # path compression
        parent[at], at = root, int(parent[at])
    return root


def _roots(parent: np.ndarray) -> np.ndarray:
    return np.array([_find(parent, i) for i in range(len(parent))], dtype=np.int64)


class PairSearch:
    """The pairs of keys whose shingle arrays have Jaccard ≥ threshold, streamed (each pair once, a before
    b in the mapping's order, in no particular order between pairs): iterate it once. `max_pages`: shingles
    in more distinct texts are not looked up (see the module's text); None searches every shingle
    (exhaustive, as `scoring.shingles`). `max_group`: a group of pages met in bulk — copies of one text,
    the copies of two near-duplicate texts, the pages of one MinHash bucket — larger than this is compared
    page by page with its first page and `NEIGHBOURS` neighbours instead of pair by pair (a cluster of
    10,000 near-copies has 50 million pairs), so that the pairs held or verified stay linear in the pages;
    None compares every pair. After the iteration `capped_pages` holds the keys of such groups and
    `largest_group` the size of the largest (0: every pair was compared)."""

    def __init__(
        self,
        sets: Mapping[Hashable, np.ndarray],
        threshold: float = THRESHOLD,
        max_pages: int | None = MAX_SHINGLE_PAGES,
        max_group: int | None = MAX_GROUP_PAGES,
    ) -> None:
        if not 0 < threshold <= 1:
            raise ValueError("threshold must be in (0, 1]")
        self.sets, self.threshold, self.max_pages, self.max_group = sets, threshold, max_pages, max_group
        self.capped_pages: set[Hashable] = set()
        self.largest_group = 0

    def _capped(self, members: Sequence[Hashable]) -> None:
        self.capped_pages.update(members)
        self.largest_group = max(self.largest_group, len(members))

    def _group(self, members: Sequence[Hashable]) -> tuple[np.ndarray, np.ndarray]:
        first, second = _group_pairs(len(members), self.max_group)
        if self.max_group is not None and len(members) > self.max_group:
            self._capped(members)
        return first, second

    def __iter__(self) -> Iterator[Pair]:
        sets, threshold, max_pages = self.sets, self.threshold, self.max_pages
        sizes = {k: len(s) for k, s in sets.items()}
        keys = [k for k, n in sizes.items() if n]
        order = {k: i for i, k in enumerate(keys)}
        if not keys:
            return
        groups = _copies(keys, sets)
        for first, copies in groups.items():  # copies of one text: similarity 1
            if copies:
                members = [first, *copies]
                i, j = self._group(members)
                size = sizes[first]
                yield from (
                    Pair(members[a], members[b], 1.0, size) for a, b in zip(i.tolist(), j.tolist(), strict=True)
                )
        distinct = list(groups)
        table, bits = _frequencies((sets[k] for k in distinct), sum(sizes[k] for k in distinct))
        # smallest sets first, so that every candidate met through the index is no larger than the probe
        ranked = sorted(distinct, key=lambda k: (sizes[k], order[k]))
        # Per rank the probe prefix's looked-up shingles (in a temporary file, read back when probing) and
        # the index: each page's shorter indexing prefix as (top 32 bits of the shingle, rank) in one uint64,
        # sorted — 8 bytes an entry, written to a file first so that the array is held once.
        probes = ArrayStore()
        index = _Spool()
        marked: list[Hashable] = []  # prefixes that reach template text: searched by LSH as well
        try:
            for rank, key in enumerate(ranked):
                probe, indexed, reach = _prefixes(sets[key], table, bits, threshold, max_pages)
                if reach:
                    marked.append(key)
                probes.add(rank, probe)
                index.write((indexed.view(np.uint64) >> _HIGH) << _HIGH | np.uint64(rank))
            del table
            keys = index.read()
        finally:
            index.close()
        keys.sort()
        is_marked = set(marked)
        both_marked: set[tuple[Hashable, Hashable]] = set()  # found by the index: LSH need not verify them

        def verify(key: Hashable, other: Hashable) -> Pair | None:
            mine, theirs = sets[key], sets[other]
            if len(theirs) > len(mine):
                mine, theirs = theirs, mine
            if len(theirs) < threshold * len(mine) - _EPSILON:
                return None
            common = common_count(mine, theirs)
            union = len(mine) + len(theirs) - common
            if common < threshold * union - _EPSILON:
                return None
            first, second = (key, other) if order[key] < order[other] else (other, key)
            return Pair(first, second, common / union, common)

        try:
            for rank, key in enumerate(ranked):
                prefix = probes[rank]
                if not len(prefix):
                    continue
                high = (prefix.view(np.uint64) >> _HIGH) << _HIGH
                starts, ends = np.searchsorted(keys, high), np.searchsorted(keys, high | _LOW, side="right")
                met = (_gather(starts, ends, keys) & _LOW).astype(np.int64)  # a shared top half: verified anyway
                for other in _shingles.sorted_unique(met[met < rank]).tolist():
                    pair = verify(key, ranked[other])
                    if pair is not None:
                        if pair.a in is_marked and pair.b in is_marked:
                            both_marked.add((pair.a, pair.b))
                        yield from self._with_copies(pair, groups, order)
        finally:
            probes.close()
        del keys
        marked.sort(key=order.__getitem__)
        for code in self._lsh_candidates(marked).tolist():
            a, b = marked[code // len(marked)], marked[code % len(marked)]
            if (a, b) not in both_marked:
                pair = verify(a, b)
                if pair is not None:
                    yield from self._with_copies(pair, groups, order)

    def _lsh_candidates(self, marked: list[Hashable]) -> np.ndarray:
        """Pairs of indices into `marked` (i < j, as i·len + j, sorted) that share at least one LSH band;
        a bucket of more than `max_group` pages gives its first page's and its neighbours' pairs."""
        if len(marked) < 2:
            return np.zeros(0, dtype=np.int64)
        keys = np.stack([_band_keys(_signature(self.sets[k])) for k in marked])  # pages x bands
        pages = np.repeat(np.arange(len(marked), dtype=np.int64), BANDS)
        band = np.tile(np.arange(BANDS), len(marked))
        flat = keys.ravel()
        del keys
        at = np.lexsort((pages, flat, band))  # by band, then bucket key, then page
        band, flat, pages = band[at], flat[at], pages[at]
        same = (band[1:] == band[:-1]) & (flat[1:] == flat[:-1])
        del band, flat, at
        codes: list[np.ndarray] = []
        held = 0
        seen: set[bytes] = set()  # a tight cluster falls into the same bucket in every band
        # Buckets above max_group are joined into clusters (union-find over the pages) and each cluster is
        # compared page by page once, not once per band: a cluster splits differently in every band.
        parent = np.arange(len(marked), dtype=np.int64) if self.max_group is not None else None
        start = 0
        for end in [*(np.flatnonzero(~same) + 1).tolist(), len(pages)]:
            if end - start > 1:
                bucket = pages[start:end]
                digest = hashlib.blake2b(bucket.tobytes(), digest_size=16).digest()
                if digest in seen:
                    pass
                elif parent is not None and end - start > self.max_group:  # type: ignore[operator]
                    _union(parent, bucket)
                else:
                    i, j = _group_pairs(len(bucket), None)
                    codes.append(bucket[i] * len(marked) + bucket[j])
                    held += len(codes[-1])
                    if held > 1 << 22:  # merge as we go: the candidates stay bounded by the distinct pairs
                        codes = [_shingles.sorted_unique(np.concatenate(codes))]
                        held = len(codes[0])
                seen.add(digest)
            start = end
        if parent is not None:
            roots = _roots(parent)
            by_root = np.argsort(roots, kind="stable")  # each cluster's pages in key order
            sorted_roots = roots[by_root]
            bounds = np.flatnonzero(sorted_roots[1:] != sorted_roots[:-1]) + 1
            for cluster in np.split(by_root, bounds):
                if len(cluster) > 1:
                    i, j = self._group([marked[p] for p in cluster.tolist()])
                    codes.append(cluster[i] * len(marked) + cluster[j])
        return _shingles.sorted_unique(np.concatenate(codes)) if codes else np.zeros(0, dtype=np.int64)

    def _with_copies(self, pair: Pair, groups: dict[Hashable, list[Hashable]], order: dict) -> Iterator[Pair]:
        """A pair of distinct texts for every copy of either page (each copy of the one with the other's
        first page and back when the copies together are more than `max_group`)."""
        ours, theirs = groups[pair.a], groups[pair.b]
        if not ours and not theirs:
            yield pair
            return
        left, right = [pair.a, *ours], [pair.b, *theirs]
        if self.max_group is None or len(left) + len(right) <= self.max_group:
            combos = [(a, b) for a in left for b in right]
        else:
            self._capped(left + right)
            combos = [(a, pair.b) for a in left] + [(pair.a, b) for b in theirs]
        for a, b in combos:
            first, second = (a, b) if order[a] < order[b] else (b, a)
            yield Pair(first, second, pair.similarity, pair.shared)


def near_duplicate_pairs(
    sets: Mapping[Hashable, np.ndarray],
    threshold: float = THRESHOLD,
    max_pages: int | None = MAX_SHINGLE_PAGES,
    max_group: int | None = MAX_GROUP_PAGES,
) -> list[Pair]:
    """`PairSearch`'s pairs as a list, most similar first (then by key order), as `scoring.shingles`'."""
    order = {k: i for i, k in enumerate(sets)}
    found = list(PairSearch(sets, threshold, max_pages, max_group))
    found.sort(key=lambda p: (-p.similarity, order[p.a], order[p.b]))
    return found
