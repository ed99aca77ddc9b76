"""The deterministic brief builder: the same inputs, no model. Every audit gets briefs this way.

Grounded in the crawl (auditor.llm.grounding): the title and questions are the site's own, the people
to quote are named on the site, the figures without a source and the material to show are quoted
from its pages; evidence tasks never contain a figure, quote or source the company does not have.
"""

from __future__ import annotations

import re
from collections import Counter

from auditor.llm.grounding import logistics
from auditor.llm.inputs import BriefInput, crawl_links, topic_phrase
from auditor.llm.language import english_words
from auditor.llm.prompt import EFFORT_TEXT
from scoring.core.results import ArticleBrief, OutlineItem
from scoring.labels import STOPWORDS, normal

PASS_WORDS = 500  # thin-content passes from here; a deeper article aims well above it

_TEXT = {
    "de": {
        "title_figures": "{topic} in Zahlen: was wirklich belegt ist",
        "title_plain": "{topic} verständlich erklärt",
        # the angle names the cluster's gap (`gap_for`): what its pages lack, what the article adds
        "gap_figures": "Die Website nennt zu „{topic}“ Zahlen ohne Quelle: der Artikel belegt jede Zahl mit ihrer "
        "Herkunft und ergänzt die eigenen Daten von {site}.",
        "gap_expert": "Zu „{topic}“ spricht auf der Website bisher keine Fachperson: der Artikel lässt {expert} "
        "mit Funktion und Erfahrung zu Wort kommen.",
        "gap_author": "Zu „{topic}“ steht nirgends, wer dahintersteht: der Artikel erscheint unter dem Namen einer "
        "Fachperson von {site} und stützt sich auf deren Erfahrung.",
        "gap_depth": "Zu „{topic}“ hat die Website bisher {pages} mit zusammen etwa {words} Wörtern: der Artikel "
        "erklärt das Thema gründlich und mit Beispielen aus der Praxis von {site}.",
        "gap_questions": "Leser fragen auf der Website „{question}“ und mehr: der Artikel beantwortet die Fragen zu "
        "„{topic}“ an einer Stelle, gründlich und mit eigenen Belegen.",
        "gap_sources": "Die Aussagen zu „{topic}“ stützen sich auf der Website auf keine genannte Quelle: der Artikel "
        "nennt und verlinkt die Grundlagen und zeigt die eigene Erfahrung von {site}.",
        "gap_bundle": "Was die Website zu „{topic}“ sagt, verteilt sich auf {pages}: der Artikel bündelt es zu einer "
        "gründlichen Antwort mit eigenen Belegen.",
        "one_page": "eine Seite",
        "n_pages": "{n} Seiten",
        "intro": "{topic} kurz erklärt",
        "faq": "Antworten auf häufige Fragen",
        "expert": "Einschätzung von {expert}",
        "example": "Ein Beispiel aus der Praxis",
        "figures": "Zahlen und ihre Quellen",
        "quote": "{expert} zu „{topic}“ zitieren: eine Einschätzung mit Funktion und Qualifikation einholen.",
        "no_people": "Die Website nennt nirgends eine Autorin oder einen Autor mit Namen: eine Fachperson aus dem "
        "Team mit Funktion und Profilseite als Autor nennen.",
        "byline": "Den Autor mit Namen und Funktion über dem Artikel nennen und die Profilseite verlinken.",
        "source": "Quelle für „{excerpt}“ (Seite „{title}“) nennen und verlinken.",
        "citations": "Die Quellen nennen und verlinken, auf die sich die Aussagen zu „{topic}“ stützen.",
        "material": "Die Seite „{title}“ erwähnt: „{excerpt}“ – daraus einen eigenen Beleg im Artikel machen: was "
        "getan wurde, mit welchem Ergebnis, mit Bildern oder Zahlen.",
        "table": "Die Zahlentabelle auf „{title}“ als eigene Datengrundlage aufbereiten und erläutern.",
        "gallery": "Die Bildergalerie auf „{title}“ mit erklärenden Bildunterschriften als Praxisbeleg einbinden.",
        "thin": "Den Text auf mindestens {words} Wörter ausbauen.",
        "merge": "Die {n} fast gleichen Seiten zu einem Artikel zusammenführen und die alten Adressen weiterleiten.",
        "dates": "Veröffentlichungs- und Aktualisierungsdatum sichtbar angeben.",
    },
    "en": {
        "title_figures": "{topic} by the numbers: what the evidence shows",
        "title_plain": "{topic} explained",
        "gap_figures": "The site gives figures on “{topic}” without a source: the article backs every figure with "
        "where it comes from and adds {site}'s own data.",
        "gap_expert": "No expert speaks on “{topic}” on the site yet: the article lets {expert} explain it, with "
        "role and experience.",
        "gap_author": "Nothing on “{topic}” says who stands behind it: the article appears under the name of an "
        "expert at {site} and draws on their experience.",
        "gap_depth": "The site covers “{topic}” on {pages} of about {words} words in all: the article explains it "
        "in depth, with examples from {site}'s own work.",
        "gap_questions": "Readers ask “{question}” and more on the site: the article answers the questions on "
        "“{topic}” in one place, thoroughly and with the company's own evidence.",
        "gap_sources": "The statements on “{topic}” cite no source on the site: the article names and links the "
        "sources and shows {site}'s own experience.",
        "gap_bundle": "What the site says about “{topic}” is spread over {pages}: the article brings it together "
        "into one thorough answer with the company's own evidence.",
        "one_page": "one page",
        "n_pages": "{n} pages",
        "intro": "{topic} in brief",
        "faq": "Answers to common questions",
        "expert": "What {expert} says",
        "example": "A real example",
        "figures": "Figures and their sources",
        "quote": "Quote {expert} on “{topic}”: get their view with role and qualification.",
        "no_people": "The site names no author anywhere: name a person from the team as the author, with role and "
        "a profile page.",
        "byline": "Name the author with role above the article and link the profile page.",
        "source": "Name and link the source of “{excerpt}” (page “{title}”).",
        "citations": "Name and link the sources behind the statements on “{topic}”.",
        "material": "The page “{title}” mentions: “{excerpt}” – turn it into the article's own evidence: what "
        "was done, with which result, with pictures or figures.",
        "table": "Turn the table of figures on “{title}” into the article's own data and explain it.",
        "gallery": "Use the picture gallery on “{title}” with explanatory captions as evidence from practice.",
        "thin": "Expand the text to at least {words} words.",
        "merge": "Merge the {n} near-identical pages into one article and redirect the old addresses.",
        "dates": "Show the published and updated dates.",
    },
}
_QUESTIONS_FIRST = 4  # questions shown as sub-headings of the FAQ section
_HEADING_WORDS = 8
_NUMBERING = re.compile(r"^\d+\s*[.·):–-]\s*")
# "6 Produkte – Prestige Line", "Service 2": a listing's count or a template's numbered block, no section
_COUNT_HEADING = re.compile(
    r"^\d+\s+(?:Produkte|Artikel|Ergebnisse|Treffer|products|items|results)\b|^\w+\s+\d+$", re.I
)
# A related-posts box or a call to action, not a section of an article.
_WIDGET_HEADING = re.compile(
    r"^(?:related|ähnliche|verwandte|weitere (?:beiträge|artikel)|mehr (?:zum|dazu)|more (?:from|on)|read more|"
    r"weiterlesen|you (?:may|might) also|das könnte|starte mit uns|jetzt (?:anfragen|kontakt|starten)|contact us|"
    r"get in touch|sprechen sie uns)",
    re.I,
)
TITLE_QUESTION_WORDS = 12  # a longer question is a section, not a title
FIGURES_TITLE = 2  # unsourced figures on the cluster's pages before a title promises "the numbers"


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


def _words(text: str) -> set[str]:
    return {w.lower()[:6] for w in re.findall(r"\w{5,}", text)}  # stems: "Assistenzhund" meets "Assistenzhunde"


def title_for(item: BriefInput, topic: str, text: dict[str, str]) -> str:
    """A working title from what the site has: its own question on the topic, a named expert, figures."""
    about = _words(topic)
    short = [q for q in item.questions if len(q.split()) <= TITLE_QUESTION_WORDS]
    question = next((q for q in short if about & _words(q)), None)
    if question:
        return question if topic.lower() in question.lower() else f"{topic}: {question}"
    # else the cluster's own first real question (its pages' questions come first): a reader's words
    question = next((q for q in short if len(q.split()) >= 5), None)
    if question:
        return f"{topic}: {question}"
    if len(item.figures) >= FIGURES_TITLE:  # one stray figure makes no article "in Zahlen"
        return text["title_figures"].format(topic=topic)
    return text["title_plain"].format(topic=topic)


def variants(headings: list[str]) -> set[str]:
    """Headings of a listing's items, not an article's sections: three words or more and equal to another
    heading but for one word ("Forged Bratpfanne 24 cm" / "… 28 cm") or opening with the same two words
    ("Prestige Line Buttermesser …" / "Prestige Line Käsemesser …"), or opened by a name that opens three
    headings ("Forged Bratpfanne …", "Forged Ledertasche Braun", "Forged Messerblock")."""
    found = set()
    words = {h: h.lower().split() for h in set(headings)}
    for a, wa in words.items():
        for b, wb in words.items():
            if a >= b or min(len(wa), len(wb)) < 3:
                continue
            if wa[:2] == wb[:2] or (len(wa) == len(wb) and sum(x != y for x, y in zip(wa, wb, strict=True)) == 1):
                found |= {a, b}
    openers = Counter(w[0] for w in words.values() if len(w) >= 2 and w[0] not in STOPWORDS)
    return found | {h for h, w in words.items() if len(w) >= 2 and openers[w[0]] >= 3}


def outline_for(item: BriefInput, topic: str, text: dict[str, str]) -> list[OutlineItem]:
    """The site's own section headings on the topic, then the sections the evidence asks for."""
    outline = [OutlineItem(level=2, text=text["intro"].format(topic=topic))]
    seen = {topic.lower()}
    items = variants([h for page in item.pages for h in page.headings])
    for page in item.pages:
        for heading in page.headings:
            if heading in items or "!" in heading.rstrip("!"):  # a product list, a teaser ("Out now! …")
                continue
            heading = _NUMBERING.sub("", heading).strip().rstrip(" #¶§!").strip()  # "1 · Ein Tag #" -> "Ein Tag"
            key = heading.lower()
            if normal(heading) in item.template_headings:
                continue
            if item.language == "de" and english_words(heading):  # "Our Services" on a German page
                continue
            if logistics(heading) or _COUNT_HEADING.match(heading) or _WIDGET_HEADING.match(heading):
                continue  # "Offene Termine", "6 Produkte – Line", "Related Content", "Starte mit uns durch"
            if key in seen or heading.endswith("?") or not 2 <= len(heading.split()) <= _HEADING_WORDS:
                continue
            seen.add(key)
            outline.append(OutlineItem(level=2, text=heading))
            if len(outline) >= 4:
                break
        if len(outline) >= 4:
            break
    if item.questions:
        outline.append(OutlineItem(level=2, text=text["faq"]))
        outline += [OutlineItem(level=3, text=q) for q in item.questions[:_QUESTIONS_FIRST]]
    if item.experts:
        outline.append(OutlineItem(level=2, text=text["expert"].format(expert=item.experts[0])))
    if item.material:
        outline.append(OutlineItem(level=2, text=text["example"]))
    if item.figures:
        outline.append(OutlineItem(level=2, text=text["figures"]))
    return outline


def tasks_for(item: BriefInput, topic: str, text: dict[str, str]) -> list[str]:
    """Evidence tasks made concrete from the findings on the cluster's pages."""
    checks = {f.check_id for p in item.pages for f in p.findings}
    tasks = [text["quote"].format(expert=name, topic=topic) for name in item.experts[:1]]
    if not item.people_found:
        tasks.append(text["no_people"])
    elif "author-byline" in checks:
        tasks.append(text["byline"])
    tasks += [text["source"].format(excerpt=_inner(f.text), title=_short_title(f.title)) for f in item.figures]
    if "outbound-citations" in checks and not item.figures:
        tasks.append(text["citations"].format(topic=topic))
    for hint in item.material:
        key = {"table": "table", "gallery": "gallery"}.get(hint.text, "material")
        tasks.append(text[key].format(title=_short_title(hint.title), excerpt=_inner(hint.text)))
    if len(item.merge) >= 2:
        tasks.append(text["merge"].format(n=len(item.merge)))
    if "thin-content" in checks and sum(p.words for p in item.pages) < 1000 * len(item.pages):
        tasks.append(text["thin"].format(words=max(PASS_WORDS * 2, 1000)))  # no more text when they have it
    if "content-dates" in checks:
        tasks.append(text["dates"])
    return list(dict.fromkeys(tasks))[:6]


def _short_title(title: str, limit: int = 80) -> str:
    head = re.split(r"(?<!\s)\s+[|–—]\s+", title)[0].strip()
    if len(head) > limit:  # cut at a word, never inside one ("fehlt dennoch jede S")
        head = head[: limit - 1].rsplit(" ", 1)[0] + "…"
    return _inner(head)


def _inner(text: str) -> str:
    """Site text set inside our quotation marks: its own double quotes become single ones, so a quote never
    ends early (the language check skips quoted site text)."""
    return text.translate(str.maketrans({"„": "‚", "“": "‘", "”": "’", '"': "'"}))


DEPTH_GAP_WORDS = 300  # words per page below which the cluster's pages only touch on the topic


def gap_for(item: BriefInput) -> str:
    """The cluster's main gap, from its findings: too little text, figures without a source, no expert
    speaking, no named author, readers' questions, no sources; else pages that say scattered things."""
    checks = {f.check_id for p in item.pages for f in p.findings}
    words = sum(p.words for p in item.pages)
    # pages with little text need substance before they need quotes or sources
    thin = sum(any(f.check_id == "thin-content" for f in p.findings) for p in item.pages)
    mean = words / max(1, len(item.pages))
    # half the pages thin, and short on average: 4 pages of 4900 words lack no depth (short FAQ pages aside)
    if (thin * 2 >= max(1, len(item.pages)) and mean < 2 * DEPTH_GAP_WORDS) or mean < DEPTH_GAP_WORDS:
        return "gap_depth"
    if item.figures:
        return "gap_figures"
    if "attributed-quotes" in checks and item.experts:
        return "gap_expert"
    if not item.people_found or ("author-byline" in checks and not item.experts):
        return "gap_author"
    if len(item.questions) >= 2:
        return "gap_questions"
    if "outbound-citations" in checks:
        return "gap_sources"
    return "gap_bundle"


def angle_for(item: BriefInput, topic: str, text: dict[str, str]) -> str:
    n = len(item.pages)
    pages = text["one_page"] if n == 1 else text["n_pages"].format(n=n)
    return text[gap_for(item)].format(
        pages=pages,
        site=item.site_name,
        topic=topic,
        expert=item.experts[0] if item.experts else "",
        words=_about(sum(p.words for p in item.pages)),
        question=_inner(item.questions[0]) if item.questions else "",
    )


def _about(words: int) -> int:
    """A round figure after "etwa": 1366 -> 1400, 87 -> 90."""
    return round(words, -2) if words >= 1000 else max(10, round(words, -1))


def build_brief(item: BriefInput) -> ArticleBrief:
    lang = item.language if item.language in _TEXT else "en"
    text = _TEXT[lang]
    topic = topic_phrase(item.topic, lang) or item.site_name
    return ArticleBrief(
        working_title=title_for(item, topic, text),
        angle=angle_for(item, topic, text),
        questions=list(item.questions[:6]),
        outline=outline_for(item, topic, text),
        evidence_tasks=tasks_for(item, topic, text),
        internal_links=crawl_links(item, topic[:80]),
        merge_or_expand=item.merge or item.target_urls,
        effort=_effort(item),
        language=lang,
        cluster_id=item.cluster_id,
        target_urls=item.target_urls,
        source="deterministic",
        topic=topic,
        experts=list(item.experts[:1]),
        opportunity=item.opportunity.score if item.opportunity else None,
    )
