"""Log lines a person can read: one line per dropped page (URL, stage, reason), never a page body.

Scrapy's LogFormatter logs a dropped item with the whole item under the message: for a
page, its HTML (282 KB of crawl.log for the 28-page demo, more than the dataset for a
bigger crawl). thresher's drops are already listed in full in `drops.jsonl`; the log gets
one line each. Items that fail in a pipeline, and scraped items (at DEBUG), are named by
their URL too. The add-on sets it as `LOG_FORMATTER` unless the project has its own.
"""

from __future__ import annotations

import logging
from typing import Any

from itemadapter import ItemAdapter
from scrapy.logformatter import LogFormatter

#: At most this much of a drop's detail goes into its line.
DETAIL_CHARS = 200


def _url(item: Any) -> str:
    try:
        adapter = ItemAdapter(item)
        return str(adapter.get("requested_url") or adapter.get("url") or type(item).__name__)
    except TypeError:  # not an item class ItemAdapter knows
        return type(item).__name__


def _one_line(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= DETAIL_CHARS else text[: DETAIL_CHARS - 1] + "…"


class ThresherLogFormatter(LogFormatter):
    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Any) -> dict[str, Any]:
        level = super().dropped(item, exception, response, spider)["level"]
        stage = getattr(exception, "stage", "pipeline")
        reason = getattr(exception, "reason", type(exception).__name__)
        detail = getattr(exception, "detail", None)
        detail = _one_line(str(exception) if detail is None else detail)
        return {
            "level": level,
            "msg": "Dropped %(url)s: %(stage)s/%(reason)s%(detail)s",
            "args": {"url": _url(item), "stage": stage, "reason": reason, "detail": f" ({detail})" if detail else ""},
        }

    def item_error(self, item: Any, exception: BaseException, response: Any, spider: Any) -> dict[str, Any]:
        return {"level": logging.ERROR, "msg": "Error processing %(url)s", "args": {"url": _url(item)}}

    def scraped(self, item: Any, response: Any, spider: Any) -> dict[str, Any]:
        result = super().scraped(item, response, spider)
        return {"level": result["level"], "msg": "Scraped %(url)s", "args": {"url": _url(item)}}
