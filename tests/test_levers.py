"""One ranking of levers: the report's top levers, its action plan and the portfolio's biggest
issue all read the gains scoring computed once (scoring.core.levers)."""

from __future__ import annotations

import pytest

from reports.portfolio import biggest_open_issue
from reports.view import build_view
from scoring.audit import score_site
from scoring.checks.ai_crawler_access import AICrawlerAccess
from scoring.core.levers import (
    blocking_checks,
    check_gains,
    check_priority,
    effort_factor,
    pages_to_change,
    plan_key,
    priority,
    ranked_levers,
    ranked_plan,
    result_gains,
)
from scoring.core.results import AuditResult, CheckResult, PageOutcome
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


BLOCKER = AICrawlerAccess.msg("blocker-all")


def with_blocker(result: AuditResult) -> AuditResult:
    """The result with a blocker on its open check of the smallest gain."""
    gains = result_gains(result.checks, result.categories)
    smallest = min(ranked_levers(result.checks, gains), key=lambda c: (gains[c.id], c.id))
    checks = [c.model_copy(update={"blocker": BLOCKER}) if c.id == smallest.id else c for c in result.checks]
    return result.model_copy(update={"checks": checks})


@pytest.mark.parametrize(
    "build",
    [make_result, rich_result, lambda: with_blocker(make_result()), lambda: with_blocker(rich_result())],
    ids=["report", "rich", "report-blocker", "rich-blocker"],
)
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


def test_a_blocker_leads_the_levers_the_plan_and_the_portfolio_whatever_its_gain():
    plain = make_result()
    result = with_blocker(plain)
    gains = result_gains(result.checks, result.categories)
    blocked = next(c for c in result.checks if c.blocker is not None)
    before = [c.id for c in ranked_levers(plain.checks, gains)]
    assert before.index(blocked.id) > 0  # it was not first by gain
    assert [c.id for c in ranked_levers(result.checks, gains)] == [blocked.id] + [i for i in before if i != blocked.id]
    assert ranked_plan(result.checks, gains)[0].id == blocked.id
    assert blocking_checks(result.checks, gains) == [blocked]
    assert biggest_open_issue(result).check == blocked.id
    assert result.site_score == plain.site_score  # a blocker is no score


def _check(check_id: str, scope: str, state: str = "fail", effort: str | None = "low", **fields) -> CheckResult:
    return CheckResult(
        id=check_id,
        title=check_id,
        failure_title=check_id,
        description="",
        category="technical",
        scope=scope,
        state=state,
        score=0.0 if state == "fail" else 1.0,
        weight=1.0,
        effort=effort,
        **fields,
    )


def _outcomes(failing: int, passing: int = 3) -> list[PageOutcome]:
    states = ["fail"] * failing + ["pass"] * passing
    return [PageOutcome(url=f"https://x.example/{i}", state=s, score=float(s == "pass")) for i, s in enumerate(states)]


@pytest.mark.parametrize(
    ("effort", "pages", "factor"),
    [
        ("low", 1, 1.0),
        ("low", 10, 2.0),
        ("medium", 10, 4.0),
        ("high", 100, 9.0),
        ("high", 1000, 12.0),
        (None, 1, 2.0),
        ("huge", 1, 2.0),
        ("low", 0, 1.0),
    ],
)
def test_effort_factor_is_the_declared_effort_grown_with_the_log_of_pages(effort, pages, factor):
    assert effort_factor(effort, pages) == pytest.approx(factor)


def test_effort_grows_with_pages_but_slower_than_the_pages():
    factors = [effort_factor("medium", n) for n in (1, 2, 5, 10, 50, 3000)]
    assert factors == sorted(factors) and len(set(factors)) == len(factors)
    assert effort_factor("medium", 3000) < 10 * effort_factor("medium", 1)


def test_pages_to_change_counts_failing_pages_of_page_checks_only():
    assert pages_to_change(_check("p", "page", pages=_outcomes(7))) == 7
    warn = _outcomes(0) + [PageOutcome(url="https://x.example/w", state="warn", score=0.5)]
    assert pages_to_change(_check("w", "page", pages=warn)) == 1
    urls = [f"https://x.example/{i}" for i in range(40)]
    assert pages_to_change(_check("old", "page", affected_urls=urls)) == 40  # no page outcomes stored
    assert pages_to_change(_check("s", "site", affected_urls=urls)) == 1  # one change: robots.txt, a template
    assert pages_to_change(_check("none", "page")) == 1


def test_priority_accounts_for_the_pages_a_fix_must_change():
    one = _check("one-page", "page", pages=_outcomes(1))
    many = _check("hundred-pages", "page", pages=_outcomes(100))
    assert check_priority(one, 2.0) == pytest.approx(2.0)
    assert check_priority(many, 2.0) == pytest.approx(2.0 / 3)
    assert priority(2.0, "low") == priority(2.0, "low", 1) == 2.0  # the old call keeps its meaning
    # the same gain on 100 pages needs a larger gain to rank as high as one page's
    plan = ranked_plan([many, one], {"one-page": 2.0, "hundred-pages": 2.0})
    assert [c.id for c in plan] == ["one-page", "hundred-pages"]
    plan = ranked_plan([many, one], {"one-page": 2.0, "hundred-pages": 7.0})
    assert [c.id for c in plan] == ["hundred-pages", "one-page"]


def test_plan_puts_blockers_first_then_priority_then_gain_then_id():
    checks = [
        _check("cheap", "site", effort="low"),
        _check("dear", "site", effort="high"),
        _check("blocked", "site", effort="high", blocker=BLOCKER),
        _check("tie-b", "site", effort="low"),
        _check("tie-a", "site", effort="low"),
        _check("closed", "site", state="pass", blocker=BLOCKER),
    ]
    gains = {"cheap": 1.0, "dear": 6.0, "blocked": 0.1, "tie-a": 0.5, "tie-b": 0.5, "closed": 0.0}
    assert [c.id for c in ranked_plan(checks, gains)] == ["blocked", "dear", "cheap", "tie-a", "tie-b"]
    assert [c.id for c in ranked_levers(checks, gains)] == ["blocked", "dear", "cheap", "tie-a", "tie-b"]
    assert plan_key(checks[2], 0.1)[0] is False and plan_key(checks[0], 1.0)[0] is True
    # a blocker on a check that could not be measured is shown, but is no lever
    assert [c.id for c in blocking_checks(checks, gains)] == ["blocked", "closed"]


def test_a_blocker_without_gain_is_still_a_lever():
    checks = [_check("zero", "site", blocker=BLOCKER), _check("some", "site")]
    assert [c.id for c in ranked_levers(checks, {"some": 1.0})] == ["zero", "some"]
    assert [c.id for c in ranked_levers(checks[1:], {})] == []  # no gain, no blocker: no lever
