"""Report texts in languages other than English: the checks' titles, descriptions and remedies,
and the structured messages of the results (explanations, page reasons, evidence notes, details
cells, warnings).

The checks' own metadata and English source strings live in their files (scoring/checks/); the
catalog of another language is the folder ``<lang>/`` beside this module, one file per message
namespace:

``<check-id>.toml``
    ``title``, ``failure_title``, ``description`` (keeps its sources), ``remedy`` and a
    ``[messages]`` table: message key -> template with the English string's ``{named}`` parameters.
``common.toml`` / ``term.toml`` / ``link-suggestions.toml``
    ``[messages]`` of the scoring framework, single terms and link suggestions; ``common.toml`` also
    holds ``[columns]``, the details-table headers.

`Localizer.message` renders a `scoring.core.messages.Message` from it. tests/test_messages.py fails
when a message lacks a German text or its parameters differ; a message the catalog does not know
(a result of another version) is shown in English and reported as such, so the template can mark it
``lang="en"`` instead of mixing languages inside one sentence. Crawled content is only ever copied.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from scoring.core.messages import Message as Finding
from scoring.core.messages import english_number, is_defined

HERE = Path(__file__).parent
LANGUAGES = ("de",)  # languages with a catalog; English needs none
_EN_NUMBER = re.compile(r"(?<!\d)(?:-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+\.\d+)")


@dataclass(frozen=True)
class Catalog:
    lang: str
    checks: dict[str, dict[str, str]]  # namespace (check id) -> title, failure_title, description, remedy
    messages: dict[str, str] = field(default_factory=dict)  # message id -> template
    columns: dict[str, str] = field(default_factory=dict)  # details column -> header


@cache
def catalog(lang: str) -> Catalog | None:
    """The catalog of `lang`, or None for English (the checks' own language)."""
    if lang not in LANGUAGES:
        return None
    messages: dict[str, str] = {}
    checks: dict[str, dict[str, str]] = {}
    columns: dict[str, str] = {}
    for path in sorted((HERE / lang).glob("*.toml")):
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
        namespace = path.stem
        for key, template in data.pop("messages", {}).items():
            messages[f"{namespace}.{key}"] = template
        columns.update(data.pop("columns", {}))
        fields = {k: v for k, v in data.items() if isinstance(v, str)}
        if fields:
            checks[namespace] = fields
    return Catalog(lang, checks, messages, columns)


def message_catalog(lang: str) -> tuple[dict[str, str], dict[str, dict[str, str]], dict[str, str]]:
    """(message id -> template, namespace -> metadata fields, column -> header) of a language."""
    found = catalog(lang)
    return (found.messages, found.checks, found.columns) if found else ({}, {}, {})


def fmt_number(value: str, lang: str) -> str:
    """An English-formatted number ("1,298", "2.4") in the language's style."""
    if lang == "de" and _EN_NUMBER.fullmatch(value):
        return value.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return value


def number_format(lang: str) -> Callable[[int | float], str]:
    """How numbers in messages are written in `lang` (1,298.5 / 1.298,5)."""
    if lang != "de":
        return english_number
    return lambda value: fmt_number(english_number(value), "de")


class Localizer:
    """Texts of one report language. For English everything passes through unchanged."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.catalog = catalog(lang)

    def check_field(self, check_id: str, name: str, english: str) -> str:
        """A check's title / failure_title / description / remedy in the report language."""
        if self.catalog is None:
            return english
        return self.catalog.checks.get(check_id, {}).get(name) or english

    def column(self, name: str) -> str:
        if self.catalog is None:
            return name
        return self.catalog.columns.get(name, name)

    def has_message(self, message_id: str) -> bool:
        """Whether this language's catalog has `message_id` (English: the source strings registered
        in this process)."""
        if self.catalog is None:
            return is_defined(message_id)
        return message_id in self.catalog.messages

    def message(self, message: Finding | None, fallback: str | None = "") -> tuple[str, str | None]:
        """(text in the report language, None) — or (the English text, "en") when a message it uses
        has no text in this language, or when there is only English `fallback` text (results of
        older versions carry no messages)."""
        if message is None:
            if not fallback:
                return "", None
            return fallback, ("en" if self.catalog is not None else None)
        if self.catalog is None:
            return message.text, None
        templates = self.catalog.messages
        missing: list[str] = []

        def lookup(message_id: str) -> str | None:
            if message_id not in templates:
                missing.append(message_id)
            return templates.get(message_id)

        try:
            rendered = message.render(lookup, number_format(self.lang))
        except (KeyError, ValueError, IndexError):  # a message of another version of the tool
            return message.text, "en"
        return (message.text, "en") if missing else (rendered, None)

    def value(self, value: object) -> str:
        """A details value in the report language: a message (or its JSON form) rendered; any other
        value (crawled text, a selector, a number) as it is."""
        if isinstance(value, dict) and "id" in value and "params" in value:
            value = Finding.model_validate(value)
        if isinstance(value, Finding):
            return self.message(value)[0]
        return "" if value is None else str(value)
