"""The page-type classifier as a model: boosters of several seeds averaged, saved and read back, and
the training rule that chooses its article floor."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import lightgbm
import numpy as np
import pytest

from pipelines.extraction import cues
from pipelines.extraction.pagefeatures import PAGE_FEATURE_NAMES
from pipelines.extraction.pagetype import PageTypeClassifier

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))


def _booster(seed: int, rounds: int = 5) -> lightgbm.Booster:
    rng = np.random.default_rng(seed)
    features = rng.random((70, len(PAGE_FEATURE_NAMES)))
    labels = np.arange(70) % len(cues.PAGE_TYPES)
    params = {"objective": "multiclass", "num_class": len(cues.PAGE_TYPES), "verbose": -1, "min_data_in_leaf": 5}
    params |= {"seed": seed, "feature_fraction": 0.5, "deterministic": True}
    return lightgbm.train(params, lightgbm.Dataset(features, labels, feature_name=list(PAGE_FEATURE_NAMES)), rounds)


def test_the_classifier_averages_its_boosters_and_reads_them_back(tmp_path):
    boosters = [_booster(1), _booster(2)]
    row = np.full(len(PAGE_FEATURE_NAMES), 0.5)
    classifier = PageTypeClassifier(boosters)
    expected = np.mean([b.predict(row.reshape(1, -1))[0] for b in boosters], axis=0)
    assert np.allclose(classifier.probabilities(row), expected)
    classifier.save(tmp_path / "pagetype.json")
    assert np.allclose(PageTypeClassifier.load(tmp_path / "pagetype.json").probabilities(row), expected)


def test_a_model_for_other_features_is_refused():
    data = lightgbm.Dataset(np.zeros((20, 2)), np.arange(20) % 2, feature_name=["a", "b"])
    booster = lightgbm.train({"objective": "binary", "verbose": -1, "min_data_in_leaf": 5}, data, num_boost_round=2)
    with pytest.raises(ValueError, match="retrain"):
        PageTypeClassifier([_booster(1), booster])


def test_the_article_floor_keeps_99_percent_of_each_sources_articles():
    import train

    # 100 articles of one source, all sure; 100 of another, two of them unsure: together 99 % are
    # kept at every floor tried, but the second source keeps 99 % of its own only up to 0.25
    rows = [SimpleNamespace(page_type="article", source="aeb")] * 100
    rows += [SimpleNamespace(page_type="article", source="wcxb")] * 100
    p = np.zeros((200, len(cues.PAGE_TYPES)))
    p[:, 0], p[:, 1] = 0.9, 0.1
    p[198, 0], p[198, 1] = 0.205, 0.795
    p[199, 0], p[199, 1] = 0.255, 0.745
    assert train.article_floor(rows, {(7,): p}) == 0.25


def test_page_types_are_weighted_by_their_rarity_against_articles():
    import train

    article, forum = cues.PAGE_TYPES.index("article"), cues.PAGE_TYPES.index("forum")
    labels = np.array([article] * 16 + [forum] * 4)
    weights = train.pagetype_weights(labels)
    assert np.allclose(weights[:16], 1.0)
    assert np.allclose(weights[16:], 4.0**train.PAGETYPE_CLASS_WEIGHT_POWER)
