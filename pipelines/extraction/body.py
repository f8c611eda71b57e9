"""Which blocks are the body: the scorer's probabilities, reconciled with the rule-found units.

The scorer decides block by block. A unit the rules found (a bio, a promo, a form, ...)
keeps its blocks out of the body unless the scorer reads them as body text (their
word-weighted probability reaches `cues.UNIT_OVERRULED_MIN_PROBABILITY` for its label): then the rules
were wrong about it (a recipe's steps are not a promo) and the unit is dropped, its blocks
going wherever the scorer puts them. A merely likely reading does not overrule a rule:
an author bio reads like prose, and prose scores well. On a page that is not an article, a
promo, a teaser list, a menu or a comment thread may be what the page is about (a product's
offer, a listing's teasers, a forum's posts): there those units yield to the scorer's
ordinary reading (the body threshold). A page none of whose blocks reaches the threshold still gets a body
(`_fallback_body`), and a tiny body is read again at a lower threshold (`decide_body`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice

import numpy as np
from lxml.html import HtmlElement

from . import cues
from .blocks import Block, BlockIndex, class_words
from .dates import TEXT_DATE
from .segment import BlockLabel, Segmentation, Unit
from .whitespace import folded

#: The headline and byline frame the body and are never part of it, whatever the scorer says.
_FRAME_LABELS = frozenset({BlockLabel.TITLE, BlockLabel.BYLINE})


_RELATED_SURE_HEADING = re.compile(cues.RELATED_SURE_HEADING_PATTERN, re.IGNORECASE)
_WORDS = re.compile(r"\w+")
_BYLINE_LEAD = re.compile(cues.AUTHOR_LEAD_PATTERN, re.IGNORECASE)
_BYLINE_NAMES = re.compile(cues.FRAME_BYLINE_NAMES_PATTERN)
_DATE_FILLER = re.compile(cues.FRAME_DATE_FILLER_PATTERN, re.IGNORECASE)
_READING_TIME = re.compile(cues.READING_TIME_PATTERN, re.IGNORECASE)


def _overrule_at(unit: Unit) -> float:
    sure = cues.UNIT_OVERRULED_SURE.get(unit.label.value)
    if sure and unit.reason.startswith(sure[0]) and ",as-" not in unit.reason:
        return sure[1]  # found by evidence the rules trust (a class, a "Read more:" line)
    heading = unit.reason.removeprefix("heading:")
    if unit.label is BlockLabel.RELATED and heading != unit.reason and _RELATED_SURE_HEADING.match(heading):
        return cues.UNIT_OVERRULED_SURE["related"][1]  # under a heading no article's own section has
    return cues.UNIT_OVERRULED_MIN_PROBABILITY.get(unit.label.value, cues.UNIT_OVERRULED_DEFAULT_PROBABILITY)


def _holds_the_page(unit: Unit, words: float, page_words: int) -> bool:
    """Whether a unit of page furniture (a footer, a menu, an unnamed box) holds most of the page's words:
    then it is where the page put its content, and it yields to the body threshold like any block."""
    return unit.label.value in cues.DOMINANT_UNIT_LABELS and words >= cues.DOMINANT_UNIT_MIN_SHARE * page_words


def _grids_holding_the_page(units: list[Unit], words: dict[int, list[float]], page_words: int) -> set[int]:
    """The units of a grid of like cards (one label and reason, `cues.DOMINANT_GRID_LABELS`) that together hold
    most of the page's words: the page put its content in them, so they yield to the body threshold."""
    grids: dict[tuple[BlockLabel, str], list[int]] = {}
    for unit in units:
        if unit.label.value in cues.DOMINANT_GRID_LABELS and id(unit) in words:
            grids.setdefault((unit.label, unit.reason), []).append(id(unit))
    return {
        unit
        for grid in grids.values()
        if len(grid) >= cues.DOMINANT_GRID_MIN_UNITS
        and sum(words[unit][0] for unit in grid) >= cues.DOMINANT_UNIT_MIN_SHARE * page_words
        for unit in grid
    }


def _yield_at(unit: Unit, threshold: float, described: bool) -> float:
    """The reading at which a unit yields on a page typed other than article: the body threshold, but a related
    box its class names ("related-products", "recommend") needs an even reading (`cues.RELATED_CLASS_YIELD_PROBABILITY`)
    on a product page or a page with a description of its own (`described`): there the related items are not what
    the page is about, yet read near its low threshold. A listing without one may call its own grid "related"."""
    if described and unit.label is BlockLabel.RELATED and unit.reason.startswith("attr:") and ",as-" not in unit.reason:
        return max(threshold, cues.RELATED_CLASS_YIELD_PROBABILITY)
    return threshold


def _yields(unit: Unit, yielding: frozenset[str], first_block: int, headline_at: int) -> bool:
    """Whether the unit yields to the body threshold; a shop's reviews, found on shop pages only, the words of
    a page's controls (`cues.CONTROL_LINE_CUES`: "Sort by", "Loading...") and its filter panel
    (`cues.FILTER_PANEL_PATTERN`) never do.
    Nor does a promo that starts above the page's headline (`headline_at`, the first block of the title
    unit): a bar of offers over a shop's or a listing's page ("Free shipping over $50") is site furniture,
    not what the page is about; the product cards a page may be about come under its headline."""
    if unit.label.value not in yielding or unit.reason.startswith(
        (cues.REVIEWS_REASON, cues.CONTROL_LINE_REASON, cues.FILTER_PANEL_REASON)
    ):
        return False
    return unit.label is not BlockLabel.PROMO or first_block >= headline_at


@dataclass
class BodyDecision:
    body: list[bool]  # per block of the segmentation
    probability: np.ndarray
    units: list[Unit]  # the units kept as boilerplate
    block_units: list[Unit | None]  # per block, its kept unit
    why: list[str] | None = None  # per block, the features that decided (with `extract(..., explain=True)`)
    fallback: bool = False  # no block reached the threshold: the body is the best of the free blocks
    repeated: set[int] = field(default_factory=set)  # blocks left out as a copy of earlier body blocks
    lowered: bool = False  # the body at the threshold was tiny: this is the lower reading (`decide_body`)
    # the blocks left out as the headline said again where the body starts (its first, or before its first sure one)
    title_repeats: set[int] = field(default_factory=set)
    frame_lines: set[int] = field(default_factory=set)  # an article's byline or date lines left out where it starts
    standfirst: set[int] = field(default_factory=set)  # an article's blocks left out as its standfirst (`decide_body`)
    captions: set[int] = field(default_factory=set)  # an article's blocks left out as a picture's caption
    # an article's blocks left out as unsure above its headline, before its first sure block, after its last
    above_headline: set[int] = field(default_factory=set)
    before_article: set[int] = field(default_factory=set)
    after_article: set[int] = field(default_factory=set)

    def left_out(self, i: int) -> tuple[BlockLabel, str] | None:
        """The label and reason of block `i` if one of the rules above left it out of the body, the first that did (the
        sets of `_decide_at` may share a block); None otherwise."""
        for blocks, label, reason in (
            (self.title_repeats, BlockLabel.TITLE, "body-start=title"),
            (self.frame_lines, BlockLabel.BYLINE, "body-start=byline"),
            (self.standfirst, BlockLabel.OTHER, "standfirst"),
            (self.repeated, BlockLabel.OTHER, "repeated"),
            (self.captions, BlockLabel.OTHER, "caption"),
            (self.above_headline, BlockLabel.OTHER, "above-headline"),
            (self.before_article, BlockLabel.OTHER, "before-article"),
            (self.after_article, BlockLabel.OTHER, "after-article"),
        ):
            if i in blocks:
                return label, reason
        return None


def decide_body(
    segmentation: Segmentation,
    probability: np.ndarray,
    page_type: str | None = None,
    title: str | None = None,
    standfirst: str | None = None,
) -> BodyDecision:
    """On a page typed other than article (None is an article), the units that are boilerplate
    only around an article (`cues.ARTICLE_ONLY_UNIT_LABELS`) yield to the scorer's ordinary
    reading, the body threshold, instead of their own; the threshold is the page type's
    (`cues.BODY_THRESHOLD_BY_PAGE_TYPE`). The promos of a category page with a description of its
    own (`cues.DESCRIBED_PAGE_TYPES`) stay promos: there the description is the content, not the cards.

    A body of fewer than `cues.TINY_BODY_MAX_WORDS` words is read again at a lower threshold
    (`cues.TINY_BODY_THRESHOLD_SHARE` of it), and that reading is the body when it holds
    `cues.TINY_BODY_MIN_GROWTH` times the words or more: the scorer read the page's content (a
    page of testimonials, a shop's listing, a thread the model has never seen the like of) just
    below the threshold, and the few lines above it are what surrounds the content, not the content.
    A short article whose body is all there is gains little from the lower reading and keeps its body.

    An article's body never starts with its headline (`title`) said again: a block that says it word for word
    where the body would start, or anywhere before the body's first sure block (`cues.ARTICLE_SURE_PROBABILITY`:
    under a kicker, or a second copy the page keeps for phones), is left out (`BodyDecision.title_repeats`). A
    product's name there is its content. Nor does it start with its standfirst: an unsure block before the first sure
    one whose words are the page's declared description (`standfirst`, of `cues.STANDFIRST_MIN_WORDS` words or
    more, and no more than `cues.STANDFIRST_MAX_SHARE` of the body) is the summary over the article, not its text
    (`BodyDecision.standfirst`).
    Nor does it hold a picture's caption (`BodyDecision.captions`)."""
    threshold = cues.BODY_THRESHOLD_BY_PAGE_TYPE.get(page_type or "article", cues.BODY_THRESHOLD)
    decision = _decide_at(segmentation, probability, page_type, threshold)
    words = _body_words(segmentation.blocks, decision.body)
    if words < cues.TINY_BODY_MAX_WORDS:
        lower = _decide_at(segmentation, probability, page_type, threshold * cues.TINY_BODY_THRESHOLD_SHARE)
        if _body_words(segmentation.blocks, lower.body) >= cues.TINY_BODY_MIN_GROWTH * max(words, 1):
            lower.lowered = True
            decision = lower
    if page_type in (None, "article"):
        if title:
            _leave_out_title_repeats(decision, segmentation.blocks, title)
        if standfirst:
            _leave_out_standfirst(decision, segmentation.blocks, standfirst)
        _leave_out_frame_lines(decision, segmentation.blocks)
    return decision


def _opening(decision: BodyDecision, blocks: list[Block], none: int = -1) -> tuple[list[int], int]:
    """The body's blocks with text, and the first of them the scorer is sure of (`cues.ARTICLE_SURE_PROBABILITY`), else
    `none`: by default no block stands before it, since a body the scorer is sure of nowhere has no start for a
    standfirst or a byline to stand over (a listing's cards typed article, whose field labels read "Reported by:")."""
    kept = [i for i, keep in enumerate(decision.body) if keep and blocks[i].text]
    probability = decision.probability
    return kept, next((i for i in kept if probability[i] >= cues.ARTICLE_SURE_PROBABILITY), none)


def _leave_out_title_repeats(decision: BodyDecision, blocks: list[Block], title: str) -> None:
    said = folded(title)
    kept, sure = _opening(decision, blocks, none=len(blocks))  # the headline said again is none of any body's text
    repeats = {i for n, i in enumerate(kept) if (n == 0 or i < sure) and blocks[i].text.lower() == said}
    for i in repeats:
        decision.body[i] = False
    decision.title_repeats = repeats


def _leave_out_standfirst(decision: BodyDecision, blocks: list[Block], standfirst: str) -> None:
    words = _WORDS.findall(standfirst.casefold())
    if len(words) < cues.STANDFIRST_MIN_WORDS:
        return  # "Read more", a site's slogan: too short to tell a summary from a line of the text
    kept, sure = _opening(decision, blocks)
    said = {i for i in kept if i < sure and _WORDS.findall(blocks[i].text.casefold()) == words}
    if sum(blocks[i].words for i in said) > cues.STANDFIRST_MAX_SHARE * sum(blocks[i].words for i in kept):
        return  # a summary is short beside the text it sums up: this one is a good part of a short page's text
    decision.standfirst = said
    for i in said:
        decision.body[i] = False


def _leave_out_frame_lines(decision: BodyDecision, blocks: list[Block]) -> None:
    kept, sure = _opening(decision, blocks)
    decision.frame_lines = {
        i for i in kept if i < sure and blocks[i].words <= cues.FRAME_LINE_MAX_WORDS and _frame_line(blocks[i].text)
    }
    for i in decision.frame_lines:
        decision.body[i] = False


def _frame_line(text: str) -> bool:
    """A byline, a date line or a reading time (`cues.FRAME_LINE_MAX_WORDS`): the frame an article's text starts under."""
    lead = _BYLINE_LEAD.match(text)
    if lead and _BYLINE_NAMES.match(text[lead.end() :].strip()):
        return True
    if TEXT_DATE.search(text) and _DATE_FILLER.match(TEXT_DATE.sub(" ", text)):
        return True
    return bool(_READING_TIME.search(text))


def _body_words(blocks: list[Block], body: list[bool]) -> int:
    return sum(block.words for block, keep in zip(blocks, body, strict=True) if keep)


def _decide_at(
    segmentation: Segmentation, probability: np.ndarray, page_type: str | None, threshold: float
) -> BodyDecision:
    """The body at one threshold (`decide_body`)."""
    blocks: list[Block] = segmentation.blocks
    yielding = cues.ARTICLE_ONLY_UNIT_LABELS if page_type not in (None, "article") else frozenset()
    if page_type not in cues.MENU_CONTENT_PAGE_TYPES:
        yielding = yielding - {BlockLabel.NAVIGATION.value}  # a menu is content on a shop's category page only
    scored = [bool(b.text) and p >= threshold for b, p in zip(blocks, probability, strict=True)]
    described = bool(yielding) and _described(segmentation, scored)
    if page_type in cues.DESCRIBED_PAGE_TYPES and described:
        yielding = yielding - {BlockLabel.PROMO.value}  # the page's description is its content, not its cards
    related_even = described or page_type in cues.RELATED_CLASS_EVEN_PAGE_TYPES
    weighted: dict[int, list[float]] = {}  # per unit: words, probability-weighted words
    first_block: dict[int, int] = {}  # per unit: its first block
    for i, unit in enumerate(segmentation.block_units):
        if unit is not None:
            first_block.setdefault(id(unit), i)
            sums = weighted.setdefault(id(unit), [0.0, 0.0])
            sums[0] += blocks[i].words
            sums[1] += blocks[i].words * float(probability[i])
    page_words = sum(b.words for b in blocks)
    headline_at = segmentation.first_block_of(BlockLabel.TITLE)
    grids = _grids_holding_the_page(segmentation.units, weighted, page_words)
    overruled = {
        id(unit)
        for unit in segmentation.units
        if unit.label not in _FRAME_LABELS
        and (sums := weighted.get(id(unit)))
        and sums[0]
        and sums[1]
        >= (
            _yield_at(unit, threshold, related_even)
            if _yields(unit, yielding, first_block.get(id(unit), 0), -1 if headline_at is None else headline_at)
            or _holds_the_page(unit, sums[0], page_words)
            or id(unit) in grids
            else _overrule_at(unit)
        )
        * sums[0]
    }
    units = [u for u in segmentation.units if id(u) not in overruled]
    block_units = [u if u is not None and id(u) not in overruled else None for u in segmentation.block_units]
    body = [keep and unit is None for keep, unit in zip(scored, block_units, strict=True)]
    _fill_between(blocks, body, block_units, probability, threshold * cues.BETWEEN_BODY_THRESHOLD_SHARE)
    fallback = not any(body)
    if fallback:
        body = _fallback_body(segmentation, probability)
    repeated = _repeats(blocks, body, page_type in (None, "article"))
    for i in repeated:
        body[i] = False
    captions: set[int] = set()
    above: set[int] = set()
    before: set[int] = set()
    after: set[int] = set()
    if page_type in (None, "article"):
        for i in _furniture_copies(blocks, body, block_units):
            body[i] = False
        captions = _captions(segmentation, body)
        above = set() if fallback else _above_headline(body, probability, headline_at)
        before, after = (set(), set()) if fallback else _unsure_edges(body, probability)
        for i in captions | above | before | after:
            body[i] = False
        _drop_trailing_headings(blocks, body)
    return BodyDecision(
        body,
        probability,
        units,
        block_units,
        fallback=fallback,
        repeated=repeated,
        captions=captions,
        above_headline=above,
        before_article=before,
        after_article=after,
    )


def _unsure_edges(body: list[bool], probability: np.ndarray) -> tuple[set[int], set[int]]:
    """An article's body blocks before its first sure one and after its last (`cues.ARTICLE_SURE_PROBABILITY`) that
    the scorer reads just above the threshold (below `cues.ARTICLE_EDGE_MIN_PROBABILITY`): an article's own first
    and last lines read surely, and what stands around them reading half like prose is mostly its site's (a
    kicker or a teaser over the text; more posts, a company's pitch or an FAQ widget after it)."""
    sure = [i for i, keep in enumerate(body) if keep and probability[i] >= cues.ARTICLE_SURE_PROBABILITY]
    if not sure:
        return set(), set()
    unsure = {i for i, keep in enumerate(body) if keep and probability[i] < cues.ARTICLE_EDGE_MIN_PROBABILITY}
    return {i for i in unsure if i < sure[0]}, {i for i in unsure if i > sure[-1]}


def _above_headline(body: list[bool], probability: np.ndarray, headline_at: int | None) -> set[int]:
    """An article's body blocks above its headline that the scorer is unsure of
    (`cues.ABOVE_HEADLINE_BODY_MIN_PROBABILITY`): an article's text starts at its headline, and what stands over
    it and reads half like prose is a breadcrumb, a section's name, a ticker or a strip of promoted links."""
    if headline_at is None:
        return set()
    return {i for i in range(headline_at) if body[i] and probability[i] < cues.ABOVE_HEADLINE_BODY_MIN_PROBABILITY}


def _captions(segmentation: Segmentation, body: list[bool]) -> set[int]:
    """An article's body blocks that are a picture's caption: inside a `<figcaption>` (`cues.CAPTION_TAGS`), or in an
    element its class or id names a caption (`_named_caption`), or a block (a `<figure>`, a gallery's item) whose
    words are all its caption's. The scorer reads a long caption as prose, but it describes a picture the record
    does not hold, and an article's text does not run through it."""
    index = segmentation.index
    spans = [(at, index.last_at[at]) for at in index.positions_of_any(cues.CAPTION_TAGS)]
    return {
        i
        for i, (block, keep) in enumerate(zip(segmentation.blocks, body, strict=True))
        if keep
        and (
            any(first <= block.position <= last for first, last in spans)
            or any(
                block.position < first <= index.last_at[block.position] and index.words_at[first] >= block.words
                for first, _ in spans
            )
            or _named_caption(index, block.position)
        )
    }


def _named_caption(index: BlockIndex, at: int) -> bool:
    """Whether the element at position `at`, or its ancestors up to `cues.CAPTION_CLASS_LEVELS` in all, has a class or
    id word ending in `cues.CAPTION_CLASS_WORD` ("wp-caption-text", "image-caption", "embeddedMediaCaption") and
    holds at most `cues.CAPTION_MAX_WORDS` words: no wrapper of the article's text that happens to say "caption"."""
    for _ in range(cues.CAPTION_CLASS_LEVELS):
        if at < 0 or index.words_at[at] > cues.CAPTION_MAX_WORDS:
            return False
        if index.attributed[at] and any(
            word.removesuffix("s").endswith(cues.CAPTION_CLASS_WORD)
            for word in class_words(index.classes[at], index.ids[at])
        ):
            return True
        at = index.parent_at[at]
    return False


def _fill_between(
    blocks: list[Block], body: list[bool], block_units: list[Unit | None], probability: np.ndarray, floor: float
) -> None:
    """A table no unit holds, read at `floor` or more, between two body blocks of its own parent, is body: the
    scorer, trained mostly on prose, is unsure of an article's data table (`cues.BETWEEN_BODY_THRESHOLD_SHARE`)."""
    texts = [i for i, block in enumerate(blocks) if block.text]
    for before, i, after in zip(texts, texts[1:], texts[2:], strict=False):
        if blocks[i].element.tag != "table" or body[i] or block_units[i] is not None or probability[i] < floor:
            continue
        parent = blocks[i].element.getparent()
        if (
            body[before]
            and body[after]
            and blocks[before].element.getparent() is parent is blocks[after].element.getparent()
        ):
            body[i] = True


def _furniture_copies(blocks: list[Block], body: list[bool], block_units: list[Unit | None]) -> set[int]:
    """The body blocks of an article (`cues.FURNITURE_COPY_MIN_WORDS` words or more) whose text a block of a
    kept footer, promo or related unit (`cues.FURNITURE_COPY_LABELS`) says word for word. Why: the scorer
    reads a ticker's or a teaser's lines as prose wherever they are, and their copy in the site's furniture
    says what they are; an article's own paragraphs are not repeated in its footer."""
    furniture = {
        block.text.lower()
        for block, unit in zip(blocks, block_units, strict=True)
        if unit is not None
        and unit.label.value in cues.FURNITURE_COPY_LABELS
        and block.words >= cues.FURNITURE_COPY_MIN_WORDS
    }
    if not furniture:
        return set()
    return {
        i
        for i, (block, keep) in enumerate(zip(blocks, body, strict=True))
        if keep and block.words >= cues.FURNITURE_COPY_MIN_WORDS and block.text.lower() in furniture
    }


def _drop_trailing_headings(blocks: list[Block], body: list[bool]) -> None:
    """An article's body does not end on a heading: a heading with no body text after it opens a section
    that is not there (a "Related Topics" heading over an empty list, read by the scorer as the article's
    next section). Kept when the body holds nothing else. Articles only: on a shop's or a listing's page
    the items' names can be headings, and the last of them are content."""
    kept = [i for i, keep in enumerate(body) if keep]
    last = len(kept)
    while last and blocks[kept[last - 1]].kind == "heading":
        last -= 1
    if last:
        for i in kept[last:]:
            body[i] = False


def _repeats(blocks: list[Block], body: list[bool], on_article: bool = False) -> set[int]:
    """The body blocks that copy an earlier run of body blocks word for word, `cues.REPEATED_MIN_WORDS`
    words or more in all: the same content laid out twice (for phones and for desktops, one copy hidden
    by a stylesheet), a product's description again under a tab, a thread's post quoted whole. A short
    line repeated in every card ("Screen size: up to 43 inches") is kept, and so, `on_article`, is a
    repeat in the same list or section as its copy with other blocks between them (`_same_container`):
    a plan whose days repeat a line, a notice under each item of a list."""
    kept = [i for i, keep in enumerate(body) if keep]
    keys = [blocks[i].text.lower() for i in kept]
    seen: dict[str, list[int]] = {}  # text -> where in `kept` it was
    repeated: set[int] = set()
    j = 0
    while j < len(keys):
        longest, start = 0, 0
        for k in seen.get(keys[j], ())[-cues.REPEAT_CANDIDATES :]:
            m = 0
            while j + m < len(keys) and k + m < j and keys[k + m] == keys[j + m]:
                m += 1
            if m and m >= longest:  # the nearest of the longest copies
                longest, start = m, k
        run = 1
        if (
            longest
            and sum(blocks[i].words for i in kept[j : j + longest]) >= cues.REPEATED_MIN_WORDS
            and not (
                on_article
                and start + longest < j
                and _same_container(blocks[kept[start]].element, blocks[kept[j]].element)
            )
            and not _other_tab_panels(blocks[kept[start]].element, blocks[kept[j]].element)
        ):
            repeated.update(kept[j : j + longest])
            run = longest
        for x in range(j, j + run):
            seen.setdefault(keys[x], []).append(x)
        j += run
    return repeated


def _tab_panel(el: HtmlElement) -> HtmlElement | None:
    """The nearest tab panel around a block, if any."""
    return next((node for node in el.iterancestors() if node.get("role") == "tabpanel"), None)


def _other_tab_panels(first: HtmlElement, second: HtmlElement) -> bool:
    """Whether two blocks lie in two different tab panels (role="tabpanel"): the same step written for
    each language or platform a guide's tabs offer is content in each, not a page laid out twice."""
    panel = _tab_panel(second)
    return panel is not None and _tab_panel(first) not in (None, panel)


def _same_container(first: HtmlElement, second: HtmlElement) -> bool:
    """Whether two blocks share an ancestor at most `cues.REPEATED_SAME_CONTAINER_LEVELS` levels above each:
    items of one list, rows of one table, cards of one section, whose repeated lines are content."""
    levels = cues.REPEATED_SAME_CONTAINER_LEVELS
    near = set(islice(first.iterancestors(), levels))
    return any(node in near for node in islice(second.iterancestors(), levels))


def _described(segmentation: Segmentation, scored: list[bool]) -> bool:
    """Whether the page has a description of its own: paragraphs the scorer keeps in no rule-found unit
    (`cues.DESCRIPTION_BLOCK_WORDS` words or more each, `cues.DESCRIPTION_MIN_WORDS` in all)."""
    words = sum(
        block.words
        for block, keep, unit in zip(segmentation.blocks, scored, segmentation.block_units, strict=True)
        if keep and unit is None and block.words >= cues.DESCRIPTION_BLOCK_WORDS
    )
    return words >= cues.DESCRIPTION_MIN_WORDS


def _fallback_body(segmentation: Segmentation, probability: np.ndarray) -> list[bool]:
    """Every page gets a body: when no block reaches the threshold, the blocks in no rule-found
    unit (so neither the headline nor the byline) scoring near the best of them."""
    free = [
        i
        for i, (block, unit) in enumerate(zip(segmentation.blocks, segmentation.block_units, strict=True))
        if block.text and unit is None
    ]
    if not free:
        return [False] * len(segmentation.blocks)
    floor = cues.BODY_FALLBACK_SHARE_OF_BEST * max(float(probability[i]) for i in free)
    chosen = {i for i in free if probability[i] >= floor}
    return [i in chosen for i in range(len(segmentation.blocks))]
