"""The report's "Development since the last audit": score and category history as a small inline
SVG chart with a table beside it, and the findings fixed and new since the audit before.

`history_view(history, result, lang, loc)` is pure. Its input is the plain dict the pipeline reads
from the store (auditor.agency.compare.report_history; the report layer never opens the store):

    {"points": [{"audit_id", "date", "site_score", "categories": {id: score | None}}] (oldest
     first, the last one is this audit), "previous": {"audit_id", "date", "score_before",
     "score_delta", "categories": [{"id", "before", "after", "delta"}], "new": [{"check", "count",
     "urls"}] (per check), "fixed": [...], "new_total", "fixed_total", "pages_added", "pages_removed"}}

None (no earlier audit of the site) gives None: the report shows nothing. A score that was not
measured stays a gap in its line and "—" in the table, never 0. Finding URLs are crawled text:
mapped to the production origin with `--as-host` (`format.map_origin`), then passed as text.

The view (context key ``history``, keys listed in reports/view.py)::

    {"title", "intro", "since", "score": {"before", "after", "delta", "trend"}, "chart": {"width",
     "height", "label", "series": [{"id", "label", "css", "site": bool, "lines": ["x,y x,y …"],
     "dots": [{"x", "y", "title"}]}], "x_labels": [{"x", "label", "anchor"}], "y_ticks": [{"y",
     "label"}]}, "table": {"columns": [str], "rows": [{"date", "cells": [str], "current": bool}]},
     "categories": [{"title", "before", "after", "delta", "trend"}] (measured in either audit),
     "fixed": findings, "new": findings, "pages": str | None, "labels": {…}}

    findings = {"title", "count": str (findings in all), "entries": [{"title", "site_wide": bool, "pages": [{"url",
                "href"}], "count": str ("12 pages"), "pages_more"}], "total" (checks), "more", "more_label", "empty"}
    (one entry per check, most findings first); trend = "up" | "down" | "flat" | "none".
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reports.format import clip, fmt_date, fmt_int, fmt_num, map_origin, more, origin_map, safe_href, short_url
from reports.i18n import Localizer
from reports.strings import CATEGORY_TITLES_DE
from scoring.core.results import AuditResult

MAX_SHOWN = 20  # checks listed among the fixed / new findings (every finding: `geo-audit compare`)
MAX_URLS = 3  # pages named per check
CHART_W, CHART_H = 560.0, 190.0
PAD_L, PAD_R, PAD_T, PAD_B = 34.0, 14.0, 10.0, 26.0
FLAT = 0.5  # a score change smaller than this (points) is shown as unchanged

HISTORY_STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Development since the last audit",
        "intro": "Scores of the last {n} audits of this site; what changed since the audit of {date}.",
        "chart": "Site and category scores, audit by audit (0–100)",
        "score_change": "Site score",
        "date": "Audit",
        "site": "Site score",
        "this_audit": "this audit",
        "fixed": "Fixed since the last audit",
        "new": "New since the last audit",
        "none_fixed": "No finding of the last audit has been fixed.",
        "none_new": "No new findings.",
        "site_wide": "site-wide",
        "pages_1": "1 page",
        "pages_n": "{n} pages",
        "more_checks": "and {n} more checks (geo-audit compare lists every finding)",
        "pages": "{added} pages added, {removed} gone since the last audit.",
        "not_compared": "not comparable",
        "up": "better",
        "down": "worse",
        "flat": "unchanged",
    },
    "de": {
        "title": "Entwicklung seit dem letzten Audit",
        "intro": "Bewertungen der letzten {n} Audits dieser Website; was sich seit dem Audit vom {date} geändert hat.",
        "chart": "Website- und Kategorie-Bewertungen, Audit für Audit (0–100)",
        "score_change": "Website-Bewertung",
        "date": "Audit",
        "site": "Website-Bewertung",
        "this_audit": "dieses Audit",
        "fixed": "Seit dem letzten Audit behoben",
        "new": "Seit dem letzten Audit neu",
        "none_fixed": "Kein Befund des letzten Audits ist behoben.",
        "none_new": "Keine neuen Befunde.",
        "site_wide": "website-weit",
        "pages_1": "1 Seite",
        "pages_n": "{n} Seiten",
        "more_checks": "und {n} weitere Prüfungen (geo-audit compare nennt jeden Befund)",
        "pages": "{added} Seiten hinzugekommen, {removed} weggefallen seit dem letzten Audit.",
        "not_compared": "nicht vergleichbar",
        "up": "besser",
        "down": "schlechter",
        "flat": "unverändert",
    },
}


def trend(delta: float | None) -> str:
    if delta is None:
        return "none"
    return "flat" if abs(delta) < FLAT else "up" if delta > 0 else "down"


def signed(delta: float | None, lang: str) -> str:
    """ "+4,2" / "−3" / "±0": the change in points, in the language's style."""
    if delta is None:
        return "—"
    if abs(delta) < 0.05:
        return "±0"
    return ("+" if delta > 0 else "−") + fmt_num(abs(delta), lang)


def _y(score: float) -> float:
    return PAD_T + (100.0 - max(0.0, min(100.0, score))) / 100.0 * (CHART_H - PAD_T - PAD_B)


def _xs(count: int) -> list[float]:
    width = CHART_W - PAD_L - PAD_R
    if count == 1:
        return [PAD_L + width / 2]
    return [PAD_L + width * i / (count - 1) for i in range(count)]


def _series(
    ident: str, label: str, css: str, values: list[float | None], xs: list[float], dates: list[str], lang: str
) -> dict[str, Any]:
    """One line of the chart: polylines between measured points (a gap where a score is None)."""
    lines: list[list[str]] = [[]]
    dots = []
    for x, value, date in zip(xs, values, dates, strict=True):
        if value is None:
            if lines[-1]:
                lines.append([])
            continue
        y = _y(value)
        lines[-1].append(f"{x:.1f},{y:.1f}")
        dots.append({"x": f"{x:.1f}", "y": f"{y:.1f}", "title": f"{label}, {date}: {fmt_num(value, lang)}"})
    return {
        "id": ident,
        "label": label,
        "css": css,
        "site": ident == "site",
        "lines": [" ".join(line) for line in lines if len(line) > 1],
        "dots": dots,
    }


def _dates(values: list[Any], ids: list[Any], lang: str) -> list[str]:
    """Each audit's date in the language's style; with the time of day ("6 May 2025, 09:03") when
    two audits fall on the same day, so no two points read alike."""
    dates = [fmt_date(v, lang) or f"#{i}" for v, i in zip(values, ids, strict=True)]
    if len(set(dates)) == len(dates):
        return dates
    timed = []
    for date, value in zip(dates, values, strict=True):
        try:
            timed.append(f"{date}, {datetime.fromisoformat(str(value)):%H:%M}")
        except ValueError:
            timed.append(date)
    return timed


def _x_labels(xs: list[float], dates: list[str]) -> list[dict[str, str]]:
    """Every date up to 5 audits, else the first and the last (labels would overlap); the first
    anchored at its start and the last at its end, so neither leaves the chart."""
    last = len(xs) - 1
    labels = []
    for n, (x, date) in enumerate(zip(xs, dates, strict=True)):
        anchor = "middle" if 0 < n < last or last == 0 else "start" if n == 0 else "end"
        x_text = CHART_W - 2 if anchor == "end" else x
        labels.append({"x": f"{x_text:.1f}", "label": date if last < 5 or n in (0, last) else "", "anchor": anchor})
    return labels


def _category_titles(result: AuditResult, lang: str) -> dict[str, str]:
    titles = {c.id: c.title for c in result.categories}
    if lang == "de":
        titles.update({cid: CATEGORY_TITLES_DE[cid][0] for cid in titles if cid in CATEGORY_TITLES_DE})
    return titles


def _pages(count: int, s: dict[str, str], lang: str) -> str:
    return s["pages_1"] if count == 1 else s["pages_n"].format(n=fmt_int(count, lang))


def _findings(
    previous: dict[str, Any], kind: str, s: dict[str, str], result: AuditResult, loc: Localizer, t: dict[str, str]
) -> dict[str, Any]:
    """The fixed or new findings (`kind`) since the audit before, one entry per check."""
    mapping = origin_map(result)
    fallback = {c.id: c.failure_title or c.title for c in result.checks}
    groups = [g for g in previous.get(kind) or [] if isinstance(g, dict)]
    entries = []
    for group in groups[:MAX_SHOWN]:
        check_id = str(group.get("check") or "")
        urls = [map_origin(str(u), mapping) for u in group.get("urls") or [] if u][:MAX_URLS]
        count = int(group.get("count") or len(urls) or 1)
        entries.append(
            {
                "title": clip(loc.check_field(check_id, "failure_title", fallback.get(check_id, check_id)), 300),
                "site_wide": not urls,
                "pages": [{"url": clip(short_url(u, result.site), 300), "href": safe_href(u)} for u in urls],
                "count": _pages(count, s, loc.lang) if urls else "",
                "pages_more": t["and_more"].format(n=fmt_int(count - len(urls), loc.lang)) if count > len(urls) else "",
            }
        )
    total = max(sum(int(g.get("count") or 1) for g in groups), int(previous.get(f"{kind}_total") or 0))
    return {
        "title": s[kind],
        "count": fmt_int(total, loc.lang),
        "entries": entries,
        "empty": s[f"none_{kind}"],
        **more(len(groups), len(entries), s["more_checks"]),
    }


def history_view(
    history: dict[str, Any] | None, result: AuditResult, t: dict[str, str], lang: str, loc: Localizer
) -> dict[str, Any] | None:
    """The "development" section, or None without an earlier audit (module docstring)."""
    previous = (history or {}).get("previous")
    points = [p for p in (history or {}).get("points") or [] if isinstance(p, dict)]
    if not previous or not points:
        return None
    s = HISTORY_STRINGS[lang]
    dates = _dates([p.get("date") for p in points], [p.get("audit_id") for p in points], lang)
    titles = _category_titles(result, lang)
    cat_ids = [c.id for c in result.categories]
    xs = _xs(len(points))
    series = [_series("site", s["site"], "hist-site", [p.get("site_score") for p in points], xs, dates, lang)]
    for n, cid in enumerate(cat_ids):
        values = [(p.get("categories") or {}).get(cid) for p in points]
        if any(v is not None for v in values):  # a category never measured gets no line
            series.append(_series(cid, titles.get(cid, cid), f"hist-c{n % 6}", values, xs, dates, lang))
    rows = []
    for n, (point, date) in enumerate(zip(points, dates, strict=True)):
        cats = point.get("categories") or {}
        rows.append(
            {
                "date": date,
                "current": n == len(points) - 1,
                "cells": [fmt_num(point.get("site_score"), lang)] + [fmt_num(cats.get(c), lang) for c in cat_ids],
            }
        )
    delta = previous.get("score_delta")
    since = dates[-2] if len(dates) > 1 else fmt_date(previous.get("date"), lang) or f"#{previous.get('audit_id')}"
    pages = None
    if previous.get("pages_added") or previous.get("pages_removed"):
        added = fmt_int(previous.get("pages_added") or 0, lang)
        pages = s["pages"].format(added=added, removed=fmt_int(previous.get("pages_removed") or 0, lang))
    return {
        "title": s["title"],
        "intro": s["intro"].format(n=fmt_int(len(points), lang), date=since),
        "since": since,
        "labels": s,
        "score": {
            "before": fmt_num(previous.get("score_before"), lang),
            "after": fmt_num(result.site_score, lang),
            "delta": signed(delta, lang),
            "trend": trend(delta),
        },
        "chart": {
            "width": f"{CHART_W:g}",
            "height": f"{CHART_H:g}",
            "label": s["chart"],
            "series": series,
            "x_labels": _x_labels(xs, dates),
            "y_ticks": [{"y": f"{_y(v):.1f}", "label": str(v)} for v in (0, 50, 100)],
        },
        "table": {"columns": [s["date"], s["site"], *(titles.get(c, c) for c in cat_ids)], "rows": rows},
        "categories": [
            {
                "title": titles.get(c.get("id"), c.get("title") or c.get("id")),
                "before": fmt_num(c.get("before"), lang),
                "after": fmt_num(c.get("after"), lang),
                "delta": signed(c.get("delta"), lang),
                "trend": trend(c.get("delta")),
            }
            for c in previous.get("categories") or []
            if isinstance(c, dict) and (c.get("before") is not None or c.get("after") is not None)
        ],
        "fixed": _findings(previous, "fixed", s, result, loc, t),
        "new": _findings(previous, "new", s, result, loc, t),
        "pages": pages,
    }
