"""Page outcomes held as columns (scoring.core.results.PageOutcomes, issue 19): they read back as
the outcomes appended, serialise to the same JSON list, load from it, and take a fraction of the
memory of a list of PageOutcome objects."""

from __future__ import annotations

import json
import tracemalloc

from scoring.core.messages import msg
from scoring.core.results import CheckResult, Evidence, PageOutcome, PageOutcomes


def _outcomes(n: int) -> list[PageOutcome]:
    shared = msg("common.pages-pass", passing=1, rated=2)  # one reason object shared, as the score stage does
    found = []
    for i in range(n):
        state = ("pass", "fail", "warn", "not_applicable")[i % 4]
        found.append(
            PageOutcome(
                url=f"https://x.example/p{i}/",
                state=state,
                score=None if state == "not_applicable" else (i % 3) / 2,
                reason=shared if i % 2 else f"reason {i % 5}",
                evidence=[Evidence(url=f"https://x.example/p{i}/", element="h1", excerpt="x")] if i % 4 == 1 else [],
                page_type=("article", None, "legal")[i % 3],
            )
        )
    return found


def _result(pages: list[PageOutcome]) -> CheckResult:
    return CheckResult(
        id="x", title="t", failure_title="f", description="d", category="depth", scope="page", state="warn", pages=pages
    )


def test_outcomes_read_back_as_appended() -> None:
    listed = _outcomes(40)
    packed = PageOutcomes(listed)
    assert len(packed) == 40 and list(packed) == listed and packed == listed
    assert packed[3] == listed[3] and packed[-1] == listed[-1] and packed[5:9] == listed[5:9]
    assert [(u, s, v) for u, s, v in packed.rows()] == [(o.url, o.state, o.score) for o in listed]
    assert packed[1].reason_message is listed[1].reason_message  # messages are shared, not copied


def test_a_check_result_serialises_its_outcomes_as_the_list() -> None:
    listed = _outcomes(12)
    result = _result(listed)
    assert isinstance(result.pages, PageOutcomes)
    as_json = json.loads(result.model_dump_json())["pages"]
    assert as_json == [json.loads(o.model_dump_json()) for o in listed]
    loaded = CheckResult.model_validate_json(result.model_dump_json())
    assert loaded == result and list(loaded.pages) == listed
    assert result.model_copy(update={"gain": 1.0}).pages == listed
    assert _result([]).pages == [] and not _result([]).pages


def test_columns_take_a_fraction_of_the_objects_memory() -> None:
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        listed = _outcomes(3000)
        objects = tracemalloc.get_traced_memory()[0] - before
        before = tracemalloc.get_traced_memory()[0]
        packed = PageOutcomes(listed)
        columns = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(packed) == 3000
    assert columns < objects / 5, (columns, objects)
