"""How an item leaves a run without being exported: dropped, or found unchanged.

Both are Scrapy `DropItem`s, so an item pipeline raises them and every listener of
`item_dropped` hears of them; they are siblings, not one a kind of the other:
`RunAccounting` counts a `Drop` in `drops.jsonl` and an `Unchanged` in `unchanged.jsonl`
(requested = exported + dropped + unchanged).
"""

from __future__ import annotations

from scrapy.exceptions import DropItem


class Outcome(DropItem):
    """An item that is not exported, with where (`stage`) and why (`reason`)."""

    def __init__(self, stage: str, reason: str, detail: str = "") -> None:
        super().__init__(f"{stage}/{reason}" + (f": {detail}" if detail else ""), log_level="INFO")
        self.stage = stage
        self.reason = reason
        self.detail = detail


class Drop(Outcome):
    """The URL left the run without a record: one line of drops.jsonl."""


class Unchanged(Outcome):
    """The dataset already holds this version of the page: not exported, counted as `unchanged`."""
