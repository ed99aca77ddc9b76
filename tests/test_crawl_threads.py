"""The crawling process runs numpy's BLAS on one thread (auditor/__init__.py sets OPENBLAS_NUM_THREADS
before numpy loads): the page embedding that runs beside the crawl otherwise got a helper thread
that busy-waited on the second core (bench/RESULTS.md, "## Crawl"). A user's own setting wins."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = (
    "import os, auditor.cli, numpy as np\n"
    "a = np.ones((600, 600)); a @ a\n"
    "print(os.environ['OPENBLAS_NUM_THREADS'], len(os.listdir('/proc/self/task')))\n"
)


def _probe(**env: str) -> list[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    run = subprocess.run(
        [sys.executable, "-c", PROBE], env={**clean, **env}, capture_output=True, text=True, check=True, timeout=120
    )
    return run.stdout.split()


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux /proc")
def test_cli_process_runs_blas_on_one_thread():
    assert _probe() == ["1", "1"]  # one thread in the whole process after a matrix product


@pytest.mark.skipif((os.cpu_count() or 1) < 2 or not os.path.isdir("/proc/self/task"), reason="needs 2 cores")
def test_users_thread_setting_wins():
    value, threads = _probe(OPENBLAS_NUM_THREADS="2")
    assert value == "2" and int(threads) == 2  # OpenBLAS started its helper thread as told
