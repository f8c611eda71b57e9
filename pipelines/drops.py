"""A dropped item with a machine-readable stage and reason, and the pipeline for failed fetches."""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import DropItem

from crawler.items import FetchFailure


class Drop(DropItem):
    """DropItem carrying where (`stage`) and why (`reason`) the URL left the run."""

    def __init__(self, stage: str, reason: str, detail: str = "") -> None:
        super().__init__(f"{stage}/{reason}" + (f": {detail}" if detail else ""), log_level="INFO")
        self.stage = stage
        self.reason = reason
        self.detail = detail


class FetchFailurePipeline:
    """Turns the spider's `FetchFailure` items into drops, so every failure is accounted for."""

    def process_item(self, item: Any) -> Any:
        if isinstance(item, FetchFailure):
            raise Drop(item.stage, item.reason, item.detail)
        return item
