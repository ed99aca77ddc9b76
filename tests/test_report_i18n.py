"""The German report: every check has German texts, machine-written sentences are translated or
marked as English, and the German demo report shows German check titles (no crawl but the demo's).
"""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from reports.i18n import Localizer, catalog, checks_file, fmt_number, messages_file
from reports.sections import SUGGESTIONS_ID
from reports.view import build_view
from reports.writers import render_report
from scoring.core.results import AuditResult
from scoring.registry import all_checks
from tests.conftest import run_cli
from tests.test_report import make_result

FIELDS = {"title", "failure_title", "description"}


def load(path: Path) -> dict[str, Any]:
    with open(path, "rb") as handle:
        return tomllib.load(handle)


# --- the check texts file -----------------------------------------------------------------------


def test_every_registered_check_has_german_texts_and_no_unknown_ids() -> None:
    texts = load(checks_file("de"))
    registered = set(all_checks())
    missing = sorted(registered - set(texts))
    unknown = sorted(set(texts) - registered)
    assert not missing, f"checks without German texts in {checks_file('de').name}: {missing}"
    assert not unknown, f"{checks_file('de').name} names ids that are not registered checks: {unknown}"
    for cid, entry in texts.items():
        assert set(entry) == FIELDS, (cid, set(entry) ^ FIELDS)
        assert all(isinstance(v, str) and v.strip() for v in entry.values()), cid


def _numbers(text: str) -> list[str]:
    """Digit groups with their separators removed ("1,943" and "1.943" are the same number)."""
    return sorted(re.sub(r"[.,]", "", n) for n in re.findall(r"\d[\d.,]*\d|\d", text))


@pytest.mark.parametrize("cid", sorted(all_checks()))
def test_german_description_keeps_every_number_and_its_sources(cid: str) -> None:
    english = all_checks()[cid].description
    german = load(checks_file("de"))[cid]["description"]
    assert _numbers(german) == _numbers(english), "numbers differ: update the German text with the check"
    assert "Quelle" in german  # "Quelle:" / "Quellen:" — the source reference stays
    for name in re.findall(r"\b(?:RFC \d+|arXiv [\d.]+|ICLR 2026|KDD 2024|GDPR|WCAG)\b", english):
        assert name.replace("GDPR", "DSGVO") in german, name


# --- the messages file --------------------------------------------------------------------------


def test_messages_are_valid_patterns_for_known_checks() -> None:
    data = load(messages_file("de"))
    allowed = set(all_checks()) | {"*", SUGGESTIONS_ID}
    for entry in data["message"]:
        pattern = re.compile(entry["en"])
        assert set(entry.get("checks", ["*"])) <= allowed, entry
        fields = {name for _, name, _, _ in string.Formatter().parse(entry["de"]) if name}
        assert fields == set(pattern.groupindex), entry  # every group is used, nothing undefined
    assert all(isinstance(v, str) for v in data["columns"].values())
    assert all(isinstance(v, str) for v in data["terms"].values())


def test_localizer_translates_whole_sentences_or_marks_them_english() -> None:
    loc = Localizer("de")
    assert loc.text("thin-content", "1,298 words of main text") == ("1.298 Wörter Haupttext", None)
    # composed explanation: split at sentence ends, each part translated, page kinds as terms
    text, lang = loc.text("title-tag", "44 of 47 pages pass. Judged: 16 article, 1 home, 2 legal pages.")
    assert (text, lang) == ("44 von 47 Seiten bestehen. Bewertet: 16 Artikel, 1 Startseite, 2 Rechtstexte.", None)
    # unknown sentence: kept whole in English (never half translated) and reported as English
    odd = "44 of 47 pages pass. Something new happened."
    assert loc.text("title-tag", odd) == (odd, "en")
    # crawled text inside a sentence is copied, not interpreted
    hostile = "visible author: <script>alert(1)</script>"
    assert loc.text("author-byline", hostile) == ("sichtbarer Autor: <script>alert(1)</script>", None)
    # a pattern of one check does not translate another check's text
    assert loc.text("title-tag", "no author named on the page")[1] == "en"
    assert Localizer("en").text("thin-content", "1,298 words of main text") == ("1,298 words of main text", None)
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
    assert byline["details"]["columns"][:3] == ["URL", "Status", "Begründung"]
    assert byline["details"]["rows"][0][1]["text"] == "Nicht bestanden"
    english = build_view(result, lang="en")
    en_checks = {c["id"]: c for cat in english["categories"] for c in cat["checks"]}
    assert en_checks["author-byline"]["title"] == result.check("author-byline").failure_title
    assert en_checks["author-byline"]["details"]["columns"][:3] == ["url", "state", "reason"]
    # the page filter names checks by their title in the report's language, not by id
    options = {f["id"]: f["label"] for f in view["pages"]["failing_checks"]}
    assert options["author-byline"] == f"nicht bestanden: {texts['author-byline']['title']}"
    en_options = {f["id"]: f["label"] for f in english["pages"]["failing_checks"]}
    assert en_options["title-tag"] == f"failing: {result.check('title-tag').title}"


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
    assert texts["thin-content"]["description"] in body
    for check in result.checks:  # no English title or description anywhere
        assert check.display_title not in body, check.id
        assert check.description not in body, check.id


def test_german_demo_report_translates_every_machine_sentence(demo: dict[str, Any]) -> None:
    """Every explanation, page reason and evidence note the demo's checks write has a German entry."""
    loc = Localizer("de")
    untranslated = set()
    for check in demo["result"].checks:
        notes = [e.note for e in check.evidence] + [e.note for o in check.pages for e in o.evidence]
        for text in [check.explanation, *(o.reason for o in check.pages), *notes]:
            if text and loc.text(check.id, text)[1]:
                untranslated.add((check.id, text))
    assert not untranslated, f"add these to {messages_file('de').name}: {sorted(untranslated)[:10]}"
    # a data group must not swallow an English half sentence ("PerplexityBot — their answers …")
    english = re.compile(r"\b(the|their|cannot|which|with|from|pages?|words|of)\b")
    for check in demo["result"].checks:
        for text in [check.explanation, *(o.reason for o in check.pages), *(e.note for e in check.evidence)]:
            translated = loc.text(check.id, text)[0]
            assert not english.search(translated), (check.id, translated)
    doc = lxml_html.fromstring(demo["html"])
    assert doc.cssselect("body [lang=en]") == []


def test_findings_csv_of_a_german_report_has_german_titles(demo: dict[str, Any]) -> None:
    text = (demo["base"] / "de" / "findings.csv").read_text(encoding="utf-8-sig")
    assert "Inhaltsseiten sind zu dünn" in text and "Content pages are thin" not in text
    assert "Wörter Haupttext" in text


def test_untranslated_sentence_is_marked_english_in_the_html() -> None:
    result = make_result(language="de")
    html = render_report(result, lang="de")
    doc = lxml_html.fromstring(html)
    marked = [el.text_content() for el in doc.cssselect("p.explanation[lang=en]")]
    assert "Explanation of author-byline." in marked  # the fixture's made-up sentence has no translation


def test_every_registered_check_has_a_remedy_in_both_languages() -> None:
    german = Localizer("de")
    for check_id, check in all_checks().items():
        assert check.remedy.strip(), check_id
        assert german.check_field(check_id, "remedy", "") not in ("", check.remedy), check_id
