"""The deterministic brief builder: the same inputs, no model. Every audit gets briefs this way.

Templates in German and English; evidence tasks follow from the failed checks, so they never
contain a figure, quote or source the company does not already have.
"""

from __future__ import annotations

from auditor.llm.inputs import BriefInput, crawl_links, topic_phrase
from auditor.llm.prompt import EFFORT_TEXT
from scoring.core.results import ArticleBrief, OutlineItem

PASS_WORDS = 500  # thin-content passes from here; a deeper article aims well above it

_TASKS = {
    "de": {
        "statistics": "Eigene Zahlen ergänzen: z. B. Anzahl und Größe Ihrer Projekte zu „{topic}“ im letzten Jahr, "
        "typische Kosten- und Zeitspannen aus Ihren Aufträgen.",
        "outbound-citations": "Primärquellen zitieren und verlinken: amtliche Statistiken, Normen oder "
        "Förderrichtlinien, auf die sich die Aussagen zu „{topic}“ stützen.",
        "attributed-quotes": "Ein Zitat Ihrer Fachperson (Name, Funktion, Qualifikation) zu „{topic}“ einholen.",
        "author-byline": "Autorin oder Autor mit Namen, Funktion und Qualifikation nennen und die Autorenseite "
        "verlinken.",
        "content-dates": "Veröffentlichungs- und Aktualisierungsdatum sichtbar angeben.",
        "thin-content": "Den Text auf mindestens {words} Wörter mit eigenen Erfahrungen aus Projekten ausbauen.",
        "near-duplicates": "Überschneidende Seiten zusammenführen und die alten URLs weiterleiten.",
    },
    "en": {
        "statistics": "Add your own figures: e.g. number and size of your projects on “{topic}” last year, typical "
        "cost and time ranges from your jobs.",
        "outbound-citations": "Cite and link primary sources: official statistics, standards or funding rules "
        "behind the statements on “{topic}”.",
        "attributed-quotes": "Get a quote from your expert (name, role, qualification) on “{topic}”.",
        "author-byline": "Name the author with role and qualification and link the author page.",
        "content-dates": "Show the published and updated dates.",
        "thin-content": "Expand the text to at least {words} words with your own project experience.",
        "near-duplicates": "Merge the overlapping pages and redirect the old URLs.",
    },
}
_GENERIC_TASK = {
    "de": "Ein Praxisbeispiel aus einem eigenen Projekt zu „{topic}“ mit Foto und Ergebnis beschreiben.",
    "en": "Describe a real example from one of your projects on “{topic}” with photo and result.",
}
_TEXT = {
    "de": {
        "title": "{topic}: der ausführliche Leitfaden",
        "angle": "Vertieft „{topic}“ für die Zielgruppe von {site}: beantwortet die Fragen, die {n} bestehende "
        "Seite(n) mit zusammen {words} Wörtern offenlassen, und belegt Aussagen mit eigenen Erfahrungen "
        "und Quellen.",
        "questions": [
            "Was bedeutet „{topic}“ konkret für mich?",
            "Mit welchen Kosten und welchem Aufwand muss ich rechnen?",
            "Wie läuft es Schritt für Schritt ab?",
            "Welche Fehler sollte ich vermeiden?",
        ],
        "outline": [
            (2, "Worum es bei „{topic}“ geht"),
            (2, "Kosten, Aufwand und Zeitplan"),
            (3, "Zahlen aus unseren Projekten"),
            (2, "Schritt für Schritt"),
            (2, "Häufige Fehler und wie Sie sie vermeiden"),
            (2, "Häufige Fragen"),
        ],
    },
    "en": {
        "title": "{topic}: the complete guide",
        "angle": "Deepens “{topic}” for the audience of {site}: answers the questions {n} existing page(s) with "
        "{words} words in total leave open, and backs statements with own experience and sources.",
        "questions": [
            "What does “{topic}” mean for me in practice?",
            "What does it cost and how much effort is it?",
            "How does it work step by step?",
            "Which mistakes should I avoid?",
        ],
        "outline": [
            (2, "What “{topic}” is about"),
            (2, "Cost, effort and timeline"),
            (3, "Figures from our projects"),
            (2, "Step by step"),
            (2, "Common mistakes and how to avoid them"),
            (2, "Frequently asked questions"),
        ],
    },
}


def _effort(item: BriefInput) -> str:
    words = sum(p.words for p in item.pages)
    checks = {f.check_id for p in item.pages for f in p.findings}
    if "attributed-quotes" in checks or words < 250:
        size = "large"
    elif {"statistics", "outbound-citations", "thin-content"} & checks:
        size = "medium"
    else:
        size = "small"
    return EFFORT_TEXT.get(item.language, EFFORT_TEXT["en"])[size]


def build_brief(item: BriefInput) -> ArticleBrief:
    lang = item.language if item.language in _TEXT else "en"
    text = _TEXT[lang]
    topic = topic_phrase(item.topic, lang) or item.site_name
    fill = {"topic": topic, "site": item.site_name, "n": len(item.pages), "words": sum(p.words for p in item.pages)}
    questions = [h for p in item.pages for h in p.headings if h.endswith("?")][:3]
    questions += [q.format(**fill) for q in text["questions"]]
    outline = [OutlineItem(level=level, text=t.format(**fill)) for level, t in text["outline"]]
    checks = list(dict.fromkeys(f.check_id for p in item.pages for f in p.findings))
    tasks = [_TASKS[lang][c].format(topic=topic, words=max(PASS_WORDS * 2, 1000)) for c in checks if c in _TASKS[lang]]
    tasks.append(_GENERIC_TASK[lang].format(topic=topic))
    anchor = topic[:80]
    return ArticleBrief(
        working_title=text["title"].format(**fill),
        angle=text["angle"].format(**fill),
        questions=list(dict.fromkeys(questions))[:6],
        outline=outline,
        evidence_tasks=tasks,
        internal_links=crawl_links(item, anchor),
        merge_or_expand=item.target_urls,
        effort=_effort(item),
        language=lang,
        cluster_id=item.cluster_id,
        target_urls=item.target_urls,
        source="deterministic",
    )
