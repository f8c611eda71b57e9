"""Distributed crawling: two `thresher crawl --redis` workers share one frontier in a real redis-server.

The demo site is served on 127.0.0.1; its root is pushed twice with `thresher push` and
given to one worker on its command line too; the other worker has no URL at all. Together
they must fetch the root once and export every demo article exactly once, each worker
writing its own part files into the shared dataset directory, and both must exit by
themselves once the frontier stays empty.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pytest

from tests.conftest import FAST, REPO, run_cli, subprocess_env

REDIS_SERVER = shutil.which("redis-server")
pytestmark = pytest.mark.skipif(
    REDIS_SERVER is None, reason="redis-server is not on PATH (Debian: apt-get install redis-server; .ci/run does)"
)
redis = pytest.importorskip("redis", reason="redis-py is not installed (a dependency of scrapy-redis)")

EXPECTED = json.loads((REPO / "tests" / "fixtures" / "demo_expected.json").read_text(encoding="utf-8"))
ARTICLES = {path for path, facts in EXPECTED.items() if facts["is_article"] and not path.startswith("/private/")}
IDLE = "3"
PAGE_DELAY = 0.3


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A throwaway redis-server on 127.0.0.1: no persistence, its own directory."""
    home = tmp_path_factory.mktemp("redis")
    port = _free_port()
    proc = subprocess.Popen(
        [
            REDIS_SERVER,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(home),
            "--protected-mode",
            "yes",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                assert proc.poll() is None, "redis-server exited"
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.1)
        yield url
    finally:
        client.close()
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture
def demo():
    """The demo site, each page answered after PAGE_DELAY: one worker alone would take a while."""
    from crawler.demo import DemoHandler, DemoServer

    class SlowDemoHandler(DemoHandler):
        def _serve(self, send_body: bool) -> None:
            if not self.path.startswith("/robots.txt"):
                time.sleep(PAGE_DELAY)
            super()._serve(send_body)

    server = DemoServer()
    server.RequestHandlerClass = SlowDemoHandler
    server.start_in_thread()
    try:
        yield server
    finally:
        server.shutdown()


def _worker(redis_url: str, out: Path, *urls: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "crawler.cli",
            "crawl",
            "--redis",
            redis_url,
            *urls,
            "--follow",
            "--idle-timeout",
            IDLE,
            "--out",
            str(out),
            *FAST,
            "-s",
            "CONCURRENT_REQUESTS=2",
        ],
        cwd=REPO,
        env=subprocess_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_workers_export_every_demo_article_once(redis_url, demo, tmp_path):
    out = tmp_path / "shared"
    root = demo.base_url + "/"
    pushed = run_cli("push", "--redis", redis_url, "--reset", root, root)
    assert pushed.returncode == 0, pushed.stderr
    assert "pushed 2" in pushed.stdout

    started = time.monotonic()
    workers = [_worker(redis_url, out, root), _worker(redis_url, out)]
    results = [worker.communicate(timeout=180) for worker in workers]
    elapsed = time.monotonic() - started
    for worker, (_stdout, stderr) in zip(workers, results, strict=True):
        assert worker.returncode == 0, stderr[-3000:]
        assert "Traceback" not in stderr

    manifests = [json.loads(p.read_text()) for p in sorted((out / "runs").glob("*/manifest.json"))]
    assert len(manifests) == 2, "one run per worker"
    for manifest in manifests:
        assert manifest["finish_reason"] == "finished"
        assert manifest["counts"]["balanced"], manifest["counts"]  # each worker accounts for what it took

    parts = sorted((out / "articles").glob("*.parquet"))
    assert {p.stem for p in parts} <= {m["run_id"] for m in manifests}, "each worker writes its own part"
    df = pd.read_parquet(out / "articles")
    paths = Counter(urlsplit(url).path for url in df["url"])
    assert {path for path, n in paths.items() if n > 1} == set(), "no article exported twice"
    assert set(paths) == ARTICLES
    assert sum(m["counts"]["exported"] for m in manifests) == len(ARTICLES)
    print("requested per worker:", [m["counts"]["requested"] for m in manifests], f"in {elapsed:.1f} s")

    drops = [
        json.loads(line)
        for manifest in manifests
        for line in (out / "runs" / manifest["run_id"] / "drops.jsonl").read_text().splitlines()
    ]
    fetched_root = [d for d in drops if urlsplit(d["url"]).path == "/"]
    assert [d["reason"] for d in fetched_root] == ["page_type"], "the root, pushed twice and given once, once"
    assert not [d for d in drops if d["reason"] == "duplicate_url"]
    assert elapsed < 120

    client = redis.Redis.from_url(redis_url)
    assert client.zcard("thresher:articles:requests") == 0 and client.llen("thresher:articles:seeds") == 0
    assert client.scard("thresher:articles:seen") == sum(m["counts"]["requested"] for m in manifests)
    cleared = run_cli("push", "--redis", redis_url, "--reset")
    assert cleared.returncode == 0 and client.exists("thresher:articles:seen") == 0


def test_a_worker_leaves_an_empty_frontier_after_the_idle_timeout(redis_url, tmp_path):
    run_cli("push", "--redis", redis_url, "--reset")
    started = time.monotonic()
    worker = _worker(redis_url, tmp_path / "out")
    stdout, stderr = worker.communicate(timeout=120)
    assert worker.returncode == 0, stderr
    assert "frontier empty" in stdout
    assert float(IDLE) <= time.monotonic() - started < 60
    # an idle worker adds its run (manifest) to the dataset, but no empty Parquet file, and no part file
    (run_dir,) = (tmp_path / "out" / "runs").iterdir()
    assert json.loads((run_dir / "manifest.json").read_text())["counts"]["requested"] == 0
    assert not (tmp_path / "out" / "articles").exists() or not list((tmp_path / "out" / "articles").iterdir())
    assert not list((tmp_path / "out").rglob("*.part"))


def test_push_and_redis_errors_are_one_line():
    proc = run_cli("push", "--redis", "redis://127.0.0.1:9/0", "http://example.com/")
    assert proc.returncode == 1 and "cannot reach" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_cli("push", "--redis", "redis://127.0.0.1:9/0", "ftp://example.com/")
    assert proc.returncode == 2 and "not an http(s) URL" in proc.stderr
    proc = run_cli("crawl", "--idle-timeout", "3", "http://127.0.0.1:9/")
    assert proc.returncode == 2 and "--redis" in proc.stderr


def test_the_requests_of_a_killed_worker_return_to_the_frontier(redis_url, demo, tmp_path):
    """kill -9 of a worker mid-crawl: what it took comes back after its lease, and another worker fetches it once.

    The killed worker's part file never became a file, so the pages it had exported come
    back too; the surviving worker's Parquet files hold every demo article exactly once.
    """
    out = tmp_path / "shared"
    root = demo.base_url + "/"
    assert run_cli("push", "--redis", redis_url, "--reset", root).returncode == 0
    lease = ("-s", "THRESHER_REDIS_LEASE=2")
    doomed = _worker(redis_url, out, *lease)
    client = redis.Redis.from_url(redis_url)
    deadline = time.monotonic() + 60
    while client.hlen(next(iter(client.keys("thresher:articles:leases:*")), b"none")) < 8:
        assert doomed.poll() is None and time.monotonic() < deadline, "the worker took nothing"
        time.sleep(0.05)
    doomed.kill()
    doomed.communicate(timeout=20)
    assert client.scard("thresher:articles:workers") == 1  # its leases outlive it

    survivor = _worker(redis_url, out, *lease)
    _stdout, stderr = survivor.communicate(timeout=180)
    assert survivor.returncode == 0, stderr[-3000:]
    manifests = [json.loads(p.read_text()) for p in sorted((out / "runs").glob("*/manifest.json"))]
    assert len(manifests) == 1, "the killed worker wrote no manifest"
    (parquet,) = (out / "articles").glob("*.parquet")  # the killed worker's part file never became one
    paths = Counter(urlsplit(url).path for url in pd.read_parquet(parquet)["url"])
    assert {path for path, n in paths.items() if n > 1} == set(), "no article exported twice"
    assert set(paths) == ARTICLES, "no article lost"
    log = (out / "runs" / manifests[0]["run_id"] / "crawl.log").read_text()
    assert "stopped beating" in log
    assert client.scard("thresher:articles:workers") == 0 and not client.keys("thresher:articles:leases:*")
