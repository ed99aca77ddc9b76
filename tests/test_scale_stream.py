"""score_site reads its pages once: an iterator (as the store streams them) gives the same result
as a list (issue 19; the runner can pass `store.iter_pages(...)` directly)."""

from __future__ import annotations

from collections.abc import Iterator

from scoring.audit import score_site
from scoring.core.records import PageRecord
from tests.synthetic_site import site_artifacts, site_embeddings, site_records

N = 80


class Once:
    """An iterable that refuses a second pass."""

    def __init__(self, pages: list[PageRecord]) -> None:
        self.pages, self.passes = pages, 0

    def __iter__(self) -> Iterator[PageRecord]:
        self.passes += 1
        assert self.passes == 1, "score_site read its pages twice"
        return iter(self.pages)


def _comparable(result) -> str:  # noqa: ANN001 - AuditResult
    return result.model_copy(update={"timing": {}}).model_dump_json()


def test_score_site_reads_an_iterator_once_with_the_same_result() -> None:
    pages = list(site_records(N))
    once = Once(pages)
    streamed = score_site(once, site_artifacts(N), embeddings=site_embeddings(N))
    listed = score_site(pages, site_artifacts(N), embeddings=site_embeddings(N))
    assert once.passes == 1
    assert streamed.coverage.urls_crawled == len(pages)
    assert _comparable(streamed) == _comparable(listed)
