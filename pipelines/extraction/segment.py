"""Find the boilerplate units of a page (bio, promo, form, share, related, ...) and label them.

Two passes over the one parsed tree:
- top-down, the outermost element whose tag, role or class/id keywords name a label;
- bottom-up from text evidence (an e-mail field, a cue heading, a price or pre-order
  button, a third-person credentials sentence, an inline "Read more:" link), growing to
  the largest enclosing widget that still holds nothing else. This is what finds units in
  page builders, where every widget has the same classes.
A unit that would swallow the article (its title, or half its paragraph text) is refused.
The body is then extracted from the tree with the units pruned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from lxml.html import HtmlElement

from . import cues
from .render import fold


class BlockLabel(str, Enum):
    BODY = "body"
    TITLE = "title"
    BYLINE = "byline"
    BIO = "bio"
    PROMO = "promo"
    FORM = "form"
    SHARE = "share"
    RELATED = "related"
    COMMENTS = "comments"
    NAVIGATION = "navigation"
    FOOTER = "footer"
    CONSENT = "consent"
    OTHER = "other"


@dataclass
class Unit:
    label: BlockLabel
    element: HtmlElement
    reason: str
    text: str


UNIT_ATTRIBUTE = "data-thresher-label"
PRUNE_XPATH = f"//*[@{UNIT_ATTRIBUTE}]"

_ATTRIBUTE_CUES = [(BlockLabel(label), re.compile(pattern)) for label, pattern in cues.ATTRIBUTE_CUES]
_HEADING_CUES = [(BlockLabel(label), re.compile(pattern, re.I)) for label, pattern in cues.HEADING_CUES]
_FORM_KINDS = [(kind, re.compile(pattern, re.I)) for kind, pattern in cues.FORM_KIND_CUES]
_HIDDEN_STYLE = re.compile(cues.HIDDEN_STYLE_PATTERN, re.I)
_PROMO_TEXT = re.compile(cues.PROMO_TEXT_PATTERN, re.I)
_BIO_TEXT = re.compile(cues.BIO_TEXT_PATTERN, re.I)
_INLINE_RELATED = re.compile(cues.INLINE_RELATED_PATTERN, re.I)
_SHARE_TEXT = re.compile(cues.SHARE_TEXT_PATTERN, re.I)
_CONTAINER_TAGS = frozenset(
    {
        "div",
        "section",
        "aside",
        "article",
        "figure",
        "form",
        "ul",
        "ol",
        "table",
        "header",
        "footer",
        "nav",
        "details",
        "center",
    }
)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CUE_TAGS = frozenset({"p", "div", "li", "section"})
_TEXT_TAGS = frozenset({"p", "div", "span", "li", "td", "dd", "blockquote", "strong", "em", "b", "small"})


def _is_hidden(el: HtmlElement) -> bool:
    if el.tag in cues.INVISIBLE_TAGS or not isinstance(el.tag, str):
        return True
    attrib = el.attrib
    return "hidden" in attrib or bool(_HIDDEN_STYLE.search(attrib.get("style", "")))


def _cue_text(el: HtmlElement) -> str:
    return " ".join(el.get(name, "") for name in cues.CUE_ATTRIBUTES).lower()


def form_kind(text: str, element: HtmlElement | None = None) -> str:
    """newsletter, contact, booking, application, download, search or other."""
    if element is not None and element.xpath(cues.SEARCH_FORM_XPATH):
        return "search"
    for kind, pattern in _FORM_KINDS:
        if pattern.search(text):
            return kind
    return "other"


class _Page:
    """Per-page facts computed once: visible words and paragraph words of every element."""

    def __init__(self, root: HtmlElement, title: str | None) -> None:
        self.root = root
        self.title = title
        self._text: dict[HtmlElement, str] = {}
        self._words: dict[HtmlElement, int] = {}
        self._p_words: dict[HtmlElement, int] = {}
        for el in reversed(list(root.iter())):  # children before their parents
            if not isinstance(el.tag, str) or _is_hidden(el):
                self._words[el] = self._p_words[el] = 0
                continue
            words = len((el.text or "").split())
            p_words = 0
            for child in el:
                words += self._words[child] + len((child.tail or "").split())
                p_words += self._p_words[child]
            self._words[el] = words
            self._p_words[el] = words if el.tag == "p" else p_words
        self.p_words = self._p_words.get(root, 0)
        h1s = [h for h in root.iter("h1") if self._words.get(h)]
        self.title_heading = h1s[0] if h1s else None

    def text(self, el: HtmlElement) -> str:
        if el not in self._text:
            self._text[el] = fold(" ".join(_visible_text(el)))
        return self._text[el]

    def words(self, el: HtmlElement) -> int:
        return self._words.get(el, 0)

    def holds_article(self, el: HtmlElement) -> bool:
        """True when labelling `el` as boilerplate would take the article with it."""
        if el is self.root or el.tag in ("body", "html", "main"):
            return True
        if self.title_heading is not None and _contains(el, self.title_heading):
            return True
        if self.p_words >= 100:
            return self._p_words.get(el, 0) > cues.MAX_UNIT_SHARE_OF_BODY * self.p_words
        return False


def _visible_text(el: HtmlElement) -> Iterator[str]:
    stack: list[tuple[HtmlElement, bool]] = [(el, False)]
    while stack:
        node, tail_only = stack.pop()
        if tail_only:
            if node.tail:
                yield node.tail
            continue
        if node is not el:
            stack.append((node, True))
        if _is_hidden(node):
            continue
        if node.text:
            yield node.text
        stack.extend((child, False) for child in reversed(node))


def _contains(ancestor: HtmlElement, el: HtmlElement) -> bool:
    node = el
    while node is not None:
        if node is ancestor:
            return True
        node = node.getparent()
    return False


def _attribute_label(el: HtmlElement) -> tuple[BlockLabel, str] | None:
    role = el.get("role", "").lower()
    if role in cues.ROLE_LABELS:
        return BlockLabel(cues.ROLE_LABELS[role]), f"role={role}"
    if el.tag in cues.TAG_LABELS and el.tag != "form":
        if el.tag == "footer" and el.xpath("ancestor::article"):
            return None  # an article's own footer: look inside it
        return BlockLabel(cues.TAG_LABELS[el.tag]), f"tag={el.tag}"
    text = _cue_text(el)
    if text.strip():
        for label, pattern in _ATTRIBUTE_CUES:
            match = pattern.search(text)
            if match:
                return label, f"attr:{match.group(0)}"
    return None


def _in_units(el: HtmlElement, marked: set[HtmlElement]) -> bool:
    node = el
    while node is not None:
        if node in marked:
            return True
        node = node.getparent()
    return False


class Segmenter:
    """Labels the units of one page. Use `segment_units(tree, title, authors)`."""

    def __init__(self, root: HtmlElement, title: str | None, authors: list[str]) -> None:
        self.page = _Page(root, title)
        self.root = root
        self.author_tokens = {tok.lower() for name in authors for tok in name.split() if len(tok) >= 4}
        self.units: list[Unit] = []
        self.marked: set[HtmlElement] = set()

    def _add(self, el: HtmlElement, label: BlockLabel, reason: str) -> None:
        text = self.page.text(el)
        if not text:
            return
        # a new unit replaces the units it contains
        self.units = [u for u in self.units if not _contains(el, u.element)]
        self.marked = {u.element for u in self.units}
        self.units.append(Unit(label, el, reason, text))
        self.marked.add(el)

    # --- pass 1: declared structure ------------------------------------------------
    def top_down(self) -> None:
        stack = [self.root]
        while stack:
            el = stack.pop()
            if _is_hidden(el):
                continue
            found = _attribute_label(el) if el is not self.root else None
            if found and not self._guarded(el, found[0]):
                label, reason = found
                if label is BlockLabel.OTHER:  # aside / complementary: look for better units inside
                    stack.extend(reversed(el))
                    continue
                if el.tag in _HEADING_TAGS:  # a labelled heading names the section after it
                    self._add_heading_section(el, label, 600, reason + ",heading-section")
                self._add(el, label, reason)
                continue
            if el.tag == "form":
                self._add_form(el, "tag=form")
                continue
            stack.extend(reversed(el))

    def _guarded(self, el: HtmlElement, label: BlockLabel) -> bool:
        if label is BlockLabel.COMMENTS and self.page.title_heading is not None:
            return _contains(el, self.page.title_heading)
        return self.page.holds_article(el)

    def _add_form(self, el: HtmlElement, reason: str) -> None:
        if el.xpath(cues.PASSWORD_INPUT_XPATH):
            self._add(el, BlockLabel.OTHER, reason + ",login")
        elif el.xpath(cues.SEARCH_FORM_XPATH):
            self._add(el, BlockLabel.NAVIGATION, reason + ",search")
        elif not self.page.holds_article(el):
            self._add(el, BlockLabel.FORM, reason)

    # --- pass 2: text evidence -------------------------------------------------------
    def grow(self, seed: HtmlElement, max_words: int) -> HtmlElement | None:
        """The largest ancestor of `seed` that is still a small widget of its own."""
        best = seed if seed.tag in _CONTAINER_TAGS or seed.tag in _TEXT_TAGS else None
        node = seed.getparent()
        while node is not None and node is not self.root and node.tag not in ("body", "html"):
            if node in self.marked or self.page.words(node) > max_words or self.page.holds_article(node):
                break
            if len(node.xpath(cues.EMAIL_INPUT_XPATH)) > max(1, len(seed.xpath(cues.EMAIL_INPUT_XPATH))):
                break  # would merge two forms
            best = node
            node = node.getparent()
        return best

    def _grown(self, seed: HtmlElement, max_words: int) -> HtmlElement:
        unit = self.grow(seed, max_words)
        return seed if unit is None else unit

    def _unmarked(self, tags: frozenset[str] | None = None) -> Iterator[HtmlElement]:
        """Visible elements outside the units found so far, in document order."""
        stack = [self.root]
        while stack:
            el = stack.pop()
            if el in self.marked or not isinstance(el.tag, str) or _is_hidden(el):
                continue
            if tags is None or el.tag in tags:
                yield el
            stack.extend(reversed(el))

    def bottom_up(self) -> None:
        for el in self._unmarked():
            if el.tag == "input" and el.xpath("self::" + cues.EMAIL_FIELD):
                unit = self.grow(el, 150)
                if unit is not None:
                    kind_text = self.page.text(unit)
                    if _PROMO_TEXT.search(kind_text) and not re.search(
                        r"free|newsletter|subscribe|sign ?up", kind_text, re.I
                    ):
                        self._add(unit, BlockLabel.PROMO, "email-field+offer")
                    else:
                        self._add(unit, BlockLabel.FORM, "email-field")
            elif el.tag in _HEADING_TAGS or (el.tag in ("p", "strong", "b", "span", "div") and len(el) == 0):
                self._heading_cue(el)
        for el in self._unmarked(_CUE_TAGS):
            if not _in_units(el, self.marked):
                self._text_cues(el)

    def _heading_cue(self, el: HtmlElement) -> None:
        text = self.page.text(el)
        if not text or len(text) > 80:
            return
        for label, pattern in _HEADING_CUES:
            if pattern.search(text):
                max_words = 600 if label in (BlockLabel.RELATED, BlockLabel.COMMENTS) else 400
                unit = self._grow_from_heading(el, max_words)
                if unit is not None:
                    self._add(unit, label, f"heading:{text[:40]}")
                elif el.tag in _HEADING_TAGS:
                    self._add_heading_section(el, label, max_words, f"heading-section:{text[:40]}")
                return

    def _add_heading_section(self, heading: HtmlElement, label: BlockLabel, max_words: int, reason: str) -> None:
        """An unwrapped section: the heading and its following siblings up to the next heading."""
        section = [heading]
        words = 0
        for sibling in heading.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            if sibling.tag in _HEADING_TAGS and sibling.tag <= heading.tag:
                break
            words += self.page.words(sibling)
            if words > max_words or self.page.holds_article(sibling):
                return
            section.append(sibling)
        if len(section) > 1:
            for el in section:
                self._add(el, label, reason)

    def _grow_from_heading(self, heading: HtmlElement, max_words: int) -> HtmlElement | None:
        """The largest ancestor that starts with this heading (no text before it)."""
        best = None
        node = heading
        while True:
            parent = node.getparent()
            if parent is None or parent is self.root or parent.tag in ("body", "html") or parent in self.marked:
                break
            if self.page.words(parent) > max_words or self.page.holds_article(parent):
                break
            before = parent.text or ""
            for sibling in parent:
                if sibling is node:
                    break
                before += self.page.text(sibling)
            if before.strip():
                break
            best = node = parent
        return best

    def _text_cues(self, el: HtmlElement) -> None:
        words = self.page.words(el)
        if not words or words > cues.MAX_WIDGET_WORDS:
            return
        text = self.page.text(el)
        if el.tag in ("p", "li", "div") and words <= 40 and _INLINE_RELATED.search(text) and el.xpath(".//a[@href]"):
            self._add(el, BlockLabel.RELATED, "text:inline-link")
            return
        if words <= 25 and _SHARE_TEXT.search(text):
            self._add(self._grown(el, 60), BlockLabel.SHARE, "text:share-prompt")
            return
        if el.tag not in _CONTAINER_TAGS or words > cues.MAX_WIDGET_WORDS or self.page.holds_article(el):
            return
        has_action = bool(el.xpath(cues.BUTTON_XPATH))
        if has_action and words <= 150 and _PROMO_TEXT.search(text):
            unit = self._grown(el, 150)
            self._add(unit, BlockLabel.PROMO, "text:offer+button")
            return
        head = text[:300]
        if _BIO_TEXT.search(head) and self._mentions_author_or_photo(el, head):
            self._add(self._grown(el, cues.MAX_WIDGET_WORDS), BlockLabel.BIO, "text:credentials")

    def _mentions_author_or_photo(self, el: HtmlElement, head: str) -> bool:
        lowered = head.lower()
        if self.author_tokens and any(tok in lowered for tok in self.author_tokens):
            return True
        return bool(el.xpath(".//img")) or bool(re.match(r"^(hi|hello|welcome|thank you|my name)", lowered))

    def run(self) -> list[Unit]:
        self.top_down()
        self.bottom_up()
        order = {el: i for i, el in enumerate(self.root.iter())}
        self.units.sort(key=lambda u: order.get(u.element, 0))
        return self.units


def segment_units(root: HtmlElement, title: str | None = None, authors: list[str] | None = None) -> list[Unit]:
    """Label the boilerplate units of a page and mark them for pruning before body extraction."""
    units = Segmenter(root, title, authors or []).run()
    for unit in units:
        unit.element.set(UNIT_ATTRIBUTE, unit.label.value)
    return units


def selector(el: HtmlElement) -> str:
    """A short CSS-like path: tag, id or first class, for each ancestor up to 4 levels."""
    parts = []
    node = el
    while node is not None and len(parts) < 4 and node.tag not in ("html", "body"):
        part = node.tag
        if node.get("id"):
            part += "#" + node.get("id").split()[0]
        elif node.get("class"):
            part += "." + node.get("class").split()[0]
        parts.append(part)
        node = node.getparent()
    return " > ".join(reversed(parts))
