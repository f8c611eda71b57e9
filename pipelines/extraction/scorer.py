"""The learned block scorer: the probability that each content block is body text.

Two LightGBM stages, trained by `training/train.py` (see `training/README.md`). The first
reads each block's own features (`features.FEATURE_NAMES`); the second reads them again with
the first stage's probabilities around the block (`features.CONTEXT_FEATURE_NAMES`: its
neighbours, its containers), so an isolated short paragraph inside an article is kept and
a lone wordy block in a sidebar is not. The model file is JSON holding both stages and the
feature names they were trained on; loading refuses a file whose features differ from the
code's, so a stale model cannot silently score the wrong columns.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import lightgbm
import numpy as np

from .features import CONTEXT_FEATURE_NAMES, FEATURE_NAMES, context_features, context_spans
from .modelfile import check_features, read_model_file, write_model_file
from .page import AnalysedPage
from .predict import Predictions

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

#: The shipped model, retrained by `python training/train.py`.
DEFAULT_MODEL_PATH = Path(__file__).with_name("models") / "blocks.json"
_FORMAT = "thresher-block-scorer/1"


class BlockScorer:
    """Scores the blocks of a page; one instance serves any number of pages."""

    def __init__(self, block_model: lightgbm.Booster, context_model: lightgbm.Booster) -> None:
        for booster, names in ((block_model, FEATURE_NAMES), (context_model, FEATURE_NAMES + CONTEXT_FEATURE_NAMES)):
            check_features(booster, names, "model")
        self.block_model = block_model
        self.context_model = context_model
        self._first, self._second = Predictions(block_model), Predictions(context_model)

    @classmethod
    def load(cls, path: str | Path | Traversable) -> BlockScorer:
        data = read_model_file(path, _FORMAT)
        return cls(*(lightgbm.Booster(model_str=text) for text in data["stages"]))

    def save(self, path: str | Path) -> None:
        write_model_file(
            path, _FORMAT, stages=[model.model_to_string() for model in (self.block_model, self.context_model)]
        )

    def probability(self, features: np.ndarray, words: np.ndarray, spans: np.ndarray) -> np.ndarray:
        """Body probability per block from its feature rows, word counts and `context_spans`."""
        if not len(features):
            return np.zeros(0, dtype=np.float64)
        first = self._first(features)
        both = np.hstack((features, context_features(words, spans, first)))
        return self._second(both)

    def body_probability(self, page: AnalysedPage) -> np.ndarray:
        return self.probability(*self._inputs(page))

    def explain(self, page: AnalysedPage, top: int = 3) -> list[str]:
        """Per block, the block's own features that moved the first stage most (SHAP values).

        The second stage mostly passes the first stage's reading on, smoothed by the
        neighbours', so the first stage's contributions are the ones that say why.
        """
        if not len(page.features):
            return []
        contributions = self.block_model.predict(page.features, pred_contrib=True, num_threads=1)[:, :-1]
        out = []
        for row in contributions:
            order = np.argsort(-np.abs(row))[:top]
            out.append(", ".join(f"{FEATURE_NAMES[j]} {row[j]:+.1f}" for j in order))
        return out

    @staticmethod
    def _inputs(page: AnalysedPage) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        blocks = page.segmentation.blocks
        words = np.fromiter((b.words for b in blocks), dtype=np.float64, count=len(blocks))
        return page.features, words, context_spans(page.segmentation)


@cache
def default_scorer() -> BlockScorer:
    """The shipped model, read as package data (a zipped egg under scrapyd has no file path)."""
    return BlockScorer.load(files(__package__).joinpath("models", DEFAULT_MODEL_PATH.name))
