"""Outbound citations: failure classes found on the real corpus (issue 13), each as a small page of our
own. A citation follows docs/labelling.md (`n_outbound_citations`): a link in the main content to an
external page that supports the text. Where to buy, book or sign up, the site's own parent company, the
thing a page presents and a pointer to an offer's details are not; documentation is, also the site's own
on a code host."""

from __future__ import annotations

import json

import pytest

from scoring.checks.outbound_citations import OutboundCitations, judge_links
from tests.factories import site
from tests.test_citations_realworld import TEXT, article, cited, page, record

STUDY_URL = "https://www.solarverband.example/studie-2024"
STUDY = f'<p>Laut einer <a href="{STUDY_URL}">Studie des Verbands</a> sinken die Kosten.</p>'


def titled(h1: str, inner: str, head: str = "") -> str:
    """A page whose H1 is `h1`, with JSON-LD or other head markup."""
    html = page(f"<main><article><h1>{h1}</h1>{TEXT}{inner}</article></main>")
    return html.replace("</head>", f"{head}</head>", 1)


CASES = [
    # -- where to act, not what backs the text ------------------------------------------------------
    (
        "a pointing anchor in a sentence that sells tickets (en)",
        article(
            "<p>Every ticket supports the garden project, and you can buy your tickets for the summer raffle "
            "<a href='https://www.raffle-partner.example/support/garden'>here</a>.</p>"
        ),
        [],
    ),
    (
        "a pointing anchor in a sentence that asks to register (de)",
        article(
            "<p>Der Workshop ist kostenlos, anmelden könnt ihr euch <a href='https://www.verein-x.example/"
            "anmeldung-workshop'>hier</a>.</p>"
        ),
        [],
    ),
    (
        "a pointing anchor to a report stays a citation",
        article(
            "<p>The council published its yearly air quality figures, and you can read the full report "
            "<a href='https://www.council-air.example/report-2024'>here</a>.</p>"
        ),
        ["https://www.council-air.example/report-2024"],
    ),
    (
        "an anchor that is the action alone ('sign up') and a newsletter form host",
        article(
            "<p>Keep your old phone a year longer, and <a href='https://www.campaign-x.example/pledge'>sign up</a>"
            " for the repair pledge today.</p><p>Our monthly letter tells you about every event, just "
            "<a href='https://confirmsubscription.com/h/i/ABC123'>join the mailing list of the hub</a> now.</p>"
        ),
        [],
    ),
    (
        "'Weitere Infos bietet der Veranstalter unter:' an event's own page",
        article(
            "<p>Der Markt öffnet am Samstag um zehn Uhr im Schlosspark.</p><p>Weitere Infos bietet der "
            "Veranstalter unter: <a href='https://www.maerkte-veranstalter.example/gartenmarkt/'>"
            "https://www.maerkte-veranstalter.example/gartenmarkt/</a></p>"
        ),
        [],
    ),
    (
        "'More information about the course at' a provider's page",
        article(
            "<p>More information about the evening course is available at <a href='https://www.kurs-anbieter"
            ".example/kurse/abendkurs'>the provider's course page</a> for all participants.</p>"
        ),
        [],
    ),
    (
        "a row of shops: the publisher's shop page among Amazon links",
        article(
            "<p>Das Buch ist erhältlich bei <a href='https://global.oup.com/academic/product/buch-123'>OUP</a>, "
            "<a href='https://www.amazon.de/dp/123'>Amazon.de</a>, <a href='https://www.amazon.com/dp/123'>"
            "Amazon.com</a>, <a href='https://www.amazon.co.uk/dp/123'>Amazon UK</a> und "
            "<a href='https://www.buchladen.example/shop/home/artikel/ID123.html'>"
            "Buchladen</a></p>"
        ),
        [],
    ),
    (
        "a repository's release list is a download page",
        article(
            "<p>Lade das aktuelle Installationspaket von GitHub herunter: "
            "<a href='https://github.com/werkzeug-x/werkzeug-x/releases'>Werkzeug-Releases</a> und "
            "installiere es wie gewohnt.</p>"
        ),
        [],
    ),
    (
        "a Flickr short link to a scan",
        article(
            "<p>Den Zeitungsartikel haben wir eingescannt: <a href='https://flic.kr/p/2abcDEF'>"
            "https://flic.kr/p/2abcDEF</a></p>"
        ),
        [],
    ),
    # -- the site itself, its parent company, what the page presents ---------------------------------
    (
        "the parent company named without 'unsere'",
        article(
            "<p>Für größere Einsätze außerhalb der Region übernimmt die Muttergesellschaft "
            "<a href='https://www.mutter-dienste.example/einsaetze'>Mutter Dienste bundesweit</a> den "
            "Auftrag.</p>"
        ),
        [],
    ),
    (
        "the thing the page presents, named first in its H1, and its other addresses",
        titled(
            "Lumo, die Wetterstation für den Balkon",
            "<p>Wir stellen <a href='https://lumo-projekt.example/balkon/'>Lumo</a> vor, ein Projekt aus der "
            "Community mit offenem Quellcode.</p><p>Die Bauanleitung liegt auf <a href='https://lumo-projekt.example/'>"
            "lumo-projekt.example</a> für alle, die nachbauen wollen.</p>" + STUDY,
        ),
        [STUDY_URL],
    ),
    (
        "a readthedocs site is a host like any other: standing alone under 'Further Links' it is no source",
        article(
            "<h2>Further Links</h2><p><a href='https://marktplatz-x.readthedocs.io/en/latest/'>Documentation</a></p>"
            "<p><a href='https://www.youtube.com/watch?v=abcdefgh'>Video 1</a></p>"
        ),
        [],
    ),
    # -- documentation counts ----------------------------------------------------------------------
    (
        "the site's own release notes and how-to file on its code-host account",
        article(
            "<p>The complete list of changes is available in the <a href='https://github.com/beispielfirma/"
            "heizplaner/releases/tag/v4.0.0'>release notes of version 4.0</a> on GitHub.</p><p>Wie ein Beitrag "
            "entsteht, steht in unserem <a href='https://github.com/beispielfirma/website/blob/main/how-to-blog.md'>"
            "Wiki</a>, in welchem die Anleitung zu finden ist.</p><p>Fehler meldet ihr, indem ihr <a href="
            "'https://github.com/beispielfirma/heizplaner/issues/new/choose'>ein neues Issue eröffnet</a> auf "
            "GitHub.</p>"
        ),
        [
            "https://github.com/beispielfirma/heizplaner/releases/tag/v4.0.0",
            "https://github.com/beispielfirma/website/blob/main/how-to-blog.md",
        ],
    ),
    (
        "a button to a wiki page of documentation",
        article(
            "<p>Die App gibt es für Android und iOS.</p><p><a href='https://github.com/netz-gemeinschaft/netz/wiki/"
            "de:FAQ'>→ Anleitung im Wiki</a></p>"
        ),
        ["https://github.com/netz-gemeinschaft/netz/wiki/de:FAQ"],
    ),
    (
        "a 'Mehr erfahren' button after a health notice to a federal public health portal",
        article(
            "<h2>Gürtelrose</h2><p>Seit einigen Jahren gibt es einen gut verträglichen Impfstoff, empfohlen ab "
            "dem 60. Lebensjahr.</p><p><a href='https://www.impfen.de/impfungen/guertelrose/'>Mehr erfahren</a></p>"
        ),
        ["https://www.impfen.de/impfungen/guertelrose/"],
    ),
    (
        "a talk's recording and slides under 'Veröffentlichung'",
        article(
            "<h2>Veröffentlichung</h2><p><a href='https://www.youtube.com/watch?v=xyzxyzxyz12'>Aufzeichnung auf "
            "YouTube</a></p><p><a href='https://pad.vortrag-x.example/s/folien123'>Präsentation</a></p>"
            "<h2>Worum geht es?</h2><p>Zwei freie Projekte wachsen zusammen.</p>"
        ),
        ["https://www.youtube.com/watch?v=xyzxyzxyz12", "https://pad.vortrag-x.example/s/folien123"],
    ),
]


@pytest.mark.parametrize(("html", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_citation_classes(html, expected):
    assert cited(html) == expected


def test_the_organisations_parent_and_other_domains_in_json_ld_are_its_own():
    """An Organization on the site's domain names its parent and its other sites (`parentOrganization`,
    `sameAs`): links to them are the site's own. Its Wikipedia article and social profiles stay what
    they are."""
    org = {
        "@context": "https://schema.org",
        "@type": "LocalBusiness",
        "@id": "https://www.beispiel-firma.example/#org",
        "url": "https://www.beispiel-firma.example/",
        "parentOrganization": {"@type": "Organization", "name": "Mutter AG", "url": "https://www.mutter-ag.example/"},
        "sameAs": ["https://de.wikipedia.org/wiki/Beispiel", "https://www.schwester-laden.example/"],
    }
    head = f'<script type="application/ld+json">{json.dumps(org)}</script>'
    html = titled(
        "Sanitätsdienst",
        "<p>Größere Einsätze in ganz Deutschland übernimmt <a href='https://www.mutter-ag.example/dienste'>die "
        "Mutter AG</a> mit ihren Teams.</p><p>Zubehör gibt es bei <a href='https://www.schwester-laden.example/zubehoer'>"
        "unserem Laden im Netz</a> für alle Kunden.</p><p>Die Geschichte steht in der <a href='https://de.wikipedia.org"
        "/wiki/Sanit%C3%A4tsdienst'>Wikipedia</a> ausführlich beschrieben.</p>",
        head,
    )
    assert cited(html) == ["https://de.wikipedia.org/wiki/Sanit%C3%A4tsdienst"]


def test_a_citation_in_the_evidence_names_its_anchor_and_sentence_and_non_citations_say_why():
    rec = record(
        article(
            STUDY + "<p>Der Workshop ist kostenlos, anmelden könnt ihr euch <a href='https://www."
            "verein-x.example/anmeldung'>hier</a>.</p>"
        )
    )
    reasons = {v.link.url: (v.citation, v.reason.id) for v in judge_links(rec)}
    assert reasons["https://www.verein-x.example/anmeldung"] == (False, "outbound-citations.call-to-action")
    outcome = OutboundCitations().evaluate_page(rec, site(rec))
    first = outcome.evidence[0]
    assert (first.excerpt, first.note) == (
        "Studie des Verbands",
        "not on the list of authoritative sources; backs: “Laut einer Studie des Verbands sinken die Kosten.”",
    )


def test_a_link_that_is_a_sentence_of_its_own_backs_the_sentence_before_it():
    rec = record(
        article(
            "<p>Wie lässt sich ein Raum für zufällige Begegnungen schaffen? "
            "<a href='https://www.vortraege-x.example/raum-fuer-begegnung'>Video</a></p>"
        )
    )
    outcome = OutboundCitations().evaluate_page(rec, site(rec))
    assert [(e.excerpt, e.note) for e in outcome.evidence] == [
        (
            "Video",
            "not on the list of authoritative sources; backs: “Wie lässt sich ein Raum für zufällige Begegnungen "
            "schaffen? Video”",
        )
    ]


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        (  # "more info" names the document: a citation
            "<p>Mehr Infos dazu im <a href='https://normen-x.example/handbuch/kapitel-4'>online Referenzhandbuch</a>, "
            "das jedes Kapitel einzeln verlinkt.</p>",
            ["https://normen-x.example/handbuch/kapitel-4"],
        ),
        (  # a third party's privacy policy after "Weitere Informationen ... unter:" on a legal page
            "<p>Weitere Informationen zur Verarbeitung durch den Anbieter finden Sie unter: "
            "<a href='https://www.analyse-anbieter.example/datenschutz/'>https://www.analyse-anbieter.example/"
            "datenschutz/</a></p>",
            ["https://www.analyse-anbieter.example/datenschutz/"],
        ),
        (  # a leaflet in an association's shop is a document, not a shop system's product page
            "<p>Unser Faltblatt <a href='https://www.verband-y.example/shop/produkte/catalogue/faltblatt-12/'>Sicher "
            "entsorgt?</a> fasst die Messwerte der Deponie zusammen.</p>",
            ["https://www.verband-y.example/shop/produkte/catalogue/faltblatt-12/"],
        ),
    ],
)
def test_what_stays_a_citation(inner, expected):
    assert cited(article(inner)) == expected


def test_a_link_standing_alone_names_the_heading_it_stands_under():
    rec = record(
        article(
            "<h2>Veröffentlichung</h2><p><a href='https://pad.vortrag-x.example/s/folien123'>Präsentation</a></p>"
            "<h2>Worum geht es?</h2><p>Zwei freie Projekte wachsen zusammen.</p>"
        )
    )
    outcome = OutboundCitations().evaluate_page(rec, site(rec))
    assert [(e.excerpt, e.note) for e in outcome.evidence] == [
        ("Präsentation", "not on the list of authoritative sources; backs: “Veröffentlichung: Präsentation”")
    ]
