"""ArticleFilterPipeline: only new, non-empty pages of the wanted types reach the exporters."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pipelines.contracts.outcomes import Drop
from pipelines.extraction import PAGE_TYPES, Article


def page_types(names: Iterable[str]) -> frozenset[str]:
    """The page types to keep, checked: a typo would silently drop every page."""
    wanted = frozenset(name.strip().lower() for name in names if name.strip())
    unknown = sorted(wanted - set(PAGE_TYPES))
    if unknown or not wanted:
        raise ValueError(f"unknown page type {', '.join(unknown) or '(none)'} (choose from {', '.join(PAGE_TYPES)})")
    return wanted


class ArticleFilterPipeline:
    """Drops pages of unwanted types, empty bodies, repeated URLs and repeated bodies, each with a reason.

    `THRESHER_PAGE_TYPES` (default: articles only) names the page types exported.
    """

    def __init__(self, keep: Iterable[str] = ("article",)) -> None:
        self.keep = page_types(keep)
        self.urls: set[str] = set()
        self.hashes: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler) -> ArticleFilterPipeline:
        return cls(crawler.settings.getlist("THRESHER_PAGE_TYPES"))

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        if item.page_type not in self.keep:
            raise Drop("filter", "page_type", f"{item.page_type} ({item.page_type_reason or ''})")
        if not item.body.strip():
            raise Drop("filter", "empty_body")
        url = item.canonical_url or item.url
        if url in self.urls:
            raise Drop("filter", "duplicate_url", url)
        if item.content_hash in self.hashes:
            raise Drop("filter", "duplicate_content", item.content_hash)
        self.urls.add(url)
        self.hashes.add(item.content_hash)
        return item
