"""The agency commands of `geo-audit`: batch, compare, trends, portfolio, worker (docs/batch.md).

Registered on the main Typer app by auditor/cli.py (`register_agency_commands`).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.live import Live
from rich.markup import escape
from rich.table import Table

from auditor.agency.batch import BatchOutcome, ClientState, run_batch
from auditor.agency.batch_file import BatchError, load_batch
from auditor.agency.compare import CompareError, Comparison, compare_audits, latest_pair, trends
from auditor.agency.pdfs import BatchPdfs, write_batch_pdfs
from auditor.agency.portfolio import PortfolioError, build_portfolio
from auditor.config import ConfigError, check_out_dir, clean_line, mask_secrets
from auditor.console import err, out, print_json, print_table, say, warn
from auditor.errors import AuditError
from auditor.options import DbOption, JsonOption, check_lang, open_store
from auditor.start_url import normalise_start_url
from auditor.store import Store, db_url

STATUS_STYLE = {"done": "green", "error": "red", "running": "cyan", "interrupted": "yellow", "pending": "dim"}


def _fmt(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "—"
    return f"{value:+.1f}" if signed else f"{value:.0f}"


def progress_table(states: dict[str, ClientState], title: str = "") -> Table:
    table = Table("client", "status", "pages", "score", "time", "note", title=title, expand=False)
    now = time.monotonic()
    for state in states.values():
        elapsed = ""
        if state.started is not None:
            elapsed = f"{(state.ended or now) - state.started:.0f}s"
        status = state.status + (" (earlier run)" if state.skipped else "")
        note = clean_line(mask_secrets(state.error or state.url))[:90]  # errors from child processes
        style = STATUS_STYLE.get(state.status, "default")
        table.add_row(
            escape(clean_line(state.name)),
            f"[{style}]{escape(status)}[/]",
            "" if state.pages is None else str(state.pages),
            _fmt(state.score),
            elapsed,
            escape(note),
        )
    return table


def _summary_json(
    outcome: BatchOutcome, files: dict[str, Path] | None, pdfs: BatchPdfs | None = None
) -> dict[str, Any]:
    pdf_files = pdfs.files if pdfs else {}
    return {
        "batch_id": outcome.batch_id,
        "name": outcome.name,
        "interrupted": outcome.interrupted,
        "wall_s": round(outcome.wall_s, 2),
        "peak_child_mb": outcome.peak_child_mb,
        "skipped": outcome.resumed_skipped,
        "portfolio": str(files["html"]) if files else None,
        "portfolio_pdf": str(pdfs.portfolio) if pdfs and pdfs.portfolio else None,
        "pdf_problems": pdfs.problems if pdfs else [],
        "clients": [
            {
                "client": i.client,
                "url": i.url,
                "status": i.status,
                "audit_id": i.audit_id,
                "site_score": i.site_score,
                "pages": i.pages,
                "error": mask_secrets(i.error) if i.error else None,
                "report": i.report,
                "pdf": str(pdf_files[i.client]) if i.client in pdf_files else None,
                "peak_mb": i.peak_mb,
            }
            for i in outcome.items
        ],
    }


def register_agency_commands(app: typer.Typer) -> None:
    """Add the agency commands to `app`."""

    @app.command()
    def batch(
        file: Annotated[Path, typer.Argument(help="Batch file: clients.toml or clients.csv (docs/batch.md).")],
        jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Domains audited at once.")] = None,
        resume: Annotated[bool, typer.Option(help="Skip clients finished in the last run of this batch.")] = False,
        retry_errors: Annotated[
            bool, typer.Option(help="With --resume: run clients that ended in an error again.")
        ] = False,
        out_dir: Annotated[Path | None, typer.Option("--out", "-o", help="Root folder of the reports.")] = None,
        db: DbOption = None,
        queue: Annotated[
            str | None,
            typer.Option("--queue", help="Redis URL: queue the clients for `geo-audit worker`s (PostgreSQL --db)."),
        ] = None,
        as_json: JsonOption = False,
        pdf: Annotated[
            bool,
            typer.Option("--pdf", help="Also write each client's report.pdf and portfolio.pdf (needs Chromium)."),
        ] = False,
    ) -> None:
        """Audit every client of a batch file, each domain in its own process; write the portfolio."""
        try:
            spec = load_batch(file, out_dir)
            # before any client runs: the reports and the portfolio can be written there
            check_out_dir(Path(spec.out), "--out" if out_dir is not None else f"the batch folder of {file}")
        except (BatchError, ConfigError) as exc:
            raise AuditError(str(exc)) from exc
        open_store(db).close()  # a store that cannot be opened is one line before the first child starts
        url = db_url(db)
        parallel = jobs or spec.jobs or 2
        title = f"batch {spec.name}"
        with Live(progress_table({}), console=err, refresh_per_second=4, transient=as_json) as live:

            def on_change(states: dict[str, ClientState]) -> None:
                live.update(progress_table(states, title))

            try:
                if queue:
                    from auditor.agency.distributed import run_distributed

                    outcome = run_distributed(
                        spec, db=url, redis_url=queue, resume=resume, retry_errors=retry_errors, on_change=on_change
                    )
                else:
                    outcome = run_batch(
                        spec, db=url, jobs=parallel, resume=resume, retry_errors=retry_errors, on_change=on_change
                    )
            except BaseException:
                live.transient = True  # an error is its one line, with no half-drawn table before it
                raise
        if not as_json and not err.is_terminal:
            err.line()  # into a pipe or a log, Rich ends the final table without a line break
        with open_store(url) as store:
            files = build_portfolio(store, outcome.batch_id, Path(spec.out), batch=spec)
        # after Ctrl-C no PDFs: the user wants the batch to stop
        pdfs = write_batch_pdfs(outcome.items, files.get("html")) if pdf and not outcome.interrupted else None
        for problem in pdfs.problems if pdfs else []:
            warn(problem)  # a PDF is an extra: the batch's exit code stays as it is
        if as_json:
            print_json(_summary_json(outcome, files, pdfs))
        else:
            counts = {s: sum(1 for i in outcome.items if i.status == s) for s in ("done", "error", "interrupted")}
            out.print(
                f"Batch {outcome.batch_id} ({spec.name}): {counts['done']} done, {counts['error']} errors, "
                f"{counts['interrupted']} interrupted, {len(outcome.resumed_skipped)} skipped "
                f"in {outcome.wall_s:.1f} s",
                markup=False,
                soft_wrap=True,
            )
            say(f"Portfolio: {files['html']}")
            if pdfs is not None and (pdfs.files or pdfs.portfolio):
                say(f"PDFs: {len(pdfs.files)} client reports" + (f", {pdfs.portfolio}" if pdfs.portfolio else ""))
        if outcome.interrupted:
            err.print("interrupted; finished clients are kept, run again with --resume", soft_wrap=True)
            raise typer.Exit(130)

    @app.command()
    def compare(
        before: Annotated[int | None, typer.Argument(help="Audit id A (older).")] = None,
        after: Annotated[int | None, typer.Argument(help="Audit id B (newer).")] = None,
        site: Annotated[str | None, typer.Option(help="Latest vs previous audit of this start URL.")] = None,
        db: DbOption = None,
        as_json: Annotated[bool, typer.Option("--json")] = False,
    ) -> None:
        """Compare two audits: score and category deltas, new and fixed findings, pages added/removed."""
        with open_store(db) as store:
            try:
                if site:
                    before, after = latest_pair(store, normalise_start_url(site))
                elif before is None or after is None:
                    raise AuditError("give two audit ids (compare A B) or --site URL")
                comparison = compare_audits(store, before, after)
            except CompareError as exc:
                raise AuditError(str(exc)) from exc
        if as_json:
            print_json(comparison.as_dict())
            return
        _print_comparison(out, comparison)

    @app.command("trends")
    def trends_command(
        site: Annotated[str, typer.Option(help="Start URL of the site.")],
        last: Annotated[int, typer.Option(min=2, help="How many audits.")] = 10,
        db: DbOption = None,
        as_json: Annotated[bool, typer.Option("--json")] = False,
    ) -> None:
        """Scores over the last audits of a site, oldest first."""
        with open_store(db) as store:
            points = trends(store, normalise_start_url(site), last)
        if not points:
            raise AuditError(f"no scored audits of {site}")
        if as_json:
            print_json([p.__dict__ for p in points])
            return
        categories = list(points[-1].categories)
        table = Table("audit", "date", "score", "Δ", *categories, "pages", "open findings")
        previous = None
        for p in points:
            change = None if previous is None or p.site_score is None else p.site_score - previous
            table.add_row(
                str(p.audit_id),
                p.started[:16],
                _fmt(p.site_score),
                _fmt(change, signed=True),
                *(_fmt(p.categories.get(c)) for c in categories),
                str(p.pages),
                str(p.open_findings),
            )
            previous = p.site_score
        print_table(table)

    @app.command()
    def portfolio(
        batch_ref: Annotated[str | None, typer.Option("--batch", help="Batch id or name (default: latest).")] = None,
        out_dir: Annotated[Path | None, typer.Option("--out", "-o", help="Folder (default: the batch's).")] = None,
        lang: Annotated[
            str | None,
            typer.Option(
                "--lang", help="de or en (default: the batch file's [batch] lang, else most clients' language)."
            ),
        ] = None,
        db: DbOption = None,
    ) -> None:
        """Write the portfolio overview (HTML + CSV) of a stored batch again."""
        check_lang(lang)  # before opening the store: a typo is a one-line error
        if out_dir is not None:
            try:
                check_out_dir(out_dir, "--out")
            except ConfigError as exc:
                raise AuditError(str(exc)) from exc
        with open_store(db) as store:
            files = _portfolio(store, batch_ref, out_dir, lang)
        say(f"Portfolio: {files['html']}  CSV: {files['csv']}")

    @app.command()
    def worker(
        redis_url: Annotated[str, typer.Option("--redis", help="Redis URL of the job queue.")],
        burst: Annotated[bool, typer.Option(help="Exit when the queue is empty.")] = False,
    ) -> None:
        """Run an RQ worker that audits queued batch clients (docs/scaling.md)."""
        from auditor.agency.distributed import work

        work(redis_url, burst=burst)


def _portfolio(store: Store, batch_ref: str | None, out_dir: Path | None, lang: str | None) -> dict[str, Path]:
    """The portfolio of a stored batch (by id, by name, else the latest) written again."""
    if batch_ref is None:
        rows = store.list_batches(1)
        row = rows[0] if rows else None
    elif batch_ref.isdigit():
        row = store.batch(int(batch_ref))
    else:
        row = store.latest_batch(batch_ref)
    if row is None:
        raise AuditError(f"no batch {batch_ref or ''} in {store.url}".replace("  ", " "))
    spec = None
    if row.source and Path(row.source).exists():
        try:
            spec = load_batch(Path(row.source))
        except BatchError:
            spec = None
    folder = out_dir or (Path(spec.out) if spec else Path("geo-audit-portfolio"))
    check_out_dir(folder, "--out")
    try:
        return build_portfolio(store, row.id, folder, batch=spec, lang=lang)
    except PortfolioError as exc:
        raise AuditError(str(exc)) from exc


def _print_comparison(out: Console, c: Comparison) -> None:
    out.print(
        f"[bold]{escape(c.site)}[/bold]: audit {c.before_id} -> {c.after_id}, "
        f"score {_fmt(c.score_before)} -> {_fmt(c.score_after)} ({_fmt(c.score_delta, signed=True)})"
    )
    for warning in c.warnings:
        out.print(f"[yellow]warning:[/yellow] {escape(warning)}")
    table = Table("category", "before", "after", "Δ")
    for cat in c.categories:
        table.add_row(escape(cat["title"]), _fmt(cat["before"]), _fmt(cat["after"]), _fmt(cat["delta"], signed=True))
    print_table(table, out)
    for label, items in (("New findings", c.new_findings), ("Fixed findings", c.fixed_findings)):
        out.print(f"[bold]{label}[/bold] ({len(items)})")
        for f in items[:50]:
            out.print(f"  {f.check}  {f.title}  {f.url}", markup=False, highlight=False)
    out.print(f"Pages added ({len(c.pages_added)}), removed ({len(c.pages_removed)})")
    for url in c.pages_added[:50]:
        out.print(f"  + {url}", markup=False, highlight=False)
    for url in c.pages_removed[:50]:
        out.print(f"  - {url}", markup=False, highlight=False)
