"""Scheduling with scrapyd: deploy the project with scrapyd-deploy, schedule.json a crawl, read the dataset.

A real scrapyd runs on 127.0.0.1 with its own config and directories; `scrapyd-deploy`
builds the project's egg from a copy of the project (it writes setup.py, build/ and
*.egg-info where it runs) and uploads it; `schedule.json` runs the `articles` spider on
the locally served demo site with `setting=THRESHER_OUT=...`, which gives it the same
dataset layout as `thresher crawl --out`.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pytest

from tests.conftest import REPO, subprocess_env

scrapyd = pytest.importorskip("scrapyd", reason="scrapyd is not installed (pip install '.[test]')")
SCRAPYD_DEPLOY = shutil.which("scrapyd-deploy")
pytestmark = pytest.mark.skipif(SCRAPYD_DEPLOY is None, reason="scrapyd-deploy (scrapyd-client) is not installed")

EXPECTED = json.loads((REPO / "tests" / "fixtures" / "demo_expected.json").read_text(encoding="utf-8"))
PROJECT_FILES = ("scrapy.cfg", "pyproject.toml", "README.md", "crawler", "pipelines")
DEPLOYED_MARK = "deployed-"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _api(base: str, path: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never a proxy
    with opener.open(urllib.request.Request(base + path, data=body), timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def scrapyd_server(tmp_path_factory):
    """A scrapyd on 127.0.0.1, configured by a scrapyd.conf in its own working directory."""
    home = tmp_path_factory.mktemp("scrapyd")
    port = _free_port()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        "bind_address = 127.0.0.1\n"
        f"http_port = {port}\n"
        f"eggs_dir = {home / 'eggs'}\n"
        f"logs_dir = {home / 'logs'}\n"
        f"dbs_dir = {home / 'dbs'}\n"
        "items_dir =\n"
        "max_proc = 1\n"
        "poll_interval = 0.5\n"
    )
    log = (home / "scrapyd.out").open("w")
    # scrapyd appends a deployed egg to sys.path, after site-packages, where `pip install .` put
    # thresher too; an egg whose folder is on the path goes just before that folder instead
    env = {**subprocess_env(), "PYTHONPATH": str(home / "eggs" / "thresher")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "scrapyd", "--nodaemon", "--pidfile="],
        cwd=home,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if _api(base, "daemonstatus.json")["status"] == "ok":
                    break
            except OSError:
                pass
            assert proc.poll() is None, (home / "scrapyd.out").read_text()
            assert time.monotonic() < deadline, "scrapyd did not start"
            time.sleep(0.2)
        yield base, home
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _deploy(base: str, work: Path) -> subprocess.CompletedProcess:
    """`scrapyd-deploy <target>` from a copy of the project, the target named in a user scrapy.cfg."""
    project = work / "project"
    project.mkdir()
    for name in PROJECT_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / name)
    # a version of its own, to tell in the job's log that the deployed egg is what ran
    init = project / "crawler" / "__init__.py"
    init.write_text(init.read_text().replace('__version__ = "', f'__version__ = "{DEPLOYED_MARK}'))
    config = work / "xdg"
    config.mkdir()
    (config / "scrapy.cfg").write_text(f"[deploy:test]\nurl = {base}\nproject = thresher\n")
    env = {**subprocess_env(), "XDG_CONFIG_HOME": str(config)}
    return subprocess.run(
        [SCRAPYD_DEPLOY, "test", "--version", "1"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_scrapyd_runs_the_spider_into_the_dataset_layout(scrapyd_server, tmp_path):
    from crawler.demo import DemoServer

    base, home = scrapyd_server
    deployed = _deploy(base, tmp_path)
    assert deployed.returncode == 0, deployed.stdout + deployed.stderr
    assert '"status": "ok"' in deployed.stdout + deployed.stderr
    assert _api(base, "listspiders.json?project=thresher")["spiders"] == ["articles", "warc"]

    out = tmp_path / "dataset"
    demo = DemoServer().start_in_thread()
    try:
        job = _api(
            base,
            "schedule.json",
            [
                ("project", "thresher"),
                ("spider", "articles"),
                ("urls", demo.base_url + "/"),
                ("follow", "1"),
                ("setting", f"THRESHER_OUT={out}"),
                ("setting", "THRESHER_EXTRACT_WORKERS=0"),
                ("setting", "AUTOTHROTTLE_ENABLED=False"),
            ],
        )
        assert job["status"] == "ok", job
        deadline = time.monotonic() + 240
        while True:
            jobs = _api(base, "listjobs.json?project=thresher")
            if any(j["id"] == job["jobid"] for j in jobs["finished"]):
                break
            assert time.monotonic() < deadline, f"the job did not finish: {jobs}"
            time.sleep(0.5)
    finally:
        demo.shutdown()

    job_log = next((home / "logs" / "thresher" / "articles").glob(f"{job['jobid']}.log"))
    log = job_log.read_text(errors="replace")
    assert "Traceback" not in log, log[-4000:]
    assert f"thresher/{DEPLOYED_MARK}" in log, "the job ran the deployed egg (its User-Agent)"
    (run_dir,) = (out / "runs").iterdir()
    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert manifest["finish_reason"] == "finished" and manifest["counts"]["balanced"]
    assert (out / "articles" / f"{run_dir.name}.parquet").is_file()

    df = pd.read_parquet(out / "articles")
    paths = {urlsplit(url).path for url in df["url"]}
    articles = {path for path, facts in EXPECTED.items() if facts["is_article"] and not path.startswith("/private/")}
    assert paths == articles
    assert len(df) == len(articles) == manifest["counts"]["exported"]
    assert str(df["published"].dtype) == "datetime64[us, UTC]"
    assert set(df["run_id"]) == {run_dir.name}
    jsonl = (run_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["url"] for line in jsonl} == set(df["url"])
