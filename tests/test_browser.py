"""The HTML report in a real headless Chromium (Debian's /usr/bin/chromium, driven by Python playwright).

No browser download: playwright launches the system Chromium through `executable_path`
(tests/setup-system.sh installs it). What is checked: the demo report loads without console errors
and without any request but the file itself; every check and category is there; the page table
sorts, filters, searches and opens a drill-down; hostile crawled strings (a fixture site crawled
through the CLI, and a literal result full of payloads) stay text and run nothing; a 3,000-page
report loads whole and sorts (its load time: bench/report_load.py). Layout: blockers on top of the
first screen, quick wins before projects, brief outlines numbered by their H2 only; at 390 px no
element is wider than the viewport (outside the tables that scroll in their own box) and the plan
and page table are cards; at 1440 px the layout uses the width; the print layout (the executive
PDF, tests/test_report_pdf.py) shows summary, category overview and plan, folded lists stay folded.

`python -m tests.test_browser docs/screenshots` writes the German and English screenshots.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

try:  # optional (the `test` extra): without it these tests, and the Chromium fixture's users, skip
    from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright
except ImportError:
    sync_playwright = None

from auditor.serve import StaticSite
from reports.i18n import catalog
from reports.strings import STRINGS
from reports.writers import write_all
from scoring.core.results import OutlineItem
from tests.conftest import SITES, run_cli
from tests.test_report_rich import PAYLOADS, big_result, rich_result

NO_PLAYWRIGHT = "playwright is not installed (pip install -e '.[test]')"
pytestmark = pytest.mark.skipif(sync_playwright is None, reason=NO_PLAYWRIGHT)

CHROMIUM = os.environ.get("GEO_AUDIT_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if sync_playwright is None:  # tests in other modules use this fixture too (tests/test_batch_hostile.py)
        pytest.skip(NO_PLAYWRIGHT)
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: run tests/setup-system.sh")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Loaded:
    """A page opened from disk, with everything it logged and requested."""

    def __init__(self, browser: Browser, path: Path, width: int = 1280, height: int = 900) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=True)
        self.page: Page = self.context.new_page()
        self.console: list[ConsoleMessage] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.console.append(m))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url, wait_until="load")

    def problems(self) -> list[str]:
        return [f"{m.type}: {m.text}" for m in self.console if m.type in ("error", "warning")] + self.errors

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The bundled demo site audited through the CLI (German, the site's language), and re-rendered in English."""
    base = tmp_path_factory.mktemp("demo")
    db, de, en = base / "audit.db", base / "de", base / "en"
    run = run_cli("demo", "--db", str(db), "--out", str(de))
    assert run.returncode == 0, run.stderr
    run = run_cli("report", "1", "--db", str(db), "--out", str(en), "--lang", "en")
    assert run.returncode == 0, run.stderr
    return {
        "de": de / "report.html",
        "en": en / "report.html",
        "results": json.loads((de / "results.json").read_text(encoding="utf-8")),
    }


@pytest.fixture
def demo_de(browser: Browser, demo: dict[str, Any]) -> Iterator[Loaded]:
    loaded = Loaded(browser, demo["de"])
    yield loaded
    loaded.close()


def visible_rows(page: Page) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        "#page-table tbody tr:not(.drill-row)",
        "rows => rows.filter(r => !r.hidden).map(r => ({url: r.dataset.url, words: r.dataset.words,"
        " score: r.dataset.score, failed: r.dataset.failed}))",
    )


# --- demo report --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "en"])
def test_demo_loads_without_errors_or_requests(browser: Browser, demo: dict[str, Any], lang: str) -> None:
    loaded = Loaded(browser, demo[lang])
    try:
        assert loaded.problems() == []
        assert loaded.requests == [loaded.url]  # nothing but the file itself
        assert loaded.page.evaluate("document.documentElement.lang") == lang
        # the script ran (CSP hash matched): the controls it reveals are visible
        assert loaded.page.is_visible("#page-controls")
    finally:
        loaded.close()


def test_demo_shows_every_check_category_and_section(demo_de: Loaded, demo: dict[str, Any]) -> None:
    page, results = demo_de.page, demo["results"]
    for category in results["categories"]:
        assert page.is_visible(f"#cat-{category['id']}"), category["id"]
    for check in results["checks"]:
        assert page.is_visible(f"#check-{check['id']}"), check["id"]
    for section in ("summary", "coverage", "plan", "ai-access", "insights", "briefs", "pages"):
        assert page.is_visible(f"#{section}"), section
    assert page.locator("ol.levers li").count() == 3
    assert page.locator("ul.gauges li").count() == len(results["categories"])
    failing = [c for c in results["checks"] if c["state"] in ("fail", "warn")]
    assert page.locator("#plan tbody tr").count() == len(failing)
    assert page.locator("#ai-access table.matrix").first.is_visible()


def test_sort_filter_and_search(demo_de: Loaded, demo: dict[str, Any]) -> None:
    page = demo_de.page
    total = len(demo["results"]["pages"])
    assert len(visible_rows(page)) == total
    page.click("th button[data-sort=words]")
    words = [int(r["words"]) for r in visible_rows(page)]
    assert words == sorted(words) and words[0] < words[-1]
    assert page.get_attribute("th:has(button[data-sort=words])", "aria-sort") == "ascending"
    page.click("th button[data-sort=words]")
    assert [int(r["words"]) for r in visible_rows(page)] == sorted(words, reverse=True)
    page.click("th button[data-sort=score]")
    scores = [r["score"] for r in visible_rows(page)]
    measured = [float(s) for s in scores if s]
    assert measured == sorted(measured)
    assert all(s == "" for s in scores[len(measured) :])  # not measured stays last, never as 0

    page.select_option("#page-filter", "failed")
    failed = visible_rows(page)
    assert failed and len(failed) < total and all(r["failed"] for r in failed)
    assert page.text_content("#page-count").startswith(str(len(failed)))
    page.select_option("#page-filter", "check:thin-content")
    thin = visible_rows(page)
    assert thin and all("thin-content" in r["failed"].split() for r in thin)

    page.select_option("#page-filter", "all")
    page.fill("#page-search", "impressum")
    found = visible_rows(page)
    assert found and all("impressum" in r["url"].lower() for r in found)
    page.fill("#page-search", "kein-solcher-pfad-xyz")
    assert visible_rows(page) == []
    page.fill("#page-search", "")
    assert len(visible_rows(page)) == total
    assert demo_de.problems() == []


def test_drill_down_lists_every_finding_of_the_page(demo_de: Loaded, demo: dict[str, Any]) -> None:
    page, results = demo_de.page, demo["results"]
    row = page.locator("#page-table tbody tr:not([data-failed=''])").first
    url = row.get_attribute("data-url")
    expected = {c["id"]: o["state"] for c in results["checks"] for o in c["pages"] if o["url"] == url}
    row.locator("button.drill").click()
    drill = page.locator("tr.drill-row")
    assert drill.is_visible()
    assert row.locator("button.drill").get_attribute("aria-expanded") == "true"
    items = drill.locator("ul.drill-list > li")
    assert items.count() == len(expected)
    shown = {items.nth(i).locator(".check-id").text_content().strip() for i in range(items.count())}
    assert shown == set(expected)
    first_failing = drill.locator("ul.drill-list > li.state-fail, ul.drill-list > li.state-warn").first
    href = first_failing.locator("a").get_attribute("href")
    assert page.locator(href).count() == 1  # links to the check's section
    # German report: the check's German failure title, and no reason left in English
    cid = first_failing.locator(".check-id").text_content().strip()
    assert first_failing.locator("a").text_content() == catalog("de").checks[cid]["failure_title"]
    assert drill.locator("[lang=en]").count() == 0
    drill.locator("button.close").click()
    assert page.locator("tr.drill-row").count() == 0
    assert demo_de.problems() == []


def test_print_layout(demo_de: Loaded, demo: dict[str, Any]) -> None:
    """The executive print layout: summary, category overview and action plan; details, long tables
    and the page table are left to the HTML report; folded lists stay folded."""
    page = demo_de.page
    assert not page.locator("details.fold:not([open]) > :not(summary)").first.is_visible()  # folded on screen
    assert not page.is_visible("section.cat-overview")  # print only
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("document.querySelectorAll('details[open]').length") == 0  # folded lists stay folded
    for hidden in ("#page-controls", "nav.toc", "#coverage", "#ai-access", "#insights", "#briefs", "#pages"):
        assert not page.is_visible(hidden), hidden
    assert not page.locator("section.category").first.is_visible()
    assert not page.locator("table.plan .pages-list").first.is_visible()
    for shown in ("#blockers", "#summary", "section.cat-overview", "#plan", "footer.report"):
        assert page.is_visible(shown), shown
    assert page.locator("section.cat-overview .cat-card").count() == page.locator("section.category").count()
    # every check once in the category overview, failed ones first in each category
    assert page.locator("section.cat-overview ul.cat-checks > li").count() == len(demo["results"]["checks"])
    first_states = page.eval_on_selector_all(
        "section.cat-overview ul.cat-checks > li:first-child .badge", "bs => bs.map(b => b.className)"
    )
    assert all("state-fail" in b or "state-warn" in b for b in first_states), first_states
    for section in ("section.cat-overview", "section.plan"):
        assert page.evaluate(f"getComputedStyle(document.querySelector('{section}')).breakBefore") == "page"
    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    width, height = (float(v) for v in re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups())
    assert abs(width - 595.28) < 1.5 and abs(height - 841.89) < 1.5  # A4 from the @page rule
    assert page.evaluate("document.querySelectorAll('details[open]').length") == 0


# --- first screen: blockers, quick wins and projects, brief outlines --------------------------------


def test_blockers_on_top_of_the_first_screen(browser: Browser, demo: dict[str, Any]) -> None:
    blocked = [c["id"] for c in demo["results"]["checks"] if c.get("blocker")]
    assert blocked  # the demo blocks PerplexityBot on purpose
    for width, height in ((1280, 900), (390, 844)):
        loaded = Loaded(browser, demo["de"], width, height)
        try:
            page = loaded.page
            box = page.locator("#blockers")
            assert box.is_visible()
            top = box.bounding_box()
            gauge = page.locator("#summary .gauge").bounding_box()
            assert top["y"] + top["height"] <= gauge["y"]  # above the score
            assert top["y"] < height / 2  # on the first screen, not below it
            items = box.locator("ol.blocker-list > li")
            assert items.count() == len(blocked)
            hrefs = [items.nth(i).locator("a").get_attribute("href") for i in range(items.count())]
            assert sorted(h.removeprefix("#check-") for h in hrefs) == sorted(blocked)
            assert "PerplexityBot" in box.text_content()
            assert loaded.problems() == []
        finally:
            loaded.close()


def test_no_blockers_no_box_and_outline_numbers_only_h2(browser: Browser, tmp_path: Path) -> None:
    outline = [(3, "Lead-in"), (2, "Costs"), (3, "Heat pump"), (3, "Boiler"), (2, "Subsidies"), (2, "Next steps")]
    brief = (
        big_result(40)
        .briefs[0]
        .model_copy(update={"outline": [OutlineItem(level=level, text=text) for level, text in outline]})
    )
    paths = write_all(big_result(40).model_copy(update={"briefs": [brief]}), tmp_path, lang="en")
    loaded = Loaded(browser, paths["html"])
    try:
        page = loaded.page
        assert page.locator("#blockers").count() == 0
        numbered = page.eval_on_selector_all(
            "article.brief ol.outline > li", "ls => ls.map(l => l.firstChild.textContent.trim())"
        )
        assert numbered == ["Costs", "Subsidies", "Next steps"]  # 1, 2, 3: sub-items take no number
        subs = page.eval_on_selector_all(
            "article.brief ol.outline > li > ul.sub > li", "ls => ls.map(l => l.textContent)"
        )
        assert subs == ["Heat pump", "Boiler"]
        assert page.eval_on_selector_all("article.brief ul.outline-lead > li", "ls => ls.map(l => l.textContent)") == [
            "Lead-in"
        ]
        assert page.locator("article.brief ol.outline > li.h3").count() == 0
    finally:
        loaded.close()


def test_plan_shows_quick_wins_then_projects(demo_de: Loaded, demo: dict[str, Any]) -> None:
    page = demo_de.page
    groups = page.locator("#plan .plan-group")
    assert groups.count() == 2
    kinds = [groups.nth(i).get_attribute("class").split()[-1] for i in range(2)]
    assert kinds == ["kind-quick_win", "kind-project"]
    titles = [groups.nth(i).locator("h3 .kind-label").text_content() for i in range(2)]
    assert titles == [STRINGS["de"]["plan_quick_wins"], STRINGS["de"]["plan_projects"]]
    failing = [c for c in demo["results"]["checks"] if c["state"] in ("fail", "warn")]
    counts = [groups.nth(i).locator("tbody tr").count() for i in range(2)]
    assert sum(counts) == len(failing) and all(counts)
    efforts = groups.nth(1).locator("tbody .effort").evaluate_all("es => es.map(e => e.className)")
    assert any("effort-high" in e for e in efforts)  # high effort is always a project
    assert not any(
        "effort-high" in e
        for e in groups.nth(0).locator("tbody .effort").evaluate_all("es => es.map(e => e.className)")
    )
    assert page.locator("#plan .blocker-badge").count() == len([c for c in failing if c.get("blocker")])


# --- mobile (390 px) and wide (1440 px) ---------------------------------------------------------------

# Elements outside the viewport, except inside a declared scroll box (.table-wrap: a table that scrolls
# inside its own box); each scroll box itself must fit. content-visibility is lifted so that every
# section is laid out.
OVERFLOW_JS = """() => {
  const W = window.innerWidth, bad = [];
  const boxes = [...document.querySelectorAll('.table-wrap')];
  for (const box of boxes) {
    const s = getComputedStyle(box);
    if (s.overflowX !== 'auto' && s.overflowX !== 'scroll') bad.push('not a scroll box: ' + box.outerHTML.slice(0, 80));
  }
  for (const el of document.body.querySelectorAll('*')) {
    if (el.parentElement && el.parentElement.closest('.table-wrap')) continue;
    const r = el.getBoundingClientRect();
    if (!r.width && !r.height) continue;
    if (r.left < -0.5 || r.right > W + 0.5) {
      const cls = typeof el.className === 'string' && el.className ? '.' + el.className.split(' ').join('.') : '';
      const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls;
      bad.push(name + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
    }
  }
  return {scrollWidth: document.scrollingElement.scrollWidth, innerWidth: W, bad: bad.slice(0, 20)};
}"""
LIFT_CONTENT_VISIBILITY = "section, .figure { content-visibility: visible !important; }"


def assert_fits(page: Page) -> None:
    page.add_style_tag(content=LIFT_CONTENT_VISIBILITY)
    found = page.evaluate(OVERFLOW_JS)
    assert found["scrollWidth"] <= found["innerWidth"], found
    assert found["bad"] == [], found["bad"]


def assert_cards(page: Page, table: str) -> None:
    """A table shown as cards: no scrolling inside its box, no row squeezed to a letter a line."""
    wrap = page.evaluate(
        f"(() => {{ const w = document.querySelector('{table}').closest('.table-wrap');"
        " return [w.scrollWidth, w.clientWidth]; })()"
    )
    assert wrap[0] <= wrap[1], wrap
    rows = page.eval_on_selector_all(
        f"{table} tbody tr:not([hidden])",
        "rs => rs.map(r => { const b = r.getBoundingClientRect();"
        " return [getComputedStyle(r).display, b.width, b.height]; })",
    )
    assert rows
    assert all(display == "block" for display, _, _ in rows), rows[:3]
    assert min(width for _, width, _ in rows) > 300
    assert max(height for _, _, height in rows) < 700, max(rows, key=lambda r: r[2])


@pytest.mark.parametrize("lang", ["de", "en"])
def test_demo_at_390px_has_no_horizontal_scrolling(browser: Browser, demo: dict[str, Any], lang: str) -> None:
    loaded = Loaded(browser, demo[lang], 390, 844)
    try:
        page = loaded.page
        assert page.evaluate("document.documentElement.clientWidth") == 390
        assert_fits(page)
        assert_cards(page, "#page-table")
        assert_cards(page, "table.plan")
        # the cards name their numbers: "Status 200", "Words 255" …
        label = page.evaluate(
            "getComputedStyle(document.querySelector('#page-table tbody tr td:nth-child(4)'), '::before').content"
        )
        assert label.strip('"').strip() == ("Wörter" if lang == "de" else "Words")
        # the drill-down opens inside its card; sorting still works from the header buttons
        page.locator("#page-table tbody tr:not([data-failed='']) button.drill").first.click()
        assert page.locator("tr.drill-row").is_visible()
        found = page.evaluate(OVERFLOW_JS)
        assert found["scrollWidth"] <= 390 and found["bad"] == [], found
        page.click("th button[data-sort=words]")
        words = [int(r["words"]) for r in visible_rows(page)]
        assert words == sorted(words)
        # the page table was ~300,000 px tall at 390 px (a letter a line): now a card of a few lines a page
        height = page.evaluate("document.querySelector('#page-table').getBoundingClientRect().height")
        assert height < 300 * len(visible_rows(page)), height
        assert loaded.problems() == []
    finally:
        loaded.close()


def test_hostile_report_at_390px_fits(browser: Browser, tmp_path: Path) -> None:
    """Long unbroken crawled strings (payloads, URLs) wrap or scroll in their box, never the page."""
    paths = write_all(rich_result(), tmp_path)
    loaded = Loaded(browser, paths["html"], 390, 844)
    try:
        assert_fits(loaded.page)
        for button in loaded.page.locator("#page-table button.drill").all()[:2]:
            button.click()
            found = loaded.page.evaluate(OVERFLOW_JS)
            assert found["scrollWidth"] <= 390 and found["bad"] == [], found
        assert_nothing_ran(loaded)
    finally:
        loaded.close()


def test_demo_at_1440px_uses_the_width(browser: Browser, demo: dict[str, Any]) -> None:
    loaded = Loaded(browser, demo["de"], 1440, 900)
    try:
        page = loaded.page
        assert_fits(page)
        main = page.locator("main").bounding_box()
        assert main["width"] >= 1200  # not a phone column in the middle of the screen
        gauge = page.locator("#summary .gauge").bounding_box()
        levers = page.locator("#summary ol.levers").bounding_box()
        assert gauge["x"] + gauge["width"] <= levers["x"] and abs(gauge["y"] - levers["y"]) < 300  # side by side
        assert page.evaluate("getComputedStyle(document.querySelector('#page-table')).display") == "table"
        assert (
            page.evaluate("getComputedStyle(document.querySelector('#page-table thead th:nth-child(6)')).display")
            == "table-cell"
        )
        url_cell = page.locator("#page-table tbody tr td.url").first.bounding_box()
        assert url_cell["width"] >= 400
        assert page.evaluate("getComputedStyle(document.querySelector('table.plan')).display") == "table"
        plan = page.locator("table.plan").first.bounding_box()
        assert plan["width"] >= main["width"] - 60
        assert page.locator("table.plan thead").first.is_visible()
        assert loaded.problems() == []
    finally:
        loaded.close()


# --- hostile content ----------------------------------------------------------------------------


def page_text(page: Page) -> str:
    """The document's text without the script elements (textContent: off-screen sections included)."""
    return page.evaluate(
        "(() => { const b = document.body.cloneNode(true); b.querySelectorAll('script').forEach(s => s.remove());"
        " return b.textContent; })()"
    )


def assert_nothing_ran(loaded: Loaded) -> None:
    page = loaded.page
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert loaded.dialogs == []
    assert loaded.problems() == []  # a blocked inline script or image would log a CSP error
    assert loaded.requests == [loaded.url]
    assert page.locator("img").count() == 0
    assert page.evaluate("document.scripts.length") == 2
    hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
    assert all(h.startswith(("#", "http://", "https://")) for h in hrefs), hrefs


def test_literal_payloads_stay_text(browser: Browser, tmp_path: Path) -> None:
    paths = write_all(rich_result(), tmp_path)
    loaded = Loaded(browser, paths["html"])
    try:
        assert_nothing_ran(loaded)
        body = page_text(loaded.page)
        for payload in PAYLOADS:
            assert payload in body, payload
        # the drill-down builds its DOM from JSON in the page: payloads stay text there too
        for button in loaded.page.locator("#page-table button.drill").all()[:3]:
            button.click()
            assert loaded.page.locator("tr.drill-row").is_visible()
        loaded.page.fill("#page-search", "<script>")
        assert len(visible_rows(loaded.page)) == 1
        assert_nothing_ran(loaded)
    finally:
        loaded.close()


def test_crawled_hostile_site_stays_text(browser: Browser, tmp_path: Path) -> None:
    with StaticSite(SITES / "xss") as site:
        run = run_cli(
            "audit", site.origin + "/", "--db", str(tmp_path / "a.db"), "--out", str(tmp_path / "out"), "--lang", "en"
        )
    assert run.returncode == 0, run.stderr
    loaded = Loaded(browser, tmp_path / "out" / "report.html")
    try:
        assert_nothing_ran(loaded)
        body = page_text(loaded.page)
        assert "<script>window.__xss='title'</script>" in body  # the crawled title, as text
        for button in loaded.page.locator("#page-table button.drill").all():
            button.click()
        assert_nothing_ran(loaded)
    finally:
        loaded.close()


# --- speed --------------------------------------------------------------------------------------


def measure_load(browser: Browser, path: Path) -> dict[str, float]:
    """Wall-clock of page.goto until `load`, and the Navigation Timing of the same load (ms)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    started = time.perf_counter()
    page.goto(path.resolve().as_uri(), wait_until="load")
    wall = (time.perf_counter() - started) * 1000
    timing = page.evaluate(
        "(() => { const n = performance.getEntriesByType('navigation')[0];"
        " return {load: n.loadEventEnd, dom: n.domContentLoadedEventEnd}; })()"
    )
    sort_ms = page.evaluate(
        "(() => { const t = performance.now(); document.querySelector('th button[data-sort=words]').click();"
        " document.body.offsetHeight; return performance.now() - t; })()"
    )
    context.close()
    return {"wall": wall, "load": timing["load"], "dom": timing["dom"], "sort": sort_ms}


def test_3000_page_report_loads_whole_and_sorts(browser: Browser, tmp_path: Path) -> None:
    # Its load time is measured by bench/report_load.py (a benchmark, not a timed test).
    result = big_result(3000)
    paths = write_all(result, tmp_path)
    timing = measure_load(browser, paths["html"])
    assert timing["load"] > 0 and timing["dom"] > 0  # the load event fired: the page finished loading
    loaded = Loaded(browser, paths["html"])
    try:
        page = loaded.page
        page.click("#page-all")
        assert len(visible_rows(page)) == 3000
        page.click("th button[data-sort=words]")
        words = [int(r["words"]) for r in visible_rows(page)]
        assert words == sorted(words) and len(words) == 3000
        assert loaded.problems() == []
    finally:
        loaded.close()


def test_big_table_shows_a_window_and_sorts_all_rows(browser: Browser, tmp_path: Path) -> None:
    result = big_result(1200)
    paths = write_all(result, tmp_path, lang="en")
    loaded = Loaded(browser, paths["html"])
    try:
        page = loaded.page
        assert len(visible_rows(page)) == 500
        assert page.text_content("#page-count") == "first 500 of 1200 shown"
        page.click("th button[data-sort=words]")
        words = [int(r["words"]) for r in visible_rows(page)]
        assert len(words) == 500 and words == sorted(words)
        assert words[0] == min(p.words for p in result.pages)  # sorted over every row, not the window
        page.click("#page-all")
        assert len(visible_rows(page)) == 1200
        assert page.text_content("#page-count") == "1200 shown"
        assert loaded.problems() == []
    finally:
        loaded.close()


# --- screenshots (not a test) -------------------------------------------------------------------


def screenshots(out_dir: Path) -> None:
    """PNGs of the demo report in German and English (docs/screenshots/): the whole page (half
    scale), the first screen, the action plan and topics & links at 1280 px, and a phone's first
    screen and action plan at 390 px; the development since the last audit and the per-language
    figures from fixture sites (`_trend_and_language_reports`)."""
    import tempfile

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        run = run_cli("demo", "--db", str(base / "a.db"), "--out", str(base / "de"))
        assert run.returncode == 0, run.stderr
        run = run_cli("report", "1", "--db", str(base / "a.db"), "--out", str(base / "en"), "--lang", "en")
        assert run.returncode == 0, run.stderr
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for lang in ("de", "en"):
                for scale, name in ((0.5, "report-{lang}.png"), (1, "report-{lang}-top.png")):
                    page = b.new_page(viewport={"width": 1280, "height": 1000}, device_scale_factor=scale)
                    page.goto((base / lang / "report.html").as_uri(), wait_until="load")
                    # off-screen sections are skipped by content-visibility: render them all for the picture
                    page.add_style_tag(content="section, .figure { content-visibility: visible !important; }")
                    page.screenshot(path=str(out_dir / name.format(lang=lang)), full_page=scale < 1)
                    if scale == 1:
                        page.locator("#insights").screenshot(path=str(out_dir / f"report-{lang}-insights.png"))
                        page.locator("#plan").screenshot(path=str(out_dir / f"report-{lang}-plan.png"))
                    page.close()
                # a phone (390 px): the first screen, and the action plan as cards
                page = b.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=1)
                page.goto((base / lang / "report.html").as_uri(), wait_until="load")
                page.screenshot(path=str(out_dir / f"report-{lang}-mobile.png"))
                page.locator("#plan .plan-group").first.evaluate("e => e.scrollIntoView()")
                page.screenshot(path=str(out_dir / f"report-{lang}-mobile-plan.png"))
                page.close()
            for path, section, name in _trend_and_language_reports(base):
                page = b.new_page(viewport={"width": 1280, "height": 1000}, device_scale_factor=1)
                page.goto(path.as_uri(), wait_until="load")
                page.add_style_tag(content="section, .figure { content-visibility: visible !important; }")
                page.locator(section).screenshot(path=str(out_dir / name))
                page.close()
            b.close()


def _trend_and_language_reports(base: Path) -> list[tuple[Path, str, str]]:
    """The demo has one audit and one language: a fixture site audited twice (the development
    since the last audit) and the bilingual fixture (per-language figures), for their pictures."""
    from auditor.serve import StaticSite
    from tests.conftest import SITES
    from tests.test_report_history import audit_twice

    history = audit_twice(base / "history")["base"]
    with StaticSite(SITES / "bilingual") as site:
        run = run_cli("audit", site.origin + "/", "--db", str(base / "b.db"), "--out", str(base / "bilingual"))
        assert run.returncode == 0, run.stderr
    return [
        (history / "de" / "report.html", "#history", "report-de-history.png"),
        (history / "second" / "report.html", "#history", "report-en-history.png"),
        (base / "bilingual" / "report.html", "#languages", "report-de-languages.png"),
    ]


if __name__ == "__main__":
    screenshots(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
