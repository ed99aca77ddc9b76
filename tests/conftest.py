"""Shared fixtures: fixture sites on real loopback servers, the CLI in a subprocess.

A crawl runs the Twisted reactor, which cannot restart, so every crawl test runs `geo-audit` in
a child process against a real HTTP server on 127.0.0.1 — as Scrapy's own tests do.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from auditor.serve import StaticSite

# A suite started as a background job inherits SIGINT ignored, and exec keeps SIG_IGN for every audit
# it spawns: the Ctrl-C tests then send a signal nobody hears. Give this process (and so its
# children) the default disposition, as an interactive run has.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

SITES = Path(__file__).parent / "sites"


@dataclass(frozen=True)
class CliRun:
    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, timeout: float = 300, cwd: Path | None = None) -> CliRun:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "HF_HUB_OFFLINE": "1"}
    env.pop("GEO_AUDIT_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "auditor.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=cwd,
    )
    return CliRun(proc.returncode, proc.stdout, proc.stderr)


def write_files(root: Path, files: dict[str, str]) -> None:
    """A fixture site written from {relative path: text}."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def audit_static_site(site_dir: Path, tmp: Path, *args: str) -> tuple[CliRun, dict, str]:
    """`geo-audit audit` of a directory served on loopback (no delay, no AutoThrottle): the run, its
    results.json and the origin it was served from."""
    import json

    with StaticSite(site_dir) as site:
        run = run_cli(
            "audit", site.origin + "/", "--db", str(tmp / "audits.db"), "--out", str(tmp / "out"),
            "--delay", "0", "-s", "AUTOTHROTTLE_ENABLED=false", *args,
        )
        origin = site.origin
    assert run.returncode == 0, run.stderr
    return run, json.loads((tmp / "out" / "results.json").read_text(encoding="utf-8")), origin


@pytest.fixture
def mini_site() -> Iterator[StaticSite]:
    with StaticSite(SITES / "mini", origin_alias="https://www.mini-workshop.example") as site:
        yield site


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server (Debian's, via tests/setup-system.sh) in a temp dir on a free port."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[test]')")
    from tests.servers import PostgresServer

    with PostgresServer() as server:
        yield server


@pytest.fixture(scope="session")
def redis_server():
    """A real redis-server on a free loopback port."""
    pytest.importorskip("redis", reason="redis is not installed (pip install -e '.[test]')")
    from tests.servers import RedisServer

    with RedisServer() as server:
        yield server
