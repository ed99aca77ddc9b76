"""The gain of fixing each check, computed once: the report's levers, its action plan and the
portfolio's "biggest issue" all rank by it, so they can never disagree.

The gain is the number of site-score points won if the check scored 1.0 and everything else stayed
as it is, mirroring the aggregation in scoring.audit (the site score is the weighted mean of the
measured categories, each category the weighted mean of its measured checks). The priority divides
the gain by the work it takes (the check's `effort`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from scoring.core.results import CheckResult

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


def priority(check: CheckResult) -> float:
    """Gain per unit of work: what the action plan sorts by."""
    return check.gain / EFFORT_FACTOR.get(check.effort or "", UNKNOWN_EFFORT)


def is_open(check: CheckResult) -> bool:
    return check.state in ("fail", "warn")


def ranked_levers(checks: Iterable[CheckResult]) -> list[CheckResult]:
    """Open checks by gain, largest first (ties by id): the one ranking of levers."""
    return sorted((c for c in checks if is_open(c) and c.gain > 0), key=lambda c: (-c.gain, c.id))
