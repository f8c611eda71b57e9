"""Resumable crawls: Scrapy's JOBDIR, made safe against kills and honest about what a stop leaves.

With `JOBDIR` (`thresher crawl --job-dir DIR`, or `--resume` for `OUT/jobs/<name>`)
Scrapy keeps the scheduler's queue on disk and pickles `spider.state`, both when the
spider closes. That covers Ctrl-C and SIGTERM, which close the spider gracefully: the
re-run takes the queue back and fetches what was left. A killed run (SIGKILL, out of
memory, power loss) closes nothing: Scrapy's queue on disk is from an earlier run, and
the part files it was writing never became files (`pipelines.storage`), so its exported
records are gone. So `PageLedger` also appends, as the run goes, one line per page
request and per outcome to `DIR/thresher.journal`. A run that finds the last one did not
close (or could not store its outputs) discards Scrapy's stale queue and re-queues from
the journal every page without a durable outcome: pages requested but never answered,
and pages whose records were in the lost part. Drops are durable as soon as they are
written (`drops.jsonl` grows line by line); an export is durable once its run's output
file exists.

Each run of a job is a run of its own (new run id, new part files, its own manifest with
`job.resumed_from`); the seen-URL set lives in `spider.state`, so a page requested by an
earlier run is neither requested nor counted again. A job that finishes clears its
state: the same command with `--resume` (a cron line, say) then starts the next crawl.

Whether or not there is a job dir, a run that stops early records every page request
still queued as a `not_fetched` drop, so its manifest adds up.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from itemadapter import ItemAdapter
from scrapy import Request, signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.job import job_dir

from crawler.warc import warc_path
from pipelines.accounting import RunAccounting
from pipelines.contracts import FetchFailure, is_page_request, requested_url
from pipelines.contracts.outcomes import Drop
from pipelines.storage import failed_feeds

logger = logging.getLogger(__name__)

JOURNAL = "thresher.journal"
#: The scheduler's state in JOBDIR: its disk queue and its dupefilter's fingerprints.
SCRAPY_QUEUE = ("requests.queue", "requests.seen")
SCRAPY_STATE = "spider.state"
#: spider.state key of the job's seen-URL set (the spider's url_key of every page requested).
SEEN = "thresher_seen"
#: Drop stages that settle no page request: an input listing a URL again, a stopped run.
UNSETTLING_STAGES = ("input", "stop")


def job_name(spec: dict[str, Any]) -> str:
    """`articles-<hash>` of the inputs: the same command resumes the same job, another one starts its own."""
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True, default=str).encode()).hexdigest()
    return f"articles-{digest[:12]}"


def outcome_url(item: Any, response: Any) -> str | None:
    """The requested URL an item is the outcome of; None when it settles no page request."""
    if isinstance(item, FetchFailure):
        return None if item.stage in UNSETTLING_STAGES else item.url
    if isinstance(response, Response):
        return requested_url(response)
    adapter = ItemAdapter(item)
    return adapter.get("requested_url") or adapter.get("url")


def local_files(outputs: list[str]) -> list[str]:
    """The feed URIs that are plain local paths (others cannot be checked from here)."""
    paths = [uri.removeprefix("file://") for uri in outputs]
    return [path for path in paths if "%(" not in path and "://" not in path]


@dataclass
class JournalRun:
    run_id: str
    outputs: list[str] = field(default_factory=list)
    closed: bool = False
    queue_complete: bool = False
    reason: str | None = None


class Journal:
    """The job's page requests and outcomes, one JSON object per line, appended as they happen.

    `{"run": id, "outputs": [files]}` a run started; `{"q": key, "url": u, "source": s,
    "depth": d}` a page was requested (first time in the job); `{"x": key, "run": id}`
    exported by that run; `{"d": key}` dropped (or unchanged); `{"closed": id, "reason": r,
    "queue": bool}` the run closed, and Scrapy's queue on disk is complete (`queue`).
    A line cut short by a kill is skipped.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.runs: dict[str, JournalRun] = {}
        self.requested: dict[str, tuple[str, str, int]] = {}  # key -> (url, source, depth)
        self.exported: dict[str, str] = {}  # key -> run id
        self.dropped: set[str] = set()
        self._file: IO[str] | None = None
        if path.exists():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    self._apply(json.loads(line))
                except (ValueError, TypeError, KeyError, AttributeError):
                    continue

    def _apply(self, event: dict[str, Any]) -> None:
        if "q" in event:
            self.requested.setdefault(event["q"], (event["url"], event.get("source", "seed"), event.get("depth", 0)))
        elif "x" in event:
            self.exported[event["x"]] = event["run"]
        elif "d" in event:
            self.dropped.add(event["d"])
        elif "run" in event:
            self.runs[event["run"]] = JournalRun(event["run"], list(event.get("outputs", [])))
        elif "closed" in event and event["closed"] in self.runs:
            run = self.runs[event["closed"]]
            run.closed, run.reason, run.queue_complete = True, event.get("reason"), bool(event.get("queue"))

    # --- reading ---------------------------------------------------------------
    def committed(self, run_id: str) -> bool:
        """Whether the run's exported records are in the dataset: its output files exist."""
        run = self.runs.get(run_id)
        if run is None:
            return False
        files = [Path(path) for path in local_files(run.outputs)]
        return any(path.exists() for path in files) if files else run.closed

    def pending(self) -> dict[str, tuple[str, str, int]]:
        """Pages requested by the job with no durable outcome, in request order."""
        lost = {run_id for run_id in set(self.exported.values()) if not self.committed(run_id)}
        return {
            key: spec
            for key, spec in self.requested.items()
            if key not in self.dropped and (key not in self.exported or self.exported[key] in lost)
        }

    def lost_exports(self) -> dict[str, int]:
        """Run id -> number of exported records that never reached a stored output."""
        counts: dict[str, int] = {}
        for key, run_id in self.exported.items():
            if key not in self.dropped and not self.committed(run_id):
                counts[run_id] = counts.get(run_id, 0) + 1
        return counts

    def scrapy_queue_is_current(self) -> bool:
        """Scrapy's queue on disk holds exactly what the last run left: it closed, and stored its outputs."""
        if not self.runs:
            return True
        last = list(self.runs.values())[-1]
        exported_any = last.run_id in set(self.exported.values())
        return last.closed and last.queue_complete and (not exported_any or self.committed(last.run_id))

    # --- writing ---------------------------------------------------------------
    def _write(self, event: dict[str, Any]) -> None:
        if self._file is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = self.path.open("a", encoding="utf-8", buffering=1)  # a line reaches the OS at once
        self._file.write(json.dumps(event, ensure_ascii=False) + "\n")

    def start_run(self, run_id: str, outputs: list[str]) -> None:
        self.runs[run_id] = JournalRun(run_id, outputs)
        self._write({"run": run_id, "outputs": outputs})

    def request(self, key: str, url: str, source: str, depth: int) -> None:
        if key not in self.requested:
            self.requested[key] = (url, source, depth)
            self._write({"q": key, "url": url, "source": source, "depth": depth})

    def settle(self, key: str, exported_by: str | None) -> None:
        if exported_by is not None:
            self.exported[key] = exported_by
            self._write({"x": key, "run": exported_by})
        else:
            self.dropped.add(key)
            self._write({"d": key})

    def close_run(self, run_id: str, reason: str, queue_complete: bool) -> None:
        self._write({"closed": run_id, "reason": reason, "queue": queue_complete})

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class PageLedger:
    """Scrapy extension: this run's page requests without an outcome, and the job journal.

    Enabled always (it must come before `RunAccounting` in EXTENSIONS, which writes the
    manifest in the same spider_closed signal). Without JOBDIR it only records the pages
    a stopped run leaves queued as `not_fetched`. With JOBDIR it also restores the job's
    seen-URL set into the spider (`share_crawl`), counts the pages carried over from the
    last run as requested by this one, and, after a kill, re-queues them from the journal.
    Not used with the Redis frontier, whose queue outlives any one worker.
    """

    def __init__(self, crawler: Any, journal: Journal | None, jobdir: Path | None) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.journal = journal
        self.jobdir = jobdir
        self.run_id: str | None = None
        self.spider: Any = None
        self.pending: dict[str, str] = {}  # url key -> requested URL
        self.recover = False

    @classmethod
    def from_crawler(cls, crawler: Any) -> PageLedger:
        if crawler.settings.get("THRESHER_REDIS_URL"):
            raise NotConfigured
        path = job_dir(crawler.settings)
        jobdir = Path(path) if path else None
        journal = Journal(jobdir / JOURNAL) if jobdir else None
        ledger = cls(crawler, journal, jobdir)
        if journal is not None and not journal.scrapy_queue_is_current():
            ledger.discard_scrapy_queue()  # now: the scheduler opens it later, with the spider
        for handler, signal in (
            (ledger.spider_opened, signals.spider_opened),
            (ledger.request_scheduled, signals.request_scheduled),
            (ledger.item_scraped, signals.item_scraped),
            (ledger.item_dropped, signals.item_dropped),
            (ledger.item_error, signals.item_error),
            (ledger.spider_error, signals.spider_error),
            (ledger.spider_closed, signals.spider_closed),
            (ledger.engine_stopped, signals.engine_stopped),
        ):
            crawler.signals.connect(handler, signal=signal)
        return ledger

    def discard_scrapy_queue(self) -> None:
        """The last run did not close: Scrapy's queue on disk is stale (the journal re-queues instead)."""
        assert self.jobdir is not None
        logger.warning("The last run of job %s did not finish cleanly: resuming from its journal", self.jobdir)
        for name in SCRAPY_QUEUE:
            path = self.jobdir / name
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
        self.recover = True

    # --- open --------------------------------------------------------------------
    def spider_opened(self, spider: Any) -> None:
        self.spider = spider
        self.run_id = self.crawler.settings.get("THRESHER_RUN_ID")
        if self.journal is None:
            return
        journal = self.journal
        seen: set[str] = spider.state.setdefault(SEEN, set())  # spider.state: loaded by Scrapy's SpiderState
        seen.update(journal.requested)
        carried = journal.pending()
        lost = journal.lost_exports()
        earlier = list(journal.runs)

        def claim(key: str) -> bool:
            if key in seen:
                return False
            seen.add(key)
            return True

        spider.share_crawl(claim, requested=len(seen))  # max_pages bounds the whole job
        self.pending = {key: url for key, (url, _source, _depth) in carried.items()}
        for run_id, count in lost.items():
            logger.warning(
                "Run %s did not store its outputs (killed?): its %d exported records are lost, fetching them again",
                run_id,
                count,
            )
        for run_id, run in journal.runs.items():
            if not journal.committed(run_id):  # its pages are fetched (and archived) again by this run
                self._remove_temp_parts([*run.outputs, *self._warc_outputs(run_id)])
        accounting = self.crawler.get_extension(RunAccounting)
        if accounting is not None:
            accounting.count_requested(len(carried))  # this run takes them over
            accounting.record_job(
                {
                    "dir": str(self.jobdir),
                    "resumed_from": earlier,
                    "carried_over": len(carried),
                    "lost_exports_refetched": sum(lost.values()),
                    "recovered_from_journal": self.recover and bool(earlier),
                }
            )
        if earlier:
            logger.info("Resuming job %s: %d pages carried over from run %s", self.jobdir, len(carried), earlier[-1])
        outputs = [str(uri) for uri in self.crawler.settings.getdict("FEEDS")]
        journal.start_run(self.run_id or "", outputs)
        if self.recover:
            for url, source, depth in carried.values():
                self.crawler.engine.crawl(spider.page_request(url, source, depth))

    def _warc_outputs(self, run_id: str) -> list[str]:
        """The WARC archive a run of this dataset writes (crawler.warc), as an output whose part file to remove."""
        run_dir = self.crawler.settings.get("THRESHER_RUN_DIR")
        return [str(warc_path(Path(run_dir).parent.parent, run_id))] if run_dir else []

    @staticmethod
    def _remove_temp_parts(outputs: list[str]) -> None:
        """The hidden temporary files a killed run was writing (pipelines.storage): never complete."""
        for output in local_files(outputs):
            target = Path(output)
            if target.parent.is_dir():
                for temp in target.parent.glob(f".{target.name}.*.part"):
                    logger.info("Removing %s, the unfinished output of a killed run", temp)
                    temp.unlink(missing_ok=True)

    # --- as the run goes ---------------------------------------------------------
    def request_scheduled(self, request: Request, spider: Any) -> None:
        if not is_page_request(request):
            return
        url = requested_url(request)
        key = spider.url_key(url)
        self.pending.setdefault(key, url)
        if self.journal is not None:
            self.journal.request(key, url, request.cb_kwargs.get("source", "seed"), request.meta.get("depth", 0))

    def _settle(self, url: str | None, exported: bool) -> None:
        if url is None or self.spider is None:
            return
        key = self.spider.url_key(url)
        self.pending.pop(key, None)
        if self.journal is not None:
            self.journal.settle(key, self.run_id if exported else None)

    def item_scraped(self, item: Any, response: Any, spider: Any) -> None:
        self._settle(outcome_url(item, response), exported=True)

    def item_dropped(self, item: Any, response: Any, exception: BaseException, spider: Any) -> None:
        self._settle(outcome_url(item, response), exported=False)

    def item_error(self, item: Any, response: Any, spider: Any, failure: Any) -> None:
        self._settle(outcome_url(item, response), exported=False)

    def spider_error(self, failure: Any, response: Any, spider: Any) -> None:
        if isinstance(response, Response) and is_page_request(response.request):
            self._settle(outcome_url(None, response), exported=False)

    # --- close -------------------------------------------------------------------
    def spider_closed(self, spider: Any, reason: str) -> None:
        """Before RunAccounting writes the manifest: each page still queued becomes a `not_fetched` drop."""
        if self.pending and reason == "finished":
            logger.warning("%d page requests ended without an outcome", len(self.pending))
        elif self.pending:
            detail = (
                "still queued when the run stopped: the next run with this job dir fetches it"
                if self.journal is not None
                else "still queued when the run stopped (no job dir: not resumable)"
            )
            for url in self.pending.values():
                item = FetchFailure(url=url, reason="not_fetched", stage="stop", detail=detail)
                self.crawler.signals.send_catch_log(
                    signal=signals.item_dropped,
                    item=item,
                    response=None,
                    exception=Drop("stop", "not_fetched", detail),
                    spider=spider,
                )
        if self.journal is not None:
            complete = not self.stats.get_value("scheduler/unserializable")
            self.journal.close_run(self.run_id or "", reason, queue_complete=complete)

    def engine_stopped(self) -> None:
        """After the feeds are stored: a job that finished, with its outputs written, is over."""
        if self.journal is None:
            return
        self.journal.close()
        stats = self.stats.get_stats()
        if stats.get("finish_reason") == "finished" and not failed_feeds(stats) and self.jobdir is not None:
            for name in (*SCRAPY_QUEUE, SCRAPY_STATE, JOURNAL):
                path = self.jobdir / name
                if path.is_dir():
                    shutil.rmtree(path, ignore_errors=True)
                elif path.exists():
                    path.unlink()
            logger.info("Job %s finished: its state is cleared, the next run starts a new crawl", self.jobdir)
