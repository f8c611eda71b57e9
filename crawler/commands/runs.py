"""`thresher runs DIR`: the runs of a dataset directory with their counts, as a table or JSON.

`--prune` removes what killed runs left: part files (`.NAME.*.part`) that never became
outputs. It takes the dataset's lock (crawler.lock), so it never touches the part files
of a run that is still writing: with a crawl running, it fails (exit 1) and names it.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crawler.commands.common import EXIT_OK, Unavailable, UsageError

if TYPE_CHECKING:
    from pipelines.dataset import RunInfo


def add_parser(commands: Any) -> None:
    runs = commands.add_parser("runs", help="list the runs of a dataset directory with their counts")
    runs.add_argument("dir", nargs="?", default="output", metavar="DIR", help="dataset directory (default: ./output)")
    runs.add_argument("--json", action="store_true", help="print the runs and their manifests as JSON")
    runs.add_argument(
        "--prune", action="store_true", help="remove the part files that killed runs left (not while a crawl runs)"
    )


def run(args: argparse.Namespace) -> int:
    from pipelines.dataset import NotADataset, list_runs  # pandas: loaded by this command only

    try:
        found = list_runs(args.dir)
    except NotADataset as exc:
        raise UsageError(str(exc)) from None
    if args.prune:
        prune(Path(args.dir))
    if args.json:
        print(runs_as_json(found))
    elif not found:
        print(f"no runs in {args.dir}")
    else:
        print(format_runs(found))
    return EXIT_OK


def format_runs(runs: list[RunInfo]) -> str:
    """A plain table, one run per line."""
    header = ("run", "started (UTC)", "status", "requested", "exported", "dropped", "unchanged")
    rows = [header]
    for run in runs:
        started = (run.started_at or "")[:19].replace("T", " ")
        numbers = (run.requested, run.exported, run.dropped, run.unchanged)
        rows.append((run.run_id, started, run.status, *("-" if n is None else str(n) for n in numbers)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for row in rows:
        left = [cell.ljust(width) for cell, width in zip(row[:3], widths[:3], strict=True)]
        right = [cell.rjust(width) for cell, width in zip(row[3:], widths[3:], strict=True)]
        lines.append("  ".join(left + right).rstrip())
    return "\n".join(lines)


def runs_as_json(runs: list[RunInfo]) -> str:
    """One JSON object per run, manifests included, for scripts and schedulers."""
    return json.dumps([asdict(run) for run in runs], indent=2, ensure_ascii=False)


def prune(directory: Path) -> list[Path]:
    """Remove the part files of killed runs, holding the dataset's lock (Unavailable while a crawl runs)."""
    from crawler.lock import Busy, acquire
    from pipelines.storage import PART_SUFFIX

    try:
        acquire(directory, None)
    except Busy as exc:
        raise Unavailable(f"cannot prune: {exc}") from None
    parts = [
        path
        for folder in (directory / "articles", directory / "warc", *sorted((directory / "runs").glob("*")))
        if folder.is_dir()
        for path in sorted(folder.glob(f".*{PART_SUFFIX}"))
    ]
    for path in parts:
        path.unlink(missing_ok=True)
    print(f"removed {len(parts)} part file{'s' if len(parts) != 1 else ''} left by killed runs", file=sys.stderr)
    return parts
