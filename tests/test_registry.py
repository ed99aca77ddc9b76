"""The registry rejects a check with bad metadata at import, and a check that breaks at run time
becomes an error result that weighs 0 — never a failed scoring run."""

from __future__ import annotations

from typing import ClassVar

import pytest

from scoring.audit import evaluate_check
from scoring.checks.broken_internal_links import BrokenInternalLinks
from scoring.core.results import PageOutcome
from scoring.registry import Check, Outcome, register
from tests.factories import page, site


def _check(**attrs) -> type[Check]:
    base = {
        "id": "test-probe",
        "title": "Probe passes",
        "failure_title": "Probe fails",
        "description": "Why. Source: none.",
        "category": "technical",
        "scope": "site",
        "weight": 1,
        "effort": "low",
        "remedy": "Do it.",
        "rule": "pass always.",
    }
    base.update(attrs)
    return type("Probe", (Check,), {**base, "evaluate": lambda self, s: Outcome("pass", 1.0)})


@pytest.mark.parametrize(
    ("attrs", "complaint"),
    [
        ({"requires": ("htlm",)}, "unknown requirement"),
        ({"effort": "huge"}, "effort"),
        ({"weight": -1}, "weight"),
        ({"stage": "preview", "weight": 2}, "preview"),
        ({"category": "misc"}, "unknown category"),
        ({"remedy": ""}, "lacks remedy"),
        ({"columns": {"url": "link"}}, "column type"),
        ({"messages": {"Bad Key": "x"}}, "message id"),
    ],
)
def test_bad_metadata_is_rejected_at_registration(attrs, complaint):
    with pytest.raises(ValueError, match=complaint):
        register(_check(**attrs))


def test_a_requirement_that_breaks_at_run_time_is_an_error_result_not_a_failed_run():
    class Broken(_check(id="test-broken")):
        requires: ClassVar[tuple[str, ...]] = ("html",)

        def evaluate(self, s):
            raise RuntimeError("boom")

    result = evaluate_check(Broken(), site(page("")), 2.0)
    assert result.state == "error" and result.weight == 0 and result.score is None
    assert "boom" in result.explanation and result.explanation_message is not None


def test_a_message_the_check_did_not_declare_is_an_error_result():
    class Sloppy(_check(id="test-sloppy", messages={"fine": "fine"})):
        def evaluate(self, s):
            return Outcome("pass", 1.0, explanation=self.msg("typo"))

    result = evaluate_check(Sloppy(), site(page("")), 1.0)
    assert result.state == "error" and "typo" in result.explanation


def test_the_blocker_hook_defaults_to_none_and_its_message_lands_on_the_result():
    assert evaluate_check(_check(id="test-calm")(), site(page("")), 1.0).blocker is None

    class Blocking(_check(id="test-blocking")):
        def blocker(self, outcome, s, pages=()):  # a registered check's message: ids are defined at registration
            return BrokenInternalLinks.msg("blocker-unreachable", failed=1, total=len(s.pages))

    result = evaluate_check(Blocking(), site(page(""), page("a")), 1.0)
    assert result.state == "pass" and result.score == 1.0 and result.weight == 1.0  # the score stays
    assert result.blocker is not None and result.blocker.params == {"failed": 1, "total": 2}


def test_the_blocker_hook_sees_page_outcomes_and_unmeasured_outcomes():
    seen = []

    class PageProbe(_check(id="test-page-probe", scope="page", requires=("html",))):
        def evaluate_page(self, p, s):
            return PageOutcome(url=p.url, state="fail" if p.url.endswith("alt") else "pass")

        def blocker(self, outcome, s, pages=()):
            seen.append((outcome.state, [p.state for p in pages]))

    evaluate_check(PageProbe(), site(page(""), page("alt")), 1.0)
    evaluate_check(PageProbe(), site(page("", status=500)), 1.0)  # no HTML page: not applicable
    assert seen == [("fail", ["pass", "fail"]), ("not_applicable", [])]


@pytest.mark.parametrize(
    ("hook", "complaint"),
    [
        (lambda self, outcome, s, pages=(): 1 / 0, "ZeroDivisionError"),
        (lambda self, outcome, s, pages=(): "blocked!", "blocker must be a Message"),
        (lambda self, outcome, s, pages=(): self.msg("undeclared"), "undeclared"),
    ],
    ids=["raises", "plain-string", "undeclared-message"],
)
def test_a_blocker_hook_that_breaks_is_an_error_result_not_a_failed_run(hook, complaint):
    broken = type("BrokenHook", (_check(id="test-broken-hook"),), {"blocker": hook})
    result = evaluate_check(broken(), site(page("")), 2.0)
    assert result.state == "error" and result.weight == 0 and result.score is None and result.blocker is None
    assert complaint in result.explanation
