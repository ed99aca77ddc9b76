"""The portfolio overview of an agency batch: one self-contained, sortable HTML page and a CSV.

Rows are plain data (`PortfolioRow`), built by auditor/agency/portfolio.py from the store. Of our code this
module imports only scoring.core.results and reports (docs/architecture.md). Client names, URLs and findings are
crawled or user-written text: the template autoescapes them, and CSV cells that a spreadsheet would
run as a formula get a leading apostrophe. A report link is always a relative file link (every path
segment percent-encoded: a folder named `javascript:…` cannot become a script URL), and the page
carries the report's Content-Security-Policy: only its own sort script (templates/portfolio.js,
allowed by its sha256 hash) runs, nothing loads.

The page is German or English. Interface strings live in `STRINGS` (same shape as reports/view.py:
one dict per language, handed to the template as ``t``); check titles and category names come from
the report's translations (reports/i18n, reports/remedies), numbers are formatted like the report's.
portfolio.csv is for scripts as much as for spreadsheets: its columns, ids, numbers and delimiter
never depend on the language (a default language that follows the clients' majority would otherwise
change the file's format between two runs); only the biggest issue's title text follows it, as the
check titles in findings.csv do.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from reports.format import fmt_int, fmt_num, resolve_lang
from reports.i18n import Localizer
from reports.strings import CATEGORY_TITLES_DE
from reports.writers import csp, csv_cell, write_text
from scoring.core.levers import ranked_levers, result_gains
from scoring.core.results import AuditResult

TEMPLATES = Path(__file__).parent / "templates"
SCRIPT = "portfolio.js"
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
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?")

# Interface strings of the portfolio page, per language (as reports/view.py STRINGS for the report).
# "{n}"-style placeholders are filled with str.format in `_row_view` / `render_portfolio`.
STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Portfolio: {name}",
        "clients_one": "1 client",
        "clients_n": "{n} clients",
        "average_score": "Average score",
        "audited": "Audited",
        "errors": "Errors",
        "client": "Client",
        "score": "Score",
        "change": "Change",
        "change_hint": "Since the client's previous audit",
        "biggest_issue": "Biggest open issue",
        "pages": "Pages",
        "report": "Report",
        "report_link": "report",
        "new": "new",
        "changes": "{new} new · {fixed} fixed",
        "changes_pages": " · pages +{added} −{removed}",
        "changes_hint": "since the last audit: {new} new findings, {fixed} fixed, {added} pages added, "
        "{removed} removed",
        "error": "Error: {error}",
        "none": "none",
        "urls_one": "1 URL",
        "urls_n": "{n} URLs",
        "legend": "Scores 0–100; “—” means not measured.",
        "sort_hint": "Click a column to sort.",
        "status_done": "done",
        "status_error": "error",
        "status_interrupted": "interrupted",
        "status_pending": "pending",
        "status_running": "running",
    },
    "de": {
        "title": "Portfolio: {name}",
        "clients_one": "1 Kunde",
        "clients_n": "{n} Kunden",
        "average_score": "Durchschnittliche Bewertung",
        "audited": "Auditiert",
        "errors": "Fehler",
        "client": "Kunde",
        "score": "Bewertung",
        "change": "Veränderung",
        "change_hint": "Seit dem vorigen Audit des Kunden",
        "biggest_issue": "Größtes offenes Problem",
        "pages": "Seiten",
        "report": "Bericht",
        "report_link": "Bericht",
        "new": "neu",
        "changes": "{new} neu · {fixed} behoben",
        "changes_pages": " · Seiten +{added} −{removed}",
        "changes_hint": "seit dem letzten Audit: {new} neue Befunde, {fixed} behoben, {added} Seiten "
        "hinzugekommen, {removed} entfernt",
        "error": "Fehler: {error}",
        "none": "keines",
        "urls_one": "1 URL",
        "urls_n": "{n} URLs",
        "legend": "Bewertungen 0–100; „—“ bedeutet nicht gemessen.",
        "sort_hint": "Zum Sortieren eine Spalte anklicken.",
        "status_done": "fertig",
        "status_error": "Fehler",
        "status_interrupted": "unterbrochen",
        "status_pending": "ausstehend",
        "status_running": "läuft",
    },
}


@dataclass(frozen=True)
class Issue:
    check: str
    title: str
    affected: int  # URLs affected (0 for a site-wide finding)
    impact: float  # site-score points its fix would win (scoring.core.levers)


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
    report: str | None = None  # the report's path relative to the portfolio page (a file path, not a URL)
    pages: int | None = None
    audited: str | None = None
    error: str | None = None
    changes: Changes | None = None  # None for a first audit
    language: str | None = None  # the client's report language, else its site's; None = unknown

    @property
    def change(self) -> float | None:
        if self.score is None or self.previous_score is None:
            return None
        return round(self.score - self.previous_score, 1)


def biggest_open_issue(result: AuditResult) -> Issue | None:
    """The failing or warning check whose fix wins the most site-score points: the report's first
    lever (scoring.core.levers ranks both)."""
    gains = result_gains(result.checks, result.categories)
    levers = ranked_levers(result.checks, gains)
    if not levers:
        return None
    worst = levers[0]
    affected = len(worst.affected_urls) or sum(1 for p in worst.pages if p.state in ("fail", "warn"))
    return Issue(worst.id, worst.failure_title, affected, round(gains[worst.id], 2))


def category_titles(results: list[AuditResult]) -> dict[str, str]:
    titles: dict[str, str] = {}
    for result in results:
        for category in result.categories:
            titles.setdefault(category.id, category.title)
    return titles


def default_language(rows: list[PortfolioRow]) -> str:
    """German when most clients of known language are German ("de", "de-AT", …), else English.

    Clients whose language is unknown (no `lang`, no result: e.g. unreachable) do not vote; a tie
    is English."""
    known = [resolve_lang(r.language) for r in rows if r.language and r.language.strip()]
    return "de" if 2 * known.count("de") > len(known) else "en"


def portfolio_title(name: str, lang: str) -> str:
    return STRINGS[resolve_lang(lang)]["title"].format(name=name)


def _count(n: int, one: str, many: str, lang: str) -> str:
    return one if n == 1 else many.format(n=fmt_int(n, lang))


def _signed(value: float, lang: str) -> str:
    """A change such as "+7.5" / "+7,5" (the report's decimal comma in German)."""
    text = f"{value:+.1f}"
    return text.replace(".", ",") if lang == "de" else text


def report_href(path: str | None) -> str | None:
    """The report's path as a relative link: every segment percent-encoded, so whatever the folder
    is called (`javascript:…`, `https:…`, `#`, `?`), the browser reads a file path, never a scheme."""
    if not path:
        return None
    href = "/".join(quote(part, safe="") for part in path.replace("\\", "/").split("/"))
    if href.startswith("//"):  # "//host/…" would be another host
        href = "/" + href.lstrip("/")
    return href


@cache
def _script() -> tuple[str, str]:
    """The sort script and its CSP source ('sha256-…' of the exact text between the tags)."""
    text = (TEMPLATES / SCRIPT).read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return text, f"'sha256-{digest}'"


def _row_view(row: PortfolioRow, t: dict[str, str], lang: str, loc: Localizer) -> dict[str, Any]:
    """What one row shows, as plain strings in the page's language (the template escapes them)."""
    change = row.change
    changes = None
    if row.changes is not None:
        c = row.changes
        numbers = {
            "new": fmt_int(c.new_findings, lang),
            "fixed": fmt_int(c.fixed_findings, lang),
            "added": fmt_int(c.pages_added, lang),
            "removed": fmt_int(c.pages_removed, lang),
        }
        text = t["changes"].format(**numbers)
        if c.pages_added or c.pages_removed:
            text += t["changes_pages"].format(**numbers)
        changes = {"text": text, "hint": t["changes_hint"].format(**numbers)}
    issue = row.biggest_issue
    return {
        "score": "—" if row.score is None else fmt_num(row.score, lang, digits=0),
        "change": None if change is None else _signed(change, lang),
        "change_tone": "" if not change else ("up" if change > 0 else "down"),
        "first": t["new"] if row.score is not None else "—",  # no change to show
        "changes": changes,
        "categories": {k: "—" if v is None else fmt_num(v, lang, digits=0) for k, v in row.categories.items()},
        # the biggest issue is always failing or warning: its failure title, as check_title picks it
        "issue": loc.check_field(issue.check, "failure_title", issue.title) if issue else None,
        "issue_urls": _count(issue.affected, t["urls_one"], t["urls_n"], lang) if issue and issue.affected else None,
        "error": t["error"].format(error=row.error or ""),
        "status": t.get(f"status_{row.status}", row.status),
        "pages": "—" if row.pages is None else fmt_int(row.pages, lang),
        "report_href": report_href(row.report),
    }


def _category_title(category_id: str, title: str, lang: str) -> str:
    if lang == "de" and category_id in CATEGORY_TITLES_DE:  # as reports/view.py titles the report's sections
        return CATEGORY_TITLES_DE[category_id][0]
    return title


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
    lang: str | None = None,
) -> str:
    """The portfolio page as a string (no external resources), in `lang` ("de" | "en"; default:
    `default_language(rows)`)."""
    code = resolve_lang(lang) if lang else default_language(rows)
    t = STRINGS[code]
    loc = Localizer(code)
    brand = dict(branding or {})
    colour = brand.get("colour", "")
    if not _HEX_COLOUR.fullmatch(colour):
        colour = "#1f4e79"  # only a hex colour reaches the style sheet
    done = [r for r in rows if r.score is not None]
    average = round(sum(r.score for r in done) / len(done), 1) if done else None
    script, script_hash = _script()
    return (
        _environment()
        .get_template("portfolio.html.j2")
        .render(
            lang=code,
            t=t,
            rows=[(row, _row_view(row, t, code, loc)) for row in rows],
            title=title,
            categories={k: _category_title(k, v, code) for k, v in categories.items()},
            clients=_count(len(rows), t["clients_one"], t["clients_n"], code),
            agency=brand.get("agency"),
            footer=brand.get("footer"),
            colour=colour,
            generated=generated,
            average="—" if average is None else fmt_num(average, code),
            audited=fmt_int(len(done), code),
            errors=fmt_int(sum(1 for r in rows if r.status == "error"), code),
            csp=csp(script_hash),
            script=Markup(script),  # noqa: S704 — our own static file, allowed by its hash
        )
    )


def render_csv(rows: list[PortfolioRow], categories: dict[str, str], lang: str | None = None) -> str:
    """portfolio.csv: fixed English column names and ids, "," and "." whatever the language;
    `lang` ("de") only translates the biggest issue's title."""
    loc = Localizer(resolve_lang(lang) if lang else default_language(rows))
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
            loc.check_field(issue.check, "failure_title", issue.title) if issue else None,
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
        writer.writerow([csv_cell(v) for v in values])
    return buffer.getvalue()


def write_portfolio(
    rows: list[PortfolioRow],
    out_dir: Path,
    *,
    title: str,
    categories: dict[str, str],
    branding: dict[str, str] | None = None,
    generated: str = "",
    lang: str | None = None,
) -> dict[str, Path]:
    """Write portfolio.html and portfolio.csv into `out_dir`; return {"html", "csv"} -> path.
    `lang`: "de" | "en", default `default_language(rows)`."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    code = resolve_lang(lang) if lang else default_language(rows)
    html = render_portfolio(rows, title=title, categories=categories, branding=branding, generated=generated, lang=code)
    return {
        "html": write_text(out / "portfolio.html", html),
        "csv": write_text(out / "portfolio.csv", render_csv(rows, categories, lang=code)),
    }
