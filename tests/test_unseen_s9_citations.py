"""Citation classes found on the ninth stop's unseen sets (held-out 18–20), each in text of our own.

- Markdown footnotes: the entries end with a link back to their marker ("↩︎"), their links are sources;
  a theme's permalink marker after a heading ("Weiterführende Links #") is no part of the heading.
- A list of press articles announced by the sentence above it ("For coverage in the press, see below:").
- An outside link named like the page's title stands where it is linked, not in the H1.
- Public bodies under a country's domain (gov.br, gob.mx, gc.ca) are strong sources.
- Not citations: a button to a person's page on a contact card ("Zur Personenseite"), a "Zur <Org>" button to
  an organisation's home page, another site's imprint.
- A digital library's record on a dl. host is a document, not a software download.
"""

from __future__ import annotations

import pytest

from scoring.checks.outbound_citations import citation_links, judge_links
from scoring.core import lexicons as lx
from tests.factories import html_page


def _cited(page) -> list[str]:
    return [link.url for link in citation_links(page)]


_FOOTNOTES = """<html lang="de"><body><main><article>
<h1>Wie ein Wärmenetz geplant wird</h1>
<p>Ein Wärmenetz verbindet Erzeuger und Verbraucher über gedämmte Leitungen.<sup><a href="#fn:1">1</a></sup>
Die Temperatur im Vorlauf hängt von der Bauart der Häuser ab.<sup><a href="#fn:2">2</a></sup></p>
<h2 id="planung">Planung <a class="anchor" href="#planung">#</a></h2>
<p>Vor dem Bau steht eine Wärmeplanung der Gemeinde, die den Bedarf je Straße schätzt.</p>
<div class="footnotes"><ol>
<li id="fn:1"><p><a href="https://www.waermeagentur.example.org/grundlagen/netze">Grundlagen der Wärmenetze
(waermeagentur.example.org)</a>&#160;<a href="#fnref:1">↩︎</a></p></li>
<li id="fn:2"><p><a href="https://www.heizwerk.example.com/wissen/vorlauf">Vorlauf und Rücklauf erklärt
(heizwerk.example.com)</a>&#160;<a href="#fnref:2">↩︎</a></p></li>
</ol></div>
</article></main></body></html>"""


def test_the_entries_of_markdown_footnotes_are_sources():
    assert _cited(html_page("/wissen/waermenetz/", _FOOTNOTES)) == [
        "https://www.waermeagentur.example.org/grundlagen/netze",
        "https://www.heizwerk.example.com/wissen/vorlauf",
    ]


_PERMALINK_HEADING = """<html lang="de"><body><main><article>
<h1>Flexible Stromtarife für Betriebe</h1>
<p>Dynamische Tarife folgen dem Preis an der Börse Stunde für Stunde und belohnen einen verschobenen Verbrauch.</p>
<h2 id="links">Weiterführende Links <a class="anchor" href="#links">#</a></h2>
<p>Gastbeitrag</p>
<p><a href="https://www.energieblatt.example.com/blog/flexible-tarife-fuer-betriebe">Flexible Stromtarife für
Betriebe</a></p>
</article></main></body></html>"""


def test_a_link_under_a_sources_heading_with_a_permalink_marker_named_like_the_title():
    assert _cited(html_page("/literatur/tarife/", _PERMALINK_HEADING)) == [
        "https://www.energieblatt.example.com/blog/flexible-tarife-fuer-betriebe"
    ]


_COVERAGE = """<html lang="en"><body><main><article>
<h1>Our app launches in Lisbon</h1>
<p>Last week we launched the tracker with the city's residents' association. Over a hundred people came to the
launch, among them councillors and journalists. For coverage of the launch in the local press, see below:</p>
<p><a href="https://www.dailylisbon.example.pt/cidade/2024/05/nova-app-acompanha-promessas-da-camara">Nova app
acompanha promessas da câmara municipal</a></p>
<p><a href="https://www.radiosul.example.pt/noticias/associacao-lanca-aplicacao-para-moradores">Associação lança
aplicação para moradores do bairro</a></p>
<p>This entry was tagged launch.</p>
</article></main></body></html>"""

_LINK_LIST = """<html lang="en"><body><main><article>
<h1>Our app launches in Lisbon</h1>
<p>Last week we launched the tracker with the city's residents' association. We thank our friends:</p>
<p><a href="https://www.friends-one.example.org/projects/tracker-support">The residents' association of the old
town</a></p>
<p><a href="https://www.friends-two.example.org/about/our-work">The neighbourhood council of the river quarter</a></p>
</article></main></body></html>"""


def test_a_list_of_press_articles_announced_as_coverage_is_cited():
    assert len(_cited(html_page("/news/launch/", _COVERAGE, lang="en"))) == 2


def test_a_list_of_links_without_such_an_announcement_stays_a_link_list():
    assert _cited(html_page("/news/launch/", _LINK_LIST, lang="en")) == []


@pytest.mark.parametrize(
    ("url", "entry"),
    [
        ("http://www.cgu.gov.br/", ".gov.*"),
        ("https://www.camara.sp.gov.br/blog/plataforma", ".gov.*"),
        ("https://www.inegi.gob.mx/temas/", ".gob.*"),
        ("https://ised-isde.gc.ca/site/stats", ".gc.ca"),
        ("https://www.stats.govt.nz/census", ".govt.nz"),
        ("https://www.example-gov.com/", None),
    ],
)
def test_public_bodies_under_a_country_domain_are_authoritative(url, entry):
    assert lx.authoritative_entry(url) == entry


_CONTACT_CARD = """<html lang="de"><body><main>
<h1>Kontakt</h1>
<p>Hast du Fragen zum Projekt? Schreib uns, wir melden uns so schnell es geht.</p>
<div class="card"><p>Projektleitung Dr. Jana Beispiel Hochschule Musterstadt Fakultät für Soziales Ring 4,
12345 Musterstadt <a href="https://www.hs-musterstadt.de/personen/jana.beispiel/">Zur Personenseite</a></p></div>
<p><a href="https://www.hs-musterstadt.de/">Zur Hochschule Musterstadt</a></p>
<p>Gefördert vom Bund; das <a href="https://www.hs-musterstadt.de/impressum">Impressum der Hochschule</a> gilt.</p>
</main></body></html>"""


def test_buttons_to_a_persons_page_an_organisation_and_an_imprint_are_no_citations():
    verdicts = judge_links(html_page("/mitmachen/kontakt/", _CONTACT_CARD))
    assert len(verdicts) == 3
    assert [v.citation for v in verdicts] == [False, False, False]


_LIBRARY_RECORD = """<html lang="de"><body><main><article>
<h1>Probe-Kits in der Forschung</h1>
<p>Wie Probe-Kits in der partizipativen Forschung wirken, beschreibt unser Beitrag
<a href="https://dl.fachverband.example.de/handle/20.500.99999/4711">Probe-Kits für partizipative Forschung</a>
im Tagungsband der Fachgruppe.</p>
<p>Die neue Version des Programms gibt es <a href="https://dl.toolmaker.example.com/tool-setup-2.4.exe">als
Installer</a>.</p>
</article></main></body></html>"""


def test_a_digital_library_record_is_a_document_an_installer_is_a_download():
    assert _cited(html_page("/blog/probes/", _LIBRARY_RECORD)) == [
        "https://dl.fachverband.example.de/handle/20.500.99999/4711"
    ]
