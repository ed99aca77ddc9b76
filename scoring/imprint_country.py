"""Which country's imprint law applies to an Impressum: Germany, Austria or Switzerland.

An Impressum names where its provider is established, and that decides the law (docs/sources.md §7).
The evidence, strongest first:

- the provider's address — the first address of the Impressum: a country prefix on its postcode
  ("CH-8001") or a country name right after it that fits the postcode's format settles the country;
  otherwise the format points to Germany (five digits) or to Austria or Switzerland (four digits);
- the numbers only one country issues: VAT and company numbers (DE + 9 digits, ATU + 8 digits,
  CHE-123.456.789), register entries (HRB at an Amtsgericht; FN 123456a in the Firmenbuch; the
  cantonal Handelsregister), the country code of a phone number;
- the site: its country-code domain (.de, .at, .ch) and the regions of its hreflang alternates.

Each piece weighs; the country with the most weight wins. A tie that includes Germany, or no
evidence at all, keeps German law (the check's rule before countries were told apart); a tie between
Austria and Switzerland alone is "AT/CH", judged by the elements both laws require.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from scoring.core.lexicons import legal as lg
from scoring.core.records import PageRecord

COUNTRIES = ("DE", "AT", "CH")
AT_OR_CH = "AT/CH"  # four-digit postcode and nothing else: Austria or Switzerland
PREFIX_COUNTRY = {"D": "DE", "DE": "DE", "A": "AT", "AT": "AT", "CH": "CH"}
POSTCODE_DIGITS = {"DE": 5, "AT": 4, "CH": 4, AT_OR_CH: 4}
DOMAIN_COUNTRY = {"de": "DE", "at": "AT", "ch": "CH"}

# How much each piece of evidence weighs (see the module docstring).
W_ADDRESS_COUNTRY = 6.0  # country name or prefix at the provider's address
W_SEAT = 4.0  # "Sitz: Zug, Schweiz"
W_POSTCODE = {5: 3.0, 4: 2.0}  # the provider's postcode format
W_VAT = {"DE": 2.0, "AT": 3.0, "CH": 3.0}  # a German VAT id is also seen on foreign sites selling there
W_REGISTER = 2.0
W_PHONE = 1.0
W_DOMAIN = 2.0
W_REGION = 1.0
NEAR_ADDRESS = 40  # characters after a postcode where a country name still belongs to the address


@dataclass(frozen=True)
class Signal:
    """One piece of evidence for the provider's country."""

    countries: tuple[str, ...]  # ("AT", "CH") for a four-digit postcode
    kind: str  # address | seat | postcode | vat | register | phone | domain | hreflang
    weight: float
    excerpt: str  # what was found: the address, the number, the host, the hreflang code
    url: str = ""  # where: the Impressum, the home page, the page declaring the alternate
    value: str = ""  # the postcode of a postcode signal


@dataclass(frozen=True)
class CountryDecision:
    country: str  # "DE" | "AT" | "CH" | "AT/CH"
    signals: tuple[Signal, ...]  # the evidence for it, strongest first (empty: German law by default)
    totals: tuple[tuple[str, float], ...]  # weight per country, for the record

    @property
    def by_default(self) -> bool:
        return not self.signals

    @property
    def postcode_digits(self) -> int:
        return POSTCODE_DIGITS[self.country]


# -- the provider's address -------------------------------------------------------------------


@dataclass(frozen=True)
class Postcode:
    code: str
    start: int
    end: int  # end of the place
    country: str | None  # from a prefix ("CH-8001") or the country name right after ("1120 Austria")


def _number_context(text: str, start: int) -> bool:
    """The digits at `start` continue a phone, fax, register or account number."""
    before = text[max(0, start - 30) : start].rstrip(" \t\u00a0\n/().,:-0123456789")
    return bool(lg.POSTCODE_NUMBER_LABEL_RE.search(before[-12:]))


def _is_year(text: str, start: int, code: str) -> bool:
    """A four-digit number after a copyright sign or "seit" is a year ("© 2009 - 2024 Muster GmbH")."""
    return 1900 <= int(code) <= 2099 and bool(lg.YEAR_CONTEXT_RE.search(text[max(0, start - 30) : start]))


def _is_postcode_line(text: str, match: re.Match[str]) -> bool:
    """A postcode at the start of a line is one when its place ends the line (or a comma follows)."""
    line_start = text.rfind("\n", 0, match.start("code")) + 1
    if text[line_start : match.start("code")].strip():
        return True  # after a street or a comma, not at the start of the line
    line_end = text.find("\n", match.end())
    rest = text[match.end() : line_end if line_end >= 0 else len(text)].strip()
    return not rest or rest[0] in ",(|·" or any(r.match(rest) for r in lg.COUNTRY_NAME_RES.values())


def postcodes(text: str) -> list[Postcode]:
    """Every postcode with its place, in text order: prefixed, five-digit (German) and four-digit."""
    found: dict[int, Postcode] = {}
    for match in lg.PREFIXED_POSTCODE_RE.finditer(text):
        country = PREFIX_COUNTRY[match.group("prefix")]
        if len(match.group("code")) == POSTCODE_DIGITS[country]:
            found[match.start("code")] = Postcode(match.group("code"), match.start("code"), match.end(), country)
    for match in lg.DE_POSTCODE_RE.finditer(text):
        digits = re.search(r"\d{5}", match.group(0))
        start = match.start() + (digits.start() if digits else 0)
        if digits and start not in found and not _number_context(text, match.start()):
            found[start] = Postcode(digits.group(0), start, match.end(), None)
    for match in lg.POSTCODE_BEFORE_COUNTRY_RE.finditer(text):
        country = next(c for c, r in lg.COUNTRY_NAME_RES.items() if r.fullmatch(match.group("country")))
        start = match.start("code")
        if len(match.group("code")) == POSTCODE_DIGITS[country] and not _number_context(text, start):
            found.setdefault(start, Postcode(match.group("code"), start, match.end(), country))
    for match in lg.FOUR_DIGIT_POSTCODE_RE.finditer(text):
        start = match.start("code")
        if start in found or _number_context(text, start) or _is_year(text, start, match.group("code")):
            continue
        if not _is_postcode_line(text, match):
            continue
        found[start] = Postcode(match.group("code"), start, match.end(), None)
    return [found[k] for k in sorted(found)]


def _line_excerpt(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return " ".join(line.split())[:160]


def _country_named(text: str) -> tuple[str, re.Match[str]] | None:
    """The country a text names first (Deutschland, Österreich, Schweiz …)."""
    hits = [(m.start(), c, m) for c, r in lg.COUNTRY_NAME_RES.items() if (m := r.search(text))]
    if not hits:
        return None
    _, country, match = min(hits, key=lambda h: h[0])
    return country, match


def _country_line(text: str, end: int) -> tuple[str, re.Match[str]] | None:
    """The line after the postcode's, when it holds nothing but a country name ("8001 Zürich\nSchweiz")."""
    line_end = text.find("\n", end)
    if line_end < 0:
        return None
    next_end = text.find("\n", line_end + 1)
    following = text[line_end + 1 : next_end if next_end >= 0 else len(text)].strip(" \t\u00a0.,")
    named = _country_named(following)
    return named if named and named[1].group(0) == following else None


def address_signals(text: str, url: str = "") -> list[Signal]:
    """The provider's address (the first one of the Impressum): its country, else its postcode format;
    and a seat named with its country ("Sitz: Zug, Schweiz")."""
    signals = []
    codes = postcodes(text)
    if codes:
        first = codes[0]
        excerpt = _line_excerpt(text, first.start, first.end)
        after = text[first.start : first.start + len(first.code) + NEAR_ADDRESS].split("\n")[0]
        named = _country_named(after)
        if named is None and (named := _country_line(text, first.end)):
            excerpt = f"{excerpt} {named[1].group(0)}"
        if named and POSTCODE_DIGITS[named[0]] != len(first.code):
            named = None  # "8001 Zürich Zweigniederlassung Deutschland": the name is not the address's
        if first.country:
            signals.append(Signal((first.country,), "address", W_ADDRESS_COUNTRY, excerpt, url))
        elif named:
            signals.append(Signal((named[0],), "address", W_ADDRESS_COUNTRY, excerpt, url))
        elif len(first.code) == 5:
            signals.append(Signal(("DE",), "postcode", W_POSTCODE[5], excerpt, url, first.code))
        else:
            signals.append(Signal(("AT", "CH"), "postcode", W_POSTCODE[4], excerpt, url, first.code))
    seat = lg.SEAT_RE.search(text)
    named = _country_named(seat.group(0)) if seat else None
    if seat and named:
        signals.append(Signal((named[0],), "seat", W_SEAT, " ".join(seat.group(0).split()), url))
    return signals


# -- numbers only one country issues ------------------------------------------------------------


def number_signals(text: str, url: str = "") -> list[Signal]:
    signals = []
    for country, pattern in (("DE", lg.VAT_ID_RE), ("AT", lg.AT_VAT_ID_RE), ("CH", lg.CH_UID_RE)):
        if match := pattern.search(text):
            signals.append(Signal((country,), "vat", W_VAT[country], match.group(0), url))
    for country, pattern in (("DE", lg.DE_REGISTER_RE), ("AT", lg.AT_REGISTER_RE), ("CH", lg.CH_REGISTER_RE)):
        if match := pattern.search(text):
            found = _line_excerpt(text, match.start(), match.end())
            signals.append(Signal((country,), "register", W_REGISTER, found, url))
    if match := lg.PHONE_COUNTRY_CODE_RE.search(text):
        country = {"49": "DE", "43": "AT", "41": "CH"}[match.group("code")]
        signals.append(Signal((country,), "phone", W_PHONE, _line_excerpt(text, match.start(), match.end()), url))
    return signals


def text_signals(text: str, url: str = "") -> list[Signal]:
    """Everything the Impressum text says about the provider's country."""
    return address_signals(text, url) + number_signals(text, url)


# -- the site ---------------------------------------------------------------------------------


def domain_signal(url: str) -> Signal | None:
    """The country-code top-level domain of the site (.de, .at, .ch; also co.at, gv.at …)."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    country = DOMAIN_COUNTRY.get(host.rsplit(".", 1)[-1].lower()) if "." in host else None
    return Signal((country,), "domain", W_DOMAIN, host, url) if country else None


def hreflang_signals(pages: Iterable[PageRecord]) -> list[Signal]:
    """One signal per country among the regions of the site's hreflang alternates ("de-CH" -> CH)."""
    seen: dict[str, Signal] = {}
    for page in pages:
        for alternate in page.hreflang:
            parts = re.split(r"[-_]", alternate.lang.strip())
            region = parts[-1].upper() if len(parts) >= 2 else ""
            if region in COUNTRIES and region not in seen:
                where = page.final_url or page.url
                seen[region] = Signal((region,), "hreflang", W_REGION, alternate.lang.strip(), where)
    return list(seen.values())


# -- the decision -----------------------------------------------------------------------------


def decide(signals: Iterable[Signal]) -> CountryDecision:
    """The country with the most weight; ties with Germany and no evidence at all stay German, a tie
    of Austria and Switzerland alone is "AT/CH"."""
    signals = list(signals)
    totals = {c: sum(s.weight for s in signals if c in s.countries) for c in COUNTRIES}
    best = max(totals.values())
    leaders = [c for c in COUNTRIES if totals[c] == best and best > 0]
    if not leaders or "DE" in leaders:
        country = "DE"
    elif len(leaders) == 1:
        country = leaders[0]
    else:
        country = AT_OR_CH
    wanted = {"AT", "CH"} if country == AT_OR_CH else {country}
    chosen = sorted((s for s in signals if wanted & set(s.countries)), key=lambda s: -s.weight)
    return CountryDecision(country, tuple(chosen), tuple(sorted(totals.items())))


def decide_country(
    text: str, *, url: str = "", site_url: str = "", pages: Iterable[PageRecord] = ()
) -> CountryDecision:
    """The provider's country from the Impressum text (at `url`), the site's domain (`site_url`) and
    the hreflang regions of its `pages`."""
    signals = text_signals(text, url)
    domain = domain_signal(site_url) if site_url else None
    if domain:
        signals.append(domain)
    signals += hreflang_signals(pages)
    return decide(signals)
