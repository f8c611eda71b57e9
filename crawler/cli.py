"""`thresher`: a thin face over Scrapy. Flags become settings and spider arguments.

Exit status: 0 the run completed; 1 it could not do its job (nothing fetched, output
not written, page unreadable, Redis unreachable); 2 bad arguments (a one-line message,
no traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.request
from pathlib import Path
from typing import Any, NoReturn

from crawler import __version__
from crawler.layout import FORMATS
from pipelines.contracts.defaults import THRESHER_FORMATS, THRESHER_REDIS_IDLE_TIMEOUT

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A user mistake in the arguments: reported in one line with exit status 2."""


class Unavailable(Exception):
    """A server the command needs cannot be reached: one line, exit status 1 (worth retrying later)."""


class _Parser(argparse.ArgumentParser):
    """Reports a usage mistake in one line (exit status 2); the full usage is one --help away."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="thresher", description="Crawl article pages into a clean, labelled dataset.")
    parser.add_argument("--version", action="version", version=f"thresher {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    crawl = commands.add_parser(
        "crawl", help="crawl sites into a Parquet + JSONL dataset (the bundled demo site when no input is given)"
    )
    crawl.add_argument("urls", nargs="*", metavar="URL", help="start URLs")
    crawl.add_argument("--urls-file", metavar="F", help="file of URLs, one per line, # comments")
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
    crawl.add_argument("--max-pages", type=_count, metavar="N", help="request at most N pages")
    crawl.add_argument("--max-depth", type=_count, metavar="N", help="follow links at most N hops from an input page")
    crawl.add_argument("--out", default="output", metavar="DIR", help="dataset directory (default: ./output)")
    crawl.add_argument(
        "--no-incremental",
        action="store_true",
        help="export unchanged pages again (no conditional requests, no content-hash skip)",
    )
    crawl.add_argument(
        "--format",
        default=",".join(THRESHER_FORMATS),
        type=_formats,
        metavar="LIST",
        help=f"comma-separated: {', '.join(FORMATS)} (default: {','.join(THRESHER_FORMATS)})",
    )
    crawl.add_argument(
        "-s",
        "--set",
        dest="settings",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a Scrapy/thresher setting (repeatable)",
    )
    crawl.add_argument(
        "-v", "--verbose", action="store_true", help="log to the console too, not only to the run's crawl.log"
    )
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
        type=_seconds,
        metavar="S",
        help=f"with --redis: exit once the frontier stayed empty for S seconds (default {THRESHER_REDIS_IDLE_TIMEOUT:g})",
    )

    push = commands.add_parser("push", help="add seed URLs to a Redis frontier for `crawl --redis` workers")
    push.add_argument("urls", nargs="*", metavar="URL", help="seed URLs")
    push.add_argument("--redis", required=True, metavar="URL", help="the frontier: redis://HOST:PORT/DB")
    push.add_argument("--urls-file", metavar="F", help="file of URLs, one per line, # comments")
    push.add_argument("--reset", action="store_true", help="forget the frontier's crawl first (queue, seen URLs)")
    push.add_argument(
        "-s", "--set", dest="settings", action="append", default=[], metavar="NAME=VALUE", help="override a setting"
    )

    runs = commands.add_parser("runs", help="list the runs of a dataset directory with their counts")
    runs.add_argument("dir", nargs="?", default="output", metavar="DIR", help="dataset directory (default: ./output)")
    runs.add_argument("--json", action="store_true", help="print the runs and their manifests as JSON")

    serve = commands.add_parser("serve-demo", help="serve the bundled demo site on 127.0.0.1 until interrupted")
    serve.add_argument("--port", type=_port, default=8000, help="port (default 8000; 0 picks a free one)")

    extract = commands.add_parser("extract", help="extract one page (file or URL) to stdout")
    extract.add_argument("page", metavar="PATH_OR_URL")
    extract.add_argument("--url", help="the page's URL, when PATH_OR_URL is a file")
    extract.add_argument("--format", choices=("json", "text"), default="json")
    extract.add_argument(
        "--explain",
        metavar="OUT.html",
        help="write an HTML view of the page's labelled blocks and its record to OUT.html instead of printing it",
    )

    report = commands.add_parser("report", help="write an HTML report of a dataset directory or of one run")
    report.add_argument(
        "dataset",
        nargs="?",
        default="output",
        metavar="DIR",
        help="dataset directory or DIR/runs/RUN_ID (default: ./output)",
    )
    report.add_argument("-o", "--output", metavar="OUT.html", help="where to write it (default: DIR/report.html)")
    return parser


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0: {value!r}")
    return number


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not number >= 0:
        raise argparse.ArgumentTypeError(f"must be >= 0: {value!r}")
    return number


def _port(value: str) -> int:
    port = _count(value)
    if port > 65535:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}")
    return port


def _formats(value: str) -> list[str]:
    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMATS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(unknown) or value!r} (choose from {', '.join(FORMATS)})"
        )
    return list(dict.fromkeys(names))


def _setting_overrides(pairs: list[str]) -> dict[str, str]:
    overrides = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name or not name.replace("_", "").isalnum() or not name.isupper():
            raise UsageError(f"-s expects NAME=VALUE with an upper-case setting name, got {pair!r}")
        overrides[name] = value
    return overrides


#: Settings with an integer default that Scrapy reads as floats (`-s DOWNLOAD_TIMEOUT=2.5` is fine).
_FLOAT_SETTINGS = frozenset({"DOWNLOAD_TIMEOUT", "DOWNLOAD_DELAY", "DNS_TIMEOUT"})
_EXPECTED = {
    "getbool": "a boolean (True/False, 1/0)",
    "getint": "an integer",
    "getfloat": "a number",
    "getdict": "a JSON object",
}


def _check_setting_values(overrides: dict[str, str]) -> None:
    """A malformed -s value fails here in one line, not as a traceback from deep inside Scrapy.

    A setting's type is that of its default (Scrapy's or thresher's), and the value must
    read as it with the getter Scrapy will use: `-s DOWNLOAD_TIMEOUT=soon`,
    `-s ROBOTSTXT_OBEY=maybe`, `-s FEEDS={bad`, `-s LOG_LEVEL=LOUD` are usage errors.
    Settings without a default (or a string one) are taken as given.
    """
    import logging

    from scrapy.settings import Settings

    from crawler.addon import thresher_settings

    defaults = thresher_settings()
    for name, value in overrides.items():
        default = defaults.get(name)
        if isinstance(default, bool):
            getter = "getbool"
        elif isinstance(default, float) or (isinstance(default, int) and name in _FLOAT_SETTINGS):
            getter = "getfloat"
        elif isinstance(default, int):
            getter = "getint"
        elif isinstance(default, dict) or hasattr(default, "copy_to_dict"):
            getter = "getdict"
        else:
            getter = None
        if getter is not None:
            try:
                getattr(Settings({name: value}), getter)(name)
            except (ValueError, TypeError):
                raise UsageError(f"-s {name}={value}: {name} expects {_EXPECTED[getter]}") from None
        if name == "LOG_LEVEL" and not isinstance(logging.getLevelName(value), int):
            raise UsageError(f"-s {name}={value}: not a log level (DEBUG, INFO, WARNING, ERROR, CRITICAL)")


def _writable_dir(path: Path, flag: str = "--out") -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / f".thresher-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise UsageError(f"{flag} {path}: not a writable directory ({exc.strerror or exc})") from None
    return path


# --- crawl ---------------------------------------------------------------------
def crawl(args: argparse.Namespace) -> int:
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings

    from crawler.demo import DemoServer
    from crawler.layout import dataset_feeds
    from crawler.runid import new_run_id
    from crawler.spiders.articles import ArticleSpider, BadSpiderArgument

    overrides = _setting_overrides(args.settings)
    _check_setting_values(overrides)
    spider_args: dict[str, Any] = {
        "urls": list(args.urls),
        "urls_file": args.urls_file,
        "sitemap": args.sitemap,
        "feed": args.feed,
        "follow": args.follow,
        "allow": args.allow,
        "deny": args.deny,
        "max_depth": args.max_depth,
        "max_pages": args.max_pages,
        "run_id": new_run_id(),
    }
    try:
        ArticleSpider(**spider_args)  # validate every argument before anything starts
    except BadSpiderArgument as exc:
        raise UsageError(str(exc)) from None
    if args.job_dir:
        _writable_dir(Path(args.job_dir), "--job-dir")
    out = _writable_dir(Path(args.out))
    job_dir = _job_dir(args, out)
    if args.idle_timeout is not None and not args.redis:
        raise UsageError("--idle-timeout applies to --redis workers")
    if args.redis:
        _check_redis(args.redis)

    demo = None
    if not (args.urls or args.urls_file or args.sitemap or args.feed or args.redis):
        if job_dir is not None:
            raise UsageError("--resume/--job-dir need inputs: the demo site gets a new port every run")
        demo = DemoServer().start_in_thread()
        spider_args.update(urls=[demo.base_url + "/"], follow=True)
        print(f"No input given: crawling the bundled demo site at {demo.base_url}/", file=sys.stderr)

    feeds, run_dir = dataset_feeds(out, spider_args["run_id"], args.format)

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("FEEDS", feeds, priority="cmdline")
    settings.set("THRESHER_RUN_DIR", str(run_dir), priority="cmdline")
    settings.set("THRESHER_STATE_PATH", str(out / "state.sqlite"), priority="cmdline")
    if args.no_incremental:
        settings.set("THRESHER_INCREMENTAL", False, priority="cmdline")
    if demo is not None:  # loopback: no need to ease in
        settings.set("AUTOTHROTTLE_START_DELAY", 0.0, priority="cmdline")
    if job_dir is not None:
        settings.set("JOBDIR", str(job_dir), priority="cmdline")
        print(f"Job dir: {job_dir} (run the same command again to continue an unfinished crawl)", file=sys.stderr)
    if args.redis:
        settings.set("THRESHER_REDIS_URL", args.redis, priority="cmdline")
        if args.idle_timeout is not None:
            settings.set("THRESHER_REDIS_IDLE_TIMEOUT", args.idle_timeout, priority="cmdline")
    if not args.verbose:
        settings.set("LOG_FILE", str(run_dir / "crawl.log"), priority="cmdline")
        run_dir.mkdir(parents=True, exist_ok=True)
    show_progress = sys.stderr.isatty()
    if show_progress:
        settings.set(
            "EXTENSIONS",
            {**settings.getdict("EXTENSIONS"), "crawler.progress.ProgressDisplay": 900},
            priority="cmdline",
        )
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")

    process = CrawlerProcess(settings)
    crawler = process.create_crawler(ArticleSpider)
    process.crawl(crawler, **spider_args)
    try:
        process.start()
    finally:
        if demo is not None:
            demo.shutdown()
    return _report(crawler.stats.get_stats(), out, run_dir, feeds, worker=bool(args.redis))


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
        "sitemap": args.sitemap,
        "feed": args.feed,
        "follow": args.follow,
        "allow": args.allow,
        "deny": args.deny,
        "max_depth": args.max_depth,
    }
    return out / "jobs" / job_name(spec)


def _check_redis(url: str) -> None:
    """Fail in one line before Scrapy starts, rather than with a traceback from its scheduler."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=10).ping()
    except ValueError as exc:
        raise UsageError(f"--redis {url}: {exc}") from None
    except redis.RedisError as exc:
        raise Unavailable(f"--redis {url}: cannot reach the Redis server ({exc})") from None


def _report(stats: dict[str, Any], out: Path, run_dir: Path, feeds: dict[str, Any], worker: bool = False) -> int:
    from pipelines.storage import failed_feeds

    manifest_path = run_dir / "manifest.json"
    counts = json.loads(manifest_path.read_text())["counts"] if manifest_path.exists() else {}
    print(f"\nthresher run {run_dir.name}: {stats.get('finish_reason', 'unknown')}")
    print(
        f"  requested {counts.get('requested', 0)}, exported {counts.get('exported', 0)}, dropped {counts.get('dropped', 0)}"
        + (f", unchanged {counts['unchanged']}" if counts.get("unchanged") else "")
    )
    for reason, number in counts.get("drop_reasons", {}).items():
        print(f"    {reason:<20} {number}")
    if counts.get("input_errors"):
        print(f"  inputs that could not be read: {counts['input_errors']} (see crawl.log)")
    print("  outputs:")
    if any(path.endswith(".parquet") for path in feeds):
        print(f"    dataset   {out / 'articles'}   (pandas.read_parquet on this directory)")
    for path in feeds:
        print(f"    {Path(path).suffix[1:]:<9} {path}")
    print(f"    manifest  {manifest_path}\n    drops     {run_dir / 'drops.jsonl'}")
    if (run_dir / "crawl.log").exists():
        print(f"    log       {run_dir / 'crawl.log'}")
    if failed_feeds(stats):
        print("error: an output file could not be written (see crawl.log)", file=sys.stderr)
        return EXIT_FAILED
    if counts.get("drop_reasons", {}).get("not_fetched"):
        print(f"  not fetched: {counts['drop_reasons']['not_fetched']} (the run stopped early; see drops.jsonl)")
    if worker and not counts.get("requested"):  # the other workers took the whole frontier
        print("  this worker found the shared frontier empty")
        _print_report_command(out)
        return EXIT_OK
    _print_report_command(out)
    if not stats.get("downloader/response_count") or not counts.get("requested"):
        print("error: nothing was fetched", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _print_report_command(out: Path) -> None:
    """The summary's last line: the command that writes the HTML report of this dataset, ready to paste."""
    import shlex

    print(f"  HTML report of the dataset ({out / 'report.html'}):\n    thresher report {shlex.quote(str(out))}")


# --- push ------------------------------------------------------------------------
def push(args: argparse.Namespace) -> int:
    from crawler.addon import thresher_settings
    from crawler.distributed import FrontierKeys, push_seeds, redis_server, reset_frontier
    from crawler.spiders.articles import ArticleSpider, BadSpiderArgument, read_url_file

    try:
        urls = list(args.urls) + (read_url_file(args.urls_file) if args.urls_file else [])
        ArticleSpider(urls=urls)  # the same checks as crawl's inputs
    except BadSpiderArgument as exc:
        raise UsageError(str(exc)) from None
    if not urls and not args.reset:
        raise UsageError("give URLs to push (or --reset)")
    overrides = _setting_overrides(args.settings)
    _check_setting_values(overrides)
    _check_redis(args.redis)
    settings = thresher_settings()
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    settings.set("REDIS_URL", args.redis, priority="cmdline")
    server = redis_server(settings)
    keys = FrontierKeys.from_settings(settings, ArticleSpider.name)
    if args.reset:
        reset_frontier(server, keys)
        print(f"cleared the frontier {keys.requests} at {args.redis}")
    if urls:
        pushed = push_seeds(server, keys, urls)
        print(f"pushed {pushed} seed URL(s) to {keys.seeds} at {args.redis}")
    return EXIT_OK


# --- runs ------------------------------------------------------------------------
def runs(args: argparse.Namespace) -> int:
    from crawler.runs import NotADataset, format_runs, list_runs, runs_as_json

    try:
        found = list_runs(args.dir)
    except NotADataset as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        print(runs_as_json(found))
    elif not found:
        print(f"no runs in {args.dir}")
    else:
        print(format_runs(found))
    return EXIT_OK


# --- serve-demo ------------------------------------------------------------------
def serve_demo(args: argparse.Namespace) -> int:
    from crawler.demo import DemoServer

    try:
        server = DemoServer(args.port)
    except OSError as exc:
        raise UsageError(f"cannot listen on 127.0.0.1:{args.port}: {exc.strerror or exc}") from None
    print(f"Serving the thresher demo site at {server.base_url}/ (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK


# --- extract ---------------------------------------------------------------------
def _read_page(page: str) -> tuple[bytes, str | None, str | None]:
    """(html, url, content type) from a file path or an http(s) URL."""
    if page.startswith(("http://", "https://")):
        request = urllib.request.Request(page, headers={"User-Agent": f"thresher/{__version__}"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.read(50 * 1024 * 1024), response.geturl(), response.headers.get("Content-Type")
        except OSError as exc:
            raise UsageError(f"cannot fetch {page}: {exc}") from None
    try:
        return Path(page).read_bytes(), None, None
    except OSError as exc:
        raise UsageError(f"cannot read {page}: {exc.strerror or exc}") from None


def extract(args: argparse.Namespace) -> int:
    from pipelines.extraction import ExtractionError
    from pipelines.extraction import extract as extract_page

    html, fetched_url, content_type = _read_page(args.page)
    try:
        article = extract_page(html, args.url or fetched_url, content_type=content_type)
    except ExtractionError as exc:
        print(f"thresher: {args.page}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if args.explain:
        from crawler.views.explain import write_explain

        return _write_view(args.explain, lambda path: write_explain(article, path, source=args.page))
    if args.format == "text":
        print(article.title or "")
        print()
        print(article.body)
    else:
        json.dump(article.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    return EXIT_OK


# --- report ----------------------------------------------------------------------
def report(args: argparse.Namespace) -> int:
    from crawler.runs import NotADataset
    from crawler.views.report import collect, default_output, write_report

    try:
        output = Path(args.output) if args.output else default_output(args.dataset)
        stats = collect(args.dataset)
    except NotADataset as exc:
        raise UsageError(str(exc)) from None
    except (OSError, ValueError) as exc:  # unreadable files; pyarrow's errors are ValueErrors
        print(f"thresher report: cannot read the dataset {args.dataset}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return _write_view(output, lambda path: write_report(stats, path))


def _write_view(path: str | Path, write: Any) -> int:
    """Write an HTML view with `write(path)`; an unwritable path is a failed output (exit 1)."""
    try:
        written = write(Path(path))
    except OSError as exc:
        print(f"thresher: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"wrote {written}", file=sys.stderr)
    return EXIT_OK


COMMANDS = {
    "crawl": crawl,
    "push": push,
    "runs": runs,
    "serve-demo": serve_demo,
    "extract": extract,
    "report": report,
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"thresher {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Unavailable as exc:
        print(f"thresher {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
