"""Formatting shared by every part of the report: languages, numbers, dates, safe links, anchors,
clipped text and score views. Pure functions; imports nothing of the report above it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from reports.i18n import Localizer
from reports.strings import MONTHS, STRINGS
from scoring.core.results import AuditResult, CheckResult

DEFAULT_LANG = "en"
MAX_TEXT = 1000  # characters of one crawled text shown (excerpts, cells)

# Absolute http(s) URL without whitespace or control characters: browsers drop tabs and newlines
# inside URLs ("java\tscript:"), so anything with them never becomes a link.
_HTTP_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE | re.ASCII)
_SLUG = re.compile(r"[^a-z0-9]+")
_NETLOC = re.compile(r"[\w.-]+(?::[0-9]{1,5})?")  # host[:port]; no user info, nothing to escape
DISPLAY_KEY = "display_urls"  # settings key of a result whose URLs show the production origin


def resolve_lang(lang: str | None, site_language: str | None = None) -> str:
    """The interface language: `lang` if given and known, else the site's, else English."""
    for candidate in (lang, site_language):
        code = lang_code(candidate)
        if code in STRINGS:
            return code
    return DEFAULT_LANG


def lang_code(value: str | None) -> str | None:
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


def short_url(url: str, site: str) -> str:
    """The URL without the audited site's origin ("/ratgeber/x/"), for narrow columns."""
    origin = site.split("://", 1)[-1].split("/", 1)[0]
    for scheme in ("https://", "http://"):
        prefix = scheme + origin
        if url.startswith(prefix) and (len(url) == len(prefix) or url[len(prefix)] in "/?#"):
            return url[len(prefix) :] or "/"
    return url


def more(total: int, shown: int, template: str) -> dict[str, Any]:
    """The "N more" part of a folded list: total, how many are hidden, and the label."""
    hidden = max(total - shown, 0)
    return {"total": total, "more": hidden, "more_label": template.format(n=hidden) if hidden else ""}


def check_title(check: CheckResult, loc: Localizer) -> str:
    """The title to show: the failure title when the check failed or warned, in the report language."""
    name = "failure_title" if check.state in ("fail", "warn") else "title"
    return loc.check_field(check.id, name, getattr(check, name))


# --- production URLs (--as-host) -------------------------------------------------------------------


@dataclass(frozen=True)
class OriginMap:
    """The crawled origin ("http://127.0.0.1:8123") and the production origin shown instead."""

    crawled: str
    shown: str

    @property
    def pattern(self) -> re.Pattern[str]:
        return _origin_pattern(self.crawled)


@cache
def _origin_pattern(origin: str) -> re.Pattern[str]:
    """The origin exactly: not inside a longer host ("…example.de.evil"), not with another port or
    as user info ("…@evil.example")."""
    return re.compile(rf"{re.escape(origin)}(?![\w.:@-])", re.IGNORECASE)


def _origin(value: Any) -> str | None:
    """The origin "scheme://host[:port]" of an http(s) URL or a bare host ("www.example.de": https), else None."""
    text = value.strip() if isinstance(value, str) else ""
    if not text or re.search(r"[\s\x00-\x1f\x7f]", text):
        return None
    try:
        parts = urlsplit(text if "://" in text else "https://" + text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or not _NETLOC.fullmatch(parts.netloc):
        return None
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def origin_map(result: AuditResult) -> OriginMap | None:
    """The origin mapping of an audit run with `--as-host` (recorded in `settings.crawl.as_host`):
    the start URL's origin is shown as the production origin. None without one, or when they agree."""
    settings = result.settings or {}
    crawl = settings.get("crawl")
    shown = _origin(crawl.get("as_host") if isinstance(crawl, dict) else None)
    crawled = _origin(settings.get("url") or result.site)
    if shown is None or crawled is None or shown == crawled:
        return None
    return OriginMap(crawled, shown)


def map_origin(text: str, mapping: OriginMap | None) -> str:
    """`text` (a URL or a sentence) with every URL of the crawled origin on the production origin.

    The one mapping every writer uses. Only an http(s) origin is put in place of an http(s) origin,
    so nothing that was no link (`javascript:…`) becomes one; `safe_href` still decides links."""
    if mapping is None or not text or mapping.crawled.lower() not in text.lower():
        return text
    return mapping.pattern.sub(mapping.shown, text)


def display_result(result: AuditResult) -> AuditResult:
    """The result as people see it: with `--as-host`, every URL and text on the production origin
    (`map_origin` over the result's JSON, so every field is covered), `settings` as recorded plus
    `settings.display_urls` = {"crawled_origin", "shown_origin"} — the crawled URL of any URL shown is
    `crawled_origin` + its path. Without `--as-host` (or already mapped) the result itself."""
    mapping = origin_map(result)
    if mapping is None or DISPLAY_KEY in (result.settings or {}):
        return result
    # JSON never escapes the characters of an origin, and an escape after it ("\n", "\"") ends it
    # as the character it stands for would: the same replacements as on each decoded string
    text = map_origin(result.model_copy(update={"settings": {}}).model_dump_json(), mapping)
    settings = {**result.settings, DISPLAY_KEY: {"crawled_origin": mapping.crawled, "shown_origin": mapping.shown}}
    return AuditResult.model_validate_json(text).model_copy(update={"settings": settings})


def display_site(result: AuditResult) -> str:
    """The audited site's URL as shown (production origin with `--as-host`), e.g. for a CLI summary."""
    return map_origin(result.site, origin_map(result))
