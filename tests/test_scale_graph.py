"""The link graph on arrays (scoring.linkgraph.LinkGraph, issue 19) is the networkx DiGraph it
replaced: same nodes, edges and weights in the same order, the same breadth-first paths and
lengths, the same induced subgraphs (the report's layout)."""

from __future__ import annotations

import networkx as nx
import numpy as np

from scoring.linkgraph import digraph_arrays
from scoring.site import POSITION_WEIGHT, SiteData
from tests.synthetic_site import ROOT, site_artifacts, site_records

N = 300


def _reference(site: SiteData) -> nx.DiGraph:
    """The DiGraph as SiteData built it before issue 19's arrays."""
    graph = nx.DiGraph()
    ok_urls = {p.final_url or p.url for p in site.linking_pages}
    graph.add_nodes_from(sorted(ok_urls))
    for page in sorted(site.linking_pages, key=lambda p: (p.final_url or p.url, p.url)):
        source = page.final_url or page.url
        for link in page.links:
            if not link.internal or "nofollow" in link.rel:
                continue
            target = site.resolve(link.url)
            if target not in ok_urls or target == source:
                continue
            weight = POSITION_WEIGHT.get(link.position, 1.0)
            if graph.has_edge(source, target):
                weight = max(weight, graph[source][target]["weight"])
            graph.add_edge(source, target, weight=weight)
    return graph


def _site() -> SiteData:
    return SiteData(site_records(N, hub_inlinks=2, broken_every=3), site_artifacts(N))


def test_the_array_graph_equals_the_networkx_graph() -> None:
    site = _site()
    graph, reference = site.link_graph, _reference(site)
    assert list(graph) == list(reference) and graph.number_of_edges() == reference.number_of_edges() > N
    assert list(graph.to_networkx().edges(data="weight")) == list(reference.edges(data="weight"))
    nodes, src, dst, weight = graph.arrays()
    expected = digraph_arrays(reference)
    assert nodes == expected[0]
    for ours, theirs in zip((src, dst, weight), expected[1:], strict=True):
        assert np.array_equal(ours, theirs)
    for a, b in [(nodes[0], nodes[5]), (nodes[7], nodes[0]), (nodes[3], nodes[3]), (nodes[1], "https://x/")]:
        assert graph.has_edge(a, b) == reference.has_edge(a, b)


def test_breadth_first_paths_and_lengths_are_networkx_ones() -> None:
    site = _site()
    graph, reference = site.link_graph, _reference(site)
    paths = graph.shortest_paths(ROOT)
    assert list(paths.items()) == list(nx.shortest_path(reference, source=ROOT).items())
    lengths = graph.shortest_path_lengths(ROOT)
    assert list(lengths.items()) == list(nx.single_source_shortest_path_length(reference, ROOT).items())


def test_an_induced_subgraph_is_networkx_subgraph() -> None:
    site = _site()
    graph, reference = site.link_graph, _reference(site)
    # more than half the nodes: networkx's view then iterates in the graph's order (with fewer it
    # iterates the given set, in string-hash order, which changes between processes; LinkGraph
    # keeps the graph's order always)
    kept = [u for i, u in enumerate(graph) if i % 5]
    ours, theirs = graph.subgraph(kept), reference.subgraph(kept)
    assert list(ours.nodes) == list(theirs.nodes)
    assert list(ours.edges(data=True)) == list(theirs.edges(data=True))
    layout = nx.spring_layout(ours.to_undirected(), seed=7, iterations=50)
    expected = nx.spring_layout(theirs.to_undirected(), seed=7, iterations=50)
    assert all(np.array_equal(layout[u], expected[u]) for u in expected)
    few = list(graph)[::3][:80]
    assert set(graph.subgraph(few).edges) == set(reference.subgraph(few).edges)
