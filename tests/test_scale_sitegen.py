"""bench/sitegen.py: the default site is the one other benches have always generated; the growing
pool (bench/scale_e2e.py) makes paragraphs recur on a few pages instead of on a sixth of the site."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

from bench.sitegen import POOL, SeededPool, generate, growing_pool

# sha256 of every file of `generate(out, 300, origin="http://x")`, sorted by path, before the pool option
DEFAULT_300 = "ce5856c6fbafa796814cc9ced90196ec0b37a87929d3903ff7aae7dd503a3dff"


def _digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _paragraph_spread(root: Path) -> Counter:
    """Articles each paragraph appears in (links taken out)."""
    pages: Counter = Counter()
    for path in (root / "artikel").rglob("index.html"):
        html = re.sub(r"<a [^>]*>[^<]*</a>", "", path.read_text(encoding="utf-8"))
        pages.update(set(re.findall(r"<p>([A-ZÄÖÜ][^<]{200,})</p>", html)))
    return pages


def test_the_default_site_is_unchanged(tmp_path: Path) -> None:
    generate(tmp_path, 300, origin="http://x")
    assert _digest(tmp_path) == DEFAULT_300


def test_a_growing_pool_repeats_a_paragraph_on_a_few_pages_only(tmp_path: Path) -> None:
    assert growing_pool(10) == POOL and growing_pool(100_000) == 2_000_000
    fixed, growing = tmp_path / "fixed", tmp_path / "growing"
    generate(fixed, 300)
    generate(growing, 300, pool=growing_pool(300))
    spread_fixed, spread_growing = _paragraph_spread(fixed), _paragraph_spread(growing)
    assert max(spread_fixed.values()) > 40  # one pool of 400: each paragraph on dozens of 260 articles
    assert max(spread_growing.values()) < 12
    assert sum(spread_growing.values()) / len(spread_growing) < 4


def test_the_seeded_pool_is_the_same_every_time() -> None:
    pool = SeededPool(1_000_000, 7)
    assert len(pool) == 1_000_000 and pool[123_456] == SeededPool(1_000_000, 7)[123_456] != pool[123_457]
