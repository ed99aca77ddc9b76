"""`--follow-nofollow` (GEO_FOLLOW_NOFOLLOW): a staging build marked noindex,nofollow on every page is
crawled past its nofollow when the user asks for it; by default nofollow stops the crawl (tests/test_crawl.py)."""

from __future__ import annotations

import json

from auditor.runner import resume_state
from auditor.serve import StaticSite
from auditor.store import Store
from scoring.core.records import Link, PageRecord
from tests.conftest import SITES, run_cli


def test_follow_nofollow_crawls_the_links_of_a_nofollow_page(tmp_path):
    db = tmp_path / "audits.db"
    with StaticSite(SITES / "mini") as site:
        run = run_cli("audit", site.origin + "/", "--db", str(db), "--crawl-only", "--follow-nofollow", "--json")
        origin = site.origin
    assert run.returncode == 0, run.stderr
    with Store(db) as store:
        records = {r.url.removeprefix(origin): r for r in store.iter_pages(json.loads(run.stdout)["audit_id"])}
    # meta robots nofollow on /blog/second-post/; its link is followed now (the target does not exist)
    assert records["/blog/never-crawled/"].status == 404


def _page(url: str, robots: str | None, *links: Link) -> PageRecord:
    return PageRecord(url=url, status=200, content_type="text/html", robots_meta=robots, links=list(links))


def test_a_resumed_crawl_follows_as_the_audit_was_started():
    closed = _page("https://x.example/a/", "noindex, nofollow", Link(url="https://x.example/b/", internal=True))
    open_page = _page("https://x.example/", None, Link(url="https://x.example/c/", internal=True, rel=["nofollow"]))
    assert resume_state([closed, open_page]).frontier == []
    frontier = {url for url, _, _ in resume_state([closed, open_page], follow_nofollow=True).frontier}
    assert frontier == {"https://x.example/b/", "https://x.example/c/"}
