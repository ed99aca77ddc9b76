"""History: compare two audits (score and category deltas, new/fixed findings, pages added/removed)
and trends over the last audits of a site.

A page is a URL that answered 2xx. A finding is a failing or warning check: site-scoped checks as
(check id, ""), page-scoped ones as (check id, URL) for every page the check failed or warned on.
Not-measured scores stay None and give a None delta, never 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from auditor.store import AuditRow, Store
from scoring.core.results import AuditResult

OPEN_STATES = ("fail", "warn")


class CompareError(ValueError):
    """One line for the CLI."""


@dataclass(frozen=True)
class Finding:
    check: str
    url: str  # "" for site-scoped checks
    title: str

    def key(self) -> tuple[str, str]:
        return self.check, self.url


@dataclass(frozen=True)
class Comparison:
    before_id: int
    after_id: int
    site: str
    score_before: float | None
    score_after: float | None
    score_delta: float | None
    categories: list[dict[str, Any]]  # id, title, before, after, delta
    new_findings: list[Finding]
    fixed_findings: list[Finding]
    pages_added: list[str]
    pages_removed: list[str]
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "before": self.before_id,
            "after": self.after_id,
            "site": self.site,
            "score_before": self.score_before,
            "score_after": self.score_after,
            "score_delta": self.score_delta,
            "categories": self.categories,
            "new_findings": [f.__dict__ for f in self.new_findings],
            "fixed_findings": [f.__dict__ for f in self.fixed_findings],
            "pages_added": self.pages_added,
            "pages_removed": self.pages_removed,
            "warnings": self.warnings,
        }


def delta(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else round(after - before, 1)


def findings(result: AuditResult) -> dict[tuple[str, str], Finding]:
    found: dict[tuple[str, str], Finding] = {}
    for check in result.checks:
        title = check.failure_title
        if check.scope == "page":
            for outcome in check.pages:
                if outcome.state in OPEN_STATES:
                    found[(check.id, outcome.url)] = Finding(check.id, outcome.url, title)
        elif check.state in OPEN_STATES:
            found[(check.id, "")] = Finding(check.id, "", title)
    return found


def live_pages(result: AuditResult) -> set[str]:
    """URLs that answered 2xx: a page now answering 404 (or redirecting) counts as removed."""
    return {p.url for p in result.pages if p.status is not None and 200 <= p.status < 300}


def compare_results(before: AuditResult, after: AuditResult, before_id: int = 0, after_id: int = 0) -> Comparison:
    old_cats = {c.id: c for c in before.categories}
    categories = []
    for cat in after.categories:
        old = old_cats.get(cat.id)
        old_score = old.score if old else None
        categories.append(
            {
                "id": cat.id,
                "title": cat.title,
                "before": old_score,
                "after": cat.score,
                "delta": delta(old_score, cat.score),
            }
        )
    old_f, new_f = findings(before), findings(after)
    # A check that was not run before (new check, disabled) cannot have been "fixed" or be "new".
    checks_before = {c.id for c in before.checks if c.state != "error"}
    checks_after = {c.id for c in after.checks if c.state != "error"}
    new = [f for k, f in new_f.items() if k not in old_f and f.check in checks_before]
    fixed = [f for k, f in old_f.items() if k not in new_f and f.check in checks_after]
    # page-level findings on a page that disappeared are not "fixed": the page is gone
    pages_before, pages_after = live_pages(before), live_pages(after)
    fixed = [f for f in fixed if not f.url or f.url in pages_after]
    warnings = []
    if before.site != after.site:
        warnings.append(f"different sites: {before.site} vs {after.site}")
    return Comparison(
        before_id,
        after_id,
        after.site,
        before.site_score,
        after.site_score,
        delta(before.site_score, after.site_score),
        categories,
        sorted(new, key=Finding.key),
        sorted(fixed, key=Finding.key),
        sorted(pages_after - pages_before),
        sorted(pages_before - pages_after),
        warnings,
    )


def _result(store: Store, audit_id: int) -> AuditResult:
    if store.audit(audit_id) is None:
        raise CompareError(f"no audit {audit_id} in {store.url}")
    result = store.result(audit_id)
    if result is None:
        raise CompareError(f"audit {audit_id} has no scores; run `geo-audit rescore {audit_id}`")
    return result


def compare_audits(store: Store, before_id: int, after_id: int) -> Comparison:
    return compare_results(_result(store, before_id), _result(store, after_id), before_id, after_id)


def latest_pair(store: Store, site: str) -> tuple[int, int]:
    """(previous, latest) scored audit ids of a site (its start URL, normalised)."""
    history = store.site_history(site, 2)
    if len(history) < 2:
        raise CompareError(f"{site} needs two scored audits to compare, the store has {len(history)}")
    return history[1].id, history[0].id


@dataclass(frozen=True)
class TrendPoint:
    audit_id: int
    started: str
    site_score: float | None
    categories: dict[str, float | None]
    pages: int
    open_findings: int


def trends(store: Store, site: str, last: int = 10) -> list[TrendPoint]:
    """The last `last` scored audits of a site, oldest first."""
    rows: list[AuditRow] = list(reversed(store.site_history(site, last)))
    points = []
    for row in rows:
        result = store.result(row.id)
        if result is None:
            continue
        points.append(
            TrendPoint(
                row.id,
                row.started,
                result.site_score,
                {c.id: c.score for c in result.categories},
                result.coverage.urls_crawled,
                len(findings(result)),
            )
        )
    return points


MAX_REPORT_URLS = 5  # URLs named per check among the fixed / new findings (the count stays exact)


def report_history(store: Store, audit_id: int, result: AuditResult, last: int = 10) -> dict[str, Any] | None:
    """What the report shows of a site's development (reports.history reads it): the last `last`
    scored audits of the site up to this one, oldest first, and the comparison with the audit just
    before it. None when the store holds no earlier scored audit of the site.

    {"points": [{"audit_id", "date", "site_score", "categories": {id: score | None}}],
     "previous": {"audit_id", "date", "score_before", "score_delta", "categories": [{"id", "title",
     "before", "after", "delta"}], "new": [{"check", "count", "urls": [first URLs]}] (one entry per
     check, most findings first; no URLs: a site-scoped finding), "fixed": [...], "new_total",
     "fixed_total", "pages_added", "pages_removed"}}. `result` is this audit's (just scored)."""
    row = store.audit(audit_id)
    previous = store.previous_audit(audit_id)
    if row is None or previous is None:
        return None
    before = store.result(previous.id)
    if before is None:
        return None
    earlier = [r for r in store.site_history(row.site, 50) if r.id < audit_id][: max(1, last - 1)]
    points = []
    for past in reversed(earlier):
        scored = before if past.id == previous.id else store.result(past.id)
        if scored is not None:
            points.append(_point(past.id, scored.finished or scored.started or past.started, scored))
    points.append(_point(audit_id, result.finished or result.started or row.started, result))
    change = compare_results(before, result, previous.id, audit_id)
    return {
        "points": points,
        "previous": {
            "audit_id": previous.id,
            "date": before.finished or before.started or previous.started,
            "score_before": change.score_before,
            "score_delta": change.score_delta,
            "categories": change.categories,
            "new": _by_check(change.new_findings),
            "fixed": _by_check(change.fixed_findings),
            "new_total": len(change.new_findings),
            "fixed_total": len(change.fixed_findings),
            "pages_added": len(change.pages_added),
            "pages_removed": len(change.pages_removed),
        },
    }


def _point(audit_id: int, date: str | None, result: AuditResult) -> dict[str, Any]:
    return {
        "audit_id": audit_id,
        "date": date,
        "site_score": result.site_score,
        "categories": {c.id: c.score for c in result.categories},
    }


def _by_check(found: list[Finding]) -> list[dict[str, Any]]:
    """Findings grouped per check: its count and first URLs, the checks with most findings first."""
    groups: dict[str, list[str]] = {}
    for f in found:
        groups.setdefault(f.check, [])
        if f.url:
            groups[f.check].append(f.url)
    counts = {check: max(1, len(urls)) for check, urls in groups.items()}
    order = sorted(groups, key=lambda check: (-counts[check], check))
    return [{"check": c, "count": counts[c], "urls": groups[c][:MAX_REPORT_URLS]} for c in order]
