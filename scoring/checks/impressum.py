"""impressum: a German-language site names who is responsible for it, as its country's law asks
(Germany, Austria, Switzerland: scoring/imprint_country.py, scoring/imprint_law.py), reachable from every page."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from scoring.core import lexicons as lx
from scoring.core.messages import Message, element, listing, sentences
from scoring.core.records import BLOCKED_BY_ROBOTS, PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.imprint_country import CountryDecision, decide, decide_country, domain_signal, hreflang_signals
from scoring.imprint_law import LAWS, MESSAGES, country_evidence, country_name, german_elements, law_applied
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData, page_language

REACHABLE_SHARE = 0.9  # linked from at least 90 % of the pages (footer links reach all of them)
MAX_PAGE_EVIDENCE = 20  # pages without the link listed as evidence; all are in affected_urls


# -- finding linked pages (also used by trust-pages) ------------------------------------------


@dataclass
class LinkedTarget:
    url: str  # resolved
    sources: set[str] = field(default_factory=set)  # pages linking to it
    anchors: list[str] = field(default_factory=list)
    record: PageRecord | None = None

    @property
    def status(self) -> str:
        """ok | broken | blocked (robots.txt disallows it for our crawler) | not crawled"""
        if self.record is None:
            return "not crawled"
        if self.record.error == BLOCKED_BY_ROBOTS:
            return "blocked"
        return "ok" if self.record.ok else "broken"


@lru_cache(maxsize=4096)  # the same footer URLs on every page (bounded: ~1 MB, issue 19)
def url_path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


class InternalLinks:
    """Every internal link of the site once per (anchor, URL) key and linking page (issue 19): the keys
    in the order they first appear — the anchors as one UTF-8 buffer with end offsets, the URL each
    resolves to (one string object per distinct URL) — and which pages use each key as two int32
    columns (key, page). A set of linking page URLs per key cost ~13 KB a page at 54 links a page."""

    __slots__ = ("resolved", "sources", "_anchors", "_ends", "_written", "_keys", "_pages")

    def __init__(self, site: SiteData) -> None:
        self.resolved: list[str] = []  # where each key's URL ends up (site.resolve)
        self.sources: list[str] = []  # linking page URLs by page id
        self._written: dict[int, str] = {}  # the key's URL as written, where it is not the resolved one
        anchors, ends = bytearray(), array("q")
        index: dict[tuple[str, str], int] = {}
        urls: dict[str, str] = {}  # one object per distinct URL
        keys, pages = array("i"), array("i")
        for page in site.html_pages:
            page_id = len(self.sources)
            self.sources.append(page.final_url or page.url)
            seen: set[int] = set()
            for link in page.links:
                if not link.internal:
                    continue
                key = (" ".join(link.anchor.split()), link.url)
                code = index.get(key)
                if code is None:
                    code = index[key] = len(self.resolved)
                    resolved = site.resolve(link.url)
                    resolved = urls.setdefault(resolved, resolved)
                    if resolved != link.url:
                        self._written[code] = urls.setdefault(link.url, link.url)
                    self.resolved.append(resolved)
                    anchors += key[0].encode()
                    ends.append(len(anchors))
                if code not in seen:
                    seen.add(code)
                    keys.append(code)
                    pages.append(page_id)
        self._anchors, self._ends = bytes(anchors), ends
        self._keys = np.frombuffer(keys, dtype=np.int32) if keys else np.zeros(0, dtype=np.int32)
        self._pages = np.frombuffer(pages, dtype=np.int32) if pages else np.zeros(0, dtype=np.int32)

    def __len__(self) -> int:
        return len(self.resolved)

    def anchor(self, code: int) -> str:
        return self._anchors[self._ends[code - 1] if code else 0 : self._ends[code]].decode()

    def url(self, code: int) -> str:
        """The key's URL as the link wrote it."""
        return self._written.get(code, self.resolved[code])

    def pages_of(self, codes: list[int]) -> dict[int, set[str]]:
        """The URLs of the pages linking with each key code."""
        if not codes:
            return {}
        wanted = np.isin(self._keys, np.asarray(codes, dtype=np.int32))
        found: dict[int, set[str]] = {code: set() for code in codes}
        sources = self.sources
        for code, page in zip(self._keys[wanted].tolist(), self._pages[wanted].tolist(), strict=True):
            found[code].add(sources[page])
        return found


def _internal_link_index(site: SiteData) -> InternalLinks:
    """The site's internal links by (anchor, link URL): a footer link on every page is one key."""
    return site.memo("internal_link_index", lambda: InternalLinks(site))


def linked_targets(site: SiteData, matches: Callable[[str, str], bool]) -> dict[str, LinkedTarget]:
    """Internal link targets whose (anchor, URL) match, with the pages that link to them."""
    links = _internal_link_index(site)
    matched = [
        code
        for code in range(len(links))
        if matches(links.anchor(code), links.url(code)) or matches("", links.resolved[code])
    ]
    sources = links.pages_of(matched)
    targets: dict[str, LinkedTarget] = {}
    for code in matched:
        anchor, resolved = links.anchor(code), links.resolved[code]
        target = targets.get(resolved)
        if target is None:
            target = targets[resolved] = LinkedTarget(resolved, record=site.page(resolved))
        target.sources |= sources[code]
        if anchor and anchor not in target.anchors:
            target.anchors.append(anchor)
    return targets


def best_target(targets: dict[str, LinkedTarget], language: str | None = None) -> LinkedTarget | None:
    """Prefer a page that was fetched fine, then one not crawled; then, given a `language`, a page whose
    text is in it (a bilingual site's German Impressum, not its English translation: the law reads the
    German one); then the most linked."""
    order = {"ok": 0, "blocked": 1, "not crawled": 1, "broken": 2}

    def other_language(t: LinkedTarget) -> bool:
        return language is not None and (t.record is None or page_language(t.record) != language)

    ranked = sorted(targets.values(), key=lambda t: (order[t.status], other_language(t), -len(t.sources), t.url))
    return ranked[0] if ranked else None


GERMAN_SHARE = 0.25  # German text on at least this share of the pages makes a bilingual site German


def site_language(site: SiteData) -> str | None:
    """The language the German trust checks read the site in: "de" when the text of at least a quarter
    of its pages is German (the German part of a bilingual site addresses German readers), else the
    site's language (scoring.site: from its pages' text, whatever their lang attributes say), else a
    guess from the function words of the first pages' text."""
    languages = site.languages
    if languages and languages.get("de", 0) >= GERMAN_SHARE * sum(languages.values()):
        return "de"
    if site.language:
        return site.language
    return lx.guess_language(" ".join(p.main_text[:2000] for p in site.html_pages[:20]))


def home_url(site: SiteData) -> str:
    return (site.home.final_url or site.home.url) if site.home else site.artifacts.root_url


def is_impressum_link(anchor: str, url: str) -> bool:
    return bool(lx.IMPRESSUM_ANCHOR_RE.search(anchor) or lx.IMPRESSUM_URL_RE.search(url_path(url)))


# -- elements (the rows per law live in scoring/imprint_law.py) ------------------------------


def impressum_elements(text: str) -> list[dict[str, Any]]:
    """One row per element under German law: element, found, required, excerpt, note (pure)."""
    return german_elements(text)


def site_decision(site: SiteData) -> CountryDecision:
    """The country the site itself points to (domain, hreflang regions) when there is no Impressum."""
    domain = domain_signal(home_url(site))
    return decide(([domain] if domain else []) + hreflang_signals(site.html_pages))


# the elements the accuracy bench compares (message key of the row's label without "element-")
ELEMENT_KEYS = ("legal-form", "address", "representative", "email", "second-channel", "register", "vat-id")


def element_key(row: dict[str, Any]) -> str:
    """The short key of a details row's element ("legal-form", "legal-basis", ...)."""
    return row["element"].id.removeprefix("impressum.element-")


def is_outdated_basis(row: dict[str, Any]) -> bool:
    """The row of a legal basis that cites the outdated § 5 TMG."""
    return isinstance(row["note"], Message) and row["note"].id == "impressum.outdated-tmg"


def impressum_element_keys(text: str) -> set[str]:
    """Short keys of the elements found in an Impressum text (the accuracy bench compares these);
    "tmg" when the outdated § 5 TMG is cited."""
    keys = set()
    for row in impressum_elements(text):
        if element_key(row) == "legal-basis":
            if is_outdated_basis(row):
                keys.add("tmg")
        elif row["found"] and element_key(row) in ELEMENT_KEYS:
            keys.add(element_key(row))
    return keys


def element_share(rows: list[dict[str, Any]]) -> float:
    """Required elements found; an outdated "§ 5 TMG" counts half."""
    required = [r for r in rows if r["required"]]
    if not required:
        return 1.0
    points = sum(0.5 if is_outdated_basis(r) else float(r["found"]) for r in required)
    return points / len(required)


def _missing(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows if r["required"] and not r["found"]]


@register
class Impressum(Check):
    id = "impressum"
    title = "The Impressum is complete and linked from every page"
    failure_title = "The Impressum is missing, incomplete or hard to reach"
    description = (
        "German, Austrian and Swiss law require a commercial site to name who is responsible for it: "
        "company and legal form, postal address, e-mail and, depending on the country, representatives, a "
        "second fast channel, register entry and VAT number, easily recognisable and always reachable. For "
        "readers, raters and answer engines it is the anchor of trust: who stands behind the content. "
        "Sources: § 5 DDG (Digitale-Dienste-Gesetz, in force since 14 May 2024, replacing § 5 TMG) and "
        "§ 18 MStV (Germany); § 5 ECG, § 25 MedienG and § 14 UGB (Austria); Art. 3 Abs. 1 lit. s UWG "
        "(Switzerland); Google Search Quality Rater Guidelines (who is responsible for the website)."
    )
    category = "expertise"
    weight = 2
    effort = "low"
    remedy = "Complete the Impressum (all required details, current legal reference) and link it from every page."
    rule = (
        "finds the Impressum/Imprint/Legal notice page via links (anchor or URL); scores reachability "
        "(linked from ≥ 90 % of pages) and the elements its country's law requires. The country: the "
        "provider's address (country name or prefix, else the postcode: 5 digits Germany, 4 digits Austria "
        "or Switzerland), VAT/UID (DE…, ATU…, CHE-…), register (HRB + Amtsgericht, FN + Firmenbuch, "
        "cantonal Handelsregister), phone country code, the .de/.at/.ch domain and hreflang regions; German "
        "law when nothing points elsewhere. Germany (§ 5 DDG): legal form, postal address (PLZ + city), "
        "representative, e-mail, phone or second channel, register court + number; warns on the outdated "
        '"§ 5 TMG" (since 14 May 2024: § 5 DDG). Austria (§ 5 ECG, § 14 UGB): legal form, address, e-mail, '
        "second channel, Firmenbuch number + court. Switzerland (Art. 3 Abs. 1 lit. s UWG): legal form, "
        "address, e-mail. Austria or Switzerland untold: the Swiss elements. VAT numbers, editor (§ 18 Abs. 2 "
        "MStV), business purpose (§ 25 MedienG) and chamber are reported when present. Not applicable on a "
        "non-German site without one."
    )
    scope = "site"
    requires = ("html",)
    columns = {"element": "message", "found": "number", "required": "number", "excerpt": "text", "note": "message"}
    messages = {
        **MESSAGES,  # the details rows, their notes and the country evidence (scoring/imprint_law.py)
        "no-link-note": "no link with anchor or URL Impressum/Imprint/Legal notice",
        "needs": "needs ≥ {percent}%",
        "pages-share": "{linked} of {rated} pages ({percent}%)",
        # explanations
        "not-german": "No Impressum found; it is required for German sites (site language: {language}).",
        "unknown-language": "unknown",
        "no-impressum": (
            "No Impressum found: none of the {pages} pages links to a page called Impressum, Imprint or Legal notice."
        ),
        "no-impressum-law": (
            "No Impressum found: none of the {pages} pages links to a page called Impressum, Imprint or Legal "
            "notice; providers in {country} must name themselves under {law}."
        ),
        "reach": "linked from {linked} of {rated} pages ({percent}%)",
        "not-checked": "Impressum at {url} {reach}; {why}, so its contents were not checked.",
        "why-blocked": "robots.txt disallows it for our crawler (geo-auditor)",
        "why-not-crawled": "the page itself was not crawled",
        "broken": "The Impressum link leads to a page that failed (status {status}); {reach}.",
        "at": "Impressum at {url} {reach}",
        "elements-found": "{found} of {required} required elements found",
        "missing-elements": "missing: {elements}",
        "summary": "{parts}.",
        "cites-tmg": "It cites the outdated § 5 TMG (since 14 May 2024: § 5 DDG).",
        # evidence notes
        "no-link-anywhere": "no link to an Impressum on any page",
        "linked-from": "linked from {linked} of {rated} pages",
        "no-link": "no link to the Impressum",
        "status": "status {status}",
        "missing": "missing",
        "missing-because": "missing: {note}",
        # blockers (CheckResult.blocker)
        "blocker-missing": (
            "No Impressum on a German site: § 5 DDG requires one on every commercial site; without it the site "
            "risks legal warnings, and readers and answer engines cannot tell who stands behind it."
        ),
        "blocker-missing-law": (
            "No Impressum on a site in {country}: {law} requires providers to say who they are and how to reach "
            "them; without it the site risks legal action, and readers and answer engines cannot tell who stands "
            "behind it."
        ),
    }

    def blocker(self, outcome: Outcome, site: SiteData, pages: Sequence[PageOutcome] = ()) -> Message | None:
        """A blocker when a German-language site has no Impressum at all (none linked, none crawled),
        named with its country's law when that is not Germany's; an incomplete or hard-to-reach one is a
        finding like any other."""
        explanation = outcome.explanation
        if outcome.state != "fail" or not isinstance(explanation, Message):
            return None
        if explanation.id == "impressum.no-impressum":
            return self.msg("blocker-missing")
        if explanation.id == "impressum.no-impressum-law":
            params = explanation.params
            return self.msg("blocker-missing-law", country=params["country"], law=params["law"])
        return None

    def evaluate(self, site: SiteData) -> Outcome:
        targets = linked_targets(site, is_impressum_link)
        all_pages = [p.final_url or p.url for p in site.html_pages]
        if not targets:
            for url in all_pages:  # crawled (e.g. from the sitemap) but linked from nowhere
                if lx.IMPRESSUM_URL_RE.search(url_path(url)):
                    targets[url] = LinkedTarget(url, record=site.page(url))
        target = best_target(targets, language="de")  # the legal text is the German one
        if target is None:
            language = site_language(site)
            if language != "de":
                return Outcome(
                    "not_applicable",
                    explanation=self.msg("not-german", language=language or self.msg("unknown-language")),
                )
            decision = site_decision(site)
            explanation = self.msg("no-impressum", pages=len(all_pages))
            country_notes: list[Evidence] = []
            if decision.country != "DE":
                law = LAWS[decision.country].citation
                country = country_name(decision.country)
                explanation = self.msg("no-impressum-law", pages=len(all_pages), country=country, law=law)
                country_notes = country_evidence(decision, home_url(site))
            return Outcome(
                "fail",
                0.0,
                explanation,
                details=[
                    {
                        "element": self.msg("element-page"),
                        "found": False,
                        "required": True,
                        "excerpt": "",
                        "note": self.msg("no-link-note"),
                    }
                ],
                evidence=[
                    Evidence(url=home_url(site), element="a[href*=impressum]", note=self.msg("no-link-anywhere")),
                    *country_notes,
                ],
                affected_urls=all_pages,
            )

        linking = set().union(*(t.sources for t in targets.values()))
        own = set(targets)
        rated = [u for u in all_pages if u not in own]
        unlinked = [u for u in rated if u not in linking]
        share = 1 - len(unlinked) / len(rated) if rated else 1.0
        reach = 1.0 if share >= REACHABLE_SHARE else share
        counts = {"linked": len(rated) - len(unlinked), "rated": len(rated)}
        percent = round(share * 100)  # as f"{share:.0%}" writes it
        linked_row = {
            "element": self.msg("element-linked"),
            "found": share >= REACHABLE_SHARE,
            "required": True,
            "excerpt": self.msg("pages-share", **counts, percent=percent),
            "note": self.msg("needs", percent=round(REACHABLE_SHARE * 100)),
        }
        anchor = target.anchors[0] if target.anchors else None
        evidence = [
            Evidence(url=target.url, element="Impressum", excerpt=anchor, note=self.msg("linked-from", **counts))
        ]
        page_evidence = [
            Evidence(url=u, element="a[href*=impressum]", note=self.msg("no-link"))
            for u in unlinked[:MAX_PAGE_EVIDENCE]
        ]
        reach_text = self.msg("reach", **counts, percent=percent)

        if target.status in ("not crawled", "blocked"):  # elements unknown: they count half, like a warning
            why = self.msg("why-blocked") if target.status == "blocked" else self.msg("why-not-crawled")
            return Outcome(
                "warn",
                round(0.5 * reach + 0.25, 4),
                self.msg("not-checked", url=target.url, reach=reach_text, why=why),
                details=[linked_row],
                evidence=evidence + page_evidence,
                affected_urls=unlinked,
            )
        if target.status == "broken":
            status = str(target.record.status if target.record else None)
            return Outcome(
                "fail",
                round(0.5 * reach, 4),
                self.msg("broken", status=status, reach=reach_text),
                details=[linked_row],
                evidence=[
                    Evidence(
                        url=target.url, element="Impressum", excerpt=anchor, note=self.msg("status", status=status)
                    )
                ]
                + page_evidence,
                affected_urls=[target.url, *unlinked],
            )

        text = target.record.main_text if target.record else ""
        # the domain the Impressum is published on (normally the site's own)
        decision = decide_country(text, url=target.url, site_url=target.url, pages=site.html_pages)
        rows = LAWS[decision.country].elements(text)
        share_found = element_share(rows)
        score = round(0.5 * reach + 0.5 * share_found, 4)
        missing = _missing(rows)
        outdated = next((r for r in rows if is_outdated_basis(r)), None)
        required = [r for r in rows if r["required"]]
        found = sum(1 for r in required if r["found"] and r is not outdated)
        parts = [
            self.msg("at", url=target.url, reach=reach_text),
            self.msg("elements-found", found=found, required=len(required) - (1 if outdated else 0)),
            law_applied(decision),
        ]
        if missing:
            parts.append(self.msg("missing-elements", elements=listing([r["element"] for r in missing])))
        explanation = self.msg("summary", parts=parts)
        if outdated:
            explanation = sentences([explanation, self.msg("cites-tmg")])
        for row in missing:
            evidence.append(
                Evidence(
                    url=target.url,
                    element=row["element"].text,
                    excerpt=row["excerpt"] or None,
                    note=self.msg("missing-because", note=row["note"]) if row["note"] else self.msg("missing"),
                )
            )
        if outdated:
            evidence.append(
                Evidence(
                    url=target.url, element=element("legal-basis"), excerpt=outdated["excerpt"], note=outdated["note"]
                )
            )
        evidence += country_evidence(decision, target.url)
        if share >= REACHABLE_SHARE and not missing and not outdated:
            state = "pass"
        elif score < 0.5:
            state = "fail"
        else:
            state = "warn"
        affected = ([target.url] if missing or outdated else []) + unlinked
        return Outcome(state, score, explanation, [linked_row, *rows], evidence + page_evidence, affected)
