"""German texts of the links and technical checks (issue 14): every message the checks write comes
back German from the catalog (reports/i18n/de/<check-id>.toml), with the same placeholders as its
English source and none of its English words.

Each check runs on small sites that make it write (nearly) all of its messages; the explanation, page
reasons, evidence notes and message cells of its result are rendered with `Localizer("de")`.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from reports.i18n import Localizer, message_catalog
from scoring.audit import evaluate_check
from scoring.core.messages import Message, english, placeholders
from scoring.core.records import Link
from scoring.core.results import CheckResult
from scoring.insights import SUGGESTION_MESSAGES, SUGGESTIONS, link_suggestions
from scoring.registry import all_checks
from scoring.site import SiteData
from tests.factories import ROOT, artifacts, page, site, site_with_embeddings
from tests.test_checks_links import (
    TEMPLATE,
    L,
    _entries,
    _links_site,
    _starved_site,
    depth_site,
    orphan_site,
    pagerank_site,
    redirect,
    u,
)
from tests.test_checks_technical import ARTICLE, LLMS_OK, _llms_site, _site_with_robots

CHECKS = (
    "internal-pagerank",
    "click-depth",
    "broken-internal-links",
    "orphan-pages",
    "topic-hubs",
    "redirecting-internal-links",
    "generic-anchors",
    "crawlable-links",
    "ai-crawler-access",
    "noindex",
    "canonical-tag",
    "title-tag",
    "meta-description",
    "llms-txt",
)
# words German uses as they are (technical terms, names in the templates): not English leaks
SHARED = {
    "canonical", "ccbot", "chatgpt-user", "crawler", "data-href", "disallow", "element", "format", "googlebot",
    "gptbot", "href", "http", "javascript", "lastmod", "link", "links", "llms", "llmstxt", "markdown", "name",
    "navigation", "oai-searchbot", "onclick", "optional", "org", "perplexitybot", "rfc", "robots", "score",
    "sitemap", "status", "text", "title", "training", "txt", "url", "urls",
}  # fmt: skip
_FIELD = re.compile(r"\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}")  # a placeholder, with a nested one in a plural form
LOC = Localizer("de")


def _check(check_id: str) -> Any:
    return all_checks()[check_id]()


def _run(check_id: str, data: SiteData) -> CheckResult:
    return evaluate_check(_check(check_id), data, 1)


def _messages(result: CheckResult) -> list[Message]:
    """Everything machine-written in a result: explanation, message cells, notes, page reasons."""
    found = [result.explanation_message] if result.explanation_message else []
    found += [result.blocker] if result.blocker is not None else []
    found += [v for row in result.details for v in row.values() if isinstance(v, Message)]
    found += [e.note_message for e in result.evidence if e.note_message]
    for outcome in result.pages:
        found += [outcome.reason_message] if outcome.reason_message else []
        found += [e.note_message for e in outcome.evidence if e.note_message]
    return found


def _nested(message: Message) -> list[Message]:
    inner: list[Message] = [message]
    for value in message.params.values():
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(item, Message):
                inner += _nested(item)
    return inner


def _data(message: Message) -> list[str]:
    """The plain text parameters (crawled text, URLs, tokens): copied into the German text as they are."""
    return [str(v) for m in _nested(message) for v in m.params.values() if isinstance(v, str) and v]


def _english_words(template: str) -> set[str]:
    words = re.findall(r"[A-Za-z][A-Za-z'-]*[A-Za-z]", _FIELD.sub(" ", template))
    return {w.lower() for w in words if len(w) >= 3} - SHARED


def assert_german(message: Message) -> str:
    text, lang = LOC.message(message)
    assert lang is None, f"{message.id} has no German text: {message.text!r}"
    rest = text
    for value in sorted(_data(message), key=len, reverse=True):
        rest = rest.replace(value, " ")
    for inner in _nested(message):
        for word in _english_words(english()[inner.id]):
            assert not re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", rest, re.IGNORECASE), (
                f"{inner.id}: English {word!r} in {text!r}"
            )
    return text


def covered(*results: CheckResult) -> set[str]:
    """Render every message of the results in German; the message ids they used."""
    ids: set[str] = set()
    for result in results:
        for message in _messages(result):
            assert_german(message)
            ids |= {m.id for m in _nested(message)}
    return ids


def assert_all_written(check_id: str, ids: set[str], unused: frozenset[str] = frozenset()) -> None:
    declared = {f"{check_id}.{key}" for key in _check(check_id).messages}
    # blocker sentences are produced and rendered in German by tests/test_blockers.py (its sites)
    unused = unused | {key for key in _check(check_id).messages if key.startswith("blocker")}
    missing = declared - ids - {f"{check_id}.{key}" for key in unused}
    assert not missing, f"messages the test sites do not produce: {sorted(missing)}"


# -- the catalog ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("namespace", [*CHECKS, SUGGESTIONS])
def test_every_message_has_a_german_template_with_the_same_placeholders(namespace: str) -> None:
    messages = SUGGESTION_MESSAGES if namespace == SUGGESTIONS else _check(namespace).messages
    assert messages
    german = message_catalog("de")[0]
    for key, template in messages.items():
        message_id = f"{namespace}.{key}"
        assert message_id in german, f"no German text for {message_id}"
        assert placeholders(german[message_id]) == placeholders(template), message_id


# -- page checks ---------------------------------------------------------------------------------------------


def test_title_tag_in_german() -> None:
    data = site(
        page("", title="Beispiel Handwerk GmbH – Heizung und Sanitär in Köln"),
        page("ohne-titel"),
        page("kurz", title="Heizung"),
        page("lang", title="Wärmepumpe im Altbau: Kosten, Förderung, Erfahrungen und was Sie vor dem Einbau wissen"),
        page("wartung-a", title="Heizungswartung in Köln"),
        page("wartung-b", title="Heizungswartung in Köln"),
    )
    result = _run("title-tag", data)
    assert_all_written("title-tag", covered(result))
    reasons = {o.url: LOC.message(o.reason_message)[0] for o in result.pages if o.reason_message}
    assert reasons[u("kurz")] == "zu kurz (7 Zeichen)"
    assert reasons[u("wartung-a")] == "mit 1 anderen Seite geteilt"


def test_meta_description_in_german() -> None:
    text = "Wir planen und bauen Heizungen, Bäder und Solaranlagen für Haushalte und Betriebe in Köln."
    data = site(
        page("", meta_description=text),
        page("ohne"),
        page("kurz", meta_description="Heizung in Köln"),
        page("lang", meta_description=" ".join([text] * 3)),
        page("a", meta_description="Heizungswartung in Köln: jährliche Wartung durch unsere Meister."),
        page("b", meta_description="Heizungswartung in Köln: jährliche Wartung durch unsere Meister."),
    )
    assert_all_written("meta-description", covered(_run("meta-description", data)))


def test_canonical_tag_in_german() -> None:
    data = site(
        page("", canonical=ROOT),
        page("ohne"),
        page("a", canonical=ROOT + "nie-gecrawlt"),
        page("b", canonical=ROOT + "alt"),
        redirect("alt", "neu"),
        page("neu"),
        page("c", canonical=ROOT + "langsam"),
        page("langsam", status=None, content_type=None, error="TimeoutError: keine Antwort nach 30 s"),
        page("d", canonical=ROOT + "stumm"),
        page("stumm", status=None, content_type=None),
        page("e", canonical=ROOT + "weg"),
        page("weg", status=404),
        page("f", canonical=ROOT + "preise.pdf"),
        page("preise.pdf", content_type="application/pdf"),
        page("g", canonical=ROOT + "datei"),
        page("datei", content_type=None),
        page("h", canonical=ROOT + "leistungen"),
        page("leistungen", canonical=ROOT + "leistungen"),
    )
    result = _run("canonical-tag", data)
    ids = covered(result)
    assert_all_written("canonical-tag", ids)
    reasons = {o.url: LOC.message(o.reason_message)[0] for o in result.pages if o.reason_message}
    assert reasons[u("e")] == "Canonical-Ziel antwortete mit HTTP 404"
    assert reasons[u("d")] == "Canonical-Ziel konnte nicht abgerufen werden (keine Antwort)"


def test_noindex_in_german() -> None:
    data = site(page(""), page("impressum", robots_meta="noindex, follow"), page("x", x_robots_tag="nosnippet"))
    result = _run("noindex", data)
    assert_all_written("noindex", covered(result))
    reasons = {o.url: LOC.message(o.reason_message)[0] for o in result.pages if o.reason_message}
    assert reasons[u("impressum")] == "noindex im Meta-Robots-Tag"
    assert reasons[u("x")] == "nosnippet im X-Robots-Tag-Header"


def test_generic_anchors_in_german() -> None:
    data = site(
        page("", links=[L("ziel", anchor="hier"), L("ziel", anchor="mehr"), L("ziel", anchor="Weiterlesen »")]),
        page("gut", links=[L("ziel", anchor="Förderung für Wärmepumpen")]),
        page("ziel"),
    )
    result = _run("generic-anchors", data)
    assert_all_written("generic-anchors", covered(result))
    failing = next(o for o in result.pages if o.state == "fail")
    assert LOC.message(failing.reason_message)[0] == "3 Links mit nichtssagendem Text: 'Weiterlesen »', 'hier', 'mehr'"


def test_click_depth_in_german() -> None:
    result = _run("click-depth", depth_site())
    assert_all_written("click-depth", covered(result))
    reasons = {o.url: LOC.message(o.reason_message)[0] for o in result.pages}
    assert reasons[u("leistungen")] == "1 Klick von der Startseite"
    assert reasons[u("blog/waermepumpe-altbau")].startswith("5 Klicks von der Startseite. ")


# -- link checks ---------------------------------------------------------------------------------------------


def test_broken_internal_links_in_german() -> None:
    broken = site(
        page(
            "",
            links=[
                L("kaputt", anchor="Preisliste 2023"),
                L("langsam", anchor="Webcam"),
                L("stumm", anchor="Archiv"),
                L("schleife-a", anchor="Angebote"),
                L("leistungen", anchor="Leistungen"),
                L("http://localhost:4000/news/2/", anchor="Ältere Beiträge", internal=False),
            ],
        ),
        page("leistungen", links=[L("kaputt", anchor="Preisliste")]),
        page("kaputt", status=404),
        page("langsam", status=None, content_type=None, error="TimeoutError: keine Antwort nach 30 s"),
        page("stumm", status=None, content_type=None),
        redirect("schleife-a", "schleife-b"),
        redirect("schleife-b", "schleife-a", status=302),
    )
    results = [
        _run("broken-internal-links", broken),
        _run("broken-internal-links", _links_site(("a", 200), ("b", 200))),
        _run("broken-internal-links", site(page(""), page("leistungen"))),
    ]
    assert_all_written("broken-internal-links", covered(*results))
    assert LOC.message(results[1].explanation_message)[0] == "Alle 2 internen Linkziele antworten."
    errors = [LOC.message(row["error"])[0] for row in results[0].details]
    assert "Weiterleitungsschleife (HTTP 301)" in errors and "keine Antwort" in errors
    assert "eine Entwicklungsadresse (localhost:4000): Sie öffnet sich nur auf dem Rechner" in " ".join(errors)


def test_orphan_pages_in_german() -> None:
    results = [
        _run("orphan-pages", orphan_site()),
        _run("orphan-pages", orphan_site(entries=_entries("leistungen"))),
        _run("orphan-pages", orphan_site(entries=_entries("fehlt"))),
    ]
    assert_all_written("orphan-pages", covered(*results))
    assert LOC.message(results[1].explanation_message)[0] == "Die Sitemap-Seite ist von einer anderen Seite verlinkt."


def test_redirecting_internal_links_in_german() -> None:
    positions = ("content", "aside", "nav", "header", "footer")
    redirecting = site(
        page("", links=[L(f"alt-{p}", p, f"Angebot {p}") for p in positions]),
        *[redirect(f"alt-{p}", "angebot") for p in positions],
        page("angebot"),
    )
    results = [
        _run("redirecting-internal-links", redirecting),
        _run("redirecting-internal-links", site(page("", links=[L("leistungen")]), page("leistungen"))),
        _run("redirecting-internal-links", site(page(""), page("leistungen"))),
    ]
    assert_all_written("redirecting-internal-links", covered(*results))
    assert [LOC.message(row["position"])[0] for row in results[0].details] == [
        "Inhalt",
        "Seitenleiste",
        "Navigation",
        "Kopfbereich",
        "Fußbereich",
    ]


def _script_link(path: str) -> Link:
    return Link(url=u(path), anchor="Angebote", internal=True, element="<x-link href>")


def test_crawlable_links_in_german() -> None:
    results = [
        _run(
            "crawlable-links",
            site(page("", links=[L("leistungen")], script_links=[_script_link("versteckt")]), page("versteckt")),
        ),
        _run(
            "crawlable-links",
            site(page("", links=[L("leistungen")], script_links=[_script_link("leistungen")]), page("leistungen")),
        ),
        _run("crawlable-links", site(page("", links=[L("leistungen")]), page("leistungen"))),
    ]
    assert_all_written("crawlable-links", covered(*results))


def _equity_site() -> SiteData:
    """Most of the link equity sits in noindex tag pages that link each other."""
    tags = [f"tag/{i}" for i in range(6)]
    return site(
        page("", links=[L(t, "nav", f"Tag {t}") for t in tags] + [L("ratgeber/artikel", anchor="Ratgeber")]),
        *[page(t, robots_meta="noindex, follow", links=[L(o) for o in tags if o != t] + [L("")]) for t in tags],
        page("ratgeber/artikel", structured_data=ARTICLE, word_count=1200, links=[L("")]),
    )


def _clustered_starved_site() -> SiteData:
    """_starved_site with page vectors: the deep article and the A articles are one topic."""
    pages = [  # each its own text: pages sharing one main text are left out of topics
        p.model_copy(update={"main_text": f"{p.main_text} Abschnitt {n}."}) for n, p in enumerate(_starved_site().pages)
    ]
    topic = ["ratgeber/tief", *(f"ratgeber/a{i}" for i in range(4))]
    vectors = {}
    for n, p in enumerate(pages):
        vector = [0.0] * (len(pages) + 1)
        path = p.url.removeprefix(ROOT)
        vector[0] = 1.0 if path in topic else 0.0
        vector[n + 1] = 0.2 if path in topic else 1.0
        vectors[p.url] = vector
    return site_with_embeddings(*pages, vectors=vectors)


def test_internal_pagerank_and_link_suggestions_in_german() -> None:
    clustered = _clustered_starved_site()
    assert link_suggestions(clustered) and clustered.clustering is not None
    results = [
        _run("internal-pagerank", pagerank_site()),
        _run("internal-pagerank", pagerank_site(d_linked=True)),
        _run("internal-pagerank", pagerank_site(long_articles=False)),
        _run("internal-pagerank", site(page(""), page("leistungen"))),
        _run("internal-pagerank", _equity_site()),
        _run("internal-pagerank", _starved_site()),
        _run("internal-pagerank", clustered),
    ]
    ids = covered(*results)
    assert_all_written("internal-pagerank", ids)
    assert {f"{SUGGESTIONS}.{key}" for key in SUGGESTION_MESSAGES} <= ids
    reasons = [LOC.message(row["reason"])[0] for r in results for row in r.details if "reason" in row]
    assert any(r.startswith("starker Artikel der Website; Link Score der Quelle ") for r in reasons)
    assert any(r.startswith("gleiches Themencluster „") for r in reasons)


def _hub_site(back_links: bool) -> SiteData:
    """Topic A: a hub linking its three articles (linked back or not); topic B: three pages, no hub."""
    text = " ".join(["Wärmepumpen heizen effizient mit Umweltwärme aus Luft, Erde oder Wasser."] * 12)
    a_members = ["waerme/a1", "waerme/a2", "waerme/a3"]
    b_members = ["dach/b1", "dach/b2", "dach/b3"]
    pages = [
        page("", links=TEMPLATE),
        page("waerme", word_count=200, main_text=text, links=[L(m) for m in a_members]),
        *[page(m, word_count=200, main_text=text, links=[L("waerme")] if back_links else []) for m in a_members],
        *[page(m, word_count=200, main_text=text) for m in b_members],
    ]
    topics = {"waerme": 0, **{m: 0 for m in a_members}, **{m: 1 for m in b_members}}
    vectors = {}
    for n, p in enumerate(pages):
        vector = [0.0] * (len(pages) + 2)
        path = p.url.removeprefix(ROOT)
        if path in topics:
            vector[topics[path]] = 1.0
            vector[n + 2] = 0.2
        else:
            vector[n + 2] = 1.0
        vectors[p.url] = vector
    return site_with_embeddings(*pages, vectors=vectors)


def test_topic_hubs_in_german() -> None:
    one_topic = [p for p in _hub_site(True).pages if not p.url.startswith(ROOT + "dach/")]
    results = [
        _run("topic-hubs", _hub_site(back_links=False)),
        _run("topic-hubs", _hub_site(back_links=True)),
        _run("topic-hubs", SiteData(one_topic, artifacts(), _hub_site(True).embeddings)),
        _run("topic-hubs", site_with_embeddings(page(""), page("a"), vectors={ROOT: [1.0, 0.0], u("a"): [0, 1.0]})),
    ]
    assert [r.state for r in results] == ["fail", "fail", "pass", "not_applicable"]
    assert_all_written("topic-hubs", covered(*results))
    assert [LOC.message(e.note_message)[0] for e in results[0].evidence] == [
        "die Übersichtsseite verlinkt 3 Mitglieder, nur 0 von 3 verlinken zurück",
        "keine Seite verlinkt im Fließtext 50 % seiner 3 Seiten",
    ]
    assert LOC.message(results[2].explanation_message)[0] == "Das Themencluster hat eine Übersichtsseite."


# -- technical site checks -----------------------------------------------------------------------------------

MANY_BLOCKED = "User-agent: *\nDisallow: /\n"  # every agent: more than MAX_TOKENS_NAMED blocked


def test_ai_crawler_access_in_german() -> None:
    partly_pages = [
        page(""),
        page("ratgeber/dachsanierung", structured_data=ARTICLE),
        page("blog/waermepumpe", structured_data=ARTICLE),
        page("blog/foerderung", structured_data=ARTICLE),
    ]
    results = [
        _run(
            "ai-crawler-access",
            _site_with_robots("User-agent: GPTBot\nDisallow: /\n\nUser-agent: CCBot\nDisallow: /\n"),
        ),
        _run("ai-crawler-access", _site_with_robots("User-agent: PerplexityBot\nUser-agent: YouBot\nDisallow: /\n")),
        _run("ai-crawler-access", _site_with_robots("User-agent: YouBot\nDisallow: /\n")),
        _run(
            "ai-crawler-access",
            _site_with_robots("User-agent: ChatGPT-User\nDisallow: /ratgeber/\n", pages=partly_pages),
        ),
        _run("ai-crawler-access", _site_with_robots(MANY_BLOCKED)),
        _run("ai-crawler-access", _site_with_robots("User-agent: *\nAllow: /\n")),
        _run("ai-crawler-access", _site_with_robots(None, status=404)),
        _run("ai-crawler-access", _site_with_robots("", status=200)),
        _run("ai-crawler-access", _site_with_robots(None, status=503)),
    ]
    ids = covered(*results)
    # the agent classes' German names are for the `class` column (plain ids the agent matrix reads);
    # evidence names only the scored classes
    assert_all_written("ai-crawler-access", ids, unused=frozenset({"class-training"}))
    explanation = LOC.message(results[4].explanation_message)[0]
    assert re.search(r"Ebenfalls gesperrt: [^.]+ und \d+ weitere\.", explanation), explanation
    assert "Gesperrte wichtige Antwort-Crawler: " in explanation
    rows = {row["token"]: row for row in results[3].details}
    assert LOC.message(rows["ChatGPT-User"]["pages_blocked"])[0] == "1 von 3"
    assert LOC.message(rows["ChatGPT-User"]["rule"])[0] == "Zeile 2: Disallow: /ratgeber/"
    assert LOC.message(results[6].explanation_message)[0].startswith(
        "Die Website hat keine robots.txt (HTTP 404): Jeder Crawler darf jede Seite abrufen"
    )


def test_llms_txt_in_german() -> None:
    broken = f"Willkommen\n# Beispiel Handwerk\n# Noch eine H1\n## Seiten\n- [Alt]({ROOT}gibt-es-nicht)\n- Kontakt\n"
    results = [
        _run("llms-txt", _llms_site(LLMS_OK)),
        _run("llms-txt", _llms_site(broken)),
        _run("llms-txt", _llms_site("Nur etwas Text über unsere Firma.\n")),
        _run("llms-txt", _llms_site(None, status=None)),
        _run("llms-txt", _llms_site(None, status=404)),
        _run("llms-txt", _llms_site(None, status=500)),
        _run("llms-txt", _llms_site("<!DOCTYPE html><html><body>Seite nicht gefunden</body></html>")),
    ]
    assert_all_written("llms-txt", covered(*results))
    assert LOC.message(results[0].explanation_message)[0] == (
        "/llms.txt gefunden: „Beispiel Handwerk GmbH“, 2 Abschnitte, 4 Links. Sie folgt dem Format von llmstxt.org. "
        "Nur zur Information (Gewicht 0): Antwortmaschinen rufen llms.txt kaum ab."
    )
