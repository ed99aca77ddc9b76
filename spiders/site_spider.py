"""`SiteSpider`: crawls one site breadth-first and yields a `PageRecord` for every URL it touches.

The spider only fetches and extracts (extraction is the pure functions in `spiders.extract`);
`spiders.pipelines.RecordPipeline` validates and stores. Seeds: the start URL, robots.txt's
sitemaps and /sitemap.xml (sitemap-only URLs are fetched once the link crawl runs dry, so that
link depth is measured first). Redirects (3xx and meta refresh) are followed hop by hop, each
hop a record. Discovery also follows canonical targets, og:url, hreflang alternates and <link rel=next/prev>.

URL space: every URL goes through `normalise` — w3lib canonical form, tracking/session parameters
stripped (`GEO_STRIP_PARAMS`), the production host of `--as-host` mapped onto the crawled host —
so the session-id and utm variants of a page are one page. Traps are bounded by the page, depth,
URL-length and per-path query-variant limits (`GEO_MAX_QUERY_VARIANTS`).

Resume: `resume` (a `ResumeState`) seeds a continued crawl with the URLs already stored (never
fetched again) and the links they pointed to that were not fetched yet.
"""

from __future__ import annotations

import asyncio
import ctypes
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import scrapy
from protego import Protego
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, DownloadTimeoutError, IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap
from twisted.python.failure import Failure

from scoring.core.records import BLOCKED_BY_ROBOTS, PageRecord, RedirectHop, SitemapEntry
from spiders.extract import (
    MAX_ANALYSED_ELEMENTS,
    absolute_http_url,
    base_url,
    canonical_url,
    count_elements,
    decode_html,
    extract_head_and_links,
    extract_meta_refresh,
    extract_page,
    extract_rel_links,
    looks_binary,
    parse_html,
)
from spiders.extract_script_links import extract_script_links
from spiders.items import SitemapArtifact, TextArtifact

MAX_REDIRECT_HOPS = 10
START_PRIORITY = 1000  # robots.txt, sitemaps and llms.txt before any page


def site_hosts(url: str) -> frozenset[str]:
    """Hosts that count as the same site: the start host and its www/apex twin."""
    host = urlsplit(url).netloc.lower()
    twin = host[4:] if host.startswith("www.") else f"www.{host}"
    return frozenset({host, twin})


def _as_list(value: Any) -> list[str]:
    """A setting or `-a` argument given as a list or a comma-separated string."""
    if not value:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v) for v in value]


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
        return self.strip(url)

    def is_internal(self, url: str) -> bool:
        host = urlsplit(url).netloc.lower()
        if host in self.hosts:
            return True
        return self.subdomains and host.partition(":")[0].endswith(self.apex_suffix)


_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_FEED_NAMES = {b"rss": "RSS", b"feed": "Atom", b"rdf:rdf": "RSS"}


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


def feed_type(body: bytes) -> str | None:
    """ "RSS" or "Atom" when the body is a news feed (whatever its Content-Type says), else None."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<?xml") and not head.lower().startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        return None
    match = _FEED_ROOT.search(head)
    return _FEED_NAMES.get(match.group(1).lower()) if match else None


def feed_mime(feed: str) -> str:
    return "application/atom+xml" if feed == "Atom" else "application/rss+xml"


def extract_response(
    body: bytes, content_type: str | None, page_url: str, scope: UrlScope, *, ok: bool, follow_refresh: bool
) -> dict[str, Any]:
    """Decode, parse once and extract one HTML response: the per-page work, run in a worker
    process when the crawl has one. Returns fields for the PageRecord plus discovery extras."""
    if looks_binary(body):
        return {"error": f"binary content served as {content_type or 'HTML'}; not parsed"}
    feed = feed_type(body)
    if feed:  # WordPress exports save /feed/ as index.html: a feed, not a page to audit
        return {"error": f"{feed} feed served as {content_type or 'HTML'}; not a page", "content_type": feed_mime(feed)}
    tree = parse_html(decode_html(body, content_type)) if body.strip() else None
    if tree is None:
        return {"error": "empty or unparsable HTML"}
    refresh = extract_meta_refresh(tree, page_url) if ok and follow_refresh else None
    pagination = extract_rel_links(tree, page_url) if ok else []
    if count_elements(tree, MAX_ANALYSED_ELEMENTS) > MAX_ANALYSED_ELEMENTS:
        fields = extract_head_and_links(tree, page_url, scope.is_internal, scope.normalise)
        fields["error"] = (
            f"page too large to analyse (more than {MAX_ANALYSED_ELEMENTS:,} HTML elements): "
            "only title, meta tags and links read"
        )
    else:
        fields = extract_page(tree, page_url, scope.is_internal, scope.normalise)
        fields["script_links"] = extract_script_links(
            tree, base_url(tree, page_url), absolute_http_url, scope.is_internal, scope.normalise
        )
    return {"fields": fields, "refresh": scope.normalise(refresh) if refresh else None, "pagination": pagination}


def extract_links_only(
    body: bytes, content_type: str | None, page_url: str, scope: UrlScope, error: str
) -> dict[str, Any]:
    """Title, meta tags and links of a page whose analysis was given up (`error` says why): the
    crawl still follows its links. Parsing and reading links is linear, unlike the analysis."""
    tree = parse_html(decode_html(body, content_type)) if body.strip() else None
    if tree is None:
        return {"error": error}
    fields = extract_head_and_links(tree, page_url, scope.is_internal, scope.normalise)
    fields["error"] = error
    return {"fields": fields, "refresh": None, "pagination": extract_rel_links(tree, page_url)}


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


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int, exit_code: int = 0) -> None:
    """End this process when `parent` dies, however it dies (kill -9 included): the kernel sends
    SIGKILL (Linux PR_SET_PDEATHSIG; works even while this process is stuck in C code holding the
    GIL), and a watchdog thread exits when the parent pid changes (other systems, and a parent that
    died before the prctl took effect)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # orphaned already
        os._exit(exit_code)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(exit_code)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _worker_init(parent: int) -> None:
    # Ctrl-C goes to the whole process group: the crawl process stops gracefully and still needs
    # its workers for the pages in flight.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # kill -9 of the crawl process: no orphan worker (they would wait for work forever).
    die_with_parent(parent)


def _warm() -> int:
    return os.getpid()


def default_extract_workers() -> int:
    """One per core up to 4 (the default crawl has 8 requests in flight), none on one core."""
    cores = os.cpu_count() or 1
    return min(cores, 4) if cores > 1 else 0


def start_pool(workers: int) -> ProcessPoolExecutor | None:
    """Extraction workers (-1 = one per core when there are two or more, 0 = none). Forked before
    the reactor runs (started here and waited for), so no reactor thread is copied mid-work. One per
    core, not one fewer: the crawl process needs about half of what a worker does per page (5.5 vs
    10.5 CPU ms), and on 2 cores two workers took an unthrottled crawl from 73 to 105 pages/s."""
    if workers < 0:
        workers = default_extract_workers()
    if workers == 0:
        return None
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_worker_init,
        initargs=(os.getpid(),),
    )
    for future in [pool.submit(_warm) for _ in range(workers)]:
        future.result()
    return pool


class SiteSpider(scrapy.Spider):
    name = "site"

    def __init__(
        self,
        url: str,
        max_pages: int | str | None = None,
        max_depth: int | str | None = None,
        as_host: str | None = None,
        resume: ResumeState | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.start_url = canonical_url(url)
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(self.start_url))
        self.hosts = site_hosts(self.start_url)
        self._max_pages_arg = max_pages
        self._max_depth_arg = max_depth
        self._as_host_arg = as_host
        self.resume = resume
        self.seen: set[str] = set()  # page URLs scheduled (our own dedupe: every hop counts)
        self.sitemaps_seen: set[str] = set()
        self.sitemap_queue: dict[str, None] = {}  # sitemap URLs waiting for the link crawl to end
        self.limits_hit: set[str] = set()
        self.query_variants: Counter[str] = Counter()  # scheme://host/path -> URLs with a query
        self.excluded = 0
        self.started_at = time.time()

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> SiteSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.max_pages = int(spider._max_pages_arg or settings.getint("GEO_MAX_PAGES"))
        spider.max_depth = int(spider._max_depth_arg or settings.getint("GEO_MAX_DEPTH"))
        spider.max_url_length = settings.getint("GEO_MAX_URL_LENGTH")
        spider.max_sitemap_urls = settings.getint("GEO_MAX_SITEMAP_URLS")
        spider.max_sitemap_size = settings.getint("DOWNLOAD_MAXSIZE")
        spider.max_query_variants = settings.getint("GEO_MAX_QUERY_VARIANTS")
        spider.max_retry_after = settings.getfloat("GEO_MAX_RETRY_AFTER")
        spider.follow_meta_refresh = settings.getbool("GEO_FOLLOW_META_REFRESH", True)
        strip = ParamStripper(_as_list(settings.get("GEO_STRIP_PARAMS")))
        spider.include = [re.compile(p) for p in _as_list(settings.get("GEO_INCLUDE"))]
        spider.exclude = [re.compile(p) for p in _as_list(settings.get("GEO_EXCLUDE"))]
        apex = urlsplit(spider.start_url).hostname or ""
        # --as-host: URLs on the production origin (and its www twin) are this site's URLs.
        as_host = spider._as_host_arg or settings.get("GEO_AS_HOST")
        alias_prefixes: tuple[str, ...] = ()
        spider.alias_hosts = set()  # the production hosts a staging crawl stands for (site artifacts)
        if as_host:
            alias = urlsplit(as_host if "://" in as_host else f"https://{as_host}").netloc.lower()
            spider.alias_hosts = set(site_hosts(f"//{alias}"))
            alias_prefixes = tuple(
                f"{scheme}://{host}/" for host in spider.alias_hosts for scheme in ("http", "https")
            )
        spider.scope = UrlScope(
            origin=spider.origin,
            hosts=spider.hosts,
            subdomains=settings.getbool("GEO_SUBDOMAINS"),
            apex_suffix="." + apex.removeprefix("www."),
            alias_prefixes=alias_prefixes,
            strip=strip,
        )
        spider.workers = settings.getint("GEO_EXTRACT_WORKERS")
        spider.page_budget_s = max(0.0, settings.getfloat("GEO_PAGE_BUDGET"))
        spider.pool = start_pool(spider.workers)
        if spider.resume is not None:
            spider.seen |= spider.resume.seen
            for url in spider.resume.seen:
                spider._count_query_variant(url)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        return spider

    def normalise(self, url: str) -> str:
        return self.scope.normalise(url)

    def _count_query_variant(self, url: str) -> bool:
        """Count a URL with a query; False when its path has had too many variants."""
        path, sep, _ = url.partition("?")
        if not sep:
            return True
        if self.max_query_variants and self.query_variants[path] >= self.max_query_variants:
            return False
        self.query_variants[path] += 1
        return True

    # -- scope -----------------------------------------------------------------------------
    def is_internal(self, url: str) -> bool:
        return self.scope.is_internal(url)

    def in_scope(self, url: str) -> bool:
        """Include/exclude patterns (regular expressions searched in the URL); the start URL is always in."""
        if url == self.start_url:
            return True
        if self.include and not any(p.search(url) for p in self.include):
            return False
        return not any(p.search(url) for p in self.exclude)

    def page_request(
        self,
        url: str,
        *,
        depth: int | None,
        referer: str,
        hops: list[RedirectHop] | None = None,
        normalised: bool = False,
    ) -> scrapy.Request | None:
        """A request for a page, or None when seen already or a limit says no."""
        if not normalised:
            url = self.normalise(canonical_url(url))
        if url in self.seen or not self.is_internal(url):
            return None
        if not self.in_scope(url):
            self.excluded += 1
            return None
        if len(url) > self.max_url_length:
            self.limits_hit.add("max_url_length")
            return None
        if depth is not None and self.max_depth and depth > self.max_depth:
            self.limits_hit.add("max_depth")
            return None
        if self.max_pages and len(self.seen) >= self.max_pages:
            self.limits_hit.add("max_pages")
            return None
        if not self._count_query_variant(url):
            self.limits_hit.add("max_query_variants")
            return None
        self.seen.add(url)
        self.sitemap_queue.pop(url, None)
        return scrapy.Request(
            url,
            callback=self.parse_page,
            errback=self.page_failed,
            priority=-(depth if depth is not None else self.max_depth + 1),
            dont_filter=True,
            meta={"page_url": url, "page_depth": depth, "referer": referer, "hops": hops or []},
        )

    # -- seeds -----------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield scrapy.Request(
            f"{self.origin}/robots.txt",
            callback=self.parse_robots,
            errback=self.artifact_failed,
            priority=START_PRIORITY,
            dont_filter=True,
            meta={"dont_obey_robotstxt": True, "artifact": "robots_txt", "handle_httpstatus_all": True},
        )
        yield scrapy.Request(
            f"{self.origin}/llms.txt",
            callback=self.parse_llms_txt,
            errback=self.artifact_failed,
            priority=START_PRIORITY,
            dont_filter=True,
            meta={"artifact": "llms_txt", "handle_httpstatus_all": True},
        )
        for request in self.sitemap_requests([f"{self.origin}/sitemap.xml"]):
            yield request
        if self.resume is not None:
            for url, depth, referer in self.resume.frontier:
                request = self.page_request(url, depth=depth, referer=referer)
                if request is not None:
                    yield request
            return
        request = self.page_request(self.start_url, depth=0, referer="start")
        if request is not None:
            yield request

    def sitemap_requests(self, urls: list[str]) -> Iterator[scrapy.Request]:
        for url in urls:
            url = self.normalise(canonical_url(url))
            if url in self.sitemaps_seen or not self.is_internal(url):
                continue
            self.sitemaps_seen.add(url)
            yield scrapy.Request(
                url,
                callback=self.parse_sitemap,
                errback=self.sitemap_failed,
                priority=START_PRIORITY - 1,
                dont_filter=True,
            )

    def parse_robots(self, response: Response) -> Iterator[Any]:
        body = response.text if isinstance(response, TextResponse) and response.status == 200 else None
        yield TextArtifact("robots_txt", response.status, body)
        if body:
            sitemaps = [urljoin(response.url, s) for s in Protego.parse(body).sitemaps]
            yield from self.sitemap_requests(sitemaps)

    def parse_llms_txt(self, response: Response) -> Iterator[Any]:
        ok = response.status == 200 and isinstance(response, TextResponse)
        content_type = response.headers.get("Content-Type", b"").decode("latin-1").lower()
        body = response.text if ok and "html" not in content_type else None
        yield TextArtifact("llms_txt", response.status, body)

    def artifact_failed(self, failure: Failure) -> Iterator[Any]:
        yield TextArtifact(failure.request.meta["artifact"], None, None)

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        if response.status != 200:
            return
        body = response.body
        if body[:2] == b"\x1f\x8b":
            try:
                body = gunzip(body, max_size=self.max_sitemap_size)
            except Exception:  # corrupt or oversized archive: nothing to read
                self.logger.warning("unreadable gzip sitemap %s", response.url)
                return
        try:
            sitemap = Sitemap(body)
        except Exception:
            self.logger.warning("unparsable sitemap %s", response.url)
            return
        if sitemap.type == "sitemapindex":
            yield from self.sitemap_requests(
                [urljoin(response.url, entry["loc"].strip()) for entry in sitemap if entry.get("loc")]
            )
            return
        entries = []
        for entry in sitemap:
            if len(entries) >= self.max_sitemap_urls:
                self.limits_hit.add("max_sitemap_urls")
                break
            loc = entry.get("loc")
            if not loc:
                continue
            url = self.normalise(canonical_url(urljoin(response.url, loc.strip())))
            entries.append(SitemapEntry(url=url, lastmod=entry.get("lastmod"), sitemap=response.url))
            if self.is_internal(url) and url not in self.seen:
                self.sitemap_queue[url] = None
        yield SitemapArtifact(response.url, entries)

    def sitemap_failed(self, failure: Failure) -> None:
        self.logger.info("sitemap not fetched: %s", failure.request.url)

    def on_idle(self) -> None:
        """The link crawl ran dry: fetch the sitemap URLs no link led to."""
        scheduled = False
        for url in list(self.sitemap_queue):
            request = self.page_request(url, depth=None, referer="sitemap")
            self.sitemap_queue.pop(url, None)
            if request is not None:
                self.crawler.engine.crawl(request)
                scheduled = True
        if scheduled:
            raise DontCloseSpider

    # -- pages -----------------------------------------------------------------------------
    def _base_fields(self, response: Response) -> dict[str, Any]:
        meta = response.meta
        headers = response.headers
        latency = meta.get("download_latency")
        return {
            "url": meta["page_url"],
            "redirect_chain": meta["hops"],
            "status": response.status,
            "content_type": headers.get("Content-Type", b"").decode("latin-1").strip() or None,
            "bytes": len(response.body),
            "fetch_ms": round(latency * 1000, 1) if latency is not None else None,
            "depth": meta["page_depth"],
            "discovered_from": meta["referer"],
            "x_robots_tag": headers.get("X-Robots-Tag", b"").decode("latin-1").strip() or None,
        }

    async def parse_page(self, response: Response) -> AsyncIterator[Any]:
        fields = self._base_fields(response)
        url, depth = fields["url"], fields["depth"]
        refused = response.meta.get("retry_after_refused")
        if refused is not None:
            fields["error"] = (
                f"HTTP {response.status} with Retry-After {refused:g} s (over the "
                f"{self.max_retry_after:g} s cap): not retried"
            )
        if 300 <= response.status < 400:
            for item in self._follow_redirect(response, fields):
                yield item
            return
        fields["final_url"] = url
        content_type = fields["content_type"]
        if not isinstance(response, TextResponse) or "html" not in (content_type or "text/html"):
            yield PageRecord(**fields)  # non-HTML: type, size and status are recorded, not parsed
            return
        page_url = response.url if response.url != url else url
        ok = 200 <= response.status < 300
        extracted = await self.extract(response.body, content_type, page_url, ok)
        if "fields" not in extracted:
            fields["content_type"] = extracted.get("content_type") or content_type or "text/html"
            yield PageRecord(**{**fields, "error": fields.get("error") or extracted["error"]})
            return
        fields["content_type"] = content_type or "text/html"
        fields.update(extracted["fields"])
        refresh = extracted["refresh"]
        if refresh:
            fields["meta_refresh"] = refresh
        record = PageRecord(**fields)
        yield record
        if refresh:
            for item in self._follow(refresh, fields, response.status, meta_refresh=True):
                yield item
        if not ok or "nofollow" in record.robots_directives:
            return
        child_depth = (depth or 0) + 1 if depth is not None else None
        pagination = set(extracted["pagination"])
        for link in record.links:
            if link.internal and "nofollow" not in link.rel:
                # The next page of a listing is the same listing: it keeps the listing's depth, so the
                # depth limit never cuts a paginated archive (and the orphan check stays on).
                same_level = link.url in pagination or is_pagination_url(link.url)
                request = self.page_request(
                    link.url, depth=depth if same_level else child_depth, referer=url, normalised=True
                )
                if request is not None:
                    yield request
        # Other discovery sources a search engine uses: canonical target, og:url, hreflang alternates,
        # rel=next/prev (scope and dedupe as for links: an og:url off the site is not fetched).
        extra = [url for url in (record.canonical, record.og_url) if url]
        extra += [h.url for h in record.hreflang]
        for target in extra:
            request = self.page_request(target, depth=child_depth, referer=url)
            if request is not None:
                yield request
        # targets of links only scripts follow: fetched so that a broken one is reported
        for link in record.script_links:
            if link.internal:
                request = self.page_request(link.url, depth=child_depth, referer=url, normalised=True)
                if request is not None:
                    yield request
        for target in extracted["pagination"]:
            request = self.page_request(target, depth=depth, referer=url)
            if request is not None:
                yield request

    async def extract(self, body: bytes, content_type: str | None, page_url: str, ok: bool) -> dict[str, Any]:
        """`extract_response` in the worker pool (a second core) within the page budget, or here
        when there is none."""
        args = (body, content_type, page_url, self.scope)
        kwargs = {"ok": ok, "follow_refresh": self.follow_meta_refresh}
        while self.pool is not None:
            pool = self.pool
            try:
                future = asyncio.wrap_future(pool.submit(extract_response, *args, **kwargs))
                return await asyncio.wait_for(future, self.page_budget_s or None)
            except TimeoutError:
                self.logger.warning(
                    "analysis of %s took over %g s; its worker is replaced", page_url, self.page_budget_s
                )
                self._replace_pool(pool)
                error = (
                    f"analysis stopped after the {self.page_budget_s:g} s page budget: "
                    "only title, meta tags and links read"
                )
                return extract_links_only(body, content_type, page_url, self.scope, error)
            except BrokenProcessPool:
                if self.pool is not pool:  # replaced meanwhile (another page over budget): run it in the new one
                    continue
                self.logger.warning("extraction worker died; extracting in the crawl process from now on")
                self.pool = None
            except Exception as exc:  # a bug in an extractor must not end the crawl
                return {"error": f"extraction failed: {type(exc).__name__}: {exc}"[:500]}
        try:
            return extract_response(*args, **kwargs)
        except Exception as exc:
            return {"error": f"extraction failed: {type(exc).__name__}: {exc}"[:500]}

    def _replace_pool(self, pool: ProcessPoolExecutor) -> None:
        """Kill the workers of `pool` (one is stuck on a page over budget) and start new ones; pages
        in flight in the old pool are submitted again by `extract`."""
        if self.pool is not pool:
            return
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        self.pool = start_pool(self.workers)

    def closed(self, reason: str) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)

    def _follow_redirect(self, response: Response, fields: dict[str, Any]) -> Iterator[Any]:
        location = response.headers.get("Location", b"").decode("latin-1").strip()
        if not location:
            yield PageRecord(**fields, error="redirect without Location header")
            return
        target = self.normalise(canonical_url(urljoin(response.url, location)))
        yield from self._follow(target, fields, response.status)

    def _follow(self, target: str, fields: dict[str, Any], status: int, *, meta_refresh: bool = False) -> Iterator[Any]:
        """Record a redirect hop (unless a meta refresh page was recorded already) and fetch its target."""
        url = fields["url"]
        hops = [*fields["redirect_chain"], RedirectHop(url=url, status=status, meta_refresh=meta_refresh)]
        error = None
        if target == url or any(hop.url == target for hop in hops):
            error = "redirect loop"
        elif len(hops) > MAX_REDIRECT_HOPS:
            error = f"redirect chain longer than {MAX_REDIRECT_HOPS} hops"
        elif not self.is_internal(target):
            error = None  # off-site redirect: recorded (final_url shows where), not followed
        if not meta_refresh:
            yield PageRecord(**{**fields, "error": fields.get("error") or error}, final_url=target)
        if error is None:
            request = self.page_request(target, depth=fields["depth"], referer=url, hops=hops)
            if request is not None:
                yield request

    def page_failed(self, failure: Failure) -> Iterator[PageRecord]:
        request = failure.request
        meta = request.meta
        message = failure.getErrorMessage()
        if failure.check(IgnoreRequest) and "robots" in message.lower():
            error = BLOCKED_BY_ROBOTS
        elif "DOWNLOAD_MAXSIZE" in message or "max size" in message.lower():
            limit = self.max_sitemap_size / 1_048_576  # DOWNLOAD_MAXSIZE
            if "decompress" in message:
                how = "while decompressing (a compression bomb?)"
            elif "Expected" in message:
                how = "from its Content-Length"
            else:
                how = "while downloading"
            error = f"response larger than the {limit:g} MB size limit (DOWNLOAD_MAXSIZE), detected {how}"
        elif failure.check(TimeoutError, DownloadTimeoutError):
            error = f"timeout: no complete response within {self.settings.getint('DOWNLOAD_TIMEOUT')} s"
        else:
            error = f"{failure.type.__name__}: {message}"[:500]
        yield PageRecord(
            url=meta["page_url"],
            redirect_chain=meta["hops"],
            depth=meta["page_depth"],
            discovered_from=meta["referer"],
            error=error,
        )
