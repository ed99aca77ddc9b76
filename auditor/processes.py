"""The process monitor: process trees, start times, memory in use and kills, read from Linux /proc.

Standard library only: the hard deadline's helper process (auditor.hard_stop) imports it before
anything else, and stays a few MB. Used by the crawl's hard deadline (auditor.crawl), the audit
locks of the store (is the holder still alive?) and the batch supervisor (auditor.agency.supervisor:
time and memory limits, orphaned extraction workers).
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal


def start_time(pid: int) -> int | None:
    """The process's start time in clock ticks since boot: tells a pid from its reuse. None when
    unknown or gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return int(handle.read().rsplit(b")", 1)[1].split()[19])
    except (OSError, ValueError, IndexError):
        return None


def alive(pid: int, start: int | None) -> bool:
    """Whether `pid` still runs the process that started at `start` (not a zombie, not a reuse)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        if fields[0] in (b"Z", b"X"):  # zombie: dead, not yet reaped by its parent
            return False
        return start is None or int(fields[19]) == start
    except FileNotFoundError:
        return False
    except (OSError, ValueError, IndexError):  # no /proc: ask the kernel whether the pid exists
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True


def _children(pid: int) -> list[int] | None:
    """Direct children from /proc/PID/task/*/children; None when the kernel does not offer it."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return []  # gone
    except OSError:
        return None
    found = []
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", "rb") as handle:
                found.extend(int(c) for c in handle.read().split())
        except FileNotFoundError:
            if not os.path.exists(f"/proc/{pid}/task/{task}"):
                continue  # the thread ended meanwhile
            return None  # no CONFIG_PROC_CHILDREN
        except (OSError, ValueError):
            continue
    return found


def _scan_children() -> dict[int, list[int]]:
    """Every process's children, from one scan of every process's parent."""
    children: dict[int, list[int]] = {}
    try:
        entries = [e.name for e in os.scandir("/proc") if e.name.isdigit()]
    except OSError:
        return children
    for name in entries:
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                stat = handle.read()
            ppid = int(stat.rsplit(b")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(name))
    return children


def process_tree(root: int) -> list[int]:
    """`root` and all its descendants, children before grandchildren; [] when `root` is gone or
    /proc is missing."""
    if not os.path.exists(f"/proc/{root}"):
        return []
    tree, todo = [], [root]
    scanned: dict[int, list[int]] | None = None
    while todo:
        pid = todo.pop(0)
        if pid in tree:
            continue
        tree.append(pid)
        kids = _children(pid) if scanned is None else None
        if kids is None:  # fall back to one scan of every process's parent
            scanned = scanned if scanned is not None else _scan_children()
            kids = scanned.get(pid, [])
        todo.extend(kids)
    return tree


def descendants(pid: int) -> list[int]:
    """All processes below `pid`, children before grandchildren."""
    return process_tree(pid)[1:]


def kill_processes(pids: list[int]) -> None:
    """SIGKILL to each pid; one that is gone or not ours is passed over."""
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)


def _rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * resource.getpagesize() / 1048576
    except (OSError, ValueError, IndexError):
        return None


def _pss_mb(pid: int) -> float | None:
    """Proportional set size: pages shared with the forked extraction worker count once in the sum."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return _rss_mb(pid)


def tree_memory_mb(root: int, limit_mb: float | None = None) -> tuple[float | None, list[int]]:
    """Memory in use by a process and its descendants (the crawl forks an extraction worker), in
    MB (None when not measurable here), and the pids. The cheap RSS sum counts shared pages twice,
    so above `limit_mb` (or without one) the PSS sum decides."""
    pids = process_tree(root)
    sizes = [size for size in map(_rss_mb, pids) if size is not None]
    if not sizes:
        return None, pids
    if limit_mb is None or sum(sizes) > limit_mb:
        sizes = [size for size in map(_pss_mb, pids) if size is not None]
    return round(sum(sizes), 1), pids


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # ru_maxrss is in KiB on Linux
