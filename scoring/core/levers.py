"""The gain of fixing each check, computed once: the report's levers, its action plan and the
portfolio's "biggest issue" all rank by it, so they can never disagree.

The gain is the number of site-score points won if the check scored 1.0 and everything else stayed
as it is, mirroring the aggregation in scoring.audit (the site score is the weighted mean of the
measured categories, each category the weighted mean of its measured checks). The priority divides
the gain by the work it takes (the check's `effort`).
"""

from __future__ import annotations

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


def priority(gain: float, effort: str | None) -> float:
    """Gain per unit of work: what the action plan sorts by."""
    return gain / EFFORT_FACTOR.get(effort or "", UNKNOWN_EFFORT)


def is_open(check: CheckResult) -> bool:
    return check.state in ("fail", "warn")


def ranked_levers(checks: Iterable[CheckResult], gains: Mapping[str, float]) -> list[CheckResult]:
    """Open checks that win points, by gain, largest first (ties by id): the one ranking of levers
    that the report's top levers and the portfolio's biggest issue both read."""
    return sorted(
        (c for c in checks if is_open(c) and gains.get(c.id, 0) > 0), key=lambda c: (-gains.get(c.id, 0), c.id)
    )


def result_gains(checks: Iterable[CheckResult], categories: Iterable[CategoryResult]) -> dict[str, float]:
    """check id -> gain of an audit result: as scored, else computed the same way (results.json of
    older schema versions and hand-built results carry no gains)."""
    checks = list(checks)
    if checks and all(c.gain is not None for c in checks):
        return {c.id: c.gain or 0.0 for c in checks}
    weights = {c.id: c.weight for c in categories if c.score is not None and c.weight > 0}
    return check_gains(checks, weights)
