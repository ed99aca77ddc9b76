"""The cheaper paths of the extraction (issue 19, fifth stop) find what the plain definitions find: texts
read innermost first (short_texts), the framework root and animated counters through the attribute
axis, bylines with each element's text read once, and the crawl's Scrapy settings."""

from __future__ import annotations

import pytest
from lxml import etree

from spiders import settings
from spiders.document import parse_html, short_texts
from spiders.extract_byline import _text as byline_text
from spiders.extract_byline import extract_bylines
from spiders.extract_evidence import (
    _BYLINE_ELEMENTS,
    COUNTER_ATTRIBUTES,
    MAX_BYLINE_LINE,
    _text,
    extract_byline_lines,
    show_counter_values,
)
from spiders.render_hints import APP_ROOT_IDS, app_root

# Written for these tests: nested containers around short lines, a long paragraph holding a short
# inline line, text in scripts, a line exactly at the limit, bylines in German and English.
ARTICLE = """<html><head><title>Ein Bericht | Beispielseite</title></head><body>
<div class="page"><div class="wrap">
<header><span>Menü</span></header>
<main><article>
<h1>Wie der Bach wieder sauber wurde</h1>
<p class="byline">Von <a href="/autor/jana-beispiel/" rel="author">Jana Beispiel</a> · 3. Mai 2024</p>
<div><span>By Tom Example</span><script>var by = "By Nobody Here";</script></div>
<p>{long} <em>Von Max Muster</em> {long}</p>
<p>{exact}</p>
<div><div><p>Text von Lea Teichmann</p></div></div>
<p>Lea Teichmann für BEISPIEL</p>
</article></main>
</div></div></body></html>"""
LONG = "Der Bach führte im Sommer wenig Wasser, und die Messungen zeigten deutlich mehr Nitrat als erwartet."


def _article() -> str:
    exact = ("Von A " + "x" * MAX_BYLINE_LINE)[:MAX_BYLINE_LINE]
    return ARTICLE.replace("{long}", LONG).replace("{exact}", exact)


def _plain_short_texts(elements: list, text_of, limit: int) -> dict:
    return {e: t for e in elements for t in [text_of(e)] if len(t) <= limit}


@pytest.mark.parametrize("limit", [0, 5, 20, MAX_BYLINE_LINE, 400, 10_000])
def test_short_texts_is_every_text_within_the_limit(limit: int) -> None:
    tree = parse_html(_article())
    elements = _BYLINE_ELEMENTS(tree)
    fast = short_texts(elements, _text, limit)
    assert list(fast.items()) == list(_plain_short_texts(elements, _text, limit).items())


def test_short_texts_never_reads_a_container_of_a_long_text() -> None:
    tree = parse_html(_article())
    elements = _BYLINE_ELEMENTS(tree)
    read = []

    def counting(element: etree._Element) -> str:
        read.append(element)
        return byline_text(element)

    short_texts(elements, counting, MAX_BYLINE_LINE)
    assert len(read) == len(set(read)) < len(elements)
    assert not any(e.get("class") == "page" for e in read)  # the page's outer container


def test_byline_lines_and_bylines_on_the_fixture() -> None:
    tree = parse_html(_article())
    lines = extract_byline_lines(tree)
    assert lines[0].startswith("Von Jana Beispiel")
    assert "By Tom Example" in lines
    names = [signal.name for signal in extract_bylines(tree, "http://example.org/bericht/")]
    assert names[0] == "Jana Beispiel"


def _plain_app_root(tree: etree._Element) -> str | None:
    pred = " or ".join(f"@id='{i}'" for i in APP_ROOT_IDS) + " or @ng-version or @data-reactroot or self::app-root"
    found = tree.xpath(f"//body//*[{pred}][1]")
    return etree.tostring(found[0]).decode() if found else None


@pytest.mark.parametrize(
    "body",
    [
        '<div id="app"></div>',
        '<section><p id="root">x</p></section><div id="app"></div>',
        '<div data-reactroot=""><span id="__next"></span></div>',
        "<app-root ng-version='17'></app-root>",
        '<div id="application"></div><div id="Root"></div>',  # near misses: no root
        '<div id="main"><div><div ng-version="16.2"></div></div></div><div id="svelte"></div>',
        "<p>no framework</p>",
    ],
)
def test_app_root_is_the_first_root_in_document_order(body: str) -> None:
    for page in (f"<html><body>{body}</body></html>", f'<html><body id="app">{body}</body></html>'):
        tree = parse_html(page)
        plain = _plain_app_root(tree)
        ours = app_root(tree)
        if plain is None:
            assert ours is None
        else:
            assert ours is not None and plain.startswith(ours.rstrip(">"))


def test_counters_are_the_leaves_with_a_counter_attribute() -> None:
    page = (
        '<html><body data-count="9"><div data-to="5"><h2 class="n" data-count="230">0</h2></div>'
        '<span data-purecounter-end="1.500"></span><span data-foo="3">0</span><p data-start="1" data-end="7">0</p>'
        '<b data-value="12" data-counter="x"> 0 </b><i data-final="4">vier</i></body></html>'
    )
    tree = parse_html(page)
    pred = " or ".join(f"@{name}" for name in COUNTER_ATTRIBUTES)
    plain = tree.xpath(f"//body//*[not(*)][{pred}]")
    assert [e.tag for e in plain] == ["h2", "span", "p", "b", "i"]
    assert show_counter_values(tree) == 3
    assert [e.text for e in plain] == ["230", "1.500", "0", "12", "vier"]


def test_unused_scrapy_components_are_off_and_what_the_spider_needs_is_on() -> None:
    off = settings.SPIDER_MIDDLEWARES | settings.DOWNLOADER_MIDDLEWARES
    for path in (
        "scrapy.spidermiddlewares.depth.DepthMiddleware",
        "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware",
        "scrapy.downloadermiddlewares.stats.DownloaderStats",
        "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware",
    ):
        assert off[path] is None
    assert settings.STATS_CLASS.endswith("DummyStatsCollector")
    # the spider limits URL length itself, more strictly than the middleware it replaces
    assert settings.GEO_MAX_URL_LENGTH <= 2083
    assert "scrapy.spidermiddlewares.referer.RefererMiddleware" not in off


# Written for these tests: attributes on the body itself and outside it, empty and repeated values,
# elements that the candidates leave out (links, templates, blockquotes).
ATTRIBUTES = """<html itemtype="https://schema.org/Person"><head><link href="/x.css"></head>
<body class="home" role="main" data-href="/body/"><div class="" id="a">
<div itemscope itemtype="https://schema.org/Review"><span itemtype="http://schema.org/Person ">P</span></div>
<section typeof="foaf:Person Person"><h1 class="t">Titel</h1></section>
<main class="m"><p class="pull-quote">„Ein Satz."</p><blockquote class="q"><p class="x">zitiert</p></blockquote>
<q class="inline">kurz</q><button data-url="/b/" onclick="location.href='/c/'">B</button>
<a href="/d/" class="link">D</a><span to="/e/">E</span><template><div data-link="/f/">F</div></template>
<div role="main"><span data-link="/g/" data-href="/h/">G</span></div></main></div></body></html>"""

PLAIN_AND_OURS = [
    ("//body//*[@class]", "spiders.extract_evidence", "_BODY_CLASSED"),
    ('//body//*[contains(@itemtype, "schema.org/Review")]', "spiders.extract_evidence", "_REVIEW_MICRODATA"),
    (
        '//*[@itemtype and contains(concat(" ", normalize-space(@itemtype), " "), "schema.org/Person ")]'
        ' | //*[@typeof and contains(concat(" ", normalize-space(@typeof), " "), "Person ")]',
        "spiders.extract_evidence",
        "_PERSON_MARKUP",
    ),
    (
        "//body//*[@href or @to or @data-href or @data-url or @data-link or @onclick]"
        "[not(self::a or self::area or self::link or self::base)][not(ancestor::template or ancestor::script)]",
        "spiders.extract_script_links",
        "_CANDIDATES",
    ),
    (
        "//body//*[@class][not(self::blockquote or self::q)][not(ancestor::blockquote)]",
        "spiders.extract_quotes",
        "_PULL_CANDIDATES",
    ),
    ("//body//*[@class]", "spiders.extract_quotes", "_CLASSED"),
    ("//h1 | //main | //*[@role='main']", "spiders.link_position", "_HOLDERS"),
    (
        '//body//a[contains(concat(" ", normalize-space(@rel), " "), " author ")] | //body//*[@itemprop="author"]'
        " | //body//*[@class] | //body//a[@href]",
        "spiders.extract_byline",
        "_AUTHOR_MARKUP",
    ),
]


@pytest.mark.parametrize(("plain", "module", "name"), PLAIN_AND_OURS)
def test_attribute_axis_queries_find_the_plain_querys_elements(plain: str, module: str, name: str) -> None:
    ours = getattr(__import__(module, fromlist=[name]), name)
    for page in (ATTRIBUTES, _article()):
        tree = parse_html(page)
        expected = tree.xpath(plain)
        assert ours(tree) == expected
    assert parse_html(ATTRIBUTES).xpath(plain)  # the fixture holds some of each
