"""click-depth: every page is a few clicks from the home page."""

from __future__ import annotations

from scoring.core.messages import element
from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.registry import Check, register
from scoring.site import PAGERANK_DAMPING, SiteData

PASS_MAX, WARN_AT = 3, 4  # clicks: ≤ 3 pass, 4 warn, ≥ 5 fail


def _key(page: PageRecord) -> str:
    return page.final_url or page.url


def click_paths(site: SiteData) -> dict[str, list[str]]:
    """One shortest click path from the home page to every reachable page (memoised)."""

    def compute() -> dict[str, list[str]]:
        if site.home is None:
            return {}
        return site.link_graph.shortest_paths(_key(site.home))  # nx.shortest_path's paths, on arrays

    return site.memo("click_paths", compute)


@register
class ClickDepth(Check):
    id = "click-depth"
    title = "Pages are within three clicks of the home page"
    failure_title = "Pages are buried deep in the site"
    description = (
        "Crawlers, including those of AI search and answer engines, start at the home page and "
        "follow links; pages many clicks deep are fetched later, less often or not at all, and "
        "the link equity reaching them is small. Pages should be at most "
        f"{PASS_MAX} clicks from the home page; {WARN_AT} clicks is a warning, more fails. "
        "Counted over followed internal links between successful HTML pages (shortest path). "
        "Pages the home page does not reach at all are reported by orphan-pages. With PageRank's "
        f"damping of {PAGERANK_DAMPING}, the share of link equity passed on shrinks with every "
        "click. Sources: Google Search Central, 'SEO Starter Guide' (navigation and links show "
        "which pages matter); Page et al., 'The PageRank citation ranking' (1999)."
    )
    category = "links"
    weight = 2
    effort = "medium"
    remedy = (
        "Link the deep pages from the home page, the menu or a topic hub so they are within three "
        "clicks."
    )
    rule = (
        "clicks from the home page (shortest path over followed internal links, redirects resolved): ≤ 3 "
        "pass, 4 warn, ≥ 5 fail, with the click path as evidence; pages not reachable from home are left "
        "to orphan-pages. Not applicable without a successful home page."
    )
    scope = "page"
    requires = ("home",)
    messages = {
        "clicks": "{clicks} {clicks:plural:click:clicks} from the home page",
        "too-deep": (
            "{clicks} {clicks:plural:click:clicks} from the home page. Link it from the home page, a hub page or "
            "a related article that sits higher up."
        ),
        "note-path": "shortest path from the home page: {clicks} {clicks:plural:click:clicks}",
    }

    def applies_to(self, page: PageRecord, site: SiteData) -> bool:
        return page.ok and _key(page) in site.click_depth

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        depth = site.click_depth[_key(page)]
        if depth <= PASS_MAX:
            return PageOutcome(url=page.url, state="pass", reason=self.msg("clicks", clicks=depth))
        path = click_paths(site).get(_key(page), [])
        evidence = [
            Evidence(
                url=page.url,
                element=element("click-path"),
                excerpt=" → ".join(path),
                note=self.msg("note-path", clicks=depth),
            )
        ]
        state = "warn" if depth == WARN_AT else "fail"
        return PageOutcome(
            url=page.url,
            state=state,
            reason=self.msg("too-deep", clicks=depth),
            evidence=evidence,
        )
