"""Pure extraction functions: (parsed tree, page URL, ...) -> value.

The page is parsed once (`parse_html`) and the same lxml tree is handed to every extractor;
`extract_page` assembles the HTML fields of a `PageRecord`. Nothing here does I/O, so every
function is tested on fixture HTML without a crawl.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import islice
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from extruct.jsonld import JsonLdExtractor
from htmldate import find_date
from lxml import etree
from w3lib.encoding import html_to_unicode
from w3lib.url import canonicalize_url

from scoring.core.records import (
    AuthorSignal,
    Dates,
    Heading,
    Hreflang,
    Image,
    Link,
    LinkPosition,
    Media,
    count_words,
)
from spiders.extract_byline import extract_bylines
from spiders.extract_evidence import extract_extras
from spiders.extract_quotes import extract_quotes
from spiders.main_content import (
    _CHROME_TOKEN,
    _FOOTER_TOKEN,
    _LINK_LIST_WORDS,
    _mostly_links,
    main_content_text,
)
from spiders.regions import not_own_content, page_title_element

HtmlTree = lxml.html.HtmlElement
IsInternal = Callable[[str], bool]
Normalise = Callable[[str], str]

_SPACE = re.compile(r"\s+")
_VISIBLE_TEXT = ".//text()[not(ancestor::script or ancestor::style or ancestor::template)]"
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
_VIDEO_HOSTS = ("youtube.com", "youtube-nocookie.com", "youtu.be", "vimeo.com", "wistia", "dailymotion")
_AUDIO_HOSTS = ("spotify.com", "soundcloud.com", "podigee", "letscast", "anchor.fm", "podcasts.apple")


def clean_text(text: str | None) -> str:
    return " ".join(text.split()) if text else ""  # str.split: faster than a regex, same whitespace


def element_text(element: HtmlTree) -> str:
    """Visible text of an element, scripts and styles left out."""
    if not len(element):  # no child elements (most anchors): skip the XPath
        return clean_text(element.text)
    return clean_text(" ".join(element.xpath(_VISIBLE_TEXT)))


def parse_html(text: str | bytes) -> HtmlTree | None:
    """Parse a document once; None when it holds no parsable HTML."""
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        if isinstance(text, str):  # an XML encoding declaration in a str trips lxml
            return parse_html(text.encode("utf-8"))
        return None


def canonical_url(url: str) -> str:
    """The form every URL is stored and compared in: fragment removed, query sorted."""
    return canonicalize_url(url, keep_fragments=False)


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
    url = urljoin(base, href) if base else href
    if urlsplit(url).scheme not in ("http", "https"):
        return None
    return canonical_url(url)


# -- head ------------------------------------------------------------------------------------


def extract_title(tree: HtmlTree) -> str | None:
    titles = tree.xpath("//head/title | //title")
    return clean_text(titles[0].text_content()) or None if titles else None


def _meta(tree: HtmlTree, attr: str, value: str) -> str | None:
    for meta in tree.xpath(f"//meta[@{attr}]"):
        if meta.get(attr, "").strip().lower() == value:
            content = clean_text(meta.get("content"))
            if content:
                return content
    return None


def extract_meta_description(tree: HtmlTree) -> str | None:
    return _meta(tree, "name", "description")


def extract_robots_meta(tree: HtmlTree) -> str | None:
    return _meta(tree, "name", "robots")


def extract_canonical(tree: HtmlTree, page_url: str, normalise: Normalise | None = None) -> str | None:
    for link in tree.xpath("//link[@rel][@href]"):
        if "canonical" in link.get("rel", "").lower().split():
            url = absolute_http_url(link.get("href"), base_url(tree, page_url))
            return normalise(url) if url and normalise else url
    return None


def extract_og_url(tree: HtmlTree, page_url: str, normalise: Normalise | None = None) -> str | None:
    """The Open Graph URL (`<meta property="og:url">`, also written with name=), mapped like a canonical."""
    content = _meta(tree, "property", "og:url") or _meta(tree, "name", "og:url")
    url = absolute_http_url(content, base_url(tree, page_url)) if content else None
    return normalise(url) if url and normalise else url


def extract_rel_links(tree: HtmlTree, page_url: str, rels: tuple[str, ...] = ("next", "prev")) -> list[str]:
    """URLs of <link rel=next/prev> (paginated series): discovery sources beside <a href>."""
    base = None
    found = []
    for link in tree.xpath("//link[@rel][@href]"):
        if any(r in rels for r in link.get("rel", "").lower().split()):
            base = base or base_url(tree, page_url)
            url = absolute_http_url(link.get("href"), base)
            if url:
                found.append(url)
    return found


_DELAY = re.compile(r"\d*\.?\d*")  # anchored with .match, no nested quantifiers: linear


def parse_refresh(content: str) -> tuple[float, str] | None:
    """(delay, target) of a meta refresh `content` ("0; url='/neu/'"), None without a target.

    A hand parser, not one regex: crawled attribute values are hostile, and the former pattern
    backtracked catastrophically on a few hundred spaces before a stray quote (issue 18)."""
    text = content.strip()
    number = _DELAY.match(text).group(0)
    rest = text[len(number) :].lstrip()
    if rest[:1] in (";", ","):
        rest = rest[1:].lstrip()
    if rest[:3].lower() == "url":
        after = rest[3:].lstrip()
        if after[:1] == "=":
            rest = after[1:].lstrip()
    if rest[:1] in ("'", '"'):
        rest = rest[1:]
    if rest[-1:] in ("'", '"'):
        rest = rest[:-1]
    target = rest.strip()
    if not target or "'" in target or '"' in target:
        return None
    try:
        delay = float(number) if number.strip(".") else 0.0
    except ValueError:
        delay = 0.0
    return delay, target


def extract_meta_refresh(tree: HtmlTree, page_url: str, max_delay_s: float = 10.0) -> str | None:
    """Target of a <meta http-equiv="refresh" content="0; url=..."> redirect, if any.

    Search engines treat a short meta refresh as a redirect; a long one (a page that reloads
    itself every few minutes) is not followed.
    """
    for meta in tree.xpath("//meta[@http-equiv][@content]"):
        if meta.get("http-equiv", "").strip().lower() != "refresh":
            continue
        parsed = parse_refresh(meta.get("content", ""))
        if parsed is None:
            continue
        delay, target = parsed
        if delay > max_delay_s:
            continue
        url = absolute_http_url(target, base_url(tree, page_url))
        if url and url != canonical_url(page_url):
            return url
    return None


def decode_html(body: bytes, content_type: str | None) -> str:
    """HTML bytes to text: BOM, then the header charset, then <meta charset>, then UTF-8 if the
    bytes are valid UTF-8, else windows-1252 (WHATWG's fallback for Western pages; a superset of
    latin-1 that also has „“–€)."""
    _, text = html_to_unicode(content_type, body, default_encoding="cp1252", auto_detect_fun=_utf8_or_cp1252)
    return text


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


def extract_lang(tree: HtmlTree) -> str | None:
    """Primary language subtag from <html lang>, else Content-Language meta."""
    raw = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    raw = raw or _meta(tree, "http-equiv", "content-language")
    if not raw:
        return None
    primary = re.split(r"[-_,;\s]", raw.strip().lower())[0]
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def extract_hreflang(tree: HtmlTree, page_url: str, normalise: Normalise | None = None) -> list[Hreflang]:
    found = []
    for link in tree.xpath("//link[@hreflang][@href]"):
        if "alternate" in link.get("rel", "").lower().split():
            url = absolute_http_url(link.get("href"), base_url(tree, page_url))
            if url and normalise:
                url = normalise(url)
            if url:
                found.append(Hreflang(lang=link.get("hreflang").strip(), url=url))
    return found


# -- body structure --------------------------------------------------------------------------


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
    (re.compile(r"breadcrumb.*|navbar|menu|post-navigation|nav-links|nav-(?:previous|next)|pagination|"
                r"(?:prev|previous|next)[-_](?:post|article|entry)s?", re.I), "nav"),
    (re.compile(r"site-header|masthead", re.I), "header"),
    (re.compile(r"site-footer|copyright", re.I), "footer"),
)


class _Regions:
    """Per parsed tree: the verdict of each ancestor asked about, and the elements that hold the
    page's H1 or <main> (never chrome, as in spiders.main_content)."""

    __slots__ = ("root", "verdicts", "protected")

    def __init__(self, root: HtmlTree) -> None:
        self.root = root
        self.verdicts: dict[HtmlTree, LinkPosition | None] = {}
        self.protected: set[HtmlTree] = set()
        for held in root.xpath("//h1 | //main | //*[@role='main']"):
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


def _chrome_word(node: HtmlTree) -> str | None:
    """The chrome word a class/id token names (main_content's vocabulary), "footer" for a footer block."""
    for attr in ("class", "id"):
        value = node.get(attr)
        if not value:
            continue
        for token in value.split():
            word = _token_word(token)
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


def extract_headings(tree: HtmlTree) -> list[Heading]:
    """Headings in document order, leaving out those inside nav and footer templates."""
    headings = []
    for element in tree.xpath("//body//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"):
        if link_position(element) in ("nav", "footer"):
            continue
        text = element_text(element)
        if text:
            headings.append(Heading(level=int(element.tag[1]), text=text))
    return headings


def extract_links(
    tree: HtmlTree, page_url: str, is_internal: IsInternal, normalise: Normalise | None = None
) -> list[Link]:
    """Every http(s) <a href> with anchor text (or the alt of a linked image), rel, position."""
    base = base_url(tree, page_url)
    links = []
    for anchor in tree.xpath("//body//a[@href]"):
        url = absolute_http_url(anchor.get("href"), base)
        if url is None:
            continue
        if normalise is not None:
            url = normalise(url)
        text = element_text(anchor)
        if not text:
            text = " ".join(clean_text(img.get("alt")) for img in anchor.xpath(".//img[@alt]")).strip()
        links.append(
            Link(
                url=url,
                anchor=text,
                rel=sorted({r for r in (anchor.get("rel") or "").lower().split() if r}),
                position=link_position(anchor),
                internal=is_internal(url),
            )
        )
    return links


def _int_attr(element: HtmlTree, name: str) -> int | None:
    match = re.match(r"\d+", (element.get(name) or "").lstrip())
    return int(match.group(0)) if match else None


def extract_images(tree: HtmlTree, page_url: str) -> list[Image]:
    base = base_url(tree, page_url)
    images = []
    for img in tree.xpath("//body//img"):
        src = img.get("src") or img.get("data-src") or ""
        url = absolute_http_url(src, base) if not src.startswith("data:") else None
        if url is None:
            continue
        alt = img.get("alt")
        images.append(
            Image(
                src=url,
                alt=None if alt is None else clean_text(alt),
                width=_int_attr(img, "width"),
                height=_int_attr(img, "height"),
            )
        )
    return images


def extract_media(tree: HtmlTree, page_url: str) -> list[Media]:
    base = base_url(tree, page_url)
    media = []
    for element in tree.xpath("//body//video | //body//audio | //body//iframe"):
        src = element.get("src") or next(iter(element.xpath("./source/@src")), None)
        url = absolute_http_url(src, base)
        if url is None:
            continue
        host = urlsplit(url).netloc.lower()
        if element.tag == "video" or any(h in host for h in _VIDEO_HOSTS):
            kind = "video"
        elif element.tag == "audio" or any(h in host for h in _AUDIO_HOSTS):
            kind = "audio"
        else:
            kind = "iframe"
        media.append(Media(kind=kind, src=url))
    return media


def count_tables(tree: HtmlTree) -> int:
    return len(tree.xpath("//body//table"))


def count_lists(tree: HtmlTree) -> int:
    """Lists in the content (navigation menus are lists too, and are left out)."""
    return sum(1 for lst in tree.xpath("//body//ul | //body//ol") if link_position(lst) == "content")


# -- structured data, authors, dates -----------------------------------------------------------


def _flatten_jsonld(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten_jsonld(item)
    elif isinstance(data, dict):
        graph = data.get("@graph")
        if isinstance(graph, list):
            yield from _flatten_jsonld(graph)
        else:
            yield data


def extract_jsonld(tree: HtmlTree, page_url: str) -> list[dict[str, Any]]:
    """JSON-LD items (top-level @graph flattened). Invalid JSON blocks are skipped."""
    try:
        raw = JsonLdExtractor().extract_items(tree, base_url=page_url)
        items = list(raw)
    except (ValueError, TypeError, json.JSONDecodeError):
        items = []
        for script in tree.xpath('//script[@type="application/ld+json"]'):
            try:
                items.append(json.loads(script.text or ""))
            except ValueError:
                continue
    return list(_flatten_jsonld(items))


def _names(value: Any, items_by_id: dict[str, dict]) -> Iterator[tuple[str, str | None]]:
    """(name, url) pairs of a JSON-LD author value: string, Person, list or @id reference."""
    if isinstance(value, list):
        for entry in value:
            yield from _names(entry, items_by_id)
    elif isinstance(value, str) and value.strip():
        yield clean_text(value), None
    elif isinstance(value, dict):
        if "name" not in value and value.get("@id") in items_by_id:
            value = items_by_id[value["@id"]]
        name = value.get("name")
        if isinstance(name, str) and name.strip():
            url = value.get("url")
            yield clean_text(name), url if isinstance(url, str) else None


# Works by others a page describes (a book review, a product test): their authors did not write the page.
OTHERS_WORKS = frozenset({"book", "review", "product", "movie", "musicalbum", "musicrecording", "videogame"})


def _item_types(item: dict) -> set[str]:
    raw = item.get("@type", [])
    return {str(v).rsplit("/", 1)[-1].lower() for v in (raw if isinstance(raw, list) else [raw])}


def extract_author_signals(tree: HtmlTree, page_url: str, jsonld: list[dict]) -> list[AuthorSignal]:
    """Who wrote the page: visible bylines (spiders.extract_byline) first, then JSON-LD and meta
    (invisible) hints."""
    signals: list[AuthorSignal] = []
    base = base_url(tree, page_url)
    for signal in extract_bylines(tree, page_url):
        url = absolute_http_url(signal.url, base) if signal.url else None
        signals.append(signal.model_copy(update={"url": url}))
    items_by_id = {item["@id"]: item for item in jsonld if isinstance(item.get("@id"), str)}
    for item in jsonld:
        if _item_types(item) & OTHERS_WORKS:
            continue  # the author of a reviewed book or product is not the author of this page
        for name, url in _names(item.get("author"), items_by_id):
            signals.append(AuthorSignal(source="json-ld", name=name, url=url, visible=False))
    meta_author = _meta(tree, "name", "author")
    if meta_author:
        signals.append(AuthorSignal(source="meta", name=meta_author, visible=False))
    return _dedupe(signals)


def _dedupe(signals: list[AuthorSignal]) -> list[AuthorSignal]:
    seen: set[tuple[str, str]] = set()
    unique = []
    for signal in signals:
        key = (signal.source, signal.name.casefold())
        if key not in seen:
            seen.add(key)
            unique.append(signal)
    return unique


def _iso_date(value: Any) -> str | None:
    match = re.match(r"(\d{4}-\d{2}-\d{2})", value.lstrip()) if isinstance(value, str) else None
    return match.group(1) if match else None


def extract_dates(tree: HtmlTree, jsonld: list[dict], *, use_htmldate: bool = True) -> Dates:
    """Published and modified dates with where each came from (JSON-LD, meta, <time>, htmldate)."""
    published = modified = None
    published_source = modified_source = None
    for item in jsonld:
        published = published or _iso_date(item.get("datePublished"))
        modified = modified or _iso_date(item.get("dateModified"))
    if published:
        published_source = "json-ld"
    if modified:
        modified_source = "json-ld"
    if not published:
        published = _iso_date(_meta(tree, "property", "article:published_time"))
        published_source = "meta" if published else None
    if not modified:
        modified = _iso_date(_meta(tree, "property", "article:modified_time"))
        modified_source = "meta" if modified else None
    if not published:
        title = page_title_element(tree)
        for element in tree.xpath("//body//time[@datetime]"):
            # a sidebar's "recent posts", a comment or a listing's teaser dates other pages
            if not_own_content(element, title):
                continue
            published = _iso_date(element.get("datetime"))
            if published:
                published_source = "time-element"
                break
    if not published and use_htmldate:
        published = find_date(tree, original_date=True, extensive_search=False)
        published_source = "htmldate" if published else None
    return Dates(
        published=published,
        modified=modified,
        published_source=published_source,
        modified_source=modified_source,
    )


def extract_main_text(tree: HtmlTree) -> str:
    """The page's main content, one block per line: from its H1 to the end of the content, without
    site chrome, hidden copies or related-post blocks (spiders.main_content; one walk of the tree,
    which it leaves unchanged). Replaces trafilatura, which kept only one block of paragraphs on
    listings, home and landing pages and cost about 7x the CPU."""
    return main_content_text(tree)


# A long real article has a few thousand elements, a big shop listing some tens of thousands. Above
# this the full analysis (main text, evidence detectors) takes minutes and gigabytes for one page
# (a 9.5 MB page of a million tiny paragraphs: 56 s, 2 GB), so only head fields and links are read.
MAX_ANALYSED_ELEMENTS = 150_000


def count_elements(tree: HtmlTree, limit: int) -> int:
    """Elements in the tree, counted up to `limit` + 1 (enough to tell "too many")."""
    return sum(1 for _ in islice(tree.iter(), limit + 1))


def extract_head_and_links(
    tree: HtmlTree, page_url: str, is_internal: IsInternal, normalise: Normalise | None = None
) -> dict[str, Any]:
    """The cheap fields of a page too large to analyse: what discovery and the technical checks need."""
    return {
        "canonical": extract_canonical(tree, page_url, normalise),
        "og_url": extract_og_url(tree, page_url, normalise),
        "robots_meta": extract_robots_meta(tree),
        "hreflang": extract_hreflang(tree, page_url, normalise),
        "lang": extract_lang(tree),
        "title": extract_title(tree),
        "meta_description": extract_meta_description(tree),
        "links": extract_links(tree, page_url, is_internal, normalise),
    }


def extract_page(
    tree: HtmlTree, page_url: str, is_internal: IsInternal, normalise: Normalise | None = None
) -> dict[str, Any]:
    """All HTML fields of a PageRecord from one parsed tree.

    `normalise` maps link, canonical and hreflang URLs onto the crawl's URL space (stripped
    tracking/session parameters, production host -> crawled host); see SiteSpider.normalise.
    """
    jsonld = extract_jsonld(tree, page_url)
    fields: dict[str, Any] = {
        **extract_head_and_links(tree, page_url, is_internal, normalise),
        "headings": extract_headings(tree),
        "structured_data": jsonld,
        "author_signals": extract_author_signals(tree, page_url, jsonld),
        "images": extract_images(tree, page_url),
        "media": extract_media(tree, page_url),
        "quotes": extract_quotes(tree),
        "tables": count_tables(tree),
        "lists": count_lists(tree),
        "dates": extract_dates(tree, jsonld),
        **extract_extras(tree, page_url),  # spiders.extract_evidence: galleries, charts, visible date ...
    }
    main_text = extract_main_text(tree)
    fields["main_text"] = main_text
    fields["word_count"] = count_words(main_text)
    return fields
