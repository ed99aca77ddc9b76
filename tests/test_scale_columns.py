"""scoring.columns: the compact link columns give SiteData's numbers (issue 19)."""

from __future__ import annotations

import numpy as np
import pytest

from scoring.columns import KINDS, LinkColumns
from scoring.core.records import Link
from scoring.site import SiteData
from tests.factories import ROOT, artifacts, page
from tests.synthetic_site import site_artifacts, site_records


def _link(path: str, position: str = "content", rel: tuple[str, ...] = ()) -> Link:
    return Link(url=ROOT + path, anchor=path, position=position, internal=True, rel=list(rel))


def _small_site() -> list:
    """Redirect chains, a root without slash, nofollow, self links, duplicate links, a 404, a page
    fetched under another URL."""
    return [
        page("", links=[_link("a/", "nav"), _link("a/", "content"), _link("alt/"), _link("b/", "footer")]),
        page("a/", links=[_link("a/"), _link("b/", rel=("nofollow",)), _link("c/"), _link("x/")]),
        page("b/", links=[_link("alt2/", "aside"), Link(url=ROOT[:-1], anchor="home", internal=True)]),
        page("c/", links=[_link("a/"), _link("b/"), _link("d/")]),
        page("d-old/", final_url=ROOT + "d/", links=[_link("")]),
        page("alt/", status=301, final_url=ROOT + "alt2/", content_type=None),
        page("alt2/", status=301, final_url=ROOT + "c/", content_type=None),
        page("x/", status=404),
        page("e/", links=[_link("e/")]),  # an island
    ]


def _compare(pages: list, site: SiteData) -> None:
    columns = LinkColumns.from_pages(pages)
    assert columns.nodes == list(site.link_graph)
    assert columns.edge_count == site.link_graph.number_of_edges()
    rank = columns.pagerank()
    for url, value in site.pagerank.items():
        assert rank[columns.nodes.index(url)] == pytest.approx(value, abs=1e-12)
    scores = columns.link_scores(rank)
    for url, value in site.link_score.items():
        assert scores[columns.nodes.index(url)] == pytest.approx(value, abs=0.1)
    depths = columns.click_depths(site.artifacts.root_url)
    reached = {columns.nodes[i]: int(d) for i, d in enumerate(depths) if d >= 0}
    assert reached == site.click_depth
    sources = columns.distinct_sources()
    for url, inlinks in site.inlinks.items():
        assert sources[columns.urls.index(url)] == len({i.source for i in inlinks if i.source != url}), url
    assert int(columns.words.sum()) == sum(p.word_count for p in pages)
    assert sorted(KINDS[k] for k in columns.kind[columns.ok]) == sorted(
        __import__("scoring.pagetypes").pagetypes.classify(p).kind for p in site.html_pages
    )


def test_columns_equal_site_data_on_redirects_nofollow_and_self_links() -> None:
    pages = _small_site()
    site = SiteData(pages, artifacts())
    assert site.link_graph.number_of_edges() > 5  # the case is not trivial
    _compare(pages, site)


def test_columns_equal_site_data_on_a_synthetic_site() -> None:
    pages = list(site_records(600))
    _compare(pages, SiteData(pages, site_artifacts(600)))


def test_columns_read_the_records_once() -> None:
    columns = LinkColumns.from_pages(iter(_small_site()))  # an iterator: no second pass possible
    assert columns.edge_count > 0 and len(columns.words) == len(_small_site())


def test_no_page_no_graph() -> None:
    columns = LinkColumns.from_pages([])
    assert columns.edge_count == 0 and columns.pagerank().size == 0
    assert np.all(columns.click_depths(ROOT) == -1)
