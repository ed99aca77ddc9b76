"""Failure classes of the sixth unseen label set (issue 12), each on a page of our own:
a byline name followed by a <time> in its own element, a deadline in a title read as a dated byline,
an "Effective date" heading over a bare date on a legal page."""

from __future__ import annotations

import pytest

from spiders.document import parse_html
from spiders.extract_byline import extract_bylines
from spiders.extract_evidence import _date_line, extract_visible_date, header_window

PAGE = """<html><body><main><article>
<h1 class="post-title">{title}</h1>
{meta}
<div class="post-content"><p>Oftentimes a style guide is read as a list of colours and fonts only.</p></div>
</article></main></body></html>"""


@pytest.mark.parametrize(
    ("meta", "name"),
    [
        ('<p>by <a href="/m/">Mara Lindqvist</a> <span><time>Jul 2, 2018</time></span></p>', "Mara Lindqvist"),
        ('<p>von <a href="/team/">Jonas Pfeiffer</a> <span>12.03.2024</span></p>', "Jonas Pfeiffer"),
        ('<p>by <a href="/team/">Ana Sol</a> <span class="date">May 14, 2021</span></p>', "Ana Sol"),
    ],
)
def test_a_date_in_its_own_element_ends_the_byline_name(meta: str, name: str) -> None:
    tree = parse_html(PAGE.format(title="Style guides go beyond looks", meta=meta))
    assert [signal.name for signal in extract_bylines(tree)] == [name]


def test_a_deadline_in_the_title_is_not_the_publication_date() -> None:
    tree = parse_html(PAGE.format(title="Urgent: the shelter must move out by 3 March 2026.", meta=""))
    assert extract_visible_date(tree, header_window(tree)) == (None, None)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Urgent: the shelter must move out by 3 March 2026.", None),
        ("Anmeldung bitte bis 3. März 2024 im Vereinsbüro", None),
        ("Posted by Jane Doe on 3 March 2026", "2026-03-03"),
        ("Ein Beitrag von Anna Maier am 3. März 2024", "2024-03-03"),
        ("12. Januar 2010", "2010-01-12"),
    ],
)
def test_by_before_a_date_is_a_deadline_not_a_byline_cue(line: str, expected: str | None) -> None:
    parsed = _date_line(line)
    assert (parsed[0] if parsed else None) == expected


@pytest.mark.parametrize(
    ("heading", "date_text", "iso"),
    [("Effective date", "11 October 2023", "2023-10-11"), ("Stand", "1. Februar 2025", "2025-02-01")],
)
def test_a_cue_heading_over_a_bare_date_labels_that_date(heading: str, date_text: str, iso: str) -> None:
    html = (
        "<html><body><main><h1>Privacy notice</h1><p>How we handle personal data.</p>"
        f"<section><h2>{heading}</h2><p>{date_text}</p></section>"
        "<section><h2>1. Introduction</h2><p>We protect your privacy.</p></section></main></body></html>"
    )
    tree = parse_html(html)
    found, text = extract_visible_date(tree, header_window(tree))
    assert found == iso
    assert text == f"{heading}: {date_text}"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("by Mara Lindqvist Jul 2, 2018 4 minutes 830 Words\nStyle guides go beyond looks.", "Mara Lindqvist"),
        ("Von Jonas Pfeiffer Mai 2024\nDer Text beginnt hier.", "Jonas Pfeiffer"),
        ("By Brian May\nA guitarist on sound.", "Brian May"),  # no day follows: "May" is his name
    ],
)
def test_a_month_opening_the_date_after_a_byline_is_not_part_of_the_name(text: str, name: str) -> None:
    from scoring.checks.author_byline import visible_byline

    assert visible_byline(text) == name
