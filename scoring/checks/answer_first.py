"""answer-first: an article's opening paragraph answers or defines what its title promises."""

from __future__ import annotations

from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.core.text import excerpt
from scoring.insights import depth_of
from scoring.registry import ArticleCheck, register
from scoring.site import SiteData


@register
class AnswerFirst(ArticleCheck):
    id = "answer-first"
    title = "Articles answer first"
    failure_title = "Articles postpone the answer"
    description = (
        "Answer engines lift the passage that answers the question; 'conclusion first' is the top "
        "rule mined from generative engines (AutoGEO, ICLR 2026). The opening paragraph (the first "
        "with 8+ words) passes when it does not open with a throat-clearing phrase ('In diesem "
        "Artikel …', 'Herzlich willkommen', 'In this article') and either names at least a third "
        "of the title's content words (the H1, else the title without the site name) or holds a "
        "definition or a figure with a unit in its first two sentences. Sources: AutoGEO "
        "(ICLR 2026); GEO Citation Lab (definitions +57 %)."
    )
    category = "depth"
    weight = 2
    effort = "low"
    remedy = "Open each listed article with a two-sentence direct answer to its main question."
    rule = (
        "the first paragraph of ≥ 8 words: fail when it opens with a throat-clearing phrase (\"In diesem "
        "Artikel\", \"Herzlich willkommen\", \"In this article\", …); pass when it names ≥ 1/3 of the H1's "
        "(else the title's) content words (prefix match) or holds a definition or a figure with a unit "
        "in its first two sentences; else fail."
    )
    messages = {
        "no-opening": "no opening paragraph or title",
        "opening": "opening paragraph",
        "answers": "the opening addresses the title",
        "postpones": "the opening paragraph does not answer what the title promises",
    }

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        signals = depth_of(site, page)
        if signals.answer_first is None:
            return PageOutcome(url=page.url, state="not_applicable", reason=self.msg("no-opening"))
        evidence = [
            Evidence(url=page.url, element="p:first", excerpt=excerpt(signals.opening), note=self.msg("opening"))
        ]
        if signals.answer_first:
            return PageOutcome(url=page.url, state="pass", reason=self.msg("answers"), evidence=evidence)
        return PageOutcome(
            url=page.url,
            state="fail",
            evidence=evidence,
            reason=self.msg("postpones"),
        )
