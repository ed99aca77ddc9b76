"""CPU time per page of the crawler's extraction: `extract_extras`, the main text (spiders.main_content) and the whole
`extract_response` (decode, parse once, every extractor), on generated articles.

    .venv/bin/python bench/extract_per_page.py [ROOT] [--pages 150]

ROOT is a checkout of this project (default: this one); to compare with an older commit, make a
worktree (`git worktree add /tmp/old COMMIT`) and run once with each ROOT, one right after the other.
`process_time`, best of three passes; the parse cost is subtracted from the two single steps.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("root", nargs="?", default=str(Path(__file__).resolve().parent.parent))
parser.add_argument("--pages", type=int, default=150)
parser.add_argument("--site", type=Path, default=Path("/tmp/extract-bench-site"))
args = parser.parse_args()
sys.path.insert(0, args.root)

from bench.sitegen import generate  # noqa: E402
from spiders.extract import decode_html, extract_main_text, parse_html  # noqa: E402
from spiders.extract_evidence import extract_extras  # noqa: E402
from spiders.site_spider import UrlScope, extract_response  # noqa: E402

URL = "http://127.0.0.1/"


def per_page_ms(bodies: list[bytes], step: Callable[[bytes], object]) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for body in bodies:
            step(body)
        best = min(best, (time.process_time() - started) / len(bodies) * 1000)
    return best


def main() -> None:
    marker = args.site / f".pages-{args.pages}"
    if not marker.exists():
        generate(args.site, args.pages)
        marker.touch()
    bodies = [p.read_bytes() for p in sorted(args.site.rglob("index.html"))[: args.pages]]
    scope = UrlScope("http://127.0.0.1", frozenset({"127.0.0.1"}))

    def parse(body: bytes):  # noqa: ANN202
        return parse_html(decode_html(body, "text/html"))

    parse_ms = per_page_ms(bodies, parse)
    extras = per_page_ms(bodies, lambda b: extract_extras(parse(b), URL)) - parse_ms
    main_text = per_page_ms(bodies, lambda b: extract_main_text(parse(b))) - parse_ms
    total = per_page_ms(bodies, lambda b: extract_response(b, "text/html", URL, scope, ok=True, follow_refresh=True))
    print(
        f"{args.root}: extract_extras {extras:.1f} ms, main text {main_text:.1f} ms, "
        f"extract_response {total:.1f} ms per page ({len(bodies)} pages)"
    )


if __name__ == "__main__":
    main()
