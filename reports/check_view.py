"""The check views of the report (reports/view.py documents their keys: *Check view*): titles,
explanations, evidence, affected pages and details tables in the report language, crawled text
passed as text and only http(s) URLs as links."""

from __future__ import annotations

import json
from typing import Any

from reports.format import anchor, check_title, clip, fmt_int, fmt_num, more, safe_href, score_view, short_url
from reports.i18n import Localizer
from scoring.core.messages import Message as Finding
from scoring.core.results import AuditResult, CheckResult, Evidence

MAX_AFFECTED = 50  # affected pages listed per check ("and N more")
MAX_EVIDENCE = 50  # evidence items listed per check
MAX_DETAIL_ROWS = 100  # details rows per check; the full table is in results.json
OPEN_ROWS = 5  # evidence items / detail rows / affected pages shown before "N more" (folded <details>)


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


def _machine_cell(
    column: str,
    value: Any,
    t: dict[str, str],
    lang: str,
    loc: Localizer,
    check_id: str,
    site: str = "",
    kind: str | None = None,
) -> dict[str, Any]:
    """A details cell, shown by its column type (`CheckResult.columns`): a message in the report
    language; a url as a link (the audited site's own URLs as their path, "/ratgeber/x/"); text and
    code copied as they are (crawled, never translated); numbers in the language's style. A plain
    value in a message column is shown as it is in English and, in another language, as the check's
    message `<check>.<column>-<value>` when the catalog has one.
    Cells of results without column types (older versions) are shown as they are."""
    if isinstance(value, Finding) or (isinstance(value, dict) and "id" in value and "params" in value):
        message = value if isinstance(value, Finding) else Finding.model_validate(value)
        text, text_lang = loc.message(message)
        return {"text": clip(text), "href": None, "lang": text_lang}
    cell = _cell(value, t, lang)
    cell["lang"] = None
    if kind in ("text", "code", "number", "date"):
        cell["href"] = None  # a crawled string that looks like a URL is not a link in a text column
        return cell
    if cell["href"] and site:
        cell["text"] = clip(short_url(value, site))
    if kind == "url" or not isinstance(value, str) or not value:
        return cell
    if kind == "message":  # English shows the plain value itself, whatever was imported in this process
        named = f"{check_id}.{column}-{value}"
        if loc.catalog is not None and loc.has_message(named):
            text, text_lang = loc.message(Finding(id=named, text=value))  # text: English even unregistered
            return {"text": clip(text), "href": None, "lang": text_lang}
        return cell
    return cell


def _warnings(result: AuditResult, loc: Localizer) -> list[str]:
    """The audit's warnings in the report language (results of older schema versions: as written)."""
    if len(result.warning_messages) != len(result.warnings):
        return list(result.warnings)
    return [loc.message(w)[0] for w in result.warning_messages]


def _details(
    rows: list[dict[str, Any]],
    t: dict[str, str],
    lang: str,
    loc: Localizer | None = None,
    check_id: str = "",
    site: str = "",
    kinds: dict[str, str] | None = None,
) -> dict[str, Any]:
    loc = loc or Localizer("en")
    columns: list[str] = []
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    shown = rows[:MAX_DETAIL_ROWS]
    return {
        "columns": [loc.column(str(c)) for c in columns],
        "rows": [
            [_machine_cell(str(c), row.get(c), t, lang, loc, check_id, site, (kinds or {}).get(c)) for c in columns]
            for row in shown
        ],
        "open": OPEN_ROWS,
        **more(len(rows), len(shown), t["more_rows"]),
    }


def _evidence(items: list[Evidence], t: dict[str, str], loc: Localizer, check_id: str) -> dict[str, Any]:
    shown = items[:MAX_EVIDENCE]
    entries = []
    for e in shown:
        note, note_lang = loc.message(e.note_message, e.note)
        entries.append(
            {
                "url": clip(e.url),
                "href": safe_href(e.url),
                "element": clip(loc.value(e.element_message or e.element)) if e.element else None,
                "excerpt": clip(e.excerpt) if e.excerpt else None,
                "note": clip(note) if note else None,
                "note_lang": note_lang,
            }
        )
    return {
        "entries": entries,
        "open": OPEN_ROWS,
        **more(len(items), len(shown), t["and_more"]),
    }


def _check_view(
    check: CheckResult, t: dict[str, str], lang: str, loc: Localizer | None = None, site: str = ""
) -> dict[str, Any]:
    loc = loc or Localizer(lang)
    affected = check.affected_urls[:MAX_AFFECTED]
    score = None if check.score is None else 100 * check.score
    explanation, explanation_lang = loc.message(check.explanation_message, check.explanation)
    return {
        "id": check.id,
        "anchor": anchor("check", check.id),
        "title": check_title(check, loc),
        "pass_title": loc.check_field(check.id, "title", check.title),
        "state": check.state,
        "state_label": t[f"state_{check.state}"],
        "stage": check.stage,
        "preview": check.stage == "preview",
        "scope": check.scope,
        "scope_label": t[f"scope_{check.scope}"],
        "score": score_view(score, t, lang),
        "weight": fmt_num(check.weight, lang, digits=2),
        "explanation": explanation,
        "explanation_lang": explanation_lang,
        "description": loc.check_field(check.id, "description", check.description),
        "evidence": _evidence(check.evidence, t, loc, check.id),
        "affected": {
            "entries": [{"url": clip(u), "href": safe_href(u)} for u in affected],
            "open": 2 * OPEN_ROWS,
            **more(len(check.affected_urls), len(affected), t["and_more"]),
        },
        "details": _details(check.details, t, lang, loc, check.id, site, check.columns),
    }
