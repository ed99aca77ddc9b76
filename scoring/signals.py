"""Per-page signals: what the page detectors found on one page, as plain facts.

One function per signal, each reusing the detector its check uses, so a signal and the check that
reads it can never disagree. `page_signals` assembles them into `PageSignals` for results.json
(`pages[].signals`, documented in docs/signals.md); bench/realworld.py compares them with hand
labels of real pages.
"""

from __future__ import annotations

import re

from scoring.build_stamps import stamped
from scoring.checks.attributed_quotes import find_quotations
from scoring.checks.author_byline import visible_authors
from scoring.checks.content_dates import declared_date, own_date
from scoring.checks.outbound_citations import citation_links, external_content
from scoring.checks.statistics import page_statistics
from scoring.core.jsonld import jsonld_nodes
from scoring.core.records import PageRecord
from scoring.core.results import PageSignals
from scoring.pagetypes import classify
from scoring.site import SiteData, jsonld_types

LISTS_OTHERS = ("listing", "profile")  # pages whose names and dates are those of other pages

# docs/labelling.md: "Words are whitespace tokens that contain a letter or a digit." Counted as all tokens less
# those of nothing but marks ("–", "…"): one split and one rare match instead of a search per token (issue 19).
_MARKS_ONLY_TOKEN = re.compile(r"(?<!\S)[^\w\s]++(?!\S)")


def main_words(text: str) -> int:
    """Whitespace tokens that contain a letter or a digit."""
    return len(text.split()) - len(_MARKS_ONLY_TOKEN.findall(text))


def has_person_schema(page: PageRecord) -> bool:
    """A schema.org Person anywhere in the page: JSON-LD (nested too), microdata or RDFa."""
    if page.extras.person_markup:
        return True
    return any("person" in jsonld_types(node) for node in jsonld_nodes(page.structured_data) if "@type" in node)


def _may_cite(page: PageRecord) -> bool:
    """Whether `citation_links` can find anything: it judges only the external http(s) links of the main
    content (scoring.checks.outbound_citations.judge_links). Most pages have none (1,558 of the 1,666
    analysed pages of a real 1,859-page site; every generated page), and judging none still aligned every
    content link along the main text: a third of the score stage's CPU on a generated site (issue 19)."""
    return any(external_content(link) for link in page.links)


def _own_published(page: PageRecord, kind: str, site: SiteData | None) -> str | None:
    """A listing's dates are its teasers' (and what it declares is mostly a build stamp: labellers
    leave it out); a person's profile page is content of its own, dated by its head. Off articles, a
    site's build stamp in the head (scoring.build_stamps) dates nothing; an article keeps what the
    content-dates check reads."""
    if kind == "listing":
        return None
    date = declared_date(page) if kind == "profile" else own_date(page)
    return None if kind != "article" and stamped(page, date, site) else date


def page_signals(page: PageRecord, site: SiteData | None = None) -> PageSignals:
    """The signals of one analysed HTML page (pure); `site` gives the citations the client's own
    strong sources and the hosts that are the site (scoring.checks.outbound_citations.judge_links)."""
    statistics = page_statistics(page)
    kind = classify(page).kind
    return PageSignals(
        page_type=kind,
        # names and dates on a listing's (or an author archive's) teasers belong to the listed posts;
        # a profile's own date is only the one it declares in its head
        authors=[] if kind in LISTS_OTHERS else visible_authors(page),
        person_schema=has_person_schema(page),
        published=_own_published(page, kind, site),
        quotes_attributed=sum(1 for q in find_quotations(page) if q.speaker),
        statistics=sum(len(s.figures) for s in statistics),
        statistics_sourced=sum(len(s.figures) for s in statistics if s.source),
        citations=len({link.url for link in citation_links(page, site)}) if _may_cite(page) else 0,
        words_main=main_words(page.main_text),
    )
