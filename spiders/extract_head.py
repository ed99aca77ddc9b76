"""The head of a page: title, meta description and robots, canonical and og:url, rel=next/prev,
meta refresh, language and hreflang alternates. Pure functions over the parsed tree — and the two
other places hreflang alternates are declared: the HTTP `Link` header (`link_header_hreflang`) and a
sitemap's `xhtml:link` elements (`sitemap_hreflang`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from io import BytesIO
from typing import Literal

import lxml.etree

from scoring.core.records import Hreflang
from spiders.document import HtmlTree, Normalise, absolute_http_url, base_url, canonical_url, clean_text

HreflangSource = Literal["html", "http", "sitemap"]  # `Hreflang.source`


def extract_title(tree: HtmlTree) -> str | None:
    titles = tree.xpath("//head/title | //title")
    return clean_text(titles[0].text_content()) or None if titles else None


def meta_content(tree: HtmlTree, attr: str, value: str) -> str | None:
    """The content of the first <meta> whose `attr` is `value` (case-insensitive), None when empty."""
    for meta in tree.xpath(f"//meta[@{attr}]"):
        if meta.get(attr, "").strip().lower() == value:
            content = clean_text(meta.get("content"))
            if content:
                return content
    return None


def extract_meta_description(tree: HtmlTree) -> str | None:
    return meta_content(tree, "name", "description")


def extract_robots_meta(tree: HtmlTree) -> str | None:
    return meta_content(tree, "name", "robots")


def extract_canonical(tree: HtmlTree, page_url: str, normalise: Normalise | None = None) -> str | None:
    for link in tree.xpath("//link[@rel][@href]"):
        if "canonical" in link.get("rel", "").lower().split():
            url = absolute_http_url(link.get("href"), base_url(tree, page_url))
            return normalise(url) if url and normalise else url
    return None


def extract_og_url(tree: HtmlTree, page_url: str, normalise: Normalise | None = None) -> str | None:
    """The Open Graph URL (`<meta property="og:url">`, also written with name=), mapped like a canonical."""
    content = meta_content(tree, "property", "og:url") or meta_content(tree, "name", "og:url")
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


def extract_lang(tree: HtmlTree) -> str | None:
    """Primary language subtag from <html lang>, else Content-Language meta."""
    raw = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    raw = raw or meta_content(tree, "http-equiv", "content-language")
    if not raw:
        return None
    primary = re.split(r"[-_,;\s]", raw.strip().lower())[0]
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def hreflang(lang: str, url: str, source: HreflangSource) -> Hreflang:
    """An alternate, with where it was declared (`Hreflang.source`: "html", "http" for the HTTP Link
    header, "sitemap")."""
    return Hreflang(lang=lang, url=url, source=source)


def extract_hreflang(tree: HtmlTree, page_url: str, normalise: Normalise | None = None) -> list[Hreflang]:
    found = []
    for link in tree.xpath("//link[@hreflang][@href]"):
        if "alternate" in link.get("rel", "").lower().split():
            url = absolute_http_url(link.get("href"), base_url(tree, page_url))
            if url and normalise:
                url = normalise(url)
            if url:
                found.append(hreflang(link.get("hreflang").strip(), url, "html"))
    return found


def merge_hreflang(*groups: Iterable[Hreflang]) -> list[Hreflang]:
    """Alternates from several sources, each (code, URL) once, the first source kept."""
    seen: set[tuple[str, str]] = set()
    merged = []
    for group in groups:
        for alternate in group:
            key = (alternate.lang.strip().lower(), alternate.url)
            if key not in seen:
                seen.add(key)
                merged.append(alternate)
    return merged


MAX_LINK_HEADER = 65_536  # characters of Link header read per response


def _link_values(header: str) -> Iterator[tuple[str, dict[str, str]]]:
    """(target, params) of each link-value of an RFC 8288 Link header: `<url>; rel="alternate";
    hreflang="de", <…>`. A hand parser (one pass, no backtracking): header values are hostile."""
    text, i, size = header[:MAX_LINK_HEADER], 0, min(len(header), MAX_LINK_HEADER)
    while i < size:
        start = text.find("<", i)
        if start < 0:
            return
        end = text.find(">", start + 1)
        if end < 0:
            return
        target, i, params = text[start + 1 : end].strip(), end + 1, {}
        while i < size and text[i] != ",":  # the parameters up to the next link-value
            if text[i] != ";":
                i += 1
                continue
            j = i + 1
            while j < size and text[j] not in "=;,":
                j += 1
            name = text[i + 1 : j].strip().lower()
            if j < size and text[j] == "=":
                j += 1
                while j < size and text[j] in " \t":
                    j += 1
                if j < size and text[j] == '"':
                    close = text.find('"', j + 1)
                    close = size if close < 0 else close
                    value, i = text[j + 1 : close], close + 1
                else:
                    k = j
                    while k < size and text[k] not in ";,":
                        k += 1
                    value, i = text[j:k].strip(), k
            else:
                value, i = "", j
            params.setdefault(name, value)
        yield target, params
        i += 1


def link_header_hreflang(values: Iterable[str], page_url: str, normalise: Normalise | None = None) -> list[Hreflang]:
    """hreflang alternates of a response's HTTP `Link` headers (Google reads them for any file type)."""
    found = []
    for header in values:
        for target, params in _link_values(header):
            code = params.get("hreflang", "").strip()
            if not code or "alternate" not in params.get("rel", "").lower().split():
                continue
            url = _absolute(target, page_url, normalise)
            if url:
                found.append(hreflang(code, url, "http"))
    return found


def _absolute(href: str, base: str, normalise: Normalise | None) -> str | None:
    """An absolute, normalised http(s) URL, or None (also for what urllib refuses: "http://[not-ip]/")."""
    try:
        url = absolute_http_url(href, base)
        return normalise(url) if url and normalise else url
    except ValueError:
        return None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def sitemap_hreflang(body: bytes, sitemap_url: str, normalise: Normalise | None = None) -> dict[str, list[Hreflang]]:
    """`<loc>` as written -> the alternates of its `<xhtml:link rel="alternate" hreflang>` elements in a
    urlset sitemap (hrefs made absolute against the sitemap's URL). Parsed as Scrapy's sitemap parser
    does: recovering from damage, no entities, no network."""
    found: dict[str, list[Hreflang]] = {}
    if b"hreflang" not in body:
        return found
    try:
        events = lxml.etree.iterparse(
            BytesIO(body), events=("end",), recover=True, resolve_entities=False, no_network=True, huge_tree=False
        )
        for _, element in events:
            if _local(element.tag) != "url":
                continue
            loc, alternates = None, []
            for child in element:
                name = _local(child.tag)
                if name == "loc" and child.text:
                    loc = child.text.strip()
                elif name == "link" and "alternate" in (child.get("rel") or "").lower().split():
                    code = (child.get("hreflang") or "").strip()
                    url = _absolute((child.get("href") or "").strip(), sitemap_url, normalise)
                    if code and url:
                        alternates.append(hreflang(code, url, "sitemap"))
            if loc and alternates:
                found.setdefault(loc, []).extend(alternates)
            element.clear()
    except lxml.etree.LxmlError:
        pass  # what was read before the damage stays
    return found
