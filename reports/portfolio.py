"""The portfolio overview of an agency batch: one self-contained, sortable HTML page and a CSV.

Rows are plain data (`PortfolioRow`), built by auditor/portfolio.py from the store. Of our code this
module imports only scoring.results (DESIGN.md §2). Client names, URLs and findings are crawled or
user-written text: the template autoescapes them, and CSV cells that a spreadsheet would run as a
formula get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import os
import re
import uuid
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from scoring.results import AuditResult, CheckResult

TEMPLATES = Path(__file__).parent / "templates"
CSV_COLUMNS = (
    "client",
    "url",
    "status",
    "score",
    "previous_score",
    "change",
    "pages",
    "audited",
    "biggest_issue",
    "biggest_issue_check",
    "new_findings",
    "fixed_findings",
    "pages_added",
    "pages_removed",
    "report",
    "error",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?")


@dataclass(frozen=True)
class Issue:
    check: str
    title: str
    affected: int  # URLs affected (0 for a site-wide finding)
    impact: float  # weight x (1 - score): points the finding costs


@dataclass(frozen=True)
class Changes:
    """What changed since the client's previous audit (auditor/compare.py counts it)."""

    new_findings: int
    fixed_findings: int
    pages_added: int
    pages_removed: int


@dataclass(frozen=True)
class PortfolioRow:
    client: str
    url: str
    status: str  # done, error, interrupted, pending, running
    score: float | None = None
    previous_score: float | None = None
    categories: dict[str, float | None] = field(default_factory=dict)
    biggest_issue: Issue | None = None
    report: str | None = None  # link relative to the portfolio page
    pages: int | None = None
    audited: str | None = None
    error: str | None = None
    changes: Changes | None = None  # None for a first audit

    @property
    def change(self) -> float | None:
        if self.score is None or self.previous_score is None:
            return None
        return round(self.score - self.previous_score, 1)


def _impact(check: CheckResult) -> float:
    score = check.score if check.score is not None else 0.0
    return check.weight * (1.0 - score)


def biggest_open_issue(result: AuditResult) -> Issue | None:
    """The failing or warning check that costs the most points (weight x missing score)."""
    open_checks = [c for c in result.checks if c.state in ("fail", "warn") and c.weight > 0]
    if not open_checks:
        return None
    worst = max(open_checks, key=lambda c: (_impact(c), c.weight, c.id))
    affected = len(worst.affected_urls) or sum(1 for p in worst.pages if p.state in ("fail", "warn"))
    return Issue(worst.id, worst.failure_title, affected, round(_impact(worst), 2))


def category_titles(results: list[AuditResult]) -> dict[str, str]:
    titles: dict[str, str] = {}
    for result in results:
        for category in result.categories:
            titles.setdefault(category.id, category.title)
    return titles


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True
    )


def render_portfolio(
    rows: list[PortfolioRow],
    *,
    title: str,
    categories: dict[str, str],
    branding: dict[str, str] | None = None,
    generated: str = "",
) -> str:
    """The portfolio page as a string (no external resources)."""
    brand = dict(branding or {})
    colour = brand.get("colour", "")
    if not _HEX_COLOUR.fullmatch(colour):
        colour = "#1f4e79"  # only a hex colour reaches the style sheet
    done = [r for r in rows if r.score is not None]
    average = round(sum(r.score for r in done) / len(done), 1) if done else None
    return (
        _environment()
        .get_template("portfolio.html.j2")
        .render(
            rows=rows,
            title=title,
            categories=categories,
            agency=brand.get("agency"),
            footer=brand.get("footer"),
            colour=colour,
            generated=generated,
            average=average,
            errors=sum(1 for r in rows if r.status == "error"),
        )
    )


def _cell(value: object) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_csv(rows: list[PortfolioRow], categories: dict[str, str]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([*CSV_COLUMNS, *(f"category_{c}" for c in categories)])
    for row in rows:
        issue = row.biggest_issue
        values = [
            row.client,
            row.url,
            row.status,
            row.score,
            row.previous_score,
            row.change,
            row.pages,
            row.audited,
            issue.title if issue else None,
            issue.check if issue else None,
            *(
                (None,) * 4
                if row.changes is None
                else (
                    row.changes.new_findings,
                    row.changes.fixed_findings,
                    row.changes.pages_added,
                    row.changes.pages_removed,
                )
            ),
            row.report,
            row.error,
        ]
        values += [row.categories.get(c) for c in categories]
        writer.writerow([_cell(v) for v in values])
    return buffer.getvalue()


def _write_text(path: Path, text: str) -> Path:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "x", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def write_portfolio(
    rows: list[PortfolioRow],
    out_dir: Path,
    *,
    title: str,
    categories: dict[str, str],
    branding: dict[str, str] | None = None,
    generated: str = "",
) -> dict[str, Path]:
    """Write portfolio.html and portfolio.csv into `out_dir`; return {"html", "csv"} -> path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    html = render_portfolio(rows, title=title, categories=categories, branding=branding, generated=generated)
    return {
        "html": _write_text(out / "portfolio.html", html),
        "csv": _write_text(out / "portfolio.csv", render_csv(rows, categories)),
    }
