"""The headline: an `<h1>` the page's declared titles confirm, else a declared title without the site name.

Declared titles (og:title, JSON-LD headline, `<title>`) often carry the site name
("Headline | TechCrunch", "Site: Headline"), and pages often have several `<h1>` (the
logo, a section name, the headline). An `<h1>` is taken when a declared title is that
`<h1>`, or that `<h1>` plus a separated suffix or prefix; then the site name does not
matter. Otherwise the first declared title is taken with parts that name the site cut off.
"""

from __future__ import annotations

import html
import re
from itertools import pairwise

from lxml.etree import XPath
from lxml.html import HtmlElement

from . import cues
from .pagefacts import PageFacts, clean_text, is_site_name
from .parse import repaired

_SEPARATOR = re.compile(f"({cues.TITLE_SEPARATOR_PATTERN})")
_PREFIX_SEPARATOR = re.compile(cues.TITLE_PREFIX_SEPARATOR_PATTERN)
_SEGMENT = re.compile(cues.TITLE_SEGMENT_PATTERN)
_WORD = re.compile(r"\w+")
_FULLWIDTH = re.compile("[\uff01-\uff5e]")
_FULLWIDTH_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
#: Scripts written with full-width punctuation (CJK, kana, hangul): there it is the page's own.
_WIDE_SCRIPT = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_LEADING_DATE = re.compile(rf"^\W*(?:{cues.TEXT_DATE_PATTERN})\W*", re.I)
#: The end of one text and the start of the next with no space between: "(US)" + "Your".
_GLUED = re.compile(r"^[\w).!?]\w$")
#: An h1's texts in order, and the block-level elements (`<br>` among them) that break it into lines, as laid out.
_LAID_OUT_PARTS = XPath(" | ".join([".//text()", *(f".//{tag}" for tag in sorted(cues.BLOCK_LEVEL_TAGS))]))
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def _norm(text: str) -> str:
    return " ".join(text.translate(_FOLD).casefold().split())


def strip_site_name(title: str, facts: PageFacts) -> str:
    """`title` without leading or trailing parts that name the site ("Headline | Site" -> "Headline")."""
    parts = _SEPARATOR.split(title)  # text, separator, text, separator, ...
    changed = True
    while changed and len(parts) >= 3:
        changed = False
        if is_site_name(parts[-1], facts):
            parts = parts[:-2]
            changed = True
        elif is_site_name(parts[0], facts):
            parts = parts[2:]
            changed = True
    stripped = "".join(parts).strip()
    words = stripped.split()
    host = (facts.host or "").removeprefix("www.").casefold()
    if host and len(words) > 2 and words[0].casefold() == host:
        stripped = " ".join(words[1:])  # "davidbau.com Vibe Coding" (at the end it is a phrase: "Welcome to LWN.net")
    head, colon, rest = stripped.partition(":")
    if colon and rest.strip() and _PREFIX_SEPARATOR.match(stripped, len(head)) and is_site_name(head, facts):
        stripped = rest.strip()
    return stripped or title


def _without_site_suffix(h1: str, facts: PageFacts) -> str:
    """An `<h1>` without a trailing separated part that names the site ("Headline - Site")."""
    parts = _SEPARATOR.split(h1)
    if len(parts) >= 3 and is_site_name(parts[-1], facts, loose=False):
        return "".join(parts[:-2]).strip() or h1
    return h1


def _unescaped(text: str) -> str:
    """A title with its entities decoded: a page that escapes twice shows "&#x26;" for "&"."""
    return html.unescape(text) if "&" in text and ";" in text else text


def _h1_texts(facts: PageFacts, glued: set[str] | None = None) -> list[str]:
    """The texts of the page's first MAX_H1 `<h1>`; `glued` collects those whose parts run into each other.

    "Top MBA Programs of 2025 (US)<span>Your Guide to ...</span>" reads "(US)Your": a headline
    and a subtitle set in one h1, no sentence that a page shows as its headline.
    """
    texts = []
    for element in facts.elements("h1"):
        # as laid out: a space where a line breaks ("WEEKEND<br>CODING" shows two words), none between inline parts;
        # texts that meet at a break or run into each other are two texts all the same (`glued`)
        laid_out = _LAID_OUT_PARTS(element)
        parts = [part for part in laid_out if isinstance(part, str)]
        text = _unescaped(clean_text(repaired("".join(part if isinstance(part, str) else " " for part in laid_out))))
        if text and len(text) <= cues.MAX_HEADLINE_CHARS:
            texts.append(text)
            if glued is not None and any(_GLUED.search(a[-1:] + b[:1]) for a, b in pairwise(parts)):
                glued.add(text)
        if len(texts) >= cues.MAX_H1:
            break
    return texts


def _declared_titles(facts: PageFacts) -> list[tuple[str, str]]:
    """(title, source) in order of trust: og:title and friends, JSON-LD headline, <title>."""
    titles: list[tuple[str, str]] = []
    for key in cues.META_TITLE_NAMES:
        titles.extend((_unescaped(value), key) for value in facts.meta.get(key, ())[:1] if value)
    if facts.article is not None:
        headline = facts.article.get("headline") or facts.article.get("name")
        if isinstance(headline, str) and clean_text(headline):
            titles.insert(1 if titles else 0, (clean_text(headline), "jsonld:headline"))
    element = facts.tree.find(".//title")
    if element is not None and element.text and clean_text(element.text):
        titles.append((clean_text(element.text), "title"))
    return titles


def _confirms(h1: str, declared: str) -> bool:
    """The declared title is the h1, or the h1 with a separated prefix or suffix."""
    h, d = _norm(h1), _norm(declared)
    if not h:
        return False
    if h == d or _LEADING_DATE.sub("", h, count=1) == d:
        return True  # the same, or a date stamp written into the h1 before the headline
    if d.startswith(h):
        return bool(_SEPARATOR.match(d, len(h)) or d[len(h) :].lstrip().startswith((":", "|", "-", "•", "/")))
    if d.endswith(h):
        return bool(re.search(f"(?:{cues.TITLE_SEPARATOR_PATTERN}|:\\s*)$", d[: -len(h)]))
    return False


def _overlap(h1: str, declared: str) -> float:
    """The share of the h1's words that the declared title has too."""
    words = set(_WORD.findall(h1.casefold()))
    return len(words & set(_WORD.findall(declared.casefold()))) / len(words) if words else 0.0


def _overlapping_h1(h1s: list[str], declared: list[tuple[str, str]], facts: PageFacts, glued: set[str]) -> str | None:
    """The h1 that shares most words with a declared title (H1_MIN_TITLE_OVERLAP of its own), else the first sentence-long one that shares some.

    On a page that declares an article, a sentence-long h1 (H1_SENTENCE_WORDS words, not two
    texts run together) needs only H1_SENTENCE_MIN_TITLE_OVERLAP; among those the first is the
    headline, later ones head related stories. And no h1 counts there that is a section label
    naming a part of the title ("VPN Services" over "Private VPN Service Recommendations and
    Comparison": H1_MIN_TITLE_COVER). A product, service or category page's short h1 is its title
    ("Monitor Arms", "Identity Theft Protection"), however long its declared one.
    """
    best, score, sentence = None, 0.0, None
    article = _declares_article(facts)
    stripped = [strip_site_name(title, facts) for title, _ in declared] if article else []
    for h1 in h1s:
        if article and max(_overlap(title, h1) for title in stripped) < cues.H1_MIN_TITLE_COVER:
            continue
        value = max(_overlap(h1, title) for title, _ in declared)
        if value >= cues.H1_MIN_TITLE_OVERLAP and value > score:
            best, score = h1, value
        elif (
            article
            and sentence is None
            and value >= cues.H1_SENTENCE_MIN_TITLE_OVERLAP
            and len(h1.split()) >= cues.H1_SENTENCE_WORDS
            and h1 not in glued
        ):
            sentence = h1
    return best or sentence


def _declares_article(facts: PageFacts) -> bool:
    og_type = (facts.first_meta(("og:type",)) or "").lower()
    return og_type in cues.ARTICLE_OG_TYPES or any(types & cues.ARTICLE_TYPES for types, _ in facts.nodes)


def _names_the_site_first(h1: str, declared: list[tuple[str, str]]) -> bool:
    """Every declared title starts with the `<h1>`: "Site - tagline", as home pages have.

    A blog whose `<h1>` is its name declares the post's own title in og:title ("A brief intro to
    git • Cory Dransfeldt", "Small adventures with small language models"): there the `<h1>`
    is no headline.
    """
    key = _norm(h1)
    if any(source == "title" and not _norm(title).startswith(key) for title, source in declared):
        return False  # "Post title | Site": a post under the site's name, not its home page
    return all(_norm(title).startswith(key) for title, source in declared if source != "title")


def element_saying(facts: PageFacts, title: str) -> HtmlElement | None:
    """The first heading saying `title`, else the first block saying it: where a page without an `<h1>` shows its
    headline (an `<h2>`, a styled `<p>`); a breadcrumb ending in the title may say it first."""
    said = _norm(title)
    saying = [block for block in facts.index.blocks if block.text and _norm(block.text) == said]
    first = next((block for block in saying if block.kind == "heading"), saying[0] if saying else None)
    return first.element if first is not None else None


def read_title(facts: PageFacts) -> tuple[str | None, str | None]:
    """The headline and where it came from, its longest "|"-separated part.

    A pipe separates a headline from a section, a tagline or a name ("How meditation rewires
    brains | Opinion", "Best Movers in NYC 2025 | Top 19 Companies", "Opinion | Why ..."); it
    does not stand inside a headline's sentence. A home page keeps its whole title.
    """
    title, source = _read_title(facts)
    if title and source and not source.endswith("site"):
        parts = [part.strip() for part in _SEGMENT.split(title) if part.strip()]
        if len(parts) > 1:
            title = max(parts, key=lambda part: len(part.split()))
    if title and _FULLWIDTH.search(title) and not _WIDE_SCRIPT.search(title):
        title = title.translate(_FULLWIDTH_TO_ASCII)  # "Work\uff1f" in a Latin headline is "Work?"
    return title, source


def _read_title(facts: PageFacts) -> tuple[str | None, str | None]:
    """The headline and where it came from.

    An `<h1>` the declared titles confirm wins; else the `<h1>` that shares most words with
    them: declared titles are often rewritten for search engines and social cards ("Top 10
    ... for 2026 | Site"), while the page shows its headline in the `<h1>`. Logos, section
    names and menus in other `<h1>` share no words with the declared title.
    """
    declared = _declared_titles(facts)
    glued: set[str] = set()
    all_h1s = _h1_texts(facts, glued)
    h1s = [h1 for h1 in all_h1s if not is_site_name(h1, facts)]
    for h1 in h1s:
        if any(_confirms(h1, title) for title, _ in declared):
            undated = _LEADING_DATE.sub("", h1, count=1)
            if undated != h1 and any(_norm(undated) == _norm(title) for title, _ in declared):
                h1 = undated  # "Dec 18 2025 Preparing a transition": the date stamp is no part of the headline
            return _without_site_suffix(h1, facts), "h1"
    if not _declares_article(facts):  # a home or listing page: its headline is the site's name
        for h1 in all_h1s:
            if any(_confirms(h1, title) for title, _ in declared) and _names_the_site_first(h1, declared):
                return h1, "h1:site"
    if declared:
        best = _overlapping_h1(h1s, declared, facts, glued)
        if best is not None:
            return strip_site_name(best, facts), "h1:overlap"
    for title, source in declared:
        stripped = strip_site_name(title, facts)
        if not is_site_name(stripped, facts):
            return stripped, source
    if h1s:
        return h1s[0], "h1:unconfirmed"
    if declared:
        return declared[0][0], declared[0][1] + ":site"
    return None, None
