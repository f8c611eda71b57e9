"""What the learned scorer knows about each content block: one row of numbers per block.

The features are the cues a reader of the markup uses, made numeric so a model can weigh
them from data instead of hand thresholds: the block's own text (length, punctuation, links),
its place in the tree (tags and class/id words of its ancestors, how much of the page's text
its containers hold), its place in reading order (before or after the headline, how far
down), its neighbours, and the label the rule-based segmenter (`segment.py`) gave it. The
groups of class/id words and the other constants are data in `cues.py`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

import numpy as np
from lxml.html import HtmlElement

from . import cues
from .blocks import Block, BlockIndex
from .segment import BlockLabel, Segmentation

_GROUP_NAMES = tuple(cues.CLASS_TOKEN_GROUPS)
_GROUP_BIT = {token: 1 << i for i, tokens in enumerate(cues.CLASS_TOKEN_GROUPS.values()) for token in tokens}
_ANCESTOR_BIT = {tag: 1 << i for i, tag in enumerate(cues.FEATURE_ANCESTOR_TAGS)}
_TAG_CODE = {tag: i + 1 for i, tag in enumerate(cues.FEATURE_TAGS)}
_KIND_CODE = {"heading": 0, "text": 1, "image": 2, "action": 3, "field": 4}
_LABEL_CODE = {label: i + 1 for i, label in enumerate(BlockLabel)}
_LANDMARK_CODE = {tag: i + 1 for i, tag in enumerate(cues.LANDMARK_TAGS)}
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
_SENTENCE_END = re.compile(cues.SENTENCE_END_PATTERN)
_UPPER_WORD = re.compile(r"\b[A-ZÀ-Þ]")
_DIGITS = dict.fromkeys(map(ord, "0123456789"))
_COPYRIGHT = re.compile(cues.COPYRIGHT_PATTERN, re.I)

#: Categorical columns (LightGBM treats their values as unordered codes).
CATEGORICAL = ("tag", "kind", "unit_label", "nearest_landmark", "prev_kind", "next_kind", "prev_unit_label", "next_unit_label")

FEATURE_NAMES: tuple[str, ...] = (
    "tag",
    "kind",
    "unit_label",
    "log_words",
    "chars_per_word",
    "link_share",
    "linked",
    "periods_per_word",
    "commas_per_word",
    "sentence_end",
    "digit_share",
    "upper_word_share",
    "copyright",
    "pipes",
    "depth",
    "nearest_landmark",
    *(f"in_{tag}" for tag in cues.FEATURE_ANCESTOR_TAGS),
    *(f"near_{group}" for group in _GROUP_NAMES),
    *(f"far_{group}" for group in _GROUP_NAMES),
    *(f"up{level}_word_share" for level in cues.CONTAINER_LEVELS),
    *(f"up{level}_p_share" for level in cues.CONTAINER_LEVELS),
    *(f"up{level}_log_blocks" for level in cues.CONTAINER_LEVELS),
    *(f"up{level}_link_share" for level in cues.CONTAINER_LEVELS),
    *(f"up{level}_words_per_block" for level in cues.CONTAINER_LEVELS),
    "parent_blocks",
    "in_main_container",
    "main_container_share",
    "position",
    "words_before_share",
    "from_title",
    "after_title",
    "prev_kind",
    "next_kind",
    "prev_unit_label",
    "next_unit_label",
    "prev_log_words",
    "next_log_words",
    "prev_linked",
    "next_linked",
    "window_link_share",
    "window_log_words",
    "window_headings",
    "page_log_words",
    "page_blocks",
    "page_link_share",
    "page_p_share",
)
_COLUMN = {name: i for i, name in enumerate(FEATURE_NAMES)}


@lru_cache(maxsize=16384)
def _class_bits(value: str) -> int:
    bits = 0
    for token in _TOKEN_SPLIT.split(value.lower()):
        bits |= _GROUP_BIT.get(token, 0)
    return bits


def _own_bits(el: HtmlElement) -> int:
    attrib = el.attrib
    cls, ident = attrib.get("class"), attrib.get("id")
    bits = _class_bits(cls) if cls else 0
    if ident:
        bits |= _class_bits(ident)
    return bits


class _Ancestry:
    """Per-element facts inherited from ancestors, memoised: the tree is walked once per page."""

    def __init__(self) -> None:
        self.far: dict[HtmlElement, int] = {}
        self.tags: dict[HtmlElement, int] = {}
        self.depth: dict[HtmlElement, int] = {}
        self.landmark: dict[HtmlElement, int] = {}  # the nearest landmark element at or above

    def of(self, el: HtmlElement | None) -> tuple[int, int, int, int]:
        if el is None:
            return 0, 0, 0, 0
        if el not in self.far:
            chain = []
            node = el
            while node is not None and node not in self.far:
                chain.append(node)
                node = node.getparent()
            if node is not None:
                far, tags, depth, landmark = self.far[node], self.tags[node], self.depth[node], self.landmark[node]
            else:
                far = tags = depth = landmark = 0
            for node in reversed(chain):
                far |= _own_bits(node)
                tag = node.tag if isinstance(node.tag, str) else ""
                tags |= _ANCESTOR_BIT.get(tag, 0)
                landmark = _LANDMARK_CODE.get(tag, landmark)
                depth += 1
                self.far[node], self.tags[node], self.depth[node], self.landmark[node] = far, tags, depth, landmark
        return self.far[el], self.tags[el], self.depth[el], self.landmark[el]


def _main_container(root: HtmlElement, index: BlockIndex) -> HtmlElement:
    """The deepest element holding at least half of the page's paragraph words (or words)."""
    counts = index.p_words if index.p_words.get(root, 0) else index.words
    total = counts.get(root, 0)
    node = root
    while total:
        best = max(node, key=lambda child: counts.get(child, 0), default=None)
        if best is None or counts.get(best, 0) < 0.5 * total:
            break
        node = best
    return node


def _link_words(block: Block, index: BlockIndex) -> int:
    return sum(index.words.get(a, 0) for a in block.element.iter("a"))


def _log(n: float) -> float:
    return math.log1p(n)


def _bit_columns(bits: list[int], width: int) -> np.ndarray:
    return ((np.asarray(bits, dtype=np.int64)[:, None] >> np.arange(width)) & 1).astype(np.float32)


def _shifted(values: np.ndarray, by: int) -> np.ndarray:
    """`values` moved `by` places (+1: each block gets its predecessor's), NaN where none."""
    out = np.full(len(values), np.nan, dtype=np.float64)
    if by > 0:
        out[by:] = values[:-by]
    else:
        out[:by] = values[-by:]
    return out


def block_features(root: HtmlElement, segmentation: Segmentation) -> np.ndarray:
    """One row of `FEATURE_NAMES` per block of `segmentation.blocks`, as float32.

    One Python pass collects what needs the tree (tags, ancestors, containers); everything
    that is arithmetic over blocks (neighbours, windows, positions) is done by numpy.
    """
    index = segmentation.index
    blocks = segmentation.blocks
    n = len(blocks)
    out = np.full((n, len(FEATURE_NAMES)), np.nan, dtype=np.float32)
    if not n:
        return out
    col = _COLUMN
    ancestry = _Ancestry()
    words_of, p_words_of, order, last = index.words, index.p_words, index.order, index.last
    positions = index.positions
    total_words = max(words_of.get(root, 0), 1)
    total_p = p_words_of.get(root, 0)
    main = _main_container(root, index)
    main_share = (p_words_of.get(main, 0) / total_p) if total_p else words_of.get(main, 0) / total_words
    main_first, main_last = order[main], last[main]
    labels = np.array(
        [_LABEL_CODE[u.label] if u is not None else 0 for u in segmentation.block_units], dtype=np.float64
    )
    title_at = next((i for i, u in enumerate(segmentation.block_units) if u is not None and u.label is BlockLabel.TITLE), None)
    w = np.fromiter((b.words for b in blocks), dtype=np.float64, count=n)
    link_w = np.fromiter((_link_words(b, index) if b.words else 0 for b in blocks), dtype=np.float64, count=n)
    linked = np.fromiter((b.linked for b in blocks), dtype=np.float64, count=n)
    kind = np.fromiter((_KIND_CODE[b.kind] for b in blocks), dtype=np.float64, count=n)
    heading = (kind == _KIND_CODE["heading"]).astype(np.float64)
    levels = cues.CONTAINER_LEVELS
    text_stats = np.zeros((n, 9), dtype=np.float64)
    tree_stats = np.zeros((n, 6), dtype=np.float64)
    near_bits, far_bits, tag_bits = [0] * n, [0] * n, [0] * n
    container = np.full((n, len(levels), 4), np.nan, dtype=np.float64)  # words, p words, span start, span end
    parents: dict[HtmlElement | None, int] = {}
    parent_of = [b.element.getparent() for b in blocks]
    for parent in parent_of:
        parents[parent] = parents.get(parent, 0) + 1
    for i, block in enumerate(blocks):
        el, text, parent = block.element, block.text, parent_of[i]
        count = block.words
        stats = text_stats[i]
        if count:
            stats[0] = len(text) / count
            stats[1] = text.count(".") / count
            stats[2] = text.count(",") / count
            stats[3] = (len(text) - len(text.translate(_DIGITS))) / len(text)
            stats[4] = len(_UPPER_WORD.findall(text)) / count
        else:
            stats[:5] = np.nan
        stats[5] = 1.0 if _SENTENCE_END.search(text) else 0.0
        stats[6] = 1.0 if "©" in text or (count < 40 and _COPYRIGHT.search(text)) else 0.0
        stats[7] = text.count("|") + text.count("•")
        far, tags, depth, landmark = ancestry.of(parent)
        near = own = _own_bits(el)
        node = parent
        for _ in range(2):
            if node is None:
                break
            near |= _own_bits(node)
            node = node.getparent()
        near_bits[i], far_bits[i], tag_bits[i] = near, far | own, tags
        position = order[el]
        tree_stats[i] = (
            _TAG_CODE.get(el.tag, 0),
            depth,
            landmark,
            parents.get(parent, 0),
            1.0 if main_first <= position <= main_last else 0.0,
            0.0,
        )
        node, level = el, 0
        for j, target in enumerate(levels):
            while node is not None and level < target:
                node = node.getparent()
                level += 1
            if node is None:
                break
            container[i, j] = (
                words_of.get(node, 0),
                p_words_of.get(node, 0),
                bisect_left(positions, order[node]),
                bisect_right(positions, last[node]),
            )
    cum_w = np.concatenate(([0.0], np.cumsum(w)))
    cum_links = np.concatenate(([0.0], np.cumsum(link_w)))
    cum_heads = np.concatenate(([0.0], np.cumsum(heading)))
    idx = np.arange(n)

    def put(name: str, values: np.ndarray | float) -> None:
        out[:, col[name]] = values

    put("tag", tree_stats[:, 0])
    put("kind", kind)
    put("unit_label", labels)
    log_w = np.log1p(w)
    put("log_words", log_w)
    with np.errstate(divide="ignore", invalid="ignore"):
        put("chars_per_word", text_stats[:, 0])
        put("link_share", np.where(w > 0, np.minimum(link_w / np.maximum(w, 1), 1.0), np.nan))
        put("periods_per_word", text_stats[:, 1])
        put("commas_per_word", text_stats[:, 2])
        put("digit_share", text_stats[:, 3])
        put("upper_word_share", text_stats[:, 4])
        put("linked", linked)
        put("sentence_end", text_stats[:, 5])
        put("copyright", text_stats[:, 6])
        put("pipes", text_stats[:, 7])
        put("depth", tree_stats[:, 1])
        put("nearest_landmark", tree_stats[:, 2])
        start = col[f"in_{cues.FEATURE_ANCESTOR_TAGS[0]}"]
        out[:, start : start + len(cues.FEATURE_ANCESTOR_TAGS)] = _bit_columns(tag_bits, len(cues.FEATURE_ANCESTOR_TAGS))
        start = col[f"near_{_GROUP_NAMES[0]}"]
        out[:, start : start + len(_GROUP_NAMES)] = _bit_columns(near_bits, len(_GROUP_NAMES))
        start = col[f"far_{_GROUP_NAMES[0]}"]
        out[:, start : start + len(_GROUP_NAMES)] = _bit_columns(far_bits, len(_GROUP_NAMES))
        for j, target in enumerate(levels):
            c_words, c_p, c_start, c_end = container[:, j, 0], container[:, j, 1], container[:, j, 2], container[:, j, 3]
            present = ~np.isnan(c_start)
            s, e = np.where(present, c_start, 0).astype(np.int64), np.where(present, c_end, 0).astype(np.int64)
            inside = cum_w[e] - cum_w[s]
            blocks_in = (e - s).astype(np.float64)
            put(f"up{target}_word_share", np.where(present, c_words / total_words, np.nan))
            put(f"up{target}_log_blocks", np.where(present, np.log1p(blocks_in), np.nan))
            put(f"up{target}_link_share", np.where(present, np.where(inside > 0, (cum_links[e] - cum_links[s]) / np.maximum(inside, 1), 0.0), np.nan))
            put(f"up{target}_words_per_block", np.where(present, np.where(blocks_in > 0, inside / np.maximum(blocks_in, 1), 0.0), np.nan))
            if total_p:
                put(f"up{target}_p_share", np.where(present, c_p / total_p, np.nan))
    put("parent_blocks", tree_stats[:, 3])
    put("in_main_container", tree_stats[:, 4])
    put("main_container_share", main_share)
    put("position", idx / n)
    put("words_before_share", (cum_w[:-1]) / total_words)
    if title_at is not None:
        put("from_title", np.clip(idx - title_at, -50, 50))
        put("after_title", (idx > title_at).astype(np.float64))
    put("prev_kind", _shifted(kind, 1))
    put("next_kind", _shifted(kind, -1))
    put("prev_unit_label", _shifted(labels, 1))
    put("next_unit_label", _shifted(labels, -1))
    put("prev_log_words", _shifted(log_w, 1))
    put("next_log_words", _shifted(log_w, -1))
    put("prev_linked", _shifted(linked, 1))
    put("next_linked", _shifted(linked, -1))
    window = cues.NEIGHBOUR_WINDOW
    lo, hi = np.maximum(idx - window, 0), np.minimum(idx + window + 1, n)
    window_words = cum_w[hi] - cum_w[lo]
    with np.errstate(divide="ignore", invalid="ignore"):
        put("window_link_share", np.where(window_words > 0, (cum_links[hi] - cum_links[lo]) / np.maximum(window_words, 1), 0.0))
    put("window_log_words", np.log1p(window_words))
    put("window_headings", cum_heads[hi] - cum_heads[lo])
    put("page_log_words", _log(total_words))
    put("page_blocks", n)
    put("page_link_share", link_w.sum() / total_words)
    put("page_p_share", total_p / total_words)
    return out


# --------------------------------------------------------------------------
# Context: the second stage reads the first stage's probabilities around each block

#: Ancestor levels whose blocks' mean probability the second stage sees.
CONTEXT_LEVELS = (1, 2, 4)
#: Neighbour windows (blocks on each side) of the second stage.
CONTEXT_WINDOWS = (1, 2, 5)
CONTEXT_FEATURE_NAMES: tuple[str, ...] = (
    "p",
    "p_prev",
    "p_next",
    *(f"p_window{w}" for w in CONTEXT_WINDOWS),
    *(f"p_up{level}" for level in CONTEXT_LEVELS),
    *(f"p_up{level}_max" for level in CONTEXT_LEVELS),
    "p_page",
    "page_body_share",
    "blocks_to_confident_before",
    "blocks_to_confident_after",
)


def context_spans(segmentation: Segmentation) -> np.ndarray:
    """Per block: [start, end) of the blocks inside its ancestor at each of `CONTEXT_LEVELS`."""
    index = segmentation.index
    out = np.zeros((len(segmentation.blocks), 2 * len(CONTEXT_LEVELS)), dtype=np.int32)
    for i, block in enumerate(segmentation.blocks):
        node, level = block.element, 0
        for j, target in enumerate(CONTEXT_LEVELS):
            while level < target and node.getparent() is not None:
                node = node.getparent()
                level += 1
            out[i, 2 * j : 2 * j + 2] = index.span(node)
    return out


def _weighted_mean(values: np.ndarray, weights: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    cum_v = np.concatenate(([0.0], np.cumsum(values * weights)))
    cum_w = np.concatenate(([0.0], np.cumsum(weights)))
    total = cum_w[end] - cum_w[start]
    return np.where(total > 0, (cum_v[end] - cum_v[start]) / np.maximum(total, 1e-9), np.nan)


def context_features(words: np.ndarray, spans: np.ndarray, p: np.ndarray) -> np.ndarray:
    """One row of `CONTEXT_FEATURE_NAMES` per block, from the first stage's probabilities `p`."""
    n = len(p)
    out = np.full((n, len(CONTEXT_FEATURE_NAMES)), np.nan, dtype=np.float32)
    if not n:
        return out
    weights = np.sqrt(words.astype(np.float64)) + 0.1
    idx = np.arange(n)
    out[:, 0] = p
    out[1:, 1] = p[:-1]
    out[:-1, 2] = p[1:]
    col = 3
    for w in CONTEXT_WINDOWS:
        out[:, col] = _weighted_mean(p, weights, np.maximum(idx - w, 0), np.minimum(idx + w + 1, n))
        col += 1
    for j in range(len(CONTEXT_LEVELS)):
        out[:, col] = _weighted_mean(p, weights, spans[:, 2 * j], spans[:, 2 * j + 1])
        col += 1
    for j in range(len(CONTEXT_LEVELS)):
        start, end = spans[:, 2 * j], spans[:, 2 * j + 1]
        out[:, col] = [p[s:e].max() if e > s else np.nan for s, e in zip(start, end, strict=True)]
        col += 1
    out[:, col] = np.average(p, weights=weights)
    out[:, col + 1] = words[p >= 0.5].sum() / max(words.sum(), 1)
    confident = np.flatnonzero(p >= 0.8)
    if len(confident):
        before = np.searchsorted(confident, idx, side="right") - 1
        after = np.searchsorted(confident, idx, side="left")
        out[:, col + 2] = np.where(before >= 0, idx - confident[np.maximum(before, 0)], 999)
        out[:, col + 3] = np.where(after < len(confident), confident[np.minimum(after, len(confident) - 1)] - idx, 999)
    return out
