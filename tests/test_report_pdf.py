"""The executive PDF (reports/pdf.py): report.html's print layout rendered by a real headless Chromium.

The demo site is audited through the CLI and printed; so is a generated 3,000-page result. The PDFs are
read back with a small parser below (no PDF library): page sizes from /MediaBox, the page count from
the page tree, and the text from the content streams (Chromium compresses them with FlateDecode and
draws glyph ids; each font's /ToUnicode CMap maps them back to text). Checked: A4 on every page,
6–12 pages for the demo and at most 14 for 3,000 pages, the blockers, levers, categories and action
plan in the text, and no page URL (the details and the page table stay in report.html).
"""

from __future__ import annotations

import os
import re
import stat
import struct
import time
import unicodedata
import zlib
from pathlib import Path
from typing import Any

import pytest

import scoring.checks  # noqa: F401  (registers the checks' messages for build_view, as the CLI does)
from reports.pdf import PdfError, write_pdf
from reports.strings import STRINGS
from reports.view import build_view
from reports.writers import _environment, write_all
from scoring.core.results import AuditResult
from tests.conftest import run_cli
from tests.test_report_rich import big_result, rich_result

CHROMIUM = os.environ.get("GEO_AUDIT_CHROMIUM", "/usr/bin/chromium")
A4 = (595.28, 841.89)  # points (210 × 297 mm)


@pytest.fixture(scope="module")
def chromium() -> str:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: run tests/setup-system.sh")
    return CHROMIUM


# --- a small PDF reader: enough for what Chromium (Skia) writes --------------------------------------


# Content stream operators that matter for the text: font choice, text shown (Chromium writes glyph ids
# as hex strings), form XObjects drawn, end of a text object.
SHOW = re.compile(
    rb"/(?P<font>\w+)\s+[-\d.]+\s+Tf\b|(?P<text>\[[^\]]*\]\s*TJ|<[0-9A-Fa-f\s]*>\s*Tj)|/(?P<form>\w+)\s+Do\b|\bET\b"
)


class Pdf:
    """Objects by number (from the xref table), the pages in order, their size and their text."""

    def __init__(self, data: bytes) -> None:
        assert data.startswith(b"%PDF-"), data[:20]
        self.data = data
        start = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
        self.offsets: dict[int, int] = {}
        tokens = data[start : data.index(b"trailer", start)].split()
        assert tokens[0] == b"xref"
        i = 1
        while i < len(tokens):
            first, count = int(tokens[i]), int(tokens[i + 1])
            i += 2
            for k in range(count):
                offset, _, kind = tokens[i : i + 3]
                if kind == b"n":
                    self.offsets[first + k] = int(offset)
                i += 3
        trailer = data[data.index(b"trailer", start) :]
        self.root = self.ref(trailer, b"Root")
        self.pages = self._kids(self.ref(self.dict(self.root), b"Pages"))

    def chunk(self, num: int) -> bytes:
        offset = self.offsets[num]
        following = [o for o in self.offsets.values() if o > offset]
        return self.data[offset : min(following) if following else len(self.data)]

    def dict(self, num: int) -> bytes:
        """The object's text up to its stream (or endobj)."""
        chunk = self.chunk(num)
        stream = re.search(rb">>\s*stream\r?\n", chunk)
        end = chunk.find(b"endobj")
        return chunk[: stream.start() + 2] if stream and (end < 0 or stream.start() < end) else chunk[:end]

    def stream(self, num: int) -> bytes:
        chunk = self.chunk(num)
        match = re.search(rb">>\s*stream\r?\n", chunk)
        assert match, f"object {num} has no stream"
        head = chunk[: match.start()]
        length = re.search(rb"/Length (\d+)( 0 R)?", head)
        size = int(length.group(1))
        if length.group(2):  # an indirect length
            size = int(re.search(rb"obj\s*(\d+)", self.chunk(size)).group(1))
        raw = chunk[match.end() : match.end() + size]
        return zlib.decompress(raw) if b"/FlateDecode" in head else raw

    @staticmethod
    def ref(text: bytes, key: bytes) -> int:
        return int(re.search(rb"/" + key + rb"\s+(\d+) 0 R", text).group(1))

    def _kids(self, num: int) -> list[int]:
        text = self.dict(num)
        if re.search(rb"/Type\s*/Page\b", text):
            return [num]
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", text).group(1)
        return [page for kid in re.findall(rb"(\d+) 0 R", kids) for page in self._kids(int(kid))]

    def media_box(self, page: int) -> tuple[float, float]:
        num, text = page, self.dict(page)
        while b"/MediaBox" not in text:  # inherited from the page tree
            num = self.ref(text, b"Parent")
            text = self.dict(num)
        x0, y0, x1, y1 = (float(v) for v in re.search(rb"/MediaBox\s*\[([^\]]*)\]", text).group(1).split())
        return x1 - x0, y1 - y0

    def _resources(self, text: bytes) -> bytes:
        match = re.search(rb"/Resources\s+(\d+) 0 R", text)
        return self.dict(int(match.group(1))) if match else text

    def _fonts(self, resources: bytes) -> dict[bytes, dict[int, str]]:
        """Font resource name → glyph code → text, from each font's ToUnicode CMap."""
        match = re.search(rb"/Font\s*<<(.*?)>>", resources, re.S)
        fonts = {}
        for name, num in re.findall(rb"/(\w+)\s+(\d+) 0 R", match.group(1) if match else b""):
            font = self.dict(int(num))
            unicode = re.search(rb"/ToUnicode\s+(\d+) 0 R", font)
            fonts[name] = cmap(self.stream(int(unicode.group(1)))) if unicode else {}
        return fonts

    def page_text(self, page: int) -> str:
        text = self.dict(page)
        resources = self._resources(text)
        contents = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+ 0 R)", text).group(1)
        out: list[str] = []
        for num in re.findall(rb"(\d+) 0 R", contents):
            out.append(self._show(self.stream(int(num)), resources, depth=0))
        return "\n".join(out)

    def _show(self, content: bytes, resources: bytes, depth: int) -> str:
        """The text a content stream shows (Tj/TJ through the current font), and its forms' text."""
        fonts = self._fonts(resources)
        listed = re.search(rb"/XObject\s*<<(.*?)>>", resources, re.S)
        xobjects = dict(re.findall(rb"/(\w+)\s+(\d+) 0 R", listed.group(1))) if listed else {}
        out: list[str] = []
        font: dict[int, str] = {}
        for op in SHOW.finditer(content):
            if op.group("font"):
                font = fonts.get(op.group("font"), {})
            elif op.group("text"):
                for hexa in re.findall(rb"<([0-9A-Fa-f\s]*)>", op.group("text")):
                    codes = bytes.fromhex(hexa.decode("ascii"))
                    out.extend(font.get(int.from_bytes(codes[i : i + 2], "big"), "") for i in range(0, len(codes), 2))
            elif op.group("form"):
                num = xobjects.get(op.group("form"))
                if num and depth < 5 and re.search(rb"/Subtype\s*/Form", self.dict(int(num))):
                    out.append(self._show(self.stream(int(num)), self._resources(self.dict(int(num))), depth + 1))
            else:  # ET: end of a text object (a line or a run)
                out.append("\n")
        return "".join(out)

    def text(self) -> str:
        return "\n".join(self.page_text(p) for p in self.pages)


def cmap(data: bytes) -> dict[int, str]:
    """A ToUnicode CMap's bfchar and bfrange entries: code → text."""

    def utf16(hexa: bytes) -> str:
        return bytes.fromhex(hexa.decode("ascii")).decode("utf-16-be", "replace")

    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(src, 16)] = utf16(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])", block):
            lo_i, hi_i = int(lo, 16), int(hi, 16)
            if dst.startswith(b"["):
                for k, item in enumerate(re.findall(rb"<([0-9A-Fa-f]+)>", dst)):
                    mapping[lo_i + k] = utf16(item)
            else:
                base = bytes.fromhex(dst[1:-1].decode("ascii"))
                for k in range(hi_i - lo_i + 1):
                    last = int.from_bytes(base[-2:], "big") + k
                    mapping[lo_i + k] = (base[:-2] + last.to_bytes(2, "big")).decode("utf-16-be", "replace")
    return mapping


def squash(text: str) -> str:
    """Text without any whitespace (line breaks in the PDF fall where the layout puts them) and with
    ligatures resolved (Chromium draws "ff", "fi" as one glyph: U+FB00, U+FB01)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def assert_a4(pdf: Pdf) -> None:
    for page in pdf.pages:
        width, height = pdf.media_box(page)
        assert abs(width - A4[0]) < 1.5 and abs(height - A4[1]) < 1.5, (width, height)


# --- the demo -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, chromium: str) -> dict[str, Any]:
    """The demo audited through the CLI (German) and its report printed to PDF."""
    base = tmp_path_factory.mktemp("demo-pdf")
    run = run_cli("demo", "--db", str(base / "a.db"), "--out", str(base / "de"))
    assert run.returncode == 0, run.stderr
    result = AuditResult.model_validate_json((base / "de" / "results.json").read_text(encoding="utf-8"))
    pdf_path = write_pdf(base / "de" / "report.html", base / "de" / "report.pdf", chromium=chromium)
    data = pdf_path.read_bytes()
    pdf = Pdf(data)
    return {"result": result, "view": build_view(result), "pdf": pdf, "text": squash(pdf.text()), "size": len(data)}


def test_demo_pdf_is_a4_and_6_to_12_pages(demo: dict[str, Any]) -> None:
    pdf: Pdf = demo["pdf"]
    assert_a4(pdf)
    assert 6 <= len(pdf.pages) <= 12, len(pdf.pages)
    assert len(pdf.pages) == len(re.findall(rb"/Type\s*/Page\b", pdf.data))
    assert demo["size"] < 2_000_000


def test_demo_pdf_names_the_blockers_levers_categories_and_plan(demo: dict[str, Any]) -> None:
    view, text = demo["view"], demo["text"]
    result: AuditResult = demo["result"]
    blocked = [c for c in result.checks if getattr(c, "blocker", None)]
    assert blocked, "the demo blocks PerplexityBot on purpose: a blocker"
    assert {b["id"] for b in view["blockers"]} == {c.id for c in blocked}
    for blocker in view["blockers"]:
        assert squash(blocker["title"]) in text, blocker["title"]
        assert squash(blocker["why"]) in text, blocker["why"]
    assert "PerplexityBot" in text
    first = demo["pdf"].page_text(demo["pdf"].pages[0])  # the title page: site, score, blockers
    assert squash(view["blockers"][0]["title"]) in squash(first)
    assert squash(view["score"]["display"]) in squash(first)
    assert "sonnenwerk" in first
    for lever in view["levers"]:
        assert squash(lever["title"]) in text, lever["title"]
    for cat in view["categories"]:
        assert squash(cat["title"]) in text, cat["title"]
    for item in view["plan"]:
        assert squash(item["title"]) in text, item["title"]
        assert squash(item["todo"]) in text, item["id"]
    for group in view.get("plan_groups") or []:
        assert squash(group["title"]) in text


def test_demo_pdf_leaves_details_and_pages_to_the_html_report(demo: dict[str, Any]) -> None:
    text, view = demo["text"], demo["view"]
    assert "report.html" in text
    paths = {p.url.split("://", 1)[-1].split("/", 1)[-1] for p in demo["result"].pages}
    long_paths = [p for p in paths if len(p) > 12]
    assert long_paths
    printed = [p for p in long_paths if squash(p) in text]
    assert printed == []  # no page table, no affected-page lists, no details tables
    checks = [c for cat in view["categories"] for c in cat["checks"]]
    descriptions = [c["description"] for c in checks if c["description"] and len(c["description"]) > 40]
    assert descriptions and not [d for d in descriptions if squash(d) in text]  # "why it matters": not printed
    assert squash(view["t"]["why"]) + ":" not in text


# --- 3,000 pages ----------------------------------------------------------------------------------


def test_3000_page_result_prints_at_most_14_a4_pages(tmp_path: Path, chromium: str) -> None:
    result = big_result(3000)
    paths = write_all(result, tmp_path, lang="en")
    started = time.perf_counter()
    pdf_path = write_pdf(paths["html"], tmp_path / "report.pdf", chromium=chromium)
    seconds = time.perf_counter() - started
    pdf = Pdf(pdf_path.read_bytes())
    assert_a4(pdf)
    assert 3 <= len(pdf.pages) <= 14, len(pdf.pages)
    text = squash(pdf.text())
    view = build_view(result, lang="en")
    for lever in view["levers"]:
        assert squash(lever["title"]) in text
    assert "3,000" in text  # the note names the pages left to the HTML report
    assert "kategorie-7/seite-1234" not in text
    assert seconds < 120


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A one-colour PNG (the branding logo)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def test_branded_pdf_names_the_agency_on_the_title_page(tmp_path: Path, chromium: str) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(png(40, 20, (170, 51, 0)))
    branding = {
        "name": "Agentur Nordlicht",
        "logo": str(logo),
        "color": "#aa3300",
        "footer": "Vertraulich – nur für Sonnenwerk",
    }
    paths = write_all(rich_result(), tmp_path, lang="de", branding=branding)
    pdf = Pdf(write_pdf(paths["html"], tmp_path / "report.pdf", chromium=chromium).read_bytes())
    assert_a4(pdf)
    first = squash(pdf.page_text(pdf.pages[0]))
    assert squash("Erstellt von Agentur Nordlicht") in first
    assert squash("Vertraulich – nur für Sonnenwerk") in squash(pdf.page_text(pdf.pages[-1]))
    assert re.search(rb"/Subtype\s*/Image", pdf.data)  # the logo is drawn


# --- write_pdf: errors are one line, nothing half-written ------------------------------------------


def test_missing_report_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(PdfError, match="no such report file") as err:
        write_pdf(tmp_path / "nope.html", tmp_path / "out.pdf")
    assert "\n" not in str(err.value)


def test_named_chromium_must_exist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    html = tmp_path / "report.html"
    html.write_text("<!doctype html><p>x</p>", encoding="utf-8")
    monkeypatch.setenv("GEO_AUDIT_CHROMIUM", str(tmp_path / "no-chromium"))
    with pytest.raises(PdfError, match="GEO_AUDIT_CHROMIUM=.* is not an executable file"):
        write_pdf(html, tmp_path / "out.pdf")


def fake_chromium(tmp_path: Path, body: str) -> str:
    script = tmp_path / "fake-chromium"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


def test_failing_chromium_leaves_the_old_pdf(tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    html.write_text("<!doctype html><p>x</p>", encoding="utf-8")
    target = tmp_path / "report.pdf"
    target.write_bytes(b"%PDF-old")
    failing = fake_chromium(tmp_path, "echo 'ERROR: no display' >&2; exit 3")
    with pytest.raises(PdfError, match="exited with code 3 and wrote no PDF: ERROR: no display"):
        write_pdf(html, target, chromium=failing)
    assert target.read_bytes() == b"%PDF-old"
    not_pdf = fake_chromium(
        tmp_path, 'for a; do case "$a" in --print-to-pdf=*) echo hi > "${a#--print-to-pdf=}";; esac; done'
    )
    with pytest.raises(PdfError, match="not a PDF"):
        write_pdf(html, target, chromium=not_pdf)
    assert target.read_bytes() == b"%PDF-old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fake-chromium", "report.html", "report.pdf"]


def test_hanging_chromium_is_stopped_at_the_timeout(tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    html.write_text("<!doctype html><p>x</p>", encoding="utf-8")
    marker = tmp_path / "child.pid"
    hanging = fake_chromium(tmp_path, f"sleep 60 & echo $! > {marker}; wait")
    started = time.perf_counter()
    with pytest.raises(PdfError, match="did not finish the PDF within 1 s"):
        write_pdf(html, tmp_path / "out.pdf", chromium=hanging, timeout=1)
    assert time.perf_counter() - started < 15
    child = int(marker.read_text())
    for _ in range(50):  # the whole process group is stopped, the child it started too
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the hanging Chromium's child process is still running")
    assert not (tmp_path / "out.pdf").exists()


# --- the print layout's own strings ----------------------------------------------------------------


def test_layout_strings_in_both_languages() -> None:
    layout = _environment().get_template("layout_strings.j2").module.LAYOUT
    assert set(layout) == {"en", "de"}
    assert set(layout["en"]) == set(layout["de"])
    for lang, strings in layout.items():
        for key, value in strings.items():
            assert value.strip(), (lang, key)
            assert "<" not in value, (lang, key)  # plain text (autoescaped anyway)
        assert strings != layout["en"] or lang == "en"


def test_strings_inside_the_stylesheet_need_no_escaping() -> None:
    """The card labels and the page footer are CSS strings (content: "…"): the interface strings
    they come from must survive autoescaping and CSS quoting unchanged."""
    source = (Path(__file__).parents[1] / "reports" / "templates" / "report.html.j2").read_text(encoding="utf-8")
    style = source[source.index("<style>") : source.index("</style>")]
    keys = set(re.findall(r'content: "\{\{ t\.(\w+) \}\}', style))
    assert {"status", "words", "page_score", "report_title"} <= keys
    for lang in ("en", "de"):
        for key in keys:
            value = STRINGS[lang][key]
            assert value and not set(value) & set("\"'\\<>&\n"), (lang, key, value)
