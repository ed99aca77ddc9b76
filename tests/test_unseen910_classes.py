"""Failure classes of the ninth and tenth unseen label sets (issues 12 and 13), each on text or a page of
our own: a press release's month-only dateline ("Hamburg, im November 2011"), the speaker followed by
"von der Agentur X", a split speech verb with a role before the name ("fasst PR-Profi X zusammen"), a
header slogan in quotation marks over an article titled by an H2, and prices and product specs in price
lists (cents written out, "(ca. 20 €)" after a model name).
"""

from __future__ import annotations

import pytest

from scoring.checks.attributed_quotes import find_quotations
from scoring.checks.statistics import page_statistics
from spiders.document import parse_html
from spiders.extract_evidence import _date_line, extract_visible_date, header_window
from tests.factories import html_page, text_page

RELEASE = """<html><head><meta charset="utf-8"><title>Werkstatt Nord – Neue Räume</title></head><body>
<div id="kopf"><p>„Wer aufhört, besser zu werden, hat aufgehört, gut zu sein.”</p></div>
<div id="inhalt"><h2>Neue Räume am Hafen</h2>
<p><em>Bremen, im März 2019</em></p>
<p>Nach fünfzehn Jahren ist die Werkstatt Nord in größere Räume am Hafen gezogen. „Wir brauchen Platz für
die Ausbildung und für die neuen Maschinen“, sagt Jana Albers von der Agentur Nordlicht in Bremen.
Die Umbauten haben ein halbes Jahr gedauert.</p>
<p>„Ein guter Standort ersetzt keine gute Arbeit, aber er hilft ihr sehr“, fasst Kommunikationsprofi Jana
Albers zusammen.</p></div>
<div id="fuss"><p>Werkstatt Nord GmbH · Am Hafen 4 · 28195 Bremen</p></div>
</body></html>"""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Hamburg, im November 2011", "2011-11-01"),
        ("LONDON, March 2019", "2019-03-01"),
        ("Frankfurt am Main, im Mai 2020", "2020-05-01"),
        ("December 2017", None),  # an archive's month heading: no place, no dateline
        ("Wir sind seit Mai 2011 da, im November 2011 kam der Umzug", None),  # running text
    ],
)
def test_a_month_only_dateline_dates_a_press_release(line, expected):
    found = _date_line(line)
    assert (found[0] if found else None) == expected


def test_the_dateline_under_an_h2_title_is_the_pages_date():
    tree = parse_html(RELEASE.encode())
    assert extract_visible_date(tree, header_window(tree))[0] == "2019-03-01"


def test_speakers_of_a_press_release_with_employer_role_and_slogan():
    quotes = find_quotations(html_page("aktuelles/neue-raeume.html", RELEASE))
    speakers = {q.text.split()[0]: q.speaker for q in quotes}
    assert speakers["Wir"] == "Jana Albers"  # not "Nordlicht": the employer after "von der Agentur"
    assert speakers["Ein"] == "Jana Albers"  # "fasst Kommunikationsprofi … zusammen"
    assert speakers["Wer"] is None  # the header slogan is not signed by the article's title


def test_a_testimonial_signed_by_a_name_heading_keeps_its_speaker():
    page = html_page(
        "kunden/",
        """<html><head><meta charset="utf-8"><title>Kunden</title></head><body><main><h1>Unsere Kunden</h1>
        <blockquote><p>„Die Zusammenarbeit war schnell, klar und immer freundlich.“</p></blockquote>
        <h4>Marta Kowalski</h4><p>Leiterin Marketing, Beispiel AG</p></main></body></html>""",
    )
    assert [q.speaker for q in find_quotations(page)] == ["Marta Kowalski"]


@pytest.mark.parametrize(
    "text",
    [
        "Preise\nPressemitteilung: € 500,00 - € 1.200,00 (inkl. Verteiler)\n"
        "€ 2.300,00 (klein/lokal) € 3.700,00 (regional)",
        "Empfohlene Router\nGL.INET GL-AR150 (ca. 20 €)\nNETGEAR R6120 - AC1200 (ca. 37 €)\n"
        "Ubiquiti Powerbeam (bis ca. 10 km)",
    ],
)
def test_price_lists_and_product_specs_are_no_statistics(text):
    assert page_statistics(text_page("/mitmachen/", text)) == []


def test_a_market_figure_with_decimals_stays_a_statistic():
    text = "Der Umsatz der Branche stieg 2024 auf 1.200,5 Mio. € laut Statistischem Bundesamt."
    page = text_page("/blog/markt/", text)
    assert [s.figures for s in page_statistics(page)] == [("1.200,5 Mio.",)]


def _teaser(day: int, slug: str, title: str, text: str) -> str:
    return f"""<article><time datetime="2024-03-{day:02d}">{day}. März 2024</time>
    <h2><a href="/blog/2024/03/{day:02d}/{slug}/">{title}</a></h2><p>{text}</p></article>"""


def test_links_in_a_listings_teasers_are_the_posts_citations_not_the_listings():
    from scoring.checks.outbound_citations import judge_links

    teasers = "".join(
        _teaser(day, f"beitrag-{day}", f"Beitrag Nummer {day} aus dem Archiv", text)
        for day, text in [
            (4, 'Auf dem <a href="https://barcamp.example.org/2024/">Barcamp Nord 2024</a> halten wir eine Session.'),
            (11, 'Wie im <a href="https://slides.example.net/v/">Vortrag zur Lage</a> angekündigt, übersetzen wir.'),
            (18, "Das Team hat die erste Fassung des neuen Leitfadens fertig und lädt zum Lesen ein."),
            (25, "Im Frühjahr treffen wir uns wieder in Hamburg und planen die nächsten Schritte."),
        ]
    )
    page = html_page(
        "blog/archive/2024/",
        f"""<html><head><meta charset="utf-8"><title>Archiv 2024</title></head><body><main><h1>2024</h1>
        {teasers}</main></body></html>""",
    )
    verdicts = judge_links(page)
    assert verdicts and not any(v.citation for v in verdicts)


@pytest.mark.parametrize("path", ["de/0-about/", "02_ueber-uns/", "about/"])
def test_a_numbered_section_folder_is_read_without_its_number(path):
    from scoring.pagetypes import classify

    page = html_page(
        path,
        """<html><head><meta charset="utf-8"><title>Lernpfade</title></head><body><main><h1>Lernpfade</h1>
        <p>Lernpfade helfen beim selbstorganisierten Lernen, allein oder in kleinen Gruppen, in zwölf Wochen.
        Jeder Pfad hat ein Grundlagen-Kapitel und Übungen für jede Woche.</p></main></body></html>""",
    )
    assert classify(page).kind == "about"


def test_the_site_name_first_in_the_title_names_no_offer_of_the_page():
    from scoring.page_structure import title_head
    from scoring.pagetypes import classify

    page = html_page(
        "wir-koennen-ueber-alles-reden.html",
        """<html><head><meta charset="utf-8"><title>Nordlicht Consulting GmbH - Über alles reden</title></head>
        <body><div id="inhalt"><h2>Über alles reden</h2><p>Wer mit Menschen spricht, muss zuhören können. Viele
        Unternehmen vergessen das, sobald sie in sozialen Netzwerken unterwegs sind, und senden nur noch.
        Gute Kommunikation beginnt mit Fragen und mit Geduld für die Antworten.</p></div></body></html>""",
    )
    assert title_head(page) == "Über alles reden"
    assert classify(page).kind != "service"  # "Consulting" is the site's name, not the page's offer


def test_a_cards_footer_div_does_not_end_the_main_text_before_the_pages_footer():
    from spiders.extract import extract_main_text

    card = """<div class="card"><h4 class="card-title">{name}</h4><p>{bio}</p>
    <div class="footer"><a href="https://social.example/{slug}"><i class="icon"></i></a></div></div>"""
    html = f"""<html><head><meta charset="utf-8"><title>Beispiel Beratung</title></head><body>
    <nav><a href="/">Start</a></nav><div class="main"><h1>Beratung für Behörden</h1>
    <p>Wir begleiten Verwaltungen bei der Einführung digitaler Rechnungen und offener Schnittstellen.</p>
    <h2>Unser Team</h2>
    {card.format(name="Mara Lind", bio="Mara leitet Projekte seit zwanzig Jahren.", slug="mara")}
    {card.format(name="Tom Berg", bio="Tom berät zu Schnittstellen und Datenschutz.", slug="tom")}
    <h2>Das sagen unsere Kunden</h2><p>"Die Einführung lief ohne Ausfall, das Team war immer erreichbar."</p>
    <h4>Eva Koch</h4></div><footer class="footer"><p>© Beispiel Beratung GmbH</p></footer></body></html>"""
    text = extract_main_text(parse_html(html.encode()))
    assert "Tom berät" in text and "Eva Koch" in text  # both cards and the testimonial after them
    assert "© Beispiel" not in text  # the page's own footer still ends the text


@pytest.mark.parametrize(
    "text",
    [
        'Ich arbeite nach Ethan Mollick\'s Motto "Always put AI at the table" jeden Tag mit einem Assistenten.',
        "We kept to Jane Porter's motto: “Measure twice, cut once, ship on Friday.”",
    ],
)
def test_a_persons_motto_names_its_speaker(text):
    quotes = find_quotations(text_page("/blog/ki-tools/", text))
    assert [q.speaker for q in quotes] in (["Ethan Mollick"], ["Jane Porter"])


@pytest.mark.parametrize(
    "text",
    [
        "Hört euch in eurem Netzwerk um und bildet Lerngruppen von 4-5 Personen für den Kurs.",
        "Die Lernpfade sind so ausgelegt, dass sie in 12 Wochen mit ca. 2 Stunden pro Woche gemeistert werden.",
        "The course is designed to take 12 weeks at about 2 hours a week.",
    ],
)
def test_plans_and_informal_instructions_are_no_statistics(text):
    assert page_statistics(text_page("/blog/kurs/", text)) == []


def test_a_sum_with_cents_in_a_sentence_stays_a_statistic():
    text = "Den Spieler „Mister X“ hat es mit einem Gesamtschaden von 3.971,00 $ laut der Bannliste schwer getroffen."
    assert [s.figures for s in page_statistics(text_page("/news/bans/", text))] == [("3.971,00 $",)]
