"""What a link's anchor asks the reader to do (used by scoring.citation_rules and the citations check): act
(buy, book, download, follow), fill in a form, or go to a person's or an organisation's page — not a source."""

from __future__ import annotations

import re

# A call to action: buy, book, register, download, install, follow, subscribe, donate, sign.
CTA_ANCHOR = re.compile(
    r"\b(?:jetzt|hier)\b.{0,40}\b(?:buchen|bestellen|kaufen|sichern|anmelden|registrieren|vereinbaren|"
    r"herunterladen|downloaden|installieren|abonnieren|spenden|unterschreiben|unterstützen|teilnehmen|"
    r"beraten|testen|starten|ausprobieren)|"
    r"^(?:zur|zum)\s+(?:anmeldung|bestellung|buchung|kasse|shop|umfrage|petition|registrierung|download)\b|"
    r"\b(?:buch|termin|tickets?|platz|gespräch|beratungs\w*|analyse\w*)\s+(?:bestellen|buchen|vereinbaren|"
    r"sichern|kaufen|eintragen)\b|"
    r"\b(?:bestellen|kaufen|buchen|abonnieren|spenden)\b\s*[!→»>]*\s*$|"
    r"^(?:book|buy|order|shop|get|download|install|subscribe|sign\s+up|register|donate|sponsor|schedule|set\s?up|"
    r"arrange|try|start|join|follow|pitch|propose|apply|submit|nominate|rsvp)\b.{0,50}\b(?:now|today|free|here|on|it|"
    r"us|our|demo|trial|consultation|call|meeting|appointment|copy|app|list|newsletter|updates|session|talk|"
    r"proposal|application)\b|"
    r"\b(?:get|download|available)\s+(?:it\s+)?on\b|\bon\s+(?:amazon|audible|spotify|itunes|apple|google play)\b|"
    r"\b(?:become a sponsor|support us|unterstütze uns|spende\w*|e-?mail list|mailing list)\b|[→»]\s*$|"
    r"\b(?:we(?:'re|’re| are)(?: currently)? hiring|join (?:our|the) team|open positions|wir stellen ein|"
    r"offene stellen)\b|"  # a job advert
    r"^(?:sign\s+up|subscribe|register|donate|anmelden|abonnieren|registrieren|eintragen)\W*$",
    re.IGNORECASE,
)
# A form to fill in: register, take part, apply, leave one's details. Never a source, whoever runs it (a
# university's survey: "Jetzt Kontaktdaten hinterlassen").
FORM_ANCHOR = re.compile(
    r"\b(?:jetzt|hier)\b.{0,40}\b(?:anmelden|registrieren|teilnehmen|mitmachen|hinterlassen|eintragen|bewerben)\b|"
    r"^(?:zur|zum)\s+(?:anmeldung|umfrage|registrierung|teilnahme|bewerbung)\b|"
    r"^(?:sign\s+up|register|apply|rsvp)\b",
    re.IGNORECASE,
)
# A button to a person's or an organisation's page ("Zur Personenseite", "Zum Profil", "Visit website"): where to
# go, not a source.
NAVIGATION_ANCHOR = re.compile(
    r"(?:zur|zum)\s+(?:personen|mitarbeiter|autoren|team|web|home|start)?(?:seite|profil|website|homepage)|"
    r"(?:visit|view|to|go to)\s+(?:the\s+|our\s+|their\s+|his\s+|her\s+)?(?:website|homepage|site|profile)|"
    r"(?:website|homepage|webseite|profil|profile)",
    re.IGNORECASE,
)


# An anchor that names a place to go, not what is there: a written-out address, "Projektwebseite", "website".
PLACE_WORD = re.compile(r"(?i:homepage|webseite|website|web[ \t]site)$")
# Signing up or registering for something, by the reader: "Die Anmeldung … erfolgt über", "register now at".
SIGN_UP = re.compile(
    r"(?<![\w-])(?i:anmeld\w*+|sign(?:ing)?[ \t]+up|register(?:ing)?[ \t]+(?:now|here|at|via|for|online)|"
    r"registration|abonnier\w*+|subscrib\w*+|bekunde\w*+[ \t]++(?:dein|ihr|euer)[ \t]++interesse|"
    r"interesse[ \t]++bekunden|register[ \t]++(?:your[ \t]++)?interest)"
)


# A calendar of dates: where and when to go ("Termin-Übersicht", "Veranstaltungskalender", "event calendar").
SCHEDULE_ANCHOR = re.compile(
    r"(?i:termin(?:e|[ -]?übersicht|kalender)|(?:veranstaltungs|event)?kalender|schedule|calendar|event[ \t]calendar)$"
)


# A press release's closing self-description: "About Platelet BioGenesis (www.example.com; twitter @example)".
_ABOUT_LINE = re.compile(r"(?:About|Über)[ \t]++[A-Z][\w&.-]*+(?:[ \t]++[A-Z][\w&.-]*+){0,3}[ \t]*+(?:\(|$)")


def boilerplate(lines: list[str], line: int) -> bool:
    """Line `line` of the main text opens, or follows, a press release's "About <Company>" paragraph."""
    return any(_ABOUT_LINE.match(lines[i]) for i in range(max(0, line - 2), line + 1))


# A company named with its legal form ("Europastadt GörlitzZgorcelec GmbH", "Acme Ltd."): the link says who acted,
# it backs no statement (a report or figure of the company is linked by its own words: "Bericht", "Studie").
_COMPANY_ANCHOR = re.compile(
    r"(?<![\w&.-])[A-ZÄÖÜ][\w&.-]*+(?:[ \t]++[A-ZÄÖÜ][\w&.-]*+){0,4}[ \t]++"
    r"(?:GmbH|gGmbH|mbH|AG|KG|SE|e\.[ \t]?V\.|Ltd\.?|Inc\.?|LLC|plc|S\.A\.|B\.V\.)"
)


def company_name(anchor: str) -> bool:
    return _COMPANY_ANCHOR.fullmatch(anchor) is not None


# An anchor that says the page is the site's own: "Find our members on <a>our website</a>" (not "<a>our CEO on
# WDRB</a>", a station's clip).
OWN_ANCHOR = re.compile(
    r"(?i:our|unsere?[mnrs]?)[ \t]++(?i:website|web[ \t]site|site|homepage|home[ \t]page|webseite|internetseite|"
    r"channel|kanal|blog|shop)(?![\w-])"
)
