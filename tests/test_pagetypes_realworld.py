"""Page types on patterns from real sites (bench/realworld), without the corpus: one invented record
per failure class in tests/fixtures/pagetypes/cases.json - about pages under /about/<x> and /wir/,
service pages with a news block, course pages with course dates, shop brand and category pages,
pricing and solutions pages, docs and FAQ pages, a thin attachment page, a news post without
JSON-LD, SEO-plugin "Article" markup on every page, soft 404s, job ads, author archives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scoring.pagetypes import PAGE_KINDS, classify, link_density, teaser_count
from scoring.records import PageRecord
from scoring.site import is_article
from tests.factories import ROOT, page

FIXTURE = Path(__file__).parent / "fixtures" / "pagetypes" / "cases.json"
CASES: list[dict[str, Any]] = json.loads(FIXTURE.read_text(encoding="utf-8"))["cases"]


def _link(path: str, anchor: str) -> dict[str, Any]:
    return {"url": ROOT + path, "anchor": anchor, "position": "content", "internal": True}


def build(case: dict[str, Any]) -> PageRecord:
    """The case's PageRecord: its fields, plus the link and heading blocks its shorthands name."""
    fields = json.loads(json.dumps(case.get("page", {})))  # a copy
    headings = fields.setdefault("headings", [])
    links = [_link(link["url"], link["anchor"]) for link in fields.pop("links", [])]
    for i in range(case.get("teasers", 0)):
        title = f"Beitrag Nummer {i} über das Thema"
        headings.append({"level": 2, "text": title})
        links += [_link(f"beitrag-{i}/", title), _link(f"beitrag-{i}/", "Weiterlesen")]
    if case.get("related"):
        headings.append({"level": 4, "text": "Das könnte Dich auch interessieren"})
    for i in range(case.get("related", 0)):
        title = f"Ähnlicher Beitrag Nummer {i}"
        headings.append({"level": 4, "text": title})
        links.append(_link(f"aehnlich-{i}/", title))
    links += [_link(f"tag/schlagwort-{i}/", f"Schlagwort {i}") for i in range(case.get("tags", 0))]
    links += [
        _link(f"meldung-{i}/", f"12.03.2021 Meldung Nummer {i} aus dem Archiv")
        for i in range(case.get("plain_links", 0))
    ]
    links += [_link(f"wp-content/uploads/bild-{i}.jpg", f"bild-{i}") for i in range(case.get("file_links", 0))]
    fields["links"] = links
    return page(case["path"], **fields)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_realworld_pattern(case):
    record = build(case)
    found = classify(record)
    assert found.kind == case["kind"], f"{case['why']} - got {found.kind}: {found.reason}"
    assert found.kind in PAGE_KINDS and found.reason
    assert is_article(record) is (case["kind"] == "article")


def test_every_kind_of_the_labelling_guide_exists():
    assert set(PAGE_KINDS) == {
        "home", "article", "listing", "landing", "service", "legal",
        "about", "contact", "profile", "help", "changelog", "other",
    }  # fmt: skip
    assert {c["kind"] for c in CASES} >= set(PAGE_KINDS) - {"home", "legal"}


def test_a_related_posts_box_is_not_a_teaser_grid():
    post = build(next(c for c in CASES if c["id"] == "news-post-without-json-ld"))
    grid = build(next(c for c in CASES if c["id"] == "teaser-grid"))
    assert link_density(post) > 0.35  # tag and related links outweigh the short text ...
    assert teaser_count(post) < teaser_count(grid)  # ... but only a listing repeats teaser blocks
    assert classify(post).reason.startswith("date by the title")


def test_files_are_not_pages_in_the_link_share():
    gallery = build(next(c for c in CASES if c["id"] == "gallery-of-image-links"))
    assert link_density(gallery) == 0.0


def test_classification_is_cached_per_record_and_follows_the_record():
    first = page("ratgeber/a/", word_count=300)
    assert classify(first) is classify(first)  # computed once per record
    assert classify(page("impressum/")).kind == "legal"
    assert classify(page("kontakt/")).kind == "contact"  # another record, its own answer
