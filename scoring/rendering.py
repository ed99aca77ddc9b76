"""Raw HTML against the rendered page (`--render`): templates, the render sample, the comparison.

Pure functions shared by the render stage (which pages to render) and the rendering checks (what
differs). A template is the pair (URL pattern, DOM shape): `/ratgeber/<slug>/` pages built from one
layout group together; a page whose skeleton differs (a landing page under /ratgeber/) is a template
of its own. The sample is one page per template plus a small seeded share of the rest, so the same
crawl always renders the same pages.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar
from urllib.parse import urlsplit

from scoring.core.messages import msg
from scoring.core.records import WORD_RE, PageRecord, RenderedView
from scoring.core.results import Scope
from scoring.registry import Check, Outcome

if TYPE_CHECKING:
    from scoring.site import SiteData

SAMPLE_SHARE = 0.01  # the seeded "random" share of the pages beyond one per template
SAMPLE_EXTRA_CAP = 20  # ... at most this many: a big site's render stays a small part of the audit
SHELL_WORDS = 50  # fewer main-text words than this in the raw HTML: next to nothing to read
_ID_SEGMENT = re.compile(r"^(?:\d+|[0-9a-f]{8,}|[0-9a-f-]{32,36})$", re.IGNORECASE)


def url_pattern(url: str) -> str:
    """The URL's template pattern: the last path segment (the slug) and numeric or hash segments
    become `*`, the sections above stay (/ratgeber/*/, /leistungen/*/; top-level pages are /*/ and
    told apart by their DOM shape)."""
    parts = [p for p in urlsplit(url).path.split("/") if p]
    if not parts:
        return "/"
    shaped = [("*" if i == len(parts) - 1 or _ID_SEGMENT.match(p) else p) for i, p in enumerate(parts)]
    return "/" + "/".join(shaped) + ("/" if urlsplit(url).path.endswith("/") else "")


def template_key(page: PageRecord) -> str:
    """'<URL pattern> · <DOM shape>': the template a page is built from."""
    return f"{url_pattern(page.final_url or page.url)} · {page.dom_shape or '-'}"


def _seeded(url: str) -> float:
    """A stable pseudo-random number in [0, 1) for a URL (the same crawl gives the same sample)."""
    return int(hashlib.sha1(url.encode()).hexdigest()[:8], 16) / 0x1_0000_0000


def render_sample(
    pages: Iterable[PageRecord], mode: str = "sample", share: float = SAMPLE_SHARE, cap: int = SAMPLE_EXTRA_CAP
) -> list[str]:
    """URLs to render, in crawl order: `all` every analysed page; `sample` the first page of each
    template plus the pages whose seeded number falls under `share` (at most `cap` of them). Reads
    the pages once and keeps only their URLs (a stored crawl is streamed, never held whole)."""
    chosen: list[tuple[int, str]] = []  # (crawl position, url)
    extra: list[tuple[float, int, str]] = []  # (seeded number, crawl position, url)
    seen_templates: set[str] = set()
    for position, page in enumerate(pages):
        if not page.ok:
            continue
        key = template_key(page)
        if mode == "all" or key not in seen_templates:
            seen_templates.add(key)
            chosen.append((position, page.url))
        elif (number := _seeded(page.url)) < share:
            extra.append((number, position, page.url))
    chosen += [(position, url) for _, position, url in sorted(extra)[:cap]]
    return [url for _, url in sorted(chosen)]


# -- the comparison --------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD_RE.findall(text)]


def hidden_share(raw_text: str, rendered_text: str) -> float:
    """The share of the rendered main text's words an AI crawler cannot read in the raw HTML: the
    rendered words left over once each raw word is matched once (a multiset difference, so moved or
    repeated text is not counted twice)."""
    rendered = _words(rendered_text)
    if not rendered:
        return 0.0
    available: dict[str, int] = {}
    for word in _words(raw_text):
        available[word] = available.get(word, 0) + 1
    missing = 0
    for word in rendered:
        if available.get(word, 0) > 0:
            available[word] -= 1
        else:
            missing += 1
    return missing / len(rendered)


def hidden_lines(raw_text: str, rendered_text: str, limit: int = 3) -> list[str]:
    """Lines of the rendered main text that the raw main text does not contain (evidence)."""
    raw = " ".join(raw_text.split())
    found = []
    for line in rendered_text.split("\n"):
        line = " ".join(line.split())
        if line and line not in raw and len(WORD_RE.findall(line)) >= 3:
            found.append(line)
            if len(found) >= limit:
                break
    return found


def jsonld_types(items: Iterable[dict]) -> set[str]:
    """The schema.org @type values of JSON-LD items (top level and @graph)."""
    found: set[str] = set()

    def visit(item: object) -> None:
        if isinstance(item, dict):
            kind = item.get("@type")
            for value in kind if isinstance(kind, list) else [kind]:
                if isinstance(value, str) and value:
                    found.add(value.rsplit("/", 1)[-1])
            for child in item.get("@graph", []) if isinstance(item.get("@graph"), list) else []:
                visit(child)

    for item in items:
        visit(item)
    return found


def internal_targets(links: Iterable) -> set[str]:
    return {link.url for link in links if link.internal}


@dataclass(frozen=True)
class HeadChange:
    field: str  # title | meta_description | canonical | robots
    raw: str | None
    rendered: str | None


def _norm(value: str | None) -> str:
    return " ".join((value or "").split()).lower()


def head_changes(page: PageRecord, view: RenderedView) -> list[HeadChange]:
    """Head fields the scripts set or changed (raw value -> rendered value)."""
    pairs = (
        ("title", page.title, view.title),
        ("meta_description", page.meta_description, view.meta_description),
        ("canonical", page.canonical, view.canonical),
        ("robots", page.robots_meta, view.robots_meta),
    )
    return [HeadChange(name, raw, new) for name, raw, new in pairs if _norm(raw) != _norm(new)]


def rendered_pages(pages: Iterable[PageRecord]) -> list[tuple[PageRecord, RenderedView]]:
    """(record, rendered view) of every analysed page rendered without error."""
    return [(p, p.rendered) for p in pages if p.ok and p.rendered is not None and p.rendered.error is None]


class RenderedCheck(Check):
    """A site check that compares rendered pages with their raw HTML (`--render`). Not applicable
    when no page was rendered, in the same words for every such check; `compare` gets the pairs."""

    scope: ClassVar[Scope] = "site"
    requires: ClassVar[tuple[str, ...]] = ("html",)

    def evaluate(self, site: SiteData) -> Outcome:
        pairs = rendered_pages(site.pages)
        if not pairs:
            return Outcome("not_applicable", explanation=msg("common.not-rendered"))
        return self.compare(site, pairs)

    def compare(self, site: SiteData, pairs: list[tuple[PageRecord, RenderedView]]) -> Outcome:
        raise NotImplementedError


MANY_SCRIPTS = 5  # script-heavy pages without a known root element (site builders, custom apps)
# the categories that rate what a page says: a shell's raw HTML says nothing to rate
CONTENT_CATEGORIES = frozenset({"expertise", "evidence", "depth"})


def looks_like_app(page: PageRecord) -> bool:
    """A framework root element, or many scripts: a page JavaScript may write."""
    return bool(page.app_root) or page.scripts >= MANY_SCRIPTS


def unreadable_shell(page: PageRecord) -> bool:
    """A likely JavaScript shell (a framework page with next to no text in its HTML): its content is
    not rated from the raw HTML — likely-shell / shell-page name it and `--render` shows it."""
    return looks_like_app(page) and page.word_count < SHELL_WORDS


def is_shell(page: PageRecord, view: RenderedView) -> bool:
    """Almost no text without JavaScript, an article with it."""
    return page.word_count < SHELL_WORDS and view.word_count >= max(SHELL_WORDS, 3 * page.word_count)


def excerpt(text: str, limit: int = 600) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"
