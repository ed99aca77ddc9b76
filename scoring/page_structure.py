"""What a page's URL, links and headings show, measured for scoring.pagetypes: path segments and slug
words, content links, link density, a listing's teaser headings, the page's own words, its title head.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from scoring.core.lexicons.dates import MONTH_ALTERNATIVES as _MONTH
from scoring.core.records import PageRecord
from scoring.pagetype_vocabulary import (
    ARTICLE_SECTION_RE,
    ARTICLE_SECTION_TOKENS,
    FILE_LINK_RE,
    READ_MORE_RE,
    TITLE_SPLIT_RE,
)


def url_segments(url: str) -> list[str]:
    """The path segments of a URL, without a trailing index file and a leading language prefix."""
    path = unquote(urlsplit(url).path)
    segments = [s for s in path.split("/") if s]
    if segments and re.fullmatch(r"index\.\w{2,5}", segments[-1], re.IGNORECASE):
        segments.pop()
    # a language prefix (/de/, /en-gb/) is not a section
    if segments and re.fullmatch(r"[a-z]{2}(?:[-_][a-z]{2})?", segments[0], re.IGNORECASE):
        segments = segments[1:]
    return segments


def slug_tokens(segment: str) -> list[str]:
    """Words of a slug: "leadership-stories" -> ["leadership", "stories"] (file extension dropped)."""
    stem = re.sub(r"\.\w{2,5}$", "", segment)
    return [t for t in re.split(r"[-_.+]", stem.lower()) if t]


def is_article_section(segment: str) -> bool:
    """An editorial section name, also as the last word of a compound ("leadership-stories")."""
    tokens = slug_tokens(segment)
    return ARTICLE_SECTION_RE.match(segment) is not None or bool(tokens and tokens[-1] in ARTICLE_SECTION_TOKENS)


def content_links(page: PageRecord) -> list:
    """Internal links in the content area that lead to pages (not to images or files)."""
    return [
        link
        for link in page.links
        if link.position == "content" and link.internal and not FILE_LINK_RE.search(urlsplit(link.url).path)
    ]


def file_links(page: PageRecord) -> int:
    """Links in the content area to files (a PDF, an image of a gallery): what an attachment page holds."""
    return sum(1 for link in page.links if link.position == "content" and FILE_LINK_RE.search(urlsplit(link.url).path))


def link_density(page: PageRecord) -> float:
    """Share of main-text words that sit in content-link anchors (high on listings and hubs)."""
    if not page.word_count:
        return 0.0
    anchor_words = sum(len(link.anchor.split()) for link in content_links(page))
    return min(1.0, anchor_words / page.word_count)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def teaser_headings(page: PageRecord) -> list[str]:
    """Headings (below the H1) that are also the text of a link to another page: the repeated
    teaser blocks of a listing. A post's "related posts" box has a few; an index has many."""
    own = urlsplit(page.final_url or page.url).path.rstrip("/")
    anchors = {
        _norm(link.anchor)
        for link in content_links(page)
        if link.anchor.strip() and urlsplit(link.url).path.rstrip("/") != own
    }
    if not anchors:
        return []
    found: dict[str, None] = {}
    for heading in page.headings:
        text = _norm(heading.text)
        if heading.level < 2 or len(text.split()) < 3 or text in found:  # "Tastatur" may be a tag link
            continue
        if text in anchors or any(text in anchor for anchor in anchors):
            found[text] = None
    return list(found)


def teaser_count(page: PageRecord) -> int:
    return len(teaser_headings(page))


def teasers_beside_text(page: PageRecord, min_words: int, headings: list[str] | None = None) -> bool:
    """The teaser headings (`headings`, when the caller has them) all stand outside the page's main text (a
    related-posts box, a sidebar of recent posts) and its own text is at least `min_words` long: a post among
    teasers, not a topic hub."""
    if own_words(page) < min_words:
        return False
    text = _norm(page.main_text)
    return not any(heading in text for heading in (teaser_headings(page) if headings is None else headings))


def read_more_links(page: PageRecord) -> int:
    """Different pages the content links with a generic "read more" anchor ("Mehr lesen", "[…]"): the
    teasers of a listing, whose titles need not be headings nor links."""
    own = urlsplit(page.final_url or page.url).path.rstrip("/")
    paths = {
        urlsplit(link.url).path.rstrip("/") + "?" + urlsplit(link.url).query
        for link in content_links(page)
        if READ_MORE_RE.match(" ".join(link.anchor.split()))
    }
    return len({p for p in paths if p.split("?")[0] != own or p.split("?")[1]})


# A line that is only a date: a teaser's meta line ("Oct 3, 2018", "3. Oktober 2018", "03.10.2018", "2018-10-03").
DATE_LINE_RE = re.compile(
    rf"(?:(?:{_MONTH})\.?[ \u00a0]+\d{{1,2}},?[ \u00a0]+\d{{4}}|"
    rf"\d{{1,2}}\.?[ \u00a0]+(?:{_MONTH})\.?,?[ \u00a0]+\d{{4}}|"
    r"\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)


def dated_lines(page: PageRecord) -> int:
    """Distinct dates that stand alone on a line of the main text: the meta lines of a listing's teasers
    (whose titles need not be headings: "summary" blocks of site builders). A post shows one."""
    return len({line.strip() for line in page.main_text.splitlines() if DATE_LINE_RE.fullmatch(line.strip())})


def external_teaser_count(page: PageRecord) -> int:
    """Headings that are the text of a content link to another site: the entries of a reading list
    or an embedded feed of external articles (title, excerpt, source)."""
    anchors = {_norm(link.anchor) for link in page.links if link.position == "content" and not link.internal}
    anchors.discard("")
    texts = {_norm(h.text) for h in page.headings if h.level >= 2 and len(_norm(h.text).split()) >= 3}
    return sum(1 for text in texts if text in anchors)


def own_words(page: PageRecord) -> int:
    """Main-text words that are not link anchors: what the page says itself."""
    linked = 0
    seen: set[str] = set()
    for link in content_links(page):
        anchor = link.anchor.strip()
        if anchor and link.url not in seen and anchor in page.main_text:
            seen.add(link.url)
            linked += len(anchor.split())
    return max(0, page.word_count - linked)


def title_head(page: PageRecord) -> str:
    """The page's own part of the <title> ("Leadership Coaching | ACME" -> "Leadership Coaching"); the
    part its title heading repeats when the site's name comes first ("ACME GmbH - Referenzen" under an H2
    "Referenzen" -> "Referenzen")."""
    parts = TITLE_SPLIT_RE.split(page.title or "")
    if len(parts) > 1:
        heading = next((h.text for h in page.headings if h.level == 1), None) or next(
            (h.text for h in page.headings), ""
        )
        heading = " ".join(heading.split()).casefold()
        named = [part for part in parts[1:] if heading and " ".join(part.split()).casefold() == heading]
        if named and " ".join(parts[0].split()).casefold() != heading:
            return named[0]
    return parts[0]


def h1_text(page: PageRecord) -> str:
    """The text of the page's first H1, empty without one."""
    return next((h.text for h in page.headings if h.level == 1), "")


# an archive's item: /archiv/startchancenprogramm-greift-zu-kurz_2024-02-07/ (a slug of two words or more) with
# a text of its own; /archiv/2019/ and /tag/x/ are the listings
MIN_ARCHIVED_SLUG_WORDS = 2
ARCHIVE_ITEM_PARENT_RE = re.compile(r"^(?:archiv|archive)$", re.IGNORECASE)  # its items may be archived posts


def archived_item(page: PageRecord, parent: str, last: str, min_words: int) -> bool:
    return (
        ARCHIVE_ITEM_PARENT_RE.match(parent) is not None
        and len([t for t in slug_tokens(last) if not t.isdigit()]) >= MIN_ARCHIVED_SLUG_WORDS
        and own_words(page) >= min_words
    )


# A dated post that presents several pages at length (a curated list of books, each with its review
# linked) has this many words of its own per teaser and few link words; a listing's teasers are a
# title and an excerpt (11-73 words of its own per teaser on the real corpus)
LIST_POST_WORDS_PER_TEASER = 120
LIST_POST_LINK_SHARE = 0.2


def presents_at_length(page: PageRecord, teasers: int) -> bool:
    """The page's own text is long beside its teasers and few of its words are links: it presents the pages."""
    return own_words(page) >= LIST_POST_WORDS_PER_TEASER * teasers and link_density(page) < LIST_POST_LINK_SHARE
