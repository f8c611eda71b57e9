"""`thresher report DIR`: an HTML report of a dataset directory or of one run (crawler.views.report)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from crawler.commands.common import EXIT_FAILED, UsageError, write_view


def add_parser(commands: Any) -> None:
    report = commands.add_parser("report", help="write an HTML report of a dataset directory or of one run")
    report.add_argument(
        "dataset",
        nargs="?",
        default="output",
        metavar="DIR",
        help="dataset directory or DIR/runs/RUN_ID (default: ./output)",
    )
    report.add_argument("-o", "--output", metavar="OUT.html", help="where to write it (default: DIR/report.html)")


def run(args: argparse.Namespace) -> int:
    from crawler.views.report import collect, default_output, write_report
    from pipelines.dataset import NotADataset

    if not Path(args.dataset).exists():
        raise UsageError(f"{args.dataset}: no such directory")
    try:
        output = Path(args.output) if args.output else default_output(args.dataset)
        stats = collect(args.dataset)
    except NotADataset as exc:
        raise UsageError(str(exc)) from None
    except (OSError, ValueError) as exc:  # unreadable files; pyarrow's errors are ValueErrors
        print(f"thresher report: cannot read the dataset {args.dataset}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return write_view(output, lambda path: write_report(stats, path))
