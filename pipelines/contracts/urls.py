"""How the crawler and the pipelines name a page: its URL key, its requested URL, its site.

Plain Python (and w3lib): no Scrapy import, so the notebook loader can use it. Requests
and responses are taken as Scrapy's, by duck typing (`.url`, `.meta`, `.cb_kwargs`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from w3lib.url import canonicalize_url, url_query_cleaner

#: The callback argument that marks a page request (its value: seed, sitemap, feed, follow).
SOURCE = "source"


def url_key(url: str, tracking_params: Iterable[str]) -> str:
    """Identity of a page URL: canonical form without fragment and tracking parameters."""
    return canonicalize_url(url_query_cleaner(url, list(tracking_params), remove=True, keep_fragments=False))


def is_page_request(request: Any) -> bool:
    """Pages carry a `source` callback argument; sitemaps, feeds and robots.txt do not."""
    return request is not None and SOURCE in request.cb_kwargs


def requested_url(request_or_response: Any) -> str:
    """The URL a request (or the request of a response) was made for, before any redirect."""
    return request_or_response.meta.get("redirect_urls", [request_or_response.url])[0]


def site_of(url: str) -> str:
    """The spider's notion of a site: host:port, lower case, without `www.`.

    (host:port, not the host name: Scrapy matches `allow_domains` against the netloc.)
    """
    return urlsplit(url).netloc.lower().removeprefix("www.")
