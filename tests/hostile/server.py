"""A test HTTP server on 127.0.0.1 that misbehaves on purpose.

`tests/conftest.py`'s `TestSite` answers every request with a well-formed response. The
hostile corpus needs the opposite: a Content-Length that lies, a connection reset in
the middle of a body, a server that stalls or drips one byte at a time, a body that
never ends. So each route here is a *responder*, a function that gets the request
handler and writes whatever it likes to the socket, down to raw bytes.

Every responder is bounded: one that stalls or streams stops after `MAX_STALL`
seconds, or as soon as the client hangs up, so a crawl that got it wrong fails the
test instead of hanging it.
"""

from __future__ import annotations

import contextlib
import gzip
import select
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

#: The longest any responder keeps a connection busy (stall, drip, endless body).
MAX_STALL = 20.0

Responder = Callable[["HostileHandler"], None]


@dataclass(frozen=True)
class Hit:
    path: str  # path and query, as requested
    at: float


class HostileHandler(BaseHTTPRequestHandler):
    """Dispatches to the server's responder for the path; a 404 page otherwise."""

    server: HostileServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self.close_connection = True  # one response per connection: a lying length cannot bleed into the next
        self.server.record(self.path)
        path = urlsplit(self.path).path
        responder = self.server.routes.get(self.path) or self.server.routes.get(path)
        if responder is None:
            responder = next((r for prefix, r in self.server.prefixes.items() if path.startswith(prefix)), None)
        with contextlib.suppress(OSError):  # the client hung up (cancelled download, time-out): expected here
            (responder or not_found)(self)

    def log_message(self, format: str, *args: object) -> None:
        pass

    # --- helpers for responders --------------------------------------------------
    def fill(self, data: bytes | str) -> bytes:
        """`{{A}}` / `{{B}}` in a body become the base URLs of the corpus's two servers."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        for name, url in self.server.placeholders.items():
            data = data.replace(b"{{" + name.encode() + b"}}", url.encode())
        return data

    def head(self, status: int, headers: dict[str, str], length: int | None) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.send_header("Connection", "close")
        self.end_headers()

    def client_gone(self, wait: float) -> bool:
        """Wait up to `wait` seconds; True once the client has closed the connection."""
        readable, _, _ = select.select([self.connection], [], [], wait)
        if not readable:
            return False
        try:
            return self.connection.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def reset(self) -> None:
        """Close with a TCP RST instead of a FIN (SO_LINGER 0)."""
        self.wfile.flush()
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()


class HostileServer(ThreadingHTTPServer):
    """`routes`: path (or path?query) -> responder; `prefixes`: path prefix -> responder, for the
    paths no route names. `placeholders`: name -> URL, filled into bodies."""

    daemon_threads = True

    def __init__(
        self, routes: dict[str, Responder] | None = None, prefixes: dict[str, Responder] | None = None
    ) -> None:
        super().__init__(("127.0.0.1", 0), HostileHandler)
        self.base_url = f"http://127.0.0.1:{self.server_address[1]}"
        self.routes: dict[str, Responder] = dict(routes or {})
        self.prefixes: dict[str, Responder] = dict(prefixes or {})
        self.placeholders: dict[str, str] = {}
        self.hits: list[Hit] = []
        self._lock = threading.Lock()

    def url(self, path: str) -> str:
        return self.base_url + path

    def record(self, path: str) -> None:
        with self._lock:
            self.hits.append(Hit(path, time.monotonic()))

    def paths(self) -> list[str]:
        with self._lock:
            return [hit.path for hit in self.hits]

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that hang up early are the point of this server


@contextmanager
def serving(*servers: HostileServer) -> Iterator[tuple[HostileServer, ...]]:
    """Run the servers in daemon threads for the duration of the block."""
    threads = [threading.Thread(target=s.serve_forever, name="hostile-site", daemon=True) for s in servers]
    for thread in threads:
        thread.start()
    try:
        yield servers
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


# --- responders ----------------------------------------------------------------------
HTML = "text/html; charset=utf-8"


def respond(
    body: bytes | str = b"",
    content_type: str | None = HTML,
    status: int = 200,
    headers: dict[str, str] | None = None,
    length: int | bool | None = True,
) -> Responder:
    """A plain response. `length`: True the real Content-Length, an int a lie, None/False no header."""

    def responder(handler: HostileHandler) -> None:
        data = handler.fill(body)
        all_headers = {"Content-Type": content_type} if content_type else {}
        all_headers.update(headers or {})
        declared = len(data) if length is True else (length or None)
        handler.head(status, all_headers, declared)
        handler.wfile.write(data)

    return responder


def not_found(handler: HostileHandler) -> None:
    respond("<!doctype html><title>Not found</title><h1>Not found</h1>", status=404)(handler)


def redirect(location: str, status: int = 301) -> Responder:
    return respond(b"", content_type=None, status=status, headers={"Location": location})


def raw(data: bytes) -> Responder:
    """Bytes straight onto the socket, no status line unless `data` has one, then close."""

    def responder(handler: HostileHandler) -> None:
        handler.wfile.write(data)

    return responder


def reset_mid_body(body: bytes | str, after: int) -> Responder:
    """Headers with the full length, `after` bytes of the body, then a TCP reset."""

    def responder(handler: HostileHandler) -> None:
        data = handler.fill(body)
        handler.head(200, {"Content-Type": HTML}, len(data))
        handler.wfile.write(data[:after])
        handler.reset()

    return responder


def stall(before_headers: bool = True) -> Responder:
    """Say nothing (or only the headers) until the client gives up, at most MAX_STALL seconds."""

    def responder(handler: HostileHandler) -> None:
        if not before_headers:
            handler.head(200, {"Content-Type": HTML}, 100_000)
            handler.wfile.write(b"<!doctype html><html><head><title>Stalled</title>")
            handler.wfile.flush()
        deadline = time.monotonic() + MAX_STALL
        while time.monotonic() < deadline and not handler.client_gone(0.2):
            pass

    return responder


def drip(interval: float = 0.1) -> Responder:
    """A slow-loris body: one byte every `interval` seconds, each read in time, the whole never."""

    def responder(handler: HostileHandler) -> None:
        handler.head(200, {"Content-Type": HTML}, 100_000)
        deadline = time.monotonic() + MAX_STALL
        while time.monotonic() < deadline and not handler.client_gone(interval):
            handler.wfile.write(b" ")
            handler.wfile.flush()

    return responder


def endless(total: int, declare_length: bool) -> Responder:
    """`total` bytes of real HTML prose, generated as it is sent (never held in memory)."""
    paragraph = b"<p>The committee heard evidence from residents, traders and the harbour authority.</p>\n"
    block = paragraph * (65536 // len(paragraph))

    def responder(handler: HostileHandler) -> None:
        handler.head(200, {"Content-Type": HTML}, total if declare_length else None)
        handler.wfile.write(b"<!doctype html><html><head><title>Endless minutes</title></head><body><article>")
        sent, deadline = 0, time.monotonic() + MAX_STALL
        while sent < total and time.monotonic() < deadline:
            handler.wfile.write(block)
            sent += len(block)

    return responder


def gzip_bomb(inflated_mib: int = 1024, as_file: bool = False) -> Responder:
    """`inflated_mib` MiB of spaces as gzip members of 1 MiB each: ~1 KiB per MiB on the wire.

    gzip readers (Python's, so Scrapy's) read concatenated members as one stream, so this
    is a genuine gzip body that inflates to a GiB while it costs nothing to make. Served
    with `Content-Encoding: gzip` (HTTP decodes it), or `as_file` (a `.gz` file, e.g. a
    gzipped sitemap, which the reader inflates itself).
    """
    member = gzip.compress(b" " * (1 << 20), compresslevel=9, mtime=0)
    head = gzip.compress(b"<!doctype html><html><head><title>Bomb</title></head><body>", mtime=0)

    def responder(handler: HostileHandler) -> None:
        body_length = len(head) + len(member) * inflated_mib
        headers = (
            {"Content-Type": "application/gzip"} if as_file else {"Content-Type": HTML, "Content-Encoding": "gzip"}
        )
        handler.head(200, headers, body_length)
        handler.wfile.write(head)
        for _ in range(inflated_mib):
            handler.wfile.write(member)

    return responder


def fail_first(times: int, failing: Responder, then: Responder) -> Responder:
    """`failing` for the first `times` requests, `then` after (e.g. 429 once, then the page)."""
    count = 0
    lock = threading.Lock()

    def responder(handler: HostileHandler) -> None:
        nonlocal count
        with lock:
            count += 1
            current = count
        (failing if current <= times else then)(handler)

    return responder


def sitemap_of(count: int, path: str) -> Responder:
    """A sitemap listing `count` page URLs (`path % n`, with lastmod and changefreq, ~150 bytes
    each), generated as it is sent."""

    def responder(handler: HostileHandler) -> None:
        handler.head(200, {"Content-Type": "application/xml"}, None)
        handler.wfile.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
        handler.wfile.write(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n')
        base = handler.server.base_url
        for start in range(0, count, 1000):
            entries = "".join(
                f"<url><loc>{base}{path % n}</loc><lastmod>2024-06-{n % 28 + 1:02d}T08:00:00+00:00</lastmod>"
                "<changefreq>monthly</changefreq><priority>0.5</priority></url>\n"
                for n in range(start, min(start + 1000, count))
            )
            handler.wfile.write(entries.encode())
        handler.wfile.write(b"</urlset>\n")

    return responder
