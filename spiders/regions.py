"""Where an element sits in a page template: hidden, page chrome, a teaser of another page.

Real templates put names, dates and links in many places that are not the page's own content: a
tagline in the site header, a sidebar "about me" box, the names and dates of comments, the teasers
of a listing, a byline hidden with `display:none`. These pure predicates let every detector (bylines,
quotes, citations) leave those places out the same way.
"""

from __future__ import annotations

import re
import threading

import lxml.html
from lxml import etree

HtmlTree = lxml.html.HtmlElement

# class/id tokens of template regions that are never the page's own content
CHROME_TOKEN_RE = re.compile(
    # "has-comments", "no-sidebar", "show-share": a state of the element, not a region of that kind
    # "elementor-widget-container": Elementor's box around every block of a page, sidebar or not
    r"(?:^|(?<!has)(?<!no)(?<!with)(?<!show)(?<!is)(?<!elementor)[\s_-])(?:sidebar|side-bar|widgets?|widget-area|"
    r"comments?|commentlist|"
    r"comment-list|comment-respond|"
    r"respond|reply|related|related-posts?|yarpp|share|sharing|social-share|shariff|cookie|cookies|consent|"
    r"breadcrumbs?|navbar|site-header|site-footer|masthead|menu|newsletter|subscribe)(?:$|[\s_-])",
    re.IGNORECASE,
)
HIDDEN_CLASS_RE = re.compile(
    r"(?:^|\s)(?:hidden|d-none|sr-only|screen-reader-text|visually-hidden|visuallyhidden|hide|"
    # Avada's microformat copies of a post's author and dates, hidden by the theme's stylesheet
    r"rich-snippet-hidden)(?:$|\s)",
    re.I,
)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CHROME_TAGS = {"nav", "aside"}
_CHROME_ROLES = {"navigation", "complementary", "contentinfo", "search"}
_CONTENT_TAGS = {"main", "article"}


def _tag(element: HtmlTree) -> str:
    return element.tag if isinstance(element.tag, str) else ""


def _tokens(element: HtmlTree) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def is_hidden(element: HtmlTree) -> bool:
    """Hidden from readers by the markup itself: `hidden`, inline `display:none`, a hiding class, or a
    class or id that a `<style>` of the page hides (a theme's custom CSS: `.entry-meta{display:none}`)."""
    stylesheet = _stylesheet_hidden(element)
    for node in (element, *element.iterancestors()):
        if node.get("hidden") is not None or _HIDDEN_STYLE_RE.search(node.get("style") or ""):
            return True
        if HIDDEN_CLASS_RE.search(node.get("class") or "") or _named_hidden(node, stylesheet):
            return True
    return False


def hidden_by_stylesheet(element: HtmlTree) -> bool:
    """The element itself (not an ancestor) is hidden by a rule of the page's own `<style>`."""
    return _named_hidden(element, _stylesheet_hidden(element))


def _named_hidden(node: HtmlTree, stylesheet: tuple[frozenset[str], frozenset[str]]) -> bool:
    classes, ids = stylesheet
    return bool(classes) and not classes.isdisjoint((node.get("class") or "").split()) or node.get("id") in ids


def hides_by_stylesheet(element: HtmlTree) -> bool:
    """Whether the page's own `<style>` hides some class or id (then text must be tested element by
    element; most pages hide nothing that way)."""
    classes, ids = _stylesheet_hidden(element)
    return bool(classes or ids)


_STYLE_MEMO = threading.local()
_NO_SELECTORS: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
# one selector that names one class or id, with an optional tag: ".entry-meta", "span.posted-on", "#author"
_SIMPLE_SELECTOR_RE = re.compile(r"(?<![a-z0-9])[a-z0-9]*+([.#])([\w-]++)")
_SELECTOR_NAMES_RE = re.compile(r"[.#]([\w-]+)")
_DISPLAY_RE = re.compile(r"display\s*:\s*([a-z-]+)", re.IGNORECASE)


def _stylesheet_hidden(element: HtmlTree) -> tuple[frozenset[str], frozenset[str]]:
    """Classes and ids the page's own `<style>` elements hide (the last tree asked about, per thread)."""
    root = element.getroottree().getroot()
    memo = getattr(_STYLE_MEMO, "hidden", None)
    if memo is None or memo[0] is not root:
        memo = _STYLE_MEMO.hidden = (root, _hidden_selectors(root))
    return memo[1]


def _hidden_selectors(root: HtmlTree) -> tuple[frozenset[str], frozenset[str]]:
    """Classes and ids hidden by a top-level rule (not inside @media: a layout hides things per screen)
    with a selector of one class or id. A name that any rule displays ("`.tab.active{display:block}`")
    is left out: that element is shown by a state the static page cannot tell."""
    css = " ".join(style.text or "" for style in root.iter("style"))
    if not css or not _HIDDEN_STYLE_RE.search(css):
        return _NO_SELECTORS
    hidden: set[tuple[str, str]] = set()
    shown: set[str] = set()
    for selectors, declarations in _top_level_rules(css):
        display = _DISPLAY_RE.search(declarations)
        if _HIDDEN_STYLE_RE.search(declarations):
            for selector in selectors.split(","):
                simple = _SIMPLE_SELECTOR_RE.fullmatch(selector.strip())
                if simple:
                    hidden.add((simple.group(1), simple.group(2)))
        elif display:
            shown.update(_SELECTOR_NAMES_RE.findall(selectors))
    classes = frozenset(name for kind, name in hidden if kind == "." and name not in shown)
    ids = frozenset(name for kind, name in hidden if kind == "#" and name not in shown)
    return classes, ids


def _top_level_rules(css: str) -> list[tuple[str, str]]:
    """(selectors, declarations) of every rule outside at-rule blocks; comments dropped."""
    css = _CSS_COMMENT_RE.sub(" ", css)
    rules = []
    depth, start, selectors = 0, 0, ""
    for brace in _BRACE_RE.finditer(css):
        if brace.group(0) == "{":
            if depth == 0:
                selectors, start = css[start : brace.start()], brace.end()
            depth += 1
        else:
            depth = max(0, depth - 1)
            if depth == 0:
                if not selectors.lstrip().startswith("@"):
                    rules.append((selectors, css[start : brace.start()]))
                start = brace.end()
    return rules


_CSS_COMMENT_RE = re.compile(r"/\*.*?\*/", re.DOTALL)
_BRACE_RE = re.compile(r"[{}]")


def in_chrome(element: HtmlTree, title: HtmlTree | None = None) -> bool:
    """Inside site chrome: nav, aside, sidebars, comments, share bars, cookie banners, and a header or
    footer that belongs to the site rather than to the article (one inside <main>/<article> or the
    header that holds the page's H1 is the article's own)."""
    inside_content = any(
        _tag(a) in _CONTENT_TAGS or (a.get("role") or "").lower() == "main" for a in element.iterancestors()
    )
    for node in (element, *element.iterancestors()):
        tag = _tag(node)
        role = (node.get("role") or "").lower()
        # <aside class="post-meta"> inside the <article> is the post's own name and date column
        own_meta = tag == "aside" and _ARTICLE_META_RE.search(node.get("class") or "") and _in_article(node)
        if (tag in _CHROME_TAGS or role in _CHROME_ROLES) and not own_meta:
            return True
        if tag in ("header", "footer") or role == "banner":
            holds_title = title is not None and (node is title or any(a is node for a in title.iterancestors()))
            if not inside_content and not holds_title:
                return True
        if tag != "body" and CHROME_TOKEN_RE.search(_tokens(node)):
            holds_title = title is not None and any(a is node for a in title.iterancestors())
            if not holds_title:
                return True
    return False


_ARTICLE_META_RE = re.compile(r"(?:^|[\s_-])meta(?:$|[\s_-])", re.IGNORECASE)


def _in_article(node: HtmlTree) -> bool:
    return any(_tag(a) == "article" for a in node.iterancestors())


# the site's name set as a heading in the header: "<h1 class="brand-title">", "<div class="site-branding"><h1>"
_BRAND_CLASS_RE = re.compile(r"(?:^|[\s_-])(?:brand|site[_-]?(?:title|name|branding)|logo)(?:$|[\s_-])", re.I)
_HEADINGS = etree.XPath("//body//*[self::h1 or self::h2]")
_TITLE_CLASS_RE = re.compile(r"(?:^|[\s_-])(?:post|entry|article|page)[_-]?title(?:$|[\s_-])", re.IGNORECASE)


def _parent_class(element: HtmlTree) -> str:
    parent = element.getparent()
    return (parent.get("class") or "") if parent is not None else ""


def _find_title(tree: HtmlTree) -> HtmlTree | None:
    """The page's own title: the first visible H1 outside site chrome (a logo H1 in the header is not);
    on templates without an H1 (titles set as <h2 class="post-title">), the first such H2; below a logo or
    brand H1, an H2 marked as the post's title that comes before any H1 of the content."""
    first_h1, first_h2, below_logo = None, None, False
    for heading in _HEADINGS(tree):
        if is_hidden(heading) or not (heading.text_content() or "").strip():
            continue
        own = not in_chrome(heading, heading) or any(_tag(a) in _CONTENT_TAGS for a in heading.iterancestors())
        own = own and not _BRAND_CLASS_RE.search(f"{heading.get('class') or ''} {_parent_class(heading)}")
        if _tag(heading) == "h1":
            if own:
                return heading
            first_h1, below_logo = first_h1 if first_h1 is not None else heading, True
        elif own and below_logo and _TITLE_CLASS_RE.search(heading.get("class") or ""):
            return heading
        elif own and first_h2 is None:
            first_h2 = heading
    return first_h1 if first_h1 is not None else first_h2


# The title and the number of top-level <article>s of the last tree asked: every extractor of a page
# asks (bylines, dates, byline lines, the header window), and the answer never changes for one tree.
# One entry, holding the root, so an id is never reused while cached.
_LAST_TREE: list[tuple[HtmlTree, HtmlTree | None, int]] = []


def _page_facts(element: HtmlTree) -> tuple[HtmlTree, HtmlTree | None, int]:
    root = element.getroottree().getroot()
    if _LAST_TREE and _LAST_TREE[0][0] is root:
        return _LAST_TREE[0]
    facts = (root, _find_title(root), len(root.xpath("//body//article[not(ancestor::article)]")))
    _LAST_TREE[:] = [facts]
    return facts


def page_title_element(tree: HtmlTree) -> HtmlTree | None:
    """The page's own title: the first visible H1 outside site chrome (a logo H1 in the header is not);
    on templates without an H1 (titles set as <h2 class="post-title">), the first such H2."""
    return _page_facts(tree)[1]


def in_teaser(element: HtmlTree, title: HtmlTree | None) -> bool:
    """Inside one of several <article>s that is not the page's own (a listing's teaser, a related post).
    A page with a single <article> owns it, wherever its H1 stands; so does the <article> that holds
    most of the page's text (templates that put the title in one <article> and the body in another)."""
    for node in element.iterancestors():
        if _tag(node) == "article":
            if title is not None and any(a is node for a in title.iterancestors()):
                return False
            return _page_facts(node)[2] > 1 and not _holds_most_text(node)
    return False


MOST_TEXT_SHARE = 0.5  # a teaser is short: an <article> with more than half the body's words is the page's


def _holds_most_text(article: HtmlTree) -> bool:
    cached = _ARTICLE_SHARE.get(article)
    if cached is None:
        body = article.getroottree().getroot().find("body")
        total = len(body.text_content().split()) if body is not None else 0
        cached = total > 0 and len(article.text_content().split()) > MOST_TEXT_SHARE * total
        if len(_ARTICLE_SHARE) > 1000:
            _ARTICLE_SHARE.clear()
        _ARTICLE_SHARE[article] = cached
    return cached


# per <article> element (lxml elements hash by identity; cleared before it grows large)
_ARTICLE_SHARE: dict[HtmlTree, bool] = {}


# the heading over teasers of other pages: "Recommended For You", "Related posts", "Ähnliche Beiträge"
RELATED_HEADING_RE = re.compile(
    r"recommended|related|you (?:may|might) also|read next|more (?:posts|articles|stories)|ähnliche|"
    r"weitere (?:beiträge|artikel|news|meldungen)|das könnte|auch interessant|lesen sie auch|mehr zum thema",
    re.IGNORECASE,
)
_HEADING_BEFORE = etree.XPath("preceding::*[self::h2 or self::h3 or self::h4 or self::h5][1]")


def after_related_heading(element: HtmlTree) -> bool:
    """Under a "Recommended For You" / "Ähnliche Beiträge" heading: the cards there are other pages'
    teasers (with their own "Posted …" dates), even where no class or <article> marks them. Walks the
    document backwards: ask it only of the few candidate elements of a page."""
    before = _HEADING_BEFORE(element)
    return (
        bool(before)
        and len(before[0].text_content().split()) <= 6
        and bool(RELATED_HEADING_RE.search(before[0].text_content()))
    )


def not_own_content(element: HtmlTree, title: HtmlTree | None) -> bool:
    """Hidden, in site chrome or in another page's teaser: nothing here is the page's own."""
    return is_hidden(element) or in_chrome(element, title) or in_teaser(element, title)
