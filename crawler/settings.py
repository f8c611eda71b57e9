"""Scrapy settings for thresher: polite by default; the CLI and `-s NAME=VALUE` override them."""

from crawler import __version__
from crawler.addon import COMPONENTS

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
TELNETCONSOLE_ENABLED = False

# --- bounds -------------------------------------------------------------------
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024  # larger pages are dropped as too_large
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024

# --- thresher: pipelines, exporter, middlewares, extensions ------------------------
#: The add-on adds thresher's components and every THRESHER_* default
#: (pipelines/contracts/defaults.py); set any of them here, or with -s NAME=VALUE, to override it.
ADDONS = {"crawler.addon.Thresher": 0}
#: The add-on adds the `parquet` feed format too, but Scrapy checks `-O FILE.parquet` before add-ons run.
FEED_EXPORTERS = COMPONENTS["FEED_EXPORTERS"]

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
