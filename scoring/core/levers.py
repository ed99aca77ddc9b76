"""The gain of fixing each check, computed once: the report's levers, its action plan and the
portfolio's "biggest issue" all rank by it, so they can never disagree.

The gain is the number of site-score points won if the check scored 1.0 and everything else stayed
as it is, mirroring the aggregation in scoring.audit (the site score is the weighted mean of the
measured categories, each category the weighted mean of its measured checks).

Two things rank above or beside the gain:

* **Blockers** (`CheckResult.blocker`): a finding that keeps the site out of search and AI answers
  outright (an answer engine's crawler blocked, site-wide noindex, ...). It changes no score, but
  an open check with a blocker always ranks before every check without one — in the levers, the
  action plan and the portfolio's biggest issue.
* **Effort** (`effort_factor`): the check's declared effort (low 1, medium 2, high 3), grown with
  the logarithm of the pages that must change for a page-scoped check. The action plan sorts by
  priority = gain ÷ effort factor.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from scoring.core.results import CategoryResult, CheckResult

EFFORT_FACTOR = {"low": 1.0, "medium": 2.0, "high": 3.0}
UNKNOWN_EFFORT = 2.0  # counts as medium


def check_gains(checks: Iterable[CheckResult], category_weights: Mapping[str, float]) -> dict[str, float]:
    """check id -> site-score points its fix would win (0 for checks that are not measured).

    `category_weights`: category id -> weight, for the categories that have a score."""
    by_category: dict[str, list[CheckResult]] = {}
    for check in checks:
        if check.score is not None and check.weight > 0 and category_weights.get(check.category, 0) > 0:
            by_category.setdefault(check.category, []).append(check)
    total = sum(category_weights[cid] for cid in by_category)
    gains: dict[str, float] = {}
    for category_id, members in by_category.items():
        inner = sum(c.weight for c in members)
        share = category_weights[category_id] / total
        for check in members:
            gains[check.id] = round(100 * share * (check.weight / inner) * (1 - (check.score or 0)), 4)
    return gains


def pages_to_change(check: CheckResult) -> int:
    """How many pages must change to fix the check: for a page-scoped check its failing and
    warning pages (`pages`, else `affected_urls` for results without page outcomes), at least 1;
    for a site-scoped check 1 — its fix is one change (robots.txt, a footer link, a template),
    whatever number of URLs it lists."""
    if check.scope != "page":
        return 1
    open_pages = sum(1 for p in check.pages if p.state in ("fail", "warn"))
    return max(1, open_pages or len(check.affected_urls))


def effort_factor(effort: str | None, pages: int = 1) -> float:
    """The work a fix takes, in units of one low-effort change.

    The declared effort (low 1, medium 2, high 3; unknown counts as medium) times
    1 + log10(pages): one page costs the declared effort, 10 pages twice, 100 three times, 1,000
    four times. Logarithmic, not linear, because pages share templates and a CMS: the tenth byline
    is faster than the first, but ten thin articles are still more work than one."""
    base = EFFORT_FACTOR.get(effort or "", UNKNOWN_EFFORT)
    return base * (1 + math.log10(max(1, pages)))


def priority(gain: float, effort: str | None, pages: int = 1) -> float:
    """Gain per unit of work (`effort_factor`): what the action plan sorts by, after blockers."""
    return gain / effort_factor(effort, pages)


def check_priority(check: CheckResult, gain: float) -> float:
    """`priority` of a check: its gain over its effort scaled by the pages it must change."""
    return priority(gain, check.effort, pages_to_change(check))


def is_open(check: CheckResult) -> bool:
    return check.state in ("fail", "warn")


def is_blocker(check: CheckResult) -> bool:
    """An open check whose finding blocks the site's visibility outright."""
    return is_open(check) and check.blocker is not None


def ranked_levers(checks: Iterable[CheckResult], gains: Mapping[str, float]) -> list[CheckResult]:
    """Open checks that win points or block visibility: blockers first, then by gain, largest
    first (ties by id). The one ranking of levers that the report's top levers and the portfolio's
    biggest issue both read."""
    return sorted(
        (c for c in checks if is_blocker(c) or (is_open(c) and gains.get(c.id, 0) > 0)),
        key=lambda c: (not is_blocker(c), -gains.get(c.id, 0), c.id),
    )


def blocking_checks(checks: Iterable[CheckResult], gains: Mapping[str, float]) -> list[CheckResult]:
    """Every check with a blocker, for the top of the report: open ones in lever order, then any
    whose check could not be measured because of what blocks it (a site whose pages do not answer
    leaves broken-internal-links without a page to read)."""
    return sorted(
        (c for c in checks if c.blocker is not None),
        key=lambda c: (not is_open(c), -gains.get(c.id, 0), c.id),
    )


def plan_key(check: CheckResult, gain: float) -> tuple[bool, float, float, str]:
    """Sort key of the action plan: blockers first, then priority (`check_priority`), then gain,
    then id."""
    return (not is_blocker(check), -round(check_priority(check, gain), 3), -round(gain, 2), check.id)


def ranked_plan(checks: Iterable[CheckResult], gains: Mapping[str, float]) -> list[CheckResult]:
    """Every open check in action-plan order (`plan_key`)."""
    return sorted((c for c in checks if is_open(c)), key=lambda c: plan_key(c, gains.get(c.id, 0.0)))


def result_gains(checks: Iterable[CheckResult], categories: Iterable[CategoryResult]) -> dict[str, float]:
    """check id -> gain of an audit result: as scored, else computed the same way (results.json of
    older schema versions and hand-built results carry no gains)."""
    checks = list(checks)
    if checks and all(c.gain is not None for c in checks):
        return {c.id: c.gain or 0.0 for c in checks}
    weights = {c.id: c.weight for c in categories if c.score is not None and c.weight > 0}
    return check_gains(checks, weights)
