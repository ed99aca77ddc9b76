"""The Impressum (legal notice) and its elements: anchors and URLs, legal forms, address, representative,
contact channels, register entries, VAT id and the legal basis it cites."""

from __future__ import annotations

import re

from scoring.core.lexicons.people import LOWER, UPPER

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
# five digits and the place: a German postcode (also the first part of POSTAL_CODE_RE)
_DE_POSTCODE = (
    rf"(?<![\d.,/-])(?:\b(?:D|DE)-)?\b\d{{5}}{_HSPACE}+[{UPPER}][{LOWER}]+"
    rf"(?:(?:{_HSPACE}|-)(?:[{UPPER}][{LOWER}.]+|an der|am|im|in|ob der|\([{UPPER}][{LOWER}.]+\)))*"
)
POSTAL_CODE_RE = re.compile(
    _DE_POSTCODE
    + rf"|\b(?:A|AT|CH)-\d{{4}}{_HSPACE}+[{UPPER}][{LOWER}]+"
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

# -- imprint law per country (scoring/imprint_country.py decides, scoring/imprint_law.py judges) -----
# A place after a postcode: "Zürich", "St. Gallen", "Klagenfurt am Wörthersee", "Rapperswil SG".
_PLACE = (
    rf"[{UPPER}][{LOWER}.]+"
    rf"(?:(?:{_HSPACE}|[-/])(?:[{UPPER}][{LOWER}.]+|am|an der|im|bei|ob der|ob|sur|[A-Z]{{2}}\b))*"
)
DE_POSTCODE_RE = re.compile(_DE_POSTCODE)
# A postcode with its country prefix: "CH-8001 Zürich", "A-1010 Wien", "D-79098 Freiburg".
PREFIXED_POSTCODE_RE = re.compile(
    rf"(?<![\w-])(?P<prefix>D|DE|A|AT|CH)-{_HSPACE}?(?P<code>\d{{4,5}})(?!\d){_HSPACE}+{_PLACE}"
)
# Four digits and a place (Austria, Switzerland) where an address puts them: after a street and its
# house number ("Bahnhofstrasse 1, 8001 Zürich", "Hauptplatz 1/Top 4 8010 Graz"), after a comma
# ("Postfach, 8021 Zürich") or at the start of a line. A year ("© 2024 Muster AG") has none of these.
_HOUSE_NUMBER = rf"\d{{1,4}}[a-zA-Z]?(?:{_HSPACE}?[-/]{_HSPACE}?(?:Top{_HSPACE}?)?\d{{1,4}}[a-zA-Z]?){{0,4}}"
FOUR_DIGIT_POSTCODE_RE = re.compile(
    rf"(?:[{UPPER}{LOWER}]{{2}}\.?{_HSPACE}*{_HOUSE_NUMBER}(?:{_HSPACE}*[,;|·–—-])?\s+"
    rf"|[{UPPER}{LOWER}]{{2}}\.?,\s*|^{_HSPACE}*)"
    rf"(?P<code>[1-9]\d{{3}})(?![\d.,:/-]){_HSPACE}+(?P<place>{_PLACE})",
    re.MULTILINE,
)
# A postcode written after its place, right before the country ("Vienna, 1120 Austria").
_COUNTRY_NAMES = r"Deutschland|Germany|Österreich|Oesterreich|Austria|Schweiz|Switzerland|Suisse|Svizzera"
POSTCODE_BEFORE_COUNTRY_RE = re.compile(
    rf"(?<![\d.,/+-])\b(?P<code>\d{{4,5}}){_HSPACE}*,?{_HSPACE}*(?P<country>{_COUNTRY_NAMES})(?![\w-])"
)
# A year that only looks like a postcode: "Copyright 2009 - 2024 Muster GmbH", "seit 1998 – 2010 Gründung".
YEAR_CONTEXT_RE = re.compile(r"©|\(c\)|\bcopyright\b|\bseit\b|\bsince\b|\bstand\b|\bjahr|\byear", re.IGNORECASE)
# Numbers that only look like a postcode: phone and fax numbers, register and account numbers.
POSTCODE_NUMBER_LABEL_RE = re.compile(
    r"(?:Tel|Telefon|Phone|Fon|Fax|Mobil|Nr|HRB|HRA|FN|UID|IBAN|Konto|\+\d{1,4})\.?:?$", re.IGNORECASE
)
COUNTRY_NAME_RES = {
    "DE": re.compile(r"(?<![\w-])(?:Deutschland|Germany|Allemagne|Germania|Bundesrepublik Deutschland)(?![\w-])"),
    "AT": re.compile(r"(?<![\w-])(?:Österreich|Oesterreich|Austria|Autriche)(?![\w-])"),
    "CH": re.compile(r"(?<![\w-])(?:Schweiz|Switzerland|Suisse|Svizzera|Svizra)(?![\w-])"),
}
SEAT_RE = re.compile(r"\b(?:Sitz|Firmensitz|Registered office|Headquarters)\b[^\n]{0,50}", re.IGNORECASE)
# VAT and company numbers: DE + 9 digits (USt-IdNr.), ATU + 8 digits (UID), CHE-123.456.789 (UID, with
# MWST/TVA/IVA the Swiss VAT number).
AT_VAT_ID_RE = re.compile(r"\bATU(?:[ \t]?\d){8}\b")
CH_UID_RE = re.compile(
    r"\bCHE[-‐ \t]?\d{3}[. \t]?\d{3}[. \t]?\d{3}\b(?:[ \t]*(?P<vat>MWST|TVA|IVA|VAT)\b)?"
)
CH_VAT_LABEL_RE = re.compile(r"\b(?:MWST|MwSt|Mehrwertsteuer|TVA|IVA)\b[^\n]{0,30}?CHE[-‐ \t]?\d{3}")
# Registers: Handelsregister B/A at an Amtsgericht (DE); Firmenbuch number "FN 123456a" at a
# Landes- or Handelsgericht (AT); the cantonal commercial register, its old firm number or zefix (CH).
DE_REGISTER_RE = re.compile(r"\bHR[AB](?:[ \t]?Nr\.?)?[ \t]?:?[ \t]?\d+|\bAmtsgericht\b")
FIRMENBUCH_NUMBER_RE = re.compile(
    r"\b(?:FN|Firmenbuch(?:-?nummer|-?Nr\.?)?|FB-?Nr\.?)(?:\s*:)?\s*(?:FN[ \t]?)?\d{1,6}[ \t]?[a-zA-Z]\b"
)
FIRMENBUCH_COURT_RE = re.compile(
    r"\b(?:Firmenbuchgericht|Handelsgericht|Landesgericht(?:[ \t]+für[ \t]+ZRS)?)\b(?:[ \t]+[A-ZÄÖÜ][a-zäöü]+)?"
    r"|\b(?:HG|LG)[ \t]+[A-ZÄÖÜ][a-zäöü]+"
)
AT_REGISTER_RE = re.compile(r"\bFirmenbuch|\bFN[ \t]?\d{1,6}[ \t]?[a-z]\b")
CH_REGISTER_RE = re.compile(
    r"\bHandelsregister(?:amt)?[ \t]+(?:des[ \t]+)?Kantons?\b|\bHandelsregisteramt\b"
    r"|\bKanton(?:s)?[ \t]+[A-ZÄÖÜ][a-zäöü]+"
    r"|\bCH-\d{3}\.\d\.\d{3}\.\d{3}-\d\b|\bzefix\b|\bRegistre du commerce\b|\bRegistro di commercio\b"
)
CH_REGISTER_ENTRY_RE = re.compile(
    r"\bHandelsregister|\bRegistre du commerce\b|\bRegistro di commercio\b|\bCommercial register\b|\bzefix\b",
    re.IGNORECASE,
)
PHONE_COUNTRY_CODE_RE = re.compile(r"(?:\+|\b00)[ \t]?(?P<code>49|43|41)(?=[ \t(/-]{0,3}\d)")
# Legal forms of Austria and Switzerland beyond the German ones (LEGAL_FORMS): "OG" after a digit is
# a floor ("3. OG"), not an Offene Gesellschaft.
AT_LEGAL_FORMS = (
    r"e\.\s?U\.",
    r"OG",
    r"FlexCo",
    r"FlexKapG",
    r"eGen",
    r"GesbR",
    r"GesnbR",
    r"Privatstiftung",
    r"Verein",
    r"Genossenschaft",
    r"Offene Gesellschaft",
    r"Flexible Kapitalgesellschaft",
    r"eingetragenes Unternehmen",
)
CH_LEGAL_FORMS = (
    r"S\.\s?à\s?r\.\s?l\.",
    r"Sàrl",
    r"Sagl",
    r"S\.A\.",
    r"SA",
    r"Genossenschaft",
    r"Kollektivgesellschaft",
    r"Stiftung",
    r"Verein",
    r"KlG",
    r"KmG",
)
AT_LEGAL_FORM_RE = re.compile(r"(?<![\w-])(?:" + "|".join(LEGAL_FORMS + AT_LEGAL_FORMS) + r")(?![\w-])")
CH_LEGAL_FORM_RE = re.compile(r"(?<![\w-])(?:" + "|".join(LEGAL_FORMS + CH_LEGAL_FORMS) + r")(?![\w-])")
AT_CH_LEGAL_FORM_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(LEGAL_FORMS + AT_LEGAL_FORMS + CH_LEGAL_FORMS) + r")(?![\w-])"
)
# Not entered in the Firmenbuch: no FN needed (a registered sole trader is an "e.U.").
AT_UNREGISTERED_FORMS = ("GesbR", "GesnbR", "Verein", "GbR")
DACH_SOLE_TRADER_RE = re.compile(
    r"\bEinzelunternehm|\bEinzelfirma\b|\bInhaber(?:in)?\b|\braison individuelle\b|\bsole (?:proprietor|trader)\b"
    r"|\bowner\b",
    re.IGNORECASE,
)
BUSINESS_PURPOSE_RE = re.compile(
    r"\b(?:Unternehmensgegenstand|Gegenstand des Unternehmens|Unternehmenszweck|Vereinszweck|Geschäftszweig|"
    r"Tätigkeitsbereich|business purpose)\b",
    re.IGNORECASE,
)
CHAMBER_RE = re.compile(
    r"kammer\b|\bWK[OÖ]\b|\bAufsichtsbehörde\b|\bGewerbebehörde\b|\bBehörde gem(?:äß|\.)\s?ECG\b|\bGewerbeordnung\b"
    r"|\bGewO\b|\bBerufsrecht|\bBerufsbezeichnung\b|\bsupervisory authority\b",
    re.IGNORECASE,
)
# § 18 Abs. 2 MStV: who answers for journalistic-editorial content ("V.i.S.d.P."); § 55 Abs. 2 RStV
# said the same until the Medienstaatsvertrag replaced it on 7 November 2020.
EDITOR_RE = re.compile(
    r"\bV\.?[ \t]?i\.?[ \t]?S\.?[ \t]?d\.?[ \t]?P\b\.?"
    r"|\bVerantwortlich(?:e[rn]?)?[ \t]+(?:für[ \t]+(?:den[ \t]+|die[ \t]+)?(?:redaktionellen[ \t]+)?Inhalt"
    r"|im[ \t]+Sinne|i\.[ \t]?S\.|nach[ \t]+§|gem(?:äß|\.)[ \t]*§)"
    r"|§[ \t]?18[ \t]?Abs\.[ \t]?2[ \t]?MStV|§[ \t]?55[ \t]?Abs\.[ \t]?2[ \t]?RStV",
    re.IGNORECASE,
)
OUTDATED_EDITOR_BASIS_RE = re.compile(r"§[ \t]?55[ \t]?(?:Abs\.[ \t]?2[ \t]?)?RStV|\bRundfunkstaatsvertrag")
AT_LEGAL_BASIS_RE = re.compile(
    r"§[ \t]?5[ \t]?(?:Abs\.[ \t]?\d[ \t]?)?ECG|\bE-Commerce-Gesetz(?:es)?\b"
    r"|§[ \t]?2[45][ \t]?(?:Abs\.[ \t]?\d[ \t]?)?MedienG"
    r"|\bMediengesetz(?:es)?\b|§[ \t]?14[ \t]?UGB"
)
CH_LEGAL_BASIS_RE = re.compile(
    r"Art\.[ \t]?3[ \t]?(?:Abs\.[ \t]?1[ \t]?)?(?:lit\.[ \t]?s[ \t]?)?UWG|\bUWG\b"
    r"|\bBundesgesetz gegen den unlauteren Wettbewerb\b"
)
