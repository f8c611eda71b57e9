"""Is this page one article, or a page that lists others (home, category, tag, search)?"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from . import cues
from .metadata import PageMetadata

_LISTING_PATH = re.compile(cues.LISTING_PATH_PATTERN, re.IGNORECASE)


def classify_page(tree: HtmlElement, meta: PageMetadata, body_words: int) -> tuple[bool, str]:
    """Decide article vs listing; returns (is_article, the cue that decided).

    Declared structure wins (JSON-LD types, og:type); then the URL shape; then the
    page's shape: many linked teaser headings around little body text.
    """
    if meta.jsonld_types & cues.ARTICLE_TYPES:
        return True, "jsonld:" + sorted(meta.jsonld_types & cues.ARTICLE_TYPES)[0]
    if meta.jsonld_types & cues.LISTING_TYPES:
        return False, "jsonld:" + sorted(meta.jsonld_types & cues.LISTING_TYPES)[0]
    if meta.og_type in cues.ARTICLE_OG_TYPES:
        return True, f"og:type={meta.og_type}"
    path = urlsplit(meta.url or "").path
    if meta.og_type in cues.NON_ARTICLE_OG_TYPES:
        # weak on its own (some news sites tag articles "website"): only with a shallow path or little text
        depth = len([part for part in path.split("/") if part])
        if depth <= 1 or body_words < cues.LISTING_MAX_BODY_WORDS:
            return False, f"og:type={meta.og_type}"
    if meta.url and path in ("", "/"):
        return False, "url:site-root"
    if meta.url and _LISTING_PATH.search(path):
        return False, "url:listing-path"
    if body_words < cues.MIN_ARTICLE_WORDS:
        return False, f"short-body:{body_words}<{cues.MIN_ARTICLE_WORDS}"
    teasers = len(tree.xpath(cues.TEASER_HEADING_XPATH))
    if teasers >= cues.LISTING_MIN_TEASERS and body_words < cues.LISTING_MAX_BODY_WORDS:
        return False, f"teasers:{teasers}"
    return True, "body-text"
