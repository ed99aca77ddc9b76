"""Cues of one page's kind read from its names and headings (scoring.pagetypes): a person named in the
slug and H1, the service a slug names, pages that ask for support or collect events, the steps of a
method, and the build time a static-site generator stamps as every page's JSON-LD date."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlsplit

from scoring.core.jsonld import real_date, type_names
from scoring.core.lexicons import NAME_RE, is_person_name, letters_key
from scoring.core.records import PageRecord
from scoring.page_structure import h1_text, slug_tokens, title_head
from scoring.pagetype_vocabulary import (
    EVENTS_SEGMENT_RE,
    HOWTO_HEADING_RE,
    PAST_HEADING_RE,
    PROFILE_SLUG_RE,
    SERVICE_WORD_RE,
    SUPPORT_SEGMENT_RE,
    SUPPORT_TITLE_RE,
    TESTIMONIALS_HEADING_RE,
    TITLE_SPLIT_RE,
    UPCOMING_HEADING_RE,
)

BUILD_DATE = "@build-date:"  # in the stamped set, before a JSON-LD datePublished that is the build time
MIN_BUILD_STAMPS = 5  # pages sharing one datePublished to the second: the generator's build time
MIN_HOWTO_HEADINGS = 2  # different step headings ("Vorbereitung", "Durchführung") of a method guide


def named_after_h1(slug: str, h1: str) -> bool:
    """The slug spells a person's name that the H1 shows: /ueber-uns/onno-gross/ "Onno Groß", also
    inside a longer H1 ("In memoriam Onno Groß, 1964-2016")."""
    key = letters_key(slug)
    words = h1.replace(",", " ").split()
    for size in (2, 3, 4):
        for i in range(len(words) - size + 1):
            name = " ".join(words[i : i + size])
            if letters_key(name) == key and NAME_RE.fullmatch(name) and is_person_name(name):
                return True
    return False


def person_with_vita(page: PageRecord, last: str, h1: str) -> bool:
    """A page named after a person (slug and H1, or the title's own part without an H1: /lisa-brenner/
    "Lisa Brenner") that links that person's vita below its own path (/lisa-brenner/vita/): her profile."""
    if not named_after_h1(last, h1 or title_head(page)):
        return False
    own = urlsplit(page.final_url or page.url).path.rstrip("/") + "/"
    for link in page.links:
        path = urlsplit(link.url).path
        if path.startswith(own) and PROFILE_SLUG_RE.match(path[len(own) :].strip("/")):
            return True
    return False


def service_head(page: PageRecord, last: str) -> str | None:
    """The service the page is named after: the head noun (last word) of the slug or of the title's
    own part ("qfield-workshop", "QField Workshop") when it names an offered service (SERVICE_WORD_RE)."""
    slug = [t for t in slug_tokens(last) if not t.isdigit()][-1:]
    title = re.findall(r"\w+", title_head(page).lower())[-1:]
    return next((w for w in slug + title if SERVICE_WORD_RE.search(w)), None)


def asks_or_collects(page: PageRecord, last: str, h1: str) -> tuple[str, str] | None:
    """Pages that ask the reader to give or show what clients say (landing), an events calendar or a
    schedule of upcoming and past items (listing): decided by the slug and headings, since such pages
    often have few links (a JavaScript calendar, a list of trainings held without pages of their own).
    (kind, reason) or None."""
    if SUPPORT_SEGMENT_RE.match(last) or SUPPORT_TITLE_RE.match(h1) or SUPPORT_TITLE_RE.match(title_head(page)):
        return "landing", f"asks for donations or members: {(h1 or last)[:40]!r}"
    top = [h.text for h in page.headings if h.level <= 2]
    if any(TESTIMONIALS_HEADING_RE.match(t) for t in top):
        return "landing", "testimonials of clients"
    if EVENTS_SEGMENT_RE.match(last):
        return "listing", f"url /{last}/ (events calendar)"
    texts = [h.text for h in page.headings]
    if any(UPCOMING_HEADING_RE.match(t) for t in texts) and any(PAST_HEADING_RE.match(t) for t in texts):
        return "listing", "schedule of upcoming and past items"
    return None


def howto_headings(page: PageRecord) -> int:
    """Different step headings of a method or how-to guide the page has (HOWTO_HEADING_RE): the
    preparation, the procedure, the material needed."""
    return len({m.group(0).casefold() for h in page.headings if (m := HOWTO_HEADING_RE.match(h.text))})


def _published(page: PageRecord) -> list[str]:
    """The datePublished values of the page's JSON-LD items (also inside an @graph)."""
    out: list[str] = []
    stack = list(page.structured_data)
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if isinstance(item.get("datePublished"), str) and real_date(item["datePublished"]):
                out.append(item["datePublished"].strip())
            if isinstance(item.get("@graph"), list):
                stack.extend(item["@graph"])
    return out


def build_dates(pages: Iterable[PageRecord]) -> set[str]:
    """JSON-LD datePublished values with a time of day that MIN_BUILD_STAMPS or more pages share to the
    second: the time the static site was built (Jekyll's site.time on every item), not when any page
    was published. Posts dated by their author carry their own dates (a day, or midnight)."""
    counts = Counter(
        value
        for page in pages
        if page.ok
        for value in set(_published(page))
        if re.search(r"T\d{2}:\d{2}:\d{2}", value) and not re.search(r"T00:00:00", value)
    )
    return {BUILD_DATE + value for value, n in counts.items() if n >= MIN_BUILD_STAMPS}


def stamp_types(page: PageRecord) -> set[str]:
    """The @type names of the page's JSON-LD items that may be a template's stamp: an item with a generator's zero
    date ("0001-01-01" on Hugo's undated pages) stamps nothing, the posts with real dates are told apart by them."""
    return {
        name
        for item in page.structured_data
        if not (isinstance(item, dict) and "datePublished" in item and not real_date(item["datePublished"]))
        for name in type_names(item)
    }


def build_dated(page: PageRecord, stamped: frozenset[str]) -> bool:
    """Every JSON-LD date of the page is the site's build time (`build_dates`)."""
    values = _published(page)
    return bool(values) and all(BUILD_DATE + value in stamped for value in values)


def own_product(page: PageRecord, segments: list[str]) -> str | None:
    """The site's own product, named with the site's name: a top-level slug that begins with the name
    the title ends in and adds a word ("/acme-kit/" on "... | ACME"), the H1 or title head naming it
    too. The name shown, or None."""
    parts = TITLE_SPLIT_RE.split(page.title or "")
    if len(segments) != 1 or len(parts) < 2:
        return None
    site = [t for t in slug_tokens(parts[-1].strip().replace(" ", "-")) if t]
    tokens = slug_tokens(segments[0])
    if not site or len(tokens) <= len(site) or tokens[: len(site)] != site:
        return None
    named = " ".join(tokens).casefold()
    shown = " ".join(re.findall(r"\w+", f"{h1_text(page)} {title_head(page)}".casefold()))
    return named if named in shown else None
