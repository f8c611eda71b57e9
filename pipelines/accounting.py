"""RunAccounting: every requested URL ends exactly once as an exported record or a drop.

A Scrapy extension listening to the item signals. With `THRESHER_RUN_DIR` set (the CLI
sets it) it writes `drops.jsonl` as the run goes (one line per dropped URL: url, stage,
reason, http_status, detail) and `manifest.json` at the end (run id, times, counts by
outcome and reason, the settings that matter, versions, outputs). Without it, the
counts still go to the Scrapy stats.

Pages an incremental re-crawl finds unchanged (`pipelines.contracts.outcomes.Unchanged`) are a
third outcome, not drops: they go to `unchanged.jsonl` (same line format) and the counts
balance as requested = exported + dropped + unchanged.
"""

from __future__ import annotations

import json
import platform
from collections import Counter
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import IO, Any

from itemadapter import ItemAdapter
from scrapy import signals

from pipelines.contracts import is_page_request, requested_url
from pipelines.contracts.outcomes import Outcome, Unchanged
from pipelines.extraction.record import SCHEMA_VERSION
from pipelines.storage import write_json_atomic

#: Settings recorded in the manifest: the ones that change what a run fetches or writes.
MANIFEST_SETTINGS = (
    "USER_AGENT",
    "ROBOTSTXT_OBEY",
    "AUTOTHROTTLE_ENABLED",
    "AUTOTHROTTLE_TARGET_CONCURRENCY",
    "CONCURRENT_REQUESTS",
    "CONCURRENT_REQUESTS_PER_DOMAIN",
    "DOWNLOAD_DELAY",
    "DOWNLOAD_MAXSIZE",
    "DOWNLOAD_TIMEOUT",
    "DEPTH_LIMIT",
    "THRESHER_EXTRACT_WORKERS",
    "THRESHER_PAGE_TYPES",
    "THRESHER_INCREMENTAL",
    "THRESHER_STATE_PATH",
)
VERSIONED_PACKAGES = ("thresher", "scrapy", "trafilatura", "pyarrow", "pandas", "lxml")


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


class RunAccounting:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        run_dir = crawler.settings.get("THRESHER_RUN_DIR")
        self.run_dir = Path(run_dir) if run_dir else None
        self.started_at = datetime.now(timezone.utc)
        self.requested = 0
        self.exported = 0
        self.drops: Counter[str] = Counter()
        self._drops_file: IO[str] | None = None
        self.unchanged: Counter[str] = Counter()
        self._unchanged_file: IO[str] | None = None
        self.job: dict[str, Any] | None = None

    @classmethod
    def from_crawler(cls, crawler) -> RunAccounting:
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(ext.item_error, signal=signals.item_error)
        crawler.signals.connect(ext.spider_error, signal=signals.spider_error)
        return ext

    def count_requested(self, pages: int = 1) -> None:
        """`pages` more (or, negative, fewer) requested URLs this run must account for.

        Told by the spider (each page it requests, each input it records as a drop), by
        crawler.resume (pages carried over from an earlier run) and by the Redis scheduler
        (a page counts for the worker that takes it from the shared frontier). Mirrored in
        the `thresher/requested` stat, for counting.
        """
        self.requested += pages
        self.stats.set_value("thresher/requested", self.requested)

    def record_job(self, job: dict[str, Any]) -> None:
        """The manifest's `job`: the job dir and the earlier runs this one resumes (told by crawler.resume)."""
        self.job = job

    def spider_opened(self, spider) -> None:
        if self.run_dir is not None:
            self.run_dir.mkdir(parents=True, exist_ok=True)
            self._drops_file = (self.run_dir / "drops.jsonl").open("a", encoding="utf-8")
            self._unchanged_file = (self.run_dir / "unchanged.jsonl").open("a", encoding="utf-8")

    def item_scraped(self, item: Any, spider) -> None:
        self.exported += 1
        self.stats.inc_value("thresher/exported")

    def item_dropped(self, item: Any, response, exception: Exception, spider) -> None:
        adapter = ItemAdapter(item)
        if isinstance(exception, Outcome):
            stage, reason, detail = exception.stage, exception.reason, exception.detail
        else:
            stage, reason, detail = "pipeline", "dropped", str(exception)
        url = adapter.get("requested_url") or adapter.get("url")
        if isinstance(exception, Unchanged):
            self.unchanged[reason] += 1
            self.stats.inc_value(f"thresher/unchanged/{reason}")
            self._write(self._unchanged_file, url, stage, reason, adapter.get("http_status"), detail)
            return
        self._record(url, stage, reason, adapter.get("http_status"), detail)

    def item_error(self, item: Any, response, spider, failure) -> None:
        adapter = ItemAdapter(item)
        detail = f"{failure.type.__name__}: {failure.value}"[:500]
        url = adapter.get("requested_url") or adapter.get("url")  # as item_dropped: the URL that was requested
        self._record(url, "pipeline", "pipeline_error", adapter.get("http_status"), detail)

    def spider_error(self, failure, response, spider) -> None:
        if not is_page_request(response.request):
            return  # a sitemap or feed callback failed: no page was lost
        detail = f"{failure.type.__name__}: {failure.value}"[:500]
        self._record(requested_url(response), "spider", "spider_error", response.status, detail)

    def _record(self, url: str | None, stage: str, reason: str, http_status: int | None, detail: str) -> None:
        self.drops[reason] += 1
        self.stats.inc_value(f"thresher/dropped/{reason}")
        self._write(self._drops_file, url, stage, reason, http_status, detail)

    @staticmethod
    def _write(
        file: IO[str] | None, url: str | None, stage: str, reason: str, http_status: int | None, detail: str
    ) -> None:
        if file is not None:
            line = {"url": url, "stage": stage, "reason": reason, "http_status": http_status, "detail": detail}
            file.write(json.dumps(line, ensure_ascii=False) + "\n")
            file.flush()

    def summary(self) -> dict[str, Any]:
        """Counts by outcome; `balanced` says requested == exported + dropped + unchanged."""
        requested = self.requested
        dropped = sum(self.drops.values())
        unchanged = sum(self.unchanged.values())
        return {
            "requested": requested,
            "exported": self.exported,
            "dropped": dropped,
            "unchanged": unchanged,
            "drop_reasons": dict(sorted(self.drops.items())),
            "unchanged_reasons": dict(sorted(self.unchanged.items())),
            "balanced": requested == self.exported + dropped + unchanged,
            "input_errors": self.stats.get_value("thresher/input_errors", 0),
            "responses": self.stats.get_value("downloader/response_count", 0),
        }

    def spider_closed(self, spider, reason: str) -> None:
        for file in (self._drops_file, self._unchanged_file):
            if file is not None:
                file.close()
        self._drops_file = self._unchanged_file = None
        self.stats.set_value("thresher/balanced", self.summary()["balanced"])
        if self.run_dir is None:
            return
        settings = self.crawler.settings
        feeds = settings.getdict("FEEDS")
        finished_at = datetime.now(timezone.utc)
        manifest = {
            "run_id": settings.get("THRESHER_RUN_ID"),
            "schema_version": SCHEMA_VERSION,
            "started_at": self.started_at.isoformat(),
            "finished_at": finished_at.isoformat(),
            "elapsed_seconds": round((finished_at - self.started_at).total_seconds(), 3),
            "finish_reason": reason,
            "counts": self.summary(),
            "job": self.job,  # None without a job dir
            "inputs": {
                "urls": getattr(spider, "seed_urls", []),
                "sitemaps": getattr(spider, "sitemap_urls", []),
                "feeds": getattr(spider, "feed_urls", []),
                "follow": getattr(spider, "follow", False),
                "allow": getattr(spider, "allow", []),
                "deny": getattr(spider, "deny", []),
                "max_depth": getattr(spider, "max_depth", None),
                "max_pages": getattr(spider, "max_pages", None),
            },
            # runs that read pages from WARC files instead of the network (crawler.spiders.warc)
            "source": getattr(spider, "manifest_source", None),
            "outputs": {str(uri): (opts or {}).get("format") for uri, opts in feeds.items()},
            "settings": {name: settings.get(name) for name in MANIFEST_SETTINGS},
            "versions": {"python": platform.python_version(), **{p: _version(p) for p in VERSIONED_PACKAGES}},
        }
        write_json_atomic(self.run_dir / "manifest.json", manifest)
