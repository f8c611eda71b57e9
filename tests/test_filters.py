"""The filter pipeline: which page types are exported, and every other page's drop reason."""

from __future__ import annotations

import pytest

from pipelines.contracts.outcomes import Drop
from pipelines.extraction import PAGE_TYPES, Article
from pipelines.filters import ArticleFilterPipeline, page_types


def _page(url: str, page_type: str, body: str = "Some body text.") -> Article:
    return Article(url=url, page_type=page_type, is_article=page_type == "article", body=body, content_hash=url)


def test_articles_only_by_default_with_the_type_in_the_drop() -> None:
    pipeline = ArticleFilterPipeline()
    assert pipeline.process_item(_page("https://a.example/post", "article")).url == "https://a.example/post"
    with pytest.raises(Drop) as dropped:
        pipeline.process_item(_page("https://a.example/docs/api", "documentation"))
    assert (dropped.value.stage, dropped.value.reason) == ("filter", "page_type")
    assert dropped.value.detail.startswith("documentation")


def test_other_types_are_kept_when_named() -> None:
    pipeline = ArticleFilterPipeline(["documentation", "forum"])
    assert pipeline.process_item(_page("https://a.example/docs/api", "documentation"))
    assert pipeline.process_item(_page("https://a.example/t/1", "forum"))
    with pytest.raises(Drop):
        pipeline.process_item(_page("https://a.example/post", "article"))


def test_every_type_can_be_kept_and_unknown_types_are_refused() -> None:
    assert page_types(PAGE_TYPES) == frozenset(PAGE_TYPES)
    assert page_types([" Article ", "forum"]) == {"article", "forum"}
    with pytest.raises(ValueError, match="unknown page type blog"):
        page_types(["article", "blog"])
    with pytest.raises(ValueError):
        page_types([])
