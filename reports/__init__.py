"""Reports: view model + Jinja2 template -> one self-contained HTML file; JSON and CSV writers."""

from reports.view import build_view
from reports.writers import (
    render_report,
    write_all,
    write_pages_csv,
    write_report,
    write_results_json,
)

__all__ = [
    "build_view",
    "render_report",
    "write_all",
    "write_pages_csv",
    "write_report",
    "write_results_json",
]
