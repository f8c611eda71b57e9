"""Resumable crawls: a run stopped by SIGINT or SIGTERM, or killed by SIGKILL, continues when re-run.

Against a slow local site (an index page linking to 24 articles, each answered after
0.2 s), a first run is interrupted while it is writing rows, then the same command runs
again with the same job dir. Across the runs' part files every article is exported
exactly once, every file is a valid Parquet file, and a stopped run's manifest adds up
(pages still queued are `not_fetched` drops).
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests.conftest import FAST, REPO, paths_of, running_site, slow_routes, subprocess_env

PAGES = 24
DELAY = 0.2
# two requests at a time: ~2.5 s of fetching, so a signal lands mid-crawl
SETTINGS = (*FAST, "-s", "CONCURRENT_REQUESTS=2", "-s", "THRESHER_PARQUET_ROW_GROUP_SIZE=2")


def _routes() -> dict[str, tuple]:
    routes = slow_routes(PAGES)
    links = "".join(f'<li><a href="{path}">Harbour notes</a></li>' for path in sorted(routes))
    index = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour notes | Millbrook Courier</title>'
        f'<meta property="og:type" content="website"></head><body><h1>Harbour notes</h1><ul>{links}</ul></body></html>'
    )
    routes["/"] = (200, {"Content-Type": "text/html; charset=utf-8"}, index)
    return routes


ARTICLES = sorted(path for path in _routes() if path.startswith("/slow/"))


@pytest.fixture
def site():
    """A fresh site per test, so its request log counts the fetches of that test only."""
    with running_site(_routes(), static=None, delay=DELAY) as server:
        yield server


def _command(site, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "crawler.cli",
        "crawl",
        site.url("/"),
        "--follow",
        "--out",
        str(out),
        *extra,
        *SETTINGS,
    ]


def _start(command: list[str]) -> subprocess.Popen:
    return subprocess.Popen(
        command, cwd=REPO, env=subprocess_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _journal_exports(job: Path) -> int:
    path = job / "thresher.journal"
    return path.read_text().count('{"x": ') if path.exists() else 0


def _interrupt(command: list[str], job: Path, sig: signal.Signals) -> subprocess.CompletedProcess:
    """Start the crawl, wait until it has exported a few pages, send `sig`, wait for the end."""
    proc = _start(command)
    deadline = time.monotonic() + 60
    while _journal_exports(job) < 3:
        assert proc.poll() is None, f"the crawl ended before the signal: {proc.communicate()}"
        assert time.monotonic() < deadline, "the crawl exported nothing in time"
        time.sleep(0.05)
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(command, proc.returncode, stdout, stderr)


def _manifests(out: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted((out / "runs").glob("*/manifest.json"))]


def _assert_dataset_is_the_site(out: Path) -> pd.DataFrame:
    parts = sorted((out / "articles").glob("*.parquet"))
    for part in parts:  # every part a complete Parquet file
        assert pq.read_metadata(part).num_rows >= 0
    assert not list((out / "articles").glob(".*")), "no unfinished temporary part is left behind"
    df = pd.read_parquet(out / "articles")
    urls = paths_of(df["url"].tolist())
    duplicates = [url for url, n in Counter(urls).items() if n > 1]
    assert not duplicates, f"exported more than once: {duplicates}"
    assert sorted(urls) == ARTICLES
    return df


def _assert_every_output_readable(out: Path) -> None:
    """Whatever a run left in OUT, killed or not, reads whole: Parquet, JSON Lines, JSON, SQLite."""
    for path in out.rglob("*"):
        if not path.is_file() or path.name.startswith(".") or "jobs" in path.relative_to(out).parts:
            continue  # hidden: temporary parts (never read as data); jobs/: Scrapy's own state
        if path.suffix == ".parquet":
            pq.read_table(path)
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                json.loads(line)
        elif path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        elif path.suffix == ".sqlite":
            with sqlite3.connect(path) as db:
                assert db.execute("pragma integrity_check").fetchone() == ("ok",)


def _assert_balanced(manifest: dict) -> None:
    counts = manifest["counts"]
    assert counts["balanced"], counts
    assert counts["requested"] == counts["exported"] + counts["dropped"] + counts.get("unchanged", 0)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_stopped_run_continues_where_it_was(site, tmp_path, sig):
    out, job = tmp_path / "out", tmp_path / "job"
    command = _command(site, out, "--job-dir", str(job))
    first = _interrupt(command, job, sig)
    assert first.returncode == 0, first.stderr
    _assert_every_output_readable(out)
    (stopped,) = _manifests(out)
    assert stopped["finish_reason"] == "shutdown"
    _assert_balanced(stopped)
    not_fetched = stopped["counts"]["drop_reasons"].get("not_fetched", 0)
    assert not_fetched > 0, "the stop left pages queued"
    drops = (out / "runs" / stopped["run_id"] / "drops.jsonl").read_text().splitlines()
    queued = [json.loads(line) for line in drops if '"not_fetched"' in line]
    assert len(queued) == not_fetched and all(d["stage"] == "stop" for d in queued)
    assert f"not fetched: {not_fetched}" in first.stdout
    assert (job / "requests.queue").is_dir() and (job / "spider.state").is_file()  # Scrapy's JOBDIR

    second = subprocess.run(command, cwd=REPO, env=subprocess_env(), capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    first_run, resumed = _manifests(out)
    assert resumed["finish_reason"] == "finished"
    assert resumed["job"]["resumed_from"] == [first_run["run_id"]]
    assert resumed["job"]["carried_over"] == not_fetched
    assert not resumed["job"]["recovered_from_journal"]  # Scrapy's own queue was used
    _assert_balanced(resumed)
    assert resumed["counts"]["requested"] == not_fetched  # the carried-over pages, nothing requested twice
    _assert_dataset_is_the_site(out)
    # continued where it was: every page fetched once over both runs, none again
    assert Counter(site.page_paths()) == Counter(["/", *ARTICLES])
    assert not (job / "thresher.journal").exists(), "a finished job clears its state"
    # the dataset's report counts no page as lost: the resumed run fetched what the stop left
    from crawler.views.stats import collect

    report = collect(out)
    assert "not_fetched" not in {drop.reason for drop in report.drops}
    assert report.requested == report.exported + report.dropped + report.unchanged
    assert report.dropped == sum(m["counts"]["dropped"] for m in (first_run, resumed)) - not_fetched


def test_a_killed_run_is_recovered_from_the_journal(site, tmp_path):
    out, job = tmp_path / "out", tmp_path / "job"
    command = _command(site, out, "--job-dir", str(job))
    killed = _interrupt(command, job, signal.SIGKILL)
    assert killed.returncode == -signal.SIGKILL
    assert not list((out / "articles").glob("*.parquet")), "the killed run's part never became a file"
    _assert_every_output_readable(out)  # drops.jsonl written up to the kill, whole lines only
    (killed_run,) = [p.name for p in (out / "runs").iterdir()]
    lost = _journal_exports(job)

    second = subprocess.run(command, cwd=REPO, env=subprocess_env(), capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    (resumed,) = _manifests(out)  # the killed run wrote none
    assert resumed["job"]["resumed_from"] == [killed_run]
    assert resumed["job"]["recovered_from_journal"]
    assert resumed["job"]["lost_exports_refetched"] == lost > 0  # not lost silently: fetched again
    _assert_balanced(resumed)
    df = _assert_dataset_is_the_site(out)
    _assert_every_output_readable(out)
    assert set(df["run_id"]) == {resumed["run_id"]}
    fetched = Counter(site.page_paths())
    assert set(fetched) == {"/", *ARTICLES}
    assert fetched["/"] == 1, "the index's outcome (a drop) was durable: its links came from the journal"


def test_resume_derives_the_job_dir_from_the_inputs(site, tmp_path):
    out = tmp_path / "out"
    command = _command(site, out, "--resume")
    first = _interrupt_resume(command, out)
    assert first.returncode == 0, first.stderr
    (job,) = (out / "jobs").iterdir()
    assert job.name.startswith("articles-")
    second = subprocess.run(command, cwd=REPO, env=subprocess_env(), capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    first_run, resumed = _manifests(out)
    assert resumed["job"]["dir"] == str(job) and resumed["job"]["resumed_from"] == [first_run["run_id"]]
    _assert_dataset_is_the_site(out)


def _interrupt_resume(command: list[str], out: Path) -> subprocess.CompletedProcess:
    proc = _start(command)
    deadline = time.monotonic() + 60
    while not any(_journal_exports(job) >= 3 for job in (out / "jobs").glob("*")):
        assert proc.poll() is None and time.monotonic() < deadline, "the crawl exported nothing in time"
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(command, proc.returncode, stdout, stderr)


def test_without_a_job_dir_a_stop_still_accounts_for_queued_pages(site, tmp_path):
    out = tmp_path / "out"
    proc = _start(_command(site, out))
    deadline = time.monotonic() + 60
    while not list((out / "articles").glob(".*.part")):
        assert proc.poll() is None and time.monotonic() < deadline, "the crawl wrote nothing in time"
        time.sleep(0.05)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=60)
    (manifest,) = _manifests(out)
    _assert_balanced(manifest)
    assert manifest["job"] is None
    assert manifest["counts"]["drop_reasons"]["not_fetched"] > 0
    drops = [json.loads(line) for line in (out / "runs" / manifest["run_id"] / "drops.jsonl").read_text().splitlines()]
    assert any(d["reason"] == "not_fetched" and "not resumable" in d["detail"] for d in drops)


def test_resume_needs_inputs_and_redis_excludes_a_job_dir(tmp_path):
    from tests.conftest import run_cli

    proc = run_cli("crawl", "--resume", "--out", str(tmp_path))
    assert proc.returncode == 2 and "need inputs" in proc.stderr
    proc = run_cli("crawl", "http://127.0.0.1:9/", "--job-dir", str(tmp_path), "--redis", "redis://127.0.0.1:9/0")
    assert proc.returncode == 2 and "not allowed with" in proc.stderr
