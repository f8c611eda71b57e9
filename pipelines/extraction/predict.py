"""LightGBM models read from their text and run through LightGBM's C library alone.

Extraction only predicts, and the `lightgbm` package costs a process more than its trees: its
import loads pandas and scipy.sparse (~0.75 s and ~90 MB of memory in every crawl, worker and
CLI call), and `Booster.predict`, built for big matrices, builds a predictor object, deep-copies
its parameters and casts numpy arrays to ctypes pointers on every call (~0.1 ms, as much as a
page's trees). `TreeModel` loads the same shared library the package ships (found by the
package's own `libpath.py`, run without the package) and calls the C functions `Booster.predict`
calls, `LGBM_BoosterPredictForMat` with its parameters worked out once and, for one row,
`LGBM_BoosterPredictForMatSingleRowFast`: the same numbers, to the bit (tests/test_predict.py).
Training keeps the `lightgbm` package; a trained `Booster` becomes a `TreeModel` through its text.
"""

from __future__ import annotations

import ctypes
import importlib.util
import weakref
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np

#: LightGBM's C API codes: the rows' number type, row-major layout, what to predict.
_DTYPES = {np.dtype(np.float32): 0, np.dtype(np.float64): 1}
_ROW_MAJOR = 1
_NORMAL, _CONTRIBUTIONS = 0, 3
_PARAMETERS = b"num_threads=1"
_NAME_BYTES = 256  # room for a feature name; a longer one is read again at its length


class ModelText(Protocol):
    """What a trained `lightgbm.Booster` offers, and a `TreeModel` too."""

    def model_to_string(self) -> str: ...


class ModelError(ValueError):
    """LightGBM refused a model text or a call (its own message)."""


@cache
def _library() -> ctypes.CDLL:
    """lib_lightgbm, found as the `lightgbm` package finds it, without importing the package."""
    package = importlib.util.find_spec("lightgbm")
    if package is None or not package.submodule_search_locations:
        raise ModuleNotFoundError("thresher's models need LightGBM: pip install lightgbm")
    spec = importlib.util.spec_from_file_location(
        "_thresher_lightgbm_libpath", Path(next(iter(package.submodule_search_locations))) / "libpath.py"
    )
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError("LightGBM's libpath.py is missing: reinstall lightgbm")
    libpath = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(libpath)
    lib: ctypes.CDLL = libpath._LIB
    lib.LGBM_GetLastError.restype = ctypes.c_char_p
    return lib


def _call(status: int) -> None:
    if status != 0:
        raise ModelError(_library().LGBM_GetLastError().decode("utf-8", "replace"))


class TreeModel:
    """A LightGBM model: `model(rows)` is what `booster.predict(rows, num_threads=1)` gives, for
    float32 or float64 rows; `model.contributions(rows)` what `pred_contrib=True` gives."""

    def __init__(self, text: str) -> None:
        lib = _library()
        self._text = text
        self._handle = ctypes.c_void_p()
        iterations = ctypes.c_int(0)
        _call(
            lib.LGBM_BoosterLoadModelFromString(
                text.encode("utf-8"), ctypes.byref(iterations), ctypes.byref(self._handle)
            )
        )
        weakref.finalize(self, lib.LGBM_BoosterFree, self._handle)
        self.classes = self._count(lib.LGBM_BoosterNumModelPerIteration)
        self.features = self._count(lib.LGBM_BoosterGetNumFeature)
        self.feature_names = self._feature_names()
        self._single_row: dict[int, ctypes.c_void_p] = {}  # a FastConfig handle per number type

    @classmethod
    def of(cls, model: ModelText) -> TreeModel:
        """`model` itself if it is one, else a `TreeModel` of its text (a trained `lightgbm.Booster`)."""
        return model if isinstance(model, TreeModel) else cls(model.model_to_string())

    def model_to_string(self) -> str:
        return self._text

    def __call__(self, rows: np.ndarray) -> np.ndarray:
        """One probability per row (binary) or one row of class probabilities per row."""
        rows, dtype = self._checked(rows)
        n = rows.shape[0]
        out = np.empty(n * self.classes, dtype=np.float64)
        length = ctypes.c_int64(0)
        data, target = ctypes.c_void_p(rows.ctypes.data), ctypes.c_void_p(out.ctypes.data)
        if n == 1:
            config = self._single_row_config(dtype)
            _call(_library().LGBM_BoosterPredictForMatSingleRowFast(config, data, ctypes.byref(length), target))
        else:
            self._predict_for_mat(rows, dtype, _NORMAL, out, length)
        if length.value != out.size:
            raise ModelError(f"LightGBM wrote {length.value} predictions for {out.size}")
        return out.reshape(n, self.classes) if self.classes > 1 else out

    def contributions(self, rows: np.ndarray) -> np.ndarray:
        """Each feature's SHAP value per row, the expected value last (binary models)."""
        rows, dtype = self._checked(rows)
        out = np.empty(rows.shape[0] * (self.features + 1) * self.classes, dtype=np.float64)
        length = ctypes.c_int64(0)
        self._predict_for_mat(rows, dtype, _CONTRIBUTIONS, out, length)
        return out.reshape(rows.shape[0], -1)

    def _checked(self, rows: np.ndarray) -> tuple[np.ndarray, int]:
        if rows.ndim != 2 or rows.shape[1] != self.features:
            raise ModelError(f"rows of {rows.shape[-1]} features for a model of {self.features}")
        dtype = _DTYPES.get(rows.dtype)
        if dtype is None:
            rows, dtype = rows.astype(np.float64), _DTYPES[np.dtype(np.float64)]
        return np.ascontiguousarray(rows), dtype

    def _predict_for_mat(
        self, rows: np.ndarray, dtype: int, kind: int, out: np.ndarray, length: ctypes.c_int64
    ) -> None:
        _call(
            _library().LGBM_BoosterPredictForMat(
                self._handle,
                ctypes.c_void_p(rows.ctypes.data),
                ctypes.c_int(dtype),
                ctypes.c_int32(rows.shape[0]),
                ctypes.c_int32(self.features),
                ctypes.c_int(_ROW_MAJOR),
                ctypes.c_int(kind),
                ctypes.c_int(0),
                ctypes.c_int(-1),
                ctypes.c_char_p(_PARAMETERS),
                ctypes.byref(length),
                ctypes.c_void_p(out.ctypes.data),
            )
        )

    def _count(self, function: ctypes._CFuncPtr) -> int:
        value = ctypes.c_int(0)
        _call(function(self._handle, ctypes.byref(value)))
        return value.value

    def _feature_names(self) -> tuple[str, ...]:
        size = _NAME_BYTES
        while True:
            buffers = [ctypes.create_string_buffer(size) for _ in range(self.features)]
            pointers = (ctypes.c_char_p * self.features)(*map(ctypes.addressof, buffers))
            count, needed = ctypes.c_int(0), ctypes.c_size_t(0)
            _call(
                _library().LGBM_BoosterGetFeatureNames(
                    self._handle,
                    ctypes.c_int(self.features),
                    ctypes.byref(count),
                    ctypes.c_size_t(size),
                    ctypes.byref(needed),
                    pointers,
                )
            )
            if needed.value <= size:
                return tuple(buffer.value.decode("utf-8") for buffer in buffers[: count.value])
            size = needed.value

    def _single_row_config(self, dtype: int) -> ctypes.c_void_p:
        """LightGBM's parsed parameters for one row of this number type, made on first use and
        freed with this object."""
        handle = self._single_row.get(dtype)
        if handle is None:
            lib = _library()
            handle = ctypes.c_void_p()
            _call(
                lib.LGBM_BoosterPredictForMatSingleRowFastInit(
                    self._handle,
                    ctypes.c_int(_NORMAL),
                    ctypes.c_int(0),
                    ctypes.c_int(-1),
                    ctypes.c_int(dtype),
                    ctypes.c_int32(self.features),
                    ctypes.c_char_p(_PARAMETERS),
                    ctypes.byref(handle),
                )
            )
            weakref.finalize(self, lib.LGBM_FastConfigFree, handle)
            self._single_row[dtype] = handle
        return handle


class MeanPredictions:
    """The mean of several models' predictions: boosters trained alike but for their seed, whose
    mean reads a page more steadily than any one of them (the block scorer's stages, the page type)."""

    def __init__(self, models: Sequence[ModelText]) -> None:
        self._each = [TreeModel.of(model) for model in models]

    def __call__(self, rows: np.ndarray) -> np.ndarray:
        if len(self._each) == 1:
            return self._each[0](rows)
        return np.mean([predict(rows) for predict in self._each], axis=0)
