"""What the score stage keeps alive per page after the page pass and the link-reading site checks (issue 19).

    python bench/score_retained.py STORE.db [--audit 1]

On a stored crawl (bench/scale_e2e.py --keep DIR; cut it with `delete from pages where seq > N` for a
quicker run): the records, the site data, the page pass in one process (GEO_SCORE_PROCESSES=1) and the
impressum and trust-pages checks, under tracemalloc; then each structure is released in turn and the
drop is printed as KB per analysed page — the page signals, the outcomes' evidence, their reasons, their
columns, the shared reason messages (with the messages), the link index, the process-wide URL/anchor
caches. Each drop counts what only that structure still held. One JSON line.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _current() -> int:
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--audit", type=int, default=1)
    args = parser.parse_args()
    os.environ["GEO_SCORE_PROCESSES"] = "1"
    tracemalloc.start(1)

    from auditor.runner import compact_pages
    from auditor.store import Store
    from scoring import audit
    from scoring.checks import impressum, trust_pages
    from scoring.pagetypes import site_template, stamped_article_types
    from scoring.registry import all_checks
    from scoring.site import SiteData

    store = Store(f"sqlite:///{args.db}")
    site = SiteData(compact_pages(store, args.audit), store.artifacts(args.audit), None)
    for name in ("html_pages", "link_graph", "inlinks", "pagerank", "link_score", "click_depth", "shared_main_text"):
        getattr(site, name)
    pages = len(site.html_pages)
    row: dict = {"pages": pages}

    def kb(before: int, after: int) -> float:
        return round((before - after) / 1024 / pages, 2)

    checks = [cls() for cls in all_checks().values()]
    with site_template(stamped_article_types(site.pages)):
        before, cpu = _current(), time.process_time()
        found = audit.page_pass([c for c in checks if c.scope == "page"], site, with_signals=True)
        row["page_pass_cpu_s"] = round(time.process_time() - cpu, 1)
        row["page_pass_kb"] = kb(_current(), before)
        for check_id in ("impressum", "trust-pages"):
            before, cpu = _current(), time.process_time()
            audit.evaluate_check(all_checks()[check_id](), site, 1.0)
            row[f"{check_id}_cpu_s"] = round(time.process_time() - cpu, 2)
        caches = (impressum.url_path, trust_pages._normalise_anchor, trust_pages._segments)
        row["cache_entries"] = sum(cache.cache_info().currsize for cache in caches)
        steps = {
            "signals_kb": found.signals.clear,
            "evidence_kb": lambda: [o._evidence.clear() for o in found.outcomes.values()],
            "reasons_kb": lambda: [(o._values.clear(), o._index.clear()) for o in found.outcomes.values()],
            "columns_kb": found.outcomes.clear,
            "shared_reasons_kb": lambda: site._memo.pop("audit.shared-reasons", None),
            "link_index_kb": lambda: site._memo.pop("internal_link_index", None),
            "caches_kb": lambda: [cache.cache_clear() for cache in caches],
        }
        for name, release in steps.items():
            before = _current()
            release()
            row[name] = kb(before, _current())
    print(json.dumps(row))


if __name__ == "__main__":
    main()
