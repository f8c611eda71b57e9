"""The bundled demo site, served over real HTTP on 127.0.0.1.

`{{BASE_URL}}` in text files becomes the server's own URL (sitemaps, feeds and robots.txt
need absolute URLs); `x.xml.gz` is served gzipped from `x.xml` when no such file exists.
"""

from __future__ import annotations

import gzip
import mimetypes
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from importlib.resources.abc import Traversable
from urllib.parse import unquote, urlsplit

SITE = resources.files("crawler") / "demo_site"
TEXT_SUFFIXES = (".html", ".xml", ".txt", ".json", ".css")
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".gz": "application/gzip",
    ".pdf": "application/pdf",
}


def _resolve(path: str) -> Traversable | None:
    """The site file for a URL path; never anything outside the site folder."""
    parts = [p for p in unquote(path).split("/") if p]
    if any(p in (".", "..") or "\\" in p for p in parts):
        return None
    node = SITE
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
        body, name = self._load(path)
        if body is None:
            body, name = b"<!doctype html><title>Not found</title><h1>Not found</h1>", "404.html"
            self.send_response(HTTPStatus.NOT_FOUND)
        else:
            self.send_response(HTTPStatus.OK)
        suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
        self.send_header(
            "Content-Type", CONTENT_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
        )
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _load(self, path: str) -> tuple[bytes | None, str]:
        node = _resolve(path)
        if node is None and path.endswith(".gz"):
            plain = _resolve(path[: -len(".gz")])
            if plain is not None:
                return gzip.compress(self._render(plain), mtime=0), path
        if node is None:
            return None, path
        return self._render(node), node.name

    def _render(self, node: Traversable) -> bytes:
        data = node.read_bytes()
        if node.name.endswith(TEXT_SUFFIXES):
            data = data.replace(b"{{BASE_URL}}", self.server.base_url.encode())
        return data

    def log_message(self, format: str, *args: object) -> None:
        pass


class DemoServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int = 0, host: str = "127.0.0.1") -> None:
        super().__init__((host, port), DemoHandler)
        self.base_url = f"http://{host}:{self.server_address[1]}"

    def start_in_thread(self) -> DemoServer:
        threading.Thread(target=self.serve_forever, name="thresher-demo", daemon=True).start()
        return self
