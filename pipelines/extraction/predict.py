"""A LightGBM booster's predictions for the few rows one page has, through LightGBM's C API.

`Booster.predict` is built for big matrices: each call builds a predictor object, deep-copies its
parameters and casts numpy arrays to ctypes pointers (casts that leave reference cycles for the
garbage collector), ~0.1 ms a call before any tree is walked. A page calls six boosters, three of
them on one row, so that overhead was as large as the trees' work. `Predictions` calls the same
C functions `Booster.predict` calls (`LGBM_BoosterPredictForMat`), with the parameters and output
size worked out once, and LightGBM's single-row entry (`LGBM_BoosterPredictForMatSingleRowFast`,
its parameters parsed once) for one row: the same numbers (tests/test_predict.py checks).
"""

from __future__ import annotations

import ctypes
import weakref
from collections.abc import Sequence

import lightgbm
import numpy as np
from lightgbm.basic import _LIB, _safe_call

#: LightGBM's C API codes: the rows' number type, row-major layout, plain (transformed) prediction.
_DTYPES = {np.dtype(np.float32): 0, np.dtype(np.float64): 1}
_ROW_MAJOR = 1
_NORMAL = 0
_PARAMETERS = b"num_threads=1"


class Predictions:
    """What `booster.predict(rows, num_threads=1)` gives, for float32 or float64 row-major rows."""

    def __init__(self, booster: lightgbm.Booster) -> None:
        self.booster = booster
        self._classes = booster.num_model_per_iteration()
        self._features = booster.num_feature()
        self._single_row: dict[int, ctypes.c_void_p] = {}  # a FastConfig handle per number type

    def __call__(self, rows: np.ndarray) -> np.ndarray:
        """One probability per row (binary) or one row of class probabilities per row."""
        dtype = _DTYPES.get(rows.dtype)
        if rows.ndim != 2 or rows.shape[1] != self._features or dtype is None:
            return self.booster.predict(rows, num_threads=1)  # let LightGBM say what is wrong, or convert
        rows = np.ascontiguousarray(rows)
        n = rows.shape[0]
        out = np.empty(n * self._classes, dtype=np.float64)
        length = ctypes.c_int64(0)
        data, target = ctypes.c_void_p(rows.ctypes.data), ctypes.c_void_p(out.ctypes.data)
        if n == 1:
            _safe_call(
                _LIB.LGBM_BoosterPredictForMatSingleRowFast(
                    self._single_row_config(dtype), data, ctypes.byref(length), target
                )
            )
        else:
            _safe_call(
                _LIB.LGBM_BoosterPredictForMat(
                    self.booster._handle,
                    data,
                    ctypes.c_int(dtype),
                    ctypes.c_int32(n),
                    ctypes.c_int32(self._features),
                    ctypes.c_int(_ROW_MAJOR),
                    ctypes.c_int(_NORMAL),
                    ctypes.c_int(0),
                    ctypes.c_int(-1),
                    ctypes.c_char_p(_PARAMETERS),
                    ctypes.byref(length),
                    target,
                )
            )
        if length.value != out.size:
            raise ValueError(f"LightGBM wrote {length.value} predictions for {out.size}")
        return out.reshape(n, self._classes) if self._classes > 1 else out

    def _single_row_config(self, dtype: int) -> ctypes.c_void_p:
        """LightGBM's parsed parameters for one row of this number type, made on first use and
        freed with this object (the booster outlives it: `self.booster` holds it)."""
        handle = self._single_row.get(dtype)
        if handle is None:
            handle = ctypes.c_void_p()
            _safe_call(
                _LIB.LGBM_BoosterPredictForMatSingleRowFastInit(
                    self.booster._handle,
                    ctypes.c_int(_NORMAL),
                    ctypes.c_int(0),
                    ctypes.c_int(-1),
                    ctypes.c_int(dtype),
                    ctypes.c_int32(self._features),
                    ctypes.c_char_p(_PARAMETERS),
                    ctypes.byref(handle),
                )
            )
            weakref.finalize(self, _LIB.LGBM_FastConfigFree, handle)
            self._single_row[dtype] = handle
        return handle


class MeanPredictions:
    """The mean of several boosters' `Predictions`: boosters trained alike but for their seed, whose
    mean reads a page more steadily than any one of them (the block scorer's stages, the page type)."""

    def __init__(self, boosters: Sequence[lightgbm.Booster]) -> None:
        self._each = [Predictions(booster) for booster in boosters]

    def __call__(self, rows: np.ndarray) -> np.ndarray:
        if len(self._each) == 1:
            return self._each[0](rows)
        return np.mean([predict(rows) for predict in self._each], axis=0)
