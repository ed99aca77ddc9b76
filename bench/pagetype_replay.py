"""Page types replayed offline: classify() on every labelled page's stored record, in its site's
template context (`site_template(stamped_article_types(pages))`), against the labels of each set.
No crawl, no audit: for checking a change of scoring.pagetypes on all labelled pages in a minute.

    python bench/pagetype_replay.py --db STORE [--labels all] [--save now.json] [--against before.json]

STORE is the audits.db of a `bench/realworld.py` run (read only; copy it first). Each audit in it is
matched to the site whose labelled URLs it holds. `--save` writes {url: [type, reason]} of the labelled
pages; `--against` lists every labelled page whose type differs from an earlier save, better or worse; with
`--every` both cover every analysed page of the labelled sites (unlabelled ones keyed "site url").
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from realworld import LABEL_SETS, load_labels, url_key  # noqa: E402


def _site_pages(db: Path, cache: Path | None, labels: list[dict]) -> dict[str, list]:
    """{site: its stored records}, each audit assigned to the labelled site most of whose URLs it holds."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    from auditor.store import Store

    wanted: dict[str, set[str]] = defaultdict(set)
    for label in labels:
        wanted[label["site"]].add(url_key(label["url"]))
    found: dict[str, tuple[int, list]] = {}
    with Store(db) as store:
        for row in store.list_audits(1000):
            pages = list(store.iter_pages(row.id))
            keys = {url_key(p.final_url or p.url) for p in pages} | {url_key(p.url) for p in pages}
            site, hits = max(((s, len(k & keys)) for s, k in wanted.items()), key=lambda x: x[1], default=("", 0))
            if hits and hits > found.get(site, (0, []))[0]:
                found[site] = (hits, pages)
    by_site = {site: pages for site, (_, pages) in found.items()}
    if cache is not None:
        cache.write_bytes(pickle.dumps(by_site))
    return by_site


def replay(by_site: dict[str, list], labels: list[dict], every: bool = False) -> dict[str, tuple[str, str]]:
    """{label url: (type, reason)} of each labelled page found among the stored records; with `every`,
    also {site + " " + page url: (type, reason)} of every other analysed page of those sites."""
    from scoring.pagetypes import classify, site_template, stamped_article_types

    out: dict[str, tuple[str, str]] = {}
    per_site: dict[str, list[dict]] = defaultdict(list)
    for label in labels:
        per_site[label["site"]].append(label)
    for site, site_labels in per_site.items():
        pages = by_site.get(site)
        if not pages:
            continue
        index = {}
        for page in pages:  # an analysed page wins over a redirect stub on the same key
            for key in (url_key(page.url), url_key(page.final_url or page.url)):
                if page.ok or key not in index:
                    index[key] = page
        with site_template(stamped_article_types(pages)):
            for label in site_labels:
                page = index.get(url_key(label["url"]))
                if page is not None and page.ok:
                    found = classify(page)
                    out[label["url"]] = (found.kind, found.reason)
            if every:
                for page in pages:
                    if page.ok:
                        found = classify(page)
                        out.setdefault(f"{site} {page.final_url or page.url}", (found.kind, found.reason))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--labels", default="all", choices=[*LABEL_SETS, "all"])
    parser.add_argument("--cache", type=Path, help="pickle of the loaded records (written once, then read)")
    parser.add_argument("--save", type=Path)
    parser.add_argument("--against", type=Path)
    parser.add_argument("--show", action="store_true", help="print each miss")
    parser.add_argument(
        "--every", action="store_true", help="save and compare every page of the sites, not only labelled ones"
    )
    args = parser.parse_args(argv)
    names = list(LABEL_SETS) if args.labels == "all" else [args.labels]
    sets = {name: load_labels(name) for name in names}
    every = [label for name in names for label in sets[name]]
    found = replay(_site_pages(args.db, args.cache, every), every, args.every)
    for name in names:
        right = total = 0
        for label in sets[name]:
            if label["url"] not in found:
                continue
            total += 1
            kind, reason = found[label["url"]]
            if kind in {label["page_type"], *(label.get("page_type_ok") or [])}:
                right += 1
            elif args.show:
                print(f"  miss [{name}] {label['url']}  label={label['page_type']}  now={kind} ({reason})")
        print(f"{name:10} page type {right / total if total else float('nan'):.3f} ({right}/{total})")
    if args.save:
        args.save.write_text(json.dumps(found, indent=0, ensure_ascii=False), encoding="utf-8")
    if args.against:
        before = json.loads(args.against.read_text(encoding="utf-8"))
        accepted = {label["url"]: {label["page_type"], *(label.get("page_type_ok") or [])} for label in every}
        moves = Counter()
        for url, (kind, reason) in sorted(found.items()):
            old = before.get(url)
            if old and old[0] != kind:
                if url not in accepted:
                    verdict = "unlabelled"
                else:
                    verdict = (
                        "better" if kind in accepted[url] else "worse" if old[0] in accepted[url] else "both wrong"
                    )
                moves[verdict] += 1
                print(f"  {verdict:10} {url}  {old[0]} -> {kind} ({reason})")
        print(f"changed: {dict(moves) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
