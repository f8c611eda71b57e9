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
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

import numpy as np
from lxml.html import HtmlElement

from . import cues
from .blocks import Block, BlockIndex
from .patterns import compile_pattern
from .segment import BlockLabel, Segmentation

_GROUP_NAMES = tuple(cues.CLASS_TOKEN_GROUPS)
_GROUP_BIT = {token: 1 << i for i, tokens in enumerate(cues.CLASS_TOKEN_GROUPS.values()) for token in tokens}
_ANCESTOR_BIT = {tag: 1 << i for i, tag in enumerate(cues.FEATURE_ANCESTOR_TAGS)}
_TAG_CODE = {tag: i + 1 for i, tag in enumerate(cues.FEATURE_TAGS)}
#: The `kind` column's code of each block kind (`Block.kind`).
KIND_CODE = {"heading": 0, "text": 1, "image": 2, "action": 3, "field": 4}
#: The `unit_label` column's code of each label (0: the block is in no unit).
UNIT_LABEL_CODE = {label: i + 1 for i, label in enumerate(BlockLabel)}
_LANDMARK_CODE = {tag: i + 1 for i, tag in enumerate(cues.LANDMARK_TAGS)}
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
_SENTENCE_END = re.compile(cues.SENTENCE_END_PATTERN)
_UPPER_WORD = re.compile(r"\b[A-ZÀ-Þ]")
_COPYRIGHT = re.compile(cues.COPYRIGHT_PATTERN, re.I)
#: Told by a set (`compile_pattern`'s `set_test`): its `.{0,300}` gaps make RE2's automaton for where a match ends
#: grow slowly on a text holding a year in brackets ("(2020)"), about 40 us a block against 5 for the set.
_REFERENCE_ENTRY = compile_pattern(cues.REFERENCE_ENTRY_PATTERN, re.I, set_test=True)
_DISCLAIMER = compile_pattern(cues.DISCLAIMER_PATTERN, re.I)


def _plain_alternatives(pattern: str) -> tuple[str, ...] | None:
    """The alternatives of `pattern`, lower-cased, when each is a plain phrase between optional
    `\\b`s (None otherwise): a match under IGNORECASE in ASCII text holds one of them, lower-cased."""
    words = [alternative.removeprefix(r"\b").removesuffix(r"\b") for alternative in pattern.split("|")]
    if not all(words) or any(char in word for word in words for char in "\\.^$*+?{}[]()|"):
        return None
    return tuple(word.lower() for word in words)


_COPYRIGHT_WORDS = _plain_alternatives(cues.COPYRIGHT_PATTERN)


def _names_copyright(text: str) -> bool:
    """`_COPYRIGHT.search(text)`, told by substring tests for ASCII text without any of its
    phrases (most blocks): the regex tries its alternatives at every position."""
    if _COPYRIGHT_WORDS and text.isascii():
        lower = text.lower()
        if not any(word in lower for word in _COPYRIGHT_WORDS):
            return False
    return _COPYRIGHT.search(text) is not None


def _is_reference_entry(text: str, words: int, digits: float) -> bool:
    """Whether a block is an entry of a reference list or a "Citation:" line (`cues.REFERENCE_ENTRY_PATTERN`);
    only short blocks holding a year's four digits are searched."""
    return digits >= 4 and 0 < words <= cues.REFERENCE_ENTRY_MAX_WORDS and _REFERENCE_ENTRY.search(text) is not None


def _disclaimer_blocks(texts: list[str], words: list[int]) -> list[bool]:
    """Which blocks say the page is no advice (`cues.DISCLAIMER_PATTERN`, in a block of at most
    `cues.DISCLAIMER_MAX_WORDS` words holding one of `cues.DISCLAIMER_WORDS`, or any non-ASCII one).

    One search over the page's texts joined by newlines, not one a block: the pattern's gaps are `.`, which
    matches no newline, so no match spans two blocks, and one RE2 scan costs a fraction of a search a block.
    """
    flagged = [False] * len(texts)
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    for match in _DISCLAIMER.finditer("\n".join(texts)):
        i = bisect_right(starts, match.start()) - 1
        if not flagged[i] and 0 < words[i] <= cues.DISCLAIMER_MAX_WORDS:
            text = texts[i]
            flagged[i] = not text.isascii() or any(word in text.lower() for word in cues.DISCLAIMER_WORDS)
    return flagged


#: Categorical columns (LightGBM treats their values as unordered codes).
CATEGORICAL = (
    "tag",
    "kind",
    "unit_label",
    "nearest_landmark",
    "prev_kind",
    "next_kind",
    "prev_unit_label",
    "next_unit_label",
)

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
    "reference_entry",
    "disclaimer",
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
    *(f"repeat_up{level}" for level in range(cues.REPEAT_LEVELS)),
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
    "window_references",
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


def _own_bits(cls: str | None, ident: str | None) -> int:
    """The class-word groups of an element's class and id."""
    bits = _class_bits(cls) if cls else 0
    if ident:
        bits |= _class_bits(ident)
    return bits


class _Ancestry:
    """Per-element facts inherited from ancestors, memoised by position: the tree is walked once per page."""

    def __init__(self, index: BlockIndex) -> None:
        self.classes, self.ids, self.tags, self.parent_at = index.classes, index.ids, index.tags, index.parent_at
        self.own: list[int | None] = [None] * len(self.tags)
        self.facts: list[tuple[int, int, int, int] | None] = [None] * len(self.tags)  # far, tags, depth, landmark

    def own_bits(self, i: int) -> int:
        bits = self.own[i]
        if bits is None:
            bits = self.own[i] = _own_bits(self.classes[i], self.ids[i])
        return bits

    def of(self, i: int) -> tuple[int, int, int, int]:
        """(far bits, ancestor tag bits, depth, nearest landmark) of the element at position `i` (-1: none)."""
        if i < 0:
            return 0, 0, 0, 0
        facts = self.facts[i]
        if facts is None:
            chain = []
            node = i
            while node >= 0 and self.facts[node] is None:
                chain.append(node)
                node = self.parent_at[node]
            far, tags, depth, landmark = self.facts[node] if node >= 0 else (0, 0, 0, 0)
            for node in reversed(chain):
                far |= self.own_bits(node)
                tag = self.tags[node] if isinstance(self.tags[node], str) else ""
                tags |= _ANCESTOR_BIT.get(tag, 0)
                landmark = _LANDMARK_CODE.get(tag, landmark)
                depth += 1
                self.facts[node] = far, tags, depth, landmark
            facts = self.facts[i]
        return facts


def _main_container(root: HtmlElement, index: BlockIndex) -> HtmlElement:
    """The deepest element holding at least half of the page's paragraph words (or words) in
    more than one block: on a short page one long paragraph is not the page's container."""
    counts = index.p_words_of if index.p_words_of(root) else index.words_of
    total = counts(root)
    node = root
    while total:
        best = max(node, key=counts, default=None)
        if best is None or counts(best) < 0.5 * total:
            break
        start, end = index.span(best)
        if end - start < 2:
            break
        node = best
    return node


def _link_words(blocks: list[Block], index: BlockIndex) -> np.ndarray:
    """Per block, the words of the links in it (itself included): running sums of the words of the
    page's <a> elements in document order, told apart at each block's span (numpy's bisections, all
    blocks at once). Blocks without words have none."""
    links = index.anchors
    words, last = index.words_at, index.last_at
    link_words = np.concatenate(([0], np.cumsum([words[i] for i in links], dtype=np.int64)))
    position = [block.position for block in blocks]
    start = np.searchsorted(links, position, side="left")
    end = np.searchsorted(links, [last[i] for i in position], side="right")
    has_words = np.fromiter((block.words > 0 for block in blocks), dtype=bool, count=len(blocks))
    return np.where(has_words, link_words[end] - link_words[start], 0).astype(np.float64)


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


def _text_stats(blocks: list[Block], w: np.ndarray) -> np.ndarray:
    """Per block: chars, periods, commas per word, digit share, capitalised words per word (NaN
    without words), sentence end, copyright, pipes, reference entry, disclaimer.

    The character counts are taken for all blocks at once, over the code points of their
    joined texts; the regexes run block by block, all but the disclaimer's, which runs once over
    the joined texts (`_disclaimer_blocks`).
    """
    texts = [block.text for block in blocks]
    n = len(texts)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    ends = np.cumsum(lengths)
    starts = ends - lengths
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)

    def per_block(mask: np.ndarray) -> np.ndarray:
        total = np.concatenate(([0], np.cumsum(mask, dtype=np.int64)))
        return total[ends] - total[starts]

    raw = np.empty((n, 10), dtype=np.float64)
    raw[:, 0] = lengths
    raw[:, 1] = per_block(codes == ord("."))
    raw[:, 2] = per_block(codes == ord(","))
    raw[:, 3] = per_block((codes >= ord("0")) & (codes <= ord("9")))
    raw[:, 4] = [len(_UPPER_WORD.findall(text)) for text in texts]
    raw[:, 5] = [_SENTENCE_END.search(text) is not None for text in texts]
    raw[:, 6] = [
        "©" in text or (block.words < 40 and _names_copyright(text)) for block, text in zip(blocks, texts, strict=True)
    ]
    raw[:, 7] = per_block((codes == ord("|")) | (codes == ord("•")))
    raw[:, 8] = [
        _is_reference_entry(text, block.words, digits)
        for block, text, digits in zip(blocks, texts, raw[:, 3], strict=True)
    ]
    raw[:, 9] = _disclaimer_blocks(texts, [block.words for block in blocks])
    out = raw.copy()
    has = w > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        for j in (0, 1, 2, 4):
            out[:, j] = np.where(has, raw[:, j] / w, np.nan)
        out[:, 3] = np.where(has, raw[:, 3] / raw[:, 0], np.nan)
    return out


def _tree_stats(blocks: list[Block], index: BlockIndex) -> tuple[np.ndarray, list[int], list[int], list[int]]:
    """Per block: (tag code, depth, nearest landmark, blocks beside it under its parent, 0, 0),
    and its near, far and ancestor-tag bits."""
    ancestry = _Ancestry(index)
    parent_at, tags = index.parent_at, index.tags
    parents = [parent_at[b.position] for b in blocks]
    siblings = Counter(parents)
    rows, near_bits, far_bits, tag_bits = [], [], [], []
    for block, parent in zip(blocks, parents, strict=True):
        far, ancestor_tags, depth, landmark = ancestry.of(parent)
        own = ancestry.own_bits(block.position)
        near = own
        if parent >= 0:
            near |= ancestry.own_bits(parent)
            if parent_at[parent] >= 0:
                near |= ancestry.own_bits(parent_at[parent])
        near_bits.append(near)
        far_bits.append(far | own)
        tag_bits.append(ancestor_tags)
        rows.append((_TAG_CODE.get(tags[block.position], 0), depth, landmark, siblings[parent], 0.0, 0.0))
    return np.array(rows, dtype=np.float64).reshape(-1, 6), near_bits, far_bits, tag_bits


def _containers(position: np.ndarray, index: BlockIndex, levels: tuple[int, ...]) -> list[tuple[np.ndarray, ...]]:
    """Per level of `levels`: whether each block has an ancestor that high, and its words, <p>
    words and [start, end) of the blocks inside it."""
    parent_at = np.asarray(index.parent_at, dtype=np.int64)
    words, p_words = np.asarray(index.words_at, dtype=np.float64), np.asarray(index.p_words_at, dtype=np.float64)
    last_at, positions = np.asarray(index.last_at, dtype=np.int64), np.asarray(index.positions, dtype=np.int64)
    node, level, out = position.copy(), 0, []
    for target in levels:
        while level < target:
            node = np.where(node >= 0, parent_at[np.maximum(node, 0)], -1)
            level += 1
        present = node >= 0
        at = np.maximum(node, 0)
        start = np.where(present, np.searchsorted(positions, at, side="left"), 0)
        end = np.where(present, np.searchsorted(positions, last_at[at], side="right"), 0)
        out.append((present, np.where(present, words[at], np.nan), np.where(present, p_words[at], np.nan), start, end))
    return out


def _repeats(position: np.ndarray, index: BlockIndex, levels: int) -> np.ndarray:
    """Per block and level (0: its own element), how many siblings of that ancestor share its tag
    and class: a card in a grid of twelve, a teaser in a list of eight, a paragraph among forty.

    Each element's count is looked up once (`BlockIndex.sibling_sizes`) and the ancestors are
    climbed by numpy, all blocks at once."""
    parent_at = np.asarray(index.parent_at, dtype=np.int64)
    sizes = np.asarray(index.sibling_sizes, dtype=np.float64)
    out = np.full((len(position), levels), np.nan, dtype=np.float64)
    node = position
    for level in range(levels):
        present = node >= 0
        out[present, level] = sizes[node[present]]
        node = np.where(present, parent_at[np.maximum(node, 0)], -1)
    return np.log(out)


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
    words_of, p_words_of = index.words_of, index.p_words_of
    total_words = max(words_of(root), 1)
    total_p = p_words_of(root)
    main = _main_container(root, index)
    main_share = (p_words_of(main) / total_p) if total_p else words_of(main) / total_words
    labels = np.array(
        [UNIT_LABEL_CODE[u.label] if u is not None else 0 for u in segmentation.block_units], dtype=np.float64
    )
    title_at = segmentation.first_block_of(BlockLabel.TITLE)
    w = block_words(blocks)
    link_w = _link_words(blocks, index)
    linked = np.fromiter((b.linked for b in blocks), dtype=np.float64, count=n)
    kind = np.fromiter((KIND_CODE[b.kind] for b in blocks), dtype=np.float64, count=n)
    heading = (kind == KIND_CODE["heading"]).astype(np.float64)
    levels = cues.CONTAINER_LEVELS
    text_stats = _text_stats(blocks, w)
    tree_stats, near_bits, far_bits, tag_bits = _tree_stats(blocks, index)
    position = np.asarray(index.positions, dtype=np.int64)
    main_at = index.order[main]
    tree_stats[:, 4] = (main_at <= position) & (position <= index.last_at[main_at])
    container = _containers(position, index, levels)
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
        put("reference_entry", text_stats[:, 8])
        put("disclaimer", text_stats[:, 9])
        put("depth", tree_stats[:, 1])
        put("nearest_landmark", tree_stats[:, 2])
        start = col[f"in_{cues.FEATURE_ANCESTOR_TAGS[0]}"]
        out[:, start : start + len(cues.FEATURE_ANCESTOR_TAGS)] = _bit_columns(
            tag_bits, len(cues.FEATURE_ANCESTOR_TAGS)
        )
        start = col[f"near_{_GROUP_NAMES[0]}"]
        out[:, start : start + len(_GROUP_NAMES)] = _bit_columns(near_bits, len(_GROUP_NAMES))
        start = col[f"far_{_GROUP_NAMES[0]}"]
        out[:, start : start + len(_GROUP_NAMES)] = _bit_columns(far_bits, len(_GROUP_NAMES))
        for j, target in enumerate(levels):
            present, c_words, c_p, s, e = container[j]
            inside = cum_w[e] - cum_w[s]
            blocks_in = (e - s).astype(np.float64)
            put(f"up{target}_word_share", np.where(present, c_words / total_words, np.nan))
            put(f"up{target}_log_blocks", np.where(present, np.log1p(blocks_in), np.nan))
            put(
                f"up{target}_link_share",
                np.where(
                    present, np.where(inside > 0, (cum_links[e] - cum_links[s]) / np.maximum(inside, 1), 0.0), np.nan
                ),
            )
            put(
                f"up{target}_words_per_block",
                np.where(present, np.where(blocks_in > 0, inside / np.maximum(blocks_in, 1), 0.0), np.nan),
            )
            if total_p:
                put(f"up{target}_p_share", np.where(present, c_p / total_p, np.nan))
    repeats = _repeats(position, index, cues.REPEAT_LEVELS)
    for level in range(cues.REPEAT_LEVELS):
        put(f"repeat_up{level}", repeats[:, level])
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
        put(
            "window_link_share",
            np.where(window_words > 0, (cum_links[hi] - cum_links[lo]) / np.maximum(window_words, 1), 0.0),
        )
    put("window_log_words", np.log1p(window_words))
    put("window_headings", cum_heads[hi] - cum_heads[lo])
    cum_refs = np.concatenate(([0.0], np.cumsum(text_stats[:, 8])))
    put("window_references", cum_refs[hi] - cum_refs[lo])  # a reference list is a run of entries
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


def block_words(blocks: list[Block]) -> np.ndarray:
    """Each block's word count, as the float column the models' arrays take."""
    return np.fromiter((b.words for b in blocks), dtype=np.float64, count=len(blocks))


def context_spans(segmentation: Segmentation) -> np.ndarray:
    """Per block: [start, end) of the blocks inside its ancestor at each of `CONTEXT_LEVELS`
    (the root when the block is not that deep)."""
    index = segmentation.index
    parent_at = np.asarray(index.parent_at, dtype=np.int64)
    last_at, positions = np.asarray(index.last_at, dtype=np.int64), np.asarray(index.positions, dtype=np.int64)
    out = np.zeros((len(positions), 2 * len(CONTEXT_LEVELS)), dtype=np.int32)
    node, level = positions, 0
    for j, target in enumerate(CONTEXT_LEVELS):
        while level < target:
            node = np.where(parent_at[node] >= 0, parent_at[node], node)
            level += 1
        out[:, 2 * j] = np.searchsorted(positions, node, side="left")
        out[:, 2 * j + 1] = np.searchsorted(positions, last_at[node], side="right")
    return out


def _range_max(values: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """max(values[s:e]) for each [s, e), NaN where empty: one `maximum.reduceat` over the
    interleaved bounds (its even results are the ranges), so no Python loop."""
    bounds = np.empty(2 * len(start), dtype=np.intp)
    bounds[0::2], bounds[1::2] = start, end
    out = np.maximum.reduceat(np.append(values, 0.0), bounds)[0::2]  # the extra value lets a range end at len(values)
    return np.where(end > start, out, np.nan)


def _weighted_mean(cum_v: np.ndarray, cum_w: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Weighted mean over each [start, end) from the cumulative sums of values x weights and of weights."""
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
    cum_v = np.concatenate(([0.0], np.cumsum(p * weights)))
    cum_w = np.concatenate(([0.0], np.cumsum(weights)))
    col = 3
    for w in CONTEXT_WINDOWS:
        out[:, col] = _weighted_mean(cum_v, cum_w, np.maximum(idx - w, 0), np.minimum(idx + w + 1, n))
        col += 1
    for j in range(len(CONTEXT_LEVELS)):
        out[:, col] = _weighted_mean(cum_v, cum_w, spans[:, 2 * j], spans[:, 2 * j + 1])
        col += 1
    for j in range(len(CONTEXT_LEVELS)):
        out[:, col] = _range_max(p, spans[:, 2 * j], spans[:, 2 * j + 1])
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
