"""The `articles` spider: turns URL inputs into requests and responses into PageItems.

It fetches and routes only; extraction happens in the item pipelines. Every page it
requests comes back exactly once, as a `PageItem` or a `FetchFailure` (the errback),
which is what lets the run account for every URL.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from scrapy import Request, Spider
from scrapy.exceptions import DownloadCancelledError, DownloadTimeoutError, IgnoreRequest
from scrapy.http import Response
from scrapy.linkextractors import LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.internet.defer import CancelledError
from twisted.internet.error import TimeoutError as TxTimeoutError
from twisted.python.failure import Failure

from crawler.downloader import StopRequested
from crawler.incremental import CONDITIONAL_META, state_of
from crawler.runid import new_run_id
from crawler.warc import FETCHED_AT_META, WARC_META
from pipelines.accounting import RunAccounting
from pipelines.contracts import FetchFailure, NotModified, PageItem, requested_url, site_of, url_key

FEED_LINK_XPATHS = (
    "//*[local-name()='item']/*[local-name()='link']/text()",
    "//*[local-name()='item']/*[local-name()='guid'][not(@isPermaLink='false')]/text()",
    "//*[local-name()='entry']/*[local-name()='link'][not(@rel) or @rel='alternate']/@href",
)


class BadSpiderArgument(ValueError):
    """A spider argument that cannot be used; the message says which and why."""


def split_arg(value: str | Iterable[str] | None) -> list[str]:
    """Spider arguments arrive as comma-separated strings (`-a urls=a,b`) or as lists."""
    if not value:
        return []
    items = value.split(",") if isinstance(value, str) else value
    return [item.strip() for item in items if item and item.strip()]


def read_url_file(path: str) -> list[str]:
    """One URL per line; blank lines and `#` comments are skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise BadSpiderArgument(f"cannot read URL file {path}: {exc}") from None
    return [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]


def _as_bool(value: Any) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def _as_int(name: str, value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise BadSpiderArgument(f"{name} must be an integer, got {value!r}") from None
    if number < 0:
        raise BadSpiderArgument(f"{name} must be >= 0, got {number}")
    return number


def _regexes(name: str, values: list[str]) -> list[str]:
    for pattern in values:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise BadSpiderArgument(f"invalid {name} regular expression {pattern!r}: {exc}") from None
    return values


def _check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadSpiderArgument(f"not an http(s) URL: {url!r}")
    return url


def _is_http(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


#: A DOCTYPE and its internal subset. Sitemaps need none; it is where entity bombs and XXE live.
_DOCTYPE_START = re.compile(rb"<!DOCTYPE", re.I)
_DOCTYPE = re.compile(rb"<!DOCTYPE(?:[^\[>\"']|\"[^\"]*\"|'[^']*')*(?:\[.*?\]\s*)?>", re.S | re.I)


def strip_doctype(xml: bytes) -> bytes:
    """The document without its DOCTYPE, so that no entity is declared, expanded or fetched.

    Scrapy's Sitemap already declines to resolve entities, but a billion-laughs bomb still
    makes libxml2 give up on the whole document, and the pages listed after it are lost.
    Without the declarations an entity reference is undefined, and recovery skips it.
    """
    found = _DOCTYPE_START.search(xml, 0, 65536)  # it can only come before the root element
    match = _DOCTYPE.match(xml, found.start()) if found else None
    return xml[: match.start()] + xml[match.end() :] if match else xml


class ArticleSpider(Spider):
    """Fetch article pages from start URLs, URL files, sitemaps, feeds and in-site links.

    Spider arguments (lists comma-separated): `urls`, `urls_file`, `sitemap`, `feed`,
    `follow`, `allow`, `deny`, `max_depth`, `max_pages`, `run_id`.
    """

    name = "articles"

    def __init__(
        self,
        urls: str | list[str] | None = None,
        urls_file: str | None = None,
        sitemap: str | list[str] | None = None,
        feed: str | list[str] | None = None,
        follow: Any = False,
        allow: str | list[str] | None = None,
        deny: str | list[str] | None = None,
        max_depth: Any = None,
        max_pages: Any = None,
        run_id: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        seeds = split_arg(urls) + (read_url_file(urls_file) if urls_file else [])
        self.seed_urls = [_check_url(url) for url in seeds]
        self.sitemap_urls = [_check_url(url) for url in split_arg(sitemap)]
        self.feed_urls = [_check_url(url) for url in split_arg(feed)]
        self.follow = _as_bool(follow)
        self.allow = _regexes("allow", split_arg(allow))
        self.deny = _regexes("deny", split_arg(deny))
        self.max_depth = _as_int("max_depth", max_depth)
        self.max_pages = _as_int("max_pages", max_pages)
        self.run_id = run_id or new_run_id()
        self.requested_pages = 0
        self._seen: set[str] = set()
        #: Claims a page URL key for this run among all runs of one crawl (see `share_crawl`). False:
        #: another run requested the page and accounts for it. None: this run is the whole crawl.
        self.claim_url: Callable[[str], bool] | None = None
        self._sites: set[str] = set()
        self.allow_sites(self.seed_urls + self.sitemap_urls + self.feed_urls)

    def share_crawl(self, claim: Callable[[str], bool], requested: int | None = None) -> None:
        """This run is one of several runs of one crawl, which request each page once between them.

        `claim(key)` is True for the one run that may request the page of that URL key:
        crawler.resume's for the runs of a --job-dir, crawler.distributed's for the --redis
        workers. `requested`: pages the crawl requested before this run (`max_pages` bounds
        the whole crawl).
        """
        self.claim_url = claim
        if requested is not None:
            self.requested_pages = requested

    def allow_sites(self, urls: Iterable[str]) -> None:
        """Follow links into the sites of these URLs too (a --redis worker learns seeds pushed to others)."""
        sites = {site_of(u) for u in urls}
        if sites - self._sites or not hasattr(self, "_links"):
            self._sites |= sites
            self._links = LinkExtractor(allow=self.allow, deny=self.deny, allow_domains=sorted(self._sites))

    # settings are read once the crawl runs: the spider is made before add-ons set their defaults
    @cached_property
    def html_types(self) -> tuple[str, ...]:
        return tuple(self.crawler.settings.getlist("THRESHER_HTML_CONTENT_TYPES"))

    @cached_property
    def tracking_params(self) -> list[str]:
        return self.crawler.settings.getlist("THRESHER_TRACKING_QUERY_PARAMS")

    @cached_property
    def _sitemap_max_size(self) -> int:
        return self.crawler.settings.getint("THRESHER_SITEMAP_MAXSIZE")

    # --- inputs --------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        for url in self.seed_urls:
            yield self.request_page(url, "seed") or self._duplicate(url)
        for url in self.sitemap_urls:
            yield self._sitemap_request(url)
        for url in self.feed_urls:
            yield Request(url, callback=self.parse_feed, errback=self.on_input_error, dont_filter=True)

    def _sitemap_request(self, url: str) -> Request:
        parts = urlsplit(url)
        if parts.path in ("", "/"):  # a site root: discover its sitemaps through robots.txt
            url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        # a missing robots.txt declares no sitemap: parse_sitemap then tries /sitemap.xml
        meta = {"handle_httpstatus_list": [404, 410]} if urlsplit(url).path.endswith("/robots.txt") else {}
        return self._sitemap(url, dont_filter=True, meta=meta)

    def _sitemap(self, url: str, **kwargs: Any) -> Request:
        """A request for a sitemap (or robots.txt), allowed up to THRESHER_SITEMAP_MAXSIZE."""
        meta = {"download_maxsize": self._sitemap_max_size, "download_warnsize": self._sitemap_max_size}
        meta.update(kwargs.pop("meta", {}))
        return Request(url, callback=self.parse_sitemap, errback=self.on_input_error, meta=meta, **kwargs)

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        """Sitemap index, urlset (plain or gzip) or robots.txt, via Scrapy's sitemap utilities.

        Scrapy's `Sitemap` parses as it goes (memory stays flat however many URLs) and resolves
        no entity; `strip_doctype` removes the declarations so that a bomb cannot stop it either.
        """
        if urlsplit(response.url).path.endswith("/robots.txt"):
            found = []
            if response.status == 200:
                found = [url for url in sitemap_urls_from_robots(response.body, base_url=response.url) if _is_http(url)]
            if not found:
                found = [response.urljoin("/sitemap.xml")]
            for url in found:
                yield self._sitemap(url)
            return
        body = response.body
        if body[:2] == b"\x1f\x8b":
            try:
                body = gunzip(body, max_size=self._sitemap_max_size)
            except Exception as exc:  # noqa: BLE001 - any decompression failure means a bad sitemap
                self._input_error(response.url, f"unreadable gzip sitemap ({exc})")
                return
        try:
            sitemap: Sitemap | None = Sitemap(strip_doctype(body))
        except (StopIteration, etree.Error):  # empty, or not XML at all
            sitemap = None
        if sitemap is None or sitemap.type not in ("sitemapindex", "urlset"):
            self._input_error(response.url, "not a sitemap")
            return
        try:
            for entry in sitemap:
                if sitemap.type == "urlset" and self._at_max_pages():
                    self.logger.info("--max-pages reached: the rest of %s is not read", response.url)
                    return
                if sitemap.type == "urlset":
                    yield self._input_page(entry["loc"], "sitemap")
                elif _is_http(entry["loc"]):
                    yield self._sitemap(entry["loc"])
                else:
                    self.logger.warning(
                        "Ignoring sitemap %r listed in %s: not an http(s) URL", entry["loc"], response.url
                    )
        except etree.Error as exc:  # the entries before the error were read
            self._input_error(response.url, f"XML error ({exc})")

    def parse_feed(self, response: Response) -> Iterator[Any]:
        """RSS 2.0 and Atom: each entry's link is a page to fetch."""
        links = []
        try:  # without its DOCTYPE, as sitemaps: an entity bomb would leave the feed with no entries
            selector = (
                response.replace(body=strip_doctype(response.body)).selector if hasattr(response, "selector") else None
            )
        except Exception:  # noqa: BLE001 - an unparseable feed simply has no links
            selector = None
        for xpath in FEED_LINK_XPATHS if selector is not None else ():
            links.extend(value.strip() for value in selector.xpath(xpath).getall())
        if not links:
            self.logger.warning("No entries found in feed %s", response.url)
        for link in dict.fromkeys(links):
            if link:
                yield self._input_page(response.urljoin(link), "feed")

    # --- pages ---------------------------------------------------------------
    def url_key(self, url: str) -> str:
        """Identity of a page URL (`url_key` with THRESHER_TRACKING_QUERY_PARAMS)."""
        return url_key(url, self.tracking_params)

    def _input_page(self, url: str, source: str) -> Request | FetchFailure | None:
        """A page a sitemap or feed lists: its request, or the drop that accounts for it.

        A listed URL that is not http(s) (javascript:, data:, mailto:, a relative path) is
        requested in no way, but it was listed: it is dropped as `invalid_url`, not lost.
        An empty entry (an unresolved entity, say) lists nothing.
        """
        if not url:
            return None
        if not _is_http(url):
            if self._at_max_pages():
                return None
            self._count_requested()
            return FetchFailure(url=url, reason="invalid_url", stage="input", detail=f"not an http(s) URL ({source})")
        return self.request_page(url, source) or self._duplicate(url)

    def _at_max_pages(self) -> bool:
        return self.max_pages is not None and self.requested_pages >= self.max_pages

    def request_page(self, url: str, source: str) -> Request | None:
        """A request for a page not seen before, claimed, and within max_pages, else None. Counts it as requested."""
        if urlsplit(url).scheme not in ("http", "https"):
            return None
        key = self.url_key(url)
        if key in self._seen or (self.max_pages is not None and self.requested_pages >= self.max_pages):
            return None
        if self.claim_url is not None and not self.claim_url(key):
            return None  # another worker, or an earlier run of this job, requested it
        self._seen.add(key)
        self.requested_pages += 1
        self._count_requested()
        return self.page_request(url, source)

    def page_request(self, url: str, source: str, depth: int | None = None) -> Request:
        """The request of a page (`source`: seed, sitemap, feed, follow), without any check or count.

        `dont_filter`: the spider dedupes pages itself, so the scheduler never drops one silently.
        `depth`: for a page re-queued by a later run (crawler.resume), its depth in the crawl.
        """
        meta = {"depth": depth} if depth is not None else None
        return Request(
            url,
            callback=self.parse_page,
            errback=self.on_page_error,
            dont_filter=True,
            cb_kwargs={"source": source},
            meta=meta,
        )

    def _duplicate(self, url: str) -> FetchFailure | None:
        """An input listing an already requested URL is recorded, not fetched twice."""
        if self.claim_url is not None and self.url_key(url) not in self._seen:
            return None  # requested by another worker or an earlier run of the job, which accounts for it
        if (
            self.max_pages is not None
            and self.requested_pages >= self.max_pages
            and self.url_key(url) not in self._seen
        ):
            return None
        self._count_requested()
        return FetchFailure(url=url, reason="duplicate_url", stage="input")

    def _count_requested(self) -> None:
        """One more URL this run accounts for (RunAccounting: requested = exported + dropped + unchanged)."""
        if self._accounting is not None:
            self._accounting.count_requested()

    @cached_property
    def _accounting(self) -> RunAccounting | None:
        return self.crawler.get_extension(RunAccounting)

    def parse_page(self, response: Response, source: str) -> Iterator[Any]:
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1") or None
        mime = (content_type or "").split(";")[0].strip().lower()
        requested = requested_url(response)
        follow = self.follow and (self.max_depth is None or response.meta.get("depth", 0) < self.max_depth)
        state = state_of(self.crawler) if follow else None  # incremental crawls keep each page's links
        if response.status == 304 and response.meta.get(CONDITIONAL_META):
            # crawler.incremental asked "changed since?": no, the dataset holds the current version,
            # and the links to follow are the ones stored with it
            yield NotModified(url=response.url, requested_url=requested)
            if state is not None:
                stored = state.stored_links(self.url_key(response.url))
                yield from self._follow(url for url in stored if self._links.matches(url))
            return
        if not self._is_html(mime, response.body):
            yield FetchFailure(
                url=requested, reason="not_html", http_status=response.status, detail=mime or "no content type"
            )
            return
        links = [link.url for link in self._links.extract_links(response)] if follow else []
        if state is not None:  # before the page goes down the pipelines, which store them if it is exported
            state.note_links(self.url_key(response.url), links)
        yield PageItem(
            url=response.url,
            body=response.body,
            http_status=response.status,
            content_type=content_type,
            fetched_at=response.meta.get(FETCHED_AT_META) or datetime.now(timezone.utc).isoformat(),
            requested_url=requested,
            source=source,
            depth=response.meta.get("depth", 0),
            **response.meta.get(WARC_META, {}),
        )
        yield from self._follow(links)

    def _follow(self, urls: Iterable[str]) -> Iterator[Request]:
        for url in urls:
            request = self.request_page(url, "follow")
            if request is not None:
                yield request

    def _is_html(self, mime: str, body: bytes) -> bool:
        if mime:
            return mime in self.html_types
        head = body[:512].lstrip().lower()
        return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head

    # --- failures ------------------------------------------------------------
    def on_page_error(self, failure: Failure) -> FetchFailure | None:
        if failure.check(StopRequested):  # the run stopped first: not_fetched when it closes (crawler.resume)
            return None
        return FetchFailure(url=requested_url(failure.request), **classify_failure(failure))

    def on_input_error(self, failure: Failure) -> None:
        if failure.check(StopRequested):
            return
        self._input_error(failure.request.url, classify_failure(failure)["detail"])

    def _input_error(self, url: str, detail: str) -> None:
        """A sitemap or feed that could not be read: one log line, and the manifest's `input_errors`."""
        self.logger.error("Could not read input %s: %s", url, detail)
        self.crawler.stats.inc_value("thresher/input_errors")


def classify_failure(failure: Failure) -> dict[str, Any]:
    """Reason, HTTP status and detail of a failed request, for drops.jsonl."""
    exc = failure.value
    if isinstance(exc, HttpError):
        return {"reason": "http_error", "http_status": exc.response.status, "detail": f"HTTP {exc.response.status}"}
    if isinstance(exc, IgnoreRequest):
        detail = str(exc) or type(exc).__name__
        return {"reason": _ignored_reason(detail), "http_status": None, "detail": detail[:500]}
    if isinstance(exc, (DownloadCancelledError, CancelledError)):  # the downloader cancels over DOWNLOAD_MAXSIZE
        return {"reason": "too_large", "http_status": None, "detail": str(exc) or "larger than DOWNLOAD_MAXSIZE"}
    if isinstance(exc, (DownloadTimeoutError, TxTimeoutError, TimeoutError)):
        return {"reason": "timeout", "http_status": None, "detail": str(exc)}
    return {"reason": "fetch_error", "http_status": None, "detail": f"{type(exc).__name__}: {exc}"[:500]}


def _ignored_reason(detail: str) -> str:
    """The drop reason of a request a downloader middleware ignored, from its message (Scrapy 2.19)."""
    lowered = detail.lower()
    if "robots" in lowered:
        return "robots_txt"
    if "max redirections" in lowered:  # RedirectMiddleware, MetaRefreshMiddleware: REDIRECT_MAX_TIMES
        return "too_many_redirects"
    if "download_maxsize" in lowered:  # HttpCompressionMiddleware: a body that inflates past DOWNLOAD_MAXSIZE
        return "too_large"
    return "ignored"
