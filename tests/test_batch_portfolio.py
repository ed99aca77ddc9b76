"""The portfolio page and CSV: every client, hostile names escaped, sortable, no external resources."""

from __future__ import annotations

import csv
import re

import pytest

from reports.portfolio import Changes, Issue, PortfolioRow, biggest_open_issue, render_portfolio, write_portfolio
from scoring.core.results import AuditResult, CategoryResult, CheckResult, PageOutcome

HOSTILE = '<script>alert("x")</script>'


def _check(check_id, state, weight, score, pages=()):
    return CheckResult(
        id=check_id,
        title=check_id,
        failure_title=f"Fix {check_id}",
        description="",
        category="c",
        scope="page" if pages else "site",
        state=state,
        weight=weight,
        score=score,
        pages=[PageOutcome(url=u, state="fail") for u in pages],
    )


def test_biggest_open_issue_costs_the_most_points():
    result = AuditResult(
        site="https://a.example/",
        checks=[
            _check("heavy-but-passing", "pass", 9, 1.0),
            _check("light", "fail", 1, 0.0),
            _check("heavy-warn", "warn", 4, 0.5, pages=["https://a.example/x", "https://a.example/y"]),
            _check("preview", "fail", 0, 0.0),
        ],
        categories=[CategoryResult(id="c", title="c", description="", weight=10, score=80.0)],
    )
    # site-score points of each fix: light 100 × 1/14 × 1 = 7.14, heavy-warn 100 × 4/14 × 0.5 = 14.29
    assert biggest_open_issue(result) == Issue("heavy-warn", "Fix heavy-warn", 2, 14.29)
    assert biggest_open_issue(AuditResult(site="https://a.example/")) is None


def test_portfolio_page_and_csv(tmp_path):
    rows = [
        PortfolioRow(
            client=HOSTILE,
            url="https://a.example/",
            status="done",
            score=71.5,
            previous_score=64.0,
            categories={"evidence": 50.0, "links": None},
            biggest_issue=Issue("statistics", "Statistics " + HOSTILE, 3, 2.5),
            report="a/report.html",
            changes=Changes(new_findings=2, fixed_findings=5, pages_added=1, pages_removed=0),
        ),
        PortfolioRow(
            client='=HYPERLINK("http://evil")',
            url="https://b.example/",
            status="error",
            error="time limit of 4 s exceeded",
        ),
        PortfolioRow(
            client="Neu GmbH",
            url="https://c.example/",
            status="done",
            score=40.0,
            categories={"evidence": 20.0, "links": 60.0},
            report="c/report.html",
        ),
    ]
    categories = {"evidence": "Evidence", "links": "Internal links"}
    html = render_portfolio(
        rows,
        title="Portfolio",
        categories=categories,
        branding={"agency": "Agentur <b>Nord</b>", "colour": "red;}</style><script>", "footer": "Vertraulich"},
    )
    assert HOSTILE not in html and "&lt;script&gt;alert" in html
    assert "Agentur &lt;b&gt;Nord&lt;/b&gt;" in html
    assert "--brand: #1f4e79" in html  # a colour that is no hex colour never reaches the style sheet
    assert "+7.5" in html and ">new<" in html  # change since the last audit; a first audit is "new"
    assert html.count('class="muted changes"') == 1 and "2 new · 5 fixed · pages +1 −0" in html
    assert "time limit of 4 s exceeded" in html and 'href="a/report.html"' in html
    assert 'data-v="71.5"' in html and "aria-sort" in html  # sortable by value
    # self-contained: nothing is loaded from elsewhere
    assert not re.search(r'(src|href)="(https?:)?//', html) and "@import" not in html

    files = write_portfolio(rows, tmp_path, title="Portfolio", categories=categories)
    assert files["html"].read_text(encoding="utf-8").startswith("<!doctype html>")
    with open(files["csv"], newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert [r["client"] for r in table] == [HOSTILE, '\'=HYPERLINK("http://evil")', "Neu GmbH"]
    assert table[0]["change"] == "7.5" and table[0]["category_links"] == "" and table[0]["category_evidence"] == "50.0"
    assert table[0]["biggest_issue_check"] == "statistics"
    assert [table[0][k] for k in ("new_findings", "fixed_findings", "pages_added", "pages_removed")] == [
        "2",
        "5",
        "1",
        "0",
    ]
    assert table[2]["new_findings"] == ""  # a first audit: nothing to compare with
    assert table[1]["status"] == "error" and table[1]["score"] == ""


def test_portfolio_sorts_in_a_real_browser(tmp_path):
    """Clicking a header sorts by that column (numbers as numbers, not measured last), with no
    console errors and no request but the file itself (Debian's Chromium, as tests/test_browser.py)."""
    import os
    from pathlib import Path

    sync_playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").sync_playwright

    chromium = os.environ.get("GEO_AUDIT_CHROMIUM", "/usr/bin/chromium")
    assert Path(chromium).exists(), f"{chromium} missing: run tests/setup-system.sh"
    rows = [
        PortfolioRow(
            client=name,
            url=f"https://{name}.example/",
            status="done" if score is not None else "error",
            score=score,
            categories={"evidence": score},
        )
        for name, score in (("beta", 9.5), ("alpha", 71.0), ("gamma", None), ("delta", 100.0))
    ]
    files = write_portfolio(rows, tmp_path, title="Portfolio", categories={"evidence": "Evidence"})
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        errors, requests = [], []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: requests.append(r.url))
        page.goto(files["html"].resolve().as_uri())

        def clients() -> list[str]:
            return page.eval_on_selector_all(
                "#portfolio tbody tr td:first-child strong", "els => els.map(e => e.textContent)"
            )

        assert clients() == ["beta", "alpha", "gamma", "delta"]
        page.click("#portfolio th:nth-child(2)")  # Score, ascending: 9.5 before 71 (numeric), gamma last
        assert clients() == ["beta", "alpha", "delta", "gamma"]
        page.click("#portfolio th:nth-child(2)")  # descending; not measured still last
        assert clients() == ["delta", "alpha", "beta", "gamma"]
        page.click("#portfolio th:nth-child(1)")  # Client, alphabetical
        assert clients() == ["alpha", "beta", "delta", "gamma"]
        browser.close()
    assert errors == [] and requests == [files["html"].resolve().as_uri()]
