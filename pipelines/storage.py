"""AtomicFileFeedStorage: a feed file appears only when complete.

Scrapy's FileFeedStorage writes straight into the target, so an interrupted run leaves a
half-written file (fatal for Parquet, whose footer comes last). This storage writes to a
hidden temporary file beside the target and renames it into place in `store()`: a reader
sees the previous complete file or the new complete one, never a partial one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import IO, Any

from scrapy.extensions.feedexport import FileFeedStorage


class AtomicFileFeedStorage(FileFeedStorage):
    def __init__(self, uri: str, *, feed_options: dict[str, Any] | None = None) -> None:
        super().__init__(uri, feed_options=feed_options)
        self._temp_path: str | None = None

    def open(self, spider: Any) -> IO[bytes]:
        target = Path(self.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, self._temp_path = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
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
