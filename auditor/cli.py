"""`geo-audit`: the command line (Typer + Rich). It parses arguments, runs the pipeline
(auditor.pipeline) and prints (auditor.console); the agency commands are in auditor.agency.cli.

Errors the user can fix print one line on stderr and exit non-zero; no tracebacks
(set GEO_AUDIT_DEBUG=1 to see one). Inputs (config, branding, URL or folder, output folder) are
checked before a crawl starts. `--pdf` renders report.pdf after the HTML report is written; when
that fails, the error is one line and the HTML report stays.
"""

from __future__ import annotations

import os
import sys
from contextlib import nullcontext
from importlib import metadata, resources
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from auditor import pipeline
from auditor.agency.cli import register_agency_commands
from auditor.config import (
    ConfigError,
    UserConfig,
    check_out_dir,
    folder_problem,
    load_config,
    store_error,
    url_problem,
)
from auditor.console import (
    click_error,
    crawl_progress,
    err,
    fail,
    is_click_error,
    out,
    print_briefs,
    print_crawl,
    print_json,
    print_outcome,
    print_table,
    say,
    say_reuse,
)
from auditor.crawl import CrawlOptions
from auditor.errors import AuditError, AuditInterrupted
from auditor.llm import LLMConfig
from auditor.options import (
    AsHostOption,
    BrandOption,
    ConfigOption,
    CsvSeparatorOption,
    DbOption,
    DelayOption,
    ExcludeOption,
    FollowNofollowOption,
    FreshOption,
    IncludeOption,
    JsonOption,
    LangOption,
    LlmModelOption,
    LlmOption,
    MaxDepthOption,
    MaxPagesOption,
    OutOption,
    PdfOption,
    RenderOption,
    SettingOption,
    StripParamsOption,
    SubdomainsOption,
    TimeoutOption,
    check_csv_separator,
    check_lang,
    crawl_options,
    crawl_scope,
    make_llm_config,
    open_store,
    opened_stores,
    plain_help_labels,
    render_argv,
    report_branding,
)
from auditor.pipeline import AuditOutcome, ReportTarget
from auditor.reaudit import reuse_line
from auditor.serve import StaticSite, stable_port
from auditor.store import Store
from scoring.config import ScoringConfig, category_of
from scoring.registry import all_checks

plain_help_labels()

app = typer.Typer(
    name="geo-audit",
    help="Audit a website for generative-engine visibility: expertise, evidence, depth, internal links.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

DEMO_ORIGIN = "https://www.sonnenwerk.example"  # the production origin written in the demo files
# Our own loopback server: no politeness delay needed.
DEMO_OPTIONS = CrawlOptions(
    max_pages=500,
    max_depth=20,
    delay_s=0.0,
    concurrency=8,
    overrides={"AUTOTHROTTLE_ENABLED": False},
    as_host=DEMO_ORIGIN,
)


def _version() -> str:
    try:
        return metadata.version("geo-auditor")
    except metadata.PackageNotFoundError:
        return "unknown (not installed as a package)"


def _show_version(value: bool) -> None:
    if value:
        say(f"geo-audit {_version()}")
        raise typer.Exit()


@app.callback()
def _global_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    pass


def _pdf(outcome: AuditOutcome, wanted: bool) -> tuple[Path | None, str | None]:
    """report.pdf of a written report when `--pdf` asked for it: (its path, None) or (None, the
    one-line error); the HTML report stays either way."""
    if not wanted:
        return None, None
    try:
        return pipeline.write_pdf_report(outcome.files), None
    except AuditError as exc:
        return None, str(exc)


def _audit(
    url: str,
    options: CrawlOptions,
    *,
    db: str | None,
    report: ReportTarget,
    quiet: bool,
    config: ScoringConfig | None = None,
    llm: LLMConfig | None = None,
) -> AuditOutcome:
    with open_store(db) as store, crawl_progress(options.max_pages, quiet) as on_page:
        return pipeline.run_audit(
            url, store=store, options=options, report=report, config=config, llm=llm, on_page=on_page
        )


def _crawl_only(url: str, options: CrawlOptions, *, db: str | None, as_json: bool) -> None:
    with open_store(db) as store:
        with crawl_progress(options.max_pages, as_json) as on_page:
            audit_id = pipeline.crawl_only(url, store=store, options=options, on_page=on_page)
        _print_crawl(store, audit_id, as_json)


def _print_crawl(store: Store, audit_id: int, as_json: bool) -> None:
    """Summary of a crawl without scores (--crawl-only)."""
    row = store.audit(audit_id)
    artifacts = store.artifacts(audit_id)
    stats = artifacts.crawl_stats if artifacts else None
    summary = {
        "audit_id": audit_id,
        "site": row.site,
        "status": row.status,
        "pages": row.pages,
        "complete": stats.complete if stats else False,
        "limits_hit": stats.limits_hit if stats else [],
    }
    if stats is not None:
        summary.update(pages_reused=stats.reused_pages, pages_extracted=stats.extracted_pages)
    print_crawl(summary, as_json, limits=store.settings(audit_id))
    line = reuse_line(stats.reused_pages, stats.extracted_pages, stats.reused_from) if stats else None
    if line and not as_json:
        say(line)


@app.command()
def audit(
    url: Annotated[str, typer.Argument(help="Start URL (https://www.example.de/) or a folder with a static build.")],
    max_pages: MaxPagesOption = None,
    max_depth: MaxDepthOption = None,
    delay: DelayOption = None,
    timeout: TimeoutOption = None,
    as_host: AsHostOption = None,
    include: IncludeOption = None,
    exclude: ExcludeOption = None,
    strip_params: StripParamsOption = None,
    subdomains: SubdomainsOption = False,
    follow_nofollow: FollowNofollowOption = False,
    setting: SettingOption = None,
    render: RenderOption = None,
    out_dir: OutOption = Path("geo-audit-report"),
    db: DbOption = None,
    lang: LangOption = None,
    csv_separator: CsvSeparatorOption = None,
    config: ConfigOption = None,
    brand: BrandOption = None,
    pdf: PdfOption = False,
    as_json: JsonOption = False,
    fail_under: Annotated[
        float | None, typer.Option(metavar="SCORE", help="Exit 3 when the site score is below this.")
    ] = None,
    crawl_only: Annotated[
        bool, typer.Option("--crawl-only", help="Only crawl into the store; score later with `geo-audit rescore`.")
    ] = False,
    llm: LlmOption = None,
    llm_model: LlmModelOption = None,
    fresh: FreshOption = False,
) -> None:
    """Crawl a site, score it and write the report."""
    if crawl_only and fail_under is not None:
        # Checked before crawling: a gate that can never judge must not pass silently.
        raise ConfigError("--fail-under needs a score; it cannot be combined with --crawl-only")
    if crawl_only and pdf:
        raise ConfigError("--pdf needs a report; it cannot be combined with --crawl-only")
    if not url.strip():
        raise AuditError("give a start URL (https://www.example.de/) or a folder, not an empty string")
    user = load_config(config)
    branding = report_branding(user, brand)
    llm_config = make_llm_config(llm, llm_model, user)
    scope = crawl_scope(include, exclude, strip_params, setting)
    if as_host is not None and (problem := url_problem(as_host)):
        raise AuditError(f"--as-host: {problem}")
    if not crawl_only:
        check_out_dir(out_dir, "--out")
    options = crawl_options(
        user,
        max_pages=max_pages,
        max_depth=max_depth,
        delay=delay,
        timeout=timeout,
        subdomains=subdomains or None,
        follow_nofollow=follow_nofollow or None,
        as_host=as_host,
        render=render,
        fresh=fresh or None,
        **scope,
    )
    folder = Path(url).expanduser()
    if problem := folder_problem(url):
        raise AuditError(problem)
    if not folder.is_dir() and (problem := url_problem(url)):
        raise AuditError(problem)
    check_lang(lang)
    check_csv_separator(csv_separator)
    served = StaticSite(folder, origin_alias=as_host, port=stable_port(folder)) if folder.is_dir() else nullcontext()
    with served as site:
        start = site.origin + "/" if site is not None else url
        if crawl_only:
            _crawl_only(start, options, db=db, as_json=as_json)
            return
        report = ReportTarget(out_dir, lang, csv_separator, branding)
        outcome = _audit(start, options, db=db, report=report, quiet=as_json, config=user.scoring, llm=llm_config)
    pdf_path, pdf_error = _pdf(outcome, pdf)
    print_outcome(outcome, as_json, limits=options, pdf=pdf_path)
    say_reuse(outcome.result.timing, as_json)
    if pdf_error:
        fail(pdf_error, 1)
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
    csv_separator: CsvSeparatorOption = None,
    brand: BrandOption = None,
    pdf: PdfOption = False,
    as_json: JsonOption = False,
    llm: LlmOption = None,
    llm_model: LlmModelOption = None,
) -> None:
    """Serve the bundled demo site on 127.0.0.1, audit it and write the report."""
    llm_config = make_llm_config(llm, llm_model, UserConfig())  # default: deterministic briefs
    check_lang(lang)
    check_csv_separator(csv_separator)
    branding = report_branding(UserConfig(), brand)
    check_out_dir(out_dir, "--out")
    with (
        resources.as_file(demo_site_dir()) as folder,
        StaticSite(folder, origin_alias=DEMO_ORIGIN, port=stable_port(folder)) as site,
    ):
        report = ReportTarget(out_dir, lang, csv_separator, branding)
        outcome = _audit(site.origin + "/", DEMO_OPTIONS, db=db, report=report, quiet=as_json, llm=llm_config)
    pdf_path, pdf_error = _pdf(outcome, pdf)
    print_outcome(outcome, as_json, limits=DEMO_OPTIONS, pdf=pdf_path)
    say_reuse(outcome.result.timing, as_json)
    if pdf_error:
        fail(pdf_error, 1)


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
        print_json(rows)
        return
    table = Table("id", "category", "weight", "scope", "stage", "title")
    for row in rows:
        table.add_row(row["id"], row["category"], f"{row['weight']:g}", row["scope"], row["stage"], row["title"])
    print_table(table)
    out.print(f"{len(rows)} checks")


@app.command("list")
def list_audits(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1, metavar="N", help="Show the latest N audits.")] = 50,
) -> None:
    """Show past audits in the store."""
    with open_store(db) as store:
        rows = store.list_audits(limit)
    table = Table("id", "site", "status", "started", "pages", "score")
    for row in rows:
        score = "—" if row.site_score is None else f"{row.site_score:.0f}"
        table.add_row(str(row.id), row.site, row.status, row.started, str(row.pages), score)
    print_table(table)


AuditIdArgument = Annotated[int, typer.Argument(help="Audit id (see `geo-audit list`).")]


@app.command()
def rescore(
    audit_id: AuditIdArgument,
    out_dir: OutOption = Path("geo-audit-report"),
    db: DbOption = None,
    lang: LangOption = None,
    csv_separator: CsvSeparatorOption = None,
    config: ConfigOption = None,
    brand: BrandOption = None,
) -> None:
    """Score a stored crawl again (new checks or weights) and rewrite its report."""
    check_lang(lang)
    check_csv_separator(csv_separator)
    user = load_config(config)
    report = ReportTarget(out_dir, lang, csv_separator, report_branding(user, brand))
    check_out_dir(out_dir, "--out")
    with open_store(db) as store:
        outcome = pipeline.rescore(store, audit_id, report, user.scoring)
    say(f"Site score {outcome.result.site_score}  Report: {outcome.files['html']}")


@app.command()
def report(
    audit_id: AuditIdArgument,
    out_dir: OutOption = Path("geo-audit-report"),
    db: DbOption = None,
    lang: LangOption = None,
    csv_separator: CsvSeparatorOption = None,
    config: Annotated[
        Path | None, typer.Option("--config", metavar="FILE", help="TOML file; its brand section brands the report.")
    ] = None,
    brand: BrandOption = None,
    pdf: PdfOption = False,
) -> None:
    """Render the report of a stored audit again, without crawling."""
    check_lang(lang)
    check_csv_separator(csv_separator)
    branding = report_branding(load_config(config), brand)
    check_out_dir(out_dir, "--out")
    with open_store(db) as store:
        outcome = pipeline.rereport(store, audit_id, ReportTarget(out_dir, lang, csv_separator, branding))
    pdf_path, pdf_error = _pdf(outcome, pdf)
    say(f"Report: {outcome.files['html']}")
    if pdf_path:
        say(f"PDF: {pdf_path}")
    if pdf_error:
        fail(pdf_error, 1)


@app.command()
def resume(
    audit_id: Annotated[int, typer.Argument(help="A partial audit (see `geo-audit list`).")],
    out_dir: OutOption = Path("geo-audit-report"),
    db: DbOption = None,
    lang: LangOption = None,
    config: ConfigOption = None,
    brand: BrandOption = None,
    as_json: JsonOption = False,
    crawl_only: Annotated[bool, typer.Option("--crawl-only", help="Only finish the crawl; do not score.")] = False,
) -> None:
    """Continue an interrupted crawl (Ctrl-C, kill) with its settings, then score and report it."""
    check_lang(lang)
    user = load_config(config)
    report = ReportTarget(out_dir, lang, branding=report_branding(user, brand))
    if not crawl_only:
        check_out_dir(out_dir, "--out")
    with open_store(db) as store:
        settings = store.settings(audit_id) if store.audit(audit_id) else {}
        total = int(settings.get("max_pages") or 500)
        with crawl_progress(total, as_json) as on_page:
            outcome = pipeline.resume_audit(
                store, audit_id, report=report, config=user.scoring, on_page=on_page, score=not crawl_only
            )
        if outcome is None:
            _print_crawl(store, audit_id, as_json)
            return
    print_outcome(outcome, as_json, limits=settings)


@app.command()
def suggest(
    audit_id: AuditIdArgument,
    out_dir: OutOption = Path("geo-audit-report"),
    db: DbOption = None,
    lang: LangOption = None,
    config: ConfigOption = None,
    brand: BrandOption = None,
    llm: LlmOption = None,
    llm_model: LlmModelOption = None,
) -> None:
    """(Re)write the article briefs of a stored audit and its report; scores stay as they are."""
    check_lang(lang)
    user = load_config(config)
    report = ReportTarget(out_dir, lang, branding=report_branding(user, brand))
    llm_config = make_llm_config(llm, llm_model, user)
    check_out_dir(out_dir, "--out")
    with open_store(db) as store:
        outcome = pipeline.resuggest(store, audit_id, report, llm_config)
    print_briefs(outcome.result)
    say(f"Report: {outcome.files['html']}")


register_agency_commands(app)  # after the audit commands: `geo-audit --help` lists those first


def main() -> None:
    """Console entry point: one-line errors instead of tracebacks."""
    sys.argv[1:] = render_argv(sys.argv[1:])
    try:
        code = app(standalone_mode=False)
    except AuditInterrupted as exc:
        fail(exc, 130, prefix="")
    except (AuditError, ConfigError) as exc:
        fail(exc, 1)
    except KeyboardInterrupt:
        err.print("interrupted; what was crawled is kept in the store (status partial)", soft_wrap=True)
        sys.exit(130)
    except Exception as exc:
        if is_click_error(exc):
            click_error(exc)
        if os.environ.get("GEO_AUDIT_DEBUG"):
            raise
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(exc, SQLAlchemyError):
            where = f" {opened_stores[-1]}" if opened_stores else ""
            fail(f"the audit store{where} failed: {store_error(exc)}", 1)
        if isinstance(exc, OSError) and exc.strerror:
            target = f": {exc.filename}" if exc.filename else ""
            fail(f"{exc.strerror}{target}", 1)
        fail(f"{type(exc).__name__}: {exc} (GEO_AUDIT_DEBUG=1 shows more)", 2, prefix="internal error: ")
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
