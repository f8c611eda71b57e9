"""Read a thresher dataset into pandas, for notebooks.

>>> from pipelines.dataset import load_articles
>>> df = load_articles("output", latest=True, columns=["url", "title", "published"])

The dataset is every Parquet part under `DIR/articles/` (one per run, or per worker), read
through `pyarrow.dataset` with the record schema, so the columns are typed even when the
dataset is empty and `columns=` reads only those columns from disk (bodies stay unread).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

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


def _source(path: Path) -> Path:
    """DIR (a dataset directory), DIR/articles, or one Parquet file."""
    if path.is_dir() and (path / "articles").is_dir():
        return path / "articles"
    if path.is_dir() and (path / "runs").is_dir():
        raise FileNotFoundError(f"no Parquet dataset in {path}: no articles/ folder (were the runs JSON only?)")
    if path.exists():
        return path
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
