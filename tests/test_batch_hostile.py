"""Hostile batch files and portfolios (issue 18, item 4): every client gets a report folder of its own
inside the batch folder, a batch file cannot point one anywhere else (or at a `javascript:` URL),
and the portfolio links only to files and runs no script but its own — checked in real Chromium.
"""

from __future__ import annotations

import html
import json
import re
from contextlib import ExitStack
from dataclasses import asdict
from pathlib import Path

import pytest

from auditor.store import Store
from tests.batch_sites import client_toml, serve_sites, unreachable_url
from tests.conftest import run_cli
from tests.test_browser import Loaded, browser  # noqa: F401  (browser: the Chromium fixture)

HOSTILE_OUTS = [
    ("/tmp/geo-audit-elsewhere", "absolute path"),
    ("../elsewhere", "leaves the batch folder"),
    ("a/../../elsewhere", "leaves the batch folder"),
    ("javascript:alert(document.domain)", "not a folder name"),
    ("https://evil.example/x", "not a folder name"),
    (".", "batch folder itself"),
]


@pytest.mark.parametrize(("out", "problem"), HOSTILE_OUTS, ids=[o for o, _ in HOSTILE_OUTS])
def test_a_client_folder_outside_the_batch_folder_is_refused(tmp_path, out, problem):
    batch_file = tmp_path / "kunden" / "clients.toml"
    batch_file.parent.mkdir()
    batch_file.write_text(
        '[batch]\nout = "berichte"\n'
        + client_toml("Gute GmbH", unreachable_url())
        + client_toml("Böse AG", unreachable_url(), out=out),
        encoding="utf-8",
    )
    run = run_cli("batch", str(batch_file), "--db", str(tmp_path / "a.db"), timeout=120)
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert run.returncode == 1 and len(lines) == 1, run.stderr
    assert lines[0].startswith("error: ") and "Böse AG" in lines[0] and problem in lines[0], lines[0]
    assert "Traceback" not in run.stderr
    # refused before any client ran: nothing written anywhere
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kunden"]
    assert sorted(p.name for p in batch_file.parent.iterdir()) == ["clients.toml"]


def test_bad_client_urls_are_refused_before_any_client_runs(tmp_path):
    batch_file = tmp_path / "clients.toml"
    batch_file.write_text(client_toml("Port GmbH", "http://127.0.0.1:99999/"), encoding="utf-8")
    run = run_cli("batch", str(batch_file), "--db", str(tmp_path / "a.db"), timeout=120)
    assert run.returncode == 1 and run.stderr.count("\n") == 1, run.stderr
    assert run.stderr.startswith("error: ") and "Port GmbH" in run.stderr and "65535" in run.stderr
    assert not (tmp_path / "clients-reports").exists()


def test_similar_names_get_their_own_folders_reports_and_links(tmp_path):
    """ "Müller GmbH" and "Mueller GmbH" both slug to mueller-gmbh: once both wrote there and both
    portfolio rows linked to the same report. A client name full of escape sequences stays text in
    the live table."""
    with ExitStack() as stack:
        (_, first), (_, second) = serve_sites(stack, 2)
        origins = (first.origin + "/", second.origin + "/")
        toml = (
            '[batch]\nname = "aehnlich"\nout = "berichte"\njobs = 2\n[defaults]\nmax_pages = 10\ndelay = 0\n'
            + client_toml("Müller GmbH", first.origin + "/")
            + client_toml("Mueller GmbH", second.origin + "/")
            + '[[clients]]\nname = "Escape \\u001b]0;pwned\\u0007\\u001b[2J Ltd"\nurl = "'
            + unreachable_url()
            + '"\n'
        )
        batch_file = tmp_path / "clients.toml"
        batch_file.write_text(toml, encoding="utf-8")
        run = run_cli("batch", str(batch_file), "--db", str(tmp_path / "a.db"), timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Escape" in run.stderr and "pwned" in run.stderr  # the live table's last state, as text ...
    assert not any(c in run.stderr for c in "\x1b\x07"), repr(run.stderr[-2000:])  # ... without its escapes
    store = Store(tmp_path / "a.db")
    items = {i.client: asdict(i) for i in store.batch_items(store.list_batches(1)[0].id)}
    store.close()
    mueller, mueller2 = items["Müller GmbH"], items["Mueller GmbH"]
    assert mueller["status"] == mueller2["status"] == "done", (mueller["error"], mueller2["error"])
    assert Path(mueller["report"]) != Path(mueller2["report"])
    for item, origin in zip((mueller, mueller2), origins, strict=True):  # each folder: its own site's report
        results = json.loads(Path(item["report"]).with_name("results.json").read_text())
        assert results["site"] == origin
    root = tmp_path / "berichte"
    assert {Path(i["report"]).parent.name for i in (mueller, mueller2)} == {"mueller-gmbh", "mueller-gmbh-2"}
    portfolio = (root / "portfolio.html").read_text()
    links = re.findall(r'<a href="([^"]+)">', portfolio)
    assert sorted(links) == ["mueller-gmbh-2/report.html", "mueller-gmbh/report.html"]
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', portfolio)
    assert policy and "default-src 'none'" in html.unescape(policy.group(1))


def test_portfolio_links_only_to_files_and_runs_only_its_own_script(tmp_path, browser):  # noqa: F811
    """A store written before out was checked: a client's report lies in a folder named
    `javascript:alert(document.domain)`. The portfolio's link to it must open the file, not run the
    script, and the page's CSP must stop an injected handler while its own sort script works."""
    root = tmp_path / "berichte"
    hostile = root / "javascript:alert(document.domain)"
    plain = root / "gute-gmbh"
    for folder, title in ((hostile, "hostile report"), (plain, "plain report")):
        folder.mkdir(parents=True)
        (folder / "report.html").write_text(f"<!doctype html><title>{title}</title><p>{title}</p>")
    db = tmp_path / "a.db"
    store = Store(db)
    batch_id = store.create_batch("alt")
    clients = [("Böse AG", "https://boese.example/", str(hostile)), ("Gute GmbH", "https://gut.example/", str(plain))]
    store.add_batch_items(batch_id, clients)
    for client, folder in (("Böse AG", hostile), ("Gute GmbH", plain)):
        store.update_item(batch_id, client, status="done", report=str(folder / "report.html"), pages=3)
    store.finish_batch(batch_id, "complete")
    store.close()
    run = run_cli("portfolio", "--batch", "alt", "--db", str(db), "--out", str(root))
    assert run.returncode == 0, run.stderr

    loaded = Loaded(browser, root / "portfolio.html")
    try:
        page = loaded.page
        assert page.locator("meta[http-equiv='Content-Security-Policy']").count() == 1
        # its own script runs (allowed by its hash): the table sorts
        header = page.locator("#portfolio thead th").first
        header.click()
        assert header.get_attribute("aria-sort") == "ascending"
        # an injected inline handler does not run
        page.evaluate(
            "document.body.insertAdjacentHTML('beforeend', '<img src=\"data:,x\" onerror=\"window.pwned = 1\">')"
        )
        page.wait_for_timeout(300)
        assert page.evaluate("window.pwned") is None
        # the hostile folder's link is a file link: clicking it opens the report, runs nothing
        link = page.locator("tr", has_text="Böse AG").locator("a")
        assert not link.get_attribute("href").lower().startswith("javascript:")
        link.click()
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        assert loaded.dialogs == []
        assert page.url.startswith("file://") and page.url.endswith("/report.html")
        assert page.title() == "hostile report"
    finally:
        loaded.close()
