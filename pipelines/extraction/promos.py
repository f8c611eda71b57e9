"""The learned promo finder: which blocks the rules left alone are promos.

The rule-based segmenter finds promo widgets by their markup and their wording (`cues.py`).
A company blog's own call to action ("Try Jobber for 14 days", "Start 2026 strong: 50% off")
often has neither: a plain block with a button. This model reads each block that no rule
unit holds with the block scorer's features, the scorer's body probability and a few text
cues (`TEXT_FEATURE_NAMES`: the rule cues, a call to action's first word, offer words, the
reader addressed, the site's own brand named, the company's voice, a sentence opening with a call
verb, something to get from the site), cues of its widget (`WIDGET_FEATURE_NAMES`: a link or
button calling to action in the small box around it) and where it lies in the page's likely body
(`PAGE_CONTEXT_FEATURE_NAMES`: a call to action closes an article or sits between its sections),
and a block reaching
`cues.LEARNED_PROMO_MIN_PROBABILITY` becomes a promo unit. So does a short announcement
(`cues.ANNOUNCEMENT_PATTERN`, "Save up to 20% ...") in a widget with a call to action, whatever
the model says: too few of them are labelled for the trees to learn it. `body.decide_body` then treats it
as any rule-found promo: on an article it stays out of the body unless the scorer is sure it
is body; on a shop's page it yields to the scorer's ordinary reading.

The model is the mean of five boosters trained alike but for their seed (one booster's reading
moved with its seed), trained by `training/train.py` on the boilerplate labels (AEB `labels.json`,
the labelled WCXB pages of `benchmarks/data/`); see `training/README.md`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from . import cues
from .blocks import BlockIndex
from .features import FEATURE_NAMES, block_words
from .modelfile import check_features, read_model_file, write_model_file
from .patterns import MatchCounter, PatternSet, compile_pattern
from .predict import MeanPredictions, ModelText, TreeModel
from .segment import BlockLabel, Segmentation, Unit
from .urls import brand_words, split_url, url_host

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

DEFAULT_MODEL_PATH = Path(__file__).with_name("models") / "promos.json"
_FORMAT = "thresher-promo-finder/2"  # a list of boosters, averaged
_FORMAT_ONE = "thresher-promo-finder/1"  # one booster (models trained before 2026-12-05)

#: Rule cues asked of the block's text, one feature each (name: cues pattern, anchored).
_RULE_CUES = {
    "promo_text": (cues.PROMO_TEXT_PATTERN, False),
    "strong_promo_text": (cues.STRONG_PROMO_TEXT_PATTERN, False),
    "paid_offer": (cues.PAID_OFFER_PATTERN, False),
    "free_signup": (cues.FREE_SIGNUP_PATTERN, False),
    "signup": (cues.SIGNUP_PATTERN, False),
    "form_note": (cues.FORM_NOTE_PATTERN, False),
    "bio_text": (cues.BIO_TEXT_PATTERN, False),
    "share_text": (cues.SHARE_TEXT_PATTERN, False),
    "inline_related": (cues.INLINE_RELATED_PATTERN, False),
    "ad_label": (cues.AD_LABEL_PATTERN, False),
    "share_prompt": (cues.SHARE_PROMPT_PATTERN, False),
    "call_to_action_start": (cues.CALL_TO_ACTION_START_PATTERN, False),
    "pictograph": (cues.PICTOGRAPH_PATTERN, False),
    "price_or_percent": (cues.PRICE_OR_PERCENT_PATTERN, False),
}
#: The voice of a call to action (`cues.CALL_SENTENCE_PATTERN`, `cues.LEAD_MAGNET_PATTERN`), found in the same pass.
_VOICE_CUES = {
    "call_sentence": (cues.CALL_SENTENCE_PATTERN, False),
    "lead_magnet": (cues.LEAD_MAGNET_PATTERN, False),
}
#: The words counted per block (`text_features`), by the name the set tells that any occurs: a count runs only
#: on the few texts holding one (most hold none, and a count is a search of its own).
_COUNTED = {
    "offer_words": cues.OFFER_WORD_PATTERN,
    "second_person": cues.SECOND_PERSON_PATTERN,
    "company_voice": cues.COMPANY_VOICE_PATTERN,
}
_CUES = PatternSet(_RULE_CUES | _VOICE_CUES | {name: (pattern, False) for name, pattern in _COUNTED.items()}, re.I)
_NAME_LINE = compile_pattern(cues.NAME_LINE_PATTERN)
_OFFER_WORDS, _SECOND_PERSON, _COMPANY_VOICE = (MatchCounter(pattern, re.I) for pattern in _COUNTED.values())
_WORD_ONLY = re.compile(r"\w+")

TEXT_FEATURE_NAMES: tuple[str, ...] = (
    *_RULE_CUES,
    "name_line",
    "question",
    "exclamation",
    "offer_word_share",
    "second_person_share",
    "names_brand",
    "company_voice_share",
    "call_sentence",
    "lead_magnet",
    "brand_call",
)
#: Where the block lies in the page's body as the scorer reads it (`page_context_features`): the body
#: probabilities of its neighbours, and the shares of the page's likely body words (words x p_body)
#: before and after it. A call to action sits at the article's end or between its sections.
PAGE_CONTEXT_FEATURE_NAMES: tuple[str, ...] = (
    "previous_p_body",
    "next_p_body",
    "body_share_before",
    "body_share_after",
)
#: What the finder asks of the widget around a block (`widget_features`).
WIDGET_FEATURE_NAMES: tuple[str, ...] = (
    "widget_log_words",
    "widget_blocks",
    "widget_word_share",
    "widget_call_level",
    "widget_button_level",
    "widget_offsite_link",
    "widget_class_named",
)
#: What the model reads of a block: the scorer's features, its body probability, the text and widget cues.
FINDER_FEATURE_NAMES: tuple[str, ...] = (
    *FEATURE_NAMES,
    "p_body",
    *TEXT_FEATURE_NAMES,
    *WIDGET_FEATURE_NAMES,
    *PAGE_CONTEXT_FEATURE_NAMES,
)
_CALL_HREF = compile_pattern(cues.CALL_TO_ACTION_HREF_PATTERN, re.I)
_CALL_TEXT = compile_pattern(f"(?:{cues.CALL_TO_ACTION_START_PATTERN})|(?:{cues.PRODUCT_CALL_PATTERN})", re.I)
_WIDGET_CLASS = compile_pattern(cues.WIDGET_CLASS_PATTERN)
_CALL_LEVEL = WIDGET_FEATURE_NAMES.index("widget_call_level")
_OFFER_COLUMNS = [FINDER_FEATURE_NAMES.index(name) for name in cues.LEARNED_PROMO_OUTSIDE_BODY_CUES]
_ANNOUNCEMENT = compile_pattern(cues.ANNOUNCEMENT_PATTERN, re.I)
#: The scorer's reading that overrules any promo the finder finds (reason "promo-finder:").
_SURE_BODY = cues.UNIT_OVERRULED_SURE["promo"][1]
#: A widget never reaches these: a short article is no widget.
_NO_WIDGET_TAGS = frozenset({"article", "main", "body", "html"})


def _prefixes(rest: str) -> str:
    """`a(?:b(?:c)?)?` for "abc": a pattern of every non-empty prefix of `rest`."""
    out = ""
    for char in reversed(rest):
        out = re.escape(char) + (f"(?:{out})?" if out else "")
    return out


@lru_cache(maxsize=256)
def _brand_pattern(brands: tuple[str, ...]) -> Any:
    """Text naming a brand: a word inside a brand word ("jobber" of getjobber, at least
    `cues.BRAND_MIN_CHARS` long) or a brand word inside a word ("getjobber's").

    The words inside a brand word are written per start, its longer ends nested as optional
    (`jobb(?:e(?:r)?)?`): the same words as listing each one, in a pattern a third the size,
    which RE2 compiles and first searches faster (each new site's pattern is built once)."""
    least = cues.BRAND_MIN_CHARS
    inside = {
        re.escape(brand[i : i + least]) + (f"(?:{_prefixes(brand[i + least :])})?" if brand[i + least :] else "")
        for brand in brands
        for i in range(len(brand) - least + 1)
    }
    around = [re.escape(brand) for brand in brands if _WORD_ONLY.fullmatch(brand)]
    alternatives = [r"\b(?:" + "|".join(sorted(inside)) + r")\b", *around]
    return compile_pattern("|".join(alternatives), re.I)


def text_features(texts: Sequence[str], url: str | None) -> np.ndarray:
    """One row of `TEXT_FEATURE_NAMES` per text (zeros for an empty one)."""
    brands = brand_words(url)
    names_brand = _brand_pattern(brands).search if brands else None
    empty = [0.0] * len(TEXT_FEATURE_NAMES)
    rows = []
    for text in texts:
        words = len(text.split())
        if not words:
            rows.append(empty)
            continue
        found = _CUES.find(text)
        stripped = text.strip()
        brand = names_brand is not None and names_brand(text) is not None
        second = _SECOND_PERSON.count(text) if "second_person" in found else 0
        company = _COMPANY_VOICE.count(text) if "company_voice" in found else 0
        call = "call_sentence" in found
        rows.append(
            [
                *(name in found for name in _RULE_CUES),
                _NAME_LINE.match(stripped) is not None,
                stripped.endswith("?"),
                "!" in text,
                (_OFFER_WORDS.count(text) if "offer_words" in found else 0) / words,
                second / words,
                brand,
                company / words,
                call,
                "lead_magnet" in found,
                brand and (call or second > 0 or company > 0 or "call_to_action_start" in found),
            ]
        )
    return np.array(rows, dtype=np.float32).reshape(len(texts), len(TEXT_FEATURE_NAMES))


class _Widgets:
    """The widgets around a page's blocks (`cues.WIDGET_MAX_LEVELS`, `cues.WIDGET_MAX_WORDS`) and the calls
    to action in them; each link or button is judged once a page, when a widget first holds it."""

    def __init__(self, index: BlockIndex, url: str | None) -> None:
        self.index = index
        self.host = url_host(url).removeprefix("www.")
        #: the links and buttons of the page, by position
        self.controls = sorted([*index.anchors, *index.positions_of("button"), *index.positions_of("input")])
        self.named: dict[str, bool] = {}  # class -> whether it names a box
        self.judged: dict[int, tuple[bool, bool, bool]] = {}  # position -> (calls to action, button, offsite)
        self.holds: dict[int, tuple[bool, bool, bool]] = {}  # position -> the same of any control inside

    def _judge(self, i: int) -> tuple[bool, bool, bool]:
        facts = self.judged.get(i)
        if facts is None:
            index = self.index
            el = index.nodes[i]
            tag = index.tags[i]
            if tag == "input" and el.get("type") not in ("submit", "button"):
                facts = (False, False, False)
            else:
                href = el.get("href") or "" if tag == "a" else ""
                call = bool(href and _CALL_HREF.search(href))
                if not call:  # where it leads says enough; else what it says it does
                    text = el.get("value") or "" if tag == "input" else index.text(el)
                    words = len(text.split())
                    call = 0 < words <= cues.WIDGET_LINK_TEXT_MAX_WORDS and _CALL_TEXT.search(text) is not None
                cls = index.classes[i] or ""
                button = tag != "a" or "btn" in cls or "button" in cls or index.roles[i] == "button"
                offsite = bool(self.host) and href.startswith(("http://", "https://", "//")) and self._away(href)
                facts = (call, button, offsite)
            self.judged[i] = facts
        return facts

    def _away(self, href: str) -> bool:
        """Whether an absolute link leads to another host than the page's (a subdomain too)."""
        start = href.index("//") + 2
        if href.startswith(self.host, start) or href.startswith("www." + self.host, start):
            end = start + len(self.host) + (4 if href.startswith("www.", start) else 0)
            if end == len(href) or href[end] in "/?#:":
                return False  # the page's own host, told without parsing the URL (most links)
        host = split_url(href).hostname
        return bool(host) and host.removeprefix("www.") != self.host

    def _holds(self, node: int) -> tuple[bool, bool, bool]:
        """`_judge` of any link or button at `node` or inside it (a block inside a call to action is
        in one): neighbouring blocks share their widgets."""
        facts = self.holds.get(node)
        if facts is None:
            call = button = offsite = False
            start = bisect_left(self.controls, node)
            for c in self.controls[start : bisect_right(self.controls, self.index.last_at[node], start)]:
                judged = self._judge(c)
                call, button, offsite = call or judged[0], button or judged[1], offsite or judged[2]
            facts = self.holds[node] = (call, button, offsite)
        return facts

    def row(self, position: int, page_words: int) -> list[float]:
        """`WIDGET_FEATURE_NAMES` of the block at element `position`."""
        index = self.index
        parent_at, words_at, tags = index.parent_at, index.words_at, index.tags
        call_level = button_level = 0
        offsite = named = False
        widget = position
        node, level = position, 0
        while node >= 0 and level <= cues.WIDGET_MAX_LEVELS and tags[node] not in _NO_WIDGET_TAGS:
            if level and words_at[node] > cues.WIDGET_MAX_WORDS:
                break
            widget = node
            cls = index.classes[node]
            if cls and not named:
                found = self.named.get(cls)
                if found is None:
                    found = self.named[cls] = _WIDGET_CLASS.search(cls) is not None
                named = found
            if not (call_level and button_level):
                call, button, away = self._holds(node)
                call_level = call_level or (level + 1 if call else 0)
                button_level = button_level or (level + 1 if button else 0)
                offsite = offsite or away
            node, level = parent_at[node], level + 1
        start, end = index.span_at(widget)
        widget_words = words_at[widget]
        return [
            math.log1p(widget_words),
            float(end - start),
            widget_words / page_words if page_words else 0.0,
            float(call_level),
            float(button_level),
            float(offsite),
            float(named),
        ]


def widget_features(segmentation: Segmentation, blocks: Sequence[int], url: str | None) -> np.ndarray:
    """One row of `WIDGET_FEATURE_NAMES` per block index in `blocks` of the segmentation."""
    index = segmentation.index
    widgets = _Widgets(index, url)
    page_words = index.words_at[0]
    rows = [widgets.row(segmentation.blocks[i].position, page_words) for i in blocks]
    return np.array(rows, dtype=np.float32).reshape(len(rows), len(WIDGET_FEATURE_NAMES))


def page_context_features(probability: np.ndarray, words: np.ndarray, blocks: np.ndarray) -> np.ndarray:
    """One row of `PAGE_CONTEXT_FEATURE_NAMES` per block index in `blocks`, from every block's body
    probability and words on the page."""
    blocks = np.asarray(blocks, dtype=np.intp)
    p = np.asarray(probability, dtype=np.float64)
    likely = p * np.asarray(words, dtype=np.float64)
    total = likely.sum()
    before = np.concatenate(([0.0], np.cumsum(likely)))  # before[i]: likely body words of blocks < i
    share = (lambda x: x / total) if total > 0 else (lambda x: np.zeros_like(x))
    padded = np.concatenate(([0.0], p, [0.0]))
    return np.column_stack(
        (
            padded[blocks],  # the block before (0 at the page's start)
            padded[blocks + 2],  # the block after
            share(before[blocks]),
            share(total - before[blocks + 1]),
        )
    ).astype(np.float32)


def finder_features(
    features: np.ndarray,
    probability: np.ndarray,
    texts: Sequence[str],
    url: str | None,
    widgets: np.ndarray,
    context: np.ndarray,
) -> np.ndarray:
    """Rows of `FINDER_FEATURE_NAMES` for some blocks: their scorer rows, probabilities, texts,
    widget rows (`widget_features`) and page context rows (`page_context_features`)."""
    return np.hstack(
        (
            features,
            probability.reshape(-1, 1).astype(features.dtype),
            text_features(texts, url),
            widgets,
            context.astype(features.dtype),
        )
    )


class PromoFinder:
    """Finds promos among the blocks no rule unit holds; one instance serves any number of pages."""

    def __init__(self, models: ModelText | Sequence[ModelText]) -> None:
        """`TreeModel`s or trained `lightgbm.Booster`s (read through their text): boosters trained alike
        but for their seed, whose mean is the probability (one booster's reading moves with its seed)."""
        self.models = [TreeModel.of(model) for model in (models if isinstance(models, Sequence) else [models])]
        for model in self.models:
            check_features(model, FINDER_FEATURE_NAMES, "promo model")
        self._mean = MeanPredictions(self.models)

    @classmethod
    def load(cls, path: str | Path | Traversable) -> PromoFinder:
        data = read_model_file(path, (_FORMAT, _FORMAT_ONE))
        return cls([TreeModel(text) for text in ([data["model"]] if data["format"] == _FORMAT_ONE else data["models"])])

    def save(self, path: str | Path) -> None:
        write_model_file(path, _FORMAT, models=[model.model_to_string() for model in self.models])

    def promo_probability(self, rows: np.ndarray) -> np.ndarray:
        return self._mean(rows) if len(rows) else np.zeros(0)

    def find(
        self, segmentation: Segmentation, features: np.ndarray, probability: np.ndarray, url: str | None
    ) -> list[Unit]:
        """Promo units among the blocks in no unit (and not longer than an offer is): a run of
        neighbouring promo blocks makes one. A block the scorer reads so surely as body that it would
        overrule a promo found in it (`cues.UNIT_OVERRULED_SURE`) is not read: it stays body either way."""
        blocks = segmentation.blocks
        most = cues.LEARNED_PROMO_MAX_WORDS
        free = [
            i
            for i, (b, u, p) in enumerate(zip(blocks, segmentation.block_units, probability, strict=True))
            if b.text and u is None and b.words <= most and p < _SURE_BODY
        ]
        if not free:
            return []
        texts = [blocks[i].text for i in free]
        widgets = widget_features(segmentation, free, url)
        context = page_context_features(probability, block_words(blocks), np.array(free))
        rows = finder_features(features[free], probability[free], texts, url, widgets, context)
        calls = widgets[:, _CALL_LEVEL] > 0
        offers = rows[:, _OFFER_COLUMNS].any(axis=1)
        units: list[Unit] = []
        previous = -2
        for i, p, text, call, offer in zip(free, self.promo_probability(rows), texts, calls, offers, strict=True):
            if p >= cues.LEARNED_PROMO_MIN_PROBABILITY or (
                # below the body threshold the finder's lower reading costs no body words, if the text offers
                p >= cues.LEARNED_PROMO_OUTSIDE_BODY_MIN_PROBABILITY and probability[i] < cues.BODY_THRESHOLD and offer
            ):
                reason = f"promo-finder:p={p:.2f}"
            elif call and blocks[i].words <= cues.ANNOUNCEMENT_MAX_WORDS and _ANNOUNCEMENT.search(text):
                reason = "promo-finder:announcement+call"
            else:
                continue
            if i == previous + 1 and units:
                units[-1].elements.append(blocks[i].element)
                units[-1].text += "\n" + blocks[i].text
            else:
                units.append(Unit(BlockLabel.PROMO, [blocks[i].element], reason, blocks[i].text))
            previous = i
        return units


@cache
def default_promo_finder() -> PromoFinder:
    """The shipped model, read as package data (a zipped egg under scrapyd has no file path)."""
    return PromoFinder.load(files(__package__).joinpath("models", DEFAULT_MODEL_PATH.name))
