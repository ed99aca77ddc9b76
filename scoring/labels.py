"""Readable topic names for clusters: the key phrase of the members' titles and headings.

A label is a phrase a person wrote on the site ("Neurosoziales Coaching", "Stromspeicher
dimensionieren", "Interview mit Jimmy Wales" -> "Jimmy Wales"), never tokens glued together: candidates
are contiguous runs of words inside one title or heading, cut at stop words and punctuation, so every
label appears verbatim in the site's own text. Template text (a heading on many pages of the site,
recipe-card and navigation words) and site-wide words (the company name) never make a label.

Pure and order-independent: counts per document, ties broken by the phrase itself.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from scoring.label_words import (
    common_word,
    english,
    not_noun,
    participle_end,
    section_word,
    specific_word,
)

STOPWORDS = frozenset(
    """
    aber alle allem allen aller alles als also am an auch auf aus bei beim bin bis bist da dass dein deine dem den
    der des dessen die dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen einer eines
    es für gegen hier hinter ich ihr ihre ihrem ihren ihrer im in ins ist ja jede jedem jeden jeder jedes kann
    kein keine können man mehr mit nach nicht noch nur ob oder ohne sehr sein seine sich sie sind so über um
    und uns unser unsere unter vom von vor war waren was weil wenn wer wie wir wird wo zu zum zur zwischen
    sowie sollten sollte werden wurde worden haben hat hatte ihnen neue neuen neuer neues
    ganz gibt geht gut heute jetzt schon warum wann welche welcher welches wieso unsere unseren unserer
    jedoch bereits viele vielen einige mehrere immer wieder dazu damit daher dann erst fast gerne ebenfalls
    wirklich besonders better still really many much
    keinen keiner keines keinem weitere weiteren weiterer weiteres dr prof dipl mr mrs ms
    ihre ihr sie sich mein meine dich mich mir dir euch euer eure euren eurem eurer eures deine deinen bzw usw etc
    a about after all also an and any are as at be because been before being between both but by can could did
    do does doing down during each few for from further had has have having her here hers how i if in into is it
    its just more most my not now of off on once only or other our out over own same she should so some such
    than that the their them then there these they this those through to too under until up very was we were
    what when where which while who why will with would you your yours new
    """.split()
)
# Words of page templates, navigation and recipe or product cards: they name no topic.
TEMPLATE_WORDS = frozenset(
    """
    home startseite blog news aktuelles neuigkeiten kontakt impressum datenschutz menü menu navigation suche
    search newsletter weiterlesen read seite page pages teil part willkommen welcome übersicht overview
    faq kommentare kommentar comments comment share teilen related ähnliche beiträge beitrag posts post artikel
    article articles kategorie kategorien category categories tag tags archiv archive personen portionen zutaten
    minuten zubereitung schwierigkeit servings ingredients minutes login anmelden registrieren cookie cookies
    guide tips tipps best leitfaden mehr more hier here klicken click download downloads link links jetzt now
    frequently asked questions häufige häufig gestellte fragen schritt schritte step steps termin termine
    anfrage buchen released release
    thema themen topic topics jahr jahre jahren year years authors autoren autor author
    inhalt inhaltsverzeichnis contents zusammenfassung summary fazit conclusion einleitung introduction
    contact signup
    """.split()
)
# A word may hold a colon or period between letters: "CS:GO", "Node.js", "Mitarbeiter:innen" are one word.
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]|[.:](?=[^\W_]))*[^\W_]|[^\W\d_]", re.UNICODE)
# Phrases end at punctuation that separates thoughts: "Kosten: was ..." is two runs.
# A colon or period breaks only outside a word: "CS:GO Update" is one run, "Kosten: was" two.
_BREAK = re.compile(r"[,;!?|/()\[\]{}\"“”„«»–—•·+&]|[.:](?![^\W_])|(?<![^\W_])[.:]|\s-\s")
MAX_PHRASE_WORDS = 3  # longer runs were headline fragments ("Viele Widersprüche bleiben jedoch")
NAME_SHARE = 0.9  # a word on more documents is the company's name: it opens or closes no label
SITE_WIDE_SHARE = 0.3  # phrases on more documents (the company name, a shop's title suffix) name no topic
TEMPLATE_LINE_SHARE = 0.2  # a title/heading line on more documents than this share is template text
MIN_SITE_DOCS = 10  # below this a site has no "site-wide" words to tell apart
MAX_TITLE_LABEL = 6  # a longer title is a headline, not a topic's name
# Words that join two nouns into one name: "Erste Hilfe im Betrieb", "Restoration of Buildings".
CONNECTORS = frozenset("im in für mit vom von zur zum am of for in on with".split())


def normal(text: str) -> str:
    """A phrase's comparison key: lower case, single spaces."""
    return " ".join(text.lower().split())


def _runs(line: str) -> list[list[str]]:
    """Runs of content words in one line: cut at punctuation, stop words, template words and digits."""
    runs: list[list[str]] = []
    for part in _BREAK.split(line):
        run: list[str] = []
        for token in part.split():
            word = token.strip("'’\"-_*#")
            if _content(word):
                run.append(word)
                continue
            if run:
                runs.append(run)
            run = []
        if run:
            runs.append(run)
    return runs


def _joined(line: str) -> list[str]:
    """Two noun groups joined by one connector, as written: "Erste Hilfe im Betrieb" (at most 4 words)."""
    out = []
    for part in _BREAK.split(line):
        tokens = [t.strip("'’\"-_*#") for t in part.split()]
        for i in range(1, len(tokens) - 1):
            if tokens[i].lower() not in CONNECTORS:
                continue
            left, right = tokens[max(0, i - 2) : i], tokens[i + 1 : i + 3]
            for a in range(len(left)):
                for b in range(1, len(right) + 1):
                    words = [*left[a:], *right[:b]]
                    if len(words) <= 3 and all(_content(w) and w[:1].isupper() for w in words):  # nouns, names
                        out.append(" ".join([*left[a:], tokens[i], *right[:b]]))
    return out


def _content(word: str) -> bool:
    return bool(_WORD.fullmatch(word)) and word.lower() not in STOPWORDS and not template_word(word)


def template_word(word: str) -> bool:
    """A template word, or a compound of them ("Blog-Artikel", "Sign-Up")."""
    key = word.lower()
    return key in TEMPLATE_WORDS or ("-" in key and all(part in TEMPLATE_WORDS for part in key.split("-") if part))


def phrases(line: str) -> set[str]:
    """Candidate phrases of one line (keys): contiguous 1..3-word runs of content words, and two noun
    groups joined by a connector ("Erste Hilfe im Betrieb")."""
    found = {normal(text) for text in _joined(line)}
    for run in _runs(line):
        for size in range(1, min(MAX_PHRASE_WORDS, len(run)) + 1):
            for start in range(len(run) - size + 1):
                words = run[start : start + size]
                if size == 1 and len(words[0]) < 5:  # "Haus", "Tipp": too short to name a topic alone
                    continue
                if all(len(w) < 4 for w in words):
                    continue
                found.add(normal(" ".join(words)))
    return found


def _spellings(line: str) -> dict[str, str]:
    """Key -> the phrase as written in this line."""
    out: dict[str, str] = {normal(text): text for text in _joined(line)}
    for run in _runs(line):
        for size in range(1, min(MAX_PHRASE_WORDS, len(run)) + 1):
            for start in range(len(run) - size + 1):
                text = " ".join(run[start : start + size])
                out.setdefault(normal(text), text)
    return out


def lines_of(text: str, template: frozenset[str] = frozenset()) -> list[str]:
    """The title and heading lines of a label text, without template lines."""
    return [line for line in text.split("\n") if line.strip() and normal(line) not in template]


def template_lines(texts: Mapping[str, str]) -> frozenset[str]:
    """Lines (normalised) on more than TEMPLATE_LINE_SHARE of the documents: "Unsere Leistungen", "Teilen"."""
    if len(texts) < MIN_SITE_DOCS:
        return frozenset()
    df: Counter = Counter()
    for text in texts.values():
        df.update({normal(line) for line in text.split("\n") if line.strip()})
    bar = max(2, TEMPLATE_LINE_SHARE * len(texts))
    return frozenset(line for line, n in df.items() if n > bar)


def phrase_frequency(texts: Mapping[str, str], template: frozenset[str] = frozenset()) -> Counter:
    """In how many documents each phrase occurs (the site's document frequency)."""
    df: Counter = Counter()
    for text in texts.values():
        df.update({p for line in lines_of(text, template) for p in phrases(line)})
    return df


def ranked_labels(
    texts: Sequence[str],
    site_df: Counter,
    site_docs: int,
    template: frozenset[str] = frozenset(),
    language: str | None = None,
) -> list[str]:
    """Candidate labels of one cluster, best first. `texts`: the members' label texts (title line
    first), most central member first. A phrase scores by how many members use it (a title counts
    twice: it names the page's topic), how rare it is on the rest of the site (idf), and its length
    (a two-word phrase names a topic better than either word alone)."""
    sections = section_titles(texts, language)
    if sections:  # a site section, no topic: its pages' names as written ("Pricing & Sign Up")
        return [" & ".join(sections)]
    spelling: dict[str, Counter] = {}
    used: list[dict[str, bool]] = []  # per member: phrase -> in its title
    section: dict[str, bool] = {}  # word -> only ever a whole heading below the title ("Ausgangslage")
    titled: set[str] = set()  # phrases of the members' titles
    for text in texts:
        lines = lines_of(text, template)
        title = phrases(lines[0]) if lines else set()
        titled |= title
        mine: dict[str, bool] = {}
        for n, line in enumerate(lines):
            keys = phrases(line)
            for key, written in _spellings(line).items():
                if key in keys:
                    spelling.setdefault(key, Counter())[written] += 1
                    mine[key] = mine.get(key, False) or key in title
                    section[key] = section.get(key, True) and n > 0 and normal(line) == key and " " not in key
        used.append(mine)
    family = _families(spelling)  # "wärmepumpen" counts for "wärmepumpe"
    for key, rep in family.items():  # shown in the family's most common form (a typo "Tagesbedar" is rare)
        if key != rep:
            spelling[rep] = spelling[rep] + spelling[key]
    weight: Counter = Counter()
    support: Counter = Counter()  # members using the phrase (or a form of it)
    for mine in used:
        forms: dict[str, bool] = {}
        for key, in_title in mine.items():
            rep = family.get(key, key)
            forms[rep] = forms.get(rep, False) or in_title
        for rep, in_title in forms.items():
            weight[rep] += 2 if in_title else 1
            support[rep] += 1

    members = max(1, len(texts))
    inside = Counter(key for mine in used for key in mine)  # members writing each phrase

    def site_wide(key: str) -> bool:
        """Frequent outside the cluster: the company name, a word of every page. A large cluster's own name
        ("Leadership Podcast" on half the site's pages, all of them here) is not site-wide."""
        outside = site_df.get(key, 0) - inside[key]
        return site_docs >= MIN_SITE_DOCS and outside > SITE_WIDE_SHARE * max(1, site_docs - members)

    def owned(key: str) -> bool:
        """Most members write the phrase, and it is rare elsewhere: the cluster's name, even when its first
        word is the site's ("Mobile Ajax" on a mobile agency's site, "CS:GO Update" on a CS:GO site)."""
        return inside[key] * 2 >= members and (site_df.get(key, 0) - inside[key]) * 2 <= inside[key]

    def everywhere(key: str) -> bool:  # on (nearly) every page: the company's name, never a topic's word
        return site_docs >= MIN_SITE_DOCS and site_df.get(key, 0) > NAME_SHARE * site_docs

    def branded(text: str) -> bool:  # opened or closed by the company's name ("Sonnenwerk Speicher")
        words = normal(text).split()
        return len(words) > 1 and (everywhere(words[0]) or everywhere(words[-1]))

    def framed(key: str) -> bool:
        """Opened or closed by a site-wide word ("Sonnenwerk Speicher") and not the cluster's own phrase, or
        by the word on every page."""
        words = key.split()
        if len(words) < 2:
            return False
        return (
            everywhere(words[0])
            or everywhere(words[-1])
            or ((site_wide(words[0]) or site_wide(words[-1])) and not owned(key))
        )

    # the company name on every page names no topic, nor does it open or close one ("Sonnenwerk Speicher")
    common = {k for k in weight if site_wide(k) or framed(k)}
    unnamed: set[str] = set()  # German: phrases with a verb after the noun
    shared = 2 if members >= 2 else 1  # a label is what the members share, not one page's phrase

    def score(key: str) -> float:
        idf = math.log(1 + site_docs / max(1, site_df.get(key, 1)))
        size = len([w for w in key.split() if w not in CONNECTORS])  # "im" adds no meaning
        # a name ends in a noun: "Harz planen" (cut from "Erste Hilfe im Harz planen") names no topic
        verb_end = size > 1 and not _display(spelling[key]).split()[-1][:1].isupper()
        # coverage: a rare two-page phrase ("Förderung für Photovoltaik") names less of a seven-page cluster
        # than the word five of its pages share ("Wärmepumpe")
        coverage = math.sqrt(support[key] / members)
        return (weight[key] / members) * idf * (1 + 0.6 * (size - 1)) * (0.5 if verb_end else 1.0) * coverage

    if language == "de":  # German nouns are capitalised and a name is a noun phrase: after its first word only
        # nouns follow ("Neurosoziales Coaching"); a lower-case word there is a verb ("Messer kaufen Würzburg",
        # "Lübecker protestieren")
        unnamed = {
            k
            for k in weight
            if any(not w[:1].isupper() and w.lower() not in CONNECTORS for w in _display(spelling[k]).split()[1:])
        }
        common |= unnamed | _after_noun(texts, template)
    supported = [k for k in weight if k not in common and support[k] >= shared]
    ranked = sorted(supported, key=lambda k: (-score(k), k))
    lower, proper = _casing(texts, template)

    def specific(label: str) -> bool:
        words = label.split()
        if len(words) == 1:
            return specific_word(label, language, lower, proper)
        if words[0].lower() in STOPWORDS or framed(normal(label)):
            return False  # "Es ist bereits fünf nach zwölf", "Seatsurfing 1": a headline or the site's name
        if english(language) and participle_end(words):
            return False
        # German: only nouns follow the first word ("Betrieblicher Ersthelfer werden" ends in a verb)
        return language != "de" or all(w[:1].isupper() or w.lower() in CONNECTORS for w in words[1:])

    # a section name the members' template repeats ("Ausgangslage", "Eckdaten") names no topic either
    out = [_display(spelling[k]) for k in ranked if not section.get(k)]
    weak = [label for label in out if not specific(label)]  # "Betrieb", "Wählen": after every phrase
    out = [label for label in out if specific(label)]
    sections = [_display(spelling[k]) for k in ranked if section.get(k)]
    if texts:  # fallback: the most central member's short title as written, else its best phrase
        head = lines_of(texts[0], template)
        title = _BREAK.split(head[0])[0].strip() if head else ""
        if language == "de":  # "Betrieblicher Ersthelfer werden": the name without its verb
            words = title.split()
            while len(words) > 1 and words[-1][:1].islower():
                words.pop()
            title = " ".join(words)
        elif english(language) and participle_end(title.split()):  # "Mobile Ajax post answered" -> "Mobile Ajax post"
            title = " ".join(title.split()[:-1])
        headline = len(title.split()) > MAX_TITLE_LABEL  # a long title is a headline, trimmed or not
        trimmed = _trim(title)  # "Das Heroin" -> "Heroin", "Symfony project on" -> "Symfony project"
        # "Our Values" stays whole: trimmed to a common word it would name no topic
        lone = len(trimmed.split()) == 1 and common_word(trimmed.lower(), language) and len(title.split()) > 1
        title = title if lone else trimmed
        # the page's own name, even opened by the site's word ("Mobile Ajax"): after every specific phrase
        if (
            title
            and phrases(title)
            and not headline
            and not site_wide(normal(title))
            and normal(title) not in unnamed
            and not branded(title)
        ):
            (out if specific(title) else weak).append(title)
        central = {p for line in head for p in phrases(line)}
        own = sorted((k for k in central if k not in common and k not in supported), key=lambda k: (-score(k), k))
        for label in (_display(spelling[k]) for k in own[:3]):
            (out if specific(label) else weak).append(label)
        # nothing specific and the best a common word ("Client"): one member's phrase before it ("Difficult
        # Clients"); a lone topic noun ("Beifang") stays
        # -- nor does a word of one page's sub-heading that no title names ("Assertions", a section of a
        # tutorial): a title's phrase ("Atom Editor") names the cluster better
        generic = bool(weak) and " " not in weak[0] and common_word(weak[0].lower(), language)
        if not out and (not weak or generic or normal(weak[0]) not in titled):
            rare = sorted(
                (k for k in weight if k not in common and " " in k and k not in supported and (generic or k in titled)),
                key=lambda k: (-score(k), k),
            )
            found = [_display(spelling[k]) for k in rare[:3] if _display(spelling[k]) not in weak]
            weak = weak + found if generic else found + weak  # a title's phrase before a sub-heading's
        # a lone word that is no noun ("Zwölf", "Social", "power" cut from "to the power of two") or a
        # common one yields even to the central title as written
        unfit = [w for w in weak if not_noun(w, language, lower) or (" " not in w and common_word(w.lower(), language))]
        weak = [w for w in weak if w not in unfit]
        out += sorted(weak, key=lambda label: len(label.split()) == 1)  # a phrase before a lone word
        out += sections
        whole = _opening(texts[0].split("\n", 1)[0])
        if whole and not out and normal(whole) not in {normal(w) for w in unfit}:
            out.append(whole)  # last resort: the central page's title as written, even a template word
        out += unfit
    return out


MAX_SECTION_TITLES = 3


def section_titles(texts: Sequence[str], language: str | None) -> list[str]:
    """The members' titles as written when every one names a site section, not a topic: only navigation,
    template and stop words ("Pricing", "Sign Up", "Kontakt", "Pages", "Our Values"). Empty for a topic."""
    titles: list[str] = []
    for text in texts:
        title = " ".join(text.split("\n", 1)[0].split()).strip(" !?.:;,")
        words = [w.strip("'’\"-_*#,.:;!?()").lower() for w in title.split()]
        words = [w for w in words if w]
        if not words or any(
            w not in STOPWORDS and not template_word(w) and not section_word(w, language) for w in words
        ):
            return []
        if all(w in STOPWORDS for w in words):
            return []
        if normal(title) not in {normal(t) for t in titles}:
            titles.append(title)
    return titles[:MAX_SECTION_TITLES]


def _opening(title: str) -> str:
    """The central title as written when it is short enough to name a topic; a longer one is cut where its
    opening phrase ends, before its first stop word ("Happy new year to the power of two!" -> "Happy new
    year"), never in the middle of a phrase ("… to the power")."""
    words = title.split()
    if len(words) > MAX_TITLE_LABEL:
        cut = next(
            (i for i in range(2, len(words)) if words[i].lower() in STOPWORDS or words[i].lower() in CONNECTORS), 0
        )
        words = words[:cut] if cut <= MAX_TITLE_LABEL else []
    return " ".join(words).rstrip("!?.:;,")


def _trim(title: str) -> str:
    """A title without leading or trailing stop words, template words ("Mobile Ajax post" -> "Mobile Ajax")
    and a trailing number: what a name is made of."""
    words = title.split()

    def frame(word: str) -> bool:
        key = word.lower()
        return key in STOPWORDS or key in CONNECTORS or template_word(word) or key == "das"

    while words and frame(words[0]):
        words = words[1:]
    while words and (frame(words[-1]) or words[-1].isdigit()):
        words = words[:-1]
    return " ".join(words)


def _casing(texts: Sequence[str], template: frozenset[str]) -> tuple[set[str], set[str]]:
    """Words the members write in lower case, and words they capitalise inside a sentence-case line
    (a line with a lower-case content word: not Title Case), each lower case."""
    lower: set[str] = set()
    proper: set[str] = set()
    for text in texts:
        for line in lines_of(text, template):
            tokens = [t.strip("'’\"-_*#,.:;!?()") for t in line.split()]
            small = {t.lower() for t in tokens if t[:1].islower() and len(t) >= 4 and t.lower() not in STOPWORDS}
            lower |= small
            if small:
                proper |= {t.lower() for t in tokens[1:] if t[:1].isupper()}
    return lower, proper - lower


def _families(spelling: dict[str, Counter]) -> dict[str, str]:
    """One-word phrases that are forms of one word ("Wärmepumpe", "Wärmepumpen": the shorter plus at most
    three letters; "Energieausweis" and "Energieberatung" stay two words): key -> the shortest form."""
    singles = sorted((k for k in spelling if " " not in k and len(k) >= 6), key=lambda k: (len(k), k))
    rep: dict[str, str] = {}
    for key in singles:
        rep[key] = next((r for r in dict.fromkeys(rep.values()) if key.startswith(r) and len(key) - len(r) <= 3), key)
    return rep


def _after_noun(texts: Sequence[str], template: frozenset[str]) -> set[str]:
    """Phrases that start with a lower-case word right after a capitalised one: in German the tail of a verb
    phrase ("kaufen Würzburg" in "Messer kaufen Würzburg"), never a name of its own."""
    found = set()
    for text in texts:
        for line in lines_of(text, template):
            for run in _runs(line):
                for start in range(1, len(run)):
                    if run[start][:1].islower() and run[start - 1][:1].isupper():
                        for size in range(1, min(MAX_PHRASE_WORDS, len(run) - start) + 1):
                            found.add(normal(" ".join(run[start : start + size])))
    return found


def _display(spellings: Counter) -> str:
    """The most common spelling, first letter upper case (a label starts a line)."""
    text = sorted(spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return text[:1].upper() + text[1:]


def unique_labels(candidates: Iterable[list[str]]) -> list[str]:
    """One label per cluster, no label twice on a site: each cluster takes its best candidate not
    taken yet (clusters in order, the largest first); with none left, its best plus a number."""
    used: set[str] = set()
    out = []
    for ranked in candidates:
        label = next((c for c in ranked if normal(c) not in used), None)
        if label is None:
            base = ranked[0] if ranked else "Thema"
            n = 2
            while normal(f"{base} {n}") in used:
                n += 1
            label = f"{base} {n}"
        used.add(normal(label))
        out.append(label)
    return out
