"""The portfolio in German and English: interface strings, German check and category titles,
German number style, the majority default, `[batch] lang` and `geo-audit portfolio --lang`.

Rows are literal or stored without a crawl (Store + literal AuditResult), so nothing here is slow.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import lxml.html
import pytest

from auditor.agency.batch_file import BatchError, load_batch
from auditor.agency.portfolio import build_portfolio
from auditor.store import Store, audits
from reports.i18n import catalog
from reports.portfolio import STRINGS, Changes, Issue, PortfolioRow, default_language, render_portfolio
from reports.strings import CATEGORY_TITLES_DE
from scoring.core.results import AuditResult, CategoryResult, CheckResult, PageOutcome
from tests.conftest import run_cli

HOSTILE = '<script>alert("x")</script>'
CATEGORIES = {"evidence": "Evidence", "links": "Internal links"}
STATISTICS_DE = catalog("de").checks["statistics"]["failure_title"]
STATISTICS_EN = "Articles lack numbers with a named source"


def _rows(language: str | None = None) -> list[PortfolioRow]:
    return [
        PortfolioRow(
            client=HOSTILE,
            url="https://a.example/",
            status="done",
            score=71.5,
            previous_score=64.0,
            categories={"evidence": 50.0, "links": None},
            biggest_issue=Issue("statistics", STATISTICS_EN, 1234, 2.5),
            report="a/report.html",
            pages=1234,
            changes=Changes(new_findings=2, fixed_findings=5, pages_added=1, pages_removed=0),
            language=language,
        ),
        PortfolioRow(client="Kaputt AG", url="https://b.example/", status="error", error="time limit of 4 s exceeded"),
        PortfolioRow(client="Später KG", url="https://c.example/", status="interrupted"),
    ]


def _headers(html: str) -> list[str]:
    return [th.text_content() for th in lxml.html.fromstring(html).xpath("//thead//th")]


def _visible(html: str) -> str:
    """Text a reader sees (no script, no style) plus the tooltips."""
    doc = lxml.html.fromstring(html)
    for node in doc.xpath("//script | //style"):
        node.drop_tree()
    return " ".join([doc.text_content(), *doc.xpath("//@title")])


def test_german_portfolio_from_literal_rows() -> None:
    html = render_portfolio(
        _rows(),
        title="Portfolio: Agentur Nord",
        categories=CATEGORIES,
        branding={"agency": "Agentur <b>Nord</b>"},
        lang="de",
    )
    assert '<html lang="de">' in html
    assert _headers(html) == [
        "Kunde",
        "Bewertung",
        "Veränderung",
        CATEGORY_TITLES_DE["evidence"][0],
        CATEGORY_TITLES_DE["links"][0],
        "Größtes offenes Problem",
        "Seiten",
        "Bericht",
    ]
    text = _visible(html)
    assert STATISTICS_DE in text and STATISTICS_EN not in text  # the report's German check title
    assert "(1.234 URLs)" in text and "+7,5" in text  # German number style
    assert "2 neu · 5 behoben · Seiten +1 −0" in text
    assert "seit dem letzten Audit: 2 neue Befunde" in text  # the tooltip too
    assert "Durchschnittliche Bewertung 71,5" in text and "3 Kunden" in text
    assert "Fehler: time limit of 4 s exceeded" in text  # the crawl's message is data: kept as recorded
    assert "unterbrochen" in text
    # hostile names stay text
    assert HOSTILE not in html and "&lt;script&gt;alert" in html
    assert "Agentur &lt;b&gt;Nord&lt;/b&gt;" in html
    # no English interface string left (values that differ between the languages, without placeholders)
    for key, english in STRINGS["en"].items():
        if english == STRINGS["de"][key]:
            continue
        for fragment in re.split(r"\{\w+\}", english):
            fragment = fragment.strip(" ·:")
            if len(fragment) >= 3:
                assert fragment not in text, (key, fragment)


def test_english_portfolio_is_unchanged() -> None:
    html = render_portfolio(_rows(), title="Portfolio: Agentur Nord", categories=CATEGORIES, lang="en")
    assert '<html lang="en">' in html
    assert _headers(html) == [
        "Client",
        "Score",
        "Change",
        "Evidence",
        "Internal links",
        "Biggest open issue",
        "Pages",
        "Report",
    ]
    text = _visible(html)
    assert STATISTICS_EN in text and STATISTICS_DE not in text
    assert "2 new · 5 fixed · pages +1 −0" in text and "+7.5" in text and "(1,234 URLs)" in text
    assert "Average score 71.5" in text and "Error: time limit of 4 s exceeded" in text
    assert "Scores 0–100; “—” means not measured. Click a column to sort." in text


def test_strings_complete_in_both_languages() -> None:
    assert set(STRINGS["de"]) == set(STRINGS["en"])
    for lang in STRINGS:
        for value in STRINGS[lang].values():
            value.format(name="x", n=1, new=1, fixed=1, added=1, removed=1, error="x")  # no unknown placeholder


@pytest.mark.parametrize(
    ("languages", "expected"),
    [
        (["de", "de", "en"], "de"),
        (["de", "en"], "en"),  # a tie is English
        (["de", None, None], "de"),  # unknown languages (no lang, no result) do not vote
        (["de-AT", "en", "de_DE"], "de"),  # site languages come as tags
        (["fr", "de"], "en"),  # a French site is no German one
        ([None, None], "en"),
        ([], "en"),
    ],
)
def test_majority_default(languages: list[str | None], expected: str) -> None:
    rows = [
        PortfolioRow(client=f"c{i}", url=f"https://{i}.example/", status="done", language=lang)
        for i, lang in enumerate(languages)
    ]
    assert default_language(rows) == expected
    html = render_portfolio(rows, title="P", categories={})  # no lang given: the majority decides
    assert f'<html lang="{expected}">' in html


@pytest.mark.parametrize("value", ['"fr"', '"DE"', "1", '""'])
def test_bad_batch_lang_is_a_one_line_error(tmp_path: Path, value: str) -> None:
    path = tmp_path / "clients.toml"
    path.write_text(f'[batch]\nlang = {value}\n[[clients]]\nname = "A"\nurl = "https://a.example/"\n')
    with pytest.raises(BatchError) as info:
        load_batch(path)
    assert "[batch] lang must be de or en" in str(info.value) and "\n" not in str(info.value)


def test_batch_lang_is_read(tmp_path: Path) -> None:
    path = tmp_path / "clients.toml"
    client = '[[clients]]\nname = "A"\nurl = "https://a.example/"\nlang = "en"\n'
    path.write_text('[batch]\nlang = "de"\n' + client)
    batch = load_batch(path)
    assert batch.lang == "de" and batch.clients[0].lang == "en"  # the portfolio's, not the reports'
    path.write_text(client)
    assert load_batch(path).lang is None


# --- a stored batch, without a crawl ----------------------------------------------------------------


def _result(site: str, score: float, language: str | None, failing: list[str]) -> AuditResult:
    statistics = CheckResult(
        id="statistics",
        title="Articles back their claims with sourced numbers",
        failure_title=STATISTICS_EN,
        description="",
        category="evidence",
        scope="page",
        state="fail" if failing else "pass",
        weight=3,
        score=0.0 if failing else 1.0,
        pages=[PageOutcome(url=site + p, state="fail") for p in failing],
    )
    category = CategoryResult(
        id="evidence", title="Evidence", description="", weight=1, score=score, check_ids=["statistics"]
    )
    return AuditResult(site=site, language=language, site_score=score, checks=[statistics], categories=[category])


def _store_batch(tmp_path: Path, batch_header: str = "") -> tuple[Path, Path]:
    """Two clients, both German (one by its `lang`, one by its site's language), one with an
    earlier audit; returns (database, batch file)."""
    source = tmp_path / "clients.toml"
    source.write_text(
        f'[batch]\nname = "agentur-nord"\nout = "berichte"\n{batch_header}'
        '[[clients]]\nname = "Bäckerei Korn"\nurl = "https://korn.example/"\nlang = "de"\n'
        '[[clients]]\nname = "Kanzlei <Recht>"\nurl = "https://recht.example/"\n',
        encoding="utf-8",
    )
    db = tmp_path / "audits.db"
    store = Store(db)
    try:
        batch_id = store.create_batch("agentur-nord", str(source))
        store.add_batch_items(
            batch_id,
            [("Bäckerei Korn", "https://korn.example/", "k"), ("Kanzlei <Recht>", "https://recht.example/", "r")],
        )
        earlier = store.create_audit("https://korn.example/", {})
        store.save_result(earlier, _result("https://korn.example/", 60.0, None, ["a/"]))
        for client, site, score, language, failing in (
            ("Bäckerei Korn", "https://korn.example/", 70.0, None, ["a/", "b/"]),
            ("Kanzlei <Recht>", "https://recht.example/", 55.0, "de", ["x/"]),
        ):
            audit_id = store.create_audit(site, {})
            store.save_result(audit_id, _result(site, score, language, failing))
            store.update_item(batch_id, client, status="done", audit_id=audit_id, site_score=score, pages=2)
        store.finish_batch(batch_id, "complete")
    finally:
        store.close()
    return db, source


def test_portfolio_language_precedence(tmp_path: Path) -> None:
    """--lang, else [batch] lang, else the clients' majority (German here)."""
    db, source = _store_batch(tmp_path)
    store = Store(db)
    try:
        batch = load_batch(source)
        batch_id = store.latest_batch("agentur-nord").id
        default = build_portfolio(store, batch_id, tmp_path / "default", batch=batch)["html"].read_text()
        english = build_portfolio(store, batch_id, tmp_path / "en", batch=batch, lang="en")["html"].read_text()
        source.write_text('[batch]\nlang = "en"\n' + source.read_text().split("\n", 1)[1], encoding="utf-8")
        from_file = build_portfolio(store, batch_id, tmp_path / "file", batch=load_batch(source))["html"].read_text()
        no_file = build_portfolio(store, batch_id, tmp_path / "nofile")["html"].read_text()  # site languages only
    finally:
        store.close()
    assert '<html lang="de">' in default and "Größtes offenes Problem" in default
    assert (
        "(2 URLs)" in default and "(1 URL)" in default and "1 neu · 0 behoben" in default
    )  # the earlier audit: one new finding
    assert '<html lang="en">' in english and "Biggest open issue" in english
    assert '<html lang="en">' in from_file
    # without the batch file only the Kanzlei's site language is known: German
    assert '<html lang="de">' in no_file


def test_cli_portfolio_lang_de_on_a_stored_batch(tmp_path: Path) -> None:
    db, _ = _store_batch(tmp_path, batch_header='lang = "en"\n')  # --lang wins over the file
    out = tmp_path / "mappe"
    run = run_cli("portfolio", "--batch", "agentur-nord", "--db", str(db), "--out", str(out), "--lang", "de")
    assert run.returncode == 0, run.stderr
    html = (out / "portfolio.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in html and "<title>Portfolio: agentur-nord</title>" in html
    assert _headers(html) == [
        "Kunde",
        "Bewertung",
        "Veränderung",
        CATEGORY_TITLES_DE["evidence"][0],
        "Größtes offenes Problem",
        "Seiten",
        "Bericht",
    ]
    assert STATISTICS_DE in html and STATISTICS_EN not in html
    assert "Kanzlei &lt;Recht&gt;" in html and "Kanzlei <Recht>" not in html
    # the CSV keeps its machine format: English column names and ids, commas, no BOM
    raw = (out / "portfolio.csv").read_bytes()
    assert raw.startswith(b"client,url,status,score,")
    with open(out / "portfolio.csv", newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert [r["status"] for r in table] == ["done", "done"]
    assert table[0]["biggest_issue_check"] == "statistics" and table[0]["biggest_issue"] == STATISTICS_DE
    assert table[0]["score"] == "70.0" and table[0]["change"] == "10.0"

    bad = run_cli("portfolio", "--batch", "agentur-nord", "--db", str(db), "--lang", "fr")
    assert bad.returncode != 0 and bad.stderr.strip().count("\n") == 0
    assert "--lang must be de or en" in bad.stderr and "Traceback" not in bad.stderr


def test_unreadable_earlier_audit_leaves_the_change_empty(tmp_path: Path) -> None:
    """An earlier audit whose stored result no longer validates (an older version's schema) must not
    break the portfolio: that client's change column stays empty, the rest renders."""
    db, source = _store_batch(tmp_path)
    store = Store(db)
    try:
        earlier = min(a.id for a in store.list_audits())  # the Bäckerei's earlier audit
        with store.engine.begin() as conn:
            conn.execute(
                audits.update().where(audits.c.id == earlier).values(result='{"site": 1, "unknown_field": true}')
            )
        batch_id = store.latest_batch("agentur-nord").id
        html = build_portfolio(store, batch_id, tmp_path / "out", batch=load_batch(source))["html"].read_text()
    finally:
        store.close()
    assert "Bäckerei Korn" in html and "Kanzlei &lt;Recht&gt;" in html
    assert "neu ·" not in html  # no change counts for the client whose earlier audit is unreadable
