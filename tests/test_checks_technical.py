"""Technical checks: ai-crawler-access, noindex, canonical-tag, meta-description, llms-txt."""

from __future__ import annotations

import pytest

from scoring.audit import evaluate_check
from scoring.checks.ai_crawler_access import AICrawlerAccess, RobotsPolicy
from scoring.checks.canonical_tag import CanonicalTag
from scoring.checks.llms_txt import LlmsTxtCheck
from scoring.checks.meta_description import MetaDescription
from scoring.checks.noindex import Noindex
from scoring.core.records import RedirectHop
from tests.factories import ROOT, page, site

ARTICLE = [{"@type": "Article", "headline": "Ratgeber"}]
ROBOTS_URL = ROOT + "robots.txt"


def _site_with_robots(robots: str | None, status: int | None = 200, pages=None):
    pages = pages or [page(""), page("ratgeber/dach", structured_data=ARTICLE)]
    return site(*pages, robots_txt=robots, robots_status=status)


def _rows(result) -> dict[str, dict]:
    return {row["token"]: row for row in result.details}


# ---------------------------------------------------------------------------------------------
# ai-crawler-access
# ---------------------------------------------------------------------------------------------

TRAINING_ONLY = """\
# Keine Trainingsdaten
User-agent: GPTBot
Disallow: /

User-agent: CCBot
Disallow: /
"""


def test_blocking_only_training_crawlers_passes_with_full_score():
    result = evaluate_check(AICrawlerAccess(), _site_with_robots(TRAINING_ONLY), 3)
    assert result.state == "pass"
    assert result.score == 1.0
    assert result.weight == 3
    rows = _rows(result)
    assert rows["GPTBot"]["allowed"] is False
    assert rows["GPTBot"]["impact"].text == "informative"
    assert rows["GPTBot"]["rule"].text == "line 3: Disallow: /"
    assert rows["CCBot"]["allowed"] is False
    assert rows["OAI-SearchBot"]["allowed"] is True
    assert rows["ChatGPT-User"]["allowed"] is True
    assert result.evidence == []  # training blocks are not evidence against the site
    assert "GPTBot" in result.explanation and "CCBot" in result.explanation
    assert "does not reduce visibility" in result.explanation


def test_blocking_perplexitybot_fails_and_names_it():
    robots = "User-agent: PerplexityBot\nDisallow: /\n"
    result = AICrawlerAccess().evaluate(_site_with_robots(robots))
    assert result.state == "fail"
    assert "PerplexityBot" in result.explanation.text
    assert 0.5 < result.score < 1.0  # one primary search agent out of many
    rows = _rows(result)
    assert rows["PerplexityBot"]["allowed"] is False
    assert rows["PerplexityBot"]["group"] == "User-agent: PerplexityBot"
    assert rows["Perplexity-User"]["allowed"] is True  # its own token, no group, no `*`
    assert len(result.evidence) == 1
    assert result.evidence[0].element == "robots.txt line 2"
    assert result.evidence[0].url == ROBOTS_URL
    assert "PerplexityBot" in result.evidence[0].note
    assert "User-agent: PerplexityBot" in result.evidence[0].excerpt


def test_star_disallow_with_specific_allow_group():
    robots = "User-agent: *\nDisallow: /\n\nUser-agent: OAI-SearchBot\nAllow: /\n"
    result = AICrawlerAccess().evaluate(_site_with_robots(robots))
    rows = _rows(result)
    assert rows["OAI-SearchBot"]["allowed"] is True
    assert rows["OAI-SearchBot"]["rule"].text == "line 5: Allow: /"
    for token in ("PerplexityBot", "Googlebot", "ChatGPT-User", "GPTBot"):
        assert rows[token]["allowed"] is False, token
        assert rows[token]["group"] == "User-agent: *"
    assert result.state == "fail"
    assert 0 < result.score < 0.3


def test_star_disallow_everything_scores_zero():
    result = AICrawlerAccess().evaluate(_site_with_robots("User-agent: *\nDisallow: /\n"))
    assert result.state == "fail"
    assert result.score == 0.0
    assert ROOT in result.affected_urls


def test_group_listing_several_user_agents():
    robots = (
        "User-agent: PerplexityBot\n"
        "User-agent: Claude-SearchBot\n"
        "User-agent: GPTBot\n"
        "Disallow: /\n"
        "\n"
        "User-agent: *\n"
        "Allow: /\n"
    )
    result = AICrawlerAccess().evaluate(_site_with_robots(robots))
    rows = _rows(result)
    for token in ("PerplexityBot", "Claude-SearchBot", "GPTBot"):
        assert rows[token]["allowed"] is False, token
        assert rows[token]["group"] == "User-agent: PerplexityBot, Claude-SearchBot, GPTBot"
    assert rows["OAI-SearchBot"]["allowed"] is True
    assert result.state == "fail"
    (evidence,) = result.evidence
    assert evidence.element == "robots.txt line 4"
    assert "PerplexityBot" in evidence.note and "Claude-SearchBot" in evidence.note
    assert "GPTBot" not in evidence.note  # training agents are not evidence


def test_user_agent_matching_is_case_insensitive():
    result = AICrawlerAccess().evaluate(_site_with_robots("user-agent: perplexitybot\ndisallow: /\n"))
    assert _rows(result)["PerplexityBot"]["allowed"] is False
    assert result.state == "fail"


def test_each_token_on_its_own_group_not_a_prefix_of_it():
    # RFC 9309: groups match the product token exactly. Protego alone would let an `Applebot`
    # group capture Applebot-Extended (substring match).
    robots = "User-agent: Applebot\nDisallow: /\n"
    result = AICrawlerAccess().evaluate(_site_with_robots(robots))
    rows = _rows(result)
    assert rows["Applebot"]["allowed"] is False
    assert rows["Applebot-Extended"]["allowed"] is True
    assert result.state == "warn"  # Applebot is a search agent, but not a primary answer engine


def test_only_user_fetch_agent_blocked_warns():
    result = AICrawlerAccess().evaluate(_site_with_robots("User-agent: ChatGPT-User\nDisallow: /\n"))
    assert result.state == "warn"
    assert _rows(result)["ChatGPT-User"]["allowed"] is False
    assert result.score < 1.0


def test_page_level_block_for_chatgpt_user_is_partly_blocked():
    pages = [
        page(""),
        page("ratgeber/dachsanierung", structured_data=ARTICLE),
        page("blog/waermepumpe", structured_data=ARTICLE),
        page("blog/foerderung", structured_data=ARTICLE),
    ]
    robots = "User-agent: ChatGPT-User\nDisallow: /ratgeber/\n"
    result = evaluate_check(AICrawlerAccess(), _site_with_robots(robots, pages=pages), 3)
    row = _rows(result)["ChatGPT-User"]
    assert row["allowed"] == "partly"
    assert row["home_allowed"] is True
    assert row["pages_blocked"].text == "1 of 3"
    assert row["rule"].text == "line 2: Disallow: /ratgeber/"
    assert result.state == "warn"
    assert result.affected_urls == [ROOT + "ratgeber/dachsanierung"]
    assert result.evidence[0].excerpt == "User-agent: ChatGPT-User → Disallow: /ratgeber/"


def test_page_level_block_of_most_articles_counts_as_blocked():
    pages = [
        page(""),
        page("ratgeber/dachsanierung", structured_data=ARTICLE),
        page("ratgeber/fenster", structured_data=ARTICLE),
        page("blog/waermepumpe", structured_data=ARTICLE),
    ]
    robots = "User-agent: ChatGPT-User\nDisallow: /ratgeber/\n"
    result = AICrawlerAccess().evaluate(_site_with_robots(robots, pages=pages))
    row = _rows(result)["ChatGPT-User"]
    assert row["allowed"] is False
    assert row["home_allowed"] is True
    assert row["pages_blocked"].text == "2 of 3"


def test_longest_rule_decides_and_is_reported():
    robots = "User-agent: *\nDisallow: /ratgeber/\nAllow: /ratgeber/dach\n"
    result = AICrawlerAccess().evaluate(_site_with_robots(robots))
    row = _rows(result)["PerplexityBot"]
    assert row["allowed"] is True
    assert row["rule"].text == "line 3: Allow: /ratgeber/dach"


def test_repeated_groups_for_one_token_are_merged():
    policy = RobotsPolicy(
        "User-agent: PerplexityBot\nDisallow: /intern/\n\nUser-agent: PerplexityBot\nDisallow: /ratgeber/\n"
    )
    assert not policy.decide("PerplexityBot", ROOT + "intern/x").allowed
    assert not policy.decide("PerplexityBot", ROOT + "ratgeber/x").allowed
    assert policy.decide("PerplexityBot", ROOT).allowed


def test_missing_robots_txt_allows_everything():
    result = evaluate_check(AICrawlerAccess(), _site_with_robots(None, status=404), 3)
    assert result.state == "pass"
    assert result.score == 1.0
    assert all(row["allowed"] is True for row in result.details)
    assert "404" in result.explanation


def test_robots_txt_server_error_warns():
    result = evaluate_check(AICrawlerAccess(), _site_with_robots(None, status=503), 3)
    assert result.state == "warn"
    assert result.score == 0.5
    assert "503" in result.explanation and "disallow" in result.explanation
    assert result.evidence[0].excerpt == "HTTP 503"
    assert all(row["allowed"] is False for row in result.details)


def test_robots_txt_not_fetched_is_not_applicable():
    result = evaluate_check(AICrawlerAccess(), _site_with_robots(None, status=None), 3)
    assert result.state == "not_applicable"
    assert result.weight == 0.0


def test_one_row_per_agent_search_first():
    result = AICrawlerAccess().evaluate(_site_with_robots(TRAINING_ONLY))
    tokens = [row["token"] for row in result.details]
    assert len(tokens) == len(set(tokens)) > 100
    classes = [row["class"] for row in result.details]
    assert classes == sorted(classes, key=["search", "user", "training"].index)


# ---------------------------------------------------------------------------------------------
# noindex
# ---------------------------------------------------------------------------------------------


def _noindex(p):
    return Noindex().evaluate_page(p, site(p))


def test_noindex_passes_without_blocking_directives():
    assert _noindex(page("leistungen")).state == "pass"
    assert _noindex(page("leistungen", robots_meta="index, follow, max-snippet:-1")).state == "pass"


def test_noindex_in_meta_fails_german_page():
    outcome = _noindex(page("impressum", lang="de", robots_meta="noindex, follow"))
    assert outcome.state == "fail"
    assert outcome.reason == "noindex in meta robots"
    assert outcome.evidence[0].element == 'meta[name="robots"]'
    assert outcome.evidence[0].excerpt == "noindex, follow"


def test_none_in_x_robots_tag_fails_english_page():
    outcome = _noindex(page("en/services", lang="en", x_robots_tag="none"))
    assert outcome.state == "fail"
    assert outcome.evidence[0].element == "X-Robots-Tag"
    assert "X-Robots-Tag header" in outcome.reason


@pytest.mark.parametrize("value", ["nosnippet", "max-snippet:0", "max-snippet: 0", "NOSNIPPET"])
def test_snippet_restrictions_warn(value):
    outcome = _noindex(page("ratgeber/dach", robots_meta=value))
    assert outcome.state == "warn"
    assert outcome.evidence[0].excerpt == value


def test_noindex_outranks_nosnippet():
    outcome = _noindex(page("x", robots_meta="nosnippet", x_robots_tag="noindex"))
    assert outcome.state == "fail"
    assert [e.element for e in outcome.evidence] == ["X-Robots-Tag"]


def test_scoped_directives_count_for_search_agents_only():
    assert _noindex(page("x", x_robots_tag="googlebot: noindex")).state == "fail"
    assert _noindex(page("x", x_robots_tag="GPTBot: noindex")).state == "pass"  # training crawler
    assert _noindex(page("x", x_robots_tag="otherbot: noindex, nofollow")).state == "pass"


def test_noindex_through_evaluate_check():
    pages = [page(""), page("impressum", robots_meta="noindex"), page("404", status=404)]
    result = evaluate_check(Noindex(), site(*pages), 2)
    assert result.state == "fail"
    assert result.score == 0.5
    assert result.affected_urls == [ROOT + "impressum"]
    assert len(result.pages) == 2  # the 404 page is not rated


def test_noindex_not_applicable_without_html_pages():
    result = evaluate_check(Noindex(), site(page("x", status=500)), 2)
    assert result.state == "not_applicable"


# ---------------------------------------------------------------------------------------------
# canonical-tag
# ---------------------------------------------------------------------------------------------


def _canonical(p, *others):
    return CanonicalTag().evaluate_page(p, site(p, *others))


def test_self_canonical_passes():
    p = page("leistungen", canonical=ROOT + "leistungen")
    assert _canonical(p).state == "pass"


def test_root_canonical_without_trailing_slash_passes():
    p = page("", canonical=ROOT.rstrip("/"))
    assert _canonical(p).state == "pass"


def test_relative_and_host_case_canonical_pass():
    assert _canonical(page("kontakt", canonical="/kontakt")).state == "pass"
    assert _canonical(page("kontakt", canonical="https://WWW.Beispiel-Handwerk.example/kontakt")).state == "pass"


def test_non_root_trailing_slash_is_a_different_url():
    p = page("leistungen", canonical=ROOT + "leistungen/")
    assert _canonical(p).state == "fail"  # not crawled: its status is unknown


def test_canonical_to_another_ok_page_passes_with_note():
    p = page("en/roof-repair?ref=nav", lang="en", canonical=ROOT + "en/roof-repair")
    target = page("en/roof-repair", lang="en", canonical=ROOT + "en/roof-repair")
    outcome = _canonical(p, target)
    assert outcome.state == "pass"
    assert "intentional consolidation" in outcome.reason


def test_missing_canonical_warns():
    outcome = _canonical(page("ratgeber/dach"))
    assert outcome.state == "warn"
    assert outcome.reason == "no canonical URL"


def test_canonical_to_redirect_fails():
    p = page("ratgeber/dach", canonical=ROOT + "alt/dach")
    moved = page(
        "alt/dach",
        final_url=ROOT + "ratgeber/dach",
        redirect_chain=[RedirectHop(url=ROOT + "alt/dach", status=301)],
    )
    outcome = _canonical(p, moved)
    assert outcome.state == "fail"
    assert "redirect" in outcome.reason
    assert outcome.evidence[0].excerpt == ROOT + "alt/dach"


def test_canonical_to_error_page_fails():
    p = page("en/services", lang="en", canonical=ROOT + "en/old-services")
    gone = page("en/old-services", status=404)
    outcome = _canonical(p, gone)
    assert outcome.state == "fail"
    assert outcome.reason == "canonical target answered HTTP 404"


def test_canonical_to_unknown_url_fails():
    outcome = _canonical(page("ratgeber/dach", canonical="https://staging.beispiel-handwerk.example/ratgeber/dach"))
    assert outcome.state == "fail"
    assert "not crawled" in outcome.reason


def test_canonical_through_evaluate_check():
    pages = [
        page("", canonical=ROOT),
        page("a", canonical=ROOT + "a"),
        page("b"),
        page("c", canonical=ROOT + "fehlt"),
    ]
    result = evaluate_check(CanonicalTag(), site(*pages), 1)
    assert result.state == "fail"
    assert result.score == pytest.approx((1 + 1 + 0.5 + 0) / 4)
    assert result.affected_urls == [ROOT + "b", ROOT + "c"]


# ---------------------------------------------------------------------------------------------
# meta-description
# ---------------------------------------------------------------------------------------------

DE_DESC = "Dachsanierung in Köln: Kosten, Förderung und Ablauf – erklärt vom Meisterbetrieb."
EN_DESC = "Roof repair in Cologne: costs, grants and the process, explained by a master roofer."


def _desc(p, *others):
    return MetaDescription().evaluate_page(p, site(p, *others))


def test_unique_description_of_good_length_passes():
    assert 50 <= len(DE_DESC) <= 160
    assert _desc(page("ratgeber/dach", meta_description=DE_DESC)).state == "pass"
    assert _desc(page("en/roof", lang="en", meta_description=EN_DESC)).state == "pass"


@pytest.mark.parametrize("value", [None, "", "   "])
def test_missing_description_fails(value):
    outcome = _desc(page("x", meta_description=value))
    assert outcome.state == "fail"
    assert outcome.reason == "no meta description"


def test_short_and_long_descriptions_warn():
    short = _desc(page("x", meta_description="Dachdecker in Köln."))
    assert short.state == "warn" and short.reason == "too short (19 characters)"
    long = _desc(page("x", lang="en", meta_description=EN_DESC * 2))
    assert long.state == "warn" and long.reason.startswith("too long")


def test_shared_description_warns_on_both_pages():
    a = page("en/a", lang="en", meta_description=EN_DESC)
    b = page("en/b", lang="en", meta_description="  " + EN_DESC.upper())
    s = site(a, b)
    for p in (a, b):
        outcome = MetaDescription().evaluate_page(p, s)
        assert outcome.state == "warn"
        assert outcome.reason == "shared with 1 other page(s)"


def test_meta_description_through_evaluate_check():
    pages = [
        page("", meta_description=DE_DESC),
        page("a", meta_description=EN_DESC),
        page("b"),
        page("c", meta_description="Zu kurz."),
        page("d", status=404),
    ]
    result = evaluate_check(MetaDescription(), site(*pages), 1)
    assert result.state == "fail"
    assert result.score == pytest.approx((1 + 1 + 0 + 0.5) / 4)
    assert result.affected_urls == [ROOT + "b", ROOT + "c"]


# ---------------------------------------------------------------------------------------------
# llms-txt
# ---------------------------------------------------------------------------------------------

LLMS_OK = f"""\
# Beispiel Handwerk GmbH

> Dachdecker- und Klempnerbetrieb in Köln mit Ratgebern zu Sanierung und Förderung.

## Ratgeber

- [Dachsanierung]({ROOT}ratgeber/dach): Kosten und Ablauf
- [Förderung](/ratgeber/foerderung): KfW und BAFA
- [Markdown-Fassung](/ratgeber/dach.md)

## Optional

- [Handwerkskammer](https://www.hwk-koeln.de/): Kammer
"""


def _llms_site(text, status=200, pages=None):
    pages = pages or [page(""), page("ratgeber/dach"), page("ratgeber/foerderung")]
    return site(*pages, llms_txt=text, llms_txt_status=status)


def test_llms_txt_absent_is_not_applicable():
    result = evaluate_check(LlmsTxtCheck(), _llms_site(None, status=404), 0)
    assert result.state == "not_applicable"
    assert result.score is None and result.weight == 0.0
    assert "not present" in result.explanation
    assert "barely fetch" in result.explanation
    assert "not required" in result.explanation


def test_llms_txt_not_requested_is_not_applicable():
    result = LlmsTxtCheck().evaluate(_llms_site(None, status=None))
    assert result.state == "not_applicable"
    assert "not requested" in result.explanation.text


def test_llms_txt_soft_404_is_not_applicable():
    result = LlmsTxtCheck().evaluate(_llms_site("<!DOCTYPE html><html><body>Seite nicht gefunden</body></html>"))
    assert result.state == "not_applicable"
    assert "soft 404" in result.explanation.text


def test_valid_llms_txt_is_informative():
    result = evaluate_check(LlmsTxtCheck(), _llms_site(LLMS_OK), 0)
    assert result.state == "informative"
    assert result.score is None and result.weight == 0.0
    details = {row["aspect"].text: row for row in result.details}
    assert details["H1 (required)"]["value"] == "Beispiel Handwerk GmbH"
    assert details["summary blockquote (optional)"]["ok"] is True
    assert details["H2 sections"]["value"] == "Ratgeber, Optional"
    assert details["Optional section"]["value"] is True
    assert details["links"]["value"] == 4
    assert details["internal links"]["value"] == 3
    assert details["external links"]["value"] == 1
    assert details["Markdown companion links (not checked)"]["value"] == 1
    assert details["internal links resolving to crawled pages"]["value"].text == "2 of 2"
    assert details["problems"]["value"].text == "none"
    assert result.evidence == []


def test_llms_txt_problems_are_reported():
    text = f"Willkommen\n# Beispiel Handwerk\n## Seiten\n- [Alte Seite]({ROOT}gibt-es-nicht)\n- Kontakt ohne Link\n"
    result = LlmsTxtCheck().evaluate(_llms_site(text))
    assert result.state == "informative"
    problems = {row["aspect"].text: row for row in result.details}["problems"]["value"].text
    assert "the H1 is not the first line" in problems
    assert "1 of 1 internal page link(s) do not lead to a crawled page" in problems
    assert "1 list item(s) without a [name](url) link" in problems
    assert {row["aspect"].text: row for row in result.details}["summary blockquote (optional)"]["ok"] is False
    assert result.affected_urls == [ROOT + "gibt-es-nicht"]
    assert result.evidence[0].excerpt == ROOT + "gibt-es-nicht"


def test_llms_txt_without_h1_or_sections():
    result = LlmsTxtCheck().evaluate(_llms_site("Just some text about our company.\n"))
    problems = {row["aspect"].text: row for row in result.details}["problems"]["value"].text
    assert "no H1 (required)" in problems
    assert "no H2 sections with links" in problems
    assert "no links" in problems
