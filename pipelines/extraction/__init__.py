"""Pure extraction: (html, url) -> Article. No Scrapy here, so it runs anywhere.

>>> from pipelines.extraction import extract
>>> article = extract(open("page.html", "rb").read(), "https://example.com/post")

The names below are imported on first use: `import pipelines.extraction.cues` (as the
CLI does to list the page types) stays cheap, and the models, LightGBM and pandas load
only when a page is extracted.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: Public name -> the module of this package that defines it.
_EXPORTS = {
    "ARTICLE_SCHEMA": "record",
    "SCHEMA_VERSION": "record",
    "Article": "record",
    "PAGE_TYPES": "cues",
    "BlockLabel": "segment",
    "BlockScorer": "scorer",
    "ExtractionError": "parse",
    "PageTypeClassifier": "pagetype",
    "PromoFinder": "promos",
    "content_hash": "extractor",
    "extract": "extractor",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from .cues import PAGE_TYPES as PAGE_TYPES
    from .extractor import content_hash as content_hash
    from .extractor import extract as extract
    from .pagetype import PageTypeClassifier as PageTypeClassifier
    from .parse import ExtractionError as ExtractionError
    from .promos import PromoFinder as PromoFinder
    from .record import ARTICLE_SCHEMA as ARTICLE_SCHEMA
    from .record import SCHEMA_VERSION as SCHEMA_VERSION
    from .record import Article as Article
    from .scorer import BlockScorer as BlockScorer
    from .segment import BlockLabel as BlockLabel


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
