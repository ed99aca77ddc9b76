"""The head of a page: title, meta description and robots, canonical and og:url, rel=next/prev,
meta refresh, language and hreflang alternates. Pure functions over the parsed tree.
"""

from __future__ import annotations

import re

from scoring.core.records import Hreflang
from spiders.document import HtmlTree, Normalise, absolute_http_url, base_url, canonical_url, clean_text


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
