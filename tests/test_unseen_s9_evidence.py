"""Quote and statistics classes found on the ninth stop's unseen sets (held-out 18–20), each in text of our own.

- An author-year reference after a quotation names the quoted work: „…“ (Berg und Lind 2019, S. 12).
- Markdown footnotes: a figure's trailing marker ("… betreibt.1 2") points into the footnote entries, which the
  text shows without numbers, each ending with its link back ("↩︎").
- Electrical ratings (kV, Hz), the ends of a scale (0 % to 100 %) and the figures of a German verb-first condition
  ("Sind die Geräte verbunden, sinkt der Preis um 30 %") are no statistics.
- "we interviewed … in Lisbon and recorded 12 hours": the verb after "and" has no subject before it.
- A blockquote that holds one link only presents a document, it quotes nobody.
"""

from __future__ import annotations

import pytest

from scoring.checks.attributed_quotes import find_quotations
from scoring.checks.statistics import page_statistics
from tests.factories import html_page, text_page


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Die Aufgabe sei, den Alltag „gemeinsam zu ordnen und Schritt für Schritt zu planen“ (Berg 2016, 105).",
            "Berg",
        ),
        (
            "Wichtig ist die Struktur: „Ein fester Tagesablauf gibt Halt und schafft Raum für Neues.“ "
            "(Berg und Lind 2020, S. 191f.)",
            "Berg und Lind",
        ),
        (
            "Care is described as “the work of keeping a day in order for others” (Smith & Jones, 2019, p. 4).",
            "Smith & Jones",
        ),
    ],
)
def test_an_author_year_reference_after_a_quotation_names_its_speaker(text, speaker):
    assert [q.speaker for q in find_quotations(text_page("/fachartikel/alltag/", text))] == [speaker]


_FOOTNOTED = """<html lang="de"><body><main><article>
<h1>Wer betreibt das Wärmenetz?</h1>
<p>In Musterland betreibt der Netzverbund rund 5400 km Leitungen.<sup id="fnref:1"><a href="#fn:1">1</a></sup>
<sup id="fnref:2"><a href="#fn:2">2</a></sup> Die Leitungen versorgen Städte und Dörfer.</p>
<p>Die Leitungen sind gut gedämmt und werden jedes Jahr geprüft.</p>
<div class="footnotes"><ol>
<li id="fn:1"><p><a href="https://www.netzagentur.example.org/netze/waerme">Wärmenetze in Musterland
(netzagentur.example.org)</a>&#160;<a href="#fnref:1">↩︎</a></p></li>
<li id="fn:2"><p><a href="https://www.verbund.example.com/ueber-uns/netz">Unser Netz (verbund.example.com)</a>&#160;
<a href="#fnref:2">↩︎</a></p></li>
</ol></div>
</article></main></body></html>"""


def test_a_figure_with_a_trailing_marker_into_markdown_footnotes_is_sourced():
    found = page_statistics(html_page("/wissen/waermenetz/", _FOOTNOTED))
    assert [(s.figures, s.source) for s in found] == [(("5400 km",), "footnote 1")]


@pytest.mark.parametrize(
    "text",
    [
        "Die Hochspannungsebene führt Leitungen mit Spannungen von 110 kV und 220 kV.",
        "Kleine Anlagen speisen in das Ortsnetz ein, das mit 400 bis 230 V betrieben wird.",
        "Der Betreiber hält die Netzfrequenz von 50 Hertz in seinem Gebiet stabil.",
        "Die Werte liegen zwischen 0 % und 100 %, wobei 100 % volle Verfügbarkeit bedeutet.",
        "Ortsnetz: Sind die Geräte über dieselbe Leitung verbunden, sinkt der Preis für die Nutzung um 30 %.",
        "Ist eine zweite Leitung nötig, beträgt die Ermäßigung 12 %.",
    ],
)
def test_ratings_scales_and_verb_first_conditions_are_no_statistics(text):
    assert page_statistics(text_page("/wissen/netz/", text)) == []


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Sind wir ehrlich: Im Jahr 2024 sank der Verbrauch der Haushalte um 30 %.", [("30 %",)]),
        ("Der Verbund betreibt rund 7000 km Leitungen in 40 Gemeinden.", [("7000 km", "40 Gemeinden")]),
    ],
)
def test_facts_beside_those_rules_stay_statistics(text, figures):
    assert [s.figures for s in page_statistics(text_page("/wissen/netz/", text))] == figures


def test_a_verb_after_and_takes_no_name_before_it_as_its_source():
    text = "That week we visited 14 schools in Lisbon, Porto and Braga and recorded 300 lunches served to pupils."
    assert [s.source for s in page_statistics(text_page("/news/visit/", text, lang="en"))] == [None]


_DOCUMENT_CARD = """<html lang="de"><body><main><article>
<h1>Bericht zur Versorgungssicherheit 2024</h1>
<p>Der Bericht fasst die Lage der Versorgung in Europa zusammen.</p>
<figure><p>Originaldokument</p><blockquote><a href="https://www.agentur.example.eu/berichte/versorgung-2024.pdf">
Versorgungssicherheit in Europa - Monitoring-Bericht 2024</a></blockquote>
<figcaption>— Agentur für Netze, im Dezember 2024</figcaption></figure>
<blockquote><p>Wir brauchen mehr Speicher und flexible Netze in allen Ländern.</p></blockquote>
<figcaption>— Jana Beispiel, Agentur für Netze</figcaption>
</article></main></body></html>"""


def test_a_blockquote_of_one_link_presents_a_document_and_quotes_nobody():
    quotes = find_quotations(html_page("/literatur/bericht/", _DOCUMENT_CARD))
    assert [q.speaker for q in quotes] == ["Jana Beispiel"]


# -- held-out 21 (measured on the near-final code): a name alone before the colon, signatures in the paragraph ---

_SIGNED_BLOCKQUOTES = """<html lang="de"><body><main><h1>Die Stiftung</h1>
<p>Die Stiftung zeigt Bilder und Glasfenster des Malers in seinem früheren Atelier.</p>
<blockquote><p>„ein Mensch ist frei, wenn er träumt, und gebunden, wenn er rechnet“ - Novalis</p></blockquote>
<blockquote><p>“Wer ihm begegnet, trifft einen Menschen, der in ungewöhnlicher Weise erfüllt ist von seiner Arbeit.”<br>
Dr. Jana Beispiel, Augsburg 1984</p></blockquote>
<blockquote><p>„Das bleibt ein Zitat ohne Namen, lang genug für eines.“ Und dann geht der Text einfach weiter,
wie er will, ohne dass jemand ihn am Ende unterschreibt oder ein Name folgt.</p></blockquote>
</main></body></html>"""


def test_a_blockquote_signed_after_its_closing_mark_names_its_speaker():
    quotes = find_quotations(html_page("/", _SIGNED_BLOCKQUOTES))
    assert [q.speaker for q in quotes] == ["Novalis", "Dr. Jana Beispiel", None]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Festkonzert mit Max Muster\nMax Muster: “Für mich war die neue Aufnahme wie die Besteigung eines hohen "
            "Berges, das Leben wandelt sich dadurch.”",
            "Max Muster",
        ),
        ("Max Muster: “Für mich war die neue Aufnahme wie die Besteigung eines hohen Berges.”", None),
        ("Key Takeaways: “Everyone should have a say in how the town spends its money next year.”", None),
    ],
)
def test_a_name_alone_before_the_colon_speaks_when_the_page_names_the_person_again(text, speaker):
    assert [q.speaker for q in find_quotations(text_page("/konzert/", text))] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Werkheft 2: Der Kreuzweg, September 2001, 50 Seiten, 24 Farbseiten, 10 €",
        "Hauptkatalog über Künstler und Werk mit ca. 50 Farbseiten, 1995, 20 € vergriffen",
        "Auf der Umgehungsstraße ca. 500 m bleiben, bis links eine kleine Straße abzweigt.",
        "Sonntag, 19. Mai: 10 – 12 Ausstellungsbesuch bei freiem Eintritt, 15 Uhr Führung durch das Haus.",
        "Nächster Termin: Freitag, 25. Januar, 17 Uhr, Unkostenbeitrag 5 €",
    ],
)
def test_catalogue_rows_directions_programme_hours_and_fees_are_no_statistics(text):
    assert page_statistics(text_page("/kataloge/", text)) == []


def test_a_sold_out_count_of_visitors_stays_a_statistic_beside_those_rules():
    text = "Im Jahr 2024 kamen über 3000 Besucher in die Ausstellung, 15 % mehr als im Jahr davor."
    assert [s.figures for s in page_statistics(text_page("/verein/", text))] == [("3000 Besucher", "15 %")]


def test_a_quoted_term_with_its_reference_is_a_term_not_a_quotation():
    text = "Man spricht von einer „zweiten digitalen Kluft“ (Berg 2022) und meint den Gebrauch, nicht den Zugang."
    assert [q.speaker for q in find_quotations(text_page("/fachartikel/kluft/", text))] == [None]
