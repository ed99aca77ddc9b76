"""German and English word lists and patterns the expertise and evidence checks share.

One place to maintain them: speech verbs, source markers, names and credential titles, statistic
units, legal forms and Impressum elements, trust-page names, organisation types and authoritative
domains. Everything here is data plus a few small pure matchers; no I/O.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# -- names -----------------------------------------------------------------------------------

UPPER = "A-ZÄÖÜÀ-ÝŁŠŽČ"
LOWER = "a-zäöüßà-ÿłšžčğı"

# Credential and courtesy titles that may precede a name (DESIGN.md: Dr., Prof., Meister ...).
CREDENTIAL_TITLES = (
    r"Prof\.",
    r"Dr\.-Ing\.",
    r"Dr\.\s?(?:med|rer\.\s?nat|phil|jur|oec|h\.\s?c)\.",
    r"Dr\.",
    r"Dipl\.-[A-ZÄÖÜ][a-zäöü]+\.",
    r"Mag\.",
    r"Ing\.",
    r"M\.\s?Sc\.",
    r"B\.\s?Sc\.",
    r"M\.\s?A\.",
    r"B\.\s?A\.",
    r"MBA",
    r"Meister(?:in)?",
    r"Elektromeister(?:in)?",
    r"Handwerksmeister(?:in)?",
    r"Herr",
    r"Frau",
    r"Mr\.",
    r"Mrs\.",
    r"Ms\.",
    r"Sir",
)
TITLE = "(?:" + "|".join(CREDENTIAL_TITLES) + ")"

# Capitalised words that open sentences or noun phrases and are never the first word of a name.
NOT_NAME_START = (
    "Der|Die|Das|Den|Dem|Des|Ein|Eine|Einer|Eines|Einem|Unser|Unsere|Unserer|Unseren|Dieser|"
    "Diese|Dieses|Jeder|Jede|Jedes|Alle|Viele|Wir|Sie|Er|Es|Ich|Ihr|Man|Auch|Dann|Wie|Laut|Und|"
    "Aber|Oder|Denn|Doch|Nach|Mit|Für|Bei|Im|In|Am|Zum|Zur|Vom|Von|Wer|Was|Wenn|So|"
    "The|Our|A|An|This|That|These|Those|We|They|He|She|It|I|You|And|But|Or|As|In|At|On|"
    "According|For|With|When|What|Who|If"
)
# "Dr." and similar abbreviations are titles, never a word of the name itself ("Geschäftsführer Dr. Klaus Berger").
CAP_WORD = rf"(?!(?:Dr|Prof|Dipl|Ing|Mag|Med)\.)[{UPPER}][{LOWER}]+(?:['’-][{UPPER}]?[{LOWER}]+)*"
_PARTICLE = r"(?:von|van|de|der|den|zu|vom|di|da|del|le|la|ter|ten|mc)"
# A person's name: two to five capitalised words (particles allowed), or a title plus a surname. The
# bounds keep every pattern built on it linear: a run of capitalised words is never read to its end.
NAME = (
    rf"(?:(?:{TITLE}\s+){{1,3}}{CAP_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,3}}{CAP_WORD}){{0,4}}"
    rf"|(?!(?:{NOT_NAME_START})\b){CAP_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,3}}{CAP_WORD}){{1,4}})"
)
NAME_RE = re.compile(NAME)
_TITLE_RE = re.compile(rf"{TITLE}$")

# Job and role nouns that precede a name in German ("Energieberaterin Jana Albrecht") and look
# like part of it; matched as word endings, so compounds ("Projektleiterin") are covered.
ROLE_NOUN_ENDINGS = (
    "berater",
    "beraterin",
    "führer",
    "führerin",
    "leiter",
    "leiterin",
    "inhaber",
    "inhaberin",
    "ingenieur",
    "ingenieurin",
    "experte",
    "expertin",
    "techniker",
    "technikerin",
    "monteur",
    "monteurin",
    "installateur",
    "installateurin",
    "gründer",
    "gründerin",
    "chef",
    "chefin",
    "sprecher",
    "sprecherin",
    "kunde",
    "kundin",
    "mitarbeiter",
    "mitarbeiterin",
    "direktor",
    "direktorin",
    "professorin",
    "architekt",
    "architektin",
    "planer",
    "planerin",
    "manager",
    "managerin",
    "vorsitzender",
    "vorsitzende",
    "referent",
    "referentin",
    "consultant",
    "engineer",
    "director",
    "founder",
    "owner",
    "expert",
    "analyst",
    "spokesperson",
    "homeowner",
    "customer",
    "arzt",
    "ärztin",
    "meister",
    "meisterin",
    "beraterin",
    "engineer",
    "baker",
    "partner",
    "partnerin",
)
# A capitalised role word that may stand between a speech verb and the name ("sagt Geschäftsführer Dr. ...").
ROLE_WORD = rf"[{UPPER}][{LOWER}]*(?:{'|'.join(ROLE_NOUN_ENDINGS)})"


def clean_name(name: str) -> str:
    """A matched name without leading role nouns; credential titles (Dr., Meister) stay."""
    parts = name.split()
    while len(parts) > 2 and not _TITLE_RE.match(parts[0]) and parts[0].lower().endswith(ROLE_NOUN_ENDINGS):
        parts.pop(0)
    return " ".join(parts)


# -- quotations ------------------------------------------------------------------------------

# Opening and closing marks, German first: German „…“ ends with the English opening mark “, so
# German pairs are matched (and masked) before English ones.
QUOTE_PAIRS = (
    ("„", "“”"),  # German double, closing “ (or a stray ”)
    ("‚", "‘’"),  # German single
    ("»", "«"),  # German guillemets
    ("«", "»"),  # French/Swiss guillemets
    ("“", "”"),  # English double
    ('"', '"'),  # straight double
)
OPENING_MARKS = "".join(opening for opening, _ in QUOTE_PAIRS)

# Verbs introducing or following a quotation, German and English (3rd person, present and past).
SPEECH_VERBS = (
    "sagt",
    "sagte",
    "erklärt",
    "erklärte",
    "betont",
    "betonte",
    "meint",
    "meinte",
    "ergänzt",
    "ergänzte",
    "rät",
    "riet",
    "warnt",
    "warnte",
    "berichtet",
    "berichtete",
    "erzählt",
    "erzählte",
    "unterstreicht",
    "unterstrich",
    "fasst zusammen",
    "fasste zusammen",
    "weiß",
    "findet",
    "fand",
    "resümiert",
    "resümierte",
    "beschreibt",
    "beschrieb",
    "empfiehlt",
    "empfahl",
    "erinnert sich",
    "laut",
    "zufolge",
    "says",
    "said",
    "explains",
    "explained",
    "notes",
    "noted",
    "adds",
    "added",
    "states",
    "stated",
    "told",
    "tells",
    "warns",
    "warned",
    "recalls",
    "recalled",
    "argues",
    "argued",
    "points out",
    "pointed out",
    "emphasises",
    "emphasizes",
    "emphasised",
    "emphasized",
    "stresses",
    "stressed",
    "recommends",
    "recommended",
    "according to",
    "writes",
    "wrote",
    "advises",
    "advised",
    "suggests",
    "suggested",
    "concludes",
    "concluded",
    "admits",
    "admitted",
    "fordert",
    "forderte",
    "mahnt",
    "mahnte",
    "gibt zu bedenken",
)
SPEECH_VERB = "(?:" + "|".join(re.escape(v) for v in sorted(SPEECH_VERBS, key=len, reverse=True)) + ")"
# "…“, so Jana Albrecht." : "so" attributes only right after a quotation.
AFTER_QUOTE_ONLY_VERBS = ("so",)

# -- statistics ------------------------------------------------------------------------------

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

MONTH_NAMES = (
    "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    "January|February|March|May|June|July|October|December"
)
# Spans removed before looking for figures: phone numbers, dates, times, section signs.
NOT_STATISTIC_RE = re.compile(
    r"(?:(?:Tel|Telefon|Fax|Phone|Mobil|Hotline|Fon|Call)\.?:?\s*)?(?:\+\d{1,3}(?:\s?\(0\))?|\(?0\d{1,5}\)?)"
    r"(?:[\s/-]*\d){5,}"
    r"|\b\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"
    rf"|\b\d{{1,2}}\.?\s(?:{MONTH_NAMES})(?:\s\d{{4}})?"
    r"|\b\d{1,2}[:.]\d{2}\s?(?:Uhr|h|am|pm)\b"
    r"|§+\s?\d+\w*"
)

# Which words name where a figure comes from: scoring.statistics_rules (source_in_words).
# An explicit source line next to a figure ("Quelle: Destatis 2024").
SOURCE_LINE_RE = re.compile(r"^\W*(?:Quellen?|Sources?|Datenquelle|Data source)\s*:", re.IGNORECASE)
# Offer prices are not statistics: "ab 4.990 €", "from £450", "kostet bei uns 89 Euro", "120 Euro zzgl. MwSt."
PRICE_BEFORE_RE = re.compile(
    r"(?:\bab|\bnur|\bstatt|\bfür nur|\bbei uns(?:\s+\w+)?|\bPreis\w*\s*:?|(?<!up )(?<!down )\bfrom|\bonly|\bjust|"
    r"\bstart(?:s|ing)?\s+(?:at|from)|\bprices?\s*:?)\s*$",
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

# -- Impressum -------------------------------------------------------------------------------

IMPRESSUM_ANCHOR_RE = re.compile(r"\b(?:impressum|imprint|legal[\s-]notice|anbieterkennzeichnung)\b", re.IGNORECASE)
# A whole path segment ("/impressum/", "/de/impressum.html", "/impressum-datenschutz") or a query
# value ("?page=impressum"); "/blog/impressumspflicht-fuer-handwerker" is an article, not the page.
IMPRESSUM_URL_RE = re.compile(
    r"(?:^|/|=)(?:impressum|imprint|legal[-_]?notice|anbieterkennzeichnung)"
    r"(?:[-_](?:und[-_])?(?:datenschutz|privacy|de|en|at|ch))?(?:\.\w{2,5})?(?:$|[/?&#])",
    re.IGNORECASE,
)

# Legal forms, longest first; "AG" right after a court word is "Amtsgericht", not a company.
LEGAL_FORMS = (
    r"GmbH\s?&\s?Co\.?\s?KGaA",
    r"GmbH\s?&\s?Co\.?\s?KG",
    r"AG\s?&\s?Co\.?\s?KG",
    r"UG\s?\(haftungsbeschränkt\)\s?&\s?Co\.?\s?KG",
    r"UG\s?\(haftungsbeschränkt\)",
    r"gGmbH",
    r"GmbH",
    r"mbH",
    r"KGaA",
    r"AG",
    r"UG",
    r"KG",
    r"OHG",
    r"GbR",
    r"PartG\s?mbB",
    r"PartG",
    r"e\.\s?K\.",
    r"e\.\s?Kfm\.",
    r"e\.\s?Kfr\.",
    r"e\.\s?V\.",
    r"eG",
    r"SE",
    r"Ltd\.?",
    r"Limited",
    r"Inc\.?",
    r"LLC",
    r"LLP",
    r"Corp\.?",
    r"Gesellschaft mit beschränkter Haftung",
    r"Aktiengesellschaft",
    r"Kommanditgesellschaft",
    r"offene Handelsgesellschaft",
    r"eingetragener Verein",
    r"eingetragene[rn]? (?:Kaufmann|Kauffrau)",
)
LEGAL_FORM_RE = re.compile(r"(?<![\w-])(?:" + "|".join(LEGAL_FORMS) + r")(?![\w-])")
# Legal forms of businesses that are not entered in a public register.
UNREGISTERED_FORMS = ("GbR",)
SOLE_TRADER_RE = re.compile(
    r"\bEinzelunternehm|\bInhaber(?:in)?\b|\bsole (?:proprietor|trader)\b|\bowner\b", re.IGNORECASE
)
_HSPACE = r"[ \t\u00a0]"
POSTAL_CODE_RE = re.compile(
    rf"(?<![\d.,/-])(?:\b(?:D|DE)-)?\b\d{{5}}{_HSPACE}+[{UPPER}][{LOWER}]+"
    rf"(?:(?:{_HSPACE}|-)(?:[{UPPER}][{LOWER}.]+|an der|am|im|in|ob der|\([{UPPER}][{LOWER}.]+\)))*"
    rf"|\b(?:A|AT|CH)-\d{{4}}{_HSPACE}+[{UPPER}][{LOWER}]+"
    r"|\b[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2}\b"  # UK postcode
)
POSTAL_CODE_CONTEXT_RE = re.compile(
    r"(?:HRB|HRA|VR|PR|GnR|GsR|Nr\.?|Steuer-?nummer|St\.?-?Nr\.?|Tel\.?|Telefon|Fax|USt[\w.-]*|\+\d+)\s*:?\s*$",
    re.IGNORECASE,
)
REPRESENTATIVE_RE = re.compile(
    r"\b(?:Geschäftsführer(?:in|innen)?|Geschäftsführung|Inhaber(?:in)?|Vorstand|Vorstände|"
    r"Vorstandsvorsitzende[r]?|vertreten durch|Vertretungsberechtigte[r]?|vertretungsberechtigt|"
    r"Gesellschafter(?:in|innen)?|persönlich haftende[r]? Gesellschafter|Vorsitzende[r]?|"
    r"managing directors?|represented by|directors?|CEO|owner|Prokurist(?:in)?)\b",
    re.IGNORECASE,
)
EMAIL_RE = re.compile(
    r"(?<![\w.+-])(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[\w.+-]+\s?[\[(]\s?(?:at|ät|@)\s?[\])]\s?[\w-]+(?:\s?(?:[\[(]\s?(?:dot|punkt)\s?[\])]|\.)\s?[\w-]+)+)",
    re.IGNORECASE,
)
PHONE_RE = re.compile(
    r"(?:\b(?:Tel(?:efon)?|Phone|Fon|Mobil|Telefonnummer|Tel\.-Nr|Hotline)\.?[ \t]*:?[ \t]*\+?[\d(][\d \t/().-]{5,}"
    r"|\+\d{2,3}[ \t(/-]*\d[\d \t/().-]{5,})",
    re.IGNORECASE,
)
SECOND_CHANNEL_RE = re.compile(r"\bKontaktformular|\bcontact form|\bFax\b|\bTelefax", re.IGNORECASE)
REGISTER_NUMBER_RE = re.compile(r"\b(?:HRB|HRA|VR|PR|GnR|GsR|GenR)\s?(?:Nr\.?\s?)?:?\s?\d+(?:\s?[A-Z]{1,2}\b)?")
REGISTER_COURT_RE = re.compile(
    r"\b(?:Amtsgericht|Registergericht|Handelsregister|Vereinsregister|Partnerschaftsregister|"
    r"Genossenschaftsregister|Register court|Commercial register|Court of registration|"
    r"Companies House)\b|\b(?-i:AG\s+[A-ZÄÖÜ][a-zäöü]+)",
    re.IGNORECASE,
)
UK_COMPANY_NUMBER_RE = re.compile(r"\b(?:Company|Registration) (?:number|no\.?)\s*:?\s*\d{6,8}\b", re.IGNORECASE)
VAT_ID_RE = re.compile(r"\bDE\s?\d{3}\s?\d{3}\s?\d{3}\b")
OUTDATED_LEGAL_BASIS_RE = re.compile(r"§\s?5\s?(?:Abs\.\s?\d\s?)?TMG|\bTelemediengesetz(?:es)?\b")
CURRENT_LEGAL_BASIS_RE = re.compile(r"§\s?5\s?(?:Abs\.\s?\d\s?)?DDG|\bDigitale-Dienste-Gesetz(?:es)?\b")

# -- trust pages -----------------------------------------------------------------------------

# kind -> (anchor pattern matched against the whole normalised anchor or a part of it,
#          URL pattern matched against each path segment)
TRUST_PAGES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    # Anchors and the page's own (last) path segment as a whole: a blog category "Datenschutz-Tipps" or
    # a post "Kontaktlinsen im Test" is no privacy or contact page.
    "privacy": (
        re.compile(
            r"^(?:datenschutz(?:erklärung|erklaerung|hinweise|richtlinie|bestimmungen)?|privacy(?: policy| notice| "
            r"statement)?|data protection(?: policy| notice)?|dsgvo|gdpr)$"
        ),
        re.compile(
            r"^(?:datenschutz(?:erklaerung|erklärung|hinweise|richtlinie|bestimmungen)?|privacy(?:-policy|-notice|"
            r"-statement)?|data-?protection(?:-policy|-notice)?|dsgvo|gdpr|privacypolicy)(?:\.\w{2,5})?$"
        ),
    ),
    "contact": (
        re.compile(r"^(?:kontakt(?:formular| (?:und )?anfahrt| aufnehmen)?|contact(?: us| form)?|get in touch)$"),
        re.compile(r"^(?:kontakt(?:-\w+)*|contact(?:-\w+)*|get-in-touch)(?:\.\w{2,5})?$"),
    ),
    "about": (
        # Short anchors only: "about" or "Unternehmen" inside a longer anchor means something else.
        re.compile(
            r"^(?:(?:wir )?(?:über|ueber|uber) (?:uns|mich)|about(?: us| me)?|(?:unser |das |our |the |meet the )?team|"
            r"(?:das |unser )?unternehmen|company|our company|wir|who we are|wer wir sind|our story|"
            r"unsere geschichte|(?:die |unsere |our |the )?(?:autoren|autorinnen|authors|redaktion)|editorial team)$"
        ),
        re.compile(
            r"^(?:(?:wir-)?(?:ueber|uber|über)-?(?:uns|mich)|about(?:-us|-me)?|(?:unser-|das-|our-)?team|"
            r"(?:das-)?unternehmen|company|wir|wer-wir-sind|who-we-are|our-story|autoren|authors|redaktion)"
            r"(?:\.\w{2,5})?$"
        ),
    ),
}
TRUST_PAGES["terms"] = (  # English sites: terms of use / service (German sites: the Impressum check instead)
    re.compile(r"\b(?:terms(?: of (?:use|service|business))?|terms (?:and|&) conditions|t ?& ?cs?|agb)\b"),
    re.compile(r"^(?:terms(?:-\w+)*|tos|conditions|agb)(?:\.\w{2,5})?$"),
)
TRUST_PAGE_LABELS = {
    "privacy": "Privacy policy",
    "contact": "Contact page",
    "about": "About / team page",
    "terms": "Terms of use (English sites)",
}
ENGLISH_ONLY_TRUST_PAGES = ("terms",)

# -- structured data -------------------------------------------------------------------------

ORGANIZATION_TYPES = frozenset(
    (
        "organization",
        "corporation",
        "localbusiness",
        "onlinebusiness",
        "ngo",
        "professionalservice",
        "homeandconstructionbusiness",
        "electrician",
        "plumber",
        "roofingcontractor",
        "generalcontractor",
        "hvacbusiness",
        "housepainter",
        "locksmith",
        "movingcompany",
        "store",
        "autorepair",
        "autodealer",
        "dentist",
        "physician",
        "medicalclinic",
        "hospital",
        "pharmacy",
        "legalservice",
        "attorney",
        "notary",
        "accountingservice",
        "financialservice",
        "insuranceagency",
        "realestateagent",
        "travelagency",
        "lodgingbusiness",
        "hotel",
        "foodestablishment",
        "restaurant",
        "cafeorcoffeeshop",
        "bakery",
        "emergencyservice",
        "educationalorganization",
        "collegeoruniversity",
        "school",
        "governmentorganization",
        "medicalorganization",
        "researchorganization",
        "newsmediaorganization",
        "sportsorganization",
        "airline",
    )
)
ORGANIZATION_SUFFIXES = ("business", "organization", "organisation", "store", "contractor")

# -- authoritative domains -------------------------------------------------------------------

# Maintained list: public bodies, universities and research institutes, standards bodies,
# chambers, consumer advice, scholarly publishers. Entries are host suffixes; "*" stands for
# one label fragment ("uni-*.de" matches uni-koeln.de and www.phil.uni-koeln.de). Add entries
# here, with the kind of source in the comment, rather than in a check.
AUTHORITATIVE_DOMAINS = (
    # public bodies
    ".gov",
    ".gov.uk",
    ".gv.at",
    ".admin.ch",
    ".gouv.fr",
    ".bund.de",
    "bund.de",
    "bundesregierung.de",
    "bundestag.de",
    "bundesrat.de",
    "gesetze-im-internet.de",
    "bundesnetzagentur.de",
    "umweltbundesamt.de",
    "destatis.de",
    "bmwk.de",
    "bmwsb.de",
    "bmuv.de",
    "bmas.de",
    "bmbf.de",
    "bmf.de",
    "bafa.de",
    "kfw.de",
    "dena.de",
    "bsi.bund.de",
    "europa.eu",
    "who.int",
    "oecd.org",
    "un.org",
    "iea.org",
    "rki.de",
    "pei.de",
    "bfarm.de",
    "bzga.de",
    "dwd.de",
    "bfs.de",
    "bfr.bund.de",
    "bmg.bund.de",
    "bundesgesundheitsministerium.de",
    "arbeitsagentur.de",
    "deutsche-rentenversicherung.de",
    "nhs.uk",
    "ons.gov.uk",
    "cdc.gov",
    "nih.gov",
    "statistik-bw.de",
    "bayern.de",
    "nrw.de",
    "niedersachsen.de",
    "sachsen.de",
    "hessen.de",
    "thueringen.de",
    "brandenburg.de",
    "schleswig-holstein.de",
    "sachsen-anhalt.de",
    "rlp.de",
    "saarland.de",
    "baden-wuerttemberg.de",
    # universities and research
    ".edu",
    ".ac.uk",
    ".ac.at",
    "uni-*.de",
    "tu-*.de",
    "hs-*.de",
    "fh-*.de",
    "th-*.de",
    "tum.de",
    "lmu.de",
    "rwth-aachen.de",
    "kit.edu",
    "fu-berlin.de",
    "hu-berlin.de",
    "ethz.ch",
    "epfl.ch",
    "fraunhofer.de",
    "mpg.de",
    "helmholtz.de",
    "dlr.de",
    "leibniz-gemeinschaft.de",
    "ise.fraunhofer.de",
    "diw.de",
    "ifo.de",
    "zew.de",
    "iwkoeln.de",
    # standards bodies and technical rules
    "din.de",
    "iso.org",
    "iec.ch",
    "vde.com",
    "cen.eu",
    "cenelec.eu",
    "ietf.org",
    "w3.org",
    # chambers and associations with public tasks
    "ihk.de",
    "ihk-*.de",
    "dihk.de",
    "hwk-*.de",
    "handwerkskammer.de",
    "zdh.de",
    "verbraucherzentrale.de",
    "vzbv.de",
    "stiftung-warentest.de",
    "test.de",
    # scholarly
    "doi.org",
    "nature.com",
    "sciencedirect.com",
    "springer.com",
    "link.springer.com",
    "wiley.com",
    "arxiv.org",
    "pubmed.ncbi.nlm.nih.gov",
    "ncbi.nlm.nih.gov",
    "scholar.archive.org",
)
# References that show research but are not authorities themselves (counted as external only).
REFERENCE_DOMAINS = ("wikipedia.org", "wikidata.org")
# Share buttons and similar links that are not citations.
SHARE_LINK_RE = re.compile(
    r"/sharer|/share(?:Article|\?|$)|/intent/|wa\.me/|api\.whatsapp\.com|/pin/create|mailto:|tel:",
    re.IGNORECASE,
)


def _domain_pattern(entry: str) -> re.Pattern[str]:
    body = re.escape(entry.lstrip(".")).replace(r"\*", r"[a-z0-9-]+")
    return re.compile(rf"(?:^|\.){body}$")


_AUTHORITATIVE_PATTERNS = tuple((entry, _domain_pattern(entry)) for entry in AUTHORITATIVE_DOMAINS)


def host_of(url: str) -> str:
    """The lower-cased host of a URL without "www." (empty for relative or odd URLs)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def authoritative_entry(url: str) -> str | None:
    """The list entry that makes a URL's host authoritative, None when none does."""
    host = host_of(url)
    if not host:
        return None
    for entry, pattern in _AUTHORITATIVE_PATTERNS:
        if pattern.search(host):
            return entry
    return None


def is_reference_domain(url: str) -> bool:
    host = host_of(url)
    return any(host == d or host.endswith("." + d) for d in REFERENCE_DOMAINS)


# -- language --------------------------------------------------------------------------------

_GERMAN_WORDS = frozenset(
    ("und", "der", "die", "das", "ist", "nicht", "mit", "für", "auf", "sich", "von", "ein", "eine", "wir", "auch")
)
_ENGLISH_WORDS = frozenset(
    ("the", "and", "is", "are", "not", "with", "for", "on", "of", "a", "an", "we", "you", "also", "this", "that")
)


def guess_language(text: str) -> str | None:
    """ "de" or "en" from function-word counts, None when the text is too short to tell."""
    tokens = re.findall(rf"[{LOWER}{UPPER}]+", text.lower())
    german = sum(t in _GERMAN_WORDS for t in tokens)
    english = sum(t in _ENGLISH_WORDS for t in tokens)
    if german + english < 5:
        return None
    return "de" if german > english else "en"


# -- expert credentials (author and team pages) ------------------------------------------------

# What makes a profile page show expertise: academic and trade titles, certifications, sworn experts,
# professional chambers and years of experience, German and English.
CREDENTIAL_RE = re.compile(
    r"\bProf\.|\bDr\.|\bDipl\.-\w+\.?|\bIng\.|\bM\.\s?(?:Sc|A|Eng)\.|\bB\.\s?(?:Sc|A|Eng)\.|\bMBA\b|\bPhD\b|"
    r"\b\w*[Mm]eister(?:in)?\b|\bzertifiziert\w*|\bSachverständige[rn]?\b|\bgeprüfte[rn]?\b|\bstaatlich\b|"
    r"\bvereidigt\w*|\bFachanwält\w*|\bSteuerberater\w*|\bApprobation\b|\bcertified\b|\bchartered\b|"
    r"\blicen[cs]ed\b|\bqualified\b|\baccredited\b|\bregistered\b|\bMCS\b|\bRICS\b|"
    r"\b\d{1,2}\s?(?:\+\s?)?(?:Jahre[n]?|years?)\s+(?:\w+\s+){0,2}(?:Erfahrung|Berufserfahrung|experience)\b|"
    r"\bseit\s+(?:über\s+)?\d{1,2}\s+Jahren\b|\bseit\s+(?:19|20)\d{2}\b|\bsince\s+(?:19|20)\d{2}\b",
)
# Team/author words that are not a person ("Redaktion", "Team Solar Nord", "admin").
NOT_A_PERSON_RE = re.compile(r"^(?:redaktion|team|admin|administrator|editor|editorial|staff|gast|guest)\b", re.I)


# -- people and organisations in an author slot (bylines) ---------------------------------------

ORGANISATION_WORD_RE = re.compile(
    r"\b(?:gmbh|ag|e\.\s?v\.|ev|ltd|inc|llc|ug|kg|gbr|ohg|se|plc|co\.|corp|verlag|media|network|agentur|agency|"
    r"stiftung|foundation|verein|initiative|studio|company|solutions|software|labs?)\b\.?",
    re.IGNORECASE,
)
EDITORIAL_RE = re.compile(r"^(?:die\s+|the\s+)?(?:redaktion|redaktionsteam|editorial\s+team|editors|newsroom)\b", re.I)
NOT_A_NAME = {
    "admin", "administrator", "gast", "guest", "anonymous", "anonym", "unknown", "redaktion", "team", "author",
    "autor", "autorin", "name", "required", "webmaster", "editor", "user", "home", "blog", "news",
}


def letters_key(text: str) -> str:
    """Letters and digits only, case folded: "Müller-Lüdenscheidt GmbH" == "müllerlüdenscheidtgmbh"."""
    return re.sub(r"[\W_]+", "", text.casefold())


def is_person_name(name: str, site_names: set[str] = frozenset()) -> bool:
    """A person's (or a labelled editorial team's) name, not an organisation, a label or a sentence."""
    words = name.split()
    if not 1 <= len(words) <= 5 or len(name) > 60 or re.search(r"\d|[@:!?]", name):
        return False
    if EDITORIAL_RE.match(name) and len(words) <= 3:
        return True
    if not name[0].isupper() or name.casefold() in NOT_A_NAME or words[0].casefold() in NOT_A_NAME:
        return False
    if ORGANISATION_WORD_RE.search(name) or LEGAL_FORM_RE.search(name):
        return False
    if len(words) >= 2 and name.isupper():  # "ESPORTS NETWORK": a brand set in capitals
        return False
    key = letters_key(name)
    if key in site_names or any(len(s) >= 4 and s in key for s in site_names):  # "Seatsurfing Team"
        return False
    return all(w[0].isupper() or w.lower() in ("von", "van", "de", "der", "zu", "vom", "di", "da", "le") for w in words)


# Words that label a date as the page's own ("Stand: März 2025", "Veröffentlicht am", "Last updated").
PUBLICATION_CUE_RE = re.compile(
    r"veröffentlicht|publiziert|erschienen|aktualisiert|\bstand\b|zuletzt|published|posted|updated|"
    r"last (?:modified|reviewed)|effective|as of",
    re.IGNORECASE,
)
