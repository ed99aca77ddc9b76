"""`SiteSpider`: crawls one site breadth-first and yields a `PageRecord` for every URL it touches.

The spider only fetches and extracts (extraction is the pure functions in `spiders.extract`);
`spiders.pipelines.RecordPipeline` validates and stores. Seeds: the start URL, robots.txt's sitemaps,
/sitemap.xml, else conventional names (`FALLBACK_SITEMAPS`); sitemap-only URLs are fetched once the link
crawl runs dry, so that link depth is measured first. Redirects (3xx and meta refresh) are followed hop by
hop, each hop a record. Discovery also follows canonical targets, og:url, hreflang alternates (HTML, HTTP
Link header, sitemap xhtml:link) and <link rel=next/prev>.

URL space: every URL goes through `normalise` — w3lib canonical form, tracking/session parameters stripped
(`GEO_STRIP_PARAMS`), the production host of `--as-host` mapped onto the crawled host — so the session-id
and utm variants of a page are one page. Traps are bounded by the page, depth, URL-length and per-path
query-variant limits (`GEO_MAX_QUERY_VARIANTS`).

Resume: `resume` (a `ResumeState`) seeds a continued crawl with the URLs already stored (never fetched
again) and the links they pointed to that were not fetched yet. Re-audit: `reuse` (`spiders.reuse.ReuseIndex`,
an earlier audit) makes page requests conditional; a 304 or an unchanged body reuses the stored record,
whose links are followed (docs/reaudit.md). Beside it: `spiders.url_scope` (the URL space),
`spiders.extract_workers` (the per-page extraction and its worker processes), `spiders.resume` (the state of
an interrupted crawl).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from protego import Protego
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap
from twisted.python.failure import Failure

import spiders.resume as resume_rules
from scoring.core.records import PageRecord, RedirectHop, SitemapEntry
from spiders.document import canonical_url
from spiders.extract_head import link_header_hreflang, merge_hreflang, sitemap_hreflang
from spiders.extract_workers import (
    ExtractionPool,
    default_extract_workers,
    die_with_parent,
    extract_response,
    start_pool,
)
from spiders.items import SitemapArtifact, TextArtifact
from spiders.resume import CONNECTION_FAILURE_TYPES, ResumeState, failure_error, is_connection_failure
from spiders.reuse import ReuseIndex, ReusingSpider, conditional_headers, repeatable
from spiders.settings import FALLBACK_SITEMAPS
from spiders.url_scope import ParamStripper, UrlScope, is_pagination_url, setting_list, site_hosts

MAX_REDIRECT_HOPS = 10
START_PRIORITY = 1000  # robots.txt, sitemaps and llms.txt before any page


def _import_download_handler() -> None:
    """Import Scrapy's HTTP download handler before the engine does: its TLS module's deprecation shims
    call `inspect.stack()`, 0.3-0.4 s of CPU deep in the engine's start-up, a third of that here."""
    import scrapy.core.downloader.handlers.http11  # noqa: F401


class SiteSpider(ReusingSpider, scrapy.Spider):
    name = "site"

    def __init__(
        self,
        url: str,
        max_pages: int | str | None = None,
        max_depth: int | str | None = None,
        as_host: str | None = None,
        resume: ResumeState | None = None,
        reuse: ReuseIndex | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.start_url = canonical_url(url)
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(self.start_url))
        self.hosts = site_hosts(self.start_url)
        self._max_pages_arg, self._max_depth_arg, self._as_host_arg = max_pages, max_depth, as_host
        self.resume, self.reuse = resume, reuse
        self.seen: set[str] = set()  # page URLs scheduled (our own dedupe: every hop counts)
        self.sitemaps_seen: set[str] = set()
        self.sitemap_read = False  # none read: FALLBACK_SITEMAPS are asked once the link crawl runs dry
        self.sitemap_queue: dict[str, None] = {}  # sitemap URLs waiting for the link crawl to end
        self.limits_hit: set[str] = set()
        self.query_variants: Counter[str] = Counter()  # scheme://host/path -> URLs with a query
        self.excluded, self.started_at = 0, time.time()

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> SiteSpider:
        _import_download_handler()
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
        strip = ParamStripper(setting_list(settings.get("GEO_STRIP_PARAMS")))
        spider.include = [re.compile(p) for p in setting_list(settings.get("GEO_INCLUDE"))]
        spider.exclude = [re.compile(p) for p in setting_list(settings.get("GEO_EXCLUDE"))]
        apex = urlsplit(spider.start_url).hostname or ""
        # --as-host: URLs on the production origin (and its www twin) are this site's URLs.
        as_host = spider._as_host_arg or settings.get("GEO_AS_HOST")
        alias_prefixes: tuple[str, ...] = ()
        spider.alias_hosts = set()  # the production hosts a staging crawl stands for (site artifacts)
        if as_host:
            alias = urlsplit(as_host if "://" in as_host else f"https://{as_host}").netloc.lower()
            spider.alias_hosts = set(site_hosts(f"//{alias}"))
            alias_prefixes = tuple(f"{scheme}://{host}/" for host in spider.alias_hosts for scheme in ("http", "https"))
        spider.scope = UrlScope(
            origin=spider.origin,
            hosts=spider.hosts,
            subdomains=settings.getbool("GEO_SUBDOMAINS"),
            apex_suffix="." + apex.removeprefix("www."),
            alias_prefixes=alias_prefixes,
            strip=strip,
        )
        spider.extraction = ExtractionPool(
            settings.getint("GEO_EXTRACT_WORKERS"), max(0.0, settings.getfloat("GEO_PAGE_BUDGET")), spider.logger
        )
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
            headers=conditional_headers(self.reuse.get(url)) if self.reuse is not None else None,
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
        self.sitemap_read = True
        if sitemap.type == "sitemapindex":
            yield from self.sitemap_requests(
                [urljoin(response.url, entry["loc"].strip()) for entry in sitemap if entry.get("loc")]
            )
            return
        entries = []
        declared = sitemap_hreflang(body, response.url, self.normalise)  # <loc> -> its xhtml:link alternates
        for entry in sitemap:
            if len(entries) >= self.max_sitemap_urls:
                self.limits_hit.add("max_sitemap_urls")
                break
            loc = entry.get("loc")
            if not loc:
                continue
            url = self.normalise(canonical_url(urljoin(response.url, loc.strip())))
            alternates = declared.get(loc.strip(), [])
            entries.append(
                SitemapEntry(url=url, lastmod=entry.get("lastmod"), sitemap=response.url, alternates=alternates)
            )
            for target in (url, *(a.url for a in alternates)):  # alternates are discovery sources too
                if self.is_internal(target) and target not in self.seen:
                    self.sitemap_queue[target] = None
        yield SitemapArtifact(response.url, entries)

    def sitemap_failed(self, failure: Failure) -> None:
        self.logger.info("sitemap not fetched: %s", failure.request.url)

    def on_idle(self) -> None:
        """The link crawl ran dry: fetch the sitemap URLs no link led to."""
        probes = [] if self.sitemap_read else list(self.sitemap_requests([self.origin + p for p in FALLBACK_SITEMAPS]))
        for request in probes:
            self.crawler.engine.crawl(request)
        scheduled = bool(probes)
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
            "content_language": headers.get("Content-Language", b"").decode("latin-1").strip()[:100] or None,
        }

    async def parse_page(self, response: Response) -> AsyncIterator[Any]:
        fields = self._base_fields(response)
        url = fields["url"]
        refused = response.meta.get("retry_after_refused")
        if refused is not None:
            fields["error"] = (
                f"HTTP {response.status} with Retry-After {refused:g} s (over the "
                f"{self.max_retry_after:g} s cap): not retried"
            )
        if response.status == 304 and self.reuse is not None:
            for item in self._not_modified(response, fields):
                yield item
            return
        if 300 <= response.status < 400:
            for item in self._follow_redirect(response, fields):
                yield item
            return
        fields["final_url"] = url
        content_type = fields["content_type"]
        # hreflang in the HTTP Link header (any file type: PDFs declare their language versions there)
        linked = link_header_hreflang(
            [v.decode("latin-1") for v in response.headers.getlist("Link")], response.url, self.normalise
        )
        if not isinstance(response, TextResponse) or "html" not in (content_type or "text/html"):
            yield PageRecord(**fields, hreflang=linked)  # non-HTML: type, size and status are recorded, not parsed
            return
        page_url = response.url if response.url != url else url
        ok = 200 <= response.status < 300
        digest = self._validators(response, fields)
        unchanged = None if refused else self._unchanged(fields, digest)
        if unchanged is not None:  # a 200 with the body and headers of the stored record
            for item in self._reused(unchanged):
                yield item
            return
        extracted = await self.extract(response.body, content_type, page_url, ok)
        if "fields" not in extracted:
            fields["content_type"] = extracted.get("content_type") or content_type or "text/html"
            error = fields.get("error") or extracted["error"]
            yield PageRecord(**{**fields, "error": error, "content_hash": digest if repeatable(error) else None})
            return
        fields["content_type"] = content_type or "text/html"
        fields.update(extracted["fields"])
        fields["hreflang"] = merge_hreflang(fields.get("hreflang", ()), linked)
        fields["pagination"] = list(extracted["pagination"])
        if repeatable(fields.get("error")) and not refused:
            fields["content_hash"] = digest
        refresh = extracted["refresh"]
        if refresh:
            fields["meta_refresh"] = refresh
        record = PageRecord(**fields)
        yield record
        for item in self._discover(record, fields):
            yield item

    def _discover(self, record: PageRecord, fields: dict[str, Any]) -> Iterator[Any]:
        """Requests for what a page record leads to: its meta refresh target, and for a successful
        page without nofollow its links, canonical, og:url, hreflang alternates, script links and
        rel=next/prev targets. The same for a fresh record and a reused one."""
        url, depth, status = record.url, record.depth, record.status or 0
        ok, follow_nofollow = 200 <= status < 300, self.settings.getbool("GEO_FOLLOW_NOFOLLOW")
        if record.meta_refresh:
            yield from self._follow(record.meta_refresh, fields, status, meta_refresh=True)
        if not ok or not resume_rules.follows(record, follow_nofollow):
            return
        child_depth = (depth or 0) + 1 if depth is not None else None
        pagination = set(record.pagination)
        seen = self.seen
        for link in record.links:
            # most links lead where an earlier page led (menus, teasers): skipped before the pagination test
            if resume_rules.followed_link(link, follow_nofollow) and link.url not in seen:
                # The next page of a listing is the same listing: it keeps the listing's depth, so the
                # depth limit never cuts a paginated archive (and the orphan check stays on).
                same_level = link.url in pagination or is_pagination_url(link.url)
                request = self.page_request(
                    link.url, depth=depth if same_level else child_depth, referer=url, normalised=True
                )
                if request is not None:
                    yield request
        # Other discovery sources: canonical, og:url, hreflang, rel=next/prev (an og:url off the site is not fetched).
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
        for target in record.pagination:
            request = self.page_request(target, depth=depth, referer=url)
            if request is not None:
                yield request

    async def extract(self, body: bytes, content_type: str | None, page_url: str, ok: bool) -> dict[str, Any]:
        """`extract_response` in the worker pool (a second core) within the page budget, or here
        when there is none (spiders.extract_workers.ExtractionPool)."""
        self.extracted_pages += 1
        return await self.extraction.extract(
            body, content_type, page_url, self.scope, ok=ok, follow_refresh=self.follow_meta_refresh
        )

    def closed(self, reason: str) -> None:
        self.extraction.shutdown()

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
        error = failure_error(failure, self.max_sitemap_size, self.settings.getint("DOWNLOAD_TIMEOUT"))
        yield PageRecord(
            url=meta["page_url"],
            redirect_chain=meta["hops"],
            depth=meta["page_depth"],
            discovered_from=meta["referer"],
            error=error,
        )


# Importable from here as before: the crawl's building blocks that auditor/, tests and bench use.
__all__ = [
    "CONNECTION_FAILURE_TYPES",
    "ParamStripper",
    "ResumeState",
    "SiteSpider",
    "UrlScope",
    "default_extract_workers",
    "die_with_parent",
    "extract_response",
    "is_connection_failure",
    "is_pagination_url",
    "site_hosts",
    "start_pool",
]
