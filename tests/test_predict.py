"""`Predictions` gives what `Booster.predict` gives, to the bit, for one row and for many, binary
and multiclass, float32 and float64 rows (it calls LightGBM's C API itself to skip the per-call
overhead, so it must not drift from the public call)."""

from __future__ import annotations

import lightgbm
import numpy as np
import pytest

from pipelines.extraction.predict import Predictions


def _booster(objective: dict, seed: int = 1) -> lightgbm.Booster:
    rng = np.random.default_rng(seed)
    features = rng.random((120, 9))
    labels = (features[:, 0] * 3 + rng.random(120)).astype(int) % objective.get("num_class", 2)
    params = {"verbose": -1, "min_data_in_leaf": 5, "seed": seed, "deterministic": True, **objective}
    return lightgbm.train(params, lightgbm.Dataset(features, labels), 20)


@pytest.mark.parametrize("objective", [{"objective": "binary"}, {"objective": "multiclass", "num_class": 4}])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("n", [1, 2, 37])
def test_the_same_numbers_as_booster_predict(objective: dict, dtype: type, n: int) -> None:
    booster = _booster(objective)
    rows = np.random.default_rng(n).random((n, 9)).astype(dtype)
    rows[0, 3] = np.nan  # a missing value takes the same branch
    expected = booster.predict(rows, num_threads=1)
    got = Predictions(booster)(rows)
    assert got.shape == expected.shape and got.dtype == expected.dtype
    assert np.array_equal(got, expected)


def test_a_column_slice_and_repeated_single_rows() -> None:
    booster = _booster({"objective": "multiclass", "num_class": 3})
    predict = Predictions(booster)
    wide = np.random.default_rng(5).random((6, 12))
    rows = wide[:, 2:11]  # not C-contiguous
    assert np.array_equal(predict(rows), booster.predict(rows, num_threads=1))
    for row in rows:  # the single-row configuration is made once and reused
        assert np.array_equal(predict(row.reshape(1, -1)), booster.predict(row.reshape(1, -1), num_threads=1))


def test_rows_of_the_wrong_width_are_refused_as_lightgbm_refuses_them() -> None:
    with pytest.raises(lightgbm.basic.LightGBMError):
        Predictions(_booster({"objective": "binary"}))(np.zeros((2, 4)))
