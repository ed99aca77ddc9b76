"""reviews: the site shows what customers say — testimonials or Review/AggregateRating markup."""

from __future__ import annotations

from scoring.checks.impressum import home_url
from scoring.checks.original_material import _jsonld_types
from scoring.core.results import Evidence
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData

MAX_EVIDENCE = 10
RATING_TYPES = frozenset({"review", "aggregaterating"})


@register
class Reviews(Check):
    id = "reviews"
    title = "The site shows customer reviews or testimonials"
    failure_title = "The site shows no customer reviews or testimonials"
    description = (
        "Raters and answer engines look at reputation: what customers say about a business. "
        "Testimonials on your own pages help, and Review / AggregateRating markup makes them "
        "machine-readable — but they weigh less than independent reviews elsewhere, so this check "
        "weighs little. Sources: Google Search Quality Rater Guidelines (reputation); Google Search "
        "Central, 'Review snippet structured data'."
    )
    category = "evidence"
    weight = 1
    effort = "medium"
    remedy = "Publish real customer testimonials (with name and project) and mark them up as Review."
    rule = (
        "pass: Review or AggregateRating JSON-LD on any page; warn: testimonial elements "
        "(testimonial/kundenstimmen/bewertung/review classes, Review microdata) without markup; fail: "
        "neither. Weighs 1: own testimonials count less than independent reputation."
    )
    scope = "site"
    requires = ("html",)

    def evaluate(self, site: SiteData) -> Outcome:
        marked, testimonials = [], []
        for page in site.html_pages:
            if _jsonld_types(page) & RATING_TYPES:
                marked.append(page)
            if page.extras.testimonials:
                testimonials.append(page)
        evidence = [
            Evidence(url=p.url, element="json-ld Review/AggregateRating", note="machine-readable reviews")
            for p in marked[:MAX_EVIDENCE]
        ]
        evidence += [
            Evidence(url=p.url, element="testimonial", note=f"{p.extras.testimonials} testimonial element(s)")
            for p in testimonials[:MAX_EVIDENCE]
        ]
        explanation = (
            f"{len(testimonials)} page(s) with testimonials, {len(marked)} with Review/AggregateRating markup."
        )
        if marked:
            return Outcome("pass", 1.0, explanation, evidence=evidence)
        if testimonials:
            return Outcome(
                "warn",
                0.5,
                explanation + " Mark them up as Review so engines can read them.",
                evidence=evidence,
                affected_urls=[p.url for p in testimonials],
            )
        return Outcome(
            "fail",
            0.0,
            explanation + " No customer voice found on any page.",
            evidence=[
                Evidence(
                    url=home_url(site), element="testimonials / Review", note="no testimonial element or Review markup"
                )
            ],
            affected_urls=[home_url(site)],
        )
