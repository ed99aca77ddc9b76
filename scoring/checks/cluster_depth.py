"""cluster-depth: each topic cluster is covered in depth (long, structured, evidenced pages)."""

from __future__ import annotations

from scoring.core.messages import element
from scoring.core.results import Evidence
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData

DEEP_CLUSTER = 50.0  # median depth score of the members


@register
class ClusterDepth(Check):
    id = "cluster-depth"
    title = "Topic clusters are covered in depth"
    failure_title = "Topic clusters are covered only thinly"
    description = (
        "Answer engines cite long, structured pages that define terms, compare and carry numbers: "
        "the most-cited quartile averaged 1,943 words and 10.6 headings against 170 words and 0.85 "
        "headings (GEO Citation Lab, 18,151 pages). Per topic cluster (from page embeddings) we "
        "take the median depth score of its pages — 50 % length on a log scale from 100 to 2,000 "
        "words, 20 % one H2/H3 per 300 words, 30 % the share of five signals (definition, "
        "comparison, numbers, list/table, answer-first opening) — and count the cluster as deep "
        f"from {DEEP_CLUSTER:.0f}. Score = share of clusters that are deep, weighted by pages. "
        "Sources: GEO Citation Lab study; AutoGEO (ICLR 2026)."
    )
    category = "depth"
    weight = 2
    effort = "high"
    remedy = "Write one deep article for each shallow topic cluster, or merge its short pages."
    rule = (
        "topic clusters (relative similarity ≥ max(0.30, site median + 0.10), within one language: "
        "translations are never one cluster); per cluster pages, total "
        "and median words, evidence-check passes, strongest page, hub page and the median depth score "
        "(50 % length on a log scale 100–2,000 words, 20 % one H2/H3 per 300 words, 30 % signals: "
        "definition, comparison, figure, list/table, answer-first). Score = share of pages in clusters "
        "with median depth ≥ 50."
    )
    scope = "site"
    requires = ("html", "embeddings")
    columns = {
        "cluster": "number",
        "label": "text",
        "pages": "number",
        "total_words": "number",
        "median_words": "number",
        "depth_score": "number",
        "strongest_url": "url",
        "hub_url": "url",
    }
    messages = {
        "none": "No topic cluster of two or more pages.",
        "cluster": "{pages} page(s), median {median_words} words, depth {depth} of 100",
        "all-deep": "All {clusters} topic cluster(s) reach depth {depth}.",
        "shallow": (
            "{shallow} of {clusters} topic cluster(s) stay shallow (median depth below {depth}): write one deep "
            "article per cluster or merge the short ones."
        ),
    }

    def evaluate(self, site: SiteData) -> Outcome:
        from scoring.insights import clusters

        found = clusters(site)
        if not found:
            return Outcome("not_applicable", explanation=self.msg("none"))
        rows = [
            {
                "cluster": c.id,
                "label": c.label,
                "pages": c.pages,
                "total_words": c.total_words,
                "median_words": c.median_words,
                "depth_score": c.depth_score,
                "strongest_url": c.strongest_url,
                "hub_url": c.hub_url,
            }
            for c in found
        ]
        total = sum(c.pages for c in found)
        shallow = [c for c in found if (c.depth_score or 0) < DEEP_CLUSTER]
        score = round(1 - sum(c.pages for c in shallow) / total, 4)
        evidence = [
            Evidence(
                url=c.strongest_url or c.urls[0],
                element=element("topic-cluster"),
                excerpt=c.label,
                note=self.msg(
                    "cluster", pages=c.pages, median_words=round(c.median_words), depth=round(c.depth_score or 0)
                ),
            )
            for c in shallow
        ]
        if not shallow:
            return Outcome("pass", 1.0, self.msg("all-deep", clusters=len(found), depth=round(DEEP_CLUSTER)), rows)
        return Outcome(
            "warn" if score >= 0.8 else "fail",
            score,
            self.msg("shallow", shallow=len(shallow), clusters=len(found), depth=round(DEEP_CLUSTER)),
            rows,
            evidence,
            [u for c in shallow for u in c.urls],
        )
