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


# -- listings: whole posts on a list of posts, event cards, a directory of members ---------------------------

_WHOLE_POSTS = """<html lang="en"><body><main>
<article><h2><a href="/blog/2024/05/tracker-2-released/">Tracker 2.0 released</a></h2>
<p>We are happy to announce the second major release of the tracker, with support for offline forms and a new
export. The release follows months of work with the teams that use it every day in clinics across the region.</p>
<h3>Offline forms</h3><p>Forms now work without a connection; see the
<a href="https://docs.formkit.example.org/offline/">offline guide of the form library</a> that we build on, and
our notes on how the data is synchronised once the device is back online, with conflicts resolved per field.</p>
<h3>Export</h3><p>The export writes the open standard described by the
<a href="https://standards.example.org/exchange/v3/">exchange specification</a>, so other systems can read it.
Nothing else changes for existing users, and the upgrade takes a few minutes on a typical installation.</p>
<h3>Thanks</h3><p>Many thanks to the nurses and doctors who tested the forms on the wards, told us what was missing
and put up with the early versions. Their notes shaped every screen of this release, from the first page of a form
to the last button of the export, and we hope the next release will owe them as much as this one does.</p></article>
<article><h2><a href="/blog/2024/03/why-we-open-our-data/">Why we open our data</a></h2>
<p>Open data helps others check our work. The <a href="https://www.health-data.example.gov/report-2023">national
report on health data</a> makes the same point for public services, and it is worth reading in full before any
project decides what to publish. We describe here what we publish and why, and how others can reuse it well.</p>
<h3>What we publish</h3><p>Every month we publish the counts of forms completed, anonymised and aggregated per
region, with the code that produces them, so that anyone can repeat the numbers and find our mistakes early.
We also publish the definitions behind each count and a short note whenever a definition changes, so that a series
stays comparable over the years and nobody has to guess what a figure meant at the time it was first published.</p>
</article>
<nav><a href="/blog/page2/">Older posts</a></nav></main></body></html>"""


def test_links_inside_whole_posts_on_a_list_of_posts_are_the_posts_citations():
    assert _cited(html_page("/blog/", _WHOLE_POSTS, lang="en")) == []


_PUBLICATIONS = """<html lang="de"><body><nav><a href="/publikationen/">Publikationen und Vorträge</a></nav>
<main><h1>Publikationen und Vorträge</h1>
<p>Hier sammeln wir Beiträge über unsere Methode, die meisten auf Deutsch.</p>
<h2>2023</h2>
<p>Vortrag über Lernkreise auf der <a href="https://www.tagung.example.de/2023/programm/lernkreise">Tagung für
Lernen</a> in Köln, mit Folien und einer Aufzeichnung des ganzen Vortrags für alle, die nicht dabei sein konnten.</p>
<p>Artikel in der <a href="https://www.fachzeitschrift.example.de/2023/heft-3/lernen">Zeitschrift für Lernen</a>,
Heft 3, über die ersten Erfahrungen mit der Methode in zwei Firmen aus dem Maschinenbau und in einer Behörde.</p>
<p>Die Liste wächst mit jedem Jahr. Wer selbst über die Methode geschrieben oder gesprochen hat, kann uns gern einen
Hinweis schicken, damit wir den Beitrag hier aufnehmen. Wir nehmen Vorträge, Artikel, Bücher, Podcasts und
Abschlussarbeiten auf, solange sie öffentlich zugänglich sind und die Methode selbst zum Thema haben, nicht nur
nebenbei erwähnen. Zu jedem Eintrag schreiben wir kurz, worum es geht, wo er erschienen ist und in welcher Sprache
er vorliegt, damit Leserinnen und Leser schnell entscheiden können, ob sich der Weg zur Quelle für sie lohnt.</p>
</main></body></html>"""


def test_short_entries_of_a_list_of_publications_keep_their_citations():
    assert len(_cited(html_page("/publikationen/", _PUBLICATIONS))) == 2


_EVENTS = """<html lang="en"><body><main><h1>Events</h1>
<p>Meet us at these conferences this year.</p>
<div class="cards">
<a class="card" href="https://www.iotweek.example.com/2025/"><h3>IoT Week 2025</h3><p>Nov 13-15, 2025</p>
<p>Lyon, France</p></a>
<a class="card" href="https://edge-summit.example.org/"><h3>Edge Summit</h3><p>Sep 17-19, 2025</p>
<p>Porto, Portugal</p></a>
<a class="card" href="https://www.messe.example.de/fachtag-iot"><h3>Fachtag IoT</h3><p>13.–15. März 2025</p>
<p>Stuttgart</p></a></div>
</main></body></html>"""


def test_event_cards_are_where_to_go_not_sources():
    verdicts = judge_links(html_page("/events/", _EVENTS, lang="en"))
    assert len(verdicts) == 3 and not any(v.citation for v in verdicts)


_MEMBERS = """<html lang="en"><body><main><h1>Members</h1>
<p>The working group brings together companies that build open software for devices.</p>
<h2>Northwind Institute</h2><p>The institute builds sensors for farms and works on three projects of the group.</p>
<p><a href="https://www.northwind.example.edu/labs/open-source">Read more</a></p>
<h2>Harbor University</h2><p>Harbor University runs device fleets for ports and leads the gateway project.</p>
<p><a href="https://iot.harbor.example.edu/about/community">Read more</a></p>
</main></body></html>"""


def test_read_more_buttons_of_a_members_directory_are_no_citations():
    verdicts = judge_links(html_page("/working-group/", _MEMBERS, lang="en"))
    assert len(verdicts) == 2 and not any(v.citation for v in verdicts)
