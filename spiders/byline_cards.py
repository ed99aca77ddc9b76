"""Byline templates without "Von/By" markup at the start of their line (used by spiders.extract_byline):

- a dated publication line that ends with the writer: "Published: Feb 20, 2017 by Jo Beispiel, Ann Muster",
  "Veröffentlicht am 3. Mai 2024 von Jana Muster" (on a list of posts every teaser has one: then none is
  the page's);
- a line of "Name, Role" (several joined by "and"/"und") right under the title and right above a bare
  date line: "Jo Beispiel, Occupational Therapist and Ann Muster, Speech Therapist" / "1. März 2017";
- an author card: an avatar whose alt text is a person's name beside that name and a role line, the
  only such card on a dated page (a team grid has many) or one under an "Author"/"Über den Autor" heading;
- a credit line of its own naming who made the content: "Figures prepared by Jo Roe", "Grafiken erstellt
  von Jo Roe" (the page's only one).

- an author slot's label standing alone in its element and the names in the elements right after it, one
  or several (Hugo themes' author cards: "<div>Autor:innen</div><div class=author>↪︎ Jo Roe</div><div
  class=author>↪︎ Ann Muster</div>", "<div>Author</div><div>Jo Roe</div><div>bio …</div>");

- the author link of the page's only dated meta row after the title, wherever it stands: templates that put
  "<a class=author>Jo Roe</a> <time>August 15, 2018</time>" under the text (`lone_end_row`).

And a list of posts whose first H1 is a teaser's title (a link to another page inside one of several
<article>s): its names are the teasers' (`teaser_title`).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import etree

from scoring.core.lexicons import NAME, is_person_name
from spiders.byline_lines import LIST_SPLIT, PLURAL_AUTHOR_LABEL, full_name, strip_glyphs
from spiders.document import HtmlTree
from spiders.regions import after_related_heading, not_own_content
from spiders.visible_dates import extract_visible_date, header_window, parse_visible_date

MAX_DATED_LINE = 160
MAX_ROLE_LINE = 160
MAX_CARD_TEXT = 120  # the card's own text: the name and a role line
CARD_LEVELS = 3  # containers above the avatar that may hold the card's name
MAX_DATE_LINE_WORDS = 3  # words besides the date on a bare date line

# "Published: Feb 20, 2017 by", "Posted on 3 May 2024 by", "Veröffentlicht am 3. Mai 2024 von", "12.03.2024 von":
# the cue (or the date itself) opens the line, "by"/"von" and the names close it
_DATED_OPENER_RE = re.compile(
    r"^\W*(?:(?i:published|posted|veröffentlicht|erschienen|publiziert)(?:\s+(?i:on|am))?\s*:?\s*)?"
    r"(?=\d|[A-ZÄÖÜa-zäöü]{3})"
)
_BY_NAMES_RE = re.compile(
    rf"\s(?i:by|von)\s+(?P<names>{NAME}(?:,\s+{NAME}){{0,4}}(?:,?\s+(?i:and|und|&)\s+{NAME})?)\W*$"
)
_NAME_LIST_SPLIT = re.compile(r",\s+(?:(?:and|und|&)\s+)?|(?<!\s)\s+(?:and|und|&)\s+")
_LINES = etree.XPath(
    "//body//*[self::p or self::div or self::span or self::small or self::li or self::strong or self::em or "
    "self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
    "[not(ancestor::script or ancestor::style or ancestor::template or ancestor::blockquote)]"
)
# "Jo Beispiel, Occupational Therapist" — several joined by "and"/"und" where the next starts a name and a comma
_NAME_ROLE_RE = re.compile(rf"(?P<name>{NAME}),\s+(?P<role>[A-ZÄÖÜ][^\n]{{1,100}}?)\s*$")
_NEXT_NAME_ROLE = re.compile(rf"(?<!\s)\s+(?:and|und|&)\s+(?={NAME},\s)")
_AUTHOR_HEADING_RE = re.compile(
    r"^\W*(?:(?:the\s+)?authors?|autor(?:in|en)?|verfasser(?:in)?|über\s+(?:den|die)\s+autor(?:in|en)?|"
    r"about\s+the\s+authors?|written\s+by|geschrieben\s+von|verfasst\s+von)\W*$",
    re.IGNORECASE,
)
_FULL_NAME_RE = re.compile(NAME)
_BY_OPENER = re.compile(r"(?i:by|von)\s")
# "Figures prepared by Jo Roe", "Daten und Grafiken zusammengestellt von Jo Roe": what was made, how, by whom
_CREDIT_RE = re.compile(
    r"^\W*(?:(?:all|the|die|alle)\s+)?(?:figures|charts|graphs|graphics|tables|maps|data|analysis|texts?|report|"
    r"summary|abbildungen|grafiken|diagramme|tabellen|karten|daten|analysen?|texte?|bericht|zusammenfassung)"
    r"(?:\s+(?:and|und|&)\s+[a-zäöü]{3,20})?\s+(?:prepared|compiled|created|written|produced|erstellt|"
    r"zusammengestellt|aufbereitet|verfasst|geschrieben)\s+(?:by|von)\s+(?P<names>[^\W\d_][^:;!?]{2,120})$",
    re.IGNORECASE,
)
MAX_CREDIT_LINE = 160
MIN_TEASERS = 3  # <article>s on a page whose first H1 links elsewhere: a list of posts
_TOP_ARTICLES = etree.XPath("count(//body//article[not(ancestor::article)])")
MAX_CARD_ROLE = 60
# the card's text outside links and buttons: a role line, not "Anfragen", "Mehr erfahren"
_ROLE_TEXT = etree.XPath(".//text()[not(ancestor::a or ancestor::button or ancestor::script or ancestor::style)]")
_PRECEDING_HEADING = etree.XPath("preceding::*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6][1]")


def _text(element: HtmlTree) -> str:
    return " ".join(element.text_content().split())


def dated_line_names(text: str) -> list[str]:
    """The writers a dated publication line ends with: "Published: Feb 20, 2017 by Jo Beispiel, Ann Muster"
    -> ["Jo Beispiel", "Ann Muster"]; [] for any other line."""
    if len(text) > MAX_DATED_LINE or not _DATED_OPENER_RE.match(text):
        return []
    by = _BY_NAMES_RE.search(text)
    if by is None:
        return []
    opened = _DATED_OPENER_RE.match(text)
    dated = parse_visible_date(text[opened.end() : by.start() + 1])
    # the date stands between the opener and "by": nothing else but it ("Published: Feb 20, 2017")
    if dated is None or len(re.findall(r"\w{2,}", text[opened.end() : by.start()].replace(dated[1], " "))) > 1:
        return []
    names = [n for n in _NAME_LIST_SPLIT.split(by.group("names")) if n]
    return names if all(is_person_name(n) for n in names) else []


def credit_names(text: str) -> list[str]:
    """The makers a credit line names: "Figures prepared by Jo Roe" -> ["Jo Roe"]; [] for any other line."""
    credit = _CREDIT_RE.match(text) if len(text) <= MAX_CREDIT_LINE else None
    if credit is None:
        return []
    names = [n for n in (part.strip(" .") for part in LIST_SPLIT.split(credit.group("names"))) if n]
    return names if all(full_name(n) for n in names) else []


def teaser_title(title: HtmlTree, page_url: str) -> bool:
    """The page's first H1 is a teaser's: all of it a link to another page, inside one of several <article>s
    (a list of posts that sets each title as an H1)."""
    if not any(a.tag == "article" for a in title.iterancestors()) or _TOP_ARTICLES(title) < MIN_TEASERS:
        return False
    return links_elsewhere(title, page_url)


def links_elsewhere(heading: HtmlTree, page_url: str) -> bool:
    """All of the heading is one link to another page: a teaser's title."""
    links = heading.xpath(".//a[@href]")
    if len(links) != 1 or _text(links[0]) != _text(heading):
        return False
    try:
        target, own = urlsplit(urljoin(page_url, links[0].get("href"))), urlsplit(page_url)
    except ValueError:
        return False
    return (target.netloc, target.path.rstrip("/")) != (own.netloc, own.path.rstrip("/"))


_HEADING_BEFORE = etree.XPath("preceding::*[self::h1 or self::h2 or self::h3 or self::h4][1]")


def teaser_heading_before(element: HtmlTree) -> HtmlTree | None:
    """The heading right before the element (in document order)."""
    return next(iter(_HEADING_BEFORE(element)), None)


MAX_META_ROW = 120
MAX_ROW_ITEMS = 12


def dated_row(element: HtmlTree) -> HtmlTree | None:
    """The short row an author element shares with a date (a <time> or a written one), not inside a link."""
    text = _text(element)
    row = element.getparent()
    while row is not None and len(row) <= MAX_ROW_ITEMS and _text(row) == text:
        row = row.getparent()
    # a row of a few items (its text read only then: a link's parent may be a whole page's container)
    if row is None or len(row) > MAX_ROW_ITEMS or len(_text(row)) > MAX_META_ROW or row.xpath("ancestor-or-self::a"):
        return None
    return row if row.find(".//time") is not None or parse_visible_date(_text(row)) else None


def lone_end_row(elements: list[HtmlTree], title: HtmlTree | None) -> list[HtmlTree]:
    """Those of the author elements (found away from the title) that stand in the page's only dated meta row
    of its own content after the title: the post's byline set under its text. Several such rows are
    the teasers of a list of posts."""
    rows, at = [], None
    for element in elements:
        row = dated_row(element)
        if row is None or not_own_content(element, title) or after_related_heading(element):
            continue
        if at is None:  # where the title stands, read once and only when a row asks
            at = title.xpath("count(preceding::*)") if title is not None else -1
        if row.xpath("count(preceding::*)") > at:
            rows.append((element, row))
    return [element for element, _ in rows] if len({id(row) for _, row in rows}) == 1 else []


def _bare_date(text: str) -> bool:
    parsed = parse_visible_date(text)
    return parsed is not None and len(re.findall(r"\w{2,}", text.replace(parsed[1], " "))) <= MAX_DATE_LINE_WORDS


def name_role_names(text: str) -> list[str]:
    """The names of a "Name, Role[ and Name, Role]" line: "Jo Beispiel, Marketing Intern" -> ["Jo Beispiel"]."""
    if len(text) > MAX_ROLE_LINE or parse_visible_date(text) or _BY_OPENER.match(text):
        return []  # "By Jo Roe, Ann Muster in Health": a byline line, read as one (spiders.extract_byline)
    names = []
    for part in _NEXT_NAME_ROLE.split(text.strip()):
        matched = _NAME_ROLE_RE.fullmatch(part.strip())
        if matched is None or not is_person_name(matched.group("name")):
            return []
        role = matched.group("role")
        if len(role.split()) < 2 and not role.isupper():  # "Berlin Mitte, Germany": a place, no role
            return []
        names.append(matched.group("name"))
    return names


def _blocks_after(element: HtmlTree, count: int) -> list[HtmlTree]:
    """The first `count` sibling elements after `element` that hold text, in order."""
    found: list[HtmlTree] = []
    for sibling in element.itersiblings():
        if isinstance(sibling.tag, str) and _text(sibling):
            found.append(sibling)
            if len(found) == count:
                break
    return found


def _card_name(image: HtmlTree) -> tuple[HtmlTree, str] | None:
    """(element, name) of an author card: an avatar whose alt is a person's name, and in a small
    container above it an element holding just that name."""
    alt = " ".join((image.get("alt") or "").split())
    if not is_person_name(alt) or not _FULL_NAME_RE.fullmatch(alt):
        return None
    container = image.getparent()
    for _ in range(CARD_LEVELS):
        if container is None:
            return None
        text = _text(container)
        if alt in text:
            if len(text) > MAX_CARD_TEXT:
                return None
            # beside the name a role line ("VP Marketing, Example Inc."): a product or project tile has
            # none, or a description, a price or a button instead
            role = " ".join(" ".join(_ROLE_TEXT(container)).split()).replace(alt, "", 1).strip(" ,·|")
            if not role or len(role) > MAX_CARD_ROLE or re.search(r"\d", role):
                return None
            for element in container.iter():
                if isinstance(element.tag, str) and element is not image and _text(element) == alt:
                    return element, alt
            return None
        container = container.getparent()
    return None


def _opens_block(element: HtmlTree, text: str) -> bool:
    """The line (or the paragraph that is just this line) is the first text of its container: it opens
    the content ("<div class=content><p><strong>Published: … by …</strong></p><p>…")."""
    while (parent := element.getparent()) is not None and _text(parent) == text:
        element = parent
    return not any(isinstance(s.tag, str) and _text(s) for s in element.itersiblings(preceding=True))


_BLOCK_TAGS = frozenset({"p", "div", "li", "h2", "h3", "h4", "h5", "h6"})


def _own_line(element: HtmlTree) -> bool:
    """The element's text is a whole block's (a paragraph of its own), not a phrase inside a paragraph."""
    text = _text(element)
    while element.tag not in _BLOCK_TAGS and (parent := element.getparent()) is not None and _text(parent) == text:
        element = parent
    return element.tag in _BLOCK_TAGS


def _under_author_heading(element: HtmlTree) -> bool:
    heading = _PRECEDING_HEADING(element)
    return bool(heading) and bool(_AUTHOR_HEADING_RE.match(_text(heading[0])))


# an author slot's label alone in its element: "Autor:innen", "Authors", "Autor", "Written by"
_SLOT_LABEL_RE = re.compile(
    rf"^(?:{PLURAL_AUTHOR_LABEL}|author|autor(?:in)?|verfasser(?:in)?|written\s+by|geschrieben\s+von|verfasst\s+von)"
    r"\s*:?$",
    re.IGNORECASE,
)
MAX_SLOT_LABEL = 30
MAX_SLOT_NAMES = 120  # the text of one element after the label: names, not a bio
_SHORT_TEXTS = etree.XPath(
    "//body//text()[string-length(normalize-space()) <= 30]"
    "[not(ancestor::script or ancestor::style or ancestor::template or ancestor::table or ancestor::dl)]"
)
SLOT_LEVELS = 2  # wrappers around the label that hold nothing else


def _name_items(element: HtmlTree) -> list[str] | None:
    """The names an element after a slot label holds, each text of it a name or a list of names
    ("<a>Jo Roe</a>, <a>Ann Muster</a>", "↪︎ Jo Roe"); [] when it shows no text, None when a text is no name."""
    if len(_text(element)) > MAX_SLOT_NAMES:
        return None
    names: list[str] = []
    for node in element.xpath(".//text()[not(ancestor::script or ancestor::style)]"):
        for part in LIST_SPLIT.split(strip_glyphs(" ".join(node.split()))):
            part = strip_glyphs(part)
            if not part or not re.search(r"\w", part):
                continue  # the comma or "and" between two links
            if not full_name(part):
                return None
            names.append(part)
    return names


def slot_bylines(tree: HtmlTree) -> list[tuple[HtmlTree, list[str]]]:
    """(element, names) after each author slot's label: the elements right after the label (or after the
    wrappers that hold just the label) while each holds names; an empty slot ("Autor:innen" and nothing
    after it) names no one."""
    found: list[tuple[HtmlTree, list[str]]] = []
    for node in _SHORT_TEXTS(tree):
        label = " ".join(node.split())
        if not label or len(label) > MAX_SLOT_LABEL or not _SLOT_LABEL_RE.match(label):
            continue
        element = node.getparent()
        if element is None or node.is_tail or _text(element) != label:
            continue  # the label is not alone in its element ("Autor: Jo Roe" is a byline line)
        for _ in range(SLOT_LEVELS):
            parent = element.getparent()
            if any(isinstance(s.tag, str) for s in element.itersiblings()) or parent is None or _text(parent) != label:
                break
            element = parent
        for after in element.itersiblings():
            if not isinstance(after.tag, str):
                continue
            names = _name_items(after)
            if names is None:
                break  # a bio, a date, the text: the slot ends
            if names:
                found.append((after, names))
    return found


def template_bylines(tree: HtmlTree, title: HtmlTree | None) -> list[tuple[HtmlTree, list[str], bool]]:
    """(element, names, anywhere) of the byline templates above; `anywhere`: an author card under an
    author heading, a page's only dated line opening its block or its only credit line, which stand with
    the content wherever they are (the others must be near the title)."""
    found: list[tuple[HtmlTree, list[str], bool]] = [(e, names, False) for e, names in slot_bylines(tree)]
    dated, credits = [], []
    for element in _LINES(tree):
        text = _text(element)
        credited = credit_names(text) if text else []
        if credited and not any(_text(c) == text for c in element if isinstance(c.tag, str)) and _own_line(element):
            credits.append((element, credited, True))
        names = dated_line_names(text) if text else []
        if (
            names
            and not any(_text(c) == text for c in element if isinstance(c.tag, str))
            and not not_own_content(element, title)
            and not after_related_heading(element)
        ):
            dated.append((element, names, _opens_block(element, text)))
    if len(dated) == 1:  # several: the teasers of a list of posts
        found.extend(dated)
    credits = [c for c in credits if not not_own_content(c[0], title) and not after_related_heading(c[0])]
    if len(credits) == 1:
        found.extend(credits)
    if title is not None:
        after = _blocks_after(title, 2)
        if len(after) >= 2 and _bare_date(_text(after[1])) and not after[0].xpath(".//img"):
            names = name_role_names(_text(after[0]))
            if names:
                found.append((after[0], names, False))
    cards = []
    for image in tree.xpath("//body//img[@alt]"):
        card = _card_name(image)
        if card and not not_own_content(card[0], title):
            cards.append(card)
    if title is not None:
        cards = [c for c in cards if c[1].casefold() != _text(title).casefold()]  # a profile's own person
    if len({name for _, name in cards}) == 1:
        # the lone card of a dated post is its writer's; on an undated page (a home page's founder) only
        # under an author heading
        dated_page = extract_visible_date(tree, header_window(tree))[0] is not None
        found.extend(
            (element, [name], under)
            for element, name in cards
            if (under := _under_author_heading(element)) or dated_page
        )
    else:  # a team grid: only a card under an author heading
        found.extend((element, [name], True) for element, name in cards if _under_author_heading(element))
    return found
