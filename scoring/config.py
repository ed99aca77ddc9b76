"""Categories: the one place that decides how much each category counts.

A check's default weight inside its category is declared in the check's own file
(`scoring/checks/`); `Category.checks` collects them from the registry. Validated at load
(`validate()`): categories follow `CATEGORY_IDS`, weights are non-negative, user overrides name
registered checks. Users override weights or disable checks through `ScoringConfig` (from
`--config file.toml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scoring.registry import CATEGORY_IDS, all_checks


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    description: str
    weight: float

    @property
    def checks(self) -> dict[str, float]:
        """check id -> default weight inside the category, heaviest first (then by id)."""
        members = [(cls.weight, cid) for cid, cls in all_checks().items() if cls.category == self.id]
        return {cid: float(weight) for weight, cid in sorted(members, key=lambda m: (-m[0], m[1]))}


# Expertise and evidence carry the most weight: they are what answer engines quote and what the
# GEO study measured (+41 % quotations, +31 % statistics, +28 % cited sources; docs/sources.md).
CATEGORIES: tuple[Category, ...] = (
    Category(
        "expertise",
        "Expertise & trust",
        "Who stands behind the content: authors, experts, company identity.",
        25,
    ),
    Category(
        "evidence",
        "Evidence",
        "What answer engines quote: attributed quotations, statistics, cited sources, dates.",
        25,
    ),
    Category("depth", "Depth & focus", "Fewer, deeper articles on a clear topic.", 20),
    Category("links", "Internal links", "Whether readers and crawlers reach the deep pages.", 15),
    Category(
        "technical",
        "AI access & technical",
        "Whether search and AI systems may fetch, index and read the pages.",
        15,
    ),
)


@dataclass(frozen=True)
class ScoringConfig:
    """User overrides on top of CATEGORIES."""

    weights: dict[str, float] = field(default_factory=dict)  # check id -> weight
    disabled: frozenset[str] = frozenset()
    # the client's own strong sources (a trade body, a research institute): links to these hosts and
    # their subdomains count as authoritative citations, as the built-in lists do
    source_domains: tuple[str, ...] = ()

    def check_weight(self, check_id: str) -> float:
        if check_id in self.disabled:
            return 0.0
        if check_id in self.weights:
            return float(self.weights[check_id])
        return float(all_checks()[check_id].weight)


_SOURCE_DOMAIN = re.compile(r"(?<![a-z0-9.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}")


def source_domain(value: object) -> str:
    """A `source_domains` entry as stored ("www.BfR.bund.de" -> "bfr.bund.de"), ValueError when it is
    no host name."""
    host = value.strip().lower().removeprefix("www.") if isinstance(value, str) else ""
    if not _SOURCE_DOMAIN.fullmatch(host):
        raise ValueError(f"source domain {str(value)[:60]!r} is no host name (e.g. \"bfr.bund.de\")")
    return host


def category_of(check_id: str) -> Category:
    for category in CATEGORIES:
        if check_id in category.checks:
            return category
    raise KeyError(check_id)


def validate(config: ScoringConfig | None = None) -> None:
    """Raise ValueError when categories, the registry and the overrides disagree (each check's own
    metadata is validated when it registers: scoring.registry.register)."""
    registry = all_checks()
    if tuple(c.id for c in CATEGORIES) != CATEGORY_IDS:
        raise ValueError("CATEGORIES must list the categories in CATEGORY_IDS order")
    for category in CATEGORIES:
        if category.weight < 0:
            raise ValueError(f"category {category.id}: negative weight")
    if config is not None:
        unknown = sorted((set(config.weights) | set(config.disabled)) - set(registry))
        if unknown:
            raise ValueError(f"unknown check id in config: {', '.join(unknown)}")
        if any(w < 0 for w in config.weights.values()):
            raise ValueError("weights in config must be >= 0")
        for check_id, weight in config.weights.items():
            if registry[check_id].stage == "preview" and weight > 0:
                raise ValueError(f"preview check {check_id!r} must weigh 0")
