"""A fetched HTML document: decoded, parsed once, its elements' visible text, its base URL and the
absolute, canonical form of its links, and how many elements it has. Pure, like all of spiders.extract.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import islice
from urllib.parse import quote_plus, unquote_to_bytes, urljoin, urlsplit

import lxml.html
from lxml import etree
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, to_unicode
from w3lib.url import canonicalize_url

HtmlTree = lxml.html.HtmlElement
IsInternal = Callable[[str], bool]
Normalise = Callable[[str], str]

_VISIBLE_TEXT = ".//text()[not(ancestor::script or ancestor::style or ancestor::template)]"
_VISIBLE_TEXT_XPATH = etree.XPath(_VISIBLE_TEXT)  # compiled once: a str XPath is compiled on every call
_INVISIBLE = ("script", "style", "template")


def clean_text(text: str | None) -> str:
    return " ".join(text.split()) if text else ""  # str.split: faster than a regex, same whitespace


def element_text(element: HtmlTree) -> str:
    """Visible text of an element, scripts and styles left out."""
    if not len(element):  # no child elements (most anchors): skip the XPath
        return clean_text(element.text)
    for _ in element.iter(*_INVISIBLE):
        return clean_text(" ".join(_VISIBLE_TEXT_XPATH(element)))
    # nothing to leave out: the same text nodes in the same order (itertext skips comments' and
    # processing instructions' own text, as text() does), without the XPath's predicate per node
    return clean_text(" ".join(element.itertext()))


# lxml.html's own parser picks each element's Python class in a Python method (HtmlElementClassLookup,
# for its form classes), called every time an element is handed to Python: 420,000 calls for 300 real
# pages, 5 % of the extraction. This one picks the same HtmlElement (text_content, base_url ...) in C;
# form, input, select, textarea and label elements are plain HtmlElements too (we read no form values).
_PARSER = etree.HTMLParser()
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)


def parse_html(text: str | bytes) -> HtmlTree | None:
    """Parse a document once; None when it holds no parsable HTML. Zero-width marks inside the text (an editor's
    byte-order mark in "W\ufeffritten by:") are dropped: a reader sees none, a pattern would stumble on them."""
    text = _without_zero_width(text)
    try:
        tree = lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        if isinstance(text, str):  # an XML encoding declaration in a str trips lxml
            return parse_html(text.encode("utf-8"))
        return None
    _close_navs(tree)
    return tree


_ZERO_WIDTH_BYTES = (b"\xef\xbb\xbf", b"\xe2\x80\x8b")  # U+FEFF and U+200B in UTF-8


def _without_zero_width(text: str | bytes) -> str | bytes:
    if isinstance(text, str):
        return text[:1] + text[1:].replace("\ufeff", "").replace("\u200b", "")
    for mark in _ZERO_WIDTH_BYTES:  # a leading byte-order mark stays: it names the encoding
        if text.find(mark, 3) >= 0:  # no copy of the page on the crawl path unless a mark is there
            text = text[:3] + text[3:].replace(mark, b"")
    return text


_MAIN_IN_NAV = etree.XPath("//nav//main")


def _close_navs(tree: HtmlTree) -> None:
    """A <div> left open inside <nav> makes libxml2 ignore the </nav>, so the page's <main> and all after it
    end up inside the navigation; a browser closes the <nav> there (the HTML5 tree builder pops up to it).
    Move the <main> and its following siblings out behind their <nav>, as a browser builds the page."""
    for main in _MAIN_IN_NAV(tree):
        nav = next((a for a in main.iterancestors() if a.tag == "nav"), None)
        if nav is None:  # moved out already with an earlier <main>
            continue
        anchor = nav
        for element in [main, *main.itersiblings()]:
            anchor.addnext(element)
            anchor = element


# An http(s) URL whose canonical form w3lib's canonicalize_url gives without escaping anything anew: a
# lowercase ASCII host without port or user, a path of characters it neither escapes nor unescapes (no
# %, no ; that starts params, no dot segment) and a query of characters it keeps as they are in its first
# pass. Most links of a site are such URLs. w3lib parses, escapes and reassembles each one in pure Python,
# byte by byte for the query (a share button's URL with a page's title and summary: 0.1-0.4 ms); here the
# path is kept and the query sorted with urllib's C-speed unquote and quote, as w3lib does it: its
# fields split at & (empty ones dropped), each split at its first =, + and %XX decoded, the pairs sorted
# as bytes, encoded back with only RFC 3986's unreserved characters kept and space as +
# (tests/test_canonical_url.py compares the two on generated URLs).
_CANONICAL_BASE = re.compile(r"https?://[a-z0-9-]+(?:\.[a-z0-9-]+)*/[A-Za-z0-9._~!$&'()*+,=:@/-]*")
# A host whose last label is a number is an IPv4 address to WHATWG and to w3lib ≥ 2.6 ("1" →
# "0.0.0.1", "0x7f.1" → "127.0.0.1"): left to w3lib, which normalises it the way its version does,
# unless it is a dotted quad in canonical form already (127.0.0.1, every loopback crawl).
_NUMERIC_HOST = re.compile(r"https?://(?:[a-z0-9-]+\.)*(?:[0-9]+|0x[0-9a-f]*)/")
_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_DOTTED_QUAD = re.compile(rf"https?://(?:{_OCTET}\.){{3}}{_OCTET}/")
_PLAIN_QUERY = re.compile(r"[A-Za-z0-9._~:/?@!$&()*+,;=%-]*")


def canonical_url(url: str) -> str:
    """The form every URL is stored and compared in: fragment removed, query sorted."""
    base, question, query = url.partition("#")[0].partition("?")
    if (
        _CANONICAL_BASE.fullmatch(base)
        and "/." not in base
        and (not _NUMERIC_HOST.match(base) or _DOTTED_QUAD.match(base))
        and (not question or _PLAIN_QUERY.fullmatch(query))
    ):
        query = _canonical_query(query) if query else ""
        return f"{base}?{query}" if query else base
    return canonicalize_url(url, keep_fragments=False)


def _canonical_query(query: str) -> str:
    pairs = []
    for field in query.split("&"):
        if field:
            key, _, value = field.partition("=")
            pairs.append((unquote_to_bytes(key.replace("+", " ")), unquote_to_bytes(value.replace("+", " "))))
    pairs.sort()
    return "&".join(f"{quote_plus(key, safe='')}={quote_plus(value, safe='')}" for key, value in pairs)


def base_url(tree: HtmlTree, page_url: str) -> str:
    head = tree.find("head")  # <base> belongs in <head> (and the parser puts it there): no full-tree scan
    base = head.find("base") if head is not None else None
    href = (base.get("href") or "").strip() if base is not None else ""
    return urljoin(page_url, href) if href else page_url


def absolute_http_url(href: str | None, base: str) -> str | None:
    """Absolute, canonical http(s) URL of an href; None for mailto:, javascript:, #frag…"""
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return None
    # Memoised: navigation, footer and popular articles repeat on every page of a site, and
    # absolute and root-relative hrefs resolve the same whatever the page's path.
    if href.startswith(("http://", "https://")):
        return _absolute("", href)
    if href.startswith("/") and not href.startswith("//"):
        slash = base.find("/", base.find("//") + 2)
        return _absolute(base if slash < 0 else base[:slash], href)
    return _absolute(base, href)


@lru_cache(maxsize=200_000)
def _absolute(base: str, href: str) -> str | None:
    try:  # 'https://[ Vitamin B2 | tbd. ]' (a bad IPv6 literal) must not fail the whole page
        url = urljoin(base, href) if base else href
        if urlsplit(url).scheme not in ("http", "https"):
            return None
        return canonical_url(url)
    except ValueError:
        return None


def decode_html(body: bytes, content_type: str | None) -> str:
    """HTML bytes to text: BOM, then the header charset, then <meta charset>, then UTF-8 if the
    bytes are valid UTF-8, else windows-1252 (WHATWG's fallback for Western pages; a superset of
    latin-1 that also has „“–€)."""
    # Built from w3lib's parts, not html_to_unicode(default_encoding=…): that signature is deprecated
    # since w3lib 2.6, whose own fallback guesses by top-level domain.
    bom_encoding, bom = read_bom(body)
    if bom_encoding is not None and bom is not None:
        return to_unicode(body[len(bom) :], bom_encoding)
    encoding = http_content_type_encoding(content_type) or html_body_declared_encoding(body) or _utf8_or_cp1252(body)
    return to_unicode(body, encoding)


def _utf8_or_cp1252(body: bytes) -> str:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def looks_binary(body: bytes) -> bool:
    """NUL bytes in the first 4 KB: not text, whatever the Content-Type says (UTF-16 has a BOM)."""
    head = body[:4096]
    return b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff"))


# A long real article has a few thousand elements, a big shop listing some tens of thousands. Above
# this the full analysis (main text, evidence detectors) takes minutes and gigabytes for one page
# (a 9.5 MB page of a million tiny paragraphs: 56 s, 2 GB), so only head fields and links are read.
MAX_ANALYSED_ELEMENTS = 150_000


def count_elements(tree: HtmlTree, limit: int) -> int:
    """Elements in the tree, counted up to `limit` + 1 (enough to tell "too many")."""
    return sum(1 for _ in islice(tree.iter(), limit + 1))


def short_texts(elements: list[HtmlTree], text_of: Callable[[HtmlTree], str], limit: int) -> dict[HtmlTree, str]:
    """`text_of` each of `elements` (in document order) whose text is at most `limit` characters. An
    element holding one whose text is longer has a longer text too (its text holds the other's, in
    one piece), so it is not read: read from the innermost outwards, the page's large containers never are."""
    texts: dict[HtmlTree, str] = {}
    long: set[HtmlTree] = set()
    for element in reversed(elements):
        if element in long:
            continue
        text = text_of(element)
        if len(text) <= limit:
            texts[element] = text
            continue
        for ancestor in element.iterancestors():
            if ancestor in long:
                break
            long.add(ancestor)
    return {element: texts[element] for element in elements if element in texts}
