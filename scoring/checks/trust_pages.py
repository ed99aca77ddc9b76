"""trust-pages: the site links a privacy policy, a contact page and an about/team page."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar
from urllib.parse import unquote, urlsplit

from scoring.checks.impressum import LinkedTarget, best_target, home_url, linked_targets, site_language
from scoring.core import lexicons as lx
from scoring.core.messages import listing, sentences
from scoring.core.results import Evidence
from scoring.pagetypes import LISTING_SEGMENT_RE
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData

T = TypeVar("T")


def _anchor_words(anchor: str) -> str:
    cleaned = "".join(c if c.isalnum() or c.isspace() else " " for c in anchor.casefold())
    return " ".join(cleaned.split())


def _own_segment(url: str) -> tuple[str, ...]:
    """The page's own path segment (the last one; the folder of an index file): a trust page is named by
    its own slug, not by a section above it (/datenschutz/cookies-und-tracking/ is an article)."""
    parts = [s for s in unquote(urlsplit(url).path).casefold().split("/") if s]
    if parts and re.fullmatch(r"index\.\w{2,5}", parts[-1]):
        parts.pop()
    if any(LISTING_SEGMENT_RE.match(p) for p in parts[:-1]):
        return ()  # /category/datenschutz/: an archive of posts about privacy, not the privacy policy
    return tuple(parts[-1:])


# for callers outside a site check (tests, benches); the check keeps its own caches for one run (issue
# 19: process-wide caches of 65,536 URLs and anchors held ~40 MB after the check, on large sites)
_normalise_anchor = lru_cache(maxsize=4096)(_anchor_words)
_segments = lru_cache(maxsize=4096)(_own_segment)


def _memoised(function: Callable[[str], T], cache: dict[str, T]) -> Callable[[str], T]:
    def call(value: str) -> T:
        found = cache.get(value)
        if found is None:
            found = cache[value] = function(value)
        return found

    return call


def trust_link_matcher(kind: str, memo: tuple[dict, dict] | None = None) -> Callable[[str, str], bool]:
    """A (anchor, url) predicate for one kind of trust page (see lexicons.TRUST_PAGES). `memo`: two
    dicts (URL segments, normalised anchors) shared by the matchers of one check run."""
    anchor_re, segment_re = lx.TRUST_PAGES[kind]
    segments_of, words_of = _segments, _normalise_anchor
    if memo is not None:
        segments_of, words_of = _memoised(_own_segment, memo[0]), _memoised(_anchor_words, memo[1])

    def matches(anchor: str, url: str) -> bool:
        segments = segments_of(url)
        if not segments:  # the home page, or an archive of posts (/category/datenschutz/)
            return False
        if anchor and anchor_re.search(words_of(anchor)):
            return True
        return any(segment_re.search(segment) for segment in segments)

    return matches


@register
class TrustPages(Check):
    id = "trust-pages"
    title = "Privacy, contact and about pages are linked (and terms, on English sites)"
    failure_title = "Privacy, contact or about pages are missing"
    description = (
        "Quality raters and answer engines judge trust by whether a site says who runs it, how to "
        "reach them and how it handles data: an about or team page, a contact page and a privacy "
        "policy. Sources: Google Search Quality Rater Guidelines (about, contact and customer "
        "service information); Art. 13 GDPR (privacy notice)."
    )
    category = "expertise"
    weight = 2
    effort = "medium"
    remedy = "Publish and link privacy, contact and about pages from every page."
    rule = (
        "privacy (Datenschutz/Privacy), contact (Kontakt/Contact), about (Über uns/About/Team) pages "
        "linked from the site, and on English sites terms (Terms of use/service, T&Cs); score = found / "
        "3 (4 on English sites)."
    )
    scope = "site"
    requires = ("html",)
    columns = {"page_type": "message", "found": "number", "url": "url", "linked_from": "number", "note": "message"}
    messages = {
        "page-privacy": "Privacy policy",
        "page-contact": "Contact page",
        "page-about": "About / team page",
        "page-terms": "Terms of use (English sites)",
        "no-link": "no link found",
        "failed": "linked page failed (status {status})",
        "blocked": "linked; blocked by robots.txt for our crawler, not fetched",
        "not-crawled": "linked, not crawled",
        "labelled": "{page}: {note}",
        "linked-from": "{page} linked from {pages} page(s)",
        "summary": "{found} of {total} trust pages linked.",
        "missing": "Missing: {pages}.",
    }

    def evaluate(self, site: SiteData) -> Outcome:
        rows, evidence, missing = [], [], []
        # the site's main language, from its pages' text (scoring.site), whatever their lang attributes say:
        # a German site declaring lang="en" owes no English terms of use
        english = (site.language or site_language(site)) == "en"
        memo: tuple[dict, dict] = ({}, {})  # each URL's and anchor's words once for the four kinds, this run only
        for kind in lx.TRUST_PAGES:
            if kind in lx.ENGLISH_ONLY_TRUST_PAGES and not english:
                continue
            label = self.msg(f"page-{kind}")
            targets = linked_targets(site, trust_link_matcher(kind, memo))
            target: LinkedTarget | None = best_target(targets)
            if target is None or target.status == "broken":
                missing.append(label)
                if target is None:
                    note = self.msg("no-link")
                else:
                    note = self.msg("failed", status=str(target.record.status))
                rows.append(
                    {
                        "page_type": label,
                        "found": False,
                        "url": target.url if target else "",
                        "linked_from": len(target.sources) if target else 0,
                        "note": note,
                    }
                )
                evidence.append(
                    Evidence(
                        url=target.url if target else home_url(site),
                        element=label,
                        excerpt=target.anchors[0] if target and target.anchors else None,
                        note=self.msg("labelled", page=label, note=note),
                    )
                )
                continue
            note = {"ok": "", "blocked": self.msg("blocked")}.get(target.status, self.msg("not-crawled"))
            rows.append(
                {"page_type": label, "found": True, "url": target.url, "linked_from": len(target.sources), "note": note}
            )
            evidence.append(
                Evidence(
                    url=target.url,
                    element=label,
                    excerpt=target.anchors[0] if target.anchors else None,
                    note=self.msg("linked-from", page=label, pages=len(target.sources)),
                )
            )
        found = len(rows) - len(missing)
        score = round(found / len(rows), 4)
        state = "pass" if not missing else ("fail" if found == 0 else "warn")
        explanation = self.msg("summary", found=found, total=len(rows))
        if missing:
            explanation = sentences([explanation, self.msg("missing", pages=listing(missing))])
        return Outcome(state, score, explanation, rows, evidence, affected_urls=[home_url(site)] if missing else [])
