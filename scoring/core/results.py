"""What scoring produces: `CheckResult`s, category scores and the `AuditResult`.

`reports/` reads only this module. Details are data (rows of plain values), never markup.
"""

from __future__ import annotations

import io
import math
import pickle
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, model_validator
from pydantic_core import core_schema

from scoring.core.messages import Message

# 2: explanations, reasons, notes and warnings carry their structured message; details have typed columns
RESULT_SCHEMA_VERSION = 2

State = Literal["pass", "fail", "warn", "not_applicable", "informative", "error"]
Scope = Literal["page", "site"]
Stage = Literal["stable", "preview"]


# how a details column is shown: a link, crawled text (copied), a number (language style), code, a date,
# or a machine-written message / term (rendered from the report language's catalog)
ColumnType = Literal["url", "text", "number", "code", "date", "message"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _split_message(data: Any, field: str) -> Any:
    """Accept a `Message` for a text field: the field keeps its English text (readable JSON), the
    message goes to `<field>_message` for the report's language."""
    if isinstance(data, dict) and isinstance(data.get(field), Message):
        message = data[field]
        data = {**data, field: message.text, f"{field}_message": message}
    return data


class Evidence(_Frozen):
    """Where a finding comes from: the page, the element and what it said."""

    url: str
    element: str | None = None  # e.g. "h1", "a[href=/x]", "robots.txt", "json-ld Person"
    element_message: Message | None = None  # when the element is named in words ("legal basis")
    excerpt: str | None = None  # the sentence, text or value found (or missing)
    note: str | None = None  # why this evidence matters for the finding
    note_message: Message | None = None

    @model_validator(mode="before")
    @classmethod
    def _messages(cls, data: Any) -> Any:
        return _split_message(_split_message(data, "note"), "element")


class PageOutcome(_Frozen):
    """A page-scoped check's verdict on one page."""

    url: str
    state: State
    score: float | None = Field(default=None, ge=0, le=1)
    reason: str = ""
    reason_message: Message | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    page_type: str | None = None  # scoring.pagetypes kind of the judged page ("article", "legal", ...)

    @model_validator(mode="before")
    @classmethod
    def _messages(cls, data: Any) -> Any:
        return _split_message(data, "reason")


_STATES: tuple[str, ...] = ("pass", "fail", "warn", "not_applicable", "informative", "error")


_EVIDENCE_FIELDS = ("url", "element", "element_message", "excerpt", "note", "note_message")
_MESSAGE_FIELDS = ("id", "params", "text")
_NOTE_IS_TEXT, _ELEMENT_IS_TEXT = 1 << 8, 1 << 9  # the text field is its message's text (not written twice)


def _fields(bits: int, names: tuple[str, ...]) -> set[str]:
    return {name for i, name in enumerate(names) if bits >> i & 1}


def _bits(fields: set[str], names: tuple[str, ...]) -> int:
    return sum(1 << i for i, name in enumerate(names) if name in fields)


def built_model(cls: type[BaseModel], values: dict[str, Any], fields_set: set[str]) -> Any:
    """A model of validated values, as `model_construct` makes it (no private or extra attributes)
    without its per-field loop: the page outcomes are rebuilt on every read."""
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", fields_set)
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def _evidence(url: str, element: Any, element_message: Any, excerpt: Any, note: Any, note_message: Any, bits: int):
    """An Evidence from `_EvidencePickler`'s tuple: the values as they were validated, and which were set."""
    if bits & _NOTE_IS_TEXT:
        note = note_message.text
    if bits & _ELEMENT_IS_TEXT:
        element = element_message.text
    values = {"url": url, "element": element, "element_message": element_message, "excerpt": excerpt}
    values.update(note=note, note_message=note_message)
    return built_model(Evidence, values, _fields(bits, _EVIDENCE_FIELDS))


def _message(message_id: str, params: dict[str, Any], text: str, bits: int) -> Message:
    return built_model(Message, {"id": message_id, "params": params, "text": text}, _fields(bits, _MESSAGE_FIELDS))


class _EvidencePickler(pickle.Pickler):
    """Pickles one page's evidence compactly: each Evidence and Message as a tuple of its values; the
    messages without parameters ("missing", "no link", element names: the same few on every page) as
    codes into the outcomes' shared table; the page's own URL as a code."""

    def __init__(self, file: io.BytesIO, outcomes: PageOutcomes, url: str) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.outcomes, self.url = outcomes, url

    def persistent_id(self, obj: Any) -> Any:
        if type(obj) is Message and not obj.params:
            return self.outcomes._message_code(obj)
        if type(obj) is str and obj == self.url:
            return -1
        return None

    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        if kind is Evidence and not obj.__pydantic_extra__ and not obj.__pydantic_private__:
            bits = _bits(obj.model_fields_set, _EVIDENCE_FIELDS)
            note, element = obj.note, obj.element
            if obj.note_message is not None and note == obj.note_message.text:
                bits, note = bits | _NOTE_IS_TEXT, None
            if obj.element_message is not None and element == obj.element_message.text:
                bits, element = bits | _ELEMENT_IS_TEXT, None
            return _evidence, (obj.url, element, obj.element_message, obj.excerpt, note, obj.note_message, bits)
        if kind is Message and not obj.__pydantic_extra__ and not obj.__pydantic_private__:
            return _message, (obj.id, obj.params, obj.text, _bits(obj.model_fields_set, _MESSAGE_FIELDS))
        return NotImplemented


class _EvidenceUnpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, messages: list[Message], url: str) -> None:
        super().__init__(file)
        self.messages, self.url = messages, url

    def persistent_load(self, pid: Any) -> Any:
        return self.url if pid == -1 else self.messages[pid]


class PageOutcomes(Sequence[PageOutcome]):
    """A page check's outcomes held as columns (issue 19): a code per page for state, score, page
    type and reason (distinct reasons once), evidence only where a page has some, as one pickled bytes
    object per page (messages without parameters and the page's URL as codes; decoded on access). A
    list of PageOutcome objects cost ~2.5 KB an outcome, ~16 outcomes a page; this ~25 bytes, and a
    page's evidence a few hundred bytes instead of ~16 KB of objects. Reads as a sequence of
    PageOutcome (built on access, equal to the ones appended) and serialises as the list it was, so
    results.json is unchanged."""

    __slots__ = ("_urls", "_states", "_scores", "_codes", "_values", "_index", "_evidence", "_messages", "_said")

    def __init__(self, outcomes: Iterable[PageOutcome | dict[str, Any]] = ()) -> None:
        self._urls: list[str] = []
        self._states = bytearray()
        self._scores = array("d")  # NaN: None
        self._codes = array("i")  # per page: reason code, page-type code (pairs)
        self._values: list[Any] = []  # distinct (reason, reason_message) and page types
        self._index: dict[Any, int] = {}
        self._evidence: dict[int, bytes] = {}  # page index -> its evidence, pickled
        self._messages: list[Message] = []  # the evidence's messages without parameters, once each
        self._said: dict[tuple[str, str], int] = {}
        for outcome in outcomes:
            self.append(outcome)

    def _code(self, key: Any, value: Any) -> int:
        code = self._index.get(key)
        if code is None:
            code = self._index[key] = len(self._values)
            self._values.append(value)
        return code

    def _message_code(self, message: Message) -> int:
        key = (message.id, message.text)
        code = self._said.get(key)
        if code is None:
            code = self._said[key] = len(self._messages)
            self._messages.append(message)
        return code

    def _pack(self, evidence: list[Evidence], url: str) -> bytes:
        buffer = io.BytesIO()
        _EvidencePickler(buffer, self, url).dump(evidence)
        return buffer.getvalue()

    def _unpack(self, i: int) -> list[Evidence]:
        packed = self._evidence.get(i)
        if packed is None:
            return []
        return _EvidenceUnpickler(io.BytesIO(packed), self._messages, self._urls[i]).load()

    def append(self, outcome: PageOutcome | dict[str, Any]) -> None:
        if not isinstance(outcome, PageOutcome):
            outcome = PageOutcome.model_validate(outcome)
        message = outcome.reason_message
        # one message per reason: a message's identity is its id and parameters
        said = None if message is None else (message.id, repr(message.params), message.text)
        reason = self._code(("reason", outcome.reason, said), (outcome.reason, message))
        kind = self._code(("kind", outcome.page_type), outcome.page_type)
        if outcome.evidence:
            self._evidence[len(self._urls)] = self._pack(outcome.evidence, outcome.url)
        self._urls.append(outcome.url)
        self._states.append(_STATES.index(outcome.state))
        self._scores.append(math.nan if outcome.score is None else outcome.score)
        self._codes.extend((reason, kind))

    def rows(self) -> Iterator[tuple[str, str, float | None]]:
        """(url, state, score) per page, without building the outcomes."""
        for url, state, score in zip(self._urls, self._states, self._scores, strict=True):
            yield url, _STATES[state], None if math.isnan(score) else score

    def _outcome(self, i: int) -> PageOutcome:
        reason, message = self._values[self._codes[2 * i]]
        score = self._scores[i]
        values = {
            "url": self._urls[i],
            "state": _STATES[self._states[i]],
            "score": None if math.isnan(score) else score,
        }
        values.update(reason=reason, reason_message=message, evidence=self._unpack(i))
        values["page_type"] = self._values[self._codes[2 * i + 1]]
        return built_model(PageOutcome, values, set(values))  # as model_construct(**values) sets them

    def __len__(self) -> int:
        return len(self._urls)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self._outcome(i) for i in range(len(self))[index]]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("page outcome index out of range")
        return self._outcome(index)

    def __iter__(self) -> Iterator[PageOutcome]:
        return (self._outcome(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (PageOutcomes, list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable while a check's pass fills it

    def __repr__(self) -> str:
        return f"PageOutcomes({len(self)} pages)"

    @classmethod
    def _validate(cls, value: Any) -> PageOutcomes:
        return value if isinstance(value, PageOutcomes) else cls(value)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        as_list = core_schema.list_schema(handler.generate_schema(PageOutcome))
        return core_schema.no_info_plain_validator_function(
            cls._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(list, return_schema=as_list),
        )


class CheckResult(_Frozen):
    id: str
    title: str  # the title of the passing state ("Articles name their author")
    failure_title: str
    description: str  # why it matters, with its source
    category: str
    scope: Scope
    stage: Stage = "stable"
    state: State
    score: float | None = Field(default=None, ge=0, le=1)  # None: not measured
    weight: float = 0.0  # effective weight; 0 when not applicable, errored or preview
    explanation: str = ""
    explanation_message: Message | None = None
    details: list[dict[str, Any]] = Field(default_factory=list)
    columns: dict[str, ColumnType] = Field(default_factory=dict)  # details column -> how it is shown
    evidence: list[Evidence] = Field(default_factory=list)
    affected_urls: list[str] = Field(default_factory=list)
    pages: PageOutcomes = Field(default_factory=PageOutcomes)  # page scope: every applicable page
    effort: Literal["low", "medium", "high"] | None = None  # work to fix it (the check's `effort`); None: unknown
    remedy: str = ""  # what to do when it fails, in plain language (the check's `remedy`)
    # site-score points won by fixing it (scoring.core.levers): the one ranking of levers; None: not computed
    gain: float | None = None
    # set when the finding keeps the site out of search and AI answers outright (AI search crawlers
    # blocked, site-wide noindex, ...): why, as a message. A level above the gains: it never changes a
    # score, it ranks the check first (scoring.core.levers.ranked_levers). None: no blocker
    blocker: Message | None = None

    @model_validator(mode="before")
    @classmethod
    def _messages(cls, data: Any) -> Any:
        return _split_message(data, "explanation")

    @property
    def display_title(self) -> str:
        return self.failure_title if self.state in ("fail", "warn") else self.title


class CategoryResult(_Frozen):
    id: str
    title: str
    description: str
    weight: float
    score: float | None = None  # 0..100, None when no check in it was measured
    check_ids: list[str] = Field(default_factory=list)


class PageSignals(_Frozen):
    """What the page detectors found on one page (docs/signals.md): the facts behind the checks,
    exported per page for agencies and read by the real-world accuracy benchmark (bench/realworld.py)."""

    page_type: str  # scoring.pagetypes kind
    authors: list[str] = Field(default_factory=list)  # visible person or editorial-team names, page order
    person_schema: bool = False  # a schema.org Person anywhere in the page's structured data
    published: str | None = None  # ISO date the content was published, None when none found
    quotes_attributed: int = 0  # quotations of a named speaker
    statistics: int = 0  # figures that state a measured or counted fact
    statistics_sourced: int = 0  # of those, with their source named in the sentence
    citations: int = 0  # distinct external links in the main content that support the text
    words_main: int = 0  # whitespace tokens with a letter or digit in the main content


class PageSummary(_Frozen):
    """One row per crawled URL (pages.csv and the page table)."""

    url: str
    status: int | None
    depth: int | None
    words: int
    title: str | None = None
    score: float | None = None  # 0..100 over the page-scoped checks that applied
    failed_checks: list[str] = Field(default_factory=list)
    error: str | None = None
    page_type: str | None = None  # scoring.pagetypes kind: home, article, service, legal, listing, ...
    signals: PageSignals | None = None  # None for URLs that are not analysed HTML pages
    # the language detected in the page's text and the model's probability (PageRecord.language); None:
    # too short or mixed to tell, or not an analysed page
    language: str | None = None
    language_confidence: float | None = None


class Coverage(_Frozen):
    urls_crawled: int = 0
    html_pages: int = 0
    complete: bool = True
    limits_hit: list[str] = Field(default_factory=list)
    not_measured: list[str] = Field(default_factory=list)  # check ids without a score


class Cluster(_Frozen):
    """A topic cluster of the site (from page embeddings) and how deep the site covers it."""

    id: int
    label: str  # readable, from the members' titles/headings
    urls: list[str] = Field(default_factory=list)
    pages: int = 0
    total_words: int = 0
    median_words: float = 0
    evidence: dict[str, int] = Field(default_factory=dict)  # check id -> member pages passing it
    strongest_url: str | None = None  # deepest, best-linked member
    hub_url: str | None = None  # page linking to most members (pillar), if any
    depth_score: float | None = None  # 0..100


class GraphNode(_Frozen):
    url: str
    cluster: int | None = None
    link_score: float | None = None  # internal PageRank 0..100
    words: int = 0
    click_depth: int | None = None
    starved: bool = False  # deep article with weak internal links
    x: float | None = None  # computed layout, 0..1
    y: float | None = None


class LinkSuggestion(_Frozen):
    """Link from `source` to `target` with `anchor`: ready to act on."""

    source: str
    target: str
    anchor: str
    reason: str = ""
    reason_message: Message | None = None

    @model_validator(mode="before")
    @classmethod
    def _messages(cls, data: Any) -> Any:
        return _split_message(data, "reason")


class SiteInsights(_Frozen):
    """Site-level numbers for the report's pictures (clusters, link graph, focus)."""

    clusters: list[Cluster] = Field(default_factory=list)
    focus_score: float | None = None  # 0..100: specialist (high) vs generalist (low)
    off_topic_urls: list[str] = Field(default_factory=list)
    graph_nodes: list[GraphNode] = Field(default_factory=list)
    graph_edges: list[tuple[int, int]] = Field(default_factory=list)  # indexes into graph_nodes
    click_depth_histogram: dict[str, int] = Field(default_factory=dict)  # "0".."9", "10+", "unreachable"
    link_suggestions: list[LinkSuggestion] = Field(default_factory=list)
    embedding_model: str | None = None


class OutlineItem(_Frozen):
    level: int = Field(ge=2, le=3)
    text: str


class ArticleBrief(_Frozen):
    """A brief for a deeper article (LLM step or deterministic builder). Never alters scores."""

    working_title: str
    angle: str
    questions: list[str] = Field(default_factory=list)
    outline: list[OutlineItem] = Field(default_factory=list)
    evidence_tasks: list[str] = Field(default_factory=list)  # tasks for the company, never invented facts
    internal_links: list[LinkSuggestion] = Field(default_factory=list)  # crawl URLs only
    merge_or_expand: list[str] = Field(default_factory=list)  # crawl URLs only
    effort: str = ""
    language: str | None = None
    cluster_id: int | None = None
    target_urls: list[str] = Field(default_factory=list)  # the weak pages the brief answers
    source: Literal["llm", "deterministic"] = "deterministic"
    model: str | None = None
    # issue 17 (defaults keep older results.json readable): the topic's name, the site's people the brief
    # asks to quote (named on the site), and the cluster's opportunity 0..1 that ranked it
    topic: str | None = None
    experts: list[str] = Field(default_factory=list)
    opportunity: float | None = None


class AuditResult(_Frozen):
    schema_version: int = Field(RESULT_SCHEMA_VERSION, le=RESULT_SCHEMA_VERSION)  # newer: refused, not misread
    site: str
    started: str | None = None
    finished: str | None = None
    language: str | None = None  # the site's language: the one most of its pages' text is in (scoring.site)
    languages: dict[str, int] = Field(default_factory=dict)  # detected language -> analysed pages, most first
    settings: dict[str, Any] = Field(default_factory=dict)
    checks: list[CheckResult] = Field(default_factory=list)
    categories: list[CategoryResult] = Field(default_factory=list)
    site_score: float | None = None  # 0..100
    coverage: Coverage = Field(default_factory=Coverage)
    pages: list[PageSummary] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    warning_messages: list[Message] = Field(default_factory=list)  # the same warnings, structured
    timing: dict[str, float] = Field(default_factory=dict)
    insights: SiteInsights = Field(default_factory=SiteInsights)
    briefs: list[ArticleBrief] = Field(default_factory=list)  # from auditor.suggest, after scoring
    llm_usage: dict[str, Any] = Field(default_factory=dict)  # suggest step: backend, model, tokens, cost, seconds

    def with_warnings(self, before: list[Message] = (), after: list[Message] = ()) -> AuditResult:
        """A copy with warnings added before and after the present ones (text and message kept in step)."""
        messages = [*before, *self.warning_messages, *after]
        texts = [m.text for m in before] + list(self.warnings) + [m.text for m in after]
        return self.model_copy(update={"warnings": texts, "warning_messages": messages})

    def without_warnings(self, namespace: str) -> AuditResult:
        """A copy without the warnings of one message namespace ("llm": the last suggest run's)."""
        pairs = zip(self.warnings, self.warning_messages, strict=False)
        kept = [(t, m) for t, m in pairs if not m.id.startswith(namespace + ".")]
        return self.model_copy(update={"warnings": [t for t, _ in kept], "warning_messages": [m for _, m in kept]})

    def check(self, check_id: str) -> CheckResult:
        for result in self.checks:
            if result.id == check_id:
                return result
        raise KeyError(check_id)
