"""The start URL of an audit: checked and normalised before the crawl, and why it gave no HTML
page to audit after it (an error status, a redirect loop, no HTML, a robots.txt that could not be
read)."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from auditor.errors import AuditError
from auditor.store import Store
from scoring.core.records import BLOCKED_BY_ROBOTS, PageRecord
from spiders.extract import canonical_url
from spiders.middlewares import robots_txt_unreadable

_HOST = re.compile(r"^[a-z0-9.-]+(?::\d{1,5})?$", re.I)
# An IPv6 literal in brackets (RFC 3986 §3.2.2), e.g. http://[::1]:8080/; no zone id (`%25eth0`).
_IPV6_HOST = re.compile(r"^\[([0-9a-f:.]+)\](?::\d{1,5})?$", re.I)


def _valid_host(netloc: str, hostname: str | None) -> bool:
    """A host name with a dot (or localhost), an IPv4 address or a bracketed IPv6 literal."""
    literal = _IPV6_HOST.match(netloc)
    if literal:
        try:
            ipaddress.IPv6Address(literal.group(1))
        except ValueError:
            return False
        return True
    return bool(hostname and _HOST.match(netloc) and ("." in hostname or hostname == "localhost"))


def normalise_start_url(raw: str) -> str:
    """A canonical http(s) start URL, or AuditError. "www.example.de" means https://."""
    text = raw.strip()
    if not text or any(c.isspace() for c in text):
        raise AuditError(f"not a URL: {raw!r}")
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        port = parts.port  # ValueError when out of range
    except ValueError:  # "[::1" (an unclosed bracket), port 99999
        raise AuditError(f"not a URL: {raw!r}") from None
    if parts.scheme not in ("http", "https"):
        raise AuditError(f"only http and https URLs can be audited, not {parts.scheme!r}")
    if not parts.netloc or port == 0 or not _valid_host(parts.netloc, parts.hostname):
        raise AuditError(f"not a URL: {raw!r}")
    if not parts.path:
        text += "/"
    return canonical_url(text)


def start_problem(store: Store, audit_id: int, start_url: str) -> str | None:
    """Why the start URL gave no HTML page to audit, or None when it did."""
    url = start_url
    for _ in range(20):
        record = store.page(audit_id, url)
        if record is None:
            return f"no response from {url}"
        if record.redirect_target:
            url = record.redirect_target
            continue
        if record.status is None:
            return f"cannot fetch {url}: {_robots_unreadable(store, audit_id, record) or record.error or 'no response'}"
        if record.status >= 400:
            return f"{url} answered HTTP {record.status}"
        if not record.is_html:
            return f"no HTML at {url} (Content-Type: {record.content_type or 'none'})"
        return None
    return f"redirect loop at {start_url}"


def _robots_unreadable(store: Store, audit_id: int, record: PageRecord) -> str | None:
    """Why the start page was not fetched when its host's robots.txt could not be read, or None.

    A robots.txt that answers with a server error or cannot be reached at all means complete
    disallow (RFC 9309 §2.3.1.4; spiders.middlewares.RobotsTxtGate): the page carries "blocked by
    robots.txt" (server error) or the robots.txt fetch's own error (unreachable), and the reason is
    the robots.txt status the crawl stored."""
    artifacts = store.artifacts(audit_id)
    if artifacts is None or urlsplit(record.url).netloc != urlsplit(artifacts.root_url).netloc:
        return None  # a redirect led to another host: its robots.txt is not stored
    status = artifacts.robots_status
    rule = "so the whole site counts as disallowed (RFC 9309 §2.3.1.4) and nothing was crawled"
    if status is not None and robots_txt_unreadable(status) and record.error == BLOCKED_BY_ROBOTS:
        return f"robots.txt answered HTTP {status}, {rule}"
    if status is None and record.error and record.error != BLOCKED_BY_ROBOTS:
        return f"robots.txt unreachable ({plain_error(record.error)}), {rule}"
    return None


# "DownloadFailedError: [<twisted.python.failure.Failure twisted.internet.error.ConnectionDone: Connection
# was closed cleanly.>]" -> "ConnectionDone: Connection was closed cleanly."
_WRAPPED_FAILURE = re.compile(r"<twisted\.python\.failure\.Failure (?:[\w]+\.)*(?P<kind>\w+): (?P<text>[^<>]{0,200}?)>")


def plain_error(error: str) -> str:
    """A crawl error as a reader wants it: the failure Twisted wrapped, not its wrapper's repr."""
    inner = _WRAPPED_FAILURE.search(error)
    return f"{inner.group('kind')}: {inner.group('text').strip()}" if inner else error
