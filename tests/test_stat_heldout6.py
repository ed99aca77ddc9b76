"""Failure classes seen on held-out 6 (issue 13), each as sentences written for this test: counts of
businesses in a place, a group named with nouns before its noun, the items of a named framework, a
survey's sample told by who filled it out, and a linked name that is what a figure counts."""

from __future__ import annotations

import pytest

from scoring.core.records import Link
from tests.test_statistics_realworld import figures, sourced

COUNTS = [
    # the businesses of a place, with the article a list would have
    ("place-de", "de", "Früher holten die drei Metzgereien im Dorf ihr Fleisch vom Schlachthof am Fluss."),
    ("place-en", "en", "Back then, the town's five breweries bought their barley from the same farm."),
    ("place-the-en", "en", "The three pubs in the village shared one delivery van."),
    # English nouns before the group's noun
    ("noun-adjunct-en", "en", "The fund works with six different Field Test partners across Europe."),
    ("noun-adjunct-de", "de", "Der Fonds arbeitet mit sechs verschiedenen Partnern in ganz Europa."),
]

NOT_COUNTS = [
    # a list stays a list without a place after it
    ("list-de", "de", "Die vier Bäckereien stellen sich im nächsten Beitrag vor."),
    # a framework's items
    ("framework-en", "en", "Every review follows Jakob Nielsen's 10 usability heuristics for interfaces."),
    ("framework-de", "de", "Jede Prüfung folgt den 10 Heuristiken von Jakob Nielsen."),
    ("framework-words-en", "en", "The workshop walks through the seven maxims of plain writing."),
    # German nouns in a row are two phrases, not one group
    ("noun-row-de", "de", "Der Beitrag zeigt, welche sieben Schlüsselfähigkeiten Teamleiter heute brauchen."),
    # a survey's sample, told by who filled it out (docs/labelling.md: study design)
    ("sample-en", "en", "We posted the link in two forums, and 48 people in total filled out the survey."),
    ("sample-de", "de", "Insgesamt 48 Personen nahmen an der Umfrage teil, die wir im Forum geteilt hatten."),
    ("sample-form-de", "de", "Am Ende hatten 52 Nutzer den Fragebogen ausgefüllt."),
]


@pytest.mark.parametrize("name,lang,text", COUNTS, ids=[c[0] for c in COUNTS])
def test_counts_found(name: str, lang: str, text: str) -> None:
    assert figures(text, lang), name


@pytest.mark.parametrize("name,lang,text", NOT_COUNTS, ids=[c[0] for c in NOT_COUNTS])
def test_not_counts(name: str, lang: str, text: str) -> None:
    assert figures(text, lang) == [], name


def test_survey_findings_still_count() -> None:
    """The sample's frame does not hide the findings: a share of those who filled it out is a statistic."""
    text = "Of the people who filled out the survey, 62 % said they read the label first."
    assert figures(text, "en") == ["62 %"]


def test_linked_name_counted_is_no_source() -> None:
    """The programme linked by name is what the figure counts, not where the figure comes from (German
    writes it into one compound, "Feldtest-Partner", which a whole-word anchor never matches)."""
    links = [Link(url="https://fund.example/programmes/field-test", anchor="Field Test")]
    text = "The fund works with six different Field Test partners across Europe."
    assert figures(text, "en", links=links)
    assert sourced(text, "en", links=links) == []


def test_linked_source_outside_the_figure_still_sources() -> None:
    links = [Link(url="https://stats.example/report-2024", anchor="Regional Trade Report")]
    text = "According to the Regional Trade Report, six different Field Test partners joined in 2024."
    assert sourced(text, "en", links=links)
