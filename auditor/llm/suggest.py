"""The suggest step: briefs for deeper articles, from a model or the deterministic builder.

Per brief: prompt -> reply -> parse + validate + sanitize; one repair round with the errors;
then the deterministic brief for that input. Endpoint failures turn the rest of the run
deterministic. Nothing here raises into the audit: problems come back as warnings.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field

from auditor.config import mask_secrets
from auditor.llm.builder import build_brief
from auditor.llm.client import ChatClient, LLMConfig, LLMUnavailable, ModeChanged, ReplyCache, Usage, endpoint_id
from auditor.llm.inputs import BriefInput, gather_inputs
from auditor.llm.local import LocalModelError, LocalServer
from auditor.llm.prompt import BriefRejected, build_messages, foreign_urls, parse_reply, repair_messages, sanitize
from auditor.warnings import llm_warning
from scoring.core.messages import Message
from scoring.core.records import PageRecord
from scoring.core.results import ArticleBrief, AuditResult


@dataclass
class SuggestOutcome:
    briefs: list[ArticleBrief]
    warnings: list[Message] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)


def _redact(text: str, config: LLMConfig) -> str:
    """One line without the API key or a password in a URL (the endpoint's, say)."""
    return " ".join(mask_secrets(text, config.api_key).split())[:300]


class _Run:
    def __init__(self, client: ChatClient, config: LLMConfig, usage: Usage) -> None:
        self.client = client
        self.config = config
        self.usage = usage
        self.unavailable: str | None = None  # set once the endpoint is known to be unusable

    def brief(self, item: BriefInput) -> tuple[ArticleBrief, Message | None]:
        """The model's brief, or the deterministic one plus the warning why."""
        import openai  # imported when a model is asked (auditor.llm.client), not by every run's start

        if self.unavailable:
            return build_brief(item), None
        messages = build_messages(item, with_schema=self.client.mode == "json_object")
        try:
            try:
                reply = self.client.complete(messages)
            except ModeChanged:
                messages = build_messages(item, with_schema=True)
                reply = self.client.complete(messages)
            try:
                return self._accept(reply, item), None
            except BriefRejected as first:
                repaired = self.client.complete(repair_messages(messages, str(first), item.language), repair=True)
                try:
                    return self._accept(repaired, item), None
                except BriefRejected as second:
                    problem = f"invalid reply after one repair ({second})"
        except LLMUnavailable as exc:
            self.unavailable = _redact(str(exc), self.config)
            return build_brief(item), None
        except openai.OpenAIError as exc:
            problem = _redact(f"{type(exc).__name__}: {exc}", self.config)
        return build_brief(item), llm_warning("brief-fallback", url=item.target_urls[0], problem=problem)

    def _accept(self, reply: str, item: BriefInput) -> ArticleBrief:
        draft = parse_reply(reply, item.language)
        brief = sanitize(draft, item, self.client.model)
        self.usage.urls_dropped += foreign_urls(draft, item)  # removed from the text: the crawl never saw them
        return grounded(brief, item)


def grounded(brief: ArticleBrief, item: BriefInput) -> ArticleBrief:
    """A model's brief with the crawl's facts: the site's own questions, the grounded evidence tasks first
    (named people, unsourced figures, material), the topic, the people to quote and the opportunity."""
    base = build_brief(item)
    tasks = list(dict.fromkeys([*base.evidence_tasks, *brief.evidence_tasks]))[:6]
    return brief.model_copy(
        update={
            "questions": base.questions or brief.questions,
            "evidence_tasks": tasks,
            "merge_or_expand": base.merge_or_expand,
            "topic": base.topic,
            "experts": base.experts,
            "opportunity": base.opportunity,
        }
    )


def suggest_briefs(
    result: AuditResult, records: list[PageRecord], config: LLMConfig | None = None, cache: ReplyCache | None = None
) -> SuggestOutcome:
    """Briefs for the weakest clusters or pages of an audit. Never changes a score."""
    config = (config or LLMConfig()).resolved()
    inputs = gather_inputs(result, records, config.max_briefs)
    usage = Usage(backend=config.backend)
    if config.backend == "none" or not inputs:
        return SuggestOutcome([build_brief(i) for i in inputs], [], usage)
    begin = time.monotonic()
    warnings: list[Message] = []
    with ExitStack() as stack:
        try:
            if config.backend == "local":
                server = stack.enter_context(LocalServer(config.model, threads=config.threads, context=config.context))
                base_url = server.base_url
                endpoint = f"local:{server.model_path}"  # the port changes every run, the model file does not
                usage.model = server.model_name
                config_used = _with_model(config, usage.model, concurrency=1)
            elif config.backend == "openai":
                if not config.api_key and not config.base_url:  # a local endpoint may need no key
                    raise LocalModelError("OPENAI_API_KEY is not set (or set OPENAI_BASE_URL)")
                base_url = config.base_url  # None: the client's default endpoint
                endpoint = endpoint_id(base_url)
                usage.model = config.model
                config_used = config
            else:
                raise LocalModelError(f"unknown LLM backend {config.backend!r} (none, openai, local)")
        except LocalModelError as exc:
            warnings.append(llm_warning("skipped", reason=str(exc)))
            return SuggestOutcome([build_brief(i) for i in inputs], warnings, usage)
        client = ChatClient(config_used, base_url, cache, usage, endpoint=endpoint)
        stack.callback(client.close)
        run = _Run(client, config_used, usage)
        with ThreadPoolExecutor(max_workers=max(1, config_used.concurrency)) as pool:
            results = list(pool.map(run.brief, inputs))
    usage.seconds = round(time.monotonic() - begin, 2)
    briefs = [brief for brief, _ in results]
    warnings += [w for _, w in results if w]
    if run.unavailable:
        warnings.append(llm_warning("failed", reason=run.unavailable))
    usage.briefs_llm = sum(b.source == "llm" for b in briefs)
    usage.briefs_fallback = len(briefs) - usage.briefs_llm
    usage.cost_usd = _cost(config_used, usage)
    return SuggestOutcome(briefs, warnings, usage)


def _with_model(config: LLMConfig, model: str, concurrency: int) -> LLMConfig:
    from dataclasses import replace

    # A local model costs no money per token: 0.0 is measured here, not unknown. A timeout on our own
    # one-slot server means it is still busy: a retry would only queue behind the abandoned request.
    return replace(
        config,
        model=model,
        concurrency=concurrency,
        price_in_per_mtok=config.price_in_per_mtok or 0.0,
        price_out_per_mtok=config.price_out_per_mtok or 0.0,
        retries=0,
        timeout_s=max(config.timeout_s, 600.0),
    )


def _cost(config: LLMConfig, usage: Usage) -> float | None:
    if config.price_in_per_mtok is None or config.price_out_per_mtok is None:
        return None  # unknown price: not measured, never 0
    return round(
        (usage.prompt_tokens * config.price_in_per_mtok + usage.completion_tokens * config.price_out_per_mtok) / 1e6, 6
    )
