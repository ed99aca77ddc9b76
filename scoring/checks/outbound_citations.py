"""outbound-citations: articles link to the authoritative sources they rely on."""

from __future__ import annotations

from scoring import lexicons as lx
from scoring.records import Link, PageRecord
from scoring.registry import ArticleCheck, register
from scoring.results import Evidence, PageOutcome
from scoring.site import SiteData
from scoring.text import excerpt

MAX_EVIDENCE = 3


def citation_links(page: PageRecord) -> list[Link]:
    """External http(s) links in the main content, share buttons left out."""
    return [
        link
        for link in page.links
        if not link.internal
        and link.position == "content"
        and link.url.lower().startswith(("http://", "https://"))
        and not lx.SHARE_LINK_RE.search(link.url)
    ]


def authoritative_hosts(page: PageRecord) -> list[str]:
    """Hosts (without www.) of authoritative sources linked from the main content, in order."""
    hosts = [lx.host_of(link.url) for link in citation_links(page) if lx.authoritative_entry(link.url)]
    return list(dict.fromkeys(hosts))


def _evidence(page: PageRecord, link: Link, note: str) -> Evidence:
    return Evidence(url=page.url, element=f"a[href={link.url}]", excerpt=excerpt(link.anchor) or None, note=note)


@register
class OutboundCitations(ArticleCheck):
    id = "outbound-citations"
    title = "Articles cite authoritative sources"
    failure_title = "Articles do not cite authoritative sources"
    description = (
        "Citing credible sources raised visibility in generative-engine answers by 27.5 % in the "
        "GEO study, and by 115 % for pages ranked fifth in search — the case of most small "
        "companies. Links in the text to public bodies, universities, standards bodies, chambers "
        "or journals let readers and engines verify a claim. Sources: Aggarwal et al., 'GEO: "
        "Generative Engine Optimization', KDD 2024; Google Search Quality Rater Guidelines."
    )
    category = "evidence"

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        links = citation_links(page)
        authoritative = [(link, entry) for link in links if (entry := lx.authoritative_entry(link.url))]
        if authoritative:
            hosts = list(dict.fromkeys(lx.host_of(link.url) for link, _ in authoritative))
            return PageOutcome(
                url=page.url,
                state="pass",
                reason=f"{len(authoritative)} link(s) to authoritative sources ({', '.join(hosts[:3])})",
                evidence=[
                    _evidence(page, link, f"authoritative ({entry})") for link, entry in authoritative[:MAX_EVIDENCE]
                ],
            )
        if links:
            hosts = list(dict.fromkeys(lx.host_of(link.url) for link in links))
            return PageOutcome(
                url=page.url,
                state="warn",
                reason=f"{len(links)} external link(s) in the text ({', '.join(hosts[:3])}), "
                "none to an authoritative source",
                evidence=[
                    _evidence(
                        page,
                        link,
                        "reference, not an authority"
                        if lx.is_reference_domain(link.url)
                        else "not on the list of authoritative sources",
                    )
                    for link in links[:MAX_EVIDENCE]
                ],
            )
        return PageOutcome(
            url=page.url,
            state="fail",
            reason="no external link in the article text",
            evidence=[Evidence(url=page.url, element="a[href] in main content", note="no outbound citation")],
        )
