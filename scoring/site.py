"""Site-level data computed once per scoring run and shared by every check.

Built from the page records and site artifacts alone (pure): URL lookups with redirects
resolved, the internal link graph (networkx), internal PageRank (scoring.linkgraph on a sparse
matrix), click depth, inlinks and the site's languages (from its pages' text, `page_language`).
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar
from urllib.parse import urlsplit

import numpy as np

from scoring.core.jsonld import jsonld_types as jsonld_types  # the checks' helper, kept importable from here
from scoring.core.records import PageRecord, SiteArtifacts
from scoring.linkgraph import LinkGraph, LinkGraphBuilder
from scoring.pagetypes import classify
from scoring.robots_directives import keeps_out_of_search
from scoring.slim import slim

# Links in the main content carry more weight than template links repeated on every page
# (the "reasonable surfer" model; Screaming Frog and Sitebulb weigh them the same way).
POSITION_WEIGHT = {"content": 1.0, "aside": 0.5, "header": 0.3, "nav": 0.3, "footer": 0.2}
PAGERANK_DAMPING = 0.85
MAX_REDIRECT_HOPS = 20  # a redirect loop ends here

T = TypeVar("T")
SHARED_TEXT_MIN_PAGES = 5  # pages with one identical main text and different titles: an extraction failure
SHARED_TEXT_MIN_WORDS = 20

# The basic JSON-LD article types (thin-content's "marked up as editorial content"); the page-type rules
# (scoring.pagetype_vocabulary.ARTICLE_TYPES) also count the news and live-blog subtypes.
ARTICLE_TYPES = {"article", "blogposting", "newsarticle", "techarticle", "report", "scholarlyarticle"}


@dataclass(frozen=True)
class Inlink:
    source: str
    anchor: str
    position: str


class InlinkIndex(Mapping[str, list[Inlink]]):
    """Target URL -> its inlinks, held as int32 columns sorted by target (issue 19: an Inlink object
    per link took ~200 bytes, 50 links a page); each target's list is built when it is read, in the
    order the links were added. Keys keep the order of their first inlink."""

    def __init__(self) -> None:
        self._targets: dict[str, int] = {}
        self._strings: dict[str, int] = {}  # sources, anchors and positions, each string once
        self._values: list[str] = []
        self._columns = array("i")  # per link: target, source, anchor, position

    def _code(self, text: str) -> int:
        code = self._strings.get(text)
        if code is None:
            code = self._strings[text] = len(self._values)
            self._values.append(text)
        return code

    def add(self, target: str, source: str, anchor: str, position: str) -> None:
        tid = self._targets.setdefault(target, len(self._targets))
        self._columns.extend((tid, self._code(source), self._code(anchor), self._code(position)))

    def finish(self) -> InlinkIndex:
        columns = np.frombuffer(self._columns, dtype=np.int32).reshape(-1, 4)
        order = np.argsort(columns[:, 0], kind="stable")  # by target, link order kept within one
        self._rows = columns[order, 1:].copy()
        self._starts = np.searchsorted(columns[order, 0], np.arange(len(self._targets) + 1))
        self._columns = array("i")
        self._strings = {}
        return self

    def __getitem__(self, url: str) -> list[Inlink]:
        tid = self._targets[url]
        rows = self._rows[self._starts[tid] : self._starts[tid + 1]].tolist()
        values = self._values
        return [Inlink(values[source], values[anchor], values[position]) for source, anchor, position in rows]

    def __iter__(self) -> Iterator[str]:
        return iter(self._targets)

    def __len__(self) -> int:
        return len(self._targets)

    def __contains__(self, url: object) -> bool:
        return url in self._targets


def is_indexable(page: PageRecord) -> bool:
    """The site wants the page in search (no noindex/none): the pages content and duplicate advice
    judges. A noindex tag or archive page is no thin content and no duplicate to merge."""
    return not keeps_out_of_search(page)


_LANG_PREFIX = re.compile(r"^/[a-z]{2}(?:[-_][a-z]{2})?(?=/|$)", re.IGNORECASE)


def language_neutral_path(url: str) -> str:
    """The path without a leading language segment: /de/blog/x/ and /blog/x/ -> /blog/x/."""
    path = urlsplit(url).path
    return _LANG_PREFIX.sub("", path) or "/"


# spiders.language.DECLARED_CONFIDENCE: a page whose text is too short to tell keeps the language it
# declares with at most this confidence — a reading of the declaration, not of the text
DECLARED_CONFIDENCE = 0.5


def text_language(page: PageRecord) -> str | None:
    """The language read from the page's text itself (`PageRecord.language` with more than
    DECLARED_CONFIDENCE), None when the text was too short or mixed to tell."""
    if page.language and (page.language_confidence or 0.0) > DECLARED_CONFIDENCE:
        return page.language
    return None


def page_language(page: PageRecord) -> str | None:
    """The language of a page's text, as every language-dependent step reads it (site language,
    German trust checks, readability formula): the language detected from the text
    (`PageRecord.language`, spiders.language), else the one the page declares (its text is too short or
    too mixed to tell, or the record predates detection). Primary subtag ("de"), None when neither."""
    return page.language or page.declared_language


def is_article(page: PageRecord) -> bool:
    """Editorial pages (blog posts, guides): the pages that must show author and evidence."""
    return classify(page).kind == "article"  # scoring.pagetypes: URL, JSON-LD, dates, length, links


class SiteData:
    """Everything the checks share. Construct once per run; properties compute lazily."""

    def __init__(
        self,
        pages: Iterable[PageRecord],
        artifacts: SiteArtifacts,
        embeddings: Any = None,
        source_domains: tuple[str, ...] = (),
    ) -> None:
        # compact records (scoring.slim): every field reads as before, the bulky ones decoded on demand
        self.pages: list[PageRecord] = [slim(page) for page in pages]
        self.artifacts = artifacts
        # the client's own strong sources (ScoringConfig.source_domains), host names without www.
        self.source_domains = source_domains
        # Page vectors from auditor.embeddings (scoring.clusters.PageEmbeddings), None: not measured; or
        # a callable giving them (still being encoded beside the page pass): called when first read
        self._embeddings = embeddings
        self._memo: dict[str, Any] = {}
        self.by_url: dict[str, PageRecord] = {}
        for page in self.pages:
            self.by_url.setdefault(page.url, page)
        for page in self.pages:  # a page fetched under another URL is known by both
            if page.final_url and page.redirect_target is None:
                self.by_url.setdefault(page.final_url, page)

    @property
    def embeddings(self) -> Any:
        if callable(self._embeddings):
            self._embeddings = self._embeddings()
        return self._embeddings

    @embeddings.setter
    def embeddings(self, value: Any) -> None:
        self._embeddings = value

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """Site-wide data a check derives once per run (e.g. title counts), shared by pages."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def forget(self, key: str) -> None:
        """Drop a memo whose step is over (it is derived again if asked for)."""
        self._memo.pop(key, None)

    # -- inputs ------------------------------------------------------------------------------
    def has(self, requirement: str) -> bool:
        """Whether an input a check `requires` was measured in this crawl."""
        if requirement == "html":
            return bool(self.html_pages)
        if requirement == "robots_txt":
            return self.artifacts.robots_status is not None
        if requirement == "sitemaps":
            return bool(self.artifacts.sitemap_entries)
        if requirement == "complete_crawl":
            return self.artifacts.crawl_stats.complete
        if requirement == "home":
            return self.home is not None
        if requirement == "embeddings":
            return self.embeddings is not None and len(self.embeddings.vectors) >= 2
        raise ValueError(f"unknown requirement {requirement!r}")

    @cached_property
    def html_pages(self) -> list[PageRecord]:
        return [p for p in self.pages if p.ok]

    @cached_property
    def linking_pages(self) -> list[PageRecord]:
        """Pages whose links count: every successful HTML response, also one too large to analyse
        (its links were still read, and pages reachable only through it are not orphans)."""
        return [p for p in self.pages if p.fetched_html]

    @cached_property
    def articles(self) -> list[PageRecord]:
        return [p for p in self.html_pages if is_article(p)]

    @cached_property
    def content_pages(self) -> list[PageRecord]:
        """Analysed pages the site wants indexed (`is_indexable`) whose main text is their own
        (`shared_main_text`): what content and duplicate advice judges."""
        shared = self.shared_main_text
        return [p for p in self.html_pages if is_indexable(p) and p.url not in shared]

    def translation_pair(self, a: str, b: str) -> bool:
        """Two URLs are one page in two languages: hreflang links them, their languages differ
        (`page_language`: detected from the text, else declared), or their paths differ only by a language
        prefix (/de/blog/x/ and /en/blog/x/). Translations are no duplicates to merge."""
        one, other = self.page(a), self.page(b)
        if one is None or other is None:
            return False
        for page, target in ((one, b), (other, a)):
            if any(self.resolve(h.url) == self.resolve(target) for h in page.hreflang):
                return True
        first_language, second_language = page_language(one), page_language(other)
        if first_language and second_language and first_language != second_language:
            return True
        first, second = urlsplit(one.url).path, urlsplit(other.url).path
        return first != second and language_neutral_path(one.url) == language_neutral_path(other.url)

    @cached_property
    def shared_main_text(self) -> dict[str, int]:
        """URL -> group size, for pages whose extracted main text is identical to that of at least
        SHARED_TEXT_MIN_PAGES - 1 other pages with different titles: the extraction returned a shared
        box (a newsletter teaser, a contact card), not each page's content. Real duplicates (the same
        page under several URLs) share their title too and stay."""
        groups: dict[int, list[PageRecord]] = defaultdict(list)
        for page in self.html_pages:
            if page.word_count >= SHARED_TEXT_MIN_WORDS:
                groups[hash(page.main_text)].append(page)
        shared: dict[str, int] = {}
        for members in groups.values():
            titles = {(p.title or "").strip().casefold() for p in members}
            if len(members) >= SHARED_TEXT_MIN_PAGES and len(titles) >= SHARED_TEXT_MIN_PAGES:
                shared.update({p.url: len(members) for p in members})
        return shared

    @cached_property
    def home(self) -> PageRecord | None:
        root = self.resolve(self.artifacts.root_url)
        page = self.by_url.get(root)
        return page if page is not None and page.ok else None

    @cached_property
    def languages(self) -> dict[str, int]:
        """Languages of the pages' text -> analysed pages in each, most pages first (ties: alphabetical):
        read from the text (`text_language`), or the declared language a short page keeps where that
        declaration holds on the site (`_declarations_hold`: a template declaring lang="en" on German
        text must not count its short pages as English). Pages too short or mixed to tell otherwise are
        not counted."""
        holds = self._declarations_hold
        counts = Counter(
            language
            for p in self.html_pages
            if (language := text_language(p) or (p.language if holds.get(p.language or "", False) else None))
        )
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    @cached_property
    def _declarations_hold(self) -> dict[str, bool]:
        """Declared language -> whether the pages declaring it whose text could be read are mostly
        written in it (a short page's declared language counts only where its siblings prove it)."""
        read: dict[str, Counter[bool]] = defaultdict(Counter)
        for p in self.html_pages:
            language = text_language(p)
            if language and p.declared_language:
                read[p.declared_language][language == p.declared_language] += 1
        return {declared: votes[True] > votes[False] for declared, votes in read.items()}

    @cached_property
    def language(self) -> str | None:
        """The site's language (primary subtag): the one most of its pages' text is in (`languages`; a tie
        goes to the home page's language, then alphabetical); on a crawl without any detected language,
        the most declared one (<html lang>); None when neither is known. What the page text says wins
        over the attribute: a German site declaring lang="en" is a German site."""
        counts = self.languages or Counter(p.declared_language for p in self.html_pages if p.declared_language)
        if not counts:
            return None
        home = page_language(self.home) if self.home is not None else None
        return min(counts, key=lambda code: (-counts[code], code != home, code))

    def resolve(self, url: str) -> str:
        """The URL a link ends up at: follows recorded redirect hops (and the root's slash)."""
        for _ in range(MAX_REDIRECT_HOPS):
            page = self.by_url.get(url)
            if page is None and not urlsplit(url).path:
                page = self.by_url.get(url + "/")
            if page is None:
                return url
            target = page.final_url or page.url
            if target == url or page.redirect_target is None:
                return target
            url = target
        return url

    def page(self, url: str) -> PageRecord | None:
        return self.by_url.get(self.resolve(url))

    # -- link graph --------------------------------------------------------------------------
    @cached_property
    def link_graph(self) -> LinkGraph:
        """Directed graph of internal links between successful HTML pages, edges weighted
        (scoring.linkgraph.LinkGraph: arrays, networkx's node and edge order)."""
        ok_urls = {p.final_url or p.url for p in self.linking_pages}
        # Sorted: node order decides PageRank's summation order and the report's layout, and a
        # set's (or the crawl's) order changes between runs.
        graph = LinkGraphBuilder(sorted(ok_urls))
        for page in sorted(self.linking_pages, key=lambda p: (p.final_url or p.url, p.url)):
            source = page.final_url or page.url
            for link in page.links:
                if not link.internal or "nofollow" in link.rel:
                    continue
                target = self.resolve(link.url)
                if target not in ok_urls or target == source:
                    continue
                graph.add(source, target, POSITION_WEIGHT.get(link.position, 1.0))
        return graph.finish()

    @cached_property
    def inlinks(self) -> Mapping[str, list[Inlink]]:
        """Internal links pointing at each (resolved) URL, from successful HTML pages, in link order
        (`InlinkIndex`: columns, the Inlink lists built on access)."""
        index = InlinkIndex()
        for page in self.linking_pages:
            source = page.final_url or page.url
            for link in page.links:
                if link.internal:
                    index.add(self.resolve(link.url), source, link.anchor, link.position)
        return index.finish()

    @cached_property
    def pagerank(self) -> dict[str, float]:
        """Weighted PageRank of `link_graph`, computed by scoring.linkgraph on one CSR matrix:
        networkx's definition and stopping rule (equal to nx.pagerank within 1e-12, tested) at
        less than half its time on large graphs (the DiGraph is converted to arrays once)."""
        from scoring import linkgraph

        graph = self.link_graph
        if graph.number_of_nodes() == 0:
            return {}
        nodes, src, dst, weight = graph.arrays()
        rank = linkgraph.pagerank(len(nodes), src, dst, weight, PAGERANK_DAMPING)
        return {url: float(rank[i]) for i, url in enumerate(nodes)}

    @cached_property
    def link_score(self) -> dict[str, float]:
        """Internal PageRank on a 0-100 log scale: 100 * ln(PR/min) / ln(max/min)."""
        ranks = self.pagerank
        if not ranks:
            return {}
        low, high = min(ranks.values()), max(ranks.values())
        if math.isclose(low, high):
            return dict.fromkeys(ranks, 100.0)
        span = math.log(high / low)
        return {url: round(100 * math.log(rank / low) / span, 1) for url, rank in ranks.items()}

    @cached_property
    def clustering(self) -> Any:
        """Topic clusters from the page embeddings (scoring.clusters), None when not measured."""
        if not self.has("embeddings"):
            return None
        from scoring.clusters import cluster_site  # lazy: numpy/scipy work only when asked

        return cluster_site(self)

    @cached_property
    def click_depth(self) -> dict[str, int]:
        """Fewest clicks from the home page to each reachable page (nofollow links ignored)."""
        if self.home is None:
            return {}
        start = self.home.final_url or self.home.url
        return self.link_graph.shortest_path_lengths(start)  # networkx's breadth-first order
