"""Shared helpers for the Article Extraction Benchmark (AEB) scripts.

Loader, metric and system wrappers live here so that quality.py and speed.py
read the same pages and call the extractors the same way. The metric follows
``shared/benchmarks/aeb/SOURCE.md`` (the upstream benchmark's definition), so
our numbers are comparable with the published table.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean
from typing import NamedTuple

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_AEB_DIR = REPO_ROOT.parent / "shared/benchmarks/aeb"
ENV_VAR = "THRESHER_AEB_DIR"

_TOKEN_RE = re.compile(r"\w+")  # str pattern: Unicode-aware, as upstream
SHINGLE_SIZE = 4

Extractor = Callable[[bytes, str], str]


# --------------------------------------------------------------------------
# Data


class Page(NamedTuple):
    """One benchmark page; a tuple so callers can unpack (id, html, url, truth)."""

    id: str
    html: bytes
    url: str
    truth: str


def resolve_aeb_dir(arg: str | None = None) -> Path:
    """Return the AEB directory: ``--aeb`` > ``$THRESHER_AEB_DIR`` > default.

    Exits with a one-line message when it is missing, because every script is
    useless without the data and a traceback would hide the actual fix.
    """
    raw = arg or os.environ.get(ENV_VAR)
    path = Path(raw).expanduser() if raw else DEFAULT_AEB_DIR
    if not (path / "ground-truth.json").is_file() or not (path / "html").is_dir():
        sys.exit(f"AEB data not found at {path} (need ground-truth.json and html/); pass --aeb DIR or set {ENV_VAR}")
    return path


def iter_pages(aeb_dir: Path, limit: int | None = None) -> Iterator[Page]:
    """Yield pages sorted by id, so ``--limit N`` always picks the same subset."""
    truth = json.loads((aeb_dir / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    if limit is not None:
        ids = ids[:limit]
    for item_id in ids:
        html = gzip.decompress((aeb_dir / "html" / f"{item_id}.html.gz").read_bytes())
        entry = truth[item_id]
        yield Page(item_id, html, entry["url"], entry["articleBody"])


def load_pages(aeb_dir: Path, limit: int | None = None) -> list[Page]:
    """Load pages eagerly (decompressed HTML is ~31 MB for all 181)."""
    return list(iter_pages(aeb_dir, limit))


# --------------------------------------------------------------------------
# Metric


def tokenize(text: str) -> list[str]:
    """Tokens as the benchmark defines them: Unicode ``\\w+`` runs, case kept."""
    return _TOKEN_RE.findall(text)


def shingles(tokens: Sequence[str], n: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Multiset of n-token windows; 1..n-1 tokens give one short shingle, 0 none."""
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True)
class PageScore:
    """Per-page result; P/R are None where the benchmark leaves them undefined."""

    precision: float | None
    recall: float | None
    exact: bool


def score_page(truth: str, prediction: str | None) -> PageScore:
    """Score one page; a missing prediction counts as the empty string."""
    truth_tokens = tokenize(truth)
    pred_tokens = tokenize(prediction or "")
    truth_sh = shingles(truth_tokens)
    pred_sh = shingles(pred_tokens)
    tp = sum((truth_sh & pred_sh).values())
    fp = sum((pred_sh - truth_sh).values())
    fn = sum((truth_sh - pred_sh).values())
    precision = tp / (tp + fp) if pred_sh else None
    recall = tp / (tp + fn) if truth_sh else None
    return PageScore(precision, recall, truth_tokens == pred_tokens)


@dataclass(frozen=True)
class Summary:
    """Set-level numbers: P, R = means of defined page values, F1 = 2PR/(P+R)."""

    pages: int
    precision: float
    recall: float
    f1: float
    f1_sd: float
    accuracy: float


def _mean_defined(values: Sequence[float | None]) -> float:
    defined = [v for v in values if v is not None]
    return fmean(defined) if defined else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _aggregate(scores: Sequence[PageScore]) -> tuple[float, float, float]:
    p = _mean_defined([s.precision for s in scores])
    r = _mean_defined([s.recall for s in scores])
    return p, r, _f1(p, r)


def summarize(scores: Sequence[PageScore], n_boot: int = 1000, seed: int = 0) -> Summary:
    """Aggregate page scores; F1's sd comes from resampling pages with replacement.

    The sd tells whether two systems' F1 differ by more than the choice of
    pages would explain (the upstream README reports it the same way).
    """
    if not scores:
        return Summary(0, 0.0, 0.0, 0.0, 0.0, 0.0)
    p, r, f1 = _aggregate(scores)
    rng = random.Random(seed)
    n = len(scores)
    boot = [_aggregate([scores[rng.randrange(n)] for _ in range(n)])[2] for _ in range(n_boot)]
    mu = fmean(boot)
    sd = (sum((x - mu) ** 2 for x in boot) / (len(boot) - 1)) ** 0.5 if len(boot) > 1 else 0.0
    accuracy = sum(s.exact for s in scores) / n
    return Summary(n, p, r, f1, sd, accuracy)


# --------------------------------------------------------------------------
# Systems under test


def trafilatura_default(html: bytes, url: str) -> str:
    """trafilatura 2.x with default settings (the benchmark's reference setup)."""
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False) or ""


def trafilatura_precision(html: bytes, url: str) -> str:
    """trafilatura with ``favor_precision=True``, its stricter boilerplate mode."""
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False, favor_precision=True) or ""


def load_thresher() -> tuple[Extractor | None, str]:
    """Return (extractor, "") or (None, reason) if thresher can't be imported.

    Only ImportError is caught: any other failure in the code under test
    should surface loudly rather than be reported as "unavailable".
    """
    root = str(REPO_ROOT)
    if root not in sys.path:
        sys.path.insert(0, root)
    try:
        from pipelines.extraction import extract
    except ImportError as exc:
        return None, f"unavailable ({exc})"

    def thresher(html: bytes, url: str) -> str:
        return extract(html, url).body or ""

    return thresher, ""


def trafilatura_version() -> str:
    """Version string for reports, so saved numbers say what they were measured with."""
    import trafilatura

    return trafilatura.__version__
