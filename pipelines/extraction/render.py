"""Turn trafilatura's body tree into the record's plain text and Markdown."""

from __future__ import annotations

from lxml.etree import _Element
from trafilatura.xml import xmltotxt


def fold(text: str) -> str:
    """Whitespace runs to one space (str.split is several times faster than a regex here)."""
    return " ".join(text.split())


def _block_text(el: _Element) -> str:
    if el.tag == "list":  # every item is a block of its own
        items = (fold("".join(item.itertext())) for item in el.iterchildren("item"))
        return "\n\n".join(item for item in items if item)
    if el.tag == "table":
        rows = (
            " | ".join(fold("".join(cell.itertext())) for cell in row.iterchildren("cell")) for row in el.iter("row")
        )
        return "\n".join(row for row in rows if row.strip(" |"))
    return fold("".join(el.itertext()))


def body_text(body: _Element | None) -> str:
    """Blocks (headings, paragraphs, lists, quotes, tables) separated by a blank line."""
    if body is None:
        return ""
    blocks = (_block_text(el) for el in body)
    return "\n\n".join(block for block in blocks if block)


def body_markdown(body: _Element | None) -> str | None:
    if body is None:
        return None
    return xmltotxt(body, include_formatting=True).strip() or None
