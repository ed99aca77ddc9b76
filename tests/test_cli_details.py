"""The CLI's details (issue 15), each through real `geo-audit` runs against loopback fixture sites:
the summary names the crawl limit that stopped a crawl; `--version`; `--help` without `<bool>`-style
type labels and with the crawl limits' defaults; `list` keeps long values whole when piped; a
missing folder is called a missing folder; no error starts with an empty line; a branded report
(`[brand]` of `--config`, `--brand FILE`) with its logo embedded and hostile text escaped, in a
real Chromium and in the PDF; `--pdf` and its one-line failures that keep the HTML report.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import os
import re
import subprocess
import sys
import zlib
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest

from auditor.crawl import CrawlOptions
from auditor.serve import StaticSite
from spiders import settings as crawl_defaults
from tests.conftest import SITES, CliRun, run_cli
from tests.fault_server import TreeSite
from tests.test_browser import Loaded, browser  # noqa: F401  (browser: the Chromium fixture)
from tests.test_cli import closed_port

ROOT = Path(__file__).resolve().parents[1]
HAS_PDF = importlib.util.find_spec("reports.pdf") is not None
NO_PDF = "reports.pdf is not there yet (the layout engineer builds it)"
# A 1x1 PNG (a red pixel).
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
HOSTILE_NAME = 'Agentur <script>alert("brand")</script> & <b>Nord</b>'


def run_cli_env(*args: str, env: dict[str, str | None], timeout: float = 300, python: str | None = None) -> CliRun:
    """`run_cli` with other environment variables (None: unset), or `python` code run before main()."""
    merged = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "HF_HUB_OFFLINE": "1"}
    merged.pop("GEO_AUDIT_DEBUG", None)
    for key, value in env.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    if python is None:
        command = [sys.executable, "-m", "auditor.cli", *args]
    else:
        boot = f"import sys\n{python}\nfrom auditor.cli import main\nsys.argv = ['geo-audit', *sys.argv[1:]]\nmain()"
        command = [sys.executable, "-c", boot, *args]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=merged)
    return CliRun(proc.returncode, proc.stdout, proc.stderr)


def assert_one_line_error(run: CliRun, fragment: str, code: int = 1) -> str:
    """One line on stderr, starting with `error:` (no empty line before it), naming `fragment`."""
    assert run.returncode == code, (run.returncode, run.stdout, run.stderr)
    assert "Traceback" not in run.stderr + run.stdout
    assert run.stderr.startswith("error: "), repr(run.stderr)
    assert run.stderr.count("\n") == 1 and run.stderr.endswith("\n"), repr(run.stderr)
    assert fragment in run.stderr, run.stderr
    return run.stderr


@pytest.fixture(scope="module")
def site() -> Iterator[StaticSite]:
    with StaticSite(SITES / "mini", origin_alias="https://www.mini-workshop.example") as served:
        yield served


# -- the crawl limits in the summary ------------------------------------------------------------
@pytest.mark.parametrize(
    ("flags", "said"),
    [
        (["--max-pages", "2"], "it stopped at the page limit of 2 URLs (--max-pages 2). "),
        (["--max-depth", "1"], "it did not follow links more than 1 click from the start page (--max-depth 1). "),
    ],
    ids=["max-pages", "max-depth"],
)
def test_the_summary_says_which_limit_stopped_the_crawl(site, tmp_path, flags, said):
    run = run_cli("audit", site.origin + "/", *flags, "--db", str(tmp_path / "a.db"), "--out", str(tmp_path / "o"))
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"Site score {_score_of(run.stdout)} for {site.origin}/ ")
    line = next(line for line in run.stdout.splitlines() if line.startswith("Crawl incomplete:"))
    assert said in line
    flag = flags[0]
    assert line.endswith(f"cover only the pages crawled; raise {flag} to audit the whole site."), line
    crawl_only = run_cli("audit", site.origin + "/", *flags, "--crawl-only", "--db", str(tmp_path / "a.db"))
    assert crawl_only.returncode == 0, crawl_only.stderr
    assert said in crawl_only.stdout  # the summary of a crawl without scores says it too


def _score_of(stdout: str) -> str:
    return stdout.split("Site score ", 1)[1].split(" ", 1)[0]


def test_the_summary_names_the_production_site_with_as_host(site, tmp_path):
    from reports import format as report_format

    if not hasattr(report_format, "display_site"):
        pytest.skip("reports.format has no display_site yet (production URLs: engineer 'report data')")
    args = ["audit", site.origin + "/", "--as-host", "https://www.mini-workshop.example", "--max-pages", "3"]
    run = run_cli(*args, "--db", str(tmp_path / "a.db"), "--out", str(tmp_path / "o"))
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"Site score {_score_of(run.stdout)} for https://www.mini-workshop.example/ (3 URLs")
    assert site.origin not in run.stdout.replace(str(tmp_path), "")
    as_json = run_cli(*args, "--db", str(tmp_path / "a.db"), "--out", str(tmp_path / "o"), "--json")
    summary = json.loads(as_json.stdout)
    assert (summary["site"], summary["display_site"]) == (site.origin + "/", "https://www.mini-workshop.example/")


def test_the_summary_says_the_time_limit_stopped_the_crawl(tmp_path):
    with TreeSite(pages=3000, delay_s=0.3) as tree:  # far more than a second of crawling
        run = run_cli(
            "audit", tree.origin + "/", "--timeout", "1", "--db", str(tmp_path / "a.db"), "--out", str(tmp_path)
        )
    assert run.returncode == 0, run.stderr
    assert "Crawl incomplete: it stopped at the time limit of 1 s (--timeout 1)." in run.stdout
    assert "raise --timeout to audit the whole site." in run.stdout


# -- --version and --help -----------------------------------------------------------------------
def test_version():
    run = run_cli("--version")
    assert run.returncode == 0 and run.stderr == ""
    assert run.stdout == f"geo-audit {metadata.version('geo-auditor')}\n"


COMMANDS = ["audit", "demo", "checks", "list", "rescore", "report", "resume", "suggest"]
COMMANDS += ["batch", "compare", "trends", "portfolio", "worker"]


def _help(*args: str) -> str:
    run = run_cli(*args, "--help")
    assert run.returncode == 0, run.stderr
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", run.stdout).split())  # one line: the help's line breaks vary


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_shows_no_type_labels(command):
    text = _help(*([command] if command else []))
    assert "--help" in text
    labels = re.findall(r"<(?:bool|int|float|str|path|list|text)[^>]*>", text)
    assert not labels, labels
    if command is None:
        assert "--version" in text


def test_audit_help_names_the_defaults_of_the_crawl_limits():
    text = _help("audit")
    defaults = CrawlOptions()
    assert f"Stop after this many URLs (default: {defaults.max_pages})." in text
    assert f"0: no limit (default: {defaults.max_depth})." in text
    assert f"Seconds between requests (default: {crawl_defaults.DOWNLOAD_DELAY:g};" in text
    assert "(default: no time limit)" in text
    for option in ("--brand FILE", "--pdf", "--csv-separator CHAR", "--max-pages N [x>=1]"):
        assert option in text


# -- list ---------------------------------------------------------------------------------------
def test_list_keeps_long_site_urls_whole_when_piped(site, tmp_path):
    db = str(tmp_path / "a.db")
    start = site.origin + "/?campaign-landing-page=" + "herbst-aktion-" * 20  # a start URL of 300+ characters
    crawled = run_cli("audit", start, "--max-pages", "1", "--crawl-only", "--db", db, "--json")
    assert crawled.returncode == 0, crawled.stderr
    stored = json.loads(crawled.stdout)["site"]
    assert len(stored) > 300
    for columns in (None, "80", "200"):  # piped: Rich assumes 80 columns unless COLUMNS says otherwise
        run = run_cli_env("list", "--db", db, env={"COLUMNS": columns})
        assert run.returncode == 0, run.stderr
        rows = [line for line in run.stdout.splitlines() if stored in line]
        assert len(rows) == 1, run.stdout  # whole, on one line: greppable
        assert "…" not in run.stdout
        assert "complete" in rows[0]


# -- a folder that does not exist ---------------------------------------------------------------
def test_a_missing_folder_is_called_a_missing_folder(tmp_path):
    missing = tmp_path / "missing" / "dir"
    for argument, cwd in ((str(missing), None), ("./no-such-build", tmp_path), ("../gone/site", tmp_path)):
        run = run_cli("audit", argument, "--db", str(tmp_path / "a.db"), cwd=cwd)
        message = assert_one_line_error(run, f"folder {argument} does not exist")
        assert "not a URL" not in message
    file = tmp_path / "index.html"
    file.write_text("<h1>x</h1>", encoding="utf-8")
    assert_one_line_error(run_cli("audit", str(file), "--db", str(tmp_path / "a.db")), "is a file, not a folder")
    assert not (tmp_path / "a.db").exists()  # refused before the store was opened


# -- no error starts with an empty line ---------------------------------------------------------
def test_no_error_starts_with_an_empty_line(site, tmp_path):
    db = str(tmp_path / "a.db")
    bad_brand = tmp_path / "brand.toml"
    bad_brand.write_text('color = "red"\n', encoding="utf-8")
    clients = tmp_path / "clients.toml"
    clients.write_text(f'[batch]\nout = "{tmp_path / "b"}"\n[[clients]]\nname = "A"\nurl = "{site.origin}/"\n')
    runs = {
        "crawl fails (the progress bar ran)": run_cli(
            "audit", f"http://127.0.0.1:{closed_port()}/", "--db", db, "--out", str(tmp_path / "o")
        ),
        "start URL is a 404": run_cli("audit", site.origin + "/gibt-es-nicht/", "--db", db, "--out", str(tmp_path)),
        "missing folder": run_cli("audit", str(tmp_path / "nope"), "--db", db),
        "bad URL": run_cli("audit", "ftp://example.de/", "--db", db),
        "resume of no audit (inside the progress bar)": run_cli("resume", "99", "--db", db),
        "report of no audit": run_cli("report", "99", "--db", db),
        "bad brand": run_cli("audit", site.origin + "/", "--brand", str(bad_brand), "--db", db),
        "usage": run_cli("audit", "--max-pages", "0", site.origin + "/"),
        "unknown command": run_cli("auditt"),
        "store is no database": run_cli("list", "--db", str(ROOT / "pyproject.toml")),
        # raised inside the batch's live table, which is then not drawn before the error
        "batch": run_cli("batch", str(clients), "--db", db, "--queue", f"redis://127.0.0.1:{closed_port()}/0"),
    }
    for name, run in runs.items():
        assert run.returncode != 0, name
        assert run.stderr.startswith("error: "), f"{name}: {run.stderr!r}"
        assert "\n\n" not in run.stderr and run.stderr.count("\n") == 1, f"{name}: {run.stderr!r}"


# -- branding -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def branded(site, tmp_path_factory) -> dict:
    """One audit of the mini site with [brand] in the config file (a PNG logo), the colour and
    contact overridden by --brand FILE, and --pdf when reports.pdf exists."""
    tmp = tmp_path_factory.mktemp("branded")
    (tmp / "brand").mkdir()
    (tmp / "brand" / "logo.png").write_bytes(PNG)
    config = tmp / "brand" / "geo.toml"
    config.write_text(
        "[crawl]\nmax_pages = 50\n\n[brand]\n"
        f'name = {json.dumps(HOSTILE_NAME)}\nlogo = "logo.png"\ncolor = "#123456"\ncontact = "old contact"\n',
        encoding="utf-8",
    )
    override = tmp / "override.toml"
    override.write_text('[brand]\ncolour = "#c0392b"\ncontact = "Jana Berg · +49 40 123456"\n', encoding="utf-8")
    out = tmp / "out"
    args = ["audit", site.origin + "/", "--config", str(config), "--brand", str(override)]
    args += ["--db", str(tmp / "a.db"), "--out", str(out), "--json", "--csv-separator", ";"]
    args += ["--pdf"] if HAS_PDF else []
    run = run_cli(*args)
    assert run.returncode == 0, run.stderr
    return {"summary": json.loads(run.stdout), "out": out, "tmp": tmp, "run": run}


def test_brand_reaches_the_report(branded):
    html = (branded["out"] / "report.html").read_text(encoding="utf-8")
    logo = "data:image/png;base64," + base64.b64encode(PNG).decode("ascii")
    assert f'src="{logo}"' in html  # embedded: the report stays one self-contained file
    assert "--accent: #c0392b" in html  # --brand's colour wins over the config file's
    assert "#123456" not in html
    assert "Agentur &lt;script&gt;alert(&#34;brand&#34;)&lt;/script&gt; &amp; &lt;b&gt;Nord&lt;/b&gt;" in html
    assert "<script>alert" not in html and "<b>Nord</b>" not in html
    assert "Agentur" not in json.dumps(json.loads((branded["out"] / "results.json").read_text(encoding="utf-8")))


def test_csv_separator_of_an_audit(branded, tmp_path):
    # the English mini site would get ","; the audit's --csv-separator chose ";" for both files
    for name in ("pages.csv", "findings.csv"):
        header = (branded["out"] / name).read_text(encoding="utf-8-sig").splitlines()[0]
        assert header.startswith("url;status;" if name == "pages.csv" else "check_id;check_title;"), header
    bad = run_cli("audit", "https://www.example.de/", "--csv-separator", "|", "--db", str(tmp_path / "a.db"))
    assert_one_line_error(bad, "--csv-separator must be ',' or ';', not '|'")


def _shows_contact() -> bool:
    from reports.sections import branding_view

    return "contact" in (branding_view({"name": "x", "contact": "y"}) or {})


def test_brand_contact_is_shown(branded):
    if not _shows_contact():
        pytest.skip("the report view does not show brand.contact yet (change requested from 'report data')")
    html = (branded["out"] / "report.html").read_text(encoding="utf-8")
    assert "Jana Berg · +49 40 123456" in html and "old contact" not in html


def test_branded_report_in_chromium(branded, browser):  # noqa: F811
    loaded = Loaded(browser, branded["out"] / "report.html")
    try:
        brand = loaded.page.locator(".brand")
        assert HOSTILE_NAME in brand.inner_text()  # shown as text, run as nothing
        assert loaded.page.locator(".brand img").evaluate("img => img.complete && img.naturalWidth") == 1
        accent = loaded.page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--accent')")
        assert accent.strip() == "#c0392b"
        assert loaded.dialogs == [] and loaded.problems() == []
        assert loaded.requests == [loaded.url]  # the logo loads from the page itself, nothing else
    finally:
        loaded.context.close()


# -- --pdf --------------------------------------------------------------------------------------
def pdf_objects(data: bytes) -> dict[int, tuple[bytes, bytes]]:
    """Each object of a PDF with a classic xref table, as Chromium (Skia) writes it: (its text up to
    the stream, its stream inflated). Found by the xref offsets and read by /Length, so binary font
    and image data cannot be mistaken for PDF syntax."""
    xref = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    head = re.compile(rb"xref\s+(\d+)\s+(\d+)\s+").match(data, xref)
    assert head is not None, "no classic xref table"
    first, count = int(head[1]), int(head[2])
    offsets = {}
    for i in range(count):
        entry = data[head.end() + 20 * i : head.end() + 20 * i + 20]  # "0000012345 00000 n \n"
        if entry[17:18] == b"n":
            offsets[first + i] = int(entry[:10])
    objects = {}
    for number, offset in offsets.items():
        end = re.compile(rb"stream\r?\n|endobj").search(data, offset)
        text, stream = data[offset : end.start()], b""
        if end[0].startswith(b"stream"):
            length = re.search(rb"/Length (\d+)( 0 R)?", text)
            size = int(length[1])
            if length[2]:  # an indirect length: the number in that object
                size = int(re.search(rb"obj\s+(\d+)", data[offsets[size] :])[1])
            stream = data[end.end() : end.end() + size]
            if b"/FlateDecode" in text:
                stream = zlib.decompress(stream)
        objects[number] = (text, stream)
    return objects


def pdf_pages(data: bytes) -> list[tuple[tuple[float, ...], str]]:
    """(media box, text) of each page: Type0 fonts' ToUnicode maps applied to the hex strings of
    the content streams. Enough to read back what Chromium printed."""
    objects = pdf_objects(data)

    def cmap(text: bytes) -> dict[int, str]:
        codes: dict[int, str] = {}
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
            for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                codes[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be", "replace")
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
            for low, high, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                for code in range(int(low, 16), int(high, 16) + 1):
                    codes[code] = chr(int(dst, 16) + code - int(low, 16))
        return codes

    fonts = {}
    for number, (text, _) in objects.items():
        if ref := re.search(rb"/ToUnicode (\d+) 0 R", text):
            fonts[number] = cmap(objects[int(ref[1])][1])
    pages = []
    for text, _ in objects.values():
        if not re.search(rb"/Type /Page\b", text):
            continue
        box = tuple(float(v) for v in re.search(rb"/MediaBox \[([^\]]*)\]", text)[1].split())
        block = re.search(rb"/Font <<(.*?)>>", text, re.S)
        names = {name: int(ref) for name, ref in re.findall(rb"/(\S+) (\d+) 0 R", block[1])} if block else {}
        contents = re.search(rb"/Contents (?:\[(.*?)\]|(\d+) 0 R)", text, re.S)
        refs = re.findall(rb"(\d+) 0 R", contents[1]) if contents[1] else [contents[2]]
        said: list[str] = []
        font: dict[int, str] = {}
        for ref in refs:
            for m in re.finditer(rb"/(\S+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\bET\b", objects[int(ref)][1]):
                if m[1] is not None:
                    font = fonts.get(names.get(m[1], -1), {})
                elif m[2] is not None:
                    hexa = m[2].decode()
                    said.append("".join(font.get(int(hexa[i : i + 4], 16), "") for i in range(0, len(hexa), 4)))
                else:
                    said.append(" ")
        pages.append((box, "".join(said)))
    return pages


def is_a4(box: tuple[float, ...]) -> bool:
    width, height = box[2] - box[0], box[3] - box[1]
    return abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # points: 210 x 297 mm


@pytest.mark.skipif(not HAS_PDF, reason=NO_PDF)
def test_pdf_is_written_and_carries_the_brand(branded):
    pdf = branded["out"] / "report.pdf"
    assert branded["summary"]["pdf"] == str(pdf)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = pdf_pages(data)
    assert pages and all(is_a4(box) for box, _ in pages)
    text = " ".join(" ".join(page for _, page in pages).split())
    assert HOSTILE_NAME in text, text[:500]  # the brand of the report it was rendered from, as text
    if _shows_contact():
        assert "Jana Berg · +49 40 123456" in text


@pytest.mark.skipif(not HAS_PDF, reason=NO_PDF)
def test_pdf_of_report_and_demo(branded, tmp_path):
    audit_id = str(branded["summary"]["audit_id"])
    db = str(branded["tmp"] / "a.db")
    run = run_cli("report", audit_id, "--db", db, "--out", str(tmp_path / "again"), "--pdf", "--lang", "de")
    assert run.returncode == 0, run.stderr
    pdf = tmp_path / "again" / "report.pdf"
    assert run.stdout.splitlines()[-1] == f"PDF: {pdf}"
    assert pdf.read_bytes().startswith(b"%PDF-")
    demo = run_cli("demo", "--db", str(tmp_path / "d.db"), "--out", str(tmp_path / "demo"), "--pdf", timeout=600)
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.splitlines()[-2:] == [
        f"Report: {tmp_path / 'demo' / 'report.html'}",
        f"PDF: {tmp_path / 'demo' / 'report.pdf'}",
    ]
    pages = pdf_pages((tmp_path / "demo" / "report.pdf").read_bytes())
    assert pages and all(is_a4(box) for box, _ in pages)


def test_pdf_failures_are_one_line_and_keep_the_html_report(branded, tmp_path):
    audit_id = str(branded["summary"]["audit_id"])
    db = str(branded["tmp"] / "a.db")
    out = tmp_path / "no-chromium"
    run = run_cli_env(
        "report", audit_id, "--db", db, "--out", str(out), "--pdf", env={"GEO_AUDIT_CHROMIUM": str(tmp_path / "none")}
    )
    message = assert_one_line_error(run, "cannot write the PDF")
    assert f"the HTML report is kept: {out / 'report.html'}" in message
    if HAS_PDF:
        assert "GEO_AUDIT_CHROMIUM" in message
    assert (out / "report.html").is_file() and not (out / "report.pdf").exists()
    assert run.stdout == f"Report: {out / 'report.html'}\n"
    out = tmp_path / "no-module"
    run = run_cli_env(
        "report", audit_id, "--db", db, "--out", str(out), "--pdf", env={}, python="sys.modules['reports.pdf'] = None"
    )
    message = assert_one_line_error(run, "cannot write the PDF: PDF export is not available")
    assert (out / "report.html").is_file() and not list(out.glob("*.pdf"))


def test_pdf_failure_after_an_audit_prints_the_summary_first(site, tmp_path):
    out = tmp_path / "o"
    args = ["audit", site.origin + "/", "--db", str(tmp_path / "a.db"), "--out", str(out), "--pdf", "--json"]
    run = run_cli_env(*args, env={}, python="sys.modules['reports.pdf'] = None")
    assert_one_line_error(run, "cannot write the PDF")
    summary = json.loads(run.stdout)
    assert summary["pdf"] is None and summary["site_score"] is not None
    assert Path(summary["report"]).is_file()
    assert_one_line_error(run_cli("audit", site.origin + "/", "--crawl-only", "--pdf"), "--pdf needs a report")


# -- .gitignore ---------------------------------------------------------------------------------
@pytest.mark.parametrize("folder", ["geo-audit-report", "geo-audit-demo", "geo-audit-portfolio"])
def test_default_output_folders_are_ignored_by_git(folder):
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    run = subprocess.run(["git", "check-ignore", "-q", f"{folder}/report.html"], cwd=ROOT, check=False)
    assert run.returncode == 0, f"{folder}/ is not in .gitignore"
