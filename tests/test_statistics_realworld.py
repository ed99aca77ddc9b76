"""Statistics on real-world text (issue 13): which numbers state a measured or counted fact, and which
sentences name their source. Every sentence here is written for this test (German and English); each
failure class seen on real sites has statistic and not-statistic cases."""

from __future__ import annotations

from typing import Any

import pytest

from scoring.checks.statistics import find_statistics, page_statistics
from scoring.core.records import Link, PageRecord
from scoring.statistics_exclusions import is_code_like
from tests.factories import page

ARTICLE_LD = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Ratgeber"}


def article(text: str, *, lang: str = "de", **fields: Any) -> PageRecord:
    fields.setdefault("structured_data", [ARTICLE_LD])
    return page("blog/zahlen", main_text=text, word_count=len(text.split()), lang=lang, **fields)


def figures(text: str, lang: str = "de", **fields: Any) -> list[str]:
    return [f for s in find_statistics(article(text, lang=lang, **fields)) for f in s.figures]


def sourced(text: str, lang: str = "de", **fields: Any) -> list[str]:
    return [f for s in find_statistics(article(text, lang=lang, **fields)) if s.source for f in s.figures]


# -- numbers that are not statistics ---------------------------------------------------------------

NOT_STATISTICS = [
    # code, config, log output and command lines (the main text keeps <pre>/<code>)
    ("code-js", "en", "for (let i = 0; i < 250; i++) { total += 3.5; }"),
    ("code-css", "de", "body { margin: 12px; line-height: 1.5; }"),
    ("code-template", "de", "Im Template steht {{ betrag | round(2) }} mit 1.250,50 als Beispielwert."),
    ("code-log", "en", "2024-05-01 12:30:11 ERROR worker failed after 120.5 seconds"),
    ("code-cli", "en", "docker run --memory 512 --cpus 1.5 nginx"),
    ("config-default", "en", "The default timeout is 30 seconds."),
    # versions and identifiers
    ("version-de", "de", "Die Version 2.4 bringt einen dunklen Modus."),
    ("version-product-en", "en", "Acme Desk 3.2 now supports recurring bookings."),
    ("version-x0", "en", "With the 1.0 release the app left beta."),
    ("version-dot-in-german", "de", "Das Update auf Android 14.1 ist da."),
    ("identifier", "de", "Unsere Ausbildungsstätte führt die Kennziffer 4.1234."),
    # dates, years, time since, experience, age
    ("since-year", "de", "Seit 2015 beraten wir Kunden in Köln."),
    ("since-years", "de", "Seit 30 Jahren sind wir für Sie da."),
    ("experience-de", "de", "Unser Team hat über 20 Jahre Erfahrung im Dachbau."),
    ("experience-en", "en", "We have been fitting kitchens for over 25 years."),
    ("ago", "en", "15 years ago nobody tested their software automatically."),
    ("age", "de", "Mit 18 Jahren zog sie nach Leipzig."),
    ("anniversary", "de", "10 Jahre Tischlerei Beispiel: wir feiern mit Ihnen."),
    # prices, fees, discounts, plan limits, trial periods
    ("price-per-person", "de", "Das Seminar kostet 490 € pro Person zzgl. MwSt."),
    ("price-plan", "en", "The Pro plan is €12 per user / month."),
    ("price-from", "de", "Die Wartung gibt es ab 89 Euro."),
    ("price-asterisk", "en", "Premium support 4800 CHF*"),
    ("free-plan", "en", "€ 0"),
    ("discount-de", "de", "Nur im Mai: 20 % Rabatt auf alle Kurse!"),
    ("discount-en", "en", "Save 15% on your first order."),
    ("plan-limit-de", "de", "Kostenlos für bis zu 10 Benutzer."),
    ("plan-limit-en", "en", "The starter edition is free for up to 10 users."),
    ("group-size", "de", "Ein Kurs fasst maximal 16 Personen."),
    ("trial", "en", "You can test the Business plan for 30 days free of charge."),
    ("cancellation", "de", "Eine kostenfreie Stornierung ist bis 14 Tage vor Kursbeginn möglich."),
    ("reading-time", "de", "4 Minuten Lesezeit"),
    # recipes and instructions
    ("ingredient", "de", "200 g Mehl"),
    ("bake", "de", "Den Teig bei 180 °C backen."),
    ("rest", "de", "Den Teig 30 Minuten ruhen lassen."),
    ("imperative-en", "en", "Bake at 200 °C for 25 minutes."),
    ("imperative-sie", "de", "Heizen Sie den Ofen auf 250 °C vor."),
    ("setting-row", "de", "220–250 °C: Pizza, Flammkuchen, Fladenbrot"),
    ("optimal", "de", "Die optimale Raumtemperatur liegt bei 20 °C."),
    # steps, list items, rankings
    ("tips", "de", "Die 5 besten Tipps für den Garten"),
    ("steps", "de", "In 3 Schritten zur Anmeldung"),
    ("top-list", "en", "Top 10 garden tools of the season"),
    ("title-case", "en", "The 7 Most Common Mistakes Beginners Make"),
    # phone numbers, addresses, postcodes, opening hours
    ("phone-address-de", "de", "Telefon +49 (0)30 1234567, Hauptstraße 12, 10115 Berlin"),
    ("phone-address-en", "en", "Call +44 (0)20 7946 0000 or visit us at 14 Market Street."),
    ("opening-hours", "de", "Geöffnet Mo–Fr 8:00–17:00 Uhr"),
    # hypothetical and worked examples, conditionals
    ("if-de", "de", "Wenn 60 Prozent der Nutzer wechseln, sinken die Kosten."),
    ("if-en", "en", "If 60% of visitors convert, revenue doubles."),
    ("assume", "de", "Angenommen, ein Haushalt verbraucht 4.000 kWh im Jahr."),
    ("example-en", "en", "For example, a lock with four digits allows 10,000 combinations."),
    ("would-take", "en", "On average, it would take 5,000 attempts."),
    ("v1-conditional", "de", "Liegt die Auslastung unter 40 %, dann ist der Server zu groß."),
    ("whether", "de", "Es macht einen Unterschied, ob ein Anbieter aus 300 Kilometern Entfernung anreist."),
    # legal quotas, thresholds and norms stated as rules
    ("legal-quota", "de", "Nach § 26 DGUV Vorschrift 1 sind in Verwaltungsbetrieben 5 % der Versicherten auszubilden."),
    ("by-law", "en", "By law, companies must keep payroll records for 6 years."),
    ("threshold", "de", "Betriebe ab 250 Mitarbeitern brauchen einen eigenen Beauftragten."),
    ("threshold-table", "de", "Handelsbetriebe (> 20 Anwesende): 5 %."),
    # study design (sample sizes)
    ("sample-de", "de", "Für die Umfrage wurden 1.000 Personen befragt."),
    ("sample-en", "en", "The survey of 2,000 adults was carried out in March."),
    ("sample-n", "de", "n = 3.500 Mitarbeitende"),
    ("methods-note", "de", "Methodik: Die Werte stammen aus 87 Angeboten des Jahres 2024."),
    # claims, not shares
    ("claim-de", "de", "Wir beraten 100 % herstellerunabhängig."),
    ("claim-en", "en", "Our software is 100% open source."),
    # teasers and titles of linked pages belong to those pages
    ("teaser", "de", "Im Juni kamen rund 300 Gäste zu unserem Tag der offenen Tür und ..."),
]


@pytest.mark.parametrize(("lang", "text"), [c[1:] for c in NOT_STATISTICS], ids=[c[0] for c in NOT_STATISTICS])
def test_numbers_that_are_not_statistics(lang, text):
    assert figures(text, lang) == []


def test_a_linked_title_is_the_linked_page_s_figure():
    title = "Stadtwerke melden 12.000 neue Anschlüsse im Jahr"
    text = f"Lokalpresse: {title}"
    links = [Link(url="https://zeitung.example/artikel/123", anchor=title)]
    assert figures(text, links=links) == []


def test_the_count_of_a_list_article_s_title_is_its_own_list_length():
    """ "The 27 Common Causes of Brand Failure" and "we have highlighted 27 causes": the length of the
    page's own list (LABELLING: numbers of list items), while a measured share on the page still counts."""
    text = "In this post, we have highlighted 27 causes of brand failure. 42 % of new brands fail within five years."
    titled = {"title": "The 27 Common Causes Of Brand Failure", "lang": "en"}
    assert figures(text, **titled) == ["42 %"]
    assert figures(text, lang="en", title="Why brands fail") == ["27 causes", "42 %"]
    # a count of customers in a title is no list length: it stays a statistic
    assert figures("Über 500 Kunden vertrauen uns seit Jahren.", title="500 Kunden vertrauen uns") == ["500 Kunden"]


def test_listing_pages_have_no_statistics_of_their_own():
    listing = page(
        "blog/page/2/",
        main_text="Blog\nUnsere Kunden sparen im Schnitt 30 Prozent Energie.\nWeiterlesen",
        lang="de",
        headings=[],
    )
    assert page_statistics(listing) == [] or all(s.figures for s in page_statistics(listing))


# -- statistics ------------------------------------------------------------------------------------

STATISTICS = [
    ("own-customers", "de", "Über 500 Kunden vertrauen uns.", ["500 Kunden"]),
    ("own-satisfaction", "de", "98 % unserer Kunden sind zufrieden.", ["98 %"]),
    ("counted-noun-de", "de", "Wir haben bereits über 800 Werkstätten geplant.", ["800 Werkstätten"]),
    ("counted-noun-en", "en", "The project has more than 250 stars on GitHub.", ["250 stars"]),
    ("counted-plus", "en", "Our client runs 1000+ stores across Europe.", ["1000+ stores"]),
    ("share-change-de", "de", "Der Anteil der Elektroautos stieg um bis zu 23 %.", ["23 %"]),
    ("share-change-en", "en", "Sales grew 30 percent in the fourth quarter.", ["30 percent"]),
    ("duration-average", "de", "Eine Wärmepumpe hält im Schnitt 20 Jahre.", ["20 Jahre"]),
    ("duration-lasts", "en", "The battery lasts 12 hours on a single charge.", ["12 hours"]),
    ("duration-typical", "de", "Ein Fertighaus steht oft in 6 bis 8 Wochen.", ["6", "8 Wochen"]),
    ("market-cost", "de", "Ein Stromspeicher kostet im Schnitt 800 Euro je kWh.", ["800 Euro"]),
    ("revenue", "en", "Group revenue reached €55 million, up from €25.3 million.", ["€55 million", "€25.3 million"]),
    ("spec", "de", "Der Grill erreicht Temperaturen bis 1.000 °C.", ["1.000 °C"]),
    ("reference-value", "en", "Total cholesterol should be below 190 mg/dl.", ["190 mg"]),
    ("not-a-discount", "de", "Unsere Kunden sparen 30 Prozent Heizkosten.", ["30 Prozent"]),
    ("sample-and-finding", "en", "The survey of 2,000 adults found that 64% shop online weekly.", ["64%"]),
    ("teaser-not-cut", "de", "Im Juni kamen rund 300 Gäste zu unserem Tag der offenen Tür.", ["300 Gäste"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), [c[1:] for c in STATISTICS], ids=[c[0] for c in STATISTICS])
def test_statistics(lang, text, expected):
    assert figures(text, lang) == expected


# -- sources ----------------------------------------------------------------------------------------

SOURCED = [
    ("laut-body", "de", "Laut Statistischem Bundesamt lebten 2023 rund 84 Millionen Menschen in Deutschland."),
    ("laut-acronym", "de", "Laut DGE benötigen Erwachsene 300 mg Magnesium pro Tag."),
    ("study-by", "en", "A study by the University of Leeds found that 42% of tenants moved within 3 years."),
    ("according-to-the", "en", "According to the report, 96 percent of attacks targeted companies."),
    ("name-reports", "en", "The Federal Office for Statistics reports 333,000 new companies."),
    ("inverted-de", "de", "Dabei belegt die JIM-Studie, dass 96 Prozent der Jugendlichen ein Smartphone besitzen."),
    ("study-of-university", "de", "Eine Studie der Universität Greifswald fand ein um 80 Prozent erhöhtes Risiko."),
    ("person-declared", "de", "Am Montag erklärte Ministerin Anna Beispiel, das Land plane 250 Tonnen ein."),
    ("role", "de", "Dabei nannte der Umweltminister die Zahl von 12.500 Tonnen."),
    ("own-survey", "en", "Our 2024 survey of 300 installers found that 61% plan to hire."),
    ("own-data-de", "de", "Wir haben 120 Betriebe befragt: 45 % suchen Fachkräfte."),
    ("citation", "en", "Tenancy deposits rose by 12% (Housing Review 2023)."),
    ("inline-quelle", "de", "Der Markt wuchs 2024 um 7 % (Quelle: Branchenverband Beispiel)."),
    ("possessive", "en", "Guy Example’s presentation put the cost at $12,000 in total."),
]


@pytest.mark.parametrize(("lang", "text"), [c[1:] for c in SOURCED], ids=[c[0] for c in SOURCED])
def test_sourced_statistics(lang, text):
    found = figures(text, lang)
    assert found and sourced(text, lang) == found


UNSOURCED = [
    ("indefinite-study", "de", "Laut einer Studie nutzen 70 % der Deutschen Online-Banking."),
    ("unnamed-survey", "en", "According to a representative survey of more than 250 managers, 72% lack time."),
    ("estimates", "en", "Estimates predict that up to 800 million jobs could change by 2030."),
    ("experts", "de", "Experten zufolge fehlen 20.000 Fachkräfte."),
    ("open-source-word", "en", "As an open-source project we count 1,300 contributors."),
    ("studied", "en", "About 4 million publications have studied these gene variants."),
    (
        "previous-sentence",
        "de",
        "Die Hochschule Beispielstadt hat Zahlen veröffentlicht.\n45 % der Befragten arbeiten zuhause.",
    ),
    ("sources-list-at-end", "de", "Der Markt wuchs um 12 %.\nQuellen\n1. Statistikamt Beispiel (2024): Jahresbericht."),
    (
        "own-staff-quote",
        "de",
        "„Ein Ausfall kostet 2 Euro pro Minute“, rechnet Beispiel-Handwerk-Experte Max Muster vor.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), [c[1:] for c in UNSOURCED], ids=[c[0] for c in UNSOURCED])
def test_statistics_without_a_named_source(lang, text):
    assert figures(text, lang)
    assert sourced(text, lang) == []


def test_a_link_on_the_source_name_sources_the_figure():
    text = "Die Zahl der Anlagen stieg laut Statistischem Landesamt auf 41.000."
    links = [Link(url="https://www.statistik.example/presse/2024/anlagen", anchor="laut Statistischem Landesamt")]
    assert sourced(text, links=links) == ["41.000"]


def test_a_home_page_link_sources_only_with_a_reporting_word():
    home = [Link(url="https://www.acme-tools.example/", anchor="Acme Planner")]
    assert sourced("Acme Planner is used by 40,000 teams.", "en", links=home) == []
    assert sourced("Acme Planner reports 40,000 active teams.", "en", links=home) == ["40,000"]


def test_a_plain_word_link_to_a_campaign_is_no_source():
    links = [Link(url="https://petitionen.example/p/12345", anchor="Petition")]
    assert sourced("Für die Petition haben wir 5000 Flyer verteilt.", links=links) == []


@pytest.mark.parametrize(
    "text",
    [
        "Frauen benötigen 300 mg Magnesium pro Tag.1\n1 Beispiel-Gesellschaft: Referenzwerte (2021). URL: https://ref.example/mg",
        "Frauen benötigen 300 mg Magnesium pro Tag [1].\n[1] Beispiel-Gesellschaft: Referenzwerte, 2021.",
        "Frauen benötigen 300 mg Magnesium pro Tag. [1] Das ist mehr als früher.\n[1] Referenzwerte (2021), S. 4.",
    ],
    ids=["glued-digit", "bracket", "bracket-after-stop"],
)
def test_a_footnote_into_the_reference_list_sources_the_figure(text):
    assert sourced(text) == ["300 mg"]


def test_a_trailing_digit_without_a_reference_list_is_no_source():
    assert sourced("Frauen benötigen 300 mg Magnesium pro Tag.1") == []


def test_a_quotation_attributed_to_an_outside_speaker_sources_its_figures():
    text = (
        "“Downloads will peak at around 100,000 by the end of the year,” said Lena Example, analyst at Mobile Insights."
    )
    assert sourced(text, "en") == ["100,000"]


def test_a_pronoun_speaker_continues_the_quotation_before():
    text = (
        "“Apps will be as big as the web,” said Ilja Example, founder of an app store.\n"
        "He also warned: “About 90% of developers will not earn their money back.”"
    )
    assert sourced(text, "en") == ["90%"]


def test_the_company_s_own_expert_is_no_outside_source():
    text = "Beispiel-Handwerk expert Max Muster explains: “Our customers save 30 percent on average.”"
    assert figures(text, "en") == ["30 percent"]
    assert sourced(text, "en") == []


def test_a_fronted_source_carries_on_to_the_next_sentence():
    text = "Laut Umweltbundesamt sparen 12.500 Haushalte 3,5 Prozent. Eine Anlage kostet rund 14.000 Euro."
    assert sourced(text) == ["12.500 Haushalte", "3,5 Prozent", "14.000 Euro"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("const total = items.reduce((a, b) => a + b, 0);", True),
        ("kubectl scale deployment web --replicas=3", True),
        ("Die Anlage erzeugt 950 kWh pro kWp (Stand: 2024).", False),
        ("Sales grew 30 percent; profits rose 12 percent.", False),
    ],
)
def test_code_is_told_apart_from_prose(text, code):
    assert is_code_like(text) is code
