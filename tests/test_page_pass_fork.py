"""The page pass in two processes (scoring.audit._halves, issue 19): a forked child judges the second
half of the pages; outcomes, errors, signals and the whole result are those of the pass in one process."""

from __future__ import annotations

import pytest

import scoring.audit as audit
from scoring.audit import page_pass, score_site
from scoring.registry import all_checks
from scoring.site import SiteData
from tests.synthetic_site import site_artifacts, site_embeddings, site_records

N = 60


def _pass(monkeypatch, processes: str, checks=None):
    monkeypatch.setenv("GEO_SCORE_PROCESSES", processes)
    site = SiteData(site_records(N), site_artifacts(N), site_embeddings(N))
    return page_pass(checks or [cls() for cls in all_checks().values()], site, with_signals=True)


@pytest.fixture
def small_sites_fork(monkeypatch):
    monkeypatch.setattr(audit, "PARALLEL_MIN_PAGES", 2)
    monkeypatch.setattr(audit, "_parallel", lambda: __import__("os").environ["GEO_SCORE_PROCESSES"] != "1")


def test_two_processes_give_the_outcomes_of_one(monkeypatch, small_sites_fork):
    calls = []
    real = audit._halves

    def spy(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(audit, "_halves", spy)
    one = _pass(monkeypatch, "1")
    assert not calls
    two = _pass(monkeypatch, "2")
    assert calls  # the second pass forked
    assert list(one.outcomes) == list(two.outcomes) and not one.errors and not two.errors
    for check_id, column in one.outcomes.items():
        forked = two.outcomes[check_id]
        assert [o.model_dump() for o in forked] == [o.model_dump() for o in column], check_id
    assert list(one.signals) == list(two.signals) and one.signals == two.signals


def test_an_error_in_the_second_half_is_the_checks_error(monkeypatch, small_sites_fork):
    check = next(cls() for cls in all_checks().values() if cls.scope == "page")
    urls = [p.url for p in site_records(N)]
    late = urls[N - 5]
    real = type(check).evaluate_page

    def failing(self, page, site):
        if page.url == late:
            raise RuntimeError(f"broken on {page.url}")
        return real(self, page, site)

    monkeypatch.setattr(type(check), "evaluate_page", failing)
    one = _pass(monkeypatch, "1", [check])
    two = _pass(monkeypatch, "2", [check])
    assert str(one.errors[check.id]) == str(two.errors[check.id]) == f"broken on {late}"


def test_a_child_that_fails_leaves_its_half_here(monkeypatch, small_sites_fork):
    one = _pass(monkeypatch, "1")
    monkeypatch.setattr(audit.pickle, "dump", lambda *a, **k: (_ for _ in ()).throw(TypeError("no pickling")))
    two = _pass(monkeypatch, "2")
    for check_id, column in one.outcomes.items():
        assert [o.model_dump() for o in two.outcomes[check_id]] == [o.model_dump() for o in column], check_id
    assert one.signals == two.signals


def test_the_result_is_the_same(monkeypatch, small_sites_fork):
    results = []
    for processes in ("1", "2"):
        monkeypatch.setenv("GEO_SCORE_PROCESSES", processes)
        result = score_site(site_records(N), site_artifacts(N), embeddings=site_embeddings(N))
        results.append(result.model_dump(exclude={"timing"}))
    assert results[0] == results[1]
