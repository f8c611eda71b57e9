"""The dataset layout, one definition for every way a crawl is started.

`thresher crawl --out DIR` writes `DIR/articles/<run_id>.parquet` (the dataset: all runs,
or all workers, side by side) and `DIR/runs/<run_id>/` (JSON Lines copy, drops, manifest).
A crawl started by `scrapy crawl` or by scrapyd has no CLI to set its feeds, so the
thresher add-on (`crawler.addon`) does it from one setting, `THRESHER_OUT=DIR`: scrapyd's
`schedule.json` takes it as `setting=THRESHER_OUT=/data/thresher`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipelines.contracts.defaults import THRESHER_FORMATS

#: `--format` / `THRESHER_FORMATS` names -> Scrapy feed formats.
FORMATS = {"parquet": "parquet", "jsonl": "jsonlines", "json": "json"}


def dataset_feeds(
    out: Path, run_id: str, formats: list[str] | tuple[str, ...], worker: bool = False
) -> tuple[dict[str, Any], Path]:
    """(FEEDS for one run, its run directory) in the dataset directory `out`.

    A run that exports nothing still writes its (empty) files, except a Redis `worker`:
    an idle worker adds its manifest to the dataset, not an empty Parquet file.
    """
    run_dir = out / "runs" / run_id
    feeds = {}
    for name in formats:
        path = out / "articles" / f"{run_id}.parquet" if name == "parquet" else run_dir / f"articles.{name}"
        feeds[str(path)] = {"format": FORMATS[name], "overwrite": True, "store_empty": not worker}
    return feeds, run_dir


def use_dataset_layout(settings: Any) -> None:
    """`THRESHER_OUT=DIR` (applied by the add-on): the CLI's dataset layout in DIR.

    Feeds named by `THRESHER_FORMATS` are added to `FEEDS` (any feed already there, such
    as scrapyd's `items_dir`, is kept), `THRESHER_RUN_DIR` gets the run's drops and
    manifest, and `THRESHER_STATE_PATH` the dataset's incremental state, unless they are
    set already. Files are named by the run id (`THRESHER_RUN_ID`), so parallel jobs never
    write the same file.
    """
    out = settings.get("THRESHER_OUT")
    if not out:
        return
    formats = [name.strip().lower() for name in settings.getlist("THRESHER_FORMATS") if name.strip()]
    unknown = [name for name in formats if name not in FORMATS]
    if unknown:
        raise ValueError(f"THRESHER_FORMATS: unknown format {', '.join(unknown)} (choose from {', '.join(FORMATS)})")
    out = Path(out).expanduser()
    worker = bool(settings.get("THRESHER_REDIS_URL"))
    feeds, run_dir = dataset_feeds(out, settings.get("THRESHER_RUN_ID"), formats or THRESHER_FORMATS, worker)
    priority = max(settings.getpriority("FEEDS") or 0, settings.getpriority("THRESHER_OUT") or 0)
    settings.set("FEEDS", {**settings.getdict("FEEDS"), **feeds}, priority=priority)
    if not settings.get("THRESHER_RUN_DIR"):
        settings.set("THRESHER_RUN_DIR", str(run_dir), priority=priority)
    if not settings.get("THRESHER_STATE_PATH"):
        settings.set("THRESHER_STATE_PATH", str(out / "state.sqlite"), priority=priority)
