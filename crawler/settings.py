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
#: Items processed at once per response. A page gives one item, and Scrapy 2.19 starts this
#: many tasks per response: 16 instead of 100 saves ~30% of the crawl process's CPU
#: (benchmarks/crawl.py). Keep it at 2 or more: parse_page yields its item before its links.
CONCURRENT_ITEMS = 16
DOWNLOAD_DELAY = 0
DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 10
COOKIES_ENABLED = False
# Scrapy's RobotsTxtMiddleware, fixed to check every request that waited for robots.txt
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.RobotsTxtMiddleware": 100,
    # incremental re-crawls: If-None-Match / If-Modified-Since from the dataset's state
    "crawler.incremental.ConditionalRequestMiddleware": 580,
}
TELNETCONSOLE_ENABLED = False

# --- bounds -------------------------------------------------------------------
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024  # larger pages are dropped as too_large
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
#: Sitemaps may be larger than pages: the sitemap protocol allows 50 MB (uncompressed) per file;
#: gzip sitemaps are inflated up to this size too. Entries are parsed as they are read, so the
#: number of URLs adds no memory.
THRESHER_SITEMAP_MAXSIZE = 50 * 1024 * 1024

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
    "crawler.incremental.IncrementalPipeline": 600,
}
EXTENSIONS = {
    # before RunAccounting: a stopped run's queued pages become not_fetched drops before the manifest
    "crawler.resume.PageLedger": 400,
    "pipelines.accounting.RunAccounting": 500,
    "crawler.distributed.FrontierWorker": 600,
}
THRESHER_EXTRACT_WORKERS = -1  # processes for extraction; -1 = one per core, 0 = inline
THRESHER_EXTRACT_QUEUE = 0  # pages in the pool at once (the rest wait, and so does the crawl); 0 = 2 x workers
THRESHER_KEEP_NON_ARTICLES = False
THRESHER_RUN_DIR = None  # where drops.jsonl and manifest.json go; the CLI sets it
#: Incremental re-crawls: state in SQLite (the CLI sets DIR/state.sqlite; None: no state).
THRESHER_STATE_PATH = None
THRESHER_INCREMENTAL = True  # False: export unchanged pages again (the state is still updated)

FEED_EXPORTERS = {"parquet": "pipelines.exporters.ParquetItemExporter"}
FEED_STORAGES = {
    "": "pipelines.storage.AtomicFileFeedStorage",
    "file": "pipelines.storage.AtomicFileFeedStorage",
}
FEED_EXPORT_ENCODING = "utf-8"
THRESHER_PARQUET_ROW_GROUP_SIZE = 1000
THRESHER_PARQUET_COMPRESSION = "zstd"

# --- scheduling and distribution ---------------------------------------------
#: THRESHER_OUT=DIR writes the dataset layout of `thresher crawl --out DIR` from `scrapy crawl`
#: or scrapyd (`setting=THRESHER_OUT=DIR` in schedule.json); THRESHER_FORMATS picks the files.
ADDONS = {"crawler.layout.DatasetLayout": 0, "crawler.distributed.RedisFrontier": 0}
THRESHER_OUT = None
THRESHER_FORMATS = ["parquet", "jsonl"]
#: A worker of a shared frontier in Redis (`--redis`): scrapy-redis scheduler and dupefilter.
THRESHER_REDIS_URL = None
THRESHER_REDIS_PREFIX = "thresher:%(spider)s"  # Redis keys of the frontier
THRESHER_REDIS_IDLE_TIMEOUT = 30.0  # seconds of empty frontier, all workers idle, before a worker exits

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
