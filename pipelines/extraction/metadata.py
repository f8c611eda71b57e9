"""Page metadata read from what the page declares, without trafilatura's metadata pass.

One pass over the `<meta>` tags and one over the JSON-LD scripts collect the declared
facts (`PageFacts`); the title, the authors and the dates are then chosen from them and
from the markup (`titles.py`, `authors.py`, `dates.py`). trafilatura's `extract_metadata`
used to do this and cost about a fifth of the extraction time, mostly in its author
and date searches; htmldate is kept only as the last resort for the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timezone

from dateutil.parser import isoparse
from lxml.html import HtmlElement

from . import cues
from .authors import read_authors
from .blocks import BlockIndex
from .dates import read_dates
from .pagefacts import PageFacts, clean_text, read_facts
from .titles import element_saying, read_title
from .urls import join_url, split_url, url_host


@dataclass
class PageMetadata:
    url: str | None = None
    canonical_url: str | None = None
    domain: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    language: str | None = None
    site_name: str | None = None
    description: str | None = None
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    og_type: str | None = None
    jsonld_types: set[str] = field(default_factory=set)
    #: Where the title came from ("h1", "og:title", "title" ...), so a wrong one can be traced.
    title_source: str | None = None
    #: Without `authors`: the team, desk or publisher the page credits as its author ("Resy Staff", "Swoogo").
    #: The record's `credit` field; `authors` stay persons (the segmenter's bio search and the page typer too).
    credit: str | None = None
    #: Where the publication date came from ("jsonld", "meta:article:published_time", "time", "url", "htmldate").
    published_source: str | None = None
    #: Which reading named the authors ("jsonld", "meta", "shown", "byline", "card", "dated", ...: authors.read_authors).
    authors_source: str | None = None


def to_utc_iso(value: str | None) -> str | None:
    """ISO 8601 in UTC; a date without a time is midnight UTC; unparseable gives None."""
    if not value:
        return None
    try:
        parsed = isoparse(value.strip())
    except (ValueError, OverflowError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    try:
        return parsed.astimezone(timezone.utc).isoformat()
    except (ValueError, OverflowError):
        return None


#: `//tag[@name="value"]/@wanted`: an XPath `_first` can answer from the index's list of the tag's elements.
_TAG_ATTRIBUTE_XPATH = re.compile(r'//([a-z][a-z0-9]*)\[@([\w:-]+)="([^"]*)"\]/@([\w:-]+)')


def _first(tree: HtmlElement, xpaths: tuple[str, ...], index: BlockIndex | None = None) -> str | None:
    """The first non-blank value the XPaths find, in their order. A `//tag[@name="value"]/@wanted` XPath
    is a walk over the whole page in libxml2 (~60 us, several a page): with the index of the whole
    document (no root beside it, which `//` would reach too) its elements of that tag are read instead."""
    whole = index is not None and index.nodes[0] is tree and not _beside_root(tree)
    for xp in xpaths:
        simple = _TAG_ATTRIBUTE_XPATH.fullmatch(xp) if whole else None
        if simple is not None:
            tag, name, wanted, attribute = simple.groups()
            values = [el.get(attribute) for el in index.elements(tag) if el.get(name) == wanted]
        else:
            values = tree.xpath(xp)
        for value in values:
            if value is None:
                continue  # no such attribute: `/@wanted` selects nothing there
            value = str(value).strip()
            if value:
                return value
    return None


def _beside_root(tree: HtmlElement) -> bool:
    """Whether an element stands beside the page's root: content after an early `</html>` (`parse.py`)."""
    return any(isinstance(el.tag, str) for el in (*tree.itersiblings(preceding=True), *tree.itersiblings()))


def _as_list(value: object) -> list[str]:
    if not value:
        return []
    items = value if isinstance(value, list) else str(value).split(",")
    return [clean_text(item) for item in items if isinstance(item, str) and clean_text(item)]


def _absolute(url: str | None, base: str | None) -> str | None:
    if not url:
        return None
    absolute = join_url(base, url.strip())
    return absolute if split_url(absolute).scheme in ("http", "https") else None


def _image(facts: PageFacts) -> str | None:
    image = facts.first_meta(cues.META_IMAGE_NAMES)
    if not image and facts.article is not None:
        value = facts.article.get("image")
        value = value[0] if isinstance(value, list) and value else value
        image = value.get("url") if isinstance(value, dict) else value
    return image if isinstance(image, str) else None


def _tags(facts: PageFacts) -> list[str]:
    tags: list[str] = []
    for key in cues.META_TAG_NAMES:
        for value in facts.meta.get(key, ()):
            tags.extend(_as_list(value))
    if facts.article is not None:
        tags.extend(_as_list(facts.article.get("keywords")))
        tags.extend(_as_list(facts.article.get("articleSection")))
    return list(dict.fromkeys(tags))[:50]


def read_metadata(
    tree: HtmlElement, url: str | None = None, index: BlockIndex | None = None, date_fallback: bool = True
) -> PageMetadata:
    """The page's metadata from its own declarations and markup.

    `index`: the tree's `BlockIndex`, if the caller has it (the byline search reads its lists;
    without one it is built when a byline is searched for). Without `date_fallback` htmldate is not asked
    for the publication date (`dates.htmldate_published` asks it later, `extract` once the page type is known)."""
    facts = read_facts(tree, url, index)
    canonical = _absolute(_first(tree, cues.CANONICAL_XPATHS, index), url) or url
    page_url = url or canonical
    host = url_host(page_url) or None
    if facts.host is None and host:
        facts.host = host
    language = _first(tree, cues.LANGUAGE_XPATHS, index)
    if language:
        language = language.replace("_", "-").split(",")[0].strip()[:35] or None
    title, title_source = read_title(facts)
    if facts.headline is None and title:
        facts.headline = element_saying(facts, title)  # no <h1>: the dates and bylines stand around the title
    published, published_source, modified = read_dates(facts, date_fallback)
    description = facts.first_meta(cues.META_DESCRIPTION_NAMES)
    if not description and facts.article is not None and isinstance(facts.article.get("description"), str):
        description = clean_text(facts.article["description"])
    og_type = (facts.first_meta(("og:type",)) or "").lower() or None
    authors, credit, authors_source = read_authors(facts, title)
    return PageMetadata(
        url=page_url,
        canonical_url=canonical,
        domain=host.removeprefix("www.") if host else None,
        title=title[: cues.MAX_TITLE_CHARS] if title else title,
        authors=[name[: cues.MAX_AUTHOR_CHARS] for name in authors],
        credit=credit[: cues.MAX_AUTHOR_CHARS] if credit else None,
        published=published,
        modified=modified,
        language=language,
        site_name=facts.site_names[0] if facts.site_names else None,
        description=description or None,
        tags=_tags(facts),
        image=_absolute(_image(facts), page_url),
        og_type=og_type,
        jsonld_types={name for types, _ in facts.nodes for name in types},
        title_source=title_source,
        published_source=published_source,
        authors_source=authors_source,
    )
