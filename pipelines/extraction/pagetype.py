"""What kind of page this is: article, forum, product, collection, listing, documentation or service.

A small LightGBM classifier over page-level facts: the schema.org types and og:type the page
declares, the words of its URL path, its shape (headings, teasers, prices, forms, code, repeated
cards) and how much of it the block scorer reads as body. Trained with the block scorer by
`training/train.py` on WCXB's seven types. The page type never empties the body: every page
gets one; the crawl decides which types to keep.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from . import cues
from .modelfile import check_features, read_model_file, write_model_file
from .page import AnalysedPage
from .pagefeatures import PAGE_FEATURE_NAMES
from .predict import MeanPredictions, ModelText, TreeModel
from .urls import split_url

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from importlib.resources.abc import Traversable


DEFAULT_MODEL_PATH = Path(__file__).with_name("models") / "pagetype.json"
_FORMAT = "thresher-page-type/1"
_LISTING_PATH = re.compile(cues.LISTING_PATH_PATTERN, re.IGNORECASE)


class PageTypeClassifier:
    """The seven-way page type from `page_features`, leaning towards article when in doubt.

    The classifier may be several boosters trained alike but for their seed, their probabilities
    averaged: one model's choice near the article floor moves with its seed (which of the ~8
    least article-like articles it keeps); a mean is steadier.
    """

    def __init__(self, models: Sequence[ModelText]) -> None:
        """`TreeModel`s or trained `lightgbm.Booster`s (read through their text)."""
        if not models:
            raise ValueError("a page-type classifier needs at least one model")
        self.models = [TreeModel.of(model) for model in models]
        for model in self.models:
            check_features(model, PAGE_FEATURE_NAMES, "page-type model")
        self._predict = MeanPredictions(self.models)

    @classmethod
    def load(cls, path: str | Path | Traversable) -> PageTypeClassifier:
        return cls([TreeModel(text) for text in read_model_file(path, _FORMAT)["models"]])

    def save(self, path: str | Path) -> None:
        write_model_file(path, _FORMAT, models=[model.model_to_string() for model in self.models])

    def predict(self, matrix: np.ndarray) -> np.ndarray:
        """The seven probabilities of each row (a page's `page_features`), the mean of the boosters'."""
        return self._predict(matrix)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """The seven probabilities for one page."""
        return self.predict(features.reshape(1, -1))[0]

    def classify(self, features: np.ndarray | Callable[[], np.ndarray], declared: str | None = None) -> tuple[str, str]:
        """(page type, reason). `declared` is what `declared_type` says of the page; `features` are its
        `page_features`, or a function giving them.

        What the page declares decides between article and not: a page declaring an article is one,
        and its features are not read (a function for them is not called: on a news page they cost
        about a tenth of the extraction, to say what the declaration says). Otherwise the article
        probability must reach the floor; the type of a page that is not an article is the
        likeliest of the others.
        """
        if declared and declared.startswith("article:"):
            return "article", declared
        p = self.probabilities(features() if callable(features) else features)
        article = cues.PAGE_TYPES.index("article")
        others = [i for i in range(len(p)) if i != article]
        best_other = max(others, key=lambda i: p[i])
        if declared:
            return cues.PAGE_TYPES[
                best_other
            ], f"{declared}, classifier:{cues.PAGE_TYPES[best_other]} p={p[best_other]:.2f}"
        best = article if p[article] >= cues.ARTICLE_TYPE_MIN_PROBABILITY else int(np.argmax(p))
        return cues.PAGE_TYPES[best], f"classifier:{cues.PAGE_TYPES[best]} p={p[best]:.2f}"


def declared_type(page: AnalysedPage) -> str | None:
    """What the page says it is, when it says so plainly: `article:<why>`, `listing:<why>`,
    `legal:<why>`, `site-info:<why>` or None.

    JSON-LD article types (not those documentation shares) declare an article. Without them (and
    without og:type article), a JSON-LD listing page type (`cues.LISTING_PAGE_TYPES`: CollectionPage,
    Blog, ...) or a listing URL path (/tag/, /category/, /page/2/) declares a page of others, and a
    legal path (/privacy/, /terms/, /impressum) or a site-information path (/about/, /contact/) a
    page that is no article.
    """
    meta = page.meta
    articles = meta.jsonld_types & cues.ARTICLE_DECLARING_TYPES
    if articles:
        return f"article:jsonld:{sorted(articles)[0]}"
    if meta.og_type in cues.ARTICLE_OG_TYPES:
        return None  # og:type article against a listing path: the classifier weighs both
    listings = meta.jsonld_types & cues.LISTING_PAGE_TYPES
    if listings:
        return f"listing:jsonld:{sorted(listings)[0]}"
    path = split_url(meta.url).path
    listing = _LISTING_PATH.search(path)
    if listing and len([s for s in path[listing.end() :].split("/") if s]) <= cues.LISTING_PATH_MAX_SEGMENTS_AFTER:
        return "listing:url-path"
    segments = [s for s in path.lower().split("/") if s]
    if segments and segments[-1] in cues.LEGAL_PATH_SEGMENTS:
        return "legal:url-path"
    if segments and segments[-1] in cues.SITE_INFO_PATH_SEGMENTS:
        return "site-info:url-path"
    return None


@cache
def default_page_classifier() -> PageTypeClassifier:
    """The shipped model, read as package data (a zipped egg under scrapyd has no file path)."""
    return PageTypeClassifier.load(files(__package__).joinpath("models", DEFAULT_MODEL_PATH.name))
