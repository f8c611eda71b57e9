"""Pure extraction: (html, url) -> Article. No Scrapy here, so it runs anywhere.

>>> from pipelines.extraction import extract
>>> article = extract(open("page.html", "rb").read(), "https://example.com/post")
"""

from __future__ import annotations

import hashlib
import re

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.metadata import extract_metadata

from . import cues
from .blocks import truncate_blocks
from .chunks import join_article_chunks
from .gaps import fill_gaps
from .metadata import read_metadata, to_utc_iso
from .pagetype import classify_page
from .parse import ExtractionError, parse_html
from .record import ARTICLE_SCHEMA, SCHEMA_VERSION, Article
from .render import body_markdown, body_text, fold
from .segment import PRUNE_XPATH, BlockLabel, segment_page
from .units import fields_from_units

__all__ = ["ARTICLE_SCHEMA", "SCHEMA_VERSION", "Article", "BlockLabel", "ExtractionError", "extract"]

_WORD = re.compile(r"\w+")


_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _main_text(tree: HtmlElement, url: str | None):
    """trafilatura's body tree of the page with the labelled units pruned (None if too short)."""
    doc = bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_formatting=True,
        include_links=True,
        include_tables=True,
        prune_xpath=PRUNE_XPATH,
    )
    return doc.body if doc is not None else None


def _drop_headline(main, title: str | None) -> None:
    """The body starts after the headline: remove a first block that repeats the title."""
    if main is None or not title or not len(main):
        return
    first = main[0]
    if fold("".join(first.itertext())).lower() == fold(title).lower():
        main.remove(first)


def content_hash(body: str) -> str:
    return hashlib.sha256(fold(body).encode("utf-8")).hexdigest()


def extract(
    html: str | bytes,
    url: str | None = None,
    *,
    content_type: str | None = None,
    fetched_at: str | None = None,
    http_status: int | None = None,
    run_id: str | None = None,
) -> Article:
    """Extract one page into an `Article`.

    `html` as bytes is decoded from its BOM, `content_type` header, `<meta charset>` or
    by detection. Raises `ExtractionError` when the input is not an HTML page at all.
    """
    tree = parse_html(html, content_type)
    truncate_blocks(tree, cues.MAX_TEXT_BLOCKS)
    meta = read_metadata(tree, extract_metadata(tree, url, _DATE_PARAMS, extensive=False), url)
    segmentation = segment_page(tree, meta.title, meta.authors, meta.site_name or meta.domain, meta.url or url)
    join_article_chunks(tree, segmentation.index, {el for u in segmentation.units for el in u.elements})
    main = _main_text(tree, url)
    _drop_headline(main, meta.title)
    fill_gaps(main, segmentation)
    body = body_text(main)
    words = len(_WORD.findall(body))
    is_article, reason = classify_page(tree, meta, words)
    markdown = body_markdown(main) if is_article else None
    if not is_article:
        body, words = "", 0
    fields = fields_from_units(segmentation, body, meta.title, url, meta.authors)
    return Article(
        url=meta.url or "",
        canonical_url=meta.canonical_url,
        domain=meta.domain,
        title=meta.title,
        authors=meta.authors,
        published=meta.published,
        modified=meta.modified,
        language=meta.language,
        site_name=meta.site_name,
        description=meta.description,
        tags=meta.tags,
        image=meta.image,
        body=body,
        body_markdown=markdown,
        word_count=words,
        is_article=is_article,
        page_type_reason=reason,
        content_hash=content_hash(body),
        **fields,
        fetched_at=to_utc_iso(fetched_at),
        http_status=http_status,
        run_id=run_id,
    )
