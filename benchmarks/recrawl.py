"""Re-crawl benchmark: a first crawl of N pages, then the same crawl again, every page unchanged (304).

    python benchmarks/recrawl.py [--pages 181] [--aeb DIR]

Serves the AEB pages (default /work/shared/benchmarks/aeb, or $THRESHER_AEB_DIR) with
thresher's demo server on 127.0.0.1, which sends ETag / Last-Modified and answers
conditional requests with 304, and runs the real `thresher crawl --urls-file URLS --out
DIR` twice with thresher's default settings (AutoThrottle on, its 1 s start delay).
Prints both wall times, their ratio and the counts of each run. The promise
(docs/reliability.md): the re-crawl takes at most 1.5 times the first crawl.
"""

from __future__ import annotations

import argparse
import gzip
import json
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


def _site(aeb: Path, root: Path, pages: int) -> list[str]:
    names = []
    for path in sorted((aeb / "html").glob("*.html.gz"))[:pages]:
        name = path.name.removesuffix(".gz")
        (root / name).write_bytes(gzip.decompress(path.read_bytes()))
        names.append(name)
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    return names


def _crawl(urls_file: Path, out: Path) -> tuple[float, dict]:
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env["NO_PROXY"] = env["no_proxy"] = "*"
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "crawl", "--urls-file", str(urls_file), "--out", str(out)],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    elapsed = time.monotonic() - started
    if proc.returncode != 0:
        sys.exit(f"crawl failed ({proc.returncode}): {proc.stderr}")
    manifest = max((out / "runs").glob("*/manifest.json"), key=lambda p: p.parent.name)
    return elapsed, json.loads(manifest.read_text())["counts"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=181)
    parser.add_argument("--aeb", type=Path, default=DEFAULT_AEB)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="thresher-recrawl-") as tmp:
        root, out = Path(tmp) / "site", Path(tmp) / "out"
        root.mkdir()
        names = _site(args.aeb, root, args.pages)
        server = DemoServer(root=root).start_in_thread()
        try:
            urls_file = Path(tmp) / "urls.txt"
            urls_file.write_text("".join(f"{server.base_url}/{name}\n" for name in names))
            first, first_counts = _crawl(urls_file, out)
            again, again_counts = _crawl(urls_file, out)
        finally:
            server.shutdown()

    def counts(c: dict) -> str:
        return (
            f"requested {c['requested']}, exported {c['exported']}, dropped {c['dropped']}, unchanged {c['unchanged']}"
        )

    print(f"re-crawl benchmark: {len(names)} pages on 127.0.0.1, default settings (AutoThrottle, 1 s start delay)")
    print(f"  first crawl  {first:6.1f} s   {counts(first_counts)}")
    print(f"  re-crawl     {again:6.1f} s   {counts(again_counts)}")
    print(f"  ratio        {again / first:6.2f}   (promise: <= 1.5)")


if __name__ == "__main__":
    main()
