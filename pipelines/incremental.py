"""Incremental re-crawls, pipeline side: unchanged pages are not exported again.

A page is `unchanged` when the server answered 304 to a conditional request
(`not_modified`, see `crawler.incremental`) or, where the server gives no validators or
ignores them, when its `content_hash` equals the stored version's (`same_content`). A
changed page passes and is exported again as a new version (same URL, new content hash,
fetched_at and run_id). Unchanged is an outcome of its own, not a drop: `RunAccounting`
counts it apart (requested = exported + dropped + unchanged) and lists it in
`unchanged.jsonl`.

The state (`DIR/state.sqlite`) records what was exported, and what was confirmed
unchanged, only once the run's feeds are stored without error: a crashed or killed run
leaves it as it was, so its pages are exported again next time rather than lost.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from crawler.incremental import PageState, StateStore, page_key, state_for
from pipelines.contracts import NotModified
from pipelines.contracts.outcomes import Unchanged
from pipelines.extraction import Article

logger = logging.getLogger(__name__)


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
        store = state_for(crawler)
        if store is None:
            raise NotConfigured("no THRESHER_STATE_PATH")
        pipeline = cls(crawler, store, crawler.settings.getbool("THRESHER_INCREMENTAL", True))
        crawler.signals.connect(pipeline.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.engine_stopped, signal=signals.engine_stopped)
        return pipeline

    def open_spider(self) -> None:
        self.run_id = getattr(self.crawler.spider, "run_id", None)

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
        stats = self.crawler.stats.get_stats()
        failed = any(name.startswith("feedexport/failed_count") for name in stats)
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
