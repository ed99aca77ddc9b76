"""Saving a result keeps no copy of its JSON text alive (issue 19: the score stage's memory at scale).

A value written into an SQLAlchemy statement stays in the engine's compiled cache with the first
statement of that shape: for a result, ~24 KB a page until the process ends. The texts are bound at
execution instead. Measured with tracemalloc on a real SQLite file.
"""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

from auditor.store import Store
from scoring.core.results import AuditResult

BIG = 4_000_000  # characters of one result's settings: far above anything else the store allocates


def test_a_saved_result_text_is_not_kept(tmp_path: Path) -> None:
    with Store(tmp_path / "audits.db") as store:
        audit_id = store.create_audit("https://www.beispiel.example/", {})
        gc.collect()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            for mark in "ab":  # the first save of a process is the one a cache would keep
                store.save_result(
                    audit_id, AuditResult(site="https://www.beispiel.example/", settings={"n": mark * BIG})
                )
            gc.collect()
            kept = tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()
        assert kept < BIG / 10, f"{kept} bytes still allocated after saving"
        assert store.result(audit_id).settings["n"] == "b" * BIG  # the last save is the stored one
