"""The store's side of re-audits (auditor.reaudit): earlier audits of a site whose pages a new crawl
may reuse, their pages' validators, and the digests of what the score stage read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Engine

from auditor.store.schema import audits, pages, score_inputs


class ReuseTables:
    """The re-audit methods of Store."""

    engine: Engine

    def earlier_crawls(self, site: str, before: int, limit: int = 5) -> list[tuple[int, str]]:
        """(id, artifacts JSON) of the latest finished crawls of `site` (the normalised start URL)
        before audit `before`, newest first: complete or partial, never failed or still running."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(audits.c.id, audits.c.artifacts)
                .where(
                    audits.c.site == site,
                    audits.c.id < before,
                    audits.c.status.in_(("complete", "partial")),
                    audits.c.artifacts.is_not(None),
                )
                .order_by(audits.c.id.desc())
                .limit(limit)
            ).all()
        return [(int(audit_id), raw) for audit_id, raw in rows]

    def raw_pages(self, audit_id: int) -> Iterator[tuple[str, dict[str, Any]]]:
        """(url, record as parsed JSON) of an audit's pages, in chunks; no model validation (digests and
        validators read a few fields of every record)."""
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=200).execute(
                select(pages.c.url, pages.c.record).where(pages.c.audit_id == audit_id)
            )
            for url, raw in result:
                yield url, json.loads(raw)

    def page_depths(self, audit_id: int) -> dict[str, tuple[int | None, str | None]]:
        """(depth, discovered_from) of every stored page by URL."""
        return {url: (record.get("depth"), record.get("discovered_from")) for url, record in self.raw_pages(audit_id)}

    def set_page_depths(self, audit_id: int, depths: dict[str, tuple[int | None, str | None]]) -> None:
        """Give stored pages another depth and referrer (auditor.reaudit.adopt_depths)."""
        with self.engine.begin() as conn:
            for url, (depth, referrer) in depths.items():
                raw = conn.execute(
                    select(pages.c.record).where(pages.c.audit_id == audit_id, pages.c.url == url)
                ).scalar_one_or_none()
                if raw is None:
                    continue
                record = json.loads(raw)
                record.update(depth=depth, discovered_from=referrer)
                conn.execute(
                    update(pages)
                    .where(pages.c.audit_id == audit_id, pages.c.url == url)
                    .values(record=json.dumps(record, ensure_ascii=False), depth=depth)
                )

    def save_score_digest(self, audit_id: int, digest: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(score_inputs).where(score_inputs.c.audit_id == audit_id))
            conn.execute(insert(score_inputs).values(audit_id=audit_id, digest=digest))

    def scored_with_digest(self, site: str, digest: str, before: int) -> int | None:
        """The latest scored audit of `site` before `before` whose score inputs had this digest."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(audits.c.id)
                .join(score_inputs, score_inputs.c.audit_id == audits.c.id)
                .where(
                    audits.c.site == site,
                    audits.c.id < before,
                    audits.c.result.is_not(None),
                    score_inputs.c.digest == digest,
                )
                .order_by(audits.c.id.desc())
                .limit(1)
            ).first()
        return int(row[0]) if row else None
