"""Trends in the report (issue 15): when the store holds an earlier scored audit of the site, the
report shows the score and category history as an SVG chart and the findings fixed and new since the
last audit — after `audit`, after `geo-audit report ID` (rereport, up to that audit only) and in the
PDF print layout; nothing without an earlier audit.

End to end on a fixture site of our own that changes between two audits (real loopback server, real
SQLite store, real Chromium), plus the view on literal results in a real store."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import lxml.html
import pytest

import scoring.checks  # noqa: F401  (registers the checks' messages, as the CLI does)
from auditor.agency.compare import report_history
from auditor.serve import StaticSite
from auditor.store import Store
from reports.history import CHART_H, CHART_W, HISTORY_STRINGS, PAD_B, PAD_L, PAD_R, PAD_T, _dates, signed, trend
from reports.pdf import write_pdf
from reports.view import build_view
from reports.writers import render_report
from scoring.core.results import AuditResult, CategoryResult, CheckResult, PageOutcome, PageSummary
from tests.batch_sites import BATCH_SITES
from tests.conftest import run_cli
from tests.test_browser import Loaded, browser  # noqa: F401  (the module's Chromium fixture)
from tests.test_report_pdf import CHROMIUM, Pdf, squash

SITE = "https://www.beispiel.example/"
HOSTILE = SITE + "<script>alert(1)</script>"


def _result(score: float | None, cats: dict[str, float | None], failing: list[str], started: str) -> AuditResult:
    check = CheckResult(
        id="meta-description",
        title="Pages have a meta description",
        failure_title="Pages lack a meta description",
        description="",
        category="technical",
        scope="page",
        state="fail" if failing else "pass",
        score=0.5,
        weight=1,
        pages=[PageOutcome(url=u, state="fail") for u in failing],
    )
    return AuditResult(
        site=SITE,
        started=started,
        finished=started,
        site_score=score,
        checks=[check],
        pages=[
            PageSummary(url=SITE + p, status=200, depth=1, words=100)
            for p in ("", "a/", "b/", "<script>alert(1)</script>")
        ],
        categories=[
            CategoryResult(id=cid, title=cid.title(), description="", weight=1, score=value)
            for cid, value in cats.items()
        ],
    )


def _store_audits(db: Path, results: list[AuditResult]) -> list[int]:
    ids = []
    with Store(db) as store:
        for result in results:
            audit_id = store.create_audit(SITE, {"url": SITE})
            store.save_result(audit_id, result)
            store.mark(audit_id, "complete")
            ids.append(audit_id)
    return ids


def test_history_from_the_store_up_to_the_audit_shown(tmp_path: Path) -> None:
    results = [
        _result(50.0, {"technical": 40.0, "depth": None}, [SITE + "a/", HOSTILE], "2025-03-01T09:00:00+00:00"),
        _result(60.0, {"technical": 55.0, "depth": None}, [SITE + "b/"], "2025-04-01T09:00:00+00:00"),
        _result(None, {"technical": None, "depth": 70.0}, [SITE + "b/", SITE], "2025-05-01T09:00:00+00:00"),
    ]
    first, second, third = _store_audits(tmp_path / "a.db", results)
    with Store(tmp_path / "a.db") as store:
        assert report_history(store, first, results[0]) is None  # nothing earlier: no trends
        upto_second = report_history(store, second, results[1])
        latest = report_history(store, third, results[2])
    assert upto_second is not None and latest is not None
    assert [p["audit_id"] for p in upto_second["points"]] == [first, second]  # never a later audit
    assert [p["audit_id"] for p in latest["points"]] == [first, second, third]
    assert [p["site_score"] for p in latest["points"]] == [50.0, 60.0, None]
    previous = upto_second["previous"]
    assert previous["audit_id"] == first and previous["score_delta"] == 10.0
    assert previous["fixed"] == [{"check": "meta-description", "count": 2, "urls": [HOSTILE, SITE + "a/"]}]
    assert previous["new"] == [{"check": "meta-description", "count": 1, "urls": [SITE + "b/"]}]
    assert latest["previous"]["score_delta"] is None  # not measured is no change, never 0

    view = build_view(results[2], lang="en", history=latest)["history"]
    assert view["score"] == {"before": "60", "after": "—", "delta": "—", "trend": "none"}
    site_line, *cat_lines = view["chart"]["series"]

    def y(score: float) -> str:  # 100 at the top of the plot, 0 at its bottom
        return f"{PAD_T + (100 - score) / 100 * (CHART_H - PAD_T - PAD_B):.1f}"

    middle = f"{PAD_L + (CHART_W - PAD_L - PAD_R) / 2:.1f}"
    assert site_line["site"] and len(site_line["dots"]) == 2  # the third audit: not measured, a gap
    assert site_line["lines"] == [f"{PAD_L:.1f},{y(50)} {middle},{y(60)}"]
    assert site_line["dots"][0]["title"] == "Site score, 1 March 2025: 50"
    assert [s["id"] for s in cat_lines] == ["technical", "depth"]
    assert len(cat_lines[1]["dots"]) == 1 and cat_lines[1]["lines"] == []  # one point: a dot, no line
    assert [r["cells"][0] for r in view["table"]["rows"]] == ["50", "60", "—"]
    assert view["table"]["rows"][-1]["current"]
    assert [c["delta"] for c in view["categories"]] == ["—", "—"]  # technical lost, depth new: no delta
    assert view["new"]["entries"][0]["pages"][0]["url"] == "/"

    de = build_view(results[1], lang="de", history=upto_second)["history"]
    assert de["title"] == HISTORY_STRINGS["de"]["title"] and de["score"]["delta"] == "+10"
    assert de["fixed"]["count"] == "2" and de["fixed"]["entries"][0]["count"] == "2 Seiten"
    html = render_report(results[1], lang="de", history=upto_second)
    doc = lxml.html.document_fromstring(html)
    assert "<script>alert(1)" not in html
    (section,) = doc.cssselect("section#history")
    assert "/<script>alert(1)</script>" in section.text_content()  # hostile URL text stays text
    assert build_view(results[0], history=None)["history"] is None
    assert not lxml.html.document_fromstring(render_report(results[0])).cssselect("#history")


def test_change_wording() -> None:
    assert [trend(d) for d in (None, 0.2, -0.3, 4.0, -2.5)] == ["none", "flat", "flat", "up", "down"]
    assert [signed(d, "de") for d in (None, 0.0, 4.25, -12.5)] == ["—", "±0", "+4,2", "−12,5"]
    same_day = ["2025-05-01T09:00:00+00:00", "2025-05-01T11:30:00+00:00"]
    assert _dates(same_day, [1, 2], "de") == ["1. Mai 2025, 09:00", "1. Mai 2025, 11:30"]  # never alike
    assert _dates(["2025-04-01T09:00:00+00:00", None], [1, 2], "en") == ["1 April 2025", "#2"]
    assert set(HISTORY_STRINGS["de"]) == set(HISTORY_STRINGS["en"])
    assert all(HISTORY_STRINGS[lang][k] for lang in HISTORY_STRINGS for k in HISTORY_STRINGS[lang])


# --- end to end: audit, change, audit again, report, rereport, PDF ---------------------------------


def _change_bikes(root: Path) -> None:
    """New: the home page loses its meta description. Fixed: the about page gains one."""
    index = (root / "index.html").read_text(encoding="utf-8")
    (root / "index.html").write_text(re.sub(r'<meta name="description" content="[^"]*">\n?', "", index), "utf-8")
    about = (root / "about" / "index.html").read_text(encoding="utf-8")
    description = "Who repairs your bike in Leeds: the four mechanics of the Northside Bikes cooperative."
    about = about.replace("<head>", f'<head><meta name="description" content="{description}">')
    (root / "about" / "index.html").write_text(about, encoding="utf-8")


def audit_twice(base: Path) -> dict[str, Any]:
    """bikes-en audited, changed (`_change_bikes`), audited again into one store; then `report` of
    the first audit and a German `report` of the second. Also used for docs/screenshots."""
    root, db = base / "site", base / "audits.db"
    shutil.copytree(BATCH_SITES / "bikes-en", root)
    with StaticSite(root) as site:
        url = site.origin + "/"
        first = run_cli("audit", url, "--db", str(db), "--out", str(base / "first"), "--delay", "0", "--json")
        assert first.returncode == 0, first.stderr
        _change_bikes(root)
        second = run_cli("audit", url, "--db", str(db), "--out", str(base / "second"), "--delay", "0", "--json")
        assert second.returncode == 0, second.stderr
    a, b = json.loads(first.stdout), json.loads(second.stdout)
    again = run_cli("report", str(a["audit_id"]), "--db", str(db), "--out", str(base / "first-again"))
    assert again.returncode == 0, again.stderr
    de = run_cli("report", str(b["audit_id"]), "--db", str(db), "--out", str(base / "de"), "--lang", "de")
    assert de.returncode == 0, de.stderr
    return {"base": base, "url": url, "a": a, "b": b}


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return audit_twice(tmp_path_factory.mktemp("history"))


def _section(path: Path) -> Any:
    found = lxml.html.document_fromstring(path.read_text(encoding="utf-8")).cssselect("section#history")
    return found[0] if found else None


def test_second_audit_shows_the_change_and_a_rereport_of_the_first_does_not(audited: dict[str, Any]) -> None:
    base, url, a, b = audited["base"], audited["url"], audited["a"], audited["b"]
    assert _section(base / "first" / "report.html") is None
    assert _section(base / "first-again" / "report.html") is None  # the later audit is not its history
    section = _section(base / "second" / "report.html")
    assert section is not None
    text = " ".join(section.text_content().split())
    assert "Development since the last audit" in text
    assert len(section.cssselect("table.history tbody tr")) == 2
    fixed = " ".join(section.cssselect(".history-list.fixed")[0].text_content().split())
    new = " ".join(section.cssselect(".history-list.new")[0].text_content().split())
    assert "meta description" in fixed.lower() and "/about/" in fixed
    assert "meta description" in new.lower() and re.search(r"\(1 page\)\s*/(\s|$)", new + " ")
    delta = round(b["site_score"] - a["site_score"], 1)
    assert f"{a['site_score']:.0f}" in text or f"{a['site_score']:.1f}".rstrip("0").rstrip(".") in text
    assert ("±0" if abs(delta) < 0.05 else f"{abs(delta):g}") in text
    german = " ".join(_section(base / "de" / "report.html").text_content().split())
    assert "Entwicklung seit dem letzten Audit" in german and "Seit dem letzten Audit behoben" in german
    for lang_path in (base / "second" / "report.html", base / "de" / "report.html"):
        assert url not in _section(lang_path).text_content()  # the site's own URLs as paths


@pytest.mark.parametrize("width", [1440, 390])
def test_history_renders_in_chromium_without_errors_or_overflow(
    audited: dict[str, Any],
    browser,  # noqa: F811
    width: int,
) -> None:
    loaded = Loaded(browser, audited["base"] / "second" / "report.html", width=width)
    try:
        page = loaded.page
        assert loaded.problems() == []
        assert page.locator("#history svg polyline").count() >= 1
        assert page.locator("#history .series-site circle").count() == 2
        box = page.locator("#history svg").first.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 60
        overflow = page.evaluate(
            "() => [...document.querySelectorAll('#history *')].filter(e => e.getBoundingClientRect().right"
            " > document.documentElement.clientWidth + 1 && !e.closest('.table-wrap')).length"
        )
        assert overflow == 0
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.locator("nav.toc a[href='#history']").count() == 1
    finally:
        loaded.close()


def test_history_is_in_the_pdf(audited: dict[str, Any]) -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: run tests/setup-system.sh")
    html = audited["base"] / "second" / "report.html"
    pdf = Pdf(write_pdf(html, audited["base"] / "second" / "report.pdf", chromium=CHROMIUM).read_bytes())
    text = squash(pdf.text())
    assert squash("Development since the last audit") in text
    assert squash("Fixed since the last audit") in text and squash("New since the last audit") in text
    assert squash("this audit") in text
