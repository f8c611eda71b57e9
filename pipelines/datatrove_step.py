"""thresher as a datatrove step: `WarcReader -> ThresherExtractor -> writer` on any datatrove executor.

datatrove (Hugging Face's pipeline library, FineWeb's) runs a pipeline of steps over
shards of the input on one machine (`LocalPipelineExecutor`), on Slurm
(`SlurmPipelineExecutor`) or on Ray (`RayPipelineExecutor`). `ThresherExtractor` is one
step: each Document's text (the HTML, as datatrove's `WarcReader` gives it) goes through
`pipelines.extraction.extract`; the document's text becomes the record's `body` and every
other field of the record (docs/schema.md) goes into its metadata, beside the reader's
(`url`, `date`, and the WARC record id as the document id). Pages of types not wanted
(`page_types`, default articles, as `THRESHER_PAGE_TYPES`) and empty bodies are dropped,
counted in the step's stats by reason (`dropped_page_type`, `dropped_empty_body`,
`dropped_not_html`, `dropped_extract_error`), as a crawl's drops are.

Not the same as a crawl: duplicates (URLs, bodies) are not dropped across tasks (each task
sees its shard only: use datatrove's dedup steps), and datatrove's WarcReader keeps no HTTP
status, so a non-200 HTML response is extracted like a 200 one (`thresher extract-warc`
drops them as `http_error`). Needs `pip install 'thresher[datatrove]'`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from datatrove.pipeline.base import PipelineStep

from pipelines.contracts.defaults import THRESHER_PAGE_TYPES


class ThresherExtractor(PipelineStep):
    """HTML documents in, thresher records out: text = body, metadata = the record's other fields."""

    name = "thresher"
    type = "🛢 - EXTRAC"

    def __init__(self, page_types: Iterable[str] = THRESHER_PAGE_TYPES, run_id: str | None = None) -> None:
        super().__init__()
        self.page_types = frozenset(page_types)
        self.run_id = run_id

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Any:
        from pipelines.extraction import ExtractionError, extract

        for document in data:
            self.stat_update("total")
            metadata = document.metadata
            with self.track_time():
                try:
                    article = extract(
                        document.text,
                        metadata.get("url"),
                        content_type="text/html",
                        fetched_at=metadata.get("date"),
                        run_id=self.run_id,
                    )
                except ExtractionError:
                    self.stat_update("dropped_not_html")
                    continue
                except Exception:  # noqa: BLE001 - one bad page must not end the task
                    self.stat_update("dropped_extract_error")
                    continue
            if article.page_type not in self.page_types:
                self.stat_update("dropped_page_type")
                continue
            if not article.body.strip():
                self.stat_update("dropped_empty_body")
                continue
            record = article.to_dict()
            document.text = record.pop("body")
            metadata.update(record)
            self.stat_update("forwarded")
            yield document
