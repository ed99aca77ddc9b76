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
    ids: _Ids = field(default_factory=_Ids)
    # per record (crawl order)
    record_url: list[int] = field(default_factory=list)
    record_final: list[int] = field(default_factory=list)  # -1: none
    record_redirect: list[bool] = field(default_factory=list)
    record_linking: list[bool] = field(default_factory=list)
    record_ok: list[bool] = field(default_factory=list)
    record_words: list[int] = field(default_factory=list)
    record_kind: list[int] = field(default_factory=list)
    # per internal link (array('i')-like growth through lists of chunks)
    link_record: list[np.ndarray] = field(default_factory=list)
    link_target: list[np.ndarray] = field(default_factory=list)
    link_weight: list[np.ndarray] = field(default_factory=list)  # int8 position codes
    link_follow: list[np.ndarray] = field(default_factory=list)

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
        if links:
            self.link_record.append(np.full(len(links), index, dtype=np.int32))
            self.link_target.append(np.fromiter((self.ids[lk.url] for lk in links), np.int32, len(links)))
            positions = (_POSITIONS.get(lk.position, len(_POSITIONS)) for lk in links)
            self.link_weight.append(np.fromiter(positions, np.int8, len(links)))
            self.link_follow.append(np.fromiter(("nofollow" not in lk.rel for lk in links), bool, len(links)))


def _concat(chunks: list[np.ndarray], dtype: type) -> np.ndarray:
    return np.concatenate(chunks) if chunks else np.zeros(0, dtype=dtype)


@dataclass
class LinkColumns:
    """The crawl as columns. Node ids index `nodes` (sorted URLs of linking pages)."""

    nodes: list[str]
    src: np.ndarray  # int32 node ids: followed edges, deduplicated
    dst: np.ndarray
    weight: np.ndarray  # float64: the highest position weight between the two pages
    resolved: np.ndarray  # int64 per URL id: the URL id its redirects end at
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
        rec_url = np.array(build.record_url, dtype=np.int64)
        rec_final = np.array(build.record_final, dtype=np.int64)
        redirect = np.array(build.record_redirect, dtype=bool)
        linking = np.array(build.record_linking, dtype=bool)
        resolved = _resolve_all(urls, build.ids, rec_url, rec_final, redirect)
        page_key = np.where(rec_final >= 0, rec_final, rec_url)  # a record's own URL: final, else requested
        node_urls = sorted({urls[i] for i in page_key[linking]})
        node_of = np.full(len(urls), -1, dtype=np.int64)
        node_of[[build.ids[u] for u in node_urls]] = np.arange(len(node_urls))
        record = _concat(build.link_record, np.int32)
        source = node_of[page_key[record]] if len(record) else np.zeros(0, dtype=np.int64)
        target_url = resolved[_concat(build.link_target, np.int32)] if len(record) else np.zeros(0, np.int64)
        target = node_of[target_url] if len(record) else np.zeros(0, dtype=np.int64)
        follow = _concat(build.link_follow, bool)
        keep = follow & (target >= 0) & (target != source)
        weight = _WEIGHTS[_concat(build.link_weight, np.int8)[keep]]  # float64, exactly as SiteData weighs
        src, dst, weight = _max_weight_edges(source[keep], target[keep], weight)
        return cls(
            nodes=node_urls,
            src=src.astype(np.int32),
            dst=dst.astype(np.int32),
            weight=weight,
            resolved=resolved,
            urls=urls,
            inlink_src=source.astype(np.int32),
            inlink_dst=target_url.astype(np.int32),
            words=np.array(build.record_words, dtype=np.int32),
            kind=np.array(build.record_kind, dtype=np.int8),
            ok=np.array(build.record_ok, dtype=bool),
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
        own = np.full(len(self.urls), -1, dtype=np.int64)
        own[[self._ids[u] for u in self.nodes]] = np.arange(len(self.nodes))
        other = own[self.inlink_dst] != self.inlink_src  # a page's links to itself do not count
        pairs = np.unique(self.inlink_dst[other].astype(np.int64) * len(self.nodes) + self.inlink_src[other])
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
    resolved = np.arange(len(urls), dtype=np.int64)
    for start in range(len(urls)):
        resolved[start] = _resolve(start, urls, ids, by_url, rec_url, rec_final, redirect)
    return resolved


def _resolve(
    url: int,
    urls: list[str],
    ids: dict[str, int],
    by_url: dict[int, int],
    rec_url: np.ndarray,
    rec_final: np.ndarray,
    redirect: np.ndarray,
) -> int:
    for _ in range(MAX_REDIRECT_HOPS):
        index = by_url.get(url)
        if index is None and not urlsplit(urls[url]).path:
            index = by_url.get(ids.get(urls[url] + "/", -1))
        if index is None:
            return url
        target = int(rec_final[index]) if rec_final[index] >= 0 else int(rec_url[index])
        if target == url or not redirect[index]:
            return target
        url = target
    return url
