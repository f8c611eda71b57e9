"""From the labelled page to the record's fields: bio, promos, forms, related, blocks."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from . import cues
from .blocks import Block
from .body import BodyDecision
from .segment import BlockLabel, Segmentation, Unit, form_kind, overlay_units, selector
from .urls import join_url
from .whitespace import folded

_MIN_TEASER_WORDS = 3
_BYLINE_TEXT = re.compile(cues.BYLINE_TEXT_PATTERN, re.I)


def _related_links(unit: Unit, base: str | None) -> list[dict[str, str]]:
    links = []
    for element in unit.elements:
        for a in element.iter("a"):
            title = " ".join(a.text_content().split())
            href = a.get("href", "").strip()
            if (
                len(title.split()) >= _MIN_TEASER_WORDS
                and href
                and not href.startswith(("#", "javascript:", "mailto:"))
            ):
                links.append({"title": title, "url": join_url(base, href) or href})
    return links


class _BlockLabeller:
    """Labels the blocks outside any unit: body (as the scorer decided), title, byline, or other."""

    def __init__(self, decision: BodyDecision, title: str | None, authors: list[str]) -> None:
        self.decision = decision
        self.title = folded(title or "")
        self.authors = [name.lower() for name in authors]
        self.after_title = -1

    def label(self, i: int, block: Block) -> tuple[BlockLabel, str]:
        """A block in the body is labelled body, whatever it says: the record's blocks and its body agree."""
        text = block.text
        says_title = block.kind == "heading" and self.title and folded(text) == self.title
        if says_title:
            self.after_title = i
        if self.decision.body[i]:
            why = f" ({self.decision.why[i]})" if self.decision.why else ""
            fallback = "fallback " if self.decision.fallback else "lowered " if self.decision.lowered else ""
            return BlockLabel.BODY, f"scorer:{fallback}p={self.decision.probability[i]:.2f}{why}"
        if says_title:
            return BlockLabel.TITLE, "heading=title"
        if (left_out := self.decision.left_out(i)) is not None:
            return left_out
        near_title = 0 <= i - self.after_title <= cues.BYLINE_MAX_DISTANCE
        lowered = text.lower()
        if (
            near_title
            and block.words <= 20
            and (
                lowered.startswith("by ") or _BYLINE_TEXT.search(text) or any(name in lowered for name in self.authors)
            )
        ):
            return BlockLabel.BYLINE, "near-title:name-or-date"
        return BlockLabel.OTHER, "unlabelled"


def _unit_runs(blocks: list[Block], block_units: list[Unit | None]) -> Counter[int]:
    """Per unit (by id), the number of runs of consecutive blocks with text it holds in reading order."""
    runs: Counter[int] = Counter()
    previous: Unit | None = None
    for block, unit in zip(blocks, block_units, strict=True):
        if not block.text:
            continue
        if unit is not None and unit is not previous:
            runs[id(unit)] += 1
        previous = unit
    return runs


def _page_blocks(
    segmentation: Segmentation, decision: BodyDecision, title: str | None, authors: list[str]
) -> list[dict[str, str]]:
    """Every visible content block in reading order; a unit's blocks make one entry, or one per run of them where
    units inside it (a control's words in a forum post, an ad label in a teaser list) break it up: then each entry
    holds the text of its own run, and no text stands in two entries."""
    labeller = _BlockLabeller(decision, title, authors)
    index = segmentation.index
    out: list[dict[str, str]] = []
    runs = _unit_runs(segmentation.blocks, decision.block_units)
    previous_unit: Unit | None = None
    for i, (block, unit) in enumerate(zip(segmentation.blocks, decision.block_units, strict=True)):
        if not block.text:
            continue
        if unit is not None:
            whole = runs[id(unit)] == 1
            if unit is not previous_unit:
                out.append(
                    {
                        "label": unit.label.value,
                        "text": unit.text if whole else block.text,
                        "selector": selector(unit.element, index),
                        "reason": unit.reason,
                    }
                )
            elif not whole:
                out[-1]["text"] += " " + block.text
            previous_unit = unit
            continue
        previous_unit = None
        label, reason = labeller.label(i, block)
        if label is BlockLabel.OTHER and out and out[-1]["label"] == "other" and out[-1]["reason"] == reason:
            out[-1]["text"] += " " + block.text  # runs of unlabelled lines make one block
            continue
        out.append(
            {"label": label.value, "text": block.text, "selector": selector(block.element, index), "reason": reason}
        )
    return out


def fields_from_units(
    segmentation: Segmentation,
    decision: BodyDecision,
    title: str | None,
    url: str | None,
    authors: list[str] | None = None,
) -> dict[str, Any]:
    """The record fields that come from the kept units; `blocks` lists the whole page in reading order."""
    bios, promos, forms, related = [], [], [], []
    seen_related: set[str] = set()
    # the forms and bios hidden in overlays hold no block: never body, they still are the page's
    for unit in [*decision.units, *overlay_units(segmentation)]:
        if unit.label is BlockLabel.BIO:
            bios.append(unit.text)
        elif unit.label is BlockLabel.PROMO:
            promos.append(unit.text)
        elif unit.label is BlockLabel.FORM:
            forms.append({"kind": form_kind(unit.text, unit.elements), "text": unit.text})
        elif unit.label is BlockLabel.RELATED:
            for link in _related_links(unit, url):
                if link["url"] not in seen_related:
                    seen_related.add(link["url"])
                    related.append(link)
    return {
        "bio": "\n\n".join(dict.fromkeys(bios)) or None,
        "promos": promos,
        "forms": forms,
        "related": related,
        "blocks": _page_blocks(segmentation, decision, title, authors or []),
    }
