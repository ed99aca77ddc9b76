"""What `--render sample` costs: `python bench/render_bench.py --pages 3000 [--render-mode sample]`.

Generates a static site of `--pages` pages built from 10 templates (10 URL sections, each with its own
layout; three of them client-rendered: a script writes the article from JSON into <div id="app">),
serves it on 127.0.0.1 and runs the whole audit (`geo-audit audit`) twice in one run — without
`--render`, then with `--render sample` — at the same settings (no politeness delay, AutoThrottle off,
8 requests per domain, so the ratio measures our work, not waiting). Prints both wall times, the ratio,
how many pages were rendered and the rendering cost per page (the render stage's share of the wall
time divided by the pages rendered, and the mean navigation-to-screenshot time per page).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.serve import StaticSite  # noqa: E402

TEMPLATES = 10
CLIENT_RENDERED = {7, 8, 9}  # templates whose article a script writes
WORDS = (
    "Wärmepumpe Heizung Energie Effizienz Installation Wartung Kosten Förderung Dach Solar Speicher Strom Netz "
    "Kunde Beratung Planung Montage Qualität Erfahrung Betrieb Leistung Jahr Haus Gebäude Sanierung Altbau"
).split()
SETTINGS = ["--delay", "0", "-s", "AUTOTHROTTLE_ENABLED=false", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8"]


def _text(rng: random.Random, paragraphs: int) -> list[str]:
    return [
        " ".join(" ".join(rng.choices(WORDS, k=rng.randint(8, 18))).capitalize() + "." for _ in range(4))
        for _ in range(paragraphs)
    ]


def _page(t: int, i: int, per: int, rng: random.Random) -> str:
    """Page i of template t: a layout of its own (wrapper, sidebar, columns), links to its neighbours."""
    nav = "".join(f"<a href='/t{k}/0/'>Bereich {k}</a> " for k in range(TEMPLATES))
    siblings = "".join(f"<li><a href='/t{t}/{(i + d) % per}/'>Seite {(i + d) % per}</a></li>" for d in (1, 2, 3))
    paragraphs = _text(rng, 6)
    wrappers = "".join(f"<div class='w{t}-{level}'>" for level in range(t % 4 + 1))
    close = "</div>" * (t % 4 + 1)
    aside = f"<aside class='side{t}'><ul>{siblings}</ul></aside>" if t % 2 else f"<ul class='rel{t}'>{siblings}</ul>"
    title = f"Thema {t}-{i}"
    if t in CLIENT_RENDERED:
        data = json.dumps({"title": title, "paragraphs": paragraphs})
        body = (
            f"<div id='app'></div><script type='application/json' id='data'>{data}</script>"
            "<script>const d=JSON.parse(document.getElementById('data').textContent);"
            "const m=document.createElement('main');m.innerHTML='<h1></h1>';m.firstChild.textContent=d.title;"
            "for(const p of d.paragraphs){const e=document.createElement('p');e.textContent=p;m.appendChild(e)}"
            "document.getElementById('app').appendChild(m);</script>"
        )
    else:
        body = (
            f"<main><article class='a{t}'><h1>{title}</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs)
            + "</article></main>"
        )
    return (
        f"<!doctype html><html lang='de'><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<header><nav>{nav}</nav></header>{wrappers}{body}{aside}{close}<footer><a href='/'>Start</a></footer>"
        "</body></html>"
    )


def generate(out: Path, pages: int, seed: int = 16) -> int:
    """`pages` pages (home included) in 10 templates; a sitemap lists them all."""
    rng = random.Random(seed)
    per = max(1, (pages - 1) // TEMPLATES)
    urls = ["/"]
    home = "".join(f"<a href='/t{t}/0/'>Bereich {t}</a> " for t in range(TEMPLATES))
    (out / "index.html").write_text(
        f"<!doctype html><html lang='de'><head><title>Start</title></head><body>{home}</body></html>"
    )
    for t in range(TEMPLATES):
        for i in range(per):
            folder = out / f"t{t}" / str(i)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "index.html").write_text(_page(t, i, per, rng))
            urls.append(f"/t{t}/{i}/")
    (out / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    return len(urls)


def audit(origin: str, db: Path, out: Path, pages: int, render: str | None) -> float:
    args = [sys.executable, "-m", "auditor.cli", "audit", origin + "/", "--db", str(db), "--out", str(out)]
    args += ["--max-pages", str(pages + 10), "--max-depth", "10000", "--json", *SETTINGS]
    if render:
        args += ["--render", render]
    start = time.perf_counter()
    run = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"audit failed: {run.stderr.strip().splitlines()[-1:]}")
    return elapsed


def stage_seconds(db: Path, mode: str) -> float:
    """The render stage alone, timed on the stored crawl of the audit without --render (the same
    call the pipeline makes; this process runs no reactor, the stage renders in its child)."""
    from auditor.crawl import CrawlOptions
    from auditor.render_stage import render_stage
    from auditor.store import Store

    options = CrawlOptions(delay_s=0, overrides={"AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 8})
    with Store(db) as store:
        audit_id = store.list_audits(1)[0].id
        start = time.perf_counter()
        render_stage(store, audit_id, dataclasses.replace(options, render=mode))
        return time.perf_counter() - start


def rendered_stats(db: Path) -> tuple[int, float, int]:
    """(pages rendered, mean render ms per page, pages crawled) from the store."""
    rows = sqlite3.connect(db).execute("select record from pages").fetchall()
    views = [json.loads(r[0]).get("rendered") for r in rows]
    done = [v for v in views if v and not v.get("error")]
    mean = sum(v.get("render_ms") or 0 for v in done) / len(done) if done else 0.0
    return len(done), mean, len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--render-mode", default="sample", choices=("sample", "all"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="render-bench-") as work:
        site_dir = Path(work, "site")
        site_dir.mkdir()
        total = generate(site_dir, args.pages)
        with StaticSite(site_dir) as site:
            plain = audit(site.origin, Path(work, "plain.db"), Path(work, "plain"), total, None)
            rendered = audit(site.origin, Path(work, "render.db"), Path(work, "render"), total, args.render_mode)
            stage = stage_seconds(Path(work, "plain.db"), args.render_mode)
        count, mean_ms, crawled = rendered_stats(Path(work, "render.db"))
    added = rendered - plain
    print(f"site: {total} pages generated, {crawled} crawled, {TEMPLATES} templates")
    print(f"audit without --render: {plain:.1f} s")
    print(f"audit with --render {args.render_mode}: {rendered:.1f} s ({count} pages rendered)")
    print(f"difference of the two audits: {added:+.1f} s = {100 * added / plain:+.0f} % (includes load noise)")
    print(f"render stage alone (same crawl, timed): {stage:.1f} s = {100 * stage / plain:.1f} % of the audit")
    if count:
        print(
            f"rendering cost per page: {stage / count:.2f} s of stage wall time (Chromium start included), "
            f"{mean_ms:.0f} ms navigation to screenshot per page (8 at a time)"
        )


if __name__ == "__main__":
    main()
