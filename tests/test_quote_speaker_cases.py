"""Who speaks, in two failure classes of the real-world corpus (text of our own): a pronoun stands for
the person the sentences before name by first name alone, not for another person named once in
passing; a blockquote signed by an unnamed person ("– An anonymous … employee") is not attributed
(docs/labelling.md: a quotation attributed to an unnamed person is not attributed)."""

from __future__ import annotations

from scoring.checks.attributed_quotes import find_quotations
from scoring.core.records import PageRecord, Quote

URL = "https://www.example-agency.example/blog/naming-lessons/"


def speakers(text: str, quotes: list[Quote] | None = None) -> list[str]:
    page = PageRecord(url=URL, status=200, content_type="text/html", main_text=text, quotes=quotes or [])
    return [q.speaker for q in find_quotations(page) if q.speaker]


def test_a_pronoun_stands_for_the_first_name_the_text_keeps_using() -> None:
    text = (
        "Naming lessons\n"
        "Greta, in fact, was far behind Tom Baxter a few years ago, but Greta never cared much about rankings. "
        "In her words: “I really could not care less. What matters is building things people love.” Since then, "
        "Greta Lindqvist still names every product herself."
    )
    assert speakers(text) == ["Greta Lindqvist"]


def test_an_unnamed_signature_under_a_blockquote_attributes_nothing() -> None:
    text = (
        "Feedback from students\n“The material was clear and the trainer answered every question.”\n"
        "– An anonymous clerk\n“Fun course, very clear and interesting!”\n– Jonte, QA"
    )
    quotes = [
        Quote(text="“The material was clear and the trainer answered every question.”", cite="An anonymous clerk"),
        Quote(text="“Fun course, very clear and interesting!”", cite="Jonte, QA"),
    ]
    assert speakers(text, quotes) == ["Jonte"]


def test_a_separated_german_speech_verb_before_the_colon() -> None:
    text = (
        "Wer die Speicher betreiben will, soll das tun; das Bundesinstitut, das eine Reihe von Regeln für die "
        "Überwachung aufgestellt hat, stellt jedenfalls trocken fest: „Bisher ist uns keine Studie bekannt, "
        "die diese Regeln in der Praxis bestätigt.“"
    )
    assert speakers(text) == ["Bundesinstitut"]


def test_a_public_body_after_a_statement_noun_speaks_in_the_genitive() -> None:
    text = (
        "Dem Minister fehlten wohl die Argumente der Umweltverbände (NABU) oder die Aussage des Bundesamtes für "
        "Wasserschutz (BfW) „Jede noch so kleine Belastung ist potentiell schädlich“ in diesem Moment."
    )
    assert speakers(text) == ["Bundesamt für Wasserschutz"]


def test_a_role_apposition_with_an_indefinite_article_is_not_the_speaker() -> None:
    text = (
        "Bikes for every school\nMara Quell, an Assistant Programme Officer at Ride Together, says:\n"
        "“Far too many children never learn to ride because there is no bike at home.”"
    )
    assert speakers(text) == ["Mara Quell"]
