"""Quotation speakers and statistics of the eleventh and twelfth unseen label sets (issue 13), on text of our own: an
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


# -- statistics of the same sets: worked examples, named rules, data tables, data-structure counts ---------


@pytest.mark.parametrize(
    "text",
    [
        "Beispiel: Liegt der Wiederbeschaffungswert bei 12.000 € und der Restwert bei 3.000 €, zahlt sie 9.000 €.",
        "Example: you have a lagging KPI of $250k in revenue but your sales cycle is 9 months.",
        "Die 130%-Regel greift nur, wenn die Reparatur fachgerecht durchgeführt wird.",
        "Ergebnis der Abfrage\n280.2945\n57.12098\n2023-12-29D09:04:41.721100000",
        "The result table will have 12 columns and 4744 rows, as the example shows.",
    ],
)
def test_worked_examples_named_rules_and_data_tables_are_no_statistics(text):
    from scoring.checks.statistics import page_statistics

    assert page_statistics(text_page("/ratgeber/beispiel/", text)) == []


def test_a_sourced_table_of_counts_keeps_its_figures():
    from scoring.checks.statistics import page_statistics

    text = "Studierende in Deutschland\n2.874.000\n2.912.000\nQuelle: Statistisches Bundesamt"
    assert page_statistics(text_page("/daten/studierende/", text))


@pytest.mark.parametrize("text", ["For an appointment call 502.596.1040 today.", "Call us at (502) 596-1040 any day."])
def test_north_american_phone_numbers_are_no_statistics(text):
    from scoring.checks.statistics import page_statistics

    assert page_statistics(text_page("/services/health/", text)) == []


# -- citations: the site's own product sites and a booking link ----------------------------------------


def test_a_product_the_sites_code_account_publishes_is_its_own_property():
    from scoring.site_identity import own_property, site_identity

    page = html_page_with_links(
        footer='<a href="https://github.com/beispiel-handwerk/heizrechner">GitHub</a>',
        text='Der <a href="https://www.heizrechner.io/docs/">Heizrechner</a> rechnet die Heizlast für jeden Raum.',
    )
    identity = site_identity(page)
    assert own_property("https://www.heizrechner.io/docs/", identity)
    assert not own_property("https://www.destatis.de/DE/Themen/", identity)


def test_a_booking_link_is_a_call_to_action():
    from scoring.checks.outbound_citations import judge_links

    link = '<a href="https://app.meetings.example.com/m/jo/quick">Setup a 1:1 call with me.</a>'
    page = html_page_with_links(text=f"Here is my calendar: {link}")
    assert [v.citation for v in judge_links(page)] == [False]


def html_page_with_links(text: str, footer: str = ""):
    from tests.factories import html_page

    return html_page(
        "blog/heizlast/",
        f"""<html><head><meta charset="utf-8"><title>Heizlast berechnen | Beispiel Handwerk</title></head><body>
        <main><h1>Heizlast berechnen</h1><p>Vor dem Einbau einer Wärmepumpe lohnt sich eine Berechnung. {text}</p>
        <p>Die Berechnung dauert pro Haus etwa eine Stunde und spart später viel Ärger beim Betrieb.</p></main>
        <footer>{footer}<p>© Beispiel Handwerk GmbH</p></footer></body></html>""",
    )


@pytest.mark.parametrize("path", ["page2/", "page5/", "blog/seite-3/"])
def test_jekyll_style_pagination_pages_are_listings(path):
    from scoring.pagetypes import classify
    from tests.factories import html_page

    teasers = "".join(
        f'<h2><a href="/2023/0{i}/0{i}/post-{i}.html">Post number {i}</a></h2><p>Published: Jan {i}, 2023</p>'
        f"<p>A short excerpt of post {i} about functional programming and data.</p>"
        for i in range(1, 5)
    )
    page = html_page(path, f'<html><head><meta charset="utf-8"><title>Blog</title></head><body>{teasers}</body></html>')
    assert classify(page).kind == "listing"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Das sagen meine Kunden\n„Schnelle Hilfe nach dem Unfall, alles gut erklärt.“\nFrancesco M.", "Francesco M."),
        ("Kundenstimmen\n“Fast, friendly and the report was ready in two days.”\n— Anna K., Hamburg", "Anna K."),
        ("Stimmen\n\"Nach dem Unfall hat er alles erledigt.\"\nFranz M. Gutachten — Stuttgart", "Franz M."),
    ],
)
def test_a_testimonial_signed_with_an_initial_is_attributed(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "According to Wikipedia, “a time-series database is a system optimised for data indexed by time”.",
        "According to the Wikipedia definition, “a monoid is a set with an associative operation and a unit”.",
    ],
)
def test_a_named_work_quoted_word_for_word_is_the_speaker(text):
    assert _speakers(text) == ["Wikipedia"]


def test_a_link_on_the_figure_itself_is_its_source():
    from scoring.checks.statistics import page_statistics
    from tests.factories import html_page

    page = html_page(
        "blog/trends/",
        """<html><head><meta charset="utf-8"><title>Trends</title></head><body><main><h1>Trends in data</h1>
        <p>Real-time analytics keeps growing. By now, nearly <a href="https://www.news.example.com/article/3693">two-thirds
        of organizations</a> agree that real-time data has become necessary for decisions.</p></main>
        </body></html>""",
    )
    assert [s.source for s in page_statistics(page)] == ["two-thirds of organizations"]


@pytest.mark.parametrize(
    ("path", "kind"),
    [("news/press-releases/", "listing"), ("pressemitteilungen/", "listing"), ("authors/jesus.html", "profile")],
)
def test_press_release_indexes_and_author_pages(path, kind):
    from scoring.pagetypes import classify
    from tests.factories import html_page

    page = html_page(
        path,
        """<html><head><meta charset="utf-8"><title>Jesus</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting",
        "headline":"Jesus","datePublished":"2024-02-01T10:00:00+01:00"}</script></head><body><main><h1>Jesus</h1>
        <p>Releases and posts of the year, with the documents to download as PDF files for the press.</p>
        </main></body></html>""",
    )
    assert classify(page).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "Die Option „Auszahlung statt Reparatur“ ist nicht in Ihrem Fall gleich sinnvoll, sagt die Versicherung.",
        "We never liked the phrase “move fast and break things” in our team, said Jane Porter.",
    ],
)
def test_a_quoted_term_after_the_noun_naming_it_is_no_quotation(text):
    assert _speakers(text) == []
