"""Held-out 13-15 byline and date templates (issue 12), on fixtures of our own: co-authors listed with
commas and the section after them ("By A, B, C in Public health"), a credit line of its own naming who
made the content, a person's page linked from running text (a mention), a list of posts whose titles are
H1 links, event cards linking elsewhere (a place is no byline, an event's date no page date), and the
date a page declares in microdata meta tags (Hugo writes them in the head)."""

from __future__ import annotations

from spiders.byline_cards import credit_names, name_role_names
from spiders.byline_lines import listed_names
from spiders.document import parse_html
from spiders.extract_byline import extract_bylines
from spiders.extract_evidence import extract_visible_date, header_window
from spiders.extract_structured import extract_dates

TEXT = "A long paragraph about mending fishing nets on the harbour wall, written for the fixture. " * 6


def _names(html: str, url: str = "https://example.org/notes/nets/") -> list[str]:
    return [a.name for a in extract_bylines(parse_html(html.encode()), url)]


def _date(html: str) -> str | None:
    tree = parse_html(html.encode())
    return extract_visible_date(tree, header_window(tree))[0]


POST = """<html><head><title>Nets</title>{head}</head><body><header><nav><a href="/">Harbour notes</a></nav></header>
<main><article class="post-content"><header class="post-header"><h1>Mending nets by hand</h1>
<p class="f6">{byline}</p><p class="f7">{date}</p></header>
<section class="post-body"><p>{text}</p>{extra}</section></article></main></body></html>"""


def _post(byline: str = "", date: str = "", head: str = "", extra: str = "") -> str:
    return POST.format(byline=byline, date=date, head=head, extra=extra, text=TEXT)


def test_co_authors_listed_with_commas_before_the_section():
    html = _post('By Mara T. Quill, Oskar Lind, Ines Vogt in <a href="/categories/harbour">Harbour work</a>')
    assert _names(html) == ["Mara T. Quill", "Oskar Lind", "Ines Vogt"]
    html = _post('Von Jonas Weber, Lea K. Roth in <a href="/kategorie/allgemein">Allgemein</a>', date="3. Mai 2022")
    assert _names(html) == ["Jonas Weber", "Lea K. Roth"]
    assert listed_names("Ada Quill, Ben Hart, Cleo Marsh and Dana Frost") == [
        "Ada Quill",
        "Ben Hart",
        "Cleo Marsh",
        "Dana Frost",
    ]
    # a name and an affiliation or a place is no list of co-authors
    assert listed_names("Helmut Sauer, Hochschule Karlsruhe") == []
    assert listed_names("Jana Muster, Berlin Mitte") == []
    # the co-author line over a bare date is a byline, not "Name, Role" (the first name kept whole)
    assert name_role_names("By Mara Quill, Oskar Lind in Harbour work") == []


def test_a_credit_line_of_its_own_names_who_made_the_content():
    extra = "<p><em>Charts prepared by Mara Quill</em></p><h2>Figure 1</h2><p>Caption of the first chart.</p>"
    assert _names(_post(extra=extra)) == ["Mara Quill"]
    assert credit_names("Grafiken und Tabellen zusammengestellt von Jonas Weber") == ["Jonas Weber"]
    assert credit_names("Photos by Mara Quill") == []
    assert credit_names("Charts prepared by Harbour Research GmbH") == []
    # a phrase inside a paragraph is no credit line of its own
    extra = "<p>The fixture says so. <em>Charts prepared by Mara Quill</em> and more text follows here.</p>"
    assert _names(_post(extra=extra)) == []


HOME = """<html><head><title>Harbour Collaborative</title></head><body><main><section>
<h1>Harbour Collaborative</h1><h2>Research group</h2>
<p>The Harbour Collaborative is led by <a href="/people/mara">Mara T. Quill</a>, PhD, Associate Professor of Marine
Studies at the Coastal School. We study how nets, boats and harbours shape the work of the people who use them.</p>
<a href="/project">Read more</a></section></main></body></html>"""


def test_a_person_linked_from_running_text_is_mentioned_not_the_writer():
    assert _names(HOME, "https://example.org/") == []
    # the same link opening a short line is a byline
    assert _names(_post('By <a href="/people/mara">Mara T. Quill</a>')) == ["Mara T. Quill"]


TEASER = """<article class="pt4"><header><h1><a href="/writing/post-{i}/">Post {i} on nets</a></h1></header>
<p>An excerpt of post {i} about nets and harbours, long enough to read as a teaser of its own.</p>
<footer><p>March {i}, 2021</p><p>By Mara Quill, Oskar Lind, Ines Vogt in <a href="/c/nets">Nets</a></p></footer>
</article>"""
LISTING = """<html><head><title>Writing</title></head><body><main>
<section class="intro"><h2>Other writing</h2></section><section class="list">{teasers}</section></main></body></html>"""


def test_a_list_of_posts_whose_titles_are_h1_links_has_no_byline():
    html = LISTING.format(teasers="".join(TEASER.format(i=i) for i in range(1, 5)))
    assert _names(html, "https://example.org/writing/") == []


EVENT = """<div class="col"><a href="https://events.example.org/{slug}/"><div class="event-item"><h3>{name}<br>
<span class="date">{date}</span></h3><p>{place}</p></div></a></div>"""
EVENTS = """<html><head><title>Events</title></head><body><main><div class="container"><h1>Events</h1>
<div class="row">{cards}</div></div></main></body></html>"""


def test_event_cards_linking_elsewhere_give_no_byline_and_no_date():
    cards = [
        EVENT.format(slug="harbour-day", name="Harbour Day 2018", date="Sep 18, 2018", place="Santa Clara, CA"),
        EVENT.format(slug="net-fair", name="Net Fair 2018", date="May 14, 2018", place="Portland, OR"),
    ]
    html = EVENTS.format(cards="".join(cards))
    assert _names(html, "https://example.org/events/") == []
    assert _date(html) is None
    # a date line of the page's own, outside the cards, still dates it
    assert _date(html.replace("<h1>Events</h1>", "<h1>Events</h1><p>Stand: 3. Mai 2018</p>")) == "2018-05-03"


def _dates(html: str) -> tuple[str | None, str | None, str | None]:
    dates = extract_dates(parse_html(html.encode()), [], use_htmldate=False)
    return dates.published, dates.published_source, dates.modified


META = '<meta itemprop="datePublished" content="{0}T00:00:00+00:00"><meta itemprop="dateModified" content="{1}">'


def test_microdata_meta_dates_in_the_head_date_the_page():
    assert _dates(_post(head=META.format("2020-12-01", "2021-01-05T10:00:00+00:00"))) == (
        "2020-12-01",
        "meta",
        "2021-01-05",
    )
    # the zero date of an undated page dates nothing, nor does the build's modification stamp beside it
    assert _dates(_post(head=META.format("1969-12-31", "2022-06-29T16:53:28+02:00"))) == (None, None, None)
    assert _dates(_post(head='<meta itemprop="dateModified" content="2022-06-29">')) == (None, None, None)
    # inside the page's own item (the one holding the H1) too
    html = _post().replace(
        '<article class="post-content">', '<article itemscope itemtype="https://schema.org/Article">'
    )
    html = html.replace("<h1>", '<meta itemprop="datePublished" content="2019-02-05 00:00:00 +0000 UTC"><h1>')
    assert _dates(html)[:2] == ("2019-02-05", "meta")


ITEM = """<div itemscope itemtype="https://schema.org/BlogPosting"><h3>Post {i}</h3>
<meta itemprop="datePublished" content="2021-0{i}-01"><p>Teaser {i}.</p></div>"""


def test_microdata_dates_of_several_teaser_items_are_theirs():
    items = "".join(ITEM.format(i=i) for i in range(1, 4))
    html = f"<html><body><main><h1>All posts</h1>{items}</main></body></html>"
    assert _dates(html) == (None, None, None)


ASIDE_POST = """<html><body><main><article class="post--single">
<div class="title"><h1>Open registers, a first look</h1></div>
<div class="row"><aside class="post__meta"><p><strong>{names}</strong></p>
<p class="post__date"><time datetime="2019-05-20">20.05.2019</time></p>
<ul id="tags"><li><a href="/tags/register">#Register</a></li><li><a href="/tags/open-data">#Open Data</a></li>
<li><a href="/tags/transparenz">#Transparenz</a></li></ul></aside>
<div class="post__main"><p>{text}</p></div></div></article></main></body></html>"""


def test_names_set_on_lines_of_their_own_beside_a_list_of_tags():
    html = ASIDE_POST.format(names="Lena Okafor<br>Tomas Brandt", text=TEXT)
    assert _names(html) == ["Lena Okafor", "Tomas Brandt"]
    assert _names(ASIDE_POST.format(names="Lena Okafor", text=TEXT)) == ["Lena Okafor"]
    # abbreviations of organisations in the name slot name no person
    assert _names(ASIDE_POST.format(names="OKN<br>HRB", text=TEXT)) == []


END_META_POST = """<html><body><header><nav><a href="/">Harbour notes</a></nav></header><main>
<article class="BlogItem"><h1>Mending nets by hand</h1><div class="body"><p>{text}</p><p>{text}</p></div>
<div class="Blog-meta"><a href="/blog/?author=1234" class="Blog-meta-item Blog-meta-item--author">Mara Quill</a>
<time class="Blog-meta-item--date" datetime="2018-08-15">August 15, 2018</time></div>
<div class="share"><a href="https://social.example/share">Share</a></div></article></main></body></html>"""


def test_the_only_dated_meta_row_under_the_text_is_the_byline():
    assert _names(END_META_POST.format(text=TEXT)) == ["Mara Quill"]
    # a list of posts, each with such a row, gives none of them
    teaser = """<article class="item"><h2><a href="/blog/p{i}">Post {i}</a></h2><p>{text}</p>
<div class="Blog-meta"><a href="/blog/?author=1" class="Blog-meta-item--author">Mara Quill</a>
<time datetime="2018-08-1{i}">August 1{i}, 2018</time></div></article>"""
    items = "".join(teaser.format(i=i, text=TEXT) for i in range(1, 4))
    html = f"<html><body><main><h1>Blog</h1>{items}</main></body></html>"
    assert _names(html, "https://example.org/blog/") == []


EVENT_PAGE = """<html><body><main><article class="eventitem"><h1 class="eventitem-title">Nets and knots, a talk</h1>
<ul class="eventitem-meta"><li class="eventitem-meta-date"><time class="event-date" datetime="2018-11-13">Tuesday,
November 13, 2018</time></li><li><time class="event-time-start" datetime="2018-11-13">2:30 PM</time></li></ul>
<p>{text}</p></article></main></body></html>"""


def test_an_event_pages_date_is_when_it_takes_place_not_when_published():
    html = EVENT_PAGE.format(text=TEXT)
    assert _date(html) is None
    dates = extract_dates(parse_html(html.encode()), [], use_htmldate=True)
    assert dates.published is None
