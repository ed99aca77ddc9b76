"""The store's caches: LLM replies and usage (auditor.llm) and page vectors (auditor.embeddings).
A re-run makes no request for a reply it has, and embeds no page whose text it has seen."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Engine

from auditor.store.schema import embeddings, insert_ignoring_duplicates, llm_cache, llm_usage, now


class CacheTables:
    """The cache methods of Store."""

    engine: Engine

    # -- LLM cache and usage (auditor.llm) ----------------------------------------------------
    def llm_cache_get(self, key: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(llm_cache.c.content, llm_cache.c.prompt_tokens, llm_cache.c.completion_tokens).where(
                    llm_cache.c.key == key
                )
            ).first()
        return {"content": row[0], "prompt_tokens": row[1], "completion_tokens": row[2]} if row else None

    def llm_cache_put(self, key: str, model: str, content: str, prompt_tokens: int, completion_tokens: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(llm_cache.delete().where(llm_cache.c.key == key))
            conn.execute(
                insert(llm_cache).values(
                    key=key,
                    model=model,
                    content=content,
                    prompt_tokens=prompt_tokens,
                    completion_tokens=completion_tokens,
                    created=now(),
                )
            )

    def add_llm_usage(self, audit_id: int, usage: dict[str, Any]) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(llm_usage).values(audit_id=audit_id, created=now(), usage=json.dumps(usage)))

    def llm_usage(self, audit_id: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(llm_usage.c.usage).where(llm_usage.c.audit_id == audit_id).order_by(llm_usage.c.id)
            ).all()
        return [json.loads(raw) for (raw,) in rows]

    # -- embeddings cache --------------------------------------------------------------------
    def cached_vectors(self, model: str, hashes: list[str]) -> dict[str, bytes]:
        """Stored vectors (raw float32 bytes) of these text hashes for this model."""
        found: dict[str, bytes] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(hashes), 500):
                chunk = hashes[start : start + 500]
                rows = conn.execute(
                    select(embeddings.c.text_hash, embeddings.c.vector).where(
                        embeddings.c.model == model, embeddings.c.text_hash.in_(chunk)
                    )
                )
                found.update({h: bytes(v) for h, v in rows})
        return found

    def store_vectors(self, model: str, vectors: dict[str, bytes], dim: int) -> None:
        if not vectors:
            return
        existing = set(self.cached_vectors(model, list(vectors)))
        rows = [
            {"model": model, "text_hash": h, "dim": dim, "vector": v} for h, v in vectors.items() if h not in existing
        ]
        if rows:
            with self.engine.begin() as conn:
                conn.execute(insert_ignoring_duplicates(self.engine, embeddings), rows)
