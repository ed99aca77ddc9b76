"""Languages and translations of a site (issue 21): which language each page is in, which pages are
versions of one page, and the hreflang alternates declared for each URL. Pure.

Duplicates, topic clusters, topical focus, hubs and link suggestions work within one language: a page
and its translation are one topic in two languages, never "merge these pages" and never one cluster.
Pages joined by hreflang in one language (en-US / en-GB, an untranslated copy) are versions of one page.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

LANGUAGE_ALIASES = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "nb": "no", "nn": "no"}


def _key(page: Any) -> str:
    return page.final_url or page.url


def page_language(page: Any) -> str | None:
    """The page's language as `scoring.site.page_language` reads it — detected from the text
    (`PageRecord.language`), else declared — as a primary subtag with aliases folded (nb/nn -> no)."""
    value = getattr(page, "language", None) or getattr(page, "declared_language", None) or page.lang
    if not value:
        return None
    primary = str(value).strip().lower().replace("_", "-").split("-")[0]
    return LANGUAGE_ALIASES.get(primary, primary) or None


def language_groups(pages: Iterable[Any]) -> dict[str | None, list[Any]]:
    """Pages by language, in their order. A site with fewer than two known languages is one group
    (key None); otherwise pages of unknown language join the language with the most pages."""
    pages = list(pages)
    languages = [page_language(p) for p in pages]
    counts = Counter(lang for lang in languages if lang)
    if len(counts) < 2:
        return {None: pages} if pages else {}
    main = min(counts, key=lambda lang: (-counts[lang], lang))
    groups: dict[str | None, list[Any]] = {}
    for page, lang in zip(pages, languages, strict=True):
        groups.setdefault(lang or main, []).append(page)
    return groups


def site_languages(site: Any) -> dict[str, str | None]:
    """Page key -> language group (`language_groups` over the site's analysed pages), memoised;
    every value None on a site in one language."""

    def compute() -> dict[str, str | None]:
        return {_key(p): lang for lang, pages in language_groups(site.html_pages).items() for p in pages}

    return site.memo("languages", compute)


# -- hreflang alternates --------------------------------------------------------------------------
@dataclass(frozen=True)
class Alternate:
    """One hreflang annotation: the code as written, the URL it names, where it was declared."""

    code: str
    url: str
    source: str  # html | http (Link header) | sitemap

    @property
    def excerpt(self) -> str:
        return f'hreflang="{self.code}" href="{self.url}"'


def declared_alternates(site: Any) -> dict[str, list[Alternate]]:
    """URL -> the alternates declared for it: the page's `<link>` and HTTP Link header (`PageRecord.hreflang`)
    and the sitemap's xhtml:link (`SitemapEntry.alternates`); each (code, URL) once, memoised."""

    def compute() -> dict[str, list[Alternate]]:
        found: dict[str, dict[tuple[str, str], Alternate]] = defaultdict(dict)
        for page in site.pages:
            for h in page.hreflang:
                alt = Alternate(h.lang.strip(), h.url, h.source)
                found[page.url].setdefault((alt.code.lower(), alt.url), alt)
        for entry in site.artifacts.sitemap_entries:
            for h in entry.alternates:
                alt = Alternate(h.lang.strip(), h.url, "sitemap")
                found[entry.url].setdefault((alt.code.lower(), alt.url), alt)
        return {url: list(alts.values()) for url, alts in found.items()}

    return site.memo("hreflang:alternates", compute)


def alternates_of(page: Any, site: Any) -> list[Alternate]:
    """The alternates declared for a page, under its requested and its final URL."""
    table = declared_alternates(site)
    found = list(table.get(page.url, ()))
    if page.final_url and page.final_url != page.url:
        found += [a for a in table.get(page.final_url, ()) if a not in found]
    return found


def hreflang_joined(site: Any, a: str, b: str) -> bool:
    """One of two pages names the other as an hreflang alternate (redirects followed): language or
    regional versions of one page (or an untranslated copy, which the hreflang check reports)."""
    one, other = site.page(a), site.page(b)
    if one is None or other is None:
        return False
    for page, target in ((one, other), (other, one)):
        wanted = {site.resolve(target.url), site.resolve(_key(target))}
        if any(site.resolve(alt.url) in wanted for alt in alternates_of(page, site)):
            return True
    return False


def without_variants(site: Any, pages: list[Any]) -> list[Any]:
    """The pages, with versions of one page in one language joined by hreflang (regional variants
    en-US / en-GB, or an untranslated copy) kept once: the one whose declared language is the language
    its text is in (the original, not the copy), then the first key."""
    keys = {_key(p): p for p in pages}
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for page in pages:
        for alternate in alternates_of(page, site):
            target = site.resolve(alternate.url)
            if target in keys and target != _key(page):
                first, second = sorted((find(_key(page)), find(target)))
                parent[second] = first
    groups: dict[str, list[Any]] = {}
    for page in pages:
        groups.setdefault(find(_key(page)), []).append(page)

    def copy_first(page: Any) -> tuple[bool, str]:
        declared = getattr(page, "declared_language", None) or page.lang
        return bool(declared) and page_language(page) != LANGUAGE_ALIASES.get(declared, declared), _key(page)

    kept = {_key(min(group, key=copy_first)) for group in groups.values()}
    return [p for p in pages if _key(p) in kept]
