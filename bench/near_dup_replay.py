"""Replay the near-duplicates check offline on every audit of a stored corpus (issue 19).

    python bench/near_dup_replay.py COPY_OF_AUDITS.db [--out replay.jsonl] [--audits 1,2]

Per audit: the pages as the score stage reads them (`auditor.runner.compact_pages`), one `SiteData`
without embeddings, `NearDuplicates().evaluate` — printed as one JSON line (state, score, message,
details, evidence, affected URLs, the largest group of pages the search met in bulk — copies of one
text, one MinHash bucket — where the code has `_group_pairs`, CPU seconds of the check, RSS high-water).
Run it with two code versions (a git worktree on PYTHONPATH) and compare the lines without `cpu_s`,
`hwm_mb` and `largest_group` to show the same outcome. Read-only on the store, but work on a copy:
SQLite may write its journal files.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))


def _hwm_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--audits", default="", help="comma-separated audit ids (default: all)")
    args = parser.parse_args()

    from auditor.runner import compact_pages
    from auditor.store import Store
    from scoring.checks.near_duplicates import NearDuplicates
    from scoring.site import SiteData

    largest = [0]  # the largest group met in bulk (copies, a MinHash bucket), where the code has groups
    try:
        from scoring import shingle_arrays

        group_pairs = shingle_arrays._group_pairs

        def _group_pairs(n, max_group):  # noqa: ANN001, ANN202
            largest[0] = max(largest[0], n)
            return group_pairs(n, max_group)

        shingle_arrays._group_pairs = _group_pairs
    except AttributeError:
        pass
    store = Store(f"sqlite:///{args.db}")
    ids = sorted(int(a) for a in args.audits.split(",") if a)
    if not ids:
        with sqlite3.connect(args.db) as db:
            ids = [row[0] for row in db.execute("select id from audits order by id")]
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    for audit_id in ids:
        pages = compact_pages(store, audit_id)
        site = SiteData(pages, store.artifacts(audit_id), None)
        largest[0] = 0
        began = time.process_time()
        outcome = NearDuplicates().evaluate(site)
        message = outcome.explanation
        row = {
            "audit": audit_id,
            "pages": len(pages),
            "state": outcome.state,
            "score": outcome.score,
            "message": message.model_dump(mode="json") if hasattr(message, "model_dump") else message,
            "details": outcome.details,
            "evidence": [e.model_dump(mode="json") for e in outcome.evidence],
            "affected": list(outcome.affected_urls),
            "largest_group": largest[0],
            "cpu_s": round(time.process_time() - began, 2),
            "hwm_mb": _hwm_mb(),
        }
        out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
