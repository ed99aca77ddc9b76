"""Figures that describe how a thing is built, sold or reached, not a fact about the world: electrical ratings
("Spannungen von 220 kV", "50 Hertz"), the ends of a scale ("zwischen 0 % und 100 %"), the figures of a German
verb-first condition ("Sind die Mitglieder verbunden, reduziert sich der Preis um 57 %"), a catalogue row that ends
with its price ("Dokumentation 2, 50 Seiten, 24 Farbseiten, 10 €"), directions ("ca. 500 m bleiben, bis …") and
the hours of a programme ("10 – 12 Ausstellungsbesuch, 15 Uhr Führung")."""

from __future__ import annotations

import re

from scoring.statistics_lines import is_plan, is_requirement
from scoring.statistics_rules import BARE, COUNT, MEASURE, MONEY, PERCENT, TIME

# An electrical rating: volts, hertz, amperes ("110 kV", "400 bis 230 V", "50 Hertz", "3 GHz").
ELECTRICAL_UNIT_RE = re.compile(r"(?:[kmMG]?V|[kMG]?Hz|m?A|(?:Kilo|Milli)?(?:[Vv]olt|Hertz|Ampere)|[Vv]olts)")
# The first figure of a range in such a unit: "400 bis 230 V", "1 to 36 kV".
ELECTRICAL_RANGE_AFTER_RE = re.compile(
    r"^[ \t]*+(?:[–—-]|bis|to|and|und)[ \t]*+\d[\d.,]*+[ \t]?(?:[kmMG]?V|[kMG]?Hz|m?A)\b"
)
# The ends of a scale: "zwischen 0 % und 100 %", "from 0% to 100%", "0–100 %".
FULL_SCALE_RE = re.compile(r"(?<![\d.,])0[ \t]?%?[ \t]*+(?:[–—-]|bis|to|und|and)[ \t]*+100[ \t]?%", re.IGNORECASE)
# A German condition by word order: the finite verb first, then the main clause's verb right after the comma
# ("Sind die Mitglieder verbunden, reduziert sich …", "Ist X erforderlich, so/dann …"), optionally after a label.
_V1 = (
    r"Ist|Sind|Liegt|Liegen|Fällt|Fallen|Steigt|Steigen|Sinkt|Sinken|Hat|Haben|Wird|Werden|Sollte|Sollten|Kommt|"
    r"Kommen|Gibt|Braucht|Beträgt|Übersteigt|Überschreitet|Unterschreitet"
)
_NOT_A_VERB = (
    r"und|oder|aber|die|der|das|den|dem|des|ein\w*|wie|wenn|wobei|was|wo|dass|sodass|da|weil|denn|doch|sondern|"
    r"sowie|jedoch|also|bzw|z|etwa|nicht|auch|nur|noch|bereits|sogar"
)
CONDITIONAL_V1_RE = re.compile(
    rf"^(?:[^\W\d_][\w-]{{0,30}}:[ \t]+)?(?:{_V1})\b[^?]*?(?:\b(?:so|dann)\b[^?]*$|,[ \t]+(?!(?:{_NOT_A_VERB})\b)"
    rf"[a-zäöüß]+(?:t|en)\b[^?]*$)"
)


def is_rating(unit: str, after: str) -> bool:
    """The figure is an electrical rating, or the first figure of a range of them."""
    return bool(ELECTRICAL_UNIT_RE.fullmatch(unit.strip())) or bool(ELECTRICAL_RANGE_AFTER_RE.match(after))


# A row of a catalogue or price list: attributes after commas, the price last ("…, 50 Seiten, 10 €", "20 € vergriffen").
PRICE_LAST_RE = re.compile(r"(?<![\d.,])\d[\d.,]*+[ \t]?(?:€|EUR|Euro|CHF|£|\$)[ \t]*+(?:[^\W\d_]++[ \t]*+)?[.!]?$")
ROW_ATTRIBUTES = 2  # commas before the price


def catalogue_row(sentence: str) -> bool:
    """Attributes after commas and the price last: a row of a catalogue, a price list."""
    return sentence.count(",") >= ROW_ATTRIBUTES and PRICE_LAST_RE.search(sentence[-60:]) is not None


# Directions: a distance and the way to go on ("ca. 500 m bleiben", "nach 2 km links abbiegen", "walk 300 m to").
DIRECTIONS_RE = re.compile(
    r"(?<![\d.,])\d[\d.,]*+[ \t]?(?:m|km|Meter|Kilometer)\b[ \t]+(?:[^\W\d_]+[ \t]+){0,3}?"
    r"(?:bleiben|fahren|folgen|gehen|laufen|abbiegen|weiterfahren|geradeaus|links|rechts)\b|"
    r"\b(?:drive|walk|continue|turn|go)\b[^.\n]{0,30}?(?<![\d.,])\d[\d.,]*+[ \t]?(?:m|km|miles?|yards?)\b",
    re.IGNORECASE,
)
# The hours of a programme: "10 – 12 Ausstellungsbesuch" in a line that gives times of day ("15 Uhr").
CLOCK_RANGE_BEFORE_RE = re.compile(r"(?<![\d.,])(?:[01]?\d|2[0-4])(?:[.:][0-5]\d)?[ \t]*[–-][ \t]*$")
CLOCK_WORD_RE = re.compile(r"\b(?:Uhr|a\.m\.|p\.m\.|o'clock)\b", re.IGNORECASE)


def programme_hour(sentence: str, before: str) -> bool:
    """The figure ends a range of hours in a line that tells the time of day: "10 – 12 Führung, 15 Uhr …"."""
    return bool(CLOCK_RANGE_BEFORE_RE.search(before)) and bool(CLOCK_WORD_RE.search(sentence))


# A fee asked of the reader just before the amount: "Unkostenbeitrag 5 €", "Eintritt: 8 Euro", "Teilnahmegebühr 20 €".
FEE_BEFORE_RE = re.compile(
    r"\b(?:(?:Unkosten|Kosten|Teilnahme|Mitglieds|Jahres)beitrag|Teilnahmegebühr|Eintritt(?:spreis)?|Gebühr|"
    r"admission|entry fee|fee)[ \t]*+:?[ \t]*+(?:(?:ca\.|je|pro Person)[ \t]*+)?(?:€|EUR|CHF|£|\$)?[ \t]*+$",
    re.IGNORECASE,
)


# A funding programme's terms: "Zuschüsse von bis zu 70 %", "ein Bonus in Höhe von 5 % der förderfähigen Kosten",
# "a 30% tax credit": what a grant pays is a rule, like a legal threshold, not a measured fact. A share of something
# ("12 % der Anträge", "30% of households received a grant") and a change ("stieg um 5 %") stay statistics.
FUNDING_TERM_RE = re.compile(
    r"[Ff]örder(?:ung|quote|satz|sätze|programm|mittel|summe|höhe|fähig)|\bgefördert\b|[Zz]uschu(?:ss|ß)|[Zz]uschüsse|"
    r"\bKostenübernahme\b|[Bb]onus\b|\bBoni\b|\b(?:subsid(?:y|ies|ised|ized)|grants?|rebates?|tax credits?)\b"
)
CAP_BEFORE_RE = re.compile(
    r"\b(?:höchstens|maximal|max\.|bis zu|up to|capped at|gedeckelt auf)(?:[ \t]+aber)?[ \t]*+[€$£]?[ \t]*+$"
)
SHARE_AFTER_RE = re.compile(r"^[ \t]*+(?:der|des|aller|of|all)\b", re.IGNORECASE)
COST_BASE_RE = re.compile(r"[Kk]osten|förderfähig|anrechenbar|eligible|\bcosts?\b|\bexpenses?\b|Ausgaben|Investition")
FUNDING_CHANGE_RE = re.compile(r"\b(?:stieg\w*|gestiegen|sank\w*|gesunken|rose|fell|increased|decreased)\b")


# What an offer costs: "This offering costs between $35k to 50k", "we can develop a pipeline … for around $20k".
OFFER_PRICE_RE = re.compile(
    r"\b(?:offering|package|engagement)\s+costs?\b|\bwe\s+can\b[^!?]{0,120}?\bfor\s+(?:around|about|roughly)\s*[$€£]"
)
# A release names its version: "Releasing devo.ps 0.13", "Version 2.4 is out", "das Update 3.1 bringt".
RELEASE_RE = re.compile(r"\b(?:[Rr]eleas(?:e|es|ed|ing)|[Vv]ersion|[Uu]pdate|[Uu]pgrade|changelog|Changelog)\b")


# A German requirement puts its modal verb last: "mindestens 65 % erneuerbare Energie nutzen müssen".
_LIMIT_WORD_END_RE = re.compile(r"(?<![\w-])(?:mindestens|höchstens|maximal)[ \t]*+$")
_MODAL_AFTER_RE = re.compile(
    r"^[^.!?;,]{0,40}?(?<![\w-])(?:müssen|muss|dürfen|darf|sollen|soll|notwendig|erforderlich|nötig|required|needed|"
    r"necessary)(?![\w-])"
)
# How many answered a survey is its design: "This survey received 514 responses", "1.200 Antworten der Umfrage".
RESPONSES_UNIT_RE = re.compile(r"^(?:responses?|Antworten|Rückmeldungen|submissions)$", re.IGNORECASE)
SURVEY_RE = re.compile(r"\b(?:survey\w*|Umfrage\w*|Befragung\w*|questionnaire|Fragebogen|poll)\b", re.IGNORECASE)


# People counted: those a room, an event or a plan holds (also `scoring.statistics_exclusions`' capacities).
PEOPLE_UNIT_RE = re.compile(
    r"^(?:Personen|Teilnehmer\w*|Teilnehmende\w*|people|participants?|persons?|users?|Benutzer\w*|Nutzer\w*|"
    r"seats?|Plätze|Gäste\w*|guests?|Mitglieder\w*|members?|Leute|Anwesende\w*|Versicherte\w*)$",
    re.IGNORECASE,
)
# What a tool or a room is made for: "für kleinere Gruppen unter 10 Leute", "auch für größere Gruppen geeignet (500+
# Leute)", "suitable for up to 40 people".
_CAPACITY_RE = re.compile(
    r"(?<![\w-])(?:geeignet|suitable|designed[ \t]+for|für[ \t]+(?:\w+[ \t]+)?Gruppen|"
    r"for[ \t]+(?:\w+[ \t]+)?groups)(?![\w-])"
)
# What an offer credits or pays per unit: "bis zu 5 Cent je kWh werden gutgeschrieben", "Vergütungssatz (0,04 €/kWh)".
_CREDIT_RE = re.compile(
    r"(?<![\w-])(?:gutgeschrieben|Gutschrift\w*|\w*[Vv]ergütung\w*|credited|feed-in[ \t]tariffs?|payout[ \t]rates?)"
    r"(?![\w-])"
)
# A norm, not a measurement: "In der Regel ist eine Begutachtung innerhalb von 24 Stunden möglich", "Typical projects
# run from 3-6 months with 3-5 people".
_NORM_RE = re.compile(
    r"(?<![\w-])(?:[Ii]n[ \t]der[ \t]Regel|[Tt]ypischerweise|[Üü]blicherweise|[Nn]ormalerweise)(?![\w-])|"
    r"^\W*+(?:Typical|Typically|Usually|Normally)(?![\w-])"
)
# A figure named as a goal: "1,5 Grad- gerechte Politik", "das 2-Grad-Ziel", "a 1.5C-compatible pathway".
_GOAL_AFTER_RE = re.compile(
    r"^-?[ \t]?-?[ \t]?(?:[Zz]iel\w*|gerechte?\w*|konform\w*|[Tt]arget|[Gg]oal|compatible|aligned)"
)


def funding_term(sentence: str, after: str) -> bool:
    """A percentage that a funding programme pays (its rate, bonus or cap), not a share or a change."""
    return (
        FUNDING_TERM_RE.search(sentence) is not None
        and not (SHARE_AFTER_RE.match(after) and COST_BASE_RE.search(after) is None)  # "5 % der förderfähigen Kosten"
        and FUNDING_CHANGE_RE.search(sentence) is None
    )


# An entry of a reference list: "[1] Reba, M., Reitsma, F. & Seto, K. Spatializing 6,000 years of …" (a title's words).
REFERENCE_ENTRY_RE = re.compile(r"^\W*+\[?\d{1,3}[\].)][ \t]++[A-ZÄÖÜ][\w'’-]++,[ \t]++(?:[A-Z]\.[ \t]?)++")
# A term of office: "für 2 Jahre gewählt", "appointed for 3 years".
TERM_AFTER_RE = re.compile(r"^[ \t]*+(?:gewählt|berufen|ernannt|bestellt|elected|appointed)(?![\w-])")


# A vehicle class by its weight: "Fahrverbote für LKW ab 7,5 Tonnen", "lorries over 7.5 tonnes" (a rule's threshold).
VEHICLE_CLASS_RE = re.compile(
    r"(?<![\w-])(?:LKW|Lkw|Fahrzeug\w*|Kfz|trucks?|vehicles?|lorr(?:y|ies)|HGVs?)[ \t]++(?:\w+[ \t]+)?"
    r"(?:ab|über|bis|mit|over|above|exceeding)[ \t]++\d[\d.,]*+[ \t]?(?:t|Tonnen|tonnes|tons)(?![\w-])"
)
# A numbered section's heading: "6.1 Anonymous Data Collection", "2.3 Haftung".
SECTION_HEADING_RE = re.compile(r"^\W*+\d{1,2}(?:\.\d{1,2})++\.?[ \t]++[A-ZÄÖÜ][^.!?:]{0,80}$")
SECTION_HEADING_WORDS = 10


def sentence_reason(sentence: str) -> str | None:
    """Why no figure of the sentence is a statistic by these rules, or None."""
    if REFERENCE_ENTRY_RE.match(sentence):
        return "reference entry"
    if VEHICLE_CLASS_RE.search(sentence):
        return "threshold"
    if SECTION_HEADING_RE.match(sentence) and len(sentence.split()) <= SECTION_HEADING_WORDS:
        return "section number"
    if FULL_SCALE_RE.search(sentence):
        return "threshold"
    if CONDITIONAL_V1_RE.match(sentence):
        return "hypothetical"
    if catalogue_row(sentence):
        return "price list"
    if DIRECTIONS_RE.search(sentence):
        return "instruction"
    return None


# A promised response time: the reply is the service's, not a measured fact.
_WITHIN_BEFORE_RE = re.compile(
    r"(?<![\w-])(?i:innerhalb(?:[ \t]++von)?|within|binnen|in[ \t]++unter|in[ \t]++less[ \t]++than)[ \t]*+$"
)
_REPLY_RE = re.compile(
    r"(?<![\w-])(?i:antwort\w*+|rückmeldung|rückruf|melden[ \t]++uns|reply|replies|response|respond\w*+|"
    r"get[ \t]++back)(?![\w-])"
)
# A rule of thumb or a limit the figure is the bound of: "Faustregel: bis ca. 1.000 km", "Grenze … ab 5 Jahren".
_RULE_WORD_RE = re.compile(r"(?i:faustregel|grenze|grenzwert|schwellenwert|rule[ \t]of[ \t]thumb|threshold|cut-?off)")
_BOUND_BEFORE_RE = re.compile(
    r"(?<![\w-])(?i:ab|bis|über|unter|up[ \t]to|above|below|over|from)(?![\w-])[^.;!?]*+$"
)
BOUND_REACH = 30  # characters before the figure in which its bound word stands ("ab 5 Jahren oder 100.000 km")
# A tariff that depends on a class: "je nach Fahrzeugklasse 23 bis 175 Euro pro Tag".
_DEPENDS_RE = re.compile(
    r"(?<![\w-])(?i:je[ \t]++nach|richte[nt][ \t]++sich[ \t]++nach|depending[ \t]++on|depends[ \t]++on)(?![\w-])"
)
_MONEY_PER_TIME_RE = re.compile(
    r"(?<![\w-])(?i:euro|eur|euros|dollars?)[ \t]*+(?i:pro|per|je|a)[ \t]++(?i:tag|stunde|monat|nacht|woche|day|hour|"
    r"month|night|week)(?![\w-])|[€$£][ \t]*+/[ \t]*+(?i:tag|day|h|std)(?![\w-])"
)


def figure_reason(
    sentence: str, kind: str, unit: str, before: str, after: str, clause: str = "", sourced: bool = False
) -> str | None:
    """Why this one figure is no statistic by these rules (`kind` as statistics_rules' candidates), or None;
    `clause`: a longer stretch before the figure, where a requirement's modal may stand; `sourced`: the sentence
    names a source (a credited rate or a norm with its source is reported, not offered)."""
    if kind in (MEASURE, BARE, COUNT) and is_rating(unit, after):
        return "specification"
    if kind == MONEY and FEE_BEFORE_RE.search(before):
        return "price"
    if kind in (COUNT, BARE) and programme_hour(sentence, before):
        return "clock time"
    if is_plan(sentence, before):
        return "target"
    if kind == TIME and _WITHIN_BEFORE_RE.search(before) and _REPLY_RE.search(sentence):
        return "promise"  # "Antwort meist innerhalb von 24 Stunden", "We reply within 24 hours"
    bound = before[-BOUND_REACH:].replace("ca.", "ca")
    if not sourced and _RULE_WORD_RE.search(sentence) and _BOUND_BEFORE_RE.search(bound):
        return "threshold"  # "Faustregel: bis ca. 1.000 km", "die starre Grenze (ab 5 Jahren oder 100.000 km)"
    if not sourced and _DEPENDS_RE.search(sentence) and _MONEY_PER_TIME_RE.search(sentence):
        return "rate"  # "je nach Fahrzeugklasse meist 23 bis 175 Euro pro Tag": a tariff's range, not a measurement
    if _LIMIT_WORD_END_RE.search(before) and _MODAL_AFTER_RE.search(after):
        return "requirement"  # "… weil neue Heizungen mindestens 65 % erneuerbare Energie nutzen müssen"
    if kind == COUNT and RESPONSES_UNIT_RE.match(unit.strip()) and SURVEY_RE.search(sentence):
        return "sample size"
    if kind == COUNT and PEOPLE_UNIT_RE.match(unit.strip()) and _CAPACITY_RE.search(sentence):
        return "capacity"
    if kind == TIME and TERM_AFTER_RE.match(after):
        return "term of office"
    if _GOAL_AFTER_RE.match(after):
        return "target"
    if not sourced and kind == MONEY and _CREDIT_RE.search(sentence) and FUNDING_CHANGE_RE.search(sentence) is None:
        return "offer term"
    if not sourced and _NORM_RE.search(sentence):
        return "norm"
    if (kind == PERCENT or kind == MONEY and CAP_BEFORE_RE.search(before)) and funding_term(sentence, after):
        return "funding term"  # "bis zu 70 Prozent", "höchstens aber 21.000 Euro pro Wohneinheit"
    return "requirement" if is_requirement(clause or before, kind == TIME) else None
