"""Rendering stage (`--render`): pages rendered in headless Chromium next to the raw fetch.

`render_stage(store, audit_id, options)` runs after the crawl and before scoring; a no-op when
the audit was not asked to render. It picks the pages (scoring.rendering.render_sample: one per
template plus a seeded share, or all), renders them in a child process — the crawl's Twisted reactor
has run and cannot be restarted in this one — through scrapy-playwright (spiders.render_spider), reads
the rendered DOM with the crawl's own extraction and stores it with each page (`PageRecord.rendered`).

A render that fails (no Chromium, a crash) never fails the audit: the pages keep a `RenderedView`
carrying the error, and the rendering checks say what was not measured.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from auditor.crawl import CrawlOptions
from auditor.store import Store
from scoring.core.records import RenderedView
from scoring.rendering import render_sample
from spiders.url_scope import ParamStripper, UrlScope, site_hosts

CHILD_TIMEOUT_PER_PAGE_S = 30.0  # a hung Chromium ends here at the latest (the audit's hard limit holds too)
CHILD_MIN_TIMEOUT_S = 120.0


def render_stage(store: Store, audit_id: int, options: CrawlOptions) -> None:
    """Render the sampled pages of a crawled audit (nothing without `--render`)."""
    if not options.render:
        return
    urls = render_sample(store.iter_pages(audit_id), options.render)
    artifacts = store.artifacts(audit_id)
    if not urls or artifacts is None:
        return
    results, failure = render_urls(urls, options)
    scope = url_scope(artifacts.root_url, options)
    for url in urls:
        record = store.page(audit_id, url)
        if record is None:
            continue
        raw = results.get(url)
        view = rendered_view(raw, url, scope) if raw else RenderedView(error=failure or "not rendered")
        store.update_page(audit_id, record.model_copy(update={"rendered": view}))
    if failure:
        print(f"rendering failed: {failure}; the pages are scored as fetched", file=sys.stderr)


def url_scope(root_url: str, options: CrawlOptions) -> UrlScope:
    """The crawl's URL space (as SiteSpider builds it), for reading links in the rendered DOM."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(root_url))
    apex = urlsplit(root_url).hostname or ""
    prefixes: tuple[str, ...] = ()
    if options.as_host:
        alias = urlsplit(options.as_host if "://" in options.as_host else f"https://{options.as_host}").netloc
        prefixes = tuple(f"{s}://{h}/" for h in site_hosts(f"//{alias.lower()}") for s in ("http", "https"))
    from spiders import settings as defaults

    strip = options.strip_params if options.strip_params is not None else defaults.GEO_STRIP_PARAMS
    return UrlScope(
        origin=origin,
        hosts=site_hosts(root_url),
        subdomains=options.subdomains,
        apex_suffix="." + apex.removeprefix("www."),
        alias_prefixes=prefixes,
        strip=ParamStripper(list(strip)),
    )


def rendered_view(raw: dict[str, Any], url: str, scope: UrlScope) -> RenderedView:
    """The RenderedView of one child result: the rendered HTML through the crawl's extraction."""
    from spiders.extract_workers import extract_response

    if raw.get("error") or not raw.get("html"):
        return RenderedView(error=raw.get("error") or "empty page", render_ms=raw.get("render_ms"))
    body = raw["html"].encode("utf-8")
    extracted = extract_response(body, "text/html; charset=utf-8", url, scope, ok=True, follow_refresh=False)
    fields = extracted.get("fields") or {}
    if not fields:
        return RenderedView(error=extracted.get("error") or "not analysed", render_ms=raw.get("render_ms"))
    keep = {k: fields[k] for k in RenderedView.model_fields if k in fields}
    return RenderedView(**keep, render_ms=raw.get("render_ms"), screenshot=raw.get("screenshot"))


def render_urls(urls: list[str], options: CrawlOptions) -> tuple[dict[str, dict[str, Any]], str | None]:
    """Render in a child process: url -> {html, screenshot, render_ms, error}, and what failed."""
    with tempfile.TemporaryDirectory(prefix="geo-render-") as work:
        job, out = Path(work, "job.json"), Path(work, "out.jsonl")
        job.write_text(json.dumps({"urls": urls, "options": asdict(options), "out": str(out)}))
        timeout = max(CHILD_MIN_TIMEOUT_S, CHILD_TIMEOUT_PER_PAGE_S * len(urls))
        root = str(Path(__file__).resolve().parent.parent)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "auditor.render_stage", str(job)],
                capture_output=True,
                text=True,
                timeout=timeout,
                env=env,
            )
            failure = None if proc.returncode == 0 else _last_line(proc.stderr) or f"exit code {proc.returncode}"
        except subprocess.TimeoutExpired:
            failure = f"rendering took longer than {timeout:.0f} s"
        results: dict[str, dict[str, Any]] = {}
        if out.exists():
            for line in out.read_text().splitlines():
                item = json.loads(line)
                results[item["url"]] = item
    if results and all(r.get("error") for r in results.values()) and failure is None:
        failure = next(iter(results.values()))["error"]
    return results, failure


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""


def _child(job_path: str) -> int:
    """The child process: render the job's URLs, one JSON line per page."""
    from auditor.crawl import run_render_crawl

    job = json.loads(Path(job_path).read_text())
    stored = dict(job["options"])
    for key in ("include", "exclude", "strip_params"):
        if stored.get(key) is not None:
            stored[key] = tuple(stored[key])
    options = CrawlOptions(**stored)
    if not Path(os.environ.get("GEO_AUDIT_CHROMIUM", "/usr/bin/chromium")).exists():
        print("no Chromium at /usr/bin/chromium (install the Debian package chromium)", file=sys.stderr)
        return 2
    with open(job["out"], "w", encoding="utf-8") as out:

        def write(item: Any) -> None:
            out.write(json.dumps(asdict(item)) + "\n")
            out.flush()

        run_render_crawl(job["urls"], options, write)
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1]))
