"""Training the promo finder (`pipelines/extraction/promos.py`) from the boilerplate labels.

Labels: a block is a promo when a labelled promo snippet of its page lies in it (or it, at
least 12 characters long, lies in the snippet). A labelled unit names only one to three of its
blocks, so the unlabelled blocks within two of a labelled one (any label) are left out of
training unless the truth calls them body: they may be the rest of the same widget.

The finder only ever reads blocks no rule unit holds, but it learns from the labelled promo
blocks the rules found as well: they are most of the examples (the rules hold all but about 70
of the development folds' labelled promo blocks), and what makes them promos (the offer, the
call to action, the brand named) is what the finder looks for. The unlabelled pages teach it
nothing (`UNLABELLED_BODY_NEGATIVES`): their body blocks drowned the labelled promos. The block
scorer's probability is a feature, taken out of fold as in the page-type classifier.
"""

from __future__ import annotations

import lightgbm as lgb
import numpy as np

from pipelines.extraction import cues
from pipelines.extraction.features import CATEGORICAL, FEATURE_NAMES, UNIT_LABEL_CODE
from pipelines.extraction.promos import (
    FINDER_FEATURE_NAMES,
    WIDGET_FEATURE_NAMES,
    PromoFinder,
    finder_features,
    page_context_features,
)
from pipelines.extraction.segment import BlockLabel

PROMO_PARAMS = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 7,
    "min_data_in_leaf": 10,
    "feature_fraction": 0.5,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "scale_pos_weight": 5.0,  # ~1 promo block in 60: weigh them up so the trees split on them
    "deterministic": True,
    "force_row_wise": True,
    "num_threads": 2,
    "verbose": -1,
}
PROMO_ROUNDS = 150
#: The finder is the mean of boosters trained alike but for their seed (`PROMO_PARAMS["seed"]`): one booster's
#: reading moved with its seed (feature and row sampling) more than most changes measured with it.
PROMO_SEEDS = (7, 8, 9, 10, 11)
#: Unlabelled blocks this close to a labelled one are unknown (the rest of a widget).
UNKNOWN_AROUND_LABELLED = 2
_MIN_CONTAINED_CHARS = 12
#: On a page without boilerplate labels, a block whose share of true main-content words reaches
#: this is a known non-promo (the truth may hold an offer, but rarely as most of a block), when
#: UNLABELLED_BODY_NEGATIVES ...
BODY_NEGATIVE_MIN_TARGET = 0.8
#: ... but the finder does not learn from them: about 97,000 body blocks against some 240 labelled promo
#: blocks, they taught it that whatever reads like body (the scorer's features, its probability) is no
#: promo, and a call to action inside an article ("Ready to simplify your nutrition? Get started today.",
#: p_body 0.94) is what it must find. Trained on the labelled pages only, out of fold on folds 0-3
#: (finders retrained from train.py's functions over /tmp/rows26.pkl, scorers of /tmp/folds26;
#: `benchmarks/aeb_labels.py --labels wcxb --folds 0,1,2,3 --model-dir`): WCXB promo hits 115 -> 121 of 157,
#: leaks 21 -> 17; AEB 30 of 43, 5 leaks either way; labelled free promo blocks taken 10 -> 21 of 61, true
#: body words of free blocks taken 0.040 % -> 0.128 %. Down-weighing them instead (0.2, 0.05, 0.01) gave
#: 116, 119, 121 hits.
UNLABELLED_BODY_NEGATIVES = False
#: On a labelled page, a block in a call-to-action widget (a link or button calling to action, `WIDGET_FEATURE_NAMES`)
#: that no snippet names is a known non-promo only when the truth calls it body at least this much: the labels
#: are incomplete, and such unlabelled boxes ("Ready to navigate ...? Get a quote", "Try X today for 14 days
#: free") are mostly promos no one labelled. As negatives they taught the finder that a call-to-action box is
#: no promo. Out of fold on folds 0-3 (ad-hoc /tmp/promo23/finder.py), at the 0.4 threshold: labelled free
#: promo blocks taken 8 -> 14 of 71, true body words taken 0.049 % -> 0.045 %.
BODY_KNOWN_MIN_TARGET = 0.5
_CALL_COLUMNS = [WIDGET_FEATURE_NAMES.index("widget_call_level"), WIDGET_FEATURE_NAMES.index("widget_button_level")]
_UNIT_LABEL = FEATURE_NAMES.index("unit_label")
_PROMO_CODE = UNIT_LABEL_CODE[BlockLabel.PROMO]


def block_labels(
    texts: list[str], target: np.ndarray, expect: dict[str, list[str]], fold
) -> tuple[np.ndarray, np.ndarray]:
    """(is a promo, is known) per block of a labelled page; `fold` folds text as the labels do."""
    folded = [fold(t) for t in texts]
    labelled = np.zeros(len(texts), dtype=int)  # 0: none, 1: promo, 2: another label
    for label, snippets in expect.items():
        for snippet in map(fold, snippets):
            for i, text in enumerate(folded):
                if text and (snippet in text or (len(text) >= _MIN_CONTAINED_CHARS and text in snippet)):
                    labelled[i] = 1 if label == "promo" else max(labelled[i], 2)
    known = np.ones(len(texts), dtype=bool)
    for i in np.flatnonzero(labelled):
        around = slice(max(0, i - UNKNOWN_AROUND_LABELLED), i + UNKNOWN_AROUND_LABELLED + 1)
        known[around] &= (labelled[around] > 0) | (target[around] >= 0.5)
    return labelled == 1, known


def in_rule_promo(features: np.ndarray) -> np.ndarray:
    return features[:, _UNIT_LABEL] == _PROMO_CODE


def in_call_widget(widgets: np.ndarray) -> np.ndarray:
    """Blocks whose widget holds a link or a button calling to action (rows of `WIDGET_FEATURE_NAMES`)."""
    return (widgets[:, _CALL_COLUMNS] > 0).any(axis=1)


def readable(texts: list[str], words: np.ndarray) -> np.ndarray:
    """Blocks with text, no longer than the finder reads."""
    return np.array([bool(t) for t in texts], dtype=bool) & (words <= cues.LEARNED_PROMO_MAX_WORDS)


def free_blocks(features: np.ndarray, texts: list[str], words: np.ndarray) -> np.ndarray:
    """The blocks the finder reads at extraction: in no rule unit, with text, not too long."""
    return (features[:, _UNIT_LABEL] == 0) & readable(texts, words)


def training_blocks(row, expect: dict[str, list[str]] | None, fold) -> tuple[np.ndarray, np.ndarray]:
    """(is a promo, trains) per block of a `training.train.PageRows`: on a labelled page the known
    blocks the finder could read, rule-found promos among them; on another page none (with
    `UNLABELLED_BODY_NEGATIVES`, the blocks outside rule promos that the truth calls body)."""
    readable_blocks = readable(row.texts, row.words)
    if expect is None:
        if not UNLABELLED_BODY_NEGATIVES:
            return np.zeros(len(row.texts), dtype=bool), np.zeros(len(row.texts), dtype=bool)
        body = row.target >= BODY_NEGATIVE_MIN_TARGET
        return np.zeros(len(row.texts), dtype=bool), ~in_rule_promo(row.features) & readable_blocks & body
    promo, known = block_labels(row.texts, row.target, expect, fold)
    return promo, known & readable_blocks & (
        promo | ~in_call_widget(row.widgets) | (row.target >= BODY_KNOWN_MIN_TARGET)
    )


def train_promo_finder(rows: list, probabilities: dict[str, np.ndarray], labels: dict, fold) -> PromoFinder:
    """`rows`: training.train.PageRows: the labelled pages' blocks, and the unlabelled pages' body blocks."""
    X, y = [], []
    for row in rows:
        if not len(row.texts):
            continue
        promo, keep = training_blocks(row, labels.get(row.key), fold)
        rows_kept = np.flatnonzero(keep)
        X.append(
            finder_features(
                row.features[rows_kept],
                probabilities[row.key][rows_kept],
                [row.texts[i] for i in rows_kept],
                row.url,
                row.widgets[rows_kept],
                page_context_features(probabilities[row.key], row.words, rows_kept),
            )
        )
        y.append(promo[keep])
    matrix, targets = np.vstack(X), np.concatenate(y).astype(int)

    def booster(seed: int) -> lgb.Booster:
        data = lgb.Dataset(
            matrix, targets, feature_name=list(FINDER_FEATURE_NAMES), categorical_feature=list(CATEGORICAL)
        )
        return lgb.train({**PROMO_PARAMS, "seed": seed}, data, num_boost_round=PROMO_ROUNDS)

    return PromoFinder([booster(seed) for seed in PROMO_SEEDS])


def threshold_table(rows: list, probabilities: dict[str, np.ndarray], labels: dict, fold) -> str:
    """Out of fold over the given rows' folds: at each threshold, the labelled promo blocks outside
    rule promos that the finder takes (of those the finder reads), its other takes on labelled
    pages, and the share of all pages' true body words it takes."""
    folds = sorted({r.fold for r in rows})
    taken: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # key -> (free block indices, probability)
    labelled = {
        row.key: block_labels(row.texts, row.target, labels[row.key], fold) for row in rows if row.key in labels
    }  # key -> (is a promo, is known)
    for k in folds:
        finder = train_promo_finder([r for r in rows if r.fold != k], probabilities, labels, fold)
        for row in rows:
            if row.fold == k and len(row.texts):
                free = np.flatnonzero(free_blocks(row.features, row.texts, row.words))
                rows_k = finder_features(
                    row.features[free],
                    probabilities[row.key][free],
                    [row.texts[i] for i in free],
                    row.url,
                    row.widgets[free],
                    page_context_features(probabilities[row.key], row.words, free),
                )
                taken[row.key] = (free, finder.promo_probability(rows_k))
    lines = [
        f"  {'threshold':>9}  {'labelled promos taken':>22}  {'other takes (labelled pages)':>28}  {'true body words taken':>22}"
    ]
    body_words = sum(float((r.words * r.target).sum()) for r in rows)
    for threshold in sorted({0.3, 0.4, 0.5, 0.6, 0.7, 0.8, cues.LEARNED_PROMO_MIN_PROBABILITY}):  # and the one shipped
        hits = total = others = 0
        lost = 0.0
        for row in rows:
            if row.key not in taken:
                continue
            free, p = taken[row.key]
            chosen = free[p >= threshold]
            lost += float((row.words[chosen] * row.target[chosen]).sum())
            if row.key in labelled:
                promo, known = labelled[row.key]
                total += int(promo[free].sum())
                hits += int(promo[chosen].sum())
                others += int((~promo[chosen] & known[chosen]).sum())
        lines.append(f"  {threshold:>9.2f}  {hits:>12} of {total:<7}  {others:>28}  {100 * lost / body_words:>21.2f}%")
    return "\n".join(lines)
