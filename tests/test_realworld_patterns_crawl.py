"""One crawl of a site of our own built from the template patterns that misled the audit on real sites
(bench/realworld/): a feed saved as index.html, legal pages disallowed in robots.txt, pagination deeper
than the depth limit, noindex tag archives repeating the posts, a listing whose teasers carry bylines.
Served on 127.0.0.1 and audited through the CLI, like a user would."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import audit_static_site, write_files

BODY = (
    "Eine Wärmepumpe im Altbau braucht eine sorgfältige Planung der Heizflächen und der Vorlauftemperatur. "
    "Wir messen vor Ort, rechnen die Heizlast und zeigen, welche Heizkörper getauscht werden müssen. "
)
SIGNAL_KEYS = {
    "page_type", "authors", "person_schema", "published", "quotes_attributed", "statistics",
    "statistics_sourced", "citations", "words_main",
}


def _page(title: str, body: str, head: str = "") -> str:
    return (
        f"<!doctype html><html lang='de'><head><meta charset='utf-8'><title>{title} | Wärme Beispiel</title>{head}"
        "</head><body><header class='site-header'><p>Heizungsplanung – ein Angebot von Wärme Beispiel GmbH</p>"
        "<nav><a href='/'>Start</a> <a href='/blog/'>Blog</a> <a href='/kontakt/'>Kontakt</a></nav></header>"
        f"<main>{body}</main><footer><a href='/impressum/'>Impressum</a> <a href='/datenschutz/'>Datenschutz</a>"
        "<a href='/feed/'>RSS</a></footer></body></html>"
    )


def _post(n: int) -> str:
    text = "".join(f"<p>{BODY} Abschnitt {i} zu Beitrag {n}.</p>" for i in range(8))
    return _page(
        f"Beitrag {n}",
        f"<article><h1>Wärmepumpe im Altbau, Teil {n}</h1><p class='byline'>Von <a rel='author' "
        f"href='/team/jana-albrecht/'>Jana Albrecht</a> · <time datetime='2024-0{n % 9 + 1}-12'>12.0{n % 9 + 1}.2024"
        f"</time></p>{text}<p><a href='/blog/beitrag-{n}/quellen/'>Quellen</a></p></article>",
    )


def _listing(title: str, posts: range, extra: str = "", head: str = "") -> str:
    teasers = "".join(
        f"<article class='teaser'><h2><a href='/blog/beitrag-{n}/'>Wärmepumpe im Altbau, Teil {n}</a></h2>"
        f"<p class='byline'>Von <a rel='author' href='/team/jana-albrecht/'>Jana Albrecht</a> · 12.03.2024</p>"
        f"<p>{BODY}</p></article>"
        for n in posts
    )
    return _page(title, f"<h1>{title}</h1>{teasers}{extra}", head)


def build_site(root: Path) -> None:
    files = {
        "index.html": _page(
            "Start",
            f"<h1>Wärme Beispiel</h1><p>{BODY * 3}</p><a href='/blog/'>Zum Blog</a>"
            # a web component linking pages no <a href> reaches, one of them gone
            "<x-card><x-link href='/referenzen/'>Unsere Referenzen</x-link><x-link href='/alt/'>Alt</x-link>"
            "<p>Über 400 Anlagen seit 2010 in Südbaden.</p></x-card>",
        ),
        "referenzen/index.html": _page("Referenzen", f"<h1>Referenzen</h1><p>{BODY}</p>"),
        "robots.txt": "User-agent: *\nDisallow: /impressum/\nDisallow: /datenschutz/\n",
        "kontakt/index.html": _page("Kontakt", "<h1>Kontakt</h1><p>Musterstraße 1, 79098 Freiburg</p>"),
        # a feed saved as index.html, as WordPress exports do: not a page
        "feed/index.html": '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Blog</title>'
        "<item><title>Teil 1</title><link>/blog/beitrag-1/</link></item></channel></rss>",
        # blog index -> page 2 -> page 3: pages 2 and 3 sit beyond --max-depth 1 if counted as clicks
        "blog/index.html": _listing("Blog", range(1, 4), "<a href='/blog/page/2/'>Ältere Beiträge</a>"),
        "blog/page/2/index.html": _listing("Blog – Seite 2", range(4, 7), "<a href='/blog/page/3/'>Ältere</a>"),
        "blog/page/3/index.html": _listing("Blog – Seite 3", range(7, 9), "<a href='/tag/altbau/'>#altbau</a>"),
        # noindex tag archive repeating the posts' text: no duplicate to merge, no thin content
        "tag/altbau/index.html": _listing("Schlagwort Altbau", range(1, 9), head="<meta name='robots' "
                                          "content='noindex,follow'>"),
        "tag/waermepumpe/index.html": _listing("Schlagwort Wärmepumpe", range(1, 9), head="<meta name='robots' "
                                               "content='noindex,follow'>"),
    }
    for n in range(1, 9):
        files[f"blog/beitrag-{n}/index.html"] = _post(n)
    write_files(root, files)


@pytest.fixture(scope="module")
def audit(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("patterns")
    build_site(tmp / "site")
    run, result, origin = audit_static_site(tmp / "site", tmp, "--max-depth", "2")
    pages = {p["url"].removeprefix(origin): p for p in result["pages"]}
    checks = {c["id"]: c for c in result["checks"]}
    return {"run": run, "pages": pages, "checks": checks, "result": result}


def test_pagination_is_not_lost_to_the_depth_limit(audit):
    pages = audit["pages"]
    # home (0) -> blog (1) -> page 2 -> page 3: the pages of the listing keep its depth, so page 3 and
    # the posts it lists (2) are crawled under --max-depth 2
    assert pages["/blog/page/3/"]["status"] == 200 and pages["/blog/beitrag-8/"]["status"] == 200
    # the sources page linked only from the posts is one click deeper: the summary says a limit cut the crawl
    assert "max_depth" in audit["result"]["coverage"]["limits_hit"]
    assert "Crawl incomplete" in audit["run"].stdout and "--max-depth" in audit["run"].stdout


def test_a_feed_saved_as_html_is_no_page(audit):
    feed = audit["pages"]["/feed/"]
    assert feed["page_type"] is None and feed["signals"] is None
    assert "RSS feed" in feed["error"]


def test_legal_pages_blocked_by_robots_are_said_to_be_blocked(audit):
    impressum = audit["checks"]["impressum"]
    assert "robots.txt" in impressum["explanation"] and "failed" not in impressum["explanation"]
    # results.json holds machine-written cells as messages: {"id", "params", "text"}
    rows = {row["page_type"]["text"]: row for row in audit["checks"]["trust-pages"]["details"]}
    assert rows["Privacy policy"]["found"] is True and "robots.txt" in rows["Privacy policy"]["note"]["text"]


def test_noindex_archives_get_no_duplicate_or_content_advice(audit):
    checks = audit["checks"]
    flagged = set(checks["near-duplicates"]["affected_urls"]) | set(checks["thin-content"]["affected_urls"])
    assert not any("/tag/" in url for url in flagged)
    for check in checks.values():
        for outcome in check.get("pages") or []:
            assert "/tag/" not in outcome["url"] or check["category"] not in ("depth", "evidence"), check["id"]


def test_links_only_scripts_follow_are_reported_and_checked(audit):
    pages, checks = audit["pages"], audit["checks"]
    assert pages["/referenzen/"]["status"] == 200 and pages["/alt/"]["status"] == 404  # fetched all the same
    crawlable = checks["crawlable-links"]
    assert crawlable["state"] in ("warn", "fail")
    assert any(u.endswith("/referenzen/") for u in crawlable["affected_urls"])
    assert any(row["element"] == "<x-link href>" for row in crawlable["details"])
    assert any(u.endswith("/alt/") for u in checks["broken-internal-links"]["affected_urls"])
    # the web component's light-DOM text is the page's text too (11 words in <x-card>)
    assert pages["/"]["signals"]["words_main"] >= len((BODY * 3).split()) + 2 + 11


def test_signals_of_listing_and_article(audit):
    pages = audit["pages"]
    post = pages["/blog/beitrag-2/"]["signals"]
    assert set(post) == SIGNAL_KEYS
    assert post["page_type"] == "article" and post["authors"] == ["Jana Albrecht"]
    assert post["published"] == "2024-03-12" and post["words_main"] > 200
    listing = pages["/blog/page/2/"]["signals"]
    assert listing["page_type"] == "listing"
    assert listing["authors"] == [] and listing["published"] is None  # the teasers' names and dates
    home = pages["/"]["signals"]
    assert home["page_type"] == "home" and home["authors"] == []  # the header tagline names a company
