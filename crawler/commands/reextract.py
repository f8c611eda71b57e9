"""`thresher reextract DIR` and `thresher extract-warc FILE...`: WARC files into a dataset run, no network.

Design: a WARC is just another source of fetched pages, so both commands run an ordinary
Scrapy crawl of the `warc` spider (`crawler.spiders.warc`) with thresher's add-on, the
same item pipelines (extraction in the process pool, page-type and duplicate filters),
feed exporters, atomic storage, run accounting and dataset lock as `thresher crawl`; the
spider yields items read from the WARC records instead of requests. Nothing is written
twice: a reextract run is a run of the dataset like any other (its own run id, Parquet
part, `runs/<run_id>/` with drops and a manifest whose `source` names the WARC files and
the runs that fetched them), and the counts balance as archived = exported + dropped.

`reextract DIR` reads `DIR/warc/*.warc.gz`, newest run first, so that when several runs
archived one URL the newest version is kept and the older ones are `duplicate_url`
drops. It writes into DIR (or `--out DIR2`), keeps each page's `fetched_at` from the
archive, and leaves the incremental state (`state.sqlite`) alone: the pages were not
fetched again. `load_articles(DIR, latest=True)` serves the re-extracted records (same
`fetched_at`, later run id).
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path
from typing import Any

from crawler.commands.common import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    add_setting_option,
    check_setting_values,
    setting_overrides,
    writable_dir,
)
from crawler.commands.crawl import add_output_options

HELP = "extract a dataset's WARC archives again with the current extractor, as a new run (no network)"


def add_common(parser: argparse.ArgumentParser) -> None:
    add_output_options(parser)
    add_setting_option(parser, help="override a Scrapy/thresher setting (repeatable)")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log to the console instead of the run's crawl.log"
    )


def add_parser(commands: Any) -> None:
    parser = commands.add_parser("reextract", help=HELP)
    parser.add_argument("dir", nargs="?", default="output", metavar="DIR", help="dataset directory (default: ./output)")
    parser.add_argument("--out", metavar="DIR2", help="write a separate dataset instead of a new run of DIR")
    add_common(parser)


def dataset_warcs(directory: Path) -> list[Path]:
    """The WARC archives of a dataset, newest run first (run ids begin with their start time)."""
    folder = directory / "warc"
    found = folder.glob("*.warc.gz") if folder.is_dir() else []
    return sorted((path for path in found if not path.name.startswith(".")), reverse=True)


def run(args: argparse.Namespace) -> int:
    directory = Path(args.dir)
    if not (directory / "runs").is_dir() and not (directory / "warc").is_dir():
        raise UsageError(f"{directory}: not a thresher dataset (no runs/ or warc/)")
    files = dataset_warcs(directory)
    if not files:
        print(
            f"thresher reextract: error: nothing to re-extract: {directory} has no WARC archives "
            f"({directory / 'warc'}/*.warc.gz; were its crawls run with --no-warc?)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    out = Path(args.out) if args.out else directory
    return run_warc_files(files, out, args, command="reextract")


def run_warc_files(files: list[Path], out: Path, args: argparse.Namespace, command: str) -> int:
    """One run of the `warc` spider over `files` into the dataset `out`; the exit status."""
    from scrapy.settings import Settings

    from crawler.commands.crawl import _lock
    from crawler.layout import dataset_feeds
    from crawler.runid import new_run_id
    from crawler.spiders.warc import WarcSpider
    from crawler.stopping import StoppingCrawlerProcess
    from pipelines.storage import discard_parts, failed_feeds

    overrides = setting_overrides(args.settings)
    check_setting_values(overrides, command)
    out = writable_dir(out)
    run_id = new_run_id()
    _lock(out, None, run_id, worker=False)
    feeds, run_dir = dataset_feeds(out, run_id, args.format)
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    flags: dict[str, Any] = {
        "FEEDS": feeds,
        "THRESHER_RUN_DIR": str(run_dir),
        "THRESHER_WARC": False,  # the pages are archived already
        "THRESHER_INCREMENTAL": False,
        "ROBOTSTXT_OBEY": False,  # nothing is requested
    }
    if args.page_types:
        flags["THRESHER_PAGE_TYPES"] = args.page_types
    if not args.verbose:
        run_dir.mkdir(parents=True, exist_ok=True)
        flags["LOG_FILE"] = str(run_dir / "crawl.log")
    if sys.stderr.isatty():
        flags["EXTENSIONS"] = {**settings.getdict("EXTENSIONS"), "crawler.progress.ProgressDisplay": 900}
    for name, value in flags.items():
        settings.set(name, value, priority="cmdline")
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")

    process = StoppingCrawlerProcess(settings)
    crawler = process.create_crawler(WarcSpider)
    process.crawl(crawler, files=[str(path) for path in files], dataset=str(out), run_id=run_id)
    try:
        process.start()
    finally:
        discard_parts()
    stats = crawler.stats.get_stats()

    manifest_path = run_dir / "manifest.json"
    counts = json.loads(manifest_path.read_text())["counts"] if manifest_path.exists() else {}
    errors = []
    if failed_feeds(stats):
        errors += [f"output not written: {output}" for output in stats.get("thresher/failed_outputs") or ["an output"]]
    elif not counts.get("requested"):
        errors.append(f"no page in {', '.join(map(str, files))}")
    reason = stats.get("finish_reason", "unknown")
    print(f"\nthresher {command} run {run_id}: " + (f"failed ({reason})" if errors else reason))
    print(f"  read {len(files)} WARC file{'s' if len(files) != 1 else ''}")
    print(
        f"  archived {counts.get('requested', 0)}, exported {counts.get('exported', 0)}, "
        f"dropped {counts.get('dropped', 0)}"
    )
    for drop_reason, number in counts.get("drop_reasons", {}).items():
        print(f"    {drop_reason:<20} {number}")
    print("  outputs:")
    for path in [Path(path) for path in feeds if Path(path).exists()] + [manifest_path, run_dir / "drops.jsonl"]:
        if path.exists():
            print(f"    {path}")
    for error in errors:
        print(f"thresher {command}: error: {error}", file=sys.stderr)
    return EXIT_FAILED if errors else EXIT_OK


def expand(patterns: list[str]) -> list[Path]:
    """FILE_OR_GLOB arguments -> files, in order, each once; a pattern matching nothing is a usage error."""
    files: list[Path] = []
    for pattern in patterns:
        matches = sorted(glob.glob(pattern)) if glob.has_magic(pattern) else [pattern]
        matches = [match for match in matches if Path(match).is_file()]
        if not matches:
            raise UsageError(f"{pattern}: no such WARC file")
        files += [Path(match) for match in matches]
    return list(dict.fromkeys(files))
