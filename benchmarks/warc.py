"""WARC archives: storage cost per 1,000 pages, and `extract-warc` speed against extraction alone.

    python benchmarks/warc.py [--pages 181] [--aeb DIR]

1. Crawls the bundled demo site and the AEB pages (default /work/shared/benchmarks/aeb, or
   $THRESHER_AEB_DIR; served on 127.0.0.1 by thresher's demo server) with the default WARC
   archive, and prints the bytes of `warc/<run_id>.warc.gz` per archived page x 1000.
2. Runs `thresher extract-warc` on the AEB crawl's WARC with inline extraction
   (THRESHER_EXTRACT_WORKERS=0, one process) and times it against `extract()` called on the
   same pages in a loop (one process): the rate ratio is what reading the WARC, the item
   pipelines and writing cost on top of extraction. The command's time includes its start-up
   (the run's own time, from its manifest, is printed too).
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from crawler.demo import DemoServer  # noqa: E402

DEFAULT_AEB = Path(os.environ.get("THRESHER_AEB_DIR", "/work/shared/benchmarks/aeb"))
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=181)
    parser.add_argument("--aeb", type=Path, default=DEFAULT_AEB)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="thresher-warc-") as tmp:
        tmp_path = Path(tmp)
        _cli("crawl", "--out", str(tmp_path / "demo"), *FAST)
        size, pages = _cost(tmp_path / "demo")
        print(f"demo site: {pages} pages archived, {size} bytes: {size / pages * 1000 / 1e6:.2f} MB per 1,000 pages")

        root = tmp_path / "site"
        root.mkdir()
        bodies = []
        for path in sorted((args.aeb / "html").glob("*.html.gz"))[: args.pages]:
            body = gzip.decompress(path.read_bytes())
            (root / path.name.removesuffix(".gz")).write_bytes(body)
            bodies.append((path.name.removesuffix(".gz"), body))
        (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
        server = DemoServer(root=root).start_in_thread()
        try:
            urls = tmp_path / "urls.txt"
            urls.write_text("".join(f"{server.base_url}/{name}\n" for name, _ in bodies))
            _cli("crawl", "--urls-file", str(urls), "--out", str(tmp_path / "aeb"), *FAST)
        finally:
            server.shutdown()
        size, pages = _cost(tmp_path / "aeb")
        print(f"AEB pages: {pages} pages archived, {size} bytes: {size / pages * 1000 / 1e6:.2f} MB per 1,000 pages")

        (warc,) = (tmp_path / "aeb" / "warc").glob("*.warc.gz")
        elapsed = _cli(
            "extract-warc", str(warc), "--out", str(tmp_path / "fromwarc"), "-s", "THRESHER_EXTRACT_WORKERS=0"
        )
        from pipelines.extraction import extract

        started = time.monotonic()
        for name, body in bodies:
            extract(body, f"http://127.0.0.1/{name}", content_type="text/html")
        alone = time.monotonic() - started
        import json

        (manifest,) = (tmp_path / "fromwarc" / "runs").glob("*/manifest.json")
        run_seconds = json.loads(manifest.read_text())["elapsed_seconds"]
        print(
            f"extract-warc: {pages / elapsed:.1f} pages/s ({elapsed:.1f} s, start-up included; "
            f"{pages / run_seconds:.1f} pages/s over the run's own {run_seconds:.1f} s); "
            f"extract() alone: {len(bodies) / alone:.1f} pages/s ({alone:.1f} s); "
            f"ratio {(pages / elapsed) / (len(bodies) / alone):.2f} whole command, "
            f"{(pages / run_seconds) / (len(bodies) / alone):.2f} over the run (goal >= 0.90)"
        )


if __name__ == "__main__":
    main()
