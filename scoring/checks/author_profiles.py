"""author-profiles: bylines link to author or team pages that say who the expert is (bio, role, credentials)."""

from __future__ import annotations

from dataclasses import dataclass, field

from scoring.checks.author_byline import person_name
from scoring.checks.person_schema import present
from scoring.core import lexicons as lx
from scoring.core.jsonld import jsonld_nodes
from scoring.core.messages import Message, element
from scoring.core.records import PageRecord
from scoring.core.results import Evidence
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData, is_indexable, jsonld_types

MIN_BIO_WORDS = 25  # a profile needs a few sentences, not just a name and a photo
PASS_SHARE = 0.8
MAX_EVIDENCE = 20
PROFILE_SOURCES = ("rel-author", "itemprop", "byline-class", "byline-text", "byline")


@dataclass
class Profile:
    url: str
    record: PageRecord | None
    articles: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)

    def credentials(self) -> list[str]:
        if self.record is None:
            return []
        found = [m.group(0).strip() for m in lx.CREDENTIAL_RE.finditer(self.record.main_text)]
        for node in jsonld_nodes(self.record.structured_data):
            if "person" in jsonld_types(node):
                found += [
                    f"{prop} (schema)"
                    for prop in ("jobTitle", "hasCredential", "knowsAbout")
                    if present(node.get(prop))
                ]
        return list(dict.fromkeys(found))

    def verdict(self) -> tuple[bool, Message]:
        """(whether the profile shows expertise, why) — the note of its details row."""
        msg = AuthorProfiles.msg
        if self.record is None:
            return False, msg("not-crawled")
        if not self.record.ok:
            return False, msg("failed", status=str(self.record.status))
        credentials = self.credentials()
        words = self.record.word_count
        if words < MIN_BIO_WORDS:
            return False, msg("too-short", words=words)
        if not credentials:
            return False, msg("no-credentials")
        return True, msg("credentials", credentials=", ".join(credentials[:4]))


def own_hosts(site: SiteData) -> set[str]:
    hosts = {lx.host_of(site.artifacts.root_url)}
    return hosts | {h.lower().removeprefix("www.") for h in site.artifacts.host_aliases}


def byline_links(page: PageRecord, site: SiteData) -> list[tuple[str, str]]:
    """(profile URL, author name) for internal links attached to the visible byline or JSON-LD author."""
    links = []
    for signal in page.author_signals:
        if signal.url and (signal.visible and signal.source in PROFILE_SOURCES or signal.source == "json-ld"):
            url = site.resolve(signal.url)
            if url in site.by_url or lx.host_of(url) in own_hosts(site):
                links.append((url, person_name(signal.name) or signal.name))
    names = {person_name(s.name) for s in page.author_signals if s.visible} - {None}
    for link in page.links:  # a byline name linked without rel=author ("von <a href=/team/jana/>Jana</a>")
        # the byline may sit in the article's own header ("entry-header"): content or header links
        if link.internal and link.position in ("content", "header") and person_name(link.anchor) in names:
            links.append((site.resolve(link.url), person_name(link.anchor) or link.anchor))
    return list(dict.fromkeys(links))


def profiles(site: SiteData) -> tuple[dict[str, Profile], list[PageRecord], list[PageRecord]]:
    """Profiles linked from article bylines; articles with a visible author; those without a profile link."""
    found: dict[str, Profile] = {}
    authored, unlinked = [], []
    for page in site.articles:
        if not is_indexable(page) or not any(s.visible for s in page.author_signals):  # noindex: no advice
            continue
        authored.append(page)
        links = byline_links(page, site)
        if not links:
            unlinked.append(page)
        for url, name in links:
            profile = found.setdefault(url, Profile(url, site.page(url)))
            profile.articles.add(page.url)
            profile.names.add(name)
    return found, authored, unlinked


@register
class AuthorProfiles(Check):
    id = "author-profiles"
    title = "Bylines link to author pages with credentials"
    failure_title = "Bylines do not lead to author pages that show expertise"
    description = (
        "A name alone says little. Google's guidance asks whether readers can learn more about the "
        "author — an author or team page with a bio, role and qualifications (Dr., Prof., Meister, "
        "Ing., certified, sworn expert, years of experience) reached from the byline. It shows the "
        "experience and expertise behind the advice. Sources: Google Search Central, 'Creating "
        "helpful, reliable, people-first content' (Who); Google Search Quality Rater Guidelines (E-E-A-T)."
    )
    category = "expertise"
    weight = 2
    effort = "medium"
    remedy = "Link every byline to an author page showing qualifications, experience and contact."
    rule = (
        "the byline links (rel=author, author markup, a linked byline name, JSON-LD author url) to an "
        "internal profile page with ≥ 25 words and a credential: Dr., Prof., Dipl.-Ing., Ing., "
        "Meister/-in (also compounds), zertifiziert, Sachverständige/r, geprüft, staatlich, certified, "
        "chartered, licensed, \"15 Jahre Erfahrung\"/\"years of experience\", \"seit 2009\", or Person JSON-LD "
        "jobTitle/hasCredential/knowsAbout. Score = articles whose byline reaches such a profile / "
        "articles with a visible author; pass ≥ 80 %. Not applicable without visible authors."
    )
    scope = "site"
    requires = ("html",)
    columns = {"profile": "url", "authors": "text", "articles": "number", "ok": "number", "note": "message"}
    messages = {
        "no-author": "No article shows a visible author (see the check on author bylines).",
        "summary": (
            "{covered} of {authored} articles with a visible author link to a profile that shows credentials; "
            "{profiles} profile page(s) linked."
        ),
        "not-crawled": "profile page not crawled",
        "failed": "profile page failed (status {status})",
        "too-short": "profile has only {words} words: add a bio with role and experience",
        "no-credentials": "profile names no role, qualification or experience",
        "credentials": "credentials: {credentials}",
        "unlinked": "byline does not link to an author or team page",
    }

    def evaluate(self, site: SiteData) -> Outcome:
        found, authored, unlinked = profiles(site)
        if not authored:
            return Outcome("not_applicable", explanation=self.msg("no-author"))
        good_urls = {url for url, p in found.items() if p.verdict()[0]}
        covered = [page for page in authored if any(url in good_urls for url, _ in byline_links(page, site))]
        score = round(len(covered) / len(authored), 4)
        rows, evidence = [], []
        for url, profile in sorted(found.items()):
            ok, note = profile.verdict()
            rows.append(
                {
                    "profile": url,
                    "authors": ", ".join(sorted(profile.names)),
                    "articles": len(profile.articles),
                    "ok": ok,
                    "note": note,
                }
            )
            evidence.append(
                Evidence(url=url, element=element("author-page"), excerpt=", ".join(sorted(profile.names)), note=note)
            )
        for page in unlinked[:MAX_EVIDENCE]:
            name = next((person_name(s.name) or s.name for s in page.author_signals if s.visible), "")
            evidence.append(Evidence(url=page.url, element=element("byline"), excerpt=name, note=self.msg("unlinked")))
        state = "pass" if score >= PASS_SHARE else ("warn" if covered else "fail")
        explanation = self.msg("summary", covered=len(covered), authored=len(authored), profiles=len(found))
        affected = sorted({p.url for p in authored if p not in covered})
        return Outcome(state, score, explanation, rows, evidence[: MAX_EVIDENCE * 2], affected_urls=affected)
