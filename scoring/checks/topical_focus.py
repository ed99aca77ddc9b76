"""topical-focus: a specialist site (few coherent topic fields) rather than a generalist one."""

from __future__ import annotations

from scoring.clusters import FIELD_SIMILARITY, OFF_TOPIC_SIMILARITY
from scoring.core.messages import element, term
from scoring.core.results import Evidence
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData

PASS_FOCUS = 60.0
FAIL_FOCUS = 35.0


@register
class TopicalFocus(Check):
    id = "topical-focus"
    title = "The site is focused on its topic"
    failure_title = "The site spreads over unrelated topics"
    description = (
        "Answer engines use specialists: the seed studies advise small companies to be a "
        "specialist and publish fewer, deeper articles; 'one focus per page' and topical relevance "
        "dominate citation (C-SEO Bench, Wan et al. ACL 2024). Content pages are embedded and "
        "grouped into topic fields (average-linkage clustering at a relative similarity of "
        f"{FIELD_SIMILARITY}); Focus = 100 · (1 − H / ln N), H the entropy of pages over fields "
        "with each unclustered page a field of its own: 100 for one field, 0 when every page is "
        "on its own topic. Pages outside the core fields (those holding 15 % of the pages) whose "
        f"relative similarity to every core centre is below {OFF_TOPIC_SIMILARITY} and below the 10th "
        "percentile of the core pages' own are listed as off-topic. Score = Focus / 100. "
        "Sources: German trade press on GEO for small and mid-sized companies; AutoGEO (ICLR 2026); "
        "Puerto et al., C-SEO Bench (NeurIPS 2025); Wan et al. (ACL 2024) (docs/sources.md §2)."
    )
    category = "depth"
    weight = 2
    effort = "high"
    remedy = "Drop or move the off-topic posts, or tie them clearly to your core expertise."
    rule = (
        "content pages (not legal, contact, listing, profile; ≥ 80 words) grouped into topic fields by "
        "average-linkage clustering at relative similarity 0.25 (rel = (cos − baseline) / (1 − "
        "baseline)); Focus = 100 · (1 − H / ln N), H the entropy of pages over fields (unclustered pages "
        "count as fields of their own). Off-topic: pages outside the core fields (≥ 15 % of pages) whose "
        "relative similarity to every core centre is below 0.5 and below the 10th percentile of the core "
        "pages' own similarities. A site in several languages (detected from the text, else declared) is "
        "clustered per language — a page and its translation are never one cluster, labels name the "
        "language — and Focus is the page-weighted mean of the languages' Focus. Score = Focus / 100; pass "
        "≥ 60 without off-topic pages, fail < 35, else warn. Details: the topic clusters (label, pages, "
        "cohesion) and the off-topic pages."
    )
    scope = "site"
    requires = ("html", "embeddings")
    columns = {
        "cluster": "number",
        "label": "text",
        "pages": "number",
        "cohesion": "number",
        "url": "url",
        "off_topic": "message",
        "similarity_to_core": "number",
    }
    messages = {
        "too-few": "Fewer than two content pages were embedded.",
        "similarity": "relative similarity {similarity} to the site's core topics",
        "focus": "Focus {focus} of 100 over {pages} content pages in {clusters} topic cluster(s).",
        "focus-off-topic": (
            "Focus {focus} of 100 over {pages} content pages in {clusters} topic cluster(s); {off_topic} page(s) "
            "off the site's core topics — drop them, move them to a news section without weight, or tie them to "
            "your expertise."
        ),
    }

    def evaluate(self, site: SiteData) -> Outcome:
        clustering = site.clustering
        if clustering is None or clustering.focus_score is None:
            return Outcome("not_applicable", explanation=self.msg("too-few"))
        focus = clustering.focus_score
        rows = [
            {"cluster": c.id, "label": c.label, "pages": len(c.members), "cohesion": c.cohesion}
            for c in clustering.clusters
        ] + [
            {"url": u, "off_topic": term("yes"), "similarity_to_core": clustering.centre_similarity.get(u)}
            for u in clustering.off_topic
        ]
        evidence = [
            Evidence(
                url=u,
                element=element("embedding"),
                note=self.msg("similarity", similarity=round(clustering.centre_similarity.get(u, 0), 2)),
            )
            for u in clustering.off_topic[:50]
        ]
        state = (
            "pass" if focus >= PASS_FOCUS and not clustering.off_topic else ("fail" if focus < FAIL_FOCUS else "warn")
        )
        found = {
            "focus": round(focus),
            "pages": len(clustering.centre_similarity),
            "clusters": len(clustering.clusters),
        }
        text = (
            self.msg("focus-off-topic", **found, off_topic=len(clustering.off_topic))
            if clustering.off_topic
            else self.msg("focus", **found)
        )
        return Outcome(state, round(focus / 100, 4), text, rows, evidence, list(clustering.off_topic))
