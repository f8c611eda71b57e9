"""The `thresher` CLI as a user runs it: a subprocess, its exit status, stdout and stderr.

Exit status (crawler/cli.py): 0 the run completed; 1 it could not do its job; 2 bad
arguments, reported in one line without a traceback.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARTICLES, NEWS, REPO, crawl, modules_loaded_by, run_cli, subprocess_env

from pipelines.extraction.record import ARTICLE_SCHEMA

URL = "http://127.0.0.1:9/news/story.html"  # never fetched: every case fails before the crawl starts


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert "Traceback" not in stderr
    assert len(lines) == 1, f"expected one line on stderr, got:\n{stderr}"
    return lines[0]


USAGE_ERRORS = {
    "unknown-flag": (["crawl", "--bogus", URL], "unrecognized arguments: --bogus"),
    "max-pages-not-a-number": (["crawl", "--max-pages", "ten", URL], "--max-pages"),
    "unknown-page-type": (["crawl", "--page-types", "article,blog", URL], "unknown page type blog"),
    "unknown-page-type-setting": (["crawl", "-s", "THRESHER_PAGE_TYPES=article,blogs", URL], "unknown page type blogs"),
    "max-pages-negative": (["crawl", "--max-pages", "-3", URL], "--max-pages"),
    "max-depth-not-a-number": (["crawl", "--follow", "--max-depth", "1.5", URL], "--max-depth"),
    "invalid-allow-regex": (["crawl", "--follow", "--allow", "news/(", URL], "invalid allow regular expression"),
    "invalid-deny-regex": (["crawl", "--follow", "--deny", "*.pdf", URL], "invalid deny regular expression"),
    "missing-urls-file": (["crawl", "--urls-file", "{tmp}/no-such-file.txt"], "cannot read URL file"),
    "urls-file-is-a-directory": (["crawl", "--urls-file", "{tmp}"], "cannot read URL file"),
    "urls-file-not-text": (["crawl", "--urls-file", "{tmp}/binary.bin"], "cannot read URL file"),
    "setting-without-value": (["crawl", "-s", "DOWNLOAD_DELAY", URL], "-s expects NAME=VALUE"),
    "setting-lower-case": (["crawl", "-s", "download_delay=1", URL], "-s expects NAME=VALUE"),
    "setting-not-a-number": (["crawl", "-s", "DOWNLOAD_TIMEOUT=soon", URL], "DOWNLOAD_TIMEOUT expects a number"),
    "setting-not-an-integer": (["crawl", "-s", "CONCURRENT_REQUESTS=1.5", URL], "expects an integer"),
    "setting-not-a-boolean": (["crawl", "-s", "ROBOTSTXT_OBEY=maybe", URL], "expects a boolean"),
    "setting-not-json": (["crawl", "-s", "FEEDS={bad", URL], "FEEDS expects a JSON object"),
    "setting-bad-log-level": (["crawl", "-s", "LOG_LEVEL=LOUD", URL], "not a log level"),
    "thresher-setting-unknown": (
        ["crawl", "-s", "THRESHER_PARQUET_COMPRESION=zstd", URL],
        "unknown setting THRESHER_PARQUET_COMPRESION (did you mean THRESHER_PARQUET_COMPRESSION?)",
    ),
    "thresher-setting-bad-codec": (["crawl", "-s", "THRESHER_PARQUET_COMPRESSION=bogus", URL], "choose from zstd"),
    "thresher-setting-bad-formats": (["crawl", "-s", "THRESHER_FORMATS=parquet,xml", URL], "unknown format xml"),
    "thresher-setting-negative-queue": (["crawl", "-s", "THRESHER_EXTRACT_QUEUE=-1", URL], "must be >= 0"),
    "thresher-setting-zero-row-group": (["crawl", "-s", "THRESHER_PARQUET_ROW_GROUP_SIZE=0", URL], "must be >= 1"),
    "thresher-setting-not-redis": (["crawl", "-s", "THRESHER_REDIS_URL=http://127.0.0.1/", URL], "not a redis://"),
    "thresher-setting-not-a-boolean": (["crawl", "-s", "THRESHER_INCREMENTAL=perhaps", URL], "expects a boolean"),
    "misspelt-flag": (
        ["crawl", "--folow", URL],
        "unrecognized arguments: --folow (did you mean --follow?; see thresher crawl --help)",
    ),
    "push-setting-not-a-number": (
        ["push", "--redis", "redis://127.0.0.1:9/0", "-s", "THRESHER_REDIS_IDLE_TIMEOUT=x", URL],
        "expects a number",
    ),
    "job-dir-is-a-file": (["crawl", URL, "--job-dir", "{tmp}/regular-file"], "--job-dir"),
    "javascript-url": (["crawl", "javascript:alert(1)"], "not an http(s) URL"),
    "urls-file-with-a-data-url": (["crawl", "--urls-file", "{tmp}/bad-urls.txt"], "not an http(s) URL"),
    "ftp-url": (["crawl", "ftp://127.0.0.1/pub/story.html"], "not an http(s) URL"),
    "url-without-scheme": (["crawl", "127.0.0.1/news/story.html"], "not an http(s) URL"),
    "file-sitemap": (["crawl", "--sitemap", "file:///etc/passwd"], "not an http(s) URL"),
    "unwritable-out": (["crawl", URL, "--out", "{tmp}/regular-file/out"], "not a writable directory"),
    "unknown-format": (["crawl", URL, "--format", "parquet,xml"], "unknown format"),
    "no-command": ([], "COMMAND"),
    "unknown-command": (["scrape", URL], "invalid choice"),
    "bad-port": (["serve-demo", "--port", "70000"], "not a port number"),
    "extract-bad-format": (["extract", "page.html", "--format", "csv"], "--format"),
}


@pytest.mark.parametrize("args, message", list(USAGE_ERRORS.values()), ids=list(USAGE_ERRORS))
def test_usage_errors_exit_2_with_one_line(tmp_path, args, message):
    (tmp_path / "binary.bin").write_bytes(b"\xff\xfe\x00\x81 not text \x9d\x00")
    (tmp_path / "regular-file").write_text("I am a file, not a directory\n")
    (tmp_path / "bad-urls.txt").write_text("http://127.0.0.1:9/a.html\ndata:text/html,<h1>x</h1>\n")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    proc = (
        run_cli(*args, "--out", str(tmp_path / "out"))
        if args[:1] == ["crawl"] and "--out" not in args
        else run_cli(*args)
    )
    assert proc.returncode == 2, proc.stderr
    line = _one_line(proc.stderr)
    assert line.startswith("thresher crawl: error:" if args[:1] == ["crawl"] else "thresher")
    assert message in line
    assert proc.stdout == ""
    assert not (tmp_path / "out").exists()  # nothing was started


def test_the_cli_answers_without_loading_the_extraction_stack():
    """`thresher --help` and usage errors come at once: the parsers read the page types from
    `pipelines.extraction.cues` alone, and the models, LightGBM, pandas and Scrapy load
    only in the commands that use them (`pipelines.extraction` imports its names lazily)."""
    heavy = ("lightgbm", "pandas", "pyarrow", "scrapy", "trafilatura", "lxml")
    code = "import crawler.cli, pipelines.extraction\nassert pipelines.extraction.PAGE_TYPES[0] == 'article'"
    assert modules_loaded_by(code, heavy) == []
    from pipelines.extraction import PAGE_TYPES, extract  # the lazy names are the real ones

    assert extract("<html><body><p>One short line.</p></body></html>").page_type in PAGE_TYPES


def test_an_unknown_scrapy_setting_is_a_warning_with_the_closest_name(news_site, tmp_path):
    run = crawl(tmp_path, news_site.url(ARTICLES["grain"]), "-s", "DOWNLOAD_TIMOUT=5")
    assert run.proc.stderr.splitlines() == [
        "thresher crawl: warning: -s unknown setting DOWNLOAD_TIMOUT (did you mean DOWNLOAD_TIMEOUT?); "
        "it is passed on as given"
    ]
    assert run.manifest["counts"]["exported"] == 1


def test_the_add_on_checks_thresher_settings_of_a_plain_scrapy_crawl(tmp_path):
    """`scrapy crawl` (and scrapyd) get the same check: the crawl fails before it opens."""

    proc = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "articles", "-a", "urls=http://127.0.0.1:9/",
         "-s", f"THRESHER_OUT={tmp_path / 'out'}", "-s", "THRESHER_PARQUET_COMPRESSION=bogus"],
        cwd=REPO, env=subprocess_env(), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert proc.returncode != 0
    assert "THRESHER_PARQUET_COMPRESSION: unknown Parquet compression 'bogus'" in proc.stderr
    assert not (tmp_path / "out" / "runs").exists()


# --- extract ---------------------------------------------------------------------
RIVER = NEWS / "articles" / "river-park.html"


def test_extract_file_to_json():
    proc = run_cli("extract", str(RIVER), "--url", "https://courier.example/articles/river-park.html")
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert list(record) == ARTICLE_SCHEMA.names
    assert record["url"] == "https://courier.example/articles/river-park.html"
    assert record["domain"] == "courier.example"
    assert record["title"] == "Council approves riverside park on former rail yard"
    assert record["authors"] == ["Dana Whitfield"]
    assert record["is_article"] is True
    assert "After almost a decade of false starts" in record["body"]


def test_extract_file_without_url():
    proc = run_cli("extract", str(NEWS / "intl" / "zimniy-sad.html"))
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["title"] == "В городском парке открылся зимний сад"  # noqa: RUF001
    assert "оранжереи" in record["body"]  # stdout is UTF-8 JSON, not \\u escapes


def test_extract_text_format():
    proc = run_cli("extract", str(RIVER), "--format", "text")
    assert proc.returncode == 0, proc.stderr
    title, blank, *body = proc.stdout.splitlines()
    assert title == "Council approves riverside park on former rail yard"
    assert blank == ""
    text = "\n".join(body)
    assert "forty thousand cubic metres of water" in text
    assert "Next story" not in text  # boilerplate stays out of the body


def test_extract_http_url(news_site):
    url = news_site.url(ARTICLES["trains"])
    proc = run_cli("extract", url)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["url"] == url
    assert record["canonical_url"] == url
    assert record["title"] == "Night trains return to the northern line"
    assert record["http_status"] is None  # extract records no fetch
    assert ARTICLES["trains"] in news_site.paths()


def test_extract_http_url_obeys_robots_txt(news_site):
    since = len(news_site.hits)
    proc = run_cli("extract", news_site.url("/private/notes.html"))  # robots.txt: Disallow: /private/
    assert proc.returncode == 1
    assert "robots.txt" in _one_line(proc.stderr)
    assert news_site.paths(since) == ["/robots.txt"]  # the page itself is never requested


def test_extract_http_url_not_found(news_site):
    proc = run_cli("extract", news_site.url("/no-such-page.html"))
    assert proc.returncode == 1  # the page could not be had: not a usage error
    assert "404" in _one_line(proc.stderr)


def test_extract_of_an_unreachable_url_exits_1(tmp_path):
    """A network error is exit 1 (worth retrying), not 2 (bad arguments)."""
    with socket.socket() as probe:  # a port nobody listens on: connection refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = run_cli("extract", f"http://127.0.0.1:{port}/story.html")
    assert proc.returncode == 1
    line = _one_line(proc.stderr)
    assert line.startswith("thresher extract: error: cannot fetch")


def test_extract_missing_file(tmp_path):
    proc = run_cli("extract", str(tmp_path / "missing.html"))
    assert proc.returncode == 2
    assert "cannot read" in _one_line(proc.stderr)
    assert proc.stdout == ""


def test_extract_binary_file(tmp_path):
    image = tmp_path / "photo.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" * 20)
    proc = run_cli("extract", str(image))
    assert proc.returncode == 1
    assert "binary" in _one_line(proc.stderr)
    assert proc.stdout == ""


# --- crawl exit status -----------------------------------------------------------
def test_crawl_where_nothing_can_be_fetched_fails(tmp_path):
    with socket.socket() as probe:  # a port nobody listens on: connection refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    run = crawl(tmp_path, f"http://127.0.0.1:{port}/news/story.html", "-s", "RETRY_TIMES=0", check=False)
    assert run.proc.returncode == 1
    assert _one_line(run.proc.stderr).startswith("thresher crawl: error: nothing was fetched")
    assert run.manifest["counts"]["drop_reasons"] == {"fetch_error": 1}  # still accounted for


def test_crawl_of_an_unreadable_sitemap_fails(news_site, tmp_path):
    run = crawl(tmp_path, "--sitemap", news_site.url("/sitemaps/gone.xml"), check=False)
    assert run.proc.returncode == 1
    _one_line(run.proc.stderr)
    assert run.manifest["counts"]["input_errors"] == 1
    assert "inputs that could not be read: 1" in run.proc.stdout


def test_crawl_summary_names_the_outputs(news_site, tmp_path):
    run = crawl(tmp_path, news_site.url(ARTICLES["grain"]), "--format", "parquet,jsonl,json")
    assert run.proc.stderr == ""
    out = run.proc.stdout
    assert "requested 1, exported 1, dropped 0" in out
    for path in (
        run.parquet,
        run.run_dir / "articles.jsonl",
        run.run_dir / "articles.json",
        run.run_dir / "manifest.json",
    ):
        assert str(path) in out
        assert Path(path).exists()
    assert len(json.loads((run.run_dir / "articles.json").read_text())) == 1
