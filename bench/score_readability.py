"""CPU of the readability functions on stored pages, and a hash of what they return (issue 19, eighth stop).

    python bench/score_readability.py STORE.db [--limit N]

For every stored page with status 200 and at least 50 words of main text (crawl order, at most N):
`scoring.readability.prose` of its main text and headings, then `text_stats` of the prose in German and in
English. Prints the pages, the CPU seconds of those calls and a sha256 of their results' repr: run it with two
trees on PYTHONPATH to compare speed and outputs (the same hash: the same Prose and TextStats everywhere).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--limit", type=int, default=10**9)
    args = parser.parse_args()
    from scoring import readability

    texts = []
    with sqlite3.connect(args.db) as db:
        query = "select record from pages where status = 200 order by audit_id, seq limit ?"
        for (raw,) in db.execute(query, (args.limit,)):
            record = json.loads(raw)
            main_text = record.get("main_text") or ""
            if len(main_text.split()) >= 50:
                texts.append((main_text, [h["text"] for h in record.get("headings", [])]))
    began = time.process_time()
    results = []
    for main_text, headings in texts:
        prose = readability.prose(main_text, headings)
        results += [(prose, readability.text_stats(prose.text, lang)) for lang in ("de", "en")]
    cpu = time.process_time() - began
    digest = hashlib.sha256(repr(results).encode()).hexdigest()
    print(json.dumps({"pages": len(texts), "cpu_s": round(cpu, 2), "sha256": digest}))


if __name__ == "__main__":
    main()
