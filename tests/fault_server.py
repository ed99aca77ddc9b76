"""A loopback HTTP server full of the faults real sites have (issue 3, "fault-injection test site").

Every route is one fault; `/` links to all of them. Used by tests/test_crawl_faults.py through the
CLI; run it by hand with `python -m tests.fault_server` to poke at it. The server counts requests
per path (with timestamps), so tests can assert politeness (Retry-After honoured, traps bounded).
"""

from __future__ import annotations

import contextlib
import gzip
import io
import threading
import time
import uuid
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import parse_qs, urlsplit

HUGE_BYTES = 50 * 1024 * 1024  # the "50 MB page"
BOMB_BYTES = 64 * 1024 * 1024  # decompressed size of the gzip bomb (compressed: ~64 KB)
CHAIN_HOPS = 12
SLOW_S = 1.5
SPRAWL_ELEMENTS = 200_000

LATIN1_TEXT = "Grüße aus der Bäckerei – „Qualität“ für 5 €: Straße, Öfen, café"
INDEX = f"""<!doctype html><html lang="de"><head><title>Fault site</title></head><body>
<nav><a href="/">Start</a></nav>
<main><h1>Every fault</h1><ul>
<li><a href="/error/500">500</a> <a href="/error/503">503</a></li>
<li><a href="/slow">slow</a> <a href="/hang">never answers in time</a></li>
<li><a href="/loop/a">loop</a></li>
<li><a href="/chain/0">12-hop chain</a></li>
<li><a href="/offhost">off-host redirect</a></li>
<li><a href="/calendar?month=2026-01">calendar</a></li>
<li><a href="/shop?sid={uuid.uuid4().hex}&amp;utm_source=mail">session id</a></li>
<li><a href="/bomb">gzip bomb</a></li>
<li><a href="/huge">50 MB</a></li>
<li><a href="/latin1">latin-1</a></li>
<li><a href="/malformed">malformed</a></li>
<li><a href="/binary">binary</a></li>
<li><a href="/sprawl">200,000 elements</a></li>
<li><a href="/busy">429 Retry-After</a> <a href="/busy-long">429 Retry-After 1 h</a></li>
<li><a href="/private/secret">disallowed</a></li>
<li><a href="/refresh">meta refresh</a></li>
</ul></main></body></html>"""

ROBOTS = "User-agent: *\nDisallow: /private/\n"


def _month_after(month: str, step: int) -> str:
    year, mon = (int(x) for x in month.split("-"))
    index = year * 12 + (mon - 1) + step
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _bomb() -> bytes:
    """A small gzip body that inflates to BOMB_BYTES of zeros."""
    chunk = b"\0" * (1024 * 1024)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as gz:
        for _ in range(BOMB_BYTES // len(chunk)):
            gz.write(chunk)
    return buffer.getvalue()


class FaultSite:
    """`with FaultSite() as site: site.origin` -> "http://127.0.0.1:PORT"."""

    def __init__(self) -> None:
        self.hits: dict[str, list[float]] = defaultdict(list)
        self.lock = threading.Lock()
        self.bomb = _bomb()
        self._server: ThreadingHTTPServer | None = None

    @property
    def origin(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FaultSite:
        site = self

        class Handler(_FaultHandler):
            fault_site = site

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, name="fault-site", daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FaultSite:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


class _FaultHandler(BaseHTTPRequestHandler):
    fault_site: FaultSite
    server_version = "fault-site/1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send(
        self,
        status: int,
        body: bytes = b"",
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def html(self, title: str, body: str, status: int = 200, **kwargs: object) -> None:
        page = f"<!doctype html><html lang=en><head><title>{title}</title></head><body>{body}</body></html>"
        self.send(status, page.encode(), **kwargs)  # type: ignore[arg-type]

    def redirect(self, location: str, status: int = 301) -> None:
        self.send(status, b"", headers={"Location": location})

    def do_GET(self) -> None:  # noqa: C901, PLR0912  (one branch per fault, on purpose)
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        site = self.fault_site
        with site.lock:
            site.hits[path].append(time.monotonic())
            hits = len(site.hits[path])
        if path == "/":
            self.send(200, INDEX.encode())
        elif path == "/robots.txt":
            self.send(200, ROBOTS.encode(), "text/plain")
        elif path.startswith("/error/"):
            self.html("error", "<h1>Server error</h1>", status=int(path.rsplit("/", 1)[1]))
        elif path == "/slow":
            time.sleep(SLOW_S)
            self.html("slow", "<h1>Slow page</h1><p>Answered after a pause.</p>")
        elif path == "/hang":
            time.sleep(60)
            self.html("hang", "too late")
        elif path == "/loop/a":
            self.redirect("/loop/b")
        elif path == "/loop/b":
            self.redirect("/loop/a")
        elif path.startswith("/chain/"):
            hop = int(path.rsplit("/", 1)[1])
            if hop < CHAIN_HOPS:
                self.redirect(f"/chain/{hop + 1}", 302)
            else:
                self.html("end of chain", "<h1>End of the chain</h1>")
        elif path == "/offhost":
            self.redirect("http://elsewhere.invalid/landing", 302)
        elif path == "/calendar":
            month = (query.get("month") or ["2026-01"])[0]
            prev_m, next_m = _month_after(month, -1), _month_after(month, 1)
            self.html(
                f"Calendar {month}",
                f"<h1>{month}</h1><a href='/calendar?month={prev_m}'>prev</a>"
                f"<a href='/calendar?month={next_m}'>next</a>",
            )
        elif path == "/shop":
            sid = uuid.uuid4().hex  # a new session id in every link, as session-in-URL shops do
            self.html(
                "Shop",
                f"<h1>Shop</h1><a href='/shop?sid={sid}'>shop</a>"
                f"<a href='/shop/item;jsessionid={sid}?fbclid=x{sid}'>item</a>",
            )
        elif path.startswith("/shop/item"):
            self.html("Item", "<h1>Item</h1>")
        elif path == "/bomb":
            self.send(200, site.bomb, headers={"Content-Encoding": "gzip"})
        elif path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(HUGE_BYTES))
            self.end_headers()
            chunk = b"<p>" + b"x" * 65533
            try:
                for _ in range(HUGE_BYTES // len(chunk)):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/latin1":
            page = f"<html><head><title>{LATIN1_TEXT}</title></head><body><h1>{LATIN1_TEXT}</h1></body></html>"
            self.send(200, page.encode("cp1252"), "text/html")
        elif path == "/malformed":
            self.send(
                200,
                b"<html><head><title>Broken</title><body><div><p>Unclosed <b>bold <a href='/malformed-"
                b"target'>link</a><table><tr><td>cell</div></p></i><<<>>>&&&#xZZ;</body></html></html>",
            )
        elif path == "/malformed-target":
            self.html("target", "<h1>Reached from malformed HTML</h1>")
        elif path == "/binary":
            self.send(200, bytes(range(256)) * 64, "text/html")
        elif path == "/sprawl":  # 1.7 MB, far below the size limit, but 200,000 elements
            body = "<h1>Everything at once</h1><a href='/sprawl-target'>on</a>" + "<i>a</i>" * SPRAWL_ELEMENTS
            self.html("Sprawl", body)
        elif path == "/sprawl-target":
            self.html("Beyond the sprawl", "<h1>Reached from a page too large to analyse</h1>")
        elif path == "/busy":
            if hits == 1:
                self.html("busy", "slow down", status=429, headers={"Retry-After": "2"})
            else:
                self.html("not busy", "<h1>Served after waiting</h1>")
        elif path == "/busy-long":
            self.html("busy", "come back in an hour", status=429, headers={"Retry-After": "3600"})
        elif path == "/refresh":
            self.send(
                200,
                b"<html><head><meta http-equiv='refresh' content='0; url=/refreshed'>"
                b"<title>Moved</title></head><body>moved</body></html>",
            )
        elif path == "/refreshed":
            self.html("refreshed", "<h1>After the meta refresh</h1>")
        else:
            self.html("Not found", "<h1>Not found</h1>", status=404)


if __name__ == "__main__":
    with FaultSite() as fault_site:
        print(fault_site.origin, flush=True)
        threading.Event().wait()


class TreeSite(FaultSite):
    """A site of `pages` pages, /p/0 ... /p/N, each linking to three children (a tree), each answered
    after `delay_s`: slow enough to interrupt a crawl midway (the resume test)."""

    def __init__(self, pages: int = 60, delay_s: float = 0.1) -> None:
        self.hits = defaultdict(list)
        self.lock = threading.Lock()
        self.pages = pages
        self.delay_s = delay_s
        self._server = None

    def start(self) -> TreeSite:
        site = self

        class Handler(_TreeHandler):
            tree_site = site

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, name="tree-site", daemon=True).start()
        return self


class _TreeHandler(_FaultHandler):
    tree_site: TreeSite

    def do_GET(self) -> None:
        site = self.tree_site
        path = urlsplit(self.path).path
        with site.lock:
            site.hits[path].append(time.monotonic())
        number = int(path[3:]) if path.startswith("/p/") and path[3:].isdigit() else -1
        if path == "/":
            number = 0
        if not 0 <= number < site.pages:
            self.html("Not found", "<h1>Not found</h1>", status=404)
            return
        time.sleep(site.delay_s)
        children = [n for n in range(3 * number + 1, 3 * number + 4) if n < site.pages]
        links = "".join(f"<li><a href='/p/{n}'>Page {n}</a></li>" for n in children)
        self.html(
            f"Page {number}",
            f"<nav><a href='/'>Home</a></nav><main><h1>Page {number}</h1>"
            f"<p>Some text for page {number}.</p><ul>{links}</ul></main>",
        )
