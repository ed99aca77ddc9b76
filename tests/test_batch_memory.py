"""The per-domain memory limit: the parent measures each child's whole process tree (the crawl
forks an extraction worker) and kills the tree above `memory_mb`; RLIMIT_AS in the child is only
the backstop for one huge allocation. Real processes, real allocations, real /proc."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from auditor.agency.child import ADDRESS_SPACE_SLACK_MB
from auditor.processes import process_tree, tree_memory_mb

EXTRACT_WORKERS = 1 if (os.cpu_count() or 1) > 1 else 0  # auditor/agency/child.py: one per client

ALLOCATE_AND_FORK = """
import os, sys, time
held = b"x" * (120 * 1024 * 1024)  # touched: resident, not just reserved
if os.fork() == 0:
    more = b"y" * (80 * 1024 * 1024)
    time.sleep(60)
    os._exit(0)
print("ready", flush=True)
time.sleep(60)
"""


def test_tree_memory_counts_the_descendants():
    proc = subprocess.Popen([sys.executable, "-c", ALLOCATE_AND_FORK], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            used, pids = tree_memory_mb(proc.pid)
            if len(pids) == 2 and used and used > 190:
                break
            time.sleep(0.1)
        assert len(pids) == 2 and pids[0] == proc.pid
        # 120 MB in the parent plus 80 MB of the child's own; the 120 MB the fork shares are counted
        # once (PSS): well under the RSS sum of both (about 320 MB)
        assert 195 < used < 280, used
        cheap, _ = tree_memory_mb(proc.pid, limit_mb=10_000)  # under the limit the RSS sum is enough
        assert cheap >= used
    finally:
        for pid in reversed(process_tree(proc.pid)):
            subprocess.run(["kill", "-9", str(pid)], check=False)
        proc.wait(10)
    assert tree_memory_mb(proc.pid) == (None, [])  # gone: nothing to measure


BATCH_SCRIPT = """
import ctypes, json, os, sys
from pathlib import Path

def descendants():
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\\0", b" ").decode()
        except OSError:
            continue
        ppid, state = int(stat.rsplit(")", 1)[1].split()[1]), stat.rsplit(")", 1)[1].split()[0]
        if ppid == os.getpid() and state != "Z":
            found.append(cmdline)
    return found

if __name__ == "__main__":
    # orphans of our children are re-parented to us, not to init: a surviving grandchild shows up
    assert ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    from auditor.agency.batch import run_batch
    from auditor.agency.batch_file import load_batch
    outcome = run_batch(load_batch(Path(sys.argv[1])), db=sys.argv[2], jobs=1)
    item = outcome.items[0]
    print(json.dumps({"status": item.status, "error": item.error, "peak_mb": item.peak_mb,
                      "left": [c for c in descendants() if "spawn_main" in c]}))
"""


def test_memory_limit_kills_the_client_with_its_extraction_worker(tmp_path):
    from auditor.serve import StaticSite
    from tests.batch_sites import client_toml, memory_hungry_site

    script = tmp_path / "run_batch.py"
    script.write_text(textwrap.dedent(BATCH_SCRIPT), encoding="utf-8")
    with StaticSite(memory_hungry_site(tmp_path / "site")) as site:
        batch_file = tmp_path / "clients.toml"
        batch_file.write_text(
            "[defaults]\nmax_pages = 5\ndelay = 0\ntime_limit = 300\n"
            + client_toml("Hungrig", site.origin + "/", memory_mb=250),
            encoding="utf-8",
        )
        started = time.monotonic()
        run = subprocess.run(
            [sys.executable, str(script), str(batch_file), str(tmp_path / "audits.db")],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=str(tmp_path),
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
        )
        elapsed = time.monotonic() - started
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["status"] == "error"
    assert result["error"].startswith("memory limit of 250 MB exceeded ("), result
    assert result["peak_mb"] > 250
    assert result["left"] == [], "a process of the killed client survived"
    assert elapsed < 120  # killed when it crossed the limit, not after the time limit


ALLOCATE_UNDER_LIMIT = """
from auditor.agency.child import limit_address_space
limit_address_space(100)
fine = b"x" * (200 * 1024 * 1024)  # more than memory_mb: the parent's watchdog judges that, not RLIMIT_AS
del fine
try:
    bytearray(({slack} + 200) * 1024 * 1024)
except MemoryError:
    print("MemoryError")
"""


def test_address_space_backstop_stops_one_huge_allocation():
    run = subprocess.run(
        [sys.executable, "-c", ALLOCATE_UNDER_LIMIT.format(slack=ADDRESS_SPACE_SLACK_MB)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "MemoryError"


@pytest.mark.skipif(EXTRACT_WORKERS == 0, reason="one core: the crawl forks no extraction worker")
def test_child_killed_like_by_the_oom_killer_leaves_no_orphan_worker(tmp_path):
    """The kernel's OOM killer (or a segfault) ends a child without any clean-up: the client gets
    its error entry and the extraction worker the child had forked is killed, not left to init."""
    from auditor.agency.batch import run_batch
    from auditor.agency.batch_file import load_batch
    from auditor.processes import start_time
    from auditor.store import Store
    from tests.batch_sites import SlowServer, client_toml

    slow = SlowServer(3).start()  # the child stays in its crawl long enough to be found
    try:
        batch_file = tmp_path / "clients.toml"
        batch_file.write_text(
            "[defaults]\nmax_pages = 5\ndelay = 0\ntime_limit = 120\n" + client_toml("Opfer", slow.origin + "/"),
            encoding="utf-8",
        )
        db = str(tmp_path / "audits.db")
        seen: dict[int, int | None] = {}
        killed: list[float] = []

        def kill_the_child_once_its_worker_runs(states):
            # called from the supervisor's loop: it must go on (and look at the child) between
            # finding the worker and the kill
            if killed:
                return
            store = Store(db)
            try:
                items = [i for b in store.list_batches(1) for i in store.batch_items(b.id)]
            finally:
                store.close()
            running = [i for i in items if i.status == "running" and i.worker]
            if not running:
                return
            child = int(running[0].worker.rsplit(":", 1)[1])
            tree = process_tree(child)
            if not seen and len(tree) >= 2:
                seen.update({pid: start_time(pid) for pid in tree[1:]})
                seen_at.append(time.monotonic())
            elif seen and time.monotonic() - seen_at[0] > 1.0:
                killed.append(time.monotonic())
                os.kill(child, signal.SIGKILL)

        seen_at: list[float] = []
        outcome = run_batch(load_batch(batch_file), db=db, jobs=1, on_change=kill_the_child_once_its_worker_runs)
    finally:
        slow.stop()
    (item,) = outcome.items
    assert (item.status, item.error) == ("error", "child process killed by SIGKILL")
    assert len(seen) == 1
    ((worker, started),) = seen.items()
    assert started is not None
    assert not _running(worker, started), "the orphaned extraction worker survived"


def _running(pid: int, started: int) -> bool:
    """The same process (not a reused pid), alive (a zombie waits for its reaping, not alive)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return False
    return fields[0] != "Z" and int(fields[19]) == started
