"""Pure extraction functions: (parsed tree, page URL, ...) -> value.

The page is parsed once (`parse_html`) and the same lxml tree is handed to every extractor;
`extract_page` assembles the HTML fields of a `PageRecord`. Nothing here does I/O, so every
function is tested on fixture HTML without a crawl.

This module reads the body's structure (headings, links, images, media, tables, lists) and assembles
the record; the other extractors live beside it and are importable from here too:
`spiders.document` (decoding, parsing, URLs), `spiders.extract_head` (title, meta tags, canonical,
hreflang, meta refresh), `spiders.link_position` (the template region of an element),
`spiders.extract_structured` (JSON-LD, authors, dates), `spiders.extract_byline`, `spiders.extract_quotes`,
`spiders.extract_evidence` and `spiders.language` (the language the text is in).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from scoring.core.records import Heading, Image, Link, Media, count_words
from spiders.document import (
    MAX_ANALYSED_ELEMENTS,
    HtmlTree,
    IsInternal,
    Normalise,
    absolute_http_url,
    base_url,
    canonical_url,
    clean_text,
    count_elements,
    decode_html,
    element_text,
    looks_binary,
    parse_html,
)
from spiders.extract_evidence import extract_extras, show_counter_values, show_letter_images
from spiders.extract_head import (
    extract_canonical,
    extract_hreflang,
    extract_lang,
    extract_meta_description,
    extract_meta_refresh,
    extract_og_url,
    extract_rel_links,
    extract_robots_meta,
    extract_title,
    parse_refresh,
)
from spiders.extract_quotes import extract_quotes
from spiders.extract_structured import extract_author_signals, extract_dates, extract_jsonld
from spiders.language import declaration_markup, read_language
from spiders.link_position import link_position
from spiders.main_content import main_content_text
from spiders.render_hints import extract_render_hints

_VIDEO_HOSTS = ("youtube.com", "youtube-nocookie.com", "youtu.be", "vimeo.com", "wistia", "dailymotion")
_AUDIO_HOSTS = ("spotify.com", "soundcloud.com", "podigee", "letscast", "anchor.fm", "podcasts.apple")


def extract_headings(tree: HtmlTree) -> list[Heading]:
    """Headings in document order, leaving out those inside nav and footer templates and those of a
    search overlay (a theme's hidden search box often carries its own H1 "Search", which would make
    every page look like it had two H1s) — unless the page has no other H1 (a search page's own)."""
    found = [
        (Heading(level=int(element.tag[1]), text=text), _in_search_overlay(element))
        for element in _HEADINGS(tree)
        if link_position(element) not in ("nav", "footer") and (text := element_text(element))
    ]
    page_h1 = any(heading.level == 1 and not in_overlay for heading, in_overlay in found)
    return [heading for heading, in_overlay in found if not in_overlay or not page_h1]


_HEADINGS = etree.XPath("//body//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]")
# a search region: ARIA role or the <search> element, or a class/id token starting with "search" on an
# element that holds a search field
_SEARCH_REGION = etree.XPath(
    "ancestor::*[@role='search' or self::search or ("
    "(contains(translate(@class, 'SEARCH', 'search'), 'search')"
    " or contains(translate(@id, 'SEARCH', 'search'), 'search'))"
    " and .//input[@type='search' or @name='q' or @name='s' or @name='query'])][1]"
)
_SEARCH_TOKEN = re.compile(r"(?:^|[\s_-])search", re.IGNORECASE)


def _in_search_overlay(heading: HtmlTree) -> bool:
    for region in _SEARCH_REGION(heading):
        if region.get("role") == "search" or region.tag == "search":
            return True
        return bool(_SEARCH_TOKEN.search(f"{region.get('class') or ''} {region.get('id') or ''}"))
    return False


def extract_links(
    tree: HtmlTree, page_url: str, is_internal: IsInternal, normalise: Normalise | None = None
) -> list[Link]:
    """Every http(s) <a href> with anchor text (or the alt of a linked image), rel, position."""
    base = base_url(tree, page_url)
    links = []
    # a page links to the same URL several times (logo and menu, teaser title and "read more"): each
    # href resolved, normalised and scoped once per page
    targets: dict[str, tuple[str, bool] | None] = {}
    for anchor in _ANCHORS(tree):
        href = anchor.get("href")
        target = targets.get(href, _UNSEEN)
        if target is _UNSEEN:
            target = targets[href] = _target(href, base, is_internal, normalise)
        if target is None:
            continue
        url, internal = target
        text = element_text(anchor)
        if not text:
            text = " ".join(clean_text(img.get("alt")) for img in anchor.xpath(".//img[@alt]")).strip()
        rel = anchor.get("rel")
        links.append(
            Link(
                url=url,
                anchor=text,
                rel=sorted({r for r in rel.lower().split() if r}) if rel else [],
                position=link_position(anchor),
                internal=internal,
            )
        )
    return links


_ANCHORS = etree.XPath("//body//a[@href]")  # compiled once: a str XPath is compiled on every call
_UNSEEN: Any = object()


def _target(href: str, base: str, is_internal: IsInternal, normalise: Normalise | None) -> tuple[str, bool] | None:
    """(URL in the crawl's URL space, internal?) of an href; None when it is no http(s) link."""
    url = absolute_http_url(href, base)
    if url is None:
        return None
    if normalise is not None:
        url = normalise(url)
    return url, is_internal(url)


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


def extract_main_text(tree: HtmlTree) -> str:
    """The page's main content, one block per line: from its H1 to the end of the content, without
    site chrome, hidden copies or related-post blocks (spiders.main_content; one walk of the tree,
    which it leaves unchanged). Replaces trafilatura, which kept only one block of paragraphs on
    listings, home and landing pages and cost about 7x the CPU."""
    return main_content_text(tree)


def extract_head_and_links(
    tree: HtmlTree, page_url: str, is_internal: IsInternal, normalise: Normalise | None = None
) -> dict[str, Any]:
    """The cheap fields of a page too large to analyse: what discovery and the technical checks need."""
    lang = extract_lang(tree)
    return {
        "canonical": extract_canonical(tree, page_url, normalise),
        "og_url": extract_og_url(tree, page_url, normalise),
        "robots_meta": extract_robots_meta(tree),
        "hreflang": extract_hreflang(tree, page_url, normalise),
        "lang": lang,
        "lang_markup": declaration_markup(tree) if lang else None,
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
    }
    # animated counters show their figure from here on: the extras and the main text read it
    show_counter_values(tree)
    show_letter_images(tree)  # a drop cap drawn as an image opens its word
    fields.update(extract_extras(tree, page_url))  # spiders.extract_evidence: galleries, charts, visible date ...
    fields.update(extract_render_hints(tree))  # scripts, framework root element, template shape
    main_text = extract_main_text(tree)
    fields["main_text"] = main_text
    fields["word_count"] = count_words(main_text)
    # the language the text is in (spiders.language), whatever the page declares
    context = "\n".join(filter(None, (fields["title"], fields["meta_description"])))
    reading = read_language(main_text, context, declared=fields["lang"])
    fields["language"], fields["language_confidence"], fields["language_shares"] = reading
    return fields


__all__ = [
    "MAX_ANALYSED_ELEMENTS",
    "HtmlTree",
    "IsInternal",
    "Normalise",
    "absolute_http_url",
    "base_url",
    "canonical_url",
    "clean_text",
    "count_elements",
    "count_lists",
    "count_tables",
    "decode_html",
    "element_text",
    "extract_author_signals",
    "extract_canonical",
    "extract_dates",
    "extract_head_and_links",
    "extract_headings",
    "extract_hreflang",
    "extract_images",
    "extract_jsonld",
    "extract_lang",
    "extract_links",
    "extract_main_text",
    "extract_media",
    "extract_meta_description",
    "extract_meta_refresh",
    "extract_og_url",
    "extract_page",
    "extract_quotes",
    "extract_rel_links",
    "extract_robots_meta",
    "extract_title",
    "link_position",
    "looks_binary",
    "parse_html",
    "parse_refresh",
]
