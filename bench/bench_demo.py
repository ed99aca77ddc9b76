"""Benchmark: `geo-audit demo` end to end — pages/s of the crawl and of the whole audit, peak RSS.

Run: `python bench/bench_demo.py [--runs 3]`. Each run is a fresh process (the Twisted reactor
cannot restart) with its own store; peak memory is the child's max RSS (getrusage).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from auditor.store import Store


def one_run() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        began = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "auditor.cli", "demo", "--db", str(db), "--out", str(Path(tmp) / "out"), "--json"],
            capture_output=True,
            text=True,
            check=True,
        )
        wall = time.perf_counter() - began
        summary = json.loads(proc.stdout)
        store = Store(db)
        stats = store.artifacts(summary["audit_id"]).crawl_stats
        timing = store.result(summary["audit_id"]).timing
        store.close()
    return {
        "urls": stats.pages,
        "crawl_s": stats.duration_s,
        "score_s": timing["score_s"],
        "wall_s": wall,
        "crawl_pages_per_s": stats.pages / stats.duration_s,
        "audit_pages_per_s": stats.pages / wall,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = [one_run() for _ in range(args.runs)]
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    for key in runs[0]:
        values = [r[key] for r in runs]
        print(f"{key:>20}: median {statistics.median(values):8.2f}   (runs: {', '.join(f'{v:.2f}' for v in values)})")
    print(f"{'peak RSS':>20}: {peak_mb:8.1f} MB (largest child process)")


if __name__ == "__main__":
    main()
