"""End-to-end audit of a generated site at scale (issue 19): crawl + score + report, no LLM.

    python bench/scale_e2e.py --pages 5000 30000 [--port 8089] [--concurrency 16] [--keep DIR] [--pool-400]

Per size: bench/sitegen.py writes the site once (kept in --site-dir for the next run; paragraphs from
a pool that grows with the site, sitegen.growing_pool, or with --pool-400 from the fixed pool of 400
of the runs before 2026-12-06's fifth stop, where every paragraph recurs on a sixth of the site), nginx serves
it on 127.0.0.1:PORT, and `geo-audit audit URL --llm none --delay 0` (AutoThrottle off, no page
limit in reach) audits it into a fresh SQLite store. Measured: wall time, peak RSS of the whole
process tree (the audit and its extraction workers, sampled from /proc every 0.2 s, as
bench/crawl_vs_peers.py does), and from results.json the crawl's own duration (crawl statistics)
and the score stage's (`score_s` + `embed_s`); the rest of the wall time is start-up, report and
briefs. Numbers are for this machine under its current load: compare ratios from one run.
`--keep DIR` keeps each size's store and report in DIR/PAGES (for bench/score_profile.py).
`--rss-log FILE` appends a JSON line every second: seconds since start, RSS of the audit's main process
and of its whole tree (MB); the row then also gives the main process's RSS when the crawl ended and its
peak after it (the score stage, briefs and reports run in the main process alone).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.crawl_vs_peers import NGINX_CONF, measure, tree_rss_kb, wait_port  # noqa: E402
from bench.sitegen import generate, growing_pool  # noqa: E402


def site_dir(base: Path, pages: int, fixed_pool: bool = False) -> Path:
    target = base / (f"site-{pages}" if fixed_pool else f"site-{pages}-pool-{growing_pool(pages)}")
    marker = target / f".pages-{pages}"
    if not marker.exists():
        target.mkdir(parents=True, exist_ok=True)
        made = generate(target, pages, pool=None if fixed_pool else growing_pool(pages))
        print(f"generating {made} pages in {target}", file=sys.stderr)
        marker.touch()
    return target


def audit_command(url: str, work: Path, concurrency: int, pages: int) -> list[str]:
    c = str(concurrency)
    return [
        sys.executable, "-m", "auditor.cli", "audit", url, "--json", "--llm", "none",
        "--db", str(work / "audit.db"), "--out", str(work / "out"),
        "--max-pages", str(pages * 2), "--max-depth", "10000", "--delay", "0",
        "-s", "AUTOTHROTTLE_ENABLED=false", "-s", f"CONCURRENT_REQUESTS={c}",
        "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={c}",
    ]  # fmt: skip


def _audit_pid(marker: str) -> int | None:
    """The audit's main process: the one whose command line names its store."""
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as fh:
                    args = fh.read().split(b"\0")
            except OSError:
                continue
            if marker.encode() in args and b"audit" in args:
                return int(entry)
    return None


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            return next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0)
    except OSError:
        return 0


class RssLog(threading.Thread):
    """Samples the audit's main process and its tree every second into a JSON-lines file."""

    def __init__(self, path: Path, store: Path) -> None:
        super().__init__(daemon=True)
        self.path, self.marker, self.stop = path, str(store), threading.Event()
        self.samples: list[tuple[float, float, float]] = []  # (epoch s, main MB, tree MB)

    def run(self) -> None:
        began, pid = time.time(), None
        with self.path.open("a") as log:
            while not self.stop.wait(1.0):
                pid = pid or _audit_pid(self.marker)
                if pid is None:
                    continue
                main, tree = _rss_kb(pid) / 1024, tree_rss_kb(pid) / 1024
                if not main:
                    continue
                now = time.time()
                self.samples.append((now, main, tree))
                row = {"t": round(now - began, 1), "main_mb": round(main, 1), "tree_mb": round(tree, 1)}
                log.write(json.dumps(row) + "\n")
                log.flush()

    def after(self, epoch: float) -> dict:
        """Main-process RSS at the sample nearest `epoch` (the crawl's end) and its peak after it."""
        later = [s for s in self.samples if s[0] >= epoch]
        if not later:
            return {}
        return {"main_mb_crawl_end": round(later[0][1]), "main_mb_peak_after_crawl": round(max(s[1] for s in later))}


def _seconds(start: str | None, end: str | None) -> float | None:
    if not start or not end:
        return None
    return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds()


def run(pages: int, args: argparse.Namespace) -> dict:
    root = site_dir(args.site_dir, pages, args.pool_400)
    with tempfile.TemporaryDirectory(prefix="geo-scale-") as tmp:
        work = Path(tmp)
        if args.keep:
            work = args.keep / str(pages)
            work.mkdir(parents=True, exist_ok=False)
        (work / "nginx.conf").write_text(NGINX_CONF.format(tmp=work, port=args.port, root=root))
        nginx = subprocess.Popen(["nginx", "-c", str(work / "nginx.conf")], stderr=subprocess.DEVNULL)
        sampler = None
        try:
            wait_port(args.port)
            url = f"http://127.0.0.1:{args.port}/"
            began = time.time()
            if args.rss_log:
                sampler = RssLog(args.rss_log, work / "audit.db")
                sampler.start()
            done = measure(f"{pages} pages", audit_command(url, work, args.concurrency, pages), cwd=ROOT)
        finally:
            if sampler is not None:
                sampler.stop.set()
                sampler.join()
            nginx.terminate()
            nginx.wait(timeout=10)
        row = {
            "pages": pages,
            "pool": 400 if args.pool_400 else growing_pool(pages),
            "wall_s": round(done["wall_s"], 1),
            "peak_rss_mb": round(done["peak_rss_mb"]),
        }
        row["cpu_s"] = round(done["cpu_s"], 1)
        results = work / "out" / "results.json"
        if done["returncode"] != 0 or not results.exists():
            row["error"] = (done["stdout"] or "")[-300:]
            return row
        data = json.loads(results.read_text())
        timing = data.get("timing", {})
        row["urls"] = data["coverage"]["urls_crawled"]
        row["crawl_s"] = _seconds(data.get("started"), data.get("finished"))
        row["score_s"] = round(timing.get("score_s", 0) + timing.get("embed_s", 0), 1)
        row["score_to_crawl"] = round(row["score_s"] / row["crawl_s"], 2) if row["crawl_s"] else None
        row["started"] = datetime.fromtimestamp(began).isoformat(timespec="seconds")
        if sampler is not None and data.get("finished"):
            row.update(sampler.after(datetime.fromisoformat(data["finished"]).timestamp()))
        return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[5000])
    parser.add_argument("--port", type=int, default=8089)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--keep", type=Path, help="keep each size's store and report in KEEP/PAGES")
    parser.add_argument("--pool-400", action="store_true", help="the fixed pool of 400 paragraphs (earlier runs)")
    parser.add_argument("--rss-log", type=Path, help="append the main process's and tree's RSS every second")
    parser.add_argument("--site-dir", type=Path, default=Path(tempfile.gettempdir()) / "geo-scale-sites")
    args = parser.parse_args()
    for pages in args.pages:
        print(json.dumps(run(pages, args)), flush=True)


if __name__ == "__main__":
    main()
