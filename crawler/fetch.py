"""One page over HTTP for `thresher extract URL`, fetched as the crawler would: robots.txt first.

The User-Agent is the crawl's (`USER_AGENT` of crawler/settings.py); a page that the
site's robots.txt disallows for it is not fetched. A robots.txt that cannot be read
allows everything, as in Scrapy (401/403 disallow everything, as in urllib's parser).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from crawler.settings import USER_AGENT

TIMEOUT = 30
MAX_BYTES = 50 * 1024 * 1024


class FetchError(Exception):
    """The page could not be fetched, or may not be; the message says why, in one line."""


def _robots(url: str) -> RobotFileParser:
    parts = urlsplit(url)
    parser = RobotFileParser(f"{parts.scheme}://{parts.netloc}/robots.txt")
    request = urllib.request.Request(parser.url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            parser.parse(response.read(MAX_BYTES).decode("utf-8", errors="replace").splitlines())
    except urllib.error.HTTPError as exc:
        parser.disallow_all = exc.code in (401, 403)
        parser.allow_all = not parser.disallow_all
    except OSError:
        parser.allow_all = True
    return parser


def fetch(url: str) -> tuple[bytes, str, str | None]:
    """(body, final URL, content type) of a page that robots.txt allows."""
    if not _robots(url).can_fetch(USER_AGENT, url):
        raise FetchError(f"cannot fetch {url}: disallowed by the site's robots.txt")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.read(MAX_BYTES), response.geturl(), response.headers.get("Content-Type")
    except OSError as exc:
        raise FetchError(f"cannot fetch {url}: {exc}") from None
