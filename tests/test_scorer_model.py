"""The block scorer as a model: each stage several boosters of different seeds averaged, saved
and read back (the older one-booster-per-stage file too), features checked; and the training
that makes the boosters of a stage differ by their seed."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace

import lightgbm
import numpy as np
import pytest

from pipelines.extraction.features import CONTEXT_FEATURE_NAMES, CONTEXT_LEVELS, FEATURE_NAMES, context_features
from pipelines.extraction.scorer import BlockScorer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))

_BLOCKS = 60
_PARAMS = {"objective": "cross_entropy", "verbose": -1, "min_data_in_leaf": 5, "deterministic": True}
_PARAMS |= {"bagging_fraction": 0.7, "bagging_freq": 1, "feature_fraction": 0.7}


def _booster(names: tuple[str, ...], seed: int) -> lightgbm.Booster:
    rng = np.random.default_rng(0)
    features = rng.random((_BLOCKS, len(names)))
    target = (features[:, 0] + 0.3 * rng.random(_BLOCKS) > 0.6).astype(float)
    data = lightgbm.Dataset(features, target, feature_name=list(names))
    return lightgbm.train(_PARAMS | {"seed": seed}, data, num_boost_round=5)


def _page() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(3)
    spans = np.tile([0, _BLOCKS], (_BLOCKS, len(CONTEXT_LEVELS))).astype(np.int32)
    return rng.random((_BLOCKS, len(FEATURE_NAMES))), rng.integers(1, 80, _BLOCKS).astype(np.float64), spans


def _stages(seeds: tuple[int, ...]) -> tuple[list[lightgbm.Booster], list[lightgbm.Booster]]:
    second = FEATURE_NAMES + CONTEXT_FEATURE_NAMES
    return [_booster(FEATURE_NAMES, s) for s in seeds], [_booster(second, s) for s in seeds]


def test_each_stage_averages_its_boosters_and_reads_them_back(tmp_path):
    first, second = _stages((1, 2, 3))
    features, words, spans = _page()
    p = np.mean([b.predict(features) for b in first], axis=0)
    both = np.hstack((features, context_features(words, spans, p)))
    expected = np.mean([b.predict(both) for b in second], axis=0)
    scorer = BlockScorer(first, second)
    assert np.allclose(scorer.probability(features, words, spans), expected)
    scorer.save(tmp_path / "blocks.json")
    assert json.loads((tmp_path / "blocks.json").read_text())["format"] == "thresher-block-scorer/2"
    assert np.array_equal(BlockScorer.load(tmp_path / "blocks.json").probability(features, words, spans), expected)


def test_a_file_of_one_booster_per_stage_still_reads(tmp_path):
    first, second = _stages((1,))
    stages = [first[0].model_to_string(), second[0].model_to_string()]
    (tmp_path / "old.json").write_text(json.dumps({"format": "thresher-block-scorer/1", "stages": stages}))
    page = _page()
    got = BlockScorer.load(tmp_path / "old.json").probability(*page)
    assert np.array_equal(got, BlockScorer(first, second).probability(*page))


def test_a_model_for_other_features_or_another_format_is_refused(tmp_path):
    first, second = _stages((1, 2))
    with pytest.raises(ValueError, match="retrain"):
        BlockScorer(first, [second[0], first[1]])
    with pytest.raises(ValueError, match="at least one"):
        BlockScorer(first, [])
    (tmp_path / "other.json").write_text(json.dumps({"format": "thresher-page-type/1", "models": []}))
    with pytest.raises(ValueError, match="not a thresher-block-scorer"):
        BlockScorer.load(tmp_path / "other.json")


def test_a_stage_is_trained_once_per_seed_and_the_seeds_matter():
    import train

    rng = np.random.default_rng(5)
    rows = []
    for i in range(8):
        features = rng.random((40, len(FEATURE_NAMES))).astype(np.float32)
        target = (features[:, 0] > 0.5).astype(np.float32)
        spans = np.tile([0, 40], (40, len(CONTEXT_LEVELS))).astype(np.int32)
        weight, words = np.ones(40, dtype=np.float32), np.full(40, 20.0)
        rows.append(
            SimpleNamespace(key=str(i), features=features, target=target, weight=weight, words=words, spans=spans)
        )
    boosters = train.train_first_stage(rows)
    assert len(boosters) == len(train.SEEDS) > 1
    assert {b.num_trees() for b in boosters} == {train.ROUNDS}
    texts = {b.model_to_string().split("end of trees")[0] for b in boosters}
    assert len(texts) == len(boosters)  # bagging and feature sampling are on: each seed's trees differ
    features = rows[0].features
    stage = train.MeanPredictions(boosters)
    assert np.allclose(train._predict(stage, features), np.mean([b.predict(features) for b in boosters], axis=0))
    second = train.train_second_stage(rows, {r.key: train._predict(stage, r.features) for r in rows})
    assert [b.num_trees() for b in second] == [train.SECOND_ROUNDS] * len(train.SEEDS)


def test_the_body_choices_replay_decides_a_page_as_extraction_does():
    """`training/body_choices.py` chooses the body thresholds by replaying `body.decide_body` on the training
    rows: its rebuilt segmentation must offer what the decision reads (it broke twice as the decision grew)."""
    import body_choices
    import train
    from corpus import DevPage

    from pipelines.extraction.body import decide_body
    from pipelines.extraction.page import analyse_page
    from pipelines.extraction.scorer import default_scorer

    story = "".join(
        f"<p>The council met on {day} and agreed that the flood barrier will be finished before the spring rains.</p>"
        for day in ("Monday", "Tuesday", "Wednesday", "Thursday")
    )
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>Flood barrier approved</h1><p class='byline'>By Ana Lima</p>{story}"
        "<h3>Opening hours</h3><p>The town hall is open from nine to five.</p>"
        "<div class='promo-box'><p>Get 20% off your first year of our newsletter: subscribe today!</p></div>"
        "</article><footer><p>Copyright 2026 The Town Paper</p></footer></body></html>"
    ).encode()
    page = DevPage("t1", "wcxb", "https://news.example/flood-barrier", html, "article", story)
    row = train.page_rows(page)
    analysed = analyse_page(html, page.url)
    probability = default_scorer().body_probability(analysed)
    blocks = analysed.segmentation.blocks
    for page_type in (None, "collection"):
        decision = decide_body(analysed.segmentation, probability, page_type)
        kept = "\n\n".join(block.text for block, keep in zip(blocks, decision.body, strict=True) if keep)
        assert "flood barrier will be finished" in kept
        assert body_choices._replayed_body(row, probability, page_type) == kept
