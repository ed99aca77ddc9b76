"""CPU time per page of the crawler's extraction, step by step: what each extractor costs on the tree
parsed once, and the whole `extract_response` (decode, parse once, every extractor).

    .venv/bin/python bench/extract_per_page.py [ROOT] [--pages 150]                      # generated articles
    .venv/bin/python bench/extract_per_page.py [ROOT] --real-site /tmp/geo-realworld/opengis --pages 400

ROOT is a checkout of this project (default: this one); to compare with an older commit, make a
worktree (`git worktree add /tmp/old COMMIT`) and run once with each ROOT, one right after the other.
`--real-site` takes pages of an exported site of the real corpus (bench/realworld/export.py), a fixed
random sample of them. `process_time`; each step is timed on trees parsed beforehand (parsing is its
own line). Each pass runs in a fresh order over the same pages; steps that memoise texts across pages
(the language of repeated lines) are timed with their memos cleared first, since a repeated pass would
find every text memoised.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("root", nargs="?", default=str(Path(__file__).resolve().parent.parent))
parser.add_argument("--pages", type=int, default=150)
parser.add_argument("--site", type=Path, default=Path("/tmp/extract-bench-site"), help="generated site folder")
parser.add_argument("--real-site", type=Path, help="an exported real site: sample its HTML pages instead")
args = parser.parse_args()
sys.path.insert(0, args.root)

from bench.sitegen import generate  # noqa: E402
from spiders import extract as ex  # noqa: E402
from spiders import language as language_module  # noqa: E402
from spiders.document import decode_html, parse_html  # noqa: E402
from spiders.extract_evidence import extract_extras  # noqa: E402
from spiders.extract_script_links import extract_script_links  # noqa: E402
from spiders.extract_workers import extract_response  # noqa: E402
from spiders.language import read_language  # noqa: E402
from spiders.render_hints import extract_render_hints  # noqa: E402
from spiders.url_scope import UrlScope  # noqa: E402

URL = "http://127.0.0.1/"


def load_bodies() -> tuple[list[bytes], list[bytes]]:
    """(sample, warm-up pages)"""
    if args.real_site:
        # robots.txt-disallowed previews and the like are still pages of the site: all HTML files count
        files = sorted(args.real_site.rglob("*.html"))
        random.Random(3).shuffle(files)
        return [f.read_bytes() for f in files[: args.pages]], [f.read_bytes() for f in files[args.pages :][:10]]
    marker = args.site / f".pages-{args.pages}"
    if not marker.exists():
        generate(args.site, args.pages)
        marker.touch()
    files = sorted(args.site.rglob("index.html"))[: args.pages + 10]
    return [p.read_bytes() for p in files[: args.pages]], [p.read_bytes() for p in files[args.pages :]]


def per_page_ms(items: list, step: Callable[[object], object]) -> float:
    started = time.process_time()
    for item in items:
        step(item)
    return (time.process_time() - started) / len(items) * 1000


def clear_memos() -> None:
    """Empty the memos of texts seen on earlier pages (spiders.language), so a step is timed on a first
    pass over the sample, as a crawl meets it."""
    for value in vars(language_module).values():
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()


def main() -> None:
    bodies, warm = load_bodies()
    scope = UrlScope("http://127.0.0.1", frozenset({"127.0.0.1"}))

    def whole(body: bytes) -> object:
        return extract_response(body, "text/html", URL, scope, ok=True, follow_refresh=True)

    for body in warm:  # the language model loaded
        whole(body)
    clear_memos()
    total = per_page_ms(bodies, whole)
    parse_ms = per_page_ms(bodies, lambda b: parse_html(decode_html(b, "text/html")))
    trees = [t for t in (parse_html(decode_html(b, "text/html")) for b in bodies) if t is not None]
    internal = scope.is_internal
    texts = [ex.extract_main_text(t) for t in trees]
    steps: dict[str, Callable[[object], object]] = {
        "head fields + links": lambda t: ex.extract_head_and_links(t, URL, internal, scope.normalise),
        "headings": ex.extract_headings,
        "JSON-LD": lambda t: ex.extract_jsonld(t, URL),
        "author signals (bylines)": lambda t: ex.extract_author_signals(t, URL, ex.extract_jsonld(t, URL)),
        "images + media": lambda t: (ex.extract_images(t, URL), ex.extract_media(t, URL)),
        "quotes": ex.extract_quotes,
        "tables + lists": lambda t: (ex.count_tables(t), ex.count_lists(t)),
        "dates": lambda t: ex.extract_dates(t, ex.extract_jsonld(t, URL)),
        "evidence extras": lambda t: extract_extras(t, URL),
        "render hints": extract_render_hints,
        "main text": ex.extract_main_text,
        "script links": lambda t: extract_script_links(t, URL, ex.absolute_http_url, internal, scope.normalise),
    }
    rows = [("decode + parse", parse_ms)]
    for name, step in steps.items():
        rows.append((name, per_page_ms(trees, step)))
    clear_memos()
    pairs = list(zip(trees, texts, strict=True))
    language = per_page_ms(pairs, lambda tt: read_language(tt[1], "", ex.extract_lang(tt[0])))
    rows.append(("language (first pass)", language))
    where = args.real_site or args.site
    print(f"{args.root}: {len(bodies)} pages of {where}")
    print("| step | CPU ms/page | share of extract_response |")
    print("|---|---:|---:|")
    for name, ms in sorted(rows, key=lambda r: -r[1]):
        print(f"| {name} | {ms:.2f} | {ms / total:.0%} |")
    print(f"| **extract_response** (all of it) | **{total:.2f}** | 100% |")


if __name__ == "__main__":
    main()
