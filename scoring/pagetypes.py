"""What kind of page a record is: home, article, service, legal, listing, profile, contact, about, other.

Pure and explainable: each classification names the rule that decided it, so a report can say
which pages a check judged and why (e.g. "article: JSON-LD BlogPosting"). Signals, strongest
first: the URL path (legal and contact pages, pagination), JSON-LD types, section paths (/blog/,
/ratgeber/), dates plus length, and link density (a page that is mostly links is a listing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote, urlsplit

from scoring.records import PageRecord

PageKind = Literal["home", "article", "service", "legal", "listing", "profile", "contact", "about", "other"]
PAGE_KINDS: tuple[str, ...] = ("home", "article", "service", "legal", "listing", "profile", "contact", "about", "other")

# JSON-LD @type values (lower case) -> kind. Article types are those of scoring.site.ARTICLE_TYPES.
ARTICLE_TYPES = frozenset(
    {
        "article",
        "blogposting",
        "newsarticle",
        "techarticle",
        "report",
        "scholarlyarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
    }
)
LISTING_TYPES = frozenset({"collectionpage", "itemlist", "blog", "searchresultspage"})
PROFILE_TYPES = frozenset({"profilepage"})
ABOUT_TYPES = frozenset({"aboutpage"})
CONTACT_TYPES = frozenset({"contactpage"})
SERVICE_TYPES = frozenset({"service", "product", "offer", "offercatalog", "howto"})

_SEG = r"(?:\.\w{2,5})?$"  # a path segment, optionally with a file extension
LEGAL_SEGMENT_RE = re.compile(
    r"^(?:impressum|imprint|legal(?:-notice)?|rechtliches|anbieterkennzeichnung|datenschutz\w*|"
    r"privacy(?:-policy)?|data-protection|dsgvo|gdpr|cookie\w*|agb|terms(?:-\w+)*|nutzungsbedingungen|"
    r"widerruf\w*|barrierefreiheit\w*|accessibility(?:-statement)?|disclaimer|haftungsausschluss)" + _SEG,
    re.IGNORECASE,
)
CONTACT_SEGMENT_RE = re.compile(
    r"^(?:kontakt\w*|contact(?:-us)?|anfahrt|standort|termin(?:-vereinbaren)?)" + _SEG, re.IGNORECASE
)
ABOUT_SEGMENT_RE = re.compile(
    r"^(?:(?:wir-)?(?:ueber|uber|über)-?uns|about(?:-us)?|unternehmen|company|wer-wir-sind|who-we-are|"
    r"our-story|unsere-geschichte|philosophie|geschichte|historie)" + _SEG,
    re.IGNORECASE,
)
# Sections whose children are people: /team/jana-albrecht/, /autor/jana/, /author/jane-doe/.
PROFILE_SECTION_RE = re.compile(
    r"^(?:team|autor(?:en|in)?|authors?|experten|experts?|mitarbeiter(?:innen)?|people|staff|"
    r"ansprechpartner(?:innen)?|unser-team|our-team|profil|profile)$",
    re.IGNORECASE,
)
# Editorial sections: /blog/x, /ratgeber/x, /news/x ...
ARTICLE_SECTION_RE = re.compile(
    r"^(?:blog|blogs|ratgeber|magazin|magazine|news|aktuelles|aktuell|neuigkeiten|artikel|articles?|posts?|"
    r"wissen|knowledge|insights|journal|presse|press|guides?|tipps|tips|lexikon|glossar|stories|beitraege|beitrag|"
    r"research|forschung|podcasts?|episoden|episodes|ratgeber-\w+|fachartikel|know-how|advice|hilfe|faqs?-artikel)$",
    re.IGNORECASE,
)
SERVICE_SECTION_RE = re.compile(
    r"^(?:leistungen|leistung|services?|produkte|products?|angebot|angebote|loesungen|lösungen|solutions?|"
    r"shop|dienstleistungen|portfolio|referenzen|projekte|projects?|case-studies|karriere|jobs|careers?|"
    r"faq|preise|pricing|foerderung|förderung)$",
    re.IGNORECASE,
)
LISTING_SEGMENT_RE = re.compile(
    r"^(?:page|seite|category|categories|kategorie|kategorien|tag|tags|schlagwort|schlagworte|archiv|archive|"
    r"author-archive|topics?|themen)$",
    re.IGNORECASE,
)
DATE_PATH_RE = re.compile(r"/(?:19|20)\d{2}/(?:0?[1-9]|1[0-2])/")
LEGAL_TITLE_RE = re.compile(
    r"^\s*(?:impressum|imprint|legal notice|datenschutz\w*|privacy policy|privacy notice|agb\b|"
    r"allgemeine geschäftsbedingungen|terms (?:of|and) \w+|nutzungsbedingungen|widerruf\w*|cookie\w*)",
    re.IGNORECASE,
)
MIN_ARTICLE_WORDS = 250  # a dated page this long without other signals reads as an article
MIN_SECTION_ARTICLE_WORDS = 50  # under /blog/ even a short post is a post (thin, but an article)
LISTING_LINK_SHARE = 0.35  # share of main-text words that are content-link anchors on a listing page
MIN_LISTING_LINKS = 6


@dataclass(frozen=True)
class PageType:
    kind: PageKind
    reason: str  # the rule that decided, for reports ("url /impressum/", "JSON-LD BlogPosting")

    def __str__(self) -> str:
        return self.kind


def _types(page: PageRecord) -> list[str]:
    found = []
    for item in page.structured_data:
        raw = item.get("@type", []) if isinstance(item, dict) else []
        for value in raw if isinstance(raw, list) else [raw]:
            found.append(str(value).rsplit("/", 1)[-1].lower())
    return found


def _segments(url: str) -> list[str]:
    path = unquote(urlsplit(url).path)
    segments = [s for s in path.split("/") if s]
    if segments and re.fullmatch(r"index\.\w{2,5}", segments[-1], re.IGNORECASE):
        segments.pop()
    # a language prefix (/de/, /en-gb/) is not a section
    if segments and re.fullmatch(r"[a-z]{2}(?:[-_][a-z]{2})?", segments[0], re.IGNORECASE):
        segments = segments[1:]
    return segments


def link_density(page: PageRecord) -> float:
    """Share of main-text words that sit in content-link anchors (high on listings and hubs)."""
    if not page.word_count:
        return 0.0
    anchor_words = sum(len(link.anchor.split()) for link in page.links if link.position == "content" and link.internal)
    return min(1.0, anchor_words / page.word_count)


def classify(page: PageRecord) -> PageType:
    """The page's kind and the rule that decided it (pure; URL, title, JSON-LD, length, links)."""
    url = page.final_url or page.url
    segments = _segments(url)
    types = _types(page)
    low = [s.lower() for s in segments]
    if any(LEGAL_SEGMENT_RE.match(s) for s in low[-2:]) or (page.title and LEGAL_TITLE_RE.match(page.title)):
        return PageType("legal", f"url /{'/'.join(segments)}/" if segments else f"title {page.title!r}")
    if not segments:
        return PageType("home", "site root")
    if low and CONTACT_SEGMENT_RE.match(low[-1]) or set(types) & CONTACT_TYPES:
        return PageType("contact", "JSON-LD ContactPage" if set(types) & CONTACT_TYPES else f"url /{low[-1]}/")
    listing_url = any(LISTING_SEGMENT_RE.match(s) for s in low[:-1] or low) or (
        len(low) >= 2 and LISTING_SEGMENT_RE.match(low[-2]) is not None and low[-1].isdigit()
    )
    if listing_url:
        return PageType("listing", f"url /{'/'.join(segments)}/ (archive or pagination)")
    article_items = [t for t in types if t in ARTICLE_TYPES]
    if len(article_items) >= 3:
        return PageType("listing", f"{len(article_items)} article items in JSON-LD")
    if set(types) & LISTING_TYPES and not article_items:
        return PageType("listing", f"JSON-LD {next(t for t in types if t in LISTING_TYPES)}")
    if article_items:
        return PageType("article", f"JSON-LD {article_items[0]}")
    if set(types) & PROFILE_TYPES:
        return PageType("profile", "JSON-LD ProfilePage")
    if set(types) & ABOUT_TYPES:
        return PageType("about", "JSON-LD AboutPage")
    if len(low) >= 2 and PROFILE_SECTION_RE.match(low[-2]):
        return PageType("profile", f"url /{low[-2]}/{low[-1]}/")
    if ABOUT_SEGMENT_RE.match(low[-1]) or (len(low) == 1 and PROFILE_SECTION_RE.match(low[0])):
        return PageType("about", f"url /{low[-1]}/")
    dense = sum(1 for link in page.links if link.position == "content" and link.internal) >= MIN_LISTING_LINKS and (
        link_density(page) >= LISTING_LINK_SHARE
    )
    if len(low) == 1 and ARTICLE_SECTION_RE.match(low[0]):
        return PageType("listing", f"section index /{low[0]}/")
    if dense:
        return PageType("listing", f"link density {link_density(page):.0%}")
    in_section = any(ARTICLE_SECTION_RE.match(s) for s in low[:-1])
    dated = page.dates.published is not None or page.extras.visible_date is not None
    if (in_section or DATE_PATH_RE.search(urlsplit(url).path)) and (
        page.word_count >= MIN_SECTION_ARTICLE_WORDS or dated and page.word_count > 0
    ):
        where = "dated url" if not in_section else f"under /{next(s for s in low if ARTICLE_SECTION_RE.match(s))}/"
        return PageType("article", f"{where}, {page.word_count} words")
    if set(types) & SERVICE_TYPES or any(SERVICE_SECTION_RE.match(s) for s in low):
        return PageType(
            "service",
            "JSON-LD " + next(t for t in types if t in SERVICE_TYPES)
            if set(types) & SERVICE_TYPES
            else f"url /{'/'.join(segments)}/",
        )
    if page.dates.published is not None and page.word_count >= MIN_ARTICLE_WORDS:
        return PageType("article", f"dated {page.dates.published}, {page.word_count} words")
    return PageType("other", "no article, listing, legal or profile signal")


def is_article(page: PageRecord) -> bool:
    return classify(page).kind == "article"
