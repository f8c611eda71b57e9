"""Find the boilerplate units of a page (bio, promo, form, share, related, ...) and label them.

Two passes over the one parsed tree:
- top-down, the outermost element whose tag, role or class/id keywords name a label;
- bottom-up from evidence in the page's content blocks (an e-mail field, a cue heading, a
  heading that is the author's name, a price or pre-order line, a third-person credentials
  sentence, an inline "Read more:" link).
Each unit found is then grown to its widget (ancestors that add little text) and extended
over neighbouring blocks: back to the heading that introduces it, forward over its
description, price and button. That is what finds units in page builders, where every
widget has the same classes and a unit is a run of sibling widgets.
A unit that would swallow the article (its title, or half its paragraph text) is refused.
The units' labels are features of the learned block scorer (`features.py`), and the units
it does not overrule fill the record's bio, promos, forms and related (`body.py`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from itertools import accumulate, islice
from urllib.parse import unquote

from lxml.etree import XPath
from lxml.html import HtmlElement

from . import cues
from .blocks import HEADING_TAGS, Block, BlockIndex, any_between, visible_text
from .patterns import PatternSet, compile_pattern
from .urls import brand_words, join_url, site_host, split_url, url_host
from .whitespace import collapse_whitespace, folded


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
    """One boilerplate unit: a widget, or a run of neighbouring blocks read as one."""

    label: BlockLabel
    elements: list[HtmlElement]
    reason: str
    text: str

    @property
    def element(self) -> HtmlElement:
        return self.elements[0]


_ATTRIBUTE_CUES = [(BlockLabel(label), compile_pattern(pattern)) for label, pattern in cues.ATTRIBUTE_CUES]
# XPath expressions compiled once (lxml compiles a string on every call)
_SEARCH_FORM = XPath(cues.SEARCH_FORM_XPATH)
_CONTROLS = XPath(cues.CONTROL_XPATH)
_BUTTONS = XPath(cues.BUTTON_XPATH)
_EMAIL_INPUTS = XPath(cues.EMAIL_INPUT_XPATH)
_IS_EMAIL_FIELD = XPath("self::" + cues.EMAIL_FIELD)
_PASSWORD_INPUTS = XPath(cues.PASSWORD_INPUT_XPATH)
_IN_ARTICLE = XPath("ancestor::article")
_LINKS = XPath(".//a[@href]")
_STORY_CARDS_REASON = "teasers:story-cards"
_CARDS_AMONG_UNITS_REASON = "teasers:story-cards,among-units"
_CARD_RUN_REASON = "teasers:card-run"
_IMAGES = XPath(".//img")
_QUOTES = XPath(".//blockquote")
_ANY_ATTRIBUTE_CUES = PatternSet({i: (pattern, False) for i, (_, pattern) in enumerate(cues.ATTRIBUTE_CUES)})
_HEADING_CUES = [(BlockLabel(label), compile_pattern(pattern, re.I)) for label, pattern in cues.HEADING_CUES]
_FORM_PAGE_LINK = compile_pattern(cues.FORM_PAGE_LINK_PATTERN, re.I)
_FORM_KINDS = [(kind, compile_pattern(pattern, re.I)) for kind, pattern in cues.FORM_KIND_CUES]
_PROMO_TEXT = compile_pattern(cues.PROMO_TEXT_PATTERN, re.I)
#: Told by a set (`compile_pattern`'s `set_test`): its counted gaps made a search about 60 us.
_STRONG_PROMO_TEXT = compile_pattern(cues.STRONG_PROMO_TEXT_PATTERN, re.I, set_test=True)
_PAID_TEXT = compile_pattern(cues.PAID_OFFER_PATTERN, re.I)
_INCENTIVE = compile_pattern(cues.SIGNUP_INCENTIVE_PATTERN, re.I)
_INCENTIVE_CONTEXT = compile_pattern(cues.SIGNUP_INCENTIVE_CONTEXT_PATTERN, re.I)
_SPONSORED = compile_pattern(cues.SPONSORED_LABEL_PATTERN, re.I)
_APPEAL = compile_pattern(cues.READER_APPEAL_PATTERN, re.I)
_PRODUCT_CALL = compile_pattern(cues.PRODUCT_CALL_PATTERN, re.I)
_TRIAL_TEXT = compile_pattern(cues.TRIAL_OFFER_PATTERN, re.I)
_PRICE = compile_pattern(cues.PRICE_OR_PERCENT_PATTERN)
_FREE_SIGNUP_TEXT = compile_pattern(cues.FREE_SIGNUP_PATTERN, re.I)
_SIGNUP_TEXT = compile_pattern(cues.SIGNUP_PATTERN, re.I)
_FORM_NOTE = compile_pattern(cues.FORM_NOTE_PATTERN, re.I)
_BIO_TEXT = compile_pattern(cues.BIO_TEXT_PATTERN, re.I, set_test=True)  # ~46 heads a page
_COMPANY_DESCRIPTION = compile_pattern(cues.COMPANY_DESCRIPTION_PATTERN, re.I)
_LIST_INTRODUCTION = re.compile(cues.LIST_INTRODUCTION_PATTERN)
_FIRST_PERSON_INTRO = compile_pattern(cues.FIRST_PERSON_INTRO_PATTERN, re.I)
_BIO_GREETING = re.compile(cues.BIO_GREETING_PATTERN)
_BIO_LEAD = compile_pattern(cues.BIO_LEAD_PATTERN, re.I)
_BIO_CONTINUES = compile_pattern(cues.BIO_CONTINUATION_PATTERN, re.I)
_SHARE_PROMPT = compile_pattern(cues.SHARE_PROMPT_PATTERN, re.I)
_BYLINE_TEXT = compile_pattern(cues.BYLINE_TEXT_PATTERN, re.I)
_AD_LABEL = compile_pattern(cues.AD_LABEL_PATTERN, re.I)
_EMBED = compile_pattern(cues.EMBED_CUE_PATTERN)
_LINE_CUES = [(BlockLabel(label), compile_pattern(pattern, re.I), words) for label, pattern, words in cues.LINE_CUES]
_LINE_CUE_MAX_WORDS = max(words for _, _, words in cues.LINE_CUES)
_WORDS = compile_pattern(r"\w+")
_HONORIFIC = compile_pattern(cues.HONORIFIC_PATTERN, re.I)
_BRAND_SIGNUP = compile_pattern(cues.BRAND_SIGNUP_PATTERN, re.I)
_NEWSLETTER = compile_pattern(cues.FREE_SIGNUP_NEWSLETTER_PATTERN, re.I)
_PRICE_LINE = compile_pattern(cues.PRICE_LINE_PATTERN, re.I)
_CALL_START = compile_pattern(cues.CALL_TO_ACTION_START_PATTERN, re.I)
_TEASER_CALL_HREF = compile_pattern(cues.TEASER_CALL_HREF_PATTERN, re.I)
_RELATED_SURE_HEADING = compile_pattern(cues.RELATED_SURE_HEADING_PATTERN, re.I)
_BUTTON_LIKE = XPath(cues.BUTTON_CLASS_XPATH)
#: The cues `_text_cues`, `_promo` and `_cue_label` ask of a block's text, decided in one
#: pass (name: pattern, anchored for a `match`); "line-cue" and "heading-cue" say whether any
#: of LINE_CUES / HEADING_CUES occurs, before the lists are searched one by one.
_TEXT_CUES = PatternSet(
    {
        "inline-related": (cues.INLINE_RELATED_PATTERN, False),
        "dateline": (cues.DATELINE_PATTERN, True),
        "line-cue": ("|".join(f"(?:{pattern})" for _, pattern, _ in cues.LINE_CUES), False),
        "control-line": ("|".join(f"(?:{pattern})" for _, pattern in cues.CONTROL_LINE_CUES), False),
        "share-text": (cues.SHARE_TEXT_PATTERN, False),
        "share-prompt": (cues.SHARE_PROMPT_PATTERN, False),
        "sign-up": (cues.SIGNUP_CALL_PATTERN, False),
        "announcement": (cues.ANNOUNCEMENT_PATTERN, False),
        "strong-promo": (cues.STRONG_PROMO_TEXT_PATTERN, False),
        "promo": (cues.PROMO_TEXT_PATTERN, False),
        "byline": (cues.BYLINE_TEXT_PATTERN, False),
        "heading-cue": ("|".join(f"(?:{pattern})" for _, pattern in cues.HEADING_CUES), False),
    },
    re.I,
)
#: The units whose control lines are units of their own (`Segmenter.nested_control_lines`).
_CONTROL_HOSTS = frozenset({BlockLabel.COMMENTS, BlockLabel.RELATED, BlockLabel.PROMO, BlockLabel.OTHER})
_CONTROL_LINES = [(BlockLabel(label), compile_pattern(pattern, re.I)) for label, pattern in cues.CONTROL_LINE_CUES]
_LINKED_CONTROL_LINES = [
    (BlockLabel(label), compile_pattern(pattern, re.I)) for label, pattern in cues.LINKED_CONTROL_LINE_CUES
]


def _linked_control_label(block: Block) -> BlockLabel | None:
    """The label of the linked control line the block is (`cues.LINKED_CONTROL_LINE_CUES`), if it is one."""
    if not block.linked:
        return None
    return next((label for label, pattern in _LINKED_CONTROL_LINES if pattern.search(block.text)), None)


def _page_address(url: str | None) -> str:
    """A URL without its fragment and trailing slash: two links to one page read the same."""
    return (url or "").split("#")[0].rstrip("/")


def _control_unit(block: Block) -> Unit:
    """The unit of a control line (one `_TEXT_CUES` found "control-line" in, or a linked one): the label of the cue
    it matches."""
    label = _linked_control_label(block) or next(
        label for label, pattern in _CONTROL_LINES if pattern.search(block.text)
    )
    return Unit(label, [block.element], cues.CONTROL_LINE_REASON + label.value, block.text)


_PERSON_NAME = compile_pattern(cues.PERSON_NAME_PATTERN)
_REVIEWS = compile_pattern(cues.REVIEWS_ATTRIBUTE_PATTERN, re.I)
#: An href holding any of `cues.SHOP_LINK_HREF_SUBSTRINGS`: one search instead of a substring test each.
_SHOP_HREF = re.compile("|".join(map(re.escape, cues.SHOP_LINK_HREF_SUBSTRINGS)))
#: Units that never take in a list of headlines (linked lines of teaser length) beside or after them.
_NO_TEASERS = frozenset({BlockLabel.FORM, BlockLabel.SHARE, BlockLabel.BIO})
#: The `_TEXT_CUES` of an offer or a sign-up call: a bio does not grow over a block saying one.
_OFFER_CUES = ("promo", "strong-promo", "sign-up")
_EXTEND = {BlockLabel(label): rule for label, rule in cues.UNIT_EXTENSION.items()}
_GROW = {BlockLabel(label): limits for label, limits in cues.UNIT_GROWTH.items()}


def form_kind(text: str, elements: list[HtmlElement] | HtmlElement | None = None) -> str:
    """newsletter, contact, booking, application, download, search or other."""
    if elements is None:
        elements = []
    elif isinstance(elements, HtmlElement):
        elements = [elements]
    if any(_SEARCH_FORM(el) for el in elements):
        return "search"
    head = " ".join(text.split()[: cues.FORM_KIND_HEAD_WORDS])
    for part in (head, text):
        for kind, pattern in _FORM_KINDS:
            if pattern.search(part):
                return kind
    # <form name="Concierge Application" action="/apply">
    named = " ".join(form.get(a, "") for el in elements for form in el.iter("form") for a in cues.FORM_NAME_ATTRIBUTES)
    for kind, pattern in _FORM_KINDS:
        if named.strip() and pattern.search(named):
            return kind
    fields = [f for el in elements for f in _CONTROLS(el) if f.get("type") not in ("submit", "button")]
    if fields and all(_IS_EMAIL_FIELD(f) for f in fields if f.tag != "button"):
        return "newsletter"  # nothing asked but an e-mail address: a sign-up
    return "other"


class _Page:
    """Per-page facts the rules ask about: text, words and paragraph words of any element."""

    def __init__(self, root: HtmlElement, index: BlockIndex, title: str | None) -> None:
        self.root = root
        self.index = index
        self._text: dict[HtmlElement, str] = {}
        self.words = index.words_of
        self.p_words_of = index.p_words_of
        self.p_words = index.p_words_of(root)
        self.title = folded(title or "")  # as the headings' lower-cased texts compare with it
        self.title_heading = self._title_heading()

    def _title_heading(self) -> HtmlElement | None:
        """The h1 that is the headline: the one saying the title, else the first (not the logo)."""
        h1s = [h for h in self.index.elements("h1") if self.words(h)]
        if self.title:
            for h1 in h1s:
                text = self.text(h1).lower()
                if text and self.near_title(text):
                    return h1
        return h1s[0] if h1s else None

    def near_title(self, text: str) -> bool:
        """Whether a heading's lower-cased text says the title, holds it or is part of it ("Title - Site")."""
        return text == self.title or text in self.title or self.title in text

    def text(self, el: HtmlElement) -> str:
        if el not in self._text:
            self._text[el] = self.index.text(el)
        return self._text[el]

    def holds_article(self, el: HtmlElement) -> bool:
        """True when labelling `el` as boilerplate would take the article with it."""
        if el is self.root or el.tag in ("body", "html", "main"):
            return True
        if self.title_heading is not None and self.index.contains(el, self.title_heading):
            return True
        if self.p_words >= 100:
            return self.p_words_of(el) > cues.MAX_UNIT_SHARE_OF_BODY * self.p_words
        return False


class _CompanyParagraph:
    """ "Acme is a leading provider of ...": the company paragraph closing a press release.

    The whole pattern is a big automaton (its `[^.]{0,60}`), slower to compile for each new site
    than all of a page's matching; a paragraph has to start with the name first, which a small
    pattern tells, so the whole one is compiled only for the few pages where one does.
    """

    def __init__(self, names: str) -> None:
        self.names = names
        self.start = compile_pattern(cues.COMPANY_NAME_PATTERN.format(name=names), re.I)

    def match(self, text: str) -> bool:
        return self.start.match(text) is not None and _company_paragraph(self.names).match(text) is not None


@lru_cache(maxsize=256)
def _company_paragraph(names: str) -> re.Pattern[str]:
    return compile_pattern(cues.COMPANY_PARAGRAPH_PATTERN.format(name=names), re.I)


@lru_cache(maxsize=256)
def _company_pattern(site: str | None) -> _CompanyParagraph | None:
    """The company paragraph of the site's name or host, if it has one of three letters or more."""
    if not site:
        return None
    names = {site.lower().removeprefix("www."), site.lower().removeprefix("www.").split(".")[0]}
    names = {name for name in names if len(name) >= 3}
    if not names:
        return None
    return _CompanyParagraph("|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)))


_TEASER_CARD_LINE = re.compile(cues.TEASER_CARD_LINE_PATTERN, re.IGNORECASE)


def heading_link(el: HtmlElement) -> HtmlElement | None:
    """The link of a linked heading (or title line): the first `<a href>` in it (itself included), else the
    `<a href>` wrapping it at most LINK_ANCESTOR_DEPTH levels up (a card's title inside the card's link). An
    `<a>` with no href (a named anchor before the title's link) is no link. The story cards ask it which
    page a title leads to (`Segmenter._leads_to_the_site`)."""
    link = next((a for a in el.iter("a") if a.get("href")), None)
    if link is None:
        card = _card_link(el)
        link = card[0] if card else None
    return link


def _card_link(el: HtmlElement) -> list[HtmlElement]:
    """The link wrapping `el` (a card's title inside its <a>), at most LINK_ANCESTOR_DEPTH levels up."""
    node = el.getparent()
    for _ in range(cues.LINK_ANCESTOR_DEPTH):
        if node is None:
            break
        if node.tag == "a" and node.get("href"):
            return [node]
        node = node.getparent()
    return []


def _is_field(control: HtmlElement) -> bool:
    """A control a reader fills in (not a button)."""
    return control.tag != "button" and control.get("type") not in ("submit", "button")


def _call_line(block: Block) -> bool:
    """A button, or a line that calls to action ("Get started ...", "Request a demo"): no story's title."""
    return (
        block.kind == "action"
        or _CALL_START.match(block.text) is not None
        or _PRODUCT_CALL.search(block.text) is not None
    )


def _product_call_link(block: Block) -> bool:
    """A short link saying a product's call ("Watch demo", "Get started"): a button drawn as a link."""
    return (
        block.linked and block.words <= cues.WIDGET_LINK_TEXT_MAX_WORDS and _PRODUCT_CALL.search(block.text) is not None
    )


def _heading_like(block: Block) -> bool:
    """A heading, or a short line that reads as one (page builders draw headings as divs)."""
    if block.kind == "heading":
        return True
    text = block.text
    return (  # the regex last: most text blocks fail the cheap tests
        block.kind == "text"
        and block.words <= cues.MAX_CUE_HEADING_WORDS
        and text[:1].isalpha()
        and not text.endswith((".", ","))
        and not _AD_LABEL.match(text)
    )


_CUE_NAMES = frozenset(cues.CUE_ATTRIBUTES)
_HEADING_CUE_NAMES = frozenset(cues.HEADING_CUE_ATTRIBUTES)
_NOTHING_DECLARED = ("", "", None)


def _declared(el: HtmlElement) -> tuple[str, str, tuple[BlockLabel, str] | None]:
    """The role, the cue text of the attributes and the label they declare, read by `_declared_of`."""
    keys = el.keys()  # names only: `items()` copies every value, long hrefs and srcsets too
    if not keys:
        return _NOTHING_DECLARED  # most elements: no attributes at all
    # a heading's id is usually a slug of its own words ("...-not-the-biography"), no cue
    heading = el.tag in HEADING_TAGS
    names = _HEADING_CUE_NAMES if heading else _CUE_NAMES
    # only the attributes read make the cache key: an href or a style would make most keys unique
    get = el.get
    read = tuple([(name, get(name)) for name in keys if name in names])
    return _declared_of(heading, read) if read else _NOTHING_DECLARED


#: Where each attribute's value goes in the cue text: `cues.CUE_ATTRIBUTES` order (HEADING_CUE_ATTRIBUTES' for headings).
_CUE_RANK = {name: i for i, name in enumerate(cues.CUE_ATTRIBUTES)}
_HEADING_CUE_RANK = {name: i for i, name in enumerate(cues.HEADING_CUE_ATTRIBUTES)}


@lru_cache(maxsize=8192)
def _declared_of(heading: bool, items: tuple[tuple[str, str], ...]) -> tuple[str, str, tuple[BlockLabel, str] | None]:
    """Pages repeat the same attributes hundreds of times: each set is read and matched once.

    `items` holds only cue attributes (`_declared`), one value per name, most often a class alone."""
    if len(items) > 1:
        rank = _HEADING_CUE_RANK if heading else _CUE_RANK
        items = tuple(sorted(items, key=lambda item: rank[item[0]]))
    role = ""
    values = []
    for name, value in items:
        if name == "role":
            role = value.lower()  # read for headings and other elements alike
        if not value:
            continue
        if name == "class":
            tokens = value.split()
            if len(tokens) >= 3 and len(
                [t for t in tokens if len(t) <= cues.GENERATED_CLASS_TOKEN_LENGTH]
            ) >= 0.6 * len(tokens):
                continue
        values.append(value)
    text = " ".join(values).lower()
    return role, text, _label_of_cue_text(text) if text else None


def _attribute_label(el: HtmlElement) -> tuple[BlockLabel, str] | None:
    role, text, declared = _declared(el)
    if declared and declared[0] is BlockLabel.SHARE and (_EMBED.search(text) or _QUOTES(el)):
        declared = None  # an embedded post (a tweet quoted in the article), not a share bar
    if role in cues.ROLE_LABELS:
        if cues.ROLE_LABELS[role] == "other" and declared:
            return declared  # <div role="complementary" class="related-posts">
        return BlockLabel(cues.ROLE_LABELS[role]), f"role={role}"
    if el.tag in cues.TAG_LABELS and el.tag != "form":
        if el.tag == "footer" and _IN_ARTICLE(el):
            return None  # an article's own footer: look inside it
        if cues.TAG_LABELS[el.tag] == "other" and declared:
            return declared  # <aside class="related-posts">
        return BlockLabel(cues.TAG_LABELS[el.tag]), f"tag={el.tag}"
    return declared


@lru_cache(maxsize=8192)
def _label_of_cue_text(text: str) -> tuple[BlockLabel, str] | None:
    """Pages repeat the same class strings hundreds of times: each is matched once."""
    found = _ANY_ATTRIBUTE_CUES.find(text)  # which cues occur, in one pass: most elements none
    if not found:
        return None
    label, pattern = _ATTRIBUTE_CUES[min(found)]  # the first in order wins
    return label, f"attr:{pattern.search(text).group(0).strip()}"


_ENUMERATION = compile_pattern(r"^\W*\d+\W*")


def _section_key(text: str) -> str:
    """A section title as a table of contents repeats it: lowercase, its number left out ("2. Costs" -> "costs")."""
    key = text.lower()
    if key and not key[0].isalpha():  # most titles start with a letter: no search
        key = _ENUMERATION.sub("", key)
    return key.strip()


def _page_key(url: str | None) -> str:
    """A page's address without its query and fragment: a link to the page's own sections may drop the query
    that a visit carries ("?srsltid=...")."""
    parts = split_url(url)
    return f"{parts.netloc}{parts.path}"


class Segmenter:
    """Labels the units of one page. Use `segment_page(tree, title, authors, site, url)`."""

    def __init__(
        self,
        root: HtmlElement,
        title: str | None,
        authors: list[str],
        site: str | None = None,
        url: str | None = None,
        index: BlockIndex | None = None,
    ) -> None:
        self.root = root
        self.title = title
        self.site = site
        self.company = _company_pattern(site)
        self.url = url
        self.host = url_host(url).removeprefix("www.")
        self.story_links: dict[HtmlElement, bool] = {}  # linked heading -> leads to another page of the site
        self.index = index if index is not None else BlockIndex(root)
        self.page = _Page(root, self.index, title)
        self.blocks = self.index.blocks
        self.taken = [False] * len(self.blocks)
        self.author_names = [folded(name) for name in authors if _PERSON_NAME.match(collapse_whitespace(name))]
        self.author_tokens = {tok for name in self.author_names for tok in _WORDS.findall(name) if len(tok) >= 3}
        self.author_surnames = {_WORDS.findall(name)[-1] for name in self.author_names}
        self.author_first_names = {_WORDS.findall(name)[0] for name in self.author_names}
        self.units: list[Unit] = []
        self.marked: set[HtmlElement] = set()
        self.regions: list[tuple[HtmlElement, BlockLabel, str]] = []
        self.textless_forms: list[tuple[HtmlElement, BlockLabel, str]] = []
        self.block_region = [0] * len(self.blocks)  # which footer or sidebar a block is in (0: none)
        self._text_cue_cache: dict[str, set[str]] = {}
        self._shop_link_at: dict[int, bool] = {}  # link position -> whether it leads into a shop

    def _cues_in(self, text: str) -> set[str]:
        """The `_TEXT_CUES` a text has: one pass per distinct text, however many cues are asked."""
        found = self._text_cue_cache.get(text)
        if found is None:
            found = self._text_cue_cache[text] = _TEXT_CUES.find(text)
        return found

    # --- bookkeeping ------------------------------------------------------------------
    def _add(self, elements: list[HtmlElement], label: BlockLabel, reason: str) -> None:
        text = " ".join(t for t in (self.page.text(el) for el in elements) if t)
        if not text:
            return
        if label is BlockLabel.SHARE:  # its icons' names ("Share on Facebook") are the bar's text
            text = " ".join(t for t in (self.index.named_text(el) for el in elements) if t)
        # a new unit replaces the units it contains: those whose elements all lie in the new
        # elements' position ranges (`BlockIndex.contains`, read from the lists once per unit)
        order, last_at = self.index.order, self.index.last_at
        ranges = [(at, last_at[at]) for at in map(order.__getitem__, elements)]
        kept = []
        for unit in self.units:
            for old in unit.elements:
                pos = order.get(old, -1)
                if not any(first <= pos <= last for first, last in ranges):
                    kept.append(unit)  # an element outside the new ones: the unit stays
                    break
        replaced = len(kept) < len(self.units)
        self.units = kept
        self.units.append(Unit(label, elements, reason, text))
        if replaced:  # the elements of every unit, as before; else those of the new one join them
            self.marked = {el for unit in self.units for el in unit.elements}
        else:
            self.marked.update(elements)
        for el in elements:
            start, end = self.index.span(el)
            for i in range(start, end):
                self.taken[i] = True

    def _in_units(self, el: HtmlElement) -> bool:
        node = el
        while node is not None:
            if node in self.marked:
                return True
            node = node.getparent()
        return False

    def _unit(self, el: HtmlElement, label: BlockLabel, reason: str) -> None:
        """Grow `el` to its widget, extend it over its neighbours, settle its label, add it."""
        el = self._grow(el, label)
        elements = self._extend(el, label)
        text = " ".join(self.page.text(e) for e in elements)
        settled = self._settle(label, elements, text, reason)
        if settled is None:
            return
        if settled is not label:
            reason += f",as-{settled.value}"
            if settled is BlockLabel.RELATED:  # a teaser card takes in what follows as a teaser does, not an offer
                elements = self._extend(el, settled)
        self._add(elements, settled, reason)

    @staticmethod
    def _byline_only(text: str) -> bool:
        """A short author box with a date or a reading time in it ("Written by Ana Lima | Last updated on:
        October 1, 2025") is a byline, not a bio."""
        return len(text.split()) <= cues.BYLINE_BOX_MAX_WORDS and bool(_BYLINE_TEXT.search(text))

    # --- growing and extending ----------------------------------------------------------
    def _grow(self, seed: HtmlElement, label: BlockLabel) -> HtmlElement:
        """The largest ancestor of `seed` that adds little text around it: its widget."""
        limits = _GROW.get(label)
        if limits is None:
            return seed
        max_words, max_extra = limits
        base = self.page.words(seed)
        emails = len(_EMAIL_INPUTS(seed))
        seed_start, seed_end = self.index.span(seed)
        headed = seed_start < seed_end and self.blocks[seed_start].kind == "heading"
        best = seed
        node = seed.getparent()
        while node is not None and node is not self.root and node.tag not in ("body", "html"):
            words = self.page.words(node)
            if node in self.marked or words > max_words or words - base > max_extra:
                break
            if self.page.holds_article(node):
                break
            if len(_EMAIL_INPUTS(node)) > max(1, emails):
                break  # would merge two forms
            start, end = self.index.span(node)
            if any(self.taken[i] for i in range(start, seed_start)) or any(self.taken[i] for i in range(seed_end, end)):
                break  # would swallow another unit
            extra = self.blocks[start:seed_start] + self.blocks[seed_end:end]
            if headed and any(b.kind == "heading" for b in extra):
                break  # a widget with its own heading stops at the next widget's heading
            if label in _NO_TEASERS and self._holds_teasers(extra):
                break  # a list of headlines beside it is a unit of its own
            if any(self._cue_label(b) not in (None, label) for b in extra if _heading_like(b)):
                break  # the parent holds a unit of another kind ("Written by ..." above a sign-up)
            if label is BlockLabel.BIO and any(not self._cues_in(b.text).isdisjoint(_OFFER_CUES) for b in extra):
                break  # an offer or a sign-up call beside a bio is a widget of its own
            best = node
            node = node.getparent()
        return best

    def _is_title(self, block: Block) -> bool:
        title = self.page.title_heading
        return block.element.tag == "h1" or (title is not None and self.index.contains(block.element, title))

    def _extend(self, el: HtmlElement, label: BlockLabel, from_text: bool = False) -> list[HtmlElement]:
        """`el` plus the neighbouring blocks that belong to it (see cues.UNIT_EXTENSION).

        A unit found from a line of text (`from_text`) takes in only short lines after it,
        so a price mentioned in the article does not run on into the next paragraphs.
        """
        rule = _EXTEND.get(label)
        start, end = self.index.span(el)
        if rule is None or start == end or _AD_LABEL.match(self.page.text(el)):
            return [el]
        back_blocks, back_words, fwd_words, fwd_block_words = rule
        blocks, taken = self.blocks, self.taken
        region = self.block_region[start]  # a unit never reaches out of its footer or sidebar
        before: list[Block] = []
        headless = not any(block.kind == "heading" for block in blocks[start:end]) and not _heading_like(blocks[start])
        if headless and back_blocks:
            gap: list[Block] = []
            words = 0
            i = start - 1
            while i >= 0 and not taken[i] and not self._is_title(blocks[i]) and self.block_region[i] == region:
                block = blocks[i]
                if block.kind == "heading":
                    if block.words <= cues.MAX_UNIT_HEADING_WORDS:
                        before = [block, *gap]
                    break
                if len(gap) >= back_blocks or words + block.words > back_words or block.kind == "field":
                    break
                gap.insert(0, block)
                words += block.words
                i -= 1
            if not before and gap and label is BlockLabel.FORM and not self.page.words(el) and self._box_line(gap[-1]):
                before = [gap[-1]]  # a form of fields alone: the line right above it is its heading
        first = start - len(before) - 1
        if first >= 0 and not taken[first] and blocks[first].kind == "image" and self.block_region[first] == region:
            before.insert(0, blocks[first])  # a cover, a portrait
        # forward: a headed unit takes the rest of its section; an unheaded one only what
        # reads as its continuation. A button ends an offer.
        # forward: a bare heading takes the rest of its section, an offer runs on to its
        # button, anything else takes only what reads as its continuation.
        headed = all(b.kind in ("heading", "image") for b in blocks[start:end])
        if headed and label is BlockLabel.BIO and self._names_only(blocks[start:end]):
            headed = False  # a portrait and a name: what follows is the bio only if it goes on about the person
        # a sure related cue line drawn as text ("DON'T MISS" in a <p>) heads the linked lines under it; under
        # another ("Related content:") they stay lines of their own, teaser links a sure reading overrules
        cue_line = (
            label is BlockLabel.RELATED
            and end - start == 1
            and not headed
            and _heading_like(blocks[start])
            and bool(_RELATED_SURE_HEADING.match(blocks[start].text))
        )
        offer = label in (BlockLabel.FORM, BlockLabel.PROMO)
        # a heading's own button copies its anchor: it ends nothing
        own_controls = el.tag not in HEADING_TAGS and bool(_CONTROLS(el))
        ended = offer and (any(b.kind in ("action", "field") for b in blocks[start:end]) or own_controls)
        after: list[Block] = []
        words = 0
        i = end
        while i < len(blocks) and not taken[i] and self.block_region[i] == self.block_region[end - 1]:
            block = blocks[i]
            if block.kind == "heading" and (
                self._is_title(block) or not (label is BlockLabel.RELATED and block.linked)
            ):
                break
            if block.kind == "field" and not offer:
                break
            if block.words > fwd_block_words or words + block.words > fwd_words:
                break
            if block.kind == "image" and label in (BlockLabel.SHARE, BlockLabel.FORM):
                break
            if label in _NO_TEASERS and block.linked and block.words >= cues.TEASER_LINK_MIN_WORDS:
                break  # a headline after a sign-up box or a bio starts a list of its own
            if block.kind == "text":
                previous = after[-1] if after else blocks[end - 1]
                if not (cue_line and block.linked) and not self._text_follows(
                    label, block, previous, headed=headed, ended=ended, from_text=from_text
                ):
                    break
            elif ended and block.kind != "action":
                break
            after.append(block)
            words += block.words
            ended = ended or (offer and block.kind in ("action", "field"))
            i += 1
        elements = [b.element for b in before] + [el] + [b.element for b in after]
        if len(elements) > 1 and self._swallows_article(elements):
            return [el]
        return elements

    @staticmethod
    def _box_line(block: Block) -> bool:
        """A short unlinked line that is no sentence of prose (`cues.MAX_UNIT_HEADING_WORDS` words, no closing
        period): what a page builder draws as the heading of a box ("Download Our Template and Create ...")."""
        text = block.text
        return (
            block.kind == "text"
            and not block.linked
            and 0 < block.words <= cues.MAX_UNIT_HEADING_WORDS
            and not text.rstrip().endswith((".", ",", ":", ";"))
        )

    def _text_follows(
        self, label: BlockLabel, block: Block, previous: Block, *, headed: bool, ended: bool, from_text: bool
    ) -> bool:
        """Whether a text block right after a unit still belongs to it."""
        offer = label in (BlockLabel.FORM, BlockLabel.PROMO)
        note = label is BlockLabel.FORM and bool(_FORM_NOTE.search(block.text))
        if note:
            return True
        if ended:
            return False
        if label is BlockLabel.RELATED:  # teaser titles, a card's short lines, and the excerpt right under a title
            title = previous.linked and previous.words >= cues.TEASER_LINK_MIN_WORDS  # not under "See all tours"
            short = previous.linked and block.words <= cues.TEASER_CARD_LINE_MAX_WORDS  # ", ", a date, an author
            return headed and (block.linked or (block.words <= 25 and title) or short)
        if from_text and offer:
            return block.words <= cues.MAX_OFFER_TAIL_WORDS
        return headed or offer or self._continues(label, block)

    @staticmethod
    def _names_only(blocks: list[Block]) -> bool:
        """Whether the blocks are a person's name and pictures: an author box at the top of a post, over the post."""
        texts = [b.text for b in blocks if b.kind != "image"]
        return bool(texts) and all(_PERSON_NAME.match(text) for text in texts)

    def _continues(self, label: BlockLabel, block: Block) -> bool:
        """Whether a text block after a unit goes on about the same thing."""
        if label is BlockLabel.BIO:
            words = set(_WORDS.findall(block.text.lower()))
            return bool(_BIO_CONTINUES.match(block.text)) or bool(words & self.author_tokens)
        if label is BlockLabel.SHARE:
            return block.linked
        return label is not BlockLabel.FORM

    def _swallows_article(self, elements: list[HtmlElement]) -> bool:
        p_words = sum(self.page.p_words_of(el) for el in elements)
        if self.page.p_words >= 100 and p_words > cues.MAX_UNIT_SHARE_OF_BODY * self.page.p_words:
            return True
        return any(self.page.holds_article(el) for el in elements)

    def _settle(self, label: BlockLabel, elements: list[HtmlElement], text: str, reason: str) -> BlockLabel | None:
        """Correct form/promo by what the whole unit says (AEB's boundary rules, as cues), and a "bio" that
        describes a company.

        A free sign-up is a form, a paid offer a promo; a class-named promo box that sells
        nothing is a share prompt or a teaser if that is what it says; an empty ad slot and a
        "form" with nothing to fill in are other.
        """
        if label is BlockLabel.RELATED and self._priced_cards(elements):
            return BlockLabel.PROMO  # product ads placed in an article
        if label is BlockLabel.BIO:
            return BlockLabel.OTHER if self._describes_a_company(text) else label
        if label not in (BlockLabel.FORM, BlockLabel.PROMO):
            return label
        if _AD_LABEL.match(text):
            return BlockLabel.OTHER  # an empty ad slot: no offer to keep, still not article text
        has_email = any(_EMAIL_INPUTS(el) or _IS_EMAIL_FIELD(el) for el in elements)
        # what a sign-up gives for signing up ("15% off") is no price: judged without it
        offer = _INCENTIVE.sub(" ", text) if has_email or _INCENTIVE_CONTEXT.search(text) else text
        paid = bool(_PAID_TEXT.search(offer))
        strong = bool(_STRONG_PROMO_TEXT.search(offer))
        if label is BlockLabel.PROMO and reason.startswith("attr:") and not strong:
            if not paid and _SHARE_PROMPT.search(text):
                return BlockLabel.SHARE
            inside = [b for el in elements for b in self.index.inside(el) if b.text]
            # a news site's "promo" is a teaser of another story; a list of linked headlines is related
            # whatever they say ("How to buy ..."), but a call to action drawn as a link ("Get Started with a
            # Coach Today!", a "Request Demo" button) teases no story
            stories = [b for b in inside if b.linked and not _call_line(b)]
            titles = sum(b.kind == "heading" for b in stories)
            teaser = titles or (stories and all(b.linked for b in inside))
            if (teaser and not paid) or titles >= cues.TEASER_MIN_HEADINGS:
                return BlockLabel.RELATED  # an embedded teaser of another post
        if label is BlockLabel.PROMO and not paid and reason in cues.STORY_CARD_REASONS:
            inside = [b for el in elements for b in self.index.inside(el) if b.text]
            # a bare ad label ("Sponsored" over an empty ad slot) says nothing of the cards beside it
            said = " ".join(b.text for b in inside if not _AD_LABEL.match(b.text)) if strong else text
            if not _STRONG_PROMO_TEXT.search(said) and self._story_card(elements, inside):
                return BlockLabel.RELATED  # one of a run of cards teasing the site's own stories
        if label is BlockLabel.FORM and not has_email and (paid or (strong and not _FREE_SIGNUP_TEXT.search(text))):
            return BlockLabel.PROMO
        if label is BlockLabel.FORM and not has_email and self._sells_the_site(text):
            return BlockLabel.PROMO  # "Subscribe to WIRED": the site's own paid product
        trial = bool(_TRIAL_TEXT.search(text))
        if label is BlockLabel.FORM and trial:
            return BlockLabel.PROMO  # a sign-up for a product's trial sells the product
        fields = any(_is_field(f) for el in elements for f in _CONTROLS(el))
        if label is BlockLabel.FORM and not fields and not _SIGNUP_TEXT.search(text) and _PRODUCT_CALL.search(text):
            return BlockLabel.PROMO  # "Request a demo", a "Sign up" button: nothing to fill in, a product to sell
        sells = paid or strong or trial or (label is BlockLabel.PROMO and not has_email and self._sells_the_site(text))
        # a promo box with nothing to fill in whose call is a product's ("... Sign up", "get a demo"), no newsletter
        sells = sells or (
            label is BlockLabel.PROMO
            and not fields
            and not has_email
            and bool(_PRODUCT_CALL.search(text))
            and not _NEWSLETTER.search(text)
        )
        if label is BlockLabel.PROMO and (has_email or _SIGNUP_TEXT.search(text)) and not sells:
            return BlockLabel.FORM
        controls = any(_CONTROLS(el) or _BUTTONS(el) for el in elements)
        signup = _SIGNUP_TEXT.search(text) or _SIGNUP_TEXT.search(reason)  # or its class says so
        if label is BlockLabel.FORM and not controls and not signup:
            return BlockLabel.OTHER  # an address under "Get in touch", a feed link: nothing to fill in
        return label

    def _describes_a_company(self, text: str) -> bool:
        """A "bio" saying what a company is, on a page crediting a person it does not name
        (`cues.COMPANY_DESCRIPTION_PATTERN`): the publisher's boilerplate under a bio class."""
        if not self.author_names or _BIO_TEXT.search(text[:300]):
            return False
        words = set(_WORDS.findall(text.lower()))
        return not (words & self.author_surnames) and _COMPANY_DESCRIPTION.match(text) is not None

    def _story_card(self, elements: list[HtmlElement], inside: list[Block]) -> bool:
        """Whether a unit is a run of story cards, or one of them (`cues.STORY_CARD_LEVELS`): linked lines of teaser
        length leading to two other pages of the site, or one in an element repeated among its siblings."""
        if not inside or any(b.kind == "action" for b in inside):
            return False  # a button: an offer's box, not a story's card
        stories = {a.get("href") for el in elements for a in _LINKS(el) if self._story_link(a)}
        if len(stories) >= 2:
            return True  # the run of cards itself
        if not stories:
            return False
        index = self.index
        sizes, parent_at = index.sibling_sizes, index.parent_at
        for el in elements:
            node = index.order[el]
            for _ in range(cues.STORY_CARD_LEVELS + 1):
                if node < 0:
                    break
                if sizes[node] >= 2:
                    return True
                node = parent_at[node]
        return False

    def _priced_cards(self, elements: list[HtmlElement]) -> bool:
        """Whether a unit inside the page's <article> holds a price on a line of its own (`cues.PRICE_LINE_PATTERN`):
        product cards, not headlines that name a sum."""
        if not any(_IN_ARTICLE(el) for el in elements):
            return False
        return any(
            b.words <= cues.PRICE_LINE_MAX_WORDS and _PRICE_LINE.match(b.text)
            for el in elements
            for b in self.index.inside(el)
        )

    def _story_link(self, link: HtmlElement) -> bool:
        """A headline's link (`cues.STORY_LINK_MIN_WORDS` to `TEASER_LINK_MAX_WORDS` words, no call to action)
        to another page of the page's own site."""
        if not self.host or not cues.STORY_LINK_MIN_WORDS <= self.page.words(link) <= cues.TEASER_LINK_MAX_WORDS:
            return False
        said = self.page.text(link)
        if _PRODUCT_CALL.search(said) or _CALL_START.match(said):
            return False
        return self._within_site(self._other_page_host(link))

    def _sells_the_site(self, text: str) -> bool:
        """Whether a sign-up box offers the site's own brand (`cues.BRAND_SIGNUP_PATTERN`), no newsletter."""
        labels = brand_words(self.url)
        if not labels or _NEWSLETTER.search(text):
            return False
        for match in _BRAND_SIGNUP.finditer(text):
            word = match.group(1).lower()
            if len(word) >= cues.BRAND_MIN_CHARS and any(word in label for label in labels):
                return True
        return False

    # --- pass 1: declared structure ------------------------------------------------
    def top_down(self) -> None:
        """Document order, over the index's positions: a visible element either makes a unit
        (its subtree skipped) or is looked into."""
        index = self.index
        nodes, hidden, last, tags, attributed = (
            index.nodes,
            index.hidden_at,
            index.last_at,
            index.tags,
            index.attributed,
        )
        tag_labelled = cues.TAG_LABELS
        i, n = 0, len(nodes)
        while i < n:
            if hidden[i]:
                i = last[i] + 1
                continue
            if not attributed[i] and tags[i] not in tag_labelled:
                i += 1  # no attribute and no labelled tag: nothing declared here
                continue
            el = nodes[i]
            found = _attribute_label(el) if i else None  # position 0: the root
            if found and not self._guarded(el, found[0]):
                label, reason = found
                if label is BlockLabel.OTHER or label is BlockLabel.FOOTER:
                    # look for better units inside (an "about me", a sign-up box); a sidebar or a
                    # footer is still pruned as a whole at the end
                    if label is BlockLabel.FOOTER or reason.startswith("attr:"):
                        self.regions.append((el, label, reason))
                        start, end = index.span_at(i)
                        self.block_region[start:end] = [len(self.regions)] * (end - start)
                    i += 1
                    continue
                if label in (BlockLabel.BIO, BlockLabel.PROMO, BlockLabel.FORM) and not self.page.words(el):
                    if el.tag == "form":  # fields alone ("wpcf7-form"): its heading and text are around it
                        self._add_form(el, "tag=form")
                        i = last[i] + 1
                        continue
                    i += 1  # a portrait or an icon: the unit is elsewhere
                    continue
                if label is BlockLabel.BIO and self._byline_only(self.page.text(el)):
                    self._add([el], BlockLabel.BYLINE, reason + ",date")
                elif label is BlockLabel.CONSENT and self._sign_up_not_consent(el):
                    self._add([el], BlockLabel.FORM, reason + ",as-form")
                else:
                    self._add([el], label, reason)
                i = last[i] + 1
                continue
            if el.tag == "form":
                self._add_form(el, "tag=form")
                i = last[i] + 1
                continue
            i += 1
        # extend only once all declared units are known, so none takes in a neighbour's blocks
        pending = [(u.element, u.label, u.reason) for u in self.units] + self.textless_forms
        for el, label, reason in pending:
            if label in _EXTEND and not self._superseded(el):
                if el.tag in HEADING_TAGS:
                    self._heading_unit(el, label, reason)
                else:
                    self._unit(el, label, reason)

    def _sign_up_not_consent(self, el: HtmlElement) -> bool:
        """A box a cookie class names ("popup-cookies js-popup-newsletter": one pop-up script for both) that says
        a sign-up (SIGNUP_PATTERN) and not a word of cookies or consent (`cues.OVERLAY_CONSENT_PATTERN`): a form."""
        text = self.page.text(el)
        return bool(_SIGNUP_TEXT.search(text)) and not _OVERLAY_CONSENT.search(text)

    def _superseded(self, el: HtmlElement) -> bool:
        """Whether another unit has taken `el` in since it was found."""
        for unit in self.units:
            for member in unit.elements:
                if member is el:
                    if unit.elements[0] is not el:
                        return True
                elif self.index.contains(member, el):
                    return True
        return False

    def _guarded(self, el: HtmlElement, label: BlockLabel) -> bool:
        if label is BlockLabel.COMMENTS and self.page.title_heading is not None:
            return self.index.contains(el, self.page.title_heading)
        return self.page.holds_article(el)

    def _add_form(self, el: HtmlElement, reason: str) -> None:
        if _PASSWORD_INPUTS(el):
            self._add([el], BlockLabel.OTHER, reason + ",login")
        elif _SEARCH_FORM(el):
            self._add([el], BlockLabel.NAVIGATION, reason + ",search")
        elif not self.page.holds_article(el):
            controls = _CONTROLS(el)
            if (
                controls
                and not any(_is_field(f) for f in controls)
                and self.page.words(el) <= cues.BUTTON_FORM_MAX_WORDS
            ):
                return  # a button and nothing to fill in ("Install", "Add to cart"): a call, not a form
            if self.page.words(el):
                self._add([el], BlockLabel.FORM, reason)
            else:  # only fields: its heading and text are around it, found when it is extended
                self.textless_forms.append((el, BlockLabel.FORM, reason))

    def nested_units(self) -> None:
        """Lines another unit took in that are units of their own: an offer in a site header's
        navigation (a sale, a reader appeal) is a promo; a sign-up call in a share bar, a teaser
        list or a menu ("Join 10K+ readers of our newsletter" beside the social icons) is a form."""
        hosts = [u for u in self.units if u.label in (BlockLabel.NAVIGATION, BlockLabel.SHARE, BlockLabel.RELATED)]
        if not hosts:
            return
        host_of = self._host_of_blocks(hosts)  # the texts of blocks in no host are not searched
        in_form = self._hosted_forms(hosts)
        longest = max(cues.SIGNUP_CALL_MAX_WORDS, cues.ANNOUNCEMENT_MAX_WORDS)
        for i, block in enumerate(self.blocks):
            host = host_of[i]
            if host is None or in_form[i] or not self.taken[i] or block.kind not in ("text", "heading"):
                continue
            if not block.words or block.words > longest:
                continue
            found = self._cues_in(block.text)
            if block.words <= cues.SIGNUP_CALL_MAX_WORDS and "sign-up" in found:
                label, reason = BlockLabel.FORM, "text:sign-up,nested"
            elif block.words <= cues.ANNOUNCEMENT_MAX_WORDS and not found.isdisjoint(("announcement", "strong-promo")):
                label, reason = BlockLabel.PROMO, "text:announcement"
            else:
                continue
            if label is BlockLabel.PROMO and host.label is not BlockLabel.NAVIGATION:
                continue
            self.units.append(Unit(label, [block.element], reason, block.text))
            self.marked.add(block.element)

    def nested_control_lines(self) -> None:
        """The words of a control (`cues.CONTROL_LINE_CUES`) inside another unit, as a unit of their own: the unit
        around them may yield to the scorer (a forum's posts, a shop's product cards are what the page is about),
        and "Quote" under each post or "Add to cart" on each card is still none of the page's text. Not in a menu or
        a table of contents: their words are no content anywhere, and "Contents" is the title of its list. A unit that
        is the line alone (a "Sponsored" tag a class names, a box holding only "Read more") becomes the line's unit.
        So do the control lines of a unit dropped as what the page is about (a shop's grid of cards, "Compare" on
        each), whose blocks stay taken."""
        host_of = self._host_of_blocks([u for u in self.units if u.label in _CONTROL_HOSTS])
        held = self._host_of_blocks(self.units)
        for i, (block, host) in enumerate(zip(self.blocks, host_of, strict=True)):
            left = self.taken[i] and held[i] is None  # a dropped unit's block (bottom_up asked every free one)
            if block.kind == "field" or not (host or left) or not self._is_control_line(block):
                continue
            if host is not None:
                if host.elements == [block.element] or host.text == block.text:  # the unit is the line alone
                    self.units.remove(host)
                    self.marked.difference_update(host.elements)
                elif block.element in self.marked:
                    continue
            self.units.append(_control_unit(block))
            self.marked.add(block.element)

    def _host_of_blocks(self, hosts: list[Unit]) -> list[Unit | None]:
        """Per block, the first of `hosts` holding it (None for a block in none of them)."""
        host_of: list[Unit | None] = [None] * len(self.blocks)
        for unit in hosts:
            for el in unit.elements:
                start, end = self.index.span(el)
                for i in range(start, end):
                    if host_of[i] is None:
                        host_of[i] = unit
        return host_of

    def _hosted_forms(self, hosts: list[Unit]) -> list[bool]:
        """The sign-up boxes a menu, a share bar or a teaser list took in (a newsletter box in a list of
        related posts, a pop-up a class names a table of contents): each e-mail field in a host makes a
        form of its widget inside the host (`_hosted_widget`), settled as any form is (a paid offer is a
        promo). A host that is all widget is replaced by it. Returns, per block, whether such a form holds it."""
        in_form = [False] * len(self.blocks)
        for host in list(hosts):
            for top in host.elements:
                for field in _EMAIL_INPUTS(top):
                    start, end = self.index.span(field)
                    if start < end and in_form[start]:
                        continue  # a second field of a form found already
                    widget = self._hosted_widget(field, top)
                    text = self.page.text(widget)
                    if not text:
                        continue
                    label = self._settle(BlockLabel.FORM, [widget], text, "email-field")
                    if label not in (BlockLabel.FORM, BlockLabel.PROMO):
                        continue
                    reason = f"email-field,in-{host.label.value}" + ("" if label is BlockLabel.FORM else ",as-promo")
                    if widget is top and len(host.elements) == 1 and host in self.units:
                        self.units.remove(host)  # the host was the sign-up box and nothing else
                    self.units.append(Unit(label, [widget], reason, text))
                    self.marked.add(widget)
                    start, end = self.index.span(widget)
                    in_form[start:end] = [True] * (end - start)
        return in_form

    def _hosted_widget(self, field: HtmlElement, top: HtmlElement) -> HtmlElement:
        """The largest ancestor of an e-mail field, up to `top` (an element of the host unit), that is one
        sign-up box: within the form growth limits (`cues.UNIT_GROWTH`), one e-mail field, no headline
        teaser and no heading naming a unit of another kind."""
        max_words, max_extra = _GROW[BlockLabel.FORM]
        best, node = field, field
        while node is not top:
            node = node.getparent()
            if node is None or self.page.words(node) > min(max_words, max_extra) or len(_EMAIL_INPUTS(node)) > 1:
                break
            inside = self.index.inside(node)
            if any(b.linked and b.words >= cues.TEASER_LINK_MIN_WORDS for b in inside):
                break  # a teaser beside the box
            if any(self._cue_label(b) not in (None, BlockLabel.FORM) for b in inside if _heading_like(b)):
                break  # "Share" over the box: the host's own heading
            best = node
        return best

    # --- pass 2: evidence in the blocks -------------------------------------------------
    def bottom_up(self) -> None:
        for i, block in enumerate(self.blocks):
            if self.taken[i]:
                continue
            el = block.element
            if block.kind == "field" and _IS_EMAIL_FIELD(el):
                self._unit(el, BlockLabel.FORM, "email-field")
            elif block.kind == "heading" and block.linked and self._teasers(i):
                continue
            elif _heading_like(block):
                if block.kind == "text" and "inline-related" in self._cues_in(block.text) and _LINKS(el):
                    self._text_cues(block)  # "Related: <a>Title</a>" is a link, not a heading over a section
                elif self._heading_cue(block):
                    continue
                elif block.kind == "heading" and self._control_line(block):
                    continue  # "You must log in to answer this question." drawn as a heading
                if block.kind == "text":
                    self._text_cues(block)
                    if not self.taken[i] and _product_call_link(block):
                        self._sidebar_call(block)  # "Watch demo": a short line, read as a heading
                elif self._is_title(block):
                    continue
                elif "strong-promo" in self._cues_in(block.text):
                    self._promo(block)  # "Sponsored" over a section: the section is the promo
                elif block.words <= cues.SIGNUP_CALL_MAX_WORDS and "sign-up" in self._cues_in(block.text):
                    self._unit(el, BlockLabel.FORM, "text:sign-up")  # a long heading over a sign-up box
            elif block.kind in ("text", "action"):
                self._text_cues(block)
                if not self.taken[i] and (block.kind == "action" or _product_call_link(block)):
                    self._sidebar_call(block)

    def _in_sidebar(self, block: Block) -> bool:
        """Whether the block is in a sidebar found by its class (a region labelled other)."""
        region = self.block_region[self.index.span(block.element)[0]]
        return bool(region) and self.regions[region - 1][1] is BlockLabel.OTHER

    def _sidebar_call(self, block: Block) -> None:
        """A button in a sidebar's widget (a region found by its class), or a link saying a product's call
        (`_product_call_link`): the widget is a call to action."""
        if not self._in_sidebar(block):
            return
        el = self._grow(block.element, BlockLabel.PROMO)
        if el is block.element or self.page.words(el) - block.words < cues.SIDEBAR_CALL_MIN_WORDS:
            return
        if any(_is_field(f) for f in _CONTROLS(el)):
            return  # a field to fill in: a form, found from its field
        text = self.page.text(el)
        label = self._settle(BlockLabel.PROMO, [el], text, "sidebar:call-to-action")
        if label is not None:
            renamed = f",as-{label.value}" if label is not BlockLabel.PROMO else ""
            self._add([el], label, "sidebar:call-to-action" + renamed)

    def _teasers(self, i: int) -> bool:
        """A run of linked headings with short excerpts, outside the article: related stories. The
        excerpts may outweigh the links when each is short and no other heading is among them
        (`_story_cards`): a grid of story cards under the article ("More Workflows", "Explore more"). A grid
        other units cut through is found at the end (`_story_cards_among_units`)."""
        best, reason = None, ""
        node = self.blocks[i].element.getparent()
        while node is not None and node is not self.root and not self.page.holds_article(node):
            start, end = self.index.span(node)
            if any(self.taken[start:end]):
                break
            inside = self.blocks[start:end]
            words = sum(b.words for b in inside)
            linked = sum(b.words for b in inside if b.linked)
            headings = sum(1 for b in inside if b.kind == "heading" and b.linked)
            if words and linked < cues.TEASER_LINK_SHARE * words:
                if not self._story_cards(inside, headings, words):
                    break  # (one card of them may be the container: its parent may hold the rest)
                if headings >= cues.STORY_CARDS_MIN_HEADINGS:
                    best, reason = node, _STORY_CARDS_REASON
            elif headings >= cues.TEASER_MIN_HEADINGS:
                best, reason = node, "teasers:linked-headings"
            node = node.getparent()
        if best is None:
            return False
        self._add([best], BlockLabel.RELATED, reason)
        return True

    def _story_cards(self, inside: list[Block], headings: int, words: int) -> bool:
        """Whether blocks are story cards, or one of them: linked headings of a headline's length (a person's
        name over a bio is none) leading to other pages of the site (not a contents list's anchors nor a list
        of sources elsewhere), no heading that is not such a link, no line longer than an excerpt
        (`cues.STORY_CARD_EXCERPT_MAX_WORDS`) and few words a card (`cues.CARD_MAX_WORDS`). An article's
        section has a heading of its own or a long paragraph."""
        return (
            headings > 0
            and words <= cues.CARD_MAX_WORDS * headings
            and all(
                b.linked and b.words >= cues.TEASER_LINK_MIN_WORDS
                if b.kind == "heading"
                else b.linked or b.words <= cues.STORY_CARD_EXCERPT_MAX_WORDS
                for b in inside
            )
            and all(self._leads_to_the_site(b.element) for b in inside if b.kind == "heading")
        )

    def _leads_to_the_site(self, heading: HtmlElement) -> bool:
        """Whether a linked heading's link (inside it, or wrapping it) leads to another page of the site (a
        sister host too: news.uark.edu of walton.uark.edu)."""
        found = self.story_links.get(heading)
        if found is None:
            link = heading_link(heading)
            host = self._other_page_host(link) if link is not None and self.host else None
            found = self.story_links[heading] = self._within_site(host)
        return found

    def _names_author_heading(self, lowered: str) -> bool:
        """A heading that is the author's name ("Jane Doe", "About Jane Doe", "Dr. Jane Doe")."""
        name = _HONORIFIC.sub("", lowered.removeprefix("about "))
        return any(name == _HONORIFIC.sub("", author) for author in self.author_names)

    def _cue_label(self, block: Block) -> BlockLabel | None:
        """The label a heading's words name, if any (HEADING_CUES, or the author's name)."""
        text = block.text
        if not text or len(text) > 80:
            return None
        lowered = text.lower()
        if block.kind == "heading" and self._names_author_heading(lowered):
            return BlockLabel.BIO
        if "heading-cue" not in self._cues_in(text):
            return None
        for label, pattern in _HEADING_CUES:
            if pattern.search(text):
                return label
        return None

    def _heading_cue(self, block: Block) -> bool:
        """A heading (or heading-like line) that names a unit makes that unit."""
        if self._is_title(block):
            return False
        label = self._cue_label(block)
        if label is None:
            return False
        author = label is BlockLabel.BIO and block.kind == "heading" and self._names_author_heading(block.text.lower())
        grown = None
        if label.value in cues.PROSE_HEADED_LABELS and not author:
            grown = self._prose_headed(block, label)
            if grown is None:
                return False
        if author:
            reason = "heading:author-name"
        else:
            reason = f"{cues.HEADING_CUE_REASONS.get(label.value, 'heading:')}{block.text[:40]}"
        self._heading_unit(block.element, label, reason, grown)
        return True

    def _prose_headed(self, block: Block, label: BlockLabel) -> HtmlElement | None:
        """What a line saying "About us", "Contact us" or "Newsletter" heads as a bio or a form (its
        `_grow_from_heading`), or None: not when it heads links, with no field to fill in, no button and no line
        of prose (`cues.UNIT_MIN_PROSE_WORDS` words or more that are no link) among them: a footer's column
        "About Us: Careers, Press, Contact". Nor does a link head a bio ("About Us" in a menu is the site's own
        page), nor a form when it only names the page of one (`cues.FORM_PAGE_LINK_PATTERN`: "Contact Us",
        "Newsletters"; a link saying "Sign up for our email" is a sign-up). A "Written by" line alone stays a unit."""
        if block.linked and block.kind != "heading" and (label is BlockLabel.BIO or _FORM_PAGE_LINK.match(block.text)):
            return None
        grown = self._grow_from_heading(block.element, label)
        start, end = self.index.span(grown)
        headed = [b for b in self.blocks[start:end] if b is not block and (b.text or b.kind == "field")]
        if not any(b.linked for b in headed) or any(
            b.kind in ("field", "action") or (not b.linked and b.words >= cues.UNIT_MIN_PROSE_WORDS) for b in headed
        ):
            return grown
        return None

    def _heading_unit(
        self, heading: HtmlElement, label: BlockLabel, reason: str, grown: HtmlElement | None = None
    ) -> None:
        """The unit a cue heading names: its container (`grown`, when the caller has grown it), or its section of
        siblings."""
        if grown is None:
            grown = self._grow_from_heading(heading, label)
        if grown is heading and heading.tag in HEADING_TAGS and label.value in cues.HEADED_SECTION_LABELS:
            section = self._heading_section(heading, label)
            if section:
                self._add(section, label, reason + ",section")
                return
        if label is BlockLabel.OTHER and not self._entries_only(grown, heading):
            return
        self._unit(grown, label, reason)

    def _heading_section(self, heading: HtmlElement, label: BlockLabel) -> list[HtmlElement]:
        """An unwrapped section: the heading and its following siblings up to the next heading."""
        max_words = cues.HEADED_UNIT_MAX_WORDS.get(label.value, cues.MAX_WIDGET_WORDS)
        section = [heading]
        words = 0
        for sibling in heading.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            if sibling.tag in HEADING_TAGS and sibling.tag <= heading.tag:
                break
            words += self.page.words(sibling)
            if words > max_words or self.page.holds_article(sibling) or self._in_units(sibling):
                return []
            if label is BlockLabel.OTHER and not self._entries_only(sibling, heading):
                return []
            section.append(sibling)
        return section if len(section) > 1 else []

    def _entries_only(self, el: HtmlElement, heading: HtmlElement) -> bool:
        """Whether `el` (beside or around a list's heading) holds entries of a list of sources only: no line
        longer than `cues.REFERENCE_ENTRY_MAX_WORDS` words (a paragraph of prose) and something besides the heading."""
        lines = [b for b in self.index.inside(el) if b.words and b.element is not heading]
        return bool(lines) and all(b.words <= cues.REFERENCE_ENTRY_MAX_WORDS for b in lines)

    def _grow_from_heading(self, heading: HtmlElement, label: BlockLabel) -> HtmlElement:
        """The largest ancestor that starts with this heading (no text before it)."""
        max_words = cues.HEADED_UNIT_MAX_WORDS.get(label.value, cues.MAX_WIDGET_WORDS)
        best = node = heading
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
            start, end = self.index.span(parent)
            if any(
                b.kind == "heading"
                and not b.linked
                and not self.index.contains(heading, b.element)
                and not (label is BlockLabel.RELATED and self._card_title(b.element, parent))
                for b in self.blocks[start:end]
            ):
                break  # the parent holds the next section too (a teaser card's own title does not start one)
            if label in _NO_TEASERS and self._holds_teasers(self.blocks[start:end]):
                break  # a sign-up or share heading over a list of headlines: the list is no part of it
            best = node = parent
        return best

    def _card_title(self, heading: HtmlElement, top: HtmlElement) -> bool:
        """Whether a heading is the title of a teaser card below `top`: it, or an ancestor at most
        `cues.CARD_TITLE_LEVELS` up, repeats among its siblings (same tag and class), holds at most
        `cues.CARD_MAX_WORDS` words and is or holds a link (cards of stories under "You may also like"); or none
        repeats up to `top` and the one below it is a lone card (`_lone_card`)."""
        index = self.index
        sizes, parent_at, top_at = index.sibling_sizes, index.parent_at, index.order[top]
        node = index.order[heading]
        for _ in range(cues.CARD_TITLE_LEVELS + 1):
            if node < 0 or node == top_at:  # the heading is the box itself: no card below it
                return False
            if sizes[node] >= 2:
                return self._repeated_card(node)
            if parent_at[node] == top_at:  # no card repeats below the heading's box: one card alone
                return self._lone_card(index.nodes[node], top)
            node = parent_at[node]
        return False

    def _repeated_card(self, at: int) -> bool:
        """One of a run of cards (the element at position `at` repeats among its siblings): short, with a link."""
        card = self.index.nodes[at]
        return self.page.words(card) <= cues.CARD_MAX_WORDS and (card.tag == "a" or bool(_LINKS(card)))

    def _lone_card(self, card: HtmlElement, top: HtmlElement) -> bool:
        """The one teaser card under a related heading ("You might also be interested in...") in a box holding
        nothing else: at most CARD_MAX_WORDS words, one heading, no unit in it, and a link (its picture, a "Read
        more") to another page of the site."""
        start, end = self.index.span(card)
        top_start, top_end = self.index.span(top)
        return (
            bool(self.host)
            and self.page.words(card) <= cues.CARD_MAX_WORDS
            and sum(bool(b.text) for b in self.blocks[top_start:start] + self.blocks[end:top_end]) <= 1
            and not any(self.taken[start:end])
            and sum(b.kind == "heading" for b in self.blocks[start:end]) == 1
            and any(self._within_site(self._other_page_host(a)) and not self._calls_to_action(a) for a in _LINKS(card))
        )

    def _holds_teasers(self, blocks: list[Block]) -> bool:
        """At least HEADING_UNIT_MAX_TEASERS linked lines of teaser length: a list of headlines."""
        teasers = sum(1 for b in blocks if b.linked and b.words >= cues.TEASER_LINK_MIN_WORDS)
        return teasers > cues.HEADING_UNIT_MAX_TEASERS

    def _text_cues(self, block: Block) -> None:
        el, text, words = block.element, block.text, block.words
        if not words or words > cues.MAX_WIDGET_WORDS or self._in_units(el):
            return
        if words <= 40 and "inline-related" in self._cues_in(text) and _LINKS(el):
            self._add([el], BlockLabel.RELATED, "text:inline-link")
            return
        if (  # an offer line is no teaser; the cues asked only in the teaser range (longer texts may need none)
            cues.TEASER_LINK_MIN_WORDS <= words <= cues.TEASER_LINK_MAX_WORDS
            and self._cues_in(text).isdisjoint(("promo", "strong-promo", "announcement"))
            and self._teaser_link(block)
        ):
            self._add([self._teaser_card(el)], BlockLabel.RELATED, "text:teaser-link")
            return
        if words <= 10 and "dateline" in self._cues_in(text):
            self._add([el], BlockLabel.BYLINE, "text:dateline")
            return
        if self.company and words >= 15 and self.company.match(text) and self._text_before(block) >= 100:
            self._add([el], BlockLabel.OTHER, "text:about-the-company")
            return
        if words <= cues.SIGNUP_CALL_MAX_WORDS and "sign-up" in self._cues_in(text):
            self._unit(el, BlockLabel.FORM, "text:sign-up")
            if self._in_units(el):
                return
        if self._control_line(block):
            return
        # `_line_cue` finds nothing where the set finds no line cue, so the set only saves searches: a
        # text of up to 40 words has been through it (inline-related, above), a longer one is asked no
        # other cue of it, so its line cues allowing its length are searched one by one (the set's
        # automaton grows slowly on a long text it has not seen)
        if words <= _LINE_CUE_MAX_WORDS and (words > 40 or "line-cue" in self._cues_in(text)):
            self._line_cue(el, text, words)
            if self._in_units(el):
                return
        if words <= 25 and not self._cues_in(text).isdisjoint(("share-text", "share-prompt")):
            self._unit(el, BlockLabel.SHARE, "text:share-prompt")
            return
        if words <= cues.MAX_OFFER_LINE_WORDS and self._promo(block):
            return
        if block.kind != "text":
            return
        head = text[:300]
        if words <= 20 and "byline" in self._cues_in(text):
            return  # a byline: name and date
        if self._names_author(head) or (
            _BIO_TEXT.search(head) and (_BIO_LEAD.match(head) or self._mentions_author_or_photo(el, head))
        ):
            self._unit(el, BlockLabel.BIO, "text:credentials")
        elif self._author_box_paragraph(block):
            self._unit(el, BlockLabel.BIO, "text:author-box")

    def _is_control_line(self, block: Block) -> bool:
        """Whether the block is the words of a control (`cues.CONTROL_LINE_CUES`, `cues.LINKED_CONTROL_LINE_CUES`)."""
        return 0 < block.words <= cues.CONTROL_LINE_MAX_WORDS and (
            "control-line" in self._cues_in(block.text) or _linked_control_label(block) is not None
        )

    def _control_line(self, block: Block) -> bool:
        """A line that is the words of a control makes a unit of its own."""
        if not self._is_control_line(block):
            return False
        unit = _control_unit(block)
        self._add(unit.elements, unit.label, unit.reason)
        return True

    def _line_cue(self, el: HtmlElement, text: str, words: int) -> None:
        for label, pattern, max_words in _LINE_CUES:
            if words <= max_words and pattern.search(text):
                self._add([el], label, f"line:{pattern.pattern[:30]}")
                return

    def _teaser_link(self, block: Block) -> bool:
        """A paragraph that is nothing but a link to another page of the site: a headline teaser."""
        if block.kind != "text" or block.element.tag not in cues.TEASER_LINK_TAGS or not self.host:
            return False
        links = _LINKS(block.element)
        if not links and block.element.tag != "a" and block.words <= cues.CARD_TITLE_MAX_WORDS:
            links = _card_link(block.element)  # a card: the whole teaser is one link, its title inside
        if len(links) != 1 and block.element.tag != "a":
            return False
        link = links[0] if links else block.element
        if len(collapse_whitespace(link.text_content())) < cues.TEASER_LINK_TEXT_SHARE * len(block.text):
            return False
        if self._in_data_row(block.element):
            return False
        if self._calls_to_action(link):
            return False
        host = self._other_page_host(link)
        # in a sidebar, a headline linking to another site is a teaser too
        return host is not None and (self._within_site(host) or self._in_sidebar(block))

    @staticmethod
    def _in_data_row(el: HtmlElement) -> bool:
        """In a table cell whose row has another cell with text: a product, a result or a date in a data
        table ("Britax Römer Baby-Safe 2 | 370 € | ja | 1,7"), linked to its page, not a headline teaser."""
        cell = next(
            (node for node in (el, *islice(el.iterancestors(), cues.DATA_CELL_LEVELS)) if node.tag in ("td", "th")),
            None,
        )  # not a cell of a layout table far above
        row = cell.getparent() if cell is not None else None
        if row is None or row.tag != "tr":
            return False
        return any(other is not cell and (other.text_content() or "").strip() for other in row.iterchildren("td", "th"))

    @staticmethod
    def _calls_to_action(link: HtmlElement) -> bool:
        """A link to a sign-up, trial or checkout, or one holding a button that says so: a call to action
        (`cues.TEASER_CALL_HREF_PATTERN`), never a teaser of a story."""
        if _TEASER_CALL_HREF.search(link.get("href", "")):
            return True
        return any(
            len(text.split()) <= cues.WIDGET_LINK_TEXT_MAX_WORDS and _PRODUCT_CALL.search(text)
            for text in (collapse_whitespace(button.text_content()) for button in _BUTTON_LIKE(link))
        )

    def _within_site(self, host: str | None) -> bool:
        """Whether a link's host (`_other_page_host`) is the page's site: its own host or a sister host
        (news.uark.edu of walton.uark.edu)."""
        return host is not None and bool(self.host) and site_host(host) == site_host(self.host)

    def _other_page_host(self, link: HtmlElement) -> str | None:
        """The host (without "www.") of the page a link leads to, if that is another page than this one
        and no site's home page."""
        target = join_url(self.url, link.get("href", ""))
        if target is None:
            return None
        parts = split_url(target)
        if parts.path in ("", "/") or not parts.hostname:
            return None
        if _page_address(target) == _page_address(self.url):
            return None
        return parts.hostname.removeprefix("www.")

    def _teaser_card(self, el: HtmlElement) -> HtmlElement:
        """The link wrapping a teaser's title and lines that only say its author or date ("By REUTERS",
        "11/20/2019 10:08 AM"): the whole card is the teaser, not its title alone. A card with any other
        line (a price, a rating, a description) stays as it was: on a listing those cards are the content."""
        card = _card_link(el) if el.tag != "a" else []
        if not card or self._in_units(card[0]):
            return el
        start, end = self.index.span(card[0])
        first, last = self.index.span(el)
        others = [b for b in self.blocks[start:first] + self.blocks[last:end] if b.words]
        if not others or any(self.taken[start:end]):
            return el
        if all(b.words <= cues.TEASER_CARD_LINE_MAX_WORDS and _TEASER_CARD_LINE.search(b.text) for b in others):
            return card[0]
        return el

    def _text_before(self, block: Block) -> int:
        """Words of text blocks before this one: how far into the page it stands."""
        i = bisect_left(self.index.positions, block.position)
        return sum(b.words for b in self.blocks[:i] if b.kind == "text")

    def _promo(self, block: Block) -> bool:
        """An offer line becomes a promo when its unit also has a button, or the line says enough."""
        if block.words > cues.MAX_OFFER_LINE_WORDS:
            return False  # a price in a paragraph of prose is the article talking about money
        found = self._cues_in(block.text)
        strong = block.words <= cues.MAX_STRONG_OFFER_LINE_WORDS and "strong-promo" in found
        if not (strong or "promo" in found or self._has_shop_link(block.element)):
            return False
        el = self._grow(block.element, BlockLabel.PROMO)
        elements = self._extend(el, BlockLabel.PROMO, from_text=block.kind != "heading")
        if self._introduced_list(elements):
            return False
        inside = [b for e in elements for b in self.index.inside(e)]
        if self._menu_entry(block, inside):
            return False
        text = " ".join(self.page.text(e) for e in elements)
        has_action = any(b.kind == "action" for b in inside)
        shop = any(self._has_shop_link(e) for e in elements)
        in_sidebar = self._in_sidebar(block)  # no article text there
        if not (strong or has_action or in_sidebar or (shop and _PROMO_TEXT.search(text))):
            return False
        reason = "text:sponsored" if strong and _SPONSORED.search(block.text) else "text:offer"
        if strong and reason == "text:offer" and _APPEAL.search(block.text):
            reason = "text:appeal"
        label = self._settle(BlockLabel.PROMO, elements, text, reason)
        if label is None:
            return False
        self._add(elements, label, reason + ("+button" if has_action else ""))
        return True

    def _introduced_list(self, elements: list[HtmlElement]) -> bool:
        """Whether the unit is a list that the text right before it introduces (`cues.LIST_INTRODUCTION_PATTERN`):
        the article's list of steps or offers, not an ad placed in it."""
        if not all(el.tag in cues.INTRODUCED_LIST_TAGS for el in elements):
            return False
        start = self.index.span(elements[0])[0]
        if start == 0 or self.taken[start - 1]:
            return False
        before = self.blocks[start - 1]
        return before.kind == "text" and _LIST_INTRODUCTION.search(before.text) is not None

    def _menu_entry(self, block: Block, inside: list[Block]) -> bool:
        """Whether the offer line is an entry of the menu made of the blocks `inside` its unit
        (`cues.OFFER_MENU_MIN_LINKS`): a link without a price among linked lines, few of them priced.
        "Advertise with us" in a footer's column."""
        if not block.linked or _PRICE.search(block.text):
            return False
        lines = [b for b in inside if b.words]
        links = [b for b in lines if b.linked]
        return (
            len(links) >= cues.OFFER_MENU_MIN_LINKS
            and sum(b.words for b in links) >= cues.OFFER_MENU_MIN_LINKED_SHARE * sum(b.words for b in lines)
            and sum(1 for b in links if _PRICE.search(b.text)) <= cues.OFFER_MENU_MAX_PRICED_LINKS
        )

    def _has_shop_link(self, el: HtmlElement) -> bool:
        """Whether a link into a shop (`cues.SHOP_LINK_HREF_SUBSTRINGS`) is inside `el` (a descendant,
        as `.//a` finds). Only the links inside the offer lines asked about are read, each once: the
        hrefs of all a page's links cost more than all its questions."""
        index, shop = self.index, self._shop_link_at
        i = index.order[el]
        anchors = index.anchors
        for a in anchors[bisect_right(anchors, i) : bisect_right(anchors, index.last_at[i])]:
            found = shop.get(a)
            if found is None:
                found = shop[a] = _SHOP_HREF.search(index.nodes[a].get("href") or "") is not None
            if found:
                return True
        return False

    def _names_author(self, head: str) -> bool:
        """A paragraph that opens with the author's full name is about the author."""
        lowered = head.lower()
        return any(lowered.startswith(name + " ") for name in self.author_names) and len(head.split()) >= 8

    def _author_box_paragraph(self, block: Block) -> bool:
        """A paragraph opening with the author's first name ("Jean started the site in 2010 ...") in a small widget
        (at most `cues.BIO_PORTRAIT_WIDGET_WORDS` words, `cues.BIO_PORTRAIT_LEVELS` levels up) that also says the
        author's full name on a line of its own (`cues.BIO_NAME_LINE_MAX_WORDS` words at most): an author box of a
        plugin whose classes name no bio. The widgets nest, so the largest of them holds every line the
        smaller ones hold: its blocks are read once."""
        if block.words < cues.BIO_FIRST_NAME_MIN_WORDS or not self.author_first_names:
            return False
        first = _WORDS.search(block.text[:40].lower())
        if first is None or first.group(0) not in self.author_first_names:
            return False
        widget = self._portrait_widget(block.element)
        return widget is not None and any(
            other is not block
            and 0 < other.words <= cues.BIO_NAME_LINE_MAX_WORDS
            and any(name in other.text.lower() for name in self.author_names)
            for other in self.index.inside(widget)
        )

    def _mentions_author_or_photo(self, el: HtmlElement, head: str) -> bool:
        lowered = head.lower()
        intro = _FIRST_PERSON_INTRO.match(head)
        if intro and intro.group("name").lower() in self.author_first_names:
            return True  # "I'm Hanna, and I make ..." on a page by Hanna Lind
        if set(_WORDS.findall(lowered)) & self.author_surnames:
            return True
        if _IMAGES(el) or _BIO_GREETING.match(lowered):
            return True
        widget = self._portrait_widget(el)  # a portrait beside the paragraph (or its column)
        return widget is not None and bool(_IMAGES(widget))

    def _portrait_widget(self, el: HtmlElement) -> HtmlElement | None:
        """The small widget around a bio's paragraph: its largest ancestor at most `cues.BIO_PORTRAIT_LEVELS` up
        holding at most `cues.BIO_PORTRAIT_WIDGET_WORDS` words. The smaller ones nest in it, so whatever they
        hold (a portrait, the author's name line), it holds: one look, not one a level."""
        widget, node = None, el.getparent()
        for _ in range(cues.BIO_PORTRAIT_LEVELS):
            if node is None or node.tag in ("body", "html") or self.page.words(node) > cues.BIO_PORTRAIT_WIDGET_WORDS:
                break
            widget, node = node, node.getparent()
        return widget

    def _headline_at(self) -> int | None:
        """The headline's block: the h1 that says the title (`title_heading`), else the first free heading that says
        it word for word and links to no other page (`cues.HEADLINE_FALLBACK_MIN_WORDS`)."""
        title = self.page.title
        heading = self.page.title_heading
        if heading is not None:
            start, _ = self.index.span(heading)
            free = start < len(self.blocks) and self.blocks[start].element is heading and not self.taken[start]
            if free and (not title or self.page.near_title(self.blocks[start].text.lower())):
                return start
        if len(title.split()) < cues.HEADLINE_FALLBACK_MIN_WORDS or title == folded(self.site or ""):
            return None
        return next(
            (
                i
                for i, block in enumerate(self.blocks)
                if block.kind == "heading"
                and not self.taken[i]
                and block.text.lower() == title
                and not (block.linked and self._links_away(block.element))
            ),
            None,
        )

    def _links_away(self, el: HtmlElement) -> bool:
        """Whether a link in `el`, or around it, leads to another page than this one (a permalink does not)."""
        page = _page_address(self.url)
        return any(
            _page_address(join_url(self.url, a.get("href", ""))) != page
            for a in (*el.iter("a"), *el.iterancestors("a"))
        )

    def title_and_byline(self) -> None:
        """The headline and the byline under it: not body text, whatever trafilatura thinks."""
        start = self._headline_at()
        if start is None:
            return
        heading = self.blocks[start].element
        self._add([heading], BlockLabel.TITLE, "h1=title" if heading is self.page.title_heading else "heading=title")
        header = heading.getparent()
        for i in range(start + 1, min(start + 1 + cues.BYLINE_MAX_DISTANCE, len(self.blocks))):
            block = self.blocks[i]
            if self.taken[i]:
                continue
            if block.kind == "heading" and block.words > cues.MAX_CUE_HEADING_WORDS:
                if i == start + 1 and header is not None and block.element.getparent() is header:
                    self._add([block.element], BlockLabel.OTHER, "near-title:dek")  # the standfirst beside the headline
                continue
            if block.kind == "text" and block.words > 20:
                break  # the article has begun: bylines come before it
            if block.kind not in ("text", "heading"):
                continue
            lowered = block.text.lower()
            if lowered.startswith(("by ", "von ", "por ", "par ", "di ")) or any(
                name in lowered for name in self.author_names
            ):
                self._add([block.element], BlockLabel.BYLINE, "near-title:author")
            elif _BYLINE_TEXT.search(block.text) and block.words <= 12:
                self._add([block.element], BlockLabel.BYLINE, "near-title:date")
        # a date line just above the headline ("Friday | June 14, 2019 | By Ana Lima"), in the headline's box
        for i in range(start - 1, max(start - 1 - cues.BYLINE_ABOVE_MAX_DISTANCE, -1), -1):
            block = self.blocks[i]
            if block.kind == "image" and not self.taken[i]:
                continue  # the lead picture between them
            if self.taken[i] or block.kind != "text" or block.words > cues.BYLINE_ABOVE_MAX_WORDS:
                break
            if _BYLINE_TEXT.search(block.text):
                self._add([block.element], BlockLabel.BYLINE, "above-title:date")

    def _offers_are_the_article(self) -> None:
        """Drop text-found promos when together they are most of the page: a deals roundup."""
        offers = [u for u in self.units if u.label is BlockLabel.PROMO and u.reason.startswith("text:")]
        if len(offers) >= cues.MIN_OFFERS_FOR_ROUNDUP:
            self._drop_if_the_page(offers)

    def _story_cards_are_the_page(self) -> None:
        """Drop the story-card units (`_story_cards`) when together they are most of the page's text: a
        listing's grid of posts is its content, not teasers beside an article."""
        self._drop_if_the_page([u for u in self.units if u.reason == _STORY_CARDS_REASON])

    def _drop_if_the_page(self, units: list[Unit]) -> None:
        """Drop units that hold more than `cues.MAX_UNIT_SHARE_OF_BODY` of their words and the free text
        blocks' together: what the rules took as boilerplate is then what the page is about. Their blocks
        stay taken, so no later rule finds another unit in them."""
        if not units:
            return
        unit_words = sum(len(u.text.split()) for u in units)
        free_words = sum(b.words for i, b in enumerate(self.blocks) if not self.taken[i] and b.kind == "text")
        if unit_words > cues.MAX_UNIT_SHARE_OF_BODY * (unit_words + free_words):
            self.units = [u for u in self.units if u not in units]
            self.marked = {el for unit in self.units for el in unit.elements}

    def _story_cards_among_units(self) -> None:
        """Story cards that other units cut through (an ad or an offer among the cards, a sidebar's widgets
        around them): the one extension of `_teasers`'s story cards, read over the blocks no unit took. An
        element whose free blocks hold `cues.STORY_CARDS_MIN_HEADINGS` headings or more, every one a link to
        another page of the site (`_leads_to_the_site`; a title may be short, "Mobile Marketing", or a
        category, "Daily", but one at least has a headline's length, `cues.TEASER_LINK_MIN_WORDS`: people's
        names over their bios are no stories), with at most `cues.STORY_CARD_EXCERPT_MAX_WORDS` words of unlinked text a heading, at most
        `cues.MAX_UNIT_SHARE_OF_BODY` of the free blocks' words and not the headline: its free parts (the
        outermost such element's) become one related unit. Found after `_story_cards_are_the_page`, whose
        count of free text it would shrink. (The body decision used to drop such cards from an article's
        body, unlabelled, after the scorer had read them as prose.)"""
        blocks = self.blocks
        titles = [
            not self.taken[i] and b.kind == "heading" and b.linked and self._leads_to_the_site(b.element)
            for i, b in enumerate(blocks)
        ]
        if sum(titles) < cues.STORY_CARDS_MIN_HEADINGS:
            return
        words, headings, own, text, long = self._free_sums(titles)
        limit = cues.MAX_UNIT_SHARE_OF_BODY * words[-1]
        title = self.page.title_heading
        for i, block in enumerate(blocks):
            if not titles[i] or self.taken[i]:
                continue
            best = None
            node = block.element.getparent()
            while node is not None and node is not self.root:
                start, end = self.index.span(node)
                if words[end] - words[start] > limit or own[end] - own[start]:
                    break  # half the page, or a heading of the article's own
                if title is not None and self.index.contains(node, title):
                    break
                count = headings[end] - headings[start]
                if (
                    count >= cues.STORY_CARDS_MIN_HEADINGS
                    and text[end] - text[start] <= cues.STORY_CARD_EXCERPT_MAX_WORDS * count
                    and long[end] > long[start]
                ):
                    best = node
                node = node.getparent()
            if best is not None:
                self._add(self._free_parts(best), BlockLabel.RELATED, _CARDS_AMONG_UNITS_REASON)
                words, headings, own, text, long = self._free_sums(titles)

    def _card_runs(self) -> None:
        """Story cards laid out as a run of sibling boxes, anywhere on the page (often in the article's own
        container, where no element holds them alone, so `_teasers` and `_story_cards_among_units` find none): `cues.STORY_CARDS_MIN_HEADINGS`
        or more consecutive siblings of one tag and class (boxes with no words between them, a rule, are
        skipped), each a card (`_run_card`) leading to another page of the site, one title at least of a
        headline's length, at most `cues.MAX_UNIT_SHARE_OF_BODY` of the free blocks' words (all runs together
        too), and no more than `cues.CARD_RUN_MAX_PROSE_AFTER` words of free paragraphs after the run: "Collect
        them all!" over the site's other checklists under an article. Each run is one related unit."""
        blocks, taken = self.blocks, self.taken
        free_words = sum(b.words for i, b in enumerate(blocks) if not taken[i])
        read: set[HtmlElement] = set()  # the boxes whose cards were read: a grid of many cards is read once
        for i, block in enumerate(blocks):
            if taken[i] or block.kind != "heading" or self._is_title(block):
                continue
            card = self._run_card(block.element)
            if card is None or card.getparent() is None or card.getparent() in read:
                continue
            read.add(card.getparent())
            for run in self._runs_of(card):
                words = sum(self.page.words(el) for el in run)
                titles = [self._run_card_title(el) for el in run]
                if (
                    len(run) >= cues.STORY_CARDS_MIN_HEADINGS
                    and any(t is not None and t.words >= cues.TEASER_LINK_MIN_WORDS for t in titles)
                    and words <= cues.MAX_UNIT_SHARE_OF_BODY * free_words
                    and self._prose_after(run[-1]) < cues.CARD_RUN_MAX_PROSE_AFTER
                ):
                    self._add(run, BlockLabel.RELATED, _CARD_RUN_REASON)
        self._drop_if_the_page([u for u in self.units if u.reason == _CARD_RUN_REASON])

    def _contents_lists(self) -> None:
        """Tables of contents that no heading or class names: the largest element holding
        `cues.CONTENTS_MIN_ENTRIES` entries or more naming distinct places on the page itself, those entries
        `cues.CONTENTS_ENTRY_SHARE` of its words at least, not the headline's. An entry is a link to an id or an
        anchor's name on the page, or a link or list item whose text is a section's title (a script scrolls to it).
        Each is a navigation unit (reason `cues.CONTENTS_REASON`); a unit it holds gives way to it."""
        entries = self._contents_entries()
        if len(entries) < cues.CONTENTS_MIN_ENTRIES:
            return
        index = self.index
        nodes, parent_at, last_at, words_at = index.nodes, index.parent_at, index.last_at, index.words_at
        at, targets = [i for i, _ in entries], [place for _, place in entries]
        counted = list(accumulate((words_at[i] for i in at), initial=0))  # words of the entries before each
        title = self.page.title_heading
        headline = index.order.get(title, -1) if title is not None else -1
        done = -1
        for i in at:
            if i <= done:
                continue
            best, node = None, parent_at[i]
            while node > 0:
                last = last_at[node]
                lo, hi = bisect_left(at, node), bisect_right(at, last)
                if counted[hi] - counted[lo] < cues.CONTENTS_ENTRY_SHARE * words_at[node] or node <= headline <= last:
                    break
                if hi - lo >= cues.CONTENTS_MIN_ENTRIES and len(set(targets[lo:hi])) >= cues.CONTENTS_MIN_ENTRIES:
                    best = node
                node = parent_at[node]
            if best is not None:
                if not self._surely_navigation(nodes[best]):
                    self._add([nodes[best]], BlockLabel.NAVIGATION, cues.CONTENTS_REASON)
                done = last_at[best]

    def _contents_entries(self) -> list[tuple[int, str]]:
        """The entries of tables of contents (`_contents_lists`), by position, with the place each names: links
        to the page's own places, and list items holding no link whose text is a section's title."""
        index = self.index
        nodes, last_at = index.nodes, index.last_at
        hrefs, links = [], []  # the links, and those naming a place ("#")
        for a in index.anchors:
            if href := nodes[a].get("href"):
                hrefs.append(a)
                if "#" in href:
                    links.append(a)
        items = index.positions_of("li")
        if len(links) + len(items) < cues.CONTENTS_MIN_ENTRIES:
            return []
        # the titles of the page's sections, each once (a title standing twice is a label, "Organic cotton")
        titles = Counter(_section_key(b.text) for b in self.blocks if b.kind == "heading" and not b.linked)
        sections = {key for key, count in titles.items() if count == 1 and key}
        entries = []
        if links:
            fragments = {unquote(nodes[a].get("href").partition("#")[2]) for a in links} - {""}
            places = fragments.intersection(index.ids)
            if fragments - places:  # an anchor's name
                places.update(fragments.intersection(nodes[a].get("name") for a in index.anchors))
            page = _page_key(self.url)
            entries = [(a, place) for a in links if (place := self._place_on_page(nodes[a], page, places, sections))]
        if not sections:
            return entries
        for i in items:
            last = last_at[i]
            if not index.words_at[i] or index.words_at[i] > cues.CONTENTS_ENTRY_MAX_WORDS:
                continue
            if bisect_right(hrefs, last) > bisect_left(hrefs, i):
                continue  # a link is the entry, or a menu's item leads elsewhere
            if bisect_right(items, last) - bisect_left(items, i) > 1:
                continue  # a list inside: its items are the entries
            start, end = index.span_at(i)
            if any(b.kind == "heading" for b in self.blocks[start:end]):
                continue  # the item holds a section's title: it is the section
            if (key := _section_key(index.text(nodes[i]))) in sections:
                entries.append((i, key))
        return sorted(entries)

    def _place_on_page(self, link: HtmlElement, page: str, places: set[str], sections: set[str]) -> str | None:
        """The place on the page itself a link leads to ("#faq", or the page's own URL with it), or the section it
        names ("#" and a script): None for a link elsewhere."""
        base, _, fragment = (link.get("href") or "").partition("#")
        place = unquote(fragment)
        if place not in places:
            place = _section_key(self.index.text(link))
            if place not in sections:
                return None
        if base.strip() and _page_key(join_url(self.url, base)) != page:
            return None
        return place

    def _surely_navigation(self, el: HtmlElement) -> bool:
        """Whether a navigation unit that only a sure reading overrules (a table of contents its heading names)
        holds the element already."""
        prefixes = cues.UNIT_OVERRULED_SURE["navigation"][0]
        return any(
            unit.label is BlockLabel.NAVIGATION
            and unit.reason.startswith(prefixes)
            and any(self.index.contains(part, el) for part in unit.elements)
            for unit in self.units
        )

    def _runs_of(self, card: HtmlElement) -> list[list[HtmlElement]]:
        """The runs of consecutive siblings of `card`'s tag and class that are cards (`_run_card`), boxes with no
        words between them skipped."""
        runs: list[list[HtmlElement]] = [[]]
        for sibling in card.getparent():
            if not isinstance(sibling.tag, str) or not self.page.words(sibling):
                continue  # a rule or an empty box between the cards
            if sibling.tag == card.tag and sibling.get("class") == card.get("class"):
                inner = self._run_card_title(sibling)
                if inner is not None and self._run_card(inner.element) is sibling:
                    runs[-1].append(sibling)
                    continue
            if runs[-1]:
                runs.append([])
        return [run for run in runs if run]

    def _prose_after(self, el: HtmlElement) -> int:
        """Words of the free paragraphs (`cues.DESCRIPTION_BLOCK_WORDS` words or more each) after an element: an
        article that goes on after a run of cards holds them as its own (a guide's restaurants, its chapters)."""
        end = self.index.span(el)[1]
        return sum(
            b.words
            for i, b in enumerate(self.blocks[end:], start=end)
            if not self.taken[i] and b.kind == "text" and b.words >= cues.DESCRIPTION_BLOCK_WORDS
        )

    def _run_card_title(self, card: HtmlElement) -> Block | None:
        """The one heading of a box, if it has one and no unit holds any of its blocks."""
        start, end = self.index.span(card)
        if start >= end or any(self.taken[start:end]):
            return None
        headings = [b for b in self.blocks[start:end] if b.kind == "heading"]
        return headings[0] if len(headings) == 1 else None

    def _run_card(self, heading: HtmlElement) -> HtmlElement | None:
        """The card a title heads (`_card_runs`): its largest ancestor, at most `cues.CARD_TITLE_LEVELS` up, of at
        most `cues.CARD_MAX_WORDS` words with no other heading, no unit and not the headline. The title leads to
        another page of the site, or the card does: a title need not be a link when the card's picture, an overlay
        or a short "Explore" line is (`_card_story_link`)."""
        linked = self._leads_to_the_site(heading)
        title = self.page.title_heading
        best = None
        node = heading.getparent()
        for _ in range(cues.CARD_TITLE_LEVELS):
            if node is None or node is self.root or self.page.words(node) > cues.CARD_MAX_WORDS:
                break
            if title is not None and self.index.contains(node, title):
                break
            start, end = self.index.span(node)
            inside = self.blocks[start:end]
            if any(self.taken[start:end]) or sum(b.kind == "heading" for b in inside) != 1:
                break
            best = node
            node = node.getparent()
        return best if best is not None and (linked or self._card_story_link(best)) else None

    def _card_story_link(self, card: HtmlElement) -> bool:
        """Whether a card with an unlinked title leads to one other page of the site, by links that are no part of
        its prose: a picture's or an overlay's (no words), or a line of its own of at most
        `cues.WIDGET_LINK_TEXT_MAX_WORDS` words ("Explore", "Read more"), no call to action."""
        targets = set()
        for link in _LINKS(card):
            words = self.page.words(link)
            parent = link.getparent()
            if words and (words > cues.WIDGET_LINK_TEXT_MAX_WORDS or parent is None or self.page.words(parent) > words):
                continue  # a link in a sentence of the card's text
            host = self._other_page_host(link)
            if not self._within_site(host) or self._calls_to_action(link):
                return False
            targets.add(link.get("href"))
        return len(targets) == 1

    def _free_sums(self, titles: list[bool]) -> tuple[list[int], ...]:
        """Prefix sums over the blocks no unit holds (`_story_cards_among_units`): their words, headings,
        headings that are no story's title (`titles`), words of unlinked text, and headings of a headline's length
        (`cues.TEASER_LINK_MIN_WORDS`); a span's are `sums[end] - sums[start]`."""
        n = len(self.blocks)
        words, headings, own, text, long = ([0] * (n + 1) for _ in range(5))
        for i, b in enumerate(self.blocks):
            free = not self.taken[i]
            heading = free and b.kind == "heading"
            words[i + 1] = words[i] + (b.words if free else 0)
            headings[i + 1] = headings[i] + heading
            own[i + 1] = own[i] + (heading and not titles[i])
            text[i + 1] = text[i] + (b.words if free and b.kind != "heading" and not b.linked else 0)
            long[i + 1] = long[i] + (heading and b.words >= cues.TEASER_LINK_MIN_WORDS)
        return words, headings, own, text, long

    def _free_parts(self, el: HtmlElement) -> list[HtmlElement]:
        """The outermost elements inside `el` whose blocks no unit holds."""
        start, end = self.index.span(el)
        if start >= end or all(self.taken[start:end]):
            return []
        if not any(self.taken[start:end]):
            return [el]
        return [part for child in el if isinstance(child.tag, str) for part in self._free_parts(child)]

    def _bylines_among_bios(self) -> None:
        """A bio unit that says who and nothing of them is a byline: at most `cues.BIO_MIN_WORDS` words ("Written by
        Kristin", "Andrew King"), or a short one with a date in it as grown over its neighbours ("Written by Ana Lima |
        Last updated on: October 1, 2025"). Read once every unit is grown, so that a bio is judged by all it holds."""
        for unit in self.units:
            if unit.label is not BlockLabel.BIO:
                continue
            if self._byline_only(unit.text):
                unit.label, unit.reason = BlockLabel.BYLINE, unit.reason + ",date"
            elif len(unit.text.split()) <= cues.BIO_MIN_WORDS:
                unit.label, unit.reason = BlockLabel.BYLINE, unit.reason + ",name-only"

    def run(self) -> list[Unit]:
        self.top_down()
        self.title_and_byline()
        self.bottom_up()
        self.nested_units()
        self._offers_are_the_article()
        self._story_cards_are_the_page()
        self._story_cards_among_units()
        self._card_runs()
        self._contents_lists()
        self.nested_control_lines()
        self._bylines_among_bios()
        for region, label, reason in self.regions:  # kept around the units found inside them
            text = self.page.text(region)
            if text and not self._in_units(region):
                self.units.append(Unit(label, [region], reason, text))
                self.marked.add(region)
        self.units.sort(key=lambda u: self.index.order.get(u.element, 0))
        return self.units


@dataclass
class Segmentation:
    """The units of a page, and its content blocks each with the innermost unit holding it."""

    units: list[Unit]
    blocks: list[Block]
    block_units: list[Unit | None]
    index: BlockIndex

    def first_block_of(self, label: BlockLabel) -> int | None:
        """The position of the first block a unit of `label` holds (the headline's, for `BlockLabel.TITLE`)."""
        return next((i for i, u in enumerate(self.block_units) if u is not None and u.label is label), None)

    def with_units(self, units: list[Unit]) -> Segmentation:
        """This segmentation with more units over blocks no unit holds (the learned promos)."""
        if not units:
            return self
        block_units = list(self.block_units)
        for unit in units:
            for el in unit.elements:
                start, end = self.index.span(el)
                for i in range(start, end):
                    block_units[i] = block_units[i] or unit
        merged = sorted(self.units + units, key=lambda u: self.index.order.get(u.element, 0))
        return Segmentation(merged, self.blocks, block_units, self.index)


def review_units(segmentation: Segmentation) -> list[Unit]:
    """A shop's customer reviews, over the blocks no unit holds: for each, the outermost element around it
    whose class or id names reviews (`cues.REVIEWS_ATTRIBUTE_PATTERN`) makes a comments unit (reason
    `cues.REVIEWS_REASON` and the naming class or id). `extract` asks for them on shop pages only
    (`cues.REVIEWS_PAGE_TYPES`): on an article a "review" class may hold the article."""
    index = segmentation.index
    parent_at, classes, ids, last_at = index.parent_at, index.classes, index.ids, index.last_at
    headlines = [i for i, tag in enumerate(index.tags) if tag == "h1"]  # a page's wrapper ("has-reviews") holds one
    outermost: dict[int, int] = {}  # position -> the outermost element naming reviews around it, or -1

    def outer(i: int) -> int:
        chain = []
        while i >= 0 and i not in outermost:
            chain.append(i)
            i = parent_at[i]
        found = outermost.get(i, -1)
        for j in reversed(chain):  # from the top down: an outer element naming reviews wins
            if (
                found < 0
                and _REVIEWS.search(f"{classes[j] or ''} {ids[j] or ''}")
                and not any_between(headlines, j, last_at[j])
            ):
                found = j
            outermost[j] = found
        return found

    units: dict[int, Unit] = {}
    for block, unit in zip(segmentation.blocks, segmentation.block_units, strict=True):
        if unit is not None or not block.text or (at := outer(block.position)) < 0:
            continue
        if at in units:
            units[at].text += "\n" + block.text
            continue
        names = f"{classes[at] or ''} {ids[at] or ''}".split()
        cue = next(name for name in names if _REVIEWS.search(f" {name} "))
        units[at] = Unit(BlockLabel.COMMENTS, [index.nodes[at]], cues.REVIEWS_REASON + cue, block.text)
    return list(units.values())


_OVERLAY_DIALOG_CLASS = compile_pattern(cues.OVERLAY_DIALOG_CLASS_PATTERN, re.I)
_OVERLAY_TIP_CLASS = compile_pattern(cues.OVERLAY_TIP_CLASS_PATTERN, re.I)
_OVERLAY_CONSENT = compile_pattern(cues.OVERLAY_CONSENT_PATTERN, re.I)
_ENTRY_FIELDS = XPath(cues.OVERLAY_ENTRY_FIELD_XPATH)
_OVERLAY_LOGIN = compile_pattern(cues.OVERLAY_LOGIN_PATTERN, re.I)
_OVERLAY_SHARE_CLASS = compile_pattern(cues.OVERLAY_SHARE_CLASS_PATTERN, re.I)
_OVERLAY_SHARE_TEXT = compile_pattern(cues.OVERLAY_SHARE_TEXT_PATTERN, re.I)
#: Elements whose text a reader does not read as the overlay's (a country list's hundreds of options).
_UNREAD_CONTROL_TAGS = frozenset({"select", "option", "datalist", "script", "style", "noscript", "template"})


def overlay_units(segmentation: Segmentation) -> list[Unit]:
    """The forms and bios a page hides until a reader opens them (`cues.OVERLAY_DIALOG_ROLES` and the classes
    of `cues.OVERLAY_DIALOG_CLASS_PATTERN`, `OVERLAY_TIP_CLASS_PATTERN`): a dialog asking for an e-mail address,
    naming a sign-up by its class or its words ("Subscribe to our newsletter" in a pop-up) is a form (reason
    "overlay:dialog"); a hover card saying who the author is ("X is a food writer ...", or a bio class) is a bio
    (reason "overlay:tooltip"). Each hidden overlay is read as shown, outermost only. The units hold no block, so
    they never touch the body, the features or the page type: `extract` asks for them when it fills the record's
    `forms` and `bio` (`units.fields_from_units`)."""
    index = segmentation.index
    nodes, tags, hidden_at, last_at, roles, classes = (
        index.nodes,
        index.tags,
        index.hidden_at,
        index.last_at,
        index.roles,
        index.classes,
    )
    units: list[Unit] = []
    covered = -1  # the last element inside the overlay read last: only outermost ones are read
    for i in [j for j, hidden in enumerate(hidden_at) if hidden]:  # a few of a page's ~700 elements
        if i <= covered:
            continue
        end = covered = last_at[i]
        el = nodes[i]
        if isinstance(tags[i], str) and tags[i] not in _UNREAD_CONTROL_TAGS:
            kind = BlockLabel.FORM if el.get("aria-modal") == "true" else _overlay_kind(classes[i], roles[i])
            if kind is BlockLabel.FORM:
                unit = _overlay_form(index, i, end)
            elif kind is BlockLabel.BIO:
                unit = _overlay_bio(index, i, end)
            else:
                continue
            if unit is not None:
                units.append(unit)
    return units


def _overlay_text(index: BlockIndex, start: int, end: int) -> str:
    """An overlay's text as shown once opened: what is hidden inside it (but its own parts, named by the
    overlay's classes: "tooltip__bio"), and the options of its lists, left out."""
    nodes, tags, hidden_at, classes, roles = index.nodes, index.tags, index.hidden_at, index.classes, index.roles
    unread = {
        nodes[j]
        for j in range(start + 1, end + 1)
        if tags[j] in _UNREAD_CONTROL_TAGS
        or (hidden_at[j] and _overlay_kind(classes[j], roles[j]) is None)  # an overlay's own parts are shown
    }
    return visible_text(nodes[start], unread)


def _overlay_kind(cls: str | None, role: str | None) -> BlockLabel | None:
    """What an overlay its role or class names may hold: a dialog a form, a hover card a bio; None for no overlay."""
    role, cls = (role or "").lower(), cls or ""
    if role in cues.OVERLAY_DIALOG_ROLES or _OVERLAY_DIALOG_CLASS.search(cls):
        return BlockLabel.FORM
    if role == "tooltip" or _OVERLAY_TIP_CLASS.search(cls):
        return BlockLabel.BIO
    return None


def _declares(index: BlockIndex, start: int, end: int, label: BlockLabel) -> bool:
    """Whether the element at `start` or one inside it declares `label` by its attributes (`cues.ATTRIBUTE_CUES`)."""
    nodes, attributed = index.nodes, index.attributed
    for j in range(start, end + 1):
        if attributed[j] and isinstance(index.tags[j], str):
            declared = _declared(nodes[j])[2]
            if declared is not None and declared[0] is label:
                return True
    return False


def _overlay_form(index: BlockIndex, start: int, end: int) -> Unit | None:
    """A hidden dialog that is a sign-up or a contact form: an e-mail field, or sign-up words or a form class
    with no field (a script adds them) or a field to type into; never a login, a search, a menu or cookie settings."""
    el = index.nodes[start]
    if _PASSWORD_INPUTS(el) or _SEARCH_FORM(el):
        return None  # a login or a search box
    text = _overlay_text(index, start, end)
    words = len(text.split())
    if not cues.OVERLAY_MIN_WORDS <= words <= cues.OVERLAY_MAX_WORDS or _OVERLAY_CONSENT.search(text):
        return None
    if _OVERLAY_SHARE_CLASS.search(index.classes[start] or "") or _OVERLAY_SHARE_TEXT.search(text):
        return None  # "e-mail this story to a friend": sharing
    link_words = sum(len(collapse_whitespace(a.text_content()).split()) for a in _LINKS(el))
    if link_words > cues.OVERLAY_MENU_LINK_SHARE * words:
        return None  # a menu
    if _EMAIL_INPUTS(el):
        return Unit(BlockLabel.FORM, [el], "overlay:dialog,email-field", text)
    fields = [f for f in _CONTROLS(el) if _is_field(f)]
    if (fields and not _ENTRY_FIELDS(el)) or _OVERLAY_LOGIN.search(text):
        return None  # only boxes to tick or a link to copy; a login
    if _SIGNUP_TEXT.search(text) or _declares(index, start, end, BlockLabel.FORM):
        return Unit(BlockLabel.FORM, [el], "overlay:dialog", text)
    return None


def _overlay_bio(index: BlockIndex, start: int, end: int) -> Unit | None:
    text = _overlay_text(index, start, end)
    if not cues.OVERLAY_MIN_WORDS <= len(text.split()) <= cues.OVERLAY_MAX_WORDS:
        return None
    if not (_BIO_TEXT.search(text[:300]) or _declares(index, start, end, BlockLabel.BIO)):
        return None
    return Unit(BlockLabel.BIO, [index.nodes[start]], "overlay:tooltip", text)


def segment_page(
    root: HtmlElement,
    title: str | None = None,
    authors: list[str] | None = None,
    site: str | None = None,
    url: str | None = None,
    index: BlockIndex | None = None,
) -> Segmentation:
    """Label the boilerplate units of a page.

    `site` (the site's name or host) lets the company's "X is a leading ..." paragraph be found.
    `index` is `BlockIndex(root)` when the caller has built it already (`analyse_page`).
    """
    segmenter = Segmenter(root, title, authors or [], site, url, index)
    units = segmenter.run()
    index = segmenter.index
    block_units: list[Unit | None] = [None] * len(index.blocks)
    spans = [(unit, index.span(el)) for unit in units for el in unit.elements]
    for unit, (start, end) in sorted(spans, key=lambda item: item[1][0] - item[1][1]):  # outermost first
        block_units[start:end] = [unit] * (end - start)
    return Segmentation(units, index.blocks, block_units, index)


def selector(el: HtmlElement, index: BlockIndex | None = None) -> str:
    """A short CSS-like path: tag, id or first class, for each ancestor up to 4 levels.

    With the page's `index`, the tags, ids, classes and parents come from its lists, not lxml."""
    parts: list[str] = []
    for tag, ident, cls in _ancestry(el, index):
        if len(parts) == 4 or tag in ("html", "body"):
            break
        part = tag if isinstance(tag, str) else "node"
        idents, names = (ident or "").split(), (cls or "").split()
        if idents:
            part += "#" + idents[0]
        elif names:
            part += "." + names[0]
        parts.append(part)
    return " > ".join(reversed(parts))


def _ancestry(el: HtmlElement, index: BlockIndex | None) -> Iterator[tuple[object, str | None, str | None]]:
    """(tag, id, class) of `el` and of its ancestors, nearest first: from the index's lists while
    they hold them, then (past the root of an index over part of a page) from lxml."""
    i = index.order.get(el) if index is not None else None
    node: HtmlElement | None = el
    if i is not None:
        tags, ids, classes, parent_at = index.tags, index.ids, index.classes, index.parent_at
        while i >= 0:
            yield tags[i], ids[i], classes[i]
            i = parent_at[i]
        node = index.nodes[0].getparent()
    while node is not None:
        yield node.tag, node.get("id"), node.get("class")
        node = node.getparent()


__all__ = [
    "HEADING_TAGS",
    "BlockLabel",
    "Segmentation",
    "Segmenter",
    "Unit",
    "form_kind",
    "overlay_units",
    "segment_page",
    "selector",
]
