"""Discovery and scope on a real loopback server: sitemap index, gzip sitemaps and lastmod,
<link rel=next>, hreflang alternates, canonical and og:url targets, include/exclude patterns and
--as-host (production URLs mapped onto the crawled host). Plus the scope rules as units."""

from __future__ import annotations

import gzip
import json

import pytest
from scrapy.utils.test import get_crawler

from auditor.serve import StaticSite
from auditor.store import Store
from spiders.site_spider import SiteSpider
from spiders.url_scope import ParamStripper
from tests.conftest import run_cli

PROD = "https://www.prod-shop.example"


def _page(title: str, head: str = "", body: str = "") -> str:
    return (
        f"<!doctype html><html lang='en'><head><title>{title}</title>{head}</head>"
        f"<body><main><h1>{title}</h1>{body}</main></body></html>"
    )


def _write(root, path: str, content: str | bytes) -> None:
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")


@pytest.fixture(scope="module")
def discovery_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("discovery-site")
    _write(root, "robots.txt", "User-agent: *\nAllow: /\nSitemap: /sitemap_index.xml\n")
    _write(
        root,
        "index.html",
        _page(
            "Home",
            head=f"<link rel='alternate' hreflang='de' href='/de/'><link rel='canonical' href='{PROD}/'>"
            f"<meta property='og:url' content='{PROD}/og-only/?fbclid=abc'>",
            # '/list//': a template's stray slash; static hosts serve /list/ for it
            body=f"<a href='/list/'>List</a> <a href='/list//'>List again</a> <a href='/excluded/page/'>Hidden</a> "
            f"<a href='{PROD}/prod-link/?utm_source=x'>Production link</a>",
        ),
    )
    _write(root, "list/index.html", _page("List", head="<link rel='next' href='/list/page2/'>"))
    _write(root, "list/page2/index.html", _page("List page 2", head="<link rel='prev' href='/list/'>"))
    _write(root, "de/index.html", _page("Deutsch", head="<link rel='canonical' href='/de/canonical-target/'>"))
    _write(root, "de/canonical-target/index.html", _page("Canonical target"))
    _write(root, "excluded/page/index.html", _page("Excluded"))
    # linked from nowhere: only the home page's og:url (on the production host) names it
    _write(root, "og-only/index.html", _page("Named only by og:url"))
    _write(root, "prod-link/index.html", _page("Reached through the production host"))
    _write(root, "from-gz-sitemap/index.html", _page("Listed in the gzip sitemap"))
    _write(root, "from-sitemap/index.html", _page("Listed in the plain sitemap"))
    urlset = (
        "<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{}</urlset>"
    )
    entry = "<url><loc>{}</loc><lastmod>{}</lastmod></url>"
    _write(
        root,
        "sitemaps/pages.xml.gz",
        gzip.compress(urlset.format(entry.format(f"{PROD}/from-gz-sitemap/", "2026-03-01")).encode()),
    )
    _write(root, "sitemaps/posts.xml", urlset.format(entry.format("/from-sitemap/", "2026-04-02T10:00:00+00:00")))
    _write(
        root,
        "sitemap_index.xml",
        "<?xml version='1.0' encoding='UTF-8'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        "<sitemap><loc>/sitemaps/pages.xml.gz</loc></sitemap><sitemap><loc>/sitemaps/posts.xml</loc></sitemap>"
        "</sitemapindex>",
    )
    # relative <loc> in a sitemap is not valid, but seen in the wild: the crawl resolves it.
    tmp = tmp_path_factory.mktemp("discovery-run")
    with StaticSite(root) as site:  # no origin rewriting in the server: --as-host does the mapping
        run = run_cli(
            "audit",
            site.origin + "/",
            "--db",
            str(tmp / "a.db"),
            "--json",
            "--crawl-only",
            "--as-host",
            PROD,
            "--exclude",
            "/excluded/",
            "--delay",
            "0",
        )
        origin = site.origin
    assert run.returncode == 0, run.stderr
    store = Store(tmp / "a.db")
    audit_id = json.loads(run.stdout)["audit_id"]
    records = {r.url.removeprefix(origin): r for r in store.iter_pages(audit_id)}
    yield {"records": records, "artifacts": store.artifacts(audit_id), "origin": origin}
    store.close()


def test_discovery_sources(discovery_site):
    records = discovery_site["records"]
    assert records["/list/page2/"].discovered_from.endswith("/list/")  # <link rel=next>
    assert records["/de/"].discovered_from == discovery_site["origin"] + "/"  # hreflang alternate
    assert records["/de/canonical-target/"].discovered_from.endswith("/de/")  # canonical target
    assert records["/from-gz-sitemap/"].discovered_from == "sitemap"
    assert records["/from-sitemap/"].discovered_from == "sitemap"
    assert not [url for url in records if "//" in url]  # '/list//' is /list/, not a second page


def test_sitemap_index_gzip_and_lastmod(discovery_site):
    artifacts, origin = discovery_site["artifacts"], discovery_site["origin"]
    assert set(artifacts.sitemaps) == {origin + "/sitemaps/pages.xml.gz", origin + "/sitemaps/posts.xml"}
    lastmod = {e.url.removeprefix(origin): e.lastmod for e in artifacts.sitemap_entries}
    assert lastmod == {"/from-gz-sitemap/": "2026-03-01", "/from-sitemap/": "2026-04-02T10:00:00+00:00"}


def test_as_host_maps_production_urls(discovery_site):
    records, origin = discovery_site["records"], discovery_site["origin"]
    home = records["/"]
    assert home.canonical == origin + "/"
    assert home.og_url == origin + "/og-only/"  # production host mapped, fbclid stripped
    assert records["/og-only/"].status == 200 and records["/og-only/"].discovered_from == origin + "/"
    link = next(link for link in home.links if "prod-link" in link.url)
    assert link.internal and link.url == origin + "/prod-link/"  # utm_source stripped too
    assert records["/prod-link/"].status == 200
    assert not any("prod-shop" in url for url in records)


def test_exclude_pattern(discovery_site):
    assert "/excluded/page/" not in discovery_site["records"]


# -- scope rules as units (a spider built from settings, no crawl) ----------------------------


def _spider(url: str = "https://www.example.de/", **settings) -> SiteSpider:
    crawler = get_crawler(
        SiteSpider,
        settings_dict={
            **{k: v for k, v in vars(__import__("spiders.settings", fromlist=["x"])).items() if k.isupper()},
            "GEO_EXTRACT_WORKERS": 0,
            **settings,
        },
    )
    return SiteSpider.from_crawler(crawler, url=url)


def test_www_and_apex_are_one_site_other_subdomains_optional():
    spider = _spider()
    assert spider.is_internal("https://example.de/a") and spider.is_internal("https://www.example.de/a")
    assert not spider.is_internal("https://blog.example.de/a")
    assert not spider.is_internal("https://notexample.de/a")
    wide = _spider(GEO_SUBDOMAINS=True)
    assert wide.is_internal("https://blog.example.de/a") and wide.is_internal("https://shop.example.de/")
    assert not wide.is_internal("https://notexample.de/a") and not wide.is_internal("https://example.com/")


def test_include_and_exclude_patterns():
    spider = _spider(GEO_INCLUDE=["/blog/"], GEO_EXCLUDE=[r"\?page="])
    assert spider.in_scope("https://www.example.de/")  # the start URL always
    assert spider.in_scope("https://www.example.de/blog/post/")
    assert not spider.in_scope("https://www.example.de/shop/")
    assert not spider.in_scope("https://www.example.de/blog/?page=2")


def test_normalise_strips_tracking_and_session_parameters():
    spider = _spider(GEO_AS_HOST="https://www.prod.example")
    assert spider.normalise("https://www.example.de/a?fbclid=1&id=7&utm_medium=x") == "https://www.example.de/a?id=7"
    assert spider.normalise("https://www.example.de/a;jsessionid=ABC?sid=9") == "https://www.example.de/a"
    assert spider.normalise("https://prod.example/x/") == "https://www.example.de/x/"
    assert spider.normalise("http://www.prod.example/") == "https://www.example.de/"
    assert spider.normalise("https://www.example.de/blog//post//") == "https://www.example.de/blog/post/"
    assert spider.normalise("https://www.example.de/a?next=https://b.de//c") == "https://www.example.de/a?next=https://b.de//c"
    keep = ParamStripper([])
    assert keep("https://e.de/?utm_source=a") == "https://e.de/?utm_source=a"


def test_query_variants_per_path_are_capped():
    spider = _spider(GEO_MAX_QUERY_VARIANTS=3)
    made = [spider.page_request(f"https://www.example.de/cal?m={i}", depth=1, referer="x") for i in range(6)]
    assert sum(r is not None for r in made) == 3 and "max_query_variants" in spider.limits_hit
    assert spider.page_request("https://www.example.de/other?m=1", depth=1, referer="x") is not None


def test_bad_scope_options_and_resume_errors(tmp_path):
    db = str(tmp_path / "a.db")
    for args, fragment in [
        (("audit", "https://www.example.de/", "--include", "("), "not a regular expression"),
        (("audit", "https://www.example.de/", "-s", "lower=1"), "--setting wants NAME=VALUE"),
        (("resume", "999"), "no audit 999"),
    ]:
        run = run_cli(*args, "--db", db)
        lines = [line for line in run.stderr.splitlines() if line.strip()]
        assert run.returncode == 1 and "Traceback" not in run.stderr
        assert len(lines) == 1 and fragment in lines[0], run.stderr


def test_a_conventional_sitemap_name_is_asked_when_no_declared_one_answers(tmp_path):
    """robots.txt declares a sitemap path that is gone, /sitemap.xml is missing, and the posts the news list
    pages by script are listed only in Gatsby's /sitemap-index.xml: asked once the link crawl runs dry."""
    root = tmp_path / "site"
    _write(root, "robots.txt", "User-agent: *\nAllow: /\nSitemap: /sitemap/sitemap-index.xml\n")
    _write(root, "index.html", _page("Home", body="<a href='/news/'>News</a>"))
    _write(root, "news/index.html", _page("News", body="<a href='/news/first/'>First</a>"))
    _write(root, "news/first/index.html", _page("First"))
    _write(root, "news/only-in-sitemap/index.html", _page("Only in the sitemap"))
    urlset = "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>/news/only-in-sitemap/</loc></url>"
    _write(root, "sitemap-0.xml", f"<?xml version='1.0' encoding='UTF-8'?>{urlset}</urlset>")
    _write(
        root,
        "sitemap-index.xml",
        "<?xml version='1.0' encoding='UTF-8'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        "<sitemap><loc>/sitemap-0.xml</loc></sitemap></sitemapindex>",
    )
    with StaticSite(root) as site:
        run = run_cli("audit", site.origin + "/", "--db", str(tmp_path / "a.db"), "--json", "--crawl-only")
        origin = site.origin
    assert run.returncode == 0, run.stderr
    store = Store(tmp_path / "a.db")
    records = {r.url.removeprefix(origin): r for r in store.iter_pages(json.loads(run.stdout)["audit_id"])}
    store.close()
    assert records["/news/only-in-sitemap/"].status == 200
    assert records["/news/only-in-sitemap/"].discovered_from == "sitemap"
