"""Which structures hold the score stage's memory, by source line, step by step (issue 19).

    python bench/score_growth.py STORE.db [--top 15] [--checks] [--frames 1]

`bench/score_profile.py --trace` (every step of the score stage as auditor.pipeline runs it, on a stored
crawl) with a tracemalloc snapshot after each step: the source lines whose allocations are still alive
then, biggest first (MB, blocks, and KB per page of the store). Run it on the stores of two sizes
(`bench/scale_e2e.py --keep DIR`) to tell what grows with the pages from what is fixed.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--audit", type=int, default=1)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--frames", type=int, default=1, help="traceback depth grouped by (1: the line)")
    parser.add_argument("--checks", action="store_true", help="a snapshot after each site check too")
    args = parser.parse_args()
    with sqlite3.connect(args.db) as db:
        (pages,) = db.execute("select count(*) from pages where audit_id = ?", (args.audit,)).fetchone()
    from bench import score_profile

    mark = score_profile.Steps.mark

    def snapshot_mark(self: score_profile.Steps, name: str) -> None:
        mark(self, name)
        if name.startswith(("check ", "before ")) and not args.checks:
            return
        snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
        key = "traceback" if args.frames > 1 else "lineno"
        for stat in snap.statistics(key)[: args.top]:
            where = [f"{f.filename.replace(str(ROOT) + '/', '')}:{f.lineno}" for f in stat.traceback][::-1]
            row = {
                "step": name,
                "mb": round(stat.size / 2**20, 1),
                "blocks": stat.count,
                "kb_per_page": round(stat.size / 1024 / max(pages, 1), 2),
                "where": where,
            }
            print(json.dumps(row), flush=True)

    score_profile.Steps.mark = snapshot_mark
    tracemalloc.start(args.frames)
    sys.argv = [
        sys.argv[0],
        str(args.db),
        "--audit",
        str(args.audit),
        "--trace",
        *(["--checks"] if args.checks else []),
    ]
    score_profile.main()


if __name__ == "__main__":
    main()
