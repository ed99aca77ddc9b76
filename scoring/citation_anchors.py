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
