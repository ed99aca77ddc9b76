"""The date a page shows: a <time> of its own content, a byline or date line near the title ("Stand:",
"Veröffentlicht am …"), a publication line after the text; and a post-meta date the theme's CSS hides
(evidence of a dated post, never shown as its date). Teasers, sidebars, hidden markup and dates in
running text are other pages' or events'. Used by `spiders.extract_evidence`."""

from __future__ import annotations

import re
from datetime import date

from lxml import etree

from scoring.core.lexicons import MONTHS, PUBLICATION_CUE_RE
from spiders.document import HtmlTree
from spiders.regions import (
    after_related_heading,
    hidden_by_stylesheet,
    hides_by_stylesheet,
    is_hidden,
    not_own_content,
    page_title_element,
)

_SKIP_ANCESTORS = "ancestor::script or ancestor::style or ancestor::template or ancestor::nav or ancestor::footer"
_BODY_TEXT_NODES = etree.XPath(f"//body//text()[not({_SKIP_ANCESTORS})]")
# for the date only: a <nav> inside the content (<main>, <article>) is the post's breadcrumb and meta bar
# ("Blog › Read Time: 3 minutes · February 15, 2022" over the H1), read with it; the site's menus are not
_CONTENT_NAV = etree.XPath("//body//main//nav | //body//article//nav")
_DATE_WINDOW_NODES = etree.XPath(
    "//body//text()[not(ancestor::script or ancestor::style or ancestor::template or ancestor::footer or "
    "ancestor::nav[not(ancestor::main or ancestor::article)])]"
)
_BODY_TIME = etree.XPath(f"//body//time[not({_SKIP_ANCESTORS})]")
_TEXT_NODES = etree.XPath(".//text()[not(ancestor::script or ancestor::style)]")
# the post's own text lines, for its closing meta line
_ARTICLE_TEXT = etree.XPath(".//text()[not(ancestor::script or ancestor::style or ancestor::template)]")


def _text(element: HtmlTree) -> str:
    # str.split breaks at the same characters as the regex \s (Unicode whitespace): same text, cheaper
    return " ".join(" ".join(_TEXT_NODES(element)).split())


_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_PATTERNS = (
    re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>(?:19|20)\d{2})\b"),
    # "3. März 2020", "3.März 2020"; a weekend issue's two days "14./15. März 2020" read as the first
    re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})(?:\./\d{{1,2}})?(?:\.\s*|\s+)(?P<mn>{_MONTH})\.?\s+(?P<y>(?:19|20)\d{{2}})\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<mn>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})\b", re.IGNORECASE
    ),
    # "10/23/2019": month first as in US English; "23/10/2019" (no 23rd month) reads day first
    re.compile(r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d{2})\b"),
    # "Pressemitteilung vom 05.06.21": a two-digit year only right after "vom"/"am", never a bare 05.06.21
    re.compile(r"(?:(?<=\bvom )|(?<=\bam ))(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{2})(?![\d.])"),
    # "By Alun Evans, posted 21/09/20": a two-digit year with slashes only right after "posted"/"published"
    re.compile(
        r"(?:(?<=\bposted )|(?<=\bposted on )|(?<=\bpublished )|(?<=\bpublished on ))"
        r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2})(?![\d/])",
        re.IGNORECASE,
    ),
)
# Words that make a date a publication date rather than an event date in the text.
DATE_CUE_RE = re.compile(
    r"veröffentlicht|publiziert|erschienen|aktualisiert|stand|zuletzt|datum|published|posted|updated|"
    r"last (?:modified|reviewed)|geschrieben|von\b|by\b|autor|author",
    re.IGNORECASE,
)
# A date right after "by"/"until"/"bis"/"vor" is a deadline or a range ("must relocate by 3 March 2026"),
# so that "by" is not the byline cue.
DEADLINE_BEFORE_RE = re.compile(r"\b(?:by|until|till|before|von|bis|vor)\s*$", re.IGNORECASE)
# "Der Artikel vom 14. Oktober 2024 …", "Pressemitteilung vom …", a newspaper's "Ausgabe vom …": the date of a
# text, not of an event
_TEXT_OF_DATE_RE = re.compile(
    r"(?i:artikel|beitrag|pressemitteilung|pressemeldung|meldung|mitteilung|ausgabe|article|post|press release|"
    r"issue|edition)"
    r"[ \t]+(?:vom|from|of)[ \t]*$"
)
# "aus dem Bildgespräch am 1.12.2018", "from the studio talk on 4 May 2023": the day of the event the text
# comes from (compounds too: "Werkstattgespräch"), not its publication
_EVENT_OF_DATE_RE = re.compile(
    r"(?i:gespräch|vortrag|veranstaltung|führung|konzert|tagung|konferenz|lesung|sitzung|treffen|workshop|"
    r"seminar|gottesdienst|vernissage|talk|lecture|meeting|conference|webinar|panel)[ \t]+(?:am|on)[ \t]*$"
)
MAX_CUED_LINE_WORDS = 15  # a longer line is running text, not a byline or date line
MAX_CUE_DISTANCE = 40  # characters before a date in running text searched for a publication word
MAX_CUE_HEADING_WORDS = 4  # "Effective date", "Stand der Information", "Last updated"
TITLE_WINDOW_BEFORE = 200  # characters of visible text before the H1 searched for a date
TITLE_WINDOW_AFTER = 400  # ... and after it (bylines and "Stand:" lines sit right under the title)


def parse_visible_date(text: str) -> tuple[str, str] | None:
    """(ISO date, matched text) of the first German or English date in a text, None when none parses."""
    found = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = int(parts["m"]) if parts.get("m") else MONTHS.get(parts["mn"].lower().rstrip("."))
            if month and month > 12 and "/" in match.group(0):
                month, parts["d"] = int(parts["d"]), str(month)
            year = int(parts["y"]) + (2000 if len(parts["y"]) == 2 else 0)
            try:
                value = date(year, month or 0, int(parts["d"]))
            except (TypeError, ValueError):
                continue
            found.append((match.start(), value.isoformat(), match.group(0)))
    if not found:
        return None
    _, iso, raw = min(found)
    return iso, raw


# a card wrapped in a link (<a href><div><h3>Event</h3><span>Sep 18, 2018</span></div></a>): another page's teaser
_CARD_LINKS = etree.XPath(
    "//body//a[@href][.//*[self::div or self::p or self::h1 or self::h2 or self::h3 or self::h4 or self::h5]]"
)


# the class of an event's date ("<time class=event-date>", "<li class=eventitem-meta-date>", "termin-datum"):
# when the event takes place, not when the page was published
_EVENT_CLASS_RE = re.compile(r"(?:^|\s)(?:event|eventitem|veranstaltung|termin)(?:$|[\s_-])", re.IGNORECASE)
EVENT_LEVELS = 3  # the <time> and the elements right around it
_EVENT_CANDIDATES = etree.XPath(
    "//body//*[contains(@class, 'vent') or contains(@class, 'eranstaltung') or contains(@class, 'ermin')]"
)


def event_time(element: HtmlTree) -> bool:
    """A <time> that dates an event by its class or its meta item's: an event page's date, no publication date."""
    node = element
    for _ in range(EVENT_LEVELS):
        if node is None or not isinstance(node.tag, str):
            return False
        if _EVENT_CLASS_RE.search(node.get("class") or ""):
            return True
        node = node.getparent()
    return False


def event_dated(tree: HtmlTree) -> bool:
    """The page marks an event's date (a <time> of an event, `event_time`): a date guessed from its text or
    markup is the event's (htmldate reads it as the publication date of an event page)."""
    return any(event_time(element) for element in _BODY_TIME(tree))


def _body_text_nodes(tree: HtmlTree, content_nav: bool = False, cards: bool = True) -> list[tuple[str, HtmlTree]]:
    nodes = []
    skipped = {node for card in _CARD_LINKS(tree) for node in card.iter()} if not cards else set()
    for node in (_DATE_WINDOW_NODES if content_nav else _BODY_TEXT_NODES)(tree):
        text = " ".join(node.split())
        parent = node.getparent()
        owner = parent.getparent() if node.is_tail else parent  # a tail is its parent's parent's text
        if text and (cards or owner is None or owner not in skipped and not event_time(owner)):
            nodes.append((text, parent))
    if nodes and hides_by_stylesheet(nodes[0][1]):  # a theme's CSS hides the date line: no reader sees it
        nodes = [(text, parent) for text, parent in nodes if not is_hidden(parent)]
    return nodes


def hidden_meta_date(tree: HtmlTree) -> str | None:
    """The date of a post-meta line that the page's stylesheet hides (`.entry-meta{display:none}`): no
    reader sees it, so it is never the page's shown date, but it says the template is a dated post."""
    body = tree.find("body")
    if body is None or not hides_by_stylesheet(body):
        return None
    for element in _BODY_ELEMENTS(tree):  # document order: the outermost hidden element comes first
        if hidden_by_stylesheet(element):
            text = " ".join(element.text_content().split())
            found = _date_line(text) if len(text) <= MAX_PUBLICATION_LINE else None
            if found:
                return found[0]
    return None


_BODY_ELEMENTS = etree.XPath(f"//body//*[not({_SKIP_ANCESTORS})]")


def _toc_entry(parent: HtmlTree, text: str) -> bool:
    """The text of a link to a section of a page ("#was-ist-chatgpt"), not a tail after it nor a "#" stub."""
    fragment = (parent.get("href") or "").partition("#")[2] if parent.tag == "a" else ""
    return bool(fragment) and " ".join((parent.text or "").split()) == text


def header_window(tree: HtmlTree, content_nav: bool = False, cards: bool = True) -> str:
    """Visible lines around the page's title (spiders.regions.page_title_element; the first lines of
    the body without one), nav and footer left out (`content_nav`: a nav inside <main>/<article> kept;
    `cards`: False leaves out the text of cards wrapped in a link, other pages' teasers, and of events' dates)."""
    nodes = _body_text_nodes(tree, content_nav, cards)
    title = page_title_element(tree)
    joined, offsets, h1_at = "", [], None
    for text, parent in nodes:
        in_title = title is not None and (parent is title or title in parent.iterancestors())
        if not in_title and _toc_entry(parent, text):
            continue  # a table of contents between the date and the title: links into the page itself
        if h1_at is None and in_title:
            h1_at = len(joined)
        offsets.append(len(joined))
        joined += text + " \n"
    if h1_at is None:
        return joined[:TITLE_WINDOW_AFTER]
    return joined[max(0, h1_at - TITLE_WINDOW_BEFORE) : h1_at + TITLE_WINDOW_AFTER]


# "Stand: März 2025", "Last updated: July 2026": a month and year after a cue, read as the 1st.
MONTH_YEAR_RE = re.compile(
    rf"(?:stand|aktualisiert|zuletzt\s+\w+|last\s+updated|updated|as\s+of|effective)\s*:?\s*(?P<mn>{_MONTH})\.?\s+"
    r"(?P<y>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
# A press release's dateline with a month only: "Hamburg, im November 2011", "LONDON, March 2019" — a line
# of its own, the place first (a bare "December 2017" is an archive's heading, not a date of the page).
DATELINE_MONTH_RE = re.compile(
    rf"[A-ZÄÖÜ][^\W\d_]{{1,30}}(?:[ ./-]{{1,2}}[^\W\d_]{{1,20}}){{0,3}},[ \t]*(?:im[ \t]+|in[ \t]+)?"
    rf"(?P<mn>(?i:{_MONTH}))\.?[ \t]+(?P<y>(?:19|20)\d{{2}})"
)
PUBLICATION_LINE_RE = re.compile(
    r"^\W*(?:veröffentlicht|publiziert|erschienen|published|posted|first published)\b", re.IGNORECASE
)
MAX_PUBLICATION_LINE = 120
_PUBLICATION_LINES = etree.XPath(
    f"//body//*[self::p or self::div or self::span or self::small or self::footer or self::li][not({_SKIP_ANCESTORS})]"
    "[not(*[self::p or self::div])]"
)
MAX_DATE_LINE_WORDS = 3  # words besides the date on a bare date line ("| Mar 3 2018", "2. Oktober 2015")


def _date_line(line: str) -> tuple[str, str] | None:
    """The date of a byline/date line near the title; a date inside running text ("Seit dem 1. April
    2016 ist …") is an event in the text, not the page's date."""
    parsed = parse_visible_date(line)
    if parsed:
        before, _, after = line.partition(parsed[1])
        rest = f"{before} {after}"
        if _EVENT_OF_DATE_RE.search(before[-MAX_CUE_DISTANCE:]):
            return None
        if DEADLINE_BEFORE_RE.search(before):  # "must relocate by 3 March 2026": a deadline, no byline
            cued = DATE_CUE_RE.search(DEADLINE_BEFORE_RE.sub(" ", before) + " " + after)
        else:
            cued = DATE_CUE_RE.search(line)
        if cued and len(line.split()) > MAX_CUED_LINE_WORDS:
            # in running text "von"/"by" are prepositions ("eine Geldstrafe in Höhe von 750 €. Im Prozess vom
            # 21.05.2024"): only a publication word right before the date makes it the page's date
            cued = PUBLICATION_CUE_RE.search(before[-MAX_CUE_DISTANCE:])
        cued = cued or _TEXT_OF_DATE_RE.search(before)
        if cued or len(re.findall(r"\w{2,}", rest)) <= MAX_DATE_LINE_WORDS:
            return parsed
        return None
    month_year = MONTH_YEAR_RE.search(line) or DATELINE_MONTH_RE.fullmatch(line.strip())
    if month_year:
        month = MONTHS.get(month_year.group("mn").lower().rstrip("."))
        if month:
            return date(int(month_year.group("y")), month, 1).isoformat(), month_year.group(0)
    return None


MIN_TEASER_LINES = 3  # dated lines of one form that make a list of posts
_LEADING_PUNCT = re.compile(r"^\W+")


def _teaser_forms(tree: HtmlTree) -> set[str]:
    """The publication words ("published", "posted") that open dated lines of MIN_TEASER_LINES dates or more
    on the page: the meta lines of a listing's teasers."""
    dates: dict[str, set[str]] = {}
    for element in _PUBLICATION_LINES(tree):
        text = _text(element)
        cue = PUBLICATION_LINE_RE.match(text) if len(text) <= MAX_PUBLICATION_LINE else None
        parsed = parse_visible_date(text) if cue else None
        if parsed:
            dates.setdefault(_LEADING_PUNCT.sub("", cue.group(0)).casefold(), set()).add(parsed[0])
    return {word for word, found in dates.items() if len(found) >= MIN_TEASER_LINES}


def _teaser_line(line: str, forms: set[str]) -> bool:
    """A cued date line ("Published …", "Posted on …") whose form recurs on the page with other dates."""
    cue = PUBLICATION_LINE_RE.match(line.strip())
    return cue is not None and _LEADING_PUNCT.sub("", cue.group(0)).casefold() in forms


def extract_visible_date(tree: HtmlTree, window: str) -> tuple[str | None, str | None]:
    """A date written visibly in a <time> element of the page's own content, else in a line near the
    H1 (byline, "Stand:"). Dates in sidebars, comments, hidden markup and teasers are other pages'."""
    title = None
    for element in _BODY_TIME(tree):
        text = _text(element)
        parsed = parse_visible_date(text) if text else None
        if parsed:
            title = title if title is not None else page_title_element(tree)
            if not_own_content(element, title) or after_related_heading(element) or event_time(element):
                continue
            return parsed[0], text
    content_nav, cards = (
        bool(_CONTENT_NAV(tree)),
        not _CARD_LINKS(tree)
        and not any(_EVENT_CLASS_RE.search(e.get("class") or "") for e in _EVENT_CANDIDATES(tree)),
    )
    if content_nav or not cards:  # the content's own breadcrumb and meta bar may hold the date: read it too;
        window = header_window(tree, content_nav, cards)  # the dates of cards linking elsewhere are theirs
    forms: list[set[str]] = []  # read once, when a cued line asks

    def teaser(line: str) -> bool:
        if not forms:
            forms.append(_teaser_forms(tree))
        return _teaser_line(line, forms[0])

    previous = ""
    for line in window.split("\n"):
        parsed = _date_line(line)
        if parsed and teaser(line):
            continue  # "Published Dec 19, 2023 by …" on every teaser of a list of posts: theirs, not the page's
        if parsed:
            text = line.strip()
            # "Effective date" / "Stand" as a heading over a bare date: the cue belongs to the date
            if PUBLICATION_CUE_RE.search(previous) and len(previous.split()) <= MAX_CUE_HEADING_WORDS:
                text = f"{previous.rstrip(': ')}: {text}"
            return parsed[0], text[:120]
        previous = line.strip()
    closing = _closing_meta_date(tree, title if title is not None else page_title_element(tree))
    if closing is not None:
        return closing
    for element in _PUBLICATION_LINES(tree):  # "Veröffentlicht in Stories am 28.09.2023" after the text
        text = _text(element)
        if len(text) <= MAX_PUBLICATION_LINE and PUBLICATION_LINE_RE.match(text) and not teaser(text):
            parsed = parse_visible_date(text)
            title = title if title is not None else page_title_element(tree)
            if parsed and not not_own_content(element, title) and not after_related_heading(element):
                return parsed[0], text[:120]
    return None, None


CLOSING_LINES = 3  # the last text lines of a post that may hold its meta line
# a meta line holds the date, names and separators; a lowercase word other than these makes it a sentence or a label
_CLOSING_WORDS = re.compile(r"(?<![\w-])(?!(?:on|by|am|um|von|at)(?![\w-]))[a-zäöüß][\w-]{2,}")


_ENTRY_CLASS_RE = re.compile(r"(?:^|\s)h-?entry(?:$|\s)")  # hAtom's post: WordPress themes without <article>


def _post_of(title: HtmlTree) -> HtmlTree | None:
    """The post that holds the title: its <article>, else the element its theme marks as an hAtom entry."""
    for ancestor in title.iterancestors():
        if ancestor.tag == "article" or _ENTRY_CLASS_RE.search(ancestor.get("class") or ""):
            return ancestor
    return None


def _closing_meta_date(tree: HtmlTree, title: HtmlTree | None) -> tuple[str, str] | None:
    """The date of the meta line that closes the post holding the title ("- 25. July 2017 :: Name", "27. Januar
    2016 |"): a theme that writes date and author under the text, not over it. Only the post's own <article> (or
    hAtom entry) counts, whose last lines are its own (a page's last lines are the site's)."""
    article = _post_of(title) if title is not None else None
    if article is None:
        return None
    lines = []
    for node in reversed(_ARTICLE_TEXT(article)):
        text = " ".join(node.split())
        parent = node.getparent()
        if not text or is_hidden(parent):
            continue
        if len(text) > MAX_PUBLICATION_LINE:
            break  # the text itself: a meta line above it is the header's, read near the title
        lines.append((text, parent))
        if len(lines) == CLOSING_LINES:
            break
    for text, parent in lines:
        parsed = _date_line(text) if parse_visible_date(text) else None  # a day, not "Stand Mai 2025" under a table
        if parsed and _CLOSING_WORDS.search(text.replace(parsed[1], " ")):
            continue  # words around the date ("Effective date: …", "Stand: …"): a statement's date, no post's meta
        if parsed and not event_time(parent) and not not_own_content(parent, title):
            return parsed[0], text
    return None
