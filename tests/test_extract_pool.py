"""The extraction pool's bound: at most THRESHER_EXTRACT_QUEUE pages are in the pool at once.

The bound is what keeps a fast crawl's memory flat, so it is tested twice: with an executor
that holds every job until the test lets it finish (counting the jobs in the pool at each
step), and with a real crawl of the demo site through a real process pool of two workers
and a queue of one page, which must export the same articles as an unbounded run.
"""

from __future__ import annotations

import asyncio
import gc
import json
import subprocess
import sys
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
from conftest import REPO, slow_routes, subprocess_env

from pipelines.contracts import PageItem
from pipelines.contracts.outcomes import Drop
from pipelines.extract import ExtractionPipeline, process_pool
from pipelines.extraction import Article

EXPECTED = json.loads((REPO / "tests" / "fixtures" / "demo_expected.json").read_text(encoding="utf-8"))


class HeldExecutor(Executor):
    """Runs a job only when the test calls `finish_one`, and counts the jobs submitted and not finished."""

    def __init__(self) -> None:
        self.pending: deque[tuple[Future, Callable[..., Any], tuple[Any, ...]]] = deque()
        self.in_flight = 0
        self.max_in_flight = 0
        self.submitted = 0

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()
        self.pending.append((future, fn, args))
        self.submitted += 1
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        return future

    def finish_one(self) -> None:
        future, fn, args = self.pending.popleft()
        self.in_flight -= 1
        try:
            future.set_result(fn(*args))
        except Exception as exc:  # noqa: BLE001 - the pipeline sees the job's exception, as from a real pool
            future.set_exception(exc)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.pending.clear()


def _page(path: str, body: bytes, content_type: str = "text/html; charset=utf-8") -> PageItem:
    url = "http://127.0.0.1:8000" + path
    return PageItem(url, body, 200, content_type, "2024-07-01T09:00:00+00:00", url, "seed")


def _pages() -> list[PageItem]:
    """Ten distinct articles, and two PDFs among them (extraction fails on those)."""
    items = [_page(path, html.encode()) for path, (_, _, html) in slow_routes(10).items()]
    pdf = b"%PDF-1.4\n\x00\x01binary\n%%EOF\n"
    items.insert(3, _page("/one.pdf", pdf, "application/pdf"))
    items.insert(7, _page("/two.pdf", pdf, "application/pdf"))
    return items


async def _run_held(pipeline: ExtractionPipeline, pool: HeldExecutor, items: list[PageItem]) -> list[Any]:
    """Process every item concurrently, as Scrapy does, finishing one pool job at a time."""
    tasks = [asyncio.create_task(pipeline.process_item(item)) for item in items]
    for _ in range(10_000):
        if all(task.done() for task in tasks):
            break
        for _ in range(5):  # let the waiting items take the slots that are free
            await asyncio.sleep(0)
        assert pool.in_flight <= pipeline.queue, f"{pool.in_flight} pages in the pool, bound {pipeline.queue}"
        if pool.pending:
            pool.finish_one()
    return await asyncio.gather(*tasks, return_exceptions=True)


def test_no_more_than_queue_pages_are_in_the_pool_and_failures_free_their_slot():
    pool = HeldExecutor()
    pipeline = ExtractionPipeline(workers=1, queue=2, pool_factory=lambda workers: pool)
    items = _pages()

    async def main() -> list[Any]:
        pipeline.open_spider()
        try:
            return await _run_held(pipeline, pool, items)
        finally:
            pipeline.close_spider()

    results = asyncio.run(main())

    assert pool.max_in_flight == 2  # the bound was reached, never passed
    assert pool.submitted == len(items)  # every page went through the pool, one after another
    for item, result in zip(items, results, strict=True):
        if item.content_type == "application/pdf":
            assert isinstance(result, Drop) and result.reason == "not_html", result
        else:
            assert isinstance(result, Article), result
            assert result.url == item.url and result.is_article and "harbour" in result.body.lower()


def test_queue_defaults_to_twice_the_workers():
    assert ExtractionPipeline(workers=3).queue == 6
    assert ExtractionPipeline(workers=3, queue=1).queue == 1
    assert ExtractionPipeline(workers=0).queue == 2  # inline extraction never uses it


def test_demo_crawl_through_a_pool_with_a_queue_of_one_page_exports_every_article(tmp_path, demo_port):
    out = tmp_path / "out"
    settings = ["THRESHER_EXTRACT_WORKERS=2", "THRESHER_EXTRACT_QUEUE=1", "AUTOTHROTTLE_ENABLED=False"]
    proc = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "crawl", "--out", str(out), *(f"-s{name}" for name in settings)],
        cwd=REPO,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    (run_dir,) = (out / "runs").iterdir()
    manifest = json.loads((run_dir / "manifest.json").read_text())
    df = pd.read_parquet(out / "articles")
    articles = {path for path, facts in EXPECTED.items() if facts["is_article"] and not path.startswith("/private/")}
    assert sorted(urlsplit(url).path for url in df["url"]) == sorted(articles)
    assert manifest["counts"]["balanced"], manifest["counts"]
    assert "extract_error" not in manifest["counts"]["drop_reasons"], manifest["counts"]


def test_pool_workers_start_with_the_models_loaded_and_frozen():
    """`init_worker` freezes the imports and models, so full collections inside extract() skip them."""
    pool = process_pool(1)
    try:
        assert pool.submit(gc.get_freeze_count).result(timeout=120) > 10_000
    finally:
        pool.shutdown()
