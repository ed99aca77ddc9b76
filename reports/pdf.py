"""The executive PDF: report.html's print layout rendered to A4 by headless Chromium.

`write_pdf(html_path, pdf_path)` runs the Chromium the tests use (Debian's ``/usr/bin/chromium``;
``GEO_AUDIT_CHROMIUM`` names another binary) with ``--headless --print-to-pdf``. What is printed is
decided by the report's print stylesheet (reports/templates/report.html.j2, ``@media print``): a
title page with site, date, score and blockers, the biggest levers and category scores, one block
per category, the action plan — details, long tables and the page table stay in report.html. The
paper size (A4) and the page numbers come from its ``@page`` rule. No Python dependency: Chromium
is a subprocess.

The report loads nothing (its Content-Security-Policy is ``default-src 'none'``) and crawled text
in it is escaped, so Chromium runs without its sandbox (``--no-sandbox``: containers and root,
where the sandbox cannot start), with a throw-away profile and no background networking.

Errors are one line (`PdfError`): no Chromium, a report that does not exist, Chromium failing or
running past the timeout. The PDF is written to a temporary name next to the target and renamed,
so a failed run never leaves half a file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import uuid
from pathlib import Path

CHROMIUM_ENV = "GEO_AUDIT_CHROMIUM"
CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 300.0  # seconds; a 3,000-page report prints in a few seconds
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-extensions",
    "--disable-sync",
    "--mute-audio",
    "--no-pdf-header-footer",  # the page numbers come from the report's @page rule
)


class PdfError(RuntimeError):
    """The PDF could not be made; the message is one line, for the user."""


def find_chromium() -> str:
    """The Chromium binary: ``$GEO_AUDIT_CHROMIUM``, else the first of `CANDIDATES` found."""
    named = os.environ.get(CHROMIUM_ENV, "").strip()
    if named:
        if os.path.isfile(named) and os.access(named, os.X_OK):
            return named
        raise PdfError(f"{CHROMIUM_ENV}={named} is not an executable file")
    for candidate in CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    raise PdfError(
        f"no Chromium found for the PDF: install chromium (Debian: apt-get install chromium) or set {CHROMIUM_ENV}"
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop Chromium and the processes it started (its own process group)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _reason(stderr: bytes) -> str:
    """The last line Chromium logged that says something (not its D-Bus noise), clipped."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines()]
    useful = [line for line in lines if line and "dbus" not in line.lower() and "bytes written" not in line]
    return useful[-1][:200] if useful else "no message"


def write_pdf(html_path: Path, pdf_path: Path, *, chromium: str | None = None, timeout: float = TIMEOUT) -> Path:
    """Render `html_path` (a report.html) to an A4 PDF at `pdf_path`; return `pdf_path`."""
    source = Path(html_path)
    if not source.is_file():
        raise PdfError(f"{source}: no such report file")
    target = Path(pdf_path)
    if target.is_dir():
        raise PdfError(f"{target} is a directory, not a PDF file name")
    if not target.parent.is_dir():
        raise PdfError(f"{target.parent}: no such directory")
    binary = chromium or find_chromium()
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with tempfile.TemporaryDirectory(prefix="geo-audit-pdf-") as profile:
            command = [binary, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={tmp}", source.resolve().as_uri()]
            try:
                process = subprocess.Popen(  # noqa: S603 — a fixed argument list, no shell
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    start_new_session=True,
                )
            except OSError as exc:
                raise PdfError(f"cannot start {binary}: {exc.strerror or exc}") from None
            try:
                _, stderr = process.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                _stop(process)
                raise PdfError(f"Chromium did not finish the PDF within {timeout:g} s") from None
            except BaseException:
                _stop(process)
                raise
        if process.returncode != 0 or not tmp.is_file() or tmp.stat().st_size == 0:
            raise PdfError(f"Chromium exited with code {process.returncode} and wrote no PDF: {_reason(stderr)}")
        with open(tmp, "rb") as handle:
            if handle.read(5) != b"%PDF-":
                raise PdfError("Chromium wrote a file that is not a PDF")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
