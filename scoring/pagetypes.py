"""What kind of page a record is: home, article, listing, landing, service, legal, about, contact,
profile, help, changelog or other (the page types of docs/signals.md, `page_type`).

Pure and explainable: each classification names the rule that decided it, so a report can say
which pages a check judged and why (e.g. "article: JSON-LD BlogPosting"). Signals, strongest
first: the URL path (legal and contact pages, archives and pagination, German and English section
vocabularies), JSON-LD types, the page's structure (repeated teaser blocks, share of link text),
dates written near the title, the vocabulary of the slug and title, and length.

"article" is kept narrow on purpose: many checks judge only articles, so only a dated or authored
content item (post, news, essay, story) is one. Docs and FAQ pages are "help", release notes
"changelog", marketing pages for a product or the company (features, pricing, solutions, shop
categories, product and brand pages) "landing", a page describing one offered service "service".

The rules are here; the words they read (JSON-LD types, URL and title vocabularies) are in
`scoring.pagetype_vocabulary`, the measures of links and headings in `scoring.page_structure`.
"""

from __future__ import annotations

import contextlib
import re
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Literal, get_args
from urllib.parse import urlsplit

from scoring.core.jsonld import type_names
from scoring.core.lexicons import PUBLICATION_CUE_RE
from scoring.core.records import PageRecord
from scoring.page_structure import (
    LIST_POST_WORDS_PER_TEASER,
    archived_item,
    content_links,
    dated_lines,
    external_teaser_count,
    file_links,
    h1_text,
    is_article_section,
    link_density,
    own_words,
    presents_at_length,
    read_more_links,
    slug_tokens,
    teaser_headings,
    teasers_beside_text,
    title_head,
    url_segments,
)
from scoring.pagetype_cues import (
    MIN_HOWTO_HEADINGS,
    asks_or_collects,
    build_dated,
    build_dates,
    howto_headings,
    named_after_h1,
    own_product,
    person_with_vita,
    service_head,
    stamp_types,
)
from scoring.pagetype_signals import (
    authored,
    beside_webpage,
    child_links,
    corroborated_article,
    dated_article_item,
    legal_terms,
    numbered_post,
    offer_phrases,
    own_visible_date,
    reader_offers,
    release_notes,
    reliable_date,
    section_tour,
    self_presentation,
    shop_links,
)
from scoring.pagetype_vocabulary import (
    ABOUT_SECTION_RE,
    ABOUT_SEGMENT_RE,
    ABOUT_TYPES,
    ARCHIVE_SEGMENT_RE,
    ARTICLE_SECTION_RE,
    ARTICLE_TYPES,
    AUTHOR_ARCHIVE_RE,
    CHANGELOG_SEGMENT_RE,
    CONTACT_SEGMENT_RE,
    CONTACT_TYPES,
    DATE_PATH_RE,
    DATED_SLUG_RE,
    DOWNLOADS_SEGMENT_RE,
    EVENTS_SEGMENT_RE,
    GLOSSARY_SECTION_RE,
    GUIDE_SECTION_RE,
    HELP_SEGMENT_RE,
    HELP_SLUG_TOKENS,
    HELP_TITLE_RE,
    HELP_TYPES,
    JOBS_SECTION_RE,
    LANDING_SEGMENT_RE,
    LANDING_TYPES,
    LEGAL_SEGMENT_RE,
    LEGAL_TITLE_RE,
    LISTING_SEGMENT_RE,
    LISTING_TYPES,
    MIN_OFFER_PHRASES,
    MIN_OFFER_WORDS,
    MIN_READER_OFFERS,
    MIN_SHOP_LINKS,
    NEWS_SECTION_RE,
    NOT_FOUND_RE,
    ORDINAL_PREFIX_RE,
    OTHER_TYPES,
    OVERVIEW_TOKEN_RE,
    PEOPLE_INDEX_RE,
    PERSON_H1_RE,
    POLICY_SEGMENT_RE,
    PRESS_SECTION_RE,
    PROFILE_SECTION_RE,
    PROFILE_SLUG_RE,
    PROFILE_TOKENS,
    PROFILE_TYPES,
    PROJECT_SECTION_RE,
    SERVICE_SECTION_RE,
    SERVICE_TYPES,
    SERVICE_WORD_RE,
    SHOP_TITLE_RE,
    TOPIC_SEGMENT_RE,
    WEAK_ARTICLE_TYPES,
)

PageKind = Literal[
    "home",
    "article",
    "listing",
    "landing",
    "service",
    "legal",
    "about",
    "contact",
    "profile",
    "help",
    "changelog",
    "other",
]
PAGE_KINDS: tuple[str, ...] = get_args(PageKind)  # one list: the Literal

MIN_ARTICLE_WORDS = 250  # a page this long, dated by its markup, without other signals reads as an article
MIN_OWN_WORDS = 20  # a dated page with less text of its own than this is a placeholder (attachment page)
LONG_FORM_WORDS = 1500  # an undated text this long, with headings and few links, reads as an article
LISTING_LINK_SHARE = 0.35  # share of main-text words that are content-link anchors on a listing page
MIN_LISTING_LINKS = 6
MIN_TEASERS = 5  # headings that are also links to other pages: a listing's repeated teaser blocks
MIN_CHILD_LINKS = 6  # a page that links this many pages below its own path is their index
MIN_OVERVIEW_CHILDREN = 2  # a service section's root linking this many of its service pages presents them
MIN_NEWS_WORDS = 50  # a dated page under /updates/ with this much text of its own is a post, not a stub


@dataclass(frozen=True)
class PageType:
    kind: PageKind
    reason: str  # the rule that decided, for reports ("url /impressum/", "JSON-LD BlogPosting")

    def __str__(self) -> str:
        return self.kind


def _types(page: PageRecord) -> list[str]:
    """The @type names of the page's JSON-LD items, in their order (scoring.core.jsonld)."""
    return [name for item in page.structured_data for name in type_names(item)]


MIN_JOB_ADS = 2  # job ads below a careers page that make it their listing
_CACHE: dict[int, tuple[weakref.ref, frozenset[str], PageType]] = {}
# large enough for a 100k-page site: above it every site pass re-classified every page (~150 B an entry)
_CACHE_MAX = 250_000
# Site context: article types of JSON-LD that the site's template stamps on every page, found on
# its contact and legal pages (`stamped_article_types`). Set for one scoring run by `site_template`.
_STAMPED: ContextVar[frozenset[str]] = ContextVar("stamped_article_types", default=frozenset())
FIXED_KINDS = ("legal", "contact")  # decided by URL and title before any markup is read
MIN_STAMPED_FIXED = 2  # one privacy policy written as a dated post is no template's stamp
STAMPED_DATE = "@visible-date"  # in the stamped set: the template prints a date by every page's title


def stamped_article_types(pages: Iterable[PageRecord]) -> frozenset[str]:
    """JSON-LD article types that the template puts on the site's contact and legal pages (on at
    least half of them): there they are a theme's stamp, so they are no evidence of an article on
    any page of the site ("BlogPosting" with a date on every service and FAQ page)."""
    pages = list(pages)
    fixed = [p for p in pages if p.ok and _classify(p, frozenset()).kind in FIXED_KINDS]
    counts = Counter(t for p in fixed for t in stamp_types(p) if t in ARTICLE_TYPES)
    stamped = {t for t, n in counts.items() if n >= MIN_STAMPED_FIXED and 2 * n >= len(fixed)}
    # A date printed by the title of most contact and legal pages, without "Stand:" or "updated", is the
    # template's (a page-info line with the build date on every page): no evidence of an article.
    dated = sum(
        1 for p in fixed if p.extras.visible_date and not PUBLICATION_CUE_RE.search(p.extras.visible_date_text or "")
    )
    if len(fixed) >= 2 and 2 * dated > len(fixed):
        stamped.add(STAMPED_DATE)
    return frozenset(stamped | build_dates(pages))


@contextlib.contextmanager
def site_template(stamped: frozenset[str]) -> Iterator[None]:
    """Classify pages within this block knowing the site's stamped article types."""
    token = _STAMPED.set(stamped)
    try:
        yield
    finally:
        _STAMPED.reset(token)


def classify(page: PageRecord) -> PageType:
    """The page's kind and the rule that decided it (pure given the site context of
    `site_template`; URL, title, JSON-LD, structure, dates)."""
    key = id(page)
    stamped = _STAMPED.get()
    hit = _CACHE.get(key)
    if hit is not None and hit[0]() is page and hit[1] == stamped:
        return hit[2]
    found = _classify(page, stamped)
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    with contextlib.suppress(TypeError):  # not weak-referenceable: do not cache
        _CACHE[key] = (weakref.ref(page), stamped, found)
    return found


def _classify(page: PageRecord, stamped: frozenset[str]) -> PageType:  # noqa: C901, PLR0911, PLR0912
    # one ordered list of rules
    url = page.final_url or page.url
    segments = url_segments(url)
    # an article item dated only by the site's build time is the generator's stamp, like a stamped type
    built = build_dated(page, stamped)
    types = [t for t in _types(page) if t not in stamped and not (built and t in ARTICLE_TYPES)]
    typeset = set(types)
    low = [ORDINAL_PREFIX_RE.sub("", s.lower()) for s in segments]  # "/0-about/" is /about/
    where = f"url /{'/'.join(segments)}/"
    last = low[-1] if low else ""
    parents = low[:-1]
    title, h1 = page.title or "", h1_text(page)

    # 1. Fixed places: legal pages, the root, soft 404s, contact pages.
    if any(LEGAL_SEGMENT_RE.match(s) for s in low[-2:]) or (title and LEGAL_TITLE_RE.match(title)):
        return PageType("legal", where if segments else f"title {title!r}")
    # "/policies/" names terms or privacy only when the page does: two different legal instruments
    if any(POLICY_SEGMENT_RE.match(s) for s in low[-2:]) and legal_terms(page) >= 2:
        return PageType("legal", f"{where} naming {legal_terms(page)} legal instruments")
    if not segments:
        return PageType("home", "site root")
    if NOT_FOUND_RE.match(h1) or NOT_FOUND_RE.match(title_head(page)):
        return PageType("other", f"not found / moved stub: {(h1 or title)[:40]!r}")
    if CONTACT_SEGMENT_RE.match(last) or typeset & CONTACT_TYPES:
        return PageType("contact", "JSON-LD ContactPage" if typeset & CONTACT_TYPES else f"url /{last}/")
    if parents and CONTACT_SEGMENT_RE.match(parents[-1]):  # /kontakt/b2b/, /kontakt/wegbeschreibung/
        return PageType("contact", f"url /{parents[-1]}/{last}/")
    if typeset & OTHER_TYPES or any(JOBS_SECTION_RE.match(s) for s in parents):
        return PageType("other", "job advertisement")
    if JOBS_SECTION_RE.match(last):  # its job ads live below it; without any it is a careers page
        ads = child_links(page)
        return PageType("listing" if ads >= MIN_JOB_ADS else "other", f"url /{last}/, {ads} job ads below it")
    if DOWNLOADS_SEGMENT_RE.match(last):
        return PageType("other", f"url /{last}/ (downloads)")

    # 2. Archives and pagination, author archives.
    section_parent = next((s for s in parents if is_article_section(s)), None)
    # /blog/11/ pages a section, /blog/2024/ is its year archive; /artikel/4711/ with its own dated item is a post
    numbered = (
        section_parent is not None and re.fullmatch(r"\d{1,4}", last) is not None and not numbered_post(page, types)
    )
    numbered = numbered or all(s.isdigit() for s in low)  # /2024/05/: a date archive
    numbered = numbered or re.fullmatch(r"(?:page|seite)-?\d{1,4}", last) is not None  # Jekyll's /page2/
    # /veranstaltungen/2019/: a year of an events section, that year's programme
    numbered = numbered or bool(
        parents and EVENTS_SEGMENT_RE.match(parents[-1]) and re.fullmatch(r"(?:19|20)\d\d", last)
    )
    # a taxonomy term's page (/tag/x/, /category/a/b/) or its pagination; deeper than two levels below
    # /themen/ lie the content pages of a topic tree (/themen/x/laender/be/), and two levels below a chapter
    # of a dossier with its own date and authors in its header (/themen/x/warum/), teasers of its parts after it
    topic = any(TOPIC_SEGMENT_RE.match(s) for s in parents)
    own = 1 if topic and own_visible_date(page) and authored(page) else 2
    # a post's slug that opens with its date (/themen/presse/2020-07-05-titel/): no taxonomy term is named so
    taxonomy = DATED_SLUG_RE.match(last) is None and any(
        LISTING_SEGMENT_RE.match(s)
        and not (TOPIC_SEGMENT_RE.match(s) and i < len(parents) - own)
        and not (i == len(parents) - 1 and archived_item(page, s, last, MIN_ARTICLE_WORDS))
        for i, s in enumerate(parents or low)
    )
    if taxonomy or ARCHIVE_SEGMENT_RE.match(last) or numbered:
        return PageType("listing", f"{where} (archive or pagination)")
    teaser_titles = teaser_headings(page)
    teasers = len(teaser_titles)
    read_more = read_more_links(page)
    links = content_links(page)
    if len(low) >= 2 and AUTHOR_ARCHIVE_RE.match(low[-2]) and (teasers >= 3 or len(links) >= MIN_LISTING_LINKS):
        return PageType("listing", f"{where} (author archive, {teasers} teasers)")
    if PEOPLE_INDEX_RE.match(last):
        return PageType("listing", f"url /{last}/ (index of authors)")
    if len(low) == 1 and (ARTICLE_SECTION_RE.match(last) or EVENTS_SEGMENT_RE.match(last)):
        return PageType("listing", f"section index /{last}/")
    if section_parent is not None and (PRESS_SECTION_RE.match(last) or EVENTS_SEGMENT_RE.match(last)):  # /news/termine/
        return PageType("listing", f"section index /{section_parent}/{last}/")
    if len(low) >= 2 and PEOPLE_INDEX_RE.match(low[-2]):  # /authors/jane.html, whatever markup the theme stamps
        return PageType("profile", f"{where} (an author's page)")

    # 3. Help, release notes: docs sections win over the markup of their generator.
    if any(CHANGELOG_SEGMENT_RE.match(s) for s in low):
        return PageType("changelog", f"{where} (release notes)")
    if any(HELP_SEGMENT_RE.match(s) for s in low) or set(slug_tokens(last)[-1:]) & HELP_SLUG_TOKENS:
        return PageType("help", f"{where} (help, docs or FAQ)")
    if len(low) >= 2 and GLOSSARY_SECTION_RE.match(low[-2]) and not reliable_date(page) and not authored(page):
        return PageType("help", f"{where} (a glossary entry, undated and unsigned)")

    # 4. JSON-LD.
    article_items = [t for t in types if t in ARTICLE_TYPES]
    if len(article_items) >= 3:
        return PageType("listing", f"{len(article_items)} article items in JSON-LD")
    if typeset & LISTING_TYPES and not article_items:
        return PageType("listing", f"JSON-LD {next(t for t in types if t in LISTING_TYPES)}")
    strong = [t for t in article_items if t not in WEAK_ARTICLE_TYPES]
    # A theme's BlogPosting on every page has no date, an SEO plugin's Article the WebPage's beside it: without
    # a date of its own, a date or byline on the page, the URL and structure speak first.
    dated = dated_article_item(page) and (bool(strong) or not beside_webpage(page))
    if article_items and (dated or corroborated_article(page)):
        return PageType("article", f"JSON-LD {article_items[0]}, dated or with a section, byline or case-study kicker")
    if typeset & PROFILE_TYPES:
        return PageType("profile", "JSON-LD ProfilePage")
    if typeset & ABOUT_TYPES:
        return PageType("about", "JSON-LD AboutPage")

    # 5. Teasers' meta lines: dates standing alone beside many links, whatever section the page is in.
    if (dated := dated_lines(page)) >= MIN_TEASERS and len(links) >= MIN_LISTING_LINKS:
        return PageType("listing", f"{dated} dates standing alone (teasers' meta lines)")
    # 6. URL vocabularies of sections and slugs.
    if len(low) >= 2 and (PROFILE_SECTION_RE.match(low[-2]) or PROFILE_TOKENS & set(slug_tokens(low[-2]))):
        return PageType("profile", f"url /{low[-2]}/{last}/")
    if PROFILE_SLUG_RE.match(last) or person_with_vita(page, last, h1):
        return PageType("profile", f"{where} (a vita, or the page of the person it belongs to)")
    if ABOUT_SEGMENT_RE.match(last) or (len(low) == 1 and PROFILE_SECTION_RE.match(last)):
        return PageType("about", f"url /{last}/")
    undated = not reliable_date(page) and not authored(page)
    if section_parent is not None and page.word_count > 0:
        if undated and own_words(page) < MIN_OWN_WORDS and file_links(page):  # a PDF's wrapper, a photo gallery
            return PageType("other", f"under /{section_parent}/, undated, {own_words(page)} words of its own")
        if teasers >= MIN_TEASERS and not teasers_beside_text(page, MIN_ARTICLE_WORDS, teaser_titles):
            return PageType("listing", f"under /{section_parent}/ with {teasers} teaser headings (topic hub)")
        if read_more >= MIN_TEASERS:
            return PageType("listing", f"under /{section_parent}/ with {read_more} 'read more' links (its index)")
        # a project that the visitor can join, borrow from or pay for is an offer, not a case study
        if PROJECT_SECTION_RE.match(section_parent) and undated and reader_offers(page) >= MIN_READER_OFFERS:
            return PageType("service", f"under /{section_parent}/, undated and unsigned, offers to join or pay")
        return PageType("article", f"under /{section_parent}/, {page.word_count} words")
    news = next((s for s in parents if NEWS_SECTION_RE.match(s)), None)
    if news is not None and page.word_count > 0:
        # /updates/ are news or release notes: the page's own headings and date decide
        if release_notes(page):
            return PageType("changelog", f"under /{news}/, version headings")
        if reliable_date(page) and own_words(page) >= MIN_NEWS_WORDS and teasers < MIN_TEASERS:
            return PageType("article", f"under /{news}/, dated, {own_words(page)} words")
    if DATE_PATH_RE.search(urlsplit(url).path) and page.word_count > 0:
        # a date permalink on a page that shows no date nor author and is named after a service it
        # offers ("/2023/03/06/qfield-workshop/"): a course or service page published through the blog
        offered = None if own_visible_date(page) or authored(page) else service_head(page, last)
        if offered is not None:
            return PageType("service", f"dated url, undated and unsigned, offers {offered!r}")
        if any(EVENTS_SEGMENT_RE.match(s) for s in parents) and not authored(page):
            return PageType("other", "dated url under an events section: one event announced")
        return PageType("article", f"dated url, {page.word_count} words")
    external = external_teaser_count(page)
    # a reading list: entries that lead to other sites, each a title and a short excerpt (a list post
    # describes each at length)
    if external >= MIN_TEASERS and own_words(page) < LIST_POST_WORDS_PER_TEASER * external:
        return PageType("listing", f"reading list of {external} external entries")
    guide = next((s for s in parents if GUIDE_SECTION_RE.match(s)), None)
    if guide is not None:
        if reliable_date(page) or authored(page):
            return PageType("article", f"under /{guide}/, dated or authored")
        return PageType("help", f"under /{guide}/, undated and unsigned")
    # a person named in the slug and the H1 under a team section, also a compound one ("praxisteam")
    team = parents and (any(ABOUT_SECTION_RE.match(s) for s in parents) or parents[-1].endswith("team"))
    if team and named_after_h1(last, h1):
        return PageType("profile", f"{where} (a person named in the H1 and the slug)")
    if any(ABOUT_SECTION_RE.match(s) for s in parents):
        return PageType("about", f"{where} (about section)")
    if any(LANDING_SEGMENT_RE.match(s) for s in low):
        return PageType("landing", f"{where} (product, pricing or solutions)")
    service_section = next((s for s in low if SERVICE_SECTION_RE.match(s)), None)
    if service_section is not None and len(low) >= 2:
        return PageType("service", f"{where} (under /{service_section}/)")

    # 7. Structure: repeated teasers and link-heavy pages are listings, unless a date by the title
    # says this is a post (whose "related posts" box adds a few teasers).
    # A shop's category or brand page is a grid of products too, but it sells: a landing page.
    head = title_head(page)
    shop = SHOP_TITLE_RE.search(head)
    dense = len(links) >= MIN_LISTING_LINKS and link_density(page) >= LISTING_LINK_SHARE
    if teasers >= MIN_TEASERS and not teasers_beside_text(page, MIN_ARTICLE_WORDS, teaser_titles):
        if shop:
            return PageType("landing", f"shop title {head[:40]!r}, {teasers} teasers")
        if _list_post(page, teasers, stamped):
            return PageType("article", f"dated post presenting {teasers} pages at length")
        return PageType("listing", f"{teasers} teaser headings")
    if read_more >= MIN_TEASERS and not _list_post(page, read_more, stamped):
        return PageType("listing", f"{read_more} teasers with 'read more' links")
    # a date by the title of a service section's root (/leistungen/) is the template's: it presents the offer
    service_root = service_section is not None and len(low) == 1
    if own_visible_date(page) and STAMPED_DATE not in stamped and not service_root:
        if own_words(page) < MIN_OWN_WORDS:
            return PageType("other", f"thin dated page ({own_words(page)} words of its own)")
        return PageType("article", f"date by the title {page.extras.visible_date}, {page.word_count} words")
    if dense:
        if shop:
            return PageType("landing", f"shop title {head[:40]!r}, link density {link_density(page):.0%}")
        return PageType("listing", f"link density {link_density(page):.0%}")
    if slug_tokens(last)[-1:] and OVERVIEW_TOKEN_RE.match(slug_tokens(last)[-1]) and len(links) >= MIN_LISTING_LINKS:
        return PageType("listing", f"url /{last}/ (an overview, {len(links)} links)")
    children = child_links(page)
    if children >= MIN_CHILD_LINKS:
        if shop:
            return PageType("landing", f"shop title {head[:40]!r}, {children} pages below it")
        return PageType("listing", f"index of {children} pages below /{last}/")
    asks = asks_or_collects(page, last, h1)
    if asks is not None:
        return PageType(*asks)
    if service_section is not None:
        # the root of a service section presenting a few of its service pages: the overview of the
        # offer (with MIN_CHILD_LINKS or more it is their index, a listing: above)
        if children >= MIN_OVERVIEW_CHILDREN:
            return PageType("landing", f"url /{last}/ presenting {children} of its service pages")
        return PageType("service", f"url /{service_section}/")

    # 7. Markup and wording of what is offered.
    if typeset & SERVICE_TYPES:
        return PageType("service", "JSON-LD " + next(t for t in types if t in SERVICE_TYPES))
    if typeset & LANDING_TYPES:
        return PageType("landing", "JSON-LD " + next(t for t in types if t in LANDING_TYPES))
    if shop_links(page) >= MIN_SHOP_LINKS:  # a book or an app, linked at the shops that sell it
        return PageType("landing", f"sold at other sites ({shop_links(page)} shop links)")
    if typeset & HELP_TYPES:
        return PageType("help", "JSON-LD HowTo")
    if HELP_TITLE_RE.match(h1) or HELP_TITLE_RE.match(title_head(page)):
        return PageType("help", f"FAQ or help title {(h1 or title)[:40]!r}")
    if undated and howto_headings(page) >= MIN_HOWTO_HEADINGS:
        return PageType("help", f"undated and unsigned, {howto_headings(page)} step headings (a method guide)")
    if PERSON_H1_RE.match(h1):
        return PageType("profile", f"H1 names a person {h1[:40]!r}")
    if shop:
        return PageType("landing", f"shop title {head[:40]!r}")
    # a post of the site's blog engine is an article, dated or not (a news system's undated items)
    if page.extras.post_markup and own_words(page) >= MIN_NEWS_WORDS:
        return PageType("article", "marked as one post by its blog engine (WordPress type-post, h-entry)")
    sections = 0 if reliable_date(page) or authored(page) else section_tour(page)
    if sections:
        return PageType("landing", f"{sections} H1 sections with short blurbs (a product tour)")
    # the head noun of a slug is at its end ("strategy-development"), before a place or year
    slug_head = [t for t in slug_tokens(last) if not t.isdigit()][-2:]
    word = next((t for t in slug_head if SERVICE_WORD_RE.search(t)), None) or next(
        (w for w in re.findall(r"\w+", head.lower()) if SERVICE_WORD_RE.search(w)), None
    )
    if word is not None:
        return PageType("service", f"offers {word!r} (slug or title)")

    # 8. Dates and length.
    if reliable_date(page) and page.word_count >= MIN_ARTICLE_WORDS:
        return PageType("article", f"dated {page.dates.published}, {page.word_count} words")
    if authored(page) and page.word_count >= MIN_ARTICLE_WORDS:  # "Notizen und Gedanken von X" under the H1
        return PageType("article", f"signed by its writer, {page.word_count} words")
    # A long, structured text reads as an article - unless the site's own markup calls it a plain
    # page (a generic Article with no section or date is what SEO plugins put on every page).
    if (
        page.word_count >= LONG_FORM_WORDS
        and len(page.headings) >= 8
        and link_density(page) < 0.1
        and not article_items
    ):
        return PageType("article", f"long-form text, {page.word_count} words")
    if strong:
        return PageType("article", f"JSON-LD {strong[0]} (undated; nothing else decided)")
    offers = offer_phrases(page)
    if len(offers) >= MIN_OFFER_PHRASES and page.word_count >= MIN_OFFER_WORDS:
        return PageType("service", f"offers in its own words: {', '.join(sorted(offers)[:3])}")
    if undated and self_presentation(page):
        return PageType("about", "undated and unsigned, the organisation presents itself (founding, about us)")
    product = own_product(page, segments) if undated else None
    if product is not None:
        return PageType("landing", f"the site's own product {product!r}, undated and unsigned")
    return PageType("other", "no article, listing, legal or profile signal")


def _list_post(page: PageRecord, teasers: int, stamped: frozenset[str]) -> bool:
    """A dated post whose teasers come with much text of its own: a curated list, not a listing."""
    return bool(own_visible_date(page)) and STAMPED_DATE not in stamped and presents_at_length(page, teasers)


def is_article(page: PageRecord) -> bool:
    return classify(page).kind == "article"
