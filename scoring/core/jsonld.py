"""JSON-LD as the crawler stores it (`PageRecord.structured_data`): the @type names of an item, and every
object nested in a list of items. One reading of @type for the spiders, page types and checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

# Works by others a page describes (a book review, a product test): their authors, publishers and brands
# are not the page's author or the site's company. Checks that judge more of a page extend the set.
WORKS_BY_OTHERS = frozenset({"book", "review", "product", "movie", "musicalbum", "musicrecording", "videogame"})


FIRST_YEAR = 1971  # "1969-12-31", "1970-01-01", "0001-01-01": the zero date of an undated page, no date


def real_date(value: Any) -> bool:
    """A declared date that dates something: an ISO date from FIRST_YEAR on, not a generator's zero date (Hugo
    writes "0001-01-01T00:00:00Z" into the JSON-LD of an undated page)."""
    return isinstance(value, str) and value.lstrip()[:4].isdigit() and int(value.lstrip()[:4]) >= FIRST_YEAR


def type_names(item: Any) -> list[str]:
    """The @type values of one JSON-LD object, lower-cased, without a vocabulary prefix
    ("https://schema.org/BlogPosting" -> "blogposting"), in their order; empty for a non-object."""
    raw = item.get("@type", []) if isinstance(item, dict) else []
    return [str(value).rsplit("/", 1)[-1].lower() for value in (raw if isinstance(raw, list) else [raw])]


def jsonld_types(item: Any) -> set[str]:
    """The @type values of one JSON-LD object as a set (see `type_names`)."""
    return set(type_names(item))


def jsonld_nodes(items: Iterable[Any]) -> Iterator[dict]:
    """Every object in JSON-LD items, depth first: top-level items, @graph members, nested values."""
    stack = list(items)[::-1]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            yield value
            stack.extend(list(value.values())[::-1])
        elif isinstance(value, list):
            stack.extend(value[::-1])


def nested_types(items: Iterable[Any]) -> set[str]:
    """The @type values of every object in JSON-LD items, nested ones included (an article's review)."""
    return {name for node in jsonld_nodes(items) for name in type_names(node)}
