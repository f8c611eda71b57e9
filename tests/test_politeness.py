"""Retry-After on 429 and 503 is honoured up to THRESHER_RETRY_AFTER_MAX: real crawls of a site that asks to wait."""

from __future__ import annotations

import threading
import time

from conftest import TestSite, crawl

from crawler.middlewares import retry_after_seconds

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tide tables for the summer</title>
<meta property="og:type" content="article"></head><body><article><h1>Tide tables for the summer</h1>
<p>The harbour office has published the tide tables for the summer, with the times of every high and low tide.</p>
<p>Walkers are asked to check them before crossing to the island, which the sea cuts off twice a day.</p>
<p>The lifeboat crew say most of their call-outs last year were to people caught by the rising tide.</p>
</article></body></html>"""


class BusySite(TestSite):
    """Answers each path's first request with `status` and `Retry-After: wait`, then the page."""

    def __init__(self, status: int, wait: str) -> None:
        super().__init__(static=None)
        self.status, self.wait = status, wait
        self.seen: dict[str, int] = {}
        self.lock = threading.Lock()

    def lookup(self, raw_path: str):
        if raw_path == "/robots.txt":
            return 404, {"Content-Type": "text/plain"}, b"", 0.0
        with self.lock:
            self.seen[raw_path] = self.seen.get(raw_path, 0) + 1
            first = self.seen[raw_path] == 1
        if first:
            return self.status, {"Content-Type": "text/html", "Retry-After": self.wait}, b"busy", 0.0
        return 200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode(), 0.0


def _serve(site: TestSite) -> threading.Thread:
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    return thread


def test_retry_after_within_the_bound_is_waited_for(tmp_path):
    site = BusySite(429, "2")
    _serve(site)
    try:
        run = crawl(tmp_path, site.url("/tides.html"))
    finally:
        site.shutdown()
    hits = [hit for hit in site.hits if hit.path == "/tides.html"]
    assert len(hits) == 2
    assert hits[1].at - hits[0].at >= 2.0  # Scrapy alone retries at once
    assert run.manifest["counts"]["exported"] == 1


def test_retry_after_beyond_the_bound_is_not_retried_early(tmp_path):
    site = BusySite(503, "3600")
    _serve(site)
    try:
        started = time.monotonic()
        run = crawl(tmp_path, site.url("/tides.html"), check=False)
    finally:
        site.shutdown()
    assert [hit.path for hit in site.hits if hit.path == "/tides.html"] == ["/tides.html"]  # asked once, not 3 times
    assert run.drops[0]["reason"] == "http_error" and run.drops[0]["http_status"] == 503
    assert time.monotonic() - started < 60


def test_retry_after_values():
    assert retry_after_seconds(b"120") == 120.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480.0 - 60) == 60.0
    assert retry_after_seconds(b"soon") is None and retry_after_seconds(None) is None


def test_a_recrawl_of_unchanged_pages_takes_at_most_one_and_a_half_times_the_first(tmp_path):
    """AutoThrottle on, its 1 s start delay: 304s lower the delay as 200s do (crawler.throttle).

    Scrapy's AutoThrottle kept the 1 s start delay through a re-crawl of 304s (one page a second).
    benchmarks/recrawl.py measures the same on the 181 AEB pages.
    """
    from conftest import run_cli, slow_routes

    from crawler.demo import DemoServer

    root = tmp_path / "site"
    (root / "slow").mkdir(parents=True)
    for path, (_status, _headers, html) in slow_routes(12).items():
        (root / path.lstrip("/")).write_text(html)
    server = DemoServer(root=root).start_in_thread()
    try:
        urls = [f"{server.base_url}/slow/{n:03d}.html" for n in range(1, 13)]
        times, outs = [], []
        for _ in range(2):
            started = time.monotonic()
            proc = run_cli("crawl", *urls, "--out", str(tmp_path / "out"), "-s", "THRESHER_EXTRACT_WORKERS=0")
            times.append(time.monotonic() - started)
            assert proc.returncode == 0, proc.stderr
            outs.append(proc.stdout)
    finally:
        server.shutdown()
    assert "exported 12" in outs[0] and "unchanged 12" in outs[1]
    assert times[1] <= 1.5 * times[0], times
