"""llms-txt: informative validation of /llms.txt (llmstxt.org); weight 0, never scored.

Present: checks the structure the proposal asks for — one H1 (the site or project name) as the
first line, an optional blockquote summary, H2 sections holding Markdown lists of
`[name](url): notes` links, an optional `## Optional` section — and whether the internal links
lead to pages the crawl found. Absent: not applicable, because answer engines barely fetch it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from scoring.core.messages import Message, element, join, sentences
from scoring.core.results import Evidence
from scoring.core.text import excerpt
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData

_H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$")
_H2 = re.compile(r"^##[ \t]+(.+?)[ \t#]*$")
_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_LIST_ITEM = re.compile(r"^\s*[-*+]\s+(.*)$")
_MARKDOWN_FILE = re.compile(r"\.(?:md|markdown|txt)$", re.IGNORECASE)
MAX_EVIDENCE = 20


@dataclass
class LlmsTxt:
    h1: list[tuple[int, str]] = field(default_factory=list)  # (line number, text)
    first_line: int = 0
    summary: str | None = None
    sections: list[str] = field(default_factory=list)
    links: list[tuple[str, str, str | None]] = field(default_factory=list)  # (name, href, section)
    bare_items: list[str] = field(default_factory=list)  # list items in sections without a link


def parse(text: str) -> LlmsTxt:
    doc = LlmsTxt()
    section: str | None = None
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip():
            continue
        if not doc.first_line:
            doc.first_line = number
        if h1 := _H1.match(line):
            doc.h1.append((number, h1.group(1)))
            continue
        if h2 := _H2.match(line):
            section = h2.group(1)
            doc.sections.append(section)
            continue
        if line.lstrip().startswith(">") and section is None:
            quoted = line.lstrip()[1:].strip()
            doc.summary = f"{doc.summary} {quoted}".strip() if doc.summary else quoted
            continue
        links = _LINK.findall(line)
        doc.links.extend((name, href, section) for name, href in links)
        item = _LIST_ITEM.match(line)
        if item and section is not None and not links:
            doc.bare_items.append(item.group(1).strip())
    return doc


@register
class LlmsTxtCheck(Check):
    id = "llms-txt"
    title = "llms.txt is well-formed"
    failure_title = "llms.txt has structural problems"
    description = (
        "/llms.txt is a proposed Markdown file that gives language models a curated map of a "
        "site: an H1 with the name, a blockquote summary and H2 sections of links. Shown for "
        "information only and weighted 0: answer engines barely fetch it (server logs show "
        "next to no requests by AI crawlers) and Lighthouse treats a missing file as not "
        "applicable. Sources: llmstxt.org (Jeremy Howard, 2024); server-log counts published by a "
        "plugin maintainer (docs/sources.md §4)."
    )
    category = "technical"
    weight = 0
    effort = "low"
    remedy = "Optional: publish /llms.txt with a short description and links to your key pages."
    rule = (
        "informative: `/llms.txt` validated (H1, summary, link sections); not applicable when absent."
    )
    scope = "site"
    columns = {"aspect": "message", "value": "text", "ok": "number"}
    messages = {
        "not-requested": "Not measured: /llms.txt was not requested.",
        "absent": (
            "/llms.txt is not present — answer engines barely fetch it; not required (one plugin maintainer saw 0 "
            "fetches by 57 AI crawlers in about 5 million log lines)."
        ),
        "server-error": "/llms.txt could not be fetched (HTTP {status}).",
        "soft-404": "/llms.txt answers with an HTML page (a soft 404), not Markdown.",
        "found-named": "/llms.txt found: “{name}”, {sections} section(s), {links} link(s).",
        "found": "/llms.txt found: {sections} section(s), {links} link(s).",
        "problems": "Problems: {problems}.",
        "well-formed": "It follows the llmstxt.org format.",
        "informative": "Informative only (weight 0): answer engines barely fetch llms.txt.",
        # problems
        "no-h1": "no H1 (required)",
        "h1-not-first": "the H1 is not the first line",
        "many-h1": "{count} H1 headings (exactly one expected)",
        "no-sections": "no H2 sections with links",
        "no-links": "no links",
        "bare-items": "{count} list item(s) without a [name](url) link",
        "unresolved": "{unresolved} of {checked} internal page link(s) do not lead to a crawled page",
        # details rows
        "aspect-h1": "H1 (required)",
        "aspect-summary": "summary blockquote (optional)",
        "aspect-sections": "H2 sections",
        "aspect-optional": "Optional section",
        "aspect-links": "links",
        "aspect-internal": "internal links",
        "aspect-external": "external links",
        "aspect-markdown": "Markdown companion links (not checked)",
        "aspect-resolving": "internal links resolving to crawled pages",
        "aspect-problems": "problems",
        "resolving": "{resolving} of {checked}",
        "no-problems": "none",
        # evidence notes
        "note-not-crawled": "not a crawled page",
        "note-no-link": "no link",
    }

    def evaluate(self, site: SiteData) -> Outcome:
        artifacts = site.artifacts
        status = artifacts.llms_txt_status
        body = artifacts.llms_txt or ""
        if status is None and not body:
            return Outcome("not_applicable", explanation=self.msg("not-requested"))
        absent = self.msg("absent")
        if status is not None and status >= 500:
            failed = self.msg("server-error", status=str(status))
            return Outcome("not_applicable", explanation=sentences([failed, absent]))
        if (status is not None and not 200 <= status < 300) or not body.strip():
            return Outcome("not_applicable", explanation=absent)
        if body.lstrip().startswith("<"):
            return Outcome("not_applicable", explanation=sentences([self.msg("soft-404"), absent]))
        return self._validate(parse(body), site)

    def _validate(self, doc: LlmsTxt, site: SiteData) -> Outcome:
        artifacts = site.artifacts
        llms_url = urljoin(artifacts.root_url, "/llms.txt")
        hosts = {urlsplit(artifacts.root_url).netloc.lower(), *(h.lower() for h in artifacts.host_aliases)}
        problems: list[Message] = []
        if not doc.h1:
            problems.append(self.msg("no-h1"))
        else:
            if doc.h1[0][0] != doc.first_line:
                problems.append(self.msg("h1-not-first"))
            if len(doc.h1) > 1:
                problems.append(self.msg("many-h1", count=len(doc.h1)))
        if not doc.sections:
            problems.append(self.msg("no-sections"))
        if not doc.links:
            problems.append(self.msg("no-links"))
        if doc.bare_items:
            problems.append(self.msg("bare-items", count=len(doc.bare_items)))

        internal, markdown_files, external = 0, 0, 0
        unresolved: list[str] = []
        for _name, href, _section in doc.links:
            url = urljoin(llms_url, href)
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or parts.netloc.lower() not in hosts:
                external += 1
                continue
            internal += 1
            if _MARKDOWN_FILE.search(parts.path):
                markdown_files += 1  # Markdown companions (page.md) are not crawled as pages
                continue
            target = site.page(url)
            if target is None or not target.ok:
                unresolved.append(url)
        checked = internal - markdown_files
        if unresolved:
            problems.append(self.msg("unresolved", unresolved=len(unresolved), checked=checked))

        h1_text = doc.h1[0][1] if doc.h1 else None
        aspect = self.msg
        details = [
            {"aspect": aspect("aspect-h1"), "value": h1_text, "ok": bool(doc.h1) and len(doc.h1) == 1},
            {"aspect": aspect("aspect-summary"), "value": doc.summary, "ok": doc.summary is not None},
            {"aspect": aspect("aspect-sections"), "value": ", ".join(doc.sections) or None, "ok": bool(doc.sections)},
            {"aspect": aspect("aspect-optional"), "value": "Optional" in doc.sections, "ok": True},
            {"aspect": aspect("aspect-links"), "value": len(doc.links), "ok": bool(doc.links)},
            {"aspect": aspect("aspect-internal"), "value": internal, "ok": True},
            {"aspect": aspect("aspect-external"), "value": external, "ok": True},
            {"aspect": aspect("aspect-markdown"), "value": markdown_files, "ok": True},
            {
                "aspect": aspect("aspect-resolving"),
                "value": self.msg("resolving", resolving=checked - len(unresolved), checked=checked),
                "ok": not unresolved,
            },
            {
                "aspect": aspect("aspect-problems"),
                "value": join(problems) if problems else self.msg("no-problems"),
                "ok": not problems,
            },
        ]
        evidence = [
            Evidence(url=llms_url, element=element("llms-txt-link"), excerpt=url, note=self.msg("note-not-crawled"))
            for url in unresolved[:MAX_EVIDENCE]
        ]
        evidence += [
            Evidence(
                url=llms_url,
                element=element("llms-txt-list-item"),
                excerpt=excerpt(item),
                note=self.msg("note-no-link"),
            )
            for item in doc.bare_items[: MAX_EVIDENCE - len(evidence)]
        ]
        if h1_text is not None:
            summary = self.msg("found-named", name=h1_text, sections=len(doc.sections), links=len(doc.links))
        else:
            summary = self.msg("found", sections=len(doc.sections), links=len(doc.links))
        verdict = self.msg("problems", problems=join(problems)) if problems else self.msg("well-formed")
        explanation = sentences([summary, verdict, self.msg("informative")])
        return Outcome("informative", None, explanation, details, evidence, unresolved)
