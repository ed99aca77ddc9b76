"""The page pass drops its run-wide index of reason messages when it is done (issue 19): the outcomes
keep each reason once, and the index held ~3 KB a page for the rest of the score stage."""

from __future__ import annotations

from scoring.audit import SHARED_REASONS, page_pass
from scoring.registry import all_checks
from tests.factories import site, text_page


def test_the_shared_reasons_index_is_gone_after_the_page_pass():
    data = site(*(text_page(f"/blog/post-{i}/", f"Ein Beitrag über Wärmepumpen, Nummer {i}. " * 30) for i in range(5)))
    found = page_pass([cls() for cls in all_checks().values()], data)
    assert any(len(outcomes) for outcomes in found.outcomes.values())  # the pass judged pages
    assert SHARED_REASONS not in data._memo
