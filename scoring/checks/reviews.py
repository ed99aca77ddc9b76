"""reviews: the site shows what customers say — testimonials or Review/AggregateRating markup."""

from __future__ import annotations

from scoring.checks.impressum import home_url
from scoring.core.jsonld import nested_types
from scoring.core.messages import sentences
from scoring.core.results import Evidence
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData, is_indexable

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
        "neither. Indexable pages only (a noindex page's reviews reach no engine). Weighs 1: own testimonials "
        "count less than independent reputation."
    )
    scope = "site"
    requires = ("html",)

    messages = {
        "counts": "{testimonials} page(s) with testimonials, {marked} with Review/AggregateRating markup.",
        "mark-up": "Mark them up as Review so engines can read them.",
        "none": "No customer voice found on any page.",
        "machine-readable": "machine-readable reviews",
        "elements": "{count} testimonial element(s)",
        "none-note": "no testimonial element or Review markup",
        "element-testimonial": "testimonial",
        "element-none": "testimonials / Review",
    }

    def evaluate(self, site: SiteData) -> Outcome:
        marked, testimonials = [], []
        for page in site.html_pages:
            if not is_indexable(page):  # kept out of search by the site: its reviews reach no engine
                continue
            if nested_types(page.structured_data) & RATING_TYPES:
                marked.append(page)
            if page.extras.testimonials:
                testimonials.append(page)
        evidence = [
            Evidence(url=p.url, element="json-ld Review/AggregateRating", note=self.msg("machine-readable"))
            for p in marked[:MAX_EVIDENCE]
        ]
        evidence += [
            Evidence(
                url=p.url,
                element=self.msg("element-testimonial"),
                note=self.msg("elements", count=p.extras.testimonials),
            )
            for p in testimonials[:MAX_EVIDENCE]
        ]
        explanation = self.msg("counts", testimonials=len(testimonials), marked=len(marked))
        if marked:
            return Outcome("pass", 1.0, explanation, evidence=evidence)
        if testimonials:
            return Outcome(
                "warn",
                0.5,
                sentences([explanation, self.msg("mark-up")]),
                evidence=evidence,
                affected_urls=[p.url for p in testimonials],
            )
        # a site finding, shown at the home page unless the site keeps that page out of search
        home = home_url(site)
        record = site.page(home)
        at = [home] if record is None or is_indexable(record) else []
        return Outcome(
            "fail",
            0.0,
            sentences([explanation, self.msg("none")]),
            evidence=[Evidence(url=url, element=self.msg("element-none"), note=self.msg("none-note")) for url in at],
            affected_urls=at,
        )
