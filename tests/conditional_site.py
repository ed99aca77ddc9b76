"""A static fixture site on a loopback server that answers conditional requests, as most production
servers do: ETag (a hash of the body) and Last-Modified (the file's mtime) on every 200, and 304 Not
Modified for a matching If-None-Match, else for an If-Modified-Since not before the file's mtime
(RFC 9110 §13.1; If-None-Match wins). Counts the responses by status for the tests and the benchmark.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from auditor.serve import StaticSite, _StaticHandler


class ConditionalSite(StaticSite):
    """`with ConditionalSite(path) as site:` like StaticSite; `site.statuses` counts responses."""

    def __init__(self, root: str | Path, *, origin_alias: str | None = None) -> None:
        super().__init__(root, origin_alias=origin_alias)
        self.statuses: Counter[int] = Counter()
        self.lock = threading.Lock()

    def start(self) -> ConditionalSite:
        site = self

        class Handler(_ConditionalHandler):
            static_site = site

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="conditional-site", daemon=True)
        self._thread.start()
        return self

    def count(self, status: int) -> None:
        with self.lock:
            self.statuses[status] += 1


class _ConditionalHandler(_StaticHandler):
    static_site: ConditionalSite
    _validators: tuple[str, str, float] | None = None  # ETag, Last-Modified, mtime of the file served

    def _respond(self, *, head: bool) -> None:
        path = urlsplit(self.path).path or "/"
        target = self.static_site.resolve(path)
        if target is not None and target.is_dir() and path.endswith("/"):
            target = target / "index.html"
        self._validators = None
        if target is not None and target.is_file():
            body = target.read_bytes()
            mtime = target.stat().st_mtime
            self._validators = (f'"{hashlib.sha256(body).hexdigest()[:32]}"', formatdate(mtime, usegmt=True), mtime)
            if self._not_modified():
                self.static_site.count(304)
                self.send_response(HTTPStatus.NOT_MODIFIED)
                self.send_header("ETag", self._validators[0])
                self.send_header("Last-Modified", self._validators[1])
                self.end_headers()
                return
        super()._respond(head=head)

    def _not_modified(self) -> bool:
        etag, _, mtime = self._validators
        match = self.headers.get("If-None-Match")
        if match is not None:
            return etag in [tag.strip() for tag in match.split(",")] or match.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since is None:
            return False
        try:
            return int(mtime) <= parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False

    def _send(
        self, status: HTTPStatus, body: bytes, content_type: str, head: bool, location: str | None = None
    ) -> None:
        self.static_site.count(int(status))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        if status == HTTPStatus.OK and self._validators is not None:
            self.send_header("ETag", self._validators[0])
            self.send_header("Last-Modified", self._validators[1])
        self.end_headers()
        if not head:
            self.wfile.write(body)
