"""The shipped models' JSON files: one format tag, the LightGBM text of each model, and a check
that a model was trained on the features the code computes (a stale file is refused, not misread)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from .predict import TreeModel


def check_features(model: TreeModel, names: tuple[str, ...], what: str) -> None:
    if model.feature_names != names:
        differ = sorted(set(names) ^ set(model.feature_names))
        raise ValueError(f"{what} features differ from the code's ({len(differ)}, e.g. {differ[:3]}): retrain")


def read_model_file(path: str | Path | Traversable, file_format: str | tuple[str, ...]) -> dict[str, Any]:
    """The file's JSON object; `path` may be package data (a zipped egg under scrapyd has no file path).
    `file_format` may name several formats the caller reads (a current one and an older one)."""
    data = json.loads(path.read_text(encoding="utf-8") if hasattr(path, "read_text") else Path(path).read_text("utf-8"))
    formats = (file_format,) if isinstance(file_format, str) else file_format
    if data.get("format") not in formats:
        raise ValueError(f"{path}: not a {' or '.join(formats)} model file")
    return data


def write_model_file(path: str | Path, file_format: str, **models: Any) -> None:
    Path(path).write_text(json.dumps({"format": file_format, **models}), encoding="utf-8")
