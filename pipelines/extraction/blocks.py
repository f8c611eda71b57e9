"""The visible content blocks of a page, in reading order.

A block is the smallest element a reader sees as one piece: a heading, a paragraph, a list
item, a quote, a table, an image, a button, a form, or a loose run of text in a `div`. Page
builders wrap every block in its own widget, so the blocks of one bio, promo or form are
cousins rather than siblings; segmenting over this flat sequence (not the DOM) is what lets
a unit span the heading widget, the text widget and the button widget that make it up.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from lxml.etree import XPath
from lxml.html import HtmlElement

from . import cues
from .render import fold

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCK_TAGS = HEADING_TAGS | {
    "p",
    "li",
    "blockquote",
    "pre",
    "table",
    "figure",
    "img",
    "button",
    "dt",
    "dd",
    "figcaption",
    "input",
    "select",
    "textarea",
}
_HIDDEN_STYLE = re.compile(cues.HIDDEN_STYLE_PATTERN, re.I)
_BUTTON_CLASS = re.compile(cues.BUTTON_CLASS_PATTERN)
_CONTROLS = XPath(cues.CONTROL_XPATH)


def is_hidden(el: HtmlElement) -> bool:
    if not isinstance(el.tag, str) or el.tag in cues.INVISIBLE_TAGS:
        return True
    attrib = el.attrib
    return "hidden" in attrib or bool(_HIDDEN_STYLE.search(attrib.get("style", "")))


def visible_text(el: HtmlElement, hidden: set[HtmlElement]) -> str:
    """The element's text as shown: hidden descendants (`BlockIndex.hidden`) dropped, whitespace folded."""
    parts: list[str] = []
    stack: list[tuple[HtmlElement, bool]] = [(el, False)]
    while stack:
        node, tail_only = stack.pop()
        if tail_only:
            if node.tail:
                parts.append(node.tail)
            continue
        if node is not el:
            stack.append((node, True))
        if node in hidden:
            continue
        if node.text:
            parts.append(node.text)
        stack.extend((child, False) for child in reversed(node))
    return fold(" ".join(parts))


@dataclass(slots=True)
class Block:
    element: HtmlElement
    kind: str  # heading, text, image, action, field
    text: str
    words: int
    position: int  # document order of the element
    linked: bool  # all of its text is inside links


def _has_loose_text(el: HtmlElement) -> bool:
    if el.text and el.text.strip():
        return True
    return any(child.tail and child.tail.strip() for child in el)


def _kind(el: HtmlElement, text: str) -> str:
    tag = el.tag
    if tag in HEADING_TAGS or el.get("role") == "heading":
        return "heading"
    if tag == "input" and el.get("type") in ("submit", "button", "image"):
        return "action"
    if tag in ("input", "select", "textarea"):
        return "field"
    if not text:
        return "image"
    if tag == "button" or el.get("role") == "button":
        return "action"
    if len(text) <= 60:  # <p><a class="button">Text</a></p>
        for a in el.iter("a"):
            if _BUTTON_CLASS.search(a.get("class", "")) or a.get("role") == "button":
                return "action"
    node = el
    for _ in range(3):  # <a class="button"><span>Text</span></a>
        if node is None:
            break
        if node.tag == "a" and (_BUTTON_CLASS.search(node.get("class", "")) or node.get("role") == "button"):
            return "action"
        node = node.getparent()
    return "text"


def _linked(el: HtmlElement, text: str) -> bool:
    node = el
    for _ in range(cues.LINK_ANCESTOR_DEPTH + 1):  # <a class="card"><header><h2>Title</h2></header></a>
        if node is None:
            break
        if node.tag == "a":
            return True
        node = node.getparent()
    links = "".join(fold(a.text_content()) for a in el.iter("a"))
    return bool(text) and len(links) >= 0.8 * len(text.replace(" ", ""))


class BlockIndex:
    """The blocks of one page, and per-element facts computed in one pass over the tree.

    For every element: its document order and the order of its last descendant (so "which
    blocks lie inside this element" is a bisection), whether it is hidden, its visible words
    and its words inside <p>. Text of a subtree with nothing hidden in it comes from lxml's
    itertext, the rest from a walk that skips hidden elements.
    """

    def __init__(self, root: HtmlElement) -> None:
        nodes = list(root.iter())
        self.order: dict[HtmlElement, int] = {el: i for i, el in enumerate(nodes)}
        self.last: dict[HtmlElement, int] = {}
        self.hidden: set[HtmlElement] = set()
        self.words: dict[HtmlElement, int] = {}
        self.p_words: dict[HtmlElement, int] = {}
        self._clean: set[HtmlElement] = set()  # nothing hidden anywhere inside
        last, words, p_words, hidden, clean = self.last, self.words, self.p_words, self.hidden, self._clean
        for el in reversed(nodes):  # children before their parents
            last[el] = last[el[-1]] if len(el) else self.order[el]
            if is_hidden(el):
                hidden.add(el)
                words[el] = p_words[el] = 0
                continue
            count = len(el.text.split()) if el.text else 0
            p_count = 0
            tidy = True
            for child in el:
                count += words[child] + (len(child.tail.split()) if child.tail else 0)
                p_count += p_words[child]
                if tidy and (child in hidden or child not in clean) and isinstance(child.tag, str):
                    tidy = False
            words[el] = count
            p_words[el] = count if el.tag == "p" else p_count
            if tidy:
                clean.add(el)
        self.blocks: list[Block] = list(self._collect(root))
        self.positions = [b.position for b in self.blocks]

    def text(self, el: HtmlElement) -> str:
        if el in self._clean:
            return fold(" ".join(el.itertext()))
        return visible_text(el, self.hidden)

    def _collect(self, root: HtmlElement) -> Iterator[Block]:
        stack = [root]
        while stack:
            el = stack.pop()
            if el in self.hidden:
                continue
            tag = el.tag
            if tag in _BLOCK_TAGS or (tag not in ("ul", "ol", "tr", "tbody") and _has_loose_text(el)):
                text = self.text(el)
                if len(text) > cues.MAX_LOOSE_BLOCK_CHARS and tag not in _BLOCK_TAGS and len(el):
                    stack.extend(reversed(el))  # a big wrapper with some stray text: look inside
                    continue
                if tag == "input" and el.get("type", "text") == "hidden":
                    continue
                if text or tag in ("img", "figure", "input", "select", "textarea"):
                    yield Block(el, _kind(el, text), text, len(text.split()), self.order[el], _linked(el, text))
                elif _CONTROLS(el):  # <p><input type="email"></p>
                    yield Block(el, "field", "", 0, self.order[el], False)
                continue
            stack.extend(reversed(el))

    def span(self, el: HtmlElement) -> tuple[int, int]:
        """Indices [start, end) of the blocks inside `el` (itself included)."""
        start = bisect_left(self.positions, self.order[el])
        end = bisect_right(self.positions, self.last[el])
        return start, end

    def inside(self, el: HtmlElement) -> list[Block]:
        start, end = self.span(el)
        return self.blocks[start:end]

    def contains(self, ancestor: HtmlElement, el: HtmlElement) -> bool:
        pos = self.order.get(el)
        return pos is not None and self.order[ancestor] <= pos <= self.last[ancestor]


def truncate_blocks(root: HtmlElement, limit: int) -> bool:
    """Cut the page after its `limit`-th text block, so no page can make extraction slow.

    Articles have hundreds of paragraphs at most (the AEB's largest page has about 500 text
    elements); a page with many thousands is a dump, and everything after the limit goes.
    """
    for count, el in enumerate(root.iter(*cues.TRUNCATE_BLOCK_TAGS), start=1):
        if count < limit:
            continue
        node = el
        while node is not None and node is not root:
            parent = node.getparent()
            if parent is None:
                break
            for sibling in list(node.itersiblings()):
                parent.remove(sibling)
            node = parent
        return True
    return False

