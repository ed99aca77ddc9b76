"""Statistics and their sources on real-world text, second pass (issue 13): failure classes met on the
labelled corpus, each with a fixture written for this test (German and English)."""

from __future__ import annotations

from typing import Any

import pytest

from scoring.checks.statistics import find_statistics
from scoring.core.records import Link, PageRecord
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
    # "| Name - Slogan": the name before its slogan
    assert sourced(text, title="Rückblick 2024 | Kesselwerk - Wärme für alle") == []


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


# -- the quoted title of a linked article holds that article's figures -------------------------------


def test_a_figure_in_the_quoted_title_of_a_linked_article_belongs_to_that_article():
    title = "Storm season left 3,000 homes without power for a week"
    text = f"Read the whole story “{title}” by Jo Example at the Coastal Times."
    links = [Link(url="https://coastal-times.example/news/2024/storm-season", anchor=title)]
    assert figures(text, "en", links=links) == []
    # the same title as the words of the sentence, not quoted: the figure is the page's own statement
    said = f"{title}, the Coastal Times reports."
    assert figures(said, "en", links=links) == ["3,000 homes"]


# -- a paragraph that introduces a list of findings sources its items ---------------------------------


def test_the_items_after_a_sourcing_introduction_borrow_its_source():
    text = (
        "Im Frühjahr haben wir 150 Werkstätten befragt, und das haben wir herausgefunden:\n"
        "62 % suchen neue Mitarbeitende.\n"
        "41 % suchen seit über einem Jahr Auszubildende.\n"
        "Was heißt das für die Branche? Die Lage bleibt angespannt, 12 Betriebe haben geschlossen."
    )
    assert sourced(text) == ["62 %", "41 %"]


def test_a_named_introduction_sources_a_list_in_english():
    text = "According to the Federal Nutrition Board (FNB):\nAdult women need 310 mg a day.\nChildren need 130 mg."
    assert sourced(text, "en") == ["310 mg", "130 mg"]


def test_an_introduction_without_a_source_sources_nothing():
    text = "A look back at the year:\n62 % of our members voted.\n41 % joined a working group."
    assert figures(text, "en") and sourced(text, "en") == []


# -- a result that opens a paragraph refers back to the study told just before ----------------------


def test_the_result_opening_a_paragraph_borrows_the_speaker_before():
    text = (
        "„Wir haben die Modelle für sechs Vogelarten gerechnet“, erklärt Dr. Jana Beispiel, Leiterin der "
        "Arbeitsgruppe am Institut.\n"
        "Das Ergebnis ist deutlich: Vier Arten – darunter die Uferschwalbe (Riparia sp. / + 35 %) – "
        "gewinnen Lebensraum."
    )
    assert sourced(text) == ["35 %"]


def test_a_paragraph_without_a_backward_reference_borrows_nothing():
    text = (
        "„Wir haben die Modelle für sechs Vogelarten gerechnet“, erklärt Dr. Jana Beispiel.\n"
        "Vier Arten gewinnen dabei 35 % an Lebensraum."
    )
    assert sourced(text) == []


# -- spans of deep time and the design of a survey are no statistics --------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "„Vor 500 Millionen Jahren lebte hier ein flaches Meer“, sagt die Geologin Eva Beispiel."),
        ("en", "The first reefs grew some 480 million years ago."),
        ("de", "Der Fels ist rund 2 Milliarden Jahre alt."),
    ],
)
def test_a_span_of_millions_of_years_ago_is_a_date(lang, text):
    assert figures(text, lang) == []


def test_millions_of_things_stay_a_count():
    assert figures("Seit 3 Jahren nutzen über 2 Millionen Menschen die App.") == ["2 Millionen"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The tracker holds more than 1,200 questions asked of respondents in 30 countries."),
        ("de", "Die Studie umfasst 1.500 Fragen an die Befragten."),
    ],
)
def test_the_number_of_questions_of_a_survey_is_its_design(lang, text):
    assert figures(text, lang) == []


def test_the_list_of_findings_ends_at_a_heading():
    text = (
        "According to the Federal Nutrition Board (FNB):\n"
        "Adult women need 310 mg a day.\n"
        "Our shop\n"
        "We ship 1,200 parcels a week."
    )
    assert sourced(text, "en") == ["310 mg"]


def test_an_opening_dabei_does_not_reach_into_the_paragraph_before():
    text = (
        "„Die Nachfrage ist hoch“, sagt Ökonomin Jana Beispiel vom Institut für Handel.\n"
        "Dabei wuchs unser Team im letzten Jahr auf 45 Mitarbeitende."
    )
    assert figures(text) == ["45 Mitarbeitende"]
    assert sourced(text) == []


# -- a post's meta line and a goal are no statistics -------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "12. März 2025 · 4 Minuten · 730 Wörter · Jana Beispiel"),
        ("en", "March 3, 2025 | 5 min read | 1,200 words | Jo Example"),
        ("de", "Spendenstand — Ziel: 3.000 €"),
        ("en", "The fundraising target of € 1,500 was met in May."),
        ("de", "Das Ausbauziel von 30 Gigawatt bis 2035 reicht nicht."),
    ],
)
def test_meta_lines_and_goals_are_no_statistics(lang, text):
    assert figures(text, lang) == []


def test_a_band_of_figures_and_a_table_row_stay_statistics():
    assert figures("500+ Kunden · 98 % Zufriedenheit · 20 Standorte") == ["500+ Kunden", "98 %", "20 Standorte"]
    assert figures("Umsatz | 2024 | 4,5 Mio. Euro | plus 12 %") == ["4,5 Mio.", "12 %"]
    assert figures("Our goal of 500 members was passed: we now have 612 members.", "en") == ["612 members"]


# -- a button and "depending on" name no source -------------------------------------------------------


def test_a_call_to_action_link_is_no_source():
    links = [Link(url="https://tickets.example/event/4711", anchor="Jetzt Ticket sichern")]
    text = "Im letzten Jahr kamen 1.400 Gäste zum Kongress. Jetzt Ticket sichern"
    assert figures(text, links=links) == ["1.400 Gäste"]
    assert sourced(text, links=links) == []


def test_varying_according_to_is_no_source():
    text = "Drilling depths vary according to the rock but reach 120 m on average."
    assert figures(text, "en") == ["120 m"]
    assert sourced(text, "en") == []
    assert sourced("According to the survey office, drilling depths reach 120 m on average.", "en") == ["120 m"]


def test_the_site_s_name_counts_as_a_word_and_never_as_a_generic_source_word():
    text = "Der Kesselbauerverband meldet 420 neue Betriebe."
    assert sourced(text, title="Neuigkeiten | Kessel GmbH") == ["420 neue Betriebe"]
    assert sourced("Die Kessel-Expertin meldet 420 neue Betriebe.", title="Neuigkeiten | Kessel GmbH") == []
    text = "Die Bundesnetzagentur meldet 12.000 neue Daten-Anschlüsse."
    assert sourced(text, title="News | Daten GmbH") == ["12.000"]
