"""outbound-citations: articles link to the authoritative sources they rely on.

A citation is judged by what it is, not by its host alone (the `citations` definition of
docs/signals.md): an external link in the main content (its region, `Link.position`, set at crawl
time by `spiders.extract.link_position`, and its anchor standing in the page's main text) to a page
that backs the text. Left out, by its address (`scoring.citation_rules`): the site's own other domains,
subdomains and accounts, social profiles, share buttons, maps, shops and app stores, booking and
sign-up pages, podcast and donation platforms, petitions, template credits, local addresses; by its
anchor: calls to action ("Jetzt Termin buchen", "Get it on Amazon", "tickets ... here") and credits ("Icons by
..."); by the page: its parent company and other sites (also as named in its JSON-LD Organization), the
thing it presents (the name its H1 opens with), a row of shops, the pointer to an offer's details
("Weitere Infos ... unter:"). The site's own documentation on a code host (wiki, release notes) is a
document the text refers to and counts.
A link standing alone on its line (a button, a logo, a list of partners) counts only under a
sources heading ("Quellen", "Further reading") or when its host is a strong source; a link in
running text counts unless one of the rules above says otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from scoring import citation_anchors as ca
from scoring import citation_rules as cr
from scoring.citation_sources import client_entry, source_entry
from scoring.citation_text import MainTextLines
from scoring.core import lexicons as lx
from scoring.core.memo import last_page
from scoring.core.messages import Message, join
from scoring.core.records import Link, PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.core.text import excerpt
from scoring.pagetypes import classify
from scoring.registry import ArticleCheck, register
from scoring.site import SiteData
from scoring.site_identity import (
    Identity,
    embedded_video,
    own_property,
    property_key,
    site_identity,
    template_properties,
)
from scoring.site_relations import circle, link_target

MAX_EVIDENCE = 12  # citations listed per page (each with its anchor text)
# A line with at least this many words besides the anchor is running text.
RUNNING_TEXT_WORDS = 3


@dataclass(frozen=True)
class Verdict:
    """One external link of the main content and what it was judged to be."""

    link: Link
    citation: bool
    reason: Message  # why it is or is not a citation ("source: destatis.de", "social profile", ...)
    source: str | None = None  # the strong-source list entry of its host, if any
    sentence: str | None = None  # a citation's sentence in the main text: the statement it backs


_BULLET_START = re.compile(r"^[\W_]+")
HEADLINE_WORDS = 3
HEADLINE_EXTRA_WORDS = 8
_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+/\S+$", re.IGNORECASE)


def authority_entry(url: str, client_domains: tuple[str, ...] = ()) -> str | None:
    """What makes a link's target authoritative: an entry of the client's own strong sources or of
    the built-in list (scoring.core.lexicons.AUTHORITATIVE_DOMAINS); None when neither holds it."""
    return client_entry(url, client_domains) or lx.authoritative_entry(url)


def external_content(link: Link) -> bool:
    """A link the judge looks at: external http(s), in the main content region."""
    return not link.internal and link.position == "content" and link.url.lower().startswith(("http://", "https://"))


@last_page  # the check, then the page's signals: judged once per page
def judge_links(page: PageRecord, site: SiteData | None = None) -> list[Verdict]:
    """Every external http(s) link in the main content region, each with its verdict. `site` adds what
    the page alone does not say: the client's own strong sources (config `source_domains`) and the
    hosts the crawl treated as the site."""
    external = [(index, _unwrapped(link)) for index, link in enumerate(page.links) if external_content(link)]
    if not external:  # nothing to judge: no need to align the main text with every content link (issue 19)
        return []
    if _job_advert(page):  # a vacancy's links lead to applying (a form, the job description), not to sources
        return [Verdict(link, False, OutboundCitations.msg("job-advert")) for _, link in external]
    client_domains = site.source_domains if site is not None else ()
    identity = site_identity(page, site.artifacts.host_aliases if site is not None else ())
    # what the template promotes, and the site's circle: its projects, partners, supporters (scoring.site_relations)
    template = template_properties(page) | circle(site)
    text = MainTextLines(page)
    kind = classify(page).kind
    # a listing's teasers are other pages'; so are the whole posts a home page shows (its own news items are its)
    listing = "listing" if kind == "listing" else "whole-posts" if kind == "home" else ""
    shop_rows = _shop_rows(external, text)
    # "Read more" buttons to several organisations: a directory of members or partners, each button where to go
    directory = len({urlsplit(link.url).hostname for _, link in external if _read_more(link.anchor)}) >= 2
    template = template | _subject_properties(page, external)
    verdicts = []
    for index, link in external:
        line = text.line_of.get(index)
        shop_row = line in shop_rows
        verdict = _judge(
            link, page, identity, template, text, line, listing, client_domains, shop_row, directory, kind == "legal"
        )
        if verdict.citation and line is not None:
            verdict = replace(verdict, sentence=text.context(line, link.anchor))
        verdicts.append(verdict)
    return verdicts


# A line holding at least this many shop links (and more shops than other links) is a row of shops.
SHOP_ROW_LINKS = 2


# The name a page is about stands first in its H1, before a comma, colon, dash or bracket.
_SUBJECT_END = re.compile(r"[,:;|–—(]|\s-\s")


# A vacancy's title: "We're hiring!", "Join our team", "Stellenausschreibung: …", "Entwickler (m/w/d)".
_JOB_TITLE = re.compile(
    r"(?<![\w-])(?i:we(?:'re|’re|[ \t]are)[ \t]hiring|join[ \t](?:our|the)[ \t]team|job[ \t]opening|vacanc(?:y|ies)|"
    r"stellenangebot|stellenausschreibung|stellenanzeige|wir[ \t]stellen[ \t]ein|wir[ \t]suchen)(?![\w-])|"
    r"\((?i:[mwfd]/[mwfd]/[dxi\*])\)"
)


# A person's page on another site: "/people/our-faculty/sjp2154", "/fellows/tiffiniy-cheng", "/team/jana-roth/".
_PERSON_PAGE = re.compile(
    r"/(?:people|persons?|faculty|our-faculty|staff|team|fellows?|profiles?|profil|mitarbeiter(?:innen)?|personen)"
    r"/[^/?#]++/?$|/[^/?#]*person(?:en)?-?(?:detail|profil)[^/?#]*$",
    re.IGNORECASE,
)
# Another organisation's privacy policy, terms or cookie policy, linked by their generic name.
_POLICY_ANCHOR = re.compile(
    r"(?:(?i:the)[ \t])?(?:(?<![\w.&-])[A-Z][\w.&-]*+[ \t]){0,2}"  # "the Mollom privacy policy": whose it is
    r"(?i:(?:privacy[ \t]policy|terms(?:[ \t]of[ \t](?:service|use))?|cookie[ \t]policy|"
    r"datenschutzerklärung|datenschutzhinweise|nutzungsbedingungen|agb))"
)
_POLICY_PAGE = re.compile(
    r"/(?:[\w-]*privacy[\w-]*|[\w-]*datenschutz[\w-]*|[\w-]*polic(?:y|ies)|terms[\w-]*|cookie[\w-]*|agb|"
    r"nutzungsbedingungen)(?:/|$|\.)",
    re.IGNORECASE,
)


def _place_anchor(anchor: str) -> bool:
    return bool(_BARE_URL.match(anchor) or ca.PLACE_WORD.search(anchor))


def _job_advert(page: PageRecord) -> bool:
    h1 = next((h.text for h in page.headings if h.level == 1), "")
    return bool(_JOB_TITLE.search(h1) or _JOB_TITLE.search(page.title or ""))


def _unwrapped(link: Link) -> Link:
    """The link as it leads: through a redirect service to its target."""
    target = link_target(link.url)
    return link if target == link.url else link.model_copy(update={"url": target})


def _subject_properties(page: PageRecord, external: list[tuple[int, Link]]) -> frozenset[str]:
    """Properties of what the page presents: a link whose anchor is the name the H1 opens with ("inki, the
    e-paper display for ...", "Acme: ..."), and every other link to the same property. The thing presented
    is promoted, not cited."""
    h1 = next((h.text for h in page.headings if h.level == 1), "")
    parts = _SUBJECT_END.split(h1, maxsplit=1)
    name = cr.squash(parts[0])
    if len(parts) < 2 or len(name) < 3:
        return frozenset()
    return frozenset(
        property_key(link.url) for _, link in external if cr.squash(link.anchor) == name and not source_entry(link.url)
    )


def _shop_rows(external: list[tuple[int, Link]], text: MainTextLines) -> set[int]:
    """Lines of the main text whose external links are mostly shops: "erhältlich bei Verlag, Amazon, Thalia"."""
    shops: dict[int, int] = {}
    others: dict[int, int] = {}
    for index, link in external:
        line = text.line_of.get(index)
        if line is None:
            continue
        counts = shops if cr.non_source_kind(link.url) == "shop" else others
        counts[line] = counts.get(line, 0) + 1
    return {line for line, n in shops.items() if n >= SHOP_ROW_LINKS and n > others.get(line, 0)}


def _read_more(anchor: str) -> bool:
    """A "Read more" button, not one to the original of an excerpt ("Read the full article")."""
    anchor = " ".join(anchor.split())
    return bool(cr.READ_MORE.fullmatch(anchor)) and not cr.ORIGINAL_ANCHOR.fullmatch(anchor)


def _judge(
    link: Link,
    page: PageRecord,
    identity: Identity,
    template: frozenset[str],
    text: MainTextLines,
    line: int | None,
    listing: str,
    client_domains: tuple[str, ...] = (),
    shop_row: bool = False,
    directory: bool = False,
    legal: bool = False,
) -> Verdict:
    def no(key: str) -> Verdict:
        return Verdict(link, False, OutboundCitations.msg(key))

    def yes(key: str, source: str | None) -> Verdict:
        reason = OutboundCitations.msg(key, source=source) if key == "strong-source" else OutboundCitations.msg(key)
        return Verdict(link, True, reason, source)

    kind = cr.non_source_kind(link.url)
    if kind:
        return no(kind)
    path = urlsplit(link.url).path
    if _PERSON_PAGE.search(path):
        return no("profile")  # a person's page at their employer ("/people/our-faculty/sjp2154"): who they are
    if not legal and _POLICY_PAGE.search(path) and _POLICY_ANCHOR.fullmatch(" ".join(link.anchor.split())):
        # "the Google Privacy Policy and Terms of Service apply" under a form; a privacy policy cites them
        return no("policy")
    if shop_row:
        # one of a row of shops ("Paperback at OUP, Amazon UK, Amazon.de"): where to buy, whoever sells
        return no("shop")
    # the site's own documentation, release notes or wiki on a code host is a document the text refers to
    if own_property(link.url, identity) and not (cr.account_of(link.url) and cr.DOCUMENT_PATH.search(link.url)):
        return no("own-property")
    if {"sponsored", "ugc"} & set(link.rel):
        return no("sponsored")
    authority = authority_entry(link.url, client_domains)
    source = source_entry(link.url, client_domains)
    document = cr.DOCS_PATH.search(link.url) or cr.DOCUMENT_PATH.search(path)
    if not source and property_key(link.url) in template and not document:
        return no("promoted")
    if embedded_video(link.url, page):
        return no("own-video")
    anchor = " ".join(link.anchor.split())
    if not anchor:
        return no("no-anchor")
    if cr.CREDIT_LINE.search(anchor):
        return no("credit")
    if (cr.EVENT_ANCHOR.search(anchor) and not document) or ca.SCHEDULE_ANCHOR.search(anchor):
        return no("event")  # an event's card, or a calendar of dates ("Termin-Übersicht"): where and when to go
    if line is None and ca.NAVIGATION_ANCHOR.fullmatch(anchor):
        return no("call-to-action")  # "Zur Personenseite" on a card beside the text: where to go
    if line is None and not text.measured:
        if (ca.CTA_ANCHOR.search(anchor) and not source) or ca.FORM_ANCHOR.search(anchor):
            return no("call-to-action")
        if cr.organisation_page(link.url) and not authority:
            return no("organisation-home")
        return yes("strong-source" if source else "content-region", source)
    if line is None:
        # an image link (its alt as anchor) or a link outside the main text: only a strong source's
        # page (not its home page: a logo of a client or member)
        if source and not cr.organisation_page(link.url):
            return yes("strong-source", source)
        return no("outside-main-text")
    sentence = text.sentence(line, anchor)
    if (len(sentence.split()) <= cr.CREDIT_LINE_WORDS and cr.CREDIT_LINE.search(sentence)) or cr.LICENCE_LINE.search(
        sentence
    ):
        return no("credit")
    if cr.PARTNER_PHRASE.search(sentence.partition(anchor.casefold())[0]) and not authority:
        return no("partner")
    # a press review lists other sites' articles by their linked headline; a teaser's link sits inside its excerpt
    # a listing's teasers, or the whole posts a home page or a listing shows ("nothing inside the posts counts")
    teaser = listing != "" and (
        (listing == "listing" and (text.in_teaser(line) or text.in_listed_post(line))) or text.in_whole_post(line)
    )
    if teaser and not _headline(text, line, anchor):
        return no("teaser")
    if (ca.CTA_ANCHOR.search(anchor) and not source) or ca.FORM_ANCHOR.search(anchor):
        return no("call-to-action")
    before = sentence.partition(anchor.casefold())[0]
    if not source and cr.DEICTIC_ANCHOR.fullmatch(anchor) and cr.CTA_SENTENCE.search(sentence):
        return no("call-to-action")  # "You can buy tickets here", "head over here and get in touch": where to act
    if not source and not document and _place_anchor(anchor) and ca.SIGN_UP.search(sentence):
        return no("call-to-action")  # "Anmeldung: https://…", "Infos und Anmeldung auf der Projektwebseite"
    if (lx.OWN_BEFORE_RE.search(before) or ca.OWN_ANCHOR.match(anchor)) and not document:
        # "the recording on our <a>YouTube channel</a>": the site's own; its documentation ("in unserem Wiki") stays
        return no("own-property")
    if not source and cr.HOMEPAGE_ANCHOR.search(anchor):
        return no("organisation-home")  # "<a>slkosova homepage</a>": the organisation, no source for a statement
    if not source and cr.MORE_INFO.search(before) and not cr.POLICY_PATH.search(urlsplit(link.url).path):
        return no("more-info")  # "Weitere Infos bietet der Veranstalter unter: URL": where to read on
    if cr.SOURCE_LABEL.search(text.before(line, anchor)):
        return yes("named-source", source)
    if text.under_sources(line):
        return yes("source-list", source)
    if not source and ca.boilerplate(text.raw, line):
        return no("promoted")  # a press release's "About Acme (www.acme.com)" paragraph: the company presents itself
    if not source and ca.company_name(anchor):
        return no("organisation-home")  # "von der Europastadt <a>GörlitzZgorcelec GmbH</a> zugearbeitet": who acted
    if directory and _read_more(anchor) and not text.extra_words(line, anchor):
        return no("more-info")
    if cr.organisation_page(link.url) and (
        not authority or cr.GO_TO_ANCHOR.match(anchor) or text.extra_words(line, anchor) < RUNNING_TEXT_WORDS
    ):  # "Zur TH Köln", "Advisory Board: University of Bristol": a way to the organisation, a roster's member
        return no("organisation-home")
    if ca.NAVIGATION_ANCHOR.fullmatch(anchor) and (cr.GO_TO_ANCHOR.match(anchor) or not text.extra_words(line, anchor)):
        return no("call-to-action")  # "Zur Personenseite", "Visit website", a "Website" button: where to go
    if source:
        return yes("strong-source", source)
    if text.extra_words(line, anchor) >= RUNNING_TEXT_WORDS:
        return yes("in-text", None)
    if _BARE_URL.match(anchor):
        return yes("written-address", None)
    if button := cr.button_citation(path, anchor, page.links):  # documentation, or the one original excerpted
        return yes(button, None)
    if text.announced_as_sources(line):
        return yes("source-list", None)
    return no("standing-alone")


def _headline(text: MainTextLines, line: int, anchor: str) -> bool:
    """The line opens with the linked headline, then only its date and outlet ("… March 18, 2016. USA Today")."""
    return (
        len(anchor.split()) >= HEADLINE_WORDS
        and _BULLET_START.sub("", text.lines[line]).startswith(anchor.casefold())
        and text.extra_words(line, anchor) <= HEADLINE_EXTRA_WORDS
    )


def citation_links(page: PageRecord, site: SiteData | None = None) -> list[Link]:
    """Links in the main content to external pages that support the text (see the module doc)."""
    return [v.link for v in judge_links(page, site) if v.citation]


def authoritative_hosts(page: PageRecord) -> list[str]:
    """Hosts (without www.) of authoritative sources linked from the main content, in order."""
    hosts = [lx.host_of(link.url) for link in citation_links(page) if lx.authoritative_entry(link.url)]
    return list(dict.fromkeys(hosts))


def _evidence(page: PageRecord, link: Link, note: Message | None, sentence: str | None = None) -> Evidence:
    """A link with its anchor text as the excerpt; a citation's note also quotes the sentence it backs."""
    if sentence and " ".join(sentence.split()) != " ".join(link.anchor.split()):
        backs = OutboundCitations.msg("backs", sentence=excerpt(sentence, 200))
        note = join([note, backs]) if note else backs
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
    weight = 3
    effort = "medium"
    remedy = "Cite and link authoritative sources (studies, standards, authorities) for your key claims."
    rule = (
        "external links in the running text of the main content (not nav, sidebar, footer, comments, "
        "share bars, own social profiles, the site's own properties) to authoritative domains (public "
        "bodies, universities, standards bodies, DOI, chambers IHK/HWK, research institutes; "
        "`scoring/core/lexicons.py` and `scoring/citation_rules.py`, extended per client by `[scoring] "
        "source_domains` in the config or batch file). pass: ≥ 1. warn: external content links, none "
        "authoritative. fail: none. The evidence lists each citation with its anchor text and the "
        "sentence it backs."
    )

    messages = {
        "authoritative-links": "{links} link(s) to authoritative sources ({hosts})",
        "authoritative": "authoritative ({entry})",
        "backs": "backs: “{sentence}”",
        "external-links": "{links} external link(s) in the text ({hosts}), none to an authoritative source",
        "reference": "reference, not an authority",
        "not-listed": "not on the list of authoritative sources",
        "not-a-citation": "not a citation: {reason}",
        "none": "no external link in the article text",
        "none-note": "no outbound citation",
        "element-main-content": "a[href] in main content",
        # why a link is a citation (Verdict.reason)
        "strong-source": "source: {source}",
        "content-region": "in the content region",
        "named-source": "named as the source",
        "source-list": "in a list of sources",
        "in-text": "in the text",
        "written-address": "the address of a document, written out",
        "documentation": "a page of documentation the text refers to",
        "original": "the original the page excerpts or summarises",
        # why a link is no citation: by its address (scoring.citation_rules.non_source_kind) ...
        "local-address": "local address",
        "share-button": "share button",
        "map": "map",
        "social-profile": "social profile",
        "profile": "profile",
        "shop": "shop or app store",
        "booking": "booking or sign-up",
        "platform": "platform, donation or petition",
        "credit": "credit",
        "download": "download",
        "media-file": "image or media file",
        "affiliate": "affiliate link",
        "ad": "an advertisement's click link",
        "embedded-media": "embedded media",
        "imprint": "another site's imprint (who runs it), no source for a statement",
        # ... and by what the page says around it
        "own-property": "the site's own property",
        "sponsored": "sponsored or user link",
        "promoted": (
            "promoted in the site's template, presented by the page or listed among the site's projects and "
            "partners (product, campaign, partner, supporter, parent company)"
        ),
        "own-video": "the page's own embedded video",
        "no-anchor": "no anchor text",
        "call-to-action": "call to action",
        "event": "an event's card (where to go), no source for a statement",
        "more-info": "a pointer to more information, no source for a statement",
        "organisation-home": "an organisation's home page (names it, supports no statement)",
        "outside-main-text": "outside the main text",
        "partner": "the site's partner, sponsor or parent company",
        "teaser": "in a teaser of another page (a listing's excerpt)",
        "job-advert": "in a job advert (where to apply), no source for a statement",
        "policy": "another organisation's privacy policy or terms, no source for a statement",
        "standing-alone": "a link standing alone (button, logo, link list)",
    }

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        client = site.source_domains
        verdicts = judge_links(page, site)
        cited = _distinct([v.link for v in verdicts if v.citation])
        backed = {v.link.url: v.sentence for v in reversed(verdicts) if v.citation}  # first sentence per URL
        authoritative = [(link, entry) for link in cited if (entry := authority_entry(link.url, client))]
        # the evidence lists each citation (distinct URL) with its anchor text; on a passing page the
        # other citations need no note
        evidence = [
            _evidence(
                page,
                link,
                self.msg("authoritative", entry=entry) if (entry := authority_entry(link.url, client)) else None,
                backed.get(link.url),
            )
            for link in cited
        ]
        if authoritative:
            hosts = list(dict.fromkeys(lx.host_of(link.url) for link, _ in authoritative))
            return PageOutcome(
                url=page.url,
                state="pass",
                reason=self.msg("authoritative-links", links=len(authoritative), hosts=", ".join(hosts[:3])),
                evidence=evidence[:MAX_EVIDENCE],
            )
        # external links of the text that are no citation (social profiles, shops, the site's own
        # properties, ...) still show the page links out: a warning, not a failure
        other = [v for v in verdicts if not v.citation and v.reason.id != f"{self.id}.share-button"]
        if cited or other:
            shown = cited or [v.link for v in other]
            hosts = list(dict.fromkeys(lx.host_of(link.url) for link in shown))
            evidence = [
                _evidence(
                    page,
                    link,
                    self.msg("reference") if lx.is_reference_domain(link.url) else self.msg("not-listed"),
                    backed.get(link.url),
                )
                for link in cited
            ] + [_evidence(page, v.link, self.msg("not-a-citation", reason=v.reason)) for v in other]
            return PageOutcome(
                url=page.url,
                state="warn",
                reason=self.msg("external-links", links=len(_distinct(shown)), hosts=", ".join(hosts[:3])),
                evidence=evidence[:MAX_EVIDENCE],
            )
        return PageOutcome(
            url=page.url,
            state="fail",
            reason=self.msg("none"),
            evidence=[Evidence(url=page.url, element=self.msg("element-main-content"), note=self.msg("none-note"))],
        )


def _distinct(links: list[Link]) -> list[Link]:
    """The first link to each URL, in page order."""
    first: dict[str, Link] = {}
    for link in links:
        first.setdefault(link.url, link)
    return list(first.values())
