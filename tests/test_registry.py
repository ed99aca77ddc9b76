"""The registry rejects a check with bad metadata at import, and a check that breaks at run time
becomes an error result that weighs 0 — never a failed scoring run."""

from __future__ import annotations

from typing import ClassVar

import pytest

from scoring.audit import evaluate_check
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
