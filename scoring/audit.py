"""Run every check over the site and aggregate into an `AuditResult`.

An exception inside one check becomes an `error` result that weighs 0 — never a failed run.
Not measured stays None all the way up: a category without any measured check has no score, and
the site score averages only the categories that have one.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from scoring.config import CATEGORIES, ScoringConfig, validate
from scoring.core.levers import check_gains
from scoring.core.messages import Message, listing, msg, sentences, term
from scoring.core.records import PageRecord, SiteArtifacts
from scoring.core.results import (
    AuditResult,
    CategoryResult,
    CheckResult,
    Coverage,
    PageOutcome,
    PageOutcomes,
    PageSignals,
    PageSummary,
    SiteInsights,
)
from scoring.pagetypes import classify, site_template, stamped_article_types
from scoring.registry import Check, Outcome, all_checks
from scoring.rendering import CONTENT_CATEGORIES, unreadable_shell
from scoring.site import SiteData

# A page-scoped check passes when every page passes; above this share it is a warning.
WARN_SHARE = 0.8
STATE_SCORE = {"pass": 1.0, "warn": 0.5, "fail": 0.0}
MAX_EVIDENCE = 50  # evidence items kept per check in the result (the rest stay in `pages`)


def _page_outcome(check: Check, page: PageRecord, site: SiteData) -> PageOutcome:
    outcome = check.evaluate_page(page, site)
    update: dict[str, Any] = {}
    if outcome.score is None and outcome.state in STATE_SCORE:
        update["score"] = STATE_SCORE[outcome.state]
    if outcome.page_type is None:  # the report says which kinds of page each check judged
        update["page_type"] = classify(page).kind
    if outcome.reason_message is not None:
        update.update(_shared_reason(outcome.reason_message, site))
    return outcome.model_copy(update=update) if update else outcome


SHARED_REASONS = "audit.shared-reasons"


def _shared_reason(message: Message, site: SiteData) -> dict[str, Any]:
    """One object per distinct reason of the run: the result keeps an outcome per page and check
    (most of them "2 clicks from the home page" and the like), and a message with its parameters
    weighs more than the rest of the outcome (issue 19: 2 KB an outcome, 40 KB a page)."""
    shared: dict[tuple[str, str], Message] = site.memo(SHARED_REASONS, dict)
    message = shared.setdefault((message.id, repr(message.params)), message)
    return {"reason_message": message, "reason": message.text}


def _failing_row(outcome: PageOutcome) -> dict[str, Any]:
    """One table row per failing page: the page, why, and the first piece of evidence."""
    first = outcome.evidence[0] if outcome.evidence else None
    return {
        "url": outcome.url,
        "state": term(outcome.state),
        "reason": outcome.reason_message or outcome.reason,
        "element": (first.element_message or first.element) if first else None,
        "excerpt": first.excerpt if first else None,
    }


# the columns of a page check's table of failing pages
PAGE_COLUMNS = {"url": "url", "state": "message", "reason": "message", "element": "code", "excerpt": "text"}


def aggregate_pages(check: Check, outcomes: Sequence[PageOutcome]) -> Outcome:
    """Share of applicable pages passing, with the failing pages and their evidence."""
    rated = [o for o in outcomes if o.score is not None]
    if not rated:
        return Outcome("not_applicable", explanation=msg("common.no-page-applies"))
    score = sum(o.score for o in rated) / len(rated)
    failing = [o for o in rated if o.state in ("fail", "warn")]
    if not failing:
        state = "pass"
    else:
        state = "warn" if score >= WARN_SHARE else "fail"
    passing = len(rated) - len(failing)
    parts = [msg("common.pages-pass", passing=passing, rated=len(rated))]
    kinds = Counter(o.page_type for o in rated if o.page_type)
    if kinds:  # which pages the check judged, e.g. "Judged: 12 article pages."
        judged = [msg(f"common.judged-{kind}", count=n) for kind, n in kinds.most_common()]
        parts.append(msg("common.judged", kinds=listing(judged)))
    explanation = sentences(parts)
    details = [_failing_row(o) for o in failing]
    evidence = [e for o in failing for e in o.evidence][:MAX_EVIDENCE]
    return Outcome(state, round(score, 4), explanation, details, evidence, [o.url for o in failing])


def _rated(check: Check, page: PageRecord, site: SiteData) -> bool:
    """Whether a page check rates this page: its own rule, and never the content of a likely
    JavaScript shell (an empty page rated as thin or unsourced would be a false finding)."""
    if check.category in CONTENT_CATEGORIES and unreadable_shell(page):
        return False
    return check.applies_to(page, site)


@dataclass
class PagePass:
    """Outcomes of the page checks from one page-major pass: each page is read once (its compact
    record decoded once, scoring.slim) and judged by every page check, instead of one pass over
    all pages per check. A check that raises on any page is an error, as before."""

    outcomes: dict[str, PageOutcomes] = field(default_factory=dict)  # compact columns, not objects
    errors: dict[str, Exception] = field(default_factory=dict)
    # the signals of each analysed page (results.json `pages[].signals`), taken right after its checks
    # ran: the detectors they share remember the page (scoring.core.memo.last_page)
    signals: dict[str, PageSignals] = field(default_factory=dict)


def page_pass(checks: Iterable[Check], site: SiteData, *, with_signals: bool = False) -> PagePass:
    """Run the page checks whose inputs were measured over every page, page by page (and, with
    `with_signals`, take each analysed page's signals after its checks). On a site of at least
    PARALLEL_MIN_PAGES pages a forked process judges the second half of the pages meanwhile
    (`_halves`); the outcomes are the same, in the same order."""
    found = PagePass()
    active = []
    for check in checks:
        try:
            if check.scope == "page" and all(site.has(r) for r in check.requires):
                active.append(check)
                found.outcomes[check.id] = PageOutcomes()
        except Exception:  # noqa: S112 - evaluate_check reports the bad requirement as the error
            continue
    pages = site.pages
    try:
        if active and len(pages) >= PARALLEL_MIN_PAGES and _parallel():
            return _halves(found, active, site, with_signals)
        _judge(found, active, site, pages, with_signals)
        return found
    finally:
        site.forget(SHARED_REASONS)  # the outcomes keep each reason once; the run's index of them is done


def _judge(
    found: PagePass, active: list[Check], site: SiteData, pages: Sequence[PageRecord], with_signals: bool
) -> None:
    from scoring.signals import page_signals  # reuses the checks' detectors, which import this module

    for page in pages:
        for check in active:
            if check.id in found.errors:
                continue
            try:
                if _rated(check, page, site):
                    found.outcomes[check.id].append(_page_outcome(check, page, site))
            except Exception as exc:
                found.errors[check.id] = exc
        if with_signals and page.ok:
            with contextlib.suppress(Exception):  # taken again for the page summary, which reports it
                found.signals[page.url] = page_signals(page, site)


# A forked process judges the second half of a site's pages while this one judges the first (issue 19:
# the page pass is the score stage's largest step, and after the crawl the second core is idle).
# Every page's outcomes depend on that page and the site data alone (what checks memoise per site is
# a cache of pure functions), so each half gives what the sequential pass gives for its pages.
PARALLEL_MIN_PAGES = 400


def _parallel() -> bool:
    """Whether a second process may judge pages: fork exists, two cores, GEO_SCORE_PROCESSES not 1."""
    if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        return False
    return os.environ.get("GEO_SCORE_PROCESSES", "2").strip() != "1"


def _halves(found: PagePass, active: list[Check], site: SiteData, with_signals: bool) -> PagePass:
    """The page pass in two processes: the first half of the pages here, the second in a forked
    child that hands its PagePass back through an unlinked temporary file. A child that fails in
    any way (cannot fork, crashes, an outcome that does not pickle) leaves its half to this process."""
    pages = site.pages
    half = len(pages) // 2
    try:
        spool = tempfile.TemporaryFile(prefix="geo-audit-pages-")  # noqa: SIM115 - closed below
        pid = os.fork()
    except OSError:
        _judge(found, active, site, pages, with_signals)
        return found
    if pid == 0:  # the child: judge the second half, hand it over, leave without any cleanup of the parent's
        code = 1
        try:
            theirs = PagePass(outcomes={check.id: PageOutcomes() for check in active})
            _judge(theirs, active, site, pages[half:], with_signals)
            pickle.dump(theirs, spool, protocol=pickle.HIGHEST_PROTOCOL)
            spool.flush()
            code = 0
        finally:
            os._exit(code)
    with spool:
        try:
            _judge(found, active, site, pages[:half], with_signals)
        finally:
            _, status = os.waitpid(pid, 0)
        theirs = None
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
            with contextlib.suppress(Exception):
                spool.seek(0)
                theirs = pickle.load(spool)  # noqa: S301 - our own child's outcomes
    if theirs is None:
        _judge(found, active, site, pages[half:], with_signals)
        return found
    for check in active:  # as the sequential pass: a check's first error in page order wins
        if check.id in found.errors:
            continue
        if check.id in theirs.errors:
            found.errors[check.id] = theirs.errors[check.id]
            continue
        column = found.outcomes[check.id]
        for outcome in theirs.outcomes[check.id]:
            column.append(outcome)
    found.signals.update(theirs.signals)
    return found


def evaluate_check(check: Check, site: SiteData, weight: float, judged: PagePass | None = None) -> CheckResult:
    """Evaluate one check; missing inputs give not_applicable, exceptions give error. The check's
    `blocker` hook runs inside the same guard. `judged`: the page pass's outcomes (a page check
    evaluated alone runs its own pass)."""
    pages: PageOutcomes | list[PageOutcome] = []
    blocker = None
    try:  # one broken check (a bad `requires` included) must not sink the audit
        missing = [r for r in check.requires if not site.has(r)]
        if missing:
            inputs = listing([term(f"inputs-{r}") for r in missing])
            outcome = Outcome("not_applicable", explanation=msg("common.not-measured", inputs=inputs))
        elif check.scope == "page":
            if judged is None or check.id not in judged.outcomes:
                judged = page_pass([check], site)
            if check.id in judged.errors:
                raise judged.errors[check.id]
            pages = judged.outcomes[check.id]
            outcome = aggregate_pages(check, pages)
        else:
            outcome = check.evaluate(site)
        blocker = check.blocker(outcome, site, pages)  # severity: never the score
        if blocker is not None and not isinstance(blocker, Message):
            raise TypeError(f"blocker must be a Message, not {type(blocker).__name__}")
    except Exception as exc:
        pages, blocker = [], None
        outcome = Outcome("error", explanation=msg("common.check-failed", error=f"{type(exc).__name__}: {exc}"))
    counts = outcome.score is not None and outcome.state not in ("not_applicable", "error", "informative")
    return CheckResult(
        id=check.id,
        title=check.title,
        failure_title=check.failure_title,
        description=check.description,
        category=check.category,
        scope=check.scope,
        stage=check.stage,
        state=outcome.state,
        score=outcome.score if counts else None,
        weight=weight if counts and check.stage == "stable" else 0.0,
        explanation=outcome.explanation,
        details=outcome.details,
        columns=PAGE_COLUMNS if check.scope == "page" and not check.columns else check.columns,
        evidence=outcome.evidence,
        affected_urls=outcome.affected_urls,
        pages=pages,
        effort=check.effort,
        remedy=check.remedy,
        blocker=blocker,
    )


def weighted_mean(pairs: Iterable[tuple[float | None, float]]) -> float | None:
    """Mean of (score, weight) pairs, ignoring unmeasured scores; None when nothing counts."""
    measured = [(s, w) for s, w in pairs if s is not None and w > 0]
    total = sum(w for _, w in measured)
    return sum(s * w for s, w in measured) / total if total else None


def _page_summaries(
    site: SiteData, results: list[CheckResult], signals: dict[str, PageSignals] | None = None
) -> list[PageSummary]:
    """One row per page: score over its outcomes, failed checks, type and `signals` (taken by the page
    pass; computed here for a page it has none for)."""
    from scoring.signals import page_signals  # reuses the checks' detectors, which import this module

    signals = signals or {}

    # per URL: (sum of score x weight, sum of weights, failed checks), read from the outcome columns in
    # the order of the results (the same sums, term by term, as a mean over the page's outcomes)
    per_page: dict[str, tuple[list[float], list[str]]] = {}
    for result in results:
        weight = result.weight or 1.0
        rows = result.pages.rows() if isinstance(result.pages, PageOutcomes) else PageOutcomes(result.pages).rows()
        for url, state, score in rows:
            sums, failed = per_page.setdefault(url, ([], []))
            if score is not None:
                sums.append(score * weight)
                sums.append(weight)
            if state in ("fail", "warn"):
                failed.append(result.id)
    summaries = []
    for page in site.pages:
        sums, failed = per_page.get(page.url, ([], []))
        total = sum(sums[1::2])
        score = sum(sums[0::2]) / total if total else None
        summaries.append(
            PageSummary(
                url=page.url,
                status=page.status,
                depth=page.depth,
                words=page.word_count,
                title=page.title,
                score=None if score is None else round(100 * score, 1),
                failed_checks=failed,
                error=page.error,
                page_type=classify(page).kind if page.ok else None,
                signals=(signals.get(page.url) or page_signals(page, site)) if page.ok else None,
                language=page.language if page.ok else None,
                language_confidence=page.language_confidence if page.ok else None,
            )
        )
    return summaries


def score_site(
    pages: Iterable[PageRecord],
    artifacts: SiteArtifacts,
    config: ScoringConfig | None = None,
    *,
    settings: dict[str, Any] | None = None,
    embeddings: Any = None,
) -> AuditResult:
    """Score a crawl: the pure score stage (docs/architecture.md). `pages` is read once, so the
    store's iterator can be passed as it is (tests/test_scale_stream.py)."""
    config = config or ScoringConfig()
    validate(config)
    began = time.perf_counter()
    # embeddings: scoring.clusters.PageEmbeddings
    site = SiteData(pages, artifacts, embeddings, source_domains=config.source_domains)
    # page types know the site's template: article markup stamped on its contact and legal pages
    with site_template(stamped_article_types(site.pages)):
        return _score(site, config, settings, began)


def _score(site: SiteData, config: ScoringConfig, settings: dict[str, Any] | None, began: float) -> AuditResult:
    artifacts = site.artifacts
    checks = [cls() for cls in all_checks().values()]
    judged = page_pass(checks, site, with_signals=True)
    results = [evaluate_check(check, site, config.check_weight(check.id), judged) for check in checks]
    signals = judged.signals
    del judged
    by_id = {r.id: r for r in results}
    categories = _categories(by_id)
    gains = check_gains(results, {c.id: c.weight for c in categories if c.score is not None and c.weight > 0})
    results = [r.model_copy(update={"gain": gains.get(r.id, 0.0)}) for r in results]
    by_id = {r.id: r for r in results}
    site_score = weighted_mean((c.score, c.weight) for c in categories)
    stats = artifacts.crawl_stats
    coverage = Coverage(
        urls_crawled=len(site.pages),
        html_pages=len(site.html_pages),
        complete=stats.complete,
        limits_hit=list(stats.limits_hit),
        not_measured=[r.id for r in results if r.state in ("not_applicable", "error")],
    )
    warnings = [
        msg("common.check-error", check=r.id, message=r.explanation_message or r.explanation)
        for r in results
        if r.state == "error"
    ]
    if not stats.complete:
        warnings.append(msg("common.crawl-cut"))
    if site.shared_main_text:
        warnings.append(msg("common.shared-main-text", pages=len(site.shared_main_text)))
    try:  # the report's pictures; a bug here must not sink the audit either
        from scoring.insights import build_insights

        insights = build_insights(site, by_id)
    except Exception as exc:
        insights = SiteInsights()
        warnings.append(msg("common.insights-failed", error=f"{type(exc).__name__}: {exc}"))
    return AuditResult(
        insights=insights,
        site=artifacts.root_url,
        started=stats.started,
        finished=stats.finished,
        language=site.language,
        languages=site.languages,
        settings=settings or {},
        checks=results,
        categories=categories,
        site_score=None if site_score is None else round(site_score, 1),
        coverage=coverage,
        pages=_page_summaries(site, results, signals),
        warnings=[w.text for w in warnings],
        warning_messages=warnings,
        timing={"score_s": round(time.perf_counter() - began, 3)},
    )


def _categories(by_id: dict[str, CheckResult]) -> list[CategoryResult]:
    categories = []
    for category in CATEGORIES:
        ids = list(category.checks)
        score = weighted_mean((by_id[c].score, by_id[c].weight) for c in ids)
        categories.append(
            CategoryResult(
                id=category.id,
                title=category.title,
                description=category.description,
                weight=category.weight,
                score=None if score is None else round(100 * score, 1),
                check_ids=ids,
            )
        )
    return categories
