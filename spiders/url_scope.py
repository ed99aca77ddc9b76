"""The crawl's URL space: which hosts are the site, the tracking and session parameters stripped from
every URL, the production host of `--as-host` mapped onto the crawled one (`UrlScope`, picklable for the
extraction workers), and the numbered pages of a listing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit


def setting_list(value: Any) -> list[str]:
    """A setting or `-a` argument given as a list or a comma-separated string."""
    if not value:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v) for v in value]


def site_hosts(url: str) -> frozenset[str]:
    """Hosts that count as the same site: the start host and its www/apex twin."""
    host = urlsplit(url).netloc.lower()
    twin = host[4:] if host.startswith("www.") else f"www.{host}"
    return frozenset({host, twin})


class ParamStripper:
    """Removes tracking and session parameters: exact names, or prefixes written as `utm_*`.

    Also drops `;jsessionid=...`-style path parameters of the same names. Case-insensitive."""

    def __init__(self, names: Iterable[str]) -> None:
        names = [n.lower() for n in names]
        self.exact = frozenset(n for n in names if not n.endswith("*"))
        self.prefixes = tuple(n[:-1] for n in names if n.endswith("*"))
        self.path_param = (
            re.compile(r";(?:" + "|".join(re.escape(n) for n in self.exact) + r")=[^/?#]*", re.I)
            if self.exact
            else None
        )

    def drop(self, key: str) -> bool:
        key = key.lower()
        return key in self.exact or (bool(self.prefixes) and key.startswith(self.prefixes))

    def __call__(self, url: str) -> str:
        if "?" not in url and ";" not in url:
            return url
        parts = urlsplit(url)
        path = self.path_param.sub("", parts.path) if self.path_param and ";" in parts.path else parts.path
        query = parts.query
        if query:
            kept = [p for p in query.split("&") if not self.drop(p.split("=", 1)[0])]
            query = "&".join(kept)
        if path == parts.path and query == parts.query:
            return url
        return urlunsplit((parts.scheme, parts.netloc, path, query, ""))


_REPEATED_SLASH = re.compile(r"(?<!/)//+")


def collapse_slashes(url: str) -> str:
    """`/blog/post//` -> `/blog/post/`: static hosts (nginx, Apache, GitHub Pages) serve the same file
    for both, so a template's stray slash would otherwise crawl every page twice. Path only."""
    scheme, sep, rest = url.partition("://")
    if not sep or "//" not in rest:
        return url
    path_end = min((i for i in (rest.find("?"), rest.find("#")) if i >= 0), default=len(rest))
    return f"{scheme}://{_REPEATED_SLASH.sub('/', rest[:path_end])}{rest[path_end:]}"


@dataclass(frozen=True)
class UrlScope:
    """Which URLs belong to the site and the form they are stored in. Picklable: extraction
    worker processes get a copy."""

    origin: str
    hosts: frozenset[str]
    subdomains: bool = False
    apex_suffix: str = ""
    alias_prefixes: tuple[str, ...] = ()
    strip: ParamStripper = field(default_factory=lambda: ParamStripper([]))

    def normalise(self, url: str) -> str:
        """A canonical URL (as `canonical_url` gives) in this crawl's URL space."""
        for prefix in self.alias_prefixes:
            if url.startswith(prefix):
                url = self.origin + url[len(prefix) - 1 :]
                break
        return self.strip(collapse_slashes(url))

    def is_internal(self, url: str) -> bool:
        host = urlsplit(url).netloc.lower()
        if host in self.hosts:
            return True
        return self.subdomains and host.partition(":")[0].endswith(self.apex_suffix)


# /page/3/, /seite/3, /blog/11/, ?page=3, ?paged=3, ?p=3 — the numbered pages of a listing
_PAGINATION_PATH = re.compile(
    r"/(?:page|seite)/\d{1,5}/?$|/(?:blog|news|aktuelles|neuigkeiten|magazin|artikel|beitraege|posts|archiv|archive|"
    r"category|categories|kategorie|tag|tags)/\d{1,4}/?$",
    re.IGNORECASE,
)
_PAGINATION_QUERY = re.compile(r"(?:^|&)(?:page|paged|seite|pg)=\d{1,5}(?:&|$)", re.IGNORECASE)


def is_pagination_url(url: str) -> bool:
    """A numbered page of a listing (not a dated post: /2024/05/ has more than one number segment)."""
    parts = urlsplit(url)
    if _PAGINATION_QUERY.search(parts.query):
        return True
    path = parts.path
    if re.search(r"/(?:19|20)\d{2}/\d{1,2}/?$", path):
        return False
    return bool(_PAGINATION_PATH.search(path))
