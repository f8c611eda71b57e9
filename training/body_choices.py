"""How the body decision's constants were chosen: out-of-fold word F1 on the development folds.

    python training/body_choices.py --cache /tmp/rows.pkl     # the rows cache of training/train.py

`cues.BODY_THRESHOLD`, `cues.BODY_THRESHOLD_BY_PAGE_TYPE` and `cues.ARTICLE_ONLY_UNIT_LABELS` act
after the scorer, so they are
chosen on its out-of-fold probabilities: every development page (folds 0-3; fold 4 is never
read) is scored by block models and typed by a page-type model that never saw its fold, and
its body is decided by `body.decide_body` itself under each choice. The training rows keep each
block's rule label but not the units' bounds, so a unit is replayed as a run of blocks with one
label: the figures are close to `extract()`'s, not equal to them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from statistics import fmean
from types import SimpleNamespace
from typing import Any
from unittest.mock import patch

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train
from train import PageRows, corpus, cues  # PageRows: caches written by train.py pickle it as __main__.PageRows

from pipelines.extraction import body as body_decision
from pipelines.extraction.features import FEATURE_NAMES, KIND_CODE, UNIT_LABEL_CODE
from pipelines.extraction.segment import Segmentation

_UNIT_LABEL = FEATURE_NAMES.index("unit_label")
_KIND = FEATURE_NAMES.index("kind")
_LABELS = {code: label for label, code in UNIT_LABEL_CODE.items()}
_KINDS = {code: kind for kind, code in KIND_CODE.items()}


@contextmanager
def _choice(**constants: Any) -> Iterator[None]:
    """`cues` constants set for the duration: `decide_body` reads them when called."""
    before = {name: getattr(cues, name) for name in constants}
    for name, value in constants.items():
        setattr(cues, name, value)
    try:
        yield
    finally:
        for name, value in before.items():
            setattr(cues, name, value)


class _ReplayedSegmentation(SimpleNamespace):
    """What `decide_body` reads of a segmentation (blocks, units, each block's unit, where a label's
    unit starts), rebuilt from a row: units are runs of one label, blocks have no element."""

    first_block_of = Segmentation.first_block_of


def _segmentation(row: PageRows) -> _ReplayedSegmentation:
    blocks = [
        SimpleNamespace(text=text, words=words, kind=_KINDS[int(kind)], element=None)
        for text, words, kind in zip(row.texts, row.words, row.features[:, _KIND], strict=True)
    ]
    units, block_units, previous = [], [], 0
    for code in row.features[:, _UNIT_LABEL].astype(int):
        if code and code != previous:
            # rows keep no reasons: the units the rules are sure of (cues.UNIT_OVERRULED_SURE) are replayed as any other
            units.append(SimpleNamespace(label=_LABELS[code], reason=""))
        block_units.append(units[-1] if code else None)
        previous = code
    return _ReplayedSegmentation(blocks=blocks, units=units, block_units=block_units)


def _never(*_args: object) -> bool:
    return False


#: Rows keep no elements, so the body decision's rules that read them are left out of the replay: a
#: repeated run of body blocks is judged by its text alone (never in the same container or in two tab
#: panels, `body._repeats`' exceptions), no table between two paragraphs of its container is filled in
#: (`body._fill_between`), and no caption is left out (`body._captions`).
_TEXT_ONLY_RULES = {
    "_same_container": _never,
    "_other_tab_panels": _never,
    "_fill_between": lambda *_args: None,
    "_captions": lambda *_args: set(),
}


def _replayed_body(row: PageRows, probability: np.ndarray, page_type: str | None) -> str:
    with patch.multiple(body_decision, **_TEXT_ONLY_RULES):
        decision = body_decision.decide_body(_segmentation(row), probability, page_type)
    return "\n\n".join(text for text, keep in zip(row.texts, decision.body, strict=True) if keep)


def _page_types(dev: list[PageRows], probabilities: dict[str, np.ndarray]) -> dict[str, str]:
    predicted = train.pagetype_out_of_fold(dev, probabilities)
    return {r.key: cues.PAGE_TYPES[t] for r, t in zip(dev, train.page_types(predicted), strict=True)}


def _scores(dev: list[PageRows], probabilities: dict[str, np.ndarray], types: dict[str, str]) -> dict[str, float]:
    groups: dict[str, list[float]] = {}
    for row in dev:
        prf = corpus.word_scores(_replayed_body(row, probabilities[row.key], types[row.key]), row.truth)
        if prf is None:
            continue
        kind = "article" if row.page_type == "article" else "other"
        for key in (row.source, f"{row.source}:{kind}"):
            groups.setdefault(key, []).append(prf[2])
    return {key: fmean(values) for key, values in sorted(groups.items())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, required=True, help="rows cache of training/train.py (read, or written)")
    ap.add_argument("--jobs", type=int, default=2, help="processes for reading pages when the cache is missing")
    args = ap.parse_args(argv)
    rows = train.build_rows(args.jobs, args.cache)
    dev = [r for r in rows if r.fold != corpus.HELD_OUT_FOLD]
    first = train.first_stage_out_of_fold(dev)
    probabilities = train.out_of_fold(dev, first)
    types = _page_types(dev, probabilities)
    print(f"{len(dev)} development pages (folds 0-3), out of fold; word F1 of the body")
    print(f"{'threshold':>9}  {'article-only units':<20}{'aeb':>8}{'wcxb':>8}{'article':>9}{'other':>8}")
    for threshold in (0.3, 0.35, 0.4, 0.45, 0.5):
        for name, labels in (("as on articles", frozenset()), ("yield off articles", cues.ARTICLE_ONLY_UNIT_LABELS)):
            with _choice(BODY_THRESHOLD=threshold, BODY_THRESHOLD_BY_PAGE_TYPE={}, ARTICLE_ONLY_UNIT_LABELS=labels):
                s = _scores(dev, probabilities, types)
            print(
                f"{threshold:>9.2f}  {name:<20}{s['aeb']:>8.4f}{s['wcxb']:>8.4f}"
                f"{s['wcxb:article']:>9.4f}{s['wcxb:other']:>8.4f}"
            )
    print("\nword F1 by predicted page type (every source) at each threshold, units yielding off articles")
    thresholds = (0.5, 0.4, 0.35, 0.3, 0.25, 0.2, 0.15)
    print(f"{'type':<14}{'pages':>6}" + "".join(f"{t:>7}" for t in thresholds))
    for page_type in cues.PAGE_TYPES:
        typed = [r for r in dev if types[r.key] == page_type]
        line = f"{page_type:<14}{len(typed):>6}"
        for threshold in thresholds:
            with _choice(BODY_THRESHOLD=threshold, BODY_THRESHOLD_BY_PAGE_TYPE={}):
                line += f"{_mean_f1(typed, probabilities, page_type):>7.3f}"
        print(line)
    return 0


def _mean_f1(rows: list[PageRows], probabilities: dict[str, np.ndarray], page_type: str) -> float:
    scores = []
    for row in rows:
        prf = corpus.word_scores(_replayed_body(row, probabilities[row.key], page_type), row.truth)
        if prf is not None:
            scores.append(prf[2])
    return fmean(scores) if scores else float("nan")


if __name__ == "__main__":
    raise SystemExit(main())
