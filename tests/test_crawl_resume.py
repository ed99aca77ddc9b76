"""Ctrl-C leaves a `partial` audit with every fetched page stored; `geo-audit resume` finishes it
without fetching (or storing) any page twice."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from auditor.store import Store
from tests.conftest import run_cli
from tests.fault_server import TreeSite

PAGES = 60


def _cli_env() -> dict[str, str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "HF_HUB_OFFLINE": "1"}
    env.pop("GEO_AUDIT_DEBUG", None)
    return env


def _stored(db) -> int:
    """Pages stored so far, read-only (the crawl process may still be creating the tables)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM pages").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_interrupt_then_resume(tmp_path):
    db = tmp_path / "audits.db"
    with TreeSite(pages=PAGES, delay_s=0.15) as site:
        origin = site.origin
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "auditor.cli",
                "audit",
                site.origin + "/",
                "--db",
                str(db),
                "--out",
                str(tmp_path / "out"),
                "--json",
                "--delay",
                "0",
                "-s",
                "AUTOTHROTTLE_ENABLED=false",
                "-s",
                "CONCURRENT_REQUESTS_PER_DOMAIN=2",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_cli_env(),
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not db.exists() or _stored(db) < 10):
            time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=60)
        assert proc.returncode == 130, stderr
        assert "Traceback" not in stderr and "geo-audit resume" in stderr

        store = Store(db)
        audit = store.list_audits(1)[0]
        assert audit.status == "partial"
        first = {r.url.removeprefix(site.origin) for r in store.iter_pages(audit.id)}
        fetched = {
            path for path in site.hits if path != "/robots.txt" and path != "/sitemap.xml" and path != "/llms.txt"
        }
        assert 10 <= len(first) < PAGES
        assert first == fetched  # every page the server answered is stored
        store.close()

        run = run_cli(
            "resume", str(audit.id), "--db", str(db), "--out", str(tmp_path / "out"), "--json", "--crawl-only"
        )
        assert run.returncode == 0, run.stderr
        assert json.loads(run.stdout)["pages"] == PAGES
        hits = {path: len(times) for path, times in site.hits.items()}

    store = Store(db)
    row = store.audit(audit.id)
    assert row.status == "complete" and row.pages == PAGES
    records = list(store.iter_pages(audit.id))
    urls = [r.url for r in records]
    assert len(urls) == len(set(urls)) == PAGES
    assert {r.url.removeprefix(origin) for r in records} >= first
    pages_fetched = {p: n for p, n in hits.items() if p == "/" or p.startswith("/p/")}
    assert all(n == 1 for n in pages_fetched.values()), pages_fetched  # nothing fetched twice
    depths = {r.url.removeprefix(origin): r.depth for r in records}
    assert depths["/"] == 0 and depths["/p/1"] == 1 and depths["/p/4"] == 2
    stats = store.artifacts(audit.id).crawl_stats
    assert stats.complete and stats.pages == PAGES and stats.status_counts == {"200": PAGES}
    store.close()
