"""organization-schema: the site describes the company as a JSON-LD Organization or LocalBusiness."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from scoring.checks.impressum import home_url
from scoring.checks.person_schema import is_reference, present, text_value
from scoring.core import lexicons as lx
from scoring.core.jsonld import WORKS_BY_OTHERS
from scoring.core.messages import Message, listing, sentences
from scoring.core.results import Evidence
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData, jsonld_types

# field label -> the JSON-LD properties that satisfy it
FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("name",),
    "logo": ("logo",),
    "address": ("address",),
    "telephone or contactPoint": ("telephone", "contactPoint"),
    "sameAs": ("sameAs",),
}
FIELD_MESSAGES = {
    "name": "field-name",
    "logo": "field-logo",
    "address": "field-address",
    "telephone or contactPoint": "field-telephone",
    "sameAs": "field-same-as",
}
WARN_FIELDS = 3  # at least name plus two more: incomplete but usable


def is_organization(types: set[str]) -> bool:
    return bool(types & lx.ORGANIZATION_TYPES) or any(t.endswith(lx.ORGANIZATION_SUFFIXES) for t in types)


def _filled(node: dict[str, Any]) -> dict[str, str]:
    """Field label -> the property that fills it."""
    filled = {}
    for label, props in FIELDS.items():
        prop = next((p for p in props if present(node.get(p))), None)
        if prop:
            filled[label] = prop
    return filled


def _value(node: dict[str, Any], prop: str) -> str:
    value = node.get(prop)
    if prop == "address" and isinstance(value, dict):
        parts = [text_value(value.get(k)) for k in ("streetAddress", "postalCode", "addressLocality")]
        return ", ".join(p for p in parts if p) or "PostalAddress"
    if prop == "sameAs" and isinstance(value, list):
        return ", ".join(str(v) for v in value[:3])
    if prop == "logo" and isinstance(value, dict):
        return text_value(value.get("url") or value.get("contentUrl") or value.get("@id")) or "ImageObject"
    if prop == "contactPoint":
        point = value[0] if isinstance(value, list) and value else value
        if isinstance(point, dict):
            found = point.get("telephone") or point.get("email") or point.get("contactType")
            return text_value(found) or "ContactPoint"
    return text_value(value) or str(value)


# Works by others that a page describes: their publisher, brand or author is not the site's company
# (a book review's "publisher", a product's "brand", a reviewed item's maker).
THIRD_PARTY_WORKS = WORKS_BY_OTHERS | {
    "periodical", "creativeworkseries", "softwareapplication", "event", "itemlist", "offer", "aggregateoffer"
}


def own_nodes(items: list[Any]) -> Iterator[dict]:
    """JSON-LD objects of the page itself, depth first, without descending into works by others."""
    stack = list(items)[::-1]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            yield value
            if "@type" in value and jsonld_types(value) & THIRD_PARTY_WORKS:
                continue
            stack.extend(list(value.values())[::-1])
        elif isinstance(value, list):
            stack.extend(value[::-1])


def _host(url: Any) -> str:
    host = urlsplit(url).hostname or "" if isinstance(url, str) else ""
    return host.removeprefix("www.")


def organization_candidates(site: SiteData) -> list[tuple[str, dict[str, Any]]]:
    """(page URL, node) for every organisation the site describes as itself, home page first; the
    publisher of a reviewed book or the brand of a product is somebody else."""
    pages = list(site.html_pages)
    if site.home is not None:
        pages.sort(key=lambda p: p is not site.home)
    found = []
    for page in pages:
        for node in own_nodes(page.structured_data):
            if not is_reference(node) and is_organization(jsonld_types(node)):
                found.append((page.final_url or page.url, node))
    return found


@register
class OrganizationSchema(Check):
    id = "organization-schema"
    title = "The company is described as an Organization in structured data"
    failure_title = "The company lacks complete Organization structured data"
    description = (
        "Organization or LocalBusiness markup with name, logo, address, phone or contact point "
        "and sameAs profiles lets search and answer engines identify the company behind the "
        "content and connect it to its profiles; structured data was among the page features "
        "most associated with being cited. Sources: Google Search Central, 'Organization "
        "structured data'; GEO-16 (arXiv 2509.10762)."
    )
    category = "expertise"
    weight = 1
    effort = "low"
    remedy = (
        "Describe the company as Organization/LocalBusiness in JSON-LD (name, address, logo, contact)."
    )
    rule = (
        "JSON-LD Organization (or a subtype such as LocalBusiness) with name, logo, address, "
        "telephone/contactPoint, sameAs; score = fields present / 5."
    )
    scope = "site"
    requires = ("html",)
    columns = {"field": "message", "found": "number", "value": "text"}
    messages = {
        "field-name": "name",
        "field-logo": "logo",
        "field-address": "address",
        "field-telephone": "telephone or contactPoint",
        "field-same-as": "sameAs",
        "none": "No Organization or LocalBusiness JSON-LD on any of {pages} pages.",
        "missing": "missing",
        "no-name": "(no name)",
        "summary": "{types} {name} on {url}: {filled} of {total} fields.",
        "missing-fields": "Missing: {fields}.",
        "fields": "fields: {fields}",
        "no-fields": "no fields",
        "missing-field": "missing: {field}",
    }

    def evaluate(self, site: SiteData) -> Outcome:
        candidates = organization_candidates(site)
        if not candidates:
            return Outcome(
                "fail",
                0.0,
                self.msg("none", pages=len(site.html_pages)),
                details=[{"field": self._field(label), "found": False, "value": ""} for label in FIELDS],
                evidence=[Evidence(url=home_url(site), element="json-ld Organization", note=self.msg("missing"))],
                affected_urls=[home_url(site)],
            )
        # One whose url is the site's own host first, then the most complete; on a tie, the home page's.
        site_host = _host(site.artifacts.root_url)
        aliases = {_host(f"https://{h}/") for h in site.artifacts.host_aliases} | {site_host}
        url, node = max(candidates, key=lambda c: (_host(c[1].get("url")) in aliases, len(_filled(c[1]))))
        filled = _filled(node)
        types = "/".join(
            sorted(str(t) for t in (node["@type"] if isinstance(node["@type"], list) else [node["@type"]]))
        )
        details = [
            {
                "field": self._field(label),
                "found": label in filled,
                "value": _value(node, filled[label]) if label in filled else "",
            }
            for label in FIELDS
        ]
        missing = [label for label in FIELDS if label not in filled]
        score = round(len(filled) / len(FIELDS), 4)
        state = "pass" if not missing else ("warn" if len(filled) >= WARN_FIELDS else "fail")
        name = text_value(node.get("name"))
        explanation = self.msg(
            "summary", types=types, name=name or self.msg("no-name"), url=url, filled=len(filled), total=len(FIELDS)
        )
        if missing:
            missing_fields = self.msg("missing-fields", fields=listing([self._field(label) for label in missing]))
            explanation = sentences([explanation, missing_fields])
        if filled:
            note = self.msg("fields", fields=listing([self._field(label) for label in filled]))
        else:
            note = self.msg("no-fields")
        evidence = [Evidence(url=url, element=f"json-ld {types}", excerpt=name, note=note)]
        evidence += [
            Evidence(url=url, element=f"json-ld {types}", note=self.msg("missing-field", field=self._field(label)))
            for label in missing
        ]
        return Outcome(state, score, explanation, details, evidence, affected_urls=[url] if missing else [])

    @classmethod
    def _field(cls, label: str) -> Message:
        """A field label as a message ("telephone or contactPoint" -> "field-telephone")."""
        return cls.msg(FIELD_MESSAGES[label])
