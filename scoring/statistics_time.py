"""Durations among the figures (issue 13): how long something takes or lasts is a measurement; the time
since, an age, experience and a career are not ("seit 20 Jahren", "vor 15 Jahren", "20 years of
experience", "4 years at Acme"). Used by `scoring.statistics_exclusions`."""

from __future__ import annotations

import re

# A career's length: "30 years as a director", "20 Jahre als Geschäftsführerin".
CAREER_AFTER_RE = re.compile(
    r"^\s?(?:as\s+(?:an?|the)\s+(?!result\b)|als\s+(?!(?:die|der|das)\b)|(?:at|bei)\s+[A-Z])"  # "4 years at Acme"
)
# Durations are facts only as a measurement: how long something takes, lasts or holds, on average.
DURATION_FACT_RE = re.compile(
    r"\b(?:dauer\w*|takes?|took|taking|lasts?|lasted|Lebensdauer|Nutzungsdauer|Haltbarkeit|haltbar|hält|halten|"
    r"hielt|lifespan|life expectancy|lifetime|Halbwert\w*|half-life|durchschnittlich|im Schnitt|"
    r"Durchschnitt|average|median|Wartezeit|waiting time|Bearbeitungszeit|wait(?:ed|ing)?|brauch\w*|needs?|"
    r"benötig\w*|erreich\w*|reach\w*|schafft|schneller|faster|kürzer|shorter|länger|"
    r"longer|verkürzt|reduced|gesenkt|spent|verbracht|verbringen|Amortisation|amortis\w*|pays? (?:for itself|back)|"
    r"payback|Laufzeit ohne|[a-zäöü]\w*zeit(?:en)?|oft|often|meist|meistens|usually|typically|typisch\w*|"
    r"in der Regel|normalerweise|"
    r"generally|im Mittel|on average)\b",
    re.IGNORECASE,
)
# How long a past event took: "the system went live in 10 weeks", "innerhalb von 6 Wochen fertiggestellt".
WITHIN_BEFORE_RE = re.compile(r"\b(?:in|within|innerhalb(?:\s+von)?|binnen|in\s+nur|in\s+just|in\s+only)\s*$", re.I)
PAST_EVENT_RE = re.compile(
    r"\b(?:went|was|were|became|launched|completed|finished|delivered|built|shipped|hit|met|reached|achieved|"
    r"wurde[n]?|war(?:en)?|ging(?:en)?|gelang|abgeschlossen|fertiggestellt|geliefert|umgesetzt|realisiert|"
    r"gebaut|erreicht)\b",
    re.IGNORECASE,
)


def past_event_span(sentence: str, before: str) -> bool:
    """The figure is how long a past event took ("went live in 10 weeks")."""
    return WITHIN_BEFORE_RE.search(before) is not None and PAST_EVENT_RE.search(sentence) is not None


# … but never the time since, the age, experience or a period of the company's own history.
NOT_DURATION_FACT_RE = re.compile(
    r"\b(?:seit|since|vor|ago|for (?:more than |over |almost |nearly |about )?$|über die letzten|in den letzten|"
    r"over the (?:past|last)|the (?:past|last|next|first)|nächsten|ersten|letzten|im Alter von|"
    r"mit|at the age of|aged|alle|every|Jubiläum|anniversary|in (?:über|mehr als|gut|knapp|more than|over))"
    r"\s*(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# "vor 600 Millionen Jahren", "66 million years ago": a magnitude counts years, the figure is a time span.
MAGNITUDE_UNIT_RE = re.compile(r"^(?:Mio\.?|Mrd\.?|Millionen|Milliarden|million|billion|trillion|bn)$", re.IGNORECASE)
YEARS_AFTER_RE = re.compile(r"^[\s\u00a0]?(?:Jahren|Jahre|years?|Jahrzehnten|decades?)\b", re.IGNORECASE)
# "vor 3 Jahren", "two years have passed since", "zwei Jahre sind vergangen": time since, no measurement
AGO_AFTER_RE = re.compile(
    r"^\s*(?:ago|zuvor|früher|später|later|her|(?:have|has|had)\s+(?:now\s+)?passed|passed|"
    r"(?:sind|waren)\s+(?:schon\s+|bereits\s+)?vergangen|vergingen)\b",
    re.IGNORECASE,
)
EXPERIENCE_AFTER_RE = re.compile(
    r"^\S{0,40}\s*(?:\w+\s+){0,3}(?:Erfahrung|Berufserfahrung|experience|Expertise|Tradition|Geschichte|history|"
    r"alte?[nmrs]?\b|old\b|jung|young|Jubiläum|anniversary|of (?:success|growth)|im Geschäft|in business|am Markt|"
    r"Mitarbeit|Tätigkeit|Engagement|Zugehörigkeit|Betriebszugehörigkeit|of service)",
    re.IGNORECASE,
)
# A service's own process time told to its customer: "Meist erhalten Sie es innerhalb von 2 bis 3 Tagen", "Der
# Termin dauert in der Regel 30 bis 45 Minuten", "you get your report within 24 hours" — a promise, not a measurement.
# The reader is addressed ("Sie" inside a sentence, "Ihnen", "Ihr…", "you/your") or the appointment is the subject;
# an average stays a measurement ("on average, you can expect it to last 15 years").
SERVICE_TIME_RE = re.compile(
    r"(?<=[a-zäöüß,;] )Sie\b|\b(?:Ihnen|Ihre[mnrs]?|Ihr)\b|\b(?:[Yy]ou|[Yy]our)\b|\b(?:Der|Ihr|Ein|Jeder)\s+Termin\b|"
    r"\b(?:[Tt]he|[Yy]our|[Aa]n?)\s+appointment\b"
)
AVERAGE_RE = re.compile(
    r"\b(?:average|median|durchschnittlich\w*|[Dd]urchschnitt|im Schnitt|im Mittel)\b", re.IGNORECASE
)


def service_time(sentence: str) -> bool:
    """The duration is a service's promise to its reader, not a measurement (SERVICE_TIME_RE)."""
    return SERVICE_TIME_RE.search(sentence) is not None and AVERAGE_RE.search(sentence) is None
