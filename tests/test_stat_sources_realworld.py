"""Statistics and their sources on real-world text, second pass (issue 13): failure classes met on the
labelled corpus, each with a fixture written for this test (German and English)."""

from __future__ import annotations

from typing import Any

from scoring.checks.statistics import find_statistics
from scoring.core.records import PageRecord
from tests.factories import page

ARTICLE_LD = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Bericht"}


def article(text: str, *, lang: str = "de", **fields: Any) -> PageRecord:
    fields.setdefault("structured_data", [ARTICLE_LD])
    return page("blog/bericht", main_text=text, word_count=len(text.split()), lang=lang, **fields)


def figures(text: str, lang: str = "de", **fields: Any) -> list[str]:
    return [f for s in find_statistics(article(text, lang=lang, **fields)) for f in s.figures]


def sourced(text: str, lang: str = "de", **fields: Any) -> list[str]:
    return [f for s in find_statistics(article(text, lang=lang, **fields)) if s.source for f in s.figures]


# -- the site's own name is no outside source --------------------------------------------------------


def test_the_publisher_named_in_json_ld_is_the_site_itself():
    """ "recorded by Acme" on Acme's own page: the company's own record, no outside source."""
    text = "The best time recorded by Brightfield was 31 mins 5 sec on the 6 km course."
    publisher = {**ARTICLE_LD, "publisher": {"@type": "Organization", "name": "Brightfield GPR"}}
    assert figures(text, "en", structured_data=[publisher])
    assert sourced(text, "en", structured_data=[publisher]) == []
    # on another site the same sentence names Brightfield as its source
    assert sourced(text, "en") != []


def test_the_title_suffix_names_the_site_itself():
    text = "Im letzten Jahr meldete Kesselwerk 420 Neuanschlüsse in der Region."
    assert sourced(text, title="Rückblick 2024 | Kesselwerk GmbH") == []
    assert sourced(text, title="Rückblick 2024") == ["420 Neuanschlüsse"]


# -- verbs of showing are no report of a named source -----------------------------------------------


def test_a_term_and_its_description_is_no_report():
    """ "Visitors – Shows the monthly visitors": a glossary line, the term does not report anything."""
    text = "Active Sessions - Shows the open sessions, with a trend over the last 14 days on average."
    assert sourced(text, "en") == []
    text = "Offene Tickets: zeigt die Zahl der offenen Tickets, im Schnitt 35 Tickets pro Tag."
    assert sourced(text) == []


def test_a_chart_that_shows_is_no_source_but_a_named_body_is():
    assert sourced("I prefer the Heatmap which shows the trend of 30 days on average.", "en") == []
    assert sourced("The OECD shows that 42% of adults read daily.", "en") == ["42%"]
