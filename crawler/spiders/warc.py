"""The `warc` spider: pages from WARC files instead of the network (`thresher reextract`, `thresher extract-warc`).

It requests nothing. Its `start()` reads each WARC file in turn (`crawler.warc.warc_pages`)
and yields one item per `response` or `revisit` record: a `PageItem` for an HTML 200
response, with the archive's URL, headers, body and `WARC-Date` as `fetched_at`; a
`FetchFailure` (a drop with its reason) for anything else. Each record is counted as a
requested URL, so the run's manifest balances as archived = exported + dropped. The
items go down thresher's item pipelines (extraction in the process pool, the filters),
and out through the same feed exporters, storage and accounting as a crawl's.

Spider arguments: `files` (WARC paths, comma-separated or a list), `dataset` (the
dataset directory the paths are relative to, for `warc_file`), `run_id`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from functools import cached_property
from pathlib import Path
from typing import Any

from scrapy import Spider

from crawler.runid import new_run_id
from crawler.warc import warc_pages
from pipelines.accounting import RunAccounting
from pipelines.contracts import url_key


class WarcSpider(Spider):
    name = "warc"

    def __init__(
        self,
        files: str | Iterable[str] | None = None,
        dataset: str | None = None,
        run_id: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        names = files.split(",") if isinstance(files, str) else list(files or [])
        self.warc_files = [Path(name.strip()) for name in names if str(name).strip()]
        self.dataset = Path(dataset) if dataset else None
        self.run_id = run_id or new_run_id()
        #: The manifest's `source` (pipelines.accounting): what this run read instead of the network.
        self.manifest_source: dict[str, Any] = {
            "warc_files": [str(path) for path in self.warc_files],
            # the runs that fetched the pages, for a dataset's own archives (warc/<run_id>.warc.gz)
            "runs": [
                path.name.removesuffix(".warc.gz")
                for path in self.warc_files
                if path.parent.name == "warc" and path.name.endswith(".warc.gz")
            ],
        }

    def url_key(self, url: str) -> str:
        """Identity of a page URL, as the `articles` spider's (the page ledger settles outcomes by it)."""
        return url_key(url, self.crawler.settings.getlist("THRESHER_TRACKING_QUERY_PARAMS"))

    @cached_property
    def _accounting(self) -> RunAccounting | None:
        return self.crawler.get_extension(RunAccounting)

    def _relative(self, path: Path) -> str:
        """`warc_file` of the records: relative to the dataset directory when the file is in it, else absolute."""
        resolved = path.resolve()
        if self.dataset is not None and resolved.is_relative_to(self.dataset.resolve()):
            return str(resolved.relative_to(self.dataset.resolve()))
        return str(resolved)

    async def start(self) -> AsyncIterator[Any]:
        html_types = tuple(self.crawler.settings.getlist("THRESHER_HTML_CONTENT_TYPES"))
        for path in self.warc_files:
            for item in warc_pages(path, html_types, self._relative(path)):
                if self._accounting is not None:
                    self._accounting.count_requested()
                self.crawler.stats.inc_value("thresher/warc/read")  # the progress line's "read" count
                yield item
