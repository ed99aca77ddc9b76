"""Change since the last audit, end to end: a batch of three fixture client sites (real loopback
servers, real SQLite store) runs twice; between the runs one site improves (a meta description
added, a new guide), loses a page and gains a finding, one site gets worse (its Impressum and its
meta description gone) and one stays as it was. The second portfolio, `compare` and `trends` must
show exactly those changes."""

from __future__ import annotations

import csv
import html
import json
import re
import shutil
from contextlib import ExitStack

from auditor.serve import StaticSite
from tests.batch_sites import BATCH_SITES, client_toml
from tests.conftest import run_cli

TYRES = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tyre pressure – Northside Bikes</title>'
    "</head><body><main><h1>Tyre pressure</h1><p>Road tyres want 80 to 100 psi, mountain bike tyres 25 to 35."
    "</p></main></body></html>"
)
ABOUT_DESCRIPTION = "Who repairs your bike in Leeds: the four mechanics of the Northside Bikes cooperative."


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _drop_meta_description(path):
    text = path.read_text(encoding="utf-8")
    changed = re.sub(r'<meta name="description" content="[^"]*">\n?', "", text)
    assert changed != text
    path.write_text(changed, encoding="utf-8")


def _change_bikes(root):
    """Fixed: the about page gets a meta description. New: the home page loses its own. Added: a
    tyre guide linked from the home page. Removed: the contact page (its links now answer 404)."""
    _edit(root / "about" / "index.html", "<head>", f'<head><meta name="description" content="{ABOUT_DESCRIPTION}">')
    _drop_meta_description(root / "index.html")
    _edit(
        root / "index.html",
        '<p><a href="/guides/chain-care/">',
        '<p><a href="/guides/tyres/">Tyre pressure</a></p>\n<p><a href="/guides/chain-care/">',
    )
    (root / "guides" / "tyres").mkdir()
    (root / "guides" / "tyres" / "index.html").write_text(TYRES, encoding="utf-8")
    shutil.rmtree(root / "contact")


def _worsen_baeckerei(root):
    """The Impressum and every link to it are gone, and the home page loses its meta description."""
    shutil.rmtree(root / "impressum")
    for page in root.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace(' <a href="/impressum/">Impressum</a>', ""), encoding="utf-8")
    _drop_meta_description(root / "index.html")


def _batch(batch_file, db):
    run = run_cli("batch", str(batch_file), "--db", str(db), "--json", timeout=400)
    assert run.returncode == 0, run.stderr[-2000:]
    summary = json.loads(run.stdout)
    assert all(c["status"] == "done" for c in summary["clients"]), summary["clients"]
    return summary, {c["client"]: c for c in summary["clients"]}


def _json(*args):
    run = run_cli(*args)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout)


def _portfolio_csv(folder):
    with open(folder / "portfolio.csv", newline="", encoding="utf-8") as handle:
        return {row["client"]: row for row in csv.DictReader(handle)}


def _change_cells(page):
    """Client -> (text, class) of its "Change" cell (the third column) in portfolio.html."""
    cells = {}
    for row in re.findall(r'<tr class="[^"]*" data-status=.*?</tr>', page, flags=re.S):
        client = html.unescape(re.search(r"<strong>(.*?)</strong>", row).group(1))
        css, content = re.findall(r'<td(?: class="([^"]*)")?[^>]*>(.*?)</td>', row, flags=re.S)[2]
        text = html.unescape(re.sub(r"<[^>]+>", "", content.replace("<br>", " | ")))
        cells[client] = (text, css.split())
    return cells


def test_portfolio_compare_and_trends_show_the_change_since_the_last_audit(tmp_path):
    bikes, baeckerei = tmp_path / "bikes", tmp_path / "baeckerei"
    shutil.copytree(BATCH_SITES / "bikes-en", bikes)
    shutil.copytree(BATCH_SITES / "baeckerei-de", baeckerei)
    db, reports = tmp_path / "audits.db", tmp_path / "berichte"
    with ExitStack() as stack:
        served = {
            "Northside Bikes": stack.enter_context(StaticSite(bikes)),
            "Bäckerei Korn": stack.enter_context(StaticSite(baeckerei)),
            "Garden Journal": stack.enter_context(StaticSite(BATCH_SITES / "garden-en")),  # never changes
        }
        urls = {name: site.origin + "/" for name, site in served.items()}
        toml = '[batch]\nname = "monatlich"\nout = "berichte"\njobs = 2\n[defaults]\nmax_pages = 20\ndelay = 0\n'
        toml += "".join(client_toml(name, url) for name, url in urls.items())
        batch_file = tmp_path / "clients.toml"
        batch_file.write_text(toml, encoding="utf-8")

        first_summary, first = _batch(batch_file, db)
        first_csv = _portfolio_csv(reports)
        for name in urls:  # a first audit: nothing to compare with
            assert first_csv[name]["previous_score"] == first_csv[name]["change"] == ""
            assert first_csv[name]["new_findings"] == ""
        assert all(text == "new" for text, _ in _change_cells((reports / "portfolio.html").read_text()).values())

        _change_bikes(bikes)
        _worsen_baeckerei(baeckerei)
        second_summary, second = _batch(batch_file, db)  # next month: a new run of the batch
    assert second_summary["batch_id"] != first_summary["batch_id"]

    comparisons, trend = {}, {}
    for name, url in urls.items():
        comparisons[name] = _json("compare", "--site", url, "--db", str(db), "--json")
        assert (comparisons[name]["before"], comparisons[name]["after"]) == (
            first[name]["audit_id"],
            second[name]["audit_id"],
        )
        assert comparisons[name] == _json(
            "compare", str(first[name]["audit_id"]), str(second[name]["audit_id"]), "--db", str(db), "--json"
        )
        trend[name] = _json("trends", "--site", url, "--db", str(db), "--json")

    def keys(findings):
        return {(f["check"], f["url"]) for f in findings}

    # Northside Bikes: exactly the edits, nothing else
    bikes_url = urls["Northside Bikes"]
    c = comparisons["Northside Bikes"]
    assert c["pages_added"] == [bikes_url + "guides/tyres/"]
    assert c["pages_removed"] == [bikes_url + "contact/"]
    assert ("meta-description", bikes_url + "about/") in keys(c["fixed_findings"])
    assert ("meta-description", bikes_url) in keys(c["new_findings"])
    assert not any(url == bikes_url + "contact/" for _, url in keys(c["fixed_findings"]))  # gone is not fixed

    # Bäckerei Korn: worse, its Impressum gone
    korn_url = urls["Bäckerei Korn"]
    k = comparisons["Bäckerei Korn"]
    assert k["pages_added"] == [] and k["pages_removed"] == [korn_url + "impressum/"]
    assert ("meta-description", korn_url) in keys(k["new_findings"])
    assert k["score_delta"] < 0, k

    # Garden Journal: the same site audited twice gives the same result
    g = comparisons["Garden Journal"]
    assert g["score_delta"] == 0.0 and all(cat["delta"] in (0.0, None) for cat in g["categories"])
    assert (g["new_findings"], g["fixed_findings"], g["pages_added"], g["pages_removed"]) == ([], [], [], [])

    for name, comparison in comparisons.items():
        before, after = first[name]["site_score"], second[name]["site_score"]
        assert comparison["score_delta"] == round(after - before, 1)
        # trends: both audits, oldest first, with the scores, pages and open findings of each
        points = trend[name]
        assert [p["audit_id"] for p in points] == [first[name]["audit_id"], second[name]["audit_id"]]
        assert [p["site_score"] for p in points] == [before, after]
        assert [p["pages"] for p in points] == [first[name]["pages"], second[name]["pages"]]
        opened = len(comparison["new_findings"]) - len(comparison["fixed_findings"])
        vanished = points[0]["open_findings"] + opened - points[1]["open_findings"]  # on pages now gone
        assert vanished >= 0 and (vanished == 0 or comparison["pages_removed"])
        for category in comparison["categories"]:
            old, new = points[0]["categories"][category["id"]], points[1]["categories"][category["id"]]
            assert (category["before"], category["after"]) == (old, new)

    # the second portfolio: the change since the last audit for every client, in HTML and CSV
    rows = _portfolio_csv(reports)
    cells = _change_cells((reports / "portfolio.html").read_text(encoding="utf-8"))
    for name, comparison in comparisons.items():
        row = rows[name]
        assert float(row["previous_score"]) == first[name]["site_score"]
        assert float(row["score"]) == second[name]["site_score"]
        assert float(row["change"]) == comparison["score_delta"]
        counts = [len(comparison[k]) for k in ("new_findings", "fixed_findings", "pages_added", "pages_removed")]
        assert [int(row[k]) for k in ("new_findings", "fixed_findings", "pages_added", "pages_removed")] == counts
        text, css = cells[name]
        assert text.startswith(f"{comparison['score_delta']:+.1f} | {counts[0]} new · {counts[1]} fixed"), text
        delta = comparison["score_delta"]
        assert ("up" in css, "down" in css) == (delta > 0, delta < 0), (name, css)
    assert "pages +1 −1" in cells["Northside Bikes"][0]
    assert "pages +0 −1" in cells["Bäckerei Korn"][0]
    assert cells["Garden Journal"][0] == "+0.0 | 0 new · 0 fixed"
    assert "down" in cells["Bäckerei Korn"][1]
