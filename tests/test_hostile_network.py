"""Hostile and unusual networks (issue 18): IPv6 start URLs, and robots.txt that cannot be read.

RFC 9309 §2.3.1.3/§2.3.1.4: a robots.txt that answers 4xx ("unavailable") means no rules at all,
whatever the error page says; one that answers with a server error, or cannot be reached at all,
means complete disallow: not one other request to that host.

Real parts only: loopback servers (tests/hostile_server.py, on ::1 for IPv6), the CLI in a
subprocess, SQLite stores."""

from __future__ import annotations

import json
import socket

import pytest

from auditor.runner import AuditError, normalise_start_url
from auditor.store import Store
from scoring.core.records import BLOCKED_BY_ROBOTS
from spiders import settings as crawl_defaults
from spiders.site_spider import is_connection_failure
from tests.conftest import run_cli
from tests.hostile_server import DISALLOW_ALL, HostileSite

FAST = ["--delay", "0", "-s", "AUTOTHROTTLE_ENABLED=false", "-s", "GEO_RETRY_BACKOFF=0.05"]


def _one_line_error(run, *fragments: str) -> str:
    assert run.returncode != 0, run.stdout
    assert "Traceback" not in run.stderr + run.stdout
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, run.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


# -- IPv6 start URLs ---------------------------------------------------------------------------------
def _ipv6_loopback() -> bool:
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


# Scrapy's default resolver (CachingThreadedResolver: gethostbyname) knows IPv4 only: an IPv6 literal
# fails as "DNS lookup failed". CachingHostnameResolver (getaddrinfo) resolves both. Passed explicitly
# until spiders/settings.py names it as its DNS_RESOLVER.
IPV6_RESOLVER = "scrapy.resolver.CachingHostnameResolver"
RESOLVER = ["-s", f"DNS_RESOLVER={IPV6_RESOLVER}"]
if getattr(crawl_defaults, "DNS_RESOLVER", None) == IPV6_RESOLVER:
    RESOLVER = []  # the crawl's own default


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("http://[::1]:8080/", "http://[::1]:8080/"),
        ("http://[::1]", "http://[::1]/"),
        ("[2001:DB8::1]:8443/a?b=2&a=1", "https://[2001:db8::1]:8443/a?a=1&b=2"),
    ],
)
def test_ipv6_literals_are_start_urls(raw, expected):
    assert normalise_start_url(raw) == expected


@pytest.mark.parametrize(
    "raw", ["http://[::1/", "http://[::g]/", "http://[fe80::1%25eth0]/", "http://[::1]:99999/", "http://[]/"]
)
def test_broken_ipv6_literals_are_not_urls(raw):
    with pytest.raises(AuditError, match="not a URL"):
        normalise_start_url(raw)


@pytest.mark.skipif(not _ipv6_loopback(), reason="this machine has no IPv6 loopback (::1) to serve a site on")
def test_a_site_on_ipv6_loopback_is_audited(tmp_path):
    db, out = tmp_path / "audits.db", tmp_path / "out"
    with HostileSite(pages=4, host="::1", robots="User-agent: *\nAllow: /\n") as site:
        assert site.origin.startswith("http://[::1]:")
        run = run_cli("audit", site.origin + "/", "--db", str(db), "--out", str(out), "--json", *FAST, *RESOLVER)
        hits = dict(site.hits)
        origin = site.origin
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout)
    assert summary["site"] == origin + "/"
    assert summary["pages"] == 4 and summary["complete"] is True
    assert {"/robots.txt", "/", "/p/1", "/p/2", "/p/3"} <= set(hits)
    store = Store(db)
    records = {r.url: r for r in store.iter_pages(summary["audit_id"])}
    store.close()
    assert set(records) == {origin + "/"} | {f"{origin}/p/{n}" for n in (1, 2, 3)}
    assert all(r.status == 200 for r in records.values())
    home = records[origin + "/"]
    assert {link.url for link in home.links if link.internal} >= {f"{origin}/p/{n}" for n in (1, 2, 3)}
    assert (out / "report.html").is_file()


# -- robots.txt that cannot be read (RFC 9309 §2.3.1.3, §2.3.1.4) ------------------------------------
def _blocked_records(db, origin: str) -> dict[str, object]:
    store = Store(db)
    try:
        (row,) = store.list_audits()
        assert row.status == "failed"
        return {r.url.removeprefix(origin): r for r in store.iter_pages(row.id)}
    finally:
        store.close()


@pytest.mark.parametrize("status", [500, 503, 429])
def test_a_robots_txt_server_error_disallows_the_whole_site(tmp_path, status):
    db = tmp_path / "audits.db"
    with HostileSite(pages=6, robots_status=status) as site:
        run = run_cli("audit", site.origin + "/", "--db", str(db), "--out", str(tmp_path / "out"), *FAST)
        hits = dict(site.hits)
        origin = site.origin
    _one_line_error(run, f"cannot fetch {origin}/: robots.txt answered HTTP {status}", "RFC 9309", "disallowed")
    assert set(hits) == {"/robots.txt"}, hits  # not the start page, not llms.txt, not the sitemap
    records = _blocked_records(db, origin)
    assert records["/"].status is None and records["/"].error == BLOCKED_BY_ROBOTS
    assert not (tmp_path / "out").exists()


def test_an_unreachable_robots_txt_disallows_the_whole_site(tmp_path):
    db = tmp_path / "audits.db"
    # robots.txt gets no answer (the connection is closed); the pages would answer
    with HostileSite(pages=6, robots_drop=True) as site:
        run = run_cli("audit", site.origin + "/", "--db", str(db), "--out", str(tmp_path / "out"), *FAST)
        hits = dict(site.hits)
        origin = site.origin
    line = _one_line_error(run, f"cannot fetch {origin}/: robots.txt unreachable (", "RFC 9309", "disallowed")
    assert "twisted.python.failure" not in line and "<" not in line, line  # the failure, not its wrapper's repr
    assert set(hits) == {"/robots.txt"}, hits
    records = _blocked_records(db, origin)
    # unsent, and recorded as a server that could not be reached (the robots.txt fetch's own error)
    assert records["/"].status is None and is_connection_failure(records["/"]), records["/"].error


@pytest.mark.parametrize("status", [404, 403, 410])
def test_a_robots_txt_client_error_allows_everything(tmp_path, status):
    db = tmp_path / "audits.db"
    # the error page's body reads as `Disallow: /`: a 4xx is "unavailable", no rules at all
    with HostileSite(pages=6, robots=DISALLOW_ALL, robots_status=status) as site:
        run = run_cli("audit", site.origin + "/", "--db", str(db), "--crawl-only", "--json", *FAST)
        hits = dict(site.hits)
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout)
    assert summary["pages"] == 6 and summary["complete"] is True
    assert {"/", "/sitemap.xml", *(f"/p/{n}" for n in range(1, 6))} <= set(hits)
    store = Store(db)
    assert all(r.status == 200 for r in store.iter_pages(summary["audit_id"]))
    store.close()


# -- robots.txt behind redirects (RFC 9309 §2.3.1.2) ------------------------------------------------
PRIVATE_RULES = "User-agent: *\nDisallow: /private/\n"


def _crawl(tmp_path, site: HostileSite):
    db = tmp_path / "audits.db"
    run = run_cli("audit", site.origin + "/", "--db", str(db), "--crawl-only", "--json", *FAST)
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout)
    store = Store(db)
    try:
        records = {r.url.removeprefix(site.origin): r for r in store.iter_pages(summary["audit_id"])}
        artifacts = store.artifacts(summary["audit_id"])
    finally:
        store.close()
    return records, artifacts


@pytest.mark.parametrize(("redirects", "status"), [(1, 301), (1, 308), (5, 302), (5, 307)])
def test_a_redirected_robots_txt_is_followed_and_obeyed(tmp_path, redirects, status):
    # /robots.txt -> (/robots-hop/n ->)* /real-robots.txt, which forbids /private/; the redirects'
    # empty bodies read as "no rules"
    with HostileSite(
        pages=4, private=2, robots=PRIVATE_RULES, robots_redirects=redirects, robots_redirect_status=status
    ) as site:
        records, artifacts = _crawl(tmp_path, site)
        hits = {path: len(times) for path, times in site.hits.items()}
        hops = site.robots_hops()
    assert not [path for path in hits if path.startswith("/private/")], hits
    assert {"/", "/p/1", "/p/2", "/p/3"} <= set(hits)
    chain = [*hops, "/real-robots.txt"]
    assert {path: hits.get(path) for path in chain} == dict.fromkeys(chain, 1)  # each asked once
    for path in ("/private/1", "/private/2"):
        assert records[path].status is None and records[path].error == BLOCKED_BY_ROBOTS, records[path]
    # the rules the crawl obeyed are the ones the audit scores
    assert artifacts.robots_status == 200 and artifacts.robots_txt == PRIVATE_RULES


def test_a_robots_txt_redirected_to_another_authority_applies_its_rules_to_the_first(tmp_path):
    # e.g. http -> https or apex -> www: here another loopback port
    with HostileSite(pages=1, robots=PRIVATE_RULES) as rules_host:
        target = rules_host.origin + "/robots.txt"
        options = {"robots": DISALLOW_ALL, "robots_redirects": 1, "robots_redirect_to": target}
        with HostileSite(pages=4, private=2, **options) as site:
            records, artifacts = _crawl(tmp_path, site)
            hits = {path: len(times) for path, times in site.hits.items()}
        rules_hits = {path: len(times) for path, times in rules_host.hits.items()}
    assert rules_hits == {"/robots.txt": 1}
    assert not [path for path in hits if path.startswith("/private/")], hits
    assert hits["/robots.txt"] == 1 and "/real-robots.txt" not in hits  # its own rules were never asked for
    assert {"/", "/p/1", "/p/2", "/p/3"} <= set(hits)
    assert records["/private/1"].error == BLOCKED_BY_ROBOTS
    assert artifacts.robots_txt == PRIVATE_RULES


@pytest.mark.parametrize(
    ("redirects", "target"),
    [(6, "/real-robots.txt"), (2, "/robots.txt")],
    ids=["six-redirects", "redirect-loop"],
)
def test_too_many_robots_txt_redirects_mean_no_rules(tmp_path, redirects, target):
    # More than five consecutive redirects (or a loop): "unavailable", no rules at all (RFC 9309
    # §2.3.1.2 allows that). Neither the redirects' bodies (`Disallow: /`) nor the rules at the end
    # of the chain (`Disallow: /`) apply.
    with HostileSite(
        pages=4,
        private=2,
        robots=DISALLOW_ALL,
        robots_redirects=redirects,
        robots_redirect_to=target,
        robots_redirect_body=DISALLOW_ALL,
    ) as site:
        records, artifacts = _crawl(tmp_path, site)
        hits = {path: len(times) for path, times in site.hits.items()}
        hops = site.robots_hops()
    assert "/real-robots.txt" not in hits
    assert {path: hits[path] for path in hops} == dict.fromkeys(hops, 1)  # each hop asked once
    assert {"/", "/p/1", "/p/2", "/p/3", "/private/1", "/private/2"} <= set(hits)
    assert all(r.status == 200 for r in records.values())
    assert artifacts.robots_txt is None


# -- one robots.txt fetch per host ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"robots": "User-agent: *\nAllow: /\n"}, 1),
        ({}, 1),  # 404
        ({"robots_status": 503}, 1 + crawl_defaults.RETRY_TIMES),  # one fetch and its retries
        ({"robots_drop": True}, 1 + crawl_defaults.RETRY_TIMES),
    ],
    ids=["200", "404", "503", "unreachable"],
)
def test_robots_txt_is_fetched_once_per_host(tmp_path, options, expected):
    # The rules and the robots.txt the audit stores and scores come from one fetch: the spider's own
    # request for robots.txt gets the gate's response (it was fetched twice, each retried: 6 hits
    # on a 503).
    db = tmp_path / "audits.db"
    with HostileSite(pages=3, **options) as site:
        run = run_cli("audit", site.origin + "/", "--db", str(db), "--crawl-only", "--json", *FAST)
        hits = len(site.hits["/robots.txt"])
    assert hits == expected, run.stderr
    if "robots" in options:
        assert run.returncode == 0, run.stderr
        store = Store(db)
        artifacts = store.artifacts(json.loads(run.stdout)["audit_id"])
        store.close()
        assert artifacts.robots_status == 200 and artifacts.robots_txt == options["robots"]
