"""One writer per dataset: a crawl holds a lock on its `--out` directory (and on its job dir).

Two crawls into one dataset would both export the same pages (the incremental state is
saved at the end of each run, so neither sees the other's) and two runs of one job
would take the same queue. So a crawl takes an exclusive `flock` on `DIR/.thresher.lock`
before it starts and holds it until its process ends; a second crawl into DIR fails at
once (exit 1) and says which run holds it (run id, pid, start time, written in the file).
The kernel releases the lock when the process dies, however it dies: a killed run never
leaves a stale lock behind.

Redis workers of one frontier share their `--out` by design (the frontier never gives a
page to two workers): they take the lock shared, so they run side by side, while a
plain crawl (or `thresher runs --prune`) into the same directory is refused.

The CLI takes the locks before Scrapy starts (to fail in one line); `DatasetLock`, an
extension of the add-on, takes them for `scrapy crawl -s THRESHER_OUT=DIR` and scrapyd
jobs (a lock this process holds already is not taken again).
"""

from __future__ import annotations

import fcntl
import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from scrapy.exceptions import NotConfigured

LOCK_NAME = ".thresher.lock"

#: Locks this process holds: resolved directory -> open file descriptor.
_HELD: dict[str, int] = {}


class Busy(Exception):
    """Another run holds the directory; the message names it."""


def _holder(path: Path) -> str:
    try:
        holder = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        holder = {}
    if not holder.get("run_id"):
        return "another run"
    return f"run {holder['run_id']} (pid {holder.get('pid')}, started {holder.get('started_at', '?')[:19]}Z)"


def acquire(directory: Path | str, run_id: str | None, shared: bool = False, what: str = "dataset") -> None:
    """Lock `directory` for this process until it exits; `Busy` if another run holds it."""
    directory = Path(directory)
    key = str(directory.resolve())
    if key in _HELD:
        return
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise Busy(f"{what} {directory} is in use by {_holder(path)}; wait for it to finish") from None
    holder = {
        "run_id": run_id,
        "pid": os.getpid(),
        "started_at": datetime.now(timezone.utc).isoformat(),
        "shared": shared,
    }
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(holder).encode(), 0)
    os.set_inheritable(fd, False)  # the extraction pool's processes must not keep it
    _HELD[key] = fd


def held(directory: Path | str) -> bool:
    return str(Path(directory).resolve()) in _HELD


class DatasetLock:
    """Extension: the crawl's dataset (THRESHER_OUT, or the parent of THRESHER_STATE_PATH) and JOBDIR are locked.

    Taken when the crawler is built, so a busy dataset stops the crawl before it opens.
    """

    def __init__(self, crawler: Any) -> None:
        settings = crawler.settings
        run_id = settings.get("THRESHER_RUN_ID")
        out = settings.get("THRESHER_OUT")
        if not out and settings.get("THRESHER_STATE_PATH"):
            out = str(Path(settings.get("THRESHER_STATE_PATH")).parent)
        jobdir = settings.get("JOBDIR")
        if not out and not jobdir:
            raise NotConfigured("no dataset directory or job dir to lock")
        if out:
            acquire(out, run_id, shared=bool(settings.get("THRESHER_REDIS_URL")))
        if jobdir:
            acquire(jobdir, run_id, what="job dir")

    @classmethod
    def from_crawler(cls, crawler: Any) -> DatasetLock:
        return cls(crawler)
