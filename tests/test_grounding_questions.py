"""Questions a page asks, for briefs (auditor.llm.grounding): the linear scan gives exactly the matches
of the sentence pattern, and a page is read once however often the briefs ask."""

from __future__ import annotations

import gc
import random

from auditor.llm import grounding
from auditor.llm.grounding import _SENTENCE, asked, text_questions
from tests.factories import text_page


def test_the_scan_finds_what_the_pattern_finds() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        size = rng.choice([5, 40, 180, 260, 900])
        text = "".join(rng.choice("abc de?.!\nxyz äö") for _ in range(size))
        assert text_questions(text) == [m.group(0) for m in _SENTENCE.finditer(text)]


def test_a_long_run_keeps_its_last_200_characters() -> None:
    text = "x" * 500 + "?"
    assert text_questions(text) == ["x" * 200 + "?"]


def test_a_page_is_read_once_and_forgotten_with_it() -> None:
    page = text_page("/ratgeber/", "Wie funktioniert eine Wärmepumpe im Altbau eigentlich genau?\nSo geht es.")
    first = asked(page)
    assert first == ["Wie funktioniert eine Wärmepumpe im Altbau eigentlich genau?"]
    first.append("changed by the caller")
    assert asked(page) == ["Wie funktioniert eine Wärmepumpe im Altbau eigentlich genau?"]
    key = id(page)
    assert key in grounding._ASKED
    del page
    gc.collect()
    assert key not in grounding._ASKED
