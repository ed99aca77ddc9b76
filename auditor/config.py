"""User configuration from `--config file.toml`: crawl limits, scoring overrides, the LLM step and
the report's branding (also from `--brand file.toml`).

```toml
[crawl]
max_pages = 300
max_depth = 8
delay = 0.5          # seconds between requests to the site (AutoThrottle adapts from here)
concurrency = 2      # parallel requests to the site
timeout = 900        # seconds for the whole crawl

[scoring]
disabled = ["readability"]
source_domains = ["bfr.bund.de", "vdma.org"]   # the client's own strong sources (and subdomains)

[scoring.weights]
statistics = 4

[brand]              # a white-label report: the agency's name, logo, colour and contact
name = "Agentur Nord"
logo = "nord.svg"    # PNG, JPEG, GIF, WebP or SVG, up to 256 KiB; relative to this file
color = "#1f4e79"
contact = "Jana Berg · +49 40 123456 · jana@agentur-nord.example"
```
"""

from __future__ import annotations

import base64
import math
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scoring.config import ScoringConfig, source_domain, validate

# Every setting: its type and the smallest value it may take (None: any string). Checked at load, so a
# wrong value is one `error:` line before anything runs (`max_pages = 0` once meant "no limit").
LLM_KEYS: dict[str, tuple[type, float | None]] = {
    "backend": (str, None),
    "model": (str, None),
    "base_url": (str, None),
    "timeout": (float, 1),
    "concurrency": (int, 1),
    "max_briefs": (int, 0),
    "max_tokens": (int, 1),
    "threads": (int, 1),  # local: llama.cpp threads
    "context": (int, 256),  # local: context window in tokens
    "price_in_per_mtok": (float, 0),
    "price_out_per_mtok": (float, 0),
}
CRAWL_KEYS: dict[str, tuple[type, float | None]] = {
    "max_pages": (int, 1),
    "max_depth": (int, 0),
    "delay": (float, 0),
    "concurrency": (int, 1),
    "timeout": (int, 1),
}
# [brand] (and --brand FILE): keys, and the longest text each may hold.
BRAND_TEXT_LIMITS = {"name": 120, "contact": 300, "footer": 500}
BRAND_KEYS = ("name", "logo", "color", "contact", "footer")
# Logo files by suffix, and the bytes each kind starts with (a renamed file is not embedded as an image).
LOGO_KINDS: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".gif": ("image/gif", (b"GIF87a", b"GIF89a")),
    ".webp": ("image/webp", (b"RIFF",)),
    ".svg": ("image/svg+xml", ()),
}
MAX_LOGO_BYTES = 256 * 1024  # as reports.writers.MAX_LOGO_BYTES
_HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})")
_TYPE_NAMES = {int: "a whole number", float: "a number", str: "a string"}
_URL_USERINFO = re.compile(r"(?i)(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*+://)([^/@\s]*+)@")
_SECRET_ENV = ("OPENAI_API_KEY", "PGPASSWORD", "REDIS_PASSWORD")
# Control characters (C0, DEL, C1) and the bidirectional overrides a terminal or a reader can be fooled by.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class UserConfig:
    crawl: dict[str, Any] = field(default_factory=dict)
    scoring: ScoringConfig = field(default_factory=ScoringConfig)
    llm: dict[str, Any] = field(default_factory=dict)  # [llm]: see LLM_KEYS; keys come from the environment
    brand: dict[str, str] = field(default_factory=dict)  # [brand]: see brand_section; logo as a data: URI


def _typed(section: str, key: str, value: Any, spec: tuple[type, float | None], path: Path) -> Any:
    """`value` when it has the setting's TOML type and range, else ConfigError (one line)."""
    kind, minimum = spec
    name = f"{section}.{key} in {path}"
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or isinstance(value, bool):
        shown = f"{_toml_kind(value)} {_short(value)}".strip()
        raise ConfigError(f"{name} must be {_TYPE_NAMES[kind]}, not {shown}")
    if kind is float and not math.isfinite(value):
        raise ConfigError(f"{name} must be a finite number, not {value}")
    if minimum is not None and value < minimum:
        raise ConfigError(f"{name} must be at least {minimum:g}, not {value:g}")
    if kind is str and not value.strip():
        raise ConfigError(f"{name} must not be empty")
    return value


def _toml_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "the string"
    return type(value).__name__


def _short(value: Any) -> str:
    text = repr(value) if isinstance(value, str | int | float) and not isinstance(value, bool) else ""
    return clean_line(text[:60])


def _table(data: dict[str, Any], key: str, path: Path, where: str = "") -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{where}{key} in {path} must be a table ([{where}{key}]), not {_toml_kind(value)}")
    return value


def _read_toml(path: Path, what: str) -> dict[str, Any]:
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{what} not found: {path}") from exc
    except IsADirectoryError as exc:
        raise ConfigError(f"{what} {path} is a folder, not a file") from exc
    except OSError as exc:
        raise ConfigError(f"cannot read {what} {path}: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{what} {path} is not valid TOML: {exc}") from exc


def load_config(path: Path | None) -> UserConfig:
    if path is None:
        return UserConfig()
    data = _read_toml(path, "config file")
    unknown = sorted(set(data) - {"crawl", "scoring", "llm", "brand"})
    if unknown:
        raise ConfigError(f"unknown section(s) in {path}: {', '.join(unknown)}")
    crawl = {}
    for key, value in _table(data, "crawl", path).items():
        if key not in CRAWL_KEYS:
            raise ConfigError(f"unknown crawl setting {key!r} in {path}")
        crawl[key] = _typed("crawl", key, value, CRAWL_KEYS[key], path)
    scoring = _scoring(_table(data, "scoring", path), path)
    llm = {}
    for key, value in _table(data, "llm", path).items():
        if key not in LLM_KEYS:  # api_key included: keys belong in the environment, not in files
            raise ConfigError(f"unknown llm setting {key!r} in {path}")
        llm[key] = _typed("llm", key, value, LLM_KEYS[key], path)
    if "base_url" in llm:
        problem = url_problem(llm["base_url"])
        if problem:
            raise ConfigError(f"llm.base_url in {path}: {problem}")
    brand = brand_section(_table(data, "brand", path), path)
    return UserConfig(crawl=crawl, scoring=scoring, llm=llm, brand=brand)


# -- branding ----------------------------------------------------------------------------------
def load_brand_file(path: Path) -> dict[str, str]:
    """The branding of `--brand FILE.toml`: its keys at the top level or in a [brand] table, as
    `brand_section` checks them."""
    data = _read_toml(path, "brand file")
    if set(data) == {"brand"}:
        data = _table(data, "brand", path)
    return brand_section(data, path)


def brand_section(section: dict[str, Any], path: Path) -> dict[str, str]:
    """[brand] checked, each problem one ConfigError line: name, contact and footer are one line of
    text each; color a hex colour (#1f4e79); logo a PNG/JPEG/GIF/WebP/SVG file of at most 256 KiB
    (relative to the file `path`), returned embedded as a data: URI so the report stays
    self-contained and a missing file is found before the crawl."""
    section = dict(section)
    if "colour" in section:  # the British spelling, as in batch files
        if "color" in section:
            raise ConfigError(f"brand.color and brand.colour in {path}: give one of them")
        section["color"] = section.pop("colour")
    brand: dict[str, str] = {}
    for key, value in section.items():
        if key not in BRAND_KEYS:
            raise ConfigError(f"unknown brand setting {key!r} in {path} (known: {', '.join(BRAND_KEYS)})")
        value = _typed("brand", key, value, (str, None), path).strip()
        if key in BRAND_TEXT_LIMITS:
            if _CONTROL.search(value):
                raise ConfigError(f"brand.{key} in {path} must be one line of text without control characters")
            if len(value) > BRAND_TEXT_LIMITS[key]:
                raise ConfigError(f"brand.{key} in {path} is longer than {BRAND_TEXT_LIMITS[key]} characters")
        elif key == "color" and not _HEX_COLOUR.fullmatch(value):
            raise ConfigError(f"brand.color in {path} must be a hex colour like #1f4e79, not {_short(value)}")
        elif key == "logo":
            value = logo_data_uri(Path(path).expanduser().parent / Path(value).expanduser(), f"brand.logo in {path}")
        brand[key] = value
    return brand


def logo_data_uri(file: Path, where: str) -> str:
    """The logo file as a data: URI, or ConfigError (one line) naming `where` it was set."""
    kind = LOGO_KINDS.get(file.suffix.lower())
    if kind is None:
        raise ConfigError(f"{where}: {file} must be a PNG, JPEG, GIF, WebP or SVG file")
    mime, starts = kind
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{where}: logo file not found: {file}") from None
    except IsADirectoryError:
        raise ConfigError(f"{where}: {file} is a folder, not a logo file") from None
    except OSError as exc:
        raise ConfigError(f"{where}: cannot read {file}: {exc.strerror or exc}") from None
    if len(data) > MAX_LOGO_BYTES:
        raise ConfigError(f"{where}: {file} is larger than {MAX_LOGO_BYTES // 1024} KiB")
    if (starts and not data.startswith(starts)) or (mime == "image/webp" and data[8:12] != b"WEBP"):
        raise ConfigError(f"{where}: {file} is not a {file.suffix.lstrip('.').upper()} image")
    if mime == "image/svg+xml" and b"<svg" not in data.lower():
        raise ConfigError(f"{where}: {file} is not an SVG image")
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _scoring(section: dict[str, Any], path: Path) -> ScoringConfig:
    unknown = sorted(set(section) - {"weights", "disabled", "source_domains"})
    if unknown:
        raise ConfigError(f"unknown scoring setting(s) in {path}: {', '.join(unknown)}")
    domains = section.get("source_domains", [])
    if not isinstance(domains, list):
        raise ConfigError(f'scoring.source_domains in {path} must be a list of host names, e.g. ["bfr.bund.de"]')
    try:
        sources = tuple(dict.fromkeys(source_domain(d) for d in domains))
    except ValueError as exc:
        raise ConfigError(f"scoring.source_domains in {path}: {exc}") from exc
    weights = {}
    for check, value in _table(section, "weights", path, "scoring.").items():
        weights[check] = _typed("scoring.weights", check, value, (float, 0), path)
    disabled = section.get("disabled", [])
    if not isinstance(disabled, list) or not all(isinstance(d, str) for d in disabled):
        raise ConfigError(f'scoring.disabled in {path} must be a list of check ids, e.g. ["readability"]')
    scoring = ScoringConfig(weights=weights, disabled=frozenset(disabled), source_domains=sources)
    try:
        validate(scoring)
    except ValueError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    return scoring


# -- inputs checked before anything runs --------------------------------------------------------
def url_problem(raw: str) -> str | None:
    """Why `raw` is no usable http(s) URL (port out of range, no host, another scheme), or None."""
    text = raw.strip()
    if not text:
        return "an empty string is not a URL"
    if _CONTROL.search(text) or any(c.isspace() for c in text):
        return f"not a URL: {clean_line(repr(raw))}"
    candidate = text if "://" in text else "https://" + text
    try:
        parts = urlsplit(candidate)
        port = parts.port
    except ValueError as exc:
        if "port" in str(exc).lower():
            return f"not a URL: {clean_line(repr(raw))} (the port must be a number from 1 to 65535)"
        return f"not a URL: {clean_line(repr(raw))} ({exc})"
    if parts.scheme not in ("http", "https"):
        return f"only http and https URLs, not {parts.scheme!r}"
    if not parts.hostname:
        return f"not a URL: {clean_line(repr(raw))} (no host)"
    if port == 0:
        return f"not a URL: {clean_line(repr(raw))} (the port must be a number from 1 to 65535)"
    return None


def folder_problem(url: str) -> str | None:
    """Why a start argument written as a path (/srv/site, ./build, ~/site) is no folder to serve,
    or None (an existing folder, or no path at all: a URL, checked by url_problem)."""
    text = url.strip()
    if "://" in text:
        return None
    path = Path(text).expanduser()
    if path.is_dir():
        return None
    written_as_path = text.startswith(("/", "./", "../", "~", ".\\", "..\\")) or text in (".", "..")
    if not written_as_path and not path.exists():
        return None
    if path.exists():
        return f"{text} is a file, not a folder: give the folder of a static build, or a start URL"
    return f"folder {text} does not exist: give an existing folder with a static build, or a start URL (https://…)"


def check_out_dir(path: Path, option: str = "--out") -> None:
    """ConfigError unless `path` is (or can be created as) a writable folder: checked before a crawl,
    so a typo does not cost the whole crawl. Nothing is created here."""
    path = Path(path).expanduser()
    probe = path
    while not probe.exists():
        if probe.is_symlink():  # a dangling link
            raise ConfigError(f"{option} {path}: {probe} is a broken symbolic link")
        if probe.parent == probe:
            break
        probe = probe.parent
    if not probe.is_dir():
        where = "" if probe == path else f" ({probe} is a file)"
        raise ConfigError(f"{option} {path} is not a folder{where}")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise ConfigError(f"{option} {path}: no permission to write in {probe}")


# -- what may reach the terminal ---------------------------------------------------------------
def clean_line(text: str) -> str:
    """One printable line: control characters (terminal escape sequences included) removed, line
    breaks and tabs as spaces."""
    text = re.sub(r"[\r\n\t\v\f]+", " ", str(text))
    return _CONTROL.sub("", text)


def clean_text(text: str) -> str:
    """Like `clean_line` but keeps line breaks (for multi-line output such as tables)."""
    return _CONTROL.sub(lambda m: "" if m.group(0) != "\n" else "\n", str(text))


def mask_secrets(text: str, *secrets: str | None) -> str:
    """`text` with the password of every URL (scheme://user:password@host), the API key and any
    other secret given replaced by ***."""
    text = _URL_USERINFO.sub(_mask_userinfo, str(text))
    for secret in (*secrets, *(os.environ.get(name) for name in _SECRET_ENV)):
        if secret and len(secret) >= 4:
            text = text.replace(secret, "***")
    return text


def _mask_userinfo(match: re.Match[str]) -> str:
    user, sep, _password = match.group(2).partition(":")
    return f"{match.group(1)}{user}{sep}{'***' if sep else ''}@"


def store_error(exc: BaseException) -> str:
    """A database error in one line: the driver's message without SQLAlchemy's SQL dump and link."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc)
    text = text.split("\n[SQL:", 1)[0].split("(Background on this error", 1)[0]
    text = " ".join(text.split())
    lowered = text.lower()
    if "malformed" in lowered or "not a database" in lowered or "file is not a database" in lowered:
        text += " (the file is damaged: restore a backup or give another --db)"
    return text
