"""No advice on noindex pages (issue 12): a page the site keeps out of search with robots noindex is
no topic hub, no starved article and no duplicate to merge; a noindex page may still appear where it
is a fact (the noindex check, the crawl tables). Our own small sites, the template patterns of the
real corpus: WordPress category and tag archives set to "noindex, follow" that link every post of a
topic, and a noindex post among long articles. bench/realworld/noindex_advice.py finds such advice
in a bench run's results.json; it is tested here on the results of these sites."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from scoring.audit import evaluate_check, score_site
from scoring.checks.internal_pagerank import InternalPagerank
from scoring.checks.topic_hubs import TopicHubs
from scoring.insights import build_insights, clusters, hub_of
from scoring.site import SiteData
from tests.factories import ROOT, artifacts, page, site, site_with_embeddings
from tests.test_checks_links import TEMPLATE, L, long_articles, u

NOINDEX = "noindex, follow"
BENCH = Path(__file__).resolve().parents[1] / "bench" / "realworld" / "noindex_advice.py"


def _bench():
    """bench/realworld/noindex_advice.py as a module (bench/ is no package)."""
    if "noindex_advice" not in sys.modules:
        spec = importlib.util.spec_from_file_location("noindex_advice", BENCH)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look their module up while being defined
        spec.loader.exec_module(module)
    return sys.modules["noindex_advice"]


def _archive_site(archive_robots: str | None) -> SiteData:
    """One topic of three posts; the only page whose text links all three is the topic's category
    archive (/kategorie/waerme/), and every post links back to it, as WordPress themes do."""
    text = " ".join(["Wärmepumpen heizen effizient mit Umweltwärme aus Luft, Erde oder Wasser."] * 12)
    members = ["waerme/a1", "waerme/a2", "waerme/a3"]
    archive = "kategorie/waerme"
    pages = [
        page("", links=TEMPLATE),
        page(archive, word_count=200, main_text=text, links=[L(m) for m in members], robots_meta=archive_robots),
        *[page(m, word_count=200, main_text=text, links=[L(archive)]) for m in members],
    ]
    vectors = {}
    for n, p in enumerate(pages):
        vector = [0.0] * (len(pages) + 1)
        vector[0 if p.url.removeprefix(ROOT).startswith("waerme/") else n + 1] = 1.0
        vector[n + 1] += 0.2
        vectors[p.url] = vector
    return site_with_embeddings(*pages, vectors=vectors)


def test_a_noindex_archive_is_no_topic_hub():
    indexable, hidden = _archive_site(None), _archive_site(NOINDEX)
    members = [u("waerme/a1"), u("waerme/a2"), u("waerme/a3")]
    assert hub_of(indexable, members)[0] == u("kategorie/waerme")  # an indexable overview is the hub
    assert hub_of(hidden, members)[0] is None  # the same page set to noindex is none
    result = evaluate_check(TopicHubs(), hidden, 1)
    named = json.dumps(result.model_dump(mode="json"))
    assert u("kategorie/waerme") not in named
    assert result.state != "pass"  # the topic lacks an overview page that search engines index
    assert all(c.hub_url is None for c in clusters(hidden))


def _long_articles(noindex_deep: bool) -> SiteData:
    """Four linked long articles and one deep article no content link reaches (starved); the deep
    one set to noindex or not."""
    target, hubs = long_articles(noindex_deep)
    home = page("", links=TEMPLATE + [L(f"ratgeber/a{i}") for i in range(4)])
    return site(home, target, *hubs)


def test_a_noindex_article_gets_no_link_advice():
    """The deep article no content link reaches is starved; set to noindex, no link is suggested to it
    and the link graph does not mark it as a page to strengthen."""
    shown = build_insights(_long_articles(False))
    assert [n.url for n in shown.graph_nodes if n.starved] == [u("ratgeber/tief")]
    assert {x.target for x in shown.link_suggestions} == {u("ratgeber/tief")}
    hidden = build_insights(_long_articles(True))
    assert not any(n.starved for n in hidden.graph_nodes)
    assert hidden.link_suggestions == []


def test_internal_pagerank_names_no_noindex_article():
    result = evaluate_check(InternalPagerank(), _long_articles(True), 1)
    assert u("ratgeber/tief") not in result.affected_urls
    assert not any(row["url"] == u("ratgeber/tief") for row in result.details)


def _results_json(data: SiteData) -> dict:
    result = score_site(data.pages, artifacts(), None, settings={}, embeddings=data.embeddings)
    return json.loads(result.model_dump_json())


def test_the_bench_finds_no_advice_on_noindex_pages_of_a_scored_site():
    bench = _bench()
    results = _results_json(_archive_site(NOINDEX))
    noindex, cases = bench.site_cases("fixture", results)
    assert list(noindex.values()) == [u("kategorie/waerme")]  # read from the noindex check
    assert cases == []


def test_the_bench_names_each_place_of_advice():
    """The bench's own rule on a results.json written by hand: advice on a noindex page is a case,
    the noindex check and the pages table are facts, a URL inside free text (internal-pagerank's "linked
    from" list, a page's own text) names no page advised on."""
    bench = _bench()
    hidden, shown = ROOT + "tag/x/", ROOT + "post/"
    results = {
        "pages": [{"url": hidden}, {"url": shown}],
        "checks": [
            {"id": "noindex", "pages": [{"url": hidden, "state": "fail"}, {"url": shown, "state": "pass"}]},
            {"id": "thin-content", "pages": [{"url": hidden, "state": "fail"}, {"url": shown, "state": "pass"}]},
            # a page's own text that names a noindex URL is no advice about it
            {"id": "answer-first", "pages": [{"url": shown, "state": "warn", "excerpt": f"Moved to {hidden}"}]},
            {"id": "readability", "pages": [{"url": hidden, "state": "pass"}]},
            {"id": "semantic-duplicates", "details": [{"url_a": shown, "url_b": hidden.rstrip("/")}]},
            {"id": "internal-pagerank", "evidence": [{"url": shown, "excerpt": f"{hidden}, {ROOT}b/"}]},
            {"id": "title-tag", "pages": [{"url": hidden, "state": "fail"}]},
        ],
        "insights": {"clusters": [{"urls": [shown], "hub_url": hidden}], "link_suggestions": []},
        "briefs": [{"internal_links": [{"source": hidden, "target": shown}]}],
    }
    noindex, cases = bench.site_cases("fixture", results)
    assert list(noindex.values()) == [hidden]
    assert sorted(c.place for c in cases) == [
        "briefs",
        "check semantic-duplicates details",  # /tag/x and /tag/x/ are one page
        "check thin-content pages",
        "insights clusters",
    ]
    _, other = bench.site_cases("fixture", results, other=True)
    assert [c.place for c in other] == ["check title-tag pages"]


def test_reviews_names_no_noindex_home():
    from scoring.checks.reviews import Reviews

    hidden = site(page("", robots_meta="noindex"), page("leistungen"))
    result = evaluate_check(Reviews(), hidden, 1)
    assert result.state == "fail" and result.affected_urls == [] and result.evidence == []
    shown = evaluate_check(Reviews(), site(page(""), page("leistungen")), 1)
    assert shown.affected_urls == [u("")]
