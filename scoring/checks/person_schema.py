"""person-schema: articles describe their author as a JSON-LD Person with credentials or profiles."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from scoring.core.jsonld import jsonld_nodes
from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.registry import ArticleCheck, register
from scoring.site import SiteData, jsonld_types

DETAIL_FIELDS = ("jobTitle", "sameAs", "url", "knowsAbout")
# Items whose author is not the page's author (a customer review, a reader comment).
NOT_PAGE_AUTHOR_TYPES = {"review", "comment", "answer", "question", "rating", "aggregaterating"}


# -- JSON-LD helpers (also used by organization-schema, author-byline and content-dates) -----


def is_reference(node: dict) -> bool:
    """A bare {"@id": ...} pointer to a node described elsewhere."""
    return "@id" in node and not (set(node) - {"@id", "@type"})


def id_index(items: Iterable[Any]) -> dict[str, dict]:
    """Described nodes by @id (the first full description wins)."""
    index: dict[str, dict] = {}
    for node in jsonld_nodes(items):
        node_id = node.get("@id")
        if isinstance(node_id, str) and not is_reference(node):
            index.setdefault(node_id, node)
    return index


def site_id_index(site: SiteData) -> dict[str, dict]:
    """@id index over every HTML page: Yoast & co. describe the Person once, on its own page."""
    return site.memo("jsonld_id_index", lambda: id_index(i for p in site.html_pages for i in p.structured_data))


def text_value(value: Any) -> str | None:
    """A JSON-LD value as text: a string, the first string of a list, or an object's name/@value."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        return next((t for t in (text_value(v) for v in value) if t), None)
    if isinstance(value, dict):
        return text_value(value.get("name") or value.get("@value") or value.get("@id"))
    if isinstance(value, int | float):
        return str(value)
    return None


def present(value: Any) -> bool:
    """A field that carries something (not None, "", [] or {})."""
    if isinstance(value, str):
        return bool(value.strip())
    return value not in (None, [], {})


@dataclass(frozen=True)
class JsonLdAuthor:
    kind: str  # person | bare-name | organization | unresolved
    name: str | None
    details: tuple[str, ...] = ()  # the DETAIL_FIELDS it fills
    element: str = "json-ld author"


def jsonld_authors(page: PageRecord, site: SiteData | None = None) -> list[JsonLdAuthor]:
    """Every `author` named in the page's JSON-LD, @id references resolved on the page, then site-wide."""
    local = id_index(page.structured_data)
    authors: list[JsonLdAuthor] = []
    for node in jsonld_nodes(page.structured_data):
        if "author" not in node or jsonld_types(node) & NOT_PAGE_AUTHOR_TYPES:
            continue
        values = node["author"] if isinstance(node["author"], list) else [node["author"]]
        for value in values:
            authors.append(_classify(value, local, site))
    return authors


def _classify(value: Any, local: dict[str, dict], site: SiteData | None) -> JsonLdAuthor:
    if isinstance(value, str):
        return JsonLdAuthor("bare-name", value.strip() or None)
    if not isinstance(value, dict):
        return JsonLdAuthor("bare-name", text_value(value))
    node, element = value, "json-ld author"
    if is_reference(value):
        ref = str(value["@id"])
        node = local.get(ref) or (site_id_index(site).get(ref) if site is not None else None)
        if node is None:
            return JsonLdAuthor("unresolved", ref, element=f"json-ld author @id {ref}")
        element = f"json-ld author @id {ref}"
    types = jsonld_types(node)
    name = text_value(node.get("name"))
    if types and "person" not in types:
        return JsonLdAuthor("organization", name, element=f"{element} ({', '.join(sorted(types))})")
    details = tuple(f for f in DETAIL_FIELDS if present(node.get(f)))
    if name and details:
        return JsonLdAuthor("person", name, details, element.replace("json-ld author", "json-ld Person"))
    return JsonLdAuthor("bare-name", name, details, element)


@register
class PersonSchema(ArticleCheck):
    id = "person-schema"
    title = "Article authors are described as a Person in structured data"
    failure_title = "Article authors lack Person structured data"
    description = (
        "Structured data tells search and answer engines who the author is and lets them connect "
        "the name to profiles (LinkedIn, XING, ORCID via sameAs), a job title and areas of "
        "expertise. A bare name string carries none of that. Sources: Google Search Central, "
        "'Article structured data' (author best practices); schema.org/Person."
    )
    category = "expertise"
    weight = 1
    effort = "low"
    remedy = "Add Person markup for each author in the article's JSON-LD (name, jobTitle, url)."
    rule = (
        "pass: JSON-LD `author` is a Person with `name` and at least one of `jobTitle`, `sameAs`, `url`, "
        "`knowsAbout`. warn: a bare name (string or Person with only `name`). fail: no JSON-LD author."
    )

    messages = {
        "person": "Person {name} with {fields}",
        "fields": "fields: name, {fields}",
        "no-name": "(no name)",
        "bare-name": "author {name} is a bare name without jobTitle, sameAs, url or knowsAbout",
        "organization": "author {name} is an organisation, not a Person",
        "unresolved": "author refers to {ref}, which no JSON-LD on the site describes",
        "add-person": "add a Person with jobTitle, sameAs (LinkedIn, XING), url or knowsAbout",
        "no-author": "no author in the JSON-LD",
        "missing": "missing",
    }

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        authors = jsonld_authors(page, site)
        full = [a for a in authors if a.kind == "person"]
        if full:
            author = full[0]
            fields = ", ".join(author.details)
            return PageOutcome(
                url=page.url,
                state="pass",
                reason=self.msg("person", name=author.name, fields=fields),
                evidence=[
                    Evidence(
                        url=page.url,
                        element=author.element,
                        excerpt=author.name,
                        note=self.msg("fields", fields=fields),
                    )
                ],
            )
        if authors:
            author = authors[0]
            if author.kind == "unresolved":
                reason = self.msg("unresolved", ref=author.name)
            else:  # "bare-name" | "organization"
                reason = self.msg(author.kind, name=author.name or self.msg("no-name"))
            return PageOutcome(
                url=page.url,
                state="warn",
                reason=reason,
                evidence=[
                    Evidence(
                        url=page.url,
                        element=author.element,
                        excerpt=author.name,
                        note=self.msg("add-person"),
                    )
                ],
            )
        return PageOutcome(
            url=page.url,
            state="fail",
            reason=self.msg("no-author"),
            evidence=[Evidence(url=page.url, element="json-ld author", note=self.msg("missing"))],
        )
