"""The suggest step against a REAL OpenAI-compatible server: llama.cpp (xllamacpp) on 127.0.0.1 with
the small packaged Qwen2.5-Coder-0.5B GGUF (extra `local-llm-small`, part of `test`; the 1.5B default of
`local-llm` is 1.1 GB and not needed here). Slow on 2 cores (up to a minute or two per brief): skip
locally with `pytest -m "not local_llm"`; CI runs it. Replies are deterministic (fixed seed, one slot)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from auditor.llm import LLMConfig, suggest_briefs
from auditor.llm.client import ChatClient, Usage
from auditor.llm.local import QWEN_05B, QWEN_15B, LocalServer, installed, packaged_model_path, sha256_of
from auditor.llm.prompt import BRIEF_FIELDS, parse_reply
from auditor.store import Store
from scoring.core.lexicons import guess_language
from scoring.core.results import ArticleBrief
from tests.test_suggest import german_site

pytest.importorskip("xllamacpp", reason="xllamacpp is not installed (extra local-llm-small, part of `test`)")

pytestmark = pytest.mark.local_llm
SMALL = "qwen2.5-coder-0.5b"  # --llm-model short name of the packaged 0.5B


def _local(**fields) -> LLMConfig:
    return LLMConfig(backend="local", model=SMALL, max_briefs=1, **fields)


def test_packaged_model_is_assembled_verified_and_the_server_stops() -> None:
    path = packaged_model_path(QWEN_05B)
    assert sha256_of(path) == QWEN_05B.sha256
    with LocalServer(SMALL) as server:
        assert server.base_url.startswith("http://127.0.0.1:") and server.process.poll() is None
        assert server.model_name == QWEN_05B.name
    assert server.process.poll() is not None  # stopped after the run


def test_the_server_enforces_the_json_schema() -> None:
    """Structured output really constrains the model: asked for a poem, it still returns the brief's keys."""
    messages = [{"role": "user", "content": "Schreibe ein kurzes Gedicht über den Herbst. Kein JSON."}]
    with LocalServer(SMALL) as server:
        client = ChatClient(_local(max_tokens=500, timeout_s=600.0), server.base_url, None, Usage())
        try:
            reply = client.complete(messages)
        finally:
            client.close()
    data = json.loads(reply, strict=False)
    assert list(data) == list(BRIEF_FIELDS) and data["effort"] in ("small", "medium", "large")
    assert all(isinstance(data[k], list) and data[k] for k in ("questions", "outline", "evidence_tasks"))
    parse_reply(reply)  # and it validates against the pydantic model


class RecordingCache:
    """The real store as reply cache, keeping what the model wrote (to check the raw replies)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.replies: list[str] = []

    def llm_cache_get(self, key: str) -> dict[str, Any] | None:
        return self.store.llm_cache_get(key)

    def llm_cache_put(self, key: str, model: str, content: str, prompt_tokens: int, completion_tokens: int) -> None:
        self.replies.append(content)
        self.store.llm_cache_put(key, model, content, prompt_tokens, completion_tokens)


def _brief_text(brief: ArticleBrief) -> str:
    parts = [brief.working_title, brief.angle, *brief.questions, *(h.text for h in brief.outline)]
    return " ".join(parts + brief.evidence_tasks)


def test_small_model_writes_german_for_a_german_site_and_the_second_run_is_cached(tmp_path: Path) -> None:
    """The 0.5B writes German, schema-shaped replies; whether they pass `sanitize` is its business (on this
    site it repeats page headings and fails it), so the brief is the model's or, with a warning, the
    deterministic one: German either way. The 1.5B test below requires a model-written brief."""
    result, pages = german_site(injection=False)  # one weak article: wallbox funding, German
    crawled = {p.url for p in pages}
    store = Store(tmp_path / "a.db")
    try:
        cache = RecordingCache(store)
        first = suggest_briefs(result, pages, _local(), cache=cache)
        assert first.usage.requests in (1, 2) and first.usage.completion_tokens > 0, first.warnings
        assert len(cache.replies) == first.usage.requests
        for reply in cache.replies:  # what the model wrote, before any check of ours
            values = json.loads(reply, strict=False)
            written = " ".join([values["working_title"], values["angle_sentence"], *values["questions"]])
            written += " " + " ".join(values["outline"] + values["evidence_tasks"])
            assert guess_language(written) == "de", written
        brief = first.briefs[0]
        assert brief.language == "de" and guess_language(_brief_text(brief)) == "de"
        if brief.source == "llm":
            assert brief.model == QWEN_05B.name and not first.warnings
        else:  # rejected twice: the reasons are in the warning, in German like the repair prompt
            assert first.usage.requests == 2 and "deterministic brief used" in first.warnings[0].text
        assert all(link.source in crawled and link.target in crawled for link in brief.internal_links)
        assert set(brief.merge_or_expand) <= crawled and brief.target_urls == [pages[-1].url]
        assert brief.effort.split(" ")[0] in ("klein", "mittel", "groß")  # from the enum, not from the page
        second = suggest_briefs(result, pages, _local(), cache=cache)
        assert second.usage.requests == 0 and second.usage.cache_hits == first.usage.requests  # no request
        assert second.briefs == first.briefs and second.warnings == first.warnings
    finally:
        store.close()


@pytest.mark.skipif(not installed(QWEN_15B), reason="the 1.5B model is not installed (extra local-llm, 1.1 GB)")
def test_default_model_writes_a_validated_german_brief() -> None:
    """The default packaged model (1.5B) writes a brief that passes every check, in German."""
    result, pages = german_site(injection=False)
    outcome = suggest_briefs(result, pages, LLMConfig(backend="local", max_briefs=1))
    brief = outcome.briefs[0]
    assert brief.source == "llm" and brief.model == QWEN_15B.name, outcome.warnings
    assert guess_language(_brief_text(brief)) == "de", _brief_text(brief)
    assert len(brief.questions) >= 2 and len(brief.outline) >= 3 and brief.evidence_tasks
    assert outcome.usage.briefs_llm == 1 and outcome.usage.completion_tokens > 0


def test_injection_page_cannot_change_the_shape_or_smuggle_links() -> None:
    result, pages = german_site(injection=True, funding=False)  # the weak article says "ignore ... instructions"
    crawled = {p.url for p in pages}
    outcome = suggest_briefs(result, pages, _local())
    assert outcome.usage.requests >= 1 and outcome.usage.completion_tokens > 0
    brief = outcome.briefs[0]
    dumped = brief.model_dump_json()
    assert "evil.example" not in dumped and "HACKED" not in dumped
    assert all(link.source in crawled and link.target in crawled for link in brief.internal_links)
    assert set(brief.merge_or_expand) <= crawled and brief.language == "de"
    # Model-written or (after one repair) the deterministic brief with a warning: never anything else.
    assert brief.source == "llm" or "deterministic brief used" in outcome.warnings[0].text


def test_truncated_local_replies_get_one_repair_then_the_deterministic_brief() -> None:
    result, pages = german_site(injection=False)
    outcome = suggest_briefs(result, pages, _local(max_tokens=12))
    assert outcome.usage.requests == 2  # the cut-off reply and one repair attempt
    assert outcome.briefs[0].source == "deterministic" and outcome.briefs[0].language == "de"
    assert "deterministic brief used" in outcome.warnings[0].text
