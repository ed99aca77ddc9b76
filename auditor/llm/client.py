"""Chat completions through the `openai` client against any OpenAI-compatible endpoint.

Structured output (`json_schema`) first; a server that rejects it gets JSON mode plus our own
validation from then on. Transient errors are retried with exponential backoff; every reply is
cached by sha256 of (endpoint, model, request), so a second run of the same audit against the same
server makes no request, and a reply from one server is never served as another's.
The API key is only handed to the client: it never appears in messages, warnings or results.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Protocol

from auditor.llm.prompt import BRIEF_JSON_SCHEMA, PROMPT_VERSION

BACKENDS = ("none", "openai", "local")
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
DEFAULT_OPENAI_BASE_URL = "https://api.openai.com/v1"  # the openai client's endpoint when none is given


class LLMUnavailable(RuntimeError):
    """The endpoint cannot serve this run (auth, unknown model, unreachable after retries)."""


@dataclass(frozen=True)
class LLMConfig:
    backend: str = "none"
    model: str | None = None  # openai: the model name; local: a GGUF path (None: the packaged model)
    base_url: str | None = None  # openai: OPENAI_BASE_URL when not given
    api_key: str | None = field(default=None, repr=False)  # openai: OPENAI_API_KEY when not given
    timeout_s: float = 120.0  # per request
    retries: int = 3  # transient errors (connection, timeout, 429, 5xx)
    backoff_s: float = 1.0  # first wait; doubles per retry
    concurrency: int = 2  # requests in flight
    max_briefs: int = 5
    max_tokens: int = 900  # a full brief is ~500-700 tokens; bounds a model that rambles
    temperature: float = 0.2
    # local: llama.cpp threads. Half the cores: on a busy 2-core machine two spinning threads wait on each
    # other and ran ~10x slower than one (measured: 150 tokens in 17 s with 1 thread, >200 s with 2).
    threads: int = field(default_factory=lambda: max(1, min(4, (os.cpu_count() or 2) // 2)))
    context: int = 4096  # local: context window (prompt ~1.5k tokens + reply)
    price_in_per_mtok: float | None = None  # USD per million prompt tokens (cost stays None without)
    price_out_per_mtok: float | None = None

    def resolved(self) -> LLMConfig:
        """Environment fallbacks for the openai backend (keys live in the environment, not in files)."""
        from dataclasses import replace

        if self.backend != "openai":
            return self
        return replace(
            self,
            base_url=self.base_url or os.environ.get("OPENAI_BASE_URL") or None,
            api_key=self.api_key or os.environ.get("OPENAI_API_KEY") or None,
            model=self.model or os.environ.get("OPENAI_MODEL") or DEFAULT_OPENAI_MODEL,
        )


class ModeChanged(Exception):
    """The server rejected structured output: rebuild the prompt with the schema spelled out (JSON mode)."""


class ReplyCache(Protocol):
    def llm_cache_get(self, key: str) -> dict[str, Any] | None: ...

    def llm_cache_put(self, key: str, model: str, content: str, prompt_tokens: int, completion_tokens: int) -> None: ...


@dataclass
class Usage:
    backend: str = "none"
    model: str | None = None
    requests: int = 0  # HTTP requests answered
    cache_hits: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    cost_usd: float | None = None
    structured_output: str | None = None  # "json_schema" or "json_object"
    briefs_llm: int = 0
    briefs_fallback: int = 0
    urls_dropped: int = 0

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def endpoint_id(base_url: str | None) -> str:
    """Which server answers, for the cache key: its base URL without a trailing slash."""
    return (base_url or DEFAULT_OPENAI_BASE_URL).strip().rstrip("/")


def cache_key(model: str, messages: list[dict[str, str]], mode: str, endpoint: str) -> str:
    """The reply cache's key: prompt version, endpoint, model, output mode and schema, messages."""
    schema = BRIEF_JSON_SCHEMA if mode == "json_schema" else None  # a new schema never reuses old replies
    payload = json.dumps(
        {
            "v": PROMPT_VERSION,
            "endpoint": endpoint,
            "model": model,
            "mode": mode,
            "schema": schema,
            "messages": messages,
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _transient(openai: Any) -> tuple[type[Exception], ...]:
    """Errors worth a retry with backoff."""
    return (openai.APIConnectionError, openai.APITimeoutError, openai.RateLimitError, openai.InternalServerError)


class ChatClient:
    """One endpoint, one model, shared by the worker threads of a suggest run."""

    def __init__(
        self,
        config: LLMConfig,
        base_url: str | None,
        cache: ReplyCache | None,
        usage: Usage,
        mode: str = "json_schema",
        endpoint: str | None = None,
    ) -> None:
        self.config = config
        self.model = config.model or "local"
        # What answered, for the cache: the base URL (a local server's changes per run: its model file instead).
        self.endpoint = endpoint or endpoint_id(base_url)
        self.cache = cache
        self.usage = usage
        self.mode = mode  # switches to json_object when the server rejects json_schema
        self._lock = threading.Lock()
        import openai  # here, not at import: the openai package costs 0.4 s of every run's start, LLM or not

        self._client = openai.OpenAI(
            base_url=base_url, api_key=config.api_key or "not-needed", timeout=config.timeout_s, max_retries=0
        )

    def close(self) -> None:
        self._client.close()

    def _response_format(self) -> dict[str, Any]:
        if self.mode == "json_schema":
            return {
                "type": "json_schema",
                "json_schema": {"name": "article_brief", "schema": BRIEF_JSON_SCHEMA, "strict": True},
            }
        return {"type": "json_object"}

    def complete(self, messages: list[dict[str, str]], repair: bool = False) -> str:
        """The reply text: from the cache, or from the server with retries and backoff."""
        key = cache_key(self.model, messages, self.mode, self.endpoint)
        if self.cache is not None:
            hit = self.cache.llm_cache_get(key)
            if hit is not None:
                with self._lock:
                    self.usage.cache_hits += 1
                return hit["content"]
        import openai

        attempt = 0
        while True:
            try:
                response = self._client.chat.completions.create(
                    # A repair at the same temperature and seed tends to repeat the same mistake.
                    model=self.model,
                    messages=messages,
                    seed=11 if repair else 7,
                    temperature=max(self.config.temperature, 0.7) if repair else self.config.temperature,
                    max_tokens=self.config.max_tokens,
                    response_format=self._response_format(),
                )
                break
            except (openai.BadRequestError, openai.UnprocessableEntityError, openai.InternalServerError) as exc:
                # Servers without json_schema answer 400/422 (500 in llama-cpp-python): JSON mode from now on.
                schema_rejected = not isinstance(exc, openai.InternalServerError) or "schema" in str(exc).lower()
                if self.mode == "json_schema" and schema_rejected:
                    with self._lock:
                        self.mode = "json_object"
                    raise ModeChanged from None
                if isinstance(exc, openai.InternalServerError) and attempt < self.config.retries:
                    attempt += 1
                    time.sleep(self.config.backoff_s * 2 ** (attempt - 1))
                    continue
                raise
            except (openai.AuthenticationError, openai.PermissionDeniedError, openai.NotFoundError) as exc:
                raise LLMUnavailable(f"{type(exc).__name__} (HTTP {exc.status_code})") from None
            except _transient(openai) as exc:
                if attempt >= self.config.retries:
                    raise LLMUnavailable(f"{type(exc).__name__} after {attempt + 1} attempts") from None
                attempt += 1
                time.sleep(self.config.backoff_s * 2 ** (attempt - 1))
        content = (response.choices[0].message.content or "") if response.choices else ""
        prompt_tokens = response.usage.prompt_tokens if response.usage else 0
        completion_tokens = response.usage.completion_tokens if response.usage else 0
        with self._lock:
            self.usage.requests += 1
            self.usage.prompt_tokens += prompt_tokens
            self.usage.completion_tokens += completion_tokens
            self.usage.structured_output = self.mode
        if self.cache is not None and content:
            self.cache.llm_cache_put(key, self.model, content, prompt_tokens, completion_tokens)
        return content
