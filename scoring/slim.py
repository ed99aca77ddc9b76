"""Compact page records for the score stage (issue 19): what SiteData holds per page.

A `SlimPage` is a `PageRecord` whose fields but a few (main text, links, headings, structured data,
...) are kept as one zlib-compressed pickle instead of Python objects: a synthetic page's record takes
~28 KB as objects and ~2.5 KB compressed. Reading such a field decodes the page once (a small LRU of
decoded pages), so every reader of a record — checks, page types, insights — sees exactly the
fields of the original record; nothing is dropped or approximated. The fields every site-wide pass
reads (URL, status, words, title, languages, robots: `KEPT`) stay plain attributes, so those passes
decode nothing.

The blobs themselves go to a spill file (`Spill`: an unlinked temporary file, read back with
`os.pread`), so a record in memory is its plain fields and a 3-number reference: the compressed text
and links of a crawled page (~13 KB at 5,000 words, ~28 KB of RSS a page as bytes in memory) stay in
the OS page cache instead of the process (issue 19: 100,000 pages must fit 2 GB). Where no file can be
written, the blob stays in memory as before. A pickled SlimPage carries its blob's bytes.

The packed fields are compressed in groups (`GROUPS`: the main text, the links, the page's other
lists, the rest), each a segment of the record's blob behind a small header: a site pass that reads
the links decodes the links alone, one that reads structured data or hreflang the small rest, never the
main text (issue 19, tenth stop: each of a dozen site passes decoded the whole record, 20 % of the
score stage's CPU on generated pages).

The blob is an in-process cache of a record this process read itself (from the store or a list),
never read from outside: pickle is safe here.
"""

from __future__ import annotations

import os
import pickle
import struct
import tempfile
import threading
import weakref
import zlib
from functools import lru_cache
from typing import Any

from scoring.core.records import PageRecord
from scoring.core.results import built_model

# The fields kept as plain attributes: what the site-wide passes read of every page (lookups,
# redirects, status, languages, robots, words, titles). Every other field is held compressed.
KEPT = frozenset(
    {
        "url",
        "final_url",
        "status",
        "content_type",
        "error",
        "depth",
        "word_count",
        "title",
        "robots_meta",
        "x_robots_tag",
        "lang",
        "content_language",
        "language",
        "language_confidence",
        "meta_description",
        # small, and read of other pages inside the page pass (a canonical elsewhere, a likely app shell)
        "canonical",
        "scripts",
        "app_root",
    }
)
PACKED = frozenset(PageRecord.model_fields) - KEPT
# The packed fields in groups, each compressed on its own; every other packed field is in the last group
# (structured data, hreflang, extras, script links, language shares...: small, read by many site passes).
GROUPS = (("main_text",), ("links",), ("headings", "images", "quotes", "author_signals", "dates"))
_GROUP_OF = {name: next((i for i, names in enumerate(GROUPS) if name in names), len(GROUPS)) for name in PACKED}
_SEGMENTS = len(GROUPS) + 1
_HEADER = struct.Struct(f"<{_SEGMENTS}I")  # each segment's length; the segments follow in group order
ZLIB_LEVEL = 1  # fastest: the text compresses ~4x at level 1 already, and the score stage decodes far more
# decoded groups in the LRU: page-major passes read one page at a time (a few groups of it); site passes
# read each page once
DECODED_PAGES = 64
# Decoded pages kept for the whole run, up to this many bytes of their packed blobs (~20x that in
# objects: ~120 MB for 6 MB): a site pass (the link graph, inlinks, site checks, insights) reads every
# page once, a dozen passes in all, and an LRU smaller than the site misses on every page of each scan
# (issue 19: 30,930 decodes for 1,504 pages on a real site, a third of its score stage). Pages past the
# budget are decoded per read as before; GEO_SLIM_DECODED_MB=0 turns keeping off.
DECODED_BYTES = int(float(os.environ.get("GEO_SLIM_DECODED_MB", "6")) * 2**20)
# A kept group is charged its segment's bytes times what it swells to when decoded, relative to a whole
# record's (2,000 generated pages: 27 MB packed, 303 MB decoded, 11x; the main text 5x, the links 55x — a
# pydantic object per link —, headings and other lists 15x, the rest 8x): the budget holds about the
# objects it held when whole records were kept, whichever groups come first.
_CHARGE = (0.5, 5.0, 1.4, 0.7)  # by group, as GROUPS (the last: the rest)
SPILL_FILE_BYTES = 1 << 28  # a new spill file after 256 MB: a finished audit's file goes with its records


class Spill:
    """An append-only, unlinked temporary file of blobs, read back by offset (thread-safe: pwrite and
    pread at explicit offsets). Closed when the last `SpilledBlob` pointing into it is gone."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="geo-audit-slim-")  # noqa: SIM115 - lives with its blobs
        self._fd = self._file.fileno()
        self.pid = os.getpid()  # a forked child appends to a file of its own, never to its parent's
        self._end = 0
        self._lock = threading.Lock()

    @property
    def size(self) -> int:
        return self._end

    def put(self, blob: bytes, cuts: int) -> SpilledBlob:
        with self._lock:
            offset = self._end
            written = os.pwrite(self._fd, blob, offset)
            if written != len(blob):
                raise OSError(f"short write to the spill file: {written} of {len(blob)} bytes")
            self._end += len(blob)
        return SpilledBlob(self, offset, len(blob), cuts)

    def read(self, offset: int, length: int) -> bytes:
        data = os.pread(self._fd, length, offset)
        if len(data) != length:
            raise OSError(f"short read from the spill file: {len(data)} of {length} bytes")
        return data


class SpilledBlob:
    """Where one record's blob lies in a `Spill` (hashed by identity: one object per record), and where its
    segments start in it (`cuts`: the segments' ends as one int of 32-bit fields, not a tuple per record)."""

    __slots__ = ("spill", "offset", "length", "cuts", "__weakref__")

    def __init__(self, spill: Spill, offset: int, length: int, cuts: int) -> None:
        self.spill, self.offset, self.length, self.cuts = spill, offset, length, cuts

    def read(self) -> bytes:
        return self.spill.read(self.offset, self.length)

    def _bounds(self, group: int) -> tuple[int, int]:
        start = (self.cuts >> (32 * (group - 1))) & 0xFFFFFFFF if group else 0
        return _HEADER.size + start, _HEADER.size + ((self.cuts >> (32 * group)) & 0xFFFFFFFF)

    def segment(self, group: int) -> bytes:
        """The bytes of one group's segment."""
        start, end = self._bounds(group)
        return self.spill.read(self.offset + start, end - start) if end > start else b""

    def segment_length(self, group: int) -> int:
        start, end = self._bounds(group)
        return end - start

    def __reduce__(self) -> tuple[Any, ...]:
        return (bytes, (self.read(),))  # a pickled record carries its bytes, not a file offset


_spill: Spill | None = None
_spill_lock = threading.Lock()
_spill_failed = False


def _spilled(blob: bytes, cuts: int) -> bytes | SpilledBlob:
    """The blob in the current spill file (a new one past SPILL_FILE_BYTES), or the bytes themselves
    where no temporary file can be written (the first failure turns spilling off for the process)."""
    global _spill, _spill_failed
    if _spill_failed:
        return blob
    try:
        with _spill_lock:
            if _spill is None or _spill.size >= SPILL_FILE_BYTES or _spill.pid != os.getpid():
                _spill = Spill()
            spill = _spill
        return spill.put(blob, cuts)
    except OSError:
        _spill_failed = True
        return blob


class _Kept:
    """Decoded groups kept while their records live, up to `DECODED_BYTES` (charged segments): first come,
    first kept (a scan over more pages than fit still hits on the kept ones, where an LRU would miss on
    all). A record's entries go with its blob (a weak reference), so a finished audit's pages free their room."""

    def __init__(self) -> None:
        self.used = 0
        self._entries: dict[int, tuple[weakref.ref, dict[int, dict[str, Any]], list[int]]] = {}
        self._lock = threading.RLock()  # a weak reference's callback may run inside the lock (GC)

    def get(self, blob: SpilledBlob, group: int) -> dict[str, Any] | None:
        entry = self._entries.get(id(blob))
        return entry[1].get(group) if entry is not None and entry[0]() is blob else None

    def put(self, blob: SpilledBlob, group: int, decoded: dict[str, Any], size: int) -> None:
        with self._lock:
            if self.used + size > DECODED_BYTES:
                return
            key = id(blob)
            entry = self._entries.get(key)
            if entry is None:
                room = [0]  # this record's bytes kept, freed with it

                def gone(_ref: weakref.ref, key: int = key, room: list[int] = room) -> None:
                    with self._lock:
                        if self._entries.pop(key, None) is not None:
                            self.used -= room[0]

                entry = self._entries[key] = (weakref.ref(blob, gone), {}, room)
            if group in entry[1]:
                return
            entry[1][group] = decoded
            entry[2][0] += size
            self.used += size

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.used = 0


_kept = _Kept()


def _segment(blob: bytes | SpilledBlob, group: int) -> bytes | memoryview:
    if isinstance(blob, SpilledBlob):
        return blob.segment(group)
    lengths = _HEADER.unpack_from(blob)
    start = _HEADER.size + sum(lengths[:group])
    return memoryview(blob)[start : start + lengths[group]]


@lru_cache(maxsize=DECODED_PAGES)
def _decoded(blob: bytes | SpilledBlob, group: int) -> dict[str, Any]:
    # bytes cache their hash, a SpilledBlob hashes by identity: a hit costs a dict lookup
    data = _segment(blob, group)
    return pickle.loads(zlib.decompress(data)) if len(data) else {}


def _unpack(blob: bytes | SpilledBlob, group: int) -> dict[str, Any]:
    """One group of a record's packed fields: kept (`_Kept`), else from the LRU of the last ones, else decoded."""
    if isinstance(blob, SpilledBlob):
        kept = _kept.get(blob, group)
        if kept is not None:
            return kept
        decoded = _decoded(blob, group)
        _kept.put(blob, group, decoded, int(blob.segment_length(group) * _CHARGE[group]))
        return decoded
    return _decoded(blob, group)


class SlimPage(PageRecord):
    """A PageRecord with the PACKED fields decoded on first read (see the module doc)."""

    def __getattr__(self, name: str) -> Any:
        group = _GROUP_OF.get(name)
        if group is not None:  # not a plain attribute (those never reach __getattr__): packed
            return _unpack(self.__dict__["_packed"], group)[name]
        return super().__getattr__(name)

    def full(self) -> PageRecord:
        """The original record (for a caller that dumps or copies it)."""
        data = {k: v for k, v in self.__dict__.items() if k != "_packed"}
        for group in range(_SEGMENTS):
            data.update(_unpack(self.__dict__["_packed"], group))
        return PageRecord.model_construct(**{name: data[name] for name in PageRecord.model_fields})


_SHARED_FIELDS_SET: set[str] = set()  # never mutated: the records are frozen


def slim(page: PageRecord) -> PageRecord:
    """The page as a SlimPage (a SlimPage stays as it is)."""
    if isinstance(page, SlimPage):
        return page
    fields = page.__dict__
    # a new dict (one emptied by pops keeps its size); a field that is None stays plain too: it costs
    # no object, and the passes that look for one (a rendered view, an app root) decode nothing
    state = {name: fields[name] for name in KEPT}
    state.update((name, None) for name in PACKED if fields[name] is None)
    groups: list[dict[str, Any]] = [{} for _ in range(_SEGMENTS)]
    for name in PACKED:
        if fields[name] is not None:
            groups[_GROUP_OF[name]][name] = fields[name]
    segments = [
        zlib.compress(pickle.dumps(group, protocol=pickle.HIGHEST_PROTOCOL), ZLIB_LEVEL) if group else b""
        for group in groups
    ]
    cuts, end = 0, 0
    for i, segment in enumerate(segments):  # the segments' ends after the header
        end += len(segment)
        cuts |= end << (32 * i)
    state["_packed"] = _spilled(_HEADER.pack(*map(len, segments)) + b"".join(segments), cuts)
    return built_model(SlimPage, state, _SHARED_FIELDS_SET)
