"""The facts a page declares about itself (<meta> tags, JSON-LD), read once per page.

`read_facts` is the single pass over the `<meta>` elements and the JSON-LD scripts that
the title, author and date readers share, so none of them walks the tree again for them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from lxml.html import HtmlElement

from . import cues
from .blocks import BlockIndex
from .urls import site_labels, url_host

_JSON_NODES_MAX = 400
_JSON_DEPTH_MAX = 10
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def clean_text(value: object) -> str:
    """One line of text: whitespace collapsed, zero-width characters gone.

    `str.split` folds the same whitespace as the regex `\\s+` (both ask `str.isspace`), faster."""
    return " ".join(_ZERO_WIDTH.sub("", str(value)).split())


def texts_outside(element: HtmlElement, skipped: frozenset[str]) -> Iterator[str]:
    """The element's texts, without those inside `skipped` tags."""
    if element.text:
        yield element.text
    for child in element:
        if isinstance(child.tag, str) and child.tag not in skipped:
            yield from texts_outside(child, skipped)
        if child.tail:
            yield child.tail


def _types(node: dict) -> set[str]:
    kind = node.get("@type")
    return {
        name.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
        for name in (kind if isinstance(kind, list) else [kind])
        if isinstance(name, str)
    }


@dataclass
class PageFacts:
    """What a page declares about itself, read once and shared by the field readers."""

    tree: HtmlElement
    url: str | None
    host: str | None
    #: <meta> content by lowercased property/name/itemprop, in document order.
    meta: dict[str, list[str]]
    #: Every JSON-LD object that has an @type, in document order, with its types.
    nodes: list[tuple[set[str], dict]]
    #: The JSON-LD node of the article (an ARTICLE_TYPES node, else one with a headline).
    article: dict | None
    #: Names the site goes by (og:site_name, publisher, WebSite ...), first the most trusted.
    site_names: list[str]
    #: The tree's `BlockIndex`, when the caller has built it (`analyse_page` does, for the segmenter too).
    given_index: BlockIndex | None = None
    #: The texts under the headline walked so far, and the limit they were walked to (`dates.headline_texts`).
    after_headline: tuple[int, list[str]] | None = None
    #: Where the page shows its headline, which the date and byline readers read around: the first <h1>; on a page
    #: without one, the first block saying the title (`metadata.read_metadata` sets it once the title is read).
    headline: HtmlElement | None = None

    @cached_property
    def index(self) -> BlockIndex:
        """The tree's `BlockIndex`, for the byline search: the given one, else built when first asked."""
        return self.given_index if self.given_index is not None else BlockIndex(self.tree)

    def elements(self, tag: str) -> list[HtmlElement] | Iterator[HtmlElement]:
        """`tree.iter(tag)`, read from the given index when there is one (`_elements`)."""
        return _elements(self.tree, self.given_index, tag)

    def first_meta(self, names: tuple[str, ...]) -> str | None:
        for name in names:
            for value in self.meta.get(name, ()):
                if value:
                    return value
        return None


def _elements(tree: HtmlElement, index: BlockIndex | None, tag: str) -> list[HtmlElement] | Iterator[HtmlElement]:
    """The tree's elements of one tag: from its index's lists when the caller has one (`BlockIndex.elements`),
    as `tree.iter(tag)` would walk every node of the page for each tag the readers look for."""
    return index.elements(tag) if index is not None else tree.iter(tag)


def _read_meta(tree: HtmlElement, index: BlockIndex | None = None) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for element in _elements(tree, index, "meta"):
        content = element.get("content")
        if content is None:
            continue
        content = clean_text(content)
        for attribute in ("property", "name", "itemprop"):
            key = element.get(attribute)
            if key:
                found.setdefault(key.strip().lower(), []).append(content)
    return found


def _read_jsonld(tree: HtmlElement, index: BlockIndex | None = None) -> list[tuple[set[str], dict]]:
    """Every typed JSON-LD object; a script that does not parse is skipped, never fatal."""
    nodes: list[tuple[set[str], dict]] = []

    def walk(node: object, depth: int) -> None:
        if depth > _JSON_DEPTH_MAX or len(nodes) >= _JSON_NODES_MAX:
            return
        if isinstance(node, list):
            for child in node[:200]:
                walk(child, depth + 1)
        elif isinstance(node, dict):
            types = _types(node)
            if types:
                nodes.append((types, node))
            for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                if key in node:
                    walk(node[key], depth + 1)

    for script in _elements(tree, index, "script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            walk(json.loads(script.text, strict=False), 0)
        except (ValueError, RecursionError):
            continue
    return nodes


def _article_node(nodes: list[tuple[set[str], dict]]) -> dict | None:
    for types, node in nodes:
        if types & cues.ARTICLE_TYPES:
            return node
    for _, node in nodes:
        if isinstance(node.get("headline"), str) or "datePublished" in node:
            return node
    return None


def node_name(value: object) -> str | None:
    """The name of a JSON-LD value that is a name or an object with a name."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str):
        return clean_text(value) or None
    return None


def _site_names(meta: dict[str, list[str]], nodes: list[tuple[set[str], dict]], article: dict | None) -> list[str]:
    names: list[str] = []
    for key in cues.META_SITE_NAMES:
        names.extend(value.lstrip("@") for value in meta.get(key, ()) if value and not value.startswith("http"))
    if article is not None:
        names.append(node_name(article.get("publisher")) or "")
    for types, node in nodes:
        if types & {"WebSite", "Organization", "NewsMediaOrganization", "Corporation", "LocalBusiness"}:
            names.append(node_name(node) or "")
    return list(dict.fromkeys(name for name in names if name))


def read_facts(tree: HtmlElement, url: str | None, index: BlockIndex | None = None) -> PageFacts:
    meta = _read_meta(tree, index)
    nodes = _read_jsonld(tree, index)
    article = _article_node(nodes)
    host = url_host(url) or None
    facts = PageFacts(tree, url, host, meta, nodes, article, _site_names(meta, nodes, article), index)
    facts.headline = next(iter(facts.elements("h1")), None)
    return facts


_NON_WORD = re.compile(r"[\W_]+")


def compact(text: str) -> str:
    """Lowercase letters and digits only: "The Motley Fool" -> "themotleyfool"."""
    return _NON_WORD.sub("", text.casefold())


def _extra_words(text: str, name: str) -> int:
    """The words of `text` that are not part of the compacted `name` ("Engora Data Blog", "engora": 2)."""
    words = [compact(word) for word in text.split()]
    return sum(1 for word in words if word and (len(word) < 3 or word not in name))


def is_site_name(text: str, facts: PageFacts, loose: bool = True) -> bool:
    """Whether `text` names the site: a declared site name, or (`loose`) a phrase the host is made of.

    Titles use the loose test ("The Motley Fool" on fool.com); authors the strict one, since
    a personal site is named after its author ("Sam Bossley" on sam.bossley.com).
    """
    key = compact(text)
    if not key:
        return False
    if facts.host and (key == compact(facts.host.removeprefix("www.")) or key in site_labels(facts.host)[-1:]):
        return True  # the host, or its main label: "Accruent" on accruent.com
    for name in facts.site_names:
        other = compact(name)
        if key == other:
            return True
        if loose and other and len(key) >= 4 and other.startswith(key):
            return True
        if loose and other and key.startswith(other) and _extra_words(text, other) <= cues.SITE_NAME_EXTRA_WORDS:
            return True
    if not loose:
        return False
    for label in site_labels(facts.host):
        if key == label or (
            len(label) >= 4 and label in key and _extra_words(text, label) <= cues.SITE_NAME_EXTRA_WORDS
        ):
            return True
        if len(key) >= 5 and key in label:
            return True
    return False
