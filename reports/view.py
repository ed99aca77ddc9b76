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
                    With ``--as-host`` every URL and text shows the production origin
                    (``reports.format.display_result``), here and in every other key.
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
                    "not_measured": [{"id", "anchor", "title", "state", "state_label", "reason",
                    "reason_lang"}]}.
``warnings``        list of str — warnings recorded by the audit.
``pages``           {"rows": [page row], "total": int, "shown": int, "more": int, "more_label": str,
                    "failing_checks": [{"id", "label"}] (the page filter's per-check options),
                    "window": int (rows shown before "show all")}.
``blockers``        list of {"id", "anchor", "title", "why", "why_lang", "pages_total", "site_wide",
                    "pages_label" ("whole site" / "12 pages affected")}: the checks
                    whose failure keeps the site out of search or AI answers outright
                    (``CheckResult.blocker``), open ones first, then by gain; "why" is the blocker message in
                    the report language ("why_lang": "en" when untranslated, else None);
                    "pages_total": URLs listed; "site_wide" (`plan.site_wide`: a site-scoped rule such
                    as robots.txt, or noindex on every page) labels it "whole site". Empty: no blocker.
``plan``            the action plan: list of plan items, blockers first, then best priority
                    (see *plan item*).
``plan_groups``     the same items grouped: [{"kind": "quick_win" | "project", "title", "intro"
                    (the rule, reports/plan.py), "entries": [plan item]}], quick wins first; empty
                    groups left out.
``levers``          the three plan items with the largest gain, blockers first (the summary's
                    "biggest levers").
``insights``        {"clusters": [{"id", "label", "colour" (CSS class cl-0…cl-9), "pages", "median_words",
                    "total_words", "score": score view, "bar", "hub": link | None, "strongest": link | None}],
                    "focus": score view, "graph": graph | None, "histogram": histogram | None,
                    "suggestions": [{"source", "source_href", "target", "target_href", "anchor", "reason"}],
                    "suggestions_more": int, "model": str | None}. Empty lists / None = not measured.
                    graph: {"width", "height", "nodes": [{"x", "y", "r", "colour", "starved", "label"}],
                    "edges": [{"x1", "y1", "x2", "y2"}], "starved": int, "capped_label": str} — SVG
                    coordinates from the computed layout (GraphNode.x/y), radius by link score.
                    histogram: {"bars": [{"label", "count", "x", "y", "w", "h", "tx", "ty", "unreachable"}],
                    "width", "height"}.
``ai_matrix``       None when the ai-crawler-access check has no rows, else {"classes": [{"label",
                    "total", "allowed", "text"}] (search, user, training), "rows": [agent row] (main
                    agents and every blocked one), "others": [agent row], "others_label",
                    "check_anchor", "state", "state_label", "explanation"}; agent row:
                    {"token", "operator", "main", "cells": [{"state", "label"} | None] × 3, "rule"}.
``history``         None (no earlier scored audit of the site in the store), or "Development since the
                    last audit": score and category history as an SVG chart and a table, the score
                    change and the findings fixed and new since the audit before (keys in
                    reports/history.py; template reports/templates/history.html.j2).
``languages``       None (one language), or the per-language figures of a multilingual site: pages,
                    articles, median words, evidence shares (keys in reports/languages.py).
``rendering``       None, or "What AI crawlers see" (raw HTML vs rendered page per template; keys in
                    reports/rendering.py, template reports/templates/rendering.html.j2).
``briefs``          list of {"anchor", "title", "angle", "questions", "outline": [{"level", "text"}],
                    "evidence_tasks", "internal_links": [{"source": link, "target": link, "anchor",
                    "reason"}], "merge_or_expand": [link], "targets": [link], "effort", "language",
                    "topic" (the cluster's label, "" if none), "experts": [str] (people of the site to
                    quote), "opportunity" (0–100 or None), "source" (sentence), "llm": bool};
                    link = {"url", "href"}.
``branding``        None or {"name", "logo" (data:image URI), "color" ("#rrggbb"), "footer", "contact"
                    (one line)}: validated.
``drill``           the page drill-down data (see reports.sections.drill_data), serialised by the
                    writer into <script type="application/json" id="drill-data">.

Added by `writers.render_report` (not by build_view): ``csp`` (the policy string), ``script`` (the
inline script, allowed by its sha256 hash) and ``drill_json`` (``drill`` as escaped JSON).

Plan item
    {"rank", "id", "anchor", "title", "state", "state_label", "category", "gain_value": float
    (site-score points if the check passed fully), "gain": str, "gain_bar", "effort" ("low" | "medium" |
    "high" | "unknown"), "effort_label", "priority" (gain / effort factor 1, 2, 3), "todo" (what to do),
    "todo_lang", "explanation", "pages_total", "site_wide" (a blocker whose rule covers the site:
    shown as "whole site"), "pages": [link] (first 3), "pages_more",
    "blocker": bool, "kind": "quick_win" | "project", "kind_label"}.

Check view
    {"id", "anchor", "title" (failure title when fail/warn), "pass_title", "state", "state_label",
    "stage", "preview": bool, "scope", "scope_label", "score": score view, "weight": str,
    "explanation", "explanation_lang", "description",
    "evidence": {"entries": [{"url", "href", "element", "excerpt", "note", "note_lang"}], "total", "more",
    "more_label", "open"},
    "affected": {"entries": [{"url", "href"}], "total", "more", "more_label", "open"},
    "details": {"columns": [str], "rows": [[cell]], "total", "more", "more_label", "open"}}
    ("open": entries shown unfolded; the rest sit in a folded <details>, which stays folded in print).
    where a cell is {"text": str, "href": str | None, "lang": "en" | None}.
    Titles, description, explanation, notes, column headers and machine-written cells are in the
    report language (reports/i18n); a machine-written sentence without a translation stays English
    and its ``*_lang`` / "lang" key is "en" (the template marks it ``lang="en"``), else None.

Score view
    {"value": float | None (0–100), "display": str ("72" or "not measured"), "measured": bool,
    "tone": "good" | "ok" | "poor" | "bad" | "none"}.

Page row
    {"index", "hidden" (beyond the first PAGE_WINDOW rows), "url", "href", "title", "status": str,
    "error", "depth": str, "words": str,
    "score": score view, "failed": [{"id", "anchor"}], "failed_ids": str, "sort_status", "sort_depth",
    "sort_words", "sort_score" (raw numbers as strings for the table script; "" = not measured)}.
"""

from __future__ import annotations

import math
from typing import Any

from reports.check_view import MAX_AFFECTED, MAX_DETAIL_ROWS, MAX_EVIDENCE, OPEN_ROWS, _check_view, _warnings
from reports.format import (
    anchor,
    clip,
    display_result,
    fmt_date,
    fmt_duration,
    fmt_int,
    fmt_num,
    iso_date,
    lang_code,
    more,
    resolve_lang,
    safe_href,
    score_view,
)
from reports.history import history_view
from reports.i18n import Localizer
from reports.languages import languages_view
from reports.rendering import rendering_view
from reports.sections import (
    action_plan,
    ai_matrix,
    blockers_view,
    branding_view,
    briefs_view,
    drill_data,
    insights_view,
)
from reports.strings import CATEGORY_TITLES_DE, LANGUAGE_NAMES, STRINGS
from scoring.core.results import AuditResult, CategoryResult, CheckResult, PageSummary

MAX_PAGE_ROWS = 5000  # rows of the page table; every page is in pages.csv
PAGE_WINDOW = 500  # rows shown at once (the rest are hidden until "show all"): keeps sorting fast
GAUGE_RADIUS = 52.0

UNMEASURED = ("not_applicable", "error")
__all__ = ["MAX_AFFECTED", "MAX_DETAIL_ROWS", "MAX_EVIDENCE", "OPEN_ROWS", "STRINGS", "build_view", "safe_href"]


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
    loc: Localizer | None = None,
    site: str = "",
) -> dict[str, Any]:
    score = category.score if category else None
    view = score_view(score, t, lang)
    counts = _counts(checks)
    title, description = (category.title, category.description) if category else (t["other_checks"], "")
    if category and lang == "de" and category.id in CATEGORY_TITLES_DE:
        title, description = CATEGORY_TITLES_DE[category.id]
    return {
        "id": category.id if category else other_id,
        "anchor": anchor("cat", category.id if category else other_id),
        "title": title,
        "description": description,
        "weight": fmt_num(category.weight, lang, digits=2) if category else "0",
        "score": view,
        "bar": None if view["value"] is None else f"{max(0.0, min(100.0, view['value'])):.1f}",
        "gauge": _gauge(view["value"]),
        "counts": counts,
        "summary": _summary(counts, t),
        "checks": [_check_view(c, t, lang, loc, site) for c in checks],
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


def _page_row(page: PageSummary, known_checks: set[str], t: dict[str, str], lang: str, index: int) -> dict[str, Any]:
    return {
        "index": index,
        "hidden": index >= PAGE_WINDOW,
        "sort_status": "" if page.status is None else str(page.status),
        "sort_depth": "" if page.depth is None else str(page.depth),
        "sort_words": str(page.words),
        "sort_score": "" if page.score is None else f"{page.score:g}",
        "failed_ids": " ".join(page.failed_checks),
        "url": clip(page.url),
        "href": safe_href(page.url),
        "title": clip(page.title, 300) if page.title else None,
        "status": "—" if page.status is None else str(page.status),
        "error": clip(page.error, 300) if page.error else None,
        "depth": fmt_int(page.depth, lang),
        "words": fmt_int(page.words, lang),
        "score": score_view(page.score, t, lang),
        "failed": [
            {"id": cid, "anchor": anchor("check", cid) if cid in known_checks else None} for cid in page.failed_checks
        ],
    }


def build_view(
    result: AuditResult,
    *,
    lang: str | None = None,
    branding: dict[str, Any] | None = None,
    history: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The template context for `report.html.j2` (keys documented in the module docstring).

    `history` (optional): the site's earlier audits as the pipeline reads them from the store
    (auditor.agency.compare.report_history; shape in reports/history.py). None: no trends shown.

    `branding` (white-label reports, e.g. an agency's batch of client audits) is optional:
    {"name": str, "logo": "data:image/...;base64,..." (writers.load_branding turns a file into this),
    "color": "#rrggbb", "footer": str, "contact": str}. Invalid values are dropped, never rendered as markup.
    """
    result = display_result(result)  # production URLs with --as-host
    code = resolve_lang(lang, result.language)
    t = STRINGS[code]
    loc = Localizer(code)
    site_code = lang_code(result.language)
    checks_by_id = {c.id: c for c in result.checks}

    site_score = score_view(result.site_score, t, code)
    site_score["verdict"] = t[f"verdict_{site_score['tone']}"]
    site_score["gauge"] = _gauge(site_score["value"])

    coverage = result.coverage
    not_measured = []
    for cid in coverage.not_measured:
        check = checks_by_id.get(cid)
        state = check.state if check else "not_applicable"
        reason, reason_lang = loc.message(check.explanation_message, check.explanation) if check else ("", None)
        not_measured.append(
            {
                "id": cid,
                "anchor": anchor("check", cid) if check else None,
                "title": loc.check_field(cid, "title", check.title) if check else cid,
                "state": state,
                "state_label": t[f"state_{state}"],
                "reason": reason,
                "reason_lang": reason_lang,
            }
        )

    page_rows = result.pages[:MAX_PAGE_ROWS]
    known = set(checks_by_id)
    categories = [
        _category_view(cat, checks, t, code, loc=loc, site=result.site) for cat, checks in _group_checks(result)
    ]
    plan = action_plan(result, t, code, {c["id"]: c["title"] for c in categories}, loc)
    failing = sorted({cid for p in page_rows for cid in p.failed_checks})
    titles = {c.id: loc.check_field(c.id, "title", c.title) for c in result.checks}
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
        "categories": categories,
        "blockers": blockers_view(result, t, loc),
        "plan": plan["items"],
        "plan_groups": plan["groups"],
        "levers": plan["levers"],
        "insights": insights_view(result, t, code, loc),
        "ai_matrix": ai_matrix(result, t, loc),
        "rendering": rendering_view(result, t, code),
        "history": history_view(history, result, t, code, loc),
        "languages": languages_view(result, code),
        "briefs": briefs_view(result, t),
        "branding": branding_view(branding),
        "drill": drill_data(result, t, len(page_rows), loc),
        "coverage": {
            "urls_crawled": fmt_int(coverage.urls_crawled, code),
            "html_pages": fmt_int(coverage.html_pages, code),
            "complete": coverage.complete,
            "complete_label": t["complete_yes"] if coverage.complete else t["complete_no"],
            "limits_hit": [t.get(f"limit_{limit}", limit) for limit in coverage.limits_hit],
            "not_measured": not_measured,
        },
        "warnings": _warnings(result, loc),
        "pages": {
            "rows": [_page_row(p, known, t, code, n) for n, p in enumerate(page_rows)],
            "failing_checks": [
                {"id": cid, "label": t["filter_check"].format(title=titles.get(cid, cid))} for cid in failing
            ],
            "window": PAGE_WINDOW,
            "shown": len(page_rows),
            **more(len(result.pages), len(page_rows), t["more_pages"]),
        },
    }
