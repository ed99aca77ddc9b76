"""`geo-audit batch --pdf`: every finished client's report.pdf beside its report.html, and the
portfolio's portfolio.pdf, rendered by Chromium (reports.pdf) after the batch, one at a time.

In the parent, not in the children: a child runs under RLIMIT_AS (auditor.agency.child), which
Chromium's address-space reservations would exceed, and the PDFs need no crawl state. A PDF that
cannot be made is one line for the user and never a failed batch: its client stays `done`, the
HTML report stays as written. Without Chromium nothing is tried: one line says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from auditor.config import clean_line, mask_secrets
from auditor.store import BatchItemRow


@dataclass
class BatchPdfs:
    files: dict[str, Path] = field(default_factory=dict)  # client -> report.pdf
    portfolio: Path | None = None
    problems: list[str] = field(default_factory=list)  # one line each


def _one_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    text = lines[0][:300] if lines else type(exc).__name__
    return clean_line(mask_secrets(text))


def write_batch_pdfs(items: list[BatchItemRow], portfolio_html: Path | None) -> BatchPdfs:
    """report.pdf for every `done` client with a report, then portfolio.pdf (module docstring)."""
    outcome = BatchPdfs()
    try:
        from reports.pdf import find_chromium, write_pdf

        chromium = find_chromium()
    except Exception as exc:  # no Chromium (or no reports.pdf): say it once, try nothing
        outcome.problems.append(f"no PDFs written: {_one_line(exc)}")
        return outcome
    for item in items:
        if item.status != "done" or not item.report:
            continue
        html = Path(item.report)
        try:
            outcome.files[item.client] = Path(write_pdf(html, html.with_name("report.pdf"), chromium=chromium))
        except Exception as exc:  # the next client's PDF may still work
            outcome.problems.append(f"{clean_line(item.client)}: cannot write the PDF: {_one_line(exc)}")
    if portfolio_html is not None:
        try:
            target = Path(portfolio_html).with_name("portfolio.pdf")
            outcome.portfolio = Path(write_pdf(Path(portfolio_html), target, chromium=chromium))
        except Exception as exc:
            outcome.problems.append(f"portfolio: cannot write the PDF: {_one_line(exc)}")
    return outcome
