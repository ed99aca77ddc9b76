"""Extractor unit tests on fixture HTML written for these tests (German and English)."""

from __future__ import annotations

import pytest

from spiders import extract as ex

PAGE = "https://www.tischlerei-beispiel.example/ratgeber/eichenholz/"
HOST = "www.tischlerei-beispiel.example"

ARTICLE_DE = """<!doctype html>
<html lang="de-DE">
<head>
  <meta charset="utf-8">
  <title>  Eichenholz richtig trocknen – Ratgeber der Tischlerei Brandt </title>
  <meta name="description" content="Warum wir Eiche zwei Winter lang im Freien lagern.">
  <meta name="robots" content="index, follow, max-snippet:-1">
  <link rel="canonical" href="/ratgeber/eichenholz/?utm_source=x#top">
  <link rel="alternate" hreflang="en" href="https://www.tischlerei-beispiel.example/en/oak/">
  <meta name="author" content="Tischlerei Brandt">
  <script type="application/ld+json">
  {"@context": "https://schema.org", "@graph": [
    {"@type": "BlogPosting", "headline": "Eichenholz richtig trocknen",
     "datePublished": "2025-03-14T08:00:00+01:00", "dateModified": "2025-06-02",
     "author": {"@id": "#anna"}},
    {"@type": "Person", "@id": "#anna", "name": "Anna Brandt", "jobTitle": "Tischlermeisterin"}
  ]}
  </script>
  <script type="application/ld+json">{ this is not json </script>
</head>
<body>
<header><a href="/"><img src="/logo.svg" alt="Tischlerei Brandt"></a>
  <nav><ul><li><a href="/leistungen/">Leistungen</a></li><li><a href="/ratgeber/">Ratgeber</a></li></ul></nav>
</header>
<main>
<article>
  <h1>Eichenholz richtig trocknen</h1>
  <p class="byline">Von <a rel="author" href="/team/anna-brandt/">Anna Brandt</a>,
     Tischlermeisterin · <time datetime="2025-03-14">14. März 2025</time></p>
  <p>Frisch geschnittene Eiche enthält viel Wasser. Wir lagern die Bohlen deshalb zwei Winter lang
     unter einem offenen Dach, bevor sie in die Werkstatt kommen.</p>
  <h2>Warum langsam trocknen?</h2>
  <p>Laut <a href="https://www.thuenen.de/de/holz">Thünen-Institut</a> reißt Holz, das zu schnell
     trocknet, an den Enden. Mehr dazu <a href="#faq">unten</a> und <a href="mailto:info@x.example">per Mail</a>.</p>
  <blockquote><p>Geduld ist das billigste Werkzeug in der Werkstatt.</p>
    <footer>— <cite>Anna Brandt, Tischlermeisterin</cite></footer></blockquote>
  <p>Unser Motto: <q>Erst messen, dann sägen.</q></p>
  <h4>Feuchte messen</h4>
  <ul><li>Messgerät</li><li>Protokoll</li></ul>
  <table><tr><th>Stärke</th><th>Jahre</th></tr><tr><td>27 mm</td><td>1</td></tr></table>
  <figure><img src="bilder/stapel.jpg" alt="Gestapelte Eichenbohlen mit Stapelleisten" width="800" height="600px">
    <figcaption>Unser Holzlager</figcaption></figure>
  <img src="data:image/gif;base64,R0lGOD" alt="">
  <img src="/bilder/deko.png">
  <iframe src="https://www.youtube-nocookie.com/embed/xyz"></iframe>
  <audio src="/podcast/folge-3.mp3"></audio>
  <iframe src="https://karte.example/embed"></iframe>
  <p>Weiter zur <a href="/leistungen/moebel" rel="nofollow">Möbelseite</a> oder zum
     <a href="https://www.partner-holz.example/shop" rel="sponsored nofollow">Holzhandel</a>.</p>
  <p><a href="/ratgeber/"><img src="/icons/pfeil.svg" alt="Zurück zum Ratgeber"></a></p>
</article>
<aside><a href="/ratgeber/leim/">Leime im Vergleich</a></aside>
</main>
<footer><nav><a href="/impressum/">Impressum</a></nav><a href="/datenschutz/">Datenschutz</a>
  <h2>Newsletter</h2></footer>
</body></html>
"""


@pytest.fixture(scope="module")
def tree():
    return ex.parse_html(ARTICLE_DE)


def internal(url: str) -> bool:
    return url.split("/")[2] == HOST


def test_head_fields(tree):
    assert ex.extract_title(tree) == "Eichenholz richtig trocknen – Ratgeber der Tischlerei Brandt"
    assert ex.extract_meta_description(tree) == "Warum wir Eiche zwei Winter lang im Freien lagern."
    assert ex.extract_robots_meta(tree) == "index, follow, max-snippet:-1"
    assert ex.extract_lang(tree) == "de"
    # relative canonical resolved; fragment dropped; query kept (canonical form)
    assert (
        ex.extract_canonical(tree, PAGE) == "https://www.tischlerei-beispiel.example/ratgeber/eichenholz/?utm_source=x"
    )
    assert [(h.lang, h.url) for h in ex.extract_hreflang(tree, PAGE)] == [
        ("en", "https://www.tischlerei-beispiel.example/en/oak/")
    ]


def test_headings_in_order_without_footer(tree):
    headings = [(h.level, h.text) for h in ex.extract_headings(tree)]
    assert headings == [(1, "Eichenholz richtig trocknen"), (2, "Warum langsam trocknen?"), (4, "Feuchte messen")]


def test_links_have_anchor_rel_position_and_internal_flag(tree):
    links = ex.extract_links(tree, PAGE, internal)
    by_anchor = {link.anchor: link for link in links}
    assert by_anchor["Leistungen"].position == "nav"
    assert by_anchor["Anna Brandt"].position == "content"
    assert by_anchor["Anna Brandt"].rel == ["author"]
    assert by_anchor["Leime im Vergleich"].position == "aside"
    assert by_anchor["Impressum"].position == "nav"  # a nav inside the footer is navigation
    assert by_anchor["Datenschutz"].position == "footer"
    assert by_anchor["Thünen-Institut"].internal is False
    assert by_anchor["Holzhandel"].rel == ["nofollow", "sponsored"]
    assert by_anchor["Möbelseite"].url == "https://www.tischlerei-beispiel.example/leistungen/moebel"
    assert by_anchor["Zurück zum Ratgeber"].internal is True  # image link: alt text as anchor
    assert by_anchor["Tischlerei Brandt"].position == "header"
    # mailto: and same-page fragments are not links to pages
    assert not any(link.url.startswith("mailto:") for link in links)
    assert "unten" not in by_anchor


def test_structured_data_flattens_graph_and_skips_invalid_blocks(tree):
    items = ex.extract_jsonld(tree, PAGE)
    assert [item["@type"] for item in items] == ["BlogPosting", "Person"]


def test_author_signals_visible_and_schema(tree):
    signals = ex.extract_author_signals(tree, PAGE, ex.extract_jsonld(tree, PAGE))
    found = {(s.source, s.name, s.visible) for s in signals}
    # rel=author link, .byline element and "Von ..." text are one visible byline (spiders.extract_byline)
    assert [(s.source, s.name) for s in signals if s.visible] == [("byline", "Anna Brandt")]
    assert ("json-ld", "Anna Brandt", False) in found  # resolved through the @id reference
    assert ("meta", "Tischlerei Brandt", False) in found
    byline = next(s for s in signals if s.source == "byline")
    assert byline.url == "https://www.tischlerei-beispiel.example/team/anna-brandt/"


def test_dates_prefer_jsonld(tree):
    dates = ex.extract_dates(tree, ex.extract_jsonld(tree, PAGE))
    assert (dates.published, dates.published_source) == ("2025-03-14", "json-ld")
    assert (dates.modified, dates.modified_source) == ("2025-06-02", "json-ld")


def test_dates_from_time_element_and_htmldate():
    with_time = ex.parse_html('<html><body><p><time datetime="2024-10-03">3. Oktober 2024</time></p></body></html>')
    assert ex.extract_dates(with_time, []).published_source == "time-element"
    text_only = ex.parse_html(
        "<html><head><title>x</title></head><body><p>Veröffentlicht am 2023-05-17 von der Redaktion.</p></body></html>"
    )
    dates = ex.extract_dates(text_only, [])
    assert (dates.published, dates.published_source) == ("2023-05-17", "htmldate")
    assert ex.extract_dates(text_only, [], use_htmldate=False).published is None


def test_quotes_with_and_without_attribution(tree):
    quotes = ex.extract_quotes(tree)  # spiders.extract_quotes, re-exported
    assert quotes[0].text == "Geduld ist das billigste Werkzeug in der Werkstatt."
    assert quotes[0].cite == "Anna Brandt, Tischlermeisterin"
    assert (quotes[1].text, quotes[1].cite) == ("Erst messen, dann sägen.", None)


def test_images_media_tables_lists(tree):
    images = ex.extract_images(tree, PAGE)
    assert [(i.src.rsplit("/", 1)[-1], i.alt, i.width, i.height) for i in images] == [
        ("logo.svg", "Tischlerei Brandt", None, None),
        ("stapel.jpg", "Gestapelte Eichenbohlen mit Stapelleisten", 800, 600),
        ("deko.png", None, None, None),  # alt missing is None, not ""
        ("pfeil.svg", "Zurück zum Ratgeber", None, None),
    ]
    assert images[1].src == "https://www.tischlerei-beispiel.example/ratgeber/eichenholz/bilder/stapel.jpg"
    assert [m.kind for m in ex.extract_media(tree, PAGE)] == ["video", "audio", "iframe"]
    assert ex.count_tables(tree) == 1
    assert ex.count_lists(tree) == 1  # the navigation list does not count


def test_main_text_drops_boilerplate(tree):
    fields = ex.extract_page(tree, PAGE, internal)
    assert "zwei Winter lang" in fields["main_text"]
    assert "Newsletter" not in fields["main_text"]
    assert "Leistungen" not in fields["main_text"]
    assert fields["word_count"] > 40


@pytest.mark.parametrize(
    ("html", "lang"),
    [
        ('<html lang="en-GB"><body></body></html>', "en"),
        ('<html lang="DE"><body></body></html>', "de"),
        ('<html><head><meta http-equiv="content-language" content="de-AT"></head><body></body></html>', "de"),
        ("<html><body></body></html>", None),
        ('<html lang="x-klingon-123"><body></body></html>', None),
    ],
)
def test_lang(html, lang):
    assert ex.extract_lang(ex.parse_html(html)) == lang


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Von Jana Albrecht, Geschäftsführerin", "Jana Albrecht"),
        ("By Ruth Okafor, 12 April 2025", "Ruth Okafor"),
        ("Autorin: Dr. Eva Maier-Stein", "Dr. Eva Maier-Stein"),
        ("von Montag bis Freitag geöffnet", None),
        ("Von Anfang an dabei", None),
    ],
)
def test_byline_text_pattern(text, name):
    html = f"<html><body><main><p>{text}</p><p>{'Text ' * 50}</p></main></body></html>"
    tree = ex.parse_html(html)
    found = [s.name for s in ex.extract_author_signals(tree, PAGE, []) if s.source == "byline"]
    assert found == ([name] if name else [])


def test_unparsable_and_xml_declared_documents():
    assert ex.parse_html("") is None
    declared = '<?xml version="1.0" encoding="utf-8"?><html><head><title>Ä</title></head><body></body></html>'
    assert ex.extract_title(ex.parse_html(declared)) == "Ä"


def test_absolute_http_url_refuses_other_schemes():
    assert ex.absolute_http_url("javascript:alert(1)", PAGE) is None
    assert ex.absolute_http_url("tel:+49761", PAGE) is None
    assert ex.absolute_http_url("../", PAGE) == "https://www.tischlerei-beispiel.example/ratgeber/"


# -- issue 3: decoding, binary sniffing, meta refresh, rel=next/prev, Retry-After ----------------


def test_decode_html_without_charset_falls_back_to_windows_1252():
    from spiders.extract import decode_html

    text = "Grüße – „Qualität“ für 5 €"
    assert decode_html(text.encode("cp1252"), "text/html") == text
    assert decode_html(text.encode("utf-8"), "text/html") == text
    assert decode_html(text.encode("cp1252"), "text/html; charset=ISO-8859-1") == text  # WHATWG: latin-1 = cp1252
    meta = f"<meta charset='utf-8'><p>{text}</p>".encode()
    assert text in decode_html(meta, None)


def test_looks_binary():
    from spiders.extract import looks_binary

    assert looks_binary(bytes(range(256)))
    assert not looks_binary(b"<html><p>text</p></html>")
    assert not looks_binary("<p>x</p>".encode("utf-16"))  # BOM: text


def test_meta_refresh_and_rel_links():
    from spiders.extract import extract_meta_refresh, extract_rel_links, parse_html

    tree = parse_html(
        "<head><meta http-equiv='REFRESH' content='3;URL=\"/new/\"'>"
        "<link rel='next' href='?page=2'><link rel='prev' href='/p1'></head>"
    )
    assert extract_meta_refresh(tree, "https://e.de/old/") == "https://e.de/new/"
    assert extract_rel_links(tree, "https://e.de/list") == ["https://e.de/list?page=2", "https://e.de/p1"]
    slow = parse_html("<head><meta http-equiv='refresh' content='300; url=/other'></head>")
    assert extract_meta_refresh(slow, "https://e.de/") is None  # a periodic reload, not a redirect
    self_reload = parse_html("<head><meta http-equiv='refresh' content='0'></head>")
    assert extract_meta_refresh(self_reload, "https://e.de/") is None


def test_og_url_resolved_and_normalised():
    from spiders.extract import extract_og_url, parse_html

    tree = parse_html("<head><meta property='OG:URL' content=' /artikel/?b=2&a=1#x '></head>")
    assert extract_og_url(tree, "https://e.de/x/") == "https://e.de/artikel/?a=1&b=2"  # canonical form
    by_name = parse_html("<head><meta name='og:url' content='https://www.e.de/a/'></head>")
    assert extract_og_url(by_name, "https://e.de/", normalise=lambda u: u.replace("www.", "")) == "https://e.de/a/"
    assert (
        extract_og_url(parse_html("<head><meta property='og:url' content='mailto:x@e.de'></head>"), "https://e.de/")
        is None
    )
    assert extract_og_url(parse_html("<head><title>t</title></head>"), "https://e.de/") is None


def test_retry_after_values():
    from spiders.middlewares import retry_after_seconds

    assert retry_after_seconds(b"120") == 120
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480 - 60) == 60
    assert retry_after_seconds(None) is None and retry_after_seconds(b"soon") is None


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("0; url=/neu/", (0.0, "/neu/")),
        ("5;URL='https://x.example/a'", (5.0, "https://x.example/a")),
        ('0, url = "/b/"', (0.0, "/b/")),
        ("3", None),
        ("0; url=", None),
        ("0; url='/a'b'", None),
    ],
)
def test_meta_refresh_content(content, expected):
    assert ex.parse_refresh(content) == expected


def test_meta_refresh_parsing_is_linear_on_hostile_content():
    """Issue 18: a few hundred spaces before a stray quote took the former regex 52 s and more."""
    import time

    hostile = "'" + " " * 200_000 + "''x"
    began = time.process_time()
    ex.parse_refresh(hostile)
    html = f'<html><head><meta http-equiv="refresh" content="{hostile}"></head><body></body></html>'
    ex.extract_meta_refresh(ex.parse_html(html), "https://www.beispiel.example/")
    assert time.process_time() - began < 2.0  # linear: milliseconds; the old pattern never ended


def test_a_link_with_a_broken_ipv6_literal_does_not_fail_the_page():
    """Seen on a real site: href="https://[ Vitamin B2 | URL-Linkziel tbd. ]" (urlsplit raises ValueError)."""
    from tests.factories import html_page

    record = html_page(
        "x/",
        '<html lang="de"><body><main><h1>Vitamin B2</h1><p>Text mit <a href="https://[ Vitamin B2 | tbd. ]">Link</a>'
        ' und <a href="/weiter/">weiter</a>.</p></main></body></html>',
    )
    assert record.error is None and [link.url for link in record.links if link.url.endswith("/weiter/")]


def test_decode_html_reads_the_byte_order_mark_before_any_declaration():
    from spiders.extract import decode_html

    text = "<p>Grüße – „Zitat“</p>"
    assert decode_html(b"\xef\xbb\xbf" + text.encode("utf-8"), "text/html; charset=ISO-8859-1") == text
    assert decode_html(b"\xff\xfe" + text.encode("utf-16-le"), None) == text
