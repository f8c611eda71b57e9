"""Downloader middleware fixes thresher depends on."""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import timezone
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)


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


def retry_after_seconds(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds a `Retry-After` header asks to wait (delay-seconds or an HTTP-date); None if absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware, honouring `Retry-After` on 429 and 503 up to a bound.

    A 429/503 that asks to wait at most `THRESHER_RETRY_AFTER_MAX` seconds (default 30)
    is retried after that wait (the request holds its downloader slot meanwhile, so that
    host gets nothing else either); one that asks longer is not retried in this run: the
    page is dropped as `http_error` at once instead of being asked again too early.
    Without the header, retries are Scrapy's (at once, up to RETRY_TIMES).
    """

    STATUSES = (429, 503)

    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.max_wait = settings.getfloat("THRESHER_RETRY_AFTER_MAX")

    async def process_response(self, request: Any, response: Any, spider: Any = None) -> Any:
        if (
            response.status in self.STATUSES
            and response.status in self.retry_http_codes
            and not request.meta.get("dont_retry", False)
        ):
            wait = retry_after_seconds(response.headers.get(b"Retry-After"))
            retries = request.meta.get("retry_times", 0)
            if wait is not None and retries < request.meta.get("max_retry_times", self.max_retry_times):
                if wait > self.max_wait:
                    logger.info(
                        "Not retrying %s: Retry-After %.0f s is more than THRESHER_RETRY_AFTER_MAX (%g s)",
                        request.url,
                        wait,
                        self.max_wait,
                    )
                    return response
                if wait > 0:
                    await asyncio.sleep(wait)
        return super().process_response(request, response)
