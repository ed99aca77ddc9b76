"""Compact page records for the score stage (issue 19): what SiteData holds per page.

A `SlimPage` is a `PageRecord` whose fields but a few (main text, links, headings, structured data,
...) are kept as one zlib-compressed pickle instead of Python objects: a synthetic page's record takes
~28 KB as objects and ~2.5 KB compressed. Reading such a field decodes the page once (a small LRU of
decoded pages), so every reader of a record — checks, page types, insights — sees exactly the
fields of the original record; nothing is dropped or approximated. The fields every site-wide pass
reads (URL, status, words, title, languages, robots: `KEPT`) stay plain attributes, so those passes
decode nothing.

The blob is an in-process cache of a record this process read itself (from the store or a list),
never written anywhere nor read from outside: pickle is safe here.
"""

from __future__ import annotations

import pickle
import zlib
from functools import lru_cache
from typing import Any

from scoring.core.records import PageRecord

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
    }
)
PACKED = frozenset(PageRecord.model_fields) - KEPT
ZLIB_LEVEL = 1  # fastest: the text compresses ~4x at level 1 already, and the score stage decodes far more
DECODED_PAGES = 64  # page-major passes read one page at a time; site passes read each page once


@lru_cache(maxsize=DECODED_PAGES)
def _unpack(blob: bytes) -> dict[str, Any]:
    # bytes cache their hash: a hit costs a dict lookup, not a hash of the blob
    return pickle.loads(zlib.decompress(blob))


class SlimPage(PageRecord):
    """A PageRecord with the PACKED fields decoded on first read (see the module doc)."""

    def __getattr__(self, name: str) -> Any:
        if name in PACKED:  # not a plain attribute (those never reach __getattr__): packed
            return _unpack(self.__dict__["_packed"])[name]
        return super().__getattr__(name)

    def full(self) -> PageRecord:
        """The original record (for a caller that dumps or copies it)."""
        data = {k: v for k, v in self.__dict__.items() if k != "_packed"}
        data.update(_unpack(self.__dict__["_packed"]))
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
    packed = {name: fields[name] for name in PACKED if fields[name] is not None}
    state["_packed"] = zlib.compress(pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL), ZLIB_LEVEL)
    record = SlimPage.__new__(SlimPage)
    object.__setattr__(record, "__dict__", state)
    object.__setattr__(record, "__pydantic_fields_set__", _SHARED_FIELDS_SET)
    object.__setattr__(record, "__pydantic_extra__", None)
    object.__setattr__(record, "__pydantic_private__", None)
    return record
