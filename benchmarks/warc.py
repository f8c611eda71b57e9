"""WARC archives: storage cost per 1,000 pages, and `extract-warc` speed against extraction alone.

    python benchmarks/warc.py [--speed-source all|wcxb|aeb] [--repeat 3] [--no-cost]

1. Storage: crawls the bundled demo site and the AEB pages (default
   ../shared/benchmarks/aeb, or $THRESHER_AEB_DIR; served on 127.0.0.1 by thresher's demo
   server) with the default WARC archive, and prints the bytes of `warc/<run_id>.warc.gz`
   per archived page x 1000.
2. Speed: writes the development pages (`corpus.py`: WCXB dev and AEB, 1,677 pages by
   default) into one WARC laid out as Common Crawl's (warcinfo; request, response and
   metadata per page), runs `thresher extract-warc` on it with inline extraction
   (THRESHER_EXTRACT_WORKERS=0, one process) and times it against `extract()` called on
   the same pages in a loop in this process, the models loaded first. The ratio of the
   rates is what reading the WARC, the item pipelines and writing the dataset cost on
   top of extraction: for the whole command (its start-up included) and for the run
   alone (the manifest's `elapsed_seconds`), in wall time and in CPU time (the command's
   from `getrusage`, the loop's from `process_time`: what a busy machine inflates less).
   With `--repeat N` the two alternate N times and the medians are printed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]

from crawler.demo import DemoServer  # noqa: E402

DEFAULT_AEB = Path(os.environ.get("THRESHER_AEB_DIR", REPO.parent / "shared/benchmarks/aeb"))
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "THRESHER_EXTRACT_WORKERS=1"]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env["NO_PROXY"] = env["no_proxy"] = "*"
    return env


def _cli(*args: str) -> float:
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args], cwd=REPO, env=_env(), capture_output=True, text=True
    )
    if proc.returncode != 0:
        sys.exit(f"thresher {args[0]} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return time.monotonic() - started


def _cost(out: Path) -> tuple[int, int]:
    from warcio.archiveiterator import ArchiveIterator

    (warc,) = (out / "warc").glob("*.warc.gz")
    with warc.open("rb") as stream:
        pages = sum(1 for record in ArchiveIterator(stream) if record.rec_type == "response")
    return warc.stat().st_size, pages


def _storage() -> None:
    """Part 1: MB of WARC per 1,000 pages, for the demo site and for the AEB pages crawled over loopback."""
    with tempfile.TemporaryDirectory(prefix="thresher-warc-") as tmp:
        tmp_path = Path(tmp)
        _cli("crawl", "--out", str(tmp_path / "demo"), *FAST)
        size, pages = _cost(tmp_path / "demo")
        print(f"demo site: {pages} pages archived, {size} bytes: {size / pages * 1000 / 1e6:.2f} MB per 1,000 pages")
        root = tmp_path / "site"
        root.mkdir()
        names = []
        for path in sorted((DEFAULT_AEB / "html").glob("*.html.gz")):
            name = path.name.removesuffix(".gz")
            (root / name).write_bytes(gzip.decompress(path.read_bytes()))
            names.append(name)
        (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
        server = DemoServer(root=root).start_in_thread()
        try:
            urls = tmp_path / "urls.txt"
            urls.write_text("".join(f"{server.base_url}/{name}\n" for name in names))
            _cli("crawl", "--urls-file", str(urls), "--out", str(tmp_path / "aeb"), *FAST)
        finally:
            server.shutdown()
        size, pages = _cost(tmp_path / "aeb")
        print(f"AEB pages: {pages} pages archived, {size} bytes: {size / pages * 1000 / 1e6:.2f} MB per 1,000 pages")


def _common_crawl_warc(pages: list[tuple[str, bytes]], path: Path) -> None:
    """The pages as one gzip WARC laid out as Common Crawl's: warcinfo, then request, response, metadata a page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True, warc_version="WARC/1.0")
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "benchmarks/warc.py"}))
        for url, body in pages:
            request = StatusAndHeaders(f"GET {url} HTTP/1.1", [("User-Agent", "CCBot/2.0")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            payload = {"WARC-Identified-Payload-Type": "text/html"}
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=BytesIO(body), http_headers=headers, warc_headers_dict=payload
                )
            )
            fetch = BytesIO(b"fetchTimeMs: 100\r\n")
            writer.write_record(
                writer.create_warc_record(url, "metadata", payload=fetch, warc_content_type="application/warc-fields")
            )


def _extract_warc(warc: Path, out: Path) -> tuple[float, float, float]:
    """One `extract-warc` run: (whole-command wall seconds, the run's own seconds, the command's CPU seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = _cli("extract-warc", str(warc), "--out", str(out), "-s", "THRESHER_EXTRACT_WORKERS=0")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    (manifest,) = (out / "runs").glob("*/manifest.json")
    run_seconds = json.loads(manifest.read_text())["elapsed_seconds"]
    shutil.rmtree(out)
    return wall, run_seconds, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def _extract_loop(pages: list[tuple[str, bytes]]) -> tuple[float, float]:
    """`extract()` over the pages in this process: (wall seconds, CPU seconds)."""
    from pipelines.extraction import extract

    wall, cpu = time.monotonic(), time.process_time()
    for url, body in pages:
        extract(body, url, content_type="text/html")
    return time.monotonic() - wall, time.process_time() - cpu


def _speed(source: str, repeat: int) -> None:
    """Part 2: the extract-warc rate against extract() alone on the same pages (see the module docstring)."""
    import corpus

    from pipelines.extraction import extract

    sources = ("wcxb", "aeb") if source == "all" else (source,)
    pages = [(page.url or f"http://127.0.0.1/{page.id}", page.html) for page in corpus.load(sources)]
    extract(pages[0][1], pages[0][0])  # models loaded, patterns compiled: the loop times extraction only
    ratios: dict[str, list[float]] = {"whole (wall)": [], "run (wall)": [], "whole (CPU)": []}
    with tempfile.TemporaryDirectory(prefix="thresher-warc-speed-") as tmp:
        warc = Path(tmp) / "CC-MAIN-benchmark.warc.gz"
        _common_crawl_warc(pages, warc)
        print(f"speed: {len(pages)} pages ({source}), WARC of {warc.stat().st_size / 1e6:.1f} MB")
        for attempt in range(1, repeat + 1):
            wall, run_seconds, cpu = _extract_warc(warc, Path(tmp) / "out")
            alone_wall, alone_cpu = _extract_loop(pages)
            n = len(pages)
            ratios["whole (wall)"].append(alone_wall / wall)
            ratios["run (wall)"].append(alone_wall / run_seconds)
            ratios["whole (CPU)"].append(alone_cpu / cpu)
            print(
                f"  #{attempt}: extract-warc {n / wall:.1f} pages/s whole ({wall:.1f} s), {n / run_seconds:.1f} over "
                f"the run ({run_seconds:.1f} s), CPU {cpu:.1f} s; extract() alone {n / alone_wall:.1f} pages/s "
                f"({alone_wall:.1f} s), CPU {alone_cpu:.1f} s"
            )
    print("ratio extract-warc rate / extract() rate (goal >= 0.90), median of", repeat)
    for name, values in ratios.items():
        print(f"  {name:<13} {statistics.median(values):.2f}  ({', '.join(f'{v:.2f}' for v in values)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed-source", choices=["all", "wcxb", "aeb"], default="all")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-cost", action="store_true", help="skip the storage part")
    args = parser.parse_args()
    if not args.no_cost:
        _storage()
    _speed(args.speed_source, args.repeat)


if __name__ == "__main__":
    main()
