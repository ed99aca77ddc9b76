"""Outbound citations in the template patterns real sites use (failure classes of the real-world
corpus, bench/realworld/). Each case is a small page of our own reproducing one pattern; the expected
citations follow LABELLING.md (`n_outbound_citations`): links in the main content to external pages
that support the text — not share buttons, social profiles, maps, shops, booking forms, the site's own
properties, partners or products, nor links in sidebars, comments or footers."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from scoring.checks.outbound_citations import OutboundCitations, citation_links, judge_links
from scoring.core.records import PageRecord, count_words
from scoring.signals import page_signals
from spiders import extract as ex
from tests.factories import site

URL = "https://www.beispiel-firma.example/blog/beitrag/"
TEXT = "<p>" + "Ein Absatz über Wärmepumpen im Bestand mit vielen Details. " * 8 + "</p>"
STUDY = (
    '<p>Laut einer <a href="https://www.solarverband.example/studie-2024">Studie des Verbands</a> sinken die '
    "Kosten.</p>"
)
NAV = (
    '<header class="site-header"><nav><a href="/">Start</a><a href="/blog/">Blog</a>'
    '<a href="https://www.kalkulator-app.example/">Unser Rechner</a></nav></header>'
)


def page(body: str, title: str = "Beitrag | Beispiel Firma") -> str:
    return f"<html><head><title>{title}</title></head><body>{NAV}{body}</body></html>"


def record(html: str, url: str = URL) -> PageRecord:
    fields = ex.extract_page(ex.parse_html(html), url, lambda u: urlsplit(u).hostname == "www.beispiel-firma.example")
    fields["word_count"] = count_words(fields["main_text"])
    return PageRecord(url=url, status=200, content_type="text/html", **fields)


def cited(html: str, url: str = URL) -> list[str]:
    return list(dict.fromkeys(link.url for link in citation_links(record(html, url))))


def article(inner: str, after: str = "") -> str:
    return page(f"<main><article><h1>Wärmepumpen im Altbau</h1>{TEXT}{inner}</article>{after}</main>")


CASES = [
    # -- regions: what link_position and the main text leave out ---------------------------------
    (
        "share bar inside the article (reddit, telegram, hacker news)",
        article(
            STUDY + '<div class="shariff"><ul><li><a href="https://www.reddit.com/submit?url=x">teilen</a></li>'
            '<li><a href="https://telegram.me/share/url?url=x">Telegram</a></li>'
            '<li><a href="https://news.ycombinator.com/submitlink?u=x">HN</a></li></ul></div>'
        ),
        ["https://www.solarverband.example/studie-2024"],
    ),
    (
        "a sidebar without <aside>, its links to other sites",
        page(
            f"<div class='main'><main><h1>Wärmepumpen</h1>{TEXT}</main>"
            "<div class='sidebar s1'><div class='sidebar-content'><ul class='social-links'>"
            "<li><a href='https://www.verbraucherportal.example/test'>Testbericht des Portals</a> lesen Sie hier.</li>"
            "</ul></div></div></div>"
        ),
        [],
    ),
    (
        "comments inside the content column, their 'powered by' credit",
        article(
            STUDY,
            after="<div id='comments'><p>Max schreibt: siehe <a href='https://forum.example/thread/1'>mein Forum"
            "</a> für mehr Meinungen dazu.</p><a href='https://disqus.com/'>comments powered by Disqus</a></div>",
        ),
        ["https://www.solarverband.example/studie-2024"],
    ),
    (
        "a footer-classed block inside <main>",
        page(
            f"<main><h1>Wärmepumpen</h1>{TEXT}<div class='footer'><p>Hosting bei "
            "<a href='https://www.hoster.example/tarife'>Hoster Tarife</a> für wenig Geld im Monat.</p></div></main>"
        ),
        [],
    ),
    (
        "a cookie-banner plugin credit after the footer",
        article(STUDY) .replace(
            "</body>",
            "<footer>© Beispiel</footer><a id='x-powered-by' href='https://devowl.io/cookie-banner/'>"
            "WordPress Cookie Plugin by Real Cookie Banner</a></body>",
        ),
        ["https://www.solarverband.example/studie-2024"],
    ),
    # -- what a link is -------------------------------------------------------------------------
    (
        "the site's own subdomains and its account on a code host",
        article(
            "<p>Die Einrichtung steht in der <a href='https://docs.beispiel-firma.example/setup/'>Dokumentation"
            "</a>, der Quelltext liegt auf <a href='https://github.com/beispielfirma/app'>GitHub</a> für alle.</p>"
        ),
        [],
    ),
    (
        "team cards with LinkedIn, GitHub and Mastodon profiles",
        article(
            "<div class='team'><div class='card'><h3>Anna Muster</h3><p>Planerin</p>"
            "<a href='https://www.linkedin.com/in/anna-muster/'>LinkedIn</a> "
            "<a href='https://github.com/annamuster'>GitHub</a> <a href='https://social.example/@anna'>Mastodon</a>"
            "</div></div>"
        ),
        [],
    ),
    (
        "map, booking and shop links, a call to action",
        article(
            "<p>So finden Sie uns: <a href='https://maps.google.com/?q=Hauptstr+1'>Route in Google Maps</a> planen.</p>"
            "<p><a href='https://calendly.com/beispiel/beratung'>Jetzt kostenlosen Termin vereinbaren!</a></p>"
            "<p>Unser Buch gibt es <a href='https://www.amazon.de/dp/B000000'>direkt bei Amazon</a> zu kaufen.</p>"
            "<p><a href='https://kurs.anbieter.example/anmeldung'>Jetzt Platz sichern!</a></p>"
        ),
        [],
    ),
    (
        "a row of podcast platform links",
        article(
            "<p><a href='https://open.spotify.com/show/abc'>Spotify</a> <a href='https://podcasts.apple.com/de/"
            "podcast/id1'>Apple Podcast</a> <a href='https://www.initiative.example/podcast/'>Website</a></p>"
        ),
        [],
    ),
    (
        "a product the template promotes, linked again in the text",
        article("<p>Mit <a href='https://www.kalkulator-app.example/'>unserem Rechner</a> planen Sie die Anlage "
                "in wenigen Minuten selbst.</p>"),
        [],
    ),
    (
        "a partner named as such in the sentence",
        article(
            "<p>Unser Kooperationspartner, das Büro <a href='https://www.architekten.example/projekte'>Plan & Bau"
            "</a>, hat die Renderings beigesteuert.</p>" + STUDY
        ),
        ["https://www.solarverband.example/studie-2024"],
    ),
    (
        "an organisation's home page names it; a deep page supports the text",
        article(
            "<p>Die Bürgerinitiative in der Nachbarstadt (<a href='https://www.initiative.example/'>Website</a>) "
            "kämpft für dasselbe Ziel wie wir.</p>"
            "<p>Der <a href='https://www.initiative.example/gutachten-2023.pdf'>Gutachter</a> kam zu dem Schluss, "
            "dass die Grenzwerte eingehalten werden.</p>"
        ),
        ["https://www.initiative.example/gutachten-2023.pdf"],
    ),
    (
        "the direct link under an embedded video",
        article(
            "<iframe src='https://www.youtube.com/embed/AbCdEf12345'></iframe><p>Falls der Player nicht geht, hier "
            "der Direktlink: <a href='https://www.youtube.com/watch?v=AbCdEf12345'>https://www.youtube.com/watch?v="
            "AbCdEf12345</a></p>"
        ),
        [],
    ),
    (
        "petitions, donations, sponsoring",
        article(
            "<p>Unterschreiben Sie die <a href='https://www.openpetition.de/petition/online/x'>Petition</a> gegen "
            "das Vorhaben und helfen Sie uns.</p><p>Sie können uns auf <a href='https://github.com/sponsors/"
            "someone'>GitHub Sponsors</a> unterstützen, wenn Ihnen die Arbeit gefällt.</p>"
        ),
        [],
    ),
    (
        "an image behind a link, an affiliate link",
        article(
            "<p>Die neue <a href='https://cdn.magazin.example/uploads/2014/11/kiste.png'>Waffenkiste</a> sieht "
            "so aus wie im Trailer gezeigt.</p><p>Wetten könnt ihr bei <a href='https://www.wettanbieter.example/"
            "de/lp/turnier.html?a_aid=12345'>Wettanbieter.example</a> mit Bonus für alle Leser.</p>"
        ),
        [],
    ),
    (
        "local addresses in a setup guide",
        article("<p>Öffnen Sie danach <a href='http://localhost:8080/admin/'>http://localhost:8080/admin/</a> im "
                "Browser und melden Sie sich an.</p>"),
        [],
    ),
    # -- what counts ------------------------------------------------------------------------------
    (
        "'Quelle: X' under a table",
        article("<table><tr><td>Team A</td><td>16:9</td></tr></table>"
                "<p>Quelle: <a href='https://www.liga.example/saison/2013/'>Liga.example</a></p>"),
        ["https://www.liga.example/saison/2013/"],
    ),
    (
        "a 'Further reading' list of bare titles",
        article(
            "<h2>Further reading</h2><ul><li><a href='https://www.verlag.example/buch-impact'>Impact Mapping by "
            "Gojko Adzic</a></li><li><a href='https://impactmapping.example/'>impactmapping.example</a></li></ul>"
        ),
        ["https://www.verlag.example/buch-impact", "https://impactmapping.example/"],
    ),
    (
        "press articles as bare URLs under 'Media articles'",
        article(
            "<h3>Media articles</h3><p><a href='https://www.zeitung.example/2022/02/app-hilft'>"
            "https://www.zeitung.example/2022/02/app-hilft</a></p>"
        ),
        ["https://www.zeitung.example/2022/02/app-hilft"],
    ),
    (
        "press logos linking to articles of established media",
        article(
            "<h2>Presse</h2><a href='https://www.heise.de/news/Verschluesselung-123.html'><img src='/h.png' "
            "alt='heise online Logo'></a><a href='https://www.kunde.example/'><img src='/k.png' alt='Kunde Logo'></a>"
        ),
        ["https://www.heise.de/news/Verschluesselung-123.html"],
    ),
    (
        "a privacy policy citing third-party policies on social and payment hosts",
        page(
            "<main><h1>Datenschutzerklärung</h1><p>Wir nutzen Facebook Pixel. Details finden Sie unter "
            "<a href='https://www.facebook.com/business/help/742478679'>Facebook Hilfe</a> und in der "
            "<a href='https://www.paypal.com/de/webapps/mpp/ua/privacy-full'>Datenschutzerklärung von PayPal</a>."
            " Zur Einstellung: <a href='https://www.facebook.com/settings'>Einstellungen</a>.</p></main>"
        ),
        [
            "https://www.facebook.com/business/help/742478679",
            "https://www.paypal.com/de/webapps/mpp/ua/privacy-full",
        ],
    ),
    (
        "an authoritative body linked in running text",
        article("<p>Die <a href='https://www.bmas.de/DE/Service/Gesetze/assistenzhundeverordnung.html'>"
                "Assistenzhundeverordnung</a> regelt die Ausbildung seit 2023 einheitlich.</p>"),
        ["https://www.bmas.de/DE/Service/Gesetze/assistenzhundeverordnung.html"],
    ),
    (
        "a weak anchor 'Link' is placed where it stands, not in a written URL's 'link-attribution'",
        article(
            "<p>Bild von <a href='https://fotos.example/nutzer/anna'>https://fotos.example/nutzer/anna?"
            "utm_source=link-attribution</a></p>"
            "<p>Der Markt für Wärmepumpen wuchs im letzten Jahr deutlich, wie eine Marktanalyse zeigt "
            "(<a href='https://www.marktforschung.example/waermepumpen-2024'>Link</a>).</p>"
        ),
        ["https://www.marktforschung.example/waermepumpen-2024"],
    ),
    (
        "the licence of icons the site uses is a credit, however long the sentence",
        article(
            "<p>Die Flaggen auf unserer Seite stammen aus dem <a href='https://github.com/jemand/flaggen/'>"
            "Flaggen-Repository von Jana Muster</a> und sind unter der <a href='https://github.com/jemand/"
            "flaggen/blob/main/LICENSE'>MIT-Lizenz</a> lizenziert.</p><p>Einige Symbole sind unter "
            "<a href='https://creativecommons.org/licenses/by/4.0/'>CC-BY-4.0</a> freigegeben.</p>"
        ),
        [],
    ),
    (
        "release notes of the product the template promotes are documentation the text refers to",
        page(
            "<main><article><h1>Version 2.4 ist da</h1>" + TEXT + "<p>Alle Änderungen stehen im "
            "<a href='https://github.com/rechenwerk-oss/rechner/releases/tag/2.4.0'>Änderungsprotokoll</a> "
            "der neuen Version.</p><p>Mehr über den Rechner finden Sie auf "
            "<a href='https://github.com/rechenwerk-oss/rechner'>unserer Projektseite</a> bei GitHub.</p>"
            "</article></main><footer><a href='https://github.com/rechenwerk-oss'>GitHub</a></footer>"
        ),
        ["https://github.com/rechenwerk-oss/rechner/releases/tag/2.4.0"],
    ),
]


@pytest.mark.parametrize(("html", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_citation_patterns(html, expected):
    assert cited(html) == expected


def test_sidebar_comments_and_share_bars_are_not_content():
    tree = ex.parse_html(
        page(
            "<div class='content-sidebar-wrap'><main><h1>T</h1><p>Text <a href='https://a.example/x'>A</a>.</p>"
            "<div class='share-buttons'><a href='https://b.example/s'>B</a></div>"
            "<div class='author-box'><a href='https://c.example/me'>C</a></div>"
            "<div class='related-posts'><a href='/blog/andere/'>D</a></div>"
            "<nav class='post-navigation'><a href='/blog/vorher/'>E</a></nav>"
            "<div class='pagination'><a href='/blog/page/2/'>F</a></div>"
            "<div class='site-footer'><a href='/impressum/'>G</a></div></main>"
            "<div id='secondary' class='widget-area'><a href='https://d.example/'>H</a></div></div>"
        )
    )
    positions = {link.anchor: link.position for link in ex.extract_links(tree, URL, lambda u: False)}
    assert positions["A"] == "content"  # the wrapper around <main> is the page's own
    assert positions["B"] == positions["C"] == positions["D"] == positions["H"] == "aside"
    assert positions["E"] == positions["F"] == "nav"
    assert positions["G"] == "footer"


def test_a_menu_named_block_of_prose_stays_content():
    # "menu" names chrome only on a block that is mostly links (a restaurant's menu is content)
    tree = ex.parse_html(
        page("<main><h1>Speisekarte</h1><div class='menu'><p>Unsere Zutaten kommen vom Hof "
             "<a href='https://hof.example/ueber'>Hof Sonnental</a> aus dem Nachbardorf, frisch jeden Morgen.</p>"
             "</div></main>")
    )
    assert [link.position for link in ex.extract_links(tree, URL, lambda u: False) if link.anchor] == [
        "nav", "nav", "nav", "content",
    ]


def test_the_evidence_lists_each_citation_with_its_anchor():
    rec = record(article(STUDY + "<p>Mehr bei der <a href='https://www.destatis.de/DE/Themen/waerme.html'>"
                         "Statistik des Bundesamts</a> zum Heizen in Deutschland. Noch einmal die "
                         "<a href='https://www.solarverband.example/studie-2024'>Studie</a> im Wortlaut.</p>"))
    outcome = OutboundCitations().evaluate_page(rec, site(rec))
    assert outcome.state == "pass"
    assert outcome.reason == "1 link(s) to authoritative sources (destatis.de)"
    listed = [(e.element, e.excerpt, e.note) for e in outcome.evidence]
    # each citation with its anchor text and the sentence it backs (issue: evidence a consultant can verify)
    assert listed == [
        ("a[href=https://www.solarverband.example/studie-2024]", "Studie des Verbands",
         "backs: “Laut einer Studie des Verbands sinken die Kosten.”"),
        ("a[href=https://www.destatis.de/DE/Themen/waerme.html]", "Statistik des Bundesamts",
         "authoritative (destatis.de); backs: “Mehr bei der Statistik des Bundesamts zum Heizen in Deutschland.”"),
    ]


def test_the_clients_own_source_domains_count_as_authoritative():
    """A trade body the client names in its config (`[scoring] source_domains`) is an authority for
    this client: a page citing only it passes; without the config it is a citation, not an authority."""
    rec = record(article("<p>Laut der <a href='https://www.branchenverband.example/marktdaten-2025'>Marktdaten "
                         "des Branchenverbands</a> stieg der Absatz um 12 Prozent.</p>"))
    plain = OutboundCitations().evaluate_page(rec, site(rec))
    assert plain.state == "warn"
    configured = site(rec)
    configured.source_domains = ("branchenverband.example",)
    outcome = OutboundCitations().evaluate_page(rec, configured)
    assert outcome.state == "pass"
    assert outcome.evidence[0].note.startswith("authoritative (branchenverband.example); backs: “Laut der")
    assert page_signals(rec, configured).citations == 1


def test_every_link_of_the_content_gets_a_reason():
    rec = record(article(STUDY + "<p><a href='https://calendly.com/x/y'>Jetzt Termin buchen</a></p>"))
    reasons = {v.link.url: (v.citation, v.reason.text) for v in judge_links(rec)}
    assert reasons["https://www.solarverband.example/studie-2024"] == (True, "in the text")
    assert reasons["https://calendly.com/x/y"] == (False, "booking or sign-up")


def test_a_staging_copy_knows_its_production_subdomains_as_its_own():
    """Audited with --as-host, the pages' URLs are the staging host's; a link to the production
    site's help subdomain is still the site's own property, not a citation."""
    staging = "http://127.0.0.1:8000/blog/beitrag/"
    rec = record(
        article("<p>Antworten auf alle Fragen gibt das <a href='https://hilfe.nordwerk-heizung.example/anleitungen/heizkurve-einstellen'>"
                "Hilfe-Center mit vielen Anleitungen zum Heizen</a> für Kunden und Interessenten.</p>"),
        url=staging,
    )
    assert [link.url for link in citation_links(rec)] == ["https://hilfe.nordwerk-heizung.example/anleitungen/heizkurve-einstellen"]
    production = site(rec, host_aliases=["www.nordwerk-heizung.example"])
    assert citation_links(rec, production) == []
    assert page_signals(rec, production).citations == 0
