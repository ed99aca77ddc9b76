"""Failure classes of the seventh and eighth unseen label sets and of the press releases of the corpus
(issues 12 and 13), each on text or a page of our own: a "Name (@handle) | 11/09/2018" byline line, a
date line that the theme's stylesheet hides, teaser dates under a "Recommended For You" heading, a
preposition in running text read as a byline cue, and quotation attribution in press-release German
(employer after the name, asides, role appositions, "Dazu Präsident X:", mismatched marks, nested quotes).
"""

from __future__ import annotations

import pytest

from scoring.checks.attributed_quotes import find_quotations
from scoring.core.records import PageRecord
from spiders.document import parse_html
from spiders.extract_byline import extract_bylines, name_date_line
from spiders.extract_evidence import _date_line, extract_visible_date, header_window
from spiders.regions import is_hidden

URL = "https://www.beispiel-verband.example/presse/mitteilung/"

POST = """<html><head><meta charset="utf-8">{style}</head><body><main>
<h1 class="entry-title">{title}</h1>
{meta}
<div class="entry-content"><p>Der Verband hat heute seine Jahresbilanz vorgestellt und zieht ein gemischtes Fazit.
Die Zahl der Mitgliedsbetriebe ist gewachsen, die Zahl der Auszubildenden gesunken. Für das kommende Jahr
plant der Verband mehr Beratung vor Ort, eine neue Reihe von Werkstattgesprächen und eine engere
Zusammenarbeit mit den Berufsschulen der Region, damit mehr junge Menschen den Weg ins Handwerk finden.
Dazu gehören auch Tage der offenen Tür in den Betrieben und Praktika in den Sommerferien.</p></div>
{after}
</main></body></html>"""


def _page(title: str = "Jahresbilanz des Verbands", meta: str = "", style: str = "", after: str = "") -> str:
    return POST.format(title=title, meta=meta, style=style, after=after)


# -- bylines ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Mara Lindqvist (@maralind) | 11/09/2018", "Mara Lindqvist"),
        ("Jonas Pfeiffer (@jpf_data) |06/2019", "Jonas Pfeiffer"),
        ("Hamburg | 11/09/2018", None),  # a place and a date: no handle vouches for a person
    ],
)
def test_a_social_handle_vouches_for_the_name_of_a_name_date_line(line: str, name: str | None) -> None:
    assert name_date_line(line) == name


def test_a_name_handle_date_line_under_the_title_is_the_byline() -> None:
    meta = (
        '<span class="title-subline">Mara Lindqvist (<a href="https://x.example/maralind">@maralind</a>)'
        " | 11/09/2018</span>"
    )
    assert [s.name for s in extract_bylines(parse_html(_page(meta=meta).encode()))] == ["Mara Lindqvist"]


# -- hidden by the page's stylesheet ---------------------------------------------------------------

META = (
    '<div class="entry-meta"><span class="posted-date">6. Juni 2021</span> '
    '<a rel="author" href="/author/presse/">Jana Albrecht</a></div>'
)


def test_a_date_and_byline_the_theme_css_hides_are_not_shown() -> None:
    tree = parse_html(_page(meta=META, style="<style>.entry-meta{display:none !important}</style>").encode())
    assert extract_visible_date(tree, header_window(tree)) == (None, None)
    assert extract_bylines(tree) == []


def test_without_the_hiding_rule_the_same_line_is_read() -> None:
    tree = parse_html(_page(meta=META, style="<style>.entry-meta{color:#777}</style>").encode())
    assert extract_visible_date(tree, header_window(tree))[0] == "2021-06-06"
    assert [s.name for s in extract_bylines(tree)] == ["Jana Albrecht"]


@pytest.mark.parametrize(
    ("css", "hidden"),
    [
        (".entry-meta{display:none}", True),
        ("div.entry-meta, .other { visibility: hidden }", True),
        ("#meta-box{display:none}", True),  # the id of an ancestor below
        ("@media (max-width: 600px) { .entry-meta{display:none} }", False),  # hidden on small screens only
        (".entry-meta{display:none} .entry-meta.open{display:block}", False),  # shown by a state
        (".sidebar .entry-meta{display:none}", False),  # a descendant selector is not read
        ("/* .entry-meta{display:none} */", False),
    ],
)
def test_stylesheet_rules_that_hide_an_element(css: str, hidden: bool) -> None:
    html = (
        f"<html><head><style>{css}</style></head>"
        '<body><div id="meta-box"><p class="entry-meta">x</p></div></body></html>'
    )
    tree = parse_html(html.encode())
    assert is_hidden(tree.xpath("//p")[0]) is hidden


# -- dates -----------------------------------------------------------------------------------------


def test_teaser_dates_under_a_recommended_heading_are_other_pages() -> None:
    after = """<h3>Recommended For You</h3><div class="row"><div class="panel-body">
    <p class="lead"><a href="/guides/landing-pages/">How to write a landing page that converts</a></p>
    <p class="meta">Posted 25 May 2011</p></div></div>"""
    tree = parse_html(_page(after=after).encode())
    assert extract_visible_date(tree, header_window(tree)) == (None, None)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a preposition in running text is no byline cue; the date is an event's
        (
            "Wir wollten eine lebenswerte Welt und bekamen eine Geldstrafe in Höhe von 750 €. Im Prozess vom "
            "21.05.2024 ging es um eine Sitzblockade vor dem Messegelände der Stadt.",
            None,
        ),
        # the date of a text a long sentence names is a publication date
        (
            "Der Artikel vom 14. Oktober 2024 im Wochenblatt beleuchtet, wie Handwerksbetriebe in der Region mit "
            "dem Fachkräftemangel umgehen und was sie dagegen tun.",
            "2024-10-14",
        ),
        ("Pressemitteilung vom 05.06.21", "2021-06-05"),  # a two-digit year after "vom"
        ("Aktenzeichen 05.06.21", None),  # ... and only there
    ],
)
def test_date_lines(line: str, expected: str | None) -> None:
    found = _date_line(line)
    assert (found[0] if found else None) == expected


# -- quotation attribution -------------------------------------------------------------------------


def _speakers(text: str) -> list[str | None]:
    """Speakers in order, titles dropped (as the bench compares them)."""
    page = PageRecord(url=URL, status=200, content_type="text/html", main_text=text)
    return [q.speaker.replace("Dr. ", "") if q.speaker else None for q in find_quotations(page)]


QUOTE_CASES = [
    (
        "the employer after 'von der' is no second speaker",
        "Die Messungen überraschten. Dr. Ian Kerr von der Universität Lübeck, einer der Mitautoren der Studie, "
        "erläuterte: „Die Strömungen ändern sich viel schneller, als wir dachten.“",
        ["Ian Kerr"],
    ),
    (
        "an aside in parentheses names no speaker",
        "Die Messungen überraschten. Der Hauptautor der Studie, Dr. Lewis Brand (früher an der Universität "
        "Bremen), erklärte: „Die Strömungen ändern sich viel schneller, als wir dachten.“",
        ["Lewis Brand"],
    ),
    (
        "a role apposition without an article describes the speaker",
        "Die Quoten wurden beschlossen. Svea Bender, Bereichsleitung für Naturschutz und Biologische Vielfalt "
        "bei der Umwelthilfe, erklärt: „Die festgelegten Quoten sind unzureichend und gefährden die Bestände.“",
        ["Svea Bender"],
    ),
    (
        "'Dazu <role> <name>:' on the line before the quotation",
        "Das Gericht hat der Klage stattgegeben. Dazu Verbandspräsident Jörg-Anton Kremer:\n"
        "„Das Urteil ist ein wichtiger Etappensieg in einem komplizierten Rechtsstreit.“",
        ["Jörg-Anton Kremer"],
    ),
    (
        "an English opening mark closed the German way, and a pronoun for the one named before",
        "Das Projekt läuft weiter. Dr. Mira Clausen vom Forschungszentrum Küste erklärt: “Es ist wichtig, die "
        "Strömungen am Meeresboden zu verstehen.“\nSie ergänzt: „Es gibt bisher nur sehr wenige direkte Messungen.“",
        ["Mira Clausen", "Mira Clausen"],
    ),
    (
        "a quotation that quotes a term („… „X“ …“)",
        "Die Biologin Dr. Mona Hollerath beschreibt neue Arten. „Versuche zeigten, dass Fische nachts besser "
        "jagen. Dies wird als „Alarmanlagen“ Hypothese diskutiert“ erklärt Hollerath.",
        ["Mona Hollerath"],
    ),
    (
        "a month names no one",
        "Jane Rook, project manager at the University of Perth, explains the work done in December like this: "
        "“the workflow maps every field and holding across the islands.”",
        ["Jane Rook"],
    ),
    (
        "a relative clause between the name and the verb names no speaker",
        "Die Polizei griff ein. Lou Schmidtke von No Future for Cars, bei deren Aktion mehrere Aktivist*innen "
        "festgenommen wurden, sagt: „Trotz der Einschüchterung lassen wir uns nicht unterkriegen.“",
        ["Lou Schmidtke"],
    ),
    (
        "a particle with a surname stays part of the name",
        "„Wir sind stolz auf das ganze Team“, sagte Ursula von der Lindt in Brüssel.",
        ["Ursula von der Lindt"],
    ),
    (
        "instructions before a command are no speaker",
        "Edit the boot loader entry first:\n“sudo nano /boot/loader/entries/arch.conf”",
        [None],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in QUOTE_CASES], ids=[c[0] for c in QUOTE_CASES])
def test_press_release_attribution(text: str, expected: list[str | None]) -> None:
    assert _speakers(text) == expected


# -- a hidden post-meta date: structural evidence of a post, never the page's shown date -------------


def test_a_hidden_post_meta_date_types_the_page_but_is_not_its_date() -> None:
    from scoring.checks.content_dates import own_date
    from scoring.pagetypes import classify
    from tests.factories import html_page

    body = "<p>Die Betriebe der Region berichten von vollen Auftragsbüchern und langen Wartezeiten. </p>" * 30
    html = _page(meta=META, style="<style>.entry-meta{display:none}</style>", after=body)
    page = html_page("/jahresbilanz-des-verbands/", html)
    assert page.dates.published_source == "hidden-meta"
    assert classify(page).kind == "article"
    assert own_date(page) is None


def test_a_time_element_on_the_home_page_is_a_teasers_date() -> None:
    from scoring.checks.content_dates import own_date
    from tests.factories import html_page

    teasers = "".join(
        f'<div class="teaser"><h2><a href="/blog/{n}/">Beitrag {n} über unsere Arbeit</a></h2>'
        f'<time datetime="2022-06-{n:02d}">{n}.06.2022</time></div>'
        for n in range(1, 4)
    )
    page = html_page(
        "/", f"<html><body><main><h1>Verband</h1><p>Wir sind ein Verband.</p>{teasers}</main></body></html>"
    )
    assert own_date(page) is None


# -- citations: calls to action are no sources -------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://pad.beispiel-buendnis.example/form/#/2/form/view/abc", "booking"),  # a sign-up form
        ("https://forms.tool.example/f/22wqj-820/2Z3S", "booking"),
        ("https://we.tl/t-Y4ntr4TGpv", "download"),  # a press photo transfer
        ("https://www.startnext.com/unser-projekt", "platform"),  # crowdfunding
        ("https://www.destatis.de/DE/Themen/Gesellschaft-Umwelt/_inhalt.html", None),  # a source stays one
    ],
)
def test_forms_transfers_and_crowdfunding_are_calls_to_action(url: str, kind: str | None) -> None:
    from scoring.citation_rules import non_source_kind

    assert non_source_kind(url) == kind
