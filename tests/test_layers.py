"""The layers point one way, read from the imports of every module (including imports inside functions).

    pipelines/extraction/    the extraction core: no other thresher module, no Scrapy
    pipelines/contracts/     the shared contracts: the core at most
    pipelines/               item pipelines, exporters, accounting, dataset: the core and the contracts
    crawler/                 spider, middlewares, extensions, add-on: the layers below
    crawler/views/, cli      on top: anything below

A test fails on the first import that points the wrong way, naming the file and line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import REPO, modules_loaded_by

PACKAGES = ("crawler", "pipelines")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in a file; relative imports resolved."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            names = [f"{base}.{alias.name}" for alias in node.names] if not node.module else [base]
            found += [(node.lineno, name) for name in names]
    return found


def _layer(module: str) -> str | None:
    """The layer of a thresher module, or None for anything else."""
    if module.split(".")[0] not in PACKAGES:
        return None
    if module == "pipelines.extraction" or module.startswith("pipelines.extraction."):
        return "core"
    if module == "pipelines.contracts" or module.startswith("pipelines.contracts."):
        return "contracts"
    if module.startswith("pipelines"):
        return "pipelines"
    if module in ("crawler.cli", "crawler.commands") or module.startswith(("crawler.views", "crawler.commands.")):
        return "top"
    return "crawler"


#: What each layer may import, of thresher's own modules.
ALLOWED = {
    "core": {"core"},
    "contracts": {"contracts", "core"},
    "pipelines": {"pipelines", "contracts", "core"},
    "crawler": {"crawler", "pipelines", "contracts", "core"},
    "top": {"top", "crawler", "pipelines", "contracts", "core"},
}
#: Third-party packages a layer may not import at all.
FORBIDDEN_LIBRARIES = {"core": ("scrapy", "twisted", "itemadapter")}


def _sources() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (REPO / package).rglob("*.py"))


def test_the_layers_are_what_the_test_expects():
    layers = {_layer(_module_name(path)) for path in _sources()}
    assert layers == set(ALLOWED), layers


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(REPO)))
def test_imports_point_down(path):
    layer = _layer(_module_name(path))
    wrong = []
    for line, name in _imports(path):
        target = _layer(name)
        if target is not None and target not in ALLOWED[layer]:
            wrong.append(f"{path.relative_to(REPO)}:{line}: {layer} imports {name} ({target})")
        if name.split(".")[0] in FORBIDDEN_LIBRARIES.get(layer, ()):
            wrong.append(f"{path.relative_to(REPO)}:{line}: {layer} imports {name}")
    assert not wrong, "\n".join(wrong)


def test_the_import_reader_sees_a_wrong_way_import(tmp_path):
    """The check itself: an import of crawler from pipelines code is found, relative or not."""
    package = tmp_path / "pipelines"
    package.mkdir()
    (package / "bad.py").write_text("from crawler.spiders.articles import url_key\nfrom . import dataset\n")
    imports = _imports_in(tmp_path, package / "bad.py")
    assert imports == [(1, "crawler.spiders.articles"), (2, "pipelines.dataset")]
    assert _layer("crawler.spiders.articles") not in ALLOWED[_layer("pipelines.bad")]


def _imports_in(root: Path, path: Path) -> list[tuple[int, str]]:
    global REPO
    saved, REPO = REPO, root
    try:
        return _imports(path)
    finally:
        REPO = saved


def test_load_articles_imports_neither_scrapy_nor_twisted():
    loaded = modules_loaded_by("from pipelines.dataset import load_articles", ("scrapy", "twisted", "crawler"))
    assert loaded == [], f"importing load_articles loaded {loaded}"
