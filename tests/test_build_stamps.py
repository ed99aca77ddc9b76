"""A site generator's build stamp in every page's head dates no page (held-out 27: jekyll-seo-tag writes the build
time as datePublished and dateModified of each WebPage); a CMS's pages published on one day keep their own later
modifications beside it and stay dated."""

from __future__ import annotations

import json

from scoring.signals import page_signals
from tests.factories import html_page, site

BUILD = "2026-03-09T11:42:07+01:00"


def _page(path: str, title: str, published: str, modified: str | None = None):
    node = {"@context": "https://schema.org", "@type": "WebPage", "headline": title, "datePublished": published}
    if modified is not None:
        node["dateModified"] = modified
    html = (
        f'<html lang="de"><head><title>{title}</title><script type="application/ld+json">{json.dumps(node)}'
        f"</script></head><body><main><h1>{title}</h1><p>Unser Verein begleitet Familien seit vielen Jahren mit "
        f"Beratung, Treffen und Informationen rund um die Krankheit und den Alltag.</p></main></body></html>"
    )
    return html_page(path, html)


STATIC = ["/ueber-uns/", "/ziele/", "/kontakt/", "/impressum/", "/spenden/", "/krankheit/"]


def test_a_build_stamp_on_many_pages_dates_none_of_them():
    pages = [_page(path, path.strip("/").title(), BUILD, BUILD) for path in STATIC]
    post = _page("/2026/03/09/mitgliederversammlung/", "Mitgliederversammlung", BUILD, BUILD)
    older = _page("/2025/11/02/sommerfest/", "Sommerfest", "2025-11-02T00:00:00+01:00", "2025-11-02T00:00:00+01:00")
    data = site(*pages, post, older)
    assert {page_signals(p, data).published for p in pages} == {None}
    # a post whose address says that day keeps it; another day is no stamp
    assert page_signals(post, data).published == "2026-03-09"
    assert page_signals(older, data).published == "2025-11-02"


def test_pages_published_on_one_day_and_modified_later_stay_dated():
    pages = [
        _page(path, path.strip("/").title(), BUILD, f"2026-0{4 + i}-01T10:00:00+01:00") for i, path in enumerate(STATIC)
    ]
    data = site(*pages)
    assert {page_signals(p, data).published for p in pages} == {"2026-03-09"}


def test_a_date_on_a_few_pages_is_no_stamp():
    pages = [_page(path, path.strip("/").title(), BUILD, BUILD) for path in STATIC[:3]]
    data = site(*pages)
    assert {page_signals(p, data).published for p in pages} == {"2026-03-09"}


def test_pages_created_on_one_day_at_their_own_times_stay_dated():
    times = [f"2026-03-09T{9 + i:02d}:1{i}:05+01:00" for i in range(len(STATIC))]
    pages = [_page(path, path.strip("/").title(), when, when) for path, when in zip(STATIC, times, strict=True)]
    data = site(*pages)
    assert {page_signals(p, data).published for p in pages} == {"2026-03-09"}
