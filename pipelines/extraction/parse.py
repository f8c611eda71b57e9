"""Bytes to text to one lxml tree, shared by every later step.

Decoding follows the browser's order (BOM, HTTP header, `<meta charset>`), with
statistical detection when nothing is declared or the declared UTF-8 is not valid.
"""

from __future__ import annotations

import charset_normalizer
from lxml.html import HtmlElement
from trafilatura.utils import load_html
from w3lib.encoding import html_to_unicode, resolve_encoding

from .cues import NON_LATIN_ENCODING_PREFIXES


class ExtractionError(ValueError):
    """The input cannot be read as an HTML page (empty, binary, or not HTML)."""


def _detect(data: bytes) -> str | None:
    best = charset_normalizer.from_bytes(data[:65536]).best()
    return best.encoding if best else None


def _strict_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Decode a page as a browser would, correcting a declared charset the bytes contradict.

    Valid multi-byte UTF-8 is almost never accidental, so it wins over a declared legacy
    charset; declared UTF-8 that does not decode is re-detected, and a Latin-script guess
    becomes windows-1252, which such pages nearly always are.
    """
    encoding = resolve_encoding(html_to_unicode(content_type, data[:4096], auto_detect_fun=_detect)[0])
    if encoding == "utf-8":
        text = _strict_utf8(data)
        if text is not None:
            return text
        guessed = resolve_encoding(_detect(data) or "") or ""
        if not guessed.startswith(NON_LATIN_ENCODING_PREFIXES):
            guessed = "cp1252"
        return data.decode(guessed, errors="replace")
    if encoding not in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be") and not data.isascii():
        text = _strict_utf8(data)
        if text is not None:
            return text
    return html_to_unicode(content_type, data, auto_detect_fun=_detect)[1]


def parse_html(html: str | bytes, content_type: str | None = None) -> HtmlElement:
    """Parse a page into the lxml tree that metadata, body extraction and segmentation share."""
    if isinstance(html, bytes):
        if b"\x00" in html[:1024] and not html.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise ExtractionError("binary content (NUL bytes), not an HTML page")
        html = decode_html(html, content_type)
    html = html.replace("\x00", "")
    if not html.strip():
        raise ExtractionError("empty document")
    tree = load_html(html)
    if tree is None:
        raise ExtractionError("not an HTML document")
    return tree
