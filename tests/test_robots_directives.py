"""One reading of robots directives (scoring.robots_directives) for the noindex check, the pages that
content and duplicate advice judge (scoring.site.is_indexable), topic pages and briefs' grounding."""

from __future__ import annotations

import pytest

from auditor.llm.grounding import noindex
from scoring.checks.noindex import Noindex
from scoring.clusters import is_topic_page
from scoring.site import is_indexable
from tests.factories import page, site

LONG_TEXT = " ".join(["Wärmepumpen senken die Heizkosten in gut gedämmten Häusern deutlich."] * 60)


@pytest.mark.parametrize(
    ("meta", "header", "indexable"),
    [
        (None, None, True),
        ("noindex, follow", None, False),
        (None, "none", False),
        (None, "googlebot: noindex", False),  # a search engine's crawler: out of search
        (None, "bingbot: noindex, nofollow", False),
        (None, "GPTBot: noindex", True),  # a training crawler only: search and answers keep the page
        (None, "unknownbot: noindex", True),
        ("index, follow", "max-snippet:0", True),
    ],
)
def test_every_reader_agrees_with_the_noindex_check(meta: str | None, header: str | None, indexable: bool) -> None:
    record = page("/ratgeber/waermepumpe/", robots_meta=meta, x_robots_tag=header, main_text=LONG_TEXT)
    assert is_indexable(record) is indexable
    assert noindex(record) is not indexable
    if not indexable:
        assert not is_topic_page(record)
    outcome = Noindex().evaluate_page(record, site(record))
    assert (outcome.state == "fail") is not indexable
