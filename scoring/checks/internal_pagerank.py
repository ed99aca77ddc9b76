"""internal-pagerank: long articles receive a fair share of the site's internal link equity."""

from __future__ import annotations

from scoring.audit import WARN_SHARE
from scoring.core.messages import Message, element, join, sentences
from scoring.core.records import PageRecord
from scoring.core.results import Evidence
from scoring.core.text import words
from scoring.insights import DEEP_SCORE, depth_score, link_suggestions, suggestion_reason
from scoring.insights import starved as starved_articles
from scoring.registry import Check, Outcome, register
from scoring.site import PAGERANK_DAMPING, POSITION_WEIGHT, SiteData, is_indexable

LONG_ARTICLE = 800  # words
STARVED_BELOW = 30.0  # Link Score, 0..100
TOP_PAGES = 10

_WEIGHTS = ", ".join(
    f"{name} {weight:g}" for name, weight in sorted(POSITION_WEIGHT.items(), key=lambda item: -item[1])
)


def _key(page: PageRecord) -> str:
    return page.final_url or page.url


def _words(page: PageRecord) -> int:
    return page.word_count or len(words(page.main_text))


def _sources(site: SiteData, url: str) -> list[str]:
    """Distinct other pages linking to `url`, in link order. A dict keeps the order and dedupes in
    linear time: a hub with 50,000 inlinks took seconds with a list (issue 19); memoised per URL as
    the details row and the evidence both ask."""

    def compute() -> list[str]:
        return list(dict.fromkeys(i.source for i in site.inlinks.get(url, []) if i.source != url))

    return site.memo(f"internal-pagerank.sources:{url}", compute)


def _row(site: SiteData, page: PageRecord, group: str) -> dict:
    url = _key(page)
    return {
        "url": url,
        "group": InternalPagerank.msg(f"group-{group}"),
        "link_score": site.link_score.get(url),
        "inlinks": len(_sources(site, url)),
        "words": _words(page),
    }


NOINDEX_EQUITY_WARN = 0.5  # above this share of PageRank in noindex pages the report says so


def noindex_equity(site: SiteData) -> float:
    """Share of the internal PageRank that sits in pages the site keeps out of search (noindex)."""
    rank = site.pagerank
    total = sum(rank.values())
    if not total:
        return 0.0
    hidden = {_key(p) for p in site.html_pages if not is_indexable(p)}
    return sum(v for url, v in rank.items() if url in hidden) / total


def _with_equity_note(site: SiteData, explanation: Message) -> Message:
    """The explanation, followed by a sentence on noindex pages when they hold most of the link equity."""
    share = noindex_equity(site)
    if share <= NOINDEX_EQUITY_WARN:
        return explanation
    return sentences([explanation, InternalPagerank.msg("noindex-equity", percent=round(share * 100))])


@register
class InternalPagerank(Check):
    id = "internal-pagerank"
    title = "Long articles get a fair share of internal links"
    failure_title = "Long articles are starved of internal links"
    description = (
        "Crawlers of search and answer engines find, revisit and weigh pages by the links "
        "pointing at them; an in-depth article that hardly any page links to is rarely fetched "
        "and rarely cited. We compute PageRank over the internal links between successful HTML "
        f"pages (networkx's definition, power iteration on a sparse matrix; damping {PAGERANK_DAMPING}, nofollow "
        "ignored), with each link weighted "
        f"by where it sits ({_WEIGHTS}; the 'reasonable surfer' model), and scale it like "
        "Screaming Frog's Link Score: Link Score = 100 · ln(PR / PRmin) / ln(PRmax / PRmin), 0 "
        f"for the weakest page and 100 for the strongest. Deep articles ({LONG_ARTICLE}+ words or a "
        f"depth score of {DEEP_SCORE:.0f}+, see depth-signals) with a Link Score below {STARVED_BELOW:.0f} "
        "are starved, and for each the strongest pages of its topic cluster not yet linking to it "
        "are suggested as link sources, with an anchor from its heading; the score is the share of "
        "long articles that are not. Sources: Page et al., 'The PageRank citation ranking' "
        "(1999); Screaming Frog SEO Spider, 'Link Score'."
    )
    category = "links"
    weight = 2
    effort = "medium"
    remedy = "Link your long articles from related articles and hub pages with descriptive anchor text."
    rule = (
        "PageRank over internal links (networkx's definition computed on a sparse matrix by "
        "`scoring/linkgraph.py`, equal to `nx.pagerank` within 1e-12; damping 0.85, content links weight "
        "1.0, aside 0.5, header/nav 0.3, footer 0.2), scaled 0–100 as 100 · ln(PR/PRmin) / "
        "ln(PRmax/PRmin). Starved: indexable articles with ≥ 800 words or a depth score ≥ 60 (see cluster-depth) "
        "and a link score < 30; for each, up to 3 link suggestions (group `suggestion`: source = "
        "strongest pages of the same topic cluster not linking yet, anchor = the target's H1 or title), "
        "also in `insights.link_suggestions`. Score = share of long articles not starved; warn from 0.8, "
        "fail below. Details: the starved articles and the 10 strongest pages (url, link_score, inlinks "
        "= distinct linking pages, words). Not applicable without internal links or without a long "
        "article."
    )
    scope = "site"
    requires = ("html",)
    columns = {
        "url": "url",
        "group": "message",
        "link_score": "number",
        "inlinks": "number",
        "words": "number",
        "target": "url",
        "anchor": "text",
        "reason": "message",
    }
    messages = {
        "no-links": "No internal links between the crawled pages: no link graph to rank.",
        "no-long": "No article with {words} words or more to rate.",
        "all-reach": "All {articles} long article(s) reach a Link Score of {bar}+.",
        "starved": (
            "{starved} of {articles} long article(s) have a Link Score below {bar}. Link to them from related "
            "articles and hub pages, in the running text rather than the footer."
        ),
        "noindex-equity": (
            "{percent}% of the internal link equity flows into noindex pages (tag, archive or filter pages search "
            "engines are told to drop): link the pages you want found from the navigation and the text."
        ),
        "note-score": "Link Score {score} of 100 for a {words}-word article",
        "note-linked-from": "linked from {pages} page(s)",
        "note-link-it": "link it from {url} ('{anchor}')",
        # the groups of the details rows
        "group-top": "top",
        "group-starved": "starved",
        "group-suggestion": "suggestion",
    }

    def evaluate(self, site: SiteData) -> Outcome:
        graph = site.link_graph
        # the strongest pages the site wants found: noindex archives are summed up in _with_equity_note
        ranked = sorted(site.content_pages, key=lambda p: (-site.link_score.get(_key(p), 0.0), _key(p)))
        unique: dict[str, PageRecord] = {}
        for page in ranked:
            unique.setdefault(_key(page), page)
        top = [_row(site, page, "top") for page in list(unique.values())[:TOP_PAGES]]
        if graph.number_of_edges() == 0:
            return Outcome("not_applicable", explanation=self.msg("no-links"))
        long_articles = {
            _key(p): p
            for p in site.articles
            if is_indexable(p)  # a noindex article is kept out of search by the site: no link advice
            and (_words(p) >= LONG_ARTICLE or depth_score(site, p) >= DEEP_SCORE)
            and _key(p) in graph
        }
        if not long_articles:
            return Outcome(
                "not_applicable",
                explanation=_with_equity_note(site, self.msg("no-long", words=LONG_ARTICLE)),
                details=top,
            )
        starved = starved_articles(site)  # the same list the report's link suggestions answer
        rows = [_row(site, page, "starved") for page in starved]
        suggestions = [
            {
                "url": s.source,
                "group": self.msg("group-suggestion"),
                "target": s.target,
                "anchor": s.anchor,
                "reason": suggestion_reason(site, s.source, s.target),
            }
            for s in link_suggestions(site)
        ]
        by_target: dict[str, list[dict]] = {}  # one pass, not one scan of all suggestions per starved row
        for suggestion in suggestions:
            by_target.setdefault(suggestion["target"], []).append(suggestion)
        score = round(1 - len(starved) / len(long_articles), 4)
        evidence = [
            Evidence(
                url=row["url"],
                element=element("internal-links"),
                excerpt=", ".join(_sources(site, row["url"])[:5]) or None,
                note=join(
                    [
                        self.msg("note-score", score=round(row["link_score"]), words=row["words"]),
                        self.msg("note-linked-from", pages=row["inlinks"]),
                        *(
                            self.msg("note-link-it", url=s["url"], anchor=s["anchor"])
                            for s in by_target.get(row["url"], [])
                        ),
                    ]
                ),
            )
            for row in rows
        ]
        if not starved:
            return Outcome(
                "pass",
                1.0,
                _with_equity_note(site, self.msg("all-reach", articles=len(long_articles), bar=round(STARVED_BELOW))),
                top,
            )
        return Outcome(
            "warn" if score >= WARN_SHARE else "fail",
            score,
            _with_equity_note(
                site, self.msg("starved", starved=len(starved), articles=len(long_articles), bar=round(STARVED_BELOW))
            ),
            rows + suggestions + top,
            evidence,
            [row["url"] for row in rows],
        )
