"""The action plan, its groups (quick wins and projects), the levers and the blockers: what to do
first, from an `AuditResult`. Pure functions; the keys they return are documented in `reports.view`.

Order: blockers first (a check whose failure keeps the site out of search or AI answers outright:
`CheckResult.blocker`), then by priority = gain ÷ effort factor (`scoring.core.levers`). The levers
are the open checks by gain, blockers first (`levers.ranked_levers`, as the portfolio's biggest
issue), so a blocked AI crawler is never lever #9.

Kind of a plan item (docs/report.md):

* **quick win** — low effort on at most `MANY_PAGES` pages, or medium (or unknown) effort on at
  most `FEW_PAGES` pages;
* **project** — everything else: high effort, medium effort on more than `FEW_PAGES` pages, or any
  effort on more than `MANY_PAGES` pages.

Pages are the pages a fix must change (`scoring.core.levers.pages_to_change`): a page-scoped check's
failing and warning pages; a site-scoped fix (robots.txt, a template, a footer link) is one change,
so its effort alone decides. The priority scales the effort by the same pages (`levers.check_priority`).
"""

from __future__ import annotations

from typing import Any

from reports.format import anchor, check_title, clip, fmt_int, fmt_num, safe_href, short_url
from reports.i18n import Localizer
from scoring.core.levers import (
    blocking_checks,
    check_priority,
    is_blocker,
    pages_to_change,
    ranked_levers,
    ranked_plan,
    result_gains,
)
from scoring.core.results import AuditResult, CheckResult

MAX_PLAN_URLS = 3  # affected pages named per action-plan row (all of them are in the check section)
FEW_PAGES = 10  # medium effort on at most this many pages is still a quick win
MANY_PAGES = 50  # more pages than this make any fix a project
KINDS = ("quick_win", "project")


def check_gains(result: AuditResult) -> dict[str, float]:
    """Points the site score would gain if each check scored 1.0 (scoring.core.levers)."""
    return result_gains(result.checks, result.categories)


def pages_affected(check: CheckResult) -> int:
    """Pages a finding affects: its affected URLs, else its failing page outcomes (0: site-wide)."""
    return len(check.affected_urls) or sum(1 for o in check.pages if o.state in ("fail", "warn"))


def plan_kind(effort: str | None, pages: int) -> str:
    """The kind of a plan item: "quick_win" or "project" (module docstring); unknown effort counts as
    medium, as in levers."""
    effort = effort if effort in ("low", "medium", "high") else "medium"
    if effort == "high" or pages > MANY_PAGES:
        return "project"
    if effort == "low" or pages <= FEW_PAGES:
        return "quick_win"
    return "project"


def site_wide(check: CheckResult) -> bool:
    """Whether a blocker covers the whole site: a site-scoped check's rule (robots.txt closing the
    site or barring an answer engine's crawler, no Impressum, a server that does not answer) — the
    URLs it lists are examples, not the reach; a page-scoped one (noindex) when every page it rated
    fails, or when it names no page at all."""
    if check.scope != "page":
        return True
    rated = [o for o in check.pages if o.score is not None]
    if rated:
        return all(o.state == "fail" for o in rated)
    return pages_affected(check) == 0


def blockers_view(
    result: AuditResult, t: dict[str, str], loc: Localizer, gains: dict[str, float] | None = None
) -> list[dict[str, Any]]:
    """Every check with a blocker, in the order of `scoring.core.levers.blocking_checks` (open ones
    first, then by gain): why it blocks, in the report language."""
    gains = check_gains(result) if gains is None else gains
    views = []
    for check in blocking_checks(result.checks, gains):
        why, why_lang = loc.message(check.blocker)
        pages = pages_affected(check)
        whole = site_wide(check)
        label = t["blocker_site"] if whole else t["blocker_page"] if pages == 1 else t["blocker_pages"]
        views.append(
            {
                "id": check.id,
                "anchor": anchor("check", check.id),
                "title": check_title(check, loc),
                "why": why,
                "why_lang": why_lang,
                "pages_total": pages,
                "site_wide": whole,
                "pages_label": label.format(n=fmt_int(pages, loc.lang)),
            }
        )
    return views


def action_plan(
    result: AuditResult, t: dict[str, str], lang: str, cat_titles: dict[str, str], loc: Localizer | None = None
) -> dict[str, Any]:
    """{"items": plan items (blockers first, then by priority), "levers": the first three of
    `levers_ranked`, "groups": plan groups (quick wins, then projects; empty groups left out)}."""
    loc = loc or Localizer(lang)
    gains = check_gains(result)
    items = []
    for check in ranked_plan(result.checks, gains):  # blockers first, then by priority (levers.plan_key)
        gain = gains.get(check.id, 0.0)
        explanation, explanation_lang = loc.message(check.explanation_message, check.explanation)
        remedy = loc.check_field(check.id, "remedy", check.remedy) if check.remedy else None
        urls = check.affected_urls
        kind = plan_kind(check.effort, pages_to_change(check))
        items.append(
            {
                "id": check.id,
                "anchor": anchor("check", check.id),
                "title": check_title(check, loc),
                "state": check.state,
                "state_label": t[f"state_{check.state}"],
                "category": cat_titles.get(check.category, check.category),
                "blocker": is_blocker(check),
                "kind": kind,
                "kind_label": t[f"kind_{kind}"],
                "gain_value": round(gain, 2),
                "gain": t["gain_points"].format(n=fmt_num(gain, lang)) if gain >= 0.05 else t["gain_small"],
                "gain_bar": f"{min(100.0, gain * 10):.1f}",  # 10 points fill the bar
                "effort": check.effort or "unknown",
                "effort_label": t[f"effort_{check.effort or 'unknown'}"],
                "priority": round(check_priority(check, gain), 3),
                "todo": remedy or explanation,
                "todo_lang": None if remedy else explanation_lang,
                "explanation": explanation,
                "pages_total": pages_affected(check),
                "site_wide": is_blocker(check) and site_wide(check),  # its URLs are examples, not its reach
                "pages": [
                    {"url": clip(short_url(u, result.site), 300), "href": safe_href(u)} for u in urls[:MAX_PLAN_URLS]
                ],
                "pages_more": t["and_more"].format(n=len(urls) - MAX_PLAN_URLS) if len(urls) > MAX_PLAN_URLS else "",
            }
        )
    for rank, item in enumerate(items, 1):
        item["rank"] = rank
    by_id = {i["id"]: i for i in items}
    levers = [by_id[c.id] for c in ranked_levers(result.checks, gains) if c.id in by_id][:3]
    few, many = fmt_int(FEW_PAGES, lang), fmt_int(MANY_PAGES, lang)
    groups = [
        {
            "kind": kind,
            "title": t[f"plan_{kind}s"],
            "intro": t[f"plan_{kind}s_intro"].format(few=few, many=many),
            "entries": [i for i in items if i["kind"] == kind],
        }
        for kind in KINDS
    ]
    return {"items": items, "levers": levers, "groups": [g for g in groups if g["entries"]]}
