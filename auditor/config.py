"""User configuration from `--config file.toml`: crawl limits and scoring overrides.

```toml
[crawl]
max_pages = 300
max_depth = 8
delay = 0.5          # seconds between requests to the site (AutoThrottle adapts from here)
concurrency = 2      # parallel requests to the site
timeout = 900        # seconds for the whole crawl

[scoring]
disabled = ["readability"]

[scoring.weights]
statistics = 4
```
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scoring.config import ScoringConfig, validate

LLM_KEYS = {
    "backend": str,
    "model": str,
    "base_url": str,
    "timeout": float,
    "concurrency": int,
    "max_briefs": int,
    "max_tokens": int,
    "threads": int,  # local: llama.cpp threads
    "context": int,  # local: context window in tokens
    "price_in_per_mtok": float,
    "price_out_per_mtok": float,
}
CRAWL_KEYS = {"max_pages": int, "max_depth": int, "delay": float, "concurrency": int, "timeout": int}


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class UserConfig:
    crawl: dict[str, Any] = field(default_factory=dict)
    scoring: ScoringConfig = field(default_factory=ScoringConfig)
    llm: dict[str, Any] = field(default_factory=dict)  # [llm]: see LLM_KEYS; keys come from the environment


def load_config(path: Path | None) -> UserConfig:
    if path is None:
        return UserConfig()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"config file not found: {path}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - {"crawl", "scoring", "llm"})
    if unknown:
        raise ConfigError(f"unknown section(s) in {path}: {', '.join(unknown)}")
    crawl = {}
    for key, value in data.get("crawl", {}).items():
        if key not in CRAWL_KEYS:
            raise ConfigError(f"unknown crawl setting {key!r} in {path}")
        try:
            crawl[key] = CRAWL_KEYS[key](value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"crawl.{key} in {path} must be a number") from exc
    section = data.get("scoring", {})
    scoring = ScoringConfig(
        weights={k: float(v) for k, v in section.get("weights", {}).items()},
        disabled=frozenset(section.get("disabled", [])),
    )
    try:
        validate(scoring)
    except ValueError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    llm = {}
    for key, value in data.get("llm", {}).items():
        if key not in LLM_KEYS:  # api_key included: keys belong in the environment, not in files
            raise ConfigError(f"unknown llm setting {key!r} in {path}")
        try:
            llm[key] = LLM_KEYS[key](value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"llm.{key} in {path} has the wrong type") from exc
    return UserConfig(crawl=crawl, scoring=scoring, llm=llm)
