"""Generate a realistic static site for crawl benchmarks: `python bench/sitegen.py OUT --pages 10000`.

Pages are 20–60 KB of HTML like a CMS writes them: a header with navigation, a footer with the
legal links, articles with a byline, dates, JSON-LD, headings, paragraphs, images, the odd table
and quotation, ~50 internal links per page (nav, in-text, related, footer). Deterministic (seeded).
Every page is reachable by links from the home page; a sitemap lists them all.

Paragraphs are drawn from a pool: 400 by default (the sites other benches generate, unchanged), or
with `--growing-pool` (`pool=growing_pool(pages)`, bench/scale_e2e.py) 20 paragraphs per page, so
that a paragraph recurs on ~3–4 pages as in a real archive instead of on a sixth of the site.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from pathlib import Path

WORDS = (
    "Wärmepumpe Heizung Energie Effizienz Installation Wartung Kosten Förderung Dach Solar Speicher Strom "
    "Netz Kunde Beratung Planung Montage Qualität Erfahrung Betrieb Leistung Jahr Haus Gebäude Sanierung "
    "the heat pump system works with outdoor air and reaches a seasonal performance factor of about four "
    "which means that one kilowatt hour of electricity gives four of heat in a well insulated building "
    "installers measure the flow temperature and the radiators before they size the unit for the house"
).split()
CATEGORIES = [
    "waermepumpen",
    "photovoltaik",
    "speicher",
    "foerderung",
    "ratgeber",
    "projekte",
    "wartung",
    "planung",
    "technik",
    "news",
    "energie",
    "sanierung",
]
FOOTER = [
    "impressum",
    "datenschutz",
    "kontakt",
    "ueber-uns",
    "karriere",
    "agb",
    "barrierefreiheit",
    "presse",
    "partner",
    "faq",
]


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 22))
    return " ".join(words).capitalize() + "."


POOL = 400  # paragraphs of the default pool
POOL_PER_PAGE = 20  # paragraphs per page of the growing pool


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))


def paragraph_pool(rng: random.Random, size: int = POOL) -> list[str]:
    return [paragraph(rng) for _ in range(size)]


def growing_pool(pages: int) -> int:
    """Paragraphs in a pool that grows with the site: POOL_PER_PAGE a page, at least POOL."""
    return max(POOL, POOL_PER_PAGE * pages)


class SeededPool(Sequence[str]):
    """A pool of `size` paragraphs made on demand, paragraph i from its own seeded generator:
    deterministic, and no memory however large the pool (2 million paragraphs at 100,000 pages)."""

    def __init__(self, size: int, seed: int) -> None:
        self.size, self.seed = size, seed

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        if not 0 <= i < self.size:
            raise IndexError(i)
        return paragraph(random.Random(self.seed * 1_000_003 + i))


def article_url(i: int) -> str:
    return f"/artikel/{i}/"


def category_url(c: str, page: int = 1) -> str:
    return f"/kategorie/{c}/" if page == 1 else f"/kategorie/{c}/seite/{page}/"


def layout(title: str, body: str, canonical: str, origin: str) -> str:
    nav = "".join(f"<li><a href='{category_url(c)}'>{c.title()}</a></li>" for c in CATEGORIES)
    footer = "".join(f"<li><a href='/{f}/'>{f.replace('-', ' ').title()}</a></li>" for f in FOOTER)
    return (
        "<!doctype html><html lang='de'><head><meta charset='utf-8'>"
        f"<title>{title} | Sonnenbau Beispiel GmbH</title>"
        f"<meta name='description' content='{title}: Ratgeber und Projekte rund um Wärmepumpen und Solar.'>"
        f"<link rel='canonical' href='{origin}{canonical}'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<link rel='stylesheet' href='/assets/site.css'><script src='/assets/site.js' defer></script>"
        "</head><body><header class='site-header'><a class='logo' href='/'><img src='/assets/logo.svg' "
        "alt='Sonnenbau' width='160' height='40'></a>"
        f"<nav aria-label='Hauptnavigation'><ul>{nav}</ul></nav></header>"
        f"<main id='content'>{body}</main>"
        f"<footer class='site-footer'><ul>{footer}</ul><p>© 2026 Sonnenbau Beispiel GmbH</p></footer>"
        "</body></html>"
    )


def article_page(i: int, n_articles: int, rng: random.Random, pool: Sequence[str], origin: str) -> str:
    target = rng.randint(20_000, 60_000)
    category = CATEGORIES[i % len(CATEGORIES)]
    title = f"{sentence(rng)[:60].rstrip('.')} ({i})"
    parts = [
        f"<article><h1>{title}</h1><p class='byline'>Von Jana Albrecht · <time datetime='2025-{1 + i % 12:02d}-"
        f"{1 + i % 28:02d}'>{1 + i % 28}.{1 + i % 12}.2025</time></p>",
        '<script type=\'application/ld+json\'>{"@context":"https://schema.org","@type":"Article",'
        f'"headline":"{title}","datePublished":"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",'
        '"author":{"@type":"Person","name":"Jana Albrecht"}}</script>',
    ]
    links = [article_url((i + 1) % n_articles), article_url((i - 1) % n_articles)]
    links += [article_url(rng.randrange(n_articles)) for _ in range(18)]
    size, section, li = sum(map(len, parts)), 0, 0
    while size < target - 3000:
        if size // 4000 > section:
            section += 1
            parts.append(f"<h2>{sentence(rng)[:50]}</h2>")
        text = rng.choice(pool)
        if li < len(links) and rng.random() < 0.6:
            cut = text.find(" ", len(text) // 2)
            text = f"{text[:cut]} <a href='{links[li]}'>{' '.join(rng.choices(WORDS, k=3))}</a>{text[cut:]}"
            li += 1
        parts.append(f"<p>{text}</p>")
        if rng.random() < 0.05:
            parts.append(
                f"<figure><img src='/bilder/{i}-{section}.jpg' alt='{sentence(rng)[:40]}' width='800' "
                f"height='450'><figcaption>{sentence(rng)}</figcaption></figure>"
            )
        if rng.random() < 0.03:
            rows = "".join(f"<tr><td>{rng.choice(WORDS)}</td><td>{rng.randint(1, 999)}</td></tr>" for _ in range(6))
            parts.append(f"<table><tr><th>Posten</th><th>Euro</th></tr>{rows}</table>")
        if rng.random() < 0.03:
            parts.append(f"<blockquote><p>{sentence(rng)}</p><footer>— Dr. Eva Maier</footer></blockquote>")
        size += len(parts[-1])
    parts.append("</article><aside class='related'><h2>Das könnte Sie interessieren</h2><ul>")
    parts += [
        f"<li><a href='{article_url(rng.randrange(n_articles))}'>{sentence(rng)[:40]}</a></li>" for _ in range(10)
    ]
    parts.append(f"</ul><p><a href='{category_url(category)}'>Mehr aus {category.title()}</a></p></aside>")
    return layout(title, "".join(parts), article_url(i), origin)


def category_page(
    c: str, page: int, members: list[int], per_page: int, rng: random.Random, pool: Sequence[str], origin: str
) -> str:
    chunk = members[(page - 1) * per_page : page * per_page]
    pages = max(1, -(-len(members) // per_page))
    items = "".join(
        f"<li><h3><a href='{article_url(i)}'>Artikel {i}</a></h3><p>{rng.choice(pool)[:300]}</p></li>" for i in chunk
    )
    near = range(max(1, page - 3), min(pages, page + 3) + 1)
    pager = "".join(f"<a href='{category_url(c, p)}'>{p}</a> " for p in near)
    body = f"<h1>{c.title()} – Seite {page}</h1><ul class='teasers'>{items}</ul><nav class='pager'>{pager}</nav>"
    return layout(f"{c.title()} {page}", body, category_url(c, page), origin)


def generate(out: Path, pages: int, origin: str = "", seed: int = 7, pool: int | None = None) -> int:
    """Write the site; returns the number of HTML pages. `pool`: paragraphs to draw from (None: the
    default POOL, the same site as before the option; growing_pool(pages) for a realistic archive)."""
    rng = random.Random(seed)
    paragraphs: Sequence[str] = paragraph_pool(rng) if pool is None else SeededPool(pool, seed)
    per_page = 30
    fixed = 1 + len(FOOTER)
    n_articles = max(1, pages - fixed)
    # categories (with pagination) take part of the budget
    members: dict[str, list[int]] = {c: [] for c in CATEGORIES}
    for i in range(n_articles):
        members[CATEGORIES[i % len(CATEGORIES)]].append(i)
    cat_pages = sum(max(1, -(-len(m) // per_page)) for m in members.values())
    n_articles = max(1, pages - fixed - cat_pages)
    members = {c: [] for c in CATEGORIES}
    for i in range(n_articles):
        members[CATEGORIES[i % len(CATEGORIES)]].append(i)
    urls = ["/"]

    def write(url: str, html: str) -> None:
        target = out / url.strip("/") / "index.html" if url != "/" else out / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")

    home = "".join(f"<li><a href='{article_url(i)}'>Artikel {i}</a></li>" for i in range(min(30, n_articles)))
    write("/", layout("Start", f"<h1>Sonnenbau</h1><ul>{home}</ul>", "/", origin))
    for f in FOOTER:
        write(f"/{f}/", layout(f.title(), f"<h1>{f.title()}</h1><p>{rng.choice(paragraphs)}</p>", f"/{f}/", origin))
        urls.append(f"/{f}/")
    for c, m in members.items():
        for p in range(1, max(1, -(-len(m) // per_page)) + 1):
            write(category_url(c, p), category_page(c, p, m, per_page, rng, paragraphs, origin))
            urls.append(category_url(c, p))
    for i in range(n_articles):
        write(article_url(i), article_page(i, n_articles, rng, paragraphs, origin))
        urls.append(article_url(i))
    (out / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    return len(urls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--growing-pool", action="store_true", help=f"{POOL_PER_PAGE} paragraphs per page")
    args = parser.parse_args()
    print(generate(args.out, args.pages, pool=growing_pool(args.pages) if args.growing_pool else None))


if __name__ == "__main__":
    main()
