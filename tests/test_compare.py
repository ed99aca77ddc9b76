"""compare and trends on two audits of a fixture site that changed between them, plus the
finding logic on literal results."""

from __future__ import annotations

import json
import re
import shutil

from auditor.agency.compare import compare_results, delta
from auditor.serve import StaticSite
from scoring.core.results import AuditResult, CategoryResult, CheckResult, PageOutcome, PageSummary
from tests.batch_sites import BATCH_SITES
from tests.conftest import run_cli


def _check(check_id, state, scope="site", pages=()):
    return CheckResult(
        id=check_id,
        title=check_id,
        failure_title=f"{check_id} fails",
        description="",
        category="c",
        scope=scope,
        state=state,
        score=1.0 if state == "pass" else 0.0,
        weight=1,
        pages=[PageOutcome(url=u, state=s) for u, s in pages],
    )


def _result(score, checks, urls, cat_score):
    return AuditResult(
        site="https://a.example/",
        site_score=score,
        checks=checks,
        pages=[PageSummary(url=u, status=200, depth=0, words=1) for u in urls],
        categories=[CategoryResult(id="c", title="C", description="", weight=1, score=cat_score)],
    )


def test_new_and_fixed_findings_from_literal_results():
    a, b, c = "https://a.example/", "https://a.example/b/", "https://a.example/c/"
    before = _result(
        50,
        [
            _check("impressum", "fail"),
            _check("meta", "fail", "page", [(a, "fail"), (b, "fail")]),
            _check("llms", "pass"),
        ],
        [a, b],
        None,
    )
    after = _result(
        62.5,
        [
            _check("impressum", "pass"),
            _check("meta", "warn", "page", [(a, "pass"), (c, "fail")]),
            _check("llms", "fail"),
            _check("brand-new", "fail"),
        ],
        [a, c],
        70,
    )
    comparison = compare_results(before, after, 1, 2)
    assert comparison.score_delta == 12.5
    assert comparison.categories == [{"id": "c", "title": "C", "before": None, "after": 70, "delta": None}]
    assert [(f.check, f.url) for f in comparison.new_findings] == [("llms", ""), ("meta", c)]  # not brand-new
    # (meta, b) is not "fixed": page b is gone
    assert [(f.check, f.url) for f in comparison.fixed_findings] == [("impressum", ""), ("meta", a)]
    assert (comparison.pages_added, comparison.pages_removed) == ([c], [b])
    assert delta(None, 3) is None and delta(70, 64.44) == -5.6


def test_compare_and_trends_on_a_changed_fixture_site(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(BATCH_SITES / "bikes-en", root)
    db, out = tmp_path / "audits.db", tmp_path / "out"
    with StaticSite(root) as site:
        url = site.origin + "/"
        first = run_cli("audit", url, "--db", str(db), "--out", str(out), "--delay", "0", "--json")
        assert first.returncode == 0, first.stderr
        # Between the audits: a new guide, the contact page gone, the home page loses its meta
        # description and the about page gains one.
        index = (root / "index.html").read_text(encoding="utf-8")
        index = re.sub(r'<meta name="description" content="[^"]*">\n', "", index)
        index = index.replace('<a href="/contact/">Contact</a>', '<a href="/guides/tyres/">Tyre pressure</a>')
        (root / "index.html").write_text(index, encoding="utf-8")
        shutil.rmtree(root / "contact")
        (root / "guides" / "tyres").mkdir()
        (root / "guides" / "tyres" / "index.html").write_text(
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tyre pressure – Northside Bikes'
            "</title></head><body><main><h1>Tyre pressure</h1><p>Road tyres want 80 to 100 psi.</p></main>"
            "</body></html>",
            encoding="utf-8",
        )
        about = (root / "about" / "index.html").read_text(encoding="utf-8")
        description = "Who repairs your bike in Leeds: the four mechanics of the Northside Bikes cooperative."
        about = about.replace("<head>", f'<head><meta name="description" content="{description}">')
        (root / "about" / "index.html").write_text(about, encoding="utf-8")
        second = run_cli("audit", url, "--db", str(db), "--out", str(out), "--delay", "0", "--json")
        assert second.returncode == 0, second.stderr
    a, b = json.loads(first.stdout), json.loads(second.stdout)

    run = run_cli("compare", str(a["audit_id"]), str(b["audit_id"]), "--db", str(db), "--json")
    assert run.returncode == 0, run.stderr
    comparison = json.loads(run.stdout)
    assert comparison["score_delta"] == round(b["site_score"] - a["site_score"], 1)
    assert comparison["pages_added"] == [url + "guides/tyres/"]
    assert comparison["pages_removed"] == [url + "contact/"]
    new = {(f["check"], f["url"]) for f in comparison["new_findings"]}
    fixed = {(f["check"], f["url"]) for f in comparison["fixed_findings"]}
    assert ("meta-description", url) in new
    assert ("meta-description", url + "about/") in fixed
    assert not any(u == url + "contact/" for _, u in fixed)  # a removed page is not a fix
    cats = {c["id"]: c for c in comparison["categories"]}
    for cat_id, score in b["categories"].items():
        before = a["categories"][cat_id]
        assert cats[cat_id]["after"] == score
        assert cats[cat_id]["delta"] == (None if score is None or before is None else round(score - before, 1))

    latest = run_cli("compare", "--site", url, "--db", str(db), "--json")
    assert latest.returncode == 0, latest.stderr
    assert json.loads(latest.stdout) == comparison

    text = run_cli("compare", str(a["audit_id"]), str(b["audit_id"]), "--db", str(db))
    assert "New findings" in text.stdout and "+ " + url + "guides/tyres/" in text.stdout

    trend = run_cli("trends", "--site", url, "--db", str(db), "--json")
    assert trend.returncode == 0, trend.stderr
    points = json.loads(trend.stdout)
    assert [p["audit_id"] for p in points] == [a["audit_id"], b["audit_id"]]
    assert [p["site_score"] for p in points] == [a["site_score"], b["site_score"]]
    assert [p["pages"] for p in points] == [a["pages"], b["pages"]]

    missing = run_cli("compare", "--site", "https://never.example/", "--db", str(db))
    assert missing.returncode == 1 and "needs two scored audits" in missing.stderr
    assert run_cli("compare", "999", str(b["audit_id"]), "--db", str(db)).stderr.startswith("error: no audit 999")
