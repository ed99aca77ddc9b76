"""A loopback site that turns against its crawler (issue 18): a robots.txt that forbids everything
and answers slowly (so many requests wait for it at once), a server that dies mid-crawl (every
later connection refused), a page that never answers, a page whose analysis takes seconds.

`HostileSite(pages=N)`: `/` links to /p/1 ... /p/N-1 (flat: the whole frontier is known after the
first page), /sitemap.xml lists them all. Hits are counted per path, as in tests/fault_server.py.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import defaultdict
from http.server import ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit

from tests.fault_server import _FaultHandler

DISALLOW_ALL = "User-agent: *\nDisallow: /\n"


class HostileSite:
    """`with HostileSite(...) as site: site.origin` -> "http://127.0.0.1:PORT".

    robots: robots.txt body (None: 404). robots_delay_s: robots.txt answers after this pause.
    robots_status: the status robots.txt answers with, `robots` its body (or an HTML error page when
    None; default: 200 with `robots`, 404 without). robots_drop: robots.txt gets no answer at all,
    its connection is closed (pages answer as usual). host: the loopback address served on, "::1"
    for IPv6 (the origin then has the address in brackets).
    robots_redirects: /robots.txt answers with this many consecutive redirects (status
    robots_redirect_status) before the rules: /robots.txt -> /robots-hop/1 -> ... -> /robots-hop/N-1 ->
    robots_redirect_to (a path or absolute URL, default /real-robots.txt, which answers as /robots.txt
    would without redirects). Each redirect's body is robots_redirect_body (default empty), text/plain:
    a crawler that reads it as the rules obeys the wrong ones.
    private: / also links /private/1 ... /private/N (pages that robots.txt rules may forbid).
    die_after: after this many page answers the server closes its listening socket for good (a
    client server that crashed): every later request is connection refused. delay_s: pause
    before each page. hang: /hang is linked from / and answers after an hour. heavy: /heavy is
    linked from / — 60,000 paragraphs (about 6 MB, seconds of analysis) that link to
    /behind-heavy/1 and /behind-heavy/2, which no other page links to."""

    def __init__(
        self,
        pages: int = 20,
        *,
        robots: str | None = None,
        robots_delay_s: float = 0.0,
        die_after: int | None = None,
        delay_s: float = 0.0,
        hang: bool = False,
        heavy: bool = False,
        robots_status: int | None = None,
        robots_drop: bool = False,
        host: str = "127.0.0.1",
        robots_redirects: int = 0,
        robots_redirect_status: int = 301,
        robots_redirect_to: str = "/real-robots.txt",
        robots_redirect_body: str = "",
        private: int = 0,
    ) -> None:
        self.pages = pages
        self.robots = robots
        self.robots_delay_s = robots_delay_s
        self.die_after = die_after
        self.delay_s = delay_s
        self.hang = hang
        self.heavy = heavy
        self.robots_status = robots_status
        self.robots_drop = robots_drop
        self.host = host
        self.robots_redirects = robots_redirects
        self.robots_redirect_status = robots_redirect_status
        self.robots_redirect_to = robots_redirect_to
        self.robots_redirect_body = robots_redirect_body
        self.private = private
        self.hits: dict[str, list[float]] = defaultdict(list)
        self.lock = threading.Lock()
        self.answered = 0
        self.dead = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._address: tuple[str, int] | None = None

    @property
    def origin(self) -> str:
        assert self._address is not None
        host = self._address[0]
        return f"http://[{host}]:{self._address[1]}" if ":" in host else f"http://{host}:{self._address[1]}"

    def start(self) -> HostileSite:
        site = self

        class Handler(_HostileHandler):
            hostile_site = site

        server_class = _IPv6Server if ":" in self.host else ThreadingHTTPServer
        self._server = server_class((self.host, 0), Handler)
        self._server.daemon_threads = True
        self._address = self._server.server_address[:2]
        threading.Thread(target=self._server.serve_forever, name="hostile-site", daemon=True).start()
        return self

    def die(self) -> None:
        """Close the listening socket: from now on every connection is refused."""
        if self.dead.is_set():
            return
        self.dead.set()
        server = self._server
        if server is not None:
            threading.Thread(target=lambda: (server.shutdown(), server.server_close()), daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            if not self.dead.is_set():
                self._server.shutdown()
            self._server.server_close()
            self._server = None

    def page_paths(self) -> list[str]:
        return ["/"] + [f"/p/{n}" for n in range(1, self.pages)]

    def private_paths(self) -> list[str]:
        return [f"/private/{n}" for n in range(1, self.private + 1)]

    def robots_hops(self) -> list[str]:
        """The paths that answer with a redirect, in chain order (empty: no redirects)."""
        if not self.robots_redirects:
            return []
        return ["/robots.txt"] + [f"/robots-hop/{n}" for n in range(1, self.robots_redirects)]

    def __enter__(self) -> HostileSite:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


class _IPv6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


class _HostileHandler(_FaultHandler):
    hostile_site: HostileSite

    def do_GET(self) -> None:
        site = self.hostile_site
        path = urlsplit(self.path).path
        with site.lock:
            site.hits[path].append(time.monotonic())
        hops = site.robots_hops()
        if path in hops:
            following = hops.index(path) + 1
            location = hops[following] if following < len(hops) else site.robots_redirect_to
            self.send(
                site.robots_redirect_status,
                site.robots_redirect_body.encode(),
                "text/plain",
                headers={"Location": location},
            )
            return
        if path == ("/real-robots.txt" if hops else "/robots.txt"):
            time.sleep(site.robots_delay_s)
            if site.robots_drop:
                self.close_connection = True  # not a byte of an answer
            elif site.robots is None:
                self.html("Not found", "<h1>Not found</h1>", status=site.robots_status or 404)
            else:
                self.send(site.robots_status or 200, site.robots.encode(), "text/plain")
            return
        if path == "/sitemap.xml":
            urls = "".join(f"<url><loc>{site.origin}{p}</loc></url>" for p in site.page_paths())
            body = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            self.send(200, body.encode(), "application/xml")
            return
        if path == "/hang":
            time.sleep(3600)
            return
        if site.heavy and path == "/heavy":
            links = "".join(f"<a href='/behind-heavy/{n}'>behind {n}</a> " for n in (1, 2))
            paragraph = "<p>Ein langer Absatz mit 12 Zahlen, „Zitaten“ und 3,5 % Anteil, von Anna Beispiel.</p>"
            self.html("Heavy", f"<main><h1>Heavy</h1><nav>{links}</nav>{paragraph * 60_000}</main>")
            return
        if site.heavy and path in ("/behind-heavy/1", "/behind-heavy/2"):
            self.html("Behind", f"<main><h1>{path}</h1><p>Reached only through the heavy page.</p></main>")
            return
        if path not in site.page_paths() and path not in site.private_paths():
            self.html("Not found", "<h1>Not found</h1>", status=404)
            return
        time.sleep(site.delay_s)
        number = 0 if path == "/" else int(path.rsplit("/", 1)[1])
        links = ""
        if number == 0:
            links = "".join(f"<li><a href='/p/{n}'>Page {n}</a></li>" for n in range(1, site.pages))
            if site.hang:
                links += "<li><a href='/hang'>never answers</a></li>"
            if site.heavy:
                links += "<li><a href='/heavy'>heavy</a></li>"
            links += "".join(f"<li><a href='{p}'>{p}</a></li>" for p in site.private_paths())
        self.html(
            f"Page {number}",
            f"<nav><a href='/'>Home</a></nav><main><h1>Page {number}</h1>"
            f"<p>Some text for page {number} of a site that turns against its crawler.</p><ul>{links}</ul></main>",
        )
        with site.lock:
            site.answered += 1
            dying = site.die_after is not None and site.answered >= site.die_after
        if dying:
            site.die()
