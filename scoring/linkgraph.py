"""Link metrics on edge arrays (pure, scipy): PageRank, Link Score, click depth, inlink counts.

Same definitions as `scoring.site.SiteData` (networkx there): weighted PageRank with damping
0.85, each node's out-weights normalised to 1, dangling nodes spreading their rank uniformly,
power iteration to an L1 change below n·1e-6 (networkx's criterion). Here the graph is three
numpy arrays and one CSR matrix — no Python object per edge — so a 100,000-page /
5,000,000-link graph fits in well under 2 GB (bench/graph_bench.py).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import shortest_path

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
    graph = sp.csr_matrix((np.ones(len(src), dtype=np.int8), (src, dst)), shape=(n, n))
    dist = shortest_path(graph, directed=True, unweighted=True, indices=start)
    return np.where(np.isinf(dist), -1, dist).astype(np.int32)


def inlink_counts(n: int, dst: np.ndarray) -> np.ndarray:
    return np.bincount(dst, minlength=n)
