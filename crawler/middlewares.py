"""Downloader middleware fixes thresher depends on."""

from __future__ import annotations

from typing import Any

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred


class RobotsTxtMiddleware(ScrapyRobotsTxtMiddleware):
    """Scrapy's RobotsTxtMiddleware, with every request checked against robots.txt.

    In Scrapy 2.19, requests that arrive while a host's robots.txt is being fetched wait on
    one shared Deferred through `Deferred.asFuture`, which turns its result into None for
    every later waiter: all but the first of them were let through as if the site had no
    robots.txt. Once the wait is over, the parsed robots.txt (or None after an error) is in
    `_parsers`, so each waiter reads it from there.
    """

    async def robot_parser(self, request: Any) -> Any:
        parser = await super().robot_parser(request)
        settled = self._parsers.get(urlparse_cached(request).netloc, parser)
        return parser if isinstance(settled, Deferred) else settled
