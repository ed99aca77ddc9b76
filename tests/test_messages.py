"""Structured messages: every English source string has a German text with the same parameters,
no German text names an id that does not exist, and rendering formats numbers, plurals and nested
messages per language."""

from __future__ import annotations

import pytest

from reports.i18n import Localizer, message_catalog
from scoring.core.messages import Message, english, join, listing, msg, placeholders, sentences, term
from scoring.registry import all_checks

all_checks()  # registers every check's messages
import auditor.warnings  # noqa: E402,F401  (registers the pipeline's and the LLM step's)

ENGLISH = english()
GERMAN, GERMAN_METADATA, _ = message_catalog("de")


@pytest.mark.parametrize("message_id", sorted(ENGLISH))
def test_every_message_has_a_german_text_with_the_same_parameters(message_id):
    assert message_id in GERMAN, f"reports/i18n/de/{message_id.split('.')[0]}.toml lacks {message_id}"
    assert placeholders(GERMAN[message_id]) == placeholders(ENGLISH[message_id])


def test_no_german_text_without_an_english_source():
    assert not sorted(set(GERMAN) - set(ENGLISH))


def test_every_check_has_german_metadata_and_no_file_names_an_unknown_check():
    checks = all_checks()
    for check_id in checks:
        fields = GERMAN_METADATA.get(check_id, {})
        assert {"title", "failure_title", "description", "remedy"} <= set(fields), check_id
    assert set(GERMAN_METADATA) - set(checks) <= {"common", "term", "link-suggestions"}


def test_numbers_plurals_and_nesting_render_per_language():
    german = Localizer("de")
    one = msg("common.judged-service", count=1)
    many = msg("common.judged-service", count=1298)
    assert german.message(one) == ("1 Leistungsseite", None)
    assert german.message(many) == ("1.298 Leistungsseiten", None)
    assert many.text == "1,298 service"
    nested = sentences([msg("common.pages-pass", passing=3, rated=4), msg("common.judged", kinds=listing([one, many]))])
    assert nested.text == "3 of 4 pages pass. Judged: 1 service, 1,298 service pages."
    assert german.message(nested)[0] == "3 von 4 Seiten bestehen. Bewertet: 1 Leistungsseite, 1.298 Leistungsseiten."
    assert Localizer("en").message(nested) == (nested.text, None)


def test_crawled_text_in_parameters_is_copied_never_translated():
    german = Localizer("de")
    sneaky = msg("common.check-error", check="title-tag", message="pass")  # "pass" is a term, but here data
    assert german.message(sneaky)[0] == "title-tag: pass"
    assert german.message(term("pass"))[0] == "bestanden"
    assert german.message(term("a-word-nobody-knows"))[0] == "a-word-nobody-knows"


def test_unknown_message_in_a_language_falls_back_to_english_and_says_so():
    stray = Message(id="common.check-failed", params={"error": join([Message(id="term.raw", params={"value": "x"})])})
    assert Localizer("de").message(stray)[1] is None
    missing = Message(id="nowhere.nothing", params={}, text="Only English.")
    assert Localizer("de").message(missing) == ("Only English.", "en")


def test_a_check_refuses_a_message_it_did_not_declare():
    check = all_checks()["title-tag"]
    with pytest.raises(KeyError):
        check.msg("no-such-key")


def test_results_keep_english_text_and_the_structured_message():
    from scoring.core.results import PageOutcome

    outcome = PageOutcome(url="https://a.example/", state="fail", reason=msg("common.pages-pass", passing=1, rated=2))
    assert outcome.reason == "1 of 2 pages pass."
    assert outcome.reason_message is not None and outcome.reason_message.id == "common.pages-pass"
    dumped = PageOutcome.model_validate(outcome.model_dump(mode="json"))
    assert dumped == outcome
