"""Incremental re-crawls, fetch side: the dataset's page state and conditional requests.

What the dataset already holds is recorded next to it in SQLite (`DIR/state.sqlite`, table
`pages`, one row per URL key: validators, content hash, the run that exported the stored
version and the last run that saw it), so it survives between runs and `sqlite3` can read
it. `ConditionalRequestMiddleware` sends the stored validators as `If-None-Match` /
`If-Modified-Since`: a server that supports them answers `304 Not Modified` without a body,
and the spider turns that into a `NotModified` item. A 304 has no links, so the state also
keeps the in-site links of each page (when following links) for the spider to follow
instead: a page reachable only through an unchanged one is still found. `pipelines.incremental` decides what is
unchanged (304s, and equal content hashes where servers give no validators) and records
what was exported.

Unlike Scrapy's HttpCacheMiddleware (RFC2616 policy), nothing is served from a cache: a 304
means "the version in the dataset is current", so there is nothing to extract or export.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple
from weakref import WeakKeyDictionary

from scrapy import Request
from scrapy.exceptions import NotConfigured
from w3lib.url import canonicalize_url

from pipelines.contracts import is_page_request

#: Request.meta key: the URL key whose stored validators this request carries.
CONDITIONAL_META = "thresher_conditional"
CONDITIONAL_HEADERS = (b"If-None-Match", b"If-Modified-Since")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url_key       TEXT PRIMARY KEY,  -- the spider's url_key(): canonical URL, no fragment or tracking parameters
    url           TEXT NOT NULL,     -- URL of the stored version
    etag          TEXT,              -- validators the server sent with it (NULL: none)
    last_modified TEXT,
    content_hash  TEXT,              -- content_hash of the stored version
    run_id        TEXT,              -- run that exported the stored version
    fetched_at    TEXT,              -- when the stored version was fetched
    last_run_id   TEXT,              -- last run that exported the page or found it unchanged
    last_seen_at  TEXT,
    links         TEXT               -- JSON list of the in-site links followed from it (NULL: not following)
)
"""


class PageState(NamedTuple):
    """One row of the `pages` table."""

    url_key: str
    url: str
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    run_id: str | None
    fetched_at: str | None
    last_run_id: str | None
    last_seen_at: str | None
    links: str | None = None


class StateStore:
    """The `pages` table of one dataset. Reads go straight to SQLite; writes are batched.

    Writes are staged in memory and saved in one short transaction by `save()`, which the
    pipeline calls only once the run's outputs are stored: a run that dies leaves the state
    as it was, and workers sharing a dataset never hold the write lock for a whole run.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=60)
        with self._db:
            self._db.execute(_SCHEMA)
        self.pending: dict[str, PageState] = {}
        self._links_seen: dict[str, list[str]] = {}

    def get(self, url_key: str) -> PageState | None:
        """The stored row of a URL key (staged writes of this run are not visible here)."""
        row = self._db.execute(f"SELECT {', '.join(PageState._fields)} FROM pages WHERE url_key = ?", (url_key,))
        found = row.fetchone()
        return PageState(*found) if found else None

    def note_links(self, url_key: str, urls: list[str]) -> None:
        """The spider found these links on a page; kept until the page is exported or dropped."""
        self._links_seen[url_key] = urls

    def take_links(self, url_key: str) -> str | None:
        """The links noted for a page this run, as stored (JSON), forgotten afterwards."""
        urls = self._links_seen.pop(url_key, None)
        return json.dumps(urls) if urls is not None else None

    def stored_links(self, url_key: str) -> list[str]:
        """The links stored for a page by earlier runs."""
        stored = self.get(url_key)
        return json.loads(stored.links) if stored is not None and stored.links else []

    def stage(self, state: PageState) -> None:
        self.pending[state.url_key] = state

    def save(self, states: Iterable[PageState] | None = None) -> int:
        """Write `states` (default: the staged rows) in one transaction; returns how many."""
        rows = list(self.pending.values() if states is None else states)
        columns = ", ".join(PageState._fields)
        updates = ", ".join(f"{name} = excluded.{name}" for name in PageState._fields[1:])
        with self._db:
            self._db.executemany(
                f"INSERT INTO pages ({columns}) VALUES ({', '.join('?' * len(PageState._fields))}) "
                f"ON CONFLICT(url_key) DO UPDATE SET {updates}",
                rows,
            )
        if states is None:
            self.pending.clear()
        return len(rows)

    def close(self) -> None:
        self._db.close()


_STORES: WeakKeyDictionary[Any, StateStore] = WeakKeyDictionary()


def state_for(crawler: Any) -> StateStore | None:
    """The crawl's StateStore (one per crawler, shared by middleware and pipeline), or None.

    `THRESHER_STATE_PATH` names the SQLite file; the CLI sets it to `DIR/state.sqlite`.
    Without it (e.g. plain `scrapy crawl`) there is no state and no incremental crawl.
    """
    path = crawler.settings.get("THRESHER_STATE_PATH")
    if not path:
        return None
    if crawler not in _STORES:
        _STORES[crawler] = StateStore(path)
    return _STORES[crawler]


def page_key(crawler: Any, url: str) -> str:
    """The URL key the spider dedupes pages by (canonical URL for other spiders)."""
    url_key = getattr(crawler.spider, "url_key", None)
    return url_key(url) if url_key is not None else canonicalize_url(url)


class ConditionalRequestMiddleware:
    """Downloader middleware: page requests ask "changed since the stored version?".

    Adds `If-None-Match` (stored ETag) and `If-Modified-Since` (stored Last-Modified) to
    each page request whose URL key has a stored version, and lets a 304 answer through
    to the spider (`handle_httpstatus_list`). Every hop of a redirect is looked up by its
    own URL, since the state is keyed by the URL the page was finally fetched from.
    Enabled with `THRESHER_INCREMENTAL` (default True) when `THRESHER_STATE_PATH` is set.
    """

    def __init__(self, crawler: Any, store: StateStore) -> None:
        self.crawler = crawler
        self.store = store

    @classmethod
    def from_crawler(cls, crawler: Any) -> ConditionalRequestMiddleware:
        if not crawler.settings.getbool("THRESHER_INCREMENTAL", True):
            raise NotConfigured("THRESHER_INCREMENTAL is off")
        store = state_for(crawler)
        if store is None:
            raise NotConfigured("no THRESHER_STATE_PATH")
        return cls(crawler, store)

    def process_request(self, request: Request) -> None:
        if not is_page_request(request):
            return
        if request.meta.pop(CONDITIONAL_META, None) is not None:  # a redirect copied the previous hop's
            for name in CONDITIONAL_HEADERS:
                request.headers.pop(name, None)
            allowed = request.meta.get("handle_httpstatus_list", [])
            request.meta["handle_httpstatus_list"] = [status for status in allowed if status != 304]
        key = page_key(self.crawler, request.url)
        stored = self.store.get(key)
        if stored is None or not (stored.etag or stored.last_modified):
            return
        if stored.etag:
            request.headers[b"If-None-Match"] = stored.etag
        if stored.last_modified:
            request.headers[b"If-Modified-Since"] = stored.last_modified
        request.meta[CONDITIONAL_META] = key
        allowed = request.meta.get("handle_httpstatus_list", [])
        if 304 not in allowed:
            request.meta["handle_httpstatus_list"] = [*allowed, 304]
