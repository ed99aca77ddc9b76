"""Briefs for deeper articles (docs/llm.md): from an OpenAI-compatible model, an embedded local one,
or the deterministic builder. Scores never depend on this package."""

from auditor.llm.client import BACKENDS, LLMConfig, Usage
from auditor.llm.suggest import SuggestOutcome, suggest_briefs

__all__ = ["BACKENDS", "LLMConfig", "SuggestOutcome", "Usage", "suggest_briefs"]
