"""The site's own circle: the projects and campaigns, partners, supporters, sponsors, clients and members a site
lists on a page of their own (/projects/, /partners/, /unterstuetzer/). Elsewhere on the site a link to one of them
shows the site's circle (its own campaign site, a supporter's product), not a source of the text: docs/labelling.md
leaves out "the tools or partners being promoted". A document on such a site (a report, its documentation) still
backs the text (scoring.checks.outbound_citations)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from scoring.citation_sources import source_entry
from scoring.core.records import PageRecord
from scoring.site import SiteData
from scoring.site_identity import property_key

# The last segment of a page's address that says it lists the site's circle.
_RELATIONS_PAGE = re.compile(
    r"(?:our-|unsere-)?(?:projects?|campaigns?|initiatives?|partners?|partnerships?|supporters?|sponsors?|funders?|"
    r"donors?|clients?|customers?|members?|portfolio|projekte?|kampagnen?|initiativen?|partnerinnen|"
    r"unterst(?:ue|ü)tzer(?:innen)?|f(?:oe|ö)rderer|sponsoren|kunden|referenzen|mitglieder|"
    r"b(?:ue|ü)ndnispartner(?:innen)?)(?:\.s?html?|\.php)?",
    re.IGNORECASE,
)
# A page lists a circle when it links this many distinct outside properties from its content.
MIN_LISTED = 3


def relations_page(url: str) -> bool:
    """A page whose address names the site's circle: "/projects/", "/unsere-partner.html", "/foerderer/"."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    return bool(segments) and _RELATIONS_PAGE.fullmatch(segments[-1]) is not None


# A redirect service's link carries its target in a query parameter ("t.umblr.com/redirect?…&z=https://…",
# "l.facebook.com/l.php?u=…", "google.com/url?q=…"): the link leads where the parameter says.
_REDIRECT_PATH = re.compile(r"/(?:redirect|url|l\.php|out|away|exit|link|r)/?", re.IGNORECASE)


def link_target(url: str) -> str:
    """Where a link leads: a redirect service's target, else the link itself."""
    parts = urlsplit(url)
    if not parts.query or not _REDIRECT_PATH.fullmatch(parts.path):
        return url
    for _, value in parse_qsl(parts.query):
        if value.startswith(("http://", "https://")):
            return value
    return url


def _listed(page: PageRecord) -> set[str]:
    """The outside properties a relations page links from its content (strong sources stay sources)."""
    found = set()
    for link in page.links:
        if link.internal or link.position != "content":
            continue
        url = link_target(link.url)
        if url.startswith(("http://", "https://")) and not source_entry(url):
            found.add(property_key(url))
    return found


def circle(site: SiteData | None) -> frozenset[str]:
    """Properties (scoring.site_identity.property_key) of the site's circle: those its relations pages list."""
    if site is None:
        return frozenset()

    def compute() -> frozenset[str]:
        listed: set[str] = set()
        for page in site.html_pages:
            if relations_page(page.url) and len(found := _listed(page)) >= MIN_LISTED:
                listed |= found
        return frozenset(listed)

    return site.memo("site-circle", compute)

