"""The CI gate of issue 8: `geo-audit audit URL --fail-under N` exits 3 below the threshold (and
only below it), and `--json` prints a machine-readable summary on stdout either way."""

from __future__ import annotations

import json

from auditor.serve import StaticSite
from tests.batch_sites import BATCH_SITES
from tests.conftest import run_cli


def _audit(url, tmp_path, name, *extra):
    return run_cli(
        "audit", url, "--db", str(tmp_path / "audits.db"), "--out", str(tmp_path / name), "--delay", "0", *extra
    )


def test_fail_under_and_json_summary(tmp_path):
    with StaticSite(BATCH_SITES / "garden-en") as site:
        url = site.origin + "/"
        gate = _audit(url, tmp_path, "a", "--json", "--fail-under", "100.5")  # no site scores above 100
        assert gate.returncode == 3, gate.stderr[-2000:]
        summary = json.loads(gate.stdout)  # the summary is printed before the gate decides
        score = summary["site_score"]
        assert isinstance(score, float) and 0 <= score <= 100
        assert gate.stderr.strip() == f"site score {score} is below --fail-under 100.5"

        equal = _audit(url, tmp_path, "b", "--json", "--fail-under", str(score))  # not below: passes
        assert equal.returncode == 0, equal.stderr[-2000:]
        above = _audit(url, tmp_path, "c", "--fail-under", f"{score + 0.1:.2f}")
        assert above.returncode == 3 and "below --fail-under" in above.stderr

    assert {"audit_id", "site", "site_score", "categories", "pages", "complete", "report"} <= set(summary)
    assert summary["site"] == url and summary["pages"] == 4 and summary["complete"] is True
    results = json.loads((tmp_path / "a" / "results.json").read_text(encoding="utf-8"))
    assert summary["report"] == str(tmp_path / "a" / "report.html")
    assert results["site_score"] == score
    assert summary["categories"] == {c["id"]: c["score"] for c in results["categories"]}
    assert json.loads(equal.stdout)["site_score"] == score  # deterministic: same site, same score

    bad = run_cli("audit", url, "--fail-under", "seventy")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_fail_under_with_crawl_only_is_a_one_line_error(tmp_path):
    # A crawl-only run has no score, so the gate could never judge; it must refuse before crawling.
    gate = run_cli("audit", "http://127.0.0.1:9/", "--crawl-only", "--fail-under", "70", "--db", str(tmp_path / "a.db"))
    assert gate.returncode == 1
    assert gate.stderr.strip() == "error: --fail-under needs a score; it cannot be combined with --crawl-only"
    assert not (tmp_path / "a.db").exists()
