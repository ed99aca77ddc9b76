"""What a page shows about itself that decides its type (scoring.pagetypes): dates that are its own,
an author by its content, a product tour's sections, the pages below it it links, the phrases in
which it offers a service. Pure functions of one record."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from scoring.core.jsonld import jsonld_types, real_date
from scoring.core.records import PageRecord
from scoring.page_structure import content_links, own_words
from scoring.pagetype_vocabulary import (
    ARTICLE_TYPES,
    FOUNDING_RE,
    OFFER_PHRASE_RE,
    POLICY_TERM_RE,
    READER_OFFER_RES,
    RELEASE_HEADING_RE,
    SELF_HEADING_RE,
    SHOP_PATH_RE,
    TITLE_SPLIT_RE,
    WE_RE,
    WEAK_ARTICLE_TYPES,
    YEAR_RE,
)

WEAK_DATE_SOURCES = frozenset({"json-ld", "htmldate"})  # scoring.core.records.Dates.published_source
MIN_DATED_ENTRIES = 3  # lines that read alike but for their date: a list of dated entries, no page date
# A page built of sections, each an H1 with a short blurb (a product tour), is a marketing page: at
# least this many H1s with at most this many words of its own each (a post has one H1)
MIN_SECTION_H1 = 4
SECTION_BLURB_WORDS = 80


# A kicker over the title that calls the page a case study ("Fallstudie · Putz & Stingl Events", "Case Study").
CASE_STUDY_KICKER_RE = re.compile(
    r"^(?:Fallstudie|Case[ \t]Study|Success[ \t]Story|Customer[ \t]Story|Kundenstory|Erfolgsgeschichte|"
    r"Anwenderbericht|Praxisbericht)(?![\w-])",
    re.IGNORECASE | re.MULTILINE,
)


def corroborated_article(page: PageRecord) -> bool:
    """A plain JSON-LD Article that is a real content item: the item names a section or word count,
    the page shows a date or an author with its content, or a kicker by its title calls it a case study (a
    case study told as a story is an article, docs/labelling.md)."""
    for item in page.structured_data:
        if not isinstance(item, dict):
            continue
        if jsonld_types(item) & WEAK_ARTICLE_TYPES and (item.get("articleSection") or item.get("wordCount")):
            return True
    return (
        page.extras.visible_date is not None
        or any(a.visible and a.source == "byline" for a in page.author_signals)
        or CASE_STUDY_KICKER_RE.search(page.extras.header_text) is not None
    )


def dated_article_item(page: PageRecord) -> bool:
    """A JSON-LD article item of a specific type (BlogPosting, NewsArticle ...) that carries its date."""
    return any(
        isinstance(item, dict) and real_date(item.get("datePublished")) and jsonld_types(item) & ARTICLE_TYPES
        for item in page.structured_data
    )


def beside_webpage(page: PageRecord) -> bool:
    """A WebPage item stands beside the page's items (an SEO plugin's graph that dates a WebPage and an Article on
    every page); a WebPage inside an item is its mainEntityOfPage (Publii writes one dated Article per post)."""
    items = [i for item in page.structured_data if isinstance(item, dict) for i in [item, *item.get("@graph", [])]]
    return any("webpage" in jsonld_types(item) for item in items)


def numbered_post(page: PageRecord, types: list[str]) -> bool:
    """/artikel/4711/: a post numbered by its id, not a page of its section: its one article item (types: the
    page's JSON-LD types the site does not stamp everywhere) carries its date, and a date or byline shows with it."""
    return sum(t in ARTICLE_TYPES for t in types) == 1 and dated_article_item(page) and corroborated_article(page)


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


LIST_LINE_WORDS = 8  # a line of the main text this short is an item or a heading, not a sentence


def legal_terms(page: PageRecord) -> int:
    """Different legal instruments (POLICY_TERM_RE; "cookie" and "cookies" one) that the page names as
    items: in its title, headings and short lines of the main text."""
    lines = [line for line in page.main_text.split("\n") if len(line.split()) <= LIST_LINE_WORDS]
    text = "\n".join([page.title or "", *(h.text for h in page.headings), *lines])
    return len({m.group(0).lower()[:6] for m in POLICY_TERM_RE.finditer(text)})


def release_notes(page: PageRecord) -> bool:
    """The title or a heading names a release ("Version 2.3", "v1.8.0", "Release notes")."""
    return any(RELEASE_HEADING_RE.search(text) for text in [page.title or "", *(h.text for h in page.headings)])


def reader_offers(page: PageRecord) -> int:
    """Kinds of offer to the visitor the text makes (READER_OFFER_RES: a price, membership, joining,
    borrowing or hiring, opening hours)."""
    return sum(1 for pattern in READER_OFFER_RES if pattern.search(page.main_text))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


def self_presentation(page: PageRecord) -> bool:
    """The organisation presents itself: a heading "About us" / "Über uns" inside the page, or a
    sentence that tells its founding with the year ("wurde 2019 gegründet", "was founded in 2011") and
    names the site (the last part of the title) or speaks as "we"."""
    if any(SELF_HEADING_RE.match(h.text) for h in page.headings):
        return True
    parts = TITLE_SPLIT_RE.split(page.title or "")
    name = _words(parts[-1]) if len(parts) > 1 else None
    return any(
        FOUNDING_RE.search(sentence)
        and YEAR_RE.search(sentence)
        and (WE_RE.search(sentence) or (name and name in _words(sentence)))
        for sentence in _SENTENCE_END.split(page.main_text)
    )


def _words(text: str) -> str:
    """The text's words, lower case, each between spaces: a name is found as whole words."""
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def shop_links(page: PageRecord) -> int:
    """Links of the content to product pages at shops on other sites (SHOP_PATH_RE), when they lead
    to at least two different sites (the same book at its publisher and at booksellers), else 0."""
    links = [
        link
        for link in page.links
        if link.position == "content" and not link.internal and SHOP_PATH_RE.search(urlsplit(link.url).path)
    ]
    return len(links) if len({urlsplit(link.url).hostname for link in links}) >= 2 else 0
