"""Bylines in the template patterns that real sites use (failure classes of the real-world corpus,
bench/realworld/). Each case is a small page of our own reproducing one pattern; the expected names
follow LABELLING.md: a byline names a person and stands with the content, near the H1 or at its end."""

from __future__ import annotations

import pytest

from scoring.checks.author_byline import visible_authors
from scoring.core.records import PageRecord, count_words
from spiders import extract as ex

URL = "https://www.beispiel-firma.example/blog/beitrag/"
FILLER = "<p>" + "Ein Absatz über Wärmepumpen im Bestand mit vielen Details. " * 12 + "</p>"


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>Beitrag | Beispiel Firma</title>{head}</head><body>{body}</body></html>"


def bylines(html: str) -> list[str]:
    tree = ex.parse_html(html)
    return [s.name for s in ex.extract_author_signals(tree, URL, []) if s.visible]


def record(html: str) -> PageRecord:
    fields = ex.extract_page(ex.parse_html(html), URL, lambda u: "beispiel-firma" in u)
    fields["word_count"] = count_words(fields["main_text"])
    return PageRecord(url=URL, status=200, content_type="text/html", **fields)


CASES = [
    (
        "site tagline in the header is no byline",
        page(
            '<header class="site-header"><p class="tagline">Heizungsplaner – ein Produkt von Beispiel Firma GmbH</p>'
            "<nav><a href='/'>Start</a></nav></header><main><article><h1>Wärmepumpe im Altbau</h1>"
            f"{FILLER}</article></main>"
        ),
        [],
    ),
    (
        "'By NAME' in an h3 right under the H1",
        page(f"<main><article><h1>Heat pumps in old houses</h1><h3>By Jane Doe</h3>{FILLER}</article></main>"),
        ["Jane Doe"],
    ),
    (
        "commenters and comment-form labels are no authors",
        page(
            f"<main><article><h1>Wärmepumpe</h1>{FILLER}</article>"
            '<section id="comments" class="comments-area"><ol class="commentlist"><li class="comment">'
            '<div class="comment-author vcard"><cite class="fn">Max Leser</cite></div><p>Danke!</p></li></ol>'
            '<div id="respond" class="comment-respond"><label for="author">Name <span class="required">*</span>'
            "</label></div></section></main>"
        ),
        [],
    ),
    (
        "a sidebar author box is not the article's byline",
        page(
            f"<div class='content'><h1>Wärmepumpe</h1>{FILLER}</div>"
            '<div class="sidebar"><div class="widget author-box"><p>Von Anna Schmidt</p>'
            "<p>Ich schreibe hier über Hunde.</p></div></div>"
        ),
        [],
    ),
    (
        "a byline hidden with display:none is not visible",
        page(
            "<main><article><h1>Wärmepumpe</h1>"
            '<p class="post-byline" style="display:none">von <a rel="author" href="/author/anna/">Anna Schmidt</a></p>'
            f"{FILLER}</article></main>"
        ),
        [],
    ),
    (
        "an organisation in the author slot is not a person",
        page(
            "<main><article><h1>Turnier-Ergebnisse</h1>"
            '<p class="post-byline">von <span class="vcard author"><a rel="author" href="/author/net/">BEISPIEL '
            f"NETWORK</a></span> · 12. Januar 2015</p>{FILLER}</article></main>"
        ),
        [],
    ),
    (
        "a lower-case nickname on an author link is the author",
        page(
            "<main><article><h1>Das Ende einer Operation</h1>"
            '<p class="post-byline">von <span class="vcard author"><a rel="author" href="/author/paul/">paul</a>'
            f"</span> · 2. Oktober 2015</p>{FILLER}</article></main>"
        ),
        ["paul"],
    ),
    (
        "bare names in a meta row next to the date",
        page(
            "<main><h1>New Year, New Blog</h1><ul class='meta'><li><svg></svg> Diana/Rocco</li>"
            f"<li>12. Januar 2010</li><li>3 min</li></ul>{FILLER}</main>"
        ),
        ["Diana", "Rocco"],
    ),
    (
        "category and tag labels in the meta row are no names (a docs theme's page info)",
        page(
            "<main><h1>Version 3.11 mit Verbesserungen</h1><div class='page-info'><span class='page-date-info'>"
            "5. Juli 2025</span><span class='page-category-info'><span class='page-category-item' "
            "role='navigation'>Releases</span></span><span class='page-tag-info'><span class='page-tag-item'>"
            f"Lectures</span></span></div>{FILLER}</main>"
        ),
        [],
    ),
    (
        "a 'Von NAME' item of a meta row gives the name without the prefix",
        page(
            "<main><h1>Drohnen bauen</h1><div class='meta'><time datetime='2025-04-02'>2. April 2025</time>"
            f"<span>•</span><span>Von Linda</span></div>{FILLER}</main>"
        ),
        ["Linda"],
    ),
    (
        "a sentence with a date and a bold phrase is no meta row",
        page(
            "<main><article><h1>Der Winter naht</h1><p>Vom <strong>1. bis 31. Dezember 2025</strong> läuft unser "
            f"<strong>Winter Sale</strong>, bei dem alles günstiger ist.</p>{FILLER}</article></main>"
        ),
        [],
    ),
    (
        "H1 and byline in the page header above a single article",
        page(
            '<header><nav><a href="/">Home</a></nav><h1 class="post-title">Flyer-Aktion startet</h1>'
            '<span class="post-meta"><a href="../../author/marieke">Marieke</a> | <time datetime="2020-10-12">'
            f"12.10.2020</time></span></header><main><article class='post'>{FILLER}</article></main>"
        ),
        ["Marieke"],
    ),
    (
        "teasers of a listing carry the listed posts' bylines",
        page(
            "<main><h1>Blog</h1>"
            + "".join(
                f'<article class="post"><h2><a href="/blog/{i}/">Beitrag {i}</a></h2><p class="byline">Von '
                f'<a rel="author" href="/author/anna/">Anna Schmidt</a></p><p>Kurzer Anriss.</p></article>'
                for i in range(4)
            )
            + "</main>"
        ),
        [],
    ),
    (
        "a quotation's cite inside a blockquote is no byline",
        page(
            "<main><article><h1>Interview</h1><blockquote><p>Wir haben viel gelernt in diesem Jahr.</p>"
            f'<footer><cite class="author">Erika Beispiel</cite></footer></blockquote>{FILLER}</article></main>'
        ),
        [],
    ),
    (
        "title set as h2.post-title on a template without an H1",
        page(
            f'<div class="container"><h2 class="post-title">Neue Werkstatt</h2><p>Von Lars Beispiel</p>{FILLER}</div>'
        ),
        ["Lars Beispiel"],
    ),
    (
        "a guest author, not the site owner's account that posted it",
        page(
            "<main><article><h1>Förderung 2025</h1><p class='meta'>Von <a rel='author' href='/author/inhaber/'>"
            "Peter Inhaber</a> · 3. März 2025</p><p><em>Ein Gastbeitrag von Dr. Eva Gast</em></p>"
            f"{FILLER}</article></main>"
        ),
        ["Dr. Eva Gast"],
    ),
    (
        "an avatar name under the title (static-site blog themes)",
        page(
            "<main><article><header><h1>E-paper displays</h1><time datetime='2025-11-23'>November 23, 2025</time>"
            '<div class="avatar"><a href="https://code.example/heinz"><img alt="Heinz"></a><div class="avatar__intro">'
            '<div class="avatar__name"><a href="https://code.example/heinz">Heinz</a></div>'
            f"<small>Developer</small></div></div></header>{FILLER}</article></main>"
        ),
        ["Heinz"],
    ),
    (
        "every co-author of an author row 'A, B, and C'",
        page(
            "<main><h1>Blog</h1><h2 class='post-title'>Conference highlights</h2><dl class='post-meta'>"
            "<dt>Posted</dt><dd>18 Dec 2015</dd><dt class='post-author'>by</dt>"
            f"<dd class='post-author'>Richard Roe, Dave Doe, and Noel Poe</dd></dl><article>{FILLER}</article></main>"
        ),
        ["Richard Roe", "Dave Doe", "Noel Poe"],
    ),
    (
        "'written by NAME' after a source in a line under the title (a republished article)",
        page(
            "<main><article class='head'><h1>Startup launches home robot</h1><p>In the News, 01/04/2017</p></article>"
            "<article class='body'><article class='post'><h4>As seen in Tech Weekly, written by Ken Roe</h4>"
            f"{FILLER}</article></article><article class='teaser'><h3>Another post</h3></article></main>"
        ),
        ["Ken Roe"],
    ),
    (
        "a sign-off 'NAME für ORGANISATION' as the last paragraph of the text",
        page(
            f"<main><article><h1>Die Meeresfrauen von Jeju</h1>{FILLER}<p>Lea Beispiel für MEERESWELLE</p></article>"
            "<div class='teasers'><p>Anna Muster für MEERESWELLE</p><p>Weiterlesen</p></div></main>"
        ),
        ["Lea Beispiel"],
    ),
    (
        "a comma after the author's name opens an affiliation, not a co-author",
        page(
            "<main><article><h1>Was Netzbetreiber erwarten</h1>"
            f"<p><em>Ein Gastbeitrag von Prof. Dr. Hans Beispiel, Hochschule Musterstadt.</em></p>{FILLER}"
            "</article></main>"
        ),
        ["Prof. Dr. Hans Beispiel"],
    ),
    (
        "a co-author list needs its closing 'and': 'A, B' is the first name and what follows it",
        page(
            "<main><article><h1>Conference highlights</h1>"
            f"<p class='byline'>By Jane Roe, Acme University Press</p>{FILLER}</article></main>"
        ),
        ["Jane Roe"],
    ),
    (
        "a press office in the author slot is no person",
        page(
            "<main><h1>Fernwärme im Westviertel</h1><div class='news-list-date'><time datetime='2025-04-02'>"
            f"02.04.2025</time></div><div class='news-list-author'>Pressestelle</div>{FILLER}</main>"
        ),
        [],
    ),
    (
        "'NAME für ORGANISATION' in the middle of the text is no sign-off",
        page(f"<main><article><h1>Spenden</h1><p>Anna Muster für MEERESWELLE</p>{FILLER}</article></main>"),
        [],
    ),
    (
        "a plain name-and-date line: a name with a credential after it",
        page(f"<h1>Is fluoride toothpaste safe?</h1><p>Dr. Priya Natarajan, BDS · 9 January 2025</p>{FILLER}"),
        ["Dr. Priya Natarajan"],
    ),
    (
        "a plain name-and-date line: a role word before the title",
        page(f"<h1>Zecken beim Hund</h1><p>Tierärztin Dr. Anna Schulze · 22.03.2024</p>{FILLER}"),
        ["Dr. Anna Schulze"],
    ),
    (
        "a plain name-and-date line: a title with its lower-case parts",
        page(f"<h1>Zahnreinigung</h1><p class='meta'>Dr. med. dent. Katrin Weber, 02.05.2024</p>{FILLER}"),
        ["Dr. Katrin Weber"],
    ),
    (
        "a kicker, a place or a bare pair of words with a date is no byline",
        page(
            f"<h1>Umsatz 2025</h1><p>Press Release · 12 March 2025</p><p>New York, 12. März 2025</p>"
            f"<p>Katrin Weber, Berlin · 3 May 2024</p>{FILLER}"
        ),
        [],
    ),
    (
        "an author box labelled 'Über den Autor:' names the author, not the label",
        page(
            f"<main><article><h1>Stromspeicher</h1>{FILLER}<div class='author-box'>Über den Autor: "
            "<strong>Markus Feld</strong> ist Elektromeister und plant seit 2009 Speicherlösungen.</div>"
            "</article></main>"
        ),
        ["Markus Feld"],
    ),
    (
        "a given name alone in an <address> slot after 'Von', the date after a dash, above the H1",
        page(
            '<main><article><header><div class="meta">Von <address>Marta</address> &mdash; '
            '<time datetime="2018-03-07">07-03-2018</time></div><h1>Sommerfest im Garten</h1></header>'
            f"{FILLER}</article></main>"
        ),
        ["Marta"],
    ),
    (
        "a given name in its own slot after 'By' on a dated line",
        page(f"<main><h1>Spring fair</h1><p>By <span>Tobias</span> · 04/05/2023</p>{FILLER}</main>"),
        ["Tobias"],
    ),
    (
        "a weekday after 'von' in its own element is no given name without a date",
        page(f"<main><h1>Öffnungszeiten</h1><p>Von <b>Montag</b> bis Freitag geöffnet</p>{FILLER}</main>"),
        [],
    ),
]


@pytest.mark.parametrize(("html", "names"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bylines_of_real_template_patterns(html, names):
    assert bylines(html) == names


def test_org_in_meta_author_printed_on_the_page_is_no_author():
    """A meta author "Beispiel GmbH" whose name is printed on the Impressum is the company, not an author
    (it was cut to "… Gmb" and listed as the page's author)."""
    html = page(
        "<main><h1>Impressum</h1><p>Beispiel Firma GmbH</p><p>Musterstraße 1, 12345 Stadt</p></main>",
        head='<meta name="author" content="Beispiel Firma GmbH">',
    )
    assert visible_authors(record(html)) == []


def test_a_gallery_of_web_components_is_a_gallery():
    """<x-gallery> of <x-image src> elements (a site builder's web components): own photos, not "text only"."""
    from spiders.extract_evidence import extract_galleries

    images = "".join(
        f'<x-image src="/bilder/baustelle-{i}.jpg" alt="Unser Team montiert Modul {i}"></x-image>' for i in range(5)
    )
    galleries = extract_galleries(
        ex.parse_html(page(f"<main><h1>Projekt</h1><x-gallery>{images}</x-gallery></main>")), URL
    )
    assert [(g.images, g.same_site, g.described) for g in galleries] == [(5, 5, 5)]


def test_the_author_of_a_reviewed_book_is_not_the_pages_author():
    """A book review's JSON-LD names the book's author; printed under the title ("Ein Roman von …") it was
    taken for the page's author."""
    book = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Book", "name": "Das Meer",'
        ' "author": {"@type": "Person", "name": "Max Muster"}}</script>'
    )
    html = page(
        f"<main><article><h1>Rezension: Das Meer</h1><p>Ein Roman von Max Muster</p>{FILLER}</article></main>", book
    )
    assert visible_authors(record(html)) == []


@pytest.mark.parametrize(
    ("note", "names"),
    [
        ("Editor’s note: this is a guest post by Jana Beispiel, product writer at Example Ltd.", ["Jana Beispiel"]),
        (
            "Anmerkung der Redaktion: Dies ist ein Gastbeitrag von Erika Muster, Leiterin der Beispiel GmbH.",
            ["Erika Muster"],
        ),
        ("This is a guest post by our support team.", []),  # no person named
    ],
)
def test_an_editors_note_opening_the_text_names_the_guest_author(note, names):
    """The template's byline slot is empty ("by " with no name); the guest author is named in an
    editor's note that opens the text."""
    html = page(
        '<main><article><h1>Sechs Kennzahlen für den Support</h1><div class="author">by <span></span></div>'
        f'<div class="post-body"><p>{note}</p>{FILLER}</div></article></main>'
    )
    assert bylines(html) == names


def test_a_guest_post_mentioned_later_in_the_text_names_no_author():
    """Only the opening note counts: a sentence about a guest post further down names someone else's text."""
    later = "<p>Last year this is a guest post by Jana Beispiel that we liked.</p>"
    body = f"{FILLER}<p>This is a guest post by Max Muster.</p>{later}"
    html = page(f"<main><article><h1>Rückblick</h1>{body}</article></main>")
    assert bylines(html) == []


def test_an_empty_nested_byline_slot_without_h1_still_lets_the_editors_note_speak():
    """A broken template: empty H1 and an empty byline slot in three author-classed wrappers. The empty
    slot is no listing's repeated teaser bylines; the opening editor's note names the author."""
    slot = (
        '<div class="author-details"><div class="author-details__inner"><div class="author-sub">'
        '<span class="post-author">by </span></div></div></div>'
    )
    note = "<p>Editor’s note: this is a guest post by Jana Beispiel, writer at Example Ltd.</p>"
    html = page(
        f'<main><article><h1 class="post-title"></h1>{slot}<div class="post-body">{note}{FILLER}</div></article></main>'
    )
    assert bylines(html) == ["Jana Beispiel"]
