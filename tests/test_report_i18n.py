"""The German report: every check has German texts, every machine-written sentence is rendered from
the German catalog, and the German demo report contains no English sentence (no crawl but the demo's).
"""

from __future__ import annotations

import re
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
