"""Structured findings: a message id with parameters instead of an English sentence.

A check declares its English source strings in its own file (``messages = {"too-short": "too short
({chars} characters)"}``) and writes ``self.msg("too-short", chars=12)``; the report renders the
message from the catalog of its language (reports/i18n/<lang>/<namespace>.toml). The English text
travels with the message (``Message.text``) so results.json stays readable without a catalog.

Ids are ``<namespace>.<key>``: the namespace is a check id, ``common`` (sentences the scoring
framework writes) or ``term`` (single words and values: page kinds, agent classes, states).

Parameters are data, rendered by kind: a number in the language's style (1,298 / 1.298), a
nested `Message` in the same language, a list of messages joined with "; " (", " inside
``common.list``, " " inside ``common.sentences``), any other value copied as it is — crawled text is
never translated. Pass identifiers that are numbers (years, status codes) as strings. A template
picks a word form by a number with ``{count:plural:page:pages}`` (singular when it is 1).
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

_ID = re.compile(r"(?<![a-z0-9-])[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9_-]*")
_FORMATTER = string.Formatter()

# English source strings of the framework itself (aggregation, guards) and of shared terms
COMMON: dict[str, str] = {
    "no-page-applies": "No page this check applies to.",
    "pages-pass": "{passing} of {rated} pages pass.",
    "judged": "Judged: {kinds} pages.",
    "judged-article": "{count} article",
    "judged-listing": "{count} listing",
    "judged-landing": "{count} landing",
    "judged-service": "{count} service",
    "judged-legal": "{count} legal",
    "judged-about": "{count} about",
    "judged-contact": "{count} contact",
    "judged-profile": "{count} profile",
    "judged-home": "{count} home",
    "judged-help": "{count} help",
    "judged-changelog": "{count} changelog",
    "judged-other": "{count} other",
    "not-measured": "Not measured: no {inputs}.",
    "not-rendered": "No page was rendered (run the audit with --render): not measured.",
    "check-failed": "Check failed: {error}",
    "crawl-cut": "The crawl was cut short; site-wide findings cover only the pages crawled.",
    "shared-main-text": (
        "{pages} pages with different titles yielded one identical main text (a box the template repeats, "
        "not their content): thin-content and duplicate checks leave them out."
    ),
    "insights-failed": "insights: not computed ({error})",
    "check-error": "{check}: {message}",
    "join": "{items}",  # phrases joined with "; "
    "list": "{items}",  # items joined with ", "
    "sentences": "{items}",  # sentences joined with " "
}

# how a list of messages in a parameter is joined, by the id of the message holding it
JOINERS = {"common.list": ", ", "common.sentences": " "}

# single words and values that checks put into sentences and table cells
TERMS: dict[str, str] = {
    "article": "article",
    "listing": "listing",
    "landing": "landing",
    "service": "service",
    "legal": "legal",
    "about": "about",
    "contact": "contact",
    "profile": "profile",
    "home": "home",
    "help": "help",
    "changelog": "changelog",
    "other": "other",
    "pass": "pass",
    "fail": "fail",
    "warn": "warn",
    "not_applicable": "not applicable",
    "informative": "informative",
    "error": "error",
    "yes": "yes",
    "no": "no",
    "inputs-html": "HTML pages",
    "inputs-robots_txt": "robots.txt",
    "inputs-sitemaps": "sitemap entries",
    "inputs-complete_crawl": "complete crawl",
    "inputs-home": "home page",
    "inputs-embeddings": "page embeddings",
    "raw": "{value}",
}

# what a piece of evidence is, when it is named in words ("main text", "click path")
ELEMENTS: dict[str, str] = {
    "byline-text": "byline text",
    "byline": "byline",
    "author-page": "author page",
    "click-path": "click path",
    "topic-cluster": "topic cluster",
    "definition": "definition",
    "comparison": "comparison",
    "structure": "structure",
    "legal-basis": "legal basis",
    "internal-links": "internal links",
    "main-text": "main text",
    "title": "title",
    "meta-description": "meta description",
    "byline-quote": "byline / quote",
    "sitemap": "sitemap",
    "longest-sentence": "longest sentence",
    "embedding": "embedding",
    "quotation": "quotation",
    "robots-txt-line": "robots.txt line {number}",
    "llms-txt-link": "llms.txt link",
    "llms-txt-list-item": "llms.txt list item",
}

_ENGLISH: dict[str, str] = (
    {f"common.{k}": v for k, v in COMMON.items()}
    | {f"term.{k}": v for k, v in TERMS.items()}
    | {f"element.{k}": v for k, v in ELEMENTS.items()}
)


def define(namespace: str, messages: Mapping[str, str]) -> None:
    """Add a namespace's English source strings (a check's `messages`); ValueError on a clash."""
    for key, text in messages.items():
        message_id = f"{namespace}.{key}"
        if not _ID.fullmatch(message_id):
            raise ValueError(f"message id {message_id!r} must look like 'check-id.key'")
        if _ENGLISH.get(message_id, text) != text:
            raise ValueError(f"message {message_id!r} defined twice with different texts")
        _ENGLISH[message_id] = text


def english() -> dict[str, str]:
    """Every English source string by id (import scoring.checks first to have the checks' own)."""
    return dict(_ENGLISH)


def is_defined(message_id: str) -> bool:
    """Whether an English source string exists for `message_id` (checks register theirs on import)."""
    return message_id in _ENGLISH


def placeholders(template: str) -> set[str]:
    """The parameter names a template uses ("{chars} characters" -> {"chars"})."""
    return {field for _, field, _, _ in _FORMATTER.parse(template) if field}


def english_number(value: int | float) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{_decimals(value)}f}"


def _decimals(value: float) -> int:
    """As many decimals as the value shows (up to 2): 2.0 -> 0, 2.5 -> 1, 0.125 -> 2."""
    for digits in (0, 1):
        if round(value, digits) == round(value, 2):
            return digits
    return 2


class Message(BaseModel):
    """One finding sentence: `id` into the catalogs, `params` to fill it, `text` its English form."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    params: dict[str, Any] = {}
    text: str = ""

    @model_validator(mode="after")
    def _english_text(self) -> Message:
        if not self.text:
            object.__setattr__(self, "text", self.render(_ENGLISH.get, english_number))
        return self

    def render(self, lookup: Callable[[str], str | None], number: Callable[[int | float], str]) -> str:
        """The message in a language: `lookup(id)` gives its template (None: the English text),
        `number` formats numbers."""
        template = lookup(self.id)
        if template is None:
            template = _ENGLISH.get(self.id)
        if template is None:
            raise KeyError(f"unknown message id {self.id!r}")
        return _Renderer(lookup, number, JOINERS.get(self.id, "; ")).vformat(template, (), self.params)

    def __str__(self) -> str:
        return self.text


class _Renderer(string.Formatter):
    """str.format over raw parameters: numbers, messages and plural forms rendered per language."""

    def __init__(self, lookup: Callable[[str], str | None], number: Callable[[int | float], str], joiner: str):
        self.lookup, self.number, self.joiner = lookup, number, joiner

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec.startswith("plural:"):
            _, one, many = format_spec.split(":", 2)
            return one if value == 1 else many
        return _render_param(value, self.lookup, self.number, self.joiner)


def _render_param(
    value: Any, lookup: Callable[[str], str | None], number: Callable[[int | float], str], joiner: str
) -> str:
    if isinstance(value, Message):
        return value.render(lookup, number)
    if isinstance(value, dict) and "id" in value and set(value) <= {"id", "params", "text"}:
        return Message.model_validate(value).render(lookup, number)
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, (Message, dict)) for v in value):
        return joiner.join(_render_param(v, lookup, number, joiner) for v in value)
    if isinstance(value, bool):  # yes / no in the language, not a number
        return Message(id="term.yes" if value else "term.no").render(lookup, number)
    if isinstance(value, (int, float)):
        return number(value)
    return "" if value is None else str(value)


def msg(message_id: str, **params: Any) -> Message:
    """A message by its full id ("common.pages-pass")."""
    return Message(id=message_id, params=params)


def term(value: str) -> Message:
    """A single term (page kind, state, agent class) as a translatable message."""
    if value in TERMS:
        return Message(id=f"term.{value}")
    return Message(id="term.raw", params={"value": value})


def element(key: str, **params: Any) -> Message:
    """What a piece of evidence is, in words (`ELEMENTS`): Evidence(element=element("main-text"))."""
    if key not in ELEMENTS:
        raise KeyError(f"unknown element label {key!r}")
    return Message(id=f"element.{key}", params=params)


def join(messages: list[Message]) -> Message:
    """Several phrases as one message, rendered one by one and joined with "; "."""
    return Message(id="common.join", params={"items": list(messages)})


def listing(items: list[Message]) -> Message:
    """Items as one message, joined with ", "."""
    return Message(id="common.list", params={"items": list(items)})


def sentences(items: list[Message]) -> Message:
    """Whole sentences as one message, joined with a space."""
    return Message(id="common.sentences", params={"items": list(items)})


def as_text(value: Any) -> str:
    """A field that may hold a message or a plain string, as English text."""
    return value.text if isinstance(value, Message) else ("" if value is None else str(value))
