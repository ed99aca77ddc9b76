"""Citation classes of an English non-profit and an engineering blog (held-out 25 and 26), in text of our own.

- A link through a redirect service ("t.umblr.com/redirect?…&z=https://…") is judged by where it leads.
- The site's circle: the projects, campaigns, partners and supporters a page of their own lists (/projects/,
  /unterstuetzer/) are promoted wherever the site links them, not cited; a document on such a site still backs
  the text, and a strong source stays a source.
- A home page that shows its latest posts whole: a link inside a post belongs to the post (its own short news
  items with their links are the home page's).
"""

from __future__ import annotations

import pytest

from scoring.checks.outbound_citations import citation_links, judge_links
from scoring.site_relations import circle, link_target, relations_page
from tests.factories import html_page, site


def _cited(page, data=None) -> list[str]:
    return [link.url for link in citation_links(page, data)]


def test_a_redirect_service_link_is_judged_by_its_target():
    wrapped = "https://t.umblr.example/redirect?t=abc123&z=https%3A%2F%2Fwww.strassen-atlas.example%2Fzahlen"
    assert link_target(wrapped) == "https://www.strassen-atlas.example/zahlen"
    assert link_target("https://www.google.com/url?q=https://www.bfs.example.ch/laerm&sa=D") == (
        "https://www.bfs.example.ch/laerm"
    )
    # a query that only carries an address is no redirect: a search page, a share button's text
    assert link_target("https://archiv.example.org/suche?ref=https://x.example/") == (
        "https://archiv.example.org/suche?ref=https://x.example/"
    )
    html = f"""<html lang="en"><body><main><article><h1>Cyclists rally in twelve towns</h1>
<p>Last spring the <a href="{wrapped}">street atlas counted far more riders</a> on the new lanes than planned.</p>
</article></main></body></html>"""
    verdicts = judge_links(html_page("/news/rally/", html))
    assert [v.link.url for v in verdicts] == ["https://www.strassen-atlas.example/zahlen"]


_PROJECTS = """<html lang="en"><body><main><h1>Our projects</h1>
<div class="card"><a href="https://www.quiet-streets.example/">Quiet Streets</a><p>Our campaign for 20 mph.</p></div>
<div class="card"><a href="https://fix-the-bridge.example/">Fix the Bridge</a><p>Petition to the council.</p></div>
<div class="card"><a href="https://www.bike-census.example/">Bike Census</a><p>Volunteers count riders.</p></div>
</main></body></html>"""

_POST = """<html lang="en"><body><main><article><h1>What the bike census found</h1>
<p>Volunteers of the <a href="https://www.bike-census.example/results-2024">census counted 4,100 riders</a> on
the bridge in one week, and the <a href="https://www.bike-census.example/docs/counting-method">method notes</a>
explain how.</p>
<p>The <a href="https://www.quiet-streets.example/why">Quiet Streets campaign</a> asks for lower speeds, as the
<a href="https://www.road-safety-review.example/2024/speed-and-injury">road safety review of 2024</a> advises.</p>
</article></main></body></html>"""


def test_the_sites_own_projects_are_promoted_not_cited():
    post = html_page("/news/census/", _POST)
    data = site(html_page("/projects/", _PROJECTS), post)
    assert circle(data) == {"quiet-streets.example", "fix-the-bridge.example", "bike-census.example"}
    # documentation on a project's site still backs the text; the outside review is a source as before
    assert _cited(post, data) == [
        "https://www.bike-census.example/docs/counting-method",
        "https://www.road-safety-review.example/2024/speed-and-injury",
    ]
    # without the site (or its projects page) the same links are citations
    assert len(_cited(post)) == 4
    assert _cited(post, site(post)) == _cited(post)


def test_a_relations_page_is_named_by_the_last_segment_of_its_address():
    for url in ("https://x.example/projects/", "https://x.example/unsere-partner.html", "https://x.example/foerderer"):
        assert relations_page(url)
    for url in ("https://x.example/projects/quiet-streets/", "https://x.example/", "https://x.example/news/partner-day/"):
        assert not relations_page(url)


def test_a_page_listing_fewer_than_three_properties_names_no_circle():
    two = """<html lang="de"><body><main><h1>Partner</h1><p>Wir arbeiten mit der
<a href="https://www.stadtwerke-nord.example/">Stadtwerke Nord</a> und dem
<a href="https://www.energieinstitut.example/">Energieinstitut</a> zusammen.</p></main></body></html>"""
    assert circle(site(html_page("/partner/", two))) == frozenset()


_POST_TEXT = (
    "We start each service in memory and call it over a fake network, which keeps our suite fast and close to "
    "production. The host replaces the network layer only, so every middleware still runs as it does live. "
) * 4

_HOME = f"""<html lang="en"><body><main><h1>Engineering at Tablebook</h1>
<article><h2><a href="/blog/2024/05/02/test-hosts/">Testing services with an in-memory host</a></h2>
<p>May 2, 2024</p><p>{_POST_TEXT}</p><h3>Setting it up</h3>
<p>Add the <a href="https://packages.example.org/testhost/">test host package</a> to the test project first.</p>
</article>
<article><h2><a href="/blog/2024/04/11/queues/">Why we moved to queues</a></h2><p>April 11, 2024</p>
<p>{_POST_TEXT}</p><h3>What changed</h3><p>Our booking writes used to block the page; now a queue takes them.</p>
</article></main></body></html>"""

_HOME_NEWS = """<html lang="de"><body><main><h1>Lernen im Team</h1>
<h2><a href="/de/2024/05/02/convention/">Rückblick auf die Convention 2024</a></h2>
<p>Die Folien des Vortrags zur Lage der Methode stehen im <a href="https://slides.example.org/lage-2024/">Archiv der
Vorträge</a> bereit.</p>
<h2><a href="/de/2024/03/11/leitfaden/">Neuer Leitfaden erschienen</a></h2>
<p>Der <a href="https://leitfaden.example.net/de/wandel/">Leitfaden für den Wandel</a> ist jetzt als Buch
erschienen.</p>
</main></body></html>"""


def test_links_in_the_whole_posts_of_a_home_page_belong_to_the_posts():
    home = html_page("/", _HOME)
    assert _cited(home) == []
    assert [v.reason.id for v in judge_links(home)] == ["outbound-citations.teaser"]


def test_a_home_pages_own_short_news_items_cite():
    assert len(_cited(html_page("/de/", _HOME_NEWS))) == 2


def test_an_article_under_its_authors_handle_is_no_profile():
    html = """<html lang="en"><body><main><article><h1>Web apps in the app store</h1><p>The
<a href="https://posts.example/@mara/web-apps-can-now-ship-to-the-store-3f9a1c">seventeen-minute post by Mara Lind</a>
explains how a web app gets into the store.</p><p>Follow <a href="https://posts.example/@mara">Mara</a> for more.</p>
</article></main></body></html>"""
    assert _cited(html_page("/blog/web-apps-store/", html)) == [
        "https://posts.example/@mara/web-apps-can-now-ship-to-the-store-3f9a1c"
    ]


@pytest.mark.parametrize("title", ["We're hiring!", "Entwickler für Web-Anwendungen (m/w/d)", "Stellenausschreibung"])
def test_a_job_advert_cites_nothing(title: str):
    html = f"""<html><body><main><article><h1>{title}</h1><p>We look for a person who writes clear code and
documents it well; the <a href="https://docs.example.com/document/d/abc123/edit">full description of the role</a>
has the details, and the <a href="https://www.labour-stats.example.gov/pay/2024">pay survey of 2024</a> our range.</p>
</article></main></body></html>"""
    page = html_page("/news/jobs-2024/", html)
    assert _cited(page) == []
    assert {v.reason.id for v in judge_links(page)} == {"outbound-citations.job-advert"}


def test_a_persons_page_and_a_services_terms_off_legal_pages_are_no_citations():
    html = """<html lang="en"><body><main><article><h1>Dr. Ada Moreno</h1><p>Ada is an assistant professor of
epidemiology; see her <a href="https://www.publichealth.example.edu/people/our-faculty/am1234">faculty page</a>
and her <a href="https://www.journal.example.org/article/10.1234/health.2024.15">study of heat and hospital
admissions</a>.</p><p>This site is protected by a captcha, and the <a href="https://policies.example.com/privacy">Privacy
Policy</a> and <a href="https://policies.example.com/terms">Terms of Service</a> of its provider apply.</p>
</article></main></body></html>"""
    assert _cited(html_page("/people/ada/", html)) == [
        "https://www.journal.example.org/article/10.1234/health.2024.15"
    ]


def test_a_blogs_post_on_a_social_host_is_no_profile():
    from scoring.citation_rules import non_source_kind

    assert non_source_kind("https://chartnotes.tumblr.com/post/16733273/details-on-axes") is None
    assert non_source_kind("https://www.tumblr.com/chartnotes") == "social-profile"
