"""A batch stopped midway (Ctrl-C) keeps its finished clients; --resume audits only the rest."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import ExitStack

from auditor.processes import process_tree
from auditor.store import Store
from tests.batch_sites import client_toml, serve_sites
from tests.conftest import run_cli

EXTRACT_WORKERS = 1 if (os.cpu_count() or 1) > 1 else 0  # auditor/agency/child.py: one per client


def _items(db):
    store = Store(db)
    try:
        batches = store.list_batches(1)
        return store.batch_items(batches[0].id) if batches else []
    finally:
        store.close()


def test_interrupted_batch_resumes_without_redoing_finished_domains(tmp_path):
    db = tmp_path / "audits.db"
    with ExitStack() as stack:
        sites = serve_sites(stack, 5)
        toml = '[batch]\nname = "monat-11"\n[defaults]\nmax_pages = 20\ndelay = 0\n'
        toml += "".join(client_toml(f"Kunde {i}", site.origin + "/") for i, (_, site) in enumerate(sites))
        batch_file = tmp_path / "clients.toml"
        batch_file.write_text(toml, encoding="utf-8")
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
        proc = subprocess.Popen(
            [sys.executable, "-m", "auditor.cli", "batch", str(batch_file), "--db", str(db), "--jobs", "1", "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        try:
            deadline = time.monotonic() + 240
            while time.monotonic() < deadline:
                if sum(i.status == "done" for i in _items(db)) >= 2:
                    break
                time.sleep(0.3)
            proc.send_signal(signal.SIGINT)  # Ctrl-C on the parent only: it stops its child cleanly
            _, stderr = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
        assert proc.returncode == 130, stderr[-2000:]
        assert "--resume" in stderr
        first = {i.client: i for i in _items(db)}
        finished = {c for c, i in first.items() if i.status == "done"}
        assert 2 <= len(finished) < 5
        assert all(i.status in ("pending", "interrupted") for c, i in first.items() if c not in finished)
        store = Store(db)
        audits_before = {a.id for a in store.list_audits(100)}
        assert store.list_batches()[0].status == "interrupted"
        store.close()

        run = run_cli("batch", str(batch_file), "--db", str(db), "--jobs", "2", "--resume", "--json", timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    summary = json.loads(run.stdout)
    assert sorted(summary["skipped"]) == sorted(finished)
    after = {c["client"]: c for c in summary["clients"]}
    assert all(c["status"] == "done" for c in after.values())
    for client in finished:  # kept, not redone
        assert after[client]["audit_id"] == first[client].audit_id
    store = Store(db)
    new_audits = [a for a in store.list_audits(100) if a.id not in audits_before]
    batches = store.list_batches()
    store.close()
    assert len(batches) == 1 and batches[0].status == "complete"  # the same batch, resumed
    assert sorted(a.site for a in new_audits if a.status == "complete") == sorted(
        after[c]["url"] for c in after if c not in finished
    )


def test_resume_skips_finished_clients_and_retries_errors_on_request(tmp_path):
    from auditor.agency.batch import open_batch
    from auditor.agency.batch_file import BatchFile, ClientSpec

    clients = [ClientSpec(name=n, url=f"https://{n}.example/", out=str(tmp_path / n)) for n in ("a", "b", "c")]
    batch = BatchFile(name="monat", source="clients.toml", out=str(tmp_path), jobs=None, clients=clients)
    store = Store(tmp_path / "audits.db")
    batch_id, finished = open_batch(store, batch, resume=True)  # nothing to resume: a new batch
    assert finished == set()
    store.update_item(batch_id, "a", status="done")
    store.update_item(batch_id, "b", status="error", error="unreachable")
    store.update_item(batch_id, "c", status="interrupted")
    assert open_batch(store, batch, resume=True) == (batch_id, {"a", "b"})
    assert open_batch(store, batch, resume=True, retry_errors=True) == (batch_id, {"a"})
    assert {i.client: i.status for i in store.batch_items(batch_id)} == {
        "a": "done",
        "b": "pending",
        "c": "interrupted",
    }
    new_id, finished = open_batch(store, batch, resume=False)  # without --resume: a new run
    assert new_id != batch_id and finished == set()
    store.close()


def test_batch_killed_hard_leaves_no_orphan_and_resumes(tmp_path):
    """SIGKILL on the parent (no clean-up possible): its running child notices and exits with the
    crawl's extraction worker (no orphans at all); the client stays unfinished and --resume audits it."""
    from tests.batch_sites import SlowServer

    db = tmp_path / "audits.db"
    slow = SlowServer(4).start()  # robots.txt and the page take 4 s each: the child is mid-crawl
    try:
        with ExitStack() as stack:
            ((_, site),) = serve_sites(stack, 1)
            toml = '[batch]\nname = "hart"\n[defaults]\nmax_pages = 5\ndelay = 0\ntime_limit = 120\n'
            toml += client_toml("Langsam", slow.origin + "/") + client_toml("Schnell", site.origin + "/")
            batch_file = tmp_path / "clients.toml"
            batch_file.write_text(toml, encoding="utf-8")
            proc = subprocess.Popen(
                [sys.executable, "-m", "auditor.cli", "batch", str(batch_file), "--db", str(db), "--jobs", "1"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            child = None
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and child is None:
                running = [i for i in _items(db) if i.status == "running" and i.worker]
                child = int(running[0].worker.rsplit(":", 1)[1]) if running else None
                time.sleep(0.2)
            assert child is not None
            tree = process_tree(child)
            while len(tree) < 1 + EXTRACT_WORKERS and time.monotonic() < deadline:
                time.sleep(0.2)
                tree = process_tree(child)
            assert len(tree) == 1 + EXTRACT_WORKERS, tree  # the child and the crawl's extraction worker
            proc.kill()
            proc.wait(10)
            gone = time.monotonic() + 10
            while time.monotonic() < gone and any(map(_alive, tree)):
                time.sleep(0.2)
            assert not _alive(child), "the orphaned child kept crawling"
            assert not any(map(_alive, tree)), "the orphaned extraction worker kept running"
            assert {i.client: i.status for i in _items(db)} == {"Langsam": "running", "Schnell": "pending"}

            run = run_cli("batch", str(batch_file), "--db", str(db), "--resume", "--json", timeout=300)
    finally:
        slow.stop()
    assert run.returncode == 0, run.stderr[-2000:]
    assert {c["client"]: c["status"] for c in json.loads(run.stdout)["clients"]} == {
        "Langsam": "done",
        "Schnell": "done",
    }


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False
