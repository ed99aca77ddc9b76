"""Month names and the words that date a page, German and English: one list of months for every
pattern that reads a date (spiders.extract_evidence, spiders.extract_byline, scoring.core.text, figures)."""

from __future__ import annotations

import re

GERMAN_MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Abbreviations (without their dot) -> month number.
GERMAN_MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mär": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dez": 12,
}
ENGLISH_MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# Other spellings in use: Austrian "Jänner", "März" without its umlaut.
MONTH_SPELLINGS = {"jänner": 1, "maerz": 3}

# Every month word in lower case (names, abbreviations, spellings) -> month number.
MONTHS: dict[str, int] = {
    **{name.lower(): number for names in (GERMAN_MONTHS, ENGLISH_MONTHS) for number, name in enumerate(names, 1)},
    **GERMAN_MONTH_ABBREVIATIONS,
    **ENGLISH_MONTH_ABBREVIATIONS,
    **MONTH_SPELLINGS,
}
# Pattern alternatives (no group, no flags):
# the full names, capitalised, each once ("Januar|Februar|…|January|February|March|May|…")
MONTH_NAMES = "|".join(dict.fromkeys(GERMAN_MONTHS + ENGLISH_MONTHS))
# German names and abbreviations in lower case ("januar|…|dezember|jan|feb|mär|…")
GERMAN_MONTH_WORDS = "|".join([*(name.lower() for name in GERMAN_MONTHS), *GERMAN_MONTH_ABBREVIATIONS])
# English months by their first three letters ("jan|feb|mar|apr|may|…"), for patterns that read `(?:…)[a-z]*`
ENGLISH_MONTH_STEMS = "|".join(name[:3].lower() for name in ENGLISH_MONTHS)

# Words that label a date as the page's own ("Stand: März 2025", "Veröffentlicht am", "Last updated").
PUBLICATION_CUE_RE = re.compile(
    r"veröffentlicht|publiziert|erschienen|aktualisiert|\bstand\b|zuletzt|published|posted|updated|"
    r"last (?:modified|reviewed)|effective|as of",
    re.IGNORECASE,
)

# A date line that states a period ("Zeitraum: 04. Juli 2023 – 20. August 2023", "24.–30. November 2025",
# "Laufzeit 2023 bis 2025") dates an event or project, not the page: two dates joined by a dash or
# "bis"/"to"/"until", or a period label. A day's number ends in a dot or is followed by a month.
MONTH_ALTERNATIVES = "|".join(sorted(MONTHS, key=len, reverse=True))  # longest first: "März" before "Mär"
PERIOD_RE = re.compile(
    r"\b(?:zeitraum|projektzeitraum|laufzeit|projektlaufzeit|aktionszeitraum|period|duration)\b"
    rf"|(?:\d\.?|\b(?:{MONTH_ALTERNATIVES})\b\.?)\s*(?:[–—]|-{{1,2}}|\bbis\b|\bto\b|\buntil\b|\btill\b)\s*"
    rf"(?:\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}|\d{{1,2}}\.(?!\d)|\d{{1,2}}\s+(?:{MONTH_ALTERNATIVES})\b|\d{{4}}\b|(?:{MONTH_ALTERNATIVES})\b)",
    re.IGNORECASE,
)
