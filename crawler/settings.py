"""Scrapy settings for thresher: polite by default; the CLI and `-s NAME=VALUE` override them."""

from crawler import __version__

BOT_NAME = "thresher"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# --- politeness ---------------------------------------------------------------
USER_AGENT = f"thresher/{__version__} (article dataset crawler; Scrapy)"
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0
DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 10
COOKIES_ENABLED = False
# Scrapy's RobotsTxtMiddleware, fixed to check every request that waited for robots.txt
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.RobotsTxtMiddleware": 100,
}
TELNETCONSOLE_ENABLED = False

# --- bounds -------------------------------------------------------------------
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024  # larger pages are dropped as too_large
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024

# --- what counts as a page ----------------------------------------------------
THRESHER_HTML_CONTENT_TYPES = ["text/html", "application/xhtml+xml"]
#: Query parameters that never change the page; stripped when deduplicating URLs.
THRESHER_TRACKING_QUERY_PARAMS = [
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_term",
    "utm_content",
    "utm_id",
    "fbclid",
    "gclid",
    "mc_cid",
    "mc_eid",
    "ref",
    "ref_src",
]

# --- fetch -> extract -> filter -> export -------------------------------------
ITEM_PIPELINES = {
    "pipelines.drops.FetchFailurePipeline": 100,
    "pipelines.extract.ExtractionPipeline": 300,
    "pipelines.filters.ArticleFilterPipeline": 500,
}
EXTENSIONS = {"pipelines.accounting.RunAccounting": 500}
THRESHER_EXTRACT_WORKERS = -1  # processes for extraction; -1 = one per core, 0 = inline
THRESHER_KEEP_NON_ARTICLES = False
THRESHER_RUN_DIR = None  # where drops.jsonl and manifest.json go; the CLI sets it

FEED_EXPORTERS = {"parquet": "pipelines.exporters.ParquetItemExporter"}
FEED_STORAGES = {
    "": "pipelines.storage.AtomicFileFeedStorage",
    "file": "pipelines.storage.AtomicFileFeedStorage",
}
FEED_EXPORT_ENCODING = "utf-8"
THRESHER_PARQUET_ROW_GROUP_SIZE = 1000
THRESHER_PARQUET_COMPRESSION = "zstd"

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
