"""Where an element sits in a page template: hidden, page chrome, a teaser of another page.

Real templates put names, dates and links in many places that are not the page's own content: a
tagline in the site header, a sidebar "about me" box, the names and dates of comments, the teasers
of a listing, a byline hidden with `display:none`. These pure predicates let every detector (bylines,
quotes, citations) leave those places out the same way.
"""

from __future__ import annotations

import re

import lxml.html

HtmlTree = lxml.html.HtmlElement

# class/id tokens of template regions that are never the page's own content
CHROME_TOKEN_RE = re.compile(
    r"(?:^|[\s_-])(?:sidebar|side-bar|widgets?|widget-area|comments?|commentlist|comment-list|comment-respond|"
    r"respond|reply|related|related-posts?|yarpp|share|sharing|social-share|shariff|cookie|cookies|consent|"
    r"breadcrumbs?|navbar|site-header|site-footer|masthead|menu|newsletter|subscribe)(?:$|[\s_-])",
    re.IGNORECASE,
)
HIDDEN_CLASS_RE = re.compile(
    r"(?:^|\s)(?:hidden|d-none|sr-only|screen-reader-text|visually-hidden|visuallyhidden|hide)(?:$|\s)", re.I
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
    """Hidden from readers by the markup itself: `hidden`, inline `display:none`, a hiding class."""
    for node in (element, *element.iterancestors()):
        if node.get("hidden") is not None or _HIDDEN_STYLE_RE.search(node.get("style") or ""):
            return True
        if HIDDEN_CLASS_RE.search(node.get("class") or ""):
            return True
    return False


def in_chrome(element: HtmlTree, title: HtmlTree | None = None) -> bool:
    """Inside site chrome: nav, aside, sidebars, comments, share bars, cookie banners, and a header or
    footer that belongs to the site rather than to the article (one inside <main>/<article> or the
    header that holds the page's H1 is the article's own)."""
    inside_content = any(_tag(a) in _CONTENT_TAGS or (a.get("role") or "").lower() == "main"
                         for a in element.iterancestors())
    for node in (element, *element.iterancestors()):
        tag = _tag(node)
        role = (node.get("role") or "").lower()
        if tag in _CHROME_TAGS or role in _CHROME_ROLES:
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


def _find_title(tree: HtmlTree) -> HtmlTree | None:
    """The page's own title: the first visible H1 outside site chrome (a logo H1 in the header is not);
    on templates without an H1 (titles set as <h2 class="post-title">), the first such H2."""
    for level in ("h1", "h2"):
        headings = [h for h in tree.xpath(f"//body//{level}") if not is_hidden(h) and (h.text_content() or "").strip()]
        for heading in headings:
            if not in_chrome(heading, heading) or any(_tag(a) in _CONTENT_TAGS for a in heading.iterancestors()):
                return heading
        if headings and level == "h1":
            return headings[0]
    return None


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


def not_own_content(element: HtmlTree, title: HtmlTree | None) -> bool:
    """Hidden, in site chrome or in another page's teaser: nothing here is the page's own."""
    return is_hidden(element) or in_chrome(element, title) or in_teaser(element, title)
