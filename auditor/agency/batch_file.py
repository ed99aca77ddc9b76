"""The batch file of an agency run (docs/batch.md): a TOML or CSV file listing the client domains,
with defaults, per-client limits, scoring overrides and branding, parsed into a BatchFile of
ClientSpecs. Every mistake is one BatchError line naming the file and the client, found before any
client runs.
"""

from __future__ import annotations

import csv
import math
import mimetypes
import re
import tomllib
import unicodedata
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from auditor.config import clean_line, url_problem
from auditor.errors import AuditError
from auditor.start_url import normalise_start_url
from scoring.config import source_domain
from scoring.registry import all_checks

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
BRANDING_KEYS = ("agency", "logo", "colour", "footer", "contact")
CSV_COLUMNS = (*CLIENT_KEYS, "disabled", "weights", "source_domains", *BRANDING_KEYS)
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
LOGO_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml")


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
    text = clean_line(text)
    return text if len(text) <= 80 else text[:79] + "…"


def _url_problem(url: str) -> str | None:
    """Why the client's start URL cannot be audited (checked before any client runs), or None."""
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


def spec_to_dict(spec: ClientSpec) -> dict[str, Any]:
    return asdict(spec)


def spec_from_dict(data: dict[str, Any]) -> ClientSpec:
    data = dict(data)
    data["disabled"] = tuple(data.get("disabled", ()))
    data["source_domains"] = tuple(data.get("source_domains", ()))
    return replace(ClientSpec(name=data.pop("name"), url=data.pop("url"), out=data.pop("out")), **data)
