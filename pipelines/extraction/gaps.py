"""Put back the headings and list items trafilatura dropped from the middle of an article.

Page builders put each heading and each list in a widget of its own; trafilatura often
keeps the paragraphs around them and drops the widget. A heading or list item that is in
no boilerplate unit and sits between two blocks of the extracted body is article text:
it goes back into the body tree, after the body block that precedes it.
"""

from __future__ import annotations

from lxml.etree import Element, SubElement, _Element

from . import cues
from .blocks import HEADING_TAGS
from .render import fold
from .segment import Segmentation


def _body_index(main: _Element) -> dict[str, _Element]:
    """The body tree's blocks (and list items) by their folded text."""
    index: dict[str, _Element] = {}
    for el in main:
        if el.tag == "list":
            for item in el.iterchildren("item"):
                index.setdefault(fold("".join(item.itertext())), item)
        index.setdefault(fold("".join(el.itertext())), el)
    return index


def fill_gaps(main: _Element | None, segmentation: Segmentation) -> int:
    """Insert dropped headings and list items between body blocks; returns how many."""
    if main is None or not len(main):
        return 0
    index = _body_index(main)
    blocks, units = segmentation.blocks, segmentation.block_units
    in_body = [bool(b.text) and units[i] is None and b.text in index for i, b in enumerate(blocks)]
    inserted = 0
    last_body: int | None = None
    pending: list[int] = []
    broken = False  # something that is no heading or list item lies in the gap
    for i, block in enumerate(blocks):
        if in_body[i]:
            if last_body is not None and pending and not broken and len(pending) <= cues.GAP_MAX_BLOCKS:
                anchor = index[blocks[last_body].text]
                for j in reversed(pending):  # the text as inline markup joins it, not as blocks are
                    _insert_after(anchor, blocks[j].element.tag, fold("".join(blocks[j].element.itertext())))
                    inserted += 1
            last_body, pending, broken = i, [], False
        elif block.text and units[i] is None:
            if _restorable(block.element.tag, block.kind, block.linked):
                pending.append(i)
            else:
                broken = True
    return inserted


def _restorable(tag: str, kind: str, linked: bool) -> bool:
    return not linked and kind == "heading" and tag in HEADING_TAGS and tag != "h1"


def _insert_after(anchor: _Element, tag: str, text: str) -> None:
    """A trafilatura-style element (head, list/item) right after `anchor`."""
    parent = anchor.getparent()
    if tag in HEADING_TAGS:
        new = Element("head", rend=tag)
        new.text = text
    elif anchor.tag == "item":  # next to a list item: an item of the same list
        new = Element("item")
        new.text = text
    else:
        new = Element("list")
        SubElement(new, "item").text = text
    parent.insert(parent.index(anchor) + 1, new)
