"""People a brief may name (issue 17): a person's name on a team or about page, never a heading that reads
as one (two capitalised words: "Hohe Qualität", "Europaweiter Service", "Leading Teams")."""

from __future__ import annotations

from auditor.llm.grounding import people
from scoring.audit import score_site
from scoring.core.records import Heading
from tests.factories import artifacts, page

ABOUT = (
    "Wir liefern hohe Qualität zu fairen Preisen. Unser Team arbeitet europaweit und mit viel Erfahrung. "
    "Jana Berg leitet die Planung, Tom Weber die Montage. We keep leading teams small. "
)


def test_team_page_headings_that_are_no_names_are_no_people():
    about = page(
        "ueber-uns/",
        title="Über uns",
        main_text=ABOUT * 6,
        word_count=len((ABOUT * 6).split()),
        headings=[
            Heading(level=1, text="Über uns"),
            *(Heading(level=2, text=t) for t in ("Hohe Qualität", "Europaweiter Service", "Leading Teams")),
            *(Heading(level=3, text=t) for t in ("Jana Berg", "Tom Weber")),
        ],
    )
    home = page("", title="Haustechnik Berg", main_text=ABOUT * 3, word_count=3 * len(ABOUT.split()))
    pages = [home, about]
    found = people(score_site(pages, artifacts(), None, settings={}), pages)
    assert set(found) == {"Jana Berg", "Tom Weber"}
