"""What `geo-audit` prints: the consoles, one-line errors and warnings, the crawl's progress bar and
the summary of an audit.

Nothing printed carries a control character from crawled text (a server's Content-Type, a page
title: `SafeConsole`), and no error shows a password or an API key (`config.mask_secrets`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

from rich.console import Console, ConsoleOptions, RenderableType
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.segment import Segment

from auditor.config import clean_line, clean_text, mask_secrets
from auditor.pipeline import AuditOutcome
from auditor.runner import OnPage
from auditor.warnings import CRAWL_INCOMPLETE, is_llm_warning
from scoring.core.records import PageRecord
from scoring.core.results import AuditResult


class SafeConsole(Console):
    """A Rich console that never writes a control character it did not make itself: crawled text
    (a Content-Type header, a title, a client name) is stripped of escape sequences in every
    print, table and live display. Rich's own styling and cursor movement are control segments
    and pass unchanged."""

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None):
        for segment in super().render(renderable, options):
            if segment.control is None and segment.text:
                text = clean_text(segment.text)
                if text != segment.text:
                    segment = Segment(text, segment.style)
            yield segment


out = SafeConsole()
err = SafeConsole(stderr=True)


def error_line(message: object) -> str:
    """An error or warning as printed: one line, no control characters, no secrets."""
    return clean_line(mask_secrets(" ".join(str(message).split())))


def warn(message: object) -> None:
    err.print(f"warning: {error_line(message)}", markup=False, highlight=False, soft_wrap=True)


def fail(message: object, code: int, prefix: str = "error: ") -> NoReturn:
    # soft_wrap: no line breaks at 80 columns when stderr is a pipe or a log file
    err.print(prefix + error_line(message), style="red", markup=False, highlight=False, soft_wrap=True)
    sys.exit(code)


def say(line: str) -> None:
    """A plain line on stdout (a path, a summary): no markup, no highlighting, no wrapping."""
    out.print(line, markup=False, highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    out.print_json(json.dumps(data))


@contextmanager
def crawl_progress(max_pages: int, quiet: bool) -> Iterator[OnPage | None]:
    """A progress bar on stderr while crawling; yields the crawl's on_page callback (None: quiet)."""
    if quiet:
        yield None
        return
    progress = Progress(
        SpinnerColumn(),
        TextColumn("Crawling"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[url]}", style="dim"),
        console=err,
        transient=True,
    )
    with progress:
        task = progress.add_task("crawl", total=max_pages, url="")

        def on_page(record: PageRecord) -> None:
            progress.update(task, advance=1, url=record.url[-70:])

        yield on_page


LIMIT_TEXT = {
    "max_pages": "stopped at --max-pages",
    "max_depth": "links deeper than --max-depth were not followed",
    "timeout": "stopped at --timeout",
    "max_url_length": "over-long URLs skipped",
    "max_query_variants": "query-string variants per path capped",
    "max_sitemap_urls": "sitemap URLs capped",
}


def limits_sentence(limits: list[str]) -> str:
    """The crawl limits that were hit, in words, with what a user can do about them."""
    said = "; ".join(LIMIT_TEXT.get(limit, limit) for limit in limits)
    return f"{said} — site-wide findings (orphans, duplicates) cover only the pages crawled; raise the limit."


def print_outcome(outcome: AuditOutcome, as_json: bool) -> None:
    """The summary of an audit: scores per category, an incomplete crawl, the briefs, the report."""
    result = outcome.result
    if as_json:
        print_json(
            {
                "audit_id": outcome.audit_id,
                "site": result.site,
                "site_score": result.site_score,
                "categories": {c.id: c.score for c in result.categories},
                "pages": result.coverage.urls_crawled,
                "complete": result.coverage.complete,
                "limits_hit": result.coverage.limits_hit,
                "report": str(outcome.files["html"]),
                "briefs": len(result.briefs),
                "llm_usage": result.llm_usage,
            }
        )
        return
    score = "not measured" if result.site_score is None else f"{result.site_score:.0f}/100"
    out.print(
        f"[bold]Site score {score}[/bold] for {escape(result.site)} "
        f"({result.coverage.urls_crawled} URLs, audit {outcome.audit_id})",
        soft_wrap=True,
    )
    for category in result.categories:
        value = "—" if category.score is None else f"{category.score:.0f}"
        out.print(f"  {category.title:<24} {value:>4}")
    if result.coverage.limits_hit:
        limits = limits_sentence(result.coverage.limits_hit)
        out.print(f"[yellow]Crawl incomplete:[/yellow] {limits}", highlight=False)
    elif not result.coverage.complete:
        unreachable = next((m.text for m in result.warning_messages if m.id == CRAWL_INCOMPLETE), "")
        reason = unreachable or "the crawl was cut short; site-wide findings cover only the pages crawled."
        reason = escape(reason.removeprefix("Crawl incomplete: "))
        out.print(f"[yellow]Crawl incomplete:[/yellow] {reason}", highlight=False)
    print_briefs(result)
    say(f"Report: {outcome.files['html']}")


def print_briefs(result: AuditResult) -> None:
    if not result.briefs:
        return
    written = sum(b.source == "llm" for b in result.briefs)
    usage = result.llm_usage or {}
    tokens = usage.get("prompt_tokens", 0) + usage.get("completion_tokens", 0)
    detail = f" by {usage.get('model')}, {tokens} tokens, {usage.get('seconds', 0):.0f} s" if written else ""
    out.print(f"Briefs: {len(result.briefs)} ({written} model-written{detail})", markup=False)
    for warning in result.warning_messages:
        if is_llm_warning(warning):
            warn(warning.text)


def print_crawl(summary: dict[str, Any], as_json: bool) -> None:
    """Summary of a crawl without scores (--crawl-only): audit_id, site, status, pages, complete,
    limits_hit."""
    if as_json:
        print_json(summary)
        return
    audit_id = summary["audit_id"]
    out.print(
        f"Crawled {summary['pages']} URLs of {summary['site']} (audit {audit_id}, {summary['status']}); "
        f"`geo-audit rescore {audit_id}` scores it",
        markup=False,
    )
