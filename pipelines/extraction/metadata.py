"""Page metadata: trafilatura's extractor first, completed from markup it does not read."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import timezone
from urllib.parse import urljoin, urlsplit

from dateutil.parser import isoparse
from lxml.html import HtmlElement
from trafilatura.settings import Document

from . import cues


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


def _first(tree: HtmlElement, xpaths: tuple[str, ...]) -> str | None:
    for xp in xpaths:
        for value in tree.xpath(xp):
            value = str(value).strip()
            if value:
                return value
    return None


def _jsonld(tree: HtmlElement) -> tuple[set[str], dict[str, str]]:
    """Every schema.org @type in the page's JSON-LD, and the dates of its article node."""
    found: set[str] = set()
    dates: dict[str, str] = {}

    def walk(node: object, depth: int) -> None:
        if depth > 8:
            return
        if isinstance(node, list):
            for child in node[:200]:
                walk(child, depth + 1)
        elif isinstance(node, dict):
            kind = node.get("@type")
            names = {
                name.rsplit("/", 1)[-1]
                for name in (kind if isinstance(kind, list) else [kind])
                if isinstance(name, str)
            }
            found.update(names)
            if names & cues.ARTICLE_TYPES:
                for key in ("datePublished", "dateModified"):
                    if isinstance(node.get(key), str):
                        dates.setdefault(key, node[key])
            for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                if key in node:
                    walk(node[key], depth + 1)

    for script in tree.xpath(cues.JSONLD_XPATH):
        try:
            walk(json.loads(script), 0)
        except (ValueError, RecursionError):
            continue
    return found, dates


def _split_authors(value: str | None) -> list[str]:
    if not value:
        return []
    names = [name.strip() for name in value.split(";")]
    return list(dict.fromkeys(name for name in names if name))


def _as_list(value: object) -> list[str]:
    if not value:
        return []
    items = value if isinstance(value, list) else str(value).split(",")
    return list(dict.fromkeys(str(item).strip() for item in items if str(item).strip()))


def _absolute(url: str | None, base: str | None) -> str | None:
    if not url:
        return None
    absolute = urljoin(base or "", url.strip())
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None


def read_metadata(tree: HtmlElement, doc: Document | None, url: str | None) -> PageMetadata:
    """Combine trafilatura's metadata with canonical URL, language, dates and declared types."""
    doc = doc or Document()
    canonical = _absolute(_first(tree, cues.CANONICAL_XPATHS), url) or url
    page_url = url or canonical
    host = urlsplit(page_url or "").hostname or None
    language = _first(tree, cues.LANGUAGE_XPATHS) or doc.language
    if language:
        language = language.replace("_", "-").split(",")[0].strip()[:35] or None
    jsonld_types, jsonld_dates = _jsonld(tree)
    published = (
        to_utc_iso(_first(tree, cues.PUBLISHED_XPATHS))
        or to_utc_iso(jsonld_dates.get("datePublished"))
        or to_utc_iso(doc.date)
    )
    modified = to_utc_iso(_first(tree, cues.MODIFIED_XPATHS)) or to_utc_iso(jsonld_dates.get("dateModified"))
    return PageMetadata(
        url=page_url,
        canonical_url=canonical,
        domain=host.removeprefix("www.") if host else None,
        title=doc.title,
        authors=_split_authors(doc.author),
        published=published,
        modified=modified,
        language=language,
        site_name=doc.sitename,
        description=doc.description,
        tags=list(dict.fromkeys(_as_list(doc.categories) + _as_list(doc.tags))),
        image=_absolute(doc.image, page_url),
        og_type=(doc.pagetype or "").lower() or None,
        jsonld_types=jsonld_types,
    )
