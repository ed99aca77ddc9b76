"""What `geo-audit` prints: the consoles, one-line errors and warnings, the crawl's progress bar,
tables and the summary of an audit.

Nothing printed carries a control character from crawled text (a server's Content-Type, a page
title: `SafeConsole`), and no error shows a password or an API key (`config.mask_secrets`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from rich.console import Console, ConsoleOptions, RenderableType
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.segment import Segment
from rich.table import Table

from auditor.config import clean_line, clean_text, mask_secrets
from auditor.crawl import CrawlOptions
from auditor.pipeline import AuditOutcome
from auditor.reaudit import reuse_line
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


def click_error(exc: Exception) -> None:
    """Click's errors (wrong option values, unknown commands) as one line, not a box. Typer vendors
    click in newer releases, so the classes are recognised by name."""
    kinds = {cls.__name__ for cls in type(exc).__mro__}
    if "NoArgsIsHelpError" in kinds:  # `geo-audit` alone: the help, as before
        try:
            from typer import rich_utils

            rich_utils.rich_format_error(exc)
        except Exception:
            exc.show()
        sys.exit(exc.exit_code)
    if "Abort" in kinds:
        fail("aborted", 1)
    ctx = getattr(exc, "ctx", None)
    hint = f" (see `{ctx.command_path} --help`)" if "UsageError" in kinds and ctx is not None else ""
    fail(f"{exc.format_message()}{hint}", getattr(exc, "exit_code", 2))


def is_click_error(exc: Exception) -> bool:
    return any(cls.__name__ in ("ClickException", "Abort") for cls in type(exc).__mro__)


def say(line: str) -> None:
    """A plain line on stdout (a path, a summary): no markup, no highlighting, no wrapping."""
    out.print(line, markup=False, highlight=False, soft_wrap=True)


def say_reuse(timing: dict[str, Any], as_json: bool) -> None:
    """One line on what a re-audit took over from the site's earlier audit (docs/reaudit.md)."""
    line = reuse_line(
        int(timing.get("pages_reused", 0)),
        int(timing.get("pages_extracted", 0)),
        int(timing["pages_reused_from"]) if "pages_reused_from" in timing else None,
        scores_reused=bool(timing.get("scores_reused")),
    )
    if line and not as_json:
        say(line)


def print_json(data: Any) -> None:
    out.print_json(json.dumps(data))


def print_table(table: Table, console: Console = out) -> None:
    """A table with every value whole. On a terminal at its width: a value too long for its
    column folds onto the next line, never cut to "…". Piped or into a file (no width to fit; Rich
    would assume 80 columns) at the width the longest values need: one line per row, greppable."""
    for column in table.columns:
        column.overflow = "fold"
    if console.is_terminal:
        console.print(table)
        return
    needed = console.measure(table, options=console.options.update_width(1 << 16)).maximum
    wide = SafeConsole(
        file=console.file,
        width=max(needed, 20),
        color_system=console.color_system,  # type: ignore[arg-type]  # a name Console accepts
        no_color=console.no_color,
        highlight=False,
    )
    wide.print(table)


@contextmanager
def crawl_progress(max_pages: int, quiet: bool) -> Iterator[OnPage | None]:
    """A progress bar on stderr while crawling; yields the crawl's on_page callback (None: quiet).

    Only on a terminal: into a pipe or a log file a bar shows nothing but the empty line Rich ends
    it with, which then stood before an error message."""
    if quiet or not err.is_interactive:
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


# What each crawl limit did, in words: with the limit's setting (when known) and without.
LIMIT_TEXT: dict[str, tuple[Callable[[Any], str], str]] = {
    "max_pages": (
        lambda n: f"stopped at the page limit of {n} {'URL' if n == 1 else 'URLs'} (--max-pages {n})",
        "stopped at the page limit",
    ),
    "timeout": (lambda s: f"stopped at the time limit of {s} s (--timeout {s})", "stopped at the time limit"),
    "max_depth": (
        lambda n: (
            f"did not follow links more than {n} {'click' if n == 1 else 'clicks'} from the start page "
            f"(--max-depth {n})"
        ),
        "did not follow links beyond the depth limit",
    ),
    "max_url_length": (lambda _: "skipped over-long URLs", "skipped over-long URLs"),
    "max_query_variants": (
        lambda _: "skipped query-string variants beyond the cap per path",
        "skipped query-string variants beyond the cap per path",
    ),
    "max_sitemap_urls": (lambda _: "read only part of very large sitemaps", "read only part of very large sitemaps"),
}
LIMIT_OPTIONS = {"max_pages": "--max-pages", "timeout": "--timeout", "max_depth": "--max-depth"}


def limit_values(options: CrawlOptions | Mapping[str, Any] | None) -> dict[str, Any]:
    """The limits' settings ({"max_pages": 500, "max_depth": 10, "timeout": 0}) from crawl options
    or an audit's stored settings; {} when unknown."""
    if options is None:
        return {}
    if isinstance(options, CrawlOptions):
        return {"max_pages": options.max_pages, "max_depth": options.max_depth, "timeout": options.timeout_s}
    crawl = options.get("crawl") or {}
    return {
        "max_pages": crawl.get("max_pages", options.get("max_pages")),
        "max_depth": crawl.get("max_depth", options.get("max_depth")),
        "timeout": crawl.get("timeout_s"),
    }


def limits_sentence(limits: list[str], values: Mapping[str, Any] | None = None) -> str:
    """The crawl limits that were hit, in plain words with the setting and what a user can do:
    "it stopped at the page limit of 300 URLs (--max-pages 300). Site-wide findings … raise --max-pages …"."""
    values = values or {}
    order = list(LIMIT_TEXT)
    limits = sorted(dict.fromkeys(limits), key=lambda limit: order.index(limit) if limit in order else len(order))
    said = []
    for limit in limits:
        with_value, without = LIMIT_TEXT.get(limit, (lambda _, x=limit: f"hit the limit {x}", f"hit the limit {limit}"))
        value = values.get(limit)
        said.append(with_value(value) if value else without)
    text = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
    flags = [LIMIT_OPTIONS[limit] for limit in limits if limit in LIMIT_OPTIONS]
    advice = f"; raise {' or '.join(flags)} to audit the whole site" if flags else ""
    return f"it {text}. Site-wide findings (orphan pages, duplicates) cover only the pages crawled{advice}."


def shown_site(result: AuditResult) -> str:
    """The audited site as people read it: on the production origin with `--as-host` (and in the
    demo), as in the report; the crawled start URL stays in the JSON summary's "site"."""
    try:
        from reports.format import display_site
    except ImportError:  # a reports package without production URLs
        return result.site
    return display_site(result)


def print_outcome(
    outcome: AuditOutcome,
    as_json: bool,
    *,
    limits: CrawlOptions | Mapping[str, Any] | None = None,
    pdf: Path | None = None,
) -> None:
    """The summary of an audit: scores per category, an incomplete crawl (which limit stopped it:
    `limits` are the crawl options or stored settings), the briefs, the report and its PDF."""
    result = outcome.result
    site = shown_site(result)
    if as_json:
        print_json(
            {
                "audit_id": outcome.audit_id,
                "site": result.site,
                "display_site": site,
                "site_score": result.site_score,
                "categories": {c.id: c.score for c in result.categories},
                "pages": result.coverage.urls_crawled,
                "complete": result.coverage.complete,
                "limits_hit": result.coverage.limits_hit,
                "report": str(outcome.files["html"]),
                "pdf": str(pdf) if pdf else None,
                "briefs": len(result.briefs),
                "llm_usage": result.llm_usage,
                # a re-audit's reuse (docs/reaudit.md): pages taken unchanged from an earlier audit
                "pages_reused": int(result.timing.get("pages_reused", 0)),
                "pages_extracted": int(result.timing.get("pages_extracted", result.coverage.urls_crawled)),
                "scores_reused": bool(result.timing.get("scores_reused", 0)),
            }
        )
        return
    score = "not measured" if result.site_score is None else f"{result.site_score:.0f}/100"
    out.print(
        f"[bold]Site score {score}[/bold] for {escape(site)} "
        f"({result.coverage.urls_crawled} URLs, audit {outcome.audit_id})",
        soft_wrap=True,
    )
    for category in result.categories:
        value = "—" if category.score is None else f"{category.score:.0f}"
        out.print(f"  {category.title:<24} {value:>4}")
    if result.coverage.limits_hit:
        sentence = escape(limits_sentence(result.coverage.limits_hit, limit_values(limits)))
        out.print(f"[yellow]Crawl incomplete:[/yellow] {sentence}", highlight=False, soft_wrap=True)
    elif not result.coverage.complete:
        unreachable = next((m.text for m in result.warning_messages if m.id == CRAWL_INCOMPLETE), "")
        reason = unreachable or "the crawl was cut short; site-wide findings cover only the pages crawled."
        reason = escape(reason.removeprefix("Crawl incomplete: "))
        out.print(f"[yellow]Crawl incomplete:[/yellow] {reason}", highlight=False, soft_wrap=True)
    print_briefs(result)
    say(f"Report: {outcome.files['html']}")
    if pdf:
        say(f"PDF: {pdf}")


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


def print_crawl(summary: dict[str, Any], as_json: bool, limits: CrawlOptions | Mapping[str, Any] | None = None) -> None:
    """Summary of a crawl without scores (--crawl-only): audit_id, site, status, pages, complete,
    limits_hit (in words, with the settings of `limits`)."""
    if as_json:
        print_json(summary)
        return
    audit_id = summary["audit_id"]
    out.print(
        f"Crawled {summary['pages']} URLs of {summary['site']} (audit {audit_id}, {summary['status']}); "
        f"`geo-audit rescore {audit_id}` scores it",
        markup=False,
        soft_wrap=True,
    )
    if summary.get("limits_hit"):
        sentence = escape(limits_sentence(summary["limits_hit"], limit_values(limits)))
        out.print(f"[yellow]Crawl incomplete:[/yellow] {sentence}", highlight=False, soft_wrap=True)
