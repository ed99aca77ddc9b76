"""The report layer: view model, self-contained HTML, results.json and pages.csv.

Results are built literally here (no crawl, no scoring run), with hostile crawled strings in every
place crawled text can reach.
"""

from __future__ import annotations

import ast
import csv
import json
import re
from pathlib import Path
from typing import Any

import html5lib
import lxml.html
import pytest

import reports
from reports.view import MAX_AFFECTED, STRINGS, build_view, safe_href
from reports.writers import render_report, write_all, write_pages_csv, write_report, write_results_json
from scoring.core.results import (
    AuditResult,
    CategoryResult,
    CheckResult,
    Coverage,
    Evidence,
    PageOutcome,
    PageSignals,
    PageSummary,
)
from scoring.registry import all_checks

ROOT = "https://www.beispiel-handwerk.example/"
HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE_EXCERPT = '"><img src=x onerror=alert(1)>'
HOSTILE_URL = "javascript:alert(1)"
HOSTILE_CELL = "</script><script>alert(2)</script>"
CSP = re.compile(
    r"default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]{43}='; style-src 'unsafe-inline'; img-src data:; "
    r"base-uri 'none'; form-action 'none'"
)

CATEGORIES = {
    "expertise": "Expertise & trust",
    "evidence": "Evidence",
    "depth": "Depth & focus",
    "links": "Internal links",
    "technical": "AI access & technical",
}


# --- builder ------------------------------------------------------------------------------------


def check(check_id: str, category: str, state: str, score: float | None = None, **fields: Any) -> CheckResult:
    """A CheckResult with readable defaults; unmeasured states get score None and weight 0."""
    measured = state in ("pass", "fail", "warn")
    defaults: dict[str, Any] = {
        "id": check_id,
        "title": f"{check_id} passes",
        "failure_title": f"{check_id} fails",
        "description": f"Why {check_id} matters. Source: a study.",
        "category": category,
        "scope": "page",
        "state": state,
        "score": score if measured else None,
        "weight": 2.0 if measured else 0.0,
        "explanation": f"Explanation of {check_id}.",
        # what scoring copies from the check's own file
        "remedy": all_checks()[check_id].remedy if check_id in all_checks() else "",
    }
    defaults.update(fields)
    return CheckResult(**defaults)


def page_summary(path: str, **fields: Any) -> PageSummary:
    defaults: dict[str, Any] = {"url": ROOT + path, "status": 200, "depth": 1, "words": 640, "score": 75.0}
    defaults.update(fields)
    return PageSummary(**defaults)


def build_checks() -> list[CheckResult]:
    blog = ROOT + "blog/heizung-tauschen"
    return [
        check(
            "author-byline",
            "expertise",
            "fail",
            0.25,
            evidence=[Evidence(url=blog, element="article", excerpt=HOSTILE_EXCERPT, note="no byline")],
            affected_urls=[blog],
            details=[{"url": blog, "state": "fail", "reason": HOSTILE_CELL, "excerpt": HOSTILE_EXCERPT}],
            pages=[PageOutcome(url=blog, state="fail", score=0.0, reason="no author")],
        ),
        check("impressum", "expertise", "pass", 1.0, scope="site"),
        check(
            "attributed-quotes",
            "evidence",
            "warn",
            0.85,
            scope="site",  # site scope: evidence and affected pages are listed on their own
            evidence=[Evidence(url=HOSTILE_URL, element="blockquote", excerpt="„Wärmepumpen sparen …“")],
            affected_urls=[HOSTILE_URL, blog],
        ),
        check("statistics", "evidence", "not_applicable", explanation="No page this check applies to."),
        check(
            "thin-content",
            "depth",
            "error",
            explanation="Check failed: ValueError: boom",
        ),
        check(
            "near-duplicates",
            "depth",
            "fail",
            0.5,
            scope="site",
            details=[
                {"a": ROOT + "a", "b": ROOT + "b", "jaccard": 0.91, "flags": ["x", "y"], "ok": False},
                {"a": ROOT + "c", "b": None, "extra": {"k": "v"}},
            ],
        ),
        check("internal-pagerank", "links", "pass", 0.9, scope="site"),
        check(
            "llms-txt",
            "technical",
            "informative",
            scope="site",
            explanation="llms.txt has an H1 and two link sections.",
        ),
        check(
            "title-tag",
            "technical",
            "warn",
            0.8,
            scope="site",
            evidence=[Evidence(url=ROOT + "kontakt", element="title", excerpt=HOSTILE_TITLE)],
            affected_urls=[ROOT + "kontakt"],
        ),
    ]


def categories_for(checks: list[CheckResult], scores: dict[str, float | None]) -> list[CategoryResult]:
    return [
        CategoryResult(
            id=cid,
            title=title,
            description=f"What {title} measures.",
            weight=20,
            score=scores.get(cid),
            check_ids=[c.id for c in checks if c.category == cid],
        )
        for cid, title in CATEGORIES.items()
    ]


def make_result(**fields: Any) -> AuditResult:
    checks = build_checks()
    scores = {"expertise": 62.5, "evidence": 85.0, "depth": 50.0, "links": 90.0, "technical": None}
    defaults: dict[str, Any] = {
        "site": ROOT,
        "started": "2025-05-01T09:00:00+00:00",
        "finished": "2025-05-01T09:03:12+00:00",
        "language": "en",
        "checks": checks,
        "categories": categories_for(checks, scores),
        "site_score": 71.9,
        "coverage": Coverage(
            urls_crawled=12,
            html_pages=10,
            complete=False,
            limits_hit=["max_pages"],
            not_measured=["statistics", "thin-content"],
        ),
        "pages": [
            page_summary("", depth=0, words=420, title="Startseite – Müller Heizung", score=90.0),
            page_summary(
                "blog/heizung-tauschen",
                depth=2,
                title=HOSTILE_TITLE,
                score=40.0,
                failed_checks=["author-byline", "title-tag"],
                signals=PageSignals(
                    page_type="article", authors=["=cmd|' /C calc'!A0", "Jana Albrecht"], published="2025-03-03",
                    statistics=4, statistics_sourced=1, citations=2, words_main=655,
                ),
            ),
            page_summary("kontakt", title='=HYPERLINK("http://evil.example")', score=None, words=80),
            page_summary("kaputt", status=None, words=0, score=None, title=None, error="TimeoutError"),
        ],
        "warnings": ["thin-content: Check failed: ValueError: boom"],
    }
    defaults.update(fields)
    return AuditResult(**defaults)


def unmeasured_result() -> AuditResult:
    checks = [check("statistics", "evidence", "not_applicable"), check("noindex", "technical", "error")]
    return make_result(
        checks=checks,
        categories=categories_for(checks, {}),
        site_score=None,
        coverage=Coverage(urls_crawled=0, html_pages=0, not_measured=["statistics", "noindex"]),
        pages=[],
        warnings=[],
    )


def parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


@pytest.fixture
def html() -> str:
    return render_report(make_result())


# --- HTML structure -----------------------------------------------------------------------------


def test_html_parses_and_shows_every_check_and_category(html: str) -> None:
    html5lib.HTMLParser(strict=True).parse(html)  # no HTML5 parse error at all
    doc = parse(html)
    text = doc.text_content()
    result = make_result()
    for c in result.checks:
        assert c.id in text
        assert doc.get_element_by_id(f"check-{c.id}") is not None
        assert c.display_title in text
    for title in CATEGORIES.values():
        assert title in text
    for cid in CATEGORIES:
        section = doc.get_element_by_id(f"cat-{cid}")
        assert section.tag == "section"
        assert "category" in section.classes


def test_checks_sit_in_their_category_section(html: str) -> None:
    doc = parse(html)
    for c in make_result().checks:
        section = doc.get_element_by_id(f"check-{c.id}").getparent()
        assert section.get("id") == f"cat-{c.category}"


def test_header_summary_and_coverage(html: str) -> None:
    doc = parse(html)
    header = doc.cssselect("header.report")[0].text_content()
    assert ROOT in header
    assert "1 May 2025" in header
    assert "English" in header
    assert "3 min 12 s" in header
    summary = doc.get_element_by_id("summary").text_content()
    assert "71.9" in summary
    assert "Solid, with clear gaps" in summary
    assert doc.cssselect("#summary svg circle")  # the gauge
    assert len(doc.cssselect("#summary table.bars svg.bar")) == len(CATEGORIES)
    coverage = doc.get_element_by_id("coverage").text_content()
    for expected in ("12", "10", "max_pages", "statistics", "thin-content", "cut short", "ValueError: boom"):
        assert expected in coverage


def test_check_shows_state_score_weight_and_evidence(html: str) -> None:
    doc = parse(html)
    art = doc.get_element_by_id("check-author-byline")
    text = art.text_content()
    assert "author-byline fails" in text  # failure title when failed
    assert "author-byline passes" not in text
    assert art.cssselect(".badge.state-fail")[0].text_content() == "Failed"
    assert "25" in art.cssselect("dl.facts")[0].text_content()
    assert "Why author-byline matters" in text
    # page scope: one table row per failing page carries its evidence; no repeated lists
    assert not art.cssselect("ul.evidence") and not art.cssselect("ul.affected")
    assert [th.text_content() for th in art.cssselect("table.details th")] == ["url", "state", "reason", "excerpt"]
    assert [a.get("href") for a in art.cssselect("table.details a")] == [ROOT + "blog/heizung-tauschen"]
    quotes = doc.get_element_by_id("check-attributed-quotes")  # site scope: evidence listed
    assert quotes.cssselect("ul.evidence .el")[0].text_content() == "blockquote"
    assert len(quotes.cssselect("ul.affected li")) == 2
    passing = doc.get_element_by_id("check-impressum")
    assert "impressum passes" in passing.text_content()


def test_details_table_takes_columns_from_every_row(html: str) -> None:
    art = parse(html).get_element_by_id("check-near-duplicates")
    assert [th.text_content() for th in art.cssselect("table.details th")] == [
        "a",
        "b",
        "jaccard",
        "flags",
        "ok",
        "extra",
    ]
    rows = [[td.text_content() for td in tr.cssselect("td")] for tr in art.cssselect("table.details tbody tr")]
    assert rows[0] == ["/a", "/b", "0.91", "x, y", "no", ""]  # the site's URLs as paths, linked in full
    assert [a.get("href") for a in art.cssselect("table.details tbody tr")[0].cssselect("a")] == [
        ROOT + "a",
        ROOT + "b",
    ]
    assert rows[1][:3] == ["/c", "", ""]
    assert rows[1][5] == '{"k": "v"}'


def test_page_table(html: str) -> None:
    doc = parse(html)
    rows = doc.cssselect("table.pages tbody tr")
    assert len(rows) == 4
    blog = rows[1]
    assert blog.cssselect("a")[0].get("href") == ROOT + "blog/heizung-tauschen"
    assert [a.get("href") for a in blog.cssselect("td:nth-child(6) a")] == [
        "#check-author-byline",
        "#check-title-tag",
    ]
    assert "not measured" in rows[2].text_content()
    assert "TimeoutError" in rows[3].text_content()


def test_affected_pages_capped_with_and_more() -> None:
    urls = [f"{ROOT}p/{i}" for i in range(MAX_AFFECTED + 70)]
    checks = [check("click-depth", "links", "fail", 0.1, scope="site", affected_urls=urls)]
    html = render_report(make_result(checks=checks, categories=categories_for(checks, {"links": 10.0})))
    art = parse(html).get_element_by_id("check-click-depth")
    assert len(art.cssselect("ul.affected li")) == MAX_AFFECTED
    assert "and 70 more" in art.text_content()
    assert f"({MAX_AFFECTED + 70})" in art.text_content()


def test_check_without_known_category_still_shown() -> None:
    checks = [*build_checks(), check("stray-check", "nowhere", "fail", 0.0)]
    html = render_report(make_result(checks=checks))
    doc = parse(html)
    assert doc.get_element_by_id("check-stray-check").getparent().get("id") == "cat-other"
    assert "Other checks" in doc.text_content()


# --- not measured is never 0 --------------------------------------------------------------------


def test_unmeasured_scores_say_not_measured_never_zero() -> None:
    doc = parse(render_report(unmeasured_result()))
    gauge = doc.cssselect("#summary .gauge svg")[0]
    assert "not measured" in gauge.text_content()
    assert not re.search(r"\b0\b", gauge.text_content())
    assert not doc.cssselect("#summary .gauge circle.tone-none:not(.track)")
    for row in doc.cssselect("table.bars tbody tr"):
        assert row.cssselect("td.num")[1].text_content() == "not measured"
        assert len(row.cssselect("rect")) == 1  # only the track, no bar
    for section in doc.cssselect("section.category"):
        assert section.cssselect(".cat-score")[0].text_content().strip() == "not measured"
    for cid in ("statistics", "noindex"):
        facts = doc.get_element_by_id(f"check-{cid}").cssselect("dl.facts dd")
        assert facts[0].text_content() == "not measured"
    assert "Not measured: no check could be scored" in doc.text_content()


def test_unmeasured_in_german() -> None:
    doc = parse(render_report(unmeasured_result(), lang="de"))
    assert "nicht gemessen" in doc.cssselect("#summary .gauge svg")[0].text_content()
    for cid in ("statistics", "noindex"):
        assert doc.get_element_by_id(f"check-{cid}").cssselect("dl.facts dd")[0].text_content() == "nicht gemessen"


def test_view_keeps_none_scores_none() -> None:
    view = build_view(unmeasured_result())
    assert view["score"]["value"] is None
    assert all(cat["score"]["value"] is None and cat["bar"] is None for cat in view["categories"])
    assert all(c["score"]["value"] is None for cat in view["categories"] for c in cat["checks"])


# --- hostile crawled strings --------------------------------------------------------------------


def test_hostile_strings_stay_text(html: str) -> None:
    doc = parse(html)
    # only our two scripts: the drill-down data (JSON, not executed) and the hashed inline script
    assert [s.get("type") for s in doc.xpath("//script")] == ["application/json", None]
    assert [s.get("id") for s in doc.xpath("//script")] == ["drill-data", None]
    assert doc.xpath("//img") == []
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href"):
                assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:")), value
    text = doc.text_content()
    for hostile in (HOSTILE_TITLE, HOSTILE_EXCERPT, HOSTILE_URL, HOSTILE_CELL):
        assert hostile in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.lower().count("<script") == 2  # ours only: the JSON data block and the hashed script


def test_javascript_url_is_text_not_link(html: str) -> None:
    art = parse(html).get_element_by_id("check-attributed-quotes")
    assert HOSTILE_URL in art.text_content()
    assert all(a.get("href", "").startswith("http") for a in art.cssselect("a"))
    assert len(art.cssselect("ul.affected a")) == 1  # the blog URL; the javascript: one is text


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/",
        "/relative",
        "https://ok.example/\nx",
        "https://ok.example/ x",
        "",
        None,
    ],
)
def test_safe_href_refuses(url: str | None) -> None:
    assert safe_href(url) is None


@pytest.mark.parametrize("url", ["https://www.beispiel.example/ä?x=1#y", "HTTP://EXAMPLE.COM/"])
def test_safe_href_keeps_http(url: str) -> None:
    assert safe_href(url) == url


def test_hostile_site_url_is_not_a_link() -> None:
    doc = parse(render_report(make_result(site=HOSTILE_URL)))
    assert HOSTILE_URL in doc.cssselect("header.report h1")[0].text_content()
    assert not doc.cssselect("header.report h1 a")


# --- self-contained -----------------------------------------------------------------------------


def test_no_external_resources(html: str) -> None:
    doc = parse(html)
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']")
    assert len(csp) == 1 and CSP.fullmatch(csp[0].get("content"))
    for el in doc.xpath("//link|//script|//img|//style|//iframe|//object|//embed|//source|//video|//audio"):
        for attr in ("src", "href", "data", "srcset"):
            assert not re.match(r"\s*(https?:)?//", el.get(attr, ""), re.I), (el.tag, attr)
    css = " ".join(s.text_content() for s in doc.xpath("//style"))
    assert "@import" not in css
    assert "url(" not in css
    assert "@font-face" not in css
    for el in doc.xpath("//*[local-name()='use' or local-name()='image']"):
        assert not el.get("href") and not el.get("{http://www.w3.org/1999/xlink}href")
    audited = {ROOT} | {p.url for p in make_result().pages} | {ROOT + x for x in ("a", "b", "c")}
    for a in doc.xpath("//a[@href]"):
        href = a.get("href")
        assert href.startswith("#") or href in audited, href
        if not href.startswith("#"):
            assert "noreferrer" in a.get("rel", "")


def test_internal_links_resolve_and_ids_are_unique(html: str) -> None:
    doc = parse(html)
    ids = [el.get("id") for el in doc.xpath("//*[@id]")]
    assert len(ids) == len(set(ids))
    for a in doc.xpath("//a[starts-with(@href, '#')]"):
        assert a.get("href")[1:] in ids, a.get("href")


def test_template_never_marks_anything_safe() -> None:
    template = (Path(reports.__file__).parent / "templates" / "report.html.j2").read_text()
    assert "|safe" not in template.replace(" ", "")
    assert "autoescape false" not in template
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", template, re.I)  # no inline event handlers (CSP)


def test_context_keys_do_not_shadow_dict_methods() -> None:
    """Jinja's `x.items` finds dict.items before the key: such keys would break the template."""
    shadowing = set(dir(dict))

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            assert not shadowing & set(value), shadowing & set(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(build_view(make_result()))


def test_print_stylesheet(html: str) -> None:
    css = " ".join(s.text_content() for s in parse(html).xpath("//style"))
    print_css = css[css.index("@media print") :]
    assert "section.category" in print_css
    assert "break-before: page" in print_css


# --- language -----------------------------------------------------------------------------------


def test_german_interface_strings() -> None:
    doc = parse(render_report(make_result(), lang="de"))
    assert doc.get("lang") == "de"
    text = doc.text_content()
    for expected in ("Zusammenfassung", "Abdeckung", "Gecrawlte URLs", "Warum es wichtig ist", "Belege"):
        assert expected in text
    assert "1. Mai 2025" in text
    assert "71,9" in text
    assert doc.get_element_by_id("check-author-byline").cssselect(".badge")[0].text_content() == "Nicht bestanden"
    assert "Summary" not in text


def test_language_follows_site_then_defaults_to_english() -> None:
    assert build_view(make_result(language="de"))["lang"] == "de"
    assert build_view(make_result(language="de-AT"))["lang"] == "de"
    assert build_view(make_result(language="de"), lang="en")["lang"] == "en"
    assert build_view(make_result(language="fr"))["lang"] == "en"
    assert build_view(make_result(language=None))["lang"] == "en"
    assert build_view(make_result(), lang="DE")["lang"] == "de"


def test_ui_strings_complete_in_every_language() -> None:
    assert set(STRINGS["de"]) == set(STRINGS["en"])


def test_every_context_key_is_documented() -> None:
    import reports.view as view

    doc = view.__doc__ or ""
    context = build_view(make_result())
    for key in context:
        assert f"``{key}``" in doc, key
    for key in context["categories"][0]["checks"][0]:
        assert f'"{key}"' in doc, key


# --- files --------------------------------------------------------------------------------------


def test_results_json_round_trips(tmp_path: Path) -> None:
    result = make_result()
    path = write_results_json(result, tmp_path)
    assert path == tmp_path / "results.json"
    text = path.read_text(encoding="utf-8")
    assert "Müller" in text  # ensure_ascii=False
    assert text.startswith('{\n  "schema_version"')
    assert AuditResult.model_validate_json(text) == result


def test_pages_csv(tmp_path: Path) -> None:
    result = make_result()
    path = write_pages_csv(result, tmp_path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfurl,status,")  # BOM: Excel reads UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert header[:8] == ["url", "status", "depth", "words", "page_score", "title", "failed_checks", "error"]
    assert header[8:] == [
        "page_type", "authors", "person_schema", "published", "quotes_attributed", "statistics",
        "statistics_sourced", "citations", "words_main", "language",
    ]
    assert [r["url"] for r in rows] == [p.url for p in result.pages]
    home, blog, contact, broken = rows
    assert home["title"] == "Startseite – Müller Heizung"
    assert home["page_score"] == "90.0" and home["depth"] == "0" and home["words"] == "420"
    assert blog["failed_checks"] == "author-byline|title-tag"
    assert blog["title"] == HOSTILE_TITLE  # stored as text, never turned into markup
    assert contact["title"].startswith("'=")  # a spreadsheet would run it as a formula
    assert contact["page_score"] == ""
    assert broken["status"] == "" and broken["error"] == "TimeoutError"
    assert blog["page_type"] == "article" and blog["published"] == "2025-03-03" and blog["statistics"] == "4"
    assert blog["authors"] == "'=cmd|' /C calc'!A0|Jana Albrecht"  # a crawled name is text, never a formula
    assert home["page_type"] == "" and broken["words_main"] == ""  # no signals: empty cells, not 0


def test_write_all_creates_the_directory(tmp_path: Path) -> None:
    out = tmp_path / "audit" / "2025-05-01"
    paths = write_all(make_result(), out, lang="de")
    assert set(paths) == {"html", "json", "pages_csv", "findings_csv"}
    assert {p.name for p in out.iterdir()} == {"report.html", "results.json", "pages.csv", "findings.csv"}
    assert 'lang="de"' in paths["html"].read_text(encoding="utf-8")
    assert write_report(make_result(), out) == out / "report.html"
    json.loads(paths["json"].read_text(encoding="utf-8"))


# --- import direction ---------------------------------------------------------------------------


def test_reports_import_only_scoring_core() -> None:
    ours = {"auditor", "spiders", "scoring", "reports", "tests", "bench"}
    for path in Path(reports.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in ours:
                    assert top == "reports" or name.startswith("scoring.core."), f"{path.name} imports {name}"
