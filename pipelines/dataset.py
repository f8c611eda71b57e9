"""The one reader of a thresher dataset: its runs, their manifests, its record files, its articles in pandas.

`thresher runs`, `thresher report` and notebooks all read a dataset through here:
`list_runs` (each run's `runs/<run_id>/manifest.json`), `record_files` (which files hold
the records), `load_articles` (the records as a pandas DataFrame):

>>> from pipelines.dataset import load_articles
>>> df = load_articles("output", latest=True, columns=["url", "title", "published"])

The dataset is every Parquet part under `DIR/articles/` (one per run, or per worker), read
through `pyarrow.dataset` with the record schema, so the columns are typed even when the
dataset is empty and `columns=` reads only those columns from disk (bodies stay unread).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds

from pipelines.contracts.defaults import THRESHER_TRACKING_QUERY_PARAMS
from pipelines.contracts.urls import url_key
from pipelines.extraction.record import ARTICLE_SCHEMA

#: Integers become pandas' nullable types, so a missing http_status stays an integer, not a float.
_PANDAS_TYPES = {pa.int16(): pd.Int16Dtype(), pa.int32(): pd.Int32Dtype(), pa.int64(): pd.Int64Dtype()}
#: What `latest=True` needs to pick a version, whichever columns were asked for.
_VERSION_COLUMNS = ("url", "fetched_at", "run_id")


class NotADataset(ValueError):
    """The directory holds no thresher dataset (neither `runs/` nor `articles/`)."""


@dataclass
class RunInfo:
    """One run as `thresher runs` lists it; counts are None when the run wrote no manifest."""

    run_id: str
    started_at: str | None
    status: str  # the manifest's finish_reason, "incomplete" (no manifest yet) or "unreadable"
    requested: int | None = None
    exported: int | None = None
    dropped: int | None = None
    unchanged: int | None = None
    manifest: dict[str, Any] = field(default_factory=dict, repr=False)


def _started_from_id(run_id: str) -> str | None:
    """Run ids begin with their UTC start time (`%Y%m%dT%H%M%SZ-...`), the only clue without a manifest."""
    try:
        return datetime.strptime(run_id[:16], "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc).isoformat()
    except ValueError:
        return None


def read_run(run_dir: Path) -> RunInfo:
    path = run_dir / "manifest.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:  # still running, or stopped before it could write one
        return RunInfo(run_dir.name, _started_from_id(run_dir.name), "incomplete")
    except (OSError, ValueError):
        return RunInfo(run_dir.name, _started_from_id(run_dir.name), "unreadable")
    counts = manifest.get("counts") or {}
    return RunInfo(
        run_id=manifest.get("run_id") or run_dir.name,
        started_at=manifest.get("started_at") or _started_from_id(run_dir.name),
        status=manifest.get("finish_reason") or "unknown",
        requested=counts.get("requested"),
        exported=counts.get("exported"),
        dropped=counts.get("dropped"),
        unchanged=counts.get("unchanged", 0),  # manifests from before incremental crawls
        manifest=manifest,
    )


def list_runs(directory: Path | str) -> list[RunInfo]:
    """The runs of a dataset directory, oldest first (run ids sort by start time)."""
    directory = Path(directory)
    if not directory.exists():
        raise NotADataset(f"{directory}: no such directory")
    if not directory.is_dir() or not ((directory / "runs").is_dir() or (directory / "articles").is_dir()):
        raise NotADataset(f"{directory} is not a thresher dataset directory (no runs/ or articles/ in it)")
    return [read_run(run_dir) for run_dir in run_dirs(directory)]


def run_dirs(directory: Path) -> list[Path]:
    """`DIR/runs/*`, oldest first."""
    runs_dir = directory / "runs"
    return sorted(p for p in runs_dir.iterdir() if p.is_dir()) if runs_dir.is_dir() else []


def is_run_dir(path: Path) -> bool:
    """`DIR/runs/RUN_ID` (or a folder with a run's files), rather than a dataset directory."""
    return path.parent.name == "runs" or (path / "manifest.json").is_file() or (path / "drops.jsonl").is_file()


def parquet_parts(articles: Path) -> list[Path]:
    """The dataset's Parquet files in `DIR/articles`, skipping parts being written (`.`, `_`)."""
    return sorted(p for p in articles.glob("*.parquet") if not p.name.startswith((".", "_")))


def record_files(path: Path) -> tuple[str, list[Path], list[Path]]:
    """(scope, run directories, record files) of a dataset directory or of one `DIR/runs/RUN_ID`.

    Records are the Parquet parts, or for a JSON-only dataset (`--format jsonl`) each run's
    `articles.jsonl`; scope is "dataset" or "run".
    """
    if is_run_dir(path):
        part = path.parent.parent / "articles" / f"{path.name}.parquet"
        files = [part] if part.is_file() else [p for p in [path / "articles.jsonl"] if p.is_file()]
        return "run", [path], files
    list_runs(path)  # raises NotADataset for a directory that is none
    runs = run_dirs(path)
    if (path / "articles").is_dir():
        return "dataset", runs, parquet_parts(path / "articles")
    return "dataset", runs, [run / "articles.jsonl" for run in runs if (run / "articles.jsonl").is_file()]


def _source(path: Path) -> list[str]:
    """The Parquet files of DIR (a dataset directory), of DIR/articles, or one Parquet file."""
    if path.is_dir() and (path / "articles").is_dir():
        return [str(p) for p in parquet_parts(path / "articles")]
    if path.is_dir() and (path / "runs").is_dir():
        raise FileNotFoundError(f"no Parquet dataset in {path}: no articles/ folder (were the runs JSON only?)")
    if path.is_dir():
        return [str(p) for p in parquet_parts(path)]
    if path.exists():
        return [str(path)]
    raise FileNotFoundError(f"no thresher dataset at {path}")


def load_articles(
    path: str | Path = "output", *, latest: bool = False, columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """The articles of a dataset as a pandas DataFrame, one row per exported record.

    `path`: a dataset directory (`thresher crawl --out DIR`), its `articles/` folder or a
    single Parquet file. `columns`: read only these fields (in this order). `latest`: keep
    only the most recent version of each URL across runs (latest `fetched_at`, then
    `run_id`), since incremental re-crawls export a changed page again as a new version.
    URLs are compared as the crawler compares them (`pipelines.contracts.url_key`:
    canonical form, no fragment, no tracking parameters such as `utm_source`).

    Types follow docs/schema.md: timestamps are `datetime64[us, UTC]`, lists are arrays,
    integers are nullable (`Int16`, `Int32`). Files whose names start with `.` or `_`
    (parts being written) are skipped.
    """
    wanted = list(columns) if columns is not None else ARTICLE_SCHEMA.names
    unknown = [name for name in wanted if name not in ARTICLE_SCHEMA.names]
    if unknown:
        raise ValueError(f"unknown column(s) {', '.join(map(repr, unknown))}; the record has {ARTICLE_SCHEMA.names}")
    dataset = ds.dataset(_source(Path(path)), schema=ARTICLE_SCHEMA, format="parquet")
    read = list(dict.fromkeys([*wanted, *(_VERSION_COLUMNS if latest else ())]))
    table = dataset.to_table(columns=read)
    if latest and table.num_rows:
        # pick the rows from the small version columns; the others are only taken, never converted
        versions = table.select(list(_VERSION_COLUMNS)).to_pandas()
        versions["key"] = [url_key(url, THRESHER_TRACKING_QUERY_PARAMS) for url in versions["url"]]
        versions["row"] = range(len(versions))
        newest = versions.sort_values(["fetched_at", "run_id"], na_position="first").drop_duplicates("key", keep="last")
        table = table.take(pa.array(sorted(newest["row"])))
    frame = table.select(wanted).to_pandas(types_mapper=_PANDAS_TYPES.get)
    return frame.reset_index(drop=True)
