"""Ctrl-C and SIGTERM as a person at a terminal (and a scheduler) expects them.

Scrapy's CrawlerProcess stops gracefully on the first signal: it logs a line to the log
file (nobody sees it without -v), keeps downloading every request already handed to the
downloader (a dozen pages more, seconds of a progress line still counting), and a second
signal stops the reactor at once: no spider_closed, no feed stored, every page extracted
so far lost ("status unknown"). `StoppingCrawlerProcess`, used by `thresher crawl`:

- first Ctrl-C/SIGTERM: one line on stderr ("stopping: finishing N pages in flight;
  press Ctrl-C again to stop now"); the engine takes no more requests and the
  downloader gives back those not yet sent (crawler.downloader.PoliteDownloader.drain),
  so the stop takes as long as the pages in flight. They, and the rest of the queue,
  become `not_fetched` (kept in a job dir's queue for the next run);
- second: "stopping now": the downloads in flight are cancelled too, but the run still
  closes: what was extracted is written, the run is `shutdown`, the rest `not_fetched`;
- a third: Scrapy's immediate stop (only then may a part file be lost; `--resume` recovers).

The progress line is stopped before any of these lines is printed, so they never mix.
"""

from __future__ import annotations

import signal
import sys
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.utils.ossignal import install_shutdown_handlers


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


class StoppingCrawlerProcess(CrawlerProcess):
    def _signal_shutdown(self, signum: int, _: Any) -> None:
        from twisted.internet import reactor

        install_shutdown_handlers(self._signal_stop_now)
        reactor.callFromThread(self._stop_gracefully, signum)

    def _signal_stop_now(self, signum: int, _: Any) -> None:
        from twisted.internet import reactor

        install_shutdown_handlers(self._signal_kill)
        reactor.callFromThread(self._stop_now)

    # --- in the reactor thread -----------------------------------------------------------
    def _quiet_progress(self) -> None:
        from crawler.progress import ProgressDisplay

        for crawler in self.crawlers:
            display = crawler.get_extension(ProgressDisplay) if crawler.engine is not None else None
            if display is not None:
                display.stop()

    def _downloaders(self) -> list[Any]:
        return [
            crawler.engine.downloader
            for crawler in self.crawlers
            if crawler.engine is not None and hasattr(crawler.engine.downloader, "drain")
        ]

    def _stop_gracefully(self, signum: int) -> None:
        self._quiet_progress()
        for crawler in self.crawlers:
            if crawler.engine is not None and crawler.engine.running:
                crawler.engine.pause()  # no more requests from the queue
        in_flight = 0
        for downloader in self._downloaders():
            downloader.drain()
            in_flight += downloader.in_flight()
        name = signal.Signals(signum).name if signum in signal.Signals.__members__.values() else str(signum)
        _say(
            f"thresher crawl: {name}: stopping: finishing {in_flight} page{'s' if in_flight != 1 else ''} in flight; "
            "press Ctrl-C again to stop now"
        )
        self._graceful_stop_reactor()

    def _stop_now(self) -> None:
        self._quiet_progress()
        cancelled = sum(downloader.cancel_transfers() + downloader.drain() for downloader in self._downloaders())
        _say(
            f"thresher crawl: stopping now: {cancelled} download{'s' if cancelled != 1 else ''} cancelled; "
            "what was extracted is written (press Ctrl-C again to kill)"
        )
