"""A theme's hidden search overlay carries its own H1 ("Search"): it is not the page's heading.

Failure class seen on real pages (a Hugo theme whose every page starts with a search box holding an
H1): every page looked like it had two H1s and its first H1 read "Search". Fixtures are our own.
"""

from __future__ import annotations

import pytest

from spiders.document import parse_html
from spiders.extract import extract_headings

_OVERLAY = """<html><body>
<aside class="search-results" id="search"><section class="search-header">
  <h1>Search</h1><input name="q" type="search" placeholder="Search..."></section></aside>
<nav><h2>Menu</h2></nav>
<main><h1>Wie wir Schulungen planen</h1><h2>Ablauf</h2></main>
</body></html>"""


def _headings(html: str) -> list[tuple[int, str]]:
    return [(h.level, h.text) for h in extract_headings(parse_html(html.encode()))]


def test_search_overlay_heading_is_not_the_page_heading() -> None:
    assert _headings(_OVERLAY) == [(1, "Wie wir Schulungen planen"), (2, "Ablauf")]


@pytest.mark.parametrize(
    "region",
    [
        '<div role="search"><h2>Find articles</h2><input name="term"></div>',
        "<search><h2>Find articles</h2><input name=s></search>",
        '<div id="site-search" class="overlay"><h2>Find articles</h2><input type="search"></div>',
    ],
)
def test_search_regions_by_role_element_or_name(region: str) -> None:
    html = f"<html><body>{region}<article><h1>Annual report</h1></article></body></html>"
    assert _headings(html) == [(1, "Annual report")]


def test_a_search_page_keeps_its_own_heading() -> None:
    html = """<html><head><meta charset="utf-8"></head><body class="search search-results">
    <h1>Suchergebnisse für Dach</h1><form><input name="s" value="Dach"></form><h2>Dachsanierung</h2>
    </body></html>"""
    assert _headings(html) == [(1, "Suchergebnisse für Dach"), (2, "Dachsanierung")]


def test_a_research_section_with_a_form_is_content() -> None:
    html = """<html><body><h1>Our lab</h1>
    <section class="research"><h2>Current research</h2><input name="q"></section></body></html>"""
    assert _headings(html) == [(1, "Our lab"), (2, "Current research")]
