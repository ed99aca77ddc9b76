"""semantic-duplicates: pages that say the same thing in other words (embedding similarity)."""

from __future__ import annotations

from scoring.audit import WARN_SHARE
from scoring.clusters import CALIBRATION, SCREAMING_FROG_DUPLICATE, semantic_duplicates
from scoring.registry import Check, Outcome, register
from scoring.results import Evidence
from scoring.site import SiteData

MAX_PAIRS_LISTED = 200


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
    scope = "site"
    requires = ("html", "embeddings")

    def evaluate(self, site: SiteData) -> Outcome:
        from scoring.clusters import page_key, topic_pages

        keys = {page_key(p) for p in topic_pages(site.content_pages)}
        vectors = {k: v for k, v in site.embeddings.vectors.items() if k in keys}
        if len(vectors) < 2:
            return Outcome("not_applicable", explanation="Fewer than two content pages were embedded.")
        pairs, threshold = semantic_duplicates(vectors, site.embeddings.model, limit=10_000)
        pairs = [p for p in pairs if not _canonicalised(site, p.a, p.b)]
        affected: list[str] = []
        for pair in pairs:
            affected.extend(u for u in (pair.a, pair.b) if u not in affected)
        model = site.embeddings.model
        calibrated = "calibrated" if model in CALIBRATION else "site-derived"
        if not pairs:
            return Outcome(
                "pass",
                1.0,
                f"No two of {len(vectors)} pages reach cosine {threshold:.2f} ({model}, {calibrated} threshold).",
            )
        score = round(1 - len(affected) / len(vectors), 4)
        details = [{"url_a": p.a, "url_b": p.b, "similarity": round(p.similarity, 3)} for p in pairs[:MAX_PAIRS_LISTED]]
        evidence = [
            Evidence(
                url=p.a, element="embedding", excerpt=p.b, note=f"cosine {p.similarity:.2f} ≥ {threshold:.2f} ({model})"
            )
            for p in pairs[:50]
        ]
        return Outcome(
            "warn" if score >= WARN_SHARE else "fail",
            score,
            (
                f"{len(pairs)} pair(s) of pages cover the same topic (cosine ≥ {threshold:.2f}, {model}, "
                f"{calibrated} threshold); {len(affected)} of {len(vectors)} pages are affected. Merge "
                "them into one deeper page or give each a distinct question."
            ),
            details,
            evidence,
            affected,
        )


def _canonicalised(site: SiteData, a: str, b: str) -> bool:
    for one, other in ((a, b), (b, a)):
        page = site.by_url.get(one)
        if page is not None and page.canonical and site.resolve(page.canonical) == other:
            return True
    return False
