"""Serve a directory of static files on 127.0.0.1 (a free port) in a background thread.

Used by `geo-audit demo` (the bundled site), by `geo-audit audit ./public` (a local build) and
by the tests (fixture sites on real loopback servers). `origin_alias` rewrites a production
origin written in the files (canonicals, sitemaps, JSON-LD) to the loopback origin, so a build
made for https://www.example.de is audited as if it were live.

`stable_port` gives a folder the same port on every run (when it is free), so a second audit of an
unchanged build has the same URLs as the first and reuses its pages (docs/reaudit.md).
"""

from __future__ import annotations

import errno
import hashlib
import mimetypes
import posixpath
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit

_TEXT_TYPES = ("text/", "application/xml", "application/json", "application/ld+json", "image/svg+xml")
STABLE_PORTS = range(20000, 30000)  # below Linux's ephemeral range (32768+): free unless a service took it
_NOT_FOUND = b'<!doctype html><html lang="en"><title>404 Not Found</title><h1>Not Found</h1></html>'


def stable_port(root: str | Path) -> int:
    """A port derived from the folder's absolute path: the same folder, the same port."""
    digest = hashlib.sha1(str(Path(root).resolve()).encode()).digest()
    return STABLE_PORTS[int.from_bytes(digest[:4], "big") % len(STABLE_PORTS)]


class StaticSite:
    """`with StaticSite(path) as site: site.origin` -> "http://127.0.0.1:PORT"; `port` is tried
    first (a busy port falls back to a free one), else any free port."""

    def __init__(self, root: str | Path, *, origin_alias: str | None = None, port: int = 0) -> None:
        self.root = Path(root).resolve()
        if not self.root.is_dir():
            raise NotADirectoryError(str(root))
        self.origin_alias = origin_alias.rstrip("/") if origin_alias else None
        self.port = port
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def origin(self) -> str:
        if self._server is None:
            raise RuntimeError("server not started")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> StaticSite:
        site = self

        class Handler(_StaticHandler):
            static_site = site

        try:
            self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        except OSError as exc:
            if not self.port or exc.errno != errno.EADDRINUSE:
                raise
            self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)  # another audit of the folder runs
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="static-site", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> StaticSite:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def resolve(self, url_path: str) -> Path | None:
        """File for a URL path, or None; refuses anything outside the root."""
        parts = [p for p in posixpath.normpath(unquote(url_path)).split("/") if p and p not in (".", "..")]
        candidate = self.root.joinpath(*parts)
        try:
            candidate.resolve().relative_to(self.root)
        except ValueError:
            return None
        return candidate


class _StaticHandler(BaseHTTPRequestHandler):
    static_site: StaticSite
    server_version = "geo-auditor-static/1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002  (quiet server)
        pass

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def do_GET(self) -> None:
        self._respond(head=False)

    def _respond(self, *, head: bool) -> None:
        path = urlsplit(self.path).path or "/"
        target = self.static_site.resolve(path)
        if target is not None and target.is_dir():
            if not path.endswith("/"):
                self._send(HTTPStatus.MOVED_PERMANENTLY, b"", "text/html", head, location=path + "/")
                return
            target = target / "index.html"
        elif target is not None and not path.endswith("/") and not target.is_file():
            # /about serves about.html, as GitHub Pages, Netlify and most static hosts do ("pretty URLs")
            pretty = target.with_name(target.name + ".html")
            target = pretty if pretty.is_file() else target
        if target is None or not target.is_file():
            self._send(HTTPStatus.NOT_FOUND, _NOT_FOUND, "text/html; charset=utf-8", head)
            return
        content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        body = target.read_bytes()
        if content_type.startswith(_TEXT_TYPES):
            alias = self.static_site.origin_alias
            if alias:
                body = body.replace(alias.encode(), self.static_site.origin.encode())
            if content_type.startswith("text/"):
                content_type += "; charset=utf-8"
        self._send(HTTPStatus.OK, body, content_type, head)

    def _send(
        self, status: HTTPStatus, body: bytes, content_type: str, head: bool, location: str | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        self.end_headers()
        if not head:
            self.wfile.write(body)
