"""The numbers of `thresher report`, read from a dataset directory or one run.

Counts of outcomes come from the manifests (`runs/*/manifest.json`), drop reasons and
their stages from `drops.jsonl`, everything about the pages from the records. Records
are read in batches and only the columns needed (never `body`), so a large dataset is
summarised in flat memory. Every exported record counts, one per version: a page that
an incremental re-crawl exported again counts once per run, as the manifests count it.
"""

from __future__ import annotations

import heapq
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines.dataset import NotADataset, RunInfo, read_run, record_files
from pipelines.extraction.record import ARTICLE_SCHEMA

#: The record fields the report needs; the body stays unread (word_count says its size).
COLUMNS = ["url", "domain", "title", "authors", "published", "language", "bio", "promos", "forms", "blocks"]
COLUMNS += ["word_count", "is_article"]
#: Field coverage: the share of records where each of these is present (non-empty).
COVERAGE_FIELDS = ("title", "authors", "published", "language", "bio", "promos", "forms")
LARGEST = 10
_WORD = re.compile(r"\w+")


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
    not_articles: int = 0  # records with is_article false (THRESHER_KEEP_NON_ARTICLES)
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


def _read_records(files: list[Path]) -> Iterator[dict[str, Any]]:
    parquet = [p for p in files if p.suffix == ".parquet"]
    if parquet:
        import pyarrow.dataset as ds

        dataset = ds.dataset([str(p) for p in parquet], schema=ARTICLE_SCHEMA, format="parquet")
        for batch in dataset.to_batches(columns=COLUMNS, batch_size=512):
            yield from batch.to_pylist()
    for path in files:
        if path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as lines:
                for line in lines:
                    if line.strip():
                        yield json.loads(line)


def _drops(stats: DatasetStats, runs_dirs: list[Path]) -> None:
    """Drop reasons from drops.jsonl (stage, an example URL); from the manifest where a run has no file."""
    counts: Counter[str] = Counter()
    stages: dict[str, set[str]] = {}
    examples: dict[str, str] = {}
    for run_dir, run in zip(runs_dirs, stats.runs, strict=True):
        drops = run_dir / "drops.jsonl"
        if not drops.is_file():
            for reason, n in (run.manifest.get("counts") or {}).get("drop_reasons", {}).items():
                counts[reason] += n
            continue
        with drops.open(encoding="utf-8") as lines:
            for line in lines:
                try:
                    drop = json.loads(line)
                except ValueError:
                    continue  # a line cut short by a killed run
                reason = str(drop.get("reason") or "unknown")
                counts[reason] += 1
                stages.setdefault(reason, set()).add(str(drop.get("stage") or "?"))
                examples.setdefault(reason, str(drop.get("url") or ""))
    stats.drops = [
        DropReason(reason, tuple(sorted(stages.get(reason, ()))), n, examples.get(reason))
        for reason, n in counts.most_common()
    ]


def _present(value: Any) -> bool:
    return value is not None and value != "" and value != []


def _add_record(stats: DatasetStats, record: dict[str, Any]) -> None:
    stats.records += 1
    if record.get("is_article") is False:
        stats.not_articles += 1
    stats.domains[record.get("domain") or "(no domain)"] += 1
    body_words = int(record.get("word_count") or 0)
    stats.word_counts.append(body_words)
    for name in COVERAGE_FIELDS:
        if _present(record.get(name)):
            stats.coverage[name] += 1
    page_words = 0
    seen: set[str] = set()
    for block in record.get("blocks") or []:
        label = block.get("label") or "other"
        words = len(_WORD.findall(block.get("text") or ""))
        stats.label_blocks[label] += 1
        stats.label_words[label] += words
        seen.add(label)
        page_words += words
    stats.label_pages.update(seen)
    entry = PageSize(page_words, body_words, record.get("url") or "", record.get("title") or "")
    if len(stats.largest) < LARGEST:
        heapq.heappush(stats.largest, entry)
    else:
        heapq.heappushpop(stats.largest, entry)


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
    for record in _read_records(files):
        _add_record(stats, record)
    stats.largest.sort(reverse=True)
    return stats
