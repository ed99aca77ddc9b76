"""The briefs' shared context is made only when a brief needs it, once (issue 19, eighth stop): a site with
no weak article and no weak cluster reads no page's text for briefs (the people on the site, the questions
every page asks, the money pages, the template headings); the briefs of a site with several read it once."""

from __future__ import annotations

import pytest

from auditor.llm import inputs
from auditor.llm.inputs import gather_inputs
from tests.test_suggest import german_site

SHARED = ("people", "template_questions", "money_links", "template_lines")


def test_no_brief_to_make_reads_nothing_for_them(monkeypatch: pytest.MonkeyPatch) -> None:
    result, pages = german_site(injection=False, funding=False)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("computed for no brief")

    for name in SHARED:
        monkeypatch.setattr(inputs, name, refuse)
    assert gather_inputs(result, pages) == []


def test_the_shared_context_is_made_once_for_all_briefs(monkeypatch: pytest.MonkeyPatch) -> None:
    result, pages = german_site()
    expected = gather_inputs(result, pages)
    calls: dict[str, int] = {}
    for name in SHARED:
        original = getattr(inputs, name)

        def counted(*args: object, _name: str = name, _original=original, **kwargs: object):  # noqa: ANN001, ANN202
            calls[_name] = calls.get(_name, 0) + 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(inputs, name, counted)
    made = gather_inputs(result, pages)
    assert len(made) == 2
    assert made == expected
    assert calls == {"people": 1, "template_questions": 1, "template_lines": 1}
