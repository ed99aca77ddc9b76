"""Links that are not `<a href>`: custom elements (`<x-link href>`), `data-href`/`data-url`
attributes and `onclick` handlers that set `location`.

Browsers follow them once scripts run; crawlers that read the HTML without running JavaScript (the
crawlers behind ChatGPT, Claude and Perplexity) do not. They are recorded apart from `links`, so the
link graph stays what a crawler sees, while their targets are still fetched and checked (a broken
target in an `<x-link>` is a broken link too) and `crawlable-links` reports them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import lxml.html
from lxml import etree

from scoring.core.records import Link

HtmlTree = lxml.html.HtmlElement

# one walk of the attribute axis per attribute: cheaper than testing six attributes on every element
# (the union is in document order, each element once)
_CANDIDATES = etree.XPath(
    " | ".join(
        f"//body//*/@{name}/parent::*"
        "[not(self::a or self::area or self::link or self::base)][not(ancestor::template or ancestor::script)]"
        for name in ("href", "to", "data-href", "data-url", "data-link", "onclick")
    )
)
_ONCLICK_URL = re.compile(
    r"""(?:location(?:\.href)?\s*=|location\.assign\(|window\.open\()\s*['"]([^'"\s]{1,2000})['"]"""
)
_URL_ATTRS = ("href", "to", "data-href", "data-url", "data-link")


def _target(element: HtmlTree) -> tuple[str, str] | None:
    """(raw URL, how it is linked) of one element, None when it links nowhere."""
    tag = element.tag if isinstance(element.tag, str) else ""
    for attr in _URL_ATTRS:
        value = (element.get(attr) or "").strip()
        if not value:
            continue
        if attr in ("href", "to") and "-" not in tag:
            continue  # href on a standard element other than <a> is no link a browser follows either
        return value, f"<{tag} {attr}>"
    match = _ONCLICK_URL.search(element.get("onclick") or "")
    return (match.group(1), f"<{tag} onclick>") if match else None


def extract_script_links(
    tree: HtmlTree,
    base: str,
    absolute: Callable[[str, str], str | None],
    is_internal: Callable[[str], bool],
    normalise: Callable[[str], str] | None = None,
) -> list[Link]:
    """Every link of the page that only scripts can follow, with the element that holds it."""
    found: list[Link] = []
    seen: set[str] = set()
    for element in _CANDIDATES(tree):
        target = _target(element)
        if target is None:
            continue
        raw, how = target
        if element.xpath(".//a[@href]"):
            continue  # progressive enhancement: the element wraps a real link
        url = absolute(raw, base)
        if url is None:
            continue
        if normalise is not None:
            url = normalise(url)
        if url in seen:
            continue
        seen.add(url)
        text = " ".join(element.text_content().split())[:200]
        found.append(Link(url=url, anchor=text, internal=is_internal(url), element=how))
    return found
