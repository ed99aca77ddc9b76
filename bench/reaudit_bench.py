"""Benchmark: a re-audit of an unchanged site against its first audit — wall time ratio and same scores.

Run: `python bench/reaudit_bench.py [--pages 2000] [--concurrency 8] [--no-fresh] [--root CHECKOUT]`.

A generated site (bench/sitegen.py, deterministic) is served on 127.0.0.1 by a server that answers
conditional requests with 304 (tests/conditional_site.py: ETag and Last-Modified, like most production
servers). In one run, each audit a fresh `geo-audit audit` process on the same store:

1. the first audit (everything fetched, extracted, embedded, scored);
2. a re-audit of the unchanged site (pages and scores reused, docs/reaudit.md);
3. unless --no-fresh: a re-audit with `--fresh` — what a re-audit cost before: every page fetched,
   extracted and scored again, only the embeddings cached.

Printed: wall seconds of each, the ratios to the first audit, the reuse counts of results.json, the
server's response counts, and whether the site score, the category scores and every check's state and
score are identical. `--root` runs another checkout's code (a snapshot, so that files edited meanwhile do
not change the code between the audits); the site and server always come from this checkout.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))

from bench.sitegen import generate  # noqa: E402
from tests.conditional_site import ConditionalSite  # noqa: E402


def audit(url: str, tmp: Path, tag: str, args: argparse.Namespace, *extra: str) -> dict:
    c = str(args.concurrency)
    cmd = [sys.executable, "-m", "auditor.cli", "audit", url, "--json", "--db", str(tmp / "audits.db")]
    cmd += ["--out", str(tmp / tag), "--llm", "none", "--delay", "0", "--max-pages", str(args.pages * 2)]
    cmd += ["--max-depth", "10000", "-s", "AUTOTHROTTLE_ENABLED=false"]
    cmd += ["-s", f"CONCURRENT_REQUESTS={c}", "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={c}", *extra]
    env = {**os.environ, "PYTHONPATH": str(args.root), "HF_HUB_OFFLINE": "1"}
    began = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=args.root)
    wall = time.perf_counter() - began
    if proc.returncode != 0:
        raise SystemExit(f"{tag}: geo-audit exited {proc.returncode}: {proc.stderr.strip()[-500:]}")
    result = json.loads((tmp / tag / "results.json").read_text(encoding="utf-8"))
    return {"tag": tag, "wall_s": round(wall, 2), "result": result}


def scores(result: dict) -> dict:
    return {
        "site": result["site_score"],
        "categories": {c["id"]: c["score"] for c in result["categories"]},
        "checks": {c["id"]: (c["state"], c["score"]) for c in result["checks"]},
    }


def counts(run: dict) -> dict:
    timing = run["result"]["timing"]
    keys = ("pages_reused", "pages_extracted", "scores_reused", "digest_s", "score_s")
    return {k: timing[k] for k in keys if k in timing}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages of the generated site")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--no-fresh", action="store_true", help="skip the --fresh control audit")
    parser.add_argument("--root", type=Path, default=HERE, help="checkout whose code runs the audits")
    parser.add_argument("--keep", type=Path, help="keep site, store and reports in this folder")
    args = parser.parse_args()
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="geo-reaudit-"))
    tmp.mkdir(parents=True, exist_ok=True)
    html_pages = generate(tmp / "site", args.pages)
    runs = []
    with ConditionalSite(tmp / "site") as site:
        url = site.origin + "/"
        for tag, extra in (("first", ()), ("reaudit", ()), ("fresh", ("--fresh",))):
            if tag == "fresh" and args.no_fresh:
                continue
            site.statuses.clear()
            run = audit(url, tmp, tag, args, *extra)
            run["statuses"] = {str(k): v for k, v in sorted(site.statuses.items())}
            runs.append(run)
            print(f"{tag}: {run['wall_s']} s {counts(run)} responses {run['statuses']}", flush=True)
    first = runs[0]
    summary = {
        "pages": args.pages,
        "html_pages": html_pages,
        "concurrency": args.concurrency,
        "runs": [{"tag": r["tag"], "wall_s": r["wall_s"], **counts(r), "responses": r["statuses"]} for r in runs],
        "ratios": {r["tag"]: round(r["wall_s"] / first["wall_s"], 3) for r in runs[1:]},
        "same_scores": {r["tag"]: scores(r["result"]) == scores(first["result"]) for r in runs[1:]},
        "site_score": first["result"]["site_score"],
    }
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
