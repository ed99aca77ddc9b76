"""Failure classes found on the first run of held-out sets 58–61 (sixteenth stop), each in text of our own.

Bylines
- "By <a>Jo Roe</a> September 20, 2022" with no separator before the date: the name ends before the month;
- an organisation in the author slot — an acronym ("By <a>ACME</a>") or a name with "Consulting" — is no byline.

Quotes
- a participle whose subject opens the clause speaks: "Dr. Jo Roe, …, put it well, saying that “…”"; a name further
  in is the participle's object and does not ("… off of reporter Jo Roe, saying “…”");
- a quotation alone on its line, the next sentence referring back ("With this statement, … Jo Roe, highlighted …");
- a dash signature with initials: "“…” – T.J. Roe";
- a named document as the subject of a speech verb: "As this Acme report reported “…”" ("the report notes" names
  no one).

Statistics
- a stated goal or commitment ("our goal is to come up with 120 new customers", "We shall hold at least 15 events")
  is a plan, not a count;
- "X, which recorded a percentage of 1,70%": the relative clause measures X, it does not name a source.

Citations
- a written-out address or a "Projektwebseite" in a sentence about signing up ("Anmeldung: https://…", "Infos und
  Anmeldung finden Sie auf der Projektwebseite", "bekunde Dein Interesse") is where to act, not a source.

Second pass over the first runs (held-out 58 and the pooled corpus)
- a testimonial card's avatar initials ("RM") between the quotation and the name, and a role glued to the name
  ("Raphael MatschiGeschäftsführer · RINK": two elements, no space) still sign the quotation;
- a listing with a wall of named testimonial cards (two or more) quotes them itself; one quote is a teaser's;
- "so der Vorstand Ralf Schmid": a board member named by role;
- a chronicle's lines open with a year ("1074 Welf IV. stiftet …"): the year is no count;
- "um ein Prozent", "über eine Milliarde Tonnen" are figures ("eine Million Mal" is a way of speaking);
- "Das Regierungspräsidium weist Kosten von 31 Millionen aus": a separable verb whose particle ends the sentence;
- a rating with its platform ("4,82 / 5 ProvenExpert", "4,9 von 5 Sternen bei ProvenExpert") names its source;
- a Maven package under the site's reversed domain ("io.acme") is the site's own; "/page/home" is a home page.

First run on held-out 60, 63 and 64
- a promised reply time ("Antwort meist innerhalb von 24 Stunden"), a rule of thumb's or a limit's bound
  ("Faustregel: bis ca. 1.000 km", "Grenze … ab 5 Jahren oder 100.000 km") and a tariff that depends on a class
  ("je nach Fahrzeugklasse 23 bis 175 Euro pro Tag") are no statistics;
- "the United States with a prevalence of 29%": "States" in a name reports nothing;
- a mailing list's sign-up page and a calendar of dates ("Termin-Übersicht") are no citations;
- a band of stat cards with decimals, magnitudes and a rating ("1,4 Mio+", "€ 83 Mio", "4,82/5" over "ProvenExpert")
  reads as figures, the rating sourced by its platform; a number word after a possessive ("our two organizations")
  names things known, it counts nothing;
- a press release's "About <Company> (www.…)" paragraph presents the company: its links are no citations; "Die GWK
  teilte hierzu mit: „…“" is attributed (a separable speech verb).

Dates
- a time to the second shared by five or more pages ("2019-04-10T09:51:57+06:00" on a theme's demo pages) is a stamp
  even where it is not a third of the site's dates.
"""

from __future__ import annotations

import json

import pytest

from scoring.checks.attributed_quotes import find_quotations
from scoring.checks.outbound_citations import judge_links
from scoring.checks.statistics import page_statistics
from scoring.signals import page_signals
from spiders.document import parse_html
from spiders.extract_byline import extract_bylines
from tests.factories import html_page, site, text_page

INTRO_EN = "Our team writes about the projects we run, the people we meet and what we learn on the way. " * 3
INTRO_DE = "Der Verein berichtet jeden Monat über seine Arbeit, seine Gäste und die Projekte der Region. " * 3


def _byline_names(slot: str) -> list[str]:
    html = f"""<html><head><title>Post</title></head><body><h1>Dangerous software</h1>
<div id="blog-post"><p class="text-muted text-uppercase">{slot}</p><div id="post-content"><p>{INTRO_EN}</p></div></div>
</body></html>"""
    return [a.name for a in extract_bylines(parse_html(html.encode()))]


@pytest.mark.parametrize(
    ("slot", "names"),
    [
        ('By <a href="/authors/jo-roe">Jo Roe</a>\nSeptember 20, 2022', ["Jo Roe"]),
        ('By <a href="/authors/acme">ACME</a>\nSeptember 15, 2024', []),
        ('By <a href="/authors/viter-consulting">ViTer Consulting</a>\nMarch 31, 2025', []),
        # controls: a separator before the date, a date first
        ('By <a href="/authors/jo-roe">Jo Roe</a> | 20.09.2022', ["Jo Roe"]),
    ],
)
def test_the_author_slot_names_a_person(slot: str, names: list[str]) -> None:
    assert _byline_names(slot) == names


def _speakers(text: str) -> list[str | None]:
    page = text_page("/blog/post/", f"{INTRO_EN}\n{text}", lang="en")
    return [q.speaker for q in find_quotations(page)]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "This is what the act is about, and the President of the Commission, Dr. Jo Roe, epitomised its value "
            "very well, saying that “If everything is connected, everything can be hacked.” So far so good.",
            ["Dr. Jo Roe"],
        ),
        (
            "A matter of time\n“There are two types of companies: those that have been attacked and those that will "
            "be.”\nWith this statement, the head of the National Authority, Mr. Jan Roe, recently highlighted the "
            "severity of the issue.",
            ["Mr. Jan Roe"],
        ),
        (
            "Many attacks still start with email. “We still see a lot of ransomware attacks begin with something as "
            "simple as a malicious email.” – T.J. Sayers",
            ["T.J. Sayers"],
        ),
        (
            "As this Acmeloop report reported “there is good reason for that, local governments are vulnerable”.",
            ["Acmeloop report"],
        ),
        # controls: a name that is the object of the sentence; a document named by no one
        (
            "Through livestreams I saw an officer rip a press badge off of news reporter Jo Roe, saying “this does "
            "not mean anything at all” while separating reporters.",
            [None],
        ),
        ("As the report notes, “backups need to be regularly tested and stored offline”.", [None]),
    ],
)
def test_who_speaks_a_quotation(text: str, speakers: list[str | None]) -> None:
    assert _speakers(text) == speakers


@pytest.mark.parametrize(
    "text",
    [
        "Out of this, our exploitation goal is to come up with 120 new customers for the platform.",
        "We shall also hold at least 15 events and workshops for them and issue 6 newsletters.",
    ],
)
def test_goals_and_commitments_are_no_statistics(text: str) -> None:
    page = text_page("/blog/impact/", f"{INTRO_EN}\n{text}", lang="en")
    assert page_statistics(page) == []


def test_a_relative_clause_that_measures_its_subject_names_no_source() -> None:
    text = (
        "Other threats include Tofsee (3.19%), Njrat (2,34%) and AsyncRat, which recorded a percentage of 1,70% "
        "both in Greece and globally."
    )
    found = page_statistics(text_page("/blog/threats/", f"{INTRO_EN}\n{text}", lang="en"))
    assert found and all(s.source is None for s in found)
    control = "The Federal Statistical Office recorded 1,70% more thefts last year."
    found = page_statistics(text_page("/blog/threats/", f"{INTRO_EN}\n{control}", lang="en"))
    assert found and all(s.source for s in found)


def _post(paragraph: str, lang: str = "de", title: str = "Hackathon im Grenzraum") -> str:
    intro = INTRO_DE if lang == "de" else INTRO_EN
    return f"""<html lang="{lang}"><head><title>{title}</title></head><body><main><article>
<h1>{title}</h1><p>{intro}</p><p>{paragraph}</p><p>{intro}</p></article></main></body></html>"""


@pytest.mark.parametrize(
    ("paragraph", "cited"),
    [
        (
            'Die Anmeldung zum Hackathon erfolgt kostenfrei über <a href="https://tickets.example/hackathon-2024">'
            "https://tickets.example/hackathon-2024</a>!",
            False,
        ),
        (
            'Infos und Anmeldung finden Sie auf der <a href="https://hochschule.example/forschung/hackathon">'
            "Projektwebseite</a>.",
            False,
        ),
        (
            "Lies gerne hier weiter und bekunde Dein Interesse. "
            '<a href="https://hochschule.example/forschung/hackathon">https://hochschule.example/forschung/hackathon</a>',
            False,
        ),
        # control: a written-out address that backs a statement
        (
            "Die Zahl der Angriffe auf Kommunen hat sich verdoppelt, wie der Lagebericht zeigt: "
            '<a href="https://lage.example/bericht-2024">https://lage.example/bericht-2024</a>',
            True,
        ),
    ],
)
def test_where_to_sign_up_is_no_citation(paragraph: str, cited: bool) -> None:
    page = html_page("/news/hackathon/", _post(paragraph))
    assert bool([v for v in judge_links(page) if v.citation]) is cited


def _dated(path: str, published: str):
    head = {"@context": "https://schema.org", "@type": "WebPage", "headline": path, "datePublished": published}
    html = (
        f'<html lang="en"><head><title>{path}</title><script type="application/ld+json">{json.dumps(head)}</script>'
        f"</head><body><main><h1>{path.strip('/').title()}</h1><p>{INTRO_EN}</p></main></body></html>"
    )
    return html_page(path, html)


def test_a_time_to_the_second_on_five_pages_is_a_stamp() -> None:
    demo = "2019-04-10T09:51:57+06:00"
    stamped = [_dated(p, demo) for p in ("/contact/", "/search/", "/industries/a/", "/industries/b/", "/industries/c/")]
    own = [_dated(f"/solutions/s{i}/", f"2022-0{1 + i % 9}-1{i % 10}T1{i % 10}:0{i % 10}:00+01:00") for i in range(20)]
    data = site(*stamped, *own)
    assert {page_signals(p, data).published for p in stamped} == {None}
    assert all(page_signals(p, data).published for p in own)
    # a date without a time, shared by five pages created on one day, stays
    midnight = [_dated(f"/team/m{i}/", "2019-04-10T00:00:00+00:00") for i in range(5)]
    data = site(*midnight, *own)
    assert {page_signals(p, data).published for p in midnight} == {"2019-04-10"}


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "Vom Zufall zum System.\n„Jeder Call dokumentiert. Mehrere Anbieter durchprobiert, Acme ist der erste, der "
            'nachvollziehbar liefert."\nRM\nRaphael MatschiGeschäftsführer · RINK\nWeitere Fallstudien',
            ["Raphael Matschi"],
        ),
        (
            "„Nach zahlreichen Gesprächen wurde uns bewusst“, so der Vorstand Ralf Schmid, „wie groß die "
            "Informationslücke der Einwohner ist.“",
            ["Ralf Schmid", None],
        ),
    ],
)
def test_who_signs_a_card_and_who_speaks_by_role(text: str, speakers: list[str | None]) -> None:
    page = text_page("/referenzen/rink/", f"{INTRO_DE}\n{text}", lang="de")
    assert [q.speaker for q in find_quotations(page)] == speakers


def _listing(cards: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="/blog/post-{i}/">Beitrag {i}</a><p>{INTRO_DE}</p></li>' for i in range(8))
    wall = "".join(
        f'<div class="testimonial"><p class="testimonial__quote">{text}</p><div class="testimonial__name">{name}</div>'
        "</div>"
        for text, name in cards
    )
    return f"""<html lang="de"><head><title>Referenzen</title></head><body><main><h1>Referenzen</h1>
<ul class="posts">{items}</ul><div class="wall">{wall}</div></main></body></html>"""


def test_a_wall_of_named_testimonials_on_a_listing_is_the_pages_own() -> None:
    cards = [
        ("Acme arbeitet extrem strukturiert und professionell, so stellt man sich Vertrieb vor.", "Philipp Roe"),
        ("Seit der Zusammenarbeit haben wir unseren bislang höchsten Monatsumsatz erzielt.", "Lea Muster"),
    ]
    page = html_page("/referenzen/", _listing(cards))
    assert sorted(q.speaker for q in find_quotations(page) if q.speaker) == ["Lea Muster", "Philipp Roe"]
    # one named quote on a listing may be a teaser's: not counted
    page = html_page("/referenzen/", _listing(cards[:1]))
    assert [q.speaker for q in find_quotations(page) if q.speaker] == []


def _statistics(text: str, lang: str = "de") -> list[tuple[tuple[str, ...], str | None]]:
    intro = INTRO_DE if lang == "de" else INTRO_EN
    return [(s.figures, s.source) for s in page_statistics(text_page("/blog/bericht/", f"{intro}\n{text}", lang=lang))]


def test_a_chronicles_years_are_no_counts() -> None:
    chronicle = (
        "1074 Welf IV. stiftet das Kloster Rottenbuch.\n1121 Heinrich der Schwarze lässt eine Kirche erbauen.\n"
        "um 1356 Ein Herr Konrad ist Pfarrer im Ort.\n1332 Nach den ersten Bauten beziehen 22 Benediktinermönche das "
        "neue Kloster."
    )
    assert [figures for figures, _ in _statistics(chronicle)] == [("22 Benediktinermönche",)]


@pytest.mark.parametrize(
    ("text", "figures", "sourced"),
    [
        ("Laut Statistischem Bundesamt stieg der Umsatz um ein Prozent.", ("ein Prozent",), True),
        ("Laut der FAO landen jedes Jahr über eine Milliarde Tonnen Lebensmittel im Müll.", ("eine Milliarde",), True),
        (
            "Das Regierungspräsidium Karlsruhe weist aktuell Kosten in Höhe von 31,42 Millionen aus.",
            ("31,42 Millionen",),
            True,
        ),
        ("4,82 / 5 ProvenExpert", ("4,82",), True),
        ("Wir haben 4,9 von 5 Sternen bei ProvenExpert.", ("4,9",), True),
    ],
)
def test_figures_in_words_and_their_sources(text: str, figures: tuple[str, ...], sourced: bool) -> None:
    found = _statistics(text)
    assert [f for f, _ in found] == [figures]
    assert all(bool(source) is sourced for _, source in found)


def test_a_million_times_thanks_is_no_figure() -> None:
    assert _statistics("Wir danken euch eine Million Mal für die Hilfe beim Sommerfest.") == []


@pytest.mark.parametrize(
    ("paragraph", "cited"),
    [
        (
            "Acme packages are now available under a new groupId. "
            '<a href="https://mvnrepository.com/artifact/io.acmeapi/junit5-support">Acme 2.0.0</a> is the first '
            "release published under it.",
            False,
        ),
        (
            'The first client for this new product is <a href="http://www.pizza-place.example/page/home">Pizza '
            "Place</a>, a fast casual restaurant that serves wood fired pizza in the city.",
            False,
        ),
    ],
)
def test_own_packages_and_site_builder_home_pages_are_no_citations(paragraph: str, cited: bool) -> None:
    html = f"""<html lang="en"><head><title>News</title></head><body><main><article><h1>News from Acme API</h1>
<p>{INTRO_EN}</p><p>{paragraph}</p><p>{INTRO_EN}</p></article></main></body></html>"""
    page = html_page("/updates/news/", html, url="https://acmeapi.io/updates/news/")
    assert bool([v for v in judge_links(page) if v.citation]) is cited


@pytest.mark.parametrize(
    "text",
    [
        "Antwort meist innerhalb von 24 Stunden.",
        "Bei sehr neuen Fahrzeugen (Faustregel: bis ca. 1.000 km bzw. 1 Monat) kommt eine Neuwagenbasis in Betracht.",
        "Die früher verbreitete starre Grenze („keine Wertminderung ab 5 Jahren oder 100.000 km“) ist überholt.",
        "Für die Dauer der Reparatur – je nach Fahrzeugklasse meist 23 bis 175 Euro pro Tag.",
    ],
)
def test_promises_bounds_and_tariffs_are_no_statistics(text: str) -> None:
    assert _statistics(text) == []


def test_measured_waits_and_wages_stay_statistics() -> None:
    assert [f for f, _ in _statistics("Die Wartezeit auf einen Facharzttermin lag 2024 im Schnitt bei 34 Tagen.")] == [
        ("34 Tagen",)
    ]
    found = _statistics("Handwerker verdienen laut Statistischem Bundesamt im Schnitt 25 Euro pro Stunde.")
    assert found and all(source for _, source in found)


def test_a_country_named_states_reports_nothing() -> None:
    text = "Hypertension is a leading cause of mortality in the United States with a prevalence of approximately 29%."
    found = _statistics(text, lang="en")
    assert found and all(source is None for _, source in found)


@pytest.mark.parametrize(
    ("paragraph", "cited"),
    [
        (
            'Aktuelle Termine können stets in der <a href="https://werkraum.example/wiki/werkraum:termine:aktuell">'
            "Termin-Übersicht</a> nachvollzogen werden.",
            False,
        ),
        (
            'Hier steht die <a href="https://lists.werkraum.example/mailman/listinfo/hackerspace">allgemeine Liste des '
            "Werkraums</a> zur Verfügung.",
            False,
        ),
    ],
)
def test_calendars_and_mailing_lists_are_no_citations(paragraph: str, cited: bool) -> None:
    page = html_page("/news/hackathon/", _post(paragraph))
    assert bool([v for v in judge_links(page) if v.citation]) is cited


def test_a_band_of_stat_cards_with_a_rating() -> None:
    band = (
        "Technische Entscheider entscheiden über Gespräche.\n1,4 Mio+\nGespräche geführt\n€ 83 Mio\nUmsatz generiert\n"
        "4,82/5\nProvenExpert\nSo sieht planbare Akquise aus."
    )
    found = _statistics(band)
    assert [f for f, _ in found] == [("1,4 Mio",), ("€ 83",), ("4,82",)]
    assert [bool(source) for _, source in found] == [False, False, True]


def test_a_number_word_after_a_possessive_counts_nothing() -> None:
    assert (
        _statistics("The synergies between our two organizations will strengthen our ability to innovate.", "en") == []
    )
    assert [f for f, _ in _statistics("Our 500 customers in 12 countries use the platform every day.", "en")] == [
        ("500 customers", "12 countries")
    ]


def test_a_press_releases_about_paragraph_cites_nothing() -> None:
    about = (
        'About Acme BioGenesis (<a href="https://www.acme-bio.example/">www.acme-bio.example</a>; twitter @acme)</p>'
        "<p>Acme BioGenesis is a pre-clinical company. The company was selected to participate in "
        '<a href="https://accelerator.example/program/2014">the 2014 accelerator program</a> of the region.'
    )
    page = html_page("/news/acme-raises/", _post(about, "en", "Acme raises funds"))
    assert [v.link.url for v in judge_links(page) if v.citation] == []
    control = (
        "The company was selected after a review of "
        '<a href="https://accelerator.example/program/2014">the 2014 accelerator program</a> of the region.'
    )
    page = html_page("/news/acme-raises/", _post(control, "en", "Acme raises funds"))
    assert [v.link.url for v in judge_links(page) if v.citation] == ["https://accelerator.example/program/2014"]


def test_a_separable_speech_verb_attributes() -> None:
    text = "Die GWK teilte hierzu mit: „Als Direktor wird Prof. Dr. Jan Roe die NFDI steuern und vorantreiben.“"
    page = text_page("/nfdi/konferenz/", f"{INTRO_DE}\n{text}", lang="de")
    assert [q.speaker for q in find_quotations(page)] == ["GWK"]
