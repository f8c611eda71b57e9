"""Every `THRESHER_*` setting's default, written once.

The `crawler.addon.Thresher` add-on puts them into a crawl's settings (below the
project's own: a project or `-s NAME=VALUE` overrides any of them), so components read
a setting without a fallback of their own. Plain Python, so the notebook loader and the
CLI read them without a crawl.
"""

from __future__ import annotations

from typing import Any

# --- what counts as a page ----------------------------------------------------
#: Sitemaps may be larger than pages: the sitemap protocol allows 50 MB (uncompressed) per file;
#: gzip sitemaps are inflated up to this size too. Entries are parsed as they are read, so the
#: number of URLs adds no memory.
THRESHER_SITEMAP_MAXSIZE = 50 * 1024 * 1024
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
THRESHER_EXTRACT_WORKERS = -1  # processes for extraction; -1 = one per core, 0 = inline
THRESHER_EXTRACT_QUEUE = 0  # pages in the pool at once (the rest wait, and so does the crawl); 0 = 2 x workers
#: Page types exported (`--page-types`); the others are dropped as `page_type`. Every type has a body:
#: article, forum, product, collection, listing, documentation, service.
THRESHER_PAGE_TYPES = ["article"]
THRESHER_RUN_ID = None  # the run's id; the add-on takes the spider's (`-a run_id=...`) or makes a new one
THRESHER_RUN_DIR = None  # where drops.jsonl and manifest.json go; the CLI (or THRESHER_OUT) sets it
#: Incremental re-crawls: state in SQLite (the CLI sets DIR/state.sqlite; None: no state).
THRESHER_STATE_PATH = None
THRESHER_INCREMENTAL = True  # False: export unchanged pages again (the state is still updated)
#: Keep every fetched page's raw request and response in DIR/warc/<run_id>.warc.gz (`--no-warc`: False).
THRESHER_WARC = True
THRESHER_PARQUET_ROW_GROUP_SIZE = 1000
THRESHER_PARQUET_COMPRESSION = "zstd"

# --- politeness -----------------------------------------------------------------
#: A 429/503 with Retry-After up to this many seconds is retried after that wait; a longer one is not retried.
THRESHER_RETRY_AFTER_MAX = 30.0

# --- where a crawl writes -----------------------------------------------------
#: THRESHER_OUT=DIR writes the dataset layout of `thresher crawl --out DIR` from `scrapy crawl`
#: or scrapyd (`setting=THRESHER_OUT=DIR` in schedule.json); THRESHER_FORMATS picks the files.
THRESHER_OUT = None
THRESHER_FORMATS = ["parquet", "jsonl"]

# --- distribution -------------------------------------------------------------
#: A worker of a shared frontier in Redis (`--redis`): scrapy-redis scheduler and dupefilter.
THRESHER_REDIS_URL = None
THRESHER_REDIS_PREFIX = "thresher:%(spider)s"  # Redis keys of the frontier
THRESHER_REDIS_IDLE_TIMEOUT = 30.0  # seconds of empty frontier, all workers idle, before a worker exits
#: Seconds without a heartbeat after which a worker's taken requests return to the frontier (a killed worker).
THRESHER_REDIS_LEASE = 30.0

#: All of the above, by name.
DEFAULTS: dict[str, Any] = {name: value for name, value in globals().items() if name.startswith("THRESHER_")}
