"""Unattended runs: one writer per dataset, files a scheduler's other users can read, no leftovers, no orphans.

Real `thresher crawl` subprocesses, real signals, a slow test site on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import re
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import ARTICLES, FAST, REPO, crawl, run_cli, running_site, slow_routes, subprocess_env


@pytest.fixture(scope="module")
def slow_site():
    """10 articles answered after 0.5 s each, one at a time: a crawl of it lasts a few seconds."""
    with running_site(slow_routes(10), static=None, delay=0.5) as site:
        yield site


@pytest.fixture
def gated_site():
    """Two articles, the second answered only once the test opens `site.gate`: a crawl that
    holds its dataset for as long as the test needs, however slow the machine."""
    routes = slow_routes(2)
    gate = threading.Event()
    last = max(routes)
    routes[last] = (*routes[last][:3], gate)
    with running_site(routes, static=None) as site:
        site.gate = gate
        try:
            yield site
        finally:
            gate.set()


def _start(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", *args],
        cwd=REPO,
        env=subprocess_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def _slow_crawl(site, out: Path, *extra: str) -> subprocess.Popen:
    urls = [site.url(path) for path in sorted(site.routes)]
    return _start("crawl", *urls, "--out", str(out), *FAST, "-s", "CONCURRENT_REQUESTS=1", *extra)


def _wait_for(predicate, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert proc.poll() is None, f"the crawl ended early: {proc.communicate()}"
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _lock_holder(out: Path) -> dict:
    path = out / ".thresher.lock"
    return json.loads(path.read_text()) if path.exists() and path.read_text() else {}


def _holding_crawl(gated_site, out: Path) -> tuple[subprocess.Popen, str]:
    """A crawl into `out` that lasts until the gate opens, once it holds the dataset's lock, and the run id it names there."""
    first = _slow_crawl(gated_site, out)
    try:
        _wait_for(lambda: _lock_holder(out).get("run_id"), first)
    except BaseException:
        first.kill()
        first.wait(timeout=10)
        raise
    return first, _lock_holder(out)["run_id"]


# --- one writer per dataset ----------------------------------------------------------
def test_a_second_crawl_into_a_busy_dataset_fails_fast_naming_the_holder(gated_site, news_site, tmp_path):
    out = tmp_path / "out"
    first, holder = _holding_crawl(gated_site, out)
    try:
        started = time.monotonic()
        second = run_cli("crawl", news_site.url(ARTICLES["river"]), "--out", str(out), *FAST)
        assert time.monotonic() - started < 15
        assert second.returncode == 1, second.stderr
        (line,) = second.stderr.strip().splitlines()
        assert line.startswith(f"thresher crawl: error: dataset {out} is in use by run {holder} (pid {first.pid}")
        assert len(list((out / "runs").iterdir())) == 1  # the second run wrote nothing
        # nor may `runs --prune` touch the part files of the running crawl
        prune = run_cli("runs", str(out), "--prune")
        assert prune.returncode == 1 and f"in use by run {holder}" in prune.stderr
    finally:
        gated_site.gate.set()
        first.wait(timeout=60)
    assert first.returncode == 0, first.stderr
    # the lock goes with its process: the next crawl runs
    crawl(out, news_site.url(ARTICLES["river"]))


def test_a_killed_crawl_leaves_no_lock_and_prune_removes_its_part_files(slow_site, news_site, tmp_path):
    out = tmp_path / "out"
    proc = _slow_crawl(slow_site, out)
    _wait_for(lambda: list((out / "articles").glob(".*.part")) if (out / "articles").exists() else [], proc)
    proc.kill()
    proc.wait(timeout=10)
    parts = list(out.rglob("*.part"))
    assert parts  # a killed run leaves its part file
    pruned = run_cli("runs", str(out), "--prune")
    assert pruned.returncode == 0, pruned.stderr
    assert f"removed {len(parts)} part file" in pruned.stderr
    assert not list(out.rglob("*.part"))
    crawl(out, news_site.url(ARTICLES["river"]))  # the killed run's lock went with it


# --- files -------------------------------------------------------------------------------
def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_outputs_honour_the_umask(news_site, tmp_path, umask):
    out = tmp_path / "out"
    single = tmp_path / "single.parquet"
    old = os.umask(umask)
    try:
        run = crawl(out, news_site.url(ARTICLES["river"]), "--format", "parquet,jsonl,json")
        scrapy = subprocess.run(
            [sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"urls={news_site.url(ARTICLES['grain'])}",
             "-O", str(single), *FAST],
            cwd=REPO, env=subprocess_env(), capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    finally:
        os.umask(old)
    assert scrapy.returncode == 0, scrapy.stderr[-3000:]
    expected = 0o666 & ~umask
    files = [
        run.parquet,
        *(run.run_dir / name for name in ("articles.jsonl", "articles.json", "manifest.json")),
        single,
    ]
    assert {str(path): oct(_mode(path)) for path in files} == {str(path): oct(expected) for path in files}


def test_a_failed_run_removes_its_own_part_files(news_site, tmp_path):
    """A run that survives (here: an output fails) leaves no .part behind, of any output."""
    from test_run_outcome import FULL_DISK

    run = crawl(tmp_path, news_site.url(ARTICLES["river"]), "-s", f"FEED_STORAGES={FULL_DISK}", check=False)
    assert run.proc.returncode == 1
    assert not list(tmp_path.rglob("*.part")), sorted(tmp_path.rglob("*"))


def test_a_stopped_run_removes_its_own_part_files(slow_site, tmp_path):
    out = tmp_path / "out"
    proc = _slow_crawl(slow_site, out, "--format", "parquet,jsonl")
    _wait_for(lambda: list((out / "articles").glob(".*.part")) if (out / "articles").exists() else [], proc)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=60)
    assert proc.returncode == 0
    assert not list(out.rglob("*.part"))


# --- no orphans ---------------------------------------------------------------------------
def _descendants(pid: int) -> set[int]:
    """Every process below `pid` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_extraction_pool_exits_when_the_crawl_is_killed(slow_site, tmp_path):
    out = tmp_path / "out"
    urls = [slow_site.url(path) for path in sorted(slow_site.routes)]
    proc = _start(
        "crawl", *urls, "--out", str(out), "-s", "THRESHER_EXTRACT_WORKERS=2", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS=1",
    )  # fmt: skip
    _wait_for(lambda: len(_descendants(proc.pid)) >= 3, proc)  # forkserver, resource tracker, workers
    _wait_for(lambda: (out / "articles").exists() and list((out / "articles").glob(".*.part")), proc)
    pool = _descendants(proc.pid)
    proc.kill()
    proc.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in pool) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in pool if _alive(pid)] == []


# --- smaller ------------------------------------------------------------------------------
def test_runs_json_into_a_closed_pipe_is_quiet(news_site, tmp_path):
    crawl(tmp_path, news_site.url(ARTICLES["river"]))
    proc = _start("runs", str(tmp_path), "--json")
    proc.stdout.close()  # `| head -1` that has read its line
    stderr = proc.stderr.read()
    proc.wait(timeout=30)
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr
    assert proc.returncode == 141


def test_urls_file_dash_reads_stdin(news_site, tmp_path):
    urls = f"{news_site.url(ARTICLES['river'])}\n# a comment\n{news_site.url(ARTICLES['grain'])}\n"
    proc = run_cli("crawl", "--urls-file", "-", "--out", str(tmp_path), *FAST, input=urls)
    assert proc.returncode == 0, proc.stderr
    assert "requested 2, exported 2" in proc.stdout


# --- logs ---------------------------------------------------------------------------------
def test_the_log_has_one_line_per_dropped_page_and_no_page_body(news_site, tmp_path):
    urls = [news_site.url(path) for path in ("/", "/no-such-page.html", "/private/notes.html", ARTICLES["river"])]
    run = crawl(tmp_path, *urls)
    log = (run.run_dir / "crawl.log").read_text()
    dropped = [line for line in log.splitlines() if "Dropped" in line]
    assert len(dropped) == len(run.drops) == 3, dropped
    for drop in run.drops:
        (line,) = [line for line in dropped if f"Dropped {drop['url']}: {drop['stage']}/{drop['reason']}" in line]
        assert len(line) < 500
    assert "<html" not in log.lower() and "<p>" not in log
    assert "Council approves riverside park" not in log  # no page text either (the index lists the article)


def test_the_readme_first_command_twice_is_an_incremental_recrawl(tmp_path, demo_port):
    """`thresher crawl` with no input serves the demo on the same port each run: the second run finds 13 unchanged."""
    import socket

    from crawler.demo import DEMO_PORT

    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the demo server binds: TIME_WAIT is no owner
        try:
            probe.bind(("127.0.0.1", DEMO_PORT))
        except OSError:
            pytest.skip(f"port {DEMO_PORT} is in use on this machine")
    first = run_cli("crawl", "--out", str(tmp_path), *FAST)
    second = run_cli("crawl", "--out", str(tmp_path), *FAST)
    assert first.returncode == 0 and second.returncode == 0, second.stderr
    assert f"http://127.0.0.1:{DEMO_PORT}/" in first.stderr
    assert "exported 13" in first.stdout
    assert "exported 0, dropped 15, unchanged 13" in second.stdout


# --- stopping -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def busy_site():
    """24 articles answered after 1 s each: 4 at a time (the per-domain limit), a crawl of 6 s."""
    with running_site(slow_routes(24), static=None, delay=1.0) as site:
        yield site


def _stop(site, out: Path, signals: list[signal.Signals]) -> tuple[subprocess.CompletedProcess, int]:
    """Stop a crawl of `busy_site` mid-way. Also returns how many pages were requested after the crawl said it
    was stopping (its first line on stderr, written once it has taken back the requests it had not sent)."""
    urls = [site.url(path) for path in sorted(site.routes)]
    since = len(site.hits)
    proc = _start("crawl", *urls, "--out", str(out), *FAST)
    _wait_for(lambda: len(site.page_paths(since)) >= 6, proc)  # mid-crawl: 4 in flight, a dozen handed out
    said = ""
    for number, sig in enumerate(signals):
        if number:
            time.sleep(0.2)
        proc.send_signal(sig)
        if not number:
            said = proc.stderr.readline()
            requested = len(site.page_paths(since))
    stdout, stderr = proc.communicate(timeout=60)
    requested_after = len(site.page_paths(since)) - requested
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, said + stderr), requested_after


def _manifest(out: Path) -> dict:
    (path,) = out.glob("runs/*/manifest.json")
    return json.loads(path.read_text())


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_the_first_stop_says_so_and_waits_only_for_the_pages_in_flight(busy_site, tmp_path, sig):
    proc, requested_after = _stop(busy_site, tmp_path, [sig])
    assert proc.returncode == 0, proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith(f"thresher crawl: {sig.name}: stopping: finishing ")
    assert line.endswith(" pages in flight; press Ctrl-C again to stop now")
    # the pages in flight may still be on their way to the site; no others are asked for (Scrapy went on with
    # every request the downloader held, a dozen)
    in_flight = int(re.search(r"finishing (\d+) page", line).group(1))
    assert requested_after <= in_flight <= 4, (requested_after, in_flight)
    manifest = _manifest(tmp_path)
    assert manifest["finish_reason"] == "shutdown" and manifest["counts"]["balanced"]
    assert manifest["counts"]["drop_reasons"]["not_fetched"] >= 8


def test_a_second_ctrl_c_stops_now_and_still_writes_what_was_extracted(busy_site, tmp_path):
    import pyarrow.parquet as pq

    proc, requested_after = _stop(busy_site, tmp_path, [signal.SIGINT, signal.SIGINT])
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("thresher crawl: stopping now: ")
    manifest = _manifest(tmp_path)  # Scrapy's second Ctrl-C killed the run: no manifest, no file
    assert manifest["finish_reason"] == "shutdown" and manifest["counts"]["balanced"]
    exported = manifest["counts"]["exported"]
    assert exported >= 4
    (parquet,) = (tmp_path / "articles").glob("*.parquet")
    assert pq.read_table(parquet).num_rows == exported
    assert manifest["counts"]["exported"] + manifest["counts"]["drop_reasons"]["not_fetched"] == 24
    assert not list(tmp_path.rglob("*.part"))
    assert requested_after <= 4, requested_after  # at most the pages in flight (the per-domain limit)


def test_a_plain_scrapy_crawl_into_a_busy_dataset_fails_too(gated_site, news_site, tmp_path):
    """The add-on's DatasetLock: `scrapy crawl -s THRESHER_OUT=DIR` (and scrapyd) honour the same lock."""
    out = tmp_path / "out"
    first, holder = _holding_crawl(gated_site, out)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"urls={news_site.url(ARTICLES['river'])}",
             "-s", f"THRESHER_OUT={out}", *FAST],
            cwd=REPO, env=subprocess_env(), capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert proc.returncode != 0
        assert f"is in use by run {holder}" in proc.stderr
        assert len(list((out / "runs").iterdir())) == 1
    finally:
        gated_site.gate.set()
        first.wait(timeout=60)
    assert first.returncode == 0
