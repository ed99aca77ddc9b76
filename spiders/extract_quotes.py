"""Quotations in the markup: <blockquote> and <q> elements with the attribution their markup gives.

Pure functions over the parsed tree, like spiders.extract (which calls `extract_quotes` once per
page). Attribution in the running text (speech verbs, "laut X") is read by
scoring.checks.attributed_quotes from the main text.
"""

from __future__ import annotations

import lxml.html

from scoring.records import Quote

HtmlTree = lxml.html.HtmlElement


def _clean(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _text(element: HtmlTree) -> str:
    return _clean(" ".join(element.xpath(".//text()[not(ancestor::script or ancestor::style or ancestor::template)]")))


def extract_quotes(tree: HtmlTree) -> list[Quote]:
    """<blockquote> and <q> elements with the attribution their markup gives, if any."""
    quotes = []
    for element in tree.xpath("//body//blockquote | //body//q"):
        if element.tag == "q" and element.xpath("ancestor::blockquote"):
            continue
        cite_nodes = element.xpath(".//cite | .//footer | ./following-sibling::figcaption[1]")
        if not cite_nodes:
            cite_nodes = element.xpath("ancestor::figure[1]/figcaption")
        cite = _clean(cite_nodes[0].text_content()).lstrip("—–- ").strip() if cite_nodes else ""
        text = _text(element)
        if cite and text.endswith(cite):
            text = text[: -len(cite)].rstrip(" —–-")
        if text:
            quotes.append(Quote(text=text, cite=cite or None))
    return quotes
