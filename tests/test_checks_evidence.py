"""Evidence checks on literal German and English pages: quotations, statistics, citations, dates."""

from __future__ import annotations

from typing import Any

import pytest

from scoring.audit import evaluate_check
from scoring.checks.attributed_quotes import AttributedQuotes, quotation_spans
from scoring.checks.content_dates import ContentDates
from scoring.checks.content_freshness import ContentFreshness
from scoring.checks.original_material import OriginalMaterial, page_features
from scoring.checks.outbound_citations import OutboundCitations
from scoring.checks.reviews import Reviews
from scoring.checks.statistics import Statistics, figures_in
from scoring.core.records import CrawlStats, Dates, Gallery, Link, Media, PageExtras, PageRecord, Quote, SitemapEntry
from scoring.core.results import CheckResult
from scoring.registry import Check
from spiders.extract import extract_page, parse_html
from tests.factories import ROOT, page, site

ARTICLE_LD = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Ratgeber"}


def article(path: str, text: str = "", *, lang: str = "de", **fields: Any) -> PageRecord:
    """An editorial page (BlogPosting JSON-LD) with the given main text."""
    fields.setdefault("structured_data", [ARTICLE_LD])
    return page(path, main_text=text, word_count=len(text.split()), lang=lang, **fields)


def rate(check: Check, *pages: PageRecord) -> CheckResult:
    """The check run through the aggregation path, as the audit runs it."""
    return evaluate_check(check, site(*pages), 1.0)


def single(check: Check, record: PageRecord) -> CheckResult:
    result = rate(check, record)
    assert [o.url for o in result.pages] == [record.url]
    return result


SCORE = {"pass": 1.0, "warn": 0.5, "fail": 0.0}


# -- attributed-quotes ------------------------------------------------------------------------

QUOTE_CASES = [
    # id, lang, text, quotes, state, expected speaker / excerpt fragment
    (
        "de-sagt",
        "de",
        "Speicher lohnen sich oft. „Wir haben unseren Eigenverbrauch auf 70 Prozent gesteigert“, sagt "
        "Jana Albrecht, Energieberaterin in Kassel.",
        [],
        "pass",
        "Jana Albrecht",
    ),
    (
        "de-role-before-name",
        "de",
        "„Im Winter deckt die Anlage nur ein Fünftel des Bedarfs“, erklärt die Energieberaterin Jana Albrecht.",
        [],
        "pass",
        "Jana Albrecht",
    ),
    (
        "de-so",
        "de",
        "„Eine Wärmepumpe braucht vor allem eine gute Planung“, so Jana Albrecht.",
        [],
        "pass",
        "Jana Albrecht",
    ),
    (
        "de-colon-before",
        "de",
        "Jana Albrecht erklärt: „Ein Speicher lohnt sich ab etwa acht Kilowattstunden am Abend.“",
        [],
        "pass",
        "Jana Albrecht",
    ),
    (
        "de-surname-later",
        "de",
        "Energieberaterin Jana Albrecht kennt das Problem.\n„Viele Dächer sind nach Osten und Westen "
        "ausgerichtet, das ist kein Nachteil“, so Albrecht.",
        [],
        "pass",
        "Jana Albrecht",
    ),
    (
        "de-guillemets-title",
        "de",
        "»Die Förderung deckt bis zu 70 Prozent der Kosten ab«, sagt Meister Klaus Meier.",
        [],
        "pass",
        "Klaus Meier",  # the role is no part of the name (LABELLING: roles dropped)
    ),
    (
        "en-says",
        "en",
        "“Heat pumps pay off within eight years in most homes,” says Dr. Tom Baker of Sunbeam.",
        [],
        "pass",
        "Dr. Tom Baker",
    ),
    (
        "en-name-said",
        "en",
        '"You need a proper heat load calculation before anything else," Tom Baker said.',
        [],
        "pass",
        "Tom Baker",
    ),
    (
        "en-apposition-before",
        "en",
        'Tom Baker, head of planning at Sunbeam, explained: "You need a proper heat load calculation first."',
        [],
        "pass",
        "Tom Baker",
    ),
    (
        "en-according-to",
        "en",
        "“Most roofs can carry a solar array without reinforcement,” according to Sarah Miller.",
        [],
        "pass",
        "Sarah Miller",
    ),
    (
        "de-blockquote-cite",
        "de",
        "Unsere Kundin über die Montage.",
        [Quote(text="Die Montage war in zwei Tagen erledigt und sauber.", cite="Petra Schulz")],
        "pass",
        "Petra Schulz",
    ),
    (
        "de-no-name",
        "de",
        "„Eine Wärmepumpe braucht vor allem eine gute Planung“, sagt sie.",
        [],
        "warn",
        "Eine Wärmepumpe braucht",
    ),
    (
        "de-team-is-no-name",
        "de",
        "Das Team erklärt: „Wir planen jede Anlage individuell für Ihr Haus.“",
        [],
        "warn",
        "Wir planen jede Anlage",
    ),
    (
        "en-no-name",
        "en",
        "Many customers tell us: “We should have done this years ago, honestly.”",
        [],
        "warn",
        "We should have done this",
    ),
    (
        "en-blockquote-no-cite",
        "en",
        "What customers say.",
        [Quote(text="The installers were friendly and finished the job in two days.")],
        "warn",
        "The installers were friendly",
    ),
    (
        "de-short-scare-quotes",
        "de",
        "Der Begriff „Energiewende“ ist allen bekannt, die „grüne“ Wärme auch.",
        [],
        "fail",
        None,
    ),
    ("en-none", "en", "Heat pumps move heat from outside air into the house.", [], "fail", None),
]


@pytest.mark.parametrize(
    ("lang", "text", "quotes", "state", "expected"), [c[1:] for c in QUOTE_CASES], ids=[c[0] for c in QUOTE_CASES]
)
def test_attributed_quotes(lang, text, quotes, state, expected):
    record = article("blog/zitat", text, lang=lang, quotes=quotes)
    result = single(AttributedQuotes(), record)
    outcome = result.pages[0]
    assert outcome.state == state, outcome.reason
    assert result.score == SCORE[state]
    assert outcome.evidence and outcome.evidence[0].url == record.url
    if state == "pass":
        assert outcome.evidence[0].note == f"attributed to {expected}"
        assert expected.split()[-1] in outcome.evidence[0].excerpt
    elif state == "warn":
        assert expected in outcome.evidence[0].excerpt
        assert "no named speaker" in outcome.evidence[0].note
    else:
        assert outcome.evidence[0].excerpt is None
        assert result.affected_urls == [record.url]


def test_quotation_spans_do_not_pair_german_closing_with_english_marks():
    text = "„Erstens ist das so“, sagt sie. Dann „zweitens das hier“ und fertig."
    assert [inner for _, _, inner in quotation_spans(text)] == ["Erstens ist das so", "zweitens das hier"]


def test_quotes_not_applicable_to_pages_that_are_not_articles():
    service = page(
        "leistungen/photovoltaik", main_text="„Wir planen jede Anlage individuell für Sie“, sagt Jana Albrecht."
    )
    broken = article("blog/alt", "„Ein Zitat mit fünf Wörtern hier“, sagt Jana Albrecht.", status=404)
    result = rate(AttributedQuotes(), service, broken)
    assert result.state == "not_applicable" and result.score is None and result.pages == []


# -- statistics -----------------------------------------------------------------------------

STAT_CASES = [
    (
        "de-pass-laut",
        "de",
        "Laut Umweltbundesamt sparen z. B. 12.500 Haushalte 3,5 Prozent ihrer Stromkosten. "
        "Eine Anlage mit 9,8 kWp kostet rund 14.000 Euro.",
        "pass",
        4,
        4,
        "Laut Umweltbundesamt sparen z. B. 12.500",
    ),
    (
        "de-pass-neighbour",
        "de",
        "Das Fraunhofer ISE hat neue Zahlen veröffentlicht. Demnach erzeugt eine Anlage 950 kWh pro kWp. "
        "Ein Speicher kostet 800 Euro je kWh. Die Lebensdauer liegt bei 20 Jahren.",
        "pass",
        3,
        1,
        None,
    ),
    (
        "en-pass",
        "en",
        "According to the 2023 survey, 42% of homeowners plan a heat pump. A typical system costs "
        "$12,000 and saves 3,500 kWh a year.",
        "pass",
        3,
        3,
        "According to the 2023 survey, 42%",
    ),
    (
        "de-warn-unsourced",
        "de",
        "Unsere Kunden sparen 30 Prozent. Wir haben 250 Anlagen gebaut. Ein Speicher kostet 8.000 Euro.",
        "warn",
        3,
        0,
        None,
    ),
    (
        "en-warn-too-few",
        "en",
        "A study by the Energy Saving Trust found bills fall by 25% after insulation.",
        "warn",
        1,
        1,
        None,
    ),
    (
        "de-fail-no-figures",
        "de",
        "Rufen Sie uns an unter +49 221 1234567 oder 0221 / 123 45 67. Wir sitzen in 50667 Köln. "
        "Seit 2010 planen wir Anlagen, am 3. Oktober 2024 feierten wir Jubiläum. Es gibt z. B. 3 Tipps.",
        "fail",
        0,
        0,
        None,
    ),
    ("en-fail", "en", "Call us on +44 20 7946 0958. In 2023 we moved to a new workshop.", "fail", 0, 0, None),
]


@pytest.mark.parametrize(
    ("lang", "text", "state", "count", "sourced", "first_excerpt"),
    [c[1:] for c in STAT_CASES],
    ids=[c[0] for c in STAT_CASES],
)
def test_statistics(lang, text, state, count, sourced, first_excerpt):
    record = article("blog/zahlen", text, lang=lang)
    result = single(Statistics(), record)
    outcome = result.pages[0]
    assert outcome.state == state, outcome.reason
    assert result.score == SCORE[state]
    if state == "fail":
        assert outcome.reason.startswith("no figures")
        return
    assert outcome.reason.startswith(f"{count} statistic(s), {sourced} sourced")
    assert all(e.url == record.url and e.excerpt for e in outcome.evidence)
    assert len(outcome.evidence) <= 3
    if first_excerpt:
        # "z. B." did not end the sentence: the source and the figures share one excerpt
        assert outcome.evidence[0].excerpt.startswith(first_excerpt)
        assert outcome.evidence[0].note.startswith("source:")


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("Eine Anlage mit 9,8 kWp kostet 14.000 Euro.", ["9,8 kWp", "14.000 Euro"]),
        ("Mehr als 500 zufriedene Kunden in 12 Jahren.", ["500 zufriedene Kunden", "12 Jahren"]),
        ("It costs €1,200 or $1,300 for 2.5 kW.", ["€1,200", "$1,300", "2.5 kW"]),
        ("Wir sparen 2000 Euro im Jahr.", ["2000 Euro"]),
        ("Tel. 0831 12345, Fax 0831 12346, 87435 Kempten.", []),
        ("Seit 2010 Jahre später, im Jahr 2024 Anlagen.", []),
        ("Am 12.03.2024 um 14:30 Uhr gilt § 35 EStG.", []),
        ("Geöffnet bis 17.30 h, Lieferung in 48 h.", ["48 h"]),
        ("Hotline +49 (0)800 123 45 67 – 24 Stunden erreichbar.", ["24 Stunden"]),
    ],
)
def test_figures_are_numbers_with_units_not_phones_dates_or_years(sentence, figures):
    assert figures_in(sentence) == figures


def test_statistic_sourced_by_an_external_link_in_the_sentence():
    text = (
        "Die Bundesnetzagentur meldet 3,4 Millionen Anlagen. Im Schnitt liefern sie 900 kWh je kWp. "
        "Ein Viertel davon, rund 25 Prozent, hat einen Speicher."
    )
    text = text.replace("Die Bundesnetzagentur meldet", "Das Marktstammdatenregister zählt")
    linked = article(
        "blog/marktstammdaten",
        text,
        links=[Link(url="https://www.marktstammdatenregister.de/", anchor="Marktstammdatenregister")],
    )
    outcome = single(Statistics(), linked).pages[0]
    assert outcome.state == "pass"
    assert outcome.evidence[0].note.startswith("source: Marktstammdatenregister")


def test_statistics_not_applicable_without_articles():
    result = rate(Statistics(), page("", main_text="Wir haben 250 Anlagen gebaut und sparen 30 Prozent."))
    assert result.state == "not_applicable"


# -- outbound-citations ---------------------------------------------------------------------


def _link(url: str, anchor: str = "Quelle", position: str = "content") -> Link:
    return Link(url=url, anchor=anchor, position=position, internal=url.startswith(ROOT))


CITATION_CASES = [
    (
        "de-destatis",
        "de",
        [_link("https://www.destatis.de/DE/Presse/solar.html", "Statistisches Bundesamt")],
        "pass",
        "https://www.destatis.de/DE/Presse/solar.html",
        "destatis.de",
    ),
    (
        "de-university-subdomain",
        "de",
        [
            _link("https://www.ise.fraunhofer.de/de/veroeffentlichungen.html"),
            _link("https://eeg.uni-stuttgart.de/studie", "Studie der Uni Stuttgart"),
        ],
        "pass",
        "https://www.ise.fraunhofer.de/de/veroeffentlichungen.html",
        "fraunhofer.de",
    ),
    (
        "en-doi",
        "en",
        [_link("https://doi.org/10.1038/s41560-023-01234-5", "the Nature Energy paper")],
        "pass",
        "https://doi.org/10.1038/s41560-023-01234-5",
        "doi.org",
    ),
    (
        "en-gov",
        "en",
        [_link("https://www.energy.gov/heat-pumps", "US Department of Energy")],
        "pass",
        "https://www.energy.gov/heat-pumps",
        ".gov",
    ),
    (
        "de-only-wikipedia-and-blog",
        "de",
        [
            _link("https://de.wikipedia.org/wiki/W%C3%A4rmepumpe", "Wikipedia"),
            _link("https://solarblog.example.com/tipps", "Solarblog"),
        ],
        "warn",
        "https://de.wikipedia.org/wiki/W%C3%A4rmepumpe",
        "reference",
    ),
    (
        "en-lookalike-host",
        "en",
        [_link("https://uni-koeln.de.example.net/study", "a study")],
        "warn",
        "https://uni-koeln.de.example.net/study",
        "not on the list",
    ),
    (
        "de-footer-and-internal-only",
        "de",
        [_link("https://www.destatis.de/", "Destatis", position="footer"), _link(ROOT + "kontakt", "Kontakt")],
        "fail",
        None,
        None,
    ),
    (
        "en-share-buttons-only",
        "en",
        [_link("https://www.facebook.com/sharer/sharer.php?u=x", "Share"), _link("mailto:info@example.com", "Mail us")],
        "fail",
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    ("lang", "links", "state", "url", "note"), [c[1:] for c in CITATION_CASES], ids=[c[0] for c in CITATION_CASES]
)
def test_outbound_citations(lang, links, state, url, note):
    record = article("blog/quellen", "Text mit Quellen.", lang=lang, links=links)
    result = single(OutboundCitations(), record)
    outcome = result.pages[0]
    assert outcome.state == state, outcome.reason
    assert result.score == SCORE[state]
    first = outcome.evidence[0]
    assert first.url == record.url
    if url:
        assert first.element == f"a[href={url}]"
        assert note in first.note
        assert first.excerpt == next(link.anchor for link in links if link.url == url)
    else:
        assert first.note == "no outbound citation"


def test_citations_not_applicable_to_a_home_page():
    home = page("", main_text="Willkommen", links=[_link("https://www.destatis.de/")])
    assert rate(OutboundCitations(), home).state == "not_applicable"


# -- content-dates --------------------------------------------------------------------------

DATE_CASES = [
    (
        "de-json-ld",
        "de",
        {"dates": Dates(published="2025-03-03", published_source="json-ld")},
        "pass",
        "2025-03-03",
        "json-ld",
    ),
    (
        "en-time-element",
        "en",
        {
            "dates": Dates(
                published="2024-11-20", published_source="time-element", modified="2025-01-05", modified_source="meta"
            )
        },
        "pass",
        "2024-11-20",
        "time-element",
    ),
    (
        "en-modified-only",
        "en",
        {"dates": Dates(modified="2025-01-05", modified_source="meta")},
        "pass",
        "2025-01-05",
        "meta",
    ),
    (
        "de-json-ld-fallback",
        "de",
        {"structured_data": [{**ARTICLE_LD, "datePublished": "2023-06-01T08:00:00+02:00"}]},
        "pass",
        "2023-06-01T08:00:00+02:00",
        "json-ld",
    ),
    ("de-none", "de", {}, "fail", None, None),
]


@pytest.mark.parametrize(
    ("lang", "fields", "state", "date", "source"), [c[1:] for c in DATE_CASES], ids=[c[0] for c in DATE_CASES]
)
def test_content_dates(lang, fields, state, date, source):
    record = article("blog/datum", "Ratgeber zur Wärmepumpe.", lang=lang, **fields)
    result = single(ContentDates(), record)
    outcome = result.pages[0]
    assert outcome.state == state, outcome.reason
    assert result.score == SCORE[state]
    evidence = outcome.evidence[0]
    assert evidence.url == record.url
    if date:
        assert evidence.excerpt == date and source in evidence.element
    else:
        assert evidence.note == "missing" and result.affected_urls == [record.url]


def test_modified_only_is_said_in_the_reason():
    record = article("blog/update", "Text.", dates=Dates(modified="2025-01-05", modified_source="meta"))
    assert "only the last update" in single(ContentDates(), record).pages[0].reason


def test_dates_not_applicable_to_short_undated_pages():
    # no article JSON-LD, no date: not an article, so not rated
    assert rate(ContentDates(), page("kontakt", main_text="Rufen Sie uns an.")).state == "not_applicable"


# -- aggregation ----------------------------------------------------------------------------


def test_evidence_checks_aggregate_over_articles_only():
    good = article(
        "blog/gut",
        "Laut Destatis heizen 3,1 Millionen Haushalte mit Wärmepumpen. Sie sparen 30 Prozent. "
        "Eine Anlage kostet 25.000 Euro. „Die Planung entscheidet über den Erfolg“, sagt Jana Albrecht.",
        links=[_link("https://www.destatis.de/waerme", "Destatis")],
        dates=Dates(published="2025-02-01", published_source="json-ld"),
    )
    weak = article(
        "blog/schwach",
        "„Wir planen jede Anlage sorgfältig und individuell“, sagt sie.",
        links=[_link("https://solarblog.example.com/", "Blog")],
    )
    home = page("", main_text="Willkommen bei Solar Nord.")
    pages = (home, good, weak)
    expected = {
        AttributedQuotes: ("fail", 0.75),  # pass + warn: 0.75 < 0.8
        Statistics: ("fail", 0.5),
        OutboundCitations: ("fail", 0.75),
        ContentDates: ("fail", 0.5),
    }
    for cls, (state, score) in expected.items():
        result = rate(cls(), *pages)
        assert (result.state, result.score, result.weight) == (state, score, 1.0), cls.id
        assert [o.url for o in result.pages] == [good.url, weak.url]
        assert result.affected_urls == [weak.url]
        assert all(e.url == weak.url for e in result.evidence)


@pytest.mark.parametrize("cls", [AttributedQuotes, Statistics, OutboundCitations, ContentDates])
def test_metadata(cls):
    assert cls.category == "evidence" and cls.scope == "page" and cls.requires == ("html",)
    assert cls.title != cls.failure_title
    assert any(src in cls.description for src in ("Aggarwal et al.", "GEO-16", "AutoGEO"))


# -- figures that are not statistics; sources (issue 4) ----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("Speicher ab 4.990 € inkl. MwSt., Montage in zwei Wochen.", []),
        ("Die Behandlung kostet bei uns 89 Euro.", []),
        ("A softener costs from £450 plus installation.", []),
        ("Eine Dachsanierung kostet zwischen 180 und 300 Euro pro Quadratmeter.", ["180", "300 Euro"]),
        ("EPDM roofs last 40 to 50 years.", ["40", "50 years"]),
        ("Die Jahresarbeitszahl lag bei 3,4; verkauft wurden 356.000 Geräte.", ["3,4", "356.000"]),
        ("Version 2.1.3 erschien am 14.03.2025, Hotline 0800 1234567.", []),
    ],
)
def test_prices_versions_and_phones_are_not_figures_but_ranges_and_decimals_are(sentence, figures):
    assert figures_in(sentence) == figures


def test_unsourced_figures_are_findings_even_when_the_page_passes():
    text = (
        "Laut Umweltbundesamt sparen 12.500 Haushalte 3,5 Prozent. Der Speicher kostet 8.000 Euro. "
        "Ein Modul wiegt 21 kg. Die Anlage hat 9,8 kWp."
    )
    outcome = single(Statistics(), article("blog/zahlen", text)).pages[0]
    assert outcome.state == "pass"
    assert "without a named source" in outcome.reason
    assert any(e.note.startswith("no source named") for e in outcome.evidence)


# -- content-freshness ---------------------------------------------------------------------------


def fresh(path: str, published: str | None, visible: str | None, modified: str | None = None) -> PageRecord:
    return article(
        path,
        "Text",
        dates=Dates(published=published, modified=modified, published_source="json-ld" if published else None),
        extras=PageExtras(visible_date=visible, visible_date_text=visible),
    )


def rate_at(check: Check, *pages: PageRecord, day: str = "2025-06-01", sitemap=()) -> CheckResult:
    data = site(
        *pages, crawl_stats=CrawlStats(complete=True, started=f"{day}T08:00:00Z"), sitemap_entries=list(sitemap)
    )
    return evaluate_check(check, data, 1.0)


def test_freshness_visible_consistent_recent_passes():
    result = rate_at(ContentFreshness(), fresh("blog/a", "2025-03-01", "2025-03-01"))
    assert result.state == "pass"
    assert result.pages[0].reason == "newest date 2025-03-01, current (under 1 year)"


@pytest.mark.parametrize(
    ("record", "note"),
    [
        (fresh("blog/a", "2025-03-01", None), "date only in the markup: show it under the title"),
        (fresh("blog/a", "2025-03-01", "2024-01-10"), "the page shows a different date than its structured data"),
        (fresh("blog/a", "2021-02-01", "2021-02-01"), "stale (over 2 years): review the facts and show an update date"),
    ],
)
def test_freshness_findings(record, note):
    outcome = rate_at(ContentFreshness(), record).pages[0]
    assert outcome.state == "warn"
    assert note in [e.note for e in outcome.evidence]


def test_freshness_updated_date_shown_is_consistent_and_sitemap_lag_is_a_finding():
    record = fresh("blog/a", "2019-05-01", "2025-02-01", modified="2025-02-01")
    assert rate_at(ContentFreshness(), record).pages[0].state == "pass"
    lagging = SitemapEntry(url=record.url, lastmod="2020-01-01", sitemap=ROOT + "sitemap.xml")
    outcome = rate_at(ContentFreshness(), record, sitemap=[lagging]).pages[0]
    assert outcome.state == "warn" and outcome.evidence[0].element == "sitemap lastmod"


def test_freshness_without_crawl_date_gives_no_age_band_and_skips_undated_pages():
    result = evaluate_check(
        ContentFreshness(), site(fresh("blog/a", "2010-01-01", "2010-01-01"), fresh("blog/b", None, None)), 1.0
    )
    assert [o.url for o in result.pages] == [ROOT + "blog/a"]
    assert result.pages[0].state == "pass" and result.pages[0].reason == "newest date 2010-01-01"


# -- original-material, reviews -----------------------------------------------------------------

INTERVIEW = ["Q", "Eva Maier", "Q", "Eva Maier", "Q", "Eva Maier"]


@pytest.mark.parametrize(
    ("extras", "fields", "features"),
    [
        (PageExtras(interview_turns=INTERVIEW), {}, ["interview"]),
        (PageExtras(interview_turns=["Q", "A", "Q", "A", "Q", "A"]), {}, []),  # an FAQ names nobody
        (PageExtras(galleries=[Gallery(element="div.gallery", images=6, same_site=6, described=5)]), {}, ["gallery"]),
        (PageExtras(galleries=[Gallery(element="div.gallery", images=6, same_site=0, described=0)]), {}, []),
        (PageExtras(), {"media": [Media(kind="video", src="https://www.youtube-nocookie.com/embed/x")]}, ["media"]),
        (PageExtras(), {"media": [Media(kind="iframe", src="https://maps.example/embed")]}, []),
        (PageExtras(numeric_tables=1), {}, ["data"]),
        (PageExtras(), {"main_text": "Methodik: Wir haben 87 Angebote ausgewertet."}, ["data"]),
        (PageExtras(testimonials=2), {}, ["testimonials"]),
    ],
)
def test_page_features(extras, fields, features):
    fields.setdefault("main_text", "Text")
    assert (
        page_features(
            article(
                "blog/x",
                extras=extras,
                **{k: v for k, v in fields.items() if k != "main_text"},
                text=fields["main_text"],
            )
        )
        == features
    )


def test_original_material_pass_and_fail_with_evidence():
    good = article("blog/a", "Text", extras=PageExtras(interview_turns=INTERVIEW))
    stock = article("blog/b", "Text", extras=PageExtras(galleries=[Gallery(element="div.wp-block-gallery", images=4)]))
    result = rate(OriginalMaterial(), good, stock)
    by_url = {o.url: o for o in result.pages}
    assert by_url[good.url].state == "pass" and by_url[good.url].evidence[0].excerpt == "Eva Maier"
    assert by_url[stock.url].state == "fail"
    assert by_url[stock.url].evidence[0].element == "div.wp-block-gallery"
    assert "hosted elsewhere" in by_url[stock.url].evidence[0].note


def test_reviews_states():
    rated = page("", structured_data=[{"@type": "LocalBusiness", "aggregateRating": {"@type": "AggregateRating"}}])
    assert rate(Reviews(), rated).state == "pass"
    assert rate(Reviews(), page("", extras=PageExtras(testimonials=1))).state == "warn"
    assert rate(Reviews(), page("")).state == "fail"


# -- extraction of the extras (spiders/extract_evidence.py) -------------------------------------

HTML = """<html lang="de"><body><nav><a href="/">Start</a></nav><article>
<h1>Interview: Speicher im Altbau</h1><p class="meta">Stand: 14.03.2025 · Jana Albrecht</p>
<p><strong>Frage:</strong> Wie groß sollte der Speicher sein?</p>
<p><strong>Jana Albrecht:</strong> Etwa 1 kWh je 1.000 kWh.</p>
<p><strong>Frage:</strong> Und die Kosten?</p><p><strong>Jana Albrecht:</strong> Rund 800 Euro je kWh.</p>
<div class="wp-block-gallery"><img src="/a.jpg" alt="Speicher im Keller eines Altbaus">
<img src="/b.jpg" alt="IMG_2041.jpg">
<img src="https://cdn.stock.example/c.jpg" alt="Monteur verkabelt den Wechselrichter">
<img src="/d.jpg" alt="Fertige Anlage auf dem Dach"></div>
<table><tr><td>5 kWh</td><td>4.000 €</td></tr><tr><td>10 kWh</td><td>7.500 €</td></tr></table>
<div class="testimonial"><blockquote><p>Alles bestens.</p></blockquote></div>
<p><em>Ein Gastbeitrag von Prof. Dr. Helmut Sauer, Hochschule Karlsruhe.</em></p>
</article><footer><p>Von Montag bis Freitag erreichbar · 01.01.2020</p></footer></body></html>"""


def test_extract_extras_from_real_markup():
    url = "https://www.solar.example/ratgeber/interview/"
    fields = extract_page(parse_html(HTML), url, lambda u: "solar.example" in u)
    extras = fields["extras"]
    assert (extras.visible_date, extras.visible_date_text) == ("2025-03-14", "Stand: 14.03.2025 · Jana Albrecht")
    assert extras.interview_turns == ["Q", "Jana Albrecht", "Q", "Jana Albrecht"]
    assert extras.galleries == [Gallery(element="div.wp-block-gallery", images=4, same_site=3, described=3)]
    assert (extras.numeric_tables, extras.testimonials) == (1, 1)
    assert extras.byline_lines == ["Ein Gastbeitrag von Prof. Dr. Helmut Sauer, Hochschule Karlsruhe."]
    assert "Von Montag" not in extras.header_text  # the footer is not the header
