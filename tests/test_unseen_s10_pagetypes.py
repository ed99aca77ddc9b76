"""Held-out 21 page types, on fixtures of our own (a small foundation's site, German and English): a directions
page below the contact page ("/kontakt/wegbeschreibung/", "/contact/directions/"), a year of an events
section ("/veranstaltungen/2019/": that year's programme), a person's vita or biography page
("/lisa-brenner/vita/"), the page named after that person which links it, and the page of the supporting
association ("/foerderkreis/", "/freundeskreis/", "/friends-of-the-museum/")."""

from __future__ import annotations

import pytest

from scoring.pagetypes import classify
from tests.factories import html_page

ABOUT_ROUTE = (
    "Von der Autobahn nehmen Sie die Ausfahrt Süd und folgen den Schildern bis zum Ortseingang. "
    "Dort halten Sie sich links und fahren etwa einen Kilometer bis zum Parkplatz am Atelier. "
)
PROGRAMME = "".join(
    f"<p><strong>Samstag, {day}. Mai um 16 Uhr</strong></p><p>Lesung und Musik im Atelier mit Gästen aus der Region."
    f" Eintritt frei, um Spenden wird gebeten.</p>"
    for day in (3, 10, 17, 24)
)
VITA = "".join(
    f"<p>{year} {what}</p>"
    for year, what in (
        (1931, "geboren in Kempten"),
        (1950, "Studium an der Akademie der Bildenden Künste"),
        (1958, "erste Ausstellung in Augsburg"),
        (1972, "Glasfenster für die Pfarrkirche St. Martin"),
        (1999, "gestorben in Memmingen"),
    )
)
QUOTES = (
    "<blockquote><p>„Ihre Bilder sind wie Fenster in eine stillere Welt.“</p></blockquote><p>Hans Abel, 1980</p>"
    "<blockquote><p>„Ich male, was ich im Licht des Morgens sehe.“</p></blockquote><p>Lisa Brenner</p>"
)
ASSOCIATION = (
    "Der Verein wurde 2001 gegründet, um das Atelier als Ort der Kunst und Begegnung zu erhalten. "
    "Mitglieder unterstützen Ausstellungen, Konzerte und die Pflege des Nachlasses. "
)


def _html(body: str, title: str, lang: str = "de") -> str:
    return (
        f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>{title} - Atelierstiftung</title>"
        "</head><body><div id='header'><a href='/'>Atelierstiftung</a></div><ul id='nav'>"
        "<li><a href='/lisa-brenner'>Lisa Brenner</a></li><li><a href='/lisa-brenner/vita'>Vita</a></li>"
        "<li><a href='/veranstaltungen'>Veranstaltungen</a></li><li><a href='/kontakt'>Kontakt</a></li></ul>"
        f"<div id='content'>{body}</div></body></html>"
    )


@pytest.mark.parametrize(
    ("path", "title", "lang"),
    [
        ("kontakt/wegbeschreibung/", "Wegbeschreibung", "de"),
        ("kontakt/anfahrtsbeschreibung/", "Anfahrtsbeschreibung", "de"),
        ("contact/directions/", "Directions", "en"),
        ("visit/how-to-find-us/", "How to find us", "en"),
    ],
)
def test_directions_to_the_place_are_a_contact_page(path: str, title: str, lang: str) -> None:
    body = f"<h1>So finden Sie zu uns</h1><p>{ABOUT_ROUTE * 3}</p>"
    assert classify(html_page(path, _html(body, title, lang))).kind == "contact"


@pytest.mark.parametrize("path", ["veranstaltungen/2019/", "events/2021/", "termine/2018/"])
def test_a_year_of_an_events_section_is_its_programme_a_listing(path: str) -> None:
    assert classify(html_page(path, _html(PROGRAMME, path.split("/")[-2]))).kind == "listing"


@pytest.mark.parametrize("path", ["lisa-brenner/vita/", "lisa-brenner/lebenslauf/", "about-lisa/biography/"])
def test_a_vita_or_biography_page_is_a_profile(path: str) -> None:
    assert classify(html_page(path, _html(VITA, "Vita"))).kind == "profile"


def test_the_page_named_after_a_person_that_links_her_vita_is_a_profile() -> None:
    found = classify(html_page("lisa-brenner/", _html(QUOTES, "Lisa Brenner")))
    assert found.kind == "profile", found


def test_a_page_named_like_a_person_without_a_vita_stays_unjudged() -> None:
    html = _html(QUOTES, "Green Valley").replace("/lisa-brenner/vita", "/green-valley/karte")
    assert classify(html_page("green-valley/", html)).kind != "profile"


@pytest.mark.parametrize("path", ["foerderkreis/", "foerderverein/", "freundeskreis/", "friends-of-the-atelier/"])
def test_the_supporting_association_s_page_is_about(path: str) -> None:
    body = f"<h1>Der Förderkreis der Atelierstiftung e.V.</h1><p>{ASSOCIATION * 3}</p>"
    assert classify(html_page(path, _html(body, "Förderkreis"))).kind == "about"


def _chapter(path: str, byline: bool = True, lang: str = "de") -> str:
    """A chapter of a topic dossier: its own header (date, authors), an intro, teasers of its sub-pages."""
    authors = (
        "<div class='label'>Autor:innen</div><div class='author'><a href='/authors/jwiesner/'>Jonas Wiesner</a></div>"
        "<div class='author'><a href='/authors/mlind/'>Mira Lindqvist</a></div>"
        if byline
        else ""
    )
    teasers = "".join(
        f"<article class='teaser'><h3><a href='/{path}teil-{n}/'>Teil {n} der Analyse</a></h3>"
        f"<p><time datetime='2025-09-{n:02d}'>{n}. September 2025</time> · 900 Wörter</p>"
        f"<p>{ASSOCIATION}</p></article>"
        for n in (1, 2, 3)
    )
    return (
        f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>Warum Speicher? | Energiewissen"
        "</title></head><body><nav><a href='/'>Start</a> <a href='/themen/'>Themen</a></nav><main><article><header>"
        "<h1>Warum könnten Speicher nötig sein?</h1><div class='meta'><time datetime='2025-07-10'>10. Juli 2025</time>"
        f" · 270 Wörter</div>{authors}</header><div class='article-content'><p>{ASSOCIATION * 2}</p>{teasers}</div>"
        "</article></main><footer><p>Energiewissen</p></footer></body></html>"
    )


def test_a_dated_signed_chapter_two_levels_below_a_topic_is_its_own_text() -> None:
    found = classify(html_page("themen/speicher/warum/", _chapter("themen/speicher/warum/")))
    assert found.kind == "article", found


def test_an_unsigned_chapter_and_the_topic_s_own_page_stay_listings() -> None:
    unsigned = _chapter("themen/speicher/warum/", byline=False)
    assert classify(html_page("themen/speicher/warum/", unsigned)).kind == "listing"
    assert classify(html_page("themen/speicher/", _chapter("themen/speicher/"))).kind == "listing"
    assert classify(html_page("tag/speicher/warum/", _chapter("tag/speicher/warum/"))).kind == "listing"


def test_an_undated_essay_signed_under_its_h1_is_an_article() -> None:
    text = "".join(f"<p>{ASSOCIATION * 2}{ABOUT_ROUTE}</p>" for _ in range(6))
    body = f"<h1>Das Gartenbild</h1><p>Notizen und Gedanken von Greta Holzner</p>{text}"
    found = classify(html_page("bildgedanken/042021garten/", _html(body, "Das Gartenbild")))
    assert found.kind == "article", found
    unsigned = classify(html_page("bildgedanken/042021garten/", _html(body.replace("von Greta", "zu"), "Bild")))
    assert unsigned.kind != "article", unsigned


SERVICE_TEXT = (
    "Wir betreiben für unsere Mitglieder Postfächer mit eigener Domain, Spamfilter und Webmail. "
    "Die Einrichtung übernehmen wir, die Kosten sind im Mitgliedsbeitrag enthalten. "
)


@pytest.mark.parametrize("path", ["dienste/email/", "dienste/webhosting/"])
def test_a_page_in_a_german_dienste_section_is_a_service(path: str) -> None:
    body = f"<h1>E-Mail für Mitglieder</h1><p>{SERVICE_TEXT * 3}</p>"
    assert classify(html_page(path, _html(body, "E-Mail"))).kind == "service"


@pytest.mark.parametrize("path", ["verein/satzung/", "about/bylaws/"])
def test_an_association_s_statutes_are_legal(path: str) -> None:
    body = f"<h1>Satzung</h1><h2>§ 1 Name und Sitz</h2><p>{ASSOCIATION * 3}</p>"
    assert classify(html_page(path, _html(body, "Satzung"))).kind == "legal"
