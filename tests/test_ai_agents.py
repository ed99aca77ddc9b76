"""The AI agent registry: the main tokens of GEO-EVIDENCE.md §4 and the ai.robots.txt extension."""

from __future__ import annotations

from collections import Counter
from importlib.resources import files

import pytest

from scoring.core.ai_agents import (
    AGENTS,
    PRIMARY_TOKENS,
    SOURCE_AI_ROBOTS,
    SOURCE_EVIDENCE,
    agents_of,
    build_registry,
    classify_function,
    clean_operator,
    load_ai_robots,
    lookup,
    token_key,
)

# GEO-EVIDENCE.md §4, copied by hand so a change to the registry table is caught here.
MAIN = {
    "search": [
        "OAI-SearchBot",
        "Claude-SearchBot",
        "PerplexityBot",
        "Googlebot",
        "Bingbot",
        "Applebot",
        "meta-webindexer",
        "DuckAssistBot",
        "YouBot",
        "Amzn-SearchBot",
    ],
    "user": [
        "ChatGPT-User",
        "Claude-User",
        "Perplexity-User",
        "meta-externalfetcher",
        "MistralAI-User",
        "Amzn-User",
    ],
    "training": [
        "GPTBot",
        "ClaudeBot",
        "CCBot",
        "Google-Extended",
        "Applebot-Extended",
        "meta-externalagent",
        "Bytespider",
        "cohere-training-data-crawler",
        "AI2Bot",
        "DeepSeekBot",
    ],
}
MAIN_PAIRS = [(token, cls) for cls, tokens in MAIN.items() for token in tokens]


@pytest.mark.parametrize(("token", "agent_class"), MAIN_PAIRS)
def test_main_tokens_have_the_evidence_class(token, agent_class):
    agent = lookup(token)
    assert agent is not None, token
    assert agent.agent_class == agent_class
    assert agent.main and agent.source == SOURCE_EVIDENCE
    assert agent.operator and agent.operator != "unknown"


def test_primary_answer_engines():
    assert set(PRIMARY_TOKENS) == {"OAI-SearchBot", "PerplexityBot", "Claude-SearchBot", "Googlebot", "Bingbot"}
    assert all(lookup(t).agent_class == "search" for t in PRIMARY_TOKENS)


def test_operators_of_main_agents():
    assert lookup("OAI-SearchBot").operator == "OpenAI"
    assert lookup("ClaudeBot").operator == "Anthropic"
    assert lookup("PerplexityBot").operator == "Perplexity"
    assert lookup("CCBot").operator == "Common Crawl"


def test_no_duplicate_tokens():
    keys = Counter(token_key(a.token) for a in AGENTS)
    assert [k for k, n in keys.items() if n > 1] == []
    spelled = Counter(a.token.lower() for a in AGENTS)
    assert [k for k, n in spelled.items() if n > 1] == []


def test_json_agents_are_loaded():
    raw = load_ai_robots()
    assert len(raw) > 100
    from_json = [a for a in AGENTS if a.source == SOURCE_AI_ROBOTS]
    assert len(AGENTS) > 100
    assert len(from_json) > 100
    assert lookup("ExaSearchBot").source == SOURCE_AI_ROBOTS
    assert lookup("ExaSearchBot").agent_class == "search"


def test_every_class_is_populated_and_valid():
    assert {a.agent_class for a in AGENTS} == {"search", "user", "training"}
    for agent_class in ("search", "user", "training"):
        assert len(agents_of(agent_class)) >= len(MAIN[agent_class])


def test_hand_table_wins_over_json():
    raw = load_ai_robots()
    # ai.robots.txt files these under "AI Assistants"; GEO-EVIDENCE.md §4 counts them as search.
    assert raw["meta-webindexer"]["function"] == "AI Assistants"
    assert lookup("meta-webindexer").agent_class == "search"
    assert raw["DuckAssistBot"]["function"] == "AI Assistants"
    assert lookup("DuckAssistBot").agent_class == "search"
    # Apple's function text does not say training; the hand table does.
    assert lookup("Applebot-Extended").agent_class == "training"


def test_lookup_is_case_and_version_insensitive():
    assert lookup("gptbot") is lookup("GPTBot")
    assert lookup("MistralAI-User/1.0") is lookup("MistralAI-User")
    assert lookup("Meta-ExternalAgent") is lookup("meta-externalagent")
    assert lookup("NoSuchBot") is None


@pytest.mark.parametrize(
    ("function", "expected"),
    [
        ("AI Search Crawlers", "search"),
        ("Search result generation.", "search"),
        ("Collects data for AI search", "search"),
        ("AI Assistants", "user"),
        ("AI Agents", "user"),
        ("Retrieves data to provide responses to user-initiated prompts.", "user"),
        ("Scrapes data to train OpenAI's products.", "training"),
        ("LLM training.", "training"),
        ("AI Data Scrapers", "training"),
        ("AI Data Providers", "training"),
        ("Undocumented AI Agents", "training"),
        ("AI tools and models for machine learning research.", "training"),  # "research" is no search
    ],
)
def test_classify_function(function, expected):
    assert classify_function(function) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("[OpenAI](https://openai.com)", "OpenAI"),
        ("Unclear at this time.", "unknown"),
        ("Ai2, a non-profit AI research institute", "Ai2"),
        ("Firecrawl that extracts web content and", "Firecrawl"),
        ("https://brightdata.com/brightbot", "brightdata.com"),
        ("ByteDance", "ByteDance"),
    ],
)
def test_clean_operator(raw, expected):
    assert clean_operator(raw) == expected


def test_build_registry_merges_spelling_variants():
    registry = build_registry(
        {
            "ExampleBot": {"operator": "Unclear at this time.", "function": "Undocumented AI Agents"},
            "examplebot/2.0": {"operator": "[Example](https://x)", "function": "AI Search Crawlers"},
            "GPTBot": {"operator": "Someone", "function": "AI Assistants"},
        }
    )
    example = [a for a in registry if a.key == "examplebot"]
    assert len(example) == 1
    assert example[0].token == "ExampleBot"
    assert example[0].agent_class == "search"  # the documented purpose of the variant
    gptbot = [a for a in registry if a.key == "gptbot"]
    assert len(gptbot) == 1 and gptbot[0].agent_class == "training" and gptbot[0].operator == "OpenAI"


def test_data_files_are_packaged_with_license():
    data = files("scoring") / "data"
    assert (data / "ai-robots.json").is_file()
    assert "MIT License" in (data / "ai-robots.LICENSE").read_text(encoding="utf-8")
