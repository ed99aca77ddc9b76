"""The semantic-duplicate pair list stays bounded on a large site and equals the exhaustive list
(issue 19): pairs are pruned to those that can still rank among the `limit` best."""

from __future__ import annotations

import numpy as np

from scoring.clusters import SemanticPair, normalise, semantic_duplicates


def _exhaustive(vectors: dict[str, np.ndarray], threshold: float, limit: int) -> list[SemanticPair]:
    keys = sorted(vectors)
    matrix = normalise(np.asarray([vectors[k] for k in keys], dtype=np.float32))
    sims = matrix @ matrix.T
    pairs = [
        SemanticPair(keys[i], keys[j], round(float(sims[i, j]), 4))
        for i in range(len(keys))
        for j in range(i + 1, len(keys))
        if sims[i, j] >= threshold
    ]
    pairs.sort(key=lambda p: (-p.similarity, p.a, p.b))
    return pairs[:limit]


def _near_duplicates(groups: int, size: int, dim: int = 16, seed: int = 7) -> dict[str, np.ndarray]:
    """Groups of almost identical vectors (templated pages): thousands of pairs above any threshold,
    many of them tied after rounding."""
    rng = np.random.default_rng(seed)
    vectors = {}
    for g in range(groups):
        centre = rng.normal(size=dim)
        for m in range(size):
            noise = rng.normal(size=dim) * (0.0 if m % 3 == 0 else 0.01)
            vectors[f"https://x.example/{g:03d}/{m:03d}/"] = (centre + noise).astype(np.float32)
    return vectors


def test_the_pruned_pair_list_equals_the_exhaustive_one() -> None:
    vectors = _near_duplicates(groups=12, size=40)  # 480 pages, 9,360 pairs within groups
    for limit in (1, 25, 500, 20_000):
        found, threshold = semantic_duplicates(vectors, model=None, limit=limit)
        assert found == _exhaustive(vectors, threshold, limit), limit
    assert len(semantic_duplicates(vectors, model=None, limit=20_000)[0]) > 5_000  # the test has many pairs


def test_small_blocks_give_the_same_pairs(monkeypatch) -> None:  # noqa: ANN001 - pytest fixture
    import scoring.clusters as clusters

    vectors = _near_duplicates(groups=5, size=30, seed=3)
    expected = semantic_duplicates(vectors, model=None, limit=100)
    monkeypatch.setattr(clusters, "SIMILARITY_CELLS", 7 * len(vectors))  # 7 rows per product
    assert semantic_duplicates(vectors, model=None, limit=100) == expected


def test_the_pair_cosines_of_clustering_are_the_full_products_upper_triangle() -> None:
    from scoring.clusters import TRIANGLE_ROWS, _upper_triangle

    rng = np.random.default_rng(5)
    for n in (2, 3, TRIANGLE_ROWS + 1, 2 * TRIANGLE_ROWS + 37):
        matrix = normalise(rng.normal(size=(n, 64)).astype(np.float32))
        assert np.array_equal(_upper_triangle(matrix), (matrix @ matrix.T)[np.triu_indices(n, 1)])
