"""The thresher add-on in a Scrapy project that is not thresher's: one line in its settings.

`scrapy startproject` makes a fresh project; its settings get
`ADDONS = {"crawler.addon.Thresher": 0}` and nothing else, and `scrapy crawl articles`
crawls the bundled demo site (served on 127.0.0.1) into the dataset layout, read back
with pyarrow.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pyarrow.dataset as ds
from conftest import REPO, subprocess_env

from crawler.demo import DemoServer
from pipelines.extraction.record import ARTICLE_SCHEMA

ADDON_LINE = 'ADDONS = {"crawler.addon.Thresher": 0}\n'


def _scrapy(*args: str, cwd, timeout: float = 180) -> subprocess.CompletedProcess:
    env = {**subprocess_env(), "PYTHONPATH": str(REPO)}  # the thresher under test, as an installed one would be
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_a_fresh_scrapy_project_crawls_the_demo_site_into_parquet_with_one_line(tmp_path):
    made = _scrapy("startproject", "newsroom", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    project = tmp_path / "newsroom"
    settings = project / "newsroom" / "settings.py"
    text = settings.read_text(encoding="utf-8")
    assert "ADDONS = {}\n" in text  # the template's empty ADDONS, replaced by thresher's line
    settings.write_text(text.replace("ADDONS = {}\n", ADDON_LINE), encoding="utf-8")

    out = tmp_path / "dataset"
    demo = DemoServer().start_in_thread()
    try:
        crawl = _scrapy(
            "crawl",
            "articles",
            "-a",
            f"urls={demo.base_url}/",
            "-a",
            "follow=1",
            "-s",
            f"THRESHER_OUT={out}",
            "-s",
            "THRESHER_EXTRACT_WORKERS=0",
            "-s",
            "DOWNLOAD_DELAY=0",  # the template's politeness, not needed on 127.0.0.1
            "-s",
            "CONCURRENT_REQUESTS_PER_DOMAIN=8",
            "-s",
            "LOG_LEVEL=WARNING",
            cwd=project,
        )
    finally:
        demo.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-4000:]

    parts = sorted((out / "articles").glob("*.parquet"))
    assert len(parts) == 1
    table = ds.dataset(parts, format="parquet").to_table()
    assert table.schema.equals(ARTICLE_SCHEMA, check_metadata=False)
    assert table.num_rows >= 5
    assert all(url.startswith(demo.base_url) for url in table.column("url").to_pylist())
    assert all(table.column("is_article").to_pylist())

    (run_dir,) = (out / "runs").iterdir()
    manifest = json.loads((run_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["run_id"] == run_dir.name == parts[0].stem
    assert manifest["counts"]["balanced"] is True
    assert manifest["counts"]["exported"] == table.num_rows
    assert (out / "state.sqlite").is_file()  # incremental re-crawls are on
