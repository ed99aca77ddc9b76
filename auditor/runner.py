"""Stage functions: crawl -> score -> report (DESIGN.md §3). Each boundary is persisted.

`AuditError` carries a one-line message for the CLI. Whatever was crawled stays in the store,
also when the audit fails afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from auditor.crawl import CrawlOptions, run_crawl
from auditor.store import Store, StoreSink
from reports.writers import write_all
from scoring.audit import score_site
from scoring.config import ScoringConfig
from scoring.records import PageRecord, SiteArtifacts
from scoring.results import AuditResult
from spiders.extract import canonical_url


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


def crawl_stage(store: Store, url: str, options: CrawlOptions, settings: dict,
                on_page: Callable[[PageRecord], None] | None = None) -> tuple[int, SiteArtifacts]:
    audit_id = store.create_audit(url, settings)
    sink = StoreSink(store, audit_id)
    try:
        run_crawl(url, sink, options, on_page=on_page)
    except BaseException:
        sink.flush()
        store.mark(audit_id, "partial", "crawl interrupted")
        raise
    if sink.artifacts is None:  # the crawl never closed its spider cleanly
        sink.flush()
        store.mark(audit_id, "partial", "crawl ended without closing")
        raise AuditError(f"the crawl of {url} ended unexpectedly; audit {audit_id} kept as partial")
    return audit_id, sink.artifacts


def score_stage(store: Store, audit_id: int, config: ScoringConfig | None = None) -> AuditResult:
    artifacts = store.artifacts(audit_id)
    if artifacts is None:
        raise AuditError(f"audit {audit_id} has no finished crawl to score")
    result = score_site(store.iter_pages(audit_id), artifacts, config, settings=store.settings(audit_id))
    store.save_result(audit_id, result)
    return result


def report_stage(result: AuditResult, out_dir: Path, lang: str | None = None) -> dict[str, Path]:
    return write_all(result, out_dir, lang=lang)


def run_audit(url: str, *, store: Store, options: CrawlOptions, out_dir: Path,
              config: ScoringConfig | None = None, lang: str | None = None,
              on_page: Callable[[PageRecord], None] | None = None) -> AuditOutcome:
    start_url = normalise_start_url(url)
    settings = {"url": start_url, "max_pages": options.max_pages, "max_depth": options.max_depth}
    audit_id, _ = crawl_stage(store, start_url, options, settings, on_page)
    problem = _start_problem(store, audit_id, start_url)
    if problem:
        store.mark(audit_id, "failed", problem)
        raise AuditError(problem)
    result = score_stage(store, audit_id, config)
    files = report_stage(result, out_dir, lang)
    return AuditOutcome(audit_id, result, files)
