"""Incremental re-crawls, in one place: the dataset's page state, conditional requests, unchanged pages.

What the dataset already holds is recorded next to it in SQLite (`DIR/state.sqlite`, table
`pages`, one row per URL key: validators, content hash, the run that exported the stored
version and the last run that saw it), so it survives between runs and `sqlite3` can read
it. Three parts use it:

- `StateStore`, the `pages` table, owned by the `IncrementalPipeline` of the crawl; the
  middleware and the spider reach it through `crawler.get_item_pipeline(IncrementalPipeline)`.
- `ConditionalRequestMiddleware` sends the stored validators as `If-None-Match` /
  `If-Modified-Since`: a server that supports them answers `304 Not Modified` without a
  body, and the spider turns that into a `NotModified` item. A 304 has no links, so the
  state also keeps the in-site links of each page (when following links) for the spider to
  follow instead: a page reachable only through an unchanged one is still found.
- `IncrementalPipeline` decides what is unchanged: a 304 (`not_modified`) or, where the
  server gives no validators or ignores them, a `content_hash` equal to the stored
  version's (`same_content`). A changed page passes and is exported again as a new version
  (same URL, new content hash, fetched_at and run_id). Unchanged is an outcome of its own,
  not a drop (`pipelines.contracts.outcomes.Unchanged`): `RunAccounting` counts it apart
  (requested = exported + dropped + unchanged) and lists it in `unchanged.jsonl`.

The state records what was exported, and what was confirmed unchanged, only once the
run's feeds are stored without error: a crashed or killed run leaves it as it was, so its
pages are exported again next time rather than lost.

Unlike Scrapy's HttpCacheMiddleware (RFC2616 policy), nothing is served from a cache: a 304
means "the version in the dataset is current", so there is nothing to extract or export.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple

from scrapy import Request, signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from w3lib.url import canonicalize_url

from pipelines.contracts import NotModified, is_page_request
from pipelines.contracts.outcomes import Unchanged
from pipelines.extraction import Article
from pipelines.storage import failed_feeds

logger = logging.getLogger(__name__)

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
    Enabled with `THRESHER_INCREMENTAL` (default True) when `THRESHER_STATE_PATH` is set;
    the state is the `IncrementalPipeline`'s, found when the spider opens.
    """

    def __init__(self, crawler: Any, store: StateStore | None = None) -> None:
        self.crawler = crawler
        self.store = store

    @classmethod
    def from_crawler(cls, crawler: Any) -> ConditionalRequestMiddleware:
        if not crawler.settings.getbool("THRESHER_INCREMENTAL"):
            raise NotConfigured("THRESHER_INCREMENTAL is off")
        if not crawler.settings.get("THRESHER_STATE_PATH"):
            raise NotConfigured("no THRESHER_STATE_PATH")
        middleware = cls(crawler)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware

    def spider_opened(self) -> None:
        self.store = state_of(self.crawler)

    def process_request(self, request: Request) -> None:
        if self.store is None or not is_page_request(request):
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


# --- pipeline side: unchanged pages are not exported again -------------------------------
def _header(response: Response | None, name: bytes) -> str | None:
    value = response.headers.get(name) if response is not None else None
    return value.decode("latin-1") if value else None


class IncrementalPipeline:
    """Skips unchanged pages and records exported versions in the dataset's state.

    `THRESHER_INCREMENTAL = False` (CLI `--no-incremental`) exports every page again, and
    still records what it exported, so the next incremental run starts from the truth.
    Needs `THRESHER_STATE_PATH` (the CLI sets it to `DIR/state.sqlite`).
    """

    def __init__(self, crawler: Any, store: StateStore, enabled: bool = True) -> None:
        self.crawler = crawler
        self.store = store
        self.enabled = enabled
        self.run_id: str | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> IncrementalPipeline:
        path = crawler.settings.get("THRESHER_STATE_PATH")
        if not path:
            raise NotConfigured("no THRESHER_STATE_PATH")
        pipeline = cls(crawler, StateStore(path), crawler.settings.getbool("THRESHER_INCREMENTAL"))
        crawler.signals.connect(pipeline.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.engine_stopped, signal=signals.engine_stopped)
        return pipeline

    def open_spider(self) -> None:
        self.run_id = self.crawler.settings.get("THRESHER_RUN_ID")

    def process_item(self, item: Any) -> Any:
        if isinstance(item, NotModified):
            raise Unchanged("fetch", "not_modified", "HTTP 304")
        if self.enabled and isinstance(item, Article) and item.is_article:
            # listing pages all have the empty body's hash: only articles are compared
            stored = self.store.get(page_key(self.crawler, item.url))
            if stored is not None and stored.content_hash == item.content_hash:
                raise Unchanged("filter", "same_content", f"as exported by run {stored.run_id}")
        return item

    # --- state updates, saved when the run's outputs are stored -------------------
    def item_scraped(self, item: Any, response: Response | None) -> None:
        if not isinstance(item, Article):
            return
        key = page_key(self.crawler, item.url)
        self.store.stage(
            PageState(
                url_key=key,
                url=item.url,
                etag=_header(response, b"ETag"),
                last_modified=_header(response, b"Last-Modified"),
                content_hash=item.content_hash,
                run_id=item.run_id or self.run_id,
                fetched_at=item.fetched_at,
                last_run_id=self.run_id,
                last_seen_at=datetime.now(timezone.utc).isoformat(),
                links=self.store.take_links(key),
            )
        )

    def item_dropped(self, item: Any, response: Response | None, exception: BaseException) -> None:
        url = getattr(item, "url", None)
        if not url:
            return
        key = page_key(self.crawler, url)
        links = self.store.take_links(key)  # forgotten for every page that is not exported
        stored = self.store.get(key) if isinstance(exception, Unchanged) else None
        if stored is None:
            return
        if isinstance(item, NotModified):  # a 304 may carry updated validators, and has no links
            etag = _header(response, b"ETag") or stored.etag
            last_modified = _header(response, b"Last-Modified") or stored.last_modified
            links = stored.links
        else:  # a full response: its validators (or their absence) are the current ones
            etag, last_modified = _header(response, b"ETag"), _header(response, b"Last-Modified")
        self.store.stage(
            stored._replace(
                etag=etag,
                last_modified=last_modified,
                links=links,
                last_run_id=self.run_id,
                last_seen_at=datetime.now(timezone.utc).isoformat(),
            )
        )

    def engine_stopped(self) -> None:
        """After every spider_closed handler: the feed exporters have stored (or failed to store) their files."""
        failed = failed_feeds(self.crawler.stats.get_stats())
        try:
            if failed or not self.crawler.settings.getdict("FEEDS"):
                logger.warning(
                    "Incremental state %s not updated: %s",
                    self.store.path,
                    "an output failed" if failed else "no output configured",
                )
            else:
                saved = self.store.save()
                self.crawler.stats.set_value("thresher/state_saved", saved)
                logger.info("Incremental state %s: %d pages recorded", self.store.path, saved)
        finally:
            self.store.close()


def state_of(crawler: Any) -> StateStore | None:
    """The crawl's StateStore: its IncrementalPipeline's (None without one, e.g. no THRESHER_STATE_PATH).

    Through Scrapy's component lookup, so only once the engine exists (from spider_opened on).
    """
    pipeline = crawler.get_item_pipeline(IncrementalPipeline)
    return pipeline.store if pipeline is not None else None
