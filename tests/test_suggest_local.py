"""The suggest step against a REAL OpenAI-compatible server: llama.cpp (xllamacpp) on 127.0.0.1 with
the packaged Qwen2.5-Coder-0.5B GGUF (extra `local-llm`, also in `test`). Slow on 2 cores (a minute
or more per brief): skip locally with `pytest -m "not local_llm"`; CI runs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.llm import LLMConfig, suggest_briefs
from auditor.llm.local import PACKAGED_SHA256, LocalServer, packaged_model_path, sha256_of
from auditor.store import Store
from scoring.lexicons import guess_language
from tests.test_suggest import german_site

pytestmark = pytest.mark.local_llm


def test_packaged_model_is_assembled_verified_and_the_server_stops() -> None:
    path = packaged_model_path()
    assert sha256_of(path) == PACKAGED_SHA256
    with LocalServer() as server:
        assert server.base_url.startswith("http://127.0.0.1:") and server.process.poll() is None
    assert server.process.poll() is not None  # stopped after the run


def test_local_model_writes_a_validated_german_brief_and_the_second_run_is_cached(tmp_path: Path) -> None:
    result, pages = german_site(injection=False)  # one weak article: wallbox funding, German
    crawled = {p.url for p in pages}
    store = Store(tmp_path / "a.db")
    try:
        first = suggest_briefs(result, pages, LLMConfig(backend="local", max_briefs=1), cache=store)
        assert first.usage.requests >= 1 and first.usage.completion_tokens > 0, first.warnings
        brief = first.briefs[0]
        assert brief.source == "llm", first.warnings  # validated (schema + sanitize) model output
        assert brief.model == "qwen2.5-coder-0.5b-instruct-q4_k_m" and brief.language == "de"
        text = " ".join(
            [
                brief.working_title,
                brief.angle,
                *brief.questions,
                *(h.text for h in brief.outline),
                *brief.evidence_tasks,
            ]
        )
        assert guess_language(text) in ("de", None)
        assert all(link.source in crawled and link.target in crawled for link in brief.internal_links)
        assert set(brief.merge_or_expand) <= crawled and brief.target_urls == [pages[-1].url]
        assert brief.effort.split(" ")[0] in ("klein", "mittel", "groß")  # from the enum, not from the page
        second = suggest_briefs(result, pages, LLMConfig(backend="local", max_briefs=1), cache=store)
        assert second.usage.requests == 0 and second.usage.cache_hits >= 1  # no request at all
        assert second.briefs == first.briefs
    finally:
        store.close()


def test_injection_page_cannot_change_the_shape_or_smuggle_links() -> None:
    result, pages = german_site(injection=True, funding=False)  # the weak article says "ignore ... instructions"
    crawled = {p.url for p in pages}
    outcome = suggest_briefs(result, pages, LLMConfig(backend="local", max_briefs=1))
    assert outcome.usage.requests >= 1 and outcome.usage.completion_tokens > 0
    brief = outcome.briefs[0]
    dumped = brief.model_dump_json()
    assert "evil.example" not in dumped and "HACKED" not in dumped
    assert all(link.source in crawled and link.target in crawled for link in brief.internal_links)
    assert set(brief.merge_or_expand) <= crawled and brief.language == "de"
    # Model-written or (after one repair) the deterministic brief with a warning: never anything else.
    assert brief.source == "llm" or "deterministic brief used" in outcome.warnings[0]


def test_truncated_local_replies_get_one_repair_then_the_deterministic_brief() -> None:
    result, pages = german_site(injection=False)
    outcome = suggest_briefs(result, pages, LLMConfig(backend="local", max_briefs=1, max_tokens=12))
    assert outcome.usage.requests == 2  # the cut-off reply and one repair attempt
    assert outcome.briefs[0].source == "deterministic" and outcome.briefs[0].language == "de"
    assert "deterministic brief used" in outcome.warnings[0]
