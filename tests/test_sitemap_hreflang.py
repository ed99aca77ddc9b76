"""hreflang declared only in the sitemap (xhtml:link), crawled for real on loopback (issue 21).

tests/sites/sitemap_hreflang is an Austrian joinery in German and English whose pages carry no
hreflang of their own: the sitemap names the language versions. One pair is broken — /en/contact/'s
entry names only itself, so /kontakt/'s annotation has no return link — and must be found on
/kontakt/ with the pair as evidence and the sitemap as its element. The same site with that entry
repaired (a copy with a corrected sitemap) must get no hreflang finding at all.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from auditor.serve import StaticSite
from auditor.store import Store
from tests.conftest import SITES, run_cli

ALIAS = "https://www.holzwerk-alpen.example"
SITE = SITES / "sitemap_hreflang"
BROKEN_ENTRY = f'    <xhtml:link rel="alternate" hreflang="en" href="{ALIAS}/en/contact/"/>\n  </url>'
REPAIRED_ENTRY = (
    f'    <xhtml:link rel="alternate" hreflang="de" href="{ALIAS}/kontakt/"/>\n'
    f'    <xhtml:link rel="alternate" hreflang="en" href="{ALIAS}/en/contact/"/>\n'
    f'    <xhtml:link rel="alternate" hreflang="x-default" href="{ALIAS}/kontakt/"/>\n  </url>'
)
PAIRED = {"/", "/en/", "/leistungen/", "/en/services/", "/kontakt/", "/en/contact/"}


def _audit(root: Path, tmp: Path) -> dict:
    db = tmp / "audits.db"
    with StaticSite(root, origin_alias=ALIAS) as site:
        run = run_cli("audit", site.origin + "/", "--db", str(db), "--out", str(tmp / "out"), "--json")
        origin = site.origin
    assert run.returncode == 0, run.stderr
    store = Store(db)
    artifacts = store.artifacts(json.loads(run.stdout)["audit_id"])
    store.close()
    results = json.loads((tmp / "out" / "results.json").read_text(encoding="utf-8"))
    check = next(c for c in results["checks"] if c["id"] == "hreflang")
    outcomes = {p["url"].removeprefix(origin): p for p in check["pages"]}
    return {"origin": origin, "artifacts": artifacts, "check": check, "outcomes": outcomes, "results": results}


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    return _audit(SITE, tmp_path_factory.mktemp("sitemap-hreflang"))


@pytest.fixture(scope="module")
def repaired(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sitemap-hreflang-clean")
    root = tmp / "site"
    shutil.copytree(SITE, root)
    sitemap = (root / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count(BROKEN_ENTRY) == 1
    (root / "sitemap.xml").write_text(sitemap.replace(BROKEN_ENTRY, REPAIRED_ENTRY), encoding="utf-8")
    return _audit(root, tmp)


def test_the_pages_declare_no_hreflang_the_sitemap_does():
    for page in SITE.rglob("*.html"):
        assert "hreflang" not in page.read_text(encoding="utf-8"), page
    assert "hreflang" in (SITE / "sitemap.xml").read_text(encoding="utf-8")


def test_sitemap_alternates_reach_the_artifacts(broken):
    origin = broken["origin"]
    entries = {e.url.removeprefix(origin): e for e in broken["artifacts"].sitemap_entries}
    alternates = {(h.lang, h.url.removeprefix(origin), h.source) for h in entries["/leistungen/"].alternates}
    assert alternates == {
        ("de", "/leistungen/", "sitemap"),
        ("en", "/en/services/", "sitemap"),
        ("x-default", "/leistungen/", "sitemap"),
    }
    contact = {(h.lang, h.url.removeprefix(origin)) for h in entries["/en/contact/"].alternates}
    assert contact == {("en", "/en/contact/")}


def test_the_broken_pair_is_found_with_the_pair_as_evidence(broken):
    outcomes, origin = broken["outcomes"], broken["origin"]
    assert set(outcomes) == PAIRED  # every page the sitemap annotates is judged; the Impressum is not
    failing = {path: p for path, p in outcomes.items() if p["state"] != "pass"}
    assert set(failing) == {"/kontakt/"}, {path: p["reason"] for path, p in failing.items()}
    assert failing["/kontakt/"]["state"] == "fail"
    [evidence] = failing["/kontakt/"]["evidence"]
    assert evidence["element"] == "sitemap xhtml:link[hreflang]"
    assert evidence["excerpt"] == f'hreflang="en" href="{origin}/en/contact/"'
    assert evidence["note_message"]["id"] == "hreflang.no-return"
    assert broken["check"]["state"] in ("warn", "fail")  # one page of six: the site aggregate


def test_the_repaired_site_gets_no_hreflang_finding(repaired):
    outcomes = repaired["outcomes"]
    assert set(outcomes) == PAIRED
    assert {path: p["state"] for path, p in outcomes.items()} == dict.fromkeys(PAIRED, "pass")
    assert repaired["check"]["state"] == "pass"


def test_translation_pairs_from_the_sitemap_are_no_duplicates(broken):
    checks = {c["id"]: c for c in broken["results"]["checks"]}
    for check_id in ("near-duplicates", "semantic-duplicates"):
        assert checks[check_id]["state"] in ("pass", "not_applicable"), checks[check_id]["explanation"]


# -- the check's rules on sitemap alternates (records of our own, no crawl) ------------------------------
def _sitemap_site(entries: dict[str, list[tuple[str, str]]], **pages):
    """A site whose hreflang comes from sitemap entries only: path -> [(code, target path)]; `pages`
    overrides fields of a page (keyed by path with "/" as "_")."""
    from scoring.core.records import Hreflang, SitemapEntry
    from tests.factories import ROOT, page, site

    def url(path: str) -> str:
        return ROOT + path.lstrip("/")

    def fields(path: str) -> dict:  # each page declares the language of its folder unless told otherwise
        return {"lang": path.split("/")[0], **pages.get(path.strip("/").replace("/", "_"), {})}

    records = [page(p, **fields(p)) for p in entries]
    sitemap = [
        SitemapEntry(
            url=url(p),
            sitemap=ROOT + "sitemap.xml",
            alternates=[Hreflang(lang=code, url=url(target), source="sitemap") for code, target in alts],
        )
        for p, alts in entries.items()
    ]
    return site(*records, sitemap_entries=sitemap)


def _outcomes(data) -> dict[str, tuple[str, list[str]]]:
    from scoring.checks.hreflang import HreflangCheck
    from tests.factories import ROOT

    check = HreflangCheck()
    return {
        o.url.removeprefix(ROOT): (o.state, [e.note_message.id.split(".")[-1] for e in o.evidence])
        for o in (check.evaluate_page(p, data) for p in data.pages if check.applies_to(p, data))
    }


PAIR = {"de/": [("de", "de/"), ("en", "en/")], "en/": [("de", "de/"), ("en", "en/")]}


def test_a_clean_sitemap_pair_passes():
    assert _outcomes(_sitemap_site(PAIR, de={"language": "de"}, en={"language": "en"})) == {
        "de/": ("pass", []),
        "en/": ("pass", []),
    }


@pytest.mark.parametrize(
    ("entries", "pages", "page", "state", "notes"),
    [
        ({**PAIR, "de/": [("de", "de/"), ("en-UK", "en/")]}, {}, "de/", "fail", ["code-uk"]),
        ({**PAIR, "de/": [("en", "en/")]}, {}, "de/", "warn", ["no-self"]),
        ({**PAIR, "en/": [("en", "en/")]}, {}, "de/", "fail", ["no-return"]),
        (PAIR, {"en": {"robots_meta": "noindex"}}, "de/", "fail", ["noindex"]),
        (PAIR, {"en": {"status": 404}}, "de/", "fail", ["http-error"]),
        (PAIR, {"en": {"canonical": "https://www.beispiel-handwerk.example/de/"}}, "de/", "fail", ["canonicalised"]),
        (
            {
                "de/": [("de", "de/"), ("en", "en/"), ("x-default", "de/")],
                "en/": [("de", "de/"), ("en", "en/"), ("x-default", "en/")],
            },
            {},
            "de/",
            "warn",
            ["x-default"],
        ),
        (PAIR, {"en": {"language": "de", "language_confidence": 0.99}}, "en/", "warn", ["language-detected"]),
    ],
    ids=["code", "self-reference", "return-link", "noindex", "non-200", "canonicalised", "x-default", "language"],
)
def test_broken_sitemap_alternates_are_found(entries, pages, page, state, notes):
    outcomes = _outcomes(_sitemap_site(entries, **pages))
    assert outcomes[page][0] == state
    assert outcomes[page][1] == notes


def test_a_short_pages_declared_language_is_no_detection():
    # the declared language a short page keeps (low confidence) is reported as declared, not detected
    short = {"en": {"lang": "de", "language": "de", "language_confidence": 0.1}}  # a German text at /en/
    assert _outcomes(_sitemap_site(PAIR, **short))["en/"] == ("warn", ["language-declared"])
