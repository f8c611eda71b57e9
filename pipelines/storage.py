"""Files that appear only when complete: the feed storage, the run's JSON files, and failed feeds.

Scrapy's FileFeedStorage writes straight into the target, so an interrupted run leaves a
half-written file (fatal for Parquet, whose footer comes last). `AtomicFileFeedStorage`
writes to a hidden temporary file beside the target (`.NAME.*.part`, see `temp_beside`)
and renames it into place in `store()`: a reader sees the previous complete file or the
new complete one, never a partial one. `write_json_atomic` does the same for the run's
manifest.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from scrapy.extensions.feedexport import FileFeedStorage


def temp_beside(target: Path) -> tuple[int, str]:
    """(fd, path) of a new hidden temporary file beside `target`, to be renamed onto it when complete."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON so that readers see the old file or the new one, never a partial one."""
    fd, temp = temp_beside(path)
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        json.dump(data, file, indent=2, ensure_ascii=False, default=str)
        file.write("\n")
    os.replace(temp, path)


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
            self._temp_path = None
