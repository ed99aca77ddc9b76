"""canonical-tag: every page names its canonical URL, and that URL is a successful page.

Rules: no canonical -> warn. Canonical to the page itself -> pass. Canonical to another crawled,
successful HTML page -> pass, noted as intentional consolidation. Canonical to a URL that
redirects, answered an error, is not HTML, or was not crawled (status unknown) -> fail. URLs are
compared after lower-casing scheme and host and adding the trailing slash of a bare root.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit, urlunsplit

from scoring.core.messages import Message
from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.registry import Check, register
from scoring.site import SiteData


def normalise(url: str) -> str:
    """Scheme and host lower case, fragment dropped, "/" added to a bare root only."""
    parts = urlsplit(url.strip())
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def _target(url: str, site: SiteData) -> PageRecord | None:
    """The crawl record fetched for `url` (site.page), else one whose URL differs only in case."""
    record = site.page(url)
    if record is not None:
        return record
    return _by_normalised(site).get(normalise(url))


def _by_normalised(site: SiteData) -> dict[str, PageRecord]:
    """Normalised URL and final URL -> the first record in crawl order that has it: one dict per run,
    not one scan of every record per unknown canonical (quadratic on a site of such pages)."""

    def compute() -> dict[str, PageRecord]:
        found: dict[str, PageRecord] = {}
        for record in site.pages:
            found.setdefault(normalise(record.url), record)
            if record.final_url:
                found.setdefault(normalise(record.final_url), record)
        return found

    return site.memo("canonical-tag.by-normalised", compute)


@register
class CanonicalTag(Check):
    id = "canonical-tag"
    title = "Pages declare a valid canonical URL"
    failure_title = "Canonical URLs are missing or point to pages that do not work"
    description = (
        "rel=canonical tells search engines — and the answer engines built on their indexes — "
        "which URL to index and cite when the same content is reachable under several URLs. "
        "A canonical that points to a redirect, an error page or an unknown URL sends that "
        "signal nowhere, and the engine picks a URL itself or drops the page. Source: Google "
        'Search Central, \'How to specify a canonical URL with rel="canonical" and other '
        "methods' and 'Fix canonicalization issues'."
    )
    category = "technical"
    weight = 1
    effort = "low"
    remedy = "Give every page one canonical tag pointing at its own preferred, reachable URL."
    rule = "missing canonical: warn; canonical to a URL that is not a successful page: fail."
    scope = "page"
    requires = ("html",)
    messages = {
        "missing": "no canonical URL",
        "note-missing": "missing",
        "self": "self-referencing canonical",
        "not-crawled": "canonical points to a URL that was not crawled (status unknown)",
        "redirect": "canonical points to a redirect (to {final})",
        "unfetched": "canonical target could not be fetched ({error})",
        "no-response": "no response",
        "http-error": "canonical target answered HTTP {status}",
        "not-html": "canonical target is not an HTML page ({content_type})",
        "unknown-type": "unknown type",
        "consolidation": "canonical points to another page ({final}): intentional consolidation",
        "note-consolidation": "this page defers to another URL; only that one is indexed",
    }

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        raw = (page.canonical or "").strip()
        element = 'link[rel="canonical"]'
        if not raw:
            return PageOutcome(
                url=page.url,
                state="warn",
                reason=self.msg("missing"),
                evidence=[Evidence(url=page.url, element=element, note=self.msg("note-missing"))],
            )
        canonical = urljoin(page.final_url or page.url, raw)
        own = {normalise(page.url)} | ({normalise(page.final_url)} if page.final_url else set())
        if normalise(canonical) in own:
            return PageOutcome(url=page.url, state="pass", reason=self.msg("self"))

        def fail(reason: Message) -> PageOutcome:
            return PageOutcome(
                url=page.url,
                state="fail",
                reason=reason,
                evidence=[Evidence(url=page.url, element=element, excerpt=raw, note=reason)],
            )

        record = _target(canonical, site)
        if record is None:
            return fail(self.msg("not-crawled"))
        final = record.final_url or record.url
        if normalise(final) != normalise(canonical):
            return fail(self.msg("redirect", final=final))
        if record.status is None:
            return fail(self.msg("unfetched", error=record.error or self.msg("no-response")))
        if not 200 <= record.status < 300:
            return fail(self.msg("http-error", status=str(record.status)))
        if not record.ok:
            return fail(self.msg("not-html", content_type=record.content_type or self.msg("unknown-type")))
        return PageOutcome(
            url=page.url,
            state="pass",
            reason=self.msg("consolidation", final=final),
            evidence=[
                Evidence(
                    url=page.url,
                    element=element,
                    excerpt=raw,
                    note=self.msg("note-consolidation"),
                )
            ],
        )
