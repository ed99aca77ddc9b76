"""A batch of seven client domains on distinct loopback ports — four good sites (German and
English), one unreachable, one slower than its time limit, one whose crawl blows up (a hostile
9.5 MB page drives its process tree past the memory limit and the parent kills it) — completes
with a result or an error entry for every client."""

from __future__ import annotations

import csv
import inspect
import json
from contextlib import ExitStack

from auditor.serve import StaticSite
from auditor.store import Store
from reports.writers import write_all
from tests.batch_sites import SlowServer, client_toml, memory_hungry_site, serve_sites, unreachable_url
from tests.conftest import run_cli


def test_batch_of_seven_domains_with_failures(tmp_path):
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    with ExitStack() as stack:
        sites = serve_sites(stack, 4)
        hungry = stack.enter_context(StaticSite(memory_hungry_site(tmp_path / "hungry")))
        slow = SlowServer(60).start()
        stack.callback(slow.stop)
        toml = [
            '[batch]\nname = "agentur-nord"\nout = "berichte"\njobs = 3\n',
            "[defaults]\nmax_pages = 20\ndelay = 0\ntime_limit = 90\n",
            '[defaults.branding]\nagency = "Agentur Nord"\nlogo = "logo.svg"\ncolour = "#0a6e4f"\n'
            'footer = "Vertraulich – Agentur Nord"\n',
        ]
        good = {}
        for index, (name, site) in enumerate(sites[:4]):
            client = f"Kunde {index + 1} ({name})"
            good[client] = (name, site.origin + "/")
            extra = {"lang": "de" if name.endswith("-de") else "en"}
            if name == "kanzlei-de":
                toml.append(client_toml(client, site.origin + "/", **extra))
                toml.append('[clients.scoring]\ndisabled = ["meta-description"]\n')
            else:
                toml.append(client_toml(client, site.origin + "/", **extra))
        toml.append(client_toml("Offline GmbH", unreachable_url()))
        toml.append(client_toml("Langsam AG", slow.origin + "/", time_limit=4))
        toml.append(client_toml("Absturz Ltd", hungry.origin + "/", memory_mb=250))
        batch_file = tmp_path / "clients.toml"
        batch_file.write_text("".join(toml), encoding="utf-8")
        db = tmp_path / "audits.db"
        run = run_cli("batch", str(batch_file), "--db", str(db), "--json", timeout=400)

    assert run.returncode == 0, run.stderr[-2000:]
    summary = json.loads(run.stdout)
    items = {c["client"]: c for c in summary["clients"]}
    assert len(items) == 7
    for client, (site_name, url) in good.items():
        item = items[client]
        assert item["status"] == "done", item["error"]
        assert item["site_score"] is not None and item["pages"] == 4
        results = json.loads((tmp_path / "berichte").joinpath(item["report"]).with_name("results.json").read_text())
        assert results["site"] == url
        assert results["language"] == ("de" if site_name.endswith("-de") else "en")
        disabled = results["settings"].get("disabled") or []
        meta = next(c for c in results["checks"] if c["id"] == "meta-description")
        if site_name == "kanzlei-de":  # the client's scoring override reached its child
            assert meta["weight"] == 0, (meta, disabled)
        else:
            assert meta["weight"] > 0
        assert 0 < item["peak_mb"] < 3072
        if "branding" in inspect.signature(write_all).parameters:  # white-label reports (issue 8 item 4)
            assert "Agentur Nord" in (tmp_path / "berichte").joinpath(item["report"]).read_text()
    assert items["Offline GmbH"]["status"] == "error"
    assert "refused" in items["Offline GmbH"]["error"].lower()
    assert items["Langsam AG"]["status"] == "error"
    assert items["Langsam AG"]["error"] == "time limit of 4 s exceeded"
    assert items["Absturz Ltd"]["status"] == "error"
    assert items["Absturz Ltd"]["error"].startswith("memory limit of 250 MB exceeded ("), items["Absturz Ltd"]
    assert items["Absturz Ltd"]["peak_mb"] > 250  # what the parent's watchdog measured
    # per-client folders, named after the clients
    assert (tmp_path / "berichte" / "kunde-1-baeckerei-de" / "report.html").is_file()

    # the portfolio: every client, its error or its score and report link
    portfolio = (tmp_path / "berichte" / "portfolio.html").read_text()
    for client in items:
        assert client in portfolio
    assert "time limit of 4 s exceeded" in portfolio
    assert 'href="kunde-1-baeckerei-de/report.html"' in portfolio
    assert "Agentur Nord" in portfolio and "#0a6e4f" in portfolio
    with open(tmp_path / "berichte" / "portfolio.csv", newline="", encoding="utf-8") as handle:
        rows = {r["client"]: r for r in csv.DictReader(handle)}
    assert set(rows) == set(items)
    assert rows["Offline GmbH"]["status"] == "error" and rows["Offline GmbH"]["score"] == ""
    assert float(rows["Kunde 2 (kanzlei-de)"]["score"]) == items["Kunde 2 (kanzlei-de)"]["site_score"]

    store = Store(db)
    batch = store.batch(summary["batch_id"])
    assert (batch.name, batch.status) == ("agentur-nord", "complete")
    store.close()

    # the portfolio again from the store, elsewhere: links still lead to the reports
    again = run_cli("portfolio", "--batch", "agentur-nord", "--db", str(db), "--out", str(tmp_path / "mappe"))
    assert again.returncode == 0, again.stderr
    html = (tmp_path / "mappe" / "portfolio.html").read_text()
    assert 'href="../berichte/kunde-1-baeckerei-de/report.html"' in html
    assert run_cli("portfolio", "--batch", "nope", "--db", str(db)).stderr.startswith("error: no batch nope")
