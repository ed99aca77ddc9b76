"""Fixture client domains for the batch tests: the small German and English sites of
tests/sites/batch, each on its own loopback port, plus a slow server and an unreachable port."""

from __future__ import annotations

import threading
import time
from contextlib import ExitStack
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from auditor.serve import StaticSite
from tests.servers import free_port

BATCH_SITES = Path(__file__).parent / "sites" / "batch"
SITE_NAMES = ("baeckerei-de", "kanzlei-de", "bikes-en", "garden-en")


class SlowServer:
    """Answers every request after `delay_s` seconds: a domain slower than its time limit."""

    def __init__(self, delay_s: float = 60.0) -> None:
        self.delay_s = delay_s
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> SlowServer:
        delay = self.delay_s

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                time.sleep(delay)
                body = b"<!doctype html><html lang=en><title>slow</title><h1>Slow</h1></html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    @property
    def origin(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


def serve_sites(stack: ExitStack, count: int) -> list[tuple[str, StaticSite]]:
    """`count` fixture domains on distinct ports, cycling through the four sites."""
    served = []
    for index in range(count):
        name = SITE_NAMES[index % len(SITE_NAMES)]
        served.append((name, stack.enter_context(StaticSite(BATCH_SITES / name))))
    return served


def unreachable_url() -> str:
    return f"http://127.0.0.1:{free_port()}/"  # nothing listens there


def client_toml(name: str, url: str, **extra: object) -> str:
    lines = ["[[clients]]", f'name = "{name}"', f'url = "{url}"']
    for key, value in extra.items():
        lines.append(f"{key} = {value!r}" if not isinstance(value, str) else f'{key} = "{value}"')
    return "\n".join(lines) + "\n"


def memory_hungry_site(folder: Path) -> Path:
    """A client site whose crawl needs far more memory than a normal one: one 9.5 MB page (just
    under the crawler's 10 MB size limit) of a million tiny paragraphs, so that parsing it in the
    crawl's extraction worker builds a huge tree. Hostile content, written by us."""
    folder.mkdir(parents=True, exist_ok=True)
    head = '<!doctype html><html lang="en"><head><title>Everything</title></head><body><h1>Everything</h1>'
    paragraphs = "<p>ab</p>" * ((9_500_000 - len(head)) // len("<p>ab</p>"))
    (folder / "index.html").write_text(head + paragraphs + "</body></html>", encoding="utf-8")
    return folder
