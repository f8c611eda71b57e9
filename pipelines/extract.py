"""ExtractionPipeline: PageItem -> Article, in a process pool off the reactor."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any

from crawler.items import PageItem
from pipelines.drops import Drop
from pipelines.extraction import Article, ExtractionError, extract


def extract_page(item: PageItem, run_id: str | None) -> Article:
    """The unit of work shipped to a pool worker (module-level so it pickles)."""
    return extract(
        item.body,
        item.url,
        content_type=item.content_type,
        fetched_at=item.fetched_at,
        http_status=item.http_status,
        run_id=run_id,
    )


class ExtractionPipeline:
    """Runs `pipelines.extraction.extract` on every fetched page.

    Extraction is CPU-bound, so it runs in `THRESHER_EXTRACT_WORKERS` processes
    (0 = in the reactor thread, for debugging; default: one per core). A page that is
    not HTML after all, or that extraction fails on, becomes a drop with its reason.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool: Executor | None = None
        self.run_id: str | None = None

    @classmethod
    def from_crawler(cls, crawler) -> ExtractionPipeline:
        workers = crawler.settings.getint("THRESHER_EXTRACT_WORKERS", -1)
        pipeline = cls((os.cpu_count() or 1) if workers < 0 else workers)
        pipeline.crawler = crawler
        return pipeline

    def open_spider(self) -> None:
        self.run_id = getattr(self.crawler.spider, "run_id", None)
        if self.workers > 0:
            context = multiprocessing.get_context("forkserver")
            self.pool = ProcessPoolExecutor(self.workers, mp_context=context)

    def close_spider(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem):
            return item
        try:
            if self.pool is None:
                return extract_page(item, self.run_id)
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self.pool, extract_page, item, self.run_id)
        except ExtractionError as exc:
            raise Drop("extract", "not_html", str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - one bad page must not end the run
            raise Drop("extract", "extract_error", f"{type(exc).__name__}: {exc}"[:500]) from None
