"""Compact columns of a crawl, built in one pass over the page records (issue 19).

What the site-wide steps of the score stage need, without holding a `PageRecord` (or a networkx
edge) per page: URL ids, per-page status/words/page type as numpy arrays, and the internal links
as int32 arrays. A 1,000,000-page site with 30 links a page fits in about 0.5 GB (bench/scale_sim.py).

Same definitions as `scoring.site.SiteData` (tested against it): nodes are the (final) URLs of
successful HTML responses, sorted; an edge is a followed (no nofollow) internal link to another
node after redirects are resolved (`SiteData.resolve`), weighted by its position and keeping the
highest weight between two pages; PageRank, Link Score and click depth by scoring.linkgraph;
distinct linking pages per URL as `SiteData.inlinks` counts them (nofollow included, self excluded).
The records stream in: redirects are resolved once all of them are known.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import numpy as np

from scoring import linkgraph
from scoring.core.records import PageRecord
from scoring.pagetypes import PAGE_KINDS, classify

# as scoring.site (not imported: site imports networkx, which columns never needs)
POSITION_WEIGHT = {"content": 1.0, "aside": 0.5, "header": 0.3, "nav": 0.3, "footer": 0.2}
MAX_REDIRECT_HOPS = 20
_POSITIONS = {name: code for code, name in enumerate(POSITION_WEIGHT)}
_WEIGHTS = np.array([*POSITION_WEIGHT.values(), 1.0])  # by code; an unknown position weighs 1
KINDS = PAGE_KINDS  # the page type column holds the index of the kind


class _Ids(dict):
    """URL -> small int, assigned on first sight."""

    def __missing__(self, url: str) -> int:
        self[url] = value = len(self)
        return value


@dataclass
class _Builder:
    """Columns growing one record at a time: array.array, no Python object per link."""

    ids: _Ids = field(default_factory=_Ids)
    # per record (crawl order)
    record_url: array = field(default_factory=lambda: array("q"))
    record_final: array = field(default_factory=lambda: array("q"))  # -1: none
    record_redirect: array = field(default_factory=lambda: array("b"))
    record_linking: array = field(default_factory=lambda: array("b"))
    record_ok: array = field(default_factory=lambda: array("b"))
    record_words: array = field(default_factory=lambda: array("i"))
    record_kind: array = field(default_factory=lambda: array("b"))
    # per internal link of a linking page
    link_record: array = field(default_factory=lambda: array("i"))
    link_target: array = field(default_factory=lambda: array("i"))
    link_position: array = field(default_factory=lambda: array("b"))  # code in _POSITIONS
    link_follow: array = field(default_factory=lambda: array("b"))

    def add(self, page: PageRecord, kinds: bool) -> None:
        index = len(self.record_url)
        self.record_url.append(self.ids[page.url])
        self.record_final.append(self.ids[page.final_url] if page.final_url else -1)
        self.record_redirect.append(page.redirect_target is not None)
        self.record_linking.append(page.fetched_html)
        self.record_ok.append(page.ok)
        self.record_words.append(page.word_count)
        self.record_kind.append(KINDS.index(classify(page).kind if kinds and page.ok else "other"))
        if not page.fetched_html:
            return
        links = [link for link in page.links if link.internal]
        self.link_record.extend([index] * len(links))
        self.link_target.extend(self.ids[link.url] for link in links)
        self.link_position.extend(_POSITIONS.get(link.position, len(_POSITIONS)) for link in links)
        self.link_follow.extend("nofollow" not in link.rel for link in links)


@dataclass
class LinkColumns:
    """The crawl as columns. Node ids index `nodes` (sorted URLs of linking pages)."""

    nodes: list[str]
    src: np.ndarray  # int32 node ids: followed edges, deduplicated
    dst: np.ndarray
    weight: np.ndarray  # float64: the highest position weight between the two pages
    resolved: np.ndarray  # int32 per URL id: the URL id its redirects end at
    urls: list[str]  # URL id -> URL
    inlink_src: np.ndarray  # int32 node ids of every internal link (nofollow too), with ...
    inlink_dst: np.ndarray  # ... the URL id of its resolved target
    words: np.ndarray  # int32 per record
    kind: np.ndarray  # int8 per record, index into KINDS
    ok: np.ndarray  # bool per record

    @classmethod
    def from_pages(cls, pages: Iterable[PageRecord], kinds: bool = True) -> LinkColumns:
        """Read the records once; nothing of a record is kept but its columns."""
        build = _Builder()
        for page in pages:
            build.add(page, kinds)
        return cls._finish(build)

    @classmethod
    def _finish(cls, build: _Builder) -> LinkColumns:
        urls = list(build.ids)
        rec_url = np.frombuffer(build.record_url, dtype=np.int64)
        rec_final = np.frombuffer(build.record_final, dtype=np.int64)
        redirect = np.frombuffer(build.record_redirect, dtype=np.int8).astype(bool)
        linking = np.frombuffer(build.record_linking, dtype=np.int8).astype(bool)
        resolved = _resolve_all(urls, build.ids, rec_url, rec_final, redirect)
        page_key = np.where(rec_final >= 0, rec_final, rec_url).astype(np.int32)  # own URL: final, else requested
        node_urls = sorted({urls[i] for i in page_key[linking]})
        node_of = np.full(len(urls), -1, dtype=np.int32)  # int32 throughout: a link costs 4 bytes a column
        node_of[[build.ids[u] for u in node_urls]] = np.arange(len(node_urls))
        record = np.frombuffer(build.link_record, dtype=np.int32)
        source = node_of[page_key[record]]
        target_url = resolved[np.frombuffer(build.link_target, dtype=np.int32)]
        target = node_of[target_url]
        follow = np.frombuffer(build.link_follow, dtype=np.int8).astype(bool)
        keep = follow & (target >= 0) & (target != source)
        weight = _WEIGHTS[np.frombuffer(build.link_position, dtype=np.int8)[keep]]  # float64, as SiteData weighs
        src, dst, weight = _max_weight_edges(source[keep], target[keep], weight)
        return cls(
            nodes=node_urls,
            src=src.astype(np.int32, copy=False),
            dst=dst.astype(np.int32, copy=False),
            weight=weight,
            resolved=resolved,
            urls=urls,
            inlink_src=source.astype(np.int32, copy=False),
            inlink_dst=target_url.astype(np.int32, copy=False),
            words=np.frombuffer(build.record_words, dtype=np.int32).copy(),
            kind=np.frombuffer(build.record_kind, dtype=np.int8).copy(),
            ok=np.frombuffer(build.record_ok, dtype=np.int8).astype(bool),
        )

    # -- sizes -------------------------------------------------------------------------------
    @property
    def edge_count(self) -> int:
        return len(self.src)

    @property
    def nbytes(self) -> int:
        """Bytes of the arrays (the URL strings and their dict come on top: ~150 B a URL)."""
        arrays = (self.src, self.dst, self.weight, self.resolved, self.inlink_src, self.inlink_dst)
        return sum(a.nbytes for a in (*arrays, self.words, self.kind, self.ok))

    # -- graph metrics -----------------------------------------------------------------------
    def pagerank(self, damping: float = linkgraph.DAMPING) -> np.ndarray:
        return linkgraph.pagerank(len(self.nodes), self.src, self.dst, self.weight, damping)

    def link_scores(self, rank: np.ndarray | None = None) -> np.ndarray:
        return linkgraph.link_scores(self.pagerank() if rank is None else rank)

    def node(self, url: str) -> int:
        """The node id of the page a URL ends at (redirects followed), -1 when it is none."""
        resolved = self.urls[self.resolved[self._ids[url]]] if url in self._ids else url
        at = bisect_left(self.nodes, resolved)  # nodes are sorted
        return at if at < len(self.nodes) and self.nodes[at] == resolved else -1

    def click_depths(self, start_url: str) -> np.ndarray:
        """Clicks from `start_url` to every node, -1 when unreachable (all -1 without the start page)."""
        start = self.node(start_url)
        if start < 0:
            return np.full(len(self.nodes), -1, dtype=np.int32)
        return linkgraph.click_depths(len(self.nodes), self.src, self.dst, start)

    def distinct_sources(self) -> np.ndarray:
        """Per URL id: how many other linking pages link to it (`SiteData.inlinks`, distinct sources)."""
        own = np.full(len(self.urls), -1, dtype=np.int32)
        own[[self._ids[u] for u in self.nodes]] = np.arange(len(self.nodes))
        other = own[self.inlink_dst] != self.inlink_src  # a page's links to itself do not count
        pairs = np.sort(self.inlink_dst[other].astype(np.int64) * len(self.nodes) + self.inlink_src[other])
        pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]  # distinct (a sort: np.unique hashes slowly)
        return np.bincount(pairs // max(len(self.nodes), 1), minlength=len(self.urls))

    def __post_init__(self) -> None:
        self._ids = {url: i for i, url in enumerate(self.urls)}  # URL -> URL id


def _max_weight_edges(src: np.ndarray, dst: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, ...]:
    """One edge per (src, dst), with the highest weight of its links."""
    if not len(src):
        return src, dst, weight.astype(np.float64)
    order = np.lexsort((-weight, dst, src))  # per pair, the heaviest link first
    src, dst, weight = src[order], dst[order], weight[order]
    first = np.ones(len(src), dtype=bool)
    first[1:] = (src[1:] != src[:-1]) | (dst[1:] != dst[:-1])
    return src[first], dst[first], weight[first].astype(np.float64)


def _resolve_all(
    urls: list[str], ids: dict[str, int], rec_url: np.ndarray, rec_final: np.ndarray, redirect: np.ndarray
) -> np.ndarray:
    """URL id -> URL id after redirects, as `SiteData.resolve` follows them (the root's slash too)."""
    by_url: dict[int, int] = {}  # URL id -> record index (SiteData.by_url)
    for index, url in enumerate(rec_url.tolist()):
        by_url.setdefault(url, index)
    for index, final in enumerate(rec_final.tolist()):
        if final >= 0 and not redirect[index]:
            by_url.setdefault(final, index)
    own, final, hop = rec_url.tolist(), rec_final.tolist(), redirect.tolist()  # lists: fast scalar reads
    return np.array([_resolve(u, urls, ids, by_url, own, final, hop) for u in range(len(urls))], dtype=np.int32)


def _resolve(
    url: int,
    urls: list[str],
    ids: dict[str, int],
    by_url: dict[int, int],
    rec_url: list[int],
    rec_final: list[int],
    redirect: list[bool],
) -> int:
    for _ in range(MAX_REDIRECT_HOPS):
        index = by_url.get(url)
        if index is None and not urlsplit(urls[url]).path:
            index = by_url.get(ids.get(urls[url] + "/", -1))
        if index is None:
            return url
        target = rec_final[index] if rec_final[index] >= 0 else rec_url[index]
        if target == url or not redirect[index]:
            return target
        url = target
    return url
