"""Page types of classes first met on unseen sites (held-out 18-20 of bench/realworld), with invented
HTML of our own, German and English, run through the crawler's own extraction:

- a category index inside an editorial section (/blog/berichte/) whose teasers are a date, a title
  that is no link, an excerpt and "Mehr lesen": a listing, not a post of the section;
- a WordPress page whose content is the post loop (titles, date lines, excerpts ending in a "[…]"
  link): a listing, although its first teaser's date stands by the first title;
- a dated, long page deep in a topic tree (/themen/x/laender/nl/): an article, while /themen/x/ and
  nested categories (/category/a/b/c/) stay listings;
- the pages of a bare /ueber/ section (/ueber/vorhaben/) are about the organisation;
- a glossary entry (/wissen/glossar/x/) with a JSON-LD BlogPosting but no visible date or author: help;
- a method card whose only date is the JSON-LD datePublished that a static-site generator stamps on
  every item at build time (the same instant on many pages): help, not an article;
- a top-level page about the site's own product, named with the site's name ("/werkstattnetz-kiste/"
  on "... | Werkstattnetz"), undated and unsigned: a landing page.
"""

from __future__ import annotations

from scoring.core.records import PageRecord
from scoring.pagetypes import classify, site_template, stamped_article_types
from tests.factories import html_page

LOREM_DE = (
    "Im Quartier treffen sich jeden Monat Nachbarinnen und Nachbarn, um gemeinsam Geräte zu reparieren. "
    "Dabei lernen alle voneinander, und manches Radio spielt danach wieder. "
)


def _html(body: str, title: str, head: str = "") -> str:
    return (
        f"<!doctype html><html lang='de'><head><meta charset='utf-8'><title>{title} | Werkstattnetz</title>"
        f"{head}</head><body><header><nav><a href='/'>Start</a> <a href='/blog/'>Blog</a></nav></header>"
        f"<main>{body}</main><footer><p>Werkstattnetz</p></footer></body></html>"
    )


def _category_index() -> PageRecord:
    teasers = "".join(
        f"<div class='teaser'><p>{day:02d}.03.2024</p><h4>Reparaturabend Nummer {day} im Quartier</h4>"
        f"<p>{LOREM_DE}</p><a href='/blog/berichte/abend-{day}/'>Mehr lesen</a></div>"
        for day in range(1, 7)
    )
    body = (
        "<h1>Berichte</h1><p>Hier sammeln wir Berichte von unseren Treffen und was andere über uns schreiben.</p>"
        f"<h2>Ältere Einträge</h2>{teasers}"
    )
    return html_page("blog/berichte/", _html(body, "Berichte"))


def test_category_index_with_read_more_teasers_is_a_listing() -> None:
    found = classify(_category_index())
    assert found.kind == "listing", found


def _post_loop() -> PageRecord:
    items = "".join(
        f"<article><h1 class='entry-title'><a href='/index.html%3Fp={n}.html'>Volunteers open workshop {n}</a></h1>"
        f"<div class='entry-meta'>Posted on <time class='entry-date published' datetime='2019-0{n}-0{n}'>"
        f"{month} {n}, 2019</time></div><div class='entry-summary'><p>The volunteers of the neighbourhood "
        f"workshop met again to fix lamps, radios and bicycles for their neighbours, and they "
        f"<a href='/index.html%3Fp={n}.html'>[…]</a></p></div></article>"
        for n, month in zip(range(1, 8), ["January", "February", "March", "April", "May", "June", "July"], strict=True)
    )
    html = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>news | Workshop Network</title></head>"
        f"<body><header><nav><a href='/'>Home</a></nav></header><main id='main'>{items}"
        "<nav class='navigation'><a href='/news/page/2/'>Older posts</a></nav></main>"
        "<footer><p>Workshop Network</p></footer></body></html>"
    )
    return html_page("index.html%3Fp=3.html", html, lang="en")


def test_post_loop_page_with_excerpt_links_is_a_listing() -> None:
    found = classify(_post_loop())
    assert found.kind == "listing", found


def _topic_page(path: str) -> PageRecord:
    text = "".join(f"<p>{LOREM_DE * 2}</p>" for _ in range(8))
    body = (
        "<article><header><h1>Niederlande</h1><div class='meta'><time datetime='2025-03-04'>4. März 2025</time>"
        f" · 400 Wörter</div></header><div class='article-content'><h2>Die Speicherregeln</h2>{text}</div></article>"
    )
    head = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article",'
        '"headline":"Niederlande","datePublished":"2025-03-04T00:00:00+00:00"}</script>'
    )
    return html_page(path, _html(body, "Niederlande", head))


def test_dated_page_deep_in_a_topic_tree_is_an_article() -> None:
    assert classify(_topic_page("themen/speicher/laender/nl/")).kind == "article"


def test_topic_index_and_nested_categories_stay_listings() -> None:
    assert classify(_topic_page("themen/speicher/")).kind == "listing"
    assert classify(_topic_page("category/technik/radios/roehren/")).kind == "listing"


def test_pages_of_a_bare_ueber_section_are_about() -> None:
    body = (
        "<h1>Das Vorhaben</h1><p>Das Werkstattnetz verbindet Reparaturinitiativen in der Region.</p>"
        "<h2>Team</h2><p>Im Team arbeiten Fachleute aus Handwerk, Pädagogik und Informatik.</p>"
        "<h2>Förderung</h2><p>Das Vorhaben wird von einer Stiftung gefördert.</p>"
    )
    found = classify(html_page("ueber/vorhaben/", _html(body, "Das Vorhaben")))
    assert found.kind == "about", found


def _generated(path: str, body: str, title: str, stamp: str = "2024-02-11T09:41:27+00:00") -> PageRecord:
    head = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting",'
        f'"headline":"{title}","datePublished":"{stamp}","dateModified":"{stamp}"}}</script>'
        f"<meta property='article:published_time' content='{stamp}'>"
    )
    return html_page(path, _html(body, title, head))


def test_glossary_entry_with_blogposting_markup_is_help() -> None:
    body = (
        "<h1>Resilienz</h1><p>Resilienz heißt, dass ein Mensch oder ein System Störungen gut übersteht.</p>"
        f"<h2>Beschreibung</h2><p>{LOREM_DE * 3}</p><h2>Quellen</h2><p>Eine Fachzeitschrift, 2020.</p>"
    )
    found = classify(_generated("wissen/glossar/resilienz/", body, "Resilienz"))
    assert found.kind == "help", found


def _method_card(slug: str) -> PageRecord:
    body = (
        f"<h1>Methode {slug}</h1><p>Mit dieser Methode erkunden Jugendliche gemeinsam einen Ablauf im Alltag.</p>"
        f"<h2>Beschreibung</h2><p>{LOREM_DE * 2}</p><h2>Vorbereitung</h2><p>Karten und Stifte bereitlegen.</p>"
        f"<h2>Durchführung</h2><p>{LOREM_DE * 2}</p><h2>Nachbereitung</h2><p>Ergebnisse gemeinsam sichern.</p>"
    )
    return _generated(f"werkzeuge/methoden/{slug}/", body, f"Methode {slug}")


def test_method_card_dated_only_by_the_build_time_is_help() -> None:
    cards = [_method_card(slug) for slug in ("kartenspiel", "fotosafari", "stadtplan", "zeitstrahl", "wunschbox")]
    with site_template(stamped_article_types(cards)):
        found = classify(cards[0])
    assert found.kind == "help", found


def test_a_post_with_its_own_markup_date_stays_an_article() -> None:
    """A post dated by its author (its own day, not a shared build instant) is still an article."""
    body = f"<h1>Unser Sommerfest</h1><p>{LOREM_DE * 8}</p><h2>Rückblick</h2><p>{LOREM_DE * 6}</p>"
    post = _generated("blog/berichte/sommerfest/", body, "Unser Sommerfest", stamp="2023-07-02T00:00:00+00:00")
    cards = [_method_card(slug) for slug in ("kartenspiel", "fotosafari", "stadtplan", "zeitstrahl", "wunschbox")]
    with site_template(stamped_article_types([post, *cards])):
        assert classify(post).kind == "article"


def _kit(slug: str, name: str) -> PageRecord:
    body = (
        f"<h1>Was ist die {name}?</h1><p>Die {name} ist eine mobile Werkstatt zum Ausprobieren und Reparieren.</p>"
        f"<h2>Was drin ist</h2><p>{LOREM_DE * 3}</p>"
        "<h2>Ausleihen</h2><p>Schreiben Sie uns, wenn Sie sie nutzen möchten.</p>"
    )
    return html_page(f"{slug}/", _html(body, f"Was ist die {name}?"))


def test_the_sites_own_product_named_with_its_name_is_a_landing_page() -> None:
    found = classify(_kit("werkstattnetz-kiste", "Werkstattnetz-Kiste"))
    assert found.kind == "landing", found
    assert classify(_kit("reparatur-kiste", "Reparatur-Kiste")).kind != "landing"
