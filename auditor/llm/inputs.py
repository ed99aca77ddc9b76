"""What a brief is built from: one weak cluster or weak page plus the site's context.

Everything here comes from the crawl and the scores; crawled text stays raw here and is delimited
and declared as data only when the prompt is built (`auditor.llm.prompt`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urljoin, urlsplit

from auditor.llm.grounding import (
    MIN_CLUSTER_PAGES,
    Excerpt,
    Opportunity,
    editorial,
    experts_for,
    material_hints,
    mine_questions,
    money_links,
    opportunity,
    people,
    template_questions,
    unsourced_figures,
)
from scoring.core.lexicons import guess_language
from scoring.core.records import PageRecord
from scoring.core.results import AuditResult, Cluster, LinkSuggestion
from scoring.core.text import excerpt
from scoring.labels import template_lines
from scoring.pagetypes import classify
from scoring.site import is_article, jsonld_types

# Findings a deeper article fixes: depth and evidence on the page itself (links come as context).
WEAK_CHECKS = frozenset(
    {
        "thin-content",
        "statistics",
        "outbound-citations",
        "attributed-quotes",
        "author-byline",
        "near-duplicates",
        "heading-structure",
        "content-dates",
        "internal-pagerank",
        "click-depth",
        "orphan-pages",
    }
)
EXCERPT_CHARS = 240  # per page: enough to see the topic; small models copy longer excerpts into headings
MAX_PAGES_PER_BRIEF = 4
MAX_STRONG_PAGES = 4
_ABOUT = re.compile(r"/(ueber-uns|uber-uns|about|about-us|unternehmen|wir|company)/?$", re.I)
_NO_LINK_SOURCE = frozenset({"legal", "contact", "listing"})
_TITLE_SPLIT = re.compile(r"(?<!\s)\s+[|–—·•:-]\s+")


@dataclass(frozen=True)
class Finding:
    check_id: str
    title: str  # the failure title ("Article shows no statistics")
    evidence: str = ""  # what the check saw on this page (excerpt or note)


@dataclass(frozen=True)
class PageInput:
    url: str
    title: str
    words: int
    headings: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    excerpt: str = ""


@dataclass(frozen=True)
class StrongPage:
    url: str
    title: str
    words: int


@dataclass(frozen=True)
class BriefInput:
    site_name: str
    site_url: str
    language: str  # "de" or "en": the language the brief is written in
    audience_hints: list[str]
    topic: str  # cluster label or the weak page's title
    pages: list[PageInput]
    strong_pages: list[StrongPage]
    allowed_urls: frozenset[str]  # every crawled HTML URL: the only URLs a brief may name
    cluster_id: int | None = None
    # grounding (auditor.llm.grounding): all of it found on the site
    questions: list[str] = field(default_factory=list)  # the site's own questions on the topic
    experts: list[str] = field(default_factory=list)  # named people of the site to quote
    people_found: bool = False  # the crawl found any named person at all
    figures: list[Excerpt] = field(default_factory=list)  # figures without a named source
    material: list[Excerpt] = field(default_factory=list)  # original material the pages hint at
    merge: list[str] = field(default_factory=list)  # near-duplicate members to merge and redirect
    opportunity: Opportunity | None = None
    template_headings: frozenset[str] = frozenset()  # normalised headings of the site's template ("Share")

    @property
    def target_urls(self) -> list[str]:
        return [p.url for p in self.pages]


def _url(page: PageRecord) -> str:
    return page.url


def _title(page: PageRecord) -> str:
    title = (page.title or "").strip()
    if not title:
        h1 = next((h.text for h in page.headings if h.level == 1), "")
        title = h1 or urlsplit(page.url).path
    return _TITLE_SPLIT.split(title, maxsplit=1)[0].strip() or title


def site_name(home: PageRecord | None, root_url: str) -> str:
    if home is not None:
        for item in home.structured_data:
            types = jsonld_types(item)
            if types & {"organization", "localbusiness", "corporation"} or any(t.endswith("business") for t in types):
                name = item.get("name")
                if isinstance(name, str) and name.strip():
                    return name.strip()
        if home.title:
            parts = [p.strip() for p in _TITLE_SPLIT.split(home.title) if p.strip()]
            if parts:
                return min(parts, key=len) if len(parts) > 1 else parts[0]
    return urlsplit(root_url).hostname or root_url


def _audience_hints(home: PageRecord | None, about: PageRecord | None) -> list[str]:
    hints: list[str] = []
    for page in (home, about):
        if page is None:
            continue
        if page.meta_description:
            hints.append(excerpt(page.meta_description, 200))
        if page.main_text:
            hints.append(excerpt(page.main_text, 200))
    return hints


def _findings(result: AuditResult) -> dict[str, list[Finding]]:
    by_url: dict[str, list[Finding]] = {}
    for check in result.checks:
        if check.id not in WEAK_CHECKS:
            continue
        for outcome in check.pages:
            if outcome.state not in ("fail", "warn"):
                continue
            seen = next((e.excerpt or e.note for e in outcome.evidence if e.excerpt or e.note), None)
            evidence = excerpt(seen or outcome.reason, 200)
            by_url.setdefault(outcome.url, []).append(Finding(check.id, check.failure_title, evidence))
    return by_url


def _page_input(page: PageRecord, findings: list[Finding]) -> PageInput:
    headings = [h.text.strip() for h in page.headings if h.level in (2, 3) and h.text.strip()][:8]
    return PageInput(
        url=_url(page),
        title=_title(page),
        words=page.word_count,
        headings=headings,
        findings=findings,
        excerpt=excerpt(page.main_text, EXCERPT_CHARS),
    )


def _language(result: AuditResult, pages: list[PageRecord]) -> str:
    lang = (result.language or "").lower()[:2]
    if lang in ("de", "en"):
        return lang
    guessed = guess_language(" ".join(p.main_text[:500] for p in pages[:10]))
    return guessed or "en"


def gather_inputs(result: AuditResult, records: list[PageRecord], max_briefs: int = 5) -> list[BriefInput]:
    """One input per brief: the weakest clusters when clustering ran, else the weakest articles."""
    html = [p for p in records if p.ok]
    if not html or max_briefs <= 0:
        return []
    by_url = {p.url: p for p in html}
    root = result.site
    home = by_url.get(root) or html[0]
    about_page = next((p for p in html if _ABOUT.search(urlsplit(p.url).path)), None)
    findings = _findings(result)
    summaries = {s.url: s for s in result.pages}
    nodes = {n.url: n for n in result.insights.graph_nodes}
    starved = {url for url, node in nodes.items() if node.starved}
    language = _language(result, html)

    # What every brief shares is made when the first brief needs it, once (`cache`): a site without a weak
    # cluster or weak page reads no page text for briefs (issue 19: people() alone read every page's text,
    # 8 of the 10 CPU s the briefs took for 5,000 generated pages that get no brief).
    @cache
    def base() -> dict:
        return {
            "site_name": site_name(home, root),
            "site_url": root,
            "language": language,
            "audience_hints": _audience_hints(home, about_page),
            "allowed_urls": frozenset(by_url),
            "template_headings": template_lines({p.url: "\n".join(h.text for h in p.headings) for p in html}),
        }

    @cache
    def sources() -> tuple[list[PageRecord], dict[str, set[str]]]:
        """Strong content pages that may carry an article link (never legal, contact or listing pages: a
        privacy policy is no place for one), and the topic words of each."""
        link_sources = [
            p
            for p in html
            if not findings.get(p.url)
            and p.word_count >= 300
            and p.url != home.url
            and classify(p).kind not in _NO_LINK_SOURCE
        ]
        link_sources = [p for p in link_sources if editorial(p)]  # never a noindex, tag, archive or legal page
        words = {p.url: _keywords(" ".join([_title(p), *(h.text for h in p.headings)])) for p in link_sources}
        return link_sources, words

    def strong_pages(exclude: set[str], preferred: list[str], topic: str) -> list[StrongPage]:
        """Pages to link from: the cluster's strongest and hub first, then on-topic link sources."""
        link_sources, source_words = sources()
        topic_words = _keywords(topic)

        def strength(page: PageRecord) -> tuple[int, float, int]:
            node = nodes.get(page.url)
            summary = summaries.get(page.url)
            link = node.link_score if node and node.link_score is not None else 0.0
            score = summary.score if summary and summary.score is not None else 0.0
            return (len(topic_words & source_words[page.url]), score + link, page.word_count)

        candidates = [p for p in link_sources if p.url not in exclude]
        ranked = [by_url[u] for u in preferred if u in by_url and u not in exclude and editorial(by_url[u])]
        ranked += sorted(candidates, key=strength, reverse=True)
        unique: dict[str, PageRecord] = {}
        for page in ranked:
            unique.setdefault(page.url, page)
        return [StrongPage(p.url, _title(p), p.word_count) for p in list(unique.values())[:MAX_STRONG_PAGES]]

    # Off-topic clusters (Christmas greetings, the summer party) need no deeper article: skip them; nor do
    # help, docs, release notes, legal text and archives (not editorial), nor clusters under three pages
    # unless a service page is among them or links to them.
    off_topic = set(result.insights.off_topic_urls)
    ok_pages = {u: p for u, p in by_url.items() if editorial(p)}
    found_people = cache(lambda: people(result, html))
    asked_everywhere = cache(lambda: template_questions(list(ok_pages.values())))
    weak_urls = {u for u, fs in findings.items() if {f.check_id for f in fs} & EVIDENCE_CHECKS}
    link_score = {u: n.link_score or 0.0 for u, n in nodes.items()}
    money = cache(lambda: money_links(html))
    ranked: list[tuple[float, Cluster, list[PageRecord]]] = []
    for cluster in result.insights.clusters:
        members = [ok_pages[u] for u in cluster.urls if u in ok_pages and u not in off_topic]
        if len(members) * 2 <= len(cluster.urls):
            continue
        chance = opportunity(cluster, ok_pages, money(), weak_urls, link_score)
        if len(members) < MIN_CLUSTER_PAGES and not chance.service_tie:
            continue
        ranked.append((chance.score, cluster, members))
    ranked.sort(key=lambda item: (-item[0], item[1].id))
    inputs: list[BriefInput] = []
    if result.insights.clusters:
        chosen: list[tuple[Cluster, list[PageRecord]]] = []
        covered: set[str] = set()  # translation keys of the chosen clusters' pages
        for _, cluster, members in ranked:
            if len(chosen) >= max_briefs:
                break
            spoken = _cluster_language(members, summaries, "")
            if language in BRIEF_LANGUAGES and spoken and spoken not in BRIEF_LANGUAGES:
                continue  # a Spanish cluster of a German or English site: no brief we could write in its language
            keys = [translation_keys(p) for p in members]
            if sum(bool(k & covered) for k in keys) * 2 > len(keys):
                continue  # the translation of a topic already briefed ("Crowdfunding" in German and English)
            covered.update(*keys)
            chosen.append((cluster, members))
        for cluster, members in chosen:
            # the pages about the label first (a large news cluster mixes topics), then the weakest
            about = _keywords(topic_phrase(cluster.label, language))
            members.sort(
                key=lambda p: (
                    not about & _keywords(" ".join([_title(p), *(h.text for h in p.headings)])),
                    -len(findings.get(p.url, [])),
                    p.word_count,
                    p.url,
                )
            )
            pages = [_page_input(p, findings.get(p.url, [])) for p in members[:MAX_PAGES_PER_BRIEF]]
            preferred = [u for u in (cluster.strongest_url, cluster.hub_url) if u]
            topic = topic_phrase(cluster.label, language)
            inputs.append(
                BriefInput(
                    topic=cluster.label,
                    pages=pages,
                    cluster_id=cluster.id,
                    strong_pages=strong_pages(
                        {p.url for p in pages}, preferred, " ".join([cluster.label, *(p.title for p in pages)])
                    ),
                    **_grounding(
                        members, list(ok_pages.values()), topic, found_people(), result, findings, asked_everywhere()
                    ),
                    opportunity=opportunity(cluster, ok_pages, money(), weak_urls, link_score),
                    **{**base(), "language": _cluster_language(members, summaries, language)},
                )
            )
        return inputs
    weak = [
        p
        for p in html
        if (is_article(p) or p.url in starved) and findings.get(p.url) and p.url not in off_topic and editorial(p)
    ]
    # Pages with substance but missing evidence first: they are real topics worth deepening.
    weak.sort(key=lambda p: (p.word_count < 250, -len(findings[p.url]), -p.word_count, p.url))
    for page in weak[:max_briefs]:
        pages = [_page_input(page, findings[page.url])]
        inputs.append(
            BriefInput(
                topic=_title(page),
                pages=pages,
                strong_pages=strong_pages({page.url}, [], _title(page)),
                **_grounding(
                    [page], list(ok_pages.values()), _title(page), found_people(), result, findings, asked_everywhere()
                ),
                **base(),
            )
        )
    return inputs


BRIEF_LANGUAGES = ("de", "en")  # the languages the builder writes
_LANGUAGE_SEGMENT = re.compile(r"^/[a-z]{2}(?:[-_][a-zA-Z]{2})?(?=/)")


def translation_keys(page: PageRecord) -> set[str]:
    """What a page and its translations share: its hreflang alternates and its path without a leading
    language segment ("/de/news/x/" and "/en/news/x/" are one article in two languages)."""
    path = urlsplit(page.final_url or page.url).path
    keys = {"path:" + _LANGUAGE_SEGMENT.sub("", path)}
    keys |= {"url:" + h.url for h in page.hreflang}
    return keys | {"url:" + (page.final_url or page.url)}


def _cluster_language(members: list[PageRecord], summaries: dict, fallback: str) -> str:
    """The language the cluster's pages are written in (an English cluster on a German site gets an English
    brief). Without a fallback, a language the builder does not write is returned when most pages are in it."""
    found = Counter(summaries[p.url].language for p in members if p.url in summaries and summaries[p.url].language)
    if found and not fallback:
        top, count = found.most_common(1)[0]
        if top[:2] not in BRIEF_LANGUAGES and count * 2 > len(members):
            return top[:2]
    lang = next((lang for lang, _ in found.most_common() if lang in BRIEF_LANGUAGES), None)
    return lang or fallback


EVIDENCE_CHECKS = frozenset({"statistics", "outbound-citations", "attributed-quotes", "author-byline"})


def _grounding(
    members: list[PageRecord],
    related: list[PageRecord],
    topic: str,
    found_people,  # noqa: ANN001 - Counter of names
    result: AuditResult,
    findings: dict[str, list[Finding]],
    template: frozenset[str] = frozenset(),
) -> dict:
    """What the brief can name from the crawl: questions, people, unsourced figures, material, merges."""
    urls = {p.url for p in members}
    return {
        "questions": mine_questions(members, [p for p in related if p.url not in urls], _keywords(topic), 6, template),
        "experts": experts_for(members, found_people),
        "people_found": bool(found_people),
        "figures": unsourced_figures(result, urls, titles={p.url: _title(p) for p in members}),
        "material": material_hints(members),
        "merge": [u for u in sorted(urls) if any(f.check_id == "near-duplicates" for f in findings.get(u, []))],
    }


def _keywords(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) >= 5 and not w.isdigit()}


def topic_phrase(topic: str, language: str) -> str:
    """A readable topic: "Balkonkraftwerk oder Dachanlage? Der Vergleich" -> "Balkonkraftwerk oder Dachanlage";
    cluster labels "Photovoltaik · Haus · Speicher" -> "Photovoltaik, Haus und Speicher"."""
    # the cluster's language tag (scoring.clusters.merge_clusterings)
    topic = re.sub(r"(?<!\s)\s*\([a-z]{2}\)$", "", topic)
    text = re.split(r"[:?!|–—]", topic)[0].strip() or topic.strip()
    keywords = [k.strip() for k in text.split("·") if k.strip()]
    if len(keywords) > 1:
        text = ", ".join(keywords[:-1]) + (" und " if language == "de" else " and ") + keywords[-1]
    return text


def crawl_links(item: BriefInput, anchor: str) -> list[LinkSuggestion]:
    """Links to set for a brief, from the crawl only: the strong pages link to the brief's first page."""
    if not item.pages or not anchor:
        return []
    reason = "starke Seite" if item.language == "de" else "strong page"
    target = item.pages[0].url
    return [
        LinkSuggestion(source=s.url, target=target, anchor=anchor, reason=reason)
        for s in item.strong_pages[:3]
        if s.url != target
    ]


def resolve_url(raw: str, allowed: frozenset[str], base: str) -> str | None:
    """The crawled URL a model meant (relative paths and a missing trailing slash are forgiven), else None."""
    text = (raw or "").strip()
    if not text or any(c.isspace() for c in text):
        return None
    absolute = urljoin(base, text)
    for candidate in (absolute, absolute.rstrip("/") + "/", absolute.rstrip("/")):
        if candidate in allowed:
            return candidate
    return None
