"""The warnings the pipeline adds to a result, as structured messages (scoring.core.messages):
English here, German in reports/i18n/de/audit.toml and llm.toml. Console and pipeline tell them
apart by message id, never by the wording."""

from __future__ import annotations

from scoring.core.messages import Message, define

AUDIT = {
    "crawl-incomplete": (
        "Crawl incomplete: {failed} of {total} URLs ({share}) could not be fetched because the server refused or "
        "dropped the connection (did it go down during the crawl?); findings cover only the pages fetched."
    ),
    "embeddings-failed": "embeddings: not computed ({error}); topic checks not measured",
    "briefs-failed": "briefs: not generated ({error})",
}
LLM = {
    "skipped": "LLM step skipped: {reason}; deterministic briefs used",
    "failed": "LLM step failed ({reason}); deterministic briefs used",
    "brief-fallback": "brief for {url}: {problem}; deterministic brief used",
}
define("audit", AUDIT)
define("llm", LLM)

CRAWL_INCOMPLETE = "audit.crawl-incomplete"


def audit_warning(key: str, **params: object) -> Message:
    return Message(id=f"audit.{key}", params=params)


def llm_warning(key: str, **params: object) -> Message:
    return Message(id=f"llm.{key}", params=params)


def is_llm_warning(message: Message) -> bool:
    return message.id.startswith("llm.")
