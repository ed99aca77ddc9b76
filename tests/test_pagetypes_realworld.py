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

from scoring.core.records import PageRecord
from scoring.page_structure import teaser_count
from scoring.pagetypes import PAGE_KINDS, classify, link_density, site_template, stamped_article_types
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


def _stamped(path: str, title: str, h1: str, words: int = 600) -> PageRecord:
    posting = {"@type": "BlogPosting", "headline": h1, "datePublished": "2021-03-04"}
    return page(
        path,
        title=title,
        headings=[{"level": 1, "text": h1}],
        structured_data=[posting],
        word_count=words,
        main_text=("Wir orten Bewehrung und Hohlräume im Beton. " * (words // 7)).strip(),
    )


def test_article_markup_the_theme_stamps_on_contact_and_legal_pages_is_no_evidence():
    """A theme puts a dated BlogPosting on every page (contact, privacy, services, FAQ): the site's
    contact and legal pages show it is a stamp, so a service page is not read as an article."""
    pages = [
        _stamped("kontakt/", "Kontakt | Radar GmbH", "Kontakt"),
        _stamped("datenschutz/", "Datenschutz | Radar GmbH", "Datenschutz"),
        _stamped("messungen/bewehrung-orten/", "Bewehrung orten | Radar GmbH", "Bewehrung orten"),
        _stamped("news/2021/messung-am-denkmal/", "Messung am Denkmal | Radar GmbH", "Messung am Denkmal"),
    ]
    service, post = pages[2], pages[3]
    assert classify(service).kind == "article"  # the page alone: the markup decides
    stamped = stamped_article_types(pages)
    assert stamped == {"blogposting"}
    with site_template(stamped):
        assert classify(service).kind != "article"
        assert classify(post).kind == "article"  # a post is still one, by its section and date
    assert classify(service).kind == "article"  # outside the site context: the page alone again
    # a blog whose legal pages carry no posting markup: the markup is evidence
    assert stamped_article_types([pages[2], pages[3], page("impressum/", title="Impressum")]) == frozenset()


def test_a_person_under_the_about_section_is_a_profile():
    person = page("ueber-uns/onno-gross/", title="Onno Groß | Deepwave", headings=[{"level": 1, "text": "Onno Groß"}],
                  word_count=300, main_text="Onno Groß ist Meeresbiologe. " * 40)
    team = page("ueber-uns/unser-team/", title="Unser Team | Deepwave", headings=[{"level": 1, "text": "Unser Team"}],
                word_count=300, main_text="Wir sind ein kleines Team. " * 40)
    assert classify(person).kind == "profile"
    assert classify(team).kind == "about"


def test_a_date_the_template_prints_by_every_title_is_no_article_evidence():
    """A docs theme prints a page-info date (the build date) under the H1 of every page, contact and
    legal pages too: there it is the template's, so a get-started or donate page is no article."""
    from scoring.core.records import PageExtras

    stamp = PageExtras(visible_date="2026-04-27", visible_date_text="27. April 2026")
    lines = [{"level": 2, "text": "Warum spenden?"}]
    donate = page("spenden/", word_count=150, headings=lines, extras=stamp)
    pages = [
        page("kontakt/", word_count=80, extras=stamp),
        page("impressum/", word_count=200, extras=stamp),
        page("datenschutz/", word_count=900, extras=stamp),
        donate,
    ]
    assert classify(donate).kind == "article"  # without the site context: a date by the title
    stamped = stamped_article_types(pages)
    with site_template(stamped):
        assert classify(donate).kind == "landing"  # no article: a page asking for donations
    # a "Stand:" date on the legal pages dates those pages, not the template
    cued = PageExtras(visible_date="2025-03-01", visible_date_text="Stand: März 2025")
    legal = [page("impressum/", word_count=200, extras=cued), page("datenschutz/", word_count=900, extras=cued)]
    with site_template(stamped_article_types([*legal, donate])):
        assert classify(donate).kind == "article"


def _reading_list(words_per_entry: int) -> PageRecord:
    """Six entries, each a heading linked to another site, an excerpt and the source's domain."""
    headings, links, text = [{"level": 1, "text": "Lesetipps"}], [], []
    for i in range(6):
        title = f"Warum Kennzahl {i} oft täuscht"
        headings.append({"level": 4, "text": title})
        url = f"https://magazin-{i}.example/artikel-{i}"
        links += [{"url": url, "anchor": title, "position": "content", "internal": False},
                  {"url": url, "anchor": f"magazin-{i}.example", "position": "content", "internal": False}]
        text.append(f"{title}\n" + "Ein Satz über Zahlen im Betrieb. " * (words_per_entry // 6))
    return page("learn/lesetipps/", headings=headings, links=links, main_text="\n".join(text),
                word_count=6 * words_per_entry)


def test_an_embedded_reading_list_of_external_links_is_a_listing():
    """Entries that lead to other sites (title, short excerpt, source) make a reading list: a listing,
    though no link stays on the site."""
    found = classify(_reading_list(40))
    assert found.kind == "listing", found.reason


def test_a_long_text_presenting_external_tools_is_no_reading_list():
    """Six headings linked to other sites, each described at length: the text is the page's own."""
    assert classify(_reading_list(400)).kind != "listing"
