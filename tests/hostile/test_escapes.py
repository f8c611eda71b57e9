"""Nothing escapes: no input is evaluated as code, and the servers thresher starts listen on loopback only.

The crawl-level half of the promise (output paths, XML external entities) is in
test_hostile_crawl.py; these are the checks that need no crawl.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from crawler.demo import DemoServer
from tests.conftest import REPO, run_cli

#: Calls that would run text as code or unpickle it: none may appear in thresher's own code.
CODE_CALLS = {"eval", "exec", "compile", "__import__"}
CODE_ATTRIBUTES = {("pickle", "loads"), ("pickle", "load"), ("marshal", "loads"), ("yaml", "load"), ("os", "system")}


def _calls(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in CODE_CALLS:
            found.append(f"{path.relative_to(REPO)}:{node.lineno} {func.id}()")
        elif (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and (func.value.id, func.attr) in CODE_ATTRIBUTES
        ):
            found.append(f"{path.relative_to(REPO)}:{node.lineno} {func.value.id}.{func.attr}()")
        for keyword in node.keywords:
            if keyword.arg == "shell" and isinstance(keyword.value, ast.Constant) and keyword.value.value:
                found.append(f"{path.relative_to(REPO)}:{node.lineno} shell=True")
    return found


def test_thresher_never_evaluates_text_as_code():
    sources = sorted((REPO / "crawler").rglob("*.py")) + sorted((REPO / "pipelines").rglob("*.py"))
    assert sources
    assert [call for path in sources for call in _calls(path)] == []


@pytest.mark.parametrize(
    "setting",
    [
        "DOWNLOAD_MAXSIZE=__import__('os').system('touch {pwned}')",
        "ROBOTSTXT_OBEY=__import__('os').system('touch {pwned}')",
        "FEEDS=__import__('os').system('touch {pwned}')",
    ],
    ids=["int", "bool", "dict"],
)
def test_a_setting_value_is_data_not_code(tmp_path, setting):
    pwned = tmp_path / "pwned"
    proc = run_cli("crawl", "http://127.0.0.1:9/", "--out", str(tmp_path / "out"), "-s", setting.format(pwned=pwned))
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert not pwned.exists()


def test_the_demo_server_listens_on_loopback_only():
    assert inspect.signature(DemoServer).parameters["host"].default == "127.0.0.1"
    server = DemoServer()
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


def test_the_documented_scrapyd_is_on_loopback():
    """scrapy.cfg (what `scrapyd-deploy` uses) points at a scrapyd on 127.0.0.1."""
    config = (REPO / "scrapy.cfg").read_text(encoding="utf-8")
    assert "url = http://127.0.0.1:6800" in config
