"""The audit pipeline, assembled in this one place: crawl -> score -> suggest -> report.

Every way of running an audit goes through here: `audit` and `demo` (run_audit), `audit
--crawl-only` (crawl_only), `resume` (resume_audit), `rescore`, `suggest` (resuggest), `report`
(rereport) and the batch child (run_audit with strict=True). The stages themselves are in
auditor.runner; the whole audit runs under its hard time limit (auditor.deadline). Every report
shows the site's trends when the store holds an earlier scored audit of it (`runner.report_history`). `write_pdf_report`
renders the written report as a PDF (`--pdf`).

Re-audits (auditor.reaudit, docs/reaudit.md): the crawl reuses an earlier audit's unchanged pages,
and `_after_crawl` an earlier result when the score stage's inputs are provably the same (`--fresh`
turns both off; `rescore` always scores).

Errors the user can act on are AuditError (auditor.errors); whatever was crawled stays in the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from auditor.crawl import CrawlOptions
from auditor.deadline import hard_timeout
from auditor.errors import AuditError, AuditInterrupted
from auditor.llm import LLMConfig
from auditor.reaudit import reused_scores, timed_digest, with_reuse_counts
from auditor.render_stage import render_stage
from auditor.runner import (
    OnPage,
    ReportTarget,
    compact_pages,
    crawl_into,
    crawl_stage,
    report_history,
    report_stage,
    resume_state,
    score_stage,
    stored_crawl_options,
    suggest_stage,
    unreachable_problem,
)
from auditor.store import AuditLocked, Store
from scoring.config import ScoringConfig
from scoring.core.results import AuditResult

__all__ = [
    "AuditOutcome",
    "ReportTarget",
    "crawl_only",
    "rereport",
    "rescore",
    "resuggest",
    "resume_audit",
    "run_audit",
    "write_pdf_report",
]


@dataclass(frozen=True)
class AuditOutcome:
    audit_id: int
    result: AuditResult
    files: dict[str, Path]


def crawl_only(url: str, *, store: Store, options: CrawlOptions, on_page: OnPage | None = None) -> int:
    """Crawl into the store (scoring later with `rescore`); the audit id, or AuditError."""
    with hard_timeout(options, store):
        audit_id = crawl_stage(store, url, options, on_page)
        render_stage(store, audit_id, options)
        return audit_id


def run_audit(
    url: str,
    *,
    store: Store,
    options: CrawlOptions,
    report: ReportTarget,
    config: ScoringConfig | None = None,
    llm: LLMConfig | None = None,
    on_page: OnPage | None = None,
    strict: bool = False,
) -> AuditOutcome:
    """A whole audit: crawl, scores, briefs, report.

    `strict` (a batch): a crawl left partial (SIGTERM: Ctrl-C, the time limit) is AuditInterrupted
    and a server unreachable for most URLs is AuditError, instead of a report of what little was
    crawled."""
    with hard_timeout(options, store):  # the whole audit: crawl, scores, briefs, report
        audit_id = crawl_stage(store, url, options, on_page)
        if strict:
            row = store.audit(audit_id)
            if row is not None and row.status == "partial":
                raise AuditInterrupted(f"crawl interrupted; audit {audit_id} kept as partial")
            unreachable = unreachable_problem(store, audit_id)  # the client's server died mid-crawl
            if unreachable:
                raise AuditError(unreachable)
        render_stage(store, audit_id, options)
        return _after_crawl(store, audit_id, report, config, llm, reuse_scores=options.reuse)


def resume_audit(
    store: Store,
    audit_id: int,
    *,
    report: ReportTarget,
    options: CrawlOptions | None = None,
    config: ScoringConfig | None = None,
    on_page: OnPage | None = None,
    score: bool = True,
) -> AuditOutcome | None:
    """Continue an interrupted (partial) crawl where it stopped with the options it was started
    with, then score and report it (not with `score=False`: then None).

    Refused (AuditError) while another live process crawls the audit; an audit left `running` by
    a process that is gone (kill -9, a crash) is taken over."""
    row = store.audit(audit_id)
    if row is None:
        raise AuditError(f"no audit {audit_id} in {store.url}")
    if row.status not in ("partial", "running"):
        raise AuditError(f"audit {audit_id} is {row.status}; only a partial audit can be resumed")
    try:
        store.lock_audit(audit_id)
    except AuditLocked as exc:
        raise AuditError(str(exc)) from None
    try:
        row = store.audit(audit_id)  # again, now that no one else can change it
        if row is None or row.status not in ("partial", "running"):
            status = row.status if row else "gone"
            raise AuditError(f"audit {audit_id} is {status}; only a partial audit can be resumed")
        settings = store.settings(audit_id)
        options = options or stored_crawl_options(settings)
        with hard_timeout(options, store):
            store.mark(audit_id, "running")
            seeds = resume_state(store.iter_pages(audit_id), options.follow_nofollow)
            crawl_into(store, audit_id, settings.get("url") or row.site, options, on_page, seeds)
            render_stage(store, audit_id, options)
            return _after_crawl(store, audit_id, report, config, reuse_scores=options.reuse) if score else None
    finally:
        store.unlock_audit(audit_id)


def rescore(store: Store, audit_id: int, report: ReportTarget, config: ScoringConfig | None = None) -> AuditOutcome:
    """Score a stored crawl again (new checks or weights) and rewrite its report. Briefs a model
    wrote are kept (`suggest` rewrites them); otherwise the deterministic ones are made again."""
    _existing(store, audit_id)
    return _after_crawl(store, audit_id, report, config, keep_briefs=True)


def resuggest(store: Store, audit_id: int, report: ReportTarget, llm: LLMConfig | None = None) -> AuditOutcome:
    """(Re)write the briefs of a scored audit and its report; scores stay as they are."""
    result = _scored(store, audit_id)
    result = result.without_warnings("llm").model_copy(update={"briefs": [], "llm_usage": {}})  # the last run's
    result = suggest_stage(store, audit_id, result, llm)
    return AuditOutcome(audit_id, result, _report(store, audit_id, result, report))


def rereport(store: Store, audit_id: int, report: ReportTarget) -> AuditOutcome:
    """Render the report of a scored audit again, without crawling or scoring; its trends reach
    up to this audit (a later one of the site is not its history)."""
    result = _scored(store, audit_id)
    return AuditOutcome(audit_id, result, _report(store, audit_id, result, report))


def _after_crawl(
    store: Store,
    audit_id: int,
    report: ReportTarget,
    config: ScoringConfig | None,
    llm: LLMConfig | None = None,
    *,
    keep_briefs: bool = False,
    reuse_scores: bool = False,
) -> AuditOutcome:
    """The stages after the crawl: score, suggest (or keep the briefs a model wrote), report.

    `reuse_scores` (a new crawl): an earlier audit of the site whose score inputs had the same digest
    gives its result instead of the score stage (auditor.reaudit); every scored audit stores its digest."""
    previous = store.result(audit_id) if keep_briefs else None
    # the briefs' count is an input too: reused scores keep their deterministic briefs
    digest, digest_s = timed_digest(store, audit_id, config, {"max_briefs": (llm or LLMConfig()).max_briefs})
    deterministic = llm is None or llm.backend == "none"
    result = reused_scores(store, audit_id, digest, keep_briefs=deterministic) if reuse_scores and digest else None
    reused = result is not None
    pages = None  # the records read once for the score stage and the briefs (issue 19)
    if result is None:
        pages = compact_pages(store, audit_id)
        result = score_stage(store, audit_id, config, pages, save=False)  # saved below, with its counts
    if digest:
        store.save_score_digest(audit_id, digest)
    result = with_reuse_counts(store, audit_id, result, scores_reused=reused)
    result = result.model_copy(update={"timing": {**result.timing, "digest_s": digest_s}})
    store.save_result(audit_id, result)
    if result.timing.get("briefs_reused"):
        pass  # the deterministic briefs of the same inputs, with the reused scores
    elif previous is not None and previous.briefs:
        result = result.model_copy(update={"briefs": previous.briefs, "llm_usage": previous.llm_usage})
        store.save_result(audit_id, result)
    else:
        result = suggest_stage(store, audit_id, result, llm, pages)
    del pages
    return AuditOutcome(audit_id, result, _report(store, audit_id, result, report))


def _report(store: Store, audit_id: int, result: AuditResult, report: ReportTarget) -> dict[str, Path]:
    """The report files, with the site's trends when the store holds an earlier audit of it."""
    return report_stage(result, report, report_history(store, audit_id, result))


def write_pdf_report(files: dict[str, Path]) -> Path:
    """report.pdf beside the written report.html (reports.pdf renders it with Chromium); its path.

    AuditError (one line) when this installation cannot render PDFs (no reports.pdf, no Chromium)
    or the rendering fails; the HTML report stays as written."""
    html = Path(files["html"])
    kept = f"the HTML report is kept: {html}"
    try:
        from reports.pdf import write_pdf
    except ImportError as exc:
        raise AuditError(f"cannot write the PDF: PDF export is not available ({exc}); {kept}") from None
    try:
        return Path(write_pdf(html, html.parent / "report.pdf"))
    except Exception as exc:  # Chromium missing, crashed or timed out: the report itself is fine
        lines = str(exc).strip().splitlines()  # only the first line of a multi-line error
        reason = lines[0][:300] if lines else ""
        if type(exc).__name__ != "PdfError" or not reason:  # PdfError: a sentence for the user already
            reason = f"{type(exc).__name__}: {reason}".rstrip(": ")
        raise AuditError(f"cannot write the PDF: {reason}; {kept}") from None


def _existing(store: Store, audit_id: int) -> None:
    if store.audit(audit_id) is None:
        raise AuditError(f"no audit {audit_id} in {store.url}")


def _scored(store: Store, audit_id: int) -> AuditResult:
    _existing(store, audit_id)
    result = store.result(audit_id)
    if result is None:
        raise AuditError(f"audit {audit_id} has no scores yet; run `geo-audit rescore {audit_id}`")
    return result
