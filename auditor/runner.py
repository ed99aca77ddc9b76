"""Stage functions: crawl -> score -> report (DESIGN.md §3). Each boundary is persisted.

`AuditError` carries a one-line message for the CLI. Whatever was crawled stays in the store,
also when the audit fails afterwards.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from auditor.crawl import CrawlOptions, crawl_settings, run_crawl
from auditor.llm import LLMConfig, suggest_briefs
from auditor.store import Store, StoreSink
from reports.writers import write_all
from scoring.audit import score_site
from scoring.config import ScoringConfig
from scoring.records import PageRecord, SiteArtifacts
from scoring.results import AuditResult
from spiders.extract import canonical_url
from spiders.site_spider import ResumeState


class AuditError(Exception):
    """A problem the user can fix; the message is one line, shown without a traceback."""


@dataclass(frozen=True)
class AuditOutcome:
    audit_id: int
    result: AuditResult
    files: dict[str, Path]


_HOST = re.compile(r"^[a-z0-9.-]+(?::\d{1,5})?$", re.I)


def normalise_start_url(raw: str) -> str:
    """A canonical http(s) start URL, or AuditError. "www.example.de" means https://."""
    text = raw.strip()
    if not text or any(c.isspace() for c in text):
        raise AuditError(f"not a URL: {raw!r}")
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https"):
        raise AuditError(f"only http and https URLs can be audited, not {parts.scheme!r}")
    if not parts.netloc or not _HOST.match(parts.netloc) or "." not in parts.hostname and parts.hostname != "localhost":
        raise AuditError(f"not a URL: {raw!r}")
    if not parts.path:
        text += "/"
    return canonical_url(text)


def _start_problem(store: Store, audit_id: int, start_url: str) -> str | None:
    """Why the start URL gave no HTML page to audit, or None when it did."""
    url = start_url
    for _ in range(20):
        record = store.page(audit_id, url)
        if record is None:
            return f"no response from {url}"
        if record.redirect_target:
            url = record.redirect_target
            continue
        if record.status is None:
            return f"cannot fetch {url}: {record.error or 'no response'}"
        if record.status >= 400:
            return f"{url} answered HTTP {record.status}"
        if not record.is_html:
            return f"no HTML at {url} (Content-Type: {record.content_type or 'none'})"
        return None
    return f"redirect loop at {start_url}"


class AuditInterrupted(AuditError):
    """Ctrl-C / SIGTERM during the crawl: the audit is stored as `partial` and can be resumed."""


def crawl_stage(
    store: Store, url: str, options: CrawlOptions, settings: dict, on_page: Callable[[PageRecord], None] | None = None
) -> tuple[int, SiteArtifacts]:
    audit_id = store.create_audit(url, settings)
    return audit_id, _crawl_into(store, audit_id, url, options, on_page, None)


def _crawl_into(
    store: Store,
    audit_id: int,
    url: str,
    options: CrawlOptions,
    on_page: Callable[[PageRecord], None] | None,
    resume: ResumeState | None,
) -> SiteArtifacts:
    sink = StoreSink(store, audit_id, first_seq=store.page_count(audit_id) if resume else 0)
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


def resume_state(records: Iterable[PageRecord]) -> ResumeState:
    """Seeds for continuing a crawl: stored URLs (not fetched again) and the internal links,
    redirect and meta-refresh targets they lead to that have no record yet."""
    state = ResumeState()
    wanted: dict[str, tuple[int | None, str]] = {}
    for record in records:
        state.seen.add(record.url)
        state.status_counts[str(record.status) if record.status is not None else "error"] += 1
        child = record.depth + 1 if record.depth is not None else None
        if record.redirect_target and not record.error:  # loops and over-long chains stay stopped
            wanted.setdefault(record.redirect_target, (record.depth, record.url))
        if record.meta_refresh:
            wanted.setdefault(record.meta_refresh, (record.depth, record.url))
        if record.ok and "nofollow" not in record.robots_directives:
            for link in record.links:
                if link.internal and "nofollow" not in link.rel:
                    wanted.setdefault(link.url, (child, record.url))
    state.frontier = [(url, depth, ref) for url, (depth, ref) in wanted.items() if url not in state.seen]
    # Breadth-first again: shallow URLs first (sitemap-only ones, depth None, come back via the sitemaps).
    state.frontier.sort(key=lambda item: item[1] if item[1] is not None else 1 << 30)
    return state


def resume_audit(
    store: Store,
    audit_id: int,
    *,
    out_dir: Path,
    options: CrawlOptions | None = None,
    config: ScoringConfig | None = None,
    lang: str | None = None,
    on_page: Callable[[PageRecord], None] | None = None,
    score: bool = True,
) -> AuditOutcome | None:
    """Continue an interrupted (partial) crawl where it stopped, then score and report it."""
    row = store.audit(audit_id)
    if row is None:
        raise AuditError(f"no audit {audit_id} in {store.url}")
    if row.status not in ("partial", "running"):
        raise AuditError(f"audit {audit_id} is {row.status}; only a partial audit can be resumed")
    settings = store.settings(audit_id)
    url = settings.get("url") or row.site
    if options is None:
        stored = dict(settings.get("crawl") or {})
        stored.setdefault("max_pages", settings.get("max_pages", 500))
        stored.setdefault("max_depth", settings.get("max_depth", 10))
        for key in ("include", "exclude", "strip_params"):
            if stored.get(key) is not None:
                stored[key] = tuple(stored[key])
        options = CrawlOptions(**stored)
    store.mark(audit_id, "running")
    _crawl_into(store, audit_id, url, options, on_page, resume_state(store.iter_pages(audit_id)))
    if not score:
        return None
    result = suggest_stage(store, audit_id, score_stage(store, audit_id, config))  # deterministic briefs
    return AuditOutcome(audit_id, result, report_stage(result, out_dir, lang))


def crawl_settings_record(options: CrawlOptions) -> dict:
    """The crawl options as stored with the audit (so `resume` continues with the same ones)."""
    data = dataclasses.asdict(options)
    data.pop("log_level", None)
    return data


def score_stage(store: Store, audit_id: int, config: ScoringConfig | None = None) -> AuditResult:
    artifacts = store.artifacts(audit_id)
    if artifacts is None:
        raise AuditError(f"audit {audit_id} has no finished crawl to score")
    pages = list(store.iter_pages(audit_id))
    vectors, problem, timing = embedding_stage(store, pages)
    result = score_site(pages, artifacts, config, settings=store.settings(audit_id), embeddings=vectors)
    if problem or timing:  # embeddings are an extra: a failure is a warning, never a failed audit
        result = result.model_copy(
            update={
                "warnings": result.warnings + ([problem] if problem else []),
                "timing": {**result.timing, **timing},
            }
        )
    store.save_result(audit_id, result)
    return result


def embedding_stage(store: Store, pages: list[PageRecord]) -> tuple[object | None, str | None, dict]:
    """Page vectors (cached in the store by text hash) or None and a one-line warning.
    GEO_AUDIT_EMBEDDER=none switches them off; see auditor.embeddings for the backends."""
    import os

    if os.environ.get("GEO_AUDIT_EMBEDDER", "").lower() == "none":
        return None, None, {}
    try:
        from auditor.embeddings import EmbedStats, embed_pages, make_embedder

        stats = EmbedStats()
        vectors = embed_pages(pages, make_embedder(), store, stats)
        return (
            vectors,
            None,
            {"embed_s": stats.seconds, "embedded_pages": stats.pages, "embeddings_computed": stats.computed},
        )
    except Exception as exc:  # a missing model or backend must not sink the audit
        return None, f"embeddings: not computed ({type(exc).__name__}: {exc}); topic checks not measured", {}


def suggest_stage(store: Store, audit_id: int, result: AuditResult, llm: LLMConfig | None = None) -> AuditResult:
    """Briefs for deeper articles, stored with the result. Scores stay as they are; a failed LLM
    step is a warning and deterministic briefs, never a failed audit."""
    try:
        outcome = suggest_briefs(result, list(store.iter_pages(audit_id)), llm, cache=store)
        update = {
            "briefs": outcome.briefs,
            "warnings": result.warnings + outcome.warnings,
            "llm_usage": outcome.usage.as_dict(),
        }
        if outcome.usage.backend != "none":
            store.add_llm_usage(audit_id, outcome.usage.as_dict())
    except Exception as exc:
        update = {"warnings": result.warnings + [f"briefs: not generated ({type(exc).__name__})"]}
    result = result.model_copy(update=update)
    store.save_result(audit_id, result)
    return result


def report_stage(
    result: AuditResult, out_dir: Path, lang: str | None = None, *, csv_separator: str | None = None
) -> dict[str, Path]:
    return write_all(result, out_dir, lang=lang, csv_separator=csv_separator)


def crawl_only(
    url: str, *, store: Store, options: CrawlOptions, on_page: Callable[[PageRecord], None] | None = None
) -> int:
    """Crawl into the store (scoring later with `rescore`); the audit id, or AuditError."""
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
        audit_id, _ = crawl_stage(store, start_url, options, settings, on_page)
    except BaseException:
        if background is not None:
            background.close(timeout=0)  # do not wait for the encoder on the way out
        raise
    if background is not None:
        background.close()
    problem = _start_problem(store, audit_id, start_url)
    if problem:
        store.mark(audit_id, "failed", problem)
        raise AuditError(problem)
    return audit_id


def _embed_while_crawling(store: Store, options: CrawlOptions):  # -> auditor.embeddings.EmbedWhileCrawling | None
    """Embed pages beside the crawl only when the crawl waits between requests (a download delay, as
    every polite crawl has): then it costs no time. An unthrottled crawl (a local build, loopback,
    `--delay 0`) has no idle CPU; embedding beside it slowed it by 40 % for the same total time
    (bench/RESULTS.md "## Crawl"), so the score stage embeds instead."""
    import os

    if os.environ.get("GEO_AUDIT_EMBEDDER", "").lower() == "none":
        return None
    if crawl_settings(options).getfloat("DOWNLOAD_DELAY") <= 0:
        return None
    try:
        from auditor.embeddings import EmbedWhileCrawling

        return EmbedWhileCrawling(store)
    except Exception:  # the score stage embeds (or warns) instead
        return None


def run_audit(
    url: str,
    *,
    store: Store,
    options: CrawlOptions,
    out_dir: Path,
    config: ScoringConfig | None = None,
    lang: str | None = None,
    on_page: Callable[[PageRecord], None] | None = None,
    llm: LLMConfig | None = None,
) -> AuditOutcome:
    audit_id = crawl_only(url, store=store, options=options, on_page=on_page)
    result = score_stage(store, audit_id, config)
    result = suggest_stage(store, audit_id, result, llm)
    files = report_stage(result, out_dir, lang)
    return AuditOutcome(audit_id, result, files)
