"""The Parquet feed exporter and the atomic feed storage, on real files read back with pyarrow and pandas."""

from __future__ import annotations

import io
import json
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import ARTICLES, FAST, NEWS, REPO, CrawlRun, crawl, running_site, slow_routes, subprocess_env

from pipelines.exporters import ParquetItemExporter
from pipelines.extraction import Article, extract
from pipelines.extraction.record import ARTICLE_SCHEMA, SCHEMA_VERSION

TIMESTAMP_FIELDS = [f.name for f in ARTICLE_SCHEMA if pa.types.is_timestamp(f.type)]
LIST_FIELDS = [f.name for f in ARTICLE_SCHEMA if pa.types.is_list(f.type)]


@pytest.fixture(scope="module")
def five(news_site, tmp_path_factory) -> CrawlRun:
    """Five articles (sitemap + one start URL) written as Parquet and JSONL, two rows per row group."""
    return crawl(
        tmp_path_factory.mktemp("five"),
        news_site.url(ARTICLES["robots"]),
        "--sitemap",
        news_site.url("/"),
        "--format",
        "parquet,jsonl",
        "-s",
        "THRESHER_PARQUET_ROW_GROUP_SIZE=2",
    )


def test_crawl_exports_the_five_articles(five):
    assert five.manifest["counts"]["exported"] == 5
    assert len(five.exported_urls()) == 5


def assert_article_schema(schema: pa.Schema) -> None:
    """Names, types and nullability of ARTICLE_SCHEMA (Parquet names list items `element`, not `item`)."""
    assert schema.names == ARTICLE_SCHEMA.names
    assert [f.type for f in schema] == [f.type for f in ARTICLE_SCHEMA]
    assert [f.nullable for f in schema] == [f.nullable for f in ARTICLE_SCHEMA]


def test_parquet_schema_is_the_article_schema(five):
    assert_article_schema(pq.read_schema(five.parquet))


def test_schema_version_is_in_the_file_metadata(five):
    assert pq.read_metadata(five.parquet).metadata[b"thresher.schema_version"] == SCHEMA_VERSION.encode()
    assert set(five.table().column("schema_version").to_pylist()) == {SCHEMA_VERSION}


def test_row_groups_are_bounded(five):
    meta = pq.ParquetFile(five.parquet).metadata
    sizes = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
    assert meta.num_row_groups >= 3
    assert max(sizes) <= 2 and sum(sizes) == 5


def test_columns_are_zstd_compressed(five):
    meta = pq.ParquetFile(five.parquet).metadata
    assert meta.row_group(0).column(0).compression == "ZSTD"
    codecs = {
        meta.row_group(g).column(c).compression for g in range(meta.num_row_groups) for c in range(meta.num_columns)
    }
    assert codecs == {"ZSTD"}


def test_pandas_reads_timestamps_as_timestamps_and_lists_as_lists(five, news_site):
    df = five.frame()
    for name in TIMESTAMP_FIELDS:
        assert isinstance(df[name].dtype, pd.DatetimeTZDtype), (name, df[name].dtype)
        assert str(df[name].dt.tz) == "UTC"
    river = df.set_index("url").loc[news_site.url(ARTICLES["river"])]
    # 08:30 at +01:00 in the page
    assert river["published"] == pd.Timestamp("2024-03-12T07:30:00Z")
    assert river["modified"] == pd.Timestamp("2024-03-12T13:05:00Z")
    assert pd.Timestamp.now(tz="UTC") - river["fetched_at"] < pd.Timedelta(minutes=30)
    for name in LIST_FIELDS:
        assert all(isinstance(value, (list, np.ndarray)) for value in df[name]), name
    assert list(river["authors"]) == ["Dana Whitfield"]
    assert df["word_count"].dtype == np.int32 and (df["word_count"] > 150).all()
    assert df["is_article"].dtype == bool and df["is_article"].all()
    assert df["http_status"].tolist() == [200] * 5


def test_jsonl_has_the_same_records_as_parquet(five):
    jsonl = five.run_dir / "articles.jsonl"
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert all(list(record) == ARTICLE_SCHEMA.names for record in records)
    rows = {row["url"]: row for row in five.table().to_pylist()}
    by_url = {record["url"]: record for record in records}
    assert set(by_url) == set(rows) and len(records) == 5
    for url, record in by_url.items():
        row = rows[url]
        for name in ARTICLE_SCHEMA.names:
            if name in TIMESTAMP_FIELDS:
                expected = row[name]
                got = datetime.fromisoformat(record[name]) if record[name] else None
                assert got == expected, (url, name)
            else:
                assert record[name] == row[name], (url, name)


# --- the exporter on its own ---------------------------------------------------
def _articles() -> list[Article]:
    pages = [NEWS / "articles" / "river-park.html", NEWS / "intl" / "zimniy-sad.html"]
    articles = [
        extract(p.read_bytes(), f"https://news.example/{p.name}", fetched_at="2024-07-01T10:00:00+02:00") for p in pages
    ]
    articles.append(
        Article(
            url="https://news.example/c",
            body="Short.",
            published="not a date",
            authors=["A", "B"],
            forms=[{"kind": "newsletter", "text": "Sign up"}],
        )
    )
    articles.append(Article(url="https://news.example/d", body="By the desk.", credit="Courier Staff"))
    return articles


def test_exporter_writes_row_groups_to_an_in_memory_file():
    buffer = io.BytesIO()
    exporter = ParquetItemExporter(buffer, row_group_size=2)
    exporter.start_exporting()
    articles = _articles()
    for article in articles:
        exporter.export_item(article)
    exporter.finish_exporting()

    parquet = pq.ParquetFile(io.BytesIO(buffer.getvalue()))
    assert parquet.metadata.num_row_groups == 2  # four articles, two a group
    assert_article_schema(parquet.schema_arrow)
    assert parquet.schema_arrow.metadata == ARTICLE_SCHEMA.metadata
    rows = parquet.read().to_pylist()
    assert [row["url"] for row in rows] == [a.url for a in articles]
    assert rows[0]["fetched_at"] == datetime(2024, 7, 1, 8, 0, tzinfo=timezone.utc)
    assert rows[0]["published"] == datetime(2024, 3, 12, 7, 30, tzinfo=timezone.utc)
    assert "зимний сад" in rows[1]["body"]
    assert rows[2]["published"] is None  # an unparseable date is null, not an error
    assert rows[2]["authors"] == ["A", "B"]
    assert rows[2]["forms"] == [{"kind": "newsletter", "text": "Sign up"}]
    assert [row["credit"] for row in rows] == [None, None, None, "Courier Staff"]  # schema 1.4
    assert rows[3]["authors"] == []


def test_a_file_written_before_the_credit_field_reads_it_as_null(tmp_path):
    """Schema 1.4 added `credit`: a dataset holding older files still loads, their credit null."""
    from pipelines.dataset import load_articles

    (tmp_path / "articles").mkdir()
    older = pa.schema([f for f in ARTICLE_SCHEMA if f.name != "credit"])
    record = Article(url="https://news.example/a", body="Old.").to_dict()
    del record["credit"]
    pq.write_table(pa.Table.from_pylist([record], schema=older), tmp_path / "articles" / "r0.parquet")
    record = Article(url="https://news.example/b", body="New.", credit="Courier Staff").to_dict()
    pq.write_table(pa.Table.from_pylist([record], schema=ARTICLE_SCHEMA), tmp_path / "articles" / "r1.parquet")
    frame = load_articles(tmp_path, columns=["url", "credit"]).set_index("url")
    assert pd.isna(frame.loc["https://news.example/a", "credit"])
    assert frame.loc["https://news.example/b", "credit"] == "Courier Staff"


def test_exporter_with_fields_to_export_writes_those_columns():
    buffer = io.BytesIO()
    exporter = ParquetItemExporter(buffer, fields_to_export=["url", "title", "published"])
    exporter.start_exporting()
    for article in _articles():
        exporter.export_item(article)
    exporter.finish_exporting()
    table = pq.read_table(io.BytesIO(buffer.getvalue()))
    assert table.schema.names == ["url", "title", "published"]
    assert table.schema.field("published").type == ARTICLE_SCHEMA.field("published").type


def test_exporter_with_no_items_writes_an_empty_file_with_the_schema():
    buffer = io.BytesIO()
    exporter = ParquetItemExporter(buffer)
    exporter.start_exporting()
    exporter.finish_exporting()
    table = pq.read_table(io.BytesIO(buffer.getvalue()))
    assert table.num_rows == 0
    assert_article_schema(table.schema)


def test_exporter_refuses_to_append():
    buffer = io.BytesIO(b"PAR1 an existing file")
    buffer.seek(0, io.SEEK_END)
    with pytest.raises(ValueError, match="cannot be appended"):
        ParquetItemExporter(buffer).start_exporting()


# --- interrupted runs ---------------------------------------------------------
SLOW_PAGES = 20
# two requests at a time, 0.5 s each: ~5 s for the whole site. (CONCURRENT_REQUESTS, as Scrapy 2.19
# does not enforce CONCURRENT_REQUESTS_PER_DOMAIN: see test_spider_inputs.test_per_domain_concurrency_limit.)
SLOW_SETTINGS = (*FAST, "-s", "CONCURRENT_REQUESTS=2", "-s", "THRESHER_PARQUET_ROW_GROUP_SIZE=2")


@pytest.fixture(scope="module")
def slow_site():
    """20 articles, each answered after 0.5 s: a crawl of it takes several seconds."""
    with running_site(slow_routes(SLOW_PAGES), static=None, delay=0.5) as site:
        yield site


def _start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen(
        args, cwd=REPO, env=subprocess_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _wait_for_rows(folder: Path, proc: subprocess.Popen, timeout: float = 30) -> None:
    """Until the crawl has started writing rows: its hidden temporary feed file exists in `folder`."""
    deadline = time.monotonic() + timeout
    while not (folder.exists() and list(folder.glob(".*.parquet.*.part"))):
        assert proc.poll() is None, f"the crawl ended early: {proc.communicate()}"
        assert time.monotonic() < deadline, "the crawl wrote nothing in time"
        time.sleep(0.05)
    time.sleep(0.2)


def _slow_crawl_cli(site, out: Path) -> list[str]:
    urls = [site.url(path) for path in sorted(site.routes)]
    return [
        sys.executable,
        "-m",
        "crawler.cli",
        "crawl",
        *urls,
        "--out",
        str(out),
        "--format",
        "parquet",
        *SLOW_SETTINGS,
    ]


def _visible(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if not p.name.startswith(".")) if folder.exists() else []


def test_sigint_finishes_gracefully_with_a_complete_parquet(slow_site, tmp_path):
    since = len(slow_site.hits)
    proc = _start(_slow_crawl_cli(slow_site, tmp_path))
    _wait_for_rows(tmp_path / "articles", proc)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert len(slow_site.page_paths(since)) < SLOW_PAGES  # really stopped mid-run

    run = CrawlRun.collect(subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr), tmp_path)
    assert run.manifest["finish_reason"] == "shutdown"
    assert _visible(tmp_path / "articles") == [run.parquet]
    assert not list((tmp_path / "articles").glob(".*.part"))  # the temporary file became the dataset
    table = pq.read_table(run.parquet)
    assert_article_schema(table.schema)
    assert 1 <= table.num_rows < SLOW_PAGES
    assert table.num_rows == run.manifest["counts"]["exported"]
    assert len(pd.read_parquet(run.parquet)) == table.num_rows


def test_sigkill_never_leaves_a_partial_parquet(slow_site, tmp_path):
    since = len(slow_site.hits)
    proc = _start(_slow_crawl_cli(slow_site, tmp_path))
    _wait_for_rows(tmp_path / "articles", proc)
    proc.kill()
    proc.communicate(timeout=30)
    assert len(slow_site.page_paths(since)) < SLOW_PAGES  # killed mid-run ...
    assert _visible(tmp_path / "articles") == []  # ... while writing rows: no dataset file at all


def test_sigkill_keeps_the_previous_file_at_the_target(slow_site, five, tmp_path):
    target = tmp_path / "articles.parquet"
    shutil.copyfile(five.parquet, target)  # a complete earlier run's output
    before = target.read_bytes()
    since = len(slow_site.hits)
    proc = _start(
        [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            "articles",
            "-a",
            "urls=" + ",".join(slow_site.url(path) for path in sorted(slow_site.routes)),
            "-O",
            str(target),
            *SLOW_SETTINGS,
        ]
    )
    _wait_for_rows(tmp_path, proc)  # the new run is writing beside the target
    proc.kill()
    proc.communicate(timeout=30)
    assert len(slow_site.page_paths(since)) < SLOW_PAGES
    assert target.read_bytes() == before
    assert pq.read_table(target).num_rows == 5
