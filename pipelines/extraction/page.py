"""One page read once: its tree, metadata, segmentation and block features.

`extract` turns this into a record; `training/train.py` turns the same thing into training
rows, so the model learns from exactly what it will be asked about.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from lxml.html import HtmlElement

from . import cues
from .blocks import (
    BlockIndex,
    hide_hover_cards,
    hide_letter_avatars,
    reveal_collapsed_panels,
    reveal_labelling_titles,
    reveal_masked_page,
    reveal_noscript,
    separate_heading_parts,
    truncate_blocks,
    unwrap_misnested_buttons,
    wrap_loose_text,
)
from .features import block_features
from .metadata import PageMetadata, read_metadata
from .parse import parse_html
from .segment import Segmentation, segment_page


@dataclass
class AnalysedPage:
    tree: HtmlElement
    meta: PageMetadata
    segmentation: Segmentation
    features: np.ndarray  # one row of features.FEATURE_NAMES per segmentation.blocks


#: Called with a stage's name as each stage of an extraction ends: how `benchmarks/stages.py`
#: times them without repeating their order.
StageHook = Callable[[str], None]


def ignore_stage(name: str) -> None:
    pass


def analyse_page(
    html: str | bytes, url: str | None = None, content_type: str | None = None, on_stage: StageHook = ignore_stage
) -> AnalysedPage:
    """Parse, bound, read metadata, segment and describe every block of one page."""
    tree = parse_html(html, content_type)
    on_stage("parse")
    truncate_blocks(tree, cues.MAX_TEXT_BLOCKS)
    reveal_noscript(tree)
    reveal_masked_page(tree)
    reveal_collapsed_panels(tree)
    reveal_labelling_titles(tree)
    wrap_loose_text(tree)
    separate_heading_parts(tree)
    hide_hover_cards(tree)
    hide_letter_avatars(tree)
    on_stage("prepare (bound, noscript, loose text)")
    # one index of the prepared tree, for the byline search and the segmenter (metadata changes no element)
    index = BlockIndex(tree)
    if unwrap_misnested_buttons(index):
        index = BlockIndex(tree)  # a misparsed page (rare), repaired: indexed again
    on_stage("block index")
    meta = read_metadata(tree, url, index, date_fallback=False)  # htmldate waits for the page type (`extract`)
    on_stage("metadata")
    segmentation = segment_page(
        tree, meta.title, meta.authors, meta.site_name or meta.domain, meta.url or url, index=index
    )
    on_stage("rule units (segment)")
    features = block_features(tree, segmentation)
    on_stage("block features")
    return AnalysedPage(tree, meta, segmentation, features)
