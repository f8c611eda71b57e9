"""ProgressDisplay: a live line on the terminal while a crawl runs (the CLI enables it on a TTY)."""

from __future__ import annotations

import time

from rich.console import Console
from rich.live import Live
from rich.text import Text
from scrapy import signals


class ProgressDisplay:
    def __init__(self, stats) -> None:
        self.stats = stats
        self.started = time.monotonic()
        self.live = Live(get_renderable=self.render, console=Console(stderr=True), refresh_per_second=4, transient=True)

    @classmethod
    def from_crawler(cls, crawler) -> ProgressDisplay:
        ext = cls(crawler.stats)
        crawler.signals.connect(ext.live.start, signal=signals.spider_opened)
        crawler.signals.connect(ext.stop, signal=signals.spider_closed)
        return ext

    def stop(self) -> None:
        self.live.stop()

    def render(self) -> Text:
        get = self.stats.get_value
        elapsed = max(time.monotonic() - self.started, 1e-6)
        read = get("thresher/warc/read", 0)  # reextract / extract-warc: records read, nothing fetched
        fetched = read or get("downloader/response_count", 0)
        dropped = sum(v for k, v in self.stats.get_stats().items() if k.startswith("thresher/dropped/"))
        return Text.assemble(
            ("thresher ", "bold"),
            f"{'read' if read else 'fetched'} {fetched}  ",
            ("written ", "green"),
            f"{get('thresher/exported', 0)}  ",
            ("dropped ", "yellow"),
            f"{dropped}  ",
            f"{fetched / elapsed:.1f} pages/s  {elapsed:.0f}s",
        )
