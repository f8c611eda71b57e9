"""WARC archives: every crawl keeps what it fetched, and a WARC can be extracted again.

Writing (`WarcWriterMiddleware`, a downloader middleware the add-on enables, priority 595):
every response to a page request (`pipelines.contracts.is_page_request`: not robots.txt,
sitemaps or feeds; not a `304 Not Modified`) is appended to `DIR/warc/<run_id>.warc.gz`
with warcio, gzip per record: a `warcinfo` record first (thresher's version, the run id),
then a `request` and a `response` record per page. At 595 it sits just above Scrapy's
HttpCompressionMiddleware (590), so it sees the response as the server sent it: status
and headers as Scrapy received them (Scrapy does not keep the raw header bytes: names
come title-cased, values as sent), the body after transfer decoding (chunked removed,
so `Transfer-Encoding` is not written) and before content decoding (a gzip body stays
gzip, with its `Content-Encoding`, which WARC readers decode). Redirects are resolved
below it (RedirectMiddleware, 600): the final response is archived under its URL.
Pages dropped later (not HTML, page type, duplicates, HTTP errors) are archived too: a
later extractor may change its mind about them.

The file is written like the Parquet part file (`pipelines.storage`): a hidden part file
beside the target, renamed into place when the spider closes; a killed run leaves only
the part file, which `thresher runs --prune` removes. A run that archived no page leaves
no WARC. The offset of each page's response record goes into `response.meta[WARC_META]`
and from there (spider -> PageItem -> extraction) into the record's `warc_file` and
`warc_offset`.

Reading (`warc_pages`): each `response` record of a WARC file becomes a `PageItem` (an
HTML 200 response) or a `FetchFailure` (anything else, with a reason): the input of
`thresher reextract` and `thresher extract-warc` (`crawler.reextract`).
"""

from __future__ import annotations

import logging
import os
import zlib
from collections.abc import Iterator
from datetime import datetime, timezone
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured

from pipelines.contracts import FetchFailure, PageItem, is_page_request
from pipelines.storage import OPEN_PARTS, temp_beside

logger = logging.getLogger(__name__)

#: response.meta key: {"warc_file": ..., "warc_offset": ...} of the page's response record.
WARC_META = "thresher_warc"
#: request.meta key: the archived response's WARC-Date (ISO 8601, UTC), the page's `fetched_at`.
FETCHED_AT_META = "thresher_fetched_at"
WARC_DIR = "warc"
#: Headers describing a transfer coding the archived body no longer has.
_TRANSFER_HEADERS = {b"transfer-encoding"}


def warc_path(out: Path, run_id: str) -> Path:
    return out / WARC_DIR / f"{run_id}.warc.gz"


def _headers(headers: Any) -> list[tuple[str, str]]:
    """Scrapy Headers -> (name, value) pairs, one per value, without transfer codings."""
    pairs = []
    for name, values in headers.items():
        if name.lower() in _TRANSFER_HEADERS:
            continue
        for value in values:
            pairs.append((name.decode("latin-1"), value.decode("latin-1")))
    return pairs


class WarcWriterMiddleware:
    """Downloader middleware: page responses into `DIR/warc/<run_id>.warc.gz` (see the module docstring)."""

    def __init__(self, crawler: Any, out: Path, run_id: str) -> None:
        self.crawler = crawler
        self.out = out
        self.run_id = run_id
        self.target = warc_path(out, run_id)
        self.relative = f"{WARC_DIR}/{self.target.name}"
        self._file: IO[bytes] | None = None
        self._temp: str | None = None
        self._writer: Any = None
        self.pages = 0

    @classmethod
    def from_crawler(cls, crawler: Any) -> WarcWriterMiddleware:
        settings = crawler.settings
        if not settings.getbool("THRESHER_WARC"):
            raise NotConfigured("THRESHER_WARC is off")
        out = settings.get("THRESHER_OUT")
        run_dir = settings.get("THRESHER_RUN_DIR")
        if not out and run_dir:  # the CLI sets THRESHER_RUN_DIR = DIR/runs/<run_id>
            out = str(Path(run_dir).parent.parent)
        if not out:
            raise NotConfigured("no dataset directory (THRESHER_OUT or THRESHER_RUN_DIR)")
        middleware = cls(crawler, Path(out), settings.get("THRESHER_RUN_ID"))
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def _open(self) -> None:
        from warcio.warcwriter import WARCWriter

        from crawler import __version__

        fd, self._temp = temp_beside(self.target)
        OPEN_PARTS.add(self._temp)
        self._file = os.fdopen(fd, "w+b")
        self._writer = WARCWriter(self._file, gzip=True, warc_version="1.1")
        info = self._writer.create_warcinfo_record(
            self.target.name,
            {
                "software": f"thresher/{__version__} (warcio)",
                "format": "WARC File Format 1.1",
                "thresher-run-id": self.run_id,
                "isPartOf": str(self.run_id),
            },
        )
        self._writer.write_record(info)

    def process_response(self, request: Any, response: Any, spider: Any = None) -> Any:
        if not is_page_request(request) or response.status == 304:
            return response
        try:
            offset = self._archive(request, response)
        except Exception as exc:  # noqa: BLE001 - the archive must never lose the page itself
            logger.error("Cannot archive %s in %s: %s", response.url, self.target, exc)
            self.crawler.stats.inc_value("thresher/warc/errors")
            return response
        request.meta[WARC_META] = {"warc_file": self.relative, "warc_offset": offset}  # response.meta, later
        return response

    def _archive(self, request: Any, response: Any) -> int:
        from warcio.statusandheaders import StatusAndHeaders

        if self._writer is None:
            self._open()
        writer = self._writer
        assert self._file is not None
        fetched = datetime.now(timezone.utc)
        now = fetched.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        request.meta[FETCHED_AT_META] = fetched.isoformat()  # the record's fetched_at: re-extraction keeps it
        protocol = getattr(response, "protocol", None) or "HTTP/1.1"
        try:
            phrase = HTTPStatus(response.status).phrase
        except ValueError:
            phrase = ""
        http_headers = StatusAndHeaders(
            f"{response.status} {phrase}".strip(), _headers(response.headers), protocol=protocol
        )
        offset = self._file.tell()
        record = writer.create_warc_record(
            response.url,
            "response",
            payload=BytesIO(response.body),
            length=len(response.body),
            http_headers=http_headers,
            warc_headers_dict={"WARC-Date": now},
        )
        parts = urlsplit(request.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        request_headers = StatusAndHeaders(
            f"{request.method} {target} HTTP/1.1",
            [("Host", parts.netloc), *_headers(request.headers)],
            is_http_request=True,
        )
        request_record = writer.create_warc_record(
            response.url,
            "request",
            payload=BytesIO(request.body or b""),
            length=len(request.body or b""),
            http_headers=request_headers,
            warc_headers_dict={"WARC-Date": now},
        )
        request_record.rec_headers.add_header("WARC-Concurrent-To", record.rec_headers.get_header("WARC-Record-ID"))
        writer.write_record(record)
        writer.write_record(request_record)
        self.pages += 1
        self.crawler.stats.inc_value("thresher/warc/pages")
        return offset

    def spider_closed(self, spider: Any = None, reason: str = "") -> None:
        """Store the archive (rename the part file into place); a run that archived nothing leaves no file."""
        if self._file is None or self._temp is None:
            return
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            os.replace(self._temp, self.target)
            OPEN_PARTS.discard(self._temp)
            self.crawler.stats.set_value("thresher/warc/file", str(self.target))
            logger.info("Stored WARC archive (%d pages) in: %s", self.pages, self.target)
        except OSError as exc:
            logger.error("Cannot store the WARC archive %s: %s", self.target, exc)
            self.crawler.stats.inc_value("thresher/warc/errors")
        finally:
            self._file = self._temp = self._writer = None


# --- reading ------------------------------------------------------------------------
#: How far ahead of a malformed record the reader looks for the next one (bytes per read).
_RESYNC_CHUNK = 1 << 20
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_START = b"WARC/1."


def warc_pages(
    path: Path, html_types: tuple[str, ...], relative: str | None = None
) -> Iterator[PageItem | FetchFailure]:
    """Each `response` record of a WARC (gzip or plain) as a PageItem, or a FetchFailure saying why not.

    Only HTML 200 responses are pages: `revisit` records are dropped as `revisit`, other
    statuses as `http_error`, other content types as `not_html`. A record that cannot be
    read is a `warc_error` drop, never an exception, and reading goes on at the next record
    (the next gzip member that starts a record, or the next `WARC/1.x` line of a plain
    file); a file cut short ends there. `relative` names the file in `warc_file`.
    """
    name = relative or str(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield FetchFailure(url=str(path), reason="warc_error", stage="warc", detail=str(exc)[:500])
        return
    with stream:
        gzipped = stream.read(3) == _GZIP_MAGIC
        offset: int | None = 0
        while offset is not None:
            failed_at = yield from _pages_from(stream, offset, path, name, html_types)
            offset = None if failed_at is None else _next_record_start(stream, failed_at, gzipped)


def _pages_from(
    stream: IO[bytes], offset: int, path: Path, name: str, html_types: tuple[str, ...]
) -> Iterator[PageItem | FetchFailure]:
    """The items of the records from `offset` on; returns the offset of a record that could not be read, if any."""
    from warcio.archiveiterator import ArchiveIterator

    stream.seek(offset)
    records = ArchiveIterator(stream, arc2warc=True)
    while True:
        try:
            record = next(records)
        except StopIteration:
            return None
        except Exception as exc:  # noqa: BLE001 - a broken record is a drop, not a crash
            yield FetchFailure(
                url=f"{path}@{records.offset}",
                reason="warc_error",
                stage="warc",
                detail=f"unreadable record: {type(exc).__name__}: {exc}"[:500],
            )
            return records.offset
        try:
            item = _page_of(record, records, name, html_types)
        except Exception as exc:  # noqa: BLE001
            url = record.rec_headers.get_header("WARC-Target-URI") or f"{path}@{records.offset}"
            item = FetchFailure(url=url, reason="warc_error", stage="warc", detail=f"{type(exc).__name__}: {exc}"[:500])
        if item is not None:
            yield item


def _next_record_start(stream: IO[bytes], after: int, gzipped: bool) -> int | None:
    """The offset of the first record that starts after `after`, or None when the file has none."""
    marker = _GZIP_MAGIC if gzipped else b"\n" + _WARC_START
    position = after + 1
    stream.seek(position)
    carry = b""
    while chunk := stream.read(_RESYNC_CHUNK):
        window = carry + chunk
        base = position - len(carry)
        found = window.find(marker)
        while found != -1:
            start = base + found + (0 if gzipped else 1)
            if not gzipped or _starts_record(stream, start):
                return start
            found = window.find(marker, found + 1)
        carry = window[-(len(marker) - 1) :]
        position += len(chunk)
        stream.seek(position)
    return None


def _starts_record(stream: IO[bytes], offset: int) -> bool:
    """Whether the gzip member at `offset` opens a WARC record (gzip's magic bytes also occur inside members)."""
    stream.seek(offset)
    try:
        head = zlib.decompressobj(wbits=31).decompress(stream.read(4096), len(_WARC_START))
    except zlib.error:
        return False
    return head == _WARC_START


def _fetched_at(record: Any) -> str:
    date = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return datetime.fromisoformat(date.replace("Z", "+00:00")).astimezone(timezone.utc).isoformat()
    except ValueError:
        return datetime.now(timezone.utc).isoformat()


def _page_of(record: Any, records: Any, name: str, html_types: tuple[str, ...]) -> PageItem | FetchFailure | None:
    """The item of one record; `records.get_record_offset()` reads the record to its end, so the body comes first."""
    kind = record.rec_type
    if kind not in ("response", "revisit"):
        return None  # warcinfo, request, metadata, resource: not fetched pages
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    if kind == "revisit":
        return FetchFailure(url=url, reason="revisit", stage="warc", detail="WARC revisit record (no body)")
    http = record.http_headers
    if http is None:
        return FetchFailure(url=url, reason="warc_error", stage="warc", detail="response record without HTTP headers")
    status = int(http.get_statuscode() or 0)
    content_type = http.get_header("Content-Type")
    body = record.content_stream().read()  # chunked and Content-Encoding decoded
    missing = getattr(record.raw_stream, "limit", 0)  # bytes the record declared and the file no longer has
    offset = records.get_record_offset()
    if missing:
        return FetchFailure(
            url=url, reason="warc_error", stage="warc", detail=f"truncated record ({missing} bytes missing)"
        )
    if status != 200:
        return FetchFailure(url=url, reason="http_error", http_status=status, detail=f"HTTP {status}")
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime and mime not in html_types:
        return FetchFailure(url=url, reason="not_html", http_status=status, detail=mime)
    return PageItem(
        url=url,
        body=body,
        http_status=status,
        content_type=content_type,
        fetched_at=_fetched_at(record),
        requested_url=url,
        source="warc",
        warc_file=name,
        warc_offset=offset,
    )
