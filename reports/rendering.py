"""The report section "What AI crawlers see": raw HTML against the rendered page, per template.

`rendering_view(result, t, lang)` is the `rendering` key of the report's template context
(reports/templates/rendering.html.j2); None when the audit has nothing to show (no rendering and
no likely shell page), and the section is then left out.

Everything comes from the checks' structured results: the per-page comparison rows of
`js-only-content` (words and text of both views, one screenshot per template), the scores per crawler
class the rendering checks put in their explanation's parameters, and `likely-shell`'s pages when the
audit ran without `--render`. Crawled text stays text (Jinja autoescape); a screenshot is shown only
as a JPEG/PNG data: URI.
"""

from __future__ import annotations

import re
from typing import Any

from reports.format import anchor, clip, safe_href, short_url
from reports.i18n import Localizer
from scoring.core.results import AuditResult, CheckResult

RENDER_CHECKS = ("js-only-content", "shell-page", "js-only-links", "js-only-structured-data", "js-changed-head")
MAX_TEMPLATES = 20
MAX_SHELLS = 20
TEXT = 600
_SCREENSHOT = re.compile(r"data:image/(?:jpeg|png);base64,[A-Za-z0-9+/=]+")
MAX_SCREENSHOT = 1_500_000  # characters of one data: URI

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "title": "What AI crawlers see",
        "intro": (
            "The crawlers behind ChatGPT, Claude and Perplexity read the HTML as sent and run no JavaScript; "
            "Google's crawlers render pages like a browser. Per template: the main text in the HTML (what AI "
            "crawlers read) next to the rendered page (what Google and visitors see)."
        ),
        "classes": "Per crawler class",
        "check": "Check",
        "ai": "AI crawlers without JavaScript",
        "google": "Google's rendering crawlers",
        "template": "Template",
        "pages": "{n} rendered page(s)",
        "raw": "HTML as sent (AI crawlers)",
        "rendered": "Rendered (Google, browsers)",
        "words": "{n} words",
        "hidden": "{n} % of the rendered text only after JavaScript",
        "screenshot": "Screenshot of the rendered page",
        "empty": "(no main text)",
        "shells_title": "Pages that look like empty JavaScript shells",
        "shells_intro": (
            "This audit ran without --render. These pages have a framework root element or many scripts and "
            "next to no text in their HTML: AI crawlers read them as empty. Run `geo-audit audit URL --render` "
            "to compare them with the rendered page."
        ),
        "words_col": "Words in the HTML",
        "scripts_col": "Scripts",
        "root_col": "Root element",
    },
    "de": {
        "title": "Was KI-Crawler sehen",
        "intro": (
            "Die Crawler hinter ChatGPT, Claude und Perplexity lesen das ausgelieferte HTML und führen kein "
            "JavaScript aus; die Crawler von Google rendern Seiten wie ein Browser. Je Vorlage: der Haupttext "
            "im HTML (was KI-Crawler lesen) neben der gerenderten Seite (was Google und Besucher sehen)."
        ),
        "classes": "Je Crawler-Klasse",
        "check": "Prüfung",
        "ai": "KI-Crawler ohne JavaScript",
        "google": "Rendernde Crawler von Google",
        "template": "Vorlage",
        "pages": "{n} gerenderte Seite(n)",
        "raw": "Ausgeliefertes HTML (KI-Crawler)",
        "rendered": "Gerendert (Google, Browser)",
        "words": "{n} Wörter",
        "hidden": "{n} % des gerenderten Texts erst nach JavaScript",
        "screenshot": "Screenshot der gerenderten Seite",
        "empty": "(kein Haupttext)",
        "shells_title": "Seiten, die wie leere JavaScript-Hüllen wirken",
        "shells_intro": (
            "Dieses Audit lief ohne --render. Diese Seiten haben das Wurzelelement eines Frameworks oder viele "
            "Skripte und kaum Text im HTML: KI-Crawler lesen sie als leer. Mit `geo-audit audit URL --render` "
            "lassen sie sich mit der gerenderten Seite vergleichen."
        ),
        "words_col": "Wörter im HTML",
        "scripts_col": "Skripte",
        "root_col": "Wurzelelement",
    },
}


def _check(result: AuditResult, check_id: str) -> CheckResult | None:
    try:
        return result.check(check_id)
    except KeyError:
        return None


def screenshot_uri(value: Any) -> str | None:
    """A screenshot only as an image data: URI of bounded size; anything else is dropped. The check
    stores it in a message's parameters (its details cell reads as a word, not as the URI)."""
    params = getattr(value, "params", None) if not isinstance(value, dict) else value.get("params")
    if isinstance(params, dict):
        value = params.get("uri")
    if isinstance(value, str) and len(value) <= MAX_SCREENSHOT and _SCREENSHOT.fullmatch(value):
        return value
    return None


def _number(value: Any) -> int:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def _class_rows(result: AuditResult, loc: Localizer, s: dict[str, str]) -> list[dict[str, Any]]:
    rows = []
    for check_id in RENDER_CHECKS:
        check = _check(result, check_id)
        params = check.explanation_message.params if check and check.explanation_message else {}
        if check is None or check.state == "not_applicable":
            continue
        has_classes = "ai" in params and "google" in params
        title = check.title if check.state == "pass" else check.failure_title
        field = "title" if check.state == "pass" else "failure_title"
        rows.append(
            {
                "title": loc.check_field(check.id, field, title),
                "anchor": anchor("check", check.id),
                "state": check.state,
                "ai": f"{_number(params.get('ai'))} %" if has_classes else f"{round(100 * (check.score or 0))} %",
                "google": f"{_number(params.get('google'))} %" if has_classes else "–",
            }
        )
    return rows


def _templates(check: CheckResult, site: str, s: dict[str, str]) -> list[dict[str, Any]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in check.details:
        if isinstance(row, dict) and row.get("template"):
            groups.setdefault(str(row["template"]), []).append(row)
    templates = []
    for key, rows in list(groups.items())[:MAX_TEMPLATES]:
        first = next((r for r in rows if screenshot_uri(r.get("screenshot"))), rows[0])
        hidden = _number(first.get("hidden_percent"))
        templates.append(
            {
                "key": clip(key, 120),
                "url": clip(short_url(str(first.get("url") or ""), site), 200),
                "href": safe_href(first.get("url")),
                "pages": s["pages"].format(n=len(rows)),
                "raw_words": s["words"].format(n=_number(first.get("words_raw"))),
                "rendered_words": s["words"].format(n=_number(first.get("words_rendered"))),
                "hidden": s["hidden"].format(n=hidden),
                "hidden_n": hidden,
                "tone": "bad" if hidden >= 50 else "poor" if hidden >= 20 else "good",
                "raw_text": clip(first.get("raw_text"), TEXT) or s["empty"],
                "rendered_text": clip(first.get("rendered_text"), TEXT) or s["empty"],
                "screenshot": screenshot_uri(first.get("screenshot")),
            }
        )
    # the templates AI crawlers see least of first
    return sorted(templates, key=lambda tpl: -tpl["hidden_n"])


def _shells(result: AuditResult, site: str) -> list[dict[str, Any]]:
    check = _check(result, "likely-shell")
    if check is None:
        return []
    shells = []
    for page in check.pages:
        if page.state != "warn":
            continue
        params = page.reason_message.params if page.reason_message else {}
        root = params.get("root")
        element = root.params.get("element") if hasattr(root, "params") else None
        shells.append(
            {
                "url": clip(short_url(page.url, site), 200),
                "href": safe_href(page.url),
                "words": _number(params.get("words")),
                "scripts": _number(params.get("scripts")),
                "root": clip(element or "–", 80),
            }
        )
    return shells[:MAX_SHELLS]


def rendering_view(result: AuditResult, t: dict[str, str], lang: str) -> dict[str, Any] | None:
    """The section's context, or None when there is nothing to show."""
    s = STRINGS.get(lang, STRINGS["en"])
    loc = Localizer(lang)
    content = _check(result, "js-only-content")
    templates = _templates(content, result.site, s) if content is not None else []
    shells = _shells(result, result.site)
    if not templates and not shells:
        return None
    return {
        "s": s,
        "classes": _class_rows(result, loc, s) if templates else [],
        "templates": templates,
        "shells": shells,
        "state_labels": {state: t.get(f"state_{state}", state) for state in ("pass", "warn", "fail", "error")},
    }
