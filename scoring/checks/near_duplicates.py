"""near-duplicates: pages whose main text is (almost) the same as another page's."""

from __future__ import annotations

from scoring.audit import WARN_SHARE
from scoring.core.records import PageRecord
from scoring.core.results import Evidence
from scoring.core.text import excerpt, words
from scoring.registry import Check, Outcome, register
from scoring.shingles import SHINGLE_WORDS, THRESHOLD, near_duplicate_pairs, shingles
from scoring.site import SiteData

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
        "points at the other page of a pair is treated as resolved. Sources: AutoGEO (ICLR "
        "2026); Broder, 'On the resemblance and containment of documents' (1997); Screaming "
        "Frog flags near-duplicates at 90 %, Semrush at 85 %."
    )
    category = "depth"
    weight = 2
    effort = "medium"
    remedy = (
        "Merge the near-duplicate pages, make each distinct, or point the copy's canonical at the "
        "original."
    )
    rule = (
        "5-word shingles of the main text (pages ≥ 100 words, one per final URL); pairs with Jaccard ≥ "
        "0.8 are reported with both URLs (exact all-pairs search with prefix filtering, "
        "`scoring/shingles.py`; the 500 most similar pairs are listed). A page whose canonical points at "
        "its partner resolves the pair. Score = 1 − pages in a pair / pages compared; warn from 0.8, "
        "fail below. Not applicable with fewer than two pages to compare."
    )
    scope = "site"
    requires = ("html",)

    def evaluate(self, site: SiteData) -> Outcome:
        pages: dict[str, PageRecord] = {}
        sets = {}
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
            sets[key] = shingles(tokens)
        if len(sets) < 2:
            return Outcome(
                "not_applicable",
                explanation=f"Fewer than two pages with {MIN_WORDS} or more words to compare.",
            )
        pairs = [
            p
            for p in near_duplicate_pairs(sets, THRESHOLD)
            if not _canonicalised(pages[p.a], p.b, site) and not _canonicalised(pages[p.b], p.a, site)
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
                element="main text",
                excerpt=excerpt(pages[p.a].main_text),
                note=f"{p.similarity:.0%} of {SHINGLE_WORDS}-word sequences shared with {p.b}",
            )
            for p in pairs[:MAX_EVIDENCE]
        ]
        if not pairs:
            return Outcome("pass", 1.0, f"No two of {len(sets)} pages share {THRESHOLD:.0%} of their text.")
        state = "warn" if score >= WARN_SHARE else "fail"
        return Outcome(
            state,
            score,
            (
                f"{len(pairs)} pair(s) of pages share {THRESHOLD:.0%} or more of their text; "
                f"{len(affected)} of {len(sets)} pages are affected"
                + (f" (the {MAX_PAIRS_LISTED} most similar pairs are listed)" if len(pairs) > MAX_PAIRS_LISTED else "")
                + ". Merge them, make each distinct, or point the copy's canonical at the original."
            ),
            details,
            evidence,
            affected,
        )


def _canonicalised(page: PageRecord, other: str, site: SiteData) -> bool:
    """The page declares the other page of the pair as its canonical version."""
    return bool(page.canonical) and site.resolve(page.canonical) == other
