"""near-duplicates: pages whose main text is (almost) the same as another page's."""

from __future__ import annotations

import heapq

from scoring.audit import WARN_SHARE
from scoring.core.messages import element
from scoring.core.records import PageRecord
from scoring.core.results import Evidence
from scoring.core.text import excerpt, words
from scoring.registry import Check, Outcome, register
from scoring.shingle_arrays import (
    BANDS,
    MAX_GROUP_PAGES,
    MAX_SHINGLE_PAGES,
    NEIGHBOURS,
    ROWS,
    ArrayStore,
    PairSearch,
    shingle_array,
)
from scoring.shingles import SHINGLE_WORDS, THRESHOLD, Pair
from scoring.site import SiteData
from scoring.translations import hreflang_joined, language_groups

MIN_WORDS = 100
MAX_EVIDENCE = 50
MAX_PAIRS_LISTED = 500  # details rows; a templated site can have hundreds of thousands of pairs


def _key(page: PageRecord) -> str:
    return page.final_url or page.url


@register
class NearDuplicates(Check):
    id = "near-duplicates"
    title = "Pages have distinct text"
    failure_title = "Pages repeat each other's text"
    description = (
        "Near-identical pages split links and signals between them, and an answer engine cites "
        "one of them at best; one focused page per topic is among the rules mined from answer "
        f"engines. Pages with at least {MIN_WORDS} words are compared by the {SHINGLE_WORDS}-word "
        "sequences (shingles) of their main text; pairs sharing "
        f"{THRESHOLD * 100:.0f} % or more (Jaccard similarity) are reported. A page whose canonical "
        "points at the other page of a pair is treated as resolved. Text that more than "
        f"{MAX_SHINGLE_PAGES} pages repeat (template text) is not used to look up candidate pairs, "
        "only to measure them, so that a site whose pages all share paragraphs is searched in linear "
        "time; pages that share nothing but template text are still paired through MinHash, and every "
        "pair is measured exactly. Sources: AutoGEO (ICLR "
        "2026); Broder, 'On the resemblance and containment of documents' (1997); Screaming "
        "Frog flags near-duplicates at 90 %, Semrush at 85 %."
    )
    category = "depth"
    weight = 2
    effort = "medium"
    remedy = "Merge the near-duplicate pages, make each distinct, or point the copy's canonical at the original."
    rule = (
        "5-word shingles of the main text (pages ≥ 100 words, one per final URL); pairs with Jaccard ≥ "
        "0.8 are reported with both URLs (all-pairs search with prefix filtering, "
        f"`scoring/shingle_arrays.py`: copies searched once; shingles on more than {MAX_SHINGLE_PAGES} distinct "
        "texts are not looked up, pages whose shared text is all such shingles meet through MinHash bands "
        f"({BANDS} × {ROWS}, fixed "
        "seed); every candidate's Jaccard exact; the 500 most similar pairs are listed; a group met in bulk — copies "
        f"of one text, the pages of one MinHash bucket — of more than {MAX_GROUP_PAGES} pages is compared page by "
        f"page with its first page and {NEIGHBOURS} neighbours, not pair by pair, and the finding says so). Pages "
        "are compared within one "
        "language (detected, else declared); translations and pages joined by hreflang are no pair. A page "
        "whose canonical points at its partner resolves the pair. Score = 1 − pages in a pair / pages "
        "compared; warn from 0.8, fail below. Not applicable with fewer than two pages to compare."
    )
    scope = "site"
    requires = ("html",)
    columns = {"url_a": "url", "url_b": "url", "similarity": "number", "words_a": "number", "words_b": "number"}
    messages = {
        "too-few": "Fewer than two pages with {min_words} or more words to compare.",
        "shared-with": "{percent}% of {n}-word sequences shared with {url}",
        "none": "No two of {pages} pages share {percent}% of their text.",
        "pairs": (
            "{pairs} pair(s) of pages share {percent}% or more of their text; {affected} of {pages} pages are "
            "affected. Merge them, make each distinct, or point the copy's canonical at the original."
        ),
        "pairs-listed": (
            "{pairs} pair(s) of pages share {percent}% or more of their text; {affected} of {pages} pages are "
            "affected (the {listed} most similar pairs are listed). Merge them, make each distinct, or point "
            "the copy's canonical at the original."
        ),
        "pairs-capped": (
            "{pairs} pair(s) of pages share {percent}% or more of their text; {affected} of {pages} pages are "
            "affected. {grouped} pages are in groups of more than {group_cap} near-copies (the largest: {largest} "
            "pages), each page compared with its group's first page and {neighbours} neighbours instead of every "
            "page, so these groups have more pairs than counted (the {listed} most similar pairs found are "
            "listed). Merge them, make each distinct, or point the copy's canonical at the original."
        ),
    }

    def evaluate(self, site: SiteData) -> Outcome:
        pages: dict[str, PageRecord] = {}
        sets = ArrayStore()  # in a temporary file: 8 bytes a shingle, 800 MB at 20,000 long pages
        counts: dict[str, int] = {}
        for page in site.content_pages:  # noindex archives are no duplicates to merge
            key = _key(page)
            if key in pages:
                continue
            tokens = words(page.main_text)
            if len(tokens) < MIN_WORDS:
                continue
            pages[key] = page
            counts[key] = len(tokens)
            sets.add(key, shingle_array(tokens))  # a frozenset took ~140 bytes a shingle (issue 19)
        if len(sets) < 2:
            return Outcome("not_applicable", explanation=self.msg("too-few", min_words=MIN_WORDS))
        order = {key: i for i, key in enumerate(sets)}
        # within one language (translations are no duplicates), pages joined by hreflang aside: regional
        # variants, or an untranslated copy under /en/ (the hreflang check's finding, not a page to merge).
        # The same text in one language without hreflang stays a duplicate, whatever the URL prefix says.
        # The search does not look up candidates through shingles on more than MAX_SHINGLE_PAGES distinct
        # texts (template text: on a site whose pages all draw on shared paragraphs every page was a
        # candidate of every other, a quadratic search — issue 19). Copies count once, pages whose shared
        # text is all template text still meet through MinHash bands, and each pair's Jaccard is exact
        # (scoring/shingle_arrays.py; the same outcome on all 31 real corpus sites as the exhaustive search).
        # Pairs stream through: counted, their pages kept, only the MAX_PAIRS_LISTED most similar held — a
        # cluster of 10,000 near-copies (50 million pairs) is compared page by page with its neighbours.
        count = 0
        best: list[tuple[float, int, int, Pair]] = []  # a heap: the least similar listed pair on top
        first_seen: dict[str, tuple[float, int, int, int]] = {}  # page -> its first place in the sorted list
        capped: set[str] = set()
        largest = 0
        try:
            for members in language_groups(pages.values()).values():
                search = PairSearch(sets.view(_key(m) for m in members), THRESHOLD, max_group=MAX_GROUP_PAGES)
                for p in search:
                    if (
                        _canonicalised(pages[p.a], p.b, site)
                        or _canonicalised(pages[p.b], p.a, site)
                        or hreflang_joined(site, p.a, p.b)
                    ):
                        continue
                    count += 1
                    place = (-p.similarity, order[p.a], order[p.b])
                    item = (p.similarity, -order[p.a], -order[p.b], p)
                    if len(best) < MAX_PAIRS_LISTED:
                        heapq.heappush(best, item)
                    elif item[:3] > best[0][:3]:
                        heapq.heapreplace(best, item)
                    for side, url in enumerate((p.a, p.b)):
                        seen = first_seen.get(url)
                        if seen is None or (*place, side) < seen:
                            first_seen[url] = (*place, side)
                capped |= search.capped_pages
                largest = max(largest, search.largest_group)
        finally:
            sets.close()
        pairs = [item[3] for item in sorted(best, key=lambda item: (-item[0], -item[1], -item[2]))]
        affected = sorted(first_seen, key=first_seen.__getitem__)
        score = round(1 - len(affected) / len(sets), 4)
        details = [
            {
                "url_a": p.a,
                "url_b": p.b,
                "similarity": round(p.similarity, 3),
                "words_a": counts[p.a],
                "words_b": counts[p.b],
            }
            for p in pairs[:MAX_PAIRS_LISTED]
        ]
        evidence = [
            Evidence(
                url=p.a,
                element=element("main-text"),
                excerpt=excerpt(pages[p.a].main_text),
                note=self.msg("shared-with", percent=_percent(p.similarity), n=SHINGLE_WORDS, url=p.b),
            )
            for p in pairs[:MAX_EVIDENCE]
        ]
        if not pairs:
            return Outcome("pass", 1.0, self.msg("none", pages=len(sets), percent=_percent(THRESHOLD)))
        state = "warn" if score >= WARN_SHARE else "fail"
        found = {"pairs": count, "percent": _percent(THRESHOLD), "affected": len(affected), "pages": len(sets)}
        if capped:
            message = self.msg(
                "pairs-capped",
                **found,
                listed=len(pairs),
                grouped=len(capped),
                group_cap=MAX_GROUP_PAGES,
                largest=largest,
                neighbours=NEIGHBOURS,
            )
        elif count > MAX_PAIRS_LISTED:
            message = self.msg("pairs-listed", **found, listed=MAX_PAIRS_LISTED)
        else:
            message = self.msg("pairs", **found)
        return Outcome(
            state,
            score,
            message,
            details,
            evidence,
            affected,
        )


def _percent(share: float) -> int:
    """A share as a whole percentage (0.875 -> 88), rounded as "{:.0%}" rounds."""
    return round(share * 100)


def _canonicalised(page: PageRecord, other: str, site: SiteData) -> bool:
    """The page declares the other page of the pair as its canonical version."""
    return bool(page.canonical) and site.resolve(page.canonical) == other
