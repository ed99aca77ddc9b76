"""Structured data and what the page says about who wrote it and when: JSON-LD items, author signals
(visible bylines, JSON-LD and meta authors) and published/modified dates with their source.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from extruct.jsonld import JsonLdExtractor
from htmldate import find_date
from lxml import etree

from scoring.core.jsonld import WORKS_BY_OTHERS, jsonld_types, real_date
from scoring.core.records import AuthorSignal, Dates
from spiders.document import HtmlTree, absolute_http_url, base_url, clean_text
from spiders.extract_byline import extract_bylines
from spiders.extract_head import meta_content
from spiders.regions import not_own_content, page_title_element
from spiders.visible_dates import event_dated, event_time, hidden_meta_date


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
        if jsonld_types(item) & WORKS_BY_OTHERS:
            continue  # the author of a reviewed book or product is not the author of this page
        for name, url in _names(item.get("author"), items_by_id):
            signals.append(AuthorSignal(source="json-ld", name=name, url=url, visible=False))
    meta_author = meta_content(tree, "name", "author")
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
    """The ISO day of a declared date; a zero date ("0001-01-01", "1970-01-01") dates nothing."""
    match = re.match(r"(\d{4}-\d{2}-\d{2})", value.lstrip()) if isinstance(value, str) else None
    return match.group(1) if match and real_date(match.group(1)) else None


# schema.org microdata: <meta itemprop="datePublished" content="2020-12-01T00:00:00+00:00"> (Hugo themes write it
# in the head without an itemscope; others inside the page's <article itemscope>)
_MICRODATA_DATES = etree.XPath(
    '//meta[@itemprop="datePublished" or @itemprop="dateModified"][@content]'
    "[not(ancestor::script or ancestor::template)]"
)


def microdata_dates(tree: HtmlTree) -> tuple[str | None, str | None]:
    """(published, modified) the page declares in microdata meta tags: in the head, or in the body in no
    item, in the item that holds the page's title or in the page's only dated item. Among several dated
    items (a listing's teasers) the others date other pages; a zero date ("1969-12-31", Hugo's on undated
    pages) dates nothing."""
    title = page_title_element(tree)
    found: list[tuple[str, str, HtmlTree | None]] = []
    for meta in _MICRODATA_DATES(tree):
        day = _iso_date(meta.get("content"))
        if day is None:
            continue
        if meta.xpath("ancestor::body") and not_own_content(meta, title):
            continue  # hidden, in the site's chrome or in a teaser
        item = next((a for a in meta.iterancestors() if a.get("itemscope") is not None), None)
        found.append((meta.get("itemprop"), day, item))
    items = {id(item) for _, _, item in found if item is not None}
    dates: dict[str, str] = {}
    for prop, day, item in found:
        own = item is None or len(items) == 1 or (title is not None and any(a is item for a in title.iterancestors()))
        if own:
            dates.setdefault(prop, day)
    if "datePublished" not in dates:
        return None, None  # a modification date alone is the build's stamp of an undated page (Hugo's lastmod)
    return dates["datePublished"], dates.get("dateModified")


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
        published = _iso_date(meta_content(tree, "property", "article:published_time"))
        published_source = "meta" if published else None
    if not modified:
        modified = _iso_date(meta_content(tree, "property", "article:modified_time"))
        modified_source = "meta" if modified else None
    if not published or not modified:
        declared, changed = microdata_dates(tree)
        if not published and declared:
            published, published_source = declared, "meta"
        if not modified and changed:
            modified, modified_source = changed, "meta"
    if not published:
        title = page_title_element(tree)
        for element in tree.xpath("//body//time[@datetime]"):
            # a sidebar's "recent posts", a comment or a listing's teaser dates other pages
            if not_own_content(element, title) or event_time(element):  # an event's date: when it takes place
                continue
            published = _iso_date(element.get("datetime"))
            if published:
                published_source = "time-element"
                break
    if not published:
        # a post-meta date the theme's CSS hides: evidence of a dated post, never shown as its date
        published = hidden_meta_date(tree)
        published_source = "hidden-meta" if published else None
    if not published and use_htmldate and not event_dated(tree):  # on an event's page it guesses the event's date
        published = find_date(tree, original_date=True, extensive_search=False)
        published_source = "htmldate" if published else None
    return Dates(
        published=published,
        modified=modified,
        published_source=published_source,
        modified_source=modified_source,
    )
