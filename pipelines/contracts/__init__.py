"""Shared contracts: what the crawler hands to the item pipelines, and how both name a page.

The one module both layers import (besides the extraction core):

- `items`: the spider's outputs, `PageItem`, `FetchFailure`, `NotModified`;
- `outcomes`: how an item leaves a run other than exported, `Drop` and `Unchanged`
  (siblings: an unchanged page is not a drop);
- `urls`: the URL key pages are deduplicated by, the URL a page request was made for,
  the site of a URL;
- `defaults`: every `THRESHER_*` setting's default, written once.

Only `outcomes` imports Scrapy; the rest is plain Python, so the notebook loader
(`pipelines.dataset`) can use it without Scrapy or Twisted.
"""

from pipelines.contracts.items import FetchFailure, NotModified, PageItem
from pipelines.contracts.urls import is_page_request, requested_url, site_of, url_key

__all__ = ["FetchFailure", "NotModified", "PageItem", "is_page_request", "requested_url", "site_of", "url_key"]
