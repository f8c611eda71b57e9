"""Files that appear only when complete: the feed storage, the run's JSON files, and failed feeds.

Scrapy's FileFeedStorage writes straight into the target, so an interrupted run leaves a
half-written file (fatal for Parquet, whose footer comes last). `AtomicFileFeedStorage`
writes to a hidden temporary file beside the target (`.NAME.*.part`, see `temp_beside`)
and renames it into place in `store()`: a reader sees the previous complete file or the
new complete one, never a partial one. `write_json_atomic` does the same for the run's
manifest.

Files are created with the mode the process's umask gives a new file (0644 under umask
022), as `open()` would, not mkstemp's 0600: a dataset written by a cron account is
readable by the notebook's user. A run removes its own part files on every exit it
survives (`discard_parts`); `thresher runs --prune` removes those a killed run left.

`CheckedFeedExporter` replaces Scrapy's FeedExporter: every output is opened (and its
exporter started) when the spider opens, so a bad codec or an unwritable path stops the
run before the first fetch, and any later failure of an output (exporting an item,
finishing, storing) is counted in `feedexport/failed_count/*`, named in
`thresher/failed_outputs` and closes the spider with reason `output_error`. Scrapy's own
exporter logs a failed item and carries on (the run reported success with an empty file).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from scrapy import signals
from scrapy.extensions.feedexport import FeedExporter, FileFeedStorage, apply_uri_params
from scrapy.utils.defer import deferred_from_coro, ensure_awaitable

logger = logging.getLogger(__name__)

#: Part files this process has open and not yet renamed: removed by `discard_parts` on exit.
OPEN_PARTS: set[str] = set()
PART_SUFFIX = ".part"


def current_umask() -> int:
    """The process's umask, read without changing it where Linux tells (/proc), else set and restored."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def temp_beside(target: Path) -> tuple[int, str]:
    """(fd, path) of a new hidden temporary file beside `target`, to be renamed onto it when complete.

    Its mode is what the umask gives a new file (mkstemp's is always 0600).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, path = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=PART_SUFFIX)
    os.fchmod(fd, 0o666 & ~current_umask())
    return fd, path


def discard_parts() -> list[str]:
    """Remove the part files this process opened and never stored (a failed or stopped output)."""
    removed = []
    for path in sorted(OPEN_PARTS):
        try:
            os.unlink(path)
            removed.append(path)
        except FileNotFoundError:
            pass
        except OSError as exc:
            logger.warning("Cannot remove the part file %s: %s", path, exc)
    OPEN_PARTS.clear()
    return removed


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON so that readers see the old file or the new one, never a partial one."""
    fd, temp = temp_beside(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(data, file, indent=2, ensure_ascii=False, default=str)
            file.write("\n")
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def failed_feeds(stats: Mapping[str, Any]) -> int:
    """How many feeds could not be stored, from a crawl's Scrapy stats (`feedexport/failed_count/*`)."""
    return sum(value for name, value in stats.items() if name.startswith("feedexport/failed_count"))


class AtomicFileFeedStorage(FileFeedStorage):
    def __init__(self, uri: str, *, feed_options: dict[str, Any] | None = None) -> None:
        super().__init__(uri, feed_options=feed_options)
        self._temp_path: str | None = None

    def open(self, spider: Any) -> IO[bytes]:
        target = Path(self.path)
        fd, self._temp_path = temp_beside(target)
        OPEN_PARTS.add(self._temp_path)
        file = os.fdopen(fd, "w+b")
        if self.write_mode == "ab" and target.exists():  # -o appends: start from the current content
            with target.open("rb") as current:
                shutil.copyfileobj(current, file)
        return file

    def store(self, file: IO[bytes]) -> None:
        file.flush()
        os.fsync(file.fileno())
        file.close()
        if self._temp_path is not None:
            os.replace(self._temp_path, self.path)
            OPEN_PARTS.discard(self._temp_path)
            self._temp_path = None

    def discard(self, file: IO[bytes] | None) -> None:
        """The output is not stored (it failed, or stays empty): close and remove its part file."""
        if file is not None and not file.closed:
            with contextlib.suppress(Exception):  # a file that failed may fail to close too
                file.close()
        if self._temp_path is not None:
            Path(self._temp_path).unlink(missing_ok=True)
            OPEN_PARTS.discard(self._temp_path)
            self._temp_path = None


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}" + (f": {exc.filename}" if exc.filename else "")
    return f"{type(exc).__name__}: {exc}"[:300]


class CheckedFeedExporter(FeedExporter):
    """Scrapy's FeedExporter, where an output that cannot be written fails the run.

    - every output is opened when the spider opens, before the first fetch;
    - a failure (open, export, finish, store) is logged with its output, counted in
      `feedexport/failed_count/<storage>`, listed in the `thresher/failed_outputs` stat
      ("URI: reason") and closes the spider (reason `output_error`): fetching on would
      only produce records with nowhere to go;
    - a failed or empty-and-not-stored output leaves no part file.

    Feed batches (`batch_item_count`) work as in Scrapy.
    """

    def open_spider(self, spider: Any) -> None:
        super().open_spider(spider)
        for slot in self.slots:
            self._guard(slot, slot.start_exporting, spider)

    def item_scraped(self, item: Any, spider: Any) -> None:
        batches = []
        for slot in self.slots:
            if getattr(slot, "thresher_failed", False) or not slot.filter.accepts(item):
                batches.append(slot)
                continue

            def export(slot: Any = slot) -> None:
                slot.start_exporting()
                slot.exporter.export_item(item)

            if not self._guard(slot, export, spider):
                batches.append(slot)
                continue
            slot.itemcount += 1
            batch_size = self.feeds[slot.uri_template]["batch_item_count"]
            if batch_size and slot.itemcount >= batch_size:
                params = self._get_uri_params(spider, self.feeds[slot.uri_template]["uri_params"], slot)
                self._schedule_slot_close(slot, spider)
                batches.append(
                    self._start_new_batch(
                        batch_id=slot.batch_id + 1,
                        uri=apply_uri_params(slot.uri_template, params),
                        feed_options=self.feeds[slot.uri_template],
                        spider=spider,
                        uri_template=slot.uri_template,
                    )
                )
            else:
                batches.append(slot)
        self.slots = batches

    async def _close_slot(self, slot: Any, spider: Any) -> None:
        if getattr(slot, "thresher_failed", False):
            self._discard(slot)
            return
        if not slot.itemcount and not (slot.store_empty and slot.batch_id == 1):
            self._discard(slot)  # opened early, never stored: no file at all
            return
        if not self._guard(slot, slot.start_exporting, spider) or not self._guard(slot, slot.finish_exporting, spider):
            self._discard(slot)
            return
        try:
            await ensure_awaitable(slot.storage.store(self._get_file(slot)))
        except Exception as exc:  # noqa: BLE001 - any storage failure is this output's failure
            self._failed(slot, exc, spider)
            self._discard(slot)
        else:
            logger.info("Stored %s feed (%d items) in: %s", slot.format, slot.itemcount, slot.uri)
            self.crawler.stats.inc_value(f"feedexport/success_count/{type(slot.storage).__name__}")
        await self.crawler.signals.send_catch_log_async(signals.feed_slot_closed, slot=slot)

    # --- failures -------------------------------------------------------------------
    def _guard(self, slot: Any, action: Any, spider: Any) -> bool:
        """Run `action`; on an exception, the slot has failed (returns False)."""
        if getattr(slot, "thresher_failed", False):
            return False
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - an exporter may raise anything (pyarrow's errors, OSError)
            self._failed(slot, exc, spider)
            return False
        return True

    def _failed(self, slot: Any, exc: BaseException, spider: Any) -> None:
        slot.thresher_failed = True
        stats = self.crawler.stats
        reason = _describe(exc)
        logger.error("Output %s cannot be written: %s", slot.uri, reason, exc_info=exc)
        stats.inc_value(f"feedexport/failed_count/{type(slot.storage).__name__}")
        stats.set_value(
            "thresher/failed_outputs", [*stats.get_value("thresher/failed_outputs", []), f"{slot.uri}: {reason}"]
        )
        self._close_spider()

    def _close_spider(self) -> None:
        engine = self.crawler.engine
        if engine is None or getattr(self, "_closing", False):
            return
        self._closing = True
        from twisted.internet import reactor

        def close() -> None:
            if engine.spider is not None and engine._slot is not None and engine._slot.closing is None:
                deferred_from_coro(engine.close_spider_async(reason="output_error"))

        reactor.callLater(0, close)

    @staticmethod
    def _discard(slot: Any) -> None:
        discard = getattr(slot.storage, "discard", None)
        if discard is not None:
            discard(slot.file)
