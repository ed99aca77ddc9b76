"""Quotations in the markup: <blockquote> and <q> elements with the attribution their markup gives,
and testimonial cards whose quotation marks are an icon (<i class="fa-quote-left">) with the name
of the person in the same card.

Pure functions over the parsed tree, like spiders.extract (which calls `extract_quotes` once per
page). Attribution in the running text (speech verbs, "laut X") is read by
scoring.checks.attributed_quotes from the main text.
"""

from __future__ import annotations

import re

import lxml.html

from scoring.core.lexicons import NAME, UPPER
from scoring.core.records import Quote
from spiders.regions import not_own_content, page_title_element

HtmlTree = lxml.html.HtmlElement
_FIRST_NAME = rf"[{UPPER}][a-zäöüßéèáàíóúñç]{{1,20}}"  # "Holden (Otto.ai)": a first name and the company


def _clean(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _text(element: HtmlTree) -> str:
    return _clean(" ".join(element.xpath(".//text()[not(ancestor::script or ancestor::style or ancestor::template)]")))


_NAME_RE = re.compile(rf"(?:(?:{NAME})(?:\s*\([^()]{{1,40}}\))?|{_FIRST_NAME}\s*\([^()]{{1,40}}\))$")
# A signature line of a quotation: "– Maarten, AE", "— Dr. Jana Albrecht".
_DASH_LINE_RE = re.compile(r"^[–—―-]\s*\S")
_SIGNATURE_WORDS = 10
# A closing quotation mark at the end of a quotation's text: what is after it is no longer quoted.
_CLOSED_RE = re.compile('["“”«»‹›‘’]\\s*$')
_HANDLE_RE = re.compile(r"@\w[\w.]{1,30}$")
_BLOCKS = {"p", "div", "li", "figure", "section", "article"}
_SIGNATURE_TAGS = {"p", "span", "cite", "strong", "b", "h3", "h4", "h5", "h6", "div", "a", "footer", "small"}


def _signature(line: str) -> bool:
    return 1 <= len(line.split()) <= 6 and bool(_NAME_RE.match(line) or _HANDLE_RE.match(line))


def _own_signature(block: HtmlTree) -> str | None:
    """The last element of a testimonial card, when it is a name line ("Holden (Otto.ai)") after the text."""
    children = [child for child in block if isinstance(child.tag, str) and _clean(child.text_content())]
    if len(children) < 2 or children[-1].tag not in _SIGNATURE_TAGS:
        return None
    line = _clean(children[-1].text_content()).lstrip("—–- ").strip()
    return line if _signature(line) else None


def _closing_line(element: HtmlTree) -> str:
    """A blockquote's last paragraph that signs it rather than quotes: "– Maarten, AE", or a line after
    a text that closed its quotation marks ("“Kein Server …“" / "Werner Vogels bei re:invent 2015")."""
    children = [child for child in element if isinstance(child.tag, str) and _clean(child.text_content())]
    if len(children) < 2 or children[-1].tag not in ("p", "div", "span", "strong", "em"):
        return ""
    line = _clean(children[-1].text_content())
    if len(line.split()) > _SIGNATURE_WORDS:
        return ""
    if _DASH_LINE_RE.match(line):
        return line.lstrip("—–―- ").strip()
    before = _clean(" ".join(_text(child) for child in children[:-1]))
    named = re.match(rf"(?:{NAME})", line)
    return line if named and _CLOSED_RE.search(before) else ""


def _next_line(element: HtmlTree) -> str:
    """A short dash line right after a blockquote: "<blockquote>…</blockquote><p>– Maarten, AE</p>"."""
    sibling = element.getnext()
    while sibling is not None and not isinstance(sibling.tag, str):
        sibling = sibling.getnext()
    if sibling is None or sibling.tag not in ("p", "div", "cite", "footer"):
        return ""
    line = _clean(sibling.text_content())
    if len(line.split()) > _SIGNATURE_WORDS or not _DASH_LINE_RE.match(line):
        return ""
    return line.lstrip("—–―- ").strip()


def _icon_quotes(tree: HtmlTree) -> list[Quote]:
    """A quotation-mark icon (an empty <i>/<span>/<svg> whose class names a quote) opens the text of
    its block; the card around it names the speaker in a short line of its own (name or @handle)."""
    quotes = []
    # the elements themselves, not id(): a freed lxml proxy's id is reused by a later block's proxy,
    # which then was skipped depending on the worker's memory history
    seen: set = set()
    icons = tree.xpath(
        "//body//*[self::i or self::span or self::svg][contains(@class, 'quote')][not(ancestor::blockquote)]"
    )
    title = page_title_element(tree)
    for icon in icons:
        if _clean(icon.text_content()) or not_own_content(icon, title):
            continue  # a label ("Get a quote"), not an icon; or a comment widget's icon
        block = icon.getparent()
        while block is not None and (block.tag not in _BLOCKS or len(_text(block).split()) < 3):
            block = block.getparent()
        if block is None or block in seen:
            continue
        seen.add(block)
        text = _text(block)
        if len(text.split()) < 3 or len(text) > 1500:
            continue
        cite = _own_signature(block)
        if cite:
            text = text[: len(text) - len(cite)].rstrip(" —–-") if text.endswith(cite) else text
        card = block
        for _ in range(0 if cite else 4):
            card = card.getparent()
            if card is None or len(_text(card)) > 3 * len(text) + 300:
                break
            for element in card.iter(*_SIGNATURE_TAGS):
                if element is block or block in element.iterancestors() or element in block.iterancestors():
                    continue
                line = _clean(element.text_content())
                if _signature(line):
                    cite = line
                    break
            if cite:
                break
        if cite:
            quotes.append(Quote(text=text, cite=cite))
    return quotes


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
        if not cite and element.tag == "blockquote":
            cite = _closing_line(element) or _next_line(element)
        text = _text(element)
        if cite and text.endswith(cite):
            text = text[: -len(cite)].rstrip(" —–-")
        if text:
            quotes.append(Quote(text=text, cite=cite or None))
    return quotes + _icon_quotes(tree)
