"""When many pages yield one identical main text (a box the template repeats, taken for the content),
the audit says so and leaves those pages out of thin-content and duplicate advice (real-site failure:
one 103-word box on 25 landing pages gave 253 near-duplicate pairs at similarity 1.0)."""

from __future__ import annotations

from scoring.audit import score_site
from scoring.checks.near_duplicates import NearDuplicates
from scoring.checks.thin_content import ThinContent
from tests.factories import artifacts, page, site

BOX = " ".join(["Newsletter abonnieren und keine Neuigkeiten mehr verpassen, jede Woche neu."] * 10)
OWN = " ".join(["Eine eigene Seite mit eigenem Text über Wärmepumpen und Heizlast."] * 40)


def _pages(n_box: int) -> list:
    box_pages = [
        page(f"produkt-{i}/", title=f"Produkt {i}", main_text=BOX, word_count=len(BOX.split())) for i in range(n_box)
    ]
    return [page("", title="Start", main_text=OWN, word_count=len(OWN.split())), *box_pages]


def test_shared_box_pages_get_no_duplicate_or_thin_findings_and_a_warning():
    data = site(*_pages(6))
    assert len(data.shared_main_text) == 6
    near = NearDuplicates().evaluate(data)
    assert not near.affected_urls
    assert not any(ThinContent().applies_to(p, data) for p in data.pages if "produkt" in p.url)
    result = score_site(_pages(6), artifacts())
    assert any("identical main text" in w for w in result.warnings)


def test_the_same_page_under_several_urls_is_still_a_duplicate():
    same = [page(f"kopie-{i}/", title="Eine Seite", main_text=OWN, word_count=len(OWN.split())) for i in range(6)]
    data = site(*same)
    assert data.shared_main_text == {}
    assert len(NearDuplicates().evaluate(data).affected_urls) == 6
