"""Blockers (issue 15, "severity that matches the stakes"): a failing check that keeps the site out
of search and AI answers outright carries `CheckResult.blocker` — AI search crawlers blocked,
robots.txt closing the whole site, site-wide noindex, no Impressum on a German site, most pages
unreachable. Each condition fires on a small site built for it and stays silent on a clean one;
a blocker never changes a score and ranks its check first."""

from __future__ import annotations

import json

import pytest

from auditor.store import Store
from reports.i18n import Localizer
from reports.portfolio import biggest_open_issue
from reports.view import build_view
from scoring.audit import evaluate_check, score_site
from scoring.checks.ai_crawler_access import AICrawlerAccess
from scoring.checks.broken_internal_links import BrokenInternalLinks, unreachable_pages
from scoring.checks.impressum import Impressum
from scoring.checks.noindex import Noindex
from scoring.core.levers import ranked_levers, ranked_plan, result_gains
from scoring.core.records import BLOCKED_BY_ROBOTS
from scoring.core.results import AuditResult
from scoring.registry import Check, all_checks
from tests.conftest import run_cli
from tests.factories import ROOT, artifacts, html_page, page, site

IMPRESSUM_TEXT = (
    "Impressum. Muster Haustechnik GmbH, Hauptstraße 12, 10115 Berlin. Geschäftsführer: Max Muster. "
    "E-Mail: info@beispiel-handwerk.example, Telefon: 030 1234567. Amtsgericht Berlin-Charlottenburg, "
    "HRB 123456. Angaben gemäß § 5 DDG."
)
FOOTER = '<footer><a href="/impressum/">Impressum</a> <a href="/datenschutz/">Datenschutz</a></footer>'
NAV = '<nav><a href="/">Start</a> <a href="/leistungen/">Leistungen</a> <a href="/ratgeber/heizung/">Ratgeber</a></nav>'
OPEN_ROBOTS = "User-agent: *\nDisallow: /intern/\n\nUser-agent: GPTBot\nDisallow: /\n"


def _doc(title: str, body: str, head: str = "", lang: str = "de") -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><title>{title}</title>{head}</head>'
        f"<body>{NAV}<main>{body}</main>{FOOTER}</body></html>"
    )


def clean_pages(lang: str = "de", *, impressum: bool = True, home_head: str = "", head: str = "") -> list:
    """A small, healthy company site: home, a service page, an article, privacy and Impressum."""
    # the text's language decides (issue 21), not the lang attribute: an English site writes English
    text = (
        "We plan and build heating systems, heat pumps and bathrooms in Berlin. " * 12
        if lang == "en"
        else "Wir planen und bauen Heizungen, Wärmepumpen und Bäder in Berlin. " * 12
    )
    pages = [
        html_page("", _doc("Muster Haustechnik", f"<h1>Haustechnik in Berlin</h1><p>{text}</p>", home_head, lang)),
        html_page("leistungen/", _doc("Leistungen", f"<h1>Leistungen</h1><p>{text}</p>", head, lang)),
        html_page("ratgeber/heizung/", _doc("Heizung tauschen", f"<h1>Heizung tauschen</h1><p>{text}</p>", head, lang)),
        html_page("datenschutz/", _doc("Datenschutz", f"<h1>Datenschutz</h1><p>{text}</p>", head, lang)),
    ]
    if impressum:
        pages.append(html_page("impressum/", _doc("Impressum", f"<h1>Impressum</h1><p>{IMPRESSUM_TEXT}</p>", "", lang)))
    else:  # the footer still links to it, but under a name that is not an Impressum
        pages = [p.model_copy(update={"links": [x for x in p.links if "impressum" not in x.url]}) for p in pages]
    return pages


def _site(pages: list, robots: str | None = OPEN_ROBOTS, status: int | None = 200):
    return site(*pages, robots_txt=robots, robots_status=status)


def without_hook(check: Check) -> Check:
    """The same check with the default (no) blocker: what it scored before blockers existed."""
    plain = type(f"Plain{type(check).__name__}", (type(check),), {"blocker": Check.blocker})
    return plain()


def _evaluate(check: Check, data, weight: float = 2.0):
    """The check's result; asserts the blocker changed nothing but the blocker field."""
    result = evaluate_check(check, data, weight)
    plain = evaluate_check(without_hook(check), data, weight)
    assert plain.blocker is None
    assert result.model_dump(exclude={"blocker"}) == plain.model_dump(exclude={"blocker"})
    return result


def _german(message) -> str:
    return Localizer("de").message(message, message.text)[0]


# -- the clean site: no blocker anywhere ------------------------------------------------------------


def test_a_clean_german_site_has_no_blocker_in_any_check():
    result = score_site(clean_pages(), artifacts(robots_txt=OPEN_ROBOTS, robots_status=200))
    assert result.language == "de"
    for check_id in ("ai-crawler-access", "noindex", "impressum", "broken-internal-links"):
        assert result.check(check_id).state == "pass", check_id  # the site really is clean
    assert [c.id for c in result.checks if c.blocker is not None] == []


# -- ai-crawler-access ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("robots", "status", "message", "named"),
    [
        ("User-agent: PerplexityBot\nDisallow: /\n\nUser-agent: *\nAllow: /\n", 200, "blocker-agents", "PerplexityBot"),
        ("User-agent: Googlebot\nUser-agent: OAI-SearchBot\nDisallow: /\n", 200, "blocker-agents", "OAI-SearchBot"),
        ("User-agent: *\nDisallow: /\n", 200, "blocker-all", None),
        ("", 503, "blocker-server-error", "503"),
    ],
    ids=["perplexitybot", "two-engines", "whole-site-for-all", "robots-5xx"],
)
def test_ai_crawler_blocker_fires(robots, status, message, named):
    result = _evaluate(AICrawlerAccess(), _site(clean_pages(), robots, status), 3)
    assert result.state in ("fail", "warn")
    assert result.blocker is not None and result.blocker.id == f"ai-crawler-access.{message}"
    if named:
        assert named in result.blocker.text and named in _german(result.blocker)
    assert _german(result.blocker) != result.blocker.text  # a German sentence, not the English one


def test_two_blocked_engines_are_both_named_in_plural():
    robots = "User-agent: Googlebot\nUser-agent: OAI-SearchBot\nDisallow: /\n"
    blocker = _evaluate(AICrawlerAccess(), _site(clean_pages(), robots)).blocker
    assert blocker is not None and blocker.params["count"] == 2
    assert "OAI-SearchBot" in blocker.text and "Googlebot" in blocker.text and "their answers" in blocker.text
    assert "deren Antworten" in _german(blocker)


@pytest.mark.parametrize(
    "robots",
    [
        OPEN_ROBOTS,  # only a training crawler is shut out
        "User-agent: Applebot\nUser-agent: YouBot\nDisallow: /\n",  # minor search agents: a warning, no blocker
        "User-agent: PerplexityBot\nDisallow: /ratgeber/\n",  # the home page stays open
        "User-agent: ChatGPT-User\nDisallow: /\n",  # user fetch, not a search index
        "User-agent: *\nDisallow: /\n\nUser-agent: Googlebot\nUser-agent: Bingbot\nUser-agent: OAI-SearchBot\n"
        "User-agent: PerplexityBot\nUser-agent: Claude-SearchBot\nAllow: /\n",  # closed to all but the engines
    ],
    ids=["training-only", "minor-search-agents", "section-only", "user-fetch", "closed-but-engines-allowed"],
)
def test_ai_crawler_blocker_stays_silent(robots):
    result = _evaluate(AICrawlerAccess(), _site(clean_pages(), robots), 3)
    assert result.blocker is None, result.blocker


def test_no_robots_txt_is_no_blocker():
    result = _evaluate(AICrawlerAccess(), _site(clean_pages(), None, 404), 3)
    assert result.state == "pass" and result.blocker is None


# -- noindex -------------------------------------------------------------------------------------


def test_noindex_on_the_home_page_is_a_blocker_though_the_check_only_warns():
    pages = clean_pages(home_head='<meta name="robots" content="noindex, follow">')
    result = _evaluate(Noindex(), _site(pages))
    assert result.state == "warn"  # 4 of 5 pages pass: as a score it looks small
    assert result.blocker is not None and result.blocker.id == "noindex.blocker-home"
    assert "noindex" in result.blocker.text and "meta robots" in result.blocker.text
    assert "Meta-Robots-Tag" in _german(result.blocker)


def test_noindex_on_most_pages_is_a_blocker():
    pages = clean_pages(head='<meta name="robots" content="noindex">')  # all but home and Impressum
    result = _evaluate(Noindex(), _site(pages))
    assert result.blocker is not None and result.blocker.id == "noindex.blocker-most"
    assert result.blocker.params == {"noindex": 3, "rated": 5}


def test_noindex_for_a_search_crawler_on_the_home_page_counts():
    pages = clean_pages(home_head='<meta name="robots" content="googlebot: noindex">')
    assert _evaluate(Noindex(), _site(pages)).blocker is not None


@pytest.mark.parametrize(
    "pages",
    [
        clean_pages(),
        clean_pages(home_head='<meta name="robots" content="nosnippet">'),  # a warning, still indexed
        clean_pages(home_head='<meta name="robots" content="GPTBot: noindex">'),  # a training crawler
        [clean_pages()[0], clean_pages(head='<meta name="robots" content="noindex">')[1], *clean_pages()[2:]],
    ],
    ids=["clean", "nosnippet-home", "training-scoped", "one-page"],
)
def test_noindex_blocker_stays_silent(pages):
    assert _evaluate(Noindex(), _site(pages)).blocker is None


# -- impressum -----------------------------------------------------------------------------------


def test_no_impressum_on_a_german_site_is_a_blocker():
    result = _evaluate(Impressum(), _site(clean_pages(impressum=False)))
    assert result.state == "fail"
    assert result.blocker is not None and result.blocker.id == "impressum.blocker-missing"
    assert "§ 5 DDG" in _german(result.blocker) and "Abmahnungen" in _german(result.blocker)


@pytest.mark.parametrize(
    ("pages", "state"),
    [
        (clean_pages(), "pass"),
        (clean_pages("en", impressum=False), "not_applicable"),  # not a German site
        (  # an incomplete Impressum is a finding, not a blocker
            [*clean_pages()[:-1], html_page("impressum/", _doc("Impressum", "<h1>Impressum</h1><p>Max Muster</p>"))],
            "warn",
        ),
        ([*clean_pages()[:-1], page("impressum/", status=404)], "fail"),  # linked, but broken
    ],
    ids=["complete", "english-site", "incomplete", "broken-link"],
)
def test_impressum_blocker_stays_silent(pages, state):
    result = _evaluate(Impressum(), _site(pages))
    assert result.state == state and result.blocker is None


# -- most pages unreachable (broken-internal-links) ----------------------------------------------


def _failing(pages: list, paths: set[str], status: int | None = 500) -> list:
    """The pages at `paths` answered `status` (None: no response) instead of their HTML."""
    out = []
    for record in pages:
        path = record.url.removeprefix(ROOT)
        if path in paths:
            error = "twisted.internet.error.ConnectionRefusedError" if status is None else None
            record = page(path, status=status, content_type="text/html", error=error)
        out.append(record)
    return out


def test_most_pages_unreachable_is_a_blocker():
    pages = _failing(clean_pages(), {"leistungen/", "ratgeber/heizung/", "datenschutz/"})
    result = _evaluate(BrokenInternalLinks(), _site(pages))
    assert result.state == "fail"
    assert result.blocker is not None and result.blocker.id == "broken-internal-links.blocker-unreachable"
    assert result.blocker.params == {"failed": 3, "total": 5}
    assert _german(result.blocker).startswith("3 von 5 gecrawlten Seiten antworteten nicht")


def test_a_home_page_that_does_not_answer_is_a_blocker_though_nothing_can_be_measured():
    pages = [page("", status=None, content_type=None, error="twisted.internet.error.TimeoutError")]
    result = _evaluate(BrokenInternalLinks(), _site(pages))
    assert result.state == "not_applicable" and result.score is None
    assert result.blocker is not None and result.blocker.params == {"failed": 1, "total": 1}


def test_files_do_not_dilute_unreachable_pages():
    pdfs = [page(f"dl/{i}.pdf", content_type="application/pdf") for i in range(9)]
    pages = [*_failing(clean_pages(), {"leistungen/", "ratgeber/heizung/", "datenschutz/"}, status=None), *pdfs]
    result = _evaluate(BrokenInternalLinks(), _site(pages))
    assert result.blocker is not None and result.blocker.params == {"failed": 3, "total": 5}


ROBOTS_BLOCKED = [page(f"intern/{i}", status=None, content_type=None, error=BLOCKED_BY_ROBOTS) for i in range(6)]


@pytest.mark.parametrize(
    "pages",
    [
        clean_pages(),
        _failing(clean_pages(), {"leistungen/", "datenschutz/"}),  # 2 of 5: broken links, not a blocked site
        [*_failing(clean_pages(), {"leistungen/", "datenschutz/"}), *ROBOTS_BLOCKED],  # not fetched: unknown
    ],
    ids=["clean", "two-of-five", "robots-blocked-unknown"],
)
def test_unreachable_blocker_stays_silent(pages):
    assert _evaluate(BrokenInternalLinks(), _site(pages)).blocker is None


def test_unreachable_pages_counts_redirects_where_they_end():
    hop = page("alt/", status=301, final_url=ROOT + "leistungen/", content_type=None)
    failed, total = unreachable_pages(_site([*_failing(clean_pages(), {"datenschutz/"}), hop]))
    assert (failed, total) == (1, 5)


# -- ranking: blockers first everywhere, scores unchanged ------------------------------------------


def _perplexity_blocked_audit():
    """A site with many failing checks whose biggest gains lie elsewhere, and PerplexityBot blocked."""
    robots = "User-agent: PerplexityBot\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    pages = clean_pages(impressum=False)
    return score_site(pages, artifacts(robots_txt=robots, robots_status=200))


def test_a_blocker_ranks_first_in_levers_plan_and_portfolio_though_its_gain_is_small():
    result = _perplexity_blocked_audit()
    gains = result_gains(result.checks, result.categories)
    blockers = [c.id for c in result.checks if c.blocker is not None]
    assert sorted(blockers) == ["ai-crawler-access", "impressum"]
    biggest = max((c for c in result.checks if c.state in ("fail", "warn")), key=lambda c: gains[c.id])
    assert biggest.id not in blockers  # by gain alone, a blocker would not lead
    levers = [c.id for c in ranked_levers(result.checks, gains)]
    assert sorted(levers[:2]) == blockers
    assert levers[:2] == sorted(blockers, key=lambda i: (-gains[i], i))  # blockers among themselves by gain
    assert levers[2] == biggest.id
    assert [c.id for c in ranked_plan(result.checks, gains)][:2] == levers[:2]
    view = build_view(result, lang="de")
    assert [item["id"] for item in view["levers"]] == levers[:3]
    issue = biggest_open_issue(result)
    assert issue is not None and issue.check == levers[0]


def test_blockers_never_change_a_score(monkeypatch):
    result = _perplexity_blocked_audit()
    hooked = [cls for cls in all_checks().values() if "blocker" in vars(cls)]
    assert {cls.id for cls in hooked} == {"ai-crawler-access", "noindex", "impressum", "broken-internal-links"}
    for cls in hooked:
        monkeypatch.setattr(cls, "blocker", Check.blocker)
    plain = _perplexity_blocked_audit()
    assert all(c.blocker is None for c in plain.checks)

    def numbers(r):
        data = r.model_dump(mode="json", exclude={"timing"})
        for check in data["checks"]:
            check.pop("blocker")
        return data

    assert numbers(result) == numbers(plain)


# -- the demo: PerplexityBot shut out is the first lever (issue 15: it was lever #9) ----------------


def test_demo_perplexitybot_blocked_is_the_one_blocker_and_the_first_lever(tmp_path):
    run = run_cli("demo", "--db", str(tmp_path / "a.db"), "--out", str(tmp_path / "out"), "--json", timeout=600)
    assert run.returncode == 0, run.stderr
    saved = AuditResult.model_validate_json((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))
    with Store(tmp_path / "a.db") as store:
        stored = store.result(json.loads(run.stdout)["audit_id"])
    for result in (saved, stored):
        blockers = {c.id: c.blocker for c in result.checks if c.blocker is not None}
        assert list(blockers) == ["ai-crawler-access"]
        assert blockers["ai-crawler-access"].id == "ai-crawler-access.blocker-agents"
        assert blockers["ai-crawler-access"].params == {"agents": "PerplexityBot", "count": 1}
        gains = result_gains(result.checks, result.categories)
        by_gain = sorted((c for c in result.checks if c.state in ("fail", "warn")), key=lambda c: -gains[c.id])
        assert [c.id for c in by_gain].index("ai-crawler-access") >= 8  # its points alone rank it far down
        assert ranked_levers(result.checks, gains)[0].id == "ai-crawler-access"
        assert ranked_plan(result.checks, gains)[0].id == "ai-crawler-access"
        assert biggest_open_issue(result).check == "ai-crawler-access"
    view = build_view(saved, lang="de")
    assert view["levers"][0]["id"] == "ai-crawler-access"
    assert "PerplexityBot" in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
