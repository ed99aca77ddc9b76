"""A reporting verb that names no reporter (read by `scoring.statistics_sources.source_in_words`): "X reports",
"X found", "X zeigt" name a source only where X is the verb's subject and reports. Not so for a hedge ("an
estimated 5,000"), a verb joined to an earlier one ("… and recorded"), a noun ("the reports"), a name that holds the
verb's letters ("the United States"), what a relative clause measures ("which recorded a percentage of 1,70%"), a
passive ("was calculated for 640 districts": what was calculated, not who) or the page's own exhibit ("The table
below shows …")."""

from __future__ import annotations

import re

from scoring.core import lexicons as lx

ARTICLE_END_RE = re.compile(r"(?<![\w-])(?:a|an)[ \t]++$", re.IGNORECASE)
# A verb joined to the one before ("… and recorded"): the name right before it is no subject.
VERB_AFTER_CONJUNCTION_RE = re.compile(r"\b(?:and|und|or|oder|then|dann)\s+$", re.IGNORECASE)
# "students in all 50 states", "the reports": in English a number or a determiner makes it a noun, no reporting verb
NOUN_BEFORE_RE = re.compile(r"(?:\b(?:the|all|these|those|many|several|both|their|our)|\d)\s+$", re.IGNORECASE)
_IN_A_NAME_RE = re.compile(rf"(?<![\w.-])[{lx.UPPER}][\w.-]*+[ \t]++[{lx.UPPER}]$")  # a capitalised verb after one
# A relative clause whose verb takes a measure of its antecedent: "…, which recorded a percentage of 1,70%".
_RELATIVE_BEFORE_RE = re.compile(r"(?<![\w-])(?i:which|that|who)[ \t]++$")
_MEASURE_AFTER_RE = re.compile(
    r"(?<![ \t])[ \t]++(?i:a|an)[ \t]++(?:[\w-]++[ \t]++)?(?i:percentage|share|rate|growth|increase|decrease|"
    r"decline|rise|drop|fall|loss|gain|profit|turnover|revenue|total)(?![\w-])"
)
# An English passive: "was calculated for 640 districts"; its agent, if any, follows "by".
_PASSIVE_BEFORE_RE = re.compile(r"(?<![\w-])(?i:was|were|is|are|been|being|be)[ \t]++$")
_AGENT_AFTER_RE = re.compile(r"^[ \t]++by[ \t]")
# The page's own table or chart as the subject: "The table below shows", "Die Grafik oben zeigt".
_EXHIBIT_BEFORE_RE = re.compile(
    r"(?<![\w-])(?i:the|this|our|die|diese|unsere|folgende|nachfolgende)[ \t]++(?i:table|chart|graph|figure|diagram|"
    r"image|screenshot|plot|tabelle|grafik|abbildung|diagramm|übersicht)(?:[ \t]++(?i:below|above|here|unten|oben|"
    r"hier))?[ \t]*+$"
)
BEFORE_CHARS = 12  # how far back the guards of one word look
EXHIBIT_CHARS = 40


def no_reporter(sentence: str, match: re.Match, lang: str | None) -> bool:
    """The reporting verb `match` (a match in `sentence`) has no reporter before it."""
    before = sentence[max(0, match.start() - BEFORE_CHARS) : match.start()]
    if ARTICLE_END_RE.search(before):
        return True  # "for a reported €14million", "an estimated 5,000 people": hedged, no one named
    if VERB_AFTER_CONJUNCTION_RE.search(before) or (lang != "de" and NOUN_BEFORE_RE.search(before)):
        return True  # "we interviewed 26 people in Belém and recorded …": the verb's subject comes earlier
    if sentence.startswith(" to ", match.end()) or _IN_A_NAME_RE.search(before + match.group(0)[:1]):
        return True  # "have registered to use the platform"; "the United States", "EU Member States": a name
    if _RELATIVE_BEFORE_RE.search(before) and _MEASURE_AFTER_RE.match(sentence, match.end()):
        return True  # "AsyncRat, which recorded a percentage of 1,70%": what is measured, not who measured it
    if _PASSIVE_BEFORE_RE.search(before) and not _AGENT_AFTER_RE.match(sentence[match.end() :]):
        return True
    return _EXHIBIT_BEFORE_RE.search(sentence[max(0, match.start() - EXHIBIT_CHARS) : match.start()]) is not None
