"""Benchmark: link metrics on a generated 100,000-page / 5,000,000-link graph (scoring.linkgraph).

Run: `python bench/graph_bench.py [--pages 100000 --links 5000000]`. The graph is generated as
numpy arrays: every page links to its neighbours in a site tree (navigation), the rest of the
links point at targets drawn from a Zipf-like distribution (a few hubs get most links), with
position weights as in scoring.site. Measures PageRank + Link Score + click depth + inlink
counts; peak memory is this process's max RSS (getrusage), generation included.

`python bench/graph_bench.py --audit-path --pages 20000 --links 1000000`: the per-audit path
instead — builds the networkx DiGraph `SiteData.link_graph` holds, then times `nx.pagerank` against
`SiteData.pagerank`'s route (edge extraction + scoring.linkgraph) and networkx's BFS against
linkgraph's, and reports the largest difference (CPU seconds: the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import resource
import time

import numpy as np

from scoring.linkgraph import click_depths, digraph_arrays, inlink_counts, link_scores, pagerank


def generate(pages: int, links: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    # tree: page i is linked from its parent (i - 1) // 10, so everything is reachable from 0
    children = np.arange(1, pages, dtype=np.int32)
    tree_src, tree_dst = (children - 1) // 10, children
    rest = links - len(children)
    src = rng.integers(0, pages, size=rest, dtype=np.int32)
    ranks = rng.zipf(1.3, size=rest) - 1
    dst = (ranks % pages).astype(np.int32)
    weight = rng.choice(np.array([1.0, 0.5, 0.3, 0.2], dtype=np.float32), size=rest, p=[0.5, 0.1, 0.25, 0.15])
    src = np.concatenate([tree_src.astype(np.int32), src])
    dst = np.concatenate([tree_dst, dst])
    weight = np.concatenate([np.ones(len(children), dtype=np.float32), weight])
    keep = src != dst
    return src[keep], dst[keep], weight[keep]


def audit_path(pages: int, links: int) -> dict:
    """DiGraph + nx.pagerank (the old SiteData.pagerank) vs SiteData.pagerank's linkgraph route."""
    import networkx as nx

    from scoring.site import PAGERANK_DAMPING

    src, dst, weight = generate(pages, links)
    names = [f"https://www.example.org/seite/{i}/" for i in range(pages)]
    began = time.process_time()
    graph = nx.DiGraph()
    graph.add_nodes_from(names)
    for a, b, w in zip(src.tolist(), dst.tolist(), weight.tolist(), strict=True):
        graph.add_edge(names[a], names[b], weight=w)  # a repeated link keeps the last weight, as good as any here
    built = time.process_time()
    reference = nx.pagerank(graph, alpha=PAGERANK_DAMPING, weight="weight")
    nx_ranked = time.process_time()
    bfs = nx.single_source_shortest_path_length(graph, names[0])
    nx_bfs = time.process_time()
    # SiteData.pagerank's route: edges out of the DiGraph into arrays, one CSR matrix
    nodes, e_src, e_dst, e_weight = digraph_arrays(graph)
    count = len(e_src)
    rank = pagerank(len(nodes), e_src, e_dst, e_weight, PAGERANK_DAMPING)
    array_ranked = time.process_time()
    depths = click_depths(len(nodes), e_src, e_dst, 0)
    array_bfs = time.process_time()
    return {
        "pages": pages,
        "edges": count,
        "build_digraph_cpu_s": round(built - began, 2),
        "nx_pagerank_cpu_s": round(nx_ranked - built, 2),
        "linkgraph_pagerank_cpu_s": round(array_ranked - nx_bfs, 2),
        "nx_bfs_cpu_s": round(nx_bfs - nx_ranked, 2),
        "linkgraph_bfs_cpu_s": round(array_bfs - array_ranked, 2),
        "max_abs_rank_difference": max(abs(reference[u] - rank[i]) for i, u in enumerate(nodes)),
        "click_depths_equal": all(bfs.get(u, -1) == depths[i] for i, u in enumerate(nodes)),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--links", type=int, default=5_000_000)
    parser.add_argument("--audit-path", action="store_true", help="DiGraph + networkx vs SiteData.pagerank's route")
    args = parser.parse_args()
    if args.audit_path:
        print(json.dumps(audit_path(args.pages, args.links)))
        return
    began = time.perf_counter()
    src, dst, weight = generate(args.pages, args.links)
    generated = time.perf_counter()
    rank = pagerank(args.pages, src, dst, weight)
    ranked = time.perf_counter()
    scores = link_scores(rank)
    depths = click_depths(args.pages, src, dst, 0)
    inlinks = inlink_counts(args.pages, dst)
    done = time.perf_counter()
    print(
        json.dumps(
            {
                "pages": args.pages,
                "links": int(len(src)),
                "generate_s": round(generated - began, 2),
                "pagerank_s": round(ranked - generated, 2),
                "link_metrics_s": round(done - generated, 2),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "max_click_depth": int(depths.max()),
                "unreachable": int((depths < 0).sum()),
                "median_link_score": float(np.median(scores)),
                "max_inlinks": int(inlinks.max()),
                "pagerank_sum": round(float(rank.sum()), 6),
            }
        )
    )


if __name__ == "__main__":
    main()
