"""An author's name ends where its element ends when the next element is a block or a role, title or
author label (issue 12): an author card's "<h5>NAME</h5><h6>Professor …</h6>" and a meta row's
"<span>NAME</span><small>AUTHOR</small>" gave "NAME Professor" and "NAMEAUTHOR". Pages of our own,
German and English."""

from __future__ import annotations

import lxml.html
import pytest

from scoring.checks.author_byline import unglued, visible_authors
from scoring.core.records import PageRecord, count_words
from spiders import extract as ex
from spiders.extract_byline import meta_row_names
from spiders.extract_evidence import extract_byline_lines

URL = "https://www.beispiel-firma.example/blog/beitrag/"
FILLER = "<p>" + "Ein Absatz über Wärmepumpen im Bestand mit vielen Details. " * 12 + "</p>"


def page(body: str) -> str:
    return f"<html><head><title>Beitrag | Beispiel Firma</title></head><body>{body}</body></html>"


def authors(html: str) -> list[str]:
    fields = ex.extract_page(ex.parse_html(html), URL, lambda u: "beispiel-firma" in u)
    fields["word_count"] = count_words(fields["main_text"])
    return visible_authors(PageRecord(url=URL, status=200, content_type="text/html", **fields))


CARD = (
    '<div class="media author-card"><div class="media-body"><h5 class="card-title">{name}</h5>'
    '<h6 class="card-subtitle">{role}</h6><p class="card-text">{bio}</p></div></div>'
)
CASES = [
    (
        "an author card's name heading, then the role heading (English)",
        page(
            "<main><article><h1>Growing beans on a balcony</h1><p>Beans need sun.</p>"
            + CARD.format(name="Ruth Example", role="Professor of Plant Science", bio="Likes beans, soil and tea.")
            + f"</article>{FILLER}</main>"
        ),
        ["Ruth Example"],
    ),
    (
        "an author card's name heading, then the role heading (German)",
        page(
            "<main><article><h1>Wärmepumpe im Altbau</h1><p>Kurz notiert.</p>"
            + CARD.format(name="Jana Albrecht", role="Geschäftsführerin Beispiel Firma", bio="Schreibt über Heizungen.")
            + f"</article>{FILLER}</main>"
        ),
        ["Jana Albrecht"],
    ),
    (
        "a name and an AUTHOR label side by side in a dated meta row",
        page(
            "<main><article><h1>Heat pumps in old houses</h1><ul class='post-meta'>"
            "<li><span>Jane Doe</span><small>AUTHOR</small></li><li>July 23, 2022</li></ul>"
            f"{FILLER}</article></main>"
        ),
        ["Jane Doe"],
    ),
    (
        "Name und Autorin-Label nebeneinander in einer datierten Meta-Zeile",
        page(
            "<main><article><h1>Wärmepumpe im Altbau</h1><div class='meta'>"
            "<span><b>Lena Beispiel</b><small>Autorin</small></span><span>12. März 2025</span></div>"
            f"{FILLER}</article></main>"
        ),
        ["Lena Beispiel"],
    ),
    (
        "'Von NAME' with the role in an inline element right after the name",
        page(
            "<main><article><h1>Wärmepumpe im Altbau</h1><p>Von <b>Jana Albrecht</b><i>Inhaberin</i></p>"
            f"{FILLER}</article></main>"
        ),
        ["Jana Albrecht"],
    ),
    (
        "a surname that is also a role noun stays with the given name in its own element",
        page(
            "<main><article><h1>Heat pumps in old houses</h1><p class='byline'>By <span>Tom</span> "
            f"<span>Baker</span></p>{FILLER}</article></main>"
        ),
        ["Tom Baker"],
    ),
]


@pytest.mark.parametrize(("html", "names"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_name_ends_at_its_element_before_a_role(html, names):
    assert authors(html) == names


@pytest.mark.parametrize(
    ("row", "names"),
    [
        ("<ul><li><span>Jane Doe</span><small>AUTHOR</small></li><li>July 23, 2022</li></ul>", ["Jane Doe"]),
        ("<div><span>Jana Albrecht</span><small>Autorin</small><span>12.03.2025</span></div>", ["Jana Albrecht"]),
        ("<div><span>Jana Albrecht</span><span>12.03.2025</span></div>", ["Jana Albrecht"]),
    ],
)
def test_meta_row_names_end_at_a_role_label(row, names):
    assert meta_row_names(lxml.html.fromstring(row)) == names


def test_byline_lines_mark_where_the_name_ends():
    tree = ex.parse_html(
        page(
            "<h1>T</h1><p>Von <span>Jana Albrecht</span><small>Autorin</small></p>"
            "<p>By <b>Jane Doe</b><i>Founder of Example</i></p><p>By <span>Tom</span> <span>Baker</span></p>"
        )
    )
    assert extract_byline_lines(tree) == [
        "Von Jana Albrecht · Autorin",
        "By Jane Doe · Founder of Example",
        "By Tom Baker",
    ]


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Jana AlbrechtInhaberin", "Jana Albrecht"),
        ("Jana AlbrechtGeschäftsführerin", "Jana Albrecht"),
        ("Ruth ExampleProfessor", "Ruth Example"),
        ("Jane DoeAuthor", "Jane Doe"),
        ("Ronald McDonald", "Ronald McDonald"),
        ("Anna MacArthur", "Anna MacArthur"),
    ],
)
def test_a_role_glued_to_the_surname_is_cut_off(name, kept):
    assert unglued(name) == kept
