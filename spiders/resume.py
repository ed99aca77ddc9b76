"""What an interrupted crawl already stored (`ResumeState`, to continue it without fetching anything
twice), and the failures that mean the server could not be reached at all.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from scrapy.exceptions import DownloadTimeoutError, IgnoreRequest
from twisted.python.failure import Failure

from scoring.core.records import BLOCKED_BY_ROBOTS, Link, PageRecord

# Failures to reach the server at all (refused, reset, dropped, no route, unknown host), by the
# exception type name that starts a failed page's `error`: a server that went down, not a page
# fault. A download timeout (a slow page) is not one of them.
CONNECTION_FAILURE_TYPES = frozenset(
    {
        # Scrapy's own (2.13+: the download handlers wrap Twisted's errors in these)
        "DownloadConnectionRefusedError",
        "CannotResolveHostError",
        "DownloadFailedError",
        "ResponseDataLossError",
        # Twisted's and the operating system's
        "ConnectError",
        "ConnectionRefusedError",
        "ConnectionResetError",
        "ConnectionAbortedError",
        "BrokenPipeError",
        "TCPTimedOutError",
        "DNSLookupError",
        "UnknownHostError",
        "NoRouteError",
        "ConnectBindError",
        "ConnectionLost",
        "ConnectionDone",
        "ConnectionAborted",
        "ResponseNeverReceived",
        "ResponseFailed",
        "RequestNotSent",
        "RequestTransmissionFailed",
    }
)


def follows(record: PageRecord, follow_nofollow: bool) -> bool:
    """Whether the crawl follows a page's links: not when its meta robots say nofollow, unless told to
    (GEO_FOLLOW_NOFOLLOW)."""
    return follow_nofollow or "nofollow" not in record.robots_directives


def followed_link(link: Link, follow_nofollow: bool) -> bool:
    """Whether the crawl follows one link of a followed page: internal, and not rel=nofollow unless told to."""
    return link.internal and (follow_nofollow or "nofollow" not in link.rel)


def is_connection_failure(record: PageRecord) -> bool:
    """A URL the crawl could not fetch because the server was unreachable (see CONNECTION_FAILURE_TYPES)."""
    if record.status is not None or not record.error:
        return False
    return record.error.partition(":")[0].strip() in CONNECTION_FAILURE_TYPES


@dataclass
class ResumeState:
    """What an interrupted crawl already stored, to continue it without fetching anything twice."""

    seen: set[str] = field(default_factory=set)  # URLs with a record
    frontier: list[tuple[str, int | None, str]] = field(default_factory=list)  # (url, depth, referer)
    status_counts: Counter[str] = field(default_factory=Counter)
    connection_failures: int = 0  # stored URLs the server could not be reached for


def failure_error(failure: Failure, max_size: int, timeout_s: int) -> str:
    """The `error` of a page that could not be fetched: robots.txt, the size limit (`max_size`,
    DOWNLOAD_MAXSIZE), the download timeout, else the failure's type and message."""
    message = failure.getErrorMessage()
    if failure.check(IgnoreRequest) and "robots" in message.lower():
        return BLOCKED_BY_ROBOTS
    if "DOWNLOAD_MAXSIZE" in message or "max size" in message.lower():
        if "decompress" in message:
            how = "while decompressing (a compression bomb?)"
        elif "Expected" in message:
            how = "from its Content-Length"
        else:
            how = "while downloading"
        return f"response larger than the {max_size / 1_048_576:g} MB size limit (DOWNLOAD_MAXSIZE), detected {how}"
    if failure.check(TimeoutError, DownloadTimeoutError):
        return f"timeout: no complete response within {timeout_s} s"
    return f"{failure.type.__name__}: {message}"[:500]
