"""Failure classes found on real pages in the fourteenth stop, each in text of our own.

Quotes
- a quotation that cites a court ruling with its dotted date ("Urt. v. 27.02.2008") is prose, not code;
- a quotation announced by a colon and running over several paragraphs (a notice's list quoted whole) ends at
  its closing mark; one its writer never closes ends with its paragraph; a teaser's quotation cut by "…" is none.
"""

from __future__ import annotations

import pytest

from scoring.checks.attributed_quotes import find_quotations
from tests.factories import text_page

INTRO_DE = "Die Kanzlei berät Anleger, deren Beteiligungen von der Aufsicht untersagt wurden. " * 3


def _speakers(text: str, lang: str = "de") -> list[str | None]:
    return [q.speaker for q in find_quotations(text_page("/blog/urteil/", text, lang=lang))]


def test_a_quotation_that_cites_a_ruling_by_its_dotted_date_is_prose() -> None:
    text = (
        f"{INTRO_DE}\nRechtsanwältin Dr. Jana Roe hat die Verfügungen untersucht.\n"
        "Roe führt hierzu kurz aus: “Schon früher hob das Gericht solche Verfügungen auf (vgl. BVerwG, Urt. v. "
        "27.02.2008, 6 C 11.07). Wir erwarten hier dasselbe Ergebnis für unsere Mandanten.”\nMehr dazu bald."
    )
    assert _speakers(text) == ["Dr. Jana Roe"]


@pytest.mark.parametrize(
    ("quotation", "speakers"),
    [
        # announced, over a list of conditions, closed after the last one
        (
            "“Wer im eigenen Namen für fremde Rechnung handelt, braucht eine Erlaubnis, wenn:\n"
            "die Kunden die Zahl der Geschäfte vorgeben,\ndie Plattform im eigenen Namen auftritt.”",
            ["FINMA"],
        ),
        # announced and never closed: the paragraph is the quotation
        ("“Wir haben das Urteil erwartet, es ist dennoch milder ausgefallen als gedacht.", ["FINMA"]),
        # a teaser cut off inside the quotation
        ("“Wir haben das Urteil erwartet, es ist dennoch milder ...", []),
    ],
)
def test_a_quotation_announced_by_a_colon_may_run_over_paragraphs(quotation: str, speakers: list[str]) -> None:
    text = f"{INTRO_DE}\nDie FINMA führt in einem Merkblatt wie folgt aus:\n{quotation}\nWeitere Themen"
    assert [s for s in _speakers(text) if s] == speakers
