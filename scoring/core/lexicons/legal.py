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
