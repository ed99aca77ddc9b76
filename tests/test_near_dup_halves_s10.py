"""The near-duplicates check shingles a large site's second half in a forked child (issue 19, tenth stop): the
same pages, words and shingles in the same order as one process — with repeated URLs, short pages, and a child
that dies midway."""

from __future__ import annotations

import os
import random

import numpy as np

from scoring.checks import near_duplicates
from scoring.checks.near_duplicates import MIN_WORDS, PARALLEL_MIN_PAGES, _shingle, shingled
from scoring.core.records import PageRecord

VOCABULARY = [f"wort{i}" for i in range(300)]


def _pages(seed: int, n: int) -> list[PageRecord]:
    rng = random.Random(seed)
    pages = []
    for i in range(n):
        url = f"https://example.org/{rng.randrange(n * 3 // 4)}"  # some URLs twice, in either half
        size = rng.choice([5, MIN_WORDS - 1, MIN_WORDS, 150, 400])
        text = " ".join(rng.choice(VOCABULARY) for _ in range(size))
        pages.append(PageRecord(url=url, final_url=url if i % 3 else None, status=200, main_text=text))
    return pages


def _flat(items) -> list[tuple[int, int, list[int]]]:
    return [(index, n, array.tolist()) for index, n, array in items]


def _sequential(pages: list[PageRecord]) -> list[tuple[int, int, list[int]]]:
    """What the check keeps: the first page of each URL with enough words, as one process gives it."""
    kept, seen = [], set()
    for index, n, array in _shingle(pages, 0, len(pages)):
        key = pages[index].final_url or pages[index].url
        if key not in seen:
            seen.add(key)
            kept.append((index, n, array.tolist()))
    return kept


def _kept(items) -> list[tuple[int, int, list[int]]]:
    kept, seen = [], set()
    for index, n, array in _flat(items):
        key = PAGES[index].final_url or PAGES[index].url
        if key not in seen:
            seen.add(key)
            kept.append((index, n, array))
    return kept


PAGES = _pages(19, PARALLEL_MIN_PAGES + 101)


def test_two_processes_give_what_one_gives(monkeypatch) -> None:
    monkeypatch.setenv("GEO_SCORE_PROCESSES", "2")
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    expected = _sequential(PAGES)
    assert _kept(shingled(PAGES)) == expected
    monkeypatch.setenv("GEO_SCORE_PROCESSES", "1")
    assert _kept(shingled(PAGES)) == expected


def test_a_child_that_dies_midway_leaves_the_rest_to_this_process(monkeypatch) -> None:
    monkeypatch.setenv("GEO_SCORE_PROCESSES", "2")
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    parent = os.getpid()
    original = near_duplicates._shingle

    def dying(pages, start, stop):  # noqa: ANN001, ANN202
        for count, item in enumerate(original(pages, start, stop)):
            if os.getpid() != parent and count == 17:
                raise RuntimeError("the child fails")
            yield item

    monkeypatch.setattr(near_duplicates, "_shingle", dying)
    assert _kept(shingled(PAGES)) == _sequential(PAGES)
    assert all(isinstance(array, np.ndarray) for _, _, array in shingled(PAGES[:10]))
