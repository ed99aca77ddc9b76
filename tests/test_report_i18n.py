"""The German report: every check has German texts, every machine-written sentence is rendered from
the German catalog, and the German demo report contains no English sentence (no crawl but the demo's).
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from importlib import resources
from typing import Any

import pytest
from lxml import html as lxml_html

from reports.i18n import Localizer, catalog, fmt_number
from reports.view import build_view
from reports.writers import render_report
from scoring.core.messages import Message, english
from scoring.core.results import AuditResult
from scoring.registry import all_checks
from tests.conftest import run_cli
from tests.test_report import make_result

FIELDS = {"title", "failure_title", "description", "remedy"}


def test_every_registered_check_has_german_texts_and_no_unknown_ids() -> None:
    texts = catalog("de").checks
    registered = set(all_checks())
    assert not sorted(registered - set(texts)), "checks without reports/i18n/de/<id>.toml metadata"
    for cid in registered:
        entry = texts[cid]
        assert set(entry) == FIELDS, (cid, set(entry) ^ FIELDS)
        assert all(isinstance(v, str) and v.strip() for v in entry.values()), cid


def _numbers(text: str) -> list[str]:
    """Digit groups with their separators removed ("1,943" and "1.943" are the same number)."""
    return sorted(re.sub(r"[.,]", "", n) for n in re.findall(r"\d[\d.,]*\d|\d", text))


@pytest.mark.parametrize("cid", sorted(all_checks()))
def test_german_description_keeps_every_number_and_its_sources(cid: str) -> None:
    english_text = all_checks()[cid].description
    german = catalog("de").checks[cid]["description"]
    assert _numbers(german) == _numbers(english_text), "numbers differ: update the German text with the check"
    assert "Quelle" in german  # "Quelle:" / "Quellen:" — the source reference stays
    for name in re.findall(r"\b(?:RFC \d+|arXiv [\d.]+|ICLR 2026|KDD 2024|GDPR|WCAG)\b", english_text):
        assert name.replace("GDPR", "DSGVO") in german, name


def test_numbers_in_german_style() -> None:
    assert fmt_number("2.4", "de") == "2,4" and fmt_number("1,943", "de") == "1.943"
    assert fmt_number("2024", "de") == "2024"


def test_german_view_of_a_literal_result() -> None:
    result = make_result()
    view = build_view(result, lang="de")
    texts = catalog("de").checks
    checks = {c["id"]: c for cat in view["categories"] for c in cat["checks"]}
    byline = checks["author-byline"]  # failed: the German failure title
    assert byline["title"] == texts["author-byline"]["failure_title"]
    assert byline["description"] == texts["author-byline"]["description"]
    english_view = build_view(result, lang="en")
    en_checks = {c["id"]: c for cat in english_view["categories"] for c in cat["checks"]}
    assert en_checks["author-byline"]["title"] == result.check("author-byline").failure_title
    # the page filter names checks by their title in the report's language, not by id
    options = {f["id"]: f["label"] for f in view["pages"]["failing_checks"]}
    assert options["author-byline"] == f"nicht bestanden: {texts['author-byline']['title']}"


def test_a_plain_english_sentence_without_a_message_is_marked_english() -> None:
    """A result of an older version carries English sentences only: shown as they are, marked lang=en."""
    result = make_result(language="de")
    doc = lxml_html.fromstring(render_report(result, lang="de"))
    marked = [el.text_content() for el in doc.cssselect("p.explanation[lang=en]")]
    assert "Explanation of author-byline." in marked


# --- the German demo report ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("demo-i18n")
    run = run_cli("demo", "--db", str(base / "a.db"), "--out", str(base / "de"))
    assert run.returncode == 0, run.stderr
    result = AuditResult.model_validate_json((base / "de" / "results.json").read_text(encoding="utf-8"))
    return {"html": (base / "de" / "report.html").read_text(encoding="utf-8"), "result": result, "base": base}


def test_german_demo_report_shows_german_check_titles(demo: dict[str, Any]) -> None:
    result: AuditResult = demo["result"]
    assert result.language == "de"
    doc = lxml_html.fromstring(demo["html"])
    assert doc.get("lang") == "de"
    texts = catalog("de").checks
    thin = result.check("thin-content")
    assert thin.state in ("fail", "warn")  # the demo site has thin pages on purpose
    heading = doc.get_element_by_id("check-thin-content-h").text_content()
    assert heading == texts["thin-content"]["failure_title"] == "Inhaltsseiten sind zu dünn"
    body = doc.text_content()
    assert thin.failure_title not in body  # "Content pages are thin"
    for check in result.checks:  # no English title or description anywhere
        assert check.display_title not in body, check.id
        assert check.description not in body, check.id


def _english_words() -> re.Pattern[str]:
    """Words of the English source strings that German never uses (the report must not show them)."""
    words = set()
    for template in english().values():
        words |= {w.lower() for w in re.findall(r"[A-Za-z]{4,}", re.sub(r"\{[^}]*\}", " ", template))}
    german = " ".join(catalog("de").messages.values()).lower()
    shared = {w for w in words if re.search(rf"\b{w}\b", german)}
    return re.compile(r"\b(" + "|".join(sorted(words - shared)) + r")\b", re.IGNORECASE)


def test_german_demo_report_contains_no_english_sentence(demo: dict[str, Any]) -> None:
    """Every explanation, reason, note, details cell and warning the demo's checks write renders in
    German; the report marks nothing as English and shows no word of the English source strings."""
    loc = Localizer("de")
    result: AuditResult = demo["result"]
    for check in result.checks:
        assert check.explanation_message is not None or not check.explanation, check.id
        messages = [check.explanation_message]
        messages += [o.reason_message for o in check.pages]
        messages += [e.note_message for e in check.evidence] + [e.element_message for e in check.evidence]
        for message in messages:
            if message is not None:
                assert loc.message(message)[1] is None, (check.id, message.id)
    for warning in result.warning_messages:
        assert loc.message(warning)[1] is None, warning.id
    doc = lxml_html.fromstring(demo["html"])
    assert doc.cssselect("body [lang=en]") == []
    # machine-written text shown (explanations, evidence elements and notes) has no English source word
    english_words = _english_words()
    for element in doc.cssselect("p.explanation, ul.evidence span.el, ul.evidence span.muted"):
        found = english_words.search(element.text_content())
        assert not found, (found.group(0) if found else "", element.text_content()[:200])
    # every message in a details cell renders in German
    for check in result.checks:
        for row in check.details:
            for value in row.values():
                if isinstance(value, dict) and "id" in value and "params" in value:
                    assert loc.value(value) and loc.message(Message.model_validate(value))[1] is None, value


def test_findings_csv_of_a_german_report_has_german_titles(demo: dict[str, Any]) -> None:
    text = (demo["base"] / "de" / "findings.csv").read_text(encoding="utf-8-sig")
    assert "Inhaltsseiten sind zu dünn" in text and "Content pages are thin" not in text


def test_every_registered_check_has_a_remedy_in_both_languages() -> None:
    german = Localizer("de")
    for check_id, check in all_checks().items():
        assert check.remedy.strip(), check_id
        assert german.check_field(check_id, "remedy", "") not in ("", check.remedy), check_id


# -- issue 15: the demo report a client can use --------------------------------------------------
DEMO_ORIGIN = "https://www.sonnenwerk.example"  # auditor/demo/manifest.toml [site] production_origin


def test_demo_report_links_to_its_production_origin(demo: dict[str, Any]) -> None:
    """The demo crawls a temporary server on 127.0.0.1; every file a person opens shows and links the
    production origin of the manifest instead. results.json keeps the crawled start URL."""
    manifest = tomllib.loads((resources.files("auditor") / "demo" / "manifest.toml").read_text(encoding="utf-8"))
    assert manifest["site"]["production_origin"] == DEMO_ORIGIN
    out = demo["base"] / "de"
    for name in ("report.html", "pages.csv", "findings.csv"):
        text = (out / name).read_text(encoding="utf-8-sig")
        assert "127.0.0.1" not in text, name
        assert DEMO_ORIGIN + "/" in text, name
    doc = lxml_html.fromstring(demo["html"])
    hrefs = [a.get("href") for a in doc.xpath("//a[@href]") if not a.get("href").startswith("#")]
    own = [h for h in hrefs if h.startswith(DEMO_ORIGIN + "/")]
    assert len(own) > 100 and not [h for h in hrefs if "127.0.0.1" in h]
    result: AuditResult = demo["result"]
    assert result.site == DEMO_ORIGIN + "/" and all(p.url.startswith(DEMO_ORIGIN + "/") for p in result.pages)
    crawled = result.settings["url"]
    assert crawled.startswith("http://127.0.0.1:")
    assert result.settings["display_urls"] == {"crawled_origin": crawled.rstrip("/"), "shown_origin": DEMO_ORIGIN}


def test_demo_csvs_open_in_german_excel(demo: dict[str, Any]) -> None:
    """German report: both CSV files are UTF-8 with BOM and split on ";" (read back with csv)."""
    out = demo["base"] / "de"
    for name, first in (("pages.csv", "url"), ("findings.csv", "check_id")):
        raw = (out / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf" + first.encode() + b";"), name
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
        assert len(rows) > 40 and all(len(r) == len(rows[0]) for r in rows), name
        assert any(c in raw.decode("utf-8-sig") for c in "äöüß"), name  # umlauts survive
    pages = list(csv.DictReader(io.StringIO((out / "pages.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert any("ä" in (row["title"] or "") or "ü" in (row["title"] or "") for row in pages)
    scores = [row["page_score"] for row in pages if row["page_score"]]
    assert scores and all(re.fullmatch(r"\d+(,\d+)?", s) for s in scores)  # decimal comma, no point


def test_demo_blocker_is_on_top_in_german(demo: dict[str, Any]) -> None:
    """PerplexityBot is blocked in the demo: a blocker, first in the plan and the levers, said in German."""
    view = build_view(demo["result"], lang="de")
    (blocker,) = [b for b in view["blockers"] if b["id"] == "ai-crawler-access"]
    assert "PerplexityBot" in blocker["why"] and blocker["why_lang"] is None
    assert blocker["why"].startswith("Die robots.txt sperrt")
    assert view["plan"][0]["id"] == "ai-crawler-access" and view["levers"][0]["id"] == "ai-crawler-access"
    assert {g["kind"] for g in view["plan_groups"]} == {"quick_win", "project"}
