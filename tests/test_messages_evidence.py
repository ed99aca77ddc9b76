"""The evidence checks speak German: each check runs on a small site that produces its messages, and
every explanation, page reason, evidence note and message cell renders from the German catalog
(reports/i18n/de/<check-id>.toml) with no word of its English template left in it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from reports.i18n import Localizer, message_catalog
from scoring.audit import evaluate_check
from scoring.checks.attributed_quotes import AttributedQuotes
from scoring.checks.content_dates import ContentDates
from scoring.checks.content_freshness import ContentFreshness
from scoring.checks.original_material import OriginalMaterial
from scoring.checks.outbound_citations import OutboundCitations, judge_links
from scoring.checks.reviews import Reviews
from scoring.checks.statistics import Statistics
from scoring.core.messages import Message, english, placeholders
from scoring.core.records import (
    CrawlStats,
    Dates,
    Gallery,
    Link,
    Media,
    PageExtras,
    PageRecord,
    SitemapEntry,
    count_words,
)
from scoring.core.results import CheckResult
from scoring.registry import Check
from spiders import extract as ex
from tests.factories import ROOT, page, site

CHECKS = [AttributedQuotes, Statistics, OutboundCitations, ContentDates, ContentFreshness, OriginalMaterial, Reviews]
GERMAN = Localizer("de")
TEMPLATES = message_catalog("de")[0]
# words both languages write alike: schema.org types and the names of tools and fields
SHARED_WORDS = {"Review", "AggregateRating", "htmldate", "lastmod", "datePublished", "href"}
ARTICLE_LD = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Ratgeber"}


def article(path: str, text: str = "Ein Ratgeber zur Wärmepumpe.", **fields: Any) -> PageRecord:
    fields.setdefault("structured_data", [ARTICLE_LD])
    return page(path, main_text=text, word_count=count_words(text), **fields)


def run(check: type[Check], *pages: PageRecord, **artifacts: Any) -> CheckResult:
    return evaluate_check(check(), site(*pages, **artifacts), 1.0)


def messages_of(result: CheckResult) -> list[Message]:
    """Every machine-written text of a result: explanation, page reasons, evidence elements named in
    words and notes, message cells."""
    evidence = [e for outcome in result.pages for e in outcome.evidence] + result.evidence
    assert result.explanation_message is not None, result.explanation
    assert all(o.reason_message is not None for o in result.pages if o.reason), "a reason without its message"
    assert all(e.note_message is not None for e in evidence if e.note), "a note without its message"
    found = [result.explanation_message]
    found += [outcome.reason_message for outcome in result.pages]
    found += [e.note_message for e in evidence] + [e.element_message for e in evidence]
    found += [cell for row in result.details for cell in row.values() if isinstance(cell, Message)]
    return [m for m in found if m is not None]


def nested(message: Message) -> Iterator[Message]:
    """The message and every message in its parameters."""
    yield message
    for value in message.params.values():
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(item, Message):
                yield from nested(item)


def english_words(template: str) -> set[str]:
    """The words of an English template (placeholders and markup left out)."""
    plain = re.sub(r"\{[^{}]*\}|<[^<>]*>", " ", template)
    return set(re.findall(r"[A-Za-z]{3,}", plain)) - SHARED_WORDS


def assert_german(message: Message) -> str:
    text, lang = GERMAN.message(message)
    assert lang is None, f"no German text for {message.text!r}"
    plain = re.sub(r"<[^<>]*>", " ", text)
    for part in nested(message):
        for word in english_words(english()[part.id]):
            assert not re.search(rf"(?<![\w-]){word}(?![\w-])", plain), f"{word!r} left in {text!r} ({part.id})"
    return text


def speaks_german(*results: CheckResult) -> set[str]:
    """Assert every message of the results renders in German; the check's own message keys used."""
    keys = set()
    for result in results:
        for message in messages_of(result):
            assert_german(message)
            keys |= {m.id.split(".", 1)[1] for m in nested(message) if m.id.startswith(result.id + ".")}
    return keys


# -- every message of the evidence checks ------------------------------------------------------------

ALL_MESSAGES = [(cls.id, key) for cls in CHECKS for key in cls.messages]


@pytest.mark.parametrize(("check_id", "key"), ALL_MESSAGES, ids=[f"{c}.{k}" for c, k in ALL_MESSAGES])
def test_every_message_has_a_german_template_with_the_same_placeholders(check_id, key):
    check = next(cls for cls in CHECKS if cls.id == check_id)
    template = TEMPLATES.get(f"{check_id}.{key}")
    assert template is not None, f"reports/i18n/de/{check_id}.toml lacks {key}"
    assert placeholders(template) == placeholders(check.messages[key])
    # filled with numbers and German data, no English word of the template is left
    params = {name: 2 for name in placeholders(template)}
    assert_german(check.msg(key, **params))


def test_no_german_message_without_an_english_source():
    for cls in CHECKS:
        german = {mid.split(".", 1)[1] for mid in TEMPLATES if mid.startswith(cls.id + ".")}
        assert german <= set(cls.messages), f"{cls.id}: {sorted(german - set(cls.messages))}"


# -- attributed-quotes ------------------------------------------------------------------------------


def test_attributed_quotes_speaks_german():
    named = article(
        "blog/zitat",
        "Speicher lohnen sich oft. „Wir haben unseren Eigenverbrauch auf 70 Prozent gesteigert“, sagt "
        "Jana Albrecht, Energieberaterin in Kassel.",
    )
    unnamed = article("blog/stimme", "„Wir planen jede Anlage sorgfältig und sehr individuell“, sagt ein Kunde.")
    plain = article("blog/ohne", "Wärmepumpen holen Wärme aus der Außenluft ins Haus.")
    result = run(AttributedQuotes, named, unnamed, plain)
    assert [o.state for o in result.pages] == ["pass", "warn", "fail"]
    assert speaks_german(result) == set(AttributedQuotes.messages)
    assert assert_german(result.pages[0].reason_message) == "1 Zitat, 1 davon namentlich zugeordnet: Jana Albrecht"


# -- statistics -----------------------------------------------------------------------------------


def test_statistics_speaks_german():
    sourced = article(
        "blog/quelle",
        "Laut Umweltbundesamt sparen 12.500 Haushalte 3,5 Prozent. Der Speicher kostet 8.000 Euro. "
        "Ein Modul wiegt 21 kg. Die Anlage hat 9,8 kWp.",
    )
    unsourced = article("blog/ohne-quelle", "Eine Anlage mit 9,8 kWp spart 1.200 Euro im Jahr.")
    few = article("blog/wenige", "Laut Umweltbundesamt sparen 12.500 Haushalte viel Energie.")
    none = article("blog/keine", "Wärmepumpen holen Wärme aus der Außenluft ins Haus.")
    result = run(Statistics, sourced, unsourced, few, none)
    assert [o.state for o in result.pages] == ["pass", "warn", "warn", "fail"]
    assert speaks_german(result) == set(Statistics.messages)
    warn = assert_german(result.pages[1].reason_message)
    assert warn.startswith("2 Zahlenangaben, 0 mit Quelle; 2 ohne genannte Quelle")
    assert warn.endswith("– keine mit genannter Quelle")


# -- outbound-citations -----------------------------------------------------------------------------

URL = "https://www.nordwerk-heizung.example/ratgeber/waermepumpe/"
LD = (
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting",'
    '"headline":"Wärmepumpen im Altbau"}</script>'
)
INTRO = "<p>Eine Wärmepumpe im Altbau braucht eine gute Planung und eine ehrliche Heizlastberechnung.</p>"


def html_record(body: str, url: str = URL) -> PageRecord:
    html = (
        f"<html lang='de'><head><title>Wärmepumpen im Altbau | Nordwerk Heizung</title>{LD}</head><body>"
        "<header><nav><a href='/'>Start</a><a href='https://www.heizrechner-app.example/'>Rechner</a></nav></header>"
        f"<main><article><h1>Wärmepumpen im Altbau</h1>{INTRO}{body}</article></main></body></html>"
    )
    host = urlsplit(url).hostname
    fields = ex.extract_page(ex.parse_html(html), url, lambda u: urlsplit(u).hostname == host)
    fields["word_count"] = count_words(fields["main_text"])
    return PageRecord(url=url, status=200, content_type="text/html", **fields)


AUTHORITY = (
    '<p>Laut <a href="https://www.destatis.de/DE/Presse/waerme.html">Statistischem Bundesamt</a> heizen immer '
    "mehr Haushalte mit Wärmepumpen.</p>"
)
LINKS_OUT = """
<p>Einen Überblick gibt der Artikel bei <a href="https://de.wikipedia.org/wiki/W%C3%A4rmepumpe">Wikipedia zur
Wärmepumpe</a> für alle Einsteiger.</p>
<p>Erfahrungen sammelt der <a href="https://www.heizungsblog.example/erfahrungen">Erfahrungsbericht im Heizungsblog</a>
von vielen Lesern.</p>
<p>Folgen Sie uns auf <a href="https://www.facebook.com/nordwerkheizung">Facebook</a> für mehr Tipps zum Heizen.</p>
<p>Einen Beratungstermin vereinbaren Sie über <a href="https://calendly.com/nordwerk/beratung">unseren Kalender</a>.</p>
<p>Die passenden Geräte finden Sie bei <a href="https://www.amazon.de/dp/B000123">Amazon</a> zum Vergleich.</p>
"""
# what the text around a link says about it
AROUND = """
<p><a href="https://www.heizungsblog.example/">Jetzt Termin buchen</a></p>
<p><a href="https://www.partnerfirma.example/">Partnerfirma</a></p>
<p>Wir rechnen mit dem <a href="https://www.heizrechner-app.example/">Heizrechner</a> jede Anlage genau durch.</p>
<p>Mehr dazu im <a href="https://www.nordwerk-heizung.de/blog/">Blog der Nordwerk Heizung</a> mit vielen Beiträgen.</p>
<p>Icons by <a href="https://www.flaticon.com/">Flaticon</a></p>
<p>Gesponsert: <a href="https://www.sponsor.example/angebot" rel="sponsored">Angebot des Sponsors</a> für Leser.</p>
<p>Gemeinsam mit unserem Partner <a href="https://www.kaeltetechnik.example/anlagen">Kältetechnik Süd</a> planen wir
Anlagen.</p>
<p><a href="https://www.heizungsblog.example/artikel/12">Heizungsblog Artikel</a></p>
<p><a href="https://www.energieagentur.example/doc/2024/bericht">https://www.energieagentur.example/doc/2024/bericht</a></p>
<p><a href="https://www.heizungsblog.example/grafik"><img src="/a.png" alt="Grafik der Heizlast"></a></p>
<p>Ein Video zeigt den Einbau: <a href="https://www.youtube.com/watch?v=abcdef123">Einbau im Video</a> ansehen.</p>
<p>Quelle: <a href="https://www.energieagentur.example/bericht">Energieagentur</a></p>
<p>Weitere Infos zur Förderung gibt es unter: <a href="https://www.foerderportal.example/heizung">Förderportal</a></p>
<p><a href="https://www.heizrechner-doku.example/docs/installation">Anleitung</a></p>
<h2>Quellen</h2><ul><li><a href="https://www.waermepumpen-verband.example/zahlen">Zahlen des Verbands</a></li></ul>
"""
# what a link is by its address alone
BY_ADDRESS = {
    "local-address": "http://192.168.0.10/bericht",
    "share-button": "https://www.facebook.com/sharer/sharer.php?u=x",
    "map": "https://www.google.com/maps/place/Nordwerk",
    "social-profile": "https://www.instagram.com/nordwerk",
    "profile": "https://github.com/nordwerk",
    "shop": "https://www.amazon.de/dp/B000123",
    "booking": "https://calendly.com/nordwerk/beratung",
    "platform": "https://www.change.org/p/waermepumpe",
    "credit": "https://www.flaticon.com/",
    "download": "https://download.heizungsblog.example/rechner.zip",
    "media-file": "https://www.heizungsblog.example/bild.jpg",
    "affiliate": "https://www.heizungsblog.example/geraet?aff_id=12",
    "embedded-media": "https://www.heizungsblog.example/embed/karte",
    "imprint": "https://www.energieagentur.example/impressum",
}


def test_outbound_citations_speaks_german():
    cited = html_record(AUTHORITY, url=URL + "quelle/")
    linked = html_record(LINKS_OUT, url=URL + "links/")
    bare = html_record("<p>Ohne jeden Link nach draußen.</p>", url=URL + "ohne/")
    result = run(OutboundCitations, cited, linked, bare)
    assert [o.state for o in result.pages] == ["pass", "warn", "fail"]
    keys = speaks_german(result)
    assert {"authoritative-links", "authoritative", "backs", "external-links", "reference", "not-listed"} <= keys
    assert {"not-a-citation", "social-profile", "booking", "shop", "none", "none-note"} <= keys
    note = assert_german(result.pages[0].evidence[0].note_message)
    assert note.startswith("seriöse Quelle (destatis.de); belegt: „Laut Statistischem Bundesamt heizen")


def test_every_verdict_on_a_link_speaks_german():
    """Why a link is or is not a citation (`Verdict.reason`), for the reasons the page can show."""
    around = html_record(AROUND)
    around = around.model_copy(update={"media": [Media(kind="video", src="https://www.youtube.com/embed/abcdef123")]})
    addressed = article(
        "blog/adressen",
        links=[Link(url=url, anchor="Bericht", position="content") for url in BY_ADDRESS.values()],
    )
    report = "https://www.energieagentur.example/bericht"
    # the content links' anchors stand nowhere in the main text: judged by their region
    unaligned = article("blog/region", links=[Link(url=report, anchor="Bericht", position="content")])
    empty = article("blog/leer", links=[Link(url=report, anchor="", position="content")])
    keys = set()
    for record in (around, addressed, unaligned, empty):
        for verdict in judge_links(record):
            assert_german(verdict.reason)
            keys.add(verdict.reason.id.split(".", 1)[1])
    assert set(BY_ADDRESS) <= keys
    expected = {
        "call-to-action", "organisation-home", "promoted", "own-property", "sponsored", "partner",
        "standing-alone", "written-address", "outside-main-text", "own-video", "named-source", "source-list",
        "content-region", "no-anchor", "more-info", "documentation",
    }  # fmt: skip
    assert expected <= keys, sorted(expected - keys)


# -- content-dates ----------------------------------------------------------------------------------


def test_content_dates_speaks_german():
    pages = [
        article("blog/a", dates=Dates(published="2025-03-03", published_source="json-ld")),
        article("blog/b", dates=Dates(published="2025-03-03", published_source="meta")),
        article("blog/c", dates=Dates(published="2025-03-03", published_source="time-element")),
        article("blog/d", dates=Dates(published="2025-03-03", published_source="htmldate")),
        article("blog/e", dates=Dates(published="2025-03-03")),
        article("blog/f", dates=Dates(modified="2025-01-05", modified_source="meta")),
        article("blog/h", extras=PageExtras(visible_date="2025-03-03", visible_date_text="14. März 2025")),
        article("blog/g"),
    ]
    result = run(ContentDates, *pages)
    assert [o.state for o in result.pages] == ["pass"] * 7 + ["fail"]
    assert speaks_german(result) == set(ContentDates.messages)
    assert assert_german(result.pages[0].reason_message) == "veröffentlicht am 2025-03-03 (JSON-LD)"
    assert assert_german(result.pages[5].evidence[0].note_message) == "Aktualisierungsdatum aus Meta-Tag"


# -- content-freshness ------------------------------------------------------------------------------


def dated(path: str, published: str, visible: str | None, modified: str | None = None) -> PageRecord:
    return article(
        path,
        dates=Dates(published=published, modified=modified, published_source="json-ld"),
        extras=PageExtras(visible_date=visible, visible_date_text=visible and f"Stand: {visible}"),
    )


def test_content_freshness_speaks_german():
    current = dated("blog/aktuell", "2025-03-01", "2025-03-01")
    ageing = dated("blog/aelter", "2024-03-01", "2024-03-01")
    hidden = dated("blog/versteckt", "2025-03-01", None)
    mismatch = dated("blog/abweichend", "2025-03-01", "2024-01-10")
    stale = dated("blog/veraltet", "2021-02-01", "2021-02-01")
    lagging = SitemapEntry(url=current.url, lastmod="2020-01-01", sitemap=ROOT + "sitemap.xml")
    crawl = CrawlStats(complete=True, started="2025-06-01T08:00:00Z")
    result = run(ContentFreshness, current, ageing, hidden, mismatch, stale, crawl_stats=crawl)
    lagged = run(ContentFreshness, current, crawl_stats=crawl, sitemap_entries=[lagging])
    assert [o.state for o in result.pages] == ["pass", "pass", "warn", "warn", "warn"]
    assert speaks_german(result, lagged) == set(ContentFreshness.messages)
    assert assert_german(result.pages[0].reason_message) == "neuestes Datum 2025-03-01, aktuell (unter 1 Jahr)"


# -- original-material ------------------------------------------------------------------------------


def test_original_material_speaks_german():
    interview = article("blog/interview", extras=PageExtras(interview_turns=["Q", "Eva Maier"] * 3))
    own = Gallery(element="div.gallery", images=6, same_site=6, described=5)
    gallery = article("blog/galerie", extras=PageExtras(galleries=[own]))
    video = article("blog/video", media=[Media(kind="video", src="https://www.youtube-nocookie.com/embed/x")])
    podcast = article("blog/podcast", media=[Media(kind="audio", src="https://open.spotify.example/episode/x")])
    data = article(
        "blog/daten",
        "Methodik: Wir haben 87 Angebote ausgewertet.",
        extras=PageExtras(numeric_tables=2, charts=1, testimonials=1),
    )
    stock = article("blog/fremd", extras=PageExtras(galleries=[Gallery(element="div.wp-block-gallery", images=4)]))
    text = article("blog/text")
    result = run(OriginalMaterial, interview, gallery, video, podcast, data, stock, text)
    assert [o.state for o in result.pages] == ["pass"] * 5 + ["fail"] * 2
    keys = speaks_german(result)
    assert keys == set(OriginalMaterial.messages)
    methodology = assert_german(result.pages[4].evidence[0].note_message)
    assert methodology == "2 Zahlentabellen, 1 Diagramm, Methodik: „Methodik“"



# -- reviews ----------------------------------------------------------------------------------------


def test_reviews_speaks_german():
    rated = page("", structured_data=[{"@type": "LocalBusiness", "aggregateRating": {"@type": "AggregateRating"}}])
    voices = page("referenzen", extras=PageExtras(testimonials=1))
    results = [run(Reviews, rated, voices), run(Reviews, voices), run(Reviews, page(""))]
    assert [r.state for r in results] == ["pass", "warn", "fail"]
    assert speaks_german(*results) == set(Reviews.messages)
    assert assert_german(results[1].explanation_message) == (
        "1 Seite mit Kundenstimmen, 0 mit Review-/AggregateRating-Markup. Als Review auszeichnen, "
        "damit Maschinen sie lesen können."
    )
