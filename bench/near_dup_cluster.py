"""The near-duplicate search on one cluster of near-copies (issue 19): pairs, time and memory.

    python bench/near_dup_cluster.py --pages 2000 10000 [--words 800]

Doorway pages: one template of `--words` words, each page with its own town name every 160 words
(Jaccard ~0.94 between any two: every pair is a near-duplicate, n·(n−1)/2 of them). Per size: the pairs
`scoring.shingle_arrays.near_duplicate_pairs` returns (or, where the module has it, `PairSearch` streamed),
wall and CPU seconds, and the peak of tracemalloc's traced memory over the search. Run it with a
worktree of another commit on PYTHONPATH to compare.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))


def town_pages(towns: int, words: int, seed: int = 2) -> dict[str, object]:
    from scoring.shingle_arrays import shingle_array

    rng = random.Random(seed)
    vocabulary = [f"wort{i}" for i in range(300)]
    template = rng.choices(vocabulary, k=words)
    pages = {}
    for t in range(towns):
        text = list(template)
        for at in range(0, len(text), 160):
            text[at] = f"stadt{t}"
        pages[f"/heizung/stadt{t}"] = shingle_array(text)
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[2000])
    parser.add_argument("--words", type=int, default=800)
    args = parser.parse_args()
    from scoring import shingle_arrays

    for n in args.pages:
        arrays = town_pages(n, args.words)
        tracemalloc.start()
        wall, cpu = time.perf_counter(), time.process_time()
        if hasattr(shingle_arrays, "PairSearch"):
            search = shingle_arrays.PairSearch(arrays)
            pairs = sum(1 for _ in search)
            pages = len(search.capped_pages) if search.capped_pages else None
        else:
            pairs, pages = len(shingle_arrays.near_duplicate_pairs(arrays)), None
        row = {
            "pages": n,
            "pairs": pairs,
            "exhaustive_pairs": n * (n - 1) // 2,
            "capped_pages": pages,
            "wall_s": round(time.perf_counter() - wall, 1),
            "cpu_s": round(time.process_time() - cpu, 1),
            "traced_peak_mb": round(tracemalloc.get_traced_memory()[1] / 2**20, 1),
        }
        tracemalloc.stop()
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
