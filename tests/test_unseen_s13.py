"""Held-out 44-48 failure classes (a security research blog, a news-literacy non-profit, a ventilation-hygiene
firm, a study-commission watch blog, a reviews SaaS), each in text of our own:

Dates
- a WordPress theme without <article> that closes the post with "Dezember 14, 2012 | by Name" inside its hAtom
  entry (class "hentry"): the post's date.

Bylines
- a Drupal node's parent-section link near the title ("Blogs", "About") and a rel=author link to a Google+
  profile are no names;
- "By Name in Blog" under a heading that links to another post, after the listing's H1: a listed post's byline.

Page types
- a section's index of Drupal view rows (title link, a date line, a deck) is a listing, whatever section;
- a person's page below /about/board/ is a profile; a dated story below /about/newsroom/ is an article;
- /artikel/4711/ with its own dated article item and byline is a post, /blog/11/ stays a page of the listing.

Quotes
- "„…“ (Prof. Carstensen) das …": the name in parentheses after the quotation, mid-sentence;
- "Darauf macht die Vorsitzende Jana Roe im Interview aufmerksam: „…“": the subject after a separable verb;
- "Was sagt Zimmer zum Thema? „…“": a short question naming the speaker right before the quotation;
- middle initials ("Michael L. Atkinson") and Irish surnames ("Conor O’Neill") are names; "said ACME founder and
  CEO Michael L. Atkinson": the person after the employer and roles speaks; "Pat O’Neill, Hotel Consult says" and
  "Jo Roe, SRT Marine Systems CEO said": the employer after the comma does not.
"""

from __future__ import annotations

import pytest

from scoring.checks.attributed_quotes import find_quotations
from scoring.pagetypes import classify
from spiders.document import parse_html
from spiders.extract_byline import extract_bylines
from tests.factories import html_page, text_page

PROSE_DE = "Die Kommission diskutierte den Bericht der Projektgruppe über Wachstum und Wohlstand im Land. " * 5
PROSE_EN = "Our students learn how to tell news from opinion and how to check a claim before sharing it. " * 5


def _hentry_post(meta: str) -> str:
    return f"""<html lang="de"><head><title>Nachhaltiger Konsum? | watch</title></head><body>
<div id="header"><a href="/">watch</a></div>
<div class="clearfix"><div class="post single hentry author-jana-roe category-allgemein">
<div class="post-title"><h1>Nachhaltiger Konsum?</h1></div>
<p>{PROSE_DE}</p><p>{PROSE_DE}</p>
<div class="meta">{meta}</div></div>
<div id="sidebar"><h2>Neue Beiträge</h2><ul><li><a href="/b/">Ein anderer Beitrag</a></li></ul></div></div>
</body></html>"""


@pytest.mark.parametrize(
    ("meta", "date"),
    [
        ("Dezember 14, 2012&nbsp;|&nbsp; by <a href='/author/jana-roe/' rel='author'>Jana Roe</a>", "2012-12-14"),
        ("14. Dezember 2012 | von Jana Roe", "2012-12-14"),
        ("Tags: Wachstum, Konsum, Stand der Debatte 14. Dezember 2012 im Ausschuss", None),  # a sentence
    ],
)
def test_a_closing_meta_line_of_an_hatom_entry_dates_the_post(meta: str, date: str | None) -> None:
    assert html_page("/nachhaltiger-konsum/", _hentry_post(meta)).extras.visible_date == date


def _drupal_section(body: str) -> str:
    return f"""<html><head><title>NLP News | NLP</title></head><body>
<nav class="navigation"><ul class="menu"><li class="expanded active-trail"><a href="../blogs.html">Blogs</a></li>
</ul></nav>
<div class="block-sitewide-page-title-block"><div class="content"><h1>NLP News</h1></div></div>
<article class="node node-webtree-section author-awpadmin node-full"><div class="content clearfix">
<div class="structural-parent"><a href="../blogs.html">Blogs</a></div></div></article>
{body}
<span class="sitewide-social-media"><a href="http://plus.google.com/1115" rel="author"><span>Google+</span></a></span>
</body></html>"""


def _view_rows(n: int) -> str:
    rows = "".join(
        f"""<div class="views-row"><div class="views-field-title"><span class="field-content">
<a href="nlp-news/post-{i}.html">Students check the news, part {i}</a></span></div>
<div class="views-field-field-webtree-dateline"><h6><span class="date-display-single">January {i + 1}, 2017</span>
</h6></div>
<div class="views-field-field-webtree-deck"><div class="field-content">{PROSE_EN[:120]}</div></div></div>"""
        for i in range(n)
    )
    return f'<section class="block-structural-childview"><h2 class="block-title">Children</h2>{rows}</section>'


def test_section_links_and_a_google_plus_author_link_are_no_bylines() -> None:
    html = _drupal_section(f"<p>{PROSE_EN}</p>")
    assert extract_bylines(parse_html(html), "https://www.nlp.example/news/nlp-news.html") == []


@pytest.mark.parametrize(("rows", "kind"), [(8, "listing"), (1, "article")])
def test_a_sections_view_rows_with_dates_are_a_listing(rows: int, kind: str) -> None:
    html = _drupal_section(_view_rows(rows) + f"<p>{PROSE_EN}</p><p>{PROSE_EN}</p>")
    html = html.replace("<h1>NLP News</h1>", "<h1>NLP News</h1><p class='date'>January 12, 2017</p>")
    assert classify(html_page("/news/nlp-news.html", html)).kind == kind


def _listing_with_teasers() -> str:
    teasers = "".join(
        f"""<section class="post"><h2><a href="/blog/2018/04/{i:02d}/post-{i}/">Post number {i}</a></h2>
<p class="author-category">By <a href="#">Catherine Roe</a> in <a href="/categories/blog">Blog</a></p>
<p>{PROSE_EN[:200]}</p><a href="/blog/2018/04/{i:02d}/post-{i}/">Continue reading</a></section>"""
        for i in range(1, 4)
    )
    return f"""<html><head><title>Blog</title></head><body><div id="heading-breadcrumbs"><h1>Blogs</h1></div>
<div id="content">{teasers}</div></body></html>"""


def test_a_byline_under_a_heading_that_links_to_another_post_is_that_posts() -> None:
    assert extract_bylines(parse_html(_listing_with_teasers()), "https://reviews.example/blog/") == []


def test_a_byline_under_the_pages_own_title_stays() -> None:
    html = """<html><head><title>Post</title></head><body><article><h1>Post number 1</h1>
<p class="author-category">By <a href="#">Catherine O&#39;Neill</a> in <a href="/categories/blog">Blog</a></p>
<h2><a href="/blog/other/">A related post</a></h2><p>Text of the post, long enough to read as one.</p>
</article></body></html>"""
    names = [a.name for a in extract_bylines(parse_html(html), "https://reviews.example/blog/2018/04/01/post-1/")]
    assert names == ["Catherine O'Neill"]


def _page(path: str, heading: str, date: str = "") -> str:
    dated = f"<p class='date'>{date}</p>" if date else ""
    return f"""<html lang="en"><head><title>{heading}</title></head><body><main><h1>{heading}</h1>{dated}
<p>{PROSE_EN}</p><p>{PROSE_EN}</p></main></body></html>"""


@pytest.mark.parametrize(
    ("path", "heading", "date", "kind"),
    [
        ("/about/board/walt-roe.html", "Walt Roe", "", "profile"),
        ("/about/newsroom/patch-students-meet-journalists.html", "Students meet journalists", "May 2, 2011", "article"),
        ("/about/our-mission.html", "Our mission", "", "about"),
    ],
)
def test_board_members_are_profiles_and_newsroom_stories_articles(
    path: str, heading: str, date: str, kind: str
) -> None:
    assert classify(html_page(path, _page(path, heading, date))).kind == kind


def _numbered(path: str, article_item: bool) -> str:
    item = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Heizen",'
        '"datePublished":"2025-03-04","author":{"@type":"Person","name":"Jana Roe"}}</script>'
        if article_item
        else ""
    )
    return f"""<html lang="de"><head><title>Heizen mit Luft</title>{item}</head><body><article><h1>Heizen mit Luft</h1>
<p class="byline">Von Jana Roe · <time datetime="2025-03-04">4.3.2025</time></p><p>{PROSE_DE}</p><p>{PROSE_DE}</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("path", "article_item", "kind"),
    [("/artikel/4711/", True, "article"), ("/artikel/12/", True, "article"), ("/blog/11/", False, "listing")],
)
def test_a_post_numbered_by_its_id_is_no_page_of_its_section(path: str, article_item: bool, kind: str) -> None:
    assert classify(html_page(path, _numbered(path, article_item))).kind == kind


def _speakers(text: str, lang: str) -> list[str | None]:
    return [q.speaker for q in find_quotations(text_page("/blog/bericht/", text, lang=lang))]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "Wachstum wird verstanden als „Ausdruck der Entdeckungsfreude und Ergebnis menschlichen Strebens“ "
            "(Prof. Carstensen) das nur durch Verbote verhindert werden könne.",
            ["Prof. Carstensen"],
        ),
        (
            "Die Medien berichten kaum. Darauf macht die Vorsitzende Jana Roe in einem Interview aufmerksam: "
            "„Die Debatte um die Rettung zeigt, dass keine nachhaltige Veränderung zu erwarten ist.“",
            ["Jana Roe"],
        ),
        (
            "Michael Zimmer sprach als Erster. Was sagt Zimmer zum Thema Wachstum? „Wachstum erscheint heute als "
            "bloße Restgröße eines einstmals großen Begriffs.“",
            ["Michael Zimmer"],
        ),
        (
            "Was bleibt vom Jahr? „Wachstum erscheint heute als bloße Restgröße eines einstmals großen Begriffs.“",
            [None],
        ),
    ],
)
def test_german_speakers_in_parentheses_after_a_separable_verb_and_in_a_question(
    text: str, speakers: list[str | None]
) -> None:
    assert _speakers(text, "de") == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "The product launched today. “Social tools, while powerful, are really tactics for every restaurant.” "
            "said FohBoh founder and CEO Michael L. Atkinson\nMost restaurants own a website.",
            ["Michael L. Atkinson"],
        ),
        (
            "Guests love it.\nPat O’Neill, Hotel Consult says “It is fantastic that hotels now have guest reviews "
            "on their own websites.”\nConor O’Neill, CEO of LouderVoice says “The businesses that will thrive are "
            "those that listen to their customers.”",
            ["Pat O’Neill", "Conor O’Neill"],
        ),
        (
            "The contract was signed.\nJo Roe, SRT Marine Systems CEO said: “Again we are leading the way in "
            "fishery monitoring systems.”",
            ["Jo Roe"],
        ),
    ],
)
def test_english_speakers_with_initials_apostrophes_and_employers(text: str, speakers: list[str | None]) -> None:
    assert _speakers(text, "en") == speakers


def _figures(text: str, lang: str = "de") -> list[str]:
    from scoring.checks.statistics import page_statistics

    return [f for s in page_statistics(text_page("/wissen/beitrag/", text, lang=lang)) for f in s.figures]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Die VDI 6022 unterscheidet Anlagen nach Nutzung und Risiko.", []),
        ("Die Prüfung nach DIN EN 16798 Teil 3 umfasst auch die Luftqualität der Räume.", []),
        ("Our ISO 27001 certification covers every office we run.", []),
        ("Im vergangenen Jahr haben wir 6022 Anlagen nach der Richtlinie geprüft.", ["6022 Anlagen"]),
    ],
)
def test_a_standards_number_is_an_identifier(text: str, figures: list[str]) -> None:
    lang = "en" if text.startswith("Our") else "de"
    assert _figures(text, lang) == figures


def _sources(text: str) -> list[str | None]:
    from scoring.checks.statistics import page_statistics

    return [s.source for s in page_statistics(text_page("/news/campaign/", text, lang="en"))]


def test_states_after_a_number_and_registered_to_are_no_reporting_verbs() -> None:
    text = (
        "More than 2,000 educators who teach more than 220,000 students in all 50 states and the District of "
        "Columbia have registered to use the platform."
    )
    assert _sources(text) == [None]
    reported = "The Federal Reserve states that 40 percent of adults could not cover an expense of 400 dollars."
    assert _sources(reported) != [None]


def test_a_home_pages_post_teasers_without_a_title_carry_no_byline() -> None:
    html = """<html><head><title>Reviews for your business</title></head><body><div id="content"><p>Latest posts.</p>
<div class="box-image-text blog"><div class="content"><h4><a href="/blog/2018/04/24/privacy/">Updated Privacy Policy</a>
</h4><p class="author-category">By <a href="#">Catherine Roe</a> on April 24, 2018</p><p class="intro">We have updated
our policy.</p></div></div></div></body></html>"""
    assert extract_bylines(parse_html(html), "https://reviews.example/") == []


def test_a_gendered_plural_is_no_speaker() -> None:
    text = (
        "Redner_innen aus Wirtschaft und Wissenschaft kamen zu Wort. Redner_innen der Fraktionen fehlten. "
        "Die Sitzung war lang. Somit würde ich mich der Meinung des Kommissionsmitglieds Prof. André Habisch "
        "anschließen, der als Kommentar zu beiden Redner_innen sagte, im fehle „eine Perspektive, die auf die "
        "Innovationskraft von Unternehmen setzt“."
    )
    assert _speakers(text, "de") == ["Prof. André Habisch"]


def test_a_documents_owner_and_a_hyphen_signature_in_a_blockquote() -> None:
    html = f"""<html lang="en"><head><title>Initial access</title></head><body><article><h1>Initial access</h1>
<p>{PROSE_EN}</p><p>Microsoft is fighting macro malware with new defaults. Microsoft’s documentation states:</p>
<blockquote><p>VBA macros are a common way for malicious actors to gain access, so we are changing the default
behavior of Office applications.</p></blockquote><p>{PROSE_EN}</p>
<blockquote><p>In combat, deception can strengthen the weaker side. When all other factors are equal the more deceptive
player will always win. - Barton Whaley</p></blockquote><p>{PROSE_EN}</p></article></body></html>"""
    page = html_page("/articles/2024/08/initial-access/", html)
    assert sorted(q.speaker for q in find_quotations(page) if q.speaker) == ["Barton Whaley", "Microsoft"]
