"""The learned block scorer: the probability that each content block is body text.

Two LightGBM stages, trained by `training/train.py` (see `training/README.md`). The first
reads each block's own features (`features.FEATURE_NAMES`); the second reads them again with
the first stage's probabilities around the block (`features.CONTEXT_FEATURE_NAMES`: its
neighbours, its containers), so an isolated short paragraph inside an article is kept and
a lone wordy block in a sidebar is not. Each stage may be several boosters trained alike but
for their seed, their probabilities averaged: one booster's reading of a page moves with its
seed (bagging and feature sampling), by up to 0.9 word F1 on single pages; a mean is steadier.
The model file is JSON holding both stages and the feature names they were trained on;
loading refuses a file whose features differ from the code's, so a stale model cannot
silently score the wrong columns.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .features import CONTEXT_FEATURE_NAMES, FEATURE_NAMES, block_words, context_features, context_spans
from .modelfile import check_features, read_model_file, write_model_file
from .page import AnalysedPage
from .predict import MeanPredictions, ModelText, TreeModel

if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.resources.abc import Traversable

#: The shipped model, retrained by `python training/train.py`.
DEFAULT_MODEL_PATH = Path(__file__).with_name("models") / "blocks.json"
_FORMAT = "thresher-block-scorer/2"  # each stage a list of boosters, averaged
_FORMAT_ONE = "thresher-block-scorer/1"  # each stage one booster (models trained before 2026-12-03)


class BlockScorer:
    """Scores the blocks of a page; one instance serves any number of pages."""

    def __init__(self, block_models: Sequence[ModelText], context_models: Sequence[ModelText]) -> None:
        """Each stage's models: `TreeModel`s or trained `lightgbm.Booster`s (read through their text)."""
        if not block_models or not context_models:
            raise ValueError("a block scorer needs at least one model per stage")
        self.block_models = [TreeModel.of(model) for model in block_models]
        self.context_models = [TreeModel.of(model) for model in context_models]
        for models, names in (
            (self.block_models, FEATURE_NAMES),
            (self.context_models, FEATURE_NAMES + CONTEXT_FEATURE_NAMES),
        ):
            for model in models:
                check_features(model, names, "model")
        self._first, self._second = MeanPredictions(self.block_models), MeanPredictions(self.context_models)

    @classmethod
    def load(cls, path: str | Path | Traversable) -> BlockScorer:
        data = read_model_file(path, (_FORMAT, _FORMAT_ONE))
        stages: list[Any] = data["stages"]
        if data["format"] == _FORMAT_ONE:
            stages = [[text] for text in stages]
        return cls(*([TreeModel(text) for text in stage] for stage in stages))

    def save(self, path: str | Path) -> None:
        stages = [[model.model_to_string() for model in stage] for stage in (self.block_models, self.context_models)]
        write_model_file(path, _FORMAT, stages=stages)

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
        """Per block, the block's own features that moved the first stage most (SHAP values,
        the mean of its boosters').

        The second stage mostly passes the first stage's reading on, smoothed by the
        neighbours', so the first stage's contributions are the ones that say why.
        """
        if not len(page.features):
            return []
        contributions = np.mean(
            [model.contributions(page.features)[:, :-1] for model in self.block_models],
            axis=0,
        )
        out = []
        for row in contributions:
            order = np.argsort(-np.abs(row))[:top]
            out.append(", ".join(f"{FEATURE_NAMES[j]} {row[j]:+.1f}" for j in order))
        return out

    @staticmethod
    def _inputs(page: AnalysedPage) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return page.features, block_words(page.segmentation.blocks), context_spans(page.segmentation)


@cache
def default_scorer() -> BlockScorer:
    """The shipped model, read as package data (a zipped egg under scrapyd has no file path)."""
    return BlockScorer.load(files(__package__).joinpath("models", DEFAULT_MODEL_PATH.name))
