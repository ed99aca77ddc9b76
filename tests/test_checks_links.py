"""Internal-link checks: internal-pagerank, click-depth, broken-internal-links, orphan-pages.

Small literal sites with Link objects; redirect hops are records of their own (status 301 and
final_url = the Location target), so every check has to go through SiteData.resolve().
"""

from __future__ import annotations

import pytest

from scoring.audit import evaluate_check
from scoring.checks.broken_internal_links import BrokenInternalLinks, development_host
from scoring.checks.click_depth import ClickDepth
from scoring.checks.generic_anchors import GenericAnchors
from scoring.checks.internal_pagerank import InternalPagerank
from scoring.checks.orphan_pages import OrphanPages
from scoring.checks.redirecting_internal_links import RedirectingInternalLinks
from scoring.core.records import CrawlStats, Heading, Link, PageRecord, SitemapEntry
from scoring.insights import build_insights, link_suggestions, starved
from tests.factories import ROOT, page, site

ARTICLE = [{"@type": "Article", "headline": "Ratgeber"}]
SITEMAP = ROOT + "sitemap.xml"


def L(
    path: str,
    position: str = "content",
    anchor: str = "",
    rel: list[str] | None = None,  # noqa: N802
    internal: bool = True,
) -> Link:
    url = path if path.startswith("http") else ROOT + path
    return Link(url=url, anchor=anchor, position=position, internal=internal, rel=rel or [])


def redirect(path: str, to: str, status: int = 301):
    return page(path, status=status, final_url=ROOT + to, content_type=None)


def u(path: str) -> str:
    return ROOT + path


TEMPLATE = [
    L("", "nav", "Start"),
    L("leistungen", "nav", "Leistungen"),
    L("ratgeber", "nav", "Ratgeber"),
    L("kontakt", "nav", "Kontakt"),
    L("impressum", "footer", "Impressum"),
]


# ---------------------------------------------------------------------------------------------
# internal-pagerank
# ---------------------------------------------------------------------------------------------


def pagerank_site(*, d_linked: bool = False, fifth_article: bool = False, long_articles: bool = True):
    words = 1200 if long_articles else 600
    a_words, c_words = (1400, 900) if long_articles else (600, 600)
    hub_links = [L("ratgeber/artikel-a"), L("ratgeber/artikel-b-alt"), L("ratgeber/artikel-c")]
    if d_linked:
        hub_links.append(L("ratgeber/artikel-d", anchor="Wärmepumpe im Altbau"))
    if fifth_article:
        hub_links.append(L("ratgeber/artikel-e"))
    pages = [
        page("", links=TEMPLATE),
        page("leistungen", links=TEMPLATE),
        page("kontakt", links=TEMPLATE),
        # the only way to artikel-d: a footer link on the imprint
        page("impressum", links=[*TEMPLATE, L("ratgeber/artikel-d", "footer", "Archiv")]),
        page("ratgeber", links=TEMPLATE + hub_links),
        redirect("ratgeber/artikel-b-alt", "ratgeber/artikel-b"),
        page(
            "ratgeber/artikel-a",
            structured_data=ARTICLE,
            word_count=a_words,
            links=[*TEMPLATE, L("ratgeber/artikel-b"), L("ratgeber/artikel-c")],
        ),
        page(
            "ratgeber/artikel-b",
            structured_data=ARTICLE,
            word_count=words,
            links=[*TEMPLATE, L("ratgeber/artikel-a"), L("ratgeber/artikel-c")],
        ),
        page(
            "ratgeber/artikel-c",
            structured_data=ARTICLE,
            word_count=c_words,
            links=[*TEMPLATE, L("ratgeber/artikel-a")],
        ),
        page("ratgeber/artikel-d", structured_data=ARTICLE, word_count=words, links=TEMPLATE),
        # starved too, but short: not rated
        page("ratgeber/kurz", structured_data=ARTICLE, word_count=400, links=TEMPLATE),
    ]
    if fifth_article:
        pages.append(page("ratgeber/artikel-e", structured_data=ARTICLE, word_count=2000, links=TEMPLATE))
    return site(*pages)


@pytest.mark.parametrize(
    ("kwargs", "state", "score", "starved"),
    [
        ({}, "fail", 0.75, ["ratgeber/artikel-d"]),  # 1 of 4 long articles starved
        ({"fifth_article": True}, "warn", 0.8, ["ratgeber/artikel-d"]),  # 1 of 5
        ({"d_linked": True}, "pass", 1.0, []),  # the hub links it in its text
        ({"long_articles": False}, "not_applicable", None, []),  # no article of 800+ words
    ],
)
def test_internal_pagerank_states(kwargs, state, score, starved):
    result = evaluate_check(InternalPagerank(), pagerank_site(**kwargs), 2)
    assert result.state == state
    assert result.score == (None if score is None else pytest.approx(score))
    assert result.affected_urls == [u(p) for p in starved]
    assert [r["url"] for r in result.details if r["group"].text == "starved"] == [u(p) for p in starved]


def test_starved_article_rows_carry_score_inlinks_and_words():
    data = pagerank_site()
    result = InternalPagerank().evaluate(data)
    rows = {(r["group"].text, r["url"]): r for r in result.details}
    starved = rows[("starved", u("ratgeber/artikel-d"))]
    assert starved["link_score"] == data.link_score[u("ratgeber/artikel-d")] < 30
    assert starved["inlinks"] == 1  # the imprint's footer
    assert starved["words"] == 1200
    assert result.evidence[0].url == u("ratgeber/artikel-d")
    assert result.evidence[0].excerpt == u("impressum")
    # the strongest pages are listed too, strongest first
    top = [r for r in result.details if r["group"].text == "top"]
    assert top[0]["url"] == u("ratgeber") and top[0]["link_score"] == 100.0
    assert [r["link_score"] for r in top] == sorted((r["link_score"] for r in top), reverse=True)
    # artikel-b is linked from the hub through a redirect: resolve() credits the target
    assert rows[("top", u("ratgeber/artikel-b"))]["inlinks"] == 2
    assert u("ratgeber/artikel-b-alt") not in data.link_score


def test_a_content_link_lifts_the_article_out_of_starvation():
    before = pagerank_site().link_score[u("ratgeber/artikel-d")]
    after = pagerank_site(d_linked=True).link_score[u("ratgeber/artikel-d")]
    assert before < 30 <= after


def test_internal_pagerank_without_links_is_not_measured():
    data = site(page("", links=[]), page("ratgeber/a", structured_data=ARTICLE, word_count=1500))
    result = evaluate_check(InternalPagerank(), data, 2)
    assert result.state == "not_applicable" and result.weight == 0


def test_internal_pagerank_publishes_its_formula():
    description = InternalPagerank.description
    assert "100 · ln(PR / PRmin) / ln(PRmax / PRmin)" in description
    assert "damping 0.85" in description
    assert "content 1, aside 0.5, header 0.3, nav 0.3, footer 0.2" in description
    assert "Screaming Frog" in description


# ---------------------------------------------------------------------------------------------
# click-depth
# ---------------------------------------------------------------------------------------------


def depth_site(root_status: int = 200):
    return site(
        page(
            "",
            status=root_status,
            links=[
                L("leistungen", "nav"),
                L("blog", "nav"),
                L("kontakt", "nav"),
                L("alt-angebot", anchor="Angebot"),  # 301 -> /angebot
                # nofollow does not count as a click path
                L("blog/waermepumpe-altbau", rel=["nofollow"]),
            ],
        ),
        page("leistungen"),
        page("kontakt"),
        redirect("alt-angebot", "angebot"),
        page("angebot"),
        page("blog", links=[L("blog/page/2", anchor="Ältere Beiträge"), L("blog/erster-artikel")]),
        page("blog/erster-artikel"),
        page("blog/page/2", links=[L("blog/page/3", anchor="Ältere Beiträge"), L("blog/zweiter-artikel")]),
        page("blog/zweiter-artikel"),
        page("blog/page/3", links=[L("blog/page/4", anchor="Ältere Beiträge")]),
        page("blog/page/4", links=[L("blog/waermepumpe-altbau", anchor="Wärmepumpe im Altbau")]),
        page("blog/waermepumpe-altbau"),
        page("verwaist"),  # nothing links here: left to orphan-pages
    )


@pytest.mark.parametrize(
    ("path", "depth", "state"),
    [
        ("", 0, "pass"),
        ("leistungen", 1, "pass"),
        ("angebot", 1, "pass"),
        ("blog/page/2", 2, "pass"),
        ("blog/page/3", 3, "pass"),
        ("blog/zweiter-artikel", 3, "pass"),
        ("blog/page/4", 4, "warn"),
        ("blog/waermepumpe-altbau", 5, "fail"),
    ],
)
def test_click_depth_states(path, depth, state):
    data = depth_site()
    record = data.by_url[u(path)]
    assert data.click_depth[u(path)] == depth
    assert ClickDepth().applies_to(record, data)
    assert ClickDepth().evaluate_page(record, data).state == state


def test_the_click_path_runs_through_the_pagination_chain():
    data = depth_site()
    outcome = ClickDepth().evaluate_page(data.by_url[u("blog/waermepumpe-altbau")], data)
    assert outcome.reason.startswith("5 clicks from the home page")
    (evidence,) = outcome.evidence
    assert evidence.element == "click path"
    assert evidence.excerpt.split(" → ") == [
        u(""),
        u("blog"),
        u("blog/page/2"),
        u("blog/page/3"),
        u("blog/page/4"),
        u("blog/waermepumpe-altbau"),
    ]


def test_click_depth_through_the_audit():
    data = depth_site()
    result = evaluate_check(ClickDepth(), data, 2)
    rated = [o.url for o in result.pages]
    assert u("verwaist") not in rated  # unreachable pages are not rated here
    assert u("alt-angebot") not in rated  # a redirect hop is no page
    assert len(rated) == 11
    assert result.affected_urls == [u("blog/page/4"), u("blog/waermepumpe-altbau")]
    assert result.score == pytest.approx(9.5 / 11, abs=1e-4)
    assert result.state == "warn"


def test_click_depth_needs_a_home_page():
    result = evaluate_check(ClickDepth(), depth_site(root_status=500), 2)
    assert result.state == "not_applicable"
    assert "home" in result.explanation


# ---------------------------------------------------------------------------------------------
# broken-internal-links
# ---------------------------------------------------------------------------------------------


def broken_site(*extra_links: Link, extra_pages=()):
    return site(
        page(
            "",
            links=[
                L("leistungen", "nav", "Leistungen"),
                L("kaputt", "content", "Preisliste 2023"),
                L("umgezogen", "content", "Förderratgeber"),  # 301 -> /weg, which is gone (410)
                L("zeitueberschreitung", "content", "Webcam"),
                L("umzug", "content", "Unsere Leistungen"),  # 301 -> /leistungen: fine
                L("leistungen", "footer", "Leistungen"),  # same source and target: one row at most
                L("kaputt", "footer", "Preise"),
                L("https://andere-seite.example/fehlt", "content", "Partner", internal=False),
                L("nie-gecrawlt", "content", "Archiv"),  # no record (crawl limit): unknown, not broken
                L("intern/preise", "content", "Händlerpreise"),  # robots.txt kept the crawler out: unknown
                *extra_links,
            ],
        ),
        page("leistungen", links=[L("kaputt", "content", "Preisliste")]),
        page("kaputt", status=404),
        redirect("umgezogen", "weg"),
        page("weg", status=410),
        page("zeitueberschreitung", status=None, content_type=None, error="TimeoutError: took longer than 30 s"),
        redirect("umzug", "leistungen"),
        page("intern/preise", status=None, content_type=None, error="blocked by robots.txt"),
        page("https://andere-seite.example/fehlt", url="https://andere-seite.example/fehlt", status=404),
        *extra_pages,
    )


def test_broken_links_are_listed_with_source_anchor_and_status():
    result = evaluate_check(BrokenInternalLinks(), broken_site(), 2)
    rows = [(r["source"], r["target"], r["anchor"], r["status"]) for r in result.details]
    assert rows == [
        (u(""), u("kaputt"), "Preisliste 2023", 404),
        (u(""), u("umgezogen"), "Förderratgeber", 410),  # the status after the redirect
        (u(""), u("zeitueberschreitung"), "Webcam", None),
        (u("leistungen"), u("kaputt"), "Preisliste", 404),
    ]
    assert result.details[2]["error"].text.startswith("TimeoutError")
    assert result.details[1]["final_url"] == u("weg") and result.details[0]["final_url"] is None
    # targets checked: leistungen, kaputt, umgezogen, zeitueberschreitung, umzug; 3 broken
    assert result.score == pytest.approx(0.4)
    assert result.state == "fail"
    assert result.affected_urls == [
        u("kaputt"),
        u("umgezogen"),
        u("zeitueberschreitung"),
        u(""),
        u("leistungen"),
    ]
    assert result.evidence[0].url == u("") and result.evidence[0].excerpt == "Preisliste 2023"
    assert "HTTP 404" in result.evidence[0].note


def _links_site(*targets: tuple[str, int | None]):
    """Home links to each target; each target answers with the given status."""
    return site(
        page("", links=[L(path, anchor=path) for path, _ in targets]),
        *[page(path, status=status) for path, status in targets],
    )


@pytest.mark.parametrize(
    ("targets", "state", "score", "broken"),
    [
        ([("a", 200), ("b", 200), ("c", 200)], "pass", 1.0, []),
        ([("a", 200), ("b", 200), ("c", 200), ("d", 200), ("e", 500)], "warn", 0.8, ["e"]),
        ([("a", 200), ("b", 404)], "fail", 0.5, ["b"]),
        ([("a", 200), ("b", 403), ("c", 503)], "fail", 0.3333, ["b", "c"]),
    ],
)
def test_broken_link_states(targets, state, score, broken):
    result = evaluate_check(BrokenInternalLinks(), _links_site(*targets), 2)
    assert result.state == state
    assert result.score == pytest.approx(score, abs=1e-4)
    assert [r["target"] for r in result.details] == [u(p) for p in broken]


def test_a_redirect_loop_is_broken():
    data = site(
        page("", links=[L("schleife-a", anchor="Angebote")]),
        redirect("schleife-a", "schleife-b"),
        redirect("schleife-b", "schleife-a", status=302),
    )
    result = BrokenInternalLinks().evaluate(data)
    (row,) = result.details
    assert row["target"] == u("schleife-a") and "redirect loop" in row["error"].text


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("http://localhost:4000/news/2/", "localhost:4000"),
        ("http://127.0.0.1:8080/", "127.0.0.1:8080"),
        ("http://[::1]:3000/x", "[::1]:3000"),
        ("http://192.168.1.20/intranet/", "192.168.1.20"),
        ("http://server.local/wiki/", "server.local"),
        ("https://shop.test/", "shop.test"),
        ("https://www.destatis.de/", None),
        ("https://localhost.example.com/", None),
        ("https://8.8.8.8/", None),
        ("mailto:info@example.de", None),
    ],
)
def test_development_hosts(url, host):
    assert development_host(url) == host


def test_dev_links_are_broken_only_on_a_public_site():
    pages = (
        page(
            "",
            links=[
                L("leistungen", anchor="Leistungen"),
                L("http://localhost:4000/blog/", anchor="Blog", internal=False),
            ],
        ),
        page("leistungen"),
    )
    public = BrokenInternalLinks().evaluate(site(*pages))
    (row,) = public.details
    assert row["target"] == "http://localhost:4000/blog/" and row["status"] is None
    assert "localhost:4000" in row["error"].text and public.score == pytest.approx(0.5)
    # the same links on a site audited on a developer's machine: its own neighbourhood, not a finding
    local = BrokenInternalLinks().evaluate(site(*pages, root_url="http://localhost:1313/"))
    assert local.state == "pass" and local.details == []
    aliases = ["localhost:1313", "www.localhost:1313"]
    local = BrokenInternalLinks().evaluate(site(*pages, root_url="http://localhost:1313/", host_aliases=aliases))
    assert local.state == "pass"
    # a local build audited as its production host (`--as-host`): public, its dev links are broken
    aliases = ["127.0.0.1:8000", "www.127.0.0.1:8000", "hiob.example", "www.hiob.example"]
    built = BrokenInternalLinks().evaluate(site(*pages, root_url="http://127.0.0.1:8000/", host_aliases=aliases))
    assert [row["target"] for row in built.details] == ["http://localhost:4000/blog/"]


def test_no_internal_links_is_not_measured():
    result = evaluate_check(BrokenInternalLinks(), site(page(""), page("leistungen")), 2)
    assert result.state == "not_applicable"


# ---------------------------------------------------------------------------------------------
# orphan-pages
# ---------------------------------------------------------------------------------------------


def _entries(*paths: str, lastmod: str | None = None) -> list[SitemapEntry]:
    return [SitemapEntry(url=u(p), lastmod=lastmod, sitemap=SITEMAP) for p in paths]


def orphan_site(complete: bool = True, entries=None):
    pages = [
        page("", links=[L("leistungen", "nav"), L("neu", "content")]),  # nothing links to home
        page("leistungen", links=[L("leistungen/heizung")]),
        page("leistungen/heizung"),
        page("verwaist", links=[L("verwaist/unterseite")]),
        page("verwaist/unterseite"),  # linked from an orphan: not itself an orphan
        redirect("alt-url", "neu"),
        page("neu"),
        page("selbst", links=[L("selbst", anchor="Nach oben")]),  # links only to itself
        page("fehlt", status=404),
    ]
    if entries is None:
        entries = (
            _entries("", "leistungen", "leistungen/heizung", "alt-url", "selbst", "fehlt", "nie-gecrawlt")
            + _entries("verwaist", lastmod="2023-05-01")
            + [SitemapEntry(url=u("verwaist"), sitemap=ROOT + "sitemap-2.xml")]  # listed twice
        )
    return site(*pages, sitemap_entries=entries, crawl_stats=CrawlStats(complete=complete))


def test_orphans_are_sitemap_pages_nobody_links_to():
    result = evaluate_check(OrphanPages(), orphan_site(), 1)
    assert result.affected_urls == [u("selbst"), u("verwaist")]
    assert result.details == [
        {"url": u("selbst"), "lastmod": None, "sitemap": SITEMAP},
        {"url": u("verwaist"), "lastmod": "2023-05-01", "sitemap": SITEMAP},
    ]
    # listed and successful: home, leistungen, heizung, neu (via alt-url), selbst, verwaist
    assert result.score == pytest.approx(1 - 2 / 6, abs=1e-4)
    assert result.state == "fail"
    assert u("") not in result.affected_urls  # the home page is never an orphan
    assert u("neu") not in result.affected_urls  # the sitemap's old URL redirects to a linked page
    assert "lastmod 2023-05-01" in result.evidence[1].note


@pytest.mark.parametrize(
    ("paths", "state", "score"),
    [
        (["", "leistungen", "leistungen/heizung", "alt-url"], "pass", 1.0),
        (["leistungen", "leistungen/heizung", "neu", "verwaist/unterseite", "verwaist"], "warn", 0.8),
        (["selbst"], "fail", 0.0),
        (["fehlt", "nie-gecrawlt"], "not_applicable", None),  # nothing listed was a successful page
    ],
)
def test_orphan_states(paths, state, score):
    result = evaluate_check(OrphanPages(), orphan_site(entries=_entries(*paths)), 1)
    assert result.state == state
    assert result.score == (None if score is None else pytest.approx(score))


def test_orphans_are_inconclusive_when_the_crawl_was_cut_short():
    result = evaluate_check(OrphanPages(), orphan_site(complete=False), 1)
    assert result.state == "not_applicable"
    assert "complete crawl" in result.explanation
    assert result.weight == 0 and result.affected_urls == []


def test_orphans_need_a_sitemap():
    result = evaluate_check(OrphanPages(), orphan_site(entries=[]), 1)
    assert result.state == "not_applicable"
    assert "sitemap entries" in result.explanation


# -- redirecting-internal-links, generic-anchors, starved articles and link suggestions ---------


def test_redirecting_internal_links_are_listed_with_their_target():
    pages = [
        page("", links=TEMPLATE + [L("alt", anchor="Altes Angebot"), L("leistungen")]),
        redirect("alt", "leistungen"),
        page("leistungen", links=TEMPLATE),
        page("ratgeber", links=TEMPLATE),
        page("kontakt", links=TEMPLATE),
        page("impressum", links=TEMPLATE),
    ]
    result = evaluate_check(RedirectingInternalLinks(), site(*pages), 1)
    assert result.state == "warn" and result.score == pytest.approx(1 - 1 / 5)
    assert result.details[0]["ends_at"] == u("leistungen") and result.details[0]["status"] == 301
    assert u("alt") in result.affected_urls and u("") in result.affected_urls


def test_no_redirecting_links_passes():
    result = evaluate_check(RedirectingInternalLinks(), site(page("", links=[L("a")]), page("a")), 1)
    assert result.state == "pass"


@pytest.mark.parametrize(
    ("anchor", "position", "state"),
    [
        ("hier", "content", "fail"),
        ("Klicken Sie hier!", "content", "fail"),
        ("mehr »", "content", "fail"),
        ("Read more…", "content", "fail"),
        ("Förderung für Wärmepumpen 2025", "content", "pass"),
        ("mehr", "nav", None),  # template links are not judged
    ],
)
def test_generic_anchor_texts(anchor, position, state):
    result = evaluate_check(GenericAnchors(), site(page("", links=[L("ziel", position, anchor)]), page("ziel")), 1)
    if state is None:
        assert result.state == "not_applicable"
    else:
        assert result.pages[0].state == state


def long_articles(noindex_deep: bool = False) -> tuple[PageRecord, list[PageRecord]]:
    """A deep article (900 words) no content link reaches, and four long articles linked in a ring; the
    deep one set to noindex or not."""
    deep = "Eine Wärmepumpe ist ein Heizsystem, das Umweltwärme nutzt. " * 150  # 900 words
    art = [{"@type": "Article"}]
    hubs = [
        page(
            f"ratgeber/a{i}",
            structured_data=art,
            word_count=900,
            main_text=deep,
            title=f"A{i}",
            links=TEMPLATE + [L(f"ratgeber/a{(i + 1) % 4}", anchor="Weiter zu A")],
        )
        for i in range(4)
    ]
    target = page(
        "ratgeber/tief",
        structured_data=art,
        word_count=900,
        main_text=deep,
        title="Wärmepumpe im Altbau | Firma",
        headings=[Heading(level=1, text="Wärmepumpe im Altbau")],
        links=TEMPLATE,
        robots_meta="noindex" if noindex_deep else None,
    )
    return target, hubs


def _starved_site():
    target, hubs = long_articles()
    home = page("", links=TEMPLATE + [L(f"ratgeber/a{i}") for i in range(4)])
    listing = page("ratgeber", links=TEMPLATE + [L("ratgeber/seite/2")])
    page2 = page("ratgeber/seite/2", links=TEMPLATE + [L("ratgeber/tief", "content", "Wärmepumpe im Altbau")])
    others = [page(p, links=TEMPLATE) for p in ("leistungen", "kontakt", "impressum")]
    return site(home, listing, page2, target, *hubs, *others)


def test_starved_deep_article_gets_link_suggestions():
    s = _starved_site()
    assert [p.url for p in starved(s)] == [u("ratgeber/tief")]
    suggestions = link_suggestions(s)
    assert 0 < len(suggestions) <= 3
    assert all(x.target == u("ratgeber/tief") and x.anchor == "Wärmepumpe im Altbau" for x in suggestions)
    assert all(not s.link_graph.has_edge(x.source, x.target) for x in suggestions)
    scores = [s.link_score[x.source] for x in suggestions]
    assert scores == sorted(scores, reverse=True)
    result = evaluate_check(InternalPagerank(), s, 1)
    assert u("ratgeber/tief") in result.affected_urls
    assert any(row["group"].text == "suggestion" for row in result.details)
    insights = build_insights(s)
    assert insights.link_suggestions == suggestions
    assert [n.url for n in insights.graph_nodes if n.starved] == [u("ratgeber/tief")]
    assert insights.click_depth_histogram["3"] == 1  # / -> ratgeber -> seite/2 -> tief


def test_link_suggestions_never_name_a_noindex_page():
    """No advice on noindex pages (issue 12): a noindex deep article gets no links suggested to it,
    and a noindex page is never suggested as a link's source."""
    s = _starved_site()
    strongest = link_suggestions(s)[0].source
    noindex = "noindex, follow"
    pages = [p.model_copy(update={"robots_meta": noindex}) if p.url == strongest else p for p in s.pages]
    s = site(*pages)
    suggestions = link_suggestions(s)
    assert suggestions and strongest not in {x.source for x in suggestions}
    pages = [p.model_copy(update={"robots_meta": noindex}) if p.url == u("ratgeber/tief") else p for p in s.pages]
    assert link_suggestions(site(*pages)) == []


def test_array_link_metrics_match_networkx():
    """scoring.linkgraph (used for very large graphs, bench/graph_bench.py) == networkx."""
    import networkx as nx
    import numpy as np

    from scoring.linkgraph import click_depths, link_scores, pagerank

    rng = np.random.default_rng(3)
    n = 150
    src, dst = rng.integers(0, n, 1500), rng.integers(0, n, 1500)
    weight = rng.choice([1.0, 0.5, 0.3, 0.2], 1500)
    keep = src != dst
    src, dst, weight = src[keep], dst[keep], weight[keep]
    graph = nx.DiGraph()
    graph.add_nodes_from(range(n))
    for a, b, w in zip(src.tolist(), dst.tolist(), weight.tolist(), strict=True):
        graph.add_edge(a, b, weight=graph[a][b]["weight"] + w if graph.has_edge(a, b) else w)
    reference = nx.pagerank(graph, alpha=0.85, weight="weight")
    ranks = pagerank(n, src, dst, weight)
    assert np.allclose(ranks, [reference[i] for i in range(n)], atol=1e-8)
    assert link_scores(ranks).max() == 100.0 and link_scores(ranks).min() == 0.0
    depths = nx.single_source_shortest_path_length(graph, 0)
    assert click_depths(n, src, dst, 0).tolist() == [depths.get(i, -1) for i in range(n)]


def test_site_pagerank_equals_networkx_on_a_crawled_graph():
    """SiteData.pagerank (scoring.linkgraph on a CSR matrix) gives networkx's numbers on a
    position-weighted graph with dangling pages, so the Link Score is unchanged."""
    import networkx as nx
    import numpy as np

    rng = np.random.default_rng(8)
    slugs = [f"seite-{i}" for i in range(60)]
    positions = ["content", "nav", "footer", "aside", "header"]
    pages = [page("", links=[Link(url=u(s), internal=True, position="nav") for s in slugs[:5]])]
    for i, slug in enumerate(slugs):
        targets = [] if i % 9 == 0 else rng.choice(len(slugs), size=rng.integers(1, 8), replace=False)
        links = [Link(url=u(slugs[t]), internal=True, position=str(rng.choice(positions))) for t in targets]
        pages.append(page(slug, links=links))
    data = site(*pages)
    reference = nx.pagerank(data.link_graph.to_networkx(), alpha=0.85, weight="weight")
    assert set(data.pagerank) == set(reference)
    assert max(abs(data.pagerank[k] - reference[k]) for k in reference) < 1e-12
    assert max(data.link_score.values()) == 100.0 and min(data.link_score.values()) == 0.0
