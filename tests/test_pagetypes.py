"""Page classification (scoring.pagetypes): the kind of every page, and the rule that decided it."""

from __future__ import annotations

import pytest

from scoring.audit import evaluate_check
from scoring.checks.content_dates import ContentDates
from scoring.core.records import Dates, Link, PageExtras
from scoring.pagetypes import PAGE_KINDS, classify, link_density
from scoring.site import is_article
from tests.factories import ROOT, page, site

ARTICLE_LD = {"@type": "BlogPosting", "headline": "x"}

CASES = [
    ("home", page(""), "home"),
    ("home-language-prefix", page("de/"), "home"),
    ("impressum", page("impressum/", word_count=400, dates=Dates(published="2024-01-01")), "legal"),
    ("privacy-en", page("privacy-policy"), "legal"),
    ("terms", page("terms-and-conditions"), "legal"),
    ("agb-by-title", page("seite-7", title="AGB – Müller GmbH"), "legal"),
    ("kontakt", page("kontakt/"), "contact"),
    ("contact-page-ld", page("schreiben-sie-uns", structured_data=[{"@type": "ContactPage"}]), "contact"),
    ("pagination", page("ratgeber/seite/3/", dates=Dates(published="2024-01-01")), "listing"),
    ("category", page("blog/category/waermepumpen/"), "listing"),
    ("section-index", page("ratgeber/", dates=Dates(published="2025-03-14"), word_count=100), "listing"),
    ("many-posts-ld", page("news", structured_data=[ARTICLE_LD, ARTICLE_LD, ARTICLE_LD]), "listing"),
    ("collection-ld", page("themen-ueberblick", structured_data=[{"@type": "CollectionPage"}]), "listing"),
    ("blogposting-ld", page("irgendwo/text", structured_data=[ARTICLE_LD]), "article"),
    ("under-ratgeber", page("ratgeber/waermepumpe-altbau/", word_count=60), "article"),
    ("dated-url", page("2024/05/no-dig-beds/", word_count=300), "article"),
    ("dated-long-page", page("waermepumpe-altbau", word_count=300, dates=Dates(published="2024-03-01")), "article"),
    (
        "visible-date-in-section",
        page("news/kurz", word_count=20, extras=PageExtras(visible_date="2024-03-01")),
        "article",
    ),
    ("profile-ld", page("jana", structured_data=[{"@type": "ProfilePage"}]), "profile"),
    ("team-member", page("team/jana-albrecht/"), "profile"),
    ("author-archive-en", page("authors/jane-doe/"), "profile"),
    ("team-index", page("team/"), "about"),
    ("ueber-uns", page("ueber-uns/"), "about"),
    ("service-url", page("leistungen/photovoltaik/", word_count=600), "service"),
    ("service-ld", page("photovoltaik", structured_data=[{"@type": "Service"}]), "service"),
    ("short-undated", page("photovoltaik-freiburg", word_count=340), "other"),
]


@pytest.mark.parametrize(("record", "kind"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_classify(record, kind):
    found = classify(record)
    assert found.kind == kind, found.reason
    assert found.kind in PAGE_KINDS and found.reason
    assert is_article(record) is (kind == "article")


def test_link_heavy_page_is_a_listing():
    links = [
        Link(url=ROOT + f"beitrag-{i}", anchor=f"Beitrag Nummer {i} lesen", position="content", internal=True)
        for i in range(8)
    ]
    record = page("uebersicht", links=links, word_count=60)
    assert link_density(record) >= 0.35
    assert classify(record).kind == "listing"
    assert classify(record).reason.startswith("link density")


def test_page_outcomes_and_explanation_say_which_pages_were_judged():
    article = page("ratgeber/a/", word_count=300, dates=Dates(published="2024-01-01"))
    result = evaluate_check(ContentDates(), site(article, page(""), page("impressum")), 1.0)
    assert [o.page_type for o in result.pages] == ["article"]
    assert result.explanation.endswith("Judged: 1 article pages.")
