"""Dates and statistics of the eighth stop's classes.

Own dates of profiles and listings (issue 12): a person's profile page is dated by what its head
declares (JSON-LD datePublished, article:published_time); a listing's dates — shown or declared — are its
teasers' or a build stamp, never the listing's own publication date."""

from __future__ import annotations

import pytest

from scoring.checks.attributed_quotes import find_quotations
from scoring.checks.statistics import page_statistics
from scoring.signals import page_signals
from tests.factories import html_page, text_page

_PROFILE = """<html lang="en"><head><title>Mara Lind — Author</title>
<meta property="article:published_time" content="2023-03-14T10:00:00+00:00">
</head><body><main><h1>Mara Lind</h1><p>Mara writes about data engineering and streaming systems for the team.</p>
<h2>Latest posts</h2><ul><li><a href="/posts/a/">Streaming joins</a>
<time datetime="2024-05-02">May 2, 2024</time></li></ul>
</main></body></html>"""

_LISTING = """<html lang="en"><head><title>Blog — page 2</title>
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"CollectionPage","datePublished":"2020-12-05"}</script>
</head><body><main><h1>Blog</h1>
<article><h2><a href="/posts/a/">Streaming joins</a></h2>
<time datetime="2024-05-02">May 2, 2024</time><p>Teaser one.</p></article>
<article><h2><a href="/posts/b/">Batch windows</a></h2>
<time datetime="2024-04-11">April 11, 2024</time><p>Teaser two.</p></article>
<article><h2><a href="/posts/c/">Late data</a></h2>
<time datetime="2024-03-09">March 9, 2024</time><p>Teaser three.</p></article>
<nav><a href="/blog/">1</a> <a href="/blog/3/">3</a></nav></main></body></html>"""


def test_a_profile_is_dated_by_its_head_not_by_its_post_list():
    signals = page_signals(html_page("/authors/mara-lind/", _PROFILE, lang="en"))
    assert signals.page_type == "profile"
    assert signals.published == "2023-03-14"


def test_a_listing_has_no_date_of_its_own():
    signals = page_signals(html_page("/blog/2/", _LISTING, lang="en"))
    assert signals.page_type == "listing"
    assert signals.published is None


# -- a service's own process time told to its customer is a promise, not a measurement (held-out 12) ----------


@pytest.mark.parametrize(
    "text",
    [
        "Der Termin dauert in der Regel 30 bis 45 Minuten.",
        "Meist erhalten Sie Ihr Gutachten bereits innerhalb von 2 bis 3 Tagen.",
        "Your report usually arrives within 48 hours of the visit.",
    ],
)
def test_a_service_time_promised_to_the_reader_is_no_statistic(text):
    assert page_statistics(text_page("/leistungen/gutachten/", text)) == []


def test_an_average_duration_stays_a_statistic():
    found = page_statistics(text_page("/ratgeber/akku/", "On average, you can expect the battery to last 8 years."))
    assert [s.figures for s in found] == [("8 years",)]


# -- an <article>'s own <header> is content; its one "Link"/"DOI" button is the original it excerpts (held-out 13)

_EXCERPT = """<html lang="en"><head><title>Jails in a pandemic • City Daily | Justice Lab</title></head><body>
<header class="site"><a href="https://social.example.org/@lab">Follow us</a></header>
<main><article><header class="post-header"><h1>Jails in a pandemic • City Daily</h1>
<p>By Ada Roe, Ben Poe</p><p>March 3, 2021</p>
<a class="btn-links" href="https://www.citydaily.example.com/opinion/jails-in-a-pandemic-2021">Link</a></header>
<section class="post-body"><p>When the first wave hit, the jails were crowded and testing was rare; we argued in this
op-ed that releases and mass testing would save lives, and that the lessons of the first wave must guide the next.</p>
</section></article></main></body></html>"""

_PRODUCTS = """<html lang="de"><head><title>Die besten Cloud-Speicher</title></head><body><main><article>
<h1>Die besten Cloud-Speicher im Vergleich</h1><p>Wir haben drei Anbieter für kleine Firmen über Wochen genutzt und
verglichen, wie schnell, sicher und günstig sie im Alltag eines Büros mit zehn Arbeitsplätzen sind.</p>
<h2>Anbieter A</h2><p>Schnell und einfach.</p><p><a href="https://cloud-a.example.com/business">Link</a></p>
<h2>Anbieter B</h2><p>Sicher und teuer.</p><p><a href="https://cloud-b.example.net/teams">Link</a></p>
</article></main></body></html>"""


def test_the_one_original_button_in_an_article_header_is_a_citation():
    from scoring.checks.outbound_citations import citation_links

    page = html_page("/writing/jails/", _EXCERPT, lang="en")
    assert [link.url for link in citation_links(page)] == [
        "https://www.citydaily.example.com/opinion/jails-in-a-pandemic-2021"
    ]


def test_a_row_of_link_buttons_to_products_cites_nothing():
    from scoring.checks.outbound_citations import citation_links

    assert citation_links(html_page("/blog/cloud-speicher/", _PRODUCTS)) == []


# -- sources of statistics: a named data set or survey is a source, a body owning the counted thing is none ---


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Im Freiraum-Datensatz finden sich mehr als 40 Haushalte, denen die Auskunftei ein Risiko bescheinigt.", True),
        ("Drei Viertel der in der diesjährigen Open Water Survey untersuchten Länder melden zu wenig Daten.", True),
        ("In der Studie finden sich 25 Prozent mehr Fälle als im Vorjahr.", False),
        ("Die Zahlung des Bundesministeriums für Bildung macht 16,8 % des Gesamtjahresbudgets aus.", False),
        ("Nach den Daten des Statistischen Bundesamtes stieg die Zahl der Firmen um 12 Prozent.", True),
    ],
)
def test_named_collections_source_a_figure_and_owning_bodies_do_not(text, source):
    found = page_statistics(text_page("/blog/daten/", text))
    assert len(found) == 1
    assert (found[0].source is not None) is source


# -- page types by their place: an events or publications section index, a licence, an NGO's transparency page --


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("events/", "listing"),
        ("publikationen/", "listing"),
        ("writing/", "listing"),
        ("white-papers/", "listing"),
        ("writing/why-jails-matter/", "article"),
        ("license/", "legal"),
        ("privacy-and-security-policy-v2/", "legal"),
        ("contact-main/", "contact"),
        ("transparenz/", "about"),
        ("ueber/", "about"),
    ],
)
def test_a_page_type_by_its_place_in_the_site(path, kind):
    from scoring.pagetypes import classify

    page = html_page(
        path,
        """<html><head><meta charset="utf-8"><title>Seite</title></head><body><main><h1>Seite</h1>
        <p>12. März 2024</p><p>Wir arbeiten seit Jahren mit Daten aus Verwaltung und Wissenschaft und schreiben
        darüber, was wir dabei lernen, für alle, die selbst mit offenen Daten arbeiten wollen, in Vereinen, in
        Redaktionen und in der Verwaltung, in Stadt und Land, allein oder in Gruppen.</p></main></body></html>""",
    )
    assert classify(page).kind == kind


def test_summary_blocks_with_a_date_line_each_make_a_listing():
    from scoring.pagetypes import classify

    items = "".join(
        f"""<div class="summary-item"><div><time datetime="2018-0{m}-1{m}">{month} 1{m}, 2018</time></div>
        <div class="author">Jane Roe</div><div class="summary-title"><a href="/blog/2018/{m}/post-number-{m}">A
        post about lab data number {m}</a></div><p>An excerpt of post {m} about measurements in the lab.</p>
        <a href="/blog/2018/{m}/post-number-{m}">Read More</a></div>"""
        for m, month in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul"], 1)
    )
    page = html_page(
        "discover-blog/",
        f"""<html><head><title>Discover Blog</title></head><body><main><p>Our Discover Blog</p>{items}
        </main></body></html>""",
        lang="en",
    )
    assert classify(page).kind == "listing"


# -- quotation speakers: a role and employer after the name; a noun after "ins"/"seinem" names no one ----------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Of all frameworks, Northwind chose an open one for its gateway, and the gateway made by Northwind runs "
            "on a small processor and Lena Park, Technical Project Manager, Northwind, said, “The framework is right "
            "for this kind of device.”",
            "Lena Park",
        ),
        (
            "Wir möchten auf die Idee der Ernährungsräte aufmerksam machen.\nDas folgende Video stammt vom "
            "Inkota Netzwerk, das die Kampagne ins Leben gerufen hat und erklärt kurz, worum es hier geht:\n„Unser "
            "heutiges Ernährungssystem führt in eine Sackgasse: sozial, ökologisch und global.“\nMit Leben füllen "
            "wir den Rat, ein Leben lang.",
            None,
        ),
    ],
)
def test_speakers_with_an_employer_apposition_and_nouns_after_a_contraction(text, speaker):
    quotes = find_quotations(text_page("/case/gateway/", text))
    assert [q.speaker for q in quotes] == [speaker]


# -- German attributions of documents and organisations: "(vgl. X)", "heißt es" in a statute, "in ihren eigenen
# Worten", "die Leitlinie von X"; a straight opening mark closed by a typographic one; a declaration at length ---


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "Was Ernährungssouveränität ist, fasst die Erklärung gut zusammen:\n„Ernährungssouveränität ist das Recht "
            "der Völker auf gesunde und kulturell angepasste Nahrung.“ (vgl. Erklärung von Selingue 2007)",
            ["Erklärung von Selingue 2007"],
        ),
        (
            "Die Auskunftei nutzt eine schwammige Formulierung im Datenschutzgesetz. Dort heißt es in Paragraph 12 "
            "„Der Verantwortliche stellt eine Kopie der Daten zur Verfügung.“ Im alten Bundesmeldegesetz §34 hieß es "
            "dagegen: „Die Stelle hat dem Betroffenen auf Verlangen Auskunft zu erteilen.“",
            ["Datenschutzgesetz", "Bundesmeldegesetz"],
        ),
        (
            'Wir stellen ein Projekt vor:\nGartenwerk ist, in ihren eigenen Worten: "eine Plattform für urbane '
            "Selbstversorgung mit Werkstätten und Beeten.“",
            ["Gartenwerk"],
        ),
        (
            "Jonas Feld hat uns durch den Abend geführt. Besonders die Leitlinie von Jonas „alles geht, solange es "
            "Spaß macht!“ haben wir ausgelebt.",
            ["Jonas"],
        ),
        (
            "Die Sprecherin Mara Lind sagte: „"
            + "Wir wollen, dass alle mitreden können, in Stadt und Land. " * 20
            + "“",
            ["Mara Lind"],
        ),
    ],
)
def test_german_attributions_of_documents_mottos_and_long_statements(text, speakers):
    quotes = find_quotations(text_page("/artikel/bericht/", text))
    assert [q.speaker for q in quotes] == speakers


@pytest.mark.parametrize(
    "line", ["1 minute read, 82 words", "5 Min. Lesezeit · 480 Wörter", "Length: 2 minute read, 232 words"]
)
def test_a_posts_reading_time_and_length_are_no_statistics(line):
    assert page_statistics(text_page("/writing/op-ed/", f"An op-ed on jails.\n{line}\nThe text of the op-ed.")) == []


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (
            "Die Gebühren der grauen Tonne stiegen um ca. 4%, während der Preis der Biotonne um 60% sank.",
            [("4%", "60%")],
        ),
        ("Sie erhalten 20% Rabatt auf alle Gebühren.", []),
    ],
)
def test_a_change_of_fees_is_a_statistic_an_offer_is_not(text, figures):
    assert [s.figures for s in page_statistics(text_page("/artikel/abfall/", text))] == figures


@pytest.mark.parametrize("text", ["47.500 € für deine Public-Interest-Idee", "Up to $10,000 for your project"])
def test_money_offered_to_the_reader_is_no_statistic(text):
    assert page_statistics(text_page("/projekte/foerderung/", text)) == []


def test_a_dated_page_under_an_events_section_announces_one_event():
    from scoring.pagetypes import classify

    page = html_page(
        "events/2018/11/13/lab-innovation-day",
        """<html><head><title>Lab Innovation Day</title></head><body><main><h1>Lab Innovation Day</h1>
        <p>Tuesday, November 13, 2018, 9:00 – 17:00, Boston Convention Center</p><p>Meet our team at booth 12 and
        see how labs design experiments; a talk on data quality opens the afternoon.</p></main></body></html>""",
        lang="en",
    )
    assert classify(page).kind == "other"


def test_the_bands_of_a_scale_are_no_statistics():
    text = "So ordnen Sie das Ergebnis ein:\n0–70%: klare Reparaturzone.\n70–100%: Reparatur lohnt meist.\n"
    assert page_statistics(text_page("/ratgeber/rechner/", text)) == []


def test_a_state_class_on_the_article_is_no_chrome():
    from spiders.document import parse_html
    from spiders.regions import in_chrome

    tree = parse_html(
        b"""<html><body><article class="entry has-comments no-sidebar"><p id="x">Posted by Dana Ruiz</p>
        </article><div class="comments"><p id="y">Great post!</p></div></body></html>"""
    )
    assert not in_chrome(tree.xpath("//*[@id='x']")[0])
    assert in_chrome(tree.xpath("//*[@id='y']")[0])


@pytest.mark.parametrize(
    ("path", "body", "kind"),
    [
        ("aktuelles/2024/jahresprogramm/", "<h1>Jahresprogramm 2024</h1><p>März: Obstbaumschnitt</p>", "listing"),
        ("infos/vorstandschaft/", "<h1>Vorstandschaft</h1><p>1. Vorsitzende: Anna Huber</p>", "about"),
        (
            "aktuelles/2019/bericht-jhv/",
            '<p>Falls die Datei nicht öffnet, klicken Sie <a href="/files/bericht-2019.pdf">hier</a>.</p>',
            "other",
        ),
    ],
)
def test_a_clubs_programme_board_and_attachment_pages(path, body, kind):
    from scoring.pagetypes import classify

    page = html_page(path, f"<html><head><title>Verein</title></head><body><main>{body}</main></body></html>")
    assert classify(page).kind == kind


def test_a_block_of_translations_does_not_outvote_the_declared_language():
    from spiders.language import read_language

    english = [
        "The coast guard ordered a complete vessel monitoring system for its fishing fleet this spring.",
        "The system tracks every boat along the coast and warns the operators of boats in protected waters.",
        "Our engineers will install the base stations over the next year together with the local team.",
        "The company is pleased to confirm the order and expects further orders from the region soon.",
    ]
    japanese = [  # the same company blurb in a hidden language tab
        "ACMEは海上領域認識分野のエキスパートです。当社の豊富な経験に基づく最新のテクノロジー、製品、およびシステムにより、"
        "海事における警備、調査、安全確保、監視、および管理を実現します。",
        "ACMEは二十年以上にわたり、世界の海運業に必要な高性能な船舶追跡、監視、管理用システムを提供する信頼性の高い企業として、"
        "技術、製品、サービスを提供してきました。",
        "優れた現場実績と数々の高度な機能性を備えた製品は、当社の優れたコア技術の結晶です。これらの機能性は、"
        "海上領域でのより正確な状況認識を実現します。",
    ]
    text = "\n".join(english[:2] + japanese + english)
    assert read_language(text, declared="en")[0] == "en"


@pytest.mark.parametrize("title", ["Privacy Statement I Acme Systems plc", "Acme Marine's Cookies Policy I Acme plc"])
def test_a_legal_title_with_its_owner_or_a_statement(title):
    from scoring.pagetypes import classify

    page = html_page(
        "index.html@p=799.html",
        f"<html><head><title>{title}</title></head><body><main><p>We use data "
        "to run this site. " * 30 + "</p></main></body></html>",
        lang="en",
    )
    assert classify(page).kind == "legal"
