"""The page-level facts the page-type classifier reads (`PAGE_FEATURE_NAMES`).

What the page declares (schema.org types, og:type), the words of its URL path, its shape
(headings, teasers, prices, forms, code, repeated cards, prose runs) and how much of it the
block scorer reads as body. `static_page_features` and `block_summary` need no model, so
training computes them once per page; `body_page_features` adds the scorer's reading.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from itertools import chain, compress
from typing import TYPE_CHECKING

import numpy as np
from lxml.etree import XPath

from . import cues
from .blocks import BlockIndex, any_between
from .page import AnalysedPage
from .patterns import MatchCounter, compile_pattern
from .urls import split_url
from .whitespace import count_spaced_words

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from .blocks import Block


_URL_SPLIT = re.compile(r"[-_.]+")
_DIGIT_RUN = re.compile(r"\d+")
_URL_DATE = re.compile(r"/(19|20)\d\d/(0?[1-9]|1[0-2])(/|$)")
# the page-text patterns run over the whole text of every page: RE2 (patterns.py), 3-7x `re`'s speed here,
# and counted without building the matches (MatchCounter)
_PRICE = MatchCounter(cues.PRICE_PATTERN)
_CART = compile_pattern(cues.CART_PATTERN, re.I)
_FORUM = MatchCounter(cues.FORUM_PATTERN, re.I)
_OG_CODE = {value: i + 1 for i, value in enumerate(cues.PAGE_OG_TYPES)}
_CLASS_WORD = re.compile(r"[a-z]+")
_TEXT_PATTERNS = {group: MatchCounter(pattern) for group, pattern in cues.PAGE_TEXT_PATTERNS.items()}
_TEXT_DATE = MatchCounter(cues.PAGE_DATE_PATTERN, re.I)
_AGO = MatchCounter(cues.PAGE_AGO_PATTERN, re.I)
_PHONE = MatchCounter(cues.PAGE_PHONE_PATTERN)
_URL_VERSION = re.compile(cues.URL_VERSION_PATTERN)
_URL_ID = re.compile(cues.URL_ID_PATTERN)
_PRICE_RE = compile_pattern(cues.PRICE_PATTERN)
_ITEM_DATE = compile_pattern(f"{cues.PAGE_DATE_PATTERN}|{cues.PAGE_AGO_PATTERN}", re.I)
_LISTS = frozenset({"ul", "ol"})
_PRONOUNS = {group: MatchCounter(pattern, re.I) for group, pattern in cues.PAGE_PRONOUN_PATTERNS.items()}
_SENTENCE_END = re.compile(cues.PAGE_SENTENCE_END_PATTERN)
_HEADLINE_DATE = re.compile(f"{cues.PAGE_DATE_PATTERN}|{cues.BYLINE_TEXT_PATTERN}", re.I)
_HOST_SPLIT = re.compile(r"[-_]")
_SCRIPT_PAGE = (".html", ".htm", ".php", ".aspx")
_COUNTED_TAGS = (
    "h1",
    "h2",
    "h3",
    "article",
    "time",
    "form",
    "input",
    "pre",
    "code",
    "table",
    "li",
    "img",
    "aside",
    "nav",
    "a",
    "p",
    "button",
)

PAGE_FEATURE_NAMES: tuple[str, ...] = (
    *(f"jsonld_{group}" for group in cues.JSONLD_TYPE_GROUPS),
    "og_type",
    *(f"url_{group}" for group in cues.URL_WORD_GROUPS),
    "url_depth",
    "url_date",
    "url_slug_words",
    "url_digit_runs",
    "url_query",
    "url_root",
    *(f"log_{tag}" for tag in _COUNTED_TAGS),
    "log_teasers",
    "log_repeated_class",
    "log_blocks",
    "log_words",
    "log_prices",
    "cart",
    "log_forum_words",
    "has_title",
    "has_author",
    "has_date",
    "units_related",
    "units_comments",
    "units_form",
    "units_promo",
    # class/id words, microdata, links, forms, prose, phrases, dates (pagetype.markup_features)
    *(f"class_{group}" for group in cues.PAGE_CLASS_WORD_GROUPS),
    *(f"microdata_{group}" for group in cues.MICRODATA_TYPE_GROUPS),
    "itemprop_price",
    "itemprop_article",
    "itemprop_rating",
    "link_density",
    "log_long_links",
    "log_image_links",
    "log_tel_links",
    "log_mailto_links",
    "heading_anchor_share",
    "log_select",
    "log_option",
    "log_quantity_inputs",
    "log_repeated_groups",
    "log_second_repeated_class",
    "log_long_paragraphs",
    "long_paragraph_share",
    "log_longest_paragraph",
    "log_longest_block",
    "prose_share",
    *(f"{kind}_{group}" for group in cues.PAGE_TEXT_PATTERNS for kind in ("log_phrases", "phrase_rate")),
    "log_text_dates",
    "log_text_ago",
    "log_phones",
    "code_share",
    "url_version",
    "url_script_page",
    "url_last_chars",
    "meta_published_time",
    "meta_product",
    "rel_next",
    "title_words",
    *(f"host_{group}" for group in cues.URL_WORD_GROUPS),
    # the prose runs, headings, pronouns, sentences and headline of the page (`_reading_features`)
    "log_longest_run",
    "longest_run_share",
    "longest_run_of_prose",
    "log_long_runs",
    "log_runs",
    "log_longest_run_blocks",
    "log_longest_run_headings",
    "question_heading_share",
    "linked_heading_share",
    "log_words_per_heading",
    "mean_heading_words",
    "sentence_end_share",
    "mean_sentence_words",
    *(f"pronoun_rate_{group}" for group in cues.PAGE_PRONOUN_PATTERNS),
    "has_headline_block",
    "words_before_headline",
    "h1_blocks",
    "headline_words",
    "date_near_headline",
    "time_near_headline",
    # what the page declares beyond its types, and its largest <article> and <main> (`_declared_features`)
    "jsonld_type_count",
    "breadcrumb_links",
    "article_element_share",
    "main_element_share",
    "has_description",
    "has_modified",
    "has_site_name",
    "log_meta_tags",
    "published_source",
    # the page's main repeated structure, its nested lists, what stands by its headline (`_structure_features`)
    "rep_price_share",
    "rep_date_share",
    "max_list_depth",
    "log_nested_list_links",
    "price_near_headline",
    "actions_near_headline",
    "log_actions",
    "url_id",
    # from the block scorer's probabilities (`body_page_features`)
    "log_body_words",
    "body_share",
    "body_blocks_share",
    "body_heading_share",
    "body_li_share",
    "body_link_share",
    "log_body_runs",
    "body_main_run_share",
    "words_before_body",
)
_COLUMN = {name: i for i, name in enumerate(PAGE_FEATURE_NAMES)}
_BODY_START = _COLUMN["log_body_words"]


def _log(n: float) -> float:
    return math.log1p(n)


def block_summary(page: AnalysedPage) -> np.ndarray:
    """Per block: words, heading, list item, linked: what `body_page_features` needs of the blocks."""
    return np.array(
        [(b.words, b.kind == "heading", b.element.tag == "li", b.linked) for b in page.segmentation.blocks],
        dtype=np.float32,
    ).reshape(-1, 4)


def body_page_features(summary: np.ndarray, probability: np.ndarray) -> np.ndarray:
    """How much of the page, and what kind of blocks, the block scorer reads as body."""
    words, heading, li, linked = summary.T if len(summary) else (np.zeros(0),) * 4
    total = float(words.sum()) or 1.0
    body = (probability >= cues.BODY_THRESHOLD) & (words > 0)
    body_words = float(words[body].sum())
    out = np.zeros(len(PAGE_FEATURE_NAMES) - _BODY_START, dtype=np.float32)
    out[0] = _log(body_words)
    out[1] = body_words / total
    out[2] = body.sum() / (len(summary) or 1)
    if body_words:
        out[3] = heading[body].sum() / body.sum()
        out[4] = words[body & (li > 0)].sum() / body_words
        out[5] = words[body & (linked > 0)].sum() / body_words
        # the body's runs of consecutive blocks (blocks without words neither break nor join them)
        shown = words > 0
        in_body, shown_words = body[shown], words[shown]
        starts = np.flatnonzero(in_body & ~np.concatenate(([False], in_body[:-1])))
        ends = np.flatnonzero(in_body & ~np.concatenate((in_body[1:], [False])))
        cumulative = np.concatenate(([0.0], np.cumsum(shown_words)))
        out[6] = _log(len(starts))
        out[7] = float((cumulative[ends + 1] - cumulative[starts]).max()) / body_words
        out[8] = float(cumulative[starts[0]]) / total
    else:
        out[8] = 1.0
    return out


def static_page_features(page: AnalysedPage) -> np.ndarray:
    """The features that do not depend on the block scorer: declarations, URL, markup, text."""
    row = np.zeros(_BODY_START, dtype=np.float32)
    col = _COLUMN
    meta = page.meta
    for group, types in cues.JSONLD_TYPE_GROUPS.items():
        row[col[f"jsonld_{group}"]] = 1.0 if meta.jsonld_types & types else 0.0
    row[col["og_type"]] = _OG_CODE.get(meta.og_type or "", len(_OG_CODE) + 1) if meta.og_type else 0
    parts = split_url(meta.url)
    segments = [s for s in parts.path.lower().split("/") if s]
    words = {w for s in segments for w in _URL_SPLIT.split(s) if w} | set(segments)
    for group, hints in cues.URL_WORD_GROUPS.items():
        row[col[f"url_{group}"]] = len(words & hints)
    row[col["url_depth"]] = len(segments)
    row[col["url_date"]] = 1.0 if _URL_DATE.search(parts.path) else 0.0
    row[col["url_slug_words"]] = len(_URL_SPLIT.split(segments[-1])) if segments else 0
    row[col["url_digit_runs"]] = len(_DIGIT_RUN.findall(parts.path))
    row[col["url_query"]] = 1.0 if parts.query else 0.0
    row[col["url_root"]] = 1.0 if not segments else 0.0

    blocks = page.segmentation.blocks
    text = " ".join(b.text for b in blocks)  # the page's text, joined and encoded once for all its patterns
    encoded = text.encode()
    tags, classes = _markup_features(page, row, text, encoded)
    for tag in _COUNTED_TAGS:
        row[col[f"log_{tag}"]] = _log(tags[tag])
    row[col["log_repeated_class"]] = _log(max(classes.values(), default=0))

    row[col["log_blocks"]] = _log(len(blocks))
    row[col["log_words"]] = _log(sum(b.words for b in blocks))
    row[col["log_prices"]] = _log(_PRICE.count(text, encoded))
    row[col["cart"]] = 1.0 if _CART.search(text) else 0.0
    row[col["log_forum_words"]] = _log(_FORUM.count(text, encoded))
    row[col["has_title"]] = 1.0 if meta.title else 0.0
    row[col["has_author"]] = 1.0 if meta.authors else 0.0
    row[col["has_date"]] = 1.0 if meta.published else 0.0
    units = Counter(unit.label.value for unit in page.segmentation.units)
    for label in ("related", "comments", "form", "promo"):
        row[col[f"units_{label}"]] = units[label]
    _host_features(parts.hostname or "", row)
    _reading_features(page, row)
    _declared_features(page, row)
    _structure_features(page, row)
    return row


def _prose_runs(blocks: list[Block]) -> list[tuple[int, int, int]]:
    """(words, prose blocks, headings) of each run of prose in reading order: text blocks of
    `cues.PAGE_RUN_PROSE_WORDS` words or more, not all links, a run passing over at most
    `cues.PAGE_RUN_MAX_GAP` headings, images and short text blocks in a row."""
    runs: list[tuple[int, int, int]] = []
    words = prose = headings = gap = 0
    for block in blocks:
        if block.kind == "text" and not block.linked and block.words >= cues.PAGE_RUN_PROSE_WORDS:
            words, prose, gap = words + block.words, prose + 1, 0
        elif (
            prose
            and gap < cues.PAGE_RUN_MAX_GAP
            and (block.kind in ("heading", "image") or (block.kind == "text" and not block.linked))
        ):
            gap += 1
            headings += block.kind == "heading"
        else:
            if prose:
                runs.append((words, prose, headings))
            words = prose = headings = gap = 0
    if prose:
        runs.append((words, prose, headings))
    return runs


def _headline_at(page: AnalysedPage) -> int | None:
    """The block of the headline: the one the segmenter labels the title, else the first h1."""
    blocks, units = page.segmentation.blocks, page.segmentation.block_units
    for i, unit in enumerate(units):
        if unit is not None and unit.label.value == "title":
            return i
    return next((i for i, block in enumerate(blocks) if block.element.tag == "h1"), None)


def _reading_features(page: AnalysedPage, row: np.ndarray) -> None:
    """What a reader sees of the page's text: one long run of prose or many short ones, the
    headings (questions, links, how much text each one heads), who speaks to whom (pronouns),
    whether text blocks end as sentences, and the headline with a date beside it."""
    col = _COLUMN
    blocks = page.segmentation.blocks
    total = sum(b.words for b in blocks) or 1
    runs = _prose_runs(blocks)
    longest = max(runs, default=(0, 0, 0))
    prose_words = sum(run[0] for run in runs)
    row[col["log_longest_run"]] = _log(longest[0])
    row[col["longest_run_share"]] = longest[0] / total
    row[col["longest_run_of_prose"]] = longest[0] / prose_words if prose_words else 0.0
    row[col["log_long_runs"]] = _log(sum(1 for run in runs if run[0] >= cues.PAGE_RUN_LONG_WORDS))
    row[col["log_runs"]] = _log(len(runs))
    row[col["log_longest_run_blocks"]] = _log(longest[1])
    row[col["log_longest_run_headings"]] = _log(longest[2])

    headings = [b for b in blocks if b.kind == "heading"]
    if headings:
        row[col["question_heading_share"]] = sum(1 for b in headings if b.text.rstrip().endswith("?")) / len(headings)
        row[col["linked_heading_share"]] = sum(1 for b in headings if b.linked) / len(headings)
        row[col["mean_heading_words"]] = sum(b.words for b in headings) / len(headings)
    row[col["log_words_per_heading"]] = _log(total / (len(headings) + 1))

    texts = [b for b in blocks if b.kind == "text" and not b.linked]
    sentences = [b for b in texts if b.words >= cues.PAGE_SENTENCE_BLOCK_WORDS]
    sentence_words = sum(b.words for b in sentences)
    if sentence_words:
        ended = sum(b.words for b in sentences if _SENTENCE_END.search(b.text.strip()))
        row[col["sentence_end_share"]] = ended / sentence_words
    prose = " ".join(b.text for b in texts if b.words >= cues.PAGE_PRONOUN_BLOCK_WORDS)
    prose_count = count_spaced_words(prose)  # block texts are folded
    if prose_count:
        # its sentences: the pieces between whitespace after . ! or ?; block texts are folded, so
        # every such whitespace is one space and no piece is blank
        sentences = 1 + sum(prose.count(end + " ") for end in ".!?")
        row[col["mean_sentence_words"]] = prose_count / sentences
        encoded = prose.encode()  # counted by every pronoun group
        for group, pattern in _PRONOUNS.items():
            row[col[f"pronoun_rate_{group}"]] = pattern.count(prose, encoded) / prose_count * 100

    at = _headline_at(page)
    row[col["h1_blocks"]] = sum(1 for b in blocks if b.element.tag == "h1")
    row[col["words_before_headline"]] = sum(b.words for b in blocks[:at]) / total if at is not None else 1.0
    if at is None:
        return
    units = page.segmentation.block_units
    row[col["has_headline_block"]] = 1.0 if units[at] is not None and units[at].label.value == "title" else 0.0
    row[col["headline_words"]] = blocks[at].words
    before, after = cues.PAGE_HEADLINE_WINDOW
    near = blocks[max(0, at - before) : at + after]
    row[col["date_near_headline"]] = float(
        any(b.words <= cues.PAGE_HEADLINE_DATE_MAX_WORDS and _HEADLINE_DATE.search(b.text) for b in near)
    )
    row[col["time_near_headline"]] = float(any(next(b.element.iter("time"), None) is not None for b in near))


def _declared_features(page: AnalysedPage, row: np.ndarray) -> None:
    """How much the page declares about itself (JSON-LD types, description, modified date, site
    name, tags, where its date came from), the links of its breadcrumb trail, and how much of its
    text its largest <article> and <main> elements hold."""
    col = _COLUMN
    meta = page.meta
    row[col["jsonld_type_count"]] = len(meta.jsonld_types)
    row[col["has_description"]] = 1.0 if meta.description else 0.0
    row[col["has_modified"]] = 1.0 if meta.modified else 0.0
    row[col["has_site_name"]] = 1.0 if meta.site_name else 0.0
    row[col["log_meta_tags"]] = _log(len(meta.tags))
    source = meta.published_source or ""
    row[col["published_source"]] = next(
        (i + 1 for i, name in enumerate(cues.PAGE_DATE_SOURCES) if source == name or source.startswith(name + ":")),
        0,
    )
    index = page.segmentation.index
    total = sum(b.words for b in page.segmentation.blocks) or 1
    trail = next((i for i, cls in enumerate(index.classes) if cls and "breadcrumb" in cls.lower()), None)
    if trail is not None:
        row[col["breadcrumb_links"]] = sum(1 for _ in index.nodes[trail].iter("a"))
    for tag, name in (("article", "article_element_share"), ("main", "main_element_share")):
        largest = max((index.words_at[i] for i in index.positions_of(tag)), default=0)
        row[col[name]] = min(1.0, largest / total)


def _structure_features(page: AnalysedPage, row: np.ndarray) -> None:
    """How many items of the page's main repeated structure (`cues.PAGE_REPEATED_TAGS`) carry a price
    or a date (a shop's product cards, a list of posts); how deep its lists nest and how many links the
    nested ones hold (a documentation sidebar); a price or calls to action by the headline (a product,
    a service); an identifier in the URL path (a product, a thread)."""
    col = _COLUMN
    index = page.segmentation.index
    blocks = page.segmentation.blocks
    tags, words_at, parent_at, last_at = index.tags, index.words_at, index.parent_at, index.last_at
    classes, repeated, least = index.classes, cues.PAGE_REPEATED_TAGS, cues.PAGE_REPEATED_MIN_ITEMS
    sizes = index.sibling_sizes  # the index's sibling groups, which the block features counted already
    groups: dict[tuple[int, str, str | None], list[int]] = {}
    for i in index.positions_of_any(repeated):
        if sizes[i] >= least and words_at[i] and parent_at[i] >= 0:
            groups.setdefault((parent_at[i], tags[i], classes[i]), []).append(i)
    items = max(
        (g for g in groups.values() if len(g) >= least),  # members with words
        key=lambda g: sum(words_at[i] for i in g),
        default=None,
    )
    if items is not None:
        read = items[: cues.PAGE_REPEATED_MAX_READ]
        texts = [index.nodes[i].text_content() for i in read]
        row[col["rep_price_share"]] = sum(1 for t in texts if _PRICE_RE.search(t)) / len(read)
        row[col["rep_date_share"]] = sum(
            1
            for i, t in zip(read, texts, strict=True)
            if "time" in tags[i + 1 : last_at[i] + 1] or _ITEM_DATE.search(t)
        ) / len(read)
    max_depth, nested_links = _list_nesting(index)
    row[col["max_list_depth"]] = max_depth
    row[col["log_nested_list_links"]] = _log(nested_links)
    actions = [b.kind == "action" for b in blocks]
    row[col["log_actions"]] = _log(sum(actions))
    at = _headline_at(page)
    if at is not None:
        before, after = cues.PAGE_HEADLINE_WINDOW
        near = range(max(0, at - before), min(len(blocks), at + after))
        row[col["price_near_headline"]] = float(any(_PRICE_RE.search(blocks[j].text) for j in near))
        row[col["actions_near_headline"]] = sum(actions[j] for j in near)
    segments = [s for s in split_url(page.meta.url).path.lower().split("/") if s]
    row[col["url_id"]] = float(any(_URL_ID.search(s) for s in segments))


def _list_nesting(index: BlockIndex) -> tuple[int, int]:
    """How deep the page's lists nest, and the links inside lists nested two deep or more: read
    from the lists' positions (a list inside another lies within its span), not from every element."""
    last_at, anchors = index.last_at, index.anchors
    open_lists: list[int] = []
    max_depth = nested_links = 0
    for i in index.positions_of_any(_LISTS):
        while open_lists and last_at[open_lists[-1]] < i:
            open_lists.pop()
        open_lists.append(i)
        max_depth = max(max_depth, len(open_lists))
        if len(open_lists) == 2:  # the links of deeper lists lie within it: counted once
            nested_links += bisect_right(anchors, last_at[i]) - bisect_left(anchors, i)
    return max_depth, nested_links


def _host_features(host: str, row: np.ndarray) -> None:
    """URL word groups in the host's labels before the site's own (forum.example.com, docs.example.org)."""
    labels = host.lower().split(".")[:-2]
    words = {w for label in labels for w in _HOST_SPLIT.split(label)}
    for group, hints in cues.URL_WORD_GROUPS.items():
        row[_COLUMN[f"host_{group}"]] = len(words & hints)


# what `_markup_features` counts, as XPaths for the roots beside the page's root (`_other_roots`)
_TEASER_HEADINGS = XPath("descendant-or-self::" + cues.TEASER_HEADING_XPATH.removeprefix("//"))
_PUBLISHED_META = XPath(
    'descendant-or-self::meta[@property="article:published_time" or @name="article:published_time"]'
)
_PRODUCT_META = XPath(
    'descendant-or-self::meta[starts-with(@property,"product:") or starts-with(@property,"og:price")]'
)
_NEXT_LINKS = XPath('descendant-or-self::*[self::link or self::a][@rel="next"]')


def _other_roots(root: HtmlElement) -> list[HtmlElement]:
    """The top-level elements beside the page's root: content after an early `</html>` leaves
    them (`parse._merge_trailing_roots`), and a `//` XPath reaches them where the index does not."""
    return [el for el in (*root.itersiblings(preceding=True), *root.itersiblings()) if isinstance(el.tag, str)]


#: The groups of `cues.PAGE_CLASS_WORD_GROUPS` each word is in: one look-up per word of a class string.
_GROUPS_OF_WORD: dict[str, frozenset[str]] = {
    word: frozenset(group for group, hints in cues.PAGE_CLASS_WORD_GROUPS.items() if word in hints)
    for word in frozenset().union(*cues.PAGE_CLASS_WORD_GROUPS.values())
}


@lru_cache(maxsize=1 << 16)  # sites repeat their class strings, page after page
def _class_groups(attr: str) -> tuple[str, ...]:
    """The groups whose words `attr` has, in the order of `cues.PAGE_CLASS_WORD_GROUPS`."""
    found: set[str] = set()
    for word in _CLASS_WORD.findall(attr.lower()):
        groups = _GROUPS_OF_WORD.get(word)
        if groups:
            found |= groups
    return tuple(group for group in cues.PAGE_CLASS_WORD_GROUPS if group in found) if found else ()


def _markup_features(
    page: AnalysedPage, row: np.ndarray, text: str, encoded: bytes
) -> tuple[Counter[str], Counter[tuple[int, str]]]:
    """Class/id words, microdata, links, form controls, prose, phrases and dates of the page,
    in one pass over the tree that also counts its tags and (parent, class) pairs, returned.

    The pass reads the lists `BlockIndex` keeps by document order (tags, class, id, microdata,
    parents, visible words), so it asks lxml nothing for most elements. `text` is the blocks' texts
    joined by spaces, `encoded` its UTF-8: `static_page_features` counts other patterns in them too.
    """
    col = _COLUMN
    index = page.segmentation.index
    nodes, parent_at, last_at = index.nodes, index.parent_at, index.last_at
    classes_at, ids_at = index.classes, index.ids
    anchors = index.anchors
    images = index.positions_of("img")
    tags: Counter[str] = Counter(index.tag_counts())  # elements only: not comments, not processing instructions
    itemprops: Counter[str] = Counter()
    itemtypes: Counter[str] = Counter()
    published = product = rel_next = False
    selects, options = tags["select"], tags["option"]
    visible_words = index.words_at  # counted once for the page by BlockIndex
    for prop in filter(None, index.itemprops):
        itemprops[prop.lower()] += 1
    for itemtype in filter(None, index.itemtypes):
        name = itemtype.rstrip("/")
        for group, names in cues.MICRODATA_TYPE_GROUPS.items():
            if any(name.endswith("/" + n) for n in names):
                itemtypes[group] += 1
    # the groups of each element's class and id together, each once: those of its class (a class
    # string recurs on a site, so the cache knows most), then those of its id its class lacks
    class_groups = list(chain.from_iterable(map(_class_groups, filter(None, classes_at))))
    for i in [i for i, ident in enumerate(ids_at) if ident]:
        if more := _class_groups(ids_at[i]):
            own = _class_groups(classes_at[i]) if classes_at[i] else ()
            class_groups.extend(group for group in more if group not in own)
    # the elements of each tag counted in turn, from the index's lists by tag: what is counted
    # does not depend on their order, so the lists are not merged into document order
    positions_of = index.positions_of
    link_words = long_links = image_links = tel = mailto = 0
    for i in positions_of("a"):
        get = nodes[i].get
        rel_next = rel_next or get("rel") == "next"
        href = get("href") or ""
        tel += href.startswith("tel:")
        mailto += href.startswith("mailto:")
        n = visible_words[i]
        link_words += n
        long_links += n >= 4
        image_links += any_between(images, i + 1, last_at[i])  # an <img> inside
    quantity = 0
    for i in positions_of("input"):
        get = nodes[i].get
        name = (get("name") or "").lower()
        quantity += get("type") == "number" or "qty" in name or "quantity" in name
    paragraphs = [visible_words[i] for i in positions_of("p")]
    pre_words = sum([visible_words[i] for i in positions_of("pre")])
    for i in positions_of("meta"):
        get = nodes[i].get
        prop = get("property") or ""
        published = published or "article:published_time" in (prop, get("name"))
        product = product or prop.startswith(("product:", "og:price"))
    for i in positions_of("link"):
        rel_next = rel_next or nodes[i].get("rel") == "next"
    headings = anchored = teasers = 0
    for i in chain(positions_of("h2"), positions_of("h3"), positions_of("h4")):
        headings += 1
        inside = anchors[bisect_right(anchors, i) : bisect_right(anchors, last_at[i])]
        hrefs = (nodes[j].get("href") for j in inside)
        href = next((h for h in hrefs if h is not None), None)  # of its first <a href>
        teasers += href is not None
        anchored += bool(ids_at[i]) or any(ids_at[j] is not None for j in inside) or (href or "").startswith("#")
    for other in _other_roots(page.tree):  # what `//` reaches beyond the root (parse.py)
        teasers += len(_TEASER_HEADINGS(other))
        published = published or bool(_PUBLISHED_META(other))
        product = product or bool(_PRODUCT_META(other))
        rel_next = rel_next or bool(_NEXT_LINKS(other))
    row[col["log_teasers"]] = _log(teasers)
    group_counts = Counter(class_groups)
    for group in cues.PAGE_CLASS_WORD_GROUPS:
        row[col[f"class_{group}"]] = _log(group_counts[group])
    for group in cues.MICRODATA_TYPE_GROUPS:
        row[col[f"microdata_{group}"]] = _log(itemtypes[group])
    row[col["itemprop_price"]] = _log(itemprops["price"] + itemprops["offers"] + itemprops["pricecurrency"])
    row[col["itemprop_article"]] = _log(
        itemprops["articlebody"] + itemprops["datepublished"] + itemprops["author"] + itemprops["headline"]
    )
    row[col["itemprop_rating"]] = _log(
        itemprops["ratingvalue"] + itemprops["aggregaterating"] + itemprops["reviewcount"]
    )

    blocks = page.segmentation.blocks
    words = sum(b.words for b in blocks) or 1
    row[col["link_density"]] = link_words / words
    row[col["log_long_links"]] = _log(long_links)
    row[col["log_image_links"]] = _log(image_links)
    row[col["log_tel_links"]] = _log(tel)
    row[col["log_mailto_links"]] = _log(mailto)
    row[col["heading_anchor_share"]] = anchored / headings if headings else 0.0
    row[col["log_select"]] = _log(selects)
    row[col["log_option"]] = _log(options)
    row[col["log_quantity_inputs"]] = _log(quantity)
    sizes = sorted((n for (parent, _, cls), n in index.sibling_counts.items() if cls and parent >= 0), reverse=True)
    row[col["log_repeated_groups"]] = _log(sum(1 for size in sizes if size >= 4))
    row[col["log_second_repeated_class"]] = _log(sizes[1] if len(sizes) > 1 else 0)
    long_paragraphs = [n for n in paragraphs if n >= cues.PAGE_LONG_PARAGRAPH_WORDS]
    row[col["log_long_paragraphs"]] = _log(len(long_paragraphs))
    row[col["long_paragraph_share"]] = sum(long_paragraphs) / words
    row[col["log_longest_paragraph"]] = _log(max(paragraphs, default=0))
    row[col["log_longest_block"]] = _log(max((b.words for b in blocks), default=0))
    row[col["prose_share"]] = (
        sum(b.words for b in blocks if b.kind == "text" and not b.linked and b.words >= cues.PAGE_PROSE_BLOCK_WORDS)
        / words
    )
    lower = text.lower()
    encoded_lower = lower.encode()  # counted by several patterns, as `encoded` (`text`) is
    for group, pattern in _TEXT_PATTERNS.items():
        n = pattern.count(text, encoded) if group == "article" else pattern.count(lower, encoded_lower)
        row[col[f"log_phrases_{group}"]] = _log(n)
        row[col[f"phrase_rate_{group}"]] = n / words * 100
    row[col["log_text_dates"]] = _log(_TEXT_DATE.count(text, encoded))
    row[col["log_text_ago"]] = _log(_AGO.count(text, encoded))
    row[col["log_phones"]] = _log(_PHONE.count(text, encoded))
    row[col["code_share"]] = pre_words / words
    path = split_url(page.meta.url).path
    row[col["url_version"]] = 1.0 if _URL_VERSION.search(path.lower()) else 0.0
    row[col["url_script_page"]] = 1.0 if path.lower().endswith(_SCRIPT_PAGE) else 0.0
    segments = [s for s in path.split("/") if s]
    row[col["url_last_chars"]] = len(segments[-1]) if segments else 0
    row[col["meta_published_time"]] = 1.0 if published else 0.0
    row[col["meta_product"]] = 1.0 if product else 0.0
    row[col["rel_next"]] = 1.0 if rel_next else 0.0
    row[col["title_words"]] = len((page.meta.title or "").split())
    return tags, Counter(compress(zip(parent_at, classes_at, strict=True), classes_at))  # (parent position, class)


def page_features(page: AnalysedPage, probability: np.ndarray) -> np.ndarray:
    """One row of `PAGE_FEATURE_NAMES` for the page, given its blocks' body probabilities."""
    return np.concatenate((static_page_features(page), body_page_features(block_summary(page), probability)))
