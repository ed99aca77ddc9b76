"""`SiteSpider`: crawls one site breadth-first and yields a `PageRecord` for every URL it touches.

The spider only fetches and extracts (extraction is the pure functions in `spiders.extract`);
`spiders.pipelines.RecordPipeline` validates and stores. Seeds: the start URL, robots.txt's
sitemaps and /sitemap.xml (sitemap-only URLs are fetched once the link crawl runs dry, so that
link depth is measured first). Redirects are followed hop by hop, each hop a record.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from protego import Protego
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap
from twisted.python.failure import Failure

from scoring.records import PageRecord, RedirectHop, SitemapEntry
from spiders.extract import canonical_url, extract_page, parse_html
from spiders.items import SitemapArtifact, TextArtifact

MAX_REDIRECT_HOPS = 10
START_PRIORITY = 1000  # robots.txt, sitemaps and llms.txt before any page


def site_hosts(url: str) -> frozenset[str]:
    """Hosts that count as the same site: the start host and its www/apex twin."""
    host = urlsplit(url).netloc.lower()
    twin = host[4:] if host.startswith("www.") else f"www.{host}"
    return frozenset({host, twin})


class SiteSpider(scrapy.Spider):
    name = "site"

    def __init__(self, url: str, max_pages: int | str | None = None, max_depth: int | str | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_url = canonical_url(url)
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(self.start_url))
        self.hosts = site_hosts(self.start_url)
        self._max_pages_arg = max_pages
        self._max_depth_arg = max_depth
        self.seen: set[str] = set()  # page URLs scheduled (our own dedupe: every hop counts)
        self.sitemaps_seen: set[str] = set()
        self.sitemap_queue: dict[str, None] = {}  # sitemap URLs waiting for the link crawl to end
        self.limits_hit: set[str] = set()
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
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        return spider

    # -- scope -----------------------------------------------------------------------------
    def is_internal(self, url: str) -> bool:
        return urlsplit(url).netloc.lower() in self.hosts

    def page_request(self, url: str, *, depth: int | None, referer: str,
                     hops: list[RedirectHop] | None = None) -> scrapy.Request | None:
        """A request for a page, or None when seen already or a limit says no."""
        url = canonical_url(url)
        if url in self.seen or not self.is_internal(url):
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
        request = self.page_request(self.start_url, depth=0, referer="start")
        if request is not None:
            yield request

    def sitemap_requests(self, urls: list[str]) -> Iterator[scrapy.Request]:
        for url in urls:
            url = canonical_url(url)
            if url in self.sitemaps_seen or not self.is_internal(url):
                continue
            self.sitemaps_seen.add(url)
            yield scrapy.Request(url, callback=self.parse_sitemap, errback=self.sitemap_failed,
                                 priority=START_PRIORITY - 1, dont_filter=True)

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
            yield from self.sitemap_requests([entry["loc"] for entry in sitemap if entry.get("loc")])
            return
        entries = []
        for entry in sitemap:
            if len(entries) >= self.max_sitemap_urls:
                self.limits_hit.add("max_sitemap_urls")
                break
            loc = entry.get("loc")
            if not loc:
                continue
            url = canonical_url(urljoin(response.url, loc.strip()))
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

    def parse_page(self, response: Response) -> Iterator[Any]:
        fields = self._base_fields(response)
        url, depth = fields["url"], fields["depth"]
        if 300 <= response.status < 400:
            yield from self._follow_redirect(response, fields)
            return
        fields["final_url"] = url
        if not isinstance(response, TextResponse) or "html" not in (fields["content_type"] or "text/html"):
            yield PageRecord(**fields)
            return
        fields["content_type"] = fields["content_type"] or "text/html"
        tree = parse_html(response.text) if response.body.strip() else None
        if tree is None:
            yield PageRecord(**fields, error="empty or unparsable HTML")
            return
        fields.update(extract_page(tree, response.url if response.url != url else url, self.is_internal))
        record = PageRecord(**fields)
        yield record
        if not 200 <= response.status < 300 or "nofollow" in record.robots_directives:
            return
        child_depth = (depth or 0) + 1 if depth is not None else None
        for link in record.links:
            if link.internal and "nofollow" not in link.rel:
                request = self.page_request(link.url, depth=child_depth, referer=url)
                if request is not None:
                    yield request

    def _follow_redirect(self, response: Response, fields: dict[str, Any]) -> Iterator[Any]:
        location = response.headers.get("Location", b"").decode("latin-1").strip()
        if not location:
            yield PageRecord(**fields, error="redirect without Location header")
            return
        target = canonical_url(urljoin(response.url, location))
        hops = [*fields["redirect_chain"], RedirectHop(url=fields["url"], status=response.status)]
        if len(hops) > MAX_REDIRECT_HOPS:
            yield PageRecord(**fields, final_url=target, error=f"redirect chain longer than {MAX_REDIRECT_HOPS}")
            return
        yield PageRecord(**fields, final_url=target)
        request = self.page_request(target, depth=fields["depth"], referer=fields["url"], hops=hops)
        if request is not None:
            yield request

    def page_failed(self, failure: Failure) -> Iterator[PageRecord]:
        request = failure.request
        meta = request.meta
        if failure.check(IgnoreRequest) and "robots" in str(failure.value).lower():
            error = "blocked by robots.txt"
        else:
            error = f"{failure.type.__name__}: {failure.getErrorMessage()}"[:500]
        yield PageRecord(
            url=meta["page_url"],
            redirect_chain=meta["hops"],
            depth=meta["page_depth"],
            discovered_from=meta["referer"],
            error=error,
        )
