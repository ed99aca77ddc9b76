"""Evidence signals only the markup shows: a visible date near the title, galleries, charts, data
tables, interview turns and testimonials. Pure functions over the parsed tree, like spiders.extract.

`extract_extras` is called once from `spiders.extract.extract_page` (before the main text is read from the
tree) and fills `PageRecord.extras`.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from scoring.core.lexicons import BYLINE_OPENERS, host_of
from scoring.core.records import Gallery, PageExtras
from spiders.document import short_texts
from spiders.extract_byline import text_with_role_breaks
from spiders.regions import (
    not_own_content,
    page_title_element,
)
from spiders.visible_dates import (  # noqa: F401 (the date API, re-exported where it used to live)
    _SKIP_ANCESTORS,
    _TEXT_NODES,
    DATE_PATTERNS,
    TITLE_WINDOW_AFTER,
    TITLE_WINDOW_BEFORE,
    _date_line,
    _text,
    extract_visible_date,
    header_window,
    hidden_meta_date,
    parse_visible_date,
)

HtmlTree = lxml.html.HtmlElement

# XPaths compiled once (an `element.xpath(str)` call compiles its expression every time, and these
# run for every paragraph of every page). Elements under the skipped ancestors are filtered in the
# query itself instead of by one more XPath per element.
# images: <img>, and web components that carry their own src (<x-image src>, <product-image src>)
_IMAGES = etree.XPath(".//*[self::img or (contains(name(), '-') and @src)]")
_CUSTOM_GALLERIES = etree.XPath(
    "//body//*[contains(name(), '-')][contains(name(), 'gallery') or contains(name(), 'galerie') or "
    "contains(name(), 'carousel') or contains(name(), 'slider') or contains(name(), 'lightbox')]"
)
# through the attribute axis: half the cost of testing every element for the attribute
_BODY_CLASSED = etree.XPath("//body//*/@class/..")
_FIGURE_GROUPS = etree.XPath("//body//*[count(figure[.//img]) >= $n]")
_FIGURES = etree.XPath("figure")
_BODY_CANVAS = etree.XPath("//body//canvas")
_BODY_SVG = etree.XPath("//body//svg")
_BODY_IMG = etree.XPath("//body//img")
_BODY_TABLES = etree.XPath("//body//table")
_CELLS = etree.XPath(".//td")
_TURN_ELEMENTS = etree.XPath(
    f"//body//*[self::p or self::dt or self::dd or self::h3 or self::h4][not({_SKIP_ANCESTORS})]"
)
_STRONG = etree.XPath("./strong | ./b")
_REVIEW_MICRODATA = etree.XPath('//body//*/@itemtype[contains(., "schema.org/Review")]/..')
_BLOCK_TEXT = etree.XPath(".//blockquote | .//p")
_DIGIT = re.compile(r"\d")

GALLERY_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(?:gallery|galerie|bildergalerie|fotogalerie|fotostrecke|carousel|slider|swiper|lightbox|"
    r"masonry|wp-block-gallery|blocks-gallery-grid|image-grid|photo-grid|bilder)(?:$|[\s_-])",
    re.IGNORECASE,
)
FILE_NAME_ALT_RE = re.compile(
    r"^(?:img|dsc|dscn|pxl|photo|bild|image|foto)?[\s_-]*\d+|\.(?:jpe?g|png|webp|gif)$", re.IGNORECASE
)
MIN_FIGURE_GROUP = 4
CHART_RE = re.compile(r"chart|diagramm|grafik|graph|infografik|infographic|statistik|kurve|verlauf", re.IGNORECASE)
TESTIMONIAL_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(?:testimonials?|kundenstimmen?|bewertung(?:en)?|reviews?|rezension(?:en)?|kundenmeinung(?:en)?|"
    r"erfahrungsberichte?)(?:$|[\s_-])",
    re.IGNORECASE,
)
# "Frage:", "Q:", "Jana Albrecht:", "Dr. Eva Maier:", "JA:" at the start of a paragraph.
TURN_LABEL_RE = re.compile(
    r"^\s*(?P<label>Frage|Antwort|Interviewer(?:in)?|Redaktion|Question|Answer|[FAQ]|"
    r"(?:(?:Dr|Prof)\.\s+)?[A-ZÄÖÜ][\wäöüß'’-]+(?:\s+[A-ZÄÖÜ][\wäöüß'’-]+){0,2}|[A-ZÄÖÜ]{2,3})\s*:\s+\S"
)
QUESTION_LABELS = {"frage", "question", "f", "q", "interviewer", "interviewerin", "redaktion"}
# Labels of form fields, notes and meta lines, not speakers ("Stand: 14.03.2025", "Tipp: ...").
NOT_SPEAKER_LABELS = {
    "stand",
    "telefon",
    "tel",
    "fax",
    "mobil",
    "adresse",
    "anschrift",
    "hinweis",
    "tipp",
    "tipps",
    "fazit",
    "quelle",
    "quellen",
    "source",
    "sources",
    "note",
    "update",
    "datum",
    "date",
    "autor",
    "autorin",
    "author",
    "text",
    "fotos",
    "foto",
    "bild",
    "bilder",
    "photo",
    "photos",
    "words",
    "wichtig",
    "achtung",
    "beispiel",
    "example",
    "preis",
    "price",
    "kosten",
    "dauer",
    "ort",
    "zeit",
    "stand der informationen",
    "published",
    "updated",
    "email",
    "mail",
}


# "Ein Gastbeitrag von ...", "Written by ...", "Words and photos: ...", "Text und Fotos: ..."
BYLINE_LINE_RE = re.compile(rf"^\W*(?:{BYLINE_OPENERS})\s+\S", re.IGNORECASE)
MAX_BYLINE_LINE = 160
_BYLINE_ELEMENTS = etree.XPath(
    f"//body//*[self::p or self::span or self::div or self::em or self::small or self::address][not({_SKIP_ANCESTORS})]"
)


def extract_byline_lines(tree: HtmlTree) -> list[str]:
    """Short paragraphs of the page's own content that open like a byline: site chrome (sidebars,
    comments, nav, footers), a listing's teasers and hidden markup left out."""
    lines = []
    title = None
    for element, text in short_texts(_BYLINE_ELEMENTS(tree), _text, MAX_BYLINE_LINE).items():
        if not (0 < len(text) <= MAX_BYLINE_LINE and BYLINE_LINE_RE.match(text)):
            continue
        if len(element):  # "Von <b>Jana Albrecht</b><i>Autorin</i>" -> "Von Jana Albrecht · Autorin"
            text = text_with_role_breaks(element)  # the name ends at its element
        if 0 < len(text) <= MAX_BYLINE_LINE and BYLINE_LINE_RE.match(text) and text not in lines:
            title = title if title is not None else page_title_element(tree)
            if not (not_own_content(element, title)):
                lines.append(text)
    return lines[:20]


def _descriptive(alt: str | None) -> bool:
    alt = (alt or "").strip()
    return len(alt.split()) >= 3 and not FILE_NAME_ALT_RE.search(alt)


def _gallery(element: HtmlTree, label: str, page_url: str) -> Gallery:
    images = _IMAGES(element)
    own = host_of(page_url)
    same = 0
    for img in images:
        src = img.get("src") or img.get("data-src") or ""
        if src and not src.startswith("data:") and host_of(urljoin(page_url, src)) == own:
            same += 1
    described = sum(1 for img in images if _descriptive(img.get("alt")))
    return Gallery(element=label, images=len(images), same_site=same, described=described)


def extract_galleries(tree: HtmlTree, page_url: str) -> list[Gallery]:
    """Gallery containers (outermost only) and groups of 4+ sibling figures with images."""
    galleries = []
    taken: list[HtmlTree] = []
    for element in [*_CUSTOM_GALLERIES(tree), *_BODY_CLASSED(tree)]:
        named = GALLERY_CLASS_RE.search(element.get("class", "")) or "-" in element.tag
        if not named or any(t is element or t in element.iterancestors() for t in taken):
            continue
        if not _IMAGES(element):
            continue
        taken.append(element)
        first_class = (element.get("class") or "").split()
        label = f"{element.tag}.{first_class[0]}" if first_class else element.tag
        galleries.append(_gallery(element, label, page_url))
    for parent in _FIGURE_GROUPS(tree, n=MIN_FIGURE_GROUP):
        if any(t is parent or t in parent.iterancestors() or parent in t.iterancestors() for t in taken):
            continue
        taken.append(parent)
        galleries.append(_gallery(parent, f"{parent.tag} with {len(_FIGURES(parent))} figures", page_url))
    return galleries


def count_charts(tree: HtmlTree) -> int:
    """<canvas>, labelled <svg> charts and images whose alt, class or file name says chart/diagram."""
    count = len(_BODY_CANVAS(tree))
    for svg in _BODY_SVG(tree):
        label = " ".join([svg.get("aria-label", ""), svg.get("class", ""), _text(svg)[:200]])
        if CHART_RE.search(label):
            count += 1
    for img in _BODY_IMG(tree):
        label = " ".join([img.get("alt", ""), img.get("class", ""), (img.get("src") or "").rsplit("/", 1)[-1]])
        if CHART_RE.search(label):
            count += 1
    return count


def count_numeric_tables(tree: HtmlTree) -> int:
    """Tables with 3+ data cells holding numbers, and numbers in at least a third of them."""
    count = 0
    for table in _BODY_TABLES(tree):
        cells = [_text(td) for td in _CELLS(table)]
        numeric = sum(1 for c in cells if _DIGIT.search(c))
        if numeric >= 3 and numeric * 3 >= len(cells):
            count += 1
    return count


def extract_interview_turns(tree: HtmlTree) -> list[str]:
    """Speaker labels of paragraphs that open with "Label:" or are a bold question, in order."""
    turns = []
    for para in _TURN_ELEMENTS(tree):
        text = _text(para)
        if not text:
            continue
        match = TURN_LABEL_RE.match(text)
        if match and match.group("label").lower() not in NOT_SPEAKER_LABELS:
            label = match.group("label")
            turns.append("Q" if label.lower() in QUESTION_LABELS else label)
            continue
        strong = _STRONG(para)
        if (
            para.tag in ("p", "dt", "h3", "h4")
            and text.endswith("?")
            and (para.tag != "p" or (strong and len(_text(strong[0])) >= 0.8 * len(text)))
        ):
            turns.append("Q")
        elif turns and turns[-1] == "Q" and para.tag in ("p", "dd"):
            turns.append("A")
    return turns[:200]


def count_testimonials(tree: HtmlTree) -> int:
    """Testimonial and review elements (outermost), including schema.org Review microdata."""
    count = len(_REVIEW_MICRODATA(tree))
    taken: list[HtmlTree] = []
    for element in _BODY_CLASSED(tree):
        outer = not any(t in element.iterancestors() for t in taken)
        if not outer or not TESTIMONIAL_CLASS_RE.search(element.get("class", "")):
            continue
        if _BLOCK_TEXT(element):
            taken.append(element)
    return count + len(taken)


_PERSON_MARKUP = etree.XPath(
    '//*/@itemtype[contains(concat(" ", normalize-space(.), " "), "schema.org/Person ")]/..'
    ' | //*/@typeof[contains(concat(" ", normalize-space(.), " "), "Person ")]/..'
)


def has_person_markup(tree: HtmlTree) -> bool:
    """A schema.org Person in microdata (itemtype=".../Person") or RDFa (typeof="Person")."""
    return bool(_PERSON_MARKUP(tree))


# Animated counters: `<h2 class="count" data-count="230">0</h2>` shows 0 until a script counts up to the
# attribute's value; what a reader sees is the value. Attribute names of the common counter scripts.
COUNTER_ATTRIBUTES = (
    "data-count",
    "data-to",
    "data-to-value",
    "data-target",
    "data-end",
    "data-end-value",
    "data-number",
    "data-counter",
    "data-countup",
    "data-count-to",
    "data-purecounter-end",
    "data-odometer-final",
    "data-final",
    "data-value",
)
# leaves of the body with one of these attributes, reached through their data-* attributes (most elements
# have none: half the cost of testing fourteen attributes on every leaf)
assert all(name.startswith("data-") for name in COUNTER_ATTRIBUTES)
_COUNTERS = etree.XPath(
    "//body//*/@*[starts-with(name(), 'data-')]/parent::*[not(*)]["
    + " or ".join(f"@{name}" for name in COUNTER_ATTRIBUTES)
    + "]"
)
_COUNTER_VALUE = re.compile(r"\d{1,12}(?:[.,]\d{1,3})*")
_COUNTER_TEXT = re.compile(r"\s*0?\s*")  # a counter before its script ran: empty or 0


def show_counter_values(tree: HtmlTree) -> int:
    """Write each animated counter's target value into its text (a leaf whose text is empty or "0"),
    as the page shows it once its script ran; the main text, read after this, then holds
    the figure. Returns how many counters were set."""
    shown = 0
    for element in _COUNTERS(tree):
        # data-start/data-end pairs are character offsets some editors leave on every element, no counter
        names = [n for n in COUNTER_ATTRIBUTES if not (n == "data-end" and element.get("data-start") is not None)]
        values = ((element.get(name) or "").strip() for name in names)
        value = next((v for v in values if _COUNTER_VALUE.fullmatch(v)), None)
        if value is None or not _COUNTER_TEXT.fullmatch(element.text or ""):
            continue
        element.text = value
        shown += 1
    return shown


_LETTER_IMAGES = etree.XPath("//img[@alt and string-length(normalize-space(@alt)) <= 2]")
_LETTERS = re.compile(r"[^\W\d_]{1,2}")


def show_letter_images(tree: HtmlTree) -> int:
    """Write a drop cap drawn as an image ('<img alt="S">an Francisco Chronicle') into the text it opens, as a
    reader sees it; an image of one or two letters right before a word is that word's first letters. Returns
    how many were written."""
    shown = 0
    for image in _LETTER_IMAGES(tree):
        alt = image.get("alt", "").strip()
        tail = image.tail or ""
        if _LETTERS.fullmatch(alt) and tail[:1].isalpha():
            image.tail = alt + tail
            shown += 1
    return shown


# WordPress marks a post's element "type-post" (a page's "type-page") and a single post's body "single-post";
# microformats2 mark an entry "h-entry"
_POST_CLASSES = frozenset({"type-post", "single-post", "h-entry"})


def has_post_markup(tree: HtmlTree) -> bool:
    """The page's title stands in the element its blog engine marks as one post."""
    title = page_title_element(tree)
    return title is not None and any(
        not _POST_CLASSES.isdisjoint((node.get("class") or "").split()) for node in title.iterancestors()
    )


def extract_extras(tree: HtmlTree, page_url: str) -> dict[str, PageExtras]:
    """The `extras` field of a PageRecord (`spiders.extract.extract_page` shows animated counters'
    values first: `show_counter_values`)."""
    window = header_window(tree)
    visible, visible_text = extract_visible_date(tree, window)
    return {
        "extras": PageExtras(
            visible_date=visible,
            visible_date_text=visible_text,
            header_text=window.strip()[: TITLE_WINDOW_BEFORE + TITLE_WINDOW_AFTER],
            byline_lines=extract_byline_lines(tree),
            galleries=extract_galleries(tree, page_url),
            charts=count_charts(tree),
            numeric_tables=count_numeric_tables(tree),
            interview_turns=extract_interview_turns(tree),
            testimonials=count_testimonials(tree),
            person_markup=has_person_markup(tree),
            post_markup=has_post_markup(tree),
        )
    }
