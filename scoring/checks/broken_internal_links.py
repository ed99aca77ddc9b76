"""broken-internal-links: internal links lead to pages that answer."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from scoring.audit import WARN_SHARE
from scoring.core.messages import Message
from scoring.core.records import BLOCKED_BY_ROBOTS, Link, PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData

MAX_EVIDENCE = 50
# host names that only resolve on a developer's machine or a private network (RFC 6761 reserved
# names, mDNS): a link to one is broken for every reader and crawler outside it
DEVELOPMENT_SUFFIXES = (".localhost", ".local", ".test", ".invalid")
# spiders/site_spider.py records a URL robots.txt kept us from fetching with status None and this
# error: we do not know whether it works, so it is neither checked nor broken.


def not_fetched(record: PageRecord) -> bool:
    return record.status is None and BLOCKED_BY_ROBOTS in (record.error or "")


def failure(record: PageRecord) -> Message | None:
    """Why a link target (after redirects) is broken, or None when it answered."""
    if record.status is None:
        if record.error:  # the fetch error as the crawler recorded it (data, not translated)
            return BrokenInternalLinks.msg("fetch-error", error=record.error)
        return BrokenInternalLinks.msg("no-response")
    if record.status >= 400:
        return BrokenInternalLinks.msg("http-error", status=str(record.status))
    if record.redirect_target is not None:  # resolve() gave up: a redirect loop or endless chain
        return BrokenInternalLinks.msg("redirect-loop", status=str(record.status))
    return None


def development_host(url: str) -> str | None:
    """The host (with port) of a URL that points at a development or private address — localhost,
    127.0.0.1, 192.168.x.x, *.local, *.test — or None. A static build made with the dev server's base
    URL (Jekyll's localhost:4000) writes such links into every page."""
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        return None
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        local = host == "localhost" or host.endswith(DEVELOPMENT_SUFFIXES)
    else:
        local = address.is_loopback or address.is_private or address.is_link_local or address.is_unspecified
    return parts.netloc.lower() if local else None


def public_site(site: SiteData) -> bool:
    """Whether the audited site has a public host: a site audited on localhost links localhost, but a
    local build audited as its production host (`--as-host`, a host alias) is public."""
    hosts = [site.artifacts.root_url, *(f"http://{host}" for host in site.artifacts.host_aliases)]
    return any(development_host(re.sub(r"^(https?://)www\.", r"\1", url)) is None for url in hosts)


def unreachable_pages(site: SiteData) -> tuple[int, int]:
    """(crawled page URLs that did not answer, crawled page URLs): every URL the crawl fetched or
    tried to, but redirect hops (counted where they end), successful non-HTML files (PDFs,
    images) and URLs robots.txt kept us from fetching. Did not answer: HTTP 4xx/5xx or no response."""
    failed = total = 0
    for record in site.pages:
        if not_fetched(record) or record.redirect_target is not None:
            continue
        if record.status is not None and record.status < 400 and not record.fetched_html:
            continue
        total += 1
        failed += record.status is None or record.status >= 400
    return failed, total


@register
class BrokenInternalLinks(Check):
    id = "broken-internal-links"
    title = "Internal links work"
    failure_title = "Internal links are broken"
    description = (
        "A link to an error page is a dead end for readers and for the crawlers of search and "
        "answer engines: the link equity it carries is lost and the page it should reach may "
        "never be found. Every internal link of a successful page is followed through its "
        "redirects; targets answering 4xx/5xx, not answering at all or caught in a redirect loop "
        "are broken. The score is the share of distinct link targets that work. Source: Google "
        "Search Central, 'How HTTP status codes, and network and DNS errors affect Google "
        "Search' (4xx pages are not indexed; persistent 5xx pages are dropped)."
    )
    category = "links"
    weight = 2
    effort = "low"
    remedy = "Fix or remove the broken links listed, or redirect the old URLs (301)."
    rule = (
        "internal links (of successful HTML pages, one per source and target) whose target, after "
        "redirects, answered 4xx/5xx, did not answer, or ends in a redirect loop; each with source page, "
        "anchor and status. Links to a development or private address (localhost, 127.0.0.1, 192.168.x.x, "
        "*.local, *.test; a build made with the dev server's base URL) are broken too, unless the audited "
        "site itself is on such an address. Targets never fetched (crawl limit, robots.txt) are unknown and "
        "left out. Score = share of distinct link targets that work; warn from 0.8, fail below."
    )
    scope = "site"
    requires = ("html",)
    columns = {
        "source": "url",
        "anchor": "text",
        "target": "url",
        "status": "code",
        "error": "message",
        "final_url": "url",
    }
    messages = {
        "none-fetched": "No internal link with a fetched target.",
        "all-answer": "All {targets} internal link targets answer.",
        "broken": (
            "{broken} of {targets} internal link targets are broken, linked {links} time(s) from {pages} page(s). "
            "Fix or remove the links, or redirect the old URLs to their successors."
        ),
        "note-links-to": "links to {target}: {error}",
        "http-error": "HTTP {status}",
        "redirect-loop": "redirect loop (HTTP {status})",
        "no-response": "no response",
        "fetch-error": "{error}",
        "development-host": "a development address ({host}): it opens only on the machine the site was built on",
        # blockers (CheckResult.blocker)
        "blocker-unreachable": (
            "{failed} of {total} crawled pages did not answer (HTTP error or no response): the crawlers of search "
            "and answer engines cannot read most of the site."
        ),
    }

    def blocker(self, outcome: Outcome, site: SiteData, pages: Sequence[PageOutcome] = ()) -> Message | None:
        """A blocker when most pages are unreachable: more than half of the crawled page URLs
        (`unreachable_pages`) did not answer — whatever links to them, and also when not even the
        home page answered (then this check has no page to read and is not applicable)."""
        failed, total = unreachable_pages(site)
        return self.msg("blocker-unreachable", failed=failed, total=total) if failed * 2 > total else None

    @staticmethod
    def _row(source: str, link: Link, status: int | None, reason: Message, final: str | None) -> dict:
        """One broken link: `final` is where redirects led (None when the link led nowhere else)."""
        return {
            "source": source,
            "anchor": link.anchor,
            "target": link.url,
            "status": status,
            "error": reason,
            "final_url": final,
        }

    def evaluate(self, site: SiteData) -> Outcome:
        rows: list[dict] = []
        seen: set[tuple[str, str]] = set()
        checked: set[str] = set()
        broken: set[str] = set()
        public = public_site(site)
        for page in site.html_pages:
            source = page.final_url or page.url
            # links in custom elements are links too (crawlable-links says they are not crawlable)
            for link in [*page.links, *page.script_links]:
                if (source, link.url) in seen:
                    continue
                if not link.internal:
                    if public and (host := development_host(link.url)):
                        seen.add((source, link.url))
                        checked.add(link.url)
                        broken.add(link.url)
                        reason = self.msg("development-host", host=host)
                        rows.append(self._row(source, link, None, reason, None))
                    continue
                seen.add((source, link.url))
                record = site.page(link.url)
                if record is None or not_fetched(record):  # crawl limit, robots.txt: unknown
                    continue
                checked.add(link.url)
                reason = failure(record)
                if reason is None:
                    continue
                broken.add(link.url)
                final = site.resolve(link.url)
                rows.append(self._row(source, link, record.status, reason, final if final != link.url else None))
        if not checked:
            return Outcome("not_applicable", explanation=self.msg("none-fetched"))
        if not rows:
            return Outcome("pass", 1.0, self.msg("all-answer", targets=len(checked)))
        score = round(1 - len(broken) / len(checked), 4)
        # targets first, then sources, each once in row order (a dict: linear, a list was quadratic)
        affected = list(dict.fromkeys([row["target"] for row in rows] + [row["source"] for row in rows]))
        evidence = [
            Evidence(
                url=row["source"],
                element=f'a[href="{row["target"]}"]',
                excerpt=row["anchor"] or None,
                note=self.msg("note-links-to", target=row["target"], error=row["error"]),
            )
            for row in rows[:MAX_EVIDENCE]
        ]
        sources = len({row["source"] for row in rows})
        return Outcome(
            "warn" if score >= WARN_SHARE else "fail",
            score,
            self.msg("broken", broken=len(broken), targets=len(checked), links=len(rows), pages=sources),
            rows,
            evidence,
            affected,
        )
