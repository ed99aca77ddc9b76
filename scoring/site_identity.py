"""Who a page's site is: its own registrable domains and brand names, its other properties (the
parent company and subsidiaries its JSON-LD names) and what its template promotes. A link to any of
them is the site speaking about itself, never a citation (scoring.checks.outbound_citations)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from scoring import citation_rules as cr
from scoring.citation_sources import source_entry
from scoring.core.jsonld import jsonld_nodes
from scoring.core.records import PageRecord
from scoring.site import jsonld_types

# Title segments longer than this are headlines, not a site's name.
BRAND_MAX_WORDS = 3
# Names too common to tell a site's own hosts ("blog.example.com" is not every blog's).
# fmt: off
_GENERIC_BRANDS = frozenset({
    "www", "blog", "shop", "home", "start", "startseite", "news", "docs", "mail", "info", "app", "web", "site",
    "online", "support", "help", "hilfe", "kontakt", "contact", "about", "impressum", "datenschutz", "privacy",
    "github", "gitlab", "google", "facebook", "youtube", "twitter", "linkedin", "wikipedia", "amazon",
})
# fmt: on
_TITLE_SEPARATORS = re.compile(r"(?<!\s)(?:\s+[|–—·•:/»«-]\s+|\s*\|\s*|\s+::\s+)")
_DOMAIN_LIKE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)


@dataclass(frozen=True)
class Identity:
    """What the page says about its own site: registrable domains and brand names."""

    domains: frozenset[str]
    brands: frozenset[str]


def site_identity(page: PageRecord, own_hosts: Iterable[str] = ()) -> Identity:
    """The page's own registrable domains (its URL, canonical, og:url, hreflang, the WebSite in
    JSON-LD, the hosts the crawl treated as the site: `--as-host` for a staging copy) and brand names
    (their first labels, the domain written as one word, the site name at either end of the <title>)."""
    urls = [page.url, page.final_url, page.canonical, page.og_url, *(h.url for h in page.hreflang)]
    urls += [f"https://{host}/" for host in own_hosts]
    for node in jsonld_nodes(page.structured_data):
        if jsonld_types(node) & {"website", "webpage"}:
            urls.extend(v for v in (node.get("url"), node.get("@id")) if isinstance(v, str))
    domains: set[str] = set()
    for url in urls:
        if not url:
            continue
        host = (urlsplit(url).hostname or "").lower()
        if host and not cr.NON_PUBLIC_HOST.search(host):
            domains.add(cr.registrable_domain(host))
    domains |= _related_domains(page, frozenset(domains))
    brands: set[str] = set()
    for domain in domains:
        brands.add(cr.squash(domain.split(".")[0]))
        brands.add(cr.squash(domain))
    segments = [s.strip() for s in _TITLE_SEPARATORS.split(page.title or "") if s.strip()]
    for segment in {segments[0], segments[-1]} if len(segments) > 1 else set(segments):
        if _DOMAIN_LIKE.match(segment):
            domains.add(cr.registrable_domain(segment))
        if len(segment.split()) <= BRAND_MAX_WORDS:
            brands.add(cr.squash(segment))
    brands |= _own_projects(page, brands)
    brands = {b for b in brands if len(b) >= 4 and b not in _GENERIC_BRANDS and not b.isdigit()}
    return Identity(frozenset(d for d in domains if d), frozenset(brands))


_CODE_HOSTS = frozenset({"github.com", "gitlab.com", "codeberg.org", "bitbucket.org"})


def _own_projects(page: PageRecord, brands: set[str]) -> set[str]:
    """The projects the site's own code account publishes ("github.com/infinyon/fluvio" on infinyon.com):
    its products, whose own sites ("fluvio.io") are the company's properties, not sources."""
    found = set()
    for link in page.links:
        parts = urlsplit(link.url)
        if (parts.hostname or "").lower().removeprefix("www.") not in _CODE_HOSTS:
            continue
        segments = [s for s in parts.path.split("/") if s]
        if len(segments) >= 2 and cr.squash(segments[0]) in brands:
            found.add(cr.squash(segments[1]))
    return found


# JSON-LD keys of the site's own organisation that name its other properties: the same organisation
# elsewhere, its parent and its subsidiaries, its brands.
_RELATED_KEYS = ("sameAs", "parentOrganization", "subOrganization", "brand")


def _related_domains(page: PageRecord, own: frozenset[str]) -> set[str]:
    """Registrable domains the site's own organisation names as itself, its parent or its subsidiaries in
    JSON-LD (an Organization whose url or @id is on the site's domain): its other properties. Hosts many
    parties publish on and strong sources (a sameAs to the organisation's Wikipedia article) stay out."""
    found: set[str] = set()
    for node in jsonld_nodes(page.structured_data):
        home = next((v for v in (node.get("url"), node.get("@id")) if isinstance(v, str) and v.startswith("http")), "")
        if not home or cr.registrable_domain((urlsplit(home).hostname or "").lower()) not in own:
            continue
        for key in _RELATED_KEYS:
            values = node.get(key)
            for value in values if isinstance(values, list) else [values]:
                url = (value.get("url") or value.get("@id")) if isinstance(value, dict) else value
                if not isinstance(url, str) or not url.startswith("http"):
                    continue
                host = (urlsplit(url).hostname or "").lower()
                if not host or cr.NON_PUBLIC_HOST.search(host) or cr.multi_tenant(host) or source_entry(url):
                    continue
                found.add(cr.registrable_domain(host))
    return found


def own_property(url: str, identity: Identity) -> bool:
    """A link to the site's own other domains, subdomains, accounts or hosted tools: same registrable
    domain, a host label named like the site ("acme.atlassian.net", "docs.acme.io"), or an account
    named like the site on a code, package or video host ("github.com/acme")."""
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return False
    if cr.registrable_domain(host) in identity.domains:
        return True
    if any(cr.squash(label) in identity.brands for label in cr.host_labels(host)):
        return True
    account = cr.account_of(url)
    return bool(account) and account in identity.brands


def property_key(url: str) -> str:
    """What a link points at as a property: on a host many parties publish on (a social network, a
    shop, a code host, a platform) its first path segment too ("github.com/acme",
    "facebook.com/acme"), else the registrable domain."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    base = cr.registrable_domain(host)
    if cr.multi_tenant(host):
        first = next((s for s in parts.path.split("/") if s), "")
        return f"{host}/{first.casefold()}"
    return base


def template_properties(page: PageRecord) -> frozenset[str]:
    """Properties the page's template (nav, header, footer, sidebar) links to: the site's products,
    parent company, partners, accounts. The same property in the text is promoted, not cited."""
    return frozenset(property_key(link.url) for link in page.links if not link.internal and link.position != "content")


_VIDEO_ID = re.compile(
    r"(?:youtube(?:-nocookie)?\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/)|youtu\.be/|"
    r"vimeo\.com/(?:video/)?)([\w-]{6,})"
)


def embedded_video(url: str, page: PageRecord) -> bool:
    """A link to a video the page embeds itself (the "direct link" under a player): the page's own."""
    ids = {m.group(1) for media in page.media if (m := _VIDEO_ID.search(media.src))}
    match = _VIDEO_ID.search(url)
    return bool(match) and match.group(1) in ids
