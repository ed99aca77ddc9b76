"""Held-out 24-28 bylines, on fixtures of our own:

- a quoted free-text author slot ('Geposted von "NAME, ORG" am 3.4.2022'): the slot mostly holds a group, so
  only an initial glued to a surname ("M.Beispiel") or a written-out name with its organisation's
  abbreviation, named again on the page, is a person; "Kidical Mass"-like group names are not;
- an initial and a surname without a space ("K.Brandauer", "R.Ostwald (KlimaN)") as the author line or the
  signature;
- a campaign e-mail's sign-off: a closing line ("For the Internet,", "Sincerely,") and the signers' first names
  under it ("-Evan at ACME", "Ruth, Omar, and Lena"), then only the organisation, a postscript and sources;
- an about page or post signed at its end by a person: a paragraph holding only the name after the text.

Not a byline: a group or a link in that place, names under quoted recommendations, a letter quoted inside a
text that goes on, a signature beside a template byline that names the writer already.
"""

from __future__ import annotations

import pytest

from spiders.document import parse_html
from spiders.extract_byline import extract_bylines

PROSE_DE = "Die Stadt hat ihre Pläne für den Radverkehr vorgestellt, und wir haben sie gründlich gelesen. " * 3
PROSE_EN = "We have been working on this campaign for months, and the response has been overwhelming. " * 3

POST = """<html lang="de"><head><meta charset="utf-8"><title>Radwege im Quartier - Beispielbündnis</title></head><body>
<nav class="navbar"><a href="/">Beispielbündnis</a> <a href="/post/">Beiträge</a></nav>
<header class="intro-header"><div class="post-heading"><h1>Radwege im Quartier</h1>
<h2 class="subheading">Eine Stellungnahme</h2>
<span class="meta">Geposted von "
    {slot}
  " am 14.03.2023</span></div></header>
<article><div class="post-container">
<p>{prose}</p><p>{prose}</p><p>{prose}</p>
{end}
<hr><ul class="pager"><li class="previous"><a href="/post/a/">Previous Post</a></li></ul>
</div></article>
<footer><p>Beispielbündnis 2023</p></footer></body></html>"""


def _post(slot: str, end: str = "", prose: str = PROSE_DE) -> list[str]:
    html = POST.format(slot=slot, end=end, prose=prose)
    return [a.name for a in extract_bylines(parse_html(html.encode()), "https://example.org/post/radwege/")]


# --- 1 and 2: the quoted slot, an initial glued to the surname ----------------------------------------------


@pytest.mark.parametrize(
    ("slot", "names"),
    [
        ("K.Brandauer", ["K.Brandauer"]),
        ("R. Ostwald", ["R. Ostwald"]),
        ("KlimaN, T.Wendeborn", ["T.Wendeborn"]),
        ("Gartenkollektiv Nord, T.Wendeborn", ["T.Wendeborn"]),
    ],
)
def test_an_initial_and_a_surname_in_the_quoted_slot(slot: str, names: list[str]) -> None:
    assert _post(slot) == names


@pytest.mark.parametrize(
    "slot",
    [
        "KlimaN",
        "Radbündnis Nordstadt",
        "Kidical Rollers",  # two capitalised words: a group's name as much as a person's
        "Stadtteilrat Ostviertel, BUVD",  # name-like, with an abbreviation, but named nowhere else
        "Radbündnis Nordstadt und ADFC",
        "Letzte Runde",
    ],
)
def test_a_group_in_the_quoted_slot_is_no_byline(slot: str) -> None:
    assert _post(slot) == []


def test_a_name_with_its_organisation_named_again_on_the_page() -> None:
    # 'Geposted von "Ruth Kellermann, KlimaN"' and the text mentions her again: a person with her group
    end = "<p>Fragen beantwortet Ruth Kellermann gern per E-Mail an das Bündnis, auch nach dem Termin.</p>"
    assert _post("Ruth Kellermann, KlimaN", end=end) == ["Ruth Kellermann"]
    assert _post("Ruth Kellermann (KlimaN)", end=end) == ["Ruth Kellermann"]
    from spiders.byline_signoff import quoted_slot_names  # noqa: PLC0415 (new in this change)

    assert quoted_slot_names("Stadtteilrat Ostviertel, BUVD", "Stadtteilrat Ostviertel, BUVD") == []


# --- 2 and 4: a signature under the text ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("end", "names"),
    [
        ("<p>R.Ostwald (KlimaN)</p>", ["R.Ostwald"]),
        ("<p>Ruth Kellermann, KlimaN</p>", ["Ruth Kellermann"]),
        (
            "<p>Ruth Kellermann</p><p><em>Quellen:</em> <a href='https://example.com/a.pdf'>Bericht</a></p>",
            ["Ruth Kellermann"],
        ),
        (
            "<p>K.Brandauer</p><section class='footnotes'><ol><li><p>Eine Fußnote.</p></li></ol></section>",
            ["K.Brandauer"],
        ),
    ],
)
def test_a_signature_after_the_texts_last_paragraph(end: str, names: list[str]) -> None:
    assert _post("KlimaN", end=end) == names


@pytest.mark.parametrize(
    "end",
    [
        "<p>Ruth Kellermann</p><p>Sie leitet die Gruppe seit zwei Jahren und lädt alle ein, mitzumachen.</p>",
        "<p>Ihre Ansprechpartnerin:</p><p>Ruth Kellermann</p>",
        "<p><strong>Radbündnis Nordstadt</strong></p>",
        "<p>Hier der <a href='/flyer.pdf'>Flyer</a></p>",
        "<p>Euer Team vom Radbündnis</p>",
        "<p>„Ein Buch, das jede Radlerin kennen sollte, und das wir allen empfehlen.“</p><p>Ruth Kellermann</p>",
    ],
)
def test_no_signature_where_text_follows_or_the_line_is_no_signers(end: str) -> None:
    assert _post("KlimaN", end=end) == []


def test_the_slots_person_is_the_byline_and_the_signature_adds_none() -> None:
    assert _post("K.Brandauer", end="<p>Karin Brandauer</p>") == ["K.Brandauer"]


def test_an_about_page_signed_at_its_end() -> None:
    html = f"""<html lang="en"><head><title>About | Example Engineering</title></head><body>
    <nav class="navbar"><a href="/">Example Engineering</a><a href="/about/">About</a></nav>
    <div class="container"><article><h1>Welcome to our engineering blog</h1>
    <p>{PROSE_EN}</p><h2>Who we are</h2><p>{PROSE_EN}</p><p>{PROSE_EN}</p>
    <p>Thanks for reading, and do get in touch if you would like to join us.</p>
    <p>Imogen Saltmarsh</p></article></div>
    <footer><ul><li><a href="https://twitter.com/example">Twitter</a></li></ul><p>Example</p></footer>
    </body></html>"""
    assert [a.name for a in extract_bylines(parse_html(html.encode()), "https://example.org/about/")] == [
        "Imogen Saltmarsh"
    ]


# --- 3: a campaign e-mail's sign-off -----------------------------------------------------------------------------

MAIL = """<html><head><meta charset="utf-8"><title>Stop the tracking | Example Rights</title></head><body>
<header><a href="/"><img alt="Example Rights" src="/logo.png"></a><nav><a href="/news/">News</a></nav></header>
<div class="content"><article><h1>Stop the tracking</h1><span>Posted 10:12 EDT on June 3, 2015</span>
<p>{prose}</p><p>{prose}</p>
{sign}
<div class="share block"><span>Share on:</span><button>Twitter</button></div></article>
<div class="sidebar"><div class="panel"><h3>Recent stories</h3><a href="/news/x/">Another story</a></div></div>
</div><footer><p>Example Rights, PO Box 1</p></footer></body></html>"""


def _mail(sign: str) -> list[str]:
    html = MAIL.format(prose=PROSE_EN, sign=sign)
    return [a.name for a in extract_bylines(parse_html(html.encode()), "https://example.org/news/stop-tracking/")]


PS = "<p><span>P.S. Can you chip in to keep this campaign going? Every dollar counts.</span></p>"
SOURCES = (
    "<p>&ndash;<br>SOURCES<br>&ndash;</p><p>[1] Some Paper. “A title”. <a href='https://example.com/'>link</a></p>"
)


@pytest.mark.parametrize(
    ("sign", "names"),
    [
        (
            f"<p><span>For the Internet,</span></p><p><span>Ruth, Omar, and Lena</span></p>"
            f"<p><span>Example Rights</span></p>{PS}{SOURCES}",
            ["Ruth", "Omar", "Lena"],
        ),
        (
            f"<p><strong><span>For freedom online and off,<br></span></strong><span>-Omar at Example Rights, with love "
            f"from the whole team</span></p><p><span><img alt='' src='/a.jpg'></span></p>{PS}"
            "<p>If you want to do more, please share this with a friend who cares about it too.</p>",
            ["Omar"],
        ),
        (f"<p><span>Sincerely,<br>-Lena, Omar, and the whole team<br>Example Rights</span></p>{PS}", ["Lena", "Omar"]),
        (f"<p><span>Onward,<br>-Ruth Abernathy (and the entire team)</span></p>{SOURCES}", ["Ruth Abernathy"]),
        ("<p>Mit freundlichen Grüßen</p><p>Lena Brückner</p><p>(Organisatorin der Radtour)</p>", ["Lena Brückner"]),
        ("<p>Kind regards,<br>Lena Brückner</p>", ["Lena Brückner"]),  # also the older rule's: one name
    ],
)
def test_the_signers_under_a_closing_line(sign: str, names: list[str]) -> None:
    assert _mail(sign) == names


@pytest.mark.parametrize(
    "sign",
    [
        # the letter goes on after the names: a letter quoted inside a text
        "<p>For the Internet,</p><p>Ruth, Omar, and Lena</p><p>That is what they wrote to us, and we agree.</p>",
        "<p>For the Internet,</p><p>The Example Rights team</p>",  # a group signs
        "<p>Mit freundlichen Grüßen</p><p>RadZukunft</p>",  # a group's name in one word
        "<p>For example,</p><p>you could call your representative today and tell them what you think.</p>",
    ],
)
def test_no_signers_where_the_text_goes_on_or_a_group_signs(sign: str) -> None:
    assert _mail(sign) == []


def test_signer_lines() -> None:
    from spiders.byline_signoff import signer_names  # noqa: PLC0415 (new in this change)

    assert signer_names("-Omar at Example Rights, with love from the whole team") == ["Omar"]
    assert signer_names("Ruth, Omar, Lena, and Jo") == ["Ruth", "Omar", "Lena", "Jo"]
    assert signer_names("Ruth Abernathy (and the entire team)") == ["Ruth Abernathy"]
    assert signer_names("you could call your representative today") == []


def test_a_sign_off_in_a_listings_teaser_is_the_teased_posts() -> None:
    teaser = (
        "<article><h2><a href='/news/{n}/'>Post {n}</a></h2><p>{prose}</p><p>For the Internet,</p>"
        "<p>Ruth and Omar</p><p>Example Rights</p></article>"
    )
    html = (
        "<html><head><title>News | Example Rights</title></head><body><header><h1>News</h1></header><main>"
        + "".join(teaser.format(n=n, prose=PROSE_EN) for n in range(4))
        + "</main></body></html>"
    )
    assert extract_bylines(parse_html(html.encode()), "https://example.org/news/") == []


def test_an_author_link_whose_text_opens_with_by() -> None:
    html = f"""<html><head><title>Orbit notes | Example Space</title></head><body><main><article>
    <h1>Orbit notes</h1><div class="meta"><a href="/authors/ivo-tandy" class="pill"><img alt="Ivo Tandy"
    src="/a.png"> <span>By Ivo Tandy</span></a> <span>3 November 2025</span></div>
    <p>{PROSE_EN}</p></article></main></body></html>"""
    assert [a.name for a in extract_bylines(parse_html(html.encode()), "https://example.org/blog/orbit/")] == [
        "Ivo Tandy"
    ]


# --- held-out 31 and 33: "By: NAME" under the title, a closing meta line at the post's end ---------------------

BLOG = """<html><head><meta charset="utf-8"><title>{title} | Beispielkanzlei</title></head><body>
<nav class="navbar"><a href="/">Beispielkanzlei</a> <a href="/blog/">Blog</a></nav>
<div class="container"><article class="blog-post"><h1>{title}</h1>{top}
<p>{prose}</p><p>{prose}</p>
<div class="tags"><span>Bankrecht</span> <span>Urteil</span></div>
{end}</article>
<div><hr><h3>Das könnte Sie auch interessieren</h3><div class="blog-post"><h5><a href="/blog/b/">Ein anderer
Beitrag</a></h5><small>- 3. May 2018 :: Jonas Feldmann</small></div></div></div>
<footer><p>Beispielkanzlei, Musterstraße 1</p></footer></body></html>"""


def _blog(top: str = "", end: str = "") -> list[str]:
    html = BLOG.format(title="Gebühren für TAN-Verfahren", top=top, end=end, prose=PROSE_DE)
    return [a.name for a in extract_bylines(parse_html(html.encode()), "https://example.org/blog/tan/")]


def test_by_with_a_colon_under_the_title() -> None:
    assert _blog(top='<p class="text-grey">By: Marta Quendt </p><p>Dec 14, 2020 | 3 minutes read</p>') == [
        "Marta Quendt"
    ]
    assert _blog(top="<p>Von: Dr. Ilse Brandauer</p>") == ["Dr. Ilse Brandauer"]


@pytest.mark.parametrize(
    ("end", "names"),
    [
        ("<small>- 25. July 2017 :: Dr. Ilse Brandauer</small>", ["Dr. Ilse Brandauer"]),
        ("<small>- 2. März 2018 :: Kim Oliver Brandauer</small>", ["Kim Oliver Brandauer"]),
        ("<p class='meta'>Marta Quendt | 03.04.2024</p>", ["Marta Quendt"]),
    ],
)
def test_a_closing_meta_line_of_a_date_and_a_name(end: str, names: list[str]) -> None:
    assert _blog(end=end) == names


@pytest.mark.parametrize(
    "end",
    [
        # text follows the line inside the post: a line among others, no closing meta line
        "<small>- 25. July 2017 :: Dr. Ilse Brandauer</small><p>Haben Sie Fragen? Rufen Sie uns gern an.</p>",
        "<small>- 25. July 2017 :: Bankrecht aktuell</small>",  # no person
        "<small>25. July 2017</small>",  # a date alone
    ],
)
def test_no_closing_meta_line_name(end: str) -> None:
    assert _blog(end=end) == []


def test_a_tag_list_with_a_date_among_the_tags_is_no_meta_row() -> None:
    top = '<div class="tags margin-20"><span>Experten</span> <span>Schufa</span> <span>28.01.2014</span></div>'
    assert _blog(top=top) == []
    assert _blog(top=top, end="<small>- 2. March 2016 :: Dr. Ilse Brandauer</small>") == ["Dr. Ilse Brandauer"]
