"""The report section "What AI crawlers see": raw HTML against the rendered page, per template.

`rendering_view(result, t, lang)` is the `rendering` key of the report's template context
(reports/templates/rendering.html.j2); None when the audit has nothing to show (no rendering and
no likely shell page), and the section is then left out.
"""

from __future__ import annotations

from typing import Any

from scoring.core.results import AuditResult


def rendering_view(result: AuditResult, t: dict[str, str], lang: str) -> dict[str, Any] | None:
    """The section's context, or None when there is nothing to show."""
    return None
