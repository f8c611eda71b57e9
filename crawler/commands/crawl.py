"""`thresher crawl`: sites into a Parquet + JSONL dataset (the bundled demo site when no input is given)."""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path
from typing import Any

from crawler.commands.common import (
    EXIT_FAILED,
    EXIT_OK,
    Unavailable,
    UsageError,
    add_setting_option,
    check_redis,
    check_setting_values,
    count,
    seconds,
    setting_overrides,
    writable_dir,
)
from crawler.layout import FORMATS
from pipelines.contracts.defaults import THRESHER_FORMATS, THRESHER_PAGE_TYPES, THRESHER_REDIS_IDLE_TIMEOUT
from pipelines.extraction.cues import PAGE_TYPES

#: Flags that are spider arguments of the same name, and (with the URLs) the identity of a --resume job.
INPUT_FLAGS = ("sitemap", "feed", "follow", "allow", "deny", "max_depth")
HELP = "crawl sites into a Parquet + JSONL dataset (the bundled demo site when no input is given)"


def formats(value: str) -> list[str]:
    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMATS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(unknown) or value!r} (choose from {', '.join(FORMATS)})"
        )
    return list(dict.fromkeys(names))


def page_type_list(value: str) -> list[str]:
    from pipelines.filters import page_types

    try:
        return sorted(page_types(value.split(",")))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """--format and --page-types: what a run writes, for crawl and for the WARC commands alike."""
    parser.add_argument(
        "--format",
        default=",".join(THRESHER_FORMATS),
        type=formats,
        metavar="LIST",
        help=f"comma-separated: {', '.join(FORMATS)} (default: {','.join(THRESHER_FORMATS)})",
    )
    parser.add_argument(
        "--page-types",
        type=page_type_list,
        metavar="LIST",
        help=f"page types to export, comma-separated: {', '.join(PAGE_TYPES)} (default: {','.join(THRESHER_PAGE_TYPES)})",
    )


def add_parser(commands: Any) -> None:
    crawl = commands.add_parser("crawl", help=HELP)
    crawl.add_argument("urls", nargs="*", metavar="URL", help="start URLs")
    crawl.add_argument("--urls-file", metavar="F", help="file of URLs, one per line, # comments ('-': stdin)")
    crawl.add_argument(
        "--sitemap",
        action="append",
        default=[],
        metavar="URL",
        help="sitemap, sitemap index, robots.txt or site root (repeatable)",
    )
    crawl.add_argument("--feed", action="append", default=[], metavar="URL", help="RSS 2.0 or Atom feed (repeatable)")
    crawl.add_argument("--follow", action="store_true", help="follow in-site links from every page")
    crawl.add_argument(
        "--allow", action="append", default=[], metavar="RE", help="only follow links matching RE (repeatable)"
    )
    crawl.add_argument(
        "--deny", action="append", default=[], metavar="RE", help="never follow links matching RE (repeatable)"
    )
    crawl.add_argument("--max-pages", type=count, metavar="N", help="request at most N pages")
    crawl.add_argument("--max-depth", type=count, metavar="N", help="follow links at most N hops from an input page")
    crawl.add_argument("--out", default="output", metavar="DIR", help="dataset directory (default: ./output)")
    crawl.add_argument(
        "--no-incremental",
        action="store_true",
        help="export unchanged pages again (no conditional requests, no content-hash skip)",
    )
    crawl.add_argument(
        "--no-warc",
        action="store_true",
        help="keep no WARC archive of the fetched pages (default: DIR/warc/<run_id>.warc.gz)",
    )
    add_output_options(crawl)
    add_setting_option(crawl, help="override a Scrapy/thresher setting (repeatable)")
    crawl.add_argument("-v", "--verbose", action="store_true", help="log to the console instead of the run's crawl.log")
    state = crawl.add_mutually_exclusive_group()
    state.add_argument(
        "--job-dir",
        metavar="DIR",
        help="keep the crawl's state in DIR (Scrapy JOBDIR): a stopped or killed run continues when re-run with it",
    )
    state.add_argument(
        "--resume",
        action="store_true",
        help="--job-dir OUT/jobs/<name from the inputs>: the same command continues an unfinished crawl",
    )
    state.add_argument(
        "--redis", metavar="URL", help="work on the shared frontier at redis://HOST:PORT/DB with other workers"
    )
    crawl.add_argument(
        "--idle-timeout",
        type=seconds,
        metavar="S",
        help=f"with --redis: exit once the frontier stayed empty for S seconds (default {THRESHER_REDIS_IDLE_TIMEOUT:g})",
    )


def run(args: argparse.Namespace) -> int:
    from crawler.demo import DEMO_PORT, DemoServer
    from crawler.layout import dataset_feeds
    from crawler.spiders.articles import ArticleSpider
    from pipelines.storage import discard_parts

    overrides = setting_overrides(args.settings)
    check_setting_values(overrides)
    _read_stream_urls(args)
    spider_args = _spider_args(args)
    if args.job_dir:
        writable_dir(Path(args.job_dir), "--job-dir")
    out = writable_dir(Path(args.out))
    job_dir = _job_dir(args, out)
    if args.idle_timeout is not None and not args.redis:
        raise UsageError("--idle-timeout applies to --redis workers")
    if args.redis:
        check_redis(args.redis)
    _lock(out, job_dir, spider_args["run_id"], worker=bool(args.redis))

    demo = None
    if not (args.urls or args.urls_file or args.sitemap or args.feed or args.redis):
        if job_dir is not None:
            raise UsageError("--resume/--job-dir need inputs (give the demo site's URL: thresher serve-demo)")
        demo, fixed = DemoServer.on_demo_port()
        demo.start_in_thread()
        spider_args.update(urls=[demo.base_url + "/"], follow=True)
        print(f"No input given: crawling the bundled demo site at {demo.base_url}/", file=sys.stderr)
        if not fixed:
            print(
                f"(port {DEMO_PORT} is taken: the demo's URLs differ from the last run's, so every page is new)",
                file=sys.stderr,
            )

    feeds, run_dir = dataset_feeds(out, spider_args["run_id"], args.format, worker=bool(args.redis))
    settings = _settings(args, out, feeds, run_dir, job_dir, loopback=demo is not None)
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")

    from crawler.stopping import StoppingCrawlerProcess

    process = StoppingCrawlerProcess(settings)
    crawler = process.create_crawler(ArticleSpider)
    process.crawl(crawler, **spider_args)
    try:
        process.start()
    finally:
        discard_parts()  # the part files of outputs that were never stored
        if demo is not None:
            demo.shutdown()
    return _report(crawler.stats.get_stats(), out, run_dir, feeds, worker=bool(args.redis))


def _lock(out: Path, job_dir: Path | None, run_id: str, worker: bool) -> None:
    """One writer per dataset (and per job dir): a second crawl into them fails now, naming the run that holds them."""
    from crawler.lock import Busy, acquire

    try:
        acquire(out, run_id, shared=worker)
        if job_dir is not None:
            acquire(job_dir, run_id, what="job dir")
    except Busy as exc:
        raise Unavailable(str(exc)) from None


def _read_stream_urls(args: argparse.Namespace) -> None:
    """`--urls-file -` (stdin), or a pipe such as /dev/stdin, is read once, here: its URLs join the URL arguments.

    The spider reads a regular file itself (and the job identity of --resume is its path),
    but a stream can be read only once, and the arguments are checked before the crawl.
    """
    from crawler.spiders.articles import BadSpiderArgument, read_url_file

    name = args.urls_file
    if name is None:
        return
    if name == "-":
        try:
            text = sys.stdin.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read URL file - (stdin): {exc}") from None
        urls = [line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()]
    else:
        path = Path(name)
        if not path.exists() or path.is_file() or path.is_dir():
            return  # a regular file (or an error the spider reports)
        try:
            urls = read_url_file(name)
        except BadSpiderArgument as exc:
            raise UsageError(str(exc)) from None
    args.urls = [*args.urls, *urls]
    args.urls_file = None


def _spider_args(args: argparse.Namespace) -> dict[str, Any]:
    """The `articles` spider's arguments, every one checked before anything starts."""
    from crawler.runid import new_run_id
    from crawler.spiders.articles import ArticleSpider, BadSpiderArgument

    spider_args: dict[str, Any] = {
        "urls": list(args.urls),
        "urls_file": args.urls_file,
        **{name: getattr(args, name) for name in INPUT_FLAGS},
        "max_pages": args.max_pages,
        "run_id": new_run_id(),
    }
    try:
        ArticleSpider(**spider_args)
    except BadSpiderArgument as exc:
        raise UsageError(str(exc)) from None
    return spider_args


def _settings(
    args: argparse.Namespace,
    out: Path,
    feeds: dict[str, Any],
    run_dir: Path,
    job_dir: Path | None,
    loopback: bool,
) -> Any:
    """thresher's settings with the flags on top (cmdline priority; `-s` overrides come after)."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    flags: dict[str, Any] = {
        "FEEDS": feeds,
        "THRESHER_RUN_DIR": str(run_dir),
        "THRESHER_STATE_PATH": str(out / "state.sqlite"),
    }
    if args.no_incremental:
        flags["THRESHER_INCREMENTAL"] = False
    if args.no_warc:
        flags["THRESHER_WARC"] = False
    if args.page_types:
        flags["THRESHER_PAGE_TYPES"] = args.page_types
    if loopback:  # the demo site: no need to ease in
        flags["AUTOTHROTTLE_START_DELAY"] = 0.0
    if job_dir is not None:
        flags["JOBDIR"] = str(job_dir)
        print(f"Job dir: {job_dir} (run the same command again to continue an unfinished crawl)", file=sys.stderr)
    if args.redis:
        flags["THRESHER_REDIS_URL"] = args.redis
        if args.idle_timeout is not None:
            flags["THRESHER_REDIS_IDLE_TIMEOUT"] = args.idle_timeout
    if not args.verbose:
        flags["LOG_FILE"] = str(run_dir / "crawl.log")
        run_dir.mkdir(parents=True, exist_ok=True)
    if sys.stderr.isatty():  # a live progress line
        flags["EXTENSIONS"] = {**settings.getdict("EXTENSIONS"), "crawler.progress.ProgressDisplay": 900}
    for name, value in flags.items():
        settings.set(name, value, priority="cmdline")
    return settings


def _job_dir(args: argparse.Namespace, out: Path) -> Path | None:
    """--job-dir as given, or for --resume a job dir named after the inputs, so the same command finds it."""
    if args.job_dir:
        return Path(args.job_dir)
    if not args.resume:
        return None
    from crawler.resume import job_name

    spec = {
        "urls": args.urls,
        "urls_file": str(Path(args.urls_file).resolve()) if args.urls_file else None,
        **{name: getattr(args, name) for name in INPUT_FLAGS},
    }
    return out / "jobs" / job_name(spec)


#: Drop stages that say nothing was done for a page: its fetch failed, an input repeated it, a stop left it.
_NOTHING_DONE_STAGES = ("fetch", "input", "stop")


def _drop_stages(run_dir: Path) -> dict[str, int]:
    """How many drops.jsonl lines each stage has."""
    stages: dict[str, int] = {}
    try:
        with (run_dir / "drops.jsonl").open(encoding="utf-8") as lines:
            for line in lines:
                try:
                    stage = json.loads(line).get("stage")
                except ValueError:
                    continue
                stages[stage] = stages.get(stage, 0) + 1
    except OSError:
        pass
    return stages


def outcome_errors(stats: dict[str, Any], counts: dict[str, Any], run_dir: Path, worker: bool = False) -> list[str]:
    """Why the run could not do its job (exit status 1); empty when it did.

    An output not written; nothing fetched at all; or a run that finished with nothing
    to show: every page's fetch failed (HTTP errors, time-outs, robots.txt), nothing
    exported or found unchanged. A graceful stop (Ctrl-C, SIGTERM) is not a failure, and
    an idle Redis worker did its job (the others took the frontier).
    """
    from pipelines.storage import failed_feeds

    if failed_feeds(stats):
        failed = stats.get("thresher/failed_outputs") or ["an output (see crawl.log)"]
        return [f"output not written: {output}" for output in failed]
    requested = counts.get("requested", 0)
    if worker and not requested:
        return []
    if not stats.get("downloader/response_count") or not requested:
        return ["nothing was fetched"]
    if stats.get("finish_reason") == "finished" and not counts.get("exported") and not counts.get("unchanged"):
        stages = _drop_stages(run_dir)
        if not any(number for stage, number in stages.items() if stage not in _NOTHING_DONE_STAGES):
            return [f"nothing exported: every fetch failed ({', '.join(counts.get('drop_reasons', {})) or 'no page'})"]
    return []


def _report(stats: dict[str, Any], out: Path, run_dir: Path, feeds: dict[str, Any], worker: bool = False) -> int:
    manifest_path = run_dir / "manifest.json"
    counts = json.loads(manifest_path.read_text())["counts"] if manifest_path.exists() else {}
    errors = outcome_errors(stats, counts, run_dir, worker)
    reason = stats.get("finish_reason", "unknown")
    print(f"\nthresher run {run_dir.name}: " + (f"failed ({reason})" if errors else reason))
    print(
        f"  requested {counts.get('requested', 0)}, exported {counts.get('exported', 0)}, dropped {counts.get('dropped', 0)}"
        + (f", unchanged {counts['unchanged']}" if counts.get("unchanged") else "")
    )
    for drop_reason, number in counts.get("drop_reasons", {}).items():
        print(f"    {drop_reason:<20} {number}")
    if counts.get("input_errors"):
        print(f"  inputs that could not be read: {counts['input_errors']} (see crawl.log)")
    written = [Path(path) for path in feeds if Path(path).exists()]
    print("  outputs:" if written or manifest_path.exists() else "  outputs: none written")
    if any(path.suffix == ".parquet" for path in written):
        print(f"    dataset   {out / 'articles'}   (pandas.read_parquet on this directory)")
    for path in written:
        print(f"    {path.suffix[1:]:<9} {path}")
    for label, path in (
        ("manifest", manifest_path),
        ("drops", run_dir / "drops.jsonl"),
        ("log", run_dir / "crawl.log"),
    ):
        if path.exists():
            print(f"    {label:<9} {path}")
    if counts.get("drop_reasons", {}).get("not_fetched"):
        print(f"  not fetched: {counts['drop_reasons']['not_fetched']} (the run stopped early; see drops.jsonl)")
    if worker and not counts.get("requested") and not errors:
        print("  this worker found the shared frontier empty")
    _print_report_command(out)
    for error in errors:
        print(f"thresher crawl: error: {error}", file=sys.stderr)
    return EXIT_FAILED if errors else EXIT_OK


def _print_report_command(out: Path) -> None:
    """The summary's last line: the command that writes the HTML report of this dataset, ready to paste."""
    print(f"  HTML report of the dataset ({out / 'report.html'}):\n    thresher report {shlex.quote(str(out))}")
