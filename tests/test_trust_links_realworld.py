"""Which links name a trust page (privacy, contact, about): patterns from real sites, where blog
categories were taken for the privacy and about pages and "Über mich" / "Autoren" were not found."""

from __future__ import annotations

import pytest

from scoring.checks.trust_pages import trust_link_matcher

CASES = [
    ("privacy", "Datenschutz", "/datenschutz/", True),
    ("privacy", "Privacy Policy", "/en/privacy-policy/", True),
    ("privacy", "Datenschutz-Tipps für Vereine", "/blog/datenschutz-tipps/", False),  # a post
    ("privacy", "Datenschutz (12)", "/category/datenschutz/", False),  # a blog category
    ("contact", "Kontakt & Anfahrt", "/kontakt-anfahrt/", True),
    ("contact", "Kontaktlinsen im Test", "/blog/kontaktlinsen/", False),
    ("about", "Über mich", "/ueber-mich/", True),
    ("about", "Autoren", "/autoren/", True),
    ("about", "Unsere Geschichte in 5 Bildern", "/blog/geschichte-in-bildern/", False),
    ("about", "Über uns", "/tag/ueber-uns/", False),
]


@pytest.mark.parametrize(("kind", "anchor", "path", "expected"), CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES])
def test_trust_page_links(kind, anchor, path, expected):
    assert trust_link_matcher(kind)(anchor, "https://www.beispiel.example" + path) is expected
