"""Link metrics on edge arrays (pure, scipy): PageRank, Link Score, click depth, inlink counts.

Same definitions as `scoring.site.SiteData` (networkx there): weighted PageRank with damping
0.85, each node's out-weights normalised to 1, dangling nodes spreading their rank uniformly,
power iteration to an L1 change below n·1e-6 (networkx's criterion). Here the graph is three
numpy arrays and one CSR matrix — no Python object per edge — so a 100,000-page /
5,000,000-link graph fits in well under 2 GB (bench/graph_bench.py).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import scipy.sparse as sp

DAMPING = 0.85


def digraph_arrays(graph: Any) -> tuple[list[Any], np.ndarray, np.ndarray, np.ndarray]:
    """A networkx DiGraph as (nodes, src, dst, weight) arrays; an edge without weight weighs 1."""
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    count = graph.number_of_edges()
    flat = np.fromiter(
        (x for a, b, w in graph.edges(data="weight", default=1.0) for x in (index[a], index[b], w)),
        dtype=np.float64,
        count=3 * count,
    ).reshape(count, 3)
    return nodes, flat[:, 0].astype(np.int64), flat[:, 1].astype(np.int64), flat[:, 2]


def transition(n: int, src: np.ndarray, dst: np.ndarray, weight: np.ndarray | None = None) -> sp.csr_matrix:
    """Row-stochastic CSR matrix (rows = sources); duplicate edges keep their summed weight."""
    data = np.ones(len(src), dtype=np.float64) if weight is None else weight.astype(np.float64)
    import scipy.sparse as sp  # here, not at import: scipy brings its own OpenBLAS and its threads

    matrix = sp.csr_matrix((data, (src, dst)), shape=(n, n))
    matrix.sum_duplicates()
    out = np.asarray(matrix.sum(axis=1)).ravel()
    scale = np.divide(1.0, out, out=np.zeros_like(out), where=out > 0)
    return sp.diags(scale) @ matrix


def pagerank(
    n: int,
    src: np.ndarray,
    dst: np.ndarray,
    weight: np.ndarray | None = None,
    damping: float = DAMPING,
    tol: float = 1e-6,
    max_iter: int = 100,
) -> np.ndarray:
    """PageRank vector (sums to 1)."""
    if n == 0:
        return np.zeros(0)
    matrix = transition(n, src, dst, weight)
    transposed = matrix.T.tocsr()
    dangling = np.asarray(matrix.sum(axis=1)).ravel() == 0
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        previous = rank
        rank = damping * (transposed @ rank + rank[dangling].sum() / n) + (1 - damping) / n
        if np.abs(rank - previous).sum() < n * tol:
            break
    return rank / rank.sum()


def link_scores(rank: np.ndarray) -> np.ndarray:
    """100 · ln(PR / PRmin) / ln(PRmax / PRmin), one decimal; all 100 when every rank is equal."""
    if rank.size == 0:
        return rank
    low, high = float(rank.min()), float(rank.max())
    if np.isclose(low, high):
        return np.full(rank.shape, 100.0)
    return np.round(100 * np.log(rank / low) / np.log(high / low), 1)


def click_depths(n: int, src: np.ndarray, dst: np.ndarray, start: int) -> np.ndarray:
    """Fewest clicks from `start` to every node (breadth-first); -1 when unreachable."""
    import scipy.sparse as sp
    from scipy.sparse.csgraph import shortest_path

    graph = sp.csr_matrix((np.ones(len(src), dtype=np.int8), (src, dst)), shape=(n, n))
    dist = shortest_path(graph, directed=True, unweighted=True, indices=start)
    return np.where(np.isinf(dist), -1, dist).astype(np.int32)


def inlink_counts(n: int, dst: np.ndarray) -> np.ndarray:
    return np.bincount(dst, minlength=n)


class LinkGraph:
    """The internal link graph as arrays (issue 19): sorted node URLs and a CSR adjacency (int32
    targets and float64 weights per source, each source's targets in the order its links first
    named them — networkx's insertion order). It answers what the checks and insights ask of a
    networkx DiGraph (nodes, membership, edge counts, `has_edge`, `subgraph`) and the breadth-first
    searches of networkx (same visiting order, so the same paths), at ~12 bytes an edge instead of a
    dict entry and a data dict (~4 KB a page on 30 links)."""

    def __init__(self, nodes: list[str], starts: np.ndarray, targets: np.ndarray, weights: np.ndarray) -> None:
        self.nodes = nodes
        self._index = {url: i for i, url in enumerate(nodes)}
        self._starts, self._targets, self._weights = starts, targets, weights

    # -- the DiGraph API the score stage uses -------------------------------------------------
    def number_of_nodes(self) -> int:
        return len(self.nodes)

    def number_of_edges(self) -> int:
        return len(self._targets)

    def __contains__(self, url: object) -> bool:
        return url in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)

    def _row(self, i: int) -> slice:
        return slice(int(self._starts[i]), int(self._starts[i + 1]))

    def has_edge(self, source: str, target: str) -> bool:
        a, b = self._index.get(source), self._index.get(target)
        if a is None or b is None:
            return False
        return bool((self._targets[self._row(a)] == b).any())

    def successors(self, url: str) -> list[str]:
        return [self.nodes[j] for j in self._targets[self._row(self._index[url])].tolist()]

    def subgraph(self, urls: Iterable[str]) -> Any:
        """The networkx DiGraph induced by `urls` (a small one: the report's picture), with the
        node and edge order of networkx's subgraph view of the full graph."""
        import networkx as nx

        kept = {self._index[u] for u in urls if u in self._index}
        graph = nx.DiGraph()
        order = sorted(kept)
        graph.add_nodes_from(self.nodes[i] for i in order)
        for i in order:
            row = self._row(i)
            for j, w in zip(self._targets[row].tolist(), self._weights[row].tolist(), strict=True):
                if j in kept:
                    graph.add_edge(self.nodes[i], self.nodes[j], weight=w)
        return graph

    def to_networkx(self) -> Any:
        return self.subgraph(self.nodes)

    def arrays(self) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
        """(nodes, src, dst, weight) in `digraph_arrays` order."""
        src = np.repeat(np.arange(len(self.nodes), dtype=np.int64), np.diff(self._starts))
        return self.nodes, src, self._targets.astype(np.int64), self._weights

    # -- breadth-first search, as networkx's unweighted shortest paths -------------------------
    def _adjacency(self) -> list[list[int]]:
        targets = self._targets.tolist()
        starts = self._starts.tolist()
        return [targets[starts[i] : starts[i + 1]] for i in range(len(self.nodes))]

    def shortest_path_lengths(self, source: str) -> dict[str, int]:
        """`nx.single_source_shortest_path_length`: clicks to every reachable node, in visiting order."""
        paths = self.shortest_paths(source)
        return {url: len(path) - 1 for url, path in paths.items()}

    def shortest_paths(self, source: str) -> dict[str, list[str]]:
        """`nx.shortest_path(G, source)`: one shortest path to every reachable node (the first found
        breadth-first, neighbours in adjacency order), in visiting order."""
        start = self._index[source]
        adjacency = self._adjacency()
        parent = {start: -1}
        level = [start]
        while level and len(parent) < len(self.nodes):
            following = []
            for v in level:
                for w in adjacency[v]:
                    if w not in parent:
                        parent[w] = v
                        following.append(w)
            level = following
        paths: dict[str, list[str]] = {}
        found: dict[int, list[str]] = {}
        for node, up in parent.items():
            found[node] = [self.nodes[node]] if up < 0 else [*found[up], self.nodes[node]]
            paths[self.nodes[node]] = found[node]
        return paths


class LinkGraphBuilder:
    """Adds the edges source by source (every link of one source before the next, sources in node
    order), keeping the first-seen target order and the highest weight between two pages."""

    def __init__(self, nodes: list[str]) -> None:
        self.nodes = nodes
        self._index = {url: i for i, url in enumerate(nodes)}
        self._starts = array("q", [0])
        self._targets = array("i")
        self._weights = array("d")
        self._source = -1
        self._row: dict[int, float] = {}

    def _flush(self) -> None:
        self._targets.extend(self._row)
        self._weights.extend(self._row.values())
        self._row = {}

    def add(self, source: str, target: str, weight: float) -> None:
        i = self._index[source]
        if i != self._source:
            if i < self._source:
                raise ValueError("edges must come source by source in node order")
            self._flush()
            while len(self._starts) <= i:  # rows of the sources in between (no edges)
                self._starts.append(len(self._targets))
            self._source = i
        j = self._index[target]
        self._row[j] = max(weight, self._row.get(j, weight))

    def finish(self) -> LinkGraph:
        self._flush()
        while len(self._starts) <= len(self.nodes):
            self._starts.append(len(self._targets))
        return LinkGraph(
            self.nodes,
            np.frombuffer(self._starts, dtype=np.int64),
            np.frombuffer(self._targets, dtype=np.int32),
            np.frombuffer(self._weights, dtype=np.float64),
        )
