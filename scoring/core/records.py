"""What the crawl produces: one `PageRecord` per URL the crawl touched, plus `SiteArtifacts`.

These are the contract between `spiders/` (which fills them) and `scoring/` (which reads them).
Bump `SCHEMA_VERSION` on any incompatible change; stored records carry the version they were
written with.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# 2: render hints (scripts, app_root, dom_shape) and the rendered view (`--render`)
# 3: validators for re-audits (etag, last_modified, content_hash, pagination); older records read as before
SCHEMA_VERSION = 3

# What counts as a word everywhere (word counts, readability): letters first, so "2025" or
# "12,5" are not words. Shared with scoring.core.text so counts always agree.
WORD_RE = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?", re.UNICODE)


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))


# PageRecord.error of a URL that robots.txt disallows for our crawler (recorded, never fetched)
BLOCKED_BY_ROBOTS = "blocked by robots.txt"

LinkPosition = Literal["nav", "header", "footer", "aside", "content"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RedirectHop(_Frozen):
    url: str
    status: int
    meta_refresh: bool = False  # the hop was a <meta http-equiv="refresh">, not a 3xx


class Heading(_Frozen):
    level: int = Field(ge=1, le=6)
    text: str


class Link(_Frozen):
    url: str  # absolute, canonicalised (fragment removed)
    anchor: str = ""  # visible text, or the alt text of a linked image
    rel: list[str] = Field(default_factory=list)
    position: LinkPosition = "content"
    internal: bool = False
    element: str | None = None  # for script_links: the element that holds it ("<x-link href>")


class Image(_Frozen):
    src: str
    alt: str | None = None  # None: attribute missing; "": explicitly decorative
    width: int | None = None
    height: int | None = None


class Media(_Frozen):
    kind: Literal["video", "audio", "iframe"]
    src: str


class Hreflang(_Frozen):
    lang: str
    url: str
    source: Literal["html", "http", "sitemap"] = "html"  # <link> in <head>, HTTP Link header, sitemap xhtml:link


class AuthorSignal(_Frozen):
    """One hint about who wrote the page. `visible` is False for markup readers never see."""

    # "byline": spiders.extract_byline (visible, placed with the content, a person); the other visible
    # sources are those of records written before it
    source: Literal["byline", "rel-author", "itemprop", "byline-class", "byline-text", "json-ld", "meta"]
    name: str
    url: str | None = None
    visible: bool = True


class Quote(_Frozen):
    """A <blockquote>/<q> element; `cite` is its attribution if the markup names one."""

    text: str
    cite: str | None = None


class Dates(_Frozen):
    published: str | None = None  # ISO 8601 date
    modified: str | None = None
    published_source: str | None = None  # json-ld | meta | time-element | hidden-meta (CSS-hidden post meta) | htmldate
    modified_source: str | None = None


class Gallery(_Frozen):
    """A gallery container (class gallery/galerie/carousel/lightbox, or a group of figures)."""

    element: str  # e.g. "div.wp-block-gallery"
    images: int = 0
    same_site: int = 0  # images hosted on the page's own site
    described: int = 0  # images with a descriptive alt text (3+ words, not a file name)


class PageExtras(_Frozen):
    """Evidence signals from the markup (spiders.extract_evidence); empty on older records."""

    visible_date: str | None = None  # ISO date written visibly near the title / in the byline area
    visible_date_text: str | None = None  # the text it was read from
    header_text: str = ""  # visible lines around the H1 (bylines, dates), outside nav and footer
    byline_lines: list[str] = Field(default_factory=list)  # short lines anywhere saying "by NAME" / "Text: NAME"
    galleries: list[Gallery] = Field(default_factory=list)
    charts: int = 0  # <svg>/<canvas> charts and images described as a chart or diagram
    numeric_tables: int = 0  # tables whose cells are mostly numbers (own data)
    interview_turns: list[str] = Field(default_factory=list)  # speaker labels of Q/A paragraphs, in order
    testimonials: int = 0  # testimonial / review elements in the markup
    person_markup: bool = False  # a schema.org Person in microdata (itemtype) or RDFa (typeof)
    post_markup: bool = False  # the title stands in what the blog engine marks as one post (spiders.extract_evidence)


class RenderedView(_Frozen):
    """The page as headless Chromium shows it after its scripts ran (`--render`, spiders.render_spider):
    the same fields the raw fetch extracts, read from the rendered DOM with the same extractors."""

    title: str | None = None
    meta_description: str | None = None
    canonical: str | None = None
    robots_meta: str | None = None
    headings: list[Heading] = Field(default_factory=list)
    main_text: str = ""
    word_count: int = 0
    links: list[Link] = Field(default_factory=list)
    script_links: list[Link] = Field(default_factory=list)  # still no <a href> after rendering
    structured_data: list[dict[str, Any]] = Field(default_factory=list)
    render_ms: float | None = None
    screenshot: str | None = None  # data: URI (JPEG) of the first screen, for the report
    error: str | None = None  # the page could not be rendered (timeout, crash): nothing else is set


class PageRecord(_Frozen):
    schema_version: int = Field(SCHEMA_VERSION, le=SCHEMA_VERSION)  # a newer record is refused, not misread
    url: str  # as requested (canonicalised)
    # Redirects are followed hop by hop and every hop is a record of its own: a 3xx record's
    # final_url is its Location target, and redirect_chain holds the hops seen before this URL.
    final_url: str | None = None
    redirect_chain: list[RedirectHop] = Field(default_factory=list)
    status: int | None = None  # None: no HTTP response (DNS, refused, timeout)
    content_type: str | None = None
    bytes: int = 0
    fetch_ms: float | None = None
    depth: int | None = 0  # link hops from the start URL; None: found only in a sitemap
    discovered_from: str | None = None  # referring URL, or "sitemap" / "start"
    error: str | None = None
    meta_refresh: str | None = None  # target of a <meta http-equiv="refresh"> the crawl followed
    # HTML only -------------------------------------------------------------------------
    canonical: str | None = None
    og_url: str | None = None  # <meta property="og:url">, absolute, in the crawl's URL space
    robots_meta: str | None = None
    x_robots_tag: str | None = None
    hreflang: list[Hreflang] = Field(default_factory=list)
    lang: str | None = None  # declared: primary subtag of <html lang>, else of the Content-Language meta ("de")
    lang_markup: str | None = None  # the declaration as written: '<html lang="en-US">' (spiders.language)
    content_language: str | None = None  # the HTTP Content-Language header as sent (a fallback declaration)
    # detected from the text (spiders.language): primary subtag of the main text's language, and the model's
    # probability for it; None: the text is too short or too mixed to tell (not measured, never a guess)
    language: str | None = None
    language_confidence: float | None = Field(default=None, ge=0, le=1)
    # share of the prose words per language, each line told on its own (shares of 0.1 and more): a page
    # in two languages, {"en": 0.6, "de": 0.4}; read only where `language` is not `lang`, else empty
    language_shares: dict[str, float] = Field(default_factory=dict)
    title: str | None = None
    meta_description: str | None = None
    headings: list[Heading] = Field(default_factory=list)
    main_text: str = ""  # boilerplate removed, paragraphs separated by "\n"
    word_count: int = 0
    structured_data: list[dict[str, Any]] = Field(default_factory=list)  # JSON-LD items
    author_signals: list[AuthorSignal] = Field(default_factory=list)
    dates: Dates = Field(default_factory=Dates)
    links: list[Link] = Field(default_factory=list)
    # links only scripts can follow (custom elements, data-href, onclick): not in the link graph, but
    # fetched and checked (spiders.extract_script_links)
    script_links: list[Link] = Field(default_factory=list)
    images: list[Image] = Field(default_factory=list)
    media: list[Media] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    tables: int = 0
    lists: int = 0
    extras: PageExtras = Field(default_factory=PageExtras)  # optional: absent on older records
    # signs of a client-rendered shell in the raw HTML (spiders.render_hints): <script> elements, the
    # framework root element if the page has one (<div id="app">), and a fingerprint of the body's
    # element skeleton (pages of one template share it: scoring.rendering groups templates by it)
    scripts: int = 0
    app_root: str | None = None
    dom_shape: str | None = None
    rendered: RenderedView | None = None  # `--render`: the page after JavaScript; None: not rendered
    # Re-audits (docs/reaudit.md): the response's validators, sent back as If-None-Match /
    # If-Modified-Since next time; `content_hash` (sha256 of the body and the headers extraction reads)
    # proves a 200 unchanged; `pagination`: rel=next/prev targets, followed again from a reused record.
    # None/empty on older records and on pages whose extraction may not repeat (it hit the page budget).
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    pagination: list[str] = Field(default_factory=list)

    @property
    def is_html(self) -> bool:
        return bool(self.content_type and "html" in self.content_type)

    @property
    def fetched_html(self) -> bool:
        """A successful HTML response: its links are part of the site's link graph."""
        return self.status is not None and 200 <= self.status < 300 and self.is_html

    @property
    def ok(self) -> bool:
        """A fetched, successful and analysed HTML page: the pages content checks look at. A page that
        came back 200 but could not be analysed (binary, unparsable, too large) carries an error."""
        return self.fetched_html and self.error is None

    @property
    def redirect_target(self) -> str | None:
        """Where a 3xx response sends the client, if this record is a redirect hop."""
        if self.status is not None and 300 <= self.status < 400 and self.final_url:
            return self.final_url
        return None

    @property
    def declared_language(self) -> str | None:
        """The language the page declares: `lang` (<html lang>, the Content-Language meta), else the
        primary subtag of the HTTP Content-Language header when it names exactly one language."""
        if self.lang:
            return self.lang
        header = (self.content_language or "").strip().lower()
        if not header or "," in header:  # "de, en": the audience's languages, no declaration of this page's
            return None
        primary = re.split(r"[-_;\s]", header)[0]
        return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None

    @property
    def robots_directives(self) -> set[str]:
        """Meta robots and X-Robots-Tag directives, lower case, merged."""
        raw = ",".join(v for v in (self.robots_meta, self.x_robots_tag) if v)
        return {d.strip().lower() for d in raw.split(",") if d.strip()}


class SitemapEntry(_Frozen):
    url: str
    lastmod: str | None = None
    sitemap: str  # the sitemap file that listed it
    alternates: list[Hreflang] = Field(default_factory=list)  # <xhtml:link rel="alternate" hreflang>


class CrawlStats(_Frozen):
    finish_reason: str = "finished"  # finished | closespider_pagecount | shutdown | ...
    limits_hit: list[str] = Field(default_factory=list)  # "max_pages", "max_depth", "timeout"
    complete: bool = True  # False when a limit cut the crawl short or it was interrupted
    pages: int = 0
    status_counts: dict[str, int] = Field(default_factory=dict)
    started: str | None = None
    finished: str | None = None
    duration_s: float | None = None
    # Re-audits (docs/reaudit.md): pages whose stored record of audit `reused_from` was reused (a 304, or
    # an unchanged body) and pages extracted anew; `extraction_key` names the extraction code and options
    # that wrote the records (only records of the same key are reused).
    reused_pages: int = 0
    extracted_pages: int = 0
    reused_from: int | None = None
    extraction_key: str | None = None


class SiteArtifacts(_Frozen):
    schema_version: int = Field(SCHEMA_VERSION, le=SCHEMA_VERSION)  # a newer record is refused, not misread
    root_url: str
    host_aliases: list[str] = Field(default_factory=list)  # hosts treated as the same site
    user_agent: str | None = None
    robots_txt: str | None = None  # raw body; None when missing
    robots_status: int | None = None
    sitemaps: list[str] = Field(default_factory=list)  # sitemap files fetched
    sitemap_entries: list[SitemapEntry] = Field(default_factory=list)
    llms_txt: str | None = None
    llms_txt_status: int | None = None
    crawl_stats: CrawlStats = Field(default_factory=CrawlStats)
