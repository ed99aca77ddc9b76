"""Evidence classes of held-out 29-33 (a transparency non-profit, a referendum alliance), in text of our own.

- A statement quoted over several paragraphs: each paragraph opens the mark and only the last closes it
  (“… ¶ “… ¶ “…”); the speaker named on the line before ("X said:") speaks all of it.
- A document quoted word for word, named before its words: "Im Koalitionsvertrag … steht: „…“", "The wording
  of the agreement reached today reads: “…”".
"""

from __future__ import annotations

import pytest

from scoring.checks.attributed_quotes import find_quotations
from scoring.checks.statistics import page_statistics
from scoring.quote_marks import quotation_spans
from tests.factories import html_page, text_page


def _speakers(text: str, lang: str = "en", path: str = "/news/statement/") -> list[str | None]:
    return [q.speaker for q in find_quotations(text_page(path, text, lang=lang))]


LONG_STATEMENT = "\n".join(
    [
        "The council met on Tuesday to agree the new rules for the harbour register.",
        "Speaking for the fishing cooperative, Dr. Maren Holt said:",
        "“Every boat that lands fish here will have to say who owns it. That is what the harbour needed for years, "
        "and it will make trade with the cooperative simpler for every buyer.",
        "“We will help the council to build the register so that anyone can read it, free of charge.”",
        "The register opens next spring.",
    ]
)


def test_a_statement_over_several_paragraphs_is_the_speakers_from_the_first_paragraph_on():
    assert [inner[:20] for _, _, inner in quotation_spans(LONG_STATEMENT)] == [
        "Every boat that land",
        "We will help the cou",
    ]
    assert _speakers(LONG_STATEMENT) == ["Dr. Maren Holt", "Dr. Maren Holt"]


def test_a_paragraph_opening_a_mark_it_never_closes_alone_is_no_quotation():
    text = "Intro line.\n“A stray mark opens this paragraph and nothing closes it\nThe next paragraph is plain."
    assert quotation_spans(text) == []


@pytest.mark.parametrize(
    ("text", "lang", "speaker"),
    [
        (
            "Die Partei hat ihre Pläne vorgelegt. Im Koalitionsvertrag von SPD und Grünen für 2024-2029 steht: "
            "„Die Koalition wird im ersten Jahr ein Gesetz für offene Daten vorlegen.“",
            "de",
            "Koalitionsvertrag von SPD und Grünen",
        ),
        (
            "Member states met today. The wording of the agreement reached today reads: “a register that gives the "
            "public access to who owns every company in the union.”",
            "en",
            "agreement reached today",
        ),
    ],
)
def test_a_document_named_before_its_words_is_the_source_of_the_quotation(text: str, lang: str, speaker: str):
    found = _speakers(text, lang)
    assert len(found) == 1 and found[0] and found[0].startswith(speaker)


def _figures(text: str, lang: str = "en", path: str = "/blog/post/") -> list[tuple[str, ...]]:
    return [s.figures for s in page_statistics(text_page(path, text, lang=lang))]


def _sources(text: str, lang: str = "en") -> list[str | None]:
    return [s.source for s in page_statistics(text_page("/blog/post/", text, lang=lang))]


@pytest.mark.parametrize(
    "text",
    [
        "Ship 40x faster",  # a product's promise in the imperative
        "Our platform gives you the tools to design, test and launch forms 12x faster.",
        "Build your next booking page 60% faster, and with no code at all.",
        "Erstellen Sie Angebote 3-mal schneller als mit Tabellen.",
        "£42,000 - £51,000 | Leeds, West Yorkshire",  # a job advert's salary line
        "To find the best editor for you, we tested over 30 open-source editors and picked five.",  # the test's sample
        "So we expect to be able to handle ~40 writes per second into a single table.",  # a design target
    ],
)
def test_promises_salaries_and_a_reviews_own_sample_are_no_statistics(text: str):
    assert _figures(text) == []


def test_a_speedup_measured_by_someone_is_still_a_statistic():
    assert _figures("Teams that test every change ship 2x faster, the yearly delivery survey found.") != []


def test_customers_named_as_examples_are_no_source():
    html = """<html lang="en"><body><main><article><h1>We are hiring</h1><p>So far we have received over 12,000
signups from the likes of <a href="https://northwind.example/">Northwind</a>, <a href="https://contoso.example/">Contoso</a>
and <a href="https://fabrikam.example/">Fabrikam</a>.</p></article></main></body></html>"""
    found = page_statistics(html_page("/careers/engineer/", html))
    assert [(s.figures, s.source) for s in found] == [(("12,000",), None)]
    # a well-known research firm among them is a customer too
    text = "To date we have over 9,000 signups from the likes of Acme, Deloitte, KPMG and others."
    assert [(s.figures, s.source) for s in page_statistics(text_page("/careers/x/", text, lang="en"))] == [
        (("9,000",), None)
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # "laut" with an adjective and a generic noun names no one
        ("Der Nutzen offener Daten liegt laut einschlägigen Studien allein für die Stadt bei 20 Millionen Euro.", "de"),
    ],
)
def test_figures_without_a_named_source(text: str, lang: str):
    assert _sources(text, lang) == [None]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Laut aktuellem Jahresbericht der Deutschen Bahn fuhren 64 % der Fernzüge pünktlich.", "de"),
        ("The 2023 Destatis report shows 40% growth in rooftop solar.", "en"),
    ],
)
def test_named_sources_stay_sources(text: str, lang: str):
    assert _sources(text, lang)[0] is not None


GERMAN_SPEAKER_CASES = [
    (  # a separable speech verb, its particle before the colon
        "Rechtsanwältin Dr. Lena Brandt hat die Verträge geprüft.\nBrandt führt hierzu kurz aus: „Es scheint schon "
        "fraglich, ob hier überhaupt ein Geschäft für fremde Rechnung vorliegt.“",
        "Dr. Lena Brandt",
    ),
    (  # the same verb on the line before the quotation
        "Die BaFin führt in einem Merkblatt auf ihrer Webseite wie folgt aus:\n„Wer im eigenen Namen für fremde "
        "Rechnung Anteile kauft und verkauft, betreibt ein Geschäft, das einer Erlaubnis bedarf.“",
        "BaFin",
    ),
    (  # a lawyer's title with its field before the name
        "„Wir werden die Entwicklung weiter beobachten und die nächsten Schritte einleiten.“, so Rechtsanwalt und "
        "Fachanwalt für Bank- und Kapitalmarktrecht Jonas Peter Keller, Experte für Immobilienrecht in der Kanzlei.",
        "Jonas Peter Keller",
    ),
    (
        "„Die Therapie hilft den meisten Betroffenen schon nach wenigen Wochen“, sagt Fachärztin für Innere Medizin "
        "Dr. Jana Roth.",
        "Dr. Jana Roth",
    ),
    (  # a document quoted word for word
        "In der Begründung zum Gesetzesentwurf vom 09.05.2018 heißt es wörtlich: „Gerade wenn der Nachteil im "
        "Einzelfall gering ist, werden Ansprüche selten verfolgt.“",
        "Begründung zum Gesetzesentwurf vom 09.05.2018",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), GERMAN_SPEAKER_CASES)
def test_german_attributions_of_held_out_33(text: str, speaker: str):
    assert _speakers(text, "de", "/blog/beitrag/") == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # a requirement whose modal stands far before its limit, or across a comma
        "Nach dem neuen Gesetz muss eine klagebefugte Stelle die Ansprüche von mindestens 10 Betroffenen vortragen.",
        "Dabei müssen sich innerhalb von zwei Monaten, mindestens 50 Verbraucher im Register eintragen.",
    ],
)
def test_requirements_far_from_their_modal_are_no_statistics(text: str):
    assert _figures(text, "de") == []


def test_a_measured_minimum_without_a_modal_stays_a_statistic():
    assert _figures("Die Zahl der Anleger stieg 2023 um mindestens 20 Prozent, wie die Behörde mitteilte.", "de")


def test_a_quotations_speaker_sources_only_the_quoted_figures():
    text = (
        "„Wir wollten Transparenz über unsere Kosten schaffen und Einsparungen finden“, erklärt Jana Roth, Einkäuferin "
        "bei der Beispiel Bremsen GmbH. Der Hersteller mit einem Umsatz von 5,2 Milliarden Euro ist heute an über 100 "
        "Standorten vertreten."
    )
    found = page_statistics(text_page("/referenzen/bremsen/", text, lang="de"))
    assert found and all(s.source is None for s in found)
    quoted = "„Wir haben die Kosten um 12 Prozent gesenkt“, erklärt Jana Roth, Einkäuferin bei der Beispiel GmbH."
    assert [s.source is not None for s in page_statistics(text_page("/referenzen/b/", quoted, lang="de"))] == [True]


def test_an_interviews_turn_label_is_no_source():
    html = """<html lang="de"><body><main><article><h1>Daten sind der Rohstoff des Einkaufs</h1>
<p>Erschienen in <a href="https://www.einkaufsmagazin.example/2023/09/interview-daten">Einkauf heute</a>,
Ausgabe 2023/09.</p>
<p>Einkauf heute: Weil Sie von Daten reden: Ihre Software bietet schon im Standard 400 Kennzahlen. Wozu so viele?</p>
<p>Müller: Weil jeder Einkauf anders steuert.</p></article></main></body></html>"""
    found = page_statistics(html_page("/interview-daten/", html))
    assert [(s.figures, s.source) for s in found] == [(("400 Kennzahlen",), None)]
