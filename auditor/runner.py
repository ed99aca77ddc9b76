"""The stages of an audit, each on its own: crawl, score, suggest, report. Each boundary is persisted
in the store; auditor.pipeline assembles them.

The process crawling an audit holds its lock in the store (a second `resume` is refused). The
crawl stage runs inside the audit's hard time limit (auditor.deadline.hard_timeout, armed by the
pipeline) and tells it which audit and sink to keep when it fires.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from auditor.crawl import CrawlOptions, crawl_settings, run_crawl
from auditor.deadline import deadline_target
from auditor.errors import AuditError, AuditInterrupted
from auditor.llm import LLMConfig, suggest_briefs
from auditor.start_url import normalise_start_url, start_problem
from auditor.store import Store, StoreSink
from auditor.warnings import audit_warning
from reports.writers import write_all
from scoring.audit import score_site
from scoring.config import ScoringConfig
from scoring.core.messages import Message
from scoring.core.records import PageRecord, SiteArtifacts
from scoring.core.results import AuditResult
from scoring.slim import slim
from spiders.resume import ResumeState, followed_link, follows, is_connection_failure

# A crawl that could not reach the server for at least this share of its URLs (a client server
# that died mid-crawl) fails in a batch (`unreachable_problem`); below it, a warning.
CONNECTION_FAILURE_LIMIT = 0.5

OnPage = Callable[[PageRecord], None]


# -- crawl -------------------------------------------------------------------------------------
def crawl_settings_record(options: CrawlOptions) -> dict:
    """The crawl options as stored with the audit (so `resume` continues with the same ones)."""
    data = dataclasses.asdict(options)
    data.pop("log_level", None)
    return data


def stored_crawl_options(settings: dict) -> CrawlOptions:
    """The crawl options an audit was started with, from its stored settings."""
    stored = dict(settings.get("crawl") or {})
    stored.setdefault("max_pages", settings.get("max_pages", 500))
    stored.setdefault("max_depth", settings.get("max_depth", 10))
    for key in ("include", "exclude", "strip_params"):
        if stored.get(key) is not None:
            stored[key] = tuple(stored[key])
    return CrawlOptions(**stored)


def crawl_stage(store: Store, url: str, options: CrawlOptions, on_page: OnPage | None = None) -> int:
    """Crawl the start URL into a new audit of the store; its id, or AuditError when the start URL
    gave no HTML page to audit (the audit is then `failed`)."""
    start_url = normalise_start_url(url)
    settings = {
        "url": start_url,
        "max_pages": options.max_pages,
        "max_depth": options.max_depth,
        "crawl": crawl_settings_record(options),
    }
    background = _embed_while_crawling(store, options)  # the score stage reads the cache
    if background is not None:
        user_callback = on_page

        def on_page(record: PageRecord) -> None:
            background.add(record)
            if user_callback is not None:
                user_callback(record)

    try:
        audit_id = store.create_audit(start_url, settings, lock=True)
        try:
            crawl_into(store, audit_id, start_url, options, on_page)
        finally:
            store.unlock_audit(audit_id)
    except BaseException:
        if background is not None:
            background.close(timeout=0)  # do not wait for the encoder on the way out
        raise
    if background is not None:
        background.close()
    problem = start_problem(store, audit_id, start_url)
    if problem:
        store.mark(audit_id, "failed", problem)
        raise AuditError(problem)
    return audit_id


def crawl_into(
    store: Store,
    audit_id: int,
    url: str,
    options: CrawlOptions,
    on_page: OnPage | None,
    resume: ResumeState | None = None,
) -> SiteArtifacts:
    """Crawl into an existing audit (a new one, or a partial one with `resume`). An interrupted
    crawl keeps its pages as `partial` (AuditInterrupted on Ctrl-C/SIGTERM)."""
    sink = StoreSink(store, audit_id, first_seq=store.page_count(audit_id) if resume else 0)
    deadline_target(store, audit_id, sink)
    try:
        run_crawl(url, sink, options, on_page=on_page, resume=resume)
    except BaseException:
        sink.flush()
        store.mark(audit_id, "partial", "crawl interrupted")
        raise
    if sink.artifacts is None:  # the crawl never closed its spider cleanly
        sink.flush()
        store.mark(audit_id, "partial", "crawl ended without closing")
        raise AuditError(f"the crawl of {url} ended unexpectedly; audit {audit_id} kept as partial")
    if sink.artifacts.crawl_stats.finish_reason == "shutdown":
        store.mark(audit_id, "partial", "crawl interrupted")
        raise AuditInterrupted(
            f"interrupted: audit {audit_id} kept as partial with {store.page_count(audit_id)} "
            f"URLs; `geo-audit resume {audit_id}` continues it"
        )
    return sink.artifacts


def resume_state(records: Iterable[PageRecord], follow_nofollow: bool = False) -> ResumeState:
    """Seeds for continuing a crawl: stored URLs (not fetched again) and the internal links,
    redirect and meta-refresh targets they lead to that have no record yet."""
    state = ResumeState()
    wanted: dict[str, tuple[int | None, str]] = {}
    for record in records:
        state.seen.add(record.url)
        state.status_counts[str(record.status) if record.status is not None else "error"] += 1
        state.connection_failures += is_connection_failure(record)
        child = record.depth + 1 if record.depth is not None else None
        if record.redirect_target and not record.error:  # loops and over-long chains stay stopped
            wanted.setdefault(record.redirect_target, (record.depth, record.url))
        if record.meta_refresh:
            wanted.setdefault(record.meta_refresh, (record.depth, record.url))
        if record.ok and follows(record, follow_nofollow):
            for link in record.links:
                if followed_link(link, follow_nofollow):
                    wanted.setdefault(link.url, (child, record.url))
    state.frontier = [(url, depth, ref) for url, (depth, ref) in wanted.items() if url not in state.seen]
    # Breadth-first again: shallow URLs first (sitemap-only ones, depth None, come back via the sitemaps).
    state.frontier.sort(key=lambda item: item[1] if item[1] is not None else 1 << 30)
    return state


def _embedder_off() -> bool:
    return os.environ.get("GEO_AUDIT_EMBEDDER", "").lower() == "none"


def _embed_while_crawling(store: Store, options: CrawlOptions):  # -> auditor.embeddings.EmbedWhileCrawling | None
    """Embed pages beside the crawl only when the crawl waits between requests (a download delay, as
    every polite crawl has): then it costs no time. An unthrottled crawl (a local build, loopback,
    `--delay 0`) has no idle CPU; embedding beside it slowed it by 40 % for the same total time
    (bench/RESULTS.md "## Crawl"), so the score stage embeds instead."""
    if _embedder_off():
        return None
    if crawl_settings(options).getfloat("DOWNLOAD_DELAY") <= 0:
        return None
    try:
        from auditor.embeddings import EmbedWhileCrawling

        return EmbedWhileCrawling(store)
    except Exception:  # the score stage embeds (or warns) instead
        return None


# -- crawl health ------------------------------------------------------------------------------
def connection_failures(records: Iterable[PageRecord]) -> tuple[int, int]:
    """(URLs the server could not be reached for, URLs recorded)."""
    failed = total = 0
    for record in records:
        total += 1
        failed += is_connection_failure(record)
    return failed, total


def _share(failed: int, total: int) -> str:
    percent = 100 * failed / total
    return f"{percent:.0f} %" if percent >= 1 or failed == 0 else f"{percent:.1f} %"


def connection_failure_warning(records: Iterable[PageRecord]) -> Message | None:
    """The warning for a crawl whose server could not be reached for some URLs, or None."""
    failed, total = connection_failures(records)
    if not failed:
        return None
    return audit_warning("crawl-incomplete", failed=failed, total=total, share=_share(failed, total))


def unreachable_problem(store: Store, audit_id: int) -> str | None:
    """Why a crawl counts as failed although it ran: the server could not be reached for at least
    CONNECTION_FAILURE_LIMIT of its URLs (it died mid-crawl). None when it could."""
    failed, total = connection_failures(store.iter_pages(audit_id))
    if not total or failed / total < CONNECTION_FAILURE_LIMIT:
        return None
    return (
        f"server unreachable for {failed} of {total} URLs ({_share(failed, total)}): connection refused or "
        f"dropped during the crawl; the crawl is kept as audit {audit_id}"
    )


# -- score -------------------------------------------------------------------------------------
def score_stage(
    store: Store,
    audit_id: int,
    config: ScoringConfig | None = None,
    pages: list[PageRecord] | None = None,
    *,
    save: bool = True,
) -> AuditResult:
    """Score a stored crawl. `pages`: its records as `compact_pages` read them, when the caller keeps
    them for the briefs too (read here otherwise). `save=False`: the caller stores the result itself
    (auditor.pipeline does, right after: one serialisation of the whole result fewer)."""
    artifacts = store.artifacts(audit_id)
    if artifacts is None:
        raise AuditError(f"audit {audit_id} has no finished crawl to score")
    pages = compact_pages(store, audit_id) if pages is None else pages
    # the vectors still to encode are encoded by a second process while the page pass runs
    vectors, problem, timing = embedding_stage(store, pages, background=True)
    try:
        result = score_site(pages, artifacts, config, settings=store.settings(audit_id), embeddings=vectors)
        if callable(vectors):  # waits only if no check asked for them (the cache gets them all the same)
            vectors, problem, timing = embedding_outcome(vectors)
    finally:
        if callable(vectors):
            vectors.close()
    unreachable = connection_failure_warning(pages)
    if problem or timing or unreachable:  # embeddings are an extra: a failure is a warning, never a failed audit
        result = result.with_warnings([unreachable] if unreachable else [], [problem] if problem else [])
        result = result.model_copy(update={"timing": {**result.timing, **timing}})
    if save:
        store.save_result(audit_id, result)
    return result


def compact_pages(store: Store, audit_id: int) -> list[PageRecord]:
    """The audit's pages read once from the store, each kept compact as it streams in (scoring.slim:
    every field reads as in the stored record; ~1/3 of its memory): what the score stage, the
    embeddings and the briefs share, instead of a list of full records (issue 19)."""
    return [slim(page) for page in store.iter_pages(audit_id)]


def embedding_stage(
    store: Store, pages: list[PageRecord], *, background: bool = False
) -> tuple[object | None, Message | None, dict]:
    """Page vectors (cached in the store by text hash) or None and a one-line warning.
    GEO_AUDIT_EMBEDDER=none switches them off; see auditor.embeddings for the backends.

    `background`: many texts to encode are encoded by a second process (auditor.embeddings.
    PendingEmbeddings); the vectors are then a callable that waits for them, to hand to SiteData, and
    `embedding_outcome` gives the same triple once they are in."""
    if _embedder_off():
        return None, None, {}
    try:
        from auditor.embeddings import EmbedStats, embed_pages, make_embedder, start_embedding

        stats = EmbedStats()
        if background:
            vectors = start_embedding(pages, store, stats)
            if callable(vectors):
                return vectors, None, {}
        else:
            vectors = embed_pages(pages, make_embedder(), store, stats)
        return vectors, None, _embed_timing(stats)
    except Exception as exc:  # a missing model or backend must not sink the audit
        return None, audit_warning("embeddings-failed", error=f"{type(exc).__name__}: {exc}"), {}


def _embed_timing(stats) -> dict:  # noqa: ANN001 - auditor.embeddings.EmbedStats (imported lazily)
    """`embed_s`: what the embeddings added to the score stage's wall time (`score_s` + `embed_s` is the
    stage); `embed_background_s`: the wall time of a second process's encoding, beside the page pass."""
    timing = {"embed_s": stats.seconds, "embedded_pages": stats.pages, "embeddings_computed": stats.computed}
    if stats.background_s is not None:
        timing["embed_background_s"] = stats.background_s
    return timing


def embedding_outcome(pending) -> tuple[object | None, Message | None, dict]:  # noqa: ANN001
    """`embedding_stage`'s triple for vectors it left encoding (`PendingEmbeddings`): waits for them."""
    vectors = pending()
    exc = pending.error
    if exc is not None:  # the warning embedding_stage gives for an encoder that fails
        return None, audit_warning("embeddings-failed", error=f"{type(exc).__name__}: {exc}"), {}
    return vectors, None, _embed_timing(pending.stats)


# -- suggest -----------------------------------------------------------------------------------
def suggest_stage(
    store: Store,
    audit_id: int,
    result: AuditResult,
    llm: LLMConfig | None = None,
    pages: list[PageRecord] | None = None,
) -> AuditResult:
    """Briefs for deeper articles, stored with the result. Scores stay as they are; a failed LLM
    step is a warning and deterministic briefs, never a failed audit. `pages`: the records the score
    stage read (`compact_pages`), so the store is read once (issue 19); read here when not given."""
    try:
        records = compact_pages(store, audit_id) if pages is None else pages
        outcome = suggest_briefs(result, records, llm, cache=store)
        result = result.with_warnings(after=outcome.warnings)
        result = result.model_copy(update={"briefs": outcome.briefs, "llm_usage": outcome.usage.as_dict()})
        if outcome.usage.backend != "none":
            store.add_llm_usage(audit_id, outcome.usage.as_dict())
    except Exception as exc:
        result = result.with_warnings(after=[audit_warning("briefs-failed", error=type(exc).__name__)])
    store.save_result(audit_id, result)
    return result


# -- report ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReportTarget:
    """Where and how the report files are written."""

    out_dir: Path
    lang: str | None = None  # None: the site's language
    csv_separator: str | None = None  # findings.csv; None: ";" for German reports, else ","
    # white label: reports.writers keys name, logo (file or data: URI), color, contact, footer
    branding: dict[str, str] | None = None


def report_stage(result: AuditResult, target: ReportTarget, history: dict | None = None) -> dict[str, Path]:
    """Write the report files; `history`: the site's earlier audits (`report_history`), or None."""
    return write_all(
        result,
        target.out_dir,
        lang=target.lang,
        csv_separator=target.csv_separator,
        branding=target.branding,
        history=history,
    )


def report_history(store: Store, audit_id: int, result: AuditResult) -> dict | None:
    """The site's earlier audits for the report's trends (auditor.agency.compare.report_history);
    None without one. An earlier result that cannot be read (a newer schema) leaves the trends out,
    never the report."""
    from auditor.agency.compare import report_history as read_history  # agency imports the pipeline

    try:
        return read_history(store, audit_id, result)
    except Exception:
        return None
