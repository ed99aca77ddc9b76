"""Held-out 21 byline lines, on fixtures of our own: a line under the H1 that names the kind of text and its
writer before the name ("Notizen und Gedanken von NAME aus dem Gespräch am …", "Bericht von NAME über …",
"A report by NAME on …", "Notes by NAME"), German and English alike. The noun says what was written, so the
person after "von/by" is its writer; the line may go on after the name. Not a byline: the same words before
something that is no person ("Ein Bericht von der Tagung"), a work that is not the page's text ("Gedichte von
NAME"), or such a line in the footer or the sidebar."""

from __future__ import annotations

import pytest

from spiders.document import parse_html
from spiders.extract_byline import extract_bylines
from spiders.visible_dates import extract_visible_date, header_window

TEXT = "Ein langer Absatz über die Bilder der Ausstellung im Kloster, geschrieben für diese Testseite. " * 5

PAGE = """<html lang="de"><head><meta charset="utf-8"><title>Das Gartenbild | Beispielstiftung</title></head><body>
<div id="header"><a href="/">Beispielstiftung</a></div>
<ul id="nav"><li><a href="/werke">Werke</a></li><li><a href="/kontakt">Kontakt</a></li></ul>
<div id="content"><h1>Das Gartenbild</h1>
{line}
<p>{text}</p><p>{text}</p></div>
<div id="recent"><h3>Aktuelles</h3>{side}</div>
<div id="footer">{foot}</div></body></html>"""


def _names(line: str, side: str = "", foot: str = "") -> list[str]:
    html = PAGE.format(line=line, text=TEXT, side=side, foot=foot)
    return [a.name for a in extract_bylines(parse_html(html.encode()), "https://example.org/bildbetrachtung/garten/")]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("<p>Notizen und Gedanken von Greta Holzner\naus dem Werkstattgespräch am 3.4.2021</p>", "Greta Holzner"),
        (
            "<p>Bericht von Jonas Feldmann über die Restaurierung der Fresken.\n"
            "Kreisblatt Neustadt, Ausgabe vom 5. März 2020</p>",
            "Jonas Feldmann",
        ),
        ("<p>Ein Bericht von Marta Quendt</p>", "Marta Quendt"),
        ("<p>Text von Ilse Brandauer</p>", "Ilse Brandauer"),
        ("<p>Gedanken von Paul Ostermeier zum Jahresbeginn</p>", "Paul Ostermeier"),
        ("<p><em>Eine Reportage von Sabine Krall</em></p>", "Sabine Krall"),
        ("<p>Notes by Harriet Colebrook from the studio talk in May</p>", "Harriet Colebrook"),
        ("<p>A report by Miles Dunmore on the excavation season</p>", "Miles Dunmore"),
        ("<p>Text and photos by Ada Penhallow</p>", "Ada Penhallow"),
        ("<p>An essay by Laurence Whitcombe</p>", "Laurence Whitcombe"),
    ],
)
def test_a_line_naming_the_kind_of_text_and_its_writer_under_the_h1(line: str, name: str) -> None:
    assert _names(line) == [name]


@pytest.mark.parametrize(
    "line",
    [
        "<p>Ein Bericht von der Tagung in Memmingen</p>",  # no person after "von"
        "<p>Gedichte von Rainer Holderbach, gelesen im Kreuzgang</p>",  # a work that is not this text
        "<p>Notes by the curators of the spring show</p>",
        "<p>Bilder von Greta Holzner hängen bis Mai im Kreuzgang.</p>",
    ],
)
def test_no_byline_without_a_person_or_for_a_work_that_is_not_the_text(line: str) -> None:
    assert _names(line) == []


def test_such_a_line_in_the_sidebar_or_the_footer_is_no_byline() -> None:
    side = "<p>Ein Bericht von Marta Quendt</p>"
    assert _names("<p>Aus dem Archiv der Stiftung.</p>", side=side) == []
    assert _names("<p>Aus dem Archiv der Stiftung.</p>", foot="<p>Text von Ilse Brandauer</p>") == []


def _date(line: str) -> str | None:
    tree = parse_html(PAGE.format(line=line, text=TEXT, side="", foot="").encode())
    return extract_visible_date(tree, header_window(tree))[0]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        # a newspaper's weekend issue: the first of its two days; a day written against the month
        ("<p>Bericht von Jonas Feldmann. Kreisblatt Neustadt, Ausgabe vom 14./15.März 2020</p>", "2020-03-14"),
        ("<p>Ein Bericht von Marta Quendt im Landboten, Ausgabe vom 7.Juni 2019</p>", "2019-06-07"),
        (
            "<p>Bericht von Jonas Feldmann über die Restaurierung der Fresken im Kreuzgang der Abtei.\n"
            "Kreisblatt Neustadt und Umgebung, Ausgabe vom 14./15. März 2020</p>",
            "2020-03-14",
        ),
        (
            "<p>A report by Miles Dunmore on the excavation season at the old priory and its gardens.\n"
            "The Harbour Courier, weekend edition of 9 October 2018</p>",
            "2018-10-09",
        ),
        ("<p>Text by Ada Penhallow. The Harbour Courier, issue of 9 October 2018</p>", "2018-10-09"),
    ],
)
def test_the_issue_a_report_appeared_in_dates_it(line: str, iso: str) -> None:
    assert _date(line) == iso


@pytest.mark.parametrize(
    "line",
    [
        "<p>Notizen und Gedanken von Greta Holzner aus dem Werkstattgespräch am 3.4.2021</p>",
        "<p>Gedanken von Paul Ostermeier, gesagt beim Vortrag am 12. Mai 2022</p>",
        "<p>Notes by Harriet Colebrook from the studio talk on 4 May 2023</p>",
    ],
)
def test_the_day_of_the_talk_a_text_comes_from_is_no_publication_date(line: str) -> None:
    assert _date(line) is None


def test_a_reference_in_a_footnote_list_is_no_sign_off() -> None:
    notes = (
        "<section class='footnotes' role='doc-endnotes'><ol>"
        "<li id='fn:1'><p><a href='https://example.com/a.pdf'>Open Markets for Rural Broadband<br>(Hallam, 2001)</a>"
        "&#160;<a href='#fnref:1' class='footnote-backref'>&#8617;</a></p></li></ol></section>"
    )
    html = PAGE.format(line="<p>Aus dem Archiv.</p>", text=TEXT, side="", foot="").replace(
        '</div>\n<div id="recent">', f'{notes}</div>\n<div id="recent">'
    )
    names = [a.name for a in extract_bylines(parse_html(html.encode()), "https://example.org/bildbetrachtung/garten/")]
    assert names == []  # "Open Markets for Rural Broadband": a cited title, not "NAME für ORG" closing the text
