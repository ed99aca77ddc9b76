"""The command line's shared options and what they turn into: the audit store of `--db`, the crawl
options of the flags and the config file, a checked `--lang`. One-line errors (AuditError) for
values that cannot work, before anything runs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Any

import typer

from auditor.config import UserConfig, store_error
from auditor.crawl import CrawlOptions
from auditor.errors import AuditError
from auditor.store import Store

# str, not Path: Path("postgresql://h/db") collapses "//" and the URL would become a file name.
DbOption = Annotated[str | None, typer.Option("--db", help="Audit store: SQLite file or SQLAlchemy URL.")]
OutOption = Annotated[Path, typer.Option("--out", "-o", help="Folder for report.html, results.json, pages.csv.")]
LangOption = Annotated[str | None, typer.Option("--lang", help="Report language: de or en (default: the site's).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print a machine-readable summary.")]
ConfigOption = Annotated[Path | None, typer.Option("--config")]
LlmOption = Annotated[
    str | None,
    typer.Option(
        "--llm",
        help="Briefs for deeper articles: none (deterministic, default), openai (OPENAI_BASE_URL, "
        "OPENAI_API_KEY) or local (embedded llama.cpp; extra local-llm).",
    ),
]
LlmModelOption = Annotated[
    str | None,
    typer.Option(
        "--llm-model",
        help="openai: model name; local: a packaged model by short name (1.5b, 0.5b) or a path to a GGUF "
        "file (default: the 1.5B model when its extra is installed, else the 0.5B).",
    ),
]

opened_stores: list[str] = []  # stores opened in this run: named when one fails later (a damaged file)


def open_store(db: str | Path | None) -> Store:
    """The audit store of --db (use it as `with open_store(db) as store:`); AuditError when it
    cannot be opened."""
    try:
        store = Store(db)
    except Exception as exc:
        raise AuditError(f"cannot open the audit store {db or 'in the default place'}: {store_error(exc)}") from exc
    opened_stores.append(store.url)
    return store


def check_lang(lang: str | None, option: str = "--lang") -> None:
    if lang not in (None, "de", "en"):
        raise AuditError(f"{option} must be de or en, not {lang!r}")


def crawl_options(user: UserConfig, **cli: Any) -> CrawlOptions:
    """CLI flags win over the config file, which wins over the defaults."""
    merged = {**user.crawl, **{k: v for k, v in cli.items() if v is not None}}
    defaults = CrawlOptions()
    return CrawlOptions(
        max_pages=merged.get("max_pages", defaults.max_pages),
        max_depth=merged.get("max_depth", defaults.max_depth),
        timeout_s=merged.get("timeout", defaults.timeout_s),
        delay_s=merged.get("delay"),
        concurrency=merged.get("concurrency"),
        overrides=merged.get("overrides", {}),
        include=tuple(merged.get("include") or ()),
        exclude=tuple(merged.get("exclude") or ()),
        strip_params=merged.get("strip_params"),
        subdomains=bool(merged.get("subdomains")),
        as_host=merged.get("as_host"),
    )


def crawl_scope(
    include: list[str] | None, exclude: list[str] | None, strip_params: str | None, settings: list[str] | None
) -> dict[str, Any]:
    """Validated --include/--exclude/--strip-params/--setting values (one-line errors)."""
    for pattern in [*(include or []), *(exclude or [])]:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise AuditError(f"not a regular expression: {pattern!r} ({exc})") from exc
    overrides: dict[str, Any] = {}
    for item in settings or []:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip().isupper():
            raise AuditError(f"--setting wants NAME=VALUE with a Scrapy setting name, not {item!r}")
        try:
            overrides[key.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            overrides[key.strip()] = raw
    strip = None
    if strip_params is not None:
        strip = (
            ()
            if strip_params.strip().lower() in ("", "none")
            else tuple(p.strip() for p in strip_params.split(",") if p.strip())
        )
    return {"include": include, "exclude": exclude, "strip_params": strip, "overrides": overrides or None}
