"""Failure classes of statistics and their sources found on real pages in the fifteenth stop, each in text of
our own.

Sources
- a link right after "our"/"unsere" is the writer's own thing; a link that is one item of a list of names, or the
  term a dash describes ("Adobe Connect – auch für größere Gruppen geeignet"), names no source; a log-in link is a
  call to action;
- "for a reported €14 million", "an estimated 5,000": a hedge names no one;
- "We have found that approximately 10 % …" is the writer's own data, a source;
- an address written out after the figures ("… 40-50 relays. https://trac.example.org/ticket/6443") and a "hier"
  link after "die Rohdaten finden sich" name the source.

Statistics
- a North American phone number ending the sentence ("call 502.596.1040."), a bit width ("64 bit versions") and
  what a competitor charges ("charges $0.0079 for inbound messages") are no statistics;
- an event or a hire still to come ("we'll gather 150 product thinkers", "30 schools will take part", "looking to
  hire up to 25 new staff") is a plan, not a count;
- what a tool is made for ("für kleinere Gruppen unter 10 Leute"), a goal ("1,5 Grad-gerechte Politik") and a
  requirement with "notwendig" are no statistics; the size of a thing is one ("in 11 km tiefer Tiefsee", "einen
  600 m² großen Hanggarten": our own labelled set counts it);
- on a donation page the amounts asked ("Schon 10 € helfen uns sehr!") are no statistics; the cost of what the
  money is for is one.
- who names a source: "Prof. X erwartet …", "Nach Ansicht der Verbraucherzentrale …", "Der 2024 Monitoring Bericht
  zeigt …", "derives from work by X"; not a person after a verb of showing ("zeigte Erich X den Weg"), a
  nationality ("a French entrepreneur … he said") nor the reader's own data ("derived from your analysis");
  a reference list's entry and a term of office ("für 2 Jahre gewählt") hold no statistic.

Quotes
- the person an introducing line ends with ("…, Herrn Michael X:") speaks the quotation under it;
- an embedded tweet signed after its text ("&mdash; Name (@handle) date") is that account's;
- a blockquote's speaker in the markup around it: a <cite> right after it (a testimonial card), Bootstrap's closing
  <small>, a pull quote's attribution paragraph (<p class="pullquote"> + <p class="attribution">); a quotation with
  inline emphasis ("<em>guru</em>.") is found once.

First run on held-out 54–57 (classes found there)
- Elementor wraps every block of a page in "elementor-widget-container": no sidebar widget, the page's own (its
  bylines, its testimonial carousel);
- a vehicle class by weight ("LKW ab 7,5 Tonnen"), a numbered section's heading ("6.1 Anonymous Data Collection"),
  what an offer credits ("5 Cent werden gutgeschrieben"), a norm ("In der
  Regel …", "Typical projects run …") and a pricing page's service times ("72 hrs") are no statistics;
- "Published by: LinkedIn<br>Author: Name": the author line of the box names the writer;
- a letter signed by a name over its club's line ("… e. V.") and followed by where to download it is signed by the
  name; a closing line ("Vielen Dank für Ihre Unterstützung!") names no one;
- "our <a>YouTube channel</a>" is the site's own, "head over here and get in touch" a call to action, "<a>X
  homepage</a>" an organisation's home (a bare "website" may be a source's page).

Citations
- "Case Study: <a>Client</a>" is a heading, not a source label; a partner named as such ("a partnership between X
  and <a>Y</a>"), "To explore …, visit <URL>", another service's privacy policy named by its owner ("the Mollom
  privacy policy") and an advertising opt-out are no citations.
"""

from __future__ import annotations

import pytest

from scoring.checks.attributed_quotes import find_quotations
from scoring.checks.outbound_citations import judge_links
from scoring.checks.statistics import page_statistics
from spiders.document import parse_html
from spiders.extract_byline import extract_bylines
from tests.factories import html_page, text_page

INTRO_DE = "Der Verein berichtet jeden Monat über seine Arbeit, seine Gäste und die Projekte der Region. " * 3
INTRO_EN = "Our team writes about the projects we run, the people we meet and what we learn on the way. " * 3


def _found(text: str, lang: str = "de", path: str = "/blog/bericht/") -> list[tuple[tuple[str, ...], str | None]]:
    intro = INTRO_DE if lang == "de" else INTRO_EN
    return [(s.figures, s.source) for s in page_statistics(text_page(path, f"{intro}\n{text}", lang=lang))]


def _assert_sourced(found: list[tuple[tuple[str, ...], str | None]], sourced: bool) -> None:
    """Figures were found, and every one has a source or none, as `sourced` says."""
    assert found and all(bool(source) is sourced for _, source in found), found


def _found_in_html(paragraph: str, lang: str = "en") -> list[tuple[tuple[str, ...], str | None]]:
    intro = INTRO_DE if lang == "de" else INTRO_EN
    html = f"""<html lang="{lang}"><head><title>Bericht</title></head><body><main><article>
<h1>Ein Bericht aus dem Jahr</h1><p>{intro}</p><p>{paragraph}</p></article></main></body></html>"""
    return [(s.figures, s.source) for s in page_statistics(html_page("/blog/bericht/", html))]


@pytest.mark.parametrize(
    ("paragraph", "lang", "sourced"),
    [
        (
            'During 2014 we made 2,416 individual commits across all our <a href="https://code.example.org/acme">'
            "Open Source projects</a>.",
            "en",
            False,
        ),
        (
            'Jitsi, Zoom, <a href="https://www.bbb.example/features/">Big Blue Button</a>, Whereby und Palava – '
            "es gibt rund 20 gängige Softwarelösungen für Videokonferenzen.",
            "de",
            False,
        ),
        (
            '<a href="https://www.adobe.example/products/connect.html">Adobe Connect</a> - auch für Webinare mit '
            "Übertragung an 3.000 Standorte in Europa genutzt.",
            "de",
            False,
        ),
        (
            'Die Talkshows kommen auf einen Frauenanteil von 20,7 % bis 38,2 % (<a href="https://www.zeitung.example/'
            'login">log in</a>).',
            "de",
            False,
        ),
        # controls: a source named by a link, and a link on the figure itself
        (
            'Laut <a href="https://www.statistik.example/presse/2024/umsatz">Statistischem Landesamt</a> stieg der '
            "Umsatz um 4,2 Prozent.",
            "de",
            True,
        ),
        (
            'Nearly <a href="https://www.health.example/statistics/hearing">17% of children aged 12 to 19</a> have '
            "had a change in hearing.",
            "en",
            True,
        ),
    ],
)
def test_which_links_name_a_source(paragraph: str, lang: str, sourced: bool) -> None:
    found = _found_in_html(paragraph, lang)
    _assert_sourced(found, sourced)


@pytest.mark.parametrize(
    ("text", "lang", "sourced"),
    [
        ("In 2006 the shareholders sold the company to Newcourt PLC for a reported €14 million.", "en", False),
        ("We have found that approximately 10% of our customers' text messages are queued each month.", "en", True),
        ("Wir haben festgestellt, dass rund 12 % der Anfragen am Wochenende eingehen.", "de", True),
        (
            "On today's network, 80% of the clients' choices come from a pool of 40-50 relays. "
            "https://trac.example.org/projects/relays/ticket/6443",
            "en",
            True,
        ),
    ],
)
def test_hedges_own_findings_and_written_addresses(text: str, lang: str, sourced: bool) -> None:
    found = _found(text, lang)
    _assert_sourced(found, sourced)


def test_a_here_link_after_the_raw_data_names_the_source() -> None:
    paragraph = (
        "Zum Meetup haben wir die Daten der insgesamt 26 Zählstellen aggregiert (die Rohdaten finden sich "
        '<a href="https://daten.stadt.example/radzaehlung/2019.csv">hier</a>).'
    )
    found = _found_in_html(paragraph, "de")
    assert found and all(source for _, source in found), found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("For more information or to make an appointment, call 502.596.1040.", "en"),
        ("The issues appear to require that we build 64 bit versions of the browser for full support.", "en"),
        ("For inbound messages the other carrier charges $0.0079 per message.", "en"),
        ("Next year, we'll gather 150 product thinkers for the first conference about product and news.", "en"),
        ("More than 30 schools will take part, loaning refurbished bikes to pupils.", "en"),
        ("The company announces that it is looking to hire up to 25 new staff for its new contracts.", "en"),
        ("Jitsi - Liste öffentlicher Instanzen - für kleinere Gruppen unter 10 Leute", "de"),
        ("Gleichzeitig wissen wir, dass kein Wahlprogramm für 1,5 Grad- gerechte Politik ausreicht.", "de"),
        ("Klar wurde, dass für die Schau eine Halle mit mindestens 1000 Quadratmetern Fläche notwendig sei.", "de"),
    ],
)
def test_no_statistic(text: str, lang: str) -> None:
    assert _found(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "figures"),
    [
        ("Last year 150 product thinkers gathered for the first conference about product and news.", "en", ["150"]),
        ("Wie das Umweltbundesamt berichtet, fand man Plastik sogar in 11 km tiefer Tiefsee.", "de", ["11 km"]),
        ("In Kirchzarten haben wir einen 600 m² großen Hanggarten in drei Terrassen umgebaut.", "de", ["600 m²"]),
    ],
)
def test_past_counts_and_sourced_sizes_stay(text: str, lang: str, figures: list[str]) -> None:
    found = [figure for figs, _ in _found(text, lang) for figure in figs]
    assert [f.split()[0] for f in found] == [f.split()[0] for f in figures]


def test_a_donation_pages_appeals_are_no_statistics_but_the_cost_of_the_project_is() -> None:
    text = (
        "Damit wir weitermachen können, sind wir auf Eure Unterstützung angewiesen – schon 10 € helfen uns sehr!\n"
        "Spenden bis zu einem Betrag von 300 € erkennt das Finanzamt mit dem Kontoauszug an.\n"
        "Die Sanierung der Mühle wird mit insgesamt 166.600 Euro veranschlagt."
    )
    found = _found(text, "de", path="/spenden/")
    assert [figs for figs, _ in found] == [("166.600 Euro",)]


def _post_with(paragraph: str) -> str:
    return f"""<html lang="en"><head><title>News from the team</title></head><body><main><article>
<h1>News from the team</h1><p>{INTRO_EN}</p><p>{paragraph}</p><p>{INTRO_EN}</p></article></main></body></html>"""


@pytest.mark.parametrize(
    ("paragraph", "cited"),
    [
        # a heading's label "Case Study:" is no source label
        ('Case Study: <a href="http://client-product.example/">Clientpilot</a> - 42.7% increase in sales', False),
        # a partnership named in the sentence: the partner, not a source
        (
            "The network began as a partnership between the Knight Foundation and the "
            '<a href="https://www.browser.example/en-US/foundation/">Browser Foundation</a> in 2011.',
            False,
        ),
        # where to go for more: "To explore …, visit <URL>"
        (
            "To explore the diverse services offered by the Space Alliance, visit "
            '<a href="https://space-alliance.example/solutions/">https://space-alliance.example/solutions/</a>.',
            False,
        ),
        # another service's privacy policy under a form, named by its owner
        (
            'By submitting this form, you accept the <a href="https://www.spamcheck.example/web-service-privacy-'
            'policy">Spamcheck privacy policy</a>.',
            False,
        ),
        # an advertising opt-out is a tool for the reader
        (
            'You may opt out of receiving this advertising by visiting <a href="https://app.retarget.example/optout">'
            "Retarget.example</a> at any time.",
            False,
        ),
        # control: a report that backs the sentence
        (
            'The <a href="https://www.hearing-study.example/reports/2019/noise-exposure">2019 report on noise exposure'
            "</a> found that one in six teenagers has measurable hearing loss.",
            True,
        ),
    ],
)
def test_links_that_are_no_citations(paragraph: str, cited: bool) -> None:
    page = html_page("/news/team-news/", _post_with(paragraph))
    assert bool([v for v in judge_links(page) if v.citation]) is cited


@pytest.mark.parametrize(
    ("text", "lang", "sourced"),
    [
        ("Prof. Paqué erwartet Wachstumsraten von 2 % und mehr.", "de", True),
        (
            "Nach Ansicht der Verbraucherzentrale Hamburg sind etwa 80 % der verwendeten Widerrufsbelehrungen "
            "fehlerhaft.",
            "de",
            True,
        ),
        (
            "Der 2024 Monitoring Bericht zeigt auf, dass die Kosten der Mechanismen 2023 um 40 % auf 7,4 Milliarden "
            "Euro angestiegen sind.",
            "de",
            True,
        ),
        # a person after a verb of showing is its object
        (
            "Dieser erste Wettbewerb zeigte Erich Beispiel den Weg, den er mit ca. 80 Auftragsarbeiten für "
            "Kirchen ging.",
            "de",
            False,
        ),
        # a nationality names no one
        ("I talked to a French entrepreneur and he said that 60 % of his loans come from the state.", "en", False),
    ],
)
def test_who_names_a_source(text: str, lang: str, sourced: bool) -> None:
    found = _found(text, lang)
    _assert_sourced(found, sourced)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "[1] Roe, M., Beispiel, F. & Muster, K. Spatializing 6,000 years of global urbanization from 3700 BC "
            "to AD 2000.",
            "en",
        ),
        ("Gemäß Mitgliederversammlung vom Mai sind Anna Roe und Jan Muster für 2 Jahre gewählt.", "de"),
    ],
)
def test_reference_entries_and_terms_of_office_are_no_statistics(text: str, lang: str) -> None:
    assert _found(text, lang) == []


def _quotes_on(body: str) -> list[str | None]:
    html = f"""<html lang="en"><head><title>What our clients say</title></head><body><main>
<h1>What our clients say</h1><p>{INTRO_EN}</p>{body}<p>{INTRO_EN}</p></main></body></html>"""
    return [q.speaker for q in find_quotations(html_page("/clients/", html))]


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        # a <cite> right after the blockquote, in a testimonial card; inline emphasis in the quotation
        (
            '<section class="testimonial"><blockquote>&#8220;Jo is a total marketing <em>guru</em>. He gave me '
            "more advice in one session than I found in <em>seven years</em> alone.&#8221;</blockquote>"
            "<cite>Bodie Roe, Co-Founder at Roe Garage</cite></section>",
            ["Bodie Roe"],
        ),
        # Bootstrap's closing <small> names the speaker
        (
            '<div class="span4"><blockquote>Choose a job you love, and you will never have to work a day in your '
            "life. <small>Confucius</small></blockquote></div>",
            ["Confucius"],
        ),
        # a pull quote and its attribution paragraph
        (
            '<p class="pullquote">This is a dream come true for teachers.</p><p class="attribution">Judith Roe, '
            "librarian, High School for Fashion, New York City</p>",
            ["Judith Roe"],
        ),
    ],
)
def test_a_blockquotes_speaker_in_the_markup_around_it(body: str, speakers: list[str | None]) -> None:
    assert _quotes_on(body) == speakers


@pytest.mark.parametrize(
    ("text", "sourced"),
    [
        ("The ~35% British figure derives from work by N.F.R. Crafts on pre-industrial employment.", True),
        ("100 recipes and 40 meal plans, logically derived from your genetic analysis.", False),
    ],
)
def test_a_figure_derived_from_named_work(text: str, sourced: bool) -> None:
    found = _found(text, "en")
    _assert_sourced(found, sourced)


@pytest.mark.parametrize(
    ("paragraph", "cited"),
    [
        # the site's own video channel, named so
        (
            'You can find the recording of the event on our <a href="https://www.youtube.com/watch?v=abc123XYZ">'
            "YouTube channel</a>.",
            False,
        ),
        # "head over here and get in touch": where to act
        (
            'Want to join us? Then head over <a href="https://www.youtube.com/watch?v=def456UVW">here</a> and get in '
            "touch!",
            False,
        ),
        # an anchor that names whose home page it is
        (
            'To save the forests, the <a href="https://www.partner-ngo.example/welcome">partner-ngo homepage</a> '
            "lists the campaign's goals and the next steps for the region.",
            False,
        ),
        # a bare "website" may be a source's page
        (
            'As stated on their <a href="https://www.registry.example/what-is-the-registry/">website</a>, “the '
            "registry supports a sanctioned messaging ecosystem”.",
            True,
        ),
    ],
)
def test_own_channels_contact_buttons_and_home_pages(paragraph: str, cited: bool) -> None:
    page = html_page("/news/team-news/", _post_with(paragraph))
    assert bool([v for v in judge_links(page) if v.citation]) is cited


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Mitte Februar wurden Fahrverbote für LKW ab 7,5 Tonnen auf der Bundesstraße erlassen.", "de"),
        ("6.1 Anonymous Data Collection", "en"),
        ("Bis zu 5 Cent je Kilowattstunde werden gutgeschrieben, wenn viel Ökostrom im Netz ist.", "de"),
        ("In der Regel ist eine Begutachtung innerhalb von 24 Stunden möglich.", "de"),
        ("Typical projects run from 3-6 months with 3-5 people and help NGOs act on their data.", "en"),
    ],
)
def test_thresholds_sections_sizes_credits_and_norms_are_no_statistics(text: str, lang: str) -> None:
    assert _found(text, lang) == []


def test_a_pricing_pages_service_times_are_plan_terms() -> None:
    text = "Email Support with 72 hrs TAT for every plan\nDedicated Email Support with 24 hrs TAT for teams"
    assert _found(text, "en", path="/pricing/") == []


def test_an_elementor_testimonial_carousel_is_the_pages_own() -> None:
    slide = (
        '<div class="elementor-testimonial"><div class="elementor-testimonial__content"><div class="elementor-'
        'testimonial__text">"Use the tool if you need to agree with another team about your shared API."</div>'
        '<cite class="elementor-testimonial__cite"><span class="elementor-testimonial__name">Emily Roe</span>'
        '<span class="elementor-testimonial__title">Technical Coach at Roe Consulting</span></cite></div></div>'
    )
    body = (
        '<div class="elementor-element elementor-widget elementor-widget-testimonial-carousel"><div class="elementor-'
        f'widget-container"><div class="swiper-wrapper"><div class="swiper-slide">{slide}</div></div></div></div>'
    )
    assert _quotes_on(body) == ["Emily Roe"]


def _letter(ending: str) -> str:
    prose = "Wir haben uns mit Ihren Argumenten zur Umgehungsstraße ausführlich und sachlich auseinandergesetzt. " * 3
    return f"""<html lang="de"><head><title>Offener Brief</title></head><body><main><article>
<h1>Offener Brief an den Abgeordneten</h1><p>{prose}</p><p>{prose}</p>{ending}</article></main></body></html>"""


@pytest.mark.parametrize(
    ("ending", "names"),
    [
        # a club's line ending in "e. V." under the name, then where the letter can be downloaded and read too
        (
            "<p>Mit freundlichen Grüßen</p><p>Jana Beispiel\nBürgerinitiative Pro Beispieldorf e. V.</p>"
            '<p>Hier können Sie den offenen Brief herunterladen: <a href="brief.pdf">Download</a></p>'
            '<p>Die Zeitung hat unseren offenen Brief ebenfalls veröffentlicht: (<a href="https://zeitung.example/'
            'brief/">https://zeitung.example/brief/</a>)</p>',
            ["Jana Beispiel"],
        ),
        # a closing line is no name
        ("<p><strong>Vielen Dank für Ihre Unterstützung!</strong></p>", []),
    ],
)
def test_a_letter_signed_for_a_club_and_closing_lines(ending: str, names: list[str]) -> None:
    tree = parse_html(_letter(ending))
    assert [a.name for a in extract_bylines(tree, "https://www.beispiel.example/posts/brief/")] == names


def test_the_author_line_of_a_publisher_and_author_box() -> None:
    html = f"""<html lang="en"><head><title>Demystifying the API lifecycle</title></head><body><main><article>
<h1>Demystifying the API lifecycle</h1><div class="elementor-shortcode"><strong>Published by: </strong>LinkedIn <br>
<strong>Author:</strong> Naresh Roe </div><p>{INTRO_EN}</p><p>{INTRO_EN}</p></article></main></body></html>"""
    assert [a.name for a in extract_bylines(parse_html(html), "https://www.beispiel.example/article/api/")] == [
        "Naresh Roe"
    ]


@pytest.mark.parametrize(
    ("signature", "speaker"),
    [("&mdash; Alexandra Roe (@aroe)", "Alexandra Roe"), ("&mdash; DataGood (@DataGood)", "DataGood")],
)
def test_an_embedded_tweet_is_signed_after_its_text(signature: str, speaker: str) -> None:
    body = (
        '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Full house at the opening evening of our meetup, '
        'a whole weekend of data science and open data <a href="https://t.co/abc">pic.twitter.com/abc</a></p>'
        f'{signature} <a href="https://twitter.com/x/status/1">November 29, 2019</a></blockquote>'
    )
    assert _quotes_on(body) == [speaker]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "Aussage zur geplanten Trasse vom Fraktionsvorsitzenden der Partei, Herrn Michael Beispiel:\n„Man muss "
            "schon von hier sein, um diese Trasse gut zu finden.“ (Zeitung, 19.04.2012)",
            ["Michael Beispiel"],
        ),
    ],
)
def test_a_person_ending_the_introducing_line_speaks(text: str, speakers: list[str | None]) -> None:
    intro = "Die Bürgerinitiative informiert seit Jahren über die geplante Umgehungsstraße und das Dorf. " * 2
    page = text_page("/posts/gegendarstellung/", f"{intro}\n{text}", lang="de")
    assert [q.speaker for q in find_quotations(page)] == speakers
