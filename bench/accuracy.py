"""Precision and recall of the expertise and evidence detectors on the labelled fixture pages.

Each fixture page (tests/accuracy/pages/*.html, German and English; WordPress-, Hugo- and
hand-written-style HTML) is parsed and extracted by the real crawler code
(`spiders.extract.extract_page`) into a `PageRecord`, then every detector — a pure function of
that record — is compared with the hand-written labels in tests/accuracy/labels/<detector>.json.
Counting is per item (an author name, a date, an Impressum element, a quotation, a figure, a
cited host, a page kind, a feature): precision = TP / (TP + FP), recall = TP / (TP + FN).

    .venv/bin/python bench/accuracy.py            # the table
    .venv/bin/python bench/accuracy.py --errors   # plus every false positive and false negative
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scoring.checks.attributed_quotes import find_quotations  # noqa: E402
from scoring.checks.author_byline import visible_authors  # noqa: E402
from scoring.checks.content_dates import publication_date  # noqa: E402
from scoring.checks.impressum import impressum_element_keys  # noqa: E402
from scoring.checks.original_material import page_features  # noqa: E402
from scoring.checks.outbound_citations import authoritative_hosts  # noqa: E402
from scoring.checks.statistics import page_statistics  # noqa: E402
from scoring.core import lexicons as lx  # noqa: E402
from scoring.core.records import PageRecord  # noqa: E402
from scoring.core.text import words  # noqa: E402
from scoring.pagetypes import classify  # noqa: E402
from spiders.extract import extract_page, parse_html  # noqa: E402

FIXTURES = ROOT / "tests" / "accuracy"
# Detectors with the targets (≥ 0.95 precision, ≥ 0.90 recall); the others are reported.
TARGETS = {"bylines", "dates", "impressum", "attributed_quotes", "statistics", "outbound_citations"}
MIN_PRECISION = 0.95
MIN_RECALL = 0.90


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def build_record(html: bytes, url: str) -> PageRecord:
    """The record the crawler would store for this page (real extraction, no network)."""
    host = urlsplit(url).hostname
    tree = parse_html(html)
    fields = extract_page(tree, url, lambda u: urlsplit(u).hostname == host)
    return PageRecord(url=url, status=200, content_type="text/html; charset=utf-8", bytes=len(html), **fields)


def load_records(fixtures: Path = FIXTURES) -> dict[str, PageRecord]:
    index = json.loads((fixtures / "labels" / "pages.json").read_text(encoding="utf-8"))
    return {
        page_id: build_record((fixtures / "pages" / f"{page_id}.html").read_bytes(), meta["url"])
        for page_id, meta in index.items()
    }


# -- normalising detector output and labels to comparable items -------------------------------

_TITLE_TOKEN = re.compile(r"^(?:Dr|Prof|med|dent|vet|rer|nat|phil|jur|Dipl\.-\w+|Ing|StB|RA|Mag|Mr|Mrs|Ms)\.?$", re.I)


def person_key(name: str) -> str:
    """ "Dr. med. dent. Katrin Weber" and "katrin weber" compare equal."""
    tokens = [t for t in re.split(r"[\s,]+", name) if t and not _TITLE_TOKEN.match(t)]
    return " ".join(tokens).casefold()


def number_key(figure: str) -> str:
    match = re.search(lx.NUMBER, figure)
    return re.sub(r"[\s\u00a0\u202f]", "", match.group(0)) if match else figure


def quote_key(speaker: str, text: str) -> str:
    surname = person_key(speaker).split()[-1] if person_key(speaker) else ""
    return f"{surname}|{' '.join(w.casefold() for w in words(text)[:3])}"


def detect_bylines(page: PageRecord) -> set[str]:
    return {person_key(n) for n in visible_authors(page)}


def detect_dates(page: PageRecord) -> set[str]:
    found = publication_date(page)
    return {found} if found else set()


def detect_impressum(page: PageRecord) -> set[str]:
    return impressum_element_keys(page.main_text) if classify(page).kind == "legal" else set()


def detect_quotes(page: PageRecord) -> set[str]:
    return {quote_key(q.speaker, q.text) for q in find_quotations(page) if q.speaker}


def detect_statistics(page: PageRecord) -> set[str]:
    return {number_key(f) for s in page_statistics(page) for f in s.figures}


def detect_sourced(page: PageRecord) -> set[str]:
    return {number_key(f) for s in page_statistics(page) if s.source for f in s.figures}


def detect_citations(page: PageRecord) -> set[str]:
    return set(authoritative_hosts(page))


def detect_page_type(page: PageRecord) -> set[str]:
    return {classify(page).kind}


def detect_features(page: PageRecord) -> set[str]:
    return set(page_features(page))


def _label_items(detector: str, value: object) -> set[str]:
    if value is None:
        return set()
    if detector == "bylines":
        return {person_key(v) for v in value}
    if detector == "attributed_quotes":
        return {quote_key(speaker, first) for speaker, first in value}
    if isinstance(value, str):
        return {value}
    return {str(v) for v in value}


DETECTORS: dict[str, Callable[[PageRecord], set[str]]] = {
    "bylines": detect_bylines,
    "dates": detect_dates,
    "impressum": detect_impressum,
    "attributed_quotes": detect_quotes,
    "statistics": detect_statistics,
    "outbound_citations": detect_citations,
    "sourced_statistics": detect_sourced,
    "page_types": detect_page_type,
    "features": detect_features,
}


def holdout_ids(fixtures: Path = FIXTURES) -> set[str]:
    """The second batch of pages, written after the first tuning as an out-of-sample check."""
    index = json.loads((fixtures / "labels" / "pages.json").read_text(encoding="utf-8"))
    return {page_id for page_id, meta in index.items() if meta.get("holdout")}


def evaluate(
    records: dict[str, PageRecord] | None = None, fixtures: Path = FIXTURES, only: set[str] | None = None
) -> dict[str, Score]:
    """Score per detector over every labelled page (or the pages in `only`)."""
    records = records if records is not None else load_records(fixtures)
    scores: dict[str, Score] = {}
    for detector, detect in DETECTORS.items():
        labels = json.loads((fixtures / "labels" / f"{detector}.json").read_text(encoding="utf-8"))
        score = scores[detector] = Score()
        for page_id, expected_raw in labels.items():
            if only is not None and page_id not in only:
                continue
            expected = _label_items(detector, expected_raw)
            found = detect(records[page_id])
            score.tp += len(found & expected)
            for item in sorted(found - expected):
                score.fp += 1
                score.errors.append(f"FP {page_id}: {item}")
            for item in sorted(expected - found):
                score.fn += 1
                score.errors.append(f"FN {page_id}: {item}")
    return scores


def table(scores: dict[str, Score]) -> Iterable[str]:
    yield f"{'detector':<20} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>7}  target"
    for name, s in scores.items():
        target = f"P≥{MIN_PRECISION} R≥{MIN_RECALL}" if name in TARGETS else "reported"
        yield f"{name:<20} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.precision:>10.3f} {s.recall:>7.3f}  {target}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="list every false positive and false negative")
    args = parser.parse_args(argv)
    records = load_records()
    german = sum(1 for r in records.values() if r.lang == "de")
    print(f"{len(records)} fixture pages ({german} German) from {FIXTURES.relative_to(ROOT)}")
    scores = evaluate(records)
    for line in table(scores):
        print(line)
    held = holdout_ids()
    if held:
        print(f"\nsecond batch only ({len(held)} pages written after the first tuning; see make_fixtures.py):")
        for line in table(evaluate(records, only=held)):
            print(line)
    if args.errors:
        for name, s in scores.items():
            for error in s.errors:
                print(f"{name}: {error}")
    missed = [n for n in TARGETS if scores[n].precision < MIN_PRECISION or scores[n].recall < MIN_RECALL]
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
