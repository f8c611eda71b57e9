"""A feed storage that runs out of space: `-s FEED_STORAGES=...` makes a real crawl meet a full disk.

Imported by the crawl subprocess (its working directory is the repository), as
`tests.full_disk.FullDiskStorage`. Writes fail with ENOSPC once LIMIT bytes are written.
"""

from __future__ import annotations

import errno
import os
from typing import IO, Any

from pipelines.storage import AtomicFileFeedStorage

LIMIT = 512


class _Full:
    """A file whose writes fail with ENOSPC past LIMIT bytes."""

    def __init__(self, file: IO[bytes]) -> None:
        self._file = file
        self._written = 0

    def write(self, data: Any) -> int:
        self._written += len(data)
        if self._written > LIMIT:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self._file.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


class FullDiskStorage(AtomicFileFeedStorage):
    def open(self, spider: Any) -> Any:
        return _Full(super().open(spider))

    def store(self, file: Any) -> None:
        super().store(file._file if isinstance(file, _Full) else file)

    def discard(self, file: Any) -> None:
        super().discard(file._file if isinstance(file, _Full) else file)
