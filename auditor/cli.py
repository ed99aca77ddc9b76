"""`geo-audit`: the command line (Typer + Rich).

Errors the user can fix print one line on stderr and exit non-zero; no tracebacks
(set GEO_AUDIT_DEBUG=1 to see one). Inputs (config, URL, output folder) are checked before a crawl
starts. Nothing printed carries a control character from crawled text (a server's Content-Type, a
page title: `SafeConsole`), and no error shows a password or an API key (`config.mask_secrets`).
"""

from __future__ import annotations

import json
import os
import re
import sys
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console, ConsoleOptions, RenderableType
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.segment import Segment
from rich.table import Table

from auditor.config import (
    ConfigError,
    UserConfig,
    check_out_dir,
    clean_line,
    clean_text,
    load_config,
    mask_secrets,
    store_error,
    url_problem,
)
from auditor.crawl import CrawlOptions
from auditor.llm import BACKENDS, LLM_WARNING_PREFIXES, LLMConfig
from auditor.runner import (
    AuditError,
    AuditInterrupted,
    AuditOutcome,
    crawl_only,
    report_stage,
    resume_audit,
    run_audit,
    score_stage,
    suggest_stage,
)
from auditor.serve import StaticSite
from auditor.store import Store
from scoring.config import category_of
from scoring.core.records import PageRecord
from scoring.core.results import AuditResult
from scoring.registry import all_checks

app = typer.Typer(
    name="geo-audit",
    help="Audit a website for generative-engine visibility: expertise, evidence, depth, internal links.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


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
_store_urls: list[str] = []  # stores opened in this run: named when one fails later (a damaged file)

DEMO_ORIGIN = "https://www.sonnenwerk.example"  # the production origin written in the demo files

# str, not Path: Path("postgresql://h/db") collapses "//" and the URL would become a file name.
DbOption = Annotated[str | None, typer.Option("--db", help="Audit store: SQLite file or SQLAlchemy URL.")]
OutOption = Annotated[Path, typer.Option("--out", "-o", help="Folder for report.html, results.json, pages.csv.")]
LlmOption = Annotated[
    str | None,
    typer.Option(
        "--llm",
        help="Briefs for deeper articles: none (deterministic, default), openai (OPENAI_BASE_URL, "
        "OPENAI_API_KEY) or local (embedded llama.cpp; extra local-llm).",
    ),
]
LlmModelOption = Annotated[
    str | None,
    typer.Option(
        "--llm-model",
        help="openai: model name; local: a packaged model by short name (1.5b, 0.5b) or a path to a GGUF "
        "file (default: the 1.5B model when its extra is installed, else the 0.5B).",
    ),
]
LangOption = Annotated[str | None, typer.Option("--lang", help="Report language: de or en (default: the site's).")]


def _store(db: str | Path | None) -> Store:
    try:
        store = Store(db)
    except Exception as exc:
        raise AuditError(f"cannot open the audit store {db or 'in the default place'}: {store_error(exc)}") from exc
    _store_urls.append(store.url)
    return store


def _check_out(out_dir: Path) -> None:
    """The report folder can be written: checked before a crawl, not after it."""
    check_out_dir(out_dir, "--out")


def _options(user: UserConfig, **cli: Any) -> CrawlOptions:
    """CLI flags win over the config file, which wins over the defaults."""
    merged = {**user.crawl, **{k: v for k, v in cli.items() if v is not None}}
    defaults = CrawlOptions()
    return CrawlOptions(
        max_pages=merged.get("max_pages", defaults.max_pages),
        max_depth=merged.get("max_depth", defaults.max_depth),
        timeout_s=merged.get("timeout", defaults.timeout_s),
        delay_s=merged.get("delay"),
        concurrency=merged.get("concurrency"),
        overrides=merged.get("overrides", {}),
        include=tuple(merged.get("include") or ()),
        exclude=tuple(merged.get("exclude") or ()),
        strip_params=merged.get("strip_params"),
        subdomains=bool(merged.get("subdomains")),
        as_host=merged.get("as_host"),
    )


def _crawl_scope(
    include: list[str] | None, exclude: list[str] | None, strip_params: str | None, settings: list[str] | None
) -> dict[str, Any]:
    """Validated --include/--exclude/--strip-params/--setting values (one-line errors)."""
    for pattern in [*(include or []), *(exclude or [])]:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise AuditError(f"not a regular expression: {pattern!r} ({exc})") from exc
    overrides: dict[str, Any] = {}
    for item in settings or []:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip().isupper():
            raise AuditError(f"--setting wants NAME=VALUE with a Scrapy setting name, not {item!r}")
        try:
            overrides[key.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            overrides[key.strip()] = raw
    strip = None
    if strip_params is not None:
        strip = (
            ()
            if strip_params.strip().lower() in ("", "none")
            else tuple(p.strip() for p in strip_params.split(",") if p.strip())
        )
    return {"include": include, "exclude": exclude, "strip_params": strip, "overrides": overrides or None}


@contextmanager
def _crawl_progress(max_pages: int, quiet: bool):
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


def _audit(
    url: str,
    options: CrawlOptions,
    *,
    db: Path | None,
    out_dir: Path,
    lang: str | None,
    user: UserConfig,
    quiet: bool,
    score: bool = True,
    llm: LLMConfig | None = None,
) -> AuditOutcome | int:
    if lang not in (None, "de", "en"):
        raise AuditError(f"--lang must be de or en, not {lang!r}")
    store = _store(db)
    try:
        with _crawl_progress(options.max_pages, quiet) as on_page:
            if not score:
                return crawl_only(url, store=store, options=options, on_page=on_page)
            return run_audit(
                url,
                store=store,
                options=options,
                out_dir=out_dir,
                config=user.scoring,
                lang=lang,
                on_page=on_page,
                llm=llm,
            )
    finally:
        store.close()


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


def _print_outcome(outcome: AuditOutcome, as_json: bool) -> None:
    result = outcome.result
    if as_json:
        summary = {
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
        out.print_json(json.dumps(summary))
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
        unreachable = next((w for w in result.warnings if "could not be fetched" in w), "")
        reason = unreachable or "the crawl was cut short; site-wide findings cover only the pages crawled."
        reason = escape(reason.removeprefix("Crawl incomplete: "))
        out.print(f"[yellow]Crawl incomplete:[/yellow] {reason}", highlight=False)
    _print_briefs(result)
    out.print(f"Report: {outcome.files['html']}", markup=False, highlight=False, soft_wrap=True)


def _llm_config(backend: str | None, model: str | None, user: UserConfig) -> LLMConfig:
    """--llm/--llm-model win over [llm] in the config file; the default is the deterministic builder."""
    settings = dict(user.llm)
    name = (backend or settings.pop("backend", None) or "none").lower()
    settings.pop("backend", None)
    if name not in BACKENDS:
        raise AuditError(f"--llm must be one of {', '.join(BACKENDS)}, not {name!r}")
    if model:
        settings["model"] = model
    if "timeout" in settings:
        settings["timeout_s"] = settings.pop("timeout")
    return LLMConfig(backend=name, **settings)


def _print_briefs(result: AuditResult) -> None:
    if not result.briefs:
        return
    written = sum(b.source == "llm" for b in result.briefs)
    usage = result.llm_usage or {}
    tokens = usage.get("prompt_tokens", 0) + usage.get("completion_tokens", 0)
    detail = f" by {usage.get('model')}, {tokens} tokens, {usage.get('seconds', 0):.0f} s" if written else ""
    out.print(f"Briefs: {len(result.briefs)} ({written} model-written{detail})", markup=False)
    for warning in result.warnings:
        if warning.startswith(LLM_WARNING_PREFIXES):
            warn(warning)


def _print_crawl(audit_id: int, db: Path | None, as_json: bool) -> None:
    """Summary of a crawl without scores (--crawl-only)."""
    store = _store(db)
    try:
        row = store.audit(audit_id)
        artifacts = store.artifacts(audit_id)
    finally:
        store.close()
    stats = artifacts.crawl_stats if artifacts else None
    summary = {
        "audit_id": audit_id,
        "site": row.site,
        "status": row.status,
        "pages": row.pages,
        "complete": stats.complete if stats else False,
        "limits_hit": stats.limits_hit if stats else [],
    }
    if as_json:
        out.print_json(json.dumps(summary))
    else:
        out.print(
            f"Crawled {row.pages} URLs of {row.site} (audit {audit_id}, {row.status}); "
            f"`geo-audit rescore {audit_id}` scores it",
            markup=False,
        )


@app.command()
def audit(
    url: Annotated[str, typer.Argument(help="Start URL (https://www.example.de/) or a folder with a static build.")],
    max_pages: Annotated[int | None, typer.Option(min=1, help="Stop after this many URLs.")] = None,
    max_depth: Annotated[int | None, typer.Option(min=0, help="Follow links this many clicks deep.")] = None,
    delay: Annotated[float | None, typer.Option(min=0, help="Seconds between requests.")] = None,
    timeout: Annotated[
        int | None,
        typer.Option(
            min=1,
            help=(
                "Seconds for the crawl, which then stops gracefully; 60 s later (GEO_HARD_TIMEOUT_GRACE) the "
                "whole audit ends, whatever hangs, keeping what was crawled."
            ),
        ),
    ] = None,
    as_host: Annotated[
        str | None,
        typer.Option(
            help="Production origin (https://www.example.de): its links, canonicals and sitemap URLs count as "
            "internal and map onto the crawled staging host or served folder."
        ),
    ] = None,
    include: Annotated[list[str] | None, typer.Option(help="Only crawl URLs matching this regex (repeatable).")] = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Skip URLs matching this regex (repeatable).")] = None,
    strip_params: Annotated[
        str | None,
        typer.Option(
            help="Comma-separated query parameters to drop from URLs (utm_* style prefixes allowed; "
            "'none' keeps all). Default: tracking and session parameters."
        ),
    ] = None,
    subdomains: Annotated[
        bool, typer.Option("--subdomains", help="Crawl other subdomains too (www and apex are always one site).")
    ] = False,
    setting: Annotated[
        list[str] | None,
        typer.Option("--setting", "-s", help="Raw Scrapy setting NAME=VALUE (repeatable), e.g. DOWNLOAD_TIMEOUT=5."),
    ] = None,
    out_dir: OutOption = Path("geo-audit-report"),
    db: DbOption = None,
    lang: LangOption = None,
    config: Annotated[Path | None, typer.Option("--config", help="TOML file with crawl and scoring settings.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a machine-readable summary.")] = False,
    fail_under: Annotated[float | None, typer.Option(help="Exit 3 when the site score is below this.")] = None,
    crawl_only: Annotated[
        bool, typer.Option("--crawl-only", help="Only crawl into the store; score later with `geo-audit rescore`.")
    ] = False,
    llm: LlmOption = None,
    llm_model: LlmModelOption = None,
) -> None:
    """Crawl a site, score it and write the report."""
    if crawl_only and fail_under is not None:
        # Checked before crawling: a gate that can never judge must not pass silently.
        raise ConfigError("--fail-under needs a score; it cannot be combined with --crawl-only")
    if not url.strip():
        raise AuditError("give a start URL (https://www.example.de/) or a folder, not an empty string")
    user = load_config(config)
    llm_config = _llm_config(llm, llm_model, user)
    scope = _crawl_scope(include, exclude, strip_params, setting)
    if as_host is not None and (problem := url_problem(as_host)):
        raise AuditError(f"--as-host: {problem}")
    if not crawl_only:
        _check_out(out_dir)
    options = _options(
        user,
        max_pages=max_pages,
        max_depth=max_depth,
        delay=delay,
        timeout=timeout,
        subdomains=subdomains or None,
        as_host=as_host,
        **scope,
    )
    folder = Path(url).expanduser()
    if not folder.is_dir() and (problem := url_problem(url)):
        raise AuditError(problem)
    if folder.is_dir():
        with StaticSite(folder, origin_alias=as_host) as site:
            outcome = _audit(
                site.origin + "/",
                options,
                db=db,
                out_dir=out_dir,
                lang=lang,
                user=user,
                quiet=as_json,
                score=not crawl_only,
                llm=llm_config,
            )
    else:
        outcome = _audit(
            url,
            options,
            db=db,
            out_dir=out_dir,
            lang=lang,
            user=user,
            quiet=as_json,
            score=not crawl_only,
            llm=llm_config,
        )
    if isinstance(outcome, int):
        _print_crawl(outcome, db, as_json)
        return
    _print_outcome(outcome, as_json)
    score = outcome.result.site_score
    if fail_under is not None and (score is None or score < fail_under):
        err.print(f"site score {score} is below --fail-under {fail_under}", markup=False, soft_wrap=True)
        raise typer.Exit(3)


def demo_site_dir() -> resources.abc.Traversable:
    return resources.files("auditor") / "demo" / "site"


@app.command()
def demo(
    out_dir: OutOption = Path("geo-audit-demo"),
    db: DbOption = None,
    lang: LangOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a machine-readable summary.")] = False,
    llm: LlmOption = None,
    llm_model: LlmModelOption = None,
) -> None:
    """Serve the bundled demo site on 127.0.0.1, audit it and write the report."""
    llm_config = _llm_config(llm, llm_model, UserConfig())  # default: deterministic briefs
    if lang not in (None, "de", "en"):
        raise AuditError(f"--lang must be de or en, not {lang!r}")
    _check_out(out_dir)
    # Our own loopback server: no politeness delay needed.
    options = CrawlOptions(
        max_pages=500,
        max_depth=20,
        delay_s=0.0,
        concurrency=8,
        overrides={"AUTOTHROTTLE_ENABLED": False},
        as_host=DEMO_ORIGIN,
    )
    with resources.as_file(demo_site_dir()) as folder, StaticSite(folder, origin_alias=DEMO_ORIGIN) as site:
        outcome = _audit(
            site.origin + "/",
            options,
            db=db,
            out_dir=out_dir,
            lang=lang,
            user=UserConfig(),
            quiet=as_json,
            llm=llm_config,
        )
    _print_outcome(outcome, as_json)


@app.command("checks")
def list_checks(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List every check with id, category, weight and stage."""
    rows = []
    for check_id, cls in all_checks().items():
        category = category_of(check_id)
        rows.append(
            {
                "id": check_id,
                "category": category.id,
                "weight": category.checks[check_id],
                "scope": cls.scope,
                "stage": cls.stage,
                "title": cls.title,
            }
        )
    if as_json:
        out.print_json(json.dumps(rows))
        return
    table = Table("id", "category", "weight", "scope", "stage", "title")
    for row in rows:
        table.add_row(row["id"], row["category"], f"{row['weight']:g}", row["scope"], row["stage"], row["title"])
    out.print(table)
    out.print(f"{len(rows)} checks")


@app.command("list")
def list_audits(db: DbOption = None, limit: Annotated[int, typer.Option(min=1)] = 50) -> None:
    """Show past audits in the store."""
    store = _store(db)
    try:
        rows = store.list_audits(limit)
    finally:
        store.close()
    table = Table("id", "site", "status", "started", "pages", "score")
    for row in rows:
        score = "—" if row.site_score is None else f"{row.site_score:.0f}"
        table.add_row(str(row.id), row.site, row.status, row.started, str(row.pages), score)
    out.print(table)


def _existing_audit(store: Store, audit_id: int) -> None:
    if store.audit(audit_id) is None:
        raise AuditError(f"no audit {audit_id} in {store.url}")


@app.command()
def rescore(
    audit_id: Annotated[int, typer.Argument(help="Audit id (see `geo-audit list`).")],
    out_dir: OutOption = Path("geo-audit-report"),
    db: DbOption = None,
    lang: LangOption = None,
    config: Annotated[Path | None, typer.Option("--config")] = None,
) -> None:
    """Score a stored crawl again (new checks or weights) and rewrite its report."""
    if lang not in (None, "de", "en"):
        raise AuditError(f"--lang must be de or en, not {lang!r}")
    user = load_config(config)
    _check_out(out_dir)
    store = _store(db)
    try:
        _existing_audit(store, audit_id)
        previous = store.result(audit_id)
        result = score_stage(store, audit_id, user.scoring)
        if previous is not None and previous.briefs:  # keep briefs a model wrote; `suggest` rewrites them
            result = result.model_copy(update={"briefs": previous.briefs, "llm_usage": previous.llm_usage})
            store.save_result(audit_id, result)
        else:
            result = suggest_stage(store, audit_id, result)  # deterministic briefs
    finally:
        store.close()
    files = report_stage(result, out_dir, lang)
    out.print(f"Site score {result.site_score}  Report: {files['html']}", markup=False, highlight=False, soft_wrap=True)


@app.command()
def report(
    audit_id: Annotated[int, typer.Argument(help="Audit id (see `geo-audit list`).")],
    out_dir: OutOption = Path("geo-audit-report"),
    db: DbOption = None,
    lang: LangOption = None,
    csv_separator: Annotated[
        str | None,
        typer.Option(
            "--csv-separator", help="findings.csv separator: ',' or ';' (default: ';' for German reports, for Excel)."
        ),
    ] = None,
) -> None:
    """Render the report of a stored audit again, without crawling."""
    if lang not in (None, "de", "en"):
        raise AuditError(f"--lang must be de or en, not {lang!r}")
    if csv_separator not in (None, ",", ";"):
        raise AuditError(f"--csv-separator must be ',' or ';', not {csv_separator!r}")
    _check_out(out_dir)
    store = _store(db)
    try:
        _existing_audit(store, audit_id)
        result = store.result(audit_id)
    finally:
        store.close()
    if result is None:
        raise AuditError(f"audit {audit_id} has no scores yet; run `geo-audit rescore {audit_id}`")
    files = report_stage(result, out_dir, lang, csv_separator=csv_separator)
    out.print(f"Report: {files['html']}", markup=False, highlight=False, soft_wrap=True)


@app.command()
def resume(
    audit_id: Annotated[int, typer.Argument(help="A partial audit (see `geo-audit list`).")],
    out_dir: OutOption = Path("geo-audit-report"),
    db: DbOption = None,
    lang: LangOption = None,
    config: Annotated[Path | None, typer.Option("--config")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a machine-readable summary.")] = False,
    crawl_only: Annotated[bool, typer.Option("--crawl-only", help="Only finish the crawl; do not score.")] = False,
) -> None:
    """Continue an interrupted crawl (Ctrl-C, kill) with its settings, then score and report it."""
    if lang not in (None, "de", "en"):
        raise AuditError(f"--lang must be de or en, not {lang!r}")
    user = load_config(config)
    if not crawl_only:
        _check_out(out_dir)
    store = _store(db)
    try:
        row = store.audit(audit_id)
        total = int(store.settings(audit_id).get("max_pages") or 500) if row else 500
        with _crawl_progress(total, as_json) as on_page:
            outcome = resume_audit(
                store, audit_id, out_dir=out_dir, config=user.scoring, lang=lang, on_page=on_page, score=not crawl_only
            )
    finally:
        store.close()
    if outcome is None:
        _print_crawl(audit_id, db, as_json)
        return
    _print_outcome(outcome, as_json)


@app.command()
def suggest(
    audit_id: Annotated[int, typer.Argument(help="Audit id (see `geo-audit list`).")],
    out_dir: OutOption = Path("geo-audit-report"),
    db: DbOption = None,
    lang: LangOption = None,
    config: Annotated[Path | None, typer.Option("--config")] = None,
    llm: LlmOption = None,
    llm_model: LlmModelOption = None,
) -> None:
    """(Re)write the article briefs of a stored audit and its report; scores stay as they are."""
    if lang not in (None, "de", "en"):
        raise AuditError(f"--lang must be de or en, not {lang!r}")
    user = load_config(config)
    llm_config = _llm_config(llm, llm_model, user)
    _check_out(out_dir)
    store = _store(db)
    try:
        _existing_audit(store, audit_id)
        result = store.result(audit_id)
        if result is None:
            raise AuditError(f"audit {audit_id} has no scores yet; run `geo-audit rescore {audit_id}`")
        kept = [w for w in result.warnings if not w.startswith(LLM_WARNING_PREFIXES)]  # from the last run
        result = suggest_stage(
            store, audit_id, result.model_copy(update={"briefs": [], "llm_usage": {}, "warnings": kept}), llm_config
        )
    finally:
        store.close()
    files = report_stage(result, out_dir, lang)
    _print_briefs(result)
    out.print(f"Report: {files['html']}", markup=False, highlight=False, soft_wrap=True)


# The agency commands (batch, compare, trends, portfolio, worker) live in auditor/agency_cli.py.
from auditor.agency_cli import register as _register_agency  # noqa: E402

_register_agency(app, out, err)


def error_line(message: object) -> str:
    """An error or warning as printed: one line, no control characters, no secrets."""
    return clean_line(mask_secrets(" ".join(str(message).split())))


def warn(message: object) -> None:
    err.print(f"warning: {error_line(message)}", markup=False, highlight=False, soft_wrap=True)


def _fail(message: object, code: int, prefix: str = "error: ") -> None:
    # soft_wrap: no line breaks at 80 columns when stderr is a pipe or a log file
    err.print(prefix + error_line(message), style="red", markup=False, highlight=False, soft_wrap=True)
    sys.exit(code)


def _click_error(exc: Exception) -> None:
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
        _fail("aborted", 1)
    ctx = getattr(exc, "ctx", None)
    hint = f" (see `{ctx.command_path} --help`)" if "UsageError" in kinds and ctx is not None else ""
    _fail(f"{exc.format_message()}{hint}", getattr(exc, "exit_code", 2))


def _is_click_error(exc: Exception) -> bool:
    return any(cls.__name__ in ("ClickException", "Abort") for cls in type(exc).__mro__)


def main() -> None:
    """Console entry point: one-line errors instead of tracebacks."""
    try:
        code = app(standalone_mode=False)
    except AuditInterrupted as exc:
        _fail(exc, 130, prefix="")
    except (AuditError, ConfigError) as exc:
        _fail(exc, 1)
    except KeyboardInterrupt:
        err.print("interrupted; what was crawled is kept in the store (status partial)", soft_wrap=True)
        sys.exit(130)
    except Exception as exc:
        if _is_click_error(exc):
            _click_error(exc)
        if os.environ.get("GEO_AUDIT_DEBUG"):
            raise
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(exc, SQLAlchemyError):
            where = f" {_store_urls[-1]}" if _store_urls else ""
            _fail(f"the audit store{where} failed: {store_error(exc)}", 1)
        if isinstance(exc, OSError) and exc.strerror:
            target = f": {exc.filename}" if exc.filename else ""
            _fail(f"{exc.strerror}{target}", 1)
        _fail(f"{type(exc).__name__}: {exc} (GEO_AUDIT_DEBUG=1 shows more)", 2, prefix="internal error: ")
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
