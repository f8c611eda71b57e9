"""A sitemap of 100,000 URLs: `--max-pages` is respected and memory stays flat.

The sitemap (~15 MB, more than a page may be, within the sitemap protocol's 50 MB) is
generated as it is sent. The crawl's peak RSS (from `wait4`, the kernel's own count)
is compared with a crawl of a 25-URL sitemap: parsing 100,000 entries must not cost
memory in proportion to them, only the body it has to hold.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import FAST, REPO, subprocess_env
from tests.hostile.corpus import article
from tests.hostile.server import HostileServer, respond, serving, sitemap_of

MAX_PAGES = 25
URLS = 100_000
#: Extra peak memory allowed for the big sitemap over the small one: its body (~15 MB) held
#: as bytes and inflated into a few buffers, not 100,000 parsed entries or requests.
RSS_ALLOWANCE_MB = 120


def _page(handler) -> None:
    number = handler.path.rsplit("/", 1)[-1].removesuffix(".html")
    respond(article(f"sitemap page {number}"))(handler)


@pytest.fixture(scope="module")
def site():
    server = HostileServer(
        {
            "/robots.txt": respond("User-agent: *\nAllow: /\n", content_type="text/plain"),
            "/sitemap-100k.xml": sitemap_of(URLS, "/many/%06d.html"),
            "/sitemap-small.xml": sitemap_of(MAX_PAGES, "/many/%06d.html"),
        },
        prefixes={"/many/": _page},
    )
    with serving(server):
        yield server


def _crawl(site: HostileServer, sitemap: str, out: Path) -> tuple[int, float, float, dict]:
    """(exit status, peak RSS in MB, seconds, manifest) of one crawl of `sitemap`."""
    command = [sys.executable, "-m", "crawler.cli", "crawl", "--sitemap", site.url(sitemap)]
    command += ["--max-pages", str(MAX_PAGES), "--out", str(out), *FAST]
    started = time.monotonic()
    with open(out.parent / f"{out.name}.log", "w") as log:
        proc = subprocess.Popen(command, cwd=REPO, env=subprocess_env(), stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.monotonic() - started
    (manifest,) = (json.loads(p.read_text()) for p in (out / "runs").glob("*/manifest.json"))
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss: KiB on Linux, bytes on macOS
    return proc.returncode, usage.ru_maxrss * 1024 / scale / 1024, elapsed, manifest


def test_a_100k_url_sitemap_respects_max_pages_with_flat_memory(site, tmp_path):
    assert resource.getrusage(resource.RUSAGE_SELF)  # wait4's rusage is what is measured
    status, small_rss, _, _ = _crawl(site, "/sitemap-small.xml", tmp_path / "small")
    assert status == 0
    before = len(site.paths())
    status, big_rss, elapsed, manifest = _crawl(site, "/sitemap-100k.xml", tmp_path / "big")
    assert status == 0, (tmp_path / "big.log").read_text()[-3000:]
    counts = manifest["counts"]
    assert counts["requested"] == MAX_PAGES and counts["balanced"], counts
    assert counts["exported"] + counts["dropped"] == MAX_PAGES
    assert counts["input_errors"] == 0
    pages = [p for p in site.paths()[before:] if p.startswith("/many/")]
    assert len(pages) == MAX_PAGES, "the crawl fetched more pages than --max-pages"
    assert big_rss < small_rss + RSS_ALLOWANCE_MB, f"peak RSS {big_rss:.0f} MB vs {small_rss:.0f} MB"
    assert elapsed < 60, f"{elapsed:.0f} s"
    print(f"peak RSS: {small_rss:.0f} MB (25 URLs), {big_rss:.0f} MB ({URLS} URLs); {elapsed:.1f} s")
