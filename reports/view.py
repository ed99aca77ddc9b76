"""The view model: what the HTML report shows, computed from an `AuditResult` and nothing else.

`build_view(result, lang=...)` is pure (no I/O). Everything the template needs is decided here —
labels in the report language, formatted numbers, which URLs may become links, how many rows are
shown — so the template only lays things out. Values are plain strings, numbers, bools, lists and
dicts; none of them is markup: the template autoescapes every one of them.

Crawled text (titles, excerpts, URLs, details cells) is hostile: it is passed through as text, and a
URL becomes an ``href`` only when it is an absolute ``http``/``https`` URL (`safe_href`).

Template context (every key the template gets)
----------------------------------------------
``lang``            "en" or "de": the interface language (``<html lang>``).
``t``               dict of interface strings in that language (keys of ``STRINGS["en"]``).
``schema_version``  int, the result's schema version.
``site``            {"url": str, "href": str | None} — the audited site; href only if http(s).
``audit_date``      str | None — the audit's date, formatted for the language.
``audit_datetime``  str | None — the same date as ISO 8601 (``<time datetime>``), when it parses.
``started``         str | None — start of the crawl as recorded (ISO 8601).
``finished``        str | None — end of the crawl as recorded (ISO 8601).
``duration``        str | None — finished − started, e.g. "3 min 12 s", when both parse.
``site_language``   str | None — the site's language by name ("German"/"Deutsch"), or its code.
``score``           score view of the site score (see *score view* below) plus
                    "verdict": str (a sentence in plain language) and
                    "gauge": {"radius", "circumference", "dash", "gap"} — SVG numbers as strings.
``totals``          {"checks": int, "pass": int, "warn": int, "fail": int, "informative": int,
                    "not_measured": int} — check counts over the whole audit.
``categories``      list of category views, in the result's order, then an "other" group for
                    checks whose category the result does not list:
                    {"id", "anchor", "title", "description", "weight": str, "score": score view,
                    "bar": str (0–100, SVG width) | None, "counts": same keys as ``totals``,
                    "summary": str (e.g. "2 failed · 1 warning · 3 passed"), "checks": [check view]}.
``coverage``        {"urls_crawled": str, "html_pages": str, "complete": bool,
                    "complete_label": str, "limits_hit": [str],
                    "not_measured": [{"id", "anchor", "title", "state", "state_label", "reason"}]}.
``warnings``        list of str — warnings recorded by the audit.
``pages``           {"rows": [page row], "total": int, "shown": int, "more": int, "more_label": str}.

Check view
    {"id", "anchor", "title" (failure title when fail/warn), "pass_title", "state", "state_label",
    "stage", "preview": bool, "scope", "scope_label", "score": score view, "weight": str,
    "explanation", "description",
    "evidence": {"entries": [{"url", "href", "element", "excerpt", "note"}], "total", "more",
    "more_label"},
    "affected": {"entries": [{"url", "href"}], "total", "more", "more_label"},
    "details": {"columns": [str], "rows": [[cell]], "total", "more", "more_label"}}
    where a cell is {"text": str, "href": str | None}.

Score view
    {"value": float | None (0–100), "display": str ("72" or "not measured"), "measured": bool,
    "tone": "good" | "ok" | "poor" | "bad" | "none"}.

Page row
    {"url", "href", "title", "status": str, "error", "depth": str, "words": str,
    "score": score view, "failed": [{"id", "anchor"}]}.
"""

from __future__ import annotations

import json
import math
import re
from datetime import datetime
from typing import Any

from scoring.results import AuditResult, CategoryResult, CheckResult, Evidence, PageSummary

DEFAULT_LANG = "en"
MAX_AFFECTED = 50  # affected pages listed per check ("and N more")
MAX_EVIDENCE = 50  # evidence items listed per check
MAX_DETAIL_ROWS = 100  # details rows per check; the full table is in results.json
MAX_PAGE_ROWS = 5000  # rows of the page table; every page is in pages.csv
MAX_TEXT = 1000  # characters of one crawled text shown (excerpts, cells)
GAUGE_RADIUS = 52.0

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "report_title": "GEO audit",
        "site": "Site",
        "audit_date": "Audit date",
        "duration": "Duration",
        "language": "Site language",
        "unknown": "unknown",
        "contents": "Contents",
        "summary": "Summary",
        "site_score": "Site score",
        "out_of": "out of 100",
        "categories": "Categories",
        "category_scores": "Category scores",
        "weight": "Weight",
        "score": "Score",
        "not_measured": "not measured",
        "checks_total": "checks",
        "coverage": "Coverage",
        "urls_crawled": "URLs crawled",
        "html_pages": "HTML pages",
        "crawl_complete": "Crawl complete",
        "yes": "yes",
        "no": "no",
        "complete_yes": "yes — every reachable page within the limits was crawled",
        "complete_no": "no — the crawl was cut short; site-wide findings cover only the pages crawled",
        "limits_hit": "Limits hit",
        "none": "none",
        "checks_not_measured": "Checks not measured",
        "all_measured": "Every check was measured.",
        "warnings": "Warnings",
        "why": "Why it matters",
        "evidence": "Evidence",
        "affected_pages": "Affected pages",
        "details": "Details",
        "and_more": "and {n} more",
        "more_rows": "{n} more rows in results.json",
        "more_pages": "{n} more pages in pages.csv",
        "pages": "Pages",
        "url": "URL",
        "status": "Status",
        "depth": "Depth",
        "words": "Words",
        "page_score": "Page score",
        "failed_checks": "Failed checks",
        "element": "Element",
        "excerpt": "Excerpt",
        "note": "Note",
        "preview": "preview",
        "preview_note": "Preview check: shown for information, weighs 0.",
        "scope": "Scope",
        "scope_page": "per page",
        "scope_site": "site-wide",
        "no_checks": "No checks in this category.",
        "no_pages": "No pages were crawled.",
        "other_checks": "Other checks",
        "state_pass": "Passed",
        "state_fail": "Failed",
        "state_warn": "Warning",
        "state_not_applicable": "Not applicable",
        "state_informative": "Information",
        "state_error": "Error",
        "count_pass": "passed",
        "count_warn": "warnings",
        "count_fail": "failed",
        "count_informative": "information",
        "count_not_measured": "not measured",
        "verdict_good": "Strong: the site gives search and answer engines a lot they can trust and cite.",
        "verdict_ok": "Solid, with clear gaps: fixing the failed checks below will make it citable.",
        "verdict_poor": "Needs work: important signals that answer engines look for are missing.",
        "verdict_bad": "Weak: search and answer engines find little on this site they can trust or cite.",
        "verdict_none": "Not measured: no check could be scored, so there is no site score.",
        "footer": "Generated by geo-auditor. Every finding lists its evidence; "
        "the full data is in results.json and pages.csv.",
        "schema": "Result schema",
    },
    "de": {
        "report_title": "GEO-Audit",
        "site": "Website",
        "audit_date": "Audit-Datum",
        "duration": "Dauer",
        "language": "Sprache der Website",
        "unknown": "unbekannt",
        "contents": "Inhalt",
        "summary": "Zusammenfassung",
        "site_score": "Gesamtbewertung",
        "out_of": "von 100",
        "categories": "Kategorien",
        "category_scores": "Bewertung nach Kategorie",
        "weight": "Gewicht",
        "score": "Bewertung",
        "not_measured": "nicht gemessen",
        "checks_total": "Prüfungen",
        "coverage": "Abdeckung",
        "urls_crawled": "Gecrawlte URLs",
        "html_pages": "HTML-Seiten",
        "crawl_complete": "Crawl vollständig",
        "yes": "ja",
        "no": "nein",
        "complete_yes": "ja – jede erreichbare Seite innerhalb der Grenzen wurde gecrawlt",
        "complete_no": "nein – der Crawl wurde vorzeitig beendet; websiteweite Ergebnisse "
        "beruhen nur auf den gecrawlten Seiten",
        "limits_hit": "Erreichte Grenzen",
        "none": "keine",
        "checks_not_measured": "Nicht gemessene Prüfungen",
        "all_measured": "Alle Prüfungen wurden gemessen.",
        "warnings": "Warnungen",
        "why": "Warum es wichtig ist",
        "evidence": "Belege",
        "affected_pages": "Betroffene Seiten",
        "details": "Details",
        "and_more": "und {n} weitere",
        "more_rows": "{n} weitere Zeilen in results.json",
        "more_pages": "{n} weitere Seiten in pages.csv",
        "pages": "Seiten",
        "url": "URL",
        "status": "Status",
        "depth": "Tiefe",
        "words": "Wörter",
        "page_score": "Seitenbewertung",
        "failed_checks": "Nicht bestandene Prüfungen",
        "element": "Element",
        "excerpt": "Auszug",
        "note": "Hinweis",
        "preview": "Vorschau",
        "preview_note": "Vorschau-Prüfung: nur zur Information, Gewicht 0.",
        "scope": "Umfang",
        "scope_page": "je Seite",
        "scope_site": "websiteweit",
        "no_checks": "Keine Prüfungen in dieser Kategorie.",
        "no_pages": "Es wurden keine Seiten gecrawlt.",
        "other_checks": "Weitere Prüfungen",
        "state_pass": "Bestanden",
        "state_fail": "Nicht bestanden",
        "state_warn": "Warnung",
        "state_not_applicable": "Nicht anwendbar",
        "state_informative": "Information",
        "state_error": "Fehler",
        "count_pass": "bestanden",
        "count_warn": "Warnungen",
        "count_fail": "nicht bestanden",
        "count_informative": "Information",
        "count_not_measured": "nicht gemessen",
        "verdict_good": "Stark: Die Website bietet Such- und Antwortmaschinen viel, dem sie vertrauen "
        "und das sie zitieren können.",
        "verdict_ok": (
            "Solide, mit klaren Lücken: Wer die nicht bestandenen Prüfungen behebt, wird zitierfähig."
        ),
        "verdict_poor": "Ausbaufähig: Wichtige Signale, auf die Antwortmaschinen achten, fehlen.",
        "verdict_bad": "Schwach: Such- und Antwortmaschinen finden auf dieser Website wenig, dem sie "
        "vertrauen oder das sie zitieren können.",
        "verdict_none": (
            "Nicht gemessen: Keine Prüfung konnte bewertet werden, daher gibt es keine Gesamtbewertung."
        ),
        "footer": "Erstellt mit geo-auditor. Jedes Ergebnis nennt seine Belege; "
        "alle Daten stehen in results.json und pages.csv.",
        "schema": "Ergebnis-Schema",
    },
}

LANGUAGE_NAMES = {
    "en": {"de": "German", "en": "English", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch"},
    "de": {
        "de": "Deutsch",
        "en": "Englisch",
        "fr": "Französisch",
        "es": "Spanisch",
        "it": "Italienisch",
        "nl": "Niederländisch",
    },
}
MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
}
UNMEASURED = ("not_applicable", "error")

# Absolute http(s) URL without whitespace or control characters: browsers drop tabs and newlines
# inside URLs ("java\tscript:"), so anything with them never becomes a link.
_HTTP_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE | re.ASCII)
_SLUG = re.compile(r"[^a-z0-9]+")


def resolve_lang(lang: str | None, site_language: str | None = None) -> str:
    """The interface language: `lang` if given and known, else the site's, else English."""
    for candidate in (lang, site_language):
        code = _lang_code(candidate)
        if code in STRINGS:
            return code
    return DEFAULT_LANG


def _lang_code(value: str | None) -> str | None:
    if not value:
        return None
    return re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0] or None


def safe_href(url: str | None) -> str | None:
    """The URL if it may be a link target (absolute http/https), else None.

    Never lets `javascript:`, `data:`, relative or malformed URLs through.
    """
    if not url or not isinstance(url, str):
        return None
    return url if _HTTP_URL.fullmatch(url) else None


def anchor(prefix: str, ident: str) -> str:
    """An HTML id built from our ids: lower-case letters, digits and hyphens only."""
    slug = _SLUG.sub("-", str(ident).lower()).strip("-") or "x"
    return f"{prefix}-{slug}"


def fmt_int(value: int | None, lang: str) -> str:
    if value is None:
        return "—"
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "de" else text


def fmt_num(value: float | None, lang: str, digits: int = 1) -> str:
    """A number with at most `digits` decimals, trailing zeros dropped, in the language's style."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    rounded = round(float(value), digits)
    if rounded == int(rounded):
        return fmt_int(int(rounded), lang)
    text = f"{rounded:,.{digits}f}".rstrip("0").rstrip(".")
    if lang == "de":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def tone(score: float | None) -> str:
    """Colour band of a 0–100 score."""
    if score is None:
        return "none"
    if score >= 80:
        return "good"
    if score >= 60:
        return "ok"
    if score >= 40:
        return "poor"
    return "bad"


def score_view(score: float | None, t: dict[str, str], lang: str) -> dict[str, Any]:
    """A 0–100 score for display; None stays "not measured", never 0."""
    if score is not None and not math.isfinite(score):
        score = None
    return {
        "value": score,
        "display": t["not_measured"] if score is None else fmt_num(score, lang),
        "measured": score is not None,
        "tone": tone(score),
    }


def clip(text: Any, limit: int = MAX_TEXT) -> str:
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def iso_date(value: str | None) -> str | None:
    parsed = _parse_time(value)
    return parsed.date().isoformat() if parsed else None


def fmt_date(value: str | None, lang: str) -> str | None:
    parsed = _parse_time(value)
    if parsed is None:
        return value or None
    month = MONTHS[lang][parsed.month - 1]
    if lang == "de":
        return f"{parsed.day}. {month} {parsed.year}"
    return f"{parsed.day} {month} {parsed.year}"


def fmt_duration(started: str | None, finished: str | None) -> str | None:
    begin, end = _parse_time(started), _parse_time(finished)
    if begin is None or end is None or (begin.tzinfo is None) != (end.tzinfo is None):
        return None
    seconds = int((end - begin).total_seconds())
    if seconds < 0:
        return None
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {seconds} s"
    return f"{seconds} s"


def _more(total: int, shown: int, template: str) -> dict[str, Any]:
    more = max(total - shown, 0)
    return {"total": total, "more": more, "more_label": template.format(n=more) if more else ""}


def _cell(value: Any, t: dict[str, str], lang: str) -> dict[str, Any]:
    if value is None:
        return {"text": "", "href": None}
    if isinstance(value, bool):
        return {"text": t["yes"] if value else t["no"], "href": None}
    if isinstance(value, int):
        return {"text": fmt_int(value, lang), "href": None}
    if isinstance(value, float):
        return {"text": fmt_num(value, lang, digits=2), "href": None}
    if isinstance(value, str):
        return {"text": clip(value), "href": safe_href(value)}
    if isinstance(value, list | tuple | set | frozenset):
        return {"text": clip(", ".join("" if v is None else str(v) for v in value)), "href": None}
    if isinstance(value, dict):
        return {"text": clip(json.dumps(value, ensure_ascii=False, default=str)), "href": None}
    return {"text": clip(value), "href": None}


def _details(rows: list[dict[str, Any]], t: dict[str, str], lang: str) -> dict[str, Any]:
    columns: list[str] = []
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    shown = rows[:MAX_DETAIL_ROWS]
    return {
        "columns": [str(c) for c in columns],
        "rows": [[_cell(row.get(c), t, lang) for c in columns] for row in shown],
        **_more(len(rows), len(shown), t["more_rows"]),
    }


def _evidence(items: list[Evidence], t: dict[str, str]) -> dict[str, Any]:
    shown = items[:MAX_EVIDENCE]
    return {
        "entries": [
            {
                "url": clip(e.url),
                "href": safe_href(e.url),
                "element": clip(e.element) if e.element else None,
                "excerpt": clip(e.excerpt) if e.excerpt else None,
                "note": clip(e.note) if e.note else None,
            }
            for e in shown
        ],
        **_more(len(items), len(shown), t["and_more"]),
    }


def _check_view(check: CheckResult, t: dict[str, str], lang: str) -> dict[str, Any]:
    affected = check.affected_urls[:MAX_AFFECTED]
    score = None if check.score is None else 100 * check.score
    return {
        "id": check.id,
        "anchor": anchor("check", check.id),
        "title": check.display_title,
        "pass_title": check.title,
        "state": check.state,
        "state_label": t[f"state_{check.state}"],
        "stage": check.stage,
        "preview": check.stage == "preview",
        "scope": check.scope,
        "scope_label": t[f"scope_{check.scope}"],
        "score": score_view(score, t, lang),
        "weight": fmt_num(check.weight, lang, digits=2),
        "explanation": check.explanation,
        "description": check.description,
        "evidence": _evidence(check.evidence, t),
        "affected": {
            "entries": [{"url": clip(u), "href": safe_href(u)} for u in affected],
            **_more(len(check.affected_urls), len(affected), t["and_more"]),
        },
        "details": _details(check.details, t, lang),
    }


def _counts(checks: list[CheckResult]) -> dict[str, int]:
    counts = {"checks": len(checks), "pass": 0, "warn": 0, "fail": 0, "informative": 0, "not_measured": 0}
    for check in checks:
        counts["not_measured" if check.state in UNMEASURED else check.state] += 1
    return counts


def _summary(counts: dict[str, int], t: dict[str, str]) -> str:
    order = ("fail", "warn", "pass", "informative", "not_measured")
    parts = [f"{counts[k]} {t['count_' + k]}" for k in order if counts[k]]
    return " · ".join(parts)


def _category_view(
    category: CategoryResult | None,
    checks: list[CheckResult],
    t: dict[str, str],
    lang: str,
    other_id: str = "other",
) -> dict[str, Any]:
    score = category.score if category else None
    view = score_view(score, t, lang)
    counts = _counts(checks)
    return {
        "id": category.id if category else other_id,
        "anchor": anchor("cat", category.id if category else other_id),
        "title": category.title if category else t["other_checks"],
        "description": category.description if category else "",
        "weight": fmt_num(category.weight, lang, digits=2) if category else "0",
        "score": view,
        "bar": None if view["value"] is None else f"{max(0.0, min(100.0, view['value'])):.1f}",
        "counts": counts,
        "summary": _summary(counts, t),
        "checks": [_check_view(c, t, lang) for c in checks],
    }


def _group_checks(result: AuditResult) -> list[tuple[CategoryResult | None, list[CheckResult]]]:
    """Checks per category: in the category's `check_ids` order, then any others it owns."""
    by_id = {c.id: c for c in result.checks}
    placed: set[str] = set()
    groups: list[tuple[CategoryResult | None, list[CheckResult]]] = []
    for category in result.categories:
        checks = [by_id[cid] for cid in category.check_ids if cid in by_id and cid not in placed]
        placed.update(c.id for c in checks)
        extra = [c for c in result.checks if c.category == category.id and c.id not in placed]
        placed.update(c.id for c in extra)
        groups.append((category, checks + extra))
    rest = [c for c in result.checks if c.id not in placed]
    if rest:
        groups.append((None, rest))
    return groups


def _gauge(score: float | None) -> dict[str, str]:
    circumference = 2 * math.pi * GAUGE_RADIUS
    share = 0.0 if score is None else max(0.0, min(100.0, score)) / 100
    dash = circumference * share
    return {
        "radius": f"{GAUGE_RADIUS:g}",
        "circumference": f"{circumference:.2f}",
        "dash": f"{dash:.2f}",
        "gap": f"{circumference - dash:.2f}",
    }


def _page_row(page: PageSummary, known_checks: set[str], t: dict[str, str], lang: str) -> dict[str, Any]:
    return {
        "url": clip(page.url),
        "href": safe_href(page.url),
        "title": clip(page.title, 300) if page.title else None,
        "status": "—" if page.status is None else str(page.status),
        "error": clip(page.error, 300) if page.error else None,
        "depth": fmt_int(page.depth, lang),
        "words": fmt_int(page.words, lang),
        "score": score_view(page.score, t, lang),
        "failed": [
            {"id": cid, "anchor": anchor("check", cid) if cid in known_checks else None}
            for cid in page.failed_checks
        ],
    }


def build_view(result: AuditResult, *, lang: str | None = None) -> dict[str, Any]:
    """The template context for `report.html.j2` (keys documented in the module docstring)."""
    code = resolve_lang(lang, result.language)
    t = STRINGS[code]
    site_code = _lang_code(result.language)
    checks_by_id = {c.id: c for c in result.checks}

    site_score = score_view(result.site_score, t, code)
    site_score["verdict"] = t[f"verdict_{site_score['tone']}"]
    site_score["gauge"] = _gauge(site_score["value"])

    coverage = result.coverage
    not_measured = []
    for cid in coverage.not_measured:
        check = checks_by_id.get(cid)
        state = check.state if check else "not_applicable"
        not_measured.append(
            {
                "id": cid,
                "anchor": anchor("check", cid) if check else None,
                "title": check.title if check else cid,
                "state": state,
                "state_label": t[f"state_{state}"],
                "reason": check.explanation if check else "",
            }
        )

    page_rows = result.pages[:MAX_PAGE_ROWS]
    known = set(checks_by_id)
    return {
        "lang": code,
        "t": t,
        "schema_version": result.schema_version,
        "site": {"url": result.site, "href": safe_href(result.site)},
        "audit_date": fmt_date(result.finished or result.started, code),
        "audit_datetime": iso_date(result.finished or result.started),
        "started": result.started,
        "finished": result.finished,
        "duration": fmt_duration(result.started, result.finished),
        "site_language": LANGUAGE_NAMES[code].get(site_code or "", result.language) if site_code else None,
        "score": site_score,
        "totals": _counts(result.checks),
        "categories": [_category_view(cat, checks, t, code) for cat, checks in _group_checks(result)],
        "coverage": {
            "urls_crawled": fmt_int(coverage.urls_crawled, code),
            "html_pages": fmt_int(coverage.html_pages, code),
            "complete": coverage.complete,
            "complete_label": t["complete_yes"] if coverage.complete else t["complete_no"],
            "limits_hit": list(coverage.limits_hit),
            "not_measured": not_measured,
        },
        "warnings": list(result.warnings),
        "pages": {
            "rows": [_page_row(p, known, t, code) for p in page_rows],
            "shown": len(page_rows),
            **_more(len(result.pages), len(page_rows), t["more_pages"]),
        },
    }
