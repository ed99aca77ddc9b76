"""Wall time of a 20-domain batch of small fixture sites with --jobs 1 vs --jobs 4, and peak memory.

    .venv/bin/python -m bench.batch_scale [--domains 20] [--jobs 1 4]

Each domain is one of the four sites of tests/sites/batch on its own loopback port (4 pages each,
no politeness delay). Every run gets a fresh SQLite store. Peak memory: the largest resident set of
any child process (ru_maxrss over the children) and of the parent. Ratios are measured within one
run; on a shared machine, say so when quoting them.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from auditor.agency.batch import run_batch
from auditor.agency.batch_file import load_batch
from tests.batch_sites import client_toml, serve_sites


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--domains", type=int, default=20)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 4])
    args = parser.parse_args()
    print(f"{args.domains} domains, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        sites = serve_sites(stack, args.domains)
        walls = {}
        for jobs in args.jobs:
            folder = Path(tmp) / f"jobs{jobs}"
            folder.mkdir()
            toml = f'[batch]\nname = "bench-{jobs}"\n[defaults]\nmax_pages = 20\ndelay = 0\n'
            toml += "".join(client_toml(f"client {i:02d} {n}", s.origin + "/") for i, (n, s) in enumerate(sites))
            (folder / "clients.toml").write_text(toml, encoding="utf-8")
            batch = load_batch(folder / "clients.toml")
            started = time.perf_counter()
            outcome = run_batch(batch, db=str(folder / "audits.db"), jobs=jobs)
            walls[jobs] = time.perf_counter() - started
            done = sum(i.status == "done" for i in outcome.items)
            child_peak = max(i.peak_mb or 0 for i in outcome.items)
            print(
                f"--jobs {jobs}: {walls[jobs]:.1f} s wall, {done}/{len(outcome.items)} done, "
                f"{walls[jobs] / len(outcome.items):.2f} s/domain, peak child RSS {child_peak:.0f} MB, "
                f"load average {os.getloadavg()[0]:.1f}"
            )
        parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak RSS: parent {parent:.0f} MB, largest child {children:.0f} MB")
        first, *rest = args.jobs
        for jobs in rest:
            print(f"speed-up --jobs {jobs} vs --jobs {first}: {walls[first] / walls[jobs]:.2f}x")


if __name__ == "__main__":
    main()
