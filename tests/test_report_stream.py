"""pages.csv, findings.csv and report.html are written in pieces (issue 19, eighth stop): the CSV files never
whole in memory (before: the text in a buffer, copied out of it and again with the byte-order mark), the
same bytes as one text written at once."""

from __future__ import annotations

import csv
import gc
import io
import tracemalloc
from pathlib import Path

import pytest

from reports import writers
from reports.writers import (
    BOM,
    PAGES_COLUMNS,
    csv_cell,
    render_report,
    write_findings_csv,
    write_pages_csv,
    write_report,
)
from tests.test_store_stream import _result


def _pages_csv_at_once(result, separator: str) -> str:  # noqa: ANN001 - the text the writer wrote before
    decimal = "," if separator == ";" else "."
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=separator)
    writer.writerow(PAGES_COLUMNS)
    for page in result.pages:
        cells = writers._signal_cells(page.signals)  # the row's cells; what is compared is the streaming
        row = (page.url, page.status, page.depth, page.words, page.score, page.title, "|".join(page.failed_checks))
        writer.writerow([csv_cell(v, decimal) for v in (*row, page.error, *cells, page.language)])
    return BOM + buffer.getvalue()


@pytest.mark.parametrize("separator", [",", ";"])
def test_pages_csv_in_pieces_is_the_same_text(tmp_path: Path, separator: str) -> None:
    result = _result(writers.CSV_ROWS * 2 + 3)
    path = write_pages_csv(result, tmp_path, separator=separator)
    assert path.read_bytes() == _pages_csv_at_once(result, separator).encode("utf-8")


def test_a_wrong_separator_writes_no_file(tmp_path: Path) -> None:
    for write in (write_pages_csv, write_findings_csv):
        with pytest.raises(ValueError):
            write(_result(3), tmp_path, separator="|")
    assert list(tmp_path.iterdir()) == []


def test_the_report_written_in_pieces_is_the_rendered_text(tmp_path: Path) -> None:
    result = _result(40)
    assert write_report(result, tmp_path, lang="de").read_text(encoding="utf-8") == render_report(result, lang="de")


def test_csv_files_are_never_whole_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writers, "CSV_ROWS", 100)
    result = _result(12_000, checks=2)
    for write in (write_pages_csv, write_findings_csv):
        write(_result(2), tmp_path)  # imports, catalogs and caches made once
        gc.collect()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            path = write(result, tmp_path)
            peak = tracemalloc.get_traced_memory()[1] - before
        finally:
            tracemalloc.stop()
        size = path.stat().st_size
        assert size > 1_000_000
        assert peak < size / 3, f"{path.name}: {peak} bytes at the peak for a {size}-byte file"
