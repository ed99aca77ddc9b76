"""Held-out 11/12 byline and date templates (issue 12), on fixtures of our own: a dated publication line
ending with the writers, an author card under the title, a "Name, Role" line over a bare date, a date in
the content's breadcrumb bar, and a listing's repeated "Published … by" teaser lines."""

from __future__ import annotations

from spiders.byline_cards import dated_line_names, name_role_names
from spiders.document import parse_html
from spiders.extract_byline import extract_bylines
from spiders.extract_evidence import extract_visible_date, header_window


def _names(html: str) -> list[str]:
    return [a.name for a in extract_bylines(parse_html(html.encode()))]


def _date(html: str) -> str | None:
    tree = parse_html(html.encode())
    return extract_visible_date(tree, header_window(tree))[0]


HERO_POST = """<html><head><meta charset="utf-8"></head><body><div class="navbar"><a href="/">Rivermark notes</a></div>
<section class="hero"><p class="title">Folding maps by hand</p></section>
<div class="content"><p><strong>{line}</strong></p>
<p>{text}</p><h2>First steps</h2><p>{text}</p></div></body></html>"""
TEXT = "A long paragraph about folding paper maps along their creases, written for the fixture. " * 6


def test_dated_line_names_its_writers():
    html = HERO_POST.format(line="Published: Mar 3, 2021 by Lena Okafor, Tomas Brandt", text=TEXT)
    assert _names(html) == ["Lena Okafor", "Tomas Brandt"]
    html = HERO_POST.format(line="Veröffentlicht am 4. Mai 2022 von Jana Muster", text=TEXT)
    assert _names(html) == ["Jana Muster"]
    assert dated_line_names("Posted on 12 June 2020 by Ada Quill") == ["Ada Quill"]
    assert dated_line_names("Talk held on 3 May 2024 by the river") == []
    assert dated_line_names("Published: Mar 3, 2021 by Rivermark GmbH") == []


LISTING = """<html><body><section class="hero"><p class="title">Rivermark notes</p></section>
<div class="cards">{cards}</div></body></html>"""
CARD = """<div class="card"><a href="/p{i}"><p class="title">Post {i}</p></a>
<p class="subtitle">Published Mar {i}, 2021 by Lena Okafor</p><p>Teaser text.</p></div>"""


def test_teaser_lines_of_a_listing_are_no_byline_and_no_date():
    html = LISTING.format(cards="".join(CARD.format(i=i) for i in range(1, 5)))
    assert _names(html) == []
    assert _date(html) is None


CARD_POST = """<html><body><main><nav aria-label="Breadcrumb"><ol><li><a href="/blog">Blog</a></li></ol>
<div>Read Time: 4 minutes</div><div>March 9, 2023</div></nav>
<h1>Streaming joins explained</h1>
<div class="flex"><img src="/a.png" alt="Mira Castell"><div><p><a href="https://example.org/mira">Mira Castell</a></p>
<p>Head of Research, Examplecorp</p></div></div>
<p>{text}</p></main></body></html>"""


def test_single_author_card_under_the_title_and_breadcrumb_date():
    html = CARD_POST.format(text=TEXT)
    assert _names(html) == ["Mira Castell"]
    assert _date(html) == "2023-03-09"


TEAM = """<html><body><main><h1>Our team</h1>{cards}<p>{text}</p></main></body></html>"""
PERSON = """<div><img src="/{n}.png" alt="{n}"><div><p>{n}</p><p>Engineer, Examplecorp</p></div></div>"""


def test_team_grid_and_profile_cards_are_no_bylines():
    cards = "".join(PERSON.format(n=n) for n in ("Mira Castell", "Ola Brenner", "Tavi Lund"))
    assert _names(TEAM.format(cards=cards, text=TEXT)) == []
    profile = TEAM.replace("Our team", "Mira Castell").format(cards=PERSON.format(n="Mira Castell"), text=TEXT)
    assert _names(profile) == []
    grid_with_author = TEAM.format(cards=cards, text=TEXT).replace(
        "</main>", "<h2>Author</h2>" + PERSON.format(n="Ada Quill") + "</main>"
    )
    assert _names(grid_with_author) == ["Ada Quill"]


ROLE_POST = """<html><body><div class="entry"><div class="single-post-wrapper">
<h2>Swimming lessons for small heroes</h2>
<p>{line}</p><p><div class="meta">March 14, 2018</div></p><p>{text}</p></div></div></body></html>"""


def test_name_role_line_over_a_bare_date():
    line = "Nora Feld, Speech Language Pathologist and Piet Adler, Recreation Therapist"
    assert _names(ROLE_POST.format(line=line, text=TEXT)) == ["Nora Feld", "Piet Adler"]
    assert _names(ROLE_POST.format(line="Kira Voss, Director of Outreach", text=TEXT)) == ["Kira Voss"]
    assert name_role_names("Berlin Mitte, Germany") == []
    assert _names(ROLE_POST.format(line="Lakeside Friends Foundation", text=TEXT)) == []


def test_lone_person_card_on_an_undated_page_is_no_byline():
    html = CARD_POST.format(text=TEXT).replace("<div>March 9, 2023</div>", "")
    assert _names(html) == []
