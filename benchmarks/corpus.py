"""The development pages (WCXB dev and AEB), one record type, split into folds by host.

Training (`training/train.py`) and the benchmarks read pages through this module, so a
page is in the same fold everywhere. A fold is a stable hash of the page's site (its
host without `www.`, reduced to the registrable part), so every page of a site lands in
one fold: a model trained on the other folds has never seen that site.

Fold `HELD_OUT_FOLD` is the held-back fold: nothing is tuned or trained on it during
development, and the figures reported for the extractor come from it (models trained
on the other folds). The shipped model is trained on all folds once development is done.
"""

from __future__ import annotations

import argparse
import ast
import gzip
import hashlib
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared/benchmarks"
WCXB_ENV, AEB_ENV = "THRESHER_WCXB_DIR", "THRESHER_AEB_DIR"

FOLDS = 5
HELD_OUT_FOLD = 4
PAGE_TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")
#: How the benchmarks run trafilatura, the baseline of every figure (its evaluation's settings: no comments, tables kept).
TRAFILATURA_OPTIONS = {"include_comments": False, "include_tables": True}

#: Second-level labels under which sites register their names (example.co.uk, example.com.au). The same
#: list as `cues.SECOND_LEVEL_LABELS` on purpose, not imported: the folds are a fixed split of the benchmark,
#: which neither a change of the extractor's cues nor the extractor's import (before the code under test is
#: put on sys.path) may move.
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go", "gob", "nic"})


@dataclass
class DevPage:
    """One development page with whatever ground truth its benchmark has."""

    id: str
    source: str  # "wcxb" or "aeb"
    url: str
    html: bytes
    page_type: str
    main_content: str
    title: str | None = None
    author: str | None = None
    publish_date: str | None = None
    with_snippets: list[str] = field(default_factory=list)
    without_snippets: list[str] = field(default_factory=list)

    @property
    def site(self) -> str:
        return site_of(self.url)

    @property
    def fold(self) -> int:
        return fold_of(self.url)


def site_of(url: str) -> str:
    """The registrable part of the URL's host: `news.bbc.co.uk` -> `bbc.co.uk`."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def fold_of(url: str) -> int:
    digest = hashlib.sha256(site_of(url).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % FOLDS


def _data_dir(env: str, name: str, arg: str | None) -> Path:
    raw = arg or os.environ.get(env)
    path = Path(raw).expanduser() if raw else SHARED / name
    if not (path / "html").is_dir():
        sys.exit(f"{name} data not found at {path}; pass its directory or set {env}")
    return path


def _snippets(value: object) -> list[str]:
    """WCXB stores the snippet lists as Python list literals in a string."""
    if isinstance(value, list):
        return [str(v) for v in value]
    if not value:
        return []
    try:
        parsed = ast.literal_eval(str(value))
    except (ValueError, SyntaxError):
        return [str(value)]
    return [str(v) for v in parsed] if isinstance(parsed, list | tuple) else [str(parsed)]


def iter_wcxb(directory: str | None = None) -> Iterator[DevPage]:
    root = _data_dir(WCXB_ENV, "wcxb-dev", directory)
    with gzip.open(root / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            entry = json.loads(line)
            if "file_id" not in entry or "url" not in entry:
                continue  # one upstream line has neither: no page to read
            truth = entry["ground_truth"]
            page_type = entry["_internal"]["page_type"]["primary"]
            yield DevPage(
                id=entry["file_id"],
                source="wcxb",
                url=entry["url"],
                html=gzip.decompress((root / "html" / f"{entry['file_id']}.html.gz").read_bytes()),
                page_type="collection" if page_type == "category" else page_type,
                main_content=truth.get("main_content") or "",
                title=truth.get("title"),
                author=truth.get("author"),
                publish_date=truth.get("publish_date"),
                with_snippets=_snippets(truth.get("with")),
                without_snippets=_snippets(truth.get("without")),
            )


def iter_aeb(directory: str | None = None) -> Iterator[DevPage]:
    root = _data_dir(AEB_ENV, "aeb", directory)
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id in sorted(truth):
        entry = truth[page_id]
        yield DevPage(
            id=page_id,
            source="aeb",
            url=entry["url"],
            html=gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes()),
            page_type="article",
            main_content=entry["articleBody"],
        )


def load(sources: tuple[str, ...] = ("wcxb", "aeb"), folds: set[int] | None = None) -> list[DevPage]:
    """The pages of the given benchmarks, optionally only those of some folds."""
    readers = {"wcxb": iter_wcxb, "aeb": iter_aeb}
    pages = [page for source in sources for page in readers[source]()]
    return [p for p in pages if folds is None or p.fold in folds]


def folds_arg(value: str) -> set[int]:
    """A command's `--folds` ("4", "0,1,2,3"): an argparse type, so a bad value is a usage error."""
    try:
        folds = {int(f) for f in value.split(",") if f.strip()}
    except ValueError:
        folds = set()
    if not folds or not folds <= set(range(FOLDS)):
        raise argparse.ArgumentTypeError(f"folds are 0-{FOLDS - 1}, comma-separated")
    return folds


def command_pages(source: str, folds: set[int]) -> list[DevPage]:
    """The pages of a command's `--source` ("wcxb", "aeb" or "all") and `--folds`, saying so when the held-back
    fold is among them: its counts are for reporting, not for tuning."""
    if HELD_OUT_FOLD in folds:
        print(f"note: fold {HELD_OUT_FOLD} is held back; counts from it are for reporting, not tuning")
    return load(("wcxb", "aeb") if source == "all" else (source,), folds)


#: The boilerplate labels of WCXB pages made here (`benchmarks/data/README.md`); AEB's are in its directory.
WCXB_LABELS = REPO_ROOT / "benchmarks" / "data" / "wcxb_labels.json"
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def fold_snippet(text: str) -> str:
    """Text as the boilerplate labels compare it: whitespace folded, invisible characters dropped."""
    return " ".join(text.translate(_INVISIBLE).split())


def boilerplate_labels(aeb_directory: str | None = None) -> dict[str, dict[str, list[str]]]:
    """Every labelled page's snippets by label ("bio", "promo", ...), keyed "aeb:<id>" / "wcxb:<id>"."""
    aeb_labels = _data_dir(AEB_ENV, "aeb", aeb_directory) / "labels.json"
    out = {}
    for source, path in (("aeb", aeb_labels), ("wcxb", WCXB_LABELS)):
        for page in json.loads(path.read_text(encoding="utf-8")):
            out[f"{source}:{page['id']}"] = page["expect"]
    return out


#: The model files `training/train.py --folds-out DIR` writes per fold k, by extract()'s argument.
FOLD_MODEL_FILES = {
    "scorer": "fold-{k}.json",
    "page_classifier": "pagetype-fold-{k}.json",
    "promo_finder": "promos-fold-{k}.json",
}


#: The same names for help texts and report headers: "fold-k.json, pagetype-fold-k.json, promos-fold-k.json".
FOLD_MODEL_NAMES = ", ".join(name.format(k="k") for name in FOLD_MODEL_FILES.values())


@cache
def fold_models(model_dir: str | Path, fold: int) -> dict[str, Any]:
    """extract()'s model arguments for a page of `fold`: the models trained without that fold, read once per
    directory, fold and process (the caller passes them on, never changes them)."""
    from pipelines.extraction.pagetype import PageTypeClassifier
    from pipelines.extraction.promos import PromoFinder
    from pipelines.extraction.scorer import BlockScorer

    loaders = {"scorer": BlockScorer.load, "page_classifier": PageTypeClassifier.load, "promo_finder": PromoFinder.load}
    return {arg: loaders[arg](Path(model_dir) / name.format(k=fold)) for arg, name in FOLD_MODEL_FILES.items()}


def data_hashes() -> dict[str, str]:
    """SHA-256 of every input file, so a trained model names the exact data it came from."""
    hashes: dict[str, str] = {}
    for name in ("wcxb-dev", "aeb"):
        root = Path(os.environ.get(WCXB_ENV if name == "wcxb-dev" else AEB_ENV) or SHARED / name)
        digest = hashlib.sha256()
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        hashes[name] = digest.hexdigest()
    hashes["wcxb-labels"] = hashlib.sha256(WCXB_LABELS.read_bytes()).hexdigest()
    return hashes


# --------------------------------------------------------------------------
# Metadata agreement: normalized comparisons of a predicted field with WCXB's truth


#: Sampling error of a figure: a 95 % percentile bootstrap over the pages, seeded (the same each run).
BOOTSTRAP_RESAMPLES = 2000
BOOTSTRAP_SEED = 0


def bootstrap_interval(values: list[float], totals: list[float] | None = None) -> tuple[float, float]:
    """95 % bootstrap interval of sum(values) / sum(totals) over pages resampled whole (of their mean
    without `totals`): per-page F1s, or a page's hits over its snippets.

    The held-back fold is a few hundred pages (AEB's share of it a few dozen): one page moves a
    mean by a hundredth or more, and the interval says which gaps to a target or to trafilatura are
    larger than the choice of pages.
    """
    import numpy as np

    num = np.asarray(values, dtype=np.float64)
    den = np.ones_like(num) if totals is None else np.asarray(totals, dtype=np.float64)
    if not len(num):
        return float("nan"), float("nan")
    pick = np.random.default_rng(BOOTSTRAP_SEED).integers(0, len(num), size=(BOOTSTRAP_RESAMPLES, len(num)))
    with np.errstate(invalid="ignore", divide="ignore"):
        ratios = num[pick].sum(axis=1) / den[pick].sum(axis=1)
    low, high = np.nanpercentile(ratios, [2.5, 97.5])
    return float(low), float(high)


def _norm(text: str) -> str:
    table = str.maketrans(
        {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2026": "..."}
    )
    return " ".join(text.translate(table).casefold().split())


def title_agrees(predicted: str | None, truth: str | None) -> bool:
    """The same headline once case, whitespace, quotes and dashes are normalized."""
    return bool(predicted and truth) and _norm(predicted) == _norm(truth)


_TRUTH_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bwith\b)\s*", re.I)
#: A piece of the truth that is a credential, not a name: "MD", "M.D.", "PhD", "RDN", "E-RYT 200".
_CREDENTIAL = re.compile(
    r"^(?:[A-Z][A-Za-z]?\.?(?:[A-Z]\.?){1,5}|Ph\.?D\.?|[A-Z-]{2,}(?: \d+)?)(?: ?[\u00ae\u2122\u2120])?$"
)
_HONORIFIC = re.compile(r"^(?:dr|prof|mr|mrs|ms)\.?\s+", re.I)
#: An aside closing a piece of the truth, no part of a name: "Lance Ryan (Content Manager)", "Jean-Luc
#: Aufranc (CNXSoft)" (one inside a name stays: "Paramita (Guha) Ghosh").
_TRUTH_ASIDE = re.compile(r"\s*\([^()]*\)(?=\s*(?:$|[,;&|]))")
#: What follows a bar is the outlet the author writes for: "Sergio Martinez-Beltran | The Texas Newsroom".
_TRUTH_OUTLET = re.compile(r"\s+\|\s+.*$", re.S)
#: A piece of the truth naming a job, not a person ("Tracy Parker, Dietitian", "Mayank Gupta, CEO of
#: CaseBasix", "Paul Frew, Home and Digital Security Expert"): the issue asks for person names only, so
#: a prediction leaving the job out agrees. Only words that are no one's surname; a piece holding a digit
#: ("10+ Years in the Moving Industry") is no name either.
_ROLE_WORDS = re.compile(
    r"\b(?:ceo|cto|cfo|coo|cmo|vp|founder|co-founder|president|director|manager|editor|writer|reporter|"
    r"correspondent|contributor|columnist|expert|specialist|consultant|analyst|engineer|officer|dietitian|"
    r"nutritionist|educator|horticulturalist|representative|strategist|researcher|scientist|advisor|adviser|"
    r"therapist|physician|clinician|journalist|photographer)\b|\d",
    re.I,
)


def _credential(piece: str) -> bool:
    return all(_CREDENTIAL.match(token) for token in piece.split())


def truth_names(truth: str) -> list[str]:
    """The person names an author truth holds.

    The truth is split into names at commas, ";", "&", " and " and " with " (WCXB writes "A, B",
    "A and B" and "A with B"). Pieces that are credentials ("Jillian Kubala, MS, RD", "M.D. FACLM") or
    jobs ("Tracy Parker, Dietitian") are no names, nor are asides in brackets or the outlet after a bar;
    an honorific before a name ("Dr. Andrew Huberman") is dropped. A truth with nothing left (a team:
    "Staff Clinician") is its pieces as written.
    """
    written = [piece for piece in _TRUTH_NAME_SPLIT.split(truth.strip()) if piece.strip()]
    kept = _TRUTH_OUTLET.sub("", _TRUTH_ASIDE.sub("", truth)).strip()
    pieces = [piece for piece in re.split(r"\s*[,;]\s*", kept) if piece and not _ROLE_WORDS.search(piece)]
    names = [
        _HONORIFIC.sub("", name)
        for piece in pieces
        for name in _TRUTH_NAME_SPLIT.split(piece)
        if name.strip() and not _credential(name)
    ]
    return names or [_HONORIFIC.sub("", piece) for piece in written if not _credential(piece)] or written


def authors_agree(predicted: list[str] | str | None, truth: str | None) -> bool:
    """Every person name of the truth (`truth_names`) occurs in the predicted authors."""
    if not predicted or not truth:
        return False
    found = _norm(" ; ".join(predicted) if isinstance(predicted, list) else predicted)
    return all(_norm(name) in found for name in truth_names(truth))


def date_agrees(predicted: str | None, truth: str | None) -> bool:
    """The same calendar day (the prediction is an ISO date or timestamp)."""
    return bool(predicted and truth) and predicted[:10] == truth[:10]


# --------------------------------------------------------------------------
# Body metric (WCXB's evaluate.py): bags of lowercase \w+ tokens

_WORD = re.compile(r"\w+")


def word_tokens(text: str | None) -> list[str]:
    return _WORD.findall((text or "").lower())


def word_scores(prediction: str | None, reference: str | None) -> tuple[float, float, float] | None:
    """P, R, F1 of lowercase `\\w+` token bags; None when the reference has no words.

    Pages with an empty reference can't be scored by this metric (any output is "wrong",
    none is undefined), so they are left out of the averages instead of counting as 0 or 1.
    """
    ref = Counter(word_tokens(reference))
    if not ref:
        return None
    pred = Counter(word_tokens(prediction))
    overlap = sum((pred & ref).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    p, r = overlap / sum(pred.values()), overlap / sum(ref.values())
    return p, r, 2 * p * r / (p + r)
