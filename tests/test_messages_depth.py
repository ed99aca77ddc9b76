"""The depth checks speak German: every message they write has a German template with the same
placeholders, and a German report renders their explanations, reasons, notes and message cells from
the catalog (reports/i18n/de/<check-id>.toml) — no English left, no English word of the template."""

from __future__ import annotations

import re
import tomllib
from typing import Any

import numpy as np
import pytest

from reports.i18n import HERE, Localizer
from scoring.audit import evaluate_check
from scoring.checks import near_duplicates
from scoring.checks.answer_first import AnswerFirst
from scoring.checks.cluster_depth import ClusterDepth
from scoring.checks.depth_signals import DepthSignals
from scoring.checks.heading_structure import HeadingStructure
from scoring.checks.keyword_stuffing import KeywordStuffing
from scoring.checks.near_duplicates import NearDuplicates
from scoring.checks.readability import Readability
from scoring.checks.semantic_duplicates import SemanticDuplicates
from scoring.checks.thin_content import ThinContent
from scoring.checks.topical_focus import TopicalFocus
from scoring.core.messages import Message, english, placeholders, term
from scoring.core.records import Heading, count_words
from scoring.core.results import CheckResult
from scoring.readability import ease_label
from scoring.registry import Check
from tests.factories import page, site, site_with_embeddings
from tests.test_readability import DE_BUREAU, DE_DENSE, DE_EXPERT, DE_SIMPLE, DE_TAX, EN_PLAIN

CHECKS: list[type[Check]] = [
    ThinContent,
    HeadingStructure,
    Readability,
    NearDuplicates,
    SemanticDuplicates,
    TopicalFocus,
    ClusterDepth,
    AnswerFirst,
    DepthSignals,
    KeywordStuffing,
]
DE = Localizer("de")
LONG_DE = DE_EXPERT + "\n" + DE_DENSE  # 685 words
ARTICLE = [{"@type": "BlogPosting", "headline": "Ratgeber"}]
# words an English template shares with German: names and cognates
SHARED_WORDS = {
    "flesch",
    "amstad",
    "reading",
    "ease",
    "wiener",
    "sachtextformel",
    "lix",
    "median",
    "cluster",
    "canonical",
    "original",
    "definition",
    "navigation",
    "relative",
}
_WORD = re.compile(r"[^\W\d_]{3,}")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def content(path: str, text: str, **fields: Any):
    """A page whose main text is its own (a closing sentence naming the path) and counted as the crawler does."""
    text = f"{text}\nDiese Seite {path} hat ihren eigenen Schluss."
    return page(
        path, title=fields.pop("title", f"Seite {path}"), main_text=text, word_count=count_words(text), **fields
    )


def article(path: str, title: str, text: str, **fields: Any):
    return page(
        path,
        title=title,
        main_text=text,
        word_count=count_words(text),
        structured_data=ARTICLE,
        headings=fields.pop("headings", [Heading(level=1, text=title)]),
        **fields,
    )


def H(level: int, text: str) -> Heading:  # noqa: N802
    return Heading(level=level, text=text)


# -- collecting and checking the rendered messages ---------------------------------------------------


def messages_of(result: CheckResult) -> list[Message]:
    """Every machine-written text of a result as its message; a text field without one fails."""
    found: list[Message] = []

    def take(text: str | None, message: Message | None, where: str) -> None:
        if message is not None:
            found.append(message)
        else:
            assert not text, f"{result.id}: {where} is plain text, not a message: {text!r}"

    take(result.explanation, result.explanation_message, "explanation")
    for outcome in result.pages:
        take(outcome.reason, outcome.reason_message, f"reason of {outcome.url}")
        for item in outcome.evidence:
            take(item.note, item.note_message, f"note of {outcome.url}")
    for item in result.evidence:
        take(item.note, item.note_message, "evidence note")
    for row in result.details:
        assert set(row) <= set(result.columns), (
            f"{result.id}: details keys {set(row) - set(result.columns)} lack a column"
        )
        for key, value in row.items():
            if result.columns[key] == "message":
                assert isinstance(value, Message), f"{result.id}: {key} cell {value!r} is no message"
            if isinstance(value, Message):
                found.append(value)
    return found


def ids_in(message: Message) -> set[str]:
    """The message's id and those of the messages in its parameters."""
    ids = {message.id}
    for value in message.params.values():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, Message):
                ids |= ids_in(item)
    return ids


def assert_german(message: Message) -> str:
    text, lang = DE.message(message)
    assert lang is None, f"{message.id} has no German text: {message.text!r}"
    templates = english()
    for message_id in ids_in(message):
        template = _PLACEHOLDER.sub(" ", templates[message_id])
        for word in {w.casefold() for w in _WORD.findall(template)} - SHARED_WORDS:
            assert not re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE), (
                f"{message_id}: English {word!r} in {text!r}"
            )
    return text


def produced(results: list[CheckResult], check: type[Check]) -> set[str]:
    """Render every message of the results in German; the keys of `check` they used."""
    keys: set[str] = set()
    for result in results:
        for message in messages_of(result):
            assert_german(message)
            keys |= {i.split(".", 1)[1] for i in ids_in(message) if i.startswith(check.id + ".")}
    return keys


def run(check: type[Check], *sites) -> list[CheckResult]:
    return [evaluate_check(check(), data, 1) for data in sites]


def assert_all_produced(check: type[Check], keys: set[str], but: set[str] = frozenset()) -> None:
    assert set(check.messages) - keys - but == set()


# -- the catalog ---------------------------------------------------------------------------------


@pytest.mark.parametrize("check", CHECKS, ids=[c.id for c in CHECKS])
def test_every_message_has_a_german_template_with_the_same_placeholders(check):
    with open(HERE / "de" / f"{check.id}.toml", "rb") as handle:
        german = tomllib.load(handle).get("messages", {})
    assert set(check.messages) == set(german), "German templates missing or left over"
    for key, template in check.messages.items():
        assert placeholders(german[key]) == placeholders(template), key


@pytest.mark.parametrize("check", CHECKS, ids=[c.id for c in CHECKS])
def test_descriptions_cite_no_file_outside_the_repository(check):
    with open(HERE / "de" / f"{check.id}.toml", "rb") as handle:
        german = tomllib.load(handle)["description"]
    for text in (check.description, german, check.__doc__ or "", check.rule):
        assert "GEO-EVIDENCE" not in text and "DESIGN.md" not in text


# -- the checks, run on small sites ------------------------------------------------------------------


def test_thin_content_in_german():
    home = content("", DE_SIMPLE)
    pages = [home, content("ratgeber/lang", LONG_DE), content("ratgeber/mittel", DE_EXPERT), content("kurz", DE_TAX)]
    results = run(ThinContent, site(*pages))
    assert {o.state for o in results[0].pages} == {"pass", "warn", "fail"}
    assert_all_produced(ThinContent, produced(results, ThinContent))
    thin = next(o for o in results[0].pages if o.state == "fail")
    assert DE.message(thin.reason_message)[0].startswith("Dünne Seite: 198 Wörter Haupttext, weniger als 250.")


def test_heading_structure_in_german():
    cases = [
        [H(1, "Wärmepumpe"), H(2, "Kosten"), H(3, "Förderung")],  # fine
        [],  # no H1, too few subheadings (a failure: none at all)
        [H(1, "Wärmepumpe"), H(1, "Beratung"), H(2, "Kosten"), H(4, "")],  # several H1, skipped level (empty)
        [H(1, "Wärmepumpe"), H(2, "Kosten"), H(4, "Förderung")],  # skipped level first
    ]
    pages = [content(f"seite-{i}", LONG_DE, headings=h) for i, h in enumerate(cases)]
    results = run(HeadingStructure, site(*pages))
    assert_all_produced(HeadingStructure, produced(results, HeadingStructure))
    reasons = [DE.message(o.reason_message)[0] for o in results[0].pages]
    assert reasons[0] == "1 H1, 2 H2/H3 bei 692 Wörtern, keine übersprungenen Ebenen"
    assert (
        reasons[1]
        == "Keine H1; 0 H2/H3-Zwischenüberschriften bei 692 Wörtern (mindestens 1 erwartet, eine je ~400 Wörter)"
    )
    assert reasons[2] == "2 H1-Überschriften; übersprungene Ebene H2 'Kosten' → H4 '(leer)'"
    assert reasons[3] == "Übersprungene Ebene H2 'Kosten' → H4 'Förderung'"
    assert [o.reason for o in results[0].pages][3] == "Skipped level H2 'Kosten' → H4 'Förderung'"


def test_heading_structure_capitalises_only_the_first_problem():
    """A failure (no H2/H3 at all) comes before a warning (skipped level): only the failure leads."""
    record = content("lang", LONG_DE, headings=[H(1, "Wärmepumpe"), H(4, "Förderung")])
    outcome = HeadingStructure().evaluate_page(record, site(record))
    assert outcome.reason.startswith("0 H2/H3 subheading(s) for")
    assert outcome.reason.endswith("; skipped level H1 'Wärmepumpe' → H4 'Förderung'")


def test_readability_in_german():
    pages = [
        content("leicht", DE_EXPERT),
        content("dicht", DE_DENSE),
        content("amtlich", DE_BUREAU),
        content("en/guide", EN_PLAIN, lang="en"),
        page("leer", main_text="", word_count=300),  # counted words, no sentence
    ]
    results = run(Readability, site(*pages))
    assert [o.state for o in results[0].pages] == ["pass", "warn", "fail", "pass", "not_applicable"]
    keys = produced(results, Readability)
    for score in (95, 85, 75, 65, 55, 40, 10):  # every band ease_label names has a message
        band = Readability.msg("band-" + ease_label(score).replace(" ", "-"))
        assert_german(band)
        keys.add(band.id.split(".", 1)[1])
    assert_all_produced(Readability, keys)
    warn = results[0].pages[1]
    assert DE.message(warn.reason_message)[0].startswith(
        "Schwer lesbar – Flesch-Amstad 19: Sätze im Schnitt 21 Wörter, Wörter 2,4 Silben."
    )
    assert DE.message(warn.evidence[0].note_message)[0] == (
        "Flesch-Amstad 18,7 (sehr schwer); 20,6 Wörter je Satz; 2,4 Silben je Wort; 15 Sätze, 309 Wörter, "
        "743 Silben; Wiener Sachtextformel 15,2; LIX 67,8"
    )


def test_near_duplicates_in_german(monkeypatch):  # noqa: ANN001 - pytest fixture
    copy = "Eine Luft-Wasser-Wärmepumpe nutzt die Außenluft. " + DE_EXPERT.split("\n", 1)[1]
    pair = site(content("a", DE_EXPERT, title="A"), content("b", copy, title="B"), content("c", DE_DENSE, title="C"))
    distinct = site(content("a", DE_EXPERT), content("c", DE_DENSE))
    alone = site(content("a", DE_EXPERT))
    # 33 copies of one page under one title: 528 pairs, more than are listed
    many = site(*[page(f"kopie-{i}", title="Eine Seite", main_text=LONG_DE, word_count=685) for i in range(33)])
    results = run(NearDuplicates, pair, distinct, alone, many)
    assert [r.state for r in results] == ["fail", "pass", "not_applicable", "fail"]
    text = DE.message(results[3].explanation_message)[0]
    assert text.startswith("528 Seitenpaare teilen 80 % oder mehr ihres Textes; 33 von 33 Seiten sind betroffen")
    # a group larger than the cap: its pages compared with the first page and their neighbours only
    monkeypatch.setattr(near_duplicates, "MAX_GROUP_PAGES", 20)
    [capped] = run(NearDuplicates, many)
    assert_all_produced(NearDuplicates, produced([*results, capped], NearDuplicates))
    text = DE.message(capped.explanation_message)[0]
    assert text.startswith(
        "252 Seitenpaare teilen 80 % oder mehr ihres Textes; 33 von 33 Seiten sind betroffen. 33 Seiten"
    )
    assert "die größte: 33 Seiten" in text


def _vector(axis: int, rng: np.random.Generator, noise: float = 0.05) -> np.ndarray:
    vector = np.zeros(16)
    vector[axis] = 1
    return vector + noise * rng.normal(size=16)


def test_semantic_duplicates_in_german():
    rng = np.random.default_rng(5)
    pages = [
        content(f"ratgeber/{name}", DE_EXPERT, title=title)
        for name, title in (
            ("foerderung", "Förderung für Wärmepumpen"),
            ("zuschuss", "Zuschüsse zur Heizung"),
            ("kuchen", "Kuchen backen"),
            ("garten", "Gartenpflege im Herbst"),
        )
    ]
    same = {pages[0].url: _vector(0, rng, 0.01), pages[1].url: _vector(0, rng, 0.01)}
    apart = {pages[2].url: _vector(3, rng), pages[3].url: _vector(6, rng)}
    spread = {p.url: rng.normal(size=16) for p in pages[2:]}
    short = page("kurz", main_text="Zu kurz.", word_count=2)
    results = run(
        SemanticDuplicates,
        site_with_embeddings(*pages, vectors=same | apart),  # a pair, calibrated threshold
        site_with_embeddings(*pages[2:], vectors=apart),  # none
        site_with_embeddings(*pages, vectors=same | spread, model="some/unknown-model"),  # site-derived threshold
        site_with_embeddings(
            pages[0], short, vectors={pages[0].url: same[pages[0].url], short.url: apart[pages[2].url]}
        ),
    )
    assert [r.state for r in results] == ["fail", "pass", "fail", "not_applicable"]
    assert_all_produced(SemanticDuplicates, produced(results, SemanticDuplicates))
    assert "aus der Website abgeleitete Schwelle" in DE.message(results[2].explanation_message)[0]


def _topic_site(off_topic: bool, deep: bool):
    """Long guides on one topic, short pages on a second, and a page on a third (off-topic)."""
    rng = np.random.default_rng(3)
    long_text = "\n".join([DE_EXPERT, DE_DENSE] * 3)  # 2,055 words
    guides = [
        content(f"ratgeber/waerme-{i}", long_text, title=f"Wärmepumpe {name}", headings=[H(2, "Kosten")] * 6)
        for i, name in enumerate(("Kosten", "Einbau", "Strom", "Lärm", "Altbau", "Wartung"))
    ]
    short = [content(f"foerderung/{i}", DE_TAX, title=f"Förderung {name}") for i, name in enumerate("ABCD")]
    stray = [content("ratgeber/kuchen", DE_TAX, title="Kuchenrezept")]
    pages = guides + ([] if deep else short) + (stray if off_topic else [])
    vectors = {p.url: _vector(0, rng) for p in guides} | {p.url: _vector(1, rng) for p in short}
    vectors[stray[0].url] = _vector(7, rng)
    return site_with_embeddings(*pages, vectors={p.url: vectors[p.url] for p in pages})


def test_topical_focus_in_german():
    lone = content("ratgeber/einzeln", DE_EXPERT)
    short = page("kurz", main_text="Zu kurz.", word_count=2)
    results = run(
        TopicalFocus,
        _topic_site(off_topic=True, deep=False),
        _topic_site(off_topic=False, deep=False),
        site_with_embeddings(lone, short, vectors={lone.url: np.ones(16), short.url: np.ones(16)}),
    )
    assert [r.state for r in results][2] == "not_applicable"
    assert [row["url"] for row in results[0].details if row.get("off_topic") == term("yes")] == [
        "https://www.beispiel-handwerk.example/ratgeber/kuchen"
    ]
    assert_all_produced(TopicalFocus, produced(results, TopicalFocus))
    assert (
        DE.message(results[1].explanation_message)[0] == "Fokus 71 von 100 über 10 Inhaltsseiten in 2 Themenclustern."
    )


def test_cluster_depth_in_german():
    lone = content("ratgeber/einzeln", DE_EXPERT)
    short = page("kurz", main_text="Zu kurz.", word_count=2)
    results = run(
        ClusterDepth,
        _topic_site(off_topic=False, deep=False),
        _topic_site(off_topic=False, deep=True),
        site_with_embeddings(lone, short, vectors={lone.url: np.ones(16), short.url: np.ones(16)}),
    )
    assert [r.state for r in results] == ["fail", "pass", "not_applicable"]
    assert_all_produced(ClusterDepth, produced(results, ClusterDepth))
    assert DE.message(results[1].explanation_message)[0] == "Das Themencluster erreicht die Tiefe 50."
    assert DE.message(results[0].evidence[0].note_message)[0].startswith(
        "4 Seiten, Median 198 Wörter, Tiefe 17 von 100"
    )


FILL = "Der Einbau dauert in der Regel zwei bis drei Tage und wird von unserem Team begleitet. " * 20


def test_answer_first_in_german():
    pages = [
        article(
            "ratgeber/kosten",
            "Was kostet eine Wärmepumpe?",
            "Eine Wärmepumpe kostet mit Einbau 25.000 bis 35.000 Euro, abzüglich der Förderung.\n" + FILL,
        ),
        article(
            "ratgeber/artikel",
            "Was kostet eine Wärmepumpe?",
            "In diesem Artikel erfahren Sie alles rund um das Thema Wärmepumpe und Kosten.\n" + FILL,
        ),
        article("ratgeber/leer", "Wärmepumpe", "Kurz."),
    ]
    results = run(AnswerFirst, site(*pages))
    assert [o.state for o in results[0].pages] == ["pass", "fail", "not_applicable"]
    assert_all_produced(AnswerFirst, produced(results, AnswerFirst))


def test_depth_signals_in_german():
    deep = (
        "Eine Wärmepumpe ist ein Heizsystem, das Wärme aus der Umgebung auf ein höheres Temperaturniveau hebt.\n"
        "Im Vergleich zur Gasheizung sinken die Betriebskosten um rund 30 Prozent.\n" + FILL
    )
    results = run(
        DepthSignals,
        site(article("ratgeber/tief", "Wärmepumpe", deep, lists=2), article("ratgeber/flach", "Wärmepumpe", FILL)),
    )
    assert [o.state for o in results[0].pages] == ["pass", "fail"]
    assert_all_produced(DepthSignals, produced(results, DepthSignals))
    flat = results[0].pages[1]
    assert DE.message(flat.reason_message)[0] == (
        "0 von 4 Tiefensignalen; es fehlen: Definition, Vergleich, Zahlen, Liste/Tabelle"
    )


def test_keyword_stuffing_in_german():
    stuffed = "Wärmepumpe Wärmepumpe kaufen: die beste Wärmepumpe für Ihr Haus, denn eine Wärmepumpe spart. " * 30
    pages = [
        article("ratgeber/a", "Wärmepumpe", stuffed),
        article("ratgeber/b", "Handwerk und Kunden", LONG_DE),
        article("ratgeber/c", "Kurz", DE_TAX),
    ]
    results = run(KeywordStuffing, site(*pages))
    assert [o.state for o in results[0].pages] == ["fail", "pass", "not_applicable"]
    assert_all_produced(KeywordStuffing, produced(results, KeywordStuffing))
    assert DE.message(results[0].pages[0].reason_message)[0] == "„wärmepumpe“ macht 30,8 % aller Wörter aus"
