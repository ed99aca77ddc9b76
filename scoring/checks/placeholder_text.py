"""placeholder-text: no page is published with a theme's placeholder Latin ("Lorem ipsum …")."""

from __future__ import annotations

from scoring.core.messages import element
from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.core.text import PLACEHOLDER_TEXT, excerpt
from scoring.registry import Check, register
from scoring.site import SiteData, is_indexable

MAX_EVIDENCE = 3  # lines shown per page: enough to find the block in the page builder


def placeholder_lines(page: PageRecord) -> list[tuple[str, str]]:
    """(where, line) for each part of the page that carries placeholder Latin: its title, its meta
    description, and the lines of its main text, in that order."""
    found = [
        (where, text)
        for where, text in (("title", page.title), ("meta-description", page.meta_description))
        if text and PLACEHOLDER_TEXT.search(text)
    ]
    if page.main_text and PLACEHOLDER_TEXT.search(page.main_text):
        found += [("main-text", line) for line in page.main_text.splitlines() if PLACEHOLDER_TEXT.search(line)]
    return found


@register
class PlaceholderText(Check):
    id = "placeholder-text"
    title = "No placeholder text on published pages"
    failure_title = "Pages are published with placeholder text (lorem ipsum)"
    description = (
        "Placeholder Latin left by a theme or page builder ('Lorem ipsum dolor sit amet …') tells readers "
        "and search engines that a page is unfinished; Google's guidelines count pages without "
        "useful content as low quality, and an answer engine has nothing to quote from them. Source: "
        "Google Search Quality Rater Guidelines (2024), section 6.1 'Lowest quality pages'."
    )
    category = "technical"
    scope = "page"
    requires = ("html",)
    weight = 1
    effort = "low"
    remedy = "Replace the placeholder text with the page's real content, or unpublish the page until it is written."
    rule = (
        "every indexable page: fail when its title, meta description or main text carries 'lorem ipsum' "
        "or 'dolor sit amet'; else pass."
    )
    messages = {
        "clean": "no placeholder text",
        "placeholder": "placeholder text in {count} {count:plural:place:places}",
    }

    def applies_to(self, page: PageRecord, site: SiteData) -> bool:
        return page.ok and is_indexable(page)

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        found = placeholder_lines(page)
        if not found:
            return PageOutcome(url=page.url, state="pass", reason=self.msg("clean"))
        return PageOutcome(
            url=page.url,
            state="fail",
            reason=self.msg("placeholder", count=len(found)),
            evidence=[
                Evidence(url=page.url, element=element(where), excerpt=excerpt(line))
                for where, line in found[:MAX_EVIDENCE]
            ],
        )
