"""Site insights (pure): cluster depth, hub pages, starved articles, link suggestions, the link
graph with a layout, and the click-depth histogram — `AuditResult.insights` for the report.

Shared with the checks through `SiteData.memo`, so a check and the report agree on every number.
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from typing import TYPE_CHECKING

import networkx as nx

from scoring.core.messages import Message, define, join, msg
from scoring.core.records import PageRecord
from scoring.core.results import CheckResult, Cluster, GraphNode, LinkSuggestion, PageOutcomes, SiteInsights
from scoring.core.text import words
from scoring.depth import DepthSignals, analyse
from scoring.site import is_indexable
from scoring.translations import site_languages

if TYPE_CHECKING:
    from scoring.site import SiteData

LONG_ARTICLE = 800  # words: same bar as internal-pagerank
DEEP_SCORE = 60.0  # depth score from which an article counts as deep
STARVED_BELOW = 30.0  # Link Score, as in internal-pagerank
SUGGESTIONS_PER_TARGET = 3
HUB_SHARE = 0.5  # a hub links (in its content) to at least half of the other members
MAX_GRAPH_NODES = 400  # the report draws at most this many nodes (strongest first)
LINKING_POSITIONS = ("content", "aside")

# why a link is suggested (LinkSuggestion.reason): messages of the namespace "link-suggestions"
# (German in reports/i18n/de/link-suggestions.toml)
SUGGESTIONS = "link-suggestions"
SUGGESTION_MESSAGES = {
    "same-cluster": "same topic cluster '{label}'",
    "strong-article": "strong article of the site",
    "scores": "source Link Score {source}, target {target}",
}
define(SUGGESTIONS, SUGGESTION_MESSAGES)


def key(page: PageRecord) -> str:
    return page.final_url or page.url


def depth_of(site: SiteData, page: PageRecord) -> DepthSignals:
    """The page's depth analysis (scoring.depth.analyse, pure). Kept for the last page asked only:
    the page checks that read it run one after another on each page (the page-major pass), and
    the site-wide steps need only its score (`depth_score`, kept for every page) — holding every
    page's analysis took ~5 KB a page (issue 19)."""
    url = key(page)
    last: dict[str, DepthSignals] = site.memo("depth:last", dict)
    if url not in last:
        signals = analyse(page)
        last.clear()
        last[url] = signals
        site.memo("depth:scores", dict)[url] = signals.score
    return last[url]


def depth_score(site: SiteData, page: PageRecord) -> float:
    """The depth score of `depth_of`, analysing the page only when no check has yet."""
    scores: dict[str, float] = site.memo("depth:scores", dict)
    url = key(page)
    return scores[url] if url in scores else depth_of(site, page).score


def content_links(site: SiteData) -> dict[str, set[str]]:
    """Resolved targets of each page's links in the running text (content/aside)."""

    def compute() -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for page in site.html_pages:
            source = key(page)
            targets = found.setdefault(source, set())
            for link in page.links:
                if link.internal and link.position in LINKING_POSITIONS and "nofollow" not in link.rel:
                    target = site.resolve(link.url)
                    if target != source:
                        targets.add(target)
        return found

    return site.memo("content_links", compute)


def starved(site: SiteData) -> list[PageRecord]:
    """Indexable deep articles (800+ words or depth score 60+) with a Link Score below 30, weakest
    first: the list internal-pagerank rates its long articles against. A noindex article is kept out
    of search by the site itself and gets no link advice (issue 12)."""

    def compute() -> list[PageRecord]:
        graph = site.link_graph
        if graph.number_of_edges() == 0:
            return []
        found: dict[str, PageRecord] = {}
        for page in site.articles:
            url = key(page)
            if url not in graph or url in found or not is_indexable(page):
                continue
            deep = (page.word_count or len(words(page.main_text))) >= LONG_ARTICLE or (
                depth_score(site, page) >= DEEP_SCORE
            )
            if deep and site.link_score.get(url, 0.0) < STARVED_BELOW:
                found[url] = page
        return sorted(found.values(), key=lambda p: (site.link_score.get(key(p), 0.0), key(p)))

    return site.memo("starved", compute)


def _anchor(page: PageRecord) -> str:
    """A descriptive anchor from the target's H1 (else title without the site name), ≤ 8 words."""
    from scoring.depth import TITLE_SPLIT_RE

    h1 = next((h.text.strip() for h in page.headings if h.level == 1 and h.text.strip()), "")
    text = h1 or TITLE_SPLIT_RE.split(page.title or "")[0].strip() or key(page)
    text = text.split(":")[0].strip() if len(text.split()) > 8 and ":" in text else text
    parts = text.split()
    return " ".join(parts[:8]) + ("…" if len(parts) > 8 else "")


def link_suggestions(site: SiteData) -> list[LinkSuggestion]:
    """For every starved article: the strongest pages of its topic cluster not linking to it yet.
    Only indexable pages on either end: a link to a noindex page is advice nobody should follow, and
    one from it carries little (issue 12: no advice on noindex pages)."""

    def compute() -> list[LinkSuggestion]:
        clustering = site.clustering
        graph = site.link_graph
        suggestions: list[LinkSuggestion] = []
        pages = _indexable_keys(site)
        languages = site_languages(site)
        # Each pool strongest first, sorted once per cluster or language (not once per starved page:
        # quadratic on a large cluster); a stable sort, so filtering afterwards keeps the same order.
        ranked: dict[tuple[str, object], list[str]] = {}

        def strongest(pool: list[str]) -> list[str]:
            return sorted((u for u in pool if u in pages), key=lambda u: (-site.link_score.get(u, 0.0), u))

        for target in starved(site):
            url = key(target)
            if url not in pages:
                continue
            cid = clustering.cluster_of.get(url) if clustering else None
            if cid is not None:  # clusters hold one language each (scoring.clusters.cluster_site)
                if ("cluster", cid) not in ranked:
                    ranked["cluster", cid] = strongest(list(clustering.clusters[cid].members))
                pool = ranked["cluster", cid]
            else:  # no embeddings: the strongest articles of the site in the target's language
                language = languages.get(url)
                if ("language", language) not in ranked:
                    ranked["language", language] = strongest(
                        [key(p) for p in site.articles if languages.get(key(p)) == language]
                    )
                pool = ranked["language", language]
            anchor = _anchor(target)
            # walks past the target and the pages linking to it already: at most its inlinks + 1
            chosen = (u for u in pool if u != url and not graph.has_edge(u, url))
            for source in itertools.islice(chosen, SUGGESTIONS_PER_TARGET):
                reason = suggestion_reason(site, source, url)
                suggestions.append(LinkSuggestion(source=source, target=url, anchor=anchor, reason=reason))
        return suggestions

    return site.memo("link_suggestions", compute)


def suggestion_reason(site: SiteData, source: str, target: str) -> Message:
    """Why `link_suggestions` suggests a link from `source` to `target` (its `reason`, as a message)."""
    clustering = site.clustering
    cid = clustering.cluster_of.get(target) if clustering else None
    if cid is not None:
        why = msg(f"{SUGGESTIONS}.same-cluster", label=clustering.clusters[cid].label)
    else:  # no embeddings: the strongest articles of the site
        why = msg(f"{SUGGESTIONS}.strong-article")
    scores = msg(
        f"{SUGGESTIONS}.scores",
        source=round(site.link_score.get(source, 0.0)),
        target=round(site.link_score.get(target, 0.0)),
    )
    return join([why, scores])


def hub_of(site: SiteData, members: list[str]) -> tuple[str | None, int, int]:
    """(hub URL, members it links to, members linking back): the page whose running text links
    to the most members, if it reaches HUB_SHARE of the others. Only a page the site wants in search
    is a hub: a noindex tag or category archive is kept out of search by the site, so it is no
    overview page that ranks for the topic (issue 12: no advice on noindex pages)."""
    links = content_links(site)
    indexable = _indexable_keys(site)
    member_set = set(members)
    languages = site_languages(site)  # a hub is written in its members' language
    spoken = {languages.get(m) for m in members}
    best, best_count = None, 0
    for source, targets in links.items():
        if languages.get(source) not in spoken or source not in indexable:
            continue
        count = len((targets & member_set) - {source})
        if count > best_count or count == best_count and best is not None and source < best:
            best, best_count = source, count
    if best is None or best_count < 2:
        return None, best_count, 0
    others = len(member_set - {best})
    if others == 0 or best_count / others < HUB_SHARE:
        return None, best_count, 0
    back = sum(1 for m in member_set - {best} if site.link_graph.has_edge(m, best))
    return best, best_count, back


def _indexable_keys(site: SiteData) -> frozenset[str]:
    """Keys of the analysed pages the site wants in search (`is_indexable`)."""
    return site.memo("indexable_keys", lambda: frozenset(key(p) for p in site.html_pages if is_indexable(p)))


def _passing(by_id: dict[str, CheckResult], site: SiteData) -> dict[str, Counter[str]]:
    """Per page-scoped evidence check: resolved URL -> its passing outcomes for it, read once from the
    outcome columns (without building the outcomes) for all clusters."""
    passing: dict[str, Counter[str]] = {}
    for result in by_id.values():
        if result.category != "evidence" or result.scope != "page":
            continue
        pages = result.pages
        rows = pages.rows() if isinstance(pages, PageOutcomes) else ((o.url, o.state, o.score) for o in pages)
        passing[result.id] = Counter(site.resolve(url) for url, state, _ in rows if state == "pass")
    return passing


def _evidence_counts(members: set[str], passing: dict[str, Counter[str]]) -> dict[str, int]:
    return {check: sum(found[m] for m in members if m in found) for check, found in passing.items()}


def clusters(site: SiteData, by_id: dict[str, CheckResult] | None = None) -> list[Cluster]:
    clustering = site.clustering
    if clustering is None:
        return []
    pages = {key(p): p for p in site.html_pages}
    passing = _passing(by_id or {}, site)
    out = []
    for data in clustering.clusters:
        members = [u for u in data.members if u in pages]
        if not members:
            continue
        counts = [pages[u].word_count for u in members]
        depths = {u: depth_score(site, pages[u]) for u in members}
        strongest = max(members, key=lambda u: (depths[u] + site.link_score.get(u, 0.0) / 2, u))
        hub, _, _ = hub_of(site, members)
        out.append(
            Cluster(
                id=data.id,
                label=data.label,
                urls=members,
                pages=len(members),
                total_words=sum(counts),
                median_words=float(statistics.median(counts)),
                evidence=_evidence_counts(set(members), passing),
                strongest_url=strongest,
                hub_url=hub,
                depth_score=round(statistics.median(depths.values()), 1),
            )
        )
    return out


def click_depth_histogram(site: SiteData) -> dict[str, int]:
    if site.home is None:
        return {}
    histogram: Counter = Counter()
    seen: set[str] = set()
    for page in site.html_pages:
        url = key(page)
        if url in seen:
            continue
        seen.add(url)
        depth = site.click_depth.get(url)
        histogram["unreachable" if depth is None else str(depth) if depth < 10 else "10+"] += 1
    order = [str(i) for i in range(10)] + ["10+", "unreachable"]
    return {k: histogram[k] for k in order if histogram[k]}


def graph(site: SiteData) -> tuple[list[GraphNode], list[tuple[int, int]]]:
    link_graph = site.link_graph
    if link_graph.number_of_nodes() == 0:
        return [], []
    # starved marks only pages the site wants found: linking to a noindex post is no advice (issue 12)
    hungry = {key(p) for p in starved(site)} & _indexable_keys(site)
    ranked = sorted(link_graph.nodes, key=lambda u: (u not in hungry, -site.link_score.get(u, 0.0), u))
    kept = ranked[:MAX_GRAPH_NODES]
    sub = link_graph.subgraph(kept)
    layout = nx.spring_layout(sub.to_undirected(), seed=7, iterations=50) if len(kept) > 1 else {kept[0]: (0, 0)}
    xs = [p[0] for p in layout.values()]
    ys = [p[1] for p in layout.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    clustering = site.clustering
    pages = {key(p): p for p in site.html_pages}
    nodes = [
        GraphNode(
            url=u,
            cluster=clustering.cluster_of.get(u) if clustering else None,
            link_score=site.link_score.get(u),
            words=pages[u].word_count if u in pages else 0,
            click_depth=site.click_depth.get(u),
            starved=u in hungry,
            x=round((layout[u][0] - min(xs)) / span_x, 4),
            y=round((layout[u][1] - min(ys)) / span_y, 4),
        )
        for u in kept
    ]
    index = {u: i for i, u in enumerate(kept)}
    edges = sorted((index[a], index[b]) for a, b in sub.edges)
    return nodes, edges


def build_insights(site: SiteData, by_id: dict[str, CheckResult] | None = None) -> SiteInsights:
    clustering = site.clustering
    nodes, edges = graph(site)
    return SiteInsights(
        clusters=clusters(site, by_id),
        focus_score=clustering.focus_score if clustering else None,
        off_topic_urls=list(clustering.off_topic) if clustering else [],
        graph_nodes=nodes,
        graph_edges=edges,
        click_depth_histogram=click_depth_histogram(site),
        link_suggestions=link_suggestions(site),
        embedding_model=site.embeddings.model if site.embeddings is not None else None,
    )
