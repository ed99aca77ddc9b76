"""CPU of the page pass with page signals on a stored real crawl: the shared page detectors remembered
per page (scoring.core.memo.last_page) against the same detectors uncached, in one process, interleaved
(best of two rounds each); the signals of both runs are asserted equal.

    python bench/page_pass_memo.py STORE AUDIT_ID
"""

from __future__ import annotations

import importlib
import sys
import time

from auditor.store import Store
from scoring.audit import page_pass
from scoring.pagetypes import site_template, stamped_article_types
from scoring.registry import all_checks
from scoring.site import SiteData

# detector name -> modules that call it by that name
DETECTORS = {
    "visible_authors": ("scoring.checks.author_byline", "scoring.checks.named_experts", "scoring.signals"),
    "find_quotations": (
        "scoring.checks.attributed_quotes",
        "scoring.checks.statistics",
        "scoring.checks.named_experts",
        "scoring.signals",
    ),
    "page_statistics": ("scoring.checks.statistics", "scoring.signals"),
    "judge_links": ("scoring.checks.outbound_citations",),
    "own_date": ("scoring.checks.content_dates", "scoring.signals"),
}


def _switch(remembered: bool, originals: dict) -> None:
    for name, modules in DETECTORS.items():
        fn = originals[name] if remembered else originals[name].uncached
        for module in modules:
            mod = importlib.import_module(module)
            if hasattr(mod, name):
                setattr(mod, name, fn)


def main(store_path: str, audit_id: int) -> None:
    with Store(store_path) as store:
        pages, artifacts = list(store.iter_pages(audit_id)), store.artifacts(audit_id)
    site = SiteData(pages, artifacts)
    checks = [cls() for cls in all_checks().values()]
    originals = {name: getattr(importlib.import_module(mods[0]), name) for name, mods in DETECTORS.items()}
    seconds: dict[bool, list[float]] = {True: [], False: []}
    signals: dict[bool, dict] = {}
    with site_template(stamped_article_types(site.pages)):
        for _ in range(2):
            for remembered in (False, True):
                _switch(remembered, originals)
                began = time.process_time()
                judged = page_pass(checks, site, with_signals=True)
                seconds[remembered].append(time.process_time() - began)
                signals[remembered] = {url: s.model_dump() for url, s in judged.signals.items()}
    _switch(True, originals)
    assert signals[True] == signals[False], "signals differ"
    off, on = min(seconds[False]), min(seconds[True])
    print(f"{len(site.html_pages)} pages: CPU {off:.1f} s uncached, {on:.1f} s remembered ({on / off:.2f}x)")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
