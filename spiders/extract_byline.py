"""Visible bylines: the names of the people who wrote the page, as the template shows them.

A byline (docs/signals.md, `authors`) names a person, or a clearly labelled editorial team, and stands with the
content: near the H1, or in an author box at the end. Found in real templates as author markup
(`rel=author`, `itemprop=author`, an `author`/`byline` class, a link to an author page) or as a short
line "Von NAME" / "By NAME" / "Autorin: NAME" (also in an <h3> under the H1). Not a byline: the
site's tagline or name in the header, nav, footer, sidebars, comments, a listing's teasers, markup
hidden with `display:none`, or an organisation in the author slot ("von ESPORTS NETWORK").
The names in a line's text are read by spiders.byline_names; this module decides where a line stands.
Where no such line names a person, the text's end may: a letter's signers, a signature under the last
paragraph (spiders.byline_signoff).
"""

from __future__ import annotations

import re
from itertools import pairwise
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from scoring.core.lexicons import CAP_WORD, NAME, is_person_name
from scoring.core.lexicons import letters_key as _key
from scoring.core.records import AuthorSignal
from spiders.byline_cards import (
    links_elsewhere,
    lone_end_row,
    teaser_heading_before,
    teaser_title,
    template_bylines,
)
from spiders.byline_lines import DATE_ITEM, MAX_NAME_DATE_LINE, SEGMENT_SPLIT, name_date_line, strip_glyphs
from spiders.byline_names import (
    _NAME_AT_START,
    BYLINE_PREFIX_RE,
    CO_AUTHOR_SPLIT,
    MAX_META_ITEM,
    _text,
    _Texts,
    is_author_handle,
    meta_row_names,
    names_in,
)
from spiders.byline_signoff import (
    MAX_SIGNATURE,
    author_bios,
    closing_meta_name,
    end_signature,
    letter_signers,
    lines_of,
    quoted_slot,
    quoted_slot_names,
)
from spiders.byline_text import boundaries, cut_at_boundary
from spiders.document import short_texts
from spiders.regions import in_chrome, is_hidden, not_own_content, page_title_element

HtmlTree = lxml.html.HtmlElement

AUTHOR_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(?:author|authors|byline|autor|autorin|verfasser|avatar__name|fn)(?:$|[\s_-])", re.IGNORECASE
)
# containers of an author box at the end of an article ("Über die Autorin", "About the author")
AUTHOR_BOX_RE = re.compile(
    r"(?:^|[\s_-])(?:author-?box|author-?bio|about-?author|autor(?:en)?-?box|author-?info|author-?card|"
    r"post-?author|entry-?author|author-?details|authorcol)(?:$|[\s_-])",
    re.IGNORECASE,
)
# ... of which these name the box itself, not a name slot in it ("post-author" is also a teaser's name)
_AUTHOR_BOX_SELF_RE = re.compile(
    r"(?:^|[\s_-])(?:author-?box|author-?bio|about-?author|autor(?:en)?-?box)(?:$|[\s_-])", re.IGNORECASE
)
# an author page: /author/jane-doe/, /autor/jana/, /authors/x, /team/jana-albrecht/, /redaktion/x
AUTHOR_PATH_RE = re.compile(r"/(?:author|authors|autor|autoren|autorin|redaktion|team|people)/[^/?#]+/?$", re.I)
GUEST_RE = re.compile(r"^\W*(?:ein\s+)?gast(?:beitrag|autor(?:in)?)\b|^\W*(?:a\s+)?guest\s+(?:post|author)\b", re.I)
MIN_REPEATED = 3  # visible author elements on a page without an H1 that make it a list of posts
MAX_LINE = 160  # a byline is a short line, not a paragraph that happens to start with "von"
NEAR_BEFORE = 250  # visible characters before the H1 that may hold the byline (kicker, meta line)
NEAR_AFTER = 500  # ... and after it (meta line, standfirst, author row)
_BYLINE_ELEMENTS = etree.XPath(
    "//body//*[self::p or self::span or self::div or self::small or self::em or self::address or self::li or "
    "self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::strong or self::b or self::td]"
    "[not(ancestor::script or ancestor::style or ancestor::template or ancestor::blockquote)]"
)
_AUTHOR_MARKUP = etree.XPath(
    '//body//a[contains(concat(" ", normalize-space(@rel), " "), " author ")] | //body//*[@itemprop="author"]'
    " | //body//*/@class/.. | //body//a[@href]"  # classed elements through the attribute axis (cheaper)
)
# A meta row under the title: short items, one of them a date ("Diana/Rocco · 12. Januar 2010 · 01 min").
_META_ROWS = etree.XPath(
    "//body//*[self::ul or self::ol or self::div or self::p or self::span or self::aside][count(*) >= 2]"
)
# a given name alone ("Lena"), and a date written with dashes or slashes ("25-12-2016", "03/04/2024")
_GIVEN_NAME = re.compile(rf"{CAP_WORD}")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}\b")
_TEXT_NODES = etree.XPath("//body//text()[not(ancestor::script or ancestor::style or ancestor::template)]")
# "As seen in VentureBeat, written by Ken Yeung": a short line naming the writer after other words
_WRITTEN_BY_RE = re.compile(rf"\b(?:written|geschrieben|verfasst)\s+(?:by|von)\s+{NAME}\W*$", re.IGNORECASE)
# "Lea Teichmann für DEEPWAVE": the writer signs off in the last paragraph of the text
_SIGN_OFF_RE = re.compile(rf"^(?P<name>{NAME})\s+(?:für|fuer|for)\s+(?P<org>\S.{{0,40}}?)\W*$")
_PARAGRAPHS = etree.XPath("//body//p[not(ancestor::blockquote)]")
# A letter's closing formula and its signers: "Mit freundlichen Grüßen<br>Micha Beispiel<br>für den Verein",
# "Kind regards, Jo Roe and Ann Muster" — the names after the formula, up to "für/for/von/at" their organisation
_CLOSING_RE = re.compile(
    r"^\W*(?i:mit\s+freundlichen\s+grüßen|(?:viele|herzliche|liebe|beste|schöne)\s+grüße|(?:best|kind|warm)\s+regards|"
    r"yours\s+sincerely|sincerely|best\s+wishes),?\s+(?P<rest>[A-ZÄÖÜ].*)$",
    re.DOTALL,
)
_CLOSING_START = re.compile(r"^\W*+(?i:mit|viele|herzliche|liebe|beste|schöne|best|kind|warm|yours|sincerely)\b")
_SIGNER_ORG_RE = re.compile(r"(?<!\s)\s++(?:für|fuer|for|at|von|of|im\s++namen)\s")
# An editor's note opening the text names a guest author when the template's byline slot is empty:
# "Editor's note: this is a guest post by Jo Beispiel, writer at Example", "Dies ist ein Gastbeitrag von …"
_GUEST_NOTE_RE = re.compile(
    r"^\W*(?:(?:editor[’'`]?s\s+note|anm(?:erkung|\.)\s*d(?:er|\.)\s*red(?:aktion|\.)?)\s*:?\s*)?"
    r"(?:this|the\s+following)(?:\s+(?:article|post|text))?\s+is\s+a\s+guest\s+(?:post|article|contribution)"
    r"\s+(?:written\s+)?by\s+"
    r"|^\W*(?:(?:anm(?:erkung|\.)\s*d(?:er|\.)\s*red(?:aktion|\.)?)\s*:?\s*)?"
    r"(?:dies\s+ist|dieser\s+(?:artikel|text|beitrag)\s+ist|der\s+folgende\s+(?:text|beitrag)\s+ist)\s+"
    r"ein\s+gast(?:beitrag|artikel)\s+(?:von|der|des)\s+",
    re.IGNORECASE,
)
_EMPTY_SLOT_RE = re.compile(r"\W*(?:(?:written\s+)?by|von|author|autor(?:in)?)?\W*", re.IGNORECASE)
_GUEST_NOTE_NAME_RE = re.compile(rf"(?P<name>{NAME})(?=\W|$)")
MAX_LINE_CHILDREN = 8  # elements in such a line (links, spans, <time>)
LINE_LEVELS = 3  # a text node's element and the elements around it that may hold the whole line
_IMAGE_ALTS = etree.XPath(".//img/@alt")  # an avatar's alt names the person beside it
_LINE_TAGS = frozenset({"p", "div", "span", "small", "em", "address", "h2", "h3", "h4", "h5", "h6"})


def text_with_role_breaks(element: HtmlTree) -> str:
    """The element's text with " · " before a role or author label (`spiders.byline_text.boundaries`): a
    byline line as read ("Von <b>Jana Albrecht</b><i>Autorin</i>" -> "Von Jana Albrecht · Autorin")."""
    text = _text(element)
    cuts = [0]
    for cut, words, role in sorted(set(boundaries(element))):
        if not role:
            continue
        before = text[cuts[-1] : cut]
        opened = BYLINE_PREFIX_RE.match(before)  # "By Tom": the words of the name only
        if cuts[-1] < cut < len(text) and len((opened.group("rest") if opened else before).split()) >= words:
            cuts.append(cut)
    parts = [text[a:b].strip() for a, b in pairwise([*cuts, len(text)])]
    return " · ".join(p for p in parts if p)


def _site_names(tree: HtmlTree) -> set[str]:
    """The site's own names (og:site_name, application-name, the title's suffix): never a person."""
    names = set()
    for value in tree.xpath('//meta[@property="og:site_name"]/@content | //meta[@name="application-name"]/@content'):
        names.add(_key(value))
    title = tree.findtext(".//title") or ""
    parts = re.split(r"(?<!\s)(?:\s+[|–—-]\s+|\s*[|]\s*)", title.strip())
    if len(parts) > 1:
        names.update(_key(p) for p in (parts[0], parts[-1]))
    return {n for n in names if n}


def _offsets(tree: HtmlTree) -> dict[HtmlTree, int]:
    """Visible-text offset of the first text of each element, in document order."""
    offsets: dict[HtmlTree, int] = {}
    at = 0
    for node in _TEXT_NODES(tree):
        parent = node.getparent()
        if parent is not None and parent not in offsets:
            offsets[parent] = at
        at += len(node.strip()) + 1 if node.strip() else 0
    return offsets


def _near_title_lines(offsets: dict[HtmlTree, int], title_at: int | None, title_end: int | None) -> list[HtmlTree]:
    """Elements of a few items that begin near the title (or in the first lines of a page without one),
    in document order: where a plain name-and-date line stands. Only these elements' text is read."""
    low, high = (0, NEAR_AFTER)
    if title_at is not None and title_end is not None:
        low, high = title_at - NEAR_BEFORE, title_end + NEAR_AFTER
    found: dict[HtmlTree, int] = {}
    for element, at in offsets.items():
        if not low <= at <= high:
            continue
        for _ in range(LINE_LEVELS):
            if element is None or not isinstance(element.tag, str):
                break
            if element.tag in _LINE_TAGS and len(element) <= MAX_LINE_CHILDREN:
                found.setdefault(element, at)
            element = element.getparent()
    return sorted(found, key=found.__getitem__)


def _offset_of(element: HtmlTree, offsets: dict[HtmlTree, int]) -> int | None:
    for node in element.iter():
        if node in offsets:
            return offsets[node]
    return None


def _author_markup(element: HtmlTree) -> bool:
    if element.tag == "a":
        rel = (element.get("rel") or "").lower().split()
        try:
            path = urlsplit(element.get("href") or "").path
        except ValueError:  # a broken IPv6 literal ("https://[ tbd ]") is no author link
            path = ""
        if "author" in rel or AUTHOR_PATH_RE.search(path):
            return True
    return element.get("itemprop") == "author" or bool(AUTHOR_CLASS_RE.search(element.get("class") or ""))


_IN_LIST = etree.XPath("boolean(ancestor::li)")
_BLOCK = etree.XPath("ancestor::*[self::p or self::li or self::dd or self::td][1]")


def _mentioned(element: HtmlTree, read: dict[HtmlTree, str]) -> bool:
    """A link to a person's page inside running text ("is led by <a href=/people/jo>Jo Roe</a>, PhD, Assistant
    Professor of ...") names someone the text speaks of, not its writer: a byline line is short or opens
    with "Von/By". Only a link that is author markup by its address alone (no rel, itemprop or class)."""
    if element.tag != "a" or "author" in (element.get("rel") or "").lower().split() or element.get("itemprop"):
        return False
    if AUTHOR_CLASS_RE.search(element.get("class") or ""):
        return False
    block = _BLOCK(element)
    text = read[block[0]] if block else ""
    return len(text) > MAX_LINE and not BYLINE_PREFIX_RE.match(text)


def _in_author_box(element: HtmlTree) -> bool:
    if _AUTHOR_BOX_SELF_RE.search(f"{element.get('class') or ''} {element.get('id') or ''}"):
        return True  # the box itself ("<div class=author-box>Über den Autor: ...")
    return any(AUTHOR_BOX_RE.search(f"{a.get('class') or ''} {a.get('id') or ''}") for a in element.iterancestors())


def _first_block(element: HtmlTree, read: dict[HtmlTree, str]) -> bool:
    """Nothing with text precedes the element in its container: the first paragraph of a text."""
    return not any(isinstance(before.tag, str) and read[before] for before in element.itersiblings(preceding=True))


def _guest_note_name(text: str) -> str | None:
    """The author an opening editor's note names: "this is a guest post by Jo Beispiel, …" -> "Jo Beispiel"."""
    note = _GUEST_NOTE_RE.match(text)
    named = _GUEST_NOTE_NAME_RE.match(text, note.end()) if note else None
    return named.group("name") if named else None


# "Eure BL", "Euer Vorstand", "Your team": a group signs, not a person
_GROUP_SIGNER = re.compile(r"^(?i:euer|eure|dein|deine|ihr|ihre|unser|unsere|your|yours|our|the|das|die|team)\b")


def _signers(text: str) -> list[str]:
    """The names under a closing formula, no group ("Eure BL")."""
    return [n for part in CO_AUTHOR_SPLIT.split(text) for n in names_in(part)[:1] if not _GROUP_SIGNER.match(n)]


def _lines_of(element: HtmlTree) -> str:
    """The element's text with a space where a line breaks (<br>), which the plain text reading runs together."""
    return " ".join(part.strip() for part in element.itertext() if part.strip())


def _paragraph_after(element: HtmlTree, read: dict[HtmlTree, str]) -> bool:
    return any(after.tag == "p" and read[after] for after in element.itersiblings())


def _last_block(element: HtmlTree, read: dict[HtmlTree, str]) -> bool:
    """Nothing with text follows the element in its container: the last paragraph of a text."""
    return not any(isinstance(after.tag, str) and read[after] for after in element.itersiblings())


def _link_named(element: HtmlTree, name: str) -> str | None:
    """The href of a link inside `element` whose text is `name`, else None."""
    for link in element.xpath(".//a[@href]"):
        if " ".join(_text(link).split()).casefold() == name.casefold():
            return link.get("href")
    return None


def _named_line(line: str) -> bool:
    """A line that opens with a byline prefix and a name after it ("Author: Naresh Jain")."""
    prefixed = BYLINE_PREFIX_RE.match(line) if len(line) <= MAX_LINE else None
    return prefixed is not None and _NAME_AT_START.match(prefixed.group("rest")) is not None


def _given_name_slot(element: HtmlTree, rest: str) -> bool:
    """A given name alone in the template's name slot after "Von/By": "Von <address>Lena</address> — 25-12-2016".
    The slot is an element of its own holding just the name, and it is an <address> (HTML's element for
    the author's contact) or the line dates the page; "von <b>Montag</b> bis Freitag" is no such line."""
    first = SEGMENT_SPLIT.split(rest.strip(), maxsplit=1)[0].strip(" .")
    if not _GIVEN_NAME.fullmatch(first):
        return False
    slots = [c for c in element if isinstance(c.tag, str) and _text(c) == first]
    if not slots:
        return False
    return any(slot.tag == "address" for slot in slots) or bool(DATE_ITEM.search(rest) or _NUMERIC_DATE.search(rest))


def extract_bylines(tree: HtmlTree, page_url: str = "") -> list[AuthorSignal]:
    """Visible person bylines of the page, in page order (source "byline")."""
    title = page_title_element(tree)
    if title is not None and teaser_title(title, page_url):
        return []  # the first H1 is a teaser's: a list of posts, whose names are the posts'
    offsets = _offsets(tree)
    title_at = _offset_of(title, offsets) if title is not None else None
    read = _Texts()  # every element's text, read once
    title_end = title_at + len(read[title]) if title is not None and title_at is not None else None
    site_names = _site_names(tree)
    found: list[tuple[int, str, str | None]] = []
    letter_names: set[str] = set()  # signers under a closing formula (a letter's end)
    body = next(iter(tree.xpath("//body")), tree)
    sign_offs: list[tuple[HtmlTree, list[str]]] = []  # signatures at the end: the byline where the slot names nobody
    guests: set[str] = set()

    def placed_well(element: HtmlTree) -> bool:
        if not_own_content(element, title):
            return False
        if title is not None and (
            element is title
            or any(a is title for a in element.iterancestors())
            or any(a is element for a in title.iterancestors())
        ):
            return False  # the title itself ("Autor: pascal" heading an author archive) is no byline
        if _in_author_box(element):
            return True
        at = _offset_of(element, offsets)
        if at is None or title_at is None or title_end is None:
            near = at is not None and at < NEAR_AFTER  # no H1: the first lines of the page
        else:
            near = title_at - NEAR_BEFORE <= at <= title_end + NEAR_AFTER
        return near and not under_teaser(element)  # the heading search (a preceding:: walk) only where it decides

    def under_teaser(element: HtmlTree) -> bool:
        """ "<h2><a href=/blog/x/>X</a></h2> By Jo Roe" after the page's title (or on a page without one): a listed
        post's byline."""
        heading = teaser_heading_before(element)
        if heading is None or heading is title or not links_elsewhere(heading, page_url):
            return False
        heading_at = _offset_of(heading, offsets)
        return title is None or (heading_at is not None and title_at is not None and heading_at > title_at)

    def own_content(element: HtmlTree) -> bool:
        return not not_own_content(element, title)

    def after_title(element: HtmlTree) -> bool:
        at = _offset_of(element, offsets)
        return at is not None and (title_end is None or at > title_end)

    def add(element: HtmlTree, names: list[str], url: str | None, handle_ok: bool = False) -> None:
        at = _offset_of(element, offsets) or 0
        for name in names:
            name = cut_at_boundary(element, strip_glyphs(name))  # "Owen Petchey Professor": a heading, a role
            # an author-page link may carry a nickname or a lower-case first name ("pascal", "2D3S3RT")
            if is_person_name(name, site_names) or handle_ok and is_author_handle(name, site_names):
                found.append((at, name, url))

    markup = [e for e in _AUTHOR_MARKUP(tree) if _author_markup(e) and not e.xpath("ancestor::blockquote")]
    # an empty slot ("by " with no name, nested in three author-classed wrappers) is no teaser's byline
    shown = {id(e) for e in markup if not is_hidden(e) and not in_chrome(e) and not _EMPTY_SLOT_RE.fullmatch(read[e])}
    if title is None and len(shown) >= MIN_REPEATED:
        return []  # no H1 and author markup all over the page: the bylines of a listing's teasers
    lone_end = lone_end_row(
        [e for e in markup if not placed_well(e)], title
    )  # "<a class=author> <time>" under the text
    for element in markup:
        if not placed_well(element) and not any(element is e for e in lone_end):
            continue
        text = read[element]
        if not text or len(text) > MAX_LINE or _mentioned(element, read):
            continue
        link = element if element.tag == "a" else next(iter(element.xpath(".//a[@href]")), None)
        url = link.get("href") if link is not None else None
        author_link = link is not None and _author_markup(link)
        if BYLINE_PREFIX_RE.match(text):
            names = names_in(text)  # "<a href=/authors/jo-roe>By Jo Roe</a>": the name after "By"
        elif element is link and author_link and len(text) <= MAX_META_ITEM and not DATE_ITEM.search(text):
            names = [text]  # the link to the author's page holds just the name, whatever it looks like
        else:
            names = names_in(text)
        add(element, names, url, handle_ok=author_link)
    # the byline elements short enough to be a line (their containers' text is not read)
    byline_elements = short_texts(_BYLINE_ELEMENTS(tree), read.__getitem__, MAX_LINE)
    for element, text in byline_elements.items():
        if text and not BYLINE_PREFIX_RE.match(text) and element.find("br") is not None and placed_well(element):
            # "Published by: LinkedIn<br>Author: Naresh Jain": the line of the element that names the writer
            line = next((x for x in lines_of(element)[1:] if _named_line(x)), None)
            add(element, names_in(line) if line else [], None)
        if not text or len(text) > MAX_LINE or not BYLINE_PREFIX_RE.match(text):
            continue
        if any(BYLINE_PREFIX_RE.match(read[child]) for child in element if isinstance(child.tag, str)):
            continue  # the innermost element that holds the line
        rest = BYLINE_PREFIX_RE.match(text).group("rest")
        slot = quoted_slot(rest)  # 'Geposted von "Jo Roe, ACME" am …': a free-text slot, mostly a group's name
        if slot is not None:
            if placed_well(element):
                add(element, quoted_slot_names(slot, read[body]), None)
            continue
        if not (
            _NAME_AT_START.match(rest)
            or _author_markup(element)
            or element.xpath(".//a[@rel or @href]")
            or _given_name_slot(element, rest)
        ):
            continue  # "von Montag bis Freitag": a prefix needs a name after it
        if placed_well(element):
            names = names_in(text)
            for name in names:  # "Von <a href=/team/jana/>Jana Albrecht</a>": the name's own link
                add(element, [name], _link_named(element, name))
            if GUEST_RE.match(text):
                guests.update(n.casefold() for n in names if is_person_name(n, site_names))
    for element, text in byline_elements.items():
        if text and len(text) <= MAX_LINE and _WRITTEN_BY_RE.search(text) and placed_well(element):
            add(element, names_in(text), None)
        closing = closing_meta_name(element, DATE_ITEM) if text and len(text) <= MAX_LINE else None
        if closing and not not_own_content(element, title) and after_title(element):  # "- 25. July 2017 :: Jo Roe"
            add(element, [closing], None)
    for element in _PARAGRAPHS(tree):
        named = _SIGN_OFF_RE.match(read[element])
        # a list item is a reference or a footnote ("Competitive Markets for Electricity Generation"), no sign-off
        # a caption inside a link is a card's ("<a><img><p>Deutsche Gesellschaft für Informationsfreiheit</p></a>")
        named = named if named is None or next(element.iterancestors("a"), None) is None else None
        if named and _last_block(element, read) and not not_own_content(element, title) and not _IN_LIST(element):
            add(element, [named.group("name")], None)
        # the letter's end: no paragraph of text follows it (a letter quoted inside a post is followed by more)
        closing = _CLOSING_RE.match(_lines_of(element)) if _CLOSING_START.match(read[element]) else None
        if closing and not _IN_LIST(element) and not _paragraph_after(element, read):
            signers = _SIGNER_ORG_RE.split(closing.group("rest"), maxsplit=1)[0]
            signed = _signers(signers)
            letter_names.update(n.casefold() for n in signed)
            add(element, signed, None)
        letter = letter_signers(element, own_content)  # "For the Internet,<br>-Evan at ACME" / "P.S. …"
        signature = end_signature(element, own_content) if len(read[element]) <= MAX_SIGNATURE else None
        if (letter or signature) and own_content(element) and after_title(element):
            sign_offs.append((element, [*letter, *([signature] if signature else [])]))  # "<p>Jo Roe</p>" at the end
        guest = _guest_note_name(read[element]) if _first_block(element, read) else None
        if guest and is_person_name(guest, site_names) and not not_own_content(element, title):
            add(element, [guest], None)
            guests.add(guest.casefold())
    for element in _near_title_lines(offsets, title_at, title_end):
        text = read[element]
        if not text or len(text) > MAX_NAME_DATE_LINE:
            continue
        if any(isinstance(c.tag, str) and read[c] == text for c in element):
            continue  # the innermost element that holds the line
        avatars: frozenset[str] = frozenset()
        if element.find(".//img") is not None:  # the XPath only where an avatar can be
            avatars = frozenset(" ".join(alt.split()) for alt in _IMAGE_ALTS(element))
        name = name_date_line(text, avatars)
        if name and placed_well(element) and not element.xpath("ancestor::blockquote"):
            add(element, [name], None)
    for row in _META_ROWS(tree):
        names = meta_row_names(row, read)
        if names and placed_well(row) and not row.xpath("ancestor::a"):  # a card linking elsewhere: a teaser
            add(row, names, None)
    for element, names, anywhere in template_bylines(tree, title):  # "Published: <date> by X", "X, Role", cards
        if anywhere or placed_well(element):
            add(element, names, _link_named(element, names[0]) if len(names) == 1 else None)
    sign_offs.extend(author_bios(tree, own_content))  # "Authors" and a biography of each under the text
    if not found:  # "Geposted von ACME" over a text signed "Jo Roe": the signature; "jroe" over it: the slot's
        for element, names in sign_offs:
            letter_names.update(n.casefold() for n in names)
            add(element, names, None)
    found.sort(key=lambda item: item[0])
    if guests:  # "Ein Gastbeitrag von X" names the author; the site owner's account that posted it does not
        found = [item for item in found if item[1].casefold() in guests]
    # a letter signed "Daniel" under a post bylined "Daniel Dietrich": the first name is that byline's
    full = [name.casefold() for _, name, _ in found if " " in name]
    found = [i for i in found if i[1].casefold() not in letter_names or not _first_of(i[1].casefold(), full)]
    unique: dict[str, AuthorSignal] = {}
    for _, name, url in found:
        unique.setdefault(name.casefold(), AuthorSignal(source="byline", name=name, url=url))
    return list(unique.values())


def _first_of(name: str, full_names: list[str]) -> bool:
    return " " not in name and any(full.startswith(name + " ") for full in full_names)
