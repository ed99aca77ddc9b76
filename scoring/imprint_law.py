"""Imprint law per country: the elements each law requires of an Impressum, read from its text.

The check `impressum` (scoring/checks/impressum.py) decides the provider's country
(scoring/imprint_country.py) and judges the Impressum under that country's law. The required
elements follow the laws' texts (docs/sources.md §7); where a law leaves room ("where it applies",
"if any"), the element is reported when present and never counted as missing:

- Germany, § 5 Abs. 1 DDG and § 18 MStV: name and legal form, postal address (five-digit
  postcode), representative, e-mail and a second fast channel (EuGH C-298/07), register and
  register number; the VAT id and the person responsible for journalistic-editorial content
  (§ 18 Abs. 2 MStV) are reported when present; "§ 5 TMG" is outdated since 14 May 2024.
- Austria, § 5 Abs. 1 ECG, § 25 MedienG, § 14 UGB: name and legal form, geographic address
  (four-digit postcode), e-mail and a second fast channel, Firmenbuch number and court for a
  business entered in the Firmenbuch; UID (ATU…), business purpose, chamber or supervisory
  authority and representative are reported when present.
- Switzerland, Art. 3 Abs. 1 lit. s Ziff. 1 UWG (and Art. 954a OR for the registered name): name
  with legal form, contact address (four-digit postcode) and e-mail; commercial register / UID
  (CHE-…), VAT number, phone and representative are reported when present.
- Austria or Switzerland, not told apart: the elements both laws require (the Swiss set).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scoring.core.lexicons import legal as lg
from scoring.core.messages import Message, define
from scoring.core.results import Evidence
from scoring.core.text import excerpt
from scoring.imprint_country import AT_OR_CH, CountryDecision, postcodes

# The register court as an English imprint labels it ("Commercial register court: Bezirksgericht
# Hollabrunn" in an Austrian firm's English translation of its Impressum). The German labels are
# lexicon knowledge (scoring.core.lexicons.legal.FIRMENBUCH_COURT_RE); this one belongs next to them.
ENGLISH_COURT_RE = re.compile(
    r"\b(?:(?:commercial|company|companies)[ \t]+register(?:[ \t]+court)?|register[ \t]+court"
    r"|court[ \t]+of[ \t]+registration)"
    r"[ \t]*:[ \t]*(?:Bezirks|Landes|Handels)gericht\b",
    re.IGNORECASE,
)

NAMESPACE = "impressum"

# The English source strings of the details rows, their notes and the country evidence; the check
# declares them with its own (Impressum.messages).
MESSAGES = {
    # details rows: the elements
    "element-page": "Impressum page",
    "element-linked": "linked from pages",
    "element-legal-form": "legal form",
    "element-address": "postal address (PLZ + city)",
    "element-representative": "representative",
    "element-email": "e-mail",
    "element-second-channel": "phone or second channel",
    "element-register": "register court + number",
    "element-vat-id": "USt-IdNr.",
    "element-legal-basis": "legal basis",
    "element-editor": "person responsible for the content",
    "element-firmenbuch": "Firmenbuch number (FN) + court",
    "element-ch-register": "commercial register or company number ({format})",
    "element-vat-at": "VAT number ({format})",
    "element-vat-ch": "VAT number ({format})",
    "element-business-purpose": "business purpose",
    "element-chamber": "chamber, trade or supervisory authority",
    # details rows: notes
    "sole-trader": "sole trader: no legal form required",
    "not-in-register": (
        "no commercial register entry or company number: an individual or unregistered sole trader needs none"
    ),
    "other-channel": "second channel other than phone",
    "not-registered": "not required: business not entered in a register",
    "court-missing": "register court missing",
    "number-missing": "register number missing",
    "when-present": "reported when present",
    "when-applicable": "required where it applies ({law}); reported when present",
    "outdated-tmg": "outdated: § 5 TMG was replaced by § 5 DDG on 14 May 2024",
    "outdated-editor": "outdated: {old} was replaced by {new} (2020)",
    "ddg": "§ 5 DDG",
    "optional": "optional",
    "basis-cited": "cites {cited}",
    "basis-foreign": "cites German law ({cited}); {law} applies here",
    "postcode-digits": "postcode {code} has {found} digits; postcodes in {country} have {digits}",
    # the law applied and why (explanation part, evidence notes)
    "country-de": "Germany",
    "country-at": "Austria",
    "country-ch": "Switzerland",
    "country-at-ch": "Austria or Switzerland",
    "law-applied": "law applied: {law} ({country})",
    "law-applied-common": "country not determined ({country}): judged by the elements both laws require ({law})",
    "why-address": "address in {country}",
    "why-postcode": "{digits}-digit postcode: {country}",
    "why-vat": "VAT or company number of {country}",
    "why-register": "register entry of {country}",
    "why-phone": "phone number with the country code of {country}",
    "why-domain": "country-code domain of {country}",
    "why-hreflang": "language versions for {country}",
    "why-default": "nothing in the Impressum or the site address points to Austria or Switzerland: German law applies",
}
define(NAMESPACE, MESSAGES)


def msg(key: str, **params: object) -> Message:
    if key not in MESSAGES:
        raise KeyError(f"imprint law has no message {key!r}")
    return Message(id=f"{NAMESPACE}.{key}", params=params)


# -- rows -------------------------------------------------------------------------------------


def line(text: str, match: re.Match[str] | _Span) -> str:
    """The line of the Impressum a match stands in, shortened to 120 characters."""
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    return excerpt(text[start : end if end >= 0 else len(text)], 120)


def legal_form(text: str, pattern: re.Pattern[str] = lg.LEGAL_FORM_RE) -> re.Match[str] | None:
    for match in pattern.finditer(text):
        before = text[max(0, match.start() - 20) : match.start()]
        if match.group(0) == "AG" and re.search(r"(?:gericht|Register)\s*:?\s*$", before, re.IGNORECASE):
            continue  # "Registergericht: AG München" is the Amtsgericht
        if match.group(0) == "OG" and re.search(r"\d\.?\s*$", before):
            continue  # "3. OG" is a floor
        return match
    return None


def postal_address(text: str) -> re.Match[str] | None:
    """A German postal address (five-digit PLZ and place; a prefixed A-/CH- postcode or a UK one)."""
    for match in lg.POSTAL_CODE_RE.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        if lg.POSTAL_CODE_CONTEXT_RE.search(before) or re.search(r"gericht|register", match.group(0), re.I):
            continue
        return match
    return None


@dataclass(frozen=True)
class _Span:
    """Where a postcode found by imprint_country stands: as much of a match as `line` reads."""

    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


def four_digit_address(text: str) -> _Span | None:
    """An Austrian or Swiss address: a four-digit postcode and its place (prefixed or not)."""
    found = next((p for p in postcodes(text) if len(p.code) == 4 and p.country in (None, "AT", "CH")), None)
    return _Span(found.start, found.end) if found else None


def row(
    key: str,
    match: Any,
    text: str,
    *,
    required: bool = True,
    note: Message | str = "",
    **label: object,
) -> dict[str, Any]:
    """A details row; `key` names its label ("legal-form" -> message "element-legal-form")."""
    return {
        "element": msg(f"element-{key}", **label),
        "found": match is not None,
        "required": required,
        "excerpt": line(text, match) if match else "",
        "note": note,
    }


def _postcode_note(text: str, digits: int, country: str) -> Message | str:
    """Why no address was found when a postcode of another format stands where the address is."""
    other = next((p for p in postcodes(text) if len(p.code) != digits), None)
    if other is None:
        return ""
    return msg("postcode-digits", code=other.code, found=len(other.code), country=country_name(country), digits=digits)


def _reported(key: str, match: Any, text: str, **label: object) -> dict[str, Any]:
    """A row the law does not require (or only where it applies): reported when present."""
    return row(key, match, text, required=False, note=msg("when-present"), **label)


def _contact_rows(text: str, *, second_required: bool) -> list[dict[str, Any]]:
    phone = lg.PHONE_RE.search(text)
    channel = phone or lg.SECOND_CHANNEL_RE.search(text)
    note: Message | str = "" if phone or not channel else msg("other-channel")
    if not second_required and not note:
        note = msg("when-present")
    return [
        row("email", lg.EMAIL_RE.search(text), text),
        row("second-channel", channel, text, required=second_required, note=note),
    ]


def _register_row(
    key: str, number: Any, court: Any, text: str, *, required: bool, **label: object
) -> dict[str, Any]:
    """Register court and number: both needed; the note says which one is missing."""
    register = number if number and court else None
    note: Message | str = ""
    if not required:
        note = msg("not-registered")
    elif register is None and (number or court):
        note = msg("court-missing") if number else msg("number-missing")
    result = row(key, register, text, required=required, note=note, **label)
    if register is None and (number or court):
        result["excerpt"] = line(text, number or court)
    elif register is number and court and line(text, court) != result["excerpt"]:
        result["excerpt"] = f"{line(text, court)} · {result['excerpt']}"
    return result


def _identity_rows(text: str, pattern: re.Pattern[str], sole_trader_re: re.Pattern[str]) -> tuple[list, str, bool]:
    form_match = legal_form(text, pattern)
    sole_trader = form_match is None and sole_trader_re.search(text) is not None
    form = " ".join(form_match.group(0).split()) if form_match else ""
    note = msg("sole-trader") if sole_trader else ""
    return [row("legal-form", form_match, text, required=not sole_trader, note=note)], form, sole_trader


def _basis_row(text: str, own: re.Pattern[str], law: str) -> dict[str, Any]:
    """The legal basis an Austrian or Swiss Impressum cites: optional; citing German law is noted."""
    cited = own.search(text)
    if cited:
        laws = ", ".join(dict.fromkeys(" ".join(m.group(0).split()) for m in own.finditer(text)))
        return row("legal-basis", cited, text, required=False, note=msg("basis-cited", cited=laws))
    german = lg.OUTDATED_LEGAL_BASIS_RE.search(text) or lg.CURRENT_LEGAL_BASIS_RE.search(text)
    if german:
        note = msg("basis-foreign", cited=german.group(0), law=law)
        result = row("legal-basis", None, text, required=False, note=note)
        result["excerpt"] = line(text, german)
        return result
    return row("legal-basis", None, text, required=False, note=msg("optional"))


# -- Germany: § 5 DDG, § 18 MStV ------------------------------------------------------------


def german_elements(text: str) -> list[dict[str, Any]]:
    """§ 5 Abs. 1 DDG: one row per element (pure, for the details table)."""
    rows, form, sole_trader = _identity_rows(text, lg.LEGAL_FORM_RE, lg.SOLE_TRADER_RE)
    register_required = not sole_trader and form not in lg.UNREGISTERED_FORMS
    address = postal_address(text)
    rows.append(row("address", address, text, note="" if address else _postcode_note(text, 5, "DE")))
    rows.append(row("representative", lg.REPRESENTATIVE_RE.search(text), text))
    rows += _contact_rows(text, second_required=True)
    number = lg.REGISTER_NUMBER_RE.search(text)
    court = lg.REGISTER_COURT_RE.search(text)
    uk_number = lg.UK_COMPANY_NUMBER_RE.search(text)
    rows.append(_register_row("register", uk_number or number, uk_number or court, text, required=register_required))
    rows.append(row("vat-id", lg.VAT_ID_RE.search(text), text, required=False, note=msg("when-present")))
    editor = lg.EDITOR_RE.search(text)
    outdated_editor = lg.OUTDATED_EDITOR_BASIS_RE.search(text)
    editor_note = (
        msg("outdated-editor", old="§ 55 Abs. 2 RStV", new="§ 18 Abs. 2 MStV")
        if outdated_editor
        else msg("when-applicable", law="§ 18 Abs. 2 MStV")
    )
    rows.append(row("editor", editor, text, required=False, note=editor_note))
    outdated = lg.OUTDATED_LEGAL_BASIS_RE.search(text)
    current = lg.CURRENT_LEGAL_BASIS_RE.search(text)
    if outdated:
        rows.append(row("legal-basis", outdated, text, note=msg("outdated-tmg")))
    else:
        rows.append(row("legal-basis", current, text, required=False, note=msg("ddg") if current else msg("optional")))
    return rows


# -- Austria: § 5 ECG, § 25 MedienG, § 14 UGB -------------------------------------------------


def austrian_elements(text: str) -> list[dict[str, Any]]:
    rows, form, sole_trader = _identity_rows(text, lg.AT_LEGAL_FORM_RE, lg.DACH_SOLE_TRADER_RE)
    address = four_digit_address(text)
    rows.append(row("address", address, text, note="" if address else _postcode_note(text, 4, "AT")))
    rows.append(_reported("representative", lg.REPRESENTATIVE_RE.search(text), text))
    rows += _contact_rows(text, second_required=True)
    registered = not sole_trader and form not in lg.AT_UNREGISTERED_FORMS
    number = lg.FIRMENBUCH_NUMBER_RE.search(text)
    court = lg.FIRMENBUCH_COURT_RE.search(text) or ENGLISH_COURT_RE.search(text)
    rows.append(_register_row("firmenbuch", number, court, text, required=registered))
    vat = lg.AT_VAT_ID_RE.search(text)
    rows.append(row("vat-at", vat, text, required=False, note=msg("when-present"), format="ATU…"))
    purpose = lg.BUSINESS_PURPOSE_RE.search(text)
    rows.append(row("business-purpose", purpose, text, required=False, note=msg("when-applicable", law="§ 25 MedienG")))
    chamber = lg.CHAMBER_RE.search(text)
    rows.append(row("chamber", chamber, text, required=False, note=msg("when-applicable", law="§ 5 Abs. 1 Z 5–6 ECG")))
    rows.append(_basis_row(text, lg.AT_LEGAL_BASIS_RE, LAWS["AT"].citation))
    return rows


# -- Switzerland: Art. 3 Abs. 1 lit. s UWG ------------------------------------------------------


def _swiss_rows(text: str, forms: re.Pattern[str], country: str) -> list[dict[str, Any]]:
    rows, _, _ = _identity_rows(text, forms, lg.DACH_SOLE_TRADER_RE)
    address = four_digit_address(text)
    rows.append(row("address", address, text, note="" if address else _postcode_note(text, 4, country)))
    rows.append(_reported("representative", lg.REPRESENTATIVE_RE.search(text), text))
    rows += _contact_rows(text, second_required=False)
    register = lg.CH_REGISTER_ENTRY_RE.search(text) or lg.CH_UID_RE.search(text)
    label = "CHE-…" if country == "CH" else "CHE-… / FN"
    if country != "CH":
        register = register or lg.FIRMENBUCH_NUMBER_RE.search(text)
    rows.append(row("ch-register", register, text, required=False, note=msg("when-present"), format=label))
    identity = rows[0]
    if country == "CH" and register is None and not identity["found"] and identity["required"]:
        # a firm name with its legal form is what the commercial register enters (Art. 954a OR); with
        # no register entry and no UID the provider is a natural person or an unregistered sole
        # proprietorship, whose name is the identity Art. 3 lit. s UWG asks for
        rows[0] = {**identity, "required": False, "note": msg("not-in-register")}
    vat = next((m for m in lg.CH_UID_RE.finditer(text) if m.group("vat")), None) or lg.CH_VAT_LABEL_RE.search(text)
    rows.append(row("vat-ch", vat, text, required=False, note=msg("when-present"), format="CHE-… MWST"))
    rows.append(_basis_row(text, lg.CH_LEGAL_BASIS_RE, LAWS[country].citation))
    return rows


def swiss_elements(text: str) -> list[dict[str, Any]]:
    return _swiss_rows(text, lg.CH_LEGAL_FORM_RE, "CH")


def common_elements(text: str) -> list[dict[str, Any]]:
    """Austria or Switzerland, not told apart: what both laws require (the Swiss elements)."""
    return _swiss_rows(text, lg.AT_CH_LEGAL_FORM_RE, AT_OR_CH)


# -- the laws -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Law:
    country: str  # "DE" | "AT" | "CH" | "AT/CH"
    citation: str  # the paragraphs, as the explanation names them
    elements: Callable[[str], list[dict[str, Any]]]


LAWS: dict[str, Law] = {
    "DE": Law("DE", "§ 5 DDG, § 18 MStV", german_elements),
    "AT": Law("AT", "§ 5 ECG, § 25 MedienG, § 14 UGB", austrian_elements),
    "CH": Law("CH", "Art. 3 Abs. 1 lit. s UWG", swiss_elements),
    AT_OR_CH: Law(AT_OR_CH, "§ 5 ECG, Art. 3 Abs. 1 lit. s UWG", common_elements),
}
COUNTRY_KEYS = {"DE": "country-de", "AT": "country-at", "CH": "country-ch", AT_OR_CH: "country-at-ch"}


def country_name(country: str) -> Message:
    return msg(COUNTRY_KEYS[country])


def law_applied(decision: CountryDecision) -> Message:
    """The explanation's part naming the law applied."""
    law = LAWS[decision.country]
    key = "law-applied-common" if decision.country == AT_OR_CH else "law-applied"
    return msg(key, law=law.citation, country=country_name(decision.country))


WHY = {
    "address": "why-address",
    "seat": "why-address",
    "vat": "why-vat",
    "register": "why-register",
    "phone": "why-phone",
    "domain": "why-domain",
    "hreflang": "why-hreflang",
}
ELEMENT = {"domain": "URL", "hreflang": "link[hreflang]"}
MAX_COUNTRY_EVIDENCE = 3


def country_evidence(decision: CountryDecision, impressum_url: str) -> list[Evidence]:
    """Why this country: its strongest pieces of evidence (or that nothing pointed elsewhere)."""
    if decision.by_default:
        return [Evidence(url=impressum_url, element="Impressum", note=msg("why-default"))]
    evidence = []
    for signal in decision.signals[:MAX_COUNTRY_EVIDENCE]:
        countries = signal.countries if len(signal.countries) == 1 else (AT_OR_CH,)
        if signal.kind == "postcode":
            note = msg("why-postcode", digits=len(signal.value), country=country_name(countries[0]))
        else:
            note = msg(WHY[signal.kind], country=country_name(countries[0]))
        evidence.append(
            Evidence(
                url=signal.url or impressum_url,
                element=ELEMENT.get(signal.kind, "Impressum"),
                excerpt=signal.excerpt or None,
                note=note,
            )
        )
    return evidence
