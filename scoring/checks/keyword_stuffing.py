"""keyword-stuffing: no single word is repeated unnaturally often."""

from __future__ import annotations

from scoring.core.messages import element
from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.depth import STUFFING_DENSITY, STUFFING_MIN_TERM, STUFFING_MIN_WORDS
from scoring.insights import depth_of
from scoring.registry import ArticleCheck, register
from scoring.site import SiteData


@register
class KeywordStuffing(ArticleCheck):
    id = "keyword-stuffing"
    title = "Articles read naturally"
    failure_title = "Articles repeat keywords unnaturally"
    description = (
        "Keyword stuffing was the one GEO method that lowered visibility in generative answers "
        "(−8.3 % PAWC on GEO-bench, −9.1 % on Perplexity; Aggarwal et al., KDD 2024). An article of "
        f"{STUFFING_MIN_WORDS}+ words fails when one content word ({STUFFING_MIN_TERM}+ letters, stop "
        f"words excluded) makes up {STUFFING_DENSITY:.0%} or more of its words — natural German and "
        "English prose stays near 1-2 % for its main term. Source: Aggarwal et al., 'GEO: "
        "Generative Engine Optimization' (KDD 2024), Table 1."
    )
    category = "depth"
    weight = 1
    effort = "low"
    remedy = "Cut the repeated keywords; write for readers, with synonyms and natural phrasing."
    rule = (
        "fail when one content word (≥ 5 letters, stop words excluded) is ≥ 4 % of all words; else pass."
    )
    messages = {
        "too-short": "fewer than {min_words} words",
        "natural": "no word above the density limit",
        "stuffed": "'{term}' is {percent}% of all words",
        "density": "{percent}% of {words} words (limit {limit}%)",
    }

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        s = depth_of(site, page)
        if s.words < STUFFING_MIN_WORDS:
            return PageOutcome(
                url=page.url, state="not_applicable", reason=self.msg("too-short", min_words=STUFFING_MIN_WORDS)
            )
        if s.stuffing is None:
            return PageOutcome(url=page.url, state="pass", reason=self.msg("natural"))
        term, density = s.stuffing
        return PageOutcome(
            url=page.url,
            state="fail",
            reason=self.msg("stuffed", term=term, percent=round(density * 100, 1)),
            evidence=[
                Evidence(
                    url=page.url,
                    element=element("main-text"),
                    excerpt=term,
                    note=self.msg(
                        "density", percent=round(density * 100, 1), words=s.words, limit=round(STUFFING_DENSITY * 100)
                    ),
                )
            ],
        )
