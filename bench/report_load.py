"""Load time of a 3,000-page report in headless Chromium (issue 7: "opens in under 3 s").

    .venv/bin/python bench/report_load.py [--pages 3000] [--runs 3] [--lang de]

Builds the literal N-page audit of the browser tests (`tests.test_report_rich.big_result`: 20 page
checks with an outcome per page, a quarter failing with evidence, the link graph and the AI matrix),
writes the report, opens it from disk in Debian's Chromium (playwright, no browser download) once to
warm up and then `--runs` times, and prints each run: wall time of `page.goto(..., wait_until="load")`,
the Navigation Timing `loadEventEnd` and `domContentLoadedEventEnd` of that load, and the time to
sort all rows by one column. A benchmark, not a test: times on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from reports.writers import write_all  # noqa: E402
from tests.test_browser import ARGS, CHROMIUM, measure_load  # noqa: E402
from tests.test_report_rich import big_result  # noqa: E402

BUDGET_MS = 3000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lang", choices=("de", "en"), default="de")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_all(big_result(args.pages), Path(tmp), lang=args.lang)
        size_mb = paths["html"].stat().st_size / 1e6
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                measure_load(browser, paths["html"])  # warm-up: browser process, disk cache
                runs = [measure_load(browser, paths["html"]) for _ in range(args.runs)]
            finally:
                browser.close()
    print(f"{args.pages}-page report ({args.lang}), {size_mb:.1f} MB, load average {os.getloadavg()[0]:.1f}")
    print("| run | goto → load (wall) ms | loadEventEnd ms | DOMContentLoaded ms | sort all rows ms |")
    print("|---:|---:|---:|---:|---:|")
    for n, run in enumerate(runs, 1):
        print(f"| {n} | {run['wall']:.0f} | {run['load']:.0f} | {run['dom']:.0f} | {run['sort']:.0f} |")
    best = min(run["wall"] for run in runs)
    print(f"best wall {best:.0f} ms: {'under' if best < BUDGET_MS else 'OVER'} the {BUDGET_MS} ms budget")


if __name__ == "__main__":
    main()
