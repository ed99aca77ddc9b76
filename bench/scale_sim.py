"""Simulation of the score stage at scale on synthetic records (issue 19): memory and time per stage.

Run: `python bench/scale_sim.py --pages 10000 30000 100000 [--graph-pages 300000 1000000]`.
Each size runs in a fresh child process (peak RSS is per size, read from /proc: VmHWM, reset between
stages with /proc/self/clear_refs). Records come from tests/synthetic_site.py (~30 internal links per
page, 150-1,200 words, a sitemap, topic-clustered embeddings of 64 dimensions); no crawl, no store.

- `score` mode (`--pages`): the full `scoring.audit.score_site` as the runner calls it, with every
  record in a list of compact records first (what `auditor.runner.compact_pages` gives it: scoring.slim;
  `--full-records`: plain PageRecords, as before issue 19's streaming step). Stages: records (building
  the list), site data (SiteData: lookups, link graph, inlinks, PageRank, click depth, clustering),
  page checks (the page-major pass, then each check's aggregation), site checks, insights, page summaries.
- `graph` mode (`--graph-pages`): the final graph step of a partitioned score stage
  (docs/scaling.md): records are streamed once and dropped, only compact columns are kept
  (scoring.columns.LinkColumns: URL ids, int32 link arrays), then PageRank, Link Score, click depth
  and distinct inlink counts on them. Records are lean here (links and word count, no text): at a
  million pages generating text would dominate. Stages: generate 1/10 (generating a tenth of the
  records alone: subtract 10x of it from stream), stream (generate + fold into columns), graph.
Numbers are for this machine under its current load: compare ratios from one run, never absolutes.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _status(field: str) -> float:
    """A /proc/self/status figure in MB (VmRSS, VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak() -> None:
    with contextlib.suppress(OSError):  # Linux: "5" resets the peak RSS (VmHWM) to the current RSS
        Path("/proc/self/clear_refs").write_text("5")


class Stages:
    """Wall time, RSS growth and peak RSS per named stage (stages may repeat: they add up)."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, float]] = {}

    def run(self, name: str, step: Callable[[], Any]) -> Any:
        _reset_peak()
        before, began, cpu = _status("VmRSS"), time.perf_counter(), time.process_time()
        value = step()
        row = self.rows.setdefault(name, {"s": 0.0, "cpu_s": 0.0, "rss_growth_mb": 0.0, "peak_mb": 0.0})
        row["s"] += time.perf_counter() - began
        row["cpu_s"] += time.process_time() - cpu  # under a shared machine's load, CPU time compares better
        row["rss_growth_mb"] += _status("VmRSS") - before
        row["peak_mb"] = max(row["peak_mb"], _status("VmHWM"))
        return value


def score_mode(n: int, full: bool = False) -> dict[str, Any]:
    """score_site on n synthetic pages, timed per stage by wrapping the stage functions."""
    import scoring.audit as audit
    import scoring.insights as insights
    from scoring.slim import slim
    from tests.synthetic_site import site_artifacts, site_embeddings, site_records

    stages = Stages()
    artifacts = site_artifacts(n)
    embeddings = site_embeddings(n)
    keep = (lambda p: p) if full else slim
    pages = stages.run("records", lambda: [keep(p) for p in site_records(n)])

    site_data, evaluate, summaries = audit.SiteData, audit.evaluate_check, audit._page_summaries
    page_pass = audit.page_pass
    build = insights.build_insights

    def make_site(*args: Any, **kwargs: Any) -> Any:
        def step() -> Any:
            site = site_data(*args, **kwargs)
            for name in ("link_graph", "inlinks", "pagerank", "link_score", "click_depth", "clustering"):
                getattr(site, name)
            return site

        return stages.run("site data", step)

    def timed_check(check: Any, site: Any, weight: float, judged: Any = None) -> Any:
        return stages.run(f"{check.scope} checks", lambda: evaluate(check, site, weight, judged))

    audit.SiteData = make_site
    audit.page_pass = lambda *a, **k: stages.run("page checks", lambda: page_pass(*a, **k))
    audit.evaluate_check = timed_check
    insights.build_insights = lambda *a, **k: stages.run("insights", lambda: build(*a, **k))
    audit._page_summaries = lambda *a, **k: stages.run("page summaries", lambda: summaries(*a, **k))
    began = time.perf_counter()
    cpu = time.process_time()
    result = audit.score_site(pages, artifacts, embeddings=embeddings)
    total, cpu = time.perf_counter() - began, time.process_time() - cpu
    links = sum(len(p.links) for p in pages)
    return {
        "mode": "score" + (" full" if full else ""),
        "pages": n,
        "links": links,
        "score_s": round(total, 2),
        "score_cpu_s": round(cpu, 2),
        "site_score": result.site_score,
        "stages": stages.rows,
        "peak_mb": round(max(r["peak_mb"] for r in stages.rows.values()), 1),
    }


def graph_mode(n: int) -> dict[str, Any]:
    """Stream n synthetic records once into compact link columns, then the graph metrics."""
    from scoring.columns import LinkColumns
    from tests.synthetic_site import ROOT as SITE_ROOT
    from tests.synthetic_site import site_records

    stages = Stages()
    sample = max(n // 10, 1)  # what generating the records costs (not the score stage): on a tenth
    stages.run("generate 1/10", lambda: sum(1 for _ in site_records(sample, lean=True)))
    # page types come from the page pass of each partition (docs/scaling.md), not the graph step
    columns = stages.run("stream", lambda: LinkColumns.from_pages(site_records(n, lean=True), kinds=False))

    def metrics() -> tuple[Any, ...]:
        rank = columns.pagerank()
        return rank, columns.link_scores(rank), columns.click_depths(SITE_ROOT), columns.distinct_sources()

    rank, scores, depths, sources = stages.run("graph", metrics)
    return {
        "mode": "graph",
        "pages": n,
        "links": int(columns.edge_count),
        "columns_mb": round(columns.nbytes / 2**20, 1),
        "deepest": int(depths.max()),
        "max_inlinks": int(sources.max()),
        "stages": stages.rows,
        "peak_mb": round(max(r["peak_mb"] for r in stages.rows.values()), 1),
    }


def _child(mode: str, n: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(n)], capture_output=True, text=True, check=False, cwd=ROOT
    )
    if out.returncode != 0:
        return {"mode": mode, "pages": n, "error": (out.stderr.strip().splitlines() or ["killed"])[-1]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def _print(row: dict[str, Any]) -> None:
    if "error" in row:
        print(f"{row['mode']:5} {row['pages']:>9,} pages: failed: {row['error']}")
        return
    head = f"{row['mode']:5} {row['pages']:>9,} pages, {row['links']:>11,} links: peak RSS {row['peak_mb']:>7,.0f} MB"
    print(head + (f", score_s {row['score_s']}" if "score_s" in row else f", columns {row['columns_mb']} MB"))
    for name, stage in row["stages"].items():
        print(
            f"    {name:15} {stage['s']:8.1f} s  CPU {stage.get('cpu_s', 0):8.1f} s   "
            f"RSS +{stage['rss_growth_mb']:7,.0f} MB   peak {stage['peak_mb']:7,.0f} MB"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="*", default=[10_000, 30_000])
    parser.add_argument("--graph-pages", type=int, nargs="*", default=[])
    parser.add_argument("--full-records", action="store_true", help="score mode on plain PageRecords")
    parser.add_argument("--json", type=Path, help="also write the rows to this file")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, n = args.child[0], int(args.child[1])
        print(json.dumps(graph_mode(n) if mode == "graph" else score_mode(n, full=mode == "full")))
        return
    rows = []
    for mode, sizes in (("full" if args.full_records else "score", args.pages), ("graph", args.graph_pages)):
        for n in sizes:
            rows.append(_child(mode, n))
            _print(rows[-1])
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
