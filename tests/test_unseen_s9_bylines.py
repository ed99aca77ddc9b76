"""Held-out 20 byline templates, on fixtures of our own: Hugo themes' author slots. A label standing alone
in its element ("Autor:innen", "Authors", "Autor") and the names in the elements after it, one author per
element and each name behind a decorative glyph ("↪︎ Name", an arrow with a variation selector and
no-break spaces; not a previous/next arrow: "← Name" links a neighbouring page), or the name beside an
avatar above a bio; a line labelled for several authors ("Autor*innen: A und B") names all of them; a
label with no name after it names no one."""

from __future__ import annotations

from spiders.byline_cards import slot_bylines
from spiders.byline_lines import plural_label_names, strip_glyphs
from spiders.document import parse_html
from spiders.extract_byline import extract_bylines, names_in

TEXT = "Ein langer Absatz über Wärmepumpen im Altbau, geschrieben für diese Testseite. " * 6

PAGE = """<html lang="de"><head><title>Wärme im Altbau | Beispielwissen</title></head><body>
<nav><a href="/">Start</a> <a href="/wissen/">Wissen</a></nav><main><article><header>
<ol class="crumbs"><li><a href="/wissen/">Wissen</a></li></ol><h1>Wärme im Altbau</h1>
<div class="meta"><time datetime="2024-03-02T10:00:00+01:00">2. März 2024</time><span>·</span>
<span>430 Wörter</span></div>
{slot}</header><section class="content"><p>{text}</p></section></article></main>
<footer><p>© 2024 Beispielwissen</p></footer></body></html>"""

ARROW = "&nbsp;&nbsp;&#8618;&#xFE0E; "


def _names(slot: str, url: str = "https://example.org/wissen/waerme/") -> list[str]:
    return [a.name for a in extract_bylines(parse_html(PAGE.format(slot=slot, text=TEXT).encode()), url)]


def _author(name: str, href: str = "") -> str:
    link = f'<a href="{href}" class="text-sm">{ARROW}{name}</a>' if href else f"<span>{ARROW}{name}</span>"
    return (
        f'<div class="flex author author-extra"><div class="place-self-center"><div class="prose">{link}</div>'
        '<div class="text-2xl"><div class="flex flex-wrap"></div></div></div></div>'
    )


def test_names_behind_a_decorative_glyph_on_author_links():
    slot = '<div class="uppercase">Autor:innen</div>' + _author("Jonas Wiesner", "/authors/jwiesner/")
    assert _names(slot) == ["Jonas Wiesner"]
    slot = (
        '<div class="uppercase">Autor:innen</div>'
        + _author("Jonas Wiesner", "/authors/jwiesner/")
        + _author("Mira Lindqvist", "/authors/mlindqvist/")
        + _author("Tomasz Adamczyk", "/authors/tadamczyk/")
        + '<div class="mb-5"></div>'
    )
    assert _names(slot) == ["Jonas Wiesner", "Mira Lindqvist", "Tomasz Adamczyk"]
    page = parse_html(PAGE.format(slot=slot, text=TEXT).encode())
    assert extract_bylines(page, "https://example.org/wissen/waerme/")[0].url == "/authors/jwiesner/"
    assert strip_glyphs("\xa0\xa0\u21aa\ufe0e Jonas Wiesner") == "Jonas Wiesner"
    assert strip_glyphs("• Mira Lindqvist") == "Mira Lindqvist"


def test_a_name_behind_a_previous_or_next_arrow_is_a_neighbouring_page():
    # a short profile page: the links to the previous and next person stand right under its text
    html = (
        "<html><head><title>Lotte Brink</title></head><body><main><article><header><h1>Lotte Brink</h1>"
        "<h4>Studentin, Institut für Beispielkunde</h4></header><p>Lotte Brink studiert Beispielkunde.</p>"
        '<footer><a class="prev" href="/people/jonas/">&larr; Jonas Wiesner</a> '
        '<a class="next" href="/people/mira/">Mira Lindqvist &rarr;</a></footer></article></main></body></html>'
    )
    assert [a.name for a in extract_bylines(parse_html(html.encode()), "https://example.org/people/lotte/")] == []
    assert strip_glyphs("\u2190 Jonas Wiesner") == "\u2190 Jonas Wiesner"
    assert strip_glyphs("Mira Lindqvist \u2192") == "Mira Lindqvist \u2192"


def test_an_author_slot_label_and_the_names_after_it():
    # English label, names without links and without an author class
    slot = (
        '<div class="label">Authors</div><div class="row">' + ARROW + "Jonas Wiesner</div>"
        '<div class="row">' + ARROW + "Mira Lindqvist</div>"
    )
    assert _names(slot) == ["Jonas Wiesner", "Mira Lindqvist"]
    # an avatar card: the label, the name, then a bio (which ends the slot)
    slot = (
        '<div class="flex author"><img class="rounded-full" src="/img/a.png" alt=""><div class="place-self-center">'
        '<div class="uppercase">Autor</div><div class="font-semibold">Jonas Wiesner</div>'
        '<div class="text-sm">Jonas Wiesner forscht seit vielen Jahren zu Gebäudetechnik und schreibt hier über '
        "Heizungen, Dämmung und Förderprogramme für private Haushalte.</div></div></div>"
    )
    assert _names(slot) == ["Jonas Wiesner"]
    # the label wrapped in an element of its own, the names as links joined by a comma
    slot = (
        '<div><span><b>Autor*innen</b></span></div><div><a href="/leute/jw/">Jonas Wiesner</a>, '
        '<a href="/leute/ml/">Mira Lindqvist</a></div>'
    )
    assert _names(slot) == ["Jonas Wiesner", "Mira Lindqvist"]


def test_an_empty_author_slot_names_no_one():
    assert _names('<div class="uppercase">Autor:innen</div>') == []
    # a label followed by the text, not by names
    assert _names('<div class="uppercase">Authors</div><p>Wärmepumpen laufen auch in alten Häusern gut.</p>') == []
    page = parse_html(PAGE.format(slot='<div class="uppercase">Autor:innen</div>', text=TEXT).encode())
    assert slot_bylines(page) == []


def test_a_line_labelled_for_several_authors_names_them_all():
    assert _names("<p>Autor:innen: Jonas Wiesner, Mira Lindqvist</p>") == ["Jonas Wiesner", "Mira Lindqvist"]
    assert _names("<p>Autorinnen und Autoren: Jonas Wiesner und Mira Lindqvist</p>") == [
        "Jonas Wiesner",
        "Mira Lindqvist",
    ]
    assert names_in("Authors: Jonas Wiesner and Mira Lindqvist") == ["Jonas Wiesner", "Mira Lindqvist"]
    assert plural_label_names("AutorInnen: Jonas Wiesner, Mira Lindqvist") == ["Jonas Wiesner", "Mira Lindqvist"]
    # an affiliation after the name is no second author
    assert plural_label_names("Autoren: Jonas Wiesner, Hochschule Bremen") == []
    assert plural_label_names("Von Jonas Wiesner und Mira Lindqvist") == []
