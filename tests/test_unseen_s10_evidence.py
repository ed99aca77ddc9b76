"""Quote and statistics classes found on the tenth stop's unseen sets (held-out 22–26), each in text of our own.

- A result tile: a share or a "more than" figure alone on its line over the sentence that says what it measures
  ("376%" / "Increase in …") is a statistic, even when the page has only one such tile; a skill bar is not.
- A bare share beyond 100 % or with a "+" ("800%+ ROAS") is no skill bar or progress ring: a statistic.
- Quoted strings given as examples ('questions like "…"', "z. B. „…“") and a series of quoted titles or search
  terms ('"…," "…," and "…"') are no quotations, whatever word stands before them.
"""

from __future__ import annotations

import pytest

from scoring.checks.attributed_quotes import find_quotations
from scoring.checks.statistics import page_statistics
from tests.factories import text_page


def _figures(text: str, lang: str = "en") -> list[str]:
    return [f for s in page_statistics(text_page("/services/heating/", text, lang=lang)) for f in s.figures]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "We tune every boiler we service and write down what changed.\n218%\n"
            "Increase in booked repair visits for a plumbing firm in Leeds within one winter\nRead the full story →",
            "en",
            ["218%"],
        ),
        (
            "Wir warten Heizungen in der ganzen Region.\n40+\n"
            "Betriebe im Landkreis vertrauen auf unseren Wartungsdienst\nZur Referenz →",
            "de",
            ["40+ Betriebe"],
        ),
        ("Our results\n640%+ ROAS\nBoiler Installer\nNORTH HEAT", "en", ["640%"]),
    ],
)
def test_a_result_tile_states_its_figure(text, lang, expected):
    assert _figures(text, lang) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Skills\nPlumbing\n85%\nInstallation of heat pumps and boilers\n90%\nSupport",
        "Skills\nDesign\n95%",
        "Unser Angebot\n20%\nRabatt auf alle Wartungsverträge in diesem Monat",
    ],
)
def test_skill_bars_and_discount_tiles_stay_no_statistics(text):
    assert _figures(text, "de" if "Angebot" in text else "en") == []


@pytest.mark.parametrize(
    "text",
    [
        'FAQ schema helps search engines show answers to common questions like "How often should a boiler be '
        'serviced?" Test the markup before you publish it.',
        'Share short tips your customers need: "3 signs your radiator needs bleeding," "How to read your '
        'boiler pressure," and "What a dripping valve really means." Tips like these build trust.',
        "Beantworten Sie Fragen, die Kunden wirklich stellen, z. B. „Wie oft muss die Heizung gewartet "
        "werden?“ Das hilft bei der Suche.",
    ],
)
def test_quoted_examples_and_series_of_titles_are_no_quotations(text):
    quotes = find_quotations(text_page("/blog/heating-tips/", text, lang="de" if "Sie" in text else "en"))
    assert [q.speaker for q in quotes if q.speaker] == []
    assert quotes == []


def test_a_quotation_beside_those_rules_keeps_its_speaker():
    text = (
        "The firm grew fast last winter. “We answer every call within the hour, that is our promise,” "
        "said Maria Lindqvist, who founded the company in Leeds."
    )
    assert [q.speaker for q in find_quotations(text_page("/blog/heating-tips/", text, lang="en"))] == [
        "Maria Lindqvist"
    ]
