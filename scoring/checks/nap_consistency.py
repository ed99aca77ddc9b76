"""nap-consistency: name, address and phone agree between Kontakt, Impressum and Organization schema."""

from __future__ import annotations

import re
from typing import Any

from scoring.checks.impressum import best_target, is_impressum_link, linked_targets
from scoring.checks.organization_schema import organization_candidates
from scoring.checks.person_schema import text_value
from scoring.checks.trust_pages import trust_link_matcher
from scoring.core import lexicons as lx
from scoring.core.messages import Message, listing
from scoring.core.results import Evidence
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData

COUNTRY_CODES = ("49", "43", "41", "44")  # DE, AT, CH, UK: "+49 761" is "0761"
ELEMENTS = ("name", "postcode", "phone")
SOURCE_LABELS = ("Impressum", "Kontakt", "Organization schema")
SOURCE_MESSAGES = {"Impressum": "source-impressum", "Kontakt": "source-kontakt", "Organization schema": "source-schema"}


def normalise_phone(raw: str) -> str | None:
    """Digits of a phone number in national form ("+49 (0)761 4567-89" -> "076145678 9")."""
    text = re.sub(r"\(0\)", "", raw)
    text = re.sub(r"^\D*", "", text) if not text.lstrip().startswith("+") else text
    digits = re.sub(r"\D", "", text)
    if "+" in text:
        for code in COUNTRY_CODES:
            if digits.startswith(code):
                digits = "0" + digits[len(code) :]
                break
    return digits if len(digits) >= 6 else None


def _phones(text: str) -> set[str]:
    found = set()
    for match in lx.PHONE_RE.finditer(text):
        value = re.sub(r"^[^\d+]+", "", match.group(0))  # "Tel. +49 ..." -> "+49 ..."
        number = normalise_phone(value)
        if number:
            found.add(number)
    return found


def _postcodes(text: str) -> set[str]:
    codes = set()
    for match in lx.POSTAL_CODE_RE.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        if lx.POSTAL_CODE_CONTEXT_RE.search(before):
            continue
        code = re.match(r"(?:(?:D|DE|A|AT|CH)-)?(\d{4,5}|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})", match.group(0))
        if code:
            codes.add(code.group(1))
    return codes


def _company_names(text: str) -> set[str]:
    names = set()
    for match in lx.LEGAL_FORM_RE.finditer(text):
        before = text[max(0, match.start() - 60) : match.start()]
        words = re.findall(r"[\w&.'’-]+", before.split("\n")[-1])[-3:]
        name = " ".join(w for w in words if w[:1].isupper() or w == "&")
        if name and match.group(0) != "AG":
            names.add(_name_key(f"{name} {match.group(0)}"))
    return names


def _name_key(name: str) -> str:
    return " ".join(re.sub(r"[^\w&]+", " ", name.casefold()).split())


def text_facts(text: str) -> dict[str, set[str]]:
    return {"name": _company_names(text), "postcode": _postcodes(text), "phone": _phones(text)}


def schema_facts(node: dict[str, Any]) -> dict[str, set[str]]:
    facts: dict[str, set[str]] = {"name": set(), "postcode": set(), "phone": set()}
    name = text_value(node.get("legalName")) or text_value(node.get("name"))
    if name:
        facts["name"].add(_name_key(name))
    address = node.get("address")
    for item in address if isinstance(address, list) else [address]:
        if isinstance(item, dict) and text_value(item.get("postalCode")):
            facts["postcode"].add(text_value(item.get("postalCode")).strip())
    phones = [node.get("telephone")]
    contact = node.get("contactPoint")
    for item in contact if isinstance(contact, list) else [contact]:
        if isinstance(item, dict):
            phones.append(item.get("telephone"))
    for phone in phones:
        value = text_value(phone)
        number = normalise_phone(value) if value else None
        if number:
            facts["phone"].add(number)
    return facts


def _agree(values: list[set[str]], element: str) -> bool:
    if element == "name":  # "Solar Nord GmbH" on the contact page, "Solar Nord GmbH & Co. KG" in the schema
        return all(any(a in b or b in a for a in values[0] for b in other) for other in values[1:])
    common = set.intersection(*values)
    return bool(common)


@register
class NapConsistency(Check):
    id = "nap-consistency"
    title = "Company name, address and phone agree across Kontakt, Impressum and schema"
    failure_title = "Company name, address or phone differ between Kontakt, Impressum and schema"
    description = (
        "Search and answer engines connect a business to its identity through consistent name, "
        "address and phone (NAP). When the contact page, the Impressum and the Organization markup "
        "disagree, engines cannot tell which is right and customers may call a dead number. Sources: "
        "Google Search Central, 'LocalBusiness structured data' and Business Profile guidelines "
        "(represent your business consistently); Google Search Quality Rater Guidelines (contact information)."
    )
    category = "expertise"
    weight = 1
    effort = "low"
    remedy = (
        "Use exactly the same company name, address and phone in Impressum, contact page and schema."
    )
    rule = (
        "company name (with legal form), postcode and phone (national form, +49/+43/+41/+44 and \"(0)\" "
        "normalised) from the Kontakt page, the Impressum and the Organization JSON-LD; each element "
        "found in ≥ 2 places must agree (names: one contains the other). Score = agreeing / compared "
        "elements. Not applicable with fewer than two sources or nothing to compare."
    )
    scope = "site"
    requires = ("html",)
    columns = {
        "element": "message",
        "Impressum": "text",
        "Kontakt": "text",
        "Organization schema": "text",
        "consistent": "number",
    }
    messages = {
        "source-impressum": "Impressum",
        "source-kontakt": "Kontakt",
        "source-schema": "Organization schema",
        "none": "none",
        "element-name": "name",
        "element-postcode": "postcode",
        "element-phone": "phone",
        "too-few": (
            "Fewer than two of Kontakt, Impressum and Organization schema found ({sources}): nothing to compare."
        ),
        "nothing-twice": "No element (name, postcode, phone) found in two places.",
        "summary": "{consistent} of {compared} compared elements agree across {sources}.",
        "differs": "{element} differs between {sources}",
        "either": "{left} / {right}",
        "agree": "name/postcode/phone agree",
    }

    def evaluate(self, site: SiteData) -> Outcome:
        sources: dict[str, tuple[str, dict[str, set[str]]]] = {}
        for label, matcher in (("Impressum", is_impressum_link), ("Kontakt", trust_link_matcher("contact"))):
            target = best_target(linked_targets(site, matcher))
            if target and target.record is not None and target.record.ok:
                sources[label] = (target.url, text_facts(target.record.main_text))
        candidates = organization_candidates(site)
        if candidates:
            url, node = max(candidates, key=lambda c: sum(bool(v) for v in schema_facts(c[1]).values()))
            sources["Organization schema"] = (url, schema_facts(node))
        if len(sources) < 2:
            found = listing([self._source(label) for label in sources]) if sources else self.msg("none")
            return Outcome("not_applicable", explanation=self.msg("too-few", sources=found))
        rows, evidence, compared, consistent, affected = [], [], 0, 0, set()
        for element in ELEMENTS:
            having = {label: (url, facts[element]) for label, (url, facts) in sources.items() if facts[element]}
            row = {
                "element": self.msg(f"element-{element}"),
                **{label: ", ".join(sorted(having[label][1])) if label in having else "" for label in SOURCE_LABELS},
            }
            if len(having) < 2:
                row["consistent"] = None
                rows.append(row)
                continue
            compared += 1
            ok = _agree([v for _, v in having.values()], element)
            consistent += ok
            row["consistent"] = ok
            rows.append(row)
            if not ok:
                labels = [self._source(label) for label in having]
                between = labels[0]
                for label in labels[1:]:  # "Impressum / Kontakt / Organization schema"
                    between = self.msg("either", left=between, right=label)
                note = self.msg("differs", element=self.msg(f"element-{element}"), sources=between)
                for label, (url, values) in having.items():
                    affected.add(url)
                    evidence.append(
                        Evidence(
                            url=url,
                            element=f"{label}: {element}",
                            excerpt=", ".join(sorted(values)),
                            note=note,
                        )
                    )
        if not compared:
            return Outcome("not_applicable", explanation=self.msg("nothing-twice"), details=rows)
        score = round(consistent / compared, 4)
        state = "pass" if consistent == compared else ("warn" if consistent else "fail")
        explanation = self.msg(
            "summary",
            consistent=consistent,
            compared=compared,
            sources=listing([self._source(label) for label in sources]),
        )
        if state == "pass":
            evidence = [
                Evidence(url=url, element=label, note=self.msg("agree")) for label, (url, _) in sources.items()
            ]
        return Outcome(state, score, explanation, rows, evidence, affected_urls=sorted(affected))

    @classmethod
    def _source(cls, label: str) -> Message:
        """A source label as a message ("Organization schema" -> "source-schema")."""
        return cls.msg(SOURCE_MESSAGES[label])
