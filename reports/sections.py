"""View-model parts of the report beyond the check sections: pictures, AI-agent matrix, article
briefs, page drill-down data and branding (the action plan, levers and blockers: reports.plan).
Pure functions of an `AuditResult`; the keys they return are documented in `reports.view`.
"""

from __future__ import annotations

import math
import re
from typing import Any

from reports.format import anchor, clip, fmt_num, safe_href, score_view, short_url
from reports.i18n import Localizer
from reports.plan import action_plan, blockers_view, check_gains
from scoring.core.results import AuditResult, GraphNode

__all__ = ["action_plan", "ai_matrix", "blockers_view", "branding_view", "briefs_view", "check_gains", "drill_data"]

MAX_GRAPH_NODES = 1500  # SVG nodes; beyond this the best-linked pages are kept
MAX_GRAPH_EDGES = 6000
MAX_SUGGESTIONS = 50
MAX_DRILL_EVIDENCE = 5  # evidence items per page finding in the drill-down
DRILL_TEXT = 300
CLUSTER_COLOURS = 10  # CSS classes cl-0 … cl-9
GRAPH_W, GRAPH_H, GRAPH_PAD = 1000.0, 620.0, 16.0
HIST_ORDER = [str(i) for i in range(10)] + ["10+", "unreachable"]
AGENT_CLASSES = ("search", "user", "training")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}")
_LOGO = re.compile(r"data:image/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]+")
MAX_LOGO = 512 * 1024  # characters of the logo's data: URI


# --- insights: clusters, link graph, click depth, suggestions -----------------------------------


def _bar(value: float | None) -> str | None:
    return None if value is None else f"{max(0.0, min(100.0, value)):.1f}"


def insights_view(result: AuditResult, t: dict[str, str], lang: str, loc: Localizer | None = None) -> dict[str, Any]:

    loc = loc or Localizer(lang)
    ins = result.insights

    def link(url: str | None) -> dict[str, Any] | None:
        return {"url": clip(short_url(url, result.site), 300), "href": safe_href(url)} if url else None

    cluster_index = {c.id: n % CLUSTER_COLOURS for n, c in enumerate(ins.clusters)}
    clusters = [
        {
            "id": c.id,
            "label": clip(c.label, 120),
            "colour": f"cl-{cluster_index[c.id]}",
            "pages": c.pages or len(c.urls),
            "median_words": fmt_num(c.median_words, lang, 0),
            "total_words": fmt_num(c.total_words, lang, 0),
            "score": score_view(c.depth_score, t, lang),
            "bar": _bar(c.depth_score),
            "hub": link(c.hub_url),
            "strongest": link(c.strongest_url),
        }
        for c in ins.clusters
    ]
    return {
        "clusters": clusters,
        "focus": score_view(ins.focus_score, t, lang),
        "graph": _graph(ins.graph_nodes, ins.graph_edges, cluster_index, t, lang),
        "histogram": _histogram(ins.click_depth_histogram, t),
        "suggestions": [
            {
                "source": clip(short_url(s.source, result.site), 300),
                "source_href": safe_href(s.source),
                "target": clip(short_url(s.target, result.site), 300),
                "target_href": safe_href(s.target),
                "anchor": clip(s.anchor, 200),
                "reason": clip(loc.message(s.reason_message, s.reason)[0], 300),
                "reason_lang": loc.message(s.reason_message, s.reason)[1],
            }
            for s in ins.link_suggestions[:MAX_SUGGESTIONS]
        ],
        "suggestions_more": max(0, len(ins.link_suggestions) - MAX_SUGGESTIONS),
        "model": ins.embedding_model,
    }


def _graph(
    nodes: list[GraphNode], edges: list[tuple[int, int]], cluster_index: dict[int, int], t: dict[str, str], lang: str
) -> dict[str, Any] | None:
    placed = [(i, n) for i, n in enumerate(nodes) if n.x is not None and n.y is not None]
    if not placed:
        return None
    if len(placed) > MAX_GRAPH_NODES:  # keep the best-linked pages and every starved one
        placed.sort(key=lambda p: (not p[1].starved, -(p[1].link_score or 0)))
        placed = sorted(placed[:MAX_GRAPH_NODES])
    keep = {i for i, _ in placed}
    valid = [(a, b) for a, b in edges if a in keep and b in keep and a != b]
    shown_edges = valid[:MAX_GRAPH_EDGES]

    def xy(node: GraphNode) -> tuple[float, float]:
        x = max(0.0, min(1.0, float(node.x or 0)))
        y = max(0.0, min(1.0, float(node.y or 0)))
        return GRAPH_PAD + x * (GRAPH_W - 2 * GRAPH_PAD), GRAPH_PAD + y * (GRAPH_H - 2 * GRAPH_PAD)

    coords = {i: xy(n) for i, n in placed}
    view_nodes = []
    for i, n in sorted(placed, key=lambda p: p[1].starved):  # starved drawn last, on top
        x, y = coords[i]
        share = max(0.0, min(100.0, n.link_score or 0.0)) / 100
        label = clip(n.url, 300)
        if n.link_score is not None:
            label += f" — Link Score {fmt_num(n.link_score, lang)}"
        if n.starved:
            label += f" — {t['starved']}"
        view_nodes.append(
            {
                "x": f"{x:.1f}",
                "y": f"{y:.1f}",
                "r": f"{3 + 9 * math.sqrt(share):.1f}",
                "colour": f"cl-{cluster_index[n.cluster]}" if n.cluster in cluster_index else "cl-none",
                "starved": n.starved,
                "label": label,
            }
        )
    lines = []
    for a, b in shown_edges:
        (x1, y1), (x2, y2) = coords[a], coords[b]
        lines.append({"x1": f"{x1:.1f}", "y1": f"{y1:.1f}", "x2": f"{x2:.1f}", "y2": f"{y2:.1f}"})
    capped = len(placed) < len(nodes) or len(shown_edges) < len(valid)
    return {
        "width": f"{GRAPH_W:g}",
        "height": f"{GRAPH_H:g}",
        "nodes": view_nodes,
        "edges": lines,
        "starved": sum(1 for _, n in placed if n.starved),
        "capped_label": t["graph_capped"].format(
            shown=len(placed), total=len(nodes), edges=len(shown_edges), total_edges=len(edges)
        )
        if capped
        else "",
    }


def _histogram(hist: dict[str, int], t: dict[str, str]) -> dict[str, Any] | None:
    if not hist:
        return None
    keys = [k for k in HIST_ORDER if k in hist] + sorted(k for k in hist if k not in HIST_ORDER)
    peak = max(hist.values()) or 1
    width = 52.0
    bars = []
    for n, key in enumerate(keys):
        count = int(hist[key])
        height = 150 * count / peak
        bars.append(
            {
                "label": t["unreachable"] if key == "unreachable" else key,
                "count": count,
                "x": f"{10 + n * (width + 8):.1f}",
                "y": f"{170 - height:.1f}",
                "w": f"{width:g}",
                "h": f"{height:.1f}",
                "tx": f"{10 + n * (width + 8) + width / 2:.1f}",
                "ty": f"{max(12.0, 165 - height):.1f}",
                "small": len(t["unreachable"] if key == "unreachable" else key) > 6,
                "unreachable": key == "unreachable",
            }
        )
    return {"bars": bars, "width": f"{20 + len(keys) * (width + 8):.0f}", "height": "200"}


# --- AI-agent access matrix ---------------------------------------------------------------------


def ai_matrix(result: AuditResult, t: dict[str, str], loc: Localizer | None = None) -> dict[str, Any] | None:
    """Agent × purpose × allowed/blocked, from the ai-crawler-access check's details rows."""

    loc = loc or Localizer("en")
    try:
        check = result.check("ai-crawler-access")
    except KeyError:
        return None
    rows = [r for r in check.details if isinstance(r, dict) and r.get("token")]
    if not rows:
        return None

    def state(value: Any) -> str:
        if value is True:
            return "allowed"
        if value is False:
            return "blocked"
        if value == "partly":
            return "partly"
        return "unknown_state"

    summary = {}
    for cls in AGENT_CLASSES:
        members = [r for r in rows if r.get("class") == cls]
        allowed = sum(1 for r in members if r.get("allowed") is True)
        summary[cls] = {
            "label": t[f"class_{cls}"],
            "total": len(members),
            "allowed": allowed,
            "text": t["class_summary"].format(allowed=allowed, total=len(members)),
        }
    view_rows = []
    for r in rows:
        st = state(r.get("allowed"))
        view_rows.append(
            {
                "token": clip(r.get("token"), 80),
                "operator": clip(loc.value(r.get("operator")), 80),
                "main": bool(r.get("main")),
                "cells": [{"state": st, "label": t[st]} if r.get("class") == cls else None for cls in AGENT_CLASSES],
                "rule": clip(loc.value(r.get("rule")), 200) if r.get("rule") else "",
            }
        )
    blocked_first = sorted(view_rows, key=lambda r: (r["cells"] == [None] * 3, not r["main"]))
    main = [r for r in blocked_first if r["main"] or any(c and c["state"] != "allowed" for c in r["cells"])]
    others = [r for r in blocked_first if r not in main]
    explanation, explanation_lang = loc.message(check.explanation_message, check.explanation)
    return {
        "classes": [summary[c] for c in AGENT_CLASSES],
        "rows": main,
        "others": others,
        "others_label": t["more_agents"].format(n=len(others)),
        "check_anchor": anchor("check", check.id),
        "state": check.state,
        "state_label": t[f"state_{check.state}"],
        "explanation": explanation,
        "explanation_lang": explanation_lang,
    }


# --- article briefs -----------------------------------------------------------------------------


def briefs_view(result: AuditResult, t: dict[str, str]) -> list[dict[str, Any]]:

    def link(url: str) -> dict[str, Any]:
        return {"url": clip(url, 300), "href": safe_href(url)}

    views = []
    for n, b in enumerate(result.briefs, 1):
        source = (
            t["brief_source_llm"].format(model=b.model or "?") if b.source == "llm" else t["brief_source_deterministic"]
        )
        views.append(
            {
                "anchor": anchor("brief", str(n)),
                "title": clip(b.working_title, 300),
                "angle": clip(b.angle, 1000),
                "questions": [clip(q, 300) for q in b.questions],
                "outline": [{"level": o.level, "text": clip(o.text, 300)} for o in b.outline],
                "evidence_tasks": [clip(x, 500) for x in b.evidence_tasks],
                "internal_links": [
                    {
                        "source": link(s.source),
                        "target": link(s.target),
                        "anchor": clip(s.anchor, 200),
                        "reason": clip(s.reason, 300),
                    }
                    for s in b.internal_links
                ],
                "merge_or_expand": [link(u) for u in b.merge_or_expand],
                "targets": [link(u) for u in b.target_urls],
                "effort": clip(b.effort, 200),
                "language": b.language,
                "topic": clip(b.topic or "", 200),
                "experts": [clip(e, 120) for e in b.experts],
                "opportunity": None if b.opportunity is None else round(b.opportunity * 100),
                "source": source,
                "llm": b.source == "llm",
            }
        )
    return views


# --- page drill-down ----------------------------------------------------------------------------


def drill_data(result: AuditResult, t: dict[str, str], rows: int, loc: Localizer | None = None) -> dict[str, Any]:
    """Per page (in page-table order) every page-check outcome: the drill-down's data.

    Shape (JSON, read by the inline script and written into the page as text nodes only):
    {"labels": {...}, "checks": [[id, title, failure_title, anchor]],
     "pages": [[[check_index, state, score|null, reason, [[url, element, excerpt, note, note_en], ...],
                reason_en], ...]]}
    Titles, reasons and notes are in the report language; reason_en / note_en is 1 when that text
    has no translation and stays English (the script marks it lang="en"), else 0.
    """

    loc = loc or Localizer("en")
    checks = [c for c in result.checks if c.pages]
    index = {c.id: n for n, c in enumerate(checks)}
    per_url: dict[str, list[list[Any]]] = {}
    for check in checks:
        for o in check.pages:
            evidence = []
            if o.state in ("fail", "warn"):
                for e in o.evidence[:MAX_DRILL_EVIDENCE]:
                    note, note_lang = loc.message(e.note_message, e.note)
                    evidence.append(
                        [
                            clip(e.url, DRILL_TEXT),
                            clip(loc.value(e.element_message or e.element), 120),
                            clip(e.excerpt, DRILL_TEXT),
                            clip(note, 200),
                            int(note_lang is not None),
                        ]
                    )
            score = None if o.score is None else round(100 * o.score)
            reason, reason_lang = loc.message(o.reason_message, o.reason)
            entry = [index[check.id], o.state, score, clip(reason, DRILL_TEXT), evidence, int(reason_lang is not None)]
            per_url.setdefault(o.url, []).append(entry)
    order = {"fail": 0, "warn": 1, "error": 2, "informative": 3, "pass": 4, "not_applicable": 5}
    pages = []
    for page in result.pages[:rows]:
        found = per_url.get(page.url, [])
        found.sort(key=lambda f: (order.get(f[1], 9), f[0]))
        pages.append(found)
    labels = {k: t[k] for k in ("page_findings", "no_findings", "close", "evidence", "why", "score")}
    labels.update({f"state_{s}": t[f"state_{s}"] for s in order})
    return {
        "labels": labels,
        "checks": [
            [
                c.id,
                loc.check_field(c.id, "title", c.title),
                loc.check_field(c.id, "failure_title", c.failure_title),
                anchor("check", c.id),
            ]
            for c in checks
        ],
        "pages": pages,
    }


# --- branding -----------------------------------------------------------------------------------


def branding_view(branding: dict[str, Any] | None) -> dict[str, Any] | None:
    """White-label branding, validated: unknown keys ignored, bad values dropped (never markup)."""
    if not branding:
        return None
    name = branding.get("name")
    logo = branding.get("logo")
    colour = branding.get("color") or branding.get("colour")
    footer = branding.get("footer")
    contact = branding.get("contact")
    return {
        "name": clip(name, 120) if isinstance(name, str) and name.strip() else None,
        "logo": logo if isinstance(logo, str) and len(logo) <= MAX_LOGO and _LOGO.fullmatch(logo) else None,
        "color": colour if isinstance(colour, str) and _COLOUR.fullmatch(colour) else None,
        "footer": clip(footer, 500) if isinstance(footer, str) and footer.strip() else None,
        # one line: the agency's contact person, phone, mail (text, never a link)
        "contact": clip(" ".join(contact.split()), 300) if isinstance(contact, str) and contact.strip() else None,
    }
