"""The report's action plan, pictures, AI-agent matrix, briefs, drill-down data, branding and
findings.csv — built from literal results (insights and briefs filled in by hand), hostile strings
everywhere crawled text can reach. `rich_result` and `big_result` are shared with the browser tests.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from reports.sections import check_gains
from reports.view import STRINGS, build_view
from reports.writers import csp, json_for_script, load_branding, render_report, write_all, write_findings_csv
from scoring.core.results import (
    ArticleBrief,
    AuditResult,
    CategoryResult,
    CheckResult,
    Cluster,
    Coverage,
    Evidence,
    GraphNode,
    LinkSuggestion,
    OutlineItem,
    PageOutcome,
    PageSummary,
    SiteInsights,
)
from tests.test_report import CATEGORIES, ROOT, check, make_result

# Payloads that must stay text: markup, event handlers, javascript: URLs, </script> inside JSON.
XSS_TITLE = "<script>window.__xss='title'</script>"
XSS_ATTR = '"><img src=x onerror="window.__xss=\'attr\'">'
XSS_URL = "javascript:window.__xss='url'"
XSS_JSON = "</script><script>window.__xss='json'</script>"
XSS_SVG = "<svg onload=\"window.__xss='svg'\"></svg>"
PAYLOADS = (XSS_TITLE, XSS_ATTR, XSS_URL, XSS_JSON, XSS_SVG)

AGENTS = [
    ("GPTBot", "OpenAI", "training", False, True),
    ("OAI-SearchBot", "OpenAI", "search", True, True),
    ("ChatGPT-User", "OpenAI", "user", True, True),
    ("PerplexityBot", "Perplexity", "search", "partly", True),
    ("ClaudeBot", "Anthropic", "training", True, True),
    ("Claude-User", "Anthropic", "user", False, True),
    ("ObscureBot", XSS_TITLE, "search", True, False),
]


def ai_check() -> CheckResult:
    rows = [
        {
            "token": tok,
            "operator": op,
            "class": cls,
            "allowed": allowed,
            "impact": "scored",
            "home_allowed": allowed is True,
            "pages_blocked": "0 of 3",
            "rule": f"line 2: Disallow: / {XSS_JSON}",
            "group": "User-agent: *",
            "main": main,
        }
        for tok, op, cls, allowed, main in AGENTS
    ]
    return check(
        "ai-crawler-access",
        "technical",
        "fail",
        0.7,
        scope="site",
        details=rows,
        explanation="Claude-User is blocked.",
        effort="low",
        evidence=[Evidence(url=ROOT + "robots.txt", element="robots.txt line 2", excerpt="Disallow: /")],
    )


def page_outcomes(urls: list[str]) -> list[PageOutcome]:
    return [
        PageOutcome(
            url=u,
            state="fail" if n % 2 else "pass",
            score=0.0 if n % 2 else 1.0,
            reason=f"Only {100 + n} words. {XSS_ATTR}" if n % 2 else "",
            evidence=[Evidence(url=u, element="main text", excerpt=XSS_TITLE, note=XSS_JSON)] if n % 2 else [],
        )
        for n, u in enumerate(urls)
    ]


def insights(urls: list[str]) -> SiteInsights:
    n = len(urls)
    nodes = [
        GraphNode(
            url=u,
            cluster=i % 3,
            link_score=100.0 * (i % 10) / 9,
            words=300 + i,
            click_depth=i % 5,
            starved=i % 7 == 3,
            x=(i * 0.618) % 1,
            y=(i * 0.382) % 1,
        )
        for i, u in enumerate(urls)
    ]
    edges = [(i, (i * 7 + 1) % n) for i in range(n)] + [(i, 0) for i in range(1, n)]
    return SiteInsights(
        clusters=[
            Cluster(
                id=0,
                label="Wärmepumpe",
                urls=urls[::3],
                pages=len(urls[::3]),
                median_words=850,
                depth_score=78.0,
                hub_url=urls[0],
                strongest_url=urls[-1],
            ),
            Cluster(
                id=1,
                label=XSS_TITLE,
                urls=urls[1::3],
                pages=len(urls[1::3]),
                median_words=320,
                depth_score=31.5,
                hub_url=XSS_URL,
            ),
            Cluster(
                id=2, label="Photovoltaik", urls=urls[2::3], pages=len(urls[2::3]), median_words=540, depth_score=None
            ),
        ],
        focus_score=64.0,
        graph_nodes=nodes,
        graph_edges=edges,
        click_depth_histogram={"0": 1, "1": 6, "2": 14, "3": 9, "4": 3, "10+": 1, "unreachable": 2},
        link_suggestions=[
            LinkSuggestion(source=urls[0], target=urls[1], anchor=XSS_ATTR, reason="same cluster"),
            LinkSuggestion(source=XSS_URL, target=urls[2], anchor="Wärmepumpe Kosten", reason=XSS_TITLE),
        ],
        embedding_model="test-model",
    )


def brief() -> ArticleBrief:
    return ArticleBrief(
        working_title=f"Wärmepumpe im Altbau {XSS_TITLE}",
        angle=f"What owners of old houses ask first {XSS_ATTR}",
        questions=["Does it work without underfloor heating?", XSS_JSON],
        outline=[OutlineItem(level=2, text="Costs"), OutlineItem(level=3, text=XSS_SVG)],
        evidence_tasks=["Collect three customer projects with consumption data."],
        internal_links=[LinkSuggestion(source=ROOT + "a", target=ROOT + "b", anchor="Förderung")],
        merge_or_expand=[XSS_URL, ROOT + "c"],
        effort="2 days",
        language="de",
        cluster_id=0,
        target_urls=[ROOT + "blog/heizung-tauschen"],
        source="llm",
        model="qwen-test",
        topic=f"Wärmepumpe {XSS_TITLE}",
        experts=["Anna Albrecht", XSS_ATTR],
        opportunity=0.614,
    )


def rich_result(**fields: Any) -> AuditResult:
    base = make_result()
    urls = [ROOT + f"blog/artikel-{i}" for i in range(30)]
    checks = [c for c in base.checks if c.id != "author-byline"]
    byline = base.check("author-byline").model_copy(
        update={"pages": page_outcomes([p.url for p in base.pages]), "effort": "medium"}
    )
    checks += [byline, ai_check()]
    categories = [
        c.model_copy(update={"check_ids": [x.id for x in checks if x.category == c.id]}) for c in base.categories
    ]
    pages = list(base.pages) + [
        PageSummary(
            url=u,
            status=200,
            depth=i % 5,
            words=300 + 17 * i,
            title=f"Artikel {i}",
            score=float(i * 3 % 100),
            failed_checks=["author-byline"] if i % 2 else [],
        )
        for i, u in enumerate(urls)
    ]
    pages[1] = pages[1].model_copy(update={"title": XSS_TITLE + XSS_ATTR})
    values: dict[str, Any] = {
        "checks": checks,
        "categories": categories,
        "pages": pages,
        "insights": insights([p.url for p in pages]),
        "briefs": [brief()],
    }
    values.update(fields)
    return base.model_copy(update=values)


def big_result(n_pages: int = 3000) -> AuditResult:
    """A literal n-page audit: every page in the table, drill-down data, graph and matrix."""
    urls = [ROOT + f"kategorie-{i % 40}/seite-{i}" for i in range(n_pages)]
    checks = []
    for k, (cid, cat) in enumerate([(f"page-check-{j}", list(CATEGORIES)[j % 5]) for j in range(20)]):
        outcomes = [
            PageOutcome(
                url=u,
                state="fail" if (i + k) % 4 == 0 else "pass",
                score=0.0 if (i + k) % 4 == 0 else 1.0,
                reason="Missing something on this page." if (i + k) % 4 == 0 else "",
                evidence=[Evidence(url=u, element="h1", excerpt=f"H1 {i}")] if (i + k) % 4 == 0 else [],
            )
            for i, u in enumerate(urls)
        ]
        failing = [o.url for o in outcomes if o.state == "fail"]
        checks.append(
            check(
                cid,
                cat,
                "warn",
                0.75,
                pages=outcomes,
                affected_urls=failing,
                details=[{"url": u, "state": "fail"} for u in failing],
            )
        )
    checks.append(ai_check())
    categories = [
        CategoryResult(
            id=cid,
            title=title,
            description="",
            weight=20,
            score=75.0,
            check_ids=[c.id for c in checks if c.category == cid],
        )
        for cid, title in CATEGORIES.items()
    ]
    pages = [
        PageSummary(
            url=u,
            status=200,
            depth=i % 6,
            words=200 + i % 1500,
            title=f"Seite {i} – Thema {i % 40}",
            score=float(i % 101),
            failed_checks=[c.id for c in checks[:20] if (i + checks.index(c)) % 4 == 0],
        )
        for i, u in enumerate(urls)
    ]
    return AuditResult(
        site=ROOT,
        started="2025-05-01T09:00:00+00:00",
        finished="2025-05-01T10:00:00+00:00",
        language="de",
        checks=checks,
        categories=categories,
        site_score=75.0,
        coverage=Coverage(urls_crawled=n_pages, html_pages=n_pages),
        pages=pages,
        insights=insights(urls),
        briefs=[brief()],
    )


def parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


@pytest.fixture(scope="module")
def rich_html() -> str:
    return render_report(rich_result())


# --- action plan --------------------------------------------------------------------------------


def test_gains_follow_the_weights() -> None:
    result = rich_result()
    gains = check_gains(result)
    # near-duplicates: depth has one measured check (weight 2, score 0.5); four categories of 20 count
    measured = [c for c in result.categories if c.score is not None]
    assert gains["near-duplicates"] == pytest.approx(100 * (1 / len(measured)) * 1 * 0.5)
    assert "statistics" not in gains  # not measured: no gain, never a made-up number
    assert all(g >= 0 for g in gains.values())


def test_plan_ranks_by_gain_over_effort_and_lists_todo() -> None:
    view = build_view(rich_result(), lang="en")
    plan = view["plan"]
    ids = [i["id"] for i in plan]
    assert set(ids) == {c.id for c in rich_result().checks if c.state in ("fail", "warn")}
    priorities = [i["priority"] for i in plan]
    assert priorities == sorted(priorities, reverse=True)
    byline = next(i for i in plan if i["id"] == "author-byline")
    assert byline["effort"] == "medium" and byline["todo"].startswith("Show the author")
    assert byline["pages_total"] == 1
    assert len(view["levers"]) == 3
    gains = [lv["gain_value"] for lv in view["levers"]]
    assert gains == sorted(gains, reverse=True)


def test_plan_in_german(rich_html: str) -> None:
    view = build_view(rich_result(), lang="de")
    assert any(i["todo"].startswith("Auf jedem Artikel") for i in view["plan"])
    assert view["categories"][0]["title"] == "Expertise & Vertrauen"
    assert view["levers"][0]["gain"].endswith("Punkte")


def test_plan_and_levers_rendered(rich_html: str) -> None:
    doc = parse(rich_html)
    rows = doc.xpath("//section[@id='plan']//tbody/tr")
    assert len(rows) == len(build_view(rich_result())["plan"])
    assert doc.xpath("//ol[@class='levers']/li")
    for a in doc.xpath("//section[@id='plan']//a[starts-with(@href,'#')]"):
        assert doc.xpath(f"//*[@id='{a.get('href')[1:]}']")


# --- pictures -----------------------------------------------------------------------------------


def test_graph_histogram_and_clusters_rendered(rich_html: str) -> None:
    doc = parse(rich_html)
    circles = doc.xpath("//svg[contains(@class,'graph')]//circle")
    result = rich_result()
    assert len(circles) == len(result.insights.graph_nodes)
    assert len(doc.xpath("//svg[contains(@class,'graph')]//circle[contains(@class,'starved')]")) == sum(
        n.starved for n in result.insights.graph_nodes
    )
    assert len(doc.xpath("//svg[contains(@class,'graph')]//line")) == len(result.insights.graph_edges)
    radii = [float(c.get("r")) for c in circles]
    assert min(radii) == 3.0 and max(radii) == 12.0  # size by link score
    bars = doc.xpath("//svg[contains(@class,'hist')]/rect")
    assert len(bars) == 7
    assert len(doc.xpath("//div[@id='fig-clusters']//tbody/tr")) == 3
    assert "not measured" in doc.xpath("string(//div[@id='fig-clusters']//tbody/tr[3])")


def test_graph_is_capped_for_huge_sites() -> None:
    from reports import sections

    big = big_result(sections.MAX_GRAPH_NODES + 200)
    graph = build_view(big)["insights"]["graph"]
    assert len(graph["nodes"]) == sections.MAX_GRAPH_NODES
    assert graph["capped_label"]
    starved = sum(n.starved for n in big.insights.graph_nodes)
    assert sum(n["starved"] for n in graph["nodes"]) == starved  # starved pages always kept


def test_absent_insights_and_briefs_say_not_measured() -> None:
    html = render_report(make_result())
    doc = parse(html)
    for fig in ("fig-clusters", "fig-graph", "fig-depth", "fig-suggestions"):
        assert "not measured" in doc.xpath(f"string(//div[@id='{fig}'])").lower(), fig
    assert "not measured" in doc.xpath("string(//section[@id='briefs'])").lower()
    assert "not measured" in doc.xpath("string(//section[@id='ai-access'])").lower()
    assert not doc.xpath("//svg[contains(@class,'graph')]")


# --- AI matrix, briefs ----------------------------------------------------------------------------


def test_ai_matrix_from_check_details(rich_html: str) -> None:
    doc = parse(rich_html)
    rows = doc.xpath("//section[@id='ai-access']//table[1]/tbody/tr")
    tokens = [r.xpath("string(th)") for r in rows]
    assert "Claude-User" in tokens and "GPTBot" in tokens
    claude = rows[tokens.index("Claude-User")]
    cells = claude.xpath("td[contains(@class,'cell')]")
    assert [c.text_content().strip() for c in cells] == ["–", "✗ blocked", "–"]  # search, user, training
    perplexity = rows[tokens.index("PerplexityBot")]
    assert "partly" in perplexity.text_content()
    assert "ObscureBot" in doc.xpath("string(//details[contains(@class,'more-agents')])")
    heads = doc.xpath("//section[@id='ai-access']//thead//th")
    assert "2 of 3 allowed" in " ".join(h.text_content() for h in heads)  # search: Perplexity only partly


def test_briefs_rendered(rich_html: str) -> None:
    doc = parse(rich_html)
    brief_el = doc.xpath("//article[@class='brief']")[0]
    text = brief_el.text_content()
    assert XSS_TITLE in text and "qwen-test" in text and "Collect three customer projects" in text
    # the cluster's topic, its opportunity (0-100) and the site's people to quote, escaped
    assert "Topic: Wärmepumpe" in text and "Opportunity: 61/100" in text
    assert "Experts to quote: Anna Albrecht, " + XSS_ATTR in text
    # sub-items nest under their heading: the numbers count level-2 items only (1, 2, 3 — not 1, 2, ◦, 4)
    outline = brief_el.xpath(".//ol[@class='outline']")[0]
    tops = outline.xpath("./li")
    level2 = [o for o in rich_result().briefs[0].outline if o.level == 2]
    assert [li.xpath("string(text())").strip() for li in tops] == [o.text for o in level2]
    assert outline.xpath("./li/ul[@class='sub']/li[@class='h3']")
    assert not brief_el.xpath(".//a[starts-with(@href,'javascript')]")


# --- drill-down data, hostile strings, CSP ------------------------------------------------------


def test_drill_data_lists_every_outcome_of_the_page() -> None:
    result = rich_result()
    drill = build_view(result)["drill"]
    assert len(drill["pages"]) == len(result.pages)
    blog_index = [p.url for p in result.pages].index(ROOT + "blog/heizung-tauschen")
    findings = drill["pages"][blog_index]
    ids = [drill["checks"][f[0]][0] for f in findings]
    assert ids == ["author-byline"]
    assert findings[0][1] == "fail" and findings[0][4][0][2] == XSS_TITLE


def test_json_in_script_cannot_close_the_element() -> None:
    text = str(json_for_script({"a": XSS_JSON, "b": "x & y", "c": "\u2028"}))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": XSS_JSON, "b": "x & y", "c": "\u2028"}


def test_payloads_never_become_markup(rich_html: str) -> None:
    doc = parse(rich_html)
    scripts = doc.xpath("//script")
    assert [s.get("type") for s in scripts] == ["application/json", None]
    assert not doc.xpath("//img[not(ancestor::div[@class='brand'])]")
    assert not doc.xpath("//*[@onerror or @onload or @onclick]")
    for a in doc.xpath("//a[@href]"):
        assert a.get("href").startswith(("#", "http://", "https://")), a.get("href")
    for payload in (XSS_TITLE, XSS_ATTR):
        assert payload in doc.text_content()


def test_csp_hash_matches_the_inline_script(rich_html: str) -> None:
    import hashlib

    doc = parse(rich_html)
    policy = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    script = [s for s in doc.xpath("//script") if s.get("type") is None][0].text
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "default-src 'none'" in policy and "img-src data:" in policy
    assert policy == csp(f"'sha256-{digest}'")


# --- branding -----------------------------------------------------------------------------------


def test_branding_logo_colour_footer(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(
        base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
        )
    )
    branding = {"name": "Agentur <b>Nord</b>", "logo": str(logo), "color": "#123abc", "footer": "© Agentur Nord"}
    paths = write_all(make_result(), tmp_path / "out", branding=branding)
    doc = parse(paths["html"].read_text(encoding="utf-8"))
    img = doc.xpath("//div[@class='brand']/img")[0]
    assert img.get("src").startswith("data:image/png;base64,")
    assert "Agentur <b>Nord</b>" in doc.xpath("string(//div[@class='brand'])")
    assert "--accent: #123abc" in doc.xpath("string(//style)")
    assert "© Agentur Nord" in doc.xpath("string(//footer)")


def test_branding_rejects_bad_values(tmp_path: Path) -> None:
    view = build_view(
        make_result(),
        branding={"name": "X", "logo": "javascript:alert(1)", "color": "red;} body{display:none", "footer": ""},
    )
    assert view["branding"] == {"name": "X", "logo": None, "color": None, "footer": None, "contact": None}
    assert build_view(make_result())["branding"] is None
    contact = build_view(make_result(), branding={"contact": f"Jana Berg\n· {XSS_TITLE}\t· +49 40 1"})["branding"]
    assert contact["contact"] == f"Jana Berg · {XSS_TITLE} · +49 40 1"  # one line, text only
    html = render_report(make_result(), branding={"name": "Agentur Nord", "contact": XSS_ATTR})
    assert XSS_ATTR in parse(html).text_content() and "<img" not in html.split("<body", 1)[1]
    with pytest.raises(ValueError, match="PNG"):
        load_branding({"logo": str(tmp_path / "logo.exe")})
    with pytest.raises(ValueError, match="logo"):
        load_branding({"logo": str(tmp_path / "missing.png")})


# --- findings.csv -------------------------------------------------------------------------------


def read_findings(path: Path, sep: str) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel detects UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=sep))


@pytest.mark.parametrize("sep", [",", ";"])
def test_findings_csv(tmp_path: Path, sep: str) -> None:
    result = rich_result()
    path = write_findings_csv(result, tmp_path, separator=sep)
    rows = read_findings(path, sep)
    byline = [r for r in rows if r["check_id"] == "author-byline"]
    assert len(byline) == len(result.check("author-byline").pages)
    failing = [r for r in byline if r["state"] == "fail"]
    assert failing and failing[0]["excerpt"] == XSS_TITLE and failing[0]["effort"] == "medium"
    assert {r["check_id"] for r in rows} == {c.id for c in result.checks}
    formula = [r for r in rows if r["reason"].startswith(("'=", "=", "'+", "+"))]
    assert all(r["reason"].startswith("'") for r in formula)


def test_findings_csv_rejects_odd_separator(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="separator"):
        write_findings_csv(make_result(), tmp_path, separator="|")


def test_write_all_writes_findings(tmp_path: Path) -> None:
    paths = write_all(rich_result(), tmp_path, csv_separator=";")
    assert {p.name for p in tmp_path.iterdir()} == {"report.html", "results.json", "pages.csv", "findings.csv"}
    assert paths["findings_csv"].read_text(encoding="utf-8-sig").startswith("check_id;check_title;")


def test_new_strings_complete() -> None:
    assert set(STRINGS["de"]) == set(STRINGS["en"])
    for lang in ("de", "en"):
        assert all(re.sub(r"\{\w+\}", "", v) for v in STRINGS[lang].values())


def test_category_titles_in_both_languages() -> None:
    from reports.strings import CATEGORY_TITLES_DE

    assert set(CATEGORY_TITLES_DE) == set(CATEGORIES)


def test_summary_names_coverage(rich_html: str) -> None:
    line = parse(rich_html).xpath("string(//p[contains(@class,'coverage-line')])")
    assert "12 URLs crawled" in line and "max_pages" in line and "Checks not measured: 2" in line
