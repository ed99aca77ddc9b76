"""Failure classes found on real pages in the fourteenth stop, each in text of our own.

Quotes
- a quotation that cites a court ruling with its dotted date ("Urt. v. 27.02.2008") is prose, not code;
- a quotation announced by a colon and running over several paragraphs (a notice's list quoted whole) ends at
  its closing mark; one its writer never closes ends with its paragraph; a teaser's quotation cut by "…" is none.
- a document quoted with its page ("Im Koalitionsvertrag heißt es auf Seite 87: „…“") is the source.
- a testimonial card signed "Name Role Company" without a comma, under a date line: the name speaks.
- "said NLP founder and CEO Jana Roe": the person after an employer acronym that is also a technical term
  ("NLP", "UX") and lower-case roles speaks.
- a testimonial card that names its speaker above the quotation ("Luka P., Monteur" ¶ “…”) — not the role line
  of a card signed below in two lines, nor a post's byline.
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


def test_a_document_quoted_with_its_page_is_the_source() -> None:
    text = (
        f"{INTRO_DE}\n(1) Im Koalitionsvertrag von 2021 heißt es auf Seite 87: „Das Landesgesetz wird zu einem "
        "Transparenzgesetz nach dem Vorbild anderer Länder weiterentwickelt.“\nTeilen"
    )
    assert _speakers(text) == ["Koalitionsvertrag von 2021"]


def test_a_testimonial_card_signed_with_name_and_role_without_a_comma() -> None:
    text = (
        "Was unsere Kunden sagen\n“Der Umzug unserer Plattform verlief ohne einen einzigen Ausfall.”\nApril 2016\n"
        "Jana Roe Geschäftsleitung roe-textil.ch\n“Das Team setzt unsere Ideen in kürzester Zeit um.”\nMai 2016\n"
        "Tim Berger Stv. Leiter Digital Nordzeitung\n“Ich bin froh, einen so verlässlichen Partner zu haben.”\n"
        "Mai 2016\nEva Kunz Geschäftsleitung Kunz Auktionen\nKontakt So erreichen Sie uns"
    )
    assert _speakers(text) == ["Jana Roe", "Tim Berger", "Eva Kunz"]


def test_an_acronym_employer_before_lower_case_roles_and_the_name() -> None:
    text = (
        "Students struggle to tell news from opinion. Roe shows how NLP can help.\n"
        '"The Apple Literacy Project has worked with teachers for years on exactly this," said NLP founder and CEO '
        "Jana Roe.\nMore at our site."
    )
    assert _speakers(text, lang="en") == ["Jana Roe"]


@pytest.mark.parametrize(
    ("cards", "speakers"),
    [
        # named above the quotation, cards parted by a separator line
        (
            "|\nLuka P., Monteur\n“Ich habe als Monteur angefangen und leite heute ein Team.”\n|\n"
            "Mara O., Teamleiterin\n“Man lernt hier jeden Tag etwas Neues dazu!”\nJetzt bewerben",
            ["Luka P.", "Mara O."],
        ),
        # signed below in two lines (name, then role): the role line is not the next card's speaker
        (
            "“Ich habe als Monteur angefangen und leite heute ein Team.”\nLuka\nService Technician, Author\n"
            "“Man lernt hier jeden Tag etwas Neues dazu!”\nJetzt bewerben",
            [],
        ),
        # a post's byline above a quotation that opens its first sentence
        ("By Jess, posted 26/03/19\n“Out with the old and in with the new” is the mantra of the season.", []),
    ],
)
def test_a_testimonial_card_may_name_its_speaker_above_the_quotation(cards: str, speakers: list[str]) -> None:
    text = f"Das sagen unsere Mitarbeiter\n{cards}"
    assert [s for s in _speakers(text) if s] == speakers
