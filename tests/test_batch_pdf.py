"""`geo-audit batch --pdf` (docs/batch.md): every finished client's report.pdf and the portfolio's
portfolio.pdf, rendered by the real Chromium; a missing Chromium or a client without a report is
one line and never fails the batch. Fixture client sites on loopback, a real SQLite store."""

from __future__ import annotations

import json
from contextlib import ExitStack
from pathlib import Path

import pytest

from tests.batch_sites import client_toml, serve_sites, unreachable_url
from tests.conftest import run_cli
from tests.test_report_pdf import CHROMIUM, Pdf, assert_a4, squash


def test_batch_pdfs_for_every_finished_client_and_one_line_without_chromium(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: run tests/setup-system.sh")
    db = tmp_path / "audits.db"
    with ExitStack() as stack:
        sites = serve_sites(stack, 2)
        toml = '[batch]\nname = "pdf"\nout = "berichte"\n[defaults]\nmax_pages = 10\ndelay = 0\n'
        toml += "".join(client_toml(f"Kunde {i}", site.origin + "/") for i, (_, site) in enumerate(sites))
        toml += client_toml("Offline GmbH", unreachable_url())
        batch_file = tmp_path / "clients.toml"
        batch_file.write_text(toml, encoding="utf-8")

        # No Chromium: the batch runs as always, one warning line, no PDF tried.
        monkeypatch.setenv("GEO_AUDIT_CHROMIUM", str(tmp_path / "no-chromium"))
        first = run_cli("batch", str(batch_file), "--db", str(db), "--json", "--pdf", timeout=400)
        assert first.returncode == 0, first.stderr[-2000:]
        warnings = [line for line in first.stderr.splitlines() if line.startswith("warning:")]
        assert len(warnings) == 1 and "no PDFs written" in warnings[0] and "GEO_AUDIT_CHROMIUM" in warnings[0]
        assert "Traceback" not in first.stderr
        summary = json.loads(first.stdout)
        assert summary["portfolio_pdf"] is None and all(c["pdf"] is None for c in summary["clients"])
        assert summary["pdf_problems"] == [warnings[0].removeprefix("warning: ")]
        assert not list((tmp_path / "berichte").rglob("*.pdf"))

        # With Chromium (--resume: the finished clients are kept and get their PDFs now).
        monkeypatch.setenv("GEO_AUDIT_CHROMIUM", CHROMIUM)
        second = run_cli("batch", str(batch_file), "--db", str(db), "--json", "--pdf", "--resume", timeout=400)
    assert second.returncode == 0, second.stderr[-2000:]
    assert "warning:" not in second.stderr
    summary = json.loads(second.stdout)
    clients = {c["client"]: c for c in summary["clients"]}
    assert clients["Offline GmbH"]["status"] == "error" and clients["Offline GmbH"]["pdf"] is None
    for name in ("Kunde 0", "Kunde 1"):
        client = clients[name]
        assert client["status"] == "done"
        pdf_path = Path(client["pdf"])
        assert pdf_path == Path(client["report"]).with_name("report.pdf")
        pdf = Pdf(pdf_path.read_bytes())
        assert_a4(pdf) and 1 <= len(pdf.pages) <= 12
        results = json.loads(Path(client["report"]).with_name("results.json").read_text(encoding="utf-8"))
        assert squash(results["site"].split("//", 1)[1]) in squash(pdf.page_text(pdf.pages[0]))
    portfolio = Path(summary["portfolio_pdf"])
    assert portfolio == Path(summary["portfolio"]).with_name("portfolio.pdf")
    text = squash(Pdf(portfolio.read_bytes()).text())
    assert "Kunde0" in text and "OfflineGmbH" in text
    assert summary["pdf_problems"] == []
