"""The site checks' link index (scoring.checks.impressum.InternalLinks, issue 19): the same linked
targets, sources and anchors as a set of linking page URLs per (anchor, URL) key, in a fraction of its
memory."""

from __future__ import annotations

import tracemalloc

from scoring.checks.impressum import LinkedTarget, _internal_link_index, is_impressum_link, linked_targets
from scoring.checks.trust_pages import trust_link_matcher
from scoring.core import lexicons as lx
from scoring.core.records import Link
from scoring.site import SiteData
from tests.factories import ROOT, page, site
from tests.synthetic_site import ROOT as SYNTHETIC_ROOT
from tests.synthetic_site import site_artifacts, site_records


def _sets_index(site: SiteData) -> dict[tuple[str, str], tuple[str, set[str]]]:
    """The index as it was: (anchor, URL) -> (resolved URL, set of linking page URLs)."""
    index: dict[tuple[str, str], tuple[str, set[str]]] = {}
    for record in site.html_pages:
        source = record.final_url or record.url
        for link in record.links:
            if link.internal:
                key = (" ".join(link.anchor.split()), link.url)
                if key not in index:
                    index[key] = (site.resolve(link.url), set())
                index[key][1].add(source)
    return index


def _reference(site: SiteData, matches) -> dict[str, LinkedTarget]:
    targets: dict[str, LinkedTarget] = {}
    for (anchor, url), (resolved, sources) in _sets_index(site).items():
        if not (matches(anchor, url) or matches("", resolved)):
            continue
        target = targets.setdefault(resolved, LinkedTarget(resolved, record=site.page(resolved)))
        target.sources |= sources
        if anchor and anchor not in target.anchors:
            target.anchors.append(anchor)
    return targets


def _view(targets: dict[str, LinkedTarget]) -> list[tuple]:
    return [(k, t.url, sorted(t.sources), t.anchors, t.status) for k, t in targets.items()]


MATCHERS = [is_impressum_link, *(trust_link_matcher(kind) for kind in lx.TRUST_PAGES)]


def test_linked_targets_equal_the_sets_of_linking_pages() -> None:
    synthetic = SiteData(list(site_records(300)), site_artifacts(300))  # footer links, a redirect, 404s
    for matches in MATCHERS:
        assert _view(linked_targets(synthetic, matches)) == _view(_reference(synthetic, matches))
    assert len(linked_targets(synthetic, is_impressum_link)[SYNTHETIC_ROOT + "impressum/"].sources) == 300


def test_one_target_reached_by_several_keys_and_redirects() -> None:
    """Different anchors and spellings of one page's URL (a redirect, the root without its slash)
    make one target with every linking page and the anchors in the order they first appear."""
    links = [
        Link(url=ROOT + "impressum-alt", anchor="  Impressum \n", internal=True),
        Link(url=ROOT + "impressum", anchor="Rechtliches", internal=True),
        Link(url=ROOT + "impressum", anchor="Rechtliches", internal=True),  # twice on one page: once
        Link(url="https://extern.example/impressum", anchor="Impressum", internal=False),
    ]
    pages = [
        page("", links=links[:2]),
        page("blog/a", links=links[1:]),
        page("blog/b", links=[links[0]]),
        page("impressum-alt", status=301, final_url=ROOT + "impressum"),
        page("impressum", main_text="Impressum"),
    ]
    built = site(*pages)
    found = linked_targets(built, is_impressum_link)
    assert _view(found) == _view(_reference(built, is_impressum_link))
    assert list(found) == [ROOT + "impressum"]
    assert found[ROOT + "impressum"].anchors == ["Impressum", "Rechtliches"]
    assert found[ROOT + "impressum"].sources == {ROOT, ROOT + "blog/a", ROOT + "blog/b"}
    assert linked_targets(site(page("", links=[])), is_impressum_link) == {}


def test_the_index_takes_a_fraction_of_the_sets_memory() -> None:
    synthetic = SiteData(list(site_records(600)), site_artifacts(600))
    synthetic.html_pages  # noqa: B018 - built before measuring
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        sets = _sets_index(synthetic)
        as_sets = tracemalloc.get_traced_memory()[0] - before
        before = tracemalloc.get_traced_memory()[0]
        index = _internal_link_index(synthetic)
        as_columns = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(index) == len(sets)
    assert as_columns < as_sets / 3, (as_columns, as_sets)
