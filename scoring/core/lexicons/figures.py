"""Figures in running text: numbers, units, currencies, and the spans that are no statistic (phone
numbers, dates, prices), German and English."""

from __future__ import annotations

import re

from scoring.core.lexicons.dates import MONTH_NAMES
from scoring.core.lexicons.people import LOWER, UPPER

# A number: German "12.500" / "3,5", English "12,500" / "3.5", thin-space thousands.
NUMBER = r"(?<![\w.,])(?:\d{1,3}(?:[.,\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\d])"

# Units that make any number a figure: percent, money, physical units, magnitudes.
STRONG_UNITS = (
    r"%",
    r"‰",
    r"Prozent(?:punkte[n]?)?",
    r"percent(?:age points?)?",
    r"per\s?cent",
    r"€",
    r"Euro",
    r"EUR",
    r"Cent",
    r"ct",
    r"\$",
    r"USD",
    r"Dollar",
    r"£",
    r"GBP",
    r"CHF",
    r"kWh",
    r"kWp",
    r"MWh",
    r"MWp",
    r"GWh",
    r"TWh",
    r"Wh",
    r"kW",
    r"MW",
    r"GW",
    r"W",
    r"Watt",
    r"kV",
    r"V",
    r"Volt",
    r"kg",
    r"g",
    r"mg",
    r"µg",
    r"mcg",
    r"Milligramm",
    r"Mikrogramm",
    r"milligrams?",
    r"micrograms?",
    r"ml",
    r"t",
    r"Tonnen",
    r"tons?",
    r"tonnes?",
    r"km",
    r"m²",
    r"m³",
    r"m",
    r"Meter[n]?",
    r"metres?",
    r"meters?",
    r"Kilometer[n]?",
    r"kilometres?",
    r"kilometers?",
    r"Zentimeter[n]?",
    r"centimetres?",
    r"qm",
    r"Quadratmeter[n]?",
    r"square (?:metres|meters|feet)",
    r"cm",
    r"mm",
    r"l",
    r"Liter[n]?",
    r"litres?",
    r"liters?",
    r"gallons?",
    r"inch(?:es)?",
    r"feet",
    r"ft",
    r"miles?",
    r"lbs?",
    r"pounds?",
    r"°C",
    r"°F",
    r"Grad",
    r"ha",
    r"Hektar",
    r"km/h",
    r"g/km",
    r"Hektoliter[n]?",
    r"hl",
    r"ppm",
    r"Gigawatt(?:stunden)?",
    r"Megawatt(?:stunden)?",
    r"Kilowatt(?:stunden)?",
    r"pence",
    r"kWh/m²",
    r"Mio\.?",
    r"Millionen?",
    r"Mrd\.?",
    r"Milliarden?",
    r"million",
    r"billion",
    r"bn",
    r"Tausend",
    r"thousand",
)
# Count nouns and durations: figures too, but a year-like number before them is a date.
COUNT_UNITS = (
    r"Jahre[n]?",
    r"Jahr",
    r"years?",
    r"Monate[n]?",
    r"Monat",
    r"months?",
    r"Wochen",
    r"weeks?",
    r"Tage[n]?",
    r"days?",
    r"Stunden",
    r"Std\.",
    r"h",
    r"hours?",
    r"Minuten",
    r"minutes?",
    r"households?",
    r"installations?",
    r"systems?",
    r"customers?",
    r"clients?",
    r"employees?",
    r"staff",
    r"companies",
    r"businesses",
    r"people",
    r"respondents?",
    r"participants?",
    r"buildings?",
    r"homes?",
    r"houses?",
    r"projects?",
    r"modules?",
    r"panels?",
    r"heat pumps?",
    r"vehicles?",
    r"cases?",
    r"units?",
    r"times",
    r"Menschen",
    r"Personen",
    r"Unternehmen",
    r"Stück",
    r"mal",
    r"Fälle[n]?",
    r"Kinder[n]?",
    r"children",
    r"Patient(?:en|innen)",
    r"patients?",
    r"Mitglieder[n]?",
    r"members?",
    r"Gäste[n]?",
    r"guests?",
    r"Besucher(?:innen|n)?",
    r"visitors?",
    r"trials?",
    r"Studien",
    r"installers?",
    r"engineers?",
    r"technicians?",
    r"Monteure[n]?",
    r"Techniker(?:innen|n)?",
    r"Handwerker(?:innen|n)?",
    r"Fachkräfte[n]?",
    r"Mitarbeitende[n]?",
    # German nouns, also as the end of a compound ("Solaranlagen", "Privathaushalte").
    rf"(?:[{UPPER}][{LOWER}]*?)?(?i:anlagen|haushalte[n]?|kunden|kundinnen|mitarbeiter(?:innen|n)?|"
    r"beschäftigte[n]?|betriebe[n]?|befragte[n]?|teilnehmer(?:innen|n)?|gebäude[n]?|"
    r"wohnungen|häuser[n]?|projekte[n]?|module[n]?|pumpen|fahrzeuge[n]?|dächer[n]?|"
    r"heizungen|speicher[n]?|installationen|aufträge[n]?|einwohner(?:innen|n)?|fenster[n]?|türen)",
)
_UNIT_END = r"(?![\w²³])"
_SPACE = r"[\s\u00a0\u202f]"
STATISTIC_RE = re.compile(
    rf"(?:(?P<currency>€|EUR|\$|£|USD|CHF|GBP){_SPACE}?(?P<cnum>{NUMBER})"
    rf"(?:{_SPACE}?(?:Mio\.|Mrd\.|Millionen|Milliarden|million|billion|trillion|bn|[MBk]){_UNIT_END})?"
    rf"|(?P<num>{NUMBER})(?:{_SPACE}?(?P<strong>{'|'.join(STRONG_UNITS)}){_UNIT_END}"
    rf"|(?:{_SPACE}+[{LOWER}-]+)?{_SPACE}+(?P<count>{'|'.join(COUNT_UNITS)}){_UNIT_END}))"
)
YEAR_RE = re.compile(r"(?:1[89]|20|21)\d{2}")

# Spans removed before looking for figures: phone numbers, dates, times, section signs.
NOT_STATISTIC_RE = re.compile(
    r"(?:(?:Tel|Telefon|Fax|Phone|Mobil|Hotline|Fon|Call)\.?:?\s*)?(?:\+\d{1,3}(?:\s?\(0\))?|\(?0\d{1,5}\)?)"
    r"(?:[\s/-]*\d){5,}"
    # North American: 502.596.1040, (502) 596-1040 (and at the sentence's end: "call 502.596.1040.")
    r"|(?<![\d.,])\(?\d{3}\)?[.\s-]\d{3}[.-]\d{4}(?!\d|[.,]\d)"
    r"|(?<![\w.,])\d{1,3}[ -]?[Bb]it(?![\w/])"  # a bit width names a design: "64 bit versions", "128-Bit-Schlüssel"
    r"|\b\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"
    rf"|\b\d{{1,2}}\.?\s(?:{MONTH_NAMES})(?:\s\d{{4}})?"
    r"|\b\d{1,2}(?:[:.]\d{2})?\s?(?:bis|to|–|-)\s?\d{1,2}(?:[:.]\d{2})?\s?(?:Uhr|am|pm|a\.m\.|p\.m\.)"
    r"|\b\d{1,2}[:.]\d{2}\s?(?:Uhr|h|am|pm)\b|\b\d{1,2}\s?(?:Uhr|am|pm|o'clock)\b"
    r"|§+\s?\d+\w*"
)

# Which words name where a figure comes from: scoring.statistics_rules (source_in_words).
# An explicit source line next to a figure ("Quelle: Destatis 2024").
SOURCE_LINE_RE = re.compile(r"^\W*(?:Quellen?|Sources?|Datenquelle|Data source)\s*:", re.IGNORECASE)
# Offer prices are not statistics: "ab 4.990 €", "from £450", "kostet bei uns 89 Euro", "120 Euro zzgl. MwSt."
PRICE_BEFORE_RE = re.compile(
    r"(?:\bab|\bnur|\bstatt|\bfür nur|\bbei uns(?:\s+\w+)?|\bPreis\w*\s*:?|(?<!up )(?<!down )\bfrom|\bonly|\bjust|"
    r"\bstart(?:s|ing)?\s+(?:at|from)|\bprices?\s*:?|\bcharg(?:es|ed|ing)?)\s*$",
    re.IGNORECASE,
)
PRICE_AFTER_RE = re.compile(
    r"^\s*(?:inkl|zzgl|incl|excl|exkl|plus|\+)\.?\s*(?:MwSt|USt|VAT|Versand|shipping|tax|install)", re.IGNORECASE
)
CURRENCY_UNIT_RE = re.compile(r"^(?:€|Euro|EUR|Cent|ct|\$|USD|Dollar|£|GBP|CHF|pence)$")
# The first number of a range whose second number is a figure ("zwischen 180 und 300 Euro", "40 to 50 years").
RANGE_START_RE = re.compile(rf"(?<![\d)]\s)({NUMBER})(?:[\s\u00a0]+(?:bis|und|to|and)[\s\u00a0]+|[–-])[€$£]?$")
# A number with thousands separators or decimals is a figure even without a unit ("3,4", "250.000").
BARE_FIGURE_RE = re.compile(
    r"(?<![\w.,/-])(?:\d{1,3}(?:[.,\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+[.,]\d+)(?![\d\w]|[.,]\d)"
)
