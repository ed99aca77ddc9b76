"""thin-content: content pages carry enough main text to be worth citing."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from scoring.core.messages import element
from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.core.text import excerpt, words
from scoring.registry import Check, register
from scoring.site import ARTICLE_TYPES, SiteData, is_indexable, jsonld_types

FAIL_BELOW, PASS_FROM = 250, 500  # words of main text

# Service pages nobody expects to be deep: legal notice, privacy, terms, contact.
SERVICE_KEYWORDS = (
    "impressum",
    "imprint",
    "datenschutz",
    "privacy",
    "kontakt",
    "contact",
    "agb",
    "terms",
    "legal",
    "cookie",
    "widerruf",
    "disclaimer",
    "nutzungsbedingungen",
    "geschäftsbedingungen",
    "geschaeftsbedingungen",
)
# A service page's slug or title is short ("kontakt", "privacy-policy", "Impressum | Firma",
# "terms-of-service"); an article that merely starts with such a word ("Datenschutz im
# Handwerk", "datenschutz-im-handwerk-was-betriebe-beachten") is rated like any other page.
_CONNECTORS = {"of", "and", "und", "&", "zum", "zur", "for"}
_TOKEN_SPLIT = re.compile(r"[\s\-_.,/+]+")
_TITLE_PARTS = re.compile(r"(?<!\s)(?:\s+[|–—·•:-]\s+|\s*[|–—·•]\s*)")


def word_total(page: PageRecord) -> int:
    return page.word_count or len(words(page.main_text))


def _looks_like_service(label: str) -> bool:
    tokens = [t for t in _TOKEN_SPLIT.split(label.casefold()) if t]
    if not 1 <= len(tokens) <= 3 or len(tokens) == 3 and tokens[1] not in _CONNECTORS:
        return False
    return any(t.startswith(SERVICE_KEYWORDS) for t in tokens)


def is_service_page(page: PageRecord) -> bool:
    """Legal, privacy, terms and contact pages, by the last URL path segment or the title."""
    if any(jsonld_types(item) & ARTICLE_TYPES for item in page.structured_data):
        return False  # marked up as editorial content: rate it
    url = page.final_url if page.final_url and page.redirect_target is None else page.url
    segments = [s for s in unquote(urlsplit(url).path).split("/") if s]
    if segments and _looks_like_service(segments[-1].rsplit(".", 1)[0]):
        return True
    title = (page.title or "").strip()
    return bool(title) and _looks_like_service(_TITLE_PARTS.split(title, maxsplit=1)[0])


def is_home(page: PageRecord, site: SiteData) -> bool:
    home = site.home
    if home is None:
        return False
    return (page.final_url or page.url) == (home.final_url or home.url) or page.url == home.url


@register
class ThinContent(Check):
    id = "thin-content"
    title = "Content pages have substantial text"
    failure_title = "Content pages are thin"
    description = (
        "Answer engines quote pages that cover a topic in depth. In a study of 18,151 pages cited "
        "by ChatGPT, Google AI and Perplexity, word count was among the features most correlated "
        "with being cited (r = 0.20); the top quartile averaged 1,943 words, the bottom quartile "
        f"170. Content pages need at least {PASS_FROM} words of main text; under {FAIL_BELOW} "
        "they fail. Home, legal, privacy and contact pages and noindex pages are not rated. "
        "Source: GEO Citation Lab study of 18,151 cited pages; Aggarwal et al., 'GEO: Generative "
        "Engine Optimization', KDD 2024."
    )
    category = "depth"
    weight = 3
    effort = "high"
    remedy = "Expand the short pages into full answers (500+ words of real substance) or merge them."
    rule = (
        "< 250 words of main text: fail; 250–499: warn; ≥ 500: pass. Legal/contact pages: the last URL "
        "path segment or the title's lead (before `|`, `–`, ` - `) has at most 3 words, one starting "
        "with impressum, imprint, datenschutz, privacy, kontakt, contact, agb, terms, legal, cookie, "
        "widerruf, disclaimer, nutzungsbedingungen or geschäftsbedingungen (3 words only around a "
        "connector: \"terms-of-service\", \"Kontakt & Anfahrt\"; \"datenschutz-im-handwerk\" is content). "
        "Article/BlogPosting JSON-LD always makes a page content. noindex: `noindex` or `none` in meta "
        "robots / X-Robots-Tag."
    )
    scope = "page"
    requires = ("html",)
    messages = {
        "words": "{count} words of main text",
        "words-note": "{count} words of main text (navigation, header and footer removed)",
        "short": (
            "Only {count} words of main text; pages that AI answers cite are usually far longer — aim for "
            "{target} or more."
        ),
        "thin": (
            "Thin page: {count} words of main text, fewer than {limit}. Expand it with substance or merge it "
            "into a related page."
        ),
    }

    def applies_to(self, page: PageRecord, site: SiteData) -> bool:
        if not page.ok or is_home(page, site) or is_service_page(page):
            return False
        return is_indexable(page) and page.url not in site.shared_main_text

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        count = word_total(page)
        evidence = [
            Evidence(
                url=page.url,
                element=element("main-text"),
                excerpt=excerpt(page.main_text) if page.main_text.strip() else None,
                note=self.msg("words-note", count=count),
            )
        ]
        if count >= PASS_FROM:
            return PageOutcome(url=page.url, state="pass", reason=self.msg("words", count=count))
        if count >= FAIL_BELOW:
            return PageOutcome(
                url=page.url,
                state="warn",
                reason=self.msg("short", count=count, target=PASS_FROM),
                evidence=evidence,
            )
        return PageOutcome(
            url=page.url,
            state="fail",
            reason=self.msg("thin", count=count, limit=FAIL_BELOW),
            evidence=evidence,
        )
