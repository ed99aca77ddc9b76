"""`RenderSpider`: renders given pages in headless Chromium (scrapy-playwright) and yields their DOM.

Run by auditor.crawl.run_render_crawl after the raw crawl, for the URLs the render stage sampled.
It is a Scrapy crawl like the site crawl, so the same politeness holds: robots.txt (RobotsTxtGate),
the user agent, AutoThrottle, the per-domain concurrency and the download timeout. Chromium is the
system's (/usr/bin/chromium by default, `GEO_AUDIT_CHROMIUM`), never a downloaded browser.

Each result is a `RenderedPage` item: the rendered HTML (serialised DOM after the scripts ran and the
network went quiet), a JPEG screenshot of the first screen, the time it took, or the error.
"""

from __future__ import annotations

import base64
import contextlib
import os
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

CHROMIUM = os.environ.get("GEO_AUDIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]
VIEWPORT = {"width": 1280, "height": 900}
SCREENSHOT_QUALITY = 45  # JPEG: a readable first screen in ~40-80 KB, embedded in the report
SETTLE_MS = 5000  # at most this long for the network to go quiet after `load` (fetches building the page)
# resources a text comparison does not need (images stay: the screenshot shows them)
ABORTED_TYPES = frozenset({"media", "font"})


def _abort(request: Any) -> bool:
    return request.resource_type in ABORTED_TYPES


def playwright_settings(concurrency: int, user_agent: str) -> dict[str, Any]:
    """The scrapy-playwright download handler driving the system Chromium, as our user agent."""
    handler = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"
    return {
        "DOWNLOAD_HANDLERS": {"http": handler, "https": handler},
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": {"executable_path": CHROMIUM, "headless": True, "args": CHROMIUM_ARGS},
        "PLAYWRIGHT_CONTEXTS": {
            "default": {"viewport": VIEWPORT, "java_script_enabled": True, "user_agent": user_agent}
        },
        "PLAYWRIGHT_MAX_CONTEXTS": 1,
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": max(1, concurrency),
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": 20_000,
        "PLAYWRIGHT_ABORT_REQUEST": _abort,
        "ITEM_PIPELINES": {},
        "GEO_EXTRACT_WORKERS": 0,
    }


@dataclass(frozen=True)
class RenderedPage:
    url: str
    html: str | None = None
    screenshot: str | None = None  # data: URI
    render_ms: float | None = None
    error: str | None = None


class RenderSpider(scrapy.Spider):
    name = "render"

    def __init__(self, urls: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls = list(urls)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.urls:
            yield self.render_request(url)

    def start_requests(self) -> Iterator[scrapy.Request]:  # Scrapy < 2.13
        for url in self.urls:
            yield self.render_request(url)

    def render_request(self, url: str) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse,
            errback=self.failed,
            dont_filter=True,
            cb_kwargs={"requested": url},
            meta={
                "playwright": True,
                "playwright_include_page": True,
                # not `load`: a third-party stylesheet that never answers must not fail the page; the
                # network-quiet wait below lets the page's own scripts finish
                "playwright_page_goto_kwargs": {"wait_until": "domcontentloaded"},
            },
        )

    async def parse(self, response: Response, requested: str) -> AsyncIterator[RenderedPage]:
        page = response.meta.get("playwright_page")
        began = time.monotonic()
        try:
            html, shot = response.text, None
            if page is not None:
                # scripts that fetch the content run after `load`: let the network go quiet (a page that
                # keeps polling is taken as it is then)
                with contextlib.suppress(Exception):
                    await page.wait_for_load_state("networkidle", timeout=SETTLE_MS)
                html = await page.content()
                image = await page.screenshot(type="jpeg", quality=SCREENSHOT_QUALITY)
                shot = "data:image/jpeg;base64," + base64.b64encode(image).decode("ascii")
            # navigation (the download) plus settling, DOM and screenshot; not the time spent queued
            elapsed = (time.monotonic() - began + float(response.meta.get("download_latency") or 0)) * 1000
            yield RenderedPage(url=requested, html=html, screenshot=shot, render_ms=round(elapsed, 1))
        finally:
            if page is not None:
                await page.close()

    async def failed(self, failure: Failure) -> AsyncIterator[RenderedPage]:
        request = failure.request  # type: ignore[attr-defined]
        page = request.meta.get("playwright_page")
        if page is not None:
            await page.close()
        error = f"{failure.type.__name__}: {str(failure.value).splitlines()[0] if str(failure.value) else ''}"
        yield RenderedPage(url=request.cb_kwargs.get("requested", request.url), error=error.rstrip(": ")[:300])
