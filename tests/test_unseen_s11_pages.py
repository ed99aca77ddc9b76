"""Held-out 29 and 33 page classes, on fixtures of our own (a law firm's Jekyll blog, a WordPress theme's posts):

- A post whose theme writes date and author under the text ("- 25. July 2017 :: Name", "27. Januar 2016 |"):
  the meta line that closes the post's <article> dates it.
- Avada's microformat copies of author and dates (`rich-snippet-hidden`) are hidden from readers: no byline.
- A post with a related-posts box and a sidebar of recent posts, both outside its main text, is an article, not
  a topic hub: its teaser headings stand beside its own long text.
"""

from __future__ import annotations

import pytest

from scoring.checks.author_byline import visible_authors
from scoring.pagetypes import classify
from scoring.signals import page_signals
from tests.factories import html_page

BODY = " ".join(
    [
        "Der Senat des Gerichts hat entschieden, dass eine Klausel über Gebühren für jede Buchung unwirksam ist.",
        "Die Bank hatte für jede Nachricht mit einem Code einen festen Betrag verlangt, auch wenn der Code verfiel.",
        "Kunden können bereits gezahlte Beträge zurückfordern, wenn ihre Bedingungen diese Klausel enthalten.",
    ]
    * 8
)

RELATED = "".join(
    f'<div class="col"><div class="blog-post"><h5><a href="/blog/beitrag-{i}/">Ein anderer Beitrag über Thema {i}'
    f"</a></h5></div></div>"
    for i in range(3)
)
SIDEBAR = "".join(
    f'<a href="/blog/presse-{i}/" class="media-block"><div><img src="/logo-{i}.png"></div>'
    f"<h5>Unsere Kanzlei in der Presse Nummer {i}</h5></a>"
    for i in range(7)
)


def _law_post(meta: str) -> str:
    return f"""<html><head><title>Klausel unwirksam</title></head><body>
<header><nav><a href="/">Start</a></nav></header>
<main><div class="row"><section id="blog" class="col-md-9">
<a href="/blog">Zurück zum Blog</a>
<article class="blog-post"><h1>Klausel über Gebühren ist unwirksam</h1>
<div class="post-body"><p>{BODY}</p></div>
<div class="tags"><span>Bankrecht</span> <span>Urteil</span></div>
<small>{meta}</small>
</article>
<div><hr><h3>Das könnte Sie auch interessieren</h3>{RELATED}</div>
</section>
<section class="col-md-3"><h3>Unsere Experten in den Medien</h3>{SIDEBAR}</section></div></main>
<footer><p>Kanzlei Muster</p></footer></body></html>"""


@pytest.mark.parametrize(
    ("meta", "date"),
    [("- 25. July 2017 :: Dr. Jana Beispiel", "2017-07-25"), ("3. März 2018 | Kanzlei", "2018-03-03")],
)
def test_the_meta_line_closing_a_post_dates_it(meta: str, date: str) -> None:
    page = html_page("/blog/klausel-unwirksam/", _law_post(meta))
    assert page.extras.visible_date == date
    assert classify(page).kind == "article"
    assert page_signals(page).published == date


def test_teasers_beside_the_text_do_not_make_a_post_a_topic_hub() -> None:
    page = html_page("/blog/klausel-unwirksam/", _law_post("- 25. July 2017 :: Dr. Jana Beispiel"))
    assert classify(page).kind == "article"


def test_a_short_page_of_teasers_under_the_blog_is_still_a_hub() -> None:
    html = f"""<html><body><main><h1>Presse</h1><p>Berichte über unsere Arbeit.</p>{SIDEBAR}</main></body></html>"""
    assert classify(html_page("/blog/presse/", html)).kind == "listing"


_AVADA_POST = f"""<html lang="de"><head><title>Neues Werk eröffnet</title></head><body>
<main id="main"><section id="content">
<article class="post type-post hentry"><h1 class="entry-title">Neues Werk eröffnet</h1>
<div class="post-content"><p>{BODY}</p></div>
<div class="meta-info"><span class="vcard rich-snippet-hidden"><span class="fn">
<a href="/author/max-beispiel/" rel="author">Max Beispiel</a></span></span>
<span class="updated rich-snippet-hidden">2016-01-27T16:02:19+01:00</span><span>27. Januar 2016</span><span>|</span>
</div></article></section></main></body></html>"""


def test_avadas_hidden_microformat_author_is_no_byline_and_its_shown_date_dates_the_post() -> None:
    page = html_page("/neues-werk-eroeffnet/", _AVADA_POST)
    assert visible_authors(page) == []
    assert page.extras.visible_date == "2016-01-27"
    assert classify(page).kind == "article"


def test_a_dated_post_marked_by_its_blog_engine_is_an_article_whatever_its_slug_offers() -> None:
    html = f"""<html lang="de"><head><title>Akademie feiert Jubiläum</title>
<meta property="article:published_time" content="2017-03-07T10:00:00+01:00"></head>
<body class="post-template-default single single-post"><main><section id="content">
<article class="post type-post status-publish hentry"><h1>Zehn Jahre Weiterbildung in der Akademie</h1>
<div class="post-content"><p>{BODY}</p></div></article></section></main></body></html>"""
    page = html_page("/weiterbildung-akademie-feiert-zehnjaehriges-bestehen/", html)
    assert page.extras.post_markup
    assert classify(page).kind == "article"
    plain = html.replace("single-post", "page").replace("type-post", "type-page")
    assert not html_page("/weiterbildung-akademie-feiert-zehnjaehriges-bestehen/", plain).extras.post_markup


@pytest.mark.parametrize(
    "meta",
    ["Effective date: December 20, 2017.", "Stand Mai 2025. Funktionen und Preise können sich geändert haben."],
)
def test_a_statements_date_closing_the_text_is_no_meta_line(meta: str) -> None:
    page = html_page("/blog/klausel-unwirksam/", _law_post(meta))
    assert page.extras.visible_date is None


def test_a_logo_walls_captions_are_no_sign_off() -> None:
    cards = "".join(
        f'<div class="col"><a class="supporter" href="https://{slug}.example.org/"><img src="/logos/{slug}.png" '
        f'alt="{name}"><p><small>{name}</small></p></a></div>'
        for slug, name in (
            ("dgif", "Deutsche Gesellschaft für Informationsfreiheit"),
            ("fiff", "Forum Informatik für Frieden"),
        )
    )
    html = f"""<html lang="de"><body><main><h1>Transparenz für Berlin</h1><p>{BODY}</p>
<h3>Unterstützer*innen</h3><div class="row">{cards}</div></main></body></html>"""
    assert visible_authors(html_page("/", html)) == []
