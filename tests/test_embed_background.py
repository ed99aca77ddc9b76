"""Vectors encoded by a second process beside the page pass (auditor.embeddings.PendingEmbeddings,
issue 19): the same bytes as encoded in the process, the same warning when the encoder fails, and the
same scores whether the score stage waited for them or not."""

from __future__ import annotations

import sys

import numpy as np
import pytest

import auditor.embeddings as embeddings
from auditor.embeddings import EmbedStats, PendingEmbeddings, embed_pages, make_embedder, start_embedding
from auditor.runner import embedding_outcome, embedding_stage
from auditor.store import Store
from scoring.audit import score_site
from tests.factories import artifacts
from tests.test_embeddings import _pages


@pytest.fixture
def background(monkeypatch):
    monkeypatch.delenv("GEO_AUDIT_EMBEDDER", raising=False)
    monkeypatch.setattr(embeddings, "BACKGROUND_MIN", 1)


def _same(one, two) -> None:
    assert one.model == two.model and list(one.vectors) == list(two.vectors)
    for key, vector in one.vectors.items():
        assert vector.dtype == two.vectors[key].dtype and vector.tobytes() == two.vectors[key].tobytes()


def test_child_gives_the_same_vectors_and_cache(tmp_path, background):
    inline_store, child_store = Store(tmp_path / "a.db"), Store(tmp_path / "b.db")
    inline = embed_pages(_pages(), make_embedder(), inline_store)
    stats = EmbedStats()
    pending = start_embedding(_pages(), child_store, stats)
    assert isinstance(pending, PendingEmbeddings)
    _same(pending(), inline)
    assert pending() is pending() and pending.error is None and stats.computed == 4
    assert stats.background_s is not None and stats.seconds >= 0
    key = "usem3@alone"
    hashes = sorted({embeddings.text_hash(embeddings.embedding_text(p)) for p in _pages()})
    assert child_store.cached_vectors(key, hashes) == inline_store.cached_vectors(key, hashes)
    # all cached now: nothing to encode, no child
    assert not callable(start_embedding(_pages(), child_store, EmbedStats()))


def test_a_child_that_dies_leaves_the_texts_to_this_process(tmp_path, background, monkeypatch):
    inline = embed_pages(_pages(), make_embedder())
    monkeypatch.setattr(sys, "executable", "/bin/false")
    pending = start_embedding(_pages(), Store(tmp_path / "a.db"), EmbedStats())
    _same(pending(), inline)


def test_an_encoder_that_fails_is_the_same_warning(tmp_path, background, monkeypatch):
    monkeypatch.setenv("GEO_AUDIT_EMBEDDER", "st:/nonexistent/model")
    before = embedding_stage(Store(tmp_path / "a.db"), _pages())
    pending, problem, timing = embedding_stage(Store(tmp_path / "b.db"), _pages(), background=True)
    assert callable(pending) and problem is None and timing == {}
    after = embedding_outcome(pending)
    assert after[0] is None and before[0] is None
    assert after[1].text == before[1].text and after[1].text.startswith("embeddings: not computed")


def test_scores_read_the_vectors_when_a_check_asks(tmp_path, background):
    inline = score_site(_pages(), artifacts(), embeddings=embed_pages(_pages(), make_embedder()))
    pending = start_embedding(_pages(), Store(tmp_path / "a.db"), EmbedStats())
    deferred = score_site(_pages(), artifacts(), embeddings=pending)
    assert pending._done  # the topic checks asked for them
    assert deferred.model_dump(exclude={"timing"}) == inline.model_dump(exclude={"timing"})
    assert deferred.check("topical-focus").state != "not_applicable"
    assert np.isfinite(deferred.insights.focus_score)
