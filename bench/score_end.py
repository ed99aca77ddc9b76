"""What the end of an audit allocates, step by step (issue 19, eighth stop): the result saved, the briefs,
the report files — the steps auditor.pipeline runs after the score stage, on a scored store.

    python bench/score_end.py STORE.db [--audit 1] [--out DIR] [--trace]

The stored result and the records (`compact_pages`, as the pipeline keeps them for the briefs) are read
first; then each step runs in turn and prints wall and CPU seconds, RSS after it and the step's own RSS
peak above its start (VmHWM reset before each step through /proc/self/clear_refs), with `--trace`
tracemalloc's peak above the step's start too. The heap's free memory is given back to the system before
each step (malloc_trim), so a step's peak is not hidden in the room reading the result left. Run it on a copy of the
store: the result is saved into it again (bench/scale_e2e.py --keep DIR keeps a generated site's store).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import json
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _status() -> tuple[float, float]:
    fields = {}
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            fields[key] = value
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def _trim() -> None:
    """Give the heap's free memory back (glibc malloc_trim): a step's peak is then its own, not hidden in
    the room an earlier step (reading the stored result) left in the heap."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _reset_peak(trace: bool) -> None:
    gc.collect()
    _trim()
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")  # resets VmHWM to the present RSS
    except OSError:
        pass
    if trace:
        tracemalloc.reset_peak()


class Steps:
    def __init__(self, trace: bool) -> None:
        self.trace = trace
        self.rows: list[dict] = []
        self._begin()

    def _begin(self) -> None:
        _reset_peak(self.trace)
        self._rss = _status()[0]
        self._traced = tracemalloc.get_traced_memory()[0] if self.trace else 0
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def mark(self, name: str) -> dict:
        wall, cpu = time.perf_counter() - self._wall, time.process_time() - self._cpu
        rss, hwm = _status()
        row = {
            "step": name,
            "wall_s": round(wall, 2),
            "cpu_s": round(cpu, 2),
            "rss_mb": round(rss),
            "peak_over_start_mb": round(hwm - self._rss),
        }
        if self.trace:
            current, peak = tracemalloc.get_traced_memory()
            row["traced_peak_over_start_mb"] = round((peak - self._traced) / 2**20, 1)
            row["traced_kept_mb"] = round((current - self._traced) / 2**20, 1)
        self.rows.append(row)
        print(json.dumps(row), flush=True)
        self._begin()
        return row


def _wrap(module: object, name: str, steps: Steps) -> None:
    """A step per call of module.name (the report writers)."""
    original = getattr(module, name)

    def wrapped(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        steps.mark(f"before {name}")
        value = original(*args, **kwargs)
        steps.mark(name)
        return value

    setattr(module, name, wrapped)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--audit", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args()
    if args.trace:
        tracemalloc.start(1)

    from auditor.pipeline import _report
    from auditor.runner import ReportTarget, compact_pages, suggest_stage
    from auditor.store import Store

    store = Store(f"sqlite:///{args.db}")
    steps = Steps(args.trace)
    result = store.result(args.audit)
    if result is None:
        raise SystemExit(f"audit {args.audit} has no result in {args.db}")
    result = result.model_copy(update={"briefs": [], "llm_usage": {}})
    steps.mark("result read")
    pages = compact_pages(store, args.audit)
    steps.mark(f"records ({len(pages)} pages)")
    store.save_result(args.audit, result)
    steps.mark("result saved")
    result = suggest_stage(store, args.audit, result, None, pages)
    steps.mark("briefs (and the result saved again)")
    del pages
    steps.mark("records released")
    import reports.writers as writers

    for name in ("write_report", "write_results_json", "write_pages_csv", "write_findings_csv"):
        _wrap(writers, name, steps)
    out = args.out or Path(tempfile.mkdtemp(prefix="score-end-"))
    _report(store, args.audit, result, ReportTarget(out_dir=out))
    steps.mark("report files: the rest (history, mapping)")
    store.close()


if __name__ == "__main__":
    main()
