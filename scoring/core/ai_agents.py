"""Our registry of AI agent tokens: who operates each one and what its fetches are for.

Three classes, reported separately (docs/sources.md §4):

- ``search``: builds a search / answer index (OAI-SearchBot, PerplexityBot, Googlebot, …).
  Blocking it keeps the site out of that engine's answers and citations.
- ``user``: fetches a page when a user asks for it (ChatGPT-User, Claude-User, …). Blocking it
  stops the assistant from reading the page during a conversation.
- ``training``: collects data for model training or data sets (GPTBot, CCBot, …). Blocking it
  does not reduce visibility in answers. Agents whose purpose is undocumented are put here too:
  they are reported but never lower a score.

The hand-written table `MAIN_AGENTS` (docs/sources.md §4) is authoritative. It is extended with the
agents of the ai.robots.txt project (`scoring/data/ai-robots.json`, MIT, see
`scoring/data/ai-robots.LICENSE`), classified by their ``function`` field with `classify_function`;
the hand-written table wins on conflicts. Tokens are compared with `token_key` (case-insensitive,
RFC 9309), so spelling variants of one token ("meta-externalagent", "Meta-ExternalAgent",
"MistralAI-User/1.0") are one agent.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib.resources import files
from typing import Literal

AgentClass = Literal["search", "user", "training"]
CLASSES: tuple[AgentClass, ...] = ("search", "user", "training")
CLASS_LABEL: dict[str, str] = {
    "search": "search/answer index",
    "user": "user-initiated fetch",
    "training": "training/data collection",
}

SOURCE_EVIDENCE = "docs/sources.md §4"
SOURCE_AI_ROBOTS = "ai.robots.txt"


@dataclass(frozen=True)
class AIAgent:
    token: str  # the robots.txt product token, as its operator spells it
    operator: str
    agent_class: AgentClass
    main: bool = False  # one of the main agents of docs/sources.md §4
    primary: bool = False  # a major answer engine: blocking it fails ai-crawler-access
    source: str = SOURCE_EVIDENCE
    function: str = ""  # what the fetches are for

    @property
    def key(self) -> str:
        return token_key(self.token)


# fmt: off
# token, operator, class, primary, function. Sources: OpenAI "Overview of OpenAI Crawlers",
# Anthropic "Does Anthropic crawl data from the web", Perplexity "Perplexity Crawlers", Google
# "Google's common crawlers", Bing "Bing crawlers", Apple "About Applebot", Meta "Meta Web
# Crawlers", DuckDuckGo "DuckAssistBot", Common Crawl "CCBot".
_MAIN_TABLE: tuple[tuple[str, str, AgentClass, bool, str], ...] = (
    ("OAI-SearchBot", "OpenAI", "search", True, "Indexes pages for ChatGPT search answers and citations."),
    ("Claude-SearchBot", "Anthropic", "search", True, "Indexes pages to improve Claude's search results."),
    ("PerplexityBot", "Perplexity", "search", True, "Indexes pages for Perplexity answers and citations."),
    ("Googlebot", "Google", "search", True, "Google Search crawler; feeds AI Overviews and AI Mode."),
    ("Bingbot", "Microsoft", "search", True, "Bing crawler; feeds Bing, Copilot and engines using Bing."),
    ("Applebot", "Apple", "search", False, "Apple search crawler (Siri, Spotlight, Safari)."),
    ("meta-webindexer", "Meta", "search", False, "Indexes pages for Meta AI search answers."),
    ("DuckAssistBot", "DuckDuckGo", "search", False, "Fetches pages for DuckDuckGo's DuckAssist answers."),
    ("YouBot", "You.com", "search", False, "Indexes pages for You.com's AI search."),
    ("Amzn-SearchBot", "Amazon", "search", False, "Indexes pages for Amazon's AI search (Rufus, Alexa)."),
    ("ChatGPT-User", "OpenAI", "user", False, "Fetches a page when a ChatGPT user or action asks for it."),
    ("Claude-User", "Anthropic", "user", False, "Fetches a page when a Claude user asks for it."),
    ("Perplexity-User", "Perplexity", "user", False, "Fetches a page when a Perplexity user asks for it."),
    ("meta-externalfetcher", "Meta", "user", False, "Fetches a page a Meta AI user links to."),
    ("MistralAI-User", "Mistral AI", "user", False, "Fetches a page when a Le Chat user asks for it."),
    ("Amzn-User", "Amazon", "user", False, "Fetches a page when an Amazon assistant user asks for it."),
    ("GPTBot", "OpenAI", "training", False, "Collects data to train OpenAI's models."),
    ("ClaudeBot", "Anthropic", "training", False, "Collects data to train Anthropic's models."),
    ("CCBot", "Common Crawl", "training", False, "Builds the open Common Crawl data set (used for training)."),
    ("Google-Extended", "Google", "training", False,
     "Token only (no requests): controls use of Googlebot's fetches for Gemini training."),
    ("Applebot-Extended", "Apple", "training", False,
     "Token only (no requests): controls use of Applebot's fetches for Apple model training."),
    ("meta-externalagent", "Meta", "training", False, "Collects data to train Meta's AI models."),
    ("Bytespider", "ByteDance", "training", False, "Collects data to train ByteDance's models."),
    ("cohere-training-data-crawler", "Cohere", "training", False, "Collects training data for Cohere."),
    ("AI2Bot", "Ai2", "training", False, "Collects data to train Ai2's open language models."),
    ("DeepSeekBot", "DeepSeek", "training", False, "Collects data to train DeepSeek's models."),
)
# fmt: on

_VERSION_SUFFIX = re.compile(r"(?<![\s/])[\s/]+v?\d+(?:\.\d+)*$")


def token_key(token: str) -> str:
    """Comparison key of a user-agent token: lower case, version suffix and spaces removed.

    RFC 9309 matches product tokens case-insensitively; "MistralAI-User/1.0" and "Terra Cotta"
    are the tokens "MistralAI-User" and "TerraCotta".
    """
    value = token.strip().lower()
    if value == "*":
        return value
    value = _VERSION_SUFFIX.sub("", value.replace("*", ""))
    return re.sub(r"\s+", "", value)


_USER_HINTS = ("assistant", "agent", "user-initiated", "user prompts", "user queries", "on behalf")


def classify_function(function: str) -> AgentClass:
    """Class of an ai-robots.json agent from its "function" text. Rules, first match wins:

    1. mentions training ("train", "LLM training") -> training
    2. purpose undocumented or unclear -> training (reported, never scored)
    3. mentions search ("AI Search Crawlers", "Search result generation", "AI search") -> search
    4. assistants, agents or fetches for a user's prompt/query -> user
    5. anything else (data scrapers, data providers, data sets, other products) -> training
    """
    text = function.lower()
    if re.search(r"\btrain", text):
        return "training"
    if "undocumented" in text or "unclear" in text:
        return "training"
    if re.search(r"\bsearch\b", text):
        return "search"
    if any(hint in text for hint in _USER_HINTS):
        return "user"
    return "training"


_MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_UNKNOWN_OPERATORS = {"", "unclear at this time.", "unknown", "unknown."}


def clean_operator(raw: str) -> str:
    """A short operator name from ai-robots.json's free text ("[OpenAI](https://…)" -> "OpenAI")."""
    text = raw.strip()
    if text.lower() in _UNKNOWN_OPERATORS:
        return "unknown"
    link = _MARKDOWN_LINK.match(text)
    if link:
        return link.group(1).strip()
    if text.startswith(("http://", "https://")):
        return re.sub(r"^https?://(?:www\.)?", "", text).split("/")[0]
    for cut in (" (", " that ", ", ", ". "):
        if cut in text:
            text = text.split(cut, 1)[0]
    return text.strip().rstrip(".")[:60] or "unknown"


def _documented(function: str) -> bool:
    text = function.lower()
    return bool(text) and "undocumented" not in text and "unclear" not in text


def load_ai_robots() -> dict[str, dict[str, str]]:
    """The packaged ai-robots.json (token -> operator, respect, function, frequency, description)."""
    resource = files("scoring") / "data" / "ai-robots.json"
    return json.loads(resource.read_text(encoding="utf-8"))


def build_registry(ai_robots: dict[str, dict[str, str]]) -> tuple[AIAgent, ...]:
    """The hand-written table, extended with the ai-robots.json agents it does not name."""
    json_by_key: dict[str, tuple[str, dict[str, str]]] = {}
    for token, info in ai_robots.items():
        key = token_key(token)
        known = json_by_key.get(key)
        if known is None:
            json_by_key[key] = (token, info)
        elif not _documented(known[1].get("function", "")) and _documented(info.get("function", "")):
            json_by_key[key] = (known[0], info)  # keep the plain token, take the documented purpose
    agents: list[AIAgent] = []
    for token, operator, agent_class, primary, function in _MAIN_TABLE:
        agents.append(AIAgent(token, operator, agent_class, main=True, primary=primary, function=function))
    hand_keys = {a.key for a in agents}
    for key, (token, info) in json_by_key.items():
        if key in hand_keys:
            continue
        function = info.get("function", "")
        agents.append(
            AIAgent(
                token=token,
                operator=clean_operator(info.get("operator", "")),
                agent_class=classify_function(function),
                source=SOURCE_AI_ROBOTS,
                function=function,
            )
        )
    return tuple(agents)


AGENTS: tuple[AIAgent, ...] = build_registry(load_ai_robots())
BY_KEY: dict[str, AIAgent] = {agent.key: agent for agent in AGENTS}
PRIMARY_TOKENS: tuple[str, ...] = tuple(a.token for a in AGENTS if a.primary)


def lookup(token: str) -> AIAgent | None:
    """The registered agent for a token (any spelling), or None."""
    return BY_KEY.get(token_key(token))


def agents_of(agent_class: AgentClass) -> list[AIAgent]:
    return [a for a in AGENTS if a.agent_class == agent_class]
