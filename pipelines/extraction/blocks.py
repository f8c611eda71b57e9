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
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate, chain, compress

from lxml.etree import Comment, Entity, ProcessingInstruction, XPath, tostring
from lxml.html import HtmlElement

from . import cues
from .whitespace import collapse_whitespace, count_collapsed_words, count_words, shows_nothing

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
_STRUCTURAL = cues.STRUCTURAL_TAGS
#: The tags of elements never seen: the invisible ones, and those of comments, processing
#: instructions and entities (functions, not strings), so one look-up tells either.
_INVISIBLE = cues.INVISIBLE_TAGS | {Comment, ProcessingInstruction, Entity}
_SPLITTABLE = cues.SPLITTABLE_BLOCK_TAGS


def _text_content(el: HtmlElement) -> str:
    """All the text inside `el` (not its tail), as `text_content()` and `itertext()` give it,
    read by libxml2 in one call: 3x faster than joining itertext's pieces in Python."""
    return tostring(el, method="text", encoding=str, with_tail=False)


def _is_block(el: HtmlElement) -> bool:
    """A block tag is one block, unless it is a wrapper of other blocks (a layout table, an
    `<li>` holding a whole article in a broken page): then its parts are the blocks."""
    tag = el.tag
    if tag not in _BLOCK_TAGS:
        return False
    if tag in _SPLITTABLE:
        return not any(isinstance(d.tag, str) and d.tag in _STRUCTURAL for d in el.iterdescendants())
    return True


_HIDDEN_STYLE = re.compile(cues.HIDDEN_STYLE_PATTERN, re.I)
_HIDDEN_CLASS = re.compile(cues.HIDDEN_CLASS_PATTERN, re.I)
_BUTTON_CLASS = re.compile(cues.BUTTON_CLASS_PATTERN)


@lru_cache(maxsize=4096)
def _button_class(value: str) -> bool:
    """Whether a class string marks a button: links repeat their classes, each is matched once."""
    return _BUTTON_CLASS.search(value) is not None


_CONTROLS = XPath(cues.CONTROL_XPATH)
#: Elements with an inline style, found by libxml2 (ElementPath's `.//*[@style]` tests every element in Python)
#: from their style attributes up: the elements `descendant::*[@style]` selects, without a predicate on each.
_STYLED = XPath("descendant::*/@style/..")
#: The controls that name what they open or switch (`aria-controls`) and the panels of tabs by their role
#: (WAI-ARIA's tab pattern: a panel names its tab, not the other way round), told apart in Python (a few
#: elements a page); and the elements with an id. Each is found from the attributes up (`//@id/..`):
#: the same elements as `//*[@id]`, in half the time, as libxml2 then tests no predicate on every element.
_CONTROLLING_OR_TAB_PANELS = XPath("//@aria-controls/.. | //@role[. = 'tabpanel']/..")
_WITH_ID = XPath("//@id/..")
#: The boxes that name their own title (`aria-labelledby`), found by libxml2 (a few elements a page)
#: from the attributes up, as the controls above: the elements `//*[@aria-labelledby]` selects.
_LABELLED_BOXES = XPath("//@aria-labelledby/..")
_HOVER_CARDS = XPath(cues.HOVER_CARD_XPATH)
_DESCENDANT_OF_ID = XPath("descendant::*[@id = $id][1]")


@lru_cache(maxsize=8192)
def _hiding_class(value: str) -> bool:
    """Pages repeat the same class strings hundreds of times: each is matched once. An ASCII
    string (re.I folds its case as `lower` does) holding none of the words cannot match: most
    class strings are told so by substring tests, several times faster than the regex."""
    if value.isascii():
        lowered = value.lower()
        if not any(word in lowered for word in cues.HIDDEN_CLASS_WORDS):
            return False
    return bool(_HIDDEN_CLASS.search(value))


@lru_cache(maxsize=4096)
def _hiding_style(value: str) -> bool:
    return bool(_HIDDEN_STYLE.search(value))


def _named_only(el: HtmlElement) -> bool:
    """Whether an element is hidden by its class or its tooltip role alone: a name shown on hover or read to
    screen readers (`BlockIndex.named_text`), not text hidden from every reader."""
    get = el.get
    return (
        isinstance(el.tag, str)
        and el.tag not in _INVISIBLE
        and get("hidden") is None
        and get("aria-hidden") != "true"
        and get("aria-modal") != "true"
        and not _hiding_style(get("style") or "")
        and (get("role") == "tooltip" or _hiding_class(get("class") or ""))
    )


def visible_text(el: HtmlElement, hidden: set[HtmlElement], apart: frozenset[HtmlElement] = frozenset()) -> str:
    """The element's text as a browser lays it out: hidden descendants (`BlockIndex.hidden`)
    dropped, a space where block-level elements (and `<br>`) meet, none between inline ones
    (`<b>W</b>ord` is one word), whitespace folded. The elements in `apart` are set apart by spaces too."""
    parts: list[str] = []
    stack: list[tuple[HtmlElement, bool]] = [(el, False)]
    while stack:
        node, tail_only = stack.pop()
        if tail_only:
            if node.tag in cues.BLOCK_LEVEL_TAGS or node in apart:
                parts.append(" ")
            if node.tail:
                parts.append(node.tail)
            continue
        if node is not el:
            stack.append((node, True))
        if node in hidden:
            continue
        if node.tag in cues.BLOCK_LEVEL_TAGS or node in apart:
            parts.append(" ")
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        stack.extend((child, False) for child in reversed(node))
    return collapse_whitespace("".join(parts))


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


def any_between(positions: list[int], first: int, last: int) -> bool:
    """Whether sorted `positions` has one in [first, last]."""
    at = bisect_left(positions, first)
    return at < len(positions) and positions[at] <= last


class BlockIndex:
    """The blocks of one page, and per-element facts computed in one pass over the tree.

    For every element: its document order and the order of its last descendant (so "which
    blocks lie inside this element" is a bisection), whether it is hidden, its visible words
    and its words inside <p>. Text of a subtree with nothing hidden in it comes from libxml2's
    text serialisation, the rest from a walk that skips hidden elements. The pass keeps every element's
    facts in lists by document order, so later questions are list look-ups, not tree walks.
    """

    def __init__(self, root: HtmlElement) -> None:
        nodes = list(root.iter())
        n = len(nodes)
        order = dict(zip(nodes, range(n), strict=True))  # built in C: a comprehension costs twice as much
        tags = [el.tag for el in nodes]
        parent_at = [-1] + [order[el.getparent()] for el in nodes[1:]]
        last_at = list(range(n))
        words_at, p_words_at = [0] * n, [0] * n
        loose = [0] * n  # words of the element's own text and of its children's tails
        below, p_below = [0] * n, [0] * n  # words and <p> words of its children
        hidden_at = [False] * n
        # the attributes later stages ask of every element, read from lxml once (strings, not
        # per-element dicts: thousands of surviving containers a page make the GC run more often)
        classes, ids, itemprops, itemtypes = [None] * n, [None] * n, [None] * n, [None] * n
        attributed = [False] * n  # any attribute at all: most elements have none
        roles: list[str | None] = [None] * n
        invisible, never_hidden, prefix = _INVISIBLE, cues.NEVER_HIDDEN_TAGS, cues.STREAMED_SEGMENT_ID_PREFIX
        for i in range(n - 1, -1, -1):  # children before their parents
            el = nodes[i]
            tag = tags[i]
            keys = el.keys()  # names only: `items()` copies every value, long hrefs and srcsets too
            # hidden: an invisible tag (script, template, a comment), or attributes that hide it (below)
            hidden = tag in invisible
            if keys:
                get = el.get
                cls = get("class") if "class" in keys else None
                ident = get("id") if "id" in keys else None
                role = get("role") if "role" in keys else None
                attributed[i] = True
                classes[i], ids[i], roles[i] = cls, ident, role
                if "itemprop" in keys:
                    itemprops[i] = get("itemprop")
                if "itemtype" in keys:
                    itemtypes[i] = get("itemtype")
                # the `hidden` attribute (not on a streamed segment a script shows), aria-hidden, a tooltip, a
                # modal dialog (opened over the page: a shop's terms, a sign-up), a hiding class or inline style;
                # never on <html> or <body>
                if not hidden and tag not in never_hidden:
                    hidden = bool(
                        ("hidden" in keys and not (ident or "").startswith(prefix))
                        or ("aria-hidden" in keys and get("aria-hidden") == "true")
                        or role == "tooltip"
                        or ("aria-modal" in keys and get("aria-modal") == "true")
                        or (cls and _hiding_class(cls))
                        or ("style" in keys and (style := get("style")) and _hiding_style(style))
                    )
            if hidden:
                hidden_at[i] = True
            else:
                text = el.text
                if text and not text.isspace():  # indentation between tags: no words, no call
                    loose[i] += count_words(text)
                words_at[i] = loose[i] + below[i]
                p_words_at[i] = words_at[i] if tag == "p" else p_below[i]
            parent = parent_at[i]
            if parent >= 0:
                tail = el.tail
                if tail and not tail.isspace():
                    loose[parent] += count_words(tail)
                below[parent] += words_at[i]
                p_below[parent] += p_words_at[i]
                if last_at[parent] == parent:  # its last child, seen first
                    last_at[parent] = last_at[i]
        # by document order (position) ...
        self.nodes, self.tags, self.parent_at, self.last_at = nodes, tags, parent_at, last_at
        self.words_at, self.p_words_at, self._loose, self.hidden_at = words_at, p_words_at, loose, hidden_at
        self.classes: list[str | None] = classes
        self.ids: list[str | None] = ids
        self.itemprops: list[str | None] = itemprops
        self.itemtypes: list[str | None] = itemtypes
        self.roles: list[str | None] = roles
        self.attributed: list[bool] = attributed
        # ... and the position of each element: facts of an element are read through it
        # (`words_of`), not from dicts per fact, which cost a page more to build than their look-ups
        self.order: dict[HtmlElement, int] = order
        # the positions of each tag, in one pass: the lists below, and the later stages' look-ups by tag
        by_tag: dict[object, list[int]] = {}
        for i, tag in enumerate(tags):
            at = by_tag.get(tag)
            if at is None:
                by_tag[tag] = [i]
            else:
                at.append(i)
        self._positions_by_tag = by_tag
        # where a subtree stops being plain inline text: a hidden or block-level element
        hidden_elements = [i for i in compress(range(n), hidden_at) if isinstance(tags[i], str)]
        self._breaks = sorted({*self.positions_of_any(cues.BLOCK_LEVEL_TAGS), *hidden_elements})
        self._structural = self.positions_of_any(_STRUCTURAL)
        self.anchors: list[int] = by_tag.get("a", [])  # the <a> elements' positions
        # whether the element is an <a> or inside one: most blocks are in none, and `_kind_and_linked`
        # walks up the ancestors of only those that are (or of all, in an index of part of a tree)
        self._in_link = [False] * n
        for a in self.anchors:
            self._in_link[a : last_at[a] + 1] = [True] * (last_at[a] + 1 - a)
        self._in_larger_tree = nodes[0].getparent() is not None
        self._block_texts: dict[int, str] = {}  # position -> text of a block, once the blocks are known
        self._collected = False  # whether `blocks` is known, as `_blocks_text_at` needs
        self.blocks: list[Block] = self._collect()
        self._collected = True
        self.positions = [b.position for b in self.blocks]
        self._block_texts = {b.position: b.text for b in self.blocks}

    def words_of(self, el: HtmlElement) -> int:
        """The visible words of `el` (0 for an element outside the index)."""
        i = self.order.get(el)
        return 0 if i is None else self.words_at[i]

    def p_words_of(self, el: HtmlElement) -> int:
        """The visible words inside `<p>` elements of `el` (0 for an element outside the index)."""
        i = self.order.get(el)
        return 0 if i is None else self.p_words_at[i]

    @cached_property
    def hidden(self) -> set[HtmlElement]:
        """The hidden elements, for `visible_text` of an element outside the index (rare: built on demand)."""
        return {el for el, hidden in zip(self.nodes, self.hidden_at, strict=True) if hidden}

    def text(self, el: HtmlElement) -> str:
        """`visible_text(el, self.hidden)`, the same text found faster."""
        i = self.order.get(el)
        if i is None:
            return visible_text(el, self.hidden)
        return self._text_at(i)

    def named_text(self, el: HtmlElement) -> str:
        """`text`, with the names its controls show only on hover or to screen readers (a tooltip, an
        `sr-only` label), each set apart: a share bar's icons are buttons whose names ("Share on Facebook")
        are all a reader of the record can see of them. Text hidden from every reader (`aria-hidden`,
        `display: none`, the `hidden` attribute, scripts) stays out."""
        i = self.order.get(el)
        if i is None:
            return self.text(el)
        nodes, hidden_at = self.nodes, self.hidden_at
        hidden_here = [nodes[j] for j in range(i, self.last_at[i] + 1) if hidden_at[j]]
        names = frozenset(node for node in hidden_here if _named_only(node))
        return visible_text(el, set(hidden_here) - names, names)

    def _text_at(self, i: int) -> str:
        """`text` of the element at position `i`: a block's is the one found when the blocks were collected."""
        known = self._block_texts.get(i)
        if known is not None:
            return known
        if self._plain(i):
            return self._plain_text_at(i)
        if self._collected and (text := self._blocks_text_at(i)) is not None:
            return text
        return self._visible_text_at(i)

    def _blocks_text_at(self, i: int) -> str | None:
        """`_visible_text_at(i)` read from the blocks inside the element, when they hold all of its words
        and are all block-level (a space on either side of each): their texts joined by spaces. None
        when some words lie outside them or an inline block (a `<span>` of loose text) may run into
        its neighbour: then the walk tells.

        A footer, a menu or a sidebar (the units whose texts the segmenter asks) is mostly such an
        element: its text no longer takes a walk over each of its elements."""
        start, end = self.span_at(i)
        words, inline = self._block_word_sums
        if self.words_at[i] != words[end] - words[start] or inline[end] != inline[start]:
            return None
        return " ".join([block.text for block in self.blocks[start:end] if block.text])

    @cached_property
    def _block_word_sums(self) -> tuple[list[int], list[int]]:
        """Running sums over the blocks of their elements' words (`words_at`) and of the blocks with text
        whose tag is not block-level: the sums over the blocks inside an element are two subtractions."""
        words_at, tags, block_level = self.words_at, self.tags, cues.BLOCK_LEVEL_TAGS
        words = list(accumulate((words_at[b.position] for b in self.blocks), initial=0))
        inline = list(
            accumulate((bool(b.text) and tags[b.position] not in block_level for b in self.blocks), initial=0)
        )
        return words, inline

    def _plain_text_at(self, i: int) -> str:
        """All the text of the element at position `i`, whitespace folded; one without children
        (most links) holds its own `.text` only, read without serialising it through libxml2."""
        text = self.nodes[i].text if self.last_at[i] == i else _text_content(self.nodes[i])
        return collapse_whitespace(text) if text else ""

    def _visible_text_at(self, i: int) -> str:
        """`visible_text` of the element at position `i`, walking positions instead of the tree.

        A block-level block inside it adds its text as found when the blocks were collected: spaces
        stand on both sides of it, so its whitespace folded already folds the same."""
        nodes, tags, last, hidden, breaks = self.nodes, self.tags, self.last_at, self.hidden_at, self._breaks
        block_level, known = cues.BLOCK_LEVEL_TAGS, self._block_texts
        parts: list[str] = []
        open_: list[int] = []  # elements whose tails are still to come, innermost last
        j, end = i, last[i]
        while j <= end or open_:
            while open_ and (j > end or last[open_[-1]] < j):  # subtrees that ended: their tails
                k = open_.pop()
                if tags[k] in block_level:
                    parts.append(" ")
                tail = nodes[k].tail
                if tail:
                    parts.append(tail)
            if j > end:
                break
            if j != i:
                open_.append(j)
            if hidden[j]:
                j = last[j] + 1
                continue
            tag = tags[j]
            if tag in block_level:
                parts.append(" ")
                if j != i and (text := known.get(j)) is not None:
                    parts.append(text)
                    j = last[j] + 1
                    continue
            if j != i and last[j] > j and not any_between(breaks, j + 1, last[j]):
                parts.append(_text_content(nodes[j]))  # a plain subtree: its text in one call
                j = last[j] + 1
                continue
            text = nodes[j].text
            if text and isinstance(tag, str):
                parts.append(text)
            j += 1
        return collapse_whitespace("".join(parts))

    def _plain(self, i: int) -> bool:
        """Nothing hidden and no block-level element anywhere inside: all its text is visible text."""
        return not self.hidden_at[i] and not any_between(self._breaks, i + 1, self.last_at[i])

    def _collect(self) -> list[Block]:
        """The blocks, in document order, stepping over the subtrees of hidden elements and of blocks.

        `_is_block` is written out, and a block's kind and links are read from the lists
        (`_kind_and_linked`).
        """
        nodes, tags, last, loose, hidden_at = self.nodes, self.tags, self.last_at, self._loose, self.hidden_at
        structural, anchors = self._structural, self.anchors
        blocks: list[Block] = []
        i, n = 0, len(nodes)
        while i < n:
            if hidden_at[i]:
                i = last[i] + 1
                continue
            tag = tags[i]
            if tag in _BLOCK_TAGS:
                if tag in _SPLITTABLE and any_between(structural, i + 1, last[i]):
                    i += 1  # a wrapper of other blocks
                    continue
            elif tag in ("ul", "ol", "tr", "tbody") or not loose[i]:
                i += 1
                continue
            el = nodes[i]
            text = self._text_at(i)
            if shows_nothing(text):
                text = ""  # a spacer paragraph ("<p>&zwj;</p>"): no block of text
            if not (tag == "input" and el.get("type", "text") == "hidden"):
                if text or tag in ("img", "figure", "input", "select", "textarea"):
                    links = any_between(anchors, i, last[i])  # most blocks hold no link
                    kind, linked = self._kind_and_linked(i, text, links)
                    blocks.append(Block(el, kind, text, count_collapsed_words(text), i, linked))
                elif _CONTROLS(el):  # <p><input type="email"></p>
                    blocks.append(Block(el, "field", "", 0, i, False))
            i = last[i] + 1
        return blocks

    def _kind_and_linked(self, i: int, text: str, has_links: bool) -> tuple[str, bool]:
        """`_kind` and `_linked` of the element at position `i`, read from the lists: its role,
        the classes and roles of its links, and one walk up its ancestors for both (past the
        index's root, when it sits inside a larger tree, through lxml).

        Its kind: a heading, a field, an action (a button, a link classed as one, or text in one),
        an image (no text) or text. Linked: an `<a>` around it within LINK_ANCESTOR_DEPTH levels
        (a card's title), or links holding 80 % of its text."""
        tags, classes, roles, parent_at = self.tags, self.classes, self.roles, self.parent_at
        # the <a> around it: within LINK_ANCESTOR_DEPTH levels it is linked, within 2 a button makes it one
        depth = cues.LINK_ANCESTOR_DEPTH
        linked = button = False
        node, outside = i, None
        levels = max(3, depth + 1) if self._in_link[i] or self._in_larger_tree else 0  # no <a> around it: no walk
        for level in range(levels):
            if node >= 0:
                tag, cls, role = tags[node], classes[node], roles[node]
                node = parent_at[node]
                if node < 0:
                    outside = self.nodes[0].getparent()  # None for a whole document
            elif outside is not None:
                tag, cls, role = outside.tag, outside.get("class"), outside.get("role")
                outside = outside.getparent()
            else:
                break
            if tag == "a":
                linked = linked or level <= depth
                button = button or (level < 3 and (_button_class(cls or "") or role == "button"))
        anchors: list[int] = []
        if has_links:  # the <a> elements inside, itself included: `el.iter("a")`
            start = bisect_left(self.anchors, i)
            anchors = self.anchors[start : bisect_right(self.anchors, self.last_at[i], start)]
        if not linked and anchors and text:
            link_chars = sum(len(self._plain_text_at(a)) for a in anchors)
            linked = link_chars >= 0.8 * len(text.replace(" ", ""))
        tag, role = tags[i], roles[i]
        if tag in HEADING_TAGS or role == "heading":
            return "heading", linked
        if tag == "input" and self.nodes[i].get("type") in ("submit", "button", "image"):
            return "action", linked
        if tag in ("input", "select", "textarea"):
            return "field", linked
        if not text:
            return "image", linked
        if tag == "button" or role == "button":
            return "action", linked
        if len(text) <= 60 and any(_button_class(classes[a] or "") or roles[a] == "button" for a in anchors):
            return "action", linked  # <p><a class="button">Text</a></p>
        return ("action" if button else "text"), linked  # <a class="button"><span>Text</span></a>

    @cached_property
    def sibling_counts(self) -> Counter[tuple[int, str, str | None]]:
        """How many elements share each (parent position, tag, class): cards and teaser lists repeat."""
        return Counter(self._sibling_keys)

    @cached_property
    def sibling_sizes(self) -> list[int]:
        """Per element, `sibling_counts` of its own (parent position, tag, class)."""
        return list(map(self.sibling_counts.__getitem__, self._sibling_keys))

    @cached_property
    def _sibling_keys(self) -> list[tuple[int, str, str | None]]:
        return list(zip(self.parent_at, self.tags, self.classes, strict=True))

    def elements(self, tag: str) -> list[HtmlElement]:
        """The elements of one tag, in document order: what `root.iter(tag)` gives, read from the lists.

        Metadata, the segmenter and the promo finder each look for one tag (<meta>, <script>, <h1>,
        <time>, <button>); `iter(tag)` has libxml2 visit every node of the page for each of them."""
        return [self.nodes[i] for i in self._positions_by_tag.get(tag, ())]

    def positions_of(self, tag: str) -> list[int]:
        """The positions of `elements(tag)`."""
        return self._positions_by_tag.get(tag, [])

    def tag_counts(self) -> dict[str, int]:
        """How many elements the page has of each tag (comments and processing instructions left out),
        read from the lists by tag."""
        return {tag: len(at) for tag, at in self._positions_by_tag.items() if isinstance(tag, str)}

    def positions_of_any(self, tags: Iterable[object]) -> list[int]:
        """The positions of the elements of any of `tags`, in document order: the few tags' lists
        merged, not a test of every element's tag."""
        by_tag = self._positions_by_tag
        return sorted(chain.from_iterable(by_tag.get(tag, ()) for tag in tags))

    def span(self, el: HtmlElement) -> tuple[int, int]:
        """Indices [start, end) of the blocks inside `el` (itself included)."""
        return self.span_at(self.order[el])

    def span_at(self, i: int) -> tuple[int, int]:
        """`span` of the element at position `i`."""
        return bisect_left(self.positions, i), bisect_right(self.positions, self.last_at[i])

    def inside(self, el: HtmlElement) -> list[Block]:
        start, end = self.span(el)
        return self.blocks[start:end]

    def contains(self, ancestor: HtmlElement, el: HtmlElement) -> bool:
        pos = self.order.get(el)
        if pos is None:
            return False
        at = self.order[ancestor]
        return at <= pos <= self.last_at[at]


def _has_text(run_text: str | None, run: list[HtmlElement]) -> bool:
    if run_text and run_text.strip():
        return True
    return any(
        (el.tail and el.tail.strip())
        or (not (isinstance(el.tag, str) and el.tag in cues.INVISIBLE_TAGS) and el.text_content().strip())
        for el in run
    )


#: Elements with non-blank text beside a child element, found by libxml2: a superset of those
#: `wrap_loose_text` rebuilds (blank by XPath's whitespace is blank by Python's), so the Python
#: checks run on a few elements a page instead of all. Whether the child is block-level is asked
#: in Python: forty-odd `self::` tests per child made the XPath twice as slow. Rebuilding one
#: never changes whether another qualifies, so the list can be taken before any is rebuilt. They are
#: found from their texts up (`descendant-or-self::*[*][text()[normalize-space()]]` selects the same),
#: a sixth faster: the text-node test then runs only under elements that have children.
_LOOSE_TEXT_CANDIDATES = XPath("descendant-or-self::*[*]/text()[normalize-space()]/..")


def _ends_in_break(el: HtmlElement) -> bool:
    """Whether an inline element's only block-level children are line breaks with nothing after them
    (`<b>A bold lead-in.<br></b>`): made a paragraph, it would leave its parent's text after it behind."""
    breaks = [c for c in el if isinstance(c.tag, str) and c.tag in cues.BLOCK_LEVEL_TAGS]
    return all(c.tag == "br" and not (c.tail and c.tail.strip()) for c in breaks)


def wrap_loose_text(root: HtmlElement) -> int:
    """Put text that stands loose beside block-level elements into paragraphs of its own.

    `<div><table>...</table>First line<br>Second <b>line</b><div>...</div></div>`: the loose
    runs become `<p>First line</p><p>Second <b>line</b></p>`, split at `<br>` and at every
    block-level child, so older pages that write paragraphs as `<br>`-separated text have
    blocks like any other page. Returns the number of paragraphs made.
    """
    made = 0
    block_level = cues.BLOCK_LEVEL_TAGS
    for el in _LOOSE_TEXT_CANDIDATES(root):
        if not any(isinstance(c.tag, str) and c.tag in block_level for c in el):
            continue  # most candidates: inline children only
        if not isinstance(el.tag, str) or _is_block(el) or el.tag in cues.INVISIBLE_TAGS or not _has_loose_text(el):
            continue
        if el.tag not in block_level and _ends_in_break(el):
            continue  # <li><b>Keep it current.<br></b>Make sure ...</li>: one line of its parent's text
        children = list(el)
        rebuilt: list[HtmlElement] = []
        run_text, run = el.text, []
        el.text = None
        for child in [*children, None]:
            if child is not None and not (isinstance(child.tag, str) and child.tag in block_level):
                run.append(child)
                continue
            if _has_text(run_text, run):
                paragraph = el.makeelement("p", {})
                paragraph.text = run_text
                paragraph.extend(run)
                rebuilt.append(paragraph)
                made += 1
            else:
                rebuilt.extend(run)
            if child is not None:
                run_text, run, child.tail = child.tail, [], None
                if child.tag != "br":
                    rebuilt.append(child)
        for child in children:
            if child.getparent() is el:
                el.remove(child)
        el.extend(rebuilt)
    return made


def unwrap_misnested_buttons(index: BlockIndex) -> bool:
    """Undo a button that swallowed the page: one holding a landmark or a form
    (`cues.BUTTON_CANNOT_HOLD_TAGS`) keeps its content and loses its tag, as a browser's parser
    would have closed it before them. Read from the index (a walk of the tree costs more than
    the look-up); the caller indexes the repaired tree again."""
    tags, last, cannot = index.tags, index.last_at, cues.BUTTON_CANNOT_HOLD_TAGS
    swallowing = [
        index.nodes[i]
        for i, tag in enumerate(tags)
        if tag == "button" and any(inner in cannot for inner in tags[i + 1 : last[i] + 1])
    ]
    for button in swallowing:
        button.drop_tag()
    return bool(swallowing)


def reveal_noscript(root: HtmlElement) -> bool:
    """Show `<noscript>` content when it is the page: a script-built site's text for readers without scripts.

    Forums and shops built by scripts put the whole page in `<noscript>` for crawlers; a page
    with more words there than anywhere else is read as a browser without scripts shows it.
    """
    hidden_words = sum(len(el.text_content().split()) for el in root.iter("noscript"))
    if hidden_words < cues.NOSCRIPT_MIN_WORDS:
        return False
    shown = 0
    stack = [root]
    while stack:
        el = stack.pop()
        if el.tail and el is not root:
            shown += len(el.tail.split())
        if not isinstance(el.tag, str) or el.tag in cues.INVISIBLE_TAGS:
            continue
        shown += len(el.text.split()) if el.text else 0
        if shown >= hidden_words:
            return False
        stack.extend(el)
    body = root.find("body")
    for el in list(root.iter("noscript")):
        el.tag = "div"
        if body is not None and el.getparent() is not None and el.getparent().tag == "head":
            body.insert(0, el)  # an unclosed <noscript> in <head> swallowed the page
    return True


def reveal_masked_page(root: HtmlElement) -> bool:
    """Show a page hidden behind a load mask: one element hidden by its inline style holding
    most of the body's words (`cues.MASK_MIN_WORD_SHARE`), which a script shows once the page
    has loaded. Its hiding style is removed; hidden menus and dialogs hold far less.
    """
    body = root.find("body")
    if body is None:
        return False
    masks = [el for el in _STYLED(body) if _hiding_style(el.get("style"))]
    total = None  # the body's words, counted once a mask with words asks
    for el in masks:
        words = _shown_words(el)
        if not words:
            continue  # a mask without words never holds a share of the page
        if total is None:
            total = _shown_words(body)
        if total and words >= cues.MASK_MIN_WORD_SHARE * total:
            el.attrib.pop("style")
            return True
    return False


def _shown_words(el: HtmlElement) -> int:
    """The words of an element's text outside its scripts, styles and templates: a shop's product JSON
    in a script can hold more words than the page a reader sees. An unseen element inside another
    (a <script> in a <template>) is subtracted once.

    Most unseen elements (scripts, styles) have no children, only text: their `.text` is their whole
    text, and nothing inside them is met again, so neither `text_content` nor a walk below them is asked.
    """
    words = len(el.text_content().split())
    if not words:
        return 0
    unshown = 0
    inside: set[HtmlElement] = set()
    for node in el.iterdescendants(*cues.INVISIBLE_TAGS):
        if node in inside:
            continue
        if len(node):  # children (comments count: text after one is not in `.text`)
            inside.update(node.iterdescendants(*cues.INVISIBLE_TAGS))
            unshown += len(node.text_content().split())
        elif node.text:
            unshown += len(node.text.split())
    return max(0, words - unshown)


def reveal_collapsed_panels(root: HtmlElement) -> int:
    """Show the panels of accordions, tabs and other disclosures: an element that a control names
    in `aria-controls` and that stays hidden until a reader opens it (WAI-ARIA's accordion and tab
    patterns). A product's details, a service page's answers and a guide's sections live there.
    Only the panel's own hiding attributes go; elements hidden inside it stay hidden. A menu
    opened the same way is shown too, and the scorer reads it as the menu it is."""
    controls: dict[str, HtmlElement] = {}
    found = _CONTROLLING_OR_TAB_PANELS(root)
    # showing a panel removes only hiding attributes: which elements are tab panels stays as found here
    tab_panels = [el for el in found if el.get("role") == "tabpanel"]
    for control in found:
        for token in control.get("aria-controls", "").split():
            controls.setdefault(token, control)
    shown = 0
    for el in _WITH_ID(root) if controls else ():
        control = controls.get(el.get("id"))
        if control is None:
            continue
        shown += _show(el)
        # and the wrappers that hold nothing but the panel, below its control's ancestors (a collapse's
        # <div style="display:none"> around it)
        around_control = set(control.iterancestors())
        child, node = el, el.getparent()
        while node is not None and node not in around_control and _only_child(child, node):
            shown += _show(node)
            child, node = node, node.getparent()
    for el in tab_panels:
        shown += _show(el)  # a tab's panel, named by its role only (a guide's code in each language)
    return shown


def reveal_labelling_titles(root: HtmlElement) -> int:
    """Show the titles that a box names as its label (`aria-labelledby`) and hides from screen readers
    (`aria-hidden="true"`) so that they are not read twice: the title is on screen ("Monitor your brand's
    visibility with X" heading a call-to-action box), and a box without its title is a button without its
    offer. Only `aria-hidden` goes, and only on a title inside the box that names it; a title hidden by
    its style or the `hidden` attribute is not shown, nor is anything else inside the box."""
    shown = 0
    for box in _LABELLED_BOXES(root):
        for token in box.get("aria-labelledby", "").split():
            # the first element of that id inside the box, asked of libxml2 (a box may be the whole <main>)
            title = next(iter(_DESCENDANT_OF_ID(box, id=token)), None)
            if title is not None and title.get("aria-hidden") == "true":
                del title.attrib["aria-hidden"]
                shown += 1
    return shown


def hide_hover_cards(root: HtmlElement) -> int:
    """Hide the hover cards a stylesheet shows only on hover (`cues.HOVER_CARD_XPATH`): a person's card after
    their name in a sentence ("Kristi NoemKristi Lynn NoemSouth Dakota governor doubles down ...") is no
    text of it. Returns the number hidden."""
    cards = _HOVER_CARDS(root)
    for card in cards:
        card.set("hidden", "hidden")
    return len(cards)


_AVATAR_HOLDERS = XPath("//@class[contains(., 'avatar')]/.. | //@id[contains(., 'avatar')]/..")
_AVATAR_INITIALS = re.compile(cues.AVATAR_INITIALS_PATTERN)
_CLASS_WORD_SPLIT = re.compile(r"[\s_-]+")


def class_words(*values: str | None) -> list[str]:
    """The lower-cased words of class and id values: "message-avatar avatar_u81" -> message, avatar, avatar, u81."""
    return _CLASS_WORD_SPLIT.split(" ".join(value for value in values if value).lower())


def hide_letter_avatars(root: HtmlElement) -> int:
    """Hide the initials a letter avatar draws for a poster without a photo (`cues.AVATAR_CLASS_TOKENS`): "J" before
    each post of a thread is a picture, no text of it. Returns the number hidden."""
    hidden = 0
    for holder in _AVATAR_HOLDERS(root):
        words = class_words(holder.get("class"), holder.get("id"))
        if cues.AVATAR_CLASS_TOKENS.isdisjoint(words) or holder.get("hidden") is not None:
            continue
        if _initials_only(holder):
            holder.set("hidden", "hidden")
            hidden += 1
    return hidden


def _initials_only(holder: HtmlElement) -> bool:
    """Whether all `holder` says is one or two letters (`cues.AVATAR_INITIALS_PATTERN`), read no further than
    the letter after them: an element named "avatar" may wrap a poster's whole card, or the whole thread."""
    parts, letters = [], 0
    for text in holder.itertext():
        letters += len(text.strip())
        if letters > cues.AVATAR_MAX_INITIALS:
            return False
        parts.append(text)
    return bool(_AVATAR_INITIALS.match("".join(parts)))


def separate_heading_parts(root: HtmlElement) -> int:
    """A space where a heading's text meets an element whose text starts a capitalised word, as the page shows
    them apart: a kicker over a headline ("Analysis<span>Tech oligarchs ...</span>"), a name over a job title
    ("Hannah Lindqvist<span>Business Reporter</span>"), "Reply<small>Cancel reply</small>". Only where a
    lower-case letter meets an upper-case one (a word does not change case there), and not in `<h1>`, whose
    parts the title reader weighs itself (`titles._h1_texts`). Returns the number of spaces put in."""
    put = 0
    for heading in root.iter(*cues.SEPARATED_PART_HEADINGS):
        for part in heading.iterdescendants():
            if not isinstance(part.tag, str):
                continue
            previous = part.getprevious()
            if previous is None:
                before = part.getparent().text
            else:  # the sibling's tail, or its own last text when nothing stands between them
                before = previous.tail or next(reversed([t for t in previous.itertext() if t]), None)
            if not before or not before[-1].islower():
                continue
            first = next((text for text in part.itertext() if text.strip()), "")
            if not first or not first[0].isupper():
                continue
            if previous is None:
                part.getparent().text = before + " "
            else:
                previous.tail = (previous.tail or "") + " "
            put += 1
    return put


def _show(el: HtmlElement) -> bool:
    hiding = [name for name in ("hidden", "aria-hidden", "style") if _hides(name, el.get(name))]
    for name in hiding:
        del el.attrib[name]
    return bool(hiding)


def _only_child(child: HtmlElement, parent: HtmlElement) -> bool:
    """Whether `child` is all `parent` shows: no other element but invisible ones, no text beside it."""
    if (parent.text or "").strip():
        return False
    return all((other is child or other.tag in _INVISIBLE) and not (other.tail or "").strip() for other in parent)


def _hides(name: str, value: str | None) -> bool:
    if value is None:
        return False
    if name == "aria-hidden":
        return value == "true"
    return name == "hidden" or _hiding_style(value)


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
