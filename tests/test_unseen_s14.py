"""Failure classes found on real pages in the fourteenth stop, each in text of our own.

Quotes
- a quotation that cites a court ruling with its dotted date ("Urt. v. 27.02.2008") is prose, not code;
- a quotation announced by a colon and running over several paragraphs (a notice's list quoted whole) ends at
  its closing mark; one its writer never closes ends with its paragraph; a teaser's quotation cut by "…" is none.
- a document quoted with its page ("Im Koalitionsvertrag heißt es auf Seite 87: „…“") is the source.
- a testimonial card signed "Name Role Company" without a comma, under a date line: the name speaks.
- "said NLP founder and CEO Jana Roe": the person after an employer acronym that is also a technical term
  ("NLP", "UX") and lower-case roles speaks.
- a testimonial card that names its speaker above the quotation ("Luka P., Monteur" ¶ “…”) — not the role line
  of a card signed below in two lines, nor a post's byline.
- "Als Ergebnis … kann man schreiben: „…“": a capitalised function word opening the sentence is no speaker;
- a testimonial opening a paragraph runs over paragraphs to the mark that ends a later one;
- a styled component's testimonial card ("styled__TestimonialAuthor-sc-…": camel-case class words) with the
  name and the role in one slot ("Andrea Roe, Founder & CEO") is signed by the name.
- a testimonial paragraph without marks over an initialled name ("Karla Z.", "Jason P., CEO") is signed by it.

Bylines and page types
- a plain line "Stefan Brackmann, 10. Oktober 2022 09:00 Uhr" under the title and subtitle names its author when
  a known given name opens it ("Sankt Augustin, 10.12.2025" and "New York, 12. März" are datelines);
- a site's name set as an H1 in the sidebar ("<h1 class="brand-title">") is not the title: the post's "<h2
  class="post-title">" is (also when the post's sections are H1s), and the nickname on the author link under
  it is the byline;
- a date above a table of contents (links into the page's own sections) and the H1 dates the post;
- a <div> left open inside <nav> (libxml2 then ignores the </nav>) does not pull the page's <main> into the
  navigation: the main text is read as a browser builds the page;
- "Written by: Name" (a colon after the opener, a byte-order mark inside "Written") opens a byline; a byline read
  from the text ends with its line ("By Jo Roe" over the heading "At Scala Days");
- a post whose slug opens with its date below a topic tree (/themen/presse/2020-07-05-titel/) is no topic index;
- a post of the blog engine (WordPress "single-post"/"type-post") is an article, dated or not; a project's page
  about itself ("/ueber-das-projekt/") and its contributors ("/mitwirkende/") are about pages.

Citations
- "Jetzt Kontaktdaten hinterlassen" (a survey's sign-up form) is a call to action, not a source.

Statistics
- a "Quelle:"/"(Source: …)" note right after the figure's sentence (in its paragraph or as the next line) sources it;
- "Absatzes 10 Satz 1", "Artikel 11 Absatz 1": sentences and paragraphs of a law are identifiers, no counts.
- a four-digit postcode after the street's number ("Gallusstrasse 43, 9000 St. Gallen") is no count.
"""

from __future__ import annotations

import pytest

from scoring.checks.attributed_quotes import find_quotations
from scoring.checks.author_byline import visible_authors
from scoring.checks.outbound_citations import judge_links
from scoring.checks.statistics import page_statistics
from scoring.pagetypes import classify
from spiders.document import parse_html
from spiders.extract_byline import extract_bylines
from spiders.extract_quotes import extract_quotes
from spiders.regions import page_title_element
from tests.factories import html_page, text_page

PROSE_EN = "Our volunteers run relays and measure how the network grows over the years and months. " * 3
INTRO_DE = "Die Kanzlei berät Anleger, deren Beteiligungen von der Aufsicht untersagt wurden. " * 3


def _speakers(text: str, lang: str = "de") -> list[str | None]:
    return [q.speaker for q in find_quotations(text_page("/blog/urteil/", text, lang=lang))]


def test_a_quotation_that_cites_a_ruling_by_its_dotted_date_is_prose() -> None:
    text = (
        f"{INTRO_DE}\nRechtsanwältin Dr. Jana Roe hat die Verfügungen untersucht.\n"
        "Roe führt hierzu kurz aus: “Schon früher hob das Gericht solche Verfügungen auf (vgl. BVerwG, Urt. v. "
        "27.02.2008, 6 C 11.07). Wir erwarten hier dasselbe Ergebnis für unsere Mandanten.”\nMehr dazu bald."
    )
    assert _speakers(text) == ["Dr. Jana Roe"]


@pytest.mark.parametrize(
    ("quotation", "speakers"),
    [
        # announced, over a list of conditions, closed after the last one
        (
            "“Wer im eigenen Namen für fremde Rechnung handelt, braucht eine Erlaubnis, wenn:\n"
            "die Kunden die Zahl der Geschäfte vorgeben,\ndie Plattform im eigenen Namen auftritt.”",
            ["FINMA"],
        ),
        # announced and never closed: the paragraph is the quotation
        ("“Wir haben das Urteil erwartet, es ist dennoch milder ausgefallen als gedacht.", ["FINMA"]),
        # a teaser cut off inside the quotation
        ("“Wir haben das Urteil erwartet, es ist dennoch milder ...", []),
    ],
)
def test_a_quotation_announced_by_a_colon_may_run_over_paragraphs(quotation: str, speakers: list[str]) -> None:
    text = f"{INTRO_DE}\nDie FINMA führt in einem Merkblatt wie folgt aus:\n{quotation}\nWeitere Themen"
    assert [s for s in _speakers(text) if s] == speakers


def test_a_document_quoted_with_its_page_is_the_source() -> None:
    text = (
        f"{INTRO_DE}\n(1) Im Koalitionsvertrag von 2021 heißt es auf Seite 87: „Das Landesgesetz wird zu einem "
        "Transparenzgesetz nach dem Vorbild anderer Länder weiterentwickelt.“\nTeilen"
    )
    assert _speakers(text) == ["Koalitionsvertrag von 2021"]


def test_a_testimonial_card_signed_with_name_and_role_without_a_comma() -> None:
    text = (
        "Was unsere Kunden sagen\n“Der Umzug unserer Plattform verlief ohne einen einzigen Ausfall.”\nApril 2016\n"
        "Jana Roe Geschäftsleitung roe-textil.ch\n“Das Team setzt unsere Ideen in kürzester Zeit um.”\nMai 2016\n"
        "Tim Berger Stv. Leiter Digital Nordzeitung\n“Ich bin froh, einen so verlässlichen Partner zu haben.”\n"
        "Mai 2016\nEva Kunz Geschäftsleitung Kunz Auktionen\nKontakt So erreichen Sie uns"
    )
    assert _speakers(text) == ["Jana Roe", "Tim Berger", "Eva Kunz"]


def test_an_acronym_employer_before_lower_case_roles_and_the_name() -> None:
    text = (
        "Students struggle to tell news from opinion. Roe shows how NLP can help.\n"
        '"The Apple Literacy Project has worked with teachers for years on exactly this," said NLP founder and CEO '
        "Jana Roe.\nMore at our site."
    )
    assert _speakers(text, lang="en") == ["Jana Roe"]


@pytest.mark.parametrize(
    ("cards", "speakers"),
    [
        # named above the quotation, cards parted by a separator line
        (
            "|\nLuka P., Monteur\n“Ich habe als Monteur angefangen und leite heute ein Team.”\n|\n"
            "Mara O., Teamleiterin\n“Man lernt hier jeden Tag etwas Neues dazu!”\nJetzt bewerben",
            ["Luka P.", "Mara O."],
        ),
        # signed below in two lines (name, then role): the role line is not the next card's speaker
        (
            "“Ich habe als Monteur angefangen und leite heute ein Team.”\nLuka\nService Technician, Author\n"
            "“Man lernt hier jeden Tag etwas Neues dazu!”\nJetzt bewerben",
            [],
        ),
        # a post's byline above a quotation that opens its first sentence
        ("By Jess, posted 26/03/19\n“Out with the old and in with the new” is the mantra of the season.", []),
    ],
)
def test_a_testimonial_card_may_name_its_speaker_above_the_quotation(cards: str, speakers: list[str]) -> None:
    text = f"Das sagen unsere Mitarbeiter\n{cards}"
    assert [s for s in _speakers(text) if s] == speakers


def test_a_capitalised_sentence_opener_is_no_speaker() -> None:
    text = (
        f"{INTRO_DE}\nDie Staatssekretärin soll das Problem lösen. Als Ergebnis ihrer Tätigkeit kann man bisher nur "
        "schreiben: „Sie bemühte sich redlich.“\nAls letzten Punkt nenne ich das Thema Kapital."
    )
    assert _speakers(text) == [None]


def _party_post(meta_line: str) -> str:
    return f"""<html lang="de"><head><title>Grundsteuer | Partei</title></head><body>
<nav><a href="/">Start</a> <a href="/themen">Themen</a></nav>
<main><div><h1><a href="/themen/kolumne/2022-10-10-grundsteuer">Grundsteuer</a></h1>
<h2>Warum die Reform so viele Eigentümer überfordert</h2><h3>{meta_line}</h3></div>
<div><p>{INTRO_DE * 4}</p><p>{INTRO_DE * 4}</p><p>{INTRO_DE * 4}</p></div></main>
<footer><a href="/impressum">Impressum</a></footer></body></html>"""


@pytest.mark.parametrize(
    ("meta_line", "names"),
    [
        ("Stefan Brackmann, 10. Oktober 2022 09:00 Uhr", ["Stefan Brackmann"]),
        ("Jana Maria Roe , 1. Juli 2020 11:30 Uhr", ["Jana Maria Roe"]),
        ("Sankt Augustin, 10.12.2025", []),
        ("New York, 12. März 2024", []),
    ],
)
def test_a_name_and_date_line_under_the_title_opened_by_a_given_name(meta_line: str, names: list[str]) -> None:
    tree = parse_html(_party_post(meta_line).encode())
    found = extract_bylines(tree, "https://partei.example/themen/kolumne/2022-10-10-grundsteuer")
    assert [a.name for a in found] == names


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/themen/kolumne/2022-10-10-grundsteuer/", "article"),
        ("/themen/kolumne/", "listing"),
    ],
)
def test_a_dated_slug_below_a_topic_tree_is_a_post(path: str, kind: str) -> None:
    html = _party_post("Stefan Brackmann, 10. Oktober 2022 09:00 Uhr")
    assert classify(html_page(path, html)).kind == kind


def _statistics(text: str, lang: str = "de") -> list[tuple[tuple[str, ...], str | None]]:
    return [(s.figures, s.source) for s in page_statistics(text_page("/presse/bericht/", text, lang=lang))]


@pytest.mark.parametrize(
    ("text", "sourced"),
    [
        # the note right after the figure's sentence, in the same paragraph
        (
            "Ende 2018 standen Duisburg, Essen und über 60 weitere Gemeinden unter Aufsicht. Quelle: "
            "https://www.land.example/haushaltsstatus.pdf\nDamit liegt das Land vorn.",
            True,
        ),
        # a figure's caption paragraph with its source line under it
        (
            "The pretrial population in the city jails is higher now than it was before the pandemic: 3,268 people "
            "were detained on March 1.\n(Source: City Open Data)"
            "\nFigure 2. Admissions",
            True,
        ),
        # a source note two paragraphs down sources nothing
        (
            "Ende 2018 standen über 60 weitere Gemeinden unter Aufsicht, die meisten davon im Ruhrgebiet und im "
            "Bergischen Land.\nDas ist viel, denn die Aufsicht bindet jede Entscheidung der Räte an die Zustimmung "
            "der Bezirksregierung und lähmt so die Selbstverwaltung über Jahre.\nQuelle: Landesamt",
            False,
        ),
    ],
)
def test_a_source_note_right_after_the_figure_sources_it(text: str, sourced: bool) -> None:
    found = _statistics(f"{INTRO_DE}\n{text}")
    assert found and all(bool(source) is sourced for _, source in found)


def test_sentences_and_paragraphs_of_a_law_are_no_counts() -> None:
    text = (
        f"{INTRO_DE}\nBis zu ihrem Außerkrafttreten kann eine aufgrund des Absatzes 8 Satz 1 oder des Absatzes 10 "
        "Satz 1 erlassene Verordnung gelten. Eingeschränkt werden die Freizügigkeit (Artikel 11 Absatz 1 des "
        "Grundgesetzes) und die Unverletzlichkeit der Wohnung (Artikel 13 Absatz 1 des Grundgesetzes)."
    )
    assert _statistics(text) == []


def _wordpress_page(path: str, kind: str) -> str:
    body = "single-post" if kind == "post" else "page-template-default page"
    element = "post type-post status-publish" if kind == "post" else "page type-page status-publish"
    return f"""<html lang="de"><head><title>Workshop auf der Konferenz – Projekt</title></head>
<body class="{body}"><header><nav><a href="/">Start</a> <a href="/neuigkeiten/">Neuigkeiten</a></nav></header>
<main><article class="{element}"><h1>Workshop auf der Konferenz zur Teilhabe</h1>
<p>{INTRO_DE * 3}</p><p>{INTRO_DE * 3}</p>
<p><a href="https://umfragen.psych.tu-musterstadt.de/sozsci/projekt/">Jetzt Kontaktdaten hinterlassen</a></p>
</article></main>
<footer><a href="/impressum/">Impressum</a></footer></body></html>"""


@pytest.mark.parametrize(
    ("path", "kind", "expected"),
    [
        ("/workshop-auf-der-konferenz/", "post", "article"),  # undated and unsigned, a post of the news system
        ("/ueber-das-projekt/", "page", "about"),
        ("/mitwirkende/", "page", "about"),
    ],
)
def test_an_undated_blog_engine_post_is_an_article_and_a_project_page_about_itself(
    path: str, kind: str, expected: str
) -> None:
    assert classify(html_page(path, _wordpress_page(path, kind))).kind == expected


def test_leaving_ones_contact_details_is_a_call_to_action() -> None:
    page = html_page("/workshop-auf-der-konferenz/", _wordpress_page("/workshop-auf-der-konferenz/", "post"))
    assert [v.link.url for v in judge_links(page) if v.citation] == []


def _jekyll_post(author: str) -> str:
    return f"""<html lang="en"><head><title>Turning funding into more exit relays</title></head><body>
<div id="layout"><div class="sidebar"><div class="header"><a href="/"><img src="/logo.png" alt="logo"></a>
<h1 class="brand-title">The Project Blog</h1><h2 class="brand-tagline">News and events</h2>
<nav><a href="/events/">Events</a></nav></div></div>
<div class="content"><div class="posts"><section class="post"><header class="post-header">
<h2 class="post-title"><a href="">Turning funding into more exit relays</a></h2>
<p class="post-meta">By <a class="post-author" href="#">{author}</a> under <a class="post-category" href="#">relays</a>
| 23 Jul 2012</p></header><div class="post-description"><p>{PROSE_EN}</p><p>{PROSE_EN}</p></div></section></div>
</div></div></body></html>"""


@pytest.mark.parametrize("author", ["arma", "Runa", "sjmurdoch"])
def test_a_post_title_h2_under_a_brand_h1_in_the_sidebar_is_the_page_title(author: str) -> None:
    tree = parse_html(_jekyll_post(author).encode())
    assert page_title_element(tree).text_content().strip() == "Turning funding into more exit relays"
    assert [a.name for a in extract_bylines(tree, "https://blog.example.org/blog/turning-funding/")] == [author]


def test_the_post_title_h2_wins_over_section_h1s_inside_the_post() -> None:
    html = _jekyll_post("arma").replace(
        '<div class="post-description">', '<div class="post-description"><h1>Major Findings</h1>'
    )
    assert (
        page_title_element(parse_html(html.encode())).text_content().strip() == "Turning funding into more exit relays"
    )


def _zola_post(date_line: str) -> str:
    toc = "".join(
        f'<li><a href="https://werk.example/blog/gpt/#s{i}">Abschnitt {i} über die Nutzung im Alltag</a></li>'
        for i in range(8)
    )
    return f"""<html lang="de"><head><title>ChatGPT: Eine Einführung</title></head><body>
<nav><a href="/">Start</a><a href="/blog/">Blog</a></nav><main><div id="content">{date_line}<hr>
<ul id="toc">{toc}</ul><hr><article><h1 id="einf">ChatGPT: Eine Einführung<a class="anchor" href="#einf">§</a></h1>
<p>{INTRO_DE * 4}</p><p>{INTRO_DE * 4}</p></article></div></main></body></html>"""


@pytest.mark.parametrize(("date_line", "date"), [("2023-04-12", "2023-04-12"), ("", None)])
def test_a_date_above_a_table_of_contents_dates_the_post(date_line: str, date: str | None) -> None:
    assert html_page("/blog/gpt/", _zola_post(date_line)).extras.visible_date == date


def test_a_div_left_open_in_the_nav_does_not_swallow_the_page() -> None:
    html = f"""<html lang="de"><head><title>Impressum</title></head><body>
<nav><div class="logo"><img src="/logo.png" alt=""><div id="submenu"><a href="/">Über uns</a> | <a href="/blog">Blog</a>
</div><ul id="breadcrumbs"><li><a href="/">Home</a></li></ul></nav>
<main><div id="content"><article><h1>Impressum</h1><p>{INTRO_DE}</p><p>Musterstraße 1, 04107 Leipzig</p></article>
</div></main><footer><a href="https://getzola.org">Build with Zola</a></footer></body></html>"""
    page = html_page("/impressum/", html)
    assert page.main_text.startswith("Impressum\nDie Kanzlei berät")
    assert "Build with Zola" not in page.main_text and "Über uns" not in page.main_text


def test_a_styled_components_testimonial_card_with_name_and_role_in_one_slot() -> None:
    html = f"""<html lang="en"><head><title>Contact</title></head><body><main><h1>Talk to us</h1><p>{PROSE_EN}</p>
<div class="styled__StyledTestimonial-sc-17ejbh9-8 dEQmFg"><div class="styled__TestimonialText-sc-17ejbh9-10 caEYev">
<div class="styled__QuoteIcon-sc-1"><svg width="36" height="48"></svg></div>
<span class="Text__Regular-sc-12">Before switching we were losing thousands of dollars per day on slow
registrations.</span>
</div><div class="styled__TestimonialAuthor-sc-17ejbh9-11 hnTOxD"><span class="Text__Bold-sc-13">Andrea Roe,</span>
<span class="Text__Small-sc-9">Founder &amp; CEO</span></div></div></main></body></html>"""
    quotes = extract_quotes(parse_html(html.encode()))
    assert [(q.text[:20], q.cite) for q in quotes] == [("Before switching we ", "Andrea Roe")]


def test_a_testimonial_opening_a_paragraph_runs_to_the_mark_that_ends_a_later_one() -> None:
    text = (
        f"{PROSE_EN}\n“The messaging API has been a powerful tool for our partner notifications.\n"
        "Their team is top notch, our developers integrated in a handful of hours.”\nJo P., Co-Founder\n1\n2"
    )
    assert _speakers(text, lang="en") == ["Jo P."]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("W\ufeffritten by: <a href='/bios/aaron-roe/'>Aaron Roe</a>", ["Aaron Roe"]),  # a byte-order mark inside
        ("Written by: <a href='/bios/aaron-roe/'>Aaron Roe</a>", ["Aaron Roe"]),
    ],
)
def test_written_by_with_a_colon_and_a_zero_width_mark(line: str, names: list[str]) -> None:
    html = f"""<html lang="en"><head><title>Rate limits</title></head><body><main><h1>What you need to know</h1>
<p>{line}</p><p>{PROSE_EN}</p><p>{PROSE_EN}</p></main></body></html>"""
    assert [
        a.name for a in extract_bylines(parse_html(html.encode()), "https://saas.example/news/rate-limits/")
    ] == names


def test_a_byline_in_the_text_is_one_line() -> None:
    page = text_page("/news/scala-days/", f"Scala Days\nBy Jo Roe\nAt Scala Days\n{PROSE_EN}", lang="en")
    assert visible_authors(page) == ["Jo Roe"]


def test_a_four_digit_postcode_after_the_street_number_is_no_count() -> None:
    text = (
        f"{INTRO_DE}\nUnsere Geschäftsadresse in St. Gallen: Gallusstrasse 43, 9000 St. Gallen. Dort betreuen wir "
        "inzwischen 4500 Kunden."
    )
    figures = [f for s in page_statistics(text_page("/blog/neuer-standort/", text, lang="de")) for f in s.figures]
    assert figures == ["4500 Kunden"]


@pytest.mark.parametrize(
    ("cards", "speakers"),
    [
        (
            "We moved from a big provider where we spent thousands a month and got no guidance at all.\nKarla Z.\n"
            "Highly recommend anyone looking to move off the big players, you will not be disappointed.\nJason P., CEO",
            ["Karla Z.", "Jason P."],
        ),
        ("Unsere Kundin berichtet\nKarla Z.", []),  # a label over the name, no testimonial
    ],
)
def test_a_testimonial_without_marks_signed_by_an_initialled_name(cards: str, speakers: list[str]) -> None:
    assert [s for s in _speakers(f"{PROSE_EN}\nWhat customers say\n{cards}\nSee pricing", lang="en") if s] == speakers
