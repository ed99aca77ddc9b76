"""Page outcomes held as columns (scoring.core.results.PageOutcomes, issue 19): they read back as
the outcomes appended, serialise to the same JSON list, load from it, and take a fraction of the
memory of a list of PageOutcome objects."""

from __future__ import annotations

import json
import pickle
import tracemalloc

from scoring.core.messages import element, msg
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


def _evidence(i: int) -> list[Evidence]:
    """A page's evidence as checks write it: notes and element names shared by every page, messages with
    the page's own figures, excerpts of its text, the page's URL and other URLs."""
    url = f"https://x.example/p{i}/"
    return [
        Evidence(url=url, element=element("main-text"), excerpt=f"Satz {i} ohne Quelle.", note=msg("term.no")),
        Evidence(url=url, element="h1", note=msg("common.pages-pass", passing=i, rated=i + 1)),
        Evidence(url="https://x.example/other/", element=element("robots-txt-line", number=i), excerpt=None),
        Evidence(url=url, element="a[href]", excerpt=url, note=f"plain note {i % 3}"),
    ]


def test_evidence_reads_back_equal_with_shared_messages() -> None:
    listed = [
        PageOutcome(url=f"https://x.example/p{i}/", state="fail", score=0.0, evidence=_evidence(i)) for i in range(30)
    ]
    packed = PageOutcomes(listed)
    assert list(packed) == listed
    for got, want in zip(packed, listed, strict=True):
        for a, b in zip(got.evidence, want.evidence, strict=True):
            assert a.model_dump_json() == b.model_dump_json() and a.model_fields_set == b.model_fields_set
    first, second = packed[0].evidence[0], packed[1].evidence[0]
    assert first.note_message is second.note_message  # one object for a message without parameters
    assert first.element_message is second.element_message
    assert len(packed._messages) == 2
    again = pickle.loads(pickle.dumps(packed))  # the page pass's second process hands its outcomes over so
    assert list(again) == listed
    assert json.loads(_result(list(again)).model_dump_json()) == json.loads(_result(listed).model_dump_json())


def test_evidence_takes_a_fraction_of_its_objects_memory() -> None:
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        listed = [
            PageOutcome(url=f"https://x.example/p{i}/", state="fail", score=0.0, evidence=_evidence(i))
            for i in range(1000)
        ]
        objects = tracemalloc.get_traced_memory()[0] - before
        before = tracemalloc.get_traced_memory()[0]
        packed = PageOutcomes(listed)
        columns = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(packed) == 1000
    assert columns < objects / 4, (columns, objects)
