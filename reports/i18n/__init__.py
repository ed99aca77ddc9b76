"""Report texts in languages other than English: the checks' titles, descriptions and remedies,
and the structured messages of the results (explanations, page reasons, evidence notes, warnings).

The catalog of a language is the folder ``<lang>/``: one file per message namespace
(``<check-id>.toml``: ``title``, ``failure_title``, ``description``, ``remedy`` and a
``[messages]`` table key -> template; ``common.toml`` and ``term.toml``: ``[messages]``;
``common.toml`` also ``[columns]``, the details-table headers). `Localizer.message` renders a
`scoring.core.messages.Message` from it; a message without a German text stays English and is
reported as such (tests/test_messages.py fails on any). The legacy regex entries below translate
the sentences of checks not converted to messages yet.

The checks' own metadata (scoring/checks/) stays English; translations live beside this module,
one data file per language:

``checks.<lang>.toml``
    One table per check id: ``title``, ``failure_title``, ``description`` (keeps its sources).
    tests/test_report_i18n.py requires an entry for every registered check and no other id.
``messages.<lang>.toml``
    ``[columns]`` details-table headers, ``[terms]`` single words and values (page kinds, agent
    classes, …) and ``[[message]]`` entries translating the sentences checks write:
    ``en`` is a regular expression that must match a whole sentence (``re.fullmatch``), ``de`` a
    ``str.format`` template over its named groups, ``checks`` the check ids it applies to
    (``["*"]`` for all). A group's value is copied as data (names, URLs, dates) unless its name ends
    in ``_term`` (looked up in ``[terms]``), ``_terms`` (a ", "-separated list, each item a term or
    a translatable phrase) or ``_t`` (a nested sentence, translated again); a value that is a plain
    number is written in the language's style (1,298 → 1.298; 2.4 → 2,4).

A text that does not match as a whole is split at "; " and then at sentence ends, and each piece
is translated; if any piece stays unknown the text is kept in English and reported as such
(`Localizer.text` returns its language), so the template can mark it ``lang="en"`` instead of
mixing languages inside one sentence. Crawled content inside a sentence is only ever copied.
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
LANGUAGES = ("de",)  # languages with translation files; English needs none
_EN_NUMBER = re.compile(r"(?<!\d)(?:-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+\.\d+)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9/(])")
MAX_DEPTH = 4


@dataclass
class Message:
    checks: frozenset[str]  # check ids, or {"*"}
    pattern: re.Pattern[str]
    template: str


@dataclass
class Catalog:
    lang: str
    checks: dict[str, dict[str, str]]
    columns: dict[str, str] = field(default_factory=dict)
    terms: dict[str, str] = field(default_factory=dict)
    messages: list[Message] = field(default_factory=list)


@cache
def message_catalog(lang: str) -> tuple[dict[str, str], dict[str, dict[str, str]], dict[str, str]]:
    """(message id -> template, namespace -> metadata fields, column -> header) of a language."""
    messages: dict[str, str] = {}
    metadata: dict[str, dict[str, str]] = {}
    columns: dict[str, str] = {}
    for path in sorted((HERE / lang).glob("*.toml")):
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
        namespace = path.stem
        for key, template in data.pop("messages", {}).items():
            messages[f"{namespace}.{key}"] = template
        columns.update(data.pop("columns", {}))
        metadata[namespace] = {k: v for k, v in data.items() if isinstance(v, str)}
    return messages, metadata, columns


def number_format(lang: str) -> Callable[[int | float], str]:
    """How numbers in messages are written in `lang` (1,298.5 / 1.298,5)."""

    if lang != "de":
        return english_number
    return lambda value: english_number(value) if isinstance(value, bool) else fmt_number(english_number(value), "de")


def checks_file(lang: str) -> Path:
    return HERE / f"checks.{lang}.toml"


def messages_file(lang: str) -> Path:
    return HERE / f"messages.{lang}.toml"


@cache
def catalog(lang: str) -> Catalog | None:
    """The translations for `lang`, or None for English (the checks' own language)."""
    if lang not in LANGUAGES:
        return None
    checks = {ns: fields for ns, fields in message_catalog(lang)[1].items() if fields}
    with open(messages_file(lang), "rb") as handle:
        data = tomllib.load(handle)
    messages = [
        Message(frozenset(m.get("checks", ["*"])), re.compile(m["en"]), m[lang]) for m in data.get("message", [])
    ]
    columns = dict(data.get("columns", {})) | message_catalog(lang)[2]
    return Catalog(lang, checks, columns, dict(data.get("terms", {})), messages)


def fmt_number(value: str, lang: str) -> str:
    """An English-formatted number ("1,298", "2.4") in the language's style."""
    if lang == "de" and _EN_NUMBER.fullmatch(value):
        return value.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return value


class Localizer:
    """Texts of one report language. For English everything passes through unchanged."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.catalog = catalog(lang)
        self._cache: dict[tuple[str, str], str | None] = {}
        self._by_check: dict[str, list[Message]] = {}

    # -- check metadata -------------------------------------------------------------------------
    def check_field(self, check_id: str, name: str, english: str) -> str:
        """A check's title / failure_title / description in the report language (English fallback)."""
        if self.catalog is None:
            return english
        return self.catalog.checks.get(check_id, {}).get(name) or english

    def column(self, name: str) -> str:
        if self.catalog is None:
            return name
        return self.catalog.columns.get(name, name)

    def term(self, value: str) -> str:
        if self.catalog is None:
            return value
        return self.catalog.terms.get(value, value)

    def known(self, check_id: str, text: str | None) -> str | None:
        """`text` translated when an entry matches; else unchanged (for columns mixing our labels
        with crawled text, e.g. "element", "excerpt": never marked as English)."""
        if not text:
            return text
        translated, lang = self.text(check_id, text)
        return text if lang else translated

    # -- structured messages --------------------------------------------------------------------
    def message(self, message: Finding | None, fallback: str | None = "", check_id: str = "") -> tuple[str, str | None]:
        """(text in the report language, None) — or (the English text, "en") when a message it
        uses has no text in this language; `fallback` (legacy English text) when there is no message."""
        if message is None:
            return self.text(check_id, fallback) if fallback else ("", None)
        if self.catalog is None:
            return message.text, None
        templates = message_catalog(self.lang)[0]
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

    def has_message(self, message_id: str) -> bool:
        """Whether this language can render `message_id` (English: the checks' own source strings)."""
        if self.catalog is None:
            return is_defined(message_id)
        return message_id in message_catalog(self.lang)[0]

    def value(self, value: object, check_id: str = "") -> str:
        """A details value in the report language: a message (or its JSON form) rendered, any
        other text translated only when a legacy entry knows it (crawled text stays as it is)."""
        if isinstance(value, dict) and "id" in value and "params" in value:
            value = Finding.model_validate(value)
        if isinstance(value, Finding):
            return self.message(value)[0]
        return self.known(check_id, value) if isinstance(value, str) else ("" if value is None else str(value))

    # -- machine-written sentences (legacy: regex entries of messages.<lang>.toml) ----------------
    def text(self, check_id: str, text: str | None) -> tuple[str, str | None]:
        """(text in the report language, None) — or (the English text, "en") when unknown."""
        if not text:
            return "", None
        if self.catalog is None:
            return text, None
        key = (check_id, text)
        if key not in self._cache:
            self._cache[key] = self._translate(check_id, text.strip(), 0)
        translated = self._cache[key]
        return (text, "en") if translated is None else (translated, None)

    def _translate(self, check_id: str, text: str, depth: int) -> str | None:
        if not text:
            return ""
        if depth > MAX_DEPTH:
            return None
        for message in self._messages(check_id):
            match = message.pattern.fullmatch(text)
            if match is None:
                continue
            values = {}
            for name, value in match.groupdict().items():
                filled = self._value(check_id, name, value or "", depth)
                if filled is None:
                    break
                values[name] = filled
            else:
                return message.template.format(**values)
        if text.endswith(".") and not text.endswith(".."):  # "… the home page." as a part of a longer text
            inner = self._translate(check_id, text[:-1], depth + 1)
            if inner is not None:
                return inner if inner.endswith(".") else inner + "."
        for splitter in ("; ", _SENTENCE_END):
            parts = text.split(splitter) if isinstance(splitter, str) else splitter.split(text)
            if len(parts) < 2:
                continue
            done = [self._translate(check_id, p.strip(), depth + 1) for p in parts]
            if all(d is not None for d in done):
                return ("; " if isinstance(splitter, str) else " ").join(d for d in done if d is not None)
        return None

    def _messages(self, check_id: str) -> list[Message]:
        """The entries that apply to `check_id`, in file order (computed once per check)."""
        found = self._by_check.get(check_id)
        if found is None:
            assert self.catalog is not None
            found = [m for m in self.catalog.messages if "*" in m.checks or check_id in m.checks]
            self._by_check[check_id] = found
        return found

    def _value(self, check_id: str, name: str, value: str, depth: int) -> str | None:
        assert self.catalog is not None
        if name.endswith("_term"):
            return self.catalog.terms.get(value)
        if name.endswith("_terms"):
            items = []
            for item in value.split(", "):
                known = self.catalog.terms.get(item)
                if known is None:
                    known = self._translate(check_id, item, depth + 1)
                if known is None:
                    return None
                items.append(known)
            return ", ".join(items)
        if name.endswith("_t"):
            return self._translate(check_id, value, depth + 1)
        return fmt_number(value, self.lang)
