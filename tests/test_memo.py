"""scoring.core.memo.last_page: a page detector's result remembered for the page it last saw, so the
page's signals after its checks cost nothing twice (issue 19), and never a result for another page."""

from __future__ import annotations

import json

from scoring.audit import score_site
from scoring.core.memo import last_page
from scoring.core.records import PageRecord
from scoring.signals import page_signals
from scoring.site import SiteData
from tests.factories import artifacts, html_page


def _counting():
    calls = []

    @last_page
    def detect(page: PageRecord, site: object = None) -> list[str]:
        calls.append(page.url)
        return [page.url]

    return detect, calls


def test_the_same_page_is_answered_from_the_slot():
    detect, calls = _counting()
    one = PageRecord(url="https://www.example.de/a/", status=200)
    site = object()
    assert detect(one, site) == detect(one, site) == ["https://www.example.de/a/"]
    assert calls == ["https://www.example.de/a/"]


def test_another_page_or_site_is_computed_again():
    detect, calls = _counting()
    one = PageRecord(url="https://www.example.de/a/", status=200)
    twin = PageRecord(url="https://www.example.de/a/", status=200)  # equal, but another object
    other = PageRecord(url="https://www.example.de/b/", status=200)
    site, other_site = object(), object()
    detect(one, site)
    detect(twin, site)
    detect(other, site)
    detect(other, other_site)
    detect(other)
    assert len(calls) == 5
    assert detect.uncached(one) == ["https://www.example.de/a/"] and len(calls) == 6


def test_results_json_signals_equal_signals_taken_alone():
    article = html_page(
        "ratgeber/waermepumpe/",
        '<!doctype html><html lang="de"><head><title>Wärmepumpe im Altbau</title></head><body><main><article>'
        '<h1>Wärmepumpe im Altbau</h1><p class="byline">Von Jana Albrecht</p>'
        '<p>„Eine Wärmepumpe lohnt sich auch im Altbau“, sagt Energieberaterin Jana Albrecht.</p>'
        '<p>Laut <a href="https://www.destatis.de/DE/Presse/waerme.html">Statistischem Bundesamt</a> heizten 2023 '
        "rund 57 Prozent der neuen Wohngebäude mit Wärmepumpen.</p></article></main></body></html>",
    )
    home = html_page(
        "",
        '<!doctype html><html lang="de"><head><title>Beispiel Heizung</title></head><body><main><h1>Beispiel</h1>'
        '<a href="/ratgeber/waermepumpe/">Wärmepumpe</a></main></body></html>',
    )
    result = json.loads(score_site([home, article], artifacts(), None, settings={}).model_dump_json())
    site = SiteData([home, article], artifacts())
    by_url = {p["url"]: p["signals"] for p in result["pages"]}
    for page in (home, article):
        alone = json.loads(page_signals(page, site).model_dump_json())
        assert by_url[page.url] == alone
    assert by_url[article.url]["quotes_attributed"] == 1 and by_url[article.url]["citations"] == 1
