"""named-experts: several named people from the company write or speak in the articles."""

from __future__ import annotations

from collections import defaultdict

from scoring.checks.attributed_quotes import find_quotations
from scoring.checks.author_byline import looks_like_person, name_key, visible_authors
from scoring.core import lexicons as lx
from scoring.core.messages import element
from scoring.core.results import Evidence
from scoring.registry import Check, Outcome, register
from scoring.site import SiteData, is_indexable

MIN_ARTICLES = 3  # with fewer articles one author is all one can expect
QUOTED_ONLY_SHARE = 0.25  # the score of named experts who are only quoted, never authors
MIN_EXPERTS = 2
MAX_ROWS = 30


@register
class NamedExperts(Check):
    id = "named-experts"
    title = "Several named experts write or speak in the articles"
    failure_title = "Articles do not show the company's experts by name"
    description = (
        "Employees as visible experts count more than an anonymous company account: answer engines "
        "and readers trust advice from named people with a role, and a team of several experts "
        "signals depth that a generalist site lacks. Counted: distinct people named as authors "
        "(bylines) or quoted by name across the articles. Sources: German trade press for small and "
        "medium-sized businesses on GEO (employees as visible experts, 'Markenbotschafter', count more than "
        "the company account); Google Search Quality Rater Guidelines (E-E-A-T)."
    )
    category = "expertise"
    weight = 1
    effort = "medium"
    remedy = "Name the company's experts in the articles (name, role, experience) and quote them."
    rule = (
        "distinct named people (two-word names, titles stripped, role words and German abstract nouns "
        "rejected) who write (visible bylines) or are quoted by name in the articles. pass: ≥ 2 named "
        "authors (1 with fewer than 3 articles) and every article has a named author; warn: named "
        "authors, but articles without, or experts quoted by name but no named author (score 0.25 × "
        "min(1, people / needed)); fail: no named person. Score = min(1, authors / needed) × (1 − "
        "anonymous share / 2)."
    )
    scope = "site"
    requires = ("html",)
    columns = {"name": "text", "articles_written": "number", "articles_quoted": "number"}
    messages = {
        "no-articles": "No article pages.",
        "summary": (
            "{authors} named author(s) and {people} named expert(s) in total across {articles} article(s); "
            "{anonymous} article(s) without a named author."
        ),
        "person": "author of {written}, quoted in {quoted} article(s)",
        "nobody": "no named author or quoted expert",
    }

    def evaluate(self, site: SiteData) -> Outcome:
        # the articles the site wants in search: a noindex post is no finding ("articles without a named author")
        articles = [p for p in site.articles if is_indexable(p)]
        if not articles:
            return Outcome("not_applicable", explanation=self.msg("no-articles"))
        authors: dict[str, set[str]] = defaultdict(set)
        speakers: dict[str, set[str]] = defaultdict(set)
        display: dict[str, str] = {}  # name key -> the name as first shown (with its title)
        for page in articles:
            for name in visible_authors(page):
                if not lx.NOT_A_PERSON_RE.match(name) and len(name.split()) >= 2 and looks_like_person(name):
                    display.setdefault(name_key(name), name)
                    authors[name_key(name)].add(page.url)
            for quote in find_quotations(page):
                if quote.speaker and len(quote.speaker.split()) >= 2 and looks_like_person(quote.speaker):
                    display.setdefault(name_key(quote.speaker), quote.speaker)
                    speakers[name_key(quote.speaker)].add(page.url)
        people = set(authors) | set(speakers)
        rows = [
            {
                "name": display[name],
                "key": name,
                "articles_written": len(authors.get(name, ())),
                "articles_quoted": len(speakers.get(name, ())),
            }
            for name in sorted(people, key=lambda n: (-len(authors.get(n, ())) - len(speakers.get(n, ())), n))
        ]
        anonymous = [p.url for p in articles if not any(p.url in urls for urls in authors.values())]
        evidence = [
            Evidence(
                url=min(authors.get(r["key"]) or speakers[r["key"]]),
                element=element("byline-quote"),
                excerpt=r["name"],
                note=self.msg("person", written=r["articles_written"], quoted=r["articles_quoted"]),
            )
            for r in rows[:MAX_ROWS]
        ]
        for r in rows:  # the key only joined rows to evidence
            del r["key"]
        needed = MIN_EXPERTS if len(articles) >= MIN_ARTICLES else 1
        explanation = self.msg(
            "summary", authors=len(authors), people=len(people), articles=len(articles), anonymous=len(anonymous)
        )
        if not people:
            evidence = [
                Evidence(url=p, element=element("byline"), note=self.msg("nobody")) for p in anonymous[:10]
            ]
            return Outcome("fail", 0.0, explanation, rows, evidence, affected_urls=anonymous)
        if authors:
            score = min(1.0, len(authors) / needed) * (1 - len(anonymous) / len(articles) / 2)
            state = "pass" if len(authors) >= needed and not anonymous else "warn"
        else:  # experts are quoted by name, but nobody signs an article: a start, not a pass
            score, state = QUOTED_ONLY_SHARE * min(1.0, len(people) / needed), "warn"
        return Outcome(state, round(score, 4), explanation, rows[:MAX_ROWS], evidence, affected_urls=anonymous)
