"""The learned promo finder: its text cues, how its promos join the page, its training labels."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import lightgbm
import numpy as np
import pytest

from pipelines.extraction.body import decide_body
from pipelines.extraction.page import analyse_page
from pipelines.extraction.promos import (
    FINDER_FEATURE_NAMES,
    TEXT_FEATURE_NAMES,
    WIDGET_FEATURE_NAMES,
    PromoFinder,
    default_promo_finder,
    page_context_features,
    text_features,
    widget_features,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))

URL = "https://www.acmeplan.com/academy/cleaning-week"
PAGE = (
    "<html><body><nav><a href='/'>Acmeplan home</a> <a href='/pricing'>Pricing</a></nav><article>"
    "<h1>How cleaning companies plan their week</h1>"
    "<p>Scheduling a crew across twelve offices is mostly a question of travel time between the sites.</p>"
    "<p>The first company books every job a week ahead and keeps one crew free for late calls.</p>"
    # no rule wording: the site's own brand is what gives the offer away
    "<p>Acmeplan shows how easy running your cleaning business can be.</p>"
    "<p>Start your Acmeplan trial today, no card needed.</p>"
    "<p>The second plans each day the evening before, from a shared spreadsheet.</p>"
    "</article></body></html>"
)


def _column(name: str) -> int:
    return TEXT_FEATURE_NAMES.index(name)


def test_text_features_read_a_call_to_action_and_the_sites_own_brand():
    rows = text_features(["Try Acmeplan for 14 days free!", "The crew cleaned the office.", ""], URL)
    offer, plain, empty = rows
    for name in ("names_brand", "call_to_action_start", "exclamation"):
        assert offer[_column(name)] == 1 and plain[_column(name)] == 0
    assert offer[_column("offer_word_share")] > 0 == plain[_column("offer_word_share")]
    assert not empty.any()
    assert text_features(["Try Acmeplan today"], "https://example.org/")[0, _column("names_brand")] == 0


def test_text_features_read_the_voice_of_a_companys_own_call_to_action():
    """A company blog's call to action reads like its article; its voice gives it away: a sentence
    opening with a call verb, something to get from the site, the site naming itself."""
    rows = text_features(
        [
            "Book a FREE demo of Acmeplan and see how the best crews plan their week.",
            "Big files? No worries. Take our quick quiz to find the right crew size.",
            "Download our 2025 salary guide",
            "The report said the cleaning crews worked longer weeks in 2025.",
            "Acmeplan was founded in 2009 by two brothers.",
        ],
        URL,
    )
    demo, quiz, guide, news, history = rows
    assert demo[_column("call_sentence")] == demo[_column("lead_magnet")] == demo[_column("brand_call")] == 1
    assert quiz[_column("call_sentence")] == quiz[_column("lead_magnet")] == 1  # the call opens its second sentence
    assert quiz[_column("company_voice_share")] > 0 and quiz[_column("brand_call")] == 0
    assert guide[_column("lead_magnet")] == 1 and guide[_column("company_voice_share")] == 0.2
    for name in ("call_sentence", "lead_magnet", "brand_call", "company_voice_share"):
        assert news[_column(name)] == 0, name
    assert history[_column("names_brand")] == 1 and history[_column("brand_call")] == 0  # named, but not calling


def test_page_context_features_say_where_a_block_lies_in_the_likely_body():
    probability = np.array([0.1, 0.9, 0.9, 0.2])
    words = np.array([5, 100, 50, 10])
    rows = page_context_features(probability, words, np.array([0, 3]))
    first, last = rows
    likely = 0.1 * 5 + 0.9 * 150 + 0.2 * 10
    assert first[:2].tolist() == [0.0, pytest.approx(0.9)]  # no block before the first
    assert first[2] == 0 and first[3] == pytest.approx((likely - 0.5) / likely)
    assert last[:2].tolist() == [pytest.approx(0.9), 0.0]  # the last block: the body lies before it
    assert last[2] == pytest.approx((likely - 2) / likely) and last[3] == 0
    assert not page_context_features(np.zeros(2), np.array([3, 4]), np.array([1])).any()


def _brand_finder() -> PromoFinder:
    """A real, tiny model that calls a block a promo when it names the site's brand."""
    rng = np.random.default_rng(0)
    X = rng.random((400, len(FINDER_FEATURE_NAMES)))
    y = X[:, FINDER_FEATURE_NAMES.index("names_brand")] > 0.5
    params = {
        "objective": "binary",
        "num_leaves": 4,
        "min_data_in_leaf": 5,
        "verbose": -1,
        "seed": 1,
        "deterministic": True,
    }
    data = lightgbm.Dataset(X, y.astype(int), feature_name=list(FINDER_FEATURE_NAMES))
    return PromoFinder(lightgbm.train(params, data, num_boost_round=20))


def test_found_promos_are_units_kept_out_of_an_articles_body():
    page = analyse_page(PAGE, URL)
    segmentation = page.segmentation
    texts = [b.text for b in segmentation.blocks]
    # the scorer reads the menu as boilerplate, the rest as body, but not surely
    likely = np.array([0.1 if unit is not None else 0.8 for unit in segmentation.block_units])
    found = _brand_finder().find(segmentation, page.features, likely, URL)
    assert len(found) == 1  # the two neighbouring offer lines make one unit
    (unit,) = found
    assert unit.label.value == "promo" and unit.reason.startswith("promo-finder:p=")
    assert unit.text.startswith("Acmeplan shows") and "Start your Acmeplan trial" in unit.text
    ruled = {id(u) for u in segmentation.units}
    assert any("Acmeplan home" in u.text for u in segmentation.units)  # the menu is a rule unit: not read again
    with_promos = segmentation.with_units(found)
    assert {id(u) for u in with_promos.units} == ruled | {id(unit)}
    as_article = decide_body(with_promos, likely, "article")
    body = [t for t, keep in zip(texts, as_article.body, strict=True) if keep]
    assert body and not any("Acmeplan" in t for t in body) and unit in as_article.units
    as_product = decide_body(with_promos, likely, "product")  # a shop's offer is its page
    assert any("Acmeplan shows" in t for t, keep in zip(texts, as_product.body, strict=True) if keep)
    assert segmentation.with_units([]) is segmentation


def test_a_found_promo_stays_out_of_an_articles_body_unless_the_scorer_is_all_but_certain():
    """The finder read the scorer's probability already: a call to action the scorer takes for
    body (p 0.95) stays a promo; only a reading of 0.99 (cues.UNIT_OVERRULED_SURE) overrules it."""
    page = analyse_page(PAGE, URL)
    segmentation = page.segmentation
    texts = [b.text for b in segmentation.blocks]
    likely = np.array([0.1 if unit is not None else 0.8 for unit in segmentation.block_units])
    with_promos = segmentation.with_units(_brand_finder().find(segmentation, page.features, likely, URL))
    for sure, kept in ((0.95, False), (0.995, True)):
        probability = np.array(
            [
                sure if "Acmeplan" in t and unit is None else p
                for t, unit, p in zip(texts, segmentation.block_units, likely, strict=True)
            ]
        )
        body = decide_body(with_promos, probability, "article").body
        assert any("Acmeplan shows" in t for t, keep in zip(texts, body, strict=True) if keep) is kept


def test_a_model_for_other_features_is_refused(tmp_path):
    data = lightgbm.Dataset(np.random.default_rng(0).random((50, 3)), np.arange(50) % 2, feature_name=["a", "b", "c"])
    booster = lightgbm.train({"objective": "binary", "verbose": -1, "min_data_in_leaf": 5}, data, num_boost_round=2)
    with pytest.raises(ValueError, match="retrain"):
        PromoFinder(booster)
    path = tmp_path / "promos.json"
    path.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a thresher-promo-finder"):
        PromoFinder.load(path)
    saved = tmp_path / "saved.json"
    default_promo_finder().save(saved)
    assert all(model.feature_names == FINDER_FEATURE_NAMES for model in PromoFinder.load(saved).models)


def test_the_finder_reads_the_mean_of_its_boosters_and_a_one_booster_file(tmp_path):
    """Boosters trained alike but for their seed: the finder's probability is their mean, saved and read
    back as one file; a file of the former format (one booster) still reads."""
    rng = np.random.default_rng(0)
    X = rng.random((400, len(FINDER_FEATURE_NAMES)))
    y = (X[:, FINDER_FEATURE_NAMES.index("names_brand")] > 0.5).astype(int)
    params = {"objective": "binary", "num_leaves": 4, "min_data_in_leaf": 5, "verbose": -1, "deterministic": True}
    params |= {"feature_fraction": 0.5, "bagging_fraction": 0.5, "bagging_freq": 1}  # the seed matters
    data = lightgbm.Dataset(X, y, feature_name=list(FINDER_FEATURE_NAMES))
    boosters = [lightgbm.train({**params, "seed": seed}, data, num_boost_round=10) for seed in (1, 2, 3)]
    each = [booster.predict(X[:20]) for booster in boosters]
    assert not np.allclose(each[0], each[1])
    finder = PromoFinder(boosters)
    np.testing.assert_allclose(finder.promo_probability(X[:20]), np.mean(each, axis=0))
    saved = tmp_path / "promos.json"
    finder.save(saved)
    np.testing.assert_allclose(PromoFinder.load(saved).promo_probability(X[:20]), np.mean(each, axis=0))
    old = tmp_path / "old.json"
    old.write_text(
        json.dumps({"format": "thresher-promo-finder/1", "model": boosters[0].model_to_string()}), encoding="utf-8"
    )
    np.testing.assert_allclose(PromoFinder.load(old).promo_probability(X[:20]), each[0])


def test_training_labels_mark_snippets_and_leave_the_rest_of_a_widget_unknown():
    import promos as training_promos

    texts = [
        "Intro paragraph of the article.",
        "Try Acmeplan free",
        "for 14 days.",
        "Get started now",
        "A body paragraph after it.",
        "",
        "Footer links",
    ]
    target = np.array([1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0])
    expect = {"promo": ["Try Acmeplan free for 14 days."], "related": ["Footer links"]}
    promo, known = training_promos.block_labels(texts, target, expect, lambda t: " ".join(t.split()))
    assert promo.tolist() == [False, True, True, False, False, False, False]
    # "Get started now" lies next to the labelled promo and is not body: it may be the same widget
    assert known.tolist() == [True, True, True, False, True, False, True]


def test_the_finder_learns_from_rule_found_promos_not_from_unlabelled_pages(monkeypatch):
    from types import SimpleNamespace

    import promos as training_promos

    from pipelines.extraction.features import FEATURE_NAMES, UNIT_LABEL_CODE
    from pipelines.extraction.segment import BlockLabel

    texts = ["An article's paragraph.", "Try Acmeplan free for 14 days.", "Menu", "Another paragraph of it."]
    features = np.zeros((4, len(FEATURE_NAMES)), dtype=np.float32)
    features[1, FEATURE_NAMES.index("unit_label")] = UNIT_LABEL_CODE[BlockLabel.PROMO]  # the rules found it
    row = SimpleNamespace(
        texts=texts,
        words=np.array([len(t.split()) for t in texts], dtype=float),
        features=features,
        target=np.array([1.0, 0.0, 0.0, 0.9]),
        widgets=np.zeros((4, len(WIDGET_FEATURE_NAMES)), dtype=np.float32),
    )
    fold = " ".join
    promo, trains = training_promos.training_blocks(row, {"promo": ["Try Acmeplan free for 14 days."]}, fold)
    assert promo.tolist() == [False, True, False, False]
    # a rule-found promo is an example too; "Menu", beside it and not body, may be the rest of its widget
    assert trains.tolist() == [True, True, False, True]
    promo, trains = training_promos.training_blocks(row, None, fold)
    assert not promo.any() and not trains.any()  # an unlabelled page teaches nothing (UNLABELLED_BODY_NEGATIVES)
    monkeypatch.setattr(training_promos, "UNLABELLED_BODY_NEGATIVES", True)
    promo, trains = training_promos.training_blocks(row, None, fold)
    assert not promo.any()
    assert trains.tolist() == [True, False, False, True]  # if asked: only what the truth calls body
    # a call-to-action box no snippet names is no known non-promo (the labels are incomplete) unless it is body
    texts = [*texts, "More of the article.", "Ready to plan? Get a quote", "Menu"]
    row.texts, row.words = texts, np.array([len(t.split()) for t in texts], dtype=float)
    row.features = np.vstack([features, np.zeros((3, len(FEATURE_NAMES)), dtype=np.float32)])
    row.target = np.array([1.0, 0.0, 0.0, 0.9, 0.9, 0.0, 0.0])
    row.widgets = np.zeros((7, len(WIDGET_FEATURE_NAMES)), dtype=np.float32)
    row.widgets[[3, 5], WIDGET_FEATURE_NAMES.index("widget_button_level")] = 1  # body beside a button stays known
    promo, trains = training_promos.training_blocks(row, {"promo": ["Try Acmeplan free for 14 days."]}, fold)
    assert trains.tolist() == [True, True, False, True, True, False, True]


_PARAGRAPH = (
    "<p>Meal planning for a family of four takes most people an evening a week, and the shopping list that"
    " comes out of it decides what the kitchen looks like on Thursday night, when the energy is lowest.</p>"
)
CTA_URL = "https://www.mealhelp.com/blog/plan"
CTA_PAGE = (
    "<html><body><article><h1>How families plan their meals</h1>"
    + _PARAGRAPH * 4
    + "<div class='box'><div class='inner'><h3>Ready to simplify your meals?</h3>"
    "<p>Let us handle the cooking, so you can focus on feeling your best.</p>"
    "<a class='btn' href='https://app.mealhelp.com/signup/get-started'>Get started today</a></div></div>"
    + _PARAGRAPH
    * 3
    + "<div class='AdvisorCTA_box'><p>Spring sale: save 20% on every plan this week.</p>"
    "<p><a href='/pricing'>See the plans</a></p></div>"
    "<p>In the survey, shops offered 30% off this season.</p>"
    "</article></body></html>"
)


def _widget_rows(html: str, url: str) -> dict[str, dict[str, float]]:
    segmentation = analyse_page(html, url).segmentation
    texts = [i for i, b in enumerate(segmentation.blocks) if b.text]
    rows = widget_features(segmentation, texts, url)
    return {
        segmentation.blocks[i].text: dict(zip(WIDGET_FEATURE_NAMES, row, strict=True))
        for i, row in zip(texts, rows, strict=True)
    }


def test_widget_features_read_a_call_to_action_box_around_a_block():
    rows = _widget_rows(CTA_PAGE, CTA_URL)
    pitch = rows["Ready to simplify your meals?"]
    assert pitch["widget_call_level"] > 0 and pitch["widget_button_level"] > 0  # "Get started today", a button
    assert pitch["widget_blocks"] == 3 and pitch["widget_offsite_link"] == 1  # another host: app.mealhelp.com
    assert pitch["widget_class_named"] == 0
    sale = rows["Spring sale: save 20% on every plan this week."]
    assert sale["widget_call_level"] > 0 and sale["widget_class_named"] == 1  # a link to /pricing; "...CTA_box"
    body = next(row for text, row in rows.items() if text.startswith("Meal planning"))
    assert body["widget_call_level"] == body["widget_button_level"] == body["widget_class_named"] == 0
    assert body["widget_word_share"] < 0.2  # the paragraph alone: the article is no widget
    assert rows["In the survey, shops offered 30% off this season."]["widget_call_level"] == 0


def test_an_announcement_in_a_box_with_a_call_to_action_is_a_promo_whatever_the_model_says():
    page = analyse_page(CTA_PAGE, CTA_URL)
    body = np.full(len(page.segmentation.blocks), 0.8)
    found = _brand_finder().find(page.segmentation, page.features, body, "https://example.org/")  # no brand: p low
    assert [(u.reason, u.text) for u in found] == [
        ("promo-finder:announcement+call", "Spring sale: save 20% on every plan this week.")
    ]  # the survey's 30% off has no call to action around it


class _FixedFinder(PromoFinder):
    """A finder whose model reads every block at one probability."""

    def __init__(self, p: float) -> None:
        self.p = p

    def promo_probability(self, rows: np.ndarray) -> np.ndarray:
        return np.full(len(rows), self.p)


OUTSIDE_URL = "https://www.example.org/guides/consulting"
OUTSIDE_PAGE = (
    "<html><body><article><h1>How consultants price a project</h1>"
    "<p>Most firms quote a day rate and multiply it by the days they expect the work to take.</p>"
    "<p>Start with our FREE Consulting Starter Pack</p>"
    "<p>Skip to the comments</p>"
    "</article></body></html>"
)


def test_a_finder_reading_below_its_threshold_is_a_promo_outside_the_body_when_the_text_offers():
    """Between cues.LEARNED_PROMO_OUTSIDE_BODY_MIN_PROBABILITY (0.2) and the finder's own threshold, a block the
    scorer leaves out of the body is a promo when its text says an offer ("FREE"); one that says none ("Skip to the
    comments") is not, nor is an offer the scorer reads as body (there the finder's own threshold holds)."""
    page = analyse_page(OUTSIDE_PAGE, OUTSIDE_URL)
    segmentation = page.segmentation
    texts = [b.text for b in segmentation.blocks]
    for body_p, expected in ((0.1, ["Start with our FREE Consulting Starter Pack"]), (0.8, [])):
        probability = np.array([0.9 if t.startswith("Most firms") else body_p for t in texts])
        found = _FixedFinder(0.3).find(segmentation, page.features, probability, OUTSIDE_URL)
        assert [u.text for u in found] == expected
    assert _FixedFinder(0.1).find(segmentation, page.features, np.full(len(texts), 0.1), OUTSIDE_URL) == []


def test_the_finder_is_trained_once_per_seed_and_the_seeds_matter():
    from types import SimpleNamespace

    import promos as training_promos

    from pipelines.extraction.features import FEATURE_NAMES

    rng = np.random.default_rng(3)
    texts = ["An article's paragraph about planning meals.", "Try Acmeplan free for 14 days.", "More of it."] * 4
    rows, labels = [], {}
    for i in range(40):
        features = rng.random((len(texts), len(FEATURE_NAMES))).astype(np.float32)
        features[:, FEATURE_NAMES.index("unit_label")] = 0
        rows.append(
            SimpleNamespace(
                key=f"wcxb:{i}",
                url="https://www.acmeplan.com/blog/meals",
                texts=texts,
                words=np.array([len(t.split()) for t in texts], dtype=float),
                features=features,
                target=np.tile([1.0, 0.0, 1.0], 4),
                widgets=rng.random((len(texts), len(WIDGET_FEATURE_NAMES))).astype(np.float32),
            )
        )
        labels[f"wcxb:{i}"] = {"promo": ["Try Acmeplan free for 14 days."]}
    probabilities = {row.key: rng.random(len(texts)) for row in rows}
    finder = training_promos.train_promo_finder(rows, probabilities, labels, " ".join)
    assert len(finder.models) == len(training_promos.PROMO_SEEDS) > 1
    trees = {model.model_to_string().split("end of trees")[0] for model in finder.models}
    assert len(trees) == len(finder.models)  # feature and row sampling are on: each seed's trees differ


def test_retraining_the_finder_alone_refuses_the_full_runs_options(capsys):
    import train

    for option in ("--cv", "--all-folds"):
        with pytest.raises(SystemExit) as stopped:
            train.main(["--finder-only", option])
        assert stopped.value.code == 2
        assert "--finder-only trains no scorer" in capsys.readouterr().err
