"""One crawl over the hostile corpus: nothing crashes, nothing is lost, nothing escapes.

Two hostile servers on 127.0.0.1 (A serves nearly everything; B has a garbage
robots.txt) answer the cases of tests/hostile/corpus.py. A single `thresher crawl` takes
them from a URL file, seven sitemaps (a site root among them), three feeds and the links
of one page. Then: every case's URL ends exactly once, as an exported record or a
drops.jsonl line, with the expected stage and reason; the manifest balances; every
output file is readable; the log has no traceback; a local file named by XML external
entities appears nowhere.
"""

from __future__ import annotations

import json
import re
import socket
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from crawler import settings
from pipelines.extraction.record import ARTICLE_SCHEMA
from tests.conftest import FAST, run_cli
from tests.hostile import corpus
from tests.hostile.corpus import CASES, Case
from tests.hostile.server import HostileServer, serving

DOWNLOAD_TIMEOUT = 2  # the stall and drip cases cost (RETRY_TIMES + 1) x this
RETRY_TIMES = 1
REDIRECT_MAX_TIMES = settings.REDIRECT_MAX_TIMES
SETTINGS = (
    *FAST,
    "-s",
    f"DOWNLOAD_TIMEOUT={DOWNLOAD_TIMEOUT}",
    "-s",
    f"RETRY_TIMES={RETRY_TIMES}",
    "-s",
    "CONCURRENT_REQUESTS_PER_DOMAIN=16",
    "-s",
    "THRESHER_EXTRACT_WORKERS=1",  # the process pool, as in production (FAST extracts inline)
)
#: Well above what the crawl needs (~15 s): a stall or drip that is not cut off would blow it.
TIME_BOUND = 60
RUN_DIR_FILES = {"articles.jsonl", "drops.jsonl", "unchanged.jsonl", "manifest.json", "crawl.log"}
DOC = Path(__file__).resolve().parents[2] / "docs" / "reliability.md"
SCHEMA_DOC = DOC.with_name("schema.md")


@dataclass
class HostileRun:
    cases: dict[str, str]  # case name -> the URL the crawl records for it
    out: Path
    run_dir: Path
    stdout: str
    stderr: str
    returncode: int
    elapsed: float
    secret: str
    servers: dict[str, HostileServer]
    records: list[dict[str, Any]]
    drops: list[dict[str, Any]]
    manifest: dict[str, Any]

    def log(self) -> str:
        return (self.run_dir / "crawl.log").read_text(encoding="utf-8", errors="replace")


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _absolute(case: Case, bases: dict[str, str]) -> str:
    url = case.lands_at if case.lands_at and case.expect == "exported" else case.url
    if url.startswith("{{B}}"):
        return bases["B"] + url.removeprefix("{{B}}")
    return bases["A"] + url if url.startswith("/") else url


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Iterator[HostileRun]:
    tmp = tmp_path_factory.mktemp("hostile")
    secret = f"THRESHER-XXE-SECRET-{time.time_ns()}"
    secret_file = tmp / "secret.txt"
    secret_file.write_text(secret + "\n")
    a, b = HostileServer(corpus.routes("A")), HostileServer(corpus.routes("B"))
    bases = {"A": a.base_url, "B": b.base_url}
    for server in (a, b):
        server.placeholders = {
            **bases,
            "SECRET": secret_file.as_uri(),
            "CLOSED": f"http://127.0.0.1:{_closed_port()}",
        }
    urls_file = tmp / "urls.txt"
    urls_file.write_text("".join(bases[c.server] + c.path + "\n" for c in CASES if c.via == "url"))  # fragments too
    inputs = ["--urls-file", str(urls_file), "--follow", "--max-depth", "1"]
    for path in corpus.SITEMAPS + corpus.BAD_SITEMAPS:
        inputs += ["--sitemap", b.url(path.removeprefix("{{B}}")) if path.startswith("{{B}}") else a.url(path)]
    for path in corpus.FEEDS:
        inputs += ["--feed", a.url(path)]
    out = tmp / "out"
    with serving(a, b):
        started = time.monotonic()
        proc = run_cli("crawl", *inputs, "--out", str(out), *SETTINGS, timeout=180)
        elapsed = time.monotonic() - started
    (run_dir,) = (out / "runs").iterdir()
    records = [json.loads(line) for line in (run_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    drops = [json.loads(line) for line in (run_dir / "drops.jsonl").read_text(encoding="utf-8").splitlines()]
    yield HostileRun(
        cases={c.name: _absolute(c, bases) for c in CASES},
        out=out,
        run_dir=run_dir,
        stdout=proc.stdout,
        stderr=proc.stderr,
        returncode=proc.returncode,
        elapsed=elapsed,
        secret=secret,
        servers={"A": a, "B": b},
        records=records,
        drops=drops,
        manifest=json.loads((run_dir / "manifest.json").read_text()),
    )


def _outcomes(run: HostileRun) -> dict[str, list[str]]:
    """Recorded URL -> every outcome recorded for it: `exported`, or `stage/reason`."""
    found: dict[str, list[str]] = {}
    for record in run.records:
        found.setdefault(record["url"], []).append("exported")
    for drop in run.drops:
        found.setdefault(drop["url"], []).append(f"{drop['stage']}/{drop['reason']}")
    return found


def test_the_corpus_has_thirty_cases_or_more():
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)


def test_the_crawl_completes_in_bounded_time(run):
    assert run.returncode == 0, f"{run.stderr}\n{run.log()[-5000:]}"
    assert run.manifest["finish_reason"] == "finished"
    assert run.elapsed < TIME_BOUND, f"the crawl took {run.elapsed:.0f} s"


def test_every_url_ends_exactly_once(run):
    found = _outcomes(run)
    expected = set(run.cases.values())
    assert set(found) - expected == set(), "outcomes for URLs that no case expects"
    assert expected - set(found) == set(), "cases whose URL has no outcome"
    assert {url: len(o) for url, o in found.items() if len(o) > 1} == {}, "URLs recorded more than once"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_case_has_its_outcome(run, case):
    url = run.cases[case.name]
    outcomes = _outcomes(run).get(url, [])
    assert outcomes == [case.expect], f"{case.name}: {url} -> {outcomes}"
    if case.expect == "exported":
        (record,) = [r for r in run.records if r["url"] == url]
        if case.check is not None:
            case.check(record)
    else:
        (drop,) = [d for d in run.drops if d["url"] == url]
        assert set(drop) == {"url", "stage", "reason", "http_status", "detail"}
        if case.http_status is not None:
            assert drop["http_status"] == case.http_status


def test_the_manifest_balances(run):
    counts = run.manifest["counts"]
    assert counts["balanced"] is True, counts
    assert counts["requested"] == len(CASES) == counts["exported"] + counts["dropped"]
    assert counts["exported"] == len(run.records) == sum(c.expect == "exported" for c in CASES)
    assert counts["drop_reasons"] == dict(Counter(d["reason"] for d in run.drops))
    assert counts["input_errors"] == corpus.INPUT_ERRORS == len(corpus.BAD_SITEMAPS)  # reported, not crashed on


def test_every_output_file_is_readable(run):
    table = pq.read_table(run.out / "articles")
    assert table.num_rows == len(run.records)
    assert table.schema.remove_metadata().equals(ARTICLE_SCHEMA.remove_metadata())
    for record in pq.read_table(next((run.out / "articles").glob("*.parquet"))).to_pylist():
        assert record["url"]
    for name in ("articles.jsonl", "drops.jsonl", "unchanged.jsonl"):
        for line in (run.run_dir / name).read_text(encoding="utf-8").splitlines():
            json.loads(line)
    with sqlite3.connect(run.out / "state.sqlite") as db:
        assert db.execute("pragma integrity_check").fetchone() == ("ok",)


def test_no_traceback_for_a_bad_page(run):
    log = run.log()
    assert "Traceback" not in log, log[log.find("Traceback") - 2000 : log.find("Traceback") + 3000]
    assert "Traceback" not in run.stderr


def test_the_server_never_saw_what_it_must_not(run):
    a_paths = run.servers["A"].paths()
    assert "/hostile/private/members.html" not in a_paths  # robots.txt was obeyed
    assert "/hostile/xxe/evil.dtd" not in a_paths  # no XML parser fetched a DTD
    assert not [p for p in a_paths if run.secret in p or "THRESHER" in p]  # no entity was resolved into a URL
    # nothing hammered: a redirect loop costs REDIRECT_MAX_TIMES requests, anything else 1 + RETRY_TIMES
    assert max(Counter(a_paths).values()) <= REDIRECT_MAX_TIMES
    assert max(n for p, n in Counter(a_paths).items() if "/redirect/" not in p) <= 1 + RETRY_TIMES


def test_the_xxe_secret_appears_in_no_output(run):
    leaked = [str(path) for path in run.out.rglob("*") if path.is_file() and run.secret.encode() in path.read_bytes()]
    assert leaked == []
    assert run.secret not in run.stdout + run.stderr


def test_output_paths_come_from_the_run_id_only(run):
    """No file name derives from a URL or a page (../, fragments, titles): the layout is fixed."""
    run_id = run.manifest["run_id"]
    assert re.fullmatch(r"[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}", run_id)
    files = {str(p.relative_to(run.out)) for p in run.out.rglob("*") if p.is_file()}
    assert files == {f"articles/{run_id}.parquet", f"warc/{run_id}.warc.gz", "state.sqlite", ".thresher.lock"} | {
        f"runs/{run_id}/{n}" for n in RUN_DIR_FILES
    }
    assert sorted(p.name for p in run.out.parent.iterdir()) == ["out", "secret.txt", "urls.txt"]


def test_every_drop_reason_is_documented(run):
    table = SCHEMA_DOC.read_text(encoding="utf-8").split("## Drop reasons", 1)[1]
    documented = set(re.findall(r"`([a-z_]+)`", table))
    assert {d["reason"] for d in run.drops} <= documented
    assert {c.expect.split("/")[1] for c in CASES if "/" in c.expect} <= documented


def test_docs_list_every_case_with_its_outcome():
    doc = DOC.read_text(encoding="utf-8")
    assert corpus.markdown() in doc, "docs/reliability.md: paste `python -m tests.hostile.corpus`"


def test_the_tests_the_doc_cites_exist():
    """Each `tests/FILE.py::test_name` that docs/reliability.md names as a proof is a test in that file."""
    cited = set(re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", DOC.read_text(encoding="utf-8")))
    assert len(cited) > 20
    root = DOC.parents[1]
    missing = [f"{f}::{name}" for f, name in cited if f"def {name}(" not in (root / f).read_text(encoding="utf-8")]
    assert missing == []
