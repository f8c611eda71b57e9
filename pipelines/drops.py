"""FetchFailurePipeline: the spider's failed fetches become drops, so every failure is accounted for."""

from __future__ import annotations

from typing import Any

from pipelines.contracts import FetchFailure
from pipelines.contracts.outcomes import Drop


class FetchFailurePipeline:
    """Turns the spider's `FetchFailure` items into drops, so every failure is accounted for."""

    def process_item(self, item: Any) -> Any:
        if isinstance(item, FetchFailure):
            raise Drop(item.stage, item.reason, item.detail)
        return item
