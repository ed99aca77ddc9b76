"""A local build served on a port derived from its folder: the same folder gets the same URLs on every
run, so a second `geo-audit audit ./folder` reuses the first audit's pages (docs/reaudit.md)."""

from __future__ import annotations

import shutil
import socket

from auditor.serve import STABLE_PORTS, StaticSite, stable_port
from tests.conftest import SITES, run_cli


def test_stable_port_depends_on_the_folder_only(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    assert stable_port(one) == stable_port(str(one)) == stable_port(one / ".." / "one")
    assert stable_port(one) in STABLE_PORTS and stable_port(two) in STABLE_PORTS
    assert stable_port(one) != stable_port(two)  # these two paths hash apart (not guaranteed for all)


def test_a_busy_port_falls_back_to_a_free_one(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        with StaticSite(tmp_path, port=taken) as site:
            assert not site.origin.endswith(f":{taken}")
    with StaticSite(tmp_path, port=taken) as site:  # free again: the preferred port is used
        assert site.origin == f"http://127.0.0.1:{taken}"


def test_a_second_audit_of_an_unchanged_folder_reuses_its_pages(tmp_path):
    site = tmp_path / "public"
    shutil.copytree(SITES / "mini", site)
    db = tmp_path / "audits.db"
    runs = [
        run_cli("audit", str(site), "--db", str(db), "--out", str(tmp_path / f"out{i}"), "--delay", "0")
        for i in (1, 2)
    ]
    assert [r.returncode for r in runs] == [0, 0], runs[-1].stderr
    assert "Re-audit" not in runs[0].stdout
    assert "Re-audit of audit 1:" in runs[1].stdout and "0 extracted anew" in runs[1].stdout
