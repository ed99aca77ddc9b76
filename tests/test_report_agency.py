"""Issue 15, the report's data for a client: production URLs everywhere a person reads or clicks
(`--as-host`), German Excel CSVs (";" and a BOM), blockers on top and the action plan split into quick
wins and projects. Literal results written into real files and read back; hostile strings included.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from reports.format import OriginMap, display_result, display_site, map_origin, origin_map
from reports.i18n import Localizer
from reports.plan import FEW_PAGES, MANY_PAGES, plan_kind
from reports.view import build_view
from reports.writers import PAGES_COLUMNS, render_report, write_all, write_findings_csv, write_pages_csv
from scoring.core.messages import Message
from scoring.core.results import (
    AuditResult,
    Cluster,
    Evidence,
    GraphNode,
    LinkSuggestion,
    PageOutcome,
    SiteInsights,
)
from scoring.registry import all_checks
from tests.test_report import check, make_result, page_summary

CRAWLED = "http://127.0.0.1:8123"
PROD = "https://www.example.de"
HOSTILE_HREF = f"javascript:alert(1)//{CRAWLED}/x"  # contains the crawled origin: mapped, never a link
LONGER_HOST = "http://127.0.0.1:8123.evil.example/"  # another host that starts like the crawled one
OTHER_PORT = "http://127.0.0.1:81234/"  # another port that starts like the crawled one


def staged_result(as_host: str | None = PROD, **fields: Any) -> AuditResult:
    """An audit of a staging copy on 127.0.0.1 run with `--as-host`: crawled URLs in every place a
    URL can sit (pages, outcomes, evidence, affected, details, messages, insights, explanation)."""
    base = make_result()
    u = f"{CRAWLED}/ratgeber/wärmepumpe/"
    home = f"{CRAWLED}/"
    reason = Message(id="title-tag.too-short", params={"chars": 12})
    byline = check(
        "author-byline",
        "expertise",
        "fail",
        0.25,
        explanation=f"No byline on {u} (see {CRAWLED}/impressum/).",
        evidence=[Evidence(url=u, element="article", excerpt=f'<a href="{CRAWLED}/team/">Team</a>', note="none")],
        affected_urls=[u, HOSTILE_HREF, LONGER_HOST, OTHER_PORT],
        details=[{"url": u, "target": home, "text": f"Link to {CRAWLED}/x"}],
        columns={"url": "url", "target": "url", "text": "text"},
        pages=[
            PageOutcome(
                url=u,
                state="fail",
                score=0.0,
                reason="no author",
                reason_message=reason,
                evidence=[Evidence(url=u, element="p", excerpt=f"Quelle: {CRAWLED}/studie/")],
            )
        ],
    )
    checks = [byline, *[c for c in base.checks if c.id != "author-byline"]]
    settings: dict[str, Any] = {"url": home, "max_pages": 500}
    if as_host is not None:
        settings["crawl"] = {"max_pages": 500, "as_host": as_host}
    insights = SiteInsights(
        clusters=[Cluster(id=0, label="Wärme", urls=[u, home], hub_url=home, strongest_url=u)],
        graph_nodes=[GraphNode(url=home, x=0.1, y=0.2, link_score=50), GraphNode(url=u, x=0.5, y=0.5)],
        graph_edges=[(0, 1)],
        link_suggestions=[LinkSuggestion(source=home, target=u, anchor="Wärmepumpe", reason="same topic")],
    )
    values: dict[str, Any] = {
        "site": home,
        "settings": settings,
        "checks": checks,
        "pages": [
            page_summary("", url=home, title="Startseite – Müller; Heizung, Bad", score=90.5),
            page_summary("x", url=u, title="Wärmepumpe „Öko“ ß", failed_checks=["author-byline"], score=40.25),
            page_summary("y", url=HOSTILE_HREF, title="<script>alert(1)</script>"),
        ],
        "insights": insights,
        "warnings": [f"robots.txt of {CRAWLED} answered slowly"],
    }
    values.update(fields)
    return base.model_copy(update=values)


# --- 1. production URLs -------------------------------------------------------------------------


def test_map_origin_replaces_the_crawled_origin_only() -> None:
    mapping = origin_map(staged_result())
    assert mapping is not None and (mapping.crawled, mapping.shown) == (CRAWLED, PROD)
    assert map_origin(f"{CRAWLED}/a?b=1#c", mapping) == f"{PROD}/a?b=1#c"
    assert map_origin(CRAWLED, mapping) == PROD
    assert map_origin(f"see {CRAWLED}/a, and ({CRAWLED})", mapping) == f"see {PROD}/a, and ({PROD})"
    assert map_origin("HTTP://127.0.0.1:8123/A", mapping) == f"{PROD}/A"
    for unchanged in (LONGER_HOST, OTHER_PORT, "https://127.0.0.1:8123/", "/relative", ""):
        assert map_origin(unchanged, mapping) == unchanged
    assert map_origin(HOSTILE_HREF, mapping) == f"javascript:alert(1)//{PROD}/x"  # still no http(s) URL
    assert map_origin(f"{CRAWLED}/", None) == f"{CRAWLED}/"
    staging = OriginMap("http://staging.example.de", PROD)  # an origin without a port
    assert map_origin("http://staging.example.de/a and http://staging.example.de", staging) == f"{PROD}/a and {PROD}"
    for unchanged in ("http://staging.example.de:8080/", "http://staging.example.de@evil.example/"):
        assert map_origin(unchanged, staging) == unchanged


@pytest.mark.parametrize(
    ("as_host", "shown"),
    [
        ("https://www.example.de", PROD),
        ("https://www.example.de/some/path/", PROD),
        ("www.example.de", PROD),  # a bare host means https, as the crawl reads it
        ("http://Staging.Example.de:8080", "http://staging.example.de:8080"),
        ("javascript:alert(1)", None),
        ("ftp://www.example.de", None),
        ("https://user@www.example.de", None),
        ("https://www.exa mple.de", None),
        ("", None),
        (None, None),
        (CRAWLED + "/", None),  # the same origin: nothing to map
    ],
)
def test_origin_map_reads_as_host_from_the_settings(as_host: str | None, shown: str | None) -> None:
    mapping = origin_map(staged_result(as_host=as_host))
    assert (mapping.shown if mapping else None) == shown


def test_without_as_host_the_result_is_untouched(tmp_path: Path) -> None:
    result = staged_result(as_host=None)
    assert display_result(result) is result and display_site(result) == f"{CRAWLED}/"
    paths = write_all(result, tmp_path, lang="en")
    assert AuditResult.model_validate_json(paths["json"].read_text(encoding="utf-8")) == result


def test_every_file_shows_the_production_origin(tmp_path: Path) -> None:
    result = staged_result()
    paths = write_all(result, tmp_path, lang="de")
    # the crawled origin appears nowhere a person reads, except the two records of it in results.json
    for name in ("html", "pages_csv", "findings_csv"):
        text = paths[name].read_text(encoding="utf-8-sig")
        assert "127.0.0.1:8123/" not in text.replace(LONGER_HOST, "").replace(OTHER_PORT, ""), name
        assert PROD in text, name
    saved = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert saved["site"] == PROD + "/"
    assert saved["settings"]["url"] == CRAWLED + "/"  # the crawled start URL stays available
    assert saved["settings"]["display_urls"] == {"crawled_origin": CRAWLED, "shown_origin": PROD}
    assert saved["settings"]["crawl"]["as_host"] == PROD
    rest = json.dumps({k: v for k, v in saved.items() if k != "settings"}, ensure_ascii=False)
    assert "127.0.0.1:8123/" not in rest.replace(LONGER_HOST, "").replace(OTHER_PORT, "")
    byline = next(c for c in saved["checks"] if c["id"] == "author-byline")
    assert byline["pages"][0]["url"] == f"{PROD}/ratgeber/wärmepumpe/"
    assert byline["explanation"] == f"No byline on {PROD}/ratgeber/wärmepumpe/ (see {PROD}/impressum/)."
    assert byline["evidence"][0]["excerpt"] == f'<a href="{PROD}/team/">Team</a>'
    assert byline["details"][0]["target"] == PROD + "/"
    assert saved["insights"]["link_suggestions"][0]["target"] == f"{PROD}/ratgeber/wärmepumpe/"
    assert saved["warnings"] == [f"robots.txt of {PROD} answered slowly"]
    assert saved["warning_messages"] == [] or PROD in json.dumps(saved["warning_messages"])
    # readable back, and writing it again changes nothing (the mapping is applied once)
    again = AuditResult.model_validate_json(paths["json"].read_text(encoding="utf-8"))
    assert display_result(again) is again
    second = write_all(again, tmp_path / "again", lang="de")
    assert second["json"].read_text(encoding="utf-8") == paths["json"].read_text(encoding="utf-8")
    assert second["pages_csv"].read_bytes() == paths["pages_csv"].read_bytes()


def test_report_links_point_at_production_and_hostile_urls_stay_text(tmp_path: Path) -> None:
    html = write_all(staged_result(), tmp_path, lang="en")["html"].read_text(encoding="utf-8")
    doc = lxml.html.document_fromstring(html)
    hrefs = [a.get("href") for a in doc.xpath("//a[@href]")]
    external = [h for h in hrefs if not h.startswith("#")]
    assert not [h for h in external if h.startswith(CRAWLED + "/")], external
    on_prod = [h for h in external if h.startswith(PROD + "/")]
    assert len(on_prod) >= 8 and LONGER_HOST in external  # another host stays as it is
    assert not [h for h in hrefs if h.lower().lstrip().startswith(("javascript", "data"))]
    assert f"javascript:alert(1)//{PROD}/x" in doc.text_content()  # shown as text, mapped, not linked
    assert doc.xpath("//header")[0].text_content().count(PROD) >= 1
    drill = json.loads(doc.get_element_by_id("drill-data").text)
    assert f"Quelle: {PROD}/studie/" in json.dumps(drill, ensure_ascii=False)
    assert CRAWLED not in json.dumps(drill)


def test_view_shows_production_urls() -> None:
    view = build_view(staged_result(), lang="en")
    assert view["site"] == {"url": PROD + "/", "href": PROD + "/"}
    rows = view["pages"]["rows"]
    assert [r["href"] for r in rows] == [PROD + "/", f"{PROD}/ratgeber/wärmepumpe/", None]
    assert rows[2]["url"] == f"javascript:alert(1)//{PROD}/x"
    byline = next(c for cat in view["categories"] for c in cat["checks"] if c["id"] == "author-byline")
    assert byline["explanation"].startswith(f"No byline on {PROD}/")
    assert byline["evidence"]["entries"][0]["href"] == f"{PROD}/ratgeber/wärmepumpe/"
    assert [e["href"] for e in byline["affected"]["entries"]][:2] == [f"{PROD}/ratgeber/wärmepumpe/", None]
    cells = byline["details"]["rows"][0]
    assert cells[0]["text"] == "/ratgeber/wärmepumpe/" and cells[0]["href"] == f"{PROD}/ratgeber/wärmepumpe/"
    assert cells[2]["href"] is None and cells[2]["text"] == f"Link to {PROD}/x"  # text column: no link
    insights = view["insights"]
    assert insights["suggestions"][0]["target_href"] == f"{PROD}/ratgeber/wärmepumpe/"
    assert insights["clusters"][0]["hub"]["href"] == PROD + "/"
    assert insights["graph"]["nodes"][0]["label"].startswith(PROD)
    assert view["warnings"] == [f"robots.txt of {PROD} answered slowly"]
    plan = next(i for i in view["plan"] if i["id"] == "author-byline")
    assert plan["pages"][0] == {"url": "/ratgeber/wärmepumpe/", "href": f"{PROD}/ratgeber/wärmepumpe/"}


# --- 2. CSV files for Excel ---------------------------------------------------------------------


def read_csv(path: Path, separator: str) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), path.name  # UTF-8 BOM: Excel detects the encoding
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=separator))


def test_german_report_csvs_use_semicolons_a_bom_and_decimal_commas(tmp_path: Path) -> None:
    result = staged_result()
    paths = write_all(result, tmp_path, lang="de")
    pages = read_csv(paths["pages_csv"], ";")
    assert pages[0] == list(PAGES_COLUMNS)
    assert all(len(row) == len(PAGES_COLUMNS) for row in pages)
    rows = {row[0]: dict(zip(pages[0], row, strict=True)) for row in pages[1:]}
    home, article = rows[PROD + "/"], rows[f"{PROD}/ratgeber/wärmepumpe/"]
    assert home["title"] == "Startseite – Müller; Heizung, Bad"  # umlauts, dash, ";" and "," survive
    assert article["title"] == "Wärmepumpe „Öko“ ß"
    assert home["page_score"] == "90,5" and article["page_score"] == "40,25"  # German Excel reads numbers
    assert home["words"] == "640" and home["status"] == "200"
    findings = read_csv(paths["findings_csv"], ";")
    assert findings[0][:3] == ["check_id", "check_title", "category"]
    byline = [dict(zip(findings[0], r, strict=True)) for r in findings[1:] if r[0] == "author-byline"]
    assert byline[0]["url"] == f"{PROD}/ratgeber/wärmepumpe/" and byline[0]["score"] == "0,0"
    assert byline[0]["check_title"] == Localizer("de").check_field("author-byline", "failure_title", "")


def test_english_report_csvs_use_commas_and_a_bom(tmp_path: Path) -> None:
    paths = write_all(staged_result(), tmp_path, lang="en")
    pages = read_csv(paths["pages_csv"], ",")
    assert pages[0] == list(PAGES_COLUMNS) and all(len(row) == len(PAGES_COLUMNS) for row in pages)
    home = dict(zip(pages[0], pages[1], strict=True))
    assert home["page_score"] == "90.5" and home["title"] == "Startseite – Müller; Heizung, Bad"
    assert read_csv(paths["findings_csv"], ",")[0][0] == "check_id"


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_separator_option_overrides_the_language(tmp_path: Path, separator: str) -> None:
    paths = write_all(staged_result(), tmp_path, lang="de", separator=separator)
    for name in ("pages_csv", "findings_csv"):
        rows = read_csv(paths[name], separator)
        assert len(rows[0]) > 5 and all(len(r) == len(rows[0]) for r in rows), name
    decimal = "," if separator == ";" else "."
    home = read_csv(paths["pages_csv"], separator)[1]
    assert dict(zip(PAGES_COLUMNS, home, strict=True))["page_score"] == f"90{decimal}5"
    assert write_all(staged_result(), tmp_path / "old", lang="de", csv_separator=",")["pages_csv"].read_bytes() == (
        write_all(staged_result(), tmp_path / "new", lang="de", separator=",")["pages_csv"].read_bytes()
    )


def test_bad_separators_are_refused_in_one_line(tmp_path: Path) -> None:
    for bad in ("|", ";;", ""):
        with pytest.raises(ValueError, match="separator") as caught:
            write_all(make_result(), tmp_path, separator=bad)
        assert "\n" not in str(caught.value)
    with pytest.raises(ValueError, match="once"):
        write_all(make_result(), tmp_path, separator=";", csv_separator=",")
    with pytest.raises(ValueError, match="separator"):
        write_pages_csv(make_result(), tmp_path, separator="|")
    with pytest.raises(ValueError, match="separator"):
        write_findings_csv(make_result(), tmp_path, separator="x")
    assert not (tmp_path / "pages.csv").exists()


# --- 3. blockers and the action plan -------------------------------------------------------------


def blocker_message() -> Message:
    all_checks()  # the checks register their English source strings on import
    return Message(id="ai-crawler-access.blocker-agents", params={"agents": "PerplexityBot", "count": 1})


def blocked_result(**blocker_fields: Any) -> AuditResult:
    """make_result plus a failing ai-crawler-access with a blocker and the smallest gain of all."""
    base = make_result()
    ai = check(
        "ai-crawler-access",
        "technical",
        "fail",
        0.99,
        scope="site",
        effort="low",
        affected_urls=[f"https://www.beispiel-handwerk.example/{n}" for n in range(17)],
        blocker=blocker_message(),
        **blocker_fields,
    )
    return base.model_copy(update={"checks": [*base.checks, ai]})


def test_blockers_listed_with_why_in_the_report_language() -> None:
    for lang, why, label in (
        ("en", "robots.txt bars PerplexityBot from the home page", "whole site"),
        ("de", "Die robots.txt sperrt PerplexityBot schon auf der Startseite aus", "ganze Website"),
    ):
        view = build_view(blocked_result(), lang=lang)
        (blocker,) = view["blockers"]
        assert set(blocker) >= {"id", "anchor", "title", "why", "why_lang", "pages_total"}
        assert blocker["id"] == "ai-crawler-access" and blocker["anchor"] == "check-ai-crawler-access"
        assert blocker["why"].startswith(why) and blocker["why_lang"] is None
        # a robots.txt rule covers the site, not the 17 URLs it lists as examples
        assert blocker["pages_total"] == 17 and blocker["site_wide"] and blocker["pages_label"] == label
    assert build_view(make_result())["blockers"] == []


def _noindex_result(failing: int, rated: int) -> AuditResult:
    urls = [f"https://www.beispiel-handwerk.example/{n}" for n in range(rated)]
    outcomes = [
        PageOutcome(url=u, state="fail" if n < failing else "pass", score=0.0 if n < failing else 1.0)
        for n, u in enumerate(urls)
    ]
    base = make_result()
    noindex = check(
        "noindex",
        "technical",
        "fail",
        0.2,
        effort="low",
        pages=outcomes,
        affected_urls=urls[:failing],
        blocker=Message(id="noindex.blocker-most", params={"noindex": failing, "rated": rated}),
    )
    return base.model_copy(update={"checks": [*base.checks, noindex]})


def test_a_page_scoped_blocker_is_site_wide_only_when_every_rated_page_fails() -> None:
    (most,) = build_view(_noindex_result(12, 17), lang="en")["blockers"]
    assert not most["site_wide"] and most["pages_label"] == "12 pages affected"
    (every,) = build_view(_noindex_result(17, 17), lang="de")["blockers"]
    assert every["site_wide"] and every["pages_label"] == "ganze Website"
    html = render_report(_noindex_result(17, 17), lang="en")
    (label,) = lxml.html.document_fromstring(html).find_class("blocker-pages")
    assert label.text_content() == "(whole site)"


def test_the_plan_names_a_site_wide_blockers_reach_not_its_example_urls() -> None:
    for result, whole in ((blocked_result(), True), (_noindex_result(17, 17), True), (_noindex_result(12, 17), False)):
        view = build_view(result, lang="de")
        (item,) = [i for i in view["plan"] if i["blocker"]]
        assert item["site_wide"] is whole
        doc = lxml.html.document_fromstring(render_report(result, lang="de"))
        (row,) = [r for r in doc.cssselect("table.plan tbody tr") if r.cssselect(f"a[href='#{item['anchor']}']")]
        cell = row.cssselect("td.pages-cell")[0].text_content()
        assert cell.strip().startswith("ganze Website") is whole, cell
        assert whole or cell.strip().startswith("12")
    plain = build_view(make_result(), lang="en")["plan"]
    assert not any(i["site_wide"] for i in plain)  # a check that blocks nothing keeps its count


def test_a_blocker_of_another_version_is_shown_in_english_and_marked() -> None:
    unknown = Message(id="ai-crawler-access.blocker-future", text="Blocked by a rule this version does not know.")
    (blocker,) = build_view(_with_blocker(unknown), lang="de")["blockers"]
    assert blocker["why"] == "Blocked by a rule this version does not know." and blocker["why_lang"] == "en"


def _with_blocker(message: Message) -> AuditResult:
    result = blocked_result()
    checks = [c.model_copy(update={"blocker": message}) if c.id == "ai-crawler-access" else c for c in result.checks]
    return result.model_copy(update={"checks": checks})


def test_blockers_come_first_in_the_plan_and_the_levers() -> None:
    view = build_view(blocked_result(), lang="en")
    plan = view["plan"]
    ai = plan[0]
    assert ai["id"] == "ai-crawler-access" and ai["blocker"] is True and ai["rank"] == 1
    assert ai["gain_value"] == min(i["gain_value"] for i in plan)  # the smallest gain, yet first
    assert not any(i["blocker"] for i in plan[1:])
    rest = [i["priority"] for i in plan[1:]]
    assert rest == sorted(rest, reverse=True)
    assert view["levers"][0]["id"] == "ai-crawler-access" and len(view["levers"]) == 3
    assert view["plan_groups"][0]["entries"][0]["id"] == "ai-crawler-access"


@pytest.mark.parametrize(
    ("effort", "pages", "kind"),
    [
        ("low", 0, "quick_win"),
        ("low", MANY_PAGES, "quick_win"),
        ("low", MANY_PAGES + 1, "project"),
        ("medium", 1, "quick_win"),
        ("medium", FEW_PAGES, "quick_win"),
        ("medium", FEW_PAGES + 1, "project"),
        (None, FEW_PAGES, "quick_win"),  # unknown effort counts as medium
        (None, FEW_PAGES + 1, "project"),
        ("high", 1, "project"),
        ("high", 0, "project"),
    ],
)
def test_plan_kind(effort: str | None, pages: int, kind: str) -> None:
    assert plan_kind(effort, pages) == kind


def test_plan_groups_split_quick_wins_and_projects() -> None:
    base = make_result()
    many = [f"https://www.beispiel-handwerk.example/p{n}" for n in range(FEW_PAGES + 5)]
    outcomes = [PageOutcome(url=u, state="fail", score=0.0) for u in many]
    big = check("thin-content", "depth", "fail", 0.2, effort="medium", affected_urls=many, pages=outcomes)
    result = base.model_copy(update={"checks": [big if c.id == "thin-content" else c for c in base.checks]})
    for lang in ("en", "de"):
        view = build_view(result, lang=lang)
        groups = {g["kind"]: g for g in view["plan_groups"]}
        assert [g["kind"] for g in view["plan_groups"]] == ["quick_win", "project"]
        in_plan_order = [i["id"] for kind in ("quick_win", "project") for i in view["plan"] if i["kind"] == kind]
        assert [i["id"] for g in view["plan_groups"] for i in g["entries"]] == in_plan_order
        assert "thin-content" in [i["id"] for i in groups["project"]["entries"]]  # medium effort, 15 pages
        assert all(i["kind"] == "quick_win" for i in groups["quick_win"]["entries"])
        assert all(g["title"] and str(FEW_PAGES) in g["intro"] for g in view["plan_groups"])
        assert {i["kind_label"] for i in view["plan"]} <= {"quick win", "project", "schnell umsetzbar", "Projekt"}
    assert build_view(make_result(checks=[], categories=[]))["plan_groups"] == []


def test_german_plan_and_blockers_have_no_english_words() -> None:
    view = build_view(blocked_result(), lang="de")
    texts = [view["blockers"][0]["why"], view["blockers"][0]["pages_label"]]
    texts += [g["title"] + " " + g["intro"] for g in view["plan_groups"]]
    texts += [i["kind_label"] for i in view["plan"]]
    english = re.compile(r"\b(the|pages?|affected|effort|quick|win|projects?|blocks?|answers?)\b", re.I)
    for text in texts:
        assert not english.search(text), text
    html = render_report(blocked_result(), lang="de")
    assert (
        "robots.txt bars" not in html
        and view["blockers"][0]["why"] in lxml.html.document_fromstring(html).text_content()
    )


def test_new_view_keys_are_documented() -> None:
    import reports.view as view_module

    doc = view_module.__doc__ or ""
    view = build_view(blocked_result(), lang="en")
    assert "``blockers``" in doc and "``plan_groups``" in doc
    keys = set(view["blockers"][0]) | set(view["plan"][0]) | set(view["plan_groups"][0])
    for key in keys:
        assert f'"{key}"' in doc, key


def test_mapping_through_json_escapes_matches_mapping_each_string() -> None:
    """display_result maps the result's JSON text: escaped characters around an origin (newline,
    quote, backslash, tab, U+2028) give what mapping the decoded string gives."""
    tricky = f'a\n{CRAWLED}/x "{CRAWLED}"\t{CRAWLED}\\ {CRAWLED}\u2028 \x01{CRAWLED}/y {CRAWLED}\n'
    result = staged_result(warnings=[tricky, LONGER_HOST + " " + OTHER_PORT])
    shown = display_result(result)
    mapping = origin_map(result)
    assert shown.warnings == [map_origin(tricky, mapping), LONGER_HOST + " " + OTHER_PORT]
    assert shown.warnings[0].count(PROD) == 6 and CRAWLED not in shown.warnings[0]
