"""All crawl defaults in one place (Scrapy settings module; `scrapy.cfg` points here).

Polite by default: robots.txt obeyed with Protego, an identifiable user agent, AutoThrottle and
a per-domain concurrency cap. Redirects are followed by the spider itself, hop by hop, so every
hop becomes a record.
"""

BOT_NAME = "geo-auditor"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

USER_AGENT = "Mozilla/5.0 (compatible; geo-auditor/0.1; +https://pypi.org/project/geo-auditor/)"
ROBOTSTXT_OBEY = True
ROBOTSTXT_PARSER = "scrapy.robotstxt.ProtegoRobotParser"
ROBOTSTXT_USER_AGENT = "geo-auditor"

CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 10.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

# Scrapy runs an async callback's output through CONCURRENT_ITEMS asyncio tasks per response (default
# 100). A page yields one record (stored synchronously) and its link requests, so parallel item
# processing gains nothing; creating 100 tasks per page was 21 % of the crawl thread's time (py-spy,
# bench/RESULTS.md "## Crawl").
CONCURRENT_ITEMS = 4

DOWNLOAD_TIMEOUT = 20
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024  # also caps decompressed bodies (decompression bombs)
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# Retries with exponential backoff that honour Retry-After, and robots.txt rules for every request
# (also those that wait for robots.txt at the same moment) (spiders.middlewares).
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "spiders.middlewares.RobotsTxtGate": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.middlewares.PoliteRetryMiddleware": 550,
    # CPU on every request for nothing we use: the spider has no allowed_domains (it scopes URLs
    # itself), and the byte counts of DownloaderStats (it serialises every request) are never read
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "scrapy.downloadermiddlewares.stats.DownloaderStats": None,
}
# Spider middlewares that wrap every page's output in another async generator for nothing we use: the
# spider counts depth itself (meta "page_depth", DEPTH_PRIORITY 0) and refuses URLs over
# GEO_MAX_URL_LENGTH (shorter than URLLENGTH_LIMIT), and it copies no response meta into requests.
SPIDER_MIDDLEWARES = {
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware": None,
    "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None,
}
# Scrapy's stats (request counts, bytes, timings) are read by nothing here, and counting them is
# CPU on every request and response; `-s STATS_CLASS=scrapy.statscollectors.MemoryStatsCollector`
# (with LOG_LEVEL=INFO) prints them again.
STATS_CLASS = "scrapy.statscollectors.DummyStatsCollector"
REDIRECT_ENABLED = False  # the spider records and follows each hop itself
METAREFRESH_ENABLED = False
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
HTTPERROR_ALLOW_ALL = True  # 4xx/5xx reach the spider: they become records too

# Breadth-first: the spider gives deeper pages a lower priority itself (a redirect hop keeps
# its depth, so Scrapy's DepthMiddleware counting is not used); FIFO queues within a priority.
DEPTH_PRIORITY = 0
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

ITEM_PIPELINES = {"spiders.pipelines.RecordPipeline": 300}
LOG_LEVEL = "WARNING"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

# geo-auditor's own limits (0 = unlimited)
GEO_MAX_PAGES = 500
GEO_MAX_DEPTH = 10
GEO_MAX_URL_LENGTH = 2048
GEO_MAX_SITEMAP_URLS = 50_000
# Conventional sitemap names, asked once the link crawl runs dry when neither /sitemap.xml nor robots.txt gave one
# (Yoast's index, Gatsby's and Astro's, WordPress core's): a site whose news list pages by script is found whole.
FALLBACK_SITEMAPS = ("/sitemap_index.xml", "/sitemap-index.xml", "/wp-sitemap.xml")
GEO_MAX_QUERY_VARIANTS = 50  # URLs with a query string per path: bounds calendars and facets
GEO_MAX_RETRY_AFTER = 30.0  # seconds; a longer Retry-After is recorded, not waited for
GEO_RETRY_BACKOFF = 0.5  # seconds, doubled on each retry
# --timeout N stops the crawl gracefully at N s; N + this many seconds after the audit began its
# process tree is ended whatever hangs (auditor.crawl.HardDeadline): time to close and to score.
GEO_HARD_TIMEOUT = True  # False: no hard deadline (batch children: their supervisor kills at the limit)
GEO_HARD_TIMEOUT_GRACE = 60.0
GEO_FOLLOW_META_REFRESH = True
# True: follow links that a meta robots or rel "nofollow" closes, as Screaming Frog's "follow internal
# nofollow" does: a staging or development build marked noindex,nofollow on every page (--follow-nofollow)
GEO_FOLLOW_NOFOLLOW = False
GEO_SUBDOMAINS = False  # True: every subdomain of the site's domain is the same site (www/apex always are)
GEO_INCLUDE: list[str] = []  # regular expressions; when given, only matching URLs are crawled
GEO_EXCLUDE: list[str] = []
GEO_AS_HOST = None  # production origin whose URLs map onto the crawled host (staging, local build)
# Tracking and session parameters removed from every URL (names, or prefixes ending in *).
GEO_STRIP_PARAMS = [
    "utm_*",
    "fbclid",
    "gclid",
    "gclsrc",
    "dclid",
    "msclkid",
    "yclid",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
    "igshid",
    "sid",
    "sessionid",
    "session_id",
    "phpsessid",
    "jsessionid",
    "aspsessionid*",
    "cfid",
    "cftoken",
    "zenid",
    "oscsid",
    "ref_src",
]
# Parse + extract in worker processes (the per-page work). -1 = one per core (up to 4) when the
# machine has more than one core, 0 = extract in the crawl process. Batch children use one each:
# their parallelism is the batch's --jobs.
GEO_EXTRACT_WORKERS = -1
# IPv4 and IPv6: the default resolver (gethostbyname) knows IPv4 only, so http://[::1]:8080/ failed as
# "DNS lookup failed". Scrapy calls this one experimental; it ignores DNS_TIMEOUT.
DNS_RESOLVER = "scrapy.resolver.CachingHostnameResolver"
# Seconds one page's analysis may take in an extraction worker (0 = no limit). A page over it is
# recorded with an error and the links of its markup, its worker is replaced and the crawl goes on.
# Enforced where there are workers; in the crawl process (0 workers) the hard --timeout still holds.
GEO_PAGE_BUDGET = 30.0
