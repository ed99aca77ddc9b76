"""Per-language figures in the report and the `language` column of pages.csv (issue 21 item 3), on
the bilingual fixture site of our own (tests/sites/bilingual: German pages at /, English under /en/),
crawled for real and shown in a real Chromium; a site in one language gets no such section."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from statistics import median
from typing import Any

import lxml.html
import pytest

from auditor.serve import StaticSite
from reports.languages import LANGUAGE_STRINGS, languages_view
from reports.view import build_view
from scoring.core.results import AuditResult, PageSignals, PageSummary
from tests.conftest import SITES, run_cli
from tests.test_browser import Loaded, browser  # noqa: F401  (the module's Chromium fixture)


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("languages")
    with StaticSite(SITES / "bilingual") as site:
        run = run_cli("audit", site.origin + "/", "--db", str(tmp / "a.db"), "--out", str(tmp / "out"), "--json")
        assert run.returncode == 0, run.stderr
        origin = site.origin
    out = tmp / "out"
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    with open(out / "pages.csv", encoding="utf-8-sig", newline="") as handle:
        separator = ";" if handle.readline().startswith("url;") else ","
        handle.seek(0)
        rows = list(csv.DictReader(handle, delimiter=separator))
    return {"out": out, "results": results, "rows": rows, "origin": origin}


def test_pages_csv_names_the_language_detected_per_page(bilingual: dict[str, Any]) -> None:
    rows, origin = bilingual["rows"], bilingual["origin"]
    by_url = {p["url"]: p for p in bilingual["results"]["pages"]}
    assert rows and all(row["language"] == (by_url[row["url"]].get("language") or "") for row in rows)
    html_rows = [r for r in rows if r["page_type"] and int(r["words_main"] or 0) >= 80]
    # facts of the text we wrote: German pages at /, English ones under /en/, except the untranslated
    # German copy at /en/insights/checklist/ (lang="en" on German text)
    untranslated = origin + "/en/insights/checklist/"
    english = [r for r in html_rows if r["url"].startswith(origin + "/en/") and r["url"] != untranslated]
    german = [r for r in html_rows if not r["url"].startswith(origin + "/en/") or r["url"] == untranslated]
    assert len(english) >= 5 and len(german) >= 6
    assert {r["language"] for r in english} == {"en"}
    assert {r["language"] for r in german} == {"de"}


def test_report_shows_figures_per_language(bilingual: dict[str, Any]) -> None:
    results = bilingual["results"]
    assert set(results["languages"]) == {"de", "en"}
    doc = lxml.html.document_fromstring((bilingual["out"] / "report.html").read_text(encoding="utf-8"))
    (section,) = doc.cssselect("section#languages")
    rows = {
        tr.get("data-lang"): [c.text_content().strip() for c in tr.cssselect("th, td")]
        for tr in section.cssselect("tbody tr")
    }
    assert set(rows) == {"de", "en"}
    for code, cells in rows.items():
        pages = [p for p in results["pages"] if p.get("language") == code]
        analysed = [p["signals"] for p in pages if p.get("signals")]
        assert cells[1] == str(results["languages"][code])
        assert cells[2] == str(sum(1 for p in pages if p.get("page_type") == "article"))
        words = round(median(s["words_main"] for s in analysed))
        assert cells[3].replace(".", "").replace(",", "") == str(words)
        authors = round(100 * sum(1 for s in analysed if s["authors"]) / len(analysed))
        assert cells[4] == f"{authors} %"
    assert doc.cssselect("nav.toc a[href='#languages']")


@pytest.mark.parametrize("width", [1440, 390])
def test_languages_table_in_chromium(bilingual: dict[str, Any], browser, width: int) -> None:  # noqa: F811
    loaded = Loaded(browser, bilingual["out"] / "report.html", width=width)
    try:
        assert loaded.problems() == []
        table = loaded.page.locator("#languages table")
        assert table.is_visible() and loaded.page.locator("#languages tbody tr").count() == 2
        assert loaded.page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        loaded.close()


def test_one_language_shows_nothing_and_shares_need_analysed_pages() -> None:
    page = PageSummary(url="https://a.example/", status=200, depth=0, words=300, language="de")
    one = AuditResult(site="https://a.example/", languages={"de": 1}, pages=[page])
    assert languages_view(one, "de") is None and build_view(one)["languages"] is None
    signals = PageSignals(page_type="article", authors=["Jana Albrecht"], words_main=400, citations=2)
    pages = [
        page.model_copy(update={"signals": signals, "page_type": "article"}),
        PageSummary(url="https://a.example/en/", status=200, depth=1, words=0, language="en"),  # no signals
    ]
    two = AuditResult(site="https://a.example/", languages={"de": 1, "en": 1}, pages=pages)
    view = languages_view(two, "en")
    assert view is not None and [r["code"] for r in view["rows"]] == ["de", "en"]
    de, en = view["rows"]
    assert (de["articles"], de["median_words"], de["shares"][0], de["shares"][4]) == ("1", "400", "100 %", "100 %")
    assert en["median_words"] == "—" and set(en["shares"]) == {"—"}  # not measured, never 0 %
    assert set(LANGUAGE_STRINGS["de"]) == set(LANGUAGE_STRINGS["en"])


def test_view_documents_the_new_keys() -> None:
    import reports.view as view

    assert "``history``" in (view.__doc__ or "") and "``languages``" in (view.__doc__ or "")
    assert Path(view.__file__).with_name("languages.py").exists()
