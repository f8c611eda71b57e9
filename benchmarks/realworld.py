"""Must / must-not snippets on trafilatura's real-world test pages (mostly German): thresher vs trafilatura.

The development pages (WCXB dev, AEB) are almost all English. This set is the one other source
of real pages with a judged body that the package registry offers: trafilatura 1.1.0's source
distribution ships its real-world tests, about 90 cached pages (two thirds German, some French,
English, Chinese) and for each the snippets its body must and must not contain. The archive is
fetched once with pip (`--cache DIR`, else `$THRESHER_REALWORLD_DIR`, else
`~/.cache/thresher/realworld`), checked against its hash, and nothing of it enters the repo.

    python benchmarks/realworld.py                     # the held-back fold 4
    python benchmarks/realworld.py --folds all --list  # every page, and each snippet gone wrong

Both systems run in the same invocation; trafilatura with `include_comments=False,
include_tables=True` as everywhere here. A page's body is scored as trafilatura's evaluation
scores it: a must snippet found is a true positive, one missing a false negative, a must-not
snippet found a false positive; precision, recall and F1 are summed over the pages' snippets.
Snippets are compared with runs of white space made one space. The tests were written for
trafilatura (its scores here are from pages it was tuned on) and include comments in the text:
the snippets of reader comments are missed by both systems, which keep comments out of the body.
Pages are split into folds by site as in `corpus.py`; tune cues on folds 0-3, report fold 4. The
shipped models never saw any of these pages (they are trained on WCXB dev and AEB), so they extract all.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import os
import subprocess
import sys
import tarfile
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import corpus

if str(corpus.REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(corpus.REPO_ROOT))

from pipelines.extraction.whitespace import collapse_whitespace

#: The source distribution whose tests/ holds the pages, and its sha256 (PyPI's).
SDIST = "trafilatura==1.1.0"
SDIST_FILE = "trafilatura-1.1.0.tar.gz"
SDIST_SHA256 = "650678fe3b3219795ccc72d8d37d2a9dc8c3070529598fddc2809ccd27c55bc4"
TESTS_DIR = "trafilatura-1.1.0/tests"
CACHE_ENV = "THRESHER_REALWORLD_DIR"
SYSTEMS = ("thresher", "trafilatura")


@dataclass(slots=True)
class SnippetPage:
    url: str
    html: bytes
    with_snippets: list[str] = field(default_factory=list)
    without_snippets: list[str] = field(default_factory=list)

    @property
    def fold(self) -> int:
        return corpus.fold_of(self.url)


def parse_checks(source: str) -> tuple[dict[str, str], dict[str, tuple[list[str], list[str]]]]:
    """(MOCK_PAGES: url -> cached file name, url -> (must, must-not) snippets) of realworld_tests.py.

    The tests load a page into `result` (`result = load_mock_page(URL, ...)`) and assert
    `'text' in result` / `'text' not in result`, joined by `and`; those comparisons are the
    snippets of the page last loaded. Anything else in the file is ignored.
    """
    tree = ast.parse(source)
    files: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "MOCK_PAGES" for t in node.targets):
            files = ast.literal_eval(node.value)
    checks: dict[str, tuple[list[str], list[str]]] = {}
    current: list[str | None] = [None]

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            call = node.value
            if getattr(call.func, "id", None) == "load_mock_page" and call.args:
                first = call.args[0]
                current[0] = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
        elif isinstance(node, ast.FunctionDef):
            current[0] = None
        if isinstance(node, ast.Assert) and current[0] is not None:
            test = node.test
            parts = test.values if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And) else [test]
            for part in parts:
                snippet = _snippet_test(part)
                if snippet is not None:
                    must, must_not = checks.setdefault(current[0], ([], []))
                    (must if snippet[0] else must_not).append(snippet[1])
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    for must, must_not in checks.values():  # a test asserted twice (text and XML) lists a snippet once
        must[:] = list(dict.fromkeys(must))
        must_not[:] = list(dict.fromkeys(must_not))
    return files, checks


def _snippet_test(node: ast.AST) -> tuple[bool, str] | None:
    """(must, text) of `'text' in result` or `'text' not in result`, else None."""
    if not (isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], ast.In | ast.NotIn)):
        return None
    left, right = node.left, node.comparators[0]
    if not (isinstance(left, ast.Constant) and isinstance(left.value, str) and getattr(right, "id", None) == "result"):
        return None
    return isinstance(node.ops[0], ast.In), left.value


def fetch(cache: Path) -> Path:
    """The unpacked tests/ directory, downloaded and checked on first use."""
    tests = cache / TESTS_DIR
    if (tests / "realworld_tests.py").is_file():
        return tests
    cache.mkdir(parents=True, exist_ok=True)
    archive = cache / SDIST_FILE
    if not archive.is_file():
        command = [sys.executable, "-m", "pip", "download", SDIST, "--no-binary", ":all:", "--no-deps", "-q", "-d"]
        done = subprocess.run([*command, str(cache)], capture_output=True, text=True, check=False)
        if done.returncode != 0 or not archive.is_file():
            sys.exit(f"could not download {SDIST} with pip: {done.stderr.strip()[-500:]}")
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    if digest != SDIST_SHA256:
        sys.exit(f"{archive} has sha256 {digest}, expected {SDIST_SHA256}: delete it and run again")
    with tarfile.open(archive) as tar:
        members = [m for m in tar.getmembers() if m.name.startswith(f"{TESTS_DIR}/") and m.isfile()]
        tar.extractall(cache, members=members, filter="data")
    return tests


def load(tests: Path) -> list[SnippetPage]:
    files, checks = parse_checks((tests / "realworld_tests.py").read_text(encoding="utf-8"))
    pages = []
    for url, (must, must_not) in checks.items():
        path = tests / "cache" / files.get(url, "")
        if url in files and path.is_file():
            pages.append(SnippetPage(url, path.read_bytes(), must, must_not))
    return pages


@dataclass(slots=True)
class SnippetCounts:
    """Snippets of some pages: must found (tp) or missed (fn), must-not found (fp) or not (tn)."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, other: SnippetCounts) -> None:
        self.tp, self.fn, self.fp, self.tn = (
            self.tp + other.tp,
            self.fn + other.fn,
            self.fp + other.fp,
            self.tn + other.tn,
        )

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(text: str, page: SnippetPage) -> tuple[SnippetCounts, list[str], list[str]]:
    """The page's counts, its must snippets missed and its must-not snippets found."""
    body = collapse_whitespace(text)
    missed = [s for s in page.with_snippets if collapse_whitespace(s) not in body]
    leaked = [s for s in page.without_snippets if collapse_whitespace(s) in body]
    counts = SnippetCounts(len(page.with_snippets) - len(missed), len(missed), len(leaked))
    counts.tn = len(page.without_snippets) - len(leaked)
    return counts, missed, leaked


def _holder(snippet: str, record: object) -> tuple[str, str]:
    """The label and reason of the record's first block holding the snippet; ("none", "") when none holds it whole."""
    wanted = collapse_whitespace(snippet)
    for block in record.blocks:  # type: ignore[attr-defined]
        if wanted in collapse_whitespace(block["text"]):
            return block.get("label") or "none", block.get("reason") or ""
    return "none", ""


def f1_interval(per_page: list[SnippetCounts]) -> tuple[float, float]:
    """95 % bootstrap interval of the summed F1, pages resampled whole: F1 is 2 TP / (2 TP + FN + FP), a
    ratio of sums `corpus.bootstrap_interval` resamples."""
    return corpus.bootstrap_interval([2 * c.tp for c in per_page], [2 * c.tp + c.fn + c.fp for c in per_page])


def _language(html: bytes) -> str:
    from pipelines.extraction.parse import parse_html

    lang = (parse_html(html).get("lang") or "").strip().lower()
    return lang.split("-")[0] or "none"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", default=str(corpus.HELD_OUT_FOLD), help="comma-separated folds or 'all' (default 4)")
    ap.add_argument(
        "--cache", help=f"where the archive is kept (default ${CACHE_ENV}, else ~/.cache/thresher/realworld)"
    )
    ap.add_argument("--list", action="store_true", help="list each page's snippets gone wrong")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")
    cache = Path(args.cache or os.environ.get(CACHE_ENV) or Path.home() / ".cache/thresher/realworld").expanduser()
    pages = load(fetch(cache))
    if args.folds != "all":
        folds = {int(k) for k in args.folds.split(",")}
        pages = [p for p in pages if p.fold in folds]

    import trafilatura

    from pipelines.extraction import extract

    totals = {name: SnippetCounts() for name in SYSTEMS}
    per_page: dict[str, list[SnippetCounts]] = {name: [] for name in SYSTEMS}
    by_language: dict[str, dict[str, SnippetCounts]] = {}
    errors = dict.fromkeys(SYSTEMS, 0)
    pages_by_language: Counter[str] = Counter()
    missed_in: Counter[str] = Counter()  # thresher's missed must snippets by the label of the block holding them
    wrong: list[str] = []
    for page in pages:
        language = _language(page.html)
        pages_by_language[language] += 1
        for name in SYSTEMS:
            record = None
            try:
                if name == "thresher":
                    record = extract(page.html, page.url)
                    text = record.body
                else:
                    text = trafilatura.extract(page.html, url=page.url, **corpus.TRAFILATURA_OPTIONS) or ""
            except Exception:  # noqa: BLE001 - a page that raises is scored as empty and counted
                errors[name] += 1
                text = ""
            counts, missed, leaked = score(text, page)
            totals[name].add(counts)
            per_page[name].append(counts)
            by_language.setdefault(language, {n: SnippetCounts() for n in SYSTEMS})[name].add(counts)
            holders = [_holder(s, record) for s in missed] if record is not None else []
            missed_in.update(label for label, _ in holders)
            if name == "thresher" and (missed or leaked):
                wrong.append(f"  fold {page.fold}  {page.url}")
                wrong += [
                    f"      missed {s!r}  ({label}: {reason})"
                    for s, (label, reason) in zip(missed, holders, strict=True)
                ]
                wrong += [f"      leaked {s!r}" for s in leaked]

    print(f"python benchmarks/realworld.py --folds {args.folds}: {len(pages)} pages of {SDIST}'s real-world tests")
    print(
        f"snippets: {sum(len(p.with_snippets) for p in pages)} must, {sum(len(p.without_snippets) for p in pages)} must-not"
    )
    print(f"{'system':<12} {'P':>6} {'R':>6} {'F1':>6}   95 % interval of F1   must found / must-not found   raised")
    for name in SYSTEMS:
        c, (low, high) = totals[name], f1_interval(per_page[name])
        print(
            f"{name:<12} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}   [{low:.3f}, {high:.3f}]"
            f"        {c.tp:>3} / {c.tp + c.fn:<3}      {c.fp:>3} / {c.fp + c.tn:<3}   {errors[name]}"
        )
    print(
        "thresher's missed must snippets by the label of the block holding them (comments are kept out of the body "
        "by design; none: across blocks or not in one): "
        + (", ".join(f"{label} {n}" for label, n in missed_in.most_common()) or "none missed")
    )
    print("F1 by <html lang> (pages):")
    for language, counts in sorted(by_language.items(), key=lambda kv: -sum(c.tp + c.fn for c in kv[1].values())):
        print(
            f"  {language:<6} {pages_by_language[language]:>3}   "
            + "   ".join(f"{name} {counts[name].f1:.3f}" for name in SYSTEMS)
        )
    if args.list and wrong:
        print("thresher's snippets gone wrong:")
        print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
