"""Shared test helpers: a real HTTP test site on 127.0.0.1 and a real `thresher crawl` run.

Crawls run as subprocesses (Scrapy's reactor cannot restart in one process) against
`TestSite`, a `ThreadingHTTPServer` in a thread serving a dict of routes
(path -> (status, headers, body[, delay])) and a static folder from `tests/sites/`.
"""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

REPO = Path(__file__).resolve().parents[1]
SITES = REPO / "tests" / "sites"
NEWS = SITES / "news"
#: Real-world pages (Article Extraction Benchmark), beside the repo in CI as in development.
AEB = REPO.parent / "shared" / "benchmarks" / "aeb"

#: Settings every test crawl uses: inline extraction (fast start) and no throttling delay.
FAST = ("-s", "THRESHER_EXTRACT_WORKERS=0", "-s", "AUTOTHROTTLE_ENABLED=False")

#: Longest a gated route (a `threading.Event` as its delay) waits for its gate to open.
GATE_TIMEOUT = 60.0

TEXT_SUFFIXES = (".html", ".xml", ".txt", ".rss", ".atom", ".json")
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".gz": "application/gzip",
    ".pdf": "application/pdf",
}

#: The article pages of tests/sites/news, by short name.
ARTICLES = {
    "river": "/articles/river-park.html",
    "grain": "/articles/heritage-grain.html",
    "trains": "/articles/night-trains.html",
    "trees": "/articles/old-trees.html",
    "robots": "/articles/robotics-final.html",
}

# A minimal but well-formed one-page PDF.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


# --- the test HTTP server ---------------------------------------------------------
@dataclass
class Hit:
    method: str
    path: str  # path and query, as requested
    at: float


class _Handler(BaseHTTPRequestHandler):
    server: TestSite

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def _serve(self, send_body: bool) -> None:
        site = self.server
        site.record(Hit(self.command, self.path, time.monotonic()))
        status, headers, body, delay = site.lookup(self.path)
        try:
            if isinstance(delay, threading.Event):
                delay.wait(GATE_TIMEOUT)
            elif delay:
                time.sleep(delay)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (e.g. over DOWNLOAD_MAXSIZE)
            pass
        finally:
            site.done()

    def log_message(self, format: str, *args: object) -> None:
        pass


class TestSite(ThreadingHTTPServer):
    """An HTTP site on 127.0.0.1: `routes` first, then files under `static`, else a 404 page.

    In static text files and str route bodies `{{BASE_URL}}` becomes the server's URL;
    `x.gz` is served gzipped from `x` when no such file exists. `delay` (seconds) slows
    every response except robots.txt; a route's own delay is its 4th element, or a
    `threading.Event` the answer waits for (at most `GATE_TIMEOUT`): a crawl the test ends.
    """

    daemon_threads = True
    __test__ = False  # not a test class, despite the name

    def __init__(self, routes: dict[str, tuple] | None = None, static: Path | None = None, delay: float = 0.0) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.base_url = f"http://127.0.0.1:{self.server_address[1]}"
        self.routes = dict(routes or {})
        self.static = static
        self.delay = delay
        self.hits: list[Hit] = []
        self.in_flight = self.max_in_flight = 0  # requests being answered now / at most at once
        self._lock = threading.Lock()

    def url(self, path: str) -> str:
        return self.base_url + path

    def record(self, hit: Hit) -> None:
        with self._lock:
            self.hits.append(hit)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def done(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def paths(self, since: int = 0) -> list[str]:
        """Requested paths (with query), in arrival order, from hit number `since` on."""
        with self._lock:
            return [hit.path for hit in self.hits[since:]]

    def page_paths(self, since: int = 0) -> list[str]:
        """Requested paths other than robots.txt, sitemaps and feeds: the pages."""
        skip = ("/robots.txt", "/sitemap", "/feed.")
        return [p for p in self.paths(since) if not p.startswith(skip)]

    def lookup(self, raw_path: str) -> tuple[int, dict[str, str], bytes, float]:
        path = urlsplit(raw_path).path
        route = self.routes.get(raw_path) or self.routes.get(path)
        default_delay = 0.0 if path == "/robots.txt" else self.delay
        if route is not None:
            status, headers, body, *rest = route
            if isinstance(body, str):
                body = body.replace("{{BASE_URL}}", self.base_url).encode("utf-8")
            return status, dict(headers), body, rest[0] if rest else default_delay
        found = self._static(path)
        if found is None:
            body = b"<!doctype html><html><head><title>Not found</title></head><body><h1>Not found</h1></body></html>"
            return 404, {"Content-Type": "text/html; charset=utf-8"}, body, default_delay
        body, name = found
        suffix = Path(name).suffix
        return 200, {"Content-Type": CONTENT_TYPES.get(suffix, "application/octet-stream")}, body, default_delay

    def _static(self, path: str) -> tuple[bytes, str] | None:
        if self.static is None:
            return None
        parts = [p for p in unquote(path).split("/") if p]
        if any(p in (".", "..") for p in parts):
            return None
        node = self.static.joinpath(*parts)
        if node.is_dir():
            node = node / "index.html"
        if node.is_file():
            return self._render(node), node.name
        if node.suffix == ".gz" and node.with_suffix("").is_file():
            return gzip.compress(self._render(node.with_suffix("")), mtime=0), node.name
        return None

    def _render(self, node: Path) -> bytes:
        data = node.read_bytes()
        if node.suffix in TEXT_SUFFIXES:
            data = data.replace(b"{{BASE_URL}}", self.base_url.encode())
        return data

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that hang up early are expected (cancelled downloads, killed crawls)


@contextmanager
def running_site(
    routes: dict[str, tuple] | None = None, static: Path | None = NEWS, delay: float = 0.0
) -> Iterator[TestSite]:
    site = TestSite(routes, static, delay)
    thread = threading.Thread(target=site.serve_forever, name="test-site", daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.shutdown()
        site.server_close()


@contextmanager
def demo_port_held(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Hold the suite's lock on the demo's fixed port (`crawler.demo.DEMO_PORT`) while a `thresher crawl`
    with no input serves the demo there. The suite runs in parallel workers (pytest-xdist); without the lock
    one worker's demo crawl takes the port while another's test needs it. The lock file sits in the
    run's temporary root, which all workers of one run share."""
    lock = tmp_path_factory.getbasetemp().parent / "demo-port.lock"
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture
def demo_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """`demo_port_held` for one test."""
    with demo_port_held(tmp_path_factory):
        yield


@pytest.fixture(scope="module")
def news_site() -> Iterator[TestSite]:
    """tests/sites/news, fresh per module (so request logs of different modules never mix)."""
    with running_site() as site:
        yield site


def slow_routes(count: int) -> dict[str, tuple]:
    """`count` distinct short articles at /slow/NNN.html (prose assembled from a pool of sentences)."""
    sentences = [
        "The harbour master said the ferry would run to its winter timetable from the first of the month.",
        "Residents of the lower town have asked for a second footbridge over the canal for years.",
        "A survey of the old quay found that the stone facing had shifted by several centimetres since spring.",
        "Fishermen say the catch has improved since the council banned dredging near the estuary.",
        "The lifeboat crew was called out twice over the weekend to help walkers cut off by the tide.",
        "Traders on the market square reported their busiest Saturday since the road works ended.",
        "The library will open on Sunday afternoons from next month, staffed partly by volunteers.",
        "Engineers expect the repairs to the sea wall to take most of the summer and cost less than planned.",
        "The museum has borrowed a collection of ship models that has not been shown in public since 1970.",
        "Parents have welcomed the new crossing outside the primary school on Harbour Road.",
        "A local choir raised enough money at its spring concert to replace the church organ bellows.",
        "The bus company will add an evening service between the station and the hospital in June.",
    ]
    routes: dict[str, tuple] = {}
    for number in range(1, count + 1):
        picked = [sentences[(number + k) % len(sentences)] for k in range(len(sentences))]
        paragraphs = "\n".join(f"<p>{' '.join(picked[i : i + 3])}</p>" for i in range(0, len(picked), 3))
        html = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour notes, week {number} | Millbrook Courier</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-07-{number:02d}T09:00:00+00:00">
</head><body><article><h1>Harbour notes, week {number}</h1>
<p>This is week {number} of our harbour diary, a round-up of news from the waterfront and the lower town.</p>
{paragraphs}
</article></body></html>"""
        routes[f"/slow/{number:03d}.html"] = (200, {"Content-Type": "text/html; charset=utf-8"}, html)
    return routes


# --- running the CLI -----------------------------------------------------------
def subprocess_env() -> dict[str, str]:
    """The current environment without proxies: every request of the suite goes to 127.0.0.1."""
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env["NO_PROXY"] = env["no_proxy"] = "*"
    env["PYTHONUNBUFFERED"] = "1"
    return env


def modules_loaded_by(code: str, packages: tuple[str, ...]) -> list[str]:
    """Which of `packages` a fresh interpreter has loaded after running `code` in the repo."""
    probe = f"{code}\nimport sys\nprint(','.join(sorted({{m.split('.')[0] for m in sys.modules}} & {set(packages)!r})))"
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, env=subprocess_env(), capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    return [name for name in out.stdout.strip().split(",") if name]


def run_cli(*args: str, timeout: float = 120, **kwargs: Any) -> subprocess.CompletedProcess:
    """`python -m crawler.cli ARGS` in the repo, captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args],
        cwd=REPO,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        **kwargs,
    )


@dataclass
class CrawlRun:
    """A finished `thresher crawl` and everything it wrote."""

    proc: subprocess.CompletedProcess
    out: Path
    run_dir: Path | None = None
    manifest: dict[str, Any] = field(default_factory=dict)
    drops: list[dict[str, Any]] = field(default_factory=list)
    parquet: Path | None = None

    @classmethod
    def collect(cls, proc: subprocess.CompletedProcess, out: Path) -> CrawlRun:
        run = cls(proc, out)
        runs = sorted((out / "runs").glob("*")) if (out / "runs").is_dir() else []
        if runs:
            run.run_dir = runs[-1]
            manifest = run.run_dir / "manifest.json"
            run.manifest = json.loads(manifest.read_text()) if manifest.exists() else {}
            drops = run.run_dir / "drops.jsonl"
            if drops.exists():
                run.drops = [json.loads(line) for line in drops.read_text().splitlines() if line.strip()]
            parquet = out / "articles" / f"{run.run_dir.name}.parquet"
            run.parquet = parquet if parquet.exists() else None
        return run

    @property
    def log(self) -> str:
        """The crawl log (for assertion messages)."""
        path = self.run_dir / "crawl.log" if self.run_dir else None
        return path.read_text(errors="replace")[-6000:] if path and path.exists() else self.proc.stderr[-6000:]

    def table(self) -> pa.Table:
        assert self.parquet is not None, f"no Parquet file written\n{self.log}"
        return pq.read_table(self.parquet)

    def frame(self) -> pd.DataFrame:
        assert self.parquet is not None, f"no Parquet file written\n{self.log}"
        return pd.read_parquet(self.parquet)

    def exported_urls(self) -> list[str]:
        return self.table().column("url").to_pylist()

    def drop_reasons(self) -> dict[str, str]:
        """url -> reason, for every line of drops.jsonl."""
        return {d["url"]: d["reason"] for d in self.drops}


def crawl(out: Path, *args: str, timeout: float = 120, check: bool = True) -> CrawlRun:
    """Run `thresher crawl ARGS --out OUT` with the fast test settings; `check` asserts exit status 0."""
    proc = run_cli("crawl", *args, "--out", str(out), *FAST, timeout=timeout)
    run = CrawlRun.collect(proc, out)
    if check:
        assert proc.returncode == 0, f"exit {proc.returncode}\nstderr: {proc.stderr}\nlog:\n{run.log}"
    return run


def paths_of(urls: list[str]) -> list[str]:
    """The path (and query) of each URL, for comparing with site paths."""
    result = []
    for url in urls:
        parts = urlsplit(url)
        result.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return result
