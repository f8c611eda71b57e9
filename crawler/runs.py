"""`thresher runs`: the runs of a dataset directory (read by pipelines.dataset) as a table or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict

from pipelines.dataset import NotADataset, RunInfo, list_runs

__all__ = ["NotADataset", "format_runs", "list_runs", "runs_as_json"]


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
