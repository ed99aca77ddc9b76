"""Stage functions: crawl -> score -> report (DESIGN.md §3). Each boundary is persisted.

`AuditError` carries a one-line message for the CLI. Whatever was crawled stays in the store,
also when the audit fails afterwards.

The process crawling an audit holds its lock in the store (a second `resume` is refused). With a
`--timeout`, the whole audit runs under a hard deadline (auditor.crawl.HardDeadline) that ends
its process tree GEO_HARD_TIMEOUT_GRACE seconds after the crawl's own graceful stop.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from auditor.crawl import CrawlOptions, HardDeadline, crawl_settings, run_crawl
from auditor.llm import LLMConfig, suggest_briefs
from auditor.store import AuditLocked, Store, StoreSink
from reports.writers import write_all
from scoring.audit import score_site
from scoring.config import ScoringConfig
from scoring.core.records import BLOCKED_BY_ROBOTS, PageRecord, SiteArtifacts
from scoring.core.results import AuditResult
from spiders.extract import canonical_url
from spiders.middlewares import robots_txt_unreadable
from spiders.site_spider import ResumeState, is_connection_failure

# A crawl that could not reach the server for at least this share of its URLs (a client server
# that died mid-crawl) fails in a batch (`unreachable_problem`); below it, a warning.
CONNECTION_FAILURE_LIMIT = 0.5


class AuditError(Exception):
    """A problem the user can fix; the message is one line, shown without a traceback."""


@dataclass(frozen=True)
class AuditOutcome:
    audit_id: int
    result: AuditResult
    files: dict[str, Path]


_HOST = re.compile(r"^[a-z0-9.-]+(?::\d{1,5})?$", re.I)
# An IPv6 literal in brackets (RFC 3986 §3.2.2), e.g. http://[::1]:8080/; no zone id (`%25eth0`).
_IPV6_HOST = re.compile(r"^\[([0-9a-f:.]+)\](?::\d{1,5})?$", re.I)


def _valid_host(netloc: str, hostname: str | None) -> bool:
    """A host name with a dot (or localhost), an IPv4 address or a bracketed IPv6 literal."""
    literal = _IPV6_HOST.match(netloc)
    if literal:
        try:
            ipaddress.IPv6Address(literal.group(1))
        except ValueError:
            return False
        return True
    return bool(hostname and _HOST.match(netloc) and ("." in hostname or hostname == "localhost"))


def normalise_start_url(raw: str) -> str:
    """A canonical http(s) start URL, or AuditError. "www.example.de" means https://."""
    text = raw.strip()
    if not text or any(c.isspace() for c in text):
        raise AuditError(f"not a URL: {raw!r}")
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        port = parts.port  # ValueError when out of range
    except ValueError:  # "[::1" (an unclosed bracket), port 99999
        raise AuditError(f"not a URL: {raw!r}") from None
    if parts.scheme not in ("http", "https"):
        raise AuditError(f"only http and https URLs can be audited, not {parts.scheme!r}")
    if not parts.netloc or port == 0 or not _valid_host(parts.netloc, parts.hostname):
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
            return f"cannot fetch {url}: {_robots_unreadable(store, audit_id, record) or record.error or 'no response'}"
        if record.status >= 400:
            return f"{url} answered HTTP {record.status}"
        if not record.is_html:
            return f"no HTML at {url} (Content-Type: {record.content_type or 'none'})"
        return None
    return f"redirect loop at {start_url}"


def _robots_unreadable(store: Store, audit_id: int, record: PageRecord) -> str | None:
    """Why the start page was not fetched when its host's robots.txt could not be read, or None.

    A robots.txt that answers with a server error or cannot be reached at all means complete
    disallow (RFC 9309 §2.3.1.4; spiders.middlewares.RobotsTxtGate): the page carries "blocked by
    robots.txt" (server error) or the robots.txt fetch's own error (unreachable), and the reason is
    the robots.txt status the crawl stored."""
    artifacts = store.artifacts(audit_id)
    if artifacts is None or urlsplit(record.url).netloc != urlsplit(artifacts.root_url).netloc:
        return None  # a redirect led to another host: its robots.txt is not stored
    status = artifacts.robots_status
    rule = "so the whole site counts as disallowed (RFC 9309 §2.3.1.4) and nothing was crawled"
    if status is not None and robots_txt_unreadable(status) and record.error == BLOCKED_BY_ROBOTS:
        return f"robots.txt answered HTTP {status}, {rule}"
    if status is None and record.error and record.error != BLOCKED_BY_ROBOTS:
        return f"robots.txt unreachable ({plain_error(record.error)}), {rule}"
    return None


# "DownloadFailedError: [<twisted.python.failure.Failure twisted.internet.error.ConnectionDone: Connection
# was closed cleanly.>]" -> "ConnectionDone: Connection was closed cleanly."
_WRAPPED_FAILURE = re.compile(r"<twisted\.python\.failure\.Failure (?:[\w]+\.)*(?P<kind>\w+): (?P<text>[^<>]{0,200}?)>")


def plain_error(error: str) -> str:
    """A crawl error as a reader wants it: the failure Twisted wrapped, not its wrapper's repr."""
    inner = _WRAPPED_FAILURE.search(error)
    return f"{inner.group('kind')}: {inner.group('text').strip()}" if inner else error


class AuditInterrupted(AuditError):
    """Ctrl-C / SIGTERM during the crawl: the audit is stored as `partial` and can be resumed."""


def crawl_stage(
    store: Store, url: str, options: CrawlOptions, settings: dict, on_page: Callable[[PageRecord], None] | None = None
) -> tuple[int, SiteArtifacts]:
    with hard_timeout(options, store):
        audit_id = store.create_audit(url, settings, lock=True)
        try:
            return audit_id, _crawl_into(store, audit_id, url, options, on_page, None)
        finally:
            store.unlock_audit(audit_id)


def _crawl_into(
    store: Store,
    audit_id: int,
    url: str,
    options: CrawlOptions,
    on_page: Callable[[PageRecord], None] | None,
    resume: ResumeState | None,
) -> SiteArtifacts:
    sink = StoreSink(store, audit_id, first_seq=store.page_count(audit_id) if resume else 0)
    _deadline_target(store, audit_id, sink)
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
        state.connection_failures += is_connection_failure(record)
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
    """Continue an interrupted (partial) crawl where it stopped, then score and report it.

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
        return _resume_locked(store, audit_id, out_dir, options, config, lang, on_page, score)
    finally:
        store.unlock_audit(audit_id)


def _resume_locked(
    store: Store,
    audit_id: int,
    out_dir: Path,
    options: CrawlOptions | None,
    config: ScoringConfig | None,
    lang: str | None,
    on_page: Callable[[PageRecord], None] | None,
    score: bool,
) -> AuditOutcome | None:
    row = store.audit(audit_id)  # again, now that no one else can change it
    if row is None or row.status not in ("partial", "running"):
        raise AuditError(f"audit {audit_id} is {row.status if row else 'gone'}; only a partial audit can be resumed")
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
    with hard_timeout(options, store):
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
    unreachable = connection_failure_warning(pages)
    if problem or timing or unreachable:  # embeddings are an extra: a failure is a warning, never a failed audit
        result = result.model_copy(
            update={
                "warnings": ([unreachable] if unreachable else []) + result.warnings + ([problem] if problem else []),
                "timing": {**result.timing, **timing},
            }
        )
    store.save_result(audit_id, result)
    return result


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


def connection_failure_warning(records: Iterable[PageRecord]) -> str | None:
    """The warning for a crawl whose server could not be reached for some URLs, or None."""
    failed, total = connection_failures(records)
    if not failed:
        return None
    return (
        f"Crawl incomplete: {failed} of {total} URLs ({_share(failed, total)}) could not be fetched because the "
        "server refused or dropped the connection (did it go down during the crawl?); findings cover only the "
        "pages fetched."
    )


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
    with hard_timeout(options, store):
        return _crawl_only(url, store=store, options=options, on_page=on_page)


def _crawl_only(
    url: str, *, store: Store, options: CrawlOptions, on_page: Callable[[PageRecord], None] | None = None
) -> int:
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
    with hard_timeout(options, store):  # the whole audit: crawl, scores, briefs, report
        audit_id = crawl_only(url, store=store, options=options, on_page=on_page)
        result = score_stage(store, audit_id, config)
        result = suggest_stage(store, audit_id, result, llm)
        files = report_stage(result, out_dir, lang)
    return AuditOutcome(audit_id, result, files)


# -- the hard time limit -----------------------------------------------------------------------
@dataclass
class _DeadlineState:
    deadline: HardDeadline
    seconds: float
    timeout_s: float
    store: Store | None = None
    audit_id: int | None = None
    sink: StoreSink | None = None
    depth: int = 0


_deadline: _DeadlineState | None = None  # one audit per process (the reactor cannot restart)


def _stopped_lines(timeout_s: float, seconds: float) -> dict[str, str]:
    said = f"did not finish within --timeout {timeout_s:g} s (+{seconds - timeout_s:g} s to close) and was stopped"
    return {
        "partial": f"error: audit {{id}} {said}; its {{pages}} URLs are kept (partial): "
        "`geo-audit resume {id}` continues it",
        "other": f"error: audit {{id}} {said} after its crawl ({{pages}} URLs, stored): "
        "`geo-audit rescore {id}` scores it",
        "unknown": f"error: the audit {said}",
    }


def _on_hard_deadline() -> str:
    """Stage 1 of the hard deadline (a timer thread): keep what was crawled, say what is left."""
    state = _deadline
    assert state is not None
    lines = _stopped_lines(state.timeout_s, state.seconds)
    if state.store is None or state.audit_id is None:
        return lines["unknown"]
    store, audit_id = state.store, state.audit_id
    if state.sink is not None and state.sink.artifacts is None:
        state.sink.flush()
    status = store.mark_stopped(audit_id, f"stopped at the hard time limit ({state.seconds:g} s)")
    store.unlock_audit(audit_id)
    line = lines["partial" if status == "partial" else "other"]
    return line.format(id=audit_id, pages=store.page_count(audit_id))


@contextmanager
def hard_timeout(options: CrawlOptions, store: Store) -> Iterator[None]:
    """The outermost `with` of an audit with a --timeout arms its hard deadline (nested ones of
    the same audit share it) and disarms it when the audit ends in time."""
    global _deadline
    state = _deadline
    settings = crawl_settings(options) if state is None and options.timeout_s and options.timeout_s > 0 else None
    if settings is not None and settings.getbool("GEO_HARD_TIMEOUT"):
        grace = max(0.0, settings.getfloat("GEO_HARD_TIMEOUT_GRACE"))
        seconds = options.timeout_s + grace
        helper = {
            "db": store.url,
            "error": f"stopped at the hard time limit ({seconds:g} s)",
            "messages": _stopped_lines(options.timeout_s, seconds),
        }
        state = _DeadlineState(HardDeadline(seconds, _on_hard_deadline, helper), seconds, options.timeout_s)
        _deadline = state
        state.deadline.start()
    if state is None:
        yield
        return
    state.depth += 1
    try:
        yield
    finally:
        state.depth -= 1
        if state.depth == 0:
            state.deadline.cancel()
            _deadline = None


def _deadline_target(store: Store, audit_id: int, sink: StoreSink | None) -> None:
    """Tell the hard deadline (if one is armed) which audit and sink to keep when it fires."""
    state = _deadline
    if state is None:
        return
    state.store, state.audit_id, state.sink = store, audit_id, sink
    state.deadline.target(audit_id)
