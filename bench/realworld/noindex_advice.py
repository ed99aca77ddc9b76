"""Advice on noindex pages in a bench run: every place of results.json that tells the user to do
something about a page the site itself keeps out of search (issue 12: "no finding on a noindex page
in duplicate or content advice").

Reads the `results.json` that `bench/realworld.py --out DIR` writes per site (DIR/<site>/results.json).
A page is noindex when the `noindex` check fails it (meta robots or X-Robots-Tag `noindex`/`none`,
also when addressed to a search or answer crawler: scoring/checks/noindex.py); results.json has no
other per-page robots field. The places searched, each a list of items (one case per item that names
a noindex URL anywhere inside it, messages and their parameters included):

- `check <id> pages`: failing or warning page outcomes of the content, duplicate, evidence and
  expertise checks (ADVICE_CHECKS; a passing outcome is no advice);
- `check <id> details|evidence|affected`: the rows, evidence and affected URLs of those checks (also
  of a passing one: internal-pagerank lists its 10 strongest pages as details);
- `insights clusters|off_topic|link_suggestions|starved`: the topic clusters (members, strongest page,
  hub), the off-topic pages, the link suggestions, the graph nodes marked starved;
- `briefs`: the article briefs (target pages, pages to merge or expand, internal links).

Facts may name noindex pages and are not searched: `pages[]`, the noindex check itself, the link
graph's nodes (a picture of the crawl), and the technical and link checks outside ADVICE_CHECKS
(`--other` lists what those name, for reading, not as a target).

    python bench/realworld/noindex_advice.py --out /tmp/rw-base [--sites a,b] [--show] [--other]

Exit code 0; prints noindex pages and cases per site, cases per place, and each case with --show.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

DEFAULT_OUT = Path("/tmp/geo-realworld-out")
# Checks whose findings advise on a page's content or its place among the site's topics: the depth
# category (duplicates, thin content, clusters, focus, depth, answer-first, readability, headings,
# stuffing), the evidence and expertise checks, and the link checks that name pages to strengthen
# (starved articles, PageRank top pages, hubs). Technical checks (title, canonical, language, ...) and
# link hygiene (broken or redirecting links, click depth, anchors) state facts of the crawl.
ADVICE_CHECKS = frozenset(
    {
        # depth
        "answer-first",
        "cluster-depth",
        "depth-signals",
        "heading-structure",
        "keyword-stuffing",
        "near-duplicates",
        "readability",
        "semantic-duplicates",
        "thin-content",
        "topical-focus",
        # evidence
        "attributed-quotes",
        "content-dates",
        "content-freshness",
        "original-material",
        "outbound-citations",
        "reviews",
        "statistics",
        # expertise (per article)
        "author-byline",
        "author-profiles",
        "named-experts",
        "person-schema",
        # links: pages named as ones to strengthen or as hubs
        "internal-pagerank",
        "topic-hubs",
    }
)
FACT_CHECKS = frozenset({"noindex"})  # where a noindex page is the finding itself
ADVISING_STATES = ("fail", "warn")


def url_key(url: str) -> str:
    """Host, path and query without index file or trailing slash: /a, /a/ and /a/index.html meet."""
    parts = urlsplit(url)
    path = re.sub(r"/index\.html?$", "/", unquote(parts.path)).rstrip("/") or "/"
    return parts.netloc.lower().removeprefix("www.") + path + (f"?{parts.query}" if parts.query else "")


def strings(value: object) -> Iterator[str]:
    """Every string inside a JSON value (keys aside)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def named_urls(value: object, noindex: dict[str, str]) -> list[str]:
    """The noindex URLs (as the noindex check writes them) named inside `value`: strings that are a URL
    as a whole (a row's url, a message's url parameter). A URL inside free text is the page's own text
    ("You are being redirected to ...") or a list of facts, not the page advised on."""
    found: dict[str, None] = {}
    for text in strings(value):
        if text.startswith(("http://", "https://")) and not any(c.isspace() for c in text):
            hit = noindex.get(url_key(text))
            if hit is not None:
                found[hit] = None
    return list(found)


@dataclass(frozen=True)
class Case:
    site: str
    place: str
    urls: tuple[str, ...]  # the noindex pages the item names
    item: str  # what the item says, short


def short(item: object, limit: int = 160) -> str:
    if isinstance(item, dict):
        shown = {k: v for k, v in item.items() if k in SHOWN_KEYS and v not in (None, "", [])}
        text = json.dumps(shown or item, ensure_ascii=False, default=str)
    else:
        text = json.dumps(item, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


SHOWN_KEYS = ("url", "state", "reason", "url_a", "url_b", "group", "label", "source", "target", "working_title")


def noindex_pages(results: dict) -> dict[str, str]:
    """{url_key: URL} of the pages the noindex check fails (noindex/none)."""
    check = next((c for c in results.get("checks", []) if c["id"] == "noindex"), None)
    pages = (check or {}).get("pages") or []
    return {url_key(p["url"]): p["url"] for p in pages if p.get("state") == "fail"}


def places(results: dict, other: bool = False) -> Iterator[tuple[str, list]]:
    """(place, items) of one results.json: the advice places, or with `other` the remaining checks."""
    for check in results.get("checks", []):
        cid = check["id"]
        if cid in FACT_CHECKS or (cid in ADVICE_CHECKS) == other:
            continue
        yield f"check {cid} pages", [p for p in check.get("pages") or [] if p.get("state") in ADVISING_STATES]
        yield f"check {cid} details", check.get("details") or []
        yield f"check {cid} evidence", check.get("evidence") or []
        yield f"check {cid} affected", check.get("affected_urls") or []
        yield f"check {cid} explanation", [check.get("explanation_message") or check.get("explanation") or ""]
    if other:
        return
    insights = results.get("insights") or {}
    yield "insights clusters", insights.get("clusters") or []
    yield "insights off_topic", insights.get("off_topic_urls") or []
    yield "insights link_suggestions", insights.get("link_suggestions") or []
    yield "insights starved", [n for n in insights.get("graph_nodes") or [] if n.get("starved")]
    yield "briefs", results.get("briefs") or []


def site_cases(site: str, results: dict, other: bool = False) -> tuple[dict[str, str], list[Case]]:
    noindex = noindex_pages(results)
    cases: list[Case] = []
    if not noindex:
        return noindex, cases
    for place, items in places(results, other):
        for item in items:
            urls = named_urls(item, noindex)
            if urls:
                cases.append(Case(site, place, tuple(urls), short(item)))
    return noindex, cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the bench run's --out folder")
    parser.add_argument("--sites", default="", help="comma-separated site names (default: every site in --out)")
    parser.add_argument("--show", action="store_true", help="print each case")
    parser.add_argument("--other", action="store_true", help="list the checks outside ADVICE_CHECKS instead")
    args = parser.parse_args(argv)
    wanted = {s for s in args.sites.split(",") if s}
    files = sorted(p for p in args.out.glob("*/results.json") if not wanted or p.parent.name in wanted)
    if not files:
        print(f"no results.json under {args.out}", file=sys.stderr)
        return 0
    per_place: Counter = Counter()
    sites_per_place: dict[str, set[str]] = defaultdict(set)
    all_cases: list[Case] = []
    print(f"{'site':24} {'pages':>6} {'noindex':>7} {'cases':>6}  noindex pages named")
    total_noindex = 0
    for path in files:
        results = json.loads(path.read_text(encoding="utf-8"))
        site = path.parent.name
        noindex, cases = site_cases(site, results, args.other)
        named = {u for c in cases for u in c.urls}
        total_noindex += len(noindex)
        print(f"{site:24} {len(results.get('pages') or []):6} {len(noindex):7} {len(cases):6}  {len(named)}")
        for case in cases:
            per_place[case.place] += 1
            sites_per_place[case.place].add(site)
        all_cases += cases
    sites_with = len({c.site for c in all_cases})
    print(
        f"\n{len(files)} sites, {total_noindex} noindex pages; {len(all_cases)} cases of "
        f"{'other findings' if args.other else 'advice'} naming a noindex page on {sites_with} site(s)"
    )
    if per_place:
        print(f"\n{'place':44} {'cases':>6} {'sites':>6}")
        for place, count in sorted(per_place.items(), key=lambda item: (-item[1], item[0])):
            print(f"{place:44} {count:6} {len(sites_per_place[place]):6}")
    if args.show:
        for case in all_cases:
            print(f"\n[{case.site}] {case.place}: {', '.join(case.urls)}\n    {case.item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
