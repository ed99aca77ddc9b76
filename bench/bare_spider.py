"""The ceiling for crawl benchmarks: a bare Scrapy spider that only follows links (no extraction,
no storage). `python bench/bare_spider.py URL CONCURRENCY` prints {"pages": N, "reached": HTML pages
with status 200, "reason": ...} when done."""

from __future__ import annotations

import json
import sys
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import CrawlerProcess


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [url]
        self.allowed_domains = [urlsplit(url).hostname]
        self.pages = 0
        self.reached = 0  # HTML pages with status 200

    def parse(self, response: scrapy.http.Response) -> Any:
        self.pages += 1
        self.reached += isinstance(response, scrapy.http.HtmlResponse) and response.status == 200
        if not isinstance(response, scrapy.http.TextResponse):
            return
        for href in response.xpath("//a/@href").getall():
            yield response.follow(href, callback=self.parse)

    def closed(self, reason: str) -> None:
        print(json.dumps({"pages": self.pages, "reached": self.reached, "reason": reason}), flush=True)


def main() -> None:
    url, concurrency = sys.argv[1], int(sys.argv[2])
    process = CrawlerProcess(
        {
            "CONCURRENT_REQUESTS": concurrency,
            "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
            "DOWNLOAD_DELAY": 0,
            "AUTOTHROTTLE_ENABLED": False,
            "ROBOTSTXT_OBEY": True,
            "LOG_LEVEL": "ERROR",
            "TELNETCONSOLE_ENABLED": False,
            "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
            "COOKIES_ENABLED": False,
        }
    )
    process.crawl(BareSpider, url=url)
    process.start()


if __name__ == "__main__":
    main()
