"""`TreeModel` gives what `Booster.predict` gives, to the bit, for one row and for many, binary
and multiclass, float32 and float64 rows, and SHAP contributions too: it calls LightGBM's C
library itself (without the `lightgbm` package and the pandas and scipy it loads), so it must not
drift from the public call."""

from __future__ import annotations

import lightgbm
import numpy as np
import pytest
from conftest import modules_loaded_by

from pipelines.extraction.predict import ModelError, TreeModel


def _booster(objective: dict, seed: int = 1) -> lightgbm.Booster:
    rng = np.random.default_rng(seed)
    features = rng.random((120, 9))
    labels = (features[:, 0] * 3 + rng.random(120)).astype(int) % objective.get("num_class", 2)
    params = {"verbose": -1, "min_data_in_leaf": 5, "seed": seed, "deterministic": True, **objective}
    names = [f"feature_{i}_{'x' * 300 * (i == 8)}" for i in range(9)]  # one name longer than the first buffer
    return lightgbm.train(params, lightgbm.Dataset(features, labels, feature_name=names), 20)


@pytest.mark.parametrize("objective", [{"objective": "binary"}, {"objective": "multiclass", "num_class": 4}])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("n", [1, 2, 37])
def test_the_same_numbers_as_booster_predict(objective: dict, dtype: type, n: int) -> None:
    booster = _booster(objective)
    rows = np.random.default_rng(n).random((n, 9)).astype(dtype)
    rows[0, 3] = np.nan  # a missing value takes the same branch
    expected = booster.predict(rows, num_threads=1)
    got = TreeModel.of(booster)(rows)
    assert got.shape == expected.shape and got.dtype == expected.dtype
    assert np.array_equal(got, expected)


def test_a_column_slice_and_repeated_single_rows() -> None:
    booster = _booster({"objective": "multiclass", "num_class": 3})
    predict = TreeModel.of(booster)
    wide = np.random.default_rng(5).random((6, 12))
    rows = wide[:, 2:11]  # not C-contiguous
    assert np.array_equal(predict(rows), booster.predict(rows, num_threads=1))
    for row in rows:  # the single-row configuration is made once and reused
        assert np.array_equal(predict(row.reshape(1, -1)), booster.predict(row.reshape(1, -1), num_threads=1))


def test_contributions_names_and_text_are_the_boosters() -> None:
    booster = _booster({"objective": "binary"})
    model = TreeModel(booster.model_to_string())
    rows = np.random.default_rng(3).random((5, 9))
    assert np.array_equal(model.contributions(rows), booster.predict(rows, pred_contrib=True, num_threads=1))
    assert model.feature_names == tuple(booster.feature_name())
    assert (model.features, model.classes) == (9, 1)
    assert TreeModel.of(model) is model and model.model_to_string() == booster.model_to_string()


def test_rows_of_the_wrong_width_and_a_broken_text_are_refused_with_a_message() -> None:
    model = TreeModel.of(_booster({"objective": "binary"}))
    with pytest.raises(ModelError, match="rows of 4 features for a model of 9"):
        model(np.zeros((2, 4)))
    with pytest.raises(ModelError, match="number of classes"):
        TreeModel("tree\nthis is no model")


def test_extraction_runs_without_the_lightgbm_package_pandas_or_scipy() -> None:
    """A crawl or a worker extracting pages loads LightGBM's library, not its Python package,
    whose import brings pandas and scipy (~0.75 s and ~90 MB in every process)."""
    code = (
        "from pipelines.extraction import extract\n"
        "article = extract('<html><body><h1>A title</h1><p>' + 'Some words of a page. ' * 40 + '</p></body></html>')\n"
        "assert article.body, article"
    )
    assert modules_loaded_by(code, ("lightgbm", "pandas", "scipy")) == []
