"""The scale-out path on loopback: two RQ workers on a real Redis share the clients of one batch
and write to one real PostgreSQL store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from contextlib import ExitStack

import pytest

from auditor.store import Store
from tests.batch_sites import client_toml, serve_sites, unreachable_url
from tests.conftest import run_cli

for _module in ("rq", "redis", "psycopg"):  # the agency extra (part of `test`): the workers and the PostgreSQL store
    pytest.importorskip(_module, reason=f"{_module} is not installed (pip install -e '.[test]')")


def _worker(redis_url: str) -> subprocess.Popen:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "auditor.cli", "worker", "--redis", redis_url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_two_workers_share_a_batch_with_one_postgres_store(tmp_path, postgres_server, redis_server):
    db = postgres_server.create_database("distributed")
    workers = [_worker(redis_server.url), _worker(redis_server.url)]
    try:
        with ExitStack() as stack:
            sites = serve_sites(stack, 4)
            toml = '[batch]\nname = "verteilt"\n[defaults]\nmax_pages = 20\ndelay = 0\ntime_limit = 120\n'
            toml += "".join(client_toml(f"Kunde {i} {name}", site.origin + "/") for i, (name, site) in enumerate(sites))
            toml += client_toml("Offline GmbH", unreachable_url())
            batch_file = tmp_path / "clients.toml"
            batch_file.write_text(toml, encoding="utf-8")
            run = run_cli("batch", str(batch_file), "--queue", redis_server.url, "--db", db, "--json", timeout=400)
        assert run.returncode == 0, run.stderr[-3000:]
    finally:
        for proc in workers:
            proc.send_signal(signal.SIGTERM)  # RQ's warm shutdown
        for proc in workers:
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
    summary = json.loads(run.stdout)
    items = {c["client"]: c for c in summary["clients"]}
    assert len(items) == 5
    assert items.pop("Offline GmbH")["status"] == "error"
    assert all(i["status"] == "done" and i["site_score"] is not None for i in items.values()), items
    store = Store(db)
    rows = store.batch_items(summary["batch_id"])
    audits = {a.id: a for a in store.list_audits(50)}
    store.close()
    worker_pids = {str(p.pid) for p in workers}
    used = {row.worker.rsplit(":", 1)[1] for row in rows}
    assert used == worker_pids  # both workers audited clients, nothing else did
    for row in rows:
        if row.status == "done":
            assert audits[row.audit_id].status == "complete" and audits[row.audit_id].site == row.url
    assert (tmp_path / "clients-reports" / "portfolio.html").is_file()


def test_queue_needs_a_shared_store(tmp_path, redis_server):
    batch_file = tmp_path / "clients.toml"
    batch_file.write_text(client_toml("A", "https://a.example/"), encoding="utf-8")
    run = run_cli("batch", str(batch_file), "--queue", redis_server.url, "--db", str(tmp_path / "a.db"))
    assert run.returncode == 1 and "PostgreSQL" in run.stderr and "Traceback" not in run.stderr
