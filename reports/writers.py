"""Write the report files: report.html, results.json and pages.csv.

HTML comes from `view.build_view` through a Jinja2 template with autoescape on (and undefined
names raising, so a template typo fails loudly instead of printing nothing). Files are written to
a temporary name in the target directory and then renamed, so a crash never leaves half a report.
"""

from __future__ import annotations

import csv
import io
import json
import os
import uuid
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template

from reports.view import build_view
from scoring.results import AuditResult

TEMPLATES = Path(__file__).parent / "templates"
REPORT_TEMPLATE = "report.html.j2"
PAGES_COLUMNS = ("url", "status", "depth", "words", "page_score", "title", "failed_checks", "error")
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


def render_report(result: AuditResult, *, lang: str | None = None) -> str:
    """The self-contained HTML report as a string."""
    return _template().render(**build_view(result, lang=lang))


def _write_text(path: Path, text: str) -> Path:
    """Write UTF-8 text atomically (temporary file in the same directory, then rename)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "x", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def write_report(result: AuditResult, out_dir: Path, *, lang: str | None = None) -> Path:
    """Write report.html into `out_dir` (which must exist); return its path."""
    return _write_text(Path(out_dir) / "report.html", render_report(result, lang=lang))


def write_results_json(result: AuditResult, out_dir: Path) -> Path:
    """Write results.json: the full `AuditResult`, readable back with `model_validate_json`."""
    text = json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    return _write_text(Path(out_dir) / "results.json", text)


def csv_cell(value: object) -> str | int | float:
    """A CSV value: None as empty; text that a spreadsheet would run as a formula gets a leading '."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_pages_csv(result: AuditResult, out_dir: Path) -> Path:
    """Write pages.csv: one row per crawled URL (columns in `PAGES_COLUMNS`)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(PAGES_COLUMNS)
    for page in result.pages:
        row = (
            page.url,
            page.status,
            page.depth,
            page.words,
            page.score,
            page.title,
            "|".join(page.failed_checks),
            page.error,
        )
        writer.writerow([csv_cell(v) for v in row])
    return _write_text(Path(out_dir) / "pages.csv", buffer.getvalue())


def write_all(result: AuditResult, out_dir: Path, *, lang: str | None = None) -> dict[str, Path]:
    """Create `out_dir` and write every report file; return {"html", "json", "pages_csv"} -> path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return {
        "html": write_report(result, out, lang=lang),
        "json": write_results_json(result, out),
        "pages_csv": write_pages_csv(result, out),
    }
