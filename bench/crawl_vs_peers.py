"""Crawl benchmark: geo-audit vs a bare Scrapy link follower vs advertools, one run, one site.

    python bench/crawl_vs_peers.py --pages 10050 --concurrency 16 --advertools-python /path/to/venv/bin/python

A generated site (bench/sitegen.py: 20–60 KB pages, ~50 internal links, nav/footer, articles) is
served by nginx on 127.0.0.1:80 (a port-less host: advertools ignores hosts with a port in its
allowed_domains). Then, one after the other, at the same concurrency, no delay, AutoThrottle off,
robots.txt obeyed:
  (a) bench/bare_spider.py — Scrapy following <a href> only: the ceiling;
  (b) advertools.crawl(follow_links=True) — the peer (its own venv: `pip install -e '.[bench]'`);
  (c) geo-audit audit --crawl-only — full extraction and the SQLite store.
Reported per crawler: pages, wall s, pages/s, CPU ms/page (user+sys of the whole process tree,
getrusage of waited children) and peak RSS of the process tree (sampled from /proc every 0.2 s).
Needs root for port 80 and nginx (Debian: apt-get install nginx-light).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sitegen import generate  # noqa: E402

NGINX_CONF = """worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types {{ text/html html; text/plain txt; }}
  client_body_temp_path {tmp}; proxy_temp_path {tmp}; fastcgi_temp_path {tmp}; uwsgi_temp_path {tmp};
  scgi_temp_path {tmp};
  server {{ listen 127.0.0.1:{port}; root {root}; index index.html; }}
}}
"""


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        stack.extend(children.get(current, []))
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def measure(name: str, cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_kb(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        print(f"{name} exited {proc.returncode}: {stderr[-2000:]}", file=sys.stderr)
    return {
        "name": name,
        "wall_s": wall,
        "cpu_s": cpu,
        "peak_rss_mb": peak / 1024,
        "stdout": stdout,
        "returncode": proc.returncode,
    }


def wait_port(port: int, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_050)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--site-dir", type=Path, default=Path(tempfile.gettempdir()) / "geo-bench-site")
    parser.add_argument(
        "--advertools-python",
        default=sys.executable,
        help="Python of a venv with advertools (its `scrapy` must be beside it)",
    )
    parser.add_argument("--only", default="a,b,c", help="Which crawlers: a (bare), b (advertools), c (geo-audit)")
    parser.add_argument("--port", type=int, default=80)
    parser.add_argument("--extract-workers", type=int, default=-1, help="GEO_EXTRACT_WORKERS for geo-audit")
    args = parser.parse_args()

    marker = args.site_dir / f".pages-{args.pages}"
    if not marker.exists():
        shutil.rmtree(args.site_dir, ignore_errors=True)
        args.site_dir.mkdir(parents=True)
        print(f"generating {generate(args.site_dir, args.pages)} pages in {args.site_dir}", file=sys.stderr)
        marker.touch()
    html_pages = sum(1 for _ in args.site_dir.rglob("index.html"))

    tmp = Path(tempfile.mkdtemp(prefix="geo-bench-"))
    conf = tmp / "nginx.conf"
    conf.write_text(NGINX_CONF.format(tmp=tmp, root=args.site_dir, port=args.port), encoding="utf-8")
    nginx = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(tmp)])
    host = "127.0.0.1" if args.port == 80 else f"127.0.0.1:{args.port}"
    url = f"http://{host}/"
    c = str(args.concurrency)
    results = []
    try:
        wait_port(args.port)
        if "a" in args.only:
            bare = [sys.executable, str(ROOT / "bench" / "bare_spider.py"), url, c]
            run = measure("(a) bare Scrapy link follower", bare, cwd=tmp)
            run["pages"] = json.loads(run["stdout"].strip().splitlines()[-1])["pages"]
            results.append(run)
        if "b" in args.only:
            out = tmp / "advertools.jl"
            code = (
                f"import advertools as adv; adv.crawl({url!r}, {str(out)!r}, follow_links=True, custom_settings="
                f"{{'CONCURRENT_REQUESTS': {c}, 'CONCURRENT_REQUESTS_PER_DOMAIN': {c}, 'DOWNLOAD_DELAY': 0, "
                f"'AUTOTHROTTLE_ENABLED': False, 'ROBOTSTXT_OBEY': True, 'LOG_LEVEL': 'ERROR'}})"
            )
            env = {**os.environ, "PATH": f"{Path(args.advertools_python).parent}:{os.environ['PATH']}"}
            # cwd outside the project: `scrapy runspider` would pick up our scrapy.cfg and settings
            run = measure("(b) advertools crawl(follow_links=True)", [args.advertools_python, "-c", code], env, tmp)
            run["pages"] = sum(1 for _ in out.open(encoding="utf-8")) if out.exists() else 0
            results.append(run)
        if "c" in args.only:
            geo = [
                sys.executable,
                "-m",
                "auditor.cli",
                "audit",
                url,
                "--crawl-only",
                "--json",
                "--db",
                str(tmp / "geo.db"),
                "--max-pages",
                str(args.pages * 2),
                "--max-depth",
                "10000",
                "--delay",
                "0",
                "-s",
                "AUTOTHROTTLE_ENABLED=false",
                "-s",
                f"CONCURRENT_REQUESTS={c}",
                "-s",
                f"CONCURRENT_REQUESTS_PER_DOMAIN={c}",
                "-s",
                f"GEO_EXTRACT_WORKERS={args.extract_workers}",
            ]
            run = measure("(c) geo-audit crawl, full extraction + store", geo, {**os.environ, "PYTHONPATH": str(ROOT)})
            run["pages"] = json.loads(run["stdout"])["pages"] if run["returncode"] == 0 else 0
            results.append(run)
    finally:
        nginx.terminate()
        nginx.wait()

    print(f"\nsite: {html_pages} HTML pages, concurrency {c}, load average before: {os.getloadavg()}")
    print("| crawler | pages | wall s | pages/s | CPU ms/page | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|")
    rate = {}
    for r in results:
        pps = r["pages"] / r["wall_s"] if r["wall_s"] else 0
        rate[r["name"][:3]] = pps
        cpu_ms = 1000 * r["cpu_s"] / r["pages"] if r["pages"] else 0
        print(f"| {r['name']} | {r['pages']} | {r['wall_s']:.1f} | {pps:.1f} | {cpu_ms:.1f} | {r['peak_rss_mb']:.0f} |")
    if "(c)" in rate:
        if rate.get("(b)"):
            print(f"\n(c)/(b) pages/s: {rate['(c)'] / rate['(b)']:.2f}x (target >= 1.5x)")
        if rate.get("(a)"):
            print(f"(c)/(a) pages/s: {rate['(c)'] / rate['(a)']:.0%} (target >= 75%)")


if __name__ == "__main__":
    main()
