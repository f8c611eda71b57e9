"""The runs of a dataset directory, read from their `runs/<run_id>/manifest.json` (`thresher runs`)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any


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
    """Run ids begin with their UTC start time (crawler.runid), the only clue without a manifest."""
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
    if not directory.is_dir() or not ((directory / "runs").is_dir() or (directory / "articles").is_dir()):
        raise NotADataset(f"{directory} is not a thresher dataset directory (no runs/ or articles/ in it)")
    runs_dir = directory / "runs"
    run_dirs = sorted(p for p in runs_dir.iterdir() if p.is_dir()) if runs_dir.is_dir() else []
    return [read_run(run_dir) for run_dir in run_dirs]


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
