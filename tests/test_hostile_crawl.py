"""Hostile sites and faults (issue 18): robots.txt obeyed by every request however many wait for it,
one crawl per audit at a time (a lock in the store), a server that dies mid-crawl is no complete
audit, no process of an audit outlives it (kill -9, hard --timeout).

Real parts only: loopback servers (tests/hostile_server.py), the CLI in a subprocess, SQLite files
and a real PostgreSQL server for the store lock."""

from __future__ import annotations

import itertools
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import insert, select, update

import auditor.store as store_module
from auditor.crawl import CrawlOptions, descendants, kill_processes
from auditor.runner import crawl_settings_record
from auditor.store import AuditLocked, Store, StoreSink, audit_locks
from scoring.core.records import BLOCKED_BY_ROBOTS, Link, PageRecord
from tests.conftest import run_cli
from tests.hostile_server import DISALLOW_ALL, HostileSite

ROOT = Path(__file__).resolve().parent.parent
_names = itertools.count()


def _env() -> dict[str, str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "HF_HUB_OFFLINE": "1"}
    env.pop("GEO_AUDIT_DEBUG", None)
    return env


def _one_line_error(run, fragment: str) -> str:
    assert run.returncode != 0, run.stdout
    assert "Traceback" not in run.stderr + run.stdout
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, run.stderr
    assert fragment in lines[0], lines[0]
    return lines[0]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] not in (b"Z", b"X")
    except FileNotFoundError:
        return False


def _wait_gone(pids, seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.1)
    return [p for p in pids if _alive(p)]


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM pages").fetchone()[0]
    except sqlite3.Error:
        return 0


# -- robots.txt (item 2) -------------------------------------------------------------------------
def _partial_audit_with_frontier(db: Path, origin: str, pages: int, concurrency: int) -> int:
    """A partial audit whose home page is stored and links to /p/1 ... : resuming it seeds every
    one of them at once (with llms.txt and /sitemap.xml), all before robots.txt has arrived."""
    store = Store(db)
    options = CrawlOptions(
        max_pages=100, delay_s=0.0, concurrency=concurrency, overrides={"AUTOTHROTTLE_ENABLED": False}
    )
    settings = {"url": origin + "/", "max_pages": 100, "max_depth": 10, "crawl": crawl_settings_record(options)}
    audit_id = store.create_audit(origin + "/", settings)
    sink = StoreSink(store, audit_id)
    links = [Link(url=f"{origin}/p/{n}", internal=True) for n in range(1, pages)]
    sink.add_page(
        PageRecord(url=origin + "/", status=200, content_type="text/html", depth=0, links=links, final_url=origin + "/")
    )
    sink.flush()
    store.mark(audit_id, "partial", "crawl interrupted")
    store.close()
    return audit_id


@pytest.mark.parametrize("concurrency", [1, 8])
def test_robots_disallow_all_is_obeyed_by_every_concurrent_request(tmp_path, concurrency):
    db = tmp_path / "audits.db"
    pages = 12
    # robots.txt answers slowly: the start URL, llms.txt and the sitemap (and on resume a dozen
    # seeds) all wait for it at the same moment
    with HostileSite(pages=pages, robots=DISALLOW_ALL, robots_delay_s=0.5) as site:
        settings = ["-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={concurrency}", "-s", "AUTOTHROTTLE_ENABLED=false"]
        run = run_cli(
            "audit", site.origin + "/", "--db", str(db), "--out", str(tmp_path / "out"), "--delay", "0", *settings
        )
        _one_line_error(run, f"cannot fetch {site.origin}/: {BLOCKED_BY_ROBOTS}")
        assert set(site.hits) == {"/robots.txt"}, dict(site.hits)

        audit_id = _partial_audit_with_frontier(db, site.origin, pages, concurrency)
        site.hits.clear()
        run = run_cli("resume", str(audit_id), "--db", str(db), "--json", "--crawl-only")
        assert run.returncode == 0, run.stderr
        assert set(site.hits) == {"/robots.txt"}, dict(site.hits)  # not one page, sitemap or llms.txt
        origin = site.origin

    store = Store(db)
    records = {r.url.removeprefix(origin): r for r in store.iter_pages(audit_id)}
    store.close()
    assert len(records) == pages
    for n in range(1, pages):
        assert records[f"/p/{n}"].error == BLOCKED_BY_ROBOTS and records[f"/p/{n}"].status is None


# -- the audit lock (item 5) -----------------------------------------------------------------------
@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        url = str(tmp_path / "audits.db")
    else:
        url = request.getfixturevalue("postgres_server").create_database(f"hostile_{next(_names)}")
    store = Store(url)
    assert store.engine.dialect.name == request.param
    yield store
    store.close()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_audit_lock_refuses_a_second_holder_and_takes_over_stale_ones(store, monkeypatch):
    monkeypatch.setattr(store_module, "LOCK_HEARTBEAT_S", 0.1)
    audit_id = store.create_audit("https://a.example/", {}, lock=True)
    lock = store.audit_lock(audit_id)
    assert (lock.host, lock.pid) == (socket.gethostname(), os.getpid()) and lock.mine()
    other = Store(store.url)
    with pytest.raises(AuditLocked) as refused:  # this very process crawls it already
        other.lock_audit(audit_id)
    assert f"process {os.getpid()} on {socket.gethostname()}" in str(refused.value)
    assert "\n" not in str(refused.value)
    time.sleep(0.5)  # the holder's heartbeat goes on
    assert store.audit_lock(audit_id).heartbeat > lock.heartbeat
    store.unlock_audit(audit_id)
    assert store.audit_lock(audit_id) is None

    # a holder on this host whose process is gone (kill -9): stale, taken over
    with store.engine.begin() as conn:
        conn.execute(
            insert(audit_locks).values(
                audit_id=audit_id, host=socket.gethostname(), pid=_dead_pid(), acquired=1.0, heartbeat=time.time()
            )
        )
    other.lock_audit(audit_id)
    assert other.audit_lock(audit_id).mine()
    other.unlock_audit(audit_id)

    # a holder on another machine: alive while its heartbeat goes on, stale once it stops
    with store.engine.begin() as conn:
        conn.execute(
            insert(audit_locks).values(
                audit_id=audit_id, host="worker-7.example", pid=os.getpid(), acquired=1.0, heartbeat=time.time()
            )
        )
    with pytest.raises(AuditLocked, match="worker-7.example"):
        other.lock_audit(audit_id)
    store.unlock_audit(audit_id)  # not ours: stays
    assert store.audit_lock(audit_id).host == "worker-7.example"
    with store.engine.begin() as conn:
        stale = time.time() - store_module.LOCK_STALE_S - 5
        conn.execute(update(audit_locks).where(audit_locks.c.audit_id == audit_id).values(heartbeat=stale))
    other.lock_audit(audit_id)
    with store.engine.connect() as conn:
        assert conn.execute(select(audit_locks.c.host)).scalars().all() == [socket.gethostname()]
    other.close()


def _start_audit(site: HostileSite, db: Path, tmp_path: Path, *extra: str) -> subprocess.Popen:
    """The CLI auditing `site` in the background; its output goes to files (tmp_path/stdout,
    tmp_path/stderr): a pipe would stay open as long as any orphaned worker holds a copy."""
    return subprocess.Popen(
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
            "--crawl-only",
            "--delay",
            "0",
            "-s",
            "AUTOTHROTTLE_ENABLED=false",
            "-s",
            "GEO_EXTRACT_WORKERS=2",  # worker processes, whatever the machine's cores
            *extra,
        ],
        stdout=(tmp_path / "stdout").open("w"),
        stderr=(tmp_path / "stderr").open("w"),
        env=_env(),
    )


def test_resume_while_crawling_is_refused_and_kill_9_leaves_no_process(tmp_path):
    db = tmp_path / "audits.db"
    pages = 60
    with HostileSite(pages=pages, delay_s=1.5) as site:  # a long crawl at 2 requests at a time
        proc = _start_audit(site, db, tmp_path, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2")
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and _stored(db) < 4:
                time.sleep(0.1)
            assert _stored(db) >= 4
            workers = descendants(proc.pid)
            assert len(workers) >= 2, workers  # the extraction workers

            refused = run_cli("resume", "1", "--db", str(db), "--json", "--crawl-only")
            line = _one_line_error(refused, f"audit 1 is still being crawled by process {proc.pid}")
            assert line.startswith("error: ")
            assert proc.poll() is None  # the crawl goes on, untouched
            fetched_twice = {p: len(t) for p, t in site.hits.items() if len(t) > 1 and p != "/robots.txt"}
            assert not fetched_twice  # the refused resume fetched nothing

            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        survivors = _wait_gone(workers, 5)
        kill_processes(survivors)
        assert survivors == []  # no orphan extraction worker (they were parked forever)
        site.delay_s = 0.0

        store = Store(db)
        assert store.audit(1).status == "running" and store.audit_lock(1) is not None  # left by the dead one
        store.close()
        resumed = run_cli("resume", "1", "--db", str(db), "--json", "--crawl-only")  # a stale lock: taken over
        assert resumed.returncode == 0, resumed.stderr
        assert json.loads(resumed.stdout)["pages"] == pages

    store = Store(db)
    assert store.audit(1).status == "complete" and store.audit_lock(1) is None
    urls = [r.url for r in store.iter_pages(1)]
    assert len(urls) == len(set(urls)) == pages
    store.close()


# -- a server that dies mid-crawl (item 6) -----------------------------------------------------------
def test_server_dying_mid_crawl_is_no_complete_audit(tmp_path):
    pages = 30
    db = tmp_path / "audits.db"
    retry = ["-s", "GEO_RETRY_BACKOFF=0.05", "-s", "AUTOTHROTTLE_ENABLED=false"]
    with HostileSite(pages=pages, die_after=6, delay_s=0.05) as site:
        out = ["--out", str(tmp_path / "out"), "--json", "--delay", "0"]
        run = run_cli("audit", site.origin + "/", "--db", str(db), *out, *retry)
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout)
    assert summary["complete"] is False and summary["pages"] == pages
    results = json.loads((tmp_path / "out" / "results.json").read_text())
    warning = next(w for w in results["warnings"] if "refused or dropped the connection" in w)
    failed = int(warning.split("Crawl incomplete: ", 1)[1].split(" of ", 1)[0])
    assert failed >= pages // 2 and f"of {pages} URLs ({100 * failed / pages:.0f} %)" in warning
    store = Store(db)
    stats = store.artifacts(summary["audit_id"]).crawl_stats
    assert stats.finish_reason == "finished" and stats.complete is False
    store.close()

    # in a batch the same client is failed, not done
    with HostileSite(pages=pages, die_after=6, delay_s=0.05) as site:
        batch = tmp_path / "clients.toml"
        batch.write_text(
            '[batch]\nname = "dying"\n[defaults]\ndelay = 0\n'
            f'[[clients]]\nname = "Absturz GmbH"\nurl = "{site.origin}/"\n',
            encoding="utf-8",
        )
        run = run_cli("batch", str(batch), "--db", str(tmp_path / "batch.db"), "--json", timeout=300)
    store = Store(tmp_path / "batch.db")
    item = store.batch_items(store.latest_batch("dying").id)[0]
    store.close()
    assert item.status == "error", item
    assert item.error.startswith("server unreachable for ") and f"of {pages} URLs" in item.error
    assert run.returncode == 0, run.stderr[-2000:]


# -- no process outlives the audit (item 7) ------------------------------------------------------------
def test_hard_timeout_ends_the_whole_process_tree(tmp_path):
    db = tmp_path / "audits.db"
    with HostileSite(pages=6, hang=True) as site:  # /hang never answers: the graceful stop waits for it
        started = time.monotonic()
        proc = _start_audit(
            site,
            db,
            tmp_path,
            "--timeout",
            "2",
            "-s",
            "GEO_HARD_TIMEOUT_GRACE=3",
            "-s",
            "DOWNLOAD_TIMEOUT=600",
            "-s",
            "RETRY_ENABLED=false",
        )
        seen: set[int] = set()
        try:
            while proc.poll() is None and time.monotonic() - started < 60:
                seen.update(descendants(proc.pid))
                time.sleep(0.2)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        stderr = (tmp_path / "stderr").read_text()
        elapsed = time.monotonic() - started
        origin = site.origin
    assert elapsed < 30, elapsed  # not the 600 s the hanging download would take
    assert proc.returncode == 1, stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "did not finish within --timeout 2 s" in lines[0], stderr
    assert "geo-audit resume 1" in lines[0]
    assert len(seen) >= 3  # two extraction workers and the deadline's helper
    survivors = _wait_gone(seen, 5)
    kill_processes(survivors)
    assert survivors == []
    store = Store(db)
    row = store.audit(1)
    assert row.status == "partial" and "hard time limit" in row.error
    assert {r.url.removeprefix(origin) for r in store.iter_pages(1)} == {"/"} | {f"/p/{n}" for n in range(1, 6)}
    assert row.pages == 6 and store.audit_lock(1) is None
    store.close()


def test_hard_deadline_kills_a_process_stuck_holding_the_gil(tmp_path):
    """A regex backtracking in C holds the GIL: no thread of the process runs again, the deadline's
    helper process ends it (and the child it forked, as an extraction worker would be) and marks
    its audit in the store."""
    db = tmp_path / "audits.db"
    store = Store(db)
    audit_id = store.create_audit("https://a.example/", {})
    store.close()
    script = textwrap.dedent(
        f"""
        import os, re, time
        from auditor.crawl import HardDeadline
        messages = {{"partial": "error: audit {{id}} stuck; {{pages}} URLs kept", "other": "-", "unknown": "-"}}
        deadline = HardDeadline(1.0, lambda: "error: ended by the timer thread",
                                {{"db": "sqlite:///{db}", "error": "stuck", "messages": messages}}).start()
        deadline.target({audit_id})
        child = os.fork()
        if child == 0:
            from spiders.site_spider import die_with_parent
            die_with_parent(os.getppid())
            time.sleep(600)
            os._exit(0)
        print(child, flush=True)
        re.match(r"(a+)+$", "a" * 40 + "b")  # years of backtracking, the GIL held throughout
        """
    )
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=_env()
    )
    child = int(proc.stdout.readline())
    try:
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    stderr = proc.stderr.read()  # EOF once the helper is done too
    assert time.monotonic() - started < 20
    assert proc.returncode == -signal.SIGKILL
    assert stderr.strip() == f"error: audit {audit_id} stuck; 0 URLs kept"
    survivors = _wait_gone([child], 5)
    kill_processes(survivors)
    assert survivors == []
    store = Store(db)
    row = store.audit(audit_id)
    store.close()
    assert (row.status, row.error) == ("partial", "stuck")


# -- a page over the analysis budget (item 1) ----------------------------------------------------------
def test_a_page_over_the_analysis_budget_is_recorded_with_its_links_and_the_crawl_goes_on(tmp_path):
    db = tmp_path / "audits.db"
    with HostileSite(pages=8, heavy=True) as site:
        proc = _start_audit(site, db, tmp_path, "-s", "GEO_PAGE_BUDGET=0.5")
        try:
            proc.wait(180)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        origin = site.origin
    stderr = (tmp_path / "stderr").read_text()
    assert proc.returncode == 0, stderr[-2000:]
    assert "Traceback" not in stderr
    store = Store(db)
    records = {r.url.removeprefix(origin): r for r in store.iter_pages(1)}
    row = store.audit(1)
    store.close()
    heavy = records["/heavy"]
    assert heavy.status == 200 and "0.5 s page budget" in heavy.error
    assert {link.url.removeprefix(origin) for link in heavy.links} >= {"/behind-heavy/1", "/behind-heavy/2"}
    assert heavy.title == "Heavy" and heavy.main_text == ""  # not analysed
    # its links were followed, and every other page was analysed by the new workers
    assert records["/behind-heavy/1"].error is None and "Reached only" in records["/behind-heavy/1"].main_text
    others = [path for path in records if path not in ("/heavy", "/robots.txt")]
    assert len(others) >= 9 and all(records[path].error is None for path in others), others
    assert row.status == "complete"
