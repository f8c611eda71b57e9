"""The numbers of `thresher report`, read from a dataset directory or one run.

Counts of outcomes come from the manifests (`runs/*/manifest.json`), drop reasons and
their stages from `drops.jsonl`, everything about the pages from the records. Records
are read in batches and only the columns needed (never `body`), and each batch is
aggregated with `pyarrow.compute`, so a large dataset is summarised in flat memory. Every exported record counts, one per version: a page that
an incremental re-crawl exported again counts once per run, as the manifests count it.
"""

from __future__ import annotations

import heapq
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from pipelines.dataset import NotADataset, RunInfo, read_run, record_files
from pipelines.extraction.record import ARTICLE_SCHEMA

#: The record fields the report needs; the body stays unread (word_count says its size).
COLUMNS = ["url", "domain", "title", "authors", "published", "language", "bio", "promos", "forms", "blocks"]
COLUMNS += ["word_count", "is_article"]
#: Field coverage: the share of records where each of these is present (non-empty).
COVERAGE_FIELDS = ("title", "authors", "published", "language", "bio", "promos", "forms")
LARGEST = 10
BATCH = 512
#: A word, for RE2 (`pyarrow.compute`): what Python's `\\w+` matches (letters, digits, `_`, any script).
WORD_PATTERN = r"[\p{L}\p{N}_]+"
#: The report's columns as JSON Lines hold them: timestamps stay strings (only their presence counts).
_JSON_SCHEMA = pa.schema(
    [pa.field(name, pa.string()) if name == "published" else ARTICLE_SCHEMA.field(name) for name in COLUMNS]
)


@dataclass(frozen=True, order=True)
class PageSize:
    """A page's size in words: all its text (every block, boilerplate too) and its body. Ordered by size."""

    page_words: int
    body_words: int
    url: str
    title: str


@dataclass(frozen=True)
class DropReason:
    reason: str
    stages: tuple[str, ...]
    count: int
    example: str | None  # one URL dropped for this reason


@dataclass
class DatasetStats:
    source: Path
    scope: str  # "dataset" or "run"
    runs: list[RunInfo]
    requested: int = 0
    exported: int = 0
    dropped: int = 0
    unchanged: int = 0
    elapsed_seconds: float = 0.0
    drops: list[DropReason] = field(default_factory=list)
    unchanged_reasons: Counter[str] = field(default_factory=Counter)
    records: int = 0
    not_articles: int = 0  # records with is_article false (THRESHER_PAGE_TYPES beyond article)
    domains: Counter[str] = field(default_factory=Counter)
    word_counts: list[int] = field(default_factory=list)
    label_blocks: Counter[str] = field(default_factory=Counter)
    label_words: Counter[str] = field(default_factory=Counter)
    label_pages: Counter[str] = field(default_factory=Counter)  # records with at least one block of the label
    coverage: Counter[str] = field(default_factory=Counter)
    largest: list[PageSize] = field(default_factory=list)

    @property
    def page_words(self) -> int:
        return sum(self.label_words.values())


def default_output(path: str | Path) -> Path:
    """Where the report goes without -o: beside the data it describes."""
    path = Path(path)
    if not path.is_dir():
        raise NotADataset(f"{path} is not a thresher dataset directory (no runs/ or articles/ in it)")
    return path / "report.html"


def _record_batches(files: list[Path]) -> Iterator[pa.RecordBatch]:
    """The report's columns of every record, in batches (JSON Lines datasets read as the same columns)."""
    parquet = [str(p) for p in files if p.suffix == ".parquet"]
    if parquet:
        dataset = ds.dataset(parquet, schema=ARTICLE_SCHEMA, format="parquet")
        yield from dataset.to_batches(columns=COLUMNS, batch_size=BATCH)
    for path in files:
        if path.suffix == ".jsonl":
            rows = []
            with path.open(encoding="utf-8") as lines:
                for line in lines:
                    rows += [json.loads(line)] if line.strip() else []
                    if len(rows) == BATCH:
                        yield pa.RecordBatch.from_pylist(rows, schema=_JSON_SCHEMA)
                        rows = []
            if rows:
                yield pa.RecordBatch.from_pylist(rows, schema=_JSON_SCHEMA)


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The readable lines of a JSON Lines file (a line cut short by a killed run is skipped)."""
    if not path.is_file():
        return
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                yield json.loads(line)
            except ValueError:
                continue


def _settled_urls(run_dir: Path) -> set[str]:
    """The URLs a run settled: dropped (not as not_fetched), found unchanged, or exported."""
    urls = {str(d.get("url")) for d in _jsonl(run_dir / "drops.jsonl") if d.get("reason") != "not_fetched"}
    urls |= {str(d.get("url")) for d in _jsonl(run_dir / "unchanged.jsonl")}
    part = run_dir.parent.parent / "articles" / f"{run_dir.name}.parquet"
    try:
        if part.is_file():
            urls |= {str(url) for url in pq.read_table(part, columns=["url"]).column("url").to_pylist() if url}
        else:
            urls |= {str(r.get("url")) for r in _jsonl(run_dir / "articles.jsonl")}
    except (OSError, ValueError):
        pass
    return urls


def _drops(stats: DatasetStats, runs_dirs: list[Path]) -> None:
    """Drop reasons from drops.jsonl (stage, an example URL); from the manifest where a run has no file.

    Over a dataset, a page a stopped run left `not_fetched` that a later run settled
    (exported, dropped, unchanged) is not a drop of the dataset: it counts neither as
    requested nor as dropped for the stopped run.
    """
    counts: Counter[str] = Counter()
    stages: dict[str, set[str]] = {}
    examples: dict[str, str] = {}
    settled_later: set[str] = set()
    later: dict[int, set[str]] = {}
    stopped = any((run.manifest.get("counts") or {}).get("drop_reasons", {}).get("not_fetched") for run in stats.runs)
    if stats.scope == "dataset" and stopped:
        for index in range(len(runs_dirs) - 1, -1, -1):  # newest first: what each run's successors settled
            later[index] = set(settled_later)
            if index:
                settled_later |= _settled_urls(runs_dirs[index])
    for index, (run_dir, run) in enumerate(zip(runs_dirs, stats.runs, strict=True)):
        drops = run_dir / "drops.jsonl"
        if not drops.is_file():
            for reason, n in (run.manifest.get("counts") or {}).get("drop_reasons", {}).items():
                counts[reason] += n
            continue
        for drop in _jsonl(drops):
            reason = str(drop.get("reason") or "unknown")
            if reason == "not_fetched" and str(drop.get("url")) in later.get(index, ()):
                stats.dropped -= 1  # fetched by a later run: not lost
                stats.requested -= 1
                continue
            counts[reason] += 1
            stages.setdefault(reason, set()).add(str(drop.get("stage") or "?"))
            examples.setdefault(reason, str(drop.get("url") or ""))
    stats.drops = [
        DropReason(reason, tuple(sorted(stages.get(reason, ()))), n, examples.get(reason))
        for reason, n in counts.most_common()
    ]


def count_words(texts: pa.Array) -> pa.Array:
    """Words of each text (null: 0), as `\\w+` matches in Python: runs of letters, digits and `_`."""
    return pc.count_substring_regex(pc.fill_null(texts, ""), WORD_PATTERN)


def _present(column: pa.Array) -> pa.Array:
    """Per record: the field is present (not null, not an empty string, not an empty list)."""
    if pa.types.is_string(column.type):
        present = pc.not_equal(column, "")
    elif pa.types.is_list(column.type):
        present = pc.greater(pc.list_value_length(column), 0)
    else:
        present = pc.is_valid(column)
    return pc.fill_null(present, False)


def _counts(values: pa.Array) -> dict[str, int]:
    """value -> how many times, in order of first appearance."""
    return {entry["values"].as_py(): entry["counts"].as_py() for entry in pc.value_counts(values)}


def _add_batch(stats: DatasetStats, batch: pa.RecordBatch) -> None:
    column = batch.column
    stats.records += batch.num_rows
    stats.not_articles += pc.sum(pc.equal(column("is_article"), False)).as_py() or 0
    domains = column("domain")
    stats.domains.update(_counts(pc.if_else(_present(domains), domains, "(no domain)")))
    body_words = pc.fill_null(column("word_count"), 0)
    stats.word_counts.extend(body_words.to_pylist())
    for name in COVERAGE_FIELDS:
        stats.coverage[name] += pc.sum(_present(column(name))).as_py() or 0
    # every block of the batch, with the record it belongs to
    blocks = column("blocks")
    flat = pc.list_flatten(blocks)
    owner = pc.list_parent_indices(blocks)
    label = pc.struct_field(flat, "label")
    label = pc.if_else(_present(label), label, "other")
    words = count_words(pc.struct_field(flat, "text"))
    table = pa.table({"owner": owner, "label": label, "words": words})
    by_label = table.group_by("label", use_threads=False).aggregate(
        [("words", "count"), ("words", "sum"), ("owner", "count_distinct")]
    )
    for row in by_label.to_pylist():
        stats.label_blocks[row["label"]] += row["words_count"]
        stats.label_words[row["label"]] += row["words_sum"]
        stats.label_pages[row["label"]] += row["owner_count_distinct"]
    page_words = [0] * batch.num_rows
    for row in table.group_by("owner", use_threads=False).aggregate([("words", "sum")]).to_pylist():
        page_words[row["owner"]] = row["words_sum"]
    urls, titles = column("url").to_pylist(), column("title").to_pylist()
    for i, (page, body) in enumerate(zip(page_words, body_words.to_pylist(), strict=True)):
        entry = PageSize(page, body, urls[i] or "", titles[i] or "")
        if len(stats.largest) < LARGEST:
            heapq.heappush(stats.largest, entry)
        elif entry > stats.largest[0]:
            heapq.heapreplace(stats.largest, entry)


def collect(path: str | Path) -> DatasetStats:
    """Everything the report shows, for a dataset directory or one `DIR/runs/RUN_ID`."""
    path = Path(path)
    if not path.is_dir():
        raise NotADataset(f"{path} is not a thresher dataset directory (no runs/ or articles/ in it)")
    scope, run_dirs, files = record_files(path)
    stats = DatasetStats(source=path, scope=scope, runs=[read_run(run_dir) for run_dir in run_dirs])
    for run in stats.runs:
        stats.requested += run.requested or 0
        stats.exported += run.exported or 0
        stats.dropped += run.dropped or 0
        stats.unchanged += run.unchanged or 0
        stats.elapsed_seconds += float(run.manifest.get("elapsed_seconds") or 0)
        stats.unchanged_reasons.update((run.manifest.get("counts") or {}).get("unchanged_reasons") or {})
    _drops(stats, run_dirs)
    for batch in _record_batches(files):
        _add_batch(stats, batch)
    stats.largest.sort(reverse=True)
    return stats
