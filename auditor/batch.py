"""Agency batch runs: one audit per client domain, each in its own child process (docs/batch.md).

Why a supervised `multiprocessing` spawn child per domain instead of a ProcessPoolExecutor: the
Twisted reactor runs once per process, so every domain needs a fresh process anyway (one task per
child), and a pool cannot isolate a crash — ProcessPoolExecutor marks the whole pool broken and
terminates the siblings when one child dies (OOM kill, a segfault in a C parser), and Pool never
delivers the result of a dead worker. Owning the `Process` gives the exit code, a hard wall-clock
kill and a clean Ctrl-C. At most `jobs` children run at once.

The child writes its own batch item (running -> done/error) into the store, so a batch killed
midway keeps every finished domain and `--resume` skips them. The parent writes the entries the
child could not: crash, time limit, interruption.
"""

from __future__ import annotations

import contextlib
import csv
import inspect
import math
import mimetypes
import multiprocessing
import os
import queue
import re
import resource
import signal
import socket
import threading
import time
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from auditor.store import FINAL_ITEM_STATUSES, BatchItemRow, Store

CLIENT_KEYS = {
    "name": str,
    "url": str,
    "lang": str,
    "max_pages": int,
    "max_depth": int,
    "delay": float,
    "concurrency": int,
    "time_limit": int,
    "memory_mb": int,
    "out": str,
}
BRANDING_KEYS = ("agency", "logo", "colour", "footer")
CSV_COLUMNS = (*CLIENT_KEYS, "disabled", "weights", "source_domains", *BRANDING_KEYS)
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
LOGO_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml")
GRACE_S = 5.0  # after SIGTERM (time limit, Ctrl-C) a child gets this long before SIGKILL
MEMORY_POLL_S = 0.2  # how often the parent measures each child's process tree against memory_mb
ADDRESS_SPACE_SLACK_MB = 2048  # RLIMIT_AS = memory_mb + this: address space is not memory in use


class BatchError(ValueError):
    """A problem with the batch file; one line for the CLI."""


@dataclass(frozen=True)
class ClientSpec:
    """One client domain of a batch, with everything its child process needs (picklable)."""

    name: str
    url: str
    out: str  # absolute report folder
    lang: str | None = None
    max_pages: int = 200
    max_depth: int = 10
    delay: float | None = None  # seconds between requests; None = crawler default (politeness)
    concurrency: int | None = None  # parallel requests to the domain
    time_limit: int = 900  # seconds for the whole audit (crawl 80 %, the rest for scoring/report)
    memory_mb: int = 3072  # memory in use by the child's process tree (PSS, watched by the parent); 0 = none
    weights: dict[str, float] = field(default_factory=dict)
    disabled: tuple[str, ...] = ()
    source_domains: tuple[str, ...] = ()  # the client's own strong sources ([clients.scoring] source_domains)
    branding: dict[str, str] | None = None  # agency, logo (absolute path), colour, footer


@dataclass(frozen=True)
class BatchFile:
    name: str  # identifies the batch for --resume
    source: str
    out: str  # root folder: one sub-folder per client plus the portfolio
    jobs: int | None
    clients: list[ClientSpec]
    lang: str | None = None  # portfolio language ([batch] lang); None = the clients' majority


def slug(text: str) -> str:
    """A folder name for a client: "Bäckerei Korn" -> "baeckerei-korn"."""
    text = text.lower().translate(_GERMAN)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return value[:60] or "client"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- batch file --------------------------------------------------------------------------------
MINIMUM = {"max_pages": 1, "concurrency": 1}  # 0 is "none" only for time_limit and memory_mb (docs/batch.md)


def _coerce(key: str, value: Any, where: str) -> Any:
    kind = CLIENT_KEYS[key]
    if isinstance(value, bool) or (kind is str and not isinstance(value, str)):
        raise BatchError(f"{where}: {key} must be a {kind.__name__}")
    if kind is int and isinstance(value, float) and not value.is_integer():
        raise BatchError(f"{where}: {key} must be a whole number")
    if kind is not str and not isinstance(value, str | int | float):
        raise BatchError(f"{where}: {key} must be a number")
    try:
        result = kind(value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError) as exc:
        raise BatchError(f"{where}: {key} must be a number") from exc
    if kind is float and not math.isfinite(result):
        raise BatchError(f"{where}: {key} must be a finite number")
    if kind in (int, float) and result < 0:
        raise BatchError(f"{where}: {key} must not be negative")
    if key in MINIMUM and result < MINIMUM[key]:
        raise BatchError(f"{where}: {key} must be at least {MINIMUM[key]}")
    return result


def _client(raw: dict[str, Any], defaults: dict[str, Any], base: Path, out_root: Path, where: str) -> ClientSpec:
    data = {**defaults, **raw}
    branding = {**defaults.get("branding", {}), **raw.get("branding", {})}
    scoring = {**defaults.get("scoring", {}), **raw.get("scoring", {})}
    unknown = sorted(set(data) - set(CLIENT_KEYS) - {"branding", "scoring"})
    if unknown:
        raise BatchError(f"{where}: unknown key(s) {', '.join(unknown)}")
    for key in ("name", "url"):
        if not str(data.get(key) or "").strip():
            raise BatchError(f"{where}: {key} is missing")
    values = {k: _coerce(k, v, where) for k, v in data.items() if k in CLIENT_KEYS and v not in ("", None)}
    if values.get("lang") not in (None, "de", "en"):
        raise BatchError(f"{where}: lang must be de or en")
    bad_branding = sorted(set(branding) - set(BRANDING_KEYS))
    if bad_branding:
        raise BatchError(f"{where}: unknown branding key(s) {', '.join(bad_branding)}")
    branding = {k: str(v) for k, v in branding.items() if str(v).strip()}
    if "logo" in branding:
        logo = (base / branding["logo"]).resolve()
        if not logo.is_file():
            raise BatchError(f"{where}: logo file not found: {logo}")
        if mimetypes.guess_type(logo.name)[0] not in LOGO_TYPES:
            raise BatchError(f"{where}: logo must be a PNG, JPEG, GIF, WebP or SVG file: {logo}")
        branding["logo"] = str(logo)
    unknown_scoring = sorted(set(scoring) - {"weights", "disabled", "source_domains"})
    if unknown_scoring:
        raise BatchError(f"{where}: unknown scoring key(s) {', '.join(unknown_scoring)}")
    try:
        weights = {str(k): float(v) for k, v in dict(scoring.get("weights", {})).items()}
    except (TypeError, ValueError) as exc:
        raise BatchError(f"{where}: scoring weights must be numbers") from exc
    disabled = tuple(str(d) for d in scoring.get("disabled", []))
    _validate_scoring(weights, disabled, where)
    from scoring.config import source_domain

    domains = scoring.get("source_domains", [])
    try:
        if not isinstance(domains, list):
            raise ValueError('source_domains must be a list of host names, e.g. ["bfr.bund.de"]')
        source_domains = tuple(dict.fromkeys(source_domain(d) for d in domains))
    except ValueError as exc:
        raise BatchError(f"{where}: {exc}") from exc
    name = values.pop("name").strip()
    url = values.pop("url").strip()
    problem = _url_problem(url)
    if problem:
        raise BatchError(f"{where} ({_shown(name)}): {problem}")
    # "" = no folder of its own yet: load_batch gives every client without `out` a unique one
    out = str(client_folder(values.pop("out"), out_root, f"{where} ({_shown(name)})")) if "out" in values else ""
    return ClientSpec(
        name=name,
        url=url,
        out=out,
        weights=weights,
        disabled=disabled,
        source_domains=source_domains,
        branding=branding or None,
        **values,
    )


def _shown(text: str) -> str:
    """A client's name as an error line shows it: no control characters, not endless."""
    from auditor.config import clean_line

    text = clean_line(text)
    return text if len(text) <= 80 else text[:79] + "…"


def _url_problem(url: str) -> str | None:
    """Why the client's start URL cannot be audited (checked before any client runs), or None."""
    from auditor.config import url_problem
    from auditor.runner import AuditError, normalise_start_url

    problem = url_problem(url)
    if problem is None:
        try:
            normalise_start_url(url)
        except AuditError as exc:
            problem = str(exc)
    return problem


PORTFOLIO_FILES = ("portfolio.html", "portfolio.csv")  # in the batch folder, beside the client folders
_FOLDER_PART = re.compile(r"[\w\- .()&+,@'~]+")


def client_folder(value: str, out_root: Path, where: str) -> Path:
    """The client's report folder `out`: a relative folder below the batch folder, nothing else.

    Refused (BatchError naming the client): an absolute path, `..`, a URL or anything with a colon or
    a backslash (`javascript:…` once became a link that ran script), control characters, the batch
    folder itself, and a symbolic link that leads out of it."""
    text = value.strip()
    problem = None
    if not text:
        problem = "is empty"
    elif text.startswith(("/", "~")) or Path(text).is_absolute():
        problem = "is an absolute path"  # ~ too: a path from the home folder
    elif any(part == ".." for part in re.split(r"[/\\]", text)):
        problem = "leaves the batch folder (..)"
    elif ":" in text or "\\" in text:
        problem = "is not a folder name (no URLs, no colons or backslashes)"
    else:
        parts = [part for part in text.split("/") if part not in ("", ".")]
        if not parts:
            problem = "is the batch folder itself, not a folder of its own"
        elif not all(_FOLDER_PART.fullmatch(part) and not part.startswith(".") for part in parts):
            problem = "is not a folder name (letters, digits, spaces, - _ . ( ) & + , @ ' ~; no hidden folders)"
        elif parts[0].casefold() in PORTFOLIO_FILES:
            problem = "is the name of the portfolio's own file"
    if problem is None:
        folder = (out_root / text).resolve()
        if folder == out_root or not folder.is_relative_to(out_root):
            problem = "is not a folder of its own below the batch folder"
    if problem is not None:
        raise BatchError(f"{where}: out {_shown(repr(value))} {problem}; give a folder inside {out_root}")
    return folder


def _unique_folders(clients: list[ClientSpec], out_root: Path, path: Path) -> list[ClientSpec]:
    """Every client its own report folder: an `out` given twice is refused; a client without one gets
    its name's slug, with -2, -3 … when another client already has that folder ("Müller GmbH" and
    "Mueller GmbH" are both "mueller-gmbh"). Compared case-insensitively: the folders may live on a
    file system that ignores case."""
    taken: dict[str, str] = {}
    for client in clients:
        if client.out:
            key = client.out.casefold()
            if key in taken:
                raise BatchError(
                    f"{path}: clients {_shown(taken[key])!r} and {_shown(client.name)!r} have the same "
                    f"report folder {client.out}; give each its own out"
                )
            taken[key] = client.name
    result = []
    for client in clients:
        if not client.out:
            base = slug(client.name)
            candidate, n = out_root / base, 1
            while str(candidate).casefold() in taken:
                n += 1
                candidate = out_root / f"{base}-{n}"
            taken[str(candidate).casefold()] = client.name
            client = replace(client, out=str(candidate))
        result.append(client)
    return result


def _validate_scoring(weights: dict[str, float], disabled: tuple[str, ...], where: str) -> None:
    """The client's overrides name known checks with non-negative weights (one-line errors)."""
    from scoring.registry import all_checks

    unknown = sorted((set(weights) | set(disabled)) - set(all_checks()))
    if unknown:
        raise BatchError(f"{where}: unknown check(s) in scoring: {', '.join(unknown)}")
    negative = sorted(k for k, v in weights.items() if v < 0)
    if negative:
        raise BatchError(f"{where}: negative weight for {', '.join(negative)}")


def _split(cell: str) -> list[str]:
    return [part.strip() for part in re.split(r"[|;]", cell) if part.strip()]


def _csv_rows(text: str, path: Path) -> list[dict[str, Any]]:
    reader = csv.DictReader(text.splitlines())
    header = [h.strip() for h in reader.fieldnames or []]
    unknown = sorted(set(header) - set(CSV_COLUMNS))
    if unknown:
        raise BatchError(f"{path}: unknown column(s) {', '.join(unknown)}")
    rows = []
    for line, row in enumerate(reader, start=2):
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        if not any(row.values()):
            continue
        client: dict[str, Any] = {k: v for k, v in row.items() if k in CLIENT_KEYS and v}
        client["branding"] = {k: row[k] for k in BRANDING_KEYS if row.get(k)}
        weights = {}
        for pair in _split(row.get("weights", "")):
            check, _, weight = pair.partition("=")
            weights[check.strip()] = weight.strip()
        client["scoring"] = {
            "disabled": _split(row.get("disabled", "")),
            "weights": weights,
            "source_domains": _split(row.get("source_domains", "")),
        }
        client["_where"] = f"{path} line {line}"
        rows.append(client)
    return rows


def load_batch(path: Path, out: Path | None = None) -> BatchFile:
    """Parse a TOML or CSV batch file; relative paths (out, logo) are relative to the file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise BatchError(f"batch file not found: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise BatchError(f"cannot read batch file {path}: {exc}") from exc
    base = path.resolve().parent
    header: dict[str, Any] = {}
    defaults: dict[str, Any] = {}
    if path.suffix.lower() == ".csv":
        raw_clients = _csv_rows(text, path)
    elif path.suffix.lower() == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise BatchError(f"batch file {path} is not valid TOML: {exc}") from exc
        unknown = sorted(set(data) - {"batch", "defaults", "clients"})
        if unknown:
            raise BatchError(f"{path}: unknown section(s) {', '.join(unknown)}")
        header, defaults = data.get("batch", {}), data.get("defaults", {})
        listed = data.get("clients", [])
        if not isinstance(header, dict):
            raise BatchError(f"{path}: [batch] must be a table")
        if not isinstance(listed, list) or not all(isinstance(c, dict) for c in listed):
            raise BatchError(f"{path}: clients must be [[clients]] tables")
        bad = sorted(set(header) - {"name", "out", "jobs", "lang"})
        if bad:
            raise BatchError(f"{path}: unknown [batch] key(s) {', '.join(bad)}")
        raw_clients = [dict(c, _where=f"{path} client {i + 1}") for i, c in enumerate(listed)]
    else:
        raise BatchError(f"batch file must end in .toml or .csv: {path}")
    if not raw_clients:
        raise BatchError(f"{path}: no clients")
    for key in ("name", "out"):
        if key in header and not (isinstance(header[key], str) and header[key].strip()):
            raise BatchError(f"{path}: [batch] {key} must be a non-empty string")
    if not isinstance(defaults, dict):
        raise BatchError(f"{path}: [defaults] must be a table")
    for key in ("branding", "scoring"):
        if not isinstance(defaults.get(key, {}), dict):
            raise BatchError(f"{path}: [defaults.{key}] must be a table")
    out_root = Path(out) if out is not None else base / str(header.get("out", f"{path.stem}-reports"))
    out_root = out_root.resolve()
    clients = []
    for raw in raw_clients:
        where = raw.pop("_where")
        for key in ("branding", "scoring"):
            if not isinstance(raw.get(key, {}), dict):
                raise BatchError(f"{where}: {key} must be a table ([clients.{key}])")
        clients.append(_client(raw, defaults, base, out_root, where))
    names = [c.name for c in clients]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise BatchError(f"{path}: client names must be unique: {', '.join(_shown(d) for d in duplicates)}")
    clients = _unique_folders(clients, out_root, path)
    jobs = header.get("jobs")
    if jobs is not None and (not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1):
        raise BatchError(f"{path}: [batch] jobs must be a positive integer")
    lang = header.get("lang")
    if lang not in (None, "de", "en"):
        raise BatchError(f"{path}: [batch] lang must be de or en")
    return BatchFile(
        name=str(header.get("name") or path.stem),
        source=str(path.resolve()),
        out=str(out_root),
        jobs=jobs,
        clients=clients,
        lang=lang,
    )


# -- the child process -------------------------------------------------------------------------
def _watch_parent() -> None:
    """Exit when the parent dies (killed with SIGKILL), taking the crawl's extraction worker along:
    no orphan crawls; the item stays unfinished."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                _kill_tree(process_tree(os.getpid())[1:])  # the crawl's extraction worker too
                os._exit(75)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _limit_memory(memory_mb: int) -> None:
    """A backstop for one huge allocation between two checks of the parent's watchdog: the address
    space (RLIMIT_AS, inherited by the crawl's extraction worker) gets memory_mb plus a slack, since
    a child reserves far more address space than it uses (thread stacks, malloc arenas, mapped
    libraries: about 760 MB reserved for 170 MB in use by a small audit)."""
    if memory_mb > 0:
        limit = (memory_mb + ADDRESS_SPACE_SLACK_MB) * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


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
    """`root` and all its descendants (Linux /proc); [] when `root` is gone or /proc is missing."""
    if not os.path.exists(f"/proc/{root}"):
        return []
    tree, todo = [], [root]
    scanned: dict[int, list[int]] | None = None
    while todo:
        pid = todo.pop()
        tree.append(pid)
        kids = _children(pid) if scanned is None else None
        if kids is None:  # fall back to one scan of every process's parent
            scanned = scanned if scanned is not None else _scan_children()
            kids = scanned.get(pid, [])
        todo.extend(kids)
    return tree


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


def _start_time(pid: int) -> int | None:
    """The process's start time in clock ticks since boot: tells a pid from its reuse."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return int(handle.read().rsplit(b")", 1)[1].split()[19])
    except (OSError, ValueError, IndexError):
        return None


def _kill_tree(pids: list[int]) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # ru_maxrss is in KiB on Linux


def report_branding(branding: dict[str, str] | None) -> dict[str, str] | None:
    """The batch file's branding in the keys reports.writers takes (agency -> name, colour -> color)."""
    if not branding:
        return None
    keys = {"agency": "name", "logo": "logo", "colour": "color", "footer": "footer"}
    return {keys[k]: v for k, v in branding.items() if k in keys}


def write_reports(result: Any, out_dir: Path, lang: str | None, branding: dict[str, str] | None) -> dict[str, Path]:
    """The client's report files, white-labelled when the batch file brands them."""
    from reports.writers import write_all

    if branding and "branding" in inspect.signature(write_all).parameters:
        return write_all(result, out_dir, lang=lang, branding=report_branding(branding))
    return write_all(result, out_dir, lang=lang)


def run_client(spec: ClientSpec, db: str, batch_id: int, events: Any | None = None, worker: str | None = None) -> str:
    """Audit one client in this process and record the batch item; returns the item status.

    Runs in a fresh child process (the crawl starts the Twisted reactor, which cannot restart)."""
    from auditor.crawl import CrawlOptions
    from auditor.runner import AuditError, AuditInterrupted, crawl_only, score_stage, suggest_stage, unreachable_problem
    from scoring.config import ScoringConfig
    from spiders.site_spider import default_extract_workers

    store = Store(db)
    store.update_item(
        batch_id,
        spec.name,
        status="running",
        started=_now(),
        finished=None,
        error=None,
        worker=worker or f"{socket.gethostname()}:{os.getpid()}",
    )
    pages = 0
    last_sent = 0.0

    def on_page(_record: Any) -> None:
        nonlocal pages, last_sent
        pages += 1
        if events is not None and time.monotonic() - last_sent > 0.3:
            last_sent = time.monotonic()
            events.put((spec.name, "pages", pages))

    # The crawl gets 80 % of the time limit and stops itself (partial result); the parent kills at 100 %.
    options = CrawlOptions(
        max_pages=spec.max_pages,
        max_depth=spec.max_depth,
        timeout_s=max(1, int(spec.time_limit * 0.8)) if spec.time_limit else 0,
        delay_s=spec.delay,
        concurrency=spec.concurrency,
        # One extraction worker per client (none on one core): parallelism across clients is --jobs.
        # No hard deadline of its own (auditor.crawl.HardDeadline): the supervisor kills at the time limit.
        overrides={"GEO_EXTRACT_WORKERS": min(1, default_extract_workers()), "GEO_HARD_TIMEOUT": False},
    )
    config = ScoringConfig(
        weights=dict(spec.weights), disabled=frozenset(spec.disabled), source_domains=spec.source_domains
    )
    values: dict[str, Any]
    try:
        audit_id = crawl_only(spec.url, store=store, options=options, on_page=on_page)
        row = store.audit(audit_id)
        if row is not None and row.status == "partial":  # SIGTERM during the crawl (Ctrl-C, time limit)
            raise AuditInterrupted(f"crawl interrupted; audit {audit_id} kept as partial")
        unreachable = unreachable_problem(store, audit_id)  # the client's server died mid-crawl
        if unreachable:
            raise AuditError(unreachable)
        result = suggest_stage(store, audit_id, score_stage(store, audit_id, config))  # deterministic briefs
        files = write_reports(result, Path(spec.out), spec.lang, spec.branding)
        values = {
            "status": "done",
            "audit_id": audit_id,
            "site_score": result.site_score,
            "pages": result.coverage.urls_crawled,
            "report": str(files["html"]),
        }
    except AuditInterrupted as exc:
        values = {"status": "interrupted", "error": str(exc)}
    except AuditError as exc:
        values = {"status": "error", "error": str(exc)}
    except MemoryError:
        values = {"status": "error", "error": f"memory limit of {spec.memory_mb} MB exceeded (an allocation failed)"}
    except Exception as exc:  # any failure of one client is its error entry, never the batch's
        values = {"status": "error", "error": f"{type(exc).__name__}: {exc}".splitlines()[0][:500]}
    values.update(finished=_now(), peak_mb=peak_rss_mb())
    if values["status"] == "interrupted":
        values.pop("finished")
    store.update_item(batch_id, spec.name, **values)
    store.close()
    if events is not None:
        events.put((spec.name, values["status"], pages))
    return values["status"]


def _child_main(spec: ClientSpec, db: str, batch_id: int, events: Any, worker: str | None) -> None:
    # Ctrl-C goes to the whole terminal process group: only the parent handles it (and then sends
    # SIGTERM, which Scrapy turns into a graceful close). Scrapy keeps an ignored SIGINT ignored.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _watch_parent()
    _limit_memory(spec.memory_mb)
    run_client(spec, db, batch_id, events, worker)


# -- supervision -------------------------------------------------------------------------------
@dataclass
class _Running:
    spec: ClientSpec
    process: Any
    started: float
    terminated: float | None = None
    reason: str | None = None  # why the parent stopped it
    memory_checked: float = 0.0
    peak_mb: float | None = None  # the largest process-tree memory the watchdog saw
    descendants: dict[int, int | None] = field(default_factory=dict)  # pid -> start time, as last seen


def _exit_reason(spec: ClientSpec, code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"child process killed by {name}"
    return f"child process crashed (exit code {code})"


class Supervisor:
    """Starts spawn children, enforces time and memory limits, turns deaths into error entries.

    The memory limit is watched here, in the parent, every MEMORY_POLL_S: the PSS of the child and
    its descendants (the crawl's extraction worker). A child over its limit is killed at once with
    its whole tree (SIGKILL: a graceful close would only allocate more). RLIMIT_AS in the child is
    the backstop for a single huge allocation between two checks. Descendants seen while a child
    ran are killed when it ends, so a crashed child leaves no orphan worker behind."""

    def __init__(self, store: Store, db: str, batch_id: int, events: Any, worker: str | None = None) -> None:
        self.store = store
        self.db = db
        self.batch_id = batch_id
        self.events = events
        self.worker = worker
        self.ctx = multiprocessing.get_context("spawn")
        self.running: dict[str, _Running] = {}

    def start(self, spec: ClientSpec) -> None:
        process = self.ctx.Process(
            target=_child_main,
            name=f"geo-audit {spec.name}",
            args=(spec, self.db, self.batch_id, self.events, self.worker),
            daemon=False,
        )
        self.store.update_item(self.batch_id, spec.name, status="running", started=_now(), error=None)
        process.start()
        self.running[spec.name] = _Running(spec, process, time.monotonic())

    def stop(self, name: str, reason: str) -> None:
        run = self.running[name]
        if run.terminated is None and run.process.is_alive():
            run.terminated, run.reason = time.monotonic(), reason
            run.process.terminate()  # SIGTERM: Scrapy closes the crawl gracefully

    def poll(self) -> list[str]:
        """Enforce limits and reap ended children; returns the names that ended."""
        ended = []
        for name, run in list(self.running.items()):
            limit = run.spec.time_limit
            if limit and run.terminated is None and time.monotonic() - run.started > limit:
                self.stop(name, f"time limit of {limit} s exceeded")
            self._watch_memory(run)
            if run.terminated is not None and run.process.is_alive() and time.monotonic() - run.terminated > GRACE_S:
                _kill_tree(process_tree(run.process.pid) or [run.process.pid])
            if run.process.is_alive():
                continue
            run.process.join()
            self._kill_orphans(run)
            reason = run.reason or _exit_reason(run.spec, run.process.exitcode)
            status = "interrupted" if reason == "interrupted" else "error"
            values: dict[str, Any] = {"status": status, "error": reason}
            if status == "error":
                values["finished"] = _now()
                if run.peak_mb is not None:
                    values["peak_mb"] = run.peak_mb
            # only when the child did not record its own final state
            if self.store.update_item(self.batch_id, name, only_unfinished=True, **values) and self.events:
                self.events.put((name, status, None))
            del self.running[name]
            ended.append(name)
        return ended

    def _watch_memory(self, run: _Running) -> None:
        """Every MEMORY_POLL_S: note the child's descendants and check its memory limit."""
        limit = run.spec.memory_mb
        now = time.monotonic()
        if run.terminated is not None or now - run.memory_checked < MEMORY_POLL_S:
            return
        run.memory_checked = now
        used, pids = tree_memory_mb(run.process.pid, limit) if limit else (None, process_tree(run.process.pid))
        for pid in pids[1:]:
            if pid not in run.descendants:  # read /proc once per new process, not on every poll
                run.descendants[pid] = _start_time(pid)
        if used is None:
            return
        run.peak_mb = max(run.peak_mb or 0.0, used)
        if used > limit and run.process.is_alive():
            run.terminated, run.reason = now, f"memory limit of {limit} MB exceeded ({used:.0f} MB in use)"
            _kill_tree(pids)

    @staticmethod
    def _kill_orphans(run: _Running) -> None:
        """A child that died without stopping its extraction worker (a crash, the OOM killer)
        leaves it to init: kill the descendants seen while it ran, if they are still the same
        processes."""
        alive = [pid for pid, started in run.descendants.items() if started and _start_time(pid) == started]
        _kill_tree(alive)

    def interrupt_all(self) -> None:
        for name in list(self.running):
            self.stop(name, "interrupted")
        deadline = time.monotonic() + GRACE_S + 2
        while self.running and time.monotonic() < deadline:
            self.poll()
            time.sleep(0.1)
        for run in self.running.values():
            if run.process.is_alive():
                _kill_tree(process_tree(run.process.pid) or [run.process.pid])
        while self.running:
            self.poll()
            time.sleep(0.05)


def run_client_supervised(spec: ClientSpec, db: str, batch_id: int, worker: str | None = None) -> str:
    """One client in a supervised spawn child (the distributed workers use this); returns its status."""
    store = Store(db)
    try:
        supervisor = Supervisor(store, db, batch_id, None, worker)
        supervisor.start(spec)
        try:
            while supervisor.running:
                supervisor.poll()
                time.sleep(0.2)
        except BaseException:
            supervisor.interrupt_all()
            raise
        item = next(i for i in store.batch_items(batch_id) if i.client == spec.name)
        return item.status
    finally:
        store.close()


# -- the batch ---------------------------------------------------------------------------------
@dataclass
class ClientState:
    name: str
    url: str
    status: str = "pending"
    pages: int | None = None
    score: float | None = None
    error: str | None = None
    started: float | None = None
    ended: float | None = None
    skipped: bool = False  # finished in an earlier run of this batch (--resume)


@dataclass
class BatchOutcome:
    batch_id: int
    name: str
    out: str
    items: list[BatchItemRow]
    interrupted: bool
    wall_s: float
    resumed_skipped: list[str]
    peak_child_mb: float


def open_batch(store: Store, batch: BatchFile, resume: bool, retry_errors: bool = False) -> tuple[int, set[str]]:
    """The batch row (the latest one of this name with --resume, else a new one) and its finished
    clients (done or error; done only with `retry_errors`)."""
    existing = store.latest_batch(batch.name) if resume else None
    batch_id = existing.id if existing else store.create_batch(batch.name, batch.source)
    store.add_batch_items(batch_id, [(c.name, c.url, c.out) for c in batch.clients])
    if existing:  # its items keep their state
        store.reopen_batch(batch_id)
    final = ("done",) if retry_errors else FINAL_ITEM_STATUSES
    done = {i.client for i in store.batch_items(batch_id) if i.status in final}
    for item in store.batch_items(batch_id):
        if item.status == "error" and item.client not in done:  # retried: no longer final
            store.update_item(batch_id, item.client, status="pending")
    return batch_id, done


def run_batch(
    batch: BatchFile,
    *,
    db: str,
    jobs: int = 2,
    resume: bool = False,
    retry_errors: bool = False,
    on_change: Callable[[dict[str, ClientState]], None] | None = None,
) -> BatchOutcome:
    """Run every client of the batch, at most `jobs` at once. Ctrl-C stops the children cleanly
    (BatchOutcome.interrupted) and re-raises nothing: the caller decides the exit code."""
    started = time.monotonic()
    store = Store(db)
    batch_id, finished = open_batch(store, batch, resume, retry_errors)
    states = {c.name: ClientState(c.name, c.url) for c in batch.clients}
    for item in store.batch_items(batch_id):
        if item.client in finished and item.client in states:
            states[item.client] = ClientState(
                item.client, item.url, item.status, item.pages, item.site_score, item.error, skipped=True
            )
    todo = [c for c in batch.clients if c.name not in finished]
    ctx = multiprocessing.get_context("spawn")
    events = ctx.Queue()
    supervisor = Supervisor(store, db, batch_id, events)
    interrupted = False

    def drain() -> None:
        while True:
            try:
                name, kind, value = events.get_nowait()
            except (queue.Empty, OSError, EOFError):
                return
            state = states.get(name)
            if state is None:
                continue
            if kind == "pages":
                state.pages = value
            else:
                state.status = kind
                if value is not None:
                    state.pages = value

    def refresh() -> None:
        drain()
        for item in store.batch_items(batch_id):
            state = states.get(item.client)
            if state and not state.skipped and item.status in FINAL_ITEM_STATUSES + ("interrupted",):
                state.status, state.score, state.error = item.status, item.site_score, item.error
                state.pages = item.pages if item.pages is not None else state.pages
                state.ended = state.ended or time.monotonic()
        if on_change:
            on_change(states)

    try:
        pending = list(todo)
        while pending or supervisor.running:
            while pending and len(supervisor.running) < max(1, jobs):
                spec = pending.pop(0)
                supervisor.start(spec)
                states[spec.name].status, states[spec.name].started = "running", time.monotonic()
            if supervisor.poll():
                refresh()
            else:
                drain()
                if on_change:
                    on_change(states)
            time.sleep(0.2)
        refresh()
    except KeyboardInterrupt:
        interrupted = True
        supervisor.interrupt_all()
        refresh()
    store.finish_batch(batch_id, "interrupted" if interrupted else "complete")
    items = store.batch_items(batch_id)
    store.close()
    events.close()
    return BatchOutcome(
        batch_id,
        batch.name,
        batch.out,
        items,
        interrupted,
        time.monotonic() - started,
        sorted(finished),
        peak_rss_mb(resource.RUSAGE_CHILDREN),
    )


def spec_to_dict(spec: ClientSpec) -> dict[str, Any]:
    return asdict(spec)


def spec_from_dict(data: dict[str, Any]) -> ClientSpec:
    data = dict(data)
    data["disabled"] = tuple(data.get("disabled", ()))
    data["source_domains"] = tuple(data.get("source_domains", ()))
    return replace(ClientSpec(name=data.pop("name"), url=data.pop("url"), out=data.pop("out")), **data)
