"""Crawl benchmark: geo-audit vs a bare Scrapy link follower vs advertools, one run, one site.

    python bench/crawl_vs_peers.py --pages 10050 --concurrency 16 --advertools-python /path/to/venv/bin/python
    python bench/crawl_vs_peers.py --real-site /tmp/geo-realworld/opengis --real-host www.opengis.ch \
        --only a,b,c,d --advertools-python /tmp/advenv/bin/python [--compare-root /tmp/old-checkout]

A generated site (bench/sitegen.py: 20–60 KB pages, ~50 internal links, nav/footer, articles), or
with `--real-site` a site of the real corpus (bench/realworld/export.py exports it), is served by
nginx on 127.0.0.1:80 (a port-less host: advertools ignores hosts with a port in its
allowed_domains). A real site links to its production host: a copy of it is served with
`https://HOST` / `http://HOST` / `//HOST` rewritten to `http://127.0.0.1` in its HTML, XML and
text files (`--real-host`), so every crawler can follow the same links. Then, one after the other,
at the same concurrency, no delay, AutoThrottle off, robots.txt obeyed:
  (a) bench/bare_spider.py — Scrapy following <a href> only: the ceiling;
  (b) advertools.crawl(follow_links=True) — the peer (its own venv: `pip install -e '.[bench]'`);
  (c) geo-audit audit --crawl-only — full extraction and the SQLite store;
  (d) geo-audit audit — the full audit without LLM: crawl, embeddings, score, reports.
`--compare-root DIR` runs (c) and (d) a second time with another checkout of this project on
PYTHONPATH (a `git worktree` of an older commit), interleaved: c, c-old, d, d-old — before/after
figures from one run under the same load. `--repeat N` repeats the whole sequence.
Reported per crawler: pages reached (HTML pages with status 200 where the crawler records it),
pages, wall s, pages/s, CPU ms/page (user+sys of the whole process tree, getrusage of waited
children) and peak RSS of the process tree (sampled from /proc every 0.2 s).
Needs root for port 80 and nginx (Debian: apt-get install nginx-light); advertools in its own venv
(`python -m venv /tmp/advenv && /tmp/advenv/bin/pip install advertools`).
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


_REWRITTEN = (".html", ".htm", ".xml", ".txt")


def serve_copy(real_site: Path, host: str, target: Path) -> Path:
    """A copy of an exported real site whose links to its production host point at 127.0.0.1
    (made once per site and host; the marker file says it is complete)."""
    marker = target / f".copy-of-{host}"
    if marker.exists():
        return target
    shutil.rmtree(target, ignore_errors=True)
    origins = [f"{scheme}{host}".encode() for scheme in ("https://", "http://", "//")]
    for source in real_site.rglob("*"):
        if not source.is_file():
            continue
        dest = target / source.relative_to(real_site)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix.lower() in _REWRITTEN:
            body = source.read_bytes()
            for origin in origins:
                body = body.replace(origin, b"http://127.0.0.1")
            dest.write_bytes(body)
        else:
            shutil.copyfile(source, dest)
    marker.touch()
    return target


def reached_in_db(db: Path) -> int:
    """HTML pages with status 200 in a geo-audit store."""
    import sqlite3

    with sqlite3.connect(db) as con:
        row = con.execute(
            "select count(*) from pages where status = 200 and "
            "coalesce(json_extract(record, '$.content_type'), '') like '%html%'"
        ).fetchone()
    return int(row[0])


def reached_in_jl(path: Path) -> int:
    """HTML pages with status 200 in advertools' output."""
    reached = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            kind = str(row.get("resp_headers_Content-Type") or row.get("resp_headers_content-type") or "")
            reached += row.get("status") == 200 and "html" in kind
    return reached


def geo_command(url: str, tmp: Path, tag: str, args: argparse.Namespace, *, full: bool) -> list[str]:
    c = str(args.concurrency)
    cmd = [sys.executable, "-m", "auditor.cli", "audit", url, "--json", "--db", str(tmp / f"{tag}.db")]
    cmd += ["--out", str(tmp / f"{tag}-out"), "--llm", "none"] if full else ["--crawl-only"]
    return cmd + [
        "--max-pages",
        str(max(args.pages, 100_000) * 2),
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


def run_geo(name: str, url: str, tmp: Path, tag: str, args: argparse.Namespace, root: Path, *, full: bool) -> dict:
    env = {**os.environ, "PYTHONPATH": str(root)}
    run = measure(name, geo_command(url, tmp, tag, args, full=full), env, cwd=root)
    run["pages"] = json.loads(run["stdout"]).get("pages", 0) if run["returncode"] == 0 else 0
    db = tmp / f"{tag}.db"
    run["reached"] = reached_in_db(db) if db.exists() else 0
    return run


def sequence(url: str, tmp: Path, args: argparse.Namespace, round_no: int) -> list[dict]:
    """One round: each chosen crawler once, geo-audit's old checkout right after the current one."""
    c = str(args.concurrency)
    results = []
    only = args.only.split(",")
    if "a" in only:
        bare = [sys.executable, str(ROOT / "bench" / "bare_spider.py"), url, c]
        run = measure("(a) bare Scrapy link follower", bare, cwd=tmp)
        last = json.loads(run["stdout"].strip().splitlines()[-1]) if run["returncode"] == 0 else {}
        run["pages"], run["reached"] = last.get("pages", 0), last.get("reached", 0)
        results.append(run)
    if "b" in only:
        out = tmp / f"advertools-{round_no}.jl"
        code = (
            f"import advertools as adv; adv.crawl({url!r}, {str(out)!r}, follow_links=True, custom_settings="
            f"{{'CONCURRENT_REQUESTS': {c}, 'CONCURRENT_REQUESTS_PER_DOMAIN': {c}, 'DOWNLOAD_DELAY': 0, "
            f"'AUTOTHROTTLE_ENABLED': False, 'ROBOTSTXT_OBEY': True, 'LOG_LEVEL': 'ERROR'}})"
        )
        env = {**os.environ, "PATH": f"{Path(args.advertools_python).parent}:{os.environ['PATH']}"}
        # cwd outside the project: `scrapy runspider` would pick up our scrapy.cfg and settings
        run = measure("(b) advertools crawl(follow_links=True)", [args.advertools_python, "-c", code], env, tmp)
        run["pages"] = sum(1 for _ in out.open(encoding="utf-8")) if out.exists() else 0
        run["reached"] = reached_in_jl(out) if out.exists() else 0
        results.append(run)
    for key, full, label in (("c", False, "geo-audit --crawl-only"), ("d", True, "geo-audit full audit, no LLM")):
        if key not in only:
            continue
        results.append(run_geo(f"({key}) {label}", url, tmp, f"{key}{round_no}", args, ROOT, full=full))
        if args.compare_root:
            name = f"({key}-old) {label}, {args.compare_root.name}"
            results.append(run_geo(name, url, tmp, f"{key}old{round_no}", args, args.compare_root, full=full))
    return results


def report(results: list[dict], site: str, load: tuple[float, ...]) -> None:
    print(f"\nsite: {site}, concurrency {results and results[0].get('concurrency')}, load average before: {load}")
    print("| crawler | pages reached (HTML, 200) | responses | wall s | pages/s | CPU ms/page | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    rate: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    wall: dict[str, list[float]] = {}
    for r in results:
        pps = r["reached"] / r["wall_s"] if r["wall_s"] else 0
        cpu_ms = 1000 * r["cpu_s"] / r["reached"] if r["reached"] else 0
        key = r["name"].split(")")[0] + ")"
        rate.setdefault(key, []).append(pps)
        cpu.setdefault(key, []).append(cpu_ms)
        wall.setdefault(key, []).append(r["wall_s"])
        print(
            f"| {r['name']} | {r['reached']} | {r['pages']} | {r['wall_s']:.1f} | {pps:.1f} | {cpu_ms:.1f} "
            f"| {r['peak_rss_mb']:.0f} |"
        )
    print("\n(pages/s and CPU ms/page per page reached; ratios of the medians over the rounds)")

    def med(values: list[float]) -> float:
        return sorted(values)[len(values) // 2]

    for new, old in (("(c)", "(b)"), ("(c-old)", "(b)")):
        if rate.get(new) and rate.get(old):
            print(
                f"{new}/{old} pages/s: {med(rate[new]) / med(rate[old]):.2f}x (target >= 1.5x); "
                f"CPU ms/page: {med(cpu[new]) / med(cpu[old]):.2f}x (target <= 0.75x)"
            )
    for full, crawl in (("(d)", "(c)"), ("(d-old)", "(c-old)")):
        if wall.get(full) and wall.get(crawl):
            print(f"{full}/{crawl} wall time: {med(wall[full]) / med(wall[crawl]):.2f}x (target <= 1.5x)")
    if rate.get("(c)") and rate.get("(a)"):
        print(f"(c)/(a) pages/s: {med(rate['(c)']) / med(rate['(a)']):.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_050, help="pages of the generated site")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument(
        "--site-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "geo-bench-site",
        help="where the generated site is written",
    )
    parser.add_argument("--real-site", type=Path, help="serve this exported real site instead of a generated one")
    parser.add_argument("--real-host", help="the real site's production host (its links to it are rewritten)")
    parser.add_argument(
        "--advertools-python",
        default=sys.executable,
        help="Python of a venv with advertools (its `scrapy` must be beside it)",
    )
    parser.add_argument(
        "--only", default="a,b,c", help="Which: a (bare), b (advertools), c (geo-audit crawl-only), d (full audit)"
    )
    parser.add_argument("--compare-root", type=Path, help="another checkout: (c) and (d) again with its code")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of the whole sequence")
    parser.add_argument("--port", type=int, default=80)
    parser.add_argument("--extract-workers", type=int, default=-1, help="GEO_EXTRACT_WORKERS for geo-audit")
    args = parser.parse_args()

    if args.real_site:
        if not args.real_host:
            raise SystemExit("--real-site needs --real-host (the production host its links name)")
        if not args.real_site.is_dir():
            raise SystemExit(f"--real-site: no directory {args.real_site}")
        serve_root = serve_copy(
            args.real_site, args.real_host, Path(tempfile.gettempdir()) / f"geo-bench-{args.real_site.name}"
        )
        html_pages = sum(1 for _ in serve_root.rglob("*.html"))
        site = f"{args.real_site.name} (real, {html_pages} HTML files)"
    else:
        marker = args.site_dir / f".pages-{args.pages}"
        if not marker.exists():
            shutil.rmtree(args.site_dir, ignore_errors=True)
            args.site_dir.mkdir(parents=True)
            print(f"generating {generate(args.site_dir, args.pages)} pages in {args.site_dir}", file=sys.stderr)
            marker.touch()
        serve_root = args.site_dir
        site = f"generated, {sum(1 for _ in args.site_dir.rglob('index.html'))} HTML pages"

    tmp = Path(tempfile.mkdtemp(prefix="geo-bench-"))
    conf = tmp / "nginx.conf"
    conf.write_text(NGINX_CONF.format(tmp=tmp, root=serve_root, port=args.port), encoding="utf-8")
    nginx = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(tmp)])
    host = "127.0.0.1" if args.port == 80 else f"127.0.0.1:{args.port}"
    url = f"http://{host}/"
    load = os.getloadavg()
    results = []
    try:
        wait_port(args.port)
        for round_no in range(args.repeat):
            for run in sequence(url, tmp, args, round_no):
                run["concurrency"] = args.concurrency
                results.append(run)
                print(f"{run['name']}: {run['reached']} reached, {run['wall_s']:.1f} s", file=sys.stderr)
    finally:
        nginx.terminate()
        nginx.wait()
    report(results, site, load)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
