"""Bytes to text to one lxml tree, shared by every later step.

Decoding follows the browser's order (BOM, HTTP header, `<meta charset>`), with
statistical detection when nothing is declared or the declared UTF-8 is not valid.
"""

from __future__ import annotations

import re

import charset_normalizer
import lxml.html
from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction
from trafilatura.utils import HTML_PARSER, load_html
from w3lib.encoding import html_to_unicode, resolve_encoding

from . import cues
from .cues import NON_LATIN_ENCODING_PREFIXES


class ExtractionError(ValueError):
    """The input cannot be read as an HTML page (empty, binary, or not HTML)."""


#: Binary formats servers send as text/html by mistake: PDF, images, archives, fonts, media, executables.
_BINARY_SIGNATURES = (
    b"%PDF-",
    b"%!PS",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"II*\x00",
    b"MM\x00*",
    b"\x00\x00\x01\x00",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"fLaC",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\xd0\xcf\x11\xe0",
    b"wOFF",
    b"wOF2",
    b"\x7fELF",
)
#: C0 control bytes that text does not contain (tab, LF, VT, FF, CR and ESC occur in real pages).
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 27), *range(28, 32)])
#: Characters libxml2 refuses, which trafilatura's `load_html` deletes with a regex run over the whole page.
_XML_INVALID_CHARS = (*(chr(c) for c in (*range(1, 9), 11, 12, *range(14, 32))), "\ufffe", "\uffff")
_WITHOUT_XML_INVALID = dict.fromkeys(map(ord, _XML_INVALID_CHARS))
#: ... and a character reference to one ("&#x1;", "&#27"), which the parser puts in the tree's text.
_CONTROL_REFERENCE = re.compile(
    r"&#(?:[xX]0*(?:[1-8bcefBCEF]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F])|0*(?:[1-8]|1[124-9]|2[0-9]|3[01]|6553[45])(?!\d))"
)

#: trafilatura's parser (`load_html` parses with it), looking element classes up in C: lxml.html's
#: own lookup calls Python for each of the thousand-odd element proxies a page makes, to give
#: forms, inputs and labels classes of their own that nothing here uses.
_PARSER = HTML_PARSER.copy()
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
)
#: Above this share of control bytes in its first KiB, a body is binary, not text with a few stray NULs.
_BINARY_SHARE = 0.1


def looks_binary(data: bytes) -> bool:
    """Whether `data` is a binary file rather than a page, however it was labelled.

    A known file signature decides at once. Otherwise, control bytes decide: a binary
    format is full of them, while a page with a stray NUL (in a meta tag, say) is still a
    page, and one NUL used to be enough to drop it. UTF-16/32 with a BOM is text.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    head = data[:1024]
    if head.startswith(_BINARY_SIGNATURES):
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > _BINARY_SHARE * len(head)


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
    return _decoded(data, content_type)[0]


def _decoded(data: bytes, content_type: str | None) -> tuple[str, bool]:
    """`decode_html`'s text, and whether it is `data` read as strict UTF-8: then `data` is its UTF-8
    encoding, which the parser can take as it is instead of encoding the text again."""
    encoding = resolve_encoding(html_to_unicode(content_type, data[:4096], auto_detect_fun=_detect)[0])
    if encoding == "utf-8":
        text = _strict_utf8(data)
        if text is not None:
            return text, True
        guessed = resolve_encoding(_detect(data) or "") or ""
        if not guessed.startswith(NON_LATIN_ENCODING_PREFIXES):
            guessed = "cp1252"
        return data.decode(guessed, errors="replace"), False
    if encoding not in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be") and not data.isascii():
        text = _strict_utf8(data)
        if text is not None:
            return text, True
    return html_to_unicode(content_type, data, auto_detect_fun=_detect)[1], False


def parse_html(html: str | bytes, content_type: str | None = None) -> HtmlElement:
    """Parse a page into the lxml tree that metadata, body extraction and segmentation share."""
    encoded = None  # the page's UTF-8 bytes, when they are what was fetched
    if isinstance(html, bytes):
        if looks_binary(html):
            raise ExtractionError("binary content, not an HTML page")
        data = html
        html, utf8 = _decoded(data, content_type)
        encoded = data if utf8 else None
    if (b"\x00" in encoded) if encoded is not None else ("\x00" in html):  # a byte search is the faster
        html, encoded = html.replace("\x00", ""), None
    if not html.strip():
        raise ExtractionError("empty document")
    tree = _parse_plain(html, encoded)
    if tree is None:
        tree = load_html(html)
    if tree is None:
        raise ExtractionError("not an HTML document")
    if not isinstance(tree.tag, str) or tree.tag.lower() != "html":
        tree = _in_html_document(tree)
    if _CONTROL_REFERENCE.search(html):
        _drop_referenced_controls(tree)  # first: lxml refuses to set text holding one, as the mending below does
    _merge_trailing_roots(tree)
    if any(mark in html for mark in cues.MOJIBAKE_MARKS):
        repair_mojibake(tree)
    return tree


def _drop_referenced_controls(tree: HtmlElement) -> None:
    """The tree's text without the control characters a page wrote as references (raw ones `load_html` deletes):
    nothing a reader sees, noise in every field of text, and text lxml refuses to set back on an element."""
    for text in _TEXTS(tree):
        clean = str(text).translate(_WITHOUT_XML_INVALID)
        if clean != text:
            _replace_text(text, clean)


def _replace_text(text: etree._ElementUnicodeResult, value: str) -> bool:
    """Put `value` where the tree held the text node `text` (its parent's text or tail); False for a text that
    has no parent element."""
    parent = text.getparent()
    if parent is None:
        return False
    if text.is_tail:
        parent.tail = value
    else:
        parent.text = value
    return True


_MOJIBAKE = re.compile(cues.MOJIBAKE_PATTERN)
_TEXTS = etree.XPath("//text()[not(parent::script or parent::style or parent::template)]")


def repaired(text: str) -> str:
    """Text that a page encoded twice (UTF-8 read as Latin-1 or Windows-1252: "f\u00c3\u00bcr" for "f\u00fcr",
    "isn\u00e2\u20ac\u2122t" for "isn't") put right by ftfy. ftfy leaves text that only looks like it (a page
    about mojibake, "caf\u00e9\u2013bar") as it is in most cases."""
    if not _MOJIBAKE.search(text):
        return text
    from ftfy import fix_encoding  # imported when a page needs it: ~50 ms a process, and most pages never do

    return fix_encoding(text)


def repair_mojibake(tree: HtmlElement) -> int:
    """`repaired` on the tree's text, in place: the body, the title and every field read the text a reader
    of a well-made page would. Returns the number of texts changed."""
    changed = 0
    for text in _TEXTS(tree):
        fixed = repaired(str(text))
        if fixed == text:
            continue
        changed += _replace_text(text, fixed)
    return changed


def _parse_plain(html: str, encoded: bytes | None = None) -> HtmlElement | None:
    """The tree `load_html` gives, parsed with its parser's options, when none of its repairs applies.

    `load_html` first deletes XML-invalid characters (a regex over the whole page, a third of
    its time), then rewrites a doctype holding a `/` and a self-closing `<html/>`; most pages
    need none of these, which substring searches tell faster. None when a repair may apply or
    the parse looks doubtful: `load_html` then does it all. `encoded`: `html` in UTF-8, if at hand.
    """
    beginning = html[:50].lower()
    if "html" not in beginning or any(char in html for char in _XML_INVALID_CHARS):
        return None
    if "doctype" in beginning:  # `load_html` rebuilds the page around its first line
        first_line, newline, _ = html.partition("\n")
        if not newline or "/" in first_line.partition(">")[0]:
            return None
    if any("<html" in line and line.endswith("/>") for line in html[:4096].splitlines()[:4]):
        return None
    try:
        tree = lxml.html.fromstring(_as_utf8(html, encoded), parser=_PARSER)
    except ValueError:  # an XML declaration naming an encoding
        return None
    return tree if tree is not None and len(tree) >= 2 else None


def _as_utf8(html: str, encoded: bytes | None = None) -> str | bytes:
    """The page as UTF-8 bytes, which the parser (set to UTF-8) reads into the same tree as the
    str, faster: a str with any character past U+00FF is handed to libxml2 as UTF-16 or UCS-4,
    and converted. The str itself when it starts with an XML declaration (lxml refuses one
    naming an encoding in a str, which sends the page to `load_html`) or cannot be encoded.
    `encoded`, when given, is `html` in UTF-8 already (the fetched bytes)."""
    if html.startswith("<?xml"):
        return html
    if encoded is not None:
        return encoded
    try:
        return html.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return html


def _merge_trailing_roots(root: HtmlElement) -> None:
    """Content after an early `</html>` is still the page: libxml2 puts it in a second root
    beside the first (reachable by `//` XPaths, invisible to `root.iter()`); a browser shows it
    in the body, so it goes to the end of the body. So does text after `</body>` (a stray `-->` of a
    broken comment): left as the tail of the body, it made the whole `<html>` one block of loose text."""
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    tail = body.tail
    if tail and not tail.isspace():
        body.tail = None
        if len(body):
            body[-1].tail = (body[-1].tail or "") + tail
        else:
            body.text = (body.text or "") + tail
    extra = root.getnext()
    while extra is not None:
        following = extra.getnext()
        if isinstance(extra.tag, str):
            for child in list(extra.find("body") if extra.find("body") is not None else extra):
                if child.tag != "head":
                    body.append(child)
        extra = following


def _in_html_document(fragment: HtmlElement) -> HtmlElement:
    """A fragment parsed without an <html> root (e.g. `<svg><html>`) put into `<html><body>`.

    Every later step may drop or move any element, which lxml cannot do to a root:
    htmldate's cleaning failed an assertion on a root `<svg>`.
    """
    root = lxml.html.Element("html")
    body = etree.SubElement(root, "body")
    body.append(fragment)
    return root
