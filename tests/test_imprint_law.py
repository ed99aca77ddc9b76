"""Imprint law per country: which country an Impressum belongs to (scoring/imprint_country.py) and the
elements its law requires (scoring/imprint_law.py), on literal Impressum texts."""

from __future__ import annotations

import pytest

from scoring.core.messages import as_text
from scoring.core.records import Hreflang
from scoring.imprint_country import AT_OR_CH, decide_country, postcodes
from scoring.imprint_law import LAWS, austrian_elements, german_elements, swiss_elements
from tests.factories import ROOT, page

IMPRESSUM = ROOT + "impressum/"


def country(text: str, site_url: str = "", hreflang: tuple[str, ...] = ()) -> str:
    pages = [page("", hreflang=[Hreflang(lang=code, url=ROOT) for code in hreflang])] if hreflang else []
    return decide_country(text, url=IMPRESSUM, site_url=site_url, pages=pages).country


def rows(elements, text: str) -> dict[str, dict]:
    return {as_text(r["element"]): r for r in elements(text)}


def required_missing(elements, text: str) -> set[str]:
    return {label for label, r in rows(elements, text).items() if r["required"] and not r["found"]}


# -- the country ------------------------------------------------------------------------------------

SWISS = "Muster Treuhand AG\nBahnhofstrasse 12\n8001 Zürich\nE-Mail: info@treuhand-muster.example"
AUSTRIAN = "Alpenblick Tischlerei GmbH\nHauptstraße 5\n6020 Innsbruck\nE-Mail: office@alpenblick.example"
GERMAN = "Solar Nord GmbH\nHafenstraße 12\n20457 Hamburg\nE-Mail: info@solar-nord.example"


@pytest.mark.parametrize(
    ("text", "site_url", "hreflang", "expected"),
    [
        # the provider's address
        (SWISS.replace("8001 Zürich", "8001 Zürich, Schweiz"), "", (), "CH"),
        (SWISS.replace("8001 Zürich", "8001 Zürich\nSwitzerland"), "", (), "CH"),  # on a line of its own
        (SWISS.replace("8001 Zürich", "8001 Zürich\nWir liefern in die Schweiz"), "", (), AT_OR_CH),
        (SWISS.replace("8001", "CH-8001"), "", (), "CH"),
        (AUSTRIAN.replace("6020 Innsbruck", "A-6020 Innsbruck"), "", (), "AT"),
        (AUSTRIAN.replace("6020 Innsbruck", "6020 Innsbruck Österreich"), "", (), "AT"),
        (AUSTRIAN.replace("Hauptstraße 5\n6020 Innsbruck", "Hauptstraße 5, Innsbruck 6020 Austria"), "", (), "AT"),
        (GERMAN, "", (), "DE"),
        (GERMAN.replace("20457 Hamburg", "20457 Hamburg, Germany"), "", (), "DE"),
        # four digits and nothing else: Austria or Switzerland, until something tells them apart
        (SWISS, "", (), AT_OR_CH),
        (SWISS, "https://www.treuhand-muster.ch/impressum/", (), "CH"),
        (AUSTRIAN, "https://www.alpenblick.co.at/impressum", (), "AT"),
        (SWISS, "", ("de-CH", "en-CH"), "CH"),
        (SWISS, "", ("de-DE", "de-AT", "de-CH"), AT_OR_CH),  # every region: none stands out
        (SWISS + "\nUID: CHE-123.456.789", "", (), "CH"),
        (SWISS + "\nHandelsregister des Kantons Zürich", "", (), "CH"),
        (SWISS + "\nTelefon: +41 44 123 45 67", "", (), "CH"),
        (AUSTRIAN + "\nUID-Nr.: ATU12345678", "", (), "AT"),
        (AUSTRIAN + "\nFN 123456a, Landesgericht Innsbruck", "", (), "AT"),
        (AUSTRIAN + "\nTel.: 0043 512 123456", "", (), "AT"),
        # the address outweighs the domain; a German provider with a four-digit typo stays German
        (GERMAN, "https://www.solar-nord.ch/impressum", (), "DE"),
        (GERMAN.replace("20457", "2045") + "\nAmtsgericht Hamburg, HRB 123456\nUSt-IdNr.: DE123456789", "", (), "DE"),
        (GERMAN.replace("20457 Hamburg", "2045 Hamburg, Deutschland") + "\nAmtsgericht Hamburg", "", (), "DE"),
        # the first address is the provider's; a branch or chamber further down is not
        (SWISS + "\nZweigniederlassung: Hauptstraße 3, 79098 Freiburg, Deutschland", ".ch", (), "CH"),
        ("Muster Treuhand AG Bahnhofstrasse 12 8001 Zürich Zweigniederlassung Deutschland", "", (), AT_OR_CH),
        (SWISS.replace("8001 Zürich", "8001 Zürich") + "\nSitz der Gesellschaft: Zürich, Schweiz", "", (), "CH"),
        # nothing points anywhere: German law, as before countries were told apart
        ("Sunbeam Ltd, 12 High Street, London EC1A 1BB", "", (), "DE"),
        ("Solar Nord GbR\nGesellschafter: Jana Albrecht", "https://www.solar-nord.example/", (), "DE"),
    ],
)
def test_country(text, site_url, hreflang, expected):
    site_url = "https://www.treuhand-muster.ch/" if site_url == ".ch" else site_url
    assert country(text, site_url, hreflang) == expected


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Bahnhofstrasse 12, 8001 Zürich", ["8001"]),
        ("Hauptplatz 1/Top 4, 8010 Graz", ["8010"]),
        ("Mariahilfer Straße 1/2/3 1060 Wien", ["1060"]),
        ("Postfach, 8021 Zürich", ["8021"]),
        ("9000 St. Gallen\nE-Mail: info@x.example", ["9000"]),
        ("Wiesenweg 14 79108 Freiburg im Breisgau", ["79108"]),
        ("CH-1204 Genève", ["1204"]),
        ("Strass 19 – 5301 Eugendorf / Österreich", ["5301"]),
        ("Schönbrunner Straße 266 1/10 Vienna, Vienna 1120 Austria", ["1120"]),
        # not postcodes: years, phone and register numbers
        ("© 2024 Muster AG", []),
        ("Copyright 2024 Muster AG. Alle Rechte vorbehalten.", []),
        ("Copyright 2009 - 2024 Muster GmbH\nMusterweg 1, 12345 Berlin", ["12345"]),
        ("Seit 1998 – 2005 Umzug nach Zürich", []),
        ("Avenue de la Gare 10, 2000 Neuchâtel", ["2000"]),
        ("Tel. 044 1234 Zürich", []),
        ("Telefon: +41 44 1234 Zürich", []),
        ("HRB 1234 Amtsgericht Köln", []),
        ("Seit 2010 Mitglied der Wirtschaftskammer", []),
        ("2010 Gründung der Firma durch Anna Muster", []),
    ],
)
def test_postcodes(text, codes):
    assert [p.code for p in postcodes(text)] == codes


def test_the_decision_keeps_its_evidence_strongest_first():
    decision = decide_country(
        SWISS + "\nUID: CHE-123.456.789", url=IMPRESSUM, site_url="https://www.treuhand-muster.ch/"
    )
    assert decision.country == "CH" and not decision.by_default
    assert [(s.kind, s.excerpt) for s in decision.signals] == [
        ("vat", "CHE-123.456.789"),
        ("postcode", "8001 Zürich"),
        ("domain", "www.treuhand-muster.ch"),
    ]
    assert dict(decision.totals) == {"AT": 2.0, "CH": 7.0, "DE": 0.0}
    assert decide_country("Solar Nord GbR").by_default


# -- the laws ---------------------------------------------------------------------------------------

SWISS_COMPLETE = "Muster Treuhand AG\nBahnhofstrasse 12\n8001 Zürich\nE-Mail: info@treuhand-muster.example"
AUSTRIAN_COMPLETE = (
    "Alpenblick Tischlerei GmbH\nHauptstraße 5\n6020 Innsbruck\nTelefon: +43 512 123456\n"
    "E-Mail: office@alpenblick.example\nFirmenbuchnummer: FN 123456a\nFirmenbuchgericht: Landesgericht Innsbruck"
)


def test_swiss_law_requires_identity_address_and_e_mail_only():
    assert required_missing(swiss_elements, SWISS_COMPLETE) == set()
    assert required_missing(swiss_elements, SWISS_COMPLETE.replace("E-Mail: info@treuhand-muster.example", "")) == {
        "e-mail"
    }
    found = rows(swiss_elements, SWISS_COMPLETE)
    for label in ("representative", "phone or second channel", "commercial register or company number (CHE-…)"):
        assert not found[label]["required"] and as_text(found[label]["note"]) == "reported when present"
    # under German law the same Impressum lacks a five-digit address, representative, phone and register
    assert required_missing(german_elements, SWISS_COMPLETE) == {
        "postal address (PLZ + city)",
        "representative",
        "phone or second channel",
        "register court + number",
    }
    note = rows(german_elements, SWISS_COMPLETE)["postal address (PLZ + city)"]["note"]
    assert as_text(note) == "postcode 8001 has 4 digits; postcodes in Germany have 5"


@pytest.mark.parametrize(
    ("text", "label", "found", "excerpt"),
    [
        ("Muster Treuhand GmbH\nUID: CHE-123.456.789", "commercial register or company number (CHE-…)", True,
         "UID: CHE-123.456.789"),
        ("Eingetragen im Handelsregister des Kantons Bern", "commercial register or company number (CHE-…)", True,
         "Eingetragen im Handelsregister des Kantons Bern"),
        ("MWST-Nr.: CHE-123.456.789 MWST", "VAT number (CHE-… MWST)", True, "MWST-Nr.: CHE-123.456.789 MWST"),
        ("UID: CHE-123.456.789", "VAT number (CHE-… MWST)", False, ""),
        ("Atelier Blau Sàrl\nRue du Rhône 1\n1204 Genève", "legal form", True, "Atelier Blau Sàrl"),
        ("Angaben gemäss Art. 3 Abs. 1 lit. s UWG", "legal basis", True, "Angaben gemäss Art. 3 Abs. 1 lit. s UWG"),
    ],
)
def test_swiss_elements(text, label, found, excerpt):
    row = rows(swiss_elements, text)[label]
    assert (row["found"], row["excerpt"]) == (found, excerpt)


def test_a_swiss_sole_proprietorship_needs_no_legal_form():
    text = "Malerei Keller, Einzelfirma\nInhaber: Beat Keller\nDorfstrasse 3\n3800 Interlaken\nE-Mail: b@keller.example"
    assert required_missing(swiss_elements, text) == set()
    assert as_text(rows(swiss_elements, text)["legal form"]["note"]) == "sole trader: no legal form required"


def test_a_swiss_provider_outside_the_commercial_register_needs_no_legal_form():
    # found on an unseen Swiss site: a consultant's own name, address and e-mail, no firm, no UID
    person = "Impressum\nLena Brunner\nSeestrasse 40\n8002 Zürich\nE-Mail: lena@brunner-beratung.example"
    assert required_missing(swiss_elements, person) == set()
    note = rows(swiss_elements, person)["legal form"]["note"]
    assert as_text(note).startswith("no commercial register entry or company number")
    # a registered firm still needs its legal form in its name (Art. 954a OR)
    registered = person + "\nUID: CHE-123.456.789"
    assert required_missing(swiss_elements, registered) == {"legal form"}


def test_austrian_law_requires_the_firmenbuch_entry_of_a_company():
    assert required_missing(austrian_elements, AUSTRIAN_COMPLETE) == set()
    without_number = AUSTRIAN_COMPLETE.replace("Firmenbuchnummer: FN 123456a\n", "")
    assert required_missing(austrian_elements, without_number) == {"Firmenbuch number (FN) + court"}
    row = rows(austrian_elements, without_number)["Firmenbuch number (FN) + court"]
    assert (row["excerpt"], as_text(row["note"])) == (
        "Firmenbuchgericht: Landesgericht Innsbruck",
        "register number missing",
    )
    without_court = AUSTRIAN_COMPLETE.replace("\nFirmenbuchgericht: Landesgericht Innsbruck", "")
    assert as_text(rows(austrian_elements, without_court)["Firmenbuch number (FN) + court"]["note"]) == (
        "register court missing"
    )
    no_second_channel = AUSTRIAN_COMPLETE.replace("Telefon: +43 512 123456\n", "")
    assert required_missing(austrian_elements, no_second_channel) == {"phone or second channel"}


@pytest.mark.parametrize(
    ("first_line", "registered"),
    [
        ("Tischlerei Berger e.U.", True),  # a registered sole trader
        ("Berger & Huber OG", True),
        ("Alpenblick FlexCo", True),
        ("Berger & Huber GesbR", False),  # a civil-law partnership is not in the Firmenbuch
        ("Tischlerei Berger, Einzelunternehmen", False),
        ("Kulturverein Alpenblick (Verein)", False),
    ],
)
def test_austrian_forms_and_the_firmenbuch(first_line, registered):
    text = f"{first_line}\nHauptstraße 5, 6020 Innsbruck\nTel. 0512 123456\nE-Mail: office@alpenblick.example"
    row = rows(austrian_elements, text)["Firmenbuch number (FN) + court"]
    assert row["required"] is registered
    assert required_missing(austrian_elements, text) == ({"Firmenbuch number (FN) + court"} if registered else set())


def test_a_floor_is_no_legal_form():
    text = "Alpenblick Tischlerei\nHauptstraße 5, 3. OG\n6020 Innsbruck"
    assert not rows(austrian_elements, text)["legal form"]["found"]


def test_austrian_details_name_what_media_and_trade_law_ask_when_it_applies():
    text = AUSTRIAN_COMPLETE + "\nUnternehmensgegenstand: Tischlerei\nMitglied der Wirtschaftskammer Tirol"
    text += "\nUID-Nummer: ATU12345678\nInformationspflicht laut § 5 ECG und Offenlegung nach § 25 MedienG"
    found = rows(austrian_elements, text)
    assert found["business purpose"]["found"] and not found["business purpose"]["required"]
    assert as_text(found["business purpose"]["note"]) == (
        "required where it applies (§ 25 MedienG); reported when present"
    )
    assert found["chamber, trade or supervisory authority"]["excerpt"] == "Mitglied der Wirtschaftskammer Tirol"
    assert found["VAT number (ATU…)"]["excerpt"] == "UID-Nummer: ATU12345678"
    assert as_text(found["legal basis"]["note"]) == "cites § 5 ECG, § 25 MedienG"


def test_german_law_cited_on_an_austrian_impressum_is_noted_not_counted():
    text = "Impressum – Angaben gemäß § 5 TMG\n" + AUSTRIAN_COMPLETE
    row = rows(austrian_elements, text)["legal basis"]
    assert not row["required"] and row["excerpt"] == "Impressum – Angaben gemäß § 5 TMG"
    assert as_text(row["note"]) == "cites German law (§ 5 TMG); § 5 ECG, § 25 MedienG, § 14 UGB applies here"
    assert required_missing(austrian_elements, text) == set()


@pytest.mark.parametrize(
    ("line", "found", "note"),
    [
        ("Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV: Jana Albrecht", True,
         "required where it applies (§ 18 Abs. 2 MStV); reported when present"),
        ("V.i.S.d.P.: Jana Albrecht", True, "required where it applies (§ 18 Abs. 2 MStV); reported when present"),
        ("Inhaltlich Verantwortlicher gemäß § 55 Abs. 2 RStV: Jana Albrecht", True,
         "outdated: § 55 Abs. 2 RStV was replaced by § 18 Abs. 2 MStV (2020)"),
        ("Fotos: Jana Albrecht", False, "required where it applies (§ 18 Abs. 2 MStV); reported when present"),
    ],
)
def test_german_editor_is_reported_not_required(line, found, note):
    row = rows(german_elements, f"Solar Nord GmbH\n{line}")["person responsible for the content"]
    assert (row["found"], row["required"], as_text(row["note"])) == (found, False, note)


def test_each_law_names_its_paragraphs():
    assert LAWS["DE"].citation == "§ 5 DDG, § 18 MStV"
    assert LAWS["AT"].citation == "§ 5 ECG, § 25 MedienG, § 14 UGB"
    assert LAWS["CH"].citation == "Art. 3 Abs. 1 lit. s UWG"
    # Austria or Switzerland untold: only what both require (the Swiss set, with both countries' forms)
    text = "Berger OG\nHauptstraße 5, 6020 Innsbruck\nE-Mail: a@b.example"
    assert required_missing(LAWS[AT_OR_CH].elements, text) == set()


# -- a bilingual Austrian site: the German Impressum and its English translation (unseen-site finding) -----
AUSTRIAN_ENGLISH = (
    "Alpenblick Tischlerei GmbH\nHauptstraße 5, 6020 Innsbruck, Austria\nPhone: +43 512 123456\n"
    "Email: office@alpenblick.example\nCompany register number: FN 123456a\n"
    "Commercial register court: Landesgericht Innsbruck"
)


def test_an_english_translation_of_an_austrian_impressum_names_its_register_court():
    assert required_missing(austrian_elements, AUSTRIAN_ENGLISH) == set()
    without_court = AUSTRIAN_ENGLISH.replace("\nCommercial register court: Landesgericht Innsbruck", "")
    assert required_missing(austrian_elements, without_court) == {"Firmenbuch number (FN) + court"}
    # a label alone is no court: "Company register number" names the number
    label_only = without_court + "\nRegister court:"
    assert required_missing(austrian_elements, label_only) == {"Firmenbuch number (FN) + court"}


def test_the_german_impressum_is_judged_not_its_english_translation():
    from scoring.audit import evaluate_check
    from scoring.checks.impressum import Impressum
    from tests.factories import html_page, site

    german = " ".join(["Wir fertigen Möbel nach Maß aus heimischem Holz in unserer Werkstatt in Innsbruck."] * 8)
    english = " ".join(["We build furniture to measure from local wood in our workshop in Innsbruck."] * 8)

    def document(lang: str, body: str, link: str) -> str:
        return (
            f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>x</title></head><body>'
            f"<main>{body}</main><footer><a href=\"/{link}\">{'Impressum' if lang == 'de' else 'Imprint'}</a>"
            "</footer></body></html>"
        )

    def paragraphs(text: str) -> str:
        return "".join(f"<p>{line}</p>" for line in text.splitlines())

    # the German page lacks its court, the English one is complete: the finding must come from the German one
    incomplete = AUSTRIAN_COMPLETE.replace("\nFirmenbuchgericht: Landesgericht Innsbruck", "")
    pages = [
        html_page("", document("de", f"<p>{german}</p>", "impressum/")),
        html_page("en/", document("en", f"<p>{english}</p>", "en/imprint/")),
        html_page("impressum/", document("de", paragraphs(incomplete), "impressum/")),
        html_page("en/imprint/", document("en", paragraphs(AUSTRIAN_ENGLISH), "en/imprint/")),
    ]
    result = evaluate_check(Impressum(), site(*pages), 2.0)
    assert result.evidence[0].url == ROOT + "impressum/"
    assert result.state == "warn"  # the German Impressum's missing court, not the translation's pass
