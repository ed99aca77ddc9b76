"""DOM-based main content: the page's own text from its H1 to the end of the content, chrome left out.

trafilatura (used before) is tuned for articles: on listings, home and landing pages it kept one block
of paragraphs, or one box shared by every page, and dropped the teaser lists, card grids and
marketing sections that are the page's content. This walks the parsed tree once, in document order,
read-only, and keeps the text of <body> from the page's first visible H1 on, without site chrome
(header, nav, footer, sidebars, comments, related posts, share bars, cookie banners, author boxes),
hidden elements (and the mobile copy of a responsive duplicate), and ends at the site footer or at a
"related posts" heading. Text of custom elements (<x-card>) is light DOM and kept.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

HtmlTree = lxml.html.HtmlElement

# never text a reader sees as content
_SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "textarea", "input", "head", "title", "meta", "link", "dialog",
})
_CHROME_TAGS = frozenset({"nav", "aside"})
_CHROME_ROLES = frozenset({"navigation", "complementary", "contentinfo", "search", "dialog", "alertdialog"})
# tags whose text stands on a line of its own (custom elements, <x-card>, too)
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul",
    # a drop-down's choices in the content (a listing's category or archive filter) are words of the page
    # (docs/labelling.md counts them), one per line so that "Branding (7)" stays apart from the next
    "select", "optgroup", "option",
})
# boxes of their own although inline in the markup: their text never runs into the next word
_INLINE_BOXES = frozenset({"button"})
# a flex or grid container (Tailwind, Bootstrap, inline style): each child is a box of its own, so
# "<span>7 - 17 Jahre</span><span>2 Stunden</span>" reads as two phrases, not "Jahre2"
# (tried only where a class token starts, the prefix possessive: linear on a long class attribute)
_LAYOUT_CLASS = re.compile(
    r"(?<![\w:-])(?:[a-z0-9]++:)?(?:inline-)?(?:flex|grid)|(?<![\w:-])d-(?:[a-z]{2}-)?(?:inline-)?(?:flex|grid)"
)
_LAYOUT_STYLE = re.compile(r"display\s*:\s*(?:inline-)?(?:flex|grid)", re.IGNORECASE)

# A whole class/id token that names a template region that is never the page's own content. Whole
# tokens (split on spaces), so a page builder's "elementor-widget-container" or "has-sidebar" layout
# class does not count, but "sidebar", "post-comments", "related-posts" and "cookie-banner" do.
_CHROME_TOKEN = re.compile(
    r"(?<![a-z0-9_-])(?!(?:has|with|without|no|is|show|hide|enable|disable)[-_])(?:[a-z0-9]+[-_])*(?P<word>"
    r"sidebar|side-bar|widget-area|widgets|comments?|comment-list|commentlist|comment-respond|respond|"
    r"related|related-posts?|relatedposts|yarpp|share|sharing|social-share|shariff|sharedaddy|"
    r"cookie|cookies|cookie-banner|cookie-notice|consent|gdpr|breadcrumbs?|breadcrumb-trail|"
    r"navbar|site-header|site-footer|masthead|menu|newsletter|author-box|author-bio|about-author|"
    r"authorbox|post-navigation|nav-links|pagination|copyright|(?:prev|previous|next)[-_](?:post|article|entry)s?|"
    r"nav-(?:previous|next)"
    r")(?:[-_](?:area|wrap|wrapper|container|section|box|bar|list|block|banner|notice|links|buttons|icons|nav|"
    r"widgets?|modal|popup|overlay|form|inner|outer|holder|content|left|right|primary|secondary|items|entries|"
    r"products))?",
    re.IGNORECASE,
)
# a restaurant's menu is content: these words name chrome only on a block that is mostly links
_LINK_LIST_WORDS = frozenset({"menu"})
# Some themes name the content column after the layout ("sidebar_content" beside "sidebar_wrapper"):
# a block named like a sidebar that holds the page's own entry (WordPress marks it "hentry",
# "type-post", "type-page") is that column, not the sidebar
_SIDEBAR_WORDS = frozenset({"sidebar", "side-bar"})
_OWN_ENTRY = (
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' hentry ') or "
    "contains(concat(' ', normalize-space(@class), ' '), ' type-post ') or "
    "contains(concat(' ', normalize-space(@class), ' '), ' type-page ')]"
)

# hidden from every reader, or a carousel's copies of its first/last slides
_HIDDEN_TOKENS = frozenset({
    "sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden", "hide", "invisible", "is-hidden",
    "u-hidden", "show-for-sr", "element-invisible", "cloned", "slick-cloned", "swiper-slide-duplicate",
    "rich-snippet-hidden",  # Avada's microformat copies of a post's author and dates
})
# named "not on a desktop screen" (the mobile copy of a responsive duplicate)
_DESKTOP_HIDDEN = re.compile(
    r"(?<![\w-])(?:hidden-(?:md|lg|xl|desktop)(?:-up)?|visible-(?:xs|sm)(?:-\w+)?|mobile-only|show-for-small-only|"
    r"(?:[a-z0-9]+-)*(?:hidden|hide)[-_](?:on[-_])?(?:desktop|large|lg|xl))",
    re.IGNORECASE,
)
# display utilities of Bootstrap ("d-none d-md-block") and Tailwind ("hidden lg:flex"): the one for the
# widest breakpoint up to a desktop screen decides
_DISPLAY_CLASS = re.compile(
    r"d-(?:(sm|md|lg|xl)-)?(none|block|flex|grid|inline|inline-block|inline-flex|table|table-cell|contents)|"
    r"(?:(sm|md|lg|xl):)?(hidden|block|flex|grid|inline|inline-block|inline-flex|table|contents)"
)
_BREAKPOINTS = {None: 0, "sm": 1, "md": 2, "lg": 3, "xl": 4}
# a heading that opens the related-posts / "read next" block after a page's own content
_END_HEADING = re.compile(
    r"(?:related|similar)(?: (?:posts?|articles?|stories|content|reading|topics|news))?|"
    r"(?:you )?(?:may|might|will) also (?:like|enjoy|be interested in)|also read|read next|"
    r"more (?:posts|articles|stories|news|blog posts|from (?:the|our) blog)|"
    r"(?:next|previous|older|newer) (?:post|article)|(?:in )?other news|more news|weitere neuigkeiten|"
    r"share (?:this|the)(?: post| article| page)?|"
    r"(?:auch|ebenfalls) interessant|(?:das|dies) (?:könnte|dürfte) (?:dich|sie|euch) auch interessieren|"
    r"(?:weitere|ähnliche|verwandte|passende) (?:blog-?)?(?:artikel|beiträge|posts|news|"
    r"meldungen|nachrichten|stories|geschichten|themen)|(?:lesen sie|lies) auch|mehr zum thema|"
    r"(?:diesen )?(?:beitrag|artikel) teilen",
    re.IGNORECASE,
)
# a <header>/<footer> inside these is theirs (a section's heading, a quote's source), not the site's
_SECTIONING = frozenset({"main", "article", "section", "blockquote", "figure", "details", "li"})
# text above the H1 is dropped (breadcrumbs, eyebrows), unless it is this long and most of the page
_LATE_TITLE_WORDS = 200
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# between blocks; newlines inside the source text are whitespace like any other
_BREAK = "\x1e"
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _is_hidden(element: HtmlTree) -> bool:
    if element.get("hidden") is not None:
        return True
    if element.get("x-cloak") is not None and element.get("x-show") is not None:
        return True  # Alpine.js: kept hidden until a condition holds (a "thank you" message, a dropdown)
    style = element.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    classes = element.get("class")
    if classes:
        widest, shown = -1, True
        for token in classes.split():
            if token.lower() in _HIDDEN_TOKENS or _DESKTOP_HIDDEN.fullmatch(token):
                return True
            display = _DISPLAY_CLASS.fullmatch(token)
            if display:
                breakpoint_ = _BREAKPOINTS[display.group(1) or display.group(3)]
                if breakpoint_ >= widest:
                    widest, shown = breakpoint_, (display.group(2) or display.group(4)) not in ("none", "hidden")
        return not shown
    return False


def _chrome_kind(element: HtmlTree, tag: str, in_content: bool) -> str | None:
    """"nav" for navigation and sidebars, "frame" for a site header/footer or a region named as
    chrome by its class (may hold the page's H1), None for content."""
    if tag in _CHROME_TAGS:
        return "nav"
    role = element.get("role")
    if role:
        role = role.lower()
        if role in _CHROME_ROLES:
            return "nav"
        if role == "banner" and not in_content:
            return "frame"
    if not in_content and (tag in ("header", "footer") or _is_site_footer(element, tag)):
        return "frame"  # also <section class="footer">: a theme's footer that is no <footer>
    for attr in ("class", "id"):
        value = element.get(attr)
        if value:
            for token in value.split():
                named = _CHROME_TOKEN.fullmatch(token)
                if not named:
                    continue
                word = named.group("word").lower()
                if word in _LINK_LIST_WORDS and not _mostly_links(element):
                    continue
                if word in _SIDEBAR_WORDS and element.xpath(_OWN_ENTRY):
                    continue
                return "frame"
    return None


def _mostly_links(element: HtmlTree) -> bool:
    text = len("".join(element.itertext()).split())
    linked = sum(len("".join(a.itertext()).split()) for a in element.iter("a"))
    return linked * 2 >= text


# "footer", "site-footer", a theme's wrapper around it ("footer-wrapper", "footer_area"), and a page
# builder's footer template ("elementor-location-footer")
_FOOTER_TOKEN = re.compile(  # tried only where a token starts: linear on a long class attribute
    r"(?<![a-z0-9_-])(?:site|page|main|global|(?:[a-z0-9]+[-_])?location)?[-_]?footer"
    r"(?:[-_](?:wrapper|wrap|area|container|outer|widgets?))?",
    re.IGNORECASE,
)


# A <footer> (or contentinfo region) after an element: the page's own site footer is still to come.
_LATER_FOOTER = etree.XPath("following::footer[1] | following::*[@role='contentinfo'][1]")


def _is_site_footer(element: HtmlTree, tag: str) -> bool:
    if tag == "footer" or (element.get("role") or "").lower() == "contentinfo":
        return True
    named = any(_FOOTER_TOKEN.fullmatch(t) for t in f"{element.get('id') or ''} {element.get('class') or ''}".split())
    # a card's <div class="footer"> (its icons, its stars) with the page's <footer> still to come is the card's
    return named and not _LATER_FOOTER(element)


def _is_end_heading(heading: HtmlTree) -> bool:
    text = " ".join(heading.text_content().split()).rstrip(" .:…!")
    return len(text) < 60 and _END_HEADING.fullmatch(text) is not None


def _has_h1(element: HtmlTree) -> bool:
    return element.tag == "h1" or element.find(".//h1") is not None


def _holds_main(element: HtmlTree) -> bool:
    return bool(element.xpath(".//main | .//*[@role='main']"))


def main_content_text(tree: HtmlTree) -> str:
    """The page's main content as text, one block per line ("" when the page has no body).

    One walk over <body> in document order. Left out: scripts and form widgets, hidden elements,
    navigation, sidebars and other chrome (by tag, ARIA role, or class/id vocabulary), a site
    header/footer outside the content, everything from a "related posts"-style heading or the site
    footer on, and everything before the page's first visible H1 (when there is one).
    """
    body = tree.find("body")
    if body is None:
        return ""
    parts: list[str] = []
    start: int | None = None  # where the first visible H1 begins in parts
    hidden_start: int | None = None  # after a hidden copy holding the H1 (a mobile-only hero)
    # iterative walk; (element, in_content) on entering, (element, None) on leaving. in_content: inside
    # <main>/<article>/<section>/..., whose <header> and <footer> are their own, not the site's
    stack: list[tuple[HtmlTree, bool | None]] = [(body, False)]
    while stack:
        element, in_content = stack.pop()
        tag = element.tag
        if in_content is None:  # leaving: end the block, then the text after the element
            if tag in _BLOCK_TAGS or "-" in tag:
                parts.append(_BREAK)
            elif tag in _INLINE_BOXES or tag is _GAP_TAG:
                parts.append(" ")
            if element.tail:
                parts.append(element.tail)
            continue
        if not isinstance(tag, str):  # comment, processing instruction
            if element.tail:
                parts.append(element.tail)
            continue
        skip = tag in _SKIP_TAGS
        if not skip and _is_hidden(element):
            skip = True
            if start is None and hidden_start is None and _has_h1(element):
                hidden_start = len(parts)
        if not skip and element is not body:
            kind = _chrome_kind(element, tag, in_content)
            if kind == "frame" and (start is None and _has_h1(element) or _holds_main(element)):
                kind = None  # a header that holds the page's H1 or a wrapper around <main> is the page's
            if kind is not None:
                if _is_site_footer(element, tag) and not in_content and _has_text(parts, start, 1):
                    break  # the site footer ends the page: pop-ups, floating buttons, banners follow
                skip = True
        if skip:
            if element.tail:
                parts.append(element.tail)
            continue
        if tag == "h1" and start is None:
            start = len(parts)
        elif tag in _HEADINGS and _is_end_heading(element) and (start is not None or _has_text(parts, 0, 50)):
            break
        if tag in _BLOCK_TAGS or "-" in tag:
            parts.append(_BREAK)
        elif tag == "br" or tag in _INLINE_BOXES:  # a line break inside a paragraph stays one line
            parts.append(" ")
        if element.text:
            parts.append(element.text)
        stack.append((element, None))
        inner = in_content or tag in _SECTIONING or element.get("role") == "main"
        if len(element) > 1 and _is_layout(element):
            for child in reversed(element):  # a gap after each child box
                stack.append((_GAP, None))
                stack.append((child, inner))
        else:
            stack.extend((child, inner) for child in reversed(element))
    begin = start if start is not None else hidden_start or 0
    if begin and _words(parts[:begin]) > max(2 * _words(parts[begin:]), _LATE_TITLE_WORDS):
        begin = 0  # most of the page stands above its H1 (an SEO heading at the end): keep it all
    lines = (" ".join(line.split()) for line in "".join(parts[begin:]).split(_BREAK))
    return "\n".join(line for line in lines if line)


class _Gap:
    """Stands between two children of a flex or grid container in the walk's stack."""

    tag = "#gap"
    tail = None


_GAP = _Gap()
_GAP_TAG = _GAP.tag


def _is_layout(element: HtmlTree) -> bool:
    classes = element.get("class")
    if classes and any(_LAYOUT_CLASS.fullmatch(token) for token in classes.split()):
        return True
    style = element.get("style")
    return bool(style) and _LAYOUT_STYLE.search(style) is not None


def _words(parts: list[str]) -> int:
    return len("".join(parts).split())


def _has_text(parts: list[str], start: int | None, words: int) -> bool:
    """At least `words` words in parts[start:] (counted only until there are enough)."""
    count = 0
    for part in parts[start or 0:]:
        count += len(part.split())
        if count >= words:
            return True
    return False
