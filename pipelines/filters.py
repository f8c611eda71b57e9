"""ArticleFilterPipeline: only new, non-empty articles reach the exporters."""

from __future__ import annotations

from typing import Any

from pipelines.contracts.outcomes import Drop
from pipelines.extraction import Article


class ArticleFilterPipeline:
    """Drops non-articles, empty bodies, repeated URLs and repeated bodies, each with a reason.

    `THRESHER_KEEP_NON_ARTICLES = True` exports listing pages too (with `is_article` False).
    """

    def __init__(self, keep_non_articles: bool = False) -> None:
        self.keep_non_articles = keep_non_articles
        self.urls: set[str] = set()
        self.hashes: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler) -> ArticleFilterPipeline:
        return cls(crawler.settings.getbool("THRESHER_KEEP_NON_ARTICLES"))

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        if not item.is_article and not self.keep_non_articles:
            raise Drop("filter", "not_article", item.page_type_reason or "")
        if item.is_article and not item.body.strip():
            raise Drop("filter", "empty_body")
        url = item.canonical_url or item.url
        if url in self.urls:
            raise Drop("filter", "duplicate_url", url)
        if item.is_article and item.content_hash in self.hashes:
            raise Drop("filter", "duplicate_content", item.content_hash)
        self.urls.add(url)
        if item.is_article:
            self.hashes.add(item.content_hash)
        return item
