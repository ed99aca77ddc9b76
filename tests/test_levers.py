"""One ranking of levers: the report's top levers, its action plan and the portfolio's biggest
issue all read the gains scoring computed once (scoring.core.levers)."""

from __future__ import annotations

import pytest

from reports.portfolio import biggest_open_issue
from reports.view import build_view
from scoring.audit import score_site
from scoring.core.levers import check_gains, ranked_levers, result_gains
from tests.test_report import make_result
from tests.test_report_rich import rich_result


def _audit(tmp_path):
    from tests.factories import artifacts, page

    pages = [
        page("", title="Start", word_count=300),
        page("blog/a", title="A", word_count=120),
        page("blog/b", title="B", word_count=90),
    ]
    return score_site(pages, artifacts())


@pytest.mark.parametrize("build", [make_result, rich_result], ids=["report", "rich"])
def test_report_levers_and_portfolio_issue_agree(build):
    result = build()
    view = build_view(result, lang="en")
    levers = [item["id"] for item in view["levers"]]
    gains = result_gains(result.checks, result.categories)
    assert levers == [c.id for c in ranked_levers(result.checks, gains)][:3]
    issue = biggest_open_issue(result)
    assert issue is not None and levers and issue.check == levers[0]


def test_scored_results_carry_their_gain_and_rank_the_same(tmp_path):
    result = _audit(tmp_path)
    assert all(c.gain is not None for c in result.checks)
    weights = {c.id: c.weight for c in result.categories if c.score is not None and c.weight > 0}
    assert {c.id: c.gain for c in result.checks if c.gain} == {
        k: v for k, v in check_gains(result.checks, weights).items() if v
    }
    # fixing every lever in turn is worth what the gains promise: the sum of all gains closes the gap
    assert sum(c.gain for c in result.checks) == pytest.approx(100 - result.site_score, abs=0.2)
    view = build_view(result, lang="de")
    first = biggest_open_issue(result)
    assert first is not None and view["levers"][0]["id"] == first.check
