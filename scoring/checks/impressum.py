"""impressum: a German site names who is responsible for it, reachable from every page."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from scoring.core import lexicons as lx
from scoring.core.messages import Message, element, listing, sentences
from scoring.core.records import BLOCKED_BY_ROBOTS, PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.core.text import excerpt
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData

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


@lru_cache(maxsize=65536)  # the same footer URLs on every page
def url_path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


def _internal_link_index(site: SiteData) -> dict[tuple[str, str], tuple[str, set[str]]]:
    """(anchor, link URL) -> (resolved URL, linking pages): a footer link on every page is one entry."""

    def build() -> dict[tuple[str, str], tuple[str, set[str]]]:
        index: dict[tuple[str, str], tuple[str, set[str]]] = {}
        for page in site.html_pages:
            source = page.final_url or page.url
            for link in page.links:
                if link.internal:
                    key = (" ".join(link.anchor.split()), link.url)
                    if key not in index:
                        index[key] = (site.resolve(link.url), set())
                    index[key][1].add(source)
        return index

    return site.memo("internal_link_index", build)


def linked_targets(site: SiteData, matches: Callable[[str, str], bool]) -> dict[str, LinkedTarget]:
    """Internal link targets whose (anchor, URL) match, with the pages that link to them."""
    targets: dict[str, LinkedTarget] = {}
    for (anchor, url), (resolved, sources) in _internal_link_index(site).items():
        if not (matches(anchor, url) or matches("", resolved)):
            continue
        target = targets.get(resolved)
        if target is None:
            target = targets[resolved] = LinkedTarget(resolved, record=site.page(resolved))
        target.sources |= sources
        if anchor and anchor not in target.anchors:
            target.anchors.append(anchor)
    return targets


def best_target(targets: dict[str, LinkedTarget]) -> LinkedTarget | None:
    """Prefer a page that was fetched fine, then one not crawled, then the most linked."""
    order = {"ok": 0, "blocked": 1, "not crawled": 1, "broken": 2}
    ranked = sorted(targets.values(), key=lambda t: (order[t.status], -len(t.sources), t.url))
    return ranked[0] if ranked else None


def site_language(site: SiteData) -> str | None:
    """The declared site language, else a guess from the text of the first pages."""
    if site.language:
        return site.language
    return lx.guess_language(" ".join(p.main_text[:2000] for p in site.html_pages[:20]))


def home_url(site: SiteData) -> str:
    return (site.home.final_url or site.home.url) if site.home else site.artifacts.root_url


def is_impressum_link(anchor: str, url: str) -> bool:
    return bool(lx.IMPRESSUM_ANCHOR_RE.search(anchor) or lx.IMPRESSUM_URL_RE.search(url_path(url)))


# -- elements ----------------------------------------------------------------------------------


def _line(text: str, match: re.Match[str]) -> str:
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    return excerpt(text[start : end if end >= 0 else len(text)], 120)


def _legal_form(text: str) -> re.Match[str] | None:
    for match in lx.LEGAL_FORM_RE.finditer(text):
        before = text[max(0, match.start() - 20) : match.start()]
        if match.group(0) == "AG" and re.search(r"(?:gericht|Register)\s*:?\s*$", before, re.IGNORECASE):
            continue  # "Registergericht: AG München" is the Amtsgericht
        return match
    return None


def _postal_address(text: str) -> re.Match[str] | None:
    for match in lx.POSTAL_CODE_RE.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        if lx.POSTAL_CODE_CONTEXT_RE.search(before) or re.search(r"gericht|register", match.group(0), re.I):
            continue
        return match
    return None


def _msg(key: str, **params: object) -> Message:
    return Impressum.msg(key, **params)


def _row(
    element: str, match: re.Match[str] | None, text: str, *, required: bool = True, note: Message | str = ""
) -> dict[str, Any]:
    """A details row; `element` is the key of its label ("legal-form" -> message "element-legal-form")."""
    return {
        "element": _msg(f"element-{element}"),
        "found": match is not None,
        "required": required,
        "excerpt": _line(text, match) if match else "",
        "note": note,
    }


def impressum_elements(text: str) -> list[dict[str, Any]]:
    """One row per element: element, found, required, excerpt, note (pure, for the details table)."""
    legal_form = _legal_form(text)
    sole_trader = legal_form is None and lx.SOLE_TRADER_RE.search(text) is not None
    form = " ".join(legal_form.group(0).split()) if legal_form else ""
    register_required = not sole_trader and form not in lx.UNREGISTERED_FORMS
    rows = [
        _row(
            "legal-form",
            legal_form,
            text,
            required=not sole_trader,
            note=_msg("sole-trader") if sole_trader else "",
        ),
        _row("address", _postal_address(text), text),
        _row("representative", lx.REPRESENTATIVE_RE.search(text), text),
        _row("email", lx.EMAIL_RE.search(text), text),
    ]
    phone = lx.PHONE_RE.search(text)
    channel = phone or lx.SECOND_CHANNEL_RE.search(text)
    rows.append(
        _row(
            "second-channel",
            channel,
            text,
            note="" if phone or not channel else _msg("other-channel"),
        )
    )
    number = lx.REGISTER_NUMBER_RE.search(text)
    court = lx.REGISTER_COURT_RE.search(text)
    uk_number = lx.UK_COMPANY_NUMBER_RE.search(text)
    register = uk_number or (number if number and court else None)
    note: Message | str = ""
    if not register_required:
        note = _msg("not-registered")
    elif register is None and (number or court):
        note = _msg("court-missing") if number else _msg("number-missing")
    row = _row("register", register, text, required=register_required, note=note)
    if register is None and (number or court):
        row["excerpt"] = _line(text, number or court)
    elif register is number and court and _line(text, court) != row["excerpt"]:
        row["excerpt"] = f"{_line(text, court)} · {row['excerpt']}"
    rows.append(row)
    rows.append(_row("vat-id", lx.VAT_ID_RE.search(text), text, required=False, note=_msg("when-present")))
    outdated = lx.OUTDATED_LEGAL_BASIS_RE.search(text)
    current = lx.CURRENT_LEGAL_BASIS_RE.search(text)
    if outdated:
        rows.append(_row("legal-basis", outdated, text, note=_msg("outdated-tmg")))
    else:
        note = _msg("ddg") if current else _msg("optional")
        rows.append(_row("legal-basis", current, text, required=False, note=note))
    return rows


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
        "German law requires every commercial site to name who is responsible for it: company and "
        "legal form, postal address, representatives, e-mail plus a second fast channel, register "
        "court and number, VAT ID if any, easily recognisable and always reachable. For readers, "
        "raters and answer engines it is the anchor of trust: who stands behind the content. "
        "Sources: § 5 DDG (Digitale-Dienste-Gesetz, in force since 14 May 2024, replacing § 5 "
        "TMG); Google Search Quality Rater Guidelines (who is responsible for the website)."
    )
    category = "expertise"
    weight = 2
    effort = "low"
    remedy = (
        "Complete the Impressum (all required details, current legal reference) and link it from every "
        "page."
    )
    rule = (
        "finds the Impressum/Imprint/Legal notice page via links (anchor or URL); scores reachability "
        "(linked from ≥ 90 % of pages) and required elements in its text: legal form, postal address "
        "(PLZ + city), representative (Geschäftsführer/Inhaber/vertreten durch), e-mail, phone or second "
        "channel, register court + number (HRB/HRA + Amtsgericht); USt-IdNr. reported when present. "
        "Warns on the outdated \"§ 5 TMG\" (since 14 May 2024: § 5 DDG). Not applicable on a non-German "
        "site without one."
    )
    scope = "site"
    requires = ("html",)
    columns = {"element": "message", "found": "number", "required": "number", "excerpt": "text", "note": "message"}
    messages = {
        # details rows: the elements
        "element-page": "Impressum page",
        "element-linked": "linked from pages",
        "element-legal-form": "legal form",
        "element-address": "postal address (PLZ + city)",
        "element-representative": "representative",
        "element-email": "e-mail",
        "element-second-channel": "phone or second channel",
        "element-register": "register court + number",
        "element-vat-id": "USt-IdNr.",
        "element-legal-basis": "legal basis",
        # details rows: notes
        "sole-trader": "sole trader: no legal form required",
        "other-channel": "second channel other than phone",
        "not-registered": "not required: business not entered in a register",
        "court-missing": "register court missing",
        "number-missing": "register number missing",
        "when-present": "reported when present",
        "outdated-tmg": "outdated: § 5 TMG was replaced by § 5 DDG on 14 May 2024",
        "ddg": "§ 5 DDG",
        "optional": "optional",
        "no-link-note": "no link with anchor or URL Impressum/Imprint/Legal notice",
        "needs": "needs ≥ {percent}%",
        "pages-share": "{linked} of {rated} pages ({percent}%)",
        # explanations
        "not-german": "No Impressum found; it is required for German sites (site language: {language}).",
        "unknown-language": "unknown",
        "no-impressum": (
            "No Impressum found: none of the {pages} pages links to a page called Impressum, Imprint or Legal notice."
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
    }

    def blocker(self, outcome: Outcome, site: SiteData, pages: Sequence[PageOutcome] = ()) -> Message | None:
        """A blocker when a German site has no Impressum at all (none linked, none crawled); an
        incomplete or hard-to-reach one is a finding like any other."""
        explanation = outcome.explanation
        if outcome.state == "fail" and isinstance(explanation, Message) and explanation.id == "impressum.no-impressum":
            return self.msg("blocker-missing")
        return None

    def evaluate(self, site: SiteData) -> Outcome:
        targets = linked_targets(site, is_impressum_link)
        all_pages = [p.final_url or p.url for p in site.html_pages]
        if not targets:
            for url in all_pages:  # crawled (e.g. from the sitemap) but linked from nowhere
                if lx.IMPRESSUM_URL_RE.search(url_path(url)):
                    targets[url] = LinkedTarget(url, record=site.page(url))
        target = best_target(targets)
        if target is None:
            language = site_language(site)
            if language != "de":
                return Outcome(
                    "not_applicable",
                    explanation=self.msg("not-german", language=language or self.msg("unknown-language")),
                )
            return Outcome(
                "fail",
                0.0,
                self.msg("no-impressum", pages=len(all_pages)),
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
                    Evidence(url=home_url(site), element="a[href*=impressum]", note=self.msg("no-link-anywhere"))
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
        rows = impressum_elements(text)
        share_found = element_share(rows)
        score = round(0.5 * reach + 0.5 * share_found, 4)
        missing = _missing(rows)
        outdated = next((r for r in rows if is_outdated_basis(r)), None)
        required = [r for r in rows if r["required"]]
        found = sum(1 for r in required if r["found"] and r is not outdated)
        parts = [
            self.msg("at", url=target.url, reach=reach_text),
            self.msg("elements-found", found=found, required=len(required) - (1 if outdated else 0)),
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
        if share >= REACHABLE_SHARE and not missing and not outdated:
            state = "pass"
        elif score < 0.5:
            state = "fail"
        else:
            state = "warn"
        affected = ([target.url] if missing or outdated else []) + unlinked
        return Outcome(state, score, explanation, [linked_row, *rows], evidence + page_evidence, affected)
