"""A run's outcome is the truth: what a scheduler sees (exit status, stderr, summary) is what was written.

Real `thresher crawl` subprocesses against the news test site on 127.0.0.1. A full disk
is a real crawl whose feed storage fails with ENOSPC (`tests/full_disk.py`, through
`-s FEED_STORAGES`).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
from conftest import ARTICLES, crawl, run_cli, running_site

FULL_DISK = json.dumps(
    {"": "tests.full_disk.FullDiskStorage", "file": "tests.full_disk.FullDiskStorage"}, separators=(",", ":")
)


def _state_rows(out: Path) -> list[tuple]:
    path = out / "state.sqlite"
    if not path.exists():
        return []
    with sqlite3.connect(path) as db:
        return sorted(db.execute("SELECT url, content_hash, run_id FROM pages").fetchall())


def test_an_output_that_cannot_be_written_fails_the_run_and_leaves_the_state(news_site, tmp_path):
    urls = [news_site.url(path) for path in ARTICLES.values()]
    first = crawl(tmp_path, urls[0])  # the dataset holds one page
    state_before = _state_rows(tmp_path)
    assert len(state_before) == 1

    failed = crawl(tmp_path, *urls, "--no-incremental", "-s", f"FEED_STORAGES={FULL_DISK}", check=False)
    assert failed.proc.returncode == 1, failed.proc.stderr
    errors = [line for line in failed.proc.stderr.splitlines() if line.startswith("thresher crawl: error:")]
    assert errors, failed.proc.stderr
    assert all("No space left on device" in line for line in errors)
    assert any(f"{failed.run_dir.name}.parquet" in line or "articles.jsonl" in line for line in errors)
    assert "Traceback" not in failed.proc.stderr
    # the summary says failed, and lists only files that exist
    header = next(line for line in failed.proc.stdout.splitlines() if line.startswith("thresher run "))
    assert header.endswith("failed (output_error)")
    listed = [line.split()[-1] for line in failed.proc.stdout.splitlines() if line.startswith("    ") and "/" in line]
    assert listed and all(Path(path).exists() for path in listed), failed.proc.stdout
    assert str(tmp_path / "articles" / f"{failed.run_dir.name}.parquet") not in failed.proc.stdout
    assert failed.manifest["finish_reason"] == "output_error"
    # nothing recorded for pages that were not written, no part file left
    assert _state_rows(tmp_path) == state_before
    assert not list(tmp_path.rglob("*.part"))
    assert not (tmp_path / "articles" / f"{failed.run_dir.name}.parquet").exists()

    # so the next run exports every page the failed one lost
    again = crawl(tmp_path, *urls)
    assert sorted(again.exported_urls()) == sorted(urls[1:])
    assert first.parquet.exists()


def test_a_bad_parquet_codec_is_a_usage_error_before_any_fetch(news_site, tmp_path):
    since = len(news_site.hits)
    proc = run_cli(
        "crawl", news_site.url(ARTICLES["river"]), "--out", str(tmp_path / "out"), "-s",
        "THRESHER_PARQUET_COMPRESSION=bogus",
    )  # fmt: skip
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("thresher crawl: error:") and "THRESHER_PARQUET_COMPRESSION" in line and "zstd" in line
    assert news_site.paths(since) == []
    assert not (tmp_path / "out").exists()


def test_a_crawl_where_every_fetch_failed_exits_1(tmp_path):
    """Every URL 404: nothing exported, nothing found unchanged: the run could not do its job."""
    with running_site(static=None) as site:
        run = crawl(tmp_path, site.url("/a.html"), site.url("/b.html"), check=False)
    assert run.proc.returncode == 1, run.proc.stderr
    (line,) = run.proc.stderr.strip().splitlines()
    assert line == "thresher crawl: error: nothing exported: every fetch failed (http_error)"
    assert "thresher run " in run.proc.stdout and ": failed (finished)" in run.proc.stdout
    assert run.manifest["counts"]["drop_reasons"] == {"http_error": 2}  # still accounted for
    assert pq.read_table(run.parquet).num_rows == 0


def test_a_crawl_of_non_articles_only_completes(news_site, tmp_path):
    """Pages were fetched and judged (not articles): the run did its job, exit 0."""
    run = crawl(tmp_path, news_site.url("/"))
    assert run.manifest["counts"]["exported"] == 0
    assert run.manifest["counts"]["drop_reasons"] == {"page_type": 1}
    assert ": finished" in run.proc.stdout
