"""`excerpt` flattens only a prefix of a long text (issue 19, tenth stop): the same excerpt as flattening the
whole text, on random texts of every length around the limit."""

from __future__ import annotations

import random

import pytest

from scoring.core.text import excerpt

PIECES = ["a", "Wort", "ü", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "…", ".", "x" * 30, " \n "]


def _slow(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@pytest.mark.parametrize("seed", range(4))
def test_excerpt_equals_flattening_the_whole_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 600)))
        if rng.random() < 0.2:  # long runs of white space past the first prefix
            text = text[:50] + " " * rng.randint(100, 2000) + text[50:]
        limit = rng.choice([0, 1, 2, 10, 160, 200, 300])
        assert excerpt(text, limit) == _slow(text, limit), (text, limit)
    assert excerpt("x " * 100_000) == _slow("x " * 100_000)
