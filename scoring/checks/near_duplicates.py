"""near-duplicates: pages whose main text is (almost) the same as another page's."""

from __future__ import annotations

from scoring.audit import WARN_SHARE
from scoring.core.messages import element
from scoring.core.records import PageRecord
from scoring.core.results import Evidence
from scoring.core.text import excerpt, words
from scoring.registry import Check, Outcome, register
from scoring.shingle_arrays import BANDS, MAX_SHINGLE_PAGES, ROWS, ArrayStore, near_duplicate_pairs, shingle_array
from scoring.shingles import SHINGLE_WORDS, THRESHOLD
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
        "seed); every candidate's Jaccard exact; the 500 most similar pairs are listed). Pages are compared within one "
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
        found = []
        # The search does not look up candidates through shingles on more than MAX_SHINGLE_PAGES distinct
        # texts (template text: on a site whose pages all draw on shared paragraphs every page was a
        # candidate of every other, a quadratic search — issue 19). Copies count once, pages whose shared
        # text is all template text still meet through MinHash bands, and each pair's Jaccard is exact
        # (scoring/shingle_arrays.py; the same outcome on all 31 real corpus sites as the exhaustive search).
        try:
            for members in language_groups(pages.values()).values():
                found += near_duplicate_pairs(sets.view(_key(m) for m in members), THRESHOLD)
        finally:
            sets.close()
        found.sort(key=lambda p: (-p.similarity, order[p.a], order[p.b]))
        pairs = [
            p
            for p in found
            if not _canonicalised(pages[p.a], p.b, site)
            and not _canonicalised(pages[p.b], p.a, site)
            and not hreflang_joined(site, p.a, p.b)
        ]
        affected: list[str] = []
        for pair in pairs:
            for url in (pair.a, pair.b):
                if url not in affected:
                    affected.append(url)
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
        found = {"pairs": len(pairs), "percent": _percent(THRESHOLD), "affected": len(affected), "pages": len(sets)}
        return Outcome(
            state,
            score,
            self.msg("pairs-listed", **found, listed=MAX_PAIRS_LISTED)
            if len(pairs) > MAX_PAIRS_LISTED
            else self.msg("pairs", **found),
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
