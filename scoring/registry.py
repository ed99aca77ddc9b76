"""The check registry: one class per check, registered by id; duplicates are rejected.

A check declares everything about itself in its own file, as class attributes (Lighthouse style):
id, titles, description (why, with its source), category, default weight, effort, remedy, the rule
it applies (docs/checks.md is generated from these), its details columns and its English messages.
It implements a pure `evaluate_page` (scope "page") or `evaluate` (scope "site"), and may override
`blocker` to say when its finding keeps the site out of search and AI answers outright. No I/O, no
network, no LLM. Translations live in reports/i18n/<lang>/<check-id>.toml.
"""

from __future__ import annotations

from abc import ABC
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from scoring.core.messages import Message, define
from scoring.core.results import ColumnType, Evidence, PageOutcome, Scope, Stage, State

if TYPE_CHECKING:
    from scoring.core.records import PageRecord
    from scoring.site import SiteData

CATEGORY_IDS = ("expertise", "evidence", "depth", "links", "technical")
# inputs a check may require; `SiteData.has` answers whether the crawl measured them
REQUIREMENTS = ("html", "robots_txt", "sitemaps", "complete_crawl", "home", "embeddings")
EFFORTS = ("low", "medium", "high")


@dataclass(frozen=True)
class Outcome:
    """A site-scoped check's verdict."""

    state: State
    score: float | None = None
    explanation: Message | str = ""
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
    weight: ClassVar[float]  # default weight inside its category (users override it in the config)
    effort: ClassVar[str]  # work to fix a failure on a typical KMU site with a CMS: low | medium | high
    remedy: ClassVar[str]  # what to do when it fails, in plain language (the action plan)
    rule: ClassVar[str]  # what it measures and when it passes, warns, fails (docs/checks.md)
    columns: ClassVar[dict[str, ColumnType]] = {}  # details columns and how they are shown
    messages: ClassVar[dict[str, str]] = {}  # key -> English source string with {named} parameters

    @classmethod
    def msg(cls, key: str, **params: object) -> Message:
        """One of this check's messages, filled (`key` as declared in `messages`)."""
        if key not in cls.messages:
            raise KeyError(f"check {cls.id!r} has no message {key!r}")
        return Message(id=f"{cls.id}.{key}", params=params)

    # -- page scope ----------------------------------------------------------------------
    def applies_to(self, page: PageRecord, site: SiteData) -> bool:
        """Which pages the check rates; the rest are not counted."""
        return page.ok

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        raise NotImplementedError

    # -- site scope ----------------------------------------------------------------------
    def evaluate(self, site: SiteData) -> Outcome:
        raise NotImplementedError

    # -- severity ------------------------------------------------------------------------
    def blocker(self, outcome: Outcome, site: SiteData, pages: Sequence[PageOutcome] = ()) -> Message | None:
        """Why this finding blocks the site's visibility outright (a level above point gains:
        `CheckResult.blocker`), or None. Called with every outcome but an error, after `evaluate`
        (`pages`: the page outcomes of a page-scoped check), inside the same guard: a hook that
        raises makes the check an error result. It never changes the score — only the ranking
        (scoring.core.levers.ranked_levers puts blockers first)."""
        return None


class ArticleCheck(Check):
    """A page check that rates editorial pages only (`scoring.site.is_article`)."""

    scope: ClassVar[Scope] = "page"
    requires: ClassVar[tuple[str, ...]] = ("html",)

    def applies_to(self, page: PageRecord, site: SiteData) -> bool:
        from scoring.site import is_article, is_indexable  # runtime import: site imports nothing of registry

        return page.ok and is_article(page) and is_indexable(page)


_REGISTRY: dict[str, type[Check]] = {}

_REQUIRED_ATTRS = ("id", "title", "failure_title", "description", "category", "scope", "effort", "remedy", "rule")
_COLUMN_TYPES = ("url", "text", "number", "code", "date", "message")


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
    if not isinstance(getattr(cls, "weight", None), (int, float)) or cls.weight < 0:
        raise ValueError(f"check {cls.id!r}: weight must be a number >= 0")
    if cls.stage == "preview" and cls.weight > 0:
        raise ValueError(f"preview check {cls.id!r} must weigh 0")
    if cls.effort not in EFFORTS:
        raise ValueError(f"check {cls.id!r}: effort must be one of {', '.join(EFFORTS)}")
    unknown = [r for r in cls.requires if r not in REQUIREMENTS]
    if unknown:
        raise ValueError(f"check {cls.id!r}: unknown requirement {', '.join(unknown)}")
    bad_columns = [c for c, kind in cls.columns.items() if kind not in _COLUMN_TYPES]
    if bad_columns:
        raise ValueError(f"check {cls.id!r}: unknown column type for {', '.join(bad_columns)}")
    define(cls.id, cls.messages)
    _REGISTRY[cls.id] = cls
    return cls


def all_checks() -> dict[str, type[Check]]:
    """Every registered check by id (importing the checks package registers them)."""
    import scoring.checks  # noqa: F401  (registration side effect)

    return dict(sorted(_REGISTRY.items()))
