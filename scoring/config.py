"""Categories and weights: the one place that decides how much each check counts.

Validated at load (`validate()`): every check referenced exists, every registered check sits in
exactly one category, preview checks weigh 0, weights are non-negative. Users override weights
or disable checks through `ScoringConfig` (from `--config file.toml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scoring.registry import CATEGORY_IDS, all_checks


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    description: str
    weight: float
    checks: dict[str, float]  # check id -> weight inside the category


# Expertise and evidence carry the most weight: they are what answer engines quote and what the
# GEO study measured (+41 % quotations, +31 % statistics, +28 % cited sources; GEO-EVIDENCE.md §1).
CATEGORIES: tuple[Category, ...] = (
    Category(
        "expertise",
        "Expertise & trust",
        "Who stands behind the content: authors, experts, company identity.",
        25,
        {
            "author-byline": 3,  # a visible author is the first E-E-A-T signal raters look for
            "person-schema": 1,  # machine-readable, but weaker than the visible byline
            "impressum": 2,  # legally required in Germany; the anchor of trust for KMU sites
            "trust-pages": 2,
            "organization-schema": 1,
            "author-profiles": 2,  # who the author is: bio, role, credentials behind the byline (E-E-A-T "Who")
            "named-experts": 1,  # employees as visible experts; counts people, so small sites are not punished hard
            "nap-consistency": 1,  # one identity for engines; a mismatch is a defect, agreement shows no expertise
        },
    ),
    Category(
        "evidence",
        "Evidence",
        "What answer engines quote: attributed quotations, statistics, cited sources, dates.",
        25,
        {
            "attributed-quotes": 3,  # +40.9 % PAWC, the strongest GEO method
            "statistics": 3,  # +30.6 %
            "outbound-citations": 3,  # +27.5 %
            "content-dates": 1,
            "content-freshness": 1,  # visible, consistent, recent dates (AutoGEO, GEO-16); same weight as dates
            "original-material": 2,  # interviews, own photos, video, own data: exclusive content (seed context)
            "reviews": 1,  # testimonials weigh less than independent reputation (rater guidelines)
        },
    ),
    Category(
        "depth",
        "Depth & focus",
        "Fewer, deeper articles on a clear topic.",
        20,
        {
            "thin-content": 3,  # cited pages: 1,943 vs 170 words (top vs bottom quartile)
            "heading-structure": 2,
            "readability": 1,  # style matters less than substance (C-SEO Bench)
            "near-duplicates": 2,
            "semantic-duplicates": 1,  # same topic in other words; embedding thresholds are less exact
            "topical-focus": 2,  # "be a specialist": generalists struggle in AI answers (seed context)
            "cluster-depth": 2,  # depth per topic: 1,943 vs 170 words (cited vs uncited quartile)
            "answer-first": 2,  # "conclusion first", the top rule mined from answer engines (AutoGEO)
            "depth-signals": 2,  # definitions +57 %, comparisons +55 %, numbers +62 % uplift
            "keyword-stuffing": 1,  # −8.3 % PAWC, the one GEO method that hurt; rare on real sites
        },
    ),
    Category(
        "links",
        "Internal links",
        "Whether readers and crawlers reach the deep pages.",
        15,
        {
            "internal-pagerank": 2,
            "click-depth": 2,
            "broken-internal-links": 2,
            "orphan-pages": 1,
            "topic-hubs": 2,  # a hub per topic makes the deep pieces reachable and shows the topic
            "redirecting-internal-links": 1,  # costs a request per hop; easy to fix, small effect
            "generic-anchors": 1,  # anchors describe the target to crawlers; a weak signal alone
        },
    ),
    Category(
        "technical",
        "AI access & technical",
        "Whether search and AI systems may fetch, index and read the pages.",
        15,
        {
            "ai-crawler-access": 3,  # a blocked answer crawler means no citation at all
            "noindex": 2,
            "canonical-tag": 1,
            "title-tag": 1,
            "meta-description": 1,
            "llms-txt": 0,  # informational: answer engines barely fetch it (GEO-EVIDENCE.md §4)
            "crawlable-links": 1,  # pages linked only by scripts stay unseen by AI crawlers; rare on CMS sites
        },
    ),
)

# Work to fix a failing check, for the report's action plan (impact x effort). A guess per check
# for a typical KMU site with a CMS; checks not listed fall back to Check.effort (None: unknown).
EFFORT: dict[str, str] = {
    "ai-crawler-access": "low",  # a few lines in robots.txt
    "noindex": "low",  # remove a meta tag or header
    "canonical-tag": "low",  # one template change
    "title-tag": "low",  # CMS field per page
    "meta-description": "low",  # CMS field per page
    "llms-txt": "low",  # one text file
    "crawlable-links": "low",  # one template component renders <a href> instead
    "organization-schema": "low",  # one JSON-LD block in the site template
    "person-schema": "low",  # JSON-LD in the article template once authors exist
    "content-dates": "low",  # show published/updated dates in the template
    "impressum": "low",  # one legal page, linked in the footer
    "trust-pages": "medium",  # about/contact/privacy pages need writing
    "author-byline": "medium",  # author pages and bylines for every article
    "broken-internal-links": "low",  # fix or redirect the listed links
    "orphan-pages": "low",  # add links from related pages
    "click-depth": "medium",  # navigation and hub pages change
    "internal-pagerank": "medium",  # linking structure changes across the site
    "heading-structure": "low",  # edit headings in existing articles
    "readability": "medium",  # rewrite long sentences
    "near-duplicates": "medium",  # merge or rewrite overlapping pages
    "statistics": "medium",  # research and add figures with sources
    "outbound-citations": "medium",  # find and link primary sources
    "attributed-quotes": "high",  # interview experts, get approvals
    "thin-content": "high",  # expand or merge short articles: real writing work
    "semantic-duplicates": "medium",  # merge or re-angle overlapping pages
    "topical-focus": "high",  # content strategy: drop or re-angle off-topic posts
    "cluster-depth": "high",  # write deep articles per topic
    "answer-first": "low",  # rewrite the opening paragraph
    "depth-signals": "medium",  # add definitions, comparisons, tables to existing articles
    "keyword-stuffing": "low",  # edit repeated words out
    "topic-hubs": "medium",  # write or extend one overview page per topic
    "redirecting-internal-links": "low",  # replace link targets
    "generic-anchors": "low",  # rewrite link texts
    "author-profiles": "medium",  # write author pages with credentials
    "content-freshness": "medium",  # review and update old articles, fix dates
    "named-experts": "medium",  # name the company's experts in articles
    "nap-consistency": "low",  # align name/address/phone in three places
    "original-material": "high",  # own photos, data, project examples
    "reviews": "medium",  # collect and publish customer testimonials
}


@dataclass(frozen=True)
class ScoringConfig:
    """User overrides on top of CATEGORIES."""

    weights: dict[str, float] = field(default_factory=dict)  # check id -> weight
    disabled: frozenset[str] = frozenset()
    # the client's own strong sources (a trade body, a research institute): links to these hosts and
    # their subdomains count as authoritative citations, as the built-in lists do
    source_domains: tuple[str, ...] = ()

    def check_weight(self, check_id: str) -> float:
        if check_id in self.disabled:
            return 0.0
        if check_id in self.weights:
            return float(self.weights[check_id])
        for category in CATEGORIES:
            if check_id in category.checks:
                return float(category.checks[check_id])
        raise KeyError(check_id)


_SOURCE_DOMAIN = re.compile(r"(?<![a-z0-9.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}")


def source_domain(value: object) -> str:
    """A `source_domains` entry as stored ("www.BfR.bund.de" -> "bfr.bund.de"), ValueError when it is
    no host name."""
    host = value.strip().lower().removeprefix("www.") if isinstance(value, str) else ""
    if not _SOURCE_DOMAIN.fullmatch(host):
        raise ValueError(f"source domain {str(value)[:60]!r} is no host name (e.g. \"bfr.bund.de\")")
    return host


def category_of(check_id: str) -> Category:
    for category in CATEGORIES:
        if check_id in category.checks:
            return category
    raise KeyError(check_id)


def validate(config: ScoringConfig | None = None) -> None:
    """Raise ValueError when categories, the registry and the overrides disagree."""
    registry = all_checks()
    if tuple(c.id for c in CATEGORIES) != CATEGORY_IDS:
        raise ValueError("CATEGORIES must list the categories in CATEGORY_IDS order")
    seen: dict[str, str] = {}
    for category in CATEGORIES:
        if category.weight < 0:
            raise ValueError(f"category {category.id}: negative weight")
        for check_id, weight in category.checks.items():
            if check_id not in registry:
                raise ValueError(f"category {category.id}: unknown check {check_id!r}")
            if check_id in seen:
                raise ValueError(f"check {check_id!r} in two categories")
            seen[check_id] = category.id
            check = registry[check_id]
            if check.category != category.id:
                raise ValueError(f"check {check_id!r} declares category {check.category!r}")
            if weight < 0:
                raise ValueError(f"check {check_id!r}: negative weight")
            if check.stage == "preview" and weight > 0:
                raise ValueError(f"preview check {check_id!r} must weigh 0")
    unplaced = sorted(set(registry) - set(seen))
    if unplaced:
        raise ValueError(f"checks without a category: {', '.join(unplaced)}")
    if config is not None:
        unknown = sorted((set(config.weights) | set(config.disabled)) - set(registry))
        if unknown:
            raise ValueError(f"unknown check id in config: {', '.join(unknown)}")
        if any(w < 0 for w in config.weights.values()):
            raise ValueError("weights in config must be >= 0")
        for check_id, weight in config.weights.items():
            if registry[check_id].stage == "preview" and weight > 0:
                raise ValueError(f"preview check {check_id!r} must weigh 0")
