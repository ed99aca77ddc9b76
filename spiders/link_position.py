"""The template region an element sits in (nav, header, footer, aside or the page's content), read the
way spiders.main_content leaves chrome out of the main text: for links, headings and lists.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from lxml import etree

from scoring.core.records import LinkPosition
from spiders.document import HtmlTree
from spiders.main_content import (
    _CHROME_TOKEN,
    _FOOTER_TOKEN,
    _LINK_LIST_WORDS,
    _OWN_ENTRY,
    _SIDEBAR_WORDS,
    _mostly_links,
)

_POSITION_TAGS: dict[str, LinkPosition] = {
    "nav": "nav",
    "header": "header",
    "footer": "footer",
    "aside": "aside",
}
_POSITION_ROLES: dict[str, LinkPosition] = {
    "navigation": "nav",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "aside",
}


def link_position(element: HtmlTree) -> LinkPosition:
    """Template region an element sits in: its nearest landmark ancestor (nav, header, footer, aside,
    or their ARIA roles), or a region named by its class/id the way spiders.main_content leaves it out
    of the main text (sidebars, widgets, comments, share bars, related posts, author boxes, cookie
    banners, newsletter boxes -> "aside"; breadcrumbs, menus, pagination, prev/next -> "nav"; a
    footer-classed block or copyright line, also inside <main> -> "footer"). A region that holds the
    page's H1 or <main> is the page's own; <main> ends the search, an <article> does not (a teaser in
    a sidebar is the sidebar's)."""
    regions = _tree_regions(element)
    verdicts = regions.verdicts
    for ancestor in element.iterancestors():
        region = verdicts.get(ancestor, _UNSEEN)
        if region is _UNSEEN:
            region = verdicts[ancestor] = _region_of(ancestor, regions.protected)
        if region is not None:
            return region
    return "content"


_UNSEEN = object()
# a quick test before the whole-token patterns: every chrome word contains one of these
_CHROME_HINT = re.compile(
    r"side|widget|comment|respond|related|yarpp|shar|cookie|consent|gdpr|crumb|nav|header|masthead|menu|"
    r"newsletter|author|pagination|copyright|prev|next|footer",
    re.IGNORECASE,
)
# the word of a class/id token (main_content._CHROME_TOKEN) -> the region it names
_TOKEN_REGIONS: tuple[tuple[re.Pattern[str], LinkPosition], ...] = (
    (
        re.compile(
            r"breadcrumb.*|navbar|menu|post-navigation|nav-links|nav-(?:previous|next)|pagination|"
            r"(?:prev|previous|next)[-_](?:post|article|entry)s?",
            re.I,
        ),
        "nav",
    ),
    (re.compile(r"site-header|masthead", re.I), "header"),
    (re.compile(r"site-footer|copyright", re.I), "footer"),
)


_HOLDERS = etree.XPath("//h1 | //main | //*/@role[.='main']/..")  # role through the attribute axis


class _Regions:
    """Per parsed tree: the verdict of each ancestor asked about, and the elements that hold the
    page's H1 or <main> (never chrome, as in spiders.main_content)."""

    __slots__ = ("root", "verdicts", "protected")

    def __init__(self, root: HtmlTree) -> None:
        self.root = root
        self.verdicts: dict[HtmlTree, LinkPosition | None] = {}
        self.protected: set[HtmlTree] = set()
        for held in _HOLDERS(root):
            for node in (held, *held.iterancestors()):
                if node in self.protected:
                    break
                self.protected.add(node)


_MEMO = threading.local()


def _tree_regions(element: HtmlTree) -> _Regions:
    """The regions of the tree an element belongs to (the last tree asked about, per thread): the
    links, headings and lists of one page share them."""
    root = element.getroottree().getroot()
    regions = getattr(_MEMO, "regions", None)
    if regions is None or regions.root is not root:
        regions = _MEMO.regions = _Regions(root)
    return regions


def _region_of(node: HtmlTree, protected: set[HtmlTree]) -> LinkPosition | None:
    """The region one element opens, None for a plain container (see link_position)."""
    tag = node.tag if isinstance(node.tag, str) else ""
    if not tag or tag == "body":
        return None
    role = (node.get("role") or "").lower()
    if tag == "main" or role == "main":
        return "content"
    if tag == "header" and node in protected and _in_page_content(node):
        return None  # an <article>'s or <main>'s own header (title, byline, links to the original): the page's
    if tag in _POSITION_TAGS:
        return _POSITION_TAGS[tag]
    if role in _POSITION_ROLES:
        return _POSITION_ROLES[role]
    if tag in ("html", "article") or node in protected:
        return None  # a wrapper around the page's own title or <main> is the page's
    word = _chrome_word(node)
    if word is None:
        return None
    for pattern, region in _TOKEN_REGIONS:
        if pattern.fullmatch(word):
            return region
    return "footer" if word == "footer" else "aside"


def _in_page_content(node: HtmlTree) -> bool:
    """Inside an <article> or <main>: a <header> there heads that content, it is no site banner (HTML's
    sectioning rule)."""
    return any(a.tag in ("article", "main") or (a.get("role") or "").lower() == "main" for a in node.iterancestors())


def _chrome_word(node: HtmlTree) -> str | None:
    """The chrome word a class/id token names (main_content's vocabulary), "footer" for a footer block."""
    for attr in ("class", "id"):
        value = node.get(attr)
        if not value:
            continue
        for token in value.split():
            word = _token_word(token)
            if word in _SIDEBAR_WORDS and node.xpath(_OWN_ENTRY):
                continue  # a content column named "sidebar_content" that holds the page's own entry
            if word is not None and (word not in _LINK_LIST_WORDS or _mostly_links(node)):
                return word
    return None


@lru_cache(maxsize=8192)
def _token_word(token: str) -> str | None:
    """The chrome word one class/id token names, None for others (templates repeat their tokens)."""
    if not _CHROME_HINT.search(token):
        return None
    named = _CHROME_TOKEN.fullmatch(token)
    if named:
        return named.group("word").lower()
    return "footer" if _FOOTER_TOKEN.fullmatch(token) else None
