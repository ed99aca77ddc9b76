"""docs/checks.md, generated from the registry: every check's id, category, weight, effort, the rule
it applies and why it matters, with its sources. Regenerate after changing a check:

    python -m scoring.docs > docs/checks.md

tests/test_docs.py fails when the committed file is not current.
"""

from __future__ import annotations

from scoring.config import CATEGORIES
from scoring.registry import ArticleCheck, Check, all_checks

INTRO = """# Checks: what each one looks at

Generated from the checks themselves (`python -m scoring.docs > docs/checks.md`): every check lives in
`scoring/checks/<id with _>.py` and declares its category, default weight, effort, remedy, rule and messages
there; the category weights are in `scoring/config.py`, the German texts in `reports/i18n/de/<id>.toml`.
Sources of the research figures: docs/sources.md.

"Articles" are editorial pages: `scoring.pagetypes.classify` sorts every page into home, article, service, legal,
listing, profile, contact, about or other (rules in order: legal/contact URL or title, site root, archive and
pagination URLs, JSON-LD types — Article/BlogPosting/NewsArticle, CollectionPage/ItemList, ProfilePage, AboutPage,
ContactPage, Service/Product —, team/author URLs, section indexes such as /blog/ and /ratgeber/, link density ≥ 35 %
with ≥ 6 content links, a page under /blog/, /ratgeber/, /news/ … or a dated URL with ≥ 50 words or a date,
service sections, else a published date with ≥ 250 words); `scoring.site.is_article` is `kind == "article"`. Every
per-page outcome carries its `page_type`, and a page check's explanation says what it judged ("Judged: 16 article
pages."). Page-scoped checks score the share of applicable pages that pass
(warn counts half) and list every failing page with its evidence.
"""

TRAILER = """## Detector accuracy (expertise and evidence)

`python bench/accuracy.py [--errors]` runs the real extraction (`spiders.extract.extract_page`) on 81 labelled
fixture pages (`tests/accuracy/`, 53 German; WordPress-, Hugo- and hand-written HTML; labels hand-written in
`tests/accuracy/make_fixtures.py`) and prints precision and recall per detector: bylines, dates, Impressum
elements, attributed quotes, statistics, outbound citations (targets ≥ 0.95 / ≥ 0.90, kept by
`tests/test_accuracy.py`), sourced statistics, page types and original-material features.
"""

REQUIREMENT_TEXT = {
    "html": "",
    "robots_txt": "robots.txt fetched",
    "sitemaps": "sitemaps",
    "complete_crawl": "a complete crawl",
    "home": "a home page",
    "embeddings": "embeddings",
}


def _scope(check: type[Check]) -> str:
    scope = "page (articles)" if issubclass(check, ArticleCheck) else check.scope
    needs = [REQUIREMENT_TEXT[r] for r in check.requires if REQUIREMENT_TEXT.get(r)]
    return f"{scope} (needs {' and '.join(needs)})" if needs else scope


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _weight(value: float) -> str:
    return f"{value:g}"


def checks_markdown() -> str:
    """The whole of docs/checks.md."""
    registry = all_checks()
    parts = [INTRO]
    for category in CATEGORIES:
        parts.append(f"## {category.title} (category weight {_weight(category.weight)})\n\n{category.description}\n")
        parts.append("| id | scope | weight | effort | rule |\n|---|---|---|---|---|")
        for check_id, weight in category.checks.items():
            check = registry[check_id]
            stage = ", preview" if check.stage == "preview" else ""
            parts.append(
                f"| {check_id} | {_scope(check)} | {_weight(weight)}{stage} | {check.effort} | {_cell(check.rule)} |"
            )
        parts.append("")
        for check_id in category.checks:
            check = registry[check_id]
            why, remedy = _cell(check.description), _cell(check.remedy)
            parts.append(f"### {check_id}: {check.title}\n\n{why}\n\nRemedy: {remedy}\n")
    parts.append(TRAILER)
    return "\n".join(parts)


if __name__ == "__main__":
    print(checks_markdown(), end="")
