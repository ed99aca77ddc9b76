"""Per-language figures of a multilingual site (issue 21): for each language detected in the pages'
text (`AuditResult.languages`, `PageSummary.language`), its pages, articles, median main-text words
and the shares of its pages that carry the key evidence signals (docs/signals.md).

`languages_view(result, lang)` is pure; None for a site in one language (or none detected), so the
report shows nothing then. Context key ``languages`` (reports/view.py)::

    {"title", "intro", "columns": [str], "rows": [{"code", "name", "pages", "articles",
     "median_words", "shares": [str]}]}

A share is over the language's analysed pages (those with signals); none analysed: "—", not 0 %.
"""

from __future__ import annotations

from collections.abc import Callable
from statistics import median
from typing import Any

from reports.format import fmt_int, lang_code
from reports.strings import LANGUAGE_NAMES
from scoring.core.results import AuditResult, PageSignals, PageSummary

LANGUAGE_STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Languages",
        "intro": "The site's text is in {n} languages (detected per page from its text, whatever its lang "
        "attribute says). Figures per language; shares are of the language's analysed pages.",
        "language": "Language",
        "pages": "Pages",
        "articles": "Articles",
        "median_words": "Median words",
        "author": "Author named",
        "published": "Date shown",
        "quotes": "Attributed quotes",
        "sourced": "Sourced figures",
        "citations": "Citations",
    },
    "de": {
        "title": "Sprachen",
        "intro": "Die Texte der Website sind in {n} Sprachen (je Seite aus dem Text erkannt, unabhängig vom "
        "lang-Attribut). Kennzahlen je Sprache; Anteile beziehen sich auf die analysierten Seiten der Sprache.",
        "language": "Sprache",
        "pages": "Seiten",
        "articles": "Artikel",
        "median_words": "Wörter (Median)",
        "author": "Autor genannt",
        "published": "Datum sichtbar",
        "quotes": "Zitate mit Quelle",
        "sourced": "Zahlen mit Quelle",
        "citations": "Quellenlinks",
    },
}

# (column key, whether a page's signals count) — the evidence answer engines quote, per language
SHARES: tuple[tuple[str, Callable[[PageSignals], bool]], ...] = (
    ("author", lambda s: bool(s.authors)),
    ("published", lambda s: bool(s.published)),
    ("quotes", lambda s: s.quotes_attributed > 0),
    ("sourced", lambda s: s.statistics_sourced > 0),
    ("citations", lambda s: s.citations > 0),
)


def _share(pages: list[PageSummary], counts: Callable[[PageSignals], bool], lang: str) -> str:
    analysed = [p.signals for p in pages if p.signals is not None]
    if not analysed:
        return "—"
    return f"{fmt_int(round(100 * sum(1 for s in analysed if counts(s)) / len(analysed)), lang)} %"


def _row(code: str, total: int, pages: list[PageSummary], lang: str) -> dict[str, Any]:
    words = [p.signals.words_main for p in pages if p.signals is not None]
    return {
        "code": code,
        "name": LANGUAGE_NAMES[lang].get(code, code),
        "pages": fmt_int(total, lang),
        "articles": fmt_int(sum(1 for p in pages if p.page_type == "article"), lang),
        "median_words": fmt_int(round(median(words)), lang) if words else "—",
        "shares": [_share(pages, counts, lang) for _key, counts in SHARES],
    }


def languages_view(result: AuditResult, lang: str) -> dict[str, Any] | None:
    """The per-language table, or None for a site with fewer than two detected languages."""
    languages = {code: n for code, n in (result.languages or {}).items() if n > 0}
    if len(languages) < 2:
        return None
    s = LANGUAGE_STRINGS[lang]
    by_lang: dict[str, list[PageSummary]] = {code: [] for code in languages}
    for page in result.pages:
        code = lang_code(page.language) if page.language else None
        if code in by_lang:
            by_lang[code].append(page)
        elif page.language in by_lang:
            by_lang[page.language].append(page)
    ordered = sorted(languages.items(), key=lambda item: (-item[1], item[0]))
    return {
        "title": s["title"],
        "intro": s["intro"].format(n=fmt_int(len(languages), lang)),
        "columns": [s[k] for k in ("language", "pages", "articles", "median_words")] + [s[k] for k, _ in SHARES],
        "rows": [_row(code, n, by_lang[code], lang) for code, n in ordered],
    }
