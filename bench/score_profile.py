"""Where the score stage's memory and time go, step by step, on a stored crawl (issue 19).

    python bench/score_profile.py STORE.db [--audit 1] [--out DIR] [--trace] [--checks]

Runs the stages after the crawl the way auditor.pipeline does (records, embeddings, site data, page
pass, site checks, insights, page summaries, the result saved, briefs, report files), and prints per
step: wall and CPU seconds, RSS now and its high-water mark (VmRSS, VmHWM from /proc). `--checks`
adds a line per site check (RSS after each); `--trace` adds tracemalloc's current and peak bytes per
step (slow: ~2-3x). Steps reuse the same functions as the pipeline, so the figures are the real
stage's (bench/scale_e2e.py --keep DIR keeps a generated site's store for this).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _status() -> tuple[float, float]:
    fields = {}
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            fields[key] = value
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


class Steps:
    def __init__(self, trace: bool) -> None:
        self.trace = trace
        self.rows: list[dict] = []
        self._wall = time.perf_counter()
        self._cpu = time.process_time()

    def mark(self, name: str) -> None:
        rss, hwm = _status()
        row = {
            "step": name,
            "wall_s": round(time.perf_counter() - self._wall, 2),
            "cpu_s": round(time.process_time() - self._cpu, 2),
            "rss_mb": round(rss),
            "hwm_mb": round(hwm),
        }
        if self.trace:
            current, peak = tracemalloc.get_traced_memory()
            row["traced_mb"], row["traced_peak_mb"] = round(current / 2**20, 1), round(peak / 2**20, 1)
            tracemalloc.reset_peak()
        self.rows.append(row)
        print(json.dumps(row), flush=True)
        self._wall = time.perf_counter()
        self._cpu = time.process_time()


def _wrap(module: object, name: str, steps: Steps, label: str, per_call: bool = False) -> None:
    """Mark a step after each call of module.name (per_call: named by the check it evaluated)."""
    original = getattr(module, name)

    def wrapped(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if not per_call:
            steps.mark(f"before {label}")
        value = original(*args, **kwargs)
        steps.mark(f"{label} {args[0].id}" if per_call else label)
        return value

    setattr(module, name, wrapped)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--audit", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--trace", action="store_true")
    parser.add_argument("--checks", action="store_true")
    parser.add_argument("--skip", nargs="*", default=[], help="site checks left out (not_applicable)")
    parser.add_argument("--top", type=int, default=0, help="tracemalloc: the N biggest allocation sites at the end")
    args = parser.parse_args()
    if args.trace:
        tracemalloc.start(4 if args.top else 1)

    from auditor.runner import ReportTarget, compact_pages, embedding_stage, report_stage, suggest_stage
    from auditor.store import Store
    from scoring import audit
    from scoring.config import ScoringConfig
    from scoring.pagetypes import site_template, stamped_article_types
    from scoring.site import SiteData

    steps = Steps(args.trace)
    store = Store(f"sqlite:///{args.db}")
    steps.mark("start")
    artifacts = store.artifacts(args.audit)
    pages = compact_pages(store, args.audit)
    steps.mark(f"records ({len(pages)} pages)")
    vectors, _problem, _timing = embedding_stage(store, pages)
    steps.mark("embeddings")
    site = SiteData(pages, artifacts, vectors)  # `pages` kept for the briefs, as auditor.pipeline does
    steps.mark("site data: lookups")
    for name in (
        "html_pages",
        "link_graph",
        "inlinks",
        "pagerank",
        "link_score",
        "click_depth",
        "shared_main_text",
        "clustering",
    ):
        getattr(site, name)
        steps.mark(f"site data: {name}")

    _wrap(audit, "page_pass", steps, "page pass")
    _wrap(audit, "_page_summaries", steps, "page summaries")
    if args.checks:
        _wrap(audit, "evaluate_check", steps, "check", per_call=True)
    import scoring.insights

    _wrap(scoring.insights, "build_insights", steps, "insights")
    from scoring.registry import Outcome, all_checks

    for check_id in args.skip:
        all_checks()[check_id].evaluate = lambda self, site: Outcome("not_applicable")
    with site_template(stamped_article_types(site.pages)):
        result = audit._score(site, ScoringConfig(), None, time.perf_counter())
    steps.mark("site checks (+ page aggregation) and the result")
    del site
    store.save_result(args.audit, result)
    steps.mark("result saved")
    result = suggest_stage(store, args.audit, result, None, pages)
    del pages
    steps.mark("briefs")
    out = args.out or Path(tempfile.mkdtemp(prefix="score-profile-"))
    report_stage(result, ReportTarget(out_dir=out))
    steps.mark("report files")
    if args.trace and args.top:
        for stat in tracemalloc.take_snapshot().statistics("traceback")[: args.top]:
            print(f"{stat.size / 2**20:.1f} MB {stat.count} blocks", *stat.traceback.format()[-4:], sep="\n  ")


if __name__ == "__main__":
    main()
