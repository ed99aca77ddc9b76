"""Depth & focus checks: thin-content, heading-structure, readability, near-duplicates."""

from __future__ import annotations

import pytest

from scoring.audit import evaluate_check
from scoring.checks.answer_first import AnswerFirst
from scoring.checks.depth_signals import DepthSignals
from scoring.checks.heading_structure import HeadingStructure, skipped_levels
from scoring.checks.keyword_stuffing import KeywordStuffing
from scoring.checks.near_duplicates import NearDuplicates
from scoring.checks.readability import Readability
from scoring.checks.thin_content import ThinContent, is_service_page
from scoring.core.records import Heading, count_words
from scoring.depth import analyse, depth_score
from scoring.shingles import jaccard, near_duplicate_pairs, shingles
from tests.factories import ROOT, page, site
from tests.test_readability import (
    DE_BUREAU,
    DE_DENSE,
    DE_EXPERT,
    DE_SIMPLE,
    DE_TAX,
    EN_ACADEMIC,
    EN_PLAIN,
)

ARTICLE = [{"@type": "BlogPosting", "headline": "Datenschutz im Handwerk"}]
LONG_DE = DE_EXPERT + "\n" + DE_DENSE  # 685 words
HOME = page(
    "", title="Müller Heizungsbau – Wärmepumpen in Köln", main_text=DE_SIMPLE, word_count=count_words(DE_SIMPLE)
)


def content(path: str, text: str, **fields):
    """A page whose crawler word count is that of its main text, as spiders/extract.py counts."""
    return page(path, main_text=text, word_count=count_words(text), **fields)


def H(level: int, text: str) -> Heading:  # noqa: N802
    return Heading(level=level, text=text)


# ---------------------------------------------------------------------------------------------
# thin-content
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "state", "words"),
    [
        (LONG_DE, "pass", 685),
        (DE_EXPERT, "warn", 383),
        (DE_DENSE, "warn", 302),
        (DE_TAX, "fail", 191),
        ("", "fail", 0),
    ],
)
def test_thin_content_bands(text, state, words):
    record = content("ratgeber/waermepumpe", text)
    outcome = ThinContent().evaluate_page(record, site(HOME, record))
    assert outcome.state == state
    assert f"{words:,} words" in outcome.reason
    if state != "pass":
        assert outcome.evidence[0].url == record.url
        assert outcome.evidence[0].note.startswith(f"{words:,} words of main text")


@pytest.mark.parametrize(
    ("record", "rated"),
    [
        (content("impressum", DE_TAX), False),
        (content("datenschutzerklaerung", DE_TAX), False),
        (content("kontakt/", DE_TAX), False),
        (content("en/privacy-policy", EN_PLAIN, lang="en"), False),
        (content("agb.html", DE_TAX), False),
        (content("terms-of-service", EN_PLAIN, lang="en"), False),
        (content("seite-17", DE_TAX, title="Impressum | Müller Heizungsbau"), False),
        (content("seite-18", DE_TAX, title="Kontakt & Anfahrt – Müller Heizungsbau"), False),
        (content("ratgeber/foerderung", DE_TAX, robots_meta="noindex, follow"), False),
        (content("ratgeber/alt", DE_TAX, x_robots_tag="none"), False),
        (content("kaputt", DE_TAX, status=404), False),
        (content("", DE_TAX), False),  # the home page
        # an article that merely starts with a service word is content
        (content("blog/datenschutz-im-handwerk-was-betriebe-beachten", DE_TAX), True),
        (content("blog/seite", DE_TAX, title="Datenschutz im Handwerk: Was Betriebe beachten müssen"), True),
        (content("kontakt", DE_TAX, structured_data=ARTICLE), True),  # marked up as an article
        (content("ratgeber/e-rechnung", DE_TAX, title="E-Rechnung: Was Betriebe wissen müssen"), True),
    ],
)
def test_thin_content_rates_content_pages_only(record, rated):
    pages = [HOME] if record.url != ROOT else []
    assert ThinContent().applies_to(record, site(*pages, record)) is rated


def test_service_pages_by_title_or_path():
    assert is_service_page(page("seite", title="Allgemeine Geschäftsbedingungen"))
    assert is_service_page(page("legal/imprint"))
    assert not is_service_page(page("leistungen/waermepumpe", title="Wärmepumpe | Müller"))


def test_thin_content_through_the_audit():
    pages = [
        HOME,
        content("impressum", "Müller Heizungsbau GmbH, Hauptstraße 5, 50667 Köln."),
        content("ratgeber/waermepumpe-altbau", LONG_DE),
        content("ratgeber/geg-2024", DE_DENSE),
        content("leistungen/notdienst", DE_TAX),
    ]
    result = evaluate_check(ThinContent(), site(*pages), 3)
    assert [o.url for o in result.pages] == [
        ROOT + p for p in ("ratgeber/waermepumpe-altbau", "ratgeber/geg-2024", "leistungen/notdienst")
    ]
    assert [o.state for o in result.pages] == ["pass", "warn", "fail"]
    assert result.score == pytest.approx(0.5)
    assert result.state == "fail"
    assert result.affected_urls == [ROOT + "ratgeber/geg-2024", ROOT + "leistungen/notdienst"]
    assert "1,943" in result.description and "18,151" in result.description


# ---------------------------------------------------------------------------------------------
# heading-structure
# ---------------------------------------------------------------------------------------------

GOOD = [H(1, "Wärmepumpe im Altbau"), H(2, "Kosten"), H(3, "Förderung"), H(2, "Ablauf")]


@pytest.mark.parametrize(
    ("text", "headings", "state", "reason"),
    [
        (DE_EXPERT, GOOD, "pass", "1 H1, 3 H2/H3"),
        (DE_EXPERT, GOOD[1:], "fail", "No H1"),
        (DE_EXPERT, [H(1, "Wärmepumpe"), H(1, "Jetzt beraten lassen"), H(2, "Kosten")], "warn", "2 H1 headings"),
        (
            DE_EXPERT,
            [H(1, "Wärmepumpe im Altbau"), H(2, "Kosten"), H(4, "Förderung")],
            "warn",
            "Skipped level H2 'Kosten' → H4 'Förderung'",
        ),
        (DE_EXPERT, [H(1, "Wärmepumpe im Altbau")], "pass", "1 H1, 0 H2/H3"),  # 383 words: none needed
        (LONG_DE, [H(1, "Wärmepumpe und GEG")], "fail", "0 H2/H3 subheading(s) for 685 words"),
        (LONG_DE, [H(1, "Wärmepumpe und GEG"), H(2, "Das GEG")], "pass", "1 H1, 1 H2/H3"),
        (
            LONG_DE + "\n" + DE_TAX,
            [H(1, "Wärmepumpe und GEG"), H(2, "Das GEG")],
            "warn",
            "1 H2/H3 subheading(s) for 876 words (at least 2 expected",
        ),
        (LONG_DE + "\n" + DE_TAX, [H(1, "Ratgeber"), H(2, "Das GEG"), H(3, "E-Rechnung")], "pass", "2 H2/H3"),
    ],
)
def test_heading_structure_cases(text, headings, state, reason):
    record = content("ratgeber/waermepumpe", text, headings=headings)
    outcome = HeadingStructure().evaluate_page(record, site(HOME, record))
    assert outcome.state == state
    assert reason in outcome.reason


def test_skipped_level_evidence_names_both_headings():
    headings = [H(1, "Förderung 2025"), H(2, "Kosten"), H(4, "Förderung"), H(2, "Antrag"), H(3, "Fristen")]
    assert skipped_levels(headings) == [(headings[1], headings[2])]
    record = content("ratgeber/foerderung", DE_EXPERT, headings=headings)
    outcome = HeadingStructure().evaluate_page(record, site(record))
    assert [e.excerpt for e in outcome.evidence] == ["H2 'Kosten' → H4 'Förderung'"]
    assert outcome.evidence[0].element == "h4"


def test_heading_structure_applies_from_150_words():
    short = content("kurz", DE_SIMPLE)  # 134 words
    long = content("lang", DE_TAX)  # 191 words
    data = site(short, long)
    assert not HeadingStructure().applies_to(short, data)
    assert HeadingStructure().applies_to(long, data)
    result = evaluate_check(HeadingStructure(), data, 2)
    assert [o.url for o in result.pages] == [long.url]
    assert result.state == "fail" and result.affected_urls == [long.url]  # no H1 at all


# ---------------------------------------------------------------------------------------------
# readability
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "state"),
    [
        (DE_EXPERT, "de", "pass"),
        (LONG_DE, "de", "pass"),
        (DE_DENSE, "de", "warn"),
        (DE_BUREAU, "de", "fail"),
        (EN_PLAIN, "en", "pass"),
        (EN_ACADEMIC, "en", "fail"),
    ],
)
def test_readability_bands(text, lang, state):
    record = content("ratgeber/text", text, lang=lang)
    check = Readability()
    data = site(record)
    assert check.applies_to(record, data)
    outcome = check.evaluate_page(record, data)
    assert outcome.state == state
    formula = "Flesch-Amstad" if lang == "de" else "Flesch Reading Ease"
    assert outcome.reason.startswith(formula) if state == "pass" else formula in outcome.reason


def test_readability_evidence_carries_the_numbers():
    record = content("ratgeber/geg", DE_DENSE)
    outcome = Readability().evaluate_page(record, site(record))
    numbers = outcome.evidence[0].note
    assert "Flesch-Amstad 16.8" in numbers
    assert "14 sentences, 302 words" in numbers  # the text has 14 sentences (hand count)
    assert "Wiener Sachtextformel" in numbers and "LIX" in numbers
    longest = outcome.evidence[1]
    assert longest.element == "longest sentence"
    assert longest.excerpt.startswith("Bis dahin dürfen defekte Gasheizungen")
    assert longest.note == "26 words"


def test_english_details_have_no_wiener_sachtextformel():
    record = content("en/guide", EN_PLAIN, lang="en")
    outcome = Readability().evaluate_page(record, site(record))
    assert "Flesch Reading Ease" in outcome.evidence[0].note
    assert "Wiener" not in outcome.evidence[0].note


@pytest.mark.parametrize(
    ("record", "site_pages", "rated"),
    [
        (content("fr/guide", EN_PLAIN, lang="fr"), [], False),
        (content("ratgeber/kurz", DE_SIMPLE), [], False),  # 134 words: under the 150 words of prose a page needs
        # no lang attribute: the site's language decides
        (content("ratgeber/ohne-lang", DE_EXPERT, lang=None), [HOME], True),
        (content("ratgeber/ohne-lang", DE_EXPERT, lang=None), [], False),
        (content("ratgeber/fehler", DE_EXPERT, status=500), [], False),
    ],
)
def test_readability_applicability(record, site_pages, rated):
    assert Readability().applies_to(record, site(*site_pages, record)) is rated


def test_readability_through_the_audit():
    pages = [content("a", DE_EXPERT), content("b", DE_BUREAU), content("c", DE_DENSE), content("d", DE_SIMPLE)]
    result = evaluate_check(Readability(), site(*pages), 1)
    assert [o.state for o in result.pages] == ["pass", "fail", "warn"]  # d: too short
    assert result.score == pytest.approx(0.5)
    assert result.affected_urls == [ROOT + "b", ROOT + "c"]


# ---------------------------------------------------------------------------------------------
# near-duplicates
# ---------------------------------------------------------------------------------------------

_LINES = DE_EXPERT.split("\n")
EXPERT_COPY = "\n".join(
    [
        "Eine Luft-Wasser-Wärmepumpe nutzt die Wärme der Außenluft und bringt sie mit Strom auf die "
        "Temperatur, die Ihre Heizkörper brauchen."
    ]
    + _LINES[1:]
)  # the same guide with a new first sentence
EXPERT_1, EXPERT_2 = "\n".join(_LINES[:12]), "\n".join(_LINES[12:])
_DENSE = DE_DENSE.split("\n")
DENSE_1, DENSE_2 = "\n".join(_DENSE[:7]), "\n".join(_DENSE[7:])
DISTINCT = [EXPERT_1, EXPERT_2, DENSE_1, DENSE_2, DE_TAX, DE_SIMPLE, DE_BUREAU, EN_PLAIN, EN_ACADEMIC]


def test_the_copy_is_a_near_duplicate_and_the_halves_are_not():
    assert 0.85 < jaccard(shingles(DE_EXPERT), shingles(EXPERT_COPY)) < 0.95
    sets = {i: shingles(t) for i, t in enumerate(DISTINCT)}
    assert near_duplicate_pairs(sets) == []


@pytest.mark.parametrize(
    ("texts", "state", "score", "pairs"),
    [
        (DISTINCT, "pass", 1.0, []),
        # 10 pages, 2 of them a pair: 0.8 -> warn
        (DISTINCT + [EXPERT_1 + " Rufen Sie uns an, wir beraten Sie gern."], "warn", 0.8, [(0, 9)]),
        ([DE_EXPERT, EXPERT_COPY, DE_DENSE], "fail", 0.3333, [(0, 1)]),
        ([DE_EXPERT, EXPERT_COPY, DE_EXPERT, DE_TAX], "fail", 0.25, [(0, 2), (0, 1), (1, 2)]),
    ],
)
def test_near_duplicates_states(texts, state, score, pairs):
    pages = [content(f"seite-{i}", t) for i, t in enumerate(texts)]
    result = evaluate_check(NearDuplicates(), site(*pages), 2)
    assert result.state == state
    assert result.score == pytest.approx(score, abs=1e-4)
    assert [(r["url_a"], r["url_b"]) for r in result.details] == [(pages[a].url, pages[b].url) for a, b in pairs]
    expected = []
    for a, b in pairs:
        expected += [u for u in (pages[a].url, pages[b].url) if u not in expected]
    assert result.affected_urls == expected


def test_near_duplicate_rows_name_both_pages_and_the_similarity():
    a = content("ratgeber/waermepumpe-altbau", DE_EXPERT)
    b = content("koeln/waermepumpe", EXPERT_COPY)
    result = NearDuplicates().evaluate(site(HOME, a, b, content("ratgeber/geg", DE_DENSE)))
    (row,) = result.details
    assert row["url_a"] == a.url and row["url_b"] == b.url
    assert row["similarity"] == pytest.approx(jaccard(shingles(DE_EXPERT), shingles(EXPERT_COPY)), abs=1e-3)
    assert (row["words_a"], row["words_b"]) == (383, count_words(EXPERT_COPY))
    assert result.evidence[0].url == a.url and b.url in result.evidence[0].note
    assert set(result.affected_urls) == {a.url, b.url}


def test_a_canonical_pointing_at_the_original_resolves_the_pair():
    a = content("ratgeber/waermepumpe-altbau", DE_EXPERT)
    b = content("koeln/waermepumpe", EXPERT_COPY, canonical=a.url)
    result = NearDuplicates().evaluate(site(a, b, content("ratgeber/geg", DE_DENSE)))
    assert result.state == "pass" and result.details == []


def test_short_pages_are_not_compared():
    a = content("kurz-1", DE_SIMPLE)  # 134 words
    b = content("kurz-2", " ".join(DE_SIMPLE.split()[:60]))  # under 100 words
    c = content("kurz-3", " ".join(DE_SIMPLE.split()[:60]))
    result = evaluate_check(NearDuplicates(), site(a, b, c), 2)
    assert result.state == "not_applicable"
    assert result.weight == 0


def test_the_same_page_under_two_urls_is_one_page():
    """A record fetched under another URL (final_url) is not its own duplicate."""
    a = content("ratgeber/geg", DE_DENSE, final_url=ROOT + "ratgeber/geg-2024")
    b = content("ratgeber/geg-2024", DE_DENSE)
    result = evaluate_check(NearDuplicates(), site(a, b, content("ratgeber/e-rechnung", DE_TAX)), 2)
    assert result.state == "pass"


# ---------------------------------------------------------------------------------------------
# scoring.shingles
# ---------------------------------------------------------------------------------------------


def test_shingles_are_five_word_windows_case_insensitive():
    text = "Die Wärmepumpe heizt das Haus auch im Winter zuverlässig."  # 9 words
    assert len(shingles(text)) == 9 - 5 + 1
    assert shingles(text) == shingles(text.upper())
    assert shingles("Zu kurz für fünf") == shingles("zu KURZ für fünf")  # one shingle of 4 words
    assert len(shingles("Zu kurz für fünf")) == 1
    assert shingles("") == frozenset() and shingles("2024 – 2025") == frozenset()


def test_jaccard():
    assert jaccard(frozenset({1, 2, 3}), frozenset({2, 3, 4})) == pytest.approx(0.5)
    assert jaccard(frozenset({1}), frozenset({1})) == 1.0
    assert jaccard(frozenset(), frozenset()) == 0.0


def test_the_threshold_is_inclusive():
    base = frozenset(range(8))
    sets = {"a": base, "exact": base | {100, 101}, "below": base | {200, 201, 202}, "empty": frozenset()}
    pairs = near_duplicate_pairs(sets, 0.8)
    assert [(p.a, p.b, p.similarity, p.shared) for p in pairs] == [("a", "exact", 0.8, 8)]


@pytest.mark.parametrize("threshold", [0.5, 0.8, 0.9])
def test_pair_search_matches_brute_force(threshold):
    """Prefix filtering must find exactly the pairs a full comparison finds."""
    import random

    rng = random.Random(7)
    vocabulary = [w for text in (DE_EXPERT, DE_DENSE, DE_TAX, EN_PLAIN) for w in text.split()]
    texts = []
    for _ in range(12):
        original = rng.choices(vocabulary, k=rng.randint(60, 240))
        texts.append(original)
        for edits in (0, 1, 2, 4, 8, 15):  # copies from identical to clearly different
            copy = list(original)
            for _ in range(edits):
                copy[rng.randrange(len(copy))] = rng.choice(vocabulary)
            if rng.random() < 0.5:
                copy = copy[: len(copy) - rng.randint(0, 12)]
            texts.append(copy)
    sets = {i: shingles(t) for i, t in enumerate(texts)}
    expected = {(a, b) for a in sets for b in sets if a < b and jaccard(sets[a], sets[b]) >= threshold}
    found = near_duplicate_pairs(sets, threshold)
    assert {(p.a, p.b) for p in found} == expected
    # the test data has pairs on both sides of the threshold
    near_misses = {
        (a, b) for a in sets for b in sets if a < b and threshold - 0.2 <= jaccard(sets[a], sets[b]) < threshold
    }
    assert len(expected) >= 12 and len(near_misses) >= 12
    assert all(p.similarity == pytest.approx(jaccard(sets[p.a], sets[p.b])) for p in found)
    assert [p.similarity for p in found] == sorted((p.similarity for p in found), reverse=True)


# -- answer-first, depth-signals, keyword-stuffing (German and English) --------------------------

FILL_DE = "Der Einbau dauert in der Regel zwei bis drei Tage und wird von unserem Team begleitet. " * 20
FILL_EN = "The installation usually takes two to three days and our team stays with you throughout. " * 20


def art(path: str, title: str, text: str, **fields):
    return page(
        path,
        title=title,
        main_text=text,
        word_count=count_words(text),
        structured_data=ARTICLE,
        headings=[Heading(level=1, text=title.split(" | ")[0])],
        **fields,
    )


@pytest.mark.parametrize(
    ("title", "opening", "passes"),
    [
        (
            "Was kostet eine Wärmepumpe? | Müller",
            "Eine Wärmepumpe kostet mit Einbau 25.000 bis 35.000 Euro, abzüglich der Förderung von bis zu 70 Prozent.",
            True,
        ),
        (
            "Was kostet eine Wärmepumpe?",
            "In diesem Artikel erfahren Sie alles rund um das Thema Wärmepumpe und ihre Kosten.",
            False,
        ),
        (
            "Was kostet eine Wärmepumpe?",
            "Heute war ein schöner Tag bei uns im Betrieb, und wir haben viel gelacht und gegrillt.",
            False,
        ),
        (
            "How much does a heat pump cost?",
            "A heat pump costs 12,000 to 18,000 pounds installed, before grants.",
            True,
        ),
        (
            "How much does a heat pump cost?",
            "In this article we look at everything you need to know about heat pumps and their costs.",
            False,
        ),
    ],
)
def test_answer_first(title, opening, passes):
    record = art("ratgeber/x", title, opening + "\n" + FILL_DE)
    result = evaluate_check(AnswerFirst(), site(HOME, record), 1)
    assert result.pages[0].state == ("pass" if passes else "fail")


DEEP_DE = (
    "Eine Wärmepumpe ist ein Heizsystem, das Wärme aus der Umgebung auf ein höheres Temperaturniveau hebt.\n"
    "Im Vergleich zur Gasheizung sinken die Betriebskosten um rund 30 Prozent.\n" + FILL_DE
)
DEEP_EN = (
    "A heat pump is a heating system that moves heat from the outside air into the house.\n"
    "Compared to a gas boiler, running costs fall by about 30 percent.\n" + FILL_EN
)


@pytest.mark.parametrize("text", [DEEP_DE, DEEP_EN], ids=["de", "en"])
def test_depth_signals_found(text):
    record = art("ratgeber/tief", "Wärmepumpe", text, lists=2)
    signals = analyse(record)
    assert signals.definitions and signals.comparisons and signals.numbers >= 1
    result = evaluate_check(DepthSignals(), site(HOME, record), 1)
    assert result.pages[0].state == "pass" and result.pages[0].score == 1.0


@pytest.mark.parametrize("text", [FILL_DE, FILL_EN], ids=["de", "en"])
def test_depth_signals_missing(text):
    result = evaluate_check(DepthSignals(), site(HOME, art("ratgeber/flach", "Wärmepumpe", text)), 1)
    assert result.pages[0].state == "fail"
    assert "missing: definition, comparison, numbers, list/table" in result.pages[0].reason


def test_depth_score_grows_with_length_structure_and_signals():
    assert depth_score(100, 0, 0) == 0
    assert depth_score(2000, 6, 5) == 100
    assert depth_score(600, 0, 0) < depth_score(600, 2, 0) < depth_score(600, 2, 3)


def test_keyword_stuffing():
    stuffed = "Wärmepumpe Wärmepumpe kaufen: die beste Wärmepumpe für Ihr Haus, denn eine Wärmepumpe spart. " * 30
    result = evaluate_check(
        KeywordStuffing(),
        site(HOME, art("ratgeber/a", "Wärmepumpe", stuffed), art("ratgeber/b", "Handwerk und Kunden", LONG_DE)),
        1,
    )
    states = {o.url.rsplit("/", 1)[-1]: o.state for o in result.pages}
    assert states == {"a": "fail", "b": "pass"}
    assert "wärmepumpe" in result.pages[0].reason
