"""Quotations in the markup: <blockquote> and <q> elements with the attribution their markup gives,
and testimonial cards whose quotation marks are an icon (<i class="fa-quote-left">) with the name
of the person in the same card.

Pure functions over the parsed tree, like spiders.extract (which calls `extract_quotes` once per
page). Attribution in the running text (speech verbs, "laut X") is read by
scoring.checks.attributed_quotes from the main text.
"""

from __future__ import annotations

import re
from functools import lru_cache

import lxml.etree
import lxml.html

from scoring.core.lexicons import ABSTRACT_NOUN_ENDINGS, NAME, ROLE_WORD, UPPER
from scoring.core.records import Quote
from spiders.regions import CHROME_TOKEN_RE, in_chrome, in_teaser, is_hidden, not_own_content, page_title_element

HtmlTree = lxml.html.HtmlElement
_FIRST_NAME = rf"[{UPPER}][a-zäöüßéèáàíóúñç]{{1,20}}"  # "Holden (Otto.ai)": a first name and the company


def _clean(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _text(element: HtmlTree) -> str:
    return _clean(" ".join(element.xpath(".//text()[not(ancestor::script or ancestor::style or ancestor::template)]")))


_NAME_RE = re.compile(
    rf"(?:(?:{NAME})(?:\s*\([^()]{{1,40}}\))?|{_FIRST_NAME}\s*\([^()]{{1,40}}\)|{_FIRST_NAME}[ \t]+[{UPPER}]\.)$"
)  # "Anja M.": a first name and the initial of the surname signs a guest-book entry
# A signature line of a quotation: "– Maarten, AE", "— Dr. Jana Albrecht".
_DASH_LINE_RE = re.compile(r"^[–—―-]\s*\S")
_SIGNATURE_WORDS = 10
_ROLE_LINE_WORDS = 6  # a role or company line under the name of a testimonial card
# A closing quotation mark at the end of a quotation's text: what is after it is no longer quoted.
_CLOSED_RE = re.compile('["“”«»‹›‘’]\\s*$')
_HANDLE_RE = re.compile(r"@\w[\w.]{1,30}$")
_BLOCKS = {"p", "div", "li", "figure", "section", "article"}
_SIGNATURE_TAGS = {"p", "span", "cite", "strong", "b", "h2", "h3", "h4", "h5", "h6", "div", "a", "footer", "small"}
_ROLE_LINE_RE = re.compile(rf"(?:{ROLE_WORD})\b")  # "Weiterbildungsassistentin Allgemeinmedizin" under a name
_MARKS = '"“”„«»❝❞ '
# A quotation-mark icon: an empty element whose class names a quote (<i class="fa-quote-left">), or a
# decorative mark set as text in an element of its own (<div class="qmark">&ldquo;</div>).
_QUOTE_ICONS = lxml.etree.XPath(
    "//body//*[self::i or self::span or self::svg or self::div or self::b]"
    "[contains(@class, 'quote') or (not(*) and string-length(normalize-space()) = 1"
    " and contains('\u201c\u201d\u201e\u00ab\u00bb\u275d\u275e\"', normalize-space()))]"
    "[not(ancestor::blockquote)]"
)


def _abstract(line: str) -> bool:
    """A heading of nouns ("Unsere Leistungsbeschreibung"), not a name heading."""
    return any(len(w) >= 8 and w.lower().endswith(ABSTRACT_NOUN_ENDINGS) for w in line.split())


def _signature(line: str) -> bool:
    named = bool(_NAME_RE.match(line) or _HANDLE_RE.match(line))
    return 1 <= len(line.split()) <= 6 and named and not _unnamed(line)


def _own_signature(block: HtmlTree) -> str | None:
    """The last element of a testimonial card, when it is a name line ("Holden (Otto.ai)") after the text,
    or the one before a short role line under it ("Holden (Otto.ai)" / "Happy Clients")."""
    children = [child for child in block if isinstance(child.tag, str) and _clean(child.text_content())]
    for at in (-1, -2):
        if len(children) < 1 - at or children[at].tag not in _SIGNATURE_TAGS:
            return None
        line = _clean(children[at].text_content()).lstrip("—–- ").strip()
        if _signature(line):
            return line
        if len(line.split()) > _ROLE_LINE_WORDS:
            return None
    return None


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


# "<p>…</p>&mdash; Alexandra Roe (@aroe) <a>November 29, 2019</a>": an embedded post signed after its text
_DASH_TAIL_RE = re.compile(
    rf"^[—–―-][ \t]*+(?:(?P<name>{NAME})(?:[ \t]*+\(@\w{{1,30}}\))?|"
    r"(?P<shown>[^\W\d_][\w.'’-]*+(?:[ \t][^\W\d_][\w.'’-]*+){0,3})[ \t]*+\(@\w{1,30}\))"  # "— CorrelAid (@CorrelAid)"
)


def _dash_tail(element: HtmlTree) -> str:
    """The name after a dash that follows the blockquote's last paragraph (an embedded tweet's signature)."""
    paragraphs = [child for child in element if child.tag == "p"]
    tail = " ".join((paragraphs[-1].tail or "").split()) if paragraphs else ""
    signed = _DASH_TAIL_RE.match(tail)
    return (signed.group("name") or signed.group("shown")) if signed else ""


def _display_name_before(handle: HtmlTree) -> str | None:
    """The name line right above an @handle line ("Dennis Downing Jr." / "@DDJr9"): the name a reader
    sees, which the handle only repeats."""
    previous = handle.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    line = _clean(previous.text_content()) if previous is not None else ""
    if 1 <= len(line.split()) <= 8 and line[:1].isupper() and not _HANDLE_RE.match(line):
        return line
    return None


def _icon_quotes(tree: HtmlTree) -> list[Quote]:
    """A quotation-mark icon (an empty <i>/<span>/<svg> whose class names a quote) opens the text of
    its block; the card around it names the speaker in a short line of its own (name or @handle)."""
    quotes = []
    # the elements themselves, not id(): a freed lxml proxy's id is reused by a later block's proxy,
    # which then was skipped depending on the worker's memory history
    seen: set = set()
    # an element with words is a label ("Get a quote") or a container ("testimonial-quotes"), no icon
    marks = [icon for icon in _QUOTE_ICONS(tree) if not _clean(icon.text_content()).strip(_MARKS)]
    kept = set(marks)
    title = page_title_element(tree)
    for icon in marks:
        if not_own_content(icon, title):
            continue  # a comment widget's icon
        if _clean(icon.text_content()):  # a mark set as text: the quotation is the element right after it
            block = icon.getnext()
            if block is None or block.tag not in _BLOCKS or len(_text(block).split()) < 3:
                continue
        else:
            block = icon.getparent()
            while block is not None and (block.tag not in _BLOCKS or len(_text(block).split()) < 3):
                block = block.getparent()
        if block is None or block in seen:
            continue
        seen.add(block)
        text = _text(block).strip(_MARKS)
        if len(text.split()) < 3 or len(text) > 1500:
            continue
        cite = _own_signature(block)
        if cite and cite in text:
            text = text[: text.rindex(cite)].rstrip(" —–-")
        card = block
        for _ in range(0 if cite else 4):
            card = card.getparent()
            if card is None or len(_text(card)) > 3 * len(text) + 300:
                break
            if any(other in kept and other.getparent() is not icon.getparent() for other in card.iter()):
                break  # a list of quotation cards: the next card's name is not this speaker's
            for element in card.iter(*_SIGNATURE_TAGS):
                if element is block or block in element.iterancestors() or element in block.iterancestors():
                    continue
                line = _clean(element.text_content())
                if element.tag == "h2" and _abstract(line) or _ROLE_LINE_RE.match(line):
                    continue  # a section heading of two nouns or a role line, not the card's name
                if _signature(line):
                    cite = _display_name_before(element) if _HANDLE_RE.match(line) else line
                    cite = cite or line
                    break
            if cite:
                break
        if cite:
            quotes.append(Quote(text=text, cite=cite))
    return quotes


# Testimonial and review cards name their parts in their classes: a name slot ("name", "author",
# "attribution", "ti-name", "testimonial__author") and the card around it ("testimonial", "review",
# "quote", "guestbook"). Class tokens are split at "-" and "_" and matched whole.
_NAME_SLOT_WORDS = frozenset("name author attribution cite signature reviewer".split())
_ATTRIBUTION_WORDS = frozenset("attribution cite signature".split())  # a quotation's own signature slot
_CARD_WORDS = frozenset(
    "testimonial testimonials review reviews quote quotes zitat zitate feedback guestbook gaestebuch "
    "gästebuch kundenstimme kundenstimmen stimme stimmen referenz referenzen recommendation".split()
)
_TEXT_WORDS = frozenset("quote text content body message zitat".split())
_CLASS_SPLIT_RE = re.compile(r"[\s_-]+")
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_CARD_REACH = 4  # levels above a card searched for the testimonial class of its list
_CARD_CHARS = 3000  # a card holds one testimonial with its name box, not a whole article
_META_WORDS = 12  # the name's own box: name, role, date ("Elke Semmler Besucherin", "Anavi Felix June 24, 2022.")
_QUOTED_RE = re.compile('^["“„«»‚‘].{8,}["”“«»‘’]$', re.DOTALL)
# a reviewer's display name: a few words of letters ("book pecan", "ADDICTIV MARKETING")
_DISPLAY_NAME_RE = re.compile(r"(?<![\w.'’-])[^\W\d_][\w.'’-]*+(?:[ \t][^\W\d_][\w.'’-]*+){0,3}")


# a name slot that holds no name: "Anonym", "Ein zufriedener Kunde", "Verified customer"
_UNNAMED_WORDS = frozenset(
    "a an the ein eine einer anonymous anonym anonyme anonymer unknown unbekannt verified verifizierter "
    "happy satisfied zufriedener zufriedene kunde kundin kunden customer customers client clients user users "
    "nutzer nutzerin gast guest guests gäste besucher besucherin visitor visitors".split()
)


def _display_name(line: str) -> bool:
    """A reviewer's display name in a card's name slot: two to four words of letters ("book pecan",
    "ADDICTIV MARKETING"), none of them an unnamed person's ("Ein zufriedener Kunde")."""
    return 2 <= len(line.split()) <= 4 and bool(_DISPLAY_NAME_RE.fullmatch(line))


def _unnamed(line: str) -> bool:
    return any(token.casefold().strip(".,") in _UNNAMED_WORDS for token in line.split())


_CLASSED = lxml.etree.XPath("//body//*/@class/..")  # the attribute axis: cheaper than [@class]
_PULL_CANDIDATES = lxml.etree.XPath(
    "//body//*/@class/parent::*[not(self::blockquote or self::q)][not(ancestor::blockquote)]"
)


def _class_words(element: HtmlTree) -> frozenset[str]:
    return _words_of_class(element.get("class") or "")


@lru_cache(maxsize=8192)
def _words_of_class(value: str) -> frozenset[str]:
    """The words of a class attribute (a site's template repeats its class attributes: each split once)."""
    # "styled__TestimonialAuthor-sc-17ejbh9-11": a styled component's name holds its words in camel case
    return frozenset(w.casefold() for w in _CLASS_SPLIT_RE.split(_CAMEL_RE.sub(" ", value)) if w)


def _outside_content(element: HtmlTree, title: HtmlTree | None) -> bool:
    """Not the page's own content; an <aside> in the content flow (a testimonial or guest-book box of
    the page, without a sidebar's class or role) is the page's own."""
    if not not_own_content(element, title):
        return False
    if is_hidden(element) or in_teaser(element, title):
        return True
    asides = [a for a in (element, *element.iterancestors()) if a.tag == "aside"]
    if not asides or in_chrome(asides[-1].getparent(), title):
        return True
    for node in (element, *element.iterancestors()):
        if node is asides[-1].getparent():
            return False
        tokens = f"{node.get('class') or ''} {node.get('id') or ''}"
        if node.tag == "nav" or node.get("role") or CHROME_TOKEN_RE.search(tokens):
            return True
    return True


def _meta_box(slot: HtmlTree) -> HtmlTree:
    """The name slot and the short box around it that holds the name with a role or a date."""
    box = slot
    while box.getparent() is not None and len(_text(box.getparent()).split()) <= _META_WORDS:
        box = box.getparent()
    return box


def _card_text(card: HtmlTree, meta: HtmlTree) -> str:
    """The testimonial's words in a card: the element classed as its text ("quote", "review-content"),
    else the longest paragraph; never the name box."""
    skipped = {*meta.iter(), *meta.iterancestors()}
    candidates = [e for e in card.iter() if isinstance(e.tag, str) and e is not card and e not in skipped]
    classed = [e for e in candidates if _class_words(e) & _TEXT_WORDS and not _class_words(e) & _NAME_SLOT_WORDS]
    pool = classed or [e for e in candidates if e.tag in ("p", "blockquote", "q")]
    texts = [_text(e) for e in pool]
    return max(texts, key=lambda t: len(t.split()), default="")


def _card_quotes(tree: HtmlTree, taken: set[str]) -> list[Quote]:
    """Testimonial, review and guest-book cards: the text of the card signed by its name slot, in a card
    whose class names it a testimonial (or the quotation's own attribution slot under a quoted text)."""
    quotes = []
    title = page_title_element(tree)
    for slot in _CLASSED(tree):
        words = _class_words(slot)
        if not words & _NAME_SLOT_WORDS or slot.tag in ("a", "img", "input", "label", "button"):
            continue
        # its parts' text apart: "<span>Andre Roe,</span><span>Founder & CEO</span>" reads "Andre Roe, Founder & CEO"
        name = _clean(" ".join(slot.itertext())).lstrip("—–- ").strip()
        if not _signature(name) and _signature(name.partition(",")[0].strip()):
            name = name.partition(",")[0].strip()  # the slot holds the role too: "Andre Roe, Founder & CEO"
        if not (_signature(name) or _display_name(name)) or _unnamed(name):
            continue
        meta = _meta_box(slot)
        card = meta.getparent()
        if card is None or card.tag in ("body", "html") or len(_text(card)) > _CARD_CHARS:
            continue  # a byline's name slot in a whole article is no card
        lineage = [card, *list(card.iterancestors())[:_CARD_REACH]]
        carded = any(_class_words(node) & _CARD_WORDS for node in lineage)
        if not (carded or words & _ATTRIBUTION_WORDS):
            continue
        text = _card_text(card, meta)
        if len(text.split()) < 3 or len(text) > 1500 or text in taken:
            continue
        own_slot = bool(words & _ATTRIBUTION_WORDS) and bool(_QUOTED_RE.match(text))
        if not (carded or own_slot) or _outside_content(slot, title):
            continue
        if sum(1 for node in card.iter() if isinstance(node.tag, str) and _class_words(node) & _NAME_SLOT_WORDS) > 3:
            continue  # a list of several cards, not one card
        taken.add(text)
        quotes.append(Quote(text=text, cite=name))
    return quotes


_PULL_WORDS = frozenset("quote pullquote zitat blockquote".split())
# "… data. - @KellySutton", "… dort. – Anja Berg": a pull quote that signs itself after a dash
_SIGNED_END_RE = re.compile(r"(?<![ \t])[ \t]++[-–—―][ \t]*+(?P<sig>[^\s–—―-][^–—―]{0,60})$")


def _signed_pull_quotes(tree: HtmlTree, taken: set[str]) -> list[Quote]:
    """An element classed as a quotation (a shareable pull quote, not a <blockquote>) whose text ends
    with its speaker after a dash: "I always think … - @KellySutton"."""
    quotes = []
    title = page_title_element(tree)
    for element in _PULL_CANDIDATES(tree):
        if not _class_words(element) & _PULL_WORDS:
            continue
        text = _text(element)
        signed = _SIGNED_END_RE.search(text)
        body, sig = (text[: signed.start()].strip(), signed.group("sig").strip()) if signed else (text, "")
        sig = sig or _attribution_after(element)
        if not sig or len(text) > 1500 or not _signature(sig):
            continue
        if len(body.split()) < 3 or body in taken or _outside_content(element, title):
            continue
        taken.add(body)
        quotes.append(Quote(text=body, cite=sig))
    return quotes


def _attribution_after(element: HtmlTree) -> str:
    """The speaker in the attribution slot right after a pull quote: <p class="pullquote">…</p>
    <p class="attribution">Judith Roe, librarian, …</p> gives "Judith Roe"."""
    sibling = element.getnext()
    while sibling is not None and not isinstance(sibling.tag, str):
        sibling = sibling.getnext()
    if sibling is None or not _class_words(sibling) & _NAME_SLOT_WORDS:
        return ""
    line = _clean(sibling.text_content()).lstrip("—–- ").strip()
    name = line.partition(",")[0].strip()
    return name if len(line.split()) <= _SIGNATURE_WORDS * 2 and _signature(name) else ""


def _name_slot(blockquote: HtmlTree) -> str:
    """The blockquote's own name slot after its text: <span class="author">Lisa Berg, Fellow 2018</span>."""
    for slot in blockquote.iterdescendants():
        if isinstance(slot.tag, str) and _class_words(slot) & _NAME_SLOT_WORDS and slot is not blockquote[0]:
            line = _clean(slot.text_content()).lstrip("—–- ").strip()
            if line and len(line.split()) <= _SIGNATURE_WORDS * 2:
                return line
    return ""


# A quotation in marks signed after its closing mark in the same paragraph: "„…“ - Hölderlin",
# "“…”<br>Dr. Jana Beispiel, Augsburg 1984".
_SIGNED_AFTER_MARKS_RE = re.compile(
    r"^\s*[„“\"«»](?P<q>[^„“”\"«»]{8,})[“”\"«»][ \t]*[-–—]?[ \t]*(?P<sig>[A-ZÄÖÜ][^\n„“”\"«»]{1,80})$"
)
_SIGNATURE_WORDS = 8


def _only_a_link(blockquote: HtmlTree, text: str) -> bool:
    """A blockquote that holds nothing but one link ("Originaldokument: <a>Report 2024</a>"): it presents a
    document by its title, it quotes nobody."""
    links = blockquote.xpath(".//a[@href]")
    return len(links) == 1 and _text(links[0]) == text


def extract_quotes(tree: HtmlTree) -> list[Quote]:
    """<blockquote> and <q> elements with the attribution their markup gives, if any."""
    quotes = []
    for element in tree.xpath("//body//blockquote | //body//q"):
        if element.tag == "q" and element.xpath("ancestor::blockquote"):
            continue
        # its own <cite>/<footer>, Bootstrap 2's closing <small>, or a <cite>/<figcaption> right after it
        cite_nodes = element.xpath(
            ".//cite | .//footer | ./*[last()][self::small] | ./following-sibling::figcaption[1] | "
            "./following-sibling::*[1][self::cite]"
        )
        if not cite_nodes:
            cite_nodes = element.xpath("ancestor::figure[1]/figcaption")
        cite = _clean(cite_nodes[0].text_content()).lstrip("—–- ").strip() if cite_nodes else ""
        if not cite and element.tag == "blockquote":
            cite = _name_slot(element) or _closing_line(element) or _next_line(element) or _dash_tail(element)
        text = _text(element)
        signed = None if cite else _SIGNED_AFTER_MARKS_RE.match(text)
        if signed and len(signed.group("sig").split()) <= _SIGNATURE_WORDS:
            text, cite = signed.group("q").strip(), signed.group("sig").strip()
        if cite and text.endswith(cite):
            text = text[: -len(cite)].rstrip(" —–-")
        if text and not _only_a_link(element, text):
            quotes.append(Quote(text=text, cite=cite or None))
    quotes += _icon_quotes(tree)
    taken = {q.text for q in quotes}
    return quotes + _card_quotes(tree, taken) + _signed_pull_quotes(tree, taken)
