"""The check registry: one class per check, registered by id; duplicates are rejected.

A check declares its metadata as class attributes (Lighthouse style) and implements a pure
`evaluate_page` (scope "page") or `evaluate` (scope "site"). No I/O, no network, no LLM.
"""

from __future__ import annotations

from abc import ABC
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from scoring.core.results import Evidence, PageOutcome, Scope, Stage, State

if TYPE_CHECKING:
    from scoring.core.records import PageRecord
    from scoring.site import SiteData

CATEGORY_IDS = ("expertise", "evidence", "depth", "links", "technical")


@dataclass(frozen=True)
class Outcome:
    """A site-scoped check's verdict."""

    state: State
    score: float | None = None
    explanation: str = ""
    details: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    affected_urls: list[str] = field(default_factory=list)


class Check(ABC):
    id: ClassVar[str]
    title: ClassVar[str]
    failure_title: ClassVar[str]
    description: ClassVar[str]  # why it matters, ending with the source
    category: ClassVar[str]
    scope: ClassVar[Scope]
    requires: ClassVar[tuple[str, ...]] = ()  # inputs, see SiteData.has()
    stage: ClassVar[Stage] = "stable"
    effort: ClassVar[str | None] = None  # "low" | "medium" | "high"; config.EFFORT overrides

    # -- page scope ----------------------------------------------------------------------
    def applies_to(self, page: PageRecord, site: SiteData) -> bool:
        """Which pages the check rates; the rest are not counted."""
        return page.ok

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        raise NotImplementedError

    # -- site scope ----------------------------------------------------------------------
    def evaluate(self, site: SiteData) -> Outcome:
        raise NotImplementedError


class ArticleCheck(Check):
    """A page check that rates editorial pages only (`scoring.site.is_article`)."""

    scope: ClassVar[Scope] = "page"
    requires: ClassVar[tuple[str, ...]] = ("html",)

    def applies_to(self, page: PageRecord, site: SiteData) -> bool:
        from scoring.site import is_article, is_indexable  # runtime import: site imports nothing of registry

        return page.ok and is_article(page) and is_indexable(page)


_REGISTRY: dict[str, type[Check]] = {}

_REQUIRED_ATTRS = ("id", "title", "failure_title", "description", "category", "scope")


def register(cls: type[Check]) -> type[Check]:
    """Class decorator: validate the metadata and add the check to the registry."""
    missing = [name for name in _REQUIRED_ATTRS if not getattr(cls, name, None)]
    if missing:
        raise ValueError(f"check {cls.__name__} lacks {', '.join(missing)}")
    if cls.id in _REGISTRY and _REGISTRY[cls.id] is not cls:
        raise ValueError(f"duplicate check id {cls.id!r} ({cls.__name__})")
    if cls.category not in CATEGORY_IDS:
        raise ValueError(f"check {cls.id!r}: unknown category {cls.category!r}")
    if cls.scope not in ("page", "site"):
        raise ValueError(f"check {cls.id!r}: scope must be 'page' or 'site'")
    _REGISTRY[cls.id] = cls
    return cls


def all_checks() -> dict[str, type[Check]]:
    """Every registered check by id (importing the checks package registers them)."""
    import scoring.checks  # noqa: F401  (registration side effect)

    return dict(sorted(_REGISTRY.items()))
