"""The local-build server (auditor/serve.py) answers like a static host: index files, trailing-slash
redirects, and extensionless "pretty" URLs (/about serves about.html, as GitHub Pages does) — a Jekyll
build whose links omit ".html" is audited as it is live, not as a site of 404s."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest

from auditor.serve import StaticSite


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


@pytest.fixture()
def served(tmp_path: Path):
    (tmp_path / "index.html").write_text("<h1>Start</h1>")
    (tmp_path / "insights").mkdir()
    (tmp_path / "insights" / "index.html").write_text("<h1>Insights</h1>")
    (tmp_path / "insights" / "2020-08-cloud.html").write_text("<h1>Cloud costs</h1>")
    (tmp_path / "about.html").write_text("<h1>About</h1>")
    with StaticSite(tmp_path) as site:
        yield site


def test_an_extensionless_url_serves_its_html_file(served):
    assert fetch(served.origin + "/insights/2020-08-cloud") == (200, "<h1>Cloud costs</h1>")
    assert fetch(served.origin + "/about") == (200, "<h1>About</h1>")


def test_folders_and_missing_pages_answer_as_before(served):
    assert fetch(served.origin + "/insights") == (200, "<h1>Insights</h1>")  # redirected to /insights/
    assert fetch(served.origin + "/about/")[0] == 404  # a folder URL is not the file's
    assert fetch(served.origin + "/nothing")[0] == 404
