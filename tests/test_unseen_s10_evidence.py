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


def test_the_pages_own_author_quoting_a_figure_names_no_outside_source():
    from tests.factories import html_page

    html = (
        '<html lang="en"><body><main><h1>We joined the network</h1><p class="byline">By Dana Whitfield</p>'
        "<p>“Around 64% of the people in our region already live in towns, and the share keeps rising,” said Dana "
        "Whitfield, founder of Open Wires.</p><p>We look forward to the work ahead.</p></main></body></html>"
    )
    found = page_statistics(html_page("/news/network/", html))
    assert [(s.figures, s.source) for s in found] == [(("64%",), None)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Europe must act now. In the words of Maren Holt, Director-General of the Climate Office, “The crisis is "
            "the biggest test of our time and we must act together.”",
            "en",
        ),
        (
            "Europa muss handeln. In den Worten von Maren Holt, Leiterin des Klimaamts: „Die Krise ist die größte "
            "Prüfung unserer Zeit.“",
            "de",
        ),
    ],
)
def test_in_the_words_of_names_the_speaker(text, lang):
    assert [q.speaker for q in find_quotations(text_page("/blog/klima/", text, lang=lang))] == ["Maren Holt"]


# Requirements, plans and possibilities with a limit or a target year are no measurements (held-out 25, 27, 28);
# a reported range and a past change stay.
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


# Held-out 23 (a German SaaS product site): a question to the reader, a statute's "ist … zu <Verb>", the items
# of an offer card above its button, contract terms and a study's data basis are no statistics.
@pytest.mark.parametrize(
    "text",
    [
        "Ihr habt mehr als 300 Beschäftigte? Dann schreibt uns für ein eigenes Angebot.",
        "Haben Sie mehr als 40 Standorte? Wir beraten Sie gern.",
        "Die Schicht ist bei einer Dauer von mehr als acht Stunden durch Pausen von mindestens 40 Minuten zu "
        "unterbrechen.",
        "Unser Wartungspaket könnte zum Beispiel enthalten:\nAntwortzeit: 4h\n15 Supportanfragen\n"
        "Vertragsdauer von 24 Monaten\njetzt Angebot anfragen",
        "Es gilt eine Mindestabnahme von zehn aktiven Nutzern.",
        "Die Laufzeit beträgt 12 Monate.",
        "Eine Studie der Universität Beispielstadt, die auf Bewegungsdaten von mehr als 40.000 Beschäftigten "
        "basierte, wurde 2023 veröffentlicht.",
    ],
)
def test_reader_questions_rules_offer_cards_and_data_bases_are_no_statistics(text):
    assert _figures(text, "de") == []


def test_a_share_of_the_working_population_with_its_source_is_a_sourced_statistic():
    text = "Das Statistische Landesamt schätzt, dass ein Viertel aller Erwerbstätigen Angehörige pflegt."
    found = page_statistics(text_page("/blog/pflege/", text, lang="de"))
    assert [(s.figures, bool(s.source)) for s in found] == [(("ein Viertel aller Erwerbstätigen",), True)]


def test_a_paragraph_linked_as_a_whole_to_its_source_sources_each_of_its_figures():
    from tests.factories import html_page

    html = (
        '<html lang="de"><body><main><h1>Schichtplanung heute</h1><p>Viele Betriebe planen noch von Hand.</p>'
        '<p><a href="https://www.fachmagazin-beispiel.example/umfrage-schichtplanung">38% der Betriebe planen '
        "ihre Schichten noch auf Papier. 20% davon nutzen zusätzlich eine Tabelle. </a>Das kostet jede Woche viel "
        "Zeit, die an anderer Stelle fehlt.</p>"
        "<p>Wir zeigen, wie es einfacher geht.</p></main></body></html>"
    )
    found = page_statistics(html_page("/blog/schichtplanung/", html))
    assert [(s.figures, bool(s.source)) for s in found] == [(("38%",), True), (("20%",), True)]


def test_a_saying_signed_unknown_has_no_speaker():
    from tests.factories import html_page

    html = (
        '<html lang="de"><body><main><h1>Urlaub planen</h1><p>Gute Planung zahlt sich aus.</p>'
        "<blockquote><p>Wer rastet, der rostet nicht, sondern sammelt neue Kraft für die Arbeit.</p>"
        "<p>— Unbekannt</p></blockquote><p>So gelingt die Planung.</p></main></body></html>"
    )
    assert [q.speaker for q in find_quotations(html_page("/blog/urlaub/", html)) if q.speaker] == []


# Held-out 24–26 (a German climate alliance, an English engineering blog, an English non-profit's press releases).
@pytest.mark.parametrize(
    "text",
    [
        "Die nächste Wahlperiode entscheidet, ob wir die 1,5 °C-Grenze noch einhalten können.",
        "Klimaneutralität muss bis 2031 für das 1,5°- und bis 2046 für das 2°-Ziel erreicht sein.",
        "Die Bewerbung der Gemeinde auf das Landesprogramm „50 klimaneutrale Dörfer bis 2035“ wurde abgelehnt.",
    ],
)
def test_figures_inside_a_compound_or_a_quoted_title_are_names(text):
    assert _figures(text, "de") == []


def test_a_work_time_policy_named_by_its_share_is_no_statistic():
    assert _figures("As part of our 20% time two of us built a chat bot for the release team.") == []
    assert _figures("Only 20% of the time did the nightly build pass.") == ["20%"]


def test_a_plural_report_verb_names_the_sources_of_a_figure():
    text = (
        "Rund 80 Einsatzkräfte durchsuchten 12 Gebäude in drei Landkreisen, wie die Staatsanwaltschaft Musterstadt "
        "und das Landeskriminalamt mitteilten."
    )
    found = page_statistics(text_page("/news/einsatz/", text, lang="de"))
    assert found and all(s.source and "Landeskriminalamt" in s.source for s in found)


def _speakers(text: str, path: str = "/news/press-release/") -> list[str | None]:
    return [q.speaker for q in find_quotations(text_page(path, text, lang="en"))]


SPEAKER_CASES = [
    (  # the person after an organisation and a role speaks
        "The campaign ended on Friday.\n“Millions of people wrote to their representatives this week and they were "
        "heard,” said Open Wires Alliance Campaign Director Dana Whitfield. “This is only the start.”\n"
        "“The day showed how many people care about an open network,” said Net Commons Executive Director Omar Price.",
        ["Dana Whitfield", "Dana Whitfield", "Omar Price"],
    ),
    (  # "she added" continues the last named speaker, not the person the quotation talks about
        "Governor Miles Harding signed the bill on Monday. Miles Harding had called it overdue, and Miles Harding "
        "will now defend it.\n“Governor Harding promised to protect privacy, and he broke that promise within a "
        "month,” said Dana Whitfield, campaign director of Open Wires.\n“It is ironic that Governor Harding complains "
        "about his own privacy while signing this bill,” she added, “Governor Harding has misjudged his voters on "
        "this issue.”",
        ["Dana Whitfield", "Dana Whitfield", "Dana Whitfield"],
    ),
    (  # an apposition describing the speaker names no speaker
        "Today the regulator announced new rules. Dana Whitfield, co-founder of Open Wires, the digital rights group "
        "that organised the Cable Freeze protest, issued the following statement:\n“We will keep up the pressure "
        "until every detail of these rules is right, and we will celebrate when they are.”",
        ["Dana Whitfield"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKER_CASES, ids=["org-role-name", "she-added", "apposition"])
def test_press_release_speakers(text, expected):
    assert _speakers(text) == expected


def test_a_talk_heading_in_a_conference_report_credits_its_speaker():
    html = (
        '<html lang="en"><body><main><h1>Notes from DevDays 2024</h1><p>Two talks stood out this year.</p>'
        "<h3>Shipping Safely: What We Learned - Priya Raman, Harbour Labs - Slides</h3>"
        "<p>Priya presented her team's research on release practices. The result everybody tweeted was this:</p>"
        "<p>“Teams that deploy daily recover from failures four times faster than teams that deploy monthly”</p>"
        "<p>Far from the usual “this is how we do things here” sort-of talk, it was full of data.</p>"
        "</main></body></html>"
    )
    from tests.factories import html_page

    quotes = find_quotations(html_page("/blog/devdays-2024/", html))
    assert [(q.text[:5], q.speaker) for q in quotes] == [("Teams", "Priya Raman")]


def test_a_drop_cap_drawn_as_an_image_opens_its_word_and_the_publication_below_a_press_quote_speaks():
    from tests.factories import html_page

    html = (
        '<html lang="en"><body><main><h1>Open Wires</h1><p>We defend the open network.</p><h2>As covered by</h2>'
        '<ul class="press"><li><blockquote><p>The group behind the largest online protest of the year started in a '
        'small office in Leeds.</p></blockquote><p><a href="https://www.northern-daily.example/news/protest"><em>'
        '<img src="/letters/n.png" alt="N">orthern Daily</em></a></p></li></ul></main></body></html>'
    )
    page = html_page("/", html)
    assert page.main_text.endswith("\nNorthern Daily")
    assert [q.speaker for q in find_quotations(page)] == ["Northern Daily"]


def test_a_link_on_the_figure_sources_it_even_to_a_home_page():
    from tests.factories import html_page

    html = (
        '<html lang="en"><body><main><h1>Rallies today</h1><p>People gathered in the rain. Supporters met at city '
        'halls in <a href="https://www.open-wires-rallies.example/"><b>nearly 60 towns</b></a> today, Tuesday.</p>'
        "<p>More rallies follow next week.</p></main></body></html>"
    )
    found = page_statistics(html_page("/news/rallies/", html))
    assert [(s.figures, s.source) for s in found] == [(("60 towns",), "nearly 60 towns")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Können wir mit fünf Leuten gegenüber einer 40.000 Personen-Behörde etwas bewegen?", ["40.000 Personen"]),
        ("Glossar\n130 %\n130-Prozent-Regel\nDie 130-Prozent-Regel ist eine Ausnahme im Schadenrecht.", []),
    ],
)
def test_a_counted_noun_before_a_compound_stays_a_figure_and_a_glossary_heading_is_none(text, expected):
    assert _figures(text, "de") == expected


def test_two_quoted_sentences_in_a_row_are_one_statement_not_a_series():
    text = (
        'Die Messstelle stellt das selbst offen dar: "Bei dieser Stichprobe konnten alle Kunden teilnehmen, die von '
        'der Messung wussten." "Die Werte können deshalb von der Grundgesamtheit abweichen." Das ist ehrlich.'
    )
    quotes = find_quotations(text_page("/projekte/messung/", text, lang="de"))
    assert len(quotes) == 2


@pytest.mark.parametrize(
    "html",
    [
        "<p>„Die höchste Tagesmenge an Regen wurde in den letzten sechs Jahren gemessen.“, so im Bericht des "
        "Statistik-Amts.</p>",
        "<blockquote><p>Die höchste Tagesmenge an Regen wurde in den letzten sechs Jahren gemessen.</p></blockquote>"
        "<p>so im Bericht des Statistik-Amts</p>",
    ],
)
def test_a_report_named_after_so_is_the_source_of_a_quotation(html):
    from tests.factories import html_page

    page = html_page(
        "/post/regen/",
        f'<html lang="de"><body><main><h1>Regen</h1><p>Das Amt hat die Daten ausgewertet.</p>{html}'
        "<p>Weiter geht es mit dem Wind.</p></main></body></html>",
    )
    assert [q.speaker for q in find_quotations(page)] == ["Bericht des Statistik-Amts"]


_PRESS_PAGE = """<html lang="en"><body><main><h1>Press</h1><p>Members of the press can reach us by mail.</p>
<h2><a href="/campaigns/open-cables/">Open Cables</a></h2>
<p><a href="https://www.daily-wire-news.example/2024/03/cable-vote">A week that will decide the cable vote, with the
regulator at its centre</a> March 18, 2024. Daily Wire News</p>
<p><a href="https://www.tech-ledger.example/policy/rallies-planned">Activists plan rallies on Tuesday at dozens of
town halls</a> March 12, 2024. Tech Ledger</p>
<h2><a href="/blog/">From our blog</a></h2>
<p>Our tool <a href="https://code-host.example/open-wires/toolkit">toolkit</a> is a small helper we wrote for the
rallies and it sends letters for you.</p>
</main></body></html>"""


def test_a_press_review_on_a_listing_cites_its_headlines_but_not_links_inside_excerpts():
    from scoring.checks.outbound_citations import citation_links
    from tests.factories import html_page

    cited = [link.url for link in citation_links(html_page("/press/", _PRESS_PAGE))]
    assert cited == [
        "https://www.daily-wire-news.example/2024/03/cable-vote",
        "https://www.tech-ledger.example/policy/rallies-planned",
    ]


@pytest.mark.parametrize(
    ("url", "anchor"),
    [
        ("https://www.eventbrite.com/e/open-cables-meetup-1234", "Open Cables meetup"),
        ("https://www.rally-academy.example/community/meetups/5cf8b0ce0445b1/", "the meetup page"),
        ("http://short.example/2IZpIRr", "we are currently hiring engineers"),
        ("http://imgur.com/a/WxYz1", "photos of the evening"),
    ],
)
def test_event_sign_ups_and_job_adverts_are_no_citations(url, anchor):
    from scoring.checks.outbound_citations import citation_links
    from tests.factories import html_page

    html = (
        f'<html lang="en"><body><main><h1>Meetup recap</h1><p>Last week we met for a long evening of talks about '
        f'design systems in practice, see <a href="{url}">{anchor}</a> for the details of the evening.</p>'
        "</main></body></html>"
    )
    assert citation_links(html_page("/blog/2024/05/recap/", html)) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Our search has to return up to 3,000 results from one request to the index.", "en", []),
        ("Der Saal muss mindestens 250 Gäste fassen können.", "de", []),
        ("Bookings grew by up to 40% in the first month.", "en", ["40%"]),
        ("The regional government plans to put 90,000 electric buses on the road by 2045.", "en", []),
        ("Die Gemeinde plant, bis 2032 insgesamt 800 Wohnungen zu bauen.", "de", []),
        ("By 2050, an estimated 68% of the world's people will live in cities.", "en", ["68%"]),
        ("Bis 2023 wuchs die Zahl der Mitglieder auf 1.200.", "de", ["1.200"]),
        ("Die Antwort auf Anfragen kann bis zu 10 Tagen dauern.", "de", []),
        ("Einige Mitglieder wollen nach über 15 Jahren aktiver Mitarbeit kürzer treten.", "de", []),
        ("Heating costs can rise by up to 25% in winter, the survey found.", "en", ["25%"]),
    ],
)
def test_requirements_plans_and_possibilities_are_no_measurements(text, lang, expected):
    assert _figures(text, lang) == expected
