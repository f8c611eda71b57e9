"""The bundled demo site, served over real HTTP on 127.0.0.1.

`{{BASE_URL}}` in text files becomes the server's own URL (sitemaps, feeds and robots.txt
need absolute URLs); `x.xml.gz` is served gzipped from `x.xml` when no such file exists.
Pages carry an `ETag` (hash of the served bytes) and, for files on disk, a `Last-Modified`,
and conditional requests get `304 Not Modified`, so incremental re-crawls can be tried on
the demo site (`DemoServer(root=...)` serves a copy that a test can change between runs).
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import threading
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from urllib.parse import unquote, urlsplit

SITE = resources.files("crawler") / "demo_site"
#: The port `thresher crawl` with no input serves the demo on, the same every run: the demo's URLs
#: (and ETags) stay the same, so running the README's first command twice shows an incremental
#: re-crawl (`unchanged 13`). Taken by something else, a free port is used instead.
DEMO_PORT = 8517
TEXT_SUFFIXES = (".html", ".xml", ".txt", ".json", ".css")
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".gz": "application/gzip",
    ".pdf": "application/pdf",
}


def _resolve(path: str, root: Traversable = SITE) -> Traversable | None:
    """The site file for a URL path; never anything outside the site folder."""
    parts = [p for p in unquote(path).split("/") if p]
    if any(p in (".", "..") or "\\" in p for p in parts):
        return None
    node = root
    for part in parts:
        node = node / part
    if node.is_dir():
        node = node / "index.html"
    return node if node.is_file() else None


class DemoHandler(BaseHTTPRequestHandler):
    server_version = "thresher-demo"

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def _serve(self, send_body: bool) -> None:
        path = urlsplit(self.path).path
        body, name, mtime = self._load(path)
        if body is None:
            body, name = b"<!doctype html><title>Not found</title><h1>Not found</h1>", "404.html"
            self.send_response(HTTPStatus.NOT_FOUND)
        else:
            etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
            not_modified = self._not_modified(etag, mtime)
            self.send_response(HTTPStatus.NOT_MODIFIED if not_modified else HTTPStatus.OK)
            self.send_header("ETag", etag)
            if mtime is not None:
                self.send_header("Last-Modified", formatdate(mtime, usegmt=True))
            if not_modified:  # no body, so no Content-Type or Content-Length either
                self.end_headers()
                return
        suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
        self.send_header(
            "Content-Type", CONTENT_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
        )
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _not_modified(self, etag: str, mtime: float | None) -> bool:
        """RFC 9110 section 13.1: If-None-Match decides when present, else If-Modified-Since."""
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return "*" in tags or etag in tags
        if_modified_since = self.headers.get("If-Modified-Since")
        if not if_modified_since or mtime is None:
            return False
        try:
            return int(mtime) <= parsedate_to_datetime(if_modified_since).timestamp()
        except (TypeError, ValueError):
            return False

    def _load(self, path: str) -> tuple[bytes | None, str, float | None]:
        """(body, file name, modification time) of a URL path; body None when there is no such file."""
        root = self.server.root
        node = _resolve(path, root)
        if node is None and path.endswith(".gz"):
            plain = _resolve(path[: -len(".gz")], root)
            if plain is not None:
                return gzip.compress(self._render(plain), mtime=0), path, _mtime(plain)
        if node is None:
            return None, path, None
        return self._render(node), node.name, _mtime(node)

    def _render(self, node: Traversable) -> bytes:
        data = node.read_bytes()
        if node.name.endswith(TEXT_SUFFIXES):
            data = data.replace(b"{{BASE_URL}}", self.server.base_url.encode())
        return data

    def log_message(self, format: str, *args: object) -> None:
        pass


def _mtime(node: Traversable) -> float | None:
    """A file's modification time; None for resources not on disk (no Last-Modified then)."""
    return node.stat().st_mtime if isinstance(node, Path) else None


class DemoServer(ThreadingHTTPServer):
    """The demo site (or a copy of it at `root`) on 127.0.0.1; port 0 picks a free port."""

    daemon_threads = True

    def __init__(self, port: int = 0, host: str = "127.0.0.1", root: Traversable | Path = SITE) -> None:
        super().__init__((host, port), DemoHandler)
        self.base_url = f"http://{host}:{self.server_address[1]}"
        self.root = root

    @classmethod
    def on_demo_port(cls) -> tuple[DemoServer, bool]:
        """(a server on DEMO_PORT, True), or on a free port when that one is taken (False)."""
        try:
            return cls(DEMO_PORT), True
        except OSError:
            return cls(0), False

    def start_in_thread(self) -> DemoServer:
        threading.Thread(target=self.serve_forever, name="thresher-demo", daemon=True).start()
        return self
