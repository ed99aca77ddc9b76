"""`--render`: what AI crawlers see against the rendered page (issue 16), end to end.

The fixture site tests/sites/render/ runs on a real loopback server: a server-rendered article, a
client-rendered one (a script builds it from JSON), links inserted by a script, JSON-LD injected by a
script, a script that rewrites title, canonical and robots, and a Vue-style shell (<div id="app">).
The CLI audits it in a child process with `--render all` (real headless Chromium through
scrapy-playwright) and without `--render`; the report is opened in Chromium as well.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from auditor.serve import StaticSite
from scoring.core.records import PageRecord, RenderedView
from scoring.rendering import hidden_share, render_sample, template_key, url_pattern
from tests.conftest import SITES, run_cli

CHROMIUM = os.environ.get("GEO_AUDIT_CHROMIUM", "/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}")
RENDER_CHECKS = ("js-only-content", "js-only-links", "js-only-structured-data", "js-changed-head", "shell-page")


def _audit(tmp_path: Path, *extra: str) -> tuple[dict[str, Any], Path, str]:
    """Audit the render fixture site; (results.json, report folder, site origin)."""
    out = tmp_path / "out"
    with StaticSite(SITES / "render") as site:
        run = run_cli("audit", site.origin + "/", "--db", str(tmp_path / "a.db"), "--out", str(out), *extra)
        origin = site.origin
    assert run.returncode == 0, run.stderr
    return json.loads((out / "results.json").read_text()), out, origin


def _check(results: dict[str, Any], check_id: str) -> dict[str, Any]:
    return next(c for c in results["checks"] if c["id"] == check_id)


def _evidence_urls(check: dict[str, Any]) -> set[str]:
    return {e["url"] for e in check["evidence"]}


@needs_chromium
def test_render_finds_every_case_with_evidence(tmp_path: Path) -> None:
    results, out, origin = _audit(tmp_path, "--render", "all")
    url = lambda path: f"{origin}/{path}"  # noqa: E731

    content = _check(results, "js-only-content")
    assert content["state"] == "fail"
    assert _evidence_urls(content) == {url("ratgeber/client/"), url("app/")}
    client = next(e for e in content["evidence"] if e["url"] == url("ratgeber/client/"))
    assert "Schwarzwaldhof der Familie Kaiser" in client["excerpt"]  # text only the script writes
    rows = {r["url"]: r for r in content["details"]}
    assert rows[url("ratgeber/server/")]["hidden_percent"] == 0  # server-rendered: nothing hidden
    assert rows[url("ratgeber/client/")]["hidden_percent"] >= 50
    assert sum(1 for r in content["details"] if r["screenshot"]) == len({r["template"] for r in content["details"]})

    links = _check(results, "js-only-links")
    assert links["state"] == "fail"  # /hidden-target/ is linked by no <a href> in any HTML as sent
    targets = {r["target"] for r in links["details"]}
    assert url("hidden-target/") in targets
    assert url("links/") in _evidence_urls(links)

    data = _check(results, "js-only-structured-data")
    assert data["state"] in ("warn", "fail")
    assert [(e["url"], e["excerpt"]) for e in data["evidence"]] == [(url("jsonld/"), "LocalBusiness")]

    head = _check(results, "js-changed-head")
    assert head["state"] == "fail"  # canonical and robots rewritten
    fields = {r["field"] for r in head["details"] if r["url"] == url("head/")}
    assert fields == {"title", "canonical", "robots"}
    assert _evidence_urls(head) == {url("head/")}

    shell = _check(results, "shell-page")
    assert shell["state"] == "fail"
    assert _evidence_urls(shell) == {url("app/")}
    assert _check(results, "likely-shell")["state"] == "not_applicable"  # rendered pages are judged by shell-page

    # the crawl's link graph is untouched by rendering: /hidden-target/ was reached through <x-link> only
    html = (out / "report.html").read_text()
    assert 'id="rendering"' in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the hostile heading a script wrote stays text
    _open_report(out / "report.html")


@needs_chromium
def test_shell_detected_without_render(tmp_path: Path) -> None:
    results, out, origin = _audit(tmp_path)
    likely = _check(results, "likely-shell")
    assert likely["state"] in ("warn", "fail")  # one page judged, and it is a likely shell
    warned = [p for p in likely["pages"] if p["state"] == "warn"]
    assert [p["url"] for p in warned] == [f"{origin}/app/"]
    assert warned[0]["evidence"][0]["element"] == '<div id="app">'
    assert "--render" in warned[0]["reason"]
    # the shell's content is not rated from its empty HTML (no "thin", "no byline" on an empty page) ...
    content = [c for c in results["checks"] if c["category"] in ("expertise", "evidence", "depth")]
    rated = {c["id"] for c in content for p in c.get("pages") or [] if p["url"] == f"{origin}/app/"}
    assert not rated, rated
    # ... while the server-rendered pages are rated as before
    assert any(p["url"] != f"{origin}/app/" for p in _check(results, "thin-content")["pages"])
    for check_id in RENDER_CHECKS:  # nothing rendered: not measured, never a score
        check = _check(results, check_id)
        assert check["state"] == "not_applicable" and check["score"] is None, check_id
    html = (out / "report.html").read_text()
    assert 'id="rendering"' in html and "/app/" in html.split('id="rendering"', 1)[1]


def _open_report(path: Path) -> None:
    """The report in Chromium: the section's screenshots load from data: URIs, no console error,
    no request but the file itself, and the hostile text runs nothing."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        errors: list[str] = []
        requests: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: errors.append(f"dialog {d.message}"))
        page.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
        page.goto(path.as_uri())
        page.evaluate("document.getElementById('rendering').scrollIntoView()")
        shots = page.locator("#rendering img.render-shot")
        assert shots.count() >= 5
        shots.first.scroll_into_view_if_needed()
        page.wait_for_function("document.querySelector('#rendering img.render-shot').naturalWidth > 0")
        assert page.locator("#rendering img[src='x']").count() == 0
        browser.close()
    assert not errors, errors
    assert not requests, requests


# -- pure parts: the sample and the comparison ---------------------------------------------------------


def _page(path: str, shape: str, **fields: Any) -> PageRecord:
    base = {"status": 200, "content_type": "text/html", "dom_shape": shape}
    return PageRecord(url=f"https://www.example.de/{path}", **{**base, **fields})


def test_sample_is_one_page_per_template_plus_a_seeded_share() -> None:
    pages = [_page(f"ratgeber/artikel-{i}/", "aaaa") for i in range(400)]
    pages += [_page(f"leistungen/l-{i}/", "bbbb") for i in range(50)]
    pages += [_page("", "cccc"), _page("kontakt/", "dddd"), _page("impressum/", "dddd")]
    sample = render_sample(pages, "sample")
    templates = {template_key(p) for p in pages}
    assert len(templates) == 4  # /ratgeber/*/, /leistungen/*/, /, /*/ (kontakt and impressum share one)
    assert {template_key(p) for p in pages if p.url in sample} == templates
    assert len(templates) < len(sample) <= len(templates) + 20  # a small seeded share on top
    assert render_sample(list(reversed(pages)), "sample").__len__() == len(sample)
    assert set(render_sample(list(reversed(pages)), "sample")) - set(sample) <= {
        p.url for p in pages if p.url not in sample
    }
    assert render_sample(pages, "sample") == sample  # the same crawl, the same sample
    assert len(render_sample(pages, "all")) == len(pages)
    assert url_pattern("https://www.example.de/shop/p/12345/") == "/shop/p/*/"


def test_render_flag_takes_an_optional_mode() -> None:
    from auditor.options import render_argv

    assert render_argv(["audit", "--render", "https://x.de/"]) == ["audit", "--render", "sample", "https://x.de/"]
    assert render_argv(["audit", "https://x.de/", "--render"]) == ["audit", "https://x.de/", "--render", "sample"]
    assert render_argv(["audit", "--render", "all", "https://x.de/"]) == ["audit", "--render", "all", "https://x.de/"]
    run = run_cli("audit", "https://www.example.de/", "--render=everything")
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert run.stderr.strip().count("\n") == 0 and "--render takes sample or all" in run.stderr


def test_hidden_share_counts_words_missing_from_the_html() -> None:
    assert hidden_share("eins zwei drei", "eins zwei drei") == 0
    assert hidden_share("", "eins zwei drei vier") == 1
    assert hidden_share("eins zwei", "eins zwei drei vier") == 0.5
    assert hidden_share("eins", "eins eins") == 0.5  # a repeated word counts once per occurrence
    view = RenderedView(main_text="x", word_count=1)
    assert _page("a/", "s", rendered=view).rendered == view
