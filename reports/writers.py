"""Write the report files: report.html, results.json, pages.csv and findings.csv.

The inline script (templates/report.js) is allowed by the Content-Security-Policy through its
sha256 hash, so nothing else can run even if an escaping bug slipped through. The drill-down data
is JSON inside <script type="application/json"> with <, > and & escaped as JSON unicode escapes, so no crawled
string can close the element.

HTML comes from `view.build_view` through a Jinja2 template with autoescape on (and undefined
names raising, so a template typo fails loudly instead of printing nothing). Files are written to
a temporary name in the target directory and then renamed, so a crash never leaves half a report.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import mimetypes
import os
import uuid
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup

from reports.format import check_title, display_result, resolve_lang
from reports.i18n import Localizer
from reports.json_text import results_json_chunks
from reports.view import build_view
from scoring.core.messages import Message as Finding
from scoring.core.results import AuditResult, CheckResult, Evidence, PageSignals

TEMPLATES = Path(__file__).parent / "templates"
REPORT_TEMPLATE = "report.html.j2"
PAGES_COLUMNS = (
    "url",
    "status",
    "depth",
    "words",
    "page_score",
    "title",
    "failed_checks",
    "error",
    # pages[].signals (docs/signals.md): what the detectors found on the page
    "page_type",
    "authors",
    "person_schema",
    "published",
    "quotes_attributed",
    "statistics",
    "statistics_sourced",
    "citations",
    "words_main",
    "language",  # detected from the page's text (PageSummary.language), not its lang attribute
)
FINDINGS_COLUMNS = (
    "check_id",
    "check_title",
    "category",
    "state",
    "score",
    "effort",
    "url",
    "reason",
    "element",
    "excerpt",
)
SCRIPT = "report.js"
BOM = "\ufeff"  # Excel reads UTF-8 CSV correctly only with a byte-order mark
SEPARATORS = (",", ";", "\t")
LOGO_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"}
MAX_LOGO_BYTES = 256 * 1024
# Spreadsheet programs run cells starting with these as formulas ("CSV injection", OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def _template() -> Template:
    return _environment().get_template(REPORT_TEMPLATE)


@cache
def _script() -> tuple[str, str]:
    """The inline script and its CSP source ('sha256-…' of the exact text between the tags)."""
    text = (TEMPLATES / SCRIPT).read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return text, f"'sha256-{digest}'"


def csp(script_hash: str) -> str:
    """The report's Content-Security-Policy: nothing may load; only our own script may run.

    style-src needs 'unsafe-inline' for the inline <style> (and the branding colour): CSS cannot run
    script, and with default-src 'none' it cannot fetch anything either (no url(), no fonts).
    """
    return (
        f"default-src 'none'; script-src {script_hash}; style-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def json_for_script(value: Any) -> Markup:
    """JSON safe inside <script type="application/json">: <, >, & and line separators escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return Markup(text)  # noqa: S704 — escaped above; the only markup besides our own script


def render_report(
    result: AuditResult,
    *,
    lang: str | None = None,
    branding: dict[str, Any] | None = None,
    history: dict[str, Any] | None = None,
) -> str:
    """The self-contained HTML report as a string (`history`: see `build_view`)."""
    return "".join(_report_chunks(result, lang=lang, branding=branding, history=history))


def _report_chunks(
    result: AuditResult,
    *,
    lang: str | None = None,
    branding: dict[str, Any] | None = None,
    history: dict[str, Any] | None = None,
) -> Iterator[str]:
    """The HTML report's text in the pieces the template renders (`render_report` joins them)."""
    view = build_view(result, lang=lang, branding=branding, history=history)
    script, script_hash = _script()
    return _template().generate(
        **view,
        csp=csp(script_hash),
        script=Markup(script),  # noqa: S704 — our own static file, allowed by hash
        drill_json=json_for_script(view["drill"]),
    )


def load_branding(branding: dict[str, Any] | None) -> dict[str, Any] | None:
    """Branding with "logo" as a data: URI: a path to a PNG/JPEG/GIF/WebP/SVG file is read and encoded.

    Raises ValueError (one line) for a missing, too large or unsupported logo file.
    """
    if not branding:
        return None
    out = dict(branding)
    logo = out.get("logo")
    if isinstance(logo, str | Path) and logo and not str(logo).startswith("data:"):
        path = Path(logo)
        kind = mimetypes.guess_type(path.name)[0]
        if kind not in LOGO_TYPES:
            raise ValueError(f"logo {path}: use a PNG, JPEG, GIF, WebP or SVG file")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ValueError(f"logo {path}: {exc.strerror or exc}") from None
        if len(data) > MAX_LOGO_BYTES:
            raise ValueError(f"logo {path}: larger than {MAX_LOGO_BYTES // 1024} KiB")
        out["logo"] = f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
    return out


def write_text(path: Path, text: str) -> Path:
    """Write UTF-8 text atomically (temporary file in the same directory, then rename)."""
    return write_chunks(path, (text,))


def write_report(
    result: AuditResult,
    out_dir: Path,
    *,
    lang: str | None = None,
    branding: dict[str, Any] | None = None,
    history: dict[str, Any] | None = None,
) -> Path:
    """Write report.html into `out_dir` (which must exist); return its path. URLs on the production
    origin with `--as-host` (build_view maps them)."""
    chunks = _report_chunks(result, lang=lang, branding=load_branding(branding), history=history)
    return write_chunks(Path(out_dir) / "report.html", chunks)


def write_chunks(path: Path, chunks: Iterable[str]) -> Path:
    """Write UTF-8 text given in pieces atomically (a temporary file in the same directory, then a rename),
    never the whole text in memory."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "x", encoding="utf-8", newline="") as handle:
            for chunk in chunks:
                handle.write(chunk)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def write_results_json(result: AuditResult, out_dir: Path) -> Path:
    """Write results.json: the full `AuditResult`, readable back with `model_validate_json`.

    With `--as-host` its URLs and texts show the production origin (`format.display_result`);
    `settings.url` stays the crawled start URL and `settings.display_urls` names both origins.
    Written in pieces (`results_json_chunks`): the text of json.dumps(indent=2), never all in memory."""
    result = display_result(result)
    return write_chunks(Path(out_dir) / "results.json", results_json_chunks(result))


def csv_cell(value: object, decimal: str = ".") -> str | int | float:
    """A CSV value: None as empty; text that a spreadsheet would run as a formula gets a leading '.
    `decimal` "," writes fractions as German Excel reads them (0,85), with the ";" separator."""
    if value is None:
        return ""
    if isinstance(value, float) and decimal != ".":
        return repr(value).replace(".", decimal)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _signal_cells(signals: PageSignals | None) -> tuple:
    """The signal columns of one pages.csv row; empty cells where the URL is no analysed page."""
    if signals is None:
        return (None,) * 9
    return (
        signals.page_type,
        "|".join(signals.authors),
        signals.person_schema,
        signals.published,
        signals.quotes_attributed,
        signals.statistics,
        signals.statistics_sourced,
        signals.citations,
        signals.words_main,
    )


def _csv_writer(buffer: io.StringIO, separator: str) -> Any:
    if separator not in SEPARATORS:
        raise ValueError("CSV separator must be ',', ';' or a tab")
    return csv.writer(buffer, delimiter=separator)


CSV_ROWS = 1000  # rows formatted at once; the file is written in these pieces, never whole in memory


def _csv_chunks(header: tuple[str, ...], rows: Iterable[tuple], separator: str) -> Iterator[str]:
    """A CSV file's text in pieces: the BOM, the header, then CSV_ROWS rows at a time (`csv_cell` values;
    `separator` ";" writes fractions with a decimal comma)."""
    decimal = "," if separator == ";" else "."
    buffer = io.StringIO(newline="")
    writer = _csv_writer(buffer, separator)
    writer.writerow(header)
    yield BOM
    for count, row in enumerate(rows, 1):
        writer.writerow([csv_cell(v, decimal) for v in row])
        if count % CSV_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def write_pages_csv(result: AuditResult, out_dir: Path, *, separator: str = ",") -> Path:
    """Write pages.csv: one row per crawled URL (columns in `PAGES_COLUMNS`), UTF-8 with BOM.

    `separator` ";" (German Excel) also writes fractions with a decimal comma."""
    result = display_result(result)
    _csv_writer(io.StringIO(), separator)  # a wrong separator fails before the file is opened
    rows = (
        (
            page.url,
            page.status,
            page.depth,
            page.words,
            page.score,
            page.title,
            "|".join(page.failed_checks),
            page.error,
            *_signal_cells(page.signals),
            page.language,
        )
        for page in result.pages
    )
    return write_chunks(Path(out_dir) / "pages.csv", _csv_chunks(PAGES_COLUMNS, rows, separator))


def _note_or_explanation(evidence: Evidence, check: CheckResult) -> tuple[str | None, Finding | None]:
    if evidence.note:
        return evidence.note, evidence.note_message
    return check.explanation, check.explanation_message


def write_findings_csv(result: AuditResult, out_dir: Path, *, separator: str = ",", lang: str | None = None) -> Path:
    """Write findings.csv for Excel: UTF-8 with BOM, one row per (check, page) finding.

    Page checks give one row per page they applied to; site checks one row per evidence item (or
    one row without URL). `separator` ";" suits German Excel, which splits on semicolons (and
    reads fractions with a decimal comma, so scores are written so). `lang` ("de") writes check
    titles and the reasons that have a translation in that language; ids, states and efforts stay
    as in results.json so filters work the same in every language.
    """
    result = display_result(result)
    _csv_writer(io.StringIO(), separator)  # a wrong separator fails before the file is opened
    loc = Localizer(lang or "en")

    def said(text: str | None, message: Finding | None = None) -> str | None:
        return loc.message(message, text)[0] if (text or message) else text

    rows = _finding_rows(result, loc, said)
    return write_chunks(Path(out_dir) / "findings.csv", _csv_chunks(FINDINGS_COLUMNS, rows, separator))


def _finding_rows(result: AuditResult, loc: Localizer, said: Any) -> Iterator[tuple]:
    """findings.csv's rows, check by check (`said`: a reason in the report's language)."""
    for check in result.checks:
        head = (check.id, check_title(check, loc), check.category)
        if check.pages:
            for o in check.pages:
                first = o.evidence[0] if o.evidence else None
                yield (
                    *head,
                    o.state,
                    o.score,
                    check.effort,
                    o.url,
                    said(o.reason, o.reason_message),
                    first.element if first else None,
                    first.excerpt if first else None,
                )
        elif check.evidence:
            for e in check.evidence:
                yield (
                    *head,
                    check.state,
                    check.score,
                    check.effort,
                    e.url,
                    said(*_note_or_explanation(e, check)),
                    e.element,
                    e.excerpt,
                )
        else:
            explanation = said(check.explanation, check.explanation_message)
            yield (*head, check.state, check.score, check.effort, None, explanation, None, None)


def csv_separator_for(lang: str) -> str:
    """The CSV separator of a report language: ";" for German (German Excel splits on semicolons and
    reads "0,85" as a number), "," otherwise."""
    return ";" if lang == "de" else ","


def write_all(
    result: AuditResult,
    out_dir: Path,
    *,
    lang: str | None = None,
    separator: str | None = None,
    csv_separator: str | None = None,
    branding: dict[str, Any] | None = None,
    history: dict[str, Any] | None = None,
) -> dict[str, Path]:
    """Create `out_dir` and write every report file.

    Returns {"html", "json", "pages_csv", "findings_csv"} -> path. `branding`: see `build_view`
    ("logo" may be a file path here); `history`: the site's earlier audits (`build_view`).
    `separator` (older name: `csv_separator`) applies to both CSV files, UTF-8 with BOM either way:
    by default `csv_separator_for` the report language — ";" with decimal commas for German, ","
    otherwise. With `--as-host` every file shows the production origin (`format.display_result`,
    mapped once here).
    """
    if separator is not None and csv_separator is not None and separator != csv_separator:
        raise ValueError("give the CSV separator once: separator or csv_separator")
    separator = separator if separator is not None else csv_separator
    if separator is not None and separator not in SEPARATORS:
        raise ValueError("CSV separator must be ',', ';' or a tab")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    code = resolve_lang(lang, result.language)
    separator = separator or csv_separator_for(code)
    shown = display_result(result)
    return {
        "html": write_report(shown, out, lang=lang, branding=branding, history=history),
        "json": write_results_json(shown, out),
        "pages_csv": write_pages_csv(shown, out, separator=separator),
        "findings_csv": write_findings_csv(shown, out, separator=separator, lang=code),
    }
