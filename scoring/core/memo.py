"""A one-page memo for the page detectors that both a page check and the page's signals run.

The score stage judges one page at a time: every page check, then the page's signals
(`scoring.signals.page_signals`), which call the same detectors (quotations, statistics, bylines,
citations). `last_page` keeps a detector's result for the page it last saw, so the second call on that
page is free; the next page replaces it. One slot per detector: memory does not grow with the site.
Detectors are pure functions of their arguments, so a remembered result is the result.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def last_page(fn: Callable[..., T]) -> Callable[..., T]:
    """Remember `fn(page, *args)` for the last page object (by identity, through a weak reference, so
    a page freed and another allocated at its address is never mistaken for it) and the same other
    arguments (by identity: the site)."""
    slot: list[Any] = [None, (), None]  # weak reference to the page, other arguments, result

    @functools.wraps(fn)
    def remembered(page: Any, *args: Any) -> T:
        ref, seen_args, result = slot
        if (
            ref is not None
            and ref() is page
            and len(seen_args) == len(args)
            and all(a is b for a, b in zip(seen_args, args, strict=True))
        ):
            return result
        result = fn(page, *args)
        slot[:] = [weakref.ref(page), args, result]
        return result

    remembered.uncached = fn  # type: ignore[attr-defined]  # the detector itself (tests, benches)
    return remembered
