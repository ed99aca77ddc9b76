"""Expertise & trust checks on literal German and English sites: authors, Impressum, trust pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from scoring.audit import evaluate_check
from scoring.checks.author_byline import AuthorByline, visible_authors
from scoring.checks.author_profiles import AuthorProfiles
from scoring.checks.impressum import Impressum, impressum_elements, is_impressum_link
from scoring.checks.named_experts import NamedExperts
from scoring.checks.nap_consistency import NapConsistency, normalise_phone
from scoring.checks.organization_schema import OrganizationSchema
from scoring.checks.person_schema import PersonSchema, jsonld_authors
from scoring.checks.trust_pages import TrustPages
from scoring.core.messages import as_text
from scoring.core.records import AuthorSignal, Hreflang, Link, PageExtras, PageRecord
from scoring.core.results import CheckResult
from scoring.registry import Check
from tests.factories import ROOT, page, site

ARTICLE_LD = {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    "headline": "Stromspeicher",
    "datePublished": "2025-03-03",
}
SCORE = {"pass": 1.0, "warn": 0.5, "fail": 0.0}


def article(path: str = "blog/stromspeicher", *, lang: str = "de", **fields: Any) -> PageRecord:
    fields.setdefault("structured_data", [ARTICLE_LD])
    fields.setdefault("main_text", "Ein Stromspeicher lohnt sich, wenn abends viel Strom gebraucht wird.")
    return page(path, lang=lang, **fields)


def rate(check: Check, *pages: PageRecord) -> CheckResult:
    """The check run through the audit's own path (requirements, aggregation)."""
    return evaluate_check(check, site(*pages), 1.0)


def row(result: CheckResult, key: str, value: str) -> dict:
    """The details row whose `key` cell reads `value` (a message cell by its English text)."""
    return next(r for r in result.details if as_text(r[key]) == value)


# -- author-byline ----------------------------------------------------------------------------

BYLINE_CASES = [
    (
        "de-byline-class",
        {"author_signals": [AuthorSignal(source="byline-class", name="Jana Albrecht")]},
        "pass",
        ".byline / .author",
        "Jana Albrecht",
    ),
    (
        "en-rel-author",
        {
            "lang": "en",
            "author_signals": [AuthorSignal(source="rel-author", name="Tom Baker", url=ROOT + "team/tom-baker")],
        },
        "pass",
        "a[rel=author]",
        "Tom Baker",
    ),
    (
        "de-visible-beats-json-ld",
        {
            "author_signals": [
                AuthorSignal(source="json-ld", name="Redaktion", visible=False),
                AuthorSignal(source="itemprop", name="Jana Albrecht"),
            ]
        },
        "pass",
        "[itemprop=author]",
        "Jana Albrecht",
    ),
    (
        "de-von-line-in-text",
        {"main_text": "Von Jana Albrecht | 3. März 2025\nEin Stromspeicher lohnt sich."},
        "pass",
        "byline text",
        "Von Jana Albrecht | 3. März 2025",
    ),
    (
        "de-two-authors",
        {"main_text": "Text: Jana Albrecht und Tom Baker\nEin Stromspeicher lohnt sich."},
        "pass",
        "byline text",
        "Text: Jana Albrecht und Tom Baker",
    ),
    (
        "en-by-line-with-title",
        {"lang": "en", "main_text": "By Dr. Tom Baker, energy consultant\nHeat pumps work."},
        "pass",
        "byline text",
        "By Dr. Tom Baker, energy consultant",
    ),
    (
        "de-json-ld-signal-only",
        {"author_signals": [AuthorSignal(source="json-ld", name="Jana Albrecht", visible=False)]},
        "warn",
        "json-ld author",
        "Jana Albrecht",
    ),
    (
        "en-meta-only",
        {"lang": "en", "author_signals": [AuthorSignal(source="meta", name="Tom Baker", visible=False)]},
        "warn",
        "meta[name=author]",
        "Tom Baker",
    ),
    (
        "de-structured-data-only",
        {"structured_data": [{**ARTICLE_LD, "author": {"@type": "Person", "name": "Jana Albrecht"}}]},
        "warn",
        "json-ld author",
        "Jana Albrecht",
    ),
    (
        "de-von-is-not-a-name",
        {"main_text": "Von der Planung bis zur Montage begleiten wir Sie.\nVon Montag bis Freitag."},
        "fail",
        "byline",
        None,
    ),
    ("en-none", {"lang": "en", "main_text": "By the way, heat pumps also cool in summer."}, "fail", "byline", None),
]


@pytest.mark.parametrize(
    ("fields", "state", "element", "excerpt"), [c[1:] for c in BYLINE_CASES], ids=[c[0] for c in BYLINE_CASES]
)
def test_author_byline(fields, state, element, excerpt):
    record = article(**fields)
    result = rate(AuthorByline(), record)
    outcome = result.pages[0]
    assert outcome.state == state, outcome.reason
    assert result.score == SCORE[state]
    evidence = outcome.evidence[0]
    assert (evidence.url, evidence.element, evidence.excerpt) == (record.url, element, excerpt)
    assert result.affected_urls == ([] if state == "pass" else [record.url])


def test_author_byline_rates_articles_only_and_aggregates():
    shown = article("blog/a", author_signals=[AuthorSignal(source="byline-text", name="Jana Albrecht")])
    hidden = article("blog/b", author_signals=[AuthorSignal(source="json-ld", name="Jana Albrecht", visible=False)])
    anonymous = article("blog/c")
    long_dated = page(
        "ratgeber/foerderung",
        main_text="Text",
        word_count=300,
        dates={"published": "2025-01-10", "published_source": "meta"},
    )
    service = page("leistungen", main_text="Wir bauen Solaranlagen.")
    failed = article("blog/d", status=500)
    result = rate(AuthorByline(), shown, hidden, anonymous, long_dated, service, failed)
    assert [o.url for o in result.pages] == [shown.url, hidden.url, anonymous.url, long_dated.url]
    assert result.state == "fail" and result.score == 0.375  # (1 + 0.5 + 0 + 0) / 4
    assert result.affected_urls == [hidden.url, anonymous.url, long_dated.url]
    assert rate(AuthorByline(), service).state == "not_applicable"


# -- person-schema ----------------------------------------------------------------------------

JANA = {
    "@type": "Person",
    "@id": ROOT + "#/schema/person/jana",
    "name": "Jana Albrecht",
    "jobTitle": "Energieberaterin",
    "sameAs": ["https://www.xing.com/profile/Jana_Albrecht"],
}

PERSON_CASES = [
    (
        "de-inline-person",
        [{**ARTICLE_LD, "author": {k: v for k, v in JANA.items() if k != "@id"}}],
        "pass",
        "json-ld Person",
        "Jana Albrecht",
    ),
    (
        "en-id-reference-on-page",
        [
            {"@type": "BlogPosting", "headline": "Heat pumps", "author": {"@id": JANA["@id"]}},
            {"@type": "WebSite", "name": "Solar Nord"},
            JANA,
        ],
        "pass",
        f"json-ld Person @id {JANA['@id']}",
        "Jana Albrecht",
    ),
    (
        "en-list-string-and-person",
        [
            {
                **ARTICLE_LD,
                "author": ["Redaktion", {"@type": "Person", "name": "Tom Baker", "url": ROOT + "team/tom-baker"}],
            }
        ],
        "pass",
        "json-ld Person",
        "Tom Baker",
    ),
    ("de-string-name", [{**ARTICLE_LD, "author": "Jana Albrecht"}], "warn", "json-ld author", "Jana Albrecht"),
    (
        "en-person-name-only",
        [{**ARTICLE_LD, "author": {"@type": "Person", "name": "Tom Baker"}}],
        "warn",
        "json-ld author",
        "Tom Baker",
    ),
    (
        "de-organisation-as-author",
        [{**ARTICLE_LD, "author": {"@type": "Organization", "name": "Solar Nord GmbH"}}],
        "warn",
        "json-ld author (organization)",
        "Solar Nord GmbH",
    ),
    (
        "en-dangling-reference",
        [{**ARTICLE_LD, "author": {"@id": ROOT + "#/schema/person/nobody"}}],
        "warn",
        f"json-ld author @id {ROOT}#/schema/person/nobody",
        f"{ROOT}#/schema/person/nobody",
    ),
    ("de-no-author", [ARTICLE_LD], "fail", "json-ld author", None),
    (
        "en-review-author-is-not-page-author",
        [
            ARTICLE_LD,
            {
                "@type": "Product",
                "name": "Speicher",
                "review": {
                    "@type": "Review",
                    "author": {"@type": "Person", "name": "Petra Schulz", "url": "https://example.org/petra"},
                },
            },
        ],
        "fail",
        "json-ld author",
        None,
    ),
]


@pytest.mark.parametrize(
    ("structured_data", "state", "element", "excerpt"), [c[1:] for c in PERSON_CASES], ids=[c[0] for c in PERSON_CASES]
)
def test_person_schema(structured_data, state, element, excerpt):
    record = article(structured_data=structured_data)
    result = rate(PersonSchema(), record)
    outcome = result.pages[0]
    assert outcome.state == state, outcome.reason
    assert result.score == SCORE[state]
    evidence = outcome.evidence[0]
    assert (evidence.url, evidence.element, evidence.excerpt) == (record.url, element, excerpt)


def test_person_schema_resolves_an_id_described_on_another_page():
    post = article(structured_data=[{**ARTICLE_LD, "author": {"@id": JANA["@id"]}}])
    team = page("team/jana-albrecht", structured_data=[{"@type": "ProfilePage", "mainEntity": JANA}])
    result = rate(PersonSchema(), post, team)
    assert [o.url for o in result.pages] == [post.url]  # the profile page is not an article
    assert result.state == "pass" and "jobTitle, sameAs" in result.pages[0].reason
    assert rate(PersonSchema(), post).state == "fail"  # without the team page: unresolved, a warning
    assert rate(PersonSchema(), post).pages[0].state == "warn"


def test_author_id_reference_resolves_within_the_page_alone():
    record = article(structured_data=[{**ARTICLE_LD, "author": [{"@id": JANA["@id"]}]}, JANA])
    (author,) = jsonld_authors(record)  # no site given: only the page's own items
    assert (author.kind, author.name, author.details) == ("person", "Jana Albrecht", ("jobTitle", "sameAs"))


def test_person_schema_not_applicable_without_articles():
    home = page("", structured_data=[{"@type": "WebSite", "author": "x"}])
    assert rate(PersonSchema(), home).state == "not_applicable"


# -- impressum --------------------------------------------------------------------------------

IMPRESSUM_DE = """Impressum
Angaben gemäß § 5 DDG
Solar Nord GmbH
Hafenstraße 12
20457 Hamburg
Vertreten durch den Geschäftsführer: Jana Albrecht
Telefon: +49 40 123456-0
E-Mail: info@solar-nord.example
Registergericht: Amtsgericht Hamburg
Registernummer: HRB 123456
Umsatzsteuer-Identifikationsnummer gemäß § 27a UStG: DE 123 456 789"""

IMPRESSUM_TMG = IMPRESSUM_DE.replace("§ 5 DDG", "§ 5 TMG")

IMPRESSUM_SOLE_TRADER = """Impressum
Elektro Meier
Inhaber: Klaus Meier
Dorfstraße 3, 87435 Kempten (Allgäu)
Telefon 0831 12345
E-Mail: info(at)elektro-meier.example"""

IMPRINT_EN = """Legal notice
Sunbeam Energy GmbH
Hafenstraße 12, 20457 Hamburg, Germany
Managing director: Tom Baker
Phone: +49 40 987654
Email: hello@sunbeam.example
Register court: Amtsgericht Hamburg, HRB 98765
VAT ID: DE987654321"""

IMPRESSUM_THIN = "Impressum\nSolar Nord GmbH\nHafenstraße 12\n20457 Hamburg"

# Swiss and Austrian Impressums, complete under their own law (Art. 3 Abs. 1 lit. s UWG; § 5 ECG,
# § 25 MedienG, § 14 UGB) and incomplete under § 5 DDG
IMPRESSUM_CH = """Impressum
Solar Alpin AG
Seestrasse 41
8002 Zürich
Schweiz
E-Mail: info@solar-alpin.example
Handelsregister des Kantons Zürich, UID: CHE-123.456.789
MWST-Nr.: CHE-123.456.789 MWST"""

IMPRESSUM_AT = """Impressum
Offenlegung gemäß § 5 ECG und § 25 MedienG
Solar Tirol GmbH
Hauptplatz 1/Top 4, 6020 Innsbruck, Österreich
Unternehmensgegenstand: Planung und Bau von Photovoltaikanlagen
Tel.: +43 512 123456
E-Mail: office@solar-tirol.example
Firmenbuchnummer: FN 123456a
Firmenbuchgericht: Landesgericht Innsbruck
UID-Nummer: ATU12345678
Mitglied der Wirtschaftskammer Tirol"""

IMPRESSUM_AT_NO_FN = IMPRESSUM_AT.replace(
    "Firmenbuchnummer: FN 123456a\nFirmenbuchgericht: Landesgericht Innsbruck\n", ""
)
# four digits and nothing else that tells Austria from Switzerland
IMPRESSUM_CH_BARE = "\n".join(IMPRESSUM_CH.split("\n")[:4] + IMPRESSUM_CH.split("\n")[5:6])

IMPRESSUM_DE_FOUR_DIGITS = IMPRESSUM_DE.replace("20457 Hamburg", "2045 Hamburg")

CONTENT_PATHS = ("", "leistungen/photovoltaik", "blog/stromspeicher", "kontakt")
HOME_TEXT = {
    "de": "Wir sind ein Handwerksbetrieb und bauen Solaranlagen für die Region.",
    "en": "We are a family business and we build solar systems for the region.",
}


def legal_site(
    text: str | None = IMPRESSUM_DE,
    *,
    lang: str | None = "de",
    text_lang: str = "de",
    anchor: str = "Impressum",
    path: str = "impressum",
    unlinked: tuple[str, ...] = (),
    status: int = 200,
    linked: bool = True,
) -> list[PageRecord]:
    """Four content pages with a footer link to the Impressum, plus the Impressum page (None: not crawled)."""
    footer = [Link(url=ROOT + path, anchor=anchor, position="footer", internal=True)] if linked else []
    pages = [
        page(p, lang=lang, main_text=HOME_TEXT[text_lang], links=[] if p in unlinked else footer) for p in CONTENT_PATHS
    ]
    if text is not None:
        pages.append(page(path, lang=lang, main_text=text, status=status, links=footer))
    return pages


IMPRESSUM_CASES = [
    # id, site kwargs, state, score, affected paths
    ("de-complete", {}, "pass", 1.0, []),
    ("de-outdated-tmg", {"text": IMPRESSUM_TMG}, "warn", round(0.5 + 0.5 * 6.5 / 7, 4), ["impressum"]),
    (
        "de-not-on-every-page",
        {"unlinked": ("leistungen/photovoltaik", "blog/stromspeicher")},
        "warn",
        0.75,
        ["leistungen/photovoltaik", "blog/stromspeicher"],
    ),
    ("de-elements-missing", {"text": IMPRESSUM_THIN}, "warn", round(0.5 + 0.5 * 2 / 6, 4), ["impressum"]),
    (
        "de-missing-and-unlinked",
        {"text": IMPRESSUM_THIN, "unlinked": CONTENT_PATHS[1:]},
        "fail",
        round(0.5 * 0.25 + 0.5 * 2 / 6, 4),
        ["impressum", *CONTENT_PATHS[1:]],
    ),
    ("de-sole-trader", {"text": IMPRESSUM_SOLE_TRADER}, "pass", 1.0, []),
    ("de-found-by-url-only", {"anchor": "Rechtliches", "path": "rechtliches/impressum.html"}, "pass", 1.0, []),
    (
        "en-imprint",
        {"text": IMPRINT_EN, "lang": "en", "text_lang": "en", "anchor": "Legal notice", "path": "legal-notice"},
        "pass",
        1.0,
        [],
    ),
    ("de-link-broken", {"status": 404}, "fail", 0.5, ["impressum"]),
    ("de-not-crawled", {"text": None}, "warn", 0.75, []),
    ("de-none", {"text": None, "linked": False}, "fail", 0.0, list(CONTENT_PATHS)),
    ("de-undeclared-language-none", {"text": None, "linked": False, "lang": None}, "fail", 0.0, list(CONTENT_PATHS)),
    ("en-none", {"text": None, "linked": False, "lang": "en", "text_lang": "en"}, "not_applicable", None, []),
    # each country under its own law
    ("ch-complete", {"text": IMPRESSUM_CH}, "pass", 1.0, []),
    ("ch-no-e-mail", {"text": IMPRESSUM_CH.replace("E-Mail: info@solar-alpin.example", "")}, "warn",
     round(0.5 + 0.5 * 2 / 3, 4), ["impressum"]),
    ("at-complete", {"text": IMPRESSUM_AT}, "pass", 1.0, []),
    ("at-no-firmenbuch-number", {"text": IMPRESSUM_AT_NO_FN}, "warn", round(0.5 + 0.5 * 4 / 5, 4), ["impressum"]),
    ("de-four-digit-postcode", {"text": IMPRESSUM_DE_FOUR_DIGITS}, "warn", round(0.5 + 0.5 * 5 / 6, 4), ["impressum"]),
]


@pytest.mark.parametrize(
    ("kwargs", "state", "score", "affected"), [c[1:] for c in IMPRESSUM_CASES], ids=[c[0] for c in IMPRESSUM_CASES]
)
def test_impressum(kwargs, state, score, affected):
    result = rate(Impressum(), *legal_site(**kwargs))
    assert result.state == state, result.explanation
    assert result.score == score
    assert result.affected_urls == [ROOT + p for p in affected]


def test_impressum_details_and_evidence_name_the_elements():
    result = rate(Impressum(), *legal_site())
    assert result.evidence[0].url == ROOT + "impressum" and result.evidence[0].excerpt == "Impressum"
    assert as_text(row(result, "element", "linked from pages")["excerpt"]) == "4 of 4 pages (100%)"
    register = row(result, "element", "register court + number")
    assert register["found"]
    assert register["excerpt"] == "Registergericht: Amtsgericht Hamburg · Registernummer: HRB 123456"
    assert row(result, "element", "USt-IdNr.")["excerpt"].endswith("DE 123 456 789")
    assert as_text(row(result, "element", "legal basis")["note"]) == "§ 5 DDG"


def test_impressum_flags_tmg_with_the_sentence():
    result = rate(Impressum(), *legal_site(IMPRESSUM_TMG))
    tmg = next(e for e in result.evidence if e.element == "legal basis")
    assert (tmg.url, tmg.excerpt) == (ROOT + "impressum", "Angaben gemäß § 5 TMG")
    assert "§ 5 DDG" in tmg.note and "§ 5 TMG" in result.explanation


def test_impressum_lists_missing_elements_and_unlinked_pages():
    result = rate(Impressum(), *legal_site(IMPRESSUM_THIN, unlinked=("blog/stromspeicher",)))
    missing = {e.element for e in result.evidence if e.note and e.note.startswith("missing")}
    assert missing == {"representative", "e-mail", "phone or second channel", "register court + number"}
    unlinked = [e.url for e in result.evidence if e.note == "no link to the Impressum"]
    assert unlinked == [ROOT + "blog/stromspeicher"]
    assert "missing: representative, e-mail" in result.explanation


def _explained(result: CheckResult) -> list[tuple[str | None, str | None]]:
    return [(e.excerpt, e.note) for e in result.evidence if e.note and e.note != "missing"]


def test_impressum_names_the_law_applied_and_why_that_country():
    swiss = rate(Impressum(), *legal_site(IMPRESSUM_CH))
    assert "3 of 3 required elements found; law applied: Art. 3 Abs. 1 lit. s UWG (Switzerland)" in swiss.explanation
    assert _explained(swiss)[1:] == [
        ("8002 Zürich Schweiz", "address in Switzerland"),
        ("CHE-123.456.789", "VAT or company number of Switzerland"),
        ("Handelsregister des Kantons Zürich, UID: CHE-123.456.789", "register entry of Switzerland"),
    ]
    austrian = rate(Impressum(), *legal_site(IMPRESSUM_AT_NO_FN))
    assert "law applied: § 5 ECG, § 25 MedienG, § 14 UGB (Austria); missing: Firmenbuch number (FN) + court" in (
        austrian.explanation
    )
    german = rate(Impressum(), *legal_site(IMPRESSUM_DE_FOUR_DIGITS))
    address = next(e for e in german.evidence if e.element == "postal address (PLZ + city)")
    assert address.note == "missing: postcode 2045 has 4 digits; postcodes in Germany have 5"
    assert "law applied: § 5 DDG, § 18 MStV (Germany)" in german.explanation


def test_impressum_country_from_the_domain_and_hreflang():
    swiss_text = IMPRESSUM_CH_BARE
    assert swiss_text.endswith("8002 Zürich\nE-Mail: info@solar-alpin.example")
    undecided = rate(Impressum(), *legal_site(swiss_text))
    assert "country not determined (Austria or Switzerland)" in undecided.explanation
    assert undecided.state == "pass"  # what both laws require is there
    on_ch = rate(Impressum(), *swiss_domain_site(swiss_text))
    assert "(Switzerland)" in on_ch.explanation
    assert ("impressum.solar-alpin.ch", "country-code domain of Switzerland") in _explained(on_ch)
    regional = legal_site(swiss_text)
    regional[0] = regional[0].model_copy(update={"hreflang": [Hreflang(lang="de-CH", url=ROOT)]})
    with_region = rate(Impressum(), *regional)
    assert "(Switzerland)" in with_region.explanation
    assert ("de-CH", "language versions for Switzerland") in _explained(with_region)


def test_impressum_missing_on_a_swiss_site_names_swiss_law_in_finding_and_blocker():
    result = rate(Impressum(), *swiss_site_without_impressum())
    assert result.state == "fail" and result.score == 0.0
    assert result.explanation.endswith("providers in Switzerland must name themselves under Art. 3 Abs. 1 lit. s UWG.")
    assert result.blocker is not None and result.blocker.id == "impressum.blocker-missing-law"
    german = rate(Impressum(), *legal_site(None, linked=False))
    assert german.blocker is not None and german.blocker.id == "impressum.blocker-missing"


def swiss_domain_site(text: str) -> list[PageRecord]:
    """Content pages on ROOT whose footer links an Impressum published on a .ch host."""
    url = "https://impressum.solar-alpin.ch/"
    footer = [Link(url=url, anchor="Impressum", position="footer", internal=True)]
    pages = [page(p, main_text=HOME_TEXT["de"], links=footer) for p in CONTENT_PATHS]
    return [*pages, page("", url=url, main_text=text, links=footer)]


def swiss_site_without_impressum() -> list[PageRecord]:
    """A German-language site for Switzerland (hreflang de-CH) that links no Impressum."""
    regions = [Hreflang(lang="de-CH", url=ROOT), Hreflang(lang="fr-CH", url=ROOT + "fr/")]
    return [page(p, main_text=HOME_TEXT["de"], hreflang=regions) for p in CONTENT_PATHS]


def law_sites() -> Iterator[list[PageRecord]]:
    """Sites that make the check write every message of the imprint law per country (for
    tests/test_messages_expertise.py)."""
    yield legal_site(IMPRESSUM_CH)
    yield legal_site(IMPRESSUM_AT)
    yield legal_site(IMPRESSUM_AT_NO_FN)
    yield legal_site(IMPRESSUM_DE_FOUR_DIGITS + "\nInhaltlich Verantwortlicher gemäß § 55 Abs. 2 RStV: Jana Albrecht")
    yield legal_site("Impressum gemäß § 5 TMG\nBerger OG\nHauptstraße 5, 6020 Innsbruck\nE-Mail: a@berger.example")
    yield legal_site("Impressum\nSolar Nord GbR\nGesellschafter: Jana Albrecht")
    yield swiss_domain_site(IMPRESSUM_CH_BARE)
    yield swiss_site_without_impressum()


@pytest.mark.parametrize(
    ("url", "anchor", "expected"),
    [
        (ROOT + "impressum/", "", True),
        (ROOT + "de/impressum.html", "", True),
        (ROOT + "impressum-und-datenschutz", "", True),
        (ROOT + "index.php?id=impressum", "", True),
        (ROOT + "en/legal-notice", "", True),
        (ROOT + "rechtliches", "Impressum", True),
        (ROOT + "rechtliches", "Legal Notice", True),
        (ROOT + "blog/impressumspflicht-fuer-handwerker", "Impressumspflicht erklärt", False),
        (ROOT + "blog/neues-impressum-recht", "Was das neue Recht verlangt", False),
    ],
)
def test_impressum_link_detection(url, anchor, expected):
    assert is_impressum_link(anchor, url) is expected


@pytest.mark.parametrize(
    ("text", "element", "found", "excerpt", "note"),
    [
        ("Elektro Meier e.K.\nRegistergericht: AG München, HRA 5512", "legal form", True, "Elektro Meier e.K.", ""),
        ("Solar Nord\nRegistergericht: AG München, HRB 55", "legal form", False, "", ""),
        ("Solar Nord GmbH\nHRB 123456", "register court + number", False, "HRB 123456", "register court missing"),
        (
            "Solar Nord GbR\nGesellschafter: Jana Albrecht",
            "register court + number",
            False,
            "",
            "not required: business not entered in a register",
        ),
        (
            "E-Mail: info [at] solar-nord [dot] example",
            "e-mail",
            True,
            "E-Mail: info [at] solar-nord [dot] example",
            "",
        ),
        (
            "Nutzen Sie unser Kontaktformular.",
            "phone or second channel",
            True,
            "Nutzen Sie unser Kontaktformular.",
            "second channel other than phone",
        ),
        ("HRB 12345 Amtsgericht Köln", "postal address (PLZ + city)", False, "", ""),
        (
            "Sunbeam Ltd, 12 High Street, London EC1A 1BB",
            "postal address (PLZ + city)",
            True,
            "Sunbeam Ltd, 12 High Street, London EC1A 1BB",
            "",
        ),
    ],
)
def test_impressum_elements(text, element, found, excerpt, note):
    rows = {as_text(r["element"]): r for r in impressum_elements(text)}
    assert (rows[element]["found"], rows[element]["excerpt"], as_text(rows[element]["note"])) == (found, excerpt, note)


# -- trust-pages ------------------------------------------------------------------------------


def linking_home(*links: tuple[str, str], lang: str = "de") -> PageRecord:
    return page(
        "",
        lang=lang,
        links=[Link(url=ROOT + path, anchor=anchor, position="footer", internal=True) for anchor, path in links],
    )


TRUST_CASES = [
    (
        "de-all",
        [("Datenschutz", "datenschutz"), ("Kontakt", "kontakt"), ("Über uns", "ueber-uns")],
        "de",
        "pass",
        1.0,
        {"privacy": "datenschutz", "contact": "kontakt", "about": "ueber-uns"},
    ),
    (
        "en-all",
        [
            ("Privacy Policy", "privacy-policy"),
            ("Contact us", "contact"),
            ("About us", "about-us"),
            ("Terms of use", "terms-of-use"),
        ],
        "en",
        "pass",
        1.0,
        {"privacy": "privacy-policy", "contact": "contact", "about": "about-us", "terms": "terms-of-use"},
    ),
    (
        "en-no-terms",
        [("Privacy Policy", "privacy-policy"), ("Contact us", "contact"), ("About us", "about-us")],
        "en",
        "warn",
        0.75,
        {"privacy": "privacy-policy", "contact": "contact", "about": "about-us", "terms": None},
    ),
    (
        "de-by-url-and-team",
        [("Datenschutzerklärung", "rechtliches/dse"), ("Schreiben Sie uns", "kontakt/"), ("Unser Team", "das-team")],
        "de",
        "pass",
        1.0,
        {"privacy": "rechtliches/dse", "contact": "kontakt/", "about": "das-team"},
    ),
    (
        "de-decoys-are-not-about",
        [("Datenschutz", "datenschutz"), ("Kontakt", "kontakt"), ("Für Unternehmen", "leistungen/fuer-unternehmen")],
        "de",
        "warn",
        round(2 / 3, 4),
        {"privacy": "datenschutz", "contact": "kontakt", "about": None},
    ),
    (
        "en-only-privacy",
        [("Privacy", "privacy"), ("Learn about heat pumps", "blog/about-heat-pumps")],
        "en",
        "warn",
        0.25,
        {"privacy": "privacy", "contact": None, "about": None, "terms": None},
    ),
    (
        "de-none",
        [("Leistungen", "leistungen"), ("Blog", "blog")],
        "de",
        "fail",
        0.0,
        {"privacy": None, "contact": None, "about": None},
    ),
]
KIND_LABEL = {
    "privacy": "Privacy policy",
    "contact": "Contact page",
    "about": "About / team page",
    "terms": "Terms of use (English sites)",
}


@pytest.mark.parametrize(
    ("links", "lang", "state", "score", "found"), [c[1:] for c in TRUST_CASES], ids=[c[0] for c in TRUST_CASES]
)
def test_trust_pages(links, lang, state, score, found):
    result = rate(TrustPages(), linking_home(*links, lang=lang))
    assert (result.state, result.score) == (state, score), result.explanation
    for kind, path in found.items():
        details = row(result, "page_type", KIND_LABEL[kind])
        assert details["found"] is (path is not None)
        assert details["url"] == (ROOT + path if path else "")
        evidence = next(e for e in result.evidence if e.element == KIND_LABEL[kind])
        assert evidence.url == (ROOT + path if path else ROOT)
    assert result.affected_urls == ([] if state == "pass" else [ROOT])


def test_trust_page_linked_but_broken_is_not_found():
    home = linking_home(("Datenschutz", "datenschutz"), ("Kontakt", "kontakt"), ("Über uns", "ueber-uns"))
    result = rate(TrustPages(), home, page("datenschutz", status=404), page("kontakt"), page("ueber-uns"))
    privacy = row(result, "page_type", "Privacy policy")
    assert not privacy["found"] and as_text(privacy["note"]) == "linked page failed (status 404)"
    assert (result.state, result.score) == ("warn", round(2 / 3, 4))
    assert row(result, "page_type", "Contact page")["linked_from"] == 1


def test_trust_pages_not_applicable_without_html_pages():
    assert rate(TrustPages(), page("", status=503)).state == "not_applicable"


# -- organization-schema ----------------------------------------------------------------------

ELECTRICIAN = {
    "@context": "https://schema.org",
    "@type": "Electrician",
    "@id": ROOT + "#org",
    "name": "Elektro Meier",
    "logo": ROOT + "logo.png",
    "address": {
        "@type": "PostalAddress",
        "streetAddress": "Dorfstraße 3",
        "postalCode": "87435",
        "addressLocality": "Kempten",
    },
    "telephone": "+49 831 12345",
    "sameAs": ["https://www.xing.com/pages/elektro-meier"],
}
SUNBEAM = {
    "@type": "WebPage",
    "name": "Home",
    "publisher": {
        "@type": "Organization",
        "name": "Sunbeam Energy",
        "logo": {"@type": "ImageObject", "url": ROOT + "logo.svg"},
        "address": "Hafenstraße 12, 20457 Hamburg",
        "contactPoint": {"@type": "ContactPoint", "telephone": "+49 40 987654", "contactType": "customer service"},
        "sameAs": "https://www.linkedin.com/company/sunbeam",
    },
}
STUB = {**ARTICLE_LD, "publisher": {"@type": "Organization", "name": "Elektro Meier", "logo": ROOT + "logo.png"}}

ORG_CASES = [
    ("de-local-business-complete", {"": [ELECTRICIAN]}, "pass", 1.0, "", "Elektro Meier", []),
    ("en-nested-publisher-with-contact-point", {"": [SUNBEAM]}, "pass", 1.0, "", "Sunbeam Energy", []),
    ("de-home-beats-article-stub", {"blog/a": [STUB], "": [ELECTRICIAN]}, "pass", 1.0, "", "Elektro Meier", []),
    (
        "de-tie-goes-to-home",
        {"leistungen": [{**ELECTRICIAN, "name": "Elektro Meier Filiale"}], "": [ELECTRICIAN]},
        "pass",
        1.0,
        "",
        "Elektro Meier",
        [],
    ),
    (
        "de-three-fields",
        {"": [{k: v for k, v in ELECTRICIAN.items() if k not in ("telephone", "sameAs")}]},
        "warn",
        0.6,
        "",
        "Elektro Meier",
        ["telephone or contactPoint", "sameAs"],
    ),
    (
        "de-stub-only",
        {"blog/a": [STUB]},
        "fail",
        0.4,
        "blog/a",
        "Elektro Meier",
        ["address", "telephone or contactPoint", "sameAs"],
    ),
    (
        "en-service-is-not-an-organisation",
        {"": [{"@type": "Service", "name": "Solar installation"}]},
        "fail",
        0.0,
        "",
        None,
        ["name", "logo", "address", "telephone or contactPoint", "sameAs"],
    ),
]


@pytest.mark.parametrize(
    ("data", "state", "score", "path", "name", "missing"), [c[1:] for c in ORG_CASES], ids=[c[0] for c in ORG_CASES]
)
def test_organization_schema(data, state, score, path, name, missing):
    pages = [page(p, structured_data=items) for p, items in data.items()]
    if "" not in data:
        pages.append(page(""))
    result = rate(OrganizationSchema(), *pages)
    assert (result.state, result.score) == (state, score), result.explanation
    assert result.evidence[0].url == ROOT + path
    assert result.evidence[0].excerpt == name
    assert sorted(as_text(r["field"]) for r in result.details if not r["found"]) == sorted(missing)
    assert result.affected_urls == ([ROOT + path] if missing else [])


def test_organization_details_show_the_values():
    result = rate(OrganizationSchema(), page("", structured_data=[SUNBEAM]))
    values = {as_text(r["field"]): r["value"] for r in result.details}
    assert values == {
        "name": "Sunbeam Energy",
        "logo": ROOT + "logo.svg",
        "address": "Hafenstraße 12, 20457 Hamburg",
        "telephone or contactPoint": "+49 40 987654",
        "sameAs": "https://www.linkedin.com/company/sunbeam",
    }


def test_organization_schema_not_applicable_without_html_pages():
    assert rate(OrganizationSchema(), page("", status=None, content_type=None)).state == "not_applicable"


# -- metadata ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "scope", "source"),
    [
        (AuthorByline, "page", "Quality Rater Guidelines"),
        (PersonSchema, "page", "Google Search Central"),
        (Impressum, "site", "§ 5 DDG"),
        (TrustPages, "site", "Quality Rater Guidelines"),
        (OrganizationSchema, "site", "Google Search Central"),
    ],
)
def test_metadata(cls, scope, source):
    assert cls.category == "expertise" and cls.scope == scope and cls.requires == ("html",)
    assert cls.title != cls.failure_title and source in cls.description


# -- author-profiles, named-experts, nap-consistency (issue 4) ---------------------------------


BIO = (
    "Jana Albrecht ist Elektrotechnikermeisterin und zertifizierte Energieberaterin. Sie plant seit 2009 "
    "Photovoltaikanlagen in Südbaden und leitet ein Team von zwölf Monteuren. Vorher arbeitete sie sieben "
    "Jahre bei einem Netzbetreiber. Sie schreibt über Speicher, Förderung und Wärmepumpen."
)


def authored(path: str, name: str, profile: str | None) -> PageRecord:
    return article(
        path, author_signals=[AuthorSignal(source="rel-author", name=name, url=ROOT + profile if profile else None)]
    )


def test_author_profile_with_credentials_passes():
    profile = page("team/jana-albrecht/", main_text=BIO, word_count=len(BIO.split()))
    result = rate(
        AuthorProfiles(),
        authored("blog/a", "Jana Albrecht", "team/jana-albrecht/"),
        authored("blog/b", "Jana Albrecht", "team/jana-albrecht/"),
        profile,
    )
    assert result.state == "pass" and result.score == 1.0
    details = row(result, "profile", ROOT + "team/jana-albrecht/")
    assert details["ok"]
    assert as_text(details["note"]) == "credentials: Elektrotechnikermeisterin, zertifizierte, seit 2009"


def test_author_profile_without_bio_and_unlinked_byline_are_findings():
    thin = page("team/tom/", main_text="Tom Baker. Foto.", word_count=3)
    result = rate(
        AuthorProfiles(), authored("blog/a", "Tom Baker", "team/tom/"), authored("blog/b", "Eva Maier", None), thin
    )
    assert result.state == "fail" and result.score == 0.0
    notes = [e.note for e in result.evidence]
    assert any("only 3 words" in n for n in notes)
    assert any(n == "byline does not link to an author or team page" for n in notes)
    assert set(result.affected_urls) == {ROOT + "blog/a", ROOT + "blog/b"}


def test_author_profiles_not_applicable_without_visible_authors():
    assert rate(AuthorProfiles(), article("blog/a")).state == "not_applicable"


def test_named_experts_counts_distinct_people_titles_stripped():
    pages = [
        authored("blog/a", "Dr.-Ing. Markus Feld", None),
        authored("blog/b", "Markus Feld", None),
        authored("blog/c", "Jana Albrecht", None),
        authored("blog/d", "Redaktion Solar", None),
    ]
    result = rate(NamedExperts(), *pages)
    assert [r["name"] for r in result.details] == ["Markus Feld", "Jana Albrecht"]
    assert result.details[0]["articles_written"] == 2
    assert result.state == "warn" and result.affected_urls == [ROOT + "blog/d"]


def test_named_experts_fail_without_any_named_person():
    result = rate(NamedExperts(), article("blog/a"), article("blog/b"), article("blog/c"))
    assert result.state == "fail" and result.score == 0.0


def test_role_words_next_to_a_date_are_not_authors():
    record = article(
        "blog/x",
        extras=PageExtras(
            header_text="Titel \nVon \nDr.-Ing. Markus Feld \n, Leiter Speichertechnik · \n20. Juni 2023 \n"
        ),
    )
    assert visible_authors(record) == []  # no byline markup: "Leiter Speichertechnik" is a role, not a name
    # Capitalised words next to a date in the text around the title are no author either: on real pages
    # they were title fragments ("… – Thank You All · 2026-03-09"). A bare name in a meta row under the
    # title is read from the markup (spiders.extract_byline, tests/test_bylines_realworld.py).
    dated = article("blog/y", extras=PageExtras(header_text="Lohnt sich Dämmung? \n3. April 2023 \n· \nHenrik Jansen"))
    assert visible_authors(dated) == []


@pytest.mark.parametrize(
    ("raw", "digits"),
    [
        ("+49 761 554321-0", "07615543210"),
        ("+49 (0)761 5543210", "07615543210"),
        ("0761 / 55 43 21-0", "07615543210"),
        ("+44 20 7946 0321", "02079460321"),
    ],
)
def test_phone_numbers_compare_in_national_form(raw, digits):
    assert normalise_phone(raw) == digits


def _nap_site(kontakt_text: str) -> list[PageRecord]:
    footer = [
        Link(url=ROOT + "impressum/", anchor="Impressum", position="footer", internal=True),
        Link(url=ROOT + "kontakt/", anchor="Kontakt", position="footer", internal=True),
    ]
    org = {
        "@type": "LocalBusiness",
        "name": "Solar Nord GmbH",
        "telephone": "+49 761 4567890",
        "address": {"@type": "PostalAddress", "postalCode": "79110"},
    }
    return [
        page("", links=footer, structured_data=[org]),
        page("impressum/", main_text="Solar Nord GmbH\nIndustriestraße 7\n79110 Freiburg\nTelefon: 0761 4567890"),
        page("kontakt/", main_text=kontakt_text),
    ]


def test_nap_consistent_across_kontakt_impressum_and_schema():
    result = rate(
        NapConsistency(), *_nap_site("Solar Nord GmbH, Industriestraße 7, 79110 Freiburg. Tel. +49 (0)761 4567890")
    )
    assert result.state == "pass" and result.score == 1.0, result.details
    assert all(r["consistent"] for r in result.details)


def test_nap_mismatch_names_the_pages_and_values():
    result = rate(NapConsistency(), *_nap_site("Solar Nord GmbH, Am Markt 1, 79098 Freiburg. Tel. 0761 999888"))
    assert result.state == "warn" and result.score == round(1 / 3, 4)
    phone = row(result, "element", "phone")
    assert phone["consistent"] is False and phone["Kontakt"] == "0761999888"
    assert ROOT + "kontakt/" in result.affected_urls
    assert any(e.note.startswith("postcode differs") for e in result.evidence)


def test_nap_not_applicable_with_one_source():
    assert rate(NapConsistency(), page("", main_text="Willkommen")).state == "not_applicable"
