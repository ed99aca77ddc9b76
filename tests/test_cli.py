"""The CLI: bad input gives one line on stderr and a non-zero exit, never a traceback."""

from __future__ import annotations

import json
import socket

import pytest

from auditor.store import Store
from tests.conftest import run_cli


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def assert_one_line_error(run, fragment: str) -> None:
    assert run.returncode != 0
    assert "Traceback" not in run.stderr + run.stdout
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, run.stderr
    assert fragment in lines[0]


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("not a url", "not a URL"),
        ("ftp://example.de/", "only http and https"),
        ("https://", "not a URL"),
        ("localhost:99999999/", "not a URL"),
    ],
)
def test_invalid_urls(url, fragment, tmp_path):
    assert_one_line_error(run_cli("audit", url, "--db", str(tmp_path / "a.db")), fragment)


def test_unreachable_host_keeps_the_failed_audit(tmp_path):
    db = tmp_path / "a.db"
    run = run_cli("audit", f"http://127.0.0.1:{closed_port()}/", "--db", str(db), "--out", str(tmp_path / "o"))
    assert_one_line_error(run, "cannot fetch")
    rows = Store(db).list_audits()
    assert rows[0].status == "failed" and "cannot fetch" in rows[0].error
    assert rows[0].pages == 1  # the failed start URL is a record too


def test_start_url_without_html(mini_site, tmp_path):
    run = run_cli("audit", mini_site.origin + "/docs/care-guide.pdf", "--db", str(tmp_path / "a.db"))
    assert_one_line_error(run, "no HTML at")


def test_start_url_404(mini_site, tmp_path):
    run = run_cli("audit", mini_site.origin + "/gibt-es-nicht/", "--db", str(tmp_path / "a.db"))
    assert_one_line_error(run, "answered HTTP 404")


def test_bad_options_and_files(tmp_path):
    assert_one_line_error(run_cli("audit", "https://www.example.de/", "--lang", "fr"), "--lang must be de or en")
    assert_one_line_error(
        run_cli("audit", "https://www.example.de/", "--config", str(tmp_path / "none.toml")), "config file not found"
    )
    bad = tmp_path / "bad.toml"
    bad.write_text('[scoring.weights]\n"no-such-check" = 2\n', encoding="utf-8")
    assert_one_line_error(run_cli("audit", "https://www.example.de/", "--config", str(bad)), "unknown check id")
    assert_one_line_error(run_cli("report", "42", "--db", str(tmp_path / "a.db")), "no audit 42")


def test_checks_lists_the_registry():
    run = run_cli("checks", "--json")
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    categories = {row["category"] for row in rows}
    assert categories == {"expertise", "evidence", "depth", "links", "technical"}
    assert len(rows) >= 15
    assert all(sum(1 for r in rows if r["category"] == c) >= 3 for c in categories)
    llms = next(r for r in rows if r["id"] == "llms-txt")
    assert llms["weight"] == 0


def test_report_and_rescore_reuse_the_stored_crawl(mini_site, tmp_path):
    db = str(tmp_path / "a.db")
    first = run_cli("audit", mini_site.origin + "/", "--db", db, "--out", str(tmp_path / "o1"), "--json")
    assert first.returncode == 0, first.stderr
    audit_id = str(json.loads(first.stdout)["audit_id"])
    mini_site.stop()  # no server: report and rescore must not crawl
    assert run_cli("report", audit_id, "--db", db, "--out", str(tmp_path / "o2")).returncode == 0
    assert (tmp_path / "o2" / "report.html").read_text(encoding="utf-8") == (tmp_path / "o1" / "report.html").read_text(
        encoding="utf-8"
    )
    config = tmp_path / "c.toml"
    config.write_text('[scoring]\ndisabled = ["title-tag"]\n', encoding="utf-8")
    rescored = run_cli("rescore", audit_id, "--db", db, "--out", str(tmp_path / "o3"), "--config", str(config))
    assert rescored.returncode == 0, rescored.stderr
    result = Store(db).result(int(audit_id))
    assert result.check("title-tag").weight == 0
    listing = run_cli("list", "--db", db)
    assert listing.returncode == 0 and "complete" in listing.stdout
