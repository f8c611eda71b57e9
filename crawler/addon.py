"""The thresher Scrapy add-on: one line turns a Scrapy project into a thresher crawl.

    ADDONS = {"crawler.addon.Thresher": 0}

in any Scrapy project's settings (thresher's own `crawler/settings.py` has it too) adds
thresher's components to the ones the project has, and every `THRESHER_*` default
(`pipelines.contracts.defaults`) below the project's own settings:

- item pipelines: failed fetches -> drops, extraction, the article filter, incremental re-crawls;
- extensions: the page ledger (resume), run accounting (drops.jsonl, manifest.json), the
  Redis frontier worker (only with THRESHER_REDIS_URL);
- downloader middlewares: robots.txt checked for every request, conditional requests;
- the `parquet` feed format, atomic file storage for feeds, and a feed exporter that fails
  the run when an output cannot be written;
- the `articles` spider (`crawler.spiders`) among the project's spiders;
- a log formatter that logs one line per dropped page, never its body (unless the
  project has a LOG_FORMATTER of its own).

Scrapy checks the format of `-O FILE.parquet` before any add-on runs: a project that
writes Parquet with `-O` (rather than `THRESHER_OUT`) also needs
`FEED_EXPORTERS = COMPONENTS["FEED_EXPORTERS"]` in its settings, as thresher's has.

Then `THRESHER_OUT=DIR` writes the dataset layout of `thresher crawl --out DIR`
(`crawler.layout`) and `THRESHER_REDIS_URL` makes the crawl a worker of a shared frontier
(`crawler.distributed`). The run id (`THRESHER_RUN_ID`) is the spider's `run_id` argument,
or a new one.
"""

from __future__ import annotations

import copy
from typing import Any

from crawler.runid import new_run_id
from pipelines.contracts.defaults import DEFAULTS

#: Component priority dicts: what thresher adds to each (None disables a Scrapy component).
COMPONENTS: dict[str, dict[str, int | None]] = {
    "DOWNLOADER_MIDDLEWARES": {
        # Scrapy's RobotsTxtMiddleware, fixed to check every request that waited for robots.txt
        "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
        "crawler.middlewares.RobotsTxtMiddleware": 100,
        # incremental re-crawls: If-None-Match / If-Modified-Since from the dataset's state
        "crawler.incremental.ConditionalRequestMiddleware": 580,
        # Scrapy's RetryMiddleware, honouring Retry-After on 429/503 up to THRESHER_RETRY_AFTER_MAX
        "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
        "crawler.middlewares.RetryAfterMiddleware": 550,
        # every page response into DIR/warc/<run_id>.warc.gz, as received (above HttpCompression, 590)
        "crawler.warc.WarcWriterMiddleware": 595,
    },
    "ITEM_PIPELINES": {
        "pipelines.drops.FetchFailurePipeline": 100,
        "pipelines.extract.ExtractionPipeline": 300,
        "pipelines.filters.ArticleFilterPipeline": 500,
        "crawler.incremental.IncrementalPipeline": 600,
    },
    "EXTENSIONS": {
        # Scrapy's FeedExporter, where an output that cannot be written fails the run (pipelines.storage)
        "scrapy.extensions.feedexport.FeedExporter": None,
        "pipelines.storage.CheckedFeedExporter": 0,
        # AutoThrottle that lowers the delay on 304 Not Modified too: fast re-crawls (crawler.throttle)
        "scrapy.extensions.throttle.AutoThrottle": None,
        "crawler.throttle.AutoThrottle": 0,
        # before RunAccounting: a stopped run's queued pages become not_fetched drops before the manifest
        "crawler.resume.PageLedger": 400,
        "pipelines.accounting.RunAccounting": 500,
        "crawler.distributed.FrontierWorker": 600,
        # one writer per dataset and job dir (crawler.lock)
        "crawler.lock.DatasetLock": 50,
    },
    "FEED_EXPORTERS": {"parquet": "pipelines.exporters.ParquetItemExporter"},  # type: ignore[dict-item]
    "FEED_STORAGES": {  # type: ignore[dict-item]
        "": "pipelines.storage.AtomicFileFeedStorage",
        "file": "pipelines.storage.AtomicFileFeedStorage",
    },
}
#: Scrapy settings thresher's outputs assume, below the project's own.
SCRAPY_DEFAULTS = {"FEED_EXPORT_ENCODING": "utf-8"}


def thresher_settings() -> Any:
    """thresher's project settings with the add-on's defaults, for commands that run no crawl (`push`, checks)."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    apply_defaults(settings)
    return settings


def apply_defaults(settings: Any) -> None:
    """Every THRESHER_* default (and SCRAPY_DEFAULTS) at add-on priority: the project's values win."""
    for name, value in {**DEFAULTS, **SCRAPY_DEFAULTS}.items():
        settings.set(name, copy.copy(value), priority="addon")


def add_components(settings: Any) -> None:
    """thresher's components into the component dicts, unless the project already names them."""
    for name, components in COMPONENTS.items():
        current = settings.getdict(name)
        added = {path: value for path, value in components.items() if path not in current}
        if added:
            settings.set(name, {**current, **added}, priority=settings.getpriority(name) or 0)


class Thresher:
    """Scrapy add-on: thresher's pipelines, exporter, middlewares and extensions, with their defaults."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> Thresher:
        return cls(crawler)

    @classmethod
    def update_pre_crawler_settings(cls, settings: Any) -> None:
        """The `articles` spider joins the project's spiders: `scrapy crawl articles -a urls=...`."""
        if "crawler.spiders" not in settings.getlist("SPIDER_MODULES"):
            settings.set(
                "SPIDER_MODULES",
                [*settings.getlist("SPIDER_MODULES"), "crawler.spiders"],
                priority=settings.getpriority("SPIDER_MODULES") or 0,
            )

    def update_settings(self, settings: Any) -> None:
        from crawler.checks import check_thresher_settings
        from crawler.distributed import use_redis_frontier
        from crawler.layout import use_dataset_layout

        apply_defaults(settings)
        if settings.get("DOWNLOADER") == "scrapy.core.downloader.Downloader":  # per-domain limits held (asyncio)
            settings.set("DOWNLOADER", "crawler.downloader.PoliteDownloader", priority="addon")
        if settings.get("LOG_FORMATTER") == "scrapy.logformatter.LogFormatter":  # Scrapy's: whole pages in the log
            settings.set("LOG_FORMATTER", "crawler.logformatter.ThresherLogFormatter", priority="addon")
        check_thresher_settings(settings)  # unknown THRESHER_* names and bad values fail before the crawl
        add_components(settings)
        run_id = getattr(self.crawler.spider, "run_id", None) or settings.get("THRESHER_RUN_ID") or new_run_id()
        settings.set("THRESHER_RUN_ID", run_id, priority=max(settings.getpriority("THRESHER_RUN_ID") or 0, 15))
        use_dataset_layout(settings)
        use_redis_frontier(settings)
