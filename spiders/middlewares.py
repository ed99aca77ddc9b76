"""Downloader middlewares: robots.txt for every request, retries that honour `Retry-After`.

`RobotsTxtGate` replaces Scrapy's RobotsTxtMiddleware: the same fetch of a host's robots.txt
before its first request, but every request that arrives while it is being fetched waits for
the rules and gets them. (Scrapy's own hands them to the first waiter only: the rest see None,
"no rules", and were let through: the start URL of a site with `Disallow: /` was fetched.)
What the answer means follows RFC 9309 §2.3.1: a 4xx (404, 410, 401, 403: "unavailable") is no
rules at all, whatever its body says; a 5xx, a 429 or no answer at all ("unreachable": refused,
reset, timeout, DNS) is complete disallow: no other request goes to that host. (Scrapy parsed the
error page's body as rules and let everything through when robots.txt could not be fetched.)
A redirect is followed (RFC 9309 §2.3.1.2: up to five consecutive ones, to any host) and the rules
at its end apply to the host that was asked; more than five, or a loop, is "unavailable": no rules.
(The crawl follows no redirects itself, REDIRECT_ENABLED=False, so the redirect's body was read as
the rules.) robots.txt is fetched once per host and crawl: a request of the spider's own for it
gets that same response (or error), not retried again.

`PoliteRetryMiddleware` replaces Scrapy's RetryMiddleware (same settings: RETRY_TIMES, RETRY_HTTP_CODES). A 429 or 503
with `Retry-After` waits that long before the retry (RFC 9110 §10.2.3; seconds or an HTTP date);
a wait longer than `GEO_MAX_RETRY_AFTER` is not retried at all, the response is kept and the
spider records why. Other retries wait `GEO_RETRY_BACKOFF` × 2^attempt seconds. Waiting is an
asyncio sleep for that request only; the rest of the crawl goes on.
"""

from __future__ import annotations

import asyncio
import logging
import time
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.http.request import NO_CALLBACK
from scrapy.robotstxt import RobotParser
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred
from w3lib.url import safe_url_string

RETRY_AFTER_CODES = (429, 503)
ROBOTS_REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
MAX_ROBOTS_REDIRECTS = 5  # RFC 9309 §2.3.1.2: "at least five consecutive redirects"
GATE_FETCH = "geo_robots_fetch"  # meta of the gate's own robots.txt requests: downloaded, never shared

robots_logger = logging.getLogger("scrapy.downloadermiddlewares.robotstxt")


def retry_after_seconds(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header value, or None when absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class PoliteRetryMiddleware(RetryMiddleware):
    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.max_retry_after = settings.getfloat("GEO_MAX_RETRY_AFTER", 30.0)
        self.backoff = settings.getfloat("GEO_RETRY_BACKOFF", 0.5)

    async def process_response(self, request: Request, response: Response, spider: Any = None) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        attempt = request.meta.get("retry_times", 0)
        if attempt >= self.max_retry_times:
            return response
        wait = None
        if response.status in RETRY_AFTER_CODES:
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            if wait is not None and wait > self.max_retry_after:
                request.meta["retry_after_refused"] = wait
                return response
        if wait is None:
            wait = self.backoff * 2**attempt
        if wait > 0:
            await asyncio.sleep(wait)
        retry = self._retry(request, f"HTTP {response.status}")
        if retry is not None and response.status in RETRY_AFTER_CODES:
            retry.meta["retry_after_waited"] = wait
        return retry or response

    async def process_exception(self, request: Request, exception: Exception, spider: Any = None) -> Any:
        if isinstance(exception, self.exceptions_to_retry) and not request.meta.get("dont_retry", False):
            attempt = request.meta.get("retry_times", 0)
            if attempt < self.max_retry_times and self.backoff > 0:
                await asyncio.sleep(self.backoff * 2**attempt)
            return self._retry(request, exception)
        return None


class RobotsTxtGate(RobotsTxtMiddleware):
    """RobotsTxtMiddleware whose waiters all get the rules.

    Scrapy keeps one Deferred per host while robots.txt is fetched and every waiting request
    awaits it; turning a Deferred into a future adds a callback that returns None, so the rules
    went to the first waiter and None ("allow everything") to the others. Here each waiter gets a
    Deferred of its own, fired with the same rules.

    An unreadable robots.txt becomes `CompleteDisallow` rules: after an error status a request is
    refused as any disallowed one is ("Forbidden by robots.txt": the spider records "blocked by
    robots.txt"); after no answer at all it fails with the robots.txt fetch's own error, unsent and
    not retried, so the records say the server could not be reached.

    One fetch per robots.txt URL and crawl (`_fetched`: its final response, after redirects, or the
    exception it ended with). A later request for that URL, the spider's own for its robots.txt
    artifact included, is answered from there: the audit stores and scores the rules the crawl
    obeyed (those at the end of a redirect chain too), and a failing robots.txt is not asked again
    and again (that fetch was retried already, RETRY_TIMES times by PoliteRetryMiddleware)."""

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        self._fetched: dict[str, Response | Exception] = {}

    async def process_request(self, request: Request) -> Response | None:
        if request.meta.get(GATE_FETCH):
            return None
        if is_robots_txt_request(request):
            return await self._shared_robots_txt(request)
        return await super().process_request(request)

    async def _shared_robots_txt(self, request: Request) -> Response | None:
        """The response (or error) of the gate's fetch of this robots.txt, fetched now if need be;
        None (download it) for one the gate never fetched (another scheme than the host's first)."""
        await self.robot_parser(request)
        outcome = self._fetched.get(robots_txt_url(request))
        if outcome is None:
            return None
        request.meta["dont_retry"] = True  # the fetch was retried already
        self._stats.inc_value("robotstxt/shared")
        if isinstance(outcome, Exception):
            raise outcome.with_traceback(None)
        return outcome.replace(request=request)  # its meta (handle_httpstatus_all), its callback

    async def robot_parser(self, request: Request) -> RobotParser | None:
        netloc = urlparse_cached(request).netloc
        if netloc not in self._parsers:  # the first request for this host: it fetches the rules
            self._parsers[netloc] = Deferred()
            await self._fetch_rules(robots_txt_url(request), netloc, request)
        pending = self._parsers[netloc]
        if not isinstance(pending, Deferred):
            return pending
        mine: Deferred[RobotParser | None] = Deferred()

        def relay(parser: RobotParser | None) -> RobotParser | None:
            mine.callback(parser)
            return parser  # on to the next waiter

        pending.addCallback(relay)
        return await maybe_deferred_to_future(mine)

    async def _fetch_rules(self, url: str, netloc: str, request: Request) -> None:
        """Fetch robots.txt (or take the outcome of an earlier fetch of `url`) and settle `netloc`'s rules."""
        outcome = self._fetched.get(url)
        if outcome is None:
            outcome = await self._fetch(url)
        try:
            if isinstance(outcome, Exception):
                raise outcome
            await self._parse_robots(outcome, netloc, request)
        except Exception as exc:
            if not isinstance(exc, IgnoreRequest):
                robots_logger.error(
                    "Error downloading %(request)s: %(f_exception)s",
                    {"request": request, "f_exception": exc},
                    exc_info=exc,
                    extra={"spider": self.crawler.spider},
                )
            self._robots_error(exc, netloc)
        self._stats.inc_value("robotstxt/request_count")

    async def _fetch(self, url: str) -> Response | Exception:
        """robots.txt at `url`, redirects followed: the final response or the exception it ended
        with. Remembered for `url`, and for the robots.txt a redirect led to (another host's: its
        own rules, not fetched again when the crawl gets there, e.g. apex -> www)."""
        first, seen = url, {url}
        outcome: Response | Exception
        try:
            for hop in range(MAX_ROBOTS_REDIRECTS + 1):
                outcome = await self.crawler.engine.download_async(self._robots_request(url))
                target = redirect_target(outcome)
                # More than five redirects, or a loop: the last redirect is the answer, which
                # `_parse_robots` reads as "unavailable", no rules (RFC 9309 §2.3.1.2: crawlers MAY
                # assume robots.txt unavailable). The alternative, complete disallow, would let
                # a misconfigured redirect stop the whole audit.
                if target is None or hop == MAX_ROBOTS_REDIRECTS or target in seen:
                    break
                self._stats.inc_value("robotstxt/redirect_count")
                seen.add(target)
                url = target
        except Exception as exc:
            outcome = exc
        self._fetched[first] = outcome
        if url != first and urlsplit(url).path == "/robots.txt" and redirect_target(outcome) is None:
            self._fetched.setdefault(url, outcome)
        return outcome

    def _robots_request(self, url: str) -> Request:
        return Request(
            url,
            priority=self.DOWNLOAD_PRIORITY,
            meta={"dont_obey_robotstxt": True, GATE_FETCH: True, "allow_offsite": True},
            callback=NO_CALLBACK,
            dont_filter=True,
        )

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if robots_txt_unreadable(response.status):
            self._stats.inc_value("robotstxt/response_count")
            self._stats.inc_value(f"robotstxt/response_status_count/{response.status}")
            self._settle(netloc, CompleteDisallow(f"robots.txt answered HTTP {response.status}"))
            return
        if 300 <= response.status < 500:
            # 4xx: unavailable, no rules, whatever the error page says; a 3xx left (more than five
            # redirects, a loop, no usable Location, 304 ...): the same, not its body as the rules
            response = response.replace(body=b"")
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        if not isinstance(exc, IgnoreRequest):
            self._stats.inc_value(f"robotstxt/exception_count/{type(exc)}")
        self._settle(netloc, CompleteDisallow(f"robots.txt unreachable ({type(exc).__name__})", exc))

    def _settle(self, netloc: str, rules: RobotParser) -> None:
        pending = self._parsers[netloc]
        self._parsers[netloc] = rules
        if isinstance(pending, Deferred):
            pending.callback(rules)

    def process_request_2(self, rp: RobotParser | None, request: Request) -> None:
        if isinstance(rp, CompleteDisallow):
            self._stats.inc_value("robotstxt/forbidden")
            if rp.error is None:
                raise IgnoreRequest(f"Forbidden by robots.txt: {rp.reason}")
            request.meta["dont_retry"] = True  # nothing was sent: a retry would only fail again
            raise rp.error.with_traceback(None)
        super().process_request_2(rp, request)


def robots_txt_url(request: Request) -> str:
    url = urlparse_cached(request)
    return f"{url.scheme}://{url.netloc}/robots.txt"


def is_robots_txt_request(request: Request) -> bool:
    url = urlparse_cached(request)
    return url.scheme in ("http", "https") and url.path == "/robots.txt" and not url.query and request.method == "GET"


def redirect_target(outcome: Response | Exception) -> str | None:
    """The absolute http(s) URL a robots.txt redirect points to, or None (not a redirect, or one
    without a usable Location)."""
    if not isinstance(outcome, Response) or outcome.status not in ROBOTS_REDIRECT_CODES:
        return None
    location = outcome.headers.get("Location")
    if not location:
        return None
    target = urljoin(outcome.url, safe_url_string(location.decode("latin-1").strip()))
    target = target.split("#", 1)[0]
    return target if urlsplit(target).scheme in ("http", "https") else None


def robots_txt_unreadable(status: int) -> bool:
    """A robots.txt status that means complete disallow (RFC 9309 §2.3.1.4: a server error).
    429 Too Many Requests counts as one too: the server asks for less, not for everything."""
    return status >= 500 or status == 429


class CompleteDisallow(RobotParser):
    """The rules of a host whose robots.txt could not be read: nothing is allowed (RFC 9309 §2.3.1.4).

    `error`: the exception the robots.txt fetch ended with (unreachable), None for an error status."""

    def __init__(self, reason: str, error: Exception | None = None) -> None:
        self.reason = reason
        self.error = error

    @classmethod
    def from_crawler(cls, crawler: Any, robotstxt_body: bytes) -> CompleteDisallow:
        return cls("robots.txt unreadable")

    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        return False
