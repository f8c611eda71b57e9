"""Join an article body that the page splits into sibling chunks.

Some CMSes cut the article into several containers of the same class, with ads or
embeds between them (`div.article__body` once per chunk). trafilatura takes the first
container that looks like an article body and so loses every chunk after it. Moving the
later chunks' content into the first one, before extraction, keeps the whole article.
"""

from __future__ import annotations

from collections import defaultdict

from lxml.html import HtmlElement

from . import cues
from .blocks import BlockIndex


def _ancestors(el: HtmlElement, depth: int) -> list[HtmlElement]:
    out = []
    node = el.getparent()
    while node is not None and len(out) < depth:
        out.append(node)
        node = node.getparent()
    return out


def _close(a: HtmlElement, b: HtmlElement) -> bool:
    """Whether two containers share an ancestor a few levels up (the same article)."""
    near = set(_ancestors(a, cues.CHUNK_MAX_ANCESTOR_DISTANCE))
    return any(node in near for node in _ancestors(b, cues.CHUNK_MAX_ANCESTOR_DISTANCE))


def join_article_chunks(root: HtmlElement, index: BlockIndex, marked: set[HtmlElement]) -> int:
    """Move the content of later same-class body chunks into the first; returns chunks joined."""
    groups: dict[tuple[str, str], list[HtmlElement]] = defaultdict(list)
    for el in root.iter(*cues.CHUNK_TAGS):
        cls = el.get("class")
        if cls and index.p_words.get(el, 0) >= cues.CHUNK_MIN_P_WORDS:
            groups[(el.tag, cls)].append(el)
    joined = 0
    for chunks in groups.values():
        if len(chunks) < 2:
            continue
        chunks = [c for c in chunks if not any(o is not c and index.contains(o, c) for o in chunks)]
        chunks = [c for c in chunks if not any(node in marked for node in (c, *_ancestors(c, 50)))]
        if len(chunks) < 2:
            continue
        first = chunks[0]
        previous = first
        for other in chunks[1:]:
            if not _close(first, other) or not _only_boilerplate_between(index, previous, other, marked):
                break
            previous = other
            for child in list(other):
                first.append(child)
            if other.text and other.text.strip():
                first.append(_text_wrapper(other.text))
                other.text = None
            joined += 1
    return joined


def _only_boilerplate_between(index: BlockIndex, a: HtmlElement, b: HtmlElement, marked: set[HtmlElement]) -> bool:
    """Chunks of one body have only ads and other units between them, no text of their own.

    (A page builder's text widgets also share one class, but headings and other widgets
    of the article sit between them: joining those would reorder the article.)
    """
    _, after_a = index.span(a)
    before_b, _ = index.span(b)
    loose = 0
    for block in index.blocks[after_a:before_b]:
        if any(node in marked for node in (block.element, *_ancestors(block.element, 50))):
            continue
        if block.kind == "heading":
            return False
        loose += block.words
    return loose <= cues.CHUNK_MAX_WORDS_BETWEEN


def _text_wrapper(text: str) -> HtmlElement:
    from lxml.html import Element

    p = Element("p")
    p.text = text
    return p
