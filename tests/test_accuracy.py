"""The expertise and evidence detectors stay accurate on the labelled fixture pages.

Real extraction (`spiders.extract.extract_page`) on every page of tests/accuracy/pages, then the pure
detectors, compared with the hand-written labels (tests/accuracy/labels). Targets from issue 4:
precision ≥ 0.95 and recall ≥ 0.90 for bylines, dates, Impressum elements, attributed quotes,
statistics and outbound citations. `python bench/accuracy.py --errors` shows what a failure missed.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_accuracy", ROOT / "bench" / "accuracy.py")
accuracy = importlib.util.module_from_spec(_spec)
sys.modules["bench_accuracy"] = accuracy  # dataclasses look their module up while the class is built
_spec.loader.exec_module(accuracy)


@pytest.fixture(scope="module")
def scores():
    return accuracy.evaluate()


def test_fixture_set_is_large_and_mostly_german():
    index = json.loads((accuracy.FIXTURES / "labels" / "pages.json").read_text(encoding="utf-8"))
    assert len(index) >= 60
    assert sum(1 for meta in index.values() if meta["lang"] == "de") * 2 >= len(index)
    assert {meta["template"] for meta in index.values()} == {"wp", "hugo", "hand"}
    for detector in accuracy.DETECTORS:
        labels = json.loads((accuracy.FIXTURES / "labels" / f"{detector}.json").read_text(encoding="utf-8"))
        assert set(labels) <= set(index), detector


@pytest.mark.parametrize("detector", sorted(accuracy.TARGETS))
def test_detector_meets_targets(scores, detector):
    score = scores[detector]
    assert score.tp >= 10, f"{detector}: too few labelled items to measure"
    assert score.precision >= accuracy.MIN_PRECISION, f"{detector} precision {score.precision:.3f}: {score.errors}"
    assert score.recall >= accuracy.MIN_RECALL, f"{detector} recall {score.recall:.3f}: {score.errors}"


def test_phone_numbers_postcodes_and_years_are_never_counted_as_statistics(scores):
    """No false figure on the fixture pages is (part of) a phone number, postcode, date or year: every
    such number has 4+ digits. (Known remaining false positive: "24 hours" availability on a plumber's page.)"""
    false = [e.split(": ", 1)[1] for e in scores["statistics"].errors if e.startswith("FP")]
    assert not [f for f in false if sum(c.isdigit() for c in f) >= 4]
    assert len(false) <= 1


def test_bench_prints_the_table(capsys):
    assert accuracy.main([]) == 0
    out = capsys.readouterr().out
    assert "precision" in out and "bylines" in out and "outbound_citations" in out
