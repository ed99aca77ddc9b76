"""results.json is written in pieces with exactly the text of one json.dumps of the whole result
(issue 19: the result as one tree of dicts took ~1 KB a page outcome)."""

from __future__ import annotations

import json

import pytest

from reports.writers import results_json_chunks, write_results_json
from scoring.audit import score_site
from scoring.core.results import AuditResult, CheckResult, PageOutcome, PageOutcomes
from tests.synthetic_site import site_artifacts, site_embeddings, site_records

N = 40


def _whole(result: AuditResult) -> str:
    return json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def test_results_json_in_pieces_is_the_text_of_one_dump(tmp_path) -> None:
    result = score_site(site_records(N), site_artifacts(N), embeddings=site_embeddings(N))
    assert any(len(c.pages) for c in result.checks) and result.pages  # the streamed lists are there
    chunks = list(results_json_chunks(result))
    assert len(chunks) > len(result.pages)  # one piece at least per page summary
    assert "".join(chunks) == _whole(result)
    path = write_results_json(result, tmp_path)
    assert path.read_text(encoding="utf-8") == _whole(result)  # no --as-host: shown as it is
    assert _whole(AuditResult.model_validate_json(path.read_text(encoding="utf-8"))) == _whole(result)  # reads back


def test_empty_lists_nesting_and_text_with_newlines_are_laid_out_as_json_dumps() -> None:
    outcome = PageOutcome(url="https://a.example/ü", state="fail", score=0.0, reason='line one\nline "two"')
    check = CheckResult(
        id="x", title="T", failure_title="F", description="D", category="c", scope="page", state="fail",
        details=[{"a": [1, {"b": []}], "c": {}}], pages=PageOutcomes([outcome, outcome]),
    )  # fmt: skip
    empty = check.model_copy(update={"pages": PageOutcomes(), "details": []})
    for result in (
        AuditResult(site="https://a.example/"),
        AuditResult(site="https://a.example/", checks=[check, empty], settings={"k": {"nested": [None]}}),
    ):
        assert "".join(results_json_chunks(result)) == _whole(result)


def test_indented_json_is_the_text_of_json_dumps() -> None:
    import json
    import random

    from reports.json_text import _indented

    rng = random.Random(19)
    leaves = [
        None, True, False, 0, -7, 2**70, 0.1, 1e-05, 1e16, -0.0, float("nan"), float("inf"), -float("inf"),
        "", "plain", 'quote " and \\ back', "line\nbreak\ttab\x01\x1f", "Grüße \u2028 ✓ 😀", ("a", 1),
    ]  # fmt: skip

    def value(depth: int) -> object:
        kind = rng.random()
        if depth > 3 or kind < 0.4:
            return rng.choice(leaves)
        if kind < 0.7:
            return [value(depth + 1) for _ in range(rng.randrange(4))]
        keys = ["k", "ü", "", 1, 2.5, True, None, "x\ny"]
        return {rng.choice(keys): value(depth + 1) for _ in range(rng.randrange(4))}

    for _ in range(500):
        data = value(0)
        for level in (0, 2):
            expected = json.dumps(data, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
            assert _indented(data, level) == expected
    with pytest.raises(TypeError):  # a type json.dumps refuses is refused the same way
        _indented({"when": object()}, 1)
