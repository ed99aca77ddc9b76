"""What a brief is grounded in, read from the crawl and the scores (issue 17): which segments are
editorial, how much opportunity a cluster holds, the site's own questions, its named people, its
unsourced figures and the original material it already hints at.

Everything returned is text that exists on the site (a question, a name, an excerpt) with the page it
is on: a brief names nothing the crawl did not find.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from scoring.core.records import PageRecord
from scoring.core.results import AuditResult, Cluster
from scoring.label_words import common_word
from scoring.labels import STOPWORDS, TEMPLATE_WORDS
from scoring.pagetypes import classify
from scoring.quote_names import plausible_name
from scoring.robots_directives import keeps_out_of_search
from scoring.site import jsonld_types
from scoring.translations import page_language

# Not editorial: a help centre, docs, release notes, legal text, archives and listings, profiles.
NON_EDITORIAL_KINDS = frozenset({"help", "changelog", "legal", "listing", "contact", "profile"})
MONEY_KINDS = frozenset({"service", "landing"})  # pages that sell: a brief near them is worth most
_NON_EDITORIAL_PATH = re.compile(
    r"/(help|hilfe|support|docs?|documentation|dokumentation|handbuch|manual|kb|knowledge-?base|wiki|api|"
    r"changelog|change-?log|release-?notes?|releases?|versions?|versionshinweise|"
    r"impressum|imprint|datenschutz|privacy|privacy-policy|legal|agb|terms|nutzungsbedingungen|cookies?|"
    r"tags?|category|categories|kategorie|kategorien|archiv|archive|archives|authors?|autoren?|"
    r"page\d*|seite\d*|pricing|preise|sign-?up|register|registrieren|login|anmelden|cart|checkout|kasse|warenkorb|"
    r"downloads?|jobs|karriere|careers|stellenangebote|investor-relations|investors|newsroom|presse|press|"
    r"pressemitteilungen|news-\w+-\d{4}|standorte?|filialen?|niederlassungen|locations?)(/|$|\.html?)",
    re.I,
)
_RELEASE_TITLE = re.compile(
    r"\b(v?\d+\.\d+\.\d+|release notes?|changelog|released|versionshinweise|what'?s new)\b|"
    r"\b(from|von)\b.*\bv?\d+\.\d+\b.*\b(to|bis|zu)\b.*\bv?\d+\.\d+\b|^(news|neuigkeiten)\b.*\d{2}",
    re.I,
)
_DATE_ARCHIVE = re.compile(r"/\d{4}(/\d{1,2})?/?$")
MIN_CLUSTER_PAGES = 3  # fewer pages make a brief only when tied to a service page
MAX_QUESTION_WORDS = 18
_SENTENCE = re.compile(r"[^.!?\n]{12,200}\?")
_QUESTION_START = re.compile(
    r"^(was|wie|warum|wieso|weshalb|wann|wo|wer|welche[rsnm]?|kann|können|muss|müssen|soll|sollte|ist|sind|gibt|"
    r"brauche|lohnt|what|how|why|when|where|who|which|can|should|is|are|do|does|will)\b",
    re.I,
)
# Words with which a page says it has original material: projects, cases, own data, photos.
_MATERIAL = re.compile(
    r"\b(Referenz\w*|Fallstudie\w*|Praxisbeispiel\w*|Kundenprojekt\w*|(?:unsere[nr]?|eigene[nr]?) Umfrage\w*|"
    r"(?:unsere[nr]?|eigene[nr]?) Messung\w*|"
    r"eigene[nr]? (?:Daten|Zahlen|Erhebung\w*|Auswertung\w*)|Fotos|Bildergalerie|"
    r"unsere[nr]? (?:Projekt\w*|Kunden|Kundinnen|Studie|Auswertung)|"
    r"case stud(?:y|ies)|our (?:data|customers|clients|projects|research|study|survey)|"
    r"we (?:measured|surveyed|tested|analysed|analyzed))\b",
    re.I,
)
_PERSON = re.compile(r"^(?:(?:Dr|Prof|Dipl)\.[\w.-]*\s+)*[A-ZÄÖÜ][a-zäöüß]+(?:[ -][A-ZÄÖÜ][a-zäöüß]+){1,2}$")


def noindex(page: PageRecord) -> bool:
    return keeps_out_of_search(page)


def editorial(page: PageRecord) -> bool:
    """A page of the editorial segment: indexable, no help, docs, release note, legal text, archive."""
    if not page.ok or noindex(page):
        return False
    path = urlsplit(page.final_url or page.url).path
    if _NON_EDITORIAL_PATH.search(path) or _DATE_ARCHIVE.search(path):
        return False
    if _RELEASE_TITLE.search(page.title or ""):
        return False
    return classify(page).kind not in NON_EDITORIAL_KINDS


@dataclass(frozen=True)
class Opportunity:
    """Why a cluster deserves a brief, each part 0..1 (higher: more to gain)."""

    relevance: float  # members that sell or are linked from pages that sell
    shallow: float  # 1 - depth score / 100
    weak_evidence: float  # members failing an evidence check
    link_gap: float  # 1 - mean Link Score / 100
    service_tie: bool  # a member is, or is linked from, a service or landing page

    @property
    def score(self) -> float:
        # business relevance first: an editor commissions what supports what the company sells
        return round(0.35 * self.relevance + 0.25 * self.shallow + 0.2 * self.weak_evidence + 0.2 * self.link_gap, 3)


def opportunity(
    cluster: Cluster,
    pages: dict[str, PageRecord],
    money_links: dict[str, int],
    weak: set[str],
    link_score: dict[str, float],
) -> Opportunity:
    members = [u for u in cluster.urls if u in pages]
    n = max(1, len(members))
    selling = [u for u in members if classify(pages[u]).kind in MONEY_KINDS or money_links.get(u, 0) > 0]
    depth = cluster.depth_score if cluster.depth_score is not None else 50.0
    scores = [link_score.get(u, 0.0) for u in members]
    return Opportunity(
        relevance=round(len(selling) / n, 3),
        shallow=round(1 - depth / 100, 3),
        weak_evidence=round(sum(u in weak for u in members) / n, 3),
        link_gap=round(1 - (sum(scores) / n) / 100, 3),
        service_tie=bool(selling),
    )


def money_links(pages: list[PageRecord]) -> dict[str, int]:
    """Target URL -> links to it in the running text of service and landing pages."""
    found: Counter = Counter()
    for page in pages:
        if classify(page).kind in MONEY_KINDS:
            for link in page.links:
                if link.internal and link.position in ("content", "aside"):
                    found[link.url] += 1
    return dict(found)


# Booking and logistics FAQs of course, shop and service pages ("Wo findet der Kurs statt?", "Wo buche ich
# den Kurs?", "Do you handle allergens?"): a customer asks the company, no reader asks an article.
_LOGISTICS = re.compile(
    r"\b(?:buchen|buche|gebucht|Buchung\w*|anmelden|melde\w* (?:ich|mich)|Anmeldung\w*|storn\w*|absagen|"
    r"bezahl\w*|Zahlung\w*|Rechnung|Gutschein\w*|Parkpl\w*|Anfahrt|mitbringen|stattfinde\w*|finde[nt]\b[^?]{0,200}?\bstatt|"
    r"bringt ihr|bekomme ich|hinter dieser (?:Website|Seite)|"
    r"Uhrzeit|Termin\w*|Öffnungszeit\w*|Versand\w*|Lieferzeit\w*|Rückgabe|Umtausch|bestellen|Bestellung|"
    r"(?:der|den|dem) (?:\S{1,40}-)?\w{0,30}(?:Kurs|kurs|Workshop|Seminar|Lehrgang|Schulung)\b|offenen Kurse|"
    r"^wo (?:kann|können) (?:ich|man)\b.*\bmachen|"
    r"book|booking|cancel\w*|refund\w*|(?:can|do|should) i pay|payment|invoice|voucher|parking|directions|venue|"
    r"(?:should|do|must) i bring|sign up|register|enrol\w*|shipping|delivery|order (?:from|online)|place an order|"
    r"catalog(?:ue)?|opening hours|"
    r"the (?:course|workshop|class|seminar)\b)",
    re.I,
)
# A question put to the company ("Do you …", "Bieten Sie …", "Habt ihr …"): a customer-service FAQ or a pitch.
_TO_THE_COMPANY = re.compile(
    r"^(?:(?:do|can|could|will|would|are|have) you|(?:bieten|haben|machen|liefern|kommen) sie|"
    r"(?:habt|bietet|macht|könnt) ihr)\b|\bbei (?:euch|ihnen)\b|\b(?:braucht|habt|wollt|bietet) ihr\b",
    re.I,
)


# A question that leans on the text before it ("How can you determine that …?", "Where do they go?") asks
# nothing a reader would search for on its own.
_CONTEXT_BOUND = re.compile(r"\b(?:that|this|they|them|it|those|these)\b(?! \w{1,30}ing\b)", re.I)


def _is_question(text: str) -> bool:
    words = text.split()
    if not (text.endswith("?") and 4 <= len(words) <= MAX_QUESTION_WORDS and _QUESTION_START.match(text)):
        return False
    return not (len(words) <= 10 and _CONTEXT_BOUND.search(text))


# A German question put to the reader as a customer, in the formal "Sie" (capitalised inside the sentence) or
# the informal "eure": "Welches Zubehör brauchen Sie?", "Wann steht für eure Lehrkräfte die Fortbildung an?"
# is a sales prompt; a reader's own question says "ich" or "man".
_TO_THE_READER = re.compile(r"(?<=[\w,] )(?:Sie|Ihnen|Ihr|Ihre[nmrs]?)\b|\b(?:eure[nmrs]?|euer|euch)\b")
# The customer's own arrangements, in the first person plural: "Welchen Raum brauchen wir?", "Wie schnell
# bekommen wir eine Rückmeldung?"
_OUR_ARRANGEMENTS = re.compile(r"\b(?:brauchen|bekommen|erhalten|müssen|sollen) wir\b", re.I)


def logistics(question: str) -> bool:
    """A booking, logistics or customer-service question, not one an article answers."""
    return bool(
        _LOGISTICS.search(question)
        or _TO_THE_COMPANY.search(question)
        or _TO_THE_READER.search(question)
        or _OUR_ARRANGEMENTS.search(question)
    )


def names_nothing(question: str) -> bool:
    """A German question without a noun after its first word asks about nothing a reader would search for
    ("Was sollen wir wissen?", "Wer muss ausgebildet sein?"): German capitalises every noun."""
    words = [w.strip("„“\"'()?,.:;!") for w in question.split()[1:]]
    return bool(words) and not any(w[:1].isupper() or any(c.isdigit() for c in w) for w in words)


def faq_questions(page: PageRecord) -> list[str]:
    """Question names of FAQPage/Question structured data."""
    found = []
    stack = list(page.structured_data)
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
            continue
        if not isinstance(item, dict):
            continue
        if "question" in jsonld_types(item) and isinstance(item.get("name"), str):
            found.append(item["name"])
        for key in ("mainEntity", "@graph", "hasPart"):
            if key in item:
                stack.append(item[key])
    return found


_TERMINATOR = re.compile(r"[.!?\n]")
MIN_SENTENCE_CHARS, MAX_SENTENCE_CHARS = 12, 200


def text_questions(text: str) -> list[str]:
    """Sentences ending in "?" (12-200 characters back to the previous sentence end or line): the matches
    of `_SENTENCE.finditer`, found from each "?" backwards instead of retrying the pattern at every
    position of a text (which cost 200 steps a character on long texts without a question)."""
    found, run = [], 0
    for mark in _TERMINATOR.finditer(text):
        end = mark.start()
        if text[end] == "?" and end - run >= MIN_SENTENCE_CHARS:
            found.append(text[max(run, end - MAX_SENTENCE_CHARS) : end + 1])
        run = end + 1
    return found


# The briefs ask each page for its questions several times (template shapes, each cluster's own and
# related pages): the answer is kept while the page lives (a weak reference: no record is held for it).
_ASKED: dict[int, tuple[weakref.ref, list[str]]] = {}


def asked(page: PageRecord) -> list[str]:
    """Every question one page asks: in headings, FAQ markup and its running text (as written)."""
    kept = _ASKED.get(id(page))
    if kept is not None and kept[0]() is page:
        return list(kept[1])
    found = [h.text.strip() for h in page.headings if h.text.strip().endswith("?")]
    found += faq_questions(page)
    found += [q.strip() for q in text_questions(page.main_text or "")]
    questions = [" ".join(q.split()) for q in found if _is_question(" ".join(q.split()))]
    key = id(page)
    _ASKED[key] = (weakref.ref(page, lambda _, key=key: _ASKED.pop(key, None)), questions)
    return list(questions)


def site_questions(page: PageRecord) -> list[str]:
    """The questions one page asks that an article answers: no booking or logistics FAQ, no German question
    without a noun."""
    lang = page_language(page)
    vague = names_nothing if lang == "de" else plain_words_only if lang == "en" else lambda q: False
    return [q for q in asked(page) if not logistics(q) and not vague(q)]


def plain_words_only(question: str) -> bool:
    """An English question made only of everyday words asks about nothing a reader would search for ("Can't
    find what you're looking for?", "What's not to like?", "What can you talk about?"); "What is a Monad?"
    names something."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", question)]
    return all(w in STOPWORDS or common_word(w, "en") for w in words)


def _shape(question: str, title: str) -> str:
    """The question without its page's title words: "Wo findet der Kurs {title} statt?"."""
    named = {w.lower() for w in re.findall(r"\w{3,}", title)}
    # short words go too: "für Herzberg am Harz" and "für Bad Lauterberg im Harz" are one shape
    return " ".join(w for w in re.findall(r"\w{4,}", question.lower()) if w not in named)


def template_questions(pages: list[PageRecord], bar: int = 3) -> frozenset[str]:
    """Questions a template asks on every course or product page with only the name changed (an FAQ
    block "Wo findet der Kurs X statt?"): `bar` or more different questions of one shape. Lower case."""
    shapes: dict[str, set[str]] = {}  # shape -> the different questions of that shape
    for page in pages:
        for q in asked(page):
            shapes.setdefault(_shape(q, page.title or ""), set()).add(q.lower())
    return frozenset(q for asked in shapes.values() if len(asked) >= bar for q in asked)


def mine_questions(
    members: list[PageRecord],
    related: list[PageRecord],
    keywords: set[str],
    limit: int = 6,
    template: frozenset[str] = frozenset(),
) -> list[str]:
    """The cluster's own questions first, then those of other pages naming the topic's words; never a
    template's question (`template_questions`)."""
    out: dict[str, str] = {q: q for q in template}  # placeholders: taken, never returned
    own = [q for page in members for q in site_questions(page)]
    own.sort(key=lambda q: not keywords & {w.lower() for w in re.findall(r"\w{5,}", q)})  # on the topic first
    for q in own:
        out.setdefault(q.lower(), q)
    for page in related:
        for q in site_questions(page):
            if keywords & {w.lower() for w in re.findall(r"\w{5,}", q)}:
                out.setdefault(q.lower(), q)
    return [q for key, q in out.items() if key not in template][:limit]


_NOT_A_NAME = frozenset(
    "eure euer unser unsere unser ihr ihre ihr mein meine dein deine our your my meet the das die der ein eine "
    "team kontakt kurse kurs leistungen über about contact us home news blog share related read more".split()
)


def is_person(name: str) -> bool:
    """Two or three capitalised words that are not "Eure Fälle" or "Unser Team"."""
    words = name.replace("-", " ").split()
    return bool(_PERSON.match(name)) and not any(
        w.lower().rstrip(".") in _NOT_A_NAME or w.lower() in STOPWORDS or w.lower() in TEMPLATE_WORDS for w in words
    )


# a word inside a sentence (after a lower-case word or a comma): how the running text writes it
_IN_SENTENCE = re.compile(r"(?<=[a-zäöüß,;] )([A-Za-zÄÖÜäöüß]{3,})\b")


# A German adjective by its suffix and ending opens a heading, never a name ("Europaweiter Rollout",
# "Optimale Strukturen"); English adjectives and gerunds the lower-case test catches.
_ADJECTIVE_FORM = re.compile(r"(?:lich|ig|isch|bar|sam|haft|weit|iv|al|ell|ant|ent)(?:e|er|es|en|em)$")


def lower_case_words(records: list[PageRecord]) -> frozenset[str]:
    """Words the site's running text writes in lower case inside a sentence more often than capitalised:
    adjectives, verbs, (English) common nouns. A name is never one of them ("Hohe Gebühren", "Volle
    Energie", "Leading Next Gen" on a team page are headings, not people)."""
    lower: Counter = Counter()
    upper: Counter = Counter()
    for page in records:
        for word in _IN_SENTENCE.findall(page.main_text or ""):
            (lower if word[:1].islower() else upper)[word.lower()] += 1
    return frozenset(w for w, n in lower.items() if n > upper[w])


def people(result: AuditResult, records: list[PageRecord]) -> Counter:
    """Named people the crawl found: visible authors and the names on team/profile pages; never a heading
    whose words the site writes in lower case or that reads as two nouns ("Komplette Vertriebsabwicklung")."""
    lower = lower_case_words(records)

    def named(text: str) -> bool:
        words = text.replace("-", " ").split()
        return (
            is_person(text)
            and plausible_name(text)
            and not any(w.lower() in lower for w in words)
            and not _ADJECTIVE_FORM.search(words[0])
        )

    found: Counter = Counter()
    for summary in result.pages:
        for name in summary.signals.authors if summary.signals else []:
            name = " ".join(name.split())
            if named(name):
                found[name] += 1
    for page in records:
        if page.ok and classify(page).kind in ("profile", "about"):
            for heading in page.headings:
                text = " ".join(heading.text.split())
                if heading.level <= 3 and named(text) and not noindex(page):
                    found[text] += 1
    return found


def experts_for(members: list[PageRecord], found: Counter, limit: int = 2) -> list[str]:
    """People to quote: those named on the cluster's pages first, then the site's most frequent."""
    text = " ".join(p.main_text + " " + " ".join(a.name for a in p.author_signals) for p in members)
    on_topic = [n for n, _ in found.most_common() if n in text]
    rest = [n for n, _ in found.most_common() if n not in on_topic]
    return (on_topic + rest)[:limit]


@dataclass(frozen=True)
class Excerpt:
    url: str
    title: str
    text: str


def unsourced_figures(
    result: AuditResult, members: set[str], limit: int = 2, titles: dict[str, str] | None = None
) -> list[Excerpt]:
    """Figures the statistics check found without a named source, on the cluster's pages. `titles`: each
    page's readable title (a page without <title> has its H1), else the audit's titles."""
    titles = titles or {p.url: p.title or p.url for p in result.pages}
    try:
        check = result.check("statistics")
    except KeyError:
        return []
    found = []
    for outcome in check.pages:
        if outcome.url not in members or outcome.state not in ("warn", "fail"):
            continue
        for ev in outcome.evidence:
            if ev.excerpt and ev.note and "no source" in ev.note and worth_a_source(ev.note, ev.excerpt):
                found.append(Excerpt(outcome.url, titles.get(outcome.url, outcome.url), _short(ev.excerpt)))
    return found[:limit]


# A figure a reader would want a source for: a share, a large count or amount ("250.000 Haushalte",
# "3,4 Mio. Tonnen"); one invoice of "1236 Euro" is a fact of the company's own. A product's size, weight
# or temperature is a specification the company states itself ("Papier 125 mm breit", "bis 350°C", "ca.
# 90 kg"): no source to name.
_CLAIM_FIGURE = re.compile(r"%|‰|Prozent|percent|per ?cent|Mio\b|Mrd\b|Million|Milliard|billion|\d[.,’]\d{3}", re.I)
_SPEC_UNIT = re.compile(
    r"\d\s?(?:mm|cm|dm|m|km|m²|cm²|qm|m³|kg|g|mg|t|l|ml|W|kW|kWh|V|A|Hz|kHz|MHz|GHz|KB|MB|GB|TB|px|dpi|dB|bar|"
    r"PS|°\s?[CF]?|Grad|Zoll|inch(?:es)?|Minuten|Stunden|Sekunden|minutes|hours|seconds)$",
    re.I,
)
MIN_CLAIM_WORDS = 6  # a claim is a sentence: "1.869 cm²" in a table cell is a specification


def worth_a_source(note: str, sentence: str) -> bool:
    """A statistic the article should source, not a specification (the statistics check's figures, from
    its evidence note "…; figures: 30 %, 20 Minuten")."""
    listed = note.split("figures:", 1)[1] if "figures:" in note else sentence
    figures = [f.strip() for f in listed.split(",") if f.strip()]
    claim = any(_CLAIM_FIGURE.search(f) and not _SPEC_UNIT.search(f) for f in figures)
    return claim and len(sentence.split()) >= MIN_CLAIM_WORDS


_TOC = re.compile(r"\b(?:Table of Contents|Inhaltsverzeichnis)\b", re.I)


def material_hints(members: list[PageRecord], limit: int = 2) -> list[Excerpt]:
    """Sentences in which the site mentions its own projects, customers, data or photos."""
    found = []
    for page in members:
        # a course or price table on a service page is no data of the company's own: articles only
        if (page.extras.numeric_tables or page.extras.galleries) and classify(page).kind == "article":
            what = "table" if page.extras.numeric_tables else "gallery"
            found.append(Excerpt(page.url, page.title or page.url, what))
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", page.main_text or ""):
            if _TOC.search(sentence):  # a table of contents run into the text is no sentence
                continue
            if 6 <= len(sentence.split()) <= 40 and _MATERIAL.search(sentence):
                found.append(Excerpt(page.url, page.title or page.url, _short(sentence)))
                break
        if len(found) >= limit:
            break
    return found[:limit]


def _short(text: str, limit: int = 140) -> str:
    text = " ".join(text.split()).strip("„“”\"'‚‘’«» ")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
