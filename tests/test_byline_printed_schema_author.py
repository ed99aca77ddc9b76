"""A JSON-LD or meta author counts as a visible byline only where the page prints the name as a byline:
in a meta line under the title (with a date, a reading time or an author label), or after "Von/By"
opening its line. A template that puts the site owner in every page's JSON-LD also prints that name in
places that are no byline: the H1 of a profile home page (the person the page is about), a description
sentence under the title ("Impressum von NAME – ...", "Get in touch with NAME – ..."), an Impressum's
address block. Our own fixtures of the patterns met on real sites (docs/labelling.md: a byline names the
author and stands with the content)."""

from __future__ import annotations

import json

import pytest

from scoring.checks.author_byline import visible_authors
from scoring.core.records import PageRecord, count_words
from spiders import extract as ex

URL = "https://www.beispiel-beratung.example/seite/"
FILLER = "<p>" + "Ein Absatz über Heizungstechnik im Bestand mit einigen Details. " * 12 + "</p>"


def page(body: str, author: str = "Jana Albrecht", kind: str = "BlogPosting") -> str:
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": kind,
            "headline": "Seite",
            "author": {"@type": "Person", "name": author},
        }
    )
    return (
        f'<html lang="de"><head><title>Seite | Beispiel Beratung</title><meta name="author" content="{author}">'
        f'<script type="application/ld+json">{ld}</script></head><body>'
        '<header><nav><a href="/">Start</a> <a href="/blog/">Blog</a></nav></header>'
        f"{body}<footer><p>© 2025 Beispiel Beratung</p></footer></body></html>"
    )


def authors(html: str) -> list[str]:
    fields = ex.extract_page(ex.parse_html(html), URL, lambda u: "beispiel-beratung" in u)
    fields["word_count"] = count_words(fields["main_text"])
    return visible_authors(PageRecord(url=URL, status=200, content_type="text/html", **fields))


PRINTED = [
    (
        "meta line under the title: date, reading time, words, name",
        '<main><article><header><h1>Hydraulischer Abgleich im Altbau</h1><div class="post-meta">'
        "<span>3. März 2025</span>&nbsp;·&nbsp;4 Minuten&nbsp;·&nbsp;812 Wörter&nbsp;·&nbsp;Jana Albrecht</div>"
        f"</header>{FILLER}</article></main>",
        ["Jana Albrecht"],
    ),
    (
        "name on its own line with an author label and the date below it",
        "<main><article><h1>Ten reasons brands fail</h1><section><h5>Jane Doe</h5><p>AUTHOR</p></section>"
        "<section><span>March 4, 2024</span></section><section><p>No Comments</p></section>"
        f"{FILLER}</article></main>",
        ["Jane Doe"],
    ),
    (
        "a dated publication line that ends in 'by NAME'",
        f"<main><article><h1>Heat pumps in old houses</h1><p>Posted on 3 May 2024 by Jane Doe</p>{FILLER}"
        "</article></main>",
        ["Jane Doe"],
    ),
]

NOT_PRINTED = [
    (
        "profile home page: the name in the H1 is the person the page is about",
        '<main><div class="profile"><img src="/portrait.jpg" alt="Portrait">'
        "<h1>Jana Albrecht - Energieberaterin für Altbauten, Wärmepumpen & Förderung</h1>"
        "<p>Beratung, Planung und Begleitung für Eigentümer im Rheinland</p></div></main>",
    ),
    (
        "'von NAME' inside a description line under the title, and the Impressum's address block",
        '<main><article><header><h1>Impressum</h1><div class="post-description">Impressum von Jana Albrecht - '
        "Kontaktdaten, rechtliche Hinweise und Verantwortung für die Inhalte dieser Website.</div></header>"
        "<h2>Angaben gemäß § 5 DDG</h2><p>Jana Albrecht<br>Musterweg 3<br>12345 Musterstadt</p>"
        "<p>Telefon: 0221 12-34-2025</p><h2>Verantwortlich für den Inhalt</h2><p>Jana Albrecht</p>"
        f"{FILLER}</article></main>",
    ),
    (
        "a contact page's description sentence naming the owner",
        '<main><article><header><h1>Contact – consulting and training</h1><p class="post-description">Get in '
        "touch with Jane Doe - consultant for heat pumps, insulation and funding.</p></header>"
        f"{FILLER}</article></main>",
    ),
]


@pytest.mark.parametrize(("html", "names"), [c[1:] for c in PRINTED], ids=[c[0] for c in PRINTED])
def test_a_schema_author_printed_as_a_byline_is_visible(html, names):
    author = names[0]
    assert authors(page(html, author)) == names


@pytest.mark.parametrize("html", [c[1] for c in NOT_PRINTED], ids=[c[0] for c in NOT_PRINTED])
def test_a_schema_author_named_elsewhere_near_the_title_is_no_byline(html):
    author = "Jane Doe" if "Jane Doe" in html else "Jana Albrecht"
    assert authors(page(html, author)) == []
