"""The expertise checks speak German: every message they write (explanations, page reasons, evidence
notes, details cells) has a German text with the same placeholders, and renders without English words.

Each check runs on small sites that make it write (nearly) every one of its messages; the messages a
check can only write on sites too odd to build here are named in `UNREACHED`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from reports.i18n import Localizer, message_catalog
from scoring.audit import evaluate_check
from scoring.checks.author_byline import AuthorByline
from scoring.checks.author_profiles import AuthorProfiles
from scoring.checks.impressum import Impressum
from scoring.checks.named_experts import NamedExperts
from scoring.checks.nap_consistency import NapConsistency
from scoring.checks.organization_schema import OrganizationSchema
from scoring.checks.person_schema import PersonSchema
from scoring.checks.trust_pages import TrustPages
from scoring.core.messages import Message, english, placeholders
from scoring.core.records import BLOCKED_BY_ROBOTS, AuthorSignal, Link, PageExtras, PageRecord
from scoring.core.results import CheckResult
from scoring.registry import Check
from tests.factories import ROOT, page, site
from tests.test_checks_expertise import (
    ARTICLE_LD,
    BIO,
    ELECTRICIAN,
    IMPRESSUM_DE,
    IMPRESSUM_SOLE_TRADER,
    IMPRESSUM_THIN,
    IMPRESSUM_TMG,
    JANA,
    _nap_site,
    article,
    authored,
    law_sites,
    legal_site,
    linking_home,
)

CHECKS: list[type[Check]] = [
    AuthorByline,
    PersonSchema,
    Impressum,
    TrustPages,
    OrganizationSchema,
    AuthorProfiles,
    NamedExperts,
    NapConsistency,
]
# messages a check writes only on sites too odd to build here (none so far)
UNREACHED: dict[str, set[str]] = {}
_WORD = re.compile(r"[^\W\d_]{3,}")  # words of three letters or more ("E-Mail": "Mail")
# words German writes as English does: names of laws, schema.org and HTML terms, loanwords
SHARED_WORDS = frozenset(
    "auditor author crawler ddg geo idnr impressum imprint itemprop jobtitle json knowsabout kontakt legal "
    "link linkedin localbusiness logo mail markup meta name notice optional organisation organization person "
    "plz register rel robots sameas schema status tmg txt url ust von xing".split()
)
_URL = re.compile(r"https?://\S+")


# -- the sites ----------------------------------------------------------------------------------


def _byline_sites() -> Iterator[list[PageRecord]]:
    yield [article(author_signals=[AuthorSignal(source="byline-class", name="Jana Albrecht")])]
    yield [article(author_signals=[AuthorSignal(source="rel-author", name="")])]
    yield [article(main_text="Von Jana Albrecht | 3. März 2025\nEin Stromspeicher lohnt sich.")]
    yield [article(extras=PageExtras(byline_lines=["Ein Gastbeitrag von Jana Albrecht"]))]
    yield [article(author_signals=[AuthorSignal(source="json-ld", name="Jana Albrecht", visible=False)])]
    yield [article(author_signals=[AuthorSignal(source="meta", name="", visible=False)])]
    yield [article(structured_data=[{**ARTICLE_LD, "author": {"@type": "Person", "name": "Jana Albrecht"}}])]
    yield [article()]


def _person_sites() -> Iterator[list[PageRecord]]:
    for author in (
        {"@id": JANA["@id"]},  # a Person with jobTitle and sameAs, described on the page
        "Jana Albrecht",
        {"@type": "Person"},
        {"@type": "Organization", "name": "Solar Nord GmbH"},
        {"@id": ROOT + "#/schema/person/unbekannt"},
    ):
        yield [article(structured_data=[{**ARTICLE_LD, "author": author}, JANA])]
    yield [article()]


def _impressum_sites() -> Iterator[list[PageRecord]]:
    yield legal_site()
    yield legal_site(IMPRESSUM_TMG, unlinked=("blog/stromspeicher",))
    yield legal_site(IMPRESSUM_THIN + "\nHRB 123456\nNutzen Sie unser Kontaktformular.")
    yield legal_site("Impressum\nSolar Nord GmbH\nAmtsgericht Hamburg")
    yield legal_site("Impressum\nSolar Nord GbR\nGesellschafter: Jana Albrecht")
    yield legal_site(IMPRESSUM_SOLE_TRADER)
    yield legal_site(IMPRESSUM_DE, status=404)
    yield legal_site(None)
    blocked = legal_site(None)
    yield [*blocked, page("impressum", status=None, error=BLOCKED_BY_ROBOTS)]
    yield legal_site(None, linked=False)
    yield legal_site(None, linked=False, lang="en", text_lang="en")
    yield [page("", lang=None, main_text="")]
    yield from law_sites()  # Swiss, Austrian, undecided, .ch domain, hreflang de-CH (issue 21)
    # a Swiss provider outside the commercial register: no legal form needed
    yield legal_site("Impressum\nLena Brunner\nSeestrasse 40\n8002 Zürich, Schweiz\nE-Mail: lena@brunner.example")


def _trust_sites() -> Iterator[list[PageRecord]]:
    links = (("Datenschutz", "datenschutz"), ("Kontakt", "kontakt"), ("Über uns", "ueber-uns"))
    yield [linking_home(*links), page("datenschutz", status=404), page("kontakt")]
    yield [
        linking_home(*links),
        page("datenschutz"),
        page("kontakt", status=None, error=BLOCKED_BY_ROBOTS),
        page("ueber-uns"),
    ]
    yield [linking_home(("Privacy Policy", "privacy-policy"), lang="en")]
    yield [linking_home(("Leistungen", "leistungen"))]


def _organization_sites() -> Iterator[list[PageRecord]]:
    yield [page("", structured_data=[ELECTRICIAN])]
    yield [page("", structured_data=[{k: v for k, v in ELECTRICIAN.items() if k not in ("telephone", "sameAs")}])]
    yield [page("", structured_data=[{"@type": "Organization", "url": ROOT}])]
    yield [page("", structured_data=[{"@type": "Service", "name": "Photovoltaik"}])]


def _profile_sites() -> Iterator[list[PageRecord]]:
    yield [article("blog/a")]
    bio = page("team/jana/", main_text=BIO, word_count=len(BIO.split()))
    plain = " ".join(["Tom schreibt gern über Solaranlagen und Speicher im Haus."] * 4)
    yield [
        authored("blog/a", "Jana Albrecht", "team/jana/"),
        authored("blog/b", "Tom Baker", "team/tom/"),
        authored("blog/c", "Eva Maier", "team/eva/"),
        authored("blog/d", "Max Roth", "team/max/"),
        authored("blog/e", "Ida Kern", "team/ida/"),
        authored("blog/f", "Lea Wolf", None),
        bio,
        page("team/tom/", main_text="Tom Baker. Foto.", word_count=3),
        page("team/eva/", main_text=plain, word_count=len(plain.split())),
        page("team/max/", status=404),
    ]


def _expert_sites() -> Iterator[list[PageRecord]]:
    yield [page("", main_text="Willkommen")]
    yield [
        authored("blog/a", "Jana Albrecht", None),
        authored("blog/b", "Markus Feld", None),
        article("blog/c", main_text="„Speicher lohnen sich“, sagt Jana Albrecht, Leiterin Technik."),
    ]
    yield [article("blog/a"), article("blog/b"), article("blog/c")]


def _nap_sites() -> Iterator[list[PageRecord]]:
    yield _nap_site("Solar Nord GmbH, Industriestraße 7, 79110 Freiburg. Tel. +49 (0)761 4567890")
    yield _nap_site("Solar Nord GmbH, Am Markt 1, 79098 Freiburg. Tel. 0761 999888")
    yield [page("", main_text="Willkommen")]
    home, impressum, _ = _nap_site("")
    yield [home.model_copy(update={"structured_data": []}), impressum, page("kontakt/", main_text="Schreiben Sie uns.")]
    footer = [Link(url=ROOT + "impressum/", anchor="Impressum", position="footer", internal=True)]
    yield [page("", links=footer), page("impressum/", main_text="Solar Nord GmbH")]


SITES = {
    "author-byline": _byline_sites,
    "person-schema": _person_sites,
    "impressum": _impressum_sites,
    "trust-pages": _trust_sites,
    "organization-schema": _organization_sites,
    "author-profiles": _profile_sites,
    "named-experts": _expert_sites,
    "nap-consistency": _nap_sites,
}


# -- reading the messages of a result -------------------------------------------------------------


def _messages(result: CheckResult) -> Iterator[Message]:
    """Every message the result holds; fails on a machine-written text that carries none."""
    assert result.explanation and result.explanation_message is not None, result.explanation
    yield result.explanation_message
    for outcome in result.pages:
        assert not outcome.reason or outcome.reason_message is not None, outcome.reason
        if outcome.reason_message is not None:
            yield outcome.reason_message
        yield from _notes(outcome.evidence)
    yield from _notes(result.evidence)
    if result.blocker is not None:  # the blocker sentence is a message too
        yield result.blocker
    for row in result.details:
        for column, value in row.items():
            if result.columns.get(column) == "message":
                assert value in ("", None) or isinstance(value, Message), (column, value)
            if isinstance(value, Message):
                yield value


def _notes(evidence: list[Any]) -> Iterator[Message]:
    for item in evidence:
        assert not item.note or item.note_message is not None, item.note
        if item.note_message is not None:
            yield item.note_message


def _tree(message: Message) -> Iterator[Message]:
    """The message and every message inside its parameters."""
    yield message
    for value in message.params.values():
        for item in value if isinstance(value, list | tuple) else [value]:
            if isinstance(item, Message):
                yield from _tree(item)
            elif isinstance(item, dict) and "id" in item:
                yield from _tree(Message.model_validate(item))


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def assert_german(message: Message) -> None:
    """Rendered in German from the catalog, without a word of its English templates (but the words
    German shares with English; crawled values and URLs aside)."""
    text, lang = Localizer("de").message(message)
    assert lang is None, f"no German text for a message in {message.text!r}"
    foreign = set().union(*(_words(english()[node.id]) for node in _tree(message))) - SHARED_WORDS
    assert not _words(_URL.sub(" ", text)) & foreign, (text, message.text)


def _run(check_id: str) -> tuple[type[Check], list[CheckResult]]:
    check = next(c for c in CHECKS if c.id == check_id)
    return check, [evaluate_check(check(), site(*pages), 1.0) for pages in SITES[check_id]()]


# -- the tests --------------------------------------------------------------------------------------


@pytest.mark.parametrize("check_id", list(SITES))
def test_every_message_renders_in_german(check_id: str) -> None:
    check, results = _run(check_id)
    written: set[str] = set()
    for result in results:
        for message in _messages(result):
            assert_german(message)
            written |= {n.id for n in _tree(message)}
    own = {m.removeprefix(f"{check_id}.") for m in written if m.startswith(f"{check_id}.")}
    assert own == set(check.messages) - UNREACHED.get(check_id, set()), sorted(set(check.messages) ^ own)


@pytest.mark.parametrize("check", CHECKS, ids=[c.id for c in CHECKS])
def test_every_message_has_a_german_template_with_the_same_placeholders(check: type[Check]) -> None:
    german = message_catalog("de")[0]
    assert check.messages, check.id
    for key, template in check.messages.items():
        message_id = f"{check.id}.{key}"
        assert message_id in german, f"{message_id} has no German text in reports/i18n/de/{check.id}.toml"
        assert placeholders(german[message_id]) == placeholders(template), message_id


@pytest.mark.parametrize("check", CHECKS, ids=[c.id for c in CHECKS])
def test_site_checks_declare_every_details_column(check: type[Check]) -> None:
    if check.scope == "page":
        return
    for pages in SITES[check.id]():
        result = evaluate_check(check(), site(*pages), 1.0)
        for row in result.details:
            assert set(row) <= set(check.columns), (check.id, set(row) - set(check.columns))


def test_german_numbers_and_word_forms() -> None:
    result = evaluate_check(Impressum(), site(*legal_site(IMPRESSUM_THIN)), 1.0)
    german = Localizer("de").message(result.explanation_message)[0]
    assert german.startswith(f"Impressum unter {ROOT}impressum, auf 4 von 4 Seiten verlinkt (100 %); 2 von 6 ")
    assert german.endswith("es fehlen: Vertretungsberechtigte, E-Mail, Telefon oder zweiter Kontaktweg, "
                           "Registergericht + Registernummer.")
    one = Localizer("de").message(TrustPages.msg("linked-from", page=TrustPages.msg("page-contact"), pages=1))[0]
    assert one == "Kontaktseite verlinkt von 1 Seite"
    many = Localizer("de").message(AuthorProfiles.msg("too-short", words=1298))[0]
    assert many.startswith("Profil hat nur 1.298 Wörter")
