"""scoring.signals: a page without an external http(s) link in its main content has no citation, and its
signals do not run the citation judge for it (issue 19: judging no link still aligned every content link
along the main text, a third of the score stage's CPU on a generated site)."""

from __future__ import annotations

import scoring.signals as signals
from scoring.checks.outbound_citations import judge_links
from scoring.core.records import Link
from scoring.site import SiteData
from tests.factories import artifacts, html_page
from tests.synthetic_site import site_records

ARTICLE = (
    '<!doctype html><html lang="de"><head><title>Wärmepumpe im Altbau</title></head><body>'
    '<nav><a href="https://www.facebook.com/beispiel">Facebook</a></nav><main><article>'
    "<h1>Wärmepumpe im Altbau</h1><p>Laut {source} heizten 2023 rund 57 Prozent der neuen Wohngebäude mit "
    'Wärmepumpen. Mehr dazu im <a href="/ratgeber/">Ratgeber</a>.</p></article></main>'
    '<footer><a href="https://www.destatis.de/">Destatis</a></footer></body></html>'
)
CITED = '<a href="https://www.destatis.de/DE/Presse/waerme.html">Statistischem Bundesamt</a>'


def _pages():
    cited = html_page("ratgeber/zitiert/", ARTICLE.format(source=CITED))
    uncited = html_page("ratgeber/ohne/", ARTICLE.format(source="dem Statistischen Bundesamt"))
    return cited, uncited


def test_no_external_content_link_no_judging(monkeypatch):
    cited, uncited = _pages()
    site = SiteData([cited, uncited], artifacts())
    judged = []

    def counting(page, site=None):
        judged.append(page.url)
        return judge_links.uncached(page, site)  # the detector itself: no page remembered from elsewhere

    def citing(page, site=None):
        return [verdict.link for verdict in counting(page, site) if verdict.citation]

    monkeypatch.setattr(signals, "citation_links", citing)
    assert signals.page_signals(uncited, site).citations == 0
    assert judged == []  # external links only in the navigation and footer: nothing to judge
    assert signals.page_signals(cited, site).citations == 1
    assert judged == [cited.url]


def test_the_guard_never_hides_a_citation():
    """Whatever the judge rules, a link it can call a citation passes the guard: pages without one get no
    verdict at all (synthetic pages, fixture pages, and links moved to the content, made external or not http)."""
    cited, uncited = _pages()
    pages = [cited, uncited, *site_records(60)]
    variants = []
    for page in pages:
        for change in ({"position": "content"}, {"internal": False}, {"url": "mailto:info@example.de"}):
            links = [Link(**{**link.model_dump(), **change}) for link in page.links]
            variants.append(page.model_copy(update={"links": links}))
    site = SiteData(pages, artifacts())
    checked = 0
    for page in [*pages, *variants]:
        if not signals._may_cite(page):
            assert judge_links.uncached(page, site) == []
            checked += 1
    assert checked > 20
