"""The body blocks as the record's plain text and Markdown."""

from __future__ import annotations

from collections.abc import Sequence

from lxml.html import HtmlElement

from .blocks import HEADING_TAGS, Block
from .whitespace import collapse_whitespace


def _table_rows(table: HtmlElement) -> list[str]:
    rows = []
    for tr in table.iter("tr"):
        cells = [collapse_whitespace("".join(cell.itertext())) for cell in tr if cell.tag in ("td", "th")]
        if any(cells):
            rows.append(" | ".join(cells))
    return rows


def block_text(block: Block) -> str:
    """A table keeps one line per row; every other block is its folded text."""
    if block.element.tag == "table":
        return "\n".join(_table_rows(block.element)) or block.text
    return block.text


def body_text(blocks: Sequence[Block]) -> str:
    """Blocks (headings, paragraphs, list items, quotes, tables) separated by a blank line."""
    return "\n\n".join(text for text in map(block_text, blocks) if text)


def _markdown(block: Block) -> str:
    tag = block.element.tag
    if tag in HEADING_TAGS:
        return "#" * int(tag[1]) + " " + block.text
    if block.kind == "heading":
        return "## " + block.text
    if tag == "li":
        return "- " + block.text
    if tag == "blockquote":
        return "> " + block.text
    if tag == "pre":
        return "```\n" + "".join(block.element.itertext()).strip("\n") + "\n```"
    if tag == "table":
        rows = _table_rows(block.element)
        if len(rows) > 1:
            width = rows[0].count(" | ") + 1
            return "\n".join([f"| {rows[0]} |", "|" + " --- |" * width, *(f"| {row} |" for row in rows[1:])])
    return block_text(block)


def body_markdown(blocks: Sequence[Block]) -> str | None:
    """The body as Markdown: headings, list items, quotes, code and tables keep their form."""
    parts = [_markdown(block) for block in blocks if block.text]
    return "\n\n".join(parts) or None
