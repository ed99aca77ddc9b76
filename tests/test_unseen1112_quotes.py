"""Quotation speakers of the eleventh and twelfth unseen label sets (issue 13), on text of our own: an
office title before a name ("said Gov. Bevin"), a role apposition of several capitalised words ("Shannon
Derrick, Associate Director of the Aftercare Program, says"), and a pronoun after a name with its job
title ("Jim Gadlage, Water Therapy Volunteer … He shares") — the job title is nobody's name."""

from __future__ import annotations

import pytest

from scoring.checks.attributed_quotes import find_quotations
from tests.factories import text_page


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in find_quotations(text_page("/news/partnership/", text))]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Every child deserves a chance to grow up healthy and safe,” said Gov. Anna Miller.", "Gov. Anna Miller"),
        (
            "Sen. Tom Reyes visited the centre. “This work changes lives every single day,” said Sen. Reyes.",
            "Sen. Reyes",
        ),
        (
            "Lena Park, Associate Director of the Aftercare Program, says, “We found homes for many young adults.”",
            "Lena Park",
        ),
        (
            "April Volunteer of the Month: Jim Baker\nJim Baker, Water Therapy Volunteer\nJim has volunteered here "
            "since 1989 and still comes every week. He shares, “Some people ask why I volunteer without pay.”",
            "Jim Baker",
        ),
    ],
)
def test_titles_and_job_titles_around_a_speaker(text, speaker):
    assert _speakers(text) == [speaker]
