"""Held-out 34-38 failure classes (a battery maker, a parents' association, an energy consultancy's blog, a DevOps
SaaS, a journalism non-profit), each in text of our own:

Bylines
- a meta line under the title that holds an avatar, the writer's name and "on <date>" without "By"
  ("<img alt='Jo Roe'> Jo Roe on August 26, 2014"): the avatar's alt vouches for a person.

Page types
- an archive's item (/archiv/<slug-of-words>/) with a text of its own is no listing; /archiv/2019/ stays one;
- a page below the contact page (/kontakt/b2b/) is a contact page;
- a wiki's pages are help.

Statistics
- a funding programme's rate, bonus or cap ("Zuschüsse von bis zu 70 %", "5 % der förderfähigen Kosten") is a
  rule's figure; a share of recipients or a change of funding stays a statistic;
- a worked example under its label ("Beispiel 1: Ein Einfamilienhaus") computes with made-up figures;
- a formula in LaTeX delimiters ("\\(P = U * I = 360W\\)"), a ban's threshold ("untersagt … ab 1,5 kW"), a fine's
  cap ("Bußgeldbescheide bis 50000 EUR"), a release's version ("Releasing ACME 0.13") and the responses a survey
  received are no measured facts;
- "to challenge how we think about leadership" is no opinion: the count in the sentence stays.
"""

from __future__ import annotations

import pytest

from scoring.checks.statistics import page_statistics
from scoring.pagetypes import classify
from spiders.document import parse_html
from spiders.extract_byline import extract_bylines
from tests.factories import html_page, text_page

PROSE_EN = "We moved our build servers to containers last spring, and here is what we learned on the way. " * 4
PROSE_DE = "Die Stellungnahme des Verbands richtet sich an das Ministerium und an die Schulträger im Land. " * 5


def _post(meta: str) -> str:
    return f"""<html lang="en"><head><title>Containers in production</title></head><body>
<header id="header"><a href="/" class="logo">acme.io</a><nav><a href="/pricing">Pricing</a></nav></header>
<section id="main" class="blog post"><header class="header"><a href="/blog" class="back">Back to the blog</a>
<h1>Containers in production</h1>
<span class="meta">{meta}</span></header>
<article class="content"><p>{PROSE_EN}</p><p>{PROSE_EN}</p></article></section>
<footer><p>acme.io 2015</p></footer></body></html>"""


AVATAR = "<img class='avatar' alt='{name}' src='/images/team/jo-small.png'/> {shown} on <time>August 26, 2014</time>"


def test_an_avatar_and_name_on_a_date_under_the_title_is_the_byline() -> None:
    html = _post(AVATAR.format(name="Jo Roe", shown="Jo Roe"))
    assert [a.name for a in extract_bylines(parse_html(html), "https://acme.io/blog/x")] == ["Jo Roe"]


@pytest.mark.parametrize(
    "meta",
    [
        AVATAR.format(name="", shown="Jo Roe"),  # no avatar naming the person
        AVATAR.format(name="Ann Muster", shown="Jo Roe"),  # the avatar names somebody else
        "New York on <time>August 26, 2014</time>",  # a place and a date
    ],
)
def test_a_name_on_a_date_without_its_avatar_is_no_byline(meta: str) -> None:
    assert extract_bylines(parse_html(_post(meta)), "https://acme.io/blog/x") == []


def _release(path: str, words: int) -> str:
    sentence = "Die Landesregierung hat neue Regeln für den Unterricht an den Schulen vorgelegt."
    body = " ".join([sentence] * (words // 12))
    return f"""<html lang="de"><head><title>Pressemitteilung</title></head><body>
<nav><a href="/">LEK</a> <a href="/veroeffentlichungen/">Veröffentlichungen</a></nav>
<main><h1>Startchancen-Programm greift zu kurz</h1><p>Dortmund, 07.02.2024</p><p>{body}</p></main>
<footer>Impressum</footer></body></html>"""


@pytest.mark.parametrize(
    ("path", "words", "kind"),
    [
        ("/veroeffentlichungen/archiv/startchancenprogramm-greift-zu-kurz_2024-02-07_v01f/", 400, "article"),
        ("/veroeffentlichungen/archiv/lek-umfrage-1/", 400, "article"),
        ("/veroeffentlichungen/archiv/2019/", 400, "listing"),  # a year of the archive
        ("/veroeffentlichungen/archiv/startchancenprogramm-greift-zu-kurz/", 60, "listing"),  # no text of its own
        ("/blog/tag/public-health-policy/", 400, "listing"),  # a taxonomy term with a long slug
    ],
)
def test_an_archives_item_with_its_own_text_is_no_listing(path: str, words: int, kind: str) -> None:
    assert classify(html_page(path, _release(path, words))).kind == kind


@pytest.mark.parametrize(
    ("path", "kind"),
    [("/kontakt/b2b/", "contact"), ("/kontakt/wegbeschreibung/", "contact"), ("/wiki/grundlagen-der-akkus/", "help")],
)
def test_pages_below_the_contact_page_and_a_wiki(path: str, kind: str) -> None:
    html = f"""<html lang="de"><head><title>Seite</title></head><body><main><h1>Für Geschäftskunden</h1>
<p>{PROSE_DE}</p><p>Kontaktieren Sie uns, wir übernehmen die Planung für Ihr Unternehmen.</p></main></body></html>"""
    assert classify(html_page(path, html)).kind == kind


def _figures(text: str, lang: str = "de") -> list[str]:
    return [f for s in page_statistics(text_page("/wissen/beitrag/", text, lang=lang)) for f in s.figures]


@pytest.mark.parametrize(
    "sentence",
    [
        "Über die Heizungsförderung sind Zuschüsse von bis zu 70 % möglich, wenn die Anforderungen erfüllt werden.",
        "Der Bonus beträgt 5 % der förderfähigen Kosten für alle Maßnahmen des Fahrplans.",
        "Kombiniert man die Programme, liegen die Förderquoten bei etwa 55 % der anrechenbaren Sanierungskosten.",
        "Mit einem Sanierungsfahrplan erhalten Sie 5% zusätzliche Förderung bei der Sanierung.",
        "Homeowners can claim a 30% tax credit on the cost of a new heat pump.",
    ],
)
def test_a_funding_programmes_rate_is_no_statistic(sentence: str) -> None:
    assert _figures(sentence, "en" if "Homeowners" in sentence else "de") == []


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Im Jahr 2024 wurden 12 % der Förderanträge für Wärmepumpen abgelehnt, meldet das Bundesamt.", "12 %"),
        ("Die Zahl der geförderten Anlagen stieg im Jahr 2024 um 18 % gegenüber dem Vorjahr.", "18 %"),
        ("In 2023, 30% of households received a grant for insulation, the agency reported.", "30%"),
    ],
)
def test_a_share_or_a_change_of_funding_stays_a_statistic(sentence: str, figure: str) -> None:
    assert figure in _figures(sentence, "en" if "households" in sentence else "de")


def test_a_worked_example_under_its_label_has_no_statistics() -> None:
    text = "\n".join(
        [
            "Beispiel 1: Ein Einfamilienhaus",
            "Der Sanierungsfahrplan sieht Maßnahmen im Wert von insgesamt 50.000 Euro vor. Insgesamt können Sie also "
            "mit einer Unterstützung von 10.000 Euro rechnen.",
            "Fallbeispiel: Die Familie Roe",
            "Die Familie senkte ihren Verbrauch im ersten Jahr um 4.000 Kilowattstunden.",
        ]
    )
    assert _figures(text) == ["4.000 Kilowattstunden"]  # a case study reports what happened


@pytest.mark.parametrize(
    "sentence",
    [
        r"Die Leistung ergibt sich aus \(P = U * I = 36V * 10A = 360W\) für diesen Akku.",
        "Konkret untersagt die Stadt den Einbau von Stromheizungen, sobald diese mehr als 1,5 kW leisten.",
        "Bußgeldbescheide bis 50000 EUR sind bei Verstößen gegen die Kennzeichnung möglich.",
        "Mit beiden Boni sind bis zu 70 Prozent möglich, höchstens aber 21.000 Euro pro Wohneinheit.",
    ],
)
def test_formulas_bans_fines_and_funding_caps_are_no_statistics_de(sentence: str) -> None:
    assert _figures(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Releasing acme.io 0.13: the new release is out with a faster editor.",
        "This survey received 514 responses and helped us understand the community.",
    ],
)
def test_versions_and_survey_responses_are_no_statistics_en(sentence: str) -> None:
    assert _figures(sentence, "en") == []


def test_how_we_think_about_something_is_no_opinion() -> None:
    text = (
        "Last month in Philadelphia we gathered 120 members of the community to challenge how we think about "
        "leadership in newsrooms."
    )
    assert _figures(text, "en") == ["120 members"]


def test_a_fine_reported_with_its_source_stays() -> None:
    text = "Wer mit Sommerreifen fährt, zahlt mindestens 60 Euro Bußgeld, so der Automobilclub ADAC."
    assert _figures(text) == ["60 Euro"]


def test_a_price_in_dollar_signs_is_no_formula() -> None:
    text = (
        "Building payments was hard and cost $$$ to support. Airtable is free to use until you hit 1,200 records, "
        "and the market for voice apps now has more than 25,000 users across many countries and companies."
    )
    assert "25,000" in _figures(text, "en")


def test_a_sources_entry_whose_title_is_set_in_italics_before_its_comma_cites() -> None:
    """ "<a><em>Title</em>, </a>Publisher": the anchor reads "Title ," where the main text writes "Title,"."""
    from scoring.checks.outbound_citations import citation_links

    html = f"""<html lang="de"><head><title>Förderquoten 2026</title></head><body><main>
<h1>Förderquoten 2026</h1><p>{PROSE_DE}</p><p>{PROSE_DE} Mehr zur <a href="/wissen/beratung/">Energieberatung</a>.</p>
<h3>Quelle</h3><ul><li><a href="https://www.presse-beispiel.de/2026/02/10/zuschuss-kombination/"><em>Bis zu 55 Prozent
Zuschuss durch Kombination der Programme</em>, </a>Beispiel Presseindex, 10.02.2026</li></ul></main></body></html>"""
    page = html_page("/wissen/foerderquoten-2026/", html)
    assert [link.url for link in citation_links(page)] == [
        "https://www.presse-beispiel.de/2026/02/10/zuschuss-kombination/"
    ]


def _speakers(text: str, lang: str = "en") -> list[str | None]:
    from scoring.checks.attributed_quotes import find_quotations

    return [q.speaker for q in find_quotations(text_page("/blog/report/", text, lang=lang))]


def test_an_unnamed_attendee_before_said_keeps_the_quotation_unattributed() -> None:
    text = "The materials are online. One attendee said ACMECON “was just what I needed, right when I needed it.”"
    assert _speakers(text) == [None]
    assert _speakers("Jane Roe said the programme “was just what we needed, right when we needed it.”") == ["Jane Roe"]


def test_questions_quoted_under_a_line_that_announces_them_are_examples() -> None:
    text = "\n".join(
        [
            "Bereiten Sie den Termin gut vor.",
            "Eigene Fragen vorbereiten:",
            "„Ist eine Wärmepumpe ab 2027 für mein Haus möglich?“",
            "„Welche Maßnahmen haben die beste Kosten-Nutzen-Relation?“",
            "Die Beraterin Jana Roe fragte uns im Gespräch: „Ist eine Wärmepumpe für Ihr Haus wirklich möglich?“",
        ]
    )
    assert _speakers(text, "de") == ["Jana Roe"]


def test_he_said_is_the_person_of_the_sentence_before_not_the_one_named_most() -> None:
    text = (
        "Ann Muster of City Desk opened the day. Ann Muster shared the tools her newsroom built. "
        "We are stronger when we work together. Bryan Roe of Media Project shared a vision of leadership driven by "
        "collective action. “Institutions are terrains of struggle,” he said, where the work is hard."
    )
    assert _speakers(text) == ["Bryan Roe"]


def _letter(end: str) -> str:
    return f"""<html lang="de"><head><title>Stellungnahme</title></head><body><main>
<h6>Sankt Augustin, 28.01.2026</h6><h1>Stellungnahme zur neuen Verordnung</h1>
<p>{PROSE_DE}</p><p>{PROSE_DE}</p><p>Der Verband unterstützt die neue Verordnung insgesamt, fordert aber diese präzisen
Anpassungen, um faire und entlastende Strukturen zu sichern. Gerne stehen wir für Rückfragen zur Verfügung.</p>
{end}</main><footer><p>Beispielverband, Musterweg 25, 53757 Sankt Augustin</p></footer></body></html>"""


@pytest.mark.parametrize(
    ("end", "names"),
    [
        ("<p>Hinrich Roe,<br>Landeselternkonferenz Beispielland</p>", ["Hinrich Roe"]),
        ("<p>Jana Muster<br>Vorsitzende<br>Beispielverband</p>", ["Jana Muster"]),
        ("<p>Jana Muster<br>Musterweg 25<br>53757 Sankt Augustin</p>", []),  # an address block
        ("<p>Jana Muster<br>Wir freuen uns auf Ihre Antwort und Ihre Fragen zur Verordnung.</p>", []),
    ],
)
def test_a_letters_signature_block_name_over_function(end: str, names: list[str]) -> None:
    page_url = "https://verband.example/stellungnahmen/verordnung/"
    assert [a.name for a in extract_bylines(parse_html(_letter(end)), page_url)] == names


@pytest.mark.parametrize(
    "anchor",
    ["Sign up for the Product Thinking mailing list", "Product Thinking email list", "pitch now", "propose a session"],
)
def test_a_call_to_join_in_the_text_is_no_citation(anchor: str) -> None:
    from scoring.checks.outbound_citations import citation_links

    html = f"""<html lang="en"><head><title>Announcing a conference</title></head><body><main>
<h1>Announcing a conference</h1><p>{PROSE_EN}</p>
<p>Sessions for the new conference are open to everyone in the community this year, so <a
href="https://events.example.org/sessions/">{anchor}</a> and tell your colleagues about it.</p>
<p>Background: a <a href="https://research.example.edu/papers/conferences-2019.pdf">study of conference
formats</a> found that shorter sessions worked better for most of the attendees.</p></main></body></html>"""
    page = html_page("/blog/announcing/", html)
    assert [link.url for link in citation_links(page)] == ["https://research.example.edu/papers/conferences-2019.pdf"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ludwig Roe hat das Buch über den Ort geschrieben. „Die ersten Reaktionen waren recht positiv“, sagt der "
            "37-Jährige.",
            "Ludwig Roe",
        ),
        (
            "Heinz Muster sprach vor 20 Besuchern im Saal. „Die Stimmungslage war alles andere als fröhlich“, so der "
            "Oberauer Heimatforscher.",
            "Heinz Muster",
        ),
        (
            "Der Verein tagte. Vorsitzender Kümmerle: „Das ist eine Plattform für die Mitarbeit vieler Mitglieder.“",
            "Kümmerle",
        ),
        (
            "„Ich bin sehr dankbar, dass diese lange Spurensuche erscheinen konnte“, so die Autorin Simone Muster.",
            "Simone Muster",
        ),
        ("Der Abend war voll. „Die Stimmungslage war alles andere als fröhlich“, so der Heimatforscher.", None),
    ],
)
def test_a_role_or_an_age_after_the_quotation_refers_to_the_person_named_before(text: str, speaker: str | None) -> None:
    assert _speakers(text, "de") == [speaker]


def test_a_post_dated_with_a_two_digit_year_after_posted() -> None:
    from spiders.visible_dates import parse_visible_date

    assert parse_visible_date("By Alun Roe, posted 21/09/20") == ("2020-09-21", "21/09/20")
    assert parse_visible_date("Order 21/09/20 arrived") is None  # a bare two-digit date stays unread


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/referenzen/kingschair/", "article"),
        ("/case_studies/university_data_platform.html", "article"),
        ("/contact_us.html", "contact"),
    ],
)
def test_case_studies_under_references_and_a_contact_us_file(path: str, kind: str) -> None:
    html = f"""<html lang="de"><head><title>Projekt</title></head><body><main><h1>Eine App für den Verband</h1>
<p>{PROSE_DE}</p><p>{PROSE_DE}</p><p>{PROSE_DE}</p></main></body></html>"""
    assert classify(html_page(path, html)).kind == kind


def test_a_list_that_prints_its_posts_whole_cites_nothing_of_theirs() -> None:
    from scoring.checks.outbound_citations import citation_links

    posts = "".join(
        f"<h2>{d}.1.2017 Neuigkeit Nummer {d} aus dem Team</h2><p>{PROSE_DE} Mehr dazu bei der "
        f'<a href="https://www.hochschule-beispiel.ch/news/{d}/">Hochschule für Technik</a> und im Team.</p>'
        for d in range(1, 5)
    )
    html = f"""<html lang="de"><head><title>News</title></head><body><main><h1>News</h1>
<p>Was aktuell bei uns passiert.</p>{posts}</main></body></html>"""
    page = html_page("/news/", html)
    assert classify(page).kind == "listing"
    assert citation_links(page) == []


@pytest.mark.parametrize(("ads", "kind"), [(0, "other"), (1, "other"), (3, "listing")])
def test_a_careers_page_lists_job_ads_only_with_ads_below_it(ads: int, kind: str) -> None:
    jobs = "".join(f'<p><a href="/jobs/stelle-{i}/">Web-Engineer Nummer {i}</a></p>' for i in range(ads))
    html = f"""<html lang="en"><head><title>Jobs</title></head><body><main><h1>Open job positions</h1>
<p>{PROSE_EN}</p>{jobs}<blockquote>Choose a job you love, and you will never have to work a day in your life.
<small>Confucius</small></blockquote></main></body></html>"""
    assert classify(html_page("/jobs/", html)).kind == kind


def test_a_testimonials_date_between_the_quotation_and_the_name() -> None:
    text = "\n".join(
        [
            "Was unsere Kunden über uns sagen",
            "“Der Umzug unserer Plattform zu einem Schweizer Team hat sich ausgezeichnet. Vielen Dank!”",
            "April 2016",
            "Philipp Muster",
            "Geschäftsleitung Beispiel AG",
        ]
    )
    assert _speakers(text, "de") == ["Philipp Muster"]


@pytest.mark.parametrize(
    ("text", "lang", "figures"),
    [
        ("This offering costs between $35k to 50k, depending on the scope of the engagement.", "en", []),
        (
            "While every project differs, we can develop a data pipeline (e.g, Snowflake, Airflow orchestration, etc) "
            "for around $20k in some situations.",
            "en",
            [],
        ),
        ("Our team worked on Fortune 100 data engineering pipelines and on S&P 500 reporting.", "en", []),
        (
            "In 2023 the company's revenue rose to $20k, the report says, and 100 pipelines were built.",
            "en",
            ["$20k", "100 pipelines"],
        ),
        (
            "Die Technik gewinnt an Bedeutung, weil neue Heizungen mindestens 65 % erneuerbare Energie nutzen müssen.",
            "de",
            [],
        ),
        (
            "Im Jahr 2023 nutzten mindestens 65 % der Haushalte erneuerbare Energie, meldet das Bundesamt.",
            "de",
            ["65 %"],
        ),
    ],
)
def test_offer_prices_indexes_and_german_requirements(text: str, lang: str, figures: list[str]) -> None:
    assert _figures(text, lang) == figures


def test_a_pricing_pages_plan_lines_are_no_statistics() -> None:
    text = "\n".join(
        ["Starter", "10 nodes", "Unlimited users", "Team", "25 nodes", "Last year 4,000 customers joined us."]
    )
    page = text_page("/pricing/", text, lang="en")
    assert [f for s in page_statistics(page) for f in s.figures] == ["4,000 customers"]
    assert [f for s in page_statistics(text_page("/blog/plans-2014/", text, lang="en")) for f in s.figures] == [
        "10 nodes",
        "25 nodes",
        "4,000 customers",
    ]
