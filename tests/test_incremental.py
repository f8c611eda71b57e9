"""Incremental re-crawls, runs and the dataset loader.

A copy of the demo site is crawled twice into one dataset with one article changed in
between: once from the demo server (ETag / Last-Modified, so unchanged pages come back
304) and once from a server that sends no validators (unchanged pages are recognised by
their content hash). The second run must export exactly the changed page.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import REPO, CrawlRun, crawl, run_cli, running_site
from scrapy import Request

from crawler.demo import DemoServer
from crawler.incremental import CONDITIONAL_META, ConditionalRequestMiddleware, PageState, StateStore
from pipelines.dataset import load_articles

DEMO_SITE = REPO / "crawler" / "demo_site"


@dataclass
class Recrawl:
    out: Path
    base_url: str
    changed_path: str
    first: CrawlRun
    second: CrawlRun


def _copy_site(tmp: Path) -> Path:
    root = tmp / "site"
    shutil.copytree(DEMO_SITE, root)
    return root


def _change(root: Path, path: str, old: str, new: str) -> None:
    page = root / path.strip("/") / "index.html"
    html = page.read_text(encoding="utf-8")
    assert html.count(old) == 1, f"{old!r} is not once in {page}"
    page.write_text(html.replace(old, new), encoding="utf-8")


def _recrawl(out: Path, base_url: str, root: Path, path: str, old: str, new: str) -> Recrawl:
    first = crawl(out, base_url + "/", "--follow")
    _change(root, path, old, new)
    second = crawl(out, base_url + "/", "--follow")
    assert first.run_dir != second.run_dir
    return Recrawl(out, base_url, path, first, second)


@pytest.fixture(scope="module")
def with_validators(tmp_path_factory) -> Iterator[Recrawl]:
    """The demo server: ETag and Last-Modified on every page, 304 to conditional requests."""
    tmp = tmp_path_factory.mktemp("validators")
    root = _copy_site(tmp)
    server = DemoServer(root=root).start_in_thread()
    try:
        yield _recrawl(
            tmp / "out",
            server.base_url,
            root,
            "/news/mill-street-traders-recovery/",
            "On a bright Saturday morning",
            "On a grey Sunday morning",
        )
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def without_validators(tmp_path_factory) -> Iterator[tuple[Recrawl, CrawlRun]]:
    """A server that sends no ETag or Last-Modified; a third run with --no-incremental."""
    tmp = tmp_path_factory.mktemp("hashes")
    root = _copy_site(tmp)
    with running_site(static=root) as site:
        recrawl = _recrawl(
            tmp / "out",
            site.base_url,
            root,
            "/letters/notes-on-reading-slowly/",
            "For most of my thirties",
            "For most of my twenties and thirties",
        )
        third = crawl(recrawl.out, site.base_url + "/", "--follow", "--no-incremental")
    yield recrawl, third


def _paths(urls) -> list[str]:
    """Pages by path: a page found through a link with `?utm_source=...` is the same page."""
    return sorted(urlsplit(url).path for url in urls)


def _unchanged(run: CrawlRun) -> list[dict]:
    lines = (run.run_dir / "unchanged.jsonl").read_text().splitlines()
    return [json.loads(line) for line in lines if line.strip()]


# --- conditional requests (304) -------------------------------------------------------
def test_second_run_exports_exactly_the_changed_page(with_validators):
    run = with_validators
    assert len(run.first.exported_urls()) >= 10
    assert _paths(run.second.exported_urls()) == [run.changed_path], run.second.log
    assert "grey Sunday morning" in run.second.frame()["body"][0]


def test_manifest_counts_the_rest_unchanged(with_validators):
    first, second = with_validators.first.manifest["counts"], with_validators.second.manifest["counts"]
    assert second["unchanged"] == first["exported"] - 1
    assert second["unchanged_reasons"] == {"not_modified": first["exported"] - 1}
    assert second["balanced"] and second["requested"] == second["exported"] + second["dropped"] + second["unchanged"]
    # the same pages were requested, and the failures stay failures
    assert second["requested"] == first["requested"]
    assert second["drop_reasons"] == first["drop_reasons"]


def test_unchanged_pages_are_listed_once_each(with_validators):
    run = with_validators
    lines = _unchanged(run.second)
    urls = [line["url"] for line in lines]
    assert len(urls) == len(set(urls)) == run.second.manifest["counts"]["unchanged"]
    assert sorted(_paths(urls) + _paths(run.second.exported_urls())) == _paths(run.first.exported_urls())
    assert {(line["stage"], line["reason"], line["http_status"]) for line in lines} == {("fetch", "not_modified", 304)}
    assert _unchanged(run.first) == []


def test_state_records_each_exported_version(with_validators):
    run = with_validators
    with sqlite3.connect(run.out / "state.sqlite") as db:
        query = "SELECT url, etag, content_hash, run_id, last_run_id FROM pages"
        rows = {urlsplit(row[0]).path: row[1:] for row in db.execute(query)}
    assert sorted(rows) == _paths(run.first.exported_urls())
    versions = {}
    for crawl_run in (run.first, run.second):
        versions.update(
            {urlsplit(r["url"]).path: (r["content_hash"], r["run_id"]) for r in crawl_run.table().to_pylist()}
        )
    assert versions[run.changed_path][1] == run.second.run_dir.name
    for url, (etag, content_hash, run_id, last_run_id) in rows.items():
        assert etag and last_run_id == run.second.run_dir.name
        assert (content_hash, run_id) == versions[url]


# --- content hashes (no validators) ----------------------------------------------------
def test_without_validators_unchanged_bodies_are_not_exported_again(without_validators):
    run, _ = without_validators
    assert _paths(run.second.exported_urls()) == [run.changed_path], run.second.log
    counts = run.second.manifest["counts"]
    assert counts["unchanged_reasons"] == {"same_content": len(run.first.exported_urls()) - 1}
    assert counts["balanced"]
    assert {line["stage"] for line in _unchanged(run.second)} == {"filter"}


def test_no_incremental_exports_everything_again(without_validators):
    run, third = without_validators
    assert _paths(third.exported_urls()) == _paths(run.first.exported_urls())
    assert third.manifest["counts"]["unchanged"] == 0
    assert third.manifest["settings"]["THRESHER_INCREMENTAL"] is False
    with sqlite3.connect(run.out / "state.sqlite") as db:  # the state still follows the dataset
        assert {r[0] for r in db.execute("SELECT DISTINCT run_id FROM pages")} == {third.run_dir.name}


# --- the loader ------------------------------------------------------------------------
def test_loader_reads_every_version(with_validators):
    run = with_validators
    df = load_articles(run.out)
    assert len(df) == len(run.first.exported_urls()) + 1
    assert str(df["fetched_at"].dtype) == "datetime64[us, UTC]"
    assert str(df["word_count"].dtype) == "Int32" and str(df["http_status"].dtype) == "Int16"
    assert len(load_articles(run.out / "articles")) == len(df)
    assert len(load_articles(run.second.parquet)) == 1


def test_loader_latest_keeps_the_newest_version_of_each_url(with_validators):
    run = with_validators
    df = load_articles(run.out, latest=True)
    paths = df["url"].map(lambda url: urlsplit(url).path)
    assert sorted(paths) == _paths(run.first.exported_urls())  # one row per page
    changed = df[paths == run.changed_path].iloc[0]
    assert changed["run_id"] == run.second.run_dir.name and "grey Sunday morning" in changed["body"]
    assert (df[paths != run.changed_path]["run_id"] == run.first.run_dir.name).all()


def test_loader_reads_only_the_columns_asked_for(with_validators):
    run = with_validators
    df = load_articles(run.out, columns=["title", "url"])
    assert list(df.columns) == ["title", "url"] and len(df) == len(run.first.exported_urls()) + 1
    latest = load_articles(run.out, latest=True, columns=["title", "word_count"])
    assert list(latest.columns) == ["title", "word_count"] and len(latest) == len(run.first.exported_urls())
    with pytest.raises(ValueError, match="unknown column"):
        load_articles(run.out, columns=["url", "nope"])


def test_loader_of_a_missing_dataset_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="no thresher dataset"):
        load_articles(tmp_path / "nothing")


# --- thresher runs ---------------------------------------------------------------------
def test_runs_lists_both_runs_with_their_counts(with_validators):
    run = with_validators
    proc = run_cli("runs", str(run.out))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split()[:2] == ["run", "started"] and len(lines) == 3
    for line, crawl_run in zip(lines[1:], (run.first, run.second), strict=True):
        counts = crawl_run.manifest["counts"]
        fields = line.split()
        assert fields[0] == crawl_run.run_dir.name and "finished" in fields
        assert fields[-4:] == [str(counts[k]) for k in ("requested", "exported", "dropped", "unchanged")]
    listed = json.loads(run_cli("runs", str(run.out), "--json").stdout)
    assert [r["run_id"] for r in listed] == [run.first.run_dir.name, run.second.run_dir.name]
    assert listed[1]["unchanged"] == run.second.manifest["counts"]["unchanged"]


def test_runs_of_a_run_without_manifest_is_incomplete(tmp_path):
    (tmp_path / "runs" / "20260102T030405Z-abcdef").mkdir(parents=True)
    proc = run_cli("runs", str(tmp_path))
    assert proc.returncode == 0
    assert proc.stdout.splitlines()[1].split()[:4] == [
        "20260102T030405Z-abcdef",
        "2026-01-02",
        "03:04:05",
        "incomplete",
    ]


@pytest.mark.parametrize(
    "make, message",
    [(lambda p: p / "missing", "no such directory"), (lambda p: p, "not a thresher dataset")],
    ids=["missing", "not-a-dataset"],
)
def test_runs_of_a_directory_that_is_not_a_dataset_exits_2(tmp_path, make, message):
    proc = run_cli("runs", str(make(tmp_path)))
    assert proc.returncode == 2
    assert proc.stdout == "" and len(proc.stderr.strip().splitlines()) == 1
    assert message in proc.stderr and "Traceback" not in proc.stderr


# --- the middleware alone --------------------------------------------------------------
class _Crawler:
    """What ConditionalRequestMiddleware uses of a crawler: the spider's url_key."""

    class spider:
        @staticmethod
        def url_key(url: str) -> str:
            return url


def test_middleware_sends_validators_only_for_pages_with_a_stored_version(tmp_path):
    store = StateStore(tmp_path / "state.sqlite")
    url = "https://a.example/x"
    store.save([PageState(url, url, '"v1"', "Mon, 05 Jan 2026 10:00:00 GMT", "h", "r1", None, "r1", None)])
    middleware = ConditionalRequestMiddleware(_Crawler(), store)

    page = Request("https://a.example/x", cb_kwargs={"source": "seed"}, meta={"handle_httpstatus_list": [404]})
    middleware.process_request(page)
    assert page.headers[b"If-None-Match"] == b'"v1"'
    assert page.headers[b"If-Modified-Since"] == b"Mon, 05 Jan 2026 10:00:00 GMT"
    assert page.meta[CONDITIONAL_META] == "https://a.example/x" and page.meta["handle_httpstatus_list"] == [404, 304]

    # a redirect copies headers and meta to a URL with no stored version: the validators go
    hop = page.replace(url="https://a.example/y")
    middleware.process_request(hop)
    assert b"If-None-Match" not in hop.headers and b"If-Modified-Since" not in hop.headers
    assert CONDITIONAL_META not in hop.meta and hop.meta["handle_httpstatus_list"] == [404]

    sitemap = Request("https://a.example/x")  # not a page request: no source argument
    middleware.process_request(sitemap)
    assert b"If-None-Match" not in sitemap.headers
    store.close()
