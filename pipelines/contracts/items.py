"""What the spider hands to the item pipelines: fetched pages, failed fetches, pages not modified."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PageItem:
    """A fetched HTML page, not yet extracted."""

    url: str
    body: bytes
    http_status: int
    content_type: str | None
    fetched_at: str
    requested_url: str
    source: str
    depth: int = 0
    #: Where the raw response is archived: WARC file (relative to the dataset) and its record's offset.
    warc_file: str | None = None
    warc_offset: int | None = None


@dataclass
class FetchFailure:
    """A requested URL that produced no HTML page; becomes one line of drops.jsonl."""

    url: str
    reason: str
    http_status: int | None = None
    detail: str = ""
    stage: str = "fetch"


@dataclass
class NotModified:
    """A page the server answered 304 to a conditional request: the dataset's version is current."""

    url: str
    requested_url: str
    http_status: int = 304
