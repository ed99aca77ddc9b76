"""The Rich live table of a batch in a real terminal (a pseudo-terminal): it is redrawn while the
clients run, shows each client's progress from pending over running to done, and prints client
names from the batch file as text, never as Rich markup."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
import time
from contextlib import ExitStack

from tests.batch_sites import client_toml, serve_sites

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def test_live_table_in_a_terminal(tmp_path):
    with ExitStack() as stack:
        sites = serve_sites(stack, 2)
        toml = '[batch]\nname = "live"\n[defaults]\nmax_pages = 20\ndelay = 0\n'
        toml += client_toml("Erster [bold]Kunde[/bold]", sites[0][1].origin + "/")
        toml += client_toml("Zweiter Kunde", sites[1][1].origin + "/")
        batch_file = tmp_path / "clients.toml"
        batch_file.write_text(toml, encoding="utf-8")
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
        env.update(TERM="xterm-256color", HF_HUB_OFFLINE="1")
        proc = subprocess.Popen(
            [sys.executable, "-m", "auditor.cli", "batch", str(batch_file), "--db", str(tmp_path / "a.db"), "-j", "1"],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            close_fds=True,
        )
        os.close(slave)
        chunks = []
        deadline = time.monotonic() + 300
        try:
            while time.monotonic() < deadline:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: the terminal's other side is closed
                    break
                if not data:
                    break
                chunks.append(data)
            proc.wait(30)
        finally:
            if proc.poll() is None:
                proc.kill()
            os.close(master)
    raw = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0, raw[-3000:]
    assert "\x1b[?25l" in raw  # a live display: the cursor is hidden while it redraws
    text = ANSI.sub("", raw.split("\x1b[?25l", 1)[1])
    statuses = []  # (first client, second client) as each redraw of the table shows them
    first = None
    for row in re.finditer(r"(Erster \[bold\]Kunde\[/bold\]|Zweiter Kunde)\s*│\s*(\w+)", text):
        if row.group(1) == "Zweiter Kunde" and first is not None:
            statuses.append((first, row.group(2)))
            first = None
        elif row.group(1) != "Zweiter Kunde":
            first = row.group(2)
    assert len(statuses) >= 3, raw[-3000:]
    # --jobs 1: the second client waits while the first runs, then runs itself; all end done
    assert ("running", "pending") in statuses
    assert ("done", "running") in statuses
    assert statuses[-1] == ("done", "done")
    assert "Batch 1 (live): 2 done, 0 errors" in ANSI.sub("", raw)
