"""The README's main job: `thresher crawl` with no input crawls the bundled demo site over loopback."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

import pandas as pd
import pyarrow.parquet as pq
import pytest
from conftest import demo_port_held

from pipelines.extraction.record import ARTICLE_SCHEMA

REPO = Path(__file__).resolve().parents[1]
EXPECTED = json.loads((REPO / "tests" / "fixtures" / "demo_expected.json").read_text(encoding="utf-8"))
FAST = ["-s", "THRESHER_EXTRACT_WORKERS=1"]


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    with demo_port_held(tmp_path_factory):
        proc = subprocess.run(
            [sys.executable, "-m", "crawler.cli", "crawl", "--out", str(out), *FAST],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert proc.returncode == 0, proc.stderr[-2000:]
    (run_dir,) = (out / "runs").iterdir()
    return out, run_dir, proc


def test_demo_crawl_exports_every_article_and_no_listing(demo_run):
    out, _, _ = demo_run
    df = pd.read_parquet(out / "articles")
    paths = {urlsplit(url).path for url in df["url"]}
    articles = {path for path, facts in EXPECTED.items() if facts["is_article"] and not path.startswith("/private/")}
    assert len(df) >= 10
    assert paths == articles
    assert (df["body"].str.len() > 500).all()
    assert df["is_article"].all()


def test_demo_records_have_the_schema_and_expected_metadata(demo_run):
    out, _, _ = demo_run
    (part,) = (out / "articles").glob("*.parquet")
    assert pq.read_schema(part).remove_metadata() == ARTICLE_SCHEMA.remove_metadata()
    df = pd.read_parquet(out / "articles")
    assert str(df["published"].dtype) == "datetime64[us, UTC]"
    for row in df.itertuples():
        facts = EXPECTED[urlsplit(row.url).path]
        body = _fold(row.body)
        assert _fold(facts["body_first"]) in body, row.url
        assert _fold(facts["body_last"]) in body, row.url
        assert row.published.date().isoformat() == facts["published"][:10]
        assert row.title and row.domain == "127.0.0.1"


def test_demo_jsonl_holds_the_same_articles(demo_run):
    out, run_dir, _ = demo_run
    lines = [json.loads(line) for line in (run_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {line["url"] for line in lines} == set(pd.read_parquet(out / "articles")["url"])
    assert all(list(line) == ARTICLE_SCHEMA.names for line in lines)


def test_demo_accounting_adds_up(demo_run):
    _, run_dir, proc = demo_run
    manifest = json.loads((run_dir / "manifest.json").read_text())
    drops = [json.loads(line) for line in (run_dir / "drops.jsonl").read_text().splitlines()]
    counts = manifest["counts"]
    assert counts["balanced"] and counts["requested"] == counts["exported"] + counts["dropped"]
    assert counts["dropped"] == len(drops)
    reasons = {urlsplit(d["url"]).path: d["reason"] for d in drops}
    assert reasons["/private/draft/"] == "robots_txt"
    assert reasons["/news/missing-story/"] == "http_error"
    assert reasons["/"] == "page_type"
    listings = {path for path, facts in EXPECTED.items() if not facts["is_article"]}
    assert listings <= set(reasons), "every listing page the crawl reached is a recorded drop"
    assert manifest["run_id"] == run_dir.name and manifest["versions"]["scrapy"]
    assert f"exported {counts['exported']}" in proc.stdout


def test_serve_demo_and_plain_scrapy_crawl_write_the_same_schema(tmp_path):
    server = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "serve-demo", "--port", "0"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = server.stdout.readline()
        base = re.search(r"http://127\.0\.0\.1:\d+", line).group(0)
        assert b"Sitemap: " + base.encode() in urlopen(base + "/robots.txt", timeout=10).read()
        target = tmp_path / "x.parquet"
        proc = subprocess.run(
            [
                "scrapy",
                "crawl",
                "articles",
                "-a",
                f"urls={base}/",
                "-a",
                "follow=1",
                "-a",
                "max_pages=8",
                "-O",
                str(target),
                "-s",
                "LOG_LEVEL=WARNING",
                *FAST,
            ],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        assert proc.returncode == 0, proc.stderr[-2000:]
        table = pq.read_table(target)
        assert table.schema.remove_metadata() == ARTICLE_SCHEMA.remove_metadata()
        assert 1 <= table.num_rows <= 8
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=10)


def test_serve_demo_stops_on_sigint_even_when_started_with_sigint_ignored():
    """A script's background job (`thresher serve-demo &`, or a test run under nohup) starts with
    SIGINT ignored; the server still stops on it, as its banner says."""
    server = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "serve-demo", "--port", "0"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    try:
        assert "Serving the thresher demo site" in server.stdout.readline()
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=30) == 0
    finally:
        server.kill()
        server.wait()


def test_demo_server_serves_gzip_sitemap_and_refuses_traversal():
    from crawler.demo import DemoServer

    server = DemoServer().start_in_thread()
    try:
        body = urlopen(server.base_url + "/sitemap-news.xml.gz", timeout=10).read()
        assert body[:2] == b"\x1f\x8b"
        with pytest.raises(Exception, match="404"):
            urlopen(server.base_url + "/../../pyproject.toml", timeout=10)
        with pytest.raises(Exception, match="404"):
            urlopen(server.base_url + "/%2e%2e/settings.py", timeout=10)
    finally:
        server.shutdown()
        time.sleep(0.05)


def test_notebook_readers_open_the_dataset_with_typed_columns(demo_run):
    import duckdb
    import polars as pl
    import pyarrow as pa
    import pyarrow.dataset as ds

    out, _, _ = demo_run
    dataset = out / "articles"
    n = len(pd.read_parquet(dataset))
    table = ds.dataset(dataset).to_table(columns=["url", "published", "authors"])
    assert table.num_rows == n
    assert pa.types.is_timestamp(table.schema.field("published").type)
    assert pa.types.is_list(table.schema.field("authors").type)
    rows = duckdb.sql(
        f"SELECT count(*), typeof(any_value(published)) FROM read_parquet('{dataset}/*.parquet')"
    ).fetchall()[0]
    assert rows[0] == n and rows[1].startswith("TIMESTAMP")
    frame = pl.read_parquet(f"{dataset}/*.parquet")
    assert frame.height == n
    assert isinstance(frame.schema["authors"], pl.List) and isinstance(frame.schema["published"], pl.Datetime)
