"""The command line's options and what they turn into: the audit store of `--db`, the crawl options
of the flags and the config file, the LLM step, a checked `--lang`, the report's branding (`--brand`
and [brand] of `--config`); `--help` without type labels (`plain_help_labels`). One-line errors
(AuditError, ConfigError) for values that cannot work, before anything runs.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Annotated, Any

import typer

from auditor.config import UserConfig, load_brand_file, store_error
from auditor.crawl import CrawlOptions
from auditor.errors import AuditError
from auditor.llm import BACKENDS, LLMConfig
from auditor.store import Store
from spiders import settings as crawl_defaults

# str, not Path: Path("postgresql://h/db") collapses "//" and the URL would become a file name.
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="FILE|URL",
        help="Audit store: SQLite file or SQLAlchemy URL (default: geo-auditor/audits.db in "
        "$XDG_DATA_HOME or ~/.local/share).",
    ),
]
OutOption = Annotated[
    Path, typer.Option("--out", "-o", metavar="FOLDER", help="Folder for report.html, results.json, pages.csv.")
]
LangOption = Annotated[
    str | None, typer.Option("--lang", metavar="de|en", help="Report language (default: the site's).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print a machine-readable summary.")]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", metavar="FILE", help="TOML file with crawl, scoring, llm and brand sections (see README)."
    ),
]
BrandOption = Annotated[
    Path | None,
    typer.Option(
        "--brand",
        metavar="FILE",
        help="TOML file with the report's branding: name, logo (file), color (#rrggbb), contact; wins over "
        "the brand section of --config.",
    ),
]
CsvSeparatorOption = Annotated[
    str | None,
    typer.Option(
        "--csv-separator",
        metavar="CHAR",
        help="Separator of pages.csv and findings.csv: ',' or ';' (default: ';' for German reports, for Excel; "
        "else ',').",
    ),
]
PdfOption = Annotated[
    bool, typer.Option("--pdf", help="Also write report.pdf (A4, rendered from the report by Chromium).")
]
LlmOption = Annotated[
    str | None,
    typer.Option(
        "--llm",
        metavar="BACKEND",
        help="Briefs for deeper articles: none (deterministic, default), openai (OPENAI_BASE_URL, "
        "OPENAI_API_KEY) or local (embedded llama.cpp; extra local-llm).",
    ),
]
LlmModelOption = Annotated[
    str | None,
    typer.Option(
        "--llm-model",
        metavar="MODEL",
        help="openai: model name; local: a packaged model by short name (1.5b, 0.5b) or a path to a GGUF "
        "file (default: the 1.5B model when its extra is installed, else the 0.5B).",
    ),
]

# The crawl's options (`geo-audit audit`); each limit's help names its default.
MaxPagesOption = Annotated[
    int | None,
    typer.Option(min=1, metavar="N", help=f"Stop after this many URLs (default: {CrawlOptions.max_pages})."),
]
MaxDepthOption = Annotated[
    int | None,
    typer.Option(
        min=0, metavar="N", help=f"Follow links this many clicks deep; 0: no limit (default: {CrawlOptions.max_depth})."
    ),
]
DelayOption = Annotated[
    float | None,
    typer.Option(
        min=0,
        metavar="SECONDS",
        help=f"Seconds between requests (default: {crawl_defaults.DOWNLOAD_DELAY:g}; AutoThrottle slows down for a "
        "slow server).",
    ),
]
TimeoutOption = Annotated[
    int | None,
    typer.Option(
        min=1,
        metavar="SECONDS",
        help="Seconds for the crawl, which then stops gracefully; 60 s later (GEO_HARD_TIMEOUT_GRACE) the whole "
        "audit ends, whatever hangs, keeping what was crawled (default: no time limit).",
    ),
]
AsHostOption = Annotated[
    str | None,
    typer.Option(
        metavar="URL",
        help="Production origin (https://www.example.de): its links, canonicals and sitemap URLs count as internal "
        "and map onto the crawled staging host or served folder.",
    ),
]
IncludeOption = Annotated[
    list[str] | None, typer.Option(metavar="REGEX", help="Only crawl URLs matching this regex (repeatable).")
]
ExcludeOption = Annotated[
    list[str] | None, typer.Option(metavar="REGEX", help="Skip URLs matching this regex (repeatable).")
]
StripParamsOption = Annotated[
    str | None,
    typer.Option(
        metavar="NAMES",
        help="Comma-separated query parameters to drop from URLs (utm_* style prefixes allowed; 'none' keeps all). "
        "Default: tracking and session parameters.",
    ),
]
SubdomainsOption = Annotated[
    bool, typer.Option("--subdomains", help="Crawl other subdomains too (www and apex are always one site).")
]
FollowNofollowOption = Annotated[
    bool,
    typer.Option(
        "--follow-nofollow",
        help="Follow links that meta robots or rel nofollow close (a staging build marked noindex,nofollow).",
    ),
]
FreshOption = Annotated[
    bool,
    typer.Option(
        "--fresh",
        help="Fetch and extract every page and score anew, even pages and scores an earlier audit of the site "
        "left unchanged (default: reuse them; see docs/reaudit.md).",
    ),
]
RENDER_MODES = ("sample", "all")
RenderOption = Annotated[
    str | None,
    typer.Option(
        "--render",
        metavar="[sample|all]",
        help="Also render pages in headless Chromium and compare them with the HTML AI crawlers read: "
        "'sample' (the default when given) one page per template plus a small seeded share, 'all' every page.",
    ),
]


def render_argv(args: list[str]) -> list[str]:
    """`--render` without a value means `--render sample` (Click options always take their value)."""
    out: list[str] = []
    for i, arg in enumerate(args):
        out.append(arg)
        following = args[i + 1] if i + 1 < len(args) else None
        if arg == "--render" and following not in RENDER_MODES:
            out.append("sample")
    return out


def check_render(mode: str | None) -> str | None:
    if mode is not None and mode not in RENDER_MODES:
        raise AuditError(f"--render takes {' or '.join(RENDER_MODES)}, not {mode!r}")
    if mode is not None and importlib.util.find_spec("scrapy_playwright") is None:
        raise AuditError("--render needs scrapy-playwright: pip install 'geo-auditor[render]'")
    return mode


SettingOption = Annotated[
    list[str] | None,
    typer.Option(
        "--setting", "-s", metavar="NAME=VALUE", help="Raw Scrapy setting (repeatable), e.g. DOWNLOAD_TIMEOUT=5."
    ),
]

opened_stores: list[str] = []  # stores opened in this run: named when one fails later (a damaged file)


def plain_help_labels() -> None:
    """`--help` without typer's `<bool>`, `<int range>`, `<str>` type labels (typer >= 0.2x): no label
    for flags and arguments (the name and help say it), an option's metavar or a plain upper-case
    type (INTEGER, NUMBER, TEXT, PATH) otherwise — what click shows. Older typer releases print
    click's labels themselves and have no `display_type_rich` to replace."""
    from typer import core

    option, argument = getattr(core, "TyperOption", None), getattr(core, "TyperArgument", None)
    if option is None or argument is None or not hasattr(option, "display_type_rich"):
        return
    plain = {"int": "INTEGER", "float": "NUMBER", "str": "TEXT", "path": "PATH", "bool": None}

    def option_label(self, ctx):  # typer calls it as a method
        if self.metavar is not None:
            return self.metavar
        if getattr(self, "is_flag", False):
            return None
        try:
            label = str(self.display_type(ctx)).strip("<>").removesuffix(" range")
        except Exception:
            return None
        inner = label.removeprefix("list[").removesuffix("]")
        return plain.get(inner, inner.upper())

    option.display_type_rich = option_label
    argument.display_type_rich = lambda self, ctx: None


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


def check_csv_separator(separator: str | None) -> None:
    if separator not in (None, ",", ";"):
        raise AuditError(f"--csv-separator must be ',' or ';', not {separator!r}")


def make_llm_config(backend: str | None, model: str | None, user: UserConfig) -> LLMConfig:
    """--llm/--llm-model win over [llm] in the config file; the default is the deterministic builder."""
    settings = dict(user.llm)
    name = (backend or settings.pop("backend", None) or "none").lower()
    settings.pop("backend", None)
    if name not in BACKENDS:
        raise AuditError(f"--llm must be one of {', '.join(BACKENDS)}, not {name!r}")
    if model:
        settings["model"] = model
    if "timeout" in settings:
        settings["timeout_s"] = settings.pop("timeout")
    return LLMConfig(backend=name, **settings)


def report_branding(user: UserConfig, brand: Path | None) -> dict[str, str] | None:
    """The report's branding: [brand] of the config file, key by key overridden by `--brand FILE`
    (both checked, the logo embedded, before anything runs); None without any."""
    merged = {**user.brand, **(load_brand_file(brand) if brand is not None else {})}
    return merged or None


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
        follow_nofollow=bool(merged.get("follow_nofollow")),
        as_host=merged.get("as_host"),
        render=check_render(merged.get("render")),
        reuse=not merged.get("fresh", False),
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
