"""Crawl throughput and memory: bare Scrapy fetch vs thresher crawl+extract+export vs extraction only.

Serves N generated article pages from 127.0.0.1 (a server in its own process, so it
does not share the crawler's GIL) and measures, in one run, each in a fresh subprocess:

- fetch:    a minimal Scrapy spider that only fetches the URLs (no pipelines);
- thresher: the real `articles` spider with thresher's settings and pipelines, writing
            the dataset (Parquet, JSON Lines, drops, manifest, state) to a temp dir;
- extract:  `pipelines.extract.extract_page` over the same pages in the same process
            pool (same worker count, same bound on pages in the pool), no crawl.

Rates are pages / seconds from the spider opening (or the pool starting) to the end of
the run, so interpreter and Scrapy start-up are left out and pool start-up and the final
export are counted. Memory is sampled from /proc every 0.2 s over each subprocess and all
its descendants (forkserver, pool workers): RSS summed (pages shared between processes
count in each) and PSS summed (shared pages split between them: the real footprint).
"CPU main" is the CPU time of the measured process itself (start-up included, pool workers not):
on a machine with as many workers as cores, that is what the crawl takes from extraction.

Pages are AEB pages (5-30 KB once scripts, styles and comments are stripped), with the
words of every longer text run rotated per page, so no two pages have the same body and
each stays a realistic page to extract. Robots.txt and AutoThrottle are off.

    python benchmarks/crawl.py                          # 1000 pages, one worker per core
    python benchmarks/crawl.py --pages 20000 --json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import aeb

REPO_ROOT = aeb.REPO_ROOT
TEMPLATE_BYTES = (5_000, 30_000)  # stripped page sizes used as templates
MIN_ROTATED_WORDS = 8  # text runs at least this long are varied per page
NUMBER = "\x00n"  # placeholder word for the page number in each template's longest text run
CONTENT_TYPE = "text/html; charset=utf-8"
SAMPLE_SECONDS = 0.2
TARGET_RATIO = 0.85

_STRIP = re.compile(rb"<(script|style|svg|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
#: A page's own URL declarations: every generated copy would otherwise claim the AEB page's URL (duplicate_url).
_SELF_URL = re.compile(
    r"<link\b[^>]*\brel=[\"']?canonical[^>]*>|<meta\b[^>]*\b(?:property|name)=[\"']?(?:og:url|twitter:url)[^>]*>",
    re.I,
)
_SPACE = re.compile(r"\s+")
_TEXT_RUN = re.compile(r"(?<=>)([^<]+)(?=<)")

Chunk = str | list[str]  # markup (or short text) as is; a longer text run as [lead, trail, word, word, ...]


# --- the generated pages ------------------------------------------------------------
@dataclass
class Corpus:
    """Page templates; page n is template n % T with its longer text runs rotated by an n-dependent amount.

    The longest text run of each template also carries the number n, so that no two pages have
    the same body whatever N (rotations alone repeat for some n).
    """

    templates: list[list[Chunk]]

    @classmethod
    def from_aeb(cls, aeb_dir: Path) -> Corpus:
        """Every AEB page of 5-30 KB once stripped whose numbered variants thresher exports as articles."""
        from pipelines.extraction import extract

        templates = []
        for page in aeb.iter_pages(aeb_dir):
            html = _strip(page.html)
            if not TEMPLATE_BYTES[0] <= len(html.encode()) <= TEMPLATE_BYTES[1]:
                continue
            single = cls([_chunks(html)])
            numbers = (987_654, 987_655)  # each must show in its page's body: then every body differs
            variants = [extract(single.page(n), page.url, content_type=CONTENT_TYPE) for n in numbers]
            if all(a.is_article and str(n) in a.body for a, n in zip(variants, numbers, strict=True)):
                templates.extend(single.templates)
        if not templates:
            sys.exit(f"no AEB page of {TEMPLATE_BYTES[0]}-{TEMPLATE_BYTES[1]} bytes in {aeb_dir}")
        return cls(templates)

    @classmethod
    def load(cls, path: Path) -> Corpus:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.templates), encoding="utf-8")

    def page(self, n: int) -> bytes:
        template = self.templates[n % len(self.templates)]
        out = []
        for i, chunk in enumerate(template):
            if isinstance(chunk, str):
                out.append(chunk)
                continue
            lead, trail, words = chunk[0], chunk[1], chunk[2:]
            k = (n * 7919 + i) % len(words)
            text = " ".join(words[k:] + words[:k])
            out.append(lead + text.replace(NUMBER, str(n)) + trail)
        return "".join(out).encode("utf-8")

    def mean_kb(self, sample: int = 50) -> float:
        return sum(len(self.page(n)) for n in range(sample)) / sample / 1024


def _strip(html: bytes) -> str:
    """The page without scripts, styles, comments and its own URL, whitespace folded."""
    text = _STRIP.sub(b"", html).decode("utf-8", errors="replace")
    return _SPACE.sub(" ", _SELF_URL.sub("", text))


def _chunks(html: str) -> list[Chunk]:
    """Markup and short text as strings; longer text runs as word lists that `Corpus.page` rotates.

    The longest run gets the NUMBER placeholder as one more word.
    """
    chunks: list[Chunk] = []
    for i, part in enumerate(_TEXT_RUN.split(html)):
        words = part.split()
        if i % 2 and len(words) >= MIN_ROTATED_WORDS:
            lead = part[: len(part) - len(part.lstrip())]
            trail = part[len(part.rstrip()) :]
            chunks.append([lead, trail, *words])
        elif chunks and isinstance(chunks[-1], str):
            chunks[-1] += part
        else:
            chunks.append(part)
    runs = [chunk for chunk in chunks if isinstance(chunk, list)]
    if runs:
        max(runs, key=len).insert(2, NUMBER)
    return chunks


def page_url(base_url: str, n: int) -> str:
    return f"{base_url}/p/{n}.html"


# --- the server (its own process) ---------------------------------------------------
class PageHandler(BaseHTTPRequestHandler):
    """GET /p/N.html for N < pages; HTTP/1.1 keep-alive, as a real site would."""

    protocol_version = "HTTP/1.1"
    server: PageServer

    def do_GET(self) -> None:
        match = re.fullmatch(r"/p/(\d+)\.html", self.path)
        n = int(match.group(1)) if match else -1
        if not 0 <= n < self.server.pages:
            body, status = b"not found", 404
        else:
            body, status = self.server.corpus.page(n), 200
        self.send_response(status)
        self.send_header("Content-Type", CONTENT_TYPE)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class PageServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, corpus: Corpus, pages: int) -> None:
        super().__init__(("127.0.0.1", 0), PageHandler)
        self.corpus = corpus
        self.pages = pages


def serve(corpus_path: Path, pages: int) -> None:
    """Role `serve`: print the base URL, then serve until terminated."""
    server = PageServer(Corpus.load(corpus_path), pages)
    print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()


@contextmanager
def page_server(corpus_path: Path, pages: int) -> Iterator[str]:
    """The page server in a subprocess; yields its base URL."""
    proc = subprocess.Popen(
        [sys.executable, __file__, "--role", "serve", "--corpus", str(corpus_path), "--pages", str(pages)],
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        assert proc.stdout is not None
        base_url = proc.stdout.readline().strip()
        if not base_url.startswith("http://127.0.0.1:"):
            sys.exit("the page server did not start")
        yield base_url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# --- the measured roles (each in its own subprocess) ----------------------------------
def _crawl(spider_cls: type, settings: Any, **spider_args: Any) -> tuple[float, dict[str, Any]]:
    """Run one crawl; (seconds from spider_opened to the end of the crawl, its stats)."""
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess

    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider_cls)
    opened: list[float] = []
    crawler.signals.connect(lambda: opened.append(time.perf_counter()), signal=signals.spider_opened, weak=False)
    process.crawl(crawler, **spider_args)
    process.start()
    return time.perf_counter() - opened[0], crawler.stats.get_stats()


def _fetch_spider() -> type:
    """A spider that fetches the URL list and does nothing with the pages: Scrapy's own cost."""
    from scrapy import Request, Spider

    class FetchSpider(Spider):
        name = "fetch"

        def __init__(self, urls_file: str, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.urls_file = urls_file

        async def start(self):
            with open(self.urls_file, encoding="utf-8") as lines:
                for line in lines:
                    yield Request(line.strip(), callback=self.parse, dont_filter=True)

        def parse(self, response):
            return None

    return FetchSpider


def role_fetch(urls_file: Path, concurrency: int) -> dict[str, Any]:
    from scrapy.settings import Settings

    settings = Settings(
        {
            "ROBOTSTXT_OBEY": False,
            "CONCURRENT_REQUESTS": concurrency,
            "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
            "COOKIES_ENABLED": False,
            "TELNETCONSOLE_ENABLED": False,
            "LOG_LEVEL": "WARNING",
            "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
        }
    )
    seconds, stats = _crawl(_fetch_spider(), settings, urls_file=str(urls_file))
    return {"seconds": seconds, "pages": stats.get("response_received_count", 0)}


def role_thresher(
    urls_file: Path, out: Path, workers: int, concurrency: int, extra_settings: Sequence[str] = ()
) -> dict[str, Any]:
    import pyarrow.parquet as pq
    from scrapy.settings import Settings

    from crawler.spiders.articles import ArticleSpider

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    overrides = {
        "THRESHER_OUT": str(out),
        "THRESHER_EXTRACT_WORKERS": workers,
        "AUTOTHROTTLE_ENABLED": False,
        "ROBOTSTXT_OBEY": False,
        "CONCURRENT_REQUESTS": concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        "LOG_FILE": str(out / "crawl.log"),
    }
    overrides.update(pair.split("=", 1) for pair in extra_settings)
    settings.setdict(overrides, priority="cmdline")
    out.mkdir(parents=True, exist_ok=True)
    seconds, stats = _crawl(ArticleSpider, settings, urls_file=str(urls_file))
    rows = sum(pq.read_metadata(part).num_rows for part in (out / "articles").glob("*.parquet"))
    drops = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("thresher/dropped/")}
    return {
        "seconds": seconds,
        "pages": stats.get("thresher/requested", 0),
        "exported": stats.get("thresher/exported", 0),
        "parquet_rows": rows,
        "drops": drops,
        "finish_reason": stats.get("finish_reason"),
    }


def role_extract(corpus_path: Path, base_url: str, pages: int, workers: int) -> dict[str, Any]:
    """The pipeline's unit of work, in the pipeline's pool, with its bound on pages in the pool."""
    from concurrent.futures import FIRST_COMPLETED, wait

    from pipelines.contracts import PageItem
    from pipelines.extract import extract_page, process_pool, resolve_queue

    corpus = Corpus.load(corpus_path)
    bound = resolve_queue(0, workers)
    fetched_at = "2024-07-01T09:00:00+00:00"
    errors = 0
    start = time.perf_counter()
    pool = process_pool(workers)
    in_pool: set[Any] = set()
    for n in range(pages):
        url = page_url(base_url, n)
        item = PageItem(url, corpus.page(n), 200, CONTENT_TYPE, fetched_at, url, "seed")
        in_pool.add(pool.submit(extract_page, item, None))
        if len(in_pool) >= bound:
            done, in_pool = wait(in_pool, return_when=FIRST_COMPLETED)
            errors += sum(f.exception() is not None for f in done)
    done, _ = wait(in_pool)
    errors += sum(f.exception() is not None for f in done)
    pool.shutdown()
    return {"seconds": time.perf_counter() - start, "pages": pages, "errors": errors}


# --- measuring a subprocess -----------------------------------------------------------
def _children() -> dict[int, list[int]]:
    """Parent pid -> child pids, from /proc."""
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rpartition(")")[2].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _kb(path: Path, key: str) -> int:
    try:
        for line in path.read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


@dataclass
class PeakMemory:
    """Peak RSS and PSS summed over a process and all its descendants, sampled from /proc."""

    root: int
    rss_kb: int = 0
    pss_kb: int = 0
    processes: int = 0

    def sample(self) -> None:
        children = _children()
        pids, todo = [], [self.root]
        while todo:
            pid = todo.pop()
            pids.append(pid)
            todo.extend(children.get(pid, []))
        rss = sum(_kb(Path(f"/proc/{pid}/status"), "VmRSS:") for pid in pids)
        pss = sum(_kb(Path(f"/proc/{pid}/smaps_rollup"), "Pss:") for pid in pids)
        self.rss_kb, self.pss_kb = max(self.rss_kb, rss), max(self.pss_kb, pss)
        self.processes = max(self.processes, len(pids))


@dataclass
class Result:
    """One role's report (from its own JSON line) plus its peak memory."""

    name: str
    data: dict[str, Any] = field(default_factory=dict)
    memory: PeakMemory | None = None

    @property
    def rate(self) -> float:
        return self.data["pages"] / self.data["seconds"] if self.data.get("seconds") else 0.0

    def as_dict(self) -> dict[str, Any]:
        mem = self.memory or PeakMemory(0)
        return {
            **self.data,
            "pages_per_s": round(self.rate, 2),
            "peak_rss_main_mb": round(self.data.get("maxrss_kb", 0) / 1024, 1),
            "peak_rss_tree_mb": round(mem.rss_kb / 1024, 1),
            "peak_pss_tree_mb": round(mem.pss_kb / 1024, 1),
            "processes": mem.processes,
        }


def measure(name: str, args: list[str], log: Path) -> Result:
    """Run `crawl.py --role ...` in a subprocess, sampling its memory until it exits."""
    with log.open("w") as stderr:
        proc = subprocess.Popen(
            [sys.executable, __file__, *args], stdout=subprocess.PIPE, stderr=stderr, text=True, env=_env()
        )
        memory = PeakMemory(proc.pid)
        while proc.poll() is None:
            memory.sample()
            time.sleep(SAMPLE_SECONDS)
        assert proc.stdout is not None
        lines = proc.stdout.read().splitlines()
    if proc.returncode != 0 or not lines:
        tail = log.read_text(errors="replace")[-3000:]
        sys.exit(f"{name} run failed (exit {proc.returncode}):\n{tail}")
    return Result(name, json.loads(lines[-1]), memory)


def _env() -> dict[str, str]:
    """No proxies (every request goes to 127.0.0.1) and the repo importable, in pool workers too."""
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env["NO_PROXY"] = env["no_proxy"] = "*"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


# --- report ---------------------------------------------------------------------------
LABELS = {
    "fetch": "bare Scrapy fetch",
    "thresher": "thresher crawl+extract+export",
    "extract": "extraction only (pool)",
}


def report(results: dict[str, Result], meta: dict[str, Any], as_json: bool) -> None:
    ratio = results["thresher"].rate / results["extract"].rate if results["extract"].rate else 0.0
    ratios = {
        "thresher_over_extract": round(ratio, 3),
        "thresher_over_fetch": round(results["thresher"].rate / results["fetch"].rate, 4),
    }
    if as_json:
        print(json.dumps({**meta, "runs": {k: r.as_dict() for k, r in results.items()}, "ratios": ratios}, indent=2))
        return
    print(
        f"crawl benchmark: {meta['pages']} pages ({meta['templates']} AEB templates, mean {meta['mean_kb']:.1f} KB), "
        f"{meta['workers']} extraction workers, {meta['concurrency']} concurrent requests, {meta['cores']} cores"
    )
    if meta["thresher_settings"]:
        print(f"thresher crawl settings: {' '.join(meta['thresher_settings'])}")
    print(f"{'run':<31} {'pages/s':>9} {'seconds':>8} {'CPU main':>9} {'RSS main':>9} {'RSS tree':>9} {'PSS tree':>9}")
    for name, result in results.items():
        row = result.as_dict()
        print(
            f"{LABELS[name]:<31} {row['pages_per_s']:9.1f} {row['seconds']:8.2f} {row['cpu_main_s']:8.1f}s "
            f"{row['peak_rss_main_mb']:7.0f}MB {row['peak_rss_tree_mb']:7.0f}MB {row['peak_pss_tree_mb']:7.0f}MB"
        )
    if meta["repeat"] > 1:
        print("pages/s of every run: " + "; ".join(f"{k} {v}" for k, v in meta["all_rates"].items()))
    crawl = results["thresher"].data
    print(
        f"\nthresher / extraction-only: {ratio:.2f} (target >= {TARGET_RATIO}); "
        f"thresher / bare fetch: {ratios['thresher_over_fetch']:.3f}"
    )
    print(
        f"thresher exported {crawl['exported']} of {crawl['pages']} pages ({crawl['parquet_rows']} Parquet rows)"
        + (f", dropped {crawl['drops']}" if crawl["drops"] else "")
    )


# --- main -----------------------------------------------------------------------------
@dataclass
class Bench:
    """The runs of one benchmark: a temp dir with the corpus and URL list, and the page server's URL."""

    tmp: Path
    args: argparse.Namespace
    base_url: str = ""

    def run(self, role: str, repeat: int) -> Result:
        """One measured run of `role` (its own subprocess)."""
        a = self.args
        common = ["--role", role, "--pages", str(a.pages), "--workers", str(a.workers)]
        crawl = ["--urls", str(self.tmp / "urls.txt"), "--concurrency", str(a.concurrency)]
        extra = {
            "fetch": crawl,
            "thresher": [*crawl, "--out", str(self.tmp / f"out-{repeat}"), *(f"--set={pair}" for pair in a.set)],
            "extract": ["--corpus", str(self.tmp / "corpus.json"), "--base-url", self.base_url],
        }[role]
        result = measure(role, [*common, *extra], self.tmp / f"{role}-{repeat}.log")
        shutil.rmtree(self.tmp / f"out-{repeat}", ignore_errors=True)  # 20k pages of dataset add up
        return result


def run_benchmark(args: argparse.Namespace) -> None:
    """Every role `--repeat` times, thresher and extraction-only in alternating order; the fastest run of each counts."""
    sys.path.insert(0, str(REPO_ROOT))
    corpus = Corpus.from_aeb(aeb.resolve_aeb_dir(args.aeb))
    runs: dict[str, list[Result]] = {"fetch": [], "thresher": [], "extract": []}
    with tempfile.TemporaryDirectory(prefix="thresher-crawl-bench-") as tmp_name:
        bench = Bench(Path(tmp_name), args)
        corpus.save(bench.tmp / "corpus.json")
        with page_server(bench.tmp / "corpus.json", args.pages) as base_url:
            bench.base_url = base_url
            (bench.tmp / "urls.txt").write_text("".join(page_url(bench.base_url, n) + "\n" for n in range(args.pages)))
            for repeat in range(args.repeat):
                order = ("fetch", "thresher", "extract") if repeat % 2 == 0 else ("fetch", "extract", "thresher")
                for role in order:
                    runs[role].append(bench.run(role, repeat))
    best = {role: max(results, key=lambda r: r.rate) for role, results in runs.items()}
    meta = {
        "pages": args.pages,
        "workers": args.workers,
        "concurrency": args.concurrency,
        "cores": os.cpu_count(),
        "repeat": args.repeat,
        "templates": len(corpus.templates),
        "mean_kb": round(corpus.mean_kb(), 1),
        "thresher_settings": args.set,
        "all_rates": {role: [round(r.rate, 2) for r in results] for role, results in runs.items()},
    }
    report(best, meta, args.json)


def run_role(args: argparse.Namespace) -> None:
    """A measured subprocess: do one job, print its numbers as one JSON line."""
    if args.role == "serve":
        serve(Path(args.corpus), args.pages)
        return
    if args.role == "fetch":
        data = role_fetch(Path(args.urls), args.concurrency)
    elif args.role == "thresher":
        data = role_thresher(Path(args.urls), Path(args.out), args.workers, args.concurrency, args.set)
    else:
        data = role_extract(Path(args.corpus), args.base_url, args.pages, args.workers)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    data["maxrss_kb"] = usage.ru_maxrss
    data["cpu_main_s"] = round(usage.ru_utime + usage.ru_stime, 2)  # what the crawl itself takes from the workers
    print(json.dumps(data), flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, metavar="N", help="pages to serve (default: %(default)s)")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, metavar="N", help="extraction processes (default: cores)"
    )
    parser.add_argument(
        "--concurrency", type=int, default=64, metavar="N", help="concurrent requests (default: %(default)s)"
    )
    parser.add_argument("--aeb", metavar="DIR", help=f"AEB data dir (default: ${aeb.ENV_VAR} or {aeb.DEFAULT_AEB_DIR})")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        metavar="N",
        help="runs of each kind; the fastest counts (default: %(default)s)",
    )
    parser.add_argument(
        "-s",
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a setting for the thresher crawl, to try a change (repeatable)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    # internal: the measured subprocesses
    parser.add_argument("--role", choices=("serve", "fetch", "thresher", "extract"), help=argparse.SUPPRESS)
    for name in ("--corpus", "--urls", "--out", "--base-url"):
        parser.add_argument(name, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if min(args.pages, args.workers, args.concurrency, args.repeat) < 1:
        parser.error("--pages, --workers, --concurrency and --repeat must be >= 1")
    if any("=" not in pair for pair in args.set):
        parser.error("--set expects NAME=VALUE")
    if args.role:
        run_role(args)
    else:
        run_benchmark(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
