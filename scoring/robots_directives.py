"""Robots directives (meta robots, X-Robots-Tag) parsed with their crawler scope: shared by the
noindex check and `scoring.site.is_indexable`, so "googlebot: noindex" in a header keeps a page out of
content and duplicate advice exactly when the noindex check fails it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from scoring.core.ai_agents import lookup
from scoring.core.records import PageRecord

# Directives that carry a value after a colon; any other "name:" prefix names a crawler.
_VALUED = {"max-snippet", "max-image-preview", "max-video-preview", "unavailable_after"}


@dataclass(frozen=True)
class Directive:
    name: str  # "noindex", "max-snippet", …
    value: str | None  # "0" for max-snippet:0
    scope: str | None  # the crawler it is addressed to, None for all
    source: str  # "robots_meta" | "x_robots_tag"
    raw: str  # the whole directive string as found


def parse_directives(raw: str, source: str) -> list[Directive]:
    """Directives of one meta robots / X-Robots-Tag value, with their crawler scope."""
    found: list[Directive] = []
    scope: str | None = None
    for token in raw.split(","):
        text = token.strip()
        if not text:
            continue
        name, _, rest = text.partition(":")
        name = name.strip().lower()
        if rest and name not in _VALUED:
            scope = name  # "googlebot: noindex" — applies to following directives too
            text = rest.strip()
            if not text:
                continue
            name, _, rest = text.partition(":")
            name = name.strip().lower()
        value = rest.strip() if rest else None
        found.append(Directive(name, value, scope, source, raw.strip()))
    return found


def counts(directive: Directive) -> bool:
    """A directive for every crawler, or for a search/answer or user-fetch agent (not a training bot)."""
    if directive.scope is None:
        return True
    agent = lookup(directive.scope)
    return agent is not None and agent.agent_class in ("search", "user")


@lru_cache(maxsize=4096)
def _blocks(raw: str) -> bool:
    return any(d.name in ("noindex", "none") and counts(d) for d in parse_directives(raw, ""))


def keeps_out_of_search(page: PageRecord) -> bool:
    """noindex/none in the meta robots tag or the X-Robots-Tag header, for all crawlers or a search one."""
    return any(_blocks(raw) for raw in (page.robots_meta, page.x_robots_tag) if raw)
