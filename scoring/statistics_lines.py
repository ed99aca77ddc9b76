"""Lines whose shape says their figures are no statistics: a post's meta line ("3 Minuten · 480 Wörter"), a
product or offer label with its figure in brackets ("GL.INET GL-AR150 (ca. 20 €)"), a question to the reader
("Ihr habt mehr als 250 Mitarbeitende?"), a German rule ("Die Arbeit ist … zu unterbrechen.") and the items
of an offer card above its button ("12 Serviceanfragen" / "jetzt Angebot anfragen"). Read by
`scoring.statistics_exclusions.sentence_excluded` (`line_reason`) and `scoring.checks.statistics` (`offer_item`)."""

from __future__ import annotations

import re

from scoring.core import lexicons as lx

# A post's meta line: "12. März 2025 · 3 Minuten · 480 Wörter · Autorin": the page's own length, no fact.
META_SEPARATOR_RE = re.compile(r"\s[·•|]\s")
META_SEGMENT_WORDS = 4
READING_PIECE_RE = re.compile(r"^\W*\d+[ \u00a0]?(?:Min\.?|Minuten|min|mins|minutes?|Wörter|words)\b", re.IGNORECASE)


# "1 minute read, 82 words", "5 Min. Lesezeit": a line of nothing but the post's reading time and length.
_READING_ONLY_RE = re.compile(
    r"(?<![\d.,])\d[\d.,]*+[ \u00a0]?(?:Min\.?|Minuten|min|mins|minutes?|Wörter|words)"
    r"(?:[ \u00a0]+(?:read|reading time|Lesezeit|Lesedauer|zu lesen))?",
    re.IGNORECASE,
)

_READING_LABEL_RE = re.compile(r"^\s*(?:Length|Länge|Lesezeit|Lesedauer|Reading time)\s*:", re.IGNORECASE)


def is_meta_line(sentence: str) -> bool:
    """Three or more short pieces between "·" or "|", one of them a reading time or a word count: a
    post's meta line (date, reading time, words, author), not a band of figures or a table row; or a
    line of nothing but reading time and length ("1 minute read, 82 words")."""
    bare = _READING_LABEL_RE.sub("", sentence)
    if all(_READING_ONLY_RE.fullmatch(piece.strip(" .:")) for piece in re.split(r"[,·•|]", bare)):
        return True
    pieces = META_SEPARATOR_RE.split(sentence)
    return (
        len(pieces) >= 3
        and all(len(piece.split()) <= META_SEGMENT_WORDS for piece in pieces)
        and any(READING_PIECE_RE.match(piece) for piece in pieces)
    )


# A product or offer label with its figure in parentheses: "GL.INET GL-AR150 (ca. 20 €)", "Litebeam AC Gen2
# (bis ca. 5 km)" — names and model numbers, no word of a sentence outside the brackets: a price or a spec.
_PARENTHESES_RE = re.compile(r"\([^()\n]{0,60}\)")
_SENTENCE_WORD_RE = re.compile(r"(?<![\w-])[a-zäöüß]{3,}")
# what the brackets of such a label open with: an approximation or limit, or a price
_OFFER_TERM_RE = re.compile(
    r"(?:(?<![\w.])(?:ca\.|circa|etwa|rund|bis|ab|approx|about|up to)|~|€|\$|£"
    r"|(?<![\d.,])\d[\d.,]*+[ \t]?(?:€|EUR|Euro))",
    re.I,
)
LABEL_WORDS = 10


def is_figure_label(sentence: str) -> bool:
    """A label (names, model numbers) whose only figures stand in its closing parentheses."""
    line = sentence.strip()
    if not line.endswith(")") or len(line.split()) > LABEL_WORDS:
        return False
    inside = _PARENTHESES_RE.findall(line)
    outside = _PARENTHESES_RE.sub(" ", line)
    return (
        bool(inside)
        and all(_OFFER_TERM_RE.match(part[1:].lstrip()) for part in inside)
        and not _SENTENCE_WORD_RE.search(outside)
        and "(" not in outside
    )


# the integer part of "1.234,5" / "12,5" / "150": the decimal tail is one or two digits after the last separator
_DECIMAL_TAIL_RE = re.compile(r"[.,]\d{1,2}$")


def beyond_a_bar(number: str, after: str) -> bool:
    """A share like "800%+ ROAS": no skill bar or progress ring goes past 100 % or says "more than"; the measure
    is named after it (a "130 %" alone is a glossary's heading)."""
    whole = re.sub(r"\D", "", _DECIMAL_TAIL_RE.sub("", number))
    named = any(ch.isalpha() for ch in after)
    return named and (after.lstrip(" %").startswith("+") or (whole.isdigit() and int(whole) > 100))


# A question to the reader: "Ihr habt mehr als 250 Mitarbeitende?", "Do you have more than 50 staff?" — the
# reader's case, a condition of an offer, no fact. "Wusstest du, dass 90 % …?" / "Did you know …?" reports one.
_READER_QUESTION_RE = re.compile(
    r"^\W*(?:(?:Ihr|Du|Sie|You)[ \t]+(?:habt|hast|haben|seid|bist|sind|have|are|run|employ|manage)\b|"
    r"(?:Habt|Hast|Seid|Bist|Beschäftigt|Beschäftigst|Beschäftigen)[ \t]+(?:ihr|du|Sie)\b|"
    r"(?:Haben|Sind)[ \t]+Sie\b|(?:Do|Does|Are|Have|Is)[ \t]+(?:you|your)\b)"
)
_KNOW_RE = re.compile(r"\b(?:wusstest|wussten|wisst|know|knew)\b", re.IGNORECASE)


def is_reader_question(sentence: str) -> bool:
    line = sentence.strip()
    return line.endswith("?") and bool(_READER_QUESTION_RE.match(line)) and not _KNOW_RE.search(line)


# A speed-up promised to the reader: "Ship 50x faster", "Build your next web app 70% faster", "providing you with a
# platform to … ship internal tools 50x faster", "Erstellen Sie Angebote 3-mal schneller" — a product's promise in
# the imperative or addressed to the reader, no measurement.
_SPEEDUP_RE = re.compile(
    r"\d(?:[.,]\d)?+[ \t\u00a0]?+(?:x|×|%|-?mal|times)[ \t\u00a0]++(?:faster|quicker|cheaper|schneller|günstiger)\b",
    re.IGNORECASE,
)
_READER_RE = re.compile(r"(?<![\w-])(?:you|your|yours|Sie|Ihr|Ihre|Ihren|Ihrem|Ihrer|du|dein|deine|euer|eure)(?![\w-])")
_IMPERATIVE_START_RE = re.compile(
    r"^\W*(?:build|ship|create|launch|deliver|develop|make|get|go|work|design|deploy|automate|start|"
    r"erstellen|entwickeln|starten|arbeiten|bauen)\b",
    re.IGNORECASE,
)


def is_speedup_promise(sentence: str) -> bool:
    return bool(_SPEEDUP_RE.search(sentence)) and bool(
        _IMPERATIVE_START_RE.match(sentence) or _READER_RE.search(sentence)
    )


# A German rule written "X ist/sind … zu <Verb>": "Die Arbeit ist durch Ruhepausen von mindestens 30 Minuten …
# zu unterbrechen." — what must be done (a statute's wording), not what was measured.
_RULE_END_RE = re.compile(r"\bzu[ \t]+[a-zäöü]+(?:en|ern|eln)[.;]?$")
RULE_VERB_WORDS = 5  # "ist"/"sind" within the first words: the subject, then the verb


def is_german_rule(sentence: str) -> bool:
    """One clause, no comma: "…, das Land plane … zu lagern" reports a plan, "Darüber hinaus ist …, … zu finden"
    an opinion."""
    head = sentence.split()[1:RULE_VERB_WORDS]
    return (
        ("ist" in head or "sind" in head) and "," not in sentence and _RULE_END_RE.search(sentence.strip()) is not None
    )


def line_reason(sentence: str) -> str | None:
    """Why no figure of this line is a statistic by its shape, or None."""
    if is_meta_line(sentence):
        return "meta line"
    if is_figure_label(sentence):
        return "product label"
    if is_reader_question(sentence):
        return "hypothetical"
    if is_speedup_promise(sentence):
        return "promise"
    if is_salary_line(sentence):
        return "price"
    if is_german_rule(sentence):
        return "legal rule"
    return None


# An offer card: short item lines ("12 Serviceanfragen", "Laufzeit von 12 Monaten") above its button.
_OFFER_BUTTON_RE = re.compile(
    r"^\W*(?:jetzt[ \t]+)?(?:\w+[ \t]+){0,2}(?:anfragen|testen|buchen|bestellen|kaufen|abonnieren|starten|"
    r"sichern)\b|^\W*(?:request|get|book|start|try|buy|order|choose|select|contact)[ \t]+(?:\w+[ \t]*){0,3}$",
    re.IGNORECASE,
)
OFFER_ITEM_WORDS = 5
BUTTON_WORDS = 5
OFFER_ITEM_REACH = 3  # the button within the next lines (a card lists a few items)


def offer_item(paragraphs: list[str], index: int) -> bool:
    """A short line of an offer card: a button ("jetzt Angebot anfragen", "Get started") follows within a
    few short lines."""
    if len(paragraphs[index].split()) > OFFER_ITEM_WORDS:
        return False
    for line in paragraphs[index + 1 : index + 1 + OFFER_ITEM_REACH]:
        words = len(line.split())
        if words > OFFER_ITEM_WORDS:
            return False
        if words <= BUTTON_WORDS and _OFFER_BUTTON_RE.search(line.strip()):
            return True
    return False


# A requirement or a possibility, not a measurement: "needing to get up to 2,500 results", "must return at most 500
# items", "muss mindestens 40 Einträge fassen", "kann bis zu 7 Tagen dauern" — a modal before the limit word.
_REQUIREMENT_BEFORE_RE = re.compile(
    r"\b(?:must|need(?:s|ed|ing)?[ \t]+to|ha(?:ve|s|ving)[ \t]+to|should|muss|müssen|soll|sollen|sollte|darf|dürfen|"
    r"(?P<may>can|may|kann|können))[ \t]+"
    # the clause up to the limit ("muss eine Einrichtung die Fälle von mindestens", "müssen sich binnen zwei Monaten,
    # mindestens")
    r"(?:[\w-]++,?+[ \t]+){0,12}?(?:up[ \t]+to|at[ \t]+(?:least|most)|bis[ \t]+zu|mindestens|höchstens|maximal|"
    r"max\.)[ \t]*+$",
    re.IGNORECASE,
)


def is_requirement(before: str, duration: bool) -> bool:
    """A possibility ("can take up to 7 days") only for a duration: "prices can rise by up to 30 %" may report one."""
    match = _REQUIREMENT_BEFORE_RE.search(before)
    return match is not None and (duration or not match.group("may"))


# A plan with its target year: "Seoul's government plans to roll out 270,000 electric vehicles by 2050", "Die Stadt
# plant, bis 2030 1.000 Wohnungen zu bauen" — what someone means to do, not what was measured ("will" forecasts stay).
_PLAN_BEFORE_RE = re.compile(
    r"\b(?:plans?|planned|planning|aims?|aiming|intends?|pledged?|pledges|commits?|committed|targets|"
    r"plant|planen|plante|planten|wollen|strebt|streben)\b",
    re.IGNORECASE,
)
_TARGET_YEAR_RE = re.compile(r"\b(?:by|until|bis(?:[ \t]+(?:zum[ \t]+Jahr|Ende))?)[ \t]+20\d\d\b")


# A design target: "we expect to be able to handle ~20 record writes per second", "wir wollen bis zu 500 Nutzer
# bedienen können" — what a system is built for, not what was measured.
_EXPECT_BEFORE_RE = re.compile(
    r"(?<![\w-])(?i:we|I|wir|ich)[ \t]+(?i:expect|aim|hope|want|intend|design(?:ed)?|erwarten|wollen)[ \t]+"
    r"(?:[\w-]++[ \t]+){0,6}?(?i:to[ \t]+(?:be[ \t]+able[ \t]+to[ \t]+)?(?:handle|support|serve|process|reach|run)|"
    r"zu[ \t]+(?:bedienen|verarbeiten|erreichen))[ \t]+(?:[~≈]|(?i:up[ \t]+to|about|around|bis[ \t]+zu|rund))?[ \t]*+$"
)


# An event or a step still to come: "we'll gather 150 product thinkers", "300 participants … will take part",
# "is looking to hire up to 25 new staff" — who is expected or wanted, not what was counted.
_FUTURE_EVENT_RE = re.compile(
    r"(?<![\w-])(?:(?i:we|wir)(?:['’]ll|[ \t]+will|[ \t]+werden)|will)[ \t]+(?:[\w-]++[ \t]+)?(?:gather|participate|"
    r"attend|take[ \t]+part|include|join|welcome|host|come[ \t]+together|meet|teilnehmen|zusammenkommen|begrüßen)"
    r"(?![\w-])|(?<![\w-])(?:looking|hoping|planning)[ \t]+to[ \t]+(?:hire|recruit|add|create|employ)(?![\w-])"
)


# A stated goal or a commitment before the figure: "our exploitation goal is to come up with 120 new customers",
# "We shall also hold at least 15 events", "Unser Ziel ist es, 500 Betriebe zu erreichen".
_GOAL_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:(?i:goal|aim|target|objective|ambition|mission)[ \t]+is[ \t]+to|(?i:ziel)[ \t]+ist[ \t]+es|"
    r"(?i:we)[ \t]+shall)(?![\w-])"
)


# What a bill or a proposal would do: "the Act, which would create an additional 500,000 housing vouchers".
_WOULD_BEFORE_RE = re.compile(r"(?<![\w-])(?i:would|würden?)[ \t]++(?:[\w-]++[ \t]++){1,3}$")


def is_plan(sentence: str, before: str) -> bool:
    if _EXPECT_BEFORE_RE.search(before) or _FUTURE_EVENT_RE.search(sentence) or _GOAL_BEFORE_RE.search(before):
        return True
    if _WOULD_BEFORE_RE.search(before[-60:]):
        return True
    return _PLAN_BEFORE_RE.search(before) is not None and _TARGET_YEAR_RE.search(sentence) is not None


# A job advert's salary line: a money range and its place ("£50,000 - £60,000 | Belfast, Northern Ireland").
_MONEY_RANGE_START_RE = re.compile(
    r"^\W*(?:[£$€][ \t]?\d[\d.,]*+k?[ \t]*+[-–][ \t]*+[£$€]?[ \t]?\d[\d.,]*+k?|"
    r"\d[\d.,]*+[ \t]?(?:€|EUR)?[ \t]*+[-–][ \t]*+\d[\d.,]*+[ \t]?(?:€|EUR))",
    re.IGNORECASE,
)


def is_salary_line(sentence: str) -> bool:
    line = sentence.strip()
    start = _MONEY_RANGE_START_RE.match(line)
    return start is not None and not _SENTENCE_WORD_RE.search(line[start.end() :])


# The sample of the writer's own test or review: "we tested over 20 open-source form builders", "wir haben mehr als
# 30 Tools verglichen" — the design of the comparison, not a finding.
_OWN_TEST_BEFORE_RE = re.compile(
    r"(?<![\w-])(?i:we|I|wir|ich)[ \t]+(?:(?i:have|haben|habe)[ \t]+)?(?i:tested|reviewed|compared|evaluated|"
    r"tried(?:[ \t]+out)?|looked[ \t]+at|analy[sz]ed|testeten|prüften|verglichen|getestet|geprüft|analysiert)"
    r"[ \t]+(?i:over|more[ \t]+than|about|around|nearly|almost|some|all|über|mehr[ \t]+als|rund|knapp|fast)?[ \t]*+$"
)


def own_test_sample(before: str) -> bool:
    return _OWN_TEST_BEFORE_RE.search(before[-80:]) is not None


# Names listed as examples are no source: "signups from the likes of F1, Deloitte, KPMG", "Kunden, darunter X und Y"
# ("such as" may list the sources themselves: "studies in cities such as Manchester and Shenzhen").
_EXAMPLES_CUE_RE = re.compile(
    r"(?<![\w-])(?i:the[ \t]likes[ \t]of|including|darunter|unter[ \t]anderem|u\.[ \t]?a\.)(?![\w-])"
)
_LIST_SEPARATOR_RE = re.compile(r",|(?<![\w-])(?i:and|und|or|oder)(?![\w-])|&")
EXAMPLE_ITEMS = 6  # names listed before the one in question, and it
EXAMPLE_ITEM_WORDS = 4  # a name in the list


def listed_example(sentence: str, at: int) -> bool:
    """The name at `at` is one of a list of examples ("the likes of A, B and <name>")."""
    head = sentence[max(0, at - 240) : at]
    cues = list(_EXAMPLES_CUE_RE.finditer(head))
    if not cues:
        return False
    items = [item.strip() for item in _LIST_SEPARATOR_RE.split(head[cues[-1].end() :])]
    return len(items) <= EXAMPLE_ITEMS and all(
        not item or (len(item.split()) <= EXAMPLE_ITEM_WORDS and item[0].isupper() or item[0].isdigit())
        for item in items
    )


# The label of a worked example, on a line of its own: "Beispiel 1: Ein Einfamilienhaus", "Rechenbeispiel",
# "Example 2: a family of four". The paragraph under it computes with made-up figures (a case study, "Fallbeispiel",
# "Praxisbeispiel", reports real ones and is no such label).
_EXAMPLE_LABEL_RE = re.compile(
    r"^\W*+(?:\d{1,2}[.)]?[ \t]*+)?(?:Beispiel|Rechenbeispiel|Beispielrechnung|Berechnungsbeispiel|Example|"
    r"Worked example|Sample calculation)(?![\w-])[^.!?]*+$"
)
EXAMPLE_LABEL_WORDS = 8


def is_example_label(line: str) -> bool:
    """A short line naming a worked example: the paragraph after it holds made-up figures."""
    return len(line.split()) <= EXAMPLE_LABEL_WORDS and _EXAMPLE_LABEL_RE.match(line) is not None


# A chronicle's entry: a line that opens with a year, then the event ("1330 Kaiser Ludwig stiftet …", "2019: …").
YEAR_LINE_RE = re.compile(
    rf"^[ \t]*+(?:(?i:um|ca\.|circa|ab|seit|about|around|c\.)[ \t]++)?(?P<year>(?:1\d|20)\d\d)(?:[ \t]*+[:–—-])?[ \t]++"
    rf"(?=[{lx.UPPER}])",
    re.MULTILINE,
)
CHRONOLOGY_LINES = 3


def is_chronicle(text: str) -> bool:
    return len(YEAR_LINE_RE.findall(text)) >= CHRONOLOGY_LINES


# A number word after a possessive names things already known, it does not count them: "our two organizations",
# "their three children", "unsere beiden Vereine".
POSSESSED_NUMBER_BEFORE_RE = re.compile(r"(?<![\w-])(?i:our|their|his|her|its|unsere[nmrs]?|ihre[nmrs]?)[ \t]++$")


def possessed_number(sentence: str, start: int, end: int) -> bool:
    figure = sentence[start:end]
    before = sentence[max(0, start - 12) : start]
    return not any(ch.isdigit() for ch in figure) and POSSESSED_NUMBER_BEFORE_RE.search(before) is not None


def opens_with_year(sentence: str, start: int) -> bool:
    """The figure at `start` is the year a chronicle's line opens with ("1330 Kaiser Ludwig …", "um 1356 Ein …")."""
    line = YEAR_LINE_RE.match(sentence)
    return line is not None and line.start("year") == start
