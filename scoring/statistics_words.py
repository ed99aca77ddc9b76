"""Figures written without a unit list (issue 13): numbers as words, shares as words and informal
magnitudes, German and English.

docs/labelling.md counts "numbers that state a measured or counted fact", however they are written.
A number word is everywhere ("zwei Optionen", "three tips"), so it counts only in a frame that makes
it a count or a share of a population:

- a quantifier before it: "über zehn Bewohner", "almost nine billion people";
- a magnitude or percent after it: "zwei Millionen Menschen", "zehn Prozent der Befragten";
- a noun that names a group of people or organisations after it: "sechs junge Freiwillige",
  "twelve households";
- a share of a population: "knapp die Hälfte der Beschäftigten", "two thirds of respondents", "jeder
  dritte Haushalt", "sechs von zehn Unternehmen", "one in five adults".

Informal magnitudes are digits with a short magnitude glued on or in lower case: "600k", "2.5M users",
"4-5 mio". The candidates go through the same exclusions as every other figure.
"""

from __future__ import annotations

import re

from scoring.core import lexicons as lx
from scoring.statistics_rules import (
    COUNT,
    FUNCTION_WORDS,
    LIST_BEFORE_RE,
    MEASURE,
    NOT_COUNTED_NOUNS,
    PERCENT,
    QUANTIFIER_BEFORE_RE,
    TIME,
    TIME_UNIT_RE,
    Candidate,
)

U, L = lx.UPPER, lx.LOWER

_DE_UNITS = r"zwei|drei|vier|fünf|sechs|sieben|acht|neun"
_EN_UNITS = r"two|three|four|five|six|seven|eight|nine"
# Number words from two up: one ("ein", "one") is an article or a pronoun far more often than a count.
NUMBER_WORD = (
    rf"(?:(?:{_DE_UNITS})?(?:hundert|tausend)|(?:(?:ein|{_DE_UNITS})und)?(?:zwanzig|dreißig|vierzig|fünfzig|"
    rf"sechzig|siebzig|achtzig|neunzig)|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zehn|elf|"
    rf"zwölf|{_DE_UNITS}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|{_EN_UNITS}))?|"
    rf"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|eleven|twelve|{_EN_UNITS}|"
    rf"(?:{_EN_UNITS})?[ -]?(?:hundred|thousand))"
)
# "one" is a figure before a share or a magnitude: "um ein Prozent", "über eine Milliarde Tonnen", "one percent".
_ONE_AS_FIGURE = (
    r"(?i:ein|eine|einem|einen|einer|one)(?=[ \u00a0]++(?i:Prozent|percent|per[ ]cent|Million|Milliarde|million|"
    r"billion)(?![\w-])(?![ \u00a0]++(?i:mal|times)(?![\w-])))"  # "eine Million Mal danke": a way of speaking
)
# A cheap test whether a paragraph without digits may hold a word figure at all.
WORD_FIGURE_HINT_RE = re.compile(
    rf"(?<![{L}{U}])(?:(?i:{NUMBER_WORD}|Hälfte|half|Drittel|thirds?|Viertel|quarters?|Fünftel|fifths?|"
    rf"one[ \u00a0]in|{_ONE_AS_FIGURE})(?![{L}{U}])|[Jj]ede[rs]?[ \u00a0])"
)

# Groups of people and organisations: who a count or a share is about.
POPULATION_NOUN = (
    rf"(?:[{U}][{L}]*?)?(?i:menschen|personen|leute|bewohner(?:innen|n)?|einwohner(?:innen|n)?|bürger(?:innen|n)?|"
    r"kunden|kundinnen|nutzer(?:innen|n)?|anwender(?:innen|n)?|mitarbeiter(?:innen|n)?|mitarbeitende[n]?|"
    r"beschäftigte[n]?|angestellte[n]?|arbeitnehmer(?:innen|n)?|arbeitnehmende[n]?|unternehmen|firmen|betriebe[n]?|"
    r"haushalte[n]?|familien|frauen|männer[n]?|kinder[n]?|jugendliche[n]?|schüler(?:innen|n)?|"
    r"studierende[n]?|studenten|studentinnen|eltern|patient(?:en|innen)|ärzte[n]?|ärztinnen|pflegekräfte[n]?|"
    r"befragte[n]?|teilnehmer(?:innen|n)?|teilnehmende[n]?|mitglieder[n]?|besucher(?:innen|n)?|gäste[n]?|"
    r"fans|spieler(?:innen|n)?|entwickler(?:innen|n)?|helfer(?:innen|n)?|freiwillige[n]?|ehrenamtliche[n]?|"
    r"pfadfinder(?:innen|n)?|erwachsene[n]?|senioren|seniorinnen|länder[n]?|staaten|städte[n]?|"
    r"gemeinden|kommunen|schulen|vereine[n]?|organisationen|verbände[n]?|hersteller[n]?|händler[n]?|"
    r"anbieter[n]?|startups|gründer(?:innen|n)?|fachkräfte[n]?|führungskräfte[n]?|autoren|autorinnen|"
    r"designer(?:innen|n)?|berater(?:innen|n)?|anwälte[n]?|anwältinnen|architekt(?:en|innen)|expert(?:en|innen)|"
    r"partner(?:innen|n)?|bäckereien|metzgereien|geschäfte[n]?|läden|gaststätten|restaurants|brauereien|"
    r"apotheken|filialen|hotels|erwerbstätige[n]?|pflegebedürftige[n]?|angehörige[n]?|arbeitslose[n]?|"
    r"rentner(?:innen|n)?|verbraucher(?:innen|n)?|wähler(?:innen|n)?|auszubildende[n]?)"
)
POPULATION_NOUN_EN = (
    r"(?i:people|persons|residents|citizens|inhabitants|customers|clients|users|employees|workers|staff|"
    r"companies|businesses|firms|organi[sz]ations|households|families|adults|women|men|children|kids|"
    r"teenagers|students|pupils|parents|patients|doctors|nurses|respondents|participants|members|visitors|"
    r"guests|fans|players|developers|engineers|volunteers|scouts|countries|nations|cities|towns|schools|"
    r"charities|farms|farmers|startups|founders|manufacturers|retailers|suppliers|authors|readers|"
    r"subscribers|americans|germans|britons|europeans|consumers|shoppers|buyers|marketers|executives|"
    r"leaders|managers|teachers|researchers|scientists|designers|consultants|lawyers|architects|experts|"
    r"partners|bakeries|butchers|shops|stores|restaurants|pubs|breweries|pharmacies|branches|hotels)"
)
_POPULATION = rf"(?:{POPULATION_NOUN}|{POPULATION_NOUN_EN})(?![{L}{U}-])"
_ADJECTIVES = rf"(?:[{L}][{L}-]*[ \u00a0]+){{0,2}}?"

# A number word and the noun it counts, with up to two adjectives between ("sechs junge Freiwillige").
WORD_COUNT_RE = re.compile(
    rf"(?<![{L}{U}\d.,:/#§-])(?P<num>(?i:{NUMBER_WORD})|[2-9](?![\d.,])|{_ONE_AS_FIGURE})[ \u00a0]+"
    rf"(?:(?P<mag>(?i:Millionen|Million|Milliarden|Milliarde|million|billion|trillion|Mio\.|Mrd\.))(?![{L}{U}])|"
    rf"(?P<pct>(?i:Prozent|percent|per[ ]cent))(?![{L}{U}])|"
    rf"(?P<adj>{_ADJECTIVES})(?P<noun>[{U}][{L}][{L}-]*|[{L}][{L}-]*[{L}]s|people|children|men|women|staff)"
    rf"(?![{L}{U}-]))"
)
POPULATION_RE = re.compile(rf"^{_POPULATION}")
# English names a group with nouns before its noun ("four different Usability Lab partners"); German
# writes them as one compound ("vier Usability-Lab-Partner"), and there a noun before a noun is a phrase.
ENGLISH_NUMBER_RE = re.compile(
    rf"(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|{_EN_UNITS}))?|thirteen|fourteen|"
    rf"fifteen|sixteen|seventeen|eighteen|nineteen|ten|eleven|twelve|{_EN_UNITS}|(?:{_EN_UNITS})?[ -]?(?:hundred|"
    rf"thousand))"
)
GROUP_AFTER_RE = re.compile(rf"(?<![ \u00a0])[ \u00a0]++(?:[{U}{L}][{L}-]*+[ \u00a0]++){{1,3}}?{_POPULATION}")
# Where the counted things are: "die vier Bäckereien im Ort", "the three pubs in the village" count them.
PLACE_AFTER_RE = re.compile(
    r"^[ \u00a0]+(?:im (?:Ort|Dorf|Land|Landkreis|Kreis|Stadtteil|Viertel|Umkreis)|in der (?:Stadt|Gemeinde|Region|"
    r"Umgebung)|des (?:Ortes|Dorfes|Landes|Kreises|Stadtteils)|der (?:Stadt|Gemeinde|Region)|in (?:the )?(?:town|"
    r"village|city|country|region|area|county|neighbou?rhood)|of the (?:town|village|city|region|area))\b"
)
# People in general and a family: "four amazing people", "Eltern und drei Kinder" are remarks; a group
# ("sechs junge Freiwillige", "twelve households") is counted.
ANYONE_RE = re.compile(
    r"^(?i:Menschen|Personen|Leute|people|persons|men|women|Kinder[n]?|children|kids|Eltern|parents|Familien|"
    r"families)$"
)
# "über"/"over" before a small number is a preposition as often as a quantifier ("über zwei Öffnungen gesteuert").
PREPOSITION_RE = re.compile(r"(?i:über|over)\b")
SMALL_NUMBER_RE = re.compile(rf"(?i:{_DE_UNITS}|{_EN_UNITS})|[2-9]")
ACHIEVEMENT_AFTER_RE = re.compile(
    r"^[ \u00a0]++(?:[^\s.!?]++[ \u00a0]++){0,3}?(?:gewonnen|veröffentlicht|verfasst|geschrieben|angemeldet|"
    r"gefunden|gezählt|nachgewiesen|entdeckt|festgestellt|beobachtet)\b"
)
ONE_OF_BEFORE_RE = re.compile(r"(?<![\w])(?i:one|ein(?:e[rsnm]?)?)[ \u00a0]+(?i:von|of|aus|unter|among)[ \u00a0]+$")
# a capacity or a plan's terms: "2 Trainer für maximal 14 Personen", "3 seats per licence"
LIMIT_RE = re.compile(r"\b(?:maximal|max\.|höchstens|mindestens|bis zu|up to|at most|at least|pro|per|je)\b", re.I)
RESULT_BEFORE_RE = re.compile(r"(?:→|=>|->|=)\s*$")
# A count by its frame, whatever it counts: "five at last count", "5 files in total", "insgesamt sechs".
COUNT_AFTER_RE = re.compile(
    rf"(?<![{L}{U}\d.,-])(?P<num>(?i:{NUMBER_WORD}))(?:[ \u00a0]+[{L}{U}][{L}-]*)?[ \u00a0]+"
    r"(?:in total|in all|all told|at (?:the )?last count|insgesamt|in Summe)\b"
)
# What one wrote, won or holds: "co-authored four books", "lead author of two patents", "hat drei Preise gewonnen".
COUNT_AFTER_HINT_RE = re.compile(r"in total|in all|all told|last count|insgesamt|in Summe")  # a cheap test first
ACHIEVEMENT_BEFORE_RE = re.compile(
    r"(?:\b(?:co-)?authored|\bwritten|\bwrote|\bpublished|\bfiled|\bholds|\bwon|\bauthor of|\bAutor(?:in)? von|"
    r"\bfound|\brecorded|\bcounted|\bdetected|\bdiscovered|\bobserved|"
    r"\bveröffentlicht(?:e|en)?|\bverfasst(?:e|en)?|\bgewonnen|\bgewann(?:en)?)"
    r"(?:[ \u00a0]+and[ \u00a0]+\S+)?[ \u00a0]+$"
)
# "die Hälfte", "ein Drittel", "zwei Drittel", "half", "a third", "two thirds", "three quarters".
FRACTION_RE = re.compile(
    rf"(?<![{L}{U}])(?P<share>(?:[Dd]ie[ \u00a0]+)?Hälfte|(?:(?i:ein|zwei|drei|vier)[ \u00a0]+)?(?:Drittel|Viertel|"
    rf"Fünftel|Zehntel)|(?i:half|(?:a|one|two)[ \u00a0-]thirds?|(?:a|one|three)[ \u00a0-]quarters?|(?:a|one|two|three)"
    rf"[ \u00a0-]fifths?))(?![{L}{U}])"
)
# A German participle phrase between article and noun: "der in der Studie untersuchten Länder".
_PARTICIPLE_PHRASE = rf"(?:[^\s.,;:!?]++[ \u00a0]++){{1,6}}?[{L}]+(?:ten|ierten|enen)[ \u00a0]++"
# What the fraction is a share of: "der Befragten", "aller deutschen Unternehmen", "of all adults".
SHARE_OF_POPULATION_RE = re.compile(
    rf"^[ \u00a0]+(?:(?i:der|aller|unserer|ihrer|von|of|of[ \u00a0]+(?:the|all|our|their|its|those|these|us|them)))"
    rf"[ \u00a0]+(?:{_ADJECTIVES}|{_PARTICIPLE_PHRASE}){_POPULATION}"
)
HALF_A_TIME_RE = re.compile(r"^[ \u00a0]++an?[ \u00a0]+(?:year|month|week|day|hour|minute|century|decade|dozen)\b")
# "jeder dritte Haushalt", "jede vierte Frau", "jeder Dritte"; not a schedule ("jeden zweiten Tag").
EVERY_NTH_RE = re.compile(
    rf"(?<![{L}{U}])(?P<share>[Jj]ede[rs]?[ \u00a0]+(?:(?:zweite|dritte|vierte|fünfte|sechste|siebte|achte|neunte|"
    rf"zehnte)[ \u00a0]+(?!(?:Tag|Woche|Monat|Jahr|Mal|Stunde|Minute|Runde|Zeile|Seite|Schritt)\b)[{U}][{L}]+|"
    rf"(?:Zweite|Dritte|Vierte|Fünfte|Zehnte)))(?![{L}{U}])"
)
# "sechs von zehn Unternehmen", "9 out of 10 users", "one in five adults".
N_OF_M_RE = re.compile(
    rf"(?<![{L}{U}\d])(?P<share>(?:(?i:{NUMBER_WORD}|ein(?:e[rs]?)?|one)|\d{{1,3}})[ \u00a0]+(?:von|out[ \u00a0]+of|in)"
    rf"[ \u00a0]+(?:(?i:{NUMBER_WORD})|\d{{1,3}}))(?![{L}{U}\d])(?P<rest>[ \u00a0]+{_ADJECTIVES}{_POPULATION})?"
)
ONE_IN_RE = re.compile(r"^(?i:ein(?:e[rs]?)?|one)\b")
PER_TEN_RE = re.compile(r"(?<!\w)(?i:zehn|hundert|ten|hundred|10|100)$")

# "600k", "2.5M users", "10K+", "1mio", "4-5 mio", "3 mrd": magnitudes written short.
INFORMAL_MAGNITUDE_RE = re.compile(
    r"(?<![\w.,$€£])(?P<num>\d{1,4}(?:[.,]\d{1,2})?)(?:(?P<glued>[kKMB])(?P<plus>\+)?(?![\w])"
    r"|[ \u00a0]?(?P<short>mio|mrd|bn|tsd)\b\.?)"
)
_MAGNITUDE_UNIT = {"k": "Tausend", "m": "million", "b": "billion", "mio": "Mio.", "mrd": "Mrd.", "bn": "bn"}
_TSD = "tsd"


def _quantified(text: str, start: int) -> bool:
    return QUANTIFIER_BEFORE_RE.search(text[max(0, start - 20) : start]) is not None


def _named(text: str, start: int) -> bool:
    """A capitalised number word inside a sentence is part of a name ("the Big Five", "die Elf")."""
    if not text[start].isupper():
        return False
    before = text[:start].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] in ",;")


def word_counts(text: str) -> list[tuple[Candidate, str]]:
    """Number words in a frame that makes them a count (see the module's docstring)."""
    found = []
    for match in WORD_COUNT_RE.finditer(text):
        start, number = match.start("num"), match.group("num")
        if _named(text, start):
            continue
        if match.group("mag"):
            found.append((Candidate(start, match.end(), MEASURE, number), match.group("mag")))
            continue
        if match.group("pct"):
            found.append((Candidate(start, match.end(), PERCENT, number), match.group("pct")))
            continue
        noun = match.group("noun")
        if noun.casefold() in NOT_COUNTED_NOUNS and not TIME_UNIT_RE.match(noun):
            continue
        if ONE_OF_BEFORE_RE.search(text[max(0, start - 16) : start]):
            continue  # "eine von zwei Organisationen", "one of three finalists": which one, not how many
        if LIST_BEFORE_RE.search(text[max(0, start - 12) : start]) and not PLACE_AFTER_RE.match(
            text[match.end() : match.end() + 40]
        ):
            continue  # "die drei Gründer", "the four pillars": a list, not a count
        adjectives = match.group("adj").split()
        if any(a.casefold() in FUNCTION_WORDS for a in adjectives):
            continue  # "dozens of companies", "zwei der Kunden"
        quantifier = QUANTIFIER_BEFORE_RE.search(text[max(0, start - 20) : start])
        digits = number.isdigit()
        english = ENGLISH_NUMBER_RE.fullmatch(number) and not POPULATION_RE.match(noun)
        group = GROUP_AFTER_RE.match(text, match.end("num")) if english else None
        if group and not any(w.casefold() in FUNCTION_WORDS for w in group.group(0).split()[:-1]):
            found.append((Candidate(start, group.end(), COUNT, number, generic=True), group.group(0).split()[-1]))
            continue  # a digit before a noun: only a group ("5 developers"), the rest is generic_counts
        if digits and (
            not text[:start].strip()
            or RESULT_BEFORE_RE.search(text[max(0, start - 4) : start])
            or LIMIT_RE.search(text)
        ):
            continue  # "3 Deutsche Gesellschaft …" numbers a reference; "60 anwesend → 3 Ersthelfer" is a rule's result
        if (
            quantifier
            and not digits
            and not (PREPOSITION_RE.match(quantifier.group(0)) and SMALL_NUMBER_RE.fullmatch(number))
        ):
            kind = TIME if TIME_UNIT_RE.match(noun) else COUNT
        elif (POPULATION_RE.match(noun) and not ANYONE_RE.match(noun)) or (
            not digits
            and (
                ACHIEVEMENT_BEFORE_RE.search(text[max(0, start - 40) : start])
                or ACHIEVEMENT_AFTER_RE.match(text[match.end() : match.end() + 60])
            )
        ):
            kind = COUNT
        else:
            continue
        found.append((Candidate(start, match.end(), kind, number, generic=True), noun))
    for match in COUNT_AFTER_RE.finditer(text) if COUNT_AFTER_HINT_RE.search(text) else ():
        if not _named(text, match.start()):
            found.append((Candidate(match.start(), match.end(), COUNT, match.group("num")), "count"))
    return found


def word_shares(text: str) -> list[tuple[Candidate, str]]:
    """Shares written as words: a fraction of a population, "jeder Dritte", "sechs von zehn"."""
    found = []
    for match in FRACTION_RE.finditer(text):
        if HALF_A_TIME_RE.match(text[match.end() : match.end() + 20]):
            continue  # "about half a year ago": a time, not a share
        after = SHARE_OF_POPULATION_RE.match(text[match.end() : match.end() + 120])
        if after or _quantified(text, match.start()):
            end = match.end() + (after.end() if after else 0)
            found.append((Candidate(match.start(), end, PERCENT, match.group("share")), match.group("share")))
    for match in EVERY_NTH_RE.finditer(text):
        found.append((Candidate(match.start(), match.end(), PERCENT, match.group("share")), match.group("share")))
    for match in N_OF_M_RE.finditer(text):
        share = match.group("share")
        if _named(text, match.start()):
            continue
        # "one in five", "sieben von zehn …" are shares by themselves; "drei von fünf" needs the group it counts
        per_ten = PER_TEN_RE.search(share) and re.match(r"[ \u00a0]+[\w]", text[match.end() : match.end() + 3])
        if ONE_IN_RE.match(share) and " in " not in share.replace("\u00a0", " ") and not per_ten:
            continue  # "eine von zwei Organisationen": one of them, not a share
        out_of = "out" in share and re.match(
            r"[ \u00a0]+[a-z]", text[match.end() : match.end() + 3]
        )  # "4 out of 5 dentists"
        if (
            match.group("rest")
            or per_ten
            or out_of
            or (ONE_IN_RE.match(share) and " in " in share.replace("\u00a0", " "))
        ):
            found.append((Candidate(match.start(), match.end(), PERCENT, share), share))
    return found


def informal_magnitudes(text: str) -> list[tuple[Candidate, str]]:
    """A number with a magnitude written short: "600k", "2.5M", "1mio". A single digit with K or M alone
    is a name or a format ("4K", "3M"), unless a plural follows ("1M downloads")."""
    found = []
    for match in INFORMAL_MAGNITUDE_RE.finditer(text):
        number = match.group("num")
        suffix = (match.group("glued") or match.group("short")).lower()
        if suffix == _TSD:
            suffix = "k"
        alone = match.group("glued") and len(number) == 1 and not match.group("plus")
        if alone and (suffix == "k" or not re.match(r"[ \u00a0]+[a-z]{2,}s\b", text[match.end() : match.end() + 16])):
            continue
        found.append((Candidate(match.start(), match.end(), MEASURE, number), _MAGNITUDE_UNIT[suffix]))
    return found


# A match result: "Team A vs. Team B 16 : 14", "gewann 3:1 gegen …" (a clock time, an aspect ratio have no match words).
SCORE_RE = re.compile(r"(?<![\d:.,])\d{1,3}[ \u00a0]?:[ \u00a0]?\d{1,3}(?![\d:.,]\d|[\d:])")
MATCH_WORDS_RE = re.compile(
    r"(?<![\w.])(?:vs\.?|versus|gegen|against|beat|beats|besiegt\w*|gewann|gewinnt|gewonnen|siegt\w*|won|wins|lost|"
    r"verlor\w*|unterlag\w*|Sieg|Niederlage|Endstand|Halbzeit|Unentschieden|draw|defeated|score|scored)(?!\w)"
)


# "2x more likely", "3× schneller", "a 4-fold increase": a measured ratio.
MULTIPLIER_RE = re.compile(
    r"(?<![\w.,])\d{1,3}(?:[.,]\d)?(?:[ \u00a0]?[x×](?=[ \u00a0]+(?:more|less|faster|slower|higher|lower|larger|"
    r"smaller|greater|bigger|as|mehr|weniger|schneller|langsamer|höher|niedriger|größer|kleiner|so)\b)|-fold\b|-fache[nrs]?\b)"
)


def multipliers(text: str) -> list[tuple[Candidate, str]]:
    """A ratio written short, before a comparison ("2x more likely") or as "-fold"."""
    return [(Candidate(m.start(), m.end(), MEASURE, m.group(0)), "times") for m in MULTIPLIER_RE.finditer(text)]


def match_scores(text: str, in_match_line: bool = False) -> list[tuple[Candidate, str]]:
    """A match's score in a sentence that names the match ("A vs. B 16 : 14"); `in_match_line`: the
    sentence is a piece of a short line that names it (split after "Tt." in "A vs. B Tt. 16 : 14")."""
    if ":" not in text or not (in_match_line or MATCH_WORDS_RE.search(text)):
        return []
    return [(Candidate(m.start(), m.end(), COUNT, m.group(0)), "score") for m in SCORE_RE.finditer(text)]


WORD_RE = re.compile(rf"[{U}{L}]{{2,}}")
STATEMENT_WORDS = 2


def word_figures(text: str) -> list[tuple[Candidate, str]]:
    """All candidates of this module in one text (a sentence with other figures blanked out)."""
    digits = re.search(r"\d", text) is not None
    if not digits and not WORD_FIGURE_HINT_RE.search(text):
        return []
    statement = len(WORD_RE.findall(text)) > STATEMENT_WORDS  # "+256M" alone is a size typed in, no fact
    found = (informal_magnitudes(text) if statement and digits else []) + match_scores(text)
    found += multipliers(text) if digits else []
    taken = [(c.start, c.end) for c, _ in found]
    for cand, unit in word_shares(text) + word_counts(text):
        if not any(s < cand.end and cand.start < e for s, e in taken):
            found.append((cand, unit))
            taken.append((cand.start, cand.end))
    return found
