"""WARC archives: a crawl keeps what it fetched, `reextract` extracts it again, `extract-warc` reads any WARC.

The demo site is served on 127.0.0.1 (port 0) in this process, so the tests can fetch the
pages themselves and compare them with what the archive holds.
"""

from __future__ import annotations

import json
import shutil
from io import BytesIO
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

import pandas as pd
import pytest
from conftest import crawl, run_cli
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.demo import DemoServer
from pipelines.dataset import load_articles


@pytest.fixture(scope="module")
def demo():
    server = DemoServer().start_in_thread()
    yield server
    server.shutdown()


@pytest.fixture(scope="module")
def crawled(demo, tmp_path_factory):
    out = tmp_path_factory.mktemp("warc-crawl")
    run = crawl(out, demo.base_url + "/", "--follow")
    return run


def _records(path: Path) -> list[dict]:
    found = []
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        for record in records:
            found.append(
                {
                    "type": record.rec_type,
                    "uri": record.rec_headers.get_header("WARC-Target-URI"),
                    "id": record.rec_headers.get_header("WARC-Record-ID"),
                    "concurrent": record.rec_headers.get_header("WARC-Concurrent-To"),
                    "status": record.http_headers.get_statuscode() if record.http_headers else None,
                    "request_line": record.http_headers.protocol if record.http_headers else None,
                    "headers": dict(record.http_headers.headers) if record.http_headers else {},
                    "body": record.content_stream().read(),
                    "fields": record.content_stream().read() if record.rec_type == "warcinfo" else None,
                }
            )
    return found


def _served(url: str) -> tuple[int, bytes]:
    try:
        with urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except HTTPError as exc:
        return exc.code, exc.read()


def test_crawl_keeps_every_fetched_page_in_its_warc(crawled):
    run_id = crawled.run_dir.name
    warc = crawled.out / "warc" / f"{run_id}.warc.gz"
    assert warc.is_file(), crawled.log
    assert not list((crawled.out / "warc").glob(".*")), "a part file was left"
    records = _records(warc)
    assert records[0]["type"] == "warcinfo"
    with warc.open("rb") as stream:
        info = next(iter(ArchiveIterator(stream))).content_stream().read().decode()
    assert f"thresher-run-id: {run_id}" in info and "software: thresher/" in info

    responses = [r for r in records if r["type"] == "response"]
    requests = [r for r in records if r["type"] == "request"]
    assert len(responses) == len(requests) == (len(records) - 1) // 2
    # request records point at their response; request lines are GETs
    assert {r["concurrent"] for r in requests} == {r["id"] for r in responses}
    # every fetched page, exported or dropped (page_type, http_error), is archived once; robots.txt drops are not fetched
    fetched = set(crawled.exported_urls()) | {d["url"] for d in crawled.drops if d["reason"] != "robots_txt"}
    assert sorted(r["uri"] for r in responses) == sorted(fetched)
    counts = crawled.manifest["counts"]
    assert len(responses) == counts["requested"] - counts["drop_reasons"].get("robots_txt", 0)
    assert counts["drop_reasons"].get("page_type") and counts["drop_reasons"].get("http_error")
    for response in responses:  # status and body as served
        status, body = _served(response["uri"])
        assert (int(response["status"]), response["body"]) == (status, body), response["uri"]
        assert response["headers"].get("Content-Type", "").startswith("text/html")

    # each record says where its bytes are
    frame = crawled.frame()
    assert set(frame["warc_file"]) == {f"warc/{run_id}.warc.gz"}
    with warc.open("rb") as stream:
        for url, offset in zip(frame["url"], frame["warc_offset"], strict=True):
            stream.seek(int(offset))
            record = next(iter(ArchiveIterator(stream)))
            assert (record.rec_type, record.rec_headers.get_header("WARC-Target-URI")) == ("response", url)


def test_reextract_writes_a_new_run_with_the_same_records(crawled, tmp_path):
    out = tmp_path / "dataset"
    shutil.copytree(crawled.out, out)
    proc = run_cli("reextract", str(out), "-s", "THRESHER_EXTRACT_WORKERS=0", timeout=120)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    runs = sorted(path.name for path in (out / "runs").iterdir())
    assert len(runs) == 2 and runs[0] == crawled.run_dir.name
    new = runs[1]
    manifest = json.loads((out / "runs" / new / "manifest.json").read_text())
    assert " ERROR: " not in (out / "runs" / new / "crawl.log").read_text()
    counts = manifest["counts"]
    assert manifest["source"]["runs"] == [crawled.run_dir.name]
    assert counts["balanced"] and counts["responses"] == 0  # nothing was fetched
    archived = crawled.manifest["counts"]["requested"] - crawled.manifest["counts"]["drop_reasons"].get("robots_txt", 0)
    assert counts["requested"] == archived == counts["exported"] + counts["dropped"]
    assert counts["exported"] == crawled.manifest["counts"]["exported"]
    expected_drops = {k: v for k, v in crawled.manifest["counts"]["drop_reasons"].items() if k != "robots_txt"}
    assert counts["drop_reasons"] == expected_drops

    columns = ["url", "body", "title", "page_type", "blocks", "content_hash", "fetched_at", "warc_file", "warc_offset"]
    before = crawled.frame().sort_values("url").reset_index(drop=True)
    after = pd.read_parquet(out / "articles" / f"{new}.parquet").sort_values("url").reset_index(drop=True)
    assert set(after["run_id"]) == {new}
    for column in columns:
        assert before[column].astype(str).tolist() == after[column].astype(str).tolist(), column
    latest = load_articles(out, latest=True)
    assert set(latest["run_id"]) == {new} and len(latest) == len(before)


def test_reextract_out_writes_a_separate_dataset(crawled, tmp_path):
    before = sorted((crawled.out / "runs").iterdir())
    other = tmp_path / "other"
    proc = run_cli("reextract", str(crawled.out), "--out", str(other), "-s", "THRESHER_EXTRACT_WORKERS=0")
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert sorted((crawled.out / "runs").iterdir()) == before  # the source dataset is left as it was
    frame = load_articles(other)
    assert sorted(frame["url"]) == sorted(crawled.exported_urls())
    (warc,) = (crawled.out / "warc").glob("*.warc.gz")
    assert set(frame["warc_file"]) == {str(warc.resolve())}  # outside the new dataset: an absolute path


def test_no_warc_crawl_has_nothing_to_reextract(demo, tmp_path):
    out = tmp_path / "plain"
    run = crawl(out, demo.base_url + "/", "--max-pages", "3", "--no-warc")
    assert not (out / "warc").exists()
    assert run.frame()["warc_file"].isna().all()
    proc = run_cli("reextract", str(out))
    assert proc.returncode == 1
    assert "nothing to re-extract" in proc.stderr and "--no-warc" in proc.stderr


def _warc_from(pages: list[tuple[str, int, bytes]], gzip: bool, extras: bool = True) -> bytes:
    """A WARC written by warcio itself, laid out as Common Crawl's are.

    A `warcinfo` record, then per page a `request`, its `response` (with
    WARC-Identified-Payload-Type) and a `metadata` record. With `extras`: one record without
    a target URI half-way (malformed: warcio cannot parse it), a revisit, an image, and a
    torn record at the end.
    """
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=gzip, warc_version="WARC/1.0")
    writer.write_record(writer.create_warcinfo_record("CC-MAIN-test.warc.gz", {"software": "test", "format": "WARC"}))
    for index, (url, status, body) in enumerate(pages):
        if extras and index == len(pages) // 2:
            writer.write_record(writer.create_warc_record("", "response", payload=BytesIO(b"HTTP/1.1 200 OK\r\n\r\nx")))
        request = StatusAndHeaders(f"GET {url} HTTP/1.1", [("User-Agent", "CCBot/2.0")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        headers = StatusAndHeaders(
            f"{status} {'OK' if status == 200 else 'Not Found'}",
            [("Content-Type", "text/html; charset=utf-8"), ("X-Crawler-Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        identified = {"WARC-Identified-Payload-Type": "text/html"}
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=headers, warc_headers_dict=identified
            )
        )
        fetch = BytesIO(b"fetchTimeMs: 12\r\n")
        writer.write_record(
            writer.create_warc_record(url, "metadata", payload=fetch, warc_content_type="application/warc-fields")
        )
    if not extras:
        return buffer.getvalue()
    url = pages[0][0]
    writer.write_record(
        writer.create_revisit_record(url, digest="sha1:AAAA", refers_to_uri=url, refers_to_date="2024-01-01T00:00:00Z")
    )
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(url + "x.png", "response", payload=BytesIO(b"\x89PNG"), length=4, http_headers=image)
    )
    return buffer.getvalue() + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200"


def _arc_from(pages: list[tuple[str, int, bytes]], gzip: bool) -> bytes:
    """An ARC (version 1) file, as the Internet Archive's older crawls are: a `filedesc` header, then one record a page."""
    import gzip as gzip_module

    fields = b"1 0 thresher-test\nURL IP-address Archive-date Content-type Archive-length\n"
    records = [b"filedesc://test.arc 0.0.0.0 20240101000000 text/plain %d\n%s\n" % (len(fields), fields)]
    for url, status, body in pages:
        http = b"HTTP/1.1 %d X\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s" % (status, len(body), body)
        records.append(b"%s 127.0.0.1 20240101000000 text/html %d\n%s\n" % (url.encode(), len(http), http))
    return b"".join(gzip_module.compress(record) if gzip else record for record in records)


@pytest.mark.parametrize("gzip", [True, False])
def test_extract_warc_reads_a_foreign_warc_like_a_crawl(crawled, tmp_path, gzip):
    before = crawled.frame().sort_values("url").reset_index(drop=True)
    pages = [(url, *_served(url)) for url in before["url"]]
    missing = crawled.exported_urls()[0].rstrip("/") + "-gone/"
    pages.append((missing, *_served(missing)))
    source = tmp_path / ("cc.warc.gz" if gzip else "cc.warc")
    source.write_bytes(_warc_from(pages, gzip))
    out = tmp_path / "fromwarc"
    proc = run_cli("extract-warc", str(tmp_path / "cc.warc*"), "--out", str(out), "-s", "THRESHER_EXTRACT_WORKERS=0")
    assert proc.returncode == 0, proc.stderr + proc.stdout
    (run_dir,) = (out / "runs").iterdir()
    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert "Error caught on signal handler" not in (run_dir / "crawl.log").read_text()
    counts = manifest["counts"]
    assert counts["balanced"] and counts["exported"] == len(before)
    reasons = counts["drop_reasons"]
    assert reasons["http_error"] == 1 and reasons["revisit"] == 1 and reasons["not_html"] == 1
    # the record without a URI half-way and the torn one at the end: drops, never a crash,
    # and the pages after the malformed one are read (exported == every page)
    assert reasons["warc_error"] == 2
    after = load_articles(out).sort_values("url").reset_index(drop=True)
    for column in ("url", "body", "title", "page_type", "content_hash"):
        assert before[column].tolist() == after[column].tolist(), column
    assert set(after["warc_file"]) == {str(source.resolve())}


@pytest.mark.parametrize("gzip", [True, False])
def test_extract_warc_reads_an_arc_file_like_a_crawl(crawled, tmp_path, gzip):
    before = crawled.frame().sort_values("url").reset_index(drop=True)
    pages = [(url, *_served(url)) for url in before["url"]]
    source = tmp_path / ("old.arc.gz" if gzip else "old.arc")
    source.write_bytes(_arc_from(pages, gzip))
    out = tmp_path / "fromarc"
    proc = run_cli("extract-warc", str(source), "--out", str(out), "-s", "THRESHER_EXTRACT_WORKERS=0")
    assert proc.returncode == 0, proc.stderr + proc.stdout
    (manifest,) = (out / "runs").glob("*/manifest.json")
    counts = json.loads(manifest.read_text())["counts"]
    assert counts["balanced"] and counts["exported"] == len(before) and counts["dropped"] == 0
    after = load_articles(out).sort_values("url").reset_index(drop=True)
    for column in ("url", "body", "title", "page_type", "content_hash"):
        assert before[column].tolist() == after[column].tolist(), column
    assert set(after["fetched_at"].astype(str)) == {"2024-01-01 00:00:00+00:00"}  # the ARC's archive date


def test_malformed_warcs_are_drops_never_crashes(crawled, tmp_path):
    from crawler.warc import warc_pages

    archive = next((crawled.out / "warc").glob("*.warc.gz")).read_bytes()
    cases = {
        "empty": b"",
        "text": b"hello world\n" * 10,
        "truncated": archive[: len(archive) // 2],
        "bad-status": b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: 20\r\n\r\nHTTP/1.1 abc OK\r\n\r\nhi\r\n\r\n",
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        items = list(warc_pages(path, ("text/html",)))
        failures = [item for item in items if type(item).__name__ == "FetchFailure"]
        if name == "empty":
            assert items == []
        else:
            assert failures and failures[-1].reason == "warc_error", name
    pages = list(warc_pages(tmp_path / "truncated", ("text/html",)))
    assert all(len(page.body) for page in pages if type(page).__name__ == "PageItem")


def test_a_killed_crawl_leaves_no_half_warc_and_its_resume_archives_the_pages_again(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from conftest import FAST, REPO, running_site, slow_routes, subprocess_env

    from crawler.warc import warc_pages

    routes = slow_routes(12)
    out = tmp_path / "killed"
    with running_site(routes, static=None, delay=0.4) as site:
        args = ["crawl", *(site.url(path) for path in routes), "--resume", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]
        proc = subprocess.Popen(
            [sys.executable, "-m", "crawler.cli", *args, "--out", str(out), *FAST],
            cwd=REPO,
            env=subprocess_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while not list((out / "warc").glob(".*.part")) if (out / "warc").is_dir() else True:
            assert proc.poll() is None and time.monotonic() < deadline, "no WARC part file appeared"
            time.sleep(0.05)
        time.sleep(0.5)  # a page or two archived
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert not list((out / "warc").glob("*.warc.gz")), "a killed run's WARC must not appear"
        assert len(list((out / "warc").glob(".*.part"))) == 1
        resumed = crawl(out, *args[1:], "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4")
    assert not list((out / "warc").glob(".*")), "the killed run's part file is removed on resume"
    (warc,) = (out / "warc").glob("*.warc.gz")
    assert warc.name == f"{resumed.run_dir.name}.warc.gz"
    archived = [item.url for item in warc_pages(warc, ("text/html",))]
    assert sorted(archived) == sorted(site.url(path) for path in routes)

    (out / "warc" / ".left.warc.gz.x.part").write_bytes(b"")  # what a killed run without --resume leaves
    pruned = run_cli("runs", str(out), "--prune")
    assert pruned.returncode == 0, pruned.stderr
    assert [path.name for path in (out / "warc").iterdir()] == [warc.name]


def test_datatrove_step_runs_on_the_local_executor_over_several_warcs(crawled, tmp_path):
    pytest.importorskip("datatrove")
    import gzip as gz

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    from pipelines.datatrove_step import ThresherExtractor

    before = crawled.frame()
    urls = list(before["url"]) + [d["url"] for d in crawled.drops if d["reason"] == "page_type"]
    pages = [(url, *_served(url)) for url in urls]
    source = tmp_path / "warcs"
    source.mkdir()
    for shard in range(3):
        (source / f"part-{shard}.warc.gz").write_bytes(_warc_from(pages[shard::3], gzip=True, extras=False))
    out = tmp_path / "docs"
    LocalPipelineExecutor(
        pipeline=[
            WarcReader(str(source), glob_pattern="*.warc.gz"),
            ThresherExtractor(),
            JsonlWriter(str(out)),
        ],
        tasks=3,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    documents = []
    for path in sorted(out.glob("*.jsonl.gz")):
        documents += [json.loads(line) for line in gz.decompress(path.read_bytes()).decode().splitlines()]
    assert len(list(out.glob("*.jsonl.gz"))) == 3
    by_url = {doc["metadata"]["url"]: doc for doc in documents}
    assert sorted(by_url) == sorted(before["url"])  # articles kept, other page types dropped
    for url, body, title in zip(before["url"], before["body"], before["title"], strict=True):
        assert by_url[url]["text"] == body
        assert by_url[url]["metadata"]["title"] == title
        assert by_url[url]["metadata"]["page_type"] == "article"
