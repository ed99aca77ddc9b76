"""What a page shows about itself that decides its type (scoring.pagetypes): dates that are its own,
an author by its content, a product tour's sections, the pages below it it links, the phrases in
which it offers a service. Pure functions of one record."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from scoring.core.jsonld import jsonld_types
from scoring.core.records import PageRecord
from scoring.page_structure import content_links, own_words
from scoring.pagetype_vocabulary import ARTICLE_TYPES, OFFER_PHRASE_RE, WEAK_ARTICLE_TYPES

WEAK_DATE_SOURCES = frozenset({"json-ld", "htmldate"})  # scoring.core.records.Dates.published_source
MIN_DATED_ENTRIES = 3  # lines that read alike but for their date: a list of dated entries, no page date
# A page built of sections, each an H1 with a short blurb (a product tour), is a marketing page: at
# least this many H1s with at most this many words of its own each (a post has one H1)
MIN_SECTION_H1 = 4
SECTION_BLURB_WORDS = 80


def corroborated_article(page: PageRecord) -> bool:
    """A plain JSON-LD Article that is a real content item: the item names a section or word count,
    or the page shows a date or an author with its content."""
    for item in page.structured_data:
        if not isinstance(item, dict):
            continue
        if jsonld_types(item) & WEAK_ARTICLE_TYPES and (item.get("articleSection") or item.get("wordCount")):
            return True
    return page.extras.visible_date is not None or any(a.visible and a.source == "byline" for a in page.author_signals)


def dated_article_item(page: PageRecord) -> bool:
    """A JSON-LD article item of a specific type (BlogPosting, NewsArticle ...) that carries its date."""
    return any(
        isinstance(item, dict) and item.get("datePublished") and jsonld_types(item) & ARTICLE_TYPES
        for item in page.structured_data
    )


def reliable_date(page: PageRecord) -> bool:
    """A publication date the page states as such: shown near the title, or article:published_time /
    <time>. Dates of a JSON-LD WebPage (SEO plugins stamp every page) or guessed from the text
    (htmldate) are not enough."""
    if own_visible_date(page):
        return True
    return page.dates.published is not None and page.dates.published_source not in WEAK_DATE_SOURCES


_DIGITS = re.compile(r"\d+")


def dated_entries(page: PageRecord) -> bool:
    """The date by the title opens a list of dated entries: MIN_DATED_ENTRIES lines of the main text read
    like it but for their numbers ("AOTD vom 08.07.2013:", "AOTD vom 10.06.2013:", ...), and no markup
    dates the page. Such a date belongs to an entry, not to the page."""
    text = (page.extras.visible_date_text or "").strip()
    if not text or (page.dates.published is not None and page.dates.published_source not in WEAK_DATE_SOURCES):
        return False
    shape = _DIGITS.sub("#", text)
    if shape == text:
        return False
    alike = sum(1 for line in page.main_text.split("\n") if _DIGITS.sub("#", line.strip()) == shape)
    return alike >= MIN_DATED_ENTRIES


def own_visible_date(page: PageRecord) -> bool:
    """A date by the title that dates the page itself (not the first of a list of dated entries)."""
    return page.extras.visible_date is not None and not dated_entries(page)


def authored(page: PageRecord) -> bool:
    return any(a.visible and a.source == "byline" for a in page.author_signals)


def section_tour(page: PageRecord) -> int:
    """H1 sections of a page built like a product tour (MIN_SECTION_H1 or more H1s, each with a short
    blurb of SECTION_BLURB_WORDS or fewer words of its own), else 0."""
    h1s = sum(1 for h in page.headings if h.level == 1)
    if h1s < MIN_SECTION_H1 or own_words(page) > SECTION_BLURB_WORDS * h1s:
        return 0
    return h1s


def child_links(page: PageRecord) -> int:
    """Distinct pages below this page's own path that its content links to (/surveys/ -> /surveys/x/)."""
    own = urlsplit(page.final_url or page.url).path.rstrip("/")
    if not own:
        return 0
    paths = {urlsplit(link.url).path.rstrip("/") for link in content_links(page)}
    return sum(1 for path in paths if path.startswith(own + "/"))


def offer_phrases(page: PageRecord) -> set[str]:
    """Different phrases in which the provider offers the reader a service (OFFER_PHRASE_RE)."""
    return {" ".join(m.group(0).lower().split()) for m in OFFER_PHRASE_RE.finditer(page.main_text)}
