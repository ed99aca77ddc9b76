"""Feeds are no pages and noindex pages get no content advice: one crawl of a small site of our own,
served on 127.0.0.1 and audited through the CLI (issue 12: "no RSS feed among the pages", "no finding
on a noindex page in duplicate or content advice").

The site links an Atom feed a static export saved as /feed/index.html, an RSS feed with a byte-order
mark saved as /kommentare/feed/index.html, and an RSS file served as XML; it keeps a stale, unsigned
post and a tag archive that repeats the posts out of search with `noindex`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import audit_static_site, write_files

TEXT = (
    "Ein Gründach hält Regenwasser zurück, kühlt das Haus im Sommer und schützt die Abdichtung vor Hitze. "
    "Wir prüfen die Statik, wählen das Substrat und planen die Pflanzen für die Lage des Daches. "
)
ATOM = (
    '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ratgeber</title>'
    "<entry><title>Gründach</title><link href='/ratgeber/gruendach/'/></entry></feed>"
)
RSS = (
    '\ufeff\n  <?xml version="1.0"?><rss version="2.0"><channel><title>Kommentare</title>'
    "<item><title>Frage</title><link>/ratgeber/gruendach/</link></item></channel></rss>"
)


def _page(title: str, body: str, head: str = "") -> str:
    return (
        f"<!doctype html><html lang='de'><head><meta charset='utf-8'><title>{title} | Dach Beispiel</title>{head}"
        "<link rel='alternate' type='application/atom+xml' href='/feed/'></head><body>"
        "<nav><a href='/'>Start</a> <a href='/ratgeber/'>Ratgeber</a> <a href='/tag/dach/'>#dach</a></nav>"
        f"<main>{body}</main><footer><a href='/feed/'>Atom</a> <a href='/kommentare/feed/'>Kommentare</a> "
        "<a href='/rss.xml'>RSS</a></footer></body></html>"
    )


def _post(slug: str, title: str, author: str, day: str, head: str = "") -> str:
    byline = f"Von {author} · " if author else ""
    body = "".join(f"<p>{TEXT} Abschnitt {i}.</p>" for i in range(6))
    return _page(
        title,
        f"<article><h1>{title}</h1><p class='byline'>{byline}<time datetime='{day}'>{day}</time></p>{body}</article>",
        head,
    )


NOINDEX = "<meta name='robots' content='noindex, follow'>"
AUTHOR_ADVICE = ("author-byline", "author-profiles", "named-experts")  # the expertise checks that judge articles


def build_site(root: Path) -> None:
    files = {
        "index.html": _page("Start", f"<h1>Dach Beispiel</h1><p>{TEXT * 3}</p>"),
        "ratgeber/index.html": _page(
            "Ratgeber",
            "<h1>Ratgeber</h1>" + "".join(
                f"<h2><a href='/ratgeber/{s}/'>{s.title()} im Überblick</a></h2>" for s in ("gruendach", "solar")
            ) + "<p><a href='/ratgeber/aktion-2019/'>Archiv</a></p>",
        ),
        "ratgeber/gruendach/index.html": _post("gruendach", "Gründach planen", "Jana Albrecht", "2025-04-02"),
        "ratgeber/solar/index.html": _post("solar", "Solar auf dem Gründach", "Klaus Meier", "2025-05-06"),
        # stale, unsigned and kept out of search: no freshness, author or expert advice
        "ratgeber/aktion-2019/index.html": _post("aktion-2019", "Aktion 2019", "", "2019-03-01", NOINDEX),
        # a tag archive repeating the posts' text, kept out of search: no duplicate to merge, no thin page
        "tag/dach/index.html": _page(
            "Schlagwort Dach", f"<h1>Schlagwort Dach</h1><p>{TEXT}</p><p>{TEXT}</p>", NOINDEX
        ),
        "feed/index.html": ATOM,
        "kommentare/feed/index.html": RSS,
        "rss.xml": RSS.lstrip("\ufeff\n "),
    }
    write_files(root, files)


@pytest.fixture(scope="module")
def audit(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("feeds")
    build_site(tmp / "site")
    _, result, origin = audit_static_site(tmp / "site", tmp, "--llm", "none")
    return {"pages": {p["url"].removeprefix(origin): p for p in result["pages"]}, "result": result}


def test_feeds_are_crawled_but_never_audited_as_pages(audit):
    pages = audit["pages"]
    for path in ("/feed/", "/kommentare/feed/", "/rss.xml"):
        assert path in pages, sorted(pages)  # the crawl recorded the response ...
        assert pages[path]["signals"] is None and pages[path]["page_type"] is None  # ... but it is no page
    assert "Atom feed" in pages["/feed/"]["error"] and "RSS feed" in pages["/kommentare/feed/"]["error"]
    assert pages["/ratgeber/gruendach/"]["signals"]["page_type"] == "article"  # the posts are pages


def test_noindex_pages_get_no_duplicate_or_content_advice(audit):
    noindex = ("/ratgeber/aktion-2019/", "/tag/dach/")
    checks = audit["result"]["checks"]
    for check in checks:
        if check["category"] not in ("depth", "evidence") and check["id"] not in AUTHOR_ADVICE:
            continue  # technical, link and site-wide trust checks (a missing Impressum) name every page
        flagged = [u for u in check.get("affected_urls") or [] if u.endswith(noindex)]
        assert not flagged, (check["id"], flagged)
        judged = [o["url"] for o in check.get("pages") or [] if o["url"].endswith(noindex)]
        assert not judged, (check["id"], judged)
    named = next(c for c in checks if c["id"] == "named-experts")
    assert named["state"] == "pass"  # the two indexed posts are signed by two people; the unsigned one is noindex
