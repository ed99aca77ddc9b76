"""Stage 2 of the hard deadline (auditor.crawl.HardDeadline): a small helper process that ends an
audit process whose own threads cannot run (one stuck in C code holding the GIL).

`HardDeadline` starts it with `main()` and writes its configuration, later updates, as JSON lines to
its stdin: {"parent": pid, "seconds": ..., "db": store URL, "error": text for the store, "messages":
{...}}, then {"audit_id": n} or {"cancel": true}. When the time is up it sends SIGKILL to the audit
process and its descendants, marks the audit in the store and prints the line stage 1 would have.
It dies with the audit process (PR_SET_PDEATHSIG, and its stdin closing).

Standard library only until it fires (a few MB, no Scrapy): the store is imported only then.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import select
import signal
import sys
import time
from typing import Any

from auditor.processes import kill_processes, process_tree

# How HardDeadline runs main(): the checkout's root first on sys.path, so the helper imports this
# very auditor package whatever the current folder holds.
BOOTSTRAP = "import sys; sys.path.insert(0, sys.argv[1]); from auditor.hard_stop import main; main()"


def say(line: str) -> None:
    """One line on stderr, straight to the file descriptor (no buffering, no console wrapping)."""
    tty = os.isatty(2)
    prefix = "\r\x1b[K" if tty else ""
    suffix = "\x1b[?25h" if tty else ""  # a progress bar hid the cursor
    with contextlib.suppress(OSError):
        os.write(2, f"{prefix}{line}\n{suffix}".encode("utf-8", "replace"))


def _parent_death_signal(sig: int) -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            ctypes.CDLL(None).prctl(1, sig, 0, 0, 0)  # PR_SET_PDEATHSIG


class _Stdin:
    """JSON lines from stdin; end of input means the audit process is gone or done."""

    def __init__(self) -> None:
        self.pending = b""

    def read(self) -> None:
        chunk = os.read(0, 4096)
        if not chunk:
            sys.exit(0)
        self.pending += chunk

    def messages(self) -> list[dict[str, Any]]:
        lines = self.pending.split(b"\n")
        self.pending = lines.pop()
        return [json.loads(line) for line in lines if line.strip()]


def main() -> None:
    stdin = _Stdin()
    queued: list[dict[str, Any]] = []
    while not queued:
        stdin.read()
        queued = stdin.messages()
    config, queued = queued[0], queued[1:]
    parent = config["parent"]
    _parent_death_signal(signal.SIGKILL)
    if os.getppid() != parent:
        sys.exit(0)
    deadline = time.monotonic() + config["seconds"]
    audit_id = config.get("audit_id")
    while True:
        for update in queued + stdin.messages():
            if update.get("cancel"):
                sys.exit(0)
            audit_id = update.get("audit_id", audit_id)
        queued = []
        left = deadline - time.monotonic()
        if left <= 0:
            break
        ready = select.select([0], [], [], min(left, 1.0))[0]
        if os.getppid() != parent:
            sys.exit(0)
        if ready:
            stdin.read()
    _parent_death_signal(0)  # the parent is about to die by our hand: we must outlive it
    me = os.getpid()
    kill_processes([pid for pid in process_tree(parent) if pid != me])
    say(_stopped_line(config, audit_id))


def _stopped_line(config: dict[str, Any], audit_id: int | None) -> str:
    """Mark the audit stopped in the store; the line to print."""
    messages = config["messages"]
    if audit_id is None:
        return messages["unknown"]
    try:
        from auditor.store import Store

        with Store(config["db"]) as store:
            status = store.mark_stopped(audit_id, config["error"])
            pages = store.page_count(audit_id)
    except Exception as exc:
        return messages["unknown"] + f" (the store was not updated: {type(exc).__name__})"
    return messages["partial" if status == "partial" else "other"].format(id=audit_id, pages=pages)


if __name__ == "__main__":
    main()
