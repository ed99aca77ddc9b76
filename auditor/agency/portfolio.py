"""Build the portfolio overview of a batch from the store (reports/portfolio.py renders it).

Per client: the batch item's audit, the previous scored audit of the same site (any batch) for
"change since the last audit" (score change; new and fixed findings, pages added and removed as
`geo-audit compare` counts them), category scores, the biggest open issue and a relative link to the
client's report, so the portfolio folder can be zipped and sent as it is.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from auditor.agency.batch_file import BatchFile
from auditor.agency.compare import compare_results
from auditor.config import mask_secrets
from auditor.errors import AuditError
from auditor.store import Store
from reports.portfolio import (
    Changes,
    PortfolioRow,
    biggest_open_issue,
    category_titles,
    default_language,
    portfolio_title,
    write_portfolio,
)
from scoring.core.results import AuditResult


class PortfolioError(ValueError):
    """One line for the CLI."""


def _stored_result(store: Store, audit_id: int) -> AuditResult | None:
    """An older audit's result, or None when it no longer validates (written by an older version):
    the change column stays empty for that client instead of the whole portfolio failing."""
    try:
        return store.result(audit_id)
    except (ValidationError, AuditError):
        return None


def portfolio_rows(
    store: Store, batch_id: int, out_dir: Path, *, batch: BatchFile | None = None
) -> tuple[list[PortfolioRow], dict[str, str]]:
    """One row per batch item, and the category titles ({id: English title}) of their results.

    A row's language is the client's `lang` from the batch file, else the audited site's language:
    what the portfolio's default language is decided by."""
    client_lang = {c.name: c.lang for c in batch.clients} if batch is not None else {}
    rows, results = [], []
    for item in store.batch_items(batch_id):
        result = store.result(item.audit_id) if item.audit_id and item.status == "done" else None
        previous = store.previous_audit(item.audit_id) if result is not None and item.audit_id else None
        changes = None
        before = _stored_result(store, previous.id) if previous is not None else None
        if result is not None and before is not None:
            comparison = compare_results(before, result)
            changes = Changes(
                len(comparison.new_findings),
                len(comparison.fixed_findings),
                len(comparison.pages_added),
                len(comparison.pages_removed),
            )
        report = None
        if item.report and Path(item.report).exists():
            report = Path(os.path.relpath(item.report, Path(out_dir).resolve())).as_posix()
        if result is not None:
            results.append(result)
        rows.append(
            PortfolioRow(
                client=item.client,
                url=item.url,
                status=item.status,
                score=result.site_score if result else None,
                previous_score=previous.site_score if previous else None,
                categories={c.id: c.score for c in result.categories} if result else {},
                biggest_issue=biggest_open_issue(result) if result else None,
                report=report,
                pages=item.pages,
                audited=(item.finished or "")[:10] or None,
                error=mask_secrets(item.error) if item.error else None,  # a child's error may name a store URL
                changes=changes,
                language=client_lang.get(item.client) or (result.language if result else None),
            )
        )
    return rows, category_titles(results)


def build_portfolio(
    store: Store, batch_id: int, out_dir: Path, *, batch: BatchFile | None = None, lang: str | None = None
) -> dict[str, Path]:
    """Write portfolio.html and portfolio.csv for a stored batch into `out_dir`.

    Language: `lang` (--lang), else the batch file's `[batch] lang`, else German when most clients
    of known language are German (reports.portfolio.default_language). Nothing about it is stored:
    the batch row keeps the file's path, which `geo-audit portfolio` reads again."""
    row = store.batch(batch_id)
    if row is None:
        raise PortfolioError(f"no batch {batch_id} in {store.url}")
    if lang not in (None, "de", "en"):
        raise PortfolioError(f"portfolio language must be de or en, not {lang!r}")
    rows, categories = portfolio_rows(store, batch_id, out_dir, batch=batch)
    code = lang or (batch.lang if batch is not None else None) or default_language(rows)
    branding = None
    if batch is not None:  # the agency's branding: the first client's, as the batch defaults give it
        branding = next((c.branding for c in batch.clients if c.branding), None)
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return write_portfolio(
        rows,
        out_dir,
        title=portfolio_title(row.name, code),
        categories=categories,
        branding=branding,
        generated=generated,
        lang=code,
    )
