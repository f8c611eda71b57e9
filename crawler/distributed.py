"""Distributed crawling: `thresher crawl --redis URL` workers, on any machines, share one frontier.

scrapy-redis is the engine: its scheduler keeps the request queue and the duplicate
filter in Redis, so every worker takes requests from the same queue (`SCHEDULER_PERSIST`:
a worker that leaves does not clear it). What thresher adds, in Redis too, under
`THRESHER_REDIS_PREFIX` (`thresher:articles`):

- `:seen`, one claim per page. The spider sends its page requests with `dont_filter`
  (it dedupes by its own URL key, so that every request is accounted for), which
  scrapy-redis's dupefilter lets through, as it does the start URLs of every worker.
  So the spider claims each page URL key with an atomic `SADD`: whichever worker adds it
  first requests the page; the others skip it. Seeds given to several workers, or
  pushed twice, are crawled once.
- `:seeds`, seeds pushed with `thresher push --redis URL URL...`; an idle worker takes them.
- `:sites`, the sites of all seeds, so a worker follows links on pages it did not seed.
- `:active`, a key that busy workers keep alive: a worker exits once the frontier has been
  empty, and no worker busy, for `THRESHER_REDIS_IDLE_TIMEOUT` seconds (`--idle-timeout`).
- `:leases:<run_id>`, every request a worker took from the queue, until its run's
  outputs are stored; `:alive:<run_id>`, its heartbeat, renewed every beat and expiring
  after `THRESHER_REDIS_LEASE` seconds; `:workers`, the run ids with leases. A worker
  killed by SIGKILL (or out of memory, or cut off) stops beating: once its heartbeat has
  expired, the next worker to beat puts its leased requests back into the queue (one
  worker does: it renames the lease hash first), and they are fetched once, by another
  worker. The killed worker's part file never became a file, so the pages it had
  exported are fetched again too: nothing is lost. A worker whose outputs failed puts its
  own leases back as it ends.

Each worker is a run of its own (run id, part files, manifest) in the shared dataset
directory. A page counts as requested by the worker that takes it from the frontier,
whichever worker claimed it, so each worker's manifest adds up on its own.
A frontier lasts until `thresher push --redis URL --reset` clears it (or use another DB).
"""

from __future__ import annotations

import json
import logging
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from redis.exceptions import RedisError
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured, ScrapyDeprecationWarning
from scrapy_redis.connection import get_redis_from_settings
from scrapy_redis.scheduler import Scheduler
from twisted.internet.task import LoopingCall

from pipelines.accounting import RunAccounting
from pipelines.contracts import is_page_request, site_of

logger = logging.getLogger(__name__)
# scrapy-redis 0.9.1 passes spider= to the stats collector, deprecated since Scrapy 2.15: harmless noise
warnings.filterwarnings("ignore", category=ScrapyDeprecationWarning, module=r"scrapy_redis\.")


@dataclass(frozen=True)
class FrontierKeys:
    """The Redis keys of one crawl's frontier."""

    requests: str
    dupefilter: str
    seen: str
    seeds: str
    sites: str
    active: str
    workers: str = ""  # run ids with leases; leases and heartbeats are `lease(run_id)`, `alive(run_id)`

    def lease(self, run_id: str) -> str:
        return f"{self.workers.removesuffix(':workers')}:leases:{run_id}"

    def alive(self, run_id: str) -> str:
        return f"{self.workers.removesuffix(':workers')}:alive:{run_id}"

    @classmethod
    def from_settings(cls, settings: Any, spider_name: str = "articles") -> FrontierKeys:
        prefix = settings.get("THRESHER_REDIS_PREFIX")
        names = {"spider": spider_name}
        return cls(
            requests=(settings.get("SCHEDULER_QUEUE_KEY") or prefix + ":requests") % names,
            dupefilter=(settings.get("SCHEDULER_DUPEFILTER_KEY") or prefix + ":dupefilter") % names,
            seen=(prefix + ":seen") % names,
            seeds=(prefix + ":seeds") % names,
            sites=(prefix + ":sites") % names,
            active=(prefix + ":active") % names,
            workers=(prefix + ":workers") % names,
        )

    def all(self) -> list[str]:
        return [self.requests, self.dupefilter, self.seen, self.seeds, self.sites, self.active, self.workers]


def redis_server(settings: Any) -> Any:
    """A Redis client for `THRESHER_REDIS_URL` (scrapy-redis's connection settings apply)."""
    return get_redis_from_settings(settings)


def push_seeds(server: Any, keys: FrontierKeys, urls: Iterable[str]) -> int:
    """Queue seeds for the workers; their sites first, so no worker sees a page of an unknown site."""
    urls = list(urls)
    if urls:
        server.sadd(keys.sites, *{site_of(url) for url in urls})
        server.rpush(keys.seeds, *(json.dumps({"url": url}) for url in urls))
    return len(urls)


def reset_frontier(server: Any, keys: FrontierKeys) -> int:
    """Forget the crawl: queue, dupefilter, claims, seeds, sites, leases. Returns the number of keys deleted."""
    workers = [w.decode() if isinstance(w, bytes) else w for w in server.smembers(keys.workers)] if keys.workers else []
    extra = [name for run_id in workers for name in (keys.lease(run_id), keys.alive(run_id))]
    return server.delete(*keys.all(), *extra)


def return_leases(server: Any, keys: FrontierKeys, run_id: str, taker: str) -> int:
    """Put the requests leased by `run_id` back into the queue; 0 if another worker did it first."""
    claimed = f"{keys.lease(run_id)}:returning:{taker}"
    try:
        server.rename(keys.lease(run_id), claimed)  # atomic: one worker returns them
    except RedisError:  # no such key: nothing leased, or returned already
        server.srem(keys.workers, run_id)
        return 0
    leased = server.hgetall(claimed)
    if leased:
        server.zadd(keys.requests, {data: -int(priority) for data, priority in leased.items()})
    server.delete(claimed)
    server.srem(keys.workers, run_id)
    return len(leased)


def use_redis_frontier(settings: Any) -> None:
    """`THRESHER_REDIS_URL=redis://host:port/db` (applied by the add-on): this crawl is a worker of that frontier.

    Sets scrapy-redis's scheduler (thresher's subclass) and dupefilter with persistent,
    prefixed keys; `FrontierWorker` (an extension) does the rest.
    """
    url = settings.get("THRESHER_REDIS_URL")
    if not url:
        return
    priority = settings.getpriority("THRESHER_REDIS_URL") or 0
    prefix = settings.get("THRESHER_REDIS_PREFIX")
    settings.set("REDIS_URL", url, priority=priority)
    settings.set("SCHEDULER", "crawler.distributed.RedisScheduler", priority=priority)
    settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter", priority=priority)
    settings.set("SCHEDULER_PERSIST", True, priority=priority)  # the queue outlives any one worker
    for name, suffix in (("SCHEDULER_QUEUE_KEY", ":requests"), ("SCHEDULER_DUPEFILTER_KEY", ":dupefilter")):
        if not settings.get(name):
            settings.set(name, prefix + suffix, priority=priority)


class RedisScheduler(Scheduler):
    """scrapy-redis's scheduler, where a page counts as requested by the worker that takes it.

    The spider counts a page as requested when it claims it; but any worker may take the
    request from the shared queue and record its outcome. So the count moves with the
    request: -1 when a page request goes into the frontier, +1 when one comes out.
    Retries and redirects make the same round trip.
    """

    @classmethod
    def from_crawler(cls, crawler: Any) -> RedisScheduler:
        scheduler = super().from_crawler(crawler)
        scheduler.accounting = crawler.get_extension(RunAccounting)
        scheduler.run_id = crawler.settings.get("THRESHER_RUN_ID") or "worker"
        scheduler.frontier = FrontierKeys.from_settings(crawler.settings, crawler.spider.name)
        return scheduler

    def enqueue_request(self, request: Any) -> bool:
        added = super().enqueue_request(request)
        if added and self.accounting is not None and is_page_request(request):
            self.accounting.count_requested(-1)
        return added

    def next_request(self) -> Any:
        request = super().next_request()
        if request is not None:
            self._lease(request)
        if request is not None and self.accounting is not None and is_page_request(request):
            self.accounting.count_requested()
        return request

    def _lease(self, request: Any) -> None:
        """Record the request as taken by this worker, until its outputs are stored (FrontierWorker)."""
        try:
            with self.server.pipeline() as pipe:
                pipe.hset(self.frontier.lease(self.run_id), self.queue._encode_request(request), request.priority)
                pipe.sadd(self.frontier.workers, self.run_id)
                pipe.execute()
        except RedisError as exc:
            logger.warning("Could not lease %s in the Redis frontier: %s", request.url, exc)


class FrontierWorker:
    """Scrapy extension for a worker of a Redis frontier: page claims, pushed seeds, sites, idle exit."""

    def __init__(self, crawler: Any, server: Any, keys: FrontierKeys, idle_timeout: float) -> None:
        self.crawler = crawler
        self.server = server
        self.keys = keys
        self.idle_timeout = idle_timeout
        self.batch = max(1, crawler.settings.getint("CONCURRENT_REQUESTS", 16))
        self.sites: set[str] = set()
        self.spider: Any = None
        self.idle_since: float | None = None
        self.downloading = 0  # requests in this worker's downloader
        self.lease_seconds = crawler.settings.getfloat("THRESHER_REDIS_LEASE")
        self.run_id = crawler.settings.get("THRESHER_RUN_ID") or "worker"
        self.beat = LoopingCall(self._beat)

    @classmethod
    def from_crawler(cls, crawler: Any) -> FrontierWorker:
        settings = crawler.settings
        if not settings.get("THRESHER_REDIS_URL"):
            raise NotConfigured
        idle = settings.getfloat("THRESHER_REDIS_IDLE_TIMEOUT")
        worker = cls(crawler, redis_server(settings), FrontierKeys.from_settings(settings, crawler.spider.name), idle)
        crawler.signals.connect(worker.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(worker.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(worker.response_received, signal=signals.response_received)
        crawler.signals.connect(worker.request_reached_downloader, signal=signals.request_reached_downloader)
        crawler.signals.connect(worker.request_left_downloader, signal=signals.request_left_downloader)
        crawler.signals.connect(worker.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(worker.engine_stopped, signal=signals.engine_stopped)
        return worker

    def claim(self, key: str) -> bool:
        """True for the one worker that adds `key` to the crawl's seen set (SADD is atomic)."""
        return self.server.sadd(self.keys.seen, key) == 1

    def spider_opened(self, spider: Any) -> None:
        self.spider = spider
        spider.share_crawl(self.claim)
        own = [*spider.seed_urls, *spider.sitemap_urls, *spider.feed_urls]
        if own:
            self.server.sadd(self.keys.sites, *{site_of(url) for url in own})
        self._refresh_sites()
        self._heartbeat()
        self.beat.start(max(0.2, min(1.0, self.idle_timeout / 3, self.lease_seconds / 3)), now=False)
        logger.info("Worker of the Redis frontier %s (idle timeout %ss)", self.keys.requests, self.idle_timeout)

    def _refresh_sites(self) -> None:
        sites = {site.decode() if isinstance(site, bytes) else site for site in self.server.smembers(self.keys.sites)}
        if sites - self.sites:
            self.sites |= sites
            self.spider.allow_sites(f"http://{site}/" for site in sorted(self.sites))

    def _beat(self) -> None:
        """While this worker is busy, the others wait for the links it may still find; idle, it looks for work.

        Scrapy's engine asks an idle scheduler for requests only at its heartbeat, every
        5 s; so when other workers have filled the frontier, one request is taken and
        handed to the engine, which wakes it up now.
        """
        try:
            self._heartbeat()
            self._return_dead_leases()
            self._look_for_work()
        except RedisError as exc:  # the next beat tries again; a LoopingCall that raises would stop
            logger.warning("Redis frontier %s: %s", self.keys.requests, exc)

    def _heartbeat(self) -> None:
        """Alive for `lease_seconds` more: "busy" while downloading, else "idle"."""
        state = "busy" if self.downloading else "idle"
        self.server.set(self.keys.alive(self.run_id), state, px=max(1, int(self.lease_seconds * 1000)))

    def _return_dead_leases(self) -> int:
        """The leases of workers whose heartbeat expired go back to the queue."""
        returned = 0
        for member in self.server.smembers(self.keys.workers):
            run_id = member.decode() if isinstance(member, bytes) else member
            if run_id == self.run_id or self.server.exists(self.keys.alive(run_id)):
                continue
            count = return_leases(self.server, self.keys, run_id, self.run_id)
            if count:
                logger.warning(
                    "Worker %s stopped beating (no heartbeat for %ss): its %d requests are back in the frontier",
                    run_id,
                    self.lease_seconds,
                    count,
                )
            returned += count
        return returned

    def _waiting_for_leases(self) -> bool:
        """Another worker holds leases and was busy when it last beat: its requests may come back if it dies.

        (An idle worker's leases are of pages it has finished: nobody waits for those.)
        """
        for member in self.server.smembers(self.keys.workers):
            run_id = member.decode() if isinstance(member, bytes) else member
            if run_id != self.run_id and self.server.get(self.keys.alive(run_id)) in (None, b"busy", "busy"):
                return True
        return False

    def _look_for_work(self) -> None:
        engine = self.crawler.engine
        if engine is None or engine.spider is None:
            return
        if self.downloading:  # (not engine.spider_is_idle(): that is False too while the frontier has requests)
            run_id = self.crawler.settings.get("THRESHER_RUN_ID") or "1"
            self.server.set(self.keys.active, run_id, px=int(self.idle_timeout * 1000))
            return
        scheduler = engine.scheduler
        request = scheduler.next_request() if isinstance(scheduler, RedisScheduler) and len(scheduler) else None
        if request is not None:
            engine.crawl(request)  # back into the frontier, and the engine takes from it at once

    def request_reached_downloader(self, request: Any, spider: Any) -> None:
        self.downloading += 1

    def request_left_downloader(self, request: Any, spider: Any) -> None:
        self.downloading = max(0, self.downloading - 1)

    def response_received(self, response: Any, request: Any, spider: Any) -> None:
        self.idle_since = None
        if site_of(response.url) not in self.sites:  # a page of a seed another worker was given
            self._refresh_sites()

    def _take_seeds(self) -> int:
        with self.server.pipeline() as pipe:
            pipe.lrange(self.keys.seeds, 0, self.batch - 1)
            pipe.ltrim(self.keys.seeds, self.batch, -1)
            entries, _ = pipe.execute()
        taken = 0
        for entry in entries:
            text = entry.decode() if isinstance(entry, bytes) else entry
            try:
                url = json.loads(text)["url"] if text.lstrip().startswith("{") else text.strip()
            except (ValueError, KeyError, TypeError):
                logger.warning("Ignoring unreadable seed %r in %s", text, self.keys.seeds)
                continue
            if site_of(url) not in self.sites:
                self._refresh_sites()
            request = self.spider.request_page(url, "seed")  # claims it: a seed pushed twice is fetched once
            if request is not None:
                self.crawler.engine.crawl(request)
                taken += 1
        return taken

    def spider_idle(self, spider: Any) -> None:
        """Stay while seeds arrive or any worker is busy; leave after `idle_timeout` of quiet."""
        if self._take_seeds() or self.server.llen(self.keys.seeds):
            self.idle_since = None
            raise DontCloseSpider
        if self._return_dead_leases() or self._waiting_for_leases():  # a worker's requests may come back
            self.idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since < self.idle_timeout or self.server.exists(self.keys.active):
            raise DontCloseSpider
        logger.info("The frontier stayed empty for %ss: this worker is done", self.idle_timeout)

    def spider_closed(self, spider: Any) -> None:
        if self.beat.running:
            self.beat.stop()

    def engine_stopped(self) -> None:
        """The outputs are stored (or failed): this worker's leases end, or go back to the queue."""
        from pipelines.storage import failed_feeds

        try:
            if failed_feeds(self.crawler.stats.get_stats()):
                count = return_leases(self.server, self.keys, self.run_id, self.run_id)
                logger.warning("An output failed: %d requests of this worker are back in the frontier", count)
            else:
                self.server.delete(self.keys.lease(self.run_id))
                self.server.srem(self.keys.workers, self.run_id)
            self.server.delete(self.keys.alive(self.run_id))
        except RedisError as exc:
            logger.warning("Redis frontier %s: leases of %s not released: %s", self.keys.requests, self.run_id, exc)
