"""Audit locks: the process crawling an audit holds its lock (a row of `audit_locks`: host, pid,
heartbeat), so a second `resume` of the same audit is refused instead of fetching and storing every
page twice.

A lock whose process is gone (killed with SIGKILL, a crashed machine) is stale and taken over: on
the same host when its pid no longer runs (or runs another program), from another host when its
heartbeat is older than LOCK_STALE_S. Store.lock_audit and Store.unlock_audit take and release them.
"""

from __future__ import annotations

import os
import socket
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from auditor.processes import alive, start_time

LOCK_HEARTBEAT_S = 10.0  # the holder refreshes its heartbeat this often
LOCK_STALE_S = 120.0  # a lock of another host whose heartbeat is older than this is stale


@dataclass(frozen=True)
class AuditLock:
    audit_id: int
    host: str
    pid: int
    pid_start: int | None
    acquired: float
    heartbeat: float

    def mine(self) -> bool:
        return self.host == socket.gethostname() and self.pid == os.getpid()

    def stale(self, now: float | None = None) -> bool:
        """The holder is gone: its process no longer runs (same host), or its heartbeat stopped."""
        if self.host == socket.gethostname():
            return not alive(self.pid, self.pid_start)
        return (time.time() if now is None else now) - self.heartbeat > LOCK_STALE_S

    def describe(self) -> str:
        since = datetime.fromtimestamp(self.acquired, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        return f"process {self.pid} on {self.host} since {since}"


class AuditLocked(Exception):
    """Another live process holds the audit's lock; the message is one line."""

    def __init__(self, audit_id: int, holder: AuditLock) -> None:
        self.audit_id = audit_id
        self.holder = holder
        super().__init__(
            f"audit {audit_id} is still being crawled by {holder.describe()}; "
            f"it can be resumed once that process has ended"
        )


def lock_row(audit_id: int) -> dict[str, Any]:
    """The `audit_locks` row of this process taking the audit's lock now."""
    now = time.time()
    pid = os.getpid()
    return {
        "audit_id": audit_id,
        "host": socket.gethostname(),
        "pid": pid,
        "pid_start": start_time(pid),
        "acquired": now,
        "heartbeat": now,
    }
